//! Operations: every kind created, changed and deleted; every invariant refused with its own
//! error and the map untouched; undo and redo of every op, including random sequences.

use crate::fixture::*;
use murmuration_core::error::ErrorKind;
use murmuration_core::model::*;
use murmuration_core::ops::{self, date_bounds, Op, Placement};
use proptest::prelude::*;

#[test]
fn every_element_kind_is_created_updated_and_deleted() {
    for kind in ElementKind::ALL {
        let mut map = district();
        let mut e = element("new", "New one", Some("super"), kind);
        e.annotations.span = Span {
            from: Some("2021".into()),
            until: Some("2024-06".into()),
        };
        if let ElementDetails::SprintTeam { status, .. } = &mut e.details {
            *status = SprintStatus::Dissolved;
        }
        e.annotations.tags = vec!["innovation".into()];
        apply_and_check_undo(&mut map, &Op::CreateElement { element: e.clone() });
        assert_eq!(scenario(&map).elements[&e.id], e);

        e.name = "Renamed".into();
        e.annotations.notes = "Street data: the teachers asked for this.".into();
        apply_and_check_undo(&mut map, &Op::UpdateElement { element: e.clone() });
        assert_eq!(scenario(&map).elements[&e.id].name, "Renamed");

        apply_and_check_undo(&mut map, &Op::DeleteElement { id: e.id.clone() });
        assert!(!scenario(&map).elements.contains_key(&e.id));
    }
}

#[test]
fn every_relation_kind_is_connected_updated_and_deleted() {
    for kind in RelationKind::ALL {
        let mut map = district();
        let (source, target) = match kind {
            RelationKind::DerivesFrom => ("practice", "policy"),
            RelationKind::Governs => ("practice", "proc"),
            _ => ("teacher", "capstone"),
        };
        for (id, name) in [
            ("policy", "Purchasing policy"),
            ("practice", "Three quotes"),
        ] {
            let rule = element(id, name, None, ElementKind::Rule);
            apply_and_check_undo(&mut map, &Op::CreateElement { element: rule });
        }
        let mut r = relation("new", source, target, kind);
        apply_and_check_undo(
            &mut map,
            &Op::Connect {
                relation: r.clone(),
            },
        );
        assert_eq!(scenario(&map).relations[&r.id], r);

        r.annotations.span.from = Some("2020-09-01".into());
        if let RelationDetails::Flow { volume, .. } = &mut r.details {
            *volume = 5;
        }
        apply_and_check_undo(
            &mut map,
            &Op::UpdateRelation {
                relation: r.clone(),
            },
        );
        assert_eq!(scenario(&map).relations[&r.id], r);

        apply_and_check_undo(&mut map, &Op::DeleteRelation { id: r.id.clone() });
        assert!(!scenario(&map).relations.contains_key(&r.id));
    }
}

#[test]
fn moves_nests_and_kind_changes_undo() {
    let mut map = district();
    let move_op = Op::Move {
        view: View::Network,
        positions: vec![
            Placement {
                element: "dir".into(),
                point: Some(Point { x: 1.5, y: -2.0 }),
            },
            Placement {
                element: "uni".into(),
                point: Some(Point { x: 7.0, y: 8.0 }),
            },
            Placement {
                element: "sci".into(),
                point: None,
            },
            Placement {
                element: "uni".into(),
                point: Some(Point { x: 9.0, y: 9.0 }),
            },
        ],
    };
    apply_and_check_undo(&mut map, &move_op);
    let net = &scenario(&map).positions[&View::Network];
    assert_eq!(net[&ElementId::from("uni")], Point { x: 9.0, y: 9.0 });
    assert!(!net.contains_key(&ElementId::from("sci")));

    apply_and_check_undo(
        &mut map,
        &Op::Nest {
            child: "tl".into(),
            parent: Some("ll".into()),
        },
    );
    apply_and_check_undo(
        &mut map,
        &Op::Nest {
            child: "tl".into(),
            parent: None,
        },
    );
    // A sprint team that transforms into a community keeps its members.
    let mut sprint = scenario(&map).elements[&ElementId::from("sprint")].clone();
    sprint.details = ElementDetails::default_for(ElementKind::Community);
    apply_and_check_undo(&mut map, &Op::UpdateElement { element: sprint });
}

