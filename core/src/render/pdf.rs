//! Tagged PDF (PDF/UA-1): one page, or a deck of scenes with optional notes pages.
//!
//! Board packets go on a district's website, where the law asks that they work with a screen
//! reader. Each page is drawn as SVG first (see `page`), in parts that each know their role; krilla
//! draws the parts into one tagged document (krilla-svg, the shipped font embedded and subset, text
//! kept as text) and builds the structure a reader follows: the map's title, the page's title and
//! caption, the legend as a list, the map as a figure with the page's alternative text, and a table
//! of the elements and relations the page shows (on pages at the end, see `table`). Rules, swatches
//! and backgrounds are artifacts. Each scene has a bookmark. One path for single pages and decks,
//! so a deck's page is the same page a single export gives.

use super::page::{self, Drawn};
use super::svg::{Role, Svg};
use super::{layout, table, DeckPage, PageSpec};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{Map, Scenario, ScenarioId, View};
use crate::view::Filter;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Size};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};
use std::borrow::Cow;
use std::num::NonZeroU16;

/// The language every export is written in.
pub(crate) const LANGUAGE: &str = "en";

/// One page of a PDF to write.
pub(crate) enum Sheet {
    /// A map's page: its parts, alternative text and table, and its bookmark.
    Map { drawn: Drawn, bookmark: String },
    /// Speaker notes for the page before.
    Notes(Svg),
}

/// The page as a tagged PDF: the map's page, then its table of elements and relations.
pub fn render_pdf(map: &Map, scenario: &Scenario, view: View, page: &PageSpec) -> Result<Vec<u8>> {
    let shown = crate::view::shown(scenario, &page.filter);
    let layout = layout::layout(&shown, view);
    let drawn = page::page_drawn(map, &shown, &layout, page);
    let bookmark = page
        .subtitle
        .clone()
        .unwrap_or_else(|| page::view_name(view).to_owned());
    write_pdf(&map.title, page, &[Sheet::Map { drawn, bookmark }])
}

/// A deck: one page per scene in `pages`, each followed by a page of its notes when
/// `with_notes` is set and it has any, then the scenes' tables. `page` gives the paper and the
/// date; each scene brings its own subtitle, emphasis, viewport, lens and filter.
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
    let mut sheets = Vec::new();
    for scene in pages {
        let key = (scene.scenario.as_ref(), scene.view, &scene.filter);
        let at = match drawn.iter().position(|(k, _, _)| *k == key) {
            Some(at) => at,
            None => {
                let shown = crate::view::shown(scene.drawn(map)?, &scene.filter);
                let layout = layout::layout(&shown, scene.view);
                drawn.push((key, shown, layout));
                drawn.len() - 1
            }
        };
        let (_, scenario, layout) = &drawn[at];
        let slide = page::page_drawn(map, scenario, layout, &scene.spec(page));
        let notes = match (with_notes, &scene.notes) {
            (true, Some(notes)) => Some(page::notes_svg(
                map,
                page,
                &scene.subtitle,
                notes,
                &slide.svg.out,
            )),
            _ => None,
        };
        let facing = scene
            .facing
            .as_ref()
            .map(|f| page::text_svg(map, page, &f.title, &f.text));
        sheets.push(Sheet::Map {
            drawn: slide,
            bookmark: scene.subtitle.clone(),
        });
        sheets.extend(notes.map(Sheet::Notes));
        sheets.extend(facing.map(Sheet::Notes));
    }
    if sheets.is_empty() {
        return Err(CoreError::new(
            ErrorKind::Io,
            "A deck needs at least one scene.",
        ));
    }
    write_pdf(&map.title, page, &sheets)
}

/// Writes `sheets` as one tagged PDF titled `title`, each on the paper of `page`. Declares
/// PDF/UA-1; a page whose text the shipped font cannot show (a name in a script it lacks) is still
/// written tagged, without the claim.
pub(crate) fn write_pdf(title: &str, page: &PageSpec, sheets: &[Sheet]) -> Result<Vec<u8>> {
    match build(title, page, sheets, true) {
        Err(krilla::error::KrillaError::Validation(_)) => build(title, page, sheets, false),
        other => other,
    }
    .map_err(|e| {
        CoreError::new(
            ErrorKind::Io,
            format!("The drawing could not be written as a PDF ({e:?})."),
        )
    })
}

