//! Any bytes as a spreadsheet (XLSX, XLS, ODS through calamine): refused cleanly, or a valid map.
//!
//! The importer catches panics inside calamine (a damaged file is an error, not a crash), so this
//! target puts back the default panic hook, which libFuzzer replaces with one that aborts at once:
//! a panic caught by the importer passes, one that escapes it still aborts and is reported.
#![no_main]

use libfuzzer_sys::fuzz_target;
use murmuration_core::import::org_chart::org_chart_from_table;
use murmuration_core::import::{table, FileFormat};

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    if let Ok(t) = table::read(data, FileFormat::Spreadsheet) {
        if let Ok(chart) = org_chart_from_table(&t, None, "fuzz", |_, _| {}) {
            murmuration_core::ops::validate_map(&chart.map).expect("an imported map is valid");
        }
    }
});
