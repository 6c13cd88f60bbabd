//! The instructional core (Elmore, 003): how far each office sits from where teaching happens —
//! "how teachers and students interact around content" (003:762) — and which offices watch it from
//! a distance: the administrative superstructure that manages "not … instruction but … the
//! structures and processes around instruction" (003:108), the essay's **loose coupling**.
//!
//! The rule, documented in `docs/lenses.md`:
//! - **The core** is every site (where classrooms are) and every community or sprint team with a
//!   member who teaches. A person teaches when their title says "teacher" (any case) or their
//!   formal unit is a site. Everything inside a core group, and every person who teaches, is at
//!   the core.
//! - **Distance** is the fewest flows (either direction, any medium) from anything inside the office
//!   (the office itself, what is nested in it, its members) to something at the core: 0 at the
//!   core, 1 next to it, `None` when no flow path reaches it.
//! - **Loose coupling**: an office at least [`FAR`] steps away that sends at least [`MANY`]
//!   monitoring flows toward the core (to something nearer the core than itself), and more
//!   monitoring than support that way.

use super::context::Context;
use super::{list_names, plural, Named};
use crate::model::{ElementDetails, ElementKind, FlowMode, Medium};
use serde::Serialize;
use specta::Type;
use std::collections::VecDeque;

/// Far from the core: at least this many steps of flows.
pub const FAR: u32 = 2;
/// Many monitoring flows toward the core: at least this many.
pub const MANY: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OfficeDistance {
    pub office: Named,
    /// Steps of flows to the nearest classroom site or teacher team; `None`: no path.
    pub steps: Option<u32>,
    /// That nearest site or team.
    pub nearest: Option<Named>,
    /// Monitoring flows it sends toward the core (permission aside).
    pub monitor_toward_core: u32,
    /// Support flows it sends toward the core (permission aside).
    pub support_toward_core: u32,
    pub loose_coupling: bool,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct InstructionalCore {
    /// The classroom sites and teacher teams.
    pub core: Vec<Named>,
    /// Loose coupling first, then farthest first; offices no path reaches last.
    pub offices: Vec<OfficeDistance>,
    pub loose_coupling: Vec<Named>,
    pub words: String,
}

fn teaches(cx: &Context, i: u32) -> bool {
    let ElementDetails::Person { title, .. } = &cx.elements[i as usize].details else {
        return false;
    };
    title.to_lowercase().contains("teacher")
        || cx
            .formal_unit(i)
            .is_some_and(|u| cx.kind(u) == ElementKind::Site)
}

/// For each element, the core group it stands for (a site or teacher team it is in, or itself
/// when it is a person who teaches); `None` off the core.
fn core_of(cx: &Context) -> (Vec<Option<u32>>, Vec<u32>) {
    let n = cx.len();
    let mut is_core_group = vec![false; n];
    for i in 0..n as u32 {
        if cx.kind(i) == ElementKind::Site {
            is_core_group[i as usize] = true;
        } else if teaches(cx, i) {
            for &g in &cx.containers[i as usize] {
                if matches!(cx.kind(g), ElementKind::Community | ElementKind::SprintTeam) {
                    is_core_group[g as usize] = true;
                }
            }
        }
    }
    let groups: Vec<u32> = (0..n as u32)
        .filter(|&g| is_core_group[g as usize])
        .collect();
    let at = (0..n as u32)
        .map(|i| {
            let containers = &cx.containers[i as usize];
            // A site first: the classroom before the team.
            containers
                .iter()
                .copied()
                .find(|&g| cx.kind(g) == ElementKind::Site)
                .or_else(|| {
                    containers
                        .iter()
                        .copied()
                        .find(|&g| is_core_group[g as usize])
                })
                .or_else(|| teaches(cx, i).then_some(i))
        })
        .collect();
    (at, groups)
}

pub(crate) fn instructional_core(cx: &Context) -> InstructionalCore {
    let n = cx.len();
    let (at, groups) = core_of(cx);
    let mut neighbours: Vec<Vec<u32>> = vec![Vec::new(); n];
    for f in &cx.flows {
        neighbours[f.s as usize].push(f.t);
        neighbours[f.t as usize].push(f.s);
    }
    // Multi-source breadth-first: distance to the core and the core group reached.
    let mut dist = vec![u32::MAX; n];
    let mut origin = vec![u32::MAX; n];
    let mut queue = VecDeque::new();
    for i in 0..n as u32 {
        if let Some(g) = at[i as usize] {
            dist[i as usize] = 0;
            origin[i as usize] = g;
            queue.push_back(i);
        }
    }
    while let Some(v) = queue.pop_front() {
        for &u in &neighbours[v as usize] {
            if dist[u as usize] == u32::MAX {
                dist[u as usize] = dist[v as usize] + 1;
                origin[u as usize] = origin[v as usize];
                queue.push_back(u);
            }
        }
    }
    // An office is as near as anything inside it.
    let offices: Vec<u32> = (0..n as u32)
        .filter(|&i| cx.kind(i) == ElementKind::Office)
        .collect();
    let mut best: Vec<(u32, u32)> = vec![(u32::MAX, u32::MAX); n];
    for x in 0..n {
        for &c in &cx.containers[x] {
            if cx.kind(c) == ElementKind::Office && (dist[x], origin[x]) < best[c as usize] {
                best[c as usize] = (dist[x], origin[x]);
            }
        }
    }
    // Flows an office sends toward the core: to something nearer the core than the office.
    let mut toward: Vec<(u32, u32)> = vec![(0, 0); n];
    for f in cx.flows.iter().filter(|f| f.medium != Medium::Permission) {
        let ends: &[(u32, u32)] = if f.direction == crate::model::Direction::Both {
            &[(f.s, f.t), (f.t, f.s)]
        } else {
            &[(f.s, f.t)]
        };
        for &(s, t) in ends {
            for &c in &cx.containers[s as usize] {
                if cx.kind(c) != ElementKind::Office
                    || cx.inside(t, c)
                    || dist[t as usize] >= best[c as usize].0
                {
                    continue;
                }
                match f.mode {
                    FlowMode::Monitor => toward[c as usize].0 += 1,
                    FlowMode::Support => toward[c as usize].1 += 1,
                }
            }
        }
    }
    let mut rows: Vec<OfficeDistance> = offices
        .iter()
        .map(|&o| {
            let (d, g) = best[o as usize];
            let steps = (d != u32::MAX).then_some(d);
            let nearest = steps.map(|_| cx.named(g));
            let (monitor, support) = toward[o as usize];
            let loose = steps.is_some_and(|s| s >= FAR) && monitor >= MANY && monitor > support;
            let words = office_words(cx.name(o), steps, nearest.as_ref(), monitor, support, loose);
            OfficeDistance {
                office: cx.named(o),
                steps,
                nearest,
                monitor_toward_core: monitor,
                support_toward_core: support,
                loose_coupling: loose,
                words,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let far = |r: &OfficeDistance| (r.steps.is_some(), r.steps);
        (!a.loose_coupling, std::cmp::Reverse(far(a)), &a.office.name).cmp(&(
            !b.loose_coupling,
            std::cmp::Reverse(far(b)),
            &b.office.name,
        ))
    });
    let loose_coupling: Vec<Named> = rows
        .iter()
        .filter(|r| r.loose_coupling)
        .map(|r| r.office.clone())
        .collect();
    let core: Vec<Named> = groups.iter().map(|&g| cx.named(g)).collect();
    let words = summary(&core, &rows, &loose_coupling);
    InstructionalCore {
        core,
        offices: rows,
        loose_coupling,
        words,
    }
}

fn office_words(
    name: &str,
    steps: Option<u32>,
    nearest: Option<&Named>,
    monitor: u32,
    support: u32,
    loose: bool,
) -> String {
    let mut words = match (steps, nearest) {
        (Some(0), Some(g)) => format!("{name}: at the instructional core, in {}", g.name),
        (Some(1), Some(g)) => format!(
            "{name}: 1 step of flows from the instructional core, next to {}",
            g.name
        ),
        (Some(s), Some(g)) => format!(
            "{name}: {s} steps of flows from the instructional core; the nearest classroom site or teacher team is {}",
            g.name
        ),
        _ => format!("{name}: no flow path reaches a classroom site or teacher team"),
    };
    if loose {
        words.push_str(&format!(
            "; it sends {} toward the core and {}: loose coupling — it manages the structures around instruction from a distance, not instruction",
            plural(monitor as usize, "monitoring flow", "monitoring flows"),
            plural(support as usize, "support flow", "support flows")
        ));
    }
    words
}

fn summary(core: &[Named], rows: &[OfficeDistance], loose: &[Named]) -> String {
    if core.is_empty() {
        return "No classroom site or teacher team on this map: nothing to measure the offices' distance from".to_owned();
    }
    if rows.is_empty() {
        return "No offices on this map".to_owned();
    }
    let near = rows
        .iter()
        .filter(|r| r.steps.is_some_and(|s| s <= 1))
        .count();
    let mut words = format!(
        "{near} of {} within one step of flows of a classroom site or teacher team",
        plural(rows.len(), "office", "offices")
    );
    if let Some(far) = rows
        .iter()
        .filter(|r| r.steps.is_some_and(|s| s >= FAR))
        .max_by_key(|r| (r.steps, std::cmp::Reverse(r.office.name.clone())))
    {
        words.push_str(&format!(
            "; farthest: {} ({} steps)",
            far.office.name,
            far.steps.unwrap_or(0)
        ));
    }
    let unreached = rows.iter().filter(|r| r.steps.is_none()).count();
    if unreached > 0 {
        words.push_str(&format!(
            "; {} no flow path reaches",
            plural(unreached, "office", "offices")
        ));
    }
    if !loose.is_empty() {
        words.push_str(&format!(
            "; loose coupling at {}",
            list_names(loose.iter().map(|n| n.name.as_str()), 4)
        ));
    }
    words
}
