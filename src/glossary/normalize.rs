//! Word tokens and their matching keys, per language.
//!
//! The matcher compares words, never raw substrings, so a term cannot match inside a longer
//! word. Each token becomes a key: NFC, lower-cased (unless case-sensitive), then, for
//! inflection-aware terms, reduced per language:
//! - Russian, English, French and the other Snowball languages: Snowball stem (ё → е first).
//! - Arabic: diacritics and tatweel removed, alef/hamza forms → ا, ة → ه, ى → ي; the
//!   conjunctions و ف, the prepositions ب ك ل and the article ال are stripped («واللجنة»,
//!   «للجنة», «بلجنة» → لجنة), then one leading ل is dropped so that ل + اللجنة («للجنة») and
//!   اللجنة give the same key. Snowball Arabic is not used: it reduces الشعبية to الشعب and so
//!   would confuse «اللجنة الشعبية» with the forbidden «لجنة الشعب».
//! - Malay and Indonesian: particles -lah -kah -tah -pun, possessive -nya, prefixes di- ber- ter-
//!   me-/mem-/men-/meng-/meny- (with the root consonant restored: menulis → tulis, memukul →
//!   pukul, menyapu → sapu); only when at least four letters remain.
//! - Vietnamese, with `fold_vietnamese`: tone marks and other diacritics removed, đ → d.
//!
//! Exact-mode terms use NFC and case only.

use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Splits `text` into word tokens (runs of letters, digits and combining marks; every CJK
/// ideograph or kana is a token of its own), appending their byte ranges to `out`.
pub fn tokenize(text: &str, out: &mut Vec<Range<usize>>) {
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if !c.is_ascii() && is_cjk(c) {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
            out.push(i..i + c.len_utf8());
        } else if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
}

/// Letters, digits, combining marks and ZWNJ; fast paths for ASCII, Cyrillic and Arabic.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{0410}'..='\u{044F}' | 'ё' | 'Ё' | '\u{0621}'..='\u{065F}')
        || c.is_alphanumeric()
        || is_combining_mark(c)
        || c == '\u{200c}'
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// How a term is compared: inflection-aware or exact, case-sensitive or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyKind {
    /// Apply the language's inflection rules.
    pub inflected: bool,
    /// Keep letter case.
    pub case_sensitive: bool,
}

/// Computes token keys for one language.
pub struct Normalizer {
    rules: LangRules,
    stemmer: Option<Stemmer>,
    fold_vietnamese: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LangRules {
    Plain,
    Russian,
    Arabic,
    Persian,
    MalayIndonesian,
    Vietnamese,
}

impl Normalizer {
    /// Rules for the language with primary subtag `primary` ("ru", "ar", "ms").
    pub fn new(primary: &str, fold_vietnamese: bool) -> Self {
        let rules = match primary {
            "ru" | "uk" | "be" => LangRules::Russian,
            "ar" => LangRules::Arabic,
            "fa" | "ur" => LangRules::Persian,
            "ms" | "id" => LangRules::MalayIndonesian,
            "vi" => LangRules::Vietnamese,
            _ => LangRules::Plain,
        };
        let algorithm = match primary {
            "ru" => Some(Algorithm::Russian),
            "en" => Some(Algorithm::English),
            "fr" => Some(Algorithm::French),
            "de" => Some(Algorithm::German),
            "es" => Some(Algorithm::Spanish),
            "it" => Some(Algorithm::Italian),
            "pt" => Some(Algorithm::Portuguese),
            "nl" => Some(Algorithm::Dutch),
            "sv" => Some(Algorithm::Swedish),
            "da" => Some(Algorithm::Danish),
            "no" | "nb" | "nn" => Some(Algorithm::Norwegian),
            "fi" => Some(Algorithm::Finnish),
            "hu" => Some(Algorithm::Hungarian),
            "ro" => Some(Algorithm::Romanian),
            "tr" => Some(Algorithm::Turkish),
            "el" => Some(Algorithm::Greek),
            "ta" => Some(Algorithm::Tamil),
            _ => None,
        };
        Normalizer {
            rules,
            stemmer: algorithm.map(Stemmer::create),
            fold_vietnamese,
        }
    }

    /// The key of one token `surface` for comparison of the given kind.
    pub fn key(&self, surface: &str, kind: KeyKind) -> String {
        let nfc: Cow<str> = if is_nfc_quick(surface.chars()) == IsNormalized::Yes {
            Cow::Borrowed(surface)
        } else {
            Cow::Owned(surface.nfc().collect())
        };
        let cased: Cow<str> = if kind.case_sensitive {
            nfc
        } else if nfc.chars().any(char::is_uppercase) {
            Cow::Owned(nfc.to_lowercase())
        } else {
            nfc
        };
        if !kind.inflected {
            return cased.into_owned();
        }
        let reduced = match self.rules {
            LangRules::Russian => cased.replace('ё', "е").replace('Ё', "Е"),
            LangRules::Arabic => arabic_key(&arabic_orthography(&cased)),
            LangRules::Persian => arabic_orthography(&cased),
            LangRules::MalayIndonesian => malay_key(&cased),
            LangRules::Vietnamese if self.fold_vietnamese => fold_diacritics(&cased),
            _ => cased.into_owned(),
        };
        match &self.stemmer {
            Some(s) => s.stem(&reduced).into_owned(),
            None => reduced,
        }
    }
}

/// Arabic spelling variants folded: harakat and tatweel removed, أ إ آ ٱ → ا, ة → ه, ى → ي,
/// ؤ → و, ئ → ي.
fn arabic_orthography(word: &str) -> String {
    word.chars()
        .filter(|&c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            'ؤ' => 'و',
            'ئ' => 'ي',
            other => other,
        })
        .collect()
}

