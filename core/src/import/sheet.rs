//! Spreadsheets (XLSX, XLSB, XLS, ODS) read into rows (a table is made of them in `table.rs`), through
//! calamine.
//!
//! Why a module of its own: a valid workbook can be hostile. One value in the last cell (XFD1048576)
//! makes calamine's ready-made range allocate every cell in between (half a terabyte), so XLSX and
//! XLSB are read cell by cell and only the filled cells are kept, within [`MAX_ROWS`] and
//! [`MAX_COLUMNS`]. Staff are often on a later sheet than the first, so the first sheet with a
//! table is used (and the warning says which). Dates are written as dates (2024-05-01), not as
//! Excel's day numbers.

use super::rows::{thousands, too_many_rows, unreadable, TableRow, MAX_COLUMNS, MAX_ROWS};
use super::ImportWarning;
use crate::error::{CoreError, ErrorKind, Result};
use calamine::{Data, Reader, Sheets};
use std::collections::BTreeMap;
use std::io::Cursor;

/// The most filled cells kept from one sheet: a table of [`MAX_ROWS`] rows of ten columns.
const MAX_CELLS: usize = 10 * MAX_ROWS;

/// The rows of the first sheet that holds a table, and a warning when that is not the first sheet.
pub(crate) fn read(bytes: &[u8]) -> Result<(Vec<TableRow>, Vec<ImportWarning>)> {
    // calamine can panic on a damaged file (fuzzing found an arithmetic overflow on an absurd cell
    // reference); a damaged file must be an error the user reads, never a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_unguarded(bytes)))
        .unwrap_or_else(|_| {
            Err(unreadable(
                "This spreadsheet is damaged and cannot be read. Open it in a spreadsheet program, save it again and import it again.",
            ))
        })
}

fn read_unguarded(bytes: &[u8]) -> Result<(Vec<TableRow>, Vec<ImportWarning>)> {
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
            unreadable(format!(
                "This file cannot be read as a spreadsheet ({e}). Is it an .xlsx, .xls or .ods file?"
            ))
        })?;
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(unreadable("This spreadsheet has no sheets."));
    }
    // The first sheet with a header and a row; else the first with anything in it.
    let mut fallback = None;
    for (i, name) in names.iter().enumerate() {
        let rows = sheet_rows(&mut book, name)?;
        if rows.len() >= 2 {
            let mut warnings = Vec::new();
            if i > 0 {
                let skipped = quoted(&names[..i]);
                warnings.push(ImportWarning {
                    row: rows[0].row,
                    message: format!(
                        "The sheet “{name}” was imported: {skipped} before it {} no table.",
                        if i == 1 { "has" } else { "have" }
                    ),
                });
            }
            return Ok((rows, warnings));
        }
        if fallback.is_none() && !rows.is_empty() {
            fallback = Some(rows);
        }
    }
    fallback.map(|rows| (rows, Vec::new())).ok_or_else(|| {
        let message = if names.len() == 1 {
            format!(
                "The spreadsheet is empty: its one sheet, “{}”, has nothing in it.",
                names[0]
            )
        } else {
            format!(
                "The spreadsheet is empty: none of its sheets ({}) has anything in it.",
                quoted(&names)
            )
        };
        CoreError::new(ErrorKind::NothingToImport, message)
    })
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The filled cells of one sheet, by row (0-based) then column.
#[derive(Default)]
struct Cells {
    rows: BTreeMap<u32, Vec<(u32, String)>>,
    count: usize,
}

impl Cells {
    fn put(&mut self, sheet: &str, (row, col): (u32, u32), value: &Data) -> Result<()> {
        let text = text_of(value);
        if text.is_empty() {
            return Ok(());
        }
        self.count += 1;
        if self.count > MAX_CELLS {
            return Err(unreadable(format!(
                "The sheet “{sheet}” has more than {} filled cells, more than Murmuration imports at once. Split it into smaller files and import each.",
                thousands(MAX_CELLS)
            )));
        }
        self.rows.entry(row).or_default().push((col, text));
        if self.rows.len() > MAX_ROWS {
            return Err(too_many_rows());
        }
        Ok(())
    }
}

