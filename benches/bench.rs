//! `cargo bench`: load/validate/index and per-keystroke search at 1k, 10k and 100k entities,
//! first-frame time on the bundled dataset. Plain timing loops (no harness): each figure
//! is a median (and p95 where it matters) over repeated runs, printed as a table.

#[path = "../examples/gen.rs"]
mod generator;

use std::time::{Duration, Instant};

use cybernorms::app::{self, Action, Context, State};
use cybernorms::data;
use cybernorms::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Times `f` `runs` times; returns (median, p95).
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.95),
    )
}

/// Types `query` a character at a time and deletes it again, timing each keystroke's update.
fn keystrokes(ctx: &Context, keys: &[Action]) -> Vec<Duration> {
    let mut state = State::new(ctx);
    app::update(&mut state, Action::SearchStart, ctx);
    keys.iter()
        .map(|&a| {
            let t = Instant::now();
            app::update(&mut state, a, ctx);
            t.elapsed()
        })
        .collect()
}

fn typing(query: &str) -> Vec<Action> {
    let mut keys: Vec<Action> = query.chars().map(Action::Input).collect();
    keys.extend(std::iter::repeat_n(Action::DeleteChar, 5));
    keys.extend(
        query
            .chars()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .map(Action::Input),
    );
    keys
}

/// Spawns the real binary in a pseudo-terminal; returns (time to its first full frame,
/// peak resident memory in kB), the frame being its first end-of-synchronized-update marker.
fn first_frame(args: &[&str]) -> (Duration, u64) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cybernorms"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join("cybernorms-bench-cache"),
    );
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    while !seen.windows(8).any(|w| w == b"\x1b[?2026l") {
        let n = reader.read(&mut buf).unwrap();
        seen.extend_from_slice(&buf[..n]);
    }
    let elapsed = start.elapsed();
    let pid = child.process_id().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak_kb = (status.lines())
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    std::io::Write::write_all(&mut writer, b"q").unwrap();
    child.wait().unwrap();
    (elapsed, peak_kb)
}

fn main() {
    println!(
        "| dataset | load+validate+index (median) | keystroke p50 | keystroke p95 | keystroke max |"
    );
    println!("|---|---|---|---|---|");
    let query = "critical grid attack"; // 20 characters
    for n in [1_000, 10_000, 100_000] {
        let text = ron::to_string(&generator::generate(n, 2018)).unwrap();
        let runs = if n >= 100_000 { 3 } else { 10 };
        let (load, _) = time(runs, || {
            let catalog = data::load_str("gen.ron", &text).unwrap();
            std::hint::black_box(Context::new(catalog));
        });
        let ctx = Context::new(data::load_str("gen.ron", &text).unwrap());
        let mut samples: Vec<Duration> = (0..3)
            .flat_map(|_| keystrokes(&ctx, &typing(query)))
            .collect();
        let (p50, p95, max) = (
            percentile(&mut samples, 0.5),
            percentile(&mut samples, 0.95),
            percentile(&mut samples, 1.0),
        );
        println!(
            "| {n} generated | {} | {} | {} | {} |",
            ms(load),
            ms(p50),
            ms(p95),
            ms(max)
        );
    }
    let (load, _) = time(20, || {
        std::hint::black_box(Context::new(data::load_bundled().unwrap()));
    });
    let ctx = Context::new(data::load_bundled().unwrap());
    let mut samples: Vec<Duration> = (0..20)
        .flat_map(|_| keystrokes(&ctx, &typing("solarwinds")))
        .collect();
    println!(
        "| bundled | {} | {} | {} | {} |",
        ms(load),
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.95)),
        ms(percentile(&mut samples, 1.0))
    );
    let (first, _) = time(20, || {
        let ctx = Context::new(data::load_bundled().unwrap());
        let state = State::new(&ctx);
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| ui::draw(f, &state, &ctx, &Theme::default()))
            .unwrap();
    });
    println!(
        "\nbundled dataset, load to first full frame (80x24, in memory): {}",
        ms(first)
    );
    let mut runs: Vec<(Duration, u64)> = (0..20).map(|_| first_frame(&[])).collect();
    let mut times: Vec<Duration> = runs.iter().map(|r| r.0).collect();
    runs.sort_by_key(|r| r.1);
    println!(
        "bundled dataset, process start to first full frame in a pty: median {}, p95 {}; peak RSS {} kB",
        ms(percentile(&mut times, 0.5)),
        ms(percentile(&mut times, 0.95)),
        runs.last().map_or(0, |r| r.1)
    );
    let big = std::env::temp_dir().join("cybernorms-bench-100k.ron");
    std::fs::write(
        &big,
        ron::to_string(&generator::generate(100_000, 2018)).unwrap(),
    )
    .unwrap();
    let big = big.to_str().unwrap();
    let _ = std::fs::remove_dir_all(std::env::temp_dir().join("cybernorms-bench-cache"));
    for (what, args) in [
        ("without the cache", &["--no-cache", "--data", big][..]),
        ("first run, writing the cache", &["--data", big]),
        ("from the cache", &["--data", big]),
    ] {
        let (t, rss) = first_frame(args);
        println!(
            "100k generated dataset, process start to first full frame, {what}: {}; peak RSS {} kB",
            ms(t),
            rss
        );
    }
    let _ = std::fs::remove_file(big);
}
