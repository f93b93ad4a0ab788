//! Core data types shared by every part of Alinea: languages, versions, sentences, alignment
//! rows and the project that ties them together.
//!
//! Types only (plus small accessors that protect their invariants); behaviour lives in the
//! modules that own it (`segment`, `align`, `edit`, `project`, ...). Sentences and paragraphs are
//! byte ranges into their version's decoded UTF-8 text, so the text is stored once and every
//! export or highlight can point back into it.

use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::glossary::Glossary;
pub use crate::lang::Lang;
pub use crate::segment::Sentence;

/// Base direction of a version's paragraphs; `Auto` follows the first strong character.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextDirection {
    /// Decide per paragraph from its first strong character (Unicode rule P2/P3).
    #[default]
    Auto,
    /// Force left to right.
    Ltr,
    /// Force right to left.
    Rtl,
}

/// A document after decoding: its text, where it came from and its paragraphs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// File name or a label such as "pasted text".
    pub name: String,
    /// Decoded text, line endings normalised to `\n`.
    pub text: String,
    /// Name of the encoding the bytes were decoded from (WHATWG label, e.g. "windows-1256").
    pub encoding: String,
    /// Paragraph byte ranges in `text`, in order, non-overlapping, trimmed.
    pub paragraphs: Vec<Range<usize>>,
}

/// One language version of the report inside a project: text, language and segmentation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// Label shown in the column header (usually the file name).
    pub name: String,
    /// Where the version was loaded from, if from a file.
    #[serde(default)]
    pub source_path: Option<PathBuf>,
    /// Language, detected or chosen by the user.
    pub lang: Lang,
    /// Encoding the source bytes were decoded from.
    pub encoding: String,
    /// Paragraph direction override (for RTL display).
    #[serde(default)]
    pub direction: TextDirection,
    /// How the text was cut into sentences (re-segmentation keeps to it).
    #[serde(default)]
    pub split: crate::segment::SplitMode,
    /// The full decoded text; sentences and paragraphs point into it.
    pub text: String,
    /// Paragraph byte ranges.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences in document order.
    pub sentences: Vec<Sentence>,
}

impl Version {
    /// The text of sentence `idx`, or "" if the index is out of range.
    pub fn sentence_text(&self, idx: usize) -> &str {
        self.sentences
            .get(idx)
            .and_then(|s| self.text.get(s.range.clone()))
            .unwrap_or("")
    }

    /// The sentences `range` joined by single spaces, as shown in a grid cell or an export.
    pub fn cell_text(&self, range: Range<usize>) -> String {
        let mut out = String::new();
        for idx in range {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.sentence_text(idx));
        }
        out
    }

    /// Builds a version directly from sentences, one paragraph per inner list.
    ///
    /// Used by tests, fixtures with gold alignments and importers (TMX) where the segmentation
    /// is already given.
    pub fn from_sentences(name: &str, lang: Lang, paragraphs: &[Vec<&str>]) -> Self {
        let mut text = String::new();
        let mut para_ranges = Vec::new();
        let mut sentences = Vec::new();
        for (p_idx, para) in paragraphs.iter().enumerate() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let p_start = text.len();
            for (s_idx, s) in para.iter().enumerate() {
                if s_idx > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(s.trim());
                sentences.push(Sentence {
                    range: start..text.len(),
                    paragraph: p_idx,
                });
            }
            para_ranges.push(p_start..text.len());
        }
        Version {
            name: name.to_string(),
            source_path: None,
            lang,
            encoding: "UTF-8".to_string(),
            direction: TextDirection::Auto,
            split: crate::segment::SplitMode::Auto,
            text,
            paragraphs: para_ranges,
            sentences,
        }
    }
}

/// Whether a row was proposed by the aligner or checked by the editor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowStatus {
    /// Proposed by the automatic aligner; re-aligning may change it.
    #[default]
    Auto,
    /// Checked by the editor; an anchor that re-aligning keeps.
    Confirmed,
}

/// One row of the alignment: for each version a contiguous, possibly empty, range of sentence
/// indices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// One sentence-index range per version, in the project's version order. An empty cell
    /// is `k..k` where `k` is the index of the next sentence of that version.
    pub cells: Vec<Range<usize>>,
    /// Aligner confidence in 0..=1 (1 for confirmed or imported rows).
    pub score: f32,
    /// Auto or confirmed.
    pub status: RowStatus,
}