#[test]
fn deleting_a_group_reparents_children_and_clears_what_named_it() {
    let mut map = district();
    let applied = apply_and_check_undo(&mut map, &Op::DeleteElement { id: "ll".into() });
    let sc = scenario(&map);
    // `dir` was inside Linked Learning, which sat inside the Superintendent's Office.
    let dir = &sc.elements[&ElementId::from("dir")];
    assert_eq!(dir.parent, Some("super".into()));
    let ElementDetails::Person {
        position,
        home_base,
        ..
    } = &dir.details
    else {
        panic!()
    };
    assert_eq!(position, &None, "the office that held the position is gone");
    assert_eq!(home_base, &Some("capstone".into()));
    assert!(!sc.relations.contains_key(&RelationId::from("r-ll")));
    assert!(!sc.relations.contains_key(&RelationId::from("r-dir")));
    assert!(sc.relations.contains_key(&RelationId::from("m-dir")));
    // The effect spells the cascade out for a UI store.
    let Op::Batch { ops } = &applied.effect else {
        panic!("a cascade is a batch")
    };
    assert!(matches!(ops.last(), Some(Op::DeleteElement { .. })));

    // A routine step owner is cleared; a person's position in a deleted office too.
    let mut map = district();
    apply_and_check_undo(&mut map, &Op::DeleteElement { id: "proc".into() });
    let ElementDetails::Routine { steps, .. } =
        &scenario(&map).elements[&ElementId::from("buy")].details
    else {
        panic!()
    };
    assert_eq!(steps[1].owner, None);
    assert_eq!(steps[0].owner, Some("esa".into()));

    // A drawn element forgets its positions in every view.
    let mut map = district();
    apply_and_check_undo(&mut map, &Op::DeleteElement { id: "dir".into() });
    assert!(scenario(&map)
        .positions
        .values()
        .all(|p| !p.contains_key(&ElementId::from("dir"))));
}

pub fn refused(map: &Map, op: Op, kind: ErrorKind) {
    let mut edited = map.clone();
    let err = ops::apply(&mut edited, &sc(), &op).expect_err(&format!("{op:?} must be refused"));
    assert_eq!(err.kind, kind, "{op:?}: {err}");
    assert!(!err.message.is_empty());
    assert_eq!(&edited, map, "a refused op changes nothing: {op:?}");
    // Wrapped in a batch after a valid step, the whole batch is refused and rolled back.
    let batch = Op::Batch {
        ops: vec![
            Op::CreateElement {
                element: element("ok-first", "Fine", None, ElementKind::Partner),
            },
            Op::SetTitle {
                title: "Changed".into(),
            },
            op,
        ],
    };
    let err = ops::apply(&mut edited, &sc(), &batch).expect_err("batch refused");
    assert_eq!(err.kind, kind);
    assert_eq!(&edited, map, "a refused batch changes nothing");
}

