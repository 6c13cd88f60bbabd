//! How each lens is drawn, decided once for the canvas and the exports.
//!
//! A coach switches a lens on in the window and a board later sees the same scene on paper; if
//! the two drew a lens differently, the board would be shown a different argument. So the core
//! turns a lens's figures ([`Analysis`]) into paint — a fill per element, a size factor, a badge
//! in words, a legend and a one-line caption — and both the canvas (through the shell's command)
//! and `render` draw exactly that. The colours come from [`crate::vocabulary`]; every fill comes
//! with a badge or a legend entry in words, because colour never carries meaning alone.
//!
//! How each lens is drawn is written up for people in `docs/lenses.md` ("How each lens is drawn").

use crate::analysis::chart::ChartVsReality;
use crate::analysis::reciprocity::ReciprocityBalance;
use crate::analysis::silos::GroupSilo;
use crate::analysis::{list_names, plural, Analysis};
use crate::model::{ElementDetails, ElementId, ElementKind, Map, Scenario, ScenarioId};
use crate::vocabulary::{self as vocab, ScaleStep};
use serde::Serialize;
use specta::Type;
use std::collections::{BTreeMap, BTreeSet};

/// The lenses that paint the map, as `(id, name)` in the order the lens picker lists them. The
/// id is what a scene stores in `Scene::lens`.
pub const LENSES: &[(&str, &str)] = &[
    ("silos", "Silos"),
    ("density", "Density"),
    ("brokers", "Brokers"),
    ("layers", "Layers (geology)"),
    ("chart", "Chart vs. reality"),
    ("home_base", "Home base"),
    ("pioneers", "Pioneers"),
    ("reciprocity", "Reciprocity"),
];

/// What a lens paints on one scenario: the same for the canvas and for paper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
pub struct LensPaint {
    /// The lens's id (`silos`, `home_base`…), as in [`LENSES`].
    pub lens: String,
    /// The lens's name, as the legend's heading.
    pub name: String,
    /// Fill colours (`#RRGGBB`) by element; elements not named keep their kind's fill.
    pub fills: BTreeMap<ElementId, String>,
    /// How much larger than usual to draw an element (1.0 to 1.5); elements not named: 1.0.
    /// Only leaves grow: a group's size is the room its contents need.
    pub sizes: BTreeMap<ElementId, f64>,
    /// A short text on the element saying what its colour means (`E-I +1.0 · walled`,
    /// `cut point`, `no home base`, `1974`).
    pub badges: BTreeMap<ElementId, String>,
    /// Legend entries `[colour, meaning]`, in plain words, only for colours the lens used.
    pub legend: Vec<(String, String)>,
    /// One line saying what the lens shows on this scenario, e.g. "Teaching & Learning: 0 flows
    /// inside, 1 outside — a silo".
    pub caption: String,
}

impl LensPaint {
    fn new(lens: &str, name: &str) -> Self {
        Self {
            lens: lens.to_owned(),
            name: name.to_owned(),
            ..Self::default()
        }
    }

    fn fill(&mut self, id: &ElementId, step: ScaleStep) {
        self.fills.insert(id.clone(), step.colour.to_owned());
    }

    fn badge(&mut self, id: &ElementId, text: impl Into<String>) {
        self.badges.insert(id.clone(), text.into());
    }

    /// The legend lists the steps of `scale` that were used, in the scale's order.
    fn legend_from(&mut self, scale: &[ScaleStep]) {
        for step in scale {
            if self.fills.values().any(|c| c == step.colour)
                && !self.legend.iter().any(|(c, _)| c == step.colour)
            {
                self.legend
                    .push((step.colour.to_owned(), step.meaning.to_owned()));
            }
        }
    }
}

