//! Where every element of a view stands on paper: saved positions when the view has them, and a
//! deterministic layout of the core's own when it does not.
//!
//! Exports run without a window, so they cannot ask the canvas for its layout. The two layouts
//! here are made to read well in front of a board rather than to mimic the canvas's force layout:
//! - the org chart is one tidy top-down tree: each office a box holding its people, sub-offices and
//!   people in no office beneath whom they report to, a superior's leaf reports stacked in a
//!   column so a wide office does not flatten the page;
//! - the network packs each group's children in a grid (groups are boxes sized by their children,
//!   like Cytoscape's compound nodes), places the top-level blocks with a small force-directed
//!   run so that what exchanges a lot sits close, then tidies them into centred rows.
//!
//! Each engine has a file: `network.rs` and `org_chart.rs` (with `tidy.rs`, the tree of boxes
//! it uses twice); what both share (the placed element, a leaf's size, the order of siblings) is
//! here.
//!
//! Same map, same pages: nothing here depends on time, hashing order or the machine.

mod network;
mod org_chart;
mod tidy;

pub(crate) use tidy::COLUMN_INDENT;

use super::font::{self, Weight};
use super::Rect;
use crate::model::{ElementId, ElementKind, Scenario, View};
use std::collections::{BTreeMap, HashMap};

/// Point size of labels in map units (canvas pixels at zoom 1), as on the canvas.
pub(crate) const LABEL_SIZE: f64 = crate::rules::LABEL_FONT_SIZE;
/// Group titles are a little larger than leaf labels: they name areas.
pub(crate) const GROUP_LABEL_SIZE: f64 = 17.0;
const LABEL_GAP_BELOW: f64 = 5.0;
/// A group's title starts after the glyph in its top-left corner.
pub(crate) const TITLE_INSET: f64 = 34.0;

/// Where a label sits relative to its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelPlace {
    Inside,
    Below,
    /// A group's title, in a band at the top of its area.
    Band,
}

/// One element as drawn.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub id: ElementId,
    pub kind: ElementKind,
    pub is_group: bool,
    /// How many groups it is nested in (0 at the top).
    pub depth: usize,
    /// The shape's box; for a group, its whole area.
    pub shape: Rect,
    pub lines: Vec<String>,
    pub place: LabelPlace,
    pub weight: Weight,
    pub size: f64,
    /// The top-level ancestor (itself at the top): what the network layout moves as one block.
    pub top: ElementId,
}

impl Placed {
    /// The shape plus a label hung below it.
    pub fn footprint(&self) -> Rect {
        match self.place {
            LabelPlace::Below => {
                let (w, h) = label_box(&self.lines, self.size, self.weight);
                let width = self.shape.width.max(w);
                Rect {
                    x: self.shape.centre().x - width / 2.0,
                    y: self.shape.y,
                    width,
                    height: self.shape.height + LABEL_GAP_BELOW + h,
                }
            }
            _ => self.shape,
        }
    }
}

/// A view laid out: every element it shows, groups before what they contain.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub view: View,
    pub items: Vec<Placed>,
    pub index: HashMap<ElementId, usize>,
    /// Org chart connectors: each superior and the reports drawn under it.
    pub tree: Vec<Connector>,
}

/// One org chart connector: a superior (a person or an office's box), the boxes drawn under it,
/// and the reporting lines it stands for (those it does not are drawn as lines of their own).
#[derive(Debug, Clone)]
pub(crate) struct Connector {
    pub boss: ElementId,
    pub kids: Vec<ElementId>,
    pub style: TreeStyle,
    pub relations: Vec<crate::model::RelationId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TreeStyle {
    /// Children side by side under a bus line.
    Row,
    /// Leaf children stacked in a column beside a spine.
    Column,
}

impl Layout {
    pub fn get(&self, id: &ElementId) -> Option<&Placed> {
        self.index.get(id).map(|&i| &self.items[i])
    }

    /// The box around everything drawn, labels included.
    /// The same places, for only the elements `scenario` holds: a replay lays out once over every
    /// step and draws each step from this, so what two steps share stands still.
    pub fn only(&self, scenario: &crate::model::Scenario) -> Layout {
        let items: Vec<Placed> = self
            .items
            .iter()
            .filter(|p| scenario.elements.contains_key(&p.id))
            .cloned()
            .collect();
        let index = items
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let tree = self
            .tree
            .iter()
            .filter(|c| scenario.elements.contains_key(&c.boss))
            .map(|c| Connector {
                kids: c
                    .kids
                    .iter()
                    .filter(|k| scenario.elements.contains_key(*k))
                    .cloned()
                    .collect(),
                relations: c
                    .relations
                    .iter()
                    .filter(|r| scenario.relations.contains_key(*r))
                    .cloned()
                    .collect(),
                ..c.clone()
            })
            .collect();
        Layout {
            view: self.view,
            items,
            index,
            tree,
        }
    }

