//! `murmuration-core`: the district map and everything done to it — model, validated operations,
//! the `.murm` file, undo history, analysis, rendering, import and export.
//!
//! No window and no Tauri live here (CI checks it): the desktop shell, the command line, tests and
//! benchmarks all drive the same plain functions.

pub mod analysis;
pub mod change;
pub mod compare;
pub mod error;
pub mod exchange;
pub mod files;
pub mod import;
pub mod jobs;
pub mod json;
pub mod label;
pub mod lens_paint;
pub mod model;
pub mod ops;
pub mod render;
pub mod rules;
pub mod sample;
pub mod shown;
pub mod snapshot;
pub mod store;
pub mod synthetic;
pub mod timeline;
pub mod view;
pub mod vocabulary;
mod xml_text;
