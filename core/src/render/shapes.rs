//! Shapes: how an element is painted and drawn (its outline, corner glyph, label and lens
//! badge), and the lines between elements (routes with their arrowheads, the org chart's
//! connectors).
//!
//! Shapes and line patterns carry meaning alongside colour, for grey-scale print.

use super::edges::Route;
use super::font::{self, Weight};
use super::layout::{self, LabelPlace, Layout, Placed, TreeStyle};
use super::svg::{dash_attr, dashes, glyph, text_lines, Svg};
use super::{LensPaint, Rect};
use crate::model::{
    CommunityStage, Element, ElementDetails, ElementId, ElementKind, Point, Ring, SprintStatus,
    Stance,
};
use crate::rules::Glyph;
use crate::vocabulary::{self as vocab, Arrowhead, LinePattern};
use crate::xml_text::escape;
use std::borrow::Cow;
use std::fmt::Write;

/// How an element is painted: its kind's colours, then its boundary and state.
#[derive(Debug, Clone)]
pub(super) struct Look {
    pub(super) fill: String,
    pub(super) fill_opacity: f64,
    pub(super) stroke: &'static str,
    pub(super) stroke_width: f64,
    pub(super) dash: Vec<f64>,
    pub(super) opacity: f64,
    /// A white halo round labels hung outside shapes, where lines may run under them.
    pub(super) halo: bool,
    /// The colour under a label hung below the shape, when not white: the halo takes it.
    pub(super) backdrop: Option<String>,
    /// Drawn faint because the view brings other things forward (said as `data-faded`).
    pub(super) faded: bool,
}

