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
//! Opening is careful, because a map file is untrusted input (see `store/open.rs`): a file that is not
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

use crate::error::{CoreError, ErrorKind, Result};
use crate::files;
use crate::model::{
    Element, ElementId, Map, Point, Relation, RelationId, Scenario, ScenarioId, Scene, SceneId,
    View,
};
use crate::ops::{self, Index, Op};
use open::{damaged, display_name, opening};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction, MAIN_DB};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use specta::Type;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::files::APPLICATION_ID;

mod open;

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

/// How many edits the file remembers for undo; older ones are dropped as new ones arrive.
pub const HISTORY_LIMIT: i64 = 10_000;

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
    /// What took effect, spelled out (see [`ops::Applied::effect`]).
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

impl Document {
    /// Writes `map` to a new file at `path` and opens it. Refuses to overwrite an existing file.
    /// The file appears whole or not at all: it is built in memory and written beside `path`
    /// with [`files::create_new`], so a kill or a full disk leaves nothing behind.
    pub fn create(path: impl AsRef<Path>, map: &Map) -> Result<Document> {
        let path = path.as_ref();
        ops::validate_map(map)?;
        if path.exists() {
            return Err(files::file_exists(path));
        }
        let mut conn = Connection::open_in_memory()?;
        let tx = conn.transaction()?;
        migrate(&tx, 0)?;
        set_meta(&tx, "title", &map.title)?;
        set_meta(&tx, "history_cursor", "0")?;
        for (ord, scenario) in map.scenarios.iter().enumerate() {
            insert_scenario(&tx, scenario, ord)?;
        }
        for scene in &map.scenes {
            put_scene(&tx, scene)?;
        }
        renumber_scenes(&tx, map)?;
        tx.commit()?;
        files::create_new(path, &conn.serialize(MAIN_DB)?)?;
        Document::open(path)
    }

