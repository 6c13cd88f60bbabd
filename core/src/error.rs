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
    /// Only offices, sites, communities and sprint teams can contain other elements.
    ParentNotGroup,
    /// A date that is not `2021`, `2021-02` or `2021-02-01`.
    InvalidDate,
    /// `until` before `from`.
    SpanOrder,
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
    UnknownScene,
    /// A lens id that names no lens.
    UnknownLens,
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
        if is_busy(&e) {
            return Self::new(
                ErrorKind::AlreadyOpen,
                "This map is already open in another window. Close it there first.",
            );
        }
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            match f.code {
                rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase => {
                    return Self::new(
                        ErrorKind::Corrupt,
                        format!("The map file is damaged and cannot be read ({e})."),
                    )
                }
                rusqlite::ErrorCode::DiskFull => {
                    return Self::new(
                        ErrorKind::Io,
                        "The disk is full, so the change was not saved. Free some space and try again.",
                    )
                }
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::PermissionDenied => {
                    return Self::new(
                        ErrorKind::Io,
                        "The map file cannot be written here (it is read-only or access was refused).",
                    )
                }
                _ => {}
            }
        }
        Self::new(
            ErrorKind::Storage,
            format!("The map file could not be read or written ({e})."),
        )
    }

    /// A file the operating system would not let us read or write.
    pub fn io(what: &str, path: &std::path::Path, e: std::io::Error) -> Self {
        Self::new(
            ErrorKind::Io,
            format!("Could not {what} {}: {e}.", path.display()),
        )
    }
}

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::storage(e)
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
