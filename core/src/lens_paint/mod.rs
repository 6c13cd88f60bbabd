//! How each lens is drawn, decided once for the canvas and the exports.
//!
//! A coach switches a lens on in the window and a board later sees the same scene on paper; if
//! the two drew a lens differently, the board would be shown a different argument. So the core
//! turns a lens's figures ([`Analysis`]) into paint — a fill per element, a size factor, a badge
//! in words, a legend and a one-line caption — and both the canvas (through the shell's command)
//! and `render` draw exactly that. The colours come from [`crate::vocabulary`]; every fill comes
//! with a badge or a legend entry in words, because colour never carries meaning alone.
//!
//! How each lens is drawn is written up for people in `docs/lenses.md` ("How each lens is drawn").
//! Each family of lenses paints in a file of its own: `groups.rs` (silos, density, chart vs.
//! reality), `people.rs` (brokers, home base, pioneers), `offices.rs` (layers, reciprocity),
//! `system.rs` (the policy cascade, the Operating System, the instructional core).

mod groups;
mod offices;
mod people;
mod system;
#[cfg(test)]
mod tests;

use crate::analysis::Analysis;
use crate::model::{ElementId, Map, ScenarioId};
use crate::vocabulary::ScaleStep;
use groups::{chart, density, silos};
use offices::{layers, reciprocity};
use people::{brokers, home_base, pioneers};
use serde::Serialize;
use specta::Type;
use std::collections::BTreeMap;
use system::{cascade, instructional_core, operating_system};

/// The lenses that paint the map, as `(id, name)` in the order the lens picker lists them. The
/// id is what a scene stores in `Scene::lens`.
pub const LENSES: &[(&str, &str)] = &[
    ("silos", "Silos"),
    ("density", "Density"),
    ("brokers", "Brokers"),
    ("layers", "Layers (geology)"),
    ("chart", "Chart vs. reality"),
    ("home_base", "Home base"),
    ("pioneers", "Pioneers"),
    ("reciprocity", "Reciprocity"),
    ("cascade", "Policy cascade"),
    ("operating_system", "Operating System"),
    ("instructional_core", "Instructional core"),
];

/// What a lens paints on one scenario: the same for the canvas and for paper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
pub struct LensPaint {
    /// The lens's id (`silos`, `home_base`…), as in [`LENSES`].
    pub lens: String,
    /// The lens's name, as the legend's heading.
    pub name: String,
    /// Fill colours (`#RRGGBB`) by element; elements not named keep their kind's fill.
    pub fills: BTreeMap<ElementId, String>,
    /// How much larger than usual to draw an element (1.0 to 1.5); elements not named: 1.0.
    /// Only leaves grow: a group's size is the room its contents need.
    pub sizes: BTreeMap<ElementId, f64>,
    /// A short text on the element saying what its colour means (`E-I +1.0 · walled`,
    /// `cut point`, `no home base`, `1974`).
    pub badges: BTreeMap<ElementId, String>,
    /// Legend entries `[colour, meaning]`, in plain words, only for colours the lens used.
    pub legend: Vec<(String, String)>,
    /// One line saying what the lens shows on this scenario, e.g. "Teaching & Learning: 0 flows
    /// inside, 1 outside — a silo".
    pub caption: String,
}

impl LensPaint {
    fn new(lens: &str, name: &str) -> Self {
        Self {
            lens: lens.to_owned(),
            name: name.to_owned(),
            ..Self::default()
        }
    }

    fn fill(&mut self, id: &ElementId, step: ScaleStep) {
        self.fills.insert(id.clone(), step.colour.to_owned());
    }

    fn badge(&mut self, id: &ElementId, text: impl Into<String>) {
        self.badges.insert(id.clone(), text.into());
    }

    /// The legend lists the steps of `scale` that were used, in the scale's order.
    fn legend_from(&mut self, scale: &[ScaleStep]) {
        for step in scale {
            if self.fills.values().any(|c| c == step.colour)
                && !self.legend.iter().any(|(c, _)| c == step.colour)
            {
                self.legend
                    .push((step.colour.to_owned(), step.meaning.to_owned()));
            }
        }
    }
}

/// The paint of `lens` (an id from [`LENSES`]; `geology` is taken for `layers`) on `scenario` of
/// `map`, from `analysis` of that scenario. `None` for a lens that does not paint (or is not
/// known): the scene is then drawn without one.
pub fn lens_paint(
    map: &Map,
    scenario: &ScenarioId,
    lens: &str,
    analysis: &Analysis,
) -> Option<LensPaint> {
    let sc = map.scenario(scenario).or_else(|| map.scenarios.first())?;
    let id = match lens.trim() {
        "geology" => "layers",
        other => other,
    };
    let name = LENSES.iter().find(|(l, _)| *l == id)?.1;
    let mut paint = LensPaint::new(id, name);
    match id {
        "silos" => silos(&mut paint, analysis),
        "density" => density(&mut paint, analysis),
        "brokers" => brokers(&mut paint, analysis),
        "layers" => layers(&mut paint, sc, analysis),
        "chart" => chart(&mut paint, &analysis.chart),
        "home_base" => home_base(&mut paint, sc, analysis),
        "pioneers" => pioneers(&mut paint, sc, analysis),
        "reciprocity" => reciprocity(&mut paint, analysis),
        "cascade" => cascade(&mut paint, analysis),
        "operating_system" => operating_system(&mut paint, analysis),
        "instructional_core" => instructional_core(&mut paint, analysis),
        _ => return None,
    }
    Some(paint)
}

/// Signed, one decimal, with a true minus sign: "+1.0", "−0.6", "0.0".
fn signed(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1}")
    } else if rounded < 0.0 {
        format!("−{:.1}", -rounded)
    } else {
        "0.0".to_owned()
    }
}
