//! Exports of maps a hostile user would try: nesting and chains of command thousands deep, names
//! a megabyte long, and names holding characters XML forbids or a spreadsheet would run as a
//! formula. Every export must finish without overflowing a thread's stack, stay bounded in time
//! and size, and give files other programs read.
//!
//! Deep maps are exported on a thread with a 2 MB stack (what a spawned thread gets by default,
//! a quarter of the command line's main thread) and must finish within a generous time: the
//! walks are linear, while the old ones were quadratic or worse and never finished.

use murmuration_core::exchange::{elements_csv, gexf, graphml, relations_csv};
use murmuration_core::model::*;
use murmuration_core::render::{
    render_deck, render_pdf, render_png, render_svg, scene_deck, PageSize, PageSpec,
};
use murmuration_core::sample::riverside_unified;
use proptest::prelude::*;
use std::sync::mpsc;
use std::time::Duration;

const DEPTH: usize = 10_000;

/// Runs `job` on a thread with a 2 MB stack; fails unless it finishes within `limit`.
fn on_small_stack<T: Send + 'static>(
    limit: Duration,
    job: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, finished) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let _ = done.send(job());
        })
        .expect("a thread starts");
    finished
        .recv_timeout(limit)
        .expect("the export finishes in time on a 2 MB stack")
}

fn page() -> PageSpec {
    let mut page = PageSpec::new(PageSize::A4);
    page.date = "2025-11-24".into();
    page
}

fn element(id: String, name: String, parent: Option<String>, kind: ElementKind) -> Element {
    Element {
        id: ElementId(id),
        name,
        parent: parent.map(ElementId),
        details: ElementDetails::default_for(kind),
        annotations: Annotations::default(),
    }
}

fn one_scenario_map(scenario: Scenario) -> Map {
    let mut map = Map::new("Deep district");
    map.scenarios = vec![scenario];
    ops_valid(&map);
    map
}

fn ops_valid(map: &Map) {
    murmuration_core::ops::validate_map(map).expect("a valid map");
}

/// Offices nested `DEPTH` deep, a person in the innermost, and a scene bringing the outermost
/// forward (which lights everything inside it).
fn deeply_nested() -> Map {
    let mut sc = Scenario::empty("As is");
    for i in 0..DEPTH {
        let parent = i.checked_sub(1).map(|p| format!("g{p}"));
        // Unnamed but for every thousandth: shaping ten thousand labels is slow in a debug build.
        let name = if i % 1000 == 999 {
            format!("Unit {i}")
        } else {
            String::new()
        };
        let e = element(format!("g{i}"), name, parent, ElementKind::Office);
        sc.elements.insert(e.id.clone(), e);
    }
    let last = format!("g{}", DEPTH - 1);
    let p = element("p".into(), "Pat".into(), Some(last), ElementKind::Person);
    sc.elements.insert(p.id.clone(), p);
    let id = sc.id.clone();
    let mut map = one_scenario_map(sc);
    let mut scene = Scene::new("Everything in the outer unit", id, View::Network);
    scene.filters.focus.insert("g0".into());
    scene
        .filters
        .hidden_element_kinds
        .insert(ElementKind::Person);
    map.scenes.push(scene);
    map
}

/// People in one chain of command `DEPTH` long: each reports to the one before.
fn long_chain_of_command() -> Map {
    let mut sc = Scenario::empty("As is");
    for i in 0..DEPTH {
        let e = element(
            format!("p{i}"),
            format!("Person {i}"),
            None,
            ElementKind::Person,
        );
        sc.elements.insert(e.id.clone(), e);
        if i > 0 {
            let r = Relation {
                id: RelationId(format!("r{i}")),
                source: ElementId(format!("p{i}")),
                target: ElementId(format!("p{}", i - 1)),
                details: RelationDetails::default_for(RelationKind::ReportsTo),
                annotations: Annotations::default(),
            };
            sc.relations.insert(r.id.clone(), r);
        }
    }
    one_scenario_map(sc)
}

