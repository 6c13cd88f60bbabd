//! A page's legend: what it lists (only the kinds, states, boundaries and lines the page shows)
//! and how it is drawn (each entry's swatch and words, down the columns).
//!
//! A board member reads the legend once and then the drawing; entries for things that are not on
//! the page would only be noise. The order is fixed (a lens's colours, then elements, boundaries
//! and lines) so pages of one deck list things in the same places.

use super::edges::Route;
use super::font::{self, Weight};
use super::layout::{Layout, Placed};
use super::shapes::{blocked_mark, draw_route, look, paint_attrs, shape};
use super::svg::{dash_attr, dashes, glyph, Role, Svg, RULE};
use super::Rect;
use crate::model::{
    Boundary, ElementDetails, ElementId, ElementKind, Medium, Point, RelationKind, Ring, Scenario,
    SprintStatus, Stance,
};
use crate::rules::Glyph;
use crate::vocabulary::{self, self as vocab, Arrowhead, LineStyle};
use crate::xml_text::escape;
use std::fmt::Write;

#[derive(Debug, Clone)]
pub(crate) enum Swatch {
    /// A small copy of this element's leaf shape, in its look.
    Element(ElementId),
    /// The gate badge of an office with a compliance stance.
    ComplianceBadge,
    Boundary(Boundary),
    Line {
        line: LineStyle,
        width: f64,
        two_way: bool,
        barrier: bool,
    },
    /// A line width sample (thin and thick), for flow volume.
    Volume,
    Colour(String),
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub swatch: Swatch,
    pub label: String,
}

/// The legend of a page. `seen`: the part of the drawing the page shows, in map units, when it
/// shows only part; what lies wholly outside it is left out of the legend.
pub(crate) fn entries(
    scenario: &Scenario,
    layout: &Layout,
    all_routes: &[Route],
    lens: Option<&super::LensPaint>,
    seen: Option<Rect>,
) -> Vec<Entry> {
    let items: Vec<&Placed> = layout
        .items
        .iter()
        .filter(|p| seen.is_none_or(|s| s.intersects(&p.footprint())))
        .collect();
    let routes: Vec<&Route> = all_routes
        .iter()
        .filter(|r| seen.is_none_or(|s| s.intersects(&r.bounds())))
        .collect();
    let mut out = Vec::new();
    // The lens's colours first: on a lens's page they are what the reader looks up.
    if let Some(lens) = lens {
        lens_entries(lens, &items, &mut out);
    }
    element_entries(scenario, &items, &mut out);
    boundary_entries(scenario, &items, &mut out);
    line_entries(layout, &items, &routes, &mut out);
    out
}

/// The lens's colours that some element on the page is painted in, with what they mean.
fn lens_entries(lens: &super::LensPaint, items: &[&Placed], out: &mut Vec<Entry>) {
    for (colour, meaning) in &lens.legend {
        let used = items
            .iter()
            .any(|p| lens.fills.get(&p.id).is_some_and(|c| c == colour));
        if used {
            out.push(Entry {
                swatch: Swatch::Colour(colour.clone()),
                label: meaning.clone(),
            });
        }
    }
}

/// The first element on the page whose details pass `test`: the one its swatch copies.
fn first_shown(
    scenario: &Scenario,
    items: &[&Placed],
    test: &dyn Fn(&ElementDetails) -> bool,
) -> Option<ElementId> {
    items
        .iter()
        .map(|p| &scenario.elements[&p.id])
        .find(|e| test(&e.details))
        .map(|e| e.id.clone())
}

