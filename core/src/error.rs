//! The one error the core hands to the outside world.
//!
//! Operations, the `.murm` file and the JSON form all fail with a [`CoreError`] so the shell can
//! return it from every command unchanged. At the boundary it is `{ kind, message, subjects }`:
//! the UI branches on `kind` (never on the text), shows `message` (plain words a superintendent
//! understands, not SQLite's), and may highlight the `subjects` (the ids of the elements,
//! relations or scenarios involved).

use serde::{Deserialize, Serialize};
use specta::Type;
use std::fmt::Display;
use std::path::Path;

/// What went wrong, as a stable code the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    // --- the map's invariants -------------------------------------------------------------
    /// An element, relation, scenario or scene with this id already exists.
    DuplicateId,
    /// An id in a map's lookup table names a different element or relation than the one stored there.
    IdMismatch,
    UnknownScenario,
    UnknownElement,
    UnknownRelation,
    /// A relation whose source or target does not exist.
    DanglingRelation,
    /// A reports-to line that would make someone their own (indirect) boss.
    ReportsToCycle,
    /// Nesting that would put a group inside itself.
    NestingCycle,
    /// "Derives from" lines that would make a rule derive from itself.
    RuleCycle,
    /// A cascade relation between the wrong kinds: "derives from" joins rules, a rule governs what
    /// is not a rule, a governed step the routine lacks, a barrier claiming what is not a rule.
    CascadeEnds,
    /// A rule's owner must be an office.
    RuleOwnerNotOffice,
    /// Only offices, sites, communities and sprint teams can contain other elements.
    ParentNotGroup,
    /// A date that is not `2021`, `2021-02` or `2021-02-01`.
    InvalidDate,
    /// `until` before `from`.
    SpanOrder,
    /// A sprint team's end date and its status disagree: a forming or active team has no end.
    SprintStatusSpan,
    /// A flow's volume outside 1–5.
    FlowVolume,
    /// A person's home base must be a community.
    HomeBaseNotCommunity,
    /// A person's position must be an office.
    PositionNotOffice,
    /// A drawing position that is not a finite number.
    InvalidPoint,
    /// A map must keep at least one scenario.
    LastScenario,
    /// A scenario's name that is empty or already another scenario's in the map.
    ScenarioName,
    UnknownScene,
    /// A lens id that names no lens.
    UnknownLens,
    /// A change adopted from a comparison that no longer applies to the scenario adopting it
    /// (its element is gone, it would make a cycle, …); the message lists each with its reason.
    ChangeDoesNotApply,
    /// A scene's viewport that is not a rectangle of finite numbers with a positive width and height.
    InvalidViewport,
    // --- files -----------------------------------------------------------------------------
    /// The file (or JSON) is not a Murmuration map at all.
    NotAMap,
    /// JSON that says it is a map but cannot be read as one.
    InvalidJson,
    /// The map was written by a newer version of Murmuration.
    TooNew,
    /// The map file is damaged.
    Corrupt,
    /// Another window (or program) has the map open.
    AlreadyOpen,
    /// A file already exists where a new map was to be created.
    FileExists,
    /// The operating system refused to read or write a file.
    Io,
    /// SQLite failed in a way none of the above explains.
    Storage,
    /// Nothing to undo or redo.
    NothingToUndo,
    NothingToRedo,
    // --- import (messages name the row, counted as a spreadsheet shows it, and the column) ---
    /// The file to import is not a readable CSV or spreadsheet (bad text encoding, damaged XLSX).
    UnreadableFile,
    /// A column the import needs is not there (no name column; a mapping names a missing header).
    MissingColumn,
    /// A cell holds a value the import cannot use (a volume of 9, a medium it does not know).
    InvalidValue,
    /// The file has a header but no rows to import.
    NothingToImport,
}

/// A failure, said in plain words. See the module header for the shape at the boundary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, Type)]
#[error("{message}")]
pub struct CoreError {
    pub kind: ErrorKind,
    pub message: String,
    /// Ids of what the error is about, so the UI can point at it. May be empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
}

