//! Every change to a map, as plain data, and the one function that applies it.
//!
//! Edits are data (an [`Op`]) so that the UI can send them, the file can store them, and undo is
//! nothing more than applying the inverse that [`apply`] hands back. An op is validated before it
//! touches the map; a failed op — including a failed step deep inside a [`Op::Batch`] — leaves the
//! map exactly as it was (the steps already done are undone with their own inverses).
//!
//! The invariants kept here (each failure a distinct [`ErrorKind`]):
//! - ids are unique (elements and relations per scenario, scenarios per map) and known when named;
//! - a relation's two ends exist; a person's `position` is an office and `home_base` a community;
//!   a routine step's owner exists;
//! - `reports to` forms no cycle; nesting forms no cycle; a parent is a group kind;
//! - dates are `2021`, `2021-02` or `2021-02-01` and `until` is not before `from` (a period counts to
//!   its last day: `from 2021-06, until 2021` is fine);
//! - a flow's volume is 1–5; drawing positions are finite numbers; a map keeps at least one scenario;
//! - scene ids are unique per map; a scene's scenario exists, its viewport is a rectangle of finite
//!   numbers with a positive size, the elements it brings forward are in its scenario, its time is
//!   a date;
//! - an edit gives no name, title, step or tag more than [`MAX_NAME_CHARS`] characters (a map
//!   that already holds longer text, from an older file or JSON, keeps it and may restore it).
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

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Element, ElementDetails, ElementId, ElementKind, Map, Point, Relation, RelationDetails,
    RelationId, RelationKind, Scenario, ScenarioId, Scene, SceneId, Span, View, Viewport,
    MAX_NAME_CHARS,
};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{BTreeSet, HashMap, HashSet};

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

/// Lookups derived from one scenario that keep validation local. Always in step with the scenario
/// when every change goes through [`apply_indexed`].
#[derive(Debug, Clone, Default)]
pub struct ScenarioIndex {
    /// Relations whose source or target is the element.
    incident: HashMap<ElementId, BTreeSet<RelationId>>,
    /// Elements nested directly in the element.
    children: HashMap<ElementId, BTreeSet<ElementId>>,
    /// Elements whose attributes name the element (position, home base, routine step owner).
    referrers: HashMap<ElementId, BTreeSet<ElementId>>,
}

impl ScenarioIndex {
    pub fn build(scenario: &Scenario) -> Self {
        let mut index = Self::default();
        for element in scenario.elements.values() {
            index.add_element(element);
        }
        for relation in scenario.relations.values() {
            index.add_relation(relation);
        }
        index
    }

    fn add_element(&mut self, element: &Element) {
        if let Some(parent) = &element.parent {
            self.children
                .entry(parent.clone())
                .or_default()
                .insert(element.id.clone());
        }
        for named in references(element) {
            self.referrers
                .entry(named.clone())
                .or_default()
                .insert(element.id.clone());
        }
    }

    fn remove_element(&mut self, element: &Element) {
        if let Some(parent) = &element.parent {
            remove_from(&mut self.children, parent, &element.id);
        }
        for named in references(element) {
            remove_from(&mut self.referrers, named, &element.id);
        }
    }

    fn add_relation(&mut self, relation: &Relation) {
        for end in [&relation.source, &relation.target] {
            self.incident
                .entry(end.clone())
                .or_default()
                .insert(relation.id.clone());
        }
    }

    fn remove_relation(&mut self, relation: &Relation) {
        for end in [&relation.source, &relation.target] {
            remove_from(&mut self.incident, end, &relation.id);
        }
    }

    fn children_of(&self, id: &ElementId) -> impl Iterator<Item = &ElementId> {
        self.children.get(id).into_iter().flatten()
    }

    fn incident_to(&self, id: &ElementId) -> impl Iterator<Item = &RelationId> {
        self.incident.get(id).into_iter().flatten()
    }

    fn referrers_of<'a>(&'a self, id: &'a ElementId) -> impl Iterator<Item = &'a ElementId> {
        self.referrers
            .get(id)
            .into_iter()
            .flatten()
            .filter(move |r| *r != id)
    }
}

fn remove_from<K: std::hash::Hash + Eq, V: Ord>(
    map: &mut HashMap<K, BTreeSet<V>>,
    key: &K,
    value: &V,
) {
    if let Some(set) = map.get_mut(key) {
        set.remove(value);
        if set.is_empty() {
            map.remove(key);
        }
    }
}

/// The ids an element's attributes name.
fn references(element: &Element) -> Vec<&ElementId> {
    match &element.details {
        ElementDetails::Person {
            position,
            home_base,
            ..
        } => position.iter().chain(home_base.iter()).collect(),
        ElementDetails::Routine { steps, .. } => {
            steps.iter().filter_map(|s| s.owner.as_ref()).collect()
        }
        _ => Vec::new(),
    }
}

