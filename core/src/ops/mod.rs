//! Every change to a map, as plain data, and the one function that applies it.
//!
//! Edits are data (an [`Op`]) so that the UI can send them, the file can store them, and undo is
//! nothing more than applying the inverse that [`apply`] hands back. An op is validated before it
//! touches the map; a failed op — including a failed step deep inside a [`Op::Batch`] — leaves the
//! map exactly as it was (the steps already done are undone with their own inverses).
//!
//! The invariants kept here (each failure a distinct [`ErrorKind`](crate::error::ErrorKind)):
//! - ids are unique (elements and relations per scenario, scenarios per map) and known when named;
//! - a relation's two ends exist; a person's `position` is an office and `home_base` a community;
//!   a routine step's owner exists;
//! - `reports to` forms no cycle; nesting forms no cycle; a parent is a group kind;
//! - dates are `2021`, `2021-02` or `2021-02-01` and `until` is not before `from` (a period counts to
//!   its last day: `from 2021-06, until 2021` is fine);
//! - a flow's volume is 1–5; drawing positions are finite numbers; a map keeps at least one scenario;
//! - a scenario has a name, unlike any other scenario's in its map (trimmed, ignoring case);
//! - scene ids are unique per map; a scene's scenario exists, its viewport is a rectangle of finite
//!   numbers with a positive size, the elements it brings forward are in its scenario, its time is
//!   a date;
//! - an edit gives no name, title, step or tag more than
//!   [`MAX_NAME_CHARS`](crate::model::MAX_NAME_CHARS) characters (a map that already holds longer
//!   text, from an older file or JSON, keeps it and may restore it); names are trimmed of
//!   surrounding spaces by [`normalise`];
//! - an office's hospice date is a date (or the undated hospice of an older file); a sprint team
//!   that is forming or active has no end date (`until`): one with an end date has ended.
//!
//! Deleting an element never leaves anything dangling: its relations go with it, its children are
//! re-parented to its own parent (they are not deleted: a silo wall coming down frees the people
//! inside), attributes naming it (a person's position or home base, a routine step's owner) are
//! cleared, its drawing positions are forgotten, and scenes of its scenario stop bringing it
//! forward. Deleting a scenario deletes the scenes that show it. The effect is spelled out as a
//! batch of these smaller ops, so its inverse restores all of it.
//!
//! Validation stays local: an [`Index`] beside the map knows each element's relations, children
//! and referrers, so a reports-to cycle check walks up from the new boss (O(depth)), not the graph.
//!
//! The rooms: this file holds the op list and the one dispatch ([`apply_indexed`]: one arm per op,
//! so a new op does not compile until it is handled); each family of ops has a file (`elements`,
//! `relations`, `scenarios`, `scenes`); `validate` holds the invariants, `dates` what a date
//! means, `text` what an edit may write as text ([`normalise`], the length limit), `upgrade` what older
//! files wrote brought up to today's rules, `index` the
//! lookups, `missing` the errors for unknown ids.

mod cascade;
mod dates;
mod elements;
mod index;
mod loops;
mod missing;
mod relations;
mod scenarios;
mod scenes;
mod text;
mod upgrade;
mod validate;

pub use dates::date_bounds;
pub use index::{Index, ScenarioIndex};
pub use text::normalise;
pub use upgrade::upgrade;
pub use validate::{check_scenario_name, validate_map, validate_scenario, validate_scene};

use crate::error::Result;
use crate::model::{
    Element, ElementId, Map, Point, Relation, RelationId, Scenario, ScenarioId, Scene, SceneId,
    View,
};
use missing::unknown_scenario;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Where one element is drawn in one view; `point: None` forgets the position (the layout decides).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Placement {
    pub element: ElementId,
    #[serde(default)]
    pub point: Option<Point>,
}

