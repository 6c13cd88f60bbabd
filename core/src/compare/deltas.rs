//! What a redesign does to the network: every lens's figures on both scenarios, and the change
//! between them in plain words, as the metrics panel shows them.
//!
//! The figures come from [`analysis::analyze`] run on each scenario; nothing here measures the
//! network a second way. Each lens gives a headline row, then a row for each thing that changed
//! (a group's silo verdict, a broker gained or lost, a person who gained a home base, …).

use crate::analysis::{
    self, brokers::Brokers, moves::LeaderMove, reciprocity::ReciprocityBalance, silos::SiloVerdict,
    Analysis, Named,
};
use crate::lens_paint::LENSES;
use crate::model::{ElementId, Map, ScenarioId};
use serde::Serialize;
use specta::Type;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LensDeltas {
    pub lenses: Vec<LensDelta>,
}

/// One lens's figures before and after: a headline row first, then the rows that changed.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LensDelta {
    /// The lens's id as the analysis names it (`silos`, `brokers`, …; `moves` for leader moves).
    pub lens: String,
    pub label: String,
    pub rows: Vec<DeltaRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DeltaRow {
    /// What the row is about; `None` for the lens's headline and map-wide figures.
    pub subject: Option<Named>,
    pub figure: String,
    pub before: String,
    pub after: String,
    /// The change in plain words.
    pub words: String,
}

/// Every lens's figures on `from` and `to` (the map's first scenario stands in for one that is
/// not in the map, as in `analysis::analyze`).
pub fn lens_deltas(map: &Map, from: &ScenarioId, to: &ScenarioId) -> LensDeltas {
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| analysis::analyze(map, from));
        let b = analysis::analyze(map, to);
        (a.join().expect("the analysis does not panic"), b)
    });
    deltas_between(map, &a, &b)
}

/// [`lens_deltas`] from two analyses already made (a deck keeps its scenarios' analyses).
pub fn deltas_between(map: &Map, a: &Analysis, b: &Analysis) -> LensDeltas {
    let is_in = |x: &Analysis, id: &ElementId| {
        map.scenario(&x.scenario)
            .is_some_and(|sc| sc.elements.contains_key(id))
    };
    let lens = |id: &str, rows: Vec<DeltaRow>| LensDelta {
        lens: id.to_owned(),
        label: LENSES
            .iter()
            .find(|(l, _)| *l == id)
            .map_or("Leader moves", |(_, name)| *name)
            .to_owned(),
        rows,
    };
    LensDeltas {
        lenses: vec![
            lens("silos", silos(a, b)),
            lens("density", density(a, b)),
            lens("brokers", brokers(&a.brokers, &b.brokers)),
            lens("layers", layers(a, b)),
            lens("chart", chart(a, b)),
            lens("home_base", home_base(a, b, is_in)),
            lens("pioneers", pioneers(a, b)),
            lens("reciprocity", reciprocity(a, b)),
            lens("moves", moves(&a.moves, &b.moves)),
        ],
    }
}

/// A lens's headline: the figure before and after, "no change" when they agree.
fn headline(figure: &str, before: String, after: String) -> DeltaRow {
    let words = if before == after {
        format!("{figure}: no change ({after})")
    } else {
        format!("{figure}: {before} \u{2192} {after}")
    };
    DeltaRow {
        subject: None,
        figure: figure.to_owned(),
        before,
        after,
        words,
    }
}

/// A map-wide figure, only when it changed.
fn figure_row(rows: &mut Vec<DeltaRow>, figure: &str, before: String, after: String) {
    if before != after {
        rows.push(headline(figure, before, after));
    }
}

fn row(subject: &Named, figure: &str, before: &str, after: &str, words: String) -> DeltaRow {
    DeltaRow {
        subject: Some(subject.clone()),
        figure: figure.to_owned(),
        before: before.to_owned(),
        after: after.to_owned(),
        words,
    }
}

const NONE: &str = "\u{2014}";

fn percent(share: Option<f64>) -> String {
    share.map_or(NONE.to_owned(), |s| format!("{:.0}%", s * 100.0))
}

fn number(x: Option<f64>) -> String {
    x.map_or(NONE.to_owned(), |x| {
        format!("{x:.2}").replace('-', "\u{2212}")
    })
}

