//! Relations: reports-to lines, flows of information, ideas, resources and money, memberships
//! and barriers, and what each carries.

use super::*;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    ReportsTo,
    Flow,
    MemberOf,
    Barrier,
    DerivesFrom,
    Governs,
}

impl RelationKind {
    pub const ALL: [RelationKind; 6] = [
        Self::ReportsTo,
        Self::Flow,
        Self::MemberOf,
        Self::Barrier,
        Self::DerivesFrom,
        Self::Governs,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::ReportsTo => "Reports to",
            Self::Flow => "Flow",
            Self::MemberOf => "Member of",
            Self::Barrier => "Barrier",
            Self::DerivesFrom => "Derives from",
            Self::Governs => "Governs",
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
        /// The rule the barrier is said to follow ("forbidden by contract or statute", 004). A
        /// barrier that claims none, or a rule the scenario does not hold, is an unchecked rule.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claims: Option<ElementId>,
    },
    /// Source rule derives from target rule: a procedural policy from a board policy, a practice
    /// from a procedural policy (004's cascade).
    DerivesFrom,
    /// Source rule governs target element: a site, an office, a routine — or one step of a
    /// routine when `step` is given (1-based).
    Governs {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<u32>,
    },
}

impl RelationDetails {
    pub fn kind(&self) -> RelationKind {
        match self {
            Self::ReportsTo => RelationKind::ReportsTo,
            Self::Flow { .. } => RelationKind::Flow,
            Self::MemberOf { .. } => RelationKind::MemberOf,
            Self::Barrier { .. } => RelationKind::Barrier,
            Self::DerivesFrom => RelationKind::DerivesFrom,
            Self::Governs { .. } => RelationKind::Governs,
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
                claims: None,
            },
            RelationKind::DerivesFrom => Self::DerivesFrom,
            RelationKind::Governs => Self::Governs { step: None },
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
