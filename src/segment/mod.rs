//! Sentence segmentation: paragraphs → sentences with trimmed byte ranges.
//!
//! Candidate boundaries are the terminator clusters of Unicode UAX #29 (a stop, its closing
//! quotes/brackets, then space) plus newlines, bullets and list items; per-language rules
//! kept as data in `assets/segmentation/<lang>.ron` (abbreviations, sentence starters) decide
//! which candidates are real sentence ends; ambiguous candidates are decided with statistics
//! learned from the document itself ([`stats`]-style evidence, Punkt in spirit) and with the
//! decisions an editor taught the project ([`LearnedRules`]). Where no rule applies, UAX #29
//! decides. Languages without a rule file get the [`GENERIC`] rule set
//! ([`Segmenter::rule_set`] says which was used).
//! See `notes/segment.md` for the rule-file format.

mod chars;
mod cluster;
mod context;
mod learned;
mod lines;
mod lists;
pub mod rules;
mod scan;
mod stats;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// One sentence of a version: a byte range into the version text and the paragraph it
/// belongs to. What segmentation produces; also re-exported as `model::Sentence`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte range in `Version::text`, trimmed of surrounding whitespace.
    pub range: Range<usize>,
    /// Index into `Version::paragraphs`.
    pub paragraph: usize,
}

pub use learned::{LearnedRules, LearnedToken, learn_key};
pub use lines::{SplitMode, split_lines};
pub use rules::{GENERIC, RULES_DIR_ENV, RulesError, has_language};

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

    /// The cached segmenter for `lang` plus the decisions `learned` holds for that language
    /// (the shared one itself when there are none).
    fn with_learned(lang: &Lang, learned: &LearnedRules) -> Arc<Segmenter> {
        let base = Segmenter::for_lang(lang);
        let mut tokens = learned.for_lang(lang.primary()).peekable();
        if tokens.peek().is_none() {
            return base;
        }
        let mut rules = base.rules.clone();
        for t in tokens {
            rules.learn(&t.token, t.split);
        }
        Arc::new(Segmenter { rules })
    }

    /// The rule set in use: the language's primary subtag, or [`GENERIC`] for a language
    /// without a rule file of its own.
    pub fn rule_set(&self) -> &str {
        &self.rules.rule_set
    }

    /// Splits one paragraph, returning trimmed byte ranges relative to `paragraph`.
    pub fn split(&self, paragraph: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let whole = [0..paragraph.len()];
        let stats = stats::LazyStats::new(paragraph, &whole, &self.rules);
        self.split_into(paragraph, 0, &stats, &mut Vec::new(), |r| out.push(r));
        out
    }

    /// Splits the paragraphs of `text` into sentences (byte ranges into `text`).
    pub fn segment(&self, text: &str, paragraphs: &[Range<usize>]) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(text.len() / 80 + 1);
        let mut cuts = Vec::new();
        let stats = stats::LazyStats::new(text, paragraphs, &self.rules);
        for (p_idx, para) in paragraphs.iter().enumerate() {
            let Some(p_text) = text.get(para.clone()) else {
                continue;
            };
            self.split_into(p_text, para.start, &stats, &mut cuts, |range| {
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
        stats: &stats::LazyStats<'_>,
        cuts: &mut Vec<usize>,
        mut emit: impl FnMut(Range<usize>),
    ) {
        cuts.clear();
        scan::cut_paragraph(p, &self.rules, stats, cuts);
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

/// Like [`segment`], with the decisions an editor taught the project (see [`LearnedRules`]).
pub fn segment_learned(
    text: &str,
    paragraphs: &[Range<usize>],
    lang: &Lang,
    learned: &LearnedRules,
) -> Vec<Sentence> {
    Segmenter::with_learned(lang, learned).segment(text, paragraphs)
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
