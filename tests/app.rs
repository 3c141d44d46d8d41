//! State and update, driven by keys through the keymap as a user would, on a small fixture.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cybernorms::app::{self, Context, Mode, Pane, State};
use cybernorms::data::{self, Kind};
use cybernorms::ui::breadcrumb_text;

fn ctx() -> Context {
    Context::new(data::load_str("mini.ron", include_str!("fixtures/mini.ron")).unwrap())
}

/// Presses each key of `keys`: `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`, or a character.
fn press(state: &mut State, ctx: &Context, keys: &str) {
    let mut rest = keys;
    while !rest.is_empty() {
        let (code, mods, len) = if let Some(end) = rest.strip_prefix('<').and_then(|r| r.find('>'))
        {
            let name = &rest[1..=end];
            let (code, mods) = match name {
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                "C-o" => (KeyCode::Char('o'), KeyModifiers::CONTROL),
                "C-k" => (KeyCode::Char('k'), KeyModifiers::CONTROL),
                other => panic!("unknown key <{other}>"),
            };
            (code, mods, end + 2)
        } else {
            let ch = rest.chars().next().unwrap();
            (KeyCode::Char(ch), KeyModifiers::NONE, ch.len_utf8())
        };
        rest = &rest[len..];
        if let Some(action) = app::keymap(state.key_mode(), KeyEvent::new(code, mods)) {
            app::update(state, action, ctx);
        }
    }
}

fn names(state: &State, ctx: &Context) -> Vec<String> {
    (state.current().matches.iter())
        .map(|m| ctx.catalog.short_label(m.entity))
        .collect()
}

#[test]
fn starts_on_incidents_and_switches_panes() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    assert_eq!(s.pane, Pane::Incidents);
    press(&mut s, &ctx, "1");
    assert_eq!(s.pane, Pane::Agreements);
    press(&mut s, &ctx, "<Tab>");
    assert_eq!(s.pane, Pane::Norms);
    press(&mut s, &ctx, "<Tab><Tab>");
    assert_eq!(s.pane, Pane::Matrix);
    press(&mut s, &ctx, "<Tab><Tab>");
    assert_eq!(s.pane, Pane::Agreements, "Tab wraps around");
    press(&mut s, &ctx, "<S-Tab>");
    assert_eq!(s.pane, Pane::Insights, "Shift-Tab goes back, wrapping");
    press(&mut s, &ctx, "2");
    assert_eq!(names(&s, &ctx), ["UN GGE 2015 13(f)", "UN GGE 2015 13(j)"]);
}

#[test]
fn moving_stays_in_the_list() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "jjjj");
    assert_eq!(
        s.current().selected,
        1,
        "two incidents: j stops at the last"
    );
    press(&mut s, &ctx, "g");
    assert_eq!(s.current().selected, 0);
    press(&mut s, &ctx, "G");
    assert_eq!(s.current().selected, 1);
    press(&mut s, &ctx, "kkk");
    assert_eq!(s.current().selected, 0);
}

/// The highlighted characters of the first row.
fn highlight(s: &State, ctx: &Context) -> Vec<usize> {
    let p = s.current();
    ctx.index.highlight(p.matches[0].entity, &p.matched)
}

#[test]
fn search_filters_as_you_type_and_highlights() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "/sol");
    assert_eq!(s.mode, Mode::Search);
    assert_eq!(names(&s, &ctx), ["SolarWinds"]);
    // Row label is "2020–2021 SolarWinds": S, o, l are chars 10, 11, 12.
    assert_eq!(highlight(&s, &ctx), [10, 11, 12]);
    press(&mut s, &ctx, "<BS><BS><BS>");
    assert_eq!(
        names(&s, &ctx).len(),
        2,
        "an emptied query shows everything"
    );
    press(&mut s, &ctx, "zzz");
    assert!(names(&s, &ctx).is_empty());
}

