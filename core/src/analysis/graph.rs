//! The graph the brokers lens measures: a simple undirected graph whose nodes are the scenario's
//! elements and whose ties say "these two exchange something or belong together".
//!
//! Which relations make a tie (decided once, here, and documented in `docs/lenses.md`):
//! - a **flow**, in either direction, one-way or both (a one-way flow still joins the two: news and
//!   ideas travel back along it in conversation);
//! - **member-of** (a person and their community or sprint team);
//! - **nesting** (a person or team and the group it sits in), because people reach the rest of the
//!   district through their unit.
//!
//! Not ties: **reports-to** (that is the chart, not the flow — the chart vs. reality lens compares the
//! two) and **barriers** (a blocked flow carries nothing). Parallel relations collapse into one tie and
//! self-ties are dropped, so the graph is simple, as networkx's `Graph` is.
//!
//! The graph is stored twice, both private: compressed adjacency (CSR) for Brandes' algorithm, which
//! is a tight loop over neighbours, and a petgraph `UnGraph` for articulation points and bridges.

use crate::model::{ElementId, ElementKind, RelationDetails, RelationId, Scenario};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, HashMap};

/// A simple undirected graph over element ids. Cheap to share between threads (`Send + Sync`), so
/// the shell can compute exact betweenness on it in the background.
#[derive(Debug, Clone)]
pub struct FlowGraph {
    pub(crate) ids: Vec<ElementId>,
    /// `targets[offsets[v]..offsets[v + 1]]` are the neighbours of `v`, ascending.
    pub(crate) offsets: Vec<u32>,
    pub(crate) targets: Vec<u32>,
    /// The relations behind each tie `(a, b)` with `a < b`; empty for a tie made by nesting.
    pub(crate) tie_relations: BTreeMap<(u32, u32), Vec<RelationId>>,
}

impl FlowGraph {
    /// The flow graph of a scenario (see the module header for which relations make ties). Nodes are
    /// the scenario's elements but its rules (not units of the network), in id order — the
    /// lenses' numbering.
    pub fn of(scenario: &Scenario) -> Self {
        let ids: Vec<ElementId> = scenario
            .elements
            .values()
            .filter(|e| e.kind() != ElementKind::Rule)
            .map(|e| e.id.clone())
            .collect();
        let index: HashMap<&ElementId, u32> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id, i as u32))
            .collect();
        let mut ties: BTreeMap<(u32, u32), Vec<RelationId>> = BTreeMap::new();
        for e in scenario.elements.values() {
            if let (Some(&c), Some(&p)) = (
                index.get(&e.id),
                e.parent.as_ref().and_then(|p| index.get(p)),
            ) {
                if c != p {
                    ties.entry((c.min(p), c.max(p))).or_default();
                }
            }
        }
        for r in scenario.relations.values() {
            if !matches!(
                r.details,
                RelationDetails::Flow { .. } | RelationDetails::MemberOf { .. }
            ) {
                continue;
            }
            if let (Some(&a), Some(&b)) = (index.get(&r.source), index.get(&r.target)) {
                if a != b {
                    ties.entry((a.min(b), a.max(b)))
                        .or_default()
                        .push(r.id.clone());
                }
            }
        }
        Self::build(ids, ties)
    }

    /// A graph from plain ties between ids, for benchmarks and reference checks. Every id in `nodes`
    /// is a node (isolated ones count for normalisation, as in networkx); an id that only appears in
    /// a tie is added after them in order of appearance.
    pub fn from_ties(
        nodes: impl IntoIterator<Item = ElementId>,
        ties: impl IntoIterator<Item = (ElementId, ElementId)>,
    ) -> Self {
        let mut ids: Vec<ElementId> = Vec::new();
        let mut index: HashMap<ElementId, u32> = HashMap::new();
        let mut intern = |id: ElementId, ids: &mut Vec<ElementId>| -> u32 {
            *index.entry(id.clone()).or_insert_with(|| {
                ids.push(id);
                (ids.len() - 1) as u32
            })
        };
        for id in nodes {
            intern(id, &mut ids);
        }
        let mut pairs: BTreeMap<(u32, u32), Vec<RelationId>> = BTreeMap::new();
        for (a, b) in ties {
            let a = intern(a, &mut ids);
            let b = intern(b, &mut ids);
            if a != b {
                pairs.entry((a.min(b), a.max(b))).or_default();
            }
        }
        Self::build(ids, pairs)
    }

    fn build(ids: Vec<ElementId>, ties: BTreeMap<(u32, u32), Vec<RelationId>>) -> Self {
        let n = ids.len();
        // Brandes' loop indexes by these without bounds checks (see `betweenness.rs`).
        assert!(
            ties.keys().all(|&(a, b)| a < b && (b as usize) < n),
            "ties name nodes of the graph, smaller end first"
        );
        let mut degree = vec![0u32; n + 1];
        for &(a, b) in ties.keys() {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        let mut offsets = vec![0u32; n + 1];
        for v in 0..n {
            offsets[v + 1] = offsets[v] + degree[v];
        }
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut targets = vec![0u32; offsets[n] as usize];
        for &(a, b) in ties.keys() {
            targets[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
            targets[fill[b as usize] as usize] = a;
            fill[b as usize] += 1;
        }
        for v in 0..n {
            targets[offsets[v] as usize..offsets[v + 1] as usize].sort_unstable();
        }
        Self {
            ids,
            offsets,
            targets,
            tie_relations: ties,
        }
    }

    pub fn node_count(&self) -> u32 {
        self.ids.len() as u32
    }

    pub fn tie_count(&self) -> u32 {
        self.tie_relations.len() as u32
    }

    /// The element ids, in node order (the order of [`super::Betweenness::scores`]).
    pub fn ids(&self) -> &[ElementId] {
        &self.ids
    }

    /// Elements whose removal splits the graph (Tarjan, via petgraph), in node order.
    pub fn articulation_points(&self) -> Vec<ElementId> {
        self.cut_nodes()
            .into_iter()
            .map(|i| self.ids[i as usize].clone())
            .collect()
    }

    /// Ties whose removal splits the graph (via petgraph), each as its two ends in node order.
    pub fn bridges(&self) -> Vec<(ElementId, ElementId)> {
        self.bridge_pairs()
            .into_iter()
            .map(|(a, b)| (self.ids[a as usize].clone(), self.ids[b as usize].clone()))
            .collect()
    }

    pub(crate) fn cut_nodes(&self) -> Vec<u32> {
        let pg = self.petgraph();
        let mut cut: Vec<u32> = petgraph::algo::articulation_points::articulation_points(&pg)
            .into_iter()
            .map(|i: NodeIndex| i.index() as u32)
            .collect();
        cut.sort_unstable();
        cut
    }

    pub(crate) fn bridge_pairs(&self) -> Vec<(u32, u32)> {
        let pg = self.petgraph();
        let mut pairs: Vec<(u32, u32)> = petgraph::algo::bridges(&pg)
            .map(|e| {
                let (a, b) = (e.source().index() as u32, e.target().index() as u32);
                (a.min(b), a.max(b))
            })
            .collect();
        pairs.sort_unstable();
        pairs
    }

    fn petgraph(&self) -> UnGraph<(), ()> {
        let mut g = UnGraph::with_capacity(self.ids.len(), self.tie_relations.len());
        for _ in 0..self.ids.len() {
            g.add_node(());
        }
        for &(a, b) in self.tie_relations.keys() {
            g.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), ());
        }
        g
    }
}