/// One change to a map. Element, relation and move ops act on the scenario passed to [`apply`];
/// scenario ops, scene ops and `set_title` name what they act on themselves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    CreateElement {
        element: Element,
    },
    /// Replaces the whole element with the same id (its kind may change if nothing depends on it).
    UpdateElement {
        element: Element,
    },
    /// See the module header for what goes with it.
    DeleteElement {
        id: ElementId,
    },
    Connect {
        relation: Relation,
    },
    /// Replaces the whole relation with the same id.
    UpdateRelation {
        relation: Relation,
    },
    DeleteRelation {
        id: RelationId,
    },
    Move {
        view: View,
        positions: Vec<Placement>,
    },
    /// Puts `child` inside the group `parent`; `parent: None` takes it out of any group.
    Nest {
        child: ElementId,
        #[serde(default)]
        parent: Option<ElementId>,
    },
    /// All or nothing, in order.
    Batch {
        ops: Vec<Op>,
    },
    /// Adds `scenario` at index `at` (the end when `None`). With `copy_from`, the new scenario takes
    /// that scenario's elements, relations and positions and keeps only its own id and name.
    AddScenario {
        scenario: Scenario,
        #[serde(default)]
        copy_from: Option<ScenarioId>,
        #[serde(default)]
        at: Option<u32>,
    },
    RenameScenario {
        id: ScenarioId,
        name: String,
    },
    DeleteScenario {
        id: ScenarioId,
    },
    /// Moves a scenario to index `to` of the map's list (the last place when past the end).
    MoveScenario {
        id: ScenarioId,
        to: u32,
    },
    SetTitle {
        title: String,
    },
    /// Adds `scene` at index `at` of the map's story (the end when `None` or past the end).
    AddScene {
        scene: Scene,
        #[serde(default)]
        at: Option<u32>,
    },
    /// Replaces the whole scene with the same id (its place in the story stays).
    UpdateScene {
        scene: Scene,
    },
    /// Moves a scene to index `to` of the story (the last place when past the end).
    MoveScene {
        id: SceneId,
        to: u32,
    },
    DeleteScene {
        id: SceneId,
    },
}

/// What applying an op did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Applied {
    /// The op as it took effect, spelled out: a delete with its cascade as a batch, a copied
    /// scenario with its contents. A UI store can replay it without knowing the cascade rules.
    pub effect: Op,
    /// Applying this (to the same scenario) undoes the op exactly.
    pub inverse: Op,
}

impl Applied {
    /// Whether the op changed nothing: each of its steps set something to what it already was (a
    /// rename to the same name, an update that repeats what is there, a move to the same place).
    /// Such an edit is no edit: the store records no undo step for it and writes nothing.
    pub fn changes_nothing(&self) -> bool {
        same_both_ways(&self.effect, &self.inverse)
    }
}

/// Whether a step's effect and its inverse set the same thing to the same value. Only steps that
/// set a value can be alike; adding or removing something always changes the map.
fn same_both_ways(effect: &Op, inverse: &Op) -> bool {
    match (effect, inverse) {
        // A batch's inverse undoes its steps in reverse order.
        (Op::Batch { ops: done }, Op::Batch { ops: undo }) => {
            done.len() == undo.len()
                && done
                    .iter()
                    .zip(undo.iter().rev())
                    .all(|(e, i)| same_both_ways(e, i))
        }
        (
            Op::Move { view, positions },
            Op::Move {
                view: back,
                positions: old,
            },
        ) => view == back && positions.iter().eq(old.iter().rev()),
        (Op::UpdateElement { .. }, Op::UpdateElement { .. })
        | (Op::UpdateRelation { .. }, Op::UpdateRelation { .. })
        | (Op::Nest { .. }, Op::Nest { .. })
        | (Op::RenameScenario { .. }, Op::RenameScenario { .. })
        | (Op::SetTitle { .. }, Op::SetTitle { .. })
        | (Op::UpdateScene { .. }, Op::UpdateScene { .. })
        | (Op::MoveScene { .. }, Op::MoveScene { .. })
        | (Op::MoveScenario { .. }, Op::MoveScenario { .. }) => effect == inverse,
        _ => false,
    }
}

/// Validates and applies `op` to `scenario` of `map`. Builds the lookups it needs from scratch;
/// callers applying many ops to a big map keep an [`Index`] and use [`apply_indexed`].
///
/// The op is applied exactly as given (names are not trimmed here: an inverse must restore a
/// map's text exactly); edits people make go through [`normalise`] first.
pub fn apply(map: &mut Map, scenario: &ScenarioId, op: &Op) -> Result<Applied> {
    let mut index = Index::build(map);
    apply_indexed(map, &mut index, scenario, op)
}

/// Whether `op` (trimmed by [`normalise`], as an edit is) would be accepted, changing nothing: the
/// rules of [`apply`] asked ahead, for a form that says a problem before anything is sent (a
/// scenario name already taken, the last scenario). A scenario op's rules look at the scenario
/// list and the scenes only, so it is tried on an outline of the map and costs nothing on a big one.
pub fn check(map: &Map, scenario: &ScenarioId, op: &Op) -> Result<()> {
    let op = normalise(op);
    let mut trial = match op {
        Op::AddScenario { .. }
        | Op::RenameScenario { .. }
        | Op::MoveScenario { .. }
        | Op::DeleteScenario { .. } => Map {
            title: String::new(),
            scenarios: map
                .scenarios
                .iter()
                .map(|s| Scenario {
                    id: s.id.clone(),
                    ..Scenario::empty(s.name.clone())
                })
                .collect(),
            scenes: map.scenes.clone(),
        },
        _ => map.clone(),
    };
    apply(&mut trial, scenario, &op).map(drop)
}

