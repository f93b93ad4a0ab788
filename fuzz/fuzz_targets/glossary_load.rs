//! Fuzz target `glossary_load`: see `alinea_fuzz::glossary_load` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    alinea_fuzz::glossary_load(data);
});
