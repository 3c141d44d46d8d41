//! Reading a dataset from RON text: the bundled file or one the user names.
//! Parse errors come back as `path:line:col: message`, rule violations as one line each.

use std::path::Path;

use super::catalog::Catalog;
use super::model::Dataset;
use super::validate::{self, Problem};

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
    let parsed = parse_parallel(text).map_or_else(|| ron::from_str(text), Ok);
    let mut dataset: Dataset = parsed.map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })?;
    dataset.sanitize();
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

/// Reads, parses and validates the file at `path`.
pub fn load_path(path: &Path) -> Result<Catalog, LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| LoadError::Read {
        path: name.clone(),
        message: e.to_string(),
    })?;
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
    load_str(&name, &text)
}

/// The dataset embedded in the binary.
pub fn load_bundled() -> Result<Catalog, LoadError> {
    load_str(BUNDLED_NAME, BUNDLED)
}

/// Parses a well-formed dataset's four lists on two threads (a large file parses in about
/// half the time). `None` for anything unexpected, or any error: the caller then parses the
/// whole text in one go, which gives the exact message and position.
fn parse_parallel(text: &str) -> Option<Dataset> {
    /// Below this size one thread is as fast.
    const PARALLEL_FROM: usize = 1 << 20;
    if text.len() < PARALLEL_FROM {
        return None;
    }
    let fields = top_level_fields(text)?;
    let field = |name: &str| fields.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    if fields.len() != 4 {
        return None;
    }
    let (sets, norms, agreements, incidents) = (
        field("norm_sets")?,
        field("norms")?,
        field("agreements")?,
        field("incidents")?,
    );
    std::thread::scope(|scope| {
        let incidents = scope.spawn(|| ron::from_str(incidents).ok());
        let norm_sets = ron::from_str(sets).ok()?;
        let norms = ron::from_str(norms).ok()?;
        let agreements = ron::from_str(agreements).ok()?;
        let incidents = incidents.join().ok()??;
        Some(Dataset {
            norm_sets,
            norms,
            agreements,
            incidents,
        })
    })
}

/// The `name: value` fields of the top-level `Dataset( .. )`, values as text; `None` when
/// the text is not plainly that shape (extensions, stray tokens, unbalanced brackets).
fn top_level_fields(text: &str) -> Option<Vec<(&str, &str)>> {
    let b = text.as_bytes();
    let mut i = skip_blank(b, 0);
    if b[i..].starts_with(b"Dataset") {
        i = skip_blank(b, i + "Dataset".len());
    }
    if b.get(i) != Some(&b'(') {
        return None;
    }
    let open = i;
    let mut depth = 0usize;
    let mut cuts = vec![open + 1];
    let mut close = None;
    while i < b.len() {
        match b[i] {
            b'"' => i = skip_string(b, i)?,
            b'\'' => i = skip_char(b, i)?,
            b'r' if matches!(b.get(i + 1), Some(b'#' | b'"')) => i = skip_raw_string(b, i)?,
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => i = skip_blank(b, i) - 1,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            b',' if depth == 1 => cuts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    let close = close?;
    if skip_blank(b, close + 1) != b.len() {
        return None;
    }
    cuts.push(close + 1);
    let mut fields = Vec::new();
    for pair in cuts.windows(2) {
        let piece = &text[pair[0]..pair[1] - 1];
        let start = skip_blank(piece.as_bytes(), 0);
        if start == piece.len() {
            continue; // the empty piece after a trailing comma
        }
        let (name, value) = piece[start..].split_once(':')?;
        let name = name.trim_end();
        if !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
            return None;
        }
        fields.push((name, value));
    }
    Some(fields)
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
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
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
    fn top_level_fields_split_at_the_right_commas() {
        let text = "// c\nDataset( norm_sets: [A(x: \"a, ( b\")], /* , */ norms: [], agreements: [r#\"),\"#], incidents: [B(c: ')')], )";
        let fields = top_level_fields(text).unwrap();
        let names: Vec<&str> = fields.iter().map(|f| f.0).collect();
        assert_eq!(names, ["norm_sets", "norms", "agreements", "incidents"]);
        assert_eq!(fields[0].1.trim(), "[A(x: \"a, ( b\")]");
        assert_eq!(fields[3].1.trim(), "[B(c: ')')]");
        assert!(top_level_fields("Dataset(a: [)").is_none());
        assert!(top_level_fields("#![enable(implicit_some)] Dataset()").is_none());
        assert!(top_level_fields("Dataset() trailing").is_none());
    }

    #[test]
    fn a_large_dataset_parses_the_same_on_two_threads() {
        let mini = include_str!("../../tests/fixtures/mini.ron");
        let one: Dataset = ron::from_str(mini).unwrap();
        // Pad past the parallel threshold with a comment.
        let big = format!("{mini}\n//{}\n", "x".repeat(1 << 20));
        assert_eq!(parse_parallel(&big), Some(one));
    }
}
