//! The exports a board sees: the sample's pages against committed golden images, PDFs read back
//! with a PDF parser, and SVG text kept as text.
//!
//! Golden images live in `core/tests/golden/`. After an intended change to the drawing, look at
//! the new pages and re-bless them with `MURM_BLESS=1 cargo test -p murmuration-core --test render`.
//! Set `MURM_RENDER_OUT=DIR` to also write every page a test makes into DIR for looking at.

use murmuration_core::model::{Map, View};
use murmuration_core::render::{
    render_deck, render_pdf, render_png, render_svg, sample_deck, DeckPage, PageSize, PageSpec,
};
use murmuration_core::sample::riverside_unified;
use resvg::tiny_skia::Pixmap;
use std::path::{Path, PathBuf};

/// A fixed date, so pages do not change with the calendar.
fn page(size: PageSize) -> PageSpec {
    let mut page = PageSpec::new(size);
    page.date = "2025-11-24".into();
    page
}

fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("MURM_RENDER_OUT") {
        std::fs::create_dir_all(&dir).expect("output folder");
        std::fs::write(Path::new(&dir).join(name), bytes).expect("write output");
    }
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Share of pixels that differ visibly (any channel by more than 24 of 255). Anti-aliasing may
/// differ a little between machines; a moved box or a lost label changes far more.
fn differing_share(a: &Pixmap, b: &Pixmap) -> f64 {
    assert_eq!(
        (a.width(), a.height()),
        (b.width(), b.height()),
        "page size changed"
    );
    let differing = a
        .data()
        .chunks_exact(4)
        .zip(b.data().chunks_exact(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 24))
        .count();
    differing as f64 / (a.width() * a.height()) as f64
}

fn check_golden(name: &str, png: &[u8]) {
    keep(name, png);
    let path = golden(name);
    if std::env::var("MURM_BLESS").is_ok() || !path.exists() {
        std::fs::write(&path, png).expect("bless golden image");
        eprintln!("blessed {}", path.display());
        return;
    }
    let expected = Pixmap::load_png(&path).expect("golden image decodes");
    let actual = Pixmap::decode_png(png).expect("new page decodes");
    let share = differing_share(&expected, &actual);
    if share > 0.004 {
        let failed = std::env::temp_dir().join(format!("failed-{name}"));
        std::fs::write(&failed, png).expect("write failed page");
        panic!(
            "{name}: {:.2}% of pixels differ from the golden image (new page: {}). If the change \
             is intended, look at it and re-bless with MURM_BLESS=1.",
            share * 100.0,
            failed.display()
        );
    }
}

#[test]
fn the_sample_network_matches_its_golden_image() {
    let map = riverside_unified();
    let png = render_png(
        &map,
        &map.scenarios[0],
        View::Network,
        &page(PageSize::A4),
        1.5,
    )
    .expect("png");
    check_golden("riverside-network-a4.png", &png);
}

#[test]
fn the_sample_org_chart_matches_its_golden_image() {
    let map = riverside_unified();
    let png = render_png(
        &map,
        &map.scenarios[0],
        View::OrgChart,
        &page(PageSize::Letter),
        1.5,
    )
    .expect("png");
    check_golden("riverside-org-chart-letter.png", &png);
}

#[test]
fn a_slide_page_is_sixteen_by_nine() {
    let map = riverside_unified();
    let png = render_png(
        &map,
        &map.scenarios[0],
        View::Network,
        &page(PageSize::Widescreen16x9),
        1.0,
    )
    .expect("png");
    keep("riverside-network-16x9.png", &png);
    let pixmap = Pixmap::decode_png(&png).expect("decodes");
    assert_eq!((pixmap.width(), pixmap.height()), (960, 540));
}

