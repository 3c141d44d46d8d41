//! Colours, text styles and glyphs. The default uses only the 16 named ANSI colours plus bold
//! and reverse, never a painted background, so it reads on light and dark terminals alike.
//! Colour never carries meaning alone: selection is reverse video plus a `>` marker.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::widgets::Block;

/// The characters the screen is drawn with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyphs {
    /// Separates items on one line: `a · b`.
    pub dot: &'static str,
    /// Separates breadcrumb steps: `Incidents › WannaCry`.
    pub crumb: &'static str,
    pub bullet: &'static str,
    /// The text cursor in a prompt.
    pub cursor: &'static str,
    pub border: border::Set<'static>,
    /// Matrix cells: carried in the text, echoed, absent.
    pub carried: &'static str,
    pub echoed: &'static str,
    pub absent: &'static str,
    /// One unit of a text bar chart.
    pub bar: &'static str,
    /// Stands for the characters cut from the middle of a label too long for its column.
    pub elision: &'static str,
}

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        dot: "·",
        crumb: "›",
        bullet: "•",
        cursor: "█",
        border: border::PLAIN,
        carried: "●",
        echoed: "○",
        absent: "·",
        bar: "█",
        elision: "…",
    };
    /// For consoles that cannot draw box characters (`TERM=linux`, `dumb`) or `--ascii`.
    pub const ASCII: Glyphs = Glyphs {
        dot: "-",
        crumb: ">",
        bullet: "*",
        cursor: "_",
        border: border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        },
        carried: "#",
        echoed: "o",
        absent: ".",
        bar: "#",
        elision: "~",
    };
}

/// Which palette of styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Contrast {
    #[default]
    Normal,
    /// Bold text, no dimming, reverse-video highlights: for projectors and low vision.
    High,
}

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
    pub glyphs: Glyphs,
}

impl Theme {
    /// `no_color` follows the `NO_COLOR` convention: no colour codes at all.
    pub fn new(no_color: bool, ascii: bool, contrast: Contrast) -> Self {
        let fg = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        let high = contrast == Contrast::High;
        Self {
            title: bold,
            heading: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            label: fg(Color::Blue).add_modifier(Modifier::BOLD),
            dim: if no_color || high {
                Style::new()
            } else {
                Style::new().add_modifier(Modifier::DIM)
            },
            selected: if high {
                reversed.add_modifier(Modifier::BOLD)
            } else {
                reversed
            },
            highlight: if high {
                reversed.add_modifier(Modifier::UNDERLINED)
            } else {
                fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            },
            active_tab: reversed.add_modifier(Modifier::BOLD),
            border_focus: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: if high { bold } else { Style::new() },
            basis: fg(Color::Magenta).add_modifier(if high {
                Modifier::BOLD
            } else {
                Modifier::empty()
            }),
            glyphs: if ascii {
                Glyphs::ASCII
            } else {
                Glyphs::UNICODE
            },
        }
    }

    /// A bordered block in this theme's glyphs, its border bold and coloured when focused.
    pub fn block<'a>(&self, title: impl Into<ratatui::text::Line<'a>>, focused: bool) -> Block<'a> {
        Block::bordered()
            .border_set(self.glyphs.border)
            .title(title)
            .border_style(if focused {
                self.border_focus
            } else {
                self.border
            })
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(false, false, Contrast::Normal)
    }
}
