//! The lossless JSON form of a whole map (every scenario, no undo history), for export, import,
//! diffs in version control and other programs. The format is documented in
//! `docs/json-format.md`; this module is its one reader and writer.
//!
//! It is versioned apart from the `.murm` schema: `{"format": "murmuration-map", "version": 2,
//! "map": {...}}`, where `map` is the [`Map`] exactly as the UI receives it. Reading checks the
//! envelope first (so a stranger's JSON gets "not a map", a cut-off file "incomplete", and a newer
//! file "update Murmuration"), then brings what version 1 wrote up to date (`ops::upgrade`), then every invariant of the map, as an edit would. A byte-order mark
//! is ignored.

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::Map;
use crate::ops;
use serde::{Deserialize, Serialize};

/// The `format` field of every map in JSON.
pub const FORMAT: &str = "murmuration-map";
/// The JSON format version this build writes and the newest it reads.
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct Outgoing<'a> {
    format: &'static str,
    version: u32,
    map: &'a Map,
}

/// Only the envelope, so that a map's errors are reported after its format and version.
#[derive(Deserialize)]
struct Envelope {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Incoming {
    map: Map,
}

/// The whole map as pretty-printed JSON (two-space indents, keys of id-keyed tables sorted).
pub fn to_json(map: &Map) -> String {
    serde_json::to_string_pretty(&Outgoing {
        format: FORMAT,
        version: VERSION,
        map,
    })
    .expect("a map always serializes: positions are checked to be finite")
}

/// Reads a map from its JSON form and checks every invariant.
pub fn from_json(text: &str) -> Result<Map> {
    let not_a_map = || {
        CoreError::new(
            ErrorKind::NotAMap,
            "This is not a Murmuration map: a map's JSON starts with \"format\": \"murmuration-map\".",
        )
    };
    // Editors on Windows save a byte-order mark; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        // Cut off after some JSON: the file is incomplete, not someone else's.
        if ends_early(&e, text) {
            incomplete(&e)
        } else {
            not_a_map()
        }
    })?;
    if envelope.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(not_a_map());
    }
    match envelope.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(CoreError::new(
                ErrorKind::TooNew,
                format!(
                    "This map was written by a newer version of Murmuration (format version {v}). Update Murmuration to read it."
                ),
            ))
        }
        Some(v) if v >= 1 => {}
        _ => {
            return Err(CoreError::new(
                ErrorKind::InvalidJson,
                "This map's JSON has no usable \"version\" (it should be 1 or 2).",
            ))
        }
    }
    let incoming: Incoming = serde_json::from_str(text).map_err(|e| {
        if ends_early(&e, text) {
            return incomplete(&e);
        }
        CoreError::new(
            ErrorKind::InvalidJson,
            format!("This map's JSON cannot be read: {e}."),
        )
    })?;
    let mut map = incoming.map;
    ops::upgrade(&mut map);
    ops::validate_map(&map)?;
    Ok(map)
}

/// Whether `e` is the text running out: serde_json calls a number cut after its point (`10.`) a
/// syntax error, but it sits at the very end of the text like any other cut.
fn ends_early(e: &serde_json::Error, text: &str) -> bool {
    if text.trim().is_empty() {
        return false;
    }
    let last_line = text.rsplit('\n').next().unwrap_or("");
    e.is_eof() || (e.line() == text.split('\n').count() && e.column() >= last_line.chars().count())
}

fn incomplete(e: &serde_json::Error) -> CoreError {
    CoreError::new(
        ErrorKind::InvalidJson,
        format!(
            "The file ends early (line {}): it may be incomplete. Export the map again, or copy the whole file.",
            e.line()
        ),
    )
}
