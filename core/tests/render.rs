//! The exports a board sees: the sample's pages against committed golden images, PDFs read back
//! with a PDF parser, SVG text kept as text, and the map's scenes as the deck's pages (their
//! lenses, filters and moments honoured).
//!
//! Golden images live in `core/tests/golden/`. After an intended change to the drawing, look at
//! the new pages and re-bless them with `MURM_BLESS=1 cargo test -p murmuration-core --test render`.
//! Set `MURM_RENDER_OUT=DIR` to also write every page a test makes into DIR for looking at.

use murmuration_core::error::ErrorKind;
use murmuration_core::model::{ElementKind, Map, Medium, RelationKind, Scene, View};
use murmuration_core::render::{
    export_scene_to_file, export_to_file, render_deck, render_pdf, render_png, render_svg,
    scene_deck, scene_page, DeckPage, ExportKind, PageSize, PageSpec,
};
use murmuration_core::sample::riverside_unified;
use murmuration_core::vocabulary;
use resvg::tiny_skia::Pixmap;
use std::collections::BTreeMap;
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
        // An ampersand starts a line, never ends one: the same breaks as on the canvas.
        ">&amp; Contracting</tspan>",
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

/// The PDF's bookmarks: each title and the page (from 1) it opens.
fn bookmarks(bytes: &[u8]) -> Vec<(String, usize)> {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let toc = document.get_toc().expect("the PDF has bookmarks");
    toc.toc.into_iter().map(|t| (t.title, t.page)).collect()
}

/// The bookmark of the tables at the end of every PDF of a map with something on it.
const TABLES: &str = "Elements and relations, page by page";

