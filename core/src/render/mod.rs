//! Drawing a map on paper: SVG, PNG and vector PDF pages, and a PDF deck of scenes for a board.
//!
//! District staff put these pages in front of school boards, so every page is a finished piece: a
//! title block (map title, the view or scene, the date), the drawing scaled to fit an A4, Letter or
//! 16:9 landscape frame, and a legend of only what the page shows. Shapes, colours, line patterns
//! and the font come from [`crate::vocabulary`], the same definition the canvas styles itself from,
//! so paper matches screen; shape and pattern always carry the meaning with the colour, so a
//! grey-scale printout still reads.
//!
//! The SVG is the one source: PNG is resvg's raster of it and PDF is krilla's vector translation
//! of it, both with the shipped font (see `render/font.rs`), so the three formats never disagree.
//!
//! Board packets must work with a screen reader: every page carries its alternative text
//! ([`alt_text`], written from the page: what kinds and how many, the groups, what the lens says)
//! as the SVG's title and description and the PDF figure's `Alt`; PDFs are tagged PDF/UA-1 with a
//! table of the page's elements and relations (see `pdf.rs`).
//!
//! A map's saved scenes are its deck ([`scene_deck`]): each scene a page, its lens painted with
//! the same [`LensPaint`] the canvas draws (see [`crate::lens_paint`]), its filters honoured.
//!
//! Entry points for the command line and the shell: [`render_svg`], [`render_png`], [`render_pdf`],
//! [`render_deck`], [`alt_text`] and, for a whole export job, [`export_to_file`] and [`export_scene_to_file`].
//! A replay (the map as of one step after another, `replay.rs`) is [`replay_pages`], then
//! [`replay_pdf`] or [`replay_apng`].

mod alt;
mod compare;
mod edges;
pub(crate) mod font;
pub(crate) mod layout;
mod legend;
mod page;
mod pdf;
mod replay;
mod scene;
mod shapes;
mod svg;
mod table;

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{ElementId, Map, Scenario, ScenarioId, View};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub use crate::lens_paint::LensPaint;
use crate::view::Filter;
pub use compare::compare_page;
pub use pdf::{render_deck, render_pdf};
pub use replay::{replay_apng, replay_pages, replay_pdf, steps as replay_steps, Step, MAX_STEPS};
pub use scene::{scene_deck, scene_page};

/// A rectangle: top-left corner and size. In map units for viewports (canvas pixels at zoom 1).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn centre(&self) -> crate::model::Point {
        crate::model::Point {
            x: self.x + self.width / 2.0,
            y: self.y + self.height / 2.0,
        }
    }

    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect {
            x,
            y,
            width: (self.x + self.width).max(other.x + other.width) - x,
            height: (self.y + self.height).max(other.y + other.height) - y,
        }
    }

    /// The two share some area or touch.
    pub(crate) fn intersects(&self, other: &Rect) -> bool {
        self.x <= other.x + other.width
            && other.x <= self.x + self.width
            && self.y <= other.y + other.height
            && other.y <= self.y + self.height
    }

    pub(crate) fn moved(&self, dx: f64, dy: f64) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }

    pub(crate) fn grown(&self, by: f64) -> Rect {
        Rect {
            x: self.x - by,
            y: self.y - by,
            width: self.width + 2.0 * by,
            height: self.height + 2.0 * by,
        }
    }
}

/// The paper, always landscape: a diagram of a district is wider than it is tall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageSize {
    #[default]
    A4,
    Letter,
    /// A slide: 13.33 × 7.5 in, the size presentation software uses.
    Widescreen16x9,
}

impl PageSize {
    /// Width and height in PostScript points (1/72 in); also the SVG's user units.
    pub fn points(self) -> (f64, f64) {
        match self {
            Self::A4 => (841.89, 595.28),
            Self::Letter => (792.0, 612.0),
            Self::Widescreen16x9 => (960.0, 540.0),
        }
    }

    /// `a4`, `letter` or `16:9` (also `16x9`, `widescreen`), as the command line spells them.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Self::A4),
            "letter" | "us-letter" => Some(Self::Letter),
            "16:9" | "16x9" | "widescreen" | "slide" => Some(Self::Widescreen16x9),
            _ => None,
        }
    }
}

/// What one page shows and how it is framed.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSpec {
    pub size: PageSize,
    /// Shown in the title block, as given (e.g. `2025-11-24`); [`PageSpec::new`] uses today's date.
    pub date: String,
    /// The line under the map's title; `None` names the view ("Network", "Org chart").
    pub subtitle: Option<String>,
    /// Only this part of the drawing, in map units (a scene's viewport); `None` fits everything.
    pub viewport: Option<Rect>,
    /// Elements to bring forward; everything else is drawn faint. `None` draws all alike.
    pub emphasis: Option<BTreeSet<ElementId>>,
    pub lens: Option<LensPaint>,
    /// What the page leaves out, and the moment it shows.
    pub filter: Filter,
}

