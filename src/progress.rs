//! Progress reporting and cancellation for long work (loading, aligning, checking), shared
//! between a worker thread and the UI or CLI that shows it.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A cheap, cloneable handle: workers report `done`/`total` and poll `is_cancelled`.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    inner: Arc<ProgressState>,
}

#[derive(Debug, Default)]
struct ProgressState {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
    stage: Mutex<Option<&'static str>>,
}

/// Returned by long work when the user pressed Cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled by the user")]
pub struct Cancelled;

impl Progress {
    /// A fresh handle with nothing done.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the amount of work expected.
    pub fn set_total(&self, total: u64) {
        self.inner.total.store(total, Ordering::Relaxed);
    }

    /// Starts a named stage of a longer job (e.g. "embedding sentences", then "aligning"):
    /// nothing done yet, total unknown until set. The UI shows the name beside the bar.
    pub fn set_stage(&self, stage: &'static str) {
        if let Ok(mut s) = self.inner.stage.lock() {
            *s = Some(stage);
        }
        self.inner.done.store(0, Ordering::Relaxed);
        self.inner.total.store(0, Ordering::Relaxed);
    }

    /// The stage set last, if any.
    pub fn stage(&self) -> Option<&'static str> {
        self.inner.stage.lock().ok().and_then(|s| *s)
    }

    /// Adds `n` units of finished work.
    pub fn advance(&self, n: u64) {
        self.inner.done.fetch_add(n, Ordering::Relaxed);
    }

    /// Units done and units expected, as reported (done may pass total if a worker
    /// under-estimated; [`Self::fraction`] clamps).
    pub fn counts(&self) -> (u64, u64) {
        (
            self.inner.done.load(Ordering::Relaxed),
            self.inner.total.load(Ordering::Relaxed),
        )
    }

    /// Fraction finished in 0..=1 (0 while the total is unknown).
    pub fn fraction(&self) -> f32 {
        let total = self.inner.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.inner.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32
    }

    /// Asks the worker to stop at its next check.
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once `cancel` was called: use with `?` in loops.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_and_cancel() {
        let p = Progress::new();
        assert_eq!(p.fraction(), 0.0);
        p.set_total(4);
        p.advance(1);
        let q = p.clone();
        q.advance(1);
        assert_eq!(p.fraction(), 0.5);
        assert_eq!(p.check(), Ok(()));
        q.cancel();
        assert_eq!(p.check(), Err(Cancelled));
    }
}
