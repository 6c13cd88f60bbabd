//! The ops on a map's scenarios and its title: add (new or copied), rename, move to another place,
//! delete (with the scenes that show it), set the title.

use super::missing::unknown_scenario;
use super::validate::{check_scenario_name, validate_scenario};
use super::{apply_batch, Applied, Index, Op, ScenarioIndex};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{Map, Scenario, ScenarioId};

pub(super) fn set_title(map: &mut Map, title: &str) -> Result<Applied> {
    let old = std::mem::replace(&mut map.title, title.to_owned());
    Ok(Applied {
        effect: Op::SetTitle {
            title: title.to_owned(),
        },
        inverse: Op::SetTitle { title: old },
    })
}

/// Adds `added` at `at`; with `copy_from`, it takes that scenario's contents (see [`Op::AddScenario`]).
pub(super) fn add(
    map: &mut Map,
    index: &mut Index,
    added: &Scenario,
    copy_from: Option<&ScenarioId>,
    at: Option<u32>,
) -> Result<Applied> {
    if map.scenario(&added.id).is_some() {
        return Err(CoreError::new(
            ErrorKind::DuplicateId,
            format!(
                "There is already a scenario with the id {}; a new scenario needs its own.",
                added.id.0
            ),
        )
        .about(&added.id.0));
    }
    if !index.clash_known(&added.name) {
        check_scenario_name(map, &added.id, &added.name)?;
    }
    let new = match copy_from {
        Some(from) => {
            let source = map.scenario(from).ok_or_else(|| unknown_scenario(from))?;
            Scenario {
                id: added.id.clone(),
                name: added.name.clone(),
                ..source.clone()
            }
        }
        None => {
            validate_scenario(added)?;
            added.clone()
        }
    };
    let at = at.map_or(map.scenarios.len(), |a| {
        (a as usize).min(map.scenarios.len())
    });
    index
        .scenarios
        .insert(new.id.clone(), ScenarioIndex::build(&new));
    let id = new.id.clone();
    map.scenarios.insert(at, new.clone());
    Ok(Applied {
        effect: Op::AddScenario {
            scenario: new,
            copy_from: None,
            at: Some(at as u32),
        },
        inverse: Op::DeleteScenario { id },
    })
}

pub(super) fn rename(map: &mut Map, index: &Index, id: &ScenarioId, name: &str) -> Result<Applied> {
    if !index.clash_known(name) {
        check_scenario_name(map, id, name)?;
    }
    let s = map
        .scenarios
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or_else(|| unknown_scenario(id))?;
    let old = std::mem::replace(&mut s.name, name.to_owned());
    Ok(Applied {
        effect: Op::RenameScenario {
            id: id.clone(),
            name: name.to_owned(),
        },
        inverse: Op::RenameScenario {
            id: id.clone(),
            name: old,
        },
    })
}

pub(super) fn move_to(map: &mut Map, id: &ScenarioId, to: u32) -> Result<Applied> {
    let from = map
        .scenarios
        .iter()
        .position(|s| &s.id == id)
        .ok_or_else(|| unknown_scenario(id))?;
    let to = (to as usize).min(map.scenarios.len() - 1);
    let moved = map.scenarios.remove(from);
    map.scenarios.insert(to, moved);
    Ok(Applied {
        effect: Op::MoveScenario {
            id: id.clone(),
            to: to as u32,
        },
        inverse: Op::MoveScenario {
            id: id.clone(),
            to: from as u32,
        },
    })
}

/// Deletes a scenario (never the last one) and, in the same undoable step, the scenes that show it.
/// `current` is the scenario the op was applied to, which a cascade is applied to as well.
pub(super) fn delete(
    map: &mut Map,
    index: &mut Index,
    current: &ScenarioId,
    id: &ScenarioId,
) -> Result<Applied> {
    let at = map
        .scenarios
        .iter()
        .position(|s| &s.id == id)
        .ok_or_else(|| unknown_scenario(id))?;
    if map.scenarios.len() == 1 {
        return Err(CoreError::new(
            ErrorKind::LastScenario,
            format!(
                "\"{}\" cannot be deleted: it is the map's only scenario, and a map keeps at least one scenario.",
                map.scenarios[at].name
            ),
        )
        .about(&id.0));
    }
    // The scenes that show it go with it (undo brings them back in their places).
    let showing: Vec<Op> = map
        .scenes
        .iter()
        .filter(|s| &s.scenario == id)
        .map(|s| Op::DeleteScene { id: s.id.clone() })
        .collect();
    if !showing.is_empty() {
        let mut cascade = showing;
        cascade.push(Op::DeleteScenario { id: id.clone() });
        return apply_batch(map, index, current, &cascade);
    }
    let old = map.scenarios.remove(at);
    index.scenarios.remove(id);
    Ok(Applied {
        effect: Op::DeleteScenario { id: id.clone() },
        inverse: Op::AddScenario {
            scenario: old,
            copy_from: None,
            at: Some(at as u32),
        },
    })
}
