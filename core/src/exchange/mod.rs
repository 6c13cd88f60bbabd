//! Data exports for other tools: CSV (a pair of files), GraphML (yEd, Cytoscape, networkx) and
//! GEXF (Gephi), each carrying every attribute of every element and relation.
//!
//! Analysts take a map into their own tools to measure it; nothing they need may stay behind.
//! The attribute columns are read off the model's own serialized form (the same names as the JSON
//! format and the inspector), so a new attribute in the model appears in every export without a
//! change here. Kinds with no such attribute leave the cell empty.
//!
//! CSV is written as two files beside each other — `NAME.elements.csv` and `NAME.relations.csv` —
//! see [`csv_paths`]: no zip, so a spreadsheet opens each directly. Every text cell goes through
//! [`csv_cell`], so a name a spreadsheet would run as a formula arrives as text.

mod xml;

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Element, ElementDetails, ElementKind, Map, Relation, RelationDetails, RelationKind, Scenario,
};
use serde_json::Value;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

pub use xml::{gexf, graphml};

/// The columns every element export starts with.
const ELEMENT_FIXED: [&str; 4] = ["id", "name", "kind", "parent"];
/// The columns every relation export starts with.
const RELATION_FIXED: [&str; 4] = ["id", "source", "target", "kind"];
/// Time and street data, last: they are long.
const ANNOTATIONS: [&str; 4] = ["from", "until", "tags", "notes"];

/// What type an attribute has, for formats that declare types (GraphML, GEXF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrType {
    Text,
    Integer,
    Boolean,
}

/// Attributes that hold whole numbers; every other attribute but the flags is text.
const INTEGERS: [&str; 6] = [
    "headcount",
    "established",
    "enrolment",
    "cycle_time_days",
    "volume",
    "step",
];
const BOOLEANS: [&str; 1] = ["checked"];

pub(crate) fn attr_type(name: &str) -> AttrType {
    if INTEGERS.contains(&name) {
        AttrType::Integer
    } else if BOOLEANS.contains(&name) {
        AttrType::Boolean
    } else {
        AttrType::Text
    }
}

/// Attributes the model's serialized form leaves out while they are unset (a rule's owner, the
/// rule a barrier claims, the step a rule governs), so a kind's defaults do not show them: each
/// still gets its column, after the other attributes of its kind.
const WRITTEN_WHEN_SET: [(&str, &str); 3] = [
    ("rule", "owner"),
    ("barrier", "claims"),
    ("governs", "step"),
];

/// The attribute names the details of every kind carry, in kind order, each once.
fn detail_keys(values: impl Iterator<Item = Value>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for value in values {
        if let Value::Object(object) = value {
            let kind = object.get("kind").and_then(Value::as_str).unwrap_or("");
            let unset = WRITTEN_WHEN_SET
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, key)| *key);
            for key in object.keys().map(String::as_str).chain(unset) {
                if key != "kind" && !keys.iter().any(|k| k == key) {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

/// Every element column, in order.
pub(crate) fn element_columns() -> Vec<String> {
    let details = ElementKind::ALL
        .into_iter()
        .map(|k| serde_json::to_value(ElementDetails::default_for(k)).unwrap_or(Value::Null));
    columns(&ELEMENT_FIXED, detail_keys(details))
}

/// Every relation column, in order.
pub(crate) fn relation_columns() -> Vec<String> {
    let details = RelationKind::ALL
        .into_iter()
        .map(|k| serde_json::to_value(RelationDetails::default_for(k)).unwrap_or(Value::Null));
    columns(&RELATION_FIXED, detail_keys(details))
}

fn columns(fixed: &[&str], details: Vec<String>) -> Vec<String> {
    fixed
        .iter()
        .map(|s| (*s).to_owned())
        .chain(details)
        .chain(ANNOTATIONS.iter().map(|s| (*s).to_owned()))
        .collect()
}

/// One element or relation as `column → text`, empty where it has no such attribute.
fn row(value: Value, columns: &[String]) -> Vec<String> {
    let Value::Object(mut object) = value else {
        return vec![String::new(); columns.len()];
    };
    if let Some(Value::Object(span)) = object.remove("span") {
        object.extend(span);
    }
    columns
        .iter()
        .map(|c| object.get(c).map(cell).unwrap_or_default())
        .collect()
}

/// A value as text: strings as they are, lists of words joined with `; `, anything structured
/// (a routine's steps) as compact JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

pub(crate) fn element_row(element: &Element, columns: &[String]) -> Vec<String> {
    row(
        serde_json::to_value(element).unwrap_or(Value::Null),
        columns,
    )
}

pub(crate) fn relation_row(relation: &Relation, columns: &[String]) -> Vec<String> {
    row(
        serde_json::to_value(relation).unwrap_or(Value::Null),
        columns,
    )
}

/// The two CSV files an export to `out` writes. `out` names the pair: `district` or
/// `district.csv` gives `district.elements.csv` and `district.relations.csv`; an existing folder
/// gives `elements.csv` and `relations.csv` inside it.
pub fn csv_paths(out: &Path) -> (PathBuf, PathBuf) {
    if out.is_dir() {
        return (out.join("elements.csv"), out.join("relations.csv"));
    }
    let stem = match out.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("csv") => out.with_extension(""),
        _ => out.to_path_buf(),
    };
    let name = stem
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "map".into());
    (
        stem.with_file_name(format!("{name}.elements.csv")),
        stem.with_file_name(format!("{name}.relations.csv")),
    )
}

/// The elements of `scenario` as CSV: a header row, then one row per element, by id.
pub fn elements_csv(scenario: &Scenario) -> Result<String> {
    let columns = element_columns();
    let rows = scenario.elements.values().map(|e| element_row(e, &columns));
    to_csv(&columns, rows)
}

/// The relations of `scenario` as CSV: a header row, then one row per relation, by id.
pub fn relations_csv(scenario: &Scenario) -> Result<String> {
    let columns = relation_columns();
    let rows = scenario
        .relations
        .values()
        .map(|r| relation_row(r, &columns));
    to_csv(&columns, rows)
}

/// What a spreadsheet reads as the start of a formula: OWASP's list for CSV injection, with the
/// full-width forms some spreadsheets also accept.
pub(crate) const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// One CSV cell of `column`. Text that a spreadsheet would run as a formula (`=HYPERLINK(…)`,
/// `+SUM(…)`, `@…`, `-…`) gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show
/// it as text. Whole numbers and flags the export writes itself (`volume`, `headcount`, `checked`)
/// stay as they are: a spreadsheet should sum them.
pub(crate) fn csv_cell<'a>(column: &str, value: &'a str) -> Cow<'a, str> {
    let text = attr_type(column) == AttrType::Text;
    if text && value.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

