//! Language tags: [`Lang`], a normalised BCP 47 tag, used by every module that keys rules or
//! data by language (segmentation, glossaries, mining, exports). Re-exported as `model::Lang`.

use serde::{Deserialize, Serialize};

/// A BCP 47 language tag, normalised to lower case ("vi", "ms", "ar", "zh-hant").
///
/// `und` stands for "undetermined" when detection failed and the user has not chosen.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// Builds a tag from any spelling ("AR", "ar_EG", " ru "); separators become `-`.
    pub fn new(code: &str) -> Self {
        let code = code.trim().replace('_', "-").to_ascii_lowercase();
        if code.is_empty() {
            Self::undetermined()
        } else {
            Lang(code)
        }
    }

    /// The "undetermined" tag, used when the language is unknown.
    pub fn undetermined() -> Self {
        Lang("und".to_string())
    }

    /// The tag as written in files ("ar", "pt-br").
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary subtag ("pt" for "pt-br"): what language-specific rules are keyed by.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// True for languages written right to left (Arabic, Persian, Urdu, Hebrew, ...).
    pub fn is_rtl(&self) -> bool {
        matches!(
            self.primary(),
            "ar" | "fa" | "ur" | "he" | "iw" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb"
        )
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_normalises_and_knows_rtl() {
        assert_eq!(Lang::new(" AR_eg ").as_str(), "ar-eg");
        assert_eq!(Lang::new("ar-eg").primary(), "ar");
        assert!(Lang::new("ar").is_rtl());
        assert!(Lang::new("he").is_rtl());
        assert!(!Lang::new("ru").is_rtl());
        assert_eq!(Lang::new("").as_str(), "und");
    }
}
