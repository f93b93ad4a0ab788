//! File ▸ Export…: a dialog for format, rows, languages, one file or one per language pair,
//! and the output path (typed, or chosen with the native dialog). Export runs as a background
//! job in [`crate::gui::exchange`]; the report comes back as a notice. Also the menu entries
//! for import/export of TMX and glossaries.

use std::path::{Path, PathBuf};

use crate::export::{ExportOptions, Format, columns};
use crate::gui::action::{Action, ExportRequest, FilePurpose};
use crate::gui::session::Session;
use crate::model::Lang;

use super::context::PanelCtx;

/// The formats offered, with their names in the dialog.
pub const FORMATS: [(Format, &str); 5] = [
    (Format::Tmx, "TMX (translation memory)"),
    (Format::Tsv, "TSV (tab-separated)"),
    (Format::Csv, "CSV (comma-separated)"),
    (Format::Jsonl, "JSONL (one JSON object per row)"),
    (Format::Html, "HTML review report"),
];

/// The dialog's choices while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    /// Output format.
    pub format: Format,
    /// Only rows the editor confirmed.
    pub confirmed_only: bool,
    /// The project's languages (pivot first) and whether each is exported.
    pub langs: Vec<(String, bool)>,
    /// One file per pivot–target pair instead of one multilingual file.
    pub per_pair: bool,
    /// Output file (per pair: its folder and name stem).
    pub path: String,
    /// Why the last Export press was refused.
    pub problem: Option<String>,
}

impl ExportDialog {
    /// A dialog for `session`, offering `dir` (the last export folder) for the output.
    pub fn new(session: &Session, dir: Option<&Path>) -> Self {
        let langs = columns::project_langs(session.project())
            .into_iter()
            .map(|l| (l, true))
            .collect();
        let stem = session
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or("export".to_string(), |s| s.to_string_lossy().into_owned());
        let dir = dir.map(Path::to_path_buf).or_else(|| {
            session
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(PathBuf::from)
        });
        let file = format!("{stem}.{}", Format::Tmx.extension());
        let path = dir.map_or(file.clone(), |d| d.join(&file).display().to_string());
        ExportDialog {
            format: Format::Tmx,
            confirmed_only: false,
            langs,
            per_pair: false,
            path,
            problem: None,
        }
    }

    /// Sets the format and gives the output path the format's extension.
    pub fn set_format(&mut self, format: Format) {
        let old = format!(".{}", self.format.extension());
        if let Some(stem) = self.path.strip_suffix(&old) {
            self.path = format!("{stem}.{}", format.extension());
        }
        self.format = format;
    }

    /// The export the choices describe, or why they do not make one.
    pub fn request(&self) -> Result<ExportRequest, String> {
        let path = self.path.trim();
        if path.is_empty() {
            return Err("Choose where to write the export".to_string());
        }
        let chosen: Vec<&String> = self
            .langs
            .iter()
            .filter(|(_, on)| *on)
            .map(|(l, _)| l)
            .collect();
        if chosen.is_empty() {
            return Err("Choose at least one language".to_string());
        }
        let langs = if chosen.len() == self.langs.len() {
            Vec::new()
        } else {
            chosen.iter().map(|l| Lang::new(l)).collect()
        };
        Ok(ExportRequest {
            format: self.format,
            options: ExportOptions {
                confirmed_only: self.confirmed_only,
                langs,
            },
            per_pair: self.per_pair,
            path: PathBuf::from(path),
        })
    }
}

/// The export and import entries of the File menu.
pub fn file_menu_items(ui: &mut egui::Ui, has_session: bool, actions: &mut Vec<Action>) {
    menu_item(ui, Action::OpenExportDialog, has_session, actions);
    menu_item(ui, Action::ImportTmx, true, actions);
}

/// The import and export entries of the Glossary menu.
pub fn glossary_menu_items(ui: &mut egui::Ui, has_session: bool, actions: &mut Vec<Action>) {
    menu_item(ui, Action::ExportGlossary, has_session, actions);
}

fn menu_item(ui: &mut egui::Ui, action: Action, enabled: bool, actions: &mut Vec<Action>) {
    let resp = ui
        .add_enabled(enabled, egui::Button::new(action.label()))
        .on_hover_text(action.tooltip())
        .on_disabled_hover_text("Open a project first");
    if resp.clicked() {
        actions.push(action);
        ui.close();
    }
}

