//! The org chart a district already has (an HR export as CSV or a spreadsheet) turned into a new
//! map: one person per row, one office per department with its people inside (each person's
//! position is that office), and a reports-to line from each person to their manager.
//!
//! Columns are found by their headers ("Reports To", "Manager", "Supervisor", "Dept", "E-mail"…;
//! see [`ColumnMapping::guess`]), and a mapping chosen in the import dialog overrides the guess. A manager
//! may be named by name, e-mail or id. What cannot be imported is said with its row number, counting
//! the header as row 1 as a spreadsheet shows it:
//! - warnings (the row is imported, or skipped, and the rest goes on): a manager who is not in the
//!   file, a row without a name, a repeated id or e-mail, someone named as their own manager, and
//!   what reading the file skipped (a title above the header, see [`table`]);
//! - errors (nothing is imported): a reporting cycle (naming its rows), no name column, a mapping
//!   naming a column that is not there, a name longer than [`crate::model::MAX_NAME_CHARS`], an
//!   unreadable file, no rows.

mod columns;

use super::rows::TableRow;
use super::table::{self, Table};
use super::{check_name, span_of, warn, ImportWarning, SpanProblem, DATE_FORMS};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Annotations, Element, ElementDetails, ElementId, ElementKind, Map, Relation, RelationDetails,
    RelationId, Span,
};
pub use columns::ColumnMapping;
use columns::{locate, Columns};
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;
use std::path::Path;

/// What the mapping dialog shows before anything is imported.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportPreview {
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// The first rows (up to [`PREVIEW_ROWS`]).
    pub rows: Vec<TableRow>,
    pub total_rows: u32,
}

/// How many rows [`preview`] shows.
pub const PREVIEW_ROWS: usize = 10;

/// The headers, the guessed mapping and the first rows of an org chart file.
pub fn preview(path: &Path) -> Result<ImportPreview> {
    Ok(preview_table(table::read_file(path)?))
}

/// [`preview`] of a table already read.
pub fn preview_table(table: Table) -> ImportPreview {
    ImportPreview {
        mapping: ColumnMapping::guess(&table.headers),
        total_rows: table.rows.len() as u32,
        rows: table.rows.into_iter().take(PREVIEW_ROWS).collect(),
        headers: table.headers,
    }
}

/// A new map built from an org chart.
#[derive(Debug, Clone, Serialize, Type)]
pub struct OrgChart {
    pub map: Map,
    pub warnings: Vec<ImportWarning>,
    pub people: u32,
    pub offices: u32,
    pub reporting_lines: u32,
}

/// Imports the org chart at `path` (CSV or spreadsheet by extension) into a new map titled after
/// the file. `progress(done, total)` is called every [`PROGRESS_EVERY`] rows and at the end.
pub fn import_org_chart(
    path: &Path,
    mapping: Option<&ColumnMapping>,
    progress: impl FnMut(u32, u32),
) -> Result<OrgChart> {
    let table = table::read_file(path)?;
    let title = path
        .file_stem()
        .map_or("Imported org chart".to_owned(), |s| {
            s.to_string_lossy().into_owned()
        });
    org_chart_from_table(&table, mapping, &title, progress)
}

/// How often the importers report progress, in rows.
pub const PROGRESS_EVERY: u32 = 1000;

/// Case-insensitive, spaces collapsed: how names, e-mails and ids are compared.
fn key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

struct Person {
    row: u32,
    span: Span,
    name: String,
    title: String,
    manager: String,
    department: String,
    email: String,
    id: String,
}

/// Builds the map from a table already read (see [`import_org_chart`]).
pub fn org_chart_from_table(
    table: &Table,
    mapping: Option<&ColumnMapping>,
    title: &str,
    mut progress: impl FnMut(u32, u32),
) -> Result<OrgChart> {
    let mapping = ColumnMapping::resolve(&table.headers, mapping);
    let cols = locate(table, &mapping)?;
    let total = table.rows.len() as u32;
    let mut warnings = table.warnings.clone();
    let people = read_people(table, &mapping, &cols, &mut warnings, &mut progress)?;
    if people.is_empty() {
        return Err(CoreError::new(
            ErrorKind::NothingToImport,
            "The file has no rows with a name to import.",
        ));
    }
    let boss = managers(&people, &mut warnings);
    if let Some(cycle) = find_cycle(&boss) {
        return Err(cycle_error(&people, &cycle));
    }
    let (map, offices, lines) = build_map(title, &people, &boss);
    crate::ops::validate_map(&map)?;
    progress(total, total);
    Ok(OrgChart {
        map,
        warnings,
        people: people.len() as u32,
        offices,
        reporting_lines: lines,
    })
}

