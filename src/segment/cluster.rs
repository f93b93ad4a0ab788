//! Terminator clusters: a sentence-ending mark with the closing quotes, brackets, further
//! marks, footnote references and citation numbers that belong to it (`.”`, `?»`, `!?`, `.)`,
//! `.[12]`, `. . .`, `.11 12`).

use super::chars::{Case, case_of, is_closer, is_format, is_fullwidth_terminator, is_terminator};

/// One terminator cluster found at a terminator character.
#[derive(Clone, Debug, Default)]
pub struct Cluster {
    /// Byte position just past the cluster (where the sentence would end).
    pub end: usize,
    /// The cluster is a single `.` (possibly with invisible format characters) and nothing else.
    pub only_dot: bool,
    /// The cluster starts with `.` (so the word before it may be an abbreviation).
    pub starts_with_dot: bool,
    /// The cluster is an ellipsis (`…`, `..`, `...`, or spaced dots).
    pub ellipsis: bool,
    /// Number of dots of a spaced ellipsis (`. . .` is 3), 0 otherwise.
    pub spaced_dots: usize,
    /// Contains a full-width/ideographic terminator, which needs no following space.
    pub fullwidth: bool,
    /// The last terminator character of the cluster.
    pub last_terminator: char,
    /// A decision made while parsing (spaced-ellipsis convention, citation numbers).
    pub forced: Option<bool>,
}

/// Parses the cluster that starts with the terminator at byte `i` of `p`.
pub fn parse(p: &str, i: usize) -> Cluster {
    let bytes = p.as_bytes();
    if bytes[i] == b'.'
        && let Some(cl) = spaced_ellipsis(p, i)
    {
        return cl;
    }
    let mut cl = Cluster {
        starts_with_dot: bytes[i] == b'.',
        ..Cluster::default()
    };
    let mut j = i;
    let mut dots = 0;
    let mut closers = false;
    let mut terminators = 0;
    for c in p[i..].chars() {
        if is_terminator(c) {
            terminators += 1;
            cl.last_terminator = c;
            match c {
                '.' => dots += 1,
                '…' => cl.ellipsis = true,
                _ => {}
            }
            cl.fullwidth |= is_fullwidth_terminator(c);
        } else if is_closer(c) || (c == '«' && terminators > 0 && ends_token(p, j + 2)) {
            // `»Ja.« Dann`: German quotes the other way round.
            closers = true;
        } else if !is_format(c) {
            break;
        }
        j += c.len_utf8();
    }
    // French spacing: `Tu viens ? » demanda-t-il`, the closing guillemet after a space.
    if terminators > 0
        && let Some(len) = spaced_guillemet(&p[j..])
    {
        j += len;
        closers = true;
    }
    cl.ellipsis |= dots >= 2;
    // Footnote references attached to the stop: ".[1]", ".[7][8]".
    while let Some(len) = footnote_len(&p[j..]) {
        j += len;
        closers = true;
    }
    cl.only_dot = terminators == 1 && dots == 1 && !closers;
    cl.end = j;
    if cl.only_dot
        && let Some(end) = citation_end(p, i, j)
    {
        cl.end = end;
        cl.forced = Some(true);
    }
    cl
}

/// `. . .` (three or more single dots separated by single spaces).
fn spaced_ellipsis(p: &str, i: usize) -> Option<Cluster> {
    let bytes = p.as_bytes();
    let single = |k: usize| bytes.get(k + 1) != Some(&b'.');
    if !single(i) {
        return None;
    }
    let mut k = i;
    let mut dots = 1;
    while bytes.get(k + 1) == Some(&b' ') && bytes.get(k + 2) == Some(&b'.') && single(k + 2) {
        k += 2;
        dots += 1;
    }
    if dots < 3 {
        return None;
    }
    let mut end = k + 1;
    for c in p[end..].chars() {
        if is_closer(c) || is_format(c) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let attached = p[..i]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    // "compounds. . . . The": a period ends the sentence, the ellipsis opens the next one.
    if attached && dots == 4 && next_word_is_upper(&p[end..]) {
        return Some(Cluster {
            end: i + 1,
            starts_with_dot: true,
            last_terminator: '.',
            forced: Some(true),
            ..Cluster::default()
        });
    }
    Some(Cluster {
        end,
        starts_with_dot: true,
        ellipsis: true,
        spaced_dots: dots,
        last_terminator: '.',
        ..Cluster::default()
    })
}

/// Length of ` »` (a space, a no-break space or a narrow no-break space, then `»` or `›`)
/// at the start of `s`.
fn spaced_guillemet(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, space) = chars.next()?;
    if !matches!(space, ' ' | '\u{A0}' | '\u{202F}') {
        return None;
    }
    let (k, close) = chars.next()?;
    if !matches!(close, '»' | '›') {
        return None;
    }
    let end = k + close.len_utf8();
    ends_token(s, end).then_some(end)
}

/// True if position `k` of `p` is the end of the text or whitespace or punctuation follows.
fn ends_token(p: &str, k: usize) -> bool {
    p.get(k..)
        .is_none_or(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

fn next_word_is_upper(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    trimmed.len() < rest.len()
        && trimmed
            .chars()
            .next()
            .is_some_and(|c| case_of(c) == Case::Upper)
}

/// Length of a footnote reference such as `[12]` or `[2–11]` at the start of `s`.
fn footnote_len(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('[')?;
    let close = inner.find(']')?;
    let body = &inner[..close];
    let ok = !body.is_empty()
        && body.len() <= 12
        && body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | ' '));
    ok.then_some(close + 2)
}

/// Citation numbers glued to a period after a word: "consultation.11 12 Take" ends after "12".
fn citation_end(p: &str, dot: usize, after: usize) -> Option<usize> {
    let before = p[..dot].chars().next_back()?;
    if !(before.is_alphabetic() || before == ')' || before == ']') {
        return None;
    }
    let bytes = p.as_bytes();
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let n = digits(after);
    if n == 0 || n > 3 {
        return None;
    }
    let mut end = after + n;
    loop {
        if bytes.get(end) != Some(&b' ') {
            break;
        }
        let m = digits(end + 1);
        let follows_space = bytes.get(end + 1 + m).is_some_and(u8::is_ascii_whitespace);
        if m == 0 || m > 3 || !follows_space {
            break;
        }
        end += 1 + m;
    }
    next_word_is_upper(&p[end..]).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closers_and_footnotes_join_the_cluster() {
        let p = "Он сказал: «Не видали маму?». Дальше";
        let i = p.find('?').expect("?");
        assert_eq!(&p[parse(p, i).end..], " Дальше");
        let p = "martyr.[1] The";
        assert_eq!(parse(p, 6).end, 10);
    }

    #[test]
    fn spaced_ellipsis_and_citations() {
        let p = "weakened . . . was";
        let cl = parse(p, 9);
        assert_eq!(cl.spaced_dots, 3);
        let p = "in a consultation.11 12 Take the";
        let cl = parse(p, 17);
        assert_eq!(&p[..cl.end], "in a consultation.11 12");
        assert_eq!(cl.forced, Some(true));
    }
}
