//! What every panel reads: a read-only view of the app ([`PanelCtx`]). A panel draws from it
//! and its own view state and returns the [`crate::gui::action::Action`]s the editor asked
//! for; it never changes the project, starts jobs or opens files itself.

use crate::gui::action::Action;
use crate::gui::recovery::RecoveryOffer;
use crate::gui::session::Session;
use crate::gui::settings::AppSettings;

/// The running background job as the panels show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct JobView<'a> {
    /// What the job does ("Aligning").
    pub label: &'a str,
    /// Progress in 0..=1.
    pub fraction: f32,
    /// The stage it reports ("embedding sentences"), if any.
    pub stage: Option<&'static str>,
    /// Cancel can stop it (a save cannot be stopped).
    pub can_cancel: bool,
}

/// The read-only view of the app that panels draw from.
#[derive(Clone, Copy)]
pub struct PanelCtx<'a> {
    /// The open project and its editing state, if any.
    pub session: Option<&'a Session>,
    /// Recent projects and other settings kept between runs.
    pub settings: &'a AppSettings,
    /// The running background job, if any.
    pub job: Option<JobView<'a>>,
    /// The action waiting for the answer to "save changes first?".
    pub pending: Option<&'a Action>,
    /// Unsaved work from a run that did not end cleanly, offered back.
    pub recovered: Option<&'a RecoveryOffer>,
}

impl PanelCtx<'_> {
    /// True while a background job runs.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}