/// The rows with a name, as people; a row without one is a warning. A name (or department) too
/// long to import is an error naming its row.
fn read_people(
    table: &Table,
    mapping: &ColumnMapping,
    cols: &Columns,
    warnings: &mut Vec<ImportWarning>,
    progress: &mut impl FnMut(u32, u32),
) -> Result<Vec<Person>> {
    let total = table.rows.len() as u32;
    let cell = |r: &TableRow, c: Option<usize>| -> String {
        c.and_then(|c| r.cells.get(c)).cloned().unwrap_or_default()
    };
    let name_column = match (&mapping.name, &mapping.first_name, &mapping.last_name) {
        (Some(n), _, _) => n.clone(),
        (None, first, last) => [first, last]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" + "),
    };
    let mut people: Vec<Person> = Vec::with_capacity(table.rows.len());
    for (i, r) in table.rows.iter().enumerate() {
        let name = match cols.name {
            Some(c) => cell(r, Some(c)),
            None => [cell(r, cols.first), cell(r, cols.last)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        };
        if name.is_empty() {
            warnings.push(warn(r.row, "has no name, so it was skipped."));
        } else {
            check_name(r.row, &name_column, &name)?;
            if let Some(dept) = &mapping.department {
                check_name(r.row, dept, &cell(r, cols.department))?;
            }
            let span = dated(r, cols, table, warnings);
            people.push(Person {
                row: r.row,
                span,
                name,
                title: cell(r, cols.title),
                manager: cell(r, cols.manager),
                department: cell(r, cols.department),
                email: cell(r, cols.email),
                id: cell(r, cols.id),
            });
        }
        if (i as u32 + 1).is_multiple_of(PROGRESS_EVERY) {
            progress(i as u32 + 1, total);
        }
    }
    Ok(people)
}

/// A row's `from` and `until` cells as the person's span; a cell that is not a date, or an end
/// before the start, is a warning and the person is imported without those dates.
fn dated(r: &TableRow, cols: &Columns, table: &Table, warnings: &mut Vec<ImportWarning>) -> Span {
    let cell = |c: Option<usize>| c.and_then(|c| r.cells.get(c)).map(String::as_str);
    let header = |c: Option<usize>| c.map(|c| table.headers[c].as_str()).unwrap_or_default();
    let (from, until) = (cell(cols.from), cell(cols.until));
    match span_of(from, until) {
        Ok(span) => span,
        Err(problem) => {
            let what = match problem {
                SpanProblem::From => format!("has “{}” in “{}”, which is not a date ({DATE_FORMS}); imported without its dates.", from.unwrap_or_default(), header(cols.from)),
                SpanProblem::Until => format!("has “{}” in “{}”, which is not a date ({DATE_FORMS}); imported without its dates.", until.unwrap_or_default(), header(cols.until)),
                SpanProblem::Order => format!("ends ({}) before it begins ({}); imported without its dates.", until.unwrap_or_default(), from.unwrap_or_default()),
            };
            warnings.push(warn(r.row, &what));
            Span::default()
        }
    }
}

/// Each person's manager, by index, where the file names one that can be found; what cannot be
/// found (or is the person themself) is a warning.
fn managers(people: &[Person], warnings: &mut Vec<ImportWarning>) -> Vec<Option<usize>> {
    // Who can be named as a manager: by id, then e-mail, then name. The first row wins a repeated
    // id or e-mail; a name shared by two people cannot name a manager.
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_email: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        for (value, index, what) in [
            (&p.id, &mut by_id, "id"),
            (&p.email, &mut by_email, "e-mail"),
        ] {
            if value.is_empty() {
                continue;
            }
            match index.get(&key(value)) {
                Some(&first) => warnings.push(warn(
                    p.row,
                    &format!(
                        "repeats the {what} “{value}” of row {}; managers named by it mean row {}.",
                        people[first].row, people[first].row
                    ),
                )),
                None => {
                    index.insert(key(value), i);
                }
            }
        }
        by_name.entry(key(&p.name)).or_default().push(i);
    }
    let mut boss: Vec<Option<usize>> = vec![None; people.len()];
    for (i, p) in people.iter().enumerate() {
        if p.manager.is_empty() {
            continue;
        }
        let k = key(&p.manager);
        let found = by_id
            .get(&k)
            .or_else(|| by_email.get(&k))
            .copied()
            .or_else(|| match by_name.get(&k).map(Vec::as_slice) {
                Some([only]) => Some(*only),
                _ => None,
            });
        match found {
            Some(b) if b == i => warnings.push(warn(
                p.row,
                &format!("names {} as their own manager; no reporting line.", p.name),
            )),
            Some(b) => boss[i] = Some(b),
            None => {
                let why = if by_name.get(&k).is_some_and(|v| v.len() > 1) {
                    let rows: Vec<String> = by_name[&k]
                        .iter()
                        .map(|&j| people[j].row.to_string())
                        .collect();
                    format!(
                        "names the manager “{}”, but rows {} share that name; imported without a reporting line.",
                        p.manager,
                        rows.join(", ")
                    )
                } else {
                    format!(
                        "names the manager “{}”, who is not in the file; imported without a reporting line.",
                        p.manager
                    )
                };
                warnings.push(warn(p.row, &why));
            }
        }
    }
    boss
}

