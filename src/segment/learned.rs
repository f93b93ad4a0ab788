//! Decisions an editor taught the splitter: "never split after" / "always split after" a
//! token, learned from the split and join fixes made in the app, stored in the project file
//! and applied when a version is segmented again and to the next document of the same
//! language.
//!
//! A decision is keyed by the token before the boundary with its final punctuation, lower-cased
//! ("s.h.", "dok.", "yahoo!"), per language. Only tokens that end in a stop are learned: a
//! split after a word without punctuation (a heading run into its text) says nothing general.

use serde::{Deserialize, Serialize};

use super::chars::{is_closer, is_format, is_opener, is_terminator};

/// Longest token (characters, without its punctuation) learned from a join: longer words
/// are ordinary words that an editor joined for the alignment's sake, not abbreviations.
const MAX_JOIN_TOKEN: usize = 6;

/// Longest token (bytes) a decision is learned for.
const MAX_KEY_BYTES: usize = 64;

/// One learned decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnedToken {
    /// Language (primary subtag, e.g. "id").
    pub lang: String,
    /// The token with its final punctuation, lower-cased ("s.h.").
    pub token: String,
    /// True: always split after the token; false: never.
    pub split: bool,
}

/// The per-project list of learned decisions, newest last; a later decision for the same
/// token and language replaces the earlier one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LearnedRules {
    /// The decisions.
    pub tokens: Vec<LearnedToken>,
}

impl LearnedRules {
    /// True if nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Records a decision for the token ending `before` (the text up to the boundary).
    /// Returns the key learned, or `None` when the token is not one to learn from.
    pub fn record(&mut self, lang: &str, before: &str, split: bool) -> Option<String> {
        let key = learn_key(before)?;
        if !split {
            let letters = key.chars().filter(|c| c.is_alphanumeric()).count();
            let dotted = key.trim_end_matches(is_terminator).contains('.');
            if letters > MAX_JOIN_TOKEN && !dotted {
                return None;
            }
        }
        self.tokens.retain(|t| !(t.lang == lang && t.token == key));
        self.tokens.push(LearnedToken {
            lang: lang.to_string(),
            token: key.clone(),
            split,
        });
        Some(key)
    }

    /// The decisions for `lang`, oldest first.
    pub fn for_lang<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = &'a LearnedToken> {
        self.tokens.iter().filter(move |t| t.lang == lang)
    }
}

/// The learning key of the token that ends `before`: its last whitespace-separated token
/// without leading quotes or brackets, lower-cased, if it ends in a stop (optionally followed
/// by closing quotes). `None` otherwise.
pub fn learn_key(before: &str) -> Option<String> {
    let trimmed = before.trim_end();
    // Look at the last bytes only: a token longer than that is never learned.
    let mut from = trimmed.len().saturating_sub(MAX_KEY_BYTES + 1);
    while !trimmed.is_char_boundary(from) {
        from += 1;
    }
    let tail = &trimmed[from..];
    let tok = tail.rsplit(char::is_whitespace).next()?;
    if tok.len() == tail.len() && from > 0 {
        return None;
    }
    let tok = tok.trim_start_matches(|c| is_opener(c) || is_format(c));
    let body = tok.trim_end_matches(|c| is_closer(c) || is_format(c));
    if !body.chars().next_back().is_some_and(is_terminator)
        || !body.chars().any(char::is_alphanumeric)
        || tok.len() > MAX_KEY_BYTES
    {
        return None;
    }
    Some(tok.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_the_final_punctuation() {
        assert_eq!(learn_key("kata Budi, S.H.").as_deref(), Some("s.h."));
        assert_eq!(learn_key("Foto: Dok. ").as_deref(), Some("dok."));
        assert_eq!(learn_key("bei Yahoo!").as_deref(), Some("yahoo!"));
        assert_eq!(learn_key("Judul tanpa titik"), None);
        assert_eq!(learn_key("..."), None);
    }

    #[test]
    fn later_decisions_replace_earlier_ones() {
        let mut l = LearnedRules::default();
        assert!(l.record("id", "Dok.", false).is_some());
        assert!(l.record("id", "Dok.", true).is_some());
        assert_eq!(l.tokens.len(), 1);
        assert!(l.tokens[0].split);
        assert_eq!(l.record("de", "die Versammlung.", false), None);
    }
}