#[test]
fn a_map_nested_ten_thousand_deep_exports_as_svg_pdf_png_and_deck() {
    let sizes = on_small_stack(Duration::from_secs(300), || {
        let map = deeply_nested();
        let sc = &map.scenarios[0];
        let svg = render_svg(&map, sc, View::Network, &page());
        let pdf = render_pdf(&map, sc, View::Network, &page()).expect("pdf");
        let png = render_png(&map, sc, View::Network, &page(), 0.1).expect("png");
        let deck = render_deck(&map, &scene_deck(&map), &page(), false).expect("deck");
        (svg, pdf.len(), png.len(), deck.len())
    });
    let (svg, pdf, png, deck) = sizes;
    assert!(svg.contains("Unit 9999") && pdf > 0 && png > 0 && deck > 0);
    // The groups are drawn one after another, not one inside the other: an SVG reader walks
    // nested groups by recursion too.
    let doc = roxmltree::Document::parse(&svg).expect("the SVG parses");
    let deepest = doc.descendants().map(|n| n.ancestors().count()).max();
    assert!(deepest.is_some_and(|d| d < 20), "nesting {deepest:?}");
}

#[test]
fn a_chain_of_command_ten_thousand_long_draws_its_org_chart() {
    let svg = on_small_stack(Duration::from_secs(300), || {
        let map = long_chain_of_command();
        render_svg(&map, &map.scenarios[0], View::OrgChart, &page())
    });
    assert!(svg.contains("Person 0") && svg.contains("Person 9999"));
}

#[test]
fn a_megabyte_of_text_is_drawn_cut_short() {
    let mut map = riverside_unified();
    let huge = |word: &str| format!("{word} ").repeat(200_000);
    map.title = huge("Title");
    let sc = &mut map.scenarios[0];
    sc.name = huge("Scenario");
    let legal = sc.elements.get_mut(&"legal".into()).expect("legal");
    legal.name = "x".repeat(10 << 20);
    if let Some(scene) = map.scenes.first_mut() {
        scene.title = huge("Scene");
        scene.notes = huge("Notes");
    }
    let normal = render_svg(
        &riverside_unified(),
        &riverside_unified().scenarios[0],
        View::Network,
        &page(),
    );
    let (svg, pdf, png, deck) = on_small_stack(Duration::from_secs(300), move || {
        let sc = &map.scenarios[0];
        let svg = render_svg(&map, sc, View::Network, &page());
        let pdf = render_pdf(&map, sc, View::Network, &page()).expect("pdf");
        let png = render_png(&map, sc, View::Network, &page(), 0.5).expect("png");
        let deck = render_deck(&map, &scene_deck(&map), &page(), true).expect("deck");
        (svg, pdf.len(), png.len(), deck.len())
    });
    assert!(pdf > 0 && png > 0 && deck > 0);
    assert!(
        svg.len() < normal.len() + 20_000,
        "{} bytes of SVG against {} for the sample",
        svg.len(),
        normal.len()
    );
    assert!(svg.contains(&format!("{}\u{2026}", "x".repeat(400))));
}

/// Names with the characters XML 1.0 forbids, and U+FFFE/U+FFFF which made usvg refuse the page.
fn with_forbidden_characters() -> Map {
    let mut map = riverside_unified();
    map.title = "Riverside\u{FFFE} Unified\u{0}".into();
    let sc = &mut map.scenarios[0];
    for (id, name) in [
        ("legal", "Legal\u{FFFF} Counsel"),
        (
            "teaching-learning",
            "Teaching\u{1B} & \u{FFFE}Learning\u{7}",
        ),
    ] {
        sc.elements.get_mut(&id.into()).expect(id).name = name.into();
    }
    for scene in &mut map.scenes {
        scene.title.push('\u{FFFF}');
        scene.notes.push_str(" \u{FFFE}\u{0}");
    }
    map
}

#[test]
fn names_with_characters_xml_forbids_export_as_pdf_png_and_deck() {
    let map = with_forbidden_characters();
    let sc = &map.scenarios[0];
    render_pdf(&map, sc, View::Network, &page()).expect("pdf");
    render_pdf(&map, sc, View::OrgChart, &page()).expect("org chart pdf");
    render_png(&map, sc, View::Network, &page(), 0.5).expect("png");
    render_deck(&map, &scene_deck(&map), &page(), true).expect("deck");
    let svg = render_svg(&map, sc, View::Network, &page());
    roxmltree::Document::parse(&svg).expect("the SVG parses");
    assert!(svg.contains("Legal\u{FFFD} Counsel"));
}

/// What an XML reader gives back for `s`: every character XML 1.0 allows, and U+FFFD for each
/// one it forbids.
fn as_xml_keeps_it(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t'
            | '\n'
            | '\r'
            | '\u{20}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FFFD}'
            | '\u{10000}'.. => c,
            _ => '\u{FFFD}',
        })
        .collect()
}