/// The error for a reporting cycle, naming its rows in order round the circle.
fn cycle_error(people: &[Person], cycle: &[usize]) -> CoreError {
    let steps: Vec<String> = cycle
        .iter()
        .map(|&i| format!("row {} ({})", people[i].row, people[i].name))
        .collect();
    let mut words = format!("{} reports to ", steps[0]);
    for step in &steps[1..] {
        words.push_str(&format!("{step}, who reports to "));
    }
    words.push_str(&steps[0]);
    CoreError::new(
        ErrorKind::ReportsToCycle,
        format!(
            "The reporting lines go round in a circle: {words}. Fix one of these rows and import again."
        ),
    )
}

/// The map: offices first (one per department, first spelling wins), then people, then lines.
/// Returns it with how many offices and reporting lines it has.
fn build_map(title: &str, people: &[Person], boss: &[Option<usize>]) -> (Map, u32, u32) {
    let mut map = Map::new(title);
    let sc = &mut map.scenarios[0];
    let mut offices: HashMap<String, ElementId> = HashMap::new();
    let mut ids: Vec<ElementId> = Vec::with_capacity(people.len());
    for p in people {
        let office = (!p.department.is_empty()).then(|| {
            offices
                .entry(key(&p.department))
                .or_insert_with(|| {
                    let id = ElementId::new();
                    sc.elements.insert(
                        id.clone(),
                        Element {
                            id: id.clone(),
                            name: p.department.clone(),
                            parent: None,
                            details: ElementDetails::default_for(ElementKind::Office),
                            annotations: Annotations::default(),
                        },
                    );
                    id
                })
                .clone()
        });
        let id = ElementId::new();
        let mut notes = Vec::new();
        if !p.email.is_empty() {
            notes.push(format!("E-mail: {}", p.email));
        }
        if !p.id.is_empty() {
            notes.push(format!("Id: {}", p.id));
        }
        sc.elements.insert(
            id.clone(),
            Element {
                id: id.clone(),
                name: p.name.clone(),
                parent: office.clone(),
                details: ElementDetails::Person {
                    title: p.title.clone(),
                    position: office,
                    home_base: None,
                },
                annotations: Annotations {
                    notes: notes.join("\n"),
                    span: p.span.clone(),
                    ..Annotations::default()
                },
            },
        );
        ids.push(id);
    }
    let mut lines = 0;
    for (i, b) in boss.iter().enumerate() {
        if let Some(b) = *b {
            let id = RelationId::new();
            sc.relations.insert(
                id.clone(),
                Relation {
                    id,
                    source: ids[i].clone(),
                    target: ids[b].clone(),
                    details: RelationDetails::ReportsTo,
                    annotations: Annotations::default(),
                },
            );
            lines += 1;
        }
    }
    let offices = offices.len() as u32;
    (map, offices, lines)
}

/// A cycle in the "reports to" function, if any, as the indices around it starting from the
/// earliest row.
fn find_cycle(boss: &[Option<usize>]) -> Option<Vec<usize>> {
    // 0: not seen, 1: on the current walk, 2: done.
    let mut state = vec![0u8; boss.len()];
    for start in 0..boss.len() {
        let mut path = Vec::new();
        let mut v = Some(start);
        while let Some(x) = v {
            match state[x] {
                2 => break,
                1 => {
                    let at = path.iter().position(|&p| p == x).expect("on the walk");
                    let mut cycle: Vec<usize> = path[at..].to_vec();
                    let min = (0..cycle.len())
                        .min_by_key(|&i| cycle[i])
                        .expect("not empty");
                    cycle.rotate_left(min);
                    return Some(cycle);
                }
                _ => {
                    state[x] = 1;
                    path.push(x);
                    v = boss[x];
                }
            }
        }
        for p in path {
            state[p] = 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_found_from_their_earliest_row() {
        assert_eq!(
            find_cycle(&[Some(1), Some(2), Some(1), None]),
            Some(vec![1, 2])
        );
        assert_eq!(find_cycle(&[None, Some(0), Some(0)]), None);
    }
}