/// Strips Arabic proclitics and the article; see the module docs.
fn arabic_key(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    let starts = |w: &[char], p: &str| {
        let p: Vec<char> = p.chars().collect();
        w.len() >= p.len() && w[..p.len()] == p[..]
    };
    if w.len() > 3 && matches!(w[0], 'و' | 'ف') {
        w.remove(0);
    }
    if w.len() > 4 && ["بال", "كال", "فال", "وال"].iter().any(|p| starts(&w, p)) {
        w.drain(..3);
    } else if w.len() > 3 && (starts(&w, "ال") || starts(&w, "لل")) {
        w.drain(..2);
    } else if w.len() > 3 && matches!(w[0], 'ب' | 'ك' | 'ل') {
        w.remove(0);
    }
    if w.len() > 2 && w[0] == 'ل' {
        w.remove(0);
    }
    w.into_iter().collect()
}

/// Malay/Indonesian affix stripping; see the module docs.
fn malay_key(word: &str) -> String {
    let len = |s: &str| s.chars().count();
    let mut w = word.to_string();
    for particle in ["lah", "kah", "tah", "pun"] {
        if w.ends_with(particle) && len(&w) >= particle.len() + 4 {
            w.truncate(w.len() - particle.len());
            break;
        }
    }
    if w.ends_with("nya") && len(&w) >= 7 {
        w.truncate(w.len() - 3);
    }
    let vowel = |s: &str| s.starts_with(['a', 'e', 'i', 'o', 'u']);
    let stripped: Option<String> = if let Some(r) = w.strip_prefix("meny").filter(|r| vowel(r)) {
        Some(format!("s{r}"))
    } else if let Some(r) = w.strip_prefix("meng") {
        Some(r.to_string())
    } else if let Some(r) = w.strip_prefix("mem") {
        if vowel(r) {
            Some(format!("p{r}"))
        } else {
            Some(r.to_string())
        }
    } else if let Some(r) = w.strip_prefix("men") {
        if vowel(r) {
            Some(format!("t{r}"))
        } else {
            Some(r.to_string())
        }
    } else if let Some(r) = w
        .strip_prefix("me")
        .filter(|r| r.starts_with(['l', 'r', 'w', 'y', 'n', 'm']))
    {
        Some(r.to_string())
    } else if let Some(r) = w.strip_prefix("ber").or_else(|| w.strip_prefix("ter")) {
        Some(r.to_string())
    } else {
        w.strip_prefix("di").map(str::to_string)
    };
    match stripped {
        Some(root) if len(&root) >= 4 => root,
        _ => w,
    }
}

/// Removes diacritics (Vietnamese tone and vowel marks), đ → d.
fn fold_diacritics(word: &str) -> String {
    word.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFLECTED: KeyKind = KeyKind {
        inflected: true,
        case_sensitive: false,
    };

    fn keys(lang: &str, text: &str) -> Vec<String> {
        let n = Normalizer::new(lang, true);
        let mut ranges = Vec::new();
        tokenize(text, &mut ranges);
        ranges
            .iter()
            .map(|r| n.key(&text[r.clone()], INFLECTED))
            .collect()
    }

    #[test]
    fn russian_cases_share_stems() {
        let base = keys("ru", "Постоянный комитет");
        assert_eq!(keys("ru", "Постоянного комитета"), base);
        assert_eq!(keys("ru", "Постоянном комитете"), base);
    }

    #[test]
    fn arabic_clitics_and_article() {
        let base = keys("ar", "اللجنة");
        for form in ["لجنة", "للجنة", "بلجنة", "واللجنة", "اللجنه", "ٱللَّجْنَة"]
        {
            assert_eq!(keys("ar", form), base, "{form}");
        }
        assert_ne!(keys("ar", "الشعب"), keys("ar", "الشعبية"));
        assert_eq!(keys("ar", "الحزب"), keys("ar", "للحزب"));
    }

    #[test]
    fn snowball_arabic_would_merge_people_and_popular() {
        // Why Arabic uses our light stemmer (see the module docs).
        let s = Stemmer::create(Algorithm::Arabic);
        assert_eq!(s.stem("الشعبية"), s.stem("الشعب"));
    }

    #[test]
    fn malay_affixes() {
        assert_eq!(keys("ms", "menulis"), keys("ms", "tulis"));
        assert_eq!(keys("ms", "memukul"), keys("ms", "pukul"));
        assert_eq!(keys("ms", "menyapu"), keys("ms", "sapu"));
        assert_eq!(keys("id", "rakyatnya"), keys("id", "rakyat"));
        assert_eq!(keys("id", "partailah"), keys("id", "partai"));
        assert_eq!(keys("ms", "bermain"), keys("ms", "main"));
        assert_eq!(keys("ms", "dia"), vec!["dia"], "four letters must remain");
    }

    #[test]
    fn vietnamese_folding_and_tokens() {
        assert_eq!(keys("vi", "Chuyển đổi số"), keys("vi", "chuyen doi so"));
        let mut r = Vec::new();
        tokenize("a-b 東京", &mut r);
        assert_eq!(r, vec![0..1, 2..3, 4..7, 7..10]);
    }
}
