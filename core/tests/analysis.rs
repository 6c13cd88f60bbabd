//! The lenses: on small maps worked out by hand, on the built-in sample (which must show silos,
//! brokers, a barrier, home-base gaps and moves of several verbs), and betweenness, articulation
//! points and bridges against networkx's values (fixtures written by bench/betweenness/reference.py).

use murmuration_core::analysis::moves::MoveVerb;
use murmuration_core::analysis::reciprocity::ReciprocityBalance;
use murmuration_core::analysis::silos::SiloVerdict;
use murmuration_core::analysis::{
    analyze, analyze_at, betweenness_auto, betweenness_exact, betweenness_exact_leaving_a_core,
    betweenness_exact_with_progress, betweenness_sampled, Analysis, FlowGraph,
};
use murmuration_core::model::*;
use murmuration_core::sample::riverside_unified;
use proptest::prelude::Strategy;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Mutex;

// --- small maps, built by hand ---------------------------------------------------------------------

struct Draw {
    sc: Scenario,
    n: usize,
}

impl Draw {
    fn new() -> Self {
        Self {
            sc: Scenario::empty("test"),
            n: 0,
        }
    }

    fn el(&mut self, id: &str, kind: ElementKind, parent: Option<&str>) -> &mut Element {
        let mut details = ElementDetails::default_for(kind);
        if let ElementDetails::Person { position, .. } = &mut details {
            if let Some(p) = parent {
                if self.sc.elements[&ElementId::from(p)].kind() == ElementKind::Office {
                    *position = Some(p.into());
                }
            }
        }
        self.sc.elements.insert(
            id.into(),
            Element {
                id: id.into(),
                name: id.to_uppercase(),
                parent: parent.map(ElementId::from),
                details,
                annotations: Annotations::default(),
            },
        );
        self.sc.elements.get_mut(&ElementId::from(id)).unwrap()
    }

    fn rel(&mut self, s: &str, t: &str, details: RelationDetails) {
        self.n += 1;
        let id = RelationId(format!("r{:03}", self.n));
        self.sc.relations.insert(
            id.clone(),
            Relation {
                id,
                source: s.into(),
                target: t.into(),
                details,
                annotations: Annotations::default(),
            },
        );
    }

    fn flow(&mut self, s: &str, t: &str) {
        self.rel(s, t, RelationDetails::default_for(RelationKind::Flow));
    }

    fn flow_mode(&mut self, s: &str, t: &str, mode: FlowMode) {
        let mut d = RelationDetails::default_for(RelationKind::Flow);
        if let RelationDetails::Flow { mode: m, .. } = &mut d {
            *m = mode;
        }
        self.rel(s, t, d);
    }

    fn reports(&mut self, s: &str, t: &str) {
        self.rel(s, t, RelationDetails::ReportsTo);
    }

    fn member(&mut self, s: &str, t: &str) {
        self.rel(s, t, RelationDetails::default_for(RelationKind::MemberOf));
    }

    fn analyze(&self) -> Analysis {
        let map = Map {
            title: "t".into(),
            scenarios: vec![self.sc.clone()],
            scenes: Vec::new(),
        };
        murmuration_core::ops::validate_map(&map).expect("test maps are valid");
        analyze(&map, &self.sc.id)
    }
}

fn group<'a>(a: &'a Analysis, id: &str) -> &'a murmuration_core::analysis::silos::GroupSilo {
    a.silos
        .groups
        .iter()
        .find(|g| g.group.id.0 == id)
        .unwrap_or_else(|| panic!("no group {id}"))
}

