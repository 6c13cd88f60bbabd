//! Betweenness centrality (Brandes 2001) on a [`FlowGraph`]: the share of shortest paths between
//! other pairs that pass through an element — who the network's traffic depends on.
//!
//! Normalised exactly as networkx's `betweenness_centrality(G, normalized=True)` for an undirected
//! graph: the raw sum over all sources (which counts every pair twice) times `1 / ((n-1)(n-2))`, so a
//! value is the fraction of the `(n-1)(n-2)/2` pairs of other nodes whose shortest paths run through
//! the node (split evenly when there are several). With `n ≤ 2` every value is 0. The fixtures in
//! `core/tests/fixtures/betweenness_*.json` hold networkx's values, matched to 1e-9.
//!
//! Paths are unweighted (hops): flow volume is an ordinal 1–5, and turning it into a distance would
//! invent a scale the map does not have.
//!
//! - [`betweenness_exact`] / [`betweenness_exact_with_progress`]: every source, split over all cores
//!   (sources are cut into blocks handed out from a shared counter, so a busy core takes fewer; the
//!   blocks are summed in a fixed order, so the figures never depend on the scheduling).
//! - [`betweenness_sampled`]: pivot sampling (Brandes & Pich 2007): `k` sources drawn without
//!   replacement with a fixed seed, scaled by `n / k`. The estimate is unbiased; for each node the
//!   error exceeds `ε` with probability at most `2·exp(-2kε²)` (Hoeffding: one source's scaled,
//!   normalised contribution lies in `[0, n/(n-1)]`), i.e. `ε ≈ sqrt(ln(40)/(2k))` at 95 % — 0.08
//!   for k = 283 (what the budget allows on 10,000 nodes and 30,000 ties), 0.06 for k = 500.
//!   Measured errors are far smaller (docs/benchmarks.md).
//! - [`betweenness_auto`]: exact when `n·(n + 2m)` neighbour visits fit [`EXACT_BUDGET`], else a
//!   sample with as many sources as fit the same budget.

use super::graph::FlowGraph;
use crate::model::ElementId;
use serde::Serialize;
use specta::Type;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// The neighbour visits (about `n · (n + 2m)` for exact) that [`betweenness_auto`] allows itself:
/// about 0.1 s on one core, so that every lens together stays well under a second on a
/// 10,000-element map (docs/benchmarks.md).
pub const EXACT_BUDGET: f64 = 2.0e7;

/// Fewest sources a sampled estimate uses, however big the graph.
pub const MIN_SAMPLE: u32 = 64;

/// How many sources a worker finishes between looking at `cancel` and reporting progress.
const CHUNK: u32 = 16;

/// One element's betweenness, in [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BetweennessScore {
    pub id: ElementId,
    pub value: f64,
}

/// Betweenness of every node of a graph.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Betweenness {
    /// One per node, in the graph's node order.
    pub scores: Vec<BetweennessScore>,
    /// Every source was used; otherwise a pivot-sampled estimate.
    pub exact: bool,
    /// How many sources were used (`n` when exact).
    pub sources: u32,
}

/// Exact betweenness, on all available cores.
pub fn betweenness_exact(g: &FlowGraph) -> Betweenness {
    betweenness_exact_with_progress(g, |_, _| {}, &AtomicBool::new(false)).expect("never cancelled")
}

/// Exact betweenness, calling `progress(done, total)` (sources finished, all sources) as it goes —
/// from worker threads, so it must be `Sync` — and stopping early with `None` once `cancel` is set.
pub fn betweenness_exact_with_progress(
    g: &FlowGraph,
    progress: impl Fn(u32, u32) + Sync,
    cancel: &AtomicBool,
) -> Option<Betweenness> {
    exact_on(g, &progress, cancel, cores())
}

/// [`betweenness_exact_with_progress`] on every core but one, for work in the background of a
/// window: on a two-core laptop the window keeps a core to draw with. The result is the same to
/// the last bit (see [`BLOCKS`]).
pub fn betweenness_exact_leaving_a_core(
    g: &FlowGraph,
    progress: impl Fn(u32, u32) + Sync,
    cancel: &AtomicBool,
) -> Option<Betweenness> {
    exact_on(g, &progress, cancel, cores().saturating_sub(1).max(1))
}

/// Exact betweenness from every source, on up to `cores` threads.
fn exact_on(
    g: &FlowGraph,
    progress: &(impl Fn(u32, u32) + Sync),
    cancel: &AtomicBool,
    cores: usize,
) -> Option<Betweenness> {
    let n = g.node_count();
    let sources: Vec<u32> = (0..n).collect();
    let raw = accumulate(g, &sources, progress, cancel, cores)?;
    Some(finish(g, raw, n, true))
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |p| p.get())
}

