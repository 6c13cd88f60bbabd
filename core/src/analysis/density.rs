//! Density: is this a dense network or a tree?
//!
//! - Flow density: the share of all possible pairs of elements, `n(n−1)/2`, joined by at least one
//!   flow. Lateral density: the same for lateral flows only — flows that do not run along the chart
//!   (neither end is above the other by reports-to lines or nesting). A tree-shaped district has
//!   lateral density near 0; a "murmuration" has many lateral ties.
//! - Lateral ties per element: `2 · lateral pairs / n`, the average number of lateral partners.
//! - Flows across communities per member: flows whose two ends belong to different sets of
//!   communities (at least one end in one), divided by the number of elements in any community.

use super::context::Context;
use super::{share, Named};
use crate::model::ElementKind;
use serde::Serialize;
use specta::Type;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Serialize, Type)]
pub struct Density {
    pub elements: u32,
    pub flows: u32,
    pub lateral_flows: u32,
    /// Pairs joined by at least one flow / by at least one lateral flow.
    pub flow_pairs: u32,
    pub lateral_pairs: u32,
    pub flow_density: Option<f64>,
    pub lateral_density: Option<f64>,
    pub lateral_ties_per_element: Option<f64>,
    pub cross_community_flows: u32,
    pub community_members: u32,
    pub cross_community_flows_per_member: Option<f64>,
    /// The elements with the most lateral partners (up to 5), most first.
    pub most_lateral: Vec<Named>,
    pub words: String,
}

pub(crate) fn density(cx: &Context) -> Density {
    let n = cx.len();
    let mut pairs = BTreeSet::new();
    let mut lateral_pairs = BTreeSet::new();
    let mut lateral_flows = 0usize;
    for f in &cx.flows {
        let key = (f.s.min(f.t), f.s.max(f.t));
        pairs.insert(key);
        if !f.vertical {
            lateral_flows += 1;
            lateral_pairs.insert(key);
        }
    }
    let mut lateral_degree = vec![0u32; n];
    for &(a, b) in &lateral_pairs {
        lateral_degree[a as usize] += 1;
        lateral_degree[b as usize] += 1;
    }
    let possible = n * n.saturating_sub(1) / 2;

    let communities = |i: u32| {
        cx.containers[i as usize]
            .iter()
            .copied()
            .filter(|&g| cx.kind(g) == ElementKind::Community)
            .collect::<Vec<u32>>()
    };
    let community_of: Vec<Vec<u32>> = (0..n as u32).map(communities).collect();
    let community_members = (0..n)
        .filter(|&i| cx.kind(i as u32) != ElementKind::Community && !community_of[i].is_empty())
        .count();
    let cross = cx
        .flows
        .iter()
        .filter(|f| {
            let (a, b) = (&community_of[f.s as usize], &community_of[f.t as usize]);
            (!a.is_empty() || !b.is_empty()) && a != b
        })
        .count();

    let mut ranked: Vec<u32> = (0..n as u32)
        .filter(|&i| lateral_degree[i as usize] > 0)
        .collect();
    ranked.sort_by(|&a, &b| {
        lateral_degree[b as usize]
            .cmp(&lateral_degree[a as usize])
            .then(a.cmp(&b))
    });
    let flows = cx.flows.len();
    let words = format!(
        "{lateral_flows} of {flows} flows run across the chart rather than along it; {} of the possible \
         lateral ties exist ({:.1} lateral partners per element; a tree has none)",
        pct(share(lateral_pairs.len(), possible)),
        if n > 0 { 2.0 * lateral_pairs.len() as f64 / n as f64 } else { 0.0 },
    );
    Density {
        elements: n as u32,
        flows: flows as u32,
        lateral_flows: lateral_flows as u32,
        flow_pairs: pairs.len() as u32,
        lateral_pairs: lateral_pairs.len() as u32,
        flow_density: share(pairs.len(), possible),
        lateral_density: share(lateral_pairs.len(), possible),
        lateral_ties_per_element: share(2 * lateral_pairs.len(), n),
        cross_community_flows: cross as u32,
        community_members: community_members as u32,
        cross_community_flows_per_member: share(cross, community_members),
        most_lateral: ranked.into_iter().take(5).map(|i| cx.named(i)).collect(),
        words,
    }
}

/// "3.2%" or "—".
pub(crate) fn pct(x: Option<f64>) -> String {
    match x {
        Some(x) if x > 0.0 && x < 0.001 => "under 0.1%".to_owned(),
        Some(x) => format!("{:.1}%", x * 100.0),
        None => "—".to_owned(),
    }
}
