//! The rules the canvas shares with paper, written once: how big a node is, the small pictures
//! drawn in nodes, what a freshly drawn element starts as, and which kinds can hold others.
//!
//! The core's own layout and drawing read them from here. The window receives them as a generated
//! module, `ui/src/map/rules.generated.ts`, checked for staleness like the command bindings
//! (`UPDATE_BINDINGS=1 cargo test -p murmuration-core --lib rules` refreshes it), so the canvas has
//! them synchronously everywhere and no TypeScript copy can drift. Labels and initials are
//! algorithms rather than data: the core computes them per element (`label.rs`).

use crate::model::{ElementDetails, ElementKind};
use serde::Serialize;

/// Point size of labels in map units (canvas pixels at zoom 1): big enough for a projector at the
/// zoom a district map fits at.
pub const LABEL_FONT_SIZE: f64 = 16.0;
/// Room inside an org chart office's box around its people (paper's box and the canvas's).
pub const ORG_CHART_PADDING: f64 = 16.0;
/// Diameter of a person's circle; the name hangs below it.
pub const PERSON_SIZE: f64 = 38.0;
/// Size of a leaf sprint team's star; a star is too small to hold its name, so it hangs below.
pub const STAR_SIZE: f64 = 58.0;
/// The smallest box that holds a label inside it.
pub const MIN_BOX: (f64, f64) = (96.0, 44.0);
/// Room kept on each side of a leaf's label for the glyph in its corner.
pub const LEAF_GLYPH_ROOM: f64 = 9.0;
/// The gap between a shape and the label hung below it, and around that label.
pub const BELOW_ROOM: (f64, f64) = (8.0, 6.0);
/// Group titles sit above their area and may run wider than a leaf's name.
pub const GROUP_WRAP_FACTOR: usize = 2;
/// A detail line (a title, a routine's cycle) may run a little wider than a name.
pub const DETAIL_WRAP_FACTOR: f64 = 1.5;

/// Room around a label inside its shape, by kind: slanted and round shapes need more.
/// `titled` is a person drawn as a position with a title (the org chart).
pub fn label_padding(kind: ElementKind, titled: bool) -> (f64, f64) {
    match kind {
        ElementKind::Person if titled => (40.0, 22.0),
        ElementKind::Community => (44.0, 26.0),
        ElementKind::Routine => (60.0, 18.0),
        ElementKind::Partner => (48.0, 18.0),
        ElementKind::Rule => (32.0, 18.0),
        ElementKind::Office | ElementKind::Site | ElementKind::SprintTeam | ElementKind::Person => {
            (28.0, 18.0)
        }
    }
}

/// Which kinds can hold other elements (and have a boundary); nesting in any other is refused.
pub fn holds_others(kind: ElementKind) -> bool {
    kind.is_group()
}

/// The colour a glyph's mark is painted in: the colour the glyph is drawn with, or white.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ink {
    Colour,
    White,
}

/// One mark of a glyph: an SVG path on a 24 × 24 grid, filled and/or stroked.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mark {
    pub d: &'static str,
    pub fill: Option<Ink>,
    pub stroke: Option<Ink>,
    pub width: f64,
}

const fn filled(d: &'static str, ink: Ink) -> Mark {
    Mark {
        d,
        fill: Some(ink),
        stroke: None,
        width: 0.0,
    }
}

const HOUSE: [Mark; 2] = [
    Mark {
        d: "M3 11 L12 3.5 L21 11 M5.5 9 V20.5 H18.5 V9",
        fill: None,
        stroke: Some(Ink::Colour),
        width: 2.2,
    },
    filled("M10 14 H14 V20.5 H10 Z", Ink::Colour),
];
const STAR: [Mark; 1] = [filled(
    "M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z",
    Ink::Colour,
)];
const NO_ENTRY: [Mark; 2] = [
    filled("M12 1.5 A10.5 10.5 0 1 1 11.99 1.5 Z", Ink::Colour),
    filled("M5.5 10.2 H18.5 V13.8 H5.5 Z", Ink::White),
];

/// The small pictures drawn in a node's corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Glyph {
    /// A house: a site is a place where students are.
    Site,
    /// A star, for a sprint team that holds others (a group cannot be star-shaped).
    Star,
    /// "No entry": an office whose stance is compliance, granting or withholding permission.
    Compliance,
}

impl Glyph {
    pub const ALL: [Glyph; 3] = [Self::Site, Self::Star, Self::Compliance];

