//! Numbers as anchors: digits of any script (ASCII, Arabic-Indic, Persian) with thousands
//! separators and decimal marks read by convention, so `40,000` = `40.000` = `40 000` =
//! `٤٠٬٠٠٠` and `3,5` = `3.5`; dates `30.06.2025` / `30/6/2025` become their parts; month
//! names in the languages we serve become month numbers.
//!
//! Ambiguity: `1.234` is read as one thousand two hundred and thirty-four in every language
//! (the reading of vi/ru/id/ms; an English decimal with three places is rare in reports).

/// Decimal value of a digit in any of the scripts our versions use.
fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8),
        _ => None,
    }
}

fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{066C}' | '\u{066B}' | '\''
    )
}

/// Finds numbers in `text` and returns them normalised ("40000", "3.5").
pub fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit_value(chars[i]).is_none() {
            i += 1;
            continue;
        }
        // Groups of digits and the separators between them.
        let mut groups: Vec<String> = Vec::new();
        let mut seps: Vec<char> = Vec::new();
        loop {
            let mut g = String::new();
            while let Some(d) = chars.get(i).and_then(|&c| digit_value(c)) {
                g.push((b'0' + d) as char);
                i += 1;
            }
            groups.push(g);
            let (Some(&sep), Some(&next)) = (chars.get(i), chars.get(i + 1)) else {
                break;
            };
            if is_group_separator(sep) && digit_value(next).is_some() {
                // A space only groups thousands when exactly three digits follow.
                let run = chars[i + 1..]
                    .iter()
                    .take_while(|&&c| digit_value(c).is_some())
                    .count();
                if matches!(sep, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}') && run != 3 {
                    break;
                }
                seps.push(sep);
                i += 1;
            } else {
                break;
            }
        }
        join_number(&groups, &seps, &mut out);
    }
    out
}

/// Reads digit groups: when every inner group has three digits the separators group
/// thousands and a last group of another length is the decimal part ("1.234.567,8",
/// "3,5"); otherwise (dates such as "30.06.2025") each group is a number of its own.
fn join_number(groups: &[String], seps: &[char], out: &mut Vec<String>) {
    let Some(last) = groups.last() else {
        return;
    };
    let inner_thousands =
        groups.len() > 2 && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3);
    if groups.len() > 2 && !inner_thousands {
        for g in groups {
            out.push(trim_zeros(g));
        }
        return;
    }
    let decimal = match seps.last() {
        Some('\u{066B}') => true,
        Some(',') | Some('.') => last.len() != 3,
        _ => false,
    };
    let int_groups = if decimal {
        &groups[..groups.len() - 1]
    } else {
        groups
    };
    let mut s = trim_zeros(&int_groups.concat());
    if decimal {
        s.push('.');
        s.push_str(last);
    }
    out.push(s);
}

fn trim_zeros(digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Month number of a month name in the languages we serve (English, Russian, Malay,
/// Indonesian, Arabic), or `None`.
pub fn month_number(word_lower: &str) -> Option<u8> {
    const MONTHS: [&[&str]; 12] = [
        &[
            "january",
            "январь",
            "января",
            "январе",
            "januari",
            "يناير",
            "كانون الثاني",
        ],
        &[
            "february",
            "февраль",
            "февраля",
            "феврале",
            "februari",
            "فبراير",
        ],
        &["march", "март", "марта", "марте", "mac", "maret", "مارس"],
        &["april", "апрель", "апреля", "апреле", "أبريل", "ابريل"],
        &["may", "май", "мая", "мае", "mei", "مايو"],
        &["june", "июнь", "июня", "июне", "jun", "juni", "يونيو"],
        &["july", "июль", "июля", "июле", "julai", "juli", "يوليو"],
        &[
            "august",
            "август",
            "августа",
            "августе",
            "ogos",
            "agustus",
            "أغسطس",
        ],
        &["september", "сентябрь", "сентября", "сентябре", "سبتمبر"],
        &[
            "october",
            "октябрь",
            "октября",
            "октябре",
            "oktober",
            "أكتوبر",
        ],
        &["november", "ноябрь", "ноября", "ноябре", "نوفمبر"],
        &[
            "december",
            "декабрь",
            "декабря",
            "декабре",
            "disember",
            "desember",
            "ديسمبر",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&word_lower))
        .map(|m| m as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_normalise_across_conventions() {
        for text in [
            "40,000 người",
            "40.000 người",
            "40 000 человек",
            "٤٠٬٠٠٠ شخص",
        ] {
            assert_eq!(numbers(text), vec!["40000"], "{text}");
        }
        assert_eq!(numbers("3,5%"), vec!["3.5"]);
        assert_eq!(numbers("3.5 %"), vec!["3.5"]);
        assert_eq!(numbers("2025-2030"), vec!["2025", "2030"]);
        assert_eq!(numbers("13/17 tỉnh"), vec!["13", "17"]);
        assert_eq!(numbers("1.234.567,8"), vec!["1234567.8"]);
        assert_eq!(numbers("in 2025 12 provinces"), vec!["2025", "12"]);
        assert_eq!(numbers("30.06.2025"), vec!["30", "6", "2025"]);
        assert_eq!(numbers("30/6/2025"), vec!["30", "6", "2025"]);
        assert_eq!(numbers("0,68"), vec!["0.68"]);
    }
}
