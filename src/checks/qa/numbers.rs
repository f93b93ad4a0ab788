//! Numbers in a sentence, as comparable values whatever the locale writes.
//!
//! Arabic-Indic (٠–٩) and Persian (۰–۹) digits become ASCII; the Arabic decimal and thousands
//! separators (٫ ٬) too. Groups joined by `,` `.` `'` or a (narrow, no-break) space are one
//! number: when two kinds of separator appear the last is the decimal mark (1,000.5 = 1.000,5 =
//! 1 000,5); one kind repeated is thousands (1,000,000); a single `,` or `.` before exactly three
//! digits is thousands too (1,000 = 1.000), otherwise a decimal mark (1.5 = 1,5).

/// The numbers of `text` in canonical form ("1000.5", "2020"), in order.
pub fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().map(ascii_digit).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut groups = vec![String::new()];
        let mut seps: Vec<char> = Vec::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                if let Some(g) = groups.last_mut() {
                    g.push(c);
                }
                i += 1;
                continue;
            }
            let next_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
            let space = matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
            let sep = matches!(c, ',' | '.' | '\'' | '٫' | '٬') || space;
            if !(sep && next_digit) {
                break;
            }
            if space {
                let run = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                let last_len = groups.last().map_or(0, String::len);
                if run != 3 || last_len > 3 {
                    break;
                }
            }
            seps.push(c);
            groups.push(String::new());
            i += 1;
        }
        out.extend(canonical(&groups, &seps));
    }
    out
}

fn ascii_digit(c: char) -> char {
    match c {
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        other => other,
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// One number, or the groups as separate numbers when they are not thousands groups (a date
/// such as 30.06.2025).
fn canonical(groups: &[String], seps: &[char]) -> Vec<String> {
    let mixed = seps.iter().any(|s| Some(s) != seps.last());
    let inner_end = if mixed {
        groups.len() - 1
    } else {
        groups.len()
    };
    let grouped = groups[1..inner_end].iter().all(|g| g.len() == 3);
    if seps.len() >= 2 && !grouped {
        return groups.iter().map(|g| value(g, "")).collect();
    }
    let decimal_at = match seps {
        [] => None,
        [.., last] if seps.iter().any(|s| s != last) => Some(seps.len() - 1),
        [only] => {
            let after = groups.get(1).map_or(0, String::len);
            let before = &groups[0];
            let thousands = is_space(*only)
                || *only == '\''
                || *only == '٬'
                || (after == 3 && before.len() <= 3 && !before.starts_with('0'));
            (!thousands).then_some(0)
        }
        _ => None,
    };
    let (int, frac): (String, String) = match decimal_at {
        Some(d) => (groups[..=d].concat(), groups[d + 1..].concat()),
        None => (groups.concat(), String::new()),
    };
    vec![value(&int, &frac)]
}

/// "007", "50" → "7.5"; trailing zeros of the fraction dropped.
fn value(int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::numbers;

    #[test]
    fn locale_formats_agree() {
        for text in ["1,000.5", "1.000,5", "1 000,5", "1\u{202f}000,5", "١٬٠٠٠٫٥"] {
            assert_eq!(numbers(text), vec!["1000.5"], "{text}");
        }
        assert_eq!(numbers("1,000"), numbers("1.000"));
        assert_eq!(numbers("1.5%"), numbers("1,5 %"));
        assert_eq!(numbers("۲۰۲۰"), vec!["2020"]);
        assert_eq!(numbers("In 2020, 15 cities."), vec!["2020", "15"]);
        assert_eq!(numbers("2,5 million and 3 000 000"), vec!["2.5", "3000000"]);
        assert_eq!(numbers("30.6.2025"), vec!["30", "6", "2025"]);
    }
}
