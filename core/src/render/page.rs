//! One page as SVG: the furniture (the title block, the frame that fits the drawing into its
//! area, the legend's place, notes pages) and the drawing laid in it, layer by layer.
//!
//! The SVG writer is `svg.rs`, what each element and line looks like is `shapes.rs`, and the
//! legend's entries and drawing are `legend.rs`.
//!
//! Page furniture is measured in points (the SVG's user units equal PostScript points, so the PDF
//! page is exactly A4, Letter or 16:9); the drawing is in map units under one transform. Every
//! label is a real `<text>` in the vocabulary's font family, so the SVG stays searchable and the
//! PDF selectable.

use super::alt::{self, PageTable};
use super::edges::{self, Route};
use super::font::{self, Weight};
use super::layout::{Layout, Placed};
use super::legend;
use super::shapes::{badge, draw_element, draw_route, look, sized, tree_lines};
use super::svg::{open_page, Role, Svg, RULE};
use super::{LensPaint, PageSpec, Rect};
use crate::model::{ElementId, Map, Scenario, View};
use crate::view::Emphasis;
use crate::vocabulary as vocab;
use crate::xml_text::escape;
use std::fmt::Write;

const MARGIN: f64 = 30.0;
const HEADER_H: f64 = 56.0;
/// Never enlarge a small map past its size on screen: big boxes with big type look like a toy.
const MAX_SCALE: f64 = 1.1;
/// Drawn faint when a scene brings other elements forward.
const FADED: f64 = 0.18;
/// Above this many elements, labels go without halos.
const HALO_LIMIT: usize = 1500;

/// What the title block says.
struct Heading<'a> {
    title: &'a str,
    subtitle: &'a str,
    date: &'a str,
    scenario: String,
    /// The moment a scene shows, in words ("April 2021").
    moment: Option<String>,
    /// A lens's name and its one-line caption: what the colours on the page argue.
    caption: Option<(&'a str, &'a str)>,
}

const CAPTION_SIZE: f64 = 11.0;
const CAPTION_LINE: f64 = 14.0;

impl Heading<'_> {
    /// The caption's lines at the width of the page; at most two.
    fn caption_lines(&self, width: f64) -> Vec<String> {
        let Some((name, caption)) = self.caption else {
            return Vec::new();
        };
        let text = format!("{name} · {caption}");
        let room = width - 2.0 * MARGIN;
        let mut chars = text.chars().count();
        // Shorten the wrap width until each line fits the measured room.
        loop {
            let lines = crate::label::wrap(&text, chars);
            let fits = lines
                .iter()
                .all(|l| font::text_width(l, CAPTION_SIZE, Weight::Regular) <= room);
            if fits || chars <= 20 {
                return lines.into_iter().take(2).collect();
            }
            chars = chars * 9 / 10;
        }
    }

    /// The height of the block, rule included.
    fn height(&self, width: f64) -> f64 {
        HEADER_H + self.caption_lines(width).len() as f64 * CAPTION_LINE
    }
}

