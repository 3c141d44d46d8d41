//! The terminal edge: setup and restore, input and signal threads, and the event loop.
//! The loop is generic over ratatui's `Backend`, so tests drive it without a terminal.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;

use crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{self, Action, Context, State};
use crate::search::Stop;
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

/// Begin and end synchronized update (DEC mode 2026): the terminal shows a frame whole.
const BEGIN_SYNC: &[u8] = b"\x1b[?2026h";
const END_SYNC: &[u8] = b"\x1b[?2026l";

/// Wraps each batch of output up to a flush (one ratatui frame) in synchronized-update
/// markers, so a slow link never shows half a frame. Terminals without the mode ignore them.
pub struct SyncWriter<W: Write> {
    inner: W,
    in_frame: bool,
}

impl<W: Write> SyncWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            in_frame: false,
        }
    }
}

impl<W: Write> Write for SyncWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.in_frame && !buf.is_empty() {
            self.inner.write_all(BEGIN_SYNC)?;
            self.in_frame = true;
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.in_frame {
            self.inner.write_all(END_SYNC)?;
            self.in_frame = false;
        }
        self.inner.flush()
    }
}

/// Raw mode, alternate screen, and a panic hook that gives the terminal back before the
/// panic message prints.
fn enter() -> std::io::Result<Terminal<CrosstermBackend<SyncWriter<std::io::Stdout>>>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    Terminal::new(CrosstermBackend::new(SyncWriter::new(std::io::stdout())))
}

/// Runs the explorer on the real terminal until the user quits, a signal arrives or the
/// terminal goes away. The terminal is restored on every path, panics included.
pub fn run(ctx: &Context, theme: &Theme) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    let queued = Arc::new(AtomicUsize::new(0));
    let tx = Inbox {
        tx,
        queued: Arc::clone(&queued),
    };
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = signal_tx.send(Input::Signal(sig));
        }
    });
    let _restore = Restore;
    let mut terminal = enter()?;
    thread::spawn(move || read_input(&tx));
    // Fault injection for the test of the panic path: a panic on the first key.
    let inject_panic = std::env::var_os("CYBERNORMS_TEST_PANIC").is_some();
    let waiting = Arc::clone(&queued);
    let rx = bursts(rx, queued).inspect(move |burst| {
        if inject_panic && burst.iter().any(|i| matches!(i, Input::Key(_))) {
            panic!("injected panic (CYBERNORMS_TEST_PANIC)");
        }
    });
    let mut clipboard = |text: &str| {
        let mut out = std::io::stdout();
        let _ = out
            .write_all(osc52(text).as_bytes())
            .and_then(|()| out.flush());
    };
    let input_waiting = move || waiting.load(Ordering::Relaxed) > 0;
    event_loop(
        &mut terminal,
        ctx,
        theme,
        rx,
        &input_waiting,
        &mut clipboard,
    )?;
    Ok(())
}

/// The sending side of the input channel, counting what is queued and not yet taken, so
/// that a search can give way to input that arrives while it runs.
#[derive(Clone)]
struct Inbox {
    tx: mpsc::Sender<Input>,
    queued: Arc<AtomicUsize>,
}

impl Inbox {
    fn send(&self, input: Input) -> Result<(), mpsc::SendError<Input>> {
        self.queued.fetch_add(1, Ordering::Relaxed);
        self.tx.send(input)
    }
}

/// The OSC 52 sequence that puts `text` on the clipboard of the terminal the user sits at:
/// it travels over SSH, and tmux (with `set-clipboard on`) keeps it in its buffer too.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// Forwards terminal events until reading fails or nobody listens any more.
fn read_input(tx: &Inbox) {
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

/// Draws the first frame, then applies inputs until one ends the session. Inputs come in
/// bursts (all that arrived while the last frame was made): a burst is applied whole, the
/// search runs once for it, and one frame is drawn. A search gives way as soon as
/// `input_waiting`: the next burst is taken at once, and searched for instead (no frame is
/// drawn in between). Nothing is drawn for unbound keys; ratatui's buffer diff sends only
/// the cells that changed.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    ctx: &Context,
    theme: &Theme,
    bursts: impl IntoIterator<Item = Vec<Input>>,
    input_waiting: Stop,
    clipboard: &mut dyn FnMut(&str),
) -> Result<Exit, B::Error> {
    let mut state = State::new(ctx);
    resize(&mut state, terminal, ctx)?;
    terminal.draw(|f| ui::draw(f, &state, ctx, theme))?;
    // Whether the state changed since the last frame (a frame is skipped when a search gives
    // way, and drawn after the next burst, whatever it holds).
    let mut changed = false;
    for burst in bursts {
        for input in burst {
            match input {
                Input::Key(key) => {
                    let Some(action) = app::keymap(state.key_mode(), key) else {
                        continue;
                    };
                    app::step(&mut state, action, ctx);
                    changed = true;
                    if state.quit {
                        return Ok(Exit::Quit);
                    }
                    if action == Action::Redraw {
                        // A full clear and repaint; unlike `Terminal::clear` it does not ask
                        // the terminal for the cursor position (a round trip over SSH).
                        let size = terminal.size()?;
                        terminal.resize(ratatui::layout::Rect::new(
                            0,
                            0,
                            size.width,
                            size.height,
                        ))?;
                    }
                    if let Some(text) = state.clipboard.take() {
                        clipboard(&text);
                    }
                }
                Input::Resize => {
                    resize(&mut state, terminal, ctx)?;
                    changed = true;
                }
                Input::Signal(sig) => return Ok(Exit::Signal(sig)),
                Input::ReadError(_) => return Ok(Exit::InputClosed),
            }
        }
        if changed && app::settle_until(&mut state, ctx, input_waiting) {
            terminal.draw(|f| ui::draw(f, &state, ctx, theme))?;
            changed = false;
        }
    }
    Ok(Exit::InputClosed)
}

/// Everything the channel holds: one input waited for, then those already queued behind it.
fn bursts(rx: mpsc::Receiver<Input>, queued: Arc<AtomicUsize>) -> impl Iterator<Item = Vec<Input>> {
    std::iter::from_fn(move || {
        let first = rx.recv().ok()?;
        let burst: Vec<Input> = std::iter::once(first).chain(rx.try_iter()).collect();
        queued.fetch_sub(burst.len(), Ordering::Relaxed);
        Some(burst)
    })
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
    use super::*;

    #[test]
    fn osc52_is_the_exact_clipboard_sequence() {
        // "hi" in base64 is "aGk=".
        assert_eq!(osc52("hi").as_bytes(), b"\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn each_flushed_batch_is_wrapped_in_sync_markers() {
        let mut w = SyncWriter::new(Vec::new());
        w.write_all(b"ab").unwrap();
        w.write_all(b"c").unwrap();
        w.flush().unwrap();
        w.flush().unwrap();
        w.write_all(b"d").unwrap();
        w.flush().unwrap();
        assert_eq!(w.inner, b"\x1b[?2026habc\x1b[?2026l\x1b[?2026hd\x1b[?2026l");
    }
}
