//! The file's tables, as numbered migrations embedded in the app.
//!
//! `user_version` is how many have been applied; they run forward only, inside the transaction
//! that opens the file, so a file is either brought wholly up to date or left as it was.

use super::APPLICATION_ID;
use crate::error::Result;
use rusqlite::Transaction;

/// The schema, one migration per entry; `user_version` is how many have been applied.
pub const MIGRATIONS: &[&str] = &[
    // 1: the map, its scenarios and the undo history.
    r#"
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
"#,
    // 2: scenes, the map's saved views.
    r#"
CREATE TABLE scenes (
    id         TEXT PRIMARY KEY,
    ord        INTEGER NOT NULL,
    scenario   TEXT NOT NULL,
    title      TEXT NOT NULL,
    attributes TEXT NOT NULL
) WITHOUT ROWID;
"#,
];

/// The `user_version` this build writes and the newest it can open.
pub const FORMAT_VERSION: i32 = MIGRATIONS.len() as i32;

/// Applies the migrations after the first `from` inside `tx` (the caller commits).
pub(super) fn migrate(tx: &Transaction, from: i32) -> Result<()> {
    for (done, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        tx.execute_batch(sql)?;
        if done == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.pragma_update(None, "user_version", done as i32 + 1)?;
    }
    Ok(())
}
