//! Adopting changes: some changes of `diff(from, to)` applied to a third scenario (often `from`
//! itself, "adopt these three moves into As is") as one batch, so they are one undoable edit.
//!
//! A changed element or relation takes only the attributes that differ between `from` and `to`;
//! what `into` has changed on its own stays. Every change is tried, in an order that lets a
//! complete set apply (relations removed first, elements added or changed parents first, then
//! relations added or changed, elements removed last), on a copy of the map; if any no longer
//! applies, the error lists each refused change with its reason and nothing is applied.

use super::diff::{between, differing_fields, Change, ChangeKind, ChangeSubject};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::scenario_of;
use crate::model::{Element, ElementDetails, ElementId, Map, Relation, Scenario, ScenarioId};
use crate::ops::{apply_indexed, Index, Op, Placement};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The one `Op::Batch` that applies the changes `change_ids` of `diff(from, to)` to scenario
/// `into`. If any of them no longer applies (its element is gone, it would make a cycle, …), an
/// error of kind `ChangeDoesNotApply` lists each with its reason, its subjects name them, and
/// nothing is applied.
pub fn adopt(
    map: &Map,
    from: &ScenarioId,
    to: &ScenarioId,
    change_ids: &[String],
    into: &ScenarioId,
) -> Result<Op> {
    let a = scenario_of(map, from)?;
    let b = scenario_of(map, to)?;
    let into_name = scenario_of(map, into)?.name.clone();
    let diff = between(a, b);
    let by_id: HashMap<&str, &Change> = diff.changes.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut refused: Vec<(String, String)> = Vec::new();
    let mut chosen: Vec<&Change> = Vec::new();
    for id in change_ids {
        match by_id.get(id.as_str()) {
            Some(c) if !chosen.iter().any(|x| x.id == c.id) => chosen.push(c),
            Some(_) => {}
            None => refused.push((
                id.clone(),
                format!(
                    "{id}: this is not a change from \u{201c}{}\u{201d} to \u{201c}{}\u{201d}",
                    a.name, b.name
                ),
            )),
        }
    }
    let mut trial = map.clone();
    let mut index = Index::build(&trial);
    let mut ops = Vec::new();
    for change in in_order(b, chosen) {
        let sc = scenario_of(&trial, into)?;
        let tried = step(change, a, b, sc, &into_name).and_then(|op| {
            apply_indexed(&mut trial, &mut index, into, &op)?;
            Ok(op)
        });
        match tried {
            Ok(op) => ops.push(op),
            Err(e) => refused.push((
                change.id.clone(),
                format!("{}: {}", change.words, e.message),
            )),
        }
    }
    if refused.is_empty() {
        return Ok(Op::Batch { ops });
    }
    let reasons: Vec<&str> = refused
        .iter()
        .map(|(_, r)| r.trim_end_matches('.'))
        .collect();
    let mut error = CoreError::new(
        ErrorKind::ChangeDoesNotApply,
        format!(
            "Nothing was adopted into \u{201c}{into_name}\u{201d}: {} no longer {}. {}.",
            if refused.len() == 1 {
                "1 change".to_owned()
            } else {
                format!("{} changes", refused.len())
            },
            if refused.len() == 1 {
                "applies"
            } else {
                "apply"
            },
            reasons.join(". ")
        ),
    );
    for (id, _) in refused {
        error = error.about(id);
    }
    Err(error)
}

/// The order in which a complete set of changes applies: relations removed; elements added,
/// changed or moved, each after the elements it names (its group, position, home base, step
/// owners) that are added or changed too; relations added or changed; elements removed.
fn in_order<'c>(b: &Scenario, chosen: Vec<&'c Change>) -> Vec<&'c Change> {
    let is_element = |c: &Change| matches!(c.subject, ChangeSubject::Element { .. });
    let removed = |c: &Change| c.kind == ChangeKind::Removed;
    let mut out: Vec<&Change> = chosen
        .iter()
        .copied()
        .filter(|c| !is_element(c) && removed(c))
        .collect();
    let elements: Vec<&Change> = chosen
        .iter()
        .copied()
        .filter(|c| is_element(c) && !removed(c))
        .collect();
    out.extend(named_first(b, elements));
    out.extend(
        chosen
            .iter()
            .copied()
            .filter(|c| !is_element(c) && !removed(c)),
    );
    out.extend(
        chosen
            .iter()
            .copied()
            .filter(|c| is_element(c) && removed(c)),
    );
    out
}

/// Element changes ordered so each comes after the changes of the elements it names in `b`.
fn named_first<'c>(b: &Scenario, changes: Vec<&'c Change>) -> Vec<&'c Change> {
    let by_element: BTreeMap<ElementId, &Change> = changes
        .iter()
        .filter_map(|c| match &c.subject {
            ChangeSubject::Element { id } => Some((id.clone(), *c)),
            ChangeSubject::Relation { .. } => None,
        })
        .collect();
    let mut out = Vec::with_capacity(changes.len());
    let mut seen: HashSet<ElementId> = HashSet::new();
    // Depth-first, iteratively (a deep nesting must not exhaust the stack).
    for root in by_element.keys() {
        let mut stack: Vec<(ElementId, bool)> = vec![(root.clone(), false)];
        while let Some((id, children_done)) = stack.pop() {
            if children_done {
                out.push(by_element[&id]);
                continue;
            }
            if !seen.insert(id.clone()) {
                continue;
            }
            stack.push((id.clone(), true));
            for named in b.elements.get(&id).map(names).unwrap_or_default() {
                if by_element.contains_key(&named) && !seen.contains(&named) {
                    stack.push((named, false));
                }
            }
        }
    }
    out
}

