//! One scenario, indexed once for all the lenses: elements numbered in id order, relations sorted
//! by kind, and the two derived facts several lenses share — which groups each element is inside
//! ("containers") and whether a flow runs along the chart ("vertical") or across it ("lateral").
//!
//! Rules are left out: they are not units of the network (the cascade lenses read them from the
//! scenario). The numbering is private to `analysis`; lenses turn it back into ids before returning.

use super::Named;
use crate::model::{
    Direction, Element, ElementDetails, ElementId, ElementKind, FlowMode, Medium, MemberRole,
    RelationDetails, RelationId, Scenario,
};
use std::collections::HashMap;

pub(crate) struct Flow<'a> {
    pub id: &'a RelationId,
    pub s: u32,
    pub t: u32,
    pub volume: u8,
    pub medium: Medium,
    pub direction: Direction,
    pub mode: FlowMode,
    /// Along a reporting line or nesting (one end is above the other in the chart).
    pub vertical: bool,
    /// The target is above the source: the flow runs up the chart (reporting to authority, not
    /// exercising it).
    pub upward: bool,
}

pub(crate) struct Member {
    pub s: u32,
    pub t: u32,
    pub role: MemberRole,
}

pub(crate) struct Barrier<'a> {
    pub s: u32,
    pub t: u32,
    pub reason: &'a str,
    pub checked: bool,
}

pub(crate) struct Context<'a> {
    pub sc: &'a Scenario,
    pub elements: Vec<&'a Element>,
    pub index: HashMap<&'a ElementId, u32>,
    pub parent: Vec<Option<u32>>,
    /// Reports-to targets of each element (the model allows more than one boss).
    pub bosses: Vec<Vec<u32>>,
    /// Direct reports of each element.
    pub reports: Vec<Vec<u32>>,
    /// Flows between two different, existing elements.
    pub flows: Vec<Flow<'a>>,
    pub members: Vec<Member>,
    pub barriers: Vec<Barrier<'a>>,
    /// For each element, the groups it is inside, sorted: itself when it is a group, every group
    /// above it by nesting, every group it is a member of, and everything those are inside.
    pub containers: Vec<Vec<u32>>,
}

impl<'a> Context<'a> {
    pub fn new(sc: &'a Scenario) -> Self {
        // Rules are not units of the network: they join it only through derives-from and governs
        // lines, which no network lens reads (the cascade lenses read rules on their own).
        let elements: Vec<&Element> = sc
            .elements
            .values()
            .filter(|e| e.kind() != ElementKind::Rule)
            .collect();
        let n = elements.len();
        let index: HashMap<&ElementId, u32> = elements
            .iter()
            .enumerate()
            .map(|(i, e)| (&e.id, i as u32))
            .collect();
        let mut parent = vec![None; n];
        for (i, e) in elements.iter().enumerate() {
            if let Some(p) = e.parent.as_ref().and_then(|p| index.get(p)) {
                if *p as usize != i {
                    parent[i] = Some(*p);
                }
            }
        }
        let mut bosses = vec![Vec::new(); n];
        let mut reports = vec![Vec::new(); n];
        let mut flows = Vec::new();
        let mut members = Vec::new();
        let mut barriers = Vec::new();
        for r in sc.relations.values() {
            let (Some(&s), Some(&t)) = (index.get(&r.source), index.get(&r.target)) else {
                continue;
            };
            if s == t {
                // A tie to oneself says nothing about a network.
                continue;
            }
            match &r.details {
                RelationDetails::ReportsTo => {
                    bosses[s as usize].push(t);
                    reports[t as usize].push(s);
                }
                RelationDetails::Flow {
                    medium,
                    direction,
                    volume,
                    mode,
                    ..
                } => flows.push(Flow {
                    id: &r.id,
                    s,
                    t,
                    volume: *volume,
                    medium: *medium,
                    direction: *direction,
                    mode: *mode,
                    vertical: false,
                    upward: false,
                }),
                RelationDetails::MemberOf { role } => members.push(Member { s, t, role: *role }),
                RelationDetails::Barrier {
                    reason, checked, ..
                } => barriers.push(Barrier {
                    s,
                    t,
                    reason,
                    checked: *checked,
                }),
                // The cascade's lenses read rules on their own; the network lenses do not.
                RelationDetails::DerivesFrom | RelationDetails::Governs { .. } => {}
            }
        }
        let mut cx = Self {
            sc,
            elements,
            index,
            parent,
            bosses,
            reports,
            flows,
            members,
            barriers,
            containers: Vec::new(),
        };
        cx.containers = cx.compute_containers();
        let mut walk = Walk::new(n);
        for i in 0..cx.flows.len() {
            let (s, t) = (cx.flows[i].s, cx.flows[i].t);
            let upward = walk.reaches_up(&cx, s, t);
            cx.flows[i].upward = upward;
            cx.flows[i].vertical = upward || walk.reaches_up(&cx, t, s);
        }
        cx
    }

