//! Wide (CJK) characters, combining accents and emoji keep columns aligned; truncation never
//! splits a character; search highlights land on the right cells.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cybernorms::app::{self, Context, State};
use cybernorms::data;
use cybernorms::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn ctx() -> Context {
    let text = include_str!("fixtures/mini.ron")
        .replacen(
            "name: \"WannaCry\"",
            "name: \"東京電力 攻撃 🚨 WannaCry\"",
            1,
        )
        .replacen(
            "name: \"SolarWinds\"",
            "name: \"Cafe\u{301} Zürich SolarWinds very long name that will be cut\"",
            1,
        );
    Context::new(data::load_str("unicode.ron", &text).unwrap())
}

fn draw(state: &State, ctx: &Context, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, state, ctx, &Theme::default()))
        .unwrap();
    t.backend().buffer().clone()
}

/// The x of every cell holding `symbol` on row `y`.
fn columns_of(buf: &Buffer, y: u16, symbol: &str) -> Vec<u16> {
    (0..buf.area.width)
        .filter(|&x| buf[(x, y)].symbol() == symbol)
        .collect()
}

#[test]
fn borders_stay_aligned_beside_wide_and_combining_text() {
    let ctx = ctx();
    let state = State::new(&ctx);
    for (w, h) in [(80, 24), (61, 20), (100, 30)] {
        let buf = draw(&state, &ctx, w, h);
        let first = columns_of(&buf, 3, "│");
        for y in 4..h - 2 {
            assert_eq!(columns_of(&buf, y, "│"), first, "row {y} at {w}x{h}");
        }
    }
}

#[test]
fn a_wide_character_is_never_split_at_the_edge() {
    let ctx = ctx();
    let state = State::new(&ctx);
    // Every width puts the list's right edge somewhere else in the CJK name.
    for w in 72..90 {
        let buf = draw(&state, &ctx, w, 24);
        let row = 3; // the first list row, "> 2017 東京電力 攻撃 🚨 WannaCry"
        let edge = columns_of(&buf, row, "│")[1];
        // A wide character in the last cell before the border would have its second half
        // under the border: truncation must stop before it instead.
        let before = buf[(edge - 1, row)].symbol();
        assert!(
            unicode_width::UnicodeWidthStr::width(before) <= 1,
            "{before:?} is cut by the border at width {w}"
        );
        assert_eq!(
            buf[(edge, row)].symbol(),
            "│",
            "the border is intact at width {w}"
        );
    }
}

#[test]
fn highlights_land_on_the_matched_wide_characters() {
    let ctx = ctx();
    let mut state = State::new(&ctx);
    for action in std::iter::once(
        app::keymap(
            app::Mode::Browse,
            KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE),
        )
        .unwrap(),
    )
    .chain("電力".chars().map(app::Action::Input))
    {
        app::update(&mut state, action, &ctx);
    }
    let buf = draw(&state, &ctx, 80, 24);
    let row = 3;
    let highlighted: Vec<&str> = (0..80)
        .map(|x| &buf[(x, row)])
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(highlighted, ["電", "力"]);
}

#[test]
fn combining_accents_are_matched_without_the_accent() {
    let ctx = ctx();
    let mut state = State::new(&ctx);
    app::update(&mut state, app::Action::SearchStart, &ctx);
    for ch in "cafe zurich".chars() {
        app::update(&mut state, app::Action::Input(ch), &ctx);
    }
    assert_eq!(state.current().matches.len(), 1);
    let buf = draw(&state, &ctx, 80, 24);
    let text: String = (0..40).map(|x| buf[(x, 3)].symbol()).collect();
    assert!(text.contains("Cafe\u{301} Zürich"), "{text}");
}
