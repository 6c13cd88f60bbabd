//! The district map as the seeds describe it: elements (offices, sites, communities, sprint teams,
//! routines, people, partners) joined by relations (reports-to, flows, member-of, barriers).
//!
//! These are plain data. Every change goes through `ops`, which keeps the invariants listed in
//! `ARCHITECTURE.md`; nothing here validates. Ids are stable strings chosen by the core (ULIDs for new
//! elements, readable slugs in the built-in sample) and are the only handles that leave the core.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{BTreeMap, BTreeSet};

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

/// When something existed. Dates are ISO-8601 calendar dates (`2021-02-01`) or years/months
/// (`2021`, `2021-02`), compared as strings after normalising; `until` is never before `from`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Span {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
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

/// How a group meets the rest of the district (000/001: "solid enough … but permeable enough").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Boundary {
    /// A silo wall.
    Solid,
    #[default]
    Permeable,
    Open,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    Office,
    Site,
    Community,
    SprintTeam,
    Routine,
    Person,
    Partner,
}

impl ElementKind {
    pub const ALL: [ElementKind; 7] = [
        Self::Office,
        Self::Site,
        Self::Community,
        Self::SprintTeam,
        Self::Routine,
        Self::Person,
        Self::Partner,
    ];

    /// Groups may contain other elements and have a boundary.
    pub fn is_group(self) -> bool {
        matches!(
            self,
            Self::Office | Self::Site | Self::Community | Self::SprintTeam
        )
    }

    /// The name a freshly drawn element of this kind starts with.
    pub fn default_name(self) -> &'static str {
        match self {
            Self::Office => "New office",
            Self::Site => "New site",
            Self::Community => "New community",
            Self::SprintTeam => "New sprint team",
            Self::Routine => "New routine",
            Self::Person => "New person",
            Self::Partner => "New partner",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Office => "Office",
            Self::Site => "Site",
            Self::Community => "Community",
            Self::SprintTeam => "Sprint team",
            Self::Routine => "Routine",
            Self::Person => "Person",
            Self::Partner => "Partner",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum OfficeFunction {
    Instruction,
    /// A module of the District Operating System (004): procurement, legal, HR, IT…
    Operations,
    Leadership,
}

/// Hodas's practice cultures (004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PracticeCulture {
    TradeCraft,
    UniformedService,
    AdministrativeService,
    Professional,
}

/// Permission vs. service (004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Compliance,
    Mixed,
    Service,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SiteLevel {
    Elementary,
    Middle,
    High,
    Academy,
    Pathway,
    Other,
}

/// Albury's nested rings: practice ⊂ engagement ⊂ interest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Ring {
    #[default]
    Practice,
    Engagement,
    Interest,
}

/// Wenger's stages of a community's life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CommunityStage {
    #[default]
    Potential,
    Coalescing,
    Active,
    Stewardship,
    Transformation,
    Hospice,
}

/// A strange attractor's life: it forms around a compelling task, then dissolves or transforms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SprintStatus {
    #[default]
    Forming,
    Active,
    Dissolved,
    Transformed,
    AbsorbedIntoRoutine,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PartnerType {
    #[default]
    CommunityGroup,
    Vendor,
    University,
    Funder,
    FamilyOrganisation,
    Other,
}

/// One step of a routine, owned by an element (usually an office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RoutineStep {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<ElementId>,
}

/// The attributes that belong to one kind of element; the variant is the kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ElementDetails {
    Office {
        #[serde(default)]
        function: Option<OfficeFunction>,
        #[serde(default)]
        practice_culture: Option<PracticeCulture>,
        #[serde(default)]
        stance: Option<Stance>,
        #[serde(default)]
        headcount: Option<u32>,
        /// The year it was established: the "geology" lens.
        #[serde(default)]
        established: Option<i32>,
        #[serde(default)]
        hospiced: bool,
        #[serde(default)]
        boundary: Boundary,
    },
    Site {
        #[serde(default)]
        level: Option<SiteLevel>,
        #[serde(default)]
        enrolment: Option<u32>,
        #[serde(default)]
        boundary: Boundary,
    },
    Community {
        /// The shared concern.
        #[serde(default)]
        domain: String,
        #[serde(default)]
        ring: Ring,
        #[serde(default)]
        cadence: String,
        #[serde(default)]
        stage: CommunityStage,
        #[serde(default)]
        boundary: Boundary,
    },
    SprintTeam {
        #[serde(default)]
        purpose: String,
        #[serde(default)]
        status: SprintStatus,
        #[serde(default)]
        boundary: Boundary,
    },
    Routine {
        #[serde(default)]
        steps: Vec<RoutineStep>,
        #[serde(default)]
        cycle_time_days: Option<u32>,
    },
    Person {
        #[serde(default)]
        title: String,
        /// The office that holds the person's position.
        #[serde(default)]
        position: Option<ElementId>,
        /// The community of practice the person calls home.
        #[serde(default)]
        home_base: Option<ElementId>,
    },
    Partner {
        #[serde(default)]
        partner_type: PartnerType,
    },
}

impl ElementDetails {
    pub fn kind(&self) -> ElementKind {
        match self {
            Self::Office { .. } => ElementKind::Office,
            Self::Site { .. } => ElementKind::Site,
            Self::Community { .. } => ElementKind::Community,
            Self::SprintTeam { .. } => ElementKind::SprintTeam,
            Self::Routine { .. } => ElementKind::Routine,
            Self::Person { .. } => ElementKind::Person,
            Self::Partner { .. } => ElementKind::Partner,
        }
    }

