//! The glossary as the grid sees it: a [`TermMatcher`] and a [`TermIndex`] built from the
//! project's glossary (in a background thread for big projects), kept in step with text edits,
//! the consistency findings computed from them, and the highlights of one grid cell.
//!
//! View state only: nothing here is saved. The index is rebuilt when the glossary changes (an
//! edit, undo, a loaded glossary); versions whose text or segmentation changed are re-scanned.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use egui::Color32;

use crate::checks::{self, Finding};
use crate::edit::History;
use crate::glossary::{Glossary, MatcherOptions, TermIndex, TermMatcher, TermStatus};
use crate::model::{Lang, Project, Version};
use crate::worker::{OnDrop, Worker};

use super::widgets::bidi_text::Highlight;

/// Projects with more sentences than this have their index built off the UI thread.
const SYNC_BUILD_SENTENCES: usize = 5_000;

/// A big project's consistency check starts once the edits pause this long: it works on a
/// copy of the project (a fifth of a second to make for two 100 MB versions), which must
/// not land between two keystrokes.
const CHECK_PAUSE: std::time::Duration = std::time::Duration::from_millis(600);

/// A finished index build.
struct Built {
    glossary: Glossary,
    matcher: Arc<TermMatcher>,
    index: TermIndex,
    stamps: Vec<u64>,
}

/// Term matcher, occurrence index and findings of the open project.
#[derive(Default)]
pub struct TermState {
    matcher: Option<Arc<TermMatcher>>,
    index: TermIndex,
    /// The glossary `matcher` and `index` were built from.
    built: Option<Glossary>,
    /// Per version, the history's text revision when last scanned.
    stamps: Vec<u64>,
    seen_revision: Option<u64>,
    pending: Option<(Glossary, Worker<Built>)>,
    findings: Vec<Finding>,
    finding_rows: BTreeSet<usize>,
    findings_key: Option<(u64, u64)>,
    /// A consistency check running in the background (big projects).
    findings_pending: Option<Worker<Vec<Finding>>>,
    /// A big project's check waiting for the edits to pause: its key and since when.
    check_waiting: Option<((u64, u64), std::time::Instant)>,
    /// Bumped when the index changes.
    generation: u64,
    /// Bumped when the findings change.
    findings_generation: u64,
}

/// Per version, the history's text revision: what the index was built from.
fn text_stamps(history: &History, versions: usize) -> Vec<u64> {
    (0..versions).map(|v| history.text_revision(v)).collect()
}

fn build(glossary: Glossary, versions: &[Version], stamps: Vec<u64>) -> Built {
    let mut langs: Vec<Lang> = versions.iter().map(|v| v.lang.clone()).collect();
    langs.sort();
    langs.dedup();
    let matcher = TermMatcher::new(&glossary, &langs, MatcherOptions::default());
    let index = TermIndex::build(&matcher, versions);
    Built {
        glossary,
        matcher: Arc::new(matcher),
        index,
        stamps,
    }
}

/// A colour per concept (golden-angle hues), translucent so the text stays readable.
pub fn concept_color(concept: u32, dark: bool) -> Color32 {
    // Start at green and skip the reds: red is kept for forbidden terms.
    let hue = 0.2 + 0.75 * (concept as f32 * 0.618_034).fract();
    let value = if dark { 0.6 } else { 1.0 };
    let c: Color32 = egui::ecolor::Hsva::new(hue, 0.75, value, 1.0).into();
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), 120)
}

/// The colour of a forbidden term (same for every concept: it must stand out).
pub const FORBIDDEN_COLOR: Color32 = Color32::from_rgba_premultiplied(150, 20, 20, 150);

impl TermState {
    /// Brings matcher, index and findings up to date with `project` as edited through
    /// `history`. A finished background build is taken in; a changed glossary starts a new
    /// build; versions whose text an edit changed are scanned again (only those: comparing
    /// whole texts would cost a big project a tenth of a second per edit).
    pub fn refresh(&mut self, project: &Project, history: &History, ctx: &egui::Context) {
        let revision = history.revision();
        let mut changed = false;
        if let Some(result) = self.pending.as_mut().and_then(|(_, w)| w.try_result()) {
            self.pending = None;
            if let Ok(built) = result {
                self.install(built);
                changed = true;
            }
        }
        if let Some(result) = self.findings_pending.as_mut().and_then(Worker::try_result) {
            self.findings_pending = None;
            if let Ok(findings) = result {
                self.set_findings(findings);
            }
        }
        if !changed && self.seen_revision == Some(revision) {
            if self.check_waiting.is_some() {
                self.update_findings(project, revision, ctx);
            }
            return;
        }
        self.seen_revision = Some(revision);
        let glossary_current = self.built.as_ref() == Some(&project.glossary);
        let pending_current = self
            .pending
            .as_ref()
            .is_some_and(|(g, _)| g == &project.glossary);
        if !glossary_current && !pending_current {
            self.start_build(project, history, ctx);
        }
        self.rescan_changed(project, history);
        self.update_findings(project, revision, ctx);
    }

