//! The District Operating System's lenses (004, 003) on a small purchasing story worked out by
//! hand: the cascade and one rule's trace, the Operating System lens (permission chains, cycle
//! times, DOS offices' stances, flows with nothing coming back, and the moves they suggest), the
//! instructional core — each verdict's words pinned — and rules kept out of the network lenses.

use murmuration_core::analysis::cascade::{trace, CascadeMark};
use murmuration_core::analysis::moves::MoveVerb;
use murmuration_core::analysis::operating_system::DosStance;
use murmuration_core::analysis::{analyze, Analysis};
use murmuration_core::error::ErrorKind;
use murmuration_core::model::*;

struct Draw {
    sc: Scenario,
    n: usize,
}

impl Draw {
    fn el(&mut self, id: &str, name: &str, details: ElementDetails, parent: Option<&str>) {
        self.sc.elements.insert(
            id.into(),
            Element {
                id: id.into(),
                name: name.into(),
                parent: parent.map(ElementId::from),
                details,
                annotations: Annotations::default(),
            },
        );
    }

    fn office(
        &mut self,
        id: &str,
        name: &str,
        function: Option<OfficeFunction>,
        stance: Option<Stance>,
    ) {
        let mut d = ElementDetails::default_for(ElementKind::Office);
        if let ElementDetails::Office {
            function: f,
            stance: s,
            ..
        } = &mut d
        {
            *f = function;
            *s = stance;
        }
        self.el(id, name, d, None);
    }

    fn rule(&mut self, id: &str, name: &str, level: RuleLevel, owner: Option<&str>) {
        self.el(
            id,
            name,
            ElementDetails::Rule {
                level,
                owner: owner.map(ElementId::from),
            },
            None,
        );
    }

    fn rel(&mut self, s: &str, t: &str, details: RelationDetails) {
        self.n += 1;
        let id = RelationId(format!("r{:03}", self.n));
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
    }

    fn flow(&mut self, s: &str, t: &str, medium: Medium, mode: FlowMode) {
        self.rel(
            s,
            t,
            RelationDetails::Flow {
                medium,
                direction: Direction::OneWay,
                volume: 3,
                cadence: String::new(),
                mode,
            },
        );
    }

    fn barrier(&mut self, s: &str, t: &str, reason: &str, claims: Option<&str>) {
        self.rel(
            s,
            t,
            RelationDetails::Barrier {
                reason: reason.into(),
                checked: false,
                claims: claims.map(ElementId::from),
            },
        );
    }

    fn map(&self) -> Map {
        Map {
            title: "Purchasing".into(),
            scenarios: vec![self.sc.clone()],
            scenes: Vec::new(),
        }
    }
}

fn steps(days: [u32; 5]) -> Vec<RoutineStep> {
    let owners = ["rhs", "budget", "proc", "legal", "proc"];
    let names = [
        "Request",
        "Budget check",
        "Quotes",
        "Legal review",
        "Purchase order",
    ];
    (0..5)
        .map(|k| RoutineStep {
            name: names[k].into(),
            owner: Some(owners[k].into()),
            days: Some(days[k]),
        })
        .collect()
}

