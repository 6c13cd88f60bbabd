//! The map laid out in time, decided once for the window's scrubber and timeline view (and for
//! anything else that draws time): the extent from the earliest date in a scenario to today, its
//! month and year ticks, the events worth marking (formed, dissolved, hospiced, established) and
//! the swim lanes — offices by the year they were established (the geology strata), communities
//! with their stage, sprint teams from forming to dissolving, and the routines, partners and
//! flows that carry spans.
//!
//! Everything is placed by month: a bar or an event says which month of the extent it starts and
//! ends in (`0` is the first), so the window draws positions and never reads a date itself.

use crate::model::{
    Date, Element, ElementDetails, ElementKind, Map, RelationDetails, Scenario, ScenarioId, Span,
};
use serde::Serialize;
use specta::Type;

/// A scenario in time. `months` names every month of the extent in order (`"2018-01"`); every
/// `at`, `start` and `end` below is an index into it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Timeline {
    pub scenario: ScenarioId,
    pub months: Vec<String>,
    /// The first month of each year in the extent, labelled with the year.
    pub years: Vec<Tick>,
    /// By month, then by element name.
    pub events: Vec<TimeEvent>,
    pub lanes: Vec<Lane>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Tick {
    pub at: u32,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Established,
    Formed,
    Dissolved,
    Hospiced,
}

/// Something that happened to one element: a mark on the scrubber.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TimeEvent {
    pub kind: EventKind,
    pub element: String,
    pub name: String,
    /// As the map writes it (`2021-04`).
    pub date: String,
    pub at: u32,
}

/// One swim lane: a family of elements (or flows) drawn as bars over the years.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Lane {
    /// `offices`, `communities`, `sprint_teams`, `routines`, `partners` or `flows`.
    pub id: String,
    pub label: String,
    /// The kind of element its bars are (drawn in its colours); `None` for flows.
    pub kind: Option<ElementKind>,
    pub bars: Vec<Bar>,
}

/// One element (or flow) over its life. An open start runs from the extent's first month, an open
/// end to its last (today).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Bar {
    /// The element's id, or the flow's relation id.
    pub id: String,
    pub name: String,
    pub start: u32,
    pub end: u32,
    /// Whether the bar runs on past today's month (nothing ends it).
    pub open: bool,
    /// A word on its state: a community's stage, a sprint team's status, "hospiced".
    pub note: Option<String>,
}

/// A month as `year * 12 + (month - 1)`.
type Month = i64;

fn month_of(yyyymmdd: u32) -> Month {
    i64::from(yyyymmdd / 10_000) * 12 + i64::from(yyyymmdd / 100 % 100) - 1
}

fn month_name(m: Month) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// The first and last month a date names; `None` for text that is not a date.
fn months_of(date: &Date) -> Option<(Month, Month)> {
    date.bounds()
        .map(|(first, last)| (month_of(first), month_of(last)))
}

/// When an element began: its span's start, else (an office) the year it was established.
fn began(element: &Element) -> Option<Date> {
    element
        .annotations
        .span
        .from
        .clone()
        .or_else(|| match &element.details {
            ElementDetails::Office {
                established: Some(year),
                ..
            } => Some(Date::parse(format!("{year:04}"))),
            _ => None,
        })
}

/// When an office was hospiced, if it was and the date is known.
fn hospiced(element: &Element) -> Option<&Date> {
    match &element.details {
        ElementDetails::Office {
            hospiced: Some(date),
            ..
        } if date.bounds().is_some() => Some(date),
        _ => None,
    }
}

/// The lane an element is drawn in, if any.
fn lane_of(kind: ElementKind) -> Option<usize> {
    match kind {
        ElementKind::Office => Some(0),
        ElementKind::Community => Some(1),
        ElementKind::SprintTeam => Some(2),
        ElementKind::Routine => Some(3),
        ElementKind::Partner => Some(4),
        ElementKind::Site | ElementKind::Person | ElementKind::Rule => None,
    }
}