#[test]
fn enter_keeps_the_filter_and_esc_clears_it() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "/solar<Enter>");
    assert_eq!(s.mode, Mode::Browse);
    assert_eq!(s.current().query, "solar");
    assert_eq!(names(&s, &ctx), ["SolarWinds"]);
    press(&mut s, &ctx, "<Esc>");
    assert_eq!(s.current().query, "");
    assert_eq!(names(&s, &ctx), ["WannaCry", "SolarWinds"]);
    assert_eq!(
        ctx.catalog
            .short_label(s.current().selected_entity().unwrap()),
        "SolarWinds",
        "clearing the filter keeps the selected item selected"
    );
    press(&mut s, &ctx, "/wan<Esc>");
    assert_eq!((s.mode, s.current().query.as_str()), (Mode::Browse, ""));
}

#[test]
fn search_words_match_in_any_order_and_ignore_case_and_accents() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "/CRY wanna");
    assert_eq!(names(&s, &ctx), ["WannaCry"]);
    press(&mut s, &ctx, "<Esc>1/cote");
    assert_eq!(names(&s, &ctx), ["Côte d'Ivoire accord"]);
    // "2020 Côte d'Ivoire accord": c, ô, t, e are chars 5..=8.
    assert_eq!(highlight(&s, &ctx), [5, 6, 7, 8]);
}

#[test]
fn search_finds_aliases_and_ids() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "2/#10");
    assert_eq!(names(&s, &ctx), ["UN GGE 2015 13(j)"]);
    press(&mut s, &ctx, "<Esc>/norm f");
    assert_eq!(
        names(&s, &ctx).first().map(String::as_str),
        Some("UN GGE 2015 13(f)")
    );
    press(&mut s, &ctx, "<Esc>3/wannacrypt");
    assert_eq!(names(&s, &ctx), ["WannaCry"]);
}

#[test]
fn drill_down_follows_links_and_back_retraces_them() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "<Enter>");
    assert_eq!(breadcrumb_text(&s, &ctx.catalog), "Incidents › WannaCry");
    let wannacry = s.focused_entity().unwrap();
    let targets: Vec<String> = (ctx.catalog.links(wannacry).iter())
        .map(|l| ctx.catalog.short_label(l.target))
        .collect();
    assert_eq!(
        targets,
        ["UN GGE 2015 13(j)", "UN GGE 2015 13(f)"],
        "mitigations in dataset order"
    );
    press(&mut s, &ctx, "j<Enter>");
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Incidents › WannaCry › UN GGE 2015 13(f)"
    );
    // A norm lists its set, the agreements that carry it, the incidents it would have mitigated.
    let norm = s.focused_entity().unwrap();
    let kinds: Vec<Kind> = ctx
        .catalog
        .links(norm)
        .iter()
        .map(|l| l.target.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            Kind::NormSet,
            Kind::Agreement,
            Kind::Incident,
            Kind::Incident
        ]
    );
    press(&mut s, &ctx, "j<Enter>");
    assert_eq!(s.focused_entity().unwrap().kind, Kind::Agreement);
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Incidents › WannaCry › UN GGE 2015 13(f) › UN GGE 2015"
    );
    press(&mut s, &ctx, "<Esc>");
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Incidents › WannaCry › UN GGE 2015 13(f)"
    );
    assert_eq!(
        s.current().stack.last().unwrap().selected,
        1,
        "back returns to the link followed"
    );
    press(&mut s, &ctx, "h<BS>");
    assert_eq!(breadcrumb_text(&s, &ctx.catalog), "Incidents");
    press(&mut s, &ctx, "<Esc>");
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Incidents",
        "back at the root stays there"
    );
}

#[test]
fn an_agreement_lists_its_norms_then_the_incidents_they_bear_on() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "1<Enter>");
    let agreement = s.focused_entity().unwrap();
    let labels: Vec<String> = (ctx.catalog.links(agreement).iter())
        .map(|l| ctx.catalog.short_label(l.target))
        .collect();
    assert_eq!(
        labels,
        [
            "UN GGE 2015 13(f)",
            "UN GGE 2015 13(j)",
            "WannaCry",
            "SolarWinds"
        ]
    );
}

#[test]
fn each_pane_keeps_its_own_drill_down_and_filter() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "<Enter><Enter>2/13j<Enter>3");
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Incidents › WannaCry › UN GGE 2015 13(j)"
    );
    press(&mut s, &ctx, "2");
    assert_eq!(s.current().query, "13j");
    assert!(s.current().stack.is_empty());
}

