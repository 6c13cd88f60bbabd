//! The JSON form: lossless round trips over generated maps, clear refusals, and the synthetic
//! districts the benchmarks and the canvas use are valid maps.

use crate::fixture::*;
use murmuration_core::error::ErrorKind;
use murmuration_core::json::{from_json, to_json};
use murmuration_core::model::*;
use murmuration_core::ops;
use murmuration_core::synthetic::synthetic_map;
use proptest::prelude::*;
use std::collections::BTreeMap;

#[test]
fn the_fixture_round_trips_and_has_the_documented_envelope() {
    let map = district();
    let json = to_json(&map);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "murmuration-map");
    assert_eq!(value["version"], 2);
    assert_eq!(value["map"]["title"], "Riverside test");
    assert_eq!(
        value["map"]["scenarios"][0]["elements"]["dir"]["kind"],
        "person"
    );
    assert_eq!(from_json(&json).unwrap(), map);
}

#[test]
fn an_older_maps_professional_practice_culture_reads_as_uniformed_service() {
    // Hodas (004:115) names three practice cultures and puts teaching in uniformed service; maps
    // written before kept a fourth, "professional", for teaching offices (docs/json-format.md).
    let old = r#"{"format":"murmuration-map","version":1,"map":{"title":"Older","scenarios":[
        {"id":"as-is","name":"As is","elements":{"tl":{"id":"tl","name":"Teaching & Learning",
        "kind":"office","function":"instruction","practice_culture":"professional","stance":null,
        "headcount":null,"established":null,"hospiced":false,"boundary":"solid"}},
        "relations":{}}]}}"#;
    let map = from_json(old).expect("an older map still opens");
    let tl = &map.scenarios[0].elements[&ElementId::from("tl")];
    assert!(matches!(
        tl.details,
        ElementDetails::Office {
            practice_culture: Some(PracticeCulture::UniformedService),
            ..
        }
    ));
    let written = to_json(&map);
    assert!(written.contains(r#""practice_culture": "uniformed_service""#));
    assert!(!written.contains("professional"));
}

#[test]
fn strangers_newer_maps_and_broken_maps_are_refused_clearly() {
    let check = |text: &str, kind: ErrorKind| {
        let err = from_json(text).expect_err(text);
        assert_eq!(err.kind, kind, "{text}: {err}");
        assert!(!err.message.is_empty());
    };
    check("", ErrorKind::NotAMap);
    check("not json", ErrorKind::NotAMap);
    check("[1, 2]", ErrorKind::NotAMap);
    check(r#"{"nodes": [], "edges": []}"#, ErrorKind::NotAMap);
    check(
        r#"{"format": "something-else", "version": 1, "map": {}}"#,
        ErrorKind::NotAMap,
    );
    check(
        r#"{"format": "murmuration-map", "version": 3, "map": {"whatever": true}}"#,
        ErrorKind::TooNew,
    );
    check(
        r#"{"format": "murmuration-map", "map": {}}"#,
        ErrorKind::InvalidJson,
    );
    check(
        r#"{"format": "murmuration-map", "version": 1, "map": {"title": 3}}"#,
        ErrorKind::InvalidJson,
    );
    check(
        r#"{"format": "murmuration-map", "version": 1, "map": {"title": "t", "scenarios": []}}"#,
        ErrorKind::LastScenario,
    );

    // Valid JSON whose map breaks an invariant gets that invariant's error.
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&district())).unwrap();
    value["map"]["scenarios"][0]["relations"]["r-tl"]["target"] = "nobody".into();
    check(&value.to_string(), ErrorKind::DanglingRelation);
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&district())).unwrap();
    value["map"]["scenarios"][0]["elements"]["tl"]["id"] = "ll".into();
    check(&value.to_string(), ErrorKind::IdMismatch);
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&district())).unwrap();
    value["map"]["scenarios"][0]["relations"]["r-dir"]["source"] = "super".into();
    value["map"]["scenarios"][0]["relations"]["r-dir"]["target"] = "tl".into();
    value["map"]["scenarios"][0]["relations"]["r-tl"]["target"] = "super".into();
    value["map"]["scenarios"][0]["relations"]["r-ll"]["source"] = "super".into();
    check(&value.to_string(), ErrorKind::ReportsToCycle);
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&district())).unwrap();
    value["map"]["scenarios"][0]["elements"]["super"]["parent"] = "tl".into();
    check(&value.to_string(), ErrorKind::NestingCycle);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let map = district();
    assert_eq!(
        from_json(&format!("\u{feff}{}", to_json(&map))).unwrap(),
        map
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A map's JSON cut off anywhere after its first line is called incomplete, with the line where
    /// it ends, never "not a map".
    #[test]
    fn a_cut_off_map_is_called_incomplete(at in any::<prop::sample::Index>()) {
        let json = to_json(&district());
        let first_line = json.find('\n').unwrap() + 1;
        let mut cut = first_line + at.index(json.trim_end().len() - first_line);
        while !json.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &json[..cut];
        let err = from_json(text).unwrap_err();
        prop_assert_eq!(err.kind, ErrorKind::InvalidJson, "{}", err.message);
        let line = text.matches('\n').count() + 1;
        let want = format!("The file ends early (line {line}): it may be incomplete.");
        prop_assert!(err.message.starts_with(&want), "{}", err.message);
    }
}

