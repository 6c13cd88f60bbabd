//! Scenes on paper: a map's saved views become the pages of its deck.
//!
//! A scene names what it shows (scenario, view, viewport, lens, filters, moment) rather than
//! holding a picture, so the page is drawn afresh from the map each time and stays true as the
//! map is edited. This module turns a [`Scene`] into a [`DeckPage`] — its lens into the same
//! [`LensPaint`](crate::lens_paint::LensPaint) the canvas draws, its filters into what the page
//! leaves out — and a map into its deck.

use super::{DeckPage, Rect};
use crate::analysis::{analyze, analyze_at, Analysis};
use crate::error::{CoreError, ErrorKind, Result};
use crate::lens_paint::lens_paint;
use crate::model::{Map, ScenarioId, Scene, View, Viewport};
use crate::view::Filter;
use std::collections::BTreeMap;

impl From<Viewport> for Rect {
    fn from(v: Viewport) -> Self {
        Rect {
            x: v.x,
            y: v.y,
            width: v.width,
            height: v.height,
        }
    }
}

/// A scene as a page of the deck: its scenario and view, its viewport, its focus brought
/// forward, its lens painted as the canvas paints it, its filters, its notes, and its title as
/// the page's subtitle. `analyses` keeps each scenario's [`Analysis`] for the next scene with a
/// lens on (analysing is the one costly step; a deck's scenes share few scenarios).
pub fn scene_page(
    map: &Map,
    scene: &Scene,
    analyses: &mut BTreeMap<ScenarioId, Analysis>,
) -> DeckPage {
    if let Some(page) = comparison_page(map, scene, analyses) {
        return page;
    }
    let lens = scene.lens.as_deref().and_then(|lens| match &scene.time {
        // A scene as of a moment sees the lenses as of then (few scenes name one).
        Some(moment) => {
            let analysis = analyze_at(map, &scene.scenario, Some(moment));
            lens_paint(map, &scene.scenario, lens, &analysis)
        }
        None => {
            let analysis = analyses
                .entry(scene.scenario.clone())
                .or_insert_with(|| analyze(map, &scene.scenario));
            lens_paint(map, &scene.scenario, lens, analysis)
        }
    });
    DeckPage {
        scenario: Some(scene.scenario.clone()),
        view: scene.view,
        subtitle: scene.title.clone(),
        viewport: scene.viewport.map(Rect::from),
        emphasis: (!scene.filters.focus.is_empty()).then(|| scene.filters.focus.clone()),
        lens,
        notes: (!scene.notes.trim().is_empty()).then(|| scene.notes.clone()),
        filter: Filter::of(scene),
        compared: None,
        facing: None,
    }
}

/// A comparison scene's page: the overlay of its scenario with the one it compares with, framed
/// and filtered as the scene says. `None` for a scene of one scenario (or one whose scenarios are
/// gone, which the map's checks do not let happen).
fn comparison_page(
    map: &Map,
    scene: &Scene,
    analyses: &mut BTreeMap<ScenarioId, Analysis>,
) -> Option<DeckPage> {
    let with = &scene.compare.as_ref()?.with;
    let pair = (&scene.scenario, with);
    let mut page =
        super::compare::compare_page_analysed(map, pair, scene.view, &scene.title, analyses)
            .ok()?;
    page.viewport = scene.viewport.map(Rect::from);
    page.notes = (!scene.notes.trim().is_empty()).then(|| scene.notes.clone());
    page.filter = Filter::of(scene);
    Some(page)
}

/// The map's deck: one page per scene, in the story's order. A map without scenes gets its org
/// chart and its network, so a deck can always be made.
pub fn scene_deck(map: &Map) -> Vec<DeckPage> {
    if map.scenes.is_empty() {
        return vec![
            DeckPage::new(View::OrgChart, super::page::view_name(View::OrgChart)),
            DeckPage::new(View::Network, super::page::view_name(View::Network)),
        ];
    }
    let mut analyses = BTreeMap::new();
    map.scenes
        .iter()
        .map(|scene| scene_page(map, scene, &mut analyses))
        .collect()
}

/// The scene titled `title` (exactly, else ignoring case and surrounding spaces); an error
/// naming the scenes there are when there is none.
pub(crate) fn find_scene<'a>(map: &'a Map, title: &str) -> Result<&'a Scene> {
    let loose = |s: &Scene| s.title.trim().to_lowercase() == title.trim().to_lowercase();
    if let Some(scene) = map
        .scenes
        .iter()
        .find(|s| s.title == title)
        .or_else(|| map.scenes.iter().find(|s| loose(s)))
    {
        return Ok(scene);
    }
    let message = if map.scenes.is_empty() {
        format!("This map has no scenes, so there is no scene \u{201c}{title}\u{201d} to export.")
    } else {
        let titles: Vec<String> = map
            .scenes
            .iter()
            .map(|s| format!("\u{201c}{}\u{201d}", s.title))
            .collect();
        format!(
            "This map has no scene \u{201c}{title}\u{201d}. Its scenes are: {}.",
            titles.join(", ")
        )
    };
    Err(CoreError::new(ErrorKind::UnknownScene, message))
}
