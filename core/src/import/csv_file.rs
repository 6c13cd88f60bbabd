//! CSV files read into rows: UTF-8 with or without a byte-order mark, LF or CRLF, quoted commas
//! and line breaks, ragged rows, blank lines skipped but counted, cells trimmed; a semicolon- or
//! tab-separated file recognised by its first lines. A quote that is never closed (which would
//! swallow every later row into one cell) is an error naming its row and column.

use super::rows::{
    thousands, too_many_rows, unreadable, TableRow, HEADER_SEARCH, MAX_COLUMNS, MAX_ROWS,
};
use crate::error::{CoreError, Result};

/// Every non-blank record of a CSV file, numbered as a spreadsheet shows it.
pub(super) fn read(bytes: &[u8]) -> Result<Vec<TableRow>> {
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
            cells.push(without_formula_guard(text.trim()).to_owned());
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

/// A cell the CSV export guarded against spreadsheet formulas (`'=…`, see
/// `exchange::csv_cell`) reads back as the text it guarded, so a map exported and imported again
/// keeps its names.
fn without_formula_guard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(crate::exchange::FORMULA_STARTS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_the_export_guarded_reads_back_as_it_was() {
        let rows = super::read(b"Name,Title\n'=HYPERLINK(x),'-lead\n'plain,x\n").expect("reads");
        assert_eq!(rows[1].cells, ["=HYPERLINK(x)", "-lead"]);
        assert_eq!(
            rows[2].cells,
            ["'plain", "x"],
            "an apostrophe before text stays"
        );
    }
}
