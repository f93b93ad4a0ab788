//! Long work off the UI thread: loading documents, aligning, re-aligning, building the sample,
//! opening and saving project files (a project of two 100 MB reports takes seconds to read).
//! One job runs at a time on a [`Worker`]: a function from its inputs to a [`JobResult`],
//! reporting through a [`Progress`] (bar + Cancel); when it is done it asks egui for a repaint
//! and `job_results` turns the result into state (the one place that does).

use std::path::PathBuf;

use crate::align::{self, AlignOptions};
use crate::ingest::LoadOptions;
use crate::model::{Project, Row, Version, ViewSettings};
use crate::pipeline;
use crate::progress::Progress;
use crate::segment::SplitMode;
use crate::worker::{OnDrop, Worker};

use super::action::ExportRequest;
use super::sample;

/// What a finished job hands back to the app: data only, taken in by `job_results`.
pub enum JobResult {
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
    /// Aligned rows written as `request` asked (all of them, or up to a Cancel or an error).
    Exported {
        /// What was asked for.
        request: ExportRequest,
        /// What was written.
        outcome: ExportOutcome,
    },
    /// A TMX file read as a new project.
    Imported {
        /// The file read.
        path: PathBuf,
        /// The project and what the reader warned about.
        import: crate::export::tmx_read::TmxImport,
    },
    /// Term candidates mined from the project, for the review queue.
    Mined(Vec<crate::mine::TermCandidate>),
    /// Mining failed; the message says why.
    MiningFailed(String),
    /// The user pressed Cancel.
    Cancelled,
    /// The job failed; the message says why.
    Failed(String),
}

/// What an export job did: files written with their reports, and whether Cancel stopped it.
#[derive(Debug, Default)]
pub struct ExportOutcome {
    /// Each file written and its report.
    pub written: Vec<(PathBuf, crate::export::ExportReport)>,
    /// Cancel stopped the job between files.
    pub cancelled: bool,
    /// The error that stopped the job, if any.
    pub error: Option<String>,
}

struct Running {
    label: String,
    worker: Worker<JobResult>,
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
            .map(|r| (r.label.as_str(), r.worker.progress().fraction()))
    }

    /// The stage the running job reports (e.g. "embedding sentences"), if any.
    pub fn stage(&self) -> Option<&'static str> {
        self.running
            .as_ref()
            .and_then(|r| r.worker.progress().stage())
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
            r.worker.cancel();
        }
    }

    /// The result of the running job, once it is done.
    pub fn poll(&mut self) -> Option<JobResult> {
        let running = self.running.as_mut()?;
        if running.abandon_on_cancel && running.worker.progress().is_cancelled() {
            self.running = None;
            return Some(JobResult::Cancelled);
        }
        // Jobs that are not abandoned on Cancel report for themselves what they did.
        let out = match running.worker.try_result()? {
            Ok(out) => out,
            Err(_) => JobResult::Failed(format!(
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
        work: impl FnOnce(&Progress) -> JobResult + Send + 'static,
    ) {
        self.spawn_job(ctx, label, true, work);
    }

    /// Runs `work` on a background [`Worker`]; `abandon_on_cancel` makes Cancel end the job at
    /// once (the worker is detached, its result dropped), else the job's own result is
    /// awaited (and the worker joined if the app closes first).
    pub(crate) fn spawn_job(
        &mut self,
        ctx: &egui::Context,
        label: &str,
        abandon_on_cancel: bool,
        work: impl FnOnce(&Progress) -> JobResult + Send + 'static,
    ) {
        let ctx = ctx.clone();
        let on_drop = if abandon_on_cancel {
            OnDrop::Detach
        } else {
            OnDrop::Join
        };
        let worker = Worker::spawn_then(label, on_drop, work, move || ctx.request_repaint());
        self.running = Some(Running {
            label: label.to_string(),
            worker,
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
                    return JobResult::Cancelled;
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
            JobResult::Loaded {
                versions,
                then_align,
            }
        });
    }

    /// Aligns versions into a new project.
    pub fn align(&mut self, ctx: &egui::Context, versions: Vec<Version>, pivot: usize) {
        self.spawn(ctx, "Aligning", move |progress| {
            build_project(versions, pivot, progress)
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
                return JobResult::Cancelled;
            };
            match align::realign(&versions, &current, &options, progress) {
                Ok(a) => JobResult::Realigned {
                    rows: a.rows,
                    revision,
                },
                Err(_) => JobResult::Cancelled,
            }
        });
    }

    /// Reads and validates the project file at `path`.
    pub fn open_project(&mut self, ctx: &egui::Context, path: PathBuf) {
        let label = format!("Opening {}", file_name(&path));
        self.spawn(ctx, &label, move |_| {
            if let Err(e) = crate::size_limit::check(&path, crate::size_limit::MAX_PROJECT) {
                return JobResult::Failed(e);
            }
            match crate::project::load(&path) {
                Ok(project) => match project.validate() {
                    Ok(()) => {
                        super::semantic::load_beside(&path);
                        JobResult::Opened {
                            project: Box::new(project),
                            path,
                        }
                    }
                    Err(e) => JobResult::Failed(format!(
                        "{}: alignment does not fit: {e}",
                        path.display()
                    )),
                },
                Err(e) => JobResult::Failed(e.to_string()),
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
                    JobResult::Saved {
                        path,
                        revision,
                        view: project.view,
                    }
                }
                Err(e) => JobResult::Failed(e.to_string()),
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
                Some(Ok(found)) => JobResult::Recovered {
                    project: Box::new(found.project),
                    origin: found.origin,
                },
                Some(Err(e)) => JobResult::Failed(format!(
                    "Unsaved work from the last run could not be recovered: {e}"
                )),
                None => JobResult::Failed(format!(
                    "Unsaved work from the last run could not be recovered: {} is gone",
                    folder.project_file().display()
                )),
            }
        });
    }

    /// Builds and aligns the bundled sample project.
    pub fn sample(&mut self, ctx: &egui::Context) {
        self.spawn(ctx, "Preparing the sample project", |progress| {
            let out = build_project(sample::versions(), 0, progress);
            if let JobResult::Aligned(mut project) = out {
                project.glossary = sample::glossary();
                return JobResult::Sample(project);
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

/// Aligns `versions` into a new, validated project (the job behind "Align" and the sample).
fn build_project(versions: Vec<Version>, pivot: usize, progress: &Progress) -> JobResult {
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
        Ok(project) => JobResult::Aligned(Box::new(project)),
        Err(pipeline::PipelineError::InvalidAlignment(e)) => {
            JobResult::Failed(format!("the aligner returned invalid rows: {e}"))
        }
        Err(_) => JobResult::Cancelled,
    }
}
