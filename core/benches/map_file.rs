//! How long the map and its file take at district scale: opening a 10,000-element map, one edit
//! validated, applied and committed, and the JSON export. Targets and figures live in
//! `docs/benchmarks.md` ("Map and file (core)") with the command that produced them.

use criterion::{criterion_group, criterion_main, Criterion};
use murmuration_core::json::{from_json, to_json};
use murmuration_core::model::{ElementId, ElementKind, Point, Relation, RelationDetails, View};
use murmuration_core::ops::{Op, Placement};
use murmuration_core::store::{Document, Durability};
use murmuration_core::synthetic::synthetic_map;
use std::hint::black_box;

const ELEMENTS: usize = 10_000;
const RELATIONS_PER_ELEMENT: f64 = 3.0;

fn map_file(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.murm");
    let map = synthetic_map(ELEMENTS, RELATIONS_PER_ELEMENT, 1);
    drop(Document::create(&path, &map).expect("create"));

    let mut slow = c.benchmark_group("10k elements, 30k relations");
    slow.sample_size(10);
    slow.bench_function("open (read, validate, lock)", |b| {
        b.iter(|| black_box(Document::open(&path).expect("open")))
    });
    slow.bench_function("JSON export", |b| b.iter(|| black_box(to_json(&map))));
    let json = to_json(&map);
    slow.bench_function("JSON import (validated)", |b| {
        b.iter(|| black_box(from_json(&json).expect("import")))
    });
    slow.finish();

    let mut doc = Document::open(&path).expect("open");
    if std::env::var("MURM_BENCH_DURABILITY").as_deref() == Ok("app_crash") {
        doc.set_durability(Durability::AppCrash)
            .expect("durability");
    }
    let scenario = map.scenarios[0].id.clone();
    let people: Vec<ElementId> = map.scenarios[0]
        .elements
        .values()
        .filter(|e| e.kind() == ElementKind::Person)
        .map(|e| e.id.clone())
        .collect();
    let mut edits = c.benchmark_group("one edit on 10k elements (validate, apply, commit)");
    let mut n = 0usize;
    edits.bench_function("move an element", |b| {
        b.iter(|| {
            n += 1;
            let op = Op::Move {
                view: View::Network,
                positions: vec![Placement {
                    element: people[n % people.len()].clone(),
                    point: Some(Point {
                        x: n as f64,
                        y: 2.0,
                    }),
                }],
            };
            black_box(doc.apply(&scenario, &op).expect("move"))
        })
    });
    edits.bench_function("rename an element", |b| {
        b.iter(|| {
            n += 1;
            let mut element = doc.map().scenarios[0].elements[&people[n % people.len()]].clone();
            element.name = format!("Renamed {n}");
            black_box(
                doc.apply(&scenario, &Op::UpdateElement { element })
                    .expect("rename"),
            )
        })
    });
    // Alternately draws a reports-to line (with its cycle check) and removes it again.
    let deep = people[people.len() - 1].clone();
    edits.bench_function("connect or delete a reports-to line", |b| {
        b.iter(|| {
            n += 1;
            let op = if n.is_multiple_of(2) {
                Op::Connect {
                    relation: Relation {
                        id: "bench-line".into(),
                        source: people[0].clone(),
                        target: deep.clone(),
                        details: RelationDetails::ReportsTo,
                        annotations: Default::default(),
                    },
                }
            } else {
                Op::DeleteRelation {
                    id: "bench-line".into(),
                }
            };
            black_box(doc.apply(&scenario, &op).ok())
        })
    });
    edits.bench_function("undo + redo", |b| {
        b.iter(|| {
            black_box(doc.undo().expect("undo"));
            black_box(doc.redo().expect("redo"))
        })
    });
    edits.finish();
}

/// What the window is sent after one edit: before, the whole scenario as a snapshot; now, the
/// change. Both built and serialised to JSON, as the shell hands them to the webview.
fn sent_to_the_window(c: &mut Criterion) {
    use murmuration_core::change::MapChange;
    use murmuration_core::snapshot::MapSnapshot;
    use murmuration_core::store::Change;
    let map = synthetic_map(ELEMENTS, RELATIONS_PER_ELEMENT, 1);
    let scenario = map.scenarios[0].id.clone();
    let mut element = map.scenarios[0]
        .elements
        .values()
        .find(|e| e.kind() == ElementKind::Person)
        .expect("a person")
        .clone();
    element.name.push_str(" (renamed)");
    let change = Change {
        scenario: scenario.clone(),
        effect: Op::UpdateElement { element },
        can_undo: true,
        can_redo: false,
    };
    let mut sent = c.benchmark_group("sent to the window after one rename, 10k elements");
    sent.sample_size(20);
    sent.bench_function("whole snapshot (before)", |b| {
        b.iter(|| {
            let snapshot = MapSnapshot::of(&map, &scenario, None, true, false);
            black_box(serde_json::to_string(&snapshot).expect("JSON"))
        })
    });
    sent.bench_function("the change (now)", |b| {
        b.iter(|| {
            let change = MapChange::of(&map, &scenario, &change, 1, 1);
            black_box(serde_json::to_string(&change).expect("JSON"))
        })
    });
    sent.finish();
}

criterion_group!(benches, map_file, sent_to_the_window);
criterion_main!(benches);