    /// Opens a map file for editing. See `store/open.rs` for what is refused, and how.
    pub fn open(path: impl AsRef<Path>) -> Result<Document> {
        let path = path.as_ref();
        open::check_stranger(path)?;
        open::check_writable(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| opening(path, e))?;
        conn.busy_timeout(std::time::Duration::ZERO)
            .map_err(|e| opening(path, e))?;
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(|e| opening(path, e))?;
        let (map, cursor) = load_checked(&mut conn, path)?;
        // Everything checked: from here on we may write.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| opening(path, e))?;
        // Durable on power loss, not only on a crash: an acknowledged edit is on the disk.
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| opening(path, e))?;
        // A write transaction takes the exclusive lock now rather than at the first edit, so a
        // second window is refused at open, not later.
        conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")
            .map_err(|e| opening(path, e))?;
        let index = Index::build(&map);
        Ok(Document {
            conn,
            path: path.to_owned(),
            map,
            index,
            cursor,
        })
    }

    /// Reads the map in a `.murm` file without opening it for editing: no lock is taken and
    /// nothing is written, to the file, beside it or anywhere else, so it works while the map is
    /// open in a window (the command line's `export`), and it sees every edit that window has
    /// acknowledged. The file gets the same checks as [`Document::open`] (an older file is read
    /// as brought up to date, and left as it is), run on the file as SQLite would recover it,
    /// in memory (`store/open.rs`).
    pub fn read(path: impl AsRef<Path>) -> Result<Map> {
        let path = path.as_ref();
        open::check_stranger(path)?;
        let image = open::read_image(path)?;
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_read_exact(MAIN_DB, image.as_slice(), image.len(), false)
            .map_err(|e| opening(path, e))?;
        Ok(load_checked(&mut conn, path)?.0)
    }

    /// Chooses how durable each following edit is; [`Durability::PowerLoss`] after opening.
    pub fn set_durability(&mut self, durability: Durability) -> Result<()> {
        let level = match durability {
            Durability::PowerLoss => "FULL",
            Durability::AppCrash => "NORMAL",
        };
        self.conn.pragma_update(None, "synchronous", level)?;
        Ok(())
    }

    pub fn map(&self) -> &Map {
        &self.map
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Validates and applies `op` to `scenario`, writes it and its undo entry in one transaction,
    /// and only then returns. On any failure the map and the file are as they were.
    pub fn apply(&mut self, scenario: &ScenarioId, op: &Op) -> Result<Change> {
        let applied = ops::apply_indexed(&mut self.map, &mut self.index, scenario, op)?;
        let cursor = self.cursor;
        let written = (|| -> Result<()> {
            let tx = self.conn.transaction()?;
            write_effect(&tx, &self.map, scenario, &applied.effect)?;
            tx.prepare_cached("DELETE FROM history WHERE seq > ?1")?
                .execute([cursor])?;
            tx.prepare_cached(
                "INSERT INTO history (seq, scenario, op, inverse, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                cursor + 1,
                scenario.0,
                to_json(op),
                to_json(&applied.inverse),
                now_ms()
            ])?;
            tx.prepare_cached("DELETE FROM history WHERE seq <= ?1")?
                .execute([cursor + 1 - HISTORY_LIMIT])?;
            set_meta(&tx, "history_cursor", &(cursor + 1).to_string())?;
            tx.commit()?;
            Ok(())
        })();
        match written {
            Ok(()) => {
                self.cursor = cursor + 1;
                self.change(scenario, applied.effect)
            }
            Err(e) => {
                self.unapply(scenario, &applied.inverse);
                Err(e)
            }
        }
    }

    /// Undoes the last edit (and records that it was undone).
    pub fn undo(&mut self) -> Result<Change> {
        let (scenario, _, inverse) = self
            .entry(self.cursor)?
            .ok_or_else(|| CoreError::new(ErrorKind::NothingToUndo, "There is nothing to undo."))?;
        self.step_history(&scenario, &inverse, self.cursor - 1)
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) -> Result<Change> {
        let (scenario, op, _) = self
            .entry(self.cursor + 1)?
            .ok_or_else(|| CoreError::new(ErrorKind::NothingToRedo, "There is nothing to redo."))?;
        self.step_history(&scenario, &op, self.cursor + 1)
    }

    pub fn can_undo(&self) -> bool {
        self.has_entry(self.cursor)
    }

    pub fn can_redo(&self) -> bool {
        self.has_entry(self.cursor + 1)
    }

    /// Writes a copy of the map (with its history) to `path`, then continues in the copy; the old
    /// file is closed as it was. An existing file at `path` is replaced (the save dialog asked).
    pub fn save_as(&mut self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        if files::same_file(path, &self.path) {
            return Ok(());
        }
        let building = files::sibling(path, "saving")?;
        files::remove_stale_siblings(path);
        files::remove_with_journals(&building);
        let target = building
            .to_str()
            .ok_or_else(|| CoreError::new(ErrorKind::Io, "The new file's name cannot be used."))?;
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [target]) {
            files::remove_with_journals(&building);
            return Err(CoreError::sqlite(e, Some(path)));
        }
        for stale in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(files::with_suffix(path, stale));
        }
        if let Err(e) = std::fs::rename(&building, path) {
            files::remove_with_journals(&building);
            return Err(CoreError::io("save", path, e));
        }
        *self = Document::open(path)?;
        Ok(())
    }

    /// Runs SQLite's full integrity check; `Ok` when the file is sound.
    pub fn integrity_check(&self) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let problems: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<_>>()?;
        if problems == ["ok"] {
            Ok(())
        } else {
            Err(CoreError::new(
                ErrorKind::Corrupt,
                format!(
                    "{} is damaged: {}",
                    display_name(&self.path),
                    problems.join("; ")
                ),
            ))
        }
    }

    fn change(&self, scenario: &ScenarioId, effect: Op) -> Result<Change> {
        Ok(Change {
            scenario: scenario.clone(),
            effect,
            can_undo: self.can_undo(),
            can_redo: self.can_redo(),
        })
    }

    /// Puts the in-memory map back after a write failed.
    fn unapply(&mut self, scenario: &ScenarioId, inverse: &Op) {
        ops::apply_indexed(&mut self.map, &mut self.index, scenario, inverse)
            .expect("the inverse of an op just applied always applies");
    }

    fn step_history(&mut self, scenario: &ScenarioId, op: &Op, cursor: i64) -> Result<Change> {
        let applied = ops::apply_indexed(&mut self.map, &mut self.index, scenario, op)?;
        let written = (|| -> Result<()> {
            let tx = self.conn.transaction()?;
            write_effect(&tx, &self.map, scenario, &applied.effect)?;
            set_meta(&tx, "history_cursor", &cursor.to_string())?;
            tx.commit()?;
            Ok(())
        })();
        match written {
            Ok(()) => {
                self.cursor = cursor;
                self.change(scenario, applied.effect)
            }
            Err(e) => {
                self.unapply(scenario, &applied.inverse);
                Err(e)
            }
        }
    }

    fn entry(&self, seq: i64) -> Result<Option<(ScenarioId, Op, Op)>> {
        let row: Option<(String, String, String)> = self
            .conn
            .prepare_cached("SELECT scenario, op, inverse FROM history WHERE seq = ?1")?
            .query_row([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((scenario, op, inverse)) = row else {
            return Ok(None);
        };
        let parse = |s: &str| -> Result<Op> {
            serde_json::from_str(s).map_err(|e| {
                CoreError::new(
                    ErrorKind::Corrupt,
                    format!("The undo history in this map file is damaged ({e})."),
                )
            })
        };
        Ok(Some((ScenarioId(scenario), parse(&op)?, parse(&inverse)?)))
    }

    fn has_entry(&self, seq: i64) -> bool {
        seq > 0
            && self
                .conn
                .prepare_cached("SELECT 1 FROM history WHERE seq = ?1")
                .and_then(|mut s| s.exists([seq]))
                .unwrap_or(false)
    }
}

/// Runs the checks of `store/open.rs` on a connection SQLite has just opened, then migrates (inside the
/// transaction, which commits only when the map reads back and keeps every rule), loads and
/// validates the map. For a file that is up to date this is a read.
fn load_checked(conn: &mut Connection, path: &Path) -> Result<(Map, i64)> {
    open::harden(conn).map_err(|e| opening(path, e))?;
    let version = open::check_contents(conn, path)?;
    let tx = conn.transaction().map_err(|e| opening(path, e))?;
    migrate(&tx, version)?;
    let (map, cursor) = load(&tx).map_err(|e| damaged(path, e))?;
    if let Err(e) = ops::validate_map(&map) {
        return Err(CoreError::new(
            ErrorKind::Corrupt,
            format!(
                "{} is damaged: the map in it breaks its own rules ({}).",
                display_name(path),
                e.message
            ),
        ));
    }
    tx.commit().map_err(|e| opening(path, e))?;
    Ok((map, cursor))
}

/// Applies the migrations after the first `from` inside `tx` (the caller commits).
fn migrate(tx: &Transaction, from: i32) -> Result<()> {
    for (done, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        tx.execute_batch(sql)?;
        if done == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.pragma_update(None, "user_version", done as i32 + 1)?;
    }
    Ok(())
}

// --- rows <-> map --------------------------------------------------------------------------

/// Why a file's rows could not be read back into a map.
#[derive(Debug)]
enum LoadError {
    Sql(rusqlite::Error),
    Row(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sql(e) => write!(f, "{e}"),
            Self::Row(s) => f.write_str(s),
        }
    }
}

