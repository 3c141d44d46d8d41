//! The bundled corpus: the rules of dataset/README.md that `check` cannot see alone, its
//! size, and facts a user would check first. Each fact here was read against its source.

use cybernorms::data::model::{Basis, Incident};
use cybernorms::data::{self, Catalog, Kind};

fn bundled() -> Catalog {
    data::load_bundled().expect("the bundled dataset is valid")
}

fn incident<'a>(c: &'a Catalog, id: &str) -> &'a Incident {
    let e = c.get(id).unwrap_or_else(|| panic!("no incident '{id}'"));
    assert_eq!(e.kind, Kind::Incident);
    c.incident(e.index)
}

#[test]
fn the_corpus_has_its_version_and_date() {
    let c = bundled();
    let d = c.dataset();
    assert!(!d.version.is_empty() && !d.date.is_empty());
}

#[test]
fn every_mitigation_is_editorial_since_the_bpf_mappings_are_not_public() {
    let c = bundled();
    let d = c.dataset();
    let links = (d.incidents.iter().flat_map(|i| &i.mitigations))
        .chain(d.agreements.iter().flat_map(|a| &a.echoes));
    for link in links {
        assert_eq!(
            link.basis,
            Basis::Editorial,
            "{}: {}",
            link.norm,
            link.rationale
        );
    }
}

#[test]
fn the_bpf_2021_cases_are_flagged_and_no_others() {
    let c = bundled();
    let mut flagged: Vec<(&str, u16)> = (c.dataset().incidents.iter())
        .filter_map(|i| Some((i.id.as_str(), i.bpf_case?)))
        .collect();
    flagged.sort_unstable();
    assert_eq!(
        flagged,
        [
            ("ghostnet", 2021),
            ("nso-pegasus", 2021),
            ("solarwinds", 2021),
            ("stuxnet", 2021)
        ]
    );
}

#[test]
fn every_norm_is_carried_by_an_agreement_and_every_set_has_norms() {
    let c = bundled();
    let d = c.dataset();
    for n in &d.norms {
        assert!(
            d.agreements.iter().any(|a| a.norms.contains(&n.id)),
            "norm '{}' is in no agreement's text",
            n.id
        );
    }
    for s in &d.norm_sets {
        assert!(
            d.norms.iter().any(|n| n.set == s.id),
            "set '{}' is empty",
            s.id
        );
    }
}

#[test]
fn key_agreements_have_their_years() {
    let c = bundled();
    for (id, year) in [
        ("budapest-convention", 2001),
        ("sco-2009-agreement", 2009),
        ("au-malabo-convention", 2014),
        ("gge-2015", 2015),
        ("g7-lucca-2017", 2017),
        ("paris-call", 2018),
        ("tech-accord", 2018),
        ("oewg-2021-final-report", 2021),
        ("gge-2013", 2013),
        ("us-china-2015", 2015),
        ("g20-antalya-2015", 2015),
        ("eu-cyber-diplomacy-toolbox-2017", 2017),
        ("budapest-second-protocol-2022", 2022),
        ("un-cybercrime-convention-2024", 2024),
        ("charter-of-trust", 2018),
        ("manrs", 2014),
        ("oewg-2025-final-report", 2025),
    ] {
        let e = c.get(id).unwrap_or_else(|| panic!("no agreement '{id}'"));
        assert_eq!(c.agreement(e.index).year, year, "{id}");
    }
}

/// Whether any attribution of the incident names `actor` (or has it among its aliases),
/// made by `by`, officially or not as `official` says.
fn attributed(i: &Incident, actor: &str, by: &str, official: bool) -> bool {
    i.attribution.iter().any(|a| {
        (a.actor.contains(actor) || a.aliases.iter().any(|x| x == actor))
            && a.by.contains(by)
            && a.official == official
    })
}

#[test]
fn key_incidents_are_attributed_as_publicly_reported() {
    let c = bundled();
    let i = incident(&c, "notpetya");
    assert!(attributed(i, "Russian military", "UK government", true));
    assert!(i.attribution.iter().any(|a| a.date == "15 February 2018"));
    let i = incident(&c, "wannacry");
    assert!(attributed(
        i,
        "North Korea",
        "US, UK and Australian governments",
        true
    ));
    let i = incident(&c, "solarwinds");
    assert!(attributed(i, "SVR", "US and UK governments", true));
    assert_eq!(i.attribution[0].date, "15 April 2021");
    let i = incident(&c, "dnc-2016");
    assert!(attributed(i, "GRU", "Department of Justice", true));
    assert!(attributed(i, "APT28", "", true) && attributed(i, "Fancy Bear", "", true));
    let i = incident(&c, "bundestag-2015");
    assert!(attributed(i, "GRU", "Council of the European Union", true));
    assert!(attributed(i, "APT28", "", true));
    let i = incident(&c, "yahoo-2014");
    assert!(attributed(
        i,
        "Federal Security Service",
        "Department of Justice",
        true
    ));
    let i = incident(&c, "industroyer2-2022");
    assert!(attributed(i, "Sandworm", "CERT-UA", true));
    // Stuxnet and GhostNet were never officially attributed by any government.
    for id in ["stuxnet", "ghostnet"] {
        assert!(
            incident(&c, id).attribution.iter().all(|a| !a.official),
            "{id}"
        );
    }
}

#[test]
fn the_corpus_is_the_size_issue_3_asks_for() {
    let c = bundled();
    assert!(
        c.count(Kind::Agreement) >= 36,
        "{} agreements",
        c.count(Kind::Agreement)
    );
    assert!(
        c.count(Kind::Incident) >= 30,
        "{} incidents",
        c.count(Kind::Incident)
    );
    assert!(c.count(Kind::Norm) >= 40, "{} norms", c.count(Kind::Norm));
    // Incidents from 2007 to today, agreements from 2001.
    let d = c.dataset();
    assert_eq!(d.incidents.iter().map(|i| i.year).min(), Some(2007));
    assert_eq!(d.agreements.iter().map(|a| a.year).min(), Some(2001));
}

#[test]
fn every_numbered_set_is_complete() {
    let c = bundled();
    let d = c.dataset();
    for (set, count) in [
        ("gge-2015-norms", 11),
        ("gcsc-norms", 8),
        ("paris-call-principles", 9),
        ("tech-accord-principles", 4),
        ("charter-of-trust-principles", 10),
        ("manrs-actions", 4),
    ] {
        assert_eq!(
            d.norms.iter().filter(|n| n.set == set).count(),
            count,
            "{set}"
        );
    }
}
