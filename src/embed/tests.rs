//! Unit tests of the encoder on tiny models written by [`super::tiny_model`].

use super::tiny_model::{TinySpec, tiny_model_bytes, write_tiny_model};
use super::*;

fn tiny() -> Encoder {
    Encoder::from_bytes(&tiny_model_bytes(&TinySpec::default())).expect("tiny model loads")
}

#[test]
fn round_trip_loads_from_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tiny.bin");
    write_tiny_model(&path, &TinySpec::default()).expect("write");
    let e = Encoder::load(&path).expect("load");
    assert_eq!(e.dim(), 64);
    let file = tiny_model_bytes(&TinySpec::default());
    let parsed = format::parse(&file).expect("parse");
    assert_eq!(parsed.header.layers, 2);
    assert_eq!(parsed.header.max_pos, 12);
    assert_eq!(parsed.tokenizer.pieces[4], "▁passage".as_bytes());
}

#[test]
fn bad_magic_and_truncation_name_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = tiny_model_bytes(&TinySpec::default());
    let path = dir.path().join("truncated.bin");
    std::fs::write(&path, &bytes[..bytes.len() - 100]).expect("write");
    let err = Encoder::load(&path).expect_err("truncated");
    assert!(matches!(err, ModelError::BadFormat { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("truncated.bin") && msg.contains("scripts/fetch-model"),
        "{msg}"
    );

    // cut inside the header and the tokenizer too
    for cut in [0, 3, 20, 60, 500] {
        std::fs::write(&path, &bytes[..cut]).expect("write");
        assert!(matches!(
            Encoder::load(&path),
            Err(ModelError::BadFormat { .. })
        ));
    }

    bytes[0] = b'X';
    let path = dir.path().join("magic.bin");
    std::fs::write(&path, &bytes).expect("write");
    let msg = Encoder::load(&path).expect_err("magic").to_string();
    assert!(msg.contains("magic.bin") && msg.contains("magic"), "{msg}");
}

#[test]
fn missing_and_checksum_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nothing.bin");
    assert!(matches!(
        Encoder::load(&path),
        Err(ModelError::Missing { .. })
    ));
    write_tiny_model(&path, &TinySpec::default()).expect("write");
    let err = Encoder::load_verified(&path).expect_err("not the real model");
    assert!(matches!(err, ModelError::WrongChecksum { .. }));
    assert!(err.to_string().contains("nothing.bin"));
}

#[test]
fn wrong_tensor_shape_is_reported() {
    let spec = TinySpec {
        hidden: 48,
        ..TinySpec::default()
    };
    // 48 is not a multiple of 32: the header check refuses it
    let err = Encoder::from_bytes(&tiny_model_bytes(&spec)).expect_err("bad size");
    assert!(err.contains("multiple"), "{err}");
}

#[test]
fn tokenizer_cases() {
    let e = tiny();
    // "passage: hello world" → ▁passage : ▁hello ▁world
    assert_eq!(
        e.token_ids("hello world", Prefix::Passage),
        vec![4, 6, 8, 9]
    );
    assert_eq!(e.token_ids("hello world", Prefix::Query), vec![5, 6, 8, 9]);
    // runs of spaces collapse; NBSP normalises to a space; U+0001 is deleted
    assert_eq!(
        e.token_ids("hello  \u{a0}world", Prefix::Passage),
        vec![4, 6, 8, 9]
    );
    assert_eq!(
        e.token_ids("hel\u{1}lo world", Prefix::Passage),
        vec![4, 6, 8, 9]
    );
    // trailing space stays as a lone ▁
    assert_eq!(e.token_ids("hello ", Prefix::Passage), vec![4, 6, 8, 7]);
    // the ligature expands to "fi"; an unknown code point is one <unk> each
    assert_eq!(e.token_ids("\u{fb01}", Prefix::Passage), vec![4, 6, 7, 15]);
    assert_eq!(e.token_ids("ЖЖ", Prefix::Passage), vec![4, 6, 7, 3, 3]);
    // text after a NUL is ignored, as in the C engine
    assert_eq!(e.token_ids("hello\0world", Prefix::Passage), vec![4, 6, 8]);
    // the empty text is just the prefix
    assert_eq!(e.token_ids("", Prefix::Passage), vec![4, 6, 7]);
    assert_eq!(e.token_count("", Prefix::Passage), 5);
    // a specials' spelling is matched as that special (the reference does the same)
    assert_eq!(e.token_ids("<s>", Prefix::Passage), vec![4, 6, 7, 0]);
}

#[test]
fn embeddings_are_unit_and_windows_combine() {
    let e = tiny();
    let p = Progress::new();
    let long = "hello world ".repeat(30);
    let texts = ["hello world", "", long.as_str(), "é fi"];
    let out = e.embed(&texts, Prefix::Passage, &p).expect("embed");
    assert_eq!(p.counts().0, 4);
    for x in &out {
        let n: f32 = x.unit.iter().map(|v| v * v).sum();
        assert!((n - 1.0).abs() < 1e-4);
        let m: f32 = x.mean.iter().map(|v| v * v).sum::<f32>().sqrt();
        for (u, v) in x.unit.iter().zip(&x.mean) {
            assert!((u * m - v).abs() < 1e-4);
        }
    }
    assert_eq!(out[0].tokens, 4);
    assert_eq!(out[2].tokens, 2 + 60 + 1);
    // same text, same vector, whatever the batch
    let again = e
        .embed(&["hello world"], Prefix::Passage, &p)
        .expect("embed");
    assert_eq!(again[0], out[0]);
    // prefixes differ
    let q = e.embed(&["hello world"], Prefix::Query, &p).expect("embed");
    assert_ne!(q[0].unit, out[0].unit);
}

#[test]
fn long_text_is_the_weighted_mean_of_its_windows() {
    let e = tiny();
    let p = Progress::new();
    // window = 10 content tokens; "passage: " + 9 × "▁hello" = 2 + 9 = 11 → windows 10 + 1
    let text = "hello ".repeat(9);
    let text = text.trim_end();
    let ids = e.token_ids(text, Prefix::Passage);
    assert_eq!(ids.len(), 11);
    let whole = e.embed(&[text], Prefix::Passage, &p).expect("embed");
    let mut s = Scratch::default();
    let mut m1 = vec![0f32; 64];
    let mut m2 = vec![0f32; 64];
    let wrap = |w: &[u32]| [&[0u32][..], w, &[2u32][..]].concat();
    e.weights.window_mean(&wrap(&ids[..10]), &mut s, &mut m1);
    e.weights.window_mean(&wrap(&ids[10..]), &mut s, &mut m2);
    for i in 0..64 {
        let want = (10.0 * m1[i] + m2[i]) / 11.0;
        assert!((whole[0].mean[i] - want).abs() < 1e-5);
    }
}

#[test]
fn cancel_stops_embedding() {
    let e = tiny();
    let p = Progress::new();
    p.cancel();
    let texts = vec!["hello world"; 50];
    assert_eq!(
        e.embed(&texts, Prefix::Passage, &p),
        Err(EmbedError::Cancelled)
    );
    assert!(p.counts().0 < 50);
}

#[test]
fn default_path_respects_overrides() {
    // Only reads the environment; the variables themselves are left alone.
    let p = default_model_path();
    if let Some(m) = std::env::var_os("ALINEA_MODEL").filter(|m| !m.is_empty()) {
        assert_eq!(p, PathBuf::from(m));
    } else {
        assert!(p.ends_with("alinea/models/e5-small-q4.bin"));
    }
}

#[test]
fn encoder_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Encoder>();
}
