//! The importers on realistic files (core/tests/fixtures/import/, made by make_fixtures.py there):
//! a 40-person district org chart as CSV (BOM, CRLF, a blank line, quoted commas, trailing spaces)
//! and as XLSX, survey edge lists and member lists into the sample; and every malformed case giving
//! its row-numbered error and producing nothing.

use murmuration_core::error::ErrorKind;
use murmuration_core::import::org_chart::{org_chart_from_table, preview_table};
use murmuration_core::import::relations::{members_from_table, relations_from_table};
use murmuration_core::import::{
    import_members, import_org_chart, import_relations, preview, table, ColumnMapping, FileFormat,
    OrgChart,
};
use murmuration_core::model::*;
use murmuration_core::ops::{apply, Op};
use murmuration_core::sample::riverside_unified;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn by_name(chart: &OrgChart) -> BTreeMap<String, &Element> {
    chart.map.scenarios[0]
        .elements
        .values()
        .map(|e| (e.name.clone(), e))
        .collect()
}

/// The name of the boss each person reports to.
fn bosses(chart: &OrgChart) -> BTreeMap<String, String> {
    let sc = &chart.map.scenarios[0];
    sc.relations
        .values()
        .filter(|r| r.kind() == RelationKind::ReportsTo)
        .map(|r| {
            (
                sc.elements[&r.source].name.clone(),
                sc.elements[&r.target].name.clone(),
            )
        })
        .collect()
}

fn check_district(chart: &OrgChart) {
    murmuration_core::ops::validate_map(&chart.map).unwrap();
    assert_eq!(chart.people, 40);
    assert_eq!(chart.offices, 8);
    // Everyone but the superintendent and the grant writer (whose manager left) has a line.
    assert_eq!(chart.reporting_lines, 38);
    let names = by_name(chart);
    let priya = names["Priya Raman"];
    let tl = names["Teaching & Learning"];
    assert_eq!(tl.kind(), ElementKind::Office);
    assert_eq!(priya.parent.as_ref(), Some(&tl.id));
    match &priya.details {
        ElementDetails::Person {
            title, position, ..
        } => {
            assert_eq!(title, "Science Specialist");
            assert_eq!(position.as_ref(), Some(&tl.id));
        }
        other => panic!("not a person: {other:?}"),
    }
    let b = bosses(chart);
    assert_eq!(b["Priya Raman"], "James Whitfield"); // by name
    assert_eq!(b["Tom Becker"], "James Whitfield"); // by e-mail
    assert_eq!(b["Denise Park"], "Kevin O'Brien"); // by id
    assert_eq!(b["Marcus Hill"], "Angela Brooks"); // by id
    assert!(!b.contains_key("Maria Alvarez"));
    assert!(!b.contains_key("Paul Richter"));
    // Titles with quoted commas arrive whole; trailing spaces are gone.
    assert!(names.contains_key("Kevin O'Brien"));
    match &names["Helen Wright"].details {
        ElementDetails::Person { title, .. } => assert_eq!(title, "Director, Human Resources"),
        _ => unreachable!(),
    }
    assert!(names.keys().all(|n| n.trim() == n));
}

#[test]
fn a_district_org_chart_csv_becomes_a_map() {
    let mut calls = Vec::new();
    let chart = import_org_chart(&fixture("org_chart_district.csv"), None, |done, total| {
        calls.push((done, total))
    })
    .unwrap();
    check_district(&chart);
    assert_eq!(chart.map.title, "org_chart_district");
    // The one warning: the grant writer's manager is not in the file. TableRow 42: header is row 1, a
    // blank line is row 12, and Paul Richter is the 40th person.
    assert_eq!(chart.warnings.len(), 1, "{:?}", chart.warnings);
    let w = &chart.warnings[0];
    assert_eq!(w.row, 42);
    assert_eq!(
        w.message,
        "Row 42 names the manager “Janet Doyle”, who is not in the file; imported without a reporting line."
    );
    assert_eq!(calls.last(), Some(&(40, 40)));
}

