//! Finding a scenario by id or by the name a person types, with an error that lists the map's
//! scenarios — shared by the views, comparisons and the command line.

use super::{Map, Scenario, ScenarioId};
use crate::error::{CoreError, ErrorKind, Result};

/// The scenario `id`, or an error listing the map's scenarios.
pub fn scenario_of<'a>(map: &'a Map, id: &ScenarioId) -> Result<&'a Scenario> {
    map.scenario(id).ok_or_else(|| unknown_scenario(map, &id.0))
}

/// The scenario a person names (on the command line): by id, else by name, else by name ignoring
/// case and surrounding spaces; or an error listing the map's scenarios.
pub fn scenario_named<'a>(map: &'a Map, name: &str) -> Result<&'a Scenario> {
    let loose = |s: &Scenario| s.name.trim().to_lowercase() == name.trim().to_lowercase();
    map.scenario(&ScenarioId(name.to_owned()))
        .or_else(|| map.scenarios.iter().find(|s| s.name == name))
        .or_else(|| map.scenarios.iter().find(|s| loose(s)))
        .ok_or_else(|| unknown_scenario(map, name))
}

/// "This map has no scenario “X”. Its scenarios are: “As is”, “To be”."
fn unknown_scenario(map: &Map, asked: &str) -> CoreError {
    let names: Vec<String> = map
        .scenarios
        .iter()
        .map(|s| format!("\u{201c}{}\u{201d}", s.name))
        .collect();
    CoreError::new(
        ErrorKind::UnknownScenario,
        format!(
            "This map has no scenario \u{201c}{asked}\u{201d}. Its scenarios are: {}.",
            names.join(", ")
        ),
    )
    .about(asked)
}
