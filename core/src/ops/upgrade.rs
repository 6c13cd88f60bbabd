//! What older maps wrote that today's rules refuse, brought up to date as they are read (a `.murm`
//! file's rows or a JSON file), so an old map opens instead of being called damaged. The rows
//! themselves are not rewritten: the next edit of an element writes it in today's form.
//!
//! - A sprint team marked forming or active with an end date (`until`) was written before the
//!   status had to agree with the dates: it has ended, so it reads as dissolved.
//! - An office's `hospiced: true` (format version 1) reads as hospiced at an undated moment; that
//!   is done where the field is read (`model::element`), since it needs nothing else.

use crate::model::{ElementDetails, Map, SprintStatus};

/// Brings `map`, as read from a file, up to today's rules.
pub fn upgrade(map: &mut Map) {
    for scenario in &mut map.scenarios {
        for element in scenario.elements.values_mut() {
            let ended = element.annotations.span.until.is_some();
            if let ElementDetails::SprintTeam { status, .. } = &mut element.details {
                if ended && !status.has_ended() {
                    *status = SprintStatus::Dissolved;
                }
            }
        }
    }
}
