//! "Riverside Unified", the built-in sample district the app opens when there is no file.
//!
//! It tells the seeds' own stories (see `shared/design/SAMPLE.md`): two offices that work as silos
//! and the barrier between them, the sprint team that crossed it, the Graduate Capstone community
//! spreading laterally, the District Operating System's permission flows, the purchasing routine,
//! and the "geology" of offices by year established. Ids are readable slugs so tests and scenes can
//! name them.
//!
//! Two scenarios: "As is 2025", and "To be: communities as home base", drawn from it with the
//! changes the seeds argue for (the barriers gone, specialists in communities, sprint teams
//! supported, Research & Accountability hospiced into a community, a service-minded Procurement,
//! more lateral flows), so every lens has a difference to show. Five scenes tell the
//! Environmental Sciences Academy story across the two.
//!
//! The sample is data, not code: `assets/sample/riverside-unified.json`, in the documented JSON
//! form (`docs/json-format.md`), read through the same importer as any user's JSON, so it obeys
//! every invariant a map must. Its JSON export is that file byte for byte (a test proves it).
//!
//! The sample saves no drawing positions: the canvas and the exports lay it out (grouped by office
//! and site, the org chart as a tree) better than fixed coordinates would at every window size.

use crate::model::Map;

/// The sample in the map's JSON form.
pub const JSON: &str = include_str!("../assets/sample/riverside-unified.json");

/// The title the window shows for the sample.
pub const TITLE: &str = "Riverside Unified";

/// The id of the sample's "as is" scenario (the first, the one a new window shows).
pub const AS_IS: &str = "as-is";
/// The id of the sample's "to be" scenario.
pub const TO_BE: &str = "to-be";

/// Riverside Unified: "as is", "to be", and the six scenes of its story (ending on the comparison of the two).
pub fn riverside_unified() -> Map {
    crate::json::from_json(JSON).expect("the built-in sample is a valid map (tested)")
}
