//! The Operating System lens: what the District Operating System (004) costs the people it is
//! meant to serve — the permission chain a site must walk to get a resource, how long each routine
//! takes and where the days go, whether each DOS office gives service or demands permission ("whom
//! you may ask for service … and whom you must ask for permission", 004:135), and the flows that
//! get nothing back ("there is no feedback loop to communicate the damage done", 004:127).
//!
//! A permission flow runs from the one who asks to the gatekeeper (the line's bar is at the
//! gatekeeper). Every figure has its sentence; the rules are documented in `docs/lenses.md`.

use super::context::{Context, Flow};
use super::{list_names, plural, share, Named};
use crate::model::{
    Direction, ElementDetails, ElementKind, FlowMode, Medium, OfficeFunction, RelationId, Stance,
};
use serde::Serialize;
use specta::Type;
use std::collections::{BTreeMap, HashSet, VecDeque};

/// At most this many flows with nothing coming back are named (all are counted).
pub const OPEN_LOOPS_LISTED: usize = 20;

/// One step of a permission chain: a routine's step, or someone a permission flow asks.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ChainStep {
    /// 1-based: the routine's step number, or how many permission flows away.
    pub step: u32,
    /// The step's name, or the name of the one asked.
    pub name: String,
    /// The office that must say yes (the step's owner, or the formal unit of the one asked).
    pub office: Option<Named>,
    pub days: Option<u32>,
}

/// The chain one site (or a routine's first step owner) must walk to get a resource.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PermissionChain {
    pub start: Named,
    /// The routine walked; `None`: a chain of permission flows.
    pub routine: Option<Named>,
    pub steps: Vec<ChainStep>,
    /// The offices that must say yes, in the order they are met.
    pub offices: Vec<Named>,
    /// The routine's cycle time, when known.
    pub days: Option<u32>,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct StepTime {
    pub step: u32,
    pub name: String,
    pub owner: Option<Named>,
    pub days: Option<u32>,
}

/// The days a routine spends with one step owner.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OwnerTime {
    /// `None`: steps nobody owns.
    pub owner: Option<Named>,
    pub days: u32,
    pub steps: u32,
    /// Of the routine's days; `None` when it takes 0 days.
    pub share: Option<f64>,
}

/// A routine's cycle time by step and step owner.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RoutineCycle {
    pub routine: Named,
    /// The sum of its steps' days when any step has days, else its recorded cycle time.
    pub days: Option<u32>,
    /// The days are the sum of its steps'.
    pub from_steps: bool,
    pub steps: Vec<StepTime>,
    /// Longest first.
    pub by_owner: Vec<OwnerTime>,
    pub words: String,
}

/// A DOS office's stance, read from its flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DosStance {
    /// More service given than permission demanded.
    Service,
    /// As much of one as of the other.
    Mixed,
    /// More permission demanded than service given.
    Gatekeeper,
    NoFlows,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OfficeStance {
    pub office: Named,
    /// Support flows it sends out (any medium but permission).
    pub service_given: u32,
    /// Permission flows that end at it (others must ask it).
    pub permission_flows_in: u32,
    /// Monitoring flows it sends out (permission left aside).
    pub monitor_flows_out: u32,
    /// `permission_flows_in + monitor_flows_out`.
    pub permission_demanded: u32,
    /// Those who must ask it for permission.
    pub askers: Vec<Named>,
    pub stance: DosStance,
    /// The stance the map gives the office, if any.
    pub declared: Option<Stance>,
    pub words: String,
}

/// A flow from one unit to another with nothing coming back.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OpenLoop {
    pub relation: RelationId,
    pub source: Named,
    pub target: Named,
    pub medium: Medium,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OperatingSystem {
    /// Longest first (most offices, then most days).
    pub chains: Vec<PermissionChain>,
    /// Slowest first; routines with no days last.
    pub routines: Vec<RoutineCycle>,
    /// The DOS offices (function: operations), most permission-demanding first.
    pub offices: Vec<OfficeStance>,
    /// The first [`OPEN_LOOPS_LISTED`]: DOS offices' first, then permission and monitoring flows,
    /// then by volume.
    pub open_loops: Vec<OpenLoop>,
    pub open_loop_count: u32,
    pub words: String,
}

