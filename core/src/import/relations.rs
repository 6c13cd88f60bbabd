//! Relations into a map that already exists: survey edge lists (`source,target,medium,volume,
//! direction`, optionally `mode`) and member lists (`member,community`, optionally `role`). An edge
//! list's kind column may also say "barrier", "derives from" or "governs" ([`cascade`]).
//!
//! Names are matched to the scenario's elements by id, then by name (case and extra spaces
//! ignored). A name that matches nothing is created (a person for an edge-list end or a member, a
//! community for a community) when `create_missing` is set, and otherwise reported with its row and
//! the row skipped. The result is one [`Op::Batch`] — the shell applies it through the normal path,
//! so it is atomic and one undo takes it back — plus the warnings. The batch is tried on a copy of
//! the map before it is returned, so it is known to apply.
//!
//! A cell the import cannot use (a volume of 9, an unknown medium, a date that is not one) is an
//! error naming its row and column, and nothing is imported: a survey half-imported is worse than
//! one fixed and re-run.
//!
//! Either list may date its rows: a `from` column (or `since`, `start`) and an `until` column (or
//! `end`) give the relation its span. In an edge list whose ends are headed `from` and `to`, the
//! start column is `since` or `start`.

mod cascade;
mod cells;

use super::rows::TableRow;
use super::table::{self, Table};
use super::{check_name, span_of, warn, ImportWarning, SpanProblem, DATE_FORMS};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Annotations, Direction, Element, ElementDetails, ElementId, ElementKind, Map, Medium, Relation,
    RelationDetails, RelationId, Scenario, ScenarioId, Span,
};
use crate::ops::Op;
use cells::{flow_cells, role_of, FlowColumns};
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;
use std::path::Path;

/// What an import into an existing map produced: apply `op` to the scenario to take it in.
#[derive(Debug, Clone, Serialize, Type)]
pub struct BatchImport {
    /// An [`Op::Batch`]: the elements created, then the relations.
    pub op: Op,
    pub warnings: Vec<ImportWarning>,
    pub created: Vec<ElementId>,
    pub relations: u32,
}

/// Imports a survey edge list from `path` into `scenario` of `map` (see the module header).
pub fn import_relations(
    map: &Map,
    scenario: &ScenarioId,
    path: &Path,
    create_missing: bool,
    progress: impl FnMut(u32, u32),
) -> Result<BatchImport> {
    relations_from_table(
        map,
        scenario,
        &table::read_file(path)?,
        create_missing,
        progress,
    )
}

/// Imports a member list from `path` into `scenario` of `map` (see the module header).
pub fn import_members(
    map: &Map,
    scenario: &ScenarioId,
    path: &Path,
    create_missing: bool,
    progress: impl FnMut(u32, u32),
) -> Result<BatchImport> {
    members_from_table(
        map,
        scenario,
        &table::read_file(path)?,
        create_missing,
        progress,
    )
}

/// The columns that date a row, if the list has them (never one of the list's two ends).
struct DateColumns {
    from: Option<usize>,
    until: Option<usize>,
}

impl DateColumns {
    fn of(table: &Table, ends: &[usize]) -> Self {
        let find = |names: &[&str]| {
            table.headers.iter().enumerate().position(|(i, h)| {
                let h = h.trim().to_lowercase().replace(['_', '-'], " ");
                !ends.contains(&i) && names.contains(&h.as_str())
            })
        };
        Self {
            from: find(&["from", "since", "start", "start date", "from date"]),
            until: find(&["until", "end", "end date", "until date"]),
        }
    }

