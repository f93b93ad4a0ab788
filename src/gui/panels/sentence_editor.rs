//! The sentence editor (F2 or double-click): the sentences of the current cell, each with its
//! text to edit, a row of words to split before, and a join with the next sentence. It fixes
//! segmentation errors that the aligner cannot.

use unicode_segmentation::UnicodeSegmentation;

use crate::gui::action::Action;
use crate::gui::panels::context::PanelCtx;
use crate::gui::session::Session;

/// State of the open sentence editor.
pub struct SentenceEditor {
    row: usize,
    version: usize,
    revision: u64,
    /// (sentence index, text being edited).
    items: Vec<(usize, String)>,
}

impl SentenceEditor {
    /// An editor for the session's current cell (None if the cell is empty or missing).
    pub fn open(s: &Session) -> Option<Self> {
        let mut e = SentenceEditor {
            row: s.cursor.row,
            version: s.cursor.version,
            revision: u64::MAX,
            items: Vec::new(),
        };
        e.reload(s);
        (!e.items.is_empty()).then_some(e)
    }

    fn reload(&mut self, s: &Session) {
        self.revision = s.history.revision();
        let (Some(row), Some(v)) = (
            s.project().alignment.rows.get(self.row),
            s.version(self.version),
        ) else {
            self.items.clear();
            return;
        };
        let cell = row.cells.get(self.version).cloned().unwrap_or(0..0);
        self.items = cell.map(|k| (k, v.sentence_text(k).to_string())).collect();
    }
}

/// Byte offsets (in the sentence) of words that can start a new sentence.
fn split_points(text: &str) -> Vec<(usize, &str)> {
    text.split_word_bound_indices()
        .filter(|(i, w)| *i > 0 && w.chars().next().is_some_and(char::is_alphanumeric))
        .collect()
}

/// Draws the sentence editor window if it is open.
pub fn show(
    ctx: &egui::Context,
    cx: &PanelCtx,
    sentence_editor: &mut Option<SentenceEditor>,
) -> Vec<Action> {
    let (Some(editor), Some(s)) = (sentence_editor.as_mut(), cx.session) else {
        return Vec::new();
    };
    if editor.revision != s.history.revision() {
        editor.reload(s);
    }
    let Some(version) = s.version(editor.version) else {
        *sentence_editor = None;
        return Vec::new();
    };
    let mut open = true;
    let mut actions = Vec::new();
    let title = format!("Sentences — row {} · {}", editor.row + 1, version.lang);
    egui::Window::new(title)
        .id(egui::Id::unique("sentence_editor"))
        .open(&mut open)
        .default_width(560.0)
        .show(ctx, |ui| {
            if editor.items.is_empty() {
                ui.label("This cell is empty.");
            }
            let last = version.sentences.len().saturating_sub(1);
            for (k, buffer) in &mut editor.items {
                let k = *k;
                let original = version.sentence_text(k);
                let start = version.sentences.get(k).map_or(0, |x| x.range.start);
                ui.separator();
                let label = ui.strong(format!("Sentence {}", k + 1));
                // Arabic, Hebrew...: right-aligned, as the text is read.
                let align = if is_rtl(version, original) {
                    egui::Align2::RIGHT_TOP
                } else {
                    egui::Align2::LEFT_TOP
                };
                ui.add(
                    egui::TextEdit::multiline(buffer)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .align(align),
                )
                .labelled_by(label.id);
                ui.horizontal(|ui| {
                    let changed = buffer.as_str() != original && !buffer.trim().is_empty();
                    if ui
                        .add_enabled(changed, egui::Button::new("Apply text"))
                        .on_hover_text("Replace the sentence's text (undoable)")
                        .clicked()
                    {
                        actions.push(Action::SetSentenceText {
                            version: editor.version,
                            sentence: k,
                            text: buffer.trim().to_string(),
                        });
                    }
                    if ui
                        .add_enabled(k < last, egui::Button::new("Join with next"))
                        .on_hover_text("Join this sentence with the next one of the version")
                        .clicked()
                    {
                        actions.push(Action::JoinSentence {
                            version: editor.version,
                            sentence: k,
                        });
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    ui.weak("Split before:");
                    for (offset, word) in split_points(original) {
                        if ui
                            .small_button(word)
                            .on_hover_text("Start a new sentence at this word")
                            .clicked()
                        {
                            actions.push(Action::SplitSentenceAt {
                                version: editor.version,
                                sentence: k,
                                at: start + offset,
                            });
                        }
                    }
                });
            }
        });
    if !open {
        *sentence_editor = None;
    }
    actions
}

/// True if `text` of `version` is written right to left (forced, or by its first strong
/// character).
pub fn is_rtl(version: &crate::model::Version, text: &str) -> bool {
    match version.direction {
        crate::model::TextDirection::Rtl => true,
        crate::model::TextDirection::Ltr => false,
        crate::model::TextDirection::Auto => {
            unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_points_skip_first_word_and_punctuation() {
        let p = split_points("Hello, big world.");
        assert_eq!(p, vec![(7, "big"), (11, "world")]);
    }

    #[test]
    fn arabic_sentences_are_right_to_left() {
        let v = crate::model::Version::from_sentences(
            "a",
            crate::model::Lang::new("ar"),
            &[vec!["لجنة الشعب."]],
        );
        assert!(is_rtl(&v, v.sentence_text(0)));
        assert!(!is_rtl(&v, "Latin text."));
    }
}