#[test]
fn ei_index_counts_flows_inside_and_across_by_hand() {
    let mut d = Draw::new();
    d.el("a", ElementKind::Office, None);
    for p in ["p1", "p2", "p3"] {
        d.el(p, ElementKind::Person, Some("a"));
    }
    d.el("x", ElementKind::Partner, None);
    d.flow("p1", "p2");
    d.flow("p2", "p3");
    d.flow("p3", "p1");
    d.flow("p1", "x");
    // Reports-to lines are not flows.
    d.reports("p2", "p1");
    let a = d.analyze();
    let g = group(&a, "a");
    assert_eq!((g.internal, g.external, g.inside), (3, 1, 4));
    assert_eq!(g.ei, Some(-0.5)); // (1 − 3) / (1 + 3)
    assert_eq!(g.verdict, SiloVerdict::Silo);
    assert!(g.is_silo);
    assert_eq!((g.flows_out, g.flows_in), (1, 0));
    assert_eq!(g.words, "A: 3 flows inside, 1 outside — a silo");
}

#[test]
fn nested_descendants_and_members_count_as_inside() {
    let mut d = Draw::new();
    d.el("division", ElementKind::Office, None);
    d.el("unit", ElementKind::Office, Some("division"));
    d.el("p", ElementKind::Person, Some("unit"));
    d.el("q", ElementKind::Person, None);
    d.el("cop", ElementKind::Community, None);
    d.member("q", "cop");
    d.member("p", "cop");
    d.flow("p", "division"); // inside the division, out of the unit
    d.flow("q", "p"); // inside the community; crosses both offices
    let a = d.analyze();
    let division = group(&a, "division");
    assert_eq!((division.internal, division.external), (1, 1));
    assert_eq!(division.ei, Some(0.0));
    let unit = group(&a, "unit");
    assert_eq!((unit.internal, unit.external), (0, 2));
    let cop = group(&a, "cop");
    assert_eq!((cop.internal, cop.external), (1, 1));
    // p's membership reaches out of both offices.
    assert_eq!((division.memberships_out, unit.memberships_out), (1, 1));
}

#[test]
fn a_solid_office_with_few_lateral_flows_is_walled() {
    let mut d = Draw::new();
    d.el("boss", ElementKind::Office, None);
    d.el("walled", ElementKind::Office, None); // offices default to a solid boundary
    for p in ["w1", "w2", "w3"] {
        d.el(p, ElementKind::Person, Some("walled"));
    }
    d.el("site", ElementKind::Site, None);
    d.reports("walled", "boss");
    d.flow("walled", "boss"); // along the chart
    d.flow("w1", "site"); // lateral
    let a = d.analyze();
    let g = group(&a, "walled");
    assert_eq!(g.ei, Some(1.0));
    assert_eq!(g.lateral_external, 1);
    assert_eq!(g.verdict, SiloVerdict::Walled);
    assert!(g
        .words
        .ends_with("1 lateral flow crosses its solid boundary, for 4 inside — a silo"));
}

#[test]
fn density_separates_lateral_from_vertical_flows_by_hand() {
    let mut d = Draw::new();
    d.el("top", ElementKind::Office, None);
    d.el("left", ElementKind::Office, None);
    d.el("right", ElementKind::Office, None);
    d.el("far", ElementKind::Site, None);
    d.reports("left", "top");
    d.reports("right", "top");
    d.flow("top", "left"); // vertical
    d.flow("left", "right"); // lateral (siblings)
    d.flow("right", "far"); // lateral
    d.flow("far", "right"); // same pair again
    let a = d.analyze();
    let x = &a.density;
    assert_eq!((x.flows, x.lateral_flows), (4, 3));
    assert_eq!((x.flow_pairs, x.lateral_pairs), (3, 2));
    assert_eq!(x.flow_density, Some(3.0 / 6.0));
    assert_eq!(x.lateral_density, Some(2.0 / 6.0));
    assert_eq!(x.lateral_ties_per_element, Some(1.0));
    assert_eq!(a.chart.flows_along_chart, 1);
    assert_eq!(a.chart.flows_across_chart, 3);
}

