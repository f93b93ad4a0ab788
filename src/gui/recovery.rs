//! Crash recovery in the app: the open project is written to the recovery folder
//! ([`RecoveryFolder`]) within a second of every edit ([`EDIT_WRITE_DELAY`]), every 60 s
//! for view changes, and when the window loses focus, if it has unsaved changes;
//! a clean save, close or quit clears it, and what is left there at the next start is offered
//! back. The snapshot is written by a [`RecoveryWriter`] thread, so a big project does not
//! stall the window.

use std::path::PathBuf;
use std::time::Duration;

use crate::model::Project;
pub use crate::project::RecoveryFolder;
use crate::worker::{OnDrop, Worker};

/// An edit reaches the recovery file this long after it was made (a burst of edits is
/// written once), so a crash two seconds after an edit loses nothing.
pub const EDIT_WRITE_DELAY: Duration = Duration::from_millis(700);

/// How often unsaved view changes (zoom, columns) are written to the recovery file.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(60);

/// The snapshot waits for the editor to pause this long (no input), so its copy of a big
/// project never lands in the middle of typing or scrolling...
pub const AUTOSAVE_PAUSE: Duration = Duration::from_secs(2);

/// ...but no longer than this after the last snapshot.
pub const AUTOSAVE_LATEST: Duration = Duration::from_secs(300);

/// The folder for recovery files: eframe's data folder for the app, else the temp folder.
pub fn default_dir() -> PathBuf {
    eframe::storage_dir("alinea").unwrap_or_else(|| std::env::temp_dir().join("alinea"))
}

/// Unsaved work left by a run that did not end cleanly, offered at start; the snapshot is
/// read (in the background) only if the editor chooses to recover it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryOffer {
    /// The project file the work belongs to (`None`: never saved).
    pub origin: Option<PathBuf>,
}

/// Writes recovery snapshots on a background thread, one at a time.
#[derive(Default)]
pub struct RecoveryWriter {
    /// The revision being written and the worker writing it (joined on drop: a snapshot is
    /// written whole).
    running: Option<(u64, Worker<Result<(), String>>)>,
}

impl RecoveryWriter {
    /// True while a write is in progress.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts writing `project` (taken at history `revision`, belonging to `origin`) to
    /// `folder`.
    pub fn start(
        &mut self,
        folder: RecoveryFolder,
        project: Project,
        origin: Option<PathBuf>,
        revision: u64,
    ) {
        let worker = Worker::spawn("recovery-writer", OnDrop::Join, move |_| {
            folder
                .write(&project, origin.as_deref())
                .map_err(|e| e.to_string())
        });
        self.running = Some((revision, worker));
    }

    /// The revision written and the outcome, once the running write is done.
    pub fn poll(&mut self) -> Option<(u64, Result<(), String>)> {
        let (revision, worker) = self.running.as_mut()?;
        let revision = *revision;
        let outcome = worker.try_result()?;
        self.running = None;
        Some((revision, outcome.unwrap_or_else(|e| Err(e.to_string()))))
    }

    /// Waits for the running write, if any, and returns its revision and outcome.
    pub fn wait(&mut self) -> Option<(u64, Result<(), String>)> {
        let (revision, worker) = self.running.take()?;
        Some((
            revision,
            worker.wait().unwrap_or_else(|e| Err(e.to_string())),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_writes_in_the_background() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = RecoveryFolder::new(dir.path());
        let p = crate::edit::test_project::sample();
        let mut writer = RecoveryWriter::default();
        writer.start(folder.clone(), p.clone(), None, 7);
        assert!(writer.is_busy());
        let (revision, outcome) = writer.wait().expect("a write ran");
        assert_eq!(revision, 7);
        outcome.expect("written");
        assert!(!writer.is_busy());
        let found = folder.pending().expect("pending").expect("loads");
        assert_eq!(found.project, p);
    }
}
