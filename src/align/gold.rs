//! Evaluation fixtures with gold alignments, and precision/recall of an alignment against them.
//!
//! A fixture is a directory with one pre-segmented text per language (`<lang>.txt`: one
//! sentence per line, a blank line between paragraphs) and `gold.tsv`: a header line naming
//! the languages (the first is the pivot), then one gold bead per line, each column a
//! comma-separated list of sentence indices (empty for none).
//!
//! Scores compare beads of the pivot against each other version: *strict* counts a bead
//! correct when the same bead is in gold; *lax* when it overlaps a gold bead on both sides
//! (or both are empty on a side).

use std::path::{Path, PathBuf};

use crate::model::{Alignment, Lang, Version};

/// Why a fixture could not be read; names the file.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        /// File path.
        file: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The gold file is malformed.
    #[error("{file}: line {line}: {problem}")]
    Format {
        /// File path.
        file: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        problem: String,
    },
}

/// One bead: sentence indices per column.
pub type GoldBead = Vec<Vec<usize>>;

/// A loaded fixture: versions in the column order of `gold.tsv`, and the gold beads.
#[derive(Clone, Debug)]
pub struct Fixture {
    /// Directory name.
    pub name: String,
    /// One version per language column; the first is the pivot.
    pub versions: Vec<Version>,
    /// Gold beads, in order.
    pub gold: Vec<GoldBead>,
}

fn read(path: &Path) -> Result<String, GoldError> {
    std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        file: path.to_path_buf(),
        source,
    })
}

/// Paragraphs of sentences from a pre-segmented text (one sentence per line).
fn parse_segmented(text: &str) -> Vec<Vec<&str>> {
    let mut paragraphs = vec![Vec::new()];
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(line);
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// Loads the fixture in `dir`.
pub fn load_fixture(dir: &Path) -> Result<Fixture, GoldError> {
    let gold_path = dir.join("gold.tsv");
    let gold_text = read(&gold_path)?;
    let mut lines = gold_text.lines().enumerate();
    let Some((_, header)) = lines.next() else {
        return Err(GoldError::Format {
            file: gold_path,
            line: 1,
            problem: "empty gold file".into(),
        });
    };
    let langs: Vec<&str> = header.split('\t').map(str::trim).collect();
    let mut versions = Vec::new();
    for lang in &langs {
        let path = dir.join(format!("{lang}.txt"));
        let text = read(&path)?;
        let mut v = Version::from_sentences(lang, Lang::new(lang), &parse_segmented(&text));
        v.source_path = Some(path);
        versions.push(v);
    }
    let mut gold = Vec::new();
    for (idx, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != langs.len() {
            return Err(GoldError::Format {
                file: gold_path,
                line: idx + 1,
                problem: format!("{} columns, expected {}", cols.len(), langs.len()),
            });
        }
        let mut bead = Vec::new();
        for col in cols {
            let mut ids = Vec::new();
            for part in col.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let Ok(id) = part.parse::<usize>() else {
                    return Err(GoldError::Format {
                        file: gold_path,
                        line: idx + 1,
                        problem: format!("not a sentence index: {part:?}"),
                    });
                };
                ids.push(id);
            }
            bead.push(ids);
        }
        gold.push(bead);
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Fixture {
        name,
        versions,
        gold,
    })
}

/// Beads of an alignment as sentence-index lists per version (one per row).
pub fn beads_of(alignment: &Alignment) -> Vec<GoldBead> {
    alignment
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.clone().collect()).collect())
        .collect()
}

/// Precision and recall, strict and lax, with the counts behind them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// Predicted beads.
    pub predicted: usize,
    /// Gold beads.
    pub gold: usize,
    /// Predicted beads found exactly in gold.
    pub strict_hits: usize,
    /// Predicted beads overlapping a gold bead.
    pub lax_predicted_hits: usize,
    /// Gold beads overlapping a predicted bead.
    pub lax_gold_hits: usize,
}

impl Score {
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 1.0 } else { a as f64 / b as f64 }
    }
    /// Strict precision.
    pub fn strict_precision(&self) -> f64 {
        Self::ratio(self.strict_hits, self.predicted)
    }
    /// Strict recall.
    pub fn strict_recall(&self) -> f64 {
        Self::ratio(self.strict_hits, self.gold)
    }
    /// Lax precision.
    pub fn lax_precision(&self) -> f64 {
        Self::ratio(self.lax_predicted_hits, self.predicted)
    }
    /// Lax recall.
    pub fn lax_recall(&self) -> f64 {
        Self::ratio(self.lax_gold_hits, self.gold)
    }
    /// Adds the counts of another score (micro-average over fixtures).
    pub fn add(&mut self, other: &Score) {
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.strict_hits += other.strict_hits;
        self.lax_predicted_hits += other.lax_predicted_hits;
        self.lax_gold_hits += other.lax_gold_hits;
    }
}

/// Projects N-column beads onto columns (0, `other`), dropping beads empty in both.
fn project(beads: &[GoldBead], other: usize) -> Vec<(Vec<usize>, Vec<usize>)> {
    beads
        .iter()
        .filter_map(|b| {
            let a = b.first()?.clone();
            let o = b.get(other)?.clone();
            (!(a.is_empty() && o.is_empty())).then_some((a, o))
        })
        .collect()
}

fn side_overlaps(x: &[usize], y: &[usize]) -> bool {
    (x.is_empty() && y.is_empty()) || x.iter().any(|i| y.contains(i))
}

/// Scores `predicted` beads against `gold`, pivot (column 0) against every other column.
pub fn score(predicted: &[GoldBead], gold: &[GoldBead], columns: usize) -> Score {
    let mut total = Score::default();
    for other in 1..columns {
        let p = project(predicted, other);
        let g = project(gold, other);
        let overlaps = |x: &(Vec<usize>, Vec<usize>), y: &(Vec<usize>, Vec<usize>)| {
            side_overlaps(&x.0, &y.0) && side_overlaps(&x.1, &y.1)
        };
        total.add(&Score {
            predicted: p.len(),
            gold: g.len(),
            strict_hits: p.iter().filter(|x| g.contains(x)).count(),
            lax_predicted_hits: p
                .iter()
                .filter(|x| g.iter().any(|y| overlaps(x, y)))
                .count(),
            lax_gold_hits: g
                .iter()
                .filter(|y| p.iter().any(|x| overlaps(x, y)))
                .count(),
        });
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmented_text_keeps_paragraphs() {
        let p = parse_segmented("A.\nB.\n\n\nC.\n");
        assert_eq!(p, vec![vec!["A.", "B."], vec!["C."]]);
    }

    #[test]
    fn strict_and_lax_differ_on_a_split() {
        let gold = vec![vec![vec![0], vec![0, 1]], vec![vec![1], vec![2]]];
        let pred = vec![
            vec![vec![0], vec![0]],
            vec![vec![], vec![1]],
            vec![vec![1], vec![2]],
        ];
        let s = score(&pred, &gold, 2);
        assert_eq!(s.strict_hits, 1);
        assert_eq!(s.lax_predicted_hits, 2);
        assert_eq!(s.lax_gold_hits, 2);
    }
}
