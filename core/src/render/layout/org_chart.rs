//! The org chart's layout: a tidy top-down tree over reports-to lines (people and offices
//! only), with a superior's leaf reports stacked in a column so a wide office does not flatten
//! the page. Saved positions, when every shown element has one, are kept.

use super::{finish, leaf, ordered, Layout, Placed, TreeStyle};
use crate::model::{ElementId, Scenario, View};
use std::collections::{BTreeMap, HashMap};

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

pub(super) fn org_chart(scenario: &Scenario) -> Layout {
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
            let (total, first, last) = self.row_extent(&kids);
            // The superior sits over the middle of its first and last report's centre lines.
            let half = (total - first - last) / 2.0;
            Span {
                left: own.max(first + half),
                right: own.max(last + half),
            }
        };
        self.spans.insert(id.clone(), span);
    }

    /// A row of reports side by side: its whole width, and how far its first report reaches left
    /// of that report's centre line and its last report right of its own.
    fn row_extent(&self, kids: &[ElementId]) -> (f64, f64, f64) {
        let total = kids
            .iter()
            .map(|k| self.spans[k].left + self.spans[k].right)
            .sum::<f64>()
            + TREE_GAP_X * (kids.len() - 1) as f64;
        let first = self.spans[&kids[0]].left;
        let last = self.spans[&kids[kids.len() - 1]].right;
        (total, first, last)
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
            let (span_sum, first, last) = self.row_extent(&kids);
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
