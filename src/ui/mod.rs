//! Rendering: a pure function of the state. No I/O, no state changes.

mod compare;
pub mod detail;
mod help;
mod insights;
mod matrix;
mod palette;
mod theme;

pub use theme::{Contrast, Glyphs, Theme};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use crate::app::{Context, Mode, Pane, State};
use crate::data::{Catalog, EntityRef};
use crate::search::Match;

/// Below this width the list and the detail take turns instead of sharing the screen.
pub const SPLIT_WIDTH: u16 = 72;
/// The smallest screen the explorer draws on.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Rows of chrome around the list: tab bar, breadcrumb, footer, and the list's two borders.
const CHROME_ROWS: u16 = 5;

/// How many list rows fit on a screen of this size (the page step).
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(CHROME_ROWS).max(1))
}

pub fn draw(frame: &mut Frame, state: &State, ctx: &Context, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!("terminal too small (need {MIN_WIDTH}x{MIN_HEIGHT})");
        frame.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let [tabs, crumbs, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(tab_bar(state, theme), tabs);
    frame.render_widget(breadcrumb(state, &ctx.catalog, theme), crumbs);
    draw_body(frame, body, state, ctx, theme);
    frame.render_widget(footer_line(state, theme), footer);
    match state.mode {
        Mode::Help => help::draw(frame, area, ctx, theme),
        Mode::Palette => palette::draw(frame, body, state, ctx, theme),
        _ => {}
    }
}

fn tab_bar(state: &State, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, pane) in Pane::ALL.iter().enumerate() {
        let style = if *pane == state.pane {
            theme.active_tab
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!(" {} {} ", i + 1, pane.title()), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("? help", theme.dim));
    Line::from(spans)
}

/// `Incidents › WannaCry › UN GGE 2015 13(j) › Paris Call`
pub fn breadcrumb_text(state: &State, catalog: &Catalog) -> String {
    breadcrumb_joined(state, catalog, Glyphs::UNICODE.crumb)
}

fn breadcrumb_joined(state: &State, catalog: &Catalog, separator: &str) -> String {
    let steps = state
        .current()
        .stack
        .iter()
        .map(|d| catalog.short_label(d.entity));
    std::iter::once(state.pane.title().to_owned())
        .chain(steps)
        .collect::<Vec<_>>()
        .join(&format!(" {separator} "))
}

fn breadcrumb(state: &State, catalog: &Catalog, theme: &Theme) -> Line<'static> {
    let text = breadcrumb_joined(state, catalog, theme.glyphs.crumb);
    Line::styled(format!(" {text}"), theme.heading)
}

fn footer_line(state: &State, theme: &Theme) -> Line<'static> {
    let p = state.current();
    let dot = theme.glyphs.dot;
    if let Some(status) = &state.status {
        return Line::styled(format!(" {status}"), theme.label);
    }
    match state.mode {
        Mode::Palette => Line::styled(
            format!(" type to find anything {dot} Up/Down choose {dot} Enter open {dot} Esc close"),
            theme.dim,
        ),
        Mode::Search => Line::from(vec![
            Span::styled(" /", theme.label),
            Span::raw(p.query.clone()),
            Span::styled(theme.glyphs.cursor, theme.dim),
            Span::styled(
                format!(
                    "  {} found {dot} Enter keep {dot} Esc clear",
                    p.matches.len()
                ),
                theme.dim,
            ),
        ]),
        _ if !p.query.is_empty() => Line::from(vec![
            Span::styled(" filter ", theme.label),
            Span::raw(p.query.clone()),
            Span::styled(
                format!("  {} found {dot} / edit {dot} Esc clear", p.matches.len()),
                theme.dim,
            ),
        ]),
        _ => Line::styled(
            format!(
                " j/k move {dot} Enter open {dot} Esc back {dot} / search {dot} : jump {dot} ? help {dot} q quit"
            ),
            theme.dim,
        ),
    }
}

