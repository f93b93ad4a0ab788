//! The scanner at line breaks: wrapped headings and list items that go on in the next line.

use crate::segment::chars::{Case, case_of, is_closer, is_format, is_terminator};
use crate::segment::context::{next_word, starts_line_item};

use super::Scanner;

/// Shortest first line (characters) of a title-case headline wrapped over two lines: shorter
/// title-case lines are items of their own ("Attachment A").
const MIN_WRAPPED_TITLE: usize = 40;
/// Longest second line (characters) of a heading wrapped over two lines.
const MAX_HEADING_LINE: usize = 60;

/// Title case: at least two capitalised words and no lower-case word of four or more letters
/// ("Key Tasks for 2024").
fn title_case(line: &str) -> bool {
    let mut upper = 0;
    for w in line.split_whitespace() {
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            continue;
        };
        match case_of(first) {
            Case::Upper => upper += 1,
            Case::Lower if letters.count() >= 3 => return false,
            _ => {}
        }
    }
    upper >= 2
}

impl Scanner<'_, '_> {
    pub(super) fn on_newline(&mut self, i: usize) {
        let line = &self.p[self.seg_start..i];
        let Some(last) = line.trim_end().chars().next_back() else {
            return;
        };
        let mut has_final = is_terminator(last);
        if !has_final && (is_closer(last) || is_format(last)) {
            let body = line
                .trim_end()
                .trim_end_matches(|c| is_closer(c) || is_format(c));
            has_final = body.chars().next_back().is_some_and(is_terminator);
        }
        if !has_final && !self.line_continues(line, i) {
            self.cut(i);
        }
    }

    /// A line without final punctuation that goes on in the next line: a wrapped heading whose
    /// next line is not capitalised, or whose line ends in a comma, a hyphen or a preposition
    /// or conjunction of the language. A list item on the next line always starts anew.
    pub(super) fn line_continues(&self, line: &str, newline: usize) -> bool {
        let next = self.p[newline + 1..].trim_start();
        if next.is_empty() || starts_line_item(next) {
            return false;
        }
        // Only the last line of the segment (a segment may span many continued lines).
        let line = line.trim_end();
        let line = line.rsplit('\n').next().unwrap_or(line);
        if line.ends_with([',', '-', '‐', '¬']) {
            return true;
        }
        // A short lower-case second line under a line that starts like a heading.
        let (nc, _) = next_word(next);
        let next_line = next.split('\n').next().unwrap_or("");
        let first_upper = line
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| case_of(c) != Case::Lower);
        if case_of(nc) == Case::Lower
            && next.starts_with(nc)
            && first_upper
            && next_line.chars().count() <= MAX_HEADING_LINE
        {
            return true;
        }
        let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
        if last != line && self.rules.is_continuation(last) {
            return true;
        }
        // "Party Committee Reviews Work in 2023 and Sets\nKey Tasks for 2024": a long
        // title-case headline wrapped onto a title-case line without final punctuation.
        let next_end = next_line.trim_end();
        line.chars().count() >= MIN_WRAPPED_TITLE
            && next_end.starts_with(char::is_alphabetic)
            && title_case(line)
            && title_case(next_end)
            && !next_end.chars().next_back().is_some_and(is_terminator)
    }
}
