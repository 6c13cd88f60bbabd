//! Where every element of a view stands on paper: saved positions when the view has them, and a
//! deterministic layout of the core's own when it does not.
//!
//! Exports run without a window, so they cannot ask the canvas for its layout. The two layouts
//! here are made to read well in front of a board rather than to mimic the canvas's force layout:
//! - the org chart is a tidy top-down tree over reports-to lines (people and offices only), with a
//!   superior's leaf reports stacked in a column so a wide office does not flatten the page;
//! - the network packs each group's children in a grid (groups are boxes sized by their children,
//!   like Cytoscape's compound nodes), places the top-level blocks with a small force-directed
//!   run so that what exchanges a lot sits close, then tidies them into centred rows.
//!
//! Same map, same pages: nothing here depends on time, hashing order or the machine.

use super::font::{self, Weight};
use super::Rect;
use crate::model::{ElementId, ElementKind, Point, RelationDetails, Scenario, View};
use std::collections::{BTreeMap, HashMap};

/// Point size of labels in map units (canvas pixels at zoom 1), as on the canvas.
pub(crate) const LABEL_SIZE: f64 = crate::rules::LABEL_FONT_SIZE;
/// Group titles are a little larger than leaf labels: they name areas.
pub(crate) const GROUP_LABEL_SIZE: f64 = 17.0;
/// Room between a group's outline and its children.
const GROUP_PADDING: f64 = 22.0;
/// Space between the children packed inside a group.
const CELL_GAP: f64 = 26.0;
const LABEL_GAP_BELOW: f64 = 5.0;
/// A group's title starts after the glyph in its top-left corner.
pub(crate) const TITLE_INSET: f64 = 34.0;
const TITLE_ROOM: f64 = TITLE_INSET + 14.0;

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
    pub tree: Vec<(ElementId, Vec<ElementId>, TreeStyle)>,
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
        View::Network => network(scenario),
        View::OrgChart => org_chart(scenario),
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

// ------------------------------------------------------------------------------------------
// Network

fn network(scenario: &Scenario) -> Layout {
    let mut children: BTreeMap<ElementId, Vec<ElementId>> = BTreeMap::new();
    let mut tops = Vec::new();
    for element in scenario.elements.values() {
        match element
            .parent
            .as_ref()
            .filter(|p| scenario.elements.contains_key(*p))
        {
            Some(parent) => children
                .entry(parent.clone())
                .or_default()
                .push(element.id.clone()),
            None => tops.push(element.id.clone()),
        }
    }
    for list in children.values_mut() {
        *list = ordered(scenario, std::mem::take(list));
    }
    let tops = ordered(scenario, tops);

    let saved = scenario.positions.get(&View::Network);
    let leaves_all_saved = saved.is_some_and(|points| {
        scenario
            .elements
            .keys()
            .filter(|id| !children.contains_key(*id))
            .all(|id| {
                points
                    .get(id)
                    .is_some_and(|p| p.x.is_finite() && p.y.is_finite())
            })
    });

    let order = bottom_up(&tops, &children);
    let mut items: BTreeMap<ElementId, Placed> = BTreeMap::new();
    if let (true, Some(points)) = (leaves_all_saved, saved) {
        place_saved(scenario, &order, &children, points, &mut items);
    } else {
        // Bottom-up: each group packs its children; then the top-level blocks are arranged.
        let mut offsets = pack(scenario, &order, &children, &mut items);
        let blocks: Vec<Placed> = tops.iter().map(|id| items[id].clone()).collect();
        let spots = arrange_blocks(scenario, &tops, &blocks, &items);
        for (block, spot) in blocks.iter().zip(spots) {
            let footprint = block.footprint();
            offsets.insert(
                block.id.clone(),
                (spot.x - footprint.x, spot.y - footprint.y),
            );
        }
        shift_trees(&tops, &children, &offsets, &mut items);
    }
    finish(View::Network, items, Vec::new())
}

