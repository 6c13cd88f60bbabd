//! Scenes, the map's saved views: added, changed, reordered and deleted as undoable ops with their
//! own invariants; kept in the `.murm` file, the JSON form and the UI's snapshot; and never left
//! pointing at a deleted element or scenario.

use crate::fixture::*;
use crate::ops::refused;
use murmuration_core::error::ErrorKind;
use murmuration_core::json::{from_json, to_json};
use murmuration_core::model::*;
use murmuration_core::ops::{self, Op};
use murmuration_core::snapshot::MapSnapshot;
use murmuration_core::store::Document;

fn scene(id: &str, title: &str) -> Scene {
    Scene {
        id: id.into(),
        ..Scene::new(title, sc(), View::Network)
    }
}

/// A scene with every field set.
fn full_scene(id: &str) -> Scene {
    Scene {
        id: id.into(),
        title: "The sprint team that crossed them".into(),
        notes: "A strange attractor.\nThe directors reprimanded it.".into(),
        scenario: sc(),
        view: View::OrgChart,
        viewport: Some(Viewport {
            x: -120.5,
            y: 0.1 + 0.2,
            width: 640.0,
            height: 1e-3,
        }),
        lens: Some("brokers".into()),
        filters: SceneFilters {
            hidden_element_kinds: [ElementKind::Partner, ElementKind::Routine].into(),
            hidden_relation_kinds: [RelationKind::ReportsTo].into(),
            hidden_media: [Medium::Funds, Medium::Permission].into(),
            focus: ["sci".into(), "sprint".into(), "teacher".into()].into(),
        },
        time: Some("2021-04".into()),
        compare: None,
        story: Some("The Environmental Sciences Academy".into()),
    }
}

/// The fixture with three scenes: a, b (every field set), c.
fn with_scenes() -> Map {
    let mut map = district();
    map.scenes = vec![scene("a", "First"), full_scene("b"), scene("c", "Third")];
    ops::validate_map(&map).expect("valid");
    map
}

fn order(map: &Map) -> Vec<&str> {
    map.scenes.iter().map(|s| s.id.0.as_str()).collect()
}

#[test]
fn scenes_are_added_updated_moved_and_deleted_and_each_undoes() {
    let mut map = district();
    assert!(map.scenes.is_empty());
    let applied = apply_and_check_undo(
        &mut map,
        &Op::AddScene {
            scene: scene("a", "First"),
            at: None,
        },
    );
    assert_eq!(
        applied.effect,
        Op::AddScene {
            scene: scene("a", "First"),
            at: Some(0)
        },
        "the effect names the place taken"
    );
    apply_and_check_undo(
        &mut map,
        &Op::AddScene {
            scene: full_scene("b"),
            at: Some(99),
        },
    );
    apply_and_check_undo(
        &mut map,
        &Op::AddScene {
            scene: scene("c", "Before all"),
            at: Some(0),
        },
    );
    assert_eq!(order(&map), ["c", "a", "b"]);

    let mut changed = full_scene("b");
    changed.title = "Renamed".into();
    changed.filters.focus.clear();
    changed.viewport = None;
    changed.lens = None;
    changed.scenario = sc();
    apply_and_check_undo(
        &mut map,
        &Op::UpdateScene {
            scene: changed.clone(),
        },
    );
    assert_eq!(map.scenes[2], changed, "updated in place");

    let applied = apply_and_check_undo(
        &mut map,
        &Op::MoveScene {
            id: "c".into(),
            to: 50,
        },
    );
    assert_eq!(order(&map), ["a", "b", "c"]);
    assert_eq!(
        applied.effect,
        Op::MoveScene {
            id: "c".into(),
            to: 2
        }
    );
    assert_eq!(
        applied.inverse,
        Op::MoveScene {
            id: "c".into(),
            to: 0
        }
    );
    apply_and_check_undo(
        &mut map,
        &Op::MoveScene {
            id: "b".into(),
            to: 0,
        },
    );
    assert_eq!(order(&map), ["b", "a", "c"]);

    let applied = apply_and_check_undo(&mut map, &Op::DeleteScene { id: "a".into() });
    assert_eq!(order(&map), ["b", "c"]);
    assert_eq!(
        applied.inverse,
        Op::AddScene {
            scene: scene("a", "First"),
            at: Some(1)
        }
    );
}