#[test]
fn synthetic_maps_are_valid_deterministic_and_sized() {
    for (n, per) in [(0, 3.0), (1, 3.0), (7, 0.5), (500, 3.0), (2_000, 2.0)] {
        let map = synthetic_map(n, per, 42);
        ops::validate_map(&map).unwrap_or_else(|e| panic!("{n}: {e}"));
        let sc = &map.scenarios[0];
        assert_eq!(sc.elements.len(), n);
        if n > 0 {
            assert_eq!(sc.relations.len(), (n as f64 * per).round() as usize);
        }
        assert_eq!(map, synthetic_map(n, per, 42), "same seed, same map");
    }
    let map = synthetic_map(2_000, 3.0, 7);
    let sc = &map.scenarios[0];
    for kind in ElementKind::ALL {
        assert!(sc.elements.values().any(|e| e.kind() == kind), "{kind:?}");
    }
    for kind in RelationKind::ALL {
        assert!(sc.relations.values().any(|r| r.kind() == kind), "{kind:?}");
    }
    assert!(sc
        .elements
        .values()
        .filter(|e| e.kind() == ElementKind::Person)
        .all(|e| e.parent.is_some()));
    assert_ne!(map, synthetic_map(2_000, 3.0, 8));
}

/// Any finite number, including the awkward ones (subnormals, -0.0, huge).
fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        Just(-0.0),
        Just(0.1 + 0.2),
        (-1e6..1e6f64),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,12}", "[a-z \"\\\\\n\t]{0,8}", Just(String::new())]
}

prop_compose! {
    fn span()(from in proptest::option::of(1900u32..2100), len in proptest::option::of(0u32..20), month in 1u32..13, day in 0u32..29) -> Span {
        let from_s = from.map(|y| if day == 0 { format!("{y}") } else { format!("{y}-{month:02}-{day:02}") });
        let until = from.zip(len).map(|(y, l)| format!("{}-{month:02}", y + l + 1));
        Span { from: from_s.map(Into::into), until: until.map(Into::into) }
    }
}

prop_compose! {
    fn annotations()(span in span(), notes in text(), tags in proptest::collection::vec(text(), 0..3)) -> Annotations {
        Annotations { span, notes, tags }
    }
}