impl CoreError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            subjects: Vec::new(),
        }
    }

    /// Names what the error is about.
    pub fn about(mut self, id: impl Display) -> Self {
        self.subjects.push(id.to_string());
        self
    }

    /// A SQLite failure while working on a map file that was fine when opened.
    pub(crate) fn storage(e: rusqlite::Error) -> Self {
        Self::sqlite(e, None)
    }

    /// The one place SQLite's error codes become problems a user can act on; `path` is the map
    /// file, when known, so the message can name it. SQLite's own words are kept only for a
    /// failure none of these explains.
    pub(crate) fn sqlite(e: rusqlite::Error, path: Option<&Path>) -> Self {
        use rusqlite::ErrorCode as C;
        let map = path.map_or_else(
            || "The map".to_owned(),
            |p| format!("The map {}", quoted(p)),
        );
        let Some((code, extended)) = (match &e {
            rusqlite::Error::SqliteFailure(f, _) => Some((f.code, f.extended_code)),
            _ => None,
        }) else {
            return Self::new(
                ErrorKind::Storage,
                format!("{map} could not be read or written ({e})."),
            );
        };
        let (kind, message) = match code {
            C::DatabaseBusy | C::DatabaseLocked => (
                ErrorKind::AlreadyOpen,
                format!("{map} is already open in another window. Switch to that window, or close it there first."),
            ),
            C::DatabaseCorrupt | C::NotADatabase => (
                ErrorKind::Corrupt,
                format!("{map} is damaged and cannot be read."),
            ),
            C::DiskFull => (ErrorKind::Io, DISK_FULL.to_owned()),
            C::ReadOnly | C::PermissionDenied => (ErrorKind::Io, read_only(path)),
            C::CannotOpen => (
                ErrorKind::Io,
                match path.and_then(Path::parent) {
                    Some(folder) => format!(
                        "Cannot write in the folder {}: it is missing, read-only or access was refused.",
                        folder_name(folder)
                    ),
                    None => format!("{map} cannot be opened."),
                },
            ),
            // A write or sync the disk refused: most often no room (or a file too big for it).
            C::SystemIoFailure
                if [rusqlite::ffi::SQLITE_IOERR_WRITE, rusqlite::ffi::SQLITE_IOERR_FSYNC, rusqlite::ffi::SQLITE_IOERR_TRUNCATE]
                    .contains(&extended) =>
            {
                (ErrorKind::Io, DISK_FULL.to_owned())
            }
            C::SystemIoFailure => (
                ErrorKind::Io,
                format!("{map} could not be read or written: the disk reported an error."),
            ),
            _ => (
                ErrorKind::Storage,
                format!("{map} could not be read or written ({e})."),
            ),
        };
        Self::new(kind, message)
    }

    /// A file the operating system would not let us read or write. `what` is the verb of the
    /// job (`read`, `open`, `write`, `create`, …); a missing or read-only folder and a full disk
    /// are said as such.
    pub fn io(what: &str, path: &Path, e: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let writing = !matches!(what, "read" | "open");
        let folder = || path.parent().map_or_else(|| ".".to_owned(), folder_name);
        let message = match e.kind() {
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => DISK_FULL.to_owned(),
            K::NotFound if writing => {
                format!(
                    "Cannot write in the folder {}: it does not exist.",
                    folder()
                )
            }
            K::PermissionDenied | K::ReadOnlyFilesystem if writing && path.exists() => {
                read_only(Some(path))
            }
            K::PermissionDenied | K::ReadOnlyFilesystem if writing => format!(
                "Cannot write in the folder {}: it is read-only or access was refused.",
                folder()
            ),
            _ => format!("Could not {what} {}: {e}.", path.display()),
        };
        Self::new(ErrorKind::Io, message)
    }
}

const DISK_FULL: &str = "The disk is full, so nothing was saved. Free some space and try again.";

fn read_only(path: Option<&Path>) -> String {
    match path {
        Some(p) => format!(
            "{} is read-only, so it cannot be changed. Save a copy elsewhere, or ask for write access.",
            quoted(p)
        ),
        None => "This map is read-only, so it cannot be changed. Save a copy elsewhere, or ask for write access.".to_owned(),
    }
}

fn quoted(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| format!("\"{}\"", n.to_string_lossy()),
    )
}

fn folder_name(folder: &Path) -> String {
    if folder.as_os_str().is_empty() {
        "\".\"".to_owned()
    } else {
        format!("\"{}\"", folder.display())
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::storage(e)
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
