//! Fuzz target `project_load`: see `alinea_fuzz::project_load` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    alinea_fuzz::project_load(data);
});
