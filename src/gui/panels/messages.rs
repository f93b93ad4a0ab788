//! The message stack: errors, warnings and reports shown as notices in the bottom-right
//! corner until the editor dismisses them, so no failure is only on stderr or gone with the
//! next status line. Each notice is one message naming the file; the newest is at the bottom.

/// How serious a notice is (its colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something failed.
    Error,
    /// Done, but with something the editor should know.
    Warning,
    /// A report (e.g. what an export wrote).
    Info,
}

/// One dismissible notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The message; the first line is the headline.
    pub text: String,
    /// Error, warning or info.
    pub level: Level,
    id: u64,
}

/// The open notices, oldest first.
#[derive(Default)]
pub struct Notices {
    list: Vec<Notice>,
    next_id: u64,
}

/// How many notices are kept; older ones go first.
pub const MAX_NOTICES: usize = 6;

impl Notices {
    /// Adds a notice (an identical one still open is moved to the end instead).
    pub fn push(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        self.list.retain(|n| n.text != text);
        self.next_id += 1;
        self.list.push(Notice {
            text,
            level,
            id: self.next_id,
        });
        if self.list.len() > MAX_NOTICES {
            self.list.remove(0);
        }
    }

    /// The open notices, oldest first.
    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    /// Removes all notices.
    pub fn clear(&mut self) {
        self.list.clear();
    }

    fn dismiss(&mut self, id: u64) {
        self.list.retain(|n| n.id != id);
    }
}

/// An error and its causes on one line: "out.tmx: cannot write: No such file or directory".
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Draws the open notices above the status bar.
/// (Dismissing one changes only `notices`: the panel asks nothing of the app.)
pub fn show(ctx: &egui::Context, notices: &mut Notices) {
    if notices.list.is_empty() {
        return;
    }
    let mut dismissed = Vec::new();
    let mut dismiss_all = false;
    egui::Area::new(egui::Id::unique("notices"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            for notice in &notices.list {
                let visuals = ui.visuals();
                let colour = match notice.level {
                    Level::Error => visuals.error_fg_color,
                    Level::Warning => visuals.warn_fg_color,
                    Level::Info => visuals.hyperlink_color,
                };
                egui::Frame::popup(ui.style())
                    .stroke(egui::Stroke::new(1.5, colour))
                    .show(ui, |ui| {
                        ui.set_width(500.0);
                        let heading = match notice.level {
                            Level::Error => "Error",
                            Level::Warning => "Warning",
                            Level::Info => "Done",
                        };
                        ui.horizontal(|ui| {
                            ui.colored_label(colour, egui::RichText::new(heading).strong());
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    if ui
                                        .button("Dismiss")
                                        .on_hover_text("Close this message")
                                        .clicked()
                                    {
                                        dismissed.push(notice.id);
                                    }
                                },
                            );
                        });
                        ui.add(
                            egui::Label::new(notice.text.as_str())
                                .wrap()
                                .selectable(true),
                        );
                    });
                ui.add_space(4.0);
            }
            if notices.list.len() > 1 && ui.button("Dismiss all").clicked() {
                dismiss_all = true;
            }
        });
    if dismiss_all {
        notices.clear();
    }
    for id in dismissed {
        notices.dismiss(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_notices_merge_and_the_stack_is_capped() {
        let mut n = Notices::default();
        n.push(Level::Error, "a.txt: empty");
        n.push(Level::Info, "b");
        n.push(Level::Error, "a.txt: empty");
        let texts: Vec<&str> = n.list().iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["b", "a.txt: empty"]);
        for i in 0..10 {
            n.push(Level::Info, format!("{i}"));
        }
        assert_eq!(n.list().len(), MAX_NOTICES);
        assert_eq!(n.list()[0].text, "4");
        let first = n.list()[0].id;
        n.dismiss(first);
        assert_eq!(n.list()[0].text, "5");
    }

    #[test]
    fn error_chain_names_the_cause_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder");
        let e = crate::export::ExportError::Io {
            file: "/x/out.tmx".into(),
            source: io,
        };
        assert_eq!(error_chain(&e), "/x/out.tmx: cannot write: no such folder");
    }
}
