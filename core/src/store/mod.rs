//! The `.murm` file: SQLite used as an application file format, with the undo history inside it.
//!
//! Why SQLite: every edit is one transaction, so a crash (or a pulled plug, with
//! `synchronous=FULL`) loses nothing that was acknowledged, and an edit rewrites only the rows it
//! touched instead of the whole map. Why history in the file: undo survives closing the window.
//!
//! The file is identified by `PRAGMA application_id` ([`APPLICATION_ID`], "MURM") and versioned by
//! `PRAGMA user_version` (the number of [`MIGRATIONS`] applied). Migrations are numbered, embedded
//! and forward only. An older file is brought up to date when it is opened for editing, all its
//! pending migrations in one transaction that commits only once the map has been read back and
//! checked — so a bad older file is refused unchanged. [`Document::read`] never migrates the file
//! itself (it reads the map in memory).
//!
//! Opening is careful, because a map file is untrusted input (see `open.rs`): a file that is not
//! SQLite, not a map, or from a newer Murmuration is refused from its header before SQLite opens
//! it; then SQLite opens it (replaying its WAL), and a schema other than exactly ours (a trigger,
//! a view, a table we did not make) is refused before anything in it could run. A file that
//! passes is opened with `locking_mode=EXCLUSIVE` and loaded and validated before anything is
//! written; the exclusive lock is what makes a second window's open fail with "already open in
//! another window" instead of two writers racing.
//!
//! Tables (all keyed by scenario, so a scenario is a slice of each table):
//! `meta(key, value)` — `title`, `history_cursor`;
//! `scenarios(id, ord, name)`;
//! `elements(scenario, id, kind, name, parent, attributes)` — `attributes` is the JSON of the rest
//! of the element (its kind's fields, span, notes, tags);
//! `relations(scenario, id, kind, source, target, attributes)`;
//! `positions(scenario, view, element, x, y)`;
//! `scenes(id, ord, scenario, title, attributes)` — the map's story in `ord` order (not keyed by
//! scenario: a scene names the one it shows); `attributes` is the JSON of the rest of the scene;
//! `history(seq, scenario, op, inverse, at)` — entries `seq <= history_cursor` are done (undo
//! walks down), later ones are the redo tail (a new edit drops them).
//!
//! The rooms: `schema.rs` the tables and their migrations; `open.rs` what a file must be to be
//! opened; `document.rs` the open document (create, open, read, save as); `history.rs` edits,
//! undo and redo; `rows.rs` the map turned into rows and back.

mod document;
mod history;
mod open;
mod rows;
mod schema;

pub use crate::files::APPLICATION_ID;
pub use history::HISTORY_LIMIT;
pub use schema::{FORMAT_VERSION, MIGRATIONS};

use crate::model::{Map, ScenarioId};
use crate::ops::{Index, Op};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::PathBuf;

/// How far an acknowledged edit is safe. Either way an edit is all or nothing and the file is
/// never left damaged; the difference is what a power cut or an operating-system crash (not an
/// app crash) may cost, against one `fsync` per edit (≈3 ms on the CI machine's disk).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Durability {
    /// Every acknowledged edit is on the disk (`synchronous=FULL`): survives a power cut.
    #[default]
    PowerLoss,
    /// Every acknowledged edit survives the app crashing or being killed; a power cut may lose the
    /// last few seconds of edits (`synchronous=NORMAL`, flushed at each WAL checkpoint).
    AppCrash,
}

/// What an edit, undo or redo changed, for the shell to pass on to the UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Change {
    pub scenario: ScenarioId,
    /// What took effect, spelled out (see [`Applied::effect`](crate::ops::Applied::effect)).
    pub effect: Op,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// An open `.murm` file and the map in it. Holds the file's lock until dropped.
pub struct Document {
    conn: Connection,
    path: PathBuf,
    map: Map,
    index: Index,
    /// `seq` of the last done history entry (0: none).
    cursor: i64,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("path", &self.path)
            .field("title", &self.map.title)
            .field("cursor", &self.cursor)
            .finish_non_exhaustive()
    }
}
