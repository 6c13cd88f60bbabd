//! The policy cascade's rows in an edge list (004). A row whose kind cell says "derives from",
//! "governs" or "barrier" becomes that line instead of a flow, with its own optional columns:
//! `level` and `target level` (the rules' levels, for rules the file creates), `step` (the step a
//! rule governs) and `claims` (the rule a barrier claims), with `reason` for a barrier.
//!
//! Kept apart from the flows so a survey's rules read in one place. Every cell the import cannot
//! use is an error naming its row and column; so is a refusal of the core's found only when the
//! whole batch is tried (a "derives from" loop, a step the routine lacks), which names the row
//! whose line it refuses.

use super::{invalid, Found, Names};
use crate::error::{CoreError, ErrorKind, Result};
use crate::import::rows::TableRow;
use crate::import::table::Table;
use crate::model::{
    ElementDetails, ElementId, ElementKind, RelationDetails, RelationId, RuleLevel,
};
use crate::ops::Op;

/// A line of the cascade a row may ask for in its kind column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Line {
    Barrier,
    DerivesFrom,
    Governs,
}

impl Line {
    /// The line a kind cell names, or `None` for a flow's medium (or anything else).
    pub(super) fn named(cell: &str) -> Option<Self> {
        let word = cell.trim().to_lowercase().replace(['_', '-'], " ");
        Some(match word.as_str() {
            "barrier" | "blocked" | "blocks" => Self::Barrier,
            "derives from" | "derived from" | "derives" => Self::DerivesFrom,
            "governs" | "governed" | "applies to" => Self::Governs,
            _ => return None,
        })
    }

    /// What a missing end is created as: the rule ends as rules; a governed element as an office
    /// (a routine would have no steps to govern); a barrier's ends as people, like a flow's.
    pub(super) fn creates(self) -> (ElementKind, ElementKind) {
        match self {
            Self::DerivesFrom => (ElementKind::Rule, ElementKind::Rule),
            Self::Governs => (ElementKind::Rule, ElementKind::Office),
            Self::Barrier => (ElementKind::Person, ElementKind::Person),
        }
    }

    /// How a repeat of the line is named in a warning.
    pub(super) fn said(self) -> &'static str {
        match self {
            Self::Barrier => "a barrier",
            Self::DerivesFrom => "a “derives from” line",
            Self::Governs => "a “governs” line",
        }
    }
}

/// The cascade's optional columns.
pub(super) struct Columns {
    level: Option<usize>,
    target_level: Option<usize>,
    step: Option<usize>,
    claims: Option<usize>,
    reason: Option<usize>,
}

/// Where a line the batch may refuse came from, so the refusal can name the row and column.
pub(super) struct Origin {
    pub relation: RelationId,
    pub row: u32,
    pub column: String,
}

impl Columns {
    pub(super) fn of(table: &Table) -> Self {
        let find = |names: &[&str]| super::header_of(table, names);
        Self {
            level: find(&["level", "rule level", "source level"]),
            target_level: find(&["target level", "to level"]),
            step: find(&["step", "routine step"]),
            claims: find(&["claims", "claimed rule", "claims rule"]),
            reason: find(&["reason", "why"]),
        }
    }

