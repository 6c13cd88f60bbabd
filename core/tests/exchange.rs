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

/// A map with the policy cascade, its choices driven by `rolls`: offices, a routine whose steps
/// have days, rules at every level (most owned), "derives from" to earlier rules only (so never
/// a loop), rules governing the routine's steps or an office, and barriers half claiming a rule.
fn cascade_map(rolls: &[u64]) -> murmuration_core::model::Map {
    use murmuration_core::model::*;
    let mut sc = Scenario::empty("As is");
    let mut add = |e: Element| {
        sc.elements.insert(e.id.clone(), e);
    };
    let element = |id: String, details: ElementDetails| Element {
        name: format!("Name of {id}"),
        id: ElementId(id),
        parent: None,
        details,
        annotations: Annotations::default(),
    };
    for o in 0..3 {
        add(element(
            format!("office-{o}"),
            ElementDetails::default_for(ElementKind::Office),
        ));
    }
    let steps: Vec<RoutineStep> = (0..1 + rolls[0] % 4)
        .map(|s| RoutineStep {
            name: format!("Step {s}"),
            owner: (s % 2 == 0).then(|| ElementId(format!("office-{}", s % 3))),
            days: (rolls[0] >> s & 1 == 1).then_some(s as u32 * 5 + 1),
        })
        .collect();
    let step_count = steps.len() as u64;
    add(element(
        "routine".into(),
        ElementDetails::Routine {
            steps,
            cycle_time_days: Some(47),
        },
    ));
    let mut relations = Vec::new();
    for (i, roll) in rolls.iter().enumerate() {
        add(element(
            format!("rule-{i}"),
            ElementDetails::Rule {
                level: RuleLevel::ALL[(roll % 3) as usize],
                owner: (roll >> 2 & 3 != 0).then(|| ElementId(format!("office-{}", roll % 3))),
            },
        ));
        if i > 0 && roll >> 4 & 1 == 1 {
            let above = ElementId(format!("rule-{}", (roll >> 5) as usize % i));
            relations.push((format!("rule-{i}"), above.0, RelationDetails::DerivesFrom));
        }
        let step = (roll >> 8 & 1 == 1).then(|| 1 + ((roll >> 9) % step_count) as u32);
        let governed = if roll >> 12 & 1 == 1 || step.is_some() {
            "routine".to_owned()
        } else {
            format!("office-{}", roll % 3)
        };
        relations.push((
            format!("rule-{i}"),
            governed,
            RelationDetails::Governs { step },
        ));
        relations.push((
            format!("office-{}", roll % 3),
            format!("office-{}", (roll + 1) % 3),
            RelationDetails::Barrier {
                reason: "Forbidden by contract".into(),
                checked: false,
                claims: (roll >> 13 & 1 == 1).then(|| ElementId(format!("rule-{i}"))),
            },
        ));
    }
    for (j, (source, target, details)) in relations.into_iter().enumerate() {
        let id = RelationId(format!("rel-{j}"));
        sc.relations.insert(
            id.clone(),
            Relation {
                id,
                source: ElementId(source),
                target: ElementId(target),
                details,
                annotations: Annotations::default(),
            },
        );
    }
    let mut map = Map::new("Cascade");
    map.scenarios = vec![sc];
    murmuration_core::ops::validate_map(&map).expect("a valid cascade");
    map
}

