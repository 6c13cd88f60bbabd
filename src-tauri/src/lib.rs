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

#[cfg(test)]
mod tests {
    /// `ui/src/bindings.ts` is generated from the commands; this fails when the committed file is stale.
    /// Refresh it with `UPDATE_BINDINGS=1 cargo test -p murmuration --lib`.
    #[test]
    fn bindings_are_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");
        let fresh = std::env::temp_dir().join(format!("murmuration-bindings-{}.ts", std::process::id()));
        crate::specta_builder()
            .export(crate::commands::typescript(), &fresh)
            .expect("bindings export");
        let fresh_text = std::fs::read_to_string(&fresh).expect("read fresh bindings");
        let _ = std::fs::remove_file(&fresh);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &fresh_text).expect("write bindings");
            return;
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == fresh_text,
            "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p murmuration --lib` and commit it"
        );
    }
}