    fn install(&mut self, built: Built) {
        self.matcher = Some(built.matcher);
        self.index = built.index;
        self.built = Some(built.glossary);
        self.stamps = built.stamps;
        self.generation += 1;
    }

    fn start_build(&mut self, project: &Project, history: &History, ctx: &egui::Context) {
        let sentences: usize = project.versions.iter().map(|v| v.sentences.len()).sum();
        let glossary = project.glossary.clone();
        let stamps = text_stamps(history, project.versions.len());
        if sentences <= SYNC_BUILD_SENTENCES {
            self.pending = None;
            let built = build(glossary, &project.versions, stamps);
            self.install(built);
            return;
        }
        let versions = project.versions.clone();
        let ctx = ctx.clone();
        let for_thread = glossary.clone();
        let worker = Worker::spawn_then(
            "term-index",
            OnDrop::Detach,
            move |_| build(for_thread, &versions, stamps),
            move || ctx.request_repaint(),
        );
        // A worker that could not start reports itself lost; the next glossary change builds.
        self.pending = Some((glossary, worker));
    }

    /// Re-scans versions whose text or segmentation changed since they were scanned.
    fn rescan_changed(&mut self, project: &Project, history: &History) {
        let Some(matcher) = self.matcher.clone() else {
            return;
        };
        self.stamps.resize(project.versions.len(), 0);
        for (i, v) in project.versions.iter().enumerate() {
            let now = history.text_revision(i);
            if self.stamps[i] != now {
                self.index.rescan_version(&matcher, i, v);
                self.stamps[i] = now;
                self.generation += 1;
            }
        }
    }

    fn update_findings(&mut self, project: &Project, revision: u64, ctx: &egui::Context) {
        let key = (revision, self.generation);
        if self.findings_key == Some(key) {
            return;
        }
        self.findings_key = Some(key);
        let glossary = self.built.as_ref().filter(|g| !g.concepts.is_empty());
        if glossary.is_none() && project.alignment.rows.is_empty() {
            // No glossary and no rows to compare: nothing to check (and no copy of a big
            // project to make).
            self.findings_pending = None;
            if !self.findings.is_empty() {
                self.set_findings(Vec::new());
            }
            return;
        }
        let sentences: usize = project.versions.iter().map(|v| v.sentences.len()).sum();
        if sentences <= SYNC_BUILD_SENTENCES {
            self.findings_pending = None;
            let findings = checks::check_all(project, glossary.map(|g| (g, &self.index)));
            self.set_findings(findings);
            return;
        }
        // Big project: check off the UI thread once the edits pause; the previous findings
        // stay until then (a newer check replaces the receiver, so an older result is
        // dropped).
        match self.check_waiting {
            Some((waiting, since)) if waiting == key && since.elapsed() >= CHECK_PAUSE => {
                self.check_waiting = None;
            }
            Some((waiting, since)) if waiting == key => {
                self.findings_key = None;
                ctx.request_repaint_after(CHECK_PAUSE.saturating_sub(since.elapsed()));
                return;
            }
            _ => {
                self.check_waiting = Some((key, std::time::Instant::now()));
                self.findings_key = None;
                ctx.request_repaint_after(CHECK_PAUSE);
                return;
            }
        }
        let (project, glossary, index) = (project.clone(), glossary.cloned(), self.index.clone());
        let ctx = ctx.clone();
        self.findings_pending = Some(Worker::spawn_then(
            "term-check",
            OnDrop::Detach,
            move |_| checks::check_all(&project, glossary.as_ref().map(|g| (g, &index))),
            move || ctx.request_repaint(),
        ));
    }

    fn set_findings(&mut self, findings: Vec<Finding>) {
        self.findings = findings;
        self.finding_rows = self
            .findings
            .iter()
            .filter(|f| !f.accepted)
            .map(|f| f.row)
            .collect();
        self.findings_generation += 1;
    }

    /// Changes whenever the index (and so highlights and findings) changed.
    pub fn generation(&self) -> u64 {
        self.generation + self.findings_generation
    }

    /// True while a background build or check runs (or a check waits for the edits to pause).
    pub fn is_building(&self) -> bool {
        self.pending.is_some() || self.findings_pending.is_some() || self.check_waiting.is_some()
    }

    /// The occurrence index (empty before the first build).
    pub fn index(&self) -> &TermIndex {
        &self.index
    }

