//! Importing from the window: pick an org chart and preview it for the mapping dialog, then build
//! a new map from it (saved where the user says, then opened); or add a survey's relationship or
//! member list to the open map as one undoable edit. The reading is the core's; this only asks
//! for files, runs the work off the window's thread and reports progress.
//!
//! Files come only from the native dialogs opened here, never from the page: the org chart picked
//! is kept in `Picks`, and the page names it back by a token.

use crate::events::{ImportProgress, MapEdited};
use crate::session::Session;
use crate::worker::off_the_window_thread;
use murmuration_core::error::{CoreError, ErrorKind};
use murmuration_core::import::{self, ColumnMapping, ImportPreview, ImportWarning};
use murmuration_core::jobs::{self, ListKind};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;

const TABLES: &[&str] = &["csv", "xlsx", "xls", "ods", "txt"];

/// An org chart file the user picked, and what the mapping dialog shows of it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct OrgChartPick {
    /// Names this pick when the page asks to import it.
    pub token: u32,
    /// The file's name (not its folder), to show.
    pub file_name: String,
    pub preview: ImportPreview,
}

/// The org chart the user picked last, with its token. A newer pick replaces it; an import takes it.
#[derive(Default)]
pub struct Picks {
    last: Mutex<(u32, Option<PathBuf>)>,
}

impl Picks {
    fn keep(&self, path: PathBuf) -> u32 {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let token = last.0.wrapping_add(1);
        *last = (token, Some(path));
        token
    }

    fn take(&self, token: u32) -> Result<PathBuf, CoreError> {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *last {
            (kept, path) if *kept == token => path.take(),
            _ => None,
        }
        .ok_or_else(|| {
            CoreError::new(
                ErrorKind::UnreadableFile,
                "Choose the org chart again (File ▸ Import Org Chart): the file chosen earlier is no longer selected.",
            )
        })
    }
}

/// What an import did: a summary line and row-numbered warnings (the change itself reaches the
/// canvas as `MapEdited`, or as `MapChanged` for a new map).
#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportDone {
    pub summary: String,
    pub warnings: Vec<ImportWarning>,
}

fn progress(app: &AppHandle) -> impl FnMut(u32, u32) + '_ {
    move |done, total| {
        let _ = ImportProgress { done, total }.emit(app);
    }
}

/// Asks for an org chart (CSV or spreadsheet) and previews it. `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn pick_org_chart(app: AppHandle) -> Result<Option<OrgChartPick>, CoreError> {
    off_the_window_thread(move || {
        let chosen = app
            .dialog()
            .file()
            .set_title("Import an org chart")
            .add_filter("Org chart", TABLES)
            .blocking_pick_file();
        let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        let preview = import::preview(&path)?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Some(OrgChartPick {
            token: app.state::<Picks>().keep(path),
            file_name,
            preview,
        }))
    })
    .await
}

/// Builds a new map from the org chart picked as `token` with the columns as `mapping` says, asks
/// where to save it, and opens it. `None` when the user cancelled the save dialog.
#[tauri::command]
#[specta::specta]
pub async fn import_org_chart(
    app: AppHandle,
    token: u32,
    mapping: ColumnMapping,
) -> Result<Option<ImportDone>, CoreError> {
    let source = app.state::<Picks>().take(token)?;
    off_the_window_thread(move || {
        let chart = import::import_org_chart(&source, Some(&mapping), progress(&app))?;
        let suggested = format!(
            "{}.murm",
            source
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        let chosen = app
            .dialog()
            .file()
            .set_title("Save the new map")
            .set_file_name(&suggested)
            .add_filter("Murmuration map", &["murm"])
            .blocking_save_file();
        let Some(out) = chosen.and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        let out = crate::window::with_murm_extension(out);
        app.state::<Session>().create_replacing(&out, &chart.map)?;
        crate::window::opened(&app, &out);
        Ok(Some(ImportDone {
            summary: jobs::org_chart_summary(&chart),
            warnings: chart.warnings,
        }))
    })
    .await
}

/// Asks for a relationship list (`source,target,medium,volume,direction`) or a member list
/// (`member,community`) and adds it to the open map as one undoable edit.
#[tauri::command]
#[specta::specta]
pub async fn import_list(
    app: AppHandle,
    session: State<'_, Session>,
    kind: ListKind,
    create_missing: bool,
) -> Result<Option<ImportDone>, CoreError> {
    let (map, scenario) = session.current()?;
    let batch = {
        let app = app.clone();
        off_the_window_thread(move || {
            let title = match kind {
                ListKind::Relations => {
                    "Import relations (source, target, medium, volume, direction)"
                }
                ListKind::Members => "Import members (member, community)",
            };
            let chosen = app
                .dialog()
                .file()
                .set_title(title)
                .add_filter("List", TABLES)
                .blocking_pick_file();
            let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
                return Ok(None);
            };
            jobs::read_list(kind, &map, &scenario, &path, create_missing, progress(&app)).map(Some)
        })
        .await?
    };
    let Some(batch) = batch else { return Ok(None) };
    // The canvas hears of it as of any change, through the one channel.
    let change = session.apply(&batch.op)?;
    let _ = MapEdited { change }.emit(&app);
    let report = jobs::list_report(&batch);
    Ok(Some(ImportDone {
        summary: report.summary,
        warnings: report.warnings,
    }))
}

#[cfg(test)]
mod tests {
    use super::Picks;
    use std::path::PathBuf;

    /// The page can import only the file the user picked last, once, and only by its token.
    #[test]
    fn only_the_last_pick_is_imported_and_only_once() {
        let picks = Picks::default();
        let first = picks.keep(PathBuf::from("/staff/2023.csv"));
        let second = picks.keep(PathBuf::from("/staff/2024.csv"));
        assert!(picks.take(first).is_err(), "an older pick is gone");
        assert!(
            picks.take(second.wrapping_add(7)).is_err(),
            "a made-up token"
        );
        assert_eq!(
            picks.take(second).expect("the last pick"),
            PathBuf::from("/staff/2024.csv")
        );
        let again = picks.take(second).expect_err("a pick is imported once");
        assert!(again.message.contains("Choose the org chart again"));
    }
}
