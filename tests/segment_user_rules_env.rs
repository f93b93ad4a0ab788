//! `ALINEA_SEGMENTATION_DIR`: rule files in that directory are picked up by the cached
//! `segment()` entry point. Kept in its own test binary because it sets the variable before
//! the cache is first filled.

use alinea::model::Lang;
use alinea::segment::{RULES_DIR_ENV, segment};

#[test]
fn rules_dir_from_environment_is_used() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("id.ron"), "(never_end: [\"Kdm.\"])").expect("write rules");
    // SAFETY: this test binary has a single test, so no other thread reads the environment.
    unsafe { std::env::set_var(RULES_DIR_ENV, dir.path()) };
    let text = "Acara dibuka oleh Kdm. Sutrisno di balai desa.";
    let got = segment(text, &[0..text.len()], &Lang::new("id"));
    assert_eq!(
        got.len(),
        1,
        "the user abbreviation 'Kdm.' must not end the sentence"
    );
    // Languages without a user file keep their built-in behaviour.
    let en = "He met Kdm. Smith. It rained.";
    assert_eq!(segment(en, &[0..en.len()], &Lang::new("en")).len(), 3);
}
