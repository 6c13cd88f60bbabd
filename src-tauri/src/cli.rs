//! The command line: `murmuration --help`, `--version`, and the jobs that need no window.
//! With no subcommand it opens the window. Errors print one clear line and exit non-zero; a job
//! that fails leaves no output file behind.

use clap::{Parser, Subcommand, ValueEnum};
use murmuration_core::jobs::{self, ExportFormat};
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

#[derive(Subcommand)]
enum Command {
    /// Write the built-in sample district, Riverside Unified, to a new map file.
    Sample {
        #[arg(long, value_name = "FILE.murm")]
        out: PathBuf,
    },
    /// Write a synthetic district of any size (for trying big maps and for benchmarks).
    Synthetic {
        #[arg(long, default_value_t = 2000)]
        elements: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_name = "FILE.murm")]
        out: PathBuf,
    },
    /// Export a map to another format.
    Export {
        #[arg(value_name = "MAP.murm")]
        map: PathBuf,
        #[arg(long, value_enum)]
        format: Format,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Create a map from another format.
    Import {
        #[command(subcommand)]
        source: Import,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
}

#[derive(Subcommand)]
enum Import {
    /// A map in Murmuration's JSON form (see docs/json-format.md).
    Json {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        #[arg(long, value_name = "NEW.murm")]
        out: PathBuf,
    },
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
        }) => jobs::write_synthetic(&out, elements, seed),
        Some(Command::Export {
            map,
            format: Format::Json,
            out,
        }) => jobs::export(&map, ExportFormat::Json, &out),
        Some(Command::Import {
            source: Import::Json { file, out },
        }) => jobs::import_json(&file, &out),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("murmuration: {error}");
            ExitCode::FAILURE
        }
    }
}
