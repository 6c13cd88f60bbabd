//! Where each relation's line runs and how it ends, once the elements stand still.
//!
//! Lines run straight between the outlines of their ends (not their centres, so arrowheads stay
//! visible); two or more relations between the same pair bow apart so none hides another. Style
//! (colour, pattern, heads) is looked up in the vocabulary here, once, for the page writer and
//! the legend to share.

use super::layout::{Layout, Placed};
use crate::model::{
    Direction, ElementKind, Medium, Point, Relation, RelationDetails, RelationId, RelationKind,
    Scenario, View,
};
use crate::vocabulary::{self, Arrowhead, LineStyle};
use std::collections::{BTreeMap, HashSet};

/// One relation as drawn.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub relation: RelationId,
    pub kind: RelationKind,
    pub medium: Option<Medium>,
    pub line: LineStyle,
    pub width: f64,
    pub opacity: f64,
    pub start: Point,
    /// A quadratic Bézier control point when the line bows.
    pub control: Option<Point>,
    pub end: Point,
    pub head_start: Arrowhead,
    pub head_end: Arrowhead,
    pub two_way: bool,
    pub ends: (crate::model::ElementId, crate::model::ElementId),
}

impl Route {
    /// The point halfway along the line: where a barrier's ⊘ goes.
    pub fn middle(&self) -> Point {
        match self.control {
            None => mid(self.start, self.end),
            Some(c) => Point {
                x: 0.25 * self.start.x + 0.5 * c.x + 0.25 * self.end.x,
                y: 0.25 * self.start.y + 0.5 * c.y + 0.25 * self.end.y,
            },
        }
    }

    /// A box holding the whole line (a bowed line lies inside the box of its control points).
    pub fn bounds(&self) -> super::Rect {
        let points = [Some(self.start), self.control, Some(self.end)];
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in points.into_iter().flatten() {
            (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
        }
        super::Rect {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        }
    }
}

fn mid(a: Point, b: Point) -> Point {
    Point {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    }
}

/// How far apart parallel relations between the same two elements bow.
const BOW: f64 = 26.0;

/// The relations `layout`'s view draws as lines. The org chart draws its tree as connectors of
/// its own; only reports-to lines the tree does not already show (a second superior) come here.
pub(crate) fn routes(scenario: &Scenario, layout: &Layout) -> Vec<Route> {
    let shown = shown(scenario, layout);
    let mut pairs: BTreeMap<(&crate::model::ElementId, &crate::model::ElementId), usize> =
        BTreeMap::new();
    for r in &shown {
        *pairs.entry(pair(&r.source, &r.target)).or_default() += 1;
    }
    let mut seen: BTreeMap<(&crate::model::ElementId, &crate::model::ElementId), usize> =
        BTreeMap::new();
    let widths = vocabulary::vocabulary().volume_widths;
    // Steering round obstacles looks at every element for every line: only for maps a person
    // could read on one page anyway.
    let avoid = layout.items.len() * shown.len() <= 200_000;
    shown
        .into_iter()
        .map(|r| {
            let key = pair(&r.source, &r.target);
            let count = pairs[&key];
            let nth = seen.entry(key).or_default();
            let offset = (*nth as f64 - (count as f64 - 1.0) / 2.0) * BOW;
            *nth += 1;
            let (a, b) = (
                layout.get(&r.source).unwrap(),
                layout.get(&r.target).unwrap(),
            );
            let (ca, cb) = (a.shape.centre(), b.shape.centre());
            // Bow to the same side whichever way the relation points.
            let sign = if r.source <= r.target { 1.0 } else { -1.0 };
            let bowed = |offset: f64| {
                let (dx, dy) = (cb.x - ca.x, cb.y - ca.y);
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                let m = mid(ca, cb);
                Point {
                    x: m.x - dy / len * offset * sign * 2.0,
                    y: m.y + dx / len * offset * sign * 2.0,
                }
            };
            let control = if offset != 0.0 {
                Some(bowed(offset))
            } else if avoid && matches!(r.kind(), RelationKind::Flow | RelationKind::Barrier) {
                detour(scenario, layout, a, b, bowed)
            } else {
                None
            };
            // A bow whose bend lies inside an end's own outline leaves it towards the other end.
            let start = outline_point(a, control.filter(|c| !inside(a, *c)).unwrap_or(cb));
            let end = outline_point(b, control.filter(|c| !inside(b, *c)).unwrap_or(ca));
            let (line, width, opacity, medium, two_way) = style(r, layout.view, &widths);
            Route {
                relation: r.id.clone(),
                kind: r.kind(),
                medium,
                head_end: line.arrowhead,
                head_start: if two_way {
                    line.arrowhead
                } else {
                    Arrowhead::None
                },
                line,
                width,
                opacity,
                start,
                control,
                end,
                two_way,
                ends: (r.source.clone(), r.target.clone()),
            }
        })
        .collect()
}

/// The relations the view draws: both ends laid out, not a loop, and on the org chart only
/// reports-to lines its tree does not show.
fn shown<'a>(scenario: &'a Scenario, layout: &Layout) -> Vec<&'a Relation> {
    let in_tree: std::collections::HashSet<&crate::model::RelationId> =
        layout.tree.iter().flat_map(|c| &c.relations).collect();
    scenario
        .relations
        .values()
        .filter(|r| layout.get(&r.source).is_some() && layout.get(&r.target).is_some())
        .filter(|r| r.source != r.target)
        .filter(|r| match layout.view {
            View::Network => true,
            View::OrgChart => r.kind() == RelationKind::ReportsTo && !in_tree.contains(&r.id),
        })
        .collect()
}

