//! The visual vocabulary, defined once: a shape, colour and outline per element kind; a line, colour
//! and arrowhead per relation kind and flow medium; an outline per boundary.
//!
//! The canvas builds its stylesheet from this (it arrives through a typed command) and the core's own
//! exports read it too, so what a board sees on paper is what the coach saw on screen. Colour never
//! carries meaning alone: every kind also differs in shape, and every line in pattern or arrowhead
//! (`core/tests/accessible.rs` checks both, and every colour's contrast, under simulated colour
//! blindness too). Palette: Okabe–Ito, its light colours darkened to 3 : 1 against white.

use crate::model::{Boundary, ElementKind, Medium, RelationKind};
use serde::{Deserialize, Serialize};
use specta::Type;

pub const BLUE: &str = "#0072B2";
pub const SKY: &str = "#4999C6";
pub const GREEN: &str = "#009E73";
pub const ORANGE: &str = "#C18600";
pub const VERMILLION: &str = "#D55E00";
pub const PURPLE: &str = "#CC79A7";
pub const DARK_YELLOW: &str = "#A89000";
pub const GREY: &str = "#6B7280";
pub const INK: &str = "#1F2937";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// The formal box: square corners.
    Rectangle,
    RoundRectangle,
    Ellipse,
    Star,
    Chevron,
    Hexagon,
    /// A notice with its corners cut: a written rule.
    CutRectangle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum LinePattern {
    Solid,
    Dashed,
    LongDash,
    Dotted,
    DashDot,
    DashDotDot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Arrowhead {
    None,
    Triangle,
    /// A bar at the gatekeeper: permission, or the superior in a reports-to line.
    Tee,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct ElementStyle {
    pub kind: ElementKind,
    pub label: &'static str,
    pub shape: Shape,
    pub fill: &'static str,
    pub stroke: &'static str,
    pub text: &'static str,
    /// What the shape means, for the legend.
    pub meaning: &'static str,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct LineStyle {
    pub label: &'static str,
    pub color: &'static str,
    pub pattern: LinePattern,
    /// The pattern's dash lengths, in multiples of the line width ([`dash_array`]); empty: solid.
    pub dash: Vec<f64>,
    pub arrowhead: Arrowhead,
    pub meaning: &'static str,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct RelationStyle {
    pub kind: RelationKind,
    pub line: LineStyle,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct MediumStyle {
    pub medium: Medium,
    pub line: LineStyle,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct BoundaryStyle {
    pub boundary: Boundary,
    pub label: &'static str,
    pub pattern: LinePattern,
    /// The pattern's dash lengths, in multiples of the outline width ([`dash_array`]).
    pub dash: Vec<f64>,
    /// Outline width in pixels at zoom 1; 0 draws no outline, only a tint.
    pub width: f64,
    pub meaning: &'static str,
}

/// How the compare overlay marks one element or relation (the `compare` module decides which).
/// [`change_mark_style`] gives each a label, a badge, a colour and a dash pattern, so colour is
/// never the only signal.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Added,
    Removed,
    Changed,
    Moved,
    /// Drawn faded.
    Unchanged,
}

impl Mark {
    pub const ALL: [Mark; 5] = [
        Self::Added,
        Self::Removed,
        Self::Changed,
        Self::Moved,
        Self::Unchanged,
    ];
}

/// How a comparison marks an element or relation (see [`Mark`]): a label, a badge
/// drawn beside it, a colour with at least 3 : 1 contrast on white, and an outline or line pattern,
/// so no mark is told by colour alone.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ChangeMarkStyle {
    pub mark: Mark,
    pub label: &'static str,
    /// Empty for unchanged (it is faded instead).
    pub badge: &'static str,
    pub colour: &'static str,
    /// A light tint of `colour` for filling a changed shape on paper, light enough for ink labels.
    pub fill: &'static str,
    pub pattern: LinePattern,
    /// The pattern's dash lengths, in multiples of the line width (empty: solid).
    pub dash: Vec<f64>,
    /// Drawn faded (unchanged), so the changes stand out.
    pub faded: bool,
    pub meaning: &'static str,
}

/// Everything the canvas and the exports need to draw a map the same way.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Vocabulary {
    pub elements: Vec<ElementStyle>,
    pub relations: Vec<RelationStyle>,
    pub media: Vec<MediumStyle>,
    pub boundaries: Vec<BoundaryStyle>,
    /// The marks of a comparison, in [`Mark::ALL`] order.
    pub change_marks: Vec<ChangeMarkStyle>,
    /// Line width in pixels for flow volume 1..=5.
    pub volume_widths: [f64; 5],
    /// Labels wrap at about this many characters.
    pub label_wrap_chars: u32,
    pub font_family: &'static str,
}

pub fn element_style(kind: ElementKind) -> ElementStyle {
    let (shape, fill, stroke, text, meaning) = match kind {
        ElementKind::Office => (
            Shape::Rectangle,
            "#E5E7EB",
            "#374151",
            INK,
            "A formal unit of the bureaucracy",
        ),
        ElementKind::Site => (
            Shape::RoundRectangle,
            "#DCEBF7",
            BLUE,
            INK,
            "A school, academy or pathway",
        ),
        ElementKind::Community => (
            Shape::Ellipse,
            "#D5F0E8",
            GREEN,
            INK,
            "A community of practice: round means community",
        ),
        ElementKind::SprintTeam => (
            Shape::Star,
            "#FBE7BF",
            ORANGE,
            INK,
            "A sprint team: a strange attractor around a compelling task",
        ),
        ElementKind::Routine => (
            Shape::Chevron,
            "#DDF0FB",
            SKY,
            INK,
            "A simple system for a routine task",
        ),
        ElementKind::Person => (Shape::Ellipse, "#FFFFFF", GREY, INK, "A person"),
        ElementKind::Partner => (
            Shape::Hexagon,
            "#F6E1EC",
            PURPLE,
            INK,
            "A partner outside the district's membrane",
        ),
        ElementKind::Rule => (
            Shape::CutRectangle,
            "#FFFFFF",
            INK,
            INK,
            "A rule of the operating system: board policy, procedural policy or practice",
        ),
    };
    ElementStyle {
        kind,
        label: kind.label(),
        shape,
        fill,
        stroke,
        text,
        meaning,
    }
}

pub fn relation_line(kind: RelationKind) -> LineStyle {
    let (color, pattern, arrowhead, meaning) = match kind {
        RelationKind::ReportsTo => (
            GREY,
            LinePattern::Solid,
            Arrowhead::Tee,
            "The formal line of authority",
        ),
        RelationKind::Flow => (
            BLUE,
            LinePattern::Solid,
            Arrowhead::Triangle,
            "An exchange; colour and pattern say what flows",
        ),
        RelationKind::MemberOf => (
            GREY,
            LinePattern::Dotted,
            Arrowhead::None,
            "Belongs to a community or sprint team",
        ),
        RelationKind::Barrier => (
            VERMILLION,
            LinePattern::Solid,
            Arrowhead::Tee,
            "A blocked or forbidden flow",
        ),
        RelationKind::DerivesFrom => (
            INK,
            LinePattern::Solid,
            Arrowhead::Triangle,
            "A rule carried out from the rule above it",
        ),
        RelationKind::Governs => (
            INK,
            LinePattern::Dashed,
            Arrowhead::Triangle,
            "A rule that applies to an office, a site or a routine's step",
        ),
    };
    LineStyle {
        label: kind.label(),
        color,
        pattern,
        dash: dash_array(pattern).to_vec(),
        arrowhead,
        meaning,
    }
}

pub fn medium_line(medium: Medium) -> LineStyle {
    let (label, color, pattern, arrowhead, meaning) = match medium {
        Medium::Information => (
            "Information",
            BLUE,
            LinePattern::Solid,
            Arrowhead::Triangle,
            "Data and reports",
        ),
        Medium::Ideas => (
            "Ideas & practice",
            GREEN,
            LinePattern::Dotted,
            Arrowhead::Triangle,
            "Ideas and practice spreading",
        ),
        Medium::Resources => (
            "Resources",
            ORANGE,
            LinePattern::LongDash,
            Arrowhead::Triangle,
            "Staff time, materials, devices",
        ),
        Medium::Funds => (
            "Funds",
            DARK_YELLOW,
            LinePattern::DashDot,
            Arrowhead::Triangle,
            "Money: grants and budgets",
        ),
        Medium::Feedback => (
            "Feedback",
            PURPLE,
            LinePattern::Dashed,
            Arrowhead::Triangle,
            "Feedback and critique",
        ),
        Medium::Permission => (
            "Permission",
            VERMILLION,
            LinePattern::DashDotDot,
            Arrowhead::Tee,
            "Asking a gatekeeper for permission",
        ),
    };
    LineStyle {
        label,
        color,
        pattern,
        dash: dash_array(pattern).to_vec(),
        arrowhead,
        meaning,
    }
}

/// Dash lengths for a line pattern, in multiples of the line width (so a thick line keeps its
/// rhythm); empty for a solid line. The canvas reads them from the vocabulary (`dash`). A dotted
/// line's dashes are dots: draw it with round caps.
pub fn dash_array(pattern: LinePattern) -> &'static [f64] {
    match pattern {
        LinePattern::Solid => &[],
        LinePattern::Dashed => &[4.0, 3.0],
        LinePattern::LongDash => &[9.0, 4.0],
        LinePattern::Dotted => &[1.0, 2.5],
        LinePattern::DashDot => &[7.0, 3.0, 1.5, 3.0],
        LinePattern::DashDotDot => &[7.0, 2.5, 1.5, 2.5, 1.5, 2.5],
    }
}