#[test]
fn every_invariant_is_refused_with_its_own_error_and_changes_nothing() {
    let map = district();
    let e = |id: &str, parent: Option<&str>, kind| element(id, id, parent, kind);
    use ElementKind::*;
    use ErrorKind as K;
    refused(
        &map,
        Op::CreateElement {
            element: e("tl", None, Office),
        },
        K::DuplicateId,
    );
    refused(
        &map,
        Op::Connect {
            relation: relation("r-tl", "sci", "tl", RelationKind::Flow),
        },
        K::DuplicateId,
    );
    refused(
        &map,
        Op::UpdateElement {
            element: e("ghost", None, Office),
        },
        K::UnknownElement,
    );
    refused(
        &map,
        Op::DeleteElement { id: "ghost".into() },
        K::UnknownElement,
    );
    refused(
        &map,
        Op::DeleteRelation { id: "ghost".into() },
        K::UnknownRelation,
    );
    refused(
        &map,
        Op::UpdateRelation {
            relation: relation("ghost", "sci", "tl", RelationKind::Flow),
        },
        K::UnknownRelation,
    );
    refused(
        &map,
        Op::Connect {
            relation: relation("x", "sci", "ghost", RelationKind::Flow),
        },
        K::DanglingRelation,
    );
    refused(
        &map,
        Op::Connect {
            relation: relation("x", "ghost", "sci", RelationKind::MemberOf),
        },
        K::DanglingRelation,
    );
    refused(
        &map,
        Op::UpdateRelation {
            relation: relation("f-uni", "uni", "ghost", RelationKind::Flow),
        },
        K::DanglingRelation,
    );
    // super ← ll ← dir: super reporting to dir closes the circle.
    refused(
        &map,
        Op::Connect {
            relation: relation("x", "super", "dir", RelationKind::ReportsTo),
        },
        K::ReportsToCycle,
    );
    refused(
        &map,
        Op::Connect {
            relation: relation("x", "sci", "sci", RelationKind::ReportsTo),
        },
        K::ReportsToCycle,
    );
    refused(
        &map,
        Op::UpdateRelation {
            relation: relation("f-ideas", "ll", "dir", RelationKind::ReportsTo),
        },
        K::ReportsToCycle,
    );
    refused(
        &map,
        Op::Nest {
            child: "super".into(),
            parent: Some("ll".into()),
        },
        K::NestingCycle,
    );
    refused(
        &map,
        Op::Nest {
            child: "ll".into(),
            parent: Some("ll".into()),
        },
        K::NestingCycle,
    );
    refused(
        &map,
        Op::UpdateElement {
            element: e("super", Some("tl"), Office),
        },
        K::NestingCycle,
    );
    refused(
        &map,
        Op::Nest {
            child: "sci".into(),
            parent: Some("dir".into()),
        },
        K::ParentNotGroup,
    );
    refused(
        &map,
        Op::Nest {
            child: "sci".into(),
            parent: Some("buy".into()),
        },
        K::ParentNotGroup,
    );
    refused(
        &map,
        Op::CreateElement {
            element: e("x", Some("uni"), Person),
        },
        K::ParentNotGroup,
    );
    // An office with people inside cannot become a partner.
    refused(
        &map,
        Op::UpdateElement {
            element: e("esa", None, Partner),
        },
        K::ParentNotGroup,
    );
    refused(
        &map,
        Op::Nest {
            child: "sci".into(),
            parent: Some("ghost".into()),
        },
        K::UnknownElement,
    );

    let mut dated = e("x", None, SprintTeam);
    dated.annotations.span = Span {
        from: Some("2022".into()),
        until: Some("2021-12-31".into()),
    };
    refused(
        &map,
        Op::CreateElement {
            element: dated.clone(),
        },
        K::SpanOrder,
    );
    dated.annotations.span = Span {
        from: Some("spring 2021".into()),
        until: None,
    };
    refused(&map, Op::CreateElement { element: dated }, K::InvalidDate);
    let mut r = relation("x", "sci", "tl", RelationKind::Barrier);
    r.annotations.span = Span {
        from: Some("2021-03".into()),
        until: Some("2021-02".into()),
    };
    refused(&map, Op::Connect { relation: r }, K::SpanOrder);

    for volume in [0u8, 6, 255] {
        let mut f = relation("x", "sci", "tl", RelationKind::Flow);
        if let RelationDetails::Flow { volume: v, .. } = &mut f.details {
            *v = volume;
        }
        refused(&map, Op::Connect { relation: f }, K::FlowVolume);
    }

    refused(
        &map,
        Op::CreateElement {
            element: person("x", None, Some("capstone"), None),
        },
        K::PositionNotOffice,
    );
    refused(
        &map,
        Op::CreateElement {
            element: person("x", None, None, Some("ll")),
        },
        K::HomeBaseNotCommunity,
    );
    refused(
        &map,
        Op::CreateElement {
            element: person("x", None, Some("ghost"), None),
        },
        K::UnknownElement,
    );
    // Capstone is dir's home base, so it must stay a community; ll holds dir's position.
    refused(
        &map,
        Op::UpdateElement {
            element: e("capstone", None, SprintTeam),
        },
        K::HomeBaseNotCommunity,
    );
    let mut ll = scenario(&map).elements[&ElementId::from("ll")].clone();
    ll.details = ElementDetails::default_for(Site);
    refused(
        &map,
        Op::UpdateElement { element: ll },
        K::PositionNotOffice,
    );
    let mut routine = e("x", None, Routine);
    routine.details = ElementDetails::Routine {
        steps: vec![RoutineStep {
            name: "Sign".into(),
            owner: Some("ghost".into()),
            days: None,
        }],
        cycle_time_days: None,
    };
    refused(
        &map,
        Op::CreateElement { element: routine },
        K::UnknownElement,
    );

    let nan = Placement {
        element: "sci".into(),
        point: Some(Point {
            x: f64::NAN,
            y: 0.0,
        }),
    };
    refused(
        &map,
        Op::Move {
            view: View::Network,
            positions: vec![nan],
        },
        K::InvalidPoint,
    );
    let inf = Placement {
        element: "dir".into(),
        point: Some(Point {
            x: 0.0,
            y: f64::INFINITY,
        }),
    };
    refused(
        &map,
        Op::Move {
            view: View::OrgChart,
            positions: vec![inf],
        },
        K::InvalidPoint,
    );
    let ghost = Placement {
        element: "ghost".into(),
        point: Some(Point { x: 0.0, y: 0.0 }),
    };
    refused(
        &map,
        Op::Move {
            view: View::Network,
            positions: vec![ghost],
        },
        K::UnknownElement,
    );

    refused(&map, Op::DeleteScenario { id: sc() }, K::LastScenario);
    refused(
        &map,
        Op::DeleteScenario {
            id: ScenarioId("ghost".into()),
        },
        K::UnknownScenario,
    );
    refused(
        &map,
        Op::RenameScenario {
            id: ScenarioId("ghost".into()),
            name: "x".into(),
        },
        K::UnknownScenario,
    );
    let mut dup = Scenario::empty("Copy");
    dup.id = sc();
    refused(
        &map,
        Op::AddScenario {
            scenario: dup,
            copy_from: None,
            at: None,
        },
        K::DuplicateId,
    );
    let mut bad = Scenario::empty("Bad");
    bad.relations
        .insert("r".into(), relation("r", "a", "b", RelationKind::Flow));
    refused(
        &map,
        Op::AddScenario {
            scenario: bad,
            copy_from: None,
            at: None,
        },
        K::DanglingRelation,
    );
    refused(
        &map,
        Op::AddScenario {
            scenario: Scenario::empty("C"),
            copy_from: Some(ScenarioId("ghost".into())),
            at: None,
        },
        K::UnknownScenario,
    );

    let mut other = map.clone();
    let err = ops::apply(
        &mut other,
        &ScenarioId("ghost".into()),
        &Op::DeleteRelation { id: "r-tl".into() },
    )
    .unwrap_err();
    assert_eq!(err.kind, K::UnknownScenario);
    assert_eq!(other, map);
}

