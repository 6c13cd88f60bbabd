//! Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008), written here rather
//! than taken from a crate: none well kept was found, and the method is short. Deterministic: nodes
//! are visited in an order shuffled by a fixed seed, a node moves only for a strictly better gain,
//! and communities are renumbered in order of their first node.
//!
//! Phase 1 moves single nodes to the neighbouring community with the best modularity gain
//! `k_i,in(c) − tot(c) · k_i / 2m` until no move helps; phase 2 merges each community into one node
//! (internal weight kept as a self-loop) and repeats, until a pass moves nothing.

use super::betweenness::SplitMix64;

/// A weighted undirected graph: neighbour lists (no self-entries) plus each node's self-loop weight
/// (internal weight of the community it stands for, every edge once).
struct Weighted {
    adj: Vec<Vec<(u32, f64)>>,
    loops: Vec<f64>,
}

/// The community of each of the `n` nodes (numbered from 0 in order of first node) and the
/// partition's modularity. `edges` may repeat (weights add); self-edges are ignored.
pub(crate) fn louvain(n: usize, edges: &[(u32, u32, f64)], seed: u64) -> (Vec<u32>, f64) {
    let mut g = Weighted {
        adj: vec![Vec::new(); n],
        loops: vec![0.0; n],
    };
    for &(a, b, w) in edges {
        if a != b && w > 0.0 {
            g.adj[a as usize].push((b, w));
            g.adj[b as usize].push((a, w));
        }
    }
    for list in &mut g.adj {
        merge_parallel(list);
    }
    let m2: f64 = g.adj.iter().flatten().map(|&(_, w)| w).sum();
    let mut membership: Vec<u32> = (0..n as u32).collect();
    if m2 <= 0.0 {
        return (membership, 0.0);
    }
    let mut rng = SplitMix64(seed);
    // Each level at least halves nothing in the worst case, so bound the levels for safety.
    for _ in 0..64 {
        let (comm, moved) = local_moving(&g, m2, &mut rng);
        if !moved {
            break;
        }
        let (comm, count) = renumber(&comm);
        for m in membership.iter_mut() {
            *m = comm[*m as usize];
        }
        g = aggregate(&g, &comm, count);
    }
    let (membership, _) = renumber(&membership);
    let q = modularity(n, edges, &membership);
    (membership, q)
}

fn merge_parallel(list: &mut Vec<(u32, f64)>) {
    list.sort_by_key(|&(v, _)| v);
    let mut out: Vec<(u32, f64)> = Vec::with_capacity(list.len());
    for &(v, w) in list.iter() {
        match out.last_mut() {
            Some(last) if last.0 == v => last.1 += w,
            _ => out.push((v, w)),
        }
    }
    *list = out;
}

