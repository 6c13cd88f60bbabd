//! How long the lenses take on a district far larger than any real one (10,000 elements, 30,000
//! relations): every lens together (with betweenness estimated, as `analyze` does on a big map) must
//! stay under a second; exact betweenness, which the shell refines in the background, is measured on
//! its own. Every lens as of a moment (the map seen as it was in 2020: filtered by the view's rule,
//! then analysed) must stay under a second as well. The District Operating System's three lenses
//! together (cascade, Operating System, instructional core) must stay under 300 ms. Figures and
//! the command live in docs/benchmarks.md ("Lenses (core)").

use criterion::{criterion_group, criterion_main, Criterion};
use murmuration_core::analysis::{
    analyze, analyze_at, betweenness_auto, betweenness_exact, system_lenses, FlowGraph,
};
use murmuration_core::model::Date;
use murmuration_core::synthetic::synthetic_map;
use std::hint::black_box;

const ELEMENTS: usize = 10_000;
const RELATIONS_PER_ELEMENT: f64 = 3.0;

fn lenses(c: &mut Criterion) {
    let map = synthetic_map(ELEMENTS, RELATIONS_PER_ELEMENT, 1);
    let scenario = map.scenarios[0].id.clone();
    let graph = FlowGraph::of(&map.scenarios[0]);
    eprintln!(
        "synthetic map: {} elements, {} relations; flow graph: {} nodes, {} ties",
        map.scenarios[0].elements.len(),
        map.scenarios[0].relations.len(),
        graph.node_count(),
        graph.tie_count()
    );

    let mut g = c.benchmark_group("lenses, 10k elements / 30k relations");
    g.sample_size(10);
    g.bench_function("analyze (every lens, betweenness auto)", |b| {
        b.iter(|| black_box(analyze(&map, &scenario)))
    });
    g.bench_function(
        "system lenses (cascade, operating system, instructional core)",
        |b| b.iter(|| black_box(system_lenses(&map, &scenario, None))),
    );
    let moment = Date::from("2020");
    g.bench_function("analyze_at 2020 (every lens as of a moment)", |b| {
        b.iter(|| black_box(analyze_at(&map, &scenario, Some(&moment))))
    });
    g.bench_function("betweenness auto (sampled)", |b| {
        b.iter(|| black_box(betweenness_auto(&graph)))
    });
    g.bench_function("betweenness exact (all cores)", |b| {
        b.iter(|| black_box(betweenness_exact(&graph)))
    });
    g.finish();
}

criterion_group!(benches, lenses);
criterion_main!(benches);
