//! Meeting-speed lookups on the bundled data: each way people name a thing lands on it in
//! the jump palette within five keystrokes after `:` (a prefix of the name, then Enter), or,
//! for names longer than four characters, at most the name and Enter.

use cybernorms::app::{self, Action, Context, State};
use cybernorms::data;

/// Keystrokes after `:` to open `want` by typing `query`: the shortest prefix whose first
/// result is `want`, plus Enter. `None` when even the whole query does not rank it first.
fn keystrokes(ctx: &Context, query: &str, want: &str) -> Option<usize> {
    let mut state = State::new(ctx);
    app::update(&mut state, Action::PaletteOpen, ctx);
    for (typed, ch) in query.chars().enumerate() {
        app::update(&mut state, Action::Input(ch), ctx);
        let first = state
            .palette
            .matches
            .first()
            .map(|m| ctx.catalog.id(m.entity));
        if first == Some(want) {
            return Some(typed + 2);
        }
    }
    None
}

#[test]
fn every_way_of_naming_lands_within_five_keystrokes() {
    let ctx = Context::new(data::load_bundled().unwrap());
    let mut report = Vec::new();
    for (query, want) in [
        ("13f", "gge-2015-13f"),
        ("13(f)", "gge-2015-13f"),
        ("norm f", "gge-2015-13f"),
        ("GGE 6", "gge-2015-13f"),
        ("#6", "gge-2015-13f"),
        ("Paris Call", "paris-call"),
        ("Tech Accord", "tech-accord"),
        ("Malabo", "au-malabo-convention"),
        ("wanacry", "wannacry"),
        ("Sandworm", "notpetya"),
        ("APT28", "dnc-2016"),
        ("Fancy Bear", "dnc-2016"),
        ("Cozy Bear", "solarwinds"),
        ("APT29", "solarwinds"),
        ("Lazarus", "wannacry"),
        ("Pegasus", "nso-pegasus"),
        ("SUNBURST", "solarwinds"),
    ] {
        let n = keystrokes(&ctx, query, want);
        report.push(format!("{query:>12} -> {want}: {n:?}"));
        // Five, or for a name longer than four characters at most the name and Enter.
        let budget = 5.max(query.chars().count() + 1);
        assert!(
            n.is_some_and(|n| n <= budget),
            "{query:?} -> {want}: {n:?} keystrokes"
        );
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn a_match_scattered_across_a_long_key_is_not_a_match() {
    let ctx = Context::new(data::load_bundled().unwrap());
    // "solar" can be picked out of Shamoon's claimed actor, "Cutting Sword of Justice
    // (self-declared)", letter by letter; only SolarWinds should come back.
    let found: Vec<&str> = (ctx
        .index
        .filter("solar", Some(cybernorms::data::Kind::Incident))
        .iter())
    .map(|m| ctx.catalog.id(m.entity))
    .collect();
    assert_eq!(found, ["solarwinds"]);
}
