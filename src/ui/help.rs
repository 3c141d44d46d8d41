//! The help overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use crate::app::{Mode, help_rows};

/// Width of the key column of one entry.
const KEYS_WIDTH: usize = 16;
/// Inner width from which the entries are laid out in two columns.
const TWO_COLUMNS: usize = 76;

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let wide = usize::from(area.width.saturating_sub(2)) >= TWO_COLUMNS;
    let column = if wide { TWO_COLUMNS / 2 } else { 44 };
    let lines = lines(theme, if wide { 2 } else { 1 }, column);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let width = u16::try_from(column * if wide { 2 } else { 1 } + 2).unwrap_or(u16::MAX);
    let popup = area.centered(Constraint::Max(width), Constraint::Max(height));
    frame.render_widget(Clear, popup);
    let block = theme.block(format!(" Keys {} any key closes ", theme.glyphs.dot), true);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
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
