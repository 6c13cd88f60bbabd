//! The typed commands the canvas calls. Each command is a few lines that hand over to the core.
//! `specta_builder()` lists them (with the events of `events.rs`) for the bindings and the window.

use crate::events::LensView;
use crate::refinement::Refinement;
use crate::session::Session;
use crate::window::retitle;
use crate::worker::off_the_window_thread;
use murmuration_core::analysis::cascade::CascadeTrace;
use murmuration_core::change::MapChange;
use murmuration_core::error::CoreError;
use murmuration_core::jobs::{self, ExportOptions};
use murmuration_core::model::{Date, ElementId};
use murmuration_core::ops::Op;
use murmuration_core::timeline::Timeline;
use murmuration_core::view::{self, ViewAnswer, ViewRequest};
use murmuration_core::{snapshot::MapSnapshot, vocabulary::Vocabulary};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

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

/// Every lens's figures on the scenario on screen as of `moment` (none: whatever the dates; a moment
/// that is not a date is an error), and the paint of `lens` (none: `None`). On a
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
    moment: Option<String>,
) -> Result<LensView, CoreError> {
    let (map, scenario) = session.current()?;
    let (document, generation) = session.version()?;
    let moment = moment.map(Date::from);
    if let Some(moment) = &moment {
        view::check_moment(moment)?;
    }
    let version = (document, generation, scenario, moment);
    Ok(refinement.view(&app, version, map, lens))
}

/// What the window shows for a view (a scene, presentation): the core's one answer
/// ([`murmuration_core::view::answer`]), with the whole scenario when the view puts another
/// scenario on screen. An unknown scenario or lens, or a bad moment, is an error and nothing
/// changes on screen.
#[tauri::command(async)]
#[specta::specta]
pub fn show_view(
    app: AppHandle,
    session: State<'_, Session>,
    refinement: State<'_, Refinement>,
    request: ViewRequest,
) -> Result<ShownView, CoreError> {
    let (map, shown) = session.current()?;
    let answer = view::answer(&map, &request, |scenario, lens| {
        let (document, generation) = session.version().ok()?;
        let version = (
            document,
            generation,
            scenario.clone(),
            request.moment.clone(),
        );
        if scenario == &shown {
            refinement.paint(version, &map, lens)
        } else {
            // Another scenario's figures are not kept: the window is about to show it.
            let analysis =
                murmuration_core::analysis::analyze_at(&map, scenario, request.moment.as_ref());
            murmuration_core::lens_paint::lens_paint(&map, scenario, lens, &analysis)
        }
    })?;
    let snapshot = (answer.scenario != shown)
        .then(|| session.show_scenario(&answer.scenario))
        .transpose()?;
    if snapshot.is_some() {
        retitle(&app);
    }
    Ok(ShownView { snapshot, answer })
}

/// The scenario on screen in time: its extent to today, ticks, events and swim lanes, for the
/// scrubber and the timeline view.
#[tauri::command(async)]
#[specta::specta]
pub fn timeline(session: State<'_, Session>) -> Result<Timeline, CoreError> {
    let (map, scenario) = session.current()?;
    murmuration_core::timeline::timeline(&map, &scenario)
}

/// One rule's cascade in the scenario on screen: up to its board policy, down to practice on the
/// ground — the core's one answer, which the window's cascade view and the paper both draw. An id
/// that is no rule there is an error in plain words.
#[tauri::command(async)]
#[specta::specta]
pub fn cascade_trace(
    session: State<'_, Session>,
    rule: ElementId,
) -> Result<CascadeTrace, CoreError> {
    let (map, scenario) = session.current()?;
    murmuration_core::analysis::cascade::trace(&map, &scenario, &rule)
}

/// A view as the window shows it: the scenario whole when it is not the one on screen already.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ShownView {
    pub snapshot: Option<MapSnapshot>,
    pub answer: ViewAnswer,
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

/// Where the org chart puts each element of the scenario on screen: the core's layout, the one
/// paper draws, so the canvas's org chart and its export agree.
#[tauri::command]
#[specta::specta]
pub async fn org_chart_places(
    session: State<'_, Session>,
) -> Result<murmuration_core::render::ChartPlaces, CoreError> {
    let (map, scenario) = session.current()?;
    off_the_window_thread(move || murmuration_core::render::org_chart_places(&map, &scenario)).await
}

