//! Fuzz target `ingest_load`: see `alinea_fuzz::ingest_load` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    alinea_fuzz::ingest_load(data);
});
