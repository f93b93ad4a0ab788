//! Sentence segmentation: paragraphs → sentences with trimmed byte ranges.
//!
//! Candidate boundaries are the terminator clusters of Unicode UAX #29 (a stop, its closing
//! quotes/brackets, then space) plus newlines, bullets and list items; per-language rules
//! kept as data in `assets/segmentation/<lang>.ron` (abbreviations, sentence starters) decide
//! which candidates are real sentence ends. Where no rule applies, UAX #29 decides.
//! See `notes/segment.md` for the rule-file format.

mod chars;
mod cluster;
mod context;
mod lines;
mod lists;
pub mod rules;
mod scan;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use crate::model::{Lang, Sentence};

pub use lines::{SplitMode, split_lines};
pub use rules::{RULES_DIR_ENV, RulesError};

/// A sentence splitter for one language, holding its compiled rules.
#[derive(Debug)]
pub struct Segmenter {
    rules: rules::Rules,
}

impl Segmenter {
    /// Builds a segmenter for `lang` from the embedded rules plus the rule files in `user_dir`
    /// (`common.ron`, `<lang>.ron`), if given. Errors name the faulty file.
    pub fn load(lang: &Lang, user_dir: Option<&Path>) -> Result<Segmenter, RulesError> {
        Ok(Segmenter {
            rules: rules::Rules::load(lang.primary(), user_dir)?,
        })
    }

    /// The shared segmenter for `lang`, built once per language and cached. It includes the
    /// user's rule files from `ALINEA_SEGMENTATION_DIR` when that variable is set; if those
    /// files are broken they are skipped (call [`Segmenter::load`] to see the error).
    pub fn for_lang(lang: &Lang) -> Arc<Segmenter> {
        static CACHE: OnceLock<Mutex<HashMap<String, Arc<Segmenter>>>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        let key = lang.primary().to_string();
        let mut map = match cache.lock() {
            Ok(map) => map,
            Err(poisoned) => poisoned.into_inner(),
        };
        map.entry(key)
            .or_insert_with(|| {
                let dir = std::env::var_os(RULES_DIR_ENV).map(std::path::PathBuf::from);
                let built = Segmenter::load(lang, dir.as_deref())
                    .or_else(|_| Segmenter::load(lang, None))
                    .unwrap_or_else(|_| Segmenter {
                        rules: rules::Rules::default(),
                    });
                Arc::new(built)
            })
            .clone()
    }

    /// Splits one paragraph, returning trimmed byte ranges relative to `paragraph`.
    pub fn split(&self, paragraph: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.split_into(paragraph, 0, &mut Vec::new(), |r| out.push(r));
        out
    }

    /// Splits the paragraphs of `text` into sentences (byte ranges into `text`).
    pub fn segment(&self, text: &str, paragraphs: &[Range<usize>]) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(text.len() / 80 + 1);
        let mut cuts = Vec::new();
        for (p_idx, para) in paragraphs.iter().enumerate() {
            let Some(p_text) = text.get(para.clone()) else {
                continue;
            };
            self.split_into(p_text, para.start, &mut cuts, |range| {
                out.push(Sentence {
                    range,
                    paragraph: p_idx,
                })
            });
        }
        out
    }

    fn split_into(
        &self,
        p: &str,
        offset: usize,
        cuts: &mut Vec<usize>,
        mut emit: impl FnMut(Range<usize>),
    ) {
        cuts.clear();
        scan::cut_paragraph(p, &self.rules, cuts);
        let mut start = 0;
        for end in cuts.iter().copied().chain(std::iter::once(p.len())) {
            let piece = &p[start..end];
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let lead = piece.len() - piece.trim_start().len();
                let s = offset + start + lead;
                emit(s..s + trimmed.len());
            }
            start = end;
        }
    }
}

/// Splits each paragraph of `text` into sentences with byte ranges into `text`, using the
/// cached rules for `lang`. Ranges are trimmed and never cross a paragraph boundary.
pub fn segment(text: &str, paragraphs: &[Range<usize>], lang: &Lang) -> Vec<Sentence> {
    Segmenter::for_lang(lang).segment(text, paragraphs)
}

/// Splits one paragraph (a `&str`) into trimmed byte ranges relative to it.
pub fn segment_paragraph(paragraph: &str, lang: &Lang) -> Vec<Range<usize>> {
    Segmenter::for_lang(lang).split(paragraph)
}

/// Paragraph ranges of `text`: runs of non-blank lines separated by blank lines, trimmed.
/// Useful for plain text that did not come through `ingest` (tests, benchmarks, the CLI).
pub fn blank_line_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            end = pos + lead + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}
