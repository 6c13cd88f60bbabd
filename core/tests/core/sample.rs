//! The built-in sample grows as SAMPLE.md asks: a "to be" scenario that differs from "as is" in
//! the ways the seeds argue for, visibly in the lenses, and the six scenes of the Environmental
//! Sciences Academy story.

use murmuration_core::analysis::analyze;
use murmuration_core::model::*;
use murmuration_core::ops;
use murmuration_core::sample::{riverside_unified, AS_IS, TO_BE};

fn scenarios(map: &Map) -> (&Scenario, &Scenario) {
    (
        map.scenario(&AS_IS.into()).expect("as is"),
        map.scenario(&TO_BE.into()).expect("to be"),
    )
}

fn el<'a>(sc: &'a Scenario, id: &str) -> &'a Element {
    sc.elements
        .get(&ElementId::from(id))
        .unwrap_or_else(|| panic!("{} has no {id}", sc.name))
}

fn count(sc: &Scenario, kind: RelationKind) -> usize {
    sc.relations.values().filter(|r| r.kind() == kind).count()
}

fn is_member(sc: &Scenario, member: &str, group: &str) -> bool {
    sc.relations
        .values()
        .any(|r| r.kind() == RelationKind::MemberOf && r.source.0 == member && r.target.0 == group)
}

#[test]
fn the_sample_has_two_scenarios_as_is_first() {
    let map = riverside_unified();
    ops::validate_map(&map).expect("valid");
    let names: Vec<&str> = map.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["As is 2025", "To be: communities as home base"]);
    let (as_is, to_be) = scenarios(&map);
    // Everything of "as is" keeps its id in "to be", but the habit the redesign hospices.
    for id in as_is
        .elements
        .keys()
        .filter(|id| id.0 != "no-direct-orders")
    {
        assert!(
            to_be.elements.contains_key(id),
            "{} is gone from to be",
            id.0
        );
    }
    assert!(to_be
        .elements
        .contains_key(&ElementId::from("evidence-street-data")));
}

#[test]
fn to_be_differs_from_as_is_the_way_sample_md_says() {
    let map = riverside_unified();
    let (as_is, to_be) = scenarios(&map);

    // The barriers are gone: the two silo barriers and Procurement's "forbidden by contract".
    assert_eq!(count(as_is, RelationKind::Barrier), 3);
    assert_eq!(count(to_be, RelationKind::Barrier), 0);

    // The specialists are members of communities, with a home base.
    for specialist in ["science-specialist", "math-specialist", "cte-specialist"] {
        let ElementDetails::Person { home_base, .. } = &el(to_be, specialist).details else {
            panic!("{specialist} is a person")
        };
        let home = home_base.as_ref().expect("a home base");
        assert_eq!(el(to_be, &home.0).kind(), ElementKind::Community);
        assert!(is_member(to_be, specialist, &home.0));
        assert!(!as_is
            .relations
            .values()
            .any(|r| r.kind() == RelationKind::MemberOf
                && r.source.0 == specialist
                && as_is.elements[&r.target].kind() == ElementKind::Community));
    }

    // The sprint teams are supported: support flows reach each of them, and the redesign's
    // notes no longer tell of a reprimand.
    for team in ["es-redesign", "rubric-calibration"] {
        let supported = |sc: &Scenario| {
            sc.relations.values().any(|r| {
                r.target.0 == team
                    && matches!(
                        r.details,
                        RelationDetails::Flow {
                            mode: FlowMode::Support,
                            ..
                        }
                    )
            })
        };
        assert!(!supported(as_is) && supported(to_be), "{team}");
    }
    assert!(el(as_is, "es-redesign")
        .annotations
        .notes
        .contains("reprimanded"));
    assert!(!el(to_be, "es-redesign")
        .annotations
        .notes
        .contains("reprimanded"));

    // Research & Accountability is hospiced into an "Evidence & Street Data" community.
    let hospiced = |sc: &Scenario| {
        matches!(
            el(sc, "research").details,
            ElementDetails::Office {
                hospiced: Some(_),
                ..
            }
        )
    };
    assert!(!hospiced(as_is) && hospiced(to_be));
    let evidence = el(to_be, "evidence-street-data");
    assert_eq!(evidence.name, "Evidence & Street Data");
    assert_eq!(evidence.kind(), ElementKind::Community);
    assert!(is_member(to_be, "research", "evidence-street-data"));
    let monitors = |sc: &Scenario| {
        sc.relations
            .values()
            .filter(|r| {
                r.source.0 == "research"
                    && matches!(
                        r.details,
                        RelationDetails::Flow {
                            mode: FlowMode::Monitor,
                            ..
                        }
                    )
            })
            .count()
    };
    assert_eq!((monitors(as_is), monitors(to_be)), (3, 0));

    // Procurement serves, and purchasing is a simpler routine with a shorter cycle.
    let stance = |sc: &Scenario| match el(sc, "procurement").details {
        ElementDetails::Office { stance, .. } => stance,
        _ => panic!("an office"),
    };
    assert_eq!(stance(as_is), Some(Stance::Compliance));
    assert_eq!(stance(to_be), Some(Stance::Service));
    let routine = |sc: &Scenario| match &el(sc, "purchasing").details {
        ElementDetails::Routine {
            steps,
            cycle_time_days,
        } => (steps.len(), cycle_time_days.expect("a cycle time")),
        _ => panic!("a routine"),
    };
    let (steps_before, days_before) = routine(as_is);
    let (steps_after, days_after) = routine(to_be);
    assert_eq!((steps_before, days_before), (5, 47));
    assert!(steps_after < steps_before && days_after < days_before);
}