/// Elements `e0..en` with choices driven by `rolls`; parents and references only point to
/// earlier elements of the right kind, reports-to only to earlier elements, so all is valid.
fn build_scenario(
    id: usize,
    name: String,
    items: Vec<(u64, String, Annotations, f64, f64)>,
    links: Vec<(u64, u8, Annotations, String)>,
) -> Scenario {
    let mut sc = Scenario::empty(name);
    sc.id = ScenarioId(format!("s{id}"));
    let mut made: Vec<Element> = Vec::new();
    let mut net = BTreeMap::new();
    let mut org = BTreeMap::new();
    for (i, (roll, name, annotations, x, y)) in items.into_iter().enumerate() {
        let kind = ElementKind::ALL[(roll % 8) as usize];
        let of_kind = |k: ElementKind| -> Vec<ElementId> {
            made.iter()
                .filter(|e| e.kind() == k)
                .map(|e| e.id.clone())
                .collect()
        };
        let groups: Vec<ElementId> = made
            .iter()
            .filter(|e| e.kind().is_group())
            .map(|e| e.id.clone())
            .collect();
        let choose = |v: &[ElementId], r: u64| -> Option<ElementId> {
            (!v.is_empty() && !r.is_multiple_of(3)).then(|| v[(r as usize / 3) % v.len()].clone())
        };
        let mut details = ElementDetails::default_for(kind);
        match &mut details {
            ElementDetails::Person {
                title,
                position,
                home_base,
            } => {
                *title = name.clone();
                *position = choose(&of_kind(ElementKind::Office), roll >> 8);
                *home_base = choose(&of_kind(ElementKind::Community), roll >> 16);
            }
            ElementDetails::Routine {
                steps,
                cycle_time_days,
            } => {
                *cycle_time_days = Some((roll >> 20) as u32 % 90);
                for s in 0..(roll >> 24) % 3 {
                    let all: Vec<ElementId> = made.iter().map(|e| e.id.clone()).collect();
                    steps.push(RoutineStep {
                        name: format!("step {s}"),
                        owner: choose(&all, roll >> (28 + s)),
                        days: (s > 0).then_some(s as u32),
                    });
                }
            }
            ElementDetails::Office {
                headcount,
                established,
                hospiced,
                stance,
                ..
            } => {
                *headcount = Some((roll >> 8) as u32);
                *established = Some(-((roll >> 40) as i32 % 3000));
                *hospiced = match roll >> 50 & 3 {
                    0 => None,
                    1 => Some(Date::undated()),
                    _ => Some(Date::from(format!(
                        "{}-{:02}",
                        1990 + (roll >> 52) % 40,
                        1 + (roll >> 58) % 12
                    ))),
                };
                *stance = Some(Stance::Service);
            }
            ElementDetails::Community {
                domain, cadence, ..
            } => {
                *domain = name.clone();
                *cadence = "weekly".into();
            }
            ElementDetails::Rule { level, owner } => {
                *level = RuleLevel::ALL[(roll >> 8) as usize % 3];
                *owner = choose(&of_kind(ElementKind::Office), roll >> 12);
            }
            // A team with an end date has ended (the rule of `ops`).
            ElementDetails::SprintTeam { status, .. } if annotations.span.until.is_some() => {
                *status = SprintStatus::Dissolved;
            }
            _ => {}
        }
        let e = Element {
            id: ElementId(format!("e{i}")),
            name,
            parent: choose(&groups, roll >> 32),
            details,
            annotations,
        };
        if roll & 1 << 60 != 0 {
            net.insert(e.id.clone(), Point { x, y });
        }
        if roll & 1 << 61 != 0 {
            org.insert(e.id.clone(), Point { x: y, y: x });
        }
        made.push(e);
    }
    if !made.is_empty() {
        let rules: Vec<usize> = (0..made.len())
            .filter(|&i| made[i].kind() == ElementKind::Rule)
            .collect();
        for (j, (roll, kind, annotations, cadence)) in links.into_iter().enumerate() {
            let n = made.len() as u64;
            let (mut a, mut b) = ((roll % n) as usize, ((roll >> 32) % n) as usize);
            let is_rule = |i: usize| made[i].kind() == ElementKind::Rule;
            let details = match kind % 6 {
                0 => {
                    if a == b {
                        continue;
                    }
                    if a < b {
                        std::mem::swap(&mut a, &mut b);
                    }
                    RelationDetails::ReportsTo
                }
                1 => RelationDetails::Flow {
                    medium: Medium::ALL[(roll >> 8) as usize % 6],
                    direction: Direction::Both,
                    volume: 1 + (roll >> 12) as u8 % 5,
                    cadence,
                    mode: FlowMode::Monitor,
                },
                2 => RelationDetails::MemberOf {
                    role: MemberRole::Peripheral,
                },
                3 => RelationDetails::Barrier {
                    reason: cadence,
                    checked: roll & 1 == 1,
                    claims: (!rules.is_empty() && roll & 2 == 2)
                        .then(|| made[rules[(roll >> 20) as usize % rules.len()]].id.clone()),
                },
                // A later rule derives from an earlier one, so the lines never loop.
                4 => {
                    if rules.len() < 2 {
                        continue;
                    }
                    let (x, y) = (
                        (roll >> 8) as usize % rules.len(),
                        (roll >> 40) as usize % rules.len(),
                    );
                    if x == y {
                        continue;
                    }
                    (a, b) = (rules[x.max(y)], rules[x.min(y)]);
                    RelationDetails::DerivesFrom
                }
                _ => {
                    if rules.is_empty() || is_rule(b) {
                        continue;
                    }
                    a = rules[(roll >> 8) as usize % rules.len()];
                    let step = match &made[b].details {
                        ElementDetails::Routine { steps, .. } if !steps.is_empty() => {
                            (roll & 4 == 4).then(|| 1 + (roll >> 16) as u32 % steps.len() as u32)
                        }
                        _ => None,
                    };
                    RelationDetails::Governs { step }
                }
            };
            let r = Relation {
                id: RelationId(format!("r{j}")),
                source: made[a].id.clone(),
                target: made[b].id.clone(),
                details,
                annotations,
            };
            sc.relations.insert(r.id.clone(), r);
        }
    }
    sc.elements = made.into_iter().map(|e| (e.id.clone(), e)).collect();
    if !net.is_empty() {
        sc.positions.insert(View::Network, net);
    }
    if !org.is_empty() {
        sc.positions.insert(View::OrgChart, org);
    }
    sc
}

