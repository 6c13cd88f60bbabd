//! Importers: bring a district in from the files it already has — an org chart exported from HR as
//! CSV or a spreadsheet ([`org_chart`]), survey edge lists and member lists ([`relations`]) — with
//! the row numbers a person needs to fix their file.
//!
//! Every file is first read into a plain [`table::Table`] (CSV and spreadsheets alike, the header
//! found below any title line, within size limits), so the importers and their rules are the same
//! whatever the format. An org chart becomes a new map; edge
//! lists and member lists become one [`crate::ops::Op::Batch`] for the shell to apply (atomic, one
//! undo). Problems that leave the rest importable are [`ImportWarning`]s with their row; problems that
//! would make the result wrong are a [`crate::error::CoreError`] and nothing is produced.

mod csv_file;
pub mod org_chart;
pub mod relations;
pub mod rows;
mod sheet;
pub mod table;

pub use org_chart::{import_org_chart, preview, ColumnMapping, ImportPreview, OrgChart};
pub use relations::{import_members, import_relations, BatchImport};
pub use rows::TableRow;
pub use table::{FileFormat, Table};

use crate::model::{Date, Span, MAX_NAME_CHARS};
use serde::Serialize;
use specta::Type;

/// Something the import skipped or worked around, with the row it is about (as a spreadsheet
/// numbers it, the header being row 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportWarning {
    pub row: u32,
    /// "Row 7 names the manager “Pat Doe”, who is not in the file; …"
    pub message: String,
}

pub(crate) fn warn(row: u32, what: &str) -> ImportWarning {
    ImportWarning {
        row,
        message: format!("Row {row} {what}"),
    }
}

/// Refuses a name longer than [`MAX_NAME_CHARS`], naming the row and column.
pub(crate) fn check_name(row: u32, column: &str, name: &str) -> crate::error::Result<()> {
    let chars = name.chars().count();
    if chars <= MAX_NAME_CHARS {
        return Ok(());
    }
    Err(crate::error::CoreError::new(
        crate::error::ErrorKind::InvalidValue,
        format!(
            "Row {row}, column “{column}”: the name is {} characters long; a name can have at most {MAX_NAME_CHARS}.",
            rows::thousands(chars)
        ),
    ))
}

/// How a date cell must be written, for the messages about one that is not.
pub(crate) const DATE_FORMS: &str = "write a year (2021), a month (2021-04) or a day (2021-04-15)";

/// A row's span from its `from` and `until` cells (either may be absent or empty): `Err` names the
/// column whose cell is not a date, or the `until` that ends before `from` begins.
pub(crate) fn span_of(
    from: Option<&str>,
    until: Option<&str>,
) -> std::result::Result<Span, SpanProblem> {
    let date = |cell: Option<&str>, problem: SpanProblem| match cell
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        None => Ok(None),
        Some(text) => {
            let date = Date::from(text);
            date.bounds().map(|_| Some(date)).ok_or(problem)
        }
    };
    let span = Span {
        from: date(from, SpanProblem::From)?,
        until: date(until, SpanProblem::Until)?,
    };
    match (
        span.from.as_ref().and_then(|d| d.bounds()),
        span.until.as_ref().and_then(|d| d.bounds()),
    ) {
        (Some((first, _)), Some((_, last))) if last < first => Err(SpanProblem::Order),
        _ => Ok(span),
    }
}

/// What is wrong with a row's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanProblem {
    From,
    Until,
    Order,
}