fn to_csv(columns: &[String], rows: impl Iterator<Item = Vec<String>>) -> Result<String> {
    let failed = |e: &dyn std::fmt::Display| {
        CoreError::new(ErrorKind::Io, format!("Could not write the CSV ({e})."))
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns).map_err(|e| failed(&e))?;
    for row in rows {
        let cells = columns.iter().zip(&row).map(|(c, v)| csv_cell(c, v));
        writer
            .write_record(cells.map(|c| c.into_owned()))
            .map_err(|e| failed(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| failed(&e))?;
    String::from_utf8(bytes).map_err(|e| failed(&e))
}

/// Writes both CSV files for `out` (see [`csv_paths`]): both whole, or neither.
pub fn write_csv(scenario: &Scenario, out: &Path) -> Result<()> {
    let (elements, relations) = csv_paths(out);
    let element_text = elements_csv(scenario)?;
    let relation_text = relations_csv(scenario)?;
    crate::files::write_all_or_none(&[
        (&elements, element_text.as_bytes()),
        (&relations, relation_text.as_bytes()),
    ])
}

/// A map's scenario chosen for export, for the exchange formats' titles.
pub(crate) fn describe(map: &Map, scenario: &Scenario) -> String {
    format!("{} — {}", map.title, scenario.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_of_every_kind_has_a_column() {
        let columns = element_columns();
        for needed in [
            "stance",
            "established",
            "ring",
            "status",
            "steps",
            "home_base",
            "partner_type",
            "level",
            "owner",
        ] {
            assert!(columns.iter().any(|c| c == needed), "no {needed} column");
        }
        let columns = relation_columns();
        for needed in [
            "medium",
            "direction",
            "volume",
            "mode",
            "role",
            "reason",
            "checked",
            "claims",
            "step",
        ] {
            assert!(columns.iter().any(|c| c == needed), "no {needed} column");
        }
    }

    #[test]
    fn csv_pairs_are_named_from_the_output() {
        let (e, r) = csv_paths(Path::new("/tmp/none/district.csv"));
        assert_eq!(e, Path::new("/tmp/none/district.elements.csv"));
        assert_eq!(r, Path::new("/tmp/none/district.relations.csv"));
        let (e, _) = csv_paths(Path::new("/tmp/none/district"));
        assert_eq!(e, Path::new("/tmp/none/district.elements.csv"));
    }

    #[test]
    fn the_sample_exports_one_row_per_element() {
        let map = crate::sample::riverside_unified();
        let text = elements_csv(&map.scenarios[0]).unwrap();
        assert_eq!(text.lines().count(), map.scenarios[0].elements.len() + 1);
        assert!(text.contains("Teaching & Learning"));
    }
}
