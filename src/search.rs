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
    /// For each char of `text`, the index of the original char it came from; `None` when
    /// that is the char's own index (ASCII text, the common case, needs no table).
    origin: Option<Vec<usize>>,
}

impl Folded {
    fn origin(&self, i: usize) -> usize {
        self.origin.as_ref().map_or(i, |o| o[i])
    }
}

/// Lowercases, decomposes and drops combining marks: `Côte` -> `cote`.
fn fold(s: &str) -> Folded {
    if s.is_ascii() {
        return Folded {
            text: s.to_ascii_lowercase(),
            origin: None,
        };
    }
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
    Folded {
        text,
        origin: Some(origin),
    }
}

/// Letters and digits only: `13(f)` and `13f` are the same name, as are `GGE 6` and `gge6`.
fn compact(folded: &str) -> String {
    folded.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A bit per ASCII letter and digit present in a text: a query word whose bits are not all
/// in an item's set cannot match it, so the fuzzy matcher never runs for that item.
fn char_bits(text: &str) -> u64 {
    text.bytes().fold(0, |bits, b| {
        bits | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            _ => 0,
        }
    })
}

/// What one entity can be found by.
struct Haystack {
    entity: EntityRef,
    label: Folded,
    /// Folded ids, names, codes and aliases.
    keys: Vec<String>,
    /// The same, compacted, for exact-name matches.
    names: Vec<String>,
    /// `char_bits` of the label and all keys.
    bits: u64,
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
    /// Every query word starts a word of the item (`call` in `Paris Call`).
    WordStart,
    /// The query begins the item's id, code, name or an alias (`paris` for `Paris Call`);
    /// the shorter that name, the better the match.
    Prefix,
    /// The query is the item's id, code, name or an alias (`13f`, `#6`, `Fancy Bear`).
    Exact,
}

/// A matching entity, best first in a result list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub entity: EntityRef,
    pub tier: Tier,
    pub score: i64,
}

/// The kinds in the order the index holds them, which is the order ties rank in.
pub const KINDS: [Kind; 4] = [Kind::Incident, Kind::Norm, Kind::Agreement, Kind::NormSet];

/// The least score per query character for a match to count. Skim scores a compact match,
/// or an abbreviation like `mlb` for Malabo, at 15-20 per character, letters scattered over
/// a long text far lower. Keys (ids, aliases, actor names) can be long sentences, so they
/// must match more compactly than the row label.
const LABEL_SCORE_PER_CHAR: i64 = 10;
const KEY_SCORE_PER_CHAR: i64 = 16;

/// Below this many candidates a search runs on one thread.
const PARALLEL_FROM: usize = 20_000;
/// How many candidates a search checks between two questions to `stop` (about 0.3 ms).
const CHECK_EVERY: usize = 1024;

/// Asked during a search whether to give it up: the terminal edge says yes when input is
/// waiting, so that a slow search never holds up the keys typed after it.
pub type Stop<'a> = &'a (dyn Fn() -> bool + Sync);

/// Prepared haystacks of every entity, grouped by kind.
pub struct Index {
    items: Vec<Haystack>,
    /// Where each kind's items start, in `KINDS` order.
    starts: [usize; 4],
    matcher: SkimMatcherV2,
}

