//! Whether a new line closes a loop of lines of its own kind — reports-to (nobody their own boss)
//! and derives-from (no rule deriving from itself) — walked from the line's target only.

use super::ScenarioIndex;
use crate::model::{ElementId, Relation, Scenario};
use std::collections::HashSet;

/// Would `relation` close a loop of lines of its own kind? Walks on from its target along those
/// lines looking for its source, ignoring the relation's old self: O(what lies beyond), not the map.
pub(super) fn closes_a_loop(sc: &Scenario, idx: &ScenarioIndex, relation: &Relation) -> bool {
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