pub fn boundary_style(boundary: Boundary) -> BoundaryStyle {
    match boundary {
        Boundary::Solid => BoundaryStyle {
            boundary,
            label: "Solid",
            pattern: LinePattern::Solid,
            dash: dash_array(LinePattern::Solid).to_vec(),
            width: 4.0,
            // 001:379: a protection; the silos lens calls it a wall only when little crosses it.
            meaning:
                "Solid enough to protect what grows inside; a silo's wall when little crosses it",
        },
        Boundary::Permeable => BoundaryStyle {
            boundary,
            label: "Permeable",
            pattern: LinePattern::Dashed,
            dash: dash_array(LinePattern::Dashed).to_vec(),
            width: 2.0,
            meaning: "Solid enough to hold, permeable enough to let through",
        },
        Boundary::Open => BoundaryStyle {
            boundary,
            label: "Open",
            pattern: LinePattern::Solid,
            dash: dash_array(LinePattern::Solid).to_vec(),
            width: 0.0,
            meaning: "No wall: only a faint tint",
        },
    }
}

/// A comparison's mark for one element or relation, the same on the canvas and on paper.
pub fn change_mark_style(mark: Mark) -> ChangeMarkStyle {
    let (label, badge, colour, fill, pattern, meaning) = match mark {
        Mark::Added => (
            "Added",
            "+",
            GREEN,
            "#66C5AB",
            LinePattern::Solid,
            "Only in the later scenario",
        ),
        Mark::Removed => (
            "Removed",
            "\u{2212}",
            VERMILLION,
            "#E69E66",
            LinePattern::Dashed,
            "Only in the earlier scenario",
        ),
        Mark::Changed => (
            "Changed",
            "\u{0394}",
            BLUE,
            "#8CC0DC",
            LinePattern::DashDot,
            "In both, with other attributes",
        ),
        Mark::Moved => (
            "Moved",
            "\u{2192}",
            "#8E3B73",
            "#E0B8D0",
            LinePattern::LongDash,
            "In another group: an arrow runs from the old group to the new",
        ),
        Mark::Unchanged => (
            "Unchanged",
            "",
            GREY,
            LENS_NOTHING,
            LinePattern::Dotted,
            "The same in both",
        ),
    };
    ChangeMarkStyle {
        mark,
        label,
        badge,
        colour,
        fill,
        pattern,
        dash: dash_array(pattern).to_vec(),
        faded: mark == Mark::Unchanged,
        meaning,
    }
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        elements: ElementKind::ALL.into_iter().map(element_style).collect(),
        relations: RelationKind::ALL
            .into_iter()
            .map(|kind| RelationStyle {
                kind,
                line: relation_line(kind),
            })
            .collect(),
        media: Medium::ALL
            .into_iter()
            .map(|medium| MediumStyle {
                medium,
                line: medium_line(medium),
            })
            .collect(),
        boundaries: [Boundary::Solid, Boundary::Permeable, Boundary::Open]
            .into_iter()
            .map(boundary_style)
            .collect(),
        change_marks: Mark::ALL.into_iter().map(change_mark_style).collect(),
        volume_widths: [1.0, 2.25, 3.5, 4.75, 6.0],
        label_wrap_chars: 16,
        font_family: "Source Sans 3",
    }
}

