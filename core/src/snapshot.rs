//! What the UI receives: one scenario of the open map, flattened into lists, plus what the window
//! needs around it (title, file, undo state, the map's scenes). The UI renders this and never
//! keeps a truth of its own.

use crate::label::NodeLabel;
use crate::model::{Element, Map, Point, Relation, Scenario, ScenarioId, Scene, View};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ScenarioSummary {
    pub id: ScenarioId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Position {
    pub view: View,
    pub id: crate::model::ElementId,
    pub at: Point,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct MapSnapshot {
    pub title: String,
    /// The file's name without its folder, when the map lives in a file the user chose.
    pub file_name: Option<String>,
    /// Whether the open file is the built-in sample the app wrote to its data folder (only the
    /// shell knows where that is; [`MapSnapshot::of`] says `false`).
    #[serde(default)]
    pub is_sample: bool,
    /// Which map this is, as numbered by the shell: every change the window is sent names it.
    #[serde(default)]
    pub document: u32,
    /// How many changes to this map the window had been sent when this snapshot was taken.
    #[serde(default)]
    pub generation: u32,
    pub scenario: ScenarioId,
    pub scenarios: Vec<ScenarioSummary>,
    pub elements: Vec<Element>,
    /// What the canvas writes on each element and how big its box is, by element id: the core's
    /// own wrapping, initials and sizes, so screen and paper agree.
    pub labels: Vec<NodeLabel>,
    pub relations: Vec<Relation>,
    pub positions: Vec<Position>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The map's story, in order: every scene, whichever scenario it shows.
    #[serde(default)]
    pub scenes: Vec<Scene>,
}

impl MapSnapshot {
    /// The snapshot of `scenario` (the first one when it is not in the map).
    pub fn of(
        map: &Map,
        scenario: &ScenarioId,
        file_name: Option<String>,
        can_undo: bool,
        can_redo: bool,
    ) -> Self {
        let shown = map.scenario(scenario).or(map.scenarios.first());
        let mut snapshot = match shown {
            Some(s) => Self::of_scenario(map, s, file_name),
            None => Self::of_scenario(map, &Scenario::empty(""), file_name),
        };
        if shown.is_none() {
            snapshot.scenario = scenario.clone();
        }
        snapshot.can_undo = can_undo;
        snapshot.can_redo = can_redo;
        snapshot
    }

    /// The snapshot of a scenario that need not be one of `map`'s (a comparison's union, a panel
    /// laid out like another), with `map`'s title, scenarios and scenes.
    pub fn of_scenario(map: &Map, shown: &Scenario, file_name: Option<String>) -> Self {
        MapSnapshot {
            title: map.title.clone(),
            file_name,
            is_sample: false,
            document: 0,
            generation: 0,
            scenario: shown.id.clone(),
            scenarios: Self::summaries(map),
            elements: shown.elements.values().cloned().collect(),
            labels: shown
                .elements
                .values()
                .map(|e| NodeLabel::in_scenario(shown, e))
                .collect(),
            relations: shown.relations.values().cloned().collect(),
            positions: shown
                .positions
                .iter()
                .flat_map(|(view, at)| {
                    at.iter().map(|(id, p)| Position {
                        view: *view,
                        id: id.clone(),
                        at: *p,
                    })
                })
                .collect(),
            can_undo: false,
            can_redo: false,
            scenes: map.scenes.clone(),
        }
    }

    /// Every scenario of `map`, in order: its id and name.
    pub fn summaries(map: &Map) -> Vec<ScenarioSummary> {
        map.scenarios
            .iter()
            .map(|s| ScenarioSummary {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 20,000-element map's snapshot must stay quick to send: the labels are a small part of it.
    #[test]
    fn labels_add_little_to_a_big_maps_snapshot() {
        let map = crate::synthetic::synthetic_map(20_000, 1.5, 7);
        let shown = map.scenarios[0].id.clone();
        let snapshot = MapSnapshot::of(&map, &shown, None, false, false);
        let labels = serde_json::to_string(&snapshot.labels).expect("json").len();
        let whole = serde_json::to_string(&snapshot).expect("json").len();
        eprintln!("labels {labels} bytes of {whole}");
        assert!(
            labels * 2 < whole - labels,
            "labels take {labels} of {whole} bytes"
        );
    }
}