#[test]
fn scenarios_and_title_undo() {
    let mut map = district();
    apply_and_check_undo(
        &mut map,
        &Op::SetTitle {
            title: "Riverside Unified".into(),
        },
    );
    let mut to_be = Scenario::empty("To be");
    to_be.id = ScenarioId("to-be".into());
    apply_and_check_undo(
        &mut map,
        &Op::AddScenario {
            scenario: to_be.clone(),
            copy_from: Some(sc()),
            at: Some(0),
        },
    );
    assert_eq!(map.scenarios[0].id, to_be.id);
    assert_eq!(map.scenarios[0].elements, map.scenarios[1].elements);
    apply_and_check_undo(
        &mut map,
        &Op::RenameScenario {
            id: to_be.id.clone(),
            name: "To be: home bases".into(),
        },
    );
    apply_and_check_undo(&mut map, &Op::DeleteScenario { id: sc() });
    assert_eq!(map.scenarios.len(), 1);
    let mut empty = Scenario::empty("Blank");
    empty.id = ScenarioId("blank".into());
    apply_and_check_undo(
        &mut map,
        &Op::AddScenario {
            scenario: empty,
            copy_from: None,
            at: None,
        },
    );
    assert_eq!(map.scenarios.last().map(|s| s.name.as_str()), Some("Blank"));
}

