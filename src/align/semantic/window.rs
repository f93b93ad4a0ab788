//! The cells a search may visit: for every pivot position `i` (0..=n) a range of other-side
//! positions around a centre line, with consecutive rows overlapping so every cell of the
//! window can be reached.

use std::ops::RangeInclusive;

/// Allowed other-side positions per pivot position.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    rows: Vec<RangeInclusive<usize>>,
}

impl Window {
    /// `±width` around `centre` (one value per pivot position 0..=n) in a matrix of `m`
    /// other-side positions; `widths` can override the width row by row.
    pub fn around(centre: &[f64], widths: &[usize], m: usize) -> Self {
        let n = centre.len().saturating_sub(1);
        let mut rows: Vec<RangeInclusive<usize>> = Vec::with_capacity(n + 1);
        for (i, &c) in centre.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0) as f64;
            let c = if c.is_finite() { c.clamp(0.0, m as f64) } else { 0.0 };
            let lo = (c - w).floor().max(0.0) as usize;
            let hi = ((c + w).ceil() as usize).min(m);
            rows.push(lo.min(m)..=hi);
        }
        if let Some(first) = rows.first_mut() {
            *first = 0..=*first.end();
        }
        if let Some(last) = rows.last_mut() {
            *last = *last.start()..=m;
        }
        // Monotone bounds, and each row starting no later than the previous one ends: then
        // 0-1 steps along a row and 1-0 steps between rows reach every cell.
        for i in 1..rows.len() {
            let (prev_lo, prev_hi) = (*rows[i - 1].start(), *rows[i - 1].end());
            let lo = (*rows[i].start()).max(prev_lo).min(prev_hi);
            let hi = (*rows[i].end()).max(prev_hi).max(lo);
            rows[i] = lo..=hi;
        }
        for i in (0..rows.len().saturating_sub(1)).rev() {
            let next_lo = *rows[i + 1].start();
            let lo = (*rows[i].start()).min(next_lo);
            rows[i] = lo..=*rows[i].end();
        }
        Window { rows }
    }

    /// Number of pivot positions (n + 1).
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// Allowed other-side positions at pivot position `i`.
    pub fn row(&self, i: usize) -> RangeInclusive<usize> {
        self.rows.get(i).cloned().unwrap_or(1..=0)
    }

    /// True when cell (i, j) is in the window.
    pub fn contains(&self, i: usize, j: usize) -> bool {
        self.rows.get(i).is_some_and(|r| r.contains(&j))
    }

    /// True when (i, j) lies on the window's edge (not at the matrix border).
    pub fn on_edge(&self, i: usize, j: usize, m: usize) -> bool {
        let Some(r) = self.rows.get(i) else {
            return false;
        };
        (j == *r.start() && j > 0) || (j == *r.end() && j < m)
    }

    /// Cells in the window.
    pub fn cells(&self) -> usize {
        self.rows.iter().map(|r| r.clone().count()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_overlap_and_reach_both_corners() {
        let centre: Vec<f64> = (0..=10).map(|i| i as f64 * 3.0).collect();
        let w = Window::around(&centre, &[1; 11], 30);
        assert!(w.contains(0, 0) && w.contains(10, 30));
        for i in 1..w.rows() {
            assert!(w.row(i).start() <= w.row(i - 1).end(), "row {i}");
            assert!(w.row(i).start() >= w.row(i - 1).start());
        }
    }

    #[test]
    fn a_centre_outside_the_matrix_is_clamped() {
        let w = Window::around(&[f64::NAN, 50.0, -3.0], &[2, 2, 2], 4);
        assert!(w.contains(2, 4));
        assert!(w.cells() > 0);
    }
}