// ------------------------------------------------------------------------------------------
// Lens colour scales
//
// What a lens paints, defined here once for the canvas and the exports alike (the core's
// `lens_paint` hands the colours to both). Fills are tints of the Okabe–Ito colours, light enough
// that ink labels drawn on them keep a contrast of at least 4.5 : 1 on screen and on paper; and a
// lens never relies on its colours alone: every fill comes with a badge or a legend entry in words.

/// One step of a lens's colour scale: a fill (`#RRGGBB`) and what it means, in plain words short
/// enough for a legend column (about 28 characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct ScaleStep {
    pub colour: &'static str,
    pub meaning: &'static str,
}

const fn step(colour: &'static str, meaning: &'static str) -> ScaleStep {
    ScaleStep { colour, meaning }
}

/// Nothing to show for this element under the lens (no flows, no paths through it).
pub const LENS_NOTHING: &str = "#F3F4F6";

// Silos: a diverging scale on the E-I index, inward (vermillion) through balanced (grey) to
// outward (blue); inward is the stronger end, because the silos are what the lens is about.
// Walled groups — a solid boundary few lateral flows cross — count as inward whatever their
// E-I, because that is how the seeds' silos look on a map.
pub const SILO_INWARD: ScaleStep = step("#E28E4D", "Silo: inward or walled off");
pub const SILO_LEANING_INWARD: ScaleStep = step("#F2CFB2", "Leans inward");
pub const SILO_BALANCED: ScaleStep = step("#D3D5D9", "Balanced inside and out");
pub const SILO_LEANING_OUTWARD: ScaleStep = step("#C3DBF2", "Leans outward");
pub const SILO_OUTWARD: ScaleStep = step("#8CC0DC", "Outward: most flows cross");
pub const SILO_NO_FLOWS: ScaleStep = step(LENS_NOTHING, "No flows in or out");