/// Pairs the items of both sides by key, in key order: `(before, after)`.
fn paired<'a, K: Ord, T>(
    a: impl IntoIterator<Item = (K, &'a T)>,
    b: impl IntoIterator<Item = (K, &'a T)>,
) -> Vec<(Option<&'a T>, Option<&'a T>)>
where
    T: 'a,
{
    let mut both: BTreeMap<K, (Option<&T>, Option<&T>)> = BTreeMap::new();
    for (k, t) in a {
        both.entry(k).or_default().0 = Some(t);
    }
    for (k, t) in b {
        both.entry(k).or_default().1 = Some(t);
    }
    both.into_values().collect()
}

fn verdict(v: SiloVerdict) -> &'static str {
    match v {
        SiloVerdict::NoFlows => "no flows",
        SiloVerdict::Silo => "silo",
        SiloVerdict::Walled => "walled off",
        SiloVerdict::Balanced => "balanced",
        SiloVerdict::Outward => "outward",
    }
}

fn silos(a: &Analysis, b: &Analysis) -> Vec<DeltaRow> {
    let count = |x: &Analysis| {
        x.silos
            .groups
            .iter()
            .filter(|g| g.is_silo)
            .count()
            .to_string()
    };
    let mut rows = vec![headline("Groups that are silos", count(a), count(b))];
    figure_row(
        &mut rows,
        "Mean E-I index",
        number(a.silos.mean_ei),
        number(b.silos.mean_ei),
    );
    let groups = paired(
        a.silos.groups.iter().map(|g| (&g.group.id, g)),
        b.silos.groups.iter().map(|g| (&g.group.id, g)),
    );
    let said =
        |g: &analysis::silos::GroupSilo| format!("{} (E-I {})", verdict(g.verdict), number(g.ei));
    for pair in groups {
        let figure = "Verdict (E-I index)";
        match pair {
            (Some(g), Some(h)) if g.verdict != h.verdict => {
                let n = &h.group.name;
                let words = match (g.is_silo, h.is_silo) {
                    (true, false) => {
                        format!("{n} is no longer a silo: {} \u{2192} {}", said(g), said(h))
                    }
                    (false, true) => format!("{n} became a silo: {} \u{2192} {}", said(g), said(h)),
                    _ => format!("{n}: {} \u{2192} {}", said(g), said(h)),
                };
                rows.push(row(&h.group, figure, &said(g), &said(h), words));
            }
            (Some(g), Some(h)) if number(g.ei) != number(h.ei) => {
                let words = format!(
                    "{}: E-I index {} \u{2192} {}",
                    h.group.name,
                    number(g.ei),
                    number(h.ei)
                );
                rows.push(row(&h.group, figure, &said(g), &said(h), words));
            }
            (Some(g), None) => {
                let words = format!("{} is gone (it was {})", g.group.name, said(g));
                rows.push(row(&g.group, figure, &said(g), NONE, words));
            }
            (None, Some(h)) => {
                let words = format!("{} is new: {}", h.group.name, said(h));
                rows.push(row(&h.group, figure, NONE, &said(h), words));
            }
            _ => {}
        }
    }
    rows
}

fn density(a: &Analysis, b: &Analysis) -> Vec<DeltaRow> {
    let (d, e) = (&a.density, &b.density);
    let mut rows = vec![headline(
        "Lateral ties per element",
        number(d.lateral_ties_per_element),
        number(e.lateral_ties_per_element),
    )];
    figure_row(
        &mut rows,
        "Lateral flows",
        d.lateral_flows.to_string(),
        e.lateral_flows.to_string(),
    );
    figure_row(
        &mut rows,
        "Flow density",
        number(d.flow_density),
        number(e.flow_density),
    );
    figure_row(
        &mut rows,
        "Cross-community flows per member",
        number(d.cross_community_flows_per_member),
        number(e.cross_community_flows_per_member),
    );
    rows
}

/// Names, first few, as one cell.
fn names<'a>(list: impl IntoIterator<Item = &'a Named>) -> String {
    let s = analysis::list_names(list.into_iter().map(|n| n.name.as_str()), 3);
    if s.is_empty() {
        NONE.to_owned()
    } else {
        s
    }
}

