//! What every fuzz target runs and checks, as plain functions over bytes.
//!
//! The `fuzz_targets/*.rs` binaries call these from libFuzzer; the main crate's
//! `tests/fuzz_regressions.rs` includes this very file (`#[path]`) and replays every file of
//! `fuzz/corpus/**` and `fuzz/regressions/**` through them in plain `cargo test`, so CI checks
//! the corpus and the crash reproducers on stable without libFuzzer.
//!
//! A function returns normally when the input was handled correctly (accepted or refused with
//! a typed error naming the file) and panics, with a message saying which invariant broke,
//! otherwise.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ops::Range;
use std::path::{Path, PathBuf};

use alinea::ingest::{self, LoadOptions};
use alinea::model::{Lang, Sentence};

/// File names the ingest target loads under: one per format, plus none (sniffing only).
const NAMES: [&str; 5] = ["fuzz.txt", "fuzz.html", "fuzz.docx", "fuzz.md", "fuzz"];

/// Encodings the ingest target forces (`None` = detection), including one unknown label.
const ENCODINGS: [Option<&str>; 12] = [
    None,
    Some("utf-8"),
    Some("utf-16le"),
    Some("utf-16be"),
    Some("windows-1256"),
    Some("windows-1251"),
    Some("koi8-r"),
    Some("windows-1258"),
    Some("windows-1252"),
    Some("gb18030"),
    Some("iso-2022-jp"),
    Some("no-such-encoding"),
];

/// Languages the segment target runs with (the report's languages and a few others).
const LANGS: [&str; 10] = ["vi", "ms", "ar", "ru", "id", "en", "und", "zh", "th", "fa"];

/// `ingest_load`: byte 0 chooses the file name (format) and the forced encoding; the rest is
/// the file. A loaded document must have well-formed paragraphs and segment cleanly; a
/// refusal must name the file.
pub fn ingest_load(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(selector) % NAMES.len()];
    let encoding = ENCODINGS[usize::from(selector) / NAMES.len() % ENCODINGS.len()];
    let opts = LoadOptions {
        encoding: encoding.map(str::to_string),
        ..LoadOptions::default()
    };
    match ingest::load_bytes(name, bytes, &opts) {
        Ok(doc) => {
            assert!(
                !doc.paragraphs.is_empty(),
                "a loaded document has paragraphs"
            );
            check_paragraphs(&doc.text, &doc.paragraphs);
            let sentences = alinea::segment::segment(&doc.text, &doc.paragraphs, &Lang::new("vi"));
            check_sentences(&doc.text, &doc.paragraphs, &sentences);
        }
        Err(err) => {
            let message = err.to_string();
            assert!(
                message.contains(name),
                "error does not name the file: {message}"
            );
        }
    }
}

/// `segment`: byte 0 chooses the language; the rest, read as UTF-8 (lossily), is pasted text.
pub fn segment(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let lang = Lang::new(LANGS[usize::from(selector) % LANGS.len()]);
    let text = String::from_utf8_lossy(bytes);
    let doc = ingest::from_pasted("pasted", &text);
    check_paragraphs(&doc.text, &doc.paragraphs);
    let sentences = alinea::segment::segment(&doc.text, &doc.paragraphs, &lang);
    check_sentences(&doc.text, &doc.paragraphs, &sentences);
    let again = alinea::segment::segment(&doc.text, &doc.paragraphs, &lang);
    assert_eq!(sentences, again, "segmentation is deterministic");
}

/// `project_load`: the bytes as a project file. A project that loads also validates, every
/// cell of it can be read, and saving then loading it again gives the same project.
pub fn project_load(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("/fuzz/project.alinea");
    // The migration step alone must not panic either, whatever it returns.
    let _ = alinea::project::migrate::parse_any_version(path, text);
    match alinea::project::from_ron_str(path, text) {
        Ok(project) => check_project_roundtrip(path, &project),
        Err(err) => {
            let message = err.to_string();
            assert!(
                message.contains("project.alinea"),
                "error does not name the file: {message}"
            );
        }
    }
}

/// `tmx_read`: the bytes as a TMX file (written to a per-process temporary file, since the
/// reader takes a path). An imported project must validate and survive a save/load cycle.
pub fn tmx_read(data: &[u8]) {
    let path = scratch_file("tmx");
    std::fs::write(&path, data).expect("scratch file is writable");
    match alinea::export::tmx_read::read_with_warnings(&path) {
        Ok(import) => {
            check_project_roundtrip(&path.with_extension("alinea"), &import.project);
        }
        Err(err) => {
            let message = err.to_string();
            let name = path.display().to_string();
            assert!(
                message.contains(&name),
                "error does not name the file: {message}"
            );
        }
    }
}