const LANES: [(&str, &str, Option<ElementKind>); 6] = [
    (
        "offices",
        "Offices (by year established)",
        Some(ElementKind::Office),
    ),
    ("communities", "Communities", Some(ElementKind::Community)),
    (
        "sprint_teams",
        "Sprint teams",
        Some(ElementKind::SprintTeam),
    ),
    ("routines", "Routines", Some(ElementKind::Routine)),
    ("partners", "Partners", Some(ElementKind::Partner)),
    ("flows", "Flows", None),
];

/// Every dated thing of the scenario, before it is placed: (lane, id, name, start, end, note).
struct Dated {
    lane: usize,
    id: String,
    name: String,
    from: Option<(Month, Month)>,
    until: Option<(Month, Month)>,
    note: Option<String>,
}

fn word<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
}

fn dated(scenario: &Scenario) -> Vec<Dated> {
    let mut out = Vec::new();
    for element in scenario.elements.values() {
        let Some(lane) = lane_of(element.kind()) else {
            continue;
        };
        let from = began(element).as_ref().and_then(months_of);
        let until = element.annotations.span.until.as_ref().and_then(months_of);
        if from.is_none() && until.is_none() {
            continue;
        }
        let note = match &element.details {
            ElementDetails::Community { stage, .. } => word(stage),
            ElementDetails::SprintTeam { status, .. } => word(status),
            _ => hospiced(element).map(|d| format!("hospiced {d}")),
        };
        out.push(Dated {
            lane,
            id: element.id.0.clone(),
            name: element.name.clone(),
            from,
            until,
            note,
        });
    }
    for relation in scenario.relations.values() {
        let RelationDetails::Flow { medium, .. } = &relation.details else {
            continue;
        };
        let Span { from, until } = &relation.annotations.span;
        let (from, until) = (
            from.as_ref().and_then(months_of),
            until.as_ref().and_then(months_of),
        );
        if from.is_none() && until.is_none() {
            continue;
        }
        let end_name = |id: &crate::model::ElementId| {
            scenario
                .elements
                .get(id)
                .map_or_else(|| id.0.clone(), |e| e.name.clone())
        };
        out.push(Dated {
            lane: 5,
            id: relation.id.0.clone(),
            name: format!(
                "{} \u{2192} {}",
                end_name(&relation.source),
                end_name(&relation.target)
            ),
            from,
            until,
            note: word(medium),
        });
    }
    out
}

/// The events of one element: established or formed, dissolved, hospiced.
fn events_of(element: &Element) -> Vec<(EventKind, Date)> {
    let mut out = Vec::new();
    let span = &element.annotations.span;
    let office = element.kind() == ElementKind::Office;
    if let Some(from) = began(element) {
        let kind = if office && span.from.is_none() {
            EventKind::Established
        } else {
            EventKind::Formed
        };
        out.push((kind, from));
    }
    if let Some(date) = hospiced(element) {
        out.push((EventKind::Hospiced, date.clone()));
    }
    if let Some(until) = &span.until {
        out.push((EventKind::Dissolved, until.clone()));
    }
    out
}

