//! End to end: the real `alinea` binary's `detect` and `segment` subcommands.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn alinea(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alinea"))
        .args(args)
        .output()
        .expect("test setup")
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("test setup")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn detect_prints_one_json_object_per_file() {
    let html = fixture("report.html");
    let md = fixture("report.md");
    let ar = fixture("arabic.txt");
    let out = alinea(&[
        "detect",
        html.to_str().unwrap(),
        md.to_str().unwrap(),
        ar.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    let langs: Vec<&str> = lines.iter().map(|l| l["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["ms", "id", "ar"]);
    for l in &lines {
        assert_eq!(l["encoding"], "UTF-8");
        let c = l["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
    }
    assert_eq!(lines[2]["file"], ar.to_str().unwrap());
}

#[test]
fn detect_reports_legacy_encoding_and_honours_override() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Утром девятого января городской комитет партии провёл конференцию, посвящённую итогам работы за прошлый год и основным задачам на новый год.";
    let (bytes, _, _) = encoding_rs::KOI8_R.encode(text);
    let path = dir.path().join("koi8.txt");
    std::fs::write(&path, &bytes).unwrap();
    let out = alinea(&["detect", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let line = &json_lines(&out)[0];
    assert_eq!(line["encoding"], "KOI8-R");
    assert_eq!(line["lang"], "ru");
    let out = alinea(&["detect", "--encoding", "utf-8", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("koi8.txt"), "{}", stderr(&out));
}

#[test]
fn detect_continues_after_a_bad_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("picture.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let missing = dir.path().join("missing.txt");
    let ar = fixture("arabic.txt");
    let out = alinea(&[
        "detect",
        png.to_str().unwrap(),
        missing.to_str().unwrap(),
        ar.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("picture.txt") && err.contains("PNG"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "the good file is still reported");
    assert_eq!(lines[0]["lang"], "ar");
}

#[test]
fn segment_prints_sentences_with_byte_offsets() {
    let path = fixture("arabic.txt");
    let out = alinea(&["segment", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&path).unwrap();
    let lines = json_lines(&out);
    assert!(lines.len() >= 3, "{lines:?}");
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["index"].as_u64().unwrap() as usize, i);
        let start = l["start"].as_u64().unwrap() as usize;
        let end = l["end"].as_u64().unwrap() as usize;
        assert_eq!(&text[start..end], l["text"].as_str().unwrap());
    }
    assert_eq!(lines.first().unwrap()["paragraph"], 0);
    assert_eq!(lines.last().unwrap()["paragraph"], 1);
}

#[test]
fn segment_reads_stdin_with_forced_encoding_and_lang() {
    let text = "Первое предложение. Второе предложение.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let mut child = Command::new(env!("CARGO_BIN_EXE_alinea"))
        .args(["segment", "--lang", "ru", "--encoding", "windows-1251", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    let texts: Vec<&str> = lines.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Первое предложение.", "Второе предложение."]);
    assert_eq!(lines[1]["start"], "Первое предложение. ".len());
}

#[test]
fn segment_bad_file_exits_1_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("nothing.txt");
    std::fs::write(&empty, b"   \n").unwrap();
    let out = alinea(&["segment", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing.txt"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let out = alinea(&[
        "segment",
        "--encoding",
        "bogus-label",
        fixture("arabic.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bogus-label"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(alinea(&["detect"]).status.code(), Some(2));
    assert_eq!(alinea(&["segment"]).status.code(), Some(2));
    assert_eq!(
        alinea(&["segment", "--no-such-flag", "x"]).status.code(),
        Some(2)
    );
}
