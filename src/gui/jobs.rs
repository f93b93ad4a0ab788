//! Long work off the UI thread: loading documents, aligning, re-aligning, building the sample,
//! opening and saving project files (a project of two 100 MB reports takes seconds to read).
//! One job runs at a time; it reports through a [`Progress`] (bar + Cancel) and sends its
//! result over a channel, then asks egui for a repaint so the UI picks it up.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::align::{self, AlignOptions};
use crate::ingest::LoadOptions;
use crate::model::{Project, Row, Version, ViewSettings};
use crate::pipeline;
use crate::progress::Progress;
use crate::segment::SplitMode;

use super::sample;

/// What a finished job hands back to the app.
pub enum JobOutput {
    /// Documents loaded for a new project (each a version or an error naming the file);
    /// `then_align` asks the app to align right away (documents given on the command line).
    Loaded {
        /// One result per file, in order.
        versions: Vec<Result<Version, String>>,
        /// Align as soon as they are in.
        then_align: bool,
    },
    /// A new, aligned project.
    Aligned(Box<Project>),
    /// The bundled sample, aligned (needs no saving while untouched).
    Sample(Box<Project>),
    /// New rows for re-aligning, computed from the project at `revision`.
    Realigned {
        /// The rows to replace all current rows with.
        rows: Vec<Row>,
        /// History revision the input was taken at.
        revision: u64,
    },
    /// A project read from its file (validated).
    Opened {
        /// The project.
        project: Box<Project>,
        /// The file it was read from.
        path: PathBuf,
    },
    /// The project, as it was at history `revision` with view settings `view`, is in `path`.
    Saved {
        /// The file written.
        path: PathBuf,
        /// History revision of the snapshot that was written.
        revision: u64,
        /// View settings of that snapshot.
        view: ViewSettings,
    },
    /// Unsaved work read back from the recovery folder.
    Recovered {
        /// The project as it was when the snapshot was taken.
        project: Box<Project>,
        /// The project file it belongs to (`None`: never saved).
        origin: Option<PathBuf>,
    },
    /// The user pressed Cancel.
    Cancelled,
    /// The job failed; the message says why.
    Failed(String),
    /// A finished job's result, applied to the app on the UI thread (export, import).
    Apply(Box<dyn FnOnce(&mut super::app::AlineaApp) + Send>),
}

struct Running {
    label: String,
    progress: Progress,
    rx: Receiver<JobOutput>,
    /// Cancel ends the job at once (its late result is dropped); for pure computations
    /// whose thread may be deep inside one big document. Jobs that write files wait.
    abandon_on_cancel: bool,
    /// False for a job Cancel cannot stop (a save: the file is written whole or not at all).
    cancellable: bool,
}

/// The background job runner of the app.
#[derive(Default)]
pub struct Jobs {
    running: Option<Running>,
}

impl Jobs {
    /// True while a job runs.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Label and progress fraction of the running job.
    pub fn status(&self) -> Option<(&str, f32)> {
        self.running
            .as_ref()
            .map(|r| (r.label.as_str(), r.progress.fraction()))
    }

