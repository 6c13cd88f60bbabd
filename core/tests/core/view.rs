//! What a view shows (`murmuration_core::view`): the one answer scenes, presentation, the canvas
//! and paper draw.

use murmuration_core::error::ErrorKind;
use murmuration_core::model::{ElementDetails, ElementId, ElementKind, Map, SprintStatus};
use murmuration_core::render::scene_page;
use murmuration_core::sample::riverside_unified;
use murmuration_core::view::{answer_analysing, brought_forward, shown, Filter, ViewRequest};
use proptest::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

fn id(s: &str) -> ElementId {
    ElementId::from(s)
}

#[test]
fn a_moment_shows_what_existed_then_as_it_was_then() {
    let map = riverside_unified();
    let sc = &map.scenarios[0];
    let at = |time: &str| Filter {
        time: Some(time.into()),
        ..Filter::default()
    };
    let then = shown(sc, &at("2021-04"));
    // The redesign team (February to June 2021) was at work; the device roll-out (2025) and the
    // rubric calibration (2024) had not begun.
    assert!(matches!(
        then.elements[&id("es-redesign")].details,
        ElementDetails::SprintTeam {
            status: SprintStatus::Active,
            ..
        }
    ));
    assert!(!then.elements.contains_key(&id("device-rollout")));
    assert!(!then.elements.contains_key(&id("rubric-calibration")));
    assert!(then.elements.contains_key(&id("teaching-learning")));
    for r in then.relations.values() {
        assert!(then.elements.contains_key(&r.source) && then.elements.contains_key(&r.target));
    }
    assert!(!shown(sc, &at("2022"))
        .elements
        .contains_key(&id("es-redesign")));
}

#[test]
fn what_has_ended_may_be_ghosted_and_what_has_not_begun_may_not() {
    let map = riverside_unified();
    let team = id("es-redesign");
    let team_at = |moment: &str| {
        let mut request = ViewRequest::of_scene(&map.scenes[0]);
        request.scenario = map.scenarios[0].id.clone();
        request.lens = None;
        request.filters = Default::default();
        request.view = murmuration_core::model::View::Network;
        request.moment = Some(moment.into());
        answer_analysing(&map, &request).expect("answered")
    };
    let later = team_at("2024");
    assert!(later.hidden.contains(&team) && later.departed.contains(&team));
    let member_lines = map.scenarios[0]
        .relations
        .values()
        .filter(|r| r.target == team)
        .count();
    assert!(member_lines > 0);
    assert!(
        later
            .departed_relations
            .iter()
            .filter(|r| map.scenarios[0].relations[*r].target == team)
            .count()
            > 0,
        "its members' lines go with it"
    );
    let then = team_at("2021-04");
    assert!(then.visible.contains(&team));
    assert_eq!(
        then.as_it_was,
        std::slice::from_ref(&team),
        "drawn at work, as it was then"
    );
    assert!(later.as_it_was.is_empty());
    let before = team_at("2015");
    assert!(before.hidden.contains(&team) && !before.departed.contains(&team));
    assert!(before.departed.is_empty(), "nothing had ended in 2015");
}

#[test]
fn hiding_a_group_kind_moves_its_contents_up() {
    let map = riverside_unified();
    let filter = Filter {
        hidden_element_kinds: [ElementKind::Site].into(),
        ..Filter::default()
    };
    let drawn = shown(&map.scenarios[0], &filter);
    assert!(drawn
        .elements
        .values()
        .all(|e| e.kind() != ElementKind::Site));
    for e in drawn.elements.values() {
        if let Some(p) = &e.parent {
            assert!(
                drawn.elements.contains_key(p),
                "{} keeps a drawn parent",
                e.id.0
            );
        }
    }
    // The academy sat in Riverside High; it now stands on its own.
    assert_eq!(drawn.elements[&id("es-academy")].parent, None);
}

#[test]
fn no_filter_borrows_the_scenario() {
    let map = riverside_unified();
    assert!(matches!(
        shown(&map.scenarios[0], &Filter::default()),
        Cow::Borrowed(_)
    ));
}

#[test]
fn a_community_brought_forward_brings_its_members_and_the_people_it_is_home_to() {
    let map = riverside_unified();
    let to_be = map.scenario(&"to-be".into()).expect("to be");
    let lit = brought_forward(to_be, &[id("coaches-circle")].into());
    for member in [
        "coaches-circle",
        "cte-specialist",
        "pathway-coach-1",
        "pathway-coach-2",
    ] {
        assert!(lit.contains(&id(member)), "{member} is brought forward");
    }
    assert!(!lit.contains(&id("linked-learning")), "not the office");
    assert!(brought_forward(to_be, &[id("no-such")].into()).is_empty());
}

