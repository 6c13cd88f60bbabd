//! The core's one integration-test binary (one link step instead of one per file): operations and
//! their invariants, undo, the `.murm` file, the JSON form, and crash safety.

mod crash;
mod fixture;
mod json;
mod ops;
mod store;