impl From<rusqlite::Error> for LoadError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sql(e)
    }
}

fn load(conn: &Connection) -> std::result::Result<(Map, i64), LoadError> {
    let mut title = None;
    let mut cursor = 0i64;
    for row in conn
        .prepare("SELECT key, value FROM meta")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
    {
        let (key, value) = row?;
        match key.as_str() {
            "title" => title = Some(value),
            "history_cursor" => {
                cursor = value
                    .parse()
                    .map_err(|_| LoadError::Row(format!("history cursor {value:?}")))?
            }
            _ => {}
        }
    }
    let title = title.ok_or_else(|| LoadError::Row("it has no title".into()))?;
    let mut scenarios: Vec<Scenario> = Vec::new();
    for row in conn
        .prepare("SELECT id, name FROM scenarios ORDER BY ord")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
    {
        let (id, name) = row?;
        scenarios.push(Scenario {
            id: ScenarioId(id),
            name,
            elements: BTreeMap::new(),
            relations: BTreeMap::new(),
            positions: BTreeMap::new(),
        });
    }
    let slot: BTreeMap<String, usize> = scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.0.clone(), i))
        .collect();
    let find = |scenario: &str| {
        slot.get(scenario)
            .copied()
            .ok_or_else(|| LoadError::Row(format!("a row names an unknown scenario {scenario:?}")))
    };

    let mut stmt =
        conn.prepare("SELECT scenario, id, kind, name, parent, attributes FROM elements")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let scenario: String = r.get(0)?;
        let parent = r.get_ref(4)?.as_str_or_null().map_err(|_| unreadable())?;
        let text = record(
            column_text(r, 5)?,
            &[
                ("id", Some(column_text(r, 1)?)),
                ("kind", Some(column_text(r, 2)?)),
                ("name", Some(column_text(r, 3)?)),
                ("parent", parent),
            ],
        )?;
        let element: Element = serde_json::from_str(&text)
            .map_err(|e| LoadError::Row(format!("an element cannot be read ({e})")))?;
        let s = find(&scenario)?;
        scenarios[s].elements.insert(element.id.clone(), element);
    }

    let mut stmt =
        conn.prepare("SELECT scenario, id, kind, source, target, attributes FROM relations")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let scenario: String = r.get(0)?;
        let text = record(
            column_text(r, 5)?,
            &[
                ("id", Some(column_text(r, 1)?)),
                ("kind", Some(column_text(r, 2)?)),
                ("source", Some(column_text(r, 3)?)),
                ("target", Some(column_text(r, 4)?)),
            ],
        )?;
        let relation: Relation = serde_json::from_str(&text)
            .map_err(|e| LoadError::Row(format!("a relation cannot be read ({e})")))?;
        let s = find(&scenario)?;
        scenarios[s].relations.insert(relation.id.clone(), relation);
    }

    let mut stmt = conn.prepare("SELECT scenario, view, element, x, y FROM positions")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let scenario: String = r.get(0)?;
        let view: String = r.get(1)?;
        let view: View = serde_json::from_value(Value::String(view.clone()))
            .map_err(|_| LoadError::Row(format!("unknown view {view:?}")))?;
        let s = find(&scenario)?;
        scenarios[s].positions.entry(view).or_default().insert(
            ElementId(r.get(2)?),
            Point {
                x: r.get(3)?,
                y: r.get(4)?,
            },
        );
    }
    let mut scenes = Vec::new();
    let mut stmt =
        conn.prepare("SELECT id, scenario, title, attributes FROM scenes ORDER BY ord")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let text = record(
            column_text(r, 3)?,
            &[
                ("id", Some(column_text(r, 0)?)),
                ("scenario", Some(column_text(r, 1)?)),
                ("title", Some(column_text(r, 2)?)),
            ],
        )?;
        let scene: Scene = serde_json::from_str(&text)
            .map_err(|e| LoadError::Row(format!("a scene cannot be read ({e})")))?;
        scenes.push(scene);
    }
    Ok((
        Map {
            title,
            scenarios,
            scenes,
        },
        cursor,
    ))
}

