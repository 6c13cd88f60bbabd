//! "Riverside Unified", the built-in sample district the app opens when there is no file.
//!
//! It tells the seeds' own stories (see `shared/design/SAMPLE.md`): two offices that work as silos and the
//! barrier between them, the sprint team that crossed it, the Graduate Capstone community spreading
//! laterally, the District Operating System's permission flows, the purchasing routine, and the
//! "geology" of offices by year established. Ids are readable slugs so tests and scenes can name them.
//!
//! Two scenarios: "As is 2025", and "To be: communities as home base", drawn from it with the
//! changes the seeds argue for (the barriers gone, specialists in communities, sprint teams
//! supported, Research & Accountability hospiced into a community, a service-minded Procurement,
//! more lateral flows), so every lens has a difference to show. Five scenes tell the
//! Environmental Sciences Academy story across the two.
//!
//! The sample saves no drawing positions: the canvas and the exports lay it out (grouped by office
//! and site, the org chart as a tree) better than fixed coordinates would at every window size.

use crate::model::*;

/// Builds the sample one element and relation at a time, the way a user would draw it.
struct Sketch {
    scenario: Scenario,
    relation_count: usize,
}

impl Sketch {
    fn element(
        &mut self,
        id: &str,
        name: &str,
        parent: Option<&str>,
        details: ElementDetails,
    ) -> &mut Element {
        let element = Element {
            id: id.into(),
            name: name.to_owned(),
            parent: parent.map(ElementId::from),
            details,
            annotations: Annotations::default(),
        };
        self.scenario.elements.insert(element.id.clone(), element);
        self.scenario
            .elements
            .get_mut(&ElementId::from(id))
            .expect("just inserted")
    }

    fn office(
        &mut self,
        id: &str,
        name: &str,
        function: OfficeFunction,
        stance: Stance,
        established: i32,
        headcount: u32,
    ) {
        self.element(
            id,
            name,
            None,
            ElementDetails::Office {
                function: Some(function),
                practice_culture: Some(match function {
                    OfficeFunction::Instruction => PracticeCulture::Professional,
                    OfficeFunction::Operations => PracticeCulture::AdministrativeService,
                    OfficeFunction::Leadership => PracticeCulture::Professional,
                }),
                stance: Some(stance),
                headcount: Some(headcount),
                established: Some(established),
                hospiced: false,
                boundary: if stance == Stance::Compliance || function == OfficeFunction::Instruction
                {
                    Boundary::Solid
                } else {
                    Boundary::Permeable
                },
            },
        );
    }

    fn person(&mut self, id: &str, name: &str, title: &str, parent: &str, home_base: Option<&str>) {
        self.element(
            id,
            name,
            Some(parent),
            ElementDetails::Person {
                title: title.to_owned(),
                position: (self.scenario.elements[&ElementId::from(parent)].kind()
                    == ElementKind::Office)
                    .then(|| parent.into()),
                home_base: home_base.map(ElementId::from),
            },
        );
    }

    fn community(
        &mut self,
        id: &str,
        name: &str,
        parent: Option<&str>,
        domain: &str,
        ring: Ring,
        stage: CommunityStage,
    ) {
        self.element(
            id,
            name,
            parent,
            ElementDetails::Community {
                domain: domain.to_owned(),
                ring,
                cadence: "monthly".to_owned(),
                stage,
                boundary: match ring {
                    Ring::Practice => Boundary::Permeable,
                    _ => Boundary::Open,
                },
            },
        );
    }

    fn relate(&mut self, source: &str, target: &str, details: RelationDetails) -> &mut Relation {
        self.relation_count += 1;
        let id = RelationId(format!("r{:03}", self.relation_count));
        let relation = Relation {
            id: id.clone(),
            source: source.into(),
            target: target.into(),
            details,
            annotations: Annotations::default(),
        };
        self.scenario.relations.insert(id.clone(), relation);
        self.scenario.relations.get_mut(&id).expect("just inserted")
    }

    fn reports_to(&mut self, source: &str, target: &str) {
        self.relate(source, target, RelationDetails::ReportsTo);
    }