#[test]
fn starting_a_search_leaves_the_detail_for_the_list() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "<Enter>/");
    assert!(s.current().stack.is_empty());
    assert_eq!(s.mode, Mode::Search);
}

#[test]
fn help_opens_and_any_key_closes_it_and_q_quits() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "?");
    assert_eq!(s.mode, Mode::Help);
    press(&mut s, &ctx, "x");
    assert_eq!(s.mode, Mode::Browse);
    assert!(!s.quit);
    press(&mut s, &ctx, "q");
    assert!(s.quit);
}

/// The label of the first palette result after typing `query`.
fn palette_first(ctx: &Context, query: &str) -> String {
    let mut s = State::new(ctx);
    press(&mut s, ctx, &format!(":{query}"));
    assert_eq!(s.mode, Mode::Palette);
    s.palette
        .matches
        .first()
        .map(|m| ctx.catalog.short_label(m.entity))
        .unwrap_or_default()
}

#[test]
fn palette_resolves_codes_aliases_typos_and_actors() {
    let ctx = ctx();
    for (query, want) in [
        ("13f", "UN GGE 2015 13(f)"),
        ("13(f)", "UN GGE 2015 13(f)"),
        ("norm f", "UN GGE 2015 13(f)"),
        ("#6", "UN GGE 2015 13(f)"),
        ("#10", "UN GGE 2015 13(j)"),
        ("wanacry", "WannaCry"),
        ("wannacrypt", "WannaCry"),
        ("fixture actor", "WannaCry"),
        ("cote", "Côte d'Ivoire accord"),
        ("gge-2015-norms", "UN GGE 2015"),
    ] {
        assert_eq!(palette_first(&ctx, query), want, "query {query:?}");
    }
}

#[test]
fn palette_jump_opens_the_item_in_its_pane() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "<C-k>13f<Enter>");
    assert_eq!((s.mode, s.pane), (Mode::Browse, Pane::Norms));
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Norms › UN GGE 2015 13(f)"
    );
    assert_eq!(
        s.current().selected_entity(),
        s.focused_entity(),
        "the list selects the item too"
    );
    press(&mut s, &ctx, ":zzzz<Enter>");
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Norms › UN GGE 2015 13(f)",
        "no match: no jump"
    );
    press(&mut s, &ctx, ":wanna<Esc>");
    assert_eq!(
        (s.mode, s.pane),
        (Mode::Browse, Pane::Norms),
        "Esc closes without jumping"
    );
}

#[test]
fn history_goes_back_and_forward_across_jumps() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "/solar<Enter>:13j<Enter>:cote<Enter>");
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Agreements › Côte d'Ivoire accord"
    );
    press(&mut s, &ctx, "<C-o>");
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Norms › UN GGE 2015 13(j)"
    );
    press(&mut s, &ctx, "[");
    assert_eq!(breadcrumb_text(&s, &ctx.catalog), "Incidents");
    assert_eq!(
        ctx.catalog
            .short_label(s.current().selected_entity().unwrap()),
        "SolarWinds",
        "back restores the list selection"
    );
    press(&mut s, &ctx, "[");
    assert_eq!(s.status.as_deref(), Some("no further back"));
    press(&mut s, &ctx, "]]");
    assert_eq!(
        breadcrumb_text(&s, &ctx.catalog),
        "Agreements › Côte d'Ivoire accord"
    );
    press(&mut s, &ctx, "<C-o>:wanna<Enter>]");
    assert_eq!(
        s.status.as_deref(),
        Some("no further forward"),
        "a new jump drops the forward list"
    );
}

