//! What surrounds a candidate sentence end: the token before a stop, the first word after it,
//! whether a line starts a list item, and which bytes the scanner must look at.

use super::chars::{
    Case, case_of, is_bullet_glyph, is_closer, is_dash, is_format, is_opener, is_terminator,
};
use super::lists::parse_marker;

/// Bytes that may start a character the scanner acts on: ASCII stops, newline, quotes and
/// brackets, and the UTF-8 lead bytes of the non-ASCII stops, quotes and bullets (U+00AB/BB,
/// U+061F, U+06D4, U+0964, U+2000–U+2BFF, U+3000 block, full-width forms). Everything else
/// (letters, digits, spaces, continuation bytes) is skipped without decoding.
pub static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let ascii = [b'.', b'!', b'?', b'\n', b'"', b'\'', b'(', b'['];
    let mut k = 0;
    while k < ascii.len() {
        table[ascii[k] as usize] = true;
        k += 1;
    }
    let leads = [0xC2u8, 0xD8, 0xDB, 0xE0, 0xE2, 0xE3, 0xEF];
    let mut k = 0;
    while k < leads.len() {
        table[leads[k] as usize] = true;
        k += 1;
    }
    table
};

/// Start of the whitespace-delimited token ending at `end`, past opening punctuation and
/// bullets ("(Ind" → "Ind", "⁃9" → "9").
pub fn token_start(p: &str, end: usize) -> usize {
    let start = p[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let skip = p[start..end]
        .char_indices()
        .find(|&(_, c)| !(is_opener(c) || is_bullet_glyph(c) || is_format(c)))
        .map_or(end - start, |(k, _)| k);
    start + skip
}

/// The first letter or digit of the next sentence (past opening quotes, brackets and dashes)
/// and the word it begins.
pub fn next_word(next: &str) -> (char, &str) {
    for (k, c) in next.char_indices().take(12) {
        if is_opener(c) || is_dash(c) || is_format(c) || is_terminator(c) || c.is_whitespace() {
            continue;
        }
        let rest = &next[k..];
        let len = rest
            .char_indices()
            .find(|&(_, w)| !w.is_alphanumeric())
            .map_or(rest.len(), |(n, _)| n);
        return (c, &rest[..len]);
    }
    (' ', "")
}

/// The next word is itself an initial ("А. И. Семенов": "И." is not the conjunction "И").
pub fn next_is_initial(word: &str, after_dot: &str) -> bool {
    let mut chars = word.chars();
    let single_upper =
        chars.next().is_some_and(|c| case_of(c) == Case::Upper) && chars.next().is_none();
    single_upper
        && after_dot.get(1..).is_some_and(|rest| {
            rest.trim_start()
                .get(word.len()..)
                .is_some_and(|r| r.starts_with('.'))
        })
}

/// A bracketed remark that closes the paragraph ("... true! (Which was very likely so.)")
/// stays with the sentence it comments on.
pub fn closing_parenthetical(next: &str) -> bool {
    let Some(inner) = next.strip_prefix('(') else {
        return false;
    };
    let mut depth = 0usize;
    for (k, c) in inner.char_indices().take(400) {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            ')' => {
                return inner[k + 1..]
                    .trim()
                    .chars()
                    .all(|c| is_terminator(c) || is_closer(c));
            }
            '\n' => return false,
            _ => {}
        }
    }
    false
}

/// Capitalised like a sentence start: "The", "I'm", a caseless-script word; not "KG".
pub fn looks_like_start(nc: char, word: &str) -> bool {
    match case_of(nc) {
        Case::Caseless => true,
        Case::Upper => word
            .chars()
            .nth(1)
            .is_none_or(|c| case_of(c) != Case::Upper),
        _ => false,
    }
}

/// A line that begins with a bullet, a dash item or a list marker.
pub fn starts_line_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    is_bullet_glyph(c)
        || ((is_dash(c) || c == '*') && chars.next().is_some_and(char::is_whitespace))
        || parse_marker(line).is_some()
}

pub fn prev_char(p: &str, i: usize) -> Option<char> {
    p[..i].chars().next_back()
}

pub fn floor_boundary(p: &str, mut i: usize) -> usize {
    while i > 0 && !p.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_word_skips_quotes_and_dashes() {
        assert_eq!(next_word("— заявил министр"), ('з', "заявил"));
        assert_eq!(next_word("«Когда начнутся"), ('К', "Когда"));
        assert_eq!(next_word("- Posted like"), ('P', "Posted"));
    }

    #[test]
    fn token_start_skips_opening_punctuation() {
        let p = "Charles (Ind.) said";
        assert_eq!(&p[token_start(p, 12)..12], "Ind");
    }

    #[test]
    fn initials_and_closing_remarks() {
        assert!(next_is_initial("И", ". И. Семенов"));
        assert!(!next_is_initial("И", ". И вот"));
        assert!(closing_parenthetical("(Which was very likely true.)"));
        assert!(!closing_parenthetical("(Dinah was the cat.) \"I hope"));
    }

    #[test]
    fn sentence_like_words() {
        assert!(looks_like_start('T', "They"));
        assert!(!looks_like_start('K', "KG"));
        assert!(looks_like_start('و', "وأضاف"));
        assert!(starts_line_item("- item"));
        assert!(starts_line_item("2) item"));
        assert!(!starts_line_item("-5 degrees"));
    }
}