/// Column `i` of a loaded row as text.
fn column_text<'r>(r: &'r rusqlite::Row, i: usize) -> Result<&'r str, LoadError> {
    r.get_ref(i)?.as_str().map_err(|_| unreadable())
}

fn unreadable() -> LoadError {
    LoadError::Row("an attribute record is not readable".into())
}

/// The JSON of a whole element or relation: its attribute record with the column values added
/// last, so a column always wins over a stray key of the same name. Built as text, because
/// reading straight from text is about twice as fast as going through `serde_json::Value`.
fn record(
    attributes: &str,
    columns: &[(&str, Option<&str>)],
) -> std::result::Result<String, LoadError> {
    let inner = attributes
        .trim()
        .strip_prefix('{')
        .and_then(|a| a.strip_suffix('}'))
        .ok_or_else(unreadable)?
        .trim();
    let mut text = String::with_capacity(attributes.len() + 96);
    text.push('{');
    text.push_str(inner);
    for (key, value) in columns {
        let Some(value) = value else { continue };
        if text.len() > 1 {
            text.push(',');
        }
        text.push('"');
        text.push_str(key);
        text.push_str("\":");
        text.push_str(&serde_json::to_string(value).map_err(|_| unreadable())?);
    }
    text.push('}');
    Ok(text)
}