    pub fn bounds(&self) -> Rect {
        self.items
            .iter()
            .map(Placed::footprint)
            .reduce(|a, b| a.union(&b))
            .unwrap_or(Rect {
                x: 0.0,
                y: 0.0,
                width: 1.0,
                height: 1.0,
            })
    }
}

/// Lays out `view` of `scenario`.
pub(crate) fn layout(scenario: &Scenario, view: View) -> Layout {
    match view {
        View::Network => network::network(scenario),
        View::OrgChart => org_chart::org_chart(scenario),
    }
}

/// Width and height of wrapped lines at `size`.
pub(crate) fn label_box(lines: &[String], size: f64, weight: Weight) -> (f64, f64) {
    let width = lines
        .iter()
        .map(|l| font::text_width(l, size, weight))
        .fold(0.0, f64::max);
    (width, lines.len() as f64 * size * font::LINE_HEIGHT)
}

/// A leaf's label and shape size: the same rule the canvas's boxes come from (`crate::label`).
fn leaf(scenario: &Scenario, id: &ElementId, view: View) -> Placed {
    let element = &scenario.elements[id];
    let kind = element.kind();
    let lines = crate::label::lines(element, view, false);
    // Paper draws every person as a circle with the name below, on the org chart too.
    let b = crate::label::leaf_box(element, &lines, false);
    let (w, h) = (b.width, b.height);
    let place = if b.below {
        LabelPlace::Below
    } else {
        LabelPlace::Inside
    };
    Placed {
        id: id.clone(),
        kind,
        is_group: false,
        depth: 0,
        shape: Rect {
            x: -w / 2.0,
            y: -h / 2.0,
            width: w,
            height: h,
        },
        lines,
        place,
        weight: Weight::Regular,
        size: LABEL_SIZE,
        top: id.clone(),
    }
}

pub(crate) use crate::rules::LEAF_GLYPH_ROOM;

/// The order children are packed and blocks are seeded in: kind, then name, then id.
fn ordered(scenario: &Scenario, mut ids: Vec<ElementId>) -> Vec<ElementId> {
    ids.sort_by(|a, b| {
        let (ea, eb) = (&scenario.elements[a], &scenario.elements[b]);
        (ea.kind(), &ea.name, a).cmp(&(eb.kind(), &eb.name, b))
    });
    ids
}

fn finish(view: View, items: BTreeMap<ElementId, Placed>, tree: Vec<Connector>) -> Layout {
    let mut items: Vec<Placed> = items.into_values().collect();
    // Outer groups first, then inner ones, then leaves on top: what contains is drawn beneath.
    items.sort_by(|a, b| (!a.is_group, a.depth, &a.id).cmp(&(!b.is_group, b.depth, &b.id)));
    let index = items
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    Layout {
        view,
        items,
        index,
        tree,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RelationKind;

    fn overlaps(a: &Rect, b: &Rect) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    #[test]
    fn the_sample_network_has_no_overlapping_siblings() {
        let map = crate::sample::riverside_unified();
        let layout = layout(&map.scenarios[0], View::Network);
        let parent = |id: &ElementId| map.scenarios[0].elements[id].parent.clone();
        for (i, a) in layout.items.iter().enumerate() {
            for b in &layout.items[i + 1..] {
                if parent(&a.id) == parent(&b.id) {
                    assert!(
                        !overlaps(&a.footprint(), &b.footprint()),
                        "{:?} overlaps {:?}",
                        a.id,
                        b.id
                    );
                }
            }
        }
    }

    #[test]
    fn children_sit_inside_their_groups() {
        let map = crate::sample::riverside_unified();
        let scenario = &map.scenarios[0];
        let layout = layout(scenario, View::Network);
        for item in &layout.items {
            if let Some(parent) = &scenario.elements[&item.id].parent {
                let group = layout.get(parent).expect("parent drawn").shape;
                let f = item.footprint();
                let inside = f.x >= group.x - 1e-6
                    && f.y >= group.y - 1e-6
                    && f.x + f.width <= group.x + group.width + 1e-6
                    && f.y + f.height <= group.y + group.height + 1e-6;
                assert!(
                    inside,
                    "{:?} {f:?} spills out of {parent:?} {group:?}",
                    item.id
                );
            }
        }
    }

    #[test]
    fn the_org_chart_puts_superiors_above_their_reports() {
        let map = crate::sample::riverside_unified();
        let scenario = &map.scenarios[0];
        let layout = layout(scenario, View::OrgChart);
        assert!(
            layout.get(&"es-academy".into()).is_none(),
            "communities are not on the chart"
        );
        for r in scenario.relations.values() {
            if r.kind() == RelationKind::ReportsTo {
                let (a, b) = (
                    layout.get(&r.source).unwrap(),
                    layout.get(&r.target).unwrap(),
                );
                assert!(
                    a.shape.y > b.shape.y,
                    "{:?} is not below {:?}",
                    r.source,
                    r.target
                );
            }
        }
        let items = &layout.items;
        for (i, a) in items.iter().enumerate() {
            for b in &items[i + 1..] {
                // A person sits inside their office's box; nothing else may touch.
                let holds = |g: &Placed, p: &Placed| g.is_group && p.top == g.id;
                if holds(a, b) || holds(b, a) {
                    continue;
                }
                assert!(
                    !overlaps(&a.footprint(), &b.footprint()),
                    "{:?} / {:?}",
                    a.id,
                    b.id
                );
            }
        }
    }

    #[test]
    fn the_same_map_lays_out_the_same_way() {
        let map = crate::sample::riverside_unified();
        let a = layout(&map.scenarios[0], View::Network);
        let b = layout(&map.scenarios[0], View::Network);
        let shapes = |l: &Layout| l.items.iter().map(|i| i.shape).collect::<Vec<_>>();
        assert_eq!(shapes(&a), shapes(&b));
    }
}
