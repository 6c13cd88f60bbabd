//! The policy cascade in a survey's edge list (004): rows whose kind says "derives from",
//! "governs" or "barrier" become those lines, with the rules' levels, the governed step and the
//! barrier's claimed rule; every bad cell, and a "derives from" loop, named by row and column with
//! the rules named, and nothing imported.

use murmuration_core::error::ErrorKind;
use murmuration_core::import::relations::relations_from_table;
use murmuration_core::import::{table, FileFormat};
use murmuration_core::model::*;
use murmuration_core::ops::{apply, Op};

/// Procurement and Legal, Lincoln High, the purchasing routine (three steps) and the board's
/// purchasing policy.
fn district() -> (Map, ScenarioId) {
    let mut sc = Scenario::empty("As is");
    let mut add = |id: &str, name: &str, details: ElementDetails| {
        sc.elements.insert(
            id.into(),
            Element {
                id: id.into(),
                name: name.into(),
                parent: None,
                details,
                annotations: Annotations::default(),
            },
        );
    };
    add(
        "proc",
        "Procurement",
        ElementDetails::default_for(ElementKind::Office),
    );
    add(
        "legal",
        "Legal",
        ElementDetails::default_for(ElementKind::Office),
    );
    add(
        "lincoln",
        "Lincoln High",
        ElementDetails::default_for(ElementKind::Site),
    );
    let step = |name: &str, days| RoutineStep {
        name: name.into(),
        owner: None,
        days: Some(days),
    };
    add(
        "buy",
        "Purchasing",
        ElementDetails::Routine {
            steps: vec![step("Request", 5), step("Quotes", 30), step("Order", 12)],
            cycle_time_days: None,
        },
    );
    add(
        "board",
        "Board purchasing policy",
        ElementDetails::Rule {
            level: RuleLevel::BoardPolicy,
            owner: None,
        },
    );
    let id = sc.id.clone();
    let mut map = Map::new("Cascade");
    map.scenarios = vec![sc];
    (map, id)
}

fn import(text: &str) -> murmuration_core::error::Result<murmuration_core::import::BatchImport> {
    let (map, sc) = district();
    let t = table::read(text.as_bytes(), FileFormat::Csv).expect("a table");
    relations_from_table(&map, &sc, &t, true, |_, _| {})
}

const HEADER: &str = "source,target,kind,level,step,claims,reason\n";

#[test]
fn cascade_rows_become_rules_and_their_lines_in_one_batch() {
    let got = import(&format!(
        "{HEADER}\
         Three quotes,Board purchasing policy,derives from,procedural policy,,,\n\
         Warehouse practice,Three quotes,Derives_From,practice,,,\n\
         Warehouse practice,Purchasing,governs,,2,,\n\
         Warehouse practice,Lincoln High,governs,,,,\n\
         Procurement,Lincoln High,barrier,,,Warehouse practice,Forbidden by contract\n\
         Procurement,Legal,permission,,,,\n\
         Warehouse practice,Purchasing,governs,,2,,\n"
    ))
    .expect("imports");
    assert_eq!(got.relations, 6);
    assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
    assert!(
        got.warnings[0]
            .message
            .starts_with("Row 8 repeats a “governs” line"),
        "{:?}",
        got.warnings
    );
    let (mut map, sc) = district();
    apply(&mut map, &sc, &got.op).expect("the batch applies");
    let s = &map.scenarios[0];
    let named = |name: &str| s.elements.values().find(|e| e.name == name).expect(name);
    let level = |name: &str| match named(name).details {
        ElementDetails::Rule { level, .. } => level,
        _ => panic!("{name} is not a rule"),
    };
    assert_eq!(level("Three quotes"), RuleLevel::ProceduralPolicy);
    assert_eq!(level("Warehouse practice"), RuleLevel::ProceduralPractice);
    let practice = named("Warehouse practice").id.clone();
    let from = |kind: RelationKind| -> Vec<&Relation> {
        s.relations.values().filter(|r| r.kind() == kind).collect()
    };
    assert_eq!(from(RelationKind::DerivesFrom).len(), 2);
    let steps: Vec<Option<u32>> = from(RelationKind::Governs)
        .iter()
        .map(|r| match r.details {
            RelationDetails::Governs { step } => step,
            _ => unreachable!(),
        })
        .collect();
    assert!(
        steps.contains(&Some(2)) && steps.contains(&None),
        "{steps:?}"
    );
    assert_eq!(
        from(RelationKind::Barrier)[0].details,
        RelationDetails::Barrier {
            reason: "Forbidden by contract".into(),
            checked: false,
            claims: Some(practice),
        }
    );
    assert_eq!(from(RelationKind::Flow).len(), 1);
}

