//! Character classes the sentence scanner needs: sentence terminators, closing and opening
//! punctuation, bullets, invisible format characters, and letter case.
//!
//! The terminator and closer sets follow the Unicode UAX #29 `STerm`/`ATerm`/`Close` classes
//! for the scripts Alinea supports (Latin, Cyrillic, Arabic, CJK full-width forms).

/// True for characters that can end a sentence: `. ! ? …`, Arabic `؟` and `۔`, full-width
/// and ideographic stops, and the double marks `‼ ⁇ ⁈ ⁉`.
pub fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '؟'
            | '۔'
            | '。'
            | '．'
            | '！'
            | '？'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '।'
    )
}

/// True for terminators that end a sentence even without a following space (CJK usage).
pub fn is_fullwidth_terminator(c: char) -> bool {
    matches!(c, '。' | '．' | '！' | '？')
}

/// True for punctuation that may follow a terminator and still belongs to its sentence:
/// closing brackets and quotation marks.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '»'
            | '”'
            | '“'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '›'
            | '」'
            | '』'
            | '〉'
            | '》'
            | '）'
            | '］'
    )
}

/// True for punctuation that opens a quotation or bracket (skipped when looking at the first
/// letter of the next sentence).
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '«'
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '"'
            | '\''
            | '‹'
            | '「'
            | '『'
            | '（'
            | '［'
            | '¿'
            | '¡'
    )
}

/// The closing mark that pairs with an opening quotation mark or bracket, if `c` opens one.
pub fn closing_pair(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '«' => '»',
        '“' => '”',
        '‘' => '’',
        '„' => '“',
        '‚' => '‘',
        '"' => '"',
        '\'' => '\'',
        '‹' => '›',
        '「' => '」',
        '『' => '』',
        '（' => '）',
        _ => return None,
    })
}

/// True for dashes that may introduce a line or a parenthetical (`-`, `--`, `–`, `—`).
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―')
}

/// True for bullet glyphs that start a list item wherever they appear after a space.
pub fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '✓'
            | '✔'
    )
}

/// True for invisible format characters (bidi embeddings and marks, zero-width joiners)
/// that the scanner looks through.
pub fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The case of a letter as far as sentence starts are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// An upper-case (or title-case) letter.
    Upper,
    /// A lower-case letter.
    Lower,
    /// A letter of a script without case (Arabic, CJK, Thai, ...).
    Caseless,
    /// A decimal digit.
    Digit,
    /// Anything else.
    Other,
}

/// Classifies `c` by case.
pub fn case_of(c: char) -> Case {
    if c.is_ascii() {
        return match c {
            'A'..='Z' => Case::Upper,
            'a'..='z' => Case::Lower,
            '0'..='9' => Case::Digit,
            _ => Case::Other,
        };
    }
    if c.is_uppercase() {
        Case::Upper
    } else if c.is_lowercase() {
        Case::Lower
    } else if c.is_alphabetic() {
        Case::Caseless
    } else if c.is_numeric() {
        Case::Digit
    } else {
        Case::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_scripts() {
        assert!(is_terminator('؟'));
        assert!(!is_terminator('،'));
        assert!(!is_terminator('؛'));
        assert_eq!(case_of('Đ'), Case::Upper);
        assert_eq!(case_of('ễ'), Case::Lower);
        assert_eq!(case_of('ق'), Case::Caseless);
        assert_eq!(case_of('Ж'), Case::Upper);
        assert_eq!(case_of('٣'), Case::Digit);
        assert!(is_format('\u{202A}'));
        assert!(is_closer('»'));
        assert_eq!(closing_pair('«'), Some('»'));
    }
}