fn finish(
    view: View,
    items: BTreeMap<ElementId, Placed>,
    tree: Vec<(ElementId, Vec<ElementId>, TreeStyle)>,
) -> Layout {
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

fn group_item(scenario: &Scenario, id: &ElementId, depth: usize, top: &ElementId) -> Placed {
    let lines = crate::label::lines(&scenario.elements[id], View::Network, true);
    Placed {
        id: id.clone(),
        kind: scenario.elements[id].kind(),
        is_group: true,
        depth,
        shape: Rect::default(),
        lines,
        place: LabelPlace::Band,
        weight: Weight::Semibold,
        size: GROUP_LABEL_SIZE,
        top: top.clone(),
    }
}

/// The height of a group's title band.
pub(crate) fn band_height(item: &Placed) -> f64 {
    let (_, h) = label_box(&item.lines, item.size, item.weight);
    h + 8.0
}

/// One element reached by a walk down the nesting: how deep it sits and its top-level ancestor.
struct Visit<'a> {
    id: &'a ElementId,
    depth: usize,
    top: &'a ElementId,
}

/// `roots` and everything nested under them, each after everything it contains: the order of a
/// bottom-up walk. Walked with a stack of its own, not by recursion: nesting may run thousands
/// deep, far past what the thread's stack holds.
fn bottom_up<'a>(
    roots: &'a [ElementId],
    children: &'a BTreeMap<ElementId, Vec<ElementId>>,
) -> Vec<Visit<'a>> {
    let mut order = Vec::new();
    let mut stack: Vec<Visit<'a>> = roots
        .iter()
        .rev()
        .map(|id| Visit {
            id,
            depth: 0,
            top: id,
        })
        .collect();
    while let Some(visit) = stack.pop() {
        for kid in children.get(visit.id).into_iter().flatten().rev() {
            stack.push(Visit {
                id: kid,
                depth: visit.depth + 1,
                top: visit.top,
            });
        }
        order.push(visit);
    }
    // Each element came after its group; reversed, it comes before.
    order.reverse();
    order
}

/// Sizes each group around its children already placed (saved positions), innermost first.
fn place_saved(
    scenario: &Scenario,
    order: &[Visit],
    children: &BTreeMap<ElementId, Vec<ElementId>>,
    points: &BTreeMap<ElementId, Point>,
    items: &mut BTreeMap<ElementId, Placed>,
) {
    // The area each placed element takes (a leaf's label included).
    let mut taken: HashMap<&ElementId, Rect> = HashMap::new();
    for &Visit { id, depth, top } in order {
        let Some(kids) = children.get(id) else {
            let mut item = leaf(scenario, id, View::Network);
            let at = points[id];
            item.shape = item.shape.moved(at.x, at.y);
            item.depth = depth;
            item.top = top.clone();
            taken.insert(id, item.footprint());
            items.insert(id.clone(), item);
            continue;
        };
        let inner = kids
            .iter()
            .map(|k| taken[k])
            .reduce(|a, b| a.union(&b))
            .unwrap_or_default();
        let mut item = group_item(scenario, id, depth, top);
        let band = band_height(&item);
        let (title_w, _) = label_box(&item.lines, item.size, item.weight);
        let width = (inner.width + 2.0 * GROUP_PADDING).max(title_w + TITLE_ROOM);
        item.shape = Rect {
            x: inner.centre().x - width / 2.0,
            y: inner.y - GROUP_PADDING - band,
            width,
            height: inner.height + 2.0 * GROUP_PADDING + band,
        };
        taken.insert(id, item.shape);
        items.insert(id.clone(), item);
    }
}