fn build(
    title: &str,
    page: &PageSpec,
    sheets: &[Sheet],
    ua: bool,
) -> std::result::Result<Vec<u8>, krilla::error::KrillaError> {
    let mut settings = SerializeSettings::default();
    if ua {
        settings.configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .expect("PDF/UA-1 alone is a valid configuration");
    }
    settings.enable_tagging = true;
    let mut document = Document::new_with(settings);
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(LANGUAGE.to_owned())
            .creator("Murmuration".to_owned()),
    );
    let (width, height) = page.size.points();
    let size = Size::from_wh(width as f32, height as f32).expect("paper has a size");
    let mut outline = Outline::new();
    let mut sections = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let svg = match sheet {
            Sheet::Map { drawn, .. } => &drawn.svg,
            Sheet::Notes(svg) => svg,
        };
        let mut pdf_page = document.start_page_with(PageSettings::new(size));
        let mut surface = pdf_page.surface();
        let drawn_parts = draw_parts(&mut surface, svg, size, i > 0);
        surface.finish();
        pdf_page.finish();
        let alt = match sheet {
            Sheet::Map { drawn, bookmark } => {
                outline.push_child(OutlineNode::new(
                    bookmark.clone(),
                    XyzDestination::new(i, Point::from_xy(0.0, 0.0)),
                ));
                Some(drawn.alt.as_str())
            }
            Sheet::Notes(_) => None,
        };
        sections.push(structure(drawn_parts, alt));
    }
    // The tables come after the pages they describe (the deck stays a run of slides), but each
    // sits in its page's section, so a reader hears it right after the map.
    let mut next_page = sheets.len();
    for (i, sheet) in sheets.iter().enumerate() {
        let Sheet::Map { drawn, bookmark } = sheet else {
            continue;
        };
        if let Some((pages, group)) = table::draw(&mut document, size, &drawn.table, bookmark) {
            if next_page == sheets.len() {
                outline.push_child(OutlineNode::new(
                    "Elements and relations, page by page".to_owned(),
                    XyzDestination::new(next_page, Point::from_xy(0.0, 0.0)),
                ));
            }
            next_page += pages;
            sections[i].push(group);
        }
    }
    let mut tree = TagTree::new().with_lang(Some(LANGUAGE.to_owned()));
    for section in sections {
        tree.push(section);
    }
    document.set_tag_tree(tree);
    document.set_outline(outline);
    document.finish()
}

/// A part of a page drawn in a tagged stretch.
struct Tagged {
    role: Role,
    id: Identifier,
    words: Option<String>,
}

/// Draws each part of `svg` in its own tagged stretch of the page; decoration as artifacts (and the
/// map's title too on a page after the first, where it is a running header).
fn draw_parts(surface: &mut Surface, svg: &Svg, size: Size, running_title: bool) -> Vec<Tagged> {
    let mut tagged = Vec::new();
    for part in &svg.parts {
        let Ok(tree) = super::parse(&svg.part_svg(part)) else {
            continue;
        };
        let artifact = match part.role {
            Role::Decoration => Some(ArtifactType::Layout),
            Role::Title if running_title => Some(ArtifactType::Header),
            _ => None,
        };
        let tag = match (artifact, part.role) {
            (Some(kind), _) => ContentTag::Artifact(Artifact::with_kind(kind)),
            (None, Role::Drawing) => ContentTag::Other,
            (None, _) => ContentTag::Span(SpanTag::empty()),
        };
        let id = surface.start_tagged(tag);
        surface.draw_svg(&tree, size, SvgSettings::default());
        surface.end_tagged();
        if artifact.is_none() {
            tagged.push(Tagged {
                role: part.role,
                id,
                words: part.words.clone(),
            });
        }
    }
    tagged
}

/// A page's section of the tag tree, in reading order whatever the drawing order: the title, the
/// page's title, its details and caption, the legend, then the map as a figure.
fn structure(parts: Vec<Tagged>, alt: Option<&str>) -> TagGroup {
    let mut section = TagGroup::new(Tag::Section);
    let headings = |role: Role, level: u16| {
        let level = NonZeroU16::new(level).expect("a heading level is at least one");
        parts.iter().filter(move |p| p.role == role).map(move |p| {
            TagGroup::with_children(Tag::Hn(level, p.words.clone()), vec![p.id.into()])
        })
    };
    for heading in headings(Role::Title, 1).chain(headings(Role::Subtitle, 2)) {
        section.push(heading);
    }
    let of = |role: Role| parts.iter().filter(move |p| p.role == role).map(|p| p.id);
    for id in of(Role::Detail)
        .chain(of(Role::Caption))
        .chain(of(Role::Notes))
    {
        section.push(TagGroup::with_children(Tag::P, vec![id.into()]));
    }
    let entries: Vec<_> = of(Role::LegendEntry).collect();
    if !entries.is_empty() {
        let mut list = TagGroup::new(Tag::L(ListNumbering::None));
        for id in entries {
            let body = TagGroup::with_children(Tag::LBody, vec![id.into()]);
            list.push(TagGroup::with_children(Tag::LI, vec![body.into()]));
        }
        section.push(list);
    }
    for id in of(Role::Drawing) {
        let figure = Tag::Figure(alt.map(str::to_owned));
        section.push(TagGroup::with_children(figure, vec![id.into()]));
    }
    section
}