    /// The row's span; a cell that is not a date, or an end before the start, is an error naming
    /// the row and column.
    fn span(&self, row: &TableRow, table: &Table) -> Result<Span> {
        let cell = |c: Option<usize>| c.map(|c| row.cells[c].as_str());
        span_of(cell(self.from), cell(self.until)).map_err(|problem| {
            // A problem is only found in a cell that is there.
            let (from, until) = (self.from.unwrap_or(0), self.until.unwrap_or(0));
            let not_a_date = format!("is not a date: {DATE_FORMS}.");
            match problem {
                SpanProblem::From => invalid(row, table, from, &not_a_date),
                SpanProblem::Until => invalid(row, table, until, &not_a_date),
                SpanProblem::Order => invalid(
                    row,
                    table,
                    until,
                    &format!(
                        "ends before the row begins ({}).",
                        cell(self.from).unwrap_or_default()
                    ),
                ),
            }
        })
    }
}

fn header_of(table: &Table, names: &[&str]) -> Option<usize> {
    table.headers.iter().position(|h| {
        let h = h.trim().to_lowercase().replace(['_', '-'], " ");
        names.contains(&h.as_str())
    })
}

fn required(table: &Table, role: &str, names: &[&str]) -> Result<usize> {
    header_of(table, names).ok_or_else(|| {
        CoreError::new(
            ErrorKind::MissingColumn,
            format!(
                "No “{role}” column: row {} should name it (as {}); its columns are: {}.",
                table.header_row,
                names
                    .iter()
                    .take(3)
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join(", "),
                table.headers.join(", ")
            ),
        )
    })
}

fn invalid(row: &TableRow, table: &Table, col: usize, what: &str) -> CoreError {
    CoreError::new(
        ErrorKind::InvalidValue,
        format!(
            "Row {}, column “{}”: “{}” {what}",
            row.row, table.headers[col], row.cells[col]
        ),
    )
}

/// Finds elements by id or name and creates the missing ones when allowed.
struct Names<'a> {
    sc: &'a Scenario,
    by_name: HashMap<String, Vec<&'a ElementId>>,
    created: HashMap<String, ElementId>,
    ops: Vec<Op>,
    order: Vec<ElementId>,
    create_missing: bool,
    /// Rules this file created and gave a level, with the row that gave it.
    levelled: HashMap<ElementId, u32>,
}

enum Found {
    Element(ElementId, ElementKind),
    Skip(String),
}

/// The relations already on the map and those the file has added so far, so that none is added
/// twice: a flow is the same when it joins the same two elements the same way with the same
/// medium, a membership when it joins the same member and community, a cascade line when it joins
/// the same two elements as the same line (a "governs" line, for the same step).
struct Seen(HashMap<Ends, (Option<u32>, bool)>);

/// Source, target and what joins them.
type Ends = (ElementId, ElementId, Joins);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Joins {
    Flow(Medium),
    Member,
    Line(cascade::Line, Option<u32>),
}

impl Joins {
    /// What `details` joins, and whether both ways; `None` for reports-to (never imported).
    fn of(details: &RelationDetails) -> Option<(Self, bool)> {
        Some(match details {
            RelationDetails::Flow {
                medium, direction, ..
            } => (Self::Flow(*medium), *direction == Direction::Both),
            RelationDetails::MemberOf { .. } => (Self::Member, false),
            RelationDetails::Barrier { .. } => (Self::Line(cascade::Line::Barrier, None), false),
            RelationDetails::DerivesFrom => (Self::Line(cascade::Line::DerivesFrom, None), false),
            RelationDetails::Governs { step } => (Self::Line(cascade::Line::Governs, *step), false),
            RelationDetails::ReportsTo => return None,
        })
    }
}

impl Seen {
    fn new(sc: &Scenario) -> Self {
        let mut seen = HashMap::new();
        for r in sc.relations.values() {
            if let Some((joins, both)) = Joins::of(&r.details) {
                seen.insert((r.source.clone(), r.target.clone(), joins), (None, both));
            }
        }
        Self(seen)
    }

