//! Malay or Indonesian? whatlang has no Malay and labels both "Indonesian". The two standard
//! languages share grammar and most vocabulary but differ in a set of everyday words and
//! spellings (kerana/karena, wang/uang, kerajaan/pemerintah, bandar/kota, -iti/-itas, ...).
//! This module weighs those markers; the lists are data, each word with a weight for how
//! reliably it marks its side (1 = often seen on the other side too, 3 = practically never).

use std::collections::HashMap;
use std::sync::LazyLock;

/// Words (and two-word phrases) typical of standard Malay (Malaysia, Brunei, Singapore).
const MALAY_MARKERS: &[(&str, f64)] = &[
    ("kerana", 3.0),
    ("bahawa", 3.0),
    ("wang", 1.5),
    ("kerajaan", 2.0),
    ("jawatankuasa", 3.0),
    ("bandar", 1.0),
    ("bandaraya", 3.0),
    ("boleh", 1.5),
    ("mesyuarat", 3.0),
    ("bermesyuarat", 3.0),
    ("pejabat", 2.5),
    ("daripada", 1.0),
    ("ialah", 1.0),
    ("beliau", 0.5),
    ("pada masa", 0.5),
    ("sahaja", 2.5),
    ("iaitu", 2.5),
    ("pengerusi", 3.0),
    ("setiausaha", 3.0),
    ("timbalan", 2.0),
    ("naib", 1.0),
    ("kakitangan", 2.5),
    ("syarikat", 2.5),
    ("cadangan", 2.0),
    ("perlembagaan", 2.5),
    ("tahniah", 2.5),
    ("selepas", 2.0),
    ("semasa", 1.5),
    ("pentadbiran", 3.0),
    ("pengurusan", 3.0),
    ("perkhidmatan", 3.0),
    ("tentera", 2.0),
    ("polis", 2.0),
    ("peratus", 3.0),
    ("cukai", 2.0),
    ("hospital", 1.5),
    ("kereta", 2.0),
    ("percuma", 2.5),
    ("berkesan", 2.0),
    ("pelbagai", 2.5),
    ("sebarang", 2.0),
    ("manakala", 2.5),
    ("walau bagaimanapun", 2.5),
    ("penggal", 1.5),
    ("tempoh", 2.0),
    ("kualiti", 2.5),
    ("aktiviti", 2.5),
    ("universiti", 2.5),
    ("komuniti", 2.5),
    ("kapasiti", 2.5),
    ("parti", 2.5),
    ("tarikh", 2.0),
    ("negeri", 1.0),
    ("menteri besar", 3.0),
    ("dasar", 0.5),
    ("kemudahan", 1.0),
    ("keutamaan", 1.0),
    ("mengenai", 0.5),
    ("akan datang", 0.5),
    ("bilangan", 1.5),
    ("jabatan", 1.0),
    ("rakyat", 0.5),
    ("teknologi maklumat", 2.5),
    ("maklumat", 2.0),
    ("baharu", 2.5),
    ("sukan", 2.5),
    ("hadapan", 0.5),
    ("mahupun", 2.0),
    ("justeru", 2.0),
    ("seterusnya", 1.0),
];

/// Words (and two-word phrases) typical of standard Indonesian.
const INDONESIAN_MARKERS: &[(&str, f64)] = &[
    ("karena", 3.0),
    ("bahwa", 3.0),
    ("uang", 2.5),
    ("pemerintah", 2.0),
    ("komite", 2.5),
    ("kota", 1.0),
    ("rapat", 2.0),
    ("kantor", 2.5),
    ("bisa", 1.5),
    ("saja", 0.5),
    ("yaitu", 2.5),
    ("panitia", 3.0),
    ("sekretaris", 3.0),
    ("ketua", 0.5),
    ("wakil", 0.5),
    ("provinsi", 3.0),
    ("kabupaten", 3.0),
    ("kecamatan", 3.0),
    ("persen", 3.0),
    ("setelah", 1.0),
    ("saat", 1.0),
    ("polisi", 2.5),
    ("kepolisian", 2.5),
    ("tentara", 2.0),
    ("rumah sakit", 2.5),
    ("mobil", 2.5),
    ("gratis", 1.5),
    ("efektif", 1.5),
    ("berbagai", 2.0),
    ("manajemen", 2.5),
    ("pelayanan", 2.0),
    ("administrasi", 2.5),
    ("anggota", 1.0),
    ("pajak", 2.5),
    ("periode", 1.5),
    ("implementasi", 1.5),
    ("tanggal", 2.0),
    ("partai", 2.5),
    ("kualitas", 2.5),
    ("aktivitas", 2.5),
    ("fasilitas", 2.5),
    ("universitas", 2.5),
    ("komunitas", 2.5),
    ("kapasitas", 2.5),
    ("prioritas", 2.0),
    ("menerapkan", 1.0),
    ("tetapi", 0.5),
    ("namun", 0.5),
    ("sedang", 0.5),
    ("terdapat", 0.5),
    ("serempak", 1.0),
    ("informasi", 2.0),
    ("baru", 1.0),
    ("olahraga", 2.5),
    ("dirinya", 0.5),
    ("sejak", 0.5),
    ("terhadap", 0.5),
    ("agar", 1.0),
    ("supaya", 0.5),
    ("akan tetapi", 1.0),
    ("selanjutnya", 1.0),
];