pub(crate) fn operating_system(cx: &Context) -> OperatingSystem {
    let routines = routine_cycles(cx);
    let mut chains = flow_chains(cx);
    chains.extend(routine_chains(&routines));
    chains.sort_by(|a, b| {
        (
            b.offices.len(),
            b.days.unwrap_or(0),
            &a.start.name,
            &a.start.id,
        )
            .cmp(&(
                a.offices.len(),
                a.days.unwrap_or(0),
                &b.start.name,
                &b.start.id,
            ))
    });
    let offices = stances(cx);
    let (open_loops, open_loop_count) = open_loops(cx);
    let words = summary(&chains, &routines, &offices, open_loop_count);
    OperatingSystem {
        chains,
        routines,
        offices,
        open_loops,
        open_loop_count,
        words,
    }
}

fn is_dos_office(cx: &Context, i: u32) -> bool {
    matches!(
        cx.elements[i as usize].details,
        ElementDetails::Office {
            function: Some(OfficeFunction::Operations),
            ..
        }
    )
}

/// The office that must say yes for `i`: its formal unit, else itself.
fn office_of(cx: &Context, i: u32) -> u32 {
    cx.formal_unit(i).unwrap_or(i)
}

/// From each site: whom it (or anyone in it) must ask, following permission flows onward.
fn flow_chains(cx: &Context) -> Vec<PermissionChain> {
    let permission: Vec<&Flow> = cx
        .flows
        .iter()
        .filter(|f| f.medium == Medium::Permission)
        .collect();
    let mut out_of: Vec<Vec<u32>> = vec![Vec::new(); cx.len()];
    for f in &permission {
        out_of[f.s as usize].push(f.t);
        if f.direction == Direction::Both {
            out_of[f.t as usize].push(f.s);
        }
    }
    for list in &mut out_of {
        list.sort_unstable();
        list.dedup();
    }
    let mut chains = Vec::new();
    let mut depth = vec![u32::MAX; cx.len()];
    let mut touched = Vec::new();
    for site in (0..cx.len() as u32).filter(|&i| cx.kind(i) == ElementKind::Site) {
        for &x in &touched {
            depth[x as usize] = u32::MAX;
        }
        touched.clear();
        let mut queue: VecDeque<u32> = VecDeque::new();
        // Anyone in the site asks on its behalf (a two-way permission flow asks both ways).
        for f in &permission {
            let askers: &[u32] = if f.direction == Direction::Both {
                &[f.s, f.t]
            } else {
                &[f.s]
            };
            for &x in askers {
                if depth[x as usize] == u32::MAX && cx.inside(x, site) {
                    depth[x as usize] = 0;
                    touched.push(x);
                    queue.push_back(x);
                }
            }
        }
        let mut steps = Vec::new();
        while let Some(v) = queue.pop_front() {
            for &u in &out_of[v as usize] {
                if depth[u as usize] == u32::MAX {
                    depth[u as usize] = depth[v as usize] + 1;
                    touched.push(u);
                    queue.push_back(u);
                    steps.push(ChainStep {
                        step: depth[u as usize],
                        name: cx.name(u).to_owned(),
                        office: Some(cx.named(office_of(cx, u))),
                        days: None,
                    });
                }
            }
        }
        if steps.is_empty() {
            continue;
        }
        let offices = distinct_offices(&steps);
        let far = steps.iter().map(|s| s.step).max().unwrap_or(0);
        let words = format!(
            "{}: {} must say yes before it gets a resource — {}; the chain runs {} of permission flows",
            cx.name(site),
            plural(offices.len(), "office", "offices"),
            list_names(offices.iter().map(|o| o.name.as_str()), 5),
            plural(far as usize, "step", "steps")
        );
        chains.push(PermissionChain {
            start: cx.named(site),
            routine: None,
            steps,
            offices,
            days: None,
            words,
        });
    }
    chains
}

fn distinct_offices(steps: &[ChainStep]) -> Vec<Named> {
    let mut seen = HashSet::new();
    steps
        .iter()
        .filter_map(|s| s.office.clone())
        .filter(|o| seen.insert(o.id.clone()))
        .collect()
}

