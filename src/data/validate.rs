//! Every rule a dataset must satisfy. `validate` returns all problems, not the first.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::model::{Basis, Dataset, NormLink, Source};

/// The first year the IGF held a Best Practice Forum on Cybersecurity (as CSIRTs/spam, 2014).
const FIRST_BPF_YEAR: u16 = 2014;
const YEARS: std::ops::RangeInclusive<u16> = 1970..=2100;
const MIN_MITIGATIONS: usize = 2;
const MIN_INCIDENT_SOURCES: usize = 2;
/// A rationale shorter than this many words is a label, not a reason.
const MIN_RATIONALE_WORDS: usize = 6;
const BPF_UNSOURCED: &str =
    "a claim about the BPF's own work needs a source on intgovforum.org that shows it";

/// One rule violation, located by entity and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `norm set`, `norm`, `agreement` or `incident`; `dataset` for the file's own fields.
    pub kind: &'static str,
    pub id: String,
    /// Field path inside the entity: `mitigations[2].norm`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.id.is_empty() {
            // The dataset's own fields.
            return write!(f, "{} field '{}': {}", self.kind, self.field, self.message);
        }
        write!(
            f,
            "{} '{}' field '{}': {}",
            self.kind,
            shown(&self.id),
            self.field,
            self.message
        )
    }
}

/// Longest value quoted whole in a message; longer ones are cut and their length given.
const SHOWN_CHARS: usize = 60;

/// A value as a message quotes it: whole when short, else its start and its length.
fn shown(value: &str) -> String {
    let count = value.chars().count();
    if count <= SHOWN_CHARS {
        value.to_owned()
    } else {
        let start: String = value.chars().take(SHOWN_CHARS).collect();
        format!("{start}… ({count} characters)")
    }
}

/// Checks `data` against every rule and returns the problems found, in file order.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut v = Validator::default();
    v.index(data);
    if !data.date.is_empty() && !is_date(&data.date) {
        let mut e = v.entity("dataset", "");
        e.problem(
            "date",
            format!("'{}' is not a date (YYYY-MM-DD)", shown(&data.date)),
        );
    }
    for s in &data.norm_sets {
        let mut e = v.entity("norm set", &s.id);
        e.text("name", &s.name);
        e.text("short_name", &s.short_name);
        e.text("made_by", &s.made_by);
        e.year("year", s.year);
        e.url("url", &s.url);
        e.sources(&s.sources);
    }
    let set_of: HashMap<&str, &str> = (data.norms.iter())
        .map(|n| (n.id.as_str(), n.set.as_str()))
        .collect();
    for n in &data.norms {
        let mut e = v.entity("norm", &n.id);
        e.reference("set", &n.set, "norm set");
        e.text("code", &n.code);
        e.text("name", &n.name);
        e.text("summary", &n.summary);
        e.list_of_text("aliases", &n.aliases);
        let mut seen = HashSet::new();
        for (i, other) in n.equivalents.iter().enumerate() {
            if set_of.get(other.as_str()) == Some(&n.set.as_str()) {
                e.problem(
                    format_args!("equivalents[{i}]"),
                    format!(
                        "'{}' is in the same set; equivalents are norms of other sets",
                        shown(other)
                    ),
                );
            }
            e.reference(format_args!("equivalents[{i}]"), other, "norm");
            e.once(format_args!("equivalents[{i}]"), other, &mut seen);
        }
        e.sources(&n.sources);
    }
    for a in &data.agreements {
        let mut e = v.entity("agreement", &a.id);
        e.text("name", &a.name);
        e.text("short_name", &a.short_name);
        e.year("year", a.year);
        e.text("made_by", &a.made_by);
        e.text("scope", &a.scope);
        e.text("summary", &a.summary);
        e.url("url", &a.url);
        let mut seen = HashSet::new();
        for (i, norm) in a.norms.iter().enumerate() {
            e.reference(format_args!("norms[{i}]"), norm, "norm");
            e.once(format_args!("norms[{i}]"), norm, &mut seen);
        }
        e.links("echoes", &a.echoes, &mut seen);
        e.bpf_claims_sourced("echoes", &a.echoes, &a.sources);
        if !a.bpf_analysed.is_empty() && !a.sources.iter().any(is_bpf_source) {
            e.problem("bpf_analysed", BPF_UNSOURCED.into());
        }
        for (i, &y) in a.bpf_analysed.iter().enumerate() {
            e.bpf_year(format_args!("bpf_analysed[{i}]"), y);
        }
        e.sources(&a.sources);
    }
    for inc in &data.incidents {
        let mut e = v.entity("incident", &inc.id);
        e.text("name", &inc.name);
        e.list_of_text("aliases", &inc.aliases);
        e.year("year", inc.year);
        if let Some(end) = inc.end_year {
            e.year("end_year", end);
            if end < inc.year {
                e.problem("end_year", format!("{end} is before year {}", inc.year));
            }
        }
        e.text("dates", &inc.dates);
        e.text("summary", &inc.summary);
        e.text("impact", &inc.impact);
        e.list_of_text("sectors", &inc.sectors);
        e.list_of_text("countries", &inc.countries);
        for (i, at) in inc.attribution.iter().enumerate() {
            e.text(format_args!("attribution[{i}].actor"), &at.actor);
            e.list_of_text(format_args!("attribution[{i}].aliases"), &at.aliases);
            e.text(format_args!("attribution[{i}].by"), &at.by);
            e.text(format_args!("attribution[{i}].date"), &at.date);
        }
        if inc.mitigations.len() < MIN_MITIGATIONS {
            e.problem(
                "mitigations",
                format!("needs at least {MIN_MITIGATIONS} mitigating norms"),
            );
        }
        e.links("mitigations", &inc.mitigations, &mut HashSet::new());
        e.bpf_claims_sourced("mitigations", &inc.mitigations, &inc.sources);
        e.list_of_text("lessons", &inc.lessons);
        if let Some(y) = inc.bpf_case {
            e.bpf_year("bpf_case", y);
        }
        e.sources(&inc.sources);
        if inc.sources.len() < MIN_INCIDENT_SOURCES {
            e.problem(
                "sources",
                format!("an incident needs at least {MIN_INCIDENT_SOURCES} sources"),
            );
        }
        if inc.bpf_case.is_some() && !inc.sources.iter().any(is_bpf_source) {
            e.problem("bpf_case", BPF_UNSOURCED.into());
        }
    }
    v.problems
}