/// `scenario` in time, up to `today` (`yyyy-mm-dd`, or any date: its month is the extent's last).
pub fn timeline_until(scenario: &Scenario, today: &Date) -> Timeline {
    let now = months_of(today).map_or(0, |(first, _)| first);
    let dated = dated(scenario);
    let earliest = dated
        .iter()
        .flat_map(|d| [d.from.map(|f| f.0), d.until.map(|u| u.0)])
        .flatten()
        .min()
        .unwrap_or(now)
        .min(now);
    // The extent starts with a whole year, so the first year tick is its first month.
    let first = earliest - earliest.rem_euclid(12);
    let index = |m: Month| u32::try_from((m.clamp(first, now) - first).max(0)).unwrap_or(0);
    let months: Vec<String> = (first..=now).map(month_name).collect();
    let years = (first..=now)
        .step_by(12)
        .map(|m| Tick {
            at: index(m),
            label: format!("{}", m.div_euclid(12)),
        })
        .collect();

    let mut lanes: Vec<Lane> = LANES
        .iter()
        .map(|(id, label, kind)| Lane {
            id: (*id).to_owned(),
            label: (*label).to_owned(),
            kind: *kind,
            bars: Vec::new(),
        })
        .collect();
    for d in dated {
        lanes[d.lane].bars.push(Bar {
            id: d.id,
            name: d.name,
            start: d.from.map_or(0, |f| index(f.0)),
            end: d.until.map_or(index(now), |u| index(u.1)),
            open: d.until.is_none_or(|u| u.1 > now),
            note: d.note,
        });
    }
    for lane in &mut lanes {
        lane.bars
            .sort_by(|a, b| (a.start, a.end, &a.name).cmp(&(b.start, b.end, &b.name)));
    }
    lanes.retain(|l| !l.bars.is_empty());

    let mut events: Vec<TimeEvent> = scenario
        .elements
        .values()
        .filter(|e| lane_of(e.kind()).is_some())
        .flat_map(|e| {
            events_of(e).into_iter().filter_map(|(kind, date)| {
                let (month, _) = months_of(&date)?;
                Some(TimeEvent {
                    kind,
                    element: e.id.0.clone(),
                    name: e.name.clone(),
                    date: date.to_string(),
                    at: index(month),
                })
            })
        })
        .collect();
    events.sort_by(|a, b| (a.at, &a.name, a.kind).cmp(&(b.at, &b.name, b.kind)));

    Timeline {
        scenario: scenario.id.clone(),
        months,
        years,
        events,
        lanes,
    }
}

