//! Fuzz target `tmx_read`: see `alinea_fuzz::tmx_read` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    alinea_fuzz::tmx_read(data);
});