#[test]
fn every_scene_invariant_is_refused_with_its_own_error_and_changes_nothing() {
    let map = with_scenes();
    refused(
        &map,
        Op::AddScene {
            scene: scene("a", "Again"),
            at: None,
        },
        ErrorKind::DuplicateId,
    );
    for op in [
        Op::UpdateScene {
            scene: scene("ghost", "Ghost"),
        },
        Op::MoveScene {
            id: "ghost".into(),
            to: 0,
        },
        Op::DeleteScene { id: "ghost".into() },
    ] {
        refused(&map, op, ErrorKind::UnknownScene);
    }
    let mut elsewhere = scene("new", "Elsewhere");
    elsewhere.scenario = ScenarioId::from("nowhere");
    refused(
        &map,
        Op::AddScene {
            scene: elsewhere.clone(),
            at: None,
        },
        ErrorKind::UnknownScenario,
    );
    elsewhere.id = "a".into();
    refused(
        &map,
        Op::UpdateScene { scene: elsewhere },
        ErrorKind::UnknownScenario,
    );
    let rect = |x: f64, y: f64, width: f64, height: f64| Viewport {
        x,
        y,
        width,
        height,
    };
    for viewport in [
        rect(f64::NAN, 0.0, 10.0, 10.0),
        rect(0.0, f64::INFINITY, 10.0, 10.0),
        rect(0.0, 0.0, f64::INFINITY, 10.0),
        rect(0.0, 0.0, 10.0, f64::NAN),
        rect(0.0, 0.0, 0.0, 10.0),
        rect(0.0, 0.0, 10.0, -1.0),
    ] {
        let mut s = scene("new", "Framed");
        s.viewport = Some(viewport);
        refused(
            &map,
            Op::AddScene {
                scene: s.clone(),
                at: None,
            },
            ErrorKind::InvalidViewport,
        );
        s.id = "b".into();
        refused(
            &map,
            Op::UpdateScene { scene: s },
            ErrorKind::InvalidViewport,
        );
    }
    let mut s = scene("new", "Lit");
    s.filters.focus = ["sci".into(), "nobody".into()].into();
    let err = ops::apply(
        &mut map.clone(),
        &sc(),
        &Op::AddScene {
            scene: s.clone(),
            at: None,
        },
    )
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownElement);
    assert_eq!(err.subjects, ["new", "nobody"]);
    refused(
        &map,
        Op::AddScene { scene: s, at: None },
        ErrorKind::UnknownElement,
    );
    for time in ["April 2021", "2021-13", "21"] {
        let mut s = scene("new", "When");
        s.time = Some(time.into());
        refused(
            &map,
            Op::AddScene { scene: s, at: None },
            ErrorKind::InvalidDate,
        );
    }
    // A lens is only an id the analysis may know: any text is kept.
    let mut s = scene("new", "Lens from a later version");
    s.lens = Some("weather".into());
    let mut edited = map.clone();
    ops::apply(&mut edited, &sc(), &Op::AddScene { scene: s, at: None }).expect("kept");
}

#[test]
fn deleting_an_element_takes_it_out_of_every_focus_and_undo_puts_it_back() {
    let mut map = with_scenes();
    // A scene of another scenario that happens to name an element with the same id keeps it.
    let mut copy = Scenario::empty("Copy");
    copy.id = ScenarioId::from("copy");
    ops::apply(
        &mut map,
        &sc(),
        &Op::AddScenario {
            scenario: copy,
            copy_from: Some(sc()),
            at: None,
        },
    )
    .unwrap();
    let mut other = full_scene("other");
    other.scenario = ScenarioId::from("copy");
    ops::apply(
        &mut map,
        &sc(),
        &Op::AddScene {
            scene: other,
            at: None,
        },
    )
    .unwrap();

    let applied = apply_and_check_undo(&mut map, &Op::DeleteElement { id: "sci".into() });
    let focus = |map: &Map, id: &str| -> Vec<String> {
        map.scene(&id.into())
            .unwrap()
            .filters
            .focus
            .iter()
            .map(|e| e.0.clone())
            .collect()
    };
    assert_eq!(focus(&map, "b"), ["sprint", "teacher"]);
    assert_eq!(focus(&map, "other"), ["sci", "sprint", "teacher"]);
    let Op::Batch { ops: steps } = &applied.effect else {
        panic!(
            "a delete with dependents is spelled out: {:?}",
            applied.effect
        )
    };
    assert!(steps
        .iter()
        .any(|op| matches!(op, Op::UpdateScene { scene } if scene.id.0 == "b")));
    // Then the delete itself (with its own cascade: sci has relations).
    assert!(matches!(
        steps.last(),
        Some(Op::Batch { ops }) if matches!(ops.last(), Some(Op::DeleteElement { .. }))
    ));
    // An element no scene brings forward is deleted as before: no scene ops.
    let applied = apply_and_check_undo(&mut map, &Op::DeleteElement { id: "uni".into() });
    assert!(!format!("{:?}", applied.effect).contains("Scene"));
}

