//! The rows every importer reads, and the limits and messages of reading them: shared by the CSV
//! reader (`csv_file.rs`) and the spreadsheet reader (`sheet.rs`), below the table they make.

use crate::error::{CoreError, ErrorKind};
use serde::Serialize;
use specta::Type;

/// The most data rows a file may have.
pub const MAX_ROWS: usize = 1_000_000;
/// The most columns a file may have.
pub const MAX_COLUMNS: usize = 1_000;
/// How far down the header is looked for: title lines are a few rows at most.
pub(crate) const HEADER_SEARCH: usize = 10;

/// One data row: its number as a spreadsheet shows it, and its cells (trimmed; as many as the
/// header, missing ones empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TableRow {
    pub row: u32,
    pub cells: Vec<String>,
}

pub(crate) fn unreadable(message: impl Into<String>) -> CoreError {
    CoreError::new(ErrorKind::UnreadableFile, message)
}

/// The error for a file with more than [`MAX_ROWS`] rows.
pub(crate) fn too_many_rows() -> CoreError {
    unreadable(format!(
        "This file has more than {} rows, the most Murmuration imports at once. Split it into smaller files and import each.",
        thousands(MAX_ROWS)
    ))
}

/// 1000000 → "1,000,000".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
