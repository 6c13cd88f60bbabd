//! Whether a new line closes a loop of lines of its own kind — reports-to (nobody their own boss)
//! and derives-from (no rule deriving from itself) — walked from the line's target only.

use super::missing::name_of;
use super::ScenarioIndex;
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{ElementId, Relation, RelationKind, Scenario};
use std::collections::HashSet;

/// Adding or changing `relation` must not make anyone their own (indirect) boss, nor a rule derive
/// from itself; the message names both ends.
pub(super) fn check_no_loop(sc: &Scenario, idx: &ScenarioIndex, relation: &Relation) -> Result<()> {
    type Words = fn(&str, &str) -> String;
    let (kind, words): (ErrorKind, Words) = match relation.kind() {
        RelationKind::ReportsTo => {
            (ErrorKind::ReportsToCycle, |s, t| {
                format!("{s} cannot report to {t}: {t} already reports to {s}, directly or through others.")
            })
        }
        RelationKind::DerivesFrom => (ErrorKind::RuleCycle, |s, t| {
            format!("\"{s}\" cannot derive from \"{t}\": \"{t}\" already derives from \"{s}\", directly or through other rules.")
        }),
        _ => return Ok(()),
    };
    if !closes_a_loop(sc, idx, relation) {
        return Ok(());
    }
    let message = words(name_of(sc, &relation.source), name_of(sc, &relation.target));
    Err(CoreError::new(kind, message)
        .about(&relation.id.0)
        .about(&relation.source.0)
        .about(&relation.target.0))
}

/// Would `relation` close a loop of lines of its own kind? Walks on from its target along those
/// lines looking for its source, ignoring the relation's old self: O(what lies beyond), not the map.
fn closes_a_loop(sc: &Scenario, idx: &ScenarioIndex, relation: &Relation) -> bool {
    let kind = relation.kind();
    if relation.source == relation.target {
        return true;
    }
    let mut seen: HashSet<&ElementId> = HashSet::new();
    let mut stack = vec![&relation.target];
    while let Some(at) = stack.pop() {
        if at == &relation.source {
            return true;
        }
        if !seen.insert(at) {
            continue;
        }
        for rid in idx.incident_to(at) {
            if rid == &relation.id {
                continue;
            }
            let r = &sc.relations[rid];
            if r.kind() == kind && &r.source == at {
                stack.push(&r.target);
            }
        }
    }
    false
}
