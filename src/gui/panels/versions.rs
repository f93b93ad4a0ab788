//! The new-project panel: add versions (file dialog, dropped files, pasted text), check and
//! correct each one's detected language and encoding, pick the pivot, align.

use crate::ingest::{self, LoadOptions};
use crate::model::{Lang, Version};
use crate::pipeline;
use crate::segment::SplitMode;

use crate::gui::action::Action;

use super::context::PanelCtx;

/// A project being put together (view state until it is aligned).
#[derive(Default)]
pub struct Draft {
    /// The versions added so far.
    pub versions: Vec<Version>,
    /// Index of the pivot version.
    pub pivot: usize,
    /// Name for the pasted text.
    pub paste_name: String,
    /// Pasted text.
    pub paste_text: String,
    /// How documents added from now on are cut into sentences (each version keeps its own).
    pub split: SplitMode,
    /// Language and encoding fields being edited, one pair per version.
    fields: Vec<(String, String)>,
}

impl Draft {
    fn sync_fields(&mut self) {
        if self.fields.len() != self.versions.len() {
            self.fields = self
                .versions
                .iter()
                .map(|v| (v.lang.to_string(), v.encoding.clone()))
                .collect();
        }
    }

    /// Adds pasted text as a version (language detected).
    pub fn add_pasted(&mut self) -> Result<(), String> {
        if self.paste_text.trim().is_empty() {
            return Err("Paste some text first".to_string());
        }
        let name = if self.paste_name.trim().is_empty() {
            format!("pasted text {}", self.versions.len() + 1)
        } else {
            self.paste_name.trim().to_string()
        };
        let doc = ingest::from_pasted(&name, &self.paste_text);
        self.versions
            .push(pipeline::version_from_document(doc, None, self.split));
        self.paste_text.clear();
        self.paste_name.clear();
        Ok(())
    }
}

/// Re-segments a version for a new language.
fn set_lang(version: &mut Version, lang: Lang) {
    version.lang = lang;
    pipeline::resegment(version);
}

/// Cuts a version into sentences again the way `split` says.
fn set_split(version: &mut Version, split: SplitMode) {
    version.split = split;
    pipeline::resegment(version);
}

/// The label of a split mode in the app.
fn split_label(split: SplitMode) -> &'static str {
    match split {
        SplitMode::Auto => "Split sentences",
        SplitMode::Lines => "One per line",
    }
}

/// A combo box choosing a split mode; true when the choice changed.
fn split_choice(ui: &mut egui::Ui, id: &str, split: &mut SplitMode) -> bool {
    let before = *split;
    egui::ComboBox::from_id_salt(id)
        .selected_text(split_label(*split))
        .show_ui(ui, |ui| {
            for mode in [SplitMode::Auto, SplitMode::Lines] {
                ui.selectable_value(split, mode, split_label(mode));
            }
        })
        .response
        .on_hover_text(
            "Split sentences: the language's sentence splitter cuts the text. \
             One per line: the text is already segmented, every non-empty line is one sentence \
             and a blank line ends a paragraph.",
        );
    *split != before
}

/// Reloads a file version with a forced encoding.
fn set_encoding(version: &mut Version, encoding: &str) -> Result<(), String> {
    let Some(path) = version.source_path.clone() else {
        return Err("Pasted text has no encoding to change".to_string());
    };
    let opts = LoadOptions {
        encoding: Some(encoding.to_string()),
        ..Default::default()
    };
    let reloaded = pipeline::load_version(&path, Some(version.lang.clone()), &opts, version.split)
        .map_err(|e| e.to_string())?;
    *version = reloaded;
    Ok(())
}

/// Draws the new-project panel.
pub fn show(ui: &mut egui::Ui, cx: &PanelCtx, new_project: &mut Option<Draft>) -> Vec<Action> {
    let busy = cx.busy();
    let Some(draft) = new_project.as_mut() else {
        return Vec::new();
    };
    draft.sync_fields();
    let mut actions = Vec::new();
    let mut message = None;
    ui.heading("New project");
    ui.label(
        "Add two or more versions of the same report: choose files, drop them on the window, \
         or paste text. Check each version's language and encoding, pick the pivot, then Align.",
    );
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy, egui::Button::new(Action::ChooseDocuments.label()))
            .on_hover_text(Action::ChooseDocuments.hover_text(ui.ctx()))
            .clicked()
        {
            actions.push(Action::ChooseDocuments);
        }
        ui.label("New documents:");
        split_choice(ui, "draft_split_default", &mut draft.split);
    });
    ui.add_space(6.0);
    let mut remove = None;
    egui::Grid::new("draft_versions")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            let headers: Vec<egui::Id> = [
                "Pivot",
                "Version",
                "Language",
                "Encoding",
                "Sentences",
                "Splitting",
                "",
            ]
            .into_iter()
            .map(|h| ui.strong(h).id)
            .collect();
            ui.end_row();
            for (i, v) in draft.versions.iter_mut().enumerate() {
                ui.radio_value(&mut draft.pivot, i, "")
                    .on_hover_text("The source version the others are aligned to");
                ui.label(&v.name);
                let (lang, enc) = &mut draft.fields[i];
                let r = ui
                    .add(egui::TextEdit::singleline(lang).desired_width(70.0))
                    .labelled_by(headers[2]);
                if r.lost_focus() && lang.trim() != v.lang.as_str() {
                    set_lang(v, Lang::new(lang));
                    *lang = v.lang.to_string();
                }
                r.on_hover_text("Detected language (BCP 47 tag); edit to correct it");
                let r = ui
                    .add(egui::TextEdit::singleline(enc).desired_width(110.0))
                    .labelled_by(headers[3]);
                if r.lost_focus() && enc.trim() != v.encoding {
                    if let Err(e) = set_encoding(v, enc.trim()) {
                        message = Some(e);
                    }
                    *enc = v.encoding.clone();
                }
                r.on_hover_text("Detected encoding (e.g. windows-1256); edit to reload the file");
                ui.label(v.sentences.len().to_string());
                let mut split = v.split;
                if split_choice(ui, &format!("draft_split_{i}"), &mut split) {
                    set_split(v, split);
                }
                if ui.small_button("Remove").clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        draft.versions.remove(i);
        draft.fields.clear();
        draft.pivot = draft.pivot.min(draft.versions.len().saturating_sub(1));
    }
    if draft.versions.is_empty() {
        ui.weak("No versions yet.");
    }
    ui.add_space(8.0);
    ui.collapsing("Paste text", |ui| {
        ui.horizontal(|ui| {
            let l = ui.label("Name:");
            ui.text_edit_singleline(&mut draft.paste_name)
                .labelled_by(l.id);
        });
        let label = ui.label("Text:");
        ui.add(
            egui::TextEdit::multiline(&mut draft.paste_text)
                .desired_rows(6)
                .desired_width(f32::INFINITY)
                .hint_text("Paste one version here"),
        )
        .labelled_by(label.id);
        if ui.button("Add pasted text").clicked()
            && let Err(e) = draft.add_pasted()
        {
            message = Some(e);
        }
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let can_align = draft.versions.len() >= 2 && !busy;
        if ui
            .add_enabled(
                can_align,
                egui::Button::new(Action::AlignNewProject.label()),
            )
            .on_hover_text(Action::AlignNewProject.hover_text(ui.ctx()))
            .clicked()
        {
            actions.push(Action::AlignNewProject);
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CloseProject);
        }
    });
    if let Some(e) = message {
        actions.push(Action::ReportError(e));
    }
    actions
}
