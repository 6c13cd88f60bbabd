//! What differs between two scenarios, element by element and relation by relation, each change
//! grouped (structure; flows and barriers; memberships and home bases; attributes) and said in one
//! plain sentence.
//!
//! Positions are not changes: the drawing is not the design. An element counts as changed when
//! anything else about it differs, its group (parent) included; a changed parent is a move.

use crate::analysis::list_names;
use crate::error::Result;
use crate::model::scenario_of;
use crate::model::Map;
use crate::model::{
    Element, ElementDetails, ElementId, ElementKind, Relation, RelationId, RelationKind, Scenario,
    ScenarioId,
};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Every change from one scenario to another, in a stable order: group, then the name of what
/// changed, then its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ScenarioDiff {
    pub from: ScenarioId,
    pub to: ScenarioId,
    pub changes: Vec<Change>,
}

/// One change: an element or relation added, removed, changed or moved to another group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Change {
    /// Stable and unique within a diff: `element:<id>` or `relation:<id>`.
    pub id: String,
    pub group: ChangeGroup,
    pub kind: ChangeKind,
    pub subject: ChangeSubject,
    /// One plain sentence: "Priya Raman moved from Science Department into Graduate Capstone".
    pub words: String,
    /// The attributes that differ, as the map's JSON names them (`name`, `parent`, `home_base`…);
    /// empty for an addition or removal.
    pub fields: Vec<String>,
    /// The element's group before and after (its parent); `None` at the top level, for relations,
    /// and on the side where the element does not exist.
    pub from_group: Option<ElementId>,
    pub to_group: Option<ElementId>,
}

/// The change list's sections, in the order they are listed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ChangeGroup {
    /// Nesting, reports-to lines, a person's position, elements added or removed.
    Structure,
    FlowsAndBarriers,
    /// Member-of relations, home bases, and moves into or out of a community or sprint team.
    Memberships,
    Attributes,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    /// The element's group (parent) differs, whatever else does.
    Moved,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChangeSubject {
    Element { id: ElementId },
    Relation { id: RelationId },
}

impl ChangeSubject {
    /// The change's id: `element:<id>` or `relation:<id>`.
    pub fn change_id(&self) -> String {
        match self {
            Self::Element { id } => format!("element:{}", id.0),
            Self::Relation { id } => format!("relation:{}", id.0),
        }
    }
}

/// Every change from scenario `from` to scenario `to` of `map`. An unknown scenario is an error
/// listing the map's scenarios.
pub fn diff(map: &Map, from: &ScenarioId, to: &ScenarioId) -> Result<ScenarioDiff> {
    let a = scenario_of(map, from)?;
    let b = scenario_of(map, to)?;
    Ok(between(a, b))
}

/// [`diff`] of two scenarios at hand.
pub(crate) fn between(a: &Scenario, b: &Scenario) -> ScenarioDiff {
    let names = Names { a, b };
    let mut keyed: Vec<((ChangeGroup, String), Change)> = Vec::new();
    for (id, after) in &b.elements {
        let before = a.elements.get(id);
        if before == Some(after) {
            continue;
        }
        let change = element_change(&names, before, Some(after));
        keyed.push(((change.group, after.name.clone()), change));
    }
    for (id, before) in &a.elements {
        if !b.elements.contains_key(id) {
            let change = element_change(&names, Some(before), None);
            keyed.push(((change.group, before.name.clone()), change));
        }
    }
    for (id, after) in &b.relations {
        let before = a.relations.get(id);
        if before == Some(after) {
            continue;
        }
        let change = relation_change(&names, before, Some(after));
        keyed.push(((change.group, names.of(&after.source).to_owned()), change));
    }
    for (id, before) in &a.relations {
        if !b.relations.contains_key(id) {
            let change = relation_change(&names, Some(before), None);
            keyed.push(((change.group, names.of(&before.source).to_owned()), change));
        }
    }
    keyed.sort_by(|(ka, a), (kb, b)| ka.cmp(kb).then_with(|| a.id.cmp(&b.id)));
    ScenarioDiff {
        from: a.id.clone(),
        to: b.id.clone(),
        changes: keyed.into_iter().map(|(_, c)| c).collect(),
    }
}

/// Names elements as `to` has them, else as `from` had them.
struct Names<'a> {
    a: &'a Scenario,
    b: &'a Scenario,
}

impl Names<'_> {
    fn of<'s>(&'s self, id: &'s ElementId) -> &'s str {
        self.b
            .elements
            .get(id)
            .or_else(|| self.a.elements.get(id))
            .map_or(id.0.as_str(), |e| e.name.as_str())
    }
}

/// The attributes (top-level JSON keys, the id aside) whose values differ between `a` and `b`.
pub(crate) fn differing_fields<T: Serialize>(a: &T, b: &T) -> Vec<String> {
    let object = |v: &T| match serde_json::to_value(v) {
        Ok(serde_json::Value::Object(o)) => o,
        _ => serde_json::Map::new(),
    };
    let (a, b) = (object(a), object(b));
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).filter(|k| *k != "id").collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// "home base" for `home_base`; "group" for `parent`.
fn field_words(fields: &[String]) -> String {
    let said: Vec<String> = fields
        .iter()
        .map(|f| match f.as_str() {
            "parent" => "group".to_owned(),
            "span" => "dates".to_owned(),
            other => other.replace('_', " "),
        })
        .collect();
    list_names(said.iter().map(String::as_str), 6)
}

