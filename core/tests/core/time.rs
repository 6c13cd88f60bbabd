//! Time in the map: an office's hospice date (and the flag older files wrote instead), and a
//! sprint team's status kept in step with its end date.

use crate::fixture::*;
use crate::store::temp;
use murmuration_core::error::ErrorKind;
use murmuration_core::json::{from_json, to_json};
use murmuration_core::model::*;
use murmuration_core::ops::{self, Op};
use murmuration_core::store::Document;

fn office_hospiced(map: &Map, id: &str) -> Option<Date> {
    match &map.scenarios[0].elements[&ElementId::from(id)].details {
        ElementDetails::Office { hospiced, .. } => hospiced.clone(),
        _ => panic!("{id} is an office"),
    }
}

/// A map with one office and one sprint team, whose rows the test rewrites as an older build did.
fn old_rows(office_attrs: &str, team_attrs: &str) -> Map {
    let dir = temp();
    let path = dir.path().join("old.murm");
    let mut map = Map::new("Older");
    let sc = &mut map.scenarios[0];
    for e in [
        element("ra", "Research & Accountability", None, ElementKind::Office),
        element("es", "ES redesign", None, ElementKind::SprintTeam),
    ] {
        sc.elements.insert(e.id.clone(), e);
    }
    drop(Document::create(&path, &map).expect("created"));
    let conn = rusqlite::Connection::open(&path).expect("opens");
    for (id, attrs) in [("ra", office_attrs), ("es", team_attrs)] {
        conn.execute(
            "UPDATE elements SET attributes = ?1 WHERE id = ?2",
            (attrs, id),
        )
        .expect("rewritten");
    }
    drop(conn);
    let read = Document::read(&path).expect("an older file still opens");
    let opened = Document::open(&path).expect("and opens for editing");
    assert_eq!(opened.map(), &read);
    read
}

#[test]
fn an_older_files_hospiced_flag_reads_as_an_undated_hospice() {
    let map = old_rows(
        r#"{"function":null,"practice_culture":null,"stance":"compliance","headcount":null,"established":1974,"hospiced":true,"boundary":"solid","span":{},"notes":"","tags":[]}"#,
        r#"{"purpose":"","status":"active","boundary":"open","span":{"from":"2020-09","until":"2021-06"},"notes":"","tags":[]}"#,
    );
    let hospiced = office_hospiced(&map, "ra").expect("still hospiced");
    assert!(hospiced.is_undated());
    assert_eq!(hospiced.as_str(), UNDATED);
    // An active team with an end date was written before the status had to agree: it has ended.
    assert!(matches!(
        map.scenarios[0].elements[&ElementId::from("es")].details,
        ElementDetails::SprintTeam {
            status: SprintStatus::Dissolved,
            ..
        }
    ));

    let serving = old_rows(
        r#"{"function":null,"practice_culture":null,"stance":null,"headcount":null,"established":null,"hospiced":false,"boundary":"solid","span":{},"notes":"","tags":[]}"#,
        r#"{"purpose":"","status":"forming","boundary":"open","span":{"from":"2020-09"},"notes":"","tags":[]}"#,
    );
    assert_eq!(office_hospiced(&serving, "ra"), None);
}

#[test]
fn json_version_1_still_reads_and_version_2_keeps_the_hospice_date() {
    let mut map = district();
    let office = scenario(&map)
        .elements
        .values()
        .find(|e| e.kind() == ElementKind::Office)
        .expect("an office")
        .id
        .0
        .clone();
    let written = to_json(&map);
    assert!(written.contains("\"version\": 2") || written.contains("\"version\":2"));
    let as_version_1 = written
        .replacen("\"version\": 2", "\"version\": 1", 1)
        .replacen("\"version\":2", "\"version\":1", 1)
        .replacen("\"hospiced\": null", "\"hospiced\": true", 1)
        .replacen("\"hospiced\":null", "\"hospiced\":true", 1);
    let read = from_json(&as_version_1).expect("version 1 reads");
    let undated: Vec<_> = scenario(&read)
        .elements
        .values()
        .filter(|e| matches!(&e.details, ElementDetails::Office { hospiced: Some(d), .. } if d.is_undated()))
        .collect();
    assert_eq!(
        undated.len(),
        1,
        "the one flag set reads as an undated hospice"
    );

    let sc = map.scenarios[0].id.clone();
    let mut hospiced = scenario(&map).elements[&ElementId::from(office.as_str())].clone();
    if let ElementDetails::Office { hospiced: h, .. } = &mut hospiced.details {
        *h = Some("2023-06".into());
    }
    ops::apply(&mut map, &sc, &Op::UpdateElement { element: hospiced }).expect("dated");
    let back = from_json(&to_json(&map)).expect("reads");
    assert_eq!(office_hospiced(&back, &office).as_deref(), Some("2023-06"));
}