/// The map's title, the page's subtitle, the date, the scenario and the moment, and a lens's
/// caption, over a thin rule.
fn title_block(svg: &mut Svg, width: f64, heading: &Heading) {
    let Heading {
        title,
        subtitle,
        date,
        ..
    } = *heading;
    let scenario = heading.scenario.as_str();
    svg.raw(r#"<g id="title-block">"#);
    svg.heading(Role::Title, title, |svg| {
        svg.text(
            (MARGIN, MARGIN + 16.0),
            20.0,
            Weight::Semibold,
            vocab::INK,
            "start",
            title,
        );
    });
    svg.heading(Role::Subtitle, subtitle, |svg| {
        svg.text(
            (MARGIN, MARGIN + 36.0),
            13.0,
            Weight::Regular,
            "#4B5563",
            "start",
            subtitle,
        );
    });
    let moment = heading.moment.as_ref().map(|m| format!("As of {m}"));
    let details = [(date, Weight::Regular), (scenario, Weight::Regular)]
        .into_iter()
        .chain(moment.as_deref().map(|m| (m, Weight::Semibold)))
        .filter(|(line, _)| !line.is_empty());
    for (i, (line, weight)) in details.enumerate() {
        svg.part(Role::Detail, |svg| {
            svg.text(
                (width - MARGIN, MARGIN + 12.0 + 13.0 * i as f64),
                9.5,
                weight,
                "#4B5563",
                "end",
                line,
            );
        });
    }
    let lines = heading.caption_lines(width);
    let name = heading.caption.map(|(name, _)| name).unwrap_or_default();
    svg.part(Role::Caption, |svg| {
        for (i, line) in lines.iter().enumerate() {
            let y = MARGIN + 56.0 + i as f64 * CAPTION_LINE;
            // The lens's name in semibold: it says which question the colours answer.
            let (bold, rest) = match line.strip_prefix(name) {
                Some(rest) if i == 0 => (name, rest),
                _ => ("", line.as_str()),
            };
            let _ = write!(
                svg.out,
                r#"<text x="{MARGIN:.2}" y="{y:.2}" font-size="{CAPTION_SIZE:.2}" fill="{}"><tspan font-weight="{}">{}</tspan>{}</text>"#,
                vocab::INK,
                Weight::Semibold.css(),
                escape(bold),
                escape(rest)
            );
        }
    });
    let y = MARGIN + heading.height(width) - 10.0;
    svg.part(Role::Decoration, |svg| {
        let _ = write!(
            svg.out,
            r#"<line x1="{MARGIN:.2}" y1="{y:.2}" x2="{:.2}" y2="{y:.2}" stroke="{RULE}" stroke-width="0.75"/>"#,
            width - MARGIN
        );
    });
    svg.raw("</g>");
}

pub(crate) fn view_name(view: View) -> &'static str {
    match view {
        View::Network => "How work flows: the network",
        View::OrgChart => "The org chart",
    }
}

/// "April 2021" for `2021-04`, "15 April 2021" for `2021-04-15`; other text as given.
pub(super) fn moment_words(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.trim().split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|m| MONTHS.get(m))
    };
    match parts.as_slice() {
        [y, m] => month(m).map(|m| format!("{m} {y}")),
        [y, m, d] => month(m).map(|m| format!("{} {m} {y}", d.trim_start_matches('0'))),
        _ => None,
    }
    .unwrap_or_else(|| date.trim().to_owned())
}

/// One page of a view, as SVG.
pub(crate) fn page_svg(map: &Map, scenario: &Scenario, layout: &Layout, spec: &PageSpec) -> String {
    page_drawn(map, scenario, layout, spec).svg.out
}

/// A page drawn, with its words: the SVG in reading parts, the drawing's alternative text and the
/// table of what it shows.
pub(crate) struct Drawn {
    pub svg: Svg,
    pub alt: String,
    pub table: PageTable,
}

/// One page of a view, in parts, with its alternative text and table.
pub(crate) fn page_drawn(
    map: &Map,
    scenario: &Scenario,
    layout: &Layout,
    spec: &PageSpec,
) -> Drawn {
    let routes = edges::routes(scenario, layout);
    let (width, height) = spec.size.points();
    let subtitle = spec
        .subtitle
        .clone()
        .unwrap_or_else(|| view_name(layout.view).to_owned());
    let heading = Heading {
        title: &map.title,
        subtitle: &subtitle,
        date: &spec.date,
        scenario: format!("Scenario: {}", scenario.name),
        moment: spec.filter.time.as_deref().map(moment_words),
        caption: spec
            .lens
            .as_ref()
            .filter(|l| !l.caption.is_empty())
            .map(|l| (l.name.as_str(), l.caption.as_str())),
    };
    let header_h = heading.height(width);
    let inner = width - 2.0 * MARGIN;
    let columns = legend::columns(inner);
    let legend_height = |entries: usize| legend::height(entries, columns);
    let area_above = |legend_h: f64| Rect {
        x: MARGIN,
        y: MARGIN + header_h,
        width: inner,
        height: height - 2.0 * MARGIN - header_h - legend_h - 8.0,
    };
    // The legend lists only what the page shows, and what a framed page shows depends on the room
    // the legend leaves: frame with every entry, then list what that frame shows.
    let lens = spec.lens.as_ref();
    let mut entries = legend::entries(scenario, layout, &routes, lens, None);
    let mut seen = None;
    if spec.viewport.is_some() || spec.emphasis.is_some() {
        let area = area_above(legend_height(entries.len()));
        seen = Some(Frame::of(scenario, layout, spec, area).seen(area));
        entries = legend::entries(scenario, layout, &routes, lens, seen);
    }
    let alt = alt::describe(scenario, layout, spec, seen);
    let title = format!("{}: {subtitle}", map.title);
    let mut svg = open_page(width, height, &title, &alt);
    title_block(&mut svg, width, &heading);
    let legend_h = legend_height(entries.len());
    let area = area_above(legend_h);
    svg.part(Role::Drawing, |svg| {
        drawing(svg, scenario, layout, &routes, spec, area);
    });
    if !entries.is_empty() {
        legend::block(
            &mut svg,
            scenario,
            &entries,
            Rect {
                x: MARGIN,
                y: height - MARGIN - legend_h,
                width: inner,
                height: legend_h,
            },
            columns,
        );
    }
    svg.raw("</svg>");
    Drawn {
        svg,
        alt,
        table: alt::table(scenario, layout, seen),
    }
}