    /// The stage the running job reports (e.g. "embedding sentences"), if any.
    pub fn stage(&self) -> Option<&'static str> {
        self.running.as_ref().and_then(|r| r.progress.stage())
    }

    /// Label of the running job if it writes files (a save or an export): the project must
    /// stay open until it is done.
    pub fn writing_label(&self) -> Option<&str> {
        self.running
            .as_ref()
            .filter(|r| !r.abandon_on_cancel)
            .map(|r| r.label.as_str())
    }

    /// True if the running job can be cancelled (the status bar offers Cancel).
    pub fn can_cancel(&self) -> bool {
        self.running.as_ref().is_some_and(|r| r.cancellable)
    }

    /// Asks the running job to stop.
    pub fn cancel(&self) {
        if let Some(r) = &self.running {
            r.progress.cancel();
        }
    }

    /// The result of the running job, once it is done.
    pub fn poll(&mut self) -> Option<JobOutput> {
        let running = self.running.as_ref()?;
        if running.abandon_on_cancel && running.progress.is_cancelled() {
            self.running = None;
            return Some(JobOutput::Cancelled);
        }
        let out = match running.rx.try_recv() {
            // Jobs that are not abandoned on Cancel report for themselves what they did.
            Ok(out) => out,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => JobOutput::Failed(format!(
                "{}: the background job stopped unexpectedly",
                running.label
            )),
        };
        self.running = None;
        Some(out)
    }

    fn spawn(
        &mut self,
        ctx: &egui::Context,
        label: &str,
        work: impl FnOnce(&Progress) -> JobOutput + Send + 'static,
    ) {
        self.spawn_job(ctx, label, true, work);
    }

    /// Runs `work` on a background thread; `abandon_on_cancel` makes Cancel end the job at
    /// once (the thread's result is dropped), else the job's own result is awaited.
    pub(crate) fn spawn_job(
        &mut self,
        ctx: &egui::Context,
        label: &str,
        abandon_on_cancel: bool,
        work: impl FnOnce(&Progress) -> JobOutput + Send + 'static,
    ) {
        let progress = Progress::new();
        let (tx, rx) = channel();
        let worker_progress = progress.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let out = work(&worker_progress);
            let _ = tx.send(out);
            ctx.request_repaint();
        });
        self.running = Some(Running {
            label: label.to_string(),
            progress,
            rx,
            abandon_on_cancel,
            cancellable: true,
        });
    }

    /// Loads documents and cuts them into sentences as `split` says.
    pub fn load_documents(
        &mut self,
        ctx: &egui::Context,
        paths: Vec<PathBuf>,
        opts: LoadOptions,
        split: SplitMode,
        then_align: bool,
    ) {
        self.spawn(ctx, "Loading documents", move |progress| {
            // Progress in bytes, two steps per file (read + decode, then detect + segment),
            // so one big file still moves the bar.
            let sizes: Vec<u64> = paths
                .iter()
                .map(|p| std::fs::metadata(p).map_or(1, |m| m.len().max(1)))
                .collect();
            progress.set_total(sizes.iter().sum::<u64>() * 2);
            let mut versions = Vec::new();
            for (path, size) in paths.into_iter().zip(sizes) {
                if progress.is_cancelled() {
                    return JobOutput::Cancelled;
                }
                if let Err(e) = crate::size_limit::check(&path, crate::size_limit::MAX_DOCUMENT) {
                    versions.push(Err(e));
                    progress.advance(size * 2);
                    continue;
                }
                let doc = match crate::ingest::load_path(&path, &opts) {
                    Ok(doc) => doc,
                    Err(e) => {
                        versions.push(Err(e.to_string()));
                        progress.advance(size * 2);
                        continue;
                    }
                };
                progress.advance(size);
                versions.push(Ok(pipeline::version_from_file(doc, &path, None, split)));
                progress.advance(size);
            }
            JobOutput::Loaded {
                versions,
                then_align,
            }
        });
    }

    /// Aligns versions into a new project.
    pub fn align(&mut self, ctx: &egui::Context, versions: Vec<Version>, pivot: usize) {
        self.spawn(ctx, "Aligning", move |progress| {
            align_project(versions, pivot, progress)
        });
    }

    /// Re-aligns the unconfirmed rows of `project` (taken at history `revision`).
    /// `concepts`: glossary concepts per version and sentence, anchors for the aligner.
    pub fn realign(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        revision: u64,
        concepts: Option<Vec<Vec<Vec<u32>>>>,
    ) {
        let versions = project.versions.clone();
        let current = project.alignment.clone();
        self.spawn(ctx, "Re-aligning", move |progress| {
            let base = AlignOptions {
                concepts,
                ..AlignOptions::default()
            };
            let Ok(options) = super::semantic::options(&versions, base, progress) else {
                return JobOutput::Cancelled;
            };
            match align::realign(&versions, &current, &options, progress) {
                Ok(a) => JobOutput::Realigned {
                    rows: a.rows,
                    revision,
                },
                Err(_) => JobOutput::Cancelled,
            }
        });
    }

    /// Reads and validates the project file at `path`.
    pub fn open_project(&mut self, ctx: &egui::Context, path: PathBuf) {
        let label = format!("Opening {}", file_name(&path));
        self.spawn(ctx, &label, move |_| {
            if let Err(e) = crate::size_limit::check(&path, crate::size_limit::MAX_PROJECT) {
                return JobOutput::Failed(e);
            }
            match crate::project::load(&path) {
                Ok(project) => match project.validate() {
                    Ok(()) => {
                        super::semantic::load_beside(&path);
                        JobOutput::Opened {
                            project: Box::new(project),
                            path,
                        }
                    }
                    Err(e) => JobOutput::Failed(format!(
                        "{}: alignment does not fit: {e}",
                        path.display()
                    )),
                },
                Err(e) => JobOutput::Failed(e.to_string()),
            }
        });
    }

    /// Writes `project`, a snapshot taken at history `revision`, to `path` (atomically).
    /// Cancel does not interrupt it: the file is either written whole or left as it was.
    pub fn save_project(
        &mut self,
        ctx: &egui::Context,
        project: Project,
        path: PathBuf,
        revision: u64,
    ) {
        let label = format!("Saving {}", file_name(&path));
        self.spawn_job(ctx, &label, false, move |_| {
            match crate::project::save(&path, &project) {
                Ok(()) => {
                    // The vectors only save time later: a failure here is not the save's.
                    let _ = super::semantic::save_beside(&path, &project);
                    JobOutput::Saved {
                        path,
                        revision,
                        view: project.view,
                    }
                }
                Err(e) => JobOutput::Failed(e.to_string()),
            }
        });
        if let Some(r) = &mut self.running {
            r.cancellable = false;
        }
    }

    /// Reads the snapshot of unsaved work in `folder`.
    pub fn recover(&mut self, ctx: &egui::Context, folder: crate::project::RecoveryFolder) {
        self.spawn(ctx, "Recovering unsaved work", move |_| {
            match folder.pending() {
                Some(Ok(found)) => JobOutput::Recovered {
                    project: Box::new(found.project),
                    origin: found.origin,
                },
                Some(Err(e)) => JobOutput::Failed(format!(
                    "Unsaved work from the last run could not be recovered: {e}"
                )),
                None => JobOutput::Failed(format!(
                    "Unsaved work from the last run could not be recovered: {} is gone",
                    folder.project_file().display()
                )),
            }
        });
    }

    /// Builds and aligns the bundled sample project.
    pub fn sample(&mut self, ctx: &egui::Context) {
        self.spawn(ctx, "Preparing the sample project", |progress| {
            let out = align_project(sample::versions(), 0, progress);
            if let JobOutput::Aligned(mut project) = out {
                project.glossary = sample::glossary();
                return JobOutput::Sample(project);
            }
            out
        });
    }
}

/// The file name of `path` for a job label.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn align_project(versions: Vec<Version>, pivot: usize, progress: &Progress) -> JobOutput {
    let prepare = |versions: &[Version], base: AlignOptions, progress: &Progress| {
        Ok(super::semantic::options(versions, base, progress)?)
    };
    let options = pipeline::NewProjectOptions {
        pivot,
        split: SplitMode::Auto,
        load: &LoadOptions::default(),
        glossary: None,
        prepare: Some(&prepare),
        refuse_empty: false,
    };
    let documents = versions.into_iter().map(pipeline::DocumentSource::Loaded);
    match pipeline::new_project(documents.collect(), &options, progress) {
        Ok(project) => JobOutput::Aligned(Box::new(project)),
        Err(pipeline::PipelineError::InvalidAlignment(e)) => {
            JobOutput::Failed(format!("the aligner returned invalid rows: {e}"))
        }
        Err(_) => JobOutput::Cancelled,
    }
}
