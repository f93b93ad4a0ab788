//! One pivot sentence translated two ways, or one translation for two pivot sentences.
//!
//! Sentences are compared by their words in lower case (punctuation and spacing ignored) and
//! only when they have three words or more; every row of a disagreeing group is reported.

use std::collections::BTreeMap;

use super::{comparable, qa_finding};
use crate::checks::{Finding, FindingKind};
use crate::model::Project;

/// Appends the inconsistency findings; `cells[v][row]` is the text of each cell.
pub fn inconsistencies(project: &Project, cells: &[Vec<String>], out: &mut Vec<Finding>) {
    let pivot = project.alignment.pivot;
    let keys: Vec<Vec<String>> = cells
        .iter()
        .map(|col| col.iter().map(|t| comparable(t)).collect())
        .collect();
    let long = |k: &str| k.split(' ').count() >= 3;
    for (v, version) in project.versions.iter().enumerate() {
        if v == pivot {
            continue;
        }
        let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_target: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (r, (p, t)) in keys[pivot].iter().zip(&keys[v]).enumerate() {
            let (p, t) = (p.as_str(), t.as_str());
            if !long(p) || !long(t) {
                continue;
            }
            by_source.entry(p).or_default().push(r);
            by_target.entry(t).or_default().push(r);
        }
        let mut report = |rows: &[usize], other: &[String], kind| {
            let first = &other[rows[0]];
            if rows.iter().all(|&r| &other[r] == first) {
                return;
            }
            for &r in rows {
                let sentence = project.alignment.rows[r]
                    .cells
                    .get(v)
                    .map_or(0, |c| c.start);
                out.push(qa_finding(
                    version,
                    v,
                    r,
                    sentence,
                    kind,
                    cells[v][r].clone(),
                ));
            }
        };
        for rows in by_source.values().filter(|rows| rows.len() > 1) {
            report(rows, &keys[v], FindingKind::InconsistentTarget);
        }
        for rows in by_target.values().filter(|rows| rows.len() > 1) {
            report(rows, &keys[pivot], FindingKind::InconsistentSource);
        }
    }
}