impl Row {
    /// True if no version has a sentence in this row.
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.is_empty())
    }

    /// True if the editor confirmed this row.
    pub fn is_confirmed(&self) -> bool {
        self.status == RowStatus::Confirmed
    }

    /// How sure the row is: 1 once confirmed (the editor checked it), else the score.
    pub fn confidence(&self) -> f32 {
        if self.is_confirmed() { 1.0 } else { self.score }
    }
}

/// The alignment of N versions: rows in document order.
///
/// Invariants (see [`Alignment::validate`]): every sentence of every version lies in exactly one
/// row, in document order; no row is empty in all versions; every row has one cell per version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Index of the pivot (source) version.
    pub pivot: usize,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
}

/// Why an alignment does not fit its versions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AlignmentInvariantError {
    /// A row does not have one cell per version.
    #[error("row {row} has {found} cells, expected {expected}")]
    CellCount {
        /// Row index.
        row: usize,
        /// Cells found.
        found: usize,
        /// Number of versions.
        expected: usize,
    },
    /// A row has no sentence in any version.
    #[error("row {row} is empty in every version")]
    EmptyRow {
        /// Row index.
        row: usize,
    },
    /// The cells of one version do not tile its sentences in order.
    #[error("version {version}: row {row} starts at sentence {found}, expected {expected}")]
    Gap {
        /// Version index.
        version: usize,
        /// Row index.
        row: usize,
        /// Where the cell starts.
        found: usize,
        /// Where it should start.
        expected: usize,
    },
    /// Sentences at the end of a version are in no row.
    #[error("version {version}: rows cover {covered} of {total} sentences")]
    Uncovered {
        /// Version index.
        version: usize,
        /// Sentences covered.
        covered: usize,
        /// Sentences in the version.
        total: usize,
    },
    /// The pivot index is not a version.
    #[error("pivot {pivot} is not one of the {versions} versions")]
    Pivot {
        /// Pivot index.
        pivot: usize,
        /// Number of versions.
        versions: usize,
    },
}

impl Alignment {
    /// Checks the invariants against the sentence count of each version.
    pub fn validate(&self, sentence_counts: &[usize]) -> Result<(), AlignmentInvariantError> {
        let n = sentence_counts.len();
        if self.pivot >= n.max(1) {
            return Err(AlignmentInvariantError::Pivot {
                pivot: self.pivot,
                versions: n,
            });
        }
        let mut next = vec![0usize; n];
        for (r, row) in self.rows.iter().enumerate() {
            if row.cells.len() != n {
                return Err(AlignmentInvariantError::CellCount {
                    row: r,
                    found: row.cells.len(),
                    expected: n,
                });
            }
            if row.is_empty() {
                return Err(AlignmentInvariantError::EmptyRow { row: r });
            }
            for (v, cell) in row.cells.iter().enumerate() {
                if cell.start != next[v] || cell.end < cell.start {
                    return Err(AlignmentInvariantError::Gap {
                        version: v,
                        row: r,
                        found: cell.start,
                        expected: next[v],
                    });
                }
                next[v] = cell.end;
            }
        }
        for (v, (&covered, &total)) in next.iter().zip(sentence_counts).enumerate() {
            if covered != total {
                return Err(AlignmentInvariantError::Uncovered {
                    version: v,
                    covered,
                    total,
                });
            }
        }
        Ok(())
    }
}

/// Per-project view settings that are worth saving (column order, zoom, theme).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// Version indices in display order; versions missing here are shown after.
    pub column_order: Vec<usize>,
    /// Version indices the editor hid.
    pub hidden_columns: Vec<usize>,
    /// Base font size in points.
    pub font_size: f32,
    /// Dark theme instead of light.
    pub dark_mode: bool,
    /// Rows scoring below this are tinted as low confidence.
    pub low_confidence: f32,
    /// Widths (points) the editor gave columns, by version index; the other columns share
    /// the rest of the window.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub column_widths: Vec<(usize, f32)>,
}

impl Default for ViewSettings {
    fn default() -> Self {
        ViewSettings {
            column_order: Vec::new(),
            hidden_columns: Vec::new(),
            font_size: 15.0,
            dark_mode: false,
            low_confidence: 0.5,
            column_widths: Vec::new(),
        }
    }
}

