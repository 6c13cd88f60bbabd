//! The typed commands the canvas calls. Each is a few lines that hand over to the core.

use crate::session::{show_title, Session};
use murmuration_core::error::CoreError;
use murmuration_core::ops::Op;
use murmuration_core::{snapshot::MapSnapshot, vocabulary::Vocabulary};
use tauri::{AppHandle, State};

/// The open map's current scenario, as the canvas draws it.
#[tauri::command]
#[specta::specta]
pub fn map_snapshot(session: State<'_, Session>) -> MapSnapshot {
    session.snapshot()
}

/// Validates and applies one edit (or a batch, all or nothing). On error nothing has changed.
#[tauri::command]
#[specta::specta]
pub fn apply(
    app: AppHandle,
    session: State<'_, Session>,
    op: Op,
) -> Result<MapSnapshot, CoreError> {
    let snapshot = session.apply(&op)?;
    show_title(&app);
    Ok(snapshot)
}

/// Undoes the last edit.
#[tauri::command]
#[specta::specta]
pub fn undo(app: AppHandle, session: State<'_, Session>) -> Result<MapSnapshot, CoreError> {
    let snapshot = session.undo()?;
    show_title(&app);
    Ok(snapshot)
}

/// Redoes the last undone edit.
#[tauri::command]
#[specta::specta]
pub fn redo(app: AppHandle, session: State<'_, Session>) -> Result<MapSnapshot, CoreError> {
    let snapshot = session.redo()?;
    show_title(&app);
    Ok(snapshot)
}

/// Shapes, colours and lines per kind: the one visual vocabulary shared with the exports.
#[tauri::command]
#[specta::specta]
pub fn visual_vocabulary() -> Vocabulary {
    murmuration_core::vocabulary::vocabulary()
}

pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new().commands(tauri_specta::collect_commands![
        map_snapshot,
        apply,
        undo,
        redo,
        visual_vocabulary
    ])
}

#[cfg(test)]
mod tests {
    /// `ui/src/bindings.ts` is generated from the commands; this fails when the committed file is stale.
    /// Refresh it with `UPDATE_BINDINGS=1 cargo test -p murmuration --lib`.
    #[test]
    fn bindings_are_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");
        let fresh =
            std::env::temp_dir().join(format!("murmuration-bindings-{}.ts", std::process::id()));
        let typescript = specta_typescript::Typescript::default().header(
            "// Generated from the shell's commands by `UPDATE_BINDINGS=1 cargo test -p murmuration --lib`. Do not edit.",
        );
        super::specta_builder()
            .export(typescript, &fresh)
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