fn brokers(a: &Brokers, b: &Brokers) -> Vec<DeltaRow> {
    let mut rows = vec![headline(
        "Single points of failure",
        a.articulation_points.len().to_string(),
        b.articulation_points.len().to_string(),
    )];
    figure_row(
        &mut rows,
        "Bridges",
        a.bridges.len().to_string(),
        b.bridges.len().to_string(),
    );
    figure_row(
        &mut rows,
        "Top brokers",
        names(a.top.iter().take(3).map(|t| &t.element)),
        names(b.top.iter().take(3).map(|t| &t.element)),
    );
    let figure = "Single point of failure";
    for pair in paired(
        a.articulation_points.iter().map(|n| (&n.id, n)),
        b.articulation_points.iter().map(|n| (&n.id, n)),
    ) {
        match pair {
            (None, Some(n)) => rows.push(row(
                n,
                figure,
                "no",
                "yes",
                format!("{} became a single point of failure", n.name),
            )),
            (Some(n), None) => rows.push(row(
                n,
                figure,
                "yes",
                "no",
                format!("{} is no longer a single point of failure", n.name),
            )),
            _ => {}
        }
    }
    let tie = |x: &analysis::brokers::Bridge| {
        let (p, q) = if x.a.id <= x.b.id {
            (&x.a.id, &x.b.id)
        } else {
            (&x.b.id, &x.a.id)
        };
        (p.clone(), q.clone())
    };
    for pair in paired(
        a.bridges.iter().map(|x| (tie(x), x)),
        b.bridges.iter().map(|x| (tie(x), x)),
    ) {
        let figure = "Bridge";
        match pair {
            (None, Some(x)) => rows.push(row(
                &x.a,
                figure,
                "no",
                "yes",
                format!(
                    "The tie between {} and {} became a bridge: losing it would split the network",
                    x.a.name, x.b.name
                ),
            )),
            (Some(x), None) => rows.push(row(
                &x.a,
                figure,
                "yes",
                "no",
                format!(
                    "The tie between {} and {} is no longer a bridge",
                    x.a.name, x.b.name
                ),
            )),
            _ => {}
        }
    }
    rows
}

fn layers(a: &Analysis, b: &Analysis) -> Vec<DeltaRow> {
    let (l, m) = (&a.layers, &b.layers);
    let mut rows = vec![headline(
        "Reporting depth (levels)",
        l.depth.to_string(),
        m.depth.to_string(),
    )];
    figure_row(
        &mut rows,
        "Mean span of control",
        number(l.mean_span),
        number(m.mean_span),
    );
    let figure = "Direct reports";
    for pair in paired(
        l.spans.iter().map(|s| (&s.manager.id, s)),
        m.spans.iter().map(|s| (&s.manager.id, s)),
    ) {
        let (before, after) = (
            pair.0.map(|s| s.direct_reports),
            pair.1.map(|s| s.direct_reports),
        );
        if before == after {
            continue;
        }
        let who = pair.1.or(pair.0).map(|s| &s.manager).expect("one side");
        let (x, y) = (before.unwrap_or(0), after.unwrap_or(0));
        let words = format!("{} has {} direct reports, {} before", who.name, y, x);
        rows.push(row(who, figure, &x.to_string(), &y.to_string(), words));
    }
    rows
}

fn chart(a: &Analysis, b: &Analysis) -> Vec<DeltaRow> {
    let (c, d) = (&a.chart, &b.chart);
    let along = |x: &analysis::chart::ChartVsReality| {
        format!(
            "{} of {} ({})",
            x.flows_along_chart,
            x.flows_along_chart + x.flows_across_chart,
            percent(x.share_along_chart)
        )
    };
    let mut rows = vec![headline("Flows along the chart", along(c), along(d))];
    figure_row(
        &mut rows,
        "Flows across the chart",
        c.flows_across_chart.to_string(),
        d.flows_across_chart.to_string(),
    );
    figure_row(
        &mut rows,
        "Clusters crossing units",
        c.clusters_crossing_units.to_string(),
        d.clusters_crossing_units.to_string(),
    );
    rows
}

/// `is_in`: whether the analysed scenario holds an element (a person removed neither gained nor
/// lost a home base).
fn home_base(
    a: &Analysis,
    b: &Analysis,
    is_in: impl Fn(&Analysis, &ElementId) -> bool,
) -> Vec<DeltaRow> {
    let (h, k) = (&a.home_base, &b.home_base);
    let share = |x: &analysis::home_base::HomeBase| {
        format!(
            "{} ({} of {})",
            percent(x.share),
            x.with_home_base,
            x.people
        )
    };
    let mut rows = vec![headline("Home-base share", share(h), share(k))];
    let without_before: BTreeSet<&ElementId> = h.without.iter().map(|n| &n.id).collect();
    let without_after: BTreeSet<&ElementId> = k.without.iter().map(|n| &n.id).collect();
    // A person without one before who is still a person after, and without one no more.
    for n in &h.without {
        if !without_after.contains(&n.id) && is_in(b, &n.id) {
            rows.push(row(
                n,
                "Home base",
                "none",
                "yes",
                format!("{} gained a home base", n.name),
            ));
        }
    }
    for n in &k.without {
        if !without_before.contains(&n.id) && is_in(a, &n.id) {
            rows.push(row(
                n,
                "Home base",
                "yes",
                "none",
                format!("{} lost their home base", n.name),
            ));
        }
    }
    rows
}