/// Packs each group's children in a grid, innermost groups first. Every block (a group or a
/// leaf) is placed with its top-left at the origin; the returned offsets say where each sits in
/// its group, to be added once the blocks themselves are placed ([`shift_trees`]).
fn pack(
    scenario: &Scenario,
    order: &[Visit],
    children: &BTreeMap<ElementId, Vec<ElementId>>,
    items: &mut BTreeMap<ElementId, Placed>,
) -> HashMap<ElementId, (f64, f64)> {
    let mut offsets = HashMap::new();
    for &Visit { id, depth, top } in order {
        let Some(kids) = children.get(id) else {
            let mut item = leaf(scenario, id, View::Network);
            let footprint = item.footprint();
            item.shape = item.shape.moved(-footprint.x, -footprint.y);
            item.depth = depth;
            item.top = top.clone();
            items.insert(id.clone(), item);
            continue;
        };
        let footprints: Vec<Rect> = kids.iter().map(|k| items[k].footprint()).collect();
        let sizes: Vec<(f64, f64)> = footprints.iter().map(|f| (f.width, f.height)).collect();
        let grid = Grid::best(&sizes, CELL_GAP, 1.5);
        let mut item = group_item(scenario, id, depth, top);
        let band = band_height(&item);
        let (title_w, _) = label_box(&item.lines, item.size, item.weight);
        let width = (grid.width + 2.0 * GROUP_PADDING).max(title_w + TITLE_ROOM);
        let left = (width - grid.width) / 2.0;
        for (i, (kid, f)) in kids.iter().zip(&footprints).enumerate() {
            let (cx, cy) = grid.cell_origin(i, sizes[i]);
            offsets.insert(
                kid.clone(),
                (left + cx - f.x, GROUP_PADDING + band + cy - f.y),
            );
        }
        item.shape = Rect {
            x: 0.0,
            y: 0.0,
            width,
            height: grid.height + 2.0 * GROUP_PADDING + band,
        };
        items.insert(id.clone(), item);
    }
    offsets
}

/// Moves every element by its own offset and those of all the groups it is in, top down, once
/// each: shifting a whole subtree at every level would cost the square of the nesting depth.
fn shift_trees(
    roots: &[ElementId],
    children: &BTreeMap<ElementId, Vec<ElementId>>,
    offsets: &HashMap<ElementId, (f64, f64)>,
    items: &mut BTreeMap<ElementId, Placed>,
) {
    let mut stack: Vec<(&ElementId, (f64, f64))> = roots.iter().map(|r| (r, (0.0, 0.0))).collect();
    while let Some((id, (dx, dy))) = stack.pop() {
        let (ox, oy) = offsets.get(id).copied().unwrap_or_default();
        let (dx, dy) = (dx + ox, dy + oy);
        if let Some(item) = items.get_mut(id) {
            item.shape = item.shape.moved(dx, dy);
        }
        for kid in children.get(id).into_iter().flatten() {
            stack.push((kid, (dx, dy)));
        }
    }
}

/// A grid of cells: column widths and row heights fitted to what they hold.
struct Grid {
    columns: Vec<f64>,
    rows: Vec<f64>,
    gap: f64,
    width: f64,
    height: f64,
}

impl Grid {
    fn with_columns(sizes: &[(f64, f64)], count: usize, gap: f64) -> Self {
        let row_count = sizes.len().div_ceil(count);
        let mut columns = vec![0.0f64; count.min(sizes.len())];
        let mut rows = vec![0.0f64; row_count];
        for (i, &(w, h)) in sizes.iter().enumerate() {
            columns[i % count] = columns[i % count].max(w);
            rows[i / count] = rows[i / count].max(h);
        }
        let width = columns.iter().sum::<f64>() + gap * (columns.len().max(1) - 1) as f64;
        let height = rows.iter().sum::<f64>() + gap * (rows.len().max(1) - 1) as f64;
        Self {
            columns,
            rows,
            gap,
            width,
            height,
        }
    }

    /// The column count whose grid comes nearest to `aspect` (width / height).
    fn best(sizes: &[(f64, f64)], gap: f64, aspect: f64) -> Self {
        let n = sizes.len().max(1);
        // Past a few hundred children the search itself would cost more than it is worth.
        let limit = n.min(400);
        (1..=limit)
            .map(|c| Self::with_columns(sizes, c, gap))
            .min_by(|a, b| {
                let score = |g: &Grid| (g.width / g.height.max(1.0) / aspect).ln().abs();
                score(a).total_cmp(&score(b))
            })
            .expect("at least one column")
    }

