//! The open document: a `.murm` file created, opened for editing (with its lock), read without
//! opening, saved under another name, checked.

use super::open::{self, damaged, display_name, opening};
use super::rows::{insert_scenario, load, put_scene, renumber_scenes, set_meta};
use super::schema::migrate;
use super::{Document, Durability};
use crate::error::{CoreError, ErrorKind, Result};
use crate::files;
use crate::model::Map;
use crate::ops::{self, Index};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use std::path::Path;

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
}

/// Runs the checks of `store/open.rs` on a connection SQLite has just opened, then migrates (inside the
/// transaction, which commits only when the map reads back and keeps every rule), loads and
/// validates the map. For a file that is up to date this is a read.
fn load_checked(conn: &mut Connection, path: &Path) -> Result<(Map, i64)> {
    open::harden(conn).map_err(|e| opening(path, e))?;
    let version = open::check_contents(conn, path)?;
    let tx = conn.transaction().map_err(|e| opening(path, e))?;
    migrate(&tx, version)?;
    let (mut map, cursor) = load(&tx).map_err(|e| damaged(path, e))?;
    ops::upgrade(&mut map);
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
