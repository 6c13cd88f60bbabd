//! The importers on damaged, foreign and extreme files, as a hostile user would try them: nothing
//! is imported silently wrong (an unclosed quote, a title above the header, duplicate relations),
//! nothing aborts (a value in the last cell of a sheet), and every refusal names its row, column
//! or sheet. The spreadsheets are built here, by hand, as the few XML files an XLSX is.

use murmuration_core::error::ErrorKind;
use murmuration_core::import::org_chart::org_chart_from_table;
use murmuration_core::import::relations::{members_from_table, relations_from_table};
use murmuration_core::import::{rows, table, FileFormat, OrgChart};
use murmuration_core::jobs::{self, ListKind};
use murmuration_core::model::*;
use murmuration_core::ops::apply;
use murmuration_core::sample::riverside_unified;
use murmuration_core::store::Document;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::io::Write;

fn csv_chart(text: &str) -> murmuration_core::error::Result<OrgChart> {
    let t = table::read(text.as_bytes(), FileFormat::Csv)?;
    org_chart_from_table(&t, None, "t", |_, _| {})
}

fn names(chart: &OrgChart) -> BTreeSet<String> {
    chart.map.scenarios[0]
        .elements
        .values()
        .filter(|e| e.kind() == ElementKind::Person)
        .map(|e| e.name.clone())
        .collect()
}

// --- item 4: an unclosed quote ---------------------------------------------------------------

#[test]
fn an_unclosed_quote_is_refused_naming_its_row_and_column() {
    let e = csv_chart("Name,Title\nAna,\"Teacher\nBo,Coach\n").unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnreadableFile);
    assert!(
        e.message.starts_with("Row 2, column 2 (“Title”): a quote"),
        "{}",
        e.message
    );
    // A quote closed by the next one swallows the rows in between: refused too.
    let e = csv_chart("Name,Title\nAna,\"Teacher\nBo,Coach\nCy,\"Lead\"\n").unwrap_err();
    assert!(
        e.message.starts_with("Row 2, column 2 (“Title”)"),
        "{}",
        e.message
    );
    // Quoted cells with line breaks, closed, last in the file or not, are fine.
    let chart = csv_chart("Name,Title\nAna,\"Two\nlines\",x\nBo,\"Two\r\n\"\"lines\"\"\"").unwrap();
    assert_eq!(chart.people, 2);
}

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z ]{0,8}[a-z]"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any org chart with quotes left open (each closing the one before it, or none at all) never
    /// imports fewer people than it has without saying so: it is refused, naming the row where the
    /// first quote opened.
    #[test]
    fn an_unclosed_quote_never_imports_fewer_rows_silently(
        people in proptest::collection::btree_map(word(), any::<bool>(), 2..12),
        crlf in any::<bool>(),
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text = format!("Name,Title{end}");
        for (p, quoted) in &people {
            let quote = if *quoted { "\"" } else { "" };
            text.push_str(&format!("{p},{quote}Teacher{end}"));
        }
        let first = people.values().position(|q| *q);
        match (csv_chart(&text), first) {
            (Ok(chart), None) => prop_assert_eq!(chart.people as usize, people.len()),
            (Err(e), Some(k)) => {
                prop_assert_eq!(e.kind, ErrorKind::UnreadableFile);
                let want = format!("Row {}, column 2 (“Title”): a quote", k + 2);
                prop_assert!(e.message.starts_with(&want), "{}", e.message);
            }
            (got, _) => prop_assert!(false, "{:?} for {:?}", got.map(|c| c.people), text),
        }
    }
}

// --- item 5: a title above the header --------------------------------------------------------

const STAFF: &str = "Name,Manager,Department\nAna Ruiz,,Office\nBo Li,Ana Ruiz,Office\n";

fn check_staff(chart: &OrgChart, title_row: u32) {
    assert_eq!(names(chart), ["Ana Ruiz", "Bo Li"].map(String::from).into());
    assert_eq!((chart.offices, chart.reporting_lines), (1, 1));
    let w = &chart.warnings[0];
    assert_eq!(w.row, title_row);
    assert!(w.message.contains("taken as a title"), "{}", w.message);
}

