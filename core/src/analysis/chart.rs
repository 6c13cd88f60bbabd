//! Chart vs. reality: does the org chart describe how work flows?
//!
//! Two comparisons:
//! - Flows along the chart versus across it: a flow runs along the chart when one end is above the
//!   other by reports-to lines and nesting; otherwise it crosses the chart. Also flows within one
//!   formal unit versus between units.
//! - The clusters the flows themselves form, found with Louvain (Blondel et al. 2008; see
//!   `louvain.rs`) on flows (weight = volume 1–5) and member-of ties (core 3, active 2, peripheral 1),
//!   set beside the formal units their members sit in (a person's position, else the nearest office
//!   or site enclosing them). Nesting and reports-to are left out on purpose: they *are* the chart.
//!
//! A cluster that spans several formal units is work the chart does not show; a unit split across
//! clusters is a unit whose people work in different worlds.

use super::context::Context;
use super::{list_names, plural, share, Named};
use crate::model::MemberRole;
use serde::Serialize;
use specta::Type;
use std::collections::BTreeMap;

/// The seed of Louvain's visiting order, fixed so the same map always gives the same clusters.
pub const SEED: u64 = 0x6d75_726d_7572_6174;

#[derive(Debug, Clone, Serialize, Type)]
pub struct UnitCount {
    /// `None`: outside the chart (partners, free-standing communities and sprint teams).
    pub unit: Option<Named>,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Cluster {
    pub members: Vec<Named>,
    /// The formal units of the members, most members first.
    pub units: Vec<UnitCount>,
    pub words: String,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct SplitUnit {
    pub unit: Named,
    /// How many clusters its (connected) elements fall into.
    pub clusters: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct ChartVsReality {
    pub flows_along_chart: u32,
    pub flows_across_chart: u32,
    pub share_along_chart: Option<f64>,
    pub flows_within_units: u32,
    pub flows_between_units: u32,
    /// Modularity of the detected clusters (−0.5…1; above ~0.3 is clear structure).
    pub modularity: f64,
    /// Detected clusters of two or more elements, largest first.
    pub clusters: Vec<Cluster>,
    /// Clusters whose members sit in more than one formal unit ("outside the chart" not counted).
    pub clusters_crossing_units: u32,
    pub split_units: Vec<SplitUnit>,
    pub words: String,
}

pub(crate) fn chart_vs_reality(cx: &Context) -> ChartVsReality {
    let n = cx.len();
    let unit: Vec<Option<u32>> = (0..n as u32).map(|i| cx.formal_unit(i)).collect();
    let along = cx.flows.iter().filter(|f| f.vertical).count();
    let within = cx
        .flows
        .iter()
        .filter(|f| unit[f.s as usize].is_some() && unit[f.s as usize] == unit[f.t as usize])
        .count();

    let (groups, degree, modularity) = communities(cx);

    let mut unit_clusters: BTreeMap<u32, u32> = BTreeMap::new();
    let mut crossing = 0;
    let clusters: Vec<Cluster> = groups
        .iter()
        .map(|members| {
            let (c, crosses) = cluster(cx, members, &unit, &degree, &mut unit_clusters);
            if crosses {
                crossing += 1;
            }
            c
        })
        .collect();
    let mut split_units: Vec<SplitUnit> = unit_clusters
        .into_iter()
        .filter(|&(_, c)| c > 1)
        .map(|(u, c)| SplitUnit {
            unit: cx.named(u),
            clusters: c,
        })
        .collect();
    split_units.sort_by(|a, b| {
        b.clusters
            .cmp(&a.clusters)
            .then_with(|| a.unit.cmp(&b.unit))
    });

    let flows = cx.flows.len();
    let words = format!(
        "{along} of {} run along the org chart, {} across it; the flows form {} of which {} cross formal units",
        plural(flows, "flow", "flows"),
        flows - along,
        plural(clusters.len(), "cluster", "clusters"),
        crossing
    );
    ChartVsReality {
        flows_along_chart: along as u32,
        flows_across_chart: (flows - along) as u32,
        share_along_chart: share(along, flows),
        flows_within_units: within as u32,
        flows_between_units: (flows - within) as u32,
        modularity,
        clusters_crossing_units: crossing,
        clusters,
        split_units,
        words,
    }
}

/// The clusters the flows and memberships form (Louvain), two or more members each, largest
/// first; each element's weighted degree; and the partition's modularity.
fn communities(cx: &Context) -> (Vec<Vec<u32>>, Vec<f64>, f64) {
    let n = cx.len();
    let mut edges: Vec<(u32, u32, f64)> = cx
        .flows
        .iter()
        .map(|f| (f.s, f.t, f64::from(f.volume.max(1))))
        .collect();
    edges.extend(cx.members.iter().map(|m| {
        let w = match m.role {
            MemberRole::Core => 3.0,
            MemberRole::Active => 2.0,
            MemberRole::Peripheral => 1.0,
        };
        (m.s, m.t, w)
    }));
    let (comm, modularity) = super::louvain::louvain(n, &edges, SEED);
    let mut degree = vec![0.0f64; n];
    for &(a, b, w) in &edges {
        degree[a as usize] += w;
        degree[b as usize] += w;
    }
    let mut by_comm: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (i, &c) in comm.iter().enumerate() {
        by_comm.entry(c).or_default().push(i as u32);
    }
    let mut groups: Vec<Vec<u32>> = by_comm.into_values().filter(|m| m.len() >= 2).collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));

    (groups, degree, modularity)
}

/// One cluster: its members by formal unit and its hub, in words; whether it crosses formal
/// units. Counts each unit it touches in `unit_clusters`.
fn cluster(
    cx: &Context,
    members: &[u32],
    unit: &[Option<u32>],
    degree: &[f64],
    unit_clusters: &mut BTreeMap<u32, u32>,
) -> (Cluster, bool) {
    let mut counts: BTreeMap<Option<u32>, u32> = BTreeMap::new();
    for &m in members {
        *counts.entry(unit[m as usize]).or_default() += 1;
    }
    for u in counts.keys().flatten() {
        *unit_clusters.entry(*u).or_default() += 1;
    }
    let mut units: Vec<(Option<u32>, u32)> = counts.into_iter().collect();
    units.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let formal = units.iter().filter(|(u, _)| u.is_some()).count();
    let outside = units.iter().any(|(u, _)| u.is_none());
    let hub = *members
        .iter()
        .max_by(|&&a, &&b| {
            degree[a as usize]
                .total_cmp(&degree[b as usize])
                .then(b.cmp(&a))
        })
        .expect("two or more members");
    let parts: Vec<String> = units
        .iter()
        .map(|(u, c)| match u {
            Some(u) => format!("{c} in {}", cx.name(*u)),
            None => format!("{c} outside the chart"),
        })
        .collect();
    let verdict = match (formal, outside) {
        (0, _) => " — entirely outside the chart".to_owned(),
        (1, false) => " — matches the chart".to_owned(),
        (1, true) => " — one formal unit, with partners or teams outside the chart".to_owned(),
        (f, _) => format!(" — crosses {f} formal units"),
    };
    let cluster = Cluster {
        members: members.iter().map(|&m| cx.named(m)).collect(),
        units: units
            .iter()
            .map(|&(u, c)| UnitCount {
                unit: u.map(|u| cx.named(u)),
                count: c,
            })
            .collect(),
        words: format!(
            "A cluster of {} around {}: {}{verdict}",
            members.len(),
            cx.name(hub),
            list_names(parts.iter().map(String::as_str), 4)
        ),
    };
    (cluster, formal > 1)
}
