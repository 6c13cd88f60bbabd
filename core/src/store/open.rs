//! Opening a map file, which is untrusted input: one way, for editing and for reading alike.
//!
//! A `.murm` file may come from anyone. So, in this order:
//! 1. a file that is not SQLite, not a map, or from a newer Murmuration is refused from its
//!    header with plain file reads, before SQLite touches it (a stranger is left byte-identical);
//! 2. SQLite opens it, which replays the WAL: what the WAL holds is part of the map, so nothing
//!    about the map's size or health is judged before that (a kill during a checkpoint leaves the
//!    file shorter than its header says while the WAL still holds every page);
//! 3. the connection is hardened (no triggers, no views, no functions from the schema, defensive
//!    mode), and the schema must be exactly the one our migrations made for the file's
//!    `user_version`: a trigger, view, table or index we did not make is refused before any
//!    statement of ours could make it run;
//! 4. the caller migrates, loads and validates the map in one transaction.
//!
//! [`read_image`] gives [`super::Document::read`] the same map without a lock and without writing
//! anything anywhere: the file and its WAL are read as one moment with plain reads, the WAL's
//! committed frames are replayed in memory as SQLite's recovery would, and the image is opened by
//! SQLite in memory. No copy of the user's map is ever written to a shared folder.

use super::MIGRATIONS;
use crate::error::{CoreError, ErrorKind, Result};
use crate::files::{self, SQLITE_MAGIC};
use rusqlite::config::DbConfig;
use rusqlite::Connection;
use std::io::Read;
use std::path::Path;

/// Refuses, from its header alone, a file that is not a map of a version this build can open.
pub(super) fn check_stranger(path: &Path) -> Result<()> {
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|e| CoreError::io("open", path, e))?;
    if header.len() < SQLITE_MAGIC.len() || &header[..16] != SQLITE_MAGIC {
        return Err(not_a_map(path));
    }
    if header.len() < 100 {
        return Err(damaged(path, "it ends inside its header"));
    }
    let be32 = |at: usize| {
        i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    if be32(68) != files::APPLICATION_ID {
        return Err(not_a_map(path));
    }
    if be32(60) > super::FORMAT_VERSION {
        return Err(too_new(path));
    }
    Ok(())
}

/// Refuses, in plain words, a map that cannot be edited where it is: a read-only file, or a
/// folder where SQLite cannot write the journal beside it.
pub(super) fn check_writable(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .map(drop)
        .map_err(|e| CoreError::io("change", path, e))
}

/// Makes the connection safe for a stranger's file, before anything reads its schema: nothing
/// in the file may run (triggers, views, functions in the schema), and the file cannot be
/// damaged through SQL.
pub(super) fn harden(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    Ok(())
}

