//! Screen and paper agree for every scene: for each of the sample's scenes, shown in the real
//! window, what is visible and what is faded on the canvas equals what the core's view function
//! answers, which equals what the scene's page draws. Scene 5, "Communities as home base", is then
//! presented and screenshot: the *to be* scenario, everyone with a home base.

use crate::harness::{AppWindow, Launch};
use murmuration_core::model::{Map, Scene};
use murmuration_core::render::{render_svg, scene_page, PageSize, PageSpec};
use murmuration_core::sample::riverside_unified;
use murmuration_core::view::{answer_analysing, ViewRequest};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

/// What a view shows, as ids of elements and relations together.
#[derive(Debug, PartialEq, Eq)]
struct Shown {
    visible: BTreeSet<String>,
    faded: BTreeSet<String>,
}

/// Everything the scene's scenario has: the ids a comparison is about.
fn ids_of(map: &Map, scene: &Scene) -> BTreeSet<String> {
    // A comparison scene shows both its scenarios.
    let with = scene.compare.as_ref().map(|c| &c.with);
    std::iter::once(&scene.scenario)
        .chain(with)
        .map(|id| map.scenario(id).expect("the scene's scenario"))
        .flat_map(|sc| {
            let elements = sc.elements.keys().map(|id| id.0.clone());
            elements.chain(sc.relations.keys().map(|id| id.0.clone()))
        })
        .collect()
}

fn core_answer(map: &Map, scene: &Scene) -> Shown {
    let a = answer_analysing(map, &ViewRequest::of_scene(scene)).expect("the core answers");
    let ids = |l: &[String]| l.iter().cloned().collect::<BTreeSet<_>>();
    let el = |l: &[murmuration_core::model::ElementId]| {
        l.iter().map(|i| i.0.clone()).collect::<Vec<_>>()
    };
    let rel = |l: &[murmuration_core::model::RelationId]| {
        l.iter().map(|i| i.0.clone()).collect::<Vec<_>>()
    };
    Shown {
        visible: ids(&[el(&a.visible), rel(&a.visible_relations)].concat()),
        faded: ids(&[el(&a.faded), rel(&a.faded_relations)].concat()),
    }
}

/// The ids the scene's page draws (`data-id` on elements and relation lines, `data-relations` on
/// the org chart's connectors), faded when marked `data-faded`.
fn paper(map: &Map, scene: &Scene, known: &BTreeSet<String>) -> Shown {
    let page = scene_page(map, scene, &mut BTreeMap::new());
    let spec = page.spec(&PageSpec::new(PageSize::Widescreen16x9));
    // A comparison's page draws the union of its two scenarios.
    let scenario = match page.compared.as_deref() {
        Some(union) => union,
        None => map.scenario(&scene.scenario).expect("scenario"),
    };
    let svg = render_svg(map, scenario, scene.view, &spec);
    let mut shown = Shown {
        visible: BTreeSet::new(),
        faded: BTreeSet::new(),
    };
    for tag in svg.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let faded = tag.contains(r#"data-faded="true""#);
        for attribute in [r#"data-id=""#, r#"data-relations=""#] {
            let Some(at) = tag.find(attribute) else {
                continue;
            };
            let value = &tag[at + attribute.len()..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            for id in value.split_whitespace().filter(|id| known.contains(*id)) {
                let list = if faded {
                    &mut shown.faded
                } else {
                    &mut shown.visible
                };
                list.insert(id.to_owned());
            }
        }
    }
    shown
}

/// What the canvas shows: elements and relations on it, not hidden (nor inside or between hidden
/// ones), faded when the scene faded them.
const CANVAS: &str = r#"(() => {
  const cy = window.__murmuration.cy;
  const hidden = (n) => n.hasClass('view-hidden') || n.ancestors().some((a) => a.hasClass('view-hidden'));
  const visible = [], faded = [];
  cy.elements().forEach((e) => {
    const out = e.isEdge() ? hidden(e) || hidden(e.source()) || hidden(e.target()) : hidden(e);
    if (!out) (e.hasClass('view-faded') ? faded : visible).push(e.id());
  });
  return { visible, faded };
})()"#;