/// A page of speaker notes for the scene before it: the scene's page small on the left, so the
/// presenter sees which slide the words go with, and the notes beside it and then under it.
pub(crate) fn notes_svg(
    map: &Map,
    spec: &PageSpec,
    subtitle: &str,
    notes: &str,
    slide: &str,
) -> Svg {
    let (width, height) = spec.size.points();
    let subtitle = format!("Notes: {subtitle}");
    let description = "Speaker notes beside a small copy of the page before.";
    let (mut svg, top) = text_page(map, spec, &subtitle, description);
    let shrink = 0.5;
    let thumb = Rect {
        x: MARGIN,
        y: top,
        width: width * shrink,
        height: height * shrink,
    };
    // The slide's own SVG, its outer element dropped, scaled into the corner.
    let body = slide
        .find('>')
        .map(|open| &slide[open + 1..])
        .and_then(|rest| rest.strip_suffix("</svg>"))
        .unwrap_or_default();
    // The slide's own title and description go with it: the thumbnail is a copy, decoration here.
    let body = strip_description(body);
    svg.part(Role::Decoration, |svg| {
        let _ = write!(
            svg.out,
            r#"<g id="slide" transform="translate({:.2} {:.2}) scale({shrink})">{body}</g><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="{RULE}" stroke-width="0.75"/>"#,
            thumb.x, thumb.y, thumb.x, thumb.y, thumb.width, thumb.height
        );
    });
    svg.part(Role::Notes, |svg| {
        notes_text(svg, notes, top, thumb, width, height);
    });
    svg.raw("</svg>");
    svg
}

/// A page's body without its leading `<title>` and `<desc>` (see `svg::open_page`).
fn strip_description(body: &str) -> &str {
    body.find("</desc>")
        .map(|end| &body[end + "</desc>".len()..])
        .unwrap_or(body)
}

/// A page with only the map's title and `subtitle` over it (notes, figures), and where its text
/// may start.
fn text_page(map: &Map, spec: &PageSpec, subtitle: &str, description: &str) -> (Svg, f64) {
    let (width, height) = spec.size.points();
    let mut svg = open_page(
        width,
        height,
        &format!("{}: {subtitle}", map.title),
        description,
    );
    let heading = Heading {
        title: &map.title,
        subtitle,
        date: &spec.date,
        scenario: String::new(),
        moment: None,
        caption: None,
    };
    title_block(&mut svg, width, &heading);
    let top = MARGIN + heading.height(width) + 4.0;
    (svg, top)
}

/// A page of text under a heading: a comparison's lens figures after its page.
pub(crate) fn text_svg(map: &Map, spec: &PageSpec, subtitle: &str, text: &str) -> Svg {
    let (width, height) = spec.size.points();
    let (mut svg, top) = text_page(map, spec, subtitle, subtitle);
    // No slide beside the text: the column is the full width from the top.
    let none = Rect {
        x: MARGIN,
        y: top,
        width: -24.0,
        height: 0.0,
    };
    svg.part(Role::Notes, |svg| {
        notes_text(svg, text, top, none, width, height);
    });
    svg.raw("</svg>");
    svg
}

