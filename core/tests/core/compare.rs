//! Comparing scenarios: the change list's words and groups, the overlay's marks, adopting changes
//! (and refusing the ones that no longer apply), the lens deltas of the sample's redesign, and the
//! properties that hold for any two scenarios.

use crate::fixture::{district, relation, sc};
use murmuration_core::compare::{self, ChangeGroup, ChangeKind, ChangeSubject, Mark};
use murmuration_core::error::ErrorKind;
use murmuration_core::model::*;
use murmuration_core::ops::{self, Op};
use murmuration_core::sample::{riverside_unified, AS_IS, TO_BE};
use murmuration_core::synthetic::synthetic_map;
use proptest::prelude::*;

fn to_be() -> ScenarioId {
    ScenarioId("to-be".into())
}

/// The fixture district with `sci` named Priya Raman, and "To be" copied from it.
fn with_to_be() -> Map {
    let mut map = district();
    map.scenarios[0]
        .elements
        .get_mut(&ElementId::from("sci"))
        .expect("sci")
        .name = "Priya Raman".into();
    let mut copy = Scenario::empty("To be");
    copy.id = to_be();
    let add = Op::AddScenario {
        scenario: copy,
        copy_from: Some(sc()),
        at: None,
    };
    ops::apply(&mut map, &sc(), &add).expect("copied");
    map
}

fn edit(map: &mut Map, scenario: &ScenarioId, op: Op) {
    ops::apply(map, scenario, &op).unwrap_or_else(|e| panic!("{op:?}: {e}"));
}

/// The journey's two edits: a person moved into a community, a barrier deleted.
fn redesigned() -> Map {
    let mut map = with_to_be();
    edit(
        &mut map,
        &to_be(),
        Op::Nest {
            child: "sci".into(),
            parent: Some("capstone".into()),
        },
    );
    edit(
        &mut map,
        &to_be(),
        Op::DeleteRelation {
            id: "b-sites".into(),
        },
    );
    map
}

#[test]
fn a_move_into_a_community_and_a_deleted_barrier_are_listed_in_their_groups() {
    let map = redesigned();
    let diff = compare::diff(&map, &sc(), &to_be()).expect("diff");
    let said: Vec<(ChangeGroup, ChangeKind, &str)> = diff
        .changes
        .iter()
        .map(|c| (c.group, c.kind, c.words.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (
                ChangeGroup::FlowsAndBarriers,
                ChangeKind::Removed,
                "Barrier from Priya Raman to Environmental Sciences Academy removed"
            ),
            (
                ChangeGroup::Memberships,
                ChangeKind::Moved,
                "Priya Raman moved from Teaching & Learning into Graduate Capstone"
            ),
        ]
    );
    let moved = &diff.changes[1];
    assert_eq!(moved.id, "element:sci");
    assert_eq!(moved.fields, ["parent"]);
    assert_eq!(moved.from_group, Some("tl".into()));
    assert_eq!(moved.to_group, Some("capstone".into()));
    assert_eq!(diff.changes[0].id, "relation:b-sites");
}

#[test]
fn a_scenario_compared_with_itself_has_no_changes() {
    let map = redesigned();
    assert!(compare::diff(&map, &to_be(), &to_be())
        .expect("diff")
        .changes
        .is_empty());
}

#[test]
fn an_unknown_scenario_is_an_error_naming_the_scenarios_there_are() {
    let map = redesigned();
    let e = compare::diff(&map, &sc(), &"Tobe".into()).expect_err("no such scenario");
    assert_eq!(e.kind, ErrorKind::UnknownScenario);
    assert!(
        e.message.contains("\u{201c}As is\u{201d}") && e.message.contains("\u{201c}To be\u{201d}"),
        "{}",
        e.message
    );
}