#[test]
fn layers_depth_spans_and_geology_by_hand() {
    let mut d = Draw::new();
    for (id, year) in [("old", 1971), ("mid", 1979), ("new", 2015)] {
        d.el(id, ElementKind::Office, None);
        if let ElementDetails::Office { established, .. } =
            &mut d.sc.elements.get_mut(&ElementId::from(id)).unwrap().details
        {
            *established = Some(year);
        }
    }
    d.el("undated", ElementKind::Office, None);
    for p in ["a", "b", "c", "d", "e"] {
        d.el(p, ElementKind::Person, Some("old"));
    }
    d.reports("b", "a");
    d.reports("c", "b");
    d.reports("d", "c");
    d.reports("e", "a");
    let a = d.analyze();
    let l = &a.layers;
    assert_eq!(l.depth, 4);
    let chain: Vec<&str> = l.longest_chain.iter().map(|n| n.id.0.as_str()).collect();
    assert_eq!(chain, ["d", "c", "b", "a"]);
    assert_eq!(l.spans[0].manager.id.0, "a");
    assert_eq!(l.spans[0].direct_reports, 2);
    assert_eq!(l.mean_span, Some(4.0 / 3.0));
    let years: Vec<i32> = l.offices_by_year.iter().map(|o| o.year).collect();
    assert_eq!(years, [1971, 1979, 2015]);
    assert_eq!(l.strata.len(), 2);
    assert_eq!(l.strata[0].decade, 1970);
    assert_eq!(l.strata[0].offices.len(), 2);
    assert_eq!(l.undated[0].id.0, "undated");
}

#[test]
fn home_base_counts_named_member_and_nested_practice_communities_only() {
    let mut d = Draw::new();
    d.el("cop", ElementKind::Community, None);
    d.el("interest", ElementKind::Community, None);
    if let ElementDetails::Community { ring, .. } = &mut d
        .sc
        .elements
        .get_mut(&ElementId::from("interest"))
        .unwrap()
        .details
    {
        *ring = Ring::Interest;
    }
    d.el("sprint", ElementKind::SprintTeam, None);
    d.el("named", ElementKind::Person, None);
    if let ElementDetails::Person { home_base, .. } = &mut d
        .sc
        .elements
        .get_mut(&ElementId::from("named"))
        .unwrap()
        .details
    {
        *home_base = Some("interest".into());
    }
    d.el("member", ElementKind::Person, None);
    d.member("member", "cop");
    d.el("nested", ElementKind::Person, Some("cop"));
    d.el("sprinter", ElementKind::Person, None);
    d.member("sprinter", "sprint");
    d.el("interested", ElementKind::Person, None);
    d.member("interested", "interest");
    let h = d.analyze().home_base;
    assert_eq!((h.people, h.with_home_base), (5, 3));
    assert_eq!(h.share, Some(0.6));
    let without: Vec<&str> = h.without.iter().map(|n| n.id.0.as_str()).collect();
    assert_eq!(without, ["interested", "sprinter"]);
}

#[test]
fn pioneers_are_innovations_with_no_tie_into_a_community() {
    let mut d = Draw::new();
    d.el("cop", ElementKind::Community, None);
    d.el("inside", ElementKind::Person, Some("cop"));
    d.el("lonely", ElementKind::Site, None)
        .annotations
        .tags
        .push(" Innovation ".into());
    d.el("linked", ElementKind::Site, None)
        .annotations
        .tags
        .push("INNOVATION".into());
    d.el("other", ElementKind::Site, None);
    d.flow("linked", "inside");
    d.flow("lonely", "other");
    let p = d.analyze().pioneers;
    assert_eq!(p.innovations, 2);
    assert_eq!(p.unconnected.len(), 1);
    assert_eq!(p.unconnected[0].element.id.0, "lonely");
    let a = d.analyze();
    assert!(a
        .moves
        .iter()
        .any(|m| m.verb == MoveVerb::Notice && m.elements[0].id.0 == "lonely"));
}

