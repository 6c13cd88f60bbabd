//! The thin desktop shell: Tauri setup, one small adapter per command, and the command line.
//!
//! Every command body is a core function; this crate only moves typed values across the window
//! boundary. `tauri::generate_context!` lives in `main.rs` so the bindings test can build this library
//! without the built UI.

pub mod cli;
mod commands;
mod session;

pub use commands::specta_builder;

/// Opens the main window on the built-in sample map.
pub fn run(context: tauri::Context<tauri::Wry>) -> Result<(), tauri::Error> {
    let builder = specta_builder();
    tauri::Builder::default()
        .manage(session::Session::sample())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            session::show_title(app.handle());
            Ok(())
        })
        .run(context)
}
