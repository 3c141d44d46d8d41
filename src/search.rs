//! Fuzzy matching over catalog entries: case- and accent-insensitive, every word of the
//! query must match (in any order), matched characters of the row label are reported
//! for highlighting. fuzzy-matcher's `SkimMatcherV2` does the scoring.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::data::{Catalog, EntityRef, Kind};

/// Text folded for matching, with the way back to the original characters.
#[derive(Debug, Clone)]
struct Folded {
    text: String,
    /// For each char of `text`, the index of the original char it came from.
    origin: Vec<usize>,
}

/// Lowercases, decomposes and drops combining marks: `Côte` -> `cote`.
fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
            for l in d.to_lowercase() {
                text.push(l);
                origin.push(i);
            }
        }
    }
    Folded { text, origin }
}

/// Letters and digits only: `13(f)` and `13f` are the same name, as are `GGE 6` and `gge6`.
fn compact(folded: &str) -> String {
    folded.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What one entity can be found by.
struct Haystack {
    entity: EntityRef,
    label: Folded,
    /// Folded ids, names, codes and aliases.
    keys: Vec<String>,
    /// The same, compacted, for exact-name matches.
    names: Vec<String>,
}

impl Haystack {
    /// Whether `word` starts a word of the label or of a key.
    fn starts_a_word(&self, word: &str) -> bool {
        std::iter::once(&self.label.text)
            .chain(&self.keys)
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '#'))
            .any(|w| w.starts_with(word))
    }
}

/// How well a match fits, before its fuzzy score: better tiers always rank first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Fuzzy,
    /// Every query word starts a word of the item (`paris` in `Paris Call`).
    WordStart,
    /// The query is the item's id, code, name or an alias (`13f`, `#6`, `Fancy Bear`).
    Exact,
}

/// A matching entity, best first in a result list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub entity: EntityRef,
    pub tier: Tier,
    pub score: i64,
    /// Char indices of the row label to highlight, ascending.
    pub highlight: Vec<usize>,
}

/// Prepared haystacks of one or more kinds of entity.
pub struct Index {
    items: Vec<Haystack>,
    matcher: SkimMatcherV2,
}

impl Index {
    pub fn new(catalog: &Catalog, kinds: &[Kind]) -> Self {
        let items = (kinds.iter())
            .flat_map(|&kind| (0..catalog.count(kind)).map(move |i| EntityRef::new(kind, i)))
            .map(|entity| {
                let keys: Vec<String> = (catalog.search_keys(entity).into_iter())
                    .map(|k| fold(k).text)
                    .collect();
                let label = fold(&catalog.row_label(entity));
                let names = (keys.iter())
                    .map(|k| compact(k))
                    .chain([compact(&fold(&catalog.short_label(entity)).text)])
                    .collect();
                Haystack {
                    entity,
                    label,
                    keys,
                    names,
                }
            })
            .collect();
        Self {
            items,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// All entities, in dataset order, when the query is blank; otherwise the matches, best first.
    pub fn filter(&self, query: &str) -> Vec<Match> {
        let words: Vec<String> = query.split_whitespace().map(|w| fold(w).text).collect();
        let mut out: Vec<Match> = self
            .items
            .iter()
            .filter_map(|h| self.score(h, &words))
            .collect();
        // Stable: equal ranks keep dataset order.
        out.sort_by_key(|m| std::cmp::Reverse((m.tier, m.score)));
        out
    }

    fn score(&self, h: &Haystack, words: &[String]) -> Option<Match> {
        let whole = compact(&words.concat());
        let mut score = 0;
        let mut highlight = Vec::new();
        for word in words {
            let on_label = self.matcher.fuzzy_indices(&h.label.text, word);
            let on_keys = (h.keys.iter())
                .filter_map(|k| self.matcher.fuzzy_match(k, word))
                .max();
            // Highlight on the label whenever it matches; score with the best field.
            match on_label {
                Some((s, idx)) => {
                    score += on_keys.map_or(s, |k| k.max(s));
                    highlight.extend(idx.into_iter().map(|i| h.label.origin[i]));
                }
                None => score += on_keys?,
            }
        }
        highlight.sort_unstable();
        highlight.dedup();
        let tier = if !whole.is_empty() && h.names.contains(&whole) {
            Tier::Exact
        } else if !words.is_empty() && words.iter().all(|w| h.starts_a_word(w)) {
            Tier::WordStart
        } else {
            Tier::Fuzzy
        };
        Some(Match {
            entity: h.entity,
            tier,
            score,
            highlight,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_accents_and_case_and_keeps_origins() {
        let f = fold("Côte d'Ivoire");
        assert_eq!(f.text, "cote d'ivoire");
        assert_eq!(f.origin[1], 1);
        assert_eq!(f.origin[2], 2, "the o of ô maps back to the ô");
    }

    #[test]
    fn fold_maps_expanding_lowercase_back() {
        // 'İ' lowercases to two chars; both map back to index 0.
        let f = fold("İx");
        assert_eq!(f.origin.last(), Some(&1));
        assert!(f.origin[..f.origin.len() - 1].iter().all(|&o| o == 0));
    }
}