    /// The cell of `column`, trimmed, when the table has the column and the cell is filled.
    fn cell<'r>(&self, row: &'r TableRow, column: Option<usize>) -> Option<(usize, &'r str)> {
        let c = column?;
        Some((c, row.cells[c].trim())).filter(|(_, v)| !v.is_empty())
    }

    /// A cell filled on a row whose line has no use for it (a step on a flow, a claimed rule on a
    /// "governs" row) is a mistake worth naming, not a silent loss. `line`: `None` for a flow.
    pub(super) fn check_unused(
        &self,
        row: &TableRow,
        table: &Table,
        line: Option<Line>,
    ) -> Result<()> {
        let rule_line = matches!(line, Some(Line::DerivesFrom | Line::Governs));
        for (column, used, what) in [
            (
                self.level,
                rule_line,
                "is a rule level, and only a “derives from” or “governs” row gives one.",
            ),
            (
                self.target_level,
                rule_line,
                "is a rule level, and only a “derives from” or “governs” row gives one.",
            ),
            (
                self.step,
                line == Some(Line::Governs),
                "is a step, and only a “governs” row names one.",
            ),
            (
                self.claims,
                line == Some(Line::Barrier),
                "is a claimed rule, and only a barrier row claims one.",
            ),
        ] {
            if let Some((c, _)) = self.cell(row, column).filter(|_| !used) {
                return Err(invalid(row, table, c, what));
            }
        }
        Ok(())
    }

    /// The relation a cascade row asks for from `a` to `b` (found or created as [`Line::creates`]
    /// says), with the levels it gives rules the file creates.
    pub(super) fn details(
        &self,
        line: Line,
        row: &TableRow,
        table: &Table,
        names: &mut Names,
        ends: [(&ElementId, ElementKind, usize); 2],
        warnings: &mut Vec<crate::import::ImportWarning>,
    ) -> Result<RelationDetails> {
        let [(a, a_kind, a_col), (b, b_kind, b_col)] = ends;
        let is_rule = |k: ElementKind| k == ElementKind::Rule;
        let wrong = |col: usize, kind: ElementKind, why: &str| {
            invalid(
                row,
                table,
                col,
                &format!(
                    "is a{} {}, {why}",
                    article(kind),
                    kind.label().to_lowercase()
                ),
            )
        };
        match line {
            Line::DerivesFrom if !is_rule(a_kind) => {
                return Err(wrong(a_col, a_kind, "not a rule: only a rule derives from a rule."))
            }
            Line::DerivesFrom if !is_rule(b_kind) => {
                return Err(wrong(b_col, b_kind, "not a rule: a rule derives from a rule."))
            }
            Line::Governs if !is_rule(a_kind) => {
                return Err(wrong(a_col, a_kind, "not a rule: only a rule governs."))
            }
            Line::Governs if is_rule(b_kind) => {
                return Err(wrong(
                    b_col,
                    b_kind,
                    "and a rule governs offices, sites, routines and people: write “derives from” between rules.",
                ))
            }
            _ => {}
        }
        for (end, kind, column) in [(a, a_kind, self.level), (b, b_kind, self.target_level)] {
            if let Some((c, v)) = self.cell(row, column) {
                if !is_rule(kind) {
                    return Err(wrong(c, kind, "not a rule, so it has no level."));
                }
                let level = level_named(v).ok_or_else(|| {
                    invalid(
                        row,
                        table,
                        c,
                        "is not a rule level: use board policy, procedural policy or procedural practice.",
                    )
                })?;
                if let Some(warning) = names.give_level(end, level, row.row) {
                    warnings.push(warning);
                }
            }
        }
        Ok(match line {
            Line::DerivesFrom => RelationDetails::DerivesFrom,
            Line::Governs => RelationDetails::Governs {
                step: match self.cell(row, self.step) {
                    None => None,
                    Some((c, v)) => {
                        Some(v.parse::<u32>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                            invalid(row, table, c, "is not a step number (1 is the first step).")
                        })?)
                    }
                },
            },
            Line::Barrier => RelationDetails::Barrier {
                reason: self
                    .cell(row, self.reason)
                    .map(|(_, v)| v.to_owned())
                    .unwrap_or_default(),
                checked: false,
                claims: self.claimed(row, table, names)?,
            },
        })
    }

    /// The rule a barrier row claims: found by id or name (created as a rule when the import
    /// creates what is missing); anything but a rule is an error naming the cell.
    fn claimed(
        &self,
        row: &TableRow,
        table: &Table,
        names: &mut Names,
    ) -> Result<Option<ElementId>> {
        let Some((c, name)) = self.cell(row, self.claims) else {
            return Ok(None);
        };
        match names.find(name, ElementKind::Rule) {
            Found::Element(id, ElementKind::Rule) => Ok(Some(id)),
            Found::Element(_, kind) => Err(invalid(
                row,
                table,
                c,
                &format!(
                    "is a{} {}, not a rule: a barrier can only claim a rule.",
                    article(kind),
                    kind.label().to_lowercase()
                ),
            )),
            Found::Skip(_) => Err(invalid(
                row,
                table,
                c,
                "is not a rule on the map: a barrier can only claim a rule (add it first, or let the import create what is missing).",
            )),
        }
    }

    /// Where a refusal of `details` would point: the step, the claimed rule, or the target.
    pub(super) fn origin(
        &self,
        table: &Table,
        row: &TableRow,
        target: usize,
        relation: &RelationId,
        details: &RelationDetails,
    ) -> Origin {
        let column = match details {
            RelationDetails::Governs { step: Some(_) } => self.step,
            RelationDetails::Barrier {
                claims: Some(_), ..
            } => self.claims,
            _ => None,
        }
        .unwrap_or(target);
        Origin {
            relation: relation.clone(),
            row: row.row,
            column: table.headers[column].clone(),
        }
    }
}