/// A relation's line style, width, opacity, medium and whether it runs both ways.
fn style(
    r: &Relation,
    view: View,
    widths: &[f64; 5],
) -> (LineStyle, f64, f64, Option<Medium>, bool) {
    match &r.details {
        RelationDetails::Flow {
            medium,
            direction,
            volume,
            ..
        } => (
            vocabulary::medium_line(*medium),
            widths[usize::from((*volume).clamp(1, 5)) - 1],
            1.0,
            Some(*medium),
            *direction == Direction::Both,
        ),
        RelationDetails::ReportsTo => {
            let (w, o) = match view {
                // Kept, but subdued: the network should look like how work flows.
                View::Network => (1.0, 0.4),
                View::OrgChart => (1.5, 1.0),
            };
            (vocabulary::relation_line(r.kind()), w, o, None, false)
        }
        RelationDetails::MemberOf { .. } => {
            (vocabulary::relation_line(r.kind()), 1.25, 0.85, None, false)
        }
        RelationDetails::Barrier { .. } => {
            (vocabulary::relation_line(r.kind()), 5.0, 1.0, None, false)
        }
        RelationDetails::DerivesFrom | RelationDetails::Governs { .. } => {
            (vocabulary::relation_line(r.kind()), 1.25, 0.9, None, false)
        }
    }
}

fn pair<'a>(
    a: &'a crate::model::ElementId,
    b: &'a crate::model::ElementId,
) -> (&'a crate::model::ElementId, &'a crate::model::ElementId) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Where a line from the centre of `item` towards `towards` leaves the item's outline.
fn outline_point(item: &Placed, towards: Point) -> Point {
    let c = item.shape.centre();
    let (dx, dy) = (towards.x - c.x, towards.y - c.y);
    if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        return c;
    }
    let (a, b) = (item.shape.width / 2.0, item.shape.height / 2.0);
    let round = !item.is_group
        && matches!(
            item.kind,
            ElementKind::Community | ElementKind::Person | ElementKind::SprintTeam
        );
    let t = if round {
        1.0 / ((dx / a).powi(2) + (dy / b).powi(2)).sqrt()
    } else {
        let tx = if dx.abs() > 1e-9 {
            a / dx.abs()
        } else {
            f64::INFINITY
        };
        let ty = if dy.abs() > 1e-9 {
            b / dy.abs()
        } else {
            f64::INFINITY
        };
        tx.min(ty)
    };
    // A star's points are its outline only at its tips: stop a little short of the circle.
    let t = if item.kind == ElementKind::SprintTeam && !item.is_group {
        t * 0.8
    } else {
        t
    };
    if t >= 1.0 {
        // `towards` lies inside this element (a member drawn inside its own group).
        return towards;
    }
    Point {
        x: c.x + dx * t,
        y: c.y + dy * t,
    }
}

fn inside(item: &Placed, p: Point) -> bool {
    let r = item.shape;
    p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height
}

/// `of` and every group it is nested in. Guarded against a nesting loop, which the core's
/// invariants rule out.
fn enclosing<'a>(
    scenario: &'a Scenario,
    of: &'a crate::model::ElementId,
) -> HashSet<&'a crate::model::ElementId> {
    let mut out = HashSet::new();
    let mut at = Some(of);
    while let Some(current) = at.filter(|c| out.insert(*c)) {
        at = scenario
            .elements
            .get(current)
            .and_then(|e| e.parent.as_ref());
    }
    out
}

/// How many elements a line from `a` to `b` (bowed through `control`) runs across.
fn crossings(
    scenario: &Scenario,
    layout: &Layout,
    a: &Placed,
    b: &Placed,
    control: Option<Point>,
) -> usize {
    // The groups the line starts or ends inside: it may run over them.
    let mut around = enclosing(scenario, &a.id);
    around.extend(enclosing(scenario, &b.id));
    let (p0, p2) = (a.shape.centre(), b.shape.centre());
    let p1 = control.unwrap_or_else(|| mid(p0, p2));
    const SAMPLES: usize = 28;
    let points: Vec<Point> = (1..SAMPLES)
        .map(|i| {
            let t = i as f64 / SAMPLES as f64;
            let u = 1.0 - t;
            Point {
                x: u * u * p0.x + 2.0 * u * t * p1.x + t * t * p2.x,
                y: u * u * p0.y + 2.0 * u * t * p1.y + t * t * p2.y,
            }
        })
        // Inside either end the line is not yet drawn (it starts at the outline).
        .filter(|p| !inside(a, *p) && !inside(b, *p))
        .collect();
    layout
        .items
        .iter()
        .filter(|o| !around.contains(&o.id))
        .filter(|o| {
            let r = if o.is_group { o.shape } else { o.footprint() }.grown(-2.0);
            points
                .iter()
                .any(|p| p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height)
        })
        .count()
}

/// A bow that carries a line round the elements a straight line would cross, if one helps.
fn detour(
    scenario: &Scenario,
    layout: &Layout,
    a: &Placed,
    b: &Placed,
    bowed: impl Fn(f64) -> Point,
) -> Option<Point> {
    let straight = crossings(scenario, layout, a, b, None);
    if straight == 0 {
        return None;
    }
    let mut best = (straight, None);
    for step in [
        20.0, -20.0, 40.0, -40.0, 70.0, -70.0, 110.0, -110.0, 160.0, -160.0,
    ] {
        let control = bowed(step);
        let count = crossings(scenario, layout, a, b, Some(control));
        if count < best.0 {
            best = (count, Some(control));
            if count == 0 {
                break;
            }
        }
    }
    best.1
}