async fn canvas(window: &AppWindow, known: &BTreeSet<String>) -> Shown {
    let value = window.eval(CANVAS).await;
    let set = |key: &str| -> BTreeSet<String> {
        value[key]
            .as_array()
            .expect("ids")
            .iter()
            .filter_map(|v| v.as_str())
            .filter(|id| known.contains(*id))
            .map(str::to_owned)
            .collect()
    };
    Shown {
        visible: set("visible"),
        faded: set("faded"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_scene_shows_on_screen_what_the_core_answers_and_paper_draws() {
    tokio::time::timeout(Duration::from_secs(300), journey())
        .await
        .expect("the scenes journey finished in time");
}

async fn journey() {
    let map = riverside_unified();
    let window = AppWindow::launch(Launch::fresh()).await;
    for (i, scene) in map.scenes.iter().enumerate() {
        window.click(&format!("scene-show-{i}")).await;
        window
            .wait_until(
                &format!("document.body.dataset.sceneShown === {:?}", scene.id.0),
                WAIT,
            )
            .await;
        let known = ids_of(&map, scene);
        let core = core_answer(&map, scene);
        let on_paper = paper(&map, scene, &known);
        assert!(!core.visible.is_empty(), "{}: something shows", scene.title);
        if scene.compare.is_some() {
            // A comparison is drawn by the compare view: every element the core's answer shows
            // is on its overlay canvas, and paper draws the answer.
            window
                .wait_until(
                    "document.querySelector(\"[data-testid='compare-view']\") !== null && (window.__murmuration.compare?.canvases()[0]?.nodes().length ?? 0) > 0",
                    WAIT,
                )
                .await;
            let drawn = window
                .eval("window.__murmuration.compare.canvases()[0].nodes().map((n) => n.id())")
                .await;
            let drawn: BTreeSet<&str> = drawn
                .as_array()
                .expect("ids")
                .iter()
                .filter_map(|v| v.as_str())
                .collect();
            for id in core.visible.iter().chain(&core.faded) {
                assert!(
                    !id_is_element(&map, id) || drawn.contains(id.as_str()),
                    "{}: {id} is on the compare overlay",
                    scene.title
                );
            }
            assert_eq!(
                on_paper, core,
                "{}: paper draws the core's answer",
                scene.title
            );
            continue;
        }
        let on_screen = canvas(&window, &known).await;
        assert_eq!(
            on_screen, core,
            "{}: the canvas shows the core's answer",
            scene.title
        );
        window.settled().await;
        window.screenshot(&format!("scene-{:02}-{}", i + 1, scene.id.0));
        assert_eq!(
            on_paper, core,
            "{}: paper draws the core's answer",
            scene.title
        );
    }
    let home_base = map
        .scenes
        .iter()
        .position(|s| s.id.0 == "home-base")
        .expect("the home-base scene");
    present_home_base(&window, home_base).await;
    window.quit().await;
}

/// Presents the last scene (Communities as home base) and keeps its picture in the docs.
async fn present_home_base(window: &AppWindow, index: usize) {
    // The last scene compared: back to the network view, where the scenes list is, then leave it.
    window.click("view-network").await;
    window.click("scene-leave").await;
    window
        .wait_until("document.body.dataset.sceneShown === undefined", WAIT)
        .await;
    window.click(&format!("scene-present-{index}")).await;
    window
        .wait_until("document.body.dataset.sceneShown === 'home-base'", WAIT)
        .await;
    window.settled().await;
    // The to be: nobody lacks a home base, so the home-base lens says "no home base" nowhere.
    let badges = window
        .eval("window.__murmuration.cy.nodes().map((n) => String(n.style('label'))).filter((l) => l.includes('no home base')).length")
        .await;
    assert_eq!(
        badges,
        serde_json::json!(0),
        "no one is without a home base"
    );
    let caption = window
        .eval("document.querySelector(\"[data-testid='present-caption']\")?.textContent ?? ''")
        .await;
    assert!(
        caption.as_str().is_some_and(|c| !c.is_empty()),
        "the lens's caption is shown: {caption}"
    );
    let shot = window.screenshot("scene-5-home-base");
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/screenshots");
    std::fs::create_dir_all(&docs).expect("docs/screenshots");
    std::fs::copy(&shot, docs.join("scene-5-home-base.png")).expect("keep the screenshot");
    window.leave_presentation().await;
    // Leaving puts back the scenario the window had before the presentation (the as is).
    window
        .wait_until(
            "window.__murmuration.cy.nodes().every((n) => !n.hasClass('view-faded'))",
            WAIT,
        )
        .await;
}

/// Whether `id` names an element of either of the sample's scenarios (not a relation).
fn id_is_element(map: &Map, id: &str) -> bool {
    map.scenarios.iter().any(|sc| {
        sc.elements
            .contains_key(&murmuration_core::model::ElementId::from(id))
    })
}