#[test]
fn the_lenses_show_the_difference() {
    let map = riverside_unified();
    let before = analyze(&map, &AS_IS.into());
    let after = analyze(&map, &TO_BE.into());

    // Lateral density rises.
    let (d0, d1) = (&before.density, &after.density);
    assert!(
        d1.lateral_density.unwrap() > 1.5 * d0.lateral_density.unwrap(),
        "lateral density {:?} → {:?}",
        d0.lateral_density,
        d1.lateral_density
    );
    assert!(d1.lateral_ties_per_element.unwrap() > d0.lateral_ties_per_element.unwrap());

    // E-I indices move toward 0: overall, on average, and for the two silo offices.
    let mean_abs = |a: &murmuration_core::analysis::Analysis| {
        let eis: Vec<f64> = a.silos.groups.iter().filter_map(|g| g.ei).collect();
        eis.iter().map(|e| e.abs()).sum::<f64>() / eis.len() as f64
    };
    assert!(
        after.silos.mean_ei.unwrap().abs() < before.silos.mean_ei.unwrap().abs(),
        "mean E-I {:?} → {:?}",
        before.silos.mean_ei,
        after.silos.mean_ei
    );
    assert!(mean_abs(&after) < mean_abs(&before));
    let group = |a: &murmuration_core::analysis::Analysis, id: &str| {
        a.silos
            .groups
            .iter()
            .find(|g| g.group.id.0 == id)
            .unwrap_or_else(|| panic!("no group {id}"))
            .clone()
    };
    for office in ["teaching-learning", "linked-learning"] {
        let (b, a) = (group(&before, office), group(&after, office));
        assert!(
            b.is_silo && !a.is_silo,
            "{office}: {} → {}",
            b.words,
            a.words
        );
        assert!(a.ei.unwrap().abs() < b.ei.unwrap().abs(), "{office}");
        assert_eq!(a.barriers, 0);
    }

    // Everyone has a home base; no innovation goes unnoticed; the hospiced office no longer
    // monitors without building capacity.
    assert!(before.home_base.with_home_base < before.home_base.people);
    assert_eq!(after.home_base.with_home_base, after.home_base.people);
    // The redesign sprint team is tied in through its members in the academy's community, even
    // before: people there are learning from it (002:37 is about innovation nobody has seen).
    assert!(before
        .pioneers
        .unconnected
        .iter()
        .all(|p| p.element.id.0 != "es-redesign"));
    // While at work (April 2021) it was one of the innovations; tied in through its members then too.
    let then = murmuration_core::analysis::analyze_at(&map, &AS_IS.into(), Some(&"2021-04".into()));
    assert!(then
        .pioneers
        .unconnected
        .iter()
        .all(|p| p.element.id.0 != "es-redesign"));
    assert!(after.pioneers.unconnected.is_empty());
    assert!(after.pioneers.innovations >= 2);
    assert!(
        after.chart.flows_across_chart > before.chart.flows_across_chart,
        "more of the work flows across the chart"
    );
}