/// The paint of `lens` (an id from [`LENSES`]; `geology` is taken for `layers`) on `scenario` of
/// `map`, from `analysis` of that scenario. `None` for a lens that does not paint (or is not
/// known): the scene is then drawn without one.
pub fn lens_paint(
    map: &Map,
    scenario: &ScenarioId,
    lens: &str,
    analysis: &Analysis,
) -> Option<LensPaint> {
    let sc = map.scenario(scenario).or_else(|| map.scenarios.first())?;
    let id = match lens.trim() {
        "geology" => "layers",
        other => other,
    };
    let name = LENSES.iter().find(|(l, _)| *l == id)?.1;
    let mut paint = LensPaint::new(id, name);
    match id {
        "silos" => silos(&mut paint, analysis),
        "density" => density(&mut paint, analysis),
        "brokers" => brokers(&mut paint, analysis),
        "layers" => layers(&mut paint, sc, analysis),
        "chart" => chart(&mut paint, &analysis.chart),
        "home_base" => home_base(&mut paint, sc, analysis),
        "pioneers" => pioneers(&mut paint, sc, analysis),
        "reciprocity" => reciprocity(&mut paint, analysis),
        _ => return None,
    }
    Some(paint)
}

/// Signed, one decimal, with a true minus sign: "+1.0", "−0.6", "0.0".
fn signed(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1}")
    } else if rounded < 0.0 {
        format!("−{:.1}", -rounded)
    } else {
        "0.0".to_owned()
    }
}

fn silos(paint: &mut LensPaint, analysis: &Analysis) {
    let groups = &analysis.silos.groups;
    for g in groups {
        paint.fill(&g.group.id, vocab::silo_step(g.ei, g.is_silo));
        let badge = match g.ei {
            None => "no flows".to_owned(),
            Some(ei) if g.is_silo && ei > -0.5 => format!("E-I {} · walled", signed(ei)),
            Some(ei) if g.is_silo => format!("E-I {} · silo", signed(ei)),
            Some(ei) => format!("E-I {}", signed(ei)),
        };
        paint.badge(&g.group.id, badge);
    }
    paint.legend_from(&[
        vocab::SILO_INWARD,
        vocab::SILO_LEANING_INWARD,
        vocab::SILO_BALANCED,
        vocab::SILO_LEANING_OUTWARD,
        vocab::SILO_OUTWARD,
        vocab::SILO_NO_FLOWS,
    ]);
    // The most closed silo first: the fewest lateral flows across its edge for its size.
    let mut silos: Vec<&GroupSilo> = groups.iter().filter(|g| g.is_silo).collect();
    let closed = |g: &GroupSilo| g.lateral_external as f64 / g.inside.max(1) as f64;
    silos.sort_by(|a, b| {
        closed(a)
            .total_cmp(&closed(b))
            .then_with(|| a.group.name.cmp(&b.group.name))
    });
    paint.caption = match silos.split_first() {
        None => match analysis.silos.mean_ei {
            Some(ei) => format!(
                "No silos: flows cross the groups' edges (E-I {} over all groups, from −1 all inward to +1 all outward)",
                signed(ei)
            ),
            None => "No flows between groups yet".to_owned(),
        },
        Some((first, rest)) => {
            let mut caption = format!(
                "{}: {} inside, {} outside — a silo",
                first.group.name,
                plural(first.internal as usize, "flow", "flows"),
                first.external
            );
            if !rest.is_empty() {
                caption.push_str(&format!(
                    "; {} {} too",
                    list_names(rest.iter().map(|g| g.group.name.as_str()), 3),
                    if rest.len() == 1 { "is one" } else { "are silos" }
                ));
            }
            caption
        }
    };
}

fn density(paint: &mut LensPaint, analysis: &Analysis) {
    for hub in &analysis.density.most_lateral {
        paint.fill(&hub.id, vocab::DENSITY_HUB);
        paint.badge(&hub.id, "lateral hub");
    }
    paint.legend_from(&[vocab::DENSITY_HUB]);
    paint.caption = analysis.density.words.clone();
}

fn brokers(paint: &mut LensPaint, analysis: &Analysis) {
    let scores = &analysis.brokers.betweenness.scores;
    let max = scores.iter().map(|s| s.value).fold(0.0, f64::max);
    for score in scores {
        let share = if max > 0.0 { score.value / max } else { 0.0 };
        paint.fill(&score.id, vocab::broker_step(share));
        if share > 0.0 {
            // Up to half as large again: big enough to see, small enough not to hide neighbours.
            paint.sizes.insert(score.id.clone(), 1.0 + 0.5 * share);
        }
    }
    for cut in &analysis.brokers.articulation_points {
        paint.badge(&cut.id, "cut point");
    }
    paint.legend_from(&[
        vocab::BROKER_HIGH,
        vocab::BROKER_MID,
        vocab::BROKER_LOW,
        vocab::BROKER_NONE,
    ]);
    let cuts = analysis.brokers.articulation_points.len();
    paint.caption = match analysis.brokers.top.first() {
        None => "Nobody stands between others: no shortest path runs through anyone".to_owned(),
        Some(top) if cuts > 0 => format!(
            "{}; {}",
            top.words.split(" — ").next().unwrap_or(&top.words),
            if cuts == 1 {
                "1 cut point: without it the network falls apart".to_owned()
            } else {
                format!("{cuts} cut points: without any one of them the network falls apart")
            }
        ),
        Some(top) => top.words.clone(),
    };
}

