//! Map files and outputs: an export never replaces a map; a kill during a checkpoint loses
//! nothing; a map carrying parts we did not make is refused before they can run; failed jobs
//! leave nothing behind; disk problems are said as such.

use crate::fixture::*;
use crate::store::{files_in, refused_untouched, temp};
use murmuration_core::error::ErrorKind;
use murmuration_core::jobs::{self, ExportOptions};
use murmuration_core::model::*;
use murmuration_core::store::Document;
use std::path::{Path, PathBuf};

fn options(format: &str) -> ExportOptions {
    ExportOptions {
        format: format.into(),
        view: "network".into(),
        page: "a4".into(),
        ..ExportOptions::default()
    }
}

fn map_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    drop(Document::create(&path, &district()).unwrap());
    path
}

const FORMATS: [&str; 8] = [
    "json", "svg", "png", "pdf", "deck", "csv", "graphml", "gexf",
];

#[test]
fn an_export_never_replaces_a_map() {
    let dir = temp();
    let map = map_file(dir.path(), "m.murm");
    let other = map_file(dir.path(), "other.murm");
    let link = dir.path().join("link.murm");
    std::os::unix::fs::symlink(&map, &link).unwrap();
    let hard = dir.path().join("hard.pdf");
    std::fs::hard_link(&map, &hard).unwrap();
    let wal = dir.path().join("m.murm-wal");
    let before: Vec<_> = [&map, &other]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let listing = files_in(dir.path());
    for format in FORMATS {
        for out in [&map, &other, &link, &hard, &wal] {
            let err = jobs::export(&map, &options(format), out)
                .expect_err(&format!("{format} over {}", out.display()));
            assert_eq!(err.kind, ErrorKind::FileExists, "{format}: {err}");
            assert!(
                err.message.contains("map") && err.message.contains("another file name"),
                "{err}"
            );
        }
        // Exporting a map whose name is the output, through another name: same file.
        let err = jobs::export(&link, &options(format), &map).unwrap_err();
        assert!(err.message.contains("the map being read"), "{err}");
    }
    for (path, bytes) in [&map, &other].iter().zip(&before) {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
    assert_eq!(files_in(dir.path()), listing, "nothing written");
    // An existing file that is not a map is replaced, as before.
    let old = dir.path().join("old.svg");
    std::fs::write(&old, "old drawing").unwrap();
    jobs::export(&map, &options("svg"), &old).unwrap();
    assert!(std::fs::read_to_string(&old).unwrap().contains("<svg"));
}

/// A map whose WAL holds a big committed edit, and whose file a checkpoint had only partly
/// brought up to date when the power went: page 1 already says the new size, the file is shorter.
fn killed_during_checkpoint(dir: &Path) -> PathBuf {
    let path = map_file(dir, "big.murm");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .unwrap();
    conn.execute_batch(
        "BEGIN;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
         INSERT INTO elements (scenario, id, kind, name, parent, attributes)
             SELECT scenario, 'copy-' || i, kind, 'Copy number ' || i, parent, attributes
             FROM elements, n WHERE id = 'sci';
         UPDATE meta SET value = 'After the big edit' WHERE key = 'title';
         COMMIT;",
    )
    .unwrap();
    let wal = std::fs::read(dir.join("big.murm-wal")).unwrap();
    let before = std::fs::metadata(&path).unwrap().len() as usize;
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
        .unwrap();
    let after = std::fs::read(&path).unwrap();
    drop(conn);
    let page = u16::from_be_bytes([after[16], after[17]]) as usize;
    assert!(after.len() > before + 4 * page, "the edit grew the file");
    let killed = dir.join("killed.murm");
    let cut = (before + after.len()) / 2 / page * page;
    std::fs::write(&killed, &after[..cut]).unwrap();
    std::fs::write(dir.join("killed.murm-wal"), wal).unwrap();
    killed
}

#[test]
fn a_kill_during_a_checkpoint_loses_no_committed_edit() {
    let dir = temp();
    let path = killed_during_checkpoint(dir.path());
    let check = |map: &Map| {
        assert_eq!(map.title, "After the big edit");
        let copies = scenario(map)
            .elements
            .keys()
            .filter(|id| id.0.starts_with("copy-"))
            .count();
        assert_eq!(copies, 3000, "every committed element is there");
    };
    // A read (analyze, export) while it is like this: not "damaged", and nothing is changed.
    let bytes = std::fs::read(&path).unwrap();
    let listing = files_in(dir.path());
    check(&Document::read(&path).expect("a concurrent read sees a healthy map"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(files_in(dir.path()), listing);
    // Opening it recovers it, and it stays whole.
    let doc = Document::open(&path).expect("opens after the kill");
    check(doc.map());
    doc.integrity_check().unwrap();
    drop(doc);
    check(Document::open(&path).unwrap().map());
}

/// A copy of a good map with `sql` run on it by someone else's program.
fn tampered(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let path = map_file(dir, name);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    path
}

#[test]
fn a_map_with_parts_we_did_not_make_is_refused_before_they_run() {
    let dir = temp();
    let cases = [
        (
            "trigger.murm",
            "CREATE TRIGGER wipe AFTER INSERT ON relations BEGIN DELETE FROM relations; END;",
            "a trigger named \"wipe\"",
        ),
        (
            "guard.murm",
            "CREATE TRIGGER guard BEFORE UPDATE ON meta BEGIN SELECT RAISE(ABORT, 'no'); END;",
            "a trigger named \"guard\"",
        ),
        (
            "view.murm",
            "CREATE VIEW people AS SELECT * FROM elements;",
            "a view named \"people\"",
        ),
        (
            "table.murm",
            "CREATE TABLE extra (x);",
            "a table named \"extra\"",
        ),
        (
            "index.murm",
            "CREATE INDEX by_name ON elements (name);",
            "an index named",
        ),
        (
            "changed.murm",
            "DROP TABLE positions;
             CREATE TABLE positions (scenario, view, element, x, y, CHECK (x < 0));",
            "a changed table named \"positions\"",
        ),
    ];
    for (name, sql, part) in cases {
        let path = tampered(dir.path(), name, sql);
        refused_untouched(&path, ErrorKind::Corrupt);
        let err = Document::open(&path).unwrap_err();
        assert!(
            err.message.contains("parts Murmuration did not make") && err.message.contains(part),
            "{name}: {err}"
        );
        assert!(err.message.contains("nothing in it has run"), "{err}");
    }
    // Adding to such a map refuses too, and the relations stay.
    let path = tampered(
        dir.path(),
        "import.murm",
        "CREATE TRIGGER wipe AFTER INSERT ON relations BEGIN DELETE FROM relations; END;",
    );
    let list = dir.path().join("survey.csv");
    std::fs::write(&list, "source,target,medium\nsci,dir,meeting\n").unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = jobs::import_into(jobs::ListKind::Relations, &list, &path, false, |_, _| {})
        .expect_err("refused");
    assert_eq!(err.kind, ErrorKind::Corrupt);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_map_missing_one_of_its_tables_is_damaged() {
    let dir = temp();
    let path = tampered(dir.path(), "gone.murm", "DROP TABLE scenes;");
    refused_untouched(&path, ErrorKind::Corrupt);
}

#[test]
fn leftovers_of_a_killed_job_are_cleaned_and_a_running_one_is_left_alone() {
    let dir = temp();
    let path = dir.path().join("new.murm");
    // No process can have this id (above every system's limit), so these were left by a kill.
    let dead = ".new.murm.2147483646";
    for suffix in [".creating", ".creating-wal", ".creating-shm", ".partial"] {
        std::fs::write(dir.path().join(format!("{dead}{suffix}")), vec![0u8; 4096]).unwrap();
    }
    let mut running = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let alive = format!(".new.murm.{}.creating", running.id());
    std::fs::write(dir.path().join(&alive), b"still being written").unwrap();
    drop(Document::create(&path, &district()).unwrap());
    let mut left = files_in(dir.path());
    left.sort();
    running.kill().unwrap();
    running.wait().unwrap();
    assert_eq!(left, vec![alive, "new.murm".to_owned()]);
}

#[test]
fn a_map_cannot_be_created_in_a_missing_folder_and_says_so() {
    let dir = temp();
    let path = dir.path().join("missing").join("x.murm");
    let err = Document::create(&path, &district()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Io);
    assert!(
        err.message.contains("Cannot write in the folder") && err.message.contains("missing"),
        "{err}"
    );
    assert!(!err.message.contains("database"), "{err}");
    let err = jobs::export_map(&district(), None, &options("pdf"), &path).unwrap_err();
    assert!(err.message.contains("Cannot write in the folder"), "{err}");
}

/// A small file system of its own (tmpfs), for the full-disk and read-only cases. Needs the
/// right to mount (root on Linux); where that is refused the caller skips, saying so.
pub struct SmallDisk {
    pub dir: tempfile::TempDir,
}

impl SmallDisk {
    pub fn mount(kilobytes: u32) -> Option<SmallDisk> {
        let dir = temp();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kilobytes}k"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
            return None;
        }
        Some(SmallDisk { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read_only(&self) {
        let done = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(done.success());
    }

    /// Fills the disk until only about `room` bytes are free.
    pub fn fill(&self, room: u64) {
        let stat = nix_free(self.path());
        let filler = stat.saturating_sub(room);
        std::fs::write(self.path().join("filler"), vec![1u8; filler as usize]).unwrap();
    }
}

fn nix_free(path: &Path) -> u64 {
    let out = std::process::Command::new("df")
        .args(["-B1", "--output=avail"])
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

#[test]
fn a_full_disk_is_said_and_leaves_nothing_behind() {
    let Some(disk) = SmallDisk::mount(256) else {
        return;
    };
    let big = murmuration_core::synthetic::synthetic_map(2_000, 2.0, 7);
    let path = disk.path().join("big.murm");
    let err = Document::create(&path, &big).expect_err("does not fit");
    assert_eq!(err.kind, ErrorKind::Io);
    assert!(err.message.starts_with("The disk is full"), "{err}");
    assert!(
        files_in(disk.path()).is_empty(),
        "{:?}",
        files_in(disk.path())
    );

    // The CSV pair: room for the first file but not the second gives neither.
    let map = crate::fixture::district();
    let elements = murmuration_core::exchange::elements_csv(&map.scenarios[0]).unwrap();
    let mut grown = map.clone();
    for i in 0..400 {
        let r = relation(&format!("r{i}"), "sci", "dir", RelationKind::Flow);
        grown.scenarios[0].relations.insert(r.id.clone(), r);
    }
    disk.fill(elements.len() as u64 + 8192);
    let listing = files_in(disk.path());
    let err =
        jobs::export_map(&grown, None, &options("csv"), &disk.path().join("d.csv")).unwrap_err();
    assert!(err.message.starts_with("The disk is full"), "{err}");
    assert_eq!(files_in(disk.path()), listing, "neither file of the pair");
}

#[test]
fn a_read_only_map_says_so() {
    let Some(disk) = SmallDisk::mount(1024) else {
        return;
    };
    let path = map_file(disk.path(), "m.murm");
    disk.read_only();
    let err = Document::open(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Io);
    assert!(err.message.contains("\"m.murm\" is read-only"), "{err}");
    // Reading it is fine: nothing is written.
    assert_eq!(Document::read(&path).unwrap().title, district().title);
    let err = jobs::export_map(
        &district(),
        None,
        &options("svg"),
        &disk.path().join("m.svg"),
    )
    .unwrap_err();
    assert!(err.message.contains("Cannot write in the folder"), "{err}");
}
