//! Any text as a column mapping (`name=Header,reports_to=Header`), resolved against any headers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use murmuration_core::import::ColumnMapping;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let headers: Vec<String> = text.split('|').map(str::to_owned).collect();
        let explicit = ColumnMapping::parse(text).ok();
        let _ = ColumnMapping::resolve(&headers, explicit.as_ref());
    }
});
