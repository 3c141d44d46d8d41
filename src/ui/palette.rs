//! The jump palette: a prompt and ranked results of every kind, tagged with their kind.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, ListItem, ListState, Paragraph};

use super::{Theme, row, selectable, window};
use crate::app::{Context, State};

/// Width of the kind tag column: `norm set ` is the longest.
const TAG_WIDTH: usize = 10;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, ctx: &Context, theme: &Theme) {
    let popup = area.centered(Constraint::Max(76), Constraint::Max(area.height));
    frame.render_widget(Clear, popup);
    let p = &state.palette;
    let title = format!(" Jump to {} {} found ", theme.glyphs.dot, p.matches.len());
    let block = theme.block(title, true);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [prompt, results] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(":", theme.label),
            Span::raw(p.query.clone()),
            Span::styled(theme.glyphs.cursor, theme.dim),
        ])),
        prompt,
    );
    let (start, window) = window(&p.matches, p.selected, 0, usize::from(results.height));
    let items: Vec<ListItem> = (window.iter())
        .map(|m| {
            let tag = Span::styled(format!("{:<TAG_WIDTH$}", m.entity.kind.label()), theme.dim);
            let mut line = row(ctx, &p.matched, m, theme);
            line.spans.insert(0, tag);
            ListItem::new(line)
        })
        .collect();
    let selected = (!items.is_empty()).then(|| p.selected - start);
    let list = selectable(items, theme);
    frame.render_stateful_widget(
        list,
        results,
        &mut ListState::default().with_selected(selected),
    );
}
