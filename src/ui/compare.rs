//! Two agreements side by side: the norms both carry, and those only one does, with themes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::Theme;
use crate::data::{Catalog, EntityRef};

pub fn draw(frame: &mut Frame, area: Rect, c: &Catalog, pair: [EntityRef; 2], theme: &Theme) {
    let [name_a, name_b] = pair.map(|e| c.short_label(e));
    let [both, only_a, only_b] = crate::insights::compare(c, pair[0], pair[1]);
    let mut lines = Vec::new();
    for (title, norms) in [
        (format!("Both carry ({})", both.len()), both),
        (format!("Only {name_a} ({})", only_a.len()), only_a),
        (format!("Only {name_b} ({})", only_b.len()), only_b),
    ] {
        lines.push(Line::styled(title, theme.heading));
        for n in norms {
            let themes: Vec<&str> = c.norm(n).themes.iter().map(|t| t.label()).collect();
            let themes = if themes.is_empty() {
                String::new()
            } else {
                format!(" [{}]", themes.join(", "))
            };
            lines.push(Line::raw(format!(
                "  {}: {}{themes}",
                c.norm_code(n),
                c.norm(n).name
            )));
        }
        lines.push(Line::default());
    }
    let block = theme.block(format!(" {name_a} vs {name_b} (Esc closes) "), true);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
