//! Brokers: who holds the network together, and who is a single point of failure.
//!
//! On the [`FlowGraph`] (flows, member-of and nesting as undirected ties): betweenness centrality
//! (exact when cheap, else a sampled estimate the shell refines), articulation points (elements whose
//! loss splits the network) and bridges (ties whose loss splits it), the last two from petgraph.

use super::betweenness::{betweenness_auto, Betweenness};
use super::context::Context;
use super::graph::FlowGraph;
use super::Named;
use crate::model::RelationId;
use serde::Serialize;
use specta::Type;

/// How many brokers the lens lists by name.
pub const TOP: usize = 10;

#[derive(Debug, Clone, Serialize, Type)]
pub struct Broker {
    pub element: Named,
    /// Normalised betweenness in [0, 1].
    pub betweenness: f64,
    /// Removing it splits the network.
    pub articulation_point: bool,
    pub words: String,
}

/// A tie whose loss splits the network.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Bridge {
    pub a: Named,
    pub b: Named,
    /// The flows and member-of relations behind the tie; empty when the tie is nesting.
    pub relations: Vec<RelationId>,
    pub words: String,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Brokers {
    /// Every element's betweenness (for colouring the canvas), with how it was computed.
    pub betweenness: Betweenness,
    /// The highest-betweenness elements with a value above 0, highest first.
    pub top: Vec<Broker>,
    pub articulation_points: Vec<Named>,
    pub bridges: Vec<Bridge>,
}

/// `known`: betweenness already computed on this scenario's graph (else estimated or exact, as
/// [`betweenness_auto`] judges the cost).
pub(crate) fn brokers(cx: &Context, known: Option<Betweenness>) -> Brokers {
    // Node i of the graph is element i of the context: both number elements in id order.
    let sc_graph = FlowGraph::of(cx.sc);
    let betweenness = known
        .filter(|b| b.scores.len() == cx.len())
        .unwrap_or_else(|| betweenness_auto(&sc_graph));
    let cut = sc_graph.cut_nodes();
    let bridge_pairs = sc_graph.bridge_pairs();

    let mut order: Vec<u32> = (0..cx.len() as u32)
        .filter(|&i| betweenness.scores[i as usize].value > 0.0)
        .collect();
    order.sort_by(|&a, &b| {
        betweenness.scores[b as usize]
            .value
            .total_cmp(&betweenness.scores[a as usize].value)
            .then(a.cmp(&b))
    });
    let top = order
        .iter()
        .take(TOP)
        .map(|&i| {
            let value = betweenness.scores[i as usize].value;
            let articulation_point = cut.binary_search(&i).is_ok();
            let mut words = format!(
                "{}: on {:.0}% of the shortest paths between others{}",
                cx.name(i),
                value * 100.0,
                if betweenness.exact { "" } else { " (estimate)" }
            );
            if articulation_point {
                words.push_str(" — without them the network falls apart");
            }
            Broker {
                element: cx.named(i),
                betweenness: value,
                articulation_point,
                words,
            }
        })
        .collect();
    let bridges = bridge_pairs
        .into_iter()
        .map(|(a, b)| Bridge {
            a: cx.named(a),
            b: cx.named(b),
            relations: sc_graph
                .tie_relations
                .get(&(a, b))
                .cloned()
                .unwrap_or_default(),
            words: format!(
                "{} — {}: the only tie joining the two sides",
                cx.name(a),
                cx.name(b)
            ),
        })
        .collect();
    Brokers {
        betweenness,
        top,
        articulation_points: cut.into_iter().map(|i| cx.named(i)).collect(),
        bridges,
    }
}