/// Everything an editor works on: the versions, their alignment, the glossary reference,
/// accepted findings and view settings. Saved as RON by `project`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// The language versions; index 0.. as in `Row::cells`.
    pub versions: Vec<Version>,
    /// The alignment of the versions.
    pub alignment: Alignment,
    /// Path of the shared glossary file, relative to the project file when possible.
    #[serde(default)]
    pub glossary_path: Option<PathBuf>,
    /// The glossary in memory; stored in its own file, never inside the project.
    #[serde(skip)]
    pub glossary: Glossary,
    /// Keys of consistency findings the editor accepted (see `checks::Finding::key`).
    #[serde(default)]
    pub accepted_findings: Vec<String>,
    /// Keys of mined term candidates the editor rejected (see `mine::candidate_key`): never
    /// proposed again. Absent from older files (empty), left out of the file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected_terms: Vec<String>,
    /// View settings.
    #[serde(default)]
    pub view: ViewSettings,
    /// Sentence-splitting decisions learned from the editor's split/join fixes ("never/always
    /// split after"), applied when a version is segmented again. Absent in older files.
    #[serde(
        default,
        skip_serializing_if = "crate::segment::LearnedRules::is_empty"
    )]
    pub segmentation: crate::segment::LearnedRules,
}

impl Project {
    /// A project with the given versions and an empty alignment (pivot 0).
    pub fn new(versions: Vec<Version>) -> Self {
        Project {
            versions,
            alignment: Alignment::default(),
            glossary_path: None,
            glossary: Glossary::default(),
            accepted_findings: Vec::new(),
            rejected_terms: Vec::new(),
            view: ViewSettings::default(),
            segmentation: crate::segment::LearnedRules::default(),
        }
    }

    /// The versions' languages, in version order.
    pub fn langs(&self) -> Vec<Lang> {
        self.versions.iter().map(|v| v.lang.clone()).collect()
    }

    /// The versions' languages for a message, in version order: "vi, ms, ar".
    pub fn lang_list(&self) -> String {
        let codes: Vec<&str> = self.versions.iter().map(|v| v.lang.as_str()).collect();
        codes.join(", ")
    }

    /// Sentence count of each version, in version order.
    fn sentence_counts(&self) -> Vec<usize> {
        self.versions.iter().map(|v| v.sentences.len()).collect()
    }

    /// Validates the alignment against the versions.
    pub fn validate(&self) -> Result<(), AlignmentInvariantError> {
        self.alignment.validate(&self.sentence_counts())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_sentences_keeps_ranges() {
        let v = Version::from_sentences("t", Lang::new("en"), &[vec!["A b.", "C d."], vec!["E."]]);
        assert_eq!(v.sentence_text(0), "A b.");
        assert_eq!(v.sentence_text(1), "C d.");
        assert_eq!(v.sentence_text(2), "E.");
        assert_eq!(v.sentences[2].paragraph, 1);
        assert_eq!(v.cell_text(0..2), "A b. C d.");
    }

    #[test]
    fn validate_catches_gaps_and_empty_rows() {
        let row = |a: Range<usize>, b: Range<usize>| Row {
            cells: vec![a, b],
            score: 1.0,
            status: RowStatus::Auto,
        };
        let ok = Alignment {
            pivot: 0,
            rows: vec![row(0..1, 0..2), row(1..2, 2..2)],
        };
        assert_eq!(ok.validate(&[2, 2]), Ok(()));
        let gap = Alignment {
            pivot: 0,
            rows: vec![row(0..1, 0..1), row(1..2, 2..2)],
        };
        assert!(matches!(
            gap.validate(&[2, 2]),
            Err(AlignmentInvariantError::Gap { .. })
        ));
        let empty = Alignment {
            pivot: 0,
            rows: vec![row(0..2, 0..2), row(2..2, 2..2)],
        };
        assert!(matches!(
            empty.validate(&[2, 2]),
            Err(AlignmentInvariantError::EmptyRow { row: 1 })
        ));
        assert!(matches!(
            ok.validate(&[3, 2]),
            Err(AlignmentInvariantError::Uncovered { .. })
        ));
    }
}
