//! Synthetic districts of any size, for benchmarks and for trying the canvas on big maps.
//!
//! Real district maps are not random graphs: people sit inside offices and sites, offices form a
//! reports-to tree, communities gather members from many units, flows mostly run between people.
//! The generator keeps those shapes (and every invariant) so that what the benchmarks measure is
//! what a large district would cost. Same arguments, same map: the randomness is a seeded
//! generator of its own, so no dependency and no platform changes the result.

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Annotations, Boundary, CommunityStage, Date, Direction, Element, ElementDetails, ElementId,
    ElementKind, FlowMode, Map, Medium, MemberRole, OfficeFunction, PartnerType, Point, Relation,
    RelationDetails, RelationId, Ring, RoutineStep, RuleLevel, Scenario, ScenarioId, SiteLevel,
    SprintStatus, Stance, View,
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
/// 1% routines, 2% partners, 1% rules (board policy, procedural policy and practice in turn, owned
/// by offices), the rest people inside offices and sites, most with a position and a home base.
/// Relations: the reports-to tree first, then each rule's line to the rule above it and to what it
/// governs, then flows (≈60%), memberships (≈30%) and barriers (≈10%, half claiming a rule). Every non-group element has a position in the network view, near its group.
/// Callers that take the size from a user check it first with [`bounded`] or [`element_count`].
pub fn synthetic_map(elements: usize, relations_per_element: f64, seed: u64) -> Map {
    let mut dice = Dice(seed ^ 0x4D55_524D);
    let share = |p: f64| ((elements as f64 * p).round() as usize).max(1);
    let mut draft = Draft {
        limit: elements,
        ..Draft::default()
    };
    // The order of kinds (and of every throw of the dice) is what makes a seed's map the same.
    draft.plan(
        ElementKind::Office,
        share(0.06).min(elements.max(1)),
        &mut dice,
    );
    draft.plan(ElementKind::Site, share(0.05), &mut dice);
    draft.plan(ElementKind::Community, share(0.04), &mut dice);
    draft.plan(ElementKind::SprintTeam, share(0.01), &mut dice);
    draft.plan(ElementKind::Routine, share(0.01), &mut dice);
    draft.plan(ElementKind::Partner, share(0.02), &mut dice);
    draft.plan(ElementKind::Rule, share(0.01), &mut dice);
    let rest = elements.saturating_sub(draft.order.len());
    draft.plan(ElementKind::Person, rest, &mut dice);

    let total = (elements as f64 * relations_per_element).round() as usize;
    let relations = draft.relations(total, &mut dice);
    let positions = positions(&draft.order, &mut dice);
    Map {
        title: format!("Synthetic district ({elements} elements)"),
        scenarios: vec![Scenario {
            id: ScenarioId(format!("synthetic-{seed}")),
            name: "As is".into(),
            elements: draft.order.into_iter().map(|e| (e.id.clone(), e)).collect(),
            relations,
            positions,
        }],
        scenes: Vec::new(),
    }
}

/// The elements made so far, in order, and the indexes of each kind the next ones draw on.
#[derive(Default)]
struct Draft {
    limit: usize,
    order: Vec<Element>,
    offices: Vec<usize>,
    sites: Vec<usize>,
    communities: Vec<usize>,
    teams: Vec<usize>,
    people: Vec<usize>,
    rules: Vec<usize>,
    /// (report, superior), by index: always to an earlier element, so the lines never loop.
    reports: Vec<(usize, usize)>,
}

fn id(prefix: &str, i: usize) -> ElementId {
    ElementId(format!("{prefix}-{i:05}"))
}

fn element(
    id: ElementId,
    name: String,
    parent: Option<ElementId>,
    details: ElementDetails,
) -> Element {
    Element {
        id,
        name,
        parent,
        details,
        annotations: Annotations::default(),
    }
}

impl Draft {
    /// Adds up to `count` elements of `kind`, never past the map's size.
    fn plan(&mut self, kind: ElementKind, count: usize, dice: &mut Dice) {
        for _ in 0..count {
            if self.order.len() >= self.limit {
                return;
            }
            let i = self.order.len();
            let e = match kind {
                ElementKind::Office => self.office(i, dice),
                ElementKind::Site => self.site(i, dice),
                ElementKind::Community => self.community(i, dice),
                ElementKind::SprintTeam => self.sprint_team(i, dice),
                ElementKind::Routine => self.routine(i, dice),
                ElementKind::Partner => partner(i, dice),
                ElementKind::Person => self.person(i, dice),
                ElementKind::Rule => self.rule(i, dice),
            };
            self.order.push(e);
        }
    }