/// Each routine as a chain: from its first step's owner, every later step's owner must say yes.
fn routine_chains(cycles: &[RoutineCycle]) -> Vec<PermissionChain> {
    let mut out = Vec::new();
    for c in cycles.iter().filter(|c| !c.steps.is_empty()) {
        let start = c.steps[0]
            .owner
            .clone()
            .unwrap_or_else(|| c.routine.clone());
        let steps: Vec<ChainStep> = c
            .steps
            .iter()
            .map(|s| ChainStep {
                step: s.step,
                name: s.name.clone(),
                office: s.owner.clone(),
                days: s.days,
            })
            .collect();
        let offices: Vec<Named> = distinct_offices(&steps[1..])
            .into_iter()
            .filter(|o| o.id != start.id)
            .collect();
        let days = c
            .days
            .map(|d| format!("; {}", plural(d as usize, "day", "days")))
            .unwrap_or_default();
        let words = format!(
            "{}, from {}: {}, {} must say yes — {}{days}",
            c.routine.name,
            start.name,
            plural(steps.len(), "step", "steps"),
            plural(offices.len(), "office", "offices"),
            if offices.is_empty() {
                "none but its own".to_owned()
            } else {
                list_names(offices.iter().map(|o| o.name.as_str()), 5)
            }
        );
        out.push(PermissionChain {
            start,
            routine: Some(c.routine.clone()),
            steps,
            offices,
            days: c.days,
            words,
        });
    }
    out
}

fn routine_cycles(cx: &Context) -> Vec<RoutineCycle> {
    let mut out = Vec::new();
    for i in 0..cx.len() as u32 {
        let ElementDetails::Routine {
            steps,
            cycle_time_days,
        } = &cx.elements[i as usize].details
        else {
            continue;
        };
        let steps: Vec<StepTime> = steps
            .iter()
            .enumerate()
            .map(|(k, s)| StepTime {
                step: k as u32 + 1,
                name: s.name.clone(),
                owner: s
                    .owner
                    .as_ref()
                    .and_then(|o| cx.lookup(o))
                    .map(|o| cx.named(o)),
                days: s.days,
            })
            .collect();
        let from_steps = steps.iter().any(|s| s.days.is_some());
        let days = if from_steps {
            Some(steps.iter().filter_map(|s| s.days).sum())
        } else {
            *cycle_time_days
        };
        let by_owner = by_owner(&steps, days);
        let words = cycle_words(cx.name(i), days, from_steps, &steps, &by_owner);
        out.push(RoutineCycle {
            routine: cx.named(i),
            days,
            from_steps,
            steps,
            by_owner,
            words,
        });
    }
    out.sort_by(|a, b| {
        (b.days.is_some(), b.days, &a.routine.name).cmp(&(
            a.days.is_some(),
            a.days,
            &b.routine.name,
        ))
    });
    out
}

fn by_owner(steps: &[StepTime], total: Option<u32>) -> Vec<OwnerTime> {
    let mut owners: BTreeMap<Option<Named>, (u32, u32)> = BTreeMap::new();
    for s in steps.iter().filter(|s| s.days.is_some()) {
        let e = owners.entry(s.owner.clone()).or_default();
        e.0 += s.days.unwrap_or(0);
        e.1 += 1;
    }
    let mut out: Vec<OwnerTime> = owners
        .into_iter()
        .map(|(owner, (days, steps))| OwnerTime {
            owner,
            days,
            steps,
            share: share(days as usize, total.unwrap_or(0) as usize),
        })
        .collect();
    out.sort_by_key(|o| std::cmp::Reverse(o.days));
    out
}

fn cycle_words(
    name: &str,
    days: Option<u32>,
    from_steps: bool,
    steps: &[StepTime],
    by_owner: &[OwnerTime],
) -> String {
    let Some(days) = days else {
        return format!("{name}: no cycle time recorded");
    };
    if !from_steps {
        return format!(
            "{name}: {} (its recorded cycle time; no step says how long it takes)",
            plural(days as usize, "day", "days")
        );
    }
    let mut words = format!(
        "{name}: {} over {}",
        plural(days as usize, "day", "days"),
        plural(steps.len(), "step", "steps")
    );
    if let Some(top) = by_owner.first().filter(|o| o.days > 0) {
        let who = top
            .owner
            .as_ref()
            .map_or("steps nobody owns", |o| o.name.as_str());
        let pct = top
            .share
            .map(|s| format!(" ({:.0}%)", s * 100.0))
            .unwrap_or_default();
        words.push_str(&format!(
            "; {who} holds it longest, {}{pct}",
            plural(top.days as usize, "day", "days")
        ));
    }
    if let Some(slow) = steps
        .iter()
        .filter(|s| s.days.is_some())
        .max_by_key(|s| (s.days, std::cmp::Reverse(s.step)))
    {
        words.push_str(&format!(
            "; the slowest step is \u{201c}{}\u{201d}, {}",
            slow.name,
            plural(slow.days.unwrap_or(0) as usize, "day", "days")
        ));
    }
    words
}

