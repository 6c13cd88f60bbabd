//! Layers: how much "geological residue" (Elmore; Watkins)?
//!
//! - Reporting depth: the longest reports-to chain, counted in levels (someone with no boss is level
//!   1), with the chain itself.
//! - Span of control: for each manager (anyone with a direct report), how many report to them.
//! - Offices by the year they were established, oldest first, and by decade: the strata a newcomer
//!   digs through.

use super::context::Context;
use super::Named;
use crate::model::{ElementDetails, ElementKind};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
pub struct SpanOfControl {
    pub manager: Named,
    pub direct_reports: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Dated {
    pub office: Named,
    pub year: i32,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Stratum {
    /// The decade's first year: 1970 for 1970–1979.
    pub decade: i32,
    pub offices: Vec<Named>,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Layers {
    /// Levels in the longest reports-to chain (0 when nobody reports to anyone).
    pub depth: u32,
    /// That chain, from the bottom up.
    pub longest_chain: Vec<Named>,
    /// Every manager, widest span first.
    pub spans: Vec<SpanOfControl>,
    pub mean_span: Option<f64>,
    pub offices_by_year: Vec<Dated>,
    pub strata: Vec<Stratum>,
    /// Offices without a year.
    pub undated: Vec<Named>,
    pub words: String,
}

pub(crate) fn layers(cx: &Context) -> Layers {
    let n = cx.len();
    let (up, next) = levels_up(cx);
    let longest_chain = longest_chain(cx, &up, &next);
    let depth = longest_chain.len() as u32;

    let mut spans: Vec<SpanOfControl> = (0..n as u32)
        .filter(|&i| !cx.reports[i as usize].is_empty())
        .map(|i| SpanOfControl {
            manager: cx.named(i),
            direct_reports: cx.reports[i as usize].len() as u32,
        })
        .collect();
    spans.sort_by(|a, b| {
        b.direct_reports
            .cmp(&a.direct_reports)
            .then_with(|| a.manager.name.cmp(&b.manager.name))
    });
    let mean_span = (!spans.is_empty())
        .then(|| spans.iter().map(|s| s.direct_reports as f64).sum::<f64>() / spans.len() as f64);

    let (offices_by_year, strata, undated) = geology(cx);
    let widest = spans
        .first()
        .map(|s| {
            format!(
                "; the widest span is {} ({})",
                s.direct_reports, s.manager.name
            )
        })
        .unwrap_or_default();
    let geology = match (offices_by_year.first(), offices_by_year.last()) {
        (Some(a), Some(b)) => format!(
            "; offices were laid down from {} to {} in {} layers",
            a.year,
            b.year,
            strata.len()
        ),
        _ => String::new(),
    };
    Layers {
        depth,
        words: format!("{depth} levels in the longest reporting chain{widest}{geology}"),
        longest_chain,
        spans,
        mean_span,
        offices_by_year,
        strata,
        undated,
    }
}

/// Levels above each element, longest way up, and the boss that way goes through (`u32::MAX`:
/// none). Reports-to forms no cycle in a valid map, and a cycle in an unvalidated one is cut where
/// the walk meets itself.
fn levels_up(cx: &Context) -> (Vec<u32>, Vec<u32>) {
    let n = cx.len();
    let mut up = vec![u32::MAX; n]; // u32::MAX: not yet known
    let mut next = vec![u32::MAX; n];
    let mut on_path = vec![false; n];
    for start in 0..n as u32 {
        if up[start as usize] != u32::MAX {
            continue;
        }
        // Iterative depth-first walk up the bosses.
        let mut stack: Vec<(u32, usize)> = vec![(start, 0)];
        on_path[start as usize] = true;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            let bosses = &cx.bosses[v as usize];
            if *k < bosses.len() {
                let b = bosses[*k];
                *k += 1;
                if up[b as usize] == u32::MAX && !on_path[b as usize] {
                    on_path[b as usize] = true;
                    stack.push((b, 0));
                }
            } else {
                let mut best = 0;
                let mut via = u32::MAX;
                for &b in bosses {
                    if up[b as usize] != u32::MAX && up[b as usize] + 1 > best {
                        best = up[b as usize] + 1;
                        via = b;
                    }
                }
                up[v as usize] = best;
                next[v as usize] = via;
                on_path[v as usize] = false;
                stack.pop();
            }
        }
    }
    (up, next)
}

/// The longest reporting chain, from the bottom up, following `next` from the deepest element.
fn longest_chain(cx: &Context, up: &[u32], next: &[u32]) -> Vec<Named> {
    let n = cx.len();
    let involved = |i: usize| !cx.bosses[i].is_empty() || !cx.reports[i].is_empty();
    let bottom = (0..n)
        .filter(|&i| involved(i))
        .max_by(|&a, &b| up[a].cmp(&up[b]).then(b.cmp(&a)));
    let mut longest_chain = Vec::new();
    if let Some(mut v) = bottom.map(|b| b as u32) {
        loop {
            longest_chain.push(cx.named(v));
            let nx = next[v as usize];
            if nx == u32::MAX {
                break;
            }
            v = nx;
        }
    }
    longest_chain
}

/// Offices by the year they were established, in strata by decade, and those without a year.
fn geology(cx: &Context) -> (Vec<Dated>, Vec<Stratum>, Vec<Named>) {
    let n = cx.len();
    let mut offices_by_year = Vec::new();
    let mut undated = Vec::new();
    for i in 0..n as u32 {
        if cx.kind(i) != ElementKind::Office {
            continue;
        }
        match cx.elements[i as usize].details {
            ElementDetails::Office {
                established: Some(year),
                ..
            } => offices_by_year.push(Dated {
                office: cx.named(i),
                year,
            }),
            _ => undated.push(cx.named(i)),
        }
    }
    offices_by_year.sort_by(|a, b| a.year.cmp(&b.year).then_with(|| a.office.cmp(&b.office)));
    let mut strata: Vec<Stratum> = Vec::new();
    for d in &offices_by_year {
        let decade = d.year.div_euclid(10) * 10;
        match strata.last_mut() {
            Some(s) if s.decade == decade => s.offices.push(d.office.clone()),
            _ => strata.push(Stratum {
                decade,
                offices: vec![d.office.clone()],
            }),
        }
    }
    (offices_by_year, strata, undated)
}
