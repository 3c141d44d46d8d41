//! Reading a dataset from RON text: the bundled file or one the user names.
//! Parse errors come back as `path:line:col: message`, rule violations as one line each.

use std::path::Path;

use super::cache::Cache;
use super::catalog::Catalog;
use super::model::Dataset;
use super::text::Sanitize;
use super::validate::{self, Problem};

/// From this size a dataset is parsed on every core and cached; below it, one thread
/// parses as fast as a cache is read.
const LARGE: usize = 1 << 20;

/// The dataset shipped inside the binary.
pub const BUNDLED: &str = include_str!("../../dataset/cybernorms.ron");
/// How the bundled dataset is named in messages.
pub const BUNDLED_NAME: &str = "<bundled>/dataset/cybernorms.ron";

/// Why a dataset could not be loaded. Each variant's `Display` is the full user-facing report.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {message}")]
    Read { path: String, message: String },
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}", render_problems(path, problems))]
    Invalid {
        path: String,
        problems: Vec<Problem>,
    },
}

fn render_problems(path: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("{path}: {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses and validates `text`, naming it `path` in messages.
pub fn load_str(path: &str, text: &str) -> Result<Catalog, LoadError> {
    let dataset = match parse_parallel(text) {
        Some(dataset) => dataset,
        None => {
            let mut dataset: Dataset = ron::from_str(text).map_err(|e| LoadError::Syntax {
                path: path.to_owned(),
                line: e.span.start.line,
                col: e.span.start.col,
                message: e.code.to_string(),
            })?;
            dataset.sanitize();
            dataset
        }
    };
    // Validation and indexing read the same data: run them side by side.
    let (problems, index) = std::thread::scope(|scope| {
        let problems = scope.spawn(|| validate::validate(&dataset));
        let index = Catalog::index(&dataset);
        (problems.join().unwrap_or_default(), index)
    });
    if problems.is_empty() {
        Ok(Catalog::from_parts(dataset, index))
    } else {
        Err(LoadError::Invalid {
            path: path.to_owned(),
            problems,
        })
    }
}

/// Reads, parses and validates the file at `path`. With a cache directory, a large file
/// that passed validation is saved there, and read back while its bytes stay the same.
pub fn load_path(path: &Path, cache_dir: Option<&Path>) -> Result<Catalog, LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| LoadError::Read {
        path: name.clone(),
        message: e.to_string(),
    })?;
    let cache =
        (cache_dir.filter(|_| bytes.len() >= LARGE)).map(|dir| Cache::new(dir, path, &bytes));
    if let Some(data) = cache.as_ref().and_then(Cache::read) {
        return Ok(Catalog::new(data));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let col = valid
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        LoadError::Syntax {
            path: name.clone(),
            line,
            col,
            message: "invalid UTF-8".to_owned(),
        }
    })?;
    let catalog = load_str(&name, &text)?;
    if let Some(cache) = cache {
        cache.write(catalog.dataset());
    }
    Ok(catalog)
}

/// The dataset embedded in the binary.
pub fn load_bundled() -> Result<Catalog, LoadError> {
    load_str(BUNDLED_NAME, BUNDLED)
}

/// Parses a large, well-formed dataset on every core: each entity list is cut into chunks
/// of whole entries, parsed and sanitized side by side; the rest of the file (the lists
/// left empty) is parsed as usual. `None` for anything unexpected, or any error: the caller
/// then parses the whole text in one go, which gives the exact message and position.
fn parse_parallel(text: &str) -> Option<Dataset> {
    if text.len() < LARGE {
        return None;
    }
    let lists = top_level_lists(text)?;
    let mut skeleton = String::new();
    let mut at = 0;
    for list in &lists {
        skeleton.push_str(&text[at..list.start]);
        skeleton.push_str("[]");
        at = list.end;
    }
    skeleton.push_str(&text[at..]);
    let mut data: Dataset = ron::from_str(&skeleton).ok()?;
    let list = |name: &str| lists.iter().find(|l| l.name == name);
    data.norm_sets = parse_entries(text, list("norm_sets")?)?;
    data.norms = parse_entries(text, list("norms")?)?;
    data.agreements = parse_entries(text, list("agreements")?)?;
    data.incidents = parse_entries(text, list("incidents")?)?;
    Some(data)
}

/// A top-level field whose value is a list: `text[start..end]` is `[ .. ]`, and `cuts` are
/// the positions of the commas between its entries.
struct List<'a> {
    name: &'a str,
    start: usize,
    end: usize,
    cuts: Vec<usize>,
}

/// The entries of `list`, parsed one by one, a share of them per core, and sanitized.
fn parse_entries<T>(text: &str, list: &List) -> Option<Vec<T>>
where
    T: serde::de::DeserializeOwned + Sanitize + Send,
{
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    // Each entry's text runs from after one comma to the next (or the brackets).
    let bounds: Vec<usize> = std::iter::once(list.start)
        .chain(list.cuts.iter().copied())
        .chain([list.end - 1])
        .collect();
    let entries: Vec<&str> = (bounds.windows(2))
        .map(|w| &text[w[0] + 1..w[1]])
        .filter(|entry| skip_blank(entry.as_bytes(), 0) < entry.len())
        .collect();
    let share = entries.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = (entries.chunks(share))
            .map(|part| {
                scope.spawn(move || {
                    (part.iter())
                        .map(|entry| {
                            let mut parsed: T = ron::from_str(entry).ok()?;
                            parsed.sanitize();
                            Some(parsed)
                        })
                        .collect::<Option<Vec<T>>>()
                })
            })
            .collect();
        let mut all = Vec::with_capacity(entries.len());
        for part in parts {
            all.extend(part.join().ok()??);
        }
        Some(all)
    })
}

