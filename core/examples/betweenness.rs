//! Exact betweenness of a graph read from an edge list, timed: our side of
//! bench/betweenness/compare.sh, which runs networkx and python-igraph on the same file.
//!
//! Usage: `betweenness EDGES [--out SCORES] [--sample K]`, or `betweenness --district N [--sample K]`
//! for the flow graph of the N-element synthetic district the lenses bench uses. EDGES has one tie per line (`a b` or `a,b`); a first
//! line `# nodes N` makes the nodes `0..N` (isolated ones count in the normalisation, as in
//! networkx). Prints one JSON line with the timing; SCORES gets `node value` lines. With `--sample
//! K`, also times the pivot-sampled estimate from K sources and prints its error against exact.

use murmuration_core::analysis::{betweenness_exact, betweenness_sampled, FlowGraph};
use murmuration_core::model::ElementId;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!(
            "usage: betweenness EDGES [--out SCORES] [--sample K] | --district N [--sample K]"
        );
        std::process::exit(2);
    };
    if path == "--district" {
        let n: usize = args[1].parse().expect("--district N");
        let map = murmuration_core::synthetic::synthetic_map(n, 3.0, 1);
        let graph = FlowGraph::of(&map.scenarios[0]);
        return measure(&graph, &args, None);
    }
    let text = std::fs::read_to_string(path).expect("read the edge list");
    let mut nodes: Vec<ElementId> = Vec::new();
    let mut ties = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(n) = line.strip_prefix("# nodes ") {
            let n: u32 = n.trim().parse().expect("# nodes N");
            nodes = (0..n).map(|i| ElementId(i.to_string())).collect();
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split([' ', ',', '\t']).filter(|p| !p.is_empty());
        if let (Some(a), Some(b)) = (parts.next(), parts.next()) {
            ties.push((ElementId(a.to_owned()), ElementId(b.to_owned())));
        }
    }
    let start = Instant::now();
    let graph = FlowGraph::from_ties(nodes, ties);
    let built = start.elapsed().as_secs_f64();
    measure(&graph, &args, Some(built));
}

fn measure(graph: &FlowGraph, args: &[String], built: Option<f64>) {
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1));
    let built = built.unwrap_or(0.0);
    let start = Instant::now();
    let b = betweenness_exact(graph);
    let seconds = start.elapsed().as_secs_f64();
    let threads = std::thread::available_parallelism().map_or(1, |p| p.get());
    println!(
        "{{\"tool\":\"murmuration\",\"nodes\":{},\"edges\":{},\"threads\":{threads},\"build_seconds\":{built:.4},\"seconds\":{seconds:.4}}}",
        graph.node_count(),
        graph.tie_count()
    );
    if let Some(k) = args
        .iter()
        .position(|a| a == "--sample")
        .and_then(|i| args.get(i + 1))
    {
        let k: u32 = k.parse().expect("--sample K");
        let start = Instant::now();
        let est = betweenness_sampled(graph, k, 1);
        let est_seconds = start.elapsed().as_secs_f64();
        let errors: Vec<f64> = est
            .scores
            .iter()
            .zip(&b.scores)
            .map(|(e, x)| (e.value - x.value).abs())
            .collect();
        let max = errors.iter().copied().fold(0.0, f64::max);
        let mean = errors.iter().sum::<f64>() / errors.len().max(1) as f64;
        let top = b.scores.iter().map(|s| s.value).fold(0.0, f64::max);
        println!(
            "{{\"tool\":\"murmuration-sampled\",\"sources\":{k},\"seconds\":{est_seconds:.4},\"max_abs_error\":{max:.6},\"mean_abs_error\":{mean:.7},\"largest_value\":{top:.6}}}"
        );
    }
    if let Some(out) = out {
        let lines: Vec<String> = b
            .scores
            .iter()
            .map(|s| format!("{} {:.17e}", s.id.0, s.value))
            .collect();
        std::fs::write(out, lines.join("\n") + "\n").expect("write the scores");
    }
}
