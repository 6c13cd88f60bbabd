//! The org chart's layout: one tree, as a board member reads an org chart. Each office is a box
//! holding its people (the office of their position, else the office they sit in:
//! `model::org_chart_office`), their reporting lines inside it laid out as a small tree with the
//! head on top; sub-offices (nested in it or reporting to it) and people in no office hang
//! beneath the office or person they report to. A reporting line the tree does not show — a
//! second superior, a member reporting into another office — is drawn as a line of its own
//! (`edges.rs`). Saved positions, when every person and empty office has one, are kept.

use super::super::font::Weight;
use super::network::titled_box;
use super::tidy::{tidy, Styles, Tidy};
use super::{
    finish, leaf, ordered, Connector, LabelPlace, Layout, Placed, TreeStyle, GROUP_LABEL_SIZE,
};
use crate::model::{ElementId, ElementKind, Relation, RelationId, Scenario, View};
use crate::render::Rect;
use std::collections::{BTreeMap, HashMap};

use crate::rules::ORG_CHART_PADDING as PADDING;

/// Who is on the chart and how they hang together.
struct Chart<'a> {
    scenario: &'a Scenario,
    lines: Vec<&'a Relation>,
    /// Each shown element's first superior (a second one is drawn as a plain line).
    superior: BTreeMap<ElementId, ElementId>,
    /// The office box each shown person sits in.
    office: HashMap<ElementId, ElementId>,
    /// Each office's people, and their reports inside it.
    people: BTreeMap<ElementId, Vec<ElementId>>,
    inner: BTreeMap<ElementId, Vec<ElementId>>,
    /// The tree's own boxes: offices and people in no office; the superior of each, its children.
    units: Vec<ElementId>,
    above: BTreeMap<ElementId, ElementId>,
    below: BTreeMap<ElementId, Vec<ElementId>>,
}

pub(super) fn org_chart(scenario: &Scenario) -> Layout {
    let chart = Chart::of(scenario);
    let saved = scenario.positions.get(&View::OrgChart);
    let leaves: Vec<&ElementId> = chart
        .units
        .iter()
        .filter(|u| !chart.people.contains_key(*u))
        .chain(chart.office.keys())
        .collect();
    let all_saved = saved.is_some_and(|p| leaves.iter().all(|id| p.contains_key(*id)));
    let (items, styles) = match saved {
        Some(points) if all_saved => chart.kept(points),
        _ => chart.laid_out(),
    };
    let connectors = chart.connectors(styles);
    finish(View::OrgChart, items, connectors)
}

impl<'a> Chart<'a> {
    fn of(scenario: &'a Scenario) -> Self {
        let lines = crate::view::org_chart_lines(scenario);
        let shown = crate::view::org_chart_shown(scenario);
        let mut superior: BTreeMap<ElementId, ElementId> = BTreeMap::new();
        for relation in &lines {
            superior
                .entry(relation.source.clone())
                .or_insert_with(|| relation.target.clone());
        }
        break_cycles(shown.iter(), &mut superior);
        let mut office = HashMap::new();
        let mut people: BTreeMap<ElementId, Vec<ElementId>> = BTreeMap::new();
        for id in &shown {
            if let Some(o) = crate::model::org_chart_office(scenario, &scenario.elements[id]) {
                office.insert(id.clone(), o.clone());
                people.entry(o.clone()).or_default().push(id.clone());
            }
        }
        let mut chart = Chart {
            scenario,
            lines,
            superior,
            office,
            people,
            inner: BTreeMap::new(),
            units: shown.into_iter().collect(),
            above: BTreeMap::new(),
            below: BTreeMap::new(),
        };
        chart.units.retain(|id| !chart.office.contains_key(id));
        chart.hang();
        chart
    }

    /// The box `id` is drawn in: its office's, or its own.
    fn unit_of<'b>(&'b self, id: &'b ElementId) -> &'b ElementId {
        self.office.get(id).unwrap_or(id)
    }