fn article(kind: ElementKind) -> &'static str {
    if kind == ElementKind::Office {
        "n"
    } else {
        ""
    }
}

/// A rule level as a person writes it.
fn level_named(cell: &str) -> Option<RuleLevel> {
    let word = cell.trim().to_lowercase().replace(['_', '-'], " ");
    Some(match word.as_str() {
        "board policy" | "board" | "policy" => RuleLevel::BoardPolicy,
        "procedural policy" | "procedure" | "administrative regulation" | "regulation" => {
            RuleLevel::ProceduralPolicy
        }
        "procedural practice" | "practice" | "habit" => RuleLevel::ProceduralPractice,
        _ => return None,
    })
}

/// A refusal of the trial batch about one of the file's lines, said with the row and column it
/// came from (a "derives from" loop, a step the routine lacks).
pub(super) fn placed(error: CoreError, origins: &[Origin]) -> CoreError {
    let found = origins
        .iter()
        .find(|o| error.subjects.contains(&o.relation.0));
    match found {
        Some(o) if matches!(error.kind, ErrorKind::RuleCycle | ErrorKind::CascadeEnds) => {
            CoreError {
                message: format!("Row {}, column “{}”: {}", o.row, o.column, error.message),
                ..error
            }
        }
        _ => error,
    }
}

impl Names<'_> {
    /// Gives a rule `level` when this file creates it; a rule on the map, or one an earlier row
    /// gave another level, keeps its level and the row is warned about.
    pub(super) fn give_level(
        &mut self,
        rule: &ElementId,
        level: RuleLevel,
        row: u32,
    ) -> Option<crate::import::ImportWarning> {
        let kept = |name: &str, was: RuleLevel, by: String| {
            Some(crate::import::warn(
                row,
                &format!(
                    "gives “{name}” the level {}, but {by} has it as {}; that is kept.",
                    level.label().to_lowercase(),
                    was.label().to_lowercase()
                ),
            ))
        };
        if let Some(e) = self.sc.elements.get(rule) {
            return match e.details {
                ElementDetails::Rule { level: was, .. } if was != level => {
                    kept(&e.name, was, "the map".into())
                }
                _ => None,
            };
        }
        let earlier = self.levelled.get(rule).copied();
        let created = self.ops.iter_mut().find_map(|op| match op {
            Op::CreateElement { element } if &element.id == rule => Some(element),
            _ => None,
        })?;
        let ElementDetails::Rule { level: was, .. } = &mut created.details else {
            return None;
        };
        match earlier {
            Some(at) if *was != level => kept(&created.name, *was, format!("row {at}")),
            Some(_) => None,
            None => {
                *was = level;
                self.levelled.insert(rule.clone(), row);
                None
            }
        }
    }
}
