//! Moves: what should a leader do next? Suggestions phrased as the seeds' leader moves — notice,
//! name, connect, nurture, protect, illuminate, celebrate, hospice — each naming the elements it is
//! about and the evidence from the lenses, in plain words.
//!
//! The rules (each documented in `docs/lenses.md`) only read what the lenses found; they suggest and
//! never change the map. Order: by verb in the list above, then as each lens ranks; at most
//! [`MAX_PER_VERB`] of each verb.

use super::brokers::Brokers;
use super::cascade::Cascade;
use super::chart::ChartVsReality;
use super::context::Context;
use super::density::Density;
use super::home_base::HomeBase;
use super::operating_system::OperatingSystem;
use super::pioneers::Pioneers;
use super::reciprocity::{Reciprocity, ReciprocityBalance};
use super::silos::{verdict_words, Silos};
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
    pub cascade: &'a Cascade,
    pub operating_system: &'a OperatingSystem,
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
    notice(l, &mut out);
    name(l, &mut out);
    connect(cx, &mut out);
    connect_gates(l, &mut out);
    nurture(cx, l, &mut out);
    protect(cx, l, &mut out);
    illuminate(l, &mut out);
    illuminate_the_system(l, &mut out);
    celebrate(cx, &mut out);
    hospice(cx, l, &mut out);
    hospice_habits(l, &mut out);
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

/// Notice: innovations nobody has noticed yet (002:37: "There will be innovation going on in your
/// district … Often it goes unnoticed, or is just the isolated, individual effort of a lonely
/// pioneer. Your job first is to notice that is happening"). Noticing is about innovation, not
/// about who the network runs through: that is for protect.
fn notice(l: &Lenses, out: &mut Moves) {
    for p in &l.pioneers.unconnected {
        out.push(
            MoveVerb::Notice,
            vec![p.element.clone()],
            p.element.name.clone(),
            "an innovation going unnoticed: neither it nor anyone in it belongs to a community or exchanges with one".to_owned(),
        );
    }
}

/// Name: the silos, with why (a walled one's wall and the flow through it for its size).
fn name(l: &Lenses, out: &mut Moves) {
    for g in l.silos.groups.iter().filter(|g| g.is_silo) {
        out.push(
            MoveVerb::Name,
            vec![g.group.clone()],
            g.group.name.clone(),
            verdict_words(
                g.verdict,
                g.internal,
                g.external,
                g.lateral_external,
                g.inside,
            ),
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
    let mut protected = BTreeSet::new();
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
        protected.insert(b.element.id.clone());
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
    // The person the network runs through most: protect them and their time (002:42, "protect and
    // provide resources for the networks"), and build a second path.
    if let Some(i) = top_person(cx, l).filter(|&i| !protected.contains(&cx.named(i).id)) {
        out.push(
            MoveVerb::Protect,
            vec![cx.named(i)],
            cx.name(i).to_owned(),
            format!(
                "on {:.0}% of the shortest paths between others, more than any other person: protect their time, and build a second path",
                l.brokers.betweenness.scores[i as usize].value * 100.0
            ),
        );
    }
}

/// The person with the highest betweenness above 0 (the lower id on a tie).
fn top_person(cx: &Context, l: &Lenses) -> Option<u32> {
    let scores = &l.brokers.betweenness.scores;
    (0..cx.len() as u32)
        .filter(|&i| cx.kind(i) == ElementKind::Person && scores[i as usize].value > 0.0)
        .max_by(|&a, &b| {
            scores[a as usize]
                .value
                .total_cmp(&scores[b as usize].value)
                .then(b.cmp(&a))
        })
}

/// Illuminate: accountability without capacity (003:633: whoever holds others to account owes
/// them the capacity to do it — permission gates are not that); the work the chart does not show.
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
                "sends {} and no support: accountability without capacity (it holds others to account and builds none of their capacity)",
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

/// Connect: offices others must ask for permission, most asked first — offer a service flow
/// instead of the gate ("whom you may ask for service … whom you must ask for permission",
/// 004:135).
fn connect_gates(l: &Lenses, out: &mut Moves) {
    let mut gates: Vec<_> = l
        .operating_system
        .offices
        .iter()
        .filter(|o| o.permission_flows_in > 0)
        .collect();
    gates.sort_by_key(|o| std::cmp::Reverse(o.permission_flows_in));
    for o in gates {
        let mut elements = vec![o.office.clone()];
        elements.extend(o.askers.iter().cloned());
        out.push(
            MoveVerb::Connect,
            elements,
            format!(
                "{} and {}",
                o.office.name,
                list_names(o.askers.iter().map(|a| a.name.as_str()), 4)
            ),
            format!(
                "{} {} at it: offer a service flow instead of a permission gate",
                plural(
                    o.permission_flows_in as usize,
                    "permission flow",
                    "permission flows"
                ),
                if o.permission_flows_in == 1 {
                    "ends"
                } else {
                    "end"
                }
            ),
        );
    }
}

/// Illuminate: the longest permission chain and the slowest routine, so a cabinet sees where a
/// request waits (004's 47-day purchase).
fn illuminate_the_system(l: &Lenses, out: &mut Moves) {
    let os = l.operating_system;
    let chain = os.chains.first().filter(|c| c.offices.len() >= 2);
    if let Some(c) = chain {
        let mut elements = vec![c.routine.clone().unwrap_or_else(|| c.start.clone())];
        elements.extend(c.offices.iter().cloned());
        out.push(
            MoveVerb::Illuminate,
            elements,
            format!(
                "the longest permission chain, {}",
                c.routine.as_ref().unwrap_or(&c.start).name
            ),
            c.words.clone(),
        );
    }
    let slowest = os
        .routines
        .first()
        .filter(|r| r.days.is_some_and(|d| d > 0));
    if let Some(r) = slowest.filter(|r| chain.and_then(|c| c.routine.as_ref()) != Some(&r.routine))
    {
        out.push(
            MoveVerb::Illuminate,
            vec![r.routine.clone()],
            format!("the slowest routine, {}", r.routine.name),
            r.words.clone(),
        );
    }
}

/// Hospice: practices with no policy above them — habit (004:351, "the triumph of habit"): check
/// whether any rule requires them, then let them end or write the policy they need.
fn hospice_habits(l: &Lenses, out: &mut Moves) {
    for r in &l.cascade.habits {
        out.push(
            MoveVerb::Hospice,
            vec![r.clone()],
            r.name.clone(),
            "a practice with no policy above it, habit: ask whether any rule requires it, then let it end or write the policy it needs".to_owned(),
        );
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
