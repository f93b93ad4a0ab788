//! Pre-split input: every non-empty line is one sentence and a blank line ends a paragraph.
//!
//! Corpora prepared for hunalign, Vecalign or Bertalign come one sentence per line; splitting
//! them again would undo the segmentation their users already checked.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::Sentence;

/// How a version's text is cut into sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SplitMode {
    /// The language's sentence splitter decides (the default).
    #[default]
    Auto,
    /// The text is already one sentence per line: nothing is split further.
    Lines,
}

impl SplitMode {
    /// The name used on the command line and in the app (`auto`, `lines`).
    pub fn as_str(self) -> &'static str {
        match self {
            SplitMode::Auto => "auto",
            SplitMode::Lines => "lines",
        }
    }
}

impl std::fmt::Display for SplitMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SplitMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(SplitMode::Auto),
            "lines" => Ok(SplitMode::Lines),
            other => Err(format!(
                "unknown split mode {other:?}: use \"auto\" (split sentences) or \"lines\" (one sentence per line)"
            )),
        }
    }
}

/// Paragraphs and sentences of pre-split `text`: paragraphs are runs of non-blank lines
/// separated by blank lines, sentences are the trimmed non-empty lines.
pub fn split_lines(text: &str) -> (Vec<Range<usize>>, Vec<Sentence>) {
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut sentences = Vec::new();
    let mut in_paragraph = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            in_paragraph = false;
        } else {
            let start = pos + (line.len() - line.trim_start().len());
            let end = start + content.len();
            if in_paragraph {
                if let Some(last) = paragraphs.last_mut() {
                    last.end = end;
                }
            } else {
                paragraphs.push(start..end);
                in_paragraph = true;
            }
            sentences.push(Sentence {
                range: start..end,
                paragraph: paragraphs.len() - 1,
            });
        }
        pos += line.len();
    }
    (paragraphs, sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, sentences: &[Sentence]) -> Vec<(&'a str, usize)> {
        sentences
            .iter()
            .map(|s| (&text[s.range.clone()], s.paragraph))
            .collect()
    }

    #[test]
    fn every_line_is_a_sentence_and_blank_lines_end_paragraphs() {
        let text =
            "Dr. Müller kam am 10.\n  September 1988 an.  \n\n\nZweiter Absatz. Noch ein Satz.\n";
        let (paragraphs, sentences) = split_lines(text);
        assert_eq!(
            texts(text, &sentences),
            vec![
                ("Dr. Müller kam am 10.", 0),
                ("September 1988 an.", 0),
                ("Zweiter Absatz. Noch ein Satz.", 1),
            ]
        );
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(
            &text[paragraphs[0].clone()],
            "Dr. Müller kam am 10.\n  September 1988 an."
        );
    }

    #[test]
    fn empty_and_blank_text_has_no_sentences() {
        assert_eq!(split_lines("").1.len(), 0);
        assert_eq!(split_lines(" \n\t\n").0.len(), 0);
    }

    #[test]
    fn a_last_line_without_newline_counts() {
        let (_, s) = split_lines("eins\nzwei");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].range, 5..9);
    }

    #[test]
    fn names_parse_back() {
        for mode in [SplitMode::Auto, SplitMode::Lines] {
            assert_eq!(mode.as_str().parse::<SplitMode>(), Ok(mode));
        }
        assert!("sentences".parse::<SplitMode>().is_err());
    }
}
