//! Render snapshots of every screen on the bundled dataset, at 80x24 and 120x40, plus
//! the narrow layout. Drawn through the real event loop on ratatui's `TestBackend`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cybernorms::app::Context;
use cybernorms::data;
use cybernorms::tui::{Input, event_loop};
use cybernorms::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Draws the screen after typing `keys` (`\r` Enter, `\x1b` Esc) into a fresh session.
fn screen(width: u16, height: u16, keys: &str) -> String {
    screen_in(&Theme::default(), width, height, keys)
}

fn screen_in(theme: &Theme, width: u16, height: u16, keys: &str) -> String {
    let ctx = Context::new(data::load_bundled().unwrap());
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let inputs = keys.chars().map(|c| {
        let code = match c {
            '\r' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        vec![Input::Key(KeyEvent::new(code, KeyModifiers::NONE))]
    });
    event_loop(&mut terminal, &ctx, theme, inputs, &|| false, &mut |_| {}).unwrap();
    terminal.backend().to_string()
}

macro_rules! screens {
    ($($name:ident: $keys:expr;)*) => {$(
        #[test]
        fn $name() {
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(format!("{}_{w}x{h}", stringify!($name)), screen(w, h, $keys));
            }
        }
    )*};
}

screens! {
    agreements_pane: "1";
    norms_pane: "2";
    incidents_pane: "3";
    incident_detail: "/solar\r\r";
    norm_detail_reached_from_an_incident: "/solar\r\r\r";
    active_search: "/wanna";
    help: "?";
    matrix_incidents: "4jjlllll";
    matrix_agreements: "4t";
    insights: "5";
    insights_items: "5\r";
    compare: "1 j c";
    concordance: "2jjjjjjjjjjj\r";
}

#[test]
fn narrow_terminal_shows_list_or_detail_not_both() {
    insta::assert_snapshot!("narrow_list_60x20", screen(60, 20, ""));
    insta::assert_snapshot!("narrow_detail_60x20", screen(60, 20, "\r"));
}

#[test]
fn tiny_terminal_says_so() {
    let s = screen(20, 5, "");
    assert!(s.contains("terminal too small"), "{s}");
}

#[test]
fn ascii_high_contrast_draws_plain_characters_only() {
    let theme = Theme::new(true, true, cybernorms::ui::Contrast::High);
    let s = screen_in(&theme, 80, 24, "/solar\r\r");
    // The data's own text may hold any character; the drawing must be plain ASCII.
    let drawn = |c: char| ('\u{2500}'..='\u{259F}').contains(&c) || "›•·█".contains(c);
    assert!(!s.chars().any(drawn), "{s}");
    insta::assert_snapshot!("ascii_incident_detail_80x24", s);
}