/// Each DOS office: service given against permission demanded. One pass over the flows, crediting
/// each end's DOS offices (the office itself and anything inside it) when the other end is outside.
fn stances(cx: &Context) -> Vec<OfficeStance> {
    let dos: Vec<u32> = (0..cx.len() as u32)
        .filter(|&i| is_dos_office(cx, i))
        .collect();
    if dos.is_empty() {
        return Vec::new();
    }
    let slot: BTreeMap<u32, usize> = dos.iter().enumerate().map(|(k, &o)| (o, k)).collect();
    // (service, permission in, monitor out, askers)
    let mut tally: Vec<(u32, u32, u32, Vec<u32>)> = vec![(0, 0, 0, Vec::new()); dos.len()];
    let offices_of = |x: u32| -> Vec<usize> {
        cx.containers[x as usize]
            .iter()
            .filter_map(|c| slot.get(c).copied())
            .collect()
    };
    for f in &cx.flows {
        let (from, to) = (offices_of(f.s), offices_of(f.t));
        // (the sending end, its DOS offices, the receiving end's DOS offices)
        let ends: &[(u32, &Vec<usize>, &Vec<usize>)] = if f.direction == Direction::Both {
            &[(f.s, &from, &to), (f.t, &to, &from)]
        } else {
            &[(f.s, &from, &to)]
        };
        for &(_, sender, receiver) in ends {
            for &k in sender.iter().filter(|k| !receiver.contains(k)) {
                match (f.medium, f.mode) {
                    (Medium::Permission, _) => {}
                    (_, FlowMode::Support) => tally[k].0 += 1,
                    (_, FlowMode::Monitor) => tally[k].2 += 1,
                }
            }
        }
        if f.medium == Medium::Permission {
            for &(asker, sender, receiver) in ends {
                for &k in receiver.iter().filter(|k| !sender.contains(k)) {
                    tally[k].1 += 1;
                    tally[k].3.push(asker);
                }
            }
        }
    }
    let mut out: Vec<OfficeStance> = dos
        .iter()
        .zip(tally)
        .map(|(&o, (service, perm_in, monitor, mut askers))| {
            askers.sort_unstable();
            askers.dedup();
            let demanded = perm_in + monitor;
            let stance = match (service, demanded) {
                (0, 0) => DosStance::NoFlows,
                (s, d) if s > d => DosStance::Service,
                (s, d) if s < d => DosStance::Gatekeeper,
                _ => DosStance::Mixed,
            };
            let declared = match cx.elements[o as usize].details {
                ElementDetails::Office { stance, .. } => stance,
                _ => None,
            };
            OfficeStance {
                office: cx.named(o),
                service_given: service,
                permission_flows_in: perm_in,
                monitor_flows_out: monitor,
                permission_demanded: demanded,
                askers: askers
                    .into_iter()
                    .map(|a| cx.named(office_of(cx, a)))
                    .collect(),
                stance,
                declared,
                words: stance_words(cx.name(o), service, perm_in, monitor, stance, declared),
            }
        })
        .collect();
    for o in &mut out {
        o.askers.sort();
        o.askers.dedup();
    }
    out.sort_by(|a, b| {
        (
            b.permission_demanded as i64 - b.service_given as i64,
            &a.office.name,
        )
            .cmp(&(
                a.permission_demanded as i64 - a.service_given as i64,
                &b.office.name,
            ))
    });
    out
}

