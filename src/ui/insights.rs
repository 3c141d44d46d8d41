//! The Insights pane: bar charts of what the corpus holds, each bar selectable; `Enter`
//! lists the items behind a bar beside it, and `Enter` again opens one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, ListState, Paragraph};

use super::{Theme, selectable};
use crate::app::{Context, State, bar};

/// Columns for a bar's label.
const LABEL: usize = 24;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, ctx: &Context, theme: &Theme) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let ins = &state.insights;
    let block = theme.block(" Insights ", ins.item.is_none());
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let bar_room = usize::from(inner.width).saturating_sub(LABEL + 8).max(1);
    let mut items = Vec::new();
    let mut selected_row = 0;
    let mut index = 0;
    for chart in &ctx.charts {
        items.push(ListItem::new(Line::styled(chart.title, theme.heading)));
        let max = chart
            .bars
            .iter()
            .map(|b| b.items.len())
            .max()
            .unwrap_or(0)
            .max(1);
        for b in &chart.bars {
            if index == ins.bar {
                selected_row = items.len();
            }
            let n = b.items.len();
            let length = (n * bar_room).div_ceil(max);
            let label: String = b.label.chars().take(LABEL - 1).collect();
            items.push(ListItem::new(Line::from(vec![
                Span::raw(format!("{label:<LABEL$}")),
                Span::styled(theme.glyphs.bar.repeat(length), theme.label),
                Span::raw(format!(" {n}")),
            ])));
            index += 1;
        }
    }
    let list = selectable(items, theme);
    frame.render_stateful_widget(
        list,
        inner,
        &mut ListState::default().with_selected(Some(selected_row)),
    );

    let Some(b) = bar(ctx, ins.bar) else {
        return;
    };
    let title = format!(" {} ({}) ", b.label, b.items.len());
    let block = theme.block(title, ins.item.is_some());
    let inner = block.inner(right);
    frame.render_widget(block, right);
    if b.items.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled("none", theme.dim)), inner);
        return;
    }
    let items: Vec<ListItem> = (b.items.iter())
        .map(|&e| {
            ListItem::new(format!(
                "{:<10}{}",
                e.kind.label(),
                ctx.catalog.row_label(e)
            ))
        })
        .collect();
    let list = selectable(items, theme);
    frame.render_stateful_widget(
        list,
        inner,
        &mut ListState::default().with_selected(ins.item),
    );
}