#[test]
fn the_scenes_tell_the_essays_stories_one_story_after_another() {
    let map = riverside_unified();
    assert_eq!(
        murmuration_core::model::stories(&map),
        [
            "The Environmental Sciences Academy",
            "The graduate capstone",
            "The purchasing bottleneck",
            "Geology",
            "What the redesign changes",
        ]
    );
    let titles = |story: &str| -> Vec<String> {
        murmuration_core::model::story_scenes(&map, story)
            .expect("a story")
            .iter()
            .map(|s| s.title.clone())
            .collect()
    };
    assert_eq!(
        titles("the environmental sciences academy "),
        [
            "The org chart we draw",
            "How work really flows",
            "The silos",
            "The sprint team that crossed them",
            "Communities as home base",
        ]
    );
    assert_eq!(
        titles("The graduate capstone"),
        [
            "The board's senior-project policy",
            "Teachers calibrating the rubric",
            "Visits to other schools: lateral spread",
            "A district standard",
        ]
    );
    assert_eq!(
        titles("The purchasing bottleneck"),
        [
            "The cascade behind the 47-day purchase",
            "Rules nobody has checked",
            "The service redesign: 10 days",
        ]
    );
    let err = murmuration_core::model::story_scenes(&map, "Budget").unwrap_err();
    assert!(
        err.message.contains("no story \u{201c}Budget\u{201d}")
            && err
                .message
                .contains("\u{201c}The graduate capstone\u{201d}"),
        "{}",
        err.message
    );
    // Every scene quotes the essay its story comes from.
    for s in &map.scenes {
        assert!(
            s.notes.contains("(00") && s.notes.contains('\u{201c}'),
            "{} quotes its essay",
            s.title
        );
    }
    let academy =
        murmuration_core::model::story_scenes(&map, "The Environmental Sciences Academy").unwrap();
    let [chart, flows, silos, sprint, home] = &academy[..] else {
        panic!("five scenes")
    };
    let changes = map.scenes.last().expect("scenes");
    // The story ends on the comparison of as is with to be.
    assert_eq!(changes.scenario.0, AS_IS);
    assert_eq!(
        changes.compare.as_ref().map(|c| c.with.0.as_str()),
        Some(TO_BE)
    );
    assert_eq!(chart.view, View::OrgChart);
    assert_eq!(flows.view, View::Network);
    for s in [chart, flows, silos, sprint] {
        assert_eq!(s.scenario.0, AS_IS, "{}", s.title);
    }
    assert_eq!(silos.lens.as_deref(), Some("silos"));
    assert!(silos
        .filters
        .focus
        .contains(&ElementId::from("teaching-learning")));

    // The sprint team, its members and the barrier it crossed.
    let (as_is, to_be) = scenarios(&map);
    let lit = &sprint.filters.focus;
    assert!(lit.contains(&ElementId::from("es-redesign")));
    for r in as_is.relations.values() {
        if r.kind() == RelationKind::MemberOf && r.target.0 == "es-redesign" {
            assert!(lit.contains(&r.source), "member {} lit", r.source.0);
        }
    }
    let barrier = as_is
        .relations
        .values()
        .find(|r| r.kind() == RelationKind::Barrier && r.source.0 == "science-specialist")
        .expect("the no-site-work barrier");
    assert!(lit.contains(&barrier.source) && lit.contains(&barrier.target));
    assert_eq!(
        sprint.time.as_deref(),
        Some("2021-04"),
        "while the team met"
    );

    assert_eq!(home.scenario.0, TO_BE);
    assert_eq!(home.lens.as_deref(), Some("home_base"));
    assert!(home
        .filters
        .focus
        .iter()
        .all(|id| to_be.elements[id].kind() == ElementKind::Community));
    for s in &map.scenes {
        assert!(!s.notes.is_empty(), "{} has speaker notes", s.title);
    }
}

#[test]
fn the_sample_carries_time_tags_and_street_data() {
    let map = riverside_unified();
    let (as_is, _) = scenarios(&map);
    let redesign = &el(as_is, "es-redesign").annotations;
    assert_eq!(redesign.span.from.as_deref(), Some("2021-02"));
    assert_eq!(redesign.span.until.as_deref(), Some("2021-06"));
    assert!(redesign.tags.iter().any(|t| t == "innovation"));
    assert!(el(as_is, "capstone")
        .annotations
        .tags
        .iter()
        .any(|t| t == "innovation"));
    for team in ["rubric-calibration", "device-rollout"] {
        assert!(el(as_is, team).annotations.span.from.is_some(), "{team}");
    }
    for id in ["capstone", "es-academy", "purchasing"] {
        assert!(!el(as_is, id).annotations.notes.is_empty(), "{id}");
    }
}

/// The sample is a JSON asset read through the JSON importer; exported again it is the same file,
/// byte for byte, so nothing is lost or reordered on the way in.
#[test]
fn the_sample_s_json_export_is_its_asset_byte_for_byte() {
    let exported = murmuration_core::json::to_json(&riverside_unified());
    // `UPDATE_SAMPLE=1` rewrites the asset as the exporter writes it (then read the diff).
    if std::env::var_os("UPDATE_SAMPLE").is_some() && exported != murmuration_core::sample::JSON {
        let asset = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/sample/riverside-unified.json"
        );
        std::fs::write(asset, &exported).expect("the asset is written");
    }
    assert!(
        exported == murmuration_core::sample::JSON,
        "the sample's JSON export differs from core/assets/sample/riverside-unified.json"
    );
}