/// The error for a one-row file, after the header.
fn refusal(row: &str) -> murmuration_core::error::CoreError {
    import(&format!("{HEADER}{row}\n")).expect_err(row)
}

#[test]
fn bad_cascade_cells_name_their_row_and_column_and_import_nothing() {
    let e = refusal("Three quotes,Board purchasing policy,derives from,cabinet,,,");
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    assert_eq!(
        e.message,
        "Row 2, column “level”: “cabinet” is not a rule level: use board policy, procedural policy or procedural practice."
    );
    let e = refusal("Procurement,Lincoln High,barrier,,,Legal,");
    assert_eq!(
        e.message,
        "Row 2, column “claims”: “Legal” is an office, not a rule: a barrier can only claim a rule."
    );
    let e = refusal("Lincoln High,Board purchasing policy,derives from,,,,");
    assert_eq!(
        e.message,
        "Row 2, column “source”: “Lincoln High” is a site, not a rule: only a rule derives from a rule."
    );
    let e = refusal("Board purchasing policy,Purchasing,governs,,seven,,");
    assert!(
        e.message
            .starts_with("Row 2, column “step”: “seven” is not a step number"),
        "{}",
        e.message
    );
    let e = refusal("Procurement,Legal,funds,,2,,");
    assert!(
        e.message
            .starts_with("Row 2, column “step”: “2” is a step, and only"),
        "{}",
        e.message
    );

    let e = refusal("Board purchasing policy,Purchasing,governs,,5,,");
    assert_eq!(e.kind, ErrorKind::CascadeEnds);
    assert!(
        e.message.starts_with("Row 2, column “step”: "),
        "{}",
        e.message
    );
    assert!(
        e.message.contains("step 5 of \"Purchasing\""),
        "{}",
        e.message
    );
}

#[test]
fn a_derives_from_loop_names_the_row_and_the_rules() {
    let e = import(&format!(
        "{HEADER}\
         Three quotes,Board purchasing policy,derives from,,,,\n\
         Warehouse practice,Three quotes,derives from,,,,\n\
         Board purchasing policy,Warehouse practice,derives from,,,,\n"
    ))
    .expect_err("a loop");
    assert_eq!(e.kind, ErrorKind::RuleCycle);
    assert!(
        e.message.starts_with("Row 4, column “target”: "),
        "{}",
        e.message
    );
    for rule in ["Board purchasing policy", "Warehouse practice"] {
        assert!(e.message.contains(rule), "{}", e.message);
    }
}

#[test]
fn a_level_given_twice_keeps_the_first_and_says_so() {
    let got = import(&format!(
        "{HEADER}\
         Three quotes,Board purchasing policy,derives from,procedural policy,,,\n\
         Three quotes,Lincoln High,governs,practice,,,\n\
         Board purchasing policy,Legal,governs,practice,,,\n"
    ))
    .expect("imports");
    let rows: Vec<u32> = got.warnings.iter().map(|w| w.row).collect();
    assert_eq!(rows, [3, 4], "{:?}", got.warnings);
    assert!(
        got.warnings[1]
            .message
            .contains("but the map has it as board policy"),
        "{:?}",
        got.warnings
    );
    let Op::Batch { ops } = &got.op else {
        panic!("a batch")
    };
    assert!(ops.iter().any(|op| matches!(op,
        Op::CreateElement { element } if element.name == "Three quotes"
            && element.details == ElementDetails::Rule { level: RuleLevel::ProceduralPolicy, owner: None })));
}