#[test]
fn a_title_line_above_the_header_is_skipped_with_a_warning() {
    let chart = csv_chart(&format!("Riverside Unified staff list\n{STAFF}")).unwrap();
    check_staff(&chart, 1);
    assert!(chart.warnings[0]
        .message
        .starts_with("Row 1 (“Riverside Unified staff list”) is above the header in row 2"));
    // Two title lines, one with a comma, and a blank line.
    let chart = csv_chart(&format!(
        "Staff list,,\n\"Exported May 1, 2024\"\n\n{STAFF}"
    ))
    .unwrap();
    check_staff(&chart, 1);
    assert!(chart.warnings[0].message.starts_with("Rows 1–2"));
    // A header repeated lower down (a page break in an HR export) is not a person.
    let chart = csv_chart(&format!(
        "{STAFF}Name,Manager,Department\nCy Ode,Bo Li,Office\n"
    ))
    .unwrap();
    assert!(!names(&chart).contains("Name"));
    assert_eq!(chart.people, 3);
}

#[test]
fn a_merged_title_row_in_a_spreadsheet_is_skipped() {
    let sheet = format!(
        "{}{}{}{}",
        row(1, &["District staff, 2024"]),
        row(2, &["Name", "Manager", "Department"]),
        row(3, &["Ana Ruiz", "", "Office"]),
        row(4, &["Bo Li", "Ana Ruiz", "Office"]),
    );
    let merged = "<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>";
    let t = table::read(&xlsx(&[("Staff", &sheet, merged)]), FileFormat::Spreadsheet).unwrap();
    let chart = org_chart_from_table(&t, None, "t", |_, _| {}).unwrap();
    check_staff(&chart, 1);
}

#[test]
fn header_problems_are_warned_about() {
    let t = table::read(
        b"Name,Title,name\nAna,Teacher,x\nBo,Coach,,stray\n",
        FileFormat::Csv,
    )
    .unwrap();
    let messages: Vec<&str> = t.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Row 1 names two columns “name” (columns 1 and 3); only column 1 is read.",
            "Row 3 has a value in column 4, which has no header in row 1, so it was not imported."
        ]
    );
}

// --- item 6: duplicates ----------------------------------------------------------------------

fn sample() -> (Map, ScenarioId) {
    let map = riverside_unified();
    let id = map.scenarios[0].id.clone();
    (map, id)
}

#[test]
fn a_flow_or_membership_given_twice_is_added_once() {
    let (map, sc) = sample();
    let csv = "source,target,medium\nLuis Ortega,Dana Kim,funds\nluis ortega,DANA KIM,funds\nLuis Ortega,Dana Kim,ideas\n";
    let t = table::read(csv.as_bytes(), FileFormat::Csv).unwrap();
    let got = relations_from_table(&map, &sc, &t, false, |_, _| {}).unwrap();
    assert_eq!(got.relations, 2, "{:?}", got.warnings);
    assert_eq!(got.warnings.len(), 1);
    assert_eq!(
        got.warnings[0].message,
        "Row 3 repeats a flow of funds from “luis ortega” to “DANA KIM” that is already in row 2. Skipped."
    );
    let mut m = map.clone();
    apply(&mut m, &sc, &got.op).unwrap();
    // The same file again adds nothing: refused, so no undo step is written.
    let e = relations_from_table(&m, &sc, &t, false, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NothingToImport);
    assert!(
        e.message.contains("Row 2 repeats a flow of funds")
            && e.message.contains("already on the map"),
        "{}",
        e.message
    );

    let t = table::read(
        b"member,community\nNadia Cole,Readers\nNadia Cole,Readers\n",
        FileFormat::Csv,
    )
    .unwrap();
    let got = members_from_table(&map, &sc, &t, true, |_, _| {}).unwrap();
    assert_eq!((got.relations, got.created.len()), (1, 2));
    assert_eq!(got.warnings[0].row, 3);
}

#[test]
fn an_import_that_adds_nothing_leaves_no_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.murm");
    Document::create(&path, &riverside_unified()).unwrap();
    let list = dir.path().join("flows.csv");
    std::fs::write(&list, "source,target\nLuis Ortega,Dana Kim\n").unwrap();
    jobs::import_into(ListKind::Relations, &list, &path, false, |_, _| {}).unwrap();
    let before = std::fs::read(&path).unwrap();
    let e = jobs::import_into(ListKind::Relations, &list, &path, false, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NothingToImport);
    assert_eq!(
        before,
        std::fs::read(&path).unwrap(),
        "the map file changed"
    );
    let mut doc = Document::open(&path).unwrap();
    doc.undo().unwrap();
    assert!(!doc.can_undo(), "the empty import left an undo step");
}