/// The list-valued fields of the top-level `Dataset( .. )`, with the positions of the
/// commas between their entries; `None` when the text is not plainly that shape
/// (extensions, stray tokens, unbalanced brackets).
fn top_level_lists(text: &str) -> Option<Vec<List<'_>>> {
    let b = text.as_bytes();
    let mut i = skip_blank(b, 0);
    if b[i..].starts_with(b"Dataset") {
        i = skip_blank(b, i + "Dataset".len());
    }
    if b.get(i) != Some(&b'(') {
        return None;
    }
    let mut depth = 0usize;
    let mut lists = Vec::new();
    // Where the current top-level field's name starts.
    let mut field = i + 1;
    let mut close = None;
    while i < b.len() {
        match b[i] {
            b'"' => i = skip_string(b, i)?,
            b'\'' => i = skip_char(b, i)?,
            b'r' if matches!(b.get(i + 1), Some(b'#' | b'"')) => i = skip_raw_string(b, i)?,
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => i = skip_blank(b, i) - 1,
            b'[' if depth == 1 => {
                let (name, _) = text[skip_blank(b, field)..i].split_once(':')?;
                let name = name.trim_end();
                if !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
                    return None;
                }
                lists.push(List {
                    name,
                    start: i,
                    end: 0,
                    cuts: Vec::new(),
                });
                depth += 1;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b']' if depth == 2 && field_is_list(&lists, field) => {
                depth -= 1;
                lists.last_mut()?.end = i + 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            b',' if depth == 1 => field = i + 1,
            b',' if depth == 2 && field_is_list(&lists, field) => lists.last_mut()?.cuts.push(i),
            _ => {}
        }
        i += 1;
    }
    let close = close?;
    if skip_blank(b, close + 1) != b.len() {
        return None;
    }
    Some(lists)
}

/// Whether the top-level field that starts at `field` is the last list found.
fn field_is_list(lists: &[List], field: usize) -> bool {
    lists.last().is_some_and(|l| l.start > field)
}

/// The index after white space and comments from `i`.
fn skip_blank(b: &[u8], mut i: usize) -> usize {
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b[i..].starts_with(b"//") {
            i = b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| i + p + 1);
        } else if b[i..].starts_with(b"/*") {
            i = b[i + 2..]
                .windows(2)
                .position(|w| w == b"*/")
                .map_or(b.len(), |p| i + 2 + p + 2);
        } else {
            return i;
        }
    }
}

/// The index of the closing quote of the string opening at `i`.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
        if b[i] == b'"' {
            return Some(i);
        }
        i += 2;
    }
}

/// The index of the closing quote of the char literal opening at `i`.
fn skip_char(b: &[u8], i: usize) -> Option<usize> {
    let rest = b.get(i + 1..)?;
    let len = if rest.first() == Some(&b'\\') { 2 } else { 1 };
    let end = rest.iter().skip(len).position(|&c| c == b'\'')? + len;
    Some(i + 1 + end)
}

/// The index of the last byte of the raw string `r#".."#` opening at `i`.
fn skip_raw_string(b: &[u8], i: usize) -> Option<usize> {
    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
    let body = i + 1 + hashes;
    if b.get(body) != Some(&b'"') {
        return None;
    }
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    let end = b[body + 1..]
        .windows(close.len())
        .position(|w| w == close.as_slice())?;
    Some(body + 1 + end + close.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_lists_are_cut_between_entries() {
        let text = "// c\nDataset( version: \"1, [\", norm_sets: [A(x: \"a, ( b\"), A(x: [1, 2])], /* , */ norms: [], agreements: [r#\"),\"#], incidents: [B(c: ')'), B(c: ',')], )";
        let lists = top_level_lists(text).unwrap();
        let names: Vec<&str> = lists.iter().map(|l| l.name).collect();
        assert_eq!(names, ["norm_sets", "norms", "agreements", "incidents"]);
        let span = |l: &List| &text[l.start..l.end];
        assert_eq!(span(&lists[0]), "[A(x: \"a, ( b\"), A(x: [1, 2])]");
        assert_eq!(span(&lists[3]), "[B(c: ')'), B(c: ',')]");
        let entries = |l: &List| {
            let mut at = l.start + 1;
            let mut out = Vec::new();
            for &c in l.cuts.iter().chain([&(l.end - 1)]) {
                out.push(text[at..c].trim());
                at = c + 1;
            }
            out
        };
        assert_eq!(entries(&lists[0]), ["A(x: \"a, ( b\")", "A(x: [1, 2])"]);
        assert_eq!(entries(&lists[3]), ["B(c: ')')", "B(c: ',')"]);
        assert!(lists[1].cuts.is_empty() && lists[2].cuts.is_empty());
        assert!(top_level_lists("Dataset(a: [)").is_none());
        assert!(top_level_lists("#![enable(implicit_some)] Dataset()").is_none());
        assert!(top_level_lists("Dataset() trailing").is_none());
    }

    #[test]
    fn a_large_dataset_parses_the_same_on_every_core() {
        for fixture in [
            include_str!("../../tests/fixtures/mini.ron"),
            include_str!("../../tests/fixtures/hostile.ron"),
        ] {
            let mut one: Dataset = ron::from_str(fixture).unwrap();
            one.sanitize();
            // Pad past the parallel threshold with a comment.
            let big = format!("{fixture}\n//{}\n", "x".repeat(1 << 20));
            assert_eq!(parse_parallel(&big), Some(one));
        }
    }
}
