//! The typed commands the canvas calls, and the event it listens to. Each command is a few lines
//! that hand over to the core.

use crate::refinement::{LensView, Refinement};
use crate::session::Session;
use crate::window::refresh;
use murmuration_core::error::{CoreError, ErrorKind};
use murmuration_core::jobs::{self, ExportOptions};
use murmuration_core::ops::Op;
use murmuration_core::{snapshot::MapSnapshot, vocabulary::Vocabulary};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

/// The open map changed from outside the canvas (the File menu opened, created or copied a map).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct MapChanged {
    pub snapshot: MapSnapshot,
}

/// Estimated betweenness is being refined to exact: `done` of `total` sources.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct AnalysisProgress {
    /// The `generation` of the analysis being refined; older ones are cancelled.
    pub generation: u32,
    pub done: u32,
    pub total: u32,
}

/// The File menu asks the window to import: `org_chart`, `relations` or `members`.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ImportRequested {
    pub what: String,
}

/// An import is reading its file: `done` of `total` rows.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// The exact figures replacing an estimate sent earlier.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
pub struct LensRefined {
    pub view: LensView,
}

/// A lens the canvas can switch on: its id and its name.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct LensChoice {
    pub id: String,
    pub name: String,
}

/// The lenses, in the order the picker lists them.
#[tauri::command]
#[specta::specta]
pub fn lenses() -> Vec<LensChoice> {
    murmuration_core::lens_paint::LENSES
        .iter()
        .map(|(id, name)| LensChoice {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
        })
        .collect()
}

/// Every lens's figures on the scenario on screen, and the paint of `lens` (none: `None`). On a
/// big map betweenness is first estimated, then refined in the background (`AnalysisProgress`,
/// then `LensRefined`). Off the main thread (`async`): analysing a big map takes a few hundred
/// milliseconds, and the window's own events wait for the main thread.
#[tauri::command(async)]
#[specta::specta]
pub fn lens_view(
    app: AppHandle,
    session: State<'_, Session>,
    refinement: State<'_, Refinement>,
    lens: Option<String>,
) -> Result<LensView, CoreError> {
    let (map, scenario) = session.current()?;
    Ok(refinement.view(&app, map, scenario, lens))
}

/// The drawing an export would make, as SVG, for the Export dialog's preview.
#[tauri::command]
#[specta::specta]
pub async fn export_preview(
    session: State<'_, Session>,
    options: ExportOptions,
) -> Result<String, CoreError> {
    let (map, scenario) = session.current()?;
    off_the_window_thread(move || jobs::preview_svg(&map, &scenario, &options)).await
}

/// Asks where to save, then exports the open map there. `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_map(
    app: AppHandle,
    session: State<'_, Session>,
    options: ExportOptions,
) -> Result<Option<String>, CoreError> {
    let (map, _) = session.current()?;
    let extension = match options.format.as_str() {
        "deck" => "pdf",
        other => other,
    }
    .to_owned();
    let suggested = format!("{}.{extension}", map.title);
    off_the_window_thread(move || {
        let chosen = app
            .dialog()
            .file()
            .set_title("Export")
            .set_file_name(&suggested)
            .add_filter(extension.to_uppercase(), &[extension.as_str()])
            .blocking_save_file();
        let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        jobs::export_map(&map, &options, &path)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Runs long work on a worker thread so the window stays responsive.
pub async fn off_the_window_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| {
            Err(CoreError::new(
                ErrorKind::Io,
                format!("The export stopped unexpectedly ({e})."),
            ))
        })
}

/// The open map's current scenario, as the canvas draws it; an error when no map could be opened.
/// Off the main thread, like `lens_view`: a big map's snapshot takes a while to serialise.
#[tauri::command(async)]
#[specta::specta]
pub fn map_snapshot(session: State<'_, Session>) -> Result<MapSnapshot, CoreError> {
    session.snapshot()
}

/// Validates and applies one edit (or a batch, all or nothing), saved before it returns. On error
/// nothing has changed.
#[tauri::command]
#[specta::specta]
pub fn apply(
    app: AppHandle,
    session: State<'_, Session>,
    op: Op,
) -> Result<MapSnapshot, CoreError> {
    let snapshot = session.apply(&op)?;
    if matches!(op, Op::SetTitle { .. }) {
        refresh(&app);
    }
    Ok(snapshot)
}

/// Undoes the last edit, even one made before the app was last closed.
#[tauri::command]
#[specta::specta]
pub fn undo(session: State<'_, Session>) -> Result<MapSnapshot, CoreError> {
    session.undo()
}

/// Redoes the last undone edit.
#[tauri::command]
#[specta::specta]
pub fn redo(session: State<'_, Session>) -> Result<MapSnapshot, CoreError> {
    session.redo()
}

/// Shapes, colours and lines per kind: the one visual vocabulary shared with the exports.
#[tauri::command]
#[specta::specta]
pub fn visual_vocabulary() -> Vocabulary {
    murmuration_core::vocabulary::vocabulary()
}

pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            map_snapshot,
            apply,
            undo,
            redo,
            visual_vocabulary,
            lenses,
            lens_view,
            export_preview,
            export_map,
            crate::importing::pick_org_chart,
            crate::importing::import_org_chart,
            crate::importing::import_list
        ])
        .events(tauri_specta::collect_events![
            MapChanged,
            AnalysisProgress,
            LensRefined,
            ImportProgress,
            ImportRequested
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