#[test]
fn the_same_org_chart_as_xlsx_with_first_and_last_names() {
    let chart = import_org_chart(&fixture("org_chart_district.xlsx"), None, |_, _| {}).unwrap();
    check_district(&chart);
    assert_eq!(chart.warnings.len(), 1);
    assert_eq!(chart.warnings[0].row, 41); // no blank line in the spreadsheet
}

#[test]
fn preview_shows_headers_guess_and_first_rows() {
    let p = preview(&fixture("org_chart_district.csv")).unwrap();
    assert_eq!(
        p.headers,
        [
            "Employee ID",
            "Full Name",
            "Job Title",
            "Dept",
            "Reports To",
            "Email"
        ]
    );
    assert_eq!(p.mapping.name.as_deref(), Some("Full Name"));
    assert_eq!(p.mapping.reports_to.as_deref(), Some("Reports To"));
    assert_eq!(p.mapping.department.as_deref(), Some("Dept"));
    assert_eq!(p.mapping.id.as_deref(), Some("Employee ID"));
    assert_eq!(p.mapping.email.as_deref(), Some("Email"));
    assert_eq!(p.mapping.title.as_deref(), Some("Job Title"));
    assert_eq!(p.total_rows, 40);
    assert_eq!(p.rows.len(), 10);
    assert_eq!(p.rows[0].row, 2);
    assert_eq!(p.rows[0].cells[1], "Maria Alvarez");

    let x = preview(&fixture("org_chart_district.xlsx")).unwrap();
    assert_eq!(x.mapping.first_name.as_deref(), Some("First Name"));
    assert_eq!(x.mapping.reports_to.as_deref(), Some("Supervisor"));
    assert_eq!(x.mapping.id.as_deref(), Some("Staff ID"));
    assert_eq!(x.rows[0].cells[0], "1001", "whole numbers without .0");
}

#[test]
fn an_explicit_mapping_overrides_the_guess() {
    // Map the department column to nothing: everyone is imported without an office.
    let m = ColumnMapping::parse("department=,reports_to=Reports To").unwrap();
    let chart = import_org_chart(&fixture("org_chart_district.csv"), Some(&m), |_, _| {}).unwrap();
    assert_eq!(chart.offices, 0);
    assert_eq!(chart.reporting_lines, 38);
    // A mapping naming a column the file does not have is an error, and nothing is produced.
    let m = ColumnMapping::parse("name=Nom").unwrap();
    let e = import_org_chart(&fixture("org_chart_district.csv"), Some(&m), |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::MissingColumn);
    assert!(e.message.contains("“Nom”"), "{}", e.message);
}

#[test]
fn a_reporting_cycle_names_its_rows_and_imports_nothing() {
    let e = import_org_chart(&fixture("org_chart_cycle.csv"), None, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::ReportsToCycle);
    assert_eq!(
        e.message,
        "The reporting lines go round in a circle: row 3 (Bo Li) reports to row 4 (Cy Ode), who \
         reports to row 5 (Di Fry), who reports to row 3 (Bo Li). Fix one of these rows and import again."
    );
    let e = import_org_chart(&fixture("org_chart_cycle.xlsx"), None, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::ReportsToCycle);
    assert!(e.message.contains("row 2 (Ana Ruiz)") && e.message.contains("row 3 (Bo Li)"));
}

#[test]
fn a_missing_name_column_imports_nothing() {
    let e = import_org_chart(&fixture("org_chart_no_name.csv"), None, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::MissingColumn);
    assert!(
        e.message
            .starts_with("No column holds people's names (row 1 has: Title, Manager, Department)"),
        "{}",
        e.message
    );
}

