//! Dataset text is data, never terminal commands: control characters, bidi overrides and
//! zero-width characters are replaced by visible escapes (`\u{1b}`) as soon as a dataset
//! is parsed, so no output path (TUI, CLI, JSON) can send them raw to a terminal.

use std::borrow::Cow;

use super::model::{Agreement, Dataset, Incident, Norm, NormLink, NormSet, Source};

/// Whether `c` must not reach a terminal as is.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}' // zero-width no-break space
        )
}

/// `s` with every unsafe character written as `\u{..}`.
pub fn clean(s: &str) -> Cow<'_, str> {
    // Printable ASCII, most text, is checked a byte at a time.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) || !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_unsafe(c) {
                    format!("\\u{{{:x}}}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

fn clean_in_place(s: &mut String) {
    if let Cow::Owned(cleaned) = clean(s) {
        *s = cleaned;
    }
}

fn clean_all<'a>(strings: impl IntoIterator<Item = &'a mut String>) {
    strings.into_iter().for_each(clean_in_place);
}

fn sources(s: &mut [Source]) -> impl Iterator<Item = &mut String> {
    s.iter_mut().flat_map(|s| [&mut s.title, &mut s.url])
}

fn links(l: &mut [NormLink]) -> impl Iterator<Item = &mut String> {
    l.iter_mut().flat_map(|l| [&mut l.norm, &mut l.rationale])
}

/// Escaping every unsafe character in every string of an entity.
pub trait Sanitize {
    fn sanitize(&mut self);
}

impl Dataset {
    /// Escapes every unsafe character in every string of the dataset.
    pub fn sanitize(&mut self) {
        self.norm_sets.iter_mut().for_each(Sanitize::sanitize);
        self.norms.iter_mut().for_each(Sanitize::sanitize);
        self.agreements.iter_mut().for_each(Sanitize::sanitize);
        self.incidents.iter_mut().for_each(Sanitize::sanitize);
    }
}

impl Sanitize for NormSet {
    fn sanitize(&mut self) {
        let s = self;
        clean_all([
            &mut s.id,
            &mut s.name,
            &mut s.short_name,
            &mut s.made_by,
            &mut s.url,
        ]);
        clean_all(sources(&mut s.sources));
    }
}

impl Sanitize for Norm {
    fn sanitize(&mut self) {
        let n = self;
        clean_all([
            &mut n.id,
            &mut n.set,
            &mut n.code,
            &mut n.name,
            &mut n.summary,
        ]);
        clean_all(n.aliases.iter_mut().chain(&mut n.equivalents));
        clean_all(sources(&mut n.sources));
    }
}

impl Sanitize for Agreement {
    fn sanitize(&mut self) {
        let a = self;
        clean_all([
            &mut a.id,
            &mut a.name,
            &mut a.short_name,
            &mut a.made_by,
            &mut a.scope,
            &mut a.summary,
            &mut a.url,
        ]);
        clean_all(a.norms.iter_mut().chain(links(&mut a.echoes)));
        clean_all(sources(&mut a.sources));
    }
}

impl Sanitize for Incident {
    fn sanitize(&mut self) {
        let i = self;
        clean_all([
            &mut i.id,
            &mut i.name,
            &mut i.dates,
            &mut i.summary,
            &mut i.impact,
        ]);
        clean_all(
            i.aliases
                .iter_mut()
                .chain(&mut i.sectors)
                .chain(&mut i.countries),
        );
        clean_all(i.lessons.iter_mut().chain(links(&mut i.mitigations)));
        for at in &mut i.attribution {
            clean_all([&mut at.actor, &mut at.by, &mut at.date]);
            clean_all(&mut at.aliases);
        }
        clean_all(sources(&mut i.sources));
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn unsafe_characters_become_visible_escapes() {
        assert_eq!(clean("a\u{1b}]52;c;x\u{7}b"), "a\\u{1b}]52;c;x\\u{7}b");
        assert_eq!(clean("\u{202e}evil\u{200b}"), "\\u{202e}evil\\u{200b}");
        assert_eq!(clean("line\nbreak"), "line\\u{a}break");
        assert!(matches!(
            clean("Côte d'Ivoire 東京 👍"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
