//! Anchors: the parts of a sentence that survive translation (numbers, acronyms and codes,
//! proper names, question and quotation marks, glossary concepts), reduced to comparable keys.
//!
//! Every anchor is a 64-bit key plus two weights: `reward` (how much a match on the other side
//! is worth) and `miss` (how much its absence there costs). Keys are built so that the same
//! thing written by different conventions gets the same key:
//! - numbers: digits of any script (ASCII, Arabic-Indic, Persian), thousands separators
//!   `, . space NBSP ٬ '` dropped, the decimal mark unified: `40,000` = `40.000` = `40 000` =
//!   `٤٠٬٠٠٠`; month names become their number (dates written in words still match);
//! - acronyms and codes (two or more capitals: `DTI`, `VNeID`, `54-NQ/TW`) compare lower-cased;
//! - names compare on a consonant skeleton of their `any_ascii` transliteration, so
//!   `Nguyễn Văn Phương`, `Нгуен Ван Фыонг` and `نجوين فان فونغ` meet. Scripts without case
//!   (Arabic) have no way to tell a name from a word, so every word there yields a skeleton
//!   with a smaller reward and no miss penalty.
//!
//! Limitations: spelled-out numbers ("forty thousand") are not anchors; names transliterated
//! with different consonants (Ханой / Hà Nội) do not meet.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::numbers::{month_number, numbers};
use crate::progress::Progress;

/// One anchor of a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    /// Comparable key (kind and normalised text hashed together).
    pub key: u64,
    /// Worth of a match with the same key on the other side.
    pub reward: f32,
    /// Cost of having no match on the other side.
    pub miss: f32,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Number,
    Code,
    Name,
    Punct,
    Concept,
}

fn key(kind: Kind, text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    kind.hash(&mut h);
    text.hash(&mut h);
    h.finish()
}

/// One anchor of a sentence before weighting.
#[derive(Clone, Copy)]
struct RawAnchor {
    kind: Kind,
    key: u64,
    /// A name guessed from a script without capital letters.
    caseless: bool,
    /// A one-digit number (common, so worth less).
    short: bool,
}

impl RawAnchor {
    fn new(kind: Kind, text: &str) -> Self {
        RawAnchor {
            kind,
            key: key(kind, text),
            caseless: false,
            short: text.len() == 1,
        }
    }
}

/// Base weights (reward, miss) of an anchor by its kind.
fn weights(raw: &RawAnchor) -> (f32, f32) {
    match raw.kind {
        Kind::Number if raw.short => (1.0, 0.3),
        Kind::Number => (2.5, 1.0),
        Kind::Code => (2.5, 0.8),
        Kind::Name if raw.caseless => (0.8, 0.0),
        Kind::Name => (1.5, 0.2),
        Kind::Punct => (0.6, 0.4),
        Kind::Concept => (3.0, 0.8),
    }
}

/// True for a code or acronym: two or more capital letters, or capitals mixed with digits.
fn is_code(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    upper >= 2 && (upper * 2 >= letters || first_upper && upper >= 2 && letters <= 6)
}

/// Consonant skeleton of a transliterated name: vowels, `h`, `w`, `y` dropped and common
/// spelling variants unified (ph/f/v, c/k/q, j/g, z/s, doubled letters).
fn name_skeleton(word: &str) -> String {
    let ascii = any_ascii::any_ascii(word).to_ascii_lowercase();
    let ascii = ascii
        .replace("ph", "f")
        .replace("gh", "g")
        .replace("kh", "k");
    let mut out = String::new();
    for c in ascii.chars() {
        let mapped = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'w' | 'y' | '\'' | '`' => continue,
            'v' | 'p' => 'f',
            'c' | 'q' => 'k',
            'j' => 'g',
            'z' => 's',
            c if c.is_ascii_alphabetic() => c,
            _ => continue,
        };
        if !out.ends_with(mapped) {
            out.push(mapped);
        }
    }
    out
}

/// Arabic words often carry a clitic article or conjunction in front of a name.
fn strip_arabic_clitics(word: &str) -> &str {
    for prefix in ["وال", "بال", "لل", "ال", "و"] {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= 3
        {
            return rest;
        }
    }
    word
}