/// The silo scale's step for a group with E-I `ei` (`None`: no flows); `is_silo` puts walled
/// groups with the silos.
pub fn silo_step(ei: Option<f64>, is_silo: bool) -> ScaleStep {
    match ei {
        _ if is_silo => SILO_INWARD,
        None => SILO_NO_FLOWS,
        Some(ei) if ei <= -0.5 => SILO_INWARD,
        Some(ei) if ei <= -0.2 => SILO_LEANING_INWARD,
        Some(ei) if ei < 0.2 => SILO_BALANCED,
        Some(ei) if ei < 0.5 => SILO_LEANING_OUTWARD,
        Some(_) => SILO_OUTWARD,
    }
}

// Brokers: a sequential blue scale on betweenness, relative to the highest on the map.
pub const BROKER_NONE: ScaleStep = step(LENS_NOTHING, "No paths run through it");
pub const BROKER_LOW: ScaleStep = step("#C8E6F7", "A few paths run through it");
pub const BROKER_MID: ScaleStep = step("#8CC0DC", "Many paths run through it");
pub const BROKER_HIGH: ScaleStep = step("#4D9CC9", "Most paths: a broker");

/// The broker scale's step for `share` = betweenness / the map's highest betweenness.
pub fn broker_step(share: f64) -> ScaleStep {
    if share <= 0.0 {
        BROKER_NONE
    } else if share <= 1.0 / 3.0 {
        BROKER_LOW
    } else if share <= 2.0 / 3.0 {
        BROKER_MID
    } else {
        BROKER_HIGH
    }
}

// Layers ("geology"): offices by the year they were established, in four strata; the oldest
// is the darkest, as the deepest layer of rock is.
pub const GEOLOGY_BEFORE_1975: ScaleStep = step("#E69F00", "Established before 1975");
pub const GEOLOGY_1975_1989: ScaleStep = step("#F0C566", "Established 1975–1989");
pub const GEOLOGY_1990_2004: ScaleStep = step("#F8E1AE", "Established 1990–2004");
pub const GEOLOGY_SINCE_2005: ScaleStep = step("#FDF3E0", "Established 2005 or later");
pub const GEOLOGY_UNDATED: ScaleStep = step(LENS_NOTHING, "Year established unknown");

