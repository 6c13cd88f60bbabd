//! The ops on relations of one scenario: connect, update, delete.

use super::loops::check_no_loop;
use super::missing::unknown_relation;
use super::validate::validate_relation;
use super::{Op, ScenarioIndex, Step};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{Relation, RelationId, Scenario};

pub(super) fn connect(
    sc: &mut Scenario,
    idx: &mut ScenarioIndex,
    relation: &Relation,
) -> Result<Step> {
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
    check_no_loop(sc, idx, relation)?;
    idx.add_relation(relation);
    sc.relations.insert(relation.id.clone(), relation.clone());
    Step::done(
        Op::Connect {
            relation: relation.clone(),
        },
        Op::DeleteRelation {
            id: relation.id.clone(),
        },
    )
}

pub(super) fn update(
    sc: &mut Scenario,
    idx: &mut ScenarioIndex,
    relation: &Relation,
) -> Result<Step> {
    if !sc.relations.contains_key(&relation.id) {
        return Err(unknown_relation(&relation.id));
    }
    validate_relation(sc, relation)?;
    check_no_loop(sc, idx, relation)?;
    let old = sc
        .relations
        .insert(relation.id.clone(), relation.clone())
        .expect("checked above");
    idx.remove_relation(&old);
    idx.add_relation(relation);
    Step::done(
        Op::UpdateRelation {
            relation: relation.clone(),
        },
        Op::UpdateRelation { relation: old },
    )
}

pub(super) fn delete(sc: &mut Scenario, idx: &mut ScenarioIndex, id: &RelationId) -> Result<Step> {
    let relation = sc
        .relations
        .remove(id)
        .ok_or_else(|| unknown_relation(id))?;
    idx.remove_relation(&relation);
    Step::done(
        Op::DeleteRelation { id: id.clone() },
        Op::Connect { relation },
    )
}
