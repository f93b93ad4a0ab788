//! List markers ("1.", "2)", "a.", "(iv)", "b.)"): recognising them and finding the next item
//! of a run-together list ("1. The first item 2. The second item").

/// How a marker is punctuated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// `1.`
    Dot,
    /// `1.)`
    DotParen,
    /// `1)`
    Paren,
    /// `(1)`
    Enclosed,
}

/// A list marker at the start of a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker<'a> {
    body: &'a str,
    style: Style,
    /// Byte length of the marker including its punctuation.
    pub len: usize,
}

/// Parses a list marker at the start of `s`; it must be followed by whitespace.
pub fn parse_marker(s: &str) -> Option<Marker<'_>> {
    let (enclosed, rest) = match s.strip_prefix('(') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let body_len = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    let body = &rest[..body_len];
    if !is_marker_body(body) {
        return None;
    }
    let after = &rest[body_len..];
    let (style, punct) = if enclosed {
        (Style::Enclosed, if after.starts_with(')') { 1 } else { 0 })
    } else if after.starts_with(".)") {
        (Style::DotParen, 2)
    } else if after.starts_with('.') {
        (Style::Dot, 1)
    } else if after.starts_with(')') {
        (Style::Paren, 1)
    } else {
        (Style::Dot, 0)
    };
    if punct == 0 {
        return None;
    }
    let len = usize::from(enclosed) + body_len + punct;
    let next = s[len..].chars().next()?;
    if !next.is_whitespace() {
        return None;
    }
    Some(Marker { body, style, len })
}

fn is_marker_body(body: &str) -> bool {
    if body.is_empty() {
        return false;
    }
    if body.bytes().all(|b| b.is_ascii_digit()) {
        return body.len() <= 3;
    }
    let mut chars = body.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    roman_value(body).is_some()
}

fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 5 {
        return None;
    }
    let lower = s.bytes().all(|b| b.is_ascii_lowercase());
    let upper = s.bytes().all(|b| b.is_ascii_uppercase());
    if !lower && !upper {
        return None;
    }
    let digit = |b: u8| match b.to_ascii_lowercase() {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = s.bytes().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    let total = u32::try_from(total).ok()?;
    (to_roman(total, lower) == s).then_some(total)
}

fn to_roman(mut n: u32, lower: bool) -> String {
    let table = [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    if lower { out.to_lowercase() } else { out }
}

impl Marker<'_> {
    /// The markers that would follow this one (a letter marker "i" may be followed by "j" or,
    /// read as a Roman numeral, by "ii").
    fn successors(&self) -> Vec<String> {
        let mut bodies = Vec::new();
        if let Ok(n) = self.body.parse::<u32>() {
            bodies.push((n + 1).to_string());
        } else {
            let mut chars = self.body.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && let Some(next) = char::from_u32(c as u32 + 1)
                && next.is_alphabetic()
            {
                bodies.push(next.to_string());
            }
            if let Some(v) = roman_value(self.body) {
                let lower = self.body.bytes().all(|b| b.is_ascii_lowercase());
                bodies.push(to_roman(v + 1, lower));
            }
        }
        bodies
            .into_iter()
            .map(|b| match self.style {
                Style::Dot => format!("{b}."),
                Style::DotParen => format!("{b}.)"),
                Style::Paren => format!("{b})"),
                Style::Enclosed => format!("({b})"),
            })
            .collect()
    }
}

/// Finds the first successor marker of `marker` in `text[from..limit]` that stands between
/// whitespace, returning its byte position.
pub fn find_successor(marker: &Marker<'_>, text: &str, from: usize, limit: usize) -> Option<usize> {
    let hay = text.get(from..limit)?;
    let mut best: Option<usize> = None;
    for succ in marker.successors() {
        let mut start = 0;
        while let Some(found) = hay[start..].find(&succ) {
            let pos = start + found;
            let before_ok = hay[..pos]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
            let after_ok = hay[pos + succ.len()..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace);
            if before_ok && after_ok {
                best = Some(best.map_or(from + pos, |b: usize| b.min(from + pos)));
                break;
            }
            start = pos + succ.len();
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_marker_styles() {
        assert_eq!(parse_marker("1. The").map(|m| m.len), Some(2));
        assert_eq!(parse_marker("12.) The").map(|m| m.len), Some(4));
        assert_eq!(parse_marker("(iv) x").map(|m| m.len), Some(4));
        assert_eq!(parse_marker("b) x").map(|m| m.len), Some(2));
        assert!(parse_marker("1)рыбу").is_none());
        assert!(parse_marker("2024. The").is_none());
        assert!(parse_marker("word. x").is_none());
    }

    #[test]
    fn successors_follow_numbers_letters_and_roman() {
        let m = parse_marker("9. x").expect("marker");
        assert_eq!(m.successors(), vec!["10."]);
        let m = parse_marker("(iii) x").expect("marker");
        assert_eq!(m.successors(), vec!["(iv)"]);
        let m = parse_marker("i) x").expect("marker");
        assert_eq!(m.successors(), vec!["j)", "ii)"]);
        let text = "1. The first item 2. The second item";
        let m = parse_marker(text).expect("marker");
        assert_eq!(find_successor(&m, text, 2, text.len()), Some(18));
    }
}
