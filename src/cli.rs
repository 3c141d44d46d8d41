//! The command line: argument parsing and the commands that print and exit.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::Context;
use crate::data::{self, Catalog, Kind, LoadError};
use crate::tui;
use crate::ui::Theme;

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
        /// As JSON: {"norm_sets":[..],"norms":[..],"agreements":[..],"incidents":[..]}.
        #[arg(long, required = true)]
        json: bool,
    },
}

/// Parses the arguments and runs what they ask for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("cybernorms: {e:#}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn load(path: Option<&PathBuf>) -> Result<(String, Catalog), LoadError> {
    match path {
        Some(p) => data::load_path(p).map(|c| (p.display().to_string(), c)),
        None => data::load_bundled().map(|c| (data::load::BUNDLED_NAME.to_owned(), c)),
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let path = match &cli.command {
        Some(Command::Check { path: Some(p) }) => Some(p),
        _ => cli.data.as_ref(),
    };
    let (name, catalog) = match load(path) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{e}");
            if let LoadError::Invalid { problems, .. } = &e {
                eprintln!("{} problem(s) found", problems.len());
            }
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    let mut out = std::io::stdout().lock();
    match cli.command {
        Some(Command::Check { .. }) => {
            writeln!(out, "{name}: ok")?;
            for (kind, plural) in [
                (Kind::NormSet, "norm sets"),
                (Kind::Norm, "norms"),
                (Kind::Agreement, "agreements"),
                (Kind::Incident, "incidents"),
            ] {
                writeln!(out, "{:>6} {plural}", catalog.count(kind))?;
            }
        }
        Some(Command::Dump { .. }) => {
            serde_json::to_writer_pretty(&mut out, catalog.dataset())?;
            writeln!(out)?;
        }
        None => {
            if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
                eprintln!(
                    "cybernorms: the explorer needs a terminal. Over SSH, ask for one: \
                     ssh -t HOST cybernorms. Without one, try: cybernorms check, cybernorms dump --json."
                );
                return Ok(ExitCode::from(BAD_INPUT));
            }
            drop(out);
            let theme = Theme::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()));
            tui::run(&Context::new(catalog), &theme)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