/// The first read (which replays the WAL and, for editing, takes the lock): the file is ours, of
/// a version we know, and holds exactly the schema our migrations made. Returns its version.
pub(super) fn check_contents(conn: &Connection, path: &Path) -> Result<i32> {
    let (app_id, version): (i32, i32) = conn
        .query_row(
            "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| opening(path, e))?;
    if app_id != files::APPLICATION_ID {
        return Err(not_a_map(path));
    }
    if version > super::FORMAT_VERSION {
        return Err(too_new(path));
    }
    if version < 1 {
        return Err(damaged(path, "it holds no map"));
    }
    let found = schema(conn).map_err(|e| opening(path, e))?;
    let expected = expected_schema(version).map_err(CoreError::storage)?;
    if let Some(extra) = found.iter().find(|o| !expected.contains(o)) {
        let what = if expected.iter().any(|e| e.name == extra.name) {
            format!("a changed {} named \"{}\"", extra.kind, extra.name)
        } else if extra.kind == "index" {
            format!("an index named \"{}\"", extra.name)
        } else {
            format!("a {} named \"{}\"", extra.kind, extra.name)
        };
        return Err(CoreError::new(
            ErrorKind::Corrupt,
            format!(
                "{} contains parts Murmuration did not make ({what}); it was not opened, so nothing in it has run.",
                display_name(path)
            ),
        ));
    }
    if let Some(missing) = expected.iter().find(|o| !found.contains(o)) {
        return Err(damaged(
            path,
            format_args!("its {} \"{}\" is missing", missing.kind, missing.name),
        ));
    }
    Ok(version)
}

/// One row of `sqlite_schema`.
#[derive(Debug, PartialEq, Eq)]
struct SchemaObject {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

fn schema(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")?
        .query_map([], |r| {
            Ok(SchemaObject {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r.get(3)?,
            })
        })?
        .collect()
}

/// The schema the first `version` migrations make, as SQLite records it.
fn expected_schema(version: i32) -> rusqlite::Result<Vec<SchemaObject>> {
    let conn = Connection::open_in_memory()?;
    for sql in MIGRATIONS.iter().take(version.max(0) as usize) {
        conn.execute_batch(sql)?;
    }
    schema(&conn)
}

// --- reading a map in memory -----------------------------------------------------------------

/// How often [`read_image`] tries before giving up on a file that keeps changing.
const COPY_ATTEMPTS: u32 = 40;

/// The size of a WAL file's header; it changes only when the WAL starts over after a checkpoint.
const WAL_HEADER: usize = 32;

/// The first bytes of a rollback journal that SQLite would replay.
const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/// What lies beside a map file at one moment: its WAL (where a window's edits wait for the next
/// checkpoint), a rollback journal (only in files Murmuration did not write), and when the file
/// itself last changed.
struct Beside {
    wal: Option<Vec<u8>>,
    journal: Option<Vec<u8>>,
    file: (u64, Option<std::time::SystemTime>),
    /// The WAL's header changed while it was read: a window started the WAL over under us, so
    /// its first frames may be new ones behind the old header (replaying that prefix would put
    /// older pages over a file the checkpoint already brought forward).
    torn: bool,
}

impl Beside {
    fn read(path: &Path) -> Result<Beside> {
        let optional = |suffix: &str| -> Result<Option<Vec<u8>>> {
            let journal = files::with_suffix(path, suffix);
            match std::fs::read(&journal) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(CoreError::io("read", &journal, e)),
            }
        };
        let meta = std::fs::metadata(path).map_err(|e| CoreError::io("read", path, e))?;
        let wal = optional("-wal")?;
        let torn = match &wal {
            Some(bytes) if bytes.len() >= WAL_HEADER => {
                let header = wal_header(&files::with_suffix(path, "-wal"));
                header.as_deref() != Some(&bytes[..WAL_HEADER])
            }
            _ => false,
        };
        Ok(Beside {
            wal,
            journal: optional("-journal")?,
            file: (meta.len(), meta.modified().ok()),
            torn,
        })
    }

    /// Whether the file read between `self` and `later`, with `later`'s journals, is one moment
    /// of the map. See [`read_image`].
    fn continued_by(&self, later: &Beside) -> bool {
        if self.torn || later.torn {
            return false;
        }
        let wal = match (&self.wal, &later.wal) {
            (None, None) => self.file == later.file,
            (Some(a), Some(b)) if a.len() >= WAL_HEADER && b.len() >= WAL_HEADER => {
                a[..WAL_HEADER] == b[..WAL_HEADER]
            }
            (a, b) => a == b,
        };
        wal && self.journal == later.journal
    }
}

/// The WAL's header as it is now (`None` when the WAL is gone or shorter than a header).
fn wal_header(wal: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut header = vec![0; WAL_HEADER];
    std::fs::File::open(wal)
        .ok()?
        .read_exact(&mut header)
        .ok()?;
    Some(header)
}

/// The map file as SQLite would see it after recovery, read with plain file reads: no SQLite lock
/// (the window holding the file keeps it exclusively) and nothing written anywhere.
///
/// While we read, a window may commit (append frames to the WAL), checkpoint (write pages the WAL
/// holds into the file) or start the WAL over (a new header, after a checkpoint). So the WAL is
/// read before and after the file, and the later WAL is used. When its header did not change,
/// the WAL only grew: every page a checkpoint wrote into the file while we read it came from a
/// commit finished before we finished reading the file, so the later WAL holds that commit whole,
/// and replaying it puts it over whatever mix of pages the file read caught (a frame still being
/// written at the end fails its checksum and is ignored, as SQLite ignores it). With no WAL
/// either time, the file must not have changed. Otherwise it tries again.
pub(super) fn read_image(path: &Path) -> Result<Vec<u8>> {
    for attempt in 0..COPY_ATTEMPTS {
        let before = Beside::read(path)?;
        let mut image = std::fs::read(path).map_err(|e| CoreError::io("read", path, e))?;
        let after = Beside::read(path)?;
        if before.continued_by(&after) {
            if after
                .journal
                .as_ref()
                .is_some_and(|j| j.starts_with(&JOURNAL_MAGIC))
            {
                return Err(CoreError::new(
                    ErrorKind::Corrupt,
                    format!(
                        "{} was left half-saved by another program. Open it in Murmuration once to repair it, then try again.",
                        display_name(path)
                    ),
                ));
            }
            if let Some(wal) = &after.wal {
                replay_wal(&mut image, wal);
            }
            // The image is opened in memory, where there is no WAL: mark it as a plain file.
            if image.len() >= 100 && image[18] == 2 && image[19] == 2 {
                image[18] = 1;
                image[19] = 1;
            }
            return Ok(image);
        }
        std::thread::sleep(std::time::Duration::from_millis(5 + 5 * u64::from(attempt)));
    }
    Err(CoreError::new(
        ErrorKind::AlreadyOpen,
        format!(
            "{} is being changed in another window too quickly to read. Try again in a moment.",
            display_name(path)
        ),
    ))
}

/// Puts every committed transaction in `wal` over `image`, as SQLite's WAL recovery does
/// (<https://www.sqlite.org/fileformat2.html#walformat>): frames count only while their salts
/// match the header and their running checksum holds, and only up to the last commit frame.
/// A WAL that is not valid is ignored, as SQLite ignores it.
fn replay_wal(image: &mut Vec<u8>, wal: &[u8]) {
    let be32 = |b: &[u8], at: usize| u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    if wal.len() < WAL_HEADER || be32(wal, 0) & !1 != 0x377f_0682 {
        return;
    }
    let big_endian = be32(wal, 0) & 1 == 1;
    let page_size = be32(wal, 8) as usize;
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return;
    }
    let mut sum = checksum((0, 0), &wal[..24], big_endian);
    if sum != (be32(wal, 24), be32(wal, 28)) {
        return;
    }
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let frame = 24 + page_size;
    let mut at = WAL_HEADER;
    while at + frame <= wal.len() {
        let header = &wal[at..at + 24];
        let page = be32(header, 0) as usize;
        let commit = be32(header, 4) as usize;
        if page == 0 || header[8..16] != wal[16..24] {
            break;
        }
        sum = checksum(sum, &header[..8], big_endian);
        sum = checksum(sum, &wal[at + 24..at + frame], big_endian);
        if sum != (be32(header, 16), be32(header, 20)) {
            break;
        }
        pending.push((page, at + 24));
        if commit > 0 {
            let size = commit * page_size;
            if image.len() < size {
                image.resize(size, 0);
            }
            for (page, data) in pending.drain(..) {
                let start = (page - 1) * page_size;
                if start + page_size <= size {
                    image[start..start + page_size].copy_from_slice(&wal[data..data + page_size]);
                }
            }
            image.truncate(size);
        }
        at += frame;
    }
}