fn flow_rows() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
    proptest::collection::vec((0usize..5, 0usize..5, 0usize..3), 1..25)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// However often a flow is repeated, in the file or across imports, it is on the map once.
    #[test]
    fn duplicates_never_inflate_the_relations(rows in flow_rows()) {
        const PEOPLE: [&str; 5] = ["Luis Ortega", "Dana Kim", "Ruth Silva", "Nadia Cole", "Pat Doe"];
        const MEDIA: [&str; 3] = ["funds", "ideas", "feedback"];
        let (map, sc) = sample();
        let mut csv = String::from("source,target,medium\n");
        for (s, t, m) in &rows {
            csv.push_str(&format!("{},{},{}\n", PEOPLE[*s], PEOPLE[*t], MEDIA[*m]));
        }
        let t = table::read(csv.as_bytes(), FileFormat::Csv).unwrap();
        let flows = |m: &Map| -> Vec<(String, String, String)> {
            let s = &m.scenarios[0];
            s.relations.values().filter_map(|r| match &r.details {
                RelationDetails::Flow { medium, .. } => Some((
                    s.elements[&r.source].name.clone(),
                    s.elements[&r.target].name.clone(),
                    format!("{medium:?}"),
                )),
                _ => None,
            }).collect()
        };
        let mut m = map.clone();
        for _ in 0..2 {
            match relations_from_table(&m, &sc, &t, true, |_, _| {}) {
                Ok(got) => { apply(&mut m, &sc, &got.op).unwrap(); }
                Err(e) => prop_assert_eq!(e.kind, ErrorKind::NothingToImport),
            }
        }
        let all = flows(&m);
        let distinct: BTreeSet<_> = all.iter().cloned().collect();
        prop_assert_eq!(all.len(), distinct.len(), "a flow is on the map twice");
        let wanted: BTreeSet<_> = rows.iter().filter(|(s, t, _)| s != t)
            .map(|(s, t, k)| (PEOPLE[*s].to_owned(), PEOPLE[*t].to_owned(), MEDIA[*k]))
            .collect();
        for (s, t, k) in wanted {
            prop_assert!(distinct.iter().any(|(a, b, c)| *a == s && *b == t && c.to_lowercase() == k));
        }
    }
}

// --- item 7 and the size limits ----------------------------------------------------------------

#[test]
fn a_value_in_the_last_cell_of_a_sheet_is_refused_not_an_abort() {
    let sheet = format!(
        "{}{}<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
        row(1, &["Name", "Manager"]),
        row(2, &["Ana Ruiz", ""]),
    );
    let e = table::read(&xlsx(&[("Staff", &sheet, "")]), FileFormat::Spreadsheet).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnreadableFile);
    assert!(
        e.message.starts_with(
            "The sheet “Staff” is too large to import: it spans 1,048,576 rows × 16,384 columns"
        ) && e.message.contains("XFD1048576"),
        "{}",
        e.message
    );
    // Far down but narrow: read, and only the filled rows are kept.
    let sheet = format!(
        "{}{}<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>Bo Li</t></is></c></row>",
        row(1, &["Name", "Manager"]),
        row(2, &["Ana Ruiz", ""]),
    );
    let t = table::read(&xlsx(&[("Staff", &sheet, "")]), FileFormat::Spreadsheet).unwrap();
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1].row, 1_048_576);
}

