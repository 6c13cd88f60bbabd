//! Files written before the newest migration: opened for editing, they are brought up to date and
//! keep every row and their undo history; read without editing, or refused as damaged, they are
//! left exactly as they were.

use crate::store::temp;
use murmuration_core::error::ErrorKind;
use murmuration_core::model::*;
use murmuration_core::ops::Op;
use murmuration_core::store::{Document, APPLICATION_ID, FORMAT_VERSION, MIGRATIONS};
use std::path::{Path, PathBuf};

/// The schema of format version 1 as it shipped, frozen here: a migration once released is never
/// edited (files in the world were made with it), only followed by new ones.
const VERSION_1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE scenarios (
    id   TEXT PRIMARY KEY,
    ord  INTEGER NOT NULL,
    name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE elements (
    scenario   TEXT NOT NULL,
    id         TEXT NOT NULL,
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    parent     TEXT,
    attributes TEXT NOT NULL,
    PRIMARY KEY (scenario, id)
) WITHOUT ROWID;
CREATE TABLE relations (
    scenario   TEXT NOT NULL,
    id         TEXT NOT NULL,
    kind       TEXT NOT NULL,
    source     TEXT NOT NULL,
    target     TEXT NOT NULL,
    attributes TEXT NOT NULL,
    PRIMARY KEY (scenario, id)
) WITHOUT ROWID;
CREATE TABLE positions (
    scenario TEXT NOT NULL,
    view     TEXT NOT NULL,
    element  TEXT NOT NULL,
    x        REAL NOT NULL,
    y        REAL NOT NULL,
    PRIMARY KEY (scenario, view, element)
) WITHOUT ROWID;
CREATE TABLE history (
    seq      INTEGER PRIMARY KEY,
    scenario TEXT NOT NULL,
    op       TEXT NOT NULL,
    inverse  TEXT NOT NULL,
    at       INTEGER NOT NULL
);
"#;

#[test]
fn released_migrations_are_never_edited() {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(squash(MIGRATIONS[0]), squash(VERSION_1));
    assert_eq!(FORMAT_VERSION as usize, MIGRATIONS.len());
    assert_eq!(
        FORMAT_VERSION, 2,
        "a new migration gets its own old-file test"
    );
}

/// A map file as Murmuration wrote it at format version 1: two scenarios, an office, a person
/// with notes and a position, a reports-to line, a flow, drawing positions, and one edit in the
/// undo history (the title "Older" changed to "Riverside 2024").
fn version_1_file(dir: &Path, name: &str, target_of_flow: &str) -> PathBuf {
    let path = dir.join(name);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch(VERSION_1).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute_batch(&format!(
        r#"
INSERT INTO meta VALUES ('title', 'Riverside 2024'), ('history_cursor', '1');
INSERT INTO scenarios VALUES ('as-is', 0, 'As is 2024'), ('to-be', 1, 'To be');
INSERT INTO elements VALUES
  ('as-is', 'tl', 'office', 'Teaching & Learning', NULL,
   '{{"function":"instruction","practice_culture":null,"stance":"compliance","headcount":14,"established":1974,"hospiced":false,"boundary":"solid","span":{{}},"notes":"","tags":["geology"]}}'),
  ('as-is', 'sci', 'person', 'Priya Raman', 'tl',
   '{{"title":"Science specialist","position":"tl","home_base":null,"span":{{"from":"2019"}},"notes":"Not allowed at sites.","tags":[]}}'),
  ('as-is', 'esa', 'site', 'Environmental Sciences Academy', NULL,
   '{{"level":"academy","enrolment":420,"boundary":"permeable","span":{{}},"notes":"","tags":[]}}'),
  ('to-be', 'tl', 'office', 'Teaching & Learning', NULL,
   '{{"function":"instruction","practice_culture":null,"stance":"service","headcount":14,"established":1974,"hospiced":false,"boundary":"permeable","span":{{}},"notes":"","tags":[]}}');
INSERT INTO relations VALUES
  ('as-is', 'r1', 'reports_to', 'sci', 'tl', '{{"span":{{}},"notes":"","tags":[]}}'),
  ('as-is', 'f1', 'flow', 'sci', '{target_of_flow}',
   '{{"medium":"ideas","direction":"both","volume":3,"cadence":"","mode":"support","span":{{}},"notes":"","tags":[]}}');
INSERT INTO positions VALUES
  ('as-is', 'network', 'sci', 12.5, -40.25),
  ('as-is', 'org_chart', 'tl', 0.0, 0.0);
INSERT INTO history VALUES
  (1, 'as-is', '{{"op":"set_title","title":"Riverside 2024"}}', '{{"op":"set_title","title":"Older"}}', 0);
"#
    ))
    .unwrap();
    drop(conn);
    path
}

fn user_version(path: &Path) -> u32 {
    let bytes = std::fs::read(path).unwrap();
    u32::from_be_bytes(bytes[60..64].try_into().unwrap())
}

fn check_contents(map: &Map) {
    assert_eq!(map.title, "Riverside 2024");
    let names: Vec<&str> = map.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["As is 2024", "To be"]);
    let as_is = &map.scenarios[0];
    let sci = &as_is.elements[&ElementId::from("sci")];
    assert_eq!(sci.parent, Some("tl".into()));
    assert_eq!(sci.annotations.notes, "Not allowed at sites.");
    assert_eq!(sci.annotations.span.from.as_deref(), Some("2019"));
    assert!(matches!(
        &sci.details,
        ElementDetails::Person { position: Some(p), .. } if p.0 == "tl"
    ));
    assert_eq!(as_is.relations.len(), 2);
    assert_eq!(
        as_is.positions[&View::Network][&ElementId::from("sci")],
        Point { x: 12.5, y: -40.25 }
    );
    assert_eq!(map.scenarios[1].elements.len(), 1);
    assert!(map.scenes.is_empty(), "a file from before scenes has none");
}

