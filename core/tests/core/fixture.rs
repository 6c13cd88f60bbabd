//! A small district with every element kind and every relation kind, for tests to edit.

use murmuration_core::model::*;
use murmuration_core::ops::{self, Applied, Op};

pub fn element(id: &str, name: &str, parent: Option<&str>, kind: ElementKind) -> Element {
    Element {
        id: id.into(),
        name: name.to_owned(),
        parent: parent.map(ElementId::from),
        details: ElementDetails::default_for(kind),
        annotations: Annotations::default(),
    }
}

pub fn relation(id: &str, source: &str, target: &str, kind: RelationKind) -> Relation {
    Relation {
        id: id.into(),
        source: source.into(),
        target: target.into(),
        details: RelationDetails::default_for(kind),
        annotations: Annotations::default(),
    }
}

pub fn person(
    id: &str,
    parent: Option<&str>,
    position: Option<&str>,
    home: Option<&str>,
) -> Element {
    let mut e = element(id, id, parent, ElementKind::Person);
    e.details = ElementDetails::Person {
        title: "Coach".into(),
        position: position.map(ElementId::from),
        home_base: home.map(ElementId::from),
    };
    e
}

pub const SC: &str = "as-is";

pub fn sc() -> ScenarioId {
    ScenarioId(SC.into())
}

/// Offices `super` ⊃ `tl` (Teaching & Learning) and `ll` (Linked Learning); a site `esa` with a
/// person `teacher`; a community `capstone`; a sprint team `sprint`; a routine `buy` owned by
/// `proc`; people `dir` (in `ll`, home base `capstone`) and `sci` (in `tl`); a partner `uni`.
pub fn district() -> Map {
    let mut sc = Scenario::empty("As is");
    sc.id = sc_id();
    let mut add = |e: Element| {
        sc.elements.insert(e.id.clone(), e);
    };
    add(element(
        "super",
        "Superintendent's Office",
        None,
        ElementKind::Office,
    ));
    add(element(
        "tl",
        "Teaching & Learning",
        Some("super"),
        ElementKind::Office,
    ));
    add(element(
        "ll",
        "Linked Learning",
        Some("super"),
        ElementKind::Office,
    ));
    add(element("proc", "Procurement", None, ElementKind::Office));
    add(element(
        "esa",
        "Environmental Sciences Academy",
        None,
        ElementKind::Site,
    ));
    add(element(
        "capstone",
        "Graduate Capstone",
        None,
        ElementKind::Community,
    ));
    add(element(
        "sprint",
        "Program redesign",
        None,
        ElementKind::SprintTeam,
    ));
    let mut buy = element("buy", "Purchasing", None, ElementKind::Routine);
    buy.details = ElementDetails::Routine {
        steps: vec![
            RoutineStep {
                name: "Request".into(),
                owner: Some("esa".into()),
                days: Some(5),
            },
            RoutineStep {
                name: "Approve".into(),
                owner: Some("proc".into()),
                days: None,
            },
        ],
        cycle_time_days: Some(30),
    };
    add(buy);
    add(person("dir", Some("ll"), Some("ll"), Some("capstone")));
    add(person("sci", Some("tl"), Some("tl"), None));
    add(person("teacher", Some("esa"), None, Some("capstone")));
    add(element(
        "uni",
        "State University",
        None,
        ElementKind::Partner,
    ));
    let mut rel = |r: Relation| {
        sc.relations.insert(r.id.clone(), r);
    };
    rel(relation("r-tl", "tl", "super", RelationKind::ReportsTo));
    rel(relation("r-ll", "ll", "super", RelationKind::ReportsTo));
    rel(relation("r-dir", "dir", "ll", RelationKind::ReportsTo));
    rel(relation("f-ideas", "teacher", "dir", RelationKind::Flow));
    rel(relation("m-dir", "dir", "capstone", RelationKind::MemberOf));
    rel(relation(
        "m-sprint",
        "sci",
        "sprint",
        RelationKind::MemberOf,
    ));
    rel(relation("b-sites", "sci", "esa", RelationKind::Barrier));
    rel(relation("f-uni", "uni", "esa", RelationKind::Flow));
    let mut net = std::collections::BTreeMap::new();
    net.insert(ElementId::from("dir"), Point { x: 10.0, y: 20.0 });
    net.insert(ElementId::from("sci"), Point { x: -5.5, y: 0.25 });
    net.insert(ElementId::from("teacher"), Point { x: 100.0, y: 3.0 });
    sc.positions.insert(View::Network, net);
    let mut org = std::collections::BTreeMap::new();
    org.insert(ElementId::from("dir"), Point { x: 1.0, y: 2.0 });
    sc.positions.insert(View::OrgChart, org);
    let mut map = Map::new("Riverside test");
    map.scenarios = vec![sc];
    ops::validate_map(&map).expect("the fixture keeps every invariant");
    map
}

fn sc_id() -> ScenarioId {
    sc()
}

/// Applies `op` and checks that its inverse takes the map back exactly, then re-applies it.
pub fn apply_and_check_undo(map: &mut Map, op: &Op) -> Applied {
    let before = map.clone();
    let applied = ops::apply(map, &sc(), op).unwrap_or_else(|e| panic!("{op:?} failed: {e}"));
    let after = map.clone();
    ops::apply(map, &sc(), &applied.inverse).expect("inverse applies");
    assert_eq!(*map, before, "undo of {op:?} restores the map");
    ops::apply(map, &sc(), op).expect("redo applies");
    assert_eq!(*map, after, "redo of {op:?} gives the same map");
    ops::validate_map(map).expect("still valid");
    applied
}

pub fn scenario(map: &Map) -> &Scenario {
    map.scenario(&sc()).expect("fixture scenario")
}