    fn flow(
        &mut self,
        source: &str,
        target: &str,
        medium: Medium,
        direction: Direction,
        volume: u8,
        mode: FlowMode,
    ) {
        self.relate(
            source,
            target,
            RelationDetails::Flow {
                medium,
                direction,
                volume,
                cadence: String::new(),
                mode,
            },
        );
    }

    fn member(&mut self, source: &str, target: &str, role: MemberRole) {
        self.relate(source, target, RelationDetails::MemberOf { role });
    }

    fn get(&mut self, id: &str) -> &mut Element {
        self.scenario
            .elements
            .get_mut(&ElementId::from(id))
            .unwrap_or_else(|| panic!("the sample has no element {id}"))
    }

    /// "Street data" and tags on an element.
    fn note(&mut self, id: &str, notes: &str, tags: &[&str]) {
        let annotations = &mut self.get(id).annotations;
        annotations.notes = notes.to_owned();
        annotations.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    }

    fn span(&mut self, id: &str, from: &str, until: Option<&str>) {
        self.get(id).annotations.span = Span {
            from: Some(from.to_owned()),
            until: until.map(str::to_owned),
        };
    }

    /// The id of the one relation of `kind` from `source` to `target`.
    fn between(&self, source: &str, target: &str, kind: RelationKind) -> RelationId {
        self.scenario
            .relations
            .values()
            .find(|r| r.source.0 == source && r.target.0 == target && r.kind() == kind)
            .map(|r| r.id.clone())
            .unwrap_or_else(|| panic!("the sample has no {kind:?} from {source} to {target}"))
    }

    fn relation(&mut self, source: &str, target: &str, kind: RelationKind) -> &mut Relation {
        let id = self.between(source, target, kind);
        self.scenario.relations.get_mut(&id).expect("just found")
    }

    fn unrelate(&mut self, source: &str, target: &str, kind: RelationKind) {
        let id = self.between(source, target, kind);
        self.scenario.relations.remove(&id);
    }

    /// Names `community` as the person's home base and makes them a member of it.
    fn home(&mut self, person: &str, community: &str, role: MemberRole) {
        if let ElementDetails::Person { home_base, .. } = &mut self.get(person).details {
            *home_base = Some(community.into());
        }
        self.member(person, community, role);
    }
}

/// The title the window shows for the sample.
pub const TITLE: &str = "Riverside Unified";

/// The id of the sample's "as is" scenario (the first, the one a new window shows).
pub const AS_IS: &str = "as-is";
/// The id of the sample's "to be" scenario.
pub const TO_BE: &str = "to-be";

/// Riverside Unified: "as is", "to be", and the five scenes of its story.
pub fn riverside_unified() -> Map {
    let (as_is, relation_count) = as_is();
    let to_be = to_be(&as_is, relation_count);
    let mut map = Map {
        title: TITLE.to_owned(),
        scenarios: vec![as_is, to_be],
        scenes: Vec::new(),
    };
    map.scenes = scenes();
    map
}

