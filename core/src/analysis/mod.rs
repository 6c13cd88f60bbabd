//! The lenses: the questions a leader asks of a map ("which units talk only to themselves?", "who
//! holds it together?", "does the org chart describe how work flows?"), answered in the core so the
//! window, the command line and the tests get the same figures.
//!
//! [`analyze`] runs every lens on one scenario and returns an [`Analysis`] that the shell sends to
//! the UI unchanged. Each lens lives in its own module and is documented, formula and plain words,
//! in `docs/lenses.md`. Results name elements by [`ElementId`] (with their names, so a sentence can
//! be shown without a lookup); graph indices never leave this module.
//!
//! Exact betweenness is the one figure that can take seconds on a big map, so [`analyze`] uses
//! [`betweenness::betweenness_auto`] (exact when cheap, a documented estimate otherwise) and the
//! shell refines it with [`betweenness::betweenness_exact_with_progress`] in the background.
//!
//! [`analyze_at`] runs them as of a moment: on the scenario as the view draws it then
//! ([`scenario_at`], which is `view::shown` — the one "alive at" rule), so every lens and every
//! leader move sees only what existed then, as it was then.

pub mod betweenness;
pub mod brokers;
pub mod cascade;
pub mod chart;
mod context;
pub mod density;
pub mod graph;
pub mod home_base;
pub mod instructional_core;
pub mod layers;
mod louvain;
pub mod moves;
pub mod operating_system;
pub mod pioneers;
pub mod reciprocity;
pub mod silos;

pub use betweenness::{
    betweenness_auto, betweenness_exact, betweenness_exact_leaving_a_core,
    betweenness_exact_with_progress, betweenness_sampled, Betweenness,
};
pub use graph::FlowGraph;

use crate::model::{Date, ElementId, Map, Scenario, ScenarioId};
use crate::shown::{shown, Filter};
use context::Context;
use serde::Serialize;
use specta::Type;
use std::borrow::Cow;

/// An element as a lens names it: its id (for highlighting) and its name (for the sentence).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
pub struct Named {
    pub id: ElementId,
    pub name: String,
}

/// Every lens on one scenario.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Analysis {
    /// The scenario analysed (the map's first one when the one asked for does not exist).
    pub scenario: ScenarioId,
    /// The moment it was analysed as of (`2021`, `2021-04`, `2021-04-15`); `None`: everything,
    /// whatever its dates.
    pub moment: Option<String>,
    pub silos: silos::Silos,
    pub density: density::Density,
    pub brokers: brokers::Brokers,
    pub layers: layers::Layers,
    pub chart: chart::ChartVsReality,
    pub home_base: home_base::HomeBase,
    pub pioneers: pioneers::Pioneers,
    pub reciprocity: reciprocity::Reciprocity,
    pub cascade: cascade::Cascade,
    pub operating_system: operating_system::OperatingSystem,
    pub instructional_core: instructional_core::InstructionalCore,
    pub moves: Vec<moves::LeaderMove>,
}

/// The District Operating System's lenses alone: the cascade, the Operating System lens and the
/// instructional core (part of every [`Analysis`]; apart for their benchmark).
#[derive(Debug, Clone, Serialize, Type)]
pub struct SystemLenses {
    pub cascade: cascade::Cascade,
    pub operating_system: operating_system::OperatingSystem,
    pub instructional_core: instructional_core::InstructionalCore,
}

/// [`SystemLenses`] on `scenario` of `map` as of `moment` (the scenario [`scenario_at`] gives).
pub fn system_lenses(map: &Map, scenario: &ScenarioId, moment: Option<&Date>) -> SystemLenses {
    let sc = scenario_at(map, scenario, moment);
    let cx = Context::new(&sc);
    SystemLenses {
        cascade: cascade::cascade(&sc),
        operating_system: operating_system::operating_system(&cx),
        instructional_core: instructional_core::instructional_core(&cx),
    }
}

/// Runs every lens on `scenario` of `map` (the first scenario when `scenario` is not in the map).
pub fn analyze(map: &Map, scenario: &ScenarioId) -> Analysis {
    analyze_at_with(map, scenario, None, None)
}

/// [`analyze`] as of `moment`: only what existed then, as it was then. `None` is [`analyze`].
pub fn analyze_at(map: &Map, scenario: &ScenarioId, moment: Option<&Date>) -> Analysis {
    analyze_at_with(map, scenario, moment, None)
}

/// `scenario` of `map` (its first when there is none by that id) as it was at `moment`: what the
/// lenses see, and the graph the shell refines betweenness on.
pub fn scenario_at<'a>(
    map: &'a Map,
    scenario: &ScenarioId,
    moment: Option<&Date>,
) -> Cow<'a, Scenario> {
    let sc = map
        .scenario(scenario)
        .or_else(|| map.scenarios.first())
        .expect("a map keeps at least one scenario");
    let filter = Filter {
        time: moment.cloned(),
        ..Filter::default()
    };
    shown(sc, &filter)
}

/// [`analyze`] with betweenness already computed for this scenario's [`FlowGraph`] — how the
/// shell swaps a quick estimate for the exact figures it refined in the background.
pub fn analyze_with(
    map: &Map,
    scenario: &ScenarioId,
    betweenness: Option<Betweenness>,
) -> Analysis {
    analyze_at_with(map, scenario, None, betweenness)
}

/// [`analyze_at`] with betweenness already computed for the [`FlowGraph`] of [`scenario_at`].
pub fn analyze_at_with(
    map: &Map,
    scenario: &ScenarioId,
    moment: Option<&Date>,
    betweenness: Option<Betweenness>,
) -> Analysis {
    let sc = scenario_at(map, scenario, moment);
    let cx = Context::new(&sc);
    let silos = silos::silos(&cx);
    let density = density::density(&cx);
    let brokers = brokers::brokers(&cx, betweenness);
    let layers = layers::layers(&cx);
    let chart = chart::chart_vs_reality(&cx);
    let home_base = home_base::home_base(&cx);
    let pioneers = pioneers::pioneers(&cx);
    let reciprocity = reciprocity::reciprocity(&cx);
    let cascade = cascade::cascade(&sc);
    let operating_system = operating_system::operating_system(&cx);
    let instructional_core = instructional_core::instructional_core(&cx);
    let moves = moves::moves(
        &cx,
        &moves::Lenses {
            silos: &silos,
            density: &density,
            brokers: &brokers,
            chart: &chart,
            home_base: &home_base,
            pioneers: &pioneers,
            reciprocity: &reciprocity,
            cascade: &cascade,
            operating_system: &operating_system,
        },
    );
    Analysis {
        scenario: sc.id.clone(),
        moment: moment.map(|m| m.to_string()),
        silos,
        density,
        brokers,
        layers,
        chart,
        home_base,
        pioneers,
        reciprocity,
        cascade,
        operating_system,
        instructional_core,
        moves,
    }
}

/// `part / whole`, or `None` when there is nothing to divide (the UI shows "—", never NaN).
pub(crate) fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// "1 flow", "3 flows": the lenses speak in sentences.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "A", "A and B", "A, B and C", and "A, B, C and 4 more" past `max`.
pub(crate) fn list_names<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    let shown = names.len().min(max);
    let rest = names.len() - shown;
    let mut parts: Vec<String> = names[..shown].iter().map(|s| s.to_string()).collect();
    if rest > 0 {
        parts.push(format!("{rest} more"));
    }
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().expect("at least two");
            format!("{} and {last}", parts.join(", "))
        }
    }
}