#[test]
fn reciprocity_counts_monitoring_against_support_per_office() {
    let mut d = Draw::new();
    d.el("audit", ElementKind::Office, None);
    d.el("help", ElementKind::Office, None);
    d.el("school", ElementKind::Site, None);
    d.flow_mode("audit", "school", FlowMode::Monitor);
    d.flow_mode("school", "audit", FlowMode::Monitor);
    d.flow_mode("help", "school", FlowMode::Support);
    d.flow_mode("help", "school", FlowMode::Monitor);
    let r = d.analyze().reciprocity;
    let audit = r.offices.iter().find(|o| o.office.id.0 == "audit").unwrap();
    assert_eq!((audit.monitor_flows, audit.support_flows), (2, 0));
    assert_eq!(
        audit.balance,
        ReciprocityBalance::AccountabilityWithoutCapacity
    );
    let help = r.offices.iter().find(|o| o.office.id.0 == "help").unwrap();
    assert_eq!(help.balance, ReciprocityBalance::Reciprocal);
    assert_eq!(help.support_share, Some(0.5));
    assert_eq!(r.offices[0].office.id.0, "audit", "least support first");
}

#[test]
fn an_empty_map_analyses_without_dividing_by_zero() {
    let a = Draw::new().analyze();
    assert!(a.silos.groups.is_empty());
    assert_eq!(a.density.flow_density, None);
    assert_eq!(a.home_base.share, None);
    assert_eq!(a.layers.depth, 0);
    assert!(a.moves.is_empty());
    serde_json::to_string(&a).unwrap();
}

#[test]
fn brokers_on_a_map_see_flows_memberships_and_nesting_but_not_reports_to() {
    // left — hub — right by flows; p nested in left; boss linked only by reports-to.
    let mut d = Draw::new();
    d.el("left", ElementKind::Office, None);
    d.el("right", ElementKind::Office, None);
    d.el("hub", ElementKind::Person, None);
    d.el("p", ElementKind::Person, Some("left"));
    d.el("boss", ElementKind::Person, None);
    d.flow("left", "hub");
    d.flow("hub", "right");
    d.reports("hub", "boss");
    let b = d.analyze().brokers;
    let score: BTreeMap<&str, f64> = b
        .betweenness
        .scores
        .iter()
        .map(|s| (s.id.0.as_str(), s.value))
        .collect();
    // n = 5 (boss isolated): hub is on (left,right) and (p,right): 2 / (4·3/2) pairs.
    assert!((score["hub"] - 2.0 / 6.0).abs() < 1e-12);
    assert!((score["left"] - 2.0 / 6.0).abs() < 1e-12); // (p,hub) and (p,right)
    assert_eq!(score["boss"], 0.0);
    let cut: BTreeSet<&str> = b
        .articulation_points
        .iter()
        .map(|n| n.id.0.as_str())
        .collect();
    assert_eq!(cut, BTreeSet::from(["hub", "left"]));
    assert_eq!(b.bridges.len(), 3);
    assert!(b.betweenness.exact);
}

// --- the sample ---------------------------------------------------------------------------------

fn sample() -> Analysis {
    let map = riverside_unified();
    analyze(&map, &map.scenarios[0].id)
}

#[test]
fn the_sample_shows_its_silos() {
    let a = sample();
    for silo in ["teaching-learning", "linked-learning"] {
        assert!(group(&a, silo).is_silo, "{silo} should read as a silo");
    }
    assert!(!group(&a, "riverside-high").is_silo);
    assert!(a
        .silos
        .groups
        .iter()
        .all(|g| g.ei.is_none_or(|e| (-1.0..=1.0).contains(&e))));
    // The two barriers sit on Teaching & Learning's boundary.
    assert_eq!(group(&a, "teaching-learning").barriers, 2);
}

