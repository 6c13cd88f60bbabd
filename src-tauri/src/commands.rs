//! The typed commands the canvas calls. Each is a few lines that hand over to the core.

use crate::session::Session;
use murmuration_core::{snapshot::MapSnapshot, vocabulary::Vocabulary};
use tauri::State;

/// The open map's current scenario, as the canvas draws it.
#[tauri::command]
#[specta::specta]
pub fn map_snapshot(session: State<'_, Session>) -> MapSnapshot {
    let map = session.map.lock().expect("map lock");
    let scenario = session.scenario.lock().expect("scenario lock");
    MapSnapshot::of(&map, &scenario, None, false, false)
}

/// Shapes, colours and lines per kind: the one visual vocabulary shared with the exports.
#[tauri::command]
#[specta::specta]
pub fn visual_vocabulary() -> Vocabulary {
    murmuration_core::vocabulary::vocabulary()
}

pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![map_snapshot, visual_vocabulary])
}

pub fn typescript() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default()
        .header("// Generated from the shell's commands by `UPDATE_BINDINGS=1 cargo test -p murmuration --lib`. Do not edit.")
}
