//! The one table of key bindings. `keymap` reads it to turn keys into actions and the help
//! overlay is generated from it, so the two never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, CopyWhat, Motion, Pane};

/// Which keys are live: browsing, typing a search, or reading the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// The matrix grid: its own cursor keys, then the browsing keys.
    Grid,
    Search,
    Palette,
    Help,
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}
const fn c(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: false,
    }
}
const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: true,
    }
}

pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

use KeyCode::*;
use Mode::*;

const fn b(mode: Mode, keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        mode,
        keys,
        action,
        help,
    }
}

/// The help text of the five pane keys, shown once for all of them.
const PANES: &str = "go to pane";

pub const BINDINGS: &[Binding] = &[
    b(Browse, &[c('1')], Action::Pane(Pane::Agreements), PANES),
    b(Browse, &[c('2')], Action::Pane(Pane::Norms), PANES),
    b(Browse, &[c('3')], Action::Pane(Pane::Incidents), PANES),
    b(Browse, &[c('4')], Action::Pane(Pane::Matrix), PANES),
    b(Browse, &[c('5')], Action::Pane(Pane::Insights), PANES),
    b(Browse, &[k(Tab)], Action::NextPane, "next pane"),
    b(Browse, &[k(BackTab)], Action::PrevPane, "previous pane"),
    b(
        Browse,
        &[c('j'), k(Down)],
        Action::Move(Motion::Down),
        "move down",
    ),
    b(
        Browse,
        &[c('k'), k(Up)],
        Action::Move(Motion::Up),
        "move up",
    ),
    b(
        Browse,
        &[c('g'), k(Home)],
        Action::Move(Motion::Top),
        "first item",
    ),
    b(
        Browse,
        &[c('G'), k(End)],
        Action::Move(Motion::Bottom),
        "last item",
    ),
    b(
        Browse,
        &[k(PageDown)],
        Action::Move(Motion::PageDown),
        "page down",
    ),
    b(
        Browse,
        &[k(PageUp)],
        Action::Move(Motion::PageUp),
        "page up",
    ),
    b(
        Browse,
        &[ctrl('d')],
        Action::Move(Motion::HalfDown),
        "half page down",
    ),
    b(
        Browse,
        &[ctrl('u')],
        Action::Move(Motion::HalfUp),
        "half page up",
    ),
    b(
        Browse,
        &[k(Enter), c('l'), k(Right)],
        Action::Open,
        "open / follow link",
    ),
    b(
        Browse,
        &[k(Esc), k(Backspace), c('h'), k(Left)],
        Action::Back,
        "back / clear filter",
    ),
    b(Browse, &[c(' ')], Action::Mark, "mark agreement"),
    b(Browse, &[c('c')], Action::Compare, "compare marked two"),
    b(
        Grid,
        &[c('h'), k(Left)],
        Action::Column(Motion::Up),
        "matrix: column left",
    ),
    b(
        Grid,
        &[c('l'), k(Right)],
        Action::Column(Motion::Down),
        "matrix: column right",
    ),
    b(Grid, &[c('t')], Action::ToggleRows, "matrix: rows kind"),
    b(Browse, &[c('/')], Action::SearchStart, "search this pane"),
    b(
        Browse,
        &[c(':'), ctrl('k')],
        Action::PaletteOpen,
        "jump to anything",
    ),
    b(
        Browse,
        &[ctrl('o'), c('[')],
        Action::HistoryBack,
        "back across jumps",
    ),
    b(
        Browse,
        &[ctrl('i'), c(']')],
        Action::HistoryForward,
        "forward across jumps",
    ),
    b(
        Browse,
        &[c('y')],
        Action::Copy(CopyWhat::Card),
        "copy citation card",
    ),
    b(
        Browse,
        &[c('Y')],
        Action::Copy(CopyWhat::Id),
        "copy id / norm code",
    ),
    b(Browse, &[c('?')], Action::Help, "this help"),
    b(Browse, &[ctrl('l')], Action::Redraw, "redraw screen"),
    b(Browse, &[c('q'), ctrl('c')], Action::Quit, "quit"),
    b(Search, &[k(Enter)], Action::Accept, "keep the filter"),
    b(Search, &[k(Esc)], Action::Cancel, "clear the filter"),
    b(Palette, &[k(Enter)], Action::Accept, "palette: open item"),
    b(Palette, &[k(Esc)], Action::Cancel, "palette: close"),
    b(
        Search,
        &[k(Backspace)],
        Action::DeleteChar,
        "delete a character",
    ),
    b(Search, &[ctrl('u')], Action::ClearInput, "delete the query"),
    b(
        Search,
        &[k(Down), ctrl('n')],
        Action::Move(Motion::Down),
        "next match",
    ),
    b(
        Search,
        &[k(Up), ctrl('p')],
        Action::Move(Motion::Up),
        "previous match",
    ),
    b(Search, &[ctrl('c')], Action::Quit, "quit"),
];

