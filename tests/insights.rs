//! The Insights bars and the matrix cells count what the dataset says: each is checked against
//! a count made directly from the dataset's own fields, not through the catalog's links.

use cybernorms::app::{self, Action, Context, Motion, Pane, State};
use cybernorms::data::{self, EntityRef, Kind};
use cybernorms::insights::{self, Cell};

fn ctx() -> Context {
    Context::new(data::load_bundled().unwrap())
}

fn bar<'a>(ctx: &'a Context, chart: &str, label: &str) -> &'a insights::Bar {
    let chart = ctx.charts.iter().find(|c| c.title == chart).expect(chart);
    chart.bars.iter().find(|b| b.label == label).expect(label)
}

#[test]
fn every_bar_counts_what_the_dataset_says() {
    let ctx = ctx();
    let d = ctx.catalog.dataset();
    for (n, norm) in d.norms.iter().enumerate() {
        let label = ctx.catalog.norm_code(n);
        let carried = (d.agreements.iter())
            .filter(|a| a.norms.contains(&norm.id) || a.echoes.iter().any(|e| e.norm == norm.id))
            .count();
        assert_eq!(
            bar(&ctx, "Agreements carrying each norm", &label)
                .items
                .len(),
            carried,
            "{label}"
        );
        let mitigated = (d.incidents.iter())
            .filter(|i| i.mitigations.iter().any(|m| m.norm == norm.id))
            .count();
        assert_eq!(
            bar(&ctx, "Incidents each norm would have mitigated", &label)
                .items
                .len(),
            mitigated,
            "{label}"
        );
    }
    for b in &ctx
        .charts
        .iter()
        .find(|c| c.title == "Agreements carrying each theme")
        .unwrap()
        .bars
    {
        let direct = (d.agreements.iter())
            .filter(|a| {
                a.norms
                    .iter()
                    .chain(a.echoes.iter().map(|e| &e.norm))
                    .any(|id| {
                        d.norms
                            .iter()
                            .any(|n| &n.id == id && n.themes.iter().any(|t| t.label() == b.label))
                    })
            })
            .count();
        assert_eq!(b.items.len(), direct, "theme {}", b.label);
    }
    let years = ctx
        .charts
        .iter()
        .find(|c| c.title == "Agreements per year")
        .unwrap();
    assert_eq!(
        years.bars.iter().map(|b| b.items.len()).sum::<usize>(),
        d.agreements.len()
    );
    for b in &years.bars {
        let direct = d
            .agreements
            .iter()
            .filter(|a| a.year.to_string() == b.label)
            .count();
        assert_eq!(b.items.len(), direct, "year {}", b.label);
    }
    let incidents = ctx
        .charts
        .iter()
        .find(|c| c.title == "Incidents per year (first year)")
        .unwrap();
    assert_eq!(
        incidents.bars.iter().map(|b| b.items.len()).sum::<usize>(),
        d.incidents.len()
    );
}

#[test]
fn bars_are_sorted_largest_first_and_gaps_are_what_they_say() {
    let ctx = ctx();
    let d = ctx.catalog.dataset();
    let per_norm = &ctx.charts[0].bars;
    assert!(
        per_norm
            .windows(2)
            .all(|w| w[0].items.len() >= w[1].items.len())
    );
    let uncarried = &bar(&ctx, "Gaps", "norms no agreement carries").items;
    for e in uncarried {
        let id = &d.norms[e.index].id;
        assert!(!d.agreements.iter().any(|a| a.norms.contains(id)));
    }
    let unfitted = &bar(&ctx, "Gaps", "incidents no norm fits well").items;
    let direct: Vec<usize> = (d.incidents.iter().enumerate())
        .filter(|(_, i)| i.lessons.iter().any(|l| l.starts_with(insights::GAP)))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(unfitted.iter().map(|e| e.index).collect::<Vec<_>>(), direct);
    assert!(!direct.is_empty(), "the bundled data records gaps");
    let unengaged = &bar(&ctx, "Gaps", "norms no incident engages").items;
    assert_eq!(
        unengaged.len(),
        (d.norms.iter())
            .filter(|n| !d
                .incidents
                .iter()
                .any(|i| i.mitigations.iter().any(|m| m.norm == n.id)))
            .count()
    );
}

#[test]
fn every_matrix_cell_matches_the_dataset() {
    let ctx = ctx();
    let d = ctx.catalog.dataset();
    for (a, agreement) in d.agreements.iter().enumerate() {
        for (n, norm) in d.norms.iter().enumerate() {
            let want = if agreement.norms.contains(&norm.id) {
                Cell::Contains
            } else if agreement.echoes.iter().any(|e| e.norm == norm.id) {
                Cell::Echoes
            } else {
                Cell::Empty
            };
            assert_eq!(
                insights::cell(&ctx.catalog, EntityRef::new(Kind::Agreement, a), n),
                want
            );
        }
    }
    for (i, incident) in d.incidents.iter().enumerate() {
        for (n, norm) in d.norms.iter().enumerate() {
            let want = match incident.mitigations.iter().find(|m| m.norm == norm.id) {
                None => Cell::Empty,
                Some(m) if matches!(m.basis, cybernorms::data::model::Basis::Bpf(_)) => Cell::Bpf,
                Some(_) => Cell::Editorial,
            };
            assert_eq!(
                insights::cell(&ctx.catalog, EntityRef::new(Kind::Incident, i), n),
                want
            );
        }
    }
}

