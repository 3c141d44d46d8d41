//! The help overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use crate::app::{Context, Mode, help_rows};
use crate::data::Kind;

/// Width of the key column of one entry.
const KEYS_WIDTH: usize = 16;
/// Inner width from which the entries are laid out in two columns.
const TWO_COLUMNS: usize = 76;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context, theme: &Theme) {
    let wide = usize::from(area.width.saturating_sub(2)) >= TWO_COLUMNS;
    let column = if wide { TWO_COLUMNS / 2 } else { 44 };
    let columns = if wide { 2 } else { 1 };
    let mut lines = lines(theme, columns, column);
    lines.push(Line::default());
    for about in about(ctx) {
        for line in textwrap::wrap(&about, column * columns) {
            lines.push(Line::styled(line.into_owned(), theme.dim));
        }
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let width = u16::try_from(column * columns + 2).unwrap_or(u16::MAX);
    let popup = area.centered(Constraint::Max(width), Constraint::Max(height));
    frame.render_widget(Clear, popup);
    let block = theme
        .block(format!(" Keys {} any key closes ", theme.glyphs.dot), true)
        .title_bottom(Line::styled(edition(ctx, theme), theme.dim));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// What is running and on which data: short enough for the frame's bottom edge, so that it
/// shows at any size.
fn edition(ctx: &Context, theme: &Theme) -> String {
    let edition = (ctx.catalog.edition()).map_or_else(String::new, |e| format!(" {e}"));
    format!(
        " cybernorms {} {} dataset{edition} ",
        env!("CARGO_PKG_VERSION"),
        theme.glyphs.dot
    )
}

/// The dataset's size and whose the links are, below the keys where there is room.
fn about(ctx: &Context) -> [String; 2] {
    let c = &ctx.catalog;
    [
        format!(
            "The dataset: {} agreements, {} norms, {} incidents.",
            c.count(Kind::Agreement),
            c.count(Kind::Norm),
            c.count(Kind::Incident)
        ),
        "Links marked editorial are this project's analysis, not the BPF's.".to_owned(),
    ]
}

fn lines(theme: &Theme, columns: usize, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let sections: [(&[Mode], &str); 2] = [
        (&[Mode::Browse, Mode::Grid], "Browsing"),
        (
            &[Mode::Search, Mode::Palette],
            "Searching (/) and jumping (:)",
        ),
    ];
    for (modes, heading) in sections {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(heading, theme.heading));
        let entries: Vec<[Span<'static>; 2]> = (modes.iter().flat_map(|&m| help_rows(m)))
            .map(|(keys, help)| {
                let desc: String = help.chars().take(width - KEYS_WIDTH - 1).collect();
                [
                    Span::styled(format!("{keys:<KEYS_WIDTH$}"), theme.label),
                    Span::raw(format!(" {desc:<w$}", w = width - KEYS_WIDTH - 1)),
                ]
            })
            .collect();
        let rows = entries.len().div_ceil(columns);
        for r in 0..rows {
            let spans = (0..columns)
                .filter_map(|c| entries.get(c * rows + r))
                .flat_map(|e| e.iter().cloned())
                .collect::<Vec<_>>();
            out.push(Line::from(spans));
        }
    }
    out
}