/// A high school buying water-testing kits: a 47-day purchasing routine, permission flows through
/// Budget, Procurement and Legal, a compliance office watching from afar, and a small cascade with
/// a habit, a policy on paper only and a barrier that claims no rule.
fn purchasing(days: [u32; 5]) -> Draw {
    let mut d = Draw {
        sc: Scenario::empty("As is"),
        n: 0,
    };
    use FlowMode::{Monitor, Support};
    use OfficeFunction::{Instruction, Operations};
    d.office("budget", "Budget", Some(Operations), None);
    d.office("legal", "Legal", Some(Operations), Some(Stance::Service));
    d.office(
        "proc",
        "Procurement",
        Some(Operations),
        Some(Stance::Service),
    );
    d.office(
        "ra",
        "Research & Accountability",
        None,
        Some(Stance::Compliance),
    );
    d.office("tl", "Teaching & Learning", Some(Instruction), None);
    d.el(
        "rhs",
        "Riverside High",
        ElementDetails::default_for(ElementKind::Site),
        None,
    );
    let mut teacher = ElementDetails::default_for(ElementKind::Person);
    if let ElementDetails::Person { title, .. } = &mut teacher {
        *title = "Science teacher".into();
    }
    d.el("t1", "Ana Ortiz", teacher, Some("rhs"));
    d.el(
        "pln",
        "Science teachers",
        ElementDetails::default_for(ElementKind::Community),
        None,
    );
    d.rel(
        "t1",
        "pln",
        RelationDetails::default_for(RelationKind::MemberOf),
    );
    d.el(
        "buy",
        "Purchasing",
        ElementDetails::Routine {
            steps: steps(days),
            cycle_time_days: None,
        },
        None,
    );
    d.flow("rhs", "proc", Medium::Permission, Support);
    d.flow("proc", "legal", Medium::Permission, Support);
    d.flow("rhs", "budget", Medium::Permission, Support);
    d.flow("proc", "rhs", Medium::Information, Support);
    d.flow("tl", "rhs", Medium::Ideas, Support);
    d.flow("rhs", "tl", Medium::Feedback, Support);
    d.flow("ra", "tl", Medium::Information, Monitor);
    d.flow("ra", "tl", Medium::Information, Monitor);
    d.rule("bp", "Timely purchasing", RuleLevel::BoardPolicy, None);
    d.rule(
        "pp",
        "Purchasing procedure",
        RuleLevel::ProceduralPolicy,
        Some("proc"),
    );
    d.rule(
        "pr",
        "Three quotes for any purchase",
        RuleLevel::ProceduralPractice,
        Some("proc"),
    );
    d.rule(
        "hab",
        "Legal reads every order",
        RuleLevel::ProceduralPractice,
        Some("legal"),
    );
    d.rule(
        "paper",
        "Teacher-led purchasing",
        RuleLevel::BoardPolicy,
        None,
    );
    d.rel("pp", "bp", RelationDetails::DerivesFrom);
    d.rel("pr", "pp", RelationDetails::DerivesFrom);
    d.rel("pr", "buy", RelationDetails::Governs { step: Some(3) });
    d.rel("hab", "buy", RelationDetails::Governs { step: Some(4) });
    d.barrier("tl", "rhs", "Forbidden by contract", None);
    d.barrier("rhs", "legal", "Three quotes, always", Some("pr"));
    d
}

const AS_IS: [u32; 5] = [2, 5, 20, 15, 5];
const TO_BE: [u32; 5] = [1, 2, 3, 2, 2];

fn analysed(days: [u32; 5]) -> Analysis {
    let map = purchasing(days).map();
    murmuration_core::ops::validate_map(&map).expect("the fixture is a valid map");
    analyze(&map, &map.scenarios[0].id)
}

fn words_of(a: &Analysis, verb: MoveVerb) -> Vec<String> {
    a.moves
        .iter()
        .filter(|m| m.verb == verb)
        .map(|m| m.words.clone())
        .collect()
}

#[test]
fn the_cascade_marks_habit_paper_only_and_the_unchecked_rule() {
    let c = analysed(AS_IS).cascade;
    let names = |v: &[murmuration_core::analysis::Named]| {
        v.iter().map(|n| n.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&c.habits), ["Legal reads every order"]);
    assert_eq!(names(&c.paper_only), ["Teacher-led purchasing"]);
    let levels: Vec<&str> = c.rules.iter().map(|r| r.level_label.as_str()).collect();
    assert_eq!(
        levels,
        [
            "Board policy",
            "Board policy",
            "Procedural policy",
            "Procedural practice",
            "Procedural practice"
        ]
    );
    let pr = c.rules.iter().find(|r| r.rule.id == "pr".into()).unwrap();
    assert_eq!(pr.mark, None);
    assert_eq!(
        pr.words,
        "Procedural practice “Three quotes for any purchase”, owned by Procurement: derives from Purchasing procedure; governs step 3 “Quotes” of Purchasing"
    );
    let hab = c.rules.iter().find(|r| r.rule.id == "hab".into()).unwrap();
    assert_eq!(hab.mark, Some(CascadeMark::Habit));
    assert_eq!(
        hab.words,
        "Procedural practice “Legal reads every order”, owned by Legal: governs step 4 “Legal review” of Purchasing; habit: a practice with no policy above it, only “how things are done here”"
    );
    let paper = c
        .rules
        .iter()
        .find(|r| r.rule.id == "paper".into())
        .unwrap();
    assert_eq!(
        paper.words,
        "Board policy “Teacher-led purchasing”: paper only: a policy with no practice below it, a tree falling in the forest"
    );
    assert_eq!(
        c.unchecked_rules.len(),
        1,
        "the barrier claiming a real rule is not listed"
    );
    assert_eq!(
        c.unchecked_rules[0].words,
        "Teaching & Learning → Riverside High (“Forbidden by contract”): an unchecked rule — it claims no rule on the map"
    );
    assert_eq!(
        c.words,
        "5 rules: 2 board policies, 1 procedural policy, 2 practices; habit, with no policy above: Legal reads every order; paper only, with no practice below: Teacher-led purchasing; 1 barrier claims a rule that does not exist: Forbidden by contract"
    );
}

