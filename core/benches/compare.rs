//! How long comparing two big scenarios takes: the change list plus every lens's deltas for two
//! 10,000-element / 30,000-relation scenarios that differ in 10% of their elements (a third
//! renamed, a third moved to another group, a third deleted with their relations). Target:
//! < 500 ms. Figures and the command live in docs/benchmarks.md ("Comparing scenarios (core)").

use criterion::{criterion_group, criterion_main, Criterion};
use murmuration_core::compare::{diff, lens_deltas, overlay};
use murmuration_core::model::{Map, Scenario, ScenarioId};
use murmuration_core::ops::{apply_indexed, Index, Op};
use murmuration_core::synthetic::synthetic_map;
use std::hint::black_box;

/// The synthetic district and a copy of its scenario with 10% of the elements changed.
fn two_scenarios() -> (Map, ScenarioId, ScenarioId) {
    let mut map = synthetic_map(10_000, 3.0, 1);
    let from = map.scenarios[0].id.clone();
    let to = ScenarioId("to-be".into());
    let mut copy = Scenario::empty("To be");
    copy.id = to.clone();
    let mut index = Index::build(&map);
    let add = Op::AddScenario {
        scenario: copy,
        copy_from: Some(from.clone()),
        at: None,
    };
    apply_indexed(&mut map, &mut index, &from, &add).expect("copied");
    let sc = map.scenario(&to).expect("to be").clone();
    let groups: Vec<_> = sc
        .elements
        .values()
        .filter(|e| e.kind().is_group())
        .map(|e| e.id.clone())
        .collect();
    let mut changed = 0;
    for (i, e) in sc
        .elements
        .values()
        .enumerate()
        .filter(|(i, _)| i % 10 == 0)
    {
        let op = match i / 10 % 3 {
            0 => {
                let mut e = e.clone();
                e.name = format!("{} (renamed)", e.name);
                Op::UpdateElement { element: e }
            }
            1 => Op::Nest {
                child: e.id.clone(),
                parent: Some(groups[i % groups.len()].clone()),
            },
            _ => Op::DeleteElement { id: e.id.clone() },
        };
        changed += usize::from(apply_indexed(&mut map, &mut index, &to, &op).is_ok());
    }
    eprintln!("{changed} of 10,000 elements changed");
    (map, from, to)
}

fn compare(c: &mut Criterion) {
    let (map, from, to) = two_scenarios();
    let mut g = c.benchmark_group("compare, 10k elements / 30k relations, 10% changed");
    g.sample_size(10);
    g.bench_function("diff", |b| {
        b.iter(|| black_box(diff(&map, &from, &to).expect("diff")))
    });
    g.bench_function("diff + lens deltas", |b| {
        b.iter(|| {
            black_box(diff(&map, &from, &to).expect("diff"));
            black_box(lens_deltas(&map, &from, &to))
        })
    });
    g.bench_function("overlay", |b| {
        b.iter(|| black_box(overlay(&map, &from, &to).expect("overlay")))
    });
    g.finish();
}

criterion_group!(benches, compare);
criterion_main!(benches);