    /// The matcher of the current index, if built.
    pub fn matcher(&self) -> Option<&TermMatcher> {
        self.matcher.as_deref()
    }

    /// The glossary the index was built from.
    pub fn indexed_glossary(&self) -> Option<&Glossary> {
        self.built.as_ref()
    }

    /// The consistency findings, accepted ones included (flagged).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// True if row `row` has a finding that is not accepted.
    pub fn row_has_finding(&self, row: usize) -> bool {
        self.finding_rows.contains(&row)
    }

    /// Highlights for the cell (row, version): byte ranges in the cell text (the cell's
    /// sentences joined by single spaces), a colour per concept, and a tooltip naming the
    /// concept and its terms.
    pub fn cell_highlights(
        &self,
        project: &Project,
        row: usize,
        version: usize,
        dark: bool,
    ) -> Vec<Highlight> {
        let (Some(r), Some(ver), Some(glossary)) = (
            project.alignment.rows.get(row),
            project.versions.get(version),
            self.built.as_ref(),
        ) else {
            return Vec::new();
        };
        let Some(cell) = r.cells.get(version) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut len = 0usize;
        for k in cell.clone() {
            let text = ver.sentence_text(k);
            if len > 0 {
                len += 1;
            }
            let base = len;
            let start = ver.sentences.get(k).map_or(0, |s| s.range.start);
            for occ in self.index.sentence(version, k) {
                let (Some(a), Some(b)) = (occ.start.checked_sub(start), occ.end.checked_sub(start))
                else {
                    continue;
                };
                if b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                    continue;
                }
                let color = if occ.status == TermStatus::Forbidden {
                    FORBIDDEN_COLOR
                } else {
                    concept_color(occ.concept, dark)
                };
                out.push(Highlight {
                    range: base + a..base + b,
                    color,
                    tooltip: Some(concept_tooltip(glossary, occ.concept, occ.status)),
                });
            }
            len += text.len();
        }
        out
    }

    /// Per version, per sentence, the concept numbers found (for the aligner), if built for
    /// the project's current glossary.
    pub fn sentence_concepts(&self, project: &Project) -> Option<Vec<Vec<Vec<u32>>>> {
        if self.built.as_ref() != Some(&project.glossary) || project.glossary.concepts.is_empty() {
            return None;
        }
        Some(
            (0..project.versions.len())
                .map(|v| self.index.sentence_concepts(v))
                .collect(),
        )
    }
}

/// "concept-id — forbidden term" plus the note and every language's terms.
pub fn concept_tooltip(glossary: &Glossary, concept: u32, status: TermStatus) -> String {
    let Some(c) = glossary.concepts.values().nth(concept as usize) else {
        return String::new();
    };
    let mut out = format!("{} — {} term", c.id, status.as_str());
    if !c.note.is_empty() {
        out.push('\n');
        out.push_str(&c.note);
    }
    for (lang, terms) in &c.terms {
        let list: Vec<String> = terms
            .iter()
            .map(|t| match t.status {
                TermStatus::Preferred => t.text.clone(),
                TermStatus::Allowed => format!("{} (allowed)", t.text),
                TermStatus::Forbidden => format!("{} (forbidden)", t.text),
            })
            .collect();
        out.push_str(&format!("\n{lang}: {}", list.join("; ")));
    }
    out
}

/// Maps a byte range of a cell's text (sentences `cell` joined by single spaces) back to the
/// sentence it lies in and the byte range in the version text. `None` when it spans sentences.
pub fn cell_range_to_version(
    version: &Version,
    cell: Range<usize>,
    range: Range<usize>,
) -> Option<(usize, Range<usize>)> {
    let mut len = 0usize;
    for k in cell {
        let text = version.sentence_text(k);
        if len > 0 {
            len += 1;
        }
        let base = len;
        len += text.len();
        if range.start >= base && range.end <= len {
            let start = version.sentences.get(k)?.range.start;
            return Some((k, start + range.start - base..start + range.end - base));
        }
    }
    None
}

/// Maps a byte range of the version text to the cell text of sentences `cell` (`None` when
/// it is not inside one of them).
pub fn version_range_to_cell(
    version: &Version,
    cell: Range<usize>,
    range: Range<usize>,
) -> Option<Range<usize>> {
    let mut len = 0usize;
    for k in cell {
        let text = version.sentence_text(k);
        if len > 0 {
            len += 1;
        }
        let start = version.sentences.get(k)?.range.start;
        if range.start >= start && range.end <= start + text.len() {
            return Some(len + range.start - start..len + range.end - start);
        }
        len += text.len();
    }
    None
}

#[cfg(test)]
#[path = "terms_tests.rs"]
mod tests;
