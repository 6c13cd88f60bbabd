//! The district map as the seeds describe it: elements (offices, sites, communities, sprint teams,
//! routines, people, partners) joined by relations (reports-to, flows, member-of, barriers).
//!
//! These are plain data. Every change goes through `ops`, which keeps the invariants listed in
//! `ARCHITECTURE.md`; nothing here validates. Ids are stable strings chosen by the core (ULIDs for new
//! elements, readable slugs in the built-in sample) and are the only handles that leave the core.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;

mod date;
mod element;
mod lookup;
mod relation;
mod scene;

pub use date::{Date, Precision, UNDATED};
pub use element::*;
pub use lookup::{org_chart_office, scenario_named, scenario_of, stories, story_scenes};
pub use relation::*;
pub use scene::*;

/// A stable element id. Never a graph index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(transparent)]
pub struct ElementId(pub String);

/// A stable relation id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(transparent)]
pub struct RelationId(pub String);

/// A stable scenario id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(transparent)]
pub struct ScenarioId(pub String);

/// A stable scene id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(transparent)]
pub struct SceneId(pub String);

impl ElementId {
    pub fn new() -> Self {
        Self(ulid::Ulid::new().to_string())
    }
}
impl RelationId {
    pub fn new() -> Self {
        Self(ulid::Ulid::new().to_string())
    }
}
impl ScenarioId {
    pub fn new() -> Self {
        Self(ulid::Ulid::new().to_string())
    }
}
impl SceneId {
    pub fn new() -> Self {
        Self(ulid::Ulid::new().to_string())
    }
}
impl Default for SceneId {
    fn default() -> Self {
        Self::new()
    }
}
impl From<&str> for SceneId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}
impl From<&str> for ScenarioId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}
impl Default for ElementId {
    fn default() -> Self {
        Self::new()
    }
}
impl Default for RelationId {
    fn default() -> Self {
        Self::new()
    }
}
impl Default for ScenarioId {
    fn default() -> Self {
        Self::new()
    }
}
impl From<&str> for ElementId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}
impl From<&str> for RelationId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

/// When something existed: from and until a year, a month or a day ([`Date`]); `until` is never
/// before `from`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Span {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(type = Option<String>)]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(type = Option<String>)]
    pub until: Option<Date>,
}

/// What every element and relation may carry besides its kind: time, "street data", tags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Annotations {
    #[serde(default)]
    pub span: Span,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// How a group meets the rest of the district: boundaries "solid enough to protect the creation
/// of shared meaning and the safe emergence of new practice … but permeable enough to assure the
/// ongoing flow of ideas" (001:379).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Boundary {
    /// Solid enough to protect what grows inside (001:379). Only with little flowing across it is
    /// it a silo's wall — the silos lens checks the flows, never the boundary alone.
    Solid,
    #[default]
    Permeable,
    Open,
}

/// The two drawings of one map; each keeps its own positions.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum View {
    Network,
    OrgChart,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// One version of the district: "As is 2025", "To be: communities as home base"…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
    pub elements: BTreeMap<ElementId, Element>,
    pub relations: BTreeMap<RelationId, Relation>,
    /// Where each element is drawn, per view. Groups are sized by their children and have no entry.
    #[serde(default)]
    pub positions: BTreeMap<View, BTreeMap<ElementId, Point>>,
}

impl Scenario {
    pub fn empty(name: impl Into<String>) -> Self {
        Self {
            id: ScenarioId::new(),
            name: name.into(),
            elements: BTreeMap::new(),
            relations: BTreeMap::new(),
            positions: BTreeMap::new(),
        }
    }
}

/// A whole map: one document, one `.murm` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Map {
    pub title: String,
    /// At least one; the first is the one a new window shows.
    pub scenarios: Vec<Scenario>,
    /// The map's story, in the order it is told. Scenes belong to the map, not to a scenario:
    /// one story may move from "as is" to "to be".
    #[serde(default)]
    pub scenes: Vec<Scene>,
}

impl Map {
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            scenarios: vec![Scenario::empty("As is")],
            scenes: Vec::new(),
        }
    }

    pub fn scenario(&self, id: &ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| &s.id == id)
    }

    pub fn scene(&self, id: &SceneId) -> Option<&Scene> {
        self.scenes.iter().find(|s| &s.id == id)
    }
}