#[derive(Default)]
struct Validator<'d> {
    /// Every id with the kind of the first entity that used it.
    ids: HashMap<&'d str, &'static str>,
    problems: Vec<Problem>,
}

impl<'d> Validator<'d> {
    /// Records every id and reports malformed and duplicate ones.
    fn index(&mut self, data: &'d Dataset) {
        let all = (data.norm_sets.iter().map(|x| ("norm set", &x.id)))
            .chain(data.norms.iter().map(|x| ("norm", &x.id)))
            .chain(data.agreements.iter().map(|x| ("agreement", &x.id)))
            .chain(data.incidents.iter().map(|x| ("incident", &x.id)));
        for (kind, id) in all {
            let message = if !is_slug(id) {
                Some(format!(
                    "'{}' is not a slug (lowercase letters, digits and single hyphens)",
                    shown(id)
                ))
            } else if let Some(first) = self.ids.get(id.as_str()) {
                Some(format!("duplicate id: already used by {}", article(first)))
            } else {
                self.ids.insert(id, kind);
                None
            };
            if let Some(message) = message {
                self.problems.push(Problem {
                    kind,
                    id: id.clone(),
                    field: "id".into(),
                    message,
                });
            }
        }
    }

    fn entity<'a>(&'a mut self, kind: &'static str, id: &'a str) -> EntityCheck<'a, 'd> {
        EntityCheck { v: self, kind, id }
    }
}

struct EntityCheck<'a, 'd> {
    v: &'a mut Validator<'d>,
    kind: &'static str,
    id: &'a str,
}

impl EntityCheck<'_, '_> {
    fn problem(&mut self, field: impl fmt::Display, message: String) {
        self.v.problems.push(Problem {
            kind: self.kind,
            id: self.id.to_owned(),
            field: field.to_string(),
            message,
        });
    }

    fn text(&mut self, field: impl fmt::Display, value: &str) {
        if value.trim().is_empty() {
            self.problem(field, "must not be empty".into());
        }
    }