#[test]
fn the_sample_shows_brokers_and_single_points_of_failure() {
    let a = sample();
    assert!(a.brokers.betweenness.exact);
    assert!(a.brokers.top.len() >= 5);
    let top: Vec<&str> = a
        .brokers
        .top
        .iter()
        .map(|b| b.element.id.0.as_str())
        .collect();
    assert!(top[..3].contains(&"es-academy"), "{top:?}");
    assert!(top[..3].contains(&"capstone"), "{top:?}");
    let cut: Vec<&str> = a
        .brokers
        .articulation_points
        .iter()
        .map(|n| n.id.0.as_str())
        .collect();
    assert!(cut.contains(&"es-academy") && cut.contains(&"capstone"));
    assert!(!a.brokers.bridges.is_empty());
    for s in &a.brokers.betweenness.scores {
        assert!((0.0..=1.0).contains(&s.value));
    }
}

#[test]
fn the_sample_moves_connect_across_the_unchecked_barrier() {
    let a = sample();
    let connect = a
        .moves
        .iter()
        .find(|m| m.verb == MoveVerb::Connect && m.elements[0].id.0 == "teaching-learning")
        .expect("a connect move across the alignment barrier");
    assert!(
        connect.words.starts_with(
            "connect: Teaching & Learning and Linked Learning — no flow between them, a barrier nobody has checked"
        ),
        "{}",
        connect.words
    );
    assert_eq!(connect.elements[1].id.0, "linked-learning");
    let verbs: BTreeSet<MoveVerb> = a.moves.iter().map(|m| m.verb).collect();
    for v in [
        MoveVerb::Notice,
        MoveVerb::Name,
        MoveVerb::Connect,
        MoveVerb::Nurture,
        MoveVerb::Protect,
        MoveVerb::Illuminate,
        MoveVerb::Celebrate,
        MoveVerb::Hospice,
    ] {
        assert!(verbs.contains(&v), "no {v:?} move on the sample");
    }
    assert!(a.moves.windows(2).all(|w| w[0].verb <= w[1].verb));
    assert!(a.moves.iter().any(|m| m.verb == MoveVerb::Celebrate
        && m.elements[0].id.0 == "es-redesign"
        && m.words.contains("Teaching & Learning")));
    assert!(a
        .moves
        .iter()
        .any(|m| m.verb == MoveVerb::Hospice && m.elements[0].id.0 == "research"));
}

#[test]
fn the_sample_shows_home_base_gaps_layers_and_reciprocity() {
    let a = sample();
    let h = &a.home_base;
    assert_eq!((h.people, h.with_home_base), (16, 7));
    let without: Vec<&str> = h.without.iter().map(|n| n.id.0.as_str()).collect();
    assert!(without.contains(&"science-specialist"));
    assert!(!without.contains(&"pathway-coach-1"));

    let l = &a.layers;
    assert_eq!(l.depth, 3);
    assert_eq!(l.offices_by_year[0].year, 1968);
    assert_eq!(l.offices_by_year.last().unwrap().year, 2015);
    assert_eq!(l.spans[0].manager.id.0, "superintendent");
    assert_eq!(l.spans[0].direct_reports, 8);

    let research = a
        .reciprocity
        .offices
        .iter()
        .find(|o| o.office.id.0 == "research")
        .unwrap();
    assert_eq!(
        research.balance,
        ReciprocityBalance::AccountabilityWithoutCapacity
    );
    assert_eq!(research.monitor_flows, 3);
    let ll = a
        .reciprocity
        .offices
        .iter()
        .find(|o| o.office.id.0 == "linked-learning")
        .unwrap();
    assert_eq!(ll.balance, ReciprocityBalance::Reciprocal);
}

