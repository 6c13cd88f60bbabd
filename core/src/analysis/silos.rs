//! Silos: which units talk only to themselves?
//!
//! For every group (office, site, community, sprint team), Krackhardt & Stern's E-I index over flows:
//! `(E − I) / (E + I)`, where a flow is internal (I) when both ends are inside the group and external
//! (E) when exactly one is. "Inside" means the group itself, everything nested in it at any depth,
//! its members (member-of) and everything inside those. Reports-to lines are not flows and are not
//! counted. −1: all exchange stays inside; +1: all of it crosses the boundary.
//!
//! E-I alone misses the silo that barely exchanges at all (one flow out, none in, is +1), which is
//! how the seeds' silos look on a map. So a group is also called a silo — `walled` — when it keeps
//! a solid boundary and has fewer lateral flows across it (flows not along a reporting line) than
//! half the number of elements inside it. A solid boundary alone is no silo: it may be "solid
//! enough to protect" new practice (001:379); only the thin flow across it makes it a wall. The boundary crossings (flows in and out, barriers at the edge,
//! memberships reaching out) are listed too.

use super::context::Context;
use super::{plural, Named};
use crate::model::{Boundary, Direction};
use serde::Serialize;
use specta::Type;

/// E-I at or below this is a silo (Krackhardt & Stern read −1…−0.5 as strongly inward).
pub const SILO_EI: f64 = -0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SiloVerdict {
    /// No flow in or out (it may still have members).
    NoFlows,
    /// Most exchange stays inside (E-I ≤ −0.5).
    Silo,
    /// A solid boundary with few lateral flows across it.
    Walled,
    Balanced,
    /// Most exchange crosses the boundary (E-I ≥ 0.5).
    Outward,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct GroupSilo {
    pub group: Named,
    /// Elements inside, the group itself included.
    pub inside: u32,
    pub internal: u32,
    pub external: u32,
    /// External flows that do not run along a reporting line.
    pub lateral_external: u32,
    /// `None` when the group has no flows at all.
    pub ei: Option<f64>,
    /// External flows leaving / entering (a two-way flow counts in both).
    pub flows_out: u32,
    pub flows_in: u32,
    /// Barriers with one end inside and one outside.
    pub barriers: u32,
    /// Memberships from inside to groups outside.
    pub memberships_out: u32,
    pub solid: bool,
    pub verdict: SiloVerdict,
    /// True for `silo` and `walled`.
    pub is_silo: bool,
    pub words: String,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Silos {
    /// Every group, most inward first (lowest E-I; groups without flows first).
    pub groups: Vec<GroupSilo>,
    /// E-I over all groups' flows together (`None` when there are none).
    pub mean_ei: Option<f64>,
}

pub(crate) fn silos(cx: &Context) -> Silos {
    let n = cx.len();
    let c = counts(cx);
    let mut groups = Vec::new();
    let (mut all_e, mut all_i) = (0u64, 0u64);
    for g in 0..n as u32 {
        if !cx.kind(g).is_group() {
            continue;
        }
        let k = &c[g as usize];
        all_e += u64::from(k.external);
        all_i += u64::from(k.internal);
        groups.push(group_silo(cx, g, k));
    }
    groups.sort_by(|a, b| {
        let key = |g: &GroupSilo| g.ei.unwrap_or(-2.0);
        key(a)
            .total_cmp(&key(b))
            .then_with(|| a.group.name.cmp(&b.group.name))
    });
    let total = all_e + all_i;
    Silos {
        groups,
        mean_ei: (total > 0).then(|| (all_e as f64 - all_i as f64) / total as f64),
    }
}

/// What is counted for each group: elements inside it, flows within and across its wall
/// (lateral, out, in), barriers across it, and memberships reaching out of it.
#[derive(Default, Clone)]
struct Count {
    inside: u32,
    internal: u32,
    external: u32,
    lateral: u32,
    out: u32,
    inn: u32,
    barriers: u32,
    memberships: u32,
}

/// Every element's counts (only groups' are used), from one pass over flows, barriers and
/// memberships.
fn counts(cx: &Context) -> Vec<Count> {
    let n = cx.len();
    let mut c = vec![Count::default(); n];
    for cont in &cx.containers {
        for &g in cont {
            c[g as usize].inside += 1;
        }
    }
    for f in &cx.flows {
        let (cs, ct) = (&cx.containers[f.s as usize], &cx.containers[f.t as usize]);
        merge(cs, ct, |g, side| {
            let e = &mut c[g as usize];
            match side {
                Side::Both => e.internal += 1,
                Side::Left | Side::Right => {
                    e.external += 1;
                    if !f.vertical {
                        e.lateral += 1;
                    }
                    // Left: the source is inside, so the flow leaves the group.
                    let leaving = side == Side::Left;
                    if leaving || f.direction == Direction::Both {
                        e.out += 1;
                    }
                    if !leaving || f.direction == Direction::Both {
                        e.inn += 1;
                    }
                }
            }
        });
    }
    for b in &cx.barriers {
        merge(
            &cx.containers[b.s as usize],
            &cx.containers[b.t as usize],
            |g, side| {
                if side != Side::Both {
                    c[g as usize].barriers += 1;
                }
            },
        );
    }
    for m in &cx.members {
        // The member is inside the groups that contain it; the membership reaches out of each of
        // them that the target group is not itself inside.
        for &g in &cx.containers[m.s as usize] {
            if !cx.inside(m.t, g) {
                c[g as usize].memberships += 1;
            }
        }
    }

    c
}

/// One group's E-I index, verdict and words.
fn group_silo(cx: &Context, g: u32, k: &Count) -> GroupSilo {
    let total = k.internal + k.external;
    let ei = (total > 0).then(|| (k.external as f64 - k.internal as f64) / total as f64);
    let solid = cx.elements[g as usize].details.boundary() == Some(Boundary::Solid);
    let verdict = match ei {
        None => SiloVerdict::NoFlows,
        Some(ei) if ei <= SILO_EI => SiloVerdict::Silo,
        _ if solid && 2 * k.lateral < k.inside => SiloVerdict::Walled,
        Some(ei) if ei >= -SILO_EI => SiloVerdict::Outward,
        _ => SiloVerdict::Balanced,
    };
    let words = format!(
        "{}: {}",
        cx.name(g),
        verdict_words(verdict, k.internal, k.external, k.lateral, k.inside)
    );
    GroupSilo {
        group: cx.named(g),
        inside: k.inside,
        internal: k.internal,
        external: k.external,
        lateral_external: k.lateral,
        ei,
        flows_out: k.out,
        flows_in: k.inn,
        barriers: k.barriers,
        memberships_out: k.memberships,
        solid,
        verdict,
        is_silo: matches!(verdict, SiloVerdict::Silo | SiloVerdict::Walled),
        words,
    }
}

/// The verdict in words, saying why. A walled group's E-I is often +1 — its one flow crosses the
/// wall — so its words lead with the wall and the flow through it for its size, never with E-I
/// beside "a silo" unexplained: "walled, a silo: 1 lateral flow across a solid boundary for 4
/// inside (0 flows inside, 1 outside)".
pub(crate) fn verdict_words(
    verdict: SiloVerdict,
    internal: u32,
    external: u32,
    lateral: u32,
    inside: u32,
) -> String {
    let counts = format!(
        "{} inside, {} outside",
        plural(internal as usize, "flow", "flows"),
        external
    );
    match verdict {
        SiloVerdict::NoFlows => "no flows in or out".to_owned(),
        SiloVerdict::Silo => format!("{counts} — a silo: most of its exchange stays inside"),
        SiloVerdict::Walled => format!(
            "walled, a silo: {} ({counts})",
            walled_detail(lateral, inside)
        ),
        SiloVerdict::Outward => format!("{counts} — turned outward"),
        SiloVerdict::Balanced => format!("{counts} — balanced"),
    }
}

/// "1 lateral flow across a solid boundary for 4 inside".
pub(crate) fn walled_detail(lateral: u32, inside: u32) -> String {
    format!(
        "{} across a solid boundary for {inside} inside",
        plural(lateral as usize, "lateral flow", "lateral flows")
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
    Both,
}

/// Walks two sorted lists together, calling `f` once per element with where it appears.
pub(crate) fn merge(a: &[u32], b: &[u32], mut f: impl FnMut(u32, Side)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x == y => {
                f(x, Side::Both);
                i += 1;
                j += 1;
            }
            (Some(&x), Some(&y)) if x < y => {
                f(x, Side::Left);
                i += 1;
            }
            (Some(_), Some(&y)) => {
                f(y, Side::Right);
                j += 1;
            }
            (Some(&x), None) => {
                f(x, Side::Left);
                i += 1;
            }
            (None, Some(&y)) => {
                f(y, Side::Right);
                j += 1;
            }
            (None, None) => unreachable!(),
        }
    }
}