#[test]
fn the_overlay_holds_both_scenarios_and_marks_each_change() {
    let map = redesigned();
    let overlay = compare::overlay(&map, &sc(), &to_be()).expect("overlay");
    assert!(
        overlay.scenario.relations.contains_key(&"b-sites".into()),
        "the removed barrier is drawn"
    );
    let mark = |id: &str| {
        overlay
            .marks
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.mark)
            .unwrap_or_else(|| panic!("{id} marked"))
    };
    assert_eq!(mark("element:sci"), Mark::Moved);
    assert_eq!(mark("relation:b-sites"), Mark::Removed);
    assert_eq!(mark("element:tl"), Mark::Unchanged);
    assert_eq!(overlay.moved.len(), 1);
    assert_eq!(overlay.moved[0].from_group, ElementId::from("tl"));
    assert_eq!(overlay.moved[0].to_group, ElementId::from("capstone"));
    assert_eq!(
        overlay.marks.len(),
        overlay.scenario.elements.len() + overlay.scenario.relations.len()
    );
}

#[test]
fn side_by_side_panels_share_the_later_scenario_s_layout() {
    let mut map = redesigned();
    edit(
        &mut map,
        &to_be(),
        Op::Move {
            view: View::Network,
            positions: vec![ops::Placement {
                element: "dir".into(),
                point: Some(Point { x: 500.0, y: 70.0 }),
            }],
        },
    );
    let (left, right) = compare::side_by_side(&map, &sc(), &to_be()).expect("panels");
    let at = |s: &Scenario| s.positions[&View::Network][&ElementId::from("dir")];
    assert_eq!(at(&left), Point { x: 500.0, y: 70.0 });
    assert_eq!(at(&left), at(&right));
}

#[test]
fn an_adopted_move_takes_effect_in_the_scenario_adopting_it_and_undoes() {
    let mut map = redesigned();
    let before = map.clone();
    let op =
        compare::adopt(&map, &sc(), &to_be(), &["element:sci".into()], &sc()).expect("adoptable");
    let applied = ops::apply(&mut map, &sc(), &op).expect("applies");
    let as_is = map.scenario(&sc()).expect("as is");
    assert_eq!(
        as_is.elements[&ElementId::from("sci")].parent,
        Some("capstone".into())
    );
    assert!(
        as_is.relations.contains_key(&"b-sites".into()),
        "only the chosen change is adopted"
    );
    assert!(compare::diff(&map, &sc(), &to_be())
        .expect("diff")
        .changes
        .iter()
        .all(|c| c.id != "element:sci"));
    ops::apply(&mut map, &sc(), &applied.inverse).expect("undo");
    assert_eq!(map, before);
}

#[test]
fn changes_that_no_longer_apply_are_listed_with_their_reasons_and_nothing_is_adopted() {
    let mut map = with_to_be();
    // To be: Priya renamed; Linked Learning no longer reports to the superintendent, who now
    // reports to Linked Learning.
    let mut renamed = map.scenario(&to_be()).unwrap().elements[&ElementId::from("sci")].clone();
    renamed.name = "Priya Raman-Ortiz".into();
    edit(&mut map, &to_be(), Op::UpdateElement { element: renamed });
    edit(&mut map, &to_be(), Op::DeleteRelation { id: "r-ll".into() });
    edit(
        &mut map,
        &to_be(),
        Op::Connect {
            relation: relation("r-super", "super", "ll", RelationKind::ReportsTo),
        },
    );
    // A third scenario, drawn from As is, where Priya has left.
    let third = ScenarioId("third".into());
    let mut copy = Scenario::empty("Lean");
    copy.id = third.clone();
    let add = Op::AddScenario {
        scenario: copy,
        copy_from: Some(sc()),
        at: None,
    };
    edit(&mut map, &sc(), add);
    edit(&mut map, &third, Op::DeleteElement { id: "sci".into() });
    let before = map.clone();
    let chosen = ["element:sci".to_owned(), "relation:r-super".to_owned()];
    let e = compare::adopt(&map, &sc(), &to_be(), &chosen, &third).expect_err("refused");
    assert_eq!(e.kind, ErrorKind::ChangeDoesNotApply);
    assert!(e.message.contains("2 changes"), "{}", e.message);
    assert!(
        e.message
            .contains("\u{201c}Priya Raman-Ortiz\u{201d} is not in \u{201c}Lean\u{201d}"),
        "{}",
        e.message
    );
    assert!(
        e.message.contains(
            "Superintendent's Office now reports to Linked Learning: Superintendent's Office cannot report to Linked Learning"
        ),
        "the cycle is said: {}",
        e.message
    );
    assert!(!e.message.contains(".."), "{}", e.message);
    let mut subjects = e.subjects.clone();
    subjects.sort();
    assert_eq!(subjects, chosen);
    assert_eq!(map, before, "nothing was adopted");
}

