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

use super::{sheet, ImportWarning};
use crate::error::{CoreError, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;

/// The most data rows a file may have.
pub const MAX_ROWS: usize = 1_000_000;
/// The most columns a file may have.
pub const MAX_COLUMNS: usize = 1_000;
/// How far down the header is looked for: title lines are a few rows at most.
const HEADER_SEARCH: usize = 10;

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
        FileFormat::Csv => assemble(read_csv(bytes)?, Vec::new()),
        FileFormat::Spreadsheet => {
            let (rows, warnings) = sheet::read(bytes)?;
            assemble(rows, warnings)
        }
    }
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

/// Every non-blank record of a CSV file, numbered as a spreadsheet shows it.
fn read_csv(bytes: &[u8]) -> Result<Vec<TableRow>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(unreadable(
            "This file is saved as UTF-16 text. Save it as \"CSV UTF-8\" and import it again.",
        ));
    }
    let delimiter = sniff_delimiter(bytes);
    let mut reader = csv_reader(delimiter, bytes);
    let mut rows = Vec::new();
    // Row numbers are counted here from byte offsets rather than taken from the reader: a
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
        let start = consumed;
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
        if record.len() > MAX_COLUMNS {
            return Err(unreadable(format!(
                "Row {row} has {} columns; Murmuration imports at most {}. Is it the right file?",
                thousands(record.len()),
                thousands(MAX_COLUMNS)
            )));
        }
        if end == bytes.len() && quote_left_open(delimiter, &bytes[start..end]) {
            return Err(unclosed_quote(row, record.len(), rows.first()));
        }
        if record.iter().any(|f| f.contains(&b'\n')) {
            if let Some(column) = text_after_closing_quote(delimiter, &bytes[start..end]) {
                return Err(unclosed_quote(row, column, rows.first()));
            }
        }
        let mut cells = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| {
                unreadable(format!(
                    "Row {row}, column {}{} is not UTF-8 text. Save the file as \"CSV UTF-8\" and import it again.",
                    i + 1,
                    header_name(rows.first(), i)
                ))
            })?;
            cells.push(text.trim().to_owned());
        }
        if cells.iter().all(String::is_empty) {
            continue; // a blank line, or a row of empty cells
        }
        if rows.len() > MAX_ROWS {
            return Err(too_many_rows());
        }
        rows.push(TableRow { row, cells });
    }
    Ok(rows)
}

/// The one CSV reader configuration: no header handling (ours finds the header), ragged rows
/// allowed, RFC 4180 quoting with doubled quotes.
fn csv_reader(delimiter: u8, bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes)
}

/// Whether the last record ends inside a quoted cell: read again with a line and one more cell
/// after it, that cell is swallowed into the record only if a quote was left open.
fn quote_left_open(delimiter: u8, last: &[u8]) -> bool {
    let mut probe = last.to_vec();
    probe.extend_from_slice(b"\nend");
    let mut reader = csv_reader(delimiter, &probe);
    let records = reader.byte_records().filter(|r| r.is_ok()).count();
    records < 2
}

/// The column (from 1) of a quoted cell whose closing quote has more text after it: in a record
/// over several lines, the sign of a quote left open that a quote further down closed, every line
/// in between swallowed into one cell. The csv reader accepts it; a spreadsheet never writes it.
fn text_after_closing_quote(delimiter: u8, record: &[u8]) -> Option<usize> {
    let raw: &[u8] = {
        let lead = record
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        &record[lead..]
    };
    let ends_field = |b: u8| b == delimiter || b == b'\r' || b == b'\n';
    let (mut i, mut column) = (0, 1);
    loop {
        if raw.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match (raw.get(i), raw.get(i + 1)) {
                    (None, _) => return None, // open at the end: see quote_left_open
                    (Some(b'"'), Some(b'"')) => i += 2,
                    (Some(b'"'), next) => {
                        if next.is_some_and(|&b| !ends_field(b)) {
                            return Some(column);
                        }
                        i += 1;
                        break;
                    }
                    _ => i += 1,
                }
            }
        }
        while raw.get(i).is_some_and(|&b| !ends_field(b)) {
            i += 1;
        }
        if raw.get(i) != Some(&delimiter) {
            return None;
        }
        i += 1;
        column += 1;
    }
}

fn unclosed_quote(row: u32, columns: usize, header: Option<&TableRow>) -> CoreError {
    unreadable(format!(
        "Row {row}, column {}{}: a quote (\") opens here and is not closed where the cell ends, so the lines after it would be read as one cell. Close the quote (or remove it) and import again.",
        columns,
        header_name(header, columns.saturating_sub(1))
    ))
}

/// " (“Title”)" when the first row names column `i`.
fn header_name(header: Option<&TableRow>, i: usize) -> String {
    header
        .and_then(|h| h.cells.get(i))
        .filter(|h| !h.is_empty())
        .map_or(String::new(), |h| format!(" (“{h}”)"))
}

/// Comma unless the first lines have more semicolons or tabs (spreadsheets in many locales write
/// semicolons). Several lines, so that a title line above the header does not decide.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let lines = bytes
        .split(|&b| b == b'\n')
        .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
        .take(HEADER_SEARCH);
    let (mut commas, mut semis, mut tabs) = (0, 0, 0);
    for line in lines {
        let count = |c: u8| line.iter().filter(|&&b| b == c).count();
        commas += count(b',');
        semis += count(b';');
        tabs += count(b'\t');
    }
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
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
