#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| checksheet::fuzzing::workbook_shaped(data));