    /// An office, perhaps nested as a division, reporting to the first office (or another).
    fn office(&mut self, i: usize, dice: &mut Dice) -> Element {
        let parent = (self.offices.len() > 3 && dice.chance(0.3))
            .then(|| self.order[*dice.pick(&self.offices)].id.clone());
        if let Some(&boss) = self.offices.first() {
            let boss = if dice.chance(0.7) {
                boss
            } else {
                *dice.pick(&self.offices)
            };
            self.reports.push((i, boss));
        }
        self.offices.push(i);
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
                stance: Some(*dice.pick(&[Stance::Compliance, Stance::Mixed, Stance::Service])),
                headcount: Some(dice.below(60) as u32 + 1),
                established: Some(1950 + dice.below(75) as i32),
                hospiced: dice
                    .chance(0.05)
                    .then(|| Date::from(format!("{}", 2015 + dice.below(10)))),
                boundary: *dice.pick(&[Boundary::Solid, Boundary::Permeable]),
            },
        )
    }

    /// A site.
    fn site(&mut self, i: usize, dice: &mut Dice) -> Element {
        self.sites.push(i);
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

    /// A community, perhaps nested in another as a ring.
    fn community(&mut self, i: usize, dice: &mut Dice) -> Element {
        let parent = (self.communities.len() > 2 && dice.chance(0.2))
            .then(|| self.order[*dice.pick(&self.communities)].id.clone());
        self.communities.push(i);
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

    /// A sprint team with a span of a year or two, since ended (its status agrees with its end).
    fn sprint_team(&mut self, i: usize, dice: &mut Dice) -> Element {
        self.teams.push(i);
        let mut e = element(
            id("sprint", i),
            format!("Sprint team {i}"),
            None,
            ElementDetails::SprintTeam {
                purpose: "Redesign a program of study".into(),
                status: *dice.pick(&[SprintStatus::Dissolved, SprintStatus::AbsorbedIntoRoutine]),
                boundary: Boundary::Open,
            },
        );
        let year = 2015 + dice.below(10);
        e.annotations.span.from = Some(format!("{year}-{:02}", 1 + dice.below(12)).into());
        e.annotations.span.until = Some(format!("{}", year + 1 + dice.below(2)).into());
        e
    }

    /// A routine whose steps offices own.
    fn routine(&mut self, i: usize, dice: &mut Dice) -> Element {
        let steps = (0..3 + dice.below(4))
            .map(|s| RoutineStep {
                name: format!("Step {}", s + 1),
                owner: Some(self.order[*dice.pick(&self.offices)].id.clone()),
                days: Some(dice.below(15) as u32 + 1),
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

    /// A rule: board policy, procedural policy and practice in turn, most owned by an office.
    fn rule(&mut self, i: usize, dice: &mut Dice) -> Element {
        self.rules.push(self.order.len());
        let level = RuleLevel::ALL[self.rules.len() % 3];
        let owner = (!self.offices.is_empty() && dice.chance(0.8))
            .then(|| self.order[*dice.pick(&self.offices)].id.clone());
        element(
            id("rule", i),
            format!("Rule {i}"),
            None,
            ElementDetails::Rule { level, owner },
        )
    }

    /// Each rule below board policy derives from an earlier rule one level up; each governs one
    /// office, site or routine. Earlier rules only, so "derives from" never loops.
    fn cascade(&self, dice: &mut Dice) -> Vec<(usize, usize, RelationDetails)> {
        let level = |i: usize| match self.order[i].details {
            ElementDetails::Rule { level, .. } => level,
            _ => unreachable!("only rules are listed as rules"),
        };
        let governable: Vec<usize> = self.offices.iter().chain(&self.sites).copied().collect();
        let mut lines = Vec::new();
        for (k, &rule) in self.rules.iter().enumerate() {
            let above: Vec<usize> = self.rules[..k]
                .iter()
                .copied()
                .filter(|&r| level(r) < level(rule))
                .collect();
            if !above.is_empty() {
                lines.push((rule, *dice.pick(&above), RelationDetails::DerivesFrom));
            }
            if !governable.is_empty() {
                let step = None;
                lines.push((
                    rule,
                    *dice.pick(&governable),
                    RelationDetails::Governs { step },
                ));
            }
        }
        lines
    }

    /// A person in an office or a site, most with a position and a home base.
    fn person(&mut self, i: usize, dice: &mut Dice) -> Element {
        let in_office = self.sites.is_empty() || dice.chance(0.6);
        let group = if in_office {
            *dice.pick(&self.offices)
        } else {
            *dice.pick(&self.sites)
        };
        let position = if in_office {
            Some(self.order[group].id.clone())
        } else if dice.chance(0.3) {
            Some(self.order[*dice.pick(&self.offices)].id.clone())
        } else {
            None
        };
        let home_base = (!self.communities.is_empty() && dice.chance(0.6))
            .then(|| self.order[*dice.pick(&self.communities)].id.clone());
        // Each person self.reports to someone earlier in the same group, or to its office:
        // always to an earlier element, so the self.reports-to lines can never loop.
        let peers: Vec<usize> = self
            .people
            .iter()
            .rev()
            .take(8)
            .copied()
            .filter(|&p| self.order[p].parent.as_ref() == Some(&self.order[group].id))
            .collect();
        match peers.last() {
            Some(&lead) => self.reports.push((i, lead)),
            None if in_office => self.reports.push((i, group)),
            None => {}
        }
        self.people.push(i);
        element(
            id("person", i),
            format!("{} {} {i}", dice.pick(GIVEN), dice.pick(FAMILY)),
            Some(self.order[group].id.clone()),
            ElementDetails::Person {
                title: "Staff".into(),
                position,
                home_base,
            },
        )
    }

    /// The reports-to tree first, then flows, memberships and barriers up to `total` relations.
    fn relations(&self, total: usize, dice: &mut Dice) -> BTreeMap<RelationId, Relation> {
        let mut relations: BTreeMap<RelationId, Relation> = BTreeMap::new();
        let mut add = |source: usize, target: usize, details: RelationDetails| {
            let id = RelationId(format!("rel-{:06}", relations.len()));
            relations.insert(
                id.clone(),
                Relation {
                    id,
                    source: self.order[source].id.clone(),
                    target: self.order[target].id.clone(),
                    details,
                    annotations: Annotations::default(),
                },
            );
        };
        let mut made = 0usize;
        for &(source, target) in self.reports.iter().take(total) {
            add(source, target, RelationDetails::ReportsTo);
            made += 1;
        }
        for (source, target, details) in self.cascade(dice) {
            if made < total {
                add(source, target, details);
                made += 1;
            }
        }
        let joinable: Vec<usize> = self
            .communities
            .iter()
            .chain(self.teams.iter())
            .copied()
            .collect();
        let n = self.order.len();
        while made < total && n > 0 {
            let roll = dice.unit();
            let from = if self.people.is_empty() || dice.chance(0.2) {
                dice.below(n)
            } else {
                *dice.pick(&self.people)
            };
            if roll < 0.3 && !joinable.is_empty() {
                let to = *dice.pick(&joinable);
                let role =
                    *dice.pick(&[MemberRole::Core, MemberRole::Active, MemberRole::Peripheral]);
                add(from, to, RelationDetails::MemberOf { role });
            } else if roll < 0.4 {
                add(
                    from,
                    dice.below(n),
                    RelationDetails::Barrier {
                        reason: "Not allowed to work at self.sites".into(),
                        checked: dice.chance(0.3),
                        claims: (!self.rules.is_empty() && dice.chance(0.5))
                            .then(|| self.order[*dice.pick(&self.rules)].id.clone()),
                    },
                );
            } else {
                let to = if self.people.is_empty() || dice.chance(0.3) {
                    dice.below(n)
                } else {
                    *dice.pick(&self.people)
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
        relations
    }
}

/// A partner.
fn partner(i: usize, dice: &mut Dice) -> Element {
    element(
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
    )
}

/// Every non-group element's place in the network view, near its group.
fn positions(order: &[Element], dice: &mut Dice) -> BTreeMap<View, BTreeMap<ElementId, Point>> {
    let n = order.len();
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
    positions
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
