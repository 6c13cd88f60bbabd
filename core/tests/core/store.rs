//! The `.murm` file: maps and their undo history survive reopening; bad files are refused with a
//! clear error and left byte-for-byte as they were; a second window cannot open the same file.

use crate::fixture::*;
use murmuration_core::error::ErrorKind;
use murmuration_core::model::*;
use murmuration_core::ops::{self, Op, Placement};
use murmuration_core::store::{Document, APPLICATION_ID, FORMAT_VERSION};
use std::path::{Path, PathBuf};

pub fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn edits() -> Vec<Op> {
    vec![
        Op::CreateElement {
            element: element("hub", "Hub", Some("super"), ElementKind::Community),
        },
        Op::UpdateElement {
            element: element(
                "uni",
                "State University (renamed)",
                None,
                ElementKind::Partner,
            ),
        },
        Op::Connect {
            relation: relation("m-hub", "sci", "hub", RelationKind::MemberOf),
        },
        Op::UpdateRelation {
            relation: relation("f-uni", "uni", "hub", RelationKind::Flow),
        },
        Op::Move {
            view: View::Network,
            positions: vec![
                Placement {
                    element: "hub".into(),
                    point: Some(Point {
                        x: 0.1 + 0.2,
                        y: -1e-300,
                    }),
                },
                Placement {
                    element: "sci".into(),
                    point: None,
                },
            ],
        },
        Op::Nest {
            child: "teacher".into(),
            parent: Some("hub".into()),
        },
        Op::DeleteElement { id: "ll".into() },
        Op::DeleteRelation {
            id: "b-sites".into(),
        },
        Op::SetTitle {
            title: "Riverside, redrawn".into(),
        },
        Op::AddScenario {
            scenario: Scenario {
                id: ScenarioId("to-be".into()),
                ..Scenario::empty("To be")
            },
            copy_from: Some(sc()),
            at: Some(0),
        },
        Op::RenameScenario {
            id: ScenarioId("to-be".into()),
            name: "To be: home bases".into(),
        },
        Op::Batch {
            ops: vec![
                Op::CreateElement {
                    element: element("b1", "B1", None, ElementKind::Site),
                },
                Op::CreateElement {
                    element: element("b2", "B2", Some("b1"), ElementKind::Person),
                },
                Op::Connect {
                    relation: relation("rb", "b2", "super", RelationKind::ReportsTo),
                },
            ],
        },
        Op::DeleteScenario {
            id: ScenarioId("to-be".into()),
        },
    ]
}

#[test]
fn a_map_reads_back_exactly() {
    let dir = temp();
    let path = dir.path().join("district.murm");
    let map = district();
    let doc = Document::create(&path, &map).expect("create");
    assert_eq!(doc.map(), &map);
    assert!(!doc.can_undo() && !doc.can_redo());
    doc.integrity_check().expect("sound");
    drop(doc);
    let doc = Document::open(&path).expect("open");
    assert_eq!(doc.map(), &map);
    drop(doc);
    let header = std::fs::read(&path).unwrap();
    assert_eq!(&header[68..72], &APPLICATION_ID.to_be_bytes());
    assert_eq!(&header[60..64], &FORMAT_VERSION.to_be_bytes());
    assert_eq!(header[18], 2, "WAL mode is recorded in the file");
}

#[test]
fn every_edit_and_its_history_survive_reopening() {
    let dir = temp();
    let path = dir.path().join("district.murm");
    let original = district();
    let mut states = vec![original.clone()];
    Document::create(&path, &original).expect("create");
    for op in edits() {
        // Reopen before each edit: nothing may live only in memory.
        let mut doc = Document::open(&path).expect("open");
        assert_eq!(doc.map(), states.last().unwrap());
        let change = doc
            .apply(&sc(), &op)
            .unwrap_or_else(|e| panic!("{op:?}: {e}"));
        assert!(change.can_undo && !change.can_redo);
        states.push(doc.map().clone());
    }
    // Undo everything, one reopen at a time, then redo everything.
    for expected in states.iter().rev().skip(1) {
        let mut doc = Document::open(&path).expect("open");
        doc.undo().expect("undo");
        assert_eq!(doc.map(), expected);
    }
    let mut doc = Document::open(&path).unwrap();
    assert!(!doc.can_undo() && doc.can_redo());
    assert_eq!(doc.undo().unwrap_err().kind, ErrorKind::NothingToUndo);
    drop(doc);
    for expected in states.iter().skip(1) {
        let mut doc = Document::open(&path).expect("open");
        doc.redo().expect("redo");
        assert_eq!(doc.map(), expected);
    }
    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.redo().unwrap_err().kind, ErrorKind::NothingToRedo);
    doc.integrity_check().unwrap();
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_tail() {
    let dir = temp();
    let path = dir.path().join("d.murm");
    let mut doc = Document::create(&path, &district()).unwrap();
    doc.apply(
        &sc(),
        &Op::SetTitle {
            title: "one".into(),
        },
    )
    .unwrap();
    doc.apply(
        &sc(),
        &Op::SetTitle {
            title: "two".into(),
        },
    )
    .unwrap();
    doc.undo().unwrap();
    assert!(doc.can_redo());
    let change = doc
        .apply(
            &sc(),
            &Op::SetTitle {
                title: "three".into(),
            },
        )
        .unwrap();
    assert!(!change.can_redo);
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    assert!(!doc.can_redo());
    assert_eq!(doc.map().title, "three");
    doc.undo().unwrap();
    assert_eq!(doc.map().title, "one");
    doc.undo().unwrap();
    assert_eq!(doc.map().title, "Riverside test");
    assert!(!doc.can_undo());
}