/// SQLite's WAL checksum, continued from `sum` over `bytes` (a multiple of 8 bytes).
fn checksum(sum: (u32, u32), bytes: &[u8], big_endian: bool) -> (u32, u32) {
    let (mut s0, mut s1) = sum;
    for pair in bytes.chunks_exact(8) {
        let word = |b: &[u8]| {
            let b = [b[0], b[1], b[2], b[3]];
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        s0 = s0.wrapping_add(word(&pair[..4]).wrapping_add(s1));
        s1 = s1.wrapping_add(word(&pair[4..]).wrapping_add(s0));
    }
    (s0, s1)
}

// --- messages --------------------------------------------------------------------------------

pub(super) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| format!("\"{}\"", n.to_string_lossy()),
    )
}

pub(super) fn not_a_map(path: &Path) -> CoreError {
    CoreError::new(
        ErrorKind::NotAMap,
        format!("{} is not a Murmuration map.", display_name(path)),
    )
}

pub(super) fn too_new(path: &Path) -> CoreError {
    CoreError::new(
        ErrorKind::TooNew,
        format!(
            "{} was saved by a newer version of Murmuration. Update Murmuration to open it.",
            display_name(path)
        ),
    )
}

pub(super) fn damaged(path: &Path, why: impl std::fmt::Display) -> CoreError {
    CoreError::new(
        ErrorKind::Corrupt,
        format!(
            "{} is damaged and cannot be opened: {why}.",
            display_name(path)
        ),
    )
}

/// A SQLite error while opening, in the words of opening.
pub(super) fn opening(path: &Path, e: rusqlite::Error) -> CoreError {
    match CoreError::sqlite(e, Some(path)) {
        e if e.kind == ErrorKind::Corrupt => damaged(path, "SQLite reports it as malformed"),
        e => e,
    }
}
