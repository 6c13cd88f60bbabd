//! Writes one page as SVG: the frame, the title block, the drawing scaled to fit, the legend.
//!
//! Page furniture is measured in points (the SVG's user units equal PostScript points, so the PDF
//! page is exactly A4, Letter or 16:9); the drawing is in map units under one transform. Every
//! label is a real `<text>` in the vocabulary's font family, so the SVG stays searchable and the
//! PDF selectable. Shapes and line patterns carry meaning alongside colour, for grey-scale print.

use super::edges::{self, Route};
use super::font::{self, Weight};
use super::layout::{self, LabelPlace, Layout, Placed, TreeStyle};
use super::legend::{self, Entry, Swatch};
use super::{LensPaint, PageSpec, Rect};
use crate::model::{
    Boundary, CommunityStage, Element, ElementDetails, ElementId, ElementKind, Map, Point, Ring,
    Scenario, SprintStatus, Stance, View,
};
use crate::rules::Glyph;
use crate::view::Emphasis;
use crate::vocabulary::{self as vocab, Arrowhead, LinePattern};
use crate::xml_text::escape;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;

const MARGIN: f64 = 30.0;
const HEADER_H: f64 = 56.0;
const LEGEND_COLUMN: f64 = 152.0;
const LEGEND_ROW: f64 = 14.5;
const LEGEND_TEXT: f64 = 8.5;
/// Never enlarge a small map past its size on screen: big boxes with big type look like a toy.
const MAX_SCALE: f64 = 1.1;
const RULE: &str = "#D1D5DB";
/// Drawn faint when a scene brings other elements forward.
const FADED: f64 = 0.18;
/// Above this many elements, labels go without halos.
const HALO_LIMIT: usize = 1500;

/// The SVG being written. Numbers are written with two decimals: a hundredth of a point.
struct Svg {
    out: String,
}

impl Svg {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(
        &mut self,
        at: (f64, f64),
        size: f64,
        weight: Weight,
        fill: &str,
        anchor: &str,
        s: &str,
    ) {
        let _ = write!(
            self.out,
            r#"<text x="{:.2}" y="{:.2}" font-size="{size:.2}" font-weight="{}" fill="{fill}" text-anchor="{anchor}">{}</text>"#,
            at.0,
            at.1,
            weight.css(),
            escape(&font::bounded(s))
        );
    }
}

fn open_page(width: f64, height: f64) -> Svg {
    let family = vocab::vocabulary().font_family;
    let mut svg = Svg {
        out: String::with_capacity(64 * 1024),
    };
    let _ = write!(
        svg.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2}" height="{height:.2}" viewBox="0 0 {width:.2} {height:.2}" font-family="{family}, sans-serif">"#
    );
    let _ = write!(
        svg.out,
        r##"<rect x="0" y="0" width="{width:.2}" height="{height:.2}" fill="#FFFFFF"/>"##
    );
    svg
}

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
    svg.text(
        (MARGIN, MARGIN + 16.0),
        20.0,
        Weight::Semibold,
        vocab::INK,
        "start",
        title,
    );
    svg.text(
        (MARGIN, MARGIN + 36.0),
        13.0,
        Weight::Regular,
        "#4B5563",
        "start",
        subtitle,
    );
    svg.text(
        (width - MARGIN, MARGIN + 12.0),
        9.5,
        Weight::Regular,
        "#4B5563",
        "end",
        date,
    );
    svg.text(
        (width - MARGIN, MARGIN + 25.0),
        9.5,
        Weight::Regular,
        "#4B5563",
        "end",
        scenario,
    );
    if let Some(moment) = &heading.moment {
        svg.text(
            (width - MARGIN, MARGIN + 38.0),
            9.5,
            Weight::Semibold,
            "#4B5563",
            "end",
            &format!("As of {moment}"),
        );
    }
    let lines = heading.caption_lines(width);
    let name = heading.caption.map(|(name, _)| name).unwrap_or_default();
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
    let y = MARGIN + heading.height(width) - 10.0;
    let _ = write!(
        svg.out,
        r#"<line x1="{MARGIN:.2}" y1="{y:.2}" x2="{:.2}" y2="{y:.2}" stroke="{RULE}" stroke-width="0.75"/></g>"#,
        width - MARGIN
    );
}

pub(crate) fn view_name(view: View) -> &'static str {
    match view {
        View::Network => "How work flows: the network",
        View::OrgChart => "The org chart",
    }
}

