//! placeholder
use crate::analysis::Named;
use crate::model::{Map, ScenarioId};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LensDeltas {
    pub lenses: Vec<LensDelta>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LensDelta {
    pub lens: String,
    pub label: String,
    pub rows: Vec<DeltaRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DeltaRow {
    pub subject: Option<Named>,
    pub figure: String,
    pub before: String,
    pub after: String,
    pub words: String,
}

pub fn lens_deltas(_map: &Map, _from: &ScenarioId, _to: &ScenarioId) -> LensDeltas {
    LensDeltas { lenses: vec![] }
}