/// The cells of `column` in CSV `text`, by the row's id.
fn cells(text: &str, column: &str) -> std::collections::BTreeMap<String, String> {
    let (header, rows) = read_csv(text);
    let at = header.iter().position(|h| h == column).expect(column);
    rows.into_iter()
        .map(|r| (r[0].clone(), r[at].clone()))
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Every part of the cascade comes back from the CSV pair as the model holds it: a rule's level
    /// and owner, a routine's steps with their days, the rule a barrier claims, the step a rule
    /// governs; GraphML and GEXF carry the same cells.
    #[test]
    fn the_cascade_round_trips_through_the_csv_pair(rolls in proptest::collection::vec(proptest::prelude::any::<u64>(), 1..12)) {
        use murmuration_core::model::*;
        let map = cascade_map(&rolls);
        let sc = &map.scenarios[0];
        let elements = elements_csv(sc).expect("csv");
        let (level, owner, steps) = (cells(&elements, "level"), cells(&elements, "owner"), cells(&elements, "steps"));
        let relations = relations_csv(sc).expect("csv");
        let (claims, step, kind) = (cells(&relations, "claims"), cells(&relations, "step"), cells(&relations, "kind"));
        let xml = [graphml(&map, sc), gexf(&map, sc)];
        for e in sc.elements.values() {
            match &e.details {
                ElementDetails::Rule { level: l, owner: o } => {
                    let back: RuleLevel = serde_json::from_value(level[&e.id.0].clone().into()).expect("a level");
                    proptest::prop_assert_eq!(back, *l);
                    proptest::prop_assert_eq!(owner[&e.id.0].as_str(), o.as_ref().map_or("", |o| o.0.as_str()));
                }
                ElementDetails::Routine { steps: s, .. } => {
                    let back: Vec<RoutineStep> = serde_json::from_str(&steps[&e.id.0]).expect("steps as JSON");
                    proptest::prop_assert_eq!(&back, s);
                }
                _ => proptest::prop_assert_eq!(owner[&e.id.0].as_str(), ""),
            }
        }
        for r in sc.relations.values() {
            let id = &r.id.0;
            match &r.details {
                RelationDetails::Barrier { claims: c, .. } => {
                    proptest::prop_assert_eq!(claims[id].as_str(), c.as_ref().map_or("", |c| c.0.as_str()));
                }
                RelationDetails::Governs { step: s } => {
                    proptest::prop_assert_eq!(kind[id].as_str(), "governs");
                    proptest::prop_assert_eq!(step[id].parse::<u32>().ok(), *s);
                }
                RelationDetails::DerivesFrom => proptest::prop_assert_eq!(kind[id].as_str(), "derives_from"),
                _ => {}
            }
        }
        for x in &xml {
            let (nodes, edges) = (xml_cells(x, "node"), xml_cells(x, "edge"));
            for (column, csv) in [("level", &level), ("owner", &owner), ("steps", &steps)] {
                for (id, value) in csv {
                    proptest::prop_assert_eq!(nodes[id].get(column).map_or("", String::as_str), value.as_str(), "{} of {}", column, id);
                }
            }
            for (column, csv) in [("claims", &claims), ("step", &step), ("kind", &kind)] {
                for (id, value) in csv {
                    proptest::prop_assert_eq!(edges[id].get(column).map_or("", String::as_str), value.as_str(), "{} of {}", column, id);
                }
            }
        }
    }
}

/// Each GraphML or GEXF `tag` (node, edge) by id, with its attributes by column name.
fn xml_cells(
    xml: &str,
    tag: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .map(|n| {
            let values = n
                .descendants()
                .filter_map(|d| match d.tag_name().name() {
                    "data" => Some((
                        d.attribute("key")?.get(2..)?.to_owned(),
                        d.text().unwrap_or_default().to_owned(),
                    )),
                    "attvalue" => Some((
                        d.attribute("for")?.to_owned(),
                        d.attribute("value")?.to_owned(),
                    )),
                    _ => None,
                })
                .collect();
            (n.attribute("id").unwrap_or_default().to_owned(), values)
        })
        .collect()
}

#[test]
fn networkx_reads_the_cascade_as_the_csv_pair_writes_it() {
    if !networkx_available() {
        eprintln!("python3 with networkx not installed: skipped (pip install networkx)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    check_with_networkx(
        &cascade_map(&[7, 0x1f35, 0x3301, 12, 0x2222, 0xffff]),
        dir.path(),
    );
}
