//! Colours and text styles. The default uses only the 16 named ANSI colours plus bold and
//! reverse, never a painted background, so it reads on light and dark terminals alike.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading: Style,
    pub label: Style,
    pub dim: Style,
    pub selected: Style,
    pub highlight: Style,
    pub active_tab: Style,
    pub border_focus: Style,
    pub border: Style,
    pub basis: Style,
}

impl Theme {
    /// The default theme, or a colourless one when `no_color` (the `NO_COLOR` convention).
    pub fn new(no_color: bool) -> Self {
        let fg = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            title: bold,
            heading: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            label: fg(Color::Blue).add_modifier(Modifier::BOLD),
            dim: if no_color {
                Style::new()
            } else {
                Style::new().add_modifier(Modifier::DIM)
            },
            selected: Style::new().add_modifier(Modifier::REVERSED),
            highlight: fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            active_tab: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border_focus: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new(),
            basis: fg(Color::Magenta),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(false)
    }
}