/// Asks where to save, then exports the open map there. `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_map(
    app: AppHandle,
    session: State<'_, Session>,
    options: ExportOptions,
) -> Result<Option<String>, CoreError> {
    let (map, scenario) = session.current()?;
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
        jobs::export_map(&map, Some(&scenario), &options, &path)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// The open map's current scenario, as the canvas draws it; an error when no map could be opened.
/// Off the main thread, like `lens_view`: a big map's snapshot takes a while to serialise.
#[tauri::command(async)]
#[specta::specta]
pub fn map_snapshot(session: State<'_, Session>) -> Result<MapSnapshot, CoreError> {
    session.snapshot()
}

/// Whether `op` would be accepted, changing nothing: the core's own answer, for a form that says a
/// problem (a scenario name already taken) before anything is sent.
#[tauri::command]
#[specta::specta]
pub fn check_edit(session: State<'_, Session>, op: Op) -> Result<(), CoreError> {
    session.check(&op)
}

/// Validates and applies one edit (or a batch, all or nothing), saved before it returns, and
/// answers what changed. On error nothing has changed.
#[tauri::command]
#[specta::specta]
pub fn apply(app: AppHandle, session: State<'_, Session>, op: Op) -> Result<MapChange, CoreError> {
    let change = session.apply(&op)?;
    if change.title.is_some() || change.scenarios.is_some() {
        retitle(&app);
    }
    Ok(change)
}

/// Undoes the last edit, even one made before the app was last closed.
#[tauri::command]
#[specta::specta]
pub fn undo(app: AppHandle, session: State<'_, Session>) -> Result<MapChange, CoreError> {
    let change = session.undo()?;
    if change.title.is_some() || change.scenarios.is_some() {
        retitle(&app);
    }
    Ok(change)
}

/// Redoes the last undone edit.
#[tauri::command]
#[specta::specta]
pub fn redo(app: AppHandle, session: State<'_, Session>) -> Result<MapChange, CoreError> {
    let change = session.redo()?;
    if change.title.is_some() || change.scenarios.is_some() {
        retitle(&app);
    }
    Ok(change)
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
            check_edit,
            undo,
            redo,
            visual_vocabulary,
            lenses,
            lens_view,
            show_view,
            timeline,
            cascade_trace,
            export_preview,
            export_map,
            org_chart_places,
            crate::importing::pick_org_chart,
            crate::importing::import_org_chart,
            crate::importing::import_list,
            crate::comparing::compare_scenarios,
            crate::comparing::adopt_changes
        ])
        .events(crate::events::all())
}

#[cfg(test)]
mod tests {
    /// The bindings the commands make today.
    fn fresh_bindings() -> String {
        // Tests run in parallel: each call writes a file of its own.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let fresh = std::env::temp_dir().join(format!(
            "murmuration-bindings-{}-{call}.ts",
            std::process::id()
        ));
        let typescript = specta_typescript::Typescript::default().header(
            "// Generated from the shell's commands by `UPDATE_BINDINGS=1 cargo test -p murmuration --lib`. Do not edit.",
        );
        super::specta_builder()
            .export(typescript, &fresh)
            .expect("bindings export");
        let text = std::fs::read_to_string(&fresh).expect("read fresh bindings");
        let _ = std::fs::remove_file(&fresh);
        text
    }

    /// `ui/src/bindings.ts` is generated from the commands; this fails when the committed file is stale.
    /// Refresh it with `UPDATE_BINDINGS=1 cargo test -p murmuration --lib`.
    #[test]
    fn bindings_are_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");
        let fresh_text = fresh_bindings();
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

    /// Every command the window has is in the permission manifest's list, and nothing else: a
    /// command missing there could not be granted, a stale name would grant nothing.
    #[test]
    fn the_permitted_commands_are_the_commands() {
        let text = fresh_bindings();
        let mut invoked: Vec<&str> = text
            .split("__TAURI_INVOKE")
            .skip(1)
            // `__TAURI_INVOKE("name"` or, typed, `__TAURI_INVOKE<Type>("name"`.
            .filter_map(|rest| rest.split_once("(\"")?.1.split('"').next())
            .collect();
        let mut permitted = crate::permitted::COMMANDS.to_vec();
        invoked.sort_unstable();
        permitted.sort_unstable();
        assert!(!invoked.is_empty(), "no command found in the bindings");
        assert_eq!(invoked, permitted, "src-tauri/src/permitted.rs");
    }

    /// The window may call exactly the app's commands and listen to events: it cannot emit events
    /// (which would let the page speak for the shell) or reach anything else.
    #[test]
    fn the_window_is_granted_only_its_commands_and_listening() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities/default.json");
        let capability: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read the capability"))
                .expect("the capability is JSON");
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .expect("a list of permissions")
            .iter()
            .map(|p| p.as_str().expect("a permission by name").to_owned())
            .collect();
        let mut wanted: Vec<String> = ["core:event:allow-listen", "core:event:allow-unlisten"]
            .iter()
            .map(|p| (*p).to_owned())
            .chain(
                crate::permitted::COMMANDS
                    .iter()
                    .map(|c| format!("allow-{}", c.replace('_', "-"))),
            )
            .collect();
        granted.sort_unstable();
        wanted.sort_unstable();
        assert_eq!(granted, wanted, "src-tauri/capabilities/default.json");
    }
}