    /// Where the same relation was already: `Some(None)` on the map, `Some(Some(row))` earlier
    /// in the file; or `None`, and it is remembered as coming from `row`.
    fn check(
        &mut self,
        row: u32,
        a: &ElementId,
        b: &ElementId,
        joins: Joins,
        both: bool,
    ) -> Option<Option<u32>> {
        let forward = (a.clone(), b.clone(), joins);
        if let Some((at, _)) = self.0.get(&forward) {
            return Some(*at);
        }
        if both {
            if let Some((at, true)) = self.0.get(&(b.clone(), a.clone(), joins)) {
                return Some(*at);
            }
        }
        self.0.insert(forward, (Some(row), both));
        None
    }
}

/// "is already on the map" / "is already in row 3".
fn already(at: Option<u32>) -> String {
    match at {
        None => "is already on the map".to_owned(),
        Some(row) => format!("is already in row {row}"),
    }
}

fn key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'a> Names<'a> {
    fn new(sc: &'a Scenario, create_missing: bool) -> Self {
        let mut by_name: HashMap<String, Vec<&ElementId>> = HashMap::new();
        for e in sc.elements.values() {
            by_name.entry(key(&e.name)).or_default().push(&e.id);
        }
        Self {
            sc,
            by_name,
            created: HashMap::new(),
            ops: Vec::new(),
            order: Vec::new(),
            create_missing,
            levelled: HashMap::new(),
        }
    }

    fn find(&mut self, name: &str, create_as: ElementKind) -> Found {
        if let Some(e) = self.sc.elements.get(&ElementId(name.to_owned())) {
            return Found::Element(e.id.clone(), e.kind());
        }
        let k = key(name);
        match self.by_name.get(&k).map(Vec::as_slice) {
            Some([one]) => {
                let kind = self.sc.elements[*one].kind();
                return Found::Element((*one).clone(), kind);
            }
            Some(many) if many.len() > 1 => {
                return Found::Skip(format!(
                    "“{name}” could mean {} elements of the map; use its id instead. Skipped.",
                    many.len()
                ))
            }
            _ => {}
        }
        if let Some((id, kind)) = self
            .created
            .get(&k)
            .map(|id| (id.clone(), self.kind_of_created(id)))
        {
            return Found::Element(id, kind);
        }
        if !self.create_missing {
            return Found::Skip(format!("nothing on the map is called “{name}”. Skipped."));
        }
        let id = ElementId::new();
        self.ops.push(Op::CreateElement {
            element: Element {
                id: id.clone(),
                name: name.to_owned(),
                parent: None,
                details: ElementDetails::default_for(create_as),
                annotations: Annotations::default(),
            },
        });
        self.order.push(id.clone());
        self.created.insert(k, id.clone());
        Found::Element(id, create_as)
    }

    fn kind_of_created(&self, id: &ElementId) -> ElementKind {
        self.ops
            .iter()
            .find_map(|op| match op {
                Op::CreateElement { element } if &element.id == id => Some(element.kind()),
                _ => None,
            })
            .unwrap_or(ElementKind::Person)
    }
}

fn scenario_of<'a>(map: &'a Map, scenario: &ScenarioId) -> Result<&'a Scenario> {
    map.scenario(scenario).ok_or_else(|| {
        CoreError::new(
            ErrorKind::UnknownScenario,
            format!("There is no scenario {} in this map.", scenario.0),
        )
        .about(&scenario.0)
    })
}

/// Puts the created elements before the relations and checks the whole batch applies.
fn finish(
    map: &Map,
    scenario: &ScenarioId,
    names: Names,
    relations: Vec<Op>,
    warnings: Vec<ImportWarning>,
    origins: &[cascade::Origin],
) -> Result<BatchImport> {
    if relations.is_empty() && names.ops.is_empty() {
        return Err(nothing_added(&warnings));
    }
    let count = relations.len() as u32;
    let mut ops = names.ops;
    ops.extend(relations);
    let op = Op::Batch { ops };
    let mut trial = map.clone();
    crate::ops::apply(&mut trial, scenario, &op).map_err(|e| cascade::placed(e, origins))?;
    Ok(BatchImport {
        op,
        warnings,
        created: names.order,
        relations: count,
    })
}