#[test]
fn deleting_a_scenario_deletes_its_scenes_and_undo_restores_them_in_place() {
    let mut map = with_scenes();
    let mut to_be = Scenario::empty("To be");
    to_be.id = ScenarioId::from("to-be");
    ops::apply(
        &mut map,
        &sc(),
        &Op::AddScenario {
            scenario: to_be,
            copy_from: Some(sc()),
            at: None,
        },
    )
    .unwrap();
    let mut story = scene("to-be-scene", "Communities as home base");
    story.scenario = ScenarioId::from("to-be");
    ops::apply(
        &mut map,
        &sc(),
        &Op::AddScene {
            scene: story,
            at: Some(1),
        },
    )
    .unwrap();
    assert_eq!(order(&map), ["a", "to-be-scene", "b", "c"]);
    apply_and_check_undo(&mut map, &Op::DeleteScenario { id: sc() });
    assert_eq!(order(&map), ["to-be-scene"]);
    // The last scenario still cannot go, and its scenes stay.
    let mut edited = map.clone();
    let err = ops::apply(
        &mut edited,
        &ScenarioId::from("to-be"),
        &Op::DeleteScenario {
            id: ScenarioId::from("to-be"),
        },
    )
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::LastScenario);
    assert_eq!(edited, map);
}

#[test]
fn a_map_with_broken_scenes_is_refused_whole() {
    let check = |map: Map, kind: ErrorKind| {
        assert_eq!(ops::validate_map(&map).unwrap_err().kind, kind);
        // The writer does not check; the reader does.
        let err = from_json(&to_json(&map)).unwrap_err();
        assert_eq!(err.kind, kind, "{err}");
    };
    let mut map = with_scenes();
    map.scenes.push(scene("a", "Twin"));
    check(map, ErrorKind::DuplicateId);
    let mut map = with_scenes();
    map.scenes[0].scenario = ScenarioId::from("gone");
    check(map, ErrorKind::UnknownScenario);
    let mut map = with_scenes();
    map.scenes[1].filters.focus.insert("gone".into());
    check(map, ErrorKind::UnknownElement);
    let mut map = with_scenes();
    map.scenes[1].viewport = Some(Viewport {
        x: 0.0,
        y: 0.0,
        width: 0.0,
        height: 5.0,
    });
    check(map, ErrorKind::InvalidViewport);
}

#[test]
fn scenes_survive_json_with_the_documented_shape() {
    let map = with_scenes();
    let json = to_json(&map);
    let back = from_json(&json).expect("reads back");
    assert_eq!(back, map);
    assert_eq!(to_json(&back), json, "same text again");
    let b = &back.scenes[1].viewport.unwrap();
    assert_eq!(b.y.to_bits(), (0.1f64 + 0.2).to_bits(), "bit for bit");

    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let b = &value["map"]["scenes"][1];
    assert_eq!(b["id"], "b");
    assert_eq!(b["scenario"], "as-is");
    assert_eq!(b["view"], "org_chart");
    assert_eq!(b["lens"], "brokers");
    assert_eq!(b["time"], "2021-04");
    assert_eq!(b["viewport"]["width"], 640.0);
    assert_eq!(
        b["filters"]["hidden_element_kinds"],
        serde_json::json!(["routine", "partner"])
    );
    assert_eq!(
        b["filters"]["hidden_relation_kinds"],
        serde_json::json!(["reports_to"])
    );
    assert_eq!(
        b["filters"]["hidden_media"],
        serde_json::json!(["funds", "permission"])
    );
    assert_eq!(
        b["filters"]["focus"],
        serde_json::json!(["sci", "sprint", "teacher"])
    );
    let a = &value["map"]["scenes"][0];
    assert_eq!(a["viewport"], serde_json::Value::Null);
    assert_eq!(a["lens"], serde_json::Value::Null);
    assert_eq!(a["notes"], "");
}

