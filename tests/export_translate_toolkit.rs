//! An independent reader for our TMX: Python's translate-toolkit (what Pootle and Weblate build
//! on) must load the files and find the same units, languages and texts.
//!
//! Needs `python3` with the `translate-toolkit` package (`.ci/run` installs it). Without it the
//! test prints a skip notice, except under `CI=true`, where a missing reader is a failure.

mod export_support;

use std::path::Path;
use std::process::Command;

use alinea::export::files::{PairTarget, write_per_pair};
use alinea::export::rows::{Needs, each_row};
use alinea::export::{ExportOptions, ExportReport, Format};
use alinea::model::Project;
use serde_json::Value;

const READER: &str = r#"
import json, sys
from translate.storage import tmx
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
with open(sys.argv[1], "rb") as f:
    raw = f.read()
store = tmx.tmxfile.parsestring(raw)
header = store.document.getroot().find("header")
units = []
for unit in store.units:
    nodes = unit.getlanguageNodes()
    units.append({
        "langs": [n.get(XML_LANG) for n in nodes],
        "texts": [unit.getNodeText(n) for n in nodes],
        "source": unit.source,
        "target": unit.target,
    })
print(json.dumps({
    "bom": raw.startswith(b"\xef\xbb\xbf"),
    "encoding": store.encoding,
    "header": dict(header.attrib),
    "srclang": store.getsourcelanguage(),
    "units": units,
}))
"#;

/// True if translate-toolkit can be imported; panics under CI when it cannot.
fn reader_available() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import translate.storage.tmx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but python3 cannot import translate-toolkit (pip install translate-toolkit)"
        );
        eprintln!(
            "SKIPPED: python3 module `translate` (translate-toolkit) not found; \
             install it with `pip install translate-toolkit` to run the independent TMX check"
        );
    }
    found
}

fn read_with_toolkit(path: &Path) -> Value {
    let output = Command::new("python3")
        .arg("-c")
        .arg(READER)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "translate-toolkit rejected {}:\n{}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the reader prints JSON")
}

/// (languages, texts) of each unit we meant to write, for the columns `columns`.
fn expected_units(project: &Project, columns: &[usize]) -> Vec<(Vec<String>, Vec<String>)> {
    let mut units = Vec::new();
    let mut report = ExportReport::default();
    let options = ExportOptions::default();
    each_row(
        project,
        columns,
        &options,
        Needs::PivotAndTranslation,
        &mut report,
        |row| {
            let (langs, texts) = columns
                .iter()
                .zip(&row.cells)
                .filter(|(_, text)| !text.is_empty())
                .map(|(&v, text)| (project.versions[v].lang.to_string(), text.clone()))
                .unzip();
            units.push((langs, texts));
            Ok(())
        },
    )
    .expect("sample rows export");
    units
}

fn assert_same_units(read: &Value, expected: &[(Vec<String>, Vec<String>)]) {
    let units = read["units"].as_array().expect("units array");
    assert_eq!(units.len(), expected.len());
    for (unit, (langs, texts)) in units.iter().zip(expected) {
        assert_eq!(unit["langs"], serde_json::json!(langs));
        assert_eq!(unit["texts"], serde_json::json!(texts));
        assert_eq!(unit["source"], serde_json::json!(texts[0]));
    }
}

#[test]
fn translate_toolkit_reads_the_multilingual_tmx() {
    if !reader_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tmx");
    let project = export_support::sample();
    std::fs::write(
        &path,
        export_support::export(Format::Tmx, &project, &ExportOptions::default()),
    )
    .unwrap();
    let read = read_with_toolkit(&path);
    assert_eq!(read["bom"], false);
    assert_eq!(
        read["encoding"].as_str().map(str::to_lowercase).as_deref(),
        Some("utf-8")
    );
    assert_eq!(read["srclang"], "vi");
    let header = &read["header"];
    for attribute in [
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ] {
        assert!(header.get(attribute).is_some(), "header lacks {attribute}");
    }
    assert_eq!(header["segtype"], "sentence");
    assert_eq!(header["datatype"], "plaintext");
    let expected = expected_units(&project, &[0, 1, 2, 3]);
    assert_same_units(&read, &expected);
    let texts = read["units"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|u| u["texts"].as_array().unwrap().clone());
    assert!(texts.into_iter().any(|t| t == export_support::NASTY));
}

#[test]
fn translate_toolkit_reads_every_per_pair_file_with_source_and_target() {
    if !reader_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let project = export_support::sample_with_two_arabic();
    let target = PairTarget::resolve(Some(dir.path()), Path::new("report.alinea"), Format::Tmx);
    let written =
        write_per_pair(Format::Tmx, &project, &ExportOptions::default(), &target).unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["report.vi-en.tmx", "report.vi-ar.tmx", "report.vi-ru.tmx"]
    );
    assert_eq!(
        written[0].1.warnings.len(),
        1,
        "the second Arabic version is reported"
    );
    for ((path, _), target_version) in written.iter().zip([1, 2, 3]) {
        let read = read_with_toolkit(path);
        let expected = expected_units(&project, &[0, target_version]);
        assert_same_units(&read, &expected);
        for (unit, (_, texts)) in read["units"].as_array().unwrap().iter().zip(&expected) {
            assert_eq!(unit["target"], serde_json::json!(texts[1]));
        }
    }
}
