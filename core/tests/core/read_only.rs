//! Reading a map without opening it for editing (the command line's `export` while a window has
//! the map open): no lock taken, nothing written, every acknowledged edit seen, bad files refused
//! as `open` refuses them.

use crate::fixture::*;
use crate::store::temp;
use murmuration_core::error::ErrorKind;
use murmuration_core::model::*;
use murmuration_core::ops::{self, Op};
use murmuration_core::sample::riverside_unified;
use murmuration_core::store::{Document, Durability};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// The bytes of a map file and the files beside it, by name.
fn folder(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn edits() -> Vec<Op> {
    vec![
        Op::SetTitle {
            title: "Riverside, being redrawn".into(),
        },
        Op::CreateElement {
            element: element("hub", "Hub", None, ElementKind::Community),
        },
        Op::AddScene {
            scene: Scene {
                id: "s".into(),
                ..Scene::new("Hub", ScenarioId::from("as-is"), View::Network)
            },
            at: None,
        },
        Op::DeleteScene {
            id: "org-chart".into(),
        },
    ]
}

#[test]
fn a_map_open_in_a_window_reads_whole_and_nothing_is_written() {
    let dir = temp();
    let path = dir.path().join("riverside.murm");
    let mut window = Document::create(&path, &riverside_unified()).unwrap();
    for op in edits() {
        window.apply(&ScenarioId::from("as-is"), &op).unwrap();
    }
    // The edits are acknowledged but still in the WAL beside the file.
    let before = folder(dir.path());
    assert!(
        before.iter().any(|(name, _)| name.ends_with("-wal")),
        "{:?}",
        before.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );

    let read = Document::read(&path).expect("read while the window has it");
    assert_eq!(&read, window.map(), "every acknowledged edit, nothing else");
    assert_eq!(read.title, "Riverside, being redrawn");
    assert_eq!(
        folder(dir.path()),
        before,
        "not a byte written, no file left"
    );

    // The window still holds the file and keeps editing.
    assert_eq!(
        Document::open(&path).unwrap_err().kind,
        ErrorKind::AlreadyOpen
    );
    window.undo().unwrap();
    assert_eq!(&Document::read(&path).unwrap(), window.map());
    let edited = window.map().clone();
    drop(window);
    assert_eq!(Document::read(&path).unwrap(), edited);
    let after_close = folder(dir.path());
    assert_eq!(Document::read(&path).unwrap(), edited);
    assert_eq!(folder(dir.path()), after_close);
}

#[test]
fn a_left_over_wal_from_a_crash_is_read_and_left_for_the_next_open() {
    let dir = temp();
    let path = dir.path().join("crashed.murm");
    let mut window = Document::create(&path, &district()).unwrap();
    window
        .apply(
            &sc(),
            &Op::SetTitle {
                title: "acknowledged".into(),
            },
        )
        .unwrap();
    // Keep the file and its WAL as a crash would leave them, then let the window go.
    let snapshot: Vec<(PathBuf, Vec<u8>)> = folder(dir.path())
        .into_iter()
        .map(|(name, bytes)| (dir.path().join(name), bytes))
        .collect();
    assert!(snapshot
        .iter()
        .any(|(file, _)| file.to_string_lossy().ends_with("-wal")));
    drop(window);
    for file in folder(dir.path()) {
        std::fs::remove_file(dir.path().join(file.0)).unwrap();
    }
    for (file, bytes) in &snapshot {
        std::fs::write(file, bytes).unwrap();
    }
    let before = folder(dir.path());
    assert_eq!(Document::read(&path).unwrap().title, "acknowledged");
    assert_eq!(folder(dir.path()), before, "the WAL is not checkpointed");
    assert_eq!(Document::open(&path).unwrap().map().title, "acknowledged");
}

#[test]
fn reads_stay_whole_while_the_window_keeps_editing() {
    let dir = temp();
    let path = dir.path().join("busy.murm");
    let mut window = Document::create(&path, &district()).unwrap();
    window.set_durability(Durability::AppCrash).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (done, reads, path) = (done.clone(), reads.clone(), path.clone());
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            while !done.load(Ordering::Relaxed) {
                let map = Document::read(&path).expect("every read succeeds");
                ops::validate_map(&map).expect("a whole map");
                seen.push(map.scenarios[0].elements.len());
                reads.fetch_add(1, Ordering::Relaxed);
            }
            seen
        })
    };
    // Enough rows to pass the WAL's checkpoint threshold (1,000 pages) several times, and
    // enough reads to overlap commits and checkpoints.
    let mut i = 0;
    while i < 3000 || (reads.load(Ordering::Relaxed) < 10 && i < 20_000) {
        let e = element(
            &format!("p{i:05}"),
            &"street data ".repeat(40),
            Some("esa"),
            ElementKind::Person,
        );
        window
            .apply(&sc(), &Op::CreateElement { element: e })
            .unwrap();
        i += 1;
    }
    done.store(true, Ordering::Relaxed);
    let seen = reader.join().unwrap();
    assert!(seen.len() >= 10, "{} reads", seen.len());
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "reads move forward in time: {seen:?}"
    );
    assert_eq!(&Document::read(&path).unwrap(), window.map());
}

#[test]
fn a_missing_file_is_an_io_error() {
    let dir = temp();
    let missing = dir.path().join("missing.murm");
    assert_eq!(Document::read(&missing).unwrap_err().kind, ErrorKind::Io);
    assert!(folder(dir.path()).is_empty());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// The read replays the WAL itself (it writes nothing, so SQLite cannot recover for it): after
    /// any sequence of edits — pages written again and again, frames of many commits — it sees
    /// exactly the map the editing window holds.
    #[test]
    fn a_read_sees_what_the_window_holds_after_any_edits(seeds in proptest::collection::vec(proptest::prelude::any::<u64>(), 1..40)) {
        let dir = temp();
        let path = dir.path().join("m.murm");
        let mut window = Document::create(&path, &district()).unwrap();
        let mut counter = 0;
        for (n, seed) in seeds.iter().enumerate() {
            let op = crate::ops::random_op(window.map(), &sc(), *seed, &mut counter);
            let _ = window.apply(&sc(), &op);
            if n % 5 == 4 || n + 1 == seeds.len() {
                proptest::prop_assert_eq!(&Document::read(&path).expect("reads"), window.map());
            }
        }
        if window.can_undo() {
            window.undo().unwrap();
            proptest::prop_assert_eq!(&Document::read(&path).expect("reads"), window.map());
        }
    }
}