fn sheet_rows(book: &mut Sheets<Cursor<Vec<u8>>>, name: &str) -> Result<Vec<TableRow>> {
    let cant =
        |e: &dyn std::fmt::Display| unreadable(format!("The sheet “{name}” cannot be read ({e})."));
    let mut cells = Cells::default();
    match book {
        // Cell by cell: never the whole rectangle a far-away cell would span.
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(name) {
            Ok(mut reader) => {
                while let Some(c) = reader.next_cell().map_err(|e| cant(&e))? {
                    cells.put(name, c.get_position(), &c.get_value().clone().into())?;
                }
            }
            // A chart sheet has no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => {}
            Err(e) => return Err(cant(&e)),
        },
        Sheets::Xlsb(x) => {
            let mut reader = x.worksheet_cells_reader(name).map_err(|e| cant(&e))?;
            while let Some(c) = reader.next_cell().map_err(|e| cant(&e))? {
                cells.put(name, c.get_position(), &c.get_value().clone().into())?;
            }
        }
        // XLS is at most 65,536 × 256 cells, and calamine caps ODS's repeated rows.
        _ => {
            let range = book.worksheet_range(name).map_err(|e| cant(&e))?;
            let (top, left) = range.start().unwrap_or((0, 0));
            for (r, c, value) in range.used_cells() {
                cells.put(name, (top + r as u32, left + c as u32), value)?;
            }
        }
    }
    into_rows(name, cells)
}

/// The filled cells as rows, columns counted from the leftmost filled one (as calamine's range
/// does); a sheet wider than [`MAX_COLUMNS`] is refused, naming its farthest cell.
fn into_rows(sheet: &str, cells: Cells) -> Result<Vec<TableRow>> {
    let all = || cells.rows.values().flatten().map(|(c, _)| *c);
    let (Some(left), Some(right)) = (all().min(), all().max()) else {
        return Ok(Vec::new());
    };
    let width = (right - left) as usize + 1;
    if width > MAX_COLUMNS {
        let (first, last) = (cells.rows.keys().next(), cells.rows.keys().next_back());
        let (first, last) = (first.copied().unwrap_or(0), last.copied().unwrap_or(0));
        let far = cells
            .rows
            .iter()
            .flat_map(|(r, cs)| cs.iter().map(move |(c, _)| (*c, *r)))
            .max()
            .map_or(String::new(), |(c, r)| cell_name(r, c));
        return Err(unreadable(format!(
            "The sheet “{sheet}” is too large to import: it spans {} rows × {} columns (the limit is {} columns), out to cell {far}. Delete what is outside the table and import again.",
            thousands((last - first) as usize + 1),
            thousands(width),
            thousands(MAX_COLUMNS)
        )));
    }
    Ok(cells
        .rows
        .into_iter()
        .map(|(r, cs)| {
            let len = cs
                .iter()
                .map(|(c, _)| (c - left) as usize + 1)
                .max()
                .unwrap_or(0);
            let mut row = vec![String::new(); len];
            for (c, text) in cs {
                row[(c - left) as usize] = text;
            }
            TableRow {
                row: r.saturating_add(1),
                cells: row,
            }
        })
        .collect())
}

/// "XFD1048576" for the 0-based (1048575, 16383).
fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col as u64 + 1;
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row as u64 + 1)
}

/// A cell as the text a person sees: whole numbers without ".0", dates as dates.
fn text_of(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            match (h, mi, s) {
                (0, 0, 0) => format!("{y:04}-{mo:02}-{day:02}"),
                (h, mi, 0) => format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}"),
                (h, mi, s) => format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}"),
            }
        }
        Data::DateTimeIso(s) => s.trim_end_matches("T00:00:00").trim().to_owned(),
        other => other.to_string().trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }
}