/// Draws the export dialog if it is open.
pub fn show(
    ctx: &egui::Context,
    cx: &PanelCtx,
    export_dialog: &mut Option<ExportDialog>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if export_dialog.is_none() {
        return actions;
    }
    let Some(session) = cx.session else {
        *export_dialog = None;
        return actions;
    };
    let rows = session.project().alignment.rows.len();
    let confirmed = session
        .project()
        .alignment
        .rows
        .iter()
        .filter(|r| r.is_confirmed())
        .count();
    let pivot_lang = session
        .version(session.project().alignment.pivot)
        .map(|v| v.lang.to_string())
        .unwrap_or_default();
    let busy = cx.busy();
    let Some(dialog) = export_dialog.as_mut() else {
        return actions;
    };
    let mut choice = None;
    let mut browse = false;
    egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading("Export aligned rows");
        ui.add_space(4.0);
        ui.strong("Format");
        let mut format = dialog.format;
        for (f, name) in FORMATS {
            ui.radio_value(&mut format, f, name);
        }
        if format != dialog.format {
            dialog.set_format(format);
        }
        ui.add_space(6.0);
        ui.strong("Rows");
        ui.checkbox(
            &mut dialog.confirmed_only,
            format!("Confirmed rows only ({confirmed} of {rows})"),
        );
        ui.add_space(6.0);
        ui.strong("Languages");
        ui.horizontal_wrapped(|ui| {
            for (lang, on) in &mut dialog.langs {
                let text = if *lang == pivot_lang {
                    format!("{lang} (pivot)")
                } else {
                    lang.clone()
                };
                ui.checkbox(on, text);
            }
        });
        ui.add_space(6.0);
        ui.strong("Files");
        ui.radio_value(&mut dialog.per_pair, false, "One multilingual file");
        ui.radio_value(
            &mut dialog.per_pair,
            true,
            "One file per language pair (pivot with each language)",
        );
        ui.add_space(6.0);
        let label = ui.label("Output:");
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut dialog.path)
                    .desired_width(440.0)
                    .hint_text("/path/to/export.tmx"),
            )
            .labelled_by(label.id);
            if ui
                .button("Browse…")
                .on_hover_text("Choose the file in a dialog")
                .clicked()
            {
                browse = true;
            }
        });
        if dialog.per_pair {
            let stem = Path::new(dialog.path.trim())
                .file_stem()
                .map_or("export".to_string(), |s| s.to_string_lossy().into_owned());
            ui.weak(format!(
                "Files are named {stem}.{pivot_lang}-LANG.{} in that folder",
                dialog.format.extension()
            ));
        }
        if let Some(problem) = &dialog.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let export = ui.add_enabled(!busy, egui::Button::new("Export"));
            if export.clicked() {
                choice = Some(true);
            }
            if busy {
                export.on_disabled_hover_text("Wait for the running job to finish");
            }
            if ui.button("Cancel").clicked() {
                choice = Some(false);
            }
        });
    });
    if browse {
        actions.push(Action::ChooseFile(dialog.output_question(cx)));
    }
    match choice {
        Some(true) => match dialog.request() {
            Ok(request) => {
                *export_dialog = None;
                actions.push(Action::Export(request));
            }
            Err(problem) => dialog.problem = Some(problem),
        },
        Some(false) => *export_dialog = None,
        None => {}
    }
    actions
}

impl ExportDialog {
    /// The file dialog for the output: in the typed path's folder (else the last export's),
    /// proposing the typed file name.
    fn output_question(&self, cx: &PanelCtx) -> FilePurpose {
        let current = PathBuf::from(self.path.trim());
        let dir = current
            .parent()
            .filter(|d| d.is_dir())
            .map(Path::to_path_buf)
            .or_else(|| cx.settings.last_export_dir.clone());
        let file_name = current
            .file_name()
            .map_or("export".to_string(), |n| n.to_string_lossy().into_owned());
        FilePurpose::ExportOutput {
            dir,
            extension: self.format.extension().to_string(),
            file_name,
        }
    }

    /// Takes in the file dialog's answer for the output: the path chosen, or `None` when no
    /// dialog could be shown (the path is typed then).
    pub fn output_chosen(&mut self, path: Option<&Path>) {
        match path {
            Some(path) => self.path = path.display().to_string(),
            None => {
                self.problem =
                    Some("No file dialog is available here: type the path in Output".to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Version;

    fn session() -> Session {
        let vi = Version::from_sentences("a", Lang::new("vi"), &[vec!["Một."]]);
        let en = Version::from_sentences("b", Lang::new("en"), &[vec!["One."]]);
        let project = crate::model::Project::new(vec![vi, en]);
        Session::new(project, Some(PathBuf::from("/work/report.alinea")))
    }

    #[test]
    fn defaults_follow_the_project_and_the_format() {
        let mut d = ExportDialog::new(&session(), Some(Path::new("/out")));
        assert_eq!(d.path, "/out/report.tmx");
        d.set_format(Format::Csv);
        assert_eq!(d.path, "/out/report.csv");
        let r = d.request().expect("request");
        assert!(r.options.langs.is_empty(), "all languages = no filter");
        d.langs[1].1 = false;
        let r = d.request().expect("request");
        assert_eq!(r.options.langs, vec![Lang::new("vi")]);
        d.langs[0].1 = false;
        assert!(d.request().is_err());
        let d = ExportDialog::new(&session(), None);
        assert_eq!(d.path, "/work/report.tmx");
    }
}