#[test]
fn a_barrier_claiming_a_rule_the_scenario_does_not_hold_is_unchecked() {
    let mut d = purchasing(AS_IS);
    d.barrier("ra", "rhs", "", Some("gone"));
    let c = murmuration_core::analysis::cascade::cascade(&d.sc);
    assert_eq!(
        c.unchecked_rules.iter().map(|u| u.words.as_str()).collect::<Vec<_>>(),
        [
            "Teaching & Learning → Riverside High (“Forbidden by contract”): an unchecked rule — it claims no rule on the map",
            "Research & Accountability → Riverside High (no reason given): an unchecked rule — it claims a rule this scenario does not hold",
        ]
    );
}

#[test]
fn a_trace_runs_from_the_board_policy_down_to_the_routine_step() {
    let map = purchasing(AS_IS).map();
    let sc = map.scenarios[0].id.clone();
    let t = trace(&map, &sc, &"bp".into()).unwrap();
    let down: Vec<&str> = t.down.iter().map(|r| r.rule.name.as_str()).collect();
    assert_eq!(
        down,
        ["Purchasing procedure", "Three quotes for any purchase"]
    );
    assert!(t.up.is_empty());
    assert_eq!(t.ground.len(), 1);
    assert_eq!(t.ground[0].element.id, "buy".into());
    assert_eq!(t.ground[0].step, Some(3));
    assert_eq!(
        t.words,
        "Board policy “Timely purchasing”: a board policy, the top of its cascade; on the ground through 2 rules it governs step 3 “Quotes” of Purchasing"
    );
    // Both derives-from lines and the governs line, for the view to bring forward.
    assert_eq!(t.relations.len(), 3);
    assert!(t.elements.contains(&"buy".into()) && t.elements.contains(&"pp".into()));

    let up = trace(&map, &sc, &"pr".into()).unwrap();
    let names: Vec<&str> = up.up.iter().map(|r| r.rule.name.as_str()).collect();
    assert_eq!(names, ["Purchasing procedure", "Timely purchasing"]);
    assert_eq!(
        up.words,
        "Procedural practice “Three quotes for any purchase”: under board policy Timely purchasing; on the ground it governs step 3 “Quotes” of Purchasing"
    );
    let habit = trace(&map, &sc, &"hab".into()).unwrap();
    assert_eq!(
        habit.words,
        "Procedural practice “Legal reads every order”: no policy above it; on the ground it governs step 4 “Legal review” of Purchasing"
    );
    let paper = trace(&map, &sc, &"paper".into()).unwrap();
    assert_eq!(
        paper.words,
        "Board policy “Teacher-led purchasing”: a board policy, the top of its cascade; nothing on the ground: no rule at or below it governs anything"
    );
}

#[test]
fn a_trace_of_what_is_not_a_rule_says_so() {
    let map = purchasing(AS_IS).map();
    let sc = map.scenarios[0].id.clone();
    let e = trace(&map, &sc, &"proc".into()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownElement);
    assert_eq!(
        e.message,
        "“Procurement” is not a rule: only a rule has a cascade to trace."
    );
    let e = trace(&map, &ScenarioId("nope".into()), &"bp".into()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownScenario);
}

#[test]
fn the_purchasing_routine_reads_47_days_as_is_and_10_to_be() {
    let as_is = analysed(AS_IS).operating_system;
    let buy = &as_is.routines[0];
    assert_eq!(buy.days, Some(47));
    assert!(buy.from_steps);
    assert_eq!(
        buy.words,
        "Purchasing: 47 days over 5 steps; Procurement holds it longest, 25 days (53%); the slowest step is “Quotes”, 20 days"
    );
    let owners: Vec<(String, u32)> = buy
        .by_owner
        .iter()
        .map(|o| (o.owner.as_ref().unwrap().name.clone(), o.days))
        .collect();
    assert_eq!(
        owners,
        [
            ("Procurement".into(), 25),
            ("Legal".into(), 15),
            ("Budget".into(), 5),
            ("Riverside High".into(), 2)
        ]
    );
    let to_be = analysed(TO_BE).operating_system;
    assert_eq!(to_be.routines[0].days, Some(10));
}