#[test]
fn svg_keeps_labels_as_text_in_the_shipped_font() {
    let map = riverside_unified();
    let svg = render_svg(&map, &map.scenarios[0], View::Network, &page(PageSize::A4));
    keep("riverside-network.svg", svg.as_bytes());
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains(r#"font-family="Source Sans 3, sans-serif""#));
    for text in [
        ">Riverside Unified</text>",
        ">2025-11-24</text>",
        ">How work flows: the network</text>",
        // Names are wrapped at about 16 characters, each line a real tspan.
        ">Teaching &amp; Learning</tspan>",
        ">Procurement &amp;</tspan>",
        ">Purchasing</tspan>",
        // Legend: only what is on the page.
        ">Flow: permission</text>",
        ">Barrier: a blocked flow</text>",
        ">Sprint team, dissolved</text>",
    ] {
        assert!(svg.contains(text), "the SVG has no {text}");
    }
    assert!(!svg.contains("<path d=\"M0 0\""), "no empty paths");
}

#[test]
fn the_org_chart_shows_people_and_offices_only() {
    let map = riverside_unified();
    let svg = render_svg(&map, &map.scenarios[0], View::OrgChart, &page(PageSize::A4));
    keep("riverside-org-chart.svg", svg.as_bytes());
    assert!(svg.contains(">Dr. Maria Alvarez</tspan>") || svg.contains(">Dr. Maria</tspan>"));
    assert!(
        svg.contains(">Superintendent</tspan>"),
        "titles show on the chart"
    );
    assert!(
        !svg.contains("Watershed"),
        "partners are not on the org chart"
    );
    assert!(
        !svg.contains(">Flow: "),
        "no flows in the org chart's legend"
    );
}

#[test]
fn a_map_without_relations_still_draws_a_page() {
    let map = Map::new("Empty district");
    let svg = render_svg(&map, &map.scenarios[0], View::Network, &page(PageSize::A4));
    assert!(svg.contains(">Empty district</text>"));
    let pdf =
        render_pdf(&map, &map.scenarios[0], View::OrgChart, &page(PageSize::A4)).expect("pdf");
    assert_eq!(
        lopdf::Document::load_mem(&pdf)
            .expect("parses")
            .get_pages()
            .len(),
        1
    );
}

#[test]
fn names_with_markup_characters_are_escaped() {
    let mut map = riverside_unified();
    let scenario = &mut map.scenarios[0];
    let legal = scenario
        .elements
        .get_mut(&"legal".into())
        .expect("legal office");
    legal.name = "Legal <\"General\" & 'Counsel'>".into();
    let svg = render_svg(&map, &map.scenarios[0], View::Network, &page(PageSize::A4));
    assert!(svg.contains("&lt;&quot;General&quot;"));
    render_png(
        &map,
        &map.scenarios[0],
        View::Network,
        &page(PageSize::A4),
        0.5,
    )
    .expect("the escaped SVG parses");
}

fn pdf_pages(bytes: &[u8]) -> usize {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    document.get_pages().len()
}

fn embeds_fonts(bytes: &[u8]) -> bool {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    document.objects.values().any(|object| {
        object
            .as_dict()
            .is_ok_and(|d| d.has(b"FontFile2") || d.has(b"FontFile3"))
    })
}

#[test]
fn a_pdf_page_is_one_vector_page_with_the_font_embedded() {
    let map = riverside_unified();
    for (size, expected) in [
        (PageSize::A4, (841.89, 595.28)),
        (PageSize::Letter, (792.0, 612.0)),
        (PageSize::Widescreen16x9, (960.0, 540.0)),
    ] {
        let pdf = render_pdf(&map, &map.scenarios[0], View::Network, &page(size)).expect("pdf");
        assert_eq!(pdf_pages(&pdf), 1);
        assert!(embeds_fonts(&pdf), "the font is embedded");
        let document = lopdf::Document::load_mem(&pdf).expect("parses");
        let page = document.get_pages()[&1];
        let media = document
            .get_dictionary(page)
            .expect("page")
            .get(b"MediaBox")
            .expect("media box")
            .as_array()
            .expect("array")
            .iter()
            .map(|n| n.as_float().expect("number"))
            .collect::<Vec<_>>();
        assert!((f64::from(media[2]) - expected.0).abs() < 0.1, "{media:?}");
        assert!((f64::from(media[3]) - expected.1).abs() < 0.1, "{media:?}");
        if size == PageSize::A4 {
            keep("riverside-network-a4.pdf", &pdf);
        }
    }
}

#[test]
fn the_sample_deck_has_a_page_per_scene_and_notes_pages_on_request() {
    let map = riverside_unified();
    let scenes = sample_deck(&map);
    assert_eq!(scenes.len(), 5);
    let deck = render_deck(&map, &scenes, &page(PageSize::Widescreen16x9), false).expect("deck");
    assert_eq!(pdf_pages(&deck), 5);
    assert!(embeds_fonts(&deck));
    keep("riverside-deck.pdf", &deck);
    let with_notes =
        render_deck(&map, &scenes, &page(PageSize::A4), true).expect("deck with notes");
    assert_eq!(pdf_pages(&with_notes), 10);
    keep("riverside-deck-notes.pdf", &with_notes);
}

#[test]
fn a_deck_needs_a_scene() {
    let map = riverside_unified();
    let empty: Vec<DeckPage> = Vec::new();
    assert!(render_deck(&map, &empty, &page(PageSize::A4), false).is_err());
}

#[test]
fn pdf_text_can_be_extracted_when_poppler_is_installed() {
    let Ok(probe) = std::process::Command::new("pdftotext").arg("-v").output() else {
        eprintln!("pdftotext not installed: skipped");
        return;
    };
    let _ = probe;
    let map = riverside_unified();
    let pdf = render_pdf(&map, &map.scenarios[0], View::Network, &page(PageSize::A4)).expect("pdf");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("page.pdf");
    std::fs::write(&file, &pdf).expect("write");
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Riverside Unified"), "{text}");
    assert!(text.contains("Purchasing"), "{text}");
}

/// The sample's story deck is committed as `docs/examples/riverside-unified-deck.pdf` (16:9, one
/// page per scene); re-written with the golden images under `MURM_BLESS=1`.
#[test]
fn the_example_deck_is_committed() {
    let map = riverside_unified();
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/riverside-unified-deck.pdf");
    if std::env::var("MURM_BLESS").is_ok() || !path.exists() {
        let deck = render_deck(
            &map,
            &sample_deck(&map),
            &page(PageSize::Widescreen16x9),
            false,
        )
        .expect("deck");
        std::fs::create_dir_all(path.parent().expect("folder")).expect("docs/examples");
        std::fs::write(&path, deck).expect("write the example deck");
    }
    let committed = std::fs::read(&path).expect("the example deck");
    assert_eq!(pdf_pages(&committed), sample_deck(&map).len());
}
