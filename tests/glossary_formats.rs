//! Glossary files: RON (stable, merged, locked), TBX v3/v2, CSV long/wide, `load_any`.
#![allow(clippy::unwrap_used, reason = "test code: a panic is a failed test")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use alinea::glossary::table::{parse_csv, write_csv};
use alinea::glossary::tbx::{TbxVersion, parse_tbx, write_tbx};
use alinea::glossary::{
    Concept, Glossary, GlossaryError, MatchMode, Resolution, Term, TermStatus, load, load_any,
    save, save_with_resolutions,
};
use alinea::model::Lang;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/glossary")
        .join(name)
}

fn seeds_glossary() -> Glossary {
    load(&fixture("seeds.glossary.ron")).unwrap()
}

fn with_concept(mut g: Glossary, id: &str, lang: &str, text: &str) -> Glossary {
    g.add_term(id, Lang::new(lang), Term::new(text, TermStatus::Preferred));
    g
}

#[test]
fn ron_is_sorted_and_stable() {
    let g = seeds_glossary();
    assert_eq!(g.concepts.len(), 4);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.glossary.ron");
    save(&path, &g, &Glossary::default()).unwrap();
    let first = std::fs::read_to_string(&path).unwrap();
    let again = load(&path).unwrap();
    assert_eq!(again, g);
    save(&path, &again, &again).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        first,
        "byte-stable"
    );
    let digital = first.find("digital-transformation").unwrap();
    let standing = first.find("standing-committee").unwrap();
    assert!(digital < standing, "concepts sorted by id");
    assert!(
        !dir.path().join("g.glossary.ron.lock").exists(),
        "lock released"
    );
}

#[test]
fn save_merges_changes_made_on_disk_since_loading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.glossary.ron");
    let base = seeds_glossary();
    save(&path, &base, &Glossary::default()).unwrap();
    // Another editor adds a concept and changes one.
    let mut theirs = with_concept(base.clone(), "board", "en", "Standing Board");
    theirs.concepts.get_mut("party-committee").unwrap().note = "edited by them".into();
    save(&path, &theirs, &base).unwrap();
    // We add a different concept and delete another, from the old base.
    let mut mine = with_concept(base.clone(), "council", "en", "People's Council");
    mine.concepts.remove("digital-transformation");
    let outcome = save(&path, &mine, &base).unwrap();
    assert!(outcome.is_saved());
    let on_disk = load(&path).unwrap();
    assert_eq!(on_disk, outcome.merged);
    assert!(on_disk.concepts.contains_key("board") && on_disk.concepts.contains_key("council"));
    assert!(!on_disk.concepts.contains_key("digital-transformation"));
    assert_eq!(on_disk.concepts["party-committee"].note, "edited by them");
}

#[test]
fn conflicts_are_returned_and_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.glossary.ron");
    let base = seeds_glossary();
    save(&path, &base, &Glossary::default()).unwrap();
    let mut theirs = base.clone();
    theirs.concepts.get_mut("standing-committee").unwrap().note = "theirs".into();
    save(&path, &theirs, &base).unwrap();
    let mut mine = with_concept(base.clone(), "extra", "en", "extra");
    mine.concepts.get_mut("standing-committee").unwrap().note = "mine".into();
    let outcome = save(&path, &mine, &base).unwrap();
    assert_eq!(outcome.conflicts.len(), 1);
    let conflict = &outcome.conflicts[0];
    assert_eq!(conflict.id, "standing-committee");
    assert_eq!(conflict.mine.as_ref().unwrap().note, "mine");
    assert_eq!(conflict.theirs.as_ref().unwrap().note, "theirs");
    assert_eq!(
        load(&path).unwrap(),
        theirs,
        "nothing written while conflicts are open"
    );
    let mut choices = BTreeMap::new();
    choices.insert("standing-committee".to_string(), Resolution::Mine);
    let done = save_with_resolutions(&path, &outcome, &choices).unwrap();
    assert!(done.is_saved());
    let on_disk = load(&path).unwrap();
    assert_eq!(on_disk.concepts["standing-committee"].note, "mine");
    assert!(on_disk.concepts.contains_key("extra"));
}

#[test]
fn concurrent_savers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("race.glossary.ron");
    let base = Glossary::default();
    save(&path, &base, &base).unwrap();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                // Each writer keeps its own in-memory glossary and base, like separate processes.
                let mut base = load(&path).unwrap();
                for i in 0..10 {
                    let mine = with_concept(base.clone(), &format!("t{t}-c{i}"), "en", "x");
                    let outcome = save(&path, &mine, &base).unwrap();
                    assert!(outcome.is_saved());
                    base = outcome.merged;
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(load(&path).unwrap().concepts.len(), 80);
}

