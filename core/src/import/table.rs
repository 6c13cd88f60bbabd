//! A file to import, read into one plain table — a header row and rows of text cells, each row
//! numbered as a spreadsheet shows it (the header is row 1 when it is the first line) — so the
//! importers never care whether it came from CSV or a spreadsheet.
//!
//! CSV: UTF-8 with or without a byte-order mark, LF or CRLF, quoted commas and line breaks, ragged
//! rows (missing cells are empty), blank lines skipped but counted, cells trimmed. A semicolon- or
//! tab-separated file is recognised by its header line. Spreadsheets (XLSX, XLS, ODS): the first
//! sheet, through calamine.

use crate::error::{CoreError, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::io::Cursor;
use std::path::Path;

/// Which reader a file needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    Csv,
    /// XLSX, XLSM, XLS or ODS: whatever calamine recognises.
    Spreadsheet,
}

impl FileFormat {
    /// By extension: `.xlsx`, `.xlsm`, `.xlsb`, `.xls` and `.ods` are spreadsheets; anything else is
    /// read as CSV.
    pub fn of(path: &Path) -> Self {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Self::Spreadsheet,
            _ => Self::Csv,
        }
    }
}

/// One data row: its number as a spreadsheet shows it, and its cells (trimmed; as many as the
/// header, missing ones empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TableRow {
    pub row: u32,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Table {
    pub headers: Vec<String>,
    /// The header's own row number (1 unless blank lines come first).
    pub header_row: u32,
    pub rows: Vec<TableRow>,
}

impl Table {
    /// The index of the header named `name` (case and surrounding spaces ignored).
    pub fn column(&self, name: &str) -> Option<usize> {
        let want = name.trim().to_lowercase();
        self.headers.iter().position(|h| h.to_lowercase() == want)
    }
}

/// Reads the file at `path` (its format from the extension).
pub fn read_file(path: &Path) -> Result<Table> {
    let bytes = std::fs::read(path).map_err(|e| CoreError::io("read", path, e))?;
    read(&bytes, FileFormat::of(path))
}

/// Reads a table from bytes.
pub fn read(bytes: &[u8], format: FileFormat) -> Result<Table> {
    match format {
        FileFormat::Csv => read_csv(bytes),
        FileFormat::Spreadsheet => read_spreadsheet(bytes),
    }
}

fn unreadable(message: impl Into<String>) -> CoreError {
    CoreError::new(ErrorKind::UnreadableFile, message)
}

fn read_csv(bytes: &[u8]) -> Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(unreadable(
            "This file is saved as UTF-16 text. Save it as \"CSV UTF-8\" and import it again.",
        ));
    }
    let delimiter = sniff_delimiter(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut headers: Option<(u32, Vec<String>)> = None;
    let mut rows = Vec::new();
    // TableRow numbers are counted here from byte offsets rather than taken from the reader: a
    // spreadsheet shows a record with a line break inside a quoted cell as one row, and counts
    // blank lines.
    let mut record = csv::ByteRecord::new();
    // The byte where the previous record ended, and the physical line that byte is on.
    let (mut consumed, mut line) = (0usize, 1u64);
    // Line breaks inside quoted cells so far.
    let mut inner_breaks: u64 = 0;
    loop {
        let more = reader.read_byte_record(&mut record).map_err(|e| {
            unreadable(format!(
                "Row {} of the file cannot be read as CSV ({e}).",
                line.saturating_sub(inner_breaks)
            ))
        })?;
        if !more {
            break;
        }
        let end = (reader.position().byte() as usize).min(bytes.len());
        let skipped = bytes[consumed..end]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .filter(|&&b| b == b'\n')
            .count() as u64;
        let row = (line + skipped)
            .saturating_sub(inner_breaks)
            .min(u64::from(u32::MAX)) as u32;
        line += bytes[consumed..end].iter().filter(|&&b| b == b'\n').count() as u64;
        consumed = end;
        inner_breaks += record
            .iter()
            .map(|f| f.iter().filter(|&&b| b == b'\n').count() as u64)
            .sum::<u64>();
        let mut cells = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| {
                let column = headers
                    .as_ref()
                    .and_then(|(_, h)| h.get(i))
                    .map_or(String::new(), |h| format!(" (“{h}”)"));
                unreadable(format!(
                    "Row {row}, column {}{column} is not UTF-8 text. Save the file as \"CSV UTF-8\" and import it again.",
                    i + 1
                ))
            })?;
            cells.push(text.trim().to_owned());
        }
        if cells.iter().all(String::is_empty) {
            continue; // a blank line, or a row of empty cells
        }
        match &headers {
            None => headers = Some((row, cells)),
            Some((_, h)) => {
                cells.resize(h.len().max(cells.len()), String::new());
                rows.push(TableRow { row, cells });
            }
        }
    }
    finish(headers, rows)
}