/// A pivot-sampled estimate from `k` sources (all of them when `k ≥ n`), reproducible for a `seed`.
pub fn betweenness_sampled(g: &FlowGraph, k: u32, seed: u64) -> Betweenness {
    let n = g.node_count();
    if k >= n {
        return betweenness_exact(g);
    }
    let mut all: Vec<u32> = (0..n).collect();
    let mut rng = SplitMix64(seed);
    // A partial Fisher–Yates shuffle: the first k are a uniform sample without replacement.
    for i in 0..k as usize {
        let j = i + (rng.next() % (n as u64 - i as u64)) as usize;
        all.swap(i, j);
    }
    all.truncate(k as usize);
    let raw =
        accumulate(g, &all, &|_, _| {}, &AtomicBool::new(false), cores()).expect("never cancelled");
    finish(g, raw, k, false)
}

/// Exact when it is cheap (see [`EXACT_BUDGET`]), otherwise a sampled estimate with fixed seed.
pub fn betweenness_auto(g: &FlowGraph) -> Betweenness {
    let n = g.node_count() as f64;
    let per_source = n + 2.0 * g.tie_count() as f64;
    if n * per_source <= EXACT_BUDGET {
        return betweenness_exact(g);
    }
    let k = ((EXACT_BUDGET / per_source) as u32).max(MIN_SAMPLE);
    betweenness_sampled(g, k, 0x4d75_726d)
}

/// Scales the raw dependency sums to networkx's normalised values (see the module header).
fn finish(g: &FlowGraph, raw: Vec<f64>, sources: u32, exact: bool) -> Betweenness {
    let n = g.node_count() as f64;
    let scale = if n <= 2.0 {
        0.0
    } else {
        1.0 / ((n - 1.0) * (n - 2.0)) * (n / sources.max(1) as f64)
    };
    Betweenness {
        scores: g
            .ids()
            .iter()
            .zip(raw)
            .map(|(id, r)| BetweennessScore {
                id: id.clone(),
                value: r * scale,
            })
            .collect(),
        exact,
        sources,
    }
}

/// How many blocks the sources are cut into. Each block sums into its own vector and the blocks are
/// added in order at the end, so the result is the same to the last bit whatever the number of
/// cores or the scheduling — while workers still take blocks as they free up.
const BLOCKS: usize = 32;

/// Blocks summed by one worker: (block number, dependency sums).
type Summed = Vec<(usize, Vec<f64>)>;

/// The sum over `sources` of each node's dependency (Brandes' δ), on up to `cores` threads.
fn accumulate(
    g: &FlowGraph,
    sources: &[u32],
    progress: &(impl Fn(u32, u32) + Sync),
    cancel: &AtomicBool,
    cores: usize,
) -> Option<Vec<f64>> {
    let n = g.node_count() as usize;
    let total = sources.len() as u32;
    let blocks: Vec<&[u32]> = if sources.is_empty() {
        Vec::new()
    } else {
        sources.chunks(sources.len().div_ceil(BLOCKS)).collect()
    };
    let next = AtomicU32::new(0);
    let done = AtomicU32::new(0);
    let workers = cores.min(blocks.len()).max(1);
    // Each worker returns the blocks it summed, by block number.
    let work = || -> Option<Summed> {
        let mut mine = Vec::new();
        let mut scratch = Scratch::new(n);
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed) as usize;
            let Some(block) = blocks.get(b) else {
                return Some(mine);
            };
            let mut acc = vec![0.0f64; n];
            for piece in block.chunks(CHUNK as usize) {
                if cancel.load(Ordering::Relaxed) {
                    return None;
                }
                for &s in piece {
                    scratch.single_source(g, s, &mut acc);
                }
                let k = piece.len() as u32;
                progress(done.fetch_add(k, Ordering::Relaxed) + k, total);
            }
            mine.push((b, acc));
        }
    };
    let partials: Vec<Option<Summed>> = if workers == 1 {
        vec![work()]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a betweenness worker panicked"))
                .collect()
        })
    };
    let mut summed: Vec<(usize, Vec<f64>)> = Vec::with_capacity(blocks.len());
    for part in partials {
        summed.extend(part?);
    }
    summed.sort_by_key(|(b, _)| *b);
    let mut total_acc = vec![0.0f64; n];
    for (_, acc) in summed {
        for (t, p) in total_acc.iter_mut().zip(acc) {
            *t += p;
        }
    }
    Some(total_acc)
}

/// One node's state during one source's search, kept together so a neighbour costs one cache line.
#[derive(Clone, Copy)]
struct Node {
    sigma: f64,
    delta: f64,
    /// Hops from the source; -1 when not reached yet.
    dist: i32,
}

const UNSEEN: Node = Node {
    sigma: 0.0,
    delta: 0.0,
    dist: -1,
};