#[test]
fn names_over_the_limit_are_refused_naming_row_and_column() {
    let long = "x".repeat(MAX_NAME_CHARS + 1);
    let e = csv_chart(&format!("Name,Dept\nAna,Office\n{long},Office\n")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    assert!(
        e.message
            .starts_with("Row 3, column “Name”: the name is 501 characters long"),
        "{}",
        e.message
    );
    let e = csv_chart(&format!("Name,Dept\nAna,{long}\n")).unwrap_err();
    assert!(
        e.message.starts_with("Row 2, column “Dept”"),
        "{}",
        e.message
    );
    let at_limit = "é".repeat(MAX_NAME_CHARS);
    assert_eq!(csv_chart(&format!("Name\n{at_limit}\n")).unwrap().people, 1);
    let (map, sc) = sample();
    let t = table::read(
        format!("source,target\nLuis Ortega,{long}\n").as_bytes(),
        FileFormat::Csv,
    )
    .unwrap();
    let e = relations_from_table(&map, &sc, &t, true, |_, _| {}).unwrap_err();
    assert!(
        e.message.starts_with("Row 2, column “target”"),
        "{}",
        e.message
    );
    // Too many rows: refused, not read into memory to the end.
    let mut tall = String::from("Name,Title\n");
    for i in 0..=rows::MAX_ROWS {
        tall.push_str(&format!("P{i},t\n"));
    }
    let e = table::read(tall.as_bytes(), FileFormat::Csv).unwrap_err();
    assert!(
        e.message
            .starts_with("This file has more than 1,000,000 rows"),
        "{}",
        e.message
    );
    // Too many columns.
    let wide = vec!["c"; 1001].join(",");
    let e = table::read(format!("{wide}\n").as_bytes(), FileFormat::Csv).unwrap_err();
    assert!(
        e.message.starts_with("Row 1 has 1,001 columns"),
        "{}",
        e.message
    );
}

// --- item 17: sheets and dates ---------------------------------------------------------------

#[test]
fn staff_on_a_later_sheet_are_found_and_the_warning_names_the_sheets() {
    let staff = format!(
        "{}{}",
        row(1, &["Name", "Title"]),
        row(2, &["Ana Ruiz", "Teacher"])
    );
    let book = xlsx(&[("Cover", "", ""), ("Staff", &staff, "")]);
    let t = table::read(&book, FileFormat::Spreadsheet).unwrap();
    assert_eq!(t.rows[0].cells, ["Ana Ruiz", "Teacher"]);
    assert_eq!(
        t.warnings[0].message,
        "The sheet “Staff” was imported: “Cover” before it has no table."
    );
    let e = table::read(
        &xlsx(&[("Cover", "", ""), ("Staff", "", "")]),
        FileFormat::Spreadsheet,
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NothingToImport);
    assert_eq!(
        e.message,
        "The spreadsheet is empty: none of its sheets (“Cover”, “Staff”) has anything in it."
    );
}

#[test]
fn a_date_cell_reads_as_a_date_not_a_day_number() {
    // 45413 is 2024-05-01 in Excel's 1900 calendar; style 1 is the built-in short date.
    let sheet = format!(
        "{}<row r=\"2\"><c r=\"A2\" s=\"1\"><v>45413</v></c><c r=\"B2\" s=\"1\"><v>45413.5</v></c></row>",
        row(1, &["Name", "Started"])
    );
    let t = table::read(&xlsx(&[("Staff", &sheet, "")]), FileFormat::Spreadsheet).unwrap();
    assert_eq!(t.rows[0].cells, ["2024-05-01", "2024-05-01 12:00"]);
}

// --- building XLSX files ---------------------------------------------------------------------

/// One row of inline-string cells, from column A.
fn row(r: u32, cells: &[&str]) -> String {
    let mut xml = format!("<row r=\"{r}\">");
    for (i, text) in cells.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        let col = (b'A' + i as u8) as char;
        xml.push_str(&format!(
            "<c r=\"{col}{r}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"
        ));
    }
    xml + "</row>"
}

/// A workbook of `(name, rows, after sheetData)` sheets, with one date style (index 1).
fn xlsx(sheets: &[(&str, &str, &str)]) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let mut files: Vec<(String, String)> = Vec::new();
    let mut types = String::new();
    let mut list = String::new();
    let mut rels = String::new();
    for (i, (name, rows, after)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        list.push_str(&format!(
            "<sheet name=\"{name}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>"
        ));
        rels.push_str(&format!("<Relationship Id=\"rId{n}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"));
        files.push((
            format!("xl/worksheets/sheet{n}.xml"),
            format!("<worksheet xmlns=\"{MAIN}\"><sheetData>{rows}</sheetData>{after}</worksheet>"),
        ));
    }
    files.push(("[Content_Types].xml".into(), format!(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>{types}</Types>"
    )));
    files.push(("_rels/.rels".into(), format!(
        "<Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    )));
    files.push((
        "xl/workbook.xml".into(),
        format!("<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets>{list}</sheets></workbook>"),
    ));
    files.push(("xl/_rels/workbook.xml.rels".into(), format!(
        "<Relationships xmlns=\"{PKG}\">{rels}<Relationship Id=\"rIdS\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>"
    )));
    files.push(("xl/styles.xml".into(), format!(
        "<styleSheet xmlns=\"{MAIN}\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
    )));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