fn maps() -> impl Strategy<Value = Map> {
    let scenario = (
        text(),
        proptest::collection::vec(
            (
                any::<u64>(),
                text(),
                annotations(),
                coordinate(),
                coordinate(),
            ),
            0..25,
        ),
        proptest::collection::vec((any::<u64>(), any::<u8>(), annotations(), text()), 0..40),
    );
    let scene = (
        any::<u64>(),
        text(),
        text(),
        proptest::option::of((
            coordinate(),
            coordinate(),
            coordinate()
                .prop_map(f64::abs)
                .prop_filter("a width", |w| *w > 0.0),
            (1e-300..1e300f64),
        )),
        proptest::option::of(text()),
    );
    (
        text(),
        proptest::collection::vec(scenario, 1..4),
        proptest::collection::vec(scene, 0..5),
    )
        .prop_map(|(title, scenarios, scenes)| {
            let scenarios: Vec<Scenario> = scenarios
                .into_iter()
                .enumerate()
                .map(|(i, (name, items, links))| build_scenario(i, name, items, links))
                .collect();
            let scenes = scenes
                .into_iter()
                .enumerate()
                .map(|(i, raw)| build_scene(i, &scenarios, raw))
                .collect();
            Map {
                title,
                scenarios,
                scenes,
            }
        })
}

/// What a generated scene is made from: a roll for its choices, title, notes, a viewport, a lens.
type RawScene = (
    u64,
    String,
    String,
    Option<(f64, f64, f64, f64)>,
    Option<String>,
);

