//! Sentence segmentation (minimal first version: UAX #29 only; being extended).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Lang, Sentence};

/// Splits each paragraph of `text` into sentences with byte ranges into `text`.
pub fn segment(text: &str, paragraphs: &[Range<usize>], _lang: &Lang) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p_idx, para) in paragraphs.iter().enumerate() {
        let Some(p_text) = text.get(para.clone()) else {
            continue;
        };
        for (offset, s) in p_text.split_sentence_bound_indices() {
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            if trimmed.is_empty() {
                continue;
            }
            let start = para.start + offset + lead;
            out.push(Sentence {
                range: start..start + trimmed.len(),
                paragraph: p_idx,
            });
        }
    }
    out
}