fn element_change(names: &Names, before: Option<&Element>, after: Option<&Element>) -> Change {
    let either = after.or(before).expect("one side exists");
    let subject = ChangeSubject::Element {
        id: either.id.clone(),
    };
    let group_name = |p: &Option<ElementId>| p.as_ref().map(|p| names.of(p).to_owned());
    let (kind, group, fields, words) = match (before, after) {
        (None, Some(e)) => {
            let place = group_name(&e.parent).map_or(String::new(), |p| format!(" to {p}"));
            let words = format!("{} {} added{place}", e.kind().label(), e.name);
            (ChangeKind::Added, ChangeGroup::Structure, Vec::new(), words)
        }
        (Some(e), None) => {
            let place = group_name(&e.parent).map_or(String::new(), |p| format!(" from {p}"));
            let words = format!("{} {} removed{place}", e.kind().label(), e.name);
            (
                ChangeKind::Removed,
                ChangeGroup::Structure,
                Vec::new(),
                words,
            )
        }
        (Some(a), Some(b)) => {
            let fields = differing_fields(a, b);
            if a.parent != b.parent {
                let group = move_group(names, a, b);
                let others: Vec<String> =
                    fields.iter().filter(|f| *f != "parent").cloned().collect();
                let mut words = match (group_name(&a.parent), group_name(&b.parent)) {
                    (Some(p), Some(q)) => format!("{} moved from {p} into {q}", b.name),
                    (None, Some(q)) => format!("{} moved from the top level into {q}", b.name),
                    (Some(p), None) => format!("{} moved out of {p} to the top level", b.name),
                    (None, None) => format!("{} moved", b.name),
                };
                if !others.is_empty() {
                    words.push_str(&format!(" (also changed: {})", field_words(&others)));
                }
                (ChangeKind::Moved, group, fields, words)
            } else {
                let has = |f: &str| fields.iter().any(|x| x == f);
                let group = if has("position") {
                    ChangeGroup::Structure
                } else if has("home_base") {
                    ChangeGroup::Memberships
                } else {
                    ChangeGroup::Attributes
                };
                let words = if fields == ["name"] {
                    format!("{} renamed {}", a.name, b.name)
                } else if fields == ["home_base"] {
                    home_base_words(names, a, b)
                } else {
                    format!("{}: {} changed", b.name, field_words(&fields))
                };
                (ChangeKind::Changed, group, fields, words)
            }
        }
        (None, None) => unreachable!("one side exists"),
    };
    Change {
        id: subject.change_id(),
        group,
        kind,
        subject,
        words,
        fields,
        from_group: before.and_then(|e| e.parent.clone()),
        to_group: after.and_then(|e| e.parent.clone()),
    }
}

/// "Priya Raman's home base is now Graduate Capstone (was none)".
fn home_base_words(names: &Names, a: &Element, b: &Element) -> String {
    let home = |e: &Element| match &e.details {
        ElementDetails::Person {
            home_base: Some(h), ..
        } => names.of(h).to_owned(),
        _ => "none".to_owned(),
    };
    format!(
        "{}'s home base is now {} (was {})",
        b.name,
        home(b),
        home(a)
    )
}

/// A move into or out of a community or sprint team is a membership; any other is structure.
fn move_group(names: &Names, a: &Element, b: &Element) -> ChangeGroup {
    let joins = |sc: &Scenario, parent: &Option<ElementId>| {
        parent
            .as_ref()
            .and_then(|p| sc.elements.get(p))
            .is_some_and(|p| matches!(p.kind(), ElementKind::Community | ElementKind::SprintTeam))
    };
    if joins(names.a, &a.parent) || joins(names.b, &b.parent) {
        ChangeGroup::Memberships
    } else {
        ChangeGroup::Structure
    }
}

fn relation_change(names: &Names, before: Option<&Relation>, after: Option<&Relation>) -> Change {
    let r = after.or(before).expect("one side exists");
    let subject = ChangeSubject::Relation { id: r.id.clone() };
    let (s, t) = (names.of(&r.source), names.of(&r.target));
    let (kind, fields) = match (before, after) {
        (None, _) => (ChangeKind::Added, Vec::new()),
        (_, None) => (ChangeKind::Removed, Vec::new()),
        (Some(a), Some(b)) => (ChangeKind::Changed, differing_fields(a, b)),
    };
    let what = field_words(&fields);
    let words = match (r.kind(), kind) {
        (RelationKind::ReportsTo, ChangeKind::Added) => format!("{s} now reports to {t}"),
        (RelationKind::ReportsTo, ChangeKind::Removed) => format!("{s} no longer reports to {t}"),
        (RelationKind::ReportsTo, _) => format!("{s}'s reporting line to {t}: {what} changed"),
        (RelationKind::MemberOf, ChangeKind::Added) => format!("{s} joined {t}"),
        (RelationKind::MemberOf, ChangeKind::Removed) => format!("{s} left {t}"),
        (RelationKind::MemberOf, _) => format!("{s}'s membership of {t}: {what} changed"),
        (k, ChangeKind::Added) => format!("{} from {s} to {t} added", k.label()),
        (k, ChangeKind::Removed) => format!("{} from {s} to {t} removed", k.label()),
        (k, _) => format!("{} from {s} to {t}: {what} changed", k.label()),
    };
    let group = match r.kind() {
        RelationKind::ReportsTo => ChangeGroup::Structure,
        RelationKind::Flow | RelationKind::Barrier => ChangeGroup::FlowsAndBarriers,
        RelationKind::MemberOf => ChangeGroup::Memberships,
        RelationKind::DerivesFrom | RelationKind::Governs => ChangeGroup::Structure,
    };
    Change {
        id: subject.change_id(),
        group,
        kind,
        subject,
        words,
        fields,
        from_group: None,
        to_group: None,
    }
}
