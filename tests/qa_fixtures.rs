//! Glossary-free QA on planted defects (`tests/fixtures/mine/qa_rows.tsv`): every planted
//! defect found, nothing on the control rows, and few findings on clean parallel texts.

#![allow(
    clippy::unwrap_used,
    reason = "test code: a panic is the failure report"
)]

use std::collections::BTreeSet;
use std::path::Path;

use alinea::checks::qa_findings;
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mine")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// One row per line; an empty cell is an empty translation.
fn gold_project(tsv: &str) -> Project {
    let mut lines = tsv.lines();
    let langs: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let mut versions = Vec::new();
    let mut cells: Vec<Vec<std::ops::Range<usize>>> = vec![Vec::new(); rows.len()];
    for (v, l) in langs.iter().enumerate() {
        let sents: Vec<&str> = rows
            .iter()
            .map(|r| r[v])
            .filter(|s| !s.is_empty())
            .collect();
        versions.push(Version::from_sentences(
            &format!("{l}.txt"),
            Lang::new(l),
            &[sents],
        ));
        let mut next = 0;
        for (r, row) in rows.iter().enumerate() {
            let n = usize::from(!row[v].is_empty());
            cells[r].push(next..next + n);
            next += n;
        }
    }
    let mut project = Project::new(versions);
    project.alignment = Alignment {
        pivot: 0,
        rows: cells
            .into_iter()
            .map(|cells| Row {
                cells,
                score: 1.0,
                status: RowStatus::Auto,
            })
            .collect(),
    };
    project.validate().unwrap();
    project
}

#[test]
fn planted_defects_found_and_controls_silent() {
    let project = gold_project(&fixture("qa_rows.tsv"));
    let found: BTreeSet<(usize, String, String)> = qa_findings(&project)
        .into_iter()
        .map(|f| (f.row, f.kind.as_str().to_string(), f.lang))
        .collect();
    let expected: BTreeSet<(usize, String, String)> = fixture("qa_expected.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].parse().unwrap(), c[1].to_string(), c[2].to_string())
        })
        .collect();
    let missed: Vec<_> = expected.difference(&found).collect();
    let extra: Vec<_> = found.difference(&expected).collect();
    assert!(missed.is_empty(), "missed {missed:?}");
    assert!(extra.is_empty(), "false alarms {extra:?}");
}

#[test]
fn clean_mining_fixture_has_no_findings() {
    let findings = qa_findings(&gold_project(&fixture("rows.tsv")));
    assert!(findings.len() <= 1, "{findings:?}");
}