/// A scene of one of `scenarios`, with its choices driven by `roll`; it brings forward only
/// elements of its own scenario, so it is valid.
fn build_scene(
    i: usize,
    scenarios: &[Scenario],
    (roll, title, notes, viewport, lens): RawScene,
) -> Scene {
    let sc = &scenarios[roll as usize % scenarios.len()];
    let pick = |bits: u64| -> std::collections::BTreeSet<_> {
        sc.elements
            .keys()
            .enumerate()
            .filter(|(j, _)| bits & (1 << (j % 64)) != 0)
            .map(|(_, id)| id.clone())
            .collect()
    };
    Scene {
        id: SceneId(format!("scene-{i}")),
        title,
        notes,
        scenario: sc.id.clone(),
        view: if roll & 1 << 8 == 0 {
            View::Network
        } else {
            View::OrgChart
        },
        viewport: viewport.map(|(x, y, width, height)| Viewport {
            x,
            y,
            width,
            height,
        }),
        lens,
        filters: SceneFilters {
            hidden_element_kinds: ElementKind::ALL
                .into_iter()
                .filter(|k| roll >> (10 + *k as u32) & 1 == 1)
                .collect(),
            hidden_relation_kinds: RelationKind::ALL
                .into_iter()
                .filter(|k| roll >> (20 + *k as u32) & 1 == 1)
                .collect(),
            hidden_media: Medium::ALL
                .into_iter()
                .filter(|m| roll >> (30 + *m as u32) & 1 == 1)
                .collect(),
            focus: pick(roll.rotate_left(17)),
        },
        time: (roll & 1 << 40 != 0)
            .then(|| format!("{}-{:02}", 1990 + roll % 50, 1 + roll % 12).into()),
        compare: None,
        story: (roll & 1 << 44 != 0).then(|| format!("Story {}", roll >> 45 & 3)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// map → JSON → map → JSON gives the same map and the same text.
    #[test]
    fn json_round_trips_losslessly(map in maps()) {
        ops::validate_map(&map).expect("generated maps are valid");
        let json = to_json(&map);
        let back = from_json(&json).expect("reads back");
        prop_assert_eq!(&back, &map);
        prop_assert_eq!(to_json(&back), json);
        // Coordinates come back bit for bit (-0.0 included), not merely equal.
        for (a, b) in map.scenes.iter().zip(&back.scenes) {
            let bits = |v: &Option<Viewport>| v.map(|v| [v.x, v.y, v.width, v.height].map(f64::to_bits));
            prop_assert_eq!(bits(&a.viewport), bits(&b.viewport));
        }
        for (a, b) in map.scenarios.iter().zip(&back.scenarios) {
            for (pa, pb) in a.positions.values().zip(b.positions.values()) {
                for (x, y) in pa.values().zip(pb.values()) {
                    prop_assert_eq!(x.x.to_bits(), y.x.to_bits());
                    prop_assert_eq!(x.y.to_bits(), y.y.to_bits());
                }
            }
        }
    }

    /// The same generated maps survive the `.murm` file too.
    #[test]
    fn maps_round_trip_through_the_file(map in maps()) {
        let dir = crate::store::temp();
        let path = dir.path().join("m.murm");
        drop(murmuration_core::store::Document::create(&path, &map).expect("create"));
        let doc = murmuration_core::store::Document::open(&path).expect("open");
        prop_assert_eq!(doc.map(), &map);
    }
}

#[test]
fn the_sample_survives_json_and_the_file() {
    let sample = murmuration_core::sample::riverside_unified();
    assert_eq!(from_json(&to_json(&sample)).unwrap(), sample);
    let dir = crate::store::temp();
    let path = dir.path().join("riverside.murm");
    drop(murmuration_core::store::Document::create(&path, &sample).unwrap());
    assert_eq!(
        murmuration_core::store::Document::open(&path)
            .unwrap()
            .map(),
        &sample
    );
}

#[test]
fn json_with_a_broken_cascade_is_refused_naming_the_rules() {
    let rule = |id: &str, level: &str| serde_json::json!({"id": id, "name": format!("Rule {id}"), "kind": "rule", "level": level});
    let line = |id: &str, s: &str, t: &str, details: serde_json::Value| {
        let mut r = serde_json::json!({"id": id, "source": s, "target": t});
        r.as_object_mut()
            .unwrap()
            .extend(details.as_object().unwrap().clone());
        r
    };
    let map = |relations: Vec<serde_json::Value>| {
        let elements: serde_json::Map<String, serde_json::Value> = [
            rule("board", "board_policy"),
            rule("policy", "procedural_policy"),
            rule("practice", "procedural_practice"),
            serde_json::json!({"id": "buy", "name": "Purchasing", "kind": "routine",
                "steps": [{"name": "Quote", "days": 12}]}),
        ]
        .into_iter()
        .map(|e| (e["id"].as_str().unwrap().to_owned(), e))
        .collect();
        let relations: serde_json::Map<String, serde_json::Value> = relations
            .into_iter()
            .map(|r| (r["id"].as_str().unwrap().to_owned(), r))
            .collect();
        serde_json::json!({"format": "murmuration-map", "version": 2, "map": {"title": "t",
            "scenarios": [{"id": "s", "name": "As is", "elements": elements, "relations": relations}]}})
        .to_string()
    };
    let derives = serde_json::json!({"kind": "derives_from"});
    let good = map(vec![
        line("d1", "policy", "board", derives.clone()),
        line(
            "g1",
            "practice",
            "buy",
            serde_json::json!({"kind": "governs", "step": 1}),
        ),
    ]);
    let read = from_json(&good).expect("a whole cascade reads");
    let sc = &read.scenarios[0];
    assert_eq!(
        sc.relations[&RelationId::from("g1")].details,
        RelationDetails::Governs { step: Some(1) }
    );
    assert!(matches!(
        &sc.elements[&ElementId::from("buy")].details,
        ElementDetails::Routine { steps, .. } if steps[0].days == Some(12)
    ));

    let looped = map(vec![
        line("d1", "policy", "board", derives.clone()),
        line("d2", "practice", "policy", derives.clone()),
        line("d3", "board", "practice", derives),
    ]);
    let err = from_json(&looped).expect_err("a loop is refused");
    assert_eq!(err.kind, ErrorKind::RuleCycle, "{}", err.message);
    assert!(err.message.contains("Rule "), "{}", err.message);

    let no_step = map(vec![line(
        "g1",
        "practice",
        "buy",
        serde_json::json!({"kind": "governs", "step": 2}),
    )]);
    let err = from_json(&no_step).expect_err("a step the routine lacks");
    assert_eq!(err.kind, ErrorKind::CascadeEnds, "{}", err.message);
    assert!(err.message.contains("step 2"), "{}", err.message);
}