#[test]
fn unreadable_files_say_where() {
    let e = import_org_chart(&fixture("org_chart_bad_text.csv"), None, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnreadableFile);
    assert!(
        e.message
            .starts_with("Row 4, column 1 (“Name”) is not UTF-8 text"),
        "{}",
        e.message
    );
    let e = import_org_chart(
        &fixture("org_chart_not_a_spreadsheet.xlsx"),
        None,
        |_, _| {},
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnreadableFile);
    // Found by fuzzing: a cell reference that overflows calamine's arithmetic. An error, not a crash.
    let e = import_org_chart(&fixture("fuzz_calamine_overflow.xlsx"), None, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnreadableFile);
    let e = import_org_chart(&fixture("org_chart_header_only.csv"), None, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NothingToImport);
    let e = import_org_chart(&fixture("no_such_file.csv"), None, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Io);
}

#[test]
fn warnings_for_rows_without_names_repeats_and_self_management() {
    let csv = "Name,Manager,Id\n\
               Ana Ruiz,,A1\n\
               ,Ana Ruiz,A2\n\
               Bo Li,Bo Li,A3\n\
               Cy Ode,A1,A1\n\
               Di Fry,Ed Yu,A4\n\
               Ed Yu,Ana Ruiz,A5\n";
    let t = table::read(csv.as_bytes(), FileFormat::Csv).unwrap();
    let chart = org_chart_from_table(&t, None, "t", |_, _| {}).unwrap();
    let rows: Vec<u32> = chart.warnings.iter().map(|w| w.row).collect();
    assert_eq!(rows, [3, 5, 4], "{:?}", chart.warnings);
    assert!(chart.warnings[0].message.contains("has no name"));
    assert!(chart.warnings[1]
        .message
        .contains("repeats the id “A1” of row 2"));
    assert!(chart.warnings[2].message.contains("own manager"));
    let b = bosses(&chart);
    assert_eq!(b["Cy Ode"], "Ana Ruiz");
    assert_eq!(b["Di Fry"], "Ed Yu", "a manager later in the file");
    assert_eq!(chart.people, 5);
}

#[test]
fn a_large_org_chart_reports_progress() {
    let mut csv = String::from("Name,Manager,Department\n");
    for i in 0..5000 {
        let boss = if i == 0 {
            String::new()
        } else {
            format!("P{}", (i - 1) / 5)
        };
        csv.push_str(&format!("P{i},{boss},D{}\n", i % 40));
    }
    let t = table::read(csv.as_bytes(), FileFormat::Csv).unwrap();
    let mut calls = Vec::new();
    let chart = org_chart_from_table(&t, None, "big", |d, t| calls.push((d, t))).unwrap();
    assert_eq!(
        (chart.people, chart.offices, chart.reporting_lines),
        (5000, 40, 4999)
    );
    assert_eq!(calls.first(), Some(&(1000, 5000)));
    assert_eq!(calls.last(), Some(&(5000, 5000)));
    assert!(chart.warnings.is_empty());
}

// --- relations and members into the sample --------------------------------------------------------

fn sample() -> (Map, ScenarioId) {
    let map = riverside_unified();
    let id = map.scenarios[0].id.clone();
    (map, id)
}

fn connects(op: &Op) -> Vec<&Relation> {
    match op {
        Op::Batch { ops } => ops
            .iter()
            .filter_map(|o| match o {
                Op::Connect { relation } => Some(relation),
                _ => None,
            })
            .collect(),
        _ => panic!("not a batch"),
    }
}

#[test]
fn an_edge_list_becomes_one_batch_that_applies_and_undoes() {
    let (map, sc) = sample();
    let got = import_relations(&map, &sc, &fixture("survey_edges.csv"), true, |_, _| {}).unwrap();
    assert_eq!(got.relations, 5);
    assert_eq!(got.created.len(), 1, "Nadia Cole is created");
    assert_eq!(got.warnings.len(), 1);
    assert_eq!(got.warnings[0].row, 7);
    let rels = connects(&got.op);
    let first = rels[0];
    assert_eq!(first.source.0, "pathway-coach-1");
    assert_eq!(first.target.0, "science-specialist");
    assert_eq!(
        first.details,
        RelationDetails::Flow {
            medium: Medium::Ideas,
            direction: Direction::Both,
            volume: 4,
            cadence: String::new(),
            mode: FlowMode::Support
        }
    );
    // Defaults: volume 3, one way; ids as well as names.
    assert!(matches!(
        rels[2].details,
        RelationDetails::Flow {
            volume: 3,
            direction: Direction::OneWay,
            ..
        }
    ));
    assert_eq!(
        (rels[4].source.0.as_str(), rels[4].target.0.as_str()),
        ("legal", "procurement")
    );
    // Applied through the normal path, then undone by its inverse.
    let mut m = map.clone();
    let applied = apply(&mut m, &sc, &got.op).unwrap();
    assert_eq!(
        m.scenarios[0].relations.len(),
        map.scenarios[0].relations.len() + 5
    );
    apply(&mut m, &sc, &applied.inverse).unwrap();
    assert_eq!(m, map);
}