/// Like [`apply`], with an [`Index`] built by [`Index::build`] from this map and kept in step by
/// passing it to every change since. The one dispatch: every op has its own arm.
pub fn apply_indexed(
    map: &mut Map,
    index: &mut Index,
    scenario: &ScenarioId,
    op: &Op,
) -> Result<Applied> {
    text::check_text_sizes(index, op)?;
    let here = scenario;
    match op {
        Op::Batch { ops } => apply_batch(map, index, here, ops),
        Op::CreateElement { element } => in_scenario(map, index, here, |sc, idx| {
            elements::create(sc, idx, element)
        }),
        Op::UpdateElement { element } => in_scenario(map, index, here, |sc, idx| {
            elements::update(sc, idx, element)
        }),
        Op::DeleteElement { id } => elements::delete(map, index, here, id),
        Op::Nest { child, parent } => in_scenario(map, index, here, |sc, idx| {
            elements::nest(sc, idx, child, parent.as_ref())
        }),
        Op::Move { view, positions } => in_scenario(map, index, here, |sc, _| {
            elements::place(sc, *view, positions)
        }),
        Op::Connect { relation } => in_scenario(map, index, here, |sc, idx| {
            relations::connect(sc, idx, relation)
        }),
        Op::UpdateRelation { relation } => in_scenario(map, index, here, |sc, idx| {
            relations::update(sc, idx, relation)
        }),
        Op::DeleteRelation { id } => {
            in_scenario(map, index, here, |sc, idx| relations::delete(sc, idx, id))
        }
        Op::AddScenario {
            scenario: added,
            copy_from,
            at,
        } => scenarios::add(map, index, added, copy_from.as_ref(), *at),
        Op::RenameScenario { id, name } => scenarios::rename(map, index, id, name),
        Op::DeleteScenario { id } => scenarios::delete(map, index, here, id),
        Op::MoveScenario { id, to } => scenarios::move_to(map, id, *to),
        Op::SetTitle { title } => scenarios::set_title(map, title),
        Op::AddScene { scene, at } => scenes::add(map, scene, *at),
        Op::UpdateScene { scene } => scenes::update(map, scene),
        Op::MoveScene { id, to } => scenes::move_to(map, id, *to),
        Op::DeleteScene { id } => scenes::delete(map, id),
    }
}

fn apply_batch(
    map: &mut Map,
    index: &mut Index,
    scenario: &ScenarioId,
    ops: &[Op],
) -> Result<Applied> {
    let mut done: Vec<Applied> = Vec::with_capacity(ops.len());
    for op in ops {
        match apply_indexed(map, index, scenario, op) {
            Ok(applied) => done.push(applied),
            Err(e) => {
                for applied in done.into_iter().rev() {
                    apply_indexed(map, index, scenario, &applied.inverse)
                        .expect("the inverse of a step just applied always applies");
                }
                return Err(e);
            }
        }
    }
    let mut effects = Vec::with_capacity(done.len());
    let mut inverses = Vec::with_capacity(done.len());
    for applied in done.into_iter().rev() {
        effects.push(applied.effect);
        inverses.push(applied.inverse);
    }
    effects.reverse();
    Ok(Applied {
        effect: Op::Batch { ops: effects },
        inverse: Op::Batch { ops: inverses },
    })
}

/// An op on one scenario either took effect, or turned out to be a batch of smaller ops
/// (a delete with dependents) that [`in_scenario`] applies with rollback.
enum Step {
    Done(Box<Applied>),
    Expand(Vec<Op>),
}

impl Step {
    fn done(effect: Op, inverse: Op) -> Result<Step> {
        Ok(Step::Done(Box::new(Applied { effect, inverse })))
    }
}

/// Runs an op on one scenario of `map` (with its lookups, built on first use) and applies the
/// smaller ops of a step that expanded.
fn in_scenario(
    map: &mut Map,
    index: &mut Index,
    scenario: &ScenarioId,
    op: impl FnOnce(&mut Scenario, &mut ScenarioIndex) -> Result<Step>,
) -> Result<Applied> {
    let sc = map
        .scenarios
        .iter_mut()
        .find(|s| &s.id == scenario)
        .ok_or_else(|| unknown_scenario(scenario))?;
    let idx = index
        .scenarios
        .entry(scenario.clone())
        .or_insert_with(|| ScenarioIndex::build(sc));
    match op(sc, idx)? {
        Step::Done(applied) => Ok(*applied),
        Step::Expand(ops) => apply_batch(map, index, scenario, &ops),
    }
}