#[test]
fn the_sample_chart_differs_from_how_work_flows() {
    let a = sample();
    let c = &a.chart;
    assert_eq!(c.flows_along_chart + c.flows_across_chart, 18);
    assert!(c.flows_across_chart > c.flows_along_chart);
    assert!(c.modularity > 0.3, "{}", c.modularity);
    assert!(c.clusters_crossing_units >= 1);
    // The redesign sprint team's cluster spans the two silos.
    let redesign = c
        .clusters
        .iter()
        .find(|k| k.members.iter().any(|m| m.id.0 == "es-redesign"))
        .unwrap();
    let units: BTreeSet<&str> = redesign
        .units
        .iter()
        .filter_map(|u| u.unit.as_ref().map(|n| n.id.0.as_str()))
        .collect();
    assert!(units.contains("teaching-learning") && units.contains("linked-learning"));
    // Deterministic.
    let again = sample();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
}

#[test]
fn an_unknown_scenario_falls_back_to_the_first() {
    let map = riverside_unified();
    let a = analyze(&map, &ScenarioId("nope".into()));
    assert_eq!(a.scenario, map.scenarios[0].id);
}

#[test]
fn the_analysis_serialises_with_no_integer_wider_than_32_bits() {
    let json = serde_json::to_value(sample()).unwrap();
    fn walk(v: &serde_json::Value) {
        match v {
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    assert!(i.unsigned_abs() <= u64::from(u32::MAX));
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(walk),
            serde_json::Value::Object(o) => o.values().for_each(walk),
            _ => {}
        }
    }
    walk(&json);
}

// --- betweenness, articulation points and bridges against networkx -------------------------------

struct Reference {
    name: String,
    graph: FlowGraph,
    betweenness: BTreeMap<String, f64>,
    articulation_points: BTreeSet<String>,
    bridges: BTreeSet<(String, String)>,
}