    /// Top-left of cell `i`, for a block of `size` centred in it.
    fn cell_origin(&self, i: usize, size: (f64, f64)) -> (f64, f64) {
        let (col, row) = (i % self.columns.len(), i / self.columns.len());
        let x: f64 = self.columns[..col].iter().sum::<f64>() + self.gap * col as f64;
        let y: f64 = self.rows[..row].iter().sum::<f64>() + self.gap * row as f64;
        (
            x + (self.columns[col] - size.0) / 2.0,
            y + (self.rows[row] - size.1) / 2.0,
        )
    }
}

/// How strongly each kind of relation pulls two top-level blocks together.
fn pull(details: &RelationDetails) -> f64 {
    match details {
        RelationDetails::Flow { volume, .. } => 1.0 + f64::from(*volume) / 2.0,
        RelationDetails::MemberOf { .. } => 1.0,
        RelationDetails::Barrier { .. } => 1.5,
        // The network should look like how work flows, not like the chart.
        RelationDetails::ReportsTo => 0.3,
    }
}

/// Top-left corners for the top-level blocks: force-directed for order, then rows for tidiness.
fn arrange_blocks(
    scenario: &Scenario,
    tops: &[ElementId],
    blocks: &[Placed],
    items: &BTreeMap<ElementId, Placed>,
) -> Vec<Point> {
    let sizes: Vec<(f64, f64)> = blocks
        .iter()
        .map(|b| {
            let f = b.footprint();
            (f.width, f.height)
        })
        .collect();
    let slot: HashMap<&ElementId, usize> = tops.iter().enumerate().map(|(i, id)| (id, i)).collect();
    let mut weights: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for relation in scenario.relations.values() {
        let (Some(a), Some(b)) = (items.get(&relation.source), items.get(&relation.target)) else {
            continue;
        };
        let (i, j) = (slot[&a.top], slot[&b.top]);
        if i != j {
            *weights.entry((i.min(j), i.max(j))).or_default() += pull(&relation.details);
        }
    }
    let centres = force(&sizes, &weights);
    rows(&sizes, &centres)
}

/// A small Fruchterman–Reingold run over blocks of different sizes, seeded on a circle in a
/// fixed order so the same map always settles the same way.
fn force(sizes: &[(f64, f64)], weights: &BTreeMap<(usize, usize), f64>) -> Vec<(f64, f64)> {
    let n = sizes.len();
    let radius: Vec<f64> = sizes
        .iter()
        .map(|&(w, h)| 0.5 * (w * w + h * h).sqrt())
        .collect();
    let circle = radius.iter().sum::<f64>() / std::f64::consts::PI + 1.0;
    let mut at: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let angle = i as f64 * std::f64::consts::TAU / n.max(1) as f64;
            (circle * angle.cos(), circle * angle.sin())
        })
        .collect();
    // Pairwise repulsion is quadratic: a big district gets fewer rounds (rows tidy it anyway).
    let rounds = if n <= 60 {
        400
    } else if n <= 400 {
        120
    } else {
        30
    };
    let mut heat = circle / 4.0;
    let cool = heat / rounds as f64;
    let mut push = vec![(0.0f64, 0.0f64); n];
    for _ in 0..rounds {
        push.iter_mut().for_each(|p| *p = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (at[i].0 - at[j].0, at[i].1 - at[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(1.0);
                let ideal = radius[i] + radius[j] + 40.0;
                let f = ideal * ideal / d / d;
                push[i].0 += dx * f;
                push[i].1 += dy * f;
                push[j].0 -= dx * f;
                push[j].1 -= dy * f;
            }
        }
        for (&(i, j), &w) in weights {
            let (dx, dy) = (at[i].0 - at[j].0, at[i].1 - at[j].1);
            let d = (dx * dx + dy * dy).sqrt().max(1.0);
            let ideal = radius[i] + radius[j] + 40.0;
            let f = w * d / ideal / 2.0;
            push[i].0 -= dx / d * f * ideal / 4.0;
            push[i].1 -= dy / d * f * ideal / 4.0;
            push[j].0 += dx / d * f * ideal / 4.0;
            push[j].1 += dy / d * f * ideal / 4.0;
        }
        for i in 0..n {
            // Gravity keeps unconnected blocks from drifting off.
            push[i].0 -= at[i].0 * 0.02;
            push[i].1 -= at[i].1 * 0.02;
            let len = (push[i].0.powi(2) + push[i].1.powi(2)).sqrt();
            if len > 0.0 {
                let step = len.min(heat);
                at[i].0 += push[i].0 / len * step;
                at[i].1 += push[i].1 / len * step;
            }
        }
        heat = (heat - cool).max(1.0);
    }
    at
}

