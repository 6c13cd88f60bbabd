//! The command line's jobs as plain functions: write the sample, export a map, import a map.
//!
//! Each job either finishes or leaves nothing behind: outputs are written beside their target and
//! moved into place only when complete, so a failure never leaves a half-written file.

use crate::error::{CoreError, ErrorKind, Result};
use crate::store::Document;
use std::path::Path;

/// Formats `export` can write today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
}

/// Writes the built-in sample, Riverside Unified, to a new `.murm` file.
pub fn write_sample(out: &Path) -> Result<()> {
    Document::create(out, &crate::sample::riverside_unified()).map(drop)
}

/// Writes a synthetic district of `elements` elements (about two relations each) to a new map file,
/// for trying the canvas and the benchmarks on big maps.
pub fn write_synthetic(out: &Path, elements: usize, seed: u64) -> Result<()> {
    Document::create(out, &crate::synthetic::synthetic_map(elements, 2.0, seed)).map(drop)
}

/// Exports the map in `file` to `out`.
pub fn export(file: &Path, format: ExportFormat, out: &Path) -> Result<()> {
    let document = Document::open(file)?;
    match format {
        ExportFormat::Json => {
            write_atomically(out, crate::json::to_json(document.map()).as_bytes())
        }
    }
}

/// Creates a new `.murm` file from a map's JSON form.
pub fn import_json(json_file: &Path, out: &Path) -> Result<()> {
    let text =
        std::fs::read_to_string(json_file).map_err(|e| CoreError::io("read", json_file, e))?;
    let map = crate::json::from_json(&text)?;
    Document::create(out, &map).map(drop)
}

/// Writes `bytes` to `path` whole or not at all.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().ok_or_else(|| {
        CoreError::new(
            ErrorKind::Io,
            format!("{} is not a file name.", path.display()),
        )
    })?;
    let partial = path.with_file_name(format!(
        ".{}.{}.partial",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        CoreError::io("write", path, e)
    })
}