    /// A person whose superior is not in their office: the head of their office's small tree.
    fn heads_office(&self, person: &ElementId) -> bool {
        let office = self.office.get(person);
        office.is_some() && self.superior.get(person).map(|s| self.unit_of(s)) != office
    }

    /// Who reports to whom inside each office, then which box each box hangs beneath.
    fn hang(&mut self) {
        for (person, office) in &self.office {
            if let Some(boss) = self
                .superior
                .get(person)
                .filter(|b| self.office.get(*b) == Some(office))
            {
                self.inner
                    .entry(boss.clone())
                    .or_default()
                    .push(person.clone());
            }
        }
        let mut above = BTreeMap::new();
        for unit in &self.units {
            if let Some(up) = self.unit_above(unit).filter(|up| *up != unit) {
                above.insert(unit.clone(), up.clone());
            }
        }
        break_cycles(self.units.iter(), &mut above);
        for (unit, up) in &above {
            self.below.entry(up.clone()).or_default().push(unit.clone());
        }
        let scenario = self.scenario;
        for list in self.inner.values_mut().chain(self.below.values_mut()) {
            *list = ordered(scenario, std::mem::take(list));
        }
        self.above = above;
    }

    /// The box `unit` hangs beneath: an office's parent office, else whom it (or its head)
    /// reports to; a person's superior's box.
    fn unit_above(&self, unit: &ElementId) -> Option<&ElementId> {
        let element = &self.scenario.elements[unit];
        let parent_office = element.parent.as_ref().filter(|p| {
            self.units.contains(p) && self.scenario.elements[*p].kind() == ElementKind::Office
        });
        parent_office
            .or_else(|| self.superior.get(unit).map(|s| self.unit_of(s)))
            .or_else(|| {
                let people = self.people.get(unit)?;
                people
                    .iter()
                    .filter(|p| self.heads_office(p))
                    .find_map(|p| self.superior.get(p).map(|s| self.unit_of(s)))
            })
    }

    /// The tree computed afresh: each office's people first, then the boxes.
    fn laid_out(&self) -> (BTreeMap<ElementId, Placed>, Styles) {
        let mut items: BTreeMap<ElementId, Placed> = BTreeMap::new();
        let mut styles = Vec::new();
        let mut sizes: HashMap<ElementId, (f64, f64)> = HashMap::with_capacity(self.units.len());
        for unit in &self.units {
            let item = match self.people.get(unit) {
                Some(people) => {
                    let (boxed, inner_styles) = self.boxed(unit, people, &mut items);
                    styles.extend(inner_styles);
                    boxed
                }
                None => leaf(self.scenario, unit, View::OrgChart),
            };
            let f = self.room(&item);
            sizes.insert(unit.clone(), (f.width, f.height));
            items.insert(unit.clone(), item);
        }
        let roots: Vec<ElementId> = ordered(
            self.scenario,
            self.units
                .iter()
                .filter(|u| !self.above.contains_key(*u))
                .cloned()
                .collect(),
        );
        // An office box with people in it is too big to stack in a column.
        let small = |id: &ElementId| !self.people.contains_key(id);
        let Tidy { at, styles: outer } = tidy(&roots, &self.below, &sizes, &small);
        for unit in &self.units {
            let (cx, top) = at[unit];
            let f = self.room(&items[unit]);
            let (dx, dy) = (cx - f.width / 2.0 - f.x, top - f.y);
            for id in std::iter::once(unit).chain(self.people.get(unit).into_iter().flatten()) {
                let item = items.get_mut(id).expect("placed");
                item.shape = item.shape.moved(dx, dy);
            }
        }
        styles.extend(outer);
        (items, styles)
    }