/// Tidies force-placed blocks into centred rows: top to bottom as the force left them, and left
/// to right within a row, so neighbours stay neighbours but every edge of the page lines up.
fn rows(sizes: &[(f64, f64)], centres: &[(f64, f64)]) -> Vec<Point> {
    if sizes.is_empty() {
        return Vec::new();
    }
    let area: f64 = sizes
        .iter()
        .map(|&(w, h)| (w + ROW_GAP_X) * (h + ROW_GAP_Y))
        .sum();
    let widest = sizes.iter().map(|s| s.0).fold(0.0, f64::max);
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by(|&a, &b| centres[a].1.total_cmp(&centres[b].1).then(a.cmp(&b)));
    // Try a range of row widths; keep the one whose drawing best fills a landscape page.
    let ideal = (area * PAGE_ASPECT).sqrt();
    let score = |spots: &[Point]| {
        let right = spots
            .iter()
            .zip(sizes)
            .map(|(p, s)| p.x + s.0)
            .fold(0.0, f64::max);
        let bottom = spots
            .iter()
            .zip(sizes)
            .map(|(p, s)| p.y + s.1)
            .fold(0.0, f64::max);
        let left = spots.iter().map(|p| p.x).fold(f64::INFINITY, f64::min);
        // The scale a page of this aspect could draw it at: bigger is better.
        (PAGE_ASPECT / (right - left).max(1.0)).min(1.0 / bottom.max(1.0))
    };
    (0..16)
        .map(|i| (ideal * (0.6 + 0.06 * i as f64)).max(widest))
        .map(|target| shelve(sizes, centres, &order, target))
        .max_by(|a, b| score(a).total_cmp(&score(b)))
        .expect("at least one width")
}

const ROW_GAP_X: f64 = 44.0;
const ROW_GAP_Y: f64 = 48.0;
/// The drawing area of a landscape page, between the title block and the legend.
const PAGE_ASPECT: f64 = 1.9;

fn shelve(
    sizes: &[(f64, f64)],
    centres: &[(f64, f64)],
    order: &[usize],
    target: f64,
) -> Vec<Point> {
    const GAP_X: f64 = ROW_GAP_X;
    const GAP_Y: f64 = ROW_GAP_Y;
    let order = order.iter().copied();
    let mut shelves: Vec<Vec<usize>> = vec![Vec::new()];
    let mut width = 0.0;
    for i in order {
        let shelf = shelves.last_mut().expect("one shelf");
        if !shelf.is_empty() && width + GAP_X + sizes[i].0 > target {
            shelves.push(vec![i]);
            width = sizes[i].0;
        } else {
            width += if shelf.is_empty() { 0.0 } else { GAP_X } + sizes[i].0;
            shelf.push(i);
        }
    }
    let mut spots = vec![Point { x: 0.0, y: 0.0 }; sizes.len()];
    let mut y = 0.0;
    for shelf in &mut shelves {
        shelf.sort_by(|&a, &b| centres[a].0.total_cmp(&centres[b].0).then(a.cmp(&b)));
        let shelf_w: f64 =
            shelf.iter().map(|&i| sizes[i].0).sum::<f64>() + GAP_X * (shelf.len() - 1) as f64;
        let shelf_h = shelf.iter().map(|&i| sizes[i].1).fold(0.0, f64::max);
        let mut x = (target - shelf_w) / 2.0;
        for &i in shelf.iter() {
            spots[i] = Point {
                x,
                y: y + (shelf_h - sizes[i].1) / 2.0,
            };
            x += sizes[i].0 + GAP_X;
        }
        y += shelf_h + GAP_Y;
    }
    spots
}

// ------------------------------------------------------------------------------------------
// Org chart