/// The district as it works in 2025, and how many relations it numbered.
fn as_is() -> (Scenario, usize) {
    let mut s = Sketch {
        scenario: Scenario::empty("As is 2025"),
        relation_count: 0,
    };
    s.scenario.id = ScenarioId(AS_IS.into());
    use Direction::*;
    use FlowMode::*;
    use Medium::*;
    use OfficeFunction::*;

    // Offices, with the year each was laid down: the district's geology (001, 003).
    s.office(
        "superintendent",
        "Office of the Superintendent",
        Leadership,
        Stance::Mixed,
        1968,
        6,
    );
    s.office(
        "teaching-learning",
        "Teaching & Learning",
        Instruction,
        Stance::Compliance,
        1974,
        14,
    );
    s.office(
        "linked-learning",
        "Linked Learning",
        Instruction,
        Stance::Service,
        2010,
        7,
    );
    s.office(
        "research",
        "Research & Accountability",
        Leadership,
        Stance::Compliance,
        2002,
        5,
    );
    s.office(
        "procurement",
        "Procurement & Contracting",
        Operations,
        Stance::Compliance,
        1979,
        9,
    );
    s.office(
        "legal",
        "Legal (General Counsel)",
        Operations,
        Stance::Compliance,
        1983,
        4,
    );
    s.office("hr", "Human Resources", Operations, Stance::Mixed, 1971, 12);
    s.office(
        "it",
        "Information Technology",
        Operations,
        Stance::Mixed,
        1996,
        10,
    );
    s.office(
        "family-engagement",
        "Family & Community Engagement",
        Leadership,
        Stance::Service,
        2015,
        4,
    );

    s.person(
        "superintendent-person",
        "Dr. Maria Alvarez",
        "Superintendent",
        "superintendent",
        None,
    );
    s.person(
        "tl-director",
        "James Whitfield",
        "Director of Teaching & Learning",
        "teaching-learning",
        None,
    );
    s.person(
        "science-specialist",
        "Priya Raman",
        "Science specialist",
        "teaching-learning",
        None,
    );
    s.person(
        "math-specialist",
        "Tom Becker",
        "Math specialist",
        "teaching-learning",
        None,
    );
    s.person(
        "ll-director",
        "Angela Brooks",
        "Director of Linked Learning",
        "linked-learning",
        None,
    );
    s.person(
        "pathway-coach-1",
        "Luis Ortega",
        "Pathway coach",
        "linked-learning",
        Some("coaches-circle"),
    );
    s.person(
        "pathway-coach-2",
        "Dana Kim",
        "Pathway coach",
        "linked-learning",
        Some("coaches-circle"),
    );
    s.person(
        "cte-specialist",
        "Marcus Hill",
        "CTE specialist",
        "linked-learning",
        None,
    );

    // Sites, with the teacher teams inside them.
    for (id, name, level, enrolment) in [
        (
            "riverside-high",
            "Riverside High School",
            SiteLevel::High,
            1850,
        ),
        (
            "eastside-high",
            "Eastside High School",
            SiteLevel::High,
            1420,
        ),
        (
            "oakridge-middle",
            "Oakridge Middle School",
            SiteLevel::Middle,
            780,
        ),
    ] {
        s.element(
            id,
            name,
            None,
            ElementDetails::Site {
                level: Some(level),
                enrolment: Some(enrolment),
                boundary: Boundary::Permeable,
            },
        );
    }
    s.person(
        "riverside-principal",
        "Grace Liu",
        "Principal",
        "riverside-high",
        None,
    );
    s.person(
        "eastside-principal",
        "Robert Nash",
        "Principal",
        "eastside-high",
        None,
    );
    s.person(
        "oakridge-principal",
        "Alicia Grant",
        "Principal",
        "oakridge-middle",
        None,
    );
    s.community(
        "es-academy",
        "Environmental Sciences Academy",
        Some("riverside-high"),
        "Program of study for environmental science",
        Ring::Practice,
        CommunityStage::Active,
    );
    s.person(
        "academy-lead",
        "Sam Okafor",
        "Academy lead teacher",
        "es-academy",
        Some("es-academy"),
    );
    s.person(
        "academy-science",
        "Hannah Reyes",
        "Science teacher",
        "es-academy",
        Some("es-academy"),
    );
    s.person(
        "academy-cte",
        "Victor Chen",
        "CTE teacher",
        "es-academy",
        Some("es-academy"),
    );
    s.community(
        "health-pathway",
        "Health Pathway team",
        Some("eastside-high"),
        "Health careers pathway",
        Ring::Practice,
        CommunityStage::Coalescing,
    );

    // The Graduate Capstone community and its nested rings (002): practice ⊂ engagement ⊂ interest.
    s.community(
        "capstone-interest",
        "Capstone interest",
        None,
        "Senior projects that matter",
        Ring::Interest,
        CommunityStage::Active,
    );
    s.community(
        "capstone-engagement",
        "Capstone engagement",
        Some("capstone-interest"),
        "Senior projects that matter",
        Ring::Engagement,
        CommunityStage::Active,
    );
    s.community(
        "capstone",
        "Graduate Capstone",
        Some("capstone-engagement"),
        "The graduate capstone senior project",
        Ring::Practice,
        CommunityStage::Active,
    );
    s.person(
        "capstone-teacher-1",
        "Nora Patel",
        "English teacher",
        "capstone",
        Some("capstone"),
    );
    s.person(
        "capstone-teacher-2",
        "Eli Turner",
        "History teacher",
        "capstone",
        Some("capstone"),
    );
    s.community(
        "coaches-circle",
        "Pathway Coaches circle",
        None,
        "Coaching pathway teams",
        Ring::Practice,
        CommunityStage::Active,
    );

    // Strange attractors: sprint teams around a compelling task.
    let redesign = s.element(
        "es-redesign",
        "ES program-of-study redesign",
        None,
        ElementDetails::SprintTeam {
            purpose: "Redesign the Environmental Sciences program of study".into(),
            status: SprintStatus::Dissolved,
            boundary: Boundary::Open,
        },
    );
    redesign.annotations.span = Span {
        from: Some("2021-02".into()),
        until: Some("2021-06".into()),
    };
    redesign.annotations.notes =
        "Crossed the silo barrier; the two directors reprimanded it.".into();
    s.element(
        "rubric-calibration",
        "Capstone rubric calibration",
        None,
        ElementDetails::SprintTeam {
            purpose: "Calibrate the capstone rubric across schools".into(),
            status: SprintStatus::Active,
            boundary: Boundary::Open,
        },
    );
    s.element(
        "device-rollout",
        "Device roll-out",
        None,
        ElementDetails::SprintTeam {
            purpose: "Put a device in every student's hands".into(),
            status: SprintStatus::Forming,
            boundary: Boundary::Permeable,
        },
    );

    // The purchasing routine (004).
    s.element(
        "purchasing",
        "Purchasing",
        None,
        ElementDetails::Routine {
            steps: [
                ("Request", "riverside-high"),
                ("Budget check", "superintendent"),
                ("Procurement review", "procurement"),
                ("Legal review", "legal"),
                ("Purchase order", "procurement"),
            ]
            .into_iter()
            .map(|(name, owner)| RoutineStep {
                name: name.into(),
                owner: Some(owner.into()),
            })
            .collect(),
            cycle_time_days: Some(47),
        },
    );

    // Partners outside the district's membrane.
    for (id, name, partner_type) in [
        (
            "watershed-council",
            "Riverside Watershed Council",
            PartnerType::CommunityGroup,
        ),
        (
            "state-university",
            "State University School of Education",
            PartnerType::University,
        ),
        (
            "edtech-vendor",
            "BrightPath Learning (ed-tech vendor)",
            PartnerType::Vendor,
        ),
        (
            "families-network",
            "Riverside Families Network",
            PartnerType::FamilyOrganisation,
        ),
    ] {
        s.element(id, name, None, ElementDetails::Partner { partner_type });
    }

    // The org chart: reports-to lines for everyone.
    for office in [
        "teaching-learning",
        "linked-learning",
        "research",
        "procurement",
        "legal",
        "hr",
        "it",
        "family-engagement",
    ] {
        s.reports_to(office, "superintendent");
    }
    for principal in [
        "riverside-principal",
        "eastside-principal",
        "oakridge-principal",
    ] {
        s.reports_to(principal, "superintendent-person");
    }
    s.reports_to("tl-director", "superintendent-person");
    s.reports_to("ll-director", "superintendent-person");
    for p in ["science-specialist", "math-specialist"] {
        s.reports_to(p, "tl-director");
    }
    for p in ["pathway-coach-1", "pathway-coach-2", "cte-specialist"] {
        s.reports_to(p, "ll-director");
    }
    for p in ["academy-lead", "academy-science", "academy-cte"] {
        s.reports_to(p, "riverside-principal");
    }

    // How the work really flows.
    s.flow(
        "research",
        "superintendent",
        Information,
        OneWay,
        4,
        Monitor,
    );
    s.flow(
        "research",
        "riverside-high",
        Information,
        OneWay,
        3,
        Monitor,
    );
    s.flow("research", "eastside-high", Information, OneWay, 3, Monitor);
    s.flow(
        "riverside-high",
        "procurement",
        Permission,
        OneWay,
        4,
        Monitor,
    );
    s.flow(
        "eastside-high",
        "procurement",
        Permission,
        OneWay,
        3,
        Monitor,
    );
    s.flow("procurement", "legal", Permission, OneWay, 4, Monitor);
    s.flow("it", "procurement", Permission, OneWay, 2, Monitor);
    s.flow("capstone", "health-pathway", Ideas, Both, 3, Support);
    s.flow("capstone", "es-academy", Ideas, Both, 2, Support);
    s.flow("es-academy", "watershed-council", Ideas, Both, 4, Support);
    s.flow("state-university", "capstone", Feedback, OneWay, 3, Support);
    s.flow(
        "superintendent",
        "linked-learning",
        Funds,
        OneWay,
        4,
        Support,
    );
    s.flow(
        "linked-learning",
        "es-academy",
        Resources,
        OneWay,
        2,
        Support,
    );
    s.flow("coaches-circle", "health-pathway", Ideas, Both, 3, Support);
    s.flow(
        "families-network",
        "family-engagement",
        Information,
        Both,
        3,
        Support,
    );
    s.flow("edtech-vendor", "it", Resources, OneWay, 3, Support);
    s.flow(
        "teaching-learning",
        "oakridge-middle",
        Information,
        OneWay,
        2,
        Monitor,
    );
    s.flow("ll-director", "capstone", Ideas, OneWay, 2, Support);

    // Who belongs to the strange attractors and communities.
    for (member, group, role) in [
        ("pathway-coach-1", "es-redesign", MemberRole::Core),
        ("cte-specialist", "es-redesign", MemberRole::Core),
        ("science-specialist", "es-redesign", MemberRole::Core),
        ("academy-lead", "es-redesign", MemberRole::Core),
        ("academy-science", "es-redesign", MemberRole::Active),
        ("capstone-teacher-1", "rubric-calibration", MemberRole::Core),
        ("pathway-coach-2", "rubric-calibration", MemberRole::Active),
        ("it", "device-rollout", MemberRole::Core),
        ("procurement", "device-rollout", MemberRole::Active),
        (
            "teaching-learning",
            "device-rollout",
            MemberRole::Peripheral,
        ),
        ("health-pathway", "capstone-engagement", MemberRole::Active),
        ("academy-lead", "capstone-interest", MemberRole::Peripheral),
    ] {
        s.member(member, group, role);
    }

    // Barriers: rules nobody has checked.
    s.relate(
        "science-specialist",
        "riverside-high",
        RelationDetails::Barrier {
            reason: "Specialists may not work at school sites".into(),
            checked: false,
        },
    );
    s.relate(
        "linked-learning",
        "teaching-learning",
        RelationDetails::Barrier {
            reason: "Wait for the offices' alignment agreement".into(),
            checked: false,
        },
    );

    // Time, tags and "street data" (000, 002, 004).
    s.note(
        "es-redesign",
        "Crossed the silo barrier; the two directors reprimanded it. The academy team, the pathway \
         coach, the CTE specialist and the science specialist rebuilt the program of study, the CTE \
         sequence and the core science courses in four months, and became a real team doing it. \
         Gatekeeping courses that pushed students out are gone from the new sequence.",
        &["innovation", "equity"],
    );
    s.span("rubric-calibration", "2024-09", None);
    s.span("device-rollout", "2025-08", None);
    s.span("capstone", "2016", None);
    s.span("coaches-circle", "2018-08", None);
    s.span("health-pathway", "2023", None);
    s.span("es-academy", "2005", None);
    s.note(
        "capstone",
        "Began with teachers worried by the senior project: a board policy with no criteria, and \
         students at some schools getting far less help than at others. A district director \
         gathered them; they meet a week each summer and three times a year, bring student work, \
         calibrate the rubrics and try again. Nobody mandated it; pathway teams asked to join.",
        &["innovation", "senior project"],
    );
    s.note(
        "es-academy",
        "Twenty years old. A few CTE courses, badly sequenced; some courses used as gatekeepers; \
         core science not aligned with the theme or with NGSS. Several newer teachers on the team \
         want to redesign it to be more equitable and coherent.",
        &[],
    );
    s.note(
        "purchasing",
        "47 days from request to purchase order. A $300 order of water-testing kits for the \
         academy's river study arrived after the unit was over.",
        &[],
    );
    s.note(
        "research",
        "Laid down in the NCLB era. Sends test-score reports up and compliance reports down; \
         nobody at the schools asks it anything.",
        &["geology"],
    );
    s.relation(
        "science-specialist",
        "riverside-high",
        RelationKind::Barrier,
    )
    .annotations
    .notes =
        "Nobody has found this rule written down; it is how the office has always worked.".into();
    s.relation(
        "linked-learning",
        "teaching-learning",
        RelationKind::Barrier,
    )
    .annotations
    .notes = "The offices' leaders have met about alignment for several years.".into();
    s.relation("superintendent", "linked-learning", RelationKind::Flow)
        .annotations
        .span = Span {
        from: Some("2019".into()),
        until: Some("2026".into()),
    };

    (s.scenario, s.relation_count)
}