#[test]
fn concurrent_processes_lose_nothing() {
    // Two `alinea` processes are not needed: the child is this test binary re-run with an
    // env var, saving through the same library call.
    if let Ok(spec) = std::env::var("ALINEA_GLOSSARY_CHILD") {
        let (path, tag) = spec.split_once('|').unwrap();
        let path = Path::new(path);
        let mut base = load(path).unwrap();
        for i in 0..15 {
            let mine = with_concept(base.clone(), &format!("{tag}-{i}"), "en", "x");
            base = save(path, &mine, &base).unwrap().merged;
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("procs.glossary.ron");
    save(&path, &Glossary::default(), &Glossary::default()).unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|tag| {
            Command::new(&exe)
                .args([
                    "--exact",
                    "concurrent_processes_lose_nothing",
                    "--nocapture",
                ])
                .env("ALINEA_GLOSSARY_CHILD", format!("{}|{tag}", path.display()))
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(load(&path).unwrap().concepts.len(), 30);
}

#[test]
fn bad_ron_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.glossary.ron");
    std::fs::write(&path, "(concepts: {\"a\": (id: 3)})").unwrap();
    let err = load(&path).unwrap_err();
    assert!(matches!(err, GlossaryError::Format { .. }));
    assert!(err.to_string().contains("broken.glossary.ron"), "{err}");
    let missing = load_any(&dir.path().join("nope.tbx")).unwrap_err();
    assert!(missing.to_string().contains("nope.tbx"));
}

#[test]
fn tbx_v3_and_v2_round_trip() {
    let g = seeds_glossary();
    for version in [TbxVersion::V3, TbxVersion::V2Martif] {
        let bytes = write_tbx(&g, version);
        let text = String::from_utf8(bytes.clone()).unwrap();
        let back = parse_tbx(&bytes, Path::new("mem.tbx")).unwrap();
        assert_eq!(back, g, "{version:?}\n{text}");
        assert_eq!(write_tbx(&back, version), bytes, "stable output");
    }
    let v3 = String::from_utf8(write_tbx(&g, TbxVersion::V3)).unwrap();
    assert!(v3.contains("<tbx type=\"TBX-Basic\" style=\"dca\""));
    assert!(v3.contains("<langSec xml:lang=\"ar\">"));
    assert!(v3.contains("deprecatedTerm-admn-sts"));
    assert!(v3.contains("People&apos;s Committee") || v3.contains("People's Committee"));
    assert!(v3.contains("<descrip type=\"subjectField\">politics</descrip>"));
}

#[test]
fn tbx_escapes_markup_in_terms() {
    let g = with_concept(Glossary::default(), "r&d", "en", "R&D <lab> \"x\"");
    let bytes = write_tbx(&g, TbxVersion::V3);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("R&amp;D &lt;lab&gt;"), "{text}");
    assert_eq!(parse_tbx(&bytes, Path::new("m.tbx")).unwrap(), g);
}

#[test]
fn reads_handwritten_martif_v2() {
    let g = load_any(&fixture("martif-v2.tbx")).unwrap();
    assert_eq!(g.concepts.len(), 2);
    let c1 = &g.concepts["c1"];
    assert_eq!(c1.subject, "politics");
    assert_eq!(c1.note, "Executive body & its members");
    let ru = &c1.terms[&Lang::new("ru")];
    let got: Vec<_> = ru.iter().map(|t| (t.text.as_str(), t.status)).collect();
    assert_eq!(
        got,
        vec![
            ("комитет партии", TermStatus::Preferred),
            ("партком", TermStatus::Forbidden),
            ("партийный комитет", TermStatus::Allowed),
        ]
    );
    assert_eq!(
        g.concepts["concept-2"].terms[&Lang::new("ar")][0].text,
        "التحول الرقمي"
    );
}

#[test]
fn reads_tbx_v3_with_xml_extension() {
    let g = load_any(&fixture("basic-v3.xml")).unwrap();
    let c = &g.concepts["peoples-committee"];
    assert_eq!(c.note, "Local executive body <state>");
    let ar = &c.terms[&Lang::new("ar")];
    assert_eq!(ar[1].text, "لجنة الشعب");
    assert_eq!(ar[1].status, TermStatus::Forbidden);
    assert_eq!(c.terms[&Lang::new("ms")][1].status, TermStatus::Allowed);
    let err = parse_tbx(b"<html><body/></html>", Path::new("page.xml")).unwrap_err();
    assert!(err.to_string().contains("page.xml"));
    let err = parse_tbx(b"<tbx><text><body><conceptEntry>", Path::new("cut.tbx")).unwrap_err();
    assert!(err.to_string().contains("cut.tbx") && err.to_string().contains("truncated"));
}

#[test]
fn csv_long_form_round_trip() {
    let mut g = seeds_glossary();
    let mut exact = Term::new("UN", TermStatus::Allowed);
    exact.case_sensitive = true;
    exact.match_mode = MatchMode::Exact;
    g.concepts
        .get_mut("party-committee")
        .unwrap()
        .terms
        .entry(Lang::new("en"))
        .or_default()
        .push(exact);
    let bytes = write_csv(&g);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with("concept,lang,term,status,"));
    assert_eq!(parse_csv(&bytes, b',', Path::new("m.csv")).unwrap(), g);
    let minimal = "concept,lang,term,status\nx,RU,Постоянный комитет,\nx,ru,ПК,forbidden\n";
    let m = parse_csv(minimal.as_bytes(), b',', Path::new("m.csv")).unwrap();
    let ru = &m.concepts["x"].terms[&Lang::new("ru")];
    assert_eq!(
        (ru[0].status, ru[1].status),
        (TermStatus::Preferred, TermStatus::Forbidden)
    );
    let bad = "concept,lang,term,status\nx,ru,y,maybe\n";
    let err = parse_csv(bad.as_bytes(), b',', Path::new("bad.csv")).unwrap_err();
    assert!(err.to_string().contains("bad.csv") && err.to_string().contains("line 2"));
}

