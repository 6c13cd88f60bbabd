//! Vector PDF: one page, or a deck of scenes with optional notes pages.
//!
//! Each page is drawn as SVG first (see `page`) and translated by svg2pdf into a PDF form with the
//! shipped font embedded (subset) and text kept as text; pdf-writer then puts the forms on pages of
//! one document. One path for single pages and decks, so a deck's page is the same page a single
//! export gives.

use super::{layout, page, pick_scenario, DeckPage, PageSpec};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{ElementId, Map, Scenario, View};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use std::collections::{BTreeSet, HashMap};

/// The page as a one-page vector PDF.
pub fn render_pdf(map: &Map, scenario: &Scenario, view: View, page: &PageSpec) -> Result<Vec<u8>> {
    let svg = super::render_svg(map, scenario, view, page);
    assemble(&[svg], page, &map.title)
}

/// A deck: one page per scene in `pages`, each followed by a page of its notes when
/// `with_notes` is set and it has any. `page` gives the paper and the date; each scene brings its
/// own subtitle, emphasis, viewport and lens.
pub fn render_deck(
    map: &Map,
    pages: &[DeckPage],
    page: &PageSpec,
    with_notes: bool,
) -> Result<Vec<u8>> {
    let mut svgs = Vec::new();
    let mut layouts: HashMap<(Option<&crate::model::ScenarioId>, View), layout::Layout> =
        HashMap::new();
    for scene in pages {
        let scenario = pick_scenario(map, scene.scenario.as_ref())?;
        // Scenes of one view share one layout: the story moves the light, not the furniture.
        let layout = layouts
            .entry((scene.scenario.as_ref(), scene.view))
            .or_insert_with(|| layout::layout(scenario, scene.view));
        let spec = PageSpec {
            size: page.size,
            date: page.date.clone(),
            subtitle: Some(scene.subtitle.clone()),
            viewport: scene.viewport,
            emphasis: scene.emphasis.clone(),
            lens: scene.lens.clone(),
        };
        svgs.push(page::page_svg(map, scenario, layout, &spec));
        if let (true, Some(notes)) = (with_notes, &scene.notes) {
            svgs.push(page::notes_svg(map, page, &scene.subtitle, notes));
        }
    }
    if svgs.is_empty() {
        return Err(CoreError::new(
            ErrorKind::Io,
            "A deck needs at least one scene.",
        ));
    }
    assemble(&svgs, page, &map.title)
}

fn conversion_error(e: svg2pdf::ConversionError) -> CoreError {
    CoreError::new(
        ErrorKind::Io,
        format!("The drawing could not be converted to PDF ({e})."),
    )
}

/// Puts SVG pages, each the size of `page`, into one PDF.
fn assemble(svgs: &[String], page: &PageSpec, title: &str) -> Result<Vec<u8>> {
    let (width, height) = page.size.points();
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let tree = next.bump();
    let info = next.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::new();
    for svg in svgs {
        let parsed = super::parse(svg)?;
        let (chunk, form) = svg2pdf::to_chunk(&parsed, svg2pdf::ConversionOptions::default())
            .map_err(conversion_error)?;
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| next.bump()));
        let form = renumbered[&form];
        let page_ref = next.bump();
        let content_ref = next.bump();
        let mut content = Content::new();
        // The form is one point square: stretch it over the page.
        content
            .save_state()
            .transform([width as f32, 0.0, 0.0, height as f32, 0.0, 0.0])
            .x_object(Name(b"P"))
            .restore_state();
        pdf.stream(content_ref, &content.finish());
        let mut pdf_page = pdf.page(page_ref);
        pdf_page
            .media_box(Rect::new(0.0, 0.0, width as f32, height as f32))
            .parent(tree)
            .contents(content_ref);
        pdf_page.resources().x_objects().pair(Name(b"P"), form);
        pdf_page.finish();
        pdf.extend(&chunk);
        page_refs.push(page_ref);
    }
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(page_refs.len() as i32);
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Murmuration"));
    Ok(pdf.finish())
}

/// The story deck for a map. For the built-in sample it tells the seeds' stories (the org chart,
/// how work really flows, the silos, the sprint team that crossed them, communities as home
/// base) by lighting different elements of the same drawing; any other map gets its org chart
/// and its network. Saved scenes will replace this when maps can hold them.
pub fn sample_deck(map: &Map) -> Vec<DeckPage> {
    let scenario = map.scenarios.first();
    let has = |id: &str| scenario.is_some_and(|s| s.elements.contains_key(&ElementId::from(id)));
    let ids = |list: &[&str]| -> Option<BTreeSet<ElementId>> {
        Some(
            list.iter()
                .filter(|id| has(id))
                .map(|id| ElementId::from(*id))
                .collect(),
        )
    };
    let mut chart = DeckPage::new(View::OrgChart, "The org chart we draw");
    let mut flows = DeckPage::new(View::Network, "How work really flows");
    if !(has("teaching-learning") && has("es-redesign") && has("capstone")) {
        return vec![chart, flows];
    }
    chart.notes = Some(
        "The district as the org chart draws it: every office and person under the \
         superintendent, lines of authority only. Communities, sprint teams, partners and every \
         flow of ideas, information and money are missing from this picture."
            .into(),
    );
    flows.notes = Some(
        "The same district as it really works. Ideas move laterally between the Graduate \
         Capstone community, pathway teams and the Environmental Sciences Academy; permission \
         flows run from schools to Procurement and Legal; the reports-to lines are still there, \
         but faint."
            .into(),
    );
    let mut silos = DeckPage::new(View::Network, "The silos");
    silos.emphasis = ids(&["teaching-learning", "linked-learning", "riverside-high"]);
    silos.notes = Some(
        "Teaching & Learning and Linked Learning do not work together. The Director of \
         Teaching & Learning forbids the specialists to work at school sites: a barrier nobody \
         has checked. A second barrier waits for the offices' alignment agreement."
            .into(),
    );
    let mut sprint = DeckPage::new(View::Network, "The sprint team that crossed them");
    sprint.emphasis = ids(&[
        "es-redesign",
        "pathway-coach-1",
        "cte-specialist",
        "science-specialist",
        "academy-lead",
        "academy-science",
    ]);
    sprint.notes = Some(
        "A strange attractor: the pathway coach, the CTE specialist, the science specialist and \
         the academy team redesigned the Environmental Sciences program of study from February \
         to June 2021, then dissolved. The two directors reprimanded it."
            .into(),
    );
    let mut home = DeckPage::new(View::Network, "Communities as home base");
    home.emphasis = ids(&[
        "capstone-interest",
        "coaches-circle",
        "es-academy",
        "health-pathway",
        "state-university",
        "watershed-council",
        "rubric-calibration",
    ]);
    home.notes = Some(
        "Communities of practice as everyone's home base: the Graduate Capstone community grew \
         laterally to pathway teams (practice inside engagement inside interest), with feedback \
         from the university. Leaders noticed, named and supported it; nobody mandated it."
            .into(),
    );
    vec![chart, flows, silos, sprint, home]
}