/// An import that would add nothing is refused, so it leaves no undo step behind.
fn nothing_added(warnings: &[ImportWarning]) -> CoreError {
    let message = match warnings {
        [] => "The file has a header but no rows to import.".to_owned(),
        [only] => format!(
            "Nothing was added, so the map is unchanged. {}",
            only.message
        ),
        [first, rest @ ..] => format!(
            "Nothing was added, so the map is unchanged. {} (and {} more warnings)",
            first.message,
            rest.len()
        ),
    };
    CoreError::new(ErrorKind::NothingToImport, message)
}

/// Imports an edge list from a table already read (see [`import_relations`]).
pub fn relations_from_table(
    map: &Map,
    scenario: &ScenarioId,
    table: &Table,
    create_missing: bool,
    mut progress: impl FnMut(u32, u32),
) -> Result<BatchImport> {
    let sc = scenario_of(map, scenario)?;
    let source = required(
        table,
        "source",
        &["source", "from", "sender", "giver", "ego"],
    )?;
    let target = required(
        table,
        "target",
        &["target", "to", "receiver", "recipient", "alter"],
    )?;
    let columns = FlowColumns::of(table);
    let rules = cascade::Columns::of(table);
    let dates = DateColumns::of(table, &[source, target]);
    let mut names = Names::new(sc, create_missing);
    let mut relations = Vec::new();
    let mut origins = Vec::new();
    let mut warnings = table.warnings.clone();
    let mut seen = Seen::new(sc);
    let total = table.rows.len() as u32;
    for (i, row) in table.rows.iter().enumerate() {
        let (s, t) = (&row.cells[source], &row.cells[target]);
        if s.is_empty() || t.is_empty() {
            warnings.push(warn(row.row, "lacks a source or a target. Skipped."));
            continue;
        }
        check_name(row.row, &table.headers[source], s)?;
        check_name(row.row, &table.headers[target], t)?;
        let line = columns
            .medium
            .and_then(|c| cascade::Line::named(&row.cells[c]));
        rules.check_unused(row, table, line)?;
        let flow = match line {
            None => Some(flow_cells(row, table, &columns)?),
            Some(_) => None,
        };
        let span = dates.span(row, table)?;
        let (create_s, create_t) = line.map_or(
            (ElementKind::Person, ElementKind::Person),
            cascade::Line::creates,
        );
        let ends = (names.find(s, create_s), names.find(t, create_t));
        let (a, a_kind, b, b_kind) = match ends {
            (Found::Element(a, _), Found::Element(b, _)) if a == b => {
                warnings.push(warn(row.row, "joins an element to itself. Skipped."));
                continue;
            }
            (Found::Element(a, ak), Found::Element(b, bk)) => (a, ak, b, bk),
            (Found::Skip(why), _) | (_, Found::Skip(why)) => {
                warnings.push(warn(row.row, &why));
                continue;
            }
        };
        let details = match (line, flow) {
            (Some(line), _) => rules.details(
                line,
                row,
                table,
                &mut names,
                [(&a, a_kind, source), (&b, b_kind, target)],
                &mut warnings,
            )?,
            (None, Some((medium, volume, direction, mode))) => RelationDetails::Flow {
                medium,
                direction,
                volume,
                cadence: String::new(),
                mode,
            },
            (None, None) => unreachable!("a row is a flow or a line of the cascade"),
        };
        let Some((joins, both)) = Joins::of(&details) else {
            continue;
        };
        if let Some(at) = seen.check(row.row, &a, &b, joins, both) {
            let what = match (joins, line) {
                (Joins::Flow(medium), _) => {
                    format!("a flow of {}", format!("{medium:?}").to_lowercase())
                }
                (_, Some(line)) => line.said().to_owned(),
                _ => "a line".to_owned(),
            };
            warnings.push(warn(
                row.row,
                &format!(
                    "repeats {what} from “{s}” to “{t}” that {}. Skipped.",
                    already(at)
                ),
            ));
        } else {
            let id = RelationId::new();
            if line.is_some() {
                origins.push(rules.origin(table, row, target, &id, &details));
            }
            relations.push(Op::Connect {
                relation: Relation {
                    id,
                    source: a,
                    target: b,
                    details,
                    annotations: Annotations {
                        span,
                        ..Annotations::default()
                    },
                },
            })
        }
        if (i as u32 + 1).is_multiple_of(super::org_chart::PROGRESS_EVERY) {
            progress(i as u32 + 1, total);
        }
    }
    progress(total, total);
    finish(map, scenario, names, relations, warnings, &origins)
}