#[test]
fn batches_apply_in_order_and_undo_whole() {
    let mut map = district();
    let batch = Op::Batch {
        ops: vec![
            Op::CreateElement {
                element: element("hub", "Hub", None, ElementKind::Community),
            },
            Op::Nest {
                child: "teacher".into(),
                parent: Some("hub".into()),
            },
            Op::Connect {
                relation: relation("m", "sci", "hub", RelationKind::MemberOf),
            },
            Op::Batch {
                ops: vec![
                    Op::DeleteElement { id: "esa".into() },
                    Op::SetTitle { title: "T".into() },
                ],
            },
            Op::Move {
                view: View::Network,
                positions: vec![Placement {
                    element: "hub".into(),
                    point: Some(Point { x: 1.0, y: 1.0 }),
                }],
            },
        ],
    };
    apply_and_check_undo(&mut map, &batch);
    assert_eq!(
        scenario(&map).elements[&ElementId::from("teacher")].parent,
        Some("hub".into())
    );
    apply_and_check_undo(&mut map, &Op::Batch { ops: vec![] });
}

#[test]
fn dates_name_their_first_and_last_day() {
    assert_eq!(date_bounds("2021"), Some((20210101, 20211231)));
    assert_eq!(date_bounds("2024-02"), Some((20240201, 20240229)));
    assert_eq!(date_bounds("2023-02"), Some((20230201, 20230228)));
    assert_eq!(date_bounds("1900-02-29"), None);
    assert_eq!(date_bounds("2000-02-29"), Some((20000229, 20000229)));
    assert_eq!(date_bounds("2021-04-31"), None);
    for bad in [
        "",
        "21",
        "2021-1",
        "2021-13",
        "2021-00",
        "2021-01-1",
        "2021/01/01",
        "2021-01-01T00:00",
        "+2021",
        "２０２１",
    ] {
        assert_eq!(date_bounds(bad), None, "{bad:?}");
    }
    // A period counts to its end: from June 2021 until "2021" is fine.
    let mut map = district();
    let mut e = element("x", "x", None, ElementKind::Community);
    e.annotations.span = Span {
        from: Some("2021-06".into()),
        until: Some("2021".into()),
    };
    apply_and_check_undo(&mut map, &Op::CreateElement { element: e });
}

#[test]
fn errors_and_ops_have_a_stable_boundary_shape() {
    let mut map = district();
    let err = ops::apply(&mut map, &sc(), &Op::DeleteElement { id: "ghost".into() }).unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["kind"], "unknown_element");
    assert!(json["message"].as_str().unwrap().contains("ghost"));
    assert_eq!(json["subjects"][0], "ghost");
    let op: Op = serde_json::from_str(r#"{"op":"nest","child":"sci","parent":null}"#).unwrap();
    assert_eq!(
        op,
        Op::Nest {
            child: "sci".into(),
            parent: None
        }
    );
    let op = Op::Move {
        view: View::OrgChart,
        positions: vec![Placement {
            element: "a".into(),
            point: Some(Point { x: 1.0, y: 2.0 }),
        }],
    };
    assert_eq!(
        serde_json::to_string(&op).unwrap(),
        r#"{"op":"move","view":"org_chart","positions":[{"element":"a","point":{"x":1.0,"y":2.0}}]}"#
    );
}

#[test]
fn the_sample_keeps_every_invariant() {
    ops::validate_map(&murmuration_core::sample::riverside_unified()).expect("sample is valid");
}