impl PageSpec {
    pub fn new(size: PageSize) -> Self {
        Self {
            size,
            date: today(),
            subtitle: None,
            viewport: None,
            emphasis: None,
            lens: None,
            filter: Filter::default(),
        }
    }
}

/// One page of a deck: a scene of the map, with optional speaker notes.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckPage {
    /// Which scenario; `None` is the map's first.
    pub scenario: Option<ScenarioId>,
    pub view: View,
    pub subtitle: String,
    pub viewport: Option<Rect>,
    pub emphasis: Option<BTreeSet<ElementId>>,
    pub lens: Option<LensPaint>,
    /// Printed on a page of its own after the scene when the deck is made with notes.
    pub notes: Option<String>,
    pub filter: Filter,
    /// The scenario drawn when it is not one of the map's own: a comparison's union of both
    /// scenarios ([`compare_page`]); `scenario` then names it.
    pub compared: Option<Box<Scenario>>,
    /// A page of text that always follows this one (a comparison's lens figures).
    pub facing: Option<Facing>,
}

/// A page of text after a page: a heading and paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Facing {
    pub title: String,
    pub text: String,
}

impl DeckPage {
    pub fn new(view: View, subtitle: impl Into<String>) -> Self {
        Self {
            scenario: None,
            view,
            subtitle: subtitle.into(),
            viewport: None,
            emphasis: None,
            lens: None,
            notes: None,
            filter: Filter::default(),
            compared: None,
            facing: None,
        }
    }

    /// The scenario the page draws: its comparison's union, else the map's scenario it names.
    pub(crate) fn drawn<'a>(&'a self, map: &'a Map) -> Result<&'a Scenario> {
        match &self.compared {
            Some(union) => Ok(union),
            None => pick_scenario(map, self.scenario.as_ref()),
        }
    }

    /// The page's own framing on the paper and date of `paper`.
    pub fn spec(&self, paper: &PageSpec) -> PageSpec {
        PageSpec {
            size: paper.size,
            date: paper.date.clone(),
            subtitle: Some(self.subtitle.clone()),
            viewport: self.viewport,
            emphasis: self.emphasis.clone(),
            lens: self.lens.clone(),
            filter: self.filter.clone(),
        }
    }
}

/// Where the org chart puts one element, for the canvas: the centre of its shape (an office
/// holding people is drawn by the canvas around them, so it has no place of its own).
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct ChartPlace {
    pub id: crate::model::ElementId,
    pub at: crate::model::Point,
}

/// One reporting line's route on the org chart, as paper draws it: from its superior's box
/// (`boss`) down the connector to its report's box (`kid`) — an office's, or their own.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct ChartRoute {
    pub relation: crate::model::RelationId,
    pub boss: ElementId,
    pub kid: ElementId,
    pub points: Vec<crate::model::Point>,
}

/// The org chart laid out for the canvas: where everyone stands and the route of every reporting
/// line a connector stands for (the others are drawn as lines of their own).
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct ChartPlaces {
    pub places: Vec<ChartPlace>,
    pub routes: Vec<ChartRoute>,
}

/// The org chart of `scenario` laid out afresh, as the canvas draws it when it has no saved
/// places (or is asked to tidy up): the layout paper draws, so screen and paper agree on where
/// everyone stands and where the reporting lines run. An unknown scenario is an error naming it.
pub fn org_chart_places(map: &Map, scenario: &ScenarioId) -> Result<ChartPlaces> {
    let mut fresh = crate::view::scenario_of(map, scenario)?.clone();
    fresh.positions.remove(&View::OrgChart);
    let layout = layout::layout(&fresh, View::OrgChart);
    let places = layout
        .items
        .iter()
        .filter(|item| !item.is_group)
        .map(|item| ChartPlace {
            id: item.id.clone(),
            at: item.shape.centre(),
        })
        .collect();
    let mut routes = Vec::new();
    for connector in &layout.tree {
        let kids: BTreeMap<&ElementId, Vec<crate::model::Point>> =
            shapes::kid_routes(&layout, connector).into_iter().collect();
        for id in &connector.relations {
            let Some(relation) = fresh.relations.get(id) else {
                continue;
            };
            // The report's box: their own, or the office box they sit in (led by them).
            let source = &relation.source;
            let kid = kids
                .get_key_value(source)
                .or_else(|| layout.get(source).and_then(|p| kids.get_key_value(&p.top)));
            if let Some((kid, points)) = kid {
                routes.push(ChartRoute {
                    relation: id.clone(),
                    boss: connector.boss.clone(),
                    kid: (*kid).clone(),
                    points: points.clone(),
                });
            }
        }
    }
    Ok(ChartPlaces { places, routes })
}

