//! Synthetic districts of any size, for benchmarks and for trying the canvas on big maps.
//!
//! Real district maps are not random graphs: people sit inside offices and sites, offices form a
//! reports-to tree, communities gather members from many units, flows mostly run between people.
//! The generator keeps those shapes (and every invariant) so that what the benchmarks measure is
//! what a large district would cost. Same arguments, same map: the randomness is a seeded
//! generator of its own, so no dependency and no platform changes the result.

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Annotations, Boundary, CommunityStage, Direction, Element, ElementDetails, ElementId,
    ElementKind, FlowMode, Map, Medium, MemberRole, OfficeFunction, PartnerType, Point, Relation,
    RelationDetails, RelationId, Ring, RoutineStep, Scenario, ScenarioId, SiteLevel, SprintStatus,
    Stance, View,
};
use std::collections::BTreeMap;

/// SplitMix64: tiny, fast and good enough to scatter a district.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const OFFICE_NAMES: &[&str] = &[
    "Teaching & Learning",
    "Linked Learning",
    "Procurement",
    "Legal",
    "Human Resources",
    "Information Technology",
    "Family Engagement",
    "Special Education",
    "Assessment",
    "Facilities",
    "Finance",
    "Equity",
];
const SITE_NAMES: &[&str] = &[
    "Elementary",
    "Middle School",
    "High School",
    "Academy",
    "Pathway",
];
const COMMUNITY_NAMES: &[&str] = &[
    "Graduate Capstone",
    "Science Teachers",
    "Restorative Practice",
    "Early Literacy",
    "Data Inquiry",
    "New Principals",
];
const GIVEN: &[&str] = &[
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Femi", "Grace", "Hiro", "Ines", "Jamal", "Keiko",
    "Luis", "Maya", "Noor", "Omar", "Priya",
];
const FAMILY: &[&str] = &[
    "Okafor", "Reyes", "Chen", "Patel", "Nguyen", "Garcia", "Smith", "Haddad", "Kim", "Silva",
];

/// The most elements a synthetic district may have: ten times a large real district, and still a
/// map that fits in memory. Beyond it the generator would run out of memory (or overflow).
pub const MAX_ELEMENTS: usize = 200_000;

/// The element count `text` asks for, if a synthetic district can have it: a whole number from 1
/// to [`MAX_ELEMENTS`]. Zero, negative or huge numbers and words are refused with one message.
pub fn element_count(text: &str) -> Result<usize> {
    text.trim()
        .parse::<usize>()
        .map_err(|_| out_of_range(text))
        .and_then(bounded)
}

/// `elements` if a synthetic district can have that many, else the same refusal as [`element_count`].
pub fn bounded(elements: usize) -> Result<usize> {
    if (1..=MAX_ELEMENTS).contains(&elements) {
        Ok(elements)
    } else {
        Err(out_of_range(&elements.to_string()))
    }
}

fn out_of_range(asked: &str) -> CoreError {
    CoreError::new(
        ErrorKind::InvalidValue,
        format!("--elements must be a whole number between 1 and 200,000, not “{asked}”."),
    )
}

