//! Language detection: whatlang's trigram model mapped to BCP 47 tags, plus a Malay /
//! Indonesian discriminator (whatlang has no Malay and calls it Indonesian).
//!
//! Only the first [`SAMPLE_BYTES`] of a text are examined: more does not change the answer
//! and keeps detection of a 100 MB file instant.

use std::ops::Range;

use crate::model::Lang;

use super::malay::{self, MalayOrIndonesian};

/// How much of a text is given to the detector.
pub const SAMPLE_BYTES: usize = 64 * 1024;

/// A detected language and how sure the detector is.
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    /// The language (`und` when nothing could be detected).
    pub lang: Lang,
    /// Confidence in 0..=1.
    pub confidence: f64,
}

impl Detection {
    fn undetermined() -> Self {
        Detection {
            lang: Lang::undetermined(),
            confidence: 0.0,
        }
    }
}

/// Detects the language of a text.
pub fn detect(text: &str) -> Detection {
    let sample = prefix(text, SAMPLE_BYTES);
    let Some(info) = whatlang::detect(sample) else {
        return Detection::undetermined();
    };
    let lang = info.lang();
    let confidence = info.confidence();
    if matches!(
        lang,
        whatlang::Lang::Ind | whatlang::Lang::Jav | whatlang::Lang::Tgl
    ) {
        let verdict = malay::discriminate(sample);
        // Javanese/Tagalog guesses are only overridden on clear Malay/Indonesian evidence.
        let strong = lang == whatlang::Lang::Ind || verdict.evidence >= malay::STRONG_EVIDENCE;
        if strong {
            match verdict.choice {
                Some(MalayOrIndonesian::Malay) => {
                    return Detection {
                        lang: Lang::new("ms"),
                        confidence: verdict.confidence,
                    };
                }
                Some(MalayOrIndonesian::Indonesian) => {
                    return Detection {
                        lang: Lang::new("id"),
                        confidence: verdict.confidence.max(confidence),
                    };
                }
                None => {}
            }
        }
    }
    Detection {
        lang: Lang::new(bcp47(lang)),
        confidence,
    }
}

/// Detects the language of each paragraph (for documents that mix languages, e.g. a Malay
/// report with English quotations). One detection per range, in order.
pub fn detect_paragraphs(text: &str, paragraphs: &[Range<usize>]) -> Vec<Detection> {
    paragraphs
        .iter()
        .map(|r| {
            text.get(r.clone())
                .map(detect)
                .unwrap_or_else(Detection::undetermined)
        })
        .collect()
}

/// The longest prefix of `text` not over `max` bytes that ends on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// whatlang's ISO 639-3 code → the BCP 47 tag (ISO 639-1 where one exists, as BCP 47 requires).
fn bcp47(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang as W;
    match lang {
        W::Epo => "eo",
        W::Eng => "en",
        W::Rus => "ru",
        W::Cmn => "zh",
        W::Spa => "es",
        W::Por => "pt",
        W::Ita => "it",
        W::Ben => "bn",
        W::Fra => "fr",
        W::Deu => "de",
        W::Ukr => "uk",
        W::Kat => "ka",
        W::Ara => "ar",
        W::Hin => "hi",
        W::Jpn => "ja",
        W::Heb => "he",
        W::Yid => "yi",
        W::Pol => "pl",
        W::Amh => "am",
        W::Jav => "jv",
        W::Kor => "ko",
        W::Nob => "nb",
        W::Dan => "da",
        W::Swe => "sv",
        W::Fin => "fi",
        W::Tur => "tr",
        W::Nld => "nl",
        W::Hun => "hu",
        W::Ces => "cs",
        W::Ell => "el",
        W::Bul => "bg",
        W::Bel => "be",
        W::Mar => "mr",
        W::Kan => "kn",
        W::Ron => "ro",
        W::Slv => "sl",
        W::Hrv => "hr",
        W::Srp => "sr",
        W::Mkd => "mk",
        W::Lit => "lt",
        W::Lav => "lv",
        W::Est => "et",
        W::Tam => "ta",
        W::Vie => "vi",
        W::Urd => "ur",
        W::Tha => "th",
        W::Guj => "gu",
        W::Uzb => "uz",
        W::Pan => "pa",
        W::Aze => "az",
        W::Ind => "id",
        W::Tel => "te",
        W::Pes => "fa",
        W::Mal => "ml",
        W::Ori => "or",
        W::Mya => "my",
        W::Nep => "ne",
        W::Sin => "si",
        W::Khm => "km",
        W::Tuk => "tk",
        W::Aka => "ak",
        W::Zul => "zu",
        W::Sna => "sn",
        W::Afr => "af",
        W::Lat => "la",
        W::Slk => "sk",
        W::Cat => "ca",
        W::Tgl => "tl",
        W::Hye => "hy",
        W::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_whatlang_language_has_a_two_letter_tag() {
        for &lang in whatlang::Lang::all() {
            let tag = bcp47(lang);
            assert_eq!(tag.len(), 2, "{lang:?} → {tag}");
            assert!(tag.chars().all(|c| c.is_ascii_lowercase()));
        }
        assert_eq!(bcp47(whatlang::Lang::Pes), "fa");
        assert_eq!(bcp47(whatlang::Lang::Cmn), "zh");
        assert_eq!(bcp47(whatlang::Lang::Heb), "he");
    }

    #[test]
    fn detects_common_languages() {
        let cases = [
            (
                "en",
                "The committee met on Monday to review the annual report and approve the budget for next year.",
            ),
            (
                "ru",
                "Комитет собрался в понедельник, чтобы рассмотреть годовой отчёт и утвердить бюджет на следующий год.",
            ),
            (
                "ar",
                "اجتمعت اللجنة يوم الاثنين لمراجعة التقرير السنوي والموافقة على الميزانية للعام المقبل.",
            ),
            (
                "vi",
                "Ủy ban đã họp vào thứ Hai để xem xét báo cáo thường niên và phê duyệt ngân sách cho năm tới.",
            ),
            (
                "fr",
                "Le comité s'est réuni lundi pour examiner le rapport annuel et approuver le budget de l'année prochaine.",
            ),
            (
                "de",
                "Der Ausschuss trat am Montag zusammen, um den Jahresbericht zu prüfen und den Haushalt zu genehmigen.",
            ),
        ];
        for (want, text) in cases {
            let d = detect(text);
            assert_eq!(d.lang.as_str(), want, "{text}");
            assert!(d.confidence > 0.0 && d.confidence <= 1.0);
        }
    }

    #[test]
    fn nothing_to_detect_is_undetermined() {
        assert_eq!(detect("12345 !!!").lang, Lang::undetermined());
        assert_eq!(detect("").confidence, 0.0);
    }

    #[test]
    fn per_paragraph_detection_finds_mixed_languages() {
        let text = "Jawatankuasa itu bermesyuarat kerana kerajaan negeri mahu menyemak laporan tahunan sebelum akhir bulan ini.\n\nThe committee said the report would be published in English and Malay next month.";
        let paras = [
            0..text.find("\n\n").unwrap(),
            text.find("The").unwrap()..text.len(),
        ];
        let d = detect_paragraphs(text, &paras);
        assert_eq!(d[0].lang.as_str(), "ms");
        assert_eq!(d[1].lang.as_str(), "en");
    }

    #[test]
    fn long_text_is_sampled_on_a_char_boundary() {
        let text = "Привет мир. ".repeat(10_000);
        assert_eq!(detect(&text).lang.as_str(), "ru");
        assert!(prefix(&text, 5).len() <= 5);
    }
}