/// The page as SVG: text as real `<text>` in the vocabulary's font family, sized in points.
/// Only what `page.filter` lets through is laid out and drawn.
pub fn render_svg(map: &Map, scenario: &Scenario, view: View, page: &PageSpec) -> String {
    let shown = crate::view::shown(scenario, &page.filter);
    let layout = layout::layout(&shown, view);
    page::page_svg(map, &shown, &layout, page)
}

/// The page's alternative text: a few sentences saying what it shows (what kinds and how many,
/// the groups, what the lens says), for whoever cannot see it. The SVG's `<desc>` and the PDF
/// figure's alternative text; offered beside a PNG.
pub fn alt_text(map: &Map, scenario: &Scenario, view: View, page: &PageSpec) -> String {
    let shown = crate::view::shown(scenario, &page.filter);
    let layout = layout::layout(&shown, view);
    page::page_drawn(map, &shown, &layout, page).alt
}

/// The page as PNG: `scale` pixels per point (1.0 ≈ 72 dpi; 2.0 for screens; 4.17 ≈ 300 dpi).
pub fn render_png(
    map: &Map,
    scenario: &Scenario,
    view: View,
    page: &PageSpec,
    scale: f32,
) -> Result<Vec<u8>> {
    let svg = render_svg(map, scenario, view, page);
    rasterise(&svg, scale)
}

/// Any SVG this module wrote, rasterised with the shipped font, as PNG.
pub(crate) fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>> {
    pixmap(svg, scale)?
        .encode_png()
        .map_err(|e| CoreError::new(ErrorKind::Io, format!("Could not encode the PNG: {e}.")))
}

/// Any SVG this module wrote, drawn with the shipped font at `scale` pixels per point.
pub(crate) fn pixmap(svg: &str, scale: f32) -> Result<resvg::tiny_skia::Pixmap> {
    if !(scale.is_finite() && scale > 0.0 && scale <= 16.0) {
        return Err(CoreError::new(
            ErrorKind::Io,
            format!("A PNG scale must be between 0 and 16, not {scale}."),
        ));
    }
    let tree = parse(svg)?;
    let too_large = || CoreError::new(ErrorKind::Io, "The page is too large to draw as a PNG.");
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(too_large)?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(too_large)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// Reads back an SVG this module wrote, with the shipped font and no other.
pub(crate) fn parse(svg: &str) -> Result<usvg::Tree> {
    let options = usvg::Options {
        fontdb: font::database(),
        font_family: crate::vocabulary::vocabulary().font_family.to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| {
        CoreError::new(
            ErrorKind::Io,
            format!("The drawing could not be prepared for export ({e})."),
        )
    })
}

/// What an export job writes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ExportKind {
    Svg,
    /// PNG at this many pixels per point.
    Png(f32),
    Pdf,
    /// The map's deck: one page per saved scene ([`scene_deck`]).
    Deck {
        with_notes: bool,
    },
    /// `elements.csv` and `relations.csv`: see [`crate::exchange::csv_paths`].
    Csv,
    GraphMl,
    Gexf,
}

impl ExportKind {
    /// `svg`, `png`, `pdf`, `deck`, `csv`, `graphml` or `gexf`, as the command line spells them.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "svg" => Self::Svg,
            "png" => Self::Png(2.0),
            "pdf" => Self::Pdf,
            "deck" => Self::Deck { with_notes: false },
            "csv" => Self::Csv,
            "graphml" => Self::GraphMl,
            "gexf" => Self::Gexf,
            _ => return None,
        })
    }
}

/// One export job, start to finish: draws or converts `scenario` (the first when `None`) of
/// `map` and writes the result to `out` whole or not at all
/// ([`crate::files::write_whole`]). CSV writes two files beside `out`. A deck is the map's
/// scenes, each in its own scenario and view; a map without scenes gets `scenario`'s org chart
/// and network.
pub fn export_to_file(
    map: &Map,
    scenario: Option<&ScenarioId>,
    kind: ExportKind,
    view: View,
    page: &PageSpec,
    out: &Path,
) -> Result<()> {
    let scenario = pick_scenario(map, scenario)?;
    let write = crate::files::write_whole;
    match kind {
        ExportKind::Svg => write(out, render_svg(map, scenario, view, page).as_bytes()),
        ExportKind::Png(scale) => write(out, &render_png(map, scenario, view, page, scale)?),
        ExportKind::Pdf => write(out, &render_pdf(map, scenario, view, page)?),
        ExportKind::Deck { with_notes } => {
            let mut pages = scene_deck(map);
            if map.scenes.is_empty() {
                for p in &mut pages {
                    p.scenario = Some(scenario.id.clone());
                }
            }
            write(out, &render_deck(map, &pages, page, with_notes)?)
        }
        // Data as of the page's moment, when it names one (`export --at`).
        ExportKind::Csv => {
            crate::exchange::write_csv(&crate::view::shown(scenario, &page.filter), out)
        }
        ExportKind::GraphMl => {
            let data = crate::view::shown(scenario, &page.filter);
            write(out, crate::exchange::graphml(map, &data).as_bytes())
        }
        ExportKind::Gexf => {
            let data = crate::view::shown(scenario, &page.filter);
            write(out, crate::exchange::gexf(map, &data).as_bytes())
        }
    }
}

