//! The core's one integration-test binary (one link step instead of one per file): operations and
//! their invariants, undo, the `.murm` file (its migrations and read-only reading), the JSON form,
//! scenes, the built-in sample, and crash safety.

mod cascade;
mod change;
mod compare;
mod crash;
mod edits;
mod files;
mod fixture;
mod json;
mod migration;
mod ops;
mod read_only;
mod sample;
mod scenarios;
mod scenes;
mod store;
mod time;
mod view;
