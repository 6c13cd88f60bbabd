//! Scenes: saved views, the steps of the story a coach presents and a board gets as pages.

use super::*;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;

/// The part of a drawing a scene shows: a rectangle in the view's own coordinates (the units of
/// [`Point`]), not a zoom and pan. A window of any size, a slide and an A4 page each fit the same
/// rectangle (keeping its centre, showing a little more along one side when the shapes differ),
/// so a scene frames the same elements wherever it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct Viewport {
    /// The left edge.
    pub x: f64,
    /// The top edge.
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// What a scene leaves out or brings forward. Everything empty: the whole scenario, all alike.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SceneFilters {
    /// Element kinds not drawn (their relations go with them).
    #[serde(default)]
    pub hidden_element_kinds: BTreeSet<ElementKind>,
    /// Relation kinds not drawn.
    #[serde(default)]
    pub hidden_relation_kinds: BTreeSet<RelationKind>,
    /// Flows of these media not drawn.
    #[serde(default)]
    pub hidden_media: BTreeSet<Medium>,
    /// Elements brought forward; the rest is drawn faint. Empty: all alike. Each names an element
    /// of the scene's scenario (deleting the element takes it out of the set).
    #[serde(default)]
    pub focus: BTreeSet<ElementId>,
}

/// A saved view: one step of the story a coach presents full-screen and a board gets as a page
/// of a PDF deck. It names what it shows (scenario, view, lens, filters, time) rather than
/// holding a picture, so it stays true as the map is edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Scene {
    pub id: SceneId,
    pub title: String,
    /// Speaker notes: what the coach says over this scene.
    #[serde(default)]
    pub notes: String,
    /// The scenario shown; it must exist in the map.
    pub scenario: ScenarioId,
    pub view: View,
    /// The part of the drawing shown; `None` fits the whole drawing.
    #[serde(default)]
    pub viewport: Option<Viewport>,
    /// The lens switched on, by its id (`silos`, `brokers`, `home_base`… as `analysis` names
    /// them); `None` for no lens. Kept as text so a map outlives a lens being renamed.
    #[serde(default)]
    pub lens: Option<String>,
    #[serde(default)]
    pub filters: SceneFilters,
    /// The moment shown on the timeline (`2021`, `2021-02` or `2021-02-01`); `None` shows
    /// everything regardless of its span.
    #[serde(default)]
    #[specta(type = Option<String>)]
    pub time: Option<Date>,
    /// A comparison scene: `scenario` (as is) compared with another scenario (to be), drawn as
    /// the compare view draws it. `None` for a scene of one scenario (and then not written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<SceneComparison>,
    /// The story the scene belongs to ("The purchasing bottleneck"): the scenes list groups scenes
    /// by story, and a coach presents, or a deck prints, one story. `None`: no story (not written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

/// How a comparison scene compares: with which scenario, drawn how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SceneComparison {
    /// The later scenario (to be); the scene's own `scenario` is the earlier one.
    pub with: ScenarioId,
    #[serde(default)]
    pub mode: CompareMode,
}

/// The compare view's two ways of showing a change: one drawing of both, marked (better for
/// spotting changes), or the two drawn side by side (faster to read).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CompareMode {
    #[default]
    Overlay,
    SideBySide,
}

impl Scene {
    /// Whether the scene draws `scenario`, as its own or as the one it is compared with.
    pub fn shows(&self, scenario: &ScenarioId) -> bool {
        &self.scenario == scenario || self.compare.as_ref().is_some_and(|c| &c.with == scenario)
    }

    /// A scene of the whole `scenario` in `view`: no lens, no filters, no time.
    pub fn new(title: impl Into<String>, scenario: ScenarioId, view: View) -> Self {
        Self {
            id: SceneId::new(),
            title: title.into(),
            notes: String::new(),
            scenario,
            view,
            viewport: None,
            lens: None,
            filters: SceneFilters::default(),
            time: None,
            compare: None,
            story: None,
        }
    }
}