/// The per-thread state of one breadth-first search, reset only where it went.
struct Scratch {
    nodes: Vec<Node>,
    /// Nodes in the order the search reached them (a queue going forward, a stack coming back).
    order: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Self {
            nodes: vec![UNSEEN; n],
            order: vec![0; n],
        }
    }

    /// Brandes' single-source step: count shortest paths from `s` breadth-first, then walk back
    /// from the farthest nodes adding each node's dependency to `acc`. Predecessors are not stored:
    /// in an unweighted graph they are exactly the neighbours one step closer to `s`.
    ///
    /// This loop is most of the time the brokers lens takes, so it indexes without bounds checks;
    /// every index is a node number below `n`: `FlowGraph::build` only stores such targets, `s` is
    /// a node, and `order` holds at most `n` distinct nodes (each is queued once, when first seen).
    fn single_source(&mut self, g: &FlowGraph, s: u32, acc: &mut [f64]) {
        let n = self.nodes.len();
        assert!(
            (s as usize) < n && acc.len() == n && g.offsets.len() == n + 1 && self.order.len() == n
        );
        let nodes = self.nodes.as_mut_ptr();
        let order = self.order.as_mut_ptr();
        let offsets = g.offsets.as_ptr();
        let targets = g.targets.as_ptr();
        // SAFETY: see the doc comment: every index below is < n (nodes, order, acc) or ≤ n
        // (offsets, whose entries are ≤ targets.len()), and the raw pointers cover those lengths.
        unsafe {
            *nodes.add(s as usize) = Node {
                sigma: 1.0,
                delta: 0.0,
                dist: 0,
            };
            *order = s;
            let (mut head, mut tail) = (0usize, 1usize);
            while head < tail {
                let v = *order.add(head) as usize;
                head += 1;
                let Node {
                    sigma: sv,
                    dist: dv,
                    ..
                } = *nodes.add(v);
                let (from, to) = (*offsets.add(v) as usize, *offsets.add(v + 1) as usize);
                for i in from..to {
                    let w = *targets.add(i) as usize;
                    let node = &mut *nodes.add(w);
                    if node.dist < 0 {
                        node.dist = dv + 1;
                        node.sigma = sv;
                        *order.add(tail) = w as u32;
                        tail += 1;
                    } else if node.dist == dv + 1 {
                        node.sigma += sv;
                    }
                }
            }
            for k in (0..tail).rev() {
                let w = *order.add(k) as usize;
                let Node {
                    sigma: sw,
                    delta: dw_delta,
                    dist: dw,
                } = *nodes.add(w);
                let coeff = (1.0 + dw_delta) / sw;
                let (from, to) = (*offsets.add(w) as usize, *offsets.add(w + 1) as usize);
                for i in from..to {
                    let v = *targets.add(i) as usize;
                    let node = &mut *nodes.add(v);
                    if node.dist == dw - 1 {
                        node.delta += node.sigma * coeff;
                    }
                }
                if w != s as usize {
                    *acc.as_mut_ptr().add(w) += dw_delta;
                }
            }
            for k in 0..tail {
                *nodes.add(*order.add(k) as usize) = UNSEEN;
            }
        }
    }
}

/// A tiny, well-known seeded generator (Steele et al.'s SplitMix64): reproducible samples without a
/// dependency.
pub(crate) struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: u32, edges: &[(u32, u32)]) -> FlowGraph {
        FlowGraph::from_ties(
            (0..n).map(|i| ElementId(i.to_string())),
            edges
                .iter()
                .map(|&(a, b)| (ElementId(a.to_string()), ElementId(b.to_string()))),
        )
    }

    fn values(b: &Betweenness) -> Vec<f64> {
        b.scores.iter().map(|s| s.value).collect()
    }

    #[test]
    fn a_path_by_hand() {
        // 0 - 1 - 2 - 3: node 1 lies on (0,2) and (0,3) = 2 of the 3 pairs without it.
        let b = betweenness_exact(&graph(4, &[(0, 1), (1, 2), (2, 3)]));
        let v = values(&b);
        assert_eq!(v, vec![0.0, 2.0 / 3.0, 2.0 / 3.0, 0.0]);
        assert!(b.exact);
    }

    #[test]
    fn a_star_and_a_square_by_hand() {
        // The centre of a star lies on every pair of leaves.
        let v = values(&betweenness_exact(&graph(
            5,
            &[(0, 1), (0, 2), (0, 3), (0, 4)],
        )));
        assert_eq!(v, vec![1.0, 0.0, 0.0, 0.0, 0.0]);
        // In a 4-cycle each node carries half of the one pair opposite it: 0.5 / 3.
        let v = values(&betweenness_exact(&graph(
            4,
            &[(0, 1), (1, 2), (2, 3), (3, 0)],
        )));
        for x in v {
            assert!((x - 0.5 / 3.0).abs() < 1e-15);
        }
    }

    #[test]
    fn tiny_graphs_are_all_zero() {
        assert_eq!(values(&betweenness_exact(&graph(2, &[(0, 1)]))), [0.0, 0.0]);
        assert!(betweenness_exact(&graph(0, &[])).scores.is_empty());
    }

    #[test]
    fn sampling_every_source_is_exact_and_cancel_stops() {
        let g = graph(6, &[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (1, 4)]);
        assert_eq!(
            values(&betweenness_sampled(&g, 6, 1)),
            values(&betweenness_exact(&g))
        );
        let cancel = AtomicBool::new(true);
        assert!(betweenness_exact_with_progress(&g, |_, _| {}, &cancel).is_none());
    }
}
