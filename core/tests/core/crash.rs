//! Crash safety: a writer killed with SIGKILL mid-stream loses no edit it acknowledged, and the
//! file stays sound. The writer is this same test binary, started again with `MURM_CRASH_WRITER`
//! naming the file, so no extra program has to be built.

use crate::fixture::*;
use murmuration_core::error::ErrorKind;
use murmuration_core::model::*;
use murmuration_core::ops::{Op, Placement};
use murmuration_core::store::Document;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const WRITER: &str = "MURM_CRASH_WRITER";

/// Does nothing in a normal run; in the child it edits until killed, printing `ack N` after each
/// edit `N` is committed.
#[test]
fn crash_writer() {
    let Ok(path) = std::env::var(WRITER) else {
        return;
    };
    let mut doc = Document::open(&path).expect("writer opens");
    let mut out = std::io::stdout().lock();
    for n in 0u64.. {
        let id = format!("c-{n}");
        let op = Op::Batch {
            ops: vec![
                Op::CreateElement {
                    element: element(&id, &format!("Edit {n}"), Some("esa"), ElementKind::Person),
                },
                Op::Move {
                    view: View::Network,
                    positions: vec![Placement {
                        element: id.as_str().into(),
                        point: Some(Point {
                            x: n as f64,
                            y: 1.0,
                        }),
                    }],
                },
                Op::SetTitle {
                    title: format!("After edit {n}"),
                },
            ],
        };
        doc.apply(&sc(), &op).expect("edit");
        writeln!(out, "ack {n}")
            .and_then(|_| out.flush())
            .expect("parent listening");
    }
}

#[test]
fn acknowledged_edits_survive_a_kill() {
    let dir = crate::store::temp();
    let path = dir.path().join("crash.murm");
    drop(Document::create(&path, &district()).unwrap());
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::crash_writer",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WRITER, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the writer");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut acked: Vec<u64> = Vec::new();
    let mut refused_while_open = false;
    while acked.len() < 60 {
        let line = lines.next().expect("writer still running").unwrap();
        if let Some(n) = line.strip_prefix("ack ") {
            acked.push(n.parse().unwrap());
        }
        if acked.len() == 5 {
            // Another process cannot open the file while the writer has it.
            let err = Document::open(&path).unwrap_err();
            assert_eq!(err.kind, ErrorKind::AlreadyOpen, "{err}");
            refused_while_open = true;
        }
    }
    child.kill().expect("SIGKILL the writer");
    child.wait().unwrap();
    assert!(refused_while_open);

    let doc = Document::open(&path).expect("reopens after the crash");
    doc.integrity_check().expect("integrity_check is ok");
    let sc = doc.map().scenario(&sc()).unwrap();
    for n in &acked {
        let id = ElementId(format!("c-{n}"));
        assert!(
            sc.elements.contains_key(&id),
            "acknowledged edit {n} survived"
        );
        assert_eq!(
            sc.positions[&View::Network][&id],
            Point {
                x: *n as f64,
                y: 1.0
            }
        );
    }
    // Edits are whole and in order: the file holds edits 0..beyond, each entirely, and nothing
    // after a gap. The writer may have gone on past the last ack the test read before the kill
    // (its acks wait in the pipe), so `beyond` is at least one past it, not exactly.
    let last = *acked.last().unwrap();
    let beyond = sc
        .elements
        .keys()
        .filter(|id| id.0.starts_with("c-"))
        .count() as u64;
    assert!(beyond > last, "{beyond} edits for {last} acks");
    for n in 0..beyond {
        let id = ElementId(format!("c-{n}"));
        assert!(
            sc.elements.contains_key(&id),
            "edit {n} of {beyond} is there"
        );
        assert!(
            sc.positions[&View::Network].contains_key(&id),
            "edit {n} is whole"
        );
    }
    assert_eq!(doc.map().title, format!("After edit {}", beyond - 1));
    // And its history is whole: every edit can be undone.
    let mut doc = doc;
    for _ in 0..beyond {
        doc.undo().expect("undo after crash");
    }
    assert_eq!(doc.map(), &district());
}