/// The action for a key press in `mode`, if any. In search mode, plain characters are input;
/// in help mode, any key closes the help.
pub fn keymap(mode: Mode, event: KeyEvent) -> Option<Action> {
    let control = event.modifiers.contains(KeyModifiers::CONTROL);
    let key = Key {
        code: event.code,
        ctrl: control,
    };
    if mode == Help {
        return Some(if key == ctrl('c') {
            Action::Quit
        } else {
            Action::CloseHelp
        });
    }
    // The palette is a prompt like search: it shares search's editing keys.
    let table = |m: Mode| {
        (BINDINGS.iter())
            .find(|b| b.mode == m && b.keys.contains(&key))
            .map(|b| b.action)
    };
    let bound = match mode {
        Palette => table(Palette).or_else(|| table(Search)),
        Grid => table(Grid).or_else(|| table(Browse)),
        _ => table(mode),
    };
    let typing = matches!(mode, Search | Palette);
    match (bound, event.code) {
        (Some(action), _) => Some(action),
        (None, Char(ch)) if typing && !control && !ch.is_control() => Some(Action::Input(ch)),
        _ => None,
    }
}

/// The help's rows for `mode`: the keys, as written for people, and what they do.
/// Neighbouring bindings with the same help share a row (`1 2 3 4 5`).
pub fn help_rows(mode: Mode) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.mode == mode) {
        let keys: Vec<String> = b.keys.iter().map(|&k| key_name(k)).collect();
        match rows.last_mut() {
            Some((shared, help)) if *help == b.help => {
                shared.push(' ');
                shared.push_str(&keys.join(" "));
            }
            _ => rows.push((keys.join(" "), b.help)),
        }
    }
    rows
}

/// How a key is written in the help: `j`, `Ctrl-d`, `Shift-Tab`, `PgDn`.
pub fn key_name(key: Key) -> String {
    let base = match key.code {
        Char(' ') => "Space".to_owned(),
        Char(ch) => ch.to_string(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Down => "Down".into(),
        Up => "Up".into(),
        Left => "Left".into(),
        Right => "Right".into(),
        Home => "Home".into(),
        End => "End".into(),
        PageDown => "PgDn".into(),
        PageUp => "PgUp".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Backspace => "Bksp".into(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.mode == b.mode {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{key:?} bound twice in {:?}", a.mode);
                    }
                }
            }
        }
    }

    #[test]
    fn shifted_letters_and_backtab_map_through_the_table() {
        assert_eq!(
            keymap(Browse, press(Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Move(Motion::Bottom))
        );
        assert_eq!(
            keymap(Browse, press(BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
    }

    #[test]
    fn search_mode_types_letters_that_browse_mode_binds() {
        assert_eq!(
            keymap(Search, press(Char('q'), KeyModifiers::NONE)),
            Some(Action::Input('q'))
        );
        assert_eq!(
            keymap(Search, press(Char('É'), KeyModifiers::SHIFT)),
            Some(Action::Input('É'))
        );
        assert_eq!(
            keymap(Browse, press(Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap(Search, press(Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn the_palette_types_and_edits_like_search_but_enter_opens() {
        assert_eq!(
            keymap(Palette, press(Char('y'), KeyModifiers::NONE)),
            Some(Action::Input('y'))
        );
        assert_eq!(
            keymap(Palette, press(Backspace, KeyModifiers::NONE)),
            Some(Action::DeleteChar)
        );
        assert_eq!(
            keymap(Palette, press(Enter, KeyModifiers::NONE)),
            Some(Action::Accept)
        );
        assert_eq!(
            keymap(Browse, press(Char('k'), KeyModifiers::CONTROL)),
            Some(Action::PaletteOpen)
        );
    }

    #[test]
    fn any_key_closes_help_but_ctrl_c_still_quits() {
        assert_eq!(
            keymap(Help, press(Char('x'), KeyModifiers::NONE)),
            Some(Action::CloseHelp)
        );
        assert_eq!(
            keymap(Help, press(Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn unbound_keys_do_nothing() {
        assert_eq!(keymap(Browse, press(Char('z'), KeyModifiers::NONE)), None);
        assert_eq!(
            keymap(Browse, press(KeyCode::F(5), KeyModifiers::NONE)),
            None
        );
    }
}