/// Comma unless the header line has more semicolons or tabs (spreadsheets in many locales write
/// semicolons).
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let first = bytes
        .split(|&b| b == b'\n')
        .find(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
        .unwrap_or(&[]);
    let count = |c: u8| first.iter().filter(|&&b| b == c).count();
    let (commas, semis, tabs) = (count(b','), count(b';'), count(b'\t'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

fn read_spreadsheet(bytes: &[u8]) -> Result<Table> {
    // calamine can panic on a damaged file (fuzzing found an arithmetic overflow on an absurd cell
    // reference); a damaged file must be an error the user reads, never a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_spreadsheet_unguarded(bytes)))
        .unwrap_or_else(|_| {
            Err(unreadable(
                "This spreadsheet is damaged and cannot be read. Open it in a spreadsheet program, save it again and import it again.",
            ))
        })
}

fn read_spreadsheet_unguarded(bytes: &[u8]) -> Result<Table> {
    use calamine::{Data, Reader};
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
            unreadable(format!(
            "This file cannot be read as a spreadsheet ({e}). Is it an .xlsx, .xls or .ods file?"
        ))
        })?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("This spreadsheet has no sheets."))?
        .map_err(|e| unreadable(format!("The first sheet cannot be read ({e}).")))?;
    let (top, _) = range.start().unwrap_or((0, 0));
    let mut headers: Option<(u32, Vec<String>)> = None;
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let row = (top as u64 + i as u64 + 1).min(u64::from(u32::MAX)) as u32;
        let mut cells: Vec<String> = cells
            .iter()
            .map(|c| match c {
                Data::Empty => String::new(),
                // Whole numbers as a person typed them: 1042, not 1042.0.
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                other => other.to_string().trim().to_owned(),
            })
            .collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        match &headers {
            None => {
                while cells.last().is_some_and(String::is_empty) {
                    cells.pop();
                }
                headers = Some((row, cells));
            }
            Some((_, h)) => {
                cells.resize(h.len().max(cells.len()), String::new());
                rows.push(TableRow { row, cells });
            }
        }
    }
    finish(headers, rows)
}

fn finish(headers: Option<(u32, Vec<String>)>, rows: Vec<TableRow>) -> Result<Table> {
    let (header_row, headers) =
        headers.ok_or_else(|| CoreError::new(ErrorKind::NothingToImport, "The file is empty."))?;
    Ok(Table {
        headers,
        header_row,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let csv = "\u{feff}Name,Title\r\n\r\nAna, Teacher \r\n\"Lee, Jo\",\"Two\nlines\"\r\nSam,Coach\r\n";
        let t = read(csv.as_bytes(), FileFormat::Csv).unwrap();
        assert_eq!(t.headers, ["Name", "Title"]);
        assert_eq!(t.header_row, 1);
        let rows: Vec<(u32, &str, &str)> = t
            .rows
            .iter()
            .map(|r| (r.row, r.cells[0].as_str(), r.cells[1].as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (3, "Ana", "Teacher"),
                (4, "Lee, Jo", "Two\nlines"),
                (5, "Sam", "Coach")
            ]
        );
    }

    #[test]
    fn semicolons_and_ragged_rows() {
        let t = read(b"a;b;c\n1;2\n", FileFormat::Csv).unwrap();
        assert_eq!(t.rows[0].cells, ["1", "2", ""]);
    }

    #[test]
    fn bad_text_names_row_and_column() {
        let e = read(b"Name,Title\nAna,ok\nBo,\xff\xfe\n", FileFormat::Csv).unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnreadableFile);
        assert!(
            e.message.starts_with("Row 3, column 2 (“Title”)"),
            "{}",
            e.message
        );
    }

    #[test]
    fn empty_and_garbage() {
        assert_eq!(
            read(b"", FileFormat::Csv).unwrap_err().kind,
            ErrorKind::NothingToImport
        );
        assert_eq!(
            read(b"not a zip", FileFormat::Spreadsheet)
                .unwrap_err()
                .kind,
            ErrorKind::UnreadableFile
        );
    }
}