/// Each kind the page shows (communities by ring, sprint teams live and dissolved), then the
/// compliance badge.
fn element_entries(scenario: &Scenario, items: &[&Placed], out: &mut Vec<Entry>) {
    for kind in ElementKind::ALL {
        match kind {
            ElementKind::Community => {
                for (ring, label) in [
                    (Ring::Practice, "Community of practice"),
                    (Ring::Engagement, "Community of engagement"),
                    (Ring::Interest, "Community of interest"),
                ] {
                    let found = first_shown(
                        scenario,
                        items,
                        &|d| matches!(d, ElementDetails::Community { ring: r, .. } if *r == ring),
                    );
                    if let Some(id) = found {
                        out.push(element(id, label));
                    }
                }
            }
            ElementKind::SprintTeam => {
                let live = first_shown(
                    scenario,
                    items,
                    &|d| matches!(d, ElementDetails::SprintTeam { status, .. } if *status != SprintStatus::Dissolved),
                );
                let gone = first_shown(scenario, items, &|d| {
                    matches!(
                        d,
                        ElementDetails::SprintTeam {
                            status: SprintStatus::Dissolved,
                            ..
                        }
                    )
                });
                if let Some(id) = live {
                    out.push(element(id, "Sprint team"));
                }
                if let Some(id) = gone {
                    out.push(element(id, "Sprint team, dissolved"));
                }
            }
            _ => {
                if let Some(id) = first_shown(scenario, items, &|d| d.kind() == kind) {
                    out.push(element(id, vocabulary::element_style(kind).label));
                }
            }
        }
    }
    if first_shown(scenario, items, &|d| {
        matches!(
            d,
            ElementDetails::Office {
                stance: Some(Stance::Compliance),
                ..
            }
        )
    })
    .is_some()
    {
        out.push(Entry {
            swatch: Swatch::ComplianceBadge,
            label: "Compliance stance".into(),
        });
    }
}

/// The boundaries the page draws.
fn boundary_entries(scenario: &Scenario, items: &[&Placed], out: &mut Vec<Entry>) {
    for boundary in [Boundary::Solid, Boundary::Permeable, Boundary::Open] {
        // Leaves draw solid and permeable walls too; an open leaf is only outlined.
        let present = items.iter().any(|p| {
            (p.is_group || boundary != Boundary::Open)
                && scenario.elements[&p.id].details.boundary() == Some(boundary)
        });
        if present {
            let label = match boundary {
                Boundary::Solid => "Solid boundary: protects",
                Boundary::Permeable => "Permeable boundary",
                Boundary::Open => "Open group: no wall",
            };
            out.push(Entry {
                swatch: Swatch::Boundary(boundary),
                label: label.into(),
            });
        }
    }
}

/// The lines the page draws: relation kinds, flows by medium, two-way flow, and line width.
fn line_entries(layout: &Layout, items: &[&Placed], routes: &[&Route], out: &mut Vec<Entry>) {
    for kind in [
        RelationKind::ReportsTo,
        RelationKind::MemberOf,
        RelationKind::Barrier,
        RelationKind::DerivesFrom,
        RelationKind::Governs,
    ] {
        let drawn = routes.iter().any(|r| r.kind == kind)
            || (kind == RelationKind::ReportsTo && !layout.tree.is_empty() && !items.is_empty());
        if drawn {
            let label = match kind {
                RelationKind::Barrier => "Barrier: a blocked flow",
                RelationKind::DerivesFrom => "Derives from: the rule above it",
                RelationKind::Governs => "Governs: what the rule applies to",
                _ => vocabulary::relation_line(kind).label,
            };
            out.push(Entry {
                swatch: Swatch::Line {
                    line: vocabulary::relation_line(kind),
                    width: if kind == RelationKind::Barrier {
                        4.0
                    } else {
                        1.5
                    },
                    two_way: false,
                    barrier: kind == RelationKind::Barrier,
                },
                label: label.into(),
            });
        }
    }
    for medium in Medium::ALL {
        if routes.iter().any(|r| r.medium == Some(medium)) {
            let line = vocabulary::medium_line(medium);
            let label = line.label;
            out.push(Entry {
                swatch: Swatch::Line {
                    line,
                    width: 2.25,
                    two_way: false,
                    barrier: false,
                },
                label: format!("Flow: {}", label.to_lowercase()),
            });
        }
    }
    if let Some(two_way) = routes.iter().find(|r| r.two_way) {
        out.push(Entry {
            swatch: Swatch::Line {
                line: two_way.line.clone(),
                width: 2.25,
                two_way: true,
                barrier: false,
            },
            label: "Two-way flow".into(),
        });
    }
    if routes.iter().any(|r| r.medium.is_some()) {
        out.push(Entry {
            swatch: Swatch::Volume,
            label: "Line width: volume 1–5".into(),
        });
    }
}

