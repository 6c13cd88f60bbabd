//! The thin desktop shell: Tauri setup, one small adapter per command, and the command line.
//!
//! Every command body is a core function; this crate only moves typed values across the window
//! boundary. `tauri::generate_context!` lives in `main.rs` so the bindings test can build this library
//! without the built UI.

pub mod cli;
mod commands;
mod comparing;
mod events;
mod importing;
/// Read by `build.rs`; the library only tests it.
#[cfg(test)]
mod permitted;
mod refinement;
mod session;
mod shown;
mod window;
mod worker;

pub use commands::specta_builder;
use std::path::PathBuf;
use tauri::Manager;

/// Opens the main window on `file`, or on the last map (the built-in sample the first time).
pub fn run(context: tauri::Context<tauri::Wry>, file: Option<PathBuf>) -> Result<(), tauri::Error> {
    let builder = specta_builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(refinement::Refinement::default())
        .manage(importing::Picks::default())
        .invoke_handler(builder.invoke_handler())
        .on_menu_event(window::on_menu)
        .setup(move |app| {
            builder.mount_events(app);
            let handle = app.handle();
            let places = window::Places::of(handle);
            app.manage(session::Session::closed(
                places.sample_file.clone(),
                shown::ShownScenarios::at(places.shown_file.clone()),
            ));
            app.manage(places);
            app.set_menu(window::menu(handle)?)?;
            window::open_at_start(handle, file);
            Ok(())
        })
        .run(context)
}