#[test]
fn a_refused_edit_changes_neither_map_nor_file() {
    let dir = temp();
    let path = dir.path().join("d.murm");
    let mut doc = Document::create(&path, &district()).unwrap();
    let before = doc.map().clone();
    let bad = Op::Batch {
        ops: vec![
            Op::SetTitle {
                title: "changed".into(),
            },
            Op::Connect {
                relation: relation("x", "super", "dir", RelationKind::ReportsTo),
            },
        ],
    };
    assert_eq!(
        doc.apply(&sc(), &bad).unwrap_err().kind,
        ErrorKind::ReportsToCycle
    );
    assert_eq!(doc.map(), &before);
    assert!(!doc.can_undo());
    drop(doc);
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.map(), &before);
    assert!(!doc.can_undo());
}

#[test]
fn a_second_open_is_refused_while_the_first_holds_the_file() {
    let dir = temp();
    let path = dir.path().join("d.murm");
    let mut first = Document::create(&path, &district()).unwrap();
    let err = Document::open(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::AlreadyOpen, "{err}");
    assert!(err.message.contains("already open in another window"));
    // The first window is unaffected and keeps editing.
    first
        .apply(
            &sc(),
            &Op::SetTitle {
                title: "still mine".into(),
            },
        )
        .unwrap();
    assert_eq!(
        Document::open(&path).unwrap_err().kind,
        ErrorKind::AlreadyOpen
    );
    drop(first);
    let doc = Document::open(&path).expect("free once the first window closes");
    assert_eq!(doc.map().title, "still mine");
}

#[test]
fn create_never_overwrites() {
    let dir = temp();
    let path = dir.path().join("d.murm");
    std::fs::write(&path, b"precious").unwrap();
    assert_eq!(
        Document::create(&path, &district()).unwrap_err().kind,
        ErrorKind::FileExists
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");
    let mut invalid = district();
    invalid.scenarios.clear();
    let other = dir.path().join("e.murm");
    assert_eq!(
        Document::create(&other, &invalid).unwrap_err().kind,
        ErrorKind::LastScenario
    );
    assert!(!other.exists());
    assert_eq!(files_in(dir.path()), vec!["d.murm".to_owned()]);
}

#[test]
fn save_as_continues_in_the_copy_with_its_history() {
    let dir = temp();
    let path = dir.path().join("d.murm");
    let copy = dir.path().join("copy.murm");
    let mut doc = Document::create(&path, &district()).unwrap();
    doc.apply(
        &sc(),
        &Op::SetTitle {
            title: "before save as".into(),
        },
    )
    .unwrap();
    std::fs::write(&copy, b"an old file the save dialog agreed to replace").unwrap();
    doc.save_as(&copy).unwrap();
    assert_eq!(doc.path(), copy.as_path());
    doc.apply(
        &sc(),
        &Op::SetTitle {
            title: "after save as".into(),
        },
    )
    .unwrap();
    // The old file is free again and kept its last state.
    let old = Document::open(&path).unwrap();
    assert_eq!(old.map().title, "before save as");
    drop(old);
    drop(doc);
    let mut doc = Document::open(&copy).unwrap();
    assert_eq!(doc.map().title, "after save as");
    doc.undo().unwrap();
    doc.undo().unwrap();
    assert_eq!(doc.map().title, "Riverside test");
    doc.integrity_check().unwrap();
    drop(doc);
    let mut names = files_in(dir.path());
    names.sort();
    assert_eq!(names, vec!["copy.murm".to_owned(), "d.murm".to_owned()]);
}

pub fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Opening `path` fails with `kind`, and neither the file nor its folder changes.
pub fn refused_untouched(path: &Path, kind: ErrorKind) {
    let before = std::fs::read(path).unwrap();
    let listing = files_in(path.parent().unwrap());
    let err = Document::open(path).expect_err("refused");
    assert_eq!(err.kind, kind, "{}: {err}", path.display());
    assert!(!err.message.contains("SQLITE"), "plain words: {err}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{} unchanged",
        path.display()
    );
    assert_eq!(
        files_in(path.parent().unwrap()),
        listing,
        "no files left beside it"
    );
    // Reading without opening for editing refuses it the same way, and leaves it alone too.
    let err = Document::read(path).expect_err("read refused");
    assert_eq!(err.kind, kind, "read {}: {err}", path.display());
    assert_eq!(std::fs::read(path).unwrap(), before);
    assert_eq!(files_in(path.parent().unwrap()), listing);
}

fn sample_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut map = district();
    // Enough rows to fill several pages, so damage can land away from the header.
    for i in 0..400 {
        let e = element(
            &format!("p{i:03}"),
            &"x".repeat(50),
            Some("esa"),
            ElementKind::Person,
        );
        map.scenarios[0].elements.insert(e.id.clone(), e);
    }
    let mut doc = Document::create(&path, &map).unwrap();
    doc.apply(
        &sc(),
        &Op::SetTitle {
            title: "edited".into(),
        },
    )
    .unwrap();
    drop(doc);
    path
}