fn layers(paint: &mut LensPaint, sc: &Scenario, analysis: &Analysis) {
    let mut counts = [0usize; 4];
    for dated in &analysis.layers.offices_by_year {
        let step = vocab::geology_step(dated.year);
        paint.fill(&dated.office.id, step);
        paint.badge(&dated.office.id, dated.year.to_string());
        counts[match dated.year {
            ..=1974 => 0,
            1975..=1989 => 1,
            1990..=2004 => 2,
            _ => 3,
        }] += 1;
    }
    for undated in &analysis.layers.undated {
        paint.fill(&undated.id, vocab::GEOLOGY_UNDATED);
        paint.badge(&undated.id, "year?");
    }
    paint.legend_from(&[
        vocab::GEOLOGY_BEFORE_1975,
        vocab::GEOLOGY_1975_1989,
        vocab::GEOLOGY_1990_2004,
        vocab::GEOLOGY_SINCE_2005,
        vocab::GEOLOGY_UNDATED,
    ]);
    let by_year = &analysis.layers.offices_by_year;
    paint.caption = match (by_year.first(), by_year.last()) {
        (Some(oldest), Some(newest)) => {
            let bands: Vec<String> = ["before 1975", "in 1975–1989", "in 1990–2004", "since 2005"]
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(band, n)| format!("{n} {band}"))
                .collect();
            format!(
                "Offices laid down from {} to {}: {} — the geological residue of other people's ideas",
                oldest.year,
                newest.year,
                bands.join(", ")
            )
        }
        _ if sc
            .elements
            .values()
            .any(|e| e.kind() == ElementKind::Office) =>
        {
            "No office has a year established yet".to_owned()
        }
        _ => "No offices on this map".to_owned(),
    };
}

fn chart(paint: &mut LensPaint, chart: &ChartVsReality) {
    for (i, cluster) in chart.clusters.iter().enumerate() {
        let colour = vocab::CLUSTER_COLOURS
            .get(i)
            .copied()
            .unwrap_or(vocab::CLUSTER_MORE);
        let letter = cluster_letter(i);
        for member in &cluster.members {
            paint.fills.insert(member.id.clone(), colour.to_owned());
            paint.badge(&member.id, letter.clone());
        }
        let crossing = cluster.units.iter().filter(|u| u.unit.is_some()).count();
        let meaning = match crossing {
            0 | 1 => format!("Cluster {letter}: within one unit"),
            n => format!("Cluster {letter}: across {n} units"),
        };
        if !paint.legend.iter().any(|(c, _)| c == colour) {
            paint.legend.push((colour.to_owned(), meaning));
        }
    }
    paint.caption = chart.words.clone();
}

/// "A", "B", … "Z", "AA", "AB"…: the letter a cluster's badge and legend entry share.
fn cluster_letter(i: usize) -> String {
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    if i < 26 {
        letter(i).to_string()
    } else {
        format!("{}{}", letter(i / 26 - 1), letter(i))
    }
}

fn home_base(paint: &mut LensPaint, sc: &Scenario, analysis: &Analysis) {
    let hb = &analysis.home_base;
    // A set: a district may list thousands of people without a home base.
    let without: BTreeSet<&ElementId> = hb.without.iter().map(|n| &n.id).collect();
    for element in sc.elements.values() {
        if !matches!(element.details, ElementDetails::Person { .. }) {
            continue;
        }
        if without.contains(&element.id) {
            paint.fill(&element.id, vocab::HOME_BASE_NO);
            paint.badge(&element.id, "no home base");
        } else {
            paint.fill(&element.id, vocab::HOME_BASE_YES);
        }
    }
    paint.legend_from(&[vocab::HOME_BASE_YES, vocab::HOME_BASE_NO]);
    paint.caption = hb.words.clone();
}