/// Splits an element, relation or scene into its column values and the JSON of everything else.
fn split(value: Value, columns: &[&str]) -> (BTreeMap<String, Value>, String) {
    let Value::Object(mut object) = value else {
        unreachable!("elements and relations serialize to objects")
    };
    let taken = columns
        .iter()
        .filter_map(|c| object.remove(*c).map(|v| ((*c).to_owned(), v)))
        .collect();
    (taken, Value::Object(object).to_string())
}

fn text(columns: &BTreeMap<String, Value>, key: &str) -> Option<String> {
    columns.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("map types always serialize")
}

fn view_name(view: View) -> String {
    match serde_json::to_value(view) {
        Ok(Value::String(s)) => s,
        _ => unreachable!("views serialize to strings"),
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn set_meta(tx: &Transaction, key: &str, value: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
        .execute([key, value])?;
    Ok(())
}

fn insert_scenario(tx: &Transaction, scenario: &Scenario, ord: usize) -> Result<()> {
    tx.prepare_cached("INSERT INTO scenarios (id, ord, name) VALUES (?1, ?2, ?3)")?
        .execute(params![scenario.id.0, ord as i64, scenario.name])?;
    for element in scenario.elements.values() {
        put_element(tx, &scenario.id, element)?;
    }
    for relation in scenario.relations.values() {
        put_relation(tx, &scenario.id, relation)?;
    }
    for (view, points) in &scenario.positions {
        for (element, point) in points {
            put_position(tx, &scenario.id, *view, element, Some(point))?;
        }
    }
    Ok(())
}

fn put_element(tx: &Transaction, scenario: &ScenarioId, element: &Element) -> Result<()> {
    let value = serde_json::to_value(element).expect("elements always serialize");
    let (columns, rest) = split(value, &["id", "kind", "name", "parent"]);
    tx.prepare_cached(
        "INSERT OR REPLACE INTO elements (scenario, id, kind, name, parent, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        scenario.0,
        element.id.0,
        text(&columns, "kind"),
        element.name,
        element.parent.as_ref().map(|p| &p.0),
        rest
    ])?;
    Ok(())
}

fn put_relation(tx: &Transaction, scenario: &ScenarioId, relation: &Relation) -> Result<()> {
    let value = serde_json::to_value(relation).expect("relations always serialize");
    let (columns, rest) = split(value, &["id", "kind", "source", "target"]);
    tx.prepare_cached(
        "INSERT OR REPLACE INTO relations (scenario, id, kind, source, target, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        scenario.0,
        relation.id.0,
        text(&columns, "kind"),
        relation.source.0,
        relation.target.0,
        rest
    ])?;
    Ok(())
}

