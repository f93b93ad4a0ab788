//! Language detection on text written for these tests: whatlang's languages map to BCP 47,
//! and Malay is told apart from Indonesian.

use alinea::ingest::language::{detect, detect_paragraphs};
use alinea::ingest::malay::{MalayOrIndonesian, discriminate};

const MALAY: [&str; 3] = [
    "Kerajaan negeri bersetuju menambah peruntukan kerana bilangan pelajar di sekolah luar bandar semakin meningkat sejak awal tahun ini.",
    "Setiausaha jawatankuasa berkata bahawa mesyuarat akan diadakan di pejabat daerah selepas Hari Raya, dan orang ramai boleh hadir secara percuma.",
    "Wang yang dikumpul daripada derma awam ialah untuk membina sebuah hospital baharu, manakala baki peruntukan akan digunakan bagi pelbagai aktiviti komuniti.",
];

const INDONESIAN: [&str; 3] = [
    "Pemerintah provinsi setuju menambah anggaran karena jumlah siswa di sekolah pedesaan terus meningkat sejak awal tahun ini.",
    "Sekretaris komite mengatakan bahwa rapat akan diadakan di kantor kabupaten setelah Lebaran, dan masyarakat bisa hadir secara gratis.",
    "Uang yang dikumpulkan dari sumbangan masyarakat akan dipakai untuk membangun rumah sakit baru, sedangkan sisa anggaran digunakan untuk berbagai aktivitas komunitas.",
];

#[test]
fn malay_sentences_are_ms() {
    for text in MALAY {
        let d = detect(text);
        assert_eq!(d.lang.as_str(), "ms", "{text}: {d:?}");
        assert!(d.confidence > 0.5, "{text}: {d:?}");
        assert_eq!(discriminate(text).choice, Some(MalayOrIndonesian::Malay));
    }
}

#[test]
fn indonesian_sentences_are_id() {
    for text in INDONESIAN {
        let d = detect(text);
        assert_eq!(d.lang.as_str(), "id", "{text}: {d:?}");
        assert!(d.confidence > 0.5, "{text}: {d:?}");
        assert_eq!(
            discriminate(text).choice,
            Some(MalayOrIndonesian::Indonesian)
        );
    }
}

#[test]
fn other_languages_map_to_bcp47() {
    let cases = [
        (
            "es",
            "El comité se reunió el lunes para revisar el informe anual y aprobar el presupuesto del próximo año.",
        ),
        ("zh", "委员会星期一开会，审查年度报告并批准明年的预算。"),
        (
            "fa",
            "کمیته روز دوشنبه برای بررسی گزارش سالانه و تصویب بودجه سال آینده تشکیل جلسه داد.",
        ),
        (
            "he",
            "הוועדה התכנסה ביום שני כדי לבחון את הדוח השנתי ולאשר את התקציב לשנה הבאה.",
        ),
        (
            "ja",
            "委員会は月曜日に年次報告書を審査し、来年度の予算を承認するために会合を開いた。",
        ),
        (
            "vi",
            "Ủy ban nhân dân thành phố đã tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm tới.",
        ),
    ];
    for (want, text) in cases {
        assert_eq!(detect(text).lang.as_str(), want, "{text}");
    }
}

#[test]
fn mixed_document_per_paragraph() {
    let text = format!(
        "{}\n\n{}\n\nПрезидиум утвердил повестку дня заседания и план работы на следующий квартал.",
        MALAY[0], INDONESIAN[1]
    );
    let mut ranges = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        ranges.push(start..start + part.len());
        start += part.len() + 2;
    }
    let langs: Vec<String> = detect_paragraphs(&text, &ranges)
        .into_iter()
        .map(|d| d.lang.as_str().to_string())
        .collect();
    assert_eq!(langs, ["ms", "id", "ru"]);
    // Out-of-range paragraphs are undetermined, not a panic.
    assert_eq!(
        detect_paragraphs(&text, std::slice::from_ref(&(0..text.len() + 10)))[0]
            .lang
            .as_str(),
        "und"
    );
}
