//! Moves: what should a leader do next? Suggestions phrased as the seeds' leader moves — notice,
//! name, connect, nurture, protect, illuminate, celebrate, hospice — each naming the elements it is
//! about and the evidence from the lenses, in plain words.
//!
//! The rules (each documented in `docs/lenses.md`) only read what the lenses found; they suggest and
//! never change the map. Order: by verb in the list above, then as each lens ranks; at most
//! [`MAX_PER_VERB`] of each verb.

use super::brokers::Brokers;
use super::chart::ChartVsReality;
use super::context::Context;
use super::density::Density;
use super::home_base::HomeBase;
use super::pioneers::Pioneers;
use super::reciprocity::{Reciprocity, ReciprocityBalance};
use super::silos::{walled_detail, SiloVerdict, Silos};
use super::{list_names, plural, Named};
use crate::model::{CommunityStage, ElementDetails, ElementKind, Medium, Ring, SprintStatus};
use serde::Serialize;
use specta::Type;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum MoveVerb {
    Notice,
    Name,
    Connect,
    Nurture,
    Protect,
    Illuminate,
    Celebrate,
    Hospice,
}

impl MoveVerb {
    pub fn word(self) -> &'static str {
        match self {
            Self::Notice => "notice",
            Self::Name => "name",
            Self::Connect => "connect",
            Self::Nurture => "nurture",
            Self::Protect => "protect",
            Self::Illuminate => "illuminate",
            Self::Celebrate => "celebrate",
            Self::Hospice => "hospice",
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct LeaderMove {
    pub verb: MoveVerb,
    /// What the move is about, for highlighting.
    pub elements: Vec<Named>,
    /// Why, from the lenses, in plain words.
    pub evidence: String,
    /// The whole suggestion: "connect: Teaching & Learning and Linked Learning — …".
    pub words: String,
}

/// The lenses the moves read.
pub(crate) struct Lenses<'a> {
    pub silos: &'a Silos,
    pub density: &'a Density,
    pub brokers: &'a Brokers,
    pub chart: &'a ChartVsReality,
    pub home_base: &'a HomeBase,
    pub pioneers: &'a Pioneers,
    pub reciprocity: &'a Reciprocity,
}

/// How many protect moves for brokers, so the list stays a list a cabinet can read.
const BROKER_MOVES: usize = 3;

/// At most this many moves of one verb: past a dozen, a list stops being advice.
pub const MAX_PER_VERB: usize = 12;

/// The moves a leader list is built from, each phrased the one way.
struct Moves(Vec<LeaderMove>);

impl Moves {
    fn push(&mut self, verb: MoveVerb, elements: Vec<Named>, subject: String, evidence: String) {
        self.0.push(LeaderMove {
            verb,
            words: format!("{}: {subject} — {evidence}", verb.word()),
            elements,
            evidence,
        });
    }
}

pub(crate) fn moves(cx: &Context, l: &Lenses) -> Vec<LeaderMove> {
    let mut out = Moves(Vec::new());
    notice(cx, l, &mut out);
    name(l, &mut out);
    connect(cx, &mut out);
    nurture(cx, l, &mut out);
    protect(cx, l, &mut out);
    illuminate(l, &mut out);
    celebrate(cx, &mut out);
    hospice(cx, l, &mut out);
    let mut out = out.0;
    // Stable: within a verb, the order each rule ranked its moves in.
    out.sort_by_key(|m| m.verb);
    let mut per_verb: BTreeMap<MoveVerb, usize> = BTreeMap::new();
    out.retain(|m| {
        let n = per_verb.entry(m.verb).or_default();
        *n += 1;
        *n <= MAX_PER_VERB
    });
    out
}

/// Notice: innovations nobody learns from; the person the network quietly runs through.
fn notice(cx: &Context, l: &Lenses, out: &mut Moves) {
    for p in &l.pioneers.unconnected {
        out.push(
            MoveVerb::Notice,
            vec![p.element.clone()],
            p.element.name.clone(),
            "tagged as an innovation, with no tie into any community".to_owned(),
        );
    }
    let scores = &l.brokers.betweenness.scores;
    let person = (0..cx.len() as u32)
        .filter(|&i| cx.kind(i) == ElementKind::Person && scores[i as usize].value > 0.0)
        .max_by(|&a, &b| {
            scores[a as usize]
                .value
                .total_cmp(&scores[b as usize].value)
                .then(b.cmp(&a))
        });
    if let Some(i) = person {
        out.push(
            MoveVerb::Notice,
            vec![cx.named(i)],
            cx.name(i).to_owned(),
            format!(
                "on {:.0}% of the shortest paths between others, more than any other person: much of the network runs through them",
                scores[i as usize].value * 100.0
            ),
        );
    }
}

/// Name: the silos.
fn name(l: &Lenses, out: &mut Moves) {
    for g in l.silos.groups.iter().filter(|g| g.is_silo) {
        let counts = format!(
            "{} inside, {} outside",
            plural(g.internal as usize, "flow", "flows"),
            g.external
        );
        let evidence = match g.verdict {
            SiloVerdict::Walled => format!(
                "a silo: {counts}; {}",
                walled_detail(g.lateral_external, g.inside)
            ),
            _ => format!("a silo: {counts}"),
        };
        out.push(
            MoveVerb::Name,
            vec![g.group.clone()],
            g.group.name.clone(),
            evidence,
        );
    }
}

/// Connect: two sides of a barrier nobody has checked, those with no flow between them first.
fn connect(cx: &Context, out: &mut Moves) {
    let mut pairs: Vec<(u32, u32, usize)> = Vec::new(); // (receiving side, other side, barrier)
    let mut seen_pairs = BTreeSet::new();
    for (k, b) in cx.barriers.iter().enumerate().filter(|(_, b)| !b.checked) {
        if seen_pairs.insert((b.s.min(b.t), b.s.max(b.t))) {
            pairs.push((b.t, b.s, k));
        }
    }
    let between = flows_between(cx, &seen_pairs);
    pairs.sort_by_key(|&(t, s, k)| {
        (
            between.get(&(s.min(t), s.max(t))).copied().unwrap_or(0) > 0,
            k,
        )
    });
    for (t, s, k) in pairs {
        let b = &cx.barriers[k];
        let count = between.get(&(s.min(t), s.max(t))).copied().unwrap_or(0);
        let flows = if count == 0 {
            "no flow between them".to_owned()
        } else {
            format!("{} between them", plural(count, "flow", "flows"))
        };
        let reason = if b.reason.trim().is_empty() {
            String::new()
        } else {
            format!(" (“{}”)", b.reason.trim())
        };
        // Name the receiving side first: the side the rule keeps others out of.
        out.push(
            MoveVerb::Connect,
            vec![cx.named(t), cx.named(s)],
            format!("{} and {}", cx.name(t), cx.name(s)),
            format!("{flows}, a barrier nobody has checked{reason}"),
        );
    }
}

/// Nurture: young communities; people with no home base.
fn nurture(cx: &Context, l: &Lenses, out: &mut Moves) {
    for i in 0..cx.len() as u32 {
        if let ElementDetails::Community { stage, .. } = cx.elements[i as usize].details {
            let what = match stage {
                CommunityStage::Potential => "a potential community",
                CommunityStage::Coalescing => "a community still coalescing",
                _ => continue,
            };
            out.push(
                MoveVerb::Nurture,
                vec![cx.named(i)],
                cx.name(i).to_owned(),
                format!("{what}: give it time, a space and a sponsor, not a mandate"),
            );
        }
    }
    if !l.home_base.without.is_empty() {
        let names: Vec<&str> = l
            .home_base
            .without
            .iter()
            .map(|n| n.name.as_str())
            .collect();
        out.push(
            MoveVerb::Nurture,
            l.home_base.without.clone(),
            "home bases".to_owned(),
            format!(
                "{} without a community of practice: {}",
                plural(names.len(), "person", "people"),
                list_names(names, 5)
            ),
        );
    }
}

/// Protect: sprint teams crossing silos now; communities and people the network cannot lose.
fn protect(cx: &Context, l: &Lenses, out: &mut Moves) {
    for i in 0..cx.len() as u32 {
        if let ElementDetails::SprintTeam { status, .. } = cx.elements[i as usize].details {
            let units = member_units(cx, i);
            if matches!(status, SprintStatus::Forming | SprintStatus::Active) && units.len() >= 2 {
                out.push(
                    MoveVerb::Protect,
                    vec![cx.named(i)],
                    cx.name(i).to_owned(),
                    format!(
                        "a sprint team drawing people across {}",
                        list_names(units.iter().map(|&u| cx.name(u)), 4)
                    ),
                );
            }
        }
    }
    for b in l
        .brokers
        .top
        .iter()
        .filter(|b| b.articulation_point)
        .filter(|b| {
            cx.lookup(&b.element.id).is_some_and(|i| {
                matches!(
                    cx.kind(i),
                    ElementKind::Person | ElementKind::Community | ElementKind::SprintTeam
                )
            })
        })
        .take(BROKER_MOVES)
    {
        out.push(
            MoveVerb::Protect,
            vec![b.element.clone()],
            b.element.name.clone(),
            format!(
                "a broker on {:.0}% of the shortest paths between others, and a single point of failure",
                b.betweenness * 100.0
            ),
        );
    }
}

/// Illuminate: accountability without capacity; the work the chart does not show.
fn illuminate(l: &Lenses, out: &mut Moves) {
    for o in l
        .reciprocity
        .offices
        .iter()
        .filter(|o| o.balance == ReciprocityBalance::AccountabilityWithoutCapacity)
    {
        out.push(
            MoveVerb::Illuminate,
            vec![o.office.clone()],
            o.office.name.clone(),
            format!(
                "{} and no support: accountability without capacity",
                plural(
                    o.monitor_flows as usize,
                    "monitoring flow",
                    "monitoring flows"
                )
            ),
        );
    }
    if l.chart.flows_across_chart > l.chart.flows_along_chart {
        let crossing: Vec<Named> = l
            .chart
            .clusters
            .iter()
            .filter(|c| c.units.iter().filter(|u| u.unit.is_some()).count() > 1)
            .flat_map(|c| c.members.iter().take(1).cloned())
            .collect();
        out.push(
            MoveVerb::Illuminate,
            crossing,
            "how work really flows".to_owned(),
            format!(
                "{} of {} flows run across the org chart, not along it, and {} of the {} clusters they form cross formal units",
                l.chart.flows_across_chart,
                l.density.flows,
                l.chart.clusters_crossing_units,
                l.chart.clusters.len()
            ),
        );
    }
}

/// Celebrate: sprint teams that crossed silos and finished; communities whose practice spreads.
fn celebrate(cx: &Context, out: &mut Moves) {
    for i in 0..cx.len() as u32 {
        match cx.elements[i as usize].details {
            ElementDetails::SprintTeam {
                status:
                    SprintStatus::Dissolved
                    | SprintStatus::Transformed
                    | SprintStatus::AbsorbedIntoRoutine,
                ..
            } => {
                let units = member_units(cx, i);
                if units.len() >= 2 {
                    out.push(
                        MoveVerb::Celebrate,
                        vec![cx.named(i)],
                        cx.name(i).to_owned(),
                        format!(
                            "a sprint team that crossed {} and did its work",
                            list_names(units.iter().map(|&u| cx.name(u)), 4)
                        ),
                    );
                }
            }
            // Practice-ring communities only: the rings around one would repeat its story.
            ElementDetails::Community {
                stage: CommunityStage::Active | CommunityStage::Stewardship,
                ring: Ring::Practice,
                ..
            } => {
                let reached: BTreeSet<u32> = cx
                    .flows
                    .iter()
                    .filter(|f| matches!(f.medium, Medium::Ideas))
                    .filter_map(|f| {
                        let (si, ti) = (cx.inside(f.s, i), cx.inside(f.t, i));
                        match (si, ti) {
                            (true, false) => Some(f.t),
                            (false, true) if f.direction == crate::model::Direction::Both => {
                                Some(f.s)
                            }
                            _ => None,
                        }
                    })
                    .collect();
                if reached.len() >= 2 {
                    out.push(
                        MoveVerb::Celebrate,
                        vec![cx.named(i)],
                        cx.name(i).to_owned(),
                        format!(
                            "its ideas reach {} beyond it: {}",
                            plural(reached.len(), "group", "groups"),
                            list_names(reached.iter().map(|&r| cx.name(r)), 4)
                        ),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Hospice: compliance offices that only monitor and take part in nothing lateral.
fn hospice(cx: &Context, l: &Lenses, out: &mut Moves) {
    for o in &l.reciprocity.offices {
        let Some(i) = cx.lookup(&o.office.id) else {
            continue;
        };
        let hospiced = matches!(
            cx.elements[i as usize].details,
            ElementDetails::Office {
                hospiced: Some(_),
                ..
            }
        );
        let joins_anything = cx.members.iter().any(|m| cx.inside(m.s, i));
        if o.balance == ReciprocityBalance::AccountabilityWithoutCapacity
            && o.compliance_stance
            && o.monitor_flows >= 2
            && !joins_anything
            && !hospiced
        {
            out.push(
                MoveVerb::Hospice,
                vec![o.office.clone()],
                o.office.name.clone(),
                format!(
                    "only monitoring ({}), no support, and no part in any community or sprint team: \
                     honour its work and let it end, or turn it into a community",
                    plural(o.monitor_flows as usize, "flow", "flows")
                ),
            );
        }
    }
}

/// For each pair of elements `(a, b)` with `a < b` in `pairs`, how many flows join something at or
/// inside `a` with something at or inside `b`. One pass over the flows, looking up only the few
/// pairs each flow's ends can make.
fn flows_between(cx: &Context, pairs: &BTreeSet<(u32, u32)>) -> BTreeMap<(u32, u32), usize> {
    let mut counts = BTreeMap::new();
    if pairs.is_empty() {
        return counts;
    }
    let tags = |x: u32| {
        let mut t = cx.containers[x as usize].clone();
        if let Err(at) = t.binary_search(&x) {
            t.insert(at, x);
        }
        t
    };
    let mut hits = Vec::new();
    for f in &cx.flows {
        let (ts, tt) = (tags(f.s), tags(f.t));
        hits.clear();
        for &a in &ts {
            for &b in &tt {
                let key = (a.min(b), a.max(b));
                if a != b && pairs.contains(&key) {
                    hits.push(key);
                }
            }
        }
        hits.sort_unstable();
        hits.dedup();
        for &key in &hits {
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    counts
}

/// The formal units a group's members sit in (the group itself and its own unit excluded).
fn member_units(cx: &Context, group: u32) -> Vec<u32> {
    let own = cx.formal_unit(group);
    let units: BTreeSet<u32> = (0..cx.len() as u32)
        .filter(|&m| m != group && cx.inside(m, group))
        .filter_map(|m| cx.formal_unit(m))
        .filter(|&u| Some(u) != own)
        .collect();
    units.into_iter().collect()
}