    /// A reason written out: several words ending like a sentence.
    fn sentence(&mut self, field: impl fmt::Display, value: &str) {
        let words = value.split_whitespace().count();
        let ends = value.trim_end().ends_with(['.', '!', '?']);
        if value.trim().is_empty() {
            self.text(field, value);
        } else if words < MIN_RATIONALE_WORDS || !ends {
            self.problem(
                field,
                format!(
                    "'{}' is a label, not a reason: write at least one sentence ({MIN_RATIONALE_WORDS}+ words, ending with a full stop)",
                    shown(value)
                ),
            );
        }
    }

    /// `Bpf(..)` links need a BPF source among the entity's sources.
    fn bpf_claims_sourced(
        &mut self,
        field: impl fmt::Display,
        links: &[NormLink],
        sources: &[Source],
    ) {
        if sources.iter().any(is_bpf_source) {
            return;
        }
        for (i, link) in links.iter().enumerate() {
            if matches!(link.basis, Basis::Bpf(_)) {
                self.problem(format_args!("{field}[{i}].basis"), BPF_UNSOURCED.into());
            }
        }
    }

    fn list_of_text(&mut self, field: impl fmt::Display, values: &[String]) {
        for (i, value) in values.iter().enumerate() {
            self.text(format_args!("{field}[{i}]"), value);
        }
    }

    fn year(&mut self, field: impl fmt::Display, year: u16) {
        if !YEARS.contains(&year) {
            self.problem(field, format!("{year} is not a plausible year"));
        }
    }

    fn bpf_year(&mut self, field: impl fmt::Display, year: u16) {
        if !(FIRST_BPF_YEAR..=*YEARS.end()).contains(&year) {
            self.problem(
                field,
                format!("{year} is not a year of the BPF on Cybersecurity (from {FIRST_BPF_YEAR})"),
            );
        }
    }

    fn url(&mut self, field: impl fmt::Display, url: &str) {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
            self.problem(field, format!("'{}' is not an http(s) URL", shown(url)));
        }
    }

    /// `target` must be the id of an entity of kind `want`.
    fn reference(&mut self, field: impl fmt::Display, target: &str, want: &'static str) {
        match self.v.ids.get(target) {
            Some(&kind) if kind == want => {}
            Some(&kind) => self.problem(
                field,
                format!(
                    "'{}' is {}, not {}",
                    shown(target),
                    article(kind),
                    article(want)
                ),
            ),
            None => self.problem(field, format!("no {want} '{}'", shown(target))),
        }
    }

    /// Reports `target` if it was already listed in the same entity.
    fn once<'s>(&mut self, field: impl fmt::Display, target: &'s str, seen: &mut HashSet<&'s str>) {
        if !seen.insert(target) {
            self.problem(field, format!("'{}' is listed twice", shown(target)));
        }
    }

    fn links<'s>(
        &mut self,
        field: impl fmt::Display,
        links: &'s [NormLink],
        seen: &mut HashSet<&'s str>,
    ) {
        for (i, link) in links.iter().enumerate() {
            self.reference(format_args!("{field}[{i}].norm"), &link.norm, "norm");
            self.once(format_args!("{field}[{i}].norm"), &link.norm, seen);
            self.sentence(format_args!("{field}[{i}].rationale"), &link.rationale);
            if let Basis::Bpf(y) = link.basis {
                self.bpf_year(format_args!("{field}[{i}].basis"), y);
            }
        }
    }

    fn sources(&mut self, sources: &[Source]) {
        if sources.is_empty() {
            self.problem("sources", "needs at least one source".into());
        }
        for (i, s) in sources.iter().enumerate() {
            self.text(format_args!("sources[{i}].title"), &s.title);
            self.url(format_args!("sources[{i}].url"), &s.url);
        }
    }
}

/// Whether a source is the BPF's own: a page or document on the IGF's site.
fn is_bpf_source(source: &Source) -> bool {
    let rest = (source.url.strip_prefix("https://"))
        .or_else(|| source.url.strip_prefix("http://"))
        .unwrap_or_default();
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    host == "intgovforum.org" || host.ends_with(".intgovforum.org")
}

/// `a norm`, `an incident`.
fn article(kind: &str) -> String {
    let a = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{a} {kind}")
}

/// `YYYY-MM-DD` with a plausible year, a month and a day that exist in some month.
fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u16>().ok())?
    };
    match parts[..] {
        [y, m, d] => {
            number(y, 4).is_some_and(|y| YEARS.contains(&y))
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