/// The headers a member list's community column goes by.
const GROUP_HEADERS: &[&str] = &[
    "community",
    "group",
    "sprint team",
    "team",
    "community of practice",
];

/// Why a member list row naming something other than a community or sprint team is skipped.
fn not_a_group(name: &str, kind: ElementKind) -> String {
    format!(
        "names “{name}”, which is a{} {}, not a community or sprint team. Skipped.",
        if kind == ElementKind::Office { "n" } else { "" },
        kind.label().to_lowercase()
    )
}

/// Imports a member list from a table already read (see [`import_members`]).
pub fn members_from_table(
    map: &Map,
    scenario: &ScenarioId,
    table: &Table,
    create_missing: bool,
    mut progress: impl FnMut(u32, u32),
) -> Result<BatchImport> {
    let sc = scenario_of(map, scenario)?;
    let member = required(table, "member", &["member", "person", "name", "who"])?;
    let group = required(table, "community", GROUP_HEADERS)?;
    let role = header_of(table, &["role", "membership"]);
    let dates = DateColumns::of(table, &[member, group]);
    let mut names = Names::new(sc, create_missing);
    let mut relations = Vec::new();
    let mut warnings = table.warnings.clone();
    let mut seen = Seen::new(sc);
    let total = table.rows.len() as u32;
    for (i, row) in table.rows.iter().enumerate() {
        let (m, g) = (&row.cells[member], &row.cells[group]);
        if m.is_empty() || g.is_empty() {
            warnings.push(warn(row.row, "lacks a member or a community. Skipped."));
            continue;
        }
        check_name(row.row, &table.headers[member], m)?;
        check_name(row.row, &table.headers[group], g)?;
        let role = role_of(row, table, role)?;
        let span = dates.span(row, table)?;
        let ends = (
            names.find(m, ElementKind::Person),
            names.find(g, ElementKind::Community),
        );
        match ends {
            (Found::Element(_, _), Found::Element(_, kind))
                if !matches!(kind, ElementKind::Community | ElementKind::SprintTeam) =>
            {
                warnings.push(warn(row.row, &not_a_group(g, kind)));
            }
            (Found::Element(a, _), Found::Element(b, _)) if a == b => {
                warnings.push(warn(
                    row.row,
                    "makes a community a member of itself. Skipped.",
                ));
            }
            (Found::Element(a, _), Found::Element(b, _)) => {
                if let Some(at) = seen.check(row.row, &a, &b, Joins::Member, false) {
                    warnings.push(warn(
                        row.row,
                        &format!(
                            "makes “{m}” a member of “{g}”, a membership that {}. Skipped.",
                            already(at)
                        ),
                    ));
                } else {
                    relations.push(Op::Connect {
                        relation: Relation {
                            id: RelationId::new(),
                            source: a,
                            target: b,
                            details: RelationDetails::MemberOf { role },
                            annotations: Annotations {
                                span,
                                ..Annotations::default()
                            },
                        },
                    })
                }
            }
            (Found::Skip(why), _) | (_, Found::Skip(why)) => warnings.push(warn(row.row, &why)),
        }
        if (i as u32 + 1).is_multiple_of(super::org_chart::PROGRESS_EVERY) {
            progress(i as u32 + 1, total);
        }
    }
    progress(total, total);
    finish(map, scenario, names, relations, warnings, &[])
}
