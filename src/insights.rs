//! What the corpus says at a glance: counts behind the Insights bars and the coverage matrix.
//! Pure functions of the catalog; every count is the length of the list of items behind it.

use std::collections::BTreeMap;

use crate::data::catalog::Relation;
use crate::data::model::Theme;
use crate::data::{Catalog, EntityRef, Kind};

/// One bar: a label, and the entities it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub items: Vec<EntityRef>,
}

/// A titled group of bars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub title: &'static str,
    pub bars: Vec<Bar>,
}

/// How an agreement carries a norm, or whose judgement an incident's link to it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Contains,
    Echoes,
    Editorial,
    Bpf,
}

/// The agreements that carry norm `n`, in its text or as an echo.
fn agreements_carrying(c: &Catalog, n: usize) -> Vec<EntityRef> {
    (c.stored_links(EntityRef::new(Kind::Norm, n)).iter())
        .filter(|l| matches!(l.relation, Relation::Contains | Relation::Echoes { .. }))
        .map(|l| l.target)
        .collect()
}

/// The incidents norm `n` would have mitigated.
fn incidents_mitigated(c: &Catalog, n: usize) -> Vec<EntityRef> {
    (c.stored_links(EntityRef::new(Kind::Norm, n)).iter())
        .filter(|l| matches!(l.relation, Relation::Mitigates { .. }))
        .map(|l| l.target)
        .collect()
}

fn all(c: &Catalog, kind: Kind) -> impl Iterator<Item = EntityRef> {
    (0..c.count(kind)).map(move |i| EntityRef::new(kind, i))
}

/// Bars sorted by count, largest first; equal counts keep their order.
fn by_count(mut bars: Vec<Bar>) -> Vec<Bar> {
    bars.sort_by_key(|b| std::cmp::Reverse(b.items.len()));
    bars
}

fn per_year(c: &Catalog, kind: Kind, year: impl Fn(EntityRef) -> u16) -> Vec<Bar> {
    let mut years: BTreeMap<u16, Vec<EntityRef>> = BTreeMap::new();
    for e in all(c, kind) {
        years.entry(year(e)).or_default().push(e);
    }
    (years.into_iter())
        .map(|(y, items)| Bar {
            label: y.to_string(),
            items,
        })
        .collect()
}

/// Whether an incident's lessons record that no norm fits it well: a lesson that starts
/// with `Gap:` (the dataset's convention, see dataset/README.md).
fn no_norm_fits(c: &Catalog, i: usize) -> bool {
    c.incident(i).lessons.iter().any(|l| l.starts_with(GAP))
}

/// How a lesson marks a finding that no norm fits the incident well.
pub const GAP: &str = "Gap:";

/// Every chart of the Insights pane, in display order.
pub fn charts(c: &Catalog) -> Vec<Chart> {
    let norms: Vec<usize> = (0..c.count(Kind::Norm)).collect();
    let norm_bar = |n: usize, items: Vec<EntityRef>| Bar {
        label: c.norm_code(n),
        items,
    };
    let mut themes: BTreeMap<Theme, Vec<EntityRef>> = BTreeMap::new();
    for &n in &norms {
        for &t in &c.norm(n).themes {
            let carriers = themes.entry(t).or_default();
            carriers.extend(agreements_carrying(c, n));
        }
    }
    let theme_bars = (themes.into_iter())
        .map(|(t, mut items)| {
            items.sort();
            items.dedup();
            Bar {
                label: t.label().to_owned(),
                items,
            }
        })
        .collect();
    let uncarried: Vec<EntityRef> = (norms.iter())
        .filter(|&&n| agreements_carrying(c, n).is_empty())
        .map(|&n| EntityRef::new(Kind::Norm, n))
        .collect();
    let unengaged: Vec<EntityRef> = (norms.iter())
        .filter(|&&n| incidents_mitigated(c, n).is_empty())
        .map(|&n| EntityRef::new(Kind::Norm, n))
        .collect();
    let unfitted: Vec<EntityRef> = all(c, Kind::Incident)
        .filter(|e| no_norm_fits(c, e.index))
        .collect();
    vec![
        Chart {
            title: "Agreements carrying each norm",
            bars: by_count(
                norms
                    .iter()
                    .map(|&n| norm_bar(n, agreements_carrying(c, n)))
                    .collect(),
            ),
        },
        Chart {
            title: "Agreements carrying each theme",
            bars: by_count(theme_bars),
        },
        Chart {
            title: "Incidents each norm would have mitigated",
            bars: by_count(
                norms
                    .iter()
                    .map(|&n| norm_bar(n, incidents_mitigated(c, n)))
                    .collect(),
            ),
        },
        Chart {
            title: "Agreements per year",
            bars: per_year(c, Kind::Agreement, |e| c.agreement(e.index).year),
        },
        Chart {
            title: "Incidents per year (first year)",
            bars: per_year(c, Kind::Incident, |e| c.incident(e.index).year),
        },
        Chart {
            title: "Gaps",
            bars: vec![
                Bar {
                    label: "norms no agreement carries".into(),
                    items: uncarried,
                },
                Bar {
                    label: "norms no incident engages".into(),
                    items: unengaged,
                },
                Bar {
                    label: "incidents no norm fits well".into(),
                    items: unfitted,
                },
            ],
        },
    ]
}

/// The coverage matrix's cell for a row (agreement or incident) and a norm.
pub fn cell(c: &Catalog, row: EntityRef, norm: usize) -> Cell {
    let target = EntityRef::new(Kind::Norm, norm);
    let link = c.stored_links(row).iter().find(|l| l.target == target);
    match link.map(|l| {
        (
            l.relation.clone(),
            c.norm_link(&l.relation).map(|n| n.basis),
        )
    }) {
        None => Cell::Empty,
        Some((Relation::Contains, _)) => Cell::Contains,
        Some((Relation::Echoes { .. }, _)) => Cell::Echoes,
        Some((_, Some(crate::data::model::Basis::Bpf(_)))) => Cell::Bpf,
        Some(_) => Cell::Editorial,
    }
}

/// The index of the link from `row` to `norm` in the row's link list, if any.
pub fn link_index(c: &Catalog, row: EntityRef, norm: usize) -> Option<usize> {
    let target = EntityRef::new(Kind::Norm, norm);
    c.stored_links(row).iter().position(|l| l.target == target)
}

/// The norms an agreement carries, in its text or as an echo, in its link order.
pub fn carried(c: &Catalog, agreement: EntityRef) -> Vec<usize> {
    (c.stored_links(agreement).iter())
        .filter(|l| matches!(l.relation, Relation::Contains | Relation::Echoes { .. }))
        .map(|l| l.target.index)
        .collect()
}

/// Two agreements' norms: those both carry, those only the first does, only the second.
pub fn compare(c: &Catalog, first: EntityRef, second: EntityRef) -> [Vec<usize>; 3] {
    let (a, b) = (carried(c, first), carried(c, second));
    let both = a.iter().copied().filter(|n| b.contains(n)).collect();
    let only_a = a.iter().copied().filter(|n| !b.contains(n)).collect();
    let only_b = b.iter().copied().filter(|n| !a.contains(n)).collect();
    [both, only_a, only_b]
}