/// `glossary_load`: byte 0 chooses the reader (RON file, CSV, TSV, TBX) and the matcher's
/// Vietnamese folding; the rest is the file. A glossary that loads must build a term matcher
/// whose occurrences lie on char boundaries, in order, and must survive its own writer: RON
/// saves and loads back equal; CSV and TBX are stable after one write → read cycle.
pub fn glossary_load(data: &[u8]) {
    use alinea::glossary::{self, MatcherOptions, TermMatcher, table, tbx};
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = selector % 4;
    let path = scratch_file(["glossary.ron", "csv", "tsv", "tbx"][usize::from(format)]);
    let loaded = match format {
        0 => {
            std::fs::write(&path, bytes).expect("scratch file is writable");
            glossary::load(&path)
        }
        1 => table::parse_csv(bytes, b',', &path),
        2 => table::parse_csv(bytes, b'\t', &path),
        _ => tbx::parse_tbx(bytes, &path),
    };
    let glossary = match loaded {
        Ok(glossary) => glossary,
        Err(err) => {
            let message = err.to_string();
            let name = path.display().to_string();
            assert!(
                message.contains(&name),
                "error does not name the file: {message}"
            );
            return;
        }
    };
    let langs: Vec<Lang> = {
        let mut langs: Vec<Lang> = glossary
            .concepts
            .values()
            .flat_map(|c| c.terms.keys().cloned())
            .collect();
        langs.sort();
        langs.dedup();
        langs
    };
    let options = MatcherOptions {
        fold_vietnamese: selector & 4 != 0,
    };
    let matcher = TermMatcher::new(&glossary, &langs, options);
    let terms: Vec<&str> = glossary
        .concepts
        .values()
        .flat_map(|c| c.terms.values().flatten().map(|t| t.text.as_str()))
        .collect();
    let text = format!("Ủy ban Thường vụ. {} — Đ. end.", terms.join(" and "));
    for lang in &langs {
        let mut prev = 0;
        for occurrence in matcher.find(&text, lang) {
            let r = occurrence.range();
            assert!(
                r.start <= r.end && r.end <= text.len(),
                "occurrence {r:?} outside"
            );
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "occurrence {r:?} not on char boundaries"
            );
            assert!(r.start >= prev, "occurrences not sorted at {r:?}");
            prev = r.start;
        }
    }
    match format {
        0 => {
            std::fs::write(&path, glossary::store::to_ron(&glossary)).expect("scratch file");
            let again = glossary::load(&path).expect("a saved glossary loads again");
            assert_eq!(glossary, again, "RON save → load changes the glossary");
        }
        1 | 2 => {
            let written = table::write_csv(&glossary);
            let reread = table::parse_csv(&written, b',', &path).expect("written CSV reads");
            let rewritten = table::write_csv(&reread);
            assert_eq!(
                String::from_utf8_lossy(&written),
                String::from_utf8_lossy(&rewritten),
                "CSV write → read → write is not stable"
            );
        }
        _ => {
            let written = tbx::write_tbx(&glossary, tbx::TbxVersion::V3);
            let reread = tbx::parse_tbx(&written, &path).expect("written TBX reads");
            let rewritten = tbx::write_tbx(&reread, tbx::TbxVersion::V3);
            assert_eq!(
                String::from_utf8_lossy(&written),
                String::from_utf8_lossy(&rewritten),
                "TBX write → read → write is not stable"
            );
        }
    }
}

/// A file in the temporary folder private to this process, for readers that take a path.
pub fn scratch_file(extension: &str) -> PathBuf {
    std::env::temp_dir().join(format!("alinea-fuzz-{}.{extension}", std::process::id()))
}

/// A loaded project validates, its cells are readable, and it survives save → load unchanged.
fn check_project_roundtrip(path: &Path, project: &alinea::model::Project) {
    project
        .validate()
        .expect("a loaded project satisfies the alignment invariants");
    alinea::project::validate_ranges(project).expect("a loaded project has valid ranges");
    for version in &project.versions {
        check_paragraphs_loose(&version.text, &version.paragraphs);
    }
    for row in &project.alignment.rows {
        for (version, cell) in project.versions.iter().zip(&row.cells) {
            let _ = version.cell_text(cell.clone());
        }
    }
    let saved = alinea::project::to_ron_string(path, project).expect("a loaded project saves");
    let again = alinea::project::from_ron_str(path, &saved)
        .unwrap_or_else(|e| panic!("a saved project loads again: {e}\n{saved}"));
    assert_eq!(*project, again, "save → load changes the project");
}

/// Paragraphs from ingest: inside the text, on char boundaries, ordered, non-overlapping,
/// non-empty and trimmed.
pub fn check_paragraphs(text: &str, paragraphs: &[Range<usize>]) {
    check_paragraphs_loose(text, paragraphs);
    for p in paragraphs {
        let s = &text[p.clone()];
        assert!(!s.is_empty(), "paragraph {p:?} is empty");
        assert_eq!(s, s.trim(), "paragraph {p:?} is not trimmed");
    }
}

/// Paragraphs of a loaded project: inside the text, on char boundaries, ordered.
fn check_paragraphs_loose(text: &str, paragraphs: &[Range<usize>]) {
    let mut prev_end = 0;
    for p in paragraphs {
        assert!(
            p.start <= p.end && p.end <= text.len(),
            "paragraph {p:?} outside the text"
        );
        assert!(
            text.is_char_boundary(p.start) && text.is_char_boundary(p.end),
            "paragraph {p:?} not on char boundaries"
        );
        assert!(
            p.start >= prev_end,
            "paragraph {p:?} overlaps the one before"
        );
        prev_end = p.end;
    }
}

/// Sentences: inside the text and their paragraph, on char boundaries, in order without
/// overlap, non-empty, trimmed; paragraph indices never go back.
pub fn check_sentences(text: &str, paragraphs: &[Range<usize>], sentences: &[Sentence]) {
    let mut prev_end = 0;
    let mut prev_para = 0;
    for s in sentences {
        let r = &s.range;
        assert!(
            r.start < r.end && r.end <= text.len(),
            "sentence {r:?} empty or outside"
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "sentence {r:?} not on char boundaries"
        );
        assert!(
            r.start >= prev_end,
            "sentence {r:?} overlaps the one before"
        );
        let para = paragraphs
            .get(s.paragraph)
            .expect("sentence names an existing paragraph");
        assert!(
            r.start >= para.start && r.end <= para.end,
            "sentence {r:?} outside its paragraph {para:?}"
        );
        assert!(
            s.paragraph >= prev_para,
            "paragraph index goes back at {r:?}"
        );
        let body = &text[r.clone()];
        assert_eq!(body, body.trim(), "sentence {r:?} is not trimmed");
        prev_end = r.end;
        prev_para = s.paragraph;
    }
}