/// The notes, word-wrapped: in the column beside the slide `thumb`, then the full width under it.
fn notes_text(svg: &mut Svg, notes: &str, top: f64, thumb: Rect, width: f64, height: f64) {
    // The notes fill the column beside the slide, then the full width under it.
    let size = 13.0;
    let line_h = size * 1.45;
    let beside = thumb.x + thumb.width + 24.0;
    let mut y = top + size;
    let place = |y: f64| {
        if y - size < thumb.y + thumb.height + 8.0 {
            (beside, width - MARGIN - beside)
        } else {
            (MARGIN, width - 2.0 * MARGIN)
        }
    };
    // Words past the foot of the page are not drawn (nor gone through: notes may be long).
    let bottom = height - MARGIN;
    'notes: for paragraph in notes.split('\n').filter(|p| !p.trim().is_empty()) {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let (x, room) = place(y);
            let longer = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if line.is_empty() || font::text_width(&longer, size, Weight::Regular) <= room {
                line = longer;
            } else {
                if y > bottom {
                    break 'notes;
                }
                svg.text((x, y), size, Weight::Regular, vocab::INK, "start", &line);
                y += line_h;
                line = word.to_owned();
            }
        }
        if !line.is_empty() && y <= bottom {
            let (x, _) = place(y);
            svg.text((x, y), size, Weight::Regular, vocab::INK, "start", &line);
            y += line_h;
        }
        // A little air between paragraphs.
        y += size * 0.6;
    }
}

// ------------------------------------------------------------------------------------------
// The drawing

