//! Elements: the kinds of thing a district map holds (offices, sites, communities, sprint teams,
//! routines, people, partners) and what each kind carries.

use super::*;
use serde::{Deserialize, Serialize};
use specta::Type;

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
    Rule,
}

impl ElementKind {
    pub const ALL: [ElementKind; 8] = [
        Self::Office,
        Self::Site,
        Self::Community,
        Self::SprintTeam,
        Self::Routine,
        Self::Person,
        Self::Partner,
        Self::Rule,
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
            Self::Rule => "New rule",
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
            Self::Rule => "Rule",
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

/// Hodas's three practice cultures (004:115): trade/craft (objective output standards), uniformed
/// service (good work judged by deft performance and fit outcomes — where teaching fits), and
/// administrative service (hardly any outcome standards: the DOS offices, 004:111).
///
/// Files written before this followed the essay kept a fourth, `professional`, used for teaching
/// and leadership offices; the essay places teaching in uniformed service, so it reads as that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PracticeCulture {
    TradeCraft,
    #[serde(alias = "professional")]
    UniformedService,
    AdministrativeService,
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

/// Albury's nested communities (001:56): at the centre the community of practice (the pioneers'
/// protected space), then the community of engagement (those trying the pioneers' ideas as they see
/// the pilots), then the community of interest (kept in the loop; they may adopt later but must not
/// be left out).
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
    /// How many days the step takes: the Operating System lens adds them up by step owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
}

/// The three levels of 004's cascade: the board adopts a **policy**, the administration writes the
/// **procedural policy** that carries it out, and offices turn that into **procedural practice** —
/// "the way we do things here".
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum RuleLevel {
    BoardPolicy,
    ProceduralPolicy,
    #[default]
    ProceduralPractice,
}

impl RuleLevel {
    pub const ALL: [RuleLevel; 3] = [
        Self::BoardPolicy,
        Self::ProceduralPolicy,
        Self::ProceduralPractice,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::BoardPolicy => "Board policy",
            Self::ProceduralPolicy => "Procedural policy",
            Self::ProceduralPractice => "Procedural practice",
        }
    }
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
        /// When it was hospiced (wound down with care): a date, [`Date::undated`] when a file
        /// only said "hospiced" (format version 1's `true`), `None` while it serves.
        #[serde(default, deserialize_with = "hospiced_compat")]
        #[specta(type = Option<String>)]
        hospiced: Option<Date>,
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
    /// A rule of the District Operating System's cascade (004); its span is when it is in force.
    Rule {
        #[serde(default)]
        level: RuleLevel,
        /// The office that owns the rule (writes it, can change it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<ElementId>,
    },
}

/// Reads a hospice date, or the flag older files wrote: `false` is "serves", `true` is hospiced
/// at a date nobody recorded ([`Date::undated`]).
fn hospiced_compat<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<Date>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Flag(bool),
        Date(Date),
    }
    Ok(match Option::<Written>::deserialize(deserializer)? {
        None | Some(Written::Flag(false)) => None,
        Some(Written::Flag(true)) => Some(Date::undated()),
        Some(Written::Date(date)) => Some(date),
    })
}

impl SprintStatus {
    /// Dissolved, transformed or absorbed into a routine: the team's work is over.
    pub fn has_ended(self) -> bool {
        matches!(
            self,
            Self::Dissolved | Self::Transformed | Self::AbsorbedIntoRoutine
        )
    }
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
            Self::Rule { .. } => ElementKind::Rule,
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
                hospiced: None,
                // Solid is a choice to protect (001:379) or a wall the silo lens looks for; a new
                // office is neither until someone says so.
                boundary: Boundary::Permeable,
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
            ElementKind::Rule => Self::Rule {
                level: RuleLevel::ProceduralPractice,
                owner: None,
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