/// Any text, with the characters that break XML and spreadsheets well represented.
fn hostile_text() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        4 => any::<char>(),
        1 => prop::sample::select(vec![
            '\0', '\u{1}', '\u{8}', '\u{B}', '\u{1B}', '\u{7F}', '\u{FFFE}', '\u{FFFF}', '\t',
            '\n', '\r', '&', '<', '>', '"', '\'', '=', '+', '-', '@', '\u{FF1D}', ' ',
        ]),
    ];
    prop::collection::vec(chars, 0..30).prop_map(|v| v.into_iter().collect())
}

fn graph_text<'a>(doc: &'a roxmltree::Document, node_id: &str, data_key: &str) -> Option<&'a str> {
    let node = doc
        .descendants()
        .find(|n| n.has_tag_name("node") && n.attribute("id") == Some(node_id))?;
    let data = node
        .children()
        .find(|d| d.has_tag_name("data") && d.attribute("key") == Some(data_key));
    Some(data.and_then(|d| d.text()).unwrap_or(""))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_name_gives_graphml_gexf_and_svg_an_xml_reader_accepts(name in hostile_text()) {
        let mut map = riverside_unified();
        map.title = name.clone();
        let sc = &mut map.scenarios[0];
        let legal = sc.elements.get_mut(&"legal".into()).expect("legal");
        legal.name = name.clone();
        legal.annotations.tags = vec![name.clone()];
        let sc = &map.scenarios[0];
        let expected = as_xml_keeps_it(&name);

        let text = graphml(&map, sc);
        let doc = roxmltree::Document::parse(&text).expect("GraphML parses");
        prop_assert_eq!(graph_text(&doc, "legal", "n_label"), Some(expected.as_str()));

        let text = gexf(&map, sc);
        let doc = roxmltree::Document::parse(&text).expect("GEXF parses");
        let node = doc
            .descendants()
            .find(|n| n.has_tag_name("node") && n.attribute("id") == Some("legal"))
            .expect("legal node");
        prop_assert_eq!(node.attribute("label"), Some(expected.as_str()));

        let svg = render_svg(&map, sc, View::Network, &page());
        let doc = roxmltree::Document::parse(&svg).expect("SVG parses");
        let title = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("title-block"))
            .and_then(|b| b.children().find(|t| t.has_tag_name("text")))
            .expect("the title");
        prop_assert_eq!(title.text().unwrap_or(""), expected.as_str());
    }

    #[test]
    fn no_text_cell_of_a_csv_export_starts_a_formula(text in hostile_text(), volume in 1u8..=5) {
        let mut map = riverside_unified();
        let sc = &mut map.scenarios[0];
        let legal = sc.elements.get_mut(&"legal".into()).expect("legal");
        legal.name = text.clone();
        legal.annotations.tags = vec![text.clone()];
        legal.annotations.notes = text.clone();
        let flow = sc
            .relations
            .values_mut()
            .find(|r| r.kind() == RelationKind::Flow)
            .expect("a flow");
        let flow_id = flow.id.0.clone();
        if let RelationDetails::Flow { cadence, volume: v, .. } = &mut flow.details {
            *cadence = text.clone();
            *v = volume;
        }
        let sc = &map.scenarios[0];
        // The numbers and flags the export writes itself.
        let numbers = ["headcount", "established", "enrolment", "cycle_time_days", "volume"];
        let flags = ["checked"];
        let formula = ['=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}'];
        for csv in [elements_csv(sc).expect("csv"), relations_csv(sc).expect("csv")] {
            let mut reader = csv::Reader::from_reader(csv.as_bytes());
            let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
            for row in reader.records() {
                let row = row.expect("row");
                for (column, cell) in header.iter().zip(row.iter()) {
                    if numbers.contains(&column.as_str()) {
                        prop_assert!(cell.is_empty() || cell.parse::<i64>().is_ok(), "{column}: {cell:?}");
                    } else if flags.contains(&column.as_str()) {
                        prop_assert!(cell.is_empty() || cell == "true" || cell == "false");
                    } else {
                        prop_assert!(!cell.starts_with(formula), "{column}: {cell:?}");
                    }
                }
                if row.get(0) == Some("legal") {
                    let name = row.get(1).expect("name");
                    prop_assert!(name == text || name.strip_prefix('\'') == Some(text.as_str()));
                }
                if row.get(0) == Some(flow_id.as_str()) {
                    let at = header.iter().position(|h| h == "volume").expect("volume");
                    let written = volume.to_string();
                    prop_assert_eq!(row.get(at), Some(written.as_str()));
                }
            }
        }
    }
}