fn pioneers(a: &Analysis, b: &Analysis) -> Vec<DeltaRow> {
    let mut rows = vec![headline(
        "Innovations going unnoticed",
        a.pioneers.unconnected.len().to_string(),
        b.pioneers.unconnected.len().to_string(),
    )];
    for pair in paired(
        a.pioneers.unconnected.iter().map(|p| (&p.element.id, p)),
        b.pioneers.unconnected.iter().map(|p| (&p.element.id, p)),
    ) {
        match pair {
            (Some(p), None) => rows.push(row(
                &p.element,
                "Going unnoticed",
                "yes",
                "no",
                format!("{} is no longer going unnoticed", p.element.name),
            )),
            (None, Some(p)) => rows.push(row(
                &p.element,
                "Going unnoticed",
                "no",
                "yes",
                format!("{} is going unnoticed", p.element.name),
            )),
            _ => {}
        }
    }
    rows
}

fn balance(b: ReciprocityBalance) -> &'static str {
    match b {
        ReciprocityBalance::NoFlows => "no flows",
        ReciprocityBalance::AccountabilityWithoutCapacity => "monitored, never supported",
        ReciprocityBalance::PressureOutweighsSupport => "more monitoring than support",
        ReciprocityBalance::Reciprocal => "pressure matched by support",
        ReciprocityBalance::PermissionGate => "a permission gate",
    }
}

fn reciprocity(a: &Analysis, b: &Analysis) -> Vec<DeltaRow> {
    let pressed = |x: &Analysis| {
        let n = x.reciprocity.offices.iter().filter(|o| {
            matches!(
                o.balance,
                ReciprocityBalance::AccountabilityWithoutCapacity
                    | ReciprocityBalance::PressureOutweighsSupport
            )
        });
        n.count().to_string()
    };
    let mut rows = vec![headline(
        "Offices monitored more than supported",
        pressed(a),
        pressed(b),
    )];
    let said = |o: &analysis::reciprocity::OfficeReciprocity| {
        format!(
            "{} (support {})",
            balance(o.balance),
            percent(o.support_share)
        )
    };
    for pair in paired(
        a.reciprocity.offices.iter().map(|o| (&o.office.id, o)),
        b.reciprocity.offices.iter().map(|o| (&o.office.id, o)),
    ) {
        let (before, after) = (pair.0.map(said), pair.1.map(said));
        if before == after {
            continue;
        }
        let office = &pair.1.or(pair.0).expect("one side").office;
        let (x, y) = (
            before.unwrap_or(NONE.to_owned()),
            after.unwrap_or(NONE.to_owned()),
        );
        let words = format!("{}: {x} \u{2192} {y}", office.name);
        rows.push(row(office, "Balance", &x, &y, words));
    }
    rows
}

fn moves(a: &[LeaderMove], b: &[LeaderMove]) -> Vec<DeltaRow> {
    let mut rows = vec![headline(
        "Leader moves",
        a.len().to_string(),
        b.len().to_string(),
    )];
    // A move is the same move when its verb and elements are: new figures behind it do not make
    // it appear or disappear.
    let key = |m: &LeaderMove| {
        (
            m.verb,
            m.elements.iter().map(|n| n.id.clone()).collect::<Vec<_>>(),
        )
    };
    let before: BTreeSet<_> = a.iter().map(key).collect();
    let after: BTreeSet<_> = b.iter().map(key).collect();
    let mut one = |m: &LeaderMove, was: &str, is: &str, words: String| {
        rows.push(DeltaRow {
            subject: m.elements.first().cloned(),
            figure: m.verb.word().to_owned(),
            before: was.to_owned(),
            after: is.to_owned(),
            words,
        })
    };
    for m in a.iter().filter(|m| !after.contains(&key(m))) {
        one(
            m,
            "suggested",
            NONE,
            format!("No longer suggested: {}", m.words),
        );
    }
    for m in b.iter().filter(|m| !before.contains(&key(m))) {
        one(
            m,
            NONE,
            "suggested",
            format!("Newly suggested: {}", m.words),
        );
    }
    rows
}
