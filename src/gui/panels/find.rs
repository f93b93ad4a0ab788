//! Find bar: search all versions (plain, whole word, case, regex), filter the rows, step
//! through hits. Hits are byte ranges in the cell text, so the grid can highlight them.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

use crate::gui::action::Action;
use crate::gui::session::{CellPos, Session};

/// Which rows the grid shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RowFilter {
    /// Every row.
    #[default]
    All,
    /// Rows not yet confirmed.
    Unconfirmed,
    /// Unconfirmed rows scoring below the low-confidence threshold.
    LowConfidence,
    /// Rows with a search hit.
    WithHits,
    /// Rows with a term consistency finding (not accepted).
    WithFindings,
}

impl RowFilter {
    const ALL: [RowFilter; 5] = [
        RowFilter::All,
        RowFilter::Unconfirmed,
        RowFilter::LowConfidence,
        RowFilter::WithHits,
        RowFilter::WithFindings,
    ];

    fn label(self) -> &'static str {
        match self {
            RowFilter::All => "All rows",
            RowFilter::Unconfirmed => "Unconfirmed",
            RowFilter::LowConfidence => "Low confidence",
            RowFilter::WithHits => "With hits",
            RowFilter::WithFindings => "Term findings",
        }
    }
}

/// One search hit: a byte range in the text of cell (row, version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Row index.
    pub row: usize,
    /// Version index.
    pub version: usize,
    /// Byte range in the cell text.
    pub range: Range<usize>,
}

/// Query, options and results of the find bar.
#[derive(Default)]
pub struct FindState {
    /// The bar is shown.
    pub open: bool,
    /// The text searched for.
    pub query: String,
    /// Match whole words only.
    pub whole_word: bool,
    /// Match case.
    pub case_sensitive: bool,
    /// The query is a regular expression.
    pub regex: bool,
    /// Which rows the grid shows.
    pub filter: RowFilter,
    /// Hits sorted by row, version, position.
    pub hits: Vec<Hit>,
    /// Why the query is not valid, if it is not.
    pub error: Option<String>,
    computed_for: Option<(String, bool, bool, bool, u64)>,
    /// Put the keyboard focus into the query field on the next frame.
    pub focus_query: bool,
    /// Bumped whenever the hits change (the grid's row list depends on them).
    pub generation: u64,
}

impl FindState {
    /// Forgets the hits (another project was opened).
    pub fn clear_results(&mut self) {
        self.hits.clear();
        self.computed_for = None;
        self.generation += 1;
    }

    fn matcher(&self) -> Result<Option<Regex>, String> {
        if self.query.is_empty() || !self.open {
            return Ok(None);
        }
        let mut pattern = if self.regex {
            self.query.clone()
        } else {
            regex::escape(&self.query)
        };
        if self.whole_word {
            pattern = format!(r"\b(?:{pattern})\b");
        }
        RegexBuilder::new(&pattern)
            .case_insensitive(!self.case_sensitive)
            .build()
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// Recomputes the hits if the query, options or project changed (no hits while closed).
    pub fn update(&mut self, session: &Session) {
        let query = if self.open {
            self.query.clone()
        } else {
            String::new()
        };
        let key = (
            query,
            self.whole_word,
            self.case_sensitive,
            self.regex,
            session.history.revision(),
        );
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.computed_for = Some(key);
        self.generation += 1;
        self.hits.clear();
        self.error = None;
        let re = match self.matcher() {
            Ok(Some(re)) => re,
            Ok(None) => return,
            Err(e) => {
                self.error = Some(e);
                return;
            }
        };
        let project = session.project();
        for (r, row) in project.alignment.rows.iter().enumerate() {
            for (v, cell) in row.cells.iter().enumerate() {
                let Some(version) = project.versions.get(v) else {
                    continue;
                };
                let text = version.cell_text(cell.clone());
                for m in re.find_iter(&text) {
                    if !m.range().is_empty() {
                        self.hits.push(Hit {
                            row: r,
                            version: v,
                            range: m.range(),
                        });
                    }
                }
            }
        }
    }

    /// Hits in cell (row, version).
    pub fn hits_in(&self, row: usize, version: usize) -> &[Hit] {
        let start = self
            .hits
            .partition_point(|h| (h.row, h.version) < (row, version));
        let end = self
            .hits
            .partition_point(|h| (h.row, h.version) <= (row, version));
        &self.hits[start..end]
    }

    /// True if the row has a hit.
    pub fn row_has_hit(&self, row: usize) -> bool {
        let i = self.hits.partition_point(|h| h.row < row);
        self.hits.get(i).is_some_and(|h| h.row == row)
    }

    /// The next (or previous) hit after the cell `from`, wrapping around.
    pub fn step(&self, from: CellPos, forward: bool) -> Option<&Hit> {
        let key = (from.row, from.version);
        if forward {
            let i = self.hits.partition_point(|h| (h.row, h.version) <= key);
            self.hits.get(i).or(self.hits.first())
        } else {
            let i = self.hits.partition_point(|h| (h.row, h.version) < key);
            i.checked_sub(1)
                .and_then(|i| self.hits.get(i))
                .or(self.hits.last())
        }
    }
}

/// Draws the find bar under the menu.
pub fn show(ui: &mut egui::Ui, find: &mut FindState) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::top("find_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Find:");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut find.query)
                        .hint_text("search all versions")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut find.focus_query) {
                edit.request_focus();
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                actions.push(Action::NextHit);
                edit.request_focus();
            }
            ui.checkbox(&mut find.whole_word, "Whole word");
            ui.checkbox(&mut find.case_sensitive, "Match case");
            ui.checkbox(&mut find.regex, "Regex");
            for (a, text) in [(Action::PrevHit, "Previous"), (Action::NextHit, "Next")] {
                let tip = format!("{} ({})", a.label(), a.shortcut_text(ui.ctx()));
                if ui.button(text).on_hover_text(tip).clicked() {
                    actions.push(a);
                }
            }
            egui::ComboBox::from_label("Show")
                .selected_text(find.filter.label())
                .show_ui(ui, |ui| {
                    for f in RowFilter::ALL {
                        ui.selectable_value(&mut find.filter, f, f.label());
                    }
                });
            match &find.error {
                Some(e) => {
                    ui.colored_label(ui.visuals().error_fg_color, e.lines().last().unwrap_or(""));
                }
                None if !find.query.is_empty() => {
                    let n = find.hits.len();
                    ui.label(format!("{n} {}", if n == 1 { "hit" } else { "hits" }));
                }
                None => {}
            }
            if ui
                .button("Close")
                .on_hover_text("Close the find bar")
                .clicked()
            {
                actions.push(Action::ToggleFind);
            }
        });
    });
    actions
}