#[test]
fn unknown_names_are_reported_when_not_created() {
    let (map, sc) = sample();
    let got = import_relations(&map, &sc, &fixture("survey_edges.csv"), false, |_, _| {}).unwrap();
    assert_eq!(got.relations, 4);
    assert!(got.created.is_empty());
    let rows: Vec<u32> = got.warnings.iter().map(|w| w.row).collect();
    assert_eq!(rows, [5, 7]);
    assert_eq!(
        got.warnings[0].message,
        "Row 5 nothing on the map is called “Nadia Cole”. Skipped."
    );
}

#[test]
fn a_bad_volume_or_medium_names_row_and_column_and_imports_nothing() {
    let (map, sc) = sample();
    let e = import_relations(
        &map,
        &sc,
        &fixture("survey_bad_volume.csv"),
        true,
        |_, _| {},
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    assert_eq!(
        e.message,
        "Row 4, column “volume”: “9” is not a volume from 1 to 5."
    );
    let e = import_relations(
        &map,
        &sc,
        &fixture("survey_bad_medium.csv"),
        true,
        |_, _| {},
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    assert!(e.message.starts_with("Row 2, column “medium”: “gossip”"));
    // No source column at all.
    let t = table::read(b"a,b\nx,y\n", FileFormat::Csv).unwrap();
    let e = relations_from_table(&map, &sc, &t, true, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::MissingColumn);
}

#[test]
fn a_member_list_creates_people_and_communities_and_skips_offices() {
    let (map, sc) = sample();
    let got = import_members(&map, &sc, &fixture("members.csv"), true, |_, _| {}).unwrap();
    assert_eq!(got.relations, 3);
    assert_eq!(got.created.len(), 2);
    assert_eq!(got.warnings.len(), 1);
    assert_eq!(got.warnings[0].row, 5);
    assert!(got.warnings[0]
        .message
        .contains("an office, not a community"));
    let mut m = map.clone();
    apply(&mut m, &sc, &got.op).unwrap();
    let s = &m.scenarios[0];
    let circle = s
        .elements
        .values()
        .find(|e| e.name == "Science Teachers Circle")
        .unwrap();
    assert_eq!(circle.kind(), ElementKind::Community);
    let nadia = s
        .elements
        .values()
        .find(|e| e.name == "Nadia Cole")
        .unwrap();
    assert_eq!(nadia.kind(), ElementKind::Person);
    let roles: BTreeSet<String> = connects(&got.op)
        .iter()
        .map(|r| format!("{:?}", r.details))
        .collect();
    assert!(roles.iter().any(|r| r.contains("Core")));
    assert!(roles.iter().any(|r| r.contains("Peripheral")));
    // The lenses see the new home bases.
    let before = murmuration_core::analysis::analyze(&map, &sc)
        .home_base
        .with_home_base;
    let after = murmuration_core::analysis::analyze(&m, &sc)
        .home_base
        .with_home_base;
    assert!(after > before);
}

#[test]
fn member_and_relation_tables_from_bytes() {
    let (map, sc) = sample();
    let t = table::read(
        b"Person;Group\nDana Kim;Graduate Capstone\n",
        FileFormat::Csv,
    )
    .unwrap();
    let got = members_from_table(&map, &sc, &t, false, |_, _| {}).unwrap();
    assert_eq!(got.relations, 1);
    let e = members_from_table(&map, &ScenarioId("nope".into()), &t, false, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownScenario);
    let p = preview_table(t);
    assert_eq!(p.total_rows, 1);
}

// --- dates -----------------------------------------------------------------------------------------

#[test]
fn an_org_chart_may_date_its_people_and_a_bad_date_is_a_row_warning() {
    let csv = "Name,Manager,Start date,End date\n\
               Ana Ruiz,,2015,\n\
               Bo Li,Ana Ruiz,2020-09,2021-06\n\
               Cy Ode,Ana Ruiz,spring 2021,\n\
               Di Fry,Ana Ruiz,2022,2021\n";
    let t = table::read(csv.as_bytes(), FileFormat::Csv).unwrap();
    let chart = org_chart_from_table(&t, None, "t", |_, _| {}).unwrap();
    assert_eq!(chart.people, 4, "every row imported");
    let people = by_name(&chart);
    let span = |name: &str| {
        let s = &people[name].annotations.span;
        (
            s.from.as_deref().map(str::to_owned),
            s.until.as_deref().map(str::to_owned),
        )
    };
    assert_eq!(span("Ana Ruiz"), (Some("2015".into()), None));
    assert_eq!(
        span("Bo Li"),
        (Some("2020-09".into()), Some("2021-06".into()))
    );
    assert_eq!(span("Cy Ode"), (None, None));
    assert_eq!(span("Di Fry"), (None, None));
    let rows: Vec<u32> = chart.warnings.iter().map(|w| w.row).collect();
    assert_eq!(rows, [4, 5], "{:?}", chart.warnings);
    assert!(chart.warnings[0]
        .message
        .contains("“spring 2021” in “Start date”"));
    assert!(chart.warnings[0].message.contains("2021-04-15"));
    assert!(chart.warnings[1]
        .message
        .contains("ends (2021) before it begins (2022)"));
}

#[test]
fn relation_and_member_lists_may_date_their_rows_and_a_bad_date_imports_nothing() {
    let (map, sc) = sample();
    let edges = "source,target,medium,from,until\n\
                 Priya Raman,Hannah Reyes,ideas,2020-09,2021-06\n\
                 Priya Raman,Sam Okafor,ideas,,\n";
    let t = table::read(edges.as_bytes(), FileFormat::Csv).unwrap();
    let got = relations_from_table(&map, &sc, &t, true, |_, _| {}).unwrap();
    let spans: Vec<Span> = connects(&got.op)
        .iter()
        .map(|r| r.annotations.span.clone())
        .collect();
    assert_eq!(spans[0].from.as_deref(), Some("2020-09"));
    assert_eq!(spans[0].until.as_deref(), Some("2021-06"));
    assert_eq!(spans[1], Span::default());

    // Ends headed from/to: the start column is "since".
    let ends = "from,to,since,end\nPriya Raman,Hannah Reyes,2019,2018\n";
    let t = table::read(ends.as_bytes(), FileFormat::Csv).unwrap();
    let e = relations_from_table(&map, &sc, &t, true, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    assert!(
        e.message
            .starts_with("Row 2, column “end”: “2018” ends before"),
        "{}",
        e.message
    );

    let members = "member,community,from\nPriya Raman,Graduate Capstone,2021-02-30\n";
    let t = table::read(members.as_bytes(), FileFormat::Csv).unwrap();
    let e = members_from_table(&map, &sc, &t, true, |_, _| {}).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    assert_eq!(
        e.message,
        "Row 2, column “from”: “2021-02-30” is not a date: write a year (2021), a month (2021-04) or a day (2021-04-15)."
    );
    let members = "member,community,from\nPriya Raman,Graduate Capstone,2021-02\n";
    let t = table::read(members.as_bytes(), FileFormat::Csv).unwrap();
    let got = members_from_table(&map, &sc, &t, true, |_, _| {}).unwrap();
    assert_eq!(
        connects(&got.op)[0].annotations.span.from.as_deref(),
        Some("2021-02")
    );
}
