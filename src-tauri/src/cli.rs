//! The command line: `murmuration --help`, `--version`, and the jobs that need no window.
//! With no subcommand it opens the window.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "murmuration",
    version,
    about = "Redraw a school district as it really works: offices, communities of practice, sprint teams and the flows between them.",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {}

/// Parses the command line; opens the window when no subcommand is given.
pub fn main(context: impl FnOnce() -> tauri::Context<tauri::Wry>) -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => match crate::run(context()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("murmuration: could not open the window: {error}");
                ExitCode::FAILURE
            }
        },
    }
}
