//! Confidence of a row the editor reshaped: merge, split, move or a shifted column make new
//! rows whose aligner score no longer applies. The score is recomputed from the cells'
//! lengths the way the aligner's length model sees them: each version's cell against the
//! pivot's, scaled by how long that version is overall. A confirmed row counts as sure
//! ([`crate::model::Row::confidence`]).

use std::ops::Range;

use crate::model::{Project, Row, RowStatus};

/// Spread of the log length ratio of a good pair (≈ 20 % longer or shorter still scores 0.8).
const LOG_RATIO_VARIANCE_X2: f64 = 0.15;

/// The length-based score in 0..=1 of a row with these `cells` in `project`: 1 when every
/// version's cell is as long as the pivot's predicts, 0 for a cell left empty opposite text.
pub fn row_score(project: &Project, cells: &[Range<usize>]) -> f32 {
    let pivot = project.alignment.pivot;
    let bytes = |v: usize, cell: &Range<usize>| -> usize {
        project.versions.get(v).map_or(0, |ver| {
            cell.clone().map(|k| ver.sentence_text(k).len()).sum()
        })
    };
    let Some(pivot_cell) = cells.get(pivot) else {
        return 0.0;
    };
    let pivot_len = bytes(pivot, pivot_cell) as f64;
    let pivot_total = project
        .versions
        .get(pivot)
        .map_or(1, |v| v.text.len().max(1)) as f64;
    let mut sum = 0.0;
    let mut count = 0u32;
    for (v, cell) in cells.iter().enumerate() {
        if v == pivot {
            continue;
        }
        let len = bytes(v, cell) as f64;
        let total = project.versions[v].text.len().max(1) as f64;
        count += 1;
        sum += match (pivot_len > 0.0, len > 0.0) {
            (false, false) => continue,
            (true, true) => {
                let expected = pivot_len * total / pivot_total;
                let delta = (len / expected).ln();
                (-(delta * delta) / LOG_RATIO_VARIANCE_X2).exp()
            }
            _ => 0.0,
        };
    }
    if count == 0 {
        return 1.0;
    }
    (sum / f64::from(count)) as f32
}

/// `rows` with the score of every automatic row recomputed by [`row_score`].
pub fn rescored(project: &Project, mut rows: Vec<Row>) -> Vec<Row> {
    for r in &mut rows {
        if r.status == RowStatus::Auto {
            r.score = row_score(project, &r.cells);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Version};

    fn project(a: &[&str], b: &[&str]) -> Project {
        let va = Version::from_sentences("a", Lang::new("en"), &[a.to_vec()]);
        let vb = Version::from_sentences("b", Lang::new("ru"), &[b.to_vec()]);
        Project::new(vec![va, vb])
    }

    #[test]
    fn matching_lengths_score_high_and_an_empty_cell_zero() {
        let p = project(&["Twelve chars", "Short."], &["Twelve chars", "Short."]);
        assert!(row_score(&p, &[0..1, 0..1]) > 0.99);
        assert_eq!(row_score(&p, &[0..1, 1..1]), 0.0);
        assert!(row_score(&p, &[0..1, 1..2]) < row_score(&p, &[0..1, 0..1]));
    }
}
