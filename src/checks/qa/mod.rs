//! Translation QA that needs no glossary: mechanical errors between the pivot cell of a row
//! and the other versions' cells (Xbench-class checks).
//!
//! - `NumberMismatch`: the numbers differ (locale formats and digits understood, see
//!   [`numbers`]); small whole numbers (≤ 10) missing on one side alone are not reported, since
//!   translators spell them out; a number written out in words on the other side
//!   («Twelve companies» for «12 doanh nghiệp») is not missing ([`number_words`]).
//! - `Untranslated`: the cell equals the pivot cell, or is written in the pivot's language.
//! - `EmptyTranslation`: the pivot cell has text, the other is empty.
//! - `InconsistentTarget` / `InconsistentSource`: one pivot sentence translated two ways, or
//!   one translation used for two different pivot sentences ([`consistency`]).
//! - `UrlMismatch`: a URL or e-mail address on one side only.

mod consistency;
mod number_words;
pub mod numbers;
pub mod urls;

use crate::checks::{Finding, FindingKind};
use crate::ingest::language::detect;
use crate::model::{Project, Version};

/// Every QA finding of `project` (none without an alignment), sorted by row and version.
pub fn qa_findings(project: &Project) -> Vec<Finding> {
    let mut out = Vec::new();
    let pivot = project.alignment.pivot;
    let Some(pv) = project.versions.get(pivot) else {
        return out;
    };
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); project.versions.len()];
    for row in &project.alignment.rows {
        for (v, version) in project.versions.iter().enumerate() {
            let text = row
                .cells
                .get(v)
                .map(|c| version.cell_text(c.clone()))
                .unwrap_or_default();
            cells[v].push(text);
        }
    }
    for (r, row) in project.alignment.rows.iter().enumerate() {
        let p_text = &cells[pivot][r];
        if !p_text.chars().any(char::is_alphanumeric) {
            continue;
        }
        for (v, version) in project.versions.iter().enumerate() {
            if v == pivot {
                continue;
            }
            let sentence = row.cells.get(v).map_or(0, |c| c.start);
            let t_text = &cells[v][r];
            let mut push = |kind, text: String| {
                out.push(qa_finding(version, v, r, sentence, kind, text));
            };
            if t_text.trim().is_empty() {
                push(FindingKind::EmptyTranslation, p_text.clone());
                continue;
            }
            if let Some(kind) = untranslated(pv, p_text, version, t_text) {
                push(kind, t_text.clone());
            }
            if let Some(text) = number_mismatch(p_text, t_text) {
                push(FindingKind::NumberMismatch, text);
            }
            for text in link_mismatch(p_text, t_text) {
                push(FindingKind::UrlMismatch, text);
            }
        }
    }
    consistency::inconsistencies(project, &cells, &mut out);
    crate::checks::mark_accepted(project, &mut out);
    out.sort_by_key(|f| (f.row, f.version, f.kind));
    out
}

fn qa_finding(
    version: &Version,
    v: usize,
    row: usize,
    sentence: usize,
    kind: FindingKind,
    text: String,
) -> Finding {
    Finding {
        row,
        version: v,
        version_name: version.name.clone(),
        sentence,
        concept: String::new(),
        lang: version.lang.as_str().to_string(),
        kind,
        text,
        ranges: Vec::new(),
        accepted: false,
    }
}

/// Lower-case words joined by single spaces (punctuation and spacing ignored).
pub(crate) fn comparable(text: &str) -> String {
    let mut ranges = Vec::new();
    crate::glossary::normalize::tokenize(text, &mut ranges);
    let words: Vec<String> = ranges
        .iter()
        .map(|r| text[r.clone()].to_lowercase())
        .collect();
    words.join(" ")
}

fn letter_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count()
}

fn untranslated(pv: &Version, p: &str, tv: &Version, t: &str) -> Option<FindingKind> {
    let (pl, tl) = (pv.lang.primary(), tv.lang.primary());
    if pl == tl {
        return None;
    }
    if letter_words(p) >= 2 && comparable(p) == comparable(t) {
        return Some(FindingKind::Untranslated);
    }
    let related = matches!((pl, tl), ("ms", "id") | ("id", "ms"));
    if related || letter_words(t) < 6 || script(p) != script(t) || !pivot_function_words(pl, t) {
        return None;
    }
    let d = detect(t);
    (d.lang.primary() == pl && d.confidence >= 0.8).then_some(FindingKind::Untranslated)
}

/// True when a fifth or more of the words of `t` are function words of language `pl` (a
/// cheap filter before the slower language detection).
fn pivot_function_words(pl: &str, t: &str) -> bool {
    let stop = crate::mine::stopwords(pl);
    if stop.is_empty() {
        return true;
    }
    let words: Vec<String> = t.split_whitespace().map(str::to_lowercase).collect();
    let hits = words
        .iter()
        .filter(|w| stop.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        .count();
    hits * 5 >= words.len()
}

/// The script of most letters: 0 Latin, 1 Cyrillic, 2 Arabic, 3 other (a cheap test before
/// language detection: a cell in another script is not in the pivot's language).
fn script(text: &str) -> u8 {
    let mut counts = [0usize; 4];
    for c in text.chars().filter(|c| c.is_alphabetic()).take(64) {
        let class = match c {
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => 0,
            '\u{0400}'..='\u{04FF}' => 1,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => 2,
            _ => 3,
        };
        counts[class] += 1;
    }
    (0..4u8)
        .max_by_key(|&i| counts[usize::from(i)])
        .unwrap_or(0)
}

fn number_mismatch(p: &str, t: &str) -> Option<String> {
    let mut missing = numbers::numbers(p);
    let mut extra = Vec::new();
    for n in numbers::numbers(t) {
        match missing.iter().position(|m| *m == n) {
            Some(i) => {
                missing.remove(i);
            }
            None => extra.push(n),
        }
    }
    // A number one side writes in words («Twelve companies») is not missing.
    let (p_words, t_words) = (
        number_words::spelled_numbers(p),
        number_words::spelled_numbers(t),
    );
    let spelled = |n: &String, words: &[u32]| n.parse::<u32>().is_ok_and(|v| words.contains(&v));
    missing.retain(|n| !spelled(n, &t_words));
    extra.retain(|n| !spelled(n, &p_words));
    if missing.is_empty() && extra.is_empty() {
        return None;
    }
    let small = |n: &String| n.parse::<u32>().is_ok_and(|v| v <= 10);
    if extra.is_empty() && missing.iter().all(small) {
        return None;
    }
    if missing.is_empty() && extra.iter().all(small) {
        return None;
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        parts.push(format!("extra {}", extra.join(", ")));
    }
    Some(parts.join("; "))
}

fn link_mismatch(p: &str, t: &str) -> Vec<String> {
    let (pl, tl) = (urls::links(p), urls::links(t));
    let mut out: Vec<String> = pl
        .iter()
        .filter(|l| !tl.contains(l))
        .map(|l| format!("missing {l}"))
        .collect();
    out.extend(
        tl.iter()
            .filter(|l| !pl.contains(l))
            .map(|l| format!("extra {l}")),
    );
    out
}
