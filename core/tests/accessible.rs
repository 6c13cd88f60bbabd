//! Accessible by law and by design: what a board packet posted on a district's website must be.
//!
//! - Every PDF kind (a page, a scene, a deck with notes) read back: tagged, PDF/UA-1, in English,
//!   the map a Figure whose alternative text names what is on it, a table of its elements, and a
//!   reading order of title, page title and caption, legend, map (`pdfinfo -struct-text`, from
//!   poppler-utils, which `scripts/setup.sh` installs for the tests).
//! - The SVG: a title and description, and a name for every element.
//! - The vocabulary: graphic colours at least 3 : 1 against the page and text 4.5 : 1 against what
//!   it sits on (WCAG 2.1 relative luminance); under simulated deuteranopia and protanopia (Machado,
//!   Oliveira & Fernandes 2009, severity 1) every two legend entries still differ: in shape,
//!   line pattern or arrowhead, or in colour by at least [`MIN_DELTA_E`].

use murmuration_core::model::{Boundary, ElementKind, Map, Medium, RelationKind, View};
use murmuration_core::render::{
    alt_text, export_scene_to_file, render_deck, render_pdf, render_svg, scene_deck, ExportKind,
    PageSize, PageSpec,
};
use murmuration_core::sample::riverside_unified;
use murmuration_core::vocabulary::{self as vocab, LineStyle, ScaleStep};
use std::process::Command;

fn page(size: PageSize) -> PageSpec {
    let mut page = PageSpec::new(size);
    page.date = "2025-11-24".into();
    page
}

// ------------------------------------------------------------------------------------------
// PDFs read back

/// Every structure element's type and alternative text, in the order a reader meets them.
fn structure(bytes: &[u8]) -> Vec<(String, Option<String>)> {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .expect("the PDF has a structure tree");
    let mut out = Vec::new();
    walk(&doc, root, &mut out);
    out
}

fn walk(doc: &lopdf::Document, object: &lopdf::Object, out: &mut Vec<(String, Option<String>)>) {
    let Ok((_, object)) = doc.dereference(object) else {
        return;
    };
    match object {
        lopdf::Object::Array(items) => items.iter().for_each(|k| walk(doc, k, out)),
        lopdf::Object::Dictionary(d) => {
            if let Ok(name) = d.get(b"S").and_then(|s| s.as_name()) {
                let alt = d
                    .get(b"Alt")
                    .ok()
                    .and_then(|a| lopdf::decode_text_string(a).ok());
                out.push((String::from_utf8_lossy(name).into_owned(), alt));
            }
            if let Ok(kids) = d.get(b"K") {
                walk(doc, kids, out);
            }
        }
        _ => {}
    }
}

/// The document's language, from its catalog.
fn language(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let lang = doc
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .expect("the PDF names its language");
    lopdf::decode_text_string(lang).expect("a text string")
}