#[test]
fn the_sample_s_redesign_opens_silos_and_gives_people_a_home_base() {
    let map = riverside_unified();
    let deltas = compare::lens_deltas(&map, &AS_IS.into(), &TO_BE.into());
    let lens = |id: &str| {
        deltas
            .lenses
            .iter()
            .find(|l| l.lens == id)
            .unwrap_or_else(|| panic!("{id} lens"))
    };
    let silos = lens("silos");
    assert!(
        silos
            .rows
            .iter()
            .any(|r| r.subject.is_some() && r.words.contains("is no longer a silo")),
        "a silo verdict changed: {:#?}",
        silos.rows
    );
    let home = &lens("home_base").rows[0];
    assert_eq!(home.figure, "Home-base share");
    assert_ne!(home.before, home.after, "{home:?}");
    assert_eq!(deltas.lenses.len(), 9, "every lens and the leader moves");
    for l in &deltas.lenses {
        assert!(
            l.rows[0].subject.is_none(),
            "{} opens on its headline",
            l.lens
        );
    }
}

/// `b` drawn from `a` by edits chosen by `rolls` (edits the map refuses are skipped).
fn mutated(map: &mut Map, b: &ScenarioId, rolls: &[(u8, u64, u64)]) {
    for (i, &(what, x, y)) in rolls.iter().enumerate() {
        let sc = map.scenario(b).expect("b").clone();
        let ids: Vec<&Element> = sc.elements.values().collect();
        let rels: Vec<&Relation> = sc.relations.values().collect();
        if ids.is_empty() {
            return;
        }
        let pick = |n: u64| ids[(n as usize) % ids.len()];
        let groups: Vec<&Element> = ids
            .iter()
            .copied()
            .filter(|e| e.kind().is_group())
            .collect();
        let group = |n: u64| {
            (!groups.is_empty() && !n.is_multiple_of(4))
                .then(|| groups[(n as usize) % groups.len()].id.clone())
        };
        let op = match what % 8 {
            0 => Op::DeleteElement {
                id: pick(x).id.clone(),
            },
            1 => Op::Nest {
                child: pick(x).id.clone(),
                parent: group(y),
            },
            2 => {
                let mut e = pick(x).clone();
                e.name = format!("{} renamed {i}", e.name);
                e.annotations.notes = "new".into();
                Op::UpdateElement { element: e }
            }
            3 => {
                // A new community or a person, so later edits nest into what was added.
                let kind = if y.is_multiple_of(2) {
                    ElementKind::Community
                } else {
                    ElementKind::Person
                };
                let mut e = crate::fixture::element(&format!("new-{i}"), "Newcomer", None, kind);
                e.parent = group(y / 2);
                Op::CreateElement { element: e }
            }
            4 if !rels.is_empty() => Op::DeleteRelation {
                id: rels[(x as usize) % rels.len()].id.clone(),
            },
            5 => Op::Connect {
                relation: relation(
                    &format!("flow-{i}"),
                    &pick(x).id.0,
                    &pick(y).id.0,
                    RelationKind::Flow,
                ),
            },
            6 if !rels.is_empty() => {
                let mut r = rels[(x as usize) % rels.len()].clone();
                r.annotations.tags.push("changed".into());
                Op::UpdateRelation { relation: r }
            }
            _ => Op::Connect {
                relation: relation(
                    &format!("line-{i}"),
                    &pick(x).id.0,
                    &pick(y).id.0,
                    RelationKind::ReportsTo,
                ),
            },
        };
        let _ = ops::apply(map, b, &op);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The diff of a scenario with itself is empty, and adopting every change of diff(a, b) into
    /// a copy of a gives b.
    #[test]
    fn adopting_every_change_of_a_diff_turns_one_scenario_into_the_other(
        seed in any::<u64>(),
        size in 3usize..40,
        rolls in proptest::collection::vec((any::<u8>(), any::<u64>(), any::<u64>()), 0..25),
    ) {
        let mut map = synthetic_map(size, 2.0, seed);
        let a = map.scenarios[0].id.clone();
        let b = ScenarioId("b".into());
        let mut copy = Scenario::empty("b");
        copy.id = b.clone();
        ops::apply(&mut map, &a, &Op::AddScenario { scenario: copy, copy_from: Some(a.clone()), at: None }).expect("copy");
        mutated(&mut map, &b, &rolls);
        prop_assert!(compare::diff(&map, &a, &a).expect("diff").changes.is_empty());
        prop_assert!(compare::diff(&map, &b, &b).expect("diff").changes.is_empty());

        let all: Vec<String> = compare::diff(&map, &a, &b).expect("diff").changes.into_iter().map(|c| c.id).collect();
        let op = compare::adopt(&map, &a, &b, &all, &a).expect("every change applies to a");
        ops::apply(&mut map, &a, &op).expect("the batch applies");
        let (sa, sb) = (map.scenario(&a).unwrap(), map.scenario(&b).unwrap());
        prop_assert_eq!(&sa.elements, &sb.elements);
        prop_assert_eq!(&sa.relations, &sb.relations);
        prop_assert!(compare::diff(&map, &a, &b).expect("diff").changes.is_empty());
    }
}

#[test]
fn every_change_id_is_a_mark_of_the_overlay() {
    let map = redesigned();
    let diff = compare::diff(&map, &sc(), &to_be()).expect("diff");
    let overlay = compare::overlay(&map, &sc(), &to_be()).expect("overlay");
    for c in &diff.changes {
        let m = overlay.marks.iter().find(|m| m.id == c.id).expect("marked");
        assert_eq!(&m.subject, &c.subject);
        assert_ne!(m.mark, Mark::Unchanged);
    }
    assert!(matches!(
        diff.changes[0].subject,
        ChangeSubject::Relation { .. }
    ));
}

/// WCAG contrast of `#RRGGBB` against white.
fn contrast_on_white(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = u8::from_str_radix(&hex[i..i + 2], 16).expect("hex") as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    1.05 / (l + 0.05)
}

#[test]
fn change_marks_are_told_apart_without_colour_and_stand_out_on_white() {
    use murmuration_core::vocabulary::vocabulary;
    let marks = vocabulary().change_marks;
    assert_eq!(marks.len(), Mark::ALL.len());
    for m in &marks {
        assert!(
            contrast_on_white(m.colour) >= 3.0,
            "{:?}: {} has contrast {:.2}",
            m.mark,
            m.colour,
            contrast_on_white(m.colour)
        );
    }
    let changes: Vec<_> = marks.iter().filter(|m| m.mark != Mark::Unchanged).collect();
    for (i, m) in changes.iter().enumerate() {
        assert!(!m.badge.is_empty(), "{:?} has a badge", m.mark);
        for n in &changes[i + 1..] {
            assert_ne!(m.badge, n.badge);
            assert_ne!(m.pattern, n.pattern, "{:?} and {:?}", m.mark, n.mark);
        }
    }
    assert!(marks.iter().any(|m| m.mark == Mark::Unchanged && m.faded));
}
