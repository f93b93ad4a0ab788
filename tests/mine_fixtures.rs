//! Term mining on the hand-made seven-language fixture (`tests/fixtures/mine/`): recall of the
//! terminologist's list in the top 150 candidates and the preferred counterpart per language.

#![allow(
    clippy::unwrap_used,
    reason = "test code: a panic is the failure report"
)]

use std::path::Path;

use alinea::mine::{MineOptions, TermCandidate, mine};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
use alinea::progress::Progress;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mine")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// The fixture rows as a project aligned one row per line (gold alignment).
fn gold_project() -> Project {
    let text = fixture("rows.tsv");
    let mut lines = text.lines();
    let langs: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let versions = langs
        .iter()
        .enumerate()
        .map(|(v, l)| {
            let sents: Vec<&str> = rows.iter().map(|r| r[v]).collect();
            Version::from_sentences(&format!("{l}.txt"), Lang::new(l), &[sents])
        })
        .collect();
    let mut project = Project::new(versions);
    project.alignment = Alignment {
        pivot: 0,
        rows: (0..rows.len())
            .map(|i| Row {
                cells: vec![i..i + 1; langs.len()],
                score: 1.0,
                status: RowStatus::Auto,
            })
            .collect(),
    };
    project
}

struct Expected {
    term: String,
    /// (lang, forms; the first is the preferred counterpart).
    counterparts: Vec<(String, Vec<String>)>,
}

fn expected() -> Vec<Expected> {
    let text = fixture("terms.tsv");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let langs: Vec<String> = lines
        .next()
        .unwrap()
        .split('\t')
        .map(String::from)
        .collect();
    lines
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Expected {
                term: cols[0].to_string(),
                counterparts: langs[1..]
                    .iter()
                    .zip(&cols[1..])
                    .map(|(lang, forms)| {
                        (lang.clone(), forms.split('|').map(String::from).collect())
                    })
                    .collect(),
            }
        })
        .collect()
}

fn find<'a>(found: &'a [TermCandidate], term: &str) -> Option<&'a TermCandidate> {
    found
        .iter()
        .take(150)
        .find(|c| c.forms.iter().any(|f| f.eq_ignore_ascii_case(term)))
}

/// Returns (recall in top 150, per-language counterpart accuracy) and prints the misses.
fn evaluate(project: &Project) -> (f32, Vec<(String, f32)>) {
    let found = mine(project, &MineOptions::default(), &Progress::new()).unwrap();
    let expected = expected();
    let mut hits = 0;
    let mut per_lang: Vec<(String, usize)> = expected[0]
        .counterparts
        .iter()
        .map(|(l, _)| (l.clone(), 0))
        .collect();
    for e in &expected {
        let Some(c) = find(&found, &e.term) else {
            eprintln!("missing term: {}", e.term);
            continue;
        };
        hits += 1;
        for (i, (lang, forms)) in e.counterparts.iter().enumerate() {
            let got = c
                .counterparts
                .iter()
                .find(|vc| vc.lang.as_str() == lang)
                .and_then(|vc| vc.counterparts.first());
            // The counterpart is right when it groups every listed form (its display text is
            // its most frequent form, not necessarily the dictionary form).
            let ok = got.is_some_and(|g| {
                forms.iter().all(|f| {
                    g.forms
                        .iter()
                        .any(|gf| gf.to_lowercase() == f.to_lowercase())
                })
            });
            if ok {
                per_lang[i].1 += 1;
            } else {
                eprintln!("{} [{lang}]: expected {forms:?}, got {got:?}", e.term);
            }
        }
    }
    let n = expected.len() as f32;
    let recall = hits as f32 / n;
    let acc = per_lang
        .into_iter()
        .map(|(l, k)| (l, k as f32 / hits.max(1) as f32))
        .collect();
    (recall, acc)
}

#[test]
fn listed_terms_and_counterparts_are_found() {
    let (recall, acc) = evaluate(&gold_project());
    eprintln!("recall in top 150: {recall:.2}; counterparts first: {acc:?}");
    assert!(recall >= 0.9, "recall {recall}");
    for (lang, a) in acc {
        assert!(a >= 0.9, "{lang}: {a}");
    }
}
