//! What a page's legend lists: only the kinds, states, boundaries and lines the page shows.
//!
//! A board member reads the legend once and then the drawing; entries for things that are not on
//! the page would only be noise. The order is fixed (a lens's colours, then elements, boundaries
//! and lines) so pages of one deck list things in the same places.

use super::edges::Route;
use super::layout::{Layout, Placed};
use super::Rect;
use crate::model::{
    Boundary, ElementDetails, ElementId, ElementKind, Medium, RelationKind, Ring, Scenario,
    SprintStatus, Stance,
};
use crate::vocabulary::{self, LineStyle};

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
    let shown = |test: &dyn Fn(&ElementDetails) -> bool| {
        items
            .iter()
            .map(|p| &scenario.elements[&p.id])
            .find(|e| test(&e.details))
            .map(|e| e.id.clone())
    };
    for kind in ElementKind::ALL {
        match kind {
            ElementKind::Community => {
                for (ring, label) in [
                    (Ring::Practice, "Community of practice"),
                    (Ring::Engagement, "Community of engagement"),
                    (Ring::Interest, "Community of interest"),
                ] {
                    let found = shown(
                        &|d| matches!(d, ElementDetails::Community { ring: r, .. } if *r == ring),
                    );
                    if let Some(id) = found {
                        out.push(element(id, label));
                    }
                }
            }
            ElementKind::SprintTeam => {
                let live = shown(
                    &|d| matches!(d, ElementDetails::SprintTeam { status, .. } if *status != SprintStatus::Dissolved),
                );
                let gone = shown(&|d| {
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
                if let Some(id) = shown(&|d| d.kind() == kind) {
                    out.push(element(id, vocabulary::element_style(kind).label));
                }
            }
        }
    }
    if shown(&|d| {
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
    for boundary in [Boundary::Solid, Boundary::Permeable, Boundary::Open] {
        // Leaves draw solid and permeable walls too; an open leaf is only outlined.
        let present = items.iter().any(|p| {
            (p.is_group || boundary != Boundary::Open)
                && scenario.elements[&p.id].details.boundary() == Some(boundary)
        });
        if present {
            let label = match boundary {
                Boundary::Solid => "Solid boundary: a silo wall",
                Boundary::Permeable => "Permeable boundary",
                Boundary::Open => "Open group: no wall",
            };
            out.push(Entry {
                swatch: Swatch::Boundary(boundary),
                label: label.into(),
            });
        }
    }
    for kind in [
        RelationKind::ReportsTo,
        RelationKind::MemberOf,
        RelationKind::Barrier,
    ] {
        let drawn = routes.iter().any(|r| r.kind == kind)
            || (kind == RelationKind::ReportsTo && !layout.tree.is_empty() && !items.is_empty());
        if drawn {
            let label = match kind {
                RelationKind::Barrier => "Barrier: a blocked flow",
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
    out
}

fn element(id: ElementId, label: &str) -> Entry {
    Entry {
        swatch: Swatch::Element(id),
        label: label.into(),
    }
}
