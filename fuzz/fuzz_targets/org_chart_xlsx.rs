//! Any bytes as a spreadsheet (XLSX, XLS, ODS through calamine): refused cleanly, or a valid map.
#![no_main]

use libfuzzer_sys::fuzz_target;
use murmuration_core::import::org_chart::org_chart_from_table;
use murmuration_core::import::{table, FileFormat};

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = table::read(data, FileFormat::Spreadsheet) {
        if let Ok(chart) = org_chart_from_table(&t, None, "fuzz", |_, _| {}) {
            murmuration_core::ops::validate_map(&chart.map).expect("an imported map is valid");
        }
    }
});
