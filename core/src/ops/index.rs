//! Lookups beside the map that keep validation local.
//!
//! Checking an edit must cost what the edit touches, not what the map holds: deleting an element
//! needs its relations, children and referrers, and a reports-to cycle check walks up from the new
//! boss. A [`ScenarioIndex`] knows these per element; an [`Index`] holds one per scenario, and the
//! long texts the map held when it was built (see `text.rs`). Both stay in step with the map when
//! every change goes through [`apply_indexed`](super::apply_indexed).

use super::text::{scenario_texts, text_hash, too_long};
use crate::model::{
    Element, ElementDetails, ElementId, Map, Relation, RelationId, Scenario, ScenarioId,
};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Lookups derived from one scenario that keep validation local. Always in step with the scenario
/// when every change goes through [`apply_indexed`](super::apply_indexed).
#[derive(Debug, Clone, Default)]
pub struct ScenarioIndex {
    /// Relations whose source or target is the element.
    incident: HashMap<ElementId, BTreeSet<RelationId>>,
    /// Elements nested directly in the element.
    children: HashMap<ElementId, BTreeSet<ElementId>>,
    /// Elements whose attributes name the element (position, home base, routine step owner, rule owner).
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

    pub(super) fn add_element(&mut self, element: &Element) {
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

    pub(super) fn remove_element(&mut self, element: &Element) {
        if let Some(parent) = &element.parent {
            remove_from(&mut self.children, parent, &element.id);
        }
        for named in references(element) {
            remove_from(&mut self.referrers, named, &element.id);
        }
    }

    pub(super) fn add_relation(&mut self, relation: &Relation) {
        for end in [&relation.source, &relation.target] {
            self.incident
                .entry(end.clone())
                .or_default()
                .insert(relation.id.clone());
        }
    }

    pub(super) fn remove_relation(&mut self, relation: &Relation) {
        for end in [&relation.source, &relation.target] {
            remove_from(&mut self.incident, end, &relation.id);
        }
    }

    /// `child` moved from the group `old` to the group `new`.
    pub(super) fn set_parent(
        &mut self,
        child: &ElementId,
        old: Option<&ElementId>,
        new: Option<&ElementId>,
    ) {
        if let Some(p) = old {
            remove_from(&mut self.children, p, child);
        }
        if let Some(p) = new {
            self.children
                .entry(p.clone())
                .or_default()
                .insert(child.clone());
        }
    }

    pub(super) fn children_of(&self, id: &ElementId) -> impl Iterator<Item = &ElementId> {
        self.children.get(id).into_iter().flatten()
    }

    pub(super) fn incident_to(&self, id: &ElementId) -> impl Iterator<Item = &RelationId> {
        self.incident.get(id).into_iter().flatten()
    }

    pub(super) fn referrers_of<'a>(
        &'a self,
        id: &'a ElementId,
    ) -> impl Iterator<Item = &'a ElementId> {
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
        ElementDetails::Rule { owner, .. } => owner.iter().collect(),
        _ => Vec::new(),
    }
}

/// The [`ScenarioIndex`] of every scenario of a map.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub(super) scenarios: HashMap<ScenarioId, ScenarioIndex>,
    /// Texts over [`MAX_NAME_CHARS`](crate::model::MAX_NAME_CHARS) the map held when this was built (older files, imported
    /// JSON), by hash. An edit may keep or restore them — undoing must always work — but brings
    /// in no new ones.
    pub(super) known_long: HashSet<u64>,
    /// Scenario names (trimmed, lower case) that two scenarios shared when this was built (a map
    /// from before names had to differ, or JSON). Like `known_long`: undo may restore such a
    /// clash, an edit brings in no new one.
    pub(super) known_clashes: HashSet<String>,
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
        let mut names = HashSet::new();
        let known_clashes = map
            .scenarios
            .iter()
            .map(|s| s.name.trim().to_lowercase())
            .filter(|name| !names.insert(name.clone()))
            .collect();
        Self {
            known_clashes,
            scenarios: map
                .scenarios
                .iter()
                .map(|s| (s.id.clone(), ScenarioIndex::build(s)))
                .collect(),
            known_long,
        }
    }

    /// Whether `name` clashed with another scenario's when the map was opened (see `known_clashes`).
    pub(super) fn clash_known(&self, name: &str) -> bool {
        !self.known_clashes.is_empty() && self.known_clashes.contains(&name.trim().to_lowercase())
    }
}
