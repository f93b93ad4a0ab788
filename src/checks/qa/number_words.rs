//! Numbers written out in words («Twelve companies», «двенадцать», «mười hai», «dua belas»,
//! «اثنا عشر»): a translator who spells out a number the pivot writes in digits (or the
//! reverse, often at the start of a sentence) has not changed it, so `number-mismatch` leaves
//! such a pair alone.
//!
//! Covered: 0–20 and the tens up to 90 (and 100) in English, French, Russian (common inflected
//! forms), Indonesian/Malay, Vietnamese and Arabic, with the usual compounds (twenty-five,
//! vingt-deux, двадцать пять, hai mươi lăm, dua puluh lima, خمسة وعشرون). Used only to excuse a
//! mismatch, never to report one, so a word read as a number by mistake costs at most a missed
//! finding.

use crate::glossary::normalize::tokenize;

/// How a word combines with its neighbours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// A value on its own (0–19, the tens, 100).
    Value(u32),
    /// ×10 of the unit before it (vi «mươi», id/ms «puluh»).
    TimesTen,
    /// +10 to the unit before it (id/ms «belas», ar «عشر»).
    PlusTen,
}

const WORDS: &[(&str, u32)] = &[
    // English
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    // French
    ("zéro", 0),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("vingt", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    ("cent", 100),
    // Russian (nominative and the commonest oblique forms)
    ("ноль", 0),
    ("один", 1),
    ("одна", 1),
    ("одно", 1),
    ("два", 2),
    ("две", 2),
    ("двух", 2),
    ("три", 3),
    ("трёх", 3),
    ("трех", 3),
    ("четыре", 4),
    ("четырёх", 4),
    ("четырех", 4),
    ("пять", 5),
    ("пяти", 5),
    ("шесть", 6),
    ("шести", 6),
    ("семь", 7),
    ("семи", 7),
    ("восемь", 8),
    ("восьми", 8),
    ("девять", 9),
    ("девяти", 9),
    ("десять", 10),
    ("десяти", 10),
    ("сорок", 40),
    ("сорока", 40),
    ("девяносто", 90),
    ("сто", 100),
    // Indonesian / Malay
    ("nol", 0),
    ("satu", 1),
    ("dua", 2),
    ("tiga", 3),
    ("empat", 4),
    ("lima", 5),
    ("enam", 6),
    ("tujuh", 7),
    ("delapan", 8),
    ("lapan", 8),
    ("sembilan", 9),
    ("sepuluh", 10),
    ("sebelas", 11),
    ("seratus", 100),
    // Vietnamese
    ("không", 0),
    ("một", 1),
    ("mốt", 1),
    ("hai", 2),
    ("ba", 3),
    ("bốn", 4),
    ("tư", 4),
    ("năm", 5),
    ("lăm", 5),
    ("sáu", 6),
    ("bảy", 7),
    ("tám", 8),
    ("chín", 9),
    ("mười", 10),
    ("trăm", 100),
    // Arabic (the article and و stripped before lookup)
    ("صفر", 0),
    ("واحد", 1),
    ("واحدة", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنا", 2),
    ("اثنتان", 2),
    ("اثنتا", 2),
    ("ثلاثة", 3),
    ("ثلاث", 3),
    ("أربعة", 4),
    ("أربع", 4),
    ("خمسة", 5),
    ("خمس", 5),
    ("ستة", 6),
    ("ست", 6),
    ("سبعة", 7),
    ("سبع", 7),
    ("ثمانية", 8),
    ("ثماني", 8),
    ("تسعة", 9),
    ("تسع", 9),
    ("عشرة", 10),
    ("أحد", 1),
    ("إحدى", 1),
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("أربعون", 40),
    ("أربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
    ("مائة", 100),
    ("مئة", 100),
];

/// Russian teens and tens by stem (every case ending).
const RU_STEMS: &[(&str, u32)] = &[
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
    ("пятьдесят", 50),
    ("шестьдесят", 60),
    ("семьдесят", 70),
    ("восемьдесят", 80),
];

fn part(word: &str) -> Option<Part> {
    match word {
        "mươi" | "puluh" => return Some(Part::TimesTen),
        "belas" | "عشر" => return Some(Part::PlusTen),
        _ => {}
    }
    let bare = word.strip_prefix('و').filter(|w| w.chars().count() >= 3);
    for w in [Some(word), bare].into_iter().flatten() {
        if let Some(&(_, v)) = WORDS.iter().find(|(k, _)| *k == w) {
            return Some(Part::Value(v));
        }
    }
    RU_STEMS
        .iter()
        .find(|(stem, _)| word.starts_with(stem))
        .map(|&(_, v)| Part::Value(v))
}

/// Every number written out in words in `text`: each number word's own value and the value of
/// each compound it forms with its neighbour.
pub fn spelled_numbers(text: &str) -> Vec<u32> {
    let mut ranges = Vec::new();
    tokenize(text, &mut ranges);
    let parts: Vec<Option<Part>> = ranges
        .iter()
        .map(|r| part(&text[r.clone()].to_lowercase()))
        .collect();
    let mut out = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let Some(Part::Value(v)) = *p else {
            continue;
        };
        out.push(v);
        let next = parts.get(i + 1).copied().flatten();
        match next {
            // twenty-five, vingt-deux, двадцать пять, dix-sept; خمسة وعشرون (unit, then tens)
            Some(Part::Value(n)) if v >= 20 && v % 10 == 0 && n < 10 => out.push(v + n),
            Some(Part::Value(n)) if v == 10 && n < 10 => out.push(10 + n),
            // اثنتا عشرة (feminine teens: unit, then «ten»)
            Some(Part::Value(10)) if v < 10 => out.push(v + 10),
            Some(Part::Value(n)) if v < 10 && n >= 20 && n % 10 == 0 && n < 100 => out.push(v + n),
            Some(Part::PlusTen) if v < 10 => out.push(v + 10),
            Some(Part::TimesTen) if v < 10 => {
                out.push(v * 10);
                if let Some(Some(Part::Value(u))) = parts.get(i + 2)
                    && *u < 10
                {
                    out.push(v * 10 + u);
                }
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::spelled_numbers;

    #[test]
    fn numbers_in_words_of_every_language() {
        assert!(spelled_numbers("Twelve companies are licensed.").contains(&12));
        assert!(spelled_numbers("twenty-five provinces").contains(&25));
        assert!(spelled_numbers("vingt-deux pays et dix-sept villes").contains(&22));
        assert!(spelled_numbers("dix-sept villes").contains(&17));
        assert!(spelled_numbers("двенадцати компаний").contains(&12));
        assert!(spelled_numbers("двадцать пять лет").contains(&25));
        assert!(spelled_numbers("mười hai doanh nghiệp").contains(&12));
        assert!(spelled_numbers("hai mươi lăm tỉnh").contains(&25));
        assert!(spelled_numbers("dua belas perusahaan").contains(&12));
        assert!(spelled_numbers("dua puluh lima provinsi").contains(&25));
        assert!(spelled_numbers("اثنا عشر شركة").contains(&12));
        assert!(spelled_numbers("اثنتا عشرة شركة").contains(&12));
        assert!(spelled_numbers("خمسة وعشرون عاما").contains(&25));
        assert!(spelled_numbers("The report was adopted.").is_empty());
    }
}
