//! End-to-end tests of the real app window (tauri-driver + WebKitWebDriver under a private Xvfb
//! display), one module per journey.

mod accessible;
mod arranges_rings;
mod compares_scenarios;
mod draws_a_flow;
mod edits_persist;
mod harness;
mod imports_relations;
mod keyboard_only;
mod opens_big_map;
mod opens_sample;
mod presents_scenes;
mod scenes_agree;
mod scrubs_time;
mod switches_scenarios;
mod tells_the_stories;
