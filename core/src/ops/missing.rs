//! The errors for an id the map does not hold, and the name a message gives an element.

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{ElementId, Map, RelationId, Scenario, ScenarioId, SceneId};

pub(super) fn unknown_scenario(id: &ScenarioId) -> CoreError {
    CoreError::new(
        ErrorKind::UnknownScenario,
        format!("There is no scenario {} in this map.", id.0),
    )
    .about(&id.0)
}

pub(super) fn unknown_scene(id: &SceneId) -> CoreError {
    CoreError::new(
        ErrorKind::UnknownScene,
        format!("There is no scene {} in this map.", id.0),
    )
    .about(&id.0)
}

pub(super) fn scene_index(map: &Map, id: &SceneId) -> Result<usize> {
    map.scenes
        .iter()
        .position(|s| &s.id == id)
        .ok_or_else(|| unknown_scene(id))
}

pub(super) fn unknown_element(id: &ElementId) -> CoreError {
    CoreError::new(
        ErrorKind::UnknownElement,
        format!("There is no element {} in this scenario.", id.0),
    )
    .about(&id.0)
}

pub(super) fn unknown_relation(id: &RelationId) -> CoreError {
    CoreError::new(
        ErrorKind::UnknownRelation,
        format!("There is no relation {} in this scenario.", id.0),
    )
    .about(&id.0)
}

pub(super) fn name_of<'a>(sc: &'a Scenario, id: &'a ElementId) -> &'a str {
    sc.elements.get(id).map_or(&id.0, |e| &e.name)
}
