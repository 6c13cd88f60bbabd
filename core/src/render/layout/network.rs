//! The network's layout: each group's children packed in a grid (groups are boxes sized by
//! their children, like Cytoscape's compound nodes), the top-level blocks placed by a small
//! force-directed run so that what exchanges a lot sits close, then tidied into centred rows.
//! Saved positions, when every leaf has one, are kept and the groups sized round them.

use super::super::font::Weight;
use super::super::Rect;
use super::{
    finish, label_box, leaf, ordered, LabelPlace, Layout, Placed, GROUP_LABEL_SIZE, TITLE_INSET,
};
use crate::model::{ElementId, Point, RelationDetails, Scenario, View};
use std::collections::{BTreeMap, HashMap};

/// Room between a group's outline and its children.
const GROUP_PADDING: f64 = 22.0;
/// Space between the children packed inside a group.
const CELL_GAP: f64 = 26.0;
const TITLE_ROOM: f64 = TITLE_INSET + 14.0;

pub(super) fn network(scenario: &Scenario) -> Layout {
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

/// A group's width around `inner_width` of contents (`padding` each side, never narrower than its
/// title) and its title band's height: groups are framed alike on the network and the org chart.
pub(crate) fn group_frame(item: &Placed, inner_width: f64, padding: f64) -> (f64, f64) {
    let (title_w, _) = label_box(&item.lines, item.size, item.weight);
    (
        (inner_width + 2.0 * padding).max(title_w + TITLE_ROOM),
        band_height(item),
    )
}

/// A group's box around what it holds (`inner`), centred on it, its title band on top.
pub(crate) fn titled_box(item: &Placed, inner: Rect, padding: f64) -> Rect {
    let (width, band) = group_frame(item, inner.width, padding);
    Rect {
        x: inner.centre().x - width / 2.0,
        y: inner.y - padding - band,
        width,
        height: inner.height + 2.0 * padding + band,
    }
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
        item.shape = titled_box(&item, inner, GROUP_PADDING);
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
        let (width, band) = group_frame(&item, grid.width, GROUP_PADDING);
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
        // A cascade hangs beside what it governs without pulling the network's shape.
        RelationDetails::DerivesFrom | RelationDetails::Governs { .. } => 0.5,
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
