//! Edits, undo and redo: each edit is applied in memory, then written with its undo entry in one
//! transaction; undo and redo walk the history kept in the file, so it survives closing the
//! window. An edit that changes nothing is no edit: nothing is written and no undo step recorded.

use super::rows::{set_meta, write_effect};
use super::{Change, Document};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::ScenarioId;
use crate::ops::{self, Applied, Op};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// How many edits the file remembers for undo; older ones are dropped as new ones arrive.
pub const HISTORY_LIMIT: i64 = 10_000;

impl Document {
    /// Validates and applies `op` to `scenario`, writes it and its undo entry in one transaction,
    /// and only then returns. On any failure the map and the file are as they were.
    ///
    /// The names the op gives are trimmed first ([`ops::normalise`]). An op that then changes
    /// nothing (a rename to the same name, an update that repeats what is there) is no edit: the
    /// file is not written, no undo step is recorded, and the redo tail stays.
    pub fn apply(&mut self, scenario: &ScenarioId, op: &Op) -> Result<Change> {
        let op = ops::normalise(op);
        let applied = ops::apply_indexed(&mut self.map, &mut self.index, scenario, &op)?;
        if applied.changes_nothing() {
            // Put back exactly what was there (an equal number may differ in its sign of zero).
            self.unapply(scenario, &applied.inverse);
            return self.change(scenario, applied.effect);
        }
        match self.record(scenario, &op, &applied) {
            Ok(()) => {
                self.cursor += 1;
                self.change(scenario, applied.effect)
            }
            Err(e) => {
                self.unapply(scenario, &applied.inverse);
                Err(e)
            }
        }
    }

    /// Writes an applied edit's rows and its undo entry (dropping the redo tail and the entries
    /// past [`HISTORY_LIMIT`]) in one transaction.
    fn record(&mut self, scenario: &ScenarioId, op: &Op, applied: &Applied) -> Result<()> {
        let cursor = self.cursor;
        let tx = self.conn.transaction()?;
        write_effect(&tx, &self.map, scenario, &applied.effect)?;
        tx.prepare_cached("DELETE FROM history WHERE seq > ?1")?
            .execute([cursor])?;
        tx.prepare_cached(
            "INSERT INTO history (seq, scenario, op, inverse, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            cursor + 1,
            scenario.0,
            to_json(op),
            to_json(&applied.inverse),
            now_ms()
        ])?;
        tx.prepare_cached("DELETE FROM history WHERE seq <= ?1")?
            .execute([cursor + 1 - HISTORY_LIMIT])?;
        set_meta(&tx, "history_cursor", &(cursor + 1).to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// Undoes the last edit (and records that it was undone).
    pub fn undo(&mut self) -> Result<Change> {
        let (scenario, _, inverse) = self
            .entry(self.cursor)?
            .ok_or_else(|| CoreError::new(ErrorKind::NothingToUndo, "There is nothing to undo."))?;
        self.step_history(&scenario, &inverse, self.cursor - 1)
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) -> Result<Change> {
        let (scenario, op, _) = self
            .entry(self.cursor + 1)?
            .ok_or_else(|| CoreError::new(ErrorKind::NothingToRedo, "There is nothing to redo."))?;
        self.step_history(&scenario, &op, self.cursor + 1)
    }

    pub fn can_undo(&self) -> bool {
        self.has_entry(self.cursor)
    }

    pub fn can_redo(&self) -> bool {
        self.has_entry(self.cursor + 1)
    }

    fn change(&self, scenario: &ScenarioId, effect: Op) -> Result<Change> {
        Ok(Change {
            scenario: scenario.clone(),
            effect,
            can_undo: self.can_undo(),
            can_redo: self.can_redo(),
        })
    }

    /// Puts the in-memory map back after a write failed.
    fn unapply(&mut self, scenario: &ScenarioId, inverse: &Op) {
        ops::apply_indexed(&mut self.map, &mut self.index, scenario, inverse)
            .expect("the inverse of an op just applied always applies");
    }

    fn step_history(&mut self, scenario: &ScenarioId, op: &Op, cursor: i64) -> Result<Change> {
        let applied = ops::apply_indexed(&mut self.map, &mut self.index, scenario, op)?;
        let written = (|| -> Result<()> {
            let tx = self.conn.transaction()?;
            write_effect(&tx, &self.map, scenario, &applied.effect)?;
            set_meta(&tx, "history_cursor", &cursor.to_string())?;
            tx.commit()?;
            Ok(())
        })();
        match written {
            Ok(()) => {
                self.cursor = cursor;
                self.change(scenario, applied.effect)
            }
            Err(e) => {
                self.unapply(scenario, &applied.inverse);
                Err(e)
            }
        }
    }

    fn entry(&self, seq: i64) -> Result<Option<(ScenarioId, Op, Op)>> {
        let row: Option<(String, String, String)> = self
            .conn
            .prepare_cached("SELECT scenario, op, inverse FROM history WHERE seq = ?1")?
            .query_row([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((scenario, op, inverse)) = row else {
            return Ok(None);
        };
        let parse = |s: &str| -> Result<Op> {
            serde_json::from_str(s).map_err(|e| {
                CoreError::new(
                    ErrorKind::Corrupt,
                    format!("The undo history in this map file is damaged ({e})."),
                )
            })
        };
        Ok(Some((ScenarioId(scenario), parse(&op)?, parse(&inverse)?)))
    }

    fn has_entry(&self, seq: i64) -> bool {
        seq > 0
            && self
                .conn
                .prepare_cached("SELECT 1 FROM history WHERE seq = ?1")
                .and_then(|mut s| s.exists([seq]))
                .unwrap_or(false)
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("map types always serialize")
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