/// Horizontal room between neighbouring subtrees, and vertical room between ranks.
const TREE_GAP_X: f64 = 28.0;
const TREE_GAP_Y: f64 = 56.0;
/// A stacked column of reports sits this far right of its superior's centre line.
const COLUMN_INDENT: f64 = 22.0;
const COLUMN_GAP: f64 = 14.0;

/// A subtree measured around its root's centre line: how far it reaches left and right.
struct Span {
    left: f64,
    right: f64,
}

struct Tree<'a> {
    scenario: &'a Scenario,
    reports: BTreeMap<ElementId, Vec<ElementId>>,
    items: BTreeMap<ElementId, Placed>,
    spans: HashMap<ElementId, Span>,
    styles: Vec<(ElementId, Vec<ElementId>, TreeStyle)>,
}

fn org_chart(scenario: &Scenario) -> Layout {
    let mut superior: BTreeMap<ElementId, ElementId> = BTreeMap::new();
    let mut shown: Vec<ElementId> = Vec::new();
    for relation in crate::view::org_chart_lines(scenario) {
        shown.push(relation.source.clone());
        shown.push(relation.target.clone());
        // A second superior is drawn as a plain line; the tree follows the first.
        superior
            .entry(relation.source.clone())
            .or_insert_with(|| relation.target.clone());
    }
    shown.sort();
    shown.dedup();
    break_cycles(&shown, &mut superior);
    let mut reports: BTreeMap<ElementId, Vec<ElementId>> = BTreeMap::new();
    for (report, boss) in &superior {
        reports
            .entry(boss.clone())
            .or_default()
            .push(report.clone());
    }
    for list in reports.values_mut() {
        *list = ordered(scenario, std::mem::take(list));
    }
    let roots = ordered(
        scenario,
        shown
            .iter()
            .filter(|id| !superior.contains_key(*id))
            .cloned()
            .collect(),
    );

    let mut tree = Tree {
        scenario,
        reports,
        items: BTreeMap::new(),
        spans: HashMap::new(),
        styles: Vec::new(),
    };
    let saved = scenario.positions.get(&View::OrgChart);
    let all_saved = saved.is_some_and(|p| shown.iter().all(|id| p.contains_key(id)));
    if let (true, Some(points)) = (all_saved, saved) {
        for id in &shown {
            let mut item = leaf(scenario, id, View::OrgChart);
            let at = points[id];
            item.shape = item.shape.moved(at.x, at.y);
            tree.items.insert(id.clone(), item);
        }
        let lines = tree
            .reports
            .iter()
            .map(|(boss, kids)| (boss.clone(), kids.clone(), TreeStyle::Row))
            .collect();
        return finish(View::OrgChart, tree.items, lines);
    }

    let mut x = 0.0;
    for root in &roots {
        tree.measure_all(root);
        let span = &tree.spans[root];
        let centre = x + span.left;
        x = centre + span.right + TREE_GAP_X * 3.0;
        tree.place_all(root, centre, 0.0);
    }
    finish(View::OrgChart, tree.items, tree.styles)
}

/// A reports-to cycle cannot pass the core's invariants, but a tree must never loop: drops the
/// line that closes a loop. One walk up from each person, never past someone already walked
/// from, so a chain of any depth costs one step per person.
fn break_cycles(shown: &[ElementId], superior: &mut BTreeMap<ElementId, ElementId>) {
    #[derive(PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    let mut marks: HashMap<ElementId, Mark> = HashMap::with_capacity(shown.len());
    let mut path: Vec<ElementId> = Vec::new();
    for id in shown {
        let mut at = id.clone();
        while !marks.contains_key(&at) {
            marks.insert(at.clone(), Mark::OnPath);
            path.push(at.clone());
            let Some(up) = superior.get(&at).cloned() else {
                break;
            };
            if marks.get(&up) == Some(&Mark::OnPath) {
                superior.remove(&at);
                break;
            }
            at = up;
        }
        for walked in path.drain(..) {
            marks.insert(walked, Mark::Done);
        }
    }
}

