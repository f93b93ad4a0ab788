//! Paragraph boundaries in plain text.
//!
//! Two layouts occur in practice: paragraphs separated by blank lines (possibly hard-wrapped
//! over several lines), and one paragraph per line with no blank lines at all (what most
//! word processors and web pages give when copied). Rules:
//! - no blank line in the text → every non-empty line is a paragraph;
//! - otherwise each blank-line block is one paragraph, unless its lines look like separate
//!   paragraphs themselves: a line longer than [`LONG_LINE`] characters (nobody hard-wraps
//!   that wide), most lines ending a sentence, or list items / headings.

use std::ops::Range;

/// A line this long (in characters) is a paragraph written on one line, not a wrapped one.
pub const LONG_LINE: usize = 120;

/// Paragraph byte ranges of `text` (which uses `\n` line endings), trimmed, in order.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let lines = trimmed_lines(text);
    let has_blank_separator = lines
        .windows(2)
        .any(|w| matches!((&w[0], &w[1]), (Some(_), None)))
        && lines.iter().flatten().count() > 1;
    let mut out = Vec::new();
    if !has_blank_separator {
        out.extend(lines.into_iter().flatten());
        return out;
    }
    for block in lines.split(|l| l.is_none()) {
        let block: Vec<Range<usize>> = block.iter().flatten().cloned().collect();
        let (Some(first), Some(last)) = (block.first(), block.last()) else {
            continue;
        };
        if block.len() > 1 && lines_are_paragraphs(text, &block) {
            out.extend(block);
        } else {
            out.push(first.start..last.end);
        }
    }
    out
}

/// Each line's trimmed byte range, or `None` for a blank line.
fn trimmed_lines(text: &str) -> Vec<Option<Range<usize>>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.push(None);
        } else {
            let start = offset + (line.len() - line.trim_start().len());
            out.push(Some(start..start + trimmed.len()));
        }
        offset += line.len();
    }
    out
}

/// True if the lines of a block are separate paragraphs rather than one wrapped paragraph.
fn lines_are_paragraphs(text: &str, block: &[Range<usize>]) -> bool {
    let lines: Vec<&str> = block.iter().filter_map(|r| text.get(r.clone())).collect();
    if lines.iter().any(|l| l.chars().count() > LONG_LINE) {
        return true;
    }
    if lines.iter().skip(1).all(|l| is_list_item_or_heading(l)) {
        return true;
    }
    let inner = &lines[..lines.len() - 1];
    let ending = inner.iter().filter(|l| ends_sentence(l)).count();
    ending * 2 > inner.len()
}

/// True if the line ends with sentence-final punctuation (Latin, Arabic, CJK, Devanagari...).
fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', ')', ']', '»', '”', '’', '*']);
    trimmed.ends_with([
        '.', '!', '?', ':', '…', '؟', '۔', '。', '！', '？', '।', '؛',
    ])
}

/// True for Markdown-style list items and headings ("- x", "1. x", "# x").
fn is_list_item_or_heading(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['-', '*', '+', '•', '–', '#']) {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(['.', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn blank_lines_separate_wrapped_paragraphs() {
        let text = "  First paragraph is\nwrapped over two lines\n\n\nSecond one.\n";
        let p = split_paragraphs(text);
        assert_eq!(
            texts(text, &p),
            ["First paragraph is\nwrapped over two lines", "Second one."]
        );
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let text = "Title\nFirst line. Two sentences.\n  Second line  \nThird\n";
        assert_eq!(
            texts(text, &split_paragraphs(text)),
            [
                "Title",
                "First line. Two sentences.",
                "Second line",
                "Third"
            ]
        );
    }

    #[test]
    fn sentence_lines_inside_blocks_are_split() {
        let text = "Heading\n\nOne ends here.\nTwo ends here.\nThree ends here.\n";
        assert_eq!(
            texts(text, &split_paragraphs(text)),
            [
                "Heading",
                "One ends here.",
                "Two ends here.",
                "Three ends here."
            ]
        );
    }

    #[test]
    fn list_items_are_paragraphs() {
        let text = "Intro\n\n- apples\n- pears\n";
        assert_eq!(
            texts(text, &split_paragraphs(text)),
            ["Intro", "- apples", "- pears"]
        );
    }

    #[test]
    fn ranges_are_ordered_and_trimmed() {
        let text = "\n\n a \n\n b\n c \n";
        let p = split_paragraphs(text);
        for w in p.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        for r in &p {
            let s = &text[r.clone()];
            assert_eq!(s, s.trim());
        }
    }
}
