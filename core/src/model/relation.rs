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
