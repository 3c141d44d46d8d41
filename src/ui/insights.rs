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

/// `label` in at most `width` characters: when too long, its middle gives way, so that the
/// end, where norm codes tell `Principle 1` from `Principle 10`, stays readable.
fn elide(label: &str, width: usize, elision: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= width {
        return label.to_owned();
    }
    let tail = width.div_ceil(2);
    let head = width.saturating_sub(tail + elision.chars().count());
    let mut out: String = chars[..head].iter().collect();
    out.push_str(elision);
    out.extend(&chars[chars.len() - tail..]);
    out
}

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
            let label = elide(&b.label, LABEL - 1, theme.glyphs.elision);
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

#[cfg(test)]
mod tests {
    use super::elide;

    #[test]
    fn long_labels_lose_their_middle_and_keep_the_code() {
        assert_eq!(elide("UN GGE 2015 13(a)", 23, "…"), "UN GGE 2015 13(a)");
        let cut = elide("Charter of Trust Principle 10", 23, "…");
        assert_eq!(cut, "Charter of…Principle 10");
        assert_eq!(cut.chars().count(), 23);
        assert_ne!(cut, elide("Charter of Trust Principle 1", 23, "…"));
    }
}
