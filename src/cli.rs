//! The command line: argument parsing and the commands that print and exit.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::app::Context;
use crate::card::{self, Style};
use crate::data::catalog::Relation;
use crate::data::{self, Catalog, EntityRef, Kind, LoadError};
use crate::search::Index;
use crate::tui;
use crate::ui::{Contrast, Theme};

/// Exit code when a lookup finds nothing.
const NOT_FOUND: u8 = 1;
/// Exit code for bad input or a bad dataset (clap uses it for usage errors too).
const BAD_INPUT: u8 = 2;

/// A terminal explorer of international cyber norms, the agreements that carry them,
/// and the incidents they would have mitigated. Without a command, opens the explorer.
#[derive(Debug, Parser)]
#[command(name = "cybernorms", version, about)]
pub struct Cli {
    /// Load this RON dataset instead of the bundled one.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,
    /// Do not read or write the cache of a large --data file (see the README).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Draw with plain ASCII (automatic when TERM is linux or dumb).
    #[arg(long)]
    pub ascii: bool,
    /// Colour theme; colours are off whenever NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ThemeArg::Default)]
    pub theme: ThemeArg,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset (PATH, else --data, else the bundled one) and print counts per kind.
    Check {
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// Print the whole loaded dataset.
    Dump {
        /// As JSON: {"version":"..","date":"..","norm_sets":[..],"norms":[..],"agreements":[..],"incidents":[..]}.
        #[arg(long, required = true)]
        json: bool,
    },
    /// Print the best match for QUERY as a citation card (`show 13f`, `show "Fancy Bear"`).
    Show {
        query: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the matches for QUERY, best first.
    Search {
        query: String,
        /// Only this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// At most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List every entity of a kind, in dataset order.
    List {
        #[arg(value_enum)]
        kind: KindArg,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// What links to ID and what it links to (norms, agreements, incidents, sets).
    Links {
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Default,
    HighContrast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    #[value(alias = "norm-sets", alias = "sets")]
    NormSet,
    #[value(alias = "norms")]
    Norm,
    #[value(alias = "agreements")]
    Agreement,
    #[value(alias = "incidents")]
    Incident,
}

impl KindArg {
    fn kind(self) -> Kind {
        match self {
            KindArg::NormSet => Kind::NormSet,
            KindArg::Norm => Kind::Norm,
            KindArg::Agreement => Kind::Agreement,
            KindArg::Incident => Kind::Incident,
        }
    }
}

/// Parses the arguments and runs what they ask for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cybernorms: {e:#}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn load(path: Option<&PathBuf>, cache: Option<&Path>) -> Result<(String, Catalog), LoadError> {
    match path {
        Some(p) => data::load_path(p, cache).map(|c| (p.display().to_string(), c)),
        None => data::load_bundled().map(|c| (data::load::BUNDLED_NAME.to_owned(), c)),
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match &cli.command {
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "cybernorms", &mut out);
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let path = match &cli.command {
        Some(Command::Check { path: Some(p) }) => Some(p),
        _ => cli.data.as_ref(),
    };
    // `check` always parses and validates; other commands may use the cache.
    let cache = (!cli.no_cache && !matches!(cli.command, Some(Command::Check { .. })))
        .then(data::cache::default_dir)
        .flatten();
    let (name, catalog) = match load(path, cache.as_deref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            for line in e.to_string().lines() {
                eprintln!("{}", data::text::clean(line));
            }
            if let LoadError::Invalid { problems, .. } = &e {
                eprintln!("{} problem(s) found", problems.len());
            }
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    // The process ends after this command: freeing a large dataset string by string would
    // take longer than a search in it, so it is left to the operating system.
    let catalog = std::mem::ManuallyDrop::new(catalog);
    let width = terminal_width();
    let found = match cli.command {
        Some(Command::Check { .. }) => {
            writeln!(out, "{name}: ok")?;
            if let Some(edition) = catalog.edition() {
                writeln!(out, "  dataset {edition}")?;
            }
            for (kind, plural) in [
                (Kind::NormSet, "norm sets"),
                (Kind::Norm, "norms"),
                (Kind::Agreement, "agreements"),
                (Kind::Incident, "incidents"),
            ] {
                writeln!(out, "{:>6} {plural}", catalog.count(kind))?;
            }
            true
        }
        Some(Command::Dump { .. }) => {
            serde_json::to_writer_pretty(&mut out, catalog.dataset())?;
            writeln!(out)?;
            true
        }
        Some(Command::Show { query, format }) => {
            let best = (Index::new(&catalog).filter(&query, None).first()).map(|m| m.entity);
            if let Some(e) = best {
                let text = match format {
                    Format::Json => pretty(&entity_json(&catalog, e))?,
                    Format::Markdown => card::card(&catalog, e, Style::Markdown),
                    Format::Text => wrap(&card::card(&catalog, e, Style::Text), width),
                };
                write!(out, "{text}")?;
            } else {
                eprintln!("cybernorms: nothing matches '{query}'");
            }
            best.is_some()
        }
        Some(Command::Search {
            query,
            kind,
            limit,
            format,
        }) => {
            let matches = Index::new(&catalog).filter(&query, kind.map(KindArg::kind));
            let found: Vec<EntityRef> = (matches.iter()).take(limit).map(|m| m.entity).collect();
            write!(out, "{}", rows(&catalog, &found, format, width)?)?;
            if found.is_empty() {
                eprintln!("cybernorms: nothing matches '{query}'");
            }
            !found.is_empty()
        }
        Some(Command::List { kind, format }) => {
            let kind = kind.kind();
            let all: Vec<EntityRef> = (0..catalog.count(kind))
                .map(|i| EntityRef::new(kind, i))
                .collect();
            write!(out, "{}", rows(&catalog, &all, format, width)?)?;
            !all.is_empty()
        }
        Some(Command::Links { id, format }) => match catalog.get(&id) {
            Some(e) => {
                write!(out, "{}", links(&catalog, e, format, width)?)?;
                true
            }
            None => {
                eprintln!("cybernorms: no entity with id '{id}' (try: cybernorms search {id})");
                false
            }
        },
        Some(Command::Completions { .. } | Command::Man) => unreachable!("handled above"),
        None => {
            if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
                eprintln!(
                    "cybernorms: the explorer needs a terminal. Over SSH, ask for one: \
                     ssh -t HOST cybernorms. Without one, try: cybernorms show QUERY, \
                     cybernorms search QUERY, cybernorms check, cybernorms dump --json."
                );
                return Ok(ExitCode::from(BAD_INPUT));
            }
            drop(out);
            let env = |name: &str| std::env::var(name).unwrap_or_default();
            let no_color = !env("NO_COLOR").is_empty();
            let ascii = cli.ascii || matches!(env("TERM").as_str(), "linux" | "dumb");
            let contrast = match cli.theme {
                ThemeArg::Default => Contrast::Normal,
                ThemeArg::HighContrast => Contrast::High,
            };
            let theme = Theme::new(no_color, ascii, contrast);
            tui::run(
                &Context::new(std::mem::ManuallyDrop::into_inner(catalog)),
                &theme,
            )?;
            true
        }
    };
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(NOT_FOUND)
    })
}

/// The terminal's width when stdout is one; none (no wrapping) when piped.
fn terminal_width() -> Option<usize> {
    std::io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(w, _)| usize::from(w.max(20)))
}

/// Wraps every line to `width`, when there is one.
fn wrap(text: &str, width: Option<usize>) -> String {
    let options = textwrap::Options::new(width.unwrap_or(usize::MAX)).subsequent_indent("  ");
    text.lines()
        .flat_map(|l| textwrap::wrap(l, &options))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn pretty(value: &Value) -> serde_json::Result<String> {
    serde_json::to_string_pretty(value).map(|s| s + "\n")
}

/// The entity as in `dump --json`, with its kind added.
fn entity_json(c: &Catalog, e: EntityRef) -> Value {
    let mut v = match e.kind {
        Kind::NormSet => serde_json::to_value(c.norm_set(e.index)),
        Kind::Norm => serde_json::to_value(c.norm(e.index)),
        Kind::Agreement => serde_json::to_value(c.agreement(e.index)),
        Kind::Incident => serde_json::to_value(c.incident(e.index)),
    }
    .unwrap_or(Value::Null);
    v["kind"] = json!(e.kind.label());
    v
}

/// One line per entity: kind, id, label.
fn rows(
    c: &Catalog,
    entities: &[EntityRef],
    format: Format,
    width: Option<usize>,
) -> serde_json::Result<String> {
    Ok(match format {
        Format::Json => pretty(&Value::Array(
            (entities.iter())
                .map(|&e| json!({"kind": e.kind.label(), "id": c.id(e), "label": c.row_label(e)}))
                .collect(),
        ))?,
        Format::Markdown => (entities.iter())
            .map(|&e| {
                format!(
                    "- **{}** ({}, `{}`)\n",
                    c.row_label(e),
                    e.kind.label(),
                    c.id(e)
                )
            })
            .collect(),
        Format::Text => (entities.iter())
            .map(|&e| {
                fit(
                    &format!("{:<10} {:<28} {}", e.kind.label(), c.id(e), c.row_label(e)),
                    width,
                )
            })
            .collect(),
    })
}

/// Cuts a line to `width` columns, when there is one, never inside a character.
fn fit(line: &str, width: Option<usize>) -> String {
    let cut = match width {
        Some(w) if unicode_width::UnicodeWidthStr::width(line) > w => {
            let mut used = 0;
            let end = (line.char_indices())
                .find(|&(_, ch)| {
                    used += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                    used > w.saturating_sub(1)
                })
                .map_or(line.len(), |(i, _)| i);
            format!("{}…", &line[..end])
        }
        _ => line.to_owned(),
    };
    cut + "\n"
}

/// An entity's links, both ways, with relation, basis and rationale.
fn links(
    c: &Catalog,
    e: EntityRef,
    format: Format,
    width: Option<usize>,
) -> serde_json::Result<String> {
    let described: Vec<(EntityRef, &str, Option<&crate::data::model::NormLink>)> =
        (c.links(e).iter())
            .map(|l| {
                let relation = match l.relation {
                    Relation::Set => "set",
                    Relation::Equivalent => "equivalent",
                    Relation::Contains => "contains",
                    Relation::Echoes { .. } => "echoes",
                    Relation::Mitigates { .. } => "mitigates",
                    Relation::Via(_) => "via norms",
                };
                (l.target, relation, c.norm_link(&l.relation))
            })
            .collect();
    Ok(match format {
        Format::Json => pretty(&Value::Array(
            (described.iter())
                .map(|&(t, relation, link)| {
                    json!({
                        "kind": t.kind.label(),
                        "id": c.id(t),
                        "label": c.row_label(t),
                        "relation": relation,
                        "basis": link.map(|l| l.basis.label()),
                        "rationale": link.map(|l| l.rationale.as_str()),
                    })
                })
                .collect(),
        ))?,
        Format::Markdown | Format::Text => {
            let md = format == Format::Markdown;
            let mut out = String::new();
            for (t, relation, link) in described {
                let basis = link
                    .map(|l| format!(" [{}]", l.basis.label()))
                    .unwrap_or_default();
                let line = if md {
                    format!(
                        "- {relation}: **{}** ({}, `{}`){basis}",
                        c.row_label(t),
                        t.kind.label(),
                        c.id(t)
                    )
                } else {
                    format!(
                        "{relation:<10} {:<10} {:<28} {}{basis}",
                        t.kind.label(),
                        c.id(t),
                        c.row_label(t)
                    )
                };
                out.push_str(&if md { line + "\n" } else { fit(&line, width) });
                if let Some(l) = link {
                    let rationale = format!("    {}", l.rationale);
                    out.push_str(&if md {
                        format!("  {}\n", l.rationale)
                    } else {
                        wrap(&rationale, width)
                    });
                }
            }
            out
        }
    })
}