/// The scenario `id` of `map` in time, up to today; an unknown scenario is an error naming the
/// map's scenarios.
pub fn timeline(map: &Map, id: &ScenarioId) -> crate::error::Result<Timeline> {
    let scenario = crate::view::scenario_of(map, id)?;
    Ok(timeline_until(
        scenario,
        &Date::parse(crate::render::today()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotations, ElementId, Relation, RelationId};

    fn element(
        id: &str,
        details: ElementDetails,
        from: Option<&str>,
        until: Option<&str>,
    ) -> Element {
        Element {
            id: ElementId::from(id),
            name: id.to_uppercase(),
            parent: None,
            details,
            annotations: Annotations {
                span: Span {
                    from: from.map(Date::parse),
                    until: until.map(Date::parse),
                },
                ..Annotations::default()
            },
        }
    }

    fn office(year: Option<i32>) -> ElementDetails {
        let mut details = ElementDetails::default_for(ElementKind::Office);
        if let ElementDetails::Office { established, .. } = &mut details {
            *established = year;
        }
        details
    }

    /// A small dated district: two offices laid down decades apart, a sprint team that formed and
    /// dissolved, a routine it became, an undated partner and a dated flow.
    fn dated_scenario() -> Scenario {
        let mut s = Scenario::empty("As is");
        for e in [
            element("curriculum", office(Some(1998)), None, None),
            element("data", office(Some(2016)), None, None),
            element(
                "sprint",
                ElementDetails::default_for(ElementKind::SprintTeam),
                Some("2020-09"),
                Some("2021-06"),
            ),
            element(
                "review",
                ElementDetails::default_for(ElementKind::Routine),
                Some("2021-07"),
                None,
            ),
            element(
                "partner",
                ElementDetails::default_for(ElementKind::Partner),
                None,
                None,
            ),
        ] {
            s.elements.insert(e.id.clone(), e);
        }
        let flow = Relation {
            id: RelationId::from("f1"),
            source: ElementId::from("data"),
            target: ElementId::from("sprint"),
            details: RelationDetails::default_for(crate::model::RelationKind::Flow),
            annotations: Annotations {
                span: Span {
                    from: Some(Date::parse("2020-10")),
                    until: Some(Date::parse("2021")),
                },
                ..Annotations::default()
            },
        };
        s.relations.insert(flow.id.clone(), flow);
        s
    }

    #[test]
    fn the_extent_runs_from_the_first_year_of_the_earliest_date_to_today() {
        let t = timeline_until(&dated_scenario(), &Date::parse("2025-03-14"));
        assert_eq!(t.months.first().map(String::as_str), Some("1998-01"));
        assert_eq!(t.months.last().map(String::as_str), Some("2025-03"));
        assert_eq!(t.years.len(), 2025 - 1998 + 1);
        assert_eq!(t.years[1].label, "1999");
        assert_eq!(t.months[t.years[1].at as usize], "1999-01");
    }

    #[test]
    fn offices_are_strata_by_the_year_they_were_established() {
        let t = timeline_until(&dated_scenario(), &Date::parse("2025-03-14"));
        let offices = t
            .lanes
            .iter()
            .find(|l| l.id == "offices")
            .expect("offices lane");
        let names: Vec<&str> = offices.bars.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["CURRICULUM", "DATA"]);
        assert_eq!(t.months[offices.bars[1].start as usize], "2016-01");
        assert!(offices.bars.iter().all(|b| b.open), "nothing ended them");
        assert!(
            t.lanes
                .iter()
                .all(|l| l.bars.iter().all(|b| b.id != "partner")),
            "an undated partner has no bar"
        );
    }

    #[test]
    fn a_sprint_team_is_a_bar_from_forming_to_dissolving_with_its_events() {
        let t = timeline_until(&dated_scenario(), &Date::parse("2025-03-14"));
        let teams = t
            .lanes
            .iter()
            .find(|l| l.id == "sprint_teams")
            .expect("teams lane");
        let bar = &teams.bars[0];
        assert_eq!(
            (
                t.months[bar.start as usize].as_str(),
                t.months[bar.end as usize].as_str()
            ),
            ("2020-09", "2021-06")
        );
        assert!(!bar.open);
        let of_team: Vec<(EventKind, &str)> = t
            .events
            .iter()
            .filter(|e| e.element == "sprint")
            .map(|e| (e.kind, e.date.as_str()))
            .collect();
        assert_eq!(
            of_team,
            [
                (EventKind::Formed, "2020-09"),
                (EventKind::Dissolved, "2021-06")
            ]
        );
        let established = t
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Established)
            .count();
        assert_eq!(established, 2);
    }

    #[test]
    fn a_hospiced_office_is_marked_when_it_was_hospiced() {
        let mut s = dated_scenario();
        if let Some(ElementDetails::Office { hospiced, .. }) = s
            .elements
            .get_mut(&ElementId::from("curriculum"))
            .map(|e| &mut e.details)
        {
            *hospiced = Some(Date::parse("2023-06"));
        }
        let t = timeline_until(&s, &Date::parse("2025-03-14"));
        let marks: Vec<(EventKind, &str)> = t
            .events
            .iter()
            .filter(|e| e.element == "curriculum")
            .map(|e| (e.kind, e.date.as_str()))
            .collect();
        assert_eq!(
            marks,
            [
                (EventKind::Established, "1998"),
                (EventKind::Hospiced, "2023-06")
            ]
        );
        let offices = t.lanes.iter().find(|l| l.id == "offices").expect("offices");
        assert_eq!(offices.bars[0].note.as_deref(), Some("hospiced 2023-06"));
    }

    #[test]
    fn a_flow_that_ends_in_a_year_runs_to_its_last_month() {
        let t = timeline_until(&dated_scenario(), &Date::parse("2025-03-14"));
        let flows = t
            .lanes
            .iter()
            .find(|l| l.id == "flows")
            .expect("flows lane");
        assert_eq!(flows.bars[0].name, "DATA \u{2192} SPRINT");
        assert_eq!(t.months[flows.bars[0].end as usize], "2021-12");
    }

    #[test]
    fn an_undated_map_is_one_year_of_today_with_no_lanes() {
        let t = timeline_until(&Scenario::empty("Blank"), &Date::parse("2025-03-14"));
        assert_eq!(t.months.len(), 3);
        assert!(t.lanes.is_empty() && t.events.is_empty());
    }
}