/// A valid map of `elements` elements and about `elements × relations_per_element` relations in
/// one scenario, the same for the same arguments. Roughly: 6% offices (a reports-to tree, some
/// nested as divisions), 5% sites, 4% communities (some nested as rings), 1% sprint teams,
/// 1% routines, 2% partners, the rest people inside offices and sites, most with a position and a
/// home base. Relations: the reports-to tree first, then flows (≈60%), memberships (≈30%) and
/// barriers (≈10%). Every non-group element has a position in the network view, near its group.
/// Callers that take the size from a user check it first with [`bounded`] or [`element_count`].
pub fn synthetic_map(elements: usize, relations_per_element: f64, seed: u64) -> Map {
    let mut dice = Dice(seed ^ 0x4D55_524D);
    let share = |p: f64| ((elements as f64 * p).round() as usize).max(1);
    let n_offices = share(0.06).min(elements.max(1));
    let n_sites = share(0.05);
    let n_communities = share(0.04);
    let n_sprints = share(0.01);
    let n_routines = share(0.01);
    let n_partners = share(0.02);

    let mut order: Vec<Element> = Vec::with_capacity(elements);
    let mut offices: Vec<usize> = Vec::new();
    let mut sites: Vec<usize> = Vec::new();
    let mut communities: Vec<usize> = Vec::new();
    let mut teams: Vec<usize> = Vec::new();
    let mut people: Vec<usize> = Vec::new();
    let id = |prefix: &str, i: usize| ElementId(format!("{prefix}-{i:05}"));
    let element = |id: ElementId, name: String, parent: Option<ElementId>, details| Element {
        id,
        name,
        parent,
        details,
        annotations: Annotations::default(),
    };

    let mut reports: Vec<(usize, usize)> = Vec::new();
    let mut plan = |kind: ElementKind, count: usize, dice: &mut Dice, order: &mut Vec<Element>| {
        for _ in 0..count {
            if order.len() >= elements {
                return;
            }
            let i = order.len();
            let e = match kind {
                ElementKind::Office => {
                    let parent = (offices.len() > 3 && dice.chance(0.3))
                        .then(|| order[*dice.pick(&offices)].id.clone());
                    if let Some(&boss) = offices.first() {
                        let boss = if dice.chance(0.7) {
                            boss
                        } else {
                            *dice.pick(&offices)
                        };
                        reports.push((i, boss));
                    }
                    offices.push(i);
                    element(
                        id("office", i),
                        format!("{} {}", dice.pick(OFFICE_NAMES), i),
                        parent,
                        ElementDetails::Office {
                            function: Some(*dice.pick(&[
                                OfficeFunction::Instruction,
                                OfficeFunction::Operations,
                                OfficeFunction::Leadership,
                            ])),
                            practice_culture: None,
                            stance: Some(*dice.pick(&[
                                Stance::Compliance,
                                Stance::Mixed,
                                Stance::Service,
                            ])),
                            headcount: Some(dice.below(60) as u32 + 1),
                            established: Some(1950 + dice.below(75) as i32),
                            hospiced: dice.chance(0.05),
                            boundary: *dice.pick(&[Boundary::Solid, Boundary::Permeable]),
                        },
                    )
                }
                ElementKind::Site => {
                    sites.push(i);
                    element(
                        id("site", i),
                        format!("Riverside {} {}", dice.pick(SITE_NAMES), i),
                        None,
                        ElementDetails::Site {
                            level: Some(*dice.pick(&[
                                SiteLevel::Elementary,
                                SiteLevel::Middle,
                                SiteLevel::High,
                                SiteLevel::Academy,
                            ])),
                            enrolment: Some(200 + dice.below(2000) as u32),
                            boundary: Boundary::Permeable,
                        },
                    )
                }
                ElementKind::Community => {
                    let parent = (communities.len() > 2 && dice.chance(0.2))
                        .then(|| order[*dice.pick(&communities)].id.clone());
                    communities.push(i);
                    element(
                        id("community", i),
                        format!("{} {}", dice.pick(COMMUNITY_NAMES), i),
                        parent,
                        ElementDetails::Community {
                            domain: "A shared concern".into(),
                            ring: *dice.pick(&[Ring::Practice, Ring::Engagement, Ring::Interest]),
                            cadence: "monthly".into(),
                            stage: *dice.pick(&[
                                CommunityStage::Coalescing,
                                CommunityStage::Active,
                                CommunityStage::Stewardship,
                            ]),
                            boundary: Boundary::Permeable,
                        },
                    )
                }
                ElementKind::SprintTeam => {
                    teams.push(i);
                    let mut e = element(
                        id("sprint", i),
                        format!("Sprint team {i}"),
                        None,
                        ElementDetails::SprintTeam {
                            purpose: "Redesign a program of study".into(),
                            status: *dice.pick(&[SprintStatus::Forming, SprintStatus::Active]),
                            boundary: Boundary::Open,
                        },
                    );
                    let year = 2015 + dice.below(10);
                    e.annotations.span.from = Some(format!("{year}-{:02}", 1 + dice.below(12)));
                    e.annotations.span.until = Some(format!("{}", year + 1 + dice.below(2)));
                    e
                }
                ElementKind::Routine => {
                    let steps = (0..3 + dice.below(4))
                        .map(|s| RoutineStep {
                            name: format!("Step {}", s + 1),
                            owner: Some(order[*dice.pick(&offices)].id.clone()),
                        })
                        .collect();
                    element(
                        id("routine", i),
                        format!("Routine {i}"),
                        None,
                        ElementDetails::Routine {
                            steps,
                            cycle_time_days: Some(dice.below(60) as u32 + 1),
                        },
                    )
                }
                ElementKind::Partner => element(
                    id("partner", i),
                    format!("Partner {i}"),
                    None,
                    ElementDetails::Partner {
                        partner_type: *dice.pick(&[
                            PartnerType::CommunityGroup,
                            PartnerType::Vendor,
                            PartnerType::University,
                            PartnerType::Funder,
                        ]),
                    },
                ),
                ElementKind::Person => {
                    let in_office = sites.is_empty() || dice.chance(0.6);
                    let group = if in_office {
                        *dice.pick(&offices)
                    } else {
                        *dice.pick(&sites)
                    };
                    let position = if in_office {
                        Some(order[group].id.clone())
                    } else if dice.chance(0.3) {
                        Some(order[*dice.pick(&offices)].id.clone())
                    } else {
                        None
                    };
                    let home_base = (!communities.is_empty() && dice.chance(0.6))
                        .then(|| order[*dice.pick(&communities)].id.clone());
                    // Each person reports to someone earlier in the same group, or to its office:
                    // always to an earlier element, so the reports-to lines can never loop.
                    let peers: Vec<usize> = people
                        .iter()
                        .rev()
                        .take(8)
                        .copied()
                        .filter(|&p| order[p].parent.as_ref() == Some(&order[group].id))
                        .collect();
                    match peers.last() {
                        Some(&lead) => reports.push((i, lead)),
                        None if in_office => reports.push((i, group)),
                        None => {}
                    }
                    people.push(i);
                    element(
                        id("person", i),
                        format!("{} {} {i}", dice.pick(GIVEN), dice.pick(FAMILY)),
                        Some(order[group].id.clone()),
                        ElementDetails::Person {
                            title: "Staff".into(),
                            position,
                            home_base,
                        },
                    )
                }
            };
            order.push(e);
        }
    };
    plan(ElementKind::Office, n_offices, &mut dice, &mut order);
    plan(ElementKind::Site, n_sites, &mut dice, &mut order);
    plan(ElementKind::Community, n_communities, &mut dice, &mut order);
    plan(ElementKind::SprintTeam, n_sprints, &mut dice, &mut order);
    plan(ElementKind::Routine, n_routines, &mut dice, &mut order);
    plan(ElementKind::Partner, n_partners, &mut dice, &mut order);
    let rest = elements.saturating_sub(order.len());
    plan(ElementKind::Person, rest, &mut dice, &mut order);

    let total = (elements as f64 * relations_per_element).round() as usize;
    let mut relations: BTreeMap<RelationId, Relation> = BTreeMap::new();
    let mut add = |source: usize, target: usize, details: RelationDetails| {
        let id = RelationId(format!("rel-{:06}", relations.len()));
        relations.insert(
            id.clone(),
            Relation {
                id,
                source: order[source].id.clone(),
                target: order[target].id.clone(),
                details,
                annotations: Annotations::default(),
            },
        );
    };
    let mut made = 0usize;
    for &(source, target) in reports.iter().take(total) {
        add(source, target, RelationDetails::ReportsTo);
        made += 1;
    }
    let joinable: Vec<usize> = communities.iter().chain(teams.iter()).copied().collect();
    let n = order.len();
    while made < total && n > 0 {
        let roll = dice.unit();
        let from = if people.is_empty() || dice.chance(0.2) {
            dice.below(n)
        } else {
            *dice.pick(&people)
        };
        if roll < 0.3 && !joinable.is_empty() {
            let to = *dice.pick(&joinable);
            let role = *dice.pick(&[MemberRole::Core, MemberRole::Active, MemberRole::Peripheral]);
            add(from, to, RelationDetails::MemberOf { role });
        } else if roll < 0.4 {
            add(
                from,
                dice.below(n),
                RelationDetails::Barrier {
                    reason: "Not allowed to work at sites".into(),
                    checked: dice.chance(0.3),
                },
            );
        } else {
            let to = if people.is_empty() || dice.chance(0.3) {
                dice.below(n)
            } else {
                *dice.pick(&people)
            };
            add(
                from,
                to,
                RelationDetails::Flow {
                    medium: *dice.pick(&Medium::ALL),
                    direction: *dice.pick(&[Direction::OneWay, Direction::Both]),
                    volume: 1 + dice.below(5) as u8,
                    cadence: String::new(),
                    mode: *dice.pick(&[FlowMode::Support, FlowMode::Monitor]),
                },
            );
        }
        made += 1;
    }

    // Groups sit on a coarse grid; their members scatter around them.
    let mut centre: BTreeMap<ElementId, Point> = BTreeMap::new();
    let side = ((n as f64).sqrt().ceil() as usize).max(1);
    let mut points = BTreeMap::new();
    for (i, e) in order.iter().enumerate() {
        let grid = Point {
            x: (i % side) as f64 * 120.0,
            y: (i / side) as f64 * 120.0,
        };
        if e.kind().is_group() {
            centre.insert(e.id.clone(), grid);
            continue;
        }
        let at = match e.parent.as_ref().and_then(|p| centre.get(p)) {
            Some(c) => Point {
                x: c.x + (dice.unit() - 0.5) * 400.0,
                y: c.y + (dice.unit() - 0.5) * 400.0,
            },
            None => grid,
        };
        points.insert(e.id.clone(), at);
    }
    let mut positions = BTreeMap::new();
    if !points.is_empty() {
        positions.insert(View::Network, points);
    }

    Map {
        title: format!("Synthetic district ({elements} elements)"),
        scenarios: vec![Scenario {
            id: ScenarioId(format!("synthetic-{seed}")),
            name: "As is".into(),
            elements: order.into_iter().map(|e| (e.id.clone(), e)).collect(),
            relations,
            positions,
        }],
        scenes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every whole number in range is accepted as itself; everything else is refused, and
        /// the refusal names the allowed range and what was asked for.
        #[test]
        fn element_counts_outside_the_range_are_refused(
            n in prop_oneof![any::<i128>(), -10i128..300_000]
        ) {
            let text = n.to_string();
            match element_count(&text) {
                Ok(count) => prop_assert!((1..=200_000).contains(&n) && count as i128 == n),
                Err(error) => {
                    prop_assert!(!(1..=200_000).contains(&n));
                    prop_assert_eq!(error.kind, ErrorKind::InvalidValue);
                    prop_assert!(error.message.contains("between 1 and 200,000"));
                    prop_assert!(error.message.contains(&text));
                }
            }
        }

        #[test]
        fn words_are_refused(text in "\\PC*") {
            prop_assume!(text.trim().parse::<usize>().is_err());
            prop_assert!(element_count(&text).is_err());
        }
    }

    #[test]
    fn the_limits_themselves() {
        assert_eq!(element_count("1").ok(), Some(1));
        assert_eq!(element_count(" 200000 ").ok(), Some(MAX_ELEMENTS));
        assert!(element_count("200001").is_err());
        assert!(bounded(0).is_err());
        assert!(bounded(usize::MAX).is_err());
    }
}