#[test]
fn a_hospice_date_must_be_a_date() {
    let map = district();
    let mut office = element("x", "Old office", None, ElementKind::Office);
    if let ElementDetails::Office { hospiced, .. } = &mut office.details {
        *hospiced = Some("last spring".into());
    }
    let err = ops::apply(
        &mut map.clone(),
        &map.scenarios[0].id.clone(),
        &Op::CreateElement { element: office },
    )
    .expect_err("refused");
    assert_eq!(err.kind, ErrorKind::InvalidDate);
    assert!(
        err.message.contains("when Old office was hospiced"),
        "{}",
        err.message
    );
}

#[test]
fn a_forming_or_active_sprint_team_has_no_end_date() {
    let map = district();
    let sc = map.scenarios[0].id.clone();
    let team = |status: SprintStatus, until: Option<&str>| {
        let mut e = element("t", "ES redesign", None, ElementKind::SprintTeam);
        e.details = ElementDetails::SprintTeam {
            purpose: String::new(),
            status,
            boundary: Boundary::Open,
        };
        e.annotations.span = Span {
            from: Some("2020-09".into()),
            until: until.map(Date::from),
        };
        Op::CreateElement { element: e }
    };
    for status in [SprintStatus::Forming, SprintStatus::Active] {
        let err = ops::apply(&mut map.clone(), &sc, &team(status, Some("2021-06")))
            .expect_err("an end date on a team still at work is refused");
        assert_eq!(err.kind, ErrorKind::SprintStatusSpan);
        assert!(err.message.contains("ES redesign") && err.message.contains("2021-06"));
        ops::apply(&mut map.clone(), &sc, &team(status, None)).expect("no end: fine");
    }
    for status in [
        SprintStatus::Dissolved,
        SprintStatus::Transformed,
        SprintStatus::AbsorbedIntoRoutine,
    ] {
        ops::apply(&mut map.clone(), &sc, &team(status, Some("2021-06"))).expect("ended, dated");
        ops::apply(&mut map.clone(), &sc, &team(status, None)).expect("ended, date unknown");
    }
}

#[test]
fn as_of_a_moment_an_office_hospiced_later_still_serves() {
    use murmuration_core::view::{shown, Filter};
    let mut map = district();
    let sc = &mut map.scenarios[0];
    for (id, when) in [("dated", Some("2023-06")), ("undated", Some(UNDATED))] {
        let mut office = element(id, id, None, ElementKind::Office);
        if let ElementDetails::Office { hospiced, .. } = &mut office.details {
            *hospiced = when.map(Date::from);
        }
        sc.elements.insert(office.id.clone(), office);
    }
    let hospiced_at = |moment: &str, id: &str| {
        let filter = Filter {
            time: Some(moment.into()),
            ..Filter::default()
        };
        let then = shown(&map.scenarios[0], &filter);
        matches!(
            then.elements[&ElementId::from(id)].details,
            ElementDetails::Office {
                hospiced: Some(_),
                ..
            }
        )
    };
    assert!(!hospiced_at("2023-05", "dated"));
    assert!(hospiced_at("2023-06", "dated"), "hospiced during its month");
    assert!(hospiced_at("2024", "dated"));
    assert!(
        hospiced_at("1990", "undated"),
        "an undated hospice holds at every moment"
    );
}
