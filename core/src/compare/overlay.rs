//! What the compare view draws, decided once for the canvas and for paper: the union of both
//! scenarios with every element and relation marked (added, removed, changed, moved, unchanged),
//! the faint arrows of moves between groups, and the side-by-side pair laid out alike.

use super::diff::{between, ChangeKind, ChangeSubject, ScenarioDiff};
use crate::error::Result;
use crate::model::scenario_of;
use crate::model::{ElementId, Map, Scenario, ScenarioId};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

pub use crate::vocabulary::Mark;

impl Mark {
    fn of(kind: ChangeKind) -> Self {
        match kind {
            ChangeKind::Added => Self::Added,
            ChangeKind::Removed => Self::Removed,
            ChangeKind::Changed => Self::Changed,
            ChangeKind::Moved => Self::Moved,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Marked {
    /// The change's id (`element:<id>` / `relation:<id>`), as in the change list.
    pub id: String,
    pub subject: ChangeSubject,
    pub mark: Mark,
}

/// A move between two groups, drawn as a faint arrow from the old group to the new.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MovedArrow {
    pub element: ElementId,
    pub from_group: ElementId,
    pub to_group: ElementId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Overlay {
    /// The union: every element and relation of `to`, plus those only in `from`; positions from
    /// `to`, else from `from`. It carries `to`'s id and name.
    pub scenario: Scenario,
    /// One mark per element (in id order), then per relation (in id order).
    pub marks: Vec<Marked>,
    pub moved: Vec<MovedArrow>,
}

/// The overlay of `from` and `to`. An unknown scenario is an error listing the map's scenarios.
pub fn overlay(map: &Map, from: &ScenarioId, to: &ScenarioId) -> Result<Overlay> {
    let a = scenario_of(map, from)?;
    let b = scenario_of(map, to)?;
    Ok(overlay_of(a, b, &between(a, b)))
}

/// The overlay of two scenarios whose diff is known.
pub(crate) fn overlay_of(a: &Scenario, b: &Scenario, diff: &ScenarioDiff) -> Overlay {
    let mut union = b.clone();
    for (id, e) in &a.elements {
        union
            .elements
            .entry(id.clone())
            .or_insert_with(|| e.clone());
    }
    for (id, r) in &a.relations {
        union
            .relations
            .entry(id.clone())
            .or_insert_with(|| r.clone());
    }
    for (view, points) in &a.positions {
        let here = union.positions.entry(*view).or_default();
        for (id, p) in points {
            here.entry(id.clone()).or_insert(*p);
        }
    }
    let by_id: HashMap<&str, ChangeKind> = diff
        .changes
        .iter()
        .map(|c| (c.id.as_str(), c.kind))
        .collect();
    let mark = |subject: ChangeSubject| {
        let id = subject.change_id();
        let mark = by_id
            .get(id.as_str())
            .map_or(Mark::Unchanged, |k| Mark::of(*k));
        Marked { id, subject, mark }
    };
    let mut marks: Vec<Marked> = union
        .elements
        .keys()
        .map(|id| mark(ChangeSubject::Element { id: id.clone() }))
        .collect();
    marks.extend(
        union
            .relations
            .keys()
            .map(|id| mark(ChangeSubject::Relation { id: id.clone() })),
    );
    let moved = diff
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Moved)
        .filter_map(|c| match (&c.subject, &c.from_group, &c.to_group) {
            (ChangeSubject::Element { id }, Some(f), Some(t)) => Some(MovedArrow {
                element: id.clone(),
                from_group: f.clone(),
                to_group: t.clone(),
            }),
            _ => None,
        })
        .collect();
    Overlay {
        scenario: union,
        marks,
        moved,
    }
}

/// The two scenarios for side-by-side panels that share one layout: `from` takes `to`'s
/// positions for the elements both hold (its own for the rest); `to` is as it is.
pub fn side_by_side(map: &Map, from: &ScenarioId, to: &ScenarioId) -> Result<(Scenario, Scenario)> {
    let a = scenario_of(map, from)?;
    let b = scenario_of(map, to)?;
    let mut left = a.clone();
    for (view, points) in &b.positions {
        let here = left.positions.entry(*view).or_default();
        for (id, p) in points {
            if a.elements.contains_key(id) {
                here.insert(id.clone(), *p);
            }
        }
    }
    Ok((left, b.clone()))
}
