//! The policy cascade's invariants (004): "derives from" joins rules and never loops, a rule
//! governs what is not a rule (a step the routine has), a barrier claims a rule, a rule's owner is
//! an office — each refused with its own error naming the rules, the map untouched; deleting a rule
//! leaves its barriers claiming nothing.

use crate::fixture::*;
use crate::ops::refused;
use murmuration_core::error::ErrorKind as K;
use murmuration_core::model::*;
use murmuration_core::ops::{self, Op};

fn rule(id: &str, name: &str, level: RuleLevel, owner: Option<&str>) -> Element {
    let mut e = element(id, name, None, ElementKind::Rule);
    e.details = ElementDetails::Rule {
        level,
        owner: owner.map(ElementId::from),
    };
    e
}

/// A barrier from the academy to Procurement, "forbidden by contract", claiming `rule`.
fn claiming(id: &str, rule: &str) -> Relation {
    let mut barrier = relation(id, "esa", "proc", RelationKind::Barrier);
    barrier.details = RelationDetails::Barrier {
        reason: "Forbidden by contract".into(),
        checked: false,
        claims: Some(rule.into()),
    };
    barrier
}

/// The district with a cascade: board policy ← procedural policy ← practice.
fn cascade() -> Map {
    let mut map = district();
    for e in [
        rule(
            "board",
            "Board purchasing policy",
            RuleLevel::BoardPolicy,
            None,
        ),
        rule(
            "proc-policy",
            "Three quotes over $500",
            RuleLevel::ProceduralPolicy,
            Some("proc"),
        ),
        rule(
            "practice",
            "Every order through the warehouse",
            RuleLevel::ProceduralPractice,
            Some("proc"),
        ),
    ] {
        apply_and_check_undo(&mut map, &Op::CreateElement { element: e });
    }
    for (id, s, t) in [
        ("d1", "proc-policy", "board"),
        ("d2", "practice", "proc-policy"),
    ] {
        let r = relation(id, s, t, RelationKind::DerivesFrom);
        apply_and_check_undo(&mut map, &Op::Connect { relation: r });
    }
    map
}

#[test]
fn a_rule_cannot_derive_from_itself_through_others_and_the_message_names_the_rules() {
    let map = cascade();
    let back = relation("loop", "board", "practice", RelationKind::DerivesFrom);
    let err = ops::apply(
        &mut map.clone(),
        &sc(),
        &Op::Connect {
            relation: back.clone(),
        },
    )
    .unwrap_err();
    assert_eq!(err.kind, K::RuleCycle);
    assert!(
        err.message.contains("Board purchasing policy"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("Every order through the warehouse"),
        "{}",
        err.message
    );
    refused(&map, Op::Connect { relation: back }, K::RuleCycle);
    let itself = relation("self", "board", "board", RelationKind::DerivesFrom);
    refused(&map, Op::Connect { relation: itself }, K::RuleCycle);
}

#[test]
fn a_file_whose_rules_loop_is_refused_naming_a_rule() {
    let mut map = cascade();
    let sc = map.scenarios[0].id.clone();
    let s = map.scenarios.iter_mut().find(|s| s.id == sc).unwrap();
    let back = relation("loop", "board", "practice", RelationKind::DerivesFrom);
    s.relations.insert(back.id.clone(), back);
    let err = ops::validate_scenario(map.scenario(&sc).unwrap()).unwrap_err();
    assert_eq!(err.kind, K::RuleCycle);
    assert!(
        err.message.contains("ends up deriving from itself"),
        "{}",
        err.message
    );
}

#[test]
fn cascade_lines_join_the_kinds_they_are_for() {
    let map = cascade();
    // derives from joins two rules
    refused(
        &map,
        Op::Connect {
            relation: relation("x", "practice", "proc", RelationKind::DerivesFrom),
        },
        K::CascadeEnds,
    );
    // a rule governs what is not a rule
    refused(
        &map,
        Op::Connect {
            relation: relation("x", "practice", "board", RelationKind::Governs),
        },
        K::CascadeEnds,
    );
    refused(
        &map,
        Op::Connect {
            relation: relation("x", "proc", "esa", RelationKind::Governs),
        },
        K::CascadeEnds,
    );
    // a step the routine has: "buy" has two
    let mut step = relation("x", "practice", "buy", RelationKind::Governs);
    step.details = RelationDetails::Governs { step: Some(3) };
    refused(
        &map,
        Op::Connect {
            relation: step.clone(),
        },
        K::CascadeEnds,
    );
    step.details = RelationDetails::Governs { step: Some(2) };
    apply_and_check_undo(&mut map.clone(), &Op::Connect { relation: step });
    // a barrier claims a rule, not an office
    let barrier = claiming("x", "proc");
    refused(&map, Op::Connect { relation: barrier }, K::CascadeEnds);
    // a rule is owned by an office
    refused(
        &map,
        Op::CreateElement {
            element: rule("r", "Habit", RuleLevel::ProceduralPractice, Some("esa")),
        },
        K::RuleOwnerNotOffice,
    );
}

#[test]
fn a_rule_with_cascade_lines_or_claims_keeps_its_kind_and_its_owner_stays_an_office() {
    let mut map = cascade();
    let barrier = claiming("b", "practice");
    apply_and_check_undo(&mut map, &Op::Connect { relation: barrier });
    let mut office = scenario(&map).elements[&ElementId::from("board")].clone();
    office.details = ElementDetails::default_for(ElementKind::Office);
    refused(&map, Op::UpdateElement { element: office }, K::CascadeEnds);
    let mut owner = scenario(&map).elements[&ElementId::from("proc")].clone();
    owner.details = ElementDetails::default_for(ElementKind::Site);
    refused(
        &map,
        Op::UpdateElement { element: owner },
        K::RuleOwnerNotOffice,
    );
}

#[test]
fn deleting_a_rule_leaves_its_barrier_claiming_nothing_and_undo_restores_the_claim() {
    let mut map = cascade();
    let barrier = claiming("b", "practice");
    apply_and_check_undo(
        &mut map,
        &Op::Connect {
            relation: barrier.clone(),
        },
    );
    apply_and_check_undo(
        &mut map,
        &Op::DeleteElement {
            id: "practice".into(),
        },
    );
    let after = &scenario(&map).relations[&RelationId::from("b")];
    assert!(
        matches!(after.details, RelationDetails::Barrier { claims: None, .. }),
        "{after:?}"
    );
    // deleting the owning office leaves its rules unowned
    apply_and_check_undo(&mut map, &Op::DeleteElement { id: "proc".into() });
    let policy = &scenario(&map).elements[&ElementId::from("proc-policy")];
    assert!(matches!(
        policy.details,
        ElementDetails::Rule { owner: None, .. }
    ));
}