/// The [`ScenarioIndex`] of every scenario of a map.
#[derive(Debug, Clone, Default)]
pub struct Index {
    scenarios: HashMap<ScenarioId, ScenarioIndex>,
    /// Texts over [`MAX_NAME_CHARS`] the map held when this was built (older files, imported
    /// JSON), by hash. An edit may keep or restore them — undoing must always work — but brings
    /// in no new ones.
    known_long: HashSet<u64>,
}

impl Index {
    pub fn build(map: &Map) -> Self {
        let mut known_long = HashSet::new();
        let scenes = map.scenes.iter().map(|s| s.title.as_str());
        let scenarios = map.scenarios.iter().flat_map(scenario_texts);
        for text in scenes.chain(scenarios).chain([map.title.as_str()]) {
            if too_long(text) {
                known_long.insert(text_hash(text));
            }
        }
        Self {
            scenarios: map
                .scenarios
                .iter()
                .map(|s| (s.id.clone(), ScenarioIndex::build(s)))
                .collect(),
            known_long,
        }
    }
}

fn too_long(text: &str) -> bool {
    text.len() > MAX_NAME_CHARS && text.chars().nth(MAX_NAME_CHARS).is_some()
}

fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The names an element carries, each with what a message calls it.
fn element_texts(element: &Element) -> impl Iterator<Item = (&'static str, &str)> {
    let details: Vec<(&'static str, &str)> = match &element.details {
        ElementDetails::Person { title, .. } => vec![("job title", title.as_str())],
        ElementDetails::Routine { steps, .. } => {
            steps.iter().map(|s| ("step", s.name.as_str())).collect()
        }
        _ => Vec::new(),
    };
    let tags = element.annotations.tags.iter().map(|t| ("tag", t.as_str()));
    [("name", element.name.as_str())]
        .into_iter()
        .chain(details)
        .chain(tags)
}

fn scenario_texts(sc: &Scenario) -> impl Iterator<Item = &str> {
    let elements = sc.elements.values().flat_map(element_texts).map(|(_, t)| t);
    elements.chain([sc.name.as_str()])
}