/// `pdfinfo` with `flag` on the PDF `bytes`.
fn pdfinfo(flag: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("page.pdf");
    std::fs::write(&file, bytes).expect("write");
    let out = Command::new("pdfinfo")
        .arg(flag)
        .arg(&file)
        .output()
        .expect("pdfinfo runs: install poppler-utils (scripts/setup.sh does)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Where each of `lines` first appears in `text`, in order; fails naming the first out of place.
fn in_order(text: &str, lines: &[&str]) {
    let mut from = 0;
    for line in lines {
        match text[from..].find(line) {
            Some(at) => from += at + line.len(),
            None => panic!("{line:?} should come after what precedes it in:\n{text}"),
        }
    }
}

/// What every PDF we write must be, whatever its kind.
fn assert_accessible(bytes: &[u8], what: &str) {
    let meta = pdfinfo("-meta", bytes);
    assert!(
        meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "{what} declares PDF/UA-1: {meta}"
    );
    assert!(pdfinfo("-isodates", bytes).contains("Tagged:          yes"));
    assert_eq!(language(bytes), "en", "{what} is in English");
    let tags = structure(bytes);
    let figures: Vec<&Option<String>> = tags
        .iter()
        .filter(|(s, _)| s == "Figure")
        .map(|(_, alt)| alt)
        .collect();
    assert!(!figures.is_empty(), "{what} has its map as a figure");
    for alt in figures {
        let alt = alt.as_deref().unwrap_or_default();
        assert!(
            alt.contains("people") && alt.contains("offices"),
            "{what}: the figure's alternative text says what is on the map: {alt:?}"
        );
    }
    for needed in ["H1", "H2", "L", "Table", "TH", "TD"] {
        assert!(
            tags.iter().any(|(s, _)| s == needed),
            "{what} has a {needed}: {tags:?}"
        );
    }
}

#[test]
fn a_pdf_page_reads_title_then_legend_then_map_then_its_table() {
    let map = riverside_unified();
    let pdf = render_pdf(&map, &map.scenarios[0], View::Network, &page(PageSize::A4)).expect("pdf");
    assert_accessible(&pdf, "a page");
    let text = pdfinfo("-struct-text", &pdf);
    in_order(
        &text,
        &[
            "H1 \"Riverside Unified\"",
            "H2 \"How work flows: the network\"",
            "\"Scenario: As is 2025\"",
            "L (block)",
            "\"Flow: information\"",
            "Figure",
            "Table",
            "\"Name\"",
            "\"Purchasing\"",
        ],
    );
}

#[test]
fn a_scene_pdf_and_a_deck_with_notes_are_tagged_with_a_bookmark_per_scene() {
    let map = riverside_unified();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("silos.pdf");
    let paper = page(PageSize::Widescreen16x9);
    export_scene_to_file(&map, "The silos", ExportKind::Pdf, &paper, &out).expect("scene pdf");
    let scene = std::fs::read(&out).expect("written");
    assert_accessible(&scene, "a scene");
    // A lens's caption comes before the legend, and its words are in the figure's text.
    let tags = structure(&scene);
    let alt = tags
        .iter()
        .find_map(|(s, alt)| (s == "Figure").then_some(alt.clone()))
        .flatten()
        .expect("the figure has alternative text");
    assert!(alt.contains("Silo"), "{alt}");
    assert!(alt.contains("Teaching & Learning"), "{alt}");

    let deck = render_deck(&map, &scene_deck(&map), &paper, true).expect("deck");
    assert_accessible(&deck, "a deck");
    let text = pdfinfo("-struct-text", &deck);
    let mut order: Vec<String> = vec!["H1 \"Riverside Unified\"".into()];
    for scene in &map.scenes {
        order.push(format!("H2 \"{}\"", scene.title));
        order.push("Figure".into());
        order.push(format!("H2 \"Notes: {}\"", scene.title));
    }
    let order: Vec<&str> = order.iter().map(String::as_str).collect();
    in_order(&text, &order);
    // The map's title is a heading once; on later pages it is a running header.
    assert_eq!(text.matches("H1 ").count(), 1, "{text}");
    let doc = lopdf::Document::load_mem(&deck).expect("parses");
    let marks: Vec<String> = doc
        .get_toc()
        .expect("bookmarks")
        .toc
        .into_iter()
        .map(|t| t.title)
        .collect();
    for scene in &map.scenes {
        assert!(marks.contains(&scene.title), "{marks:?}");
    }
}

#[test]
fn the_alternative_text_counts_kinds_and_names_groups() {
    let map = riverside_unified();
    let alt = alt_text(&map, &map.scenarios[0], View::Network, &page(PageSize::A4));
    assert!(alt.starts_with("A network map of "), "{alt}");
    for words in [
        "offices",
        "communities",
        "people",
        "flows (",
        "information",
        "Groups",
    ] {
        assert!(alt.contains(words), "{words:?} in {alt}");
    }
    let empty = Map::new("Empty district");
    let alt = alt_text(
        &empty,
        &empty.scenarios[0],
        View::OrgChart,
        &page(PageSize::A4),
    );
    assert_eq!(alt, "An org chart with nothing on it.");
}

#[test]
fn the_svg_has_a_title_a_description_and_a_name_for_every_element() {
    let map = riverside_unified();
    let scenario = &map.scenarios[0];
    let svg = render_svg(&map, scenario, View::Network, &page(PageSize::A4));
    let doc = roxmltree::Document::parse(&svg).expect("the SVG parses");
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    let labelled = root.attribute("aria-labelledby").expect("labelled");
    let title = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(labelled))
        .expect("the title it names");
    assert_eq!(title.tag_name().name(), "title");
    let desc = doc
        .descendants()
        .find(|n| n.tag_name().name() == "desc")
        .and_then(|n| n.text())
        .expect("a description");
    assert_eq!(
        desc,
        alt_text(&map, scenario, View::Network, &page(PageSize::A4))
    );
    for element in scenario.elements.values() {
        let named = doc.descendants().any(|n| {
            n.attribute("data-id") == Some(element.id.0.as_str())
                && n.attribute("aria-label")
                    .is_some_and(|l| l.starts_with(element.name.as_str()))
        });
        assert!(named, "{} has a name", element.name);
    }
}

// ------------------------------------------------------------------------------------------
// Colour

fn rgb(hex: &str) -> [f64; 3] {
    let hex = hex.trim_start_matches('#');
    let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"));
    [channel(0), channel(2), channel(4)].map(|c| c / 255.0)
}

fn linear(c: f64) -> f64 {
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(lin: [f64; 3]) -> f64 {
    0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
}

/// WCAG 2.1 contrast ratio of two colours.
fn contrast(a: &str, b: &str) -> f64 {
    let l = |hex| luminance(rgb(hex).map(linear));
    let (hi, lo) = (l(a).max(l(b)), l(a).min(l(b)));
    (hi + 0.05) / (lo + 0.05)
}

/// Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];

/// CIE L*a*b* (D65) of a linear RGB colour.
fn lab(lin: [f64; 3]) -> [f64; 3] {
    let [r, g, b] = lin;
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    [
        116.0 * f(y) - 16.0,
        500.0 * (f(x) - f(y)),
        200.0 * (f(y) - f(z)),
    ]
}

fn simulated(hex: &str, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let lin = rgb(hex).map(linear);
    let row = |i: usize| (m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2]).clamp(0.0, 1.0);
    lab([row(0), row(1), row(2)])
}

/// The smaller CIE76 ΔE of two colours as a deuteranope and a protanope see them.
fn delta_e_colour_blind(a: &str, b: &str) -> f64 {
    [DEUTERANOPIA, PROTANOPIA]
        .iter()
        .map(|m| {
            let (p, q) = (simulated(a, m), simulated(b, m));
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Colours that differ by this much (CIE76) under simulation are told apart at legend size.
const MIN_DELTA_E: f64 = 10.0;

const WHITE: &str = "#FFFFFF";

/// Every lens scale, the colours one legend shows together.
fn lens_scales() -> Vec<(&'static str, Vec<&'static str>)> {
    let colours = |steps: &[ScaleStep]| steps.iter().map(|s| s.colour).collect::<Vec<_>>();
    let mut clusters = vocab::CLUSTER_COLOURS.to_vec();
    clusters.push(vocab::CLUSTER_MORE);
    vec![
        (
            "silos",
            colours(&[
                vocab::SILO_INWARD,
                vocab::SILO_LEANING_INWARD,
                vocab::SILO_BALANCED,
                vocab::SILO_LEANING_OUTWARD,
                vocab::SILO_OUTWARD,
                vocab::SILO_NO_FLOWS,
            ]),
        ),
        (
            "brokers",
            colours(&[
                vocab::BROKER_NONE,
                vocab::BROKER_LOW,
                vocab::BROKER_MID,
                vocab::BROKER_HIGH,
            ]),
        ),
        (
            "layers",
            colours(&[
                vocab::GEOLOGY_BEFORE_1975,
                vocab::GEOLOGY_1975_1989,
                vocab::GEOLOGY_1990_2004,
                vocab::GEOLOGY_SINCE_2005,
                vocab::GEOLOGY_UNDATED,
            ]),
        ),
        ("clusters", clusters),
        (
            "home base",
            colours(&[vocab::HOME_BASE_YES, vocab::HOME_BASE_NO]),
        ),
        (
            "pioneers",
            colours(&[vocab::PIONEER_UNNOTICED, vocab::PIONEER_TIED]),
        ),
        (
            "reciprocity",
            colours(&[
                vocab::RECIPROCITY_NO_CAPACITY,
                vocab::RECIPROCITY_PRESSURE,
                vocab::RECIPROCITY_MATCHED,
                vocab::RECIPROCITY_NO_FLOWS,
            ]),
        ),
        (
            "cascade",
            colours(&[
                vocab::CASCADE_WHOLE,
                vocab::CASCADE_HABIT,
                vocab::CASCADE_PAPER_ONLY,
                vocab::CASCADE_UNCHECKED,
            ]),
        ),
        (
            "operating system",
            colours(&[
                vocab::DOS_SERVICE,
                vocab::DOS_MIXED,
                vocab::DOS_GATEKEEPER,
                vocab::DOS_NO_FLOWS,
                vocab::DOS_SLOW_ROUTINE,
            ]),
        ),
        (
            "instructional core",
            colours(&[
                vocab::CORE_ITSELF,
                vocab::CORE_NEAR,
                vocab::CORE_FAR,
                vocab::CORE_LOOSE,
                vocab::CORE_UNREACHED,
            ]),
        ),
    ]
}

/// The lines a legend can list: every relation kind but the flow (drawn by medium), and every
/// medium.
fn legend_lines() -> Vec<(String, LineStyle, bool)> {
    let mut lines: Vec<(String, LineStyle, bool)> = RelationKind::ALL
        .into_iter()
        .filter(|k| *k != RelationKind::Flow)
        .map(|k| {
            // A barrier also carries the blocked mark (⊘) at its middle.
            (
                k.label().to_owned(),
                vocab::relation_line(k),
                k == RelationKind::Barrier,
            )
        })
        .collect();
    lines.extend(
        Medium::ALL
            .into_iter()
            .map(|m| (format!("{m:?}"), vocab::medium_line(m), false)),
    );
    lines
}

#[test]
fn graphics_keep_three_to_one_and_text_four_and_a_half_to_one() {
    let mut graphics: Vec<(String, &str)> = ElementKind::ALL
        .into_iter()
        .map(|k| (format!("{k:?} outline"), vocab::element_style(k).stroke))
        .collect();
    graphics.extend(
        legend_lines()
            .into_iter()
            .map(|(name, line, _)| (name, line.color)),
    );
    for (name, colour) in &graphics {
        let ratio = contrast(colour, WHITE);
        assert!(ratio >= 3.0, "{name} {colour}: {ratio:.2} : 1 on white");
    }
    // Text: each kind's label on its own fill, and ink on every lens fill.
    for kind in ElementKind::ALL {
        let style = vocab::element_style(kind);
        let ratio = contrast(style.text, style.fill);
        assert!(ratio >= 4.5, "{kind:?} label: {ratio:.2} : 1");
    }
    for (lens, colours) in lens_scales() {
        for colour in colours {
            let ratio = contrast(vocab::INK, colour);
            assert!(ratio >= 4.5, "ink on {lens} {colour}: {ratio:.2} : 1");
        }
    }
}

#[test]
fn legend_entries_stay_distinct_for_deuteranopes_and_protanopes() {
    // Lines: pattern, arrowhead or mark, else colour.
    let lines = legend_lines();
    for (i, (a, la, ma)) in lines.iter().enumerate() {
        for (b, lb, mb) in &lines[i + 1..] {
            let shape_differs =
                la.pattern != lb.pattern || la.arrowhead != lb.arrowhead || ma != mb;
            let de = delta_e_colour_blind(la.color, lb.color);
            assert!(
                shape_differs || de >= MIN_DELTA_E,
                "{a} and {b} differ only in colour, ΔE {de:.1}"
            );
        }
    }
    // Every medium differs from every other medium in pattern or arrowhead, colour aside.
    let media: Vec<LineStyle> = Medium::ALL.into_iter().map(vocab::medium_line).collect();
    for (i, a) in media.iter().enumerate() {
        for b in &media[i + 1..] {
            assert!(
                a.pattern != b.pattern || a.arrowhead != b.arrowhead,
                "{} and {} look alike in grey",
                a.label,
                b.label
            );
        }
    }
    // Kinds: shape, else outline colour.
    let kinds: Vec<_> = ElementKind::ALL
        .into_iter()
        .map(vocab::element_style)
        .collect();
    for (i, a) in kinds.iter().enumerate() {
        for b in &kinds[i + 1..] {
            let de = delta_e_colour_blind(a.stroke, b.stroke);
            assert!(
                a.shape != b.shape || de >= MIN_DELTA_E,
                "{:?} and {:?}: same shape, ΔE {de:.1}",
                a.kind,
                b.kind
            );
        }
    }
    // Boundaries: pattern or width.
    let walls: Vec<_> = [Boundary::Solid, Boundary::Permeable, Boundary::Open]
        .into_iter()
        .map(vocab::boundary_style)
        .collect();
    for (i, a) in walls.iter().enumerate() {
        for b in &walls[i + 1..] {
            assert!(a.pattern != b.pattern || a.width != b.width);
        }
    }
    // A lens's colours: only colour tells them apart on the swatch (the words beside it and
    // the badges on the map say it too), so each two differ by at least MIN_DELTA_E.
    for (lens, colours) in lens_scales() {
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                let de = delta_e_colour_blind(a, b);
                assert!(de >= MIN_DELTA_E, "{lens}: {a} and {b}, ΔE {de:.1}");
            }
        }
    }
}