    pub fn marks(self) -> &'static [Mark] {
        match self {
            Self::Site => &HOUSE,
            Self::Star => &STAR,
            Self::Compliance => &NO_ENTRY,
        }
    }

    /// Whether the canvas sets the picture in a white disc ringed in its colour, so it reads where
    /// it straddles a node's outline (the compliance sign is a disc already).
    pub fn in_badge(self) -> bool {
        !matches!(self, Self::Compliance)
    }

    /// The SVG body of the glyph in `colour`, on the 24-unit grid.
    pub fn svg(self, colour: &str) -> String {
        let paint = |ink: Option<Ink>| match ink {
            Some(Ink::Colour) => colour,
            Some(Ink::White) => "#FFFFFF",
            None => "none",
        };
        self.marks()
            .iter()
            .map(|m| {
                let stroke = match m.stroke {
                    Some(_) => format!(
                        r#" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round""#,
                        paint(m.stroke),
                        m.width
                    ),
                    None => String::new(),
                };
                format!(r#"<path d="{}" fill="{}"{stroke}/>"#, m.d, paint(m.fill))
            })
            .collect()
    }
}

/// What a freshly drawn element of a kind starts as.
#[derive(Debug, Clone, Serialize)]
pub struct NewElement {
    pub name: &'static str,
    /// The kind and its default attributes, as an element carries them.
    pub details: ElementDetails,
}

pub fn new_element(kind: ElementKind) -> NewElement {
    NewElement {
        name: kind.default_name(),
        details: ElementDetails::default_for(kind),
    }
}

/// Everything the window takes from this module, as the generated module spells it.
#[derive(Debug, Clone, Serialize)]
struct Rules {
    holds_others: Vec<ElementKind>,
    new_elements: Vec<NewElement>,
    glyphs: Vec<GlyphMarks>,
    /// The point size the core measures labels at; the canvas sets them at this size.
    label_font_size: f64,
    /// Room inside an org chart office's box around its people.
    org_chart_padding: f64,
}

#[derive(Debug, Clone, Serialize)]
struct GlyphMarks {
    glyph: Glyph,
    marks: &'static [Mark],
    in_badge: bool,
}

/// The generated TypeScript module: the rules above as constants.
pub fn typescript_module() -> String {
    let rules = Rules {
        holds_others: ElementKind::ALL
            .into_iter()
            .filter(|k| holds_others(*k))
            .collect(),
        new_elements: ElementKind::ALL.into_iter().map(new_element).collect(),
        glyphs: Glyph::ALL
            .into_iter()
            .map(|glyph| GlyphMarks {
                glyph,
                marks: glyph.marks(),
                in_badge: glyph.in_badge(),
            })
            .collect(),
        label_font_size: LABEL_FONT_SIZE,
        org_chart_padding: ORG_CHART_PADDING,
    };
    let json = serde_json::to_string_pretty(&rules).expect("the rules serialise");
    format!(
        "// Generated by the core (core/src/rules.rs); do not edit. A core test fails when it is stale:\n\
         // UPDATE_BINDINGS=1 cargo test -p murmuration-core --lib rules refreshes it.\n\
         export const RULES = {json} as const;\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Boundary, SprintStatus};

    #[test]
    fn the_generated_module_is_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src/map/rules.generated.ts");
        let fresh = typescript_module();
        if std::env::var("UPDATE_BINDINGS").is_ok() {
            std::fs::write(&path, &fresh).expect("write the generated rules");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/map/rules.generated.ts is stale: run UPDATE_BINDINGS=1 cargo test -p murmuration-core --lib rules"
        );
    }

    #[test]
    fn only_groups_hold_others() {
        let holders: Vec<_> = ElementKind::ALL
            .into_iter()
            .filter(|k| holds_others(*k))
            .collect();
        assert_eq!(
            holders,
            [
                ElementKind::Office,
                ElementKind::Site,
                ElementKind::Community,
                ElementKind::SprintTeam
            ]
        );
    }

    #[test]
    fn a_new_element_is_named_for_its_kind_with_the_models_defaults() {
        let office = new_element(ElementKind::Office);
        assert_eq!(office.name, "New office");
        // Not a silo until someone says so: solid is a choice to protect (001:379).
        assert_eq!(office.details.boundary(), Some(Boundary::Permeable));
        let team = new_element(ElementKind::SprintTeam);
        assert_eq!(team.name, "New sprint team");
        assert!(matches!(
            team.details,
            ElementDetails::SprintTeam {
                status: SprintStatus::Forming,
                boundary: Boundary::Open,
                ..
            }
        ));
        let json = serde_json::to_value(&office).expect("serialises");
        assert_eq!(json["details"]["kind"], "office");
    }

    #[test]
    fn glyphs_draw_in_the_colour_given_and_white() {
        let gate = Glyph::Compliance.svg("#D55E00");
        assert!(gate.contains(r##"fill="#D55E00""##) && gate.contains(r##"fill="#FFFFFF""##));
        let house = Glyph::Site.svg("#0072B2");
        assert!(house.contains(r##"stroke="#0072B2" stroke-width="2.2""##));
        assert!(Glyph::Site.in_badge() && !Glyph::Compliance.in_badge());
    }
}
