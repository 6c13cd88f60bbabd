//! What the shell tells the window without being asked: the events the canvas listens to. They
//! live apart from the commands so that the modules sending them (the File menu, imports, lens
//! refinement) and the commands listing them depend on this module, not on each other.

use murmuration_core::analysis::Analysis;
use murmuration_core::change::MapChange;
use murmuration_core::lens_paint::LensPaint;
use murmuration_core::snapshot::MapSnapshot;
use serde::{Deserialize, Serialize};

/// The open map changed from outside the canvas (the File menu opened, created or copied a map).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct MapChanged {
    pub snapshot: MapSnapshot,
}

/// The open map was edited other than by the window's own command (an import it started): what
/// changed, as `apply` answers it.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct MapEdited {
    pub change: MapChange,
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

/// Every lens's figures, and the paint of the lens switched on: the answer to `lens_view`, and
/// what `LensRefined` carries.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct LensView {
    /// Numbers the requests; a refinement names the request it refines.
    pub generation: u32,
    pub analysis: Analysis,
    /// `None` when no lens is on (or the lens paints nothing, like `moves`).
    pub paint: Option<LensPaint>,
}

/// Every event, for the bindings and for mounting at start.
pub fn all() -> tauri_specta::Events {
    tauri_specta::collect_events![
        MapChanged,
        MapEdited,
        AnalysisProgress,
        LensRefined,
        ImportProgress,
        ImportRequested
    ]
}
