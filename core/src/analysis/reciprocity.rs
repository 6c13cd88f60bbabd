//! Reciprocity: is pressure matched by support? Elmore's reciprocity of accountability and
//! capacity (003:633): "If the formal authority of my role requires that I hold you accountable …
//! then I have an equal and complementary responsibility to assure that you have the capacity to
//! do what I am asking you to do."
//!
//! So the principle binds whoever holds others accountable, and it follows direction and
//! authority: for each office, the monitoring and support flows it *sends* out of itself to others,
//! except those running up the chart (a report to one's own authority is being held to account,
//! not holding anyone). Down the chart and across it (an accountability office holding schools to
//! account in the superintendent's name) count. An office that sends monitoring and no support is
//! "accountability without capacity".
//!
//! Permission flows are not accountability: a permission gate decides "whom you must ask for
//! permission" (Hodas, 004:135), it holds nobody to a result. They are left out of the balance and
//! counted apart (those ending at the office), so Procurement or Legal read as gates, not as
//! accountability without capacity.

use super::context::{Context, Flow};
use super::silos::{merge, Side};
use super::{plural, share, Named};
use crate::model::{Direction, ElementDetails, ElementKind, FlowMode, Medium, Stance};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReciprocityBalance {
    /// It sends no monitoring or support, and no permission flow ends at it.
    NoFlows,
    /// It sends monitoring and no support at all.
    AccountabilityWithoutCapacity,
    /// It sends more monitoring than support.
    PressureOutweighsSupport,
    /// It sends at least as much support as monitoring.
    Reciprocal,
    /// It sends no monitoring or support, but others must ask it for permission: a gate, which
    /// reciprocity does not judge.
    PermissionGate,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct OfficeReciprocity {
    pub office: Named,
    /// Monitoring flows it sends to others, not up the chart.
    pub monitor_flows: u32,
    /// Support flows it sends to others, not up the chart.
    pub support_flows: u32,
    /// Summed volume (1–5 each).
    pub monitor_volume: u32,
    pub support_volume: u32,
    /// Support / (support + monitor), by count.
    pub support_share: Option<f64>,
    /// Permission flows that end at it from outside: others must ask it.
    pub permission_flows: u32,
    pub compliance_stance: bool,
    pub balance: ReciprocityBalance,
    pub words: String,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Reciprocity {
    /// Every office, least support first.
    pub offices: Vec<OfficeReciprocity>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    monitor: u32,
    support: u32,
    monitor_volume: u32,
    support_volume: u32,
    permission: u32,
}

pub(crate) fn reciprocity(cx: &Context) -> Reciprocity {
    let mut m = vec![Tally::default(); cx.len()];
    for f in &cx.flows {
        let (cs, ct) = (&cx.containers[f.s as usize], &cx.containers[f.t as usize]);
        merge(cs, ct, |g, side| {
            let sender = sends(f, side);
            let e = &mut m[g as usize];
            if f.medium == Medium::Permission {
                // Asked for permission: the flow ends at it (or runs both ways).
                if side == Side::Right || (side == Side::Left && f.direction == Direction::Both) {
                    e.permission += 1;
                }
                return;
            }
            if !sender {
                return;
            }
            match f.mode {
                FlowMode::Monitor => {
                    e.monitor += 1;
                    e.monitor_volume += u32::from(f.volume);
                }
                FlowMode::Support => {
                    e.support += 1;
                    e.support_volume += u32::from(f.volume);
                }
            }
        });
    }
    let mut offices: Vec<OfficeReciprocity> = (0..cx.len() as u32)
        .filter(|&g| cx.kind(g) == ElementKind::Office)
        .map(|g| office(cx, g, m[g as usize]))
        .collect();
    offices.sort_by(|a, b| {
        let key = |o: &OfficeReciprocity| o.support_share.unwrap_or(2.0);
        key(a)
            .total_cmp(&key(b))
            .then(b.monitor_flows.cmp(&a.monitor_flows))
            .then_with(|| a.office.name.cmp(&b.office.name))
    });
    Reciprocity { offices }
}

/// Whether the group on `side` of flow `f` sends it to the other side, not up the chart: the
/// source's side always sends (unless the target is above it); on a two-way flow the target's side
/// sends too (unless the source is above it).
fn sends(f: &Flow, side: Side) -> bool {
    let downward = f.vertical && !f.upward;
    match side {
        Side::Both => false,
        Side::Left => !f.upward,
        Side::Right => f.direction == Direction::Both && !downward,
    }
}

/// One office's balance and words.
fn office(cx: &Context, g: u32, t: Tally) -> OfficeReciprocity {
    let (mon, sup) = (t.monitor, t.support);
    let balance = if mon + sup == 0 {
        if t.permission > 0 {
            ReciprocityBalance::PermissionGate
        } else {
            ReciprocityBalance::NoFlows
        }
    } else if sup == 0 {
        ReciprocityBalance::AccountabilityWithoutCapacity
    } else if mon > sup {
        ReciprocityBalance::PressureOutweighsSupport
    } else {
        ReciprocityBalance::Reciprocal
    };
    let compliance_stance = matches!(
        cx.elements[g as usize].details,
        ElementDetails::Office {
            stance: Some(Stance::Compliance),
            ..
        }
    );
    let counts = format!(
        "sends {} and {}",
        plural(mon as usize, "monitoring flow", "monitoring flows"),
        plural(sup as usize, "support flow", "support flows")
    );
    let gate = if t.permission == 1 {
        "1 permission flow ends at it".to_owned()
    } else {
        format!("{} permission flows end at it", t.permission)
    };
    let mut words = match balance {
        ReciprocityBalance::NoFlows => format!("{}: no flows", cx.name(g)),
        ReciprocityBalance::AccountabilityWithoutCapacity => format!(
            "{}: {counts} — accountability without capacity: it holds others to account and builds none of their capacity",
            cx.name(g)
        ),
        ReciprocityBalance::PressureOutweighsSupport => {
            format!("{}: {counts} — more pressure than support", cx.name(g))
        }
        ReciprocityBalance::Reciprocal => {
            format!("{}: {counts} — pressure matched by support", cx.name(g))
        }
        ReciprocityBalance::PermissionGate => format!(
            "{}: a permission gate ({gate}) — others must ask it, which holds nobody to account: not accountability without capacity",
            cx.name(g)
        ),
    };
    if t.permission > 0 && balance != ReciprocityBalance::PermissionGate {
        words.push_str(&format!("; also a permission gate ({gate})"));
    }
    OfficeReciprocity {
        office: cx.named(g),
        monitor_flows: mon,
        support_flows: sup,
        monitor_volume: t.monitor_volume,
        support_volume: t.support_volume,
        support_share: share(sup as usize, (mon + sup) as usize),
        permission_flows: t.permission,
        compliance_stance,
        balance,
        words,
    }
}