#[test]
fn json_from_before_scenes_and_sparse_scenes_read() {
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&district())).unwrap();
    value["map"].as_object_mut().unwrap().remove("scenes");
    let map = from_json(&value.to_string()).expect("a map from before scenes reads");
    assert!(map.scenes.is_empty());
    assert_eq!(map, district());

    // Only the required fields of a scene: id, title, scenario, view.
    value["map"]["scenes"] = serde_json::json!([
        { "id": "s1", "title": "Bare", "scenario": "as-is", "view": "network" }
    ]);
    let map = from_json(&value.to_string()).expect("defaults fill the rest");
    assert_eq!(map.scenes, [scene("s1", "Bare")]);
}

#[test]
fn scenes_persist_and_undo_through_the_file() {
    let dir = crate::store::temp();
    let path = dir.path().join("scenes.murm");
    let mut doc = Document::create(&path, &with_scenes()).unwrap();
    let steps = [
        Op::AddScene {
            scene: scene("d", "Fourth"),
            at: Some(1),
        },
        Op::UpdateScene {
            scene: Scene {
                notes: "Say this slowly.".into(),
                ..full_scene("b")
            },
        },
        Op::MoveScene {
            id: "a".into(),
            to: 3,
        },
        Op::DeleteScene { id: "c".into() },
        Op::DeleteElement {
            id: "teacher".into(),
        },
        Op::AddScenario {
            scenario: Scenario {
                id: ScenarioId::from("to-be"),
                ..Scenario::empty("To be")
            },
            copy_from: Some(sc()),
            at: None,
        },
        Op::AddScene {
            scene: Scene {
                scenario: ScenarioId::from("to-be"),
                filters: SceneFilters {
                    focus: ["sci".into()].into(),
                    ..SceneFilters::default()
                },
                ..full_scene("e")
            },
            at: Some(0),
        },
        Op::DeleteScenario {
            id: ScenarioId::from("to-be"),
        },
    ];
    let mut states = vec![doc.map().clone()];
    for op in &steps {
        doc.apply(&sc(), op).unwrap();
        states.push(doc.map().clone());
    }
    assert_eq!(order(doc.map()), ["d", "b", "a"]);
    drop(doc);

    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.map(), states.last().unwrap(), "every edit on disk");
    for state in states.iter().rev().skip(1) {
        doc.undo().unwrap();
        assert_eq!(doc.map(), state);
    }
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.map(), &states[0], "undone on disk too");
    for state in states.iter().skip(1) {
        doc.redo().unwrap();
        assert_eq!(doc.map(), state);
    }
    drop(doc);
    assert_eq!(Document::open(&path).unwrap().map(), states.last().unwrap());
    assert_eq!(&Document::read(&path).unwrap(), states.last().unwrap());
}

#[test]
fn a_refused_scene_edit_leaves_the_file_as_it_was() {
    let dir = crate::store::temp();
    let path = dir.path().join("refused.murm");
    let mut doc = Document::create(&path, &with_scenes()).unwrap();
    let before = doc.map().clone();
    let err = doc
        .apply(
            &sc(),
            &Op::Batch {
                ops: vec![
                    Op::DeleteScene { id: "a".into() },
                    Op::MoveScene {
                        id: "ghost".into(),
                        to: 0,
                    },
                ],
            },
        )
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownScene);
    assert_eq!(doc.map(), &before);
    drop(doc);
    assert_eq!(Document::open(&path).unwrap().map(), &before);
}

#[test]
fn the_snapshot_lists_every_scene_in_order() {
    let mut map = with_scenes();
    let mut other = Scenario::empty("Other");
    other.id = ScenarioId::from("other");
    map.scenarios.push(other);
    map.scenes[2].scenario = ScenarioId::from("other");
    let snapshot = MapSnapshot::of(&map, &sc(), None, false, false);
    assert_eq!(
        snapshot.scenes, map.scenes,
        "all scenes, whichever scenario"
    );
    let json = serde_json::to_value(&snapshot).unwrap();
    assert_eq!(
        json["scenes"][1]["title"],
        "The sprint team that crossed them"
    );
}