#[test]
fn a_routine_without_step_days_reads_its_recorded_cycle_time() {
    let mut d = purchasing(AS_IS);
    d.el(
        "hire",
        "Hiring",
        ElementDetails::Routine {
            steps: vec![RoutineStep {
                name: "Post".into(),
                owner: None,
                days: None,
            }],
            cycle_time_days: Some(60),
        },
        None,
    );
    let map = d.map();
    let os = analyze(&map, &map.scenarios[0].id).operating_system;
    let hire = os
        .routines
        .iter()
        .find(|r| r.routine.name == "Hiring")
        .unwrap();
    assert_eq!(hire.days, Some(60));
    assert!(!hire.from_steps);
    assert_eq!(
        hire.words,
        "Hiring: 60 days (its recorded cycle time; no step says how long it takes)"
    );
    assert_eq!(os.routines[0].routine.name, "Hiring", "slowest first");
}

#[test]
fn the_permission_chain_names_the_offices_that_must_say_yes() {
    let os = analysed(AS_IS).operating_system;
    let words: Vec<&str> = os.chains.iter().map(|c| c.words.as_str()).collect();
    assert_eq!(
        words,
        [
            "Purchasing, from Riverside High: 5 steps, 3 offices must say yes — Budget, Procurement and Legal; 47 days",
            "Riverside High: 3 offices must say yes before it gets a resource — Budget, Procurement and Legal; the chain runs 2 steps of permission flows",
        ],
        "as many offices: the chain with its days first"
    );
    let legal = os.chains[1]
        .steps
        .iter()
        .find(|s| s.name == "Legal")
        .unwrap();
    assert_eq!(
        legal.step, 2,
        "Legal is asked by Procurement, not by the school"
    );
}

#[test]
fn each_dos_office_reads_service_given_against_permission_demanded() {
    let os = analysed(AS_IS).operating_system;
    let got: Vec<(&str, DosStance, &str)> = os
        .offices
        .iter()
        .map(|o| (o.office.name.as_str(), o.stance, o.words.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Budget", DosStance::Gatekeeper, "Budget: more permission demanded than service given: a gatekeeper, not a service centre — 1 permission flow ends at it and it sends 0 monitoring flows, against 0 service flows out"),
            ("Legal", DosStance::Gatekeeper, "Legal: more permission demanded than service given: a gatekeeper, not a service centre — 1 permission flow ends at it and it sends 0 monitoring flows, against 0 service flows out (the map calls it service)"),
            ("Procurement", DosStance::Mixed, "Procurement: as much permission demanded as service given — 1 permission flow ends at it and it sends 0 monitoring flows, against 1 service flow out"),
        ]
    );
    assert!(
        os.offices
            .iter()
            .all(|o| o.office.name != "Research & Accountability"),
        "only operations offices are the DOS"
    );
}

#[test]
fn flows_with_nothing_coming_back_are_open_loops() {
    let os = analysed(AS_IS).operating_system;
    assert_eq!(os.open_loop_count, 4);
    let words: Vec<&str> = os.open_loops.iter().map(|l| l.words.as_str()).collect();
    assert_eq!(
        words,
        [
            "Procurement → Legal (permission): nothing comes back — no feedback or other flow from Legal to Procurement",
            "Riverside High → Budget (permission): nothing comes back — no feedback or other flow from Budget to Riverside High",
            "Research & Accountability → Teaching & Learning (information): nothing comes back — no feedback or other flow from Teaching & Learning to Research & Accountability",
            "Research & Accountability → Teaching & Learning (information): nothing comes back — no feedback or other flow from Teaching & Learning to Research & Accountability",
        ]
    );
    assert_eq!(
        analysed(AS_IS).operating_system.words,
        "Longest permission chain: Purchasing (3 offices must say yes); slowest routine: Purchasing, 47 days; 2 of 3 DOS offices demand more permission than they give service; 4 flows with nothing coming back"
    );
}

#[test]
fn the_instructional_core_finds_loose_coupling() {
    let ic = analysed(AS_IS).instructional_core;
    let core: Vec<&str> = ic.core.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(core, ["Science teachers", "Riverside High"]);
    let got: Vec<(&str, Option<u32>, bool)> = ic
        .offices
        .iter()
        .map(|o| (o.office.name.as_str(), o.steps, o.loose_coupling))
        .collect();
    assert_eq!(
        got,
        [
            ("Research & Accountability", Some(2), true),
            ("Legal", Some(2), false),
            ("Budget", Some(1), false),
            ("Procurement", Some(1), false),
            ("Teaching & Learning", Some(1), false),
        ]
    );
    assert_eq!(
        ic.offices[0].words,
        "Research & Accountability: 2 steps of flows from the instructional core; the nearest classroom site or teacher team is Riverside High; it sends 2 monitoring flows toward the core and 0 support flows: loose coupling — it manages the structures around instruction from a distance, not instruction"
    );
    assert_eq!(
        ic.offices[2].words,
        "Budget: 1 step of flows from the instructional core, next to Riverside High"
    );
    assert_eq!(
        ic.words,
        "3 of 5 offices within one step of flows of a classroom site or teacher team; farthest: Legal (2 steps); loose coupling at Research & Accountability"
    );
}

