//! Writes a synthetic, valid cybernorms dataset of N entities to stdout, deterministic
//! from a seed: `cargo run --release --example gen -- 100000 [SEED] > big.ron`.
//! The benchmarks include this file for `generate`.
//! A fifth are norms (in sets of 20), two fifths agreements and two fifths incidents,
//! with names, aliases, links and sources shaped like the real corpus.

use cybernorms::data::model::{
    Agreement, AgreementKind, Attribution, Basis, Dataset, ImpactCategory, Incident, Norm,
    NormLink, NormSet, Source, Theme,
};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

const WORDS: &[&str] = &[
    "critical",
    "infrastructure",
    "supply",
    "chain",
    "election",
    "grid",
    "health",
    "ransomware",
    "espionage",
    "wiper",
    "botnet",
    "routing",
    "cable",
    "satellite",
    "hospital",
    "pipeline",
    "telecom",
    "banking",
    "vaccine",
    "parliament",
    "ministry",
    "water",
    "port",
    "rail",
    "aviation",
    "Côte",
    "Zürich",
    "São",
    "Paulo",
    "Kyiv",
    "Tallinn",
    "Nairobi",
    "Lagos",
    "Quito",
    "Hanoi",
    "Osaka",
    "Dhaka",
    "Accra",
    "Lima",
    "Riga",
    "Tbilisi",
    "Manila",
    "Jakarta",
    "Bogotá",
    "Oslo",
];
const ACTORS: &[&str] = &[
    "APT28",
    "Fancy Bear",
    "Sandworm",
    "Lazarus Group",
    "APT29",
    "Cozy Bear",
    "APT10",
    "Conti",
    "Volt Typhoon",
    "Salt Typhoon",
    "Charming Kitten",
    "LockBit",
    "REvil",
    "Cl0p",
    "DarkSide",
];
const THEMES: &[Theme] = &[
    Theme::HumanRights,
    Theme::Cooperation,
    Theme::Restraint,
    Theme::CriticalInfrastructure,
    Theme::SupplyChain,
    Theme::VulnerabilityDisclosure,
    Theme::CyberHygiene,
    Theme::PublicCore,
];
const KINDS: &[AgreementKind] = &[
    AgreementKind::BindingTreaty,
    AgreementKind::NonBindingDeclaration,
    AgreementKind::Report,
    AgreementKind::Resolution,
    AgreementKind::IndustryCommitment,
];

fn words(rng: &mut StdRng, n: usize) -> String {
    (0..n)
        .map(|_| *WORDS.choose(rng).unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

fn sentence(rng: &mut StdRng) -> String {
    let n = rng.random_range(8..16);
    format!("The {} would have limited the harm.", words(rng, n))
}

fn sources(rng: &mut StdRng, n: usize, id: &str) -> Vec<Source> {
    (0..n)
        .map(|i| Source {
            title: format!("Report on {}", words(rng, 3)),
            url: format!("https://example.org/{id}/{i}"),
        })
        .collect()
}

#[allow(dead_code)] // The benchmarks include this file for `generate` only.
fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2018);
    print!("{}", ron::to_string(&generate(n, seed)).unwrap());
}

/// A valid dataset of about `n` entities, the same for the same `n` and `seed`.
pub fn generate(n: usize, seed: u64) -> Dataset {
    let rng = &mut StdRng::seed_from_u64(seed);
    let n_norms = (n / 5).max(1);
    let n_agreements = n * 2 / 5;
    let n_incidents = n.saturating_sub(n_norms + n_agreements);
    let n_sets = n_norms.div_ceil(20);

    let norm_sets: Vec<NormSet> = (0..n_sets)
        .map(|s| {
            let id = format!("set-{s}");
            NormSet {
                name: format!("Norm set {s} on {}", words(rng, 2)),
                short_name: format!("Set {s}"),
                year: rng.random_range(2001..=2025),
                made_by: words(rng, 2),
                url: format!("https://example.org/{id}"),
                sources: sources(rng, 1, &id),
                id,
            }
        })
        .collect();
    let norms: Vec<Norm> = (0..n_norms)
        .map(|i| {
            let id = format!("norm-{i}");
            let set = i / 20;
            Norm {
                set: format!("set-{set}"),
                code: format!("Norm {}", i % 20 + 1),
                name: format!("Protect {}", words(rng, 3)),
                summary: sentence(rng),
                aliases: vec![format!("#{}-{}", set, i % 20 + 1)],
                themes: vec![*THEMES.choose(rng).unwrap()],
                equivalents: if set > 0 && rng.random_bool(0.3) {
                    vec![format!("norm-{}", i - 20)]
                } else {
                    Vec::new()
                },
                sources: sources(rng, 1, &id),
                id,
            }
        })
        .collect();
    let norm_ref = |rng: &mut StdRng| format!("norm-{}", rng.random_range(0..n_norms));
    let agreements: Vec<Agreement> = (0..n_agreements)
        .map(|i| {
            let id = format!("agreement-{i}");
            let mut carried: Vec<String> =
                (0..rng.random_range(3..8)).map(|_| norm_ref(rng)).collect();
            carried.sort();
            carried.dedup();
            let short = words(rng, 2);
            Agreement {
                name: format!("Declaration on {short} and {}", words(rng, 2)),
                short_name: short,
                year: rng.random_range(2001..=2025),
                kind: *KINDS.choose(rng).unwrap(),
                made_by: words(rng, 2),
                scope: "Regional".into(),
                summary: sentence(rng),
                url: format!("https://example.org/{id}"),
                norms: carried,
                echoes: Vec::new(),
                bpf_analysed: Vec::new(),
                sources: sources(rng, 1, &id),
                id,
            }
        })
        .collect();
    let incidents: Vec<Incident> = (0..n_incidents)
        .map(|i| {
            let id = format!("incident-{i}");
            let mut linked: Vec<String> =
                (0..rng.random_range(2..5)).map(|_| norm_ref(rng)).collect();
            linked.sort();
            linked.dedup();
            if linked.len() < 2 {
                linked.push(format!(
                    "norm-{}",
                    (linked[0][5..].parse::<usize>().unwrap() + 1) % n_norms
                ));
            }
            let year = rng.random_range(2007..=2025);
            let actor = *ACTORS.choose(rng).unwrap();
            Incident {
                name: format!("{} {} attack", words(rng, 2), year),
                aliases: vec![words(rng, 1)],
                year,
                end_year: None,
                dates: format!("{year}"),
                summary: sentence(rng),
                impact: sentence(rng),
                sectors: vec![words(rng, 1)],
                countries: vec![words(rng, 1)],
                impacts: vec![ImpactCategory::People],
                attribution: vec![Attribution {
                    actor: actor.into(),
                    aliases: Vec::new(),
                    by: "Researchers".into(),
                    date: format!("{year}"),
                    official: false,
                }],
                mitigations: linked
                    .into_iter()
                    .map(|norm| NormLink {
                        norm,
                        rationale: sentence(rng),
                        basis: Basis::Editorial,
                    })
                    .collect(),
                lessons: Vec::new(),
                bpf_case: None,
                sources: sources(rng, 2, &id),
                id,
            }
        })
        .collect();
    Dataset {
        version: format!("generated-{n}-{seed}"),
        date: "2026-11-24".into(),
        norm_sets,
        norms,
        agreements,
        incidents,
    }
}
