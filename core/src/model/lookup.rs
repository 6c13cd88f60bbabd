//! Finding a scenario by id or by the name a person types, and a story by its name, with an error
//! that lists what the map has — shared by the views, comparisons, decks and the command line; and
//! the office whose box holds a person on the org chart, which labels, views and paper all read.

use super::{Element, ElementDetails, ElementId, ElementKind, Map, Scenario, ScenarioId, Scene};
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

/// The map's stories, each once, in the order their first scene comes in the deck.
pub fn stories(map: &Map) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for story in map.scenes.iter().filter_map(|s| s.story.as_deref()) {
        if !names.contains(&story) {
            names.push(story);
        }
    }
    names
}

/// The scenes of the story a person names (exactly, else ignoring case and surrounding spaces),
/// in the deck's order; or an error listing the map's stories.
pub fn story_scenes<'a>(map: &'a Map, name: &str) -> Result<Vec<&'a Scene>> {
    let all = stories(map);
    let loose = |s: &&&str| s.trim().to_lowercase() == name.trim().to_lowercase();
    let Some(story) = all
        .iter()
        .find(|s| **s == name)
        .or_else(|| all.iter().find(loose))
    else {
        let message = if all.is_empty() {
            format!("This map's scenes belong to no story, so there is no story \u{201c}{name}\u{201d} to play.")
        } else {
            let names: Vec<String> = all.iter().map(|s| format!("\u{201c}{s}\u{201d}")).collect();
            format!(
                "This map has no story \u{201c}{name}\u{201d}. Its stories are: {}.",
                names.join(", ")
            )
        };
        return Err(CoreError::new(ErrorKind::UnknownScene, message).about(name));
    };
    Ok(map
        .scenes
        .iter()
        .filter(|s| s.story.as_deref() == Some(*story))
        .collect())
}

/// The office that holds `person`'s place on the org chart: the office of their position, else
/// the office they sit in. The chart draws them inside that office's box.
pub fn org_chart_office<'a>(scenario: &'a Scenario, person: &'a Element) -> Option<&'a ElementId> {
    let ElementDetails::Person { position, .. } = &person.details else {
        return None;
    };
    let is_office = |id: &&ElementId| {
        scenario
            .elements
            .get(*id)
            .is_some_and(|e| e.kind() == ElementKind::Office)
    };
    position
        .as_ref()
        .filter(is_office)
        .or(person.parent.as_ref().filter(is_office))
}