#[test]
fn an_older_file_is_migrated_when_opened_and_keeps_its_data_and_history() {
    let dir = temp();
    let path = version_1_file(dir.path(), "old.murm", "esa");
    assert_eq!(user_version(&path), 1);

    let mut doc = Document::open(&path).expect("an older file opens");
    check_contents(doc.map());
    assert!(doc.can_undo(), "the history came along");
    let scene = Scene {
        id: "first".into(),
        ..Scene::new("The silos", ScenarioId::from("as-is"), View::Network)
    };
    doc.apply(
        &ScenarioId::from("as-is"),
        &Op::AddScene {
            scene: scene.clone(),
            at: None,
        },
    )
    .expect("scenes can be added to a migrated file");
    drop(doc);
    assert_eq!(
        user_version(&path),
        FORMAT_VERSION as u32,
        "brought up to date"
    );

    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.map().scenes, [scene]);
    doc.undo().unwrap();
    assert!(doc.map().scenes.is_empty());
    doc.undo().unwrap();
    assert_eq!(doc.map().title, "Older", "the old file's own edit undoes");
}

#[test]
fn an_older_files_professional_offices_open_as_uniformed_service() {
    // Element attributes are stored as JSON; "professional" (not one of Hodas's three cultures,
    // 004:115) reads as uniformed service, where the essay puts teaching — in the rows and in the
    // undo history alike.
    let dir = temp();
    let path = version_1_file(dir.path(), "old.murm", "esa");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE elements SET attributes = replace(attributes, '\"practice_culture\":null', \
         '\"practice_culture\":\"professional\"') WHERE id = 'tl'",
        [],
    )
    .unwrap();
    drop(conn);
    let culture = |map: &Map, scenario: usize| match &map.scenarios[scenario].elements
        [&ElementId::from("tl")]
        .details
    {
        ElementDetails::Office {
            practice_culture, ..
        } => *practice_culture,
        _ => panic!("tl is an office"),
    };
    let read = Document::read(&path).expect("reads");
    assert_eq!(culture(&read, 0), Some(PracticeCulture::UniformedService));
    assert_eq!(culture(&read, 1), Some(PracticeCulture::UniformedService));
    let doc = Document::open(&path).expect("opens for editing");
    assert_eq!(
        culture(doc.map(), 0),
        Some(PracticeCulture::UniformedService)
    );
}

#[test]
fn reading_an_older_file_leaves_it_at_its_version() {
    let dir = temp();
    let path = version_1_file(dir.path(), "old.murm", "esa");
    let before = std::fs::read(&path).unwrap();
    let map = Document::read(&path).expect("reads");
    check_contents(&map);
    assert_eq!(std::fs::read(&path).unwrap(), before, "not migrated");
    assert_eq!(user_version(&path), 1);
}

#[test]
fn a_damaged_older_file_is_refused_and_not_migrated() {
    let dir = temp();
    // A flow to an element that does not exist: readable rows, broken rules.
    let path = version_1_file(dir.path(), "broken.murm", "nobody");
    let before = std::fs::read(&path).unwrap();
    let listing = crate::store::files_in(dir.path());
    let err = Document::open(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Corrupt, "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the migration rolled back"
    );
    assert_eq!(user_version(&path), 1);
    assert_eq!(crate::store::files_in(dir.path()), listing);
    assert_eq!(Document::read(&path).unwrap_err().kind, ErrorKind::Corrupt);
}