/// Phase 1. Returns each node's community and whether any node moved.
fn local_moving(g: &Weighted, m2: f64, rng: &mut SplitMix64) -> (Vec<u32>, bool) {
    let n = g.adj.len();
    let k: Vec<f64> = (0..n)
        .map(|i| 2.0 * g.loops[i] + g.adj[i].iter().map(|&(_, w)| w).sum::<f64>())
        .collect();
    let mut tot = k.clone();
    let mut comm: Vec<u32> = (0..n as u32).collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    let mut weight_to = vec![0.0f64; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut moved_any = false;
    // Passes until stable; each pass strictly raises modularity, the bound is only a safety net.
    for _ in 0..1000 {
        let mut moved = false;
        for &i in &order {
            let i = i as usize;
            let ci = comm[i];
            touched.clear();
            for &(j, w) in &g.adj[i] {
                let c = comm[j as usize];
                if !seen[c as usize] {
                    seen[c as usize] = true;
                    touched.push(c);
                }
                weight_to[c as usize] += w;
            }
            tot[ci as usize] -= k[i];
            let gain = |c: u32| weight_to[c as usize] - tot[c as usize] * k[i] / m2;
            let mut best = ci;
            let mut best_gain = gain(ci);
            for &c in &touched {
                let gc = gain(c);
                if gc > best_gain + 1e-12 {
                    best = c;
                    best_gain = gc;
                }
            }
            tot[best as usize] += k[i];
            if best != ci {
                comm[i] = best;
                moved = true;
                moved_any = true;
            }
            for &c in &touched {
                seen[c as usize] = false;
                weight_to[c as usize] = 0.0;
            }
        }
        if !moved {
            break;
        }
    }
    (comm, moved_any)
}

/// Community labels renumbered 0.. in order of first appearance, and how many there are.
fn renumber(comm: &[u32]) -> (Vec<u32>, usize) {
    let mut map = vec![u32::MAX; comm.len().max(1)];
    let mut next = 0u32;
    let out = comm
        .iter()
        .map(|&c| {
            if map[c as usize] == u32::MAX {
                map[c as usize] = next;
                next += 1;
            }
            map[c as usize]
        })
        .collect();
    (out, next as usize)
}

/// Phase 2: one node per community.
fn aggregate(g: &Weighted, comm: &[u32], count: usize) -> Weighted {
    let mut adj: Vec<Vec<(u32, f64)>> = vec![Vec::new(); count];
    let mut loops = vec![0.0; count];
    for (i, list) in g.adj.iter().enumerate() {
        let ci = comm[i];
        loops[ci as usize] += g.loops[i];
        for &(j, w) in list {
            let cj = comm[j as usize];
            if cj == ci {
                // Seen from both ends: half each time.
                loops[ci as usize] += w / 2.0;
            } else {
                adj[ci as usize].push((cj, w));
            }
        }
    }
    for list in &mut adj {
        merge_parallel(list);
    }
    Weighted { adj, loops }
}

/// Newman's modularity `Σ_c [ in_c / m − (tot_c / 2m)² ]` of a partition of the original graph.
pub(crate) fn modularity(n: usize, edges: &[(u32, u32, f64)], comm: &[u32]) -> f64 {
    let count = comm.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut inside = vec![0.0; count];
    let mut tot = vec![0.0; count];
    let mut m = 0.0;
    for &(a, b, w) in edges {
        if a == b || w <= 0.0 || a as usize >= n || b as usize >= n {
            continue;
        }
        m += w;
        let (ca, cb) = (comm[a as usize] as usize, comm[b as usize] as usize);
        tot[ca] += w;
        tot[cb] += w;
        if ca == cb {
            inside[ca] += w;
        }
    }
    if m == 0.0 {
        return 0.0;
    }
    (0..count)
        .map(|c| inside[c] / m - (tot[c] / (2.0 * m)).powi(2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_one_edge_are_two_communities() {
        let e = |a, b| (a, b, 1.0);
        let edges = [
            e(0, 1),
            e(1, 2),
            e(2, 0),
            e(3, 4),
            e(4, 5),
            e(5, 3),
            e(2, 3),
        ];
        let (comm, q) = louvain(6, &edges, 7);
        assert_eq!(comm, vec![0, 0, 0, 1, 1, 1]);
        // By hand: m = 7, each side has 3 inside and degree total 7: 2 · (3/7 − (7/14)²) = 5/14.
        assert!((q - 5.0 / 14.0).abs() < 1e-12, "{q}");
    }

    #[test]
    fn no_edges_leaves_everyone_alone() {
        let (comm, q) = louvain(3, &[], 1);
        assert_eq!(comm, vec![0, 1, 2]);
        assert_eq!(q, 0.0);
    }

    #[test]
    fn the_same_seed_gives_the_same_partition() {
        let mut rng = SplitMix64(3);
        let edges: Vec<(u32, u32, f64)> = (0..300)
            .map(|_| ((rng.next() % 100) as u32, (rng.next() % 100) as u32, 1.0))
            .collect();
        assert_eq!(louvain(100, &edges, 11), louvain(100, &edges, 11));
    }
}
