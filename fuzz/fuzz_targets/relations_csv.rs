//! Any bytes as a survey edge list into the sample: refused cleanly, or a batch that applies. The
//! first byte chooses create_missing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use murmuration_core::import::relations::relations_from_table;
use murmuration_core::import::{table, FileFormat};

fuzz_target!(|data: &[u8]| {
    let Some((&flag, rest)) = data.split_first() else {
        return;
    };
    let map = murmuration_core::sample::riverside_unified();
    let scenario = map.scenarios[0].id.clone();
    if let Ok(t) = table::read(rest, FileFormat::Csv) {
        if let Ok(got) = relations_from_table(&map, &scenario, &t, flag & 1 == 1, |_, _| {}) {
            let mut m = map.clone();
            murmuration_core::ops::apply(&mut m, &scenario, &got.op).expect("the batch applies");
        }
    }
});