pub(super) fn look(element: &Element, is_group: bool, lens: Option<&LensPaint>) -> Look {
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
        ElementDetails::Office {
            hospiced: Some(_), ..
        } => {
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
pub(super) fn sized<'a>(item: &'a Placed, lens: Option<&LensPaint>) -> Cow<'a, Placed> {
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
pub(super) fn badge(svg: &mut Svg, item: &Placed, text: &str) {
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

pub(super) fn paint_attrs(look: &Look) -> String {
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
pub(super) fn shape(svg: &mut Svg, kind: ElementKind, is_group: bool, r: Rect, attrs: &str) {
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
        (ElementKind::Rule, _) => {
            let (cx, cy) = (
                0.16_f64.min(16.0 / w.max(1.0)),
                0.3_f64.min(16.0 / h.max(1.0)),
            );
            polygon(
                svg,
                &[
                    (-1.0 + cx, -1.0),
                    (1.0 - cx, -1.0),
                    (1.0, -1.0 + cy),
                    (1.0, 1.0 - cy),
                    (1.0 - cx, 1.0),
                    (-1.0 + cx, 1.0),
                    (-1.0, 1.0 - cy),
                    (-1.0, -1.0 + cy),
                ],
            )
        }
    }
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

pub(super) fn draw_element(svg: &mut Svg, item: &Placed, element: &Element, look: &Look) {
    // Every element is named for a screen reader, whether or not its name is drawn in full
    // (a person drawn as initials, a label cut short).
    let _ = write!(
        svg.out,
        r#"<g data-id="{}" role="img" aria-label="{}" opacity="{:.2}"{}>"#,
        escape(&item.id.0),
        escape(&format!(
            "{} ({})",
            font::bounded(&element.name),
            item.kind.label().to_lowercase()
        )),
        look.opacity,
        faded_attr(look.faded)
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
    element_label(svg, item, element, look, glyph_body.is_some());
    svg.raw("</g>");
}

/// An element's label: centred inside, hung below (a person's initials in the circle), or in a
/// group's title band; `has_glyph` makes room for the corner glyph.
fn element_label(svg: &mut Svg, item: &Placed, element: &Element, look: &Look, has_glyph: bool) {
    let r = item.shape;
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
            } else if has_glyph {
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
            let left = if has_glyph {
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
                look.halo.then_some(band_halo(look)),
            );
        }
    }
}

/// A title band's halo colour: on a lens's opaque colour a white halo would glow, so it takes
/// the fill.
fn band_halo(look: &Look) -> &str {
    if look.fill_opacity >= 1.0 && look.opacity >= 1.0 {
        look.fill.as_str()
    } else {
        "#FFFFFF"
    }
}

/// The org chart's connectors: a bus under each superior, or a spine beside a stacked column.
/// ` data-faded="true"` on what the view fades, so paper says what it fades (tests compare it
/// with the screen and the core's answer).
fn faded_attr(faded: bool) -> &'static str {
    if faded {
        r#" data-faded="true""#
    } else {
        ""
    }
}

pub(super) fn tree_lines(svg: &mut Svg, layout: &Layout, opacity: &dyn Fn(&ElementId) -> f64) {
    let colour = vocab::relation_line(crate::model::RelationKind::ReportsTo).color;
    let _ = write!(
        svg.out,
        r#"<g fill="none" stroke="{colour}" stroke-width="1.5" stroke-linecap="square">"#
    );
    for connector in &layout.tree {
        let boss = &connector.boss;
        let Some(b) = layout.get(boss) else { continue };
        let (bx, by) = foot_of(b);
        let mut d = String::new();
        // Each kid's route starts at the superior's foot; together they are the bus or spine.
        for (_, route) in kid_routes(layout, connector) {
            for (i, p) in route.iter().enumerate() {
                let _ = write!(d, "{}{:.2} {:.2}", if i == 0 { 'M' } else { 'L' }, p.x, p.y);
            }
        }
        if d.is_empty() {
            continue;
        }
        let o = opacity(boss);
        // Each connector names the reporting lines it stands for, as a route names its relation.
        let ids: Vec<String> = connector
            .relations
            .iter()
            .map(|id| escape(&id.0).into_owned())
            .collect();
        let _ = write!(
            svg.out,
            r#"<path data-relations="{}" d="{d}" opacity="{o:.2}"{}/>"#,
            ids.join(" "),
            faded_attr(o < 1.0)
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

/// Where a superior's connector leaves it: under the middle of its footprint.
fn foot_of(boss: &Placed) -> (f64, f64) {
    let foot = boss.footprint();
    (boss.shape.centre().x, foot.y + foot.height + 3.0)
}

/// Each kid of `connector` with the route from its superior's foot to it: down to the bus and
/// across, or along the spine beside a stacked column. Paper draws them together as the bus; the
/// canvas draws each reporting line along its kid's route (`render::org_chart_places`).
pub(crate) fn kid_routes<'l>(
    layout: &'l Layout,
    connector: &'l layout::Connector,
) -> Vec<(&'l ElementId, Vec<Point>)> {
    let Some(b) = layout.get(&connector.boss) else {
        return Vec::new();
    };
    let (bx, by) = foot_of(b);
    let at = |x: f64, y: f64| Point { x, y };
    let placed: Vec<&Placed> = connector
        .kids
        .iter()
        .filter_map(|k| layout.get(k))
        .collect();
    match connector.style {
        TreeStyle::Row => {
            let Some(min_top) = placed.iter().map(|k| k.shape.y).reduce(f64::min) else {
                return Vec::new();
            };
            let bus = (by + min_top) / 2.0;
            placed
                .iter()
                .map(|k| {
                    let x = k.shape.centre().x;
                    let route = vec![at(bx, by), at(bx, bus), at(x, bus), at(x, k.shape.y - 2.0)];
                    (&k.id, route)
                })
                .collect()
        }
        TreeStyle::Column => {
            let Some(first) = placed.first().map(|k| k.footprint()) else {
                return Vec::new();
            };
            // The spine runs down the column's left; a column first in a row of subtrees
            // reaches it along the row's bus.
            let spine = placed
                .iter()
                .map(|k| k.footprint().x)
                .fold(first.x, f64::min)
                - layout::COLUMN_INDENT;
            let bus = (by + first.y) / 2.0;
            placed
                .iter()
                .map(|k| {
                    let c = k.shape.centre();
                    let mut route = vec![at(bx, by)];
                    if (spine - bx).abs() >= 0.5 {
                        route.extend([at(bx, bus), at(spine, bus)]);
                    }
                    route.extend([at(spine, c.y), at(k.shape.x - 2.0, c.y)]);
                    (&k.id, route)
                })
                .collect()
        }
    }
}

fn head_length(width: f64) -> f64 {
    6.0 + 1.9 * width
}

pub(super) fn draw_route(svg: &mut Svg, route: &Route, fade: f64) {
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
        faded_attr(fade < 1.0),
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
pub(super) fn blocked_mark(svg: &mut Svg, at: Point, r: f64, colour: &str) {
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
