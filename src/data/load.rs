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
    let mut dataset: Dataset = ron::from_str(text).map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })?;
    dataset.sanitize();
    let problems = validate::validate(&dataset);
    if problems.is_empty() {
        Ok(Catalog::new(dataset))
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
