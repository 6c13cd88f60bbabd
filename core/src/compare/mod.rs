//! Comparing two scenarios of one map: what a redesign changes, element by element and in the
//! network the lenses see.
//!
//! A scenario started as a copy of another keeps its elements' and relations' ids (`Op::AddScenario`
//! with `copy_from`), so two scenarios are compared by id. Everything that shows a comparison — the
//! window's compare view, the command line's `diff`, paper — reads these answers, decided once:
//! - [`diff`] (`diff.rs`): every change, grouped and worded, in a stable order;
//! - [`overlay`] (`overlay.rs`): the union of both scenarios with each element and relation marked,
//!   and the side-by-side pair laid out alike ([`side_by_side`]);
//! - [`overlay_paint`] (`paint.rs`): the overlay as a paint (fills, badges, legend, caption, what
//!   is brought forward), which a comparison's page and a comparison scene's view answer draw;
//! - [`adopt`] (`adopt.rs`): chosen changes as the one batch that applies them to a scenario, or the
//!   reasons they no longer apply;
//! - [`lens_deltas`] (`deltas.rs`): every lens's figures before and after, from `analysis::analyze`;
//! - [`DiffReport`], [`diff_words`] (`report.rs`): the command line's `diff`, as JSON or words.

mod adopt;
mod deltas;
mod diff;
mod overlay;
mod paint;
mod report;

pub use adopt::adopt;
pub use deltas::{deltas_between, lens_deltas, DeltaRow, LensDelta, LensDeltas};
pub use diff::{diff, Change, ChangeGroup, ChangeKind, ChangeSubject, ScenarioDiff};
pub use overlay::{overlay, side_by_side, Mark, Marked, MovedArrow, Overlay};
pub use paint::{overlay_paint, OverlayPaint};
pub use report::{diff_words, DiffReport, IdLists};

use crate::error::Result;
use crate::model::{Map, ScenarioId};
use crate::snapshot::MapSnapshot;
use serde::Serialize;
use specta::Type;

/// The names of `from` and `to` (their ids when not in the map), for words about both.
pub fn scenario_names(map: &Map, from: &ScenarioId, to: &ScenarioId) -> (String, String) {
    (paint::name_of(map, from), paint::name_of(map, to))
}

/// A comparison as the window shows it: the change list, the lens deltas, the overlay (its union
/// as a snapshot the canvas draws with its usual code) and the two side-by-side panels, both laid
/// out with `to`'s positions for the elements they share.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Comparison {
    pub diff: ScenarioDiff,
    pub deltas: LensDeltas,
    pub overlay: OverlayShown,
    pub from: MapSnapshot,
    pub to: MapSnapshot,
}

/// The overlay with its union scenario as a snapshot.
#[derive(Debug, Clone, Serialize, Type)]
pub struct OverlayShown {
    pub snapshot: MapSnapshot,
    pub marks: Vec<Marked>,
    pub moved: Vec<MovedArrow>,
}

/// Everything the compare view shows for `from` and `to`. An unknown scenario is an error listing
/// the map's scenarios.
pub fn comparison(map: &Map, from: &ScenarioId, to: &ScenarioId) -> Result<Comparison> {
    let a = crate::model::scenario_of(map, from)?;
    let b = crate::model::scenario_of(map, to)?;
    let diff = diff::between(a, b);
    let Overlay {
        scenario,
        marks,
        moved,
    } = overlay::overlay_of(a, b, &diff);
    let (left, right) = side_by_side(map, from, to)?;
    Ok(Comparison {
        deltas: lens_deltas(map, from, to),
        overlay: OverlayShown {
            snapshot: MapSnapshot::of_scenario(map, &scenario, None),
            marks,
            moved,
        },
        from: MapSnapshot::of_scenario(map, &left, None),
        to: MapSnapshot::of_scenario(map, &right, None),
        diff,
    })
}
