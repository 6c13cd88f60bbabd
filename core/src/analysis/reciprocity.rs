//! Reciprocity: is pressure matched by support? (Elmore's reciprocity of accountability and capacity:
//! for every unit of performance demanded, a unit of capacity to meet it.)
//!
//! For each office, the flows touching it (at least one end inside the office, nesting included),
//! split by mode: monitor/compliance versus support. An office that sends or receives monitoring and
//! no support is "accountability without capacity".

use super::context::Context;
use super::{plural, share, Named};
use crate::model::{ElementDetails, ElementKind, FlowMode, Stance};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReciprocityBalance {
    NoFlows,
    /// Monitoring and no support at all.
    AccountabilityWithoutCapacity,
    /// More monitoring than support.
    PressureOutweighsSupport,
    /// At least as much support as monitoring.
    Reciprocal,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct OfficeReciprocity {
    pub office: Named,
    pub monitor_flows: u32,
    pub support_flows: u32,
    /// Summed volume (1–5 each).
    pub monitor_volume: u32,
    pub support_volume: u32,
    /// Support / (support + monitor), by count.
    pub support_share: Option<f64>,
    pub compliance_stance: bool,
    pub balance: ReciprocityBalance,
    pub words: String,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Reciprocity {
    /// Every office, least support first.
    pub offices: Vec<OfficeReciprocity>,
}

pub(crate) fn reciprocity(cx: &Context) -> Reciprocity {
    let n = cx.len();
    let mut m = vec![(0u32, 0u32, 0u32, 0u32); n];
    for f in &cx.flows {
        let (cs, ct) = (&cx.containers[f.s as usize], &cx.containers[f.t as usize]);
        super::silos::merge(cs, ct, |g, _| {
            let e = &mut m[g as usize];
            match f.mode {
                FlowMode::Monitor => {
                    e.0 += 1;
                    e.2 += u32::from(f.volume);
                }
                FlowMode::Support => {
                    e.1 += 1;
                    e.3 += u32::from(f.volume);
                }
            }
        });
    }
    let mut offices = Vec::new();
    for g in 0..n as u32 {
        if cx.kind(g) != ElementKind::Office {
            continue;
        }
        let (mon, sup, mv, sv) = m[g as usize];
        let balance = if mon + sup == 0 {
            ReciprocityBalance::NoFlows
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
            "{} and {}",
            plural(mon as usize, "monitoring flow", "monitoring flows"),
            plural(sup as usize, "support flow", "support flows")
        );
        let words = match balance {
            ReciprocityBalance::NoFlows => format!("{}: no flows", cx.name(g)),
            ReciprocityBalance::AccountabilityWithoutCapacity => {
                format!("{}: {counts} — accountability without capacity", cx.name(g))
            }
            ReciprocityBalance::PressureOutweighsSupport => {
                format!("{}: {counts} — more pressure than support", cx.name(g))
            }
            ReciprocityBalance::Reciprocal => {
                format!("{}: {counts} — pressure matched by support", cx.name(g))
            }
        };
        offices.push(OfficeReciprocity {
            office: cx.named(g),
            monitor_flows: mon,
            support_flows: sup,
            monitor_volume: mv,
            support_volume: sv,
            support_share: share(sup as usize, (mon + sup) as usize),
            compliance_stance,
            balance,
            words,
        });
    }
    offices.sort_by(|a, b| {
        let key = |o: &OfficeReciprocity| o.support_share.unwrap_or(2.0);
        key(a)
            .total_cmp(&key(b))
            .then(b.monitor_flows.cmp(&a.monitor_flows))
            .then_with(|| a.office.name.cmp(&b.office.name))
    });
    Reciprocity { offices }
}