/// Total marker weight from which a discriminator verdict may override a Javanese or
/// Tagalog guess by whatlang.
pub const STRONG_EVIDENCE: f64 = 6.0;

/// Minimum total weight for any verdict.
const MIN_EVIDENCE: f64 = 1.5;

/// Minimum share of the winning side.
const MIN_SHARE: f64 = 0.6;

/// The two candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MalayOrIndonesian {
    /// Standard Malay (`ms`).
    Malay,
    /// Indonesian (`id`).
    Indonesian,
}

/// The discriminator's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// The winner, or `None` when the markers are too few or too balanced.
    pub choice: Option<MalayOrIndonesian>,
    /// Confidence in 0..=1.
    pub confidence: f64,
    /// Summed Malay marker weight.
    pub malay: f64,
    /// Summed Indonesian marker weight.
    pub indonesian: f64,
    /// Total marker weight seen (`malay + indonesian`).
    pub evidence: f64,
}

/// Marker word → (is Malay, weight); phrases are keyed "first second".
static MARKERS: LazyLock<HashMap<&'static str, (bool, f64)>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for &(w, weight) in INDONESIAN_MARKERS {
        map.insert(w, (false, weight));
    }
    for &(w, weight) in MALAY_MARKERS {
        map.insert(w, (true, weight));
    }
    map
});

/// Weighs the Malay and Indonesian markers in `text`.
pub fn discriminate(text: &str) -> Verdict {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let (mut malay, mut indonesian) = (0.0, 0.0);
    let mut add = |key: &str| {
        if let Some(&(is_malay, weight)) = MARKERS.get(key) {
            if is_malay {
                malay += weight;
            } else {
                indonesian += weight;
            }
        }
    };
    for (i, word) in words.iter().enumerate() {
        add(word);
        if let Some(next) = words.get(i + 1) {
            add(&format!("{word} {next}"));
        }
    }
    let evidence = malay + indonesian;
    let share = if evidence > 0.0 {
        f64::max(malay, indonesian) / evidence
    } else {
        0.5
    };
    let choice = (evidence >= MIN_EVIDENCE && share >= MIN_SHARE).then_some({
        if malay > indonesian {
            MalayOrIndonesian::Malay
        } else {
            MalayOrIndonesian::Indonesian
        }
    });
    let confidence = if choice.is_some() {
        share * evidence / (evidence + 2.0)
    } else {
        0.0
    };
    Verdict {
        choice,
        confidence,
        malay,
        indonesian,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MALAY: &str = "Kerajaan negeri telah menubuhkan sebuah jawatankuasa khas kerana bilangan aduan daripada orang ramai semakin meningkat. Pengerusi jawatankuasa itu berkata bahawa mesyuarat pertama akan diadakan di pejabat daerah pada minggu hadapan, dan orang ramai boleh menghantar cadangan secara percuma.";
    const INDONESIAN: &str = "Pemerintah provinsi telah membentuk sebuah komite khusus karena jumlah pengaduan dari masyarakat terus meningkat. Ketua komite itu mengatakan bahwa rapat pertama akan diadakan di kantor kabupaten pada minggu depan, dan masyarakat bisa mengirimkan usulan secara gratis.";

    #[test]
    fn malay_text_is_malay() {
        let v = discriminate(MALAY);
        assert_eq!(v.choice, Some(MalayOrIndonesian::Malay), "{v:?}");
        assert!(v.confidence > 0.8, "{v:?}");
    }

    #[test]
    fn indonesian_text_is_indonesian() {
        let v = discriminate(INDONESIAN);
        assert_eq!(v.choice, Some(MalayOrIndonesian::Indonesian), "{v:?}");
        assert!(v.confidence > 0.8, "{v:?}");
    }

    #[test]
    fn phrases_count() {
        let v = discriminate("Walau bagaimanapun, pesakit dibawa ke rumah sakit.");
        assert_eq!(v.malay, 2.5);
        assert_eq!(v.indonesian, 2.5);
        assert_eq!(v.choice, None);
    }

    #[test]
    fn no_markers_no_verdict() {
        let v = discriminate("Saya makan nasi.");
        assert_eq!(v.choice, None);
        assert_eq!(v.confidence, 0.0);
    }

    #[test]
    fn lists_have_no_duplicates_across_sides() {
        for (w, _) in MALAY_MARKERS {
            assert!(
                !INDONESIAN_MARKERS.iter().any(|(i, _)| i == w),
                "{w} is on both sides"
            );
        }
    }

    #[test]
    fn whole_detection_maps_to_ms_and_id() {
        assert_eq!(super::super::language::detect(MALAY).lang.as_str(), "ms");
        assert_eq!(
            super::super::language::detect(INDONESIAN).lang.as_str(),
            "id"
        );
    }
}