#[test]
fn csv_wide_form() {
    let g = load_any(&fixture("wide.csv")).unwrap();
    let standing = &g.concepts["standing-committee"];
    assert_eq!(standing.note, "The standing body");
    let ru: Vec<_> = standing.terms[&Lang::new("ru")]
        .iter()
        .map(|t| (t.text.as_str(), t.status))
        .collect();
    assert_eq!(
        ru,
        vec![
            ("Постоянный комитет", TermStatus::Preferred),
            ("Постоянная комиссия", TermStatus::Allowed)
        ]
    );
    let people = &g.concepts["peoples-committee"];
    let ar = &people.terms[&Lang::new("ar")];
    assert_eq!(
        (ar[0].status, ar[1].text.as_str(), ar[1].status),
        (TermStatus::Preferred, "لجنة الشعب", TermStatus::Forbidden)
    );
    assert_eq!(
        people.terms[&Lang::new("ru")][1].status,
        TermStatus::Allowed
    );

    let tsv = load_any(&fixture("wide-noid.tsv")).unwrap();
    assert_eq!(tsv.concepts.len(), 2, "{tsv:?}");
    let c = &tsv.concepts["party-committee"];
    assert_eq!(c.terms[&Lang::new("id")].len(), 2);
    assert!(tsv.concepts.contains_key("party-committee-2"));
    let err = parse_csv(b"concept,english words\nx,y\n", b',', Path::new("w.csv")).unwrap_err();
    assert!(err.to_string().contains("w.csv"));
}

/// An independent reader: translate-toolkit (Python) must read our TBX v2 export with the same
/// terms and languages, and lxml must see the v3 structure. translate-toolkit only reads TBX v2
/// (`<martif>`), which is why the exporter offers it.
#[test]
fn translate_toolkit_reads_our_tbx() {
    let probe = Command::new("python3")
        .args(["-c", "import translate.storage.tbx"])
        .output();
    let available = probe.map(|o| o.status.success()).unwrap_or(false);
    if !available {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!(
                "CI=true but python3 cannot import translate.storage.tbx (pip install translate-toolkit)"
            );
        }
        eprintln!(
            "SKIPPED translate_toolkit_reads_our_tbx: python3 module translate.storage.tbx not found (pip install translate-toolkit)"
        );
        return;
    }
    let g = seeds_glossary();
    let dir = tempfile::tempdir().unwrap();
    let v2 = dir.path().join("seeds.tbx");
    let v3 = dir.path().join("seeds-v3.tbx");
    std::fs::write(&v2, write_tbx(&g, TbxVersion::V2Martif)).unwrap();
    std::fs::write(&v3, write_tbx(&g, TbxVersion::V3)).unwrap();
    let script = r#"
import json, sys
from translate.storage import tbx
from lxml import etree
out = {}
data = open(sys.argv[1], 'rb').read()
for lang in ['ar', 'en', 'id', 'ms', 'ru', 'vi']:
    store = tbx.tbxfile.parsestring(data, sourcelanguage=lang)
    out[lang] = sorted(u.source for u in store.units if u.source)
ns = {'t': 'urn:iso:std:iso:30042:ed-2'}
root = etree.parse(sys.argv[2]).getroot()
v3 = {}
for ls in root.iterfind('.//t:conceptEntry/t:langSec', ns):
    lang = ls.get('{http://www.w3.org/XML/1998/namespace}lang')
    v3.setdefault(lang, []).extend(t.text for t in ls.iterfind('t:termSec/t:term', ns))
print(json.dumps({'tt': out, 'v3': {k: sorted(v) for k, v in v3.items()}, 'root': etree.QName(root).localname}))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&v2)
        .arg(&v3)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["root"], "tbx");
    for lang in ["ar", "en", "id", "ms", "ru", "vi"] {
        // translate-toolkit gives one source term (the first) per entry and language.
        let mut first: Vec<String> = g
            .concepts
            .values()
            .filter_map(|c: &Concept| c.terms.get(&Lang::new(lang)).map(|t| t[0].text.clone()))
            .collect();
        first.sort();
        let tt: Vec<String> = serde_json::from_value(v["tt"][lang].clone()).unwrap();
        assert_eq!(tt, first, "translate-toolkit, {lang}");
        let mut all: Vec<String> = g
            .concepts
            .values()
            .flat_map(|c| {
                c.terms
                    .get(&Lang::new(lang))
                    .into_iter()
                    .flatten()
                    .map(|t| t.text.clone())
            })
            .collect();
        all.sort();
        let v3: Vec<String> = serde_json::from_value(v["v3"][lang].clone()).unwrap();
        assert_eq!(v3, all, "lxml on v3, {lang}");
    }
}