fn pioneers(paint: &mut LensPaint, sc: &Scenario, analysis: &Analysis) {
    let unnoticed = &analysis.pioneers.unconnected;
    let unnoticed_ids: BTreeSet<&ElementId> = unnoticed.iter().map(|p| &p.element.id).collect();
    for element in sc.elements.values() {
        let innovation = element
            .annotations
            .tags
            .iter()
            .any(|t| t.trim().eq_ignore_ascii_case("innovation"));
        if !innovation {
            continue;
        }
        if unnoticed_ids.contains(&element.id) {
            paint.fill(&element.id, vocab::PIONEER_UNNOTICED);
            paint.badge(&element.id, "no community tie");
        } else {
            paint.fill(&element.id, vocab::PIONEER_TIED);
            paint.badge(&element.id, "innovation");
        }
    }
    paint.legend_from(&[vocab::PIONEER_UNNOTICED, vocab::PIONEER_TIED]);
    let total = analysis.pioneers.innovations as usize;
    paint.caption = match unnoticed.as_slice() {
        [] if total == 0 => "No element is tagged \u{201c}innovation\u{201d} yet".to_owned(),
        [] => format!(
            "{}, each tied into a community: someone is learning from every one",
            plural(total, "innovation", "innovations")
        ),
        [one] => format!(
            "{} (1 of {})",
            one.words,
            plural(total, "innovation", "innovations")
        ),
        many => format!(
            "{} of {} have no tie into any community: {}",
            many.len(),
            plural(total, "innovation", "innovations"),
            list_names(many.iter().map(|p| p.element.name.as_str()), 3)
        ),
    };
}

