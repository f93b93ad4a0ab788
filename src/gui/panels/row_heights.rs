//! Row heights for the virtualised grid: rows differ in height (cells wrap), so egui's
//! `show_rows` (uniform height) does not fit. Heights start as cheap estimates from text
//! length, rows near the viewport are measured with real text layout, and a prefix sum turns
//! a scroll offset into a row index with a binary search. Everything is thrown away when the
//! key (column widths, font size, rows shown, project revision) changes.

/// What the heights depend on.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    /// Text width of each visible column, in whole points.
    pub widths: Vec<u32>,
    /// Visible version indices in display order.
    pub columns: Vec<usize>,
    /// Font size in hundredths of a point.
    pub font_size: u32,
    /// History revision at which the cells' contents last changed (`layout_revision`).
    pub revision: u64,
    /// Generation of the list of rows shown (filter changes).
    pub rows_generation: u64,
}

/// Per-row heights (estimated or measured) with prefix sums.
#[derive(Default)]
pub struct RowHeights {
    key: Option<LayoutKey>,
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// `prefix[i]` is the top of row `i`; `prefix[len]` the total height.
    prefix: Vec<f32>,
    prefix_stale: bool,
}

impl RowHeights {
    /// Starts over with estimates if `key` or the row count changed; true if it did.
    pub fn reset_if_changed(
        &mut self,
        key: LayoutKey,
        count: usize,
        estimate: impl Fn(usize) -> f32,
    ) -> bool {
        if self.key.as_ref() == Some(&key) && self.heights.len() == count {
            return false;
        }
        self.heights = (0..count).map(estimate).collect();
        self.measured = vec![false; count];
        self.key = Some(key);
        self.prefix_stale = true;
        self.refresh_prefix();
        true
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.heights.len()
    }

    /// True if there are no rows.
    pub fn is_empty(&self) -> bool {
        self.heights.is_empty()
    }

    /// Height of all rows together.
    pub fn total(&self) -> f32 {
        self.prefix.last().copied().unwrap_or(0.0)
    }

    /// Top of row `i` (the total height for `i == len`).
    pub fn top(&self, i: usize) -> f32 {
        self.prefix.get(i).copied().unwrap_or_else(|| self.total())
    }

    /// Height of row `i`.
    pub fn height(&self, i: usize) -> f32 {
        self.heights.get(i).copied().unwrap_or(0.0)
    }

    /// The row at vertical offset `y` (clamped to the last row).
    pub fn index_at(&self, y: f32) -> usize {
        let n = self.heights.len();
        if n == 0 {
            return 0;
        }
        let after = self.prefix[1..].partition_point(|&end| end <= y);
        after.min(n - 1)
    }

    /// True if row `i` was measured (not estimated).
    pub fn is_measured(&self, i: usize) -> bool {
        self.measured.get(i).copied().unwrap_or(true)
    }

    /// Stores the measured height of row `i`.
    pub fn set_measured(&mut self, i: usize, height: f32) {
        if let (Some(h), Some(m)) = (self.heights.get_mut(i), self.measured.get_mut(i)) {
            if (*h - height).abs() > 0.01 {
                *h = height;
                self.prefix_stale = true;
            }
            *m = true;
        }
    }

    /// Recomputes the prefix sums after measurements.
    pub fn refresh_prefix(&mut self) {
        if !self.prefix_stale {
            return;
        }
        self.prefix.clear();
        self.prefix.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        self.prefix.push(y);
        for h in &self.heights {
            y += h;
            self.prefix.push(y);
        }
        self.prefix_stale = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(revision: u64) -> LayoutKey {
        LayoutKey {
            widths: vec![100],
            columns: vec![0],
            font_size: 1500,
            revision,
            rows_generation: 0,
        }
    }

    #[test]
    fn lookup_follows_measured_heights() {
        let mut h = RowHeights::default();
        assert!(h.reset_if_changed(key(0), 4, |_| 10.0));
        assert_eq!(h.total(), 40.0);
        assert_eq!(h.index_at(0.0), 0);
        assert_eq!(h.index_at(15.0), 1);
        assert_eq!(h.index_at(1000.0), 3);
        h.set_measured(1, 30.0);
        h.refresh_prefix();
        assert!(h.is_measured(1) && !h.is_measured(2));
        assert_eq!(h.top(2), 40.0);
        assert_eq!(h.index_at(39.0), 1);
        assert_eq!(h.index_at(40.0), 2);
        assert_eq!(h.total(), 60.0);
        assert!(!h.reset_if_changed(key(0), 4, |_| 10.0));
        assert!(h.reset_if_changed(key(1), 4, |_| 10.0));
        assert_eq!(h.total(), 40.0);
    }
}
