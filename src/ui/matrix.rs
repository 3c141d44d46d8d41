//! The coverage matrix: norms as columns (grouped by set), agreements or incidents as rows.
//! The row and column headers stay in view; the column under the cursor is named in full.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::State;
use crate::data::{Catalog, EntityRef, Kind};
use crate::insights::{self, Cell};

/// Columns per norm cell.
const CELL: u16 = 3;

/// The short column label of a norm: `f` for `13(f)`, `3` for `Norm 3`.
fn column_label(c: &Catalog, norm: usize) -> String {
    let code = &c.norm(norm).code;
    let token = code.rsplit([' ', '(']).next().unwrap_or(code);
    token.trim_end_matches(')').chars().take(2).collect()
}

fn glyph(cell: Cell, theme: &Theme) -> &'static str {
    match cell {
        Cell::Empty => theme.glyphs.absent,
        Cell::Contains => theme.glyphs.carried,
        Cell::Echoes => theme.glyphs.echoed,
        Cell::Editorial => "E",
        Cell::Bpf => "B",
    }
}

/// The first index of the page of `size` that holds `at`.
fn page_start(at: usize, size: usize) -> usize {
    at.checked_div(size).map_or(0, |page| page * size)
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, c: &Catalog, theme: &Theme) {
    let m = &state.matrix;
    let kind = m.row_kind();
    let what = if m.incidents {
        "incidents"
    } else {
        "agreements"
    };
    let other = if m.incidents {
        "agreements"
    } else {
        "incidents"
    };
    let block = theme.block(format!(" Matrix: {what} x norms (t: {other}) "), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 5 || inner.width < 12 {
        return;
    }
    let rows = c.count(kind);
    let cols = c.count(Kind::Norm);
    let head_w = (inner.width / 3).clamp(8, 26);
    let visible_cols = usize::from((inner.width - head_w) / CELL);
    let visible_rows = usize::from(inner.height - 4);
    let col0 = page_start(m.col, visible_cols);
    let row0 = page_start(m.row, visible_rows);
    let shown_cols: Vec<usize> = (col0..cols).take(visible_cols).collect();
    let mut lines: Vec<Line> = Vec::new();

    // Status: the column (and row) under the cursor, in full.
    let status = if m.col < cols && m.row < rows {
        let row = EntityRef::new(kind, m.row);
        let cell = insights::cell(c, row, m.col);
        format!(
            "{}: {} {} {} [{}]",
            c.norm_code(m.col),
            c.norm(m.col).name,
            theme.glyphs.dot,
            c.short_label(row),
            glyph(cell, theme),
        )
    } else {
        format!("no {what}")
    };
    lines.push(Line::styled(status, theme.label));

    // Column headers: set names over their groups, then the codes.
    let pad = " ".repeat(usize::from(head_w));
    let mut sets = vec![Span::raw(pad.clone())];
    let mut codes = vec![Span::raw(pad)];
    let set_of = |n: usize| c.set_of(n).map_or("", |s| s.short_name.as_str());
    for (i, &n) in shown_cols.iter().enumerate() {
        if i == 0 || set_of(shown_cols[i - 1]) != set_of(n) {
            let run = shown_cols[i..]
                .iter()
                .take_while(|&&o| set_of(o) == set_of(n))
                .count();
            let width = run * usize::from(CELL);
            let name: String = format!("{:<width$}", set_of(n))
                .chars()
                .take(width)
                .collect();
            sets.push(Span::styled(name, theme.heading));
        }
        let style = if n == m.col {
            theme.selected
        } else {
            theme.label
        };
        codes.push(Span::styled(format!(" {:<2}", column_label(c, n)), style));
    }
    lines.push(Line::from(sets));
    lines.push(Line::from(codes));

    // Rows: a sticky header, then a cell per shown column.
    for r in (row0..rows).take(visible_rows) {
        let row = EntityRef::new(kind, r);
        let label: String = c
            .short_label(row)
            .chars()
            .take(usize::from(head_w) - 1)
            .collect();
        let head_style = if r == m.row {
            theme.selected
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            format!("{label:<w$} ", w = usize::from(head_w) - 1),
            head_style,
        )];
        for &n in &shown_cols {
            let g = glyph(insights::cell(c, row, n), theme);
            let style = if r == m.row && n == m.col {
                theme.selected
            } else {
                Style::new()
            };
            spans.push(Span::styled(format!(" {g} "), style));
        }
        lines.push(Line::from(spans));
    }
    while lines.len() < usize::from(inner.height) - 1 {
        lines.push(Line::default());
    }
    let legend = if m.incidents {
        format!(
            "E editorial  B the BPF's own  {} none    hjkl move  Enter open  t rows",
            glyph(Cell::Empty, theme)
        )
    } else {
        format!(
            "{} in its text  {} echoed  {} none    hjkl move  Enter open  t rows",
            glyph(Cell::Contains, theme),
            glyph(Cell::Echoes, theme),
            glyph(Cell::Empty, theme),
        )
    };
    lines.push(Line::styled(legend, theme.dim));
    frame.render_widget(Paragraph::new(lines), inner);
}
