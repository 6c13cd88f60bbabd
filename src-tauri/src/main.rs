//! The `murmuration` binary: the command line first, then (with no subcommand) the window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    murmuration_shell::cli::main(|| tauri::generate_context!())
}
