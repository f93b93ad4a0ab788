//! Builds a document text paragraph by paragraph (for formats whose text is extracted, not
//! kept byte for byte: HTML, DOCX, Markdown).

use std::ops::Range;

/// Accumulates paragraphs separated by a blank line, recording each one's byte range.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    paragraphs: Vec<Range<usize>>,
}

impl TextBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends one paragraph: inner whitespace runs collapse to one space (line breaks are
    /// kept as `\n`), edges are trimmed; empty paragraphs are skipped.
    pub fn push_paragraph(&mut self, raw: &str) {
        let cleaned = collapse_whitespace(raw);
        if cleaned.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(&cleaned);
        self.paragraphs.push(start..self.text.len());
    }

    /// The text and the paragraph ranges.
    pub fn finish(self) -> (String, Vec<Range<usize>>) {
        (self.text, self.paragraphs)
    }
}

/// Collapses runs of whitespace: a run containing a newline becomes `\n`, others one space.
fn collapse_whitespace(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending: Option<char> = None;
    for c in raw.chars() {
        // No-break space is kept as a space; zero-width characters pass through.
        if c.is_whitespace() {
            let sep = if c == '\n' { '\n' } else { ' ' };
            pending = Some(match pending {
                Some('\n') => '\n',
                _ => sep,
            });
            continue;
        }
        if let Some(sep) = pending.take()
            && !out.is_empty()
        {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_separated_and_ranged() {
        let mut b = TextBuilder::new();
        b.push_paragraph("  First   one. ");
        b.push_paragraph(" \n\t ");
        b.push_paragraph("Second\n  line");
        let (text, paras) = b.finish();
        assert_eq!(text, "First one.\n\nSecond\nline");
        assert_eq!(&text[paras[0].clone()], "First one.");
        assert_eq!(&text[paras[1].clone()], "Second\nline");
    }
}
