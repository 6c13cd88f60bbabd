//! Comparing scenarios from the window: the compare view's whole answer, and adopting chosen
//! changes into a scenario as one undoable edit. The core decides both (`murmuration_core::compare`).

use crate::session::Session;
use murmuration_core::change::MapChange;
use murmuration_core::compare::{self, Comparison};
use murmuration_core::error::CoreError;
use murmuration_core::model::ScenarioId;
use tauri::State;

/// The change list, lens deltas, overlay and side-by-side panels from `from` to `to`. Off the
/// window's thread: it analyses both scenarios.
#[tauri::command(async)]
#[specta::specta]
pub fn compare_scenarios(
    session: State<'_, Session>,
    from: ScenarioId,
    to: ScenarioId,
) -> Result<Comparison, CoreError> {
    let (map, _) = session.current()?;
    let (document, generation) = session.version()?;
    let mut comparison = compare::comparison(&map, &from, &to)?;
    for snapshot in [
        &mut comparison.overlay.snapshot,
        &mut comparison.from,
        &mut comparison.to,
    ] {
        snapshot.document = document;
        snapshot.generation = generation;
    }
    Ok(comparison)
}

/// Applies the changes `changes` (ids from the change list of `from` → `to`) to scenario `into`
/// as one undoable edit. If any no longer applies, nothing changes and the error lists them.
#[tauri::command]
#[specta::specta]
pub fn adopt_changes(
    session: State<'_, Session>,
    from: ScenarioId,
    to: ScenarioId,
    changes: Vec<String>,
    into: ScenarioId,
) -> Result<MapChange, CoreError> {
    session.adopt(&from, &to, &changes, &into)
}
