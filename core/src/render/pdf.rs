//! Vector PDF: one page, or a deck of scenes with optional notes pages.
//!
//! Each page is drawn as SVG first (see `page`) and translated by svg2pdf into a PDF form with the
//! shipped font embedded (subset) and text kept as text; pdf-writer then puts the forms on pages of
//! one document. One path for single pages and decks, so a deck's page is the same page a single
//! export gives.

use super::{layout, page, pick_scenario, DeckPage, PageSpec};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{Map, Scenario, ScenarioId, View};
use crate::view::Filter;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use std::borrow::Cow;
use std::collections::HashMap;

/// The page as a one-page vector PDF.
pub fn render_pdf(map: &Map, scenario: &Scenario, view: View, page: &PageSpec) -> Result<Vec<u8>> {
    let svg = super::render_svg(map, scenario, view, page);
    assemble(&[svg], page, &map.title)
}

/// A deck: one page per scene in `pages`, each followed by a page of its notes when
/// `with_notes` is set and it has any. `page` gives the paper and the date; each scene brings its
/// own subtitle, emphasis, viewport, lens and filter.
pub fn render_deck(
    map: &Map,
    pages: &[DeckPage],
    page: &PageSpec,
    with_notes: bool,
) -> Result<Vec<u8>> {
    // Scenes that show the same scenario, view and filter share one layout: the story moves the
    // light, not the furniture.
    type Key<'a> = (Option<&'a ScenarioId>, View, &'a Filter);
    let mut drawn: Vec<(Key, Cow<Scenario>, layout::Layout)> = Vec::new();
    let mut svgs = Vec::new();
    for scene in pages {
        let key = (scene.scenario.as_ref(), scene.view, &scene.filter);
        let at = match drawn.iter().position(|(k, _, _)| *k == key) {
            Some(at) => at,
            None => {
                let shown =
                    crate::view::shown(pick_scenario(map, scene.scenario.as_ref())?, &scene.filter);
                let layout = layout::layout(&shown, scene.view);
                drawn.push((key, shown, layout));
                drawn.len() - 1
            }
        };
        let (_, scenario, layout) = &drawn[at];
        let slide = page::page_svg(map, scenario, layout, &scene.spec(page));
        let notes = match (with_notes, &scene.notes) {
            (true, Some(notes)) => Some(page::notes_svg(map, page, &scene.subtitle, notes, &slide)),
            _ => None,
        };
        svgs.push(slide);
        svgs.extend(notes);
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
pub(super) fn assemble(svgs: &[String], page: &PageSpec, title: &str) -> Result<Vec<u8>> {
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
