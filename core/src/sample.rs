//! "Riverside Unified", the built-in sample district the app opens when there is no file.
//!
//! It tells the seeds' own stories (see `shared/design/SAMPLE.md`): two offices that work as silos and the
//! barrier between them, the sprint team that crossed it, the Graduate Capstone community spreading
//! laterally, the District Operating System's permission flows, the purchasing routine, and the
//! "geology" of offices by year established. Ids are readable slugs so tests and scenes can name them.

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
}

/// The title the window shows for the sample.
pub const TITLE: &str = "Riverside Unified";

/// Riverside Unified, "as is".
pub fn riverside_unified() -> Map {
    let mut s = Sketch {
        scenario: Scenario::empty("As is 2025"),
        relation_count: 0,
    };
    s.scenario.id = ScenarioId("as-is".into());
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

    Map {
        title: TITLE.to_owned(),
        scenarios: vec![s.scenario],
    }
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