/// Raw anchors of one sentence, before document-frequency weighting.
fn raw_anchors(text: &str, concepts: &[u32]) -> Vec<RawAnchor> {
    let mut out = Vec::new();
    for n in numbers(text) {
        out.push(RawAnchor::new(Kind::Number, &n));
    }
    if text.contains(['?', '؟']) {
        out.push(RawAnchor::new(Kind::Punct, "?"));
    }
    if text.contains(['"', '“', '”', '«', '»', '„']) {
        out.push(RawAnchor::new(Kind::Punct, "\""));
    }
    for &c in concepts {
        out.push(RawAnchor::new(Kind::Concept, &c.to_string()));
    }
    let words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/'))
        .filter(|w| !w.is_empty());
    for (pos, word) in words.enumerate() {
        let word = word.trim_matches(|c| c == '-' || c == '/');
        let Some(first) = word.chars().next() else {
            continue;
        };
        let lower = word.to_lowercase();
        if let Some(m) = month_number(&lower) {
            out.push(RawAnchor::new(Kind::Number, &m.to_string()));
            continue;
        }
        if first.is_numeric() && !word.chars().any(char::is_alphabetic) {
            continue;
        }
        // A Latin code glued to an Arabic clitic ("وVNPT") is still the code.
        let latin = word.trim_start_matches(|c: char| !c.is_ascii() && c.is_alphabetic());
        if is_code(latin) {
            // Transliterated, so "QĐ-TTg" and "QD-TTg" are the same code.
            let code = any_ascii::any_ascii(latin).to_lowercase();
            out.push(RawAnchor::new(Kind::Code, &code));
            continue;
        }
        let caseless = first.is_alphabetic() && !first.is_uppercase() && !first.is_lowercase();
        let is_name = first.is_uppercase() && pos > 0;
        if !(is_name || caseless) {
            continue;
        }
        let base = if caseless {
            strip_arabic_clitics(word)
        } else {
            word
        };
        let skeleton = name_skeleton(base);
        if skeleton.len() >= 2 && (!caseless || skeleton.len() >= 3) {
            out.push(RawAnchor {
                caseless,
                ..RawAnchor::new(Kind::Name, &skeleton)
            });
        }
    }
    out
}

/// The anchors of every sentence of one version, in a flat list with offsets.
#[derive(Clone, Debug, Default)]
pub struct VersionAnchors {
    /// `offsets[s]..offsets[s + 1]` are the anchors of sentence `s`, sorted by key.
    pub offsets: Vec<u32>,
    /// All anchors.
    pub anchors: Vec<Anchor>,
}

impl VersionAnchors {
    /// Extracts anchors of `sentences`, with glossary concept ids per sentence when known.
    ///
    /// Weights fall with document frequency: a key found in many sentences says little
    /// about which sentence is which.
    pub fn build(sentences: &[&str], concepts: Option<&[Vec<u32>]>) -> Self {
        Self::build_reporting(sentences, concepts, &Progress::new())
    }

    /// [`Self::build`], advancing `progress` by one unit per sentence read.
    pub fn build_reporting(
        sentences: &[&str],
        concepts: Option<&[Vec<u32>]>,
        progress: &Progress,
    ) -> Self {
        const SENTENCES_PER_TICK: usize = 8192;
        let raw: Vec<_> = sentences
            .iter()
            .enumerate()
            .map(|(s, text)| {
                if s % SENTENCES_PER_TICK == SENTENCES_PER_TICK - 1 {
                    progress.advance(SENTENCES_PER_TICK as u64);
                }
                let c = concepts.and_then(|c| c.get(s)).map_or(&[][..], |v| v);
                let mut r = raw_anchors(text, c);
                r.sort_by_key(|a| a.key);
                r.dedup_by_key(|a| a.key);
                r
            })
            .collect();
        progress.advance((sentences.len() % SENTENCES_PER_TICK) as u64);
        let mut df: HashMap<u64, u32> = HashMap::new();
        for r in &raw {
            for a in r {
                *df.entry(a.key).or_insert(0) += 1;
            }
        }
        let mut offsets = Vec::with_capacity(raw.len() + 1);
        let mut anchors = Vec::new();
        offsets.push(0);
        for r in raw {
            for raw in r {
                let (reward, miss) = weights(&raw);
                let freq = df.get(&raw.key).copied().unwrap_or(1).max(1) as f32;
                let damp = 1.0 / (1.0 + freq.ln());
                anchors.push(Anchor {
                    key: raw.key,
                    reward: reward * damp,
                    miss: miss * damp,
                });
            }
            offsets.push(anchors.len() as u32);
        }
        VersionAnchors { offsets, anchors }
    }

    /// Anchors of sentence `s` (empty when out of range).
    pub fn of(&self, s: usize) -> &[Anchor] {
        match (self.offsets.get(s), self.offsets.get(s + 1)) {
            (Some(&a), Some(&b)) => &self.anchors[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_meet_across_scripts() {
        let latin: Vec<String> = ["Nguyễn", "Văn", "Phương"]
            .iter()
            .map(|w| name_skeleton(w))
            .collect();
        let cyr: Vec<String> = ["Нгуен", "Ван", "Фыонг"]
            .iter()
            .map(|w| name_skeleton(w))
            .collect();
        let arab: Vec<String> = ["نجوين", "فان", "فونغ"]
            .iter()
            .map(|w| name_skeleton(w))
            .collect();
        assert_eq!(latin, cyr);
        assert_eq!(latin, arab);
    }

    #[test]
    fn codes_and_months_are_anchors() {
        let en = VersionAnchors::build(&["The DTI rose in March 2025 under 54-NQ/TW."], None);
        let ru = VersionAnchors::build(&["Индекс DTI вырос в марте 2025 года по 54-NQ/TW."], None);
        let shared = en
            .of(0)
            .iter()
            .filter(|a| ru.of(0).iter().any(|b| b.key == a.key))
            .count();
        // DTI, March, 2025, 54, 54-nq/tw.
        assert!(shared >= 5, "shared {shared}");
    }
}
