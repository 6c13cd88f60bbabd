//! A file to import, read into one plain table — a header row and rows of text cells, each row
//! numbered as a spreadsheet shows it (the header is row 1 when it is the first line) — so the
//! importers never care whether it came from CSV or a spreadsheet.
//!
//! This is the one place a file's rows are read and its header found, so every importer gets the
//! same rules:
//! - CSV: UTF-8 with or without a byte-order mark, LF or CRLF, quoted commas and line breaks, ragged
//!   rows (missing cells are empty), blank lines skipped but counted, cells trimmed. A semicolon- or
//!   tab-separated file is recognised by its first lines. A quote that is never closed (which would
//!   swallow every later row into one cell) is an error naming its row and column.
//! - Spreadsheets (XLSX, XLS, ODS): see [`super::sheet`].
//! - The header is the first row that is not a title (one filled cell, or at most half as many as
//!   the row below): title lines above it are skipped with a warning naming them. A repeated header row is skipped; two columns with one name and
//!   values under no header are warned about.
//! - Limits: [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns, refused with a message saying so.

use super::rows::TableRow;
use super::rows::HEADER_SEARCH;
use super::{csv_file, sheet, ImportWarning};
use crate::error::{CoreError, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Table {
    pub headers: Vec<String>,
    /// The header's own row number (1 unless blank lines or a title come first).
    pub header_row: u32,
    pub rows: Vec<TableRow>,
    /// What reading the file skipped or chose (title lines, a repeated header, the sheet used);
    /// every importer passes these on before its own.
    pub warnings: Vec<ImportWarning>,
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
        FileFormat::Csv => assemble(csv_file::read(bytes)?, Vec::new()),
        FileFormat::Spreadsheet => {
            let (rows, warnings) = sheet::read(bytes)?;
            assemble(rows, warnings)
        }
    }
}

fn filled(row: &TableRow) -> usize {
    row.cells.iter().filter(|c| !c.is_empty()).count()
}

/// Finds the header among the non-blank rows and makes the table (see the module header).
pub(crate) fn assemble(mut rows: Vec<TableRow>, mut warnings: Vec<ImportWarning>) -> Result<Table> {
    if rows.is_empty() {
        return Err(CoreError::new(
            ErrorKind::NothingToImport,
            "The file is empty.",
        ));
    }
    // A title is one filled cell (a merged title row keeps its text in its first cell), or at most
    // half as many as the row below it ("Staff list, May 2024" above six headers).
    let title = |i: usize| {
        let n = filled(&rows[i]);
        n < 2 || rows.get(i + 1).is_some_and(|next| 2 * n <= filled(next))
    };
    let at = (0..rows.len().min(HEADER_SEARCH))
        .find(|&i| !title(i))
        .unwrap_or(0);
    let mut rest = rows.split_off(at);
    let titles = rows;
    let mut header = rest.remove(0);
    if let (Some(first), Some(last)) = (titles.first(), titles.last()) {
        let what = titles
            .iter()
            .flat_map(|r| r.cells.iter().filter(|c| !c.is_empty()))
            .map(|c| format!("“{c}”"))
            .collect::<Vec<_>>()
            .join(", ");
        let (rows, were) = if first.row == last.row {
            (format!("Row {}", first.row), "is")
        } else {
            (format!("Rows {}–{}", first.row, last.row), "are")
        };
        warnings.push(ImportWarning {
            row: first.row,
            message: format!(
                "{rows} ({what}) {were} above the header in row {}: taken as a title and skipped.",
                header.row
            ),
        });
    }
    while header.cells.last().is_some_and(String::is_empty) {
        header.cells.pop();
    }
    header_problems(&header, &rest, &mut warnings);
    let width = header.cells.len();
    let mut body = Vec::with_capacity(rest.len());
    for mut r in rest {
        if r.cells.len() >= width
            && r.cells[..width] == header.cells[..]
            && filled(&r) == filled(&header)
        {
            warnings.push(super::warn(
                r.row,
                "repeats the header row, so it was skipped.",
            ));
            continue;
        }
        r.cells.resize(width.max(r.cells.len()), String::new());
        body.push(r);
    }
    Ok(Table {
        headers: header.cells,
        header_row: header.row,
        rows: body,
        warnings,
    })
}

/// Two columns with one name (only the first is read), and values in a column with no header (never
/// read): said once each, with the first row concerned.
fn header_problems(header: &TableRow, rows: &[TableRow], warnings: &mut Vec<ImportWarning>) {
    for (i, h) in header.cells.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if let Some(j) = header.cells[..i]
            .iter()
            .position(|g| g.to_lowercase() == h.to_lowercase())
        {
            warnings.push(super::warn(
                header.row,
                &format!(
                    "names two columns “{h}” (columns {} and {}); only column {} is read.",
                    j + 1,
                    i + 1,
                    j + 1
                ),
            ));
        }
    }
    let unnamed = |c: usize| header.cells.get(c).is_none_or(String::is_empty);
    let mut stray = rows.iter().filter_map(|r| {
        r.cells
            .iter()
            .enumerate()
            .find(|(c, v)| !v.is_empty() && unnamed(*c))
            .map(|(c, _)| (r.row, c))
    });
    if let Some((row, column)) = stray.next() {
        let more = stray.count();
        let others = match more {
            0 => String::new(),
            1 => " (and 1 more row)".to_owned(),
            n => format!(" (and {n} more rows)"),
        };
        warnings.push(super::warn(
            row,
            &format!(
                "has a value in column {}, which has no header in row {}, so it was not imported{others}.",
                column + 1,
                header.row
            ),
        ));
    }
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