fn references() -> Vec<Reference> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("betweenness_")
        })
        .collect();
    paths.sort();
    for path in paths {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let s = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
        let nodes: Vec<ElementId> = doc["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| ElementId(s(v)))
            .collect();
        let edges: Vec<(ElementId, ElementId)> = doc["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (ElementId(s(&e[0])), ElementId(s(&e[1]))))
            .collect();
        out.push(Reference {
            name: s(&doc["name"]),
            graph: FlowGraph::from_ties(nodes, edges),
            betweenness: doc["betweenness"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.as_f64().unwrap()))
                .collect(),
            articulation_points: doc["articulation_points"]
                .as_array()
                .unwrap()
                .iter()
                .map(s)
                .collect(),
            bridges: doc["bridges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| (s(&b[0]), s(&b[1])))
                .collect(),
        });
    }
    assert!(out.len() >= 5, "the networkx fixtures are missing");
    assert!(out.iter().any(|r| r.name == "karate"));
    out
}

#[test]
fn exact_betweenness_matches_networkx_to_1e_9() {
    for r in references() {
        let b = betweenness_exact(&r.graph);
        assert!(b.exact);
        assert_eq!(b.scores.len(), r.betweenness.len(), "{}", r.name);
        for s in &b.scores {
            let want = r.betweenness[&s.id.0];
            assert!(
                (s.value - want).abs() < 1e-9,
                "{}: node {} is {} but networkx says {want}",
                r.name,
                s.id.0,
                s.value
            );
        }
        // Small graphs are computed exactly by the automatic choice too.
        assert_eq!(betweenness_auto(&r.graph), b, "{}", r.name);
    }
}

#[test]
fn articulation_points_and_bridges_match_networkx() {
    for r in references() {
        let cut: BTreeSet<String> = r
            .graph
            .articulation_points()
            .into_iter()
            .map(|id| id.0)
            .collect();
        assert_eq!(cut, r.articulation_points, "{}", r.name);
        let bridges: BTreeSet<(String, String)> = r
            .graph
            .bridges()
            .into_iter()
            .map(|(a, b)| if a.0 <= b.0 { (a.0, b.0) } else { (b.0, a.0) })
            .collect();
        assert_eq!(bridges, r.bridges, "{}", r.name);
    }
}

#[test]
fn sampled_betweenness_is_close_and_reproducible() {
    let r = references()
        .into_iter()
        .find(|r| r.name == "gnm_200_800")
        .unwrap();
    let k = 100;
    let est = betweenness_sampled(&r.graph, k, 42);
    assert!(!est.exact);
    assert_eq!(est.sources, k);
    assert_eq!(est, betweenness_sampled(&r.graph, k, 42));
    let max_err = est
        .scores
        .iter()
        .map(|s| (s.value - r.betweenness[&s.id.0]).abs())
        .fold(0.0, f64::max);
    // The documented Hoeffding bound at 95 % for k = 100 is ~0.14; the real error is far smaller.
    assert!(max_err < 0.02, "max error {max_err}");
}

#[test]
fn exact_betweenness_reports_progress_and_can_be_cancelled() {
    let r = references()
        .into_iter()
        .find(|r| r.name == "gnm_200_800")
        .unwrap();
    let seen = Mutex::new(Vec::new());
    let b = betweenness_exact_with_progress(
        &r.graph,
        |done, total| seen.lock().unwrap().push((done, total)),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(b, betweenness_exact(&r.graph));
    // The window's background refinement leaves a core free and must find the very same figures.
    let background =
        betweenness_exact_leaving_a_core(&r.graph, |_, _| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(background, b);
    let seen = seen.into_inner().unwrap();
    assert!(seen.iter().all(|&(d, t)| t == 200 && d <= t));
    assert_eq!(seen.iter().map(|&(d, _)| d).max(), Some(200));

    let cancel = AtomicBool::new(false);
    let calls = AtomicU32::new(0);
    let result = betweenness_exact_with_progress(
        &r.graph,
        |_, _| {
            calls.fetch_add(1, Ordering::Relaxed);
            cancel.store(true, Ordering::Relaxed);
        },
        &cancel,
    );
    assert!(result.is_none());
    // Each worker stops at its next look at `cancel`: at most one more report per core.
    assert!(calls.load(Ordering::Relaxed) <= 8);
}

// --- as of a moment ----------------------------------------------------------------------------------

/// The verbs the moves give `id`.
fn verbs_for(analysis: &Analysis, id: &str) -> BTreeSet<MoveVerb> {
    analysis
        .moves
        .iter()
        .filter(|m| m.elements.iter().any(|e| e.id.0 == id))
        .map(|m| m.verb)
        .collect()
}

#[test]
fn the_sprint_team_is_celebrated_once_done_and_never_noticed_as_well() {
    let map = riverside_unified();
    let as_is = map.scenarios[0].id.clone();
    let whenever = analyze(&map, &as_is);
    assert_eq!(whenever.moment, None);
    let done = verbs_for(&whenever, "es-redesign");
    assert!(done.contains(&MoveVerb::Celebrate), "{done:?}");
    assert!(!done.contains(&MoveVerb::Notice), "{done:?}");

    let then = analyze_at(&map, &as_is, Some(&Date::from("2021-04")));
    assert_eq!(then.moment.as_deref(), Some("2021-04"));
    let at_work = verbs_for(&then, "es-redesign");
    assert!(
        !at_work.contains(&MoveVerb::Celebrate),
        "at work, not yet done: {at_work:?}"
    );
    // At work then, the team carried the network: the science specialist brokered through it.
    assert!(then
        .brokers
        .top
        .iter()
        .any(|b| b.element.id.0 == "science-specialist"));

    // Before it formed and after it dissolved the lenses do not see it at all.
    for moment in ["2019", "2023"] {
        let a = analyze_at(&map, &as_is, Some(&Date::from(moment)));
        assert!(verbs_for(&a, "es-redesign").is_empty(), "{moment}");
    }
    for year in 2016..=2026 {
        let a = analyze_at(&map, &as_is, Some(&Date::from(year.to_string())));
        for m in &a.moves {
            let id = &m.elements[0].id.0;
            let verbs = verbs_for(&a, id);
            assert!(
                !(verbs.contains(&MoveVerb::Notice) && verbs.contains(&MoveVerb::Celebrate)),
                "{year}: {id} is both noticed and celebrated"
            );
        }
    }
}

/// A dated map: elements and flows with random spans (some open-ended, some of a year, a month
/// or a day), between elements with spans of their own.
fn dated_map(spans: &[(Option<u32>, Option<u32>, u8)], flows: &[(usize, usize, usize)]) -> Map {
    let date = |ymd: u32, precision: u8| -> Date {
        let (y, m, d) = (ymd / 10_000, ymd / 100 % 100, ymd % 100);
        match precision % 3 {
            0 => Date::from(format!("{y}")),
            1 => Date::from(format!("{y}-{m:02}")),
            _ => Date::from(format!("{y}-{m:02}-{d:02}")),
        }
    };
    let span = |&(from, len, precision): &(Option<u32>, Option<u32>, u8)| Span {
        from: from.map(|f| date(f, precision)),
        until: from
            .zip(len)
            .map(|(f, l)| date(f + l * 10_000, precision / 3)),
    };
    let mut d = Draw::new();
    for (i, s) in spans.iter().enumerate() {
        d.el(&format!("e{i}"), ElementKind::Partner, None)
            .annotations
            .span = span(s);
    }
    for &(a, b, s) in flows {
        let (a, b) = (a % spans.len(), b % spans.len());
        if a != b {
            d.flow(&format!("e{a}"), &format!("e{b}"));
            let id = RelationId(format!("r{:03}", d.n));
            d.sc.relations
                .get_mut(&id)
                .expect("just drawn")
                .annotations
                .span = span(&spans[s % spans.len()]);
        }
    }
    Map {
        title: "dated".into(),
        scenarios: vec![d.sc],
        scenes: Vec::new(),
    }
}

/// Whether `span` holds some day of `moment`, written out naively: a period counts to its last
/// day, an open end is open.
fn naive_alive(span: &Span, moment: &Date) -> bool {
    let (first, last) = moment.bounds().expect("a moment");
    let from = span.from.as_ref().map(|d| d.bounds().expect("a date").0);
    let until = span.until.as_ref().map(|d| d.bounds().expect("a date").1);
    from.is_none_or(|f| f <= last) && until.is_none_or(|u| u >= first)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn as_of_a_moment_the_lenses_count_exactly_what_was_alive(
        spans in proptest::collection::vec(
            (
                proptest::option::of((2015u32..2025, 1u32..13, 1u32..29).prop_map(|(y, m, d)| y * 10_000 + m * 100 + d)),
                proptest::option::of(0u32..4),
                0u8..9,
            ),
            1..20,
        ),
        flows in proptest::collection::vec((0usize..20, 0usize..20, 0usize..20), 0..30),
        (year, month, day, precision) in (2014u32..2030, 1u32..13, 1u32..29, 0u8..3),
    ) {
        let map = dated_map(&spans, &flows);
        let moment = Date::from(match precision {
            0 => format!("{year}"),
            1 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        });
        let sc = &map.scenarios[0];
        let alive: BTreeSet<&ElementId> = sc
            .elements
            .values()
            .filter(|e| naive_alive(&e.annotations.span, &moment))
            .map(|e| &e.id)
            .collect();
        let flows_alive = sc
            .relations
            .values()
            .filter(|r| {
                naive_alive(&r.annotations.span, &moment)
                    && alive.contains(&r.source)
                    && alive.contains(&r.target)
            })
            .count();
        let analysis = analyze_at(&map, &sc.id, Some(&moment));
        proptest::prop_assert_eq!(analysis.density.elements as usize, alive.len());
        proptest::prop_assert_eq!(analysis.density.flows as usize, flows_alive);
        proptest::prop_assert_eq!(analysis.moment.as_deref(), Some(moment.as_str()));
        let whenever = analyze(&map, &sc.id);
        proptest::prop_assert_eq!(whenever.density.elements as usize, sc.elements.len());
    }
}
