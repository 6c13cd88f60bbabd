//! A tidy top-down tree of boxes, each known only by its size: the org chart lays out people
//! inside an office with it, then the offices and loose people with it. A superior's three or
//! more leaf children stack in a column so a wide office does not flatten the page; beside
//! children with children of their own, that column takes the first place in their row.
//!
//! Every walk keeps a stack of its own: a chain of command may run thousands deep.

use super::TreeStyle;
use crate::model::ElementId;
use std::collections::{BTreeMap, HashMap};

/// Horizontal room between neighbouring subtrees, and vertical room between ranks.
pub(super) const GAP_X: f64 = 28.0;
pub(super) const GAP_Y: f64 = 56.0;
/// A stacked column of children sits this far right of its superior's centre line.
pub(crate) const COLUMN_INDENT: f64 = 22.0;
const COLUMN_GAP: f64 = 14.0;

/// A subtree measured around its root's centre line: how far it reaches left and right.
struct Span {
    left: f64,
    right: f64,
}

/// Each superior, the children drawn under it, and how.
pub(super) type Styles = Vec<(ElementId, Vec<ElementId>, TreeStyle)>;

/// A forest laid out: where each box's centre line and top are, and the connectors drawn.
pub(super) struct Tidy {
    pub at: HashMap<ElementId, (f64, f64)>,
    pub styles: Styles,
}

struct Forest<'a> {
    children: &'a BTreeMap<ElementId, Vec<ElementId>>,
    sizes: &'a HashMap<ElementId, (f64, f64)>,
    stackable: &'a dyn Fn(&ElementId) -> bool,
    spans: HashMap<ElementId, Span>,
    out: Tidy,
}

/// Lays out the trees under `roots` side by side, tops at 0, the first starting at x = 0.
/// `sizes` holds each box's width and height; `children` each superior's children, in order;
/// `stackable` the leaves small enough to stack in a column.
pub(super) fn tidy(
    roots: &[ElementId],
    children: &BTreeMap<ElementId, Vec<ElementId>>,
    sizes: &HashMap<ElementId, (f64, f64)>,
    stackable: &dyn Fn(&ElementId) -> bool,
) -> Tidy {
    let mut forest = Forest {
        children,
        sizes,
        stackable,
        spans: HashMap::with_capacity(sizes.len()),
        out: Tidy {
            at: HashMap::with_capacity(sizes.len()),
            styles: Vec::new(),
        },
    };
    let mut x = 0.0;
    for root in roots {
        for id in forest.bottom_up(root) {
            forest.measure(&id);
        }
        let span = &forest.spans[root];
        let centre = x + span.left;
        x = centre + span.right + GAP_X * 3.0;
        let mut stack = vec![(root.clone(), centre, 0.0)];
        while let Some((id, x, y)) = stack.pop() {
            stack.extend(forest.place(&id, x, y));
        }
    }
    forest.out
}

impl Forest<'_> {
    fn kids(&self, id: &ElementId) -> &[ElementId] {
        self.children.get(id).map(Vec::as_slice).unwrap_or_default()
    }

    fn is_leaf(&self, id: &ElementId) -> bool {
        self.kids(id).is_empty()
    }

    /// How `id`'s children are set out: stacked when three or more are small leaves (all of
    /// them, or those leaves as the first of a row), else side by side.
    fn members(&self, id: &ElementId) -> (Vec<ElementId>, Vec<ElementId>) {
        let kids = self.kids(id);
        let (leaves, others): (Vec<ElementId>, Vec<ElementId>) = kids
            .iter()
            .cloned()
            .partition(|k| self.is_leaf(k) && (self.stackable)(k));
        if leaves.len() >= 3 {
            (leaves, others)
        } else {
            (Vec::new(), kids.to_vec())
        }
    }

    /// A stacked column's reach right of its spine.
    fn stack_width(&self, stack: &[ElementId]) -> f64 {
        COLUMN_INDENT + stack.iter().map(|k| self.sizes[k].0).fold(0.0, f64::max)
    }

    /// The subtree under `root`, each box after all its children.
    fn bottom_up(&self, root: &ElementId) -> Vec<ElementId> {
        let mut order = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(id) = stack.pop() {
            stack.extend(self.kids(&id).iter().cloned());
            order.push(id);
        }
        order.reverse();
        order
    }

    /// Measures `id`'s subtree, its children already measured.
    fn measure(&mut self, id: &ElementId) {
        let own = self.sizes[id].0 / 2.0;
        let (stack, row) = self.members(id);
        let span = match (stack.is_empty(), row.is_empty()) {
            (true, true) => Span {
                left: own,
                right: own,
            },
            (false, true) => Span {
                left: own,
                right: own.max(self.stack_width(&stack)),
            },
            _ => {
                let (total, first, last) = self.row_extent(&stack, &row);
                // The superior sits over the middle of its first and last child's centre lines.
                let half = (total - first - last) / 2.0;
                Span {
                    left: own.max(first + half),
                    right: own.max(last + half),
                }
            }
        };
        self.spans.insert(id.clone(), span);
    }

    /// A row of children side by side (a stacked column first, its spine as its centre line):
    /// its whole width, and how far its first member reaches left of that member's centre line
    /// and its last member right of its own.
    fn row_extent(&self, stack: &[ElementId], row: &[ElementId]) -> (f64, f64, f64) {
        let mut reach: Vec<(f64, f64)> = Vec::with_capacity(row.len() + 1);
        if !stack.is_empty() {
            reach.push((0.0, self.stack_width(stack)));
        }
        reach.extend(
            row.iter()
                .map(|k| (self.spans[k].left, self.spans[k].right)),
        );
        let total = reach.iter().map(|(l, r)| l + r).sum::<f64>()
            + GAP_X * (reach.len().saturating_sub(1)) as f64;
        (total, reach[0].0, reach[reach.len() - 1].1)
    }

    /// Places `id` with its centre line at `x` and its top at `y`; returns where its children go.
    fn place(&mut self, id: &ElementId, x: f64, y: f64) -> Vec<(ElementId, f64, f64)> {
        self.out.at.insert(id.clone(), (x, y));
        let (stack, row) = self.members(id);
        let mut next = Vec::with_capacity(stack.len() + row.len());
        let top_h = self.sizes[id].1;
        let stacked = |spine: f64, mut at: f64, next: &mut Vec<(ElementId, f64, f64)>| {
            for kid in &stack {
                let (w, h) = self.sizes[kid];
                next.push((kid.clone(), spine + COLUMN_INDENT + w / 2.0, at));
                at += h + COLUMN_GAP;
            }
        };
        if row.is_empty() {
            if !stack.is_empty() {
                stacked(x, y + top_h + GAP_Y * 0.5, &mut next);
                self.out.styles.push((id.clone(), stack, TreeStyle::Column));
            }
            return next;
        }
        let (total, first, last) = self.row_extent(&stack, &row);
        let mut left = x - (total - first - last) / 2.0 - first;
        let below = y + top_h + GAP_Y;
        if !stack.is_empty() {
            stacked(left, below, &mut next);
            left += self.stack_width(&stack) + GAP_X;
        }
        for kid in &row {
            let (l, r) = (self.spans[kid].left, self.spans[kid].right);
            next.push((kid.clone(), left + l, below));
            left += l + r + GAP_X;
        }
        if !stack.is_empty() {
            self.out.styles.push((id.clone(), stack, TreeStyle::Column));
        }
        self.out.styles.push((id.clone(), row, TreeStyle::Row));
        next
    }
}