/// "To be: communities as home base": `as_is` with the changes the seeds argue for. Elements and
/// relations that carry over keep their ids, so comparing the two scenarios shows what changed.
fn to_be(as_is: &Scenario, relation_count: usize) -> Scenario {
    let mut s = Sketch {
        scenario: Scenario {
            id: ScenarioId(TO_BE.into()),
            name: "To be: communities as home base".into(),
            ..as_is.clone()
        },
        relation_count,
    };
    use Direction::*;
    use FlowMode::*;
    use Medium::*;
    use RelationKind as K;

    // The barriers are gone, and the two offices' walls with them.
    s.unrelate("science-specialist", "riverside-high", K::Barrier);
    s.unrelate("linked-learning", "teaching-learning", K::Barrier);
    for office in ["teaching-learning", "linked-learning"] {
        if let ElementDetails::Office { boundary, .. } = &mut s.get(office).details {
            *boundary = Boundary::Permeable;
        }
    }
    s.flow(
        "teaching-learning",
        "linked-learning",
        Ideas,
        Both,
        3,
        Support,
    );

    // Research & Accountability is hospiced into a community that gathers street data.
    if let ElementDetails::Office { hospiced, .. } = &mut s.get("research").details {
        *hospiced = true;
    }
    s.get("research").annotations.notes =
        "Hospiced: its people and its data now live in the Evidence & Street Data community."
            .into();
    s.community(
        "evidence-street-data",
        "Evidence & Street Data",
        None,
        "What students, families and teachers tell us, and what we learn from it",
        Ring::Practice,
        CommunityStage::Coalescing,
    );
    s.note(
        "evidence-street-data",
        "Grew out of Research & Accountability. Brings street data — student interviews, \
         shadowing, family stories — alongside the numbers, to the people who asked for it.",
        &[],
    );
    s.span("evidence-street-data", "2026", None);
    s.member("research", "evidence-street-data", MemberRole::Peripheral);
    for site in ["riverside-high", "eastside-high"] {
        s.unrelate("research", site, K::Flow);
        s.flow("evidence-street-data", site, Information, Both, 3, Support);
    }
    s.unrelate("research", "superintendent", K::Flow);
    s.flow(
        "evidence-street-data",
        "superintendent",
        Feedback,
        OneWay,
        3,
        Support,
    );
    s.flow(
        "families-network",
        "evidence-street-data",
        Feedback,
        OneWay,
        3,
        Support,
    );
    s.flow(
        "family-engagement",
        "evidence-street-data",
        Information,
        Both,
        3,
        Support,
    );

    // Everyone has a community as home base; the specialists work with the teams at the sites.
    s.home("science-specialist", "es-academy", MemberRole::Active);
    s.home("cte-specialist", "coaches-circle", MemberRole::Active);
    s.member("cte-specialist", "es-academy", MemberRole::Peripheral);
    s.home(
        "math-specialist",
        "evidence-street-data",
        MemberRole::Active,
    );
    s.home("tl-director", "capstone-engagement", MemberRole::Peripheral);
    s.home("ll-director", "capstone", MemberRole::Active);
    s.home(
        "superintendent-person",
        "evidence-street-data",
        MemberRole::Peripheral,
    );
    s.home(
        "riverside-principal",
        "capstone-interest",
        MemberRole::Peripheral,
    );
    s.home(
        "oakridge-principal",
        "capstone-interest",
        MemberRole::Peripheral,
    );
    s.home("eastside-principal", "health-pathway", MemberRole::Active);
    s.flow("science-specialist", "es-academy", Ideas, Both, 4, Support);
    s.flow(
        "math-specialist",
        "oakridge-middle",
        Ideas,
        Both,
        2,
        Support,
    );
    s.flow("cte-specialist", "health-pathway", Ideas, Both, 2, Support);
    s.flow("tl-director", "science-specialist", Ideas, Both, 3, Support);
    s.flow(
        "pathway-coach-1",
        "pathway-coach-2",
        Ideas,
        Both,
        3,
        Support,
    );
    s.flow("academy-lead", "academy-science", Ideas, Both, 4, Support);
    s.flow(
        "capstone-teacher-1",
        "capstone-teacher-2",
        Ideas,
        Both,
        4,
        Support,
    );
    s.flow("coaches-circle", "capstone", Ideas, Both, 3, Support);
    s.flow(
        "capstone-teacher-1",
        "pathway-coach-2",
        Ideas,
        Both,
        3,
        Support,
    );
    s.flow("riverside-principal", "es-academy", Ideas, Both, 2, Support);
    s.flow(
        "eastside-principal",
        "health-pathway",
        Ideas,
        Both,
        2,
        Support,
    );
    s.flow(
        "math-specialist",
        "evidence-street-data",
        Information,
        Both,
        3,
        Support,
    );
    s.flow("health-pathway", "es-academy", Ideas, Both, 2, Support);
    let chart_line = s.relation("teaching-learning", "oakridge-middle", K::Flow);
    chart_line.details = RelationDetails::Flow {
        medium: Ideas,
        direction: Both,
        volume: 2,
        cadence: "monthly".into(),
        mode: Support,
    };

    // The sprint teams are supported, not reprimanded, and what they learn reaches a community.
    s.get("es-redesign").annotations.notes =
        "Both directors protected it and celebrated it at the board; the redesigned program of \
         study went back into the academy team."
            .into();
    s.flow(
        "linked-learning",
        "es-redesign",
        Resources,
        OneWay,
        3,
        Support,
    );
    s.flow(
        "teaching-learning",
        "es-redesign",
        Ideas,
        OneWay,
        3,
        Support,
    );
    s.flow("es-redesign", "es-academy", Ideas, OneWay, 4, Support);
    s.flow(
        "ll-director",
        "rubric-calibration",
        Resources,
        OneWay,
        2,
        Support,
    );
    if let ElementDetails::SprintTeam { status, .. } = &mut s.get("device-rollout").details {
        *status = SprintStatus::Active;
    }
    s.flow("it", "riverside-high", Resources, Both, 3, Support);

    // Procurement serves the sites; purchasing is a simple routine with a short cycle.
    if let ElementDetails::Office {
        stance, boundary, ..
    } = &mut s.get("procurement").details
    {
        *stance = Some(Stance::Service);
        *boundary = Boundary::Permeable;
    }
    for (from, volume) in [("riverside-high", 3), ("eastside-high", 3), ("it", 2)] {
        s.relation(from, "procurement", K::Flow).details = RelationDetails::Flow {
            medium: Resources,
            direction: Both,
            volume,
            cadence: String::new(),
            mode: Support,
        };
    }
    s.relation("procurement", "legal", K::Flow).details = RelationDetails::Flow {
        medium: Permission,
        direction: OneWay,
        volume: 1,
        cadence: "contracts above the threshold".into(),
        mode: Monitor,
    };
    let purchasing = s.get("purchasing");
    purchasing.details = ElementDetails::Routine {
        steps: [
            ("Request", "riverside-high"),
            ("Order from the approved catalogue", "procurement"),
            ("Purchase order", "procurement"),
        ]
        .into_iter()
        .map(|(name, owner)| RoutineStep {
            name: name.into(),
            owner: Some(owner.into()),
        })
        .collect(),
        cycle_time_days: Some(10),
    };
    purchasing.annotations.notes =
        "Ten days. Legal reviews only contracts above the threshold; everything on the approved \
         catalogue is ordered the day it is asked for."
            .into();

    s.scenario
}

