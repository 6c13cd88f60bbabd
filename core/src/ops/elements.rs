//! The ops on elements of one scenario: create, update, delete (with what goes with it), nest,
//! and move (where elements are drawn).

use super::missing::unknown_element;
use super::validate::{check_kind_change, check_nesting, check_point, validate_element};
use super::{apply_batch, in_scenario, Applied, Index, Op, Placement, ScenarioIndex, Step};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Element, ElementDetails, ElementId, ElementKind, Map, Scenario, ScenarioId, View,
};

pub(super) fn create(
    sc: &mut Scenario,
    idx: &mut ScenarioIndex,
    element: &Element,
) -> Result<Step> {
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
    Step::done(
        Op::CreateElement {
            element: element.clone(),
        },
        Op::DeleteElement {
            id: element.id.clone(),
        },
    )
}

pub(super) fn update(
    sc: &mut Scenario,
    idx: &mut ScenarioIndex,
    element: &Element,
) -> Result<Step> {
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
    Step::done(
        Op::UpdateElement {
            element: element.clone(),
        },
        Op::UpdateElement { element: old },
    )
}

/// Deletes an element and, in the same undoable step, everything that depends on it (see the
/// module header of `ops`).
pub(super) fn delete(
    map: &mut Map,
    index: &mut Index,
    scenario: &ScenarioId,
    id: &ElementId,
) -> Result<Applied> {
    let op = Op::DeleteElement { id: id.clone() };
    // A deleted element leaves the focus of the scenes that showed it. Only scenes in focus cost
    // anything here.
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
        cascade.push(op);
        return apply_batch(map, index, scenario, &cascade);
    }
    in_scenario(map, index, scenario, |sc, idx| {
        let cascade = dependents(sc, idx, id)?;
        if !cascade.is_empty() {
            return Ok(Step::Expand(cascade.into_iter().chain([op]).collect()));
        }
        let element = sc.elements.remove(id).expect("checked by dependents");
        idx.remove_element(&element);
        Step::done(op, Op::CreateElement { element })
    })
}

/// What deleting `id` takes with it inside its scenario, as smaller ops: its children move up to
/// its parent, what names it forgets it, its relations and drawing positions go.
fn dependents(sc: &Scenario, idx: &ScenarioIndex, id: &ElementId) -> Result<Vec<Op>> {
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
    if element.kind() == ElementKind::Rule {
        for relation in super::cascade::forget_claims(sc, id) {
            cascade.push(Op::UpdateRelation { relation });
        }
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
    Ok(cascade)
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
        ElementDetails::Rule { owner, .. } if owner.as_ref() == Some(id) => *owner = None,
        _ => {}
    }
}

pub(super) fn nest(
    sc: &mut Scenario,
    idx: &mut ScenarioIndex,
    child: &ElementId,
    parent: Option<&ElementId>,
) -> Result<Step> {
    let op = Op::Nest {
        child: child.clone(),
        parent: parent.cloned(),
    };
    let element = sc
        .elements
        .get(child)
        .ok_or_else(|| unknown_element(child))?;
    if element.parent.as_ref() == parent {
        return Step::done(op.clone(), op);
    }
    check_nesting(sc, child, parent)?;
    let element = sc.elements.get_mut(child).expect("checked above");
    let old_parent = std::mem::replace(&mut element.parent, parent.cloned());
    idx.set_parent(child, old_parent.as_ref(), parent);
    Step::done(
        op,
        Op::Nest {
            child: child.clone(),
            parent: old_parent,
        },
    )
}

/// Sets (or forgets) where elements are drawn in one view.
pub(super) fn place(sc: &mut Scenario, view: View, positions: &[Placement]) -> Result<Step> {
    for p in positions {
        if !sc.elements.contains_key(&p.element) {
            return Err(unknown_element(&p.element));
        }
        if let Some(point) = p.point {
            check_point(&p.element, point)?;
        }
    }
    let points = sc.positions.entry(view).or_default();
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
        sc.positions.remove(&view);
    }
    old.reverse();
    Step::done(
        Op::Move {
            view,
            positions: positions.to_vec(),
        },
        Op::Move {
            view,
            positions: old,
        },
    )
}
