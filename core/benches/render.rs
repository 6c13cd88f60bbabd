//! How long exports take at district scale: the SVG and the PDF of a 5,000-element synthetic map
//! (with its saved positions, and laid out afresh by the core), and the data exports. Targets:
//! SVG < 300 ms, PDF < 2 s. And a replay of the sample, 2018 to 2025 by year: 8 pages as a PDF
//! and as an animated PNG, < 3 s. Figures live in `docs/benchmarks.md` ("Exports (core)") with the
//! command that produced them.

use criterion::{criterion_group, criterion_main, Criterion};
use murmuration_core::exchange::{elements_csv, gexf, graphml};
use murmuration_core::model::View;
use murmuration_core::render::{
    render_pdf, render_svg, replay_apng, replay_pages, replay_pdf, replay_steps, PageSize,
    PageSpec, Step,
};
use murmuration_core::sample::riverside_unified;
use murmuration_core::synthetic::synthetic_map;
use std::hint::black_box;

const ELEMENTS: usize = 5_000;
const RELATIONS_PER_ELEMENT: f64 = 2.0;

fn exports(c: &mut Criterion) {
    let map = synthetic_map(ELEMENTS, RELATIONS_PER_ELEMENT, 7);
    let scenario = &map.scenarios[0];
    let mut fresh = scenario.clone();
    fresh.positions.clear();
    let mut page = PageSpec::new(PageSize::A4);
    page.date = "2025-01-01".into();

    let mut group = c.benchmark_group("5k elements, 10k relations");
    group.sample_size(10);
    group.bench_function("SVG, network, saved positions", |b| {
        b.iter(|| black_box(render_svg(&map, scenario, View::Network, &page)))
    });
    group.bench_function("SVG, network, laid out by the core", |b| {
        b.iter(|| black_box(render_svg(&map, &fresh, View::Network, &page)))
    });
    group.bench_function("SVG, org chart, laid out by the core", |b| {
        b.iter(|| black_box(render_svg(&map, &fresh, View::OrgChart, &page)))
    });
    group.bench_function("PDF, network, saved positions", |b| {
        b.iter(|| black_box(render_pdf(&map, scenario, View::Network, &page).expect("pdf")))
    });
    group.bench_function("CSV elements", |b| {
        b.iter(|| black_box(elements_csv(scenario).expect("csv")))
    });
    group.bench_function("GraphML", |b| b.iter(|| black_box(graphml(&map, scenario))));
    group.bench_function("GEXF (with layout)", |b| {
        b.iter(|| black_box(gexf(&map, scenario)))
    });
    group.finish();
}

fn replay(c: &mut Criterion) {
    let map = riverside_unified();
    let scenario = &map.scenarios[0];
    let page = PageSpec::new(PageSize::Widescreen16x9);
    let years = replay_steps("2018", "2025", Step::Year).expect("steps");
    let mut group = c.benchmark_group("replay of the sample, 2018-2025 by year (8 pages)");
    group.sample_size(10);
    group.bench_function("PDF", |b| {
        b.iter(|| {
            let pages = replay_pages(&map, scenario, View::Network, &years, &page);
            black_box(replay_pdf(&map, pages, &page).expect("pdf"))
        })
    });
    group.bench_function("animated PNG", |b| {
        b.iter(|| {
            let pages = replay_pages(&map, scenario, View::Network, &years, &page);
            black_box(replay_apng(&pages, 1.0, 1).expect("png"))
        })
    });
    group.finish();
}

criterion_group!(benches, exports, replay);
criterion_main!(benches);