/// The map pages' bookmarks, the tables' left out.
fn map_pages(bytes: &[u8]) -> Vec<(String, usize)> {
    let mut marks = bookmarks(bytes);
    let tables = marks.iter().position(|(t, _)| t == TABLES);
    if let Some(at) = tables {
        let (_, first_table_page) = marks.remove(at);
        assert!(
            marks.iter().all(|(_, page)| *page < first_table_page),
            "the tables come after the map pages: {marks:?}"
        );
    }
    marks
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
fn a_pdf_page_is_one_vector_page_with_the_font_embedded_then_its_table() {
    let map = riverside_unified();
    for (size, expected) in [
        (PageSize::A4, (841.89, 595.28)),
        (PageSize::Letter, (792.0, 612.0)),
        (PageSize::Widescreen16x9, (960.0, 540.0)),
    ] {
        let pdf = render_pdf(&map, &map.scenarios[0], View::Network, &page(size)).expect("pdf");
        assert_eq!(
            map_pages(&pdf),
            [("How work flows: the network".to_owned(), 1)]
        );
        assert!(
            bookmarks(&pdf).contains(&(TABLES.to_owned(), 2)),
            "{:?}",
            bookmarks(&pdf)
        );
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
fn the_deck_has_a_page_per_scene_and_a_notes_page_after_each_on_request() {
    let map = riverside_unified();
    let pages = scene_deck(&map);
    assert_eq!(pages.len(), map.scenes.len());
    let titles: Vec<&str> = pages.iter().map(|p| p.subtitle.as_str()).collect();
    let scene_titles: Vec<&str> = map.scenes.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles, scene_titles,
        "in the story's order, titled as the scenes"
    );
    let deck = render_deck(&map, &pages, &page(PageSize::Widescreen16x9), false).expect("deck");
    // One bookmark per scene, on pages 1 to 14, then the closing comparison's lens
    // figures, then the tables.
    let expected: Vec<(String, usize)> = scene_titles
        .iter()
        .enumerate()
        .map(|(i, t)| ((*t).to_owned(), i + 1))
        .collect();
    assert_eq!(map_pages(&deck), expected);
    assert!(embeds_fonts(&deck));
    keep("riverside-deck.pdf", &deck);
    let with_notes_count = map.scenes.iter().filter(|s| !s.notes.is_empty()).count();
    assert_eq!(with_notes_count, map.scenes.len(), "every scene has notes");
    let with_notes =
        render_deck(&map, &pages, &page(PageSize::Widescreen16x9), true).expect("deck with notes");
    // Each scene's page is followed by its notes page.
    let expected: Vec<(String, usize)> = scene_titles
        .iter()
        .enumerate()
        .map(|(i, t)| ((*t).to_owned(), 2 * i + 1))
        .collect();
    assert_eq!(map_pages(&with_notes), expected);
    assert_eq!(pdf_pages(&with_notes), pdf_pages(&deck) + with_notes_count);
    keep("riverside-deck-notes.pdf", &with_notes);
}

#[test]
fn a_deck_export_is_the_maps_scenes() {
    let map = riverside_unified();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("deck.pdf");
    let paper = page(PageSize::Widescreen16x9);
    export_to_file(
        &map,
        None,
        ExportKind::Deck { with_notes: false },
        View::Network,
        &paper,
        &out,
    )
    .expect("deck export");
    assert_eq!(
        map_pages(&std::fs::read(&out).expect("written")).len(),
        map.scenes.len()
    );
    // A map without scenes still gets a deck: its org chart and its network.
    let mut bare = riverside_unified();
    bare.scenes.clear();
    let fallback = scene_deck(&bare);
    assert_eq!(fallback.len(), 2);
    assert_eq!(
        (fallback[0].view, fallback[1].view),
        (View::OrgChart, View::Network)
    );
    export_to_file(
        &bare,
        None,
        ExportKind::Deck { with_notes: true },
        View::Network,
        &paper,
        &out,
    )
    .expect("fallback deck");
    assert_eq!(map_pages(&std::fs::read(&out).expect("written")).len(), 2);
}

/// The SVG of the element `id`: from its `data-id` to the end of its group.
fn element_svg<'a>(svg: &'a str, id: &str) -> &'a str {
    let start = svg
        .find(&format!(r#"<g data-id="{id}""#))
        .unwrap_or_else(|| panic!("{id} is drawn"));
    let rest = &svg[start..];
    &rest[..rest.find("</g>").expect("the group ends")]
}

fn scene_svg(map: &Map, scene: &Scene, size: PageSize) -> String {
    let page_of_scene = scene_page(map, scene, &mut BTreeMap::new());
    let scenario = map.scenario(&scene.scenario).expect("the scene's scenario");
    render_svg(map, scenario, scene.view, &page_of_scene.spec(&page(size)))
}

fn sample_scene<'a>(map: &'a Map, title: &str) -> &'a Scene {
    map.scenes
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("the sample has the scene {title}"))
}