    /// `office`'s box around its people's small tree, at the origin; the people go into `items`.
    fn boxed(
        &self,
        office: &ElementId,
        people: &[ElementId],
        items: &mut BTreeMap<ElementId, Placed>,
    ) -> (Placed, Styles) {
        let mut sizes = HashMap::with_capacity(people.len());
        let mut placed = Vec::with_capacity(people.len());
        for person in people {
            let item = leaf(self.scenario, person, View::OrgChart);
            let f = self.room(&item);
            sizes.insert(person.clone(), (f.width, f.height));
            placed.push(item);
        }
        let heads: Vec<ElementId> = ordered(
            self.scenario,
            people
                .iter()
                .filter(|p| self.heads_office(p))
                .cloned()
                .collect(),
        );
        let Tidy { at, styles } = tidy(&heads, &self.inner, &sizes, &|_| true);
        let mut inner: Option<Rect> = None;
        for item in &mut placed {
            let (cx, top) = at[&item.id];
            let f = self.room(item);
            item.shape = item.shape.moved(cx - f.width / 2.0 - f.x, top - f.y);
            item.depth = 1;
            let f = self.room(item);
            inner = Some(inner.map_or(f, |r| r.union(&f)));
        }
        let inner = inner.unwrap_or_default();
        let mut boxed = self.office_box(office, inner);
        let (dx, dy) = (boxed.shape.x, boxed.shape.y);
        boxed.shape = boxed.shape.moved(-dx, -dy);
        for mut item in placed {
            item.shape = item.shape.moved(-dx, -dy);
            item.top = office.clone();
            items.insert(item.id.clone(), item);
        }
        (boxed, styles)
    }

    /// The room `item` takes on the chart: paper's drawing (a person's circle with the name
    /// below) and the canvas's (a person as a box holding their title) both fit in it, so neither
    /// draws a person over a neighbour or out of their office's box.
    fn room(&self, item: &Placed) -> Rect {
        let f = item.footprint();
        let element = &self.scenario.elements[&item.id];
        if element.kind() != ElementKind::Person {
            return f;
        }
        let titled = crate::label::leaf_box(element, &item.lines, true);
        let c = item.shape.centre();
        f.union(&Rect {
            x: c.x - titled.width / 2.0,
            y: c.y - titled.height / 2.0,
            width: titled.width,
            height: titled.height,
        })
    }

    /// An office's box around `inner` (its people's footprints), with its title band on top.
    fn office_box(&self, office: &ElementId, inner: Rect) -> Placed {
        let element = &self.scenario.elements[office];
        let mut item = Placed {
            id: office.clone(),
            kind: element.kind(),
            is_group: true,
            depth: 0,
            shape: Rect::default(),
            lines: crate::label::lines(element, View::OrgChart, true),
            place: LabelPlace::Band,
            weight: Weight::Semibold,
            size: GROUP_LABEL_SIZE,
            top: office.clone(),
        };
        item.shape = titled_box(&item, inner, PADDING);
        item
    }

    /// Everyone where they were saved; each office's box drawn around its people.
    fn kept(
        &self,
        points: &BTreeMap<ElementId, crate::model::Point>,
    ) -> (BTreeMap<ElementId, Placed>, Styles) {
        let mut items = BTreeMap::new();
        let at = |id: &ElementId| {
            let mut item = leaf(self.scenario, id, View::OrgChart);
            let p = points[id];
            item.shape = item.shape.moved(p.x, p.y);
            item
        };
        for unit in &self.units {
            let Some(people) = self.people.get(unit) else {
                items.insert(unit.clone(), at(unit));
                continue;
            };
            let placed: Vec<Placed> = people.iter().map(at).collect();
            let inner = placed
                .iter()
                .map(|p| self.room(p))
                .reduce(|a, b| a.union(&b));
            items.insert(
                unit.clone(),
                self.office_box(unit, inner.unwrap_or_default()),
            );
            for mut item in placed {
                item.depth = 1;
                item.top = unit.clone();
                items.insert(item.id.clone(), item);
            }
        }
        let styles = self
            .inner
            .iter()
            .chain(&self.below)
            .map(|(boss, kids)| (boss.clone(), kids.clone(), TreeStyle::Row))
            .collect();
        (items, styles)
    }

