//! Merging pairwise alignments (each version against the pivot) into one N-column table.
//!
//! A row boundary is placed at a pivot position only where *every* version has a bead
//! boundary there, so when two translations split one pivot sentence differently (one 1-2,
//! the other 2-1 with its neighbour) the row simply grows until both agree: rows are always
//! consistent. Sentences a version adds at a common boundary form their own row (pivot cell
//! empty); additions inside a row stay in it.

use std::ops::Range;

use super::band::Bead;
use crate::model::{Row, RowStatus};

/// Confidence in 0..=1 from a bead cost in nats.
pub fn confidence(cost: f32) -> f32 {
    if !cost.is_finite() {
        return 0.0;
    }
    1.0 / (1.0 + (cost - 2.0).exp())
}

/// Per version, where its beads put boundaries: for each pivot position `k` (0..=n) at which
/// the version has a bead boundary, the other-side range of sentences added at `k`
/// (`start..end`, usually empty), else `None`.
fn boundaries(beads: &[Bead], n: usize, m: usize) -> Vec<Option<Range<usize>>> {
    let mut at: Vec<Option<Range<usize>>> = vec![None; n + 1];
    let mut b_pos = 0;
    let mut k = 0;
    at[0] = Some(0..0);
    for bead in beads {
        if bead.a.is_empty() {
            // Added sentences at pivot position k.
            if let Some(r) = at[k].as_mut() {
                r.end = bead.b.end;
            }
        } else {
            k = bead.a.end;
            at[k] = Some(bead.b.end..bead.b.end);
        }
        b_pos = bead.b.end;
    }
    if let Some(r) = at[n].as_mut() {
        r.end = r.end.max(m);
    } else {
        at[n] = Some(b_pos..m);
    }
    at
}

/// Builds rows for a stretch: pivot sentences `pivot_range`, and for every version `v` its
/// range `ranges[v]` and, unless `v` is the pivot, its beads (relative to the stretch).
pub fn merge(pivot: usize, ranges: &[Range<usize>], beads: &[Option<Vec<Bead>>]) -> Vec<Row> {
    let n = ranges[pivot].len();
    let per_version: Vec<Option<Vec<Option<Range<usize>>>>> = beads
        .iter()
        .zip(ranges)
        .map(|(b, r)| b.as_ref().map(|b| boundaries(b, n, r.len())))
        .collect();
    // Confidence sums by the pivot position where beads start: prefix sums for content beads,
    // plain sums for added-sentence beads (they sit at one position).
    let mut content = vec![(0.0f64, 0u32); n + 2];
    let mut added_at = vec![(0.0f64, 0u32); n + 1];
    for bead in beads.iter().flatten().flatten() {
        let slot = if bead.a.is_empty() {
            &mut added_at[bead.a.start.min(n)]
        } else {
            &mut content[bead.a.start + 1]
        };
        slot.0 += f64::from(confidence(bead.cost));
        slot.1 += 1;
    }
    for k in 1..content.len() {
        content[k].0 += content[k - 1].0;
        content[k].1 += content[k - 1].1;
    }
    let mean = |(sum, count): (f64, u32)| {
        if count == 0 {
            1.0
        } else {
            (sum / f64::from(count)) as f32
        }
    };
    let cuts: Vec<usize> = (0..=n)
        .filter(|&k| per_version.iter().flatten().all(|at| at[k].is_some()))
        .collect();
    let added = |v: usize, k: usize| -> Range<usize> {
        match &per_version[v] {
            Some(at) => at[k].clone().unwrap_or(0..0),
            None => 0..0,
        }
    };
    let mut rows = Vec::new();
    for (c, &k) in cuts.iter().enumerate() {
        let insert: Vec<Range<usize>> = (0..ranges.len()).map(|v| added(v, k)).collect();
        if insert.iter().any(|r| !r.is_empty()) {
            rows.push(Row {
                cells: insert
                    .iter()
                    .zip(ranges)
                    .enumerate()
                    .map(|(v, (r, base))| {
                        if v == pivot {
                            base.start + k..base.start + k
                        } else {
                            base.start + r.start..base.start + r.end
                        }
                    })
                    .collect(),
                score: mean(added_at[k]),
                status: RowStatus::Auto,
            });
        }
        let Some(&next) = cuts.get(c + 1) else {
            break;
        };
        let cells = (0..ranges.len())
            .map(|v| {
                let base = ranges[v].start;
                if v == pivot {
                    base + k..base + next
                } else {
                    base + added(v, k).end..base + added(v, next).start
                }
            })
            .collect();
        rows.push(Row {
            cells,
            score: mean((
                content[next].0 - content[k].0,
                content[next].1 - content[k].1,
            )),
            status: RowStatus::Auto,
        });
    }
    rows
}
