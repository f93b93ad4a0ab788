//! Fuzz target `segment`: see `alinea_fuzz::segment` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    alinea_fuzz::segment(data);
});