/// The elements an element names: its group, a person's position and home base, a routine's
/// step owners.
fn names(e: &Element) -> Vec<ElementId> {
    let mut out: Vec<ElementId> = e.parent.iter().cloned().collect();
    match &e.details {
        ElementDetails::Person {
            position,
            home_base,
            ..
        } => out.extend(position.iter().chain(home_base.iter()).cloned()),
        ElementDetails::Routine { steps, .. } => {
            out.extend(steps.iter().filter_map(|s| s.owner.clone()))
        }
        _ => {}
    }
    out
}

/// The op that makes one change in `sc` (the scenario adopting it, as it is now), or why not.
fn step(change: &Change, a: &Scenario, b: &Scenario, sc: &Scenario, into: &str) -> Result<Op> {
    let refuse = |why: String| CoreError::new(ErrorKind::ChangeDoesNotApply, why);
    let missing = |what: &str| refuse(format!("{what} is not in \u{201c}{into}\u{201d}"));
    let present = |id: &ElementId| sc.elements.contains_key(id);
    let name_of = |id: &ElementId| {
        let e = b.elements.get(id).or_else(|| a.elements.get(id));
        format!(
            "\u{201c}{}\u{201d}",
            e.map_or(id.0.as_str(), |e| e.name.as_str())
        )
    };
    match (&change.subject, change.kind) {
        (ChangeSubject::Element { id }, ChangeKind::Removed) => {
            if !present(id) {
                return Err(missing(&name_of(id)));
            }
            Ok(Op::DeleteElement { id: id.clone() })
        }
        (ChangeSubject::Element { id }, ChangeKind::Added) => {
            let e = &b.elements[id];
            if present(id) {
                return Err(refuse(format!(
                    "{} is already in \u{201c}{into}\u{201d}",
                    name_of(id)
                )));
            }
            if let Some(gone) = names(e).into_iter().find(|n| !present(n)) {
                return Err(missing(&name_of(&gone)));
            }
            let mut ops = vec![Op::CreateElement { element: e.clone() }];
            for (view, points) in &b.positions {
                if let Some(p) = points.get(id) {
                    ops.push(Op::Move {
                        view: *view,
                        positions: vec![Placement {
                            element: id.clone(),
                            point: Some(*p),
                        }],
                    });
                }
            }
            Ok(Op::Batch { ops })
        }
        (ChangeSubject::Element { id }, _) => {
            let Some(now) = sc.elements.get(id) else {
                return Err(missing(&name_of(id)));
            };
            let merged: Element = merged(now, &a.elements[id], &b.elements[id]);
            if let Some(gone) = names(&merged).into_iter().find(|n| !present(n)) {
                return Err(missing(&name_of(&gone)));
            }
            Ok(Op::UpdateElement { element: merged })
        }
        (ChangeSubject::Relation { id }, ChangeKind::Removed) => {
            if !sc.relations.contains_key(id) {
                return Err(missing("the relation"));
            }
            Ok(Op::DeleteRelation { id: id.clone() })
        }
        (ChangeSubject::Relation { id }, kind) => {
            let r = &b.relations[id];
            let relation: Relation = match (kind, sc.relations.get(id)) {
                (ChangeKind::Added, None) => r.clone(),
                (ChangeKind::Added, Some(_)) => {
                    return Err(refuse(format!("it is already in \u{201c}{into}\u{201d}")))
                }
                (_, Some(now)) => merged(now, &a.relations[id], r),
                (_, None) => return Err(missing("the relation")),
            };
            if let Some(gone) = [&relation.source, &relation.target]
                .into_iter()
                .find(|n| !present(n))
            {
                return Err(missing(&name_of(gone)));
            }
            Ok(match kind {
                ChangeKind::Added => Op::Connect { relation },
                _ => Op::UpdateRelation { relation },
            })
        }
    }
}

/// `now` with the attributes that differ from `before` to `after` taken from `after`. A change of
/// kind takes `after` whole (its attributes belong to the kind).
fn merged<T: Serialize + DeserializeOwned + Clone>(now: &T, before: &T, after: &T) -> T {
    let fields = differing_fields(before, after);
    if fields.iter().any(|f| f == "kind") {
        return after.clone();
    }
    let (Ok(serde_json::Value::Object(mut out)), Ok(serde_json::Value::Object(theirs))) =
        (serde_json::to_value(now), serde_json::to_value(after))
    else {
        return after.clone();
    };
    for f in fields {
        match theirs.get(&f) {
            Some(v) => out.insert(f, v.clone()),
            None => out.remove(&f),
        };
    }
    serde_json::from_value(serde_json::Value::Object(out)).unwrap_or_else(|_| after.clone())
}
