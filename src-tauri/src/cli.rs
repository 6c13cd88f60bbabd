//! The command line: `murmuration --help`, `--version`, and the jobs that need no window
//! (sample, synthetic, import, analyze, export, diff). With no subcommand it opens the window.
//! Errors print one clear line and exit non-zero; warnings go to stderr with their row numbers;
//! a job that fails leaves no output file behind.

use clap::{Parser, Subcommand};
use murmuration_core::error::CoreError;
use murmuration_core::jobs::{self, ExportOptions, ListKind, Report};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "murmuration",
    version,
    about = "Redraw a school district as it really works: offices, communities of practice, sprint teams and the flows between them.",
    long_about = None
)]
struct Cli {
    /// A map (.murm) to open in the window.
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

// Parsed once per run, so the size of the biggest variant (export's options) costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Write the built-in sample district, Riverside Unified, to a new map file.
    Sample {
        #[arg(long, value_name = "FILE.murm")]
        out: PathBuf,
    },
    /// Write a synthetic district of up to 200,000 elements (for trying big maps and for benchmarks).
    Synthetic {
        /// How many elements: 1 to 200,000.
        #[arg(long, default_value = "2000", allow_hyphen_values = true)]
        elements: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_name = "FILE.murm")]
        out: PathBuf,
    },
    /// Import an org chart, a relationship survey, a member list or a map's JSON.
    Import {
        #[command(subcommand)]
        source: Import,
    },
    /// Run every lens (silos, density, brokers, layers, chart vs. reality, home base, pioneers,
    /// reciprocity) and suggest leader moves.
    Analyze {
        #[arg(value_name = "MAP.murm")]
        map: PathBuf,
        /// Print the whole analysis as JSON (see docs/cli.md) instead of the leader moves in words.
        #[arg(long)]
        json: bool,
        /// The scenario to analyse, by name (default: the first).
        #[arg(long, value_name = "NAME")]
        scenario: Option<String>,
        /// As of a moment: only what existed then (a year 2021, a month 2021-04 or a day 2021-04-15).
        #[arg(long, value_name = "DATE")]
        at: Option<String>,
    },
    /// Compare two scenarios of a map: every change, grouped, and what it does to each lens.
    Diff {
        #[arg(value_name = "MAP.murm")]
        map: PathBuf,
        /// The scenario compared from, by name (e.g. "As is").
        #[arg(long, value_name = "NAME")]
        from: String,
        /// The scenario compared to, by name.
        #[arg(long, value_name = "NAME")]
        to: String,
        /// Print JSON (see docs/cli.md) instead of words.
        #[arg(long)]
        json: bool,
    },
    /// Export a map: a drawing (svg, png, pdf, deck) or data (csv, graphml, gexf, json).
    Export {
        #[arg(value_name = "MAP.murm")]
        map: PathBuf,
        /// json, svg, png, pdf, deck, csv, graphml, gexf, or replay (with --from, --to, --step).
        #[arg(long)]
        format: String,
        /// Draw the map as of a moment: a year 2021, a month 2021-04 or a day 2021-04-15.
        #[arg(long, value_name = "DATE")]
        at: Option<String>,
        /// For a replay: the first moment drawn.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// For a replay: the last moment drawn.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// For a replay: year or month.
        #[arg(long, default_value = "year")]
        step: String,
        /// For drawings: network or org-chart.
        #[arg(long, default_value = "network")]
        view: String,
        /// For drawings: a4, letter or 16:9.
        #[arg(long, default_value = "16:9")]
        page: String,
        /// For drawings: one of the map's scenes, by title.
        #[arg(long, value_name = "TITLE")]
        scene: Option<String>,
        /// The scenario to export, by name (default: the first; JSON is always the whole map).
        #[arg(long, value_name = "NAME")]
        scenario: Option<String>,
        /// For drawings: compare this scenario (by name) with --scenario (default: the next one)
        /// and draw what changes.
        #[arg(long, value_name = "NAME")]
        compare: Option<String>,
        /// For a deck: only the scenes of this story, by name.
        #[arg(long, value_name = "NAME")]
        story: Option<String>,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum Import {
    /// A new map from an org chart (CSV or XLSX): people, one office per department, reporting lines.
    OrgChart {
        #[arg(value_name = "FILE.csv|FILE.xlsx")]
        file: PathBuf,
        #[arg(long, value_name = "NEW.murm")]
        out: PathBuf,
        /// Which header holds what, when the guess is wrong: name=Header,reports_to=Header,title=Header,department=Header
        #[arg(long, value_name = "ROLE=Header,…")]
        map: Option<String>,
    },
    /// Add flows from an edge list (source,target,medium,volume,direction) to a map.
    Relations {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        #[arg(long, value_name = "MAP.murm")]
        into: PathBuf,
        /// Create people and communities that the list names but the map lacks (else: report them).
        #[arg(long)]
        create_missing: bool,
    },
    /// Add memberships from a member list (member,community) to a map.
    Members {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        #[arg(long, value_name = "MAP.murm")]
        into: PathBuf,
        #[arg(long)]
        create_missing: bool,
    },
    /// A new map from Murmuration's JSON form (see docs/json-format.md).
    Json {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        #[arg(long, value_name = "NEW.murm")]
        out: PathBuf,
    },
}

fn report(report: Report) {
    for warning in &report.warnings {
        eprintln!("warning: {}", warning.message);
    }
    println!("{}", report.summary);
}

/// Prints `text`; a closed pipe (`| head`) is not an error worth a panic.
fn print(text: &str) -> Result<(), CoreError> {
    let _ = writeln!(std::io::stdout().lock(), "{}", text.trim_end());
    Ok(())
}

fn analyze(
    map: &std::path::Path,
    json: bool,
    scenario: Option<&str>,
    at: Option<&str>,
) -> Result<(), CoreError> {
    let text = jobs::analyze_as_of(map, scenario, at)?;
    // A closed pipe (`| head`) is not an error worth a panic.
    let mut out = std::io::stdout().lock();
    if json {
        let _ = writeln!(out, "{text}");
        return Ok(());
    }
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    for line in value["moves"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["words"].as_str())
    {
        let _ = writeln!(out, "{line}");
    }
    Ok(())
}

/// `export --format replay`: needs --from and --to.
fn replay(
    map: &std::path::Path,
    (from, to, step): (Option<String>, Option<String>, String),
    (view, page, scenario): (String, String, Option<String>),
    out: &std::path::Path,
) -> Result<(), CoreError> {
    let (Some(from), Some(to)) = (from, to) else {
        return Err(CoreError::new(
            murmuration_core::error::ErrorKind::Io,
            "A replay needs --from and --to, each a year (2021), a month (2021-04) or a day (2021-04-15).",
        ));
    };
    let options = jobs::ReplayOptions {
        view,
        page,
        scenario,
        from,
        to,
        step,
    };
    jobs::export_replay(map, &options, out)
}

/// A quiet progress line on stderr for long imports.
fn progress(done: u32, total: u32) {
    if total >= 5_000 {
        eprint!("\rRead {done} of {total} rows…");
        if done == total {
            eprintln!();
        }
    }
}

/// Parses the command line; opens the window when no subcommand is given.
pub fn main(context: impl FnOnce() -> tauri::Context<tauri::Wry>) -> ExitCode {
    let cli = Cli::parse();
    let done = match cli.command {
        None => {
            return match crate::run(context(), cli.file) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("murmuration: could not open the window: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Sample { out }) => jobs::write_sample(&out),
        Some(Command::Synthetic {
            elements,
            seed,
            out,
        }) => murmuration_core::synthetic::element_count(&elements)
            .and_then(|elements| jobs::write_synthetic(&out, elements, seed)),
        Some(Command::Analyze {
            map,
            json,
            scenario,
            at,
        }) => analyze(&map, json, scenario.as_deref(), at.as_deref()),
        Some(Command::Diff {
            map,
            from,
            to,
            json,
        }) => jobs::diff(&map, &from, &to, json).and_then(|text| print(&text)),
        Some(Command::Export {
            map,
            format,
            at,
            from,
            to,
            step,
            view,
            page,
            scene,
            scenario,
            compare,
            story,
            out,
        }) if format.eq_ignore_ascii_case("replay") => {
            if at.is_some() || scene.is_some() || compare.is_some() || story.is_some() {
                Err(CoreError::new(
                    murmuration_core::error::ErrorKind::Io,
                    "A replay draws every step from --from to --to: leave out --at, --scene, --compare and --story.",
                ))
            } else {
                replay(&map, (from, to, step), (view, page, scenario), &out)
            }
        }
        Some(Command::Export {
            map,
            format,
            at,
            view,
            page,
            scene,
            scenario,
            compare,
            story,
            out,
            ..
        }) => jobs::export(
            &map,
            &ExportOptions {
                format,
                view,
                page,
                scene,
                scenario,
                compare,
                at,
                story,
            },
            &out,
        ),
        Some(Command::Import { source }) => match source {
            Import::Json { file, out } => jobs::import_json(&file, &out),
            Import::OrgChart { file, out, map } => {
                jobs::import_org_chart(&file, &out, map.as_deref(), progress).map(report)
            }
            Import::Relations {
                file,
                into,
                create_missing,
            } => jobs::import_into(ListKind::Relations, &file, &into, create_missing, progress)
                .map(report),
            Import::Members {
                file,
                into,
                create_missing,
            } => jobs::import_into(ListKind::Members, &file, &into, create_missing, progress)
                .map(report),
        },
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("murmuration: {error}");
            ExitCode::FAILURE
        }
    }
}