#[test]
fn files_that_are_not_maps_are_refused_and_left_alone() {
    let dir = temp();
    let d = dir.path();

    let random = d.join("random.murm");
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let bytes: Vec<u8> = (0..10_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    std::fs::write(&random, &bytes).unwrap();
    refused_untouched(&random, ErrorKind::NotAMap);

    let empty = d.join("empty.murm");
    std::fs::write(&empty, b"").unwrap();
    refused_untouched(&empty, ErrorKind::NotAMap);

    let text = d.join("notes.murm");
    std::fs::write(
        &text,
        "Riverside notes: call the capstone team.\n".repeat(10),
    )
    .unwrap();
    refused_untouched(&text, ErrorKind::NotAMap);

    let other = d.join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    refused_untouched(&other, ErrorKind::NotAMap);

    let missing = d.join("missing.murm");
    assert_eq!(Document::open(&missing).unwrap_err().kind, ErrorKind::Io);
    assert!(!missing.exists());
}

#[test]
fn a_map_from_a_newer_murmuration_is_refused_and_left_alone() {
    let dir = temp();
    let path = sample_file(dir.path(), "future.murm");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", FORMAT_VERSION + 1)
            .unwrap();
    }
    refused_untouched(&path, ErrorKind::TooNew);
}

#[test]
fn damaged_maps_are_refused_and_left_alone() {
    let dir = temp();
    let good = std::fs::read(sample_file(dir.path(), "good.murm")).unwrap();
    assert!(good.len() > 8 * 4096, "several pages: {}", good.len());

    for cut in [50, 100, good.len() / 2, good.len() - 1] {
        let path = dir.path().join(format!("cut-{cut}.murm"));
        std::fs::write(&path, &good[..cut]).unwrap();
        refused_untouched(
            &path,
            if cut < 16 {
                ErrorKind::NotAMap
            } else {
                ErrorKind::Corrupt
            },
        );
    }

    // Garbage over every page but the first (the schema survives, the tables do not).
    let path = dir.path().join("scribbled.murm");
    let mut bytes = good.clone();
    let page = u16::from_be_bytes([good[16], good[17]]) as usize;
    for (i, b) in bytes.iter_mut().enumerate().skip(page) {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();
    refused_untouched(&path, ErrorKind::Corrupt);

    // Rows that SQLite can read but that break the map's rules.
    let path = dir.path().join("rules.murm");
    std::fs::write(&path, &good).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE relations SET target = 'nobody' WHERE id = 'r-tl'",
            [],
        )
        .unwrap();
    }
    refused_untouched(&path, ErrorKind::Corrupt);

    let path = dir.path().join("json.murm");
    std::fs::write(&path, &good).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE elements SET attributes = '{not json' WHERE id = 'tl'",
            [],
        )
        .unwrap();
    }
    refused_untouched(&path, ErrorKind::Corrupt);
}

#[test]
fn random_edit_sequences_persist_and_undo_through_the_file() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new(Config {
        cases: 12,
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(any::<u64>(), 1..25), |seeds| {
            let dir = temp();
            let path = dir.path().join("p.murm");
            let original = district();
            let mut doc = Document::create(&path, &original).unwrap();
            let mut counter = 0;
            for seed in seeds {
                let op = crate::ops::random_op(doc.map(), &sc(), seed, &mut counter);
                let _ = doc.apply(&sc(), &op);
            }
            let edited = doc.map().clone();
            drop(doc);
            let mut doc = Document::open(&path).unwrap();
            prop_assert_eq!(doc.map(), &edited);
            // Edits that changed nothing left no undo step.
            while doc.can_undo() {
                doc.undo().unwrap();
            }
            prop_assert_eq!(doc.map(), &original);
            drop(doc);
            let doc = Document::open(&path).unwrap();
            prop_assert_eq!(doc.map(), &original);
            ops::validate_map(doc.map()).unwrap();
            Ok(())
        })
        .unwrap();
}

#[test]
fn either_durability_keeps_every_edit_across_a_clean_close() {
    use murmuration_core::store::Durability;
    let dir = temp();
    let path = dir.path().join("d.murm");
    let mut doc = Document::create(&path, &district()).unwrap();
    doc.set_durability(Durability::AppCrash).unwrap();
    doc.apply(
        &sc(),
        &Op::SetTitle {
            title: "fast".into(),
        },
    )
    .unwrap();
    doc.set_durability(Durability::PowerLoss).unwrap();
    doc.apply(
        &sc(),
        &Op::SetTitle {
            title: "safe".into(),
        },
    )
    .unwrap();
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.map().title, "safe");
    doc.undo().unwrap();
    assert_eq!(doc.map().title, "fast");
}
