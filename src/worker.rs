//! One worker type for every thread the app and the library start: a named thread that runs
//! one piece of work with a [`Progress`] (fraction, stage, cancel) and hands its result back
//! over a channel.
//!
//! Drop policy, chosen when the worker starts ([`OnDrop`]):
//! - [`OnDrop::Join`]: dropping the worker cancels it and waits for the thread to end. For work
//!   that writes files (a save, an export, a recovery snapshot): it must not be cut off, and
//!   the process must not end before it.
//! - [`OnDrop::Detach`]: dropping the worker cancels it and lets the thread finish on its own;
//!   its late result is dropped. For pure computations (loading, aligning, indexing) that may
//!   be deep inside one big document when the editor moves on.
//!
//! Work that borrows from its caller runs through [`run_scoped`] instead (the CLI's progress
//! bar): same thread naming and progress, but the caller waits for it.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::progress::Progress;

/// What dropping a [`Worker`] does with its thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDrop {
    /// Cancel, then wait for the thread to end.
    Join,
    /// Cancel and let the thread end on its own (its result is dropped).
    Detach,
}

/// The worker's thread ended without a result (it panicked or could not be started).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the background work “{name}” stopped unexpectedly")]
pub struct WorkerLost {
    /// The worker's name.
    pub name: String,
}

/// A named background thread computing one `T`.
pub struct Worker<T> {
    name: String,
    progress: Progress,
    rx: Receiver<T>,
    handle: Option<JoinHandle<()>>,
    on_drop: OnDrop,
}

impl<T: Send + 'static> Worker<T> {
    /// Starts `work` on a thread called `name`.
    pub fn spawn(
        name: &str,
        on_drop: OnDrop,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Self {
        Self::spawn_then(name, on_drop, work, || {})
    }

    /// Starts `work` on a thread called `name`; `done` runs on that thread once the result
    /// is sent (the app asks egui for a repaint there).
    pub fn spawn_then(
        name: &str,
        on_drop: OnDrop,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
        done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let progress = Progress::new();
        let (tx, rx) = channel();
        let for_thread = progress.clone();
        let handle = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                // The receiver may be gone (a detached worker): the result is not wanted then.
                let _ = tx.send(work(&for_thread));
                done();
            })
            // Not started: `rx` is disconnected, so the result reads as `WorkerLost`.
            .ok();
        Worker {
            name: name.to_string(),
            progress,
            rx,
            handle,
            on_drop,
        }
    }
}

impl<T> Worker<T> {
    /// The worker's name (its thread's name).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The progress the work reports (and the cancel flag it polls).
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Asks the work to stop at its next check.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// The result once the work is done; `None` while it runs.
    pub fn try_result(&mut self) -> Option<Result<T, WorkerLost>> {
        match self.rx.try_recv() {
            Ok(value) => Some(Ok(value)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(self.lost())),
        }
    }

    /// Waits for the result.
    pub fn wait(mut self) -> Result<T, WorkerLost> {
        let result = self.rx.recv().map_err(|_| self.lost());
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
        result
    }

    fn lost(&self) -> WorkerLost {
        WorkerLost {
            name: self.name.clone(),
        }
    }
}

impl<T> Drop for Worker<T> {
    fn drop(&mut self) {
        self.progress.cancel();
        if let (OnDrop::Join, Some(handle)) = (self.on_drop, self.handle.take()) {
            let _ = handle.join();
        }
    }
}

/// Runs `work` on a thread called `name` that may borrow from the caller, calling `tick` with
/// the progress every `every` until it is done; the caller waits.
pub fn run_scoped<T: Send>(
    name: &str,
    work: impl FnOnce(&Progress) -> T + Send,
    every: Duration,
    mut tick: impl FnMut(&Progress),
) -> Result<T, WorkerLost> {
    let progress = Progress::new();
    let lost = || WorkerLost {
        name: name.to_string(),
    };
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name(name.to_string())
            .spawn_scoped(scope, || work(&progress))
            .map_err(|_| lost())?;
        while !worker.is_finished() {
            tick(&progress);
            std::thread::sleep(every);
        }
        worker.join().map_err(|_| lost())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_hands_back_its_result_and_progress() {
        let worker = Worker::spawn("adds", OnDrop::Join, |p| {
            p.set_total(2);
            p.advance(2);
            40 + 2
        });
        assert_eq!(worker.name(), "adds");
        let progress = worker.progress().clone();
        assert_eq!(worker.wait(), Ok(42));
        assert_eq!(progress.counts(), (2, 2));
    }

    #[test]
    fn dropping_a_worker_cancels_it() {
        let (tx, rx) = channel();
        let worker = Worker::spawn("waits", OnDrop::Join, move |p| {
            while !p.is_cancelled() {
                std::thread::sleep(Duration::from_millis(1));
            }
            let _ = tx.send(());
        });
        drop(worker);
        assert!(rx.try_recv().is_ok(), "joined after the cancel");
    }

    #[test]
    fn a_panicking_worker_is_reported_lost() {
        let mut worker: Worker<u8> = Worker::spawn("panics", OnDrop::Detach, |_| panic!("boom"));
        let result = loop {
            if let Some(r) = worker.try_result() {
                break r;
            }
            std::thread::sleep(Duration::from_millis(1));
        };
        assert_eq!(result.map_err(|e| e.name), Err("panics".to_string()));
    }

    #[test]
    fn scoped_work_borrows_and_ticks() {
        let text = String::from("abc");
        let mut ticks = 0;
        let n = run_scoped(
            "counts",
            |_| {
                std::thread::sleep(Duration::from_millis(5));
                text.len()
            },
            Duration::from_millis(1),
            |_| ticks += 1,
        );
        assert_eq!(n, Ok(3));
        assert!(ticks > 0);
    }
}