fn drawing(
    svg: &mut Svg,
    scenario: &Scenario,
    layout: &Layout,
    routes: &[Route],
    spec: &PageSpec,
    area: Rect,
) {
    let Frame { scale, tx, ty } = Frame::of(scenario, layout, spec, area);
    let emphasis = spec
        .emphasis
        .as_ref()
        .and_then(|focus| Emphasis::of(scenario, focus));
    let element_opacity = |id: &ElementId| match &emphasis {
        Some(e) if e.element_faded(id) => FADED,
        _ => 1.0,
    };

    let clipped = spec.viewport.is_some() || spec.emphasis.is_some();
    if clipped {
        let _ = write!(
            svg.out,
            r#"<defs><clipPath id="drawing-area"><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"/></clipPath></defs><g clip-path="url(#drawing-area)">"#,
            area.x, area.y, area.width, area.height
        );
    }
    let _ = write!(
        svg.out,
        r#"<g id="drawing" transform="matrix({scale:.5} 0 0 {scale:.5} {tx:.3} {ty:.3})">"#
    );
    let lens = spec.lens.as_ref();
    // Halos double the text a PDF carries; on a whole-district page the labels are too small
    // for lines under them to matter.
    let halos = layout.items.len() <= HALO_LIMIT;
    // Groups beneath everything, outer before inner, then lines, then leaves on top.
    svg.raw(r#"<g id="groups">"#);
    for item in layout.items.iter().filter(|p| p.is_group) {
        let element = &scenario.elements[&item.id];
        let mut look = look(element, true, lens);
        look.opacity *= element_opacity(&item.id);
        look.faded = element_opacity(&item.id) < 1.0;
        look.halo = halos;
        solid_when_too_fine(&mut look.dash, scale);
        draw_element(svg, item, element, &look);
    }
    svg.raw(r#"</g><g id="relations">"#);
    if layout.view == View::OrgChart {
        tree_lines(svg, layout, &element_opacity);
    }
    draw_relations(svg, routes, emphasis.as_ref());
    svg.raw(r#"</g><g id="elements">"#);
    for item in layout.items.iter().filter(|p| !p.is_group) {
        let element = &scenario.elements[&item.id];
        let mut look = look(element, false, lens);
        look.opacity *= element_opacity(&item.id);
        look.faded = element_opacity(&item.id) < 1.0;
        look.halo = halos;
        solid_when_too_fine(&mut look.dash, scale);
        // A label hung below a leaf sits on its group's colour when a lens painted the group
        // (faded, the colour is nearly white and the white halo stays right).
        look.backdrop = element
            .parent
            .as_ref()
            .filter(|_| look.opacity >= 1.0)
            .and_then(|p| lens.and_then(|l| l.fills.get(p)))
            .cloned();
        draw_element(svg, &sized(item, lens), element, &look);
    }
    svg.raw("</g>");
    if let Some(lens) = lens.filter(|l| !l.badges.is_empty()) {
        draw_badges(svg, layout, lens, &element_opacity);
    }
    svg.raw("</g>");
    if clipped {
        svg.raw("</g>");
    }
}

/// Every route, faint where the scene fades either end; brought forward, memberships bolder.
fn draw_relations(svg: &mut Svg, routes: &[Route], emphasis: Option<&Emphasis>) {
    for route in routes {
        let faded = emphasis.is_some_and(|e| e.relation_faded(&route.ends.0, &route.ends.1));
        if faded {
            draw_route(svg, route, FADED * 0.7);
        } else if emphasis.is_some() && route.kind == crate::model::RelationKind::MemberOf {
            // Brought forward, who belongs where is part of the story: dots big enough to follow.
            let mut bold = route.clone();
            bold.width = route.width * 1.8;
            bold.opacity = 1.0;
            draw_route(svg, &bold, 1.0);
        } else {
            draw_route(svg, route, 1.0);
        }
    }
}

/// A lens's badges, last and over everything: a line or a neighbour must not cover the words.
fn draw_badges(
    svg: &mut Svg,
    layout: &Layout,
    lens: &LensPaint,
    element_opacity: &dyn Fn(&ElementId) -> f64,
) {
    // Badges last, over everything: a line or a neighbour must not cover the words.
    svg.raw(r#"<g id="badges">"#);
    // Only on what the page brings forward: words on faded elements are noise.
    for item in &layout.items {
        let lit = element_opacity(&item.id) >= 1.0;
        if let (Some(text), true) = (lens.badges.get(&item.id), lit) {
            badge(svg, &sized(item, Some(lens)), text);
        }
    }
    svg.raw("</g>");
}

/// Dashes shorter on the page than this (in points, a whole period) cannot be told from a solid
/// line, in print or on screen.
const FINEST_DASH: f64 = 0.5;

/// Draws a dash pattern solid when the page shrinks it below what can be seen: on a district of
/// thousands the outermost groups' borders would otherwise be hundreds of thousands of invisible
/// dashes, each one work for the PDF reader and the PNG rasteriser.
fn solid_when_too_fine(dash: &mut Vec<f64>, scale: f64) {
    if dash.iter().sum::<f64>() * scale < FINEST_DASH {
        dash.clear();
    }
}

/// How the drawing's map units sit on the page: `page = map × scale + (tx, ty)`.
#[derive(Debug, Clone, Copy)]
struct Frame {
    scale: f64,
    tx: f64,
    ty: f64,
}

impl Frame {
    /// The viewport, else what the scene brings forward, else everything, fitted into `area`.
    fn of(scenario: &Scenario, layout: &Layout, spec: &PageSpec, area: Rect) -> Self {
        let world = spec
            .viewport
            .or_else(|| focus(scenario, layout, spec, area))
            .unwrap_or_else(|| layout.bounds().grown(14.0));
        let scale = (area.width / world.width.max(1.0))
            .min(area.height / world.height.max(1.0))
            .min(MAX_SCALE);
        Self {
            scale,
            tx: area.x + (area.width - world.width * scale) / 2.0 - world.x * scale,
            ty: area.y + (area.height - world.height * scale) / 2.0 - world.y * scale,
        }
    }

    /// The part of the map, in map units, that shows in `area`.
    fn seen(&self, area: Rect) -> Rect {
        Rect {
            x: (area.x - self.tx) / self.scale,
            y: (area.y - self.ty) / self.scale,
            width: area.width / self.scale,
            height: area.height / self.scale,
        }
    }
}

/// A scene that brings elements forward zooms to them (with some of their surroundings), so a
/// deck page reads at the size of the story it tells rather than of the whole district.
fn focus(scenario: &Scenario, layout: &Layout, spec: &PageSpec, area: Rect) -> Option<Rect> {
    let lit = Emphasis::of(scenario, spec.emphasis.as_ref()?)?;
    let bounds = layout
        .items
        .iter()
        .filter(|p| !lit.element_faded(&p.id))
        .map(Placed::footprint)
        .reduce(|a, b| a.union(&b))?
        .grown(60.0);
    let all = layout.bounds().grown(14.0);
    // Widen the short side to the page's shape, so the page is filled rather than letterboxed.
    let aspect = area.width / area.height.max(1.0);
    let (mut w, mut h) = (bounds.width, bounds.height);
    if w / h < aspect {
        w = h * aspect;
    } else {
        h = w / aspect;
    }
    if w >= all.width && h >= all.height {
        return None;
    }
    let c = bounds.centre();
    Some(Rect {
        x: c.x - w / 2.0,
        y: c.y - h / 2.0,
        width: w,
        height: h,
    })
}
