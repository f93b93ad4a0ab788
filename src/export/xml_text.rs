//! Text that XML 1.0 can carry.

use std::borrow::Cow;

/// Replaces characters XML 1.0 forbids (C0 controls except tab, line feed and carriage return;
/// U+FFFE and U+FFFF) with a space, so that strict readers accept the file.
///
/// Escaping of `&`, `<`, quotes and carriage returns is left to quick-xml.
pub(crate) fn xml_safe(text: &str) -> Cow<'_, str> {
    let forbidden = |c: char| {
        (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if text.contains(forbidden) {
        Cow::Owned(text.replace(forbidden, " "))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_allowed_whitespace_and_replaces_controls() {
        assert_eq!(xml_safe("a\tb\nc\r"), "a\tb\nc\r");
        assert_eq!(xml_safe("a\u{1}b\u{c}c\u{FFFF}"), "a b c ");
        assert!(matches!(xml_safe("plain ✓ عربي"), Cow::Borrowed(_)));
    }
}