    /// The default attributes of a freshly drawn element of this kind.
    pub fn default_for(kind: ElementKind) -> Self {
        match kind {
            ElementKind::Office => Self::Office {
                function: None,
                practice_culture: None,
                stance: None,
                headcount: None,
                established: None,
                hospiced: false,
                boundary: Boundary::Solid,
            },
            ElementKind::Site => Self::Site {
                level: None,
                enrolment: None,
                boundary: Boundary::Permeable,
            },
            ElementKind::Community => Self::Community {
                domain: String::new(),
                ring: Ring::Practice,
                cadence: String::new(),
                stage: CommunityStage::Potential,
                boundary: Boundary::Permeable,
            },
            ElementKind::SprintTeam => Self::SprintTeam {
                purpose: String::new(),
                status: SprintStatus::Forming,
                boundary: Boundary::Open,
            },
            ElementKind::Routine => Self::Routine {
                steps: Vec::new(),
                cycle_time_days: None,
            },
            ElementKind::Person => Self::Person {
                title: String::new(),
                position: None,
                home_base: None,
            },
            ElementKind::Partner => Self::Partner {
                partner_type: PartnerType::CommunityGroup,
            },
        }
    }

    /// The boundary of a group; `None` for elements that are not groups.
    pub fn boundary(&self) -> Option<Boundary> {
        match self {
            Self::Office { boundary, .. }
            | Self::Site { boundary, .. }
            | Self::Community { boundary, .. }
            | Self::SprintTeam { boundary, .. } => Some(*boundary),
            _ => None,
        }
    }
}

/// The longest name or title an edit may give an element, a person's title, a routine step, a
/// tag, a scenario, a scene or the map, in characters. Ample for any office or committee; a
/// longer one is a paste gone wrong, and it would make every export of the map crawl. Imports refuse longer names naming the row.
pub const MAX_NAME_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Element {
    pub id: ElementId,
    pub name: String,
    /// The group this element is nested in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<ElementId>,
    #[serde(flatten)]
    pub details: ElementDetails,
    #[serde(flatten)]
    pub annotations: Annotations,
}

impl Element {
    pub fn kind(&self) -> ElementKind {
        self.details.kind()
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    ReportsTo,
    Flow,
    MemberOf,
    Barrier,
}

impl RelationKind {
    pub const ALL: [RelationKind; 4] = [Self::ReportsTo, Self::Flow, Self::MemberOf, Self::Barrier];

    pub fn label(self) -> &'static str {
        match self {
            Self::ReportsTo => "Reports to",
            Self::Flow => "Flow",
            Self::MemberOf => "Member of",
            Self::Barrier => "Barrier",
        }
    }
}

/// What a flow carries.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    #[default]
    Information,
    Ideas,
    Resources,
    Funds,
    Feedback,
    Permission,
}

impl Medium {
    pub const ALL: [Medium; 6] = [
        Self::Information,
        Self::Ideas,
        Self::Resources,
        Self::Funds,
        Self::Feedback,
        Self::Permission,
    ];
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    OneWay,
    Both,
}

/// Elmore's reciprocity: is a flow capacity-building support, or monitoring and compliance?
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FlowMode {
    #[default]
    Support,
    Monitor,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    Core,
    #[default]
    Active,
    Peripheral,
}

/// The attributes that belong to one kind of relation; the variant is the kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RelationDetails {
    /// The formal line of authority: source reports to target.
    ReportsTo,
    Flow {
        #[serde(default)]
        medium: Medium,
        #[serde(default)]
        direction: Direction,
        /// 1 (a trickle) to 5 (constant).
        volume: u8,
        #[serde(default)]
        cadence: String,
        #[serde(default)]
        mode: FlowMode,
    },
    /// Source is a member of target (a community or sprint team).
    MemberOf {
        #[serde(default)]
        role: MemberRole,
    },
    /// A flow from source to target that is blocked or forbidden.
    Barrier {
        #[serde(default)]
        reason: String,
        /// Has anyone checked whether the rule is real, or only habit?
        #[serde(default)]
        checked: bool,
    },
}

impl RelationDetails {
    pub fn kind(&self) -> RelationKind {
        match self {
            Self::ReportsTo => RelationKind::ReportsTo,
            Self::Flow { .. } => RelationKind::Flow,
            Self::MemberOf { .. } => RelationKind::MemberOf,
            Self::Barrier { .. } => RelationKind::Barrier,
        }
    }

    pub fn default_for(kind: RelationKind) -> Self {
        match kind {
            RelationKind::ReportsTo => Self::ReportsTo,
            RelationKind::Flow => Self::Flow {
                medium: Medium::Information,
                direction: Direction::OneWay,
                volume: 3,
                cadence: String::new(),
                mode: FlowMode::Support,
            },
            RelationKind::MemberOf => Self::MemberOf {
                role: MemberRole::Active,
            },
            RelationKind::Barrier => Self::Barrier {
                reason: String::new(),
                checked: false,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Relation {
    pub id: RelationId,
    pub source: ElementId,
    pub target: ElementId,
    #[serde(flatten)]
    pub details: RelationDetails,
    #[serde(flatten)]
    pub annotations: Annotations,
}

impl Relation {
    pub fn kind(&self) -> RelationKind {
        self.details.kind()
    }
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
    pub time: Option<String>,
}

impl Scene {
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