    pub fn len(&self) -> usize {
        self.elements.len()
    }

    pub fn kind(&self, i: u32) -> ElementKind {
        self.elements[i as usize].kind()
    }

    pub fn name(&self, i: u32) -> &'a str {
        &self.elements[i as usize].name
    }

    pub fn named(&self, i: u32) -> Named {
        let e = self.elements[i as usize];
        Named {
            id: e.id.clone(),
            name: e.name.clone(),
        }
    }

    pub fn lookup(&self, id: &ElementId) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// Whether `group` contains `i` (see [`Context::containers`]).
    pub fn inside(&self, i: u32, group: u32) -> bool {
        self.containers[i as usize].binary_search(&group).is_ok()
    }

    /// The formal unit an element sits in on the org chart: a person's position, otherwise the
    /// nearest office or site at or above it by nesting. `None`: outside the chart (partners,
    /// free-standing communities and sprint teams).
    pub fn formal_unit(&self, i: u32) -> Option<u32> {
        if let ElementDetails::Person {
            position: Some(p), ..
        } = &self.elements[i as usize].details
        {
            if let Some(p) = self.lookup(p) {
                return Some(p);
            }
        }
        let mut at = Some(i);
        let mut steps = 0;
        while let Some(x) = at {
            if matches!(self.kind(x), ElementKind::Office | ElementKind::Site) {
                return Some(x);
            }
            at = self.parent[x as usize];
            steps += 1;
            if steps > self.len() {
                break; // a nesting cycle in an unvalidated map: stop rather than loop
            }
        }
        None
    }

    fn compute_containers(&self) -> Vec<Vec<u32>> {
        let n = self.len();
        let mut out_of: Vec<Vec<u32>> = vec![Vec::new(); n];
        for m in &self.members {
            out_of[m.s as usize].push(m.t);
        }
        let mut stamp = vec![u32::MAX; n];
        let mut stack = Vec::new();
        let mut all = Vec::with_capacity(n);
        for x in 0..n as u32 {
            let mut found = Vec::new();
            stack.clear();
            stack.push(x);
            stamp[x as usize] = x;
            while let Some(v) = stack.pop() {
                if self.kind(v).is_group() {
                    found.push(v);
                }
                let ups = self.parent[v as usize]
                    .iter()
                    .chain(out_of[v as usize].iter());
                for &u in ups {
                    if stamp[u as usize] != x {
                        stamp[u as usize] = x;
                        stack.push(u);
                    }
                }
            }
            found.sort_unstable();
            all.push(found);
        }
        all
    }
}

/// A reusable breadth-first walk up the chart (to bosses and to enclosing groups).
struct Walk {
    stamp: Vec<u32>,
    round: u32,
    queue: Vec<u32>,
}

impl Walk {
    fn new(n: usize) -> Self {
        Self {
            stamp: vec![0; n],
            round: 0,
            queue: Vec::new(),
        }
    }

    /// Whether `to` is above `from`: reachable by following reports-to lines and nesting upward.
    fn reaches_up(&mut self, cx: &Context, from: u32, to: u32) -> bool {
        self.round += 1;
        self.queue.clear();
        self.queue.push(from);
        self.stamp[from as usize] = self.round;
        let mut head = 0;
        while head < self.queue.len() {
            let v = self.queue[head] as usize;
            head += 1;
            for &u in cx.bosses[v].iter().chain(cx.parent[v].iter()) {
                if u == to {
                    return true;
                }
                if self.stamp[u as usize] != self.round {
                    self.stamp[u as usize] = self.round;
                    self.queue.push(u);
                }
            }
        }
        false
    }
}