fn draw_body(frame: &mut Frame, area: Rect, state: &State, ctx: &Context, theme: &Theme) {
    let catalog = &ctx.catalog;
    let p = state.current();
    let open = p.stack.last();
    let detail = |frame: &mut Frame, area: Rect, e: EntityRef, selected: Option<usize>| {
        let block = theme.block(format!(" {} ", catalog.short_label(e)), selected.is_some());
        detail::draw(frame, area, block, catalog, e, selected, theme);
    };
    match (state.pane, open) {
        (Pane::Matrix, None) => return matrix::draw(frame, area, state, catalog, theme),
        (Pane::Insights, None) => return insights::draw(frame, area, state, ctx, theme),
        (Pane::Matrix | Pane::Insights, Some(d)) => {
            return detail(frame, area, d.entity, Some(d.selected));
        }
        _ => {}
    }
    let comparing = match state.marked[..] {
        [a, b] if state.comparing && open.is_none() => Some([a, b]),
        _ => None,
    };
    let list_title = format!(" {} ({}) ", state.pane.title(), p.matches.len());
    let narrow = area.width < SPLIT_WIDTH;
    let [left, right] = if narrow {
        [area, area]
    } else {
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(area)
    };
    let list_focused = open.is_none() && comparing.is_none();
    if !narrow || list_focused {
        draw_list(
            frame,
            left,
            theme.block(list_title, list_focused),
            state,
            ctx,
            theme,
        );
    }
    if narrow && list_focused {
        return;
    }
    match (comparing, open, p.selected_entity()) {
        (Some(pair), _, _) => compare::draw(frame, right, catalog, pair, theme),
        (None, Some(d), _) => detail(frame, right, d.entity, Some(d.selected)),
        (None, None, Some(e)) => detail(frame, right, e, None),
        (None, None, None) => frame.render_widget(
            Paragraph::new("Nothing matches. Esc clears the filter.")
                .block(theme.block(String::new(), false)),
            right,
        ),
    }
}

fn draw_list(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    state: &State,
    ctx: &Context,
    theme: &Theme,
) {
    let p = state.current();
    let rows = usize::from(block.inner(area).height);
    let (start, window) = window(&p.matches, p.selected, p.offset, rows);
    let items: Vec<ListItem> = (window.iter())
        .map(|m| {
            let mut line = row(ctx, &p.matched, m, theme);
            if state.marked.contains(&m.entity) {
                line.spans.insert(
                    0,
                    Span::styled(format!("{} ", theme.glyphs.carried), theme.label),
                );
            }
            ListItem::new(line)
        })
        .collect();
    let empty = items.is_empty();
    let list = selectable(items, theme).block(block);
    let mut list_state = ListState::default().with_selected((!empty).then(|| p.selected - start));
    frame.render_stateful_widget(list, area, &mut list_state);
}

/// The matches that fit in `rows` lines, from `offset` but always with `selected` among
/// them, and where they start: only the rows on screen are labelled and highlighted, which
/// at 100,000 entities is the difference between a fast frame and a slow one.
pub(crate) fn window(
    matches: &[Match],
    selected: usize,
    offset: usize,
    rows: usize,
) -> (usize, &[Match]) {
    let rows = rows.max(1);
    let start = offset
        .min(selected)
        .max((selected + 1).saturating_sub(rows))
        .min(matches.len());
    (start, &matches[start..matches.len().min(start + rows)])
}

/// A list whose selected row is reversed and marked with `>`, visible without colour.
pub(crate) fn selectable<'a>(items: Vec<ListItem<'a>>, theme: &Theme) -> List<'a> {
    List::new(items)
        .highlight_symbol("> ")
        .highlight_style(theme.selected)
}

/// A list row with the characters that `query` matched highlighted.
pub(crate) fn row(ctx: &Context, query: &str, m: &Match, theme: &Theme) -> Line<'static> {
    Line::from(highlighted(
        ctx.catalog.row_label(m.entity),
        &ctx.index.highlight(m.entity, query),
        theme,
    ))
}

/// `label` as spans, the characters at `highlight` (ascending char indices) highlighted.
fn highlighted(label: String, highlight: &[usize], theme: &Theme) -> Vec<Span<'static>> {
    if highlight.is_empty() {
        return vec![Span::raw(label)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, ch) in label.chars().enumerate() {
        let hit = highlight.binary_search(&i).is_ok();
        if hit != run_hit && !run.is_empty() {
            spans.push(styled_run(std::mem::take(&mut run), run_hit, theme));
        }
        run_hit = hit;
        run.push(ch);
    }
    spans.push(styled_run(run, run_hit, theme));
    spans
}

fn styled_run(text: String, hit: bool, theme: &Theme) -> Span<'static> {
    if hit {
        Span::styled(text, theme.highlight)
    } else {
        Span::raw(text)
    }
}