/// Every scene of the sample: the answer partitions the scenario, names the scene's own
/// scenario, and carries the lens paint the deck page draws.
#[test]
fn every_sample_scene_is_answered_as_its_page_draws_it() {
    let map = riverside_unified();
    let mut analyses = BTreeMap::new();
    for scene in &map.scenes {
        let answer = answer_analysing(&map, &ViewRequest::of_scene(scene)).expect("answered");
        // A comparison scene shows the union of its two scenarios.
        let scenario = match &scene.compare {
            Some(c) => {
                murmuration_core::compare::overlay_paint(&map, &scene.scenario, &c.with)
                    .expect("compared")
                    .union
            }
            None => map
                .scenario(&scene.scenario)
                .expect("scene's scenario")
                .clone(),
        };
        let scenario = &scenario;
        assert_eq!(answer.scenario, scene.scenario, "{}", scene.title);
        let all: BTreeSet<&ElementId> = answer
            .visible
            .iter()
            .chain(&answer.faded)
            .chain(&answer.hidden)
            .collect();
        assert_eq!(
            all.len(),
            scenario.elements.len(),
            "{}: a partition",
            scene.title
        );
        let relations = answer.visible_relations.len()
            + answer.faded_relations.len()
            + answer.hidden_relations.len();
        assert_eq!(relations, scenario.relations.len(), "{}", scene.title);
        let page = scene_page(&map, scene, &mut analyses);
        assert_eq!(
            page.lens, answer.lens,
            "{}: the page's lens paint",
            scene.title
        );
        assert_eq!(
            answer.caption,
            page.lens.as_ref().map(|l| l.caption.clone()),
            "{}",
            scene.title
        );
        if scene.compare.is_some() {
            // What the page brings forward, the answer shows; what did not change is faint.
            for named in page.emphasis.iter().flatten() {
                assert!(
                    answer.visible.contains(named),
                    "{}: {} lit",
                    scene.title,
                    named.0
                );
            }
            assert!(!answer.faded.is_empty(), "{}: the rest faint", scene.title);
        } else if scene.filters.focus.is_empty() {
            assert!(answer.faded.is_empty(), "{}: nothing faded", scene.title);
        } else {
            for named in &scene.filters.focus {
                assert!(
                    answer.visible.contains(named),
                    "{}: {} lit",
                    scene.title,
                    named.0
                );
            }
            assert!(!answer.faded.is_empty(), "{}: the rest faint", scene.title);
        }
    }
}

#[test]
fn communities_as_home_base_shows_the_to_be_with_everyone_s_home_base() {
    let map = riverside_unified();
    let scene = map
        .scenes
        .iter()
        .find(|s| s.title.contains("home base"))
        .expect("the home-base scene");
    let answer = answer_analysing(&map, &ViewRequest::of_scene(scene)).expect("answered");
    assert_eq!(answer.scenario.0, "to-be");
    if let Some(lens) = &answer.lens {
        assert!(
            !lens.badges.values().any(|b| b == "no home base"),
            "in the to be everyone has a home base: {:?}",
            lens.badges
        );
    }
}

#[test]
fn an_unknown_scenario_a_bad_moment_or_lens_is_a_typed_error() {
    let map = riverside_unified();
    let scene = &map.scenes[0];
    let mut request = ViewRequest::of_scene(scene);
    request.scenario = "no-such".into();
    let err = answer_analysing(&map, &request).expect_err("unknown scenario");
    assert_eq!(err.kind, ErrorKind::UnknownScenario);
    assert!(err.message.contains("no-such"), "{}", err.message);

    let mut request = ViewRequest::of_scene(scene);
    request.moment = Some("spring 2021".into());
    let err = answer_analysing(&map, &request).expect_err("bad moment");
    assert_eq!(err.kind, ErrorKind::InvalidDate);
    assert!(err.message.contains("spring 2021"), "{}", err.message);

    let mut request = ViewRequest::of_scene(scene);
    request.lens = Some("astrology".into());
    assert_eq!(
        answer_analysing(&map, &request).expect_err("lens").kind,
        ErrorKind::UnknownLens
    );
}

fn sample() -> &'static Map {
    static MAP: std::sync::OnceLock<Map> = std::sync::OnceLock::new();
    MAP.get_or_init(riverside_unified)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any focus, hidden kinds and moment: each element and relation is in exactly one list, a
    /// relation is never shown with a hidden end, and what the focus names is never faded.
    #[test]
    fn the_answer_partitions_the_scenario(
        picks in proptest::collection::vec(0usize..200, 0..5),
        hide_site in any::<bool>(),
        year in proptest::option::of(2015u32..2027),
        scenario in 0usize..2,
    ) {
        let map = sample();
        let sc = &map.scenarios[scenario % map.scenarios.len()];
        let ids: Vec<&ElementId> = sc.elements.keys().collect();
        let mut request = ViewRequest::of_scene(&map.scenes[0]);
        request.scenario = sc.id.clone();
        request.lens = None;
        request.moment = year.map(|y| y.to_string().into());
        request.filters.focus = picks.iter().map(|i| ids[i % ids.len()].clone()).collect();
        if hide_site {
            request.filters.hidden_element_kinds.insert(ElementKind::Site);
        }
        let a = answer_analysing(map, &request).expect("answered");
        let mut seen = BTreeSet::new();
        for e in a.visible.iter().chain(&a.faded).chain(&a.hidden) {
            prop_assert!(seen.insert(e.clone()), "{} twice", e.0);
        }
        prop_assert_eq!(seen.len(), sc.elements.len());
        let hidden: BTreeSet<&ElementId> = a.hidden.iter().collect();
        for r in a.visible_relations.iter().chain(&a.faded_relations) {
            let rel = &sc.relations[r];
            prop_assert!(!hidden.contains(&rel.source) && !hidden.contains(&rel.target));
        }
        for named in &request.filters.focus {
            prop_assert!(!a.faded.contains(named));
        }
        // What may be ghosted is only ever what is hidden.
        prop_assert!(a.departed.iter().all(|e| hidden.contains(e)));
        let hidden_relations: BTreeSet<_> = a.hidden_relations.iter().collect();
        prop_assert!(a.departed_relations.iter().all(|r| hidden_relations.contains(r)));
    }
}