#[test]
fn the_silos_lens_paints_teaching_and_learning_inward() {
    let map = riverside_unified();
    let silos = sample_scene(&map, "The silos");
    let deck_page = scene_page(&map, silos, &mut BTreeMap::new());
    let lens = deck_page
        .lens
        .as_ref()
        .expect("the silos scene has its lens on");
    let inward = vocabulary::SILO_INWARD.colour;
    assert_eq!(
        lens.fills
            .get(&"teaching-learning".into())
            .map(String::as_str),
        Some(inward)
    );
    let svg = scene_svg(&map, silos, PageSize::Widescreen16x9);
    keep("riverside-silos.svg", svg.as_bytes());
    let fill = format!(r#"fill="{inward}""#);
    assert!(element_svg(&svg, "teaching-learning").contains(&fill));
    assert!(element_svg(&svg, "linked-learning").contains(&fill));
    // Outward groups are blue, not vermillion.
    assert!(!element_svg(&svg, "riverside-high").contains(&fill));
    // The caption, the badge and the legend say it in words.
    assert!(svg.contains(
        "Teaching &amp; Learning: walled, a silo: 1 lateral flow across a solid boundary for 4 inside"
    ));
    assert!(svg.contains(">walled · 1 lateral for 4 inside</text>"));
    assert!(!svg.contains("E-I +1.0 · walled"));
    assert!(svg.contains(">Silo: inward or walled off</text>"));
    // Without the lens, the office keeps its kind's grey.
    let mut plain = silos.clone();
    plain.lens = None;
    let plain_svg = scene_svg(&map, &plain, PageSize::Widescreen16x9);
    assert!(!element_svg(&plain_svg, "teaching-learning").contains(&fill));
    assert!(!plain_svg.contains("walled"));
}

#[test]
fn the_silos_page_matches_its_golden_image() {
    let map = riverside_unified();
    let silos = sample_scene(&map, "The silos");
    let page_of_scene = scene_page(&map, silos, &mut BTreeMap::new());
    let png = render_png(
        &map,
        &map.scenarios[0],
        View::Network,
        &page_of_scene.spec(&page(PageSize::Widescreen16x9)),
        1.5,
    )
    .expect("png");
    check_golden("riverside-silos-16x9.png", &png);
}

#[test]
fn scene_filters_hide_what_they_say() {
    let map = riverside_unified();
    let mut scene = Scene::new(
        "Without partners, permission or memberships",
        map.scenarios[0].id.clone(),
        View::Network,
    );
    let everything = scene_svg(&map, &scene, PageSize::A4);
    for shown in [
        "Watershed",
        ">Flow: permission</text>",
        ">Member of</text>",
        ">Partner</text>",
    ] {
        assert!(
            everything.contains(shown),
            "unfiltered, the page has {shown}"
        );
    }
    scene.filters.hidden_element_kinds = [ElementKind::Partner].into();
    scene.filters.hidden_media = [Medium::Permission].into();
    scene.filters.hidden_relation_kinds = [RelationKind::MemberOf].into();
    let filtered = scene_svg(&map, &scene, PageSize::A4);
    keep("riverside-filtered.svg", filtered.as_bytes());
    for hidden in [
        "Watershed",
        "BrightPath",
        ">Flow: permission</text>",
        ">Member of</text>",
        ">Partner</text>",
    ] {
        assert!(!filtered.contains(hidden), "the filtered page has {hidden}");
    }
    assert!(filtered.contains(">Flow: ideas &amp; practice</text>"));
    assert!(filtered.contains(">&amp; Contracting</tspan>"));
}

#[test]
fn a_scenes_moment_shows_the_map_as_it_was_then() {
    let map = riverside_unified();
    let sprint = sample_scene(&map, "The sprint team that crossed them");
    assert_eq!(sprint.time.as_deref(), Some("2021-04"));
    let svg = scene_svg(&map, sprint, PageSize::Widescreen16x9);
    keep("riverside-sprint.svg", svg.as_bytes());
    assert!(svg.contains(">As of April 2021</text>"));
    // In April 2021 the redesign team was at work: a sprint team, not a dissolved one.
    assert!(svg.contains(">Sprint team</text>"));
    assert!(!svg.contains(">Sprint team, dissolved</text>"));
    // The device roll-out (2025) had not begun.
    assert!(!svg.contains("data-id=\"device-rollout\""));
    // The team crosses the barrier: its members on both sides are brought forward.
    assert!(svg.contains(">Barrier: a blocked flow</text>"));
    for member in ["science-specialist", "pathway-coach-1", "academy-lead"] {
        assert!(
            !element_svg(&svg, member).contains(r#"opacity="0.18""#),
            "{member} is brought forward"
        );
    }
}

#[test]
fn the_home_base_page_shows_everyone_with_a_community() {
    let map = riverside_unified();
    let home = sample_scene(&map, "Communities as home base");
    let svg = scene_svg(&map, home, PageSize::Widescreen16x9);
    assert!(svg.contains("Scenario: To be: communities as home base"));
    assert!(svg.contains("All 16 people have a community of practice as a home base"));
    assert!(!svg.contains("no home base"));
    let green = format!(r#"fill="{}""#, vocabulary::HOME_BASE_YES.colour);
    let people: Vec<&str> = map
        .scenario(&home.scenario)
        .expect("to be")
        .elements
        .values()
        .filter(|e| e.kind() == ElementKind::Person)
        .map(|e| e.id.0.as_str())
        .collect();
    assert_eq!(people.len(), 16);
    for person in people {
        let drawn = element_svg(&svg, person);
        assert!(drawn.contains(&green), "{person} is painted green");
        assert!(
            !drawn.contains(r#"opacity="0.18""#),
            "{person} is brought forward with their community"
        );
    }
}

#[test]
fn one_scene_exports_by_its_title_and_an_unknown_title_lists_the_scenes() {
    let map = riverside_unified();
    let dir = tempfile::tempdir().expect("temp dir");
    let paper = page(PageSize::Widescreen16x9);
    let pdf = dir.path().join("silos.pdf");
    export_scene_to_file(&map, "The silos", ExportKind::Pdf, &paper, &pdf).expect("pdf");
    assert_eq!(
        map_pages(&std::fs::read(&pdf).expect("written")),
        [("The silos".to_owned(), 1)]
    );
    let svg = dir.path().join("silos.svg");
    // Titles are matched ignoring case and surrounding spaces when none matches exactly.
    export_scene_to_file(&map, "  the SILOS ", ExportKind::Svg, &paper, &svg).expect("svg");
    let text = std::fs::read_to_string(&svg).expect("written");
    assert!(text.contains(">The silos</text>"));
    let png = dir.path().join("silos.png");
    export_scene_to_file(&map, "The silos", ExportKind::Png(1.0), &paper, &png).expect("png");
    let pixmap = Pixmap::load_png(&png).expect("decodes");
    assert_eq!((pixmap.width(), pixmap.height()), (960, 540));

    let missing = dir.path().join("missing.pdf");
    let error = export_scene_to_file(&map, "The budget", ExportKind::Pdf, &paper, &missing)
        .expect_err("no such scene");
    assert_eq!(error.kind, ErrorKind::UnknownScene);
    assert!(error.message.contains("The budget"), "{}", error.message);
    for scene in &map.scenes {
        assert!(
            error.message.contains(&scene.title),
            "the error names {}: {}",
            scene.title,
            error.message
        );
    }
    assert!(!missing.exists(), "nothing is written");
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
/// page per scene, then the scenes' tables) and `docs/examples/riverside-unified-deck-with-notes.pdf`
/// (each scene followed by its notes); re-written with the golden images under `MURM_BLESS=1`.
#[test]
fn the_example_decks_are_committed() {
    let map = riverside_unified();
    let pages = scene_deck(&map);
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples");
    for (name, with_notes, expected) in [
        ("riverside-unified-deck.pdf", false, pages.len()),
        (
            "riverside-unified-deck-with-notes.pdf",
            true,
            2 * pages.len() - 1,
        ),
    ] {
        let path = examples.join(name);
        if std::env::var("MURM_BLESS").is_ok() || !path.exists() {
            let deck = render_deck(&map, &pages, &page(PageSize::Widescreen16x9), with_notes)
                .expect("deck");
            std::fs::create_dir_all(&examples).expect("docs/examples");
            std::fs::write(&path, deck).expect("write the example deck");
        }
        let committed = std::fs::read(&path).expect("the example deck");
        let last_slide = map_pages(&committed).last().map(|(_, page)| *page);
        assert_eq!(last_slide, Some(expected), "{name}");
    }
}

/// The purchasing cascade of essay 004 on its own: the board's policy, the procedural policy, two
/// practices, the offices that own them, the routine and the site they govern, and a barrier that
/// claims a practice.
fn cascade_map() -> Map {
    use murmuration_core::model::*;
    let mut sc = Scenario::empty("As is");
    let mut add = |id: &str, name: &str, details: ElementDetails| {
        sc.elements.insert(
            id.into(),
            Element {
                id: id.into(),
                name: name.into(),
                parent: None,
                details,
                annotations: Annotations::default(),
            },
        );
    };
    let rule = |level, owner: &str| ElementDetails::Rule {
        level,
        owner: Some(owner.into()),
    };
    add(
        "proc",
        "Procurement",
        ElementDetails::default_for(ElementKind::Office),
    );
    add(
        "legal",
        "Legal",
        ElementDetails::default_for(ElementKind::Office),
    );
    add(
        "lincoln",
        "Lincoln High",
        ElementDetails::default_for(ElementKind::Site),
    );
    let step = |name: &str, days| RoutineStep {
        name: name.into(),
        owner: Some("proc".into()),
        days: Some(days),
    };
    add(
        "buy",
        "Purchasing",
        ElementDetails::Routine {
            steps: vec![
                step("Request", 5),
                step("Three quotes", 30),
                step("Order", 12),
            ],
            cycle_time_days: None,
        },
    );
    add(
        "board",
        "Purchasing policy",
        rule(RuleLevel::BoardPolicy, "legal"),
    );
    add(
        "quotes",
        "Three quotes over $500",
        rule(RuleLevel::ProceduralPolicy, "proc"),
    );
    add(
        "warehouse",
        "Orders through the warehouse",
        rule(RuleLevel::ProceduralPractice, "proc"),
    );
    add(
        "vendor",
        "Approved vendors only",
        rule(RuleLevel::ProceduralPractice, "proc"),
    );
    let mut line = |id: &str, s: &str, t: &str, details: RelationDetails| {
        sc.relations.insert(
            id.into(),
            Relation {
                id: id.into(),
                source: s.into(),
                target: t.into(),
                details,
                annotations: Annotations::default(),
            },
        );
    };
    line("d1", "quotes", "board", RelationDetails::DerivesFrom);
    line("d2", "warehouse", "quotes", RelationDetails::DerivesFrom);
    line("d3", "vendor", "quotes", RelationDetails::DerivesFrom);
    line(
        "g1",
        "quotes",
        "buy",
        RelationDetails::Governs { step: Some(2) },
    );
    line(
        "g2",
        "warehouse",
        "lincoln",
        RelationDetails::Governs { step: None },
    );
    line(
        "b1",
        "lincoln",
        "legal",
        RelationDetails::Barrier {
            reason: "Forbidden by contract".into(),
            checked: false,
            claims: Some("vendor".into()),
        },
    );
    let mut map = Map::new("Purchasing cascade");
    map.scenarios = vec![sc];
    murmuration_core::ops::validate_map(&map).expect("a valid cascade");
    map
}

#[test]
fn a_cascade_page_says_each_rules_level_and_lists_both_lines() {
    let map = cascade_map();
    let sc = &map.scenarios[0];
    let svg = render_svg(&map, sc, View::Network, &page(PageSize::A4));
    keep("cascade-network.svg", svg.as_bytes());
    for text in [
        ">§ Board policy</tspan>",
        ">§ Procedural policy</tspan>",
        ">§ Procedural practice</tspan>",
        ">Derives from: the rule above it</text>",
        ">Governs: what the rule applies to</text>",
        ">3 steps · 47 days</tspan>",
    ] {
        assert!(svg.contains(text), "the SVG has no {text}");
    }
    // A rule is the cut rectangle: eight corners, not a box.
    let rule = element_svg(&svg, "board");
    assert!(
        rule.contains("<polygon") || rule.matches(" L").count() >= 7,
        "{rule}"
    );
    let png = render_png(&map, sc, View::Network, &page(PageSize::A4), 1.5).expect("png");
    check_golden("cascade-network-a4.png", &png);
}
