//! A map's scenarios as the picker edits them: reordered (and undone to the exact order, in memory
//! and in the file), named so that no two can be mistaken for each other, never down to none, and
//! the same rules asked ahead (`ops::check`) without changing anything.

use crate::fixture::*;
use crate::ops::refused;
use murmuration_core::error::ErrorKind;
use murmuration_core::model::*;
use murmuration_core::ops::{self, Op};
use murmuration_core::store::Document;
use proptest::prelude::*;

/// The fixture district with `n - 1` more scenarios, "S1", "S2", … after "As is".
fn with_scenarios(n: usize) -> Map {
    let mut map = district();
    for i in 1..n {
        let mut s = Scenario::empty(format!("S{i}"));
        s.id = ScenarioId::from(format!("s{i}").as_str());
        ops::apply(
            &mut map,
            &sc(),
            &Op::AddScenario {
                scenario: s,
                copy_from: None,
                at: None,
            },
        )
        .expect("added");
    }
    map
}

fn order(map: &Map) -> Vec<String> {
    map.scenarios.iter().map(|s| s.id.0.clone()).collect()
}

fn add(name: &str, id: &str) -> Op {
    let mut s = Scenario::empty(name);
    s.id = ScenarioId::from(id);
    Op::AddScenario {
        scenario: s,
        copy_from: Some(sc()),
        at: None,
    }
}

proptest! {
    #[test]
    fn moving_a_scenario_puts_it_there_and_undo_restores_the_exact_order(
        n in 1usize..6, pick in 0usize..6, to in 0u32..8,
    ) {
        let mut map = with_scenarios(n);
        let before = order(&map);
        let id = map.scenarios[pick % n].id.clone();
        let applied = apply_and_check_undo(&mut map, &Op::MoveScenario { id: id.clone(), to });
        let landed = (to as usize).min(n - 1);
        prop_assert_eq!(&map.scenarios[landed].id, &id);
        let mut rest = order(&map);
        rest.remove(landed);
        let mut expected = before.clone();
        expected.retain(|s| s != &id.0);
        prop_assert_eq!(rest, expected, "the others keep their order");
        ops::apply(&mut map, &sc(), &applied.inverse).unwrap();
        prop_assert_eq!(order(&map), before);
    }
}

#[test]
fn a_scenario_moved_in_the_file_keeps_its_place_after_reopening_and_undo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("moves.murm");
    let mut doc = Document::create(&path, &with_scenarios(3)).expect("create");
    doc.apply(
        &sc(),
        &Op::MoveScenario {
            id: ScenarioId::from("s2"),
            to: 0,
        },
    )
    .expect("moved");
    drop(doc);
    let mut doc = Document::open(&path).expect("reopened");
    assert_eq!(order(doc.map()), ["s2", sc().0.as_str(), "s1"]);
    doc.undo().expect("undone after reopening");
    drop(doc);
    let doc = Document::open(&path).expect("reopened again");
    assert_eq!(order(doc.map()), [sc().0.as_str(), "s1", "s2"]);
}

#[test]
fn a_scenario_name_is_refused_when_another_has_it_whatever_its_case_and_spaces() {
    let mut map = district();
    ops::apply(&mut map, &sc(), &add("To be", "to-be")).unwrap();
    for clash in ["To be", "to BE", "  to be  "] {
        refused(&map, add(clash, "again"), ErrorKind::ScenarioName);
        refused(
            &map,
            Op::RenameScenario {
                id: sc(),
                name: clash.into(),
            },
            ErrorKind::ScenarioName,
        );
    }
    let err = ops::apply(&mut map.clone(), &sc(), &add("TO BE", "again")).unwrap_err();
    assert_eq!(
        err.message,
        "There is already a scenario named \"To be\"; give this one another name."
    );
    assert!(err.subjects.contains(&"to-be".to_owned()));
    refused(&map, add("   ", "blank"), ErrorKind::ScenarioName);
    // A scenario's own name in another case is no clash.
    apply_and_check_undo(
        &mut map,
        &Op::RenameScenario {
            id: ScenarioId::from("to-be"),
            name: "TO BE".into(),
        },
    );
}