fn element(id: ElementId, label: &str) -> Entry {
    Entry {
        swatch: Swatch::Element(id),
        label: label.into(),
    }
}

// ------------------------------------------------------------------------------------------
// Drawing the legend

const LEGEND_COLUMN: f64 = 152.0;
const LEGEND_ROW: f64 = 14.5;
const LEGEND_TEXT: f64 = 8.5;

/// How many legend columns fit across `width` points.
pub(super) fn columns(width: f64) -> usize {
    ((width / LEGEND_COLUMN).floor() as usize).max(1)
}

/// The legend's height for `entries` in `columns`; none at all when there is nothing to list.
pub(super) fn height(entries: usize, columns: usize) -> f64 {
    if entries == 0 {
        0.0
    } else {
        12.0 + entries.div_ceil(columns) as f64 * LEGEND_ROW
    }
}

/// The legend in `r`: a rule, then each entry's swatch and words, down the columns.
pub(super) fn block(
    svg: &mut Svg,
    scenario: &Scenario,
    entries: &[Entry],
    r: Rect,
    columns: usize,
) {
    svg.raw(r#"<g id="legend">"#);
    svg.part(Role::Decoration, |svg| {
        let _ = write!(
            svg.out,
            r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{RULE}" stroke-width="0.75"/>"#,
            r.x,
            r.y,
            r.x + r.width,
            r.y
        );
    });
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
        // The swatch shows what the words say: for a reader of the PDF, the words are the entry.
        svg.part(Role::Decoration, |svg| {
            swatch_drawn(svg, scenario, &entry.swatch, swatch)
        });
        // A long label (a map's own cluster or lens words) shrinks to its column, never into
        // the next one.
        let room = column_w - 31.0 - 6.0;
        let natural = font::text_width(&entry.label, LEGEND_TEXT, Weight::Regular);
        let size = if natural > room {
            (LEGEND_TEXT * room / natural).max(6.0)
        } else {
            LEGEND_TEXT
        };
        svg.part(Role::LegendEntry, |svg| {
            svg.text(
                (x + 31.0, y + 8.6),
                size,
                Weight::Regular,
                vocab::INK,
                "start",
                &entry.label,
            )
        });
    }
    svg.raw("</g>");
}

/// The swatch of a legend entry in `r`.
fn swatch_drawn(svg: &mut Svg, scenario: &Scenario, swatch: &Swatch, r: Rect) {
    let c = r.centre();
    match swatch {
        Swatch::Element(id) => element_swatch(svg, scenario, id, r),
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
        } => line_swatch(svg, line, *width, *two_way, *barrier, r),
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

/// A small copy of an element's leaf shape in its look, without its wall.
fn element_swatch(svg: &mut Svg, scenario: &Scenario, id: &ElementId, r: Rect) {
    let c = r.centre();
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

/// A short line in its style, with its arrowheads (both for two-way) or a barrier's mark.
fn line_swatch(svg: &mut Svg, line: &LineStyle, width: f64, two_way: bool, barrier: bool, r: Rect) {
    let c = r.centre();
    let w = width * 0.6;
    let route = Route {
        relation: crate::model::RelationId("legend".into()),
        kind: if barrier {
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
        head_start: if two_way {
            line.arrowhead
        } else {
            Arrowhead::None
        },
        head_end: line.arrowhead,
        two_way,
        ends: (ElementId::from("a"), ElementId::from("b")),
    };
    if barrier {
        // The mark at legend size: the line's middle, smaller than on the drawing.
        let mut plain = route.clone();
        plain.kind = crate::model::RelationKind::Flow;
        draw_route(svg, &plain, 1.0);
        blocked_mark(svg, c, 4.5, line.color);
    } else {
        draw_route(svg, &route, 1.0);
    }
}