/// The stratum an office established in `year` belongs to.
pub fn geology_step(year: i32) -> ScaleStep {
    match year {
        ..=1974 => GEOLOGY_BEFORE_1975,
        1975..=1989 => GEOLOGY_1975_1989,
        1990..=2004 => GEOLOGY_1990_2004,
        _ => GEOLOGY_SINCE_2005,
    }
}

/// Chart vs. reality: the clusters the flows form, each in its own colour, in this order (the
/// most distinct first); past the seventh they repeat the grey and keep their letter badges.
pub const CLUSTER_COLOURS: [&str; 7] = [
    "#66AAD1", "#F0C566", "#66C5AB", "#E69E66", "#F1DBE7", "#9AD2F2", "#F6EF8E",
];
pub const CLUSTER_MORE: &str = "#B6BFCC";

// Home base: people with a community of practice and without one.
pub const HOME_BASE_YES: ScaleStep = step("#66C5AB", "Has a home base community");
pub const HOME_BASE_NO: ScaleStep = step("#E69E66", "No home base");

// Pioneers: innovations, tied into a community or going unnoticed.
pub const PIONEER_UNNOTICED: ScaleStep = step("#E69E66", "Innovation going unnoticed");
pub const PIONEER_TIED: ScaleStep = step("#66C5AB", "Innovation tied into a community");

// Reciprocity: offices by the balance of monitoring against support (Elmore).
pub const RECIPROCITY_NO_CAPACITY: ScaleStep =
    step("#E28E4D", "Holds others to account, builds no capacity");
pub const RECIPROCITY_PRESSURE: ScaleStep = step("#F2CFB2", "Sends more monitoring than support");
pub const RECIPROCITY_MATCHED: ScaleStep = step("#66C5AB", "Pressure matched by support");
pub const RECIPROCITY_NO_FLOWS: ScaleStep = step(LENS_NOTHING, "Sends no monitoring or support");

// The policy cascade (004): rules by where their chain breaks, and what an unchecked rule blocks.
pub const CASCADE_WHOLE: ScaleStep = step("#66C5AB", "In a chain, policy to practice");
pub const CASCADE_HABIT: ScaleStep = step("#E28E4D", "Habit: no policy above it");
pub const CASCADE_PAPER_ONLY: ScaleStep = step("#F0C566", "Paper only: no practice below");
pub const CASCADE_UNCHECKED: ScaleStep = step("#F2CFB2", "Blocked by an unchecked rule");

// The Operating System lens (004): DOS offices by service given against permission demanded, and
// the routines by their cycle time.
pub const DOS_SERVICE: ScaleStep = step("#66C5AB", "Gives more service than it asks");
pub const DOS_MIXED: ScaleStep = step("#D3D5D9", "As much service as permission");
pub const DOS_GATEKEEPER: ScaleStep = step("#E28E4D", "A gatekeeper: asks permission");
pub const DOS_NO_FLOWS: ScaleStep = step(LENS_NOTHING, "No service or permission flows");
pub const DOS_SLOW_ROUTINE: ScaleStep = step("#F0C566", "The slowest routine");

// The instructional core (003): the classrooms and teacher teams, and each office by how far its
// flows are from them.
pub const CORE_ITSELF: ScaleStep = step("#66C5AB", "The instructional core");
pub const CORE_NEAR: ScaleStep = step("#C8E6F7", "One step of flows from it");
pub const CORE_FAR: ScaleStep = step("#8CC0DC", "Two or more steps away");
pub const CORE_LOOSE: ScaleStep = step("#E28E4D", "Loose coupling: far, monitoring");
pub const CORE_UNREACHED: ScaleStep = step(LENS_NOTHING, "No flow path reaches it");

// Density: the elements with the most lateral partners, where a murmuration starts.
pub const DENSITY_HUB: ScaleStep = step("#66C5AB", "Most ties across the chart");