impl Tree<'_> {
    fn is_leaf(&self, id: &ElementId) -> bool {
        self.reports.get(id).is_none_or(Vec::is_empty)
    }

    /// Leaf reports stack in a column when there are three or more of them.
    fn stacks(&self, id: &ElementId) -> bool {
        let kids = self.reports.get(id).map(Vec::as_slice).unwrap_or_default();
        kids.len() >= 3 && kids.iter().all(|k| self.is_leaf(k))
    }

    /// The subtree under `root`, each person after all their reports; walked with a stack of its
    /// own, since a chain of command may run thousands deep.
    fn bottom_up(&self, root: &ElementId) -> Vec<ElementId> {
        let mut order = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(id) = stack.pop() {
            stack.extend(self.reports.get(&id).into_iter().flatten().cloned());
            order.push(id);
        }
        order.reverse();
        order
    }

    fn measure_all(&mut self, root: &ElementId) {
        for id in self.bottom_up(root) {
            self.measure(&id);
        }
    }

    /// Sizes `id` and its subtree, its reports already measured.
    fn measure(&mut self, id: &ElementId) {
        let item = leaf(self.scenario, id, View::OrgChart);
        let own = item.footprint().width / 2.0;
        self.items.insert(id.clone(), item);
        let kids = self.reports.get(id).cloned().unwrap_or_default();
        let span = if kids.is_empty() {
            Span {
                left: own,
                right: own,
            }
        } else if self.stacks(id) {
            let widest = kids
                .iter()
                .map(|k| self.items[k].footprint().width)
                .fold(0.0, f64::max);
            Span {
                left: own,
                right: own.max(COLUMN_INDENT + widest),
            }
        } else {
            let total: f64 = kids
                .iter()
                .map(|k| self.spans[k].left + self.spans[k].right)
                .sum::<f64>()
                + TREE_GAP_X * (kids.len() - 1) as f64;
            // The superior sits over the middle of its first and last report's centre lines.
            let first = self.spans[&kids[0]].left;
            let last = self.spans[&kids[kids.len() - 1]].right;
            let half = (total - first - last) / 2.0;
            Span {
                left: own.max(first + half),
                right: own.max(last + half),
            }
        };
        self.spans.insert(id.clone(), span);
    }

    /// Places the subtree of `root` with its centre line at `x` and its top at `y`, top down.
    fn place_all(&mut self, root: &ElementId, x: f64, y: f64) {
        let mut stack = vec![(root.clone(), x, y)];
        while let Some((id, x, y)) = stack.pop() {
            stack.extend(self.place(&id, x, y));
        }
    }

    /// Places `id` with its centre line at `x` and its top at `y`; returns where its reports go.
    fn place(&mut self, id: &ElementId, x: f64, y: f64) -> Vec<(ElementId, f64, f64)> {
        let kids = self.reports.get(id).cloned().unwrap_or_default();
        let top_h = {
            let item = self.items.get_mut(id).expect("measured");
            let f = item.footprint();
            item.shape = item.shape.moved(x - item.shape.centre().x, y - f.y);
            f.height
        };
        let mut next = Vec::with_capacity(kids.len());
        if kids.is_empty() {
            return next;
        }
        let below = y + top_h + TREE_GAP_Y;
        if self.stacks(id) {
            let mut at = y + top_h + TREE_GAP_Y * 0.5;
            for kid in &kids {
                let f = self.items[kid].footprint();
                next.push((kid.clone(), x + COLUMN_INDENT + f.width / 2.0, at));
                at += f.height + COLUMN_GAP;
            }
            self.styles.push((id.clone(), kids, TreeStyle::Column));
        } else {
            let span_sum: f64 = kids
                .iter()
                .map(|k| self.spans[k].left + self.spans[k].right)
                .sum::<f64>()
                + TREE_GAP_X * (kids.len() - 1) as f64;
            let first = self.spans[&kids[0]].left;
            let last = self.spans[&kids[kids.len() - 1]].right;
            let mut left = x - (span_sum - first - last) / 2.0 - first;
            for kid in &kids {
                let (l, r) = (self.spans[kid].left, self.spans[kid].right);
                next.push((kid.clone(), left + l, below));
                left += l + r + TREE_GAP_X;
            }
            self.styles.push((id.clone(), kids, TreeStyle::Row));
        }
        next
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
