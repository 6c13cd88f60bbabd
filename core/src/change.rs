//! What the window receives after an edit, an undo or a redo: only what changed.
//!
//! A full [`MapSnapshot`] is sent when a map is opened; after that every change is a
//! [`MapChange`]: the elements, relations and positions an edit touched (as they are now, or
//! named as removed), and the map-wide parts (title, scenarios, scenes) only when they changed.
//! It is built from the effect the core already spells out for every op
//! ([`Applied::effect`](crate::ops::Applied)), so the window applies it without knowing any
//! cascade rule, and a change costs what the edit touched, not what the map holds.
//!
//! Each change carries the document it belongs to and its generation, so a window that missed
//! one (or holds another map) knows to ask for a snapshot instead.

use crate::label::NodeLabel;
use crate::model::{
    Element, ElementDetails, ElementId, Map, Relation, RelationId, Scenario, ScenarioId, Scene,
    View,
};
use crate::ops::Op;
use crate::snapshot::{MapSnapshot, Position, ScenarioSummary};
use crate::store::Change;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;

/// One change to the open map, as the window applies it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MapChange {
    /// Which open map this is about: a new number each time a map is opened into the window.
    pub document: u32,
    /// 1 for the first change after the snapshot, then one more for each.
    pub generation: u32,
    /// The scenario on screen, which the element, relation and position lists are about.
    pub scenario: ScenarioId,
    /// Elements added or changed, as they are now.
    pub elements: Vec<Element>,
    /// The labels of those elements, as the core computes them (removed elements take theirs).
    pub labels: Vec<NodeLabel>,
    pub removed_elements: Vec<ElementId>,
    pub relations: Vec<Relation>,
    pub removed_relations: Vec<RelationId>,
    /// Positions set (an element removed takes its positions with it).
    pub positions: Vec<Position>,
    /// Positions cleared: the element is placed by the layout again in that view.
    pub unplaced: Vec<Unplaced>,
    /// The map's title, when it changed.
    pub title: Option<String>,
    /// Every scenario, in order, when the list changed.
    pub scenarios: Option<Vec<ScenarioSummary>>,
    /// Every scene, in order, when any changed.
    pub scenes: Option<Vec<Scene>>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// An element's position cleared in one view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Unplaced {
    pub view: View,
    pub id: ElementId,
}

/// What an effect touched, by id.
#[derive(Debug, Default)]
struct Touched {
    elements: BTreeSet<ElementId>,
    relations: BTreeSet<RelationId>,
    positions: BTreeSet<(View, ElementId)>,
    title: bool,
    scenarios: bool,
    scenes: bool,
}

impl Touched {
    fn of(effect: &Op) -> Self {
        let mut touched = Self::default();
        touched.add(effect);
        touched
    }

    fn add(&mut self, op: &Op) {
        match op {
            Op::CreateElement { element } | Op::UpdateElement { element } => {
                self.elements.insert(element.id.clone());
            }
            Op::DeleteElement { id } | Op::Nest { child: id, .. } => {
                self.elements.insert(id.clone());
            }
            Op::Connect { relation } | Op::UpdateRelation { relation } => {
                self.relations.insert(relation.id.clone());
            }
            Op::DeleteRelation { id } => {
                self.relations.insert(id.clone());
            }
            Op::Move { view, positions } => {
                for p in positions {
                    self.positions.insert((*view, p.element.clone()));
                }
            }
            Op::Batch { ops } => ops.iter().for_each(|op| self.add(op)),
            // A scenario added, renamed, moved or deleted changes the list (scenes name their
            // scenario); deleting one deletes the scenes that show it.
            Op::AddScenario { .. }
            | Op::RenameScenario { .. }
            | Op::MoveScenario { .. }
            | Op::DeleteScenario { .. } => {
                self.scenarios = true;
                self.scenes = true;
            }
            Op::SetTitle { .. } => self.title = true,
            Op::AddScene { .. }
            | Op::UpdateScene { .. }
            | Op::MoveScene { .. }
            | Op::DeleteScene { .. } => self.scenes = true,
        }
    }
}

impl MapChange {
    /// The change `change` made, as seen from `shown` (the scenario on screen) of `map` after it.
    /// An edit to another scenario changes nothing on screen but the undo state and map-wide parts.
    pub fn of(
        map: &Map,
        shown: &ScenarioId,
        change: &Change,
        document: u32,
        generation: u32,
    ) -> Self {
        let touched = Touched::of(&change.effect);
        let on_screen = (&change.scenario == shown)
            .then(|| map.scenario(shown))
            .flatten();
        let mut out = MapChange {
            document,
            generation,
            scenario: shown.clone(),
            elements: Vec::new(),
            labels: Vec::new(),
            removed_elements: Vec::new(),
            relations: Vec::new(),
            removed_relations: Vec::new(),
            positions: Vec::new(),
            unplaced: Vec::new(),
            title: touched.title.then(|| map.title.clone()),
            scenarios: touched.scenarios.then(|| MapSnapshot::summaries(map)),
            scenes: touched.scenes.then(|| map.scenes.clone()),
            can_undo: change.can_undo,
            can_redo: change.can_redo,
        };
        let Some(scenario) = on_screen else {
            return out;
        };
        for id in &touched.elements {
            match scenario.elements.get(id) {
                Some(element) => {
                    out.labels.push(NodeLabel::in_scenario(scenario, element));
                    out.elements.push(element.clone());
                }
                None => out.removed_elements.push(id.clone()),
            }
        }
        out.labels.extend(boxed_people(scenario, &touched.elements));
        for id in touched.relations {
            match scenario.relations.get(&id) {
                Some(relation) => out.relations.push(relation.clone()),
                None => out.removed_relations.push(id),
            }
        }
        for (view, id) in touched.positions {
            match scenario.positions.get(&view).and_then(|p| p.get(&id)) {
                Some(at) => out.positions.push(Position { view, id, at: *at }),
                None if scenario.elements.contains_key(&id) => {
                    out.unplaced.push(Unplaced { view, id })
                }
                None => {}
            }
        }
        out
    }

    /// Whether this change touches nothing the canvas draws (only undo state or map-wide parts).
    pub fn draws_nothing(&self) -> bool {
        self.elements.is_empty()
            && self.removed_elements.is_empty()
            && self.relations.is_empty()
            && self.removed_relations.is_empty()
            && self.positions.is_empty()
            && self.unplaced.is_empty()
    }
}

/// The labels of people the edit did not touch whose box on the org chart it may have moved: those
/// sitting in, or holding a position in, an element that changed (it may have become an office or
/// stopped being one). One pass over the scenario, only when a group changed.
fn boxed_people(scenario: &Scenario, touched: &BTreeSet<ElementId>) -> Vec<NodeLabel> {
    // People sit only in groups and hold positions only in offices (a group): an edit that leaves
    // no group touched (people, relations, routines, rules, partners) moves no box.
    let groups_touched = touched.iter().any(|id| {
        scenario
            .elements
            .get(id)
            .is_some_and(|e| e.kind().is_group())
    });
    if !groups_touched {
        return Vec::new();
    }
    scenario
        .elements
        .values()
        .filter(|e| !touched.contains(&e.id))
        .filter(|e| match &e.details {
            ElementDetails::Person { position, .. } => [position.as_ref(), e.parent.as_ref()]
                .into_iter()
                .flatten()
                .any(|holder| touched.contains(holder)),
            _ => false,
        })
        .map(|e| NodeLabel::in_scenario(scenario, e))
        .collect()
}