/// Refuses an op that would give something a name longer than [`MAX_NAME_CHARS`] characters,
/// unless the map held that very text already (see [`Index::known_long`]).
fn check_text_sizes(index: &Index, op: &Op) -> Result<()> {
    let mut texts: Vec<(&'static str, &str)> = Vec::new();
    match op {
        Op::CreateElement { element } | Op::UpdateElement { element } => {
            texts.extend(element_texts(element));
        }
        Op::SetTitle { title } => texts.push(("map title", title)),
        Op::RenameScenario { name, .. } => texts.push(("scenario name", name)),
        Op::AddScenario {
            scenario,
            copy_from,
            ..
        } => {
            texts.push(("scenario name", &scenario.name));
            if copy_from.is_none() {
                for element in scenario.elements.values() {
                    texts.extend(element_texts(element));
                }
            }
        }
        Op::AddScene { scene, .. } | Op::UpdateScene { scene } => {
            texts.push(("scene title", &scene.title));
        }
        _ => {}
    }
    let Some((what, text)) = texts
        .into_iter()
        .find(|(_, t)| too_long(t) && !index.known_long.contains(&text_hash(t)))
    else {
        return Ok(());
    };
    let start: String = text.chars().take(40).collect();
    Err(CoreError::new(
        ErrorKind::InvalidValue,
        format!(
            "The {what} \u{201c}{}\u{2026}\u{201d} is {} characters long; a {what} can be at most {MAX_NAME_CHARS}.",
            start.trim_end(),
            text.chars().count()
        ),
    ))
}

/// Validates and applies `op` to `scenario` of `map`. Builds the lookups it needs from scratch;
/// callers applying many ops to a big map keep an [`Index`] and use [`apply_indexed`].
pub fn apply(map: &mut Map, scenario: &ScenarioId, op: &Op) -> Result<Applied> {
    let mut index = Index::build(map);
    apply_indexed(map, &mut index, scenario, op)
}

/// Like [`apply`], with an [`Index`] built by [`Index::build`] from this map and kept in step by
/// passing it to every change since.
pub fn apply_indexed(
    map: &mut Map,
    index: &mut Index,
    scenario: &ScenarioId,
    op: &Op,
) -> Result<Applied> {
    check_text_sizes(index, op)?;
    match op {
        Op::Batch { ops } => apply_batch(map, index, scenario, ops),
        Op::SetTitle { title } => {
            let old = std::mem::replace(&mut map.title, title.clone());
            Ok(Applied {
                effect: op.clone(),
                inverse: Op::SetTitle { title: old },
            })
        }
        Op::AddScenario {
            scenario: added,
            copy_from,
            at,
        } => add_scenario(map, index, added, copy_from.as_ref(), *at),
        Op::RenameScenario { id, name } => {
            let s = map
                .scenarios
                .iter_mut()
                .find(|s| &s.id == id)
                .ok_or_else(|| unknown_scenario(id))?;
            let old = std::mem::replace(&mut s.name, name.clone());
            Ok(Applied {
                effect: op.clone(),
                inverse: Op::RenameScenario {
                    id: id.clone(),
                    name: old,
                },
            })
        }
        Op::DeleteScenario { id } => {
            let at = map
                .scenarios
                .iter()
                .position(|s| &s.id == id)
                .ok_or_else(|| unknown_scenario(id))?;
            if map.scenarios.len() == 1 {
                return Err(CoreError::new(
                    ErrorKind::LastScenario,
                    "A map needs at least one scenario, so its last one cannot be deleted.",
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
                cascade.push(op.clone());
                return apply_batch(map, index, scenario, &cascade);
            }
            let old = map.scenarios.remove(at);
            index.scenarios.remove(id);
            Ok(Applied {
                effect: op.clone(),
                inverse: Op::AddScenario {
                    scenario: old,
                    copy_from: None,
                    at: Some(at as u32),
                },
            })
        }
        Op::AddScene { scene, at } => {
            if map.scene(&scene.id).is_some() {
                return Err(CoreError::new(
                    ErrorKind::DuplicateId,
                    format!(
                        "There is already a scene with the id {}; a new scene needs its own.",
                        scene.id.0
                    ),
                )
                .about(&scene.id.0));
            }
            validate_scene(map, scene)?;
            let at = at.map_or(map.scenes.len(), |a| (a as usize).min(map.scenes.len()));
            map.scenes.insert(at, scene.clone());
            Ok(Applied {
                effect: Op::AddScene {
                    scene: scene.clone(),
                    at: Some(at as u32),
                },
                inverse: Op::DeleteScene {
                    id: scene.id.clone(),
                },
            })
        }
        Op::UpdateScene { scene } => {
            let at = scene_index(map, &scene.id)?;
            validate_scene(map, scene)?;
            let old = std::mem::replace(&mut map.scenes[at], scene.clone());
            Ok(Applied {
                effect: op.clone(),
                inverse: Op::UpdateScene { scene: old },
            })
        }
        Op::MoveScene { id, to } => {
            let from = scene_index(map, id)?;
            let to = (*to as usize).min(map.scenes.len() - 1);
            let moved = map.scenes.remove(from);
            map.scenes.insert(to, moved);
            Ok(Applied {
                effect: Op::MoveScene {
                    id: id.clone(),
                    to: to as u32,
                },
                inverse: Op::MoveScene {
                    id: id.clone(),
                    to: from as u32,
                },
            })
        }
        Op::DeleteScene { id } => {
            let at = scene_index(map, id)?;
            let old = map.scenes.remove(at);
            Ok(Applied {
                effect: op.clone(),
                inverse: Op::AddScene {
                    scene: old,
                    at: Some(at as u32),
                },
            })
        }
        _ => {
            // A deleted element leaves the focus of the scenes that showed it, as one undoable
            // step with the delete. Only scenes in focus cost anything here.
            if let Op::DeleteElement { id } = op {
                let refocused: Vec<Op> = map
                    .scenes
                    .iter()
                    .filter(|s| &s.scenario == scenario && s.filters.focus.contains(id))
                    .map(|s| {
                        let mut scene = s.clone();
                        scene.filters.focus.remove(id);
                        Op::UpdateScene { scene }
                    })
                    .collect();
                if !refocused.is_empty() {
                    let mut cascade = refocused;
                    cascade.push(op.clone());
                    return apply_batch(map, index, scenario, &cascade);
                }
            }
            let sc = map
                .scenarios
                .iter_mut()
                .find(|s| &s.id == scenario)
                .ok_or_else(|| unknown_scenario(scenario))?;
            let idx = index
                .scenarios
                .entry(scenario.clone())
                .or_insert_with(|| ScenarioIndex::build(sc));
            match apply_in_scenario(sc, idx, op)? {
                Step::Done(applied) => Ok(*applied),
                Step::Expand(ops) => apply_batch(map, index, scenario, &ops),
            }
        }
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

fn add_scenario(
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

/// An op on one scenario either took effect, or turned out to be a batch of smaller ops
/// (a delete with dependents) that the caller applies with rollback.
enum Step {
    Done(Box<Applied>),
    Expand(Vec<Op>),
}

fn done(effect: &Op, inverse: Op) -> Result<Step> {
    Ok(Step::Done(Box::new(Applied {
        effect: effect.clone(),
        inverse,
    })))
}

fn apply_in_scenario(sc: &mut Scenario, idx: &mut ScenarioIndex, op: &Op) -> Result<Step> {
    match op {
        Op::CreateElement { element } => {
            if sc.elements.contains_key(&element.id) {
                return Err(CoreError::new(
                    ErrorKind::DuplicateId,
                    format!(
                        "There is already an element with the id {} in this scenario.",
                        element.id.0
                    ),
                )
                .about(&element.id.0));
            }
            validate_element(sc, element)?;
            check_nesting(sc, &element.id, element.parent.as_ref())?;
            idx.add_element(element);
            sc.elements.insert(element.id.clone(), element.clone());
            done(
                op,
                Op::DeleteElement {
                    id: element.id.clone(),
                },
            )
        }
        Op::UpdateElement { element } => {
            let old = sc
                .elements
                .get(&element.id)
                .ok_or_else(|| unknown_element(&element.id))?;
            validate_element(sc, element)?;
            if old.parent != element.parent {
                check_nesting(sc, &element.id, element.parent.as_ref())?;
            }
            if old.kind() != element.kind() {
                check_kind_change(sc, idx, element)?;
            }
            let old = sc
                .elements
                .insert(element.id.clone(), element.clone())
                .expect("checked above");
            idx.remove_element(&old);
            idx.add_element(element);
            done(op, Op::UpdateElement { element: old })
        }
        Op::DeleteElement { id } => {
            let element = sc.elements.get(id).ok_or_else(|| unknown_element(id))?;
            let mut cascade: Vec<Op> = Vec::new();
            for child in idx.children_of(id) {
                cascade.push(Op::Nest {
                    child: child.clone(),
                    parent: element.parent.clone(),
                });
            }
            for referrer in idx.referrers_of(id) {
                let mut cleared = sc.elements[referrer].clone();
                forget_reference(&mut cleared, id);
                // A referrer may also be a child: keep the re-parenting the `Nest` above did.
                if cleared.parent.as_ref() == Some(id) {
                    cleared.parent = element.parent.clone();
                }
                cascade.push(Op::UpdateElement { element: cleared });
            }
            for relation in idx.incident_to(id) {
                cascade.push(Op::DeleteRelation {
                    id: relation.clone(),
                });
            }
            for (view, points) in &sc.positions {
                if points.contains_key(id) {
                    cascade.push(Op::Move {
                        view: *view,
                        positions: vec![Placement {
                            element: id.clone(),
                            point: None,
                        }],
                    });
                }
            }
            if !cascade.is_empty() {
                cascade.push(op.clone());
                return Ok(Step::Expand(cascade));
            }
            let element = sc.elements.remove(id).expect("checked above");
            idx.remove_element(&element);
            done(op, Op::CreateElement { element })
        }
        Op::Connect { relation } => {
            if sc.relations.contains_key(&relation.id) {
                return Err(CoreError::new(
                    ErrorKind::DuplicateId,
                    format!(
                        "There is already a relation with the id {} in this scenario.",
                        relation.id.0
                    ),
                )
                .about(&relation.id.0));
            }
            validate_relation(sc, relation)?;
            check_reports_to(sc, idx, relation)?;
            idx.add_relation(relation);
            sc.relations.insert(relation.id.clone(), relation.clone());
            done(
                op,
                Op::DeleteRelation {
                    id: relation.id.clone(),
                },
            )
        }
        Op::UpdateRelation { relation } => {
            if !sc.relations.contains_key(&relation.id) {
                return Err(unknown_relation(&relation.id));
            }
            validate_relation(sc, relation)?;
            check_reports_to(sc, idx, relation)?;
            let old = sc
                .relations
                .insert(relation.id.clone(), relation.clone())
                .expect("checked above");
            idx.remove_relation(&old);
            idx.add_relation(relation);
            done(op, Op::UpdateRelation { relation: old })
        }
        Op::DeleteRelation { id } => {
            let relation = sc
                .relations
                .remove(id)
                .ok_or_else(|| unknown_relation(id))?;
            idx.remove_relation(&relation);
            done(op, Op::Connect { relation })
        }
        Op::Move { view, positions } => {
            for p in positions {
                if !sc.elements.contains_key(&p.element) {
                    return Err(unknown_element(&p.element));
                }
                if let Some(point) = p.point {
                    check_point(&p.element, point)?;
                }
            }
            let points = sc.positions.entry(*view).or_default();
            let mut old = Vec::with_capacity(positions.len());
            for p in positions {
                let before = match p.point {
                    Some(point) => points.insert(p.element.clone(), point),
                    None => points.remove(&p.element),
                };
                old.push(Placement {
                    element: p.element.clone(),
                    point: before,
                });
            }
            if points.is_empty() {
                sc.positions.remove(view);
            }
            old.reverse();
            done(
                op,
                Op::Move {
                    view: *view,
                    positions: old,
                },
            )
        }
        Op::Nest { child, parent } => {
            let element = sc
                .elements
                .get(child)
                .ok_or_else(|| unknown_element(child))?;
            if &element.parent == parent {
                return done(op, op.clone());
            }
            check_nesting(sc, child, parent.as_ref())?;
            let element = sc.elements.get_mut(child).expect("checked above");
            let old_parent = element.parent.clone();
            if let Some(p) = &old_parent {
                remove_from(&mut idx.children, p, child);
            }
            if let Some(p) = parent {
                idx.children
                    .entry(p.clone())
                    .or_default()
                    .insert(child.clone());
            }
            element.parent = parent.clone();
            done(
                op,
                Op::Nest {
                    child: child.clone(),
                    parent: old_parent,
                },
            )
        }
        Op::Batch { .. }
        | Op::AddScenario { .. }
        | Op::RenameScenario { .. }
        | Op::DeleteScenario { .. }
        | Op::SetTitle { .. }
        | Op::AddScene { .. }
        | Op::UpdateScene { .. }
        | Op::MoveScene { .. }
        | Op::DeleteScene { .. } => unreachable!("handled by apply_indexed"),
    }
}

fn forget_reference(element: &mut Element, id: &ElementId) {
    match &mut element.details {
        ElementDetails::Person {
            position,
            home_base,
            ..
        } => {
            if position.as_ref() == Some(id) {
                *position = None;
            }
            if home_base.as_ref() == Some(id) {
                *home_base = None;
            }
        }
        ElementDetails::Routine { steps, .. } => {
            for step in steps {
                if step.owner.as_ref() == Some(id) {
                    step.owner = None;
                }
            }
        }
        _ => {}
    }
}

// --- validation ------------------------------------------------------------------------------

fn unknown_scenario(id: &ScenarioId) -> CoreError {
    CoreError::new(
        ErrorKind::UnknownScenario,
        format!("There is no scenario {} in this map.", id.0),
    )
    .about(&id.0)
}

fn unknown_scene(id: &SceneId) -> CoreError {
    CoreError::new(
        ErrorKind::UnknownScene,
        format!("There is no scene {} in this map.", id.0),
    )
    .about(&id.0)
}

fn scene_index(map: &Map, id: &SceneId) -> Result<usize> {
    map.scenes
        .iter()
        .position(|s| &s.id == id)
        .ok_or_else(|| unknown_scene(id))
}

fn unknown_element(id: &ElementId) -> CoreError {
    CoreError::new(
        ErrorKind::UnknownElement,
        format!("There is no element {} in this scenario.", id.0),
    )
    .about(&id.0)
}

fn unknown_relation(id: &RelationId) -> CoreError {
    CoreError::new(
        ErrorKind::UnknownRelation,
        format!("There is no relation {} in this scenario.", id.0),
    )
    .about(&id.0)
}

fn name_of<'a>(sc: &'a Scenario, id: &'a ElementId) -> &'a str {
    sc.elements.get(id).map_or(&id.0, |e| &e.name)
}

/// Checks an element on its own and against the elements it names (not its place in the nesting).
/// `element` may be new or replace the element with its id; lookups of its own id see the new one.
fn validate_element(sc: &Scenario, element: &Element) -> Result<()> {
    check_span(&element.annotations.span, &element.id.0, || {
        element.name.clone()
    })?;
    let get = |id: &ElementId| -> Option<&Element> {
        if id == &element.id {
            Some(element)
        } else {
            sc.elements.get(id)
        }
    };
    if let Some(parent) = &element.parent {
        let p = get(parent).ok_or_else(|| unknown_element(parent))?;
        if !p.kind().is_group() {
            return Err(CoreError::new(
                ErrorKind::ParentNotGroup,
                format!(
                    "\"{}\" cannot be put inside \"{}\": only offices, sites, communities and sprint teams can contain others.",
                    element.name, p.name
                ),
            )
            .about(&element.id.0)
            .about(&parent.0));
        }
    }
    match &element.details {
        ElementDetails::Person {
            position,
            home_base,
            ..
        } => {
            if let Some(office) = position {
                let o = get(office).ok_or_else(|| unknown_element(office))?;
                if o.kind() != ElementKind::Office {
                    return Err(CoreError::new(
                        ErrorKind::PositionNotOffice,
                        format!(
                            "{}'s position must be held in an office, and \"{}\" is a {}.",
                            element.name,
                            o.name,
                            o.kind().label().to_lowercase()
                        ),
                    )
                    .about(&element.id.0)
                    .about(&office.0));
                }
            }
            if let Some(community) = home_base {
                let c = get(community).ok_or_else(|| unknown_element(community))?;
                if c.kind() != ElementKind::Community {
                    return Err(CoreError::new(
                        ErrorKind::HomeBaseNotCommunity,
                        format!(
                            "{}'s home base must be a community, and \"{}\" is a {}.",
                            element.name,
                            c.name,
                            c.kind().label().to_lowercase()
                        ),
                    )
                    .about(&element.id.0)
                    .about(&community.0));
                }
            }
        }
        ElementDetails::Routine { steps, .. } => {
            for owner in steps.iter().filter_map(|s| s.owner.as_ref()) {
                get(owner).ok_or_else(|| unknown_element(owner))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Putting `child` into `parent` must not put a group inside itself. Walks up from the parent.
fn check_nesting(sc: &Scenario, child: &ElementId, parent: Option<&ElementId>) -> Result<()> {
    let Some(parent) = parent else { return Ok(()) };
    let p = sc
        .elements
        .get(parent)
        .ok_or_else(|| unknown_element(parent))?;
    if !p.kind().is_group() {
        return Err(CoreError::new(
            ErrorKind::ParentNotGroup,
            format!(
                "\"{}\" cannot be put inside \"{}\": only offices, sites, communities and sprint teams can contain others.",
                name_of(sc, child),
                p.name
            ),
        )
        .about(&child.0)
        .about(&parent.0));
    }
    let mut at = Some(parent);
    let mut steps = 0usize;
    while let Some(id) = at {
        if id == child || steps > sc.elements.len() {
            return Err(CoreError::new(
                ErrorKind::NestingCycle,
                format!(
                    "\"{}\" cannot be put inside \"{}\", because \"{}\" is already inside \"{}\".",
                    name_of(sc, child),
                    p.name,
                    p.name,
                    name_of(sc, child)
                ),
            )
            .about(&child.0)
            .about(&parent.0));
        }
        at = sc.elements.get(id).and_then(|e| e.parent.as_ref());
        steps += 1;
    }
    Ok(())
}

/// An element whose kind changes must still fit where others rely on its kind.
fn check_kind_change(sc: &Scenario, idx: &ScenarioIndex, element: &Element) -> Result<()> {
    let kind = element.kind();
    if !kind.is_group() {
        if let Some(child) = idx.children_of(&element.id).next() {
            return Err(CoreError::new(
                ErrorKind::ParentNotGroup,
                format!(
                    "\"{}\" cannot become a {} while it contains \"{}\": only offices, sites, communities and sprint teams can contain others.",
                    element.name,
                    kind.label().to_lowercase(),
                    name_of(sc, child)
                ),
            )
            .about(&element.id.0)
            .about(&child.0));
        }
    }
    for referrer in idx.referrers_of(&element.id) {
        if let Some(ElementDetails::Person {
            position,
            home_base,
            ..
        }) = sc.elements.get(referrer).map(|e| &e.details)
        {
            if position.as_ref() == Some(&element.id) && kind != ElementKind::Office {
                return Err(CoreError::new(
                    ErrorKind::PositionNotOffice,
                    format!(
                        "\"{}\" must stay an office: {} holds a position in it.",
                        element.name,
                        name_of(sc, referrer)
                    ),
                )
                .about(&element.id.0)
                .about(&referrer.0));
            }
            if home_base.as_ref() == Some(&element.id) && kind != ElementKind::Community {
                return Err(CoreError::new(
                    ErrorKind::HomeBaseNotCommunity,
                    format!(
                        "\"{}\" must stay a community: it is {}'s home base.",
                        element.name,
                        name_of(sc, referrer)
                    ),
                )
                .about(&element.id.0)
                .about(&referrer.0));
            }
        }
    }
    Ok(())
}

/// Checks a relation on its own: its ends, dates and volume (not reports-to cycles).
fn validate_relation(sc: &Scenario, relation: &Relation) -> Result<()> {
    for end in [&relation.source, &relation.target] {
        if !sc.elements.contains_key(end) {
            return Err(CoreError::new(
                ErrorKind::DanglingRelation,
                format!(
                    "A {} line must join two things on the map, and {} is not on it.",
                    relation.kind().label().to_lowercase(),
                    end.0
                ),
            )
            .about(&relation.id.0)
            .about(&end.0));
        }
    }
    // Only an error needs the label; building it for every relation of a big map costs.
    let label = || {
        format!(
            "{} → {}",
            name_of(sc, &relation.source),
            name_of(sc, &relation.target)
        )
    };
    check_span(&relation.annotations.span, &relation.id.0, label)?;
    if let RelationDetails::Flow { volume, .. } = relation.details {
        if !(1..=5).contains(&volume) {
            return Err(CoreError::new(
                ErrorKind::FlowVolume,
                format!(
                    "A flow's volume goes from 1 (a trickle) to 5 (constant); {volume} is outside that ({}).",
                    label()
                ),
            )
            .about(&relation.id.0));
        }
    }
    Ok(())
}

/// Adding or changing `relation` must not make anyone their own (indirect) boss: walks up the
/// reports-to lines from the new boss looking for the new report, ignoring the relation's old self.
fn check_reports_to(sc: &Scenario, idx: &ScenarioIndex, relation: &Relation) -> Result<()> {
    if relation.kind() != RelationKind::ReportsTo {
        return Ok(());
    }
    let cycle = || {
        CoreError::new(
            ErrorKind::ReportsToCycle,
            format!(
                "{} cannot report to {}: {} already reports to {}, directly or through others.",
                name_of(sc, &relation.source),
                name_of(sc, &relation.target),
                name_of(sc, &relation.target),
                name_of(sc, &relation.source)
            ),
        )
        .about(&relation.id.0)
        .about(&relation.source.0)
        .about(&relation.target.0)
    };
    if relation.source == relation.target {
        return Err(cycle());
    }
    let mut seen: HashSet<&ElementId> = HashSet::new();
    let mut stack = vec![&relation.target];
    while let Some(at) = stack.pop() {
        if at == &relation.source {
            return Err(cycle());
        }
        if !seen.insert(at) {
            continue;
        }
        for rid in idx.incident_to(at) {
            if rid == &relation.id {
                continue;
            }
            let r = &sc.relations[rid];
            if r.kind() == RelationKind::ReportsTo && &r.source == at {
                stack.push(&r.target);
            }
        }
    }
    Ok(())
}

fn check_point(element: &ElementId, point: Point) -> Result<()> {
    if point.x.is_finite() && point.y.is_finite() {
        Ok(())
    } else {
        Err(CoreError::new(
            ErrorKind::InvalidPoint,
            format!(
                "{} cannot be drawn at ({}, {}): a position must be an ordinary number.",
                element.0, point.x, point.y
            ),
        )
        .about(&element.0))
    }
}

/// The first and last day a date names, as `yyyymmdd`: `2021` is 20210101..=20211231.
pub fn date_bounds(date: &str) -> Option<(u32, u32)> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = date.split('-').collect();
    let year: u32 = match parts.first() {
        Some(y) if y.len() == 4 && digits(y) => y.parse().ok()?,
        _ => return None,
    };
    let month = |m: &str| -> Option<u32> {
        if m.len() != 2 || !digits(m) {
            return None;
        }
        let m: u32 = m.parse().ok()?;
        (1..=12).contains(&m).then_some(m)
    };
    let last_day = |m: u32| match m {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let ymd = |m: u32, d: u32| year * 10_000 + m * 100 + d;
    match parts.as_slice() {
        [_] => Some((ymd(1, 1), ymd(12, 31))),
        [_, m] => {
            let m = month(m)?;
            Some((ymd(m, 1), ymd(m, last_day(m))))
        }
        [_, m, d] => {
            let m = month(m)?;
            if d.len() != 2 || !digits(d) {
                return None;
            }
            let d: u32 = d.parse().ok()?;
            (1..=last_day(m))
                .contains(&d)
                .then_some((ymd(m, d), ymd(m, d)))
        }
        _ => None,
    }
}

fn check_span(span: &Span, id: &str, label: impl Fn() -> String) -> Result<()> {
    let bounds = |date: &Option<String>| -> Result<Option<(u32, u32)>> {
        match date {
            None => Ok(None),
            Some(d) => date_bounds(d).map(Some).ok_or_else(|| {
                CoreError::new(
                    ErrorKind::InvalidDate,
                    format!(
                        "\"{d}\" is not a date Murmuration understands ({}); write a year (2021), a month (2021-02) or a day (2021-02-01).",
                        label()
                    ),
                )
                .about(id)
            }),
        }
    };
    let from = bounds(&span.from)?;
    let until = bounds(&span.until)?;
    if let (Some((from_first, _)), Some((_, until_last))) = (from, until) {
        if until_last < from_first {
            return Err(CoreError::new(
                ErrorKind::SpanOrder,
                format!(
                    "{} cannot end ({}) before it begins ({}).",
                    label(),
                    span.until.as_deref().unwrap_or_default(),
                    span.from.as_deref().unwrap_or_default()
                ),
            )
            .about(id));
        }
    }
    Ok(())
}

/// Checks every invariant of a whole scenario at once (for scenarios that arrive whole: a file,
/// JSON, an undone delete). Cycles are found with one pass over the graph, not one walk per edge.
pub fn validate_scenario(sc: &Scenario) -> Result<()> {
    for (id, element) in &sc.elements {
        if id != &element.id {
            return Err(CoreError::new(
                ErrorKind::IdMismatch,
                format!(
                    "The map lists element {} under the id {}; they must be the same.",
                    element.id.0, id.0
                ),
            )
            .about(&id.0));
        }
        validate_element(sc, element)?;
    }
    // Nesting: each element's chain of parents must end. `state` is true for elements whose chain
    // is known to end, false for those on the chain being walked; one pass over all elements.
    let mut state: HashMap<&ElementId, bool> = HashMap::with_capacity(sc.elements.len());
    let mut path: Vec<&ElementId> = Vec::new();
    for start in sc.elements.keys() {
        let mut at = Some(start);
        while let Some(id) = at {
            match state.get(id) {
                Some(true) => break,
                Some(false) => {
                    return Err(CoreError::new(
                        ErrorKind::NestingCycle,
                        format!(
                            "\"{}\" is nested inside itself (through its parents).",
                            name_of(sc, id)
                        ),
                    )
                    .about(&id.0))
                }
                None => {
                    state.insert(id, false);
                    path.push(id);
                    at = sc.elements.get(id).and_then(|e| e.parent.as_ref());
                }
            }
        }
        for id in path.drain(..) {
            state.insert(id, true);
        }
    }
    let mut bosses: HashMap<&ElementId, Vec<&ElementId>> = HashMap::new();
    for (id, relation) in &sc.relations {
        if id != &relation.id {
            return Err(CoreError::new(
                ErrorKind::IdMismatch,
                format!(
                    "The map lists relation {} under the id {}; they must be the same.",
                    relation.id.0, id.0
                ),
            )
            .about(&id.0));
        }
        validate_relation(sc, relation)?;
        if relation.kind() == RelationKind::ReportsTo {
            bosses
                .entry(&relation.source)
                .or_default()
                .push(&relation.target);
        }
    }
    check_no_reports_cycle(sc, &bosses)?;
    for points in sc.positions.values() {
        for (id, point) in points {
            if !sc.elements.contains_key(id) {
                return Err(unknown_element(id));
            }
            check_point(id, *point)?;
        }
    }
    Ok(())
}

/// Depth-first search with three colours over the reports-to lines.
fn check_no_reports_cycle(
    sc: &Scenario,
    bosses: &HashMap<&ElementId, Vec<&ElementId>>,
) -> Result<()> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    let mut marks: HashMap<&ElementId, Mark> = HashMap::new();
    for &start in bosses.keys() {
        if marks.contains_key(start) {
            continue;
        }
        // (node, index of the next boss to visit)
        let mut stack: Vec<(&ElementId, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::OnPath);
        while let Some((node, next)) = stack.pop() {
            let up = bosses.get(node).map_or(&[][..], |v| v.as_slice());
            if let Some(&boss) = up.get(next) {
                stack.push((node, next + 1));
                match marks.get(boss) {
                    Some(Mark::OnPath) => {
                        return Err(CoreError::new(
                            ErrorKind::ReportsToCycle,
                            format!(
                                "The reports-to lines go round in a circle: {} ends up reporting to itself.",
                                name_of(sc, boss)
                            ),
                        )
                        .about(&boss.0))
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(boss, Mark::OnPath);
                        stack.push((boss, 0));
                    }
                }
            } else {
                marks.insert(node, Mark::Done);
            }
        }
    }
    Ok(())
}

/// Checks a scene against the map it is in: its scenario exists, its viewport is a real
/// rectangle, every element in its focus is in that scenario, its time is a date. The lens is not
/// checked: it is the id of a lens the analysis may know, kept as text.
pub fn validate_scene(map: &Map, scene: &Scene) -> Result<()> {
    let Some(sc) = map.scenario(&scene.scenario) else {
        return Err(CoreError::new(
            ErrorKind::UnknownScenario,
            format!(
                "The scene \"{}\" shows the scenario {}, which is not in this map.",
                scene.title, scene.scenario.0
            ),
        )
        .about(&scene.id.0)
        .about(&scene.scenario.0));
    };
    if let Some(v) = scene.viewport {
        check_viewport(scene, v)?;
    }
    if let Some(missing) = scene
        .filters
        .focus
        .iter()
        .find(|id| !sc.elements.contains_key(*id))
    {
        return Err(CoreError::new(
            ErrorKind::UnknownElement,
            format!(
                "The scene \"{}\" brings forward {}, which is not in the scenario \"{}\".",
                scene.title, missing.0, sc.name
            ),
        )
        .about(&scene.id.0)
        .about(&missing.0));
    }
    let time = Span {
        from: scene.time.clone(),
        until: None,
    };
    check_span(&time, &scene.id.0, || {
        format!("the scene \"{}\"", scene.title)
    })
}

fn check_viewport(scene: &Scene, v: Viewport) -> Result<()> {
    let finite = [v.x, v.y, v.width, v.height].iter().all(|n| n.is_finite());
    if finite && v.width > 0.0 && v.height > 0.0 {
        return Ok(());
    }
    Err(CoreError::new(
        ErrorKind::InvalidViewport,
        format!(
            "The scene \"{}\" cannot show the area at ({}, {}), {} wide and {} high: it must be ordinary numbers, with a width and height above 0.",
            scene.title, v.x, v.y, v.width, v.height
        ),
    )
    .about(&scene.id.0))
}

/// Checks every invariant of a whole map.
pub fn validate_map(map: &Map) -> Result<()> {
    if map.scenarios.is_empty() {
        return Err(CoreError::new(
            ErrorKind::LastScenario,
            "A map needs at least one scenario, and this one has none.",
        ));
    }
    let mut seen = HashSet::new();
    for sc in &map.scenarios {
        if !seen.insert(&sc.id) {
            return Err(CoreError::new(
                ErrorKind::DuplicateId,
                format!("Two scenarios share the id {}.", sc.id.0),
            )
            .about(&sc.id.0));
        }
        validate_scenario(sc)?;
    }
    let mut seen = HashSet::new();
    for scene in &map.scenes {
        if !seen.insert(&scene.id) {
            return Err(CoreError::new(
                ErrorKind::DuplicateId,
                format!("Two scenes share the id {}.", scene.id.0),
            )
            .about(&scene.id.0));
        }
        validate_scene(map, scene)?;
    }
    Ok(())
}