/// Turns a random number into an op that is often valid for the map as it is now.
pub fn random_op(map: &Map, scenario: &ScenarioId, n: u64, counter: &mut u64) -> Op {
    let sc = map.scenario(scenario).expect("scenario");
    let ids: Vec<&ElementId> = sc.elements.keys().collect();
    let rels: Vec<&RelationId> = sc.relations.keys().collect();
    let mut r = n;
    let mut next = |m: usize| -> usize {
        r = r
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if m == 0 {
            0
        } else {
            ((r >> 33) as usize) % m
        }
    };
    let pick = |i: usize| -> ElementId {
        ids.get(i)
            .map(|e| (*e).clone())
            .unwrap_or_else(|| ElementId("missing".into()))
    };
    *counter += 1;
    let fresh = format!("gen-{counter}");
    let kinds = ElementKind::ALL;
    match next(13) {
        0 | 1 => {
            let kind = kinds[next(kinds.len())];
            let parent = if next(2) == 0 {
                Some(pick(next(ids.len() + 1)))
            } else {
                None
            };
            let mut e = element(&fresh, &fresh, None, kind);
            e.parent = parent;
            if kind == ElementKind::Person && next(2) == 0 {
                e.details = ElementDetails::Person {
                    title: String::new(),
                    position: Some(pick(next(ids.len()))),
                    home_base: None,
                };
            }
            Op::CreateElement { element: e }
        }
        2 => {
            let id = pick(next(ids.len()));
            match sc.elements.get(&id) {
                Some(e) => {
                    let mut e = e.clone();
                    e.name.push('!');
                    if next(3) == 0 {
                        e.details = ElementDetails::default_for(kinds[next(kinds.len())]);
                    }
                    Op::UpdateElement { element: e }
                }
                None => Op::DeleteElement { id },
            }
        }
        3 => Op::DeleteElement {
            id: pick(next(ids.len())),
        },
        4 | 5 => {
            let kind = RelationKind::ALL[next(4)];
            let mut rel = relation(&fresh, "x", "y", kind);
            rel.source = pick(next(ids.len()));
            rel.target = pick(next(ids.len()));
            Op::Connect { relation: rel }
        }
        6 => match rels.get(next(rels.len())) {
            Some(id) => {
                let mut rel = sc.relations[*id].clone();
                rel.target = pick(next(ids.len()));
                Op::UpdateRelation { relation: rel }
            }
            None => Op::DeleteRelation {
                id: "missing".into(),
            },
        },
        7 => Op::DeleteRelation {
            id: rels
                .get(next(rels.len()))
                .map(|r| (*r).clone())
                .unwrap_or_else(|| "missing".into()),
        },
        8 => Op::Move {
            view: if next(2) == 0 {
                View::Network
            } else {
                View::OrgChart
            },
            positions: (0..next(4))
                .map(|_| Placement {
                    element: pick(next(ids.len())),
                    point: if next(4) == 0 {
                        None
                    } else {
                        Some(Point {
                            x: next(1000) as f64 / 7.0,
                            y: -(next(1000) as f64),
                        })
                    },
                })
                .collect(),
        },
        9 => Op::Nest {
            child: pick(next(ids.len())),
            parent: if next(3) == 0 {
                None
            } else {
                Some(pick(next(ids.len())))
            },
        },
        10 => {
            let mut scene = Scene::new(&fresh, scenario.clone(), View::Network);
            scene.id = SceneId(fresh.clone());
            scene.filters.focus = (0..next(3)).map(|_| pick(next(ids.len()))).collect();
            if next(3) == 0 {
                // A width of 0 now and then: refused.
                scene.viewport = Some(Viewport {
                    x: -(next(100) as f64),
                    y: next(100) as f64 / 3.0,
                    width: next(4) as f64 * 50.0,
                    height: 40.0,
                });
            }
            Op::AddScene {
                scene,
                at: (next(2) == 0).then(|| next(map.scenes.len() + 2) as u32),
            }
        }
        11 => match map.scenes.get(next(map.scenes.len() + 1)) {
            Some(s) => match next(3) {
                0 => {
                    let mut scene = s.clone();
                    scene.title.push('!');
                    scene.lens = Some("silos".into());
                    scene.filters.focus.insert(pick(next(ids.len())));
                    Op::UpdateScene { scene }
                }
                1 => Op::MoveScene {
                    id: s.id.clone(),
                    to: next(map.scenes.len() + 1) as u32,
                },
                _ => Op::DeleteScene { id: s.id.clone() },
            },
            None => Op::DeleteScene {
                id: "missing".into(),
            },
        },
        _ => Op::Batch {
            ops: (0..next(4))
                .map(|i| random_op(map, scenario, n.rotate_left(i as u32 + 7) ^ 0x9e37, counter))
                .collect(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any sequence of ops, valid or not, undone in reverse, gives back the original map; failed
    /// ops change nothing; the index kept across ops agrees with one built afresh.
    #[test]
    fn random_op_sequences_undo_to_the_original(seeds in proptest::collection::vec(any::<u64>(), 1..40)) {
        let original = district();
        let mut map = original.clone();
        let mut index = ops::Index::build(&map);
        let mut inverses = Vec::new();
        let mut counter = 0;
        for seed in seeds {
            let op = random_op(&map, &sc(), seed, &mut counter);
            let before = map.clone();
            let mut fresh = before.clone();
            let fresh_result = ops::apply(&mut fresh, &sc(), &op);
            match ops::apply_indexed(&mut map, &mut index, &sc(), &op) {
                Ok(applied) => {
                    ops::validate_map(&map).expect("invariants hold after every op");
                    // The explicit effect, applied to the old map, gives the same result.
                    let mut replay = before.clone();
                    ops::apply(&mut replay, &sc(), &applied.effect).expect("effect applies");
                    prop_assert_eq!(&replay, &map);
                    prop_assert_eq!(&fresh, &map);
                    prop_assert_eq!(fresh_result.map(|a| a.inverse), Ok(applied.inverse.clone()));
                    inverses.push(applied.inverse);
                }
                Err(e) => {
                    prop_assert_eq!(&map, &before);
                    prop_assert_eq!(fresh_result.map(|a| a.inverse), Err(e));
                }
            }
        }
        for inverse in inverses.into_iter().rev() {
            ops::apply_indexed(&mut map, &mut index, &sc(), &inverse).expect("inverse applies");
        }
        prop_assert_eq!(map, original);
    }
}

#[test]
fn an_edit_gives_no_name_or_title_more_than_the_limit() {
    let mut map = district();
    let longest = "n".repeat(MAX_NAME_CHARS);
    let too_long = "é".repeat(MAX_NAME_CHARS + 1);
    apply_and_check_undo(
        &mut map,
        &Op::CreateElement {
            element: element("ok", &longest, None, ElementKind::Office),
        },
    );
    let mut person = person("p", None, None, None);
    person.details = ElementDetails::Person {
        title: too_long.clone(),
        position: None,
        home_base: None,
    };
    let mut tagged = element("t", "Tagged", None, ElementKind::Office);
    tagged.annotations.tags = vec![too_long.clone()];
    let mut renamed = scenario(&map).elements[&ElementId::from("tl")].clone();
    renamed.name = too_long.clone();
    let mut scene = Scene::new("Story", sc(), View::Network);
    scene.title = too_long.clone();
    for op in [
        Op::CreateElement {
            element: element("long", &too_long, None, ElementKind::Office),
        },
        Op::CreateElement { element: person },
        Op::CreateElement { element: tagged },
        Op::UpdateElement { element: renamed },
        Op::SetTitle {
            title: too_long.clone(),
        },
        Op::RenameScenario {
            id: sc(),
            name: too_long.clone(),
        },
        Op::AddScene { scene, at: None },
    ] {
        let before = map.clone();
        let e = ops::apply(&mut map, &sc(), &op).expect_err("too long");
        assert_eq!(e.kind, ErrorKind::InvalidValue, "{op:?}");
        assert!(
            e.message.contains("at most 500") && e.message.len() < 300,
            "{}",
            e.message
        );
        assert_eq!(map, before, "a refused edit changes nothing");
    }
}

#[test]
fn a_map_that_already_holds_a_long_name_keeps_it_and_undo_restores_it() {
    // An older file or imported JSON may hold longer text. As in an open document (one index kept
    // in step), renaming, deleting and undoing work, and a failed batch rolls back.
    let mut map = district();
    let legacy = "Old ".repeat(MAX_NAME_CHARS);
    let tl = ElementId::from("tl");
    map.scenarios[0].elements.get_mut(&tl).expect("tl").name = legacy.clone();
    map.title = legacy.clone();
    let original = map.clone();
    let mut index = ops::Index::build(&map);
    let mut shorter = scenario(&map).elements[&tl].clone();
    shorter.name = "Teaching & Learning".into();
    let mut kept = scenario(&map).elements[&tl].clone();
    kept.annotations.notes = "Still the same name.".into();
    for op in [
        Op::UpdateElement { element: kept },
        Op::UpdateElement { element: shorter },
        Op::DeleteElement { id: tl.clone() },
        Op::SetTitle {
            title: "District".into(),
        },
    ] {
        let applied = ops::apply_indexed(&mut map, &mut index, &sc(), &op).expect("applies");
        ops::apply_indexed(&mut map, &mut index, &sc(), &applied.inverse).expect("undo applies");
        assert_eq!(map, original, "undo of {op:?} restores the long name");
    }
    let failing = Op::Batch {
        ops: vec![
            Op::DeleteElement { id: tl.clone() },
            Op::DeleteElement {
                id: "no-such".into(),
            },
        ],
    };
    ops::apply_indexed(&mut map, &mut index, &sc(), &failing).expect_err("second step fails");
    assert_eq!(map, original, "the rollback restores the long name");
}