fn reciprocity(paint: &mut LensPaint, analysis: &Analysis) {
    let offices = &analysis.reciprocity.offices;
    for office in offices {
        let step = match office.balance {
            ReciprocityBalance::NoFlows => vocab::RECIPROCITY_NO_FLOWS,
            ReciprocityBalance::AccountabilityWithoutCapacity => vocab::RECIPROCITY_NO_CAPACITY,
            ReciprocityBalance::PressureOutweighsSupport => vocab::RECIPROCITY_PRESSURE,
            ReciprocityBalance::Reciprocal => vocab::RECIPROCITY_MATCHED,
        };
        paint.fill(&office.office.id, step);
        if office.balance != ReciprocityBalance::NoFlows {
            paint.badge(
                &office.office.id,
                format!(
                    "{} monitor · {} support",
                    office.monitor_flows, office.support_flows
                ),
            );
        }
    }
    paint.legend_from(&[
        vocab::RECIPROCITY_NO_CAPACITY,
        vocab::RECIPROCITY_PRESSURE,
        vocab::RECIPROCITY_MATCHED,
        vocab::RECIPROCITY_NO_FLOWS,
    ]);
    let without: Vec<&str> = offices
        .iter()
        .filter(|o| o.balance == ReciprocityBalance::AccountabilityWithoutCapacity)
        .map(|o| o.office.name.as_str())
        .collect();
    let outweighed = offices
        .iter()
        .filter(|o| o.balance == ReciprocityBalance::PressureOutweighsSupport)
        .count();
    paint.caption = match (without.len(), outweighed) {
        (0, 0)
            if offices
                .iter()
                .all(|o| o.balance == ReciprocityBalance::NoFlows) =>
        {
            "No monitoring or support flows touch an office yet".to_owned()
        }
        (0, 0) => "Every office's pressure is matched by support".to_owned(),
        (0, n) => format!(
            "{} more monitoring than support",
            if n == 1 {
                "1 office gets".to_owned()
            } else {
                format!("{n} offices get")
            }
        ),
        (n, _) => format!(
            "Accountability without capacity at {}: {}",
            plural(n, "office", "offices"),
            list_names(without.iter().copied(), 4)
        ),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::*;

    /// A hand-made map: elements by `(id, kind, parent)`, flows by `(source, target)`.
    struct Draft {
        sc: Scenario,
        n: usize,
    }

    impl Draft {
        fn new() -> Self {
            Self {
                sc: Scenario::empty("Test"),
                n: 0,
            }
        }

        fn add(&mut self, id: &str, details: ElementDetails, parent: Option<&str>) -> &mut Self {
            self.sc.elements.insert(
                id.into(),
                Element {
                    id: id.into(),
                    name: id.to_uppercase(),
                    parent: parent.map(ElementId::from),
                    details,
                    annotations: Annotations::default(),
                },
            );
            self
        }

        fn office(&mut self, id: &str, boundary: Boundary, established: Option<i32>) -> &mut Self {
            let ElementDetails::Office {
                function,
                practice_culture,
                stance,
                headcount,
                hospiced,
                ..
            } = ElementDetails::default_for(ElementKind::Office)
            else {
                unreachable!()
            };
            self.add(
                id,
                ElementDetails::Office {
                    function,
                    practice_culture,
                    stance,
                    headcount,
                    established,
                    hospiced,
                    boundary,
                },
                None,
            )
        }

        fn person(&mut self, id: &str, parent: Option<&str>, home: Option<&str>) -> &mut Self {
            self.add(
                id,
                ElementDetails::Person {
                    title: String::new(),
                    position: None,
                    home_base: home.map(ElementId::from),
                },
                parent,
            )
        }

        fn relation(&mut self, s: &str, t: &str, details: RelationDetails) -> &mut Self {
            self.n += 1;
            let id = RelationId(format!("r{}", self.n));
            self.sc.relations.insert(
                id.clone(),
                Relation {
                    id,
                    source: s.into(),
                    target: t.into(),
                    details,
                    annotations: Annotations::default(),
                },
            );
            self
        }

        fn flow(&mut self, s: &str, t: &str, mode: FlowMode) -> &mut Self {
            self.relation(
                s,
                t,
                RelationDetails::Flow {
                    medium: Medium::Information,
                    direction: Direction::OneWay,
                    volume: 3,
                    cadence: String::new(),
                    mode,
                },
            )
        }

        fn paint(&self, lens: &str) -> LensPaint {
            let mut map = Map::new("Test");
            map.scenarios = vec![self.sc.clone()];
            let id = self.sc.id.clone();
            lens_paint(&map, &id, lens, &analyze(&map, &id)).expect("the lens paints")
        }
    }

    fn fill<'a>(paint: &'a LensPaint, id: &str) -> Option<&'a str> {
        paint.fills.get(&ElementId::from(id)).map(String::as_str)
    }

    fn badge<'a>(paint: &'a LensPaint, id: &str) -> Option<&'a str> {
        paint.badges.get(&ElementId::from(id)).map(String::as_str)
    }

    #[test]
    fn silos_paint_inward_groups_vermillion_and_outward_ones_blue() {
        let mut d = Draft::new();
        // "in" talks only to itself; "out" only to others.
        d.office("in", Boundary::Permeable, None)
            .person("a", Some("in"), None)
            .person("b", Some("in"), None)
            .office("out", Boundary::Permeable, None)
            .person("c", Some("out"), None)
            .person("x", None, None)
            .flow("a", "b", FlowMode::Support)
            .flow("b", "a", FlowMode::Support)
            .flow("c", "x", FlowMode::Support);
        let paint = d.paint("silos");
        assert_eq!(fill(&paint, "in"), Some(vocab::SILO_INWARD.colour));
        assert_eq!(fill(&paint, "out"), Some(vocab::SILO_OUTWARD.colour));
        assert_eq!(badge(&paint, "in"), Some("E-I −1.0 · silo"));
        assert_eq!(badge(&paint, "out"), Some("E-I +1.0"));
        assert_eq!(fill(&paint, "a"), None, "people are not groups");
        assert_eq!(paint.caption, "IN: 2 flows inside, 0 outside — a silo");
        let meanings: Vec<&str> = paint.legend.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            meanings,
            [vocab::SILO_INWARD.meaning, vocab::SILO_OUTWARD.meaning],
            "only the colours used"
        );
    }

    #[test]
    fn a_walled_office_is_a_silo_whatever_its_e_i() {
        let mut d = Draft::new();
        d.office("walled", Boundary::Solid, None)
            .person("a", Some("walled"), None)
            .person("b", Some("walled"), None)
            .person("c", Some("walled"), None)
            .person("x", None, None)
            .flow("a", "x", FlowMode::Support);
        let paint = d.paint("silos");
        assert_eq!(fill(&paint, "walled"), Some(vocab::SILO_INWARD.colour));
        assert_eq!(badge(&paint, "walled"), Some("E-I +1.0 · walled"));
        assert_eq!(paint.caption, "WALLED: 0 flows inside, 1 outside — a silo");
    }

    #[test]
    fn brokers_grow_with_betweenness_and_cut_points_are_badged() {
        let mut d = Draft::new();
        // A chain a – hub – b: everything between a and b runs through the hub.
        d.person("a", None, None)
            .person("hub", None, None)
            .person("b", None, None)
            .flow("a", "hub", FlowMode::Support)
            .flow("hub", "b", FlowMode::Support);
        let paint = d.paint("brokers");
        assert_eq!(fill(&paint, "hub"), Some(vocab::BROKER_HIGH.colour));
        assert_eq!(fill(&paint, "a"), Some(vocab::BROKER_NONE.colour));
        assert_eq!(badge(&paint, "hub"), Some("cut point"));
        assert_eq!(badge(&paint, "a"), None);
        assert_eq!(paint.sizes.get(&ElementId::from("hub")), Some(&1.5));
        assert!(!paint.sizes.contains_key(&ElementId::from("a")));
        assert!(paint
            .caption
            .starts_with("HUB: on 100% of the shortest paths"));
    }

    #[test]
    fn geology_bands_offices_by_year_established() {
        let mut d = Draft::new();
        d.office("old", Boundary::Solid, Some(1968))
            .office("eighties", Boundary::Solid, Some(1983))
            .office("nineties", Boundary::Solid, Some(1996))
            .office("new", Boundary::Solid, Some(2010))
            .office("undated", Boundary::Solid, None);
        let paint = d.paint("geology");
        assert_eq!(paint.lens, "layers");
        assert_eq!(fill(&paint, "old"), Some(vocab::GEOLOGY_BEFORE_1975.colour));
        assert_eq!(
            fill(&paint, "eighties"),
            Some(vocab::GEOLOGY_1975_1989.colour)
        );
        assert_eq!(
            fill(&paint, "nineties"),
            Some(vocab::GEOLOGY_1990_2004.colour)
        );
        assert_eq!(fill(&paint, "new"), Some(vocab::GEOLOGY_SINCE_2005.colour));
        assert_eq!(badge(&paint, "old"), Some("1968"));
        assert_eq!(badge(&paint, "undated"), Some("year?"));
        assert_eq!(paint.legend.len(), 5);
        assert!(paint.caption.starts_with(
            "Offices laid down from 1968 to 2010: 1 before 1975, 1 in 1975–1989, 1 in 1990–2004, 1 since 2005"
        ));
    }

    #[test]
    fn chart_colours_each_cluster_and_letters_it() {
        let mut d = Draft::new();
        // Two triangles with no tie between them: two clusters.
        for id in ["a1", "a2", "a3", "b1", "b2", "b3"] {
            d.person(id, None, None);
        }
        for (s, t) in [
            ("a1", "a2"),
            ("a2", "a3"),
            ("a3", "a1"),
            ("b1", "b2"),
            ("b2", "b3"),
            ("b3", "b1"),
        ] {
            d.flow(s, t, FlowMode::Support);
        }
        let paint = d.paint("chart");
        let (a, b) = (fill(&paint, "a1"), fill(&paint, "b1"));
        assert!(a.is_some() && b.is_some());
        assert_ne!(a, b, "two clusters, two colours");
        assert_eq!(fill(&paint, "a2"), a);
        assert_ne!(badge(&paint, "a1"), badge(&paint, "b1"));
        assert_eq!(paint.legend.len(), 2);
    }

    #[test]
    fn home_base_paints_people_with_and_without_a_community() {
        let mut d = Draft::new();
        d.add(
            "cop",
            ElementDetails::default_for(ElementKind::Community),
            None,
        )
        .person("member", Some("cop"), None)
        .person("named", None, Some("cop"))
        .person("alone", None, None);
        let paint = d.paint("home_base");
        assert_eq!(fill(&paint, "member"), Some(vocab::HOME_BASE_YES.colour));
        assert_eq!(fill(&paint, "named"), Some(vocab::HOME_BASE_YES.colour));
        assert_eq!(fill(&paint, "alone"), Some(vocab::HOME_BASE_NO.colour));
        assert_eq!(badge(&paint, "alone"), Some("no home base"));
        assert_eq!(badge(&paint, "member"), None);
        assert_eq!(fill(&paint, "cop"), None, "only people are painted");
    }

    #[test]
    fn pioneers_badge_innovations_without_a_community_tie() {
        let mut d = Draft::new();
        d.add(
            "cop",
            ElementDetails::default_for(ElementKind::Community),
            None,
        )
        .add(
            "tied",
            ElementDetails::default_for(ElementKind::SprintTeam),
            None,
        )
        .add(
            "lonely",
            ElementDetails::default_for(ElementKind::SprintTeam),
            None,
        )
        .flow("tied", "cop", FlowMode::Support);
        for id in ["tied", "lonely"] {
            d.sc.elements
                .get_mut(&ElementId::from(id))
                .unwrap()
                .annotations
                .tags = vec![" Innovation ".into()];
        }
        let paint = d.paint("pioneers");
        assert_eq!(
            fill(&paint, "lonely"),
            Some(vocab::PIONEER_UNNOTICED.colour)
        );
        assert_eq!(badge(&paint, "lonely"), Some("no community tie"));
        assert_eq!(fill(&paint, "tied"), Some(vocab::PIONEER_TIED.colour));
        assert_eq!(fill(&paint, "cop"), None);
        assert!(paint.caption.contains("LONELY"), "{}", paint.caption);
    }

    #[test]
    fn reciprocity_paints_offices_by_monitoring_against_support() {
        let mut d = Draft::new();
        d.office("watcher", Boundary::Solid, None)
            .office("helper", Boundary::Solid, None)
            .office("quiet", Boundary::Solid, None)
            .person("site", None, None)
            .flow("watcher", "site", FlowMode::Monitor)
            .flow("helper", "site", FlowMode::Support);
        let paint = d.paint("reciprocity");
        assert_eq!(
            fill(&paint, "watcher"),
            Some(vocab::RECIPROCITY_NO_CAPACITY.colour)
        );
        assert_eq!(
            fill(&paint, "helper"),
            Some(vocab::RECIPROCITY_MATCHED.colour)
        );
        assert_eq!(
            fill(&paint, "quiet"),
            Some(vocab::RECIPROCITY_NO_FLOWS.colour)
        );
        assert_eq!(badge(&paint, "watcher"), Some("1 monitor · 0 support"));
        assert_eq!(badge(&paint, "quiet"), None);
        assert_eq!(
            paint.caption,
            "Accountability without capacity at 1 office: WATCHER"
        );
    }

    #[test]
    fn every_listed_lens_paints_and_unknown_lenses_do_not() {
        let map = crate::sample::riverside_unified();
        let id = map.scenarios[0].id.clone();
        let analysis = analyze(&map, &id);
        for (lens, name) in LENSES {
            let paint = lens_paint(&map, &id, lens, &analysis).expect("a listed lens paints");
            assert_eq!(&paint.name, name);
            assert!(!paint.caption.is_empty(), "{lens} has a caption");
            assert!(!paint.fills.is_empty(), "{lens} paints something");
            for colour in paint.fills.values() {
                assert!(
                    paint.legend.iter().any(|(c, _)| c == colour),
                    "{lens}: {colour} is in the legend"
                );
            }
        }
        assert!(lens_paint(&map, &id, "moves", &analysis).is_none());
        assert!(lens_paint(&map, &id, "no such lens", &analysis).is_none());
    }

    #[test]
    fn the_sample_silos_name_teaching_and_learning_first() {
        let map = crate::sample::riverside_unified();
        let id = map.scenarios[0].id.clone();
        let paint = lens_paint(&map, &id, "silos", &analyze(&map, &id)).expect("paints");
        assert_eq!(
            fill(&paint, "teaching-learning"),
            Some(vocab::SILO_INWARD.colour)
        );
        assert!(
            paint
                .caption
                .starts_with("Teaching & Learning: 0 flows inside, 1 outside — a silo"),
            "{}",
            paint.caption
        );
    }

    #[test]
    fn signed_numbers_read_as_a_person_writes_them() {
        assert_eq!(signed(1.0), "+1.0");
        assert_eq!(signed(-0.6), "−0.6");
        assert_eq!(signed(-0.01), "0.0");
        assert_eq!(cluster_letter(0), "A");
        assert_eq!(cluster_letter(27), "AB");
    }
}