/// "April 2021" for `2021-04`, "15 April 2021" for `2021-04-15`; other text as given.
fn moment_words(date: &str) -> String {
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

/// One page of a view.
pub(crate) fn page_svg(map: &Map, scenario: &Scenario, layout: &Layout, spec: &PageSpec) -> String {
    let routes = edges::routes(scenario, layout);
    let (width, height) = spec.size.points();
    let mut svg = open_page(width, height);
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
    title_block(&mut svg, width, &heading);
    let header_h = heading.height(width);

    let inner = width - 2.0 * MARGIN;
    let columns = ((inner / LEGEND_COLUMN).floor() as usize).max(1);
    let legend_height = |entries: usize| {
        if entries == 0 {
            0.0
        } else {
            12.0 + entries.div_ceil(columns) as f64 * LEGEND_ROW
        }
    };
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
    if spec.viewport.is_some() || spec.emphasis.is_some() {
        let area = area_above(legend_height(entries.len()));
        let seen = Frame::of(scenario, layout, spec, area).seen(area);
        entries = legend::entries(scenario, layout, &routes, lens, Some(seen));
    }
    let legend_h = legend_height(entries.len());
    let area = area_above(legend_h);
    drawing(&mut svg, scenario, layout, &routes, spec, area);
    if !entries.is_empty() {
        legend_block(
            &mut svg,
            scenario,
            layout,
            &entries,
            spec,
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
    svg.out
}

/// A page of speaker notes for the scene before it: the scene's page small on the left, so the
/// presenter sees which slide the words go with, and the notes beside it and then under it.
pub(crate) fn notes_svg(
    map: &Map,
    spec: &PageSpec,
    subtitle: &str,
    notes: &str,
    slide: &str,
) -> String {
    let (width, height) = spec.size.points();
    let mut svg = open_page(width, height);
    let subtitle = format!("Notes: {subtitle}");
    let heading = Heading {
        title: &map.title,
        subtitle: &subtitle,
        date: &spec.date,
        scenario: String::new(),
        moment: None,
        caption: None,
    };
    title_block(&mut svg, width, &heading);
    let top = MARGIN + heading.height(width) + 4.0;
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
    let _ = write!(
        svg.out,
        r#"<g id="slide" transform="translate({:.2} {:.2}) scale({shrink})">{body}</g><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="{RULE}" stroke-width="0.75"/>"#,
        thumb.x, thumb.y, thumb.x, thumb.y, thumb.width, thumb.height
    );
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
    svg.raw("</svg>");
    svg.out
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
        draw_element(svg, item, element, &look);
    }
    svg.raw(r#"</g><g id="relations">"#);
    if layout.view == View::OrgChart {
        tree_lines(svg, scenario, layout, &element_opacity);
    }
    for route in routes {
        let faded = emphasis
            .as_ref()
            .is_some_and(|e| e.relation_faded(&route.ends.0, &route.ends.1));
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
    svg.raw(r#"</g><g id="elements">"#);
    for item in layout.items.iter().filter(|p| !p.is_group) {
        let element = &scenario.elements[&item.id];
        let mut look = look(element, false, lens);
        look.opacity *= element_opacity(&item.id);
        look.faded = element_opacity(&item.id) < 1.0;
        look.halo = halos;
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
    svg.raw("</g>");
    if clipped {
        svg.raw("</g>");
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

/// How an element is painted: its kind's colours, then its boundary and state.
#[derive(Debug, Clone)]
struct Look {
    fill: String,
    fill_opacity: f64,
    stroke: &'static str,
    stroke_width: f64,
    dash: Vec<f64>,
    opacity: f64,
    /// A white halo round labels hung outside shapes, where lines may run under them.
    halo: bool,
    /// The colour under a label hung below the shape, when not white: the halo takes it.
    backdrop: Option<String>,
    /// Drawn faint because the view brings other things forward (said as `data-faded`).
    faded: bool,
}

fn look(element: &Element, is_group: bool, lens: Option<&LensPaint>) -> Look {
    let style = vocab::element_style(element.kind());
    let mut look = Look {
        fill: style.fill.to_owned(),
        fill_opacity: if is_group { 0.45 } else { 1.0 },
        stroke: style.stroke,
        stroke_width: 1.5,
        dash: Vec::new(),
        opacity: 1.0,
        halo: true,
        backdrop: None,
        faded: false,
    };
    if let Some(boundary) = element.details.boundary() {
        let b = vocab::boundary_style(boundary);
        if b.width > 0.0 {
            // A leaf's wall is drawn a little lighter than a group's: it encloses only a name.
            look.stroke_width = if is_group { b.width } else { b.width.min(3.0) };
            look.dash = dashes(b.pattern, look.stroke_width);
        } else if is_group {
            look.stroke_width = 0.0;
            look.fill_opacity = 0.14;
        }
    }
    match &element.details {
        ElementDetails::Community { ring, stage, .. } => {
            look.fill_opacity = match (ring, is_group) {
                (Ring::Practice, _) => look.fill_opacity,
                (Ring::Engagement, true) => look.fill_opacity.min(0.25),
                (Ring::Interest, true) => look.fill_opacity.min(0.1),
                (Ring::Engagement, false) => 0.45,
                // Outline only: the loosest ring.
                (Ring::Interest, false) => 0.0,
            };
            if *stage == CommunityStage::Hospice {
                look.opacity = 0.55;
                look.dash = dashes(LinePattern::Dashed, look.stroke_width.max(1.5));
            }
        }
        ElementDetails::SprintTeam { status, .. } => match status {
            SprintStatus::Dissolved
            | SprintStatus::Transformed
            | SprintStatus::AbsorbedIntoRoutine => {
                look.opacity = 0.4;
                look.stroke_width = 2.0;
                look.dash = vec![6.0, 4.0];
            }
            SprintStatus::Forming => {
                look.stroke_width = 2.5;
                look.dash = dashes(LinePattern::Dotted, 2.5);
            }
            SprintStatus::Active => {}
        },
        ElementDetails::Office { hospiced: true, .. } => {
            look.opacity = 0.55;
            look.dash = dashes(LinePattern::Dashed, look.stroke_width.max(1.5));
        }
        _ => {}
    }
    if !is_group && look.stroke_width == 0.0 {
        look.stroke_width = 1.5;
    }
    if let Some(fill) = lens.and_then(|l| l.fills.get(&element.id)) {
        look.fill = fill.clone();
        // Opaque, groups too: a group nested in another must show its own colour, not the two
        // mixed (which would read as a third step of the scale).
        look.fill_opacity = 1.0;
    }
    look
}

/// The largest a lens may grow a leaf: more would cover its neighbours in a packed group.
const MAX_GROWTH: f64 = 1.5;

/// A leaf as a lens sizes it (brokers by betweenness), grown about its centre; groups keep the
/// size their contents need.
fn sized<'a>(item: &'a Placed, lens: Option<&LensPaint>) -> Cow<'a, Placed> {
    match lens.and_then(|l| l.sizes.get(&item.id)) {
        Some(&factor) if !item.is_group && factor.is_finite() && factor > 1.0 => {
            let factor = factor.min(MAX_GROWTH);
            let mut grown = item.clone();
            let c = item.shape.centre();
            let (w, h) = (item.shape.width * factor, item.shape.height * factor);
            grown.shape = Rect {
                x: c.x - w / 2.0,
                y: c.y - h / 2.0,
                width: w,
                height: h,
            };
            Cow::Owned(grown)
        }
        _ => Cow::Borrowed(item),
    }
}

/// A little smaller than labels (16), still readable on a whole-district page.
const BADGE_SIZE: f64 = 14.0;

/// A lens's words on an element: a pill on the top edge — at the right end of a group's title
/// band, centred over a leaf — white with an ink outline, so it reads in grey-scale too.
fn badge(svg: &mut Svg, item: &Placed, text: &str) {
    let text = &*font::bounded(text);
    let w = font::text_width(text, BADGE_SIZE, Weight::Semibold) + 12.0;
    let h = BADGE_SIZE + 6.0;
    let r = item.shape;
    let (x, y) = if item.is_group {
        (r.x + r.width - w - 12.0, r.y - h / 2.0)
    } else {
        (r.centre().x - w / 2.0, r.y - h / 2.0 - 2.0)
    };
    let _ = write!(
        svg.out,
        r##"<g data-badge="{}"><rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" rx="{:.2}" fill="#FFFFFF" stroke="{}" stroke-width="1"/>"##,
        escape(&item.id.0),
        h / 2.0,
        vocab::INK
    );
    svg.text(
        (x + w / 2.0, y + h / 2.0 + BADGE_SIZE * 0.34),
        BADGE_SIZE,
        Weight::Semibold,
        vocab::INK,
        "middle",
        text,
    );
    svg.raw("</g>");
}

fn dashes(pattern: LinePattern, width: f64) -> Vec<f64> {
    vocab::dash_array(pattern)
        .iter()
        .map(|d| d * width.max(1.0))
        .collect()
}

fn dash_attr(dash: &[f64]) -> String {
    if dash.is_empty() {
        return String::new();
    }
    let list: Vec<String> = dash.iter().map(|d| format!("{d:.2}")).collect();
    format!(r#" stroke-dasharray="{}""#, list.join(" "))
}

fn paint_attrs(look: &Look) -> String {
    let mut s = format!(
        r#" fill="{}" fill-opacity="{:.2}""#,
        look.fill, look.fill_opacity
    );
    if look.stroke_width > 0.0 {
        let _ = write!(
            s,
            r#" stroke="{}" stroke-width="{:.2}" stroke-linejoin="round"{}"#,
            look.stroke,
            look.stroke_width,
            dash_attr(&look.dash)
        );
    }
    s
}

/// The outline of a shape in `rect`, as an SVG element with `attrs`.
fn shape(svg: &mut Svg, kind: ElementKind, is_group: bool, r: Rect, attrs: &str) {
    let (x, y, w, h) = (r.x, r.y, r.width, r.height);
    let c = r.centre();
    let polygon = |svg: &mut Svg, unit: &[(f64, f64)]| {
        let points: Vec<String> = unit
            .iter()
            .map(|(ux, uy)| format!("{:.2},{:.2}", c.x + ux * w / 2.0, c.y + uy * h / 2.0))
            .collect();
        let _ = write!(
            svg.out,
            r#"<polygon points="{}"{attrs}/>"#,
            points.join(" ")
        );
    };
    let rounded = |svg: &mut Svg, radius: f64| {
        let _ = write!(
            svg.out,
            r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" rx="{radius:.2}"{attrs}/>"#
        );
    };
    match (kind, is_group) {
        (ElementKind::Office, _) => rounded(svg, 0.0),
        (ElementKind::Site, g) => rounded(svg, if g { 14.0 } else { (h / 4.0).min(10.0) }),
        (ElementKind::Community, true) => rounded(svg, 36.0_f64.min(h / 2.0).min(w / 2.0)),
        (ElementKind::SprintTeam, true) => rounded(svg, 14.0),
        (ElementKind::Community | ElementKind::Person, false) => {
            let _ = write!(
                svg.out,
                r#"<ellipse cx="{:.2}" cy="{:.2}" rx="{:.2}" ry="{:.2}"{attrs}/>"#,
                c.x,
                c.y,
                w / 2.0,
                h / 2.0
            );
        }
        (ElementKind::SprintTeam, false) => {
            let mut unit = Vec::with_capacity(10);
            for i in 0..10 {
                let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::PI / 5.0;
                let radius = if i % 2 == 0 { 1.0 } else { 0.45 };
                unit.push((radius * angle.cos(), radius * angle.sin() + 0.08));
            }
            polygon(svg, &unit);
        }
        (ElementKind::Routine, _) => polygon(
            svg,
            &[
                (-1.0, -1.0),
                (0.72, -1.0),
                (1.0, 0.0),
                (0.72, 1.0),
                (-1.0, 1.0),
                (-0.72, 0.0),
            ],
        ),
        (ElementKind::Partner, _) => polygon(
            svg,
            &[
                (-1.0, 0.0),
                (-0.62, -1.0),
                (0.62, -1.0),
                (1.0, 0.0),
                (0.62, 1.0),
                (-0.62, 1.0),
            ],
        ),
        (ElementKind::Person, true) => rounded(svg, 10.0),
    }
}

/// A glyph drawn in a 24-unit box, placed at `(x, y)` with side `size`.
fn glyph(svg: &mut Svg, x: f64, y: f64, size: f64, body: &str) {
    let _ = write!(
        svg.out,
        r#"<g transform="translate({x:.2} {y:.2}) scale({:.4})">{body}</g>"#,
        size / 24.0
    );
}

/// The small picture in an element's top-left corner, if its kind or state has one.
fn corner_glyph(element: &Element, is_group: bool) -> Option<String> {
    let style = vocab::element_style(element.kind());
    match &element.details {
        ElementDetails::Office {
            stance: Some(Stance::Compliance),
            ..
        } => {
            Some(Glyph::Compliance.svg(vocab::medium_line(crate::model::Medium::Permission).color))
        }
        ElementDetails::Site { .. } => Some(Glyph::Site.svg(style.stroke)),
        ElementDetails::SprintTeam { .. } if is_group => Some(Glyph::Star.svg(style.stroke)),
        _ => None,
    }
}

fn draw_element(svg: &mut Svg, item: &Placed, element: &Element, look: &Look) {
    let _ = write!(
        svg.out,
        r#"<g data-id="{}" opacity="{:.2}"{}>"#,
        escape(&item.id.0),
        look.opacity,
        if look.faded {
            r#" data-faded="true""#
        } else {
            ""
        }
    );
    shape(
        svg,
        item.kind,
        item.is_group,
        item.shape,
        &paint_attrs(look),
    );
    let r = item.shape;
    let glyph_body = corner_glyph(element, item.is_group);
    if let Some(body) = &glyph_body {
        let (inset, size) = if item.is_group {
            (8.0, 20.0)
        } else {
            (5.0, 14.0)
        };
        glyph(svg, r.x + inset, r.y + inset, size, body);
    }
    let ink = vocab::element_style(item.kind).text;
    let size = item.size;
    let line_h = size * font::LINE_HEIGHT;
    match item.place {
        LabelPlace::Inside => {
            let total = line_h * item.lines.len() as f64;
            let c = r.centre();
            // Slanted shapes read better with their text nudged off the notch.
            let cx = if item.kind == ElementKind::Routine {
                c.x + 4.0
            } else if glyph_body.is_some() {
                c.x + layout::LEAF_GLYPH_ROOM
            } else {
                c.x
            };
            let top = c.y - total / 2.0;
            text_lines(
                svg,
                &item.lines,
                cx,
                top,
                size,
                item.weight,
                ink,
                "middle",
                None,
            );
        }
        LabelPlace::Below => {
            if item.kind == ElementKind::Person {
                let c = r.centre();
                let initials = crate::label::initials(&element.name);
                svg.text(
                    (c.x, c.y + 5.0),
                    14.0,
                    Weight::Semibold,
                    ink,
                    "middle",
                    &initials,
                );
            }
            let top = r.y + r.height + 4.0;
            text_lines(
                svg,
                &item.lines,
                r.centre().x,
                top,
                size,
                item.weight,
                ink,
                "middle",
                look.halo
                    .then_some(look.backdrop.as_deref().unwrap_or("#FFFFFF")),
            );
        }
        LabelPlace::Band => {
            let left = if glyph_body.is_some() {
                r.x + layout::TITLE_INSET
            } else {
                r.x + 14.0
            };
            text_lines(
                svg,
                &item.lines,
                left,
                r.y + 6.0,
                size,
                item.weight,
                vocab::INK,
                "start",
                // On a lens's opaque colour a white halo would glow: the halo takes the fill.
                look.halo
                    .then_some(if look.fill_opacity >= 1.0 && look.opacity >= 1.0 {
                        look.fill.as_str()
                    } else {
                        "#FFFFFF"
                    }),
            );
        }
    }
    svg.raw("</g>");
}

/// Lines of a label, the first line's box top at `top`. A halo keeps a label readable where a
/// line runs under it.
#[allow(clippy::too_many_arguments)]
fn text_lines(
    svg: &mut Svg,
    lines: &[String],
    x: f64,
    top: f64,
    size: f64,
    weight: Weight,
    fill: &str,
    anchor: &str,
    halo: Option<&str>,
) {
    let line_h = size * font::LINE_HEIGHT;
    let halo_attrs = match halo {
        Some(colour) => format!(
            r#" stroke="{colour}" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke""#
        ),
        None => String::new(),
    };
    let _ = write!(
        svg.out,
        r#"<text font-size="{size:.2}" font-weight="{}" fill="{fill}" text-anchor="{anchor}"{halo_attrs}>"#,
        weight.css()
    );
    for (i, line) in lines.iter().enumerate() {
        // The baseline sits where the line box's middle meets the font's x-height.
        let baseline = top + line_h * i as f64 + line_h / 2.0 + size * 0.34;
        let _ = write!(
            svg.out,
            r#"<tspan x="{x:.2}" y="{baseline:.2}">{}</tspan>"#,
            escape(line)
        );
    }
    svg.raw("</text>");
}

/// The org chart's connectors: a bus under each superior, or a spine beside a stacked column.
fn tree_lines(
    svg: &mut Svg,
    scenario: &Scenario,
    layout: &Layout,
    opacity: &dyn Fn(&ElementId) -> f64,
) {
    // Each connector names the reporting lines it draws, as a route names its relation.
    let lines: HashMap<(&ElementId, &ElementId), &str> = scenario
        .relations
        .values()
        .filter(|r| r.kind() == crate::model::RelationKind::ReportsTo)
        .map(|r| ((&r.source, &r.target), r.id.0.as_str()))
        .collect();
    let colour = vocab::relation_line(crate::model::RelationKind::ReportsTo).color;
    let _ = write!(
        svg.out,
        r#"<g fill="none" stroke="{colour}" stroke-width="1.5" stroke-linecap="square">"#
    );
    for (boss, kids, style) in &layout.tree {
        let Some(b) = layout.get(boss) else { continue };
        let foot = b.footprint();
        let (bx, by) = (b.shape.centre().x, foot.y + foot.height + 3.0);
        let mut d = String::new();
        match style {
            TreeStyle::Row => {
                let tops: Vec<(f64, f64)> = kids
                    .iter()
                    .filter_map(|k| layout.get(k))
                    .map(|k| (k.shape.centre().x, k.shape.y))
                    .collect();
                let Some(min_top) = tops.iter().map(|t| t.1).reduce(f64::min) else {
                    continue;
                };
                let bus = (by + min_top) / 2.0;
                let left = tops.iter().map(|t| t.0).fold(bx, f64::min);
                let right = tops.iter().map(|t| t.0).fold(bx, f64::max);
                let _ = write!(d, "M{bx:.2} {by:.2}V{bus:.2}M{left:.2} {bus:.2}H{right:.2}");
                for (x, top) in tops {
                    let _ = write!(d, "M{x:.2} {bus:.2}V{:.2}", top - 2.0);
                }
            }
            TreeStyle::Column => {
                let mut last = by;
                for kid in kids.iter().filter_map(|k| layout.get(k)) {
                    let c = kid.shape.centre();
                    let _ = write!(d, "M{bx:.2} {:.2}H{:.2}", c.y, kid.shape.x - 2.0);
                    last = c.y;
                }
                let _ = write!(d, "M{bx:.2} {by:.2}V{last:.2}");
            }
        }
        let o = opacity(boss);
        let ids: Vec<String> = kids
            .iter()
            .filter_map(|k| lines.get(&(k, boss)))
            .map(|id| escape(id).into_owned())
            .collect();
        let _ = write!(
            svg.out,
            r#"<path data-relations="{}" d="{d}" opacity="{o:.2}"{}/>"#,
            ids.join(" "),
            if o < 1.0 { r#" data-faded="true""# } else { "" }
        );
        // The tee at the superior: the vocabulary's mark of authority.
        let _ = write!(
            svg.out,
            r#"<path d="M{:.2} {by:.2}H{:.2}" stroke-width="2.5" opacity="{o:.2}"/>"#,
            bx - 6.0,
            bx + 6.0
        );
    }
    svg.raw("</g>");
}

fn head_length(width: f64) -> f64 {
    6.0 + 1.9 * width
}

fn draw_route(svg: &mut Svg, route: &Route, fade: f64) {
    let w = route.width;
    // Where the line comes from, at each end: the other end or the bow's control point.
    let from_end = route.control.unwrap_or(route.start);
    let from_start = route.control.unwrap_or(route.end);
    let trim = |at: Point, from: Point, head: Arrowhead| -> Point {
        if head != Arrowhead::Triangle {
            return at;
        }
        let (dx, dy) = (at.x - from.x, at.y - from.y);
        let len = (dx * dx + dy * dy).sqrt().max(1e-6);
        let cut = (head_length(w) * 0.8).min(len * 0.45);
        Point {
            x: at.x - dx / len * cut,
            y: at.y - dy / len * cut,
        }
    };
    let start = trim(route.start, from_start, route.head_start);
    let end = trim(route.end, from_end, route.head_end);
    let d = match route.control {
        None => format!("M{:.2} {:.2}L{:.2} {:.2}", start.x, start.y, end.x, end.y),
        Some(c) => format!(
            "M{:.2} {:.2}Q{:.2} {:.2} {:.2} {:.2}",
            start.x, start.y, c.x, c.y, end.x, end.y
        ),
    };
    let dash = dashes(route.line.pattern, w);
    let cap = if dash.is_empty() { "round" } else { "butt" };
    let opacity = route.opacity * fade;
    let colour = route.line.color;
    let _ = write!(
        svg.out,
        r#"<g data-id="{}" opacity="{opacity:.2}"{}><path d="{d}" fill="none" stroke="{colour}" stroke-width="{w:.2}" stroke-linecap="{cap}"{}/>"#,
        escape(&route.relation.0),
        if fade < 1.0 {
            r#" data-faded="true""#
        } else {
            ""
        },
        dash_attr(&dash)
    );
    head(svg, route.end, from_end, route.head_end, w, colour);
    head(svg, route.start, from_start, route.head_start, w, colour);
    if route.kind == crate::model::RelationKind::Barrier {
        blocked_mark(svg, route.middle(), 9.0, colour);
    }
    svg.raw("</g>");
}

/// An arrowhead or a tee at `tip`, pointing away from `from`.
fn head(svg: &mut Svg, tip: Point, from: Point, kind: Arrowhead, width: f64, colour: &str) {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-6 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (nx, ny) = (-uy, ux);
    match kind {
        Arrowhead::None => {}
        Arrowhead::Triangle => {
            let l = head_length(width);
            let half = 3.2 + 1.1 * width;
            let (bx, by) = (tip.x - ux * l, tip.y - uy * l);
            let _ = write!(
                svg.out,
                r#"<polygon points="{:.2},{:.2} {:.2},{:.2} {:.2},{:.2}" fill="{colour}"/>"#,
                tip.x,
                tip.y,
                bx + nx * half,
                by + ny * half,
                bx - nx * half,
                by - ny * half
            );
        }
        Arrowhead::Tee => {
            let half = 5.0 + 1.2 * width;
            let back = 1.5 + width * 0.5;
            let (cx, cy) = (tip.x - ux * back, tip.y - uy * back);
            let _ = write!(
                svg.out,
                r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{colour}" stroke-width="{:.2}"/>"#,
                cx + nx * half,
                cy + ny * half,
                cx - nx * half,
                cy - ny * half,
                (width * 0.9).max(2.0)
            );
        }
    }
}

/// ⊘, drawn (not typed: not every font has the sign): a ring with a slash, on white.
fn blocked_mark(svg: &mut Svg, at: Point, r: f64, colour: &str) {
    let s = r * 0.68;
    let _ = write!(
        svg.out,
        r##"<circle cx="{:.2}" cy="{:.2}" r="{r:.2}" fill="#FFFFFF" stroke="{colour}" stroke-width="{:.2}"/><line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{colour}" stroke-width="{:.2}"/>"##,
        at.x,
        at.y,
        r * 0.28,
        at.x - s,
        at.y + s,
        at.x + s,
        at.y - s,
        r * 0.28
    );
}

// ------------------------------------------------------------------------------------------
// The legend

fn legend_block(
    svg: &mut Svg,
    scenario: &Scenario,
    layout: &Layout,
    entries: &[Entry],
    spec: &PageSpec,
    r: Rect,
    columns: usize,
) {
    let _ = write!(
        svg.out,
        r#"<g id="legend"><line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{RULE}" stroke-width="0.75"/>"#,
        r.x,
        r.y,
        r.x + r.width,
        r.y
    );
    let rows = entries.len().div_ceil(columns);
    let column_w = r.width / columns as f64;
    for (i, entry) in entries.iter().enumerate() {
        // Down the columns, so related entries read as a list.
        let (col, row) = (i / rows, i % rows);
        let x = r.x + col as f64 * column_w;
        let y = r.y + 8.0 + row as f64 * LEGEND_ROW;
        let swatch = Rect {
            x,
            y,
            width: 24.0,
            height: 11.0,
        };
        legend_swatch(svg, scenario, layout, &entry.swatch, swatch, spec);
        // A long label (a map's own cluster or lens words) shrinks to its column, never into
        // the next one.
        let room = column_w - 31.0 - 6.0;
        let natural = font::text_width(&entry.label, LEGEND_TEXT, Weight::Regular);
        let size = if natural > room {
            (LEGEND_TEXT * room / natural).max(6.0)
        } else {
            LEGEND_TEXT
        };
        svg.text(
            (x + 31.0, y + 8.6),
            size,
            Weight::Regular,
            vocab::INK,
            "start",
            &entry.label,
        );
    }
    svg.raw("</g>");
}

fn legend_swatch(
    svg: &mut Svg,
    scenario: &Scenario,
    _layout: &Layout,
    swatch: &Swatch,
    r: Rect,
    _spec: &PageSpec,
) {
    let c = r.centre();
    match swatch {
        Swatch::Element(id) => {
            // The kind's own shape and state; its wall is the boundary entries' business.
            let mut element = scenario.elements[id].clone();
            match &mut element.details {
                ElementDetails::Office { boundary, .. }
                | ElementDetails::Site { boundary, .. }
                | ElementDetails::Community { boundary, .. }
                | ElementDetails::SprintTeam { boundary, .. } => *boundary = Boundary::Open,
                _ => {}
            }
            let mut look = look(&element, false, None);
            look.stroke_width = (look.stroke_width * 0.6).max(1.0);
            look.dash = look.dash.iter().map(|d| d * 0.6).collect();
            let kind = element.kind();
            let shape_box = match kind {
                ElementKind::Person => Rect {
                    x: c.x - 5.5,
                    y: c.y - 5.5,
                    width: 11.0,
                    height: 11.0,
                },
                ElementKind::SprintTeam => Rect {
                    x: c.x - 7.5,
                    y: c.y - 7.5,
                    width: 15.0,
                    height: 15.0,
                },
                _ => r,
            };
            let _ = write!(svg.out, r#"<g opacity="{:.2}">"#, look.opacity);
            shape(svg, kind, false, shape_box, &paint_attrs(&look));
            svg.raw("</g>");
        }
        Swatch::ComplianceBadge => {
            glyph(
                svg,
                c.x - 6.0,
                c.y - 6.0,
                12.0,
                &Glyph::Compliance.svg(vocab::medium_line(crate::model::Medium::Permission).color),
            );
        }
        Swatch::Boundary(boundary) => {
            let b = vocab::boundary_style(*boundary);
            let width = b.width * 0.5;
            let attrs = if width > 0.0 {
                format!(
                    r##" fill="#9CA3AF" fill-opacity="0.18" stroke="#4B5563" stroke-width="{width:.2}"{}"##,
                    dash_attr(&dashes(b.pattern, width))
                )
            } else {
                r##" fill="#9CA3AF" fill-opacity="0.3""##.to_owned()
            };
            let _ = write!(
                svg.out,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="2"{attrs}/>"#,
                r.x + 1.0,
                r.y + 1.0,
                r.width - 2.0,
                r.height - 2.0
            );
        }
        Swatch::Line {
            line,
            width,
            two_way,
            barrier,
        } => {
            let w = *width * 0.6;
            let route = Route {
                relation: crate::model::RelationId("legend".into()),
                kind: if *barrier {
                    crate::model::RelationKind::Barrier
                } else {
                    crate::model::RelationKind::Flow
                },
                medium: None,
                line: line.clone(),
                width: w,
                opacity: 1.0,
                start: Point { x: r.x, y: c.y },
                control: None,
                end: Point {
                    x: r.x + r.width,
                    y: c.y,
                },
                head_start: if *two_way {
                    line.arrowhead
                } else {
                    Arrowhead::None
                },
                head_end: line.arrowhead,
                two_way: *two_way,
                ends: (ElementId::from("a"), ElementId::from("b")),
            };
            if *barrier {
                // The mark at legend size: the line's middle, smaller than on the drawing.
                let mut plain = route.clone();
                plain.kind = crate::model::RelationKind::Flow;
                draw_route(svg, &plain, 1.0);
                blocked_mark(svg, c, 4.5, line.color);
            } else {
                draw_route(svg, &route, 1.0);
            }
        }
        Swatch::Volume => {
            let _ = write!(
                svg.out,
                r##"<polygon points="{:.2},{:.2} {:.2},{:.2} {:.2},{:.2} {:.2},{:.2}" fill="#6B7280"/>"##,
                r.x,
                c.y - 0.4,
                r.x + r.width,
                c.y - 2.6,
                r.x + r.width,
                c.y + 2.6,
                r.x,
                c.y + 0.4
            );
        }
        Swatch::Colour(colour) => {
            let _ = write!(
                svg.out,
                r##"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="2" fill="{}" stroke="#4B5563" stroke-width="0.5"/>"##,
                r.x + 1.0,
                r.y + 1.0,
                r.width - 2.0,
                r.height - 2.0,
                escape(colour)
            );
        }
    }
}