/// The Environmental Sciences Academy story, one scene a step (SAMPLE.md).
fn scenes() -> Vec<Scene> {
    let as_is = ScenarioId(AS_IS.into());
    let focus = |ids: &[&str]| ids.iter().map(|id| ElementId::from(*id)).collect();
    let scene = |id: &str, title: &str, scenario: &ScenarioId, view: View, notes: &str| Scene {
        id: id.into(),
        title: title.into(),
        notes: notes.into(),
        scenario: scenario.clone(),
        view,
        viewport: None,
        lens: None,
        filters: SceneFilters::default(),
        time: None,
    };
    let chart = scene(
        "org-chart",
        "The org chart we draw",
        &as_is,
        View::OrgChart,
        "The district as the org chart draws it: every office and person under the \
         superintendent, lines of authority only. Communities, sprint teams, partners and every \
         flow of ideas, information and money are missing from this picture.",
    );
    let flows = scene(
        "real-flows",
        "How work really flows",
        &as_is,
        View::Network,
        "The same district as it really works. Ideas move laterally between the Graduate \
         Capstone community, pathway teams and the Environmental Sciences Academy; permission \
         flows run from schools to Procurement and Legal; the reports-to lines are still there.",
    );
    let mut silos = scene(
        "silos",
        "The silos",
        &as_is,
        View::Network,
        "Teaching & Learning and Linked Learning do not work together. The Director of Teaching \
         & Learning forbids the specialists to work at school sites: a barrier nobody has \
         checked. A second barrier waits for the offices' alignment agreement.",
    );
    silos.lens = Some("silos".into());
    silos.filters.focus = focus(&[
        "teaching-learning",
        "linked-learning",
        "science-specialist",
        "riverside-high",
    ]);
    let mut sprint = scene(
        "sprint-team",
        "The sprint team that crossed them",
        &as_is,
        View::Network,
        "A strange attractor: the pathway coach, the CTE specialist, the science specialist and \
         the academy team redesigned the Environmental Sciences program of study from February to \
         June 2021, across the barrier, then dissolved. The two directors reprimanded it.",
    );
    sprint.filters.focus = focus(&[
        "es-redesign",
        "pathway-coach-1",
        "cte-specialist",
        "science-specialist",
        "academy-lead",
        "academy-science",
        "es-academy",
        "riverside-high",
    ]);
    sprint.time = Some("2021-04".into());
    let mut home = scene(
        "home-base",
        "Communities as home base",
        &ScenarioId(TO_BE.into()),
        View::Network,
        "To be: every person has a community as home base; the specialists work with the teams \
         at the sites; the sprint teams are supported; Research & Accountability is hospiced into \
         Evidence & Street Data; Procurement serves. Lateral flows are denser and the silos' \
         E-I indices move toward 0.",
    );
    home.lens = Some("home_base".into());
    home.filters.focus = focus(&[
        "es-academy",
        "capstone",
        "capstone-engagement",
        "capstone-interest",
        "coaches-circle",
        "health-pathway",
        "evidence-street-data",
    ]);
    vec![chart, flows, silos, sprint, home]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_keeps_every_invariant() {
        crate::ops::validate_map(&riverside_unified()).expect("the sample is a valid map");
    }

    #[test]
    fn the_sample_shows_every_kind() {
        let map = riverside_unified();
        let scenario = &map.scenarios[0];
        assert_eq!(map.scenarios.len(), 2);
        assert_eq!(map.scenes.len(), 5);
        for kind in ElementKind::ALL {
            assert!(
                scenario.elements.values().any(|e| e.kind() == kind),
                "no {kind:?} in the sample"
            );
        }
        for kind in RelationKind::ALL {
            assert!(
                scenario.relations.values().any(|r| r.kind() == kind),
                "no {kind:?} in the sample"
            );
        }
        for medium in Medium::ALL {
            assert!(
                scenario.relations.values().any(
                    |r| matches!(r.details, RelationDetails::Flow { medium: m, .. } if m == medium)
                ),
                "no {medium:?} flow in the sample"
            );
        }
    }
}