fn put_scene(tx: &Transaction, scene: &Scene) -> Result<()> {
    let value = serde_json::to_value(scene).expect("scenes always serialize");
    let (_, rest) = split(value, &["id", "scenario", "title"]);
    // `ord` is set by `renumber_scenes`; a new row starts at the end.
    tx.prepare_cached(
        "INSERT INTO scenes (id, ord, scenario, title, attributes)
         VALUES (?1, (SELECT COUNT(*) FROM scenes), ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET scenario = ?2, title = ?3, attributes = ?4",
    )?
    .execute(params![scene.id.0, scene.scenario.0, scene.title, rest])?;
    Ok(())
}

/// Writes the row of one scene as it now is in `map` (none if it was deleted).
fn sync_scene(tx: &Transaction, map: &Map, id: &SceneId) -> Result<()> {
    match map.scene(id) {
        Some(scene) => put_scene(tx, scene),
        None => {
            tx.prepare_cached("DELETE FROM scenes WHERE id = ?1")?
                .execute([&id.0])?;
            Ok(())
        }
    }
}

/// Sets every scene's `ord` to its place in the story. A story is a handful of scenes.
fn renumber_scenes(tx: &Transaction, map: &Map) -> Result<()> {
    for (ord, scene) in map.scenes.iter().enumerate() {
        tx.prepare_cached("UPDATE scenes SET ord = ?2 WHERE id = ?1")?
            .execute(params![scene.id.0, ord as i64])?;
    }
    Ok(())
}

fn put_position(
    tx: &Transaction,
    scenario: &ScenarioId,
    view: View,
    element: &ElementId,
    point: Option<&Point>,
) -> Result<()> {
    match point {
        Some(p) => tx
            .prepare_cached(
                "INSERT OR REPLACE INTO positions (scenario, view, element, x, y)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![scenario.0, view_name(view), element.0, p.x, p.y])?,
        None => tx
            .prepare_cached(
                "DELETE FROM positions WHERE scenario = ?1 AND view = ?2 AND element = ?3",
            )?
            .execute(params![scenario.0, view_name(view), element.0])?,
    };
    Ok(())
}

/// Writes the rows an applied op touched, as they now are in `map`: only those rows.
fn write_effect(tx: &Transaction, map: &Map, scenario: &ScenarioId, effect: &Op) -> Result<()> {
    let current = map.scenario(scenario);
    let sync_element = |id: &ElementId| -> Result<()> {
        match current.and_then(|s| s.elements.get(id)) {
            Some(element) => put_element(tx, scenario, element),
            None => {
                tx.prepare_cached("DELETE FROM elements WHERE scenario = ?1 AND id = ?2")?
                    .execute([&scenario.0, &id.0])?;
                Ok(())
            }
        }
    };
    let sync_relation = |id: &RelationId| -> Result<()> {
        match current.and_then(|s| s.relations.get(id)) {
            Some(relation) => put_relation(tx, scenario, relation),
            None => {
                tx.prepare_cached("DELETE FROM relations WHERE scenario = ?1 AND id = ?2")?
                    .execute([&scenario.0, &id.0])?;
                Ok(())
            }
        }
    };
    match effect {
        Op::CreateElement { element } | Op::UpdateElement { element } => sync_element(&element.id),
        Op::DeleteElement { id } => sync_element(id),
        Op::Nest { child, .. } => sync_element(child),
        Op::Connect { relation } | Op::UpdateRelation { relation } => sync_relation(&relation.id),
        Op::DeleteRelation { id } => sync_relation(id),
        Op::Move { view, positions } => {
            for p in positions {
                let point = current
                    .and_then(|s| s.positions.get(view))
                    .and_then(|points| points.get(&p.element));
                put_position(tx, scenario, *view, &p.element, point)?;
            }
            Ok(())
        }
        Op::Batch { ops } => {
            for op in ops {
                write_effect(tx, map, scenario, op)?;
            }
            Ok(())
        }
        Op::SetTitle { .. } => Ok(set_meta(tx, "title", &map.title)?),
        Op::RenameScenario { id, .. } => {
            if let Some(s) = map.scenario(id) {
                tx.prepare_cached("UPDATE scenarios SET name = ?2 WHERE id = ?1")?
                    .execute([&id.0, &s.name])?;
            }
            Ok(())
        }
        Op::AddScenario { scenario: s, .. } => rewrite_scenario(tx, map, &s.id),
        Op::DeleteScenario { id } => rewrite_scenario(tx, map, id),
        Op::UpdateScene { scene } => sync_scene(tx, map, &scene.id),
        Op::AddScene {
            scene: Scene { id, .. },
            ..
        }
        | Op::MoveScene { id, .. }
        | Op::DeleteScene { id } => {
            sync_scene(tx, map, id)?;
            renumber_scenes(tx, map)
        }
    }
}

/// Replaces all rows of one scenario with what `map` holds (none if it was deleted), and renumbers
/// the scenarios' order. Only scenario ops come here; they are rare and whole by nature.
fn rewrite_scenario(tx: &Transaction, map: &Map, id: &ScenarioId) -> Result<()> {
    for table in ["elements", "relations", "positions"] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE scenario = ?1"))?
            .execute([&id.0])?;
    }
    tx.prepare_cached("DELETE FROM scenarios WHERE id = ?1")?
        .execute([&id.0])?;
    if let Some((ord, s)) = map.scenarios.iter().enumerate().find(|(_, s)| &s.id == id) {
        insert_scenario(tx, s, ord)?;
    }
    for (ord, s) in map.scenarios.iter().enumerate() {
        tx.prepare_cached("UPDATE scenarios SET ord = ?2 WHERE id = ?1")?
            .execute(params![s.id.0, ord as i64])?;
    }
    Ok(())
}
