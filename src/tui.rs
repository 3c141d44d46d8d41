//! The terminal edge: setup and restore, input and signal threads, and the event loop.
//! The loop is generic over ratatui's `Backend`, so tests drive it without a terminal.

use std::io::Write;
use std::sync::mpsc;
use std::thread;

use crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{self, Action, Context, State};
use crate::ui::{self, Theme};

/// What reaches the event loop.
#[derive(Debug)]
pub enum Input {
    Key(KeyEvent),
    Resize,
    /// SIGTERM, SIGHUP (the SSH connection dropped), SIGINT or SIGQUIT.
    Signal(i32),
    /// Reading the terminal failed: it is gone.
    ReadError(std::io::Error),
}

/// Restores the terminal when dropped, whatever way `run` is left.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Runs the explorer on the real terminal until the user quits, a signal arrives or the
/// terminal goes away. The terminal is restored on every path, panics included
/// (ratatui's init installs a panic hook that restores it).
pub fn run(ctx: &Context, theme: &Theme) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = signal_tx.send(Input::Signal(sig));
        }
    });
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    thread::spawn(move || read_input(&tx));
    let mut clipboard = |text: &str| {
        let mut out = std::io::stdout();
        let _ = out
            .write_all(osc52(text).as_bytes())
            .and_then(|()| out.flush());
    };
    event_loop(&mut terminal, ctx, theme, rx, &mut clipboard)?;
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the clipboard of the terminal the user sits at:
/// it travels over SSH, and tmux (with `set-clipboard on`) keeps it in its buffer too.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// Forwards terminal events until reading fails or nobody listens any more.
fn read_input(tx: &mpsc::Sender<Input>) {
    loop {
        let input = match event::read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Input::Key(key),
            Ok(Event::Resize(..)) => Input::Resize,
            Ok(_) => continue,
            Err(e) => {
                let _ = tx.send(Input::ReadError(e));
                return;
            }
        };
        if tx.send(input).is_err() {
            return;
        }
    }
}

/// Why the event loop ended.
#[derive(Debug)]
pub enum Exit {
    Quit,
    Signal(i32),
    InputClosed,
}

/// Draws the first frame, then applies inputs until one ends the session. Draws only
/// after an input that maps to an action; ratatui's buffer diff sends only what changed.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    ctx: &Context,
    theme: &Theme,
    inputs: impl IntoIterator<Item = Input>,
    clipboard: &mut dyn FnMut(&str),
) -> Result<Exit, B::Error> {
    let mut state = State::new(ctx);
    resize(&mut state, terminal, ctx)?;
    terminal.draw(|f| ui::draw(f, &state, ctx, theme))?;
    for input in inputs {
        match input {
            Input::Key(key) => {
                let Some(action) = app::keymap(state.mode, key) else {
                    continue;
                };
                app::update(&mut state, action, ctx);
                if state.quit {
                    return Ok(Exit::Quit);
                }
                if action == Action::Redraw {
                    terminal.clear()?;
                }
                if let Some(text) = state.clipboard.take() {
                    clipboard(&text);
                }
            }
            Input::Resize => resize(&mut state, terminal, ctx)?,
            Input::Signal(sig) => return Ok(Exit::Signal(sig)),
            Input::ReadError(_) => return Ok(Exit::InputClosed),
        }
        terminal.draw(|f| ui::draw(f, &state, ctx, theme))?;
    }
    Ok(Exit::InputClosed)
}

fn resize<B: Backend>(
    state: &mut State,
    terminal: &mut Terminal<B>,
    ctx: &Context,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    app::update(state, Action::Viewport(ui::list_rows(size.height)), ctx);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn osc52_is_the_exact_clipboard_sequence() {
        // "hi" in base64 is "aGk=".
        assert_eq!(super::osc52("hi").as_bytes(), b"\x1b]52;c;aGk=\x07");
    }
}