#[test]
fn a_map_that_already_has_two_scenarios_of_one_name_can_still_undo_deleting_one() {
    // From before names had to differ (or JSON): the clash it holds is kept, not made anew.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("twins.murm");
    let mut map = with_scenarios(2);
    map.scenarios[1].name = "as is ".into();
    let mut doc = Document::create(&path, &map).expect("create");
    doc.apply(
        &sc(),
        &Op::DeleteScenario {
            id: ScenarioId::from("s1"),
        },
    )
    .expect("deleted");
    doc.undo().expect("undo brings the twin back");
    assert_eq!(doc.map(), &map);
    // A clash with any other name is still refused.
    doc.apply(
        &sc(),
        &Op::RenameScenario {
            id: ScenarioId::from("s1"),
            name: "Flatter".into(),
        },
    )
    .expect("renamed");
    let err = doc.apply(&sc(), &add("flatter", "third")).unwrap_err();
    assert_eq!(err.kind, ErrorKind::ScenarioName);
}

#[test]
fn the_last_scenario_cannot_be_deleted_and_the_message_says_why() {
    let map = district();
    refused(
        &map,
        Op::DeleteScenario { id: sc() },
        ErrorKind::LastScenario,
    );
    let err = ops::apply(&mut map.clone(), &sc(), &Op::DeleteScenario { id: sc() }).unwrap_err();
    assert!(
        err.message.contains("a map keeps at least one scenario"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains(&map.scenarios[0].name),
        "{}",
        err.message
    );
}

#[test]
fn asking_ahead_gives_the_same_answer_as_applying_and_changes_nothing() {
    let mut map = district();
    ops::apply(&mut map, &sc(), &add("To be", "to-be")).unwrap();
    let before = map.clone();
    let asks = [
        add(" to be", "again"),
        add("Flatter", "flatter"),
        Op::RenameScenario {
            id: sc(),
            name: "TO BE ".into(),
        },
        Op::DeleteScenario {
            id: ScenarioId::from("to-be"),
        },
        Op::MoveScenario {
            id: ScenarioId::from("ghost"),
            to: 0,
        },
        Op::DeleteElement { id: "ghost".into() },
        Op::DeleteElement { id: "sci".into() },
    ];
    for op in asks {
        let asked = ops::check(&map, &sc(), &op);
        let applied = ops::apply(&mut map.clone(), &sc(), &ops::normalise(&op));
        assert_eq!(
            asked.as_ref().err(),
            applied.as_ref().err(),
            "{op:?}: asking and applying agree"
        );
        assert_eq!(map, before, "asking changes nothing");
    }
    let mut one = district();
    let err = ops::check(&one, &sc(), &Op::DeleteScenario { id: sc() }).unwrap_err();
    assert_eq!(err.kind, ErrorKind::LastScenario);
    assert!(ops::apply(&mut one, &sc(), &Op::DeleteScenario { id: sc() }).is_err());
}

#[test]
fn an_export_draws_the_scenario_it_is_given_not_the_first() {
    let map = murmuration_core::sample::riverside_unified();
    let (as_is, to_be) = (&map.scenarios[0], &map.scenarios[1]);
    let only_to_be = to_be
        .elements
        .keys()
        .find(|id| !as_is.elements.contains_key(*id))
        .expect("the sample's to be has an element as is has not");
    let dir = tempfile::tempdir().expect("temp dir");
    let options = murmuration_core::jobs::ExportOptions {
        format: "svg".into(),
        view: "network".into(),
        page: "a4".into(),
        ..Default::default()
    };
    let drawn = |scenario: Option<&ScenarioId>, name: &str| {
        let out = dir.path().join(name);
        murmuration_core::jobs::export_map(&map, scenario, &options, &out).expect("exported");
        std::fs::read_to_string(out).expect("read back")
    };
    let marker = format!("data-id=\"{}\"", only_to_be.0);
    assert!(drawn(Some(&to_be.id), "to-be.svg").contains(&marker));
    assert!(!drawn(None, "first.svg").contains(&marker));
}
