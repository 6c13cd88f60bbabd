//! Data exports read back: CSV by the csv crate, GraphML and GEXF by networkx (through
//! `scripts/check-exports.py`) when python3 and networkx are installed.

use murmuration_core::exchange::{
    csv_paths, elements_csv, gexf, graphml, relations_csv, write_csv,
};
use murmuration_core::model::View;
use murmuration_core::render::{export_to_file, ExportKind, PageSize, PageSpec};
use murmuration_core::sample::riverside_unified;
use murmuration_core::synthetic::synthetic_map;
use std::path::Path;
use std::process::Command;

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_has_a_row_per_element_and_relation_with_their_attributes() {
    let map = riverside_unified();
    let scenario = &map.scenarios[0];
    let (header, rows) = read_csv(&elements_csv(scenario).expect("csv"));
    assert_eq!(rows.len(), scenario.elements.len());
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let legal = rows.iter().find(|r| r[0] == "legal").expect("legal row");
    assert_eq!(legal[column("kind")], "office");
    assert_eq!(legal[column("stance")], "compliance");
    assert_eq!(legal[column("established")], "1983");
    let redesign = rows
        .iter()
        .find(|r| r[0] == "es-redesign")
        .expect("sprint row");
    assert_eq!(redesign[column("from")], "2021-02");
    assert_eq!(redesign[column("status")], "dissolved");

    let (header, rows) = read_csv(&relations_csv(scenario).expect("csv"));
    assert_eq!(rows.len(), scenario.relations.len());
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let flow = rows
        .iter()
        .find(|r| r[column("medium")] == "funds")
        .expect("a funds flow");
    assert_eq!(flow[column("volume")], "4");
    assert_eq!(flow[column("direction")], "one_way");
}

#[test]
fn csv_writes_a_pair_of_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = riverside_unified();
    write_csv(&map.scenarios[0], &dir.path().join("riverside.csv")).expect("write");
    assert!(dir.path().join("riverside.elements.csv").exists());
    assert!(dir.path().join("riverside.relations.csv").exists());
    // Into a folder: plain names.
    write_csv(&map.scenarios[0], dir.path()).expect("write into folder");
    assert!(dir.path().join("elements.csv").exists());
}

#[test]
fn graphml_and_gexf_are_well_formed_and_escape_names() {
    let mut map = riverside_unified();
    map.scenarios[0]
        .elements
        .get_mut(&"legal".into())
        .expect("legal")
        .name = "Legal <\"General\" & Counsel>".into();
    let scenario = &map.scenarios[0];
    for xml in [graphml(&map, scenario), gexf(&map, scenario)] {
        assert!(xml.starts_with("<?xml"));
        assert!(xml.contains("Legal &lt;&quot;General&quot; &amp; Counsel&gt;"));
        assert!(!xml.contains("<\"General"));
        let nodes = xml.matches("<node ").count();
        let edges = xml.matches("<edge ").count();
        assert_eq!(nodes, scenario.elements.len());
        assert_eq!(edges, scenario.relations.len());
    }
}

fn networkx_available() -> bool {
    Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn check_with_networkx(map: &murmuration_core::model::Map, dir: &Path) {
    let scenario = &map.scenarios[0];
    let graphml_path = dir.join("map.graphml");
    let gexf_path = dir.join("map.gexf");
    std::fs::write(&graphml_path, graphml(map, scenario)).expect("write graphml");
    std::fs::write(&gexf_path, gexf(map, scenario)).expect("write gexf");
    write_csv(scenario, &dir.join("map.csv")).expect("write csv");
    let (elements, relations) = csv_paths(&dir.join("map.csv"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/check-exports.py");
    let out = Command::new("python3")
        .arg(script)
        .args([&graphml_path, &gexf_path, &elements, &relations])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "networkx disagrees: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = format!(
        "\"graphml\": [{}, {}]",
        scenario.elements.len(),
        scenario.relations.len()
    );
    assert!(stdout.contains(&expected), "{stdout}");
}

#[test]
fn networkx_reads_graphml_and_gexf_with_the_same_counts_and_attributes() {
    if !networkx_available() {
        eprintln!("python3 with networkx not installed: skipped (pip install networkx)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    check_with_networkx(&riverside_unified(), dir.path());
    let big = tempfile::tempdir().expect("temp dir");
    check_with_networkx(&synthetic_map(600, 2.0, 3), big.path());
}

#[test]
fn every_format_exports_through_one_call() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = riverside_unified();
    let mut page = PageSpec::new(PageSize::A4);
    page.date = "2025-11-24".into();
    for (format, name) in [
        ("svg", "map.svg"),
        ("png", "map.png"),
        ("pdf", "map.pdf"),
        ("deck", "deck.pdf"),
        ("csv", "map.csv"),
        ("graphml", "map.graphml"),
        ("gexf", "map.gexf"),
    ] {
        let kind = ExportKind::parse(format).expect("known format");
        let out = dir.path().join(name);
        export_to_file(&map, None, kind, View::Network, &page, &out).expect(format);
        let written = if format == "csv" {
            csv_paths(&out).0
        } else {
            out.clone()
        };
        assert!(
            std::fs::metadata(&written).expect(format).len() > 100,
            "{format} wrote too little"
        );
    }
    assert!(ExportKind::parse("docx").is_none());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "no partial files are left behind");
}