pub(crate) fn pick_scenario<'a>(map: &'a Map, id: Option<&ScenarioId>) -> Result<&'a Scenario> {
    match id {
        None => map.scenarios.first(),
        Some(id) => map.scenario(id),
    }
    .ok_or_else(|| {
        CoreError::new(
            ErrorKind::UnknownScenario,
            "The map has no such scenario to export.",
        )
    })
}

/// Exports the scene titled `scene_title` (`murmuration export MAP --scene "TITLE"`): drawings
/// (SVG, PNG, PDF) are the scene's page as the deck has it, on the paper and date of `page`; a
/// deck is that one page (and its notes); data formats carry the scene's scenario. When no scene
/// has the title, the error lists the titles there are.
pub fn export_scene_to_file(
    map: &Map,
    scene_title: &str,
    kind: ExportKind,
    page: &PageSpec,
    out: &Path,
) -> Result<()> {
    let scene = scene::find_scene(map, scene_title)?;
    match kind {
        ExportKind::Csv | ExportKind::GraphMl | ExportKind::Gexf => {
            export_to_file(map, Some(&scene.scenario), kind, scene.view, page, out)
        }
        _ => export_page(
            map,
            &scene_page(map, scene, &mut BTreeMap::new()),
            kind,
            page,
            out,
        ),
    }
}

/// Exports the comparison of scenario `from` with `to` (`murmuration export MAP --compare FROM
/// --scenario TO`): the overlay page, and in a PDF the lens figures after it. Data formats are
/// refused: a comparison is a drawing.
pub fn export_comparison_to_file(
    map: &Map,
    (from, to): (&ScenarioId, &ScenarioId),
    kind: ExportKind,
    view: View,
    page: &PageSpec,
    out: &Path,
) -> Result<()> {
    let deck_page = compare_page(map, from, to, view, "What the redesign changes")?;
    export_page(map, &deck_page, kind, page, out)
}

/// One deck page written as a drawing: SVG, PNG, a PDF (with the page that follows it, if any)
/// or a deck of that page and its notes.
fn export_page(
    map: &Map,
    deck_page: &DeckPage,
    kind: ExportKind,
    page: &PageSpec,
    out: &Path,
) -> Result<()> {
    let spec = deck_page.spec(page);
    let scenario = deck_page.drawn(map)?;
    let view = deck_page.view;
    let write = crate::files::write_whole;
    match kind {
        ExportKind::Svg => write(out, render_svg(map, scenario, view, &spec).as_bytes()),
        ExportKind::Png(scale) => write(out, &render_png(map, scenario, view, &spec, scale)?),
        ExportKind::Pdf if deck_page.facing.is_some() => write(
            out,
            &render_deck(map, std::slice::from_ref(deck_page), page, false)?,
        ),
        ExportKind::Pdf => write(out, &render_pdf(map, scenario, view, &spec)?),
        ExportKind::Deck { with_notes } => write(
            out,
            &render_deck(map, std::slice::from_ref(deck_page), page, with_notes)?,
        ),
        ExportKind::Csv | ExportKind::GraphMl | ExportKind::Gexf => Err(CoreError::new(
            ErrorKind::Io,
            "A comparison is a drawing: export it as svg, png, pdf or deck.",
        )),
    }
}

/// Today's date as `YYYY-MM-DD` (UTC), without a calendar dependency.
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    // Howard Hinnant's days-from-civil, inverted.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_parse_as_the_command_line_spells_them() {
        assert_eq!(PageSize::parse("A4"), Some(PageSize::A4));
        assert_eq!(PageSize::parse("letter"), Some(PageSize::Letter));
        assert_eq!(PageSize::parse("16:9"), Some(PageSize::Widescreen16x9));
        assert_eq!(PageSize::parse("legal"), None);
    }

    #[test]
    fn today_is_a_calendar_date() {
        let date = today();
        assert_eq!(date.len(), 10);
        assert!(date.starts_with("20"));
    }
}