#[test]
fn y_copies_a_citation_card_and_shift_y_the_code() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "y");
    let card = s.clipboard.take().expect("y copies");
    assert_eq!(
        card,
        "**WannaCry** (2017) · incident · `wannacry`\n\
         Fixture incident summary.\n\
         Norms that would have mitigated it:\n\
         - UN GGE 2015 13(j) [Editorial]\n\
         - UN GGE 2015 13(f) [BPF 2021]\n\
         Sources: https://example.org/w https://www.intgovforum.org/en/content/bpf-cybersecurity\n"
    );
    assert_eq!(
        s.status.as_deref(),
        Some("copied citation card of WannaCry (6 lines) to your clipboard")
    );
    press(&mut s, &ctx, "Y");
    assert_eq!(s.clipboard.take().as_deref(), Some("wannacry"));
    press(&mut s, &ctx, "<Enter><Enter>Y");
    assert_eq!(
        s.clipboard.take().as_deref(),
        Some("UN GGE 2015 13(j)"),
        "a norm copies its code"
    );
    press(&mut s, &ctx, "j");
    assert_eq!(s.status, None, "the status clears on the next key");
}

#[test]
fn a_burst_of_typing_searches_once_and_ends_where_key_by_key_would() {
    let ctx = ctx();
    let mut one_by_one = State::new(&ctx);
    press(&mut one_by_one, &ctx, "/solar<Enter>j");
    let mut burst = State::new(&ctx);
    for action in [app::Action::SearchStart]
        .into_iter()
        .chain("solar".chars().map(app::Action::Input))
    {
        app::step(&mut burst, action, &ctx);
    }
    assert_eq!(burst.current().matched, "", "typing alone runs no search");
    app::step(&mut burst, app::Action::Accept, &ctx);
    app::step(&mut burst, app::Action::Move(app::Motion::Down), &ctx);
    app::settle(&mut burst, &ctx);
    assert_eq!(burst, one_by_one);
}

#[test]
fn a_search_that_gives_way_leaves_the_last_complete_matches_until_it_runs_again() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "3/");
    for c in "solar".chars() {
        app::step(&mut s, app::Action::Input(c), &ctx);
    }
    let before = s.current().matches.clone();
    assert!(
        !app::settle_until(&mut s, &ctx, &|| true),
        "input waiting: the search gives way"
    );
    assert_eq!(
        s.current().matches,
        before,
        "the matches on screen stay as they were"
    );
    assert_eq!(s.current().matched, "");
    assert!(app::settle_until(&mut s, &ctx, &|| false));
    assert_eq!(s.current().matched, "solar");
    let names: Vec<&str> = (s.current().matches.iter())
        .map(|m| ctx.catalog.incident(m.entity.index).name.as_str())
        .collect();
    assert_eq!(names, ["SolarWinds"]);
}

#[test]
fn esc_while_a_search_is_pending_never_waits_for_it_and_keeps_what_was_on_screen() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    // WannaCry is selected on screen; "solar", typed in a burst, is never searched for.
    press(&mut s, &ctx, "3/");
    for c in "solar".chars() {
        app::step(&mut s, app::Action::Input(c), &ctx);
    }
    app::step(&mut s, app::Action::Cancel, &ctx);
    assert_eq!(s.mode, Mode::Browse);
    assert_eq!(s.current().query, "");
    let selected = s.current().selected_entity().unwrap();
    assert_eq!(ctx.catalog.incident(selected.index).name, "WannaCry");
    // Had the search run first, its best match, SolarWinds, would have stayed selected.
    let mut waited = State::new(&ctx);
    press(&mut waited, &ctx, "3/solar<Esc>");
    let selected = waited.current().selected_entity().unwrap();
    assert_eq!(ctx.catalog.incident(selected.index).name, "SolarWinds");
}

#[test]
fn deleting_a_character_takes_back_the_earlier_matches_without_searching() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    press(&mut s, &ctx, "3/so");
    let so = s.current().matches.clone();
    press(&mut s, &ctx, "l");
    app::step(&mut s, app::Action::DeleteChar, &ctx);
    // A search asked to stop at once could not have run: the matches came from the trail.
    assert!(app::settle_until(&mut s, &ctx, &|| true));
    assert_eq!(s.current().matched, "so");
    assert_eq!(s.current().matches, so);
    // Something not typed before is searched for as usual.
    app::step(&mut s, app::Action::Input('x'), &ctx);
    assert!(!app::settle_until(&mut s, &ctx, &|| true));
}