#[test]
fn a_team_whose_members_teach_is_at_the_core() {
    let mut d = purchasing(AS_IS);
    let mut coach = ElementDetails::default_for(ElementKind::Person);
    if let ElementDetails::Person { title, .. } = &mut coach {
        *title = "Teacher on special assignment".into();
    }
    d.el("t2", "Sam Lee", coach, None);
    d.el(
        "team",
        "Kits sprint",
        ElementDetails::default_for(ElementKind::SprintTeam),
        None,
    );
    d.rel(
        "t2",
        "team",
        RelationDetails::default_for(RelationKind::MemberOf),
    );
    d.flow("legal", "team", Medium::Information, FlowMode::Support);
    let map = d.map();
    let ic = analyze(&map, &map.scenarios[0].id).instructional_core;
    assert!(ic.core.iter().any(|n| n.name == "Kits sprint"));
    let legal = ic
        .offices
        .iter()
        .find(|o| o.office.name == "Legal")
        .unwrap();
    assert_eq!(legal.steps, Some(1));
    assert_eq!(legal.nearest.as_ref().unwrap().name, "Kits sprint");
}

#[test]
fn the_system_lenses_suggest_connect_illuminate_and_hospice() {
    let a = analysed(AS_IS);
    assert_eq!(
        words_of(&a, MoveVerb::Connect),
        [
            "connect: Legal and Riverside High — no flow between them, a barrier nobody has checked (“Three quotes, always”)",
            "connect: Riverside High and Teaching & Learning — 2 flows between them, a barrier nobody has checked (“Forbidden by contract”)",
            "connect: Budget and Riverside High — 1 permission flow ends at it: offer a service flow instead of a permission gate",
            "connect: Legal and Procurement — 1 permission flow ends at it: offer a service flow instead of a permission gate",
            "connect: Procurement and Riverside High — 1 permission flow ends at it: offer a service flow instead of a permission gate",
        ]
    );
    let illuminate = words_of(&a, MoveVerb::Illuminate);
    let system: Vec<&String> = illuminate
        .iter()
        .filter(|w| w.contains("permission chain") || w.contains("routine"))
        .collect();
    assert_eq!(
        system,
        ["illuminate: the longest permission chain, Purchasing — Purchasing, from Riverside High: 5 steps, 3 offices must say yes — Budget, Procurement and Legal; 47 days"],
        "the slowest routine is that chain: one move, not two"
    );
    assert!(words_of(&a, MoveVerb::Hospice).contains(&"hospice: Legal reads every order — a practice with no policy above it, habit: ask whether any rule requires it, then let it end or write the policy it needs".to_owned()));
}

#[test]
fn rules_are_not_units_of_the_network_lenses() {
    let with = analysed(AS_IS);
    let mut d = purchasing(AS_IS);
    d.sc.elements.retain(|_, e| e.kind() != ElementKind::Rule);
    d.sc.relations.retain(|_, r| {
        !matches!(
            r.details,
            RelationDetails::DerivesFrom | RelationDetails::Governs { .. }
        )
    });
    for r in d.sc.relations.values_mut() {
        if let RelationDetails::Barrier { claims, .. } = &mut r.details {
            *claims = None;
        }
    }
    let map = d.map();
    let without = analyze(&map, &map.scenarios[0].id);
    assert_eq!(with.density.elements, without.density.elements);
    assert_eq!(with.density.flow_density, without.density.flow_density);
    assert_eq!(with.density.words, without.density.words);
    assert_eq!(
        with.brokers.betweenness.scores.len(),
        without.brokers.betweenness.scores.len()
    );
    assert!(with
        .brokers
        .betweenness
        .scores
        .iter()
        .all(|s| !["bp", "pp", "pr", "hab", "paper"].contains(&s.id.0.as_str())));
    assert_eq!(
        serde_json::to_value(&with.silos).unwrap(),
        serde_json::to_value(&without.silos).unwrap()
    );
}