#[test]
fn enter_on_a_matrix_cell_opens_the_row_with_that_link_selected() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    app::update(&mut s, Action::Pane(Pane::Matrix), &ctx);
    // WannaCry (row 4) x 13(j) (column 9) is an Editorial link.
    for _ in 0..4 {
        app::update(&mut s, Action::Move(Motion::Down), &ctx);
    }
    for _ in 0..9 {
        app::update(&mut s, Action::Column(Motion::Down), &ctx);
    }
    assert_eq!(
        ctx.catalog.id(EntityRef::new(Kind::Incident, s.matrix.row)),
        "wannacry"
    );
    assert_eq!(ctx.catalog.norm(s.matrix.col).id, "gge-2015-13j");
    app::update(&mut s, Action::Open, &ctx);
    let d = s.current().stack.last().unwrap().clone();
    assert_eq!(ctx.catalog.id(d.entity), "wannacry");
    assert_eq!(
        ctx.catalog
            .id(ctx.catalog.links(d.entity)[d.selected].target),
        "gge-2015-13j"
    );
    app::update(&mut s, Action::Back, &ctx);
    assert!(s.on_grid(), "Esc returns to the grid");
    app::update(&mut s, Action::ToggleRows, &ctx);
    assert_eq!((s.matrix.row_kind(), s.matrix.row), (Kind::Agreement, 0));
}

#[test]
fn insights_list_the_items_behind_a_bar_and_open_one() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    app::update(&mut s, Action::Pane(Pane::Insights), &ctx);
    let first = app::bar(&ctx, 0).unwrap().items.clone();
    app::update(&mut s, Action::Open, &ctx);
    assert_eq!(s.insights.item, Some(0));
    app::update(&mut s, Action::Open, &ctx);
    assert_eq!(s.focused_entity(), Some(first[0]));
    app::update(&mut s, Action::Back, &ctx);
    app::update(&mut s, Action::Back, &ctx);
    assert_eq!(s.insights.item, None, "Esc steps back to the bars");
}

#[test]
fn compare_splits_the_norms_of_two_marked_agreements() {
    let ctx = ctx();
    let mut s = State::new(&ctx);
    app::update(&mut s, Action::Pane(Pane::Agreements), &ctx);
    app::update(&mut s, Action::Compare, &ctx);
    assert!(!s.comparing, "nothing to compare yet");
    app::update(&mut s, Action::Mark, &ctx); // UN GGE 2015 report
    app::update(&mut s, Action::Move(Motion::Down), &ctx);
    app::update(&mut s, Action::Mark, &ctx); // Paris Call
    app::update(&mut s, Action::Compare, &ctx);
    assert!(s.comparing);
    let [gge, paris] = [s.marked[0], s.marked[1]];
    let [both, only_gge, only_paris] = insights::compare(&ctx.catalog, gge, paris);
    let code = |n: &usize| ctx.catalog.norm(*n).id.clone();
    // The Paris Call echoes 13(e); the GGE report contains all eleven.
    assert_eq!(both.iter().map(code).collect::<Vec<_>>(), ["gge-2015-13e"]);
    assert_eq!(only_gge.len(), 10);
    assert_eq!(
        only_paris.len(),
        10,
        "nine principles and the echo of GCSC norm 1"
    );
    app::update(&mut s, Action::Back, &ctx);
    assert!(!s.comparing, "Esc closes the comparison");
}

#[test]
fn a_norm_lists_the_agreements_that_carry_the_same_idea() {
    let ctx = ctx();
    // GCSC norm 1 (public core) is equivalent to Paris Call principle 2.
    let gcsc1 = ctx.catalog.get("gcsc-1").unwrap();
    let links = ctx.catalog.links(gcsc1);
    let same_idea: Vec<&str> = (links.iter())
        .filter(|l| {
            l.target.kind == Kind::Agreement
                && matches!(l.relation, cybernorms::data::catalog::Relation::Via(_))
        })
        .map(|l| ctx.catalog.id(l.target))
        .collect();
    let carried: Vec<&str> = (links.iter())
        .filter(|l| {
            l.target.kind == Kind::Agreement
                && !matches!(l.relation, cybernorms::data::catalog::Relation::Via(_))
        })
        .map(|l| ctx.catalog.id(l.target))
        .collect();
    assert!(
        carried.contains(&"paris-call"),
        "the Paris Call echoes GCSC norm 1 itself: {carried:?}"
    );
    assert!(
        !same_idea.iter().any(|a| carried.contains(a)),
        "no agreement listed twice"
    );
    // Tech Accord principle 4 is equivalent to 13(j), which the GGE report contains and the
    // 2016 OSCE measures echo.
    let ta4 = ctx.catalog.get("tech-accord-4").unwrap();
    let via: Vec<&str> = (ctx.catalog.links(ta4).iter())
        .filter(|l| matches!(l.relation, cybernorms::data::catalog::Relation::Via(_)))
        .map(|l| ctx.catalog.id(l.target))
        .collect();
    assert!(via.contains(&"gge-2015"), "{via:?}");
    assert!(
        via.contains(&"osce-cbms-2016"),
        "it echoes 13(j) too: {via:?}"
    );
    assert!(
        !via.contains(&"tech-accord"),
        "the Tech Accord carries the norm itself"
    );
}
