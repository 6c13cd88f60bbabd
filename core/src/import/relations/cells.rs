//! The cells of an edge list's flows and a member list's roles, as people write them in a survey
//! ("money", "sign-off", "two way", "lead"), each refused naming its row and column when it says
//! something else. Apart from the lists' rows so the words people use read in one place.

use super::invalid;
use crate::error::Result;
use crate::import::rows::TableRow;
use crate::import::table::Table;
use crate::model::{Direction, FlowMode, Medium, MemberRole};

/// The optional columns of an edge list: what a flow carries, how much, which way, and why.
pub(super) struct FlowColumns {
    pub(super) medium: Option<usize>,
    volume: Option<usize>,
    direction: Option<usize>,
    mode: Option<usize>,
}

impl FlowColumns {
    pub(super) fn of(table: &Table) -> Self {
        Self {
            medium: super::header_of(table, &["medium", "carries", "what", "type", "kind"]),
            volume: super::header_of(
                table,
                &["volume", "weight", "strength", "frequency", "amount"],
            ),
            direction: super::header_of(table, &["direction", "dir", "way", "directed"]),
            mode: super::header_of(table, &["mode", "stance", "purpose"]),
        }
    }
}

/// A row's flow: its medium, volume, direction and mode, each defaulted when its cell is empty
/// or its column missing; a cell that says something else is an error naming row and column.
pub(super) fn flow_cells(
    row: &TableRow,
    table: &Table,
    columns: &FlowColumns,
) -> Result<(Medium, u8, Direction, FlowMode)> {
    let medium = match columns.medium.map(|c| (c, row.cells[c].as_str())) {
        None | Some((_, "")) => Medium::Information,
        Some((c, v)) => parse_medium(v).ok_or_else(|| {
            invalid(
                row,
                table,
                c,
                "is not a medium: use information, ideas, resources, funds, feedback or permission (or barrier, derives from or governs for a line that is not a flow).",
            )
        })?,
    };
    let volume = match columns.volume.map(|c| (c, row.cells[c].as_str())) {
        None | Some((_, "")) => 3,
        Some((c, v)) => v
            .parse::<f64>()
            .ok()
            .filter(|x| x.fract() == 0.0 && (1.0..=5.0).contains(x))
            .map(|x| x as u8)
            .ok_or_else(|| invalid(row, table, c, "is not a volume from 1 to 5."))?,
    };
    let direction = match columns.direction.map(|c| (c, row.cells[c].as_str())) {
        None | Some((_, "")) => Direction::OneWay,
        Some((c, v)) => parse_direction(v)
            .ok_or_else(|| invalid(row, table, c, "is not a direction: use one way or both."))?,
    };
    let mode = match columns.mode.map(|c| (c, row.cells[c].as_str())) {
        None | Some((_, "")) => FlowMode::Support,
        Some((c, v)) => parse_mode(v)
            .ok_or_else(|| invalid(row, table, c, "is not a mode: use support or monitor."))?,
    };
    Ok((medium, volume, direction, mode))
}

/// A member list row's role: active when the cell is empty or the column missing.
pub(super) fn role_of(row: &TableRow, table: &Table, role: Option<usize>) -> Result<MemberRole> {
    Ok(match role.map(|c| (c, row.cells[c].as_str())) {
        None | Some((_, "")) => MemberRole::Active,
        Some((c, v)) => match v.to_lowercase().as_str() {
            "core" | "lead" | "leader" => MemberRole::Core,
            "active" | "member" => MemberRole::Active,
            "peripheral" | "occasional" | "observer" => MemberRole::Peripheral,
            _ => {
                return Err(invalid(
                    row,
                    table,
                    c,
                    "is not a role: use core, active or peripheral.",
                ))
            }
        },
    })
}

fn parse_medium(v: &str) -> Option<Medium> {
    Some(match v.trim().to_lowercase().as_str() {
        "information" | "info" | "data" | "news" => Medium::Information,
        "ideas" | "idea" | "practice" | "ideas/practice" | "ideas & practice" => Medium::Ideas,
        "resources" | "resource" | "materials" | "staff" => Medium::Resources,
        "funds" | "fund" | "money" | "funding" | "grant" => Medium::Funds,
        "feedback" => Medium::Feedback,
        "permission" | "approval" | "sign-off" | "sign off" => Medium::Permission,
        _ => return None,
    })
}

fn parse_direction(v: &str) -> Option<Direction> {
    Some(
        match v.trim().to_lowercase().replace(['-', '_'], " ").as_str() {
            "one way" | "oneway" | "one" | "directed" | "->" | "out" | "1" | "no" | "false" => {
                Direction::OneWay
            }
            "both" | "two way" | "twoway" | "mutual" | "<->" | "bidirectional" | "2" | "yes"
            | "true" => Direction::Both,
            _ => return None,
        },
    )
}

fn parse_mode(v: &str) -> Option<FlowMode> {
    Some(match v.trim().to_lowercase().as_str() {
        "support" | "capacity" | "service" => FlowMode::Support,
        "monitor" | "monitoring" | "compliance" | "accountability" => FlowMode::Monitor,
        _ => return None,
    })
}
