//! The terminal edge: setup and restore, input and signal threads, and the event loop.
//! The loop is generic over ratatui's `Backend`, so tests drive it without a terminal.

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
    event_loop(&mut terminal, ctx, theme, rx)?;
    Ok(())
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