fn stance_words(
    name: &str,
    service: u32,
    perm_in: u32,
    monitor: u32,
    stance: DosStance,
    declared: Option<Stance>,
) -> String {
    let verdict = match stance {
        DosStance::Service => "more service given than permission demanded",
        DosStance::Mixed => "as much permission demanded as service given",
        DosStance::Gatekeeper => {
            "more permission demanded than service given: a gatekeeper, not a service centre"
        }
        DosStance::NoFlows => {
            return format!("{name}: no service given and no permission demanded on this map")
        }
    };
    let ends = if perm_in == 1 { "ends" } else { "end" };
    let mut words = format!(
        "{name}: {verdict} — {} {ends} at it and it sends {}, against {} out",
        plural(perm_in as usize, "permission flow", "permission flows"),
        plural(monitor as usize, "monitoring flow", "monitoring flows"),
        plural(service as usize, "service flow", "service flows")
    );
    match (declared, stance) {
        (Some(Stance::Service), DosStance::Gatekeeper) => {
            words.push_str(" (the map calls it service)")
        }
        (Some(Stance::Compliance), DosStance::Service) => {
            words.push_str(" (the map calls it compliance)")
        }
        _ => {}
    }
    words
}

fn medium_word(m: Medium) -> &'static str {
    match m {
        Medium::Information => "information",
        Medium::Ideas => "ideas",
        Medium::Resources => "resources",
        Medium::Funds => "funds",
        Medium::Feedback => "feedback",
        Medium::Permission => "permission",
    }
}

/// One-way flows (feedback itself aside) between two units with no flow of any kind back from the
/// receiving unit to the sending one. A person stands for their formal unit, so a reply from the
/// office counts for a request to someone in it.
fn open_loops(cx: &Context) -> (Vec<OpenLoop>, u32) {
    let unit = |x: u32| cx.formal_unit(x).unwrap_or(x);
    let mut back: HashSet<(u32, u32)> = HashSet::with_capacity(cx.flows.len() * 2);
    for f in &cx.flows {
        let (a, b) = (unit(f.s), unit(f.t));
        back.insert((a, b));
        if f.direction == Direction::Both {
            back.insert((b, a));
        }
    }
    let mut open: Vec<&Flow> = cx
        .flows
        .iter()
        .filter(|f| f.direction == Direction::OneWay && f.medium != Medium::Feedback)
        .filter(|f| {
            let (a, b) = (unit(f.s), unit(f.t));
            a != b && !back.contains(&(b, a))
        })
        .collect();
    let count = open.len() as u32;
    let dos = |f: &Flow| is_dos_office(cx, unit(f.s)) || is_dos_office(cx, unit(f.t));
    let gate = |f: &Flow| f.medium == Medium::Permission || f.mode == FlowMode::Monitor;
    let key = |f: &Flow| (!dos(f), !gate(f), std::cmp::Reverse(f.volume), f.id.clone());
    if open.len() > OPEN_LOOPS_LISTED {
        open.select_nth_unstable_by_key(OPEN_LOOPS_LISTED, |f| key(f));
        open.truncate(OPEN_LOOPS_LISTED);
    }
    open.sort_by_key(|f| key(f));
    let list = open
        .into_iter()
        .map(|f| OpenLoop {
            relation: f.id.clone(),
            source: cx.named(f.s),
            target: cx.named(f.t),
            medium: f.medium,
            words: format!(
                "{} → {} ({}): nothing comes back — no feedback or other flow from {} to {}",
                cx.name(f.s),
                cx.name(f.t),
                medium_word(f.medium),
                cx.name(unit(f.t)),
                cx.name(unit(f.s))
            ),
        })
        .collect();
    (list, count)
}

fn summary(
    chains: &[PermissionChain],
    routines: &[RoutineCycle],
    offices: &[OfficeStance],
    open: u32,
) -> String {
    let mut parts = Vec::new();
    match chains.first().filter(|c| !c.offices.is_empty()) {
        Some(c) => parts.push(format!(
            "Longest permission chain: {} ({} must say yes)",
            c.routine.as_ref().unwrap_or(&c.start).name,
            plural(c.offices.len(), "office", "offices")
        )),
        None => parts.push("No permission chain on this map".to_owned()),
    }
    if let Some(r) = routines.first() {
        if let Some(d) = r.days {
            parts.push(format!(
                "slowest routine: {}, {}",
                r.routine.name,
                plural(d as usize, "day", "days")
            ));
        }
    }
    if !offices.is_empty() {
        let gates = offices
            .iter()
            .filter(|o| o.stance == DosStance::Gatekeeper)
            .count();
        parts.push(format!(
            "{gates} of {} demand more permission than they give service",
            plural(offices.len(), "DOS office", "DOS offices")
        ));
    }
    parts.push(format!(
        "{} with nothing coming back",
        plural(open as usize, "flow", "flows")
    ));
    parts.join("; ")
}
