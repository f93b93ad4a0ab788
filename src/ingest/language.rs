//! Language detection (minimal first version: whatlang only; being extended).

use crate::model::Lang;

/// A detected language and how sure the detector is.
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    /// The language.
    pub lang: Lang,
    /// Confidence in 0..=1.
    pub confidence: f64,
}

/// Detects the language of a text.
pub fn detect(text: &str) -> Detection {
    match whatlang::detect(text) {
        Some(info) => Detection {
            lang: Lang::new(&info.lang().code()[..2]),
            confidence: info.confidence(),
        },
        None => Detection {
            lang: Lang::undetermined(),
            confidence: 0.0,
        },
    }
}