impl Index {
    pub fn new(catalog: &Catalog) -> Self {
        // Each kind's haystacks on a thread of its own: folding text is the cost.
        let per_kind: Vec<Vec<Haystack>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (KINDS.iter())
                .map(|&kind| scope.spawn(move || Self::haystacks(catalog, kind)))
                .collect();
            (handles.into_iter())
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut starts = [0; 4];
        let mut items = Vec::with_capacity(per_kind.iter().map(Vec::len).sum());
        for (slot, haystacks) in per_kind.into_iter().enumerate() {
            starts[slot] = items.len();
            items.extend(haystacks);
        }
        Self {
            items,
            starts,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    fn haystacks(catalog: &Catalog, kind: Kind) -> Vec<Haystack> {
        (0..catalog.count(kind))
            .map(|i| {
                let entity = EntityRef::new(kind, i);
                let keys: Vec<String> = (catalog.search_keys(entity).into_iter())
                    .map(|k| fold(k).text)
                    .collect();
                let label = fold(&catalog.row_label(entity));
                let names = (keys.iter())
                    .map(|k| compact(k))
                    .chain([compact(&fold(&catalog.short_label(entity)).text)])
                    .collect();
                let bits = keys
                    .iter()
                    .fold(char_bits(&label.text), |b, k| b | char_bits(k));
                Haystack {
                    entity,
                    label,
                    keys,
                    names,
                    bits,
                }
            })
            .collect()
    }

    fn slot(kind: Kind) -> usize {
        KINDS.iter().position(|&k| k == kind).unwrap_or(0)
    }

    fn item(&self, e: EntityRef) -> &Haystack {
        &self.items[self.starts[Self::slot(e.kind)] + e.index]
    }

    /// The entities of `kind` (all kinds when `None`) that match `query`, best first; all of
    /// them, in dataset order, when the query is blank.
    pub fn filter(&self, query: &str, kind: Option<Kind>) -> Vec<Match> {
        self.filter_until(query, kind, &|| false)
            .unwrap_or_default()
    }

    /// `filter`, given up (`None`) as soon as `stop` says so: it is asked every
    /// `CHECK_EVERY` candidates.
    pub fn filter_until(&self, query: &str, kind: Option<Kind>, stop: Stop) -> Option<Vec<Match>> {
        let range = match kind {
            Some(k) => {
                let start = self.starts[Self::slot(k)];
                start
                    ..self
                        .starts
                        .get(Self::slot(k) + 1)
                        .copied()
                        .unwrap_or(self.items.len())
            }
            None => 0..self.items.len(),
        };
        let candidates: Vec<&Haystack> = self.items[range].iter().collect();
        self.search(query, &candidates, stop)
    }

    /// Like `filter`, but only among `previous`: the matches of a query that `query` extends
    /// (typing on). A longer query never matches more, so nothing is lost.
    pub fn refine(&self, query: &str, previous: &[Match], stop: Stop) -> Option<Vec<Match>> {
        let mut candidates: Vec<&Haystack> = previous.iter().map(|m| self.item(m.entity)).collect();
        // `previous` is ranked: back to dataset order, which equal ranks keep.
        candidates.sort_by_key(|h| (Self::slot(h.entity.kind), h.entity.index));
        self.search(query, &candidates, stop)
    }

    /// Char indices, ascending, of `e`'s row label that `query` matches: the rows on screen
    /// ask for them, so a search does not compute them for every match.
    pub fn highlight(&self, e: EntityRef, query: &str) -> Vec<usize> {
        let h = self.item(e);
        let mut highlight: Vec<usize> = (query.split_whitespace())
            .map(|w| fold(w).text)
            .filter_map(|word| {
                let (score, idx) = self.matcher.fuzzy_indices(&h.label.text, &word)?;
                (score >= LABEL_SCORE_PER_CHAR * chars(&word)).then_some(idx)
            })
            .flatten()
            .map(|i| h.label.origin(i))
            .collect();
        highlight.sort_unstable();
        highlight.dedup();
        highlight
    }

    fn search(&self, query: &str, candidates: &[&Haystack], stop: Stop) -> Option<Vec<Match>> {
        let words: Vec<String> = query.split_whitespace().map(|w| fold(w).text).collect();
        let whole = compact(&words.concat());
        let bits: Vec<u64> = words.iter().map(|w| char_bits(w)).collect();
        let run = |chunk: &[&Haystack]| -> Option<Vec<Match>> {
            let mut found = Vec::new();
            for block in chunk.chunks(CHECK_EVERY) {
                if stop() {
                    return None;
                }
                found.extend(
                    (block.iter())
                        .filter(|h| bits.iter().all(|&b| h.bits & b == b))
                        .filter_map(|h| self.score(h, &words, &whole)),
                );
            }
            Some(found)
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut out: Vec<Match> = if candidates.len() < PARALLEL_FROM || threads < 2 {
            run(candidates)?
        } else {
            let size = candidates.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = (candidates.chunks(size))
                    .map(|chunk| scope.spawn(move || run(chunk)))
                    .collect();
                let parts: Option<Vec<Vec<Match>>> =
                    (handles.into_iter()).map(|h| h.join().ok()?).collect();
                parts.map(|parts| parts.concat())
            })?
        };
        // Stable: equal ranks keep dataset order.
        out.sort_by_key(|m| std::cmp::Reverse((m.tier, m.score)));
        Some(out)
    }

    /// `whole` is the query's words run together, compacted (for the prefix tiers).
    fn score(&self, h: &Haystack, words: &[String], whole: &str) -> Option<Match> {
        let mut score = 0;
        for word in words {
            // Letters scattered over a long text are noise, not a match (see the constants).
            let chars = chars(word);
            let on_label = (self.matcher.fuzzy_match(&h.label.text, word))
                .filter(|&s| s >= LABEL_SCORE_PER_CHAR * chars);
            let on_keys = (h.keys.iter())
                .filter_map(|k| self.matcher.fuzzy_match(k, word))
                .filter(|&s| s >= KEY_SCORE_PER_CHAR * chars)
                .max();
            // Score with the best field.
            score += match (on_label, on_keys) {
                (Some(l), Some(k)) => l.max(k),
                (l, k) => l.or(k)?,
            };
        }
        let shortest_prefixed = (h.names.iter())
            .filter(|n| !whole.is_empty() && n.starts_with(whole))
            .map(String::len)
            .min();
        let tier = match shortest_prefixed {
            Some(len) if len == whole.len() => Tier::Exact,
            Some(len) => {
                // Within this tier, a prefix covering more of its name ranks first.
                score = -i64::try_from(len).unwrap_or(i64::MAX);
                Tier::Prefix
            }
            None if !words.is_empty() && words.iter().all(|w| h.starts_a_word(w)) => {
                Tier::WordStart
            }
            None => Tier::Fuzzy,
        };
        Some(Match {
            entity: h.entity,
            tier,
            score,
        })
    }
}

/// A word's length in characters, as a score threshold counts it.
fn chars(word: &str) -> i64 {
    i64::try_from(word.chars().count()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_stops_when_asked_and_otherwise_finds_what_filter_finds() {
        let catalog = crate::data::load_bundled().unwrap();
        let index = Index::new(&catalog);
        let asked = std::sync::atomic::AtomicUsize::new(0);
        let stop = || asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < usize::MAX;
        assert_eq!(index.filter_until("grid", None, &stop), None);
        assert_eq!(
            asked.load(std::sync::atomic::Ordering::Relaxed),
            1,
            "asked before any work"
        );
        let all = index.filter_until("grid", None, &|| false);
        assert!(all.as_ref().is_some_and(|m| !m.is_empty()));
        assert_eq!(all, Some(index.filter("grid", None)));
    }

    #[test]
    fn fold_strips_accents_and_case_and_keeps_origins() {
        let f = fold("Côte d'Ivoire");
        assert_eq!(f.text, "cote d'ivoire");
        assert_eq!(f.origin(1), 1);
        assert_eq!(f.origin(2), 2, "the o of ô maps back to the ô");
    }

    #[test]
    fn fold_maps_expanding_lowercase_back() {
        // 'İ' lowercases to two chars; both map back to index 0.
        let f = fold("İx");
        let n = f.text.chars().count();
        assert_eq!(f.origin(n - 1), 1);
        assert!((0..n - 1).all(|i| f.origin(i) == 0));
    }
}