    /// Each connector with the reporting lines it stands for: a box's connector stands for the
    /// lines from it, or from its office's head, to its superior's box.
    fn connectors(&self, styles: Styles) -> Vec<Connector> {
        let mut by_pair: HashMap<(&ElementId, &ElementId), Vec<RelationId>> = HashMap::new();
        for r in &self.lines {
            let boss = if self.office.get(&r.source) == self.office.get(&r.target)
                && self.office.contains_key(&r.source)
            {
                (&r.source, &r.target)
            } else if self.office.contains_key(&r.source) && !self.heads_office(&r.source) {
                continue;
            } else {
                (self.unit_of(&r.source), self.unit_of(&r.target))
            };
            by_pair.entry(boss).or_default().push(r.id.clone());
        }
        styles
            .into_iter()
            .map(|(boss, kids, style)| {
                let relations = kids
                    .iter()
                    .flat_map(|k| by_pair.get(&(k, &boss)).into_iter().flatten())
                    .cloned()
                    .collect();
                Connector {
                    boss,
                    kids,
                    style,
                    relations,
                }
            })
            .collect()
    }
}

/// A reports-to or nesting cycle cannot pass the core's invariants, but a tree must never loop:
/// drops the link that closes a loop. One walk up from each box, never past one already walked
/// from, so a chain of any depth costs one step per box.
fn break_cycles<'i>(
    ids: impl Iterator<Item = &'i ElementId>,
    superior: &mut BTreeMap<ElementId, ElementId>,
) {
    #[derive(PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    let mut marks: HashMap<ElementId, Mark> = HashMap::new();
    let mut path: Vec<ElementId> = Vec::new();
    for id in ids {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{render_svg, PageSize, PageSpec};

    /// The sample, with Tom Becker (of Teaching & Learning) reporting to Angela Brooks, who heads
    /// Linked Learning: a reporting line across offices from someone who does not head theirs.
    fn across_offices() -> (crate::model::Map, RelationId) {
        let mut map = crate::sample::riverside_unified();
        let scenario = &mut map.scenarios[0];
        let line = scenario
            .relations
            .values_mut()
            .find(|r| r.source == "math-specialist".into())
            .expect("Tom Becker reports to someone");
        line.target = "ll-director".into();
        let id = line.id.clone();
        (map, id)
    }

    #[test]
    fn the_chart_is_one_tree_of_offices_holding_their_people() {
        let (map, across) = across_offices();
        let scenario = &map.scenarios[0];
        let layout = super::super::layout(scenario, View::OrgChart);
        let inside = |inner: Rect, outer: Rect| {
            inner.x >= outer.x
                && inner.y >= outer.y
                && inner.x + inner.width <= outer.x + outer.width
                && inner.y + inner.height <= outer.y + outer.height
        };
        let mut held = 0;
        for item in layout
            .items
            .iter()
            .filter(|i| i.kind == ElementKind::Person)
        {
            let element = &scenario.elements[&item.id];
            if let Some(office) = crate::model::org_chart_office(scenario, element) {
                let office = layout.get(office).expect("the office is drawn");
                assert!(office.is_group, "{:?} is a box", office.id);
                assert!(
                    inside(item.footprint(), office.shape),
                    "{:?} is drawn inside {:?}",
                    item.id,
                    office.id
                );
                held += 1;
            }
        }
        assert_eq!(held, 8, "everyone with an office sits in its box");
        // One tree: a single box is nobody's child, the Superintendent's office.
        let children: std::collections::HashSet<&ElementId> =
            layout.tree.iter().flat_map(|c| &c.kids).collect();
        let tops: Vec<&ElementId> = layout
            .items
            .iter()
            .filter(|i| i.depth == 0 && !children.contains(&i.id))
            .map(|i| &i.id)
            .collect();
        assert_eq!(tops, vec![&ElementId::from("superintendent")]);
        // The line across offices is not hidden in a connector: it is drawn as a line of its own.
        assert!(layout.tree.iter().all(|c| !c.relations.contains(&across)));
        let svg = render_svg(
            &map,
            scenario,
            View::OrgChart,
            &PageSpec::new(PageSize::Letter),
        );
        assert!(
            svg.contains(&format!(r#"<g data-id="{}""#, across.0)),
            "Tom Becker's line to Angela Brooks is drawn"
        );
    }

    #[test]
    fn the_canvas_gets_the_places_paper_draws_laid_out_afresh() {
        let mut map = crate::sample::riverside_unified();
        let scenario = map.scenarios[0].id.clone();
        let paper = super::super::layout(&map.scenarios[0], View::OrgChart);
        // A saved place is the canvas's own business: asked for a layout, the core lays out anew.
        let saved = map.scenarios[0]
            .positions
            .entry(View::OrgChart)
            .or_default();
        saved.insert("tl-director".into(), crate::model::Point { x: 9e3, y: 9e3 });
        let places = crate::render::org_chart_places(&map, &scenario).expect("places");
        let leaves: Vec<(ElementId, crate::model::Point)> = paper
            .items
            .iter()
            .filter(|i| !i.is_group)
            .map(|i| (i.id.clone(), i.shape.centre()))
            .collect();
        let got: Vec<(ElementId, crate::model::Point)> =
            places.places.into_iter().map(|p| (p.id, p.at)).collect();
        assert_eq!(got, leaves);
        assert!(!got
            .iter()
            .any(|(id, _)| id == &ElementId::from("teaching-learning")));
    }

    /// The canvas draws each person as a box holding their title: on the chart laid out for it,
    /// no two such boxes touch, each sits inside its office's box (padded as paper pads it), and
    /// every reporting line a connector stands for has a route from its superior to its report.
    #[test]
    fn the_canvas_boxes_never_overlap_and_every_connector_line_has_a_route() {
        let map = crate::sample::riverside_unified();
        let scenario = &map.scenarios[0];
        let layout = super::super::layout(scenario, View::OrgChart);
        let titled: Vec<(ElementId, Rect)> = layout
            .items
            .iter()
            .filter(|i| i.kind == ElementKind::Person)
            .map(|i| {
                let b = crate::label::leaf_box(&scenario.elements[&i.id], &i.lines, true);
                let c = i.shape.centre();
                let r = Rect {
                    x: c.x - b.width / 2.0,
                    y: c.y - b.height / 2.0,
                    width: b.width,
                    height: b.height,
                };
                (i.id.clone(), r)
            })
            .collect();
        let apart = |a: &Rect, b: &Rect| {
            a.x + a.width <= b.x
                || b.x + b.width <= a.x
                || a.y + a.height <= b.y
                || b.y + b.height <= a.y
        };
        for (n, (a, ra)) in titled.iter().enumerate() {
            for (b, rb) in &titled[n + 1..] {
                assert!(apart(ra, rb), "{a:?} and {b:?} overlap on the canvas");
            }
            let top = &layout.get(a).expect("placed").top;
            if top != a {
                let office = layout.get(top).expect("office").shape;
                assert!(
                    ra.x >= office.x + PADDING - 0.01
                        && ra.x + ra.width <= office.x + office.width - PADDING + 0.01,
                    "{a:?} sits inside {top:?} with paper's padding"
                );
            }
        }
        let offices: Vec<&Placed> = layout.items.iter().filter(|i| i.is_group).collect();
        for (n, a) in offices.iter().enumerate() {
            for b in &offices[n + 1..] {
                assert!(
                    apart(&a.shape, &b.shape),
                    "{:?} and {:?} overlap",
                    a.id,
                    b.id
                );
            }
        }
        let places = crate::render::org_chart_places(&map, &scenario.id).expect("places");
        let covered: usize = layout.tree.iter().map(|c| c.relations.len()).sum();
        assert!(covered > 10);
        assert_eq!(
            places.routes.len(),
            covered,
            "every line in a connector has a route"
        );
        for route in &places.routes {
            let boss = layout.get(&route.boss).expect("boss").shape;
            let first = route.points.first().expect("a route has points");
            assert!(
                (first.x - boss.centre().x).abs() < 0.01,
                "{:?} leaves its superior's middle",
                route.relation
            );
            assert!(route.points.len() >= 3);
        }
    }
}
