//! Property tests: random key sequences at random sizes (1x1 to 400x150, resized on the
//! way) never panic and keep the state consistent; arbitrary text never panics the loader.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cybernorms::app::{self, Context, State};
use cybernorms::data;
use cybernorms::ui::{self, Theme};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        prop::sample::select(vec![
            '1', '2', '3', 'j', 'k', 'g', 'G', 'h', 'l', '/', '?', 'q', 's', 'o', 'é', ' '
        ])
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
        ]),
    ];
    let mods = prop::sample::select(vec![KeyModifiers::NONE, KeyModifiers::CONTROL]);
    (code, mods).prop_map(|(c, m)| KeyEvent::new(c, m))
}

#[derive(Debug, Clone)]
enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        8 => key().prop_map(Event::Key),
        1 => (1u16..=400, 1u16..=150).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_keys_at_random_sizes_keep_the_state_consistent(
        events in prop::collection::vec(event(), 0..60),
        width in 1u16..=400,
        height in 1u16..=150,
    ) {
        let ctx = Context::new(data::load_bundled().unwrap());
        let mut state = State::new(&ctx);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        app::update(&mut state, app::Action::Viewport(ui::list_rows(height)), &ctx);
        for event in events {
            match event {
                Event::Key(key) => {
                    if let Some(action) = app::keymap(state.key_mode(), key) {
                        app::update(&mut state, action, &ctx);
                    }
                }
                Event::Resize(w, h) => {
                    terminal.backend_mut().resize(w, h);
                    app::update(&mut state, app::Action::Viewport(ui::list_rows(h)), &ctx);
                }
            }
            if state.quit {
                break;
            }
            // Drawing outside the frame would panic inside ratatui's buffer.
            terminal.draw(|f| ui::draw(f, &state, &ctx, &Theme::default())).unwrap();
            for pane in &state.panes {
                prop_assert!(pane.matches.is_empty() || pane.selected < pane.matches.len());
                prop_assert!(pane.offset <= pane.selected);
                for d in &pane.stack {
                    prop_assert!(d.selected < ctx.catalog.stops(d.entity));
                }
                // Every step of a drill-down is a link of the step before it.
                for pair in pane.stack.windows(2) {
                    let from = &pair[0];
                    prop_assert_eq!(ctx.catalog.links(from.entity)[from.selected].target, pair[1].entity);
                }
            }
        }
    }

    #[test]
    fn any_text_loads_or_fails_without_panicking(text in "\\PC{0,400}") {
        let _ = data::load_str("fuzz.ron", &text);
    }

    #[test]
    fn mutated_fixture_loads_or_fails_without_panicking(at in 0usize..4000, insert in "[(),:\\[\\]\"a-z0-9 ]{0,8}") {
        let mini = include_str!("fixtures/mini.ron");
        let mut cut = at.min(mini.len());
        while !mini.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = format!("{}{}{}", &mini[..cut], insert, &mini[cut..]);
        let _ = data::load_str("mutated.ron", &text);
    }
}
