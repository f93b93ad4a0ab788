//! Encodings: every supported legacy encoding is detected on realistic paragraphs that the
//! test encodes itself, decoded back to the same text, and reported by its WHATWG name.

use std::path::PathBuf;

use alinea::ingest::{self, IngestError, LoadOptions};
use encoding_rs::{Encoding, KOI8_R, WINDOWS_1251, WINDOWS_1252, WINDOWS_1256, WINDOWS_1258};
use unicode_normalization::UnicodeNormalization;

const ARABIC: &str = "عقدت لجنة الحزب في المدينة صباح اليوم مؤتمرا لمراجعة أعمال العام الماضي وتحديد المهام الرئيسية للعام الجديد.\n\nوأكد المشاركون أن الإصلاح الإداري والتحول الرقمي حققا نتائج مهمة، وأن على جميع الإدارات مواصلة تحسين جودة الخدمات المقدمة للمواطنين والشركات.";

const RUSSIAN: &str = "Утром девятого января городской комитет партии провёл конференцию, посвящённую итогам работы за прошлый год и основным задачам на новый год.\n\nУчастники отметили, что административная реформа и цифровая трансформация принесли важные результаты, и призвали все ведомства продолжать повышать качество услуг для граждан и предприятий.";

const VIETNAMESE: &str = "Sáng ngày 9 tháng 1, Đảng ủy thành phố đã tổ chức hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ trọng tâm năm 2024.\n\nHội nghị đánh giá rằng công tác cải cách hành chính và chuyển đổi số đã đạt nhiều kết quả quan trọng, góp phần nâng cao chất lượng phục vụ người dân và doanh nghiệp.";

const FRENCH: &str = "Le comité municipal s’est réuni ce matin pour dresser le bilan de l’année écoulée et définir les priorités de l’année à venir ; le budget dépasse 40 000 €.\n\nLes participants ont souligné que la réforme administrative et la transformation numérique ont donné des résultats importants, et ont demandé à tous les services de continuer à améliorer, de bon cœur, la qualité des prestations offertes aux citoyens.";

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, used, had_errors) = encoding.encode(text);
    assert_eq!(used, encoding);
    assert!(
        !had_errors,
        "fixture not representable in {}",
        encoding.name()
    );
    bytes.into_owned()
}

/// Encodes Vietnamese as legacy windows-1258 software did: base letters with their vowel
/// marks (â, ê, ô, ơ, ư, ă, đ) precomposed, tone marks as separate combining characters.
fn encode_windows_1258(text: &str) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut legacy = String::new();
    for c in text.nfc() {
        let decomposed: Vec<char> = c.to_string().nfd().collect();
        let base: String = decomposed
            .iter()
            .filter(|m| !TONES.contains(m))
            .collect::<String>()
            .nfc()
            .collect();
        legacy.push_str(&base);
        legacy.extend(decomposed.iter().filter(|m| TONES.contains(m)));
    }
    encode(&legacy, WINDOWS_1258)
}

fn load(path: &std::path::Path) -> alinea::model::Document {
    ingest::load_path(path, &LoadOptions::default()).expect("fixture loads")
}

fn paragraph_texts(doc: &alinea::model::Document) -> Vec<&str> {
    doc.paragraphs
        .iter()
        .map(|r| &doc.text[r.clone()])
        .collect()
}

#[test]
fn legacy_encodings_are_detected_and_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &'static Encoding, &str); 5] = [
        ("arabic.txt", WINDOWS_1256, ARABIC),
        ("russian-1251.txt", WINDOWS_1251, RUSSIAN),
        ("russian-koi8.txt", KOI8_R, RUSSIAN),
        ("french.txt", WINDOWS_1252, FRENCH),
        ("vietnamese.txt", WINDOWS_1258, VIETNAMESE),
    ];
    for (name, encoding, text) in cases {
        let bytes = if encoding == WINDOWS_1258 {
            encode_windows_1258(text)
        } else {
            encode(text, encoding)
        };
        let doc = load(&write(&dir, name, &bytes));
        assert_eq!(doc.encoding, encoding.name(), "{name}");
        assert_eq!(doc.text, text.nfc().collect::<String>(), "{name}");
        assert_eq!(doc.paragraphs.len(), 2, "{name}");
    }
}

#[test]
fn utf8_and_utf16_with_boms() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
    utf8_bom.extend_from_slice(RUSSIAN.as_bytes());
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in ARABIC.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    let cases = [
        ("plain.txt", RUSSIAN.as_bytes().to_vec(), "UTF-8", RUSSIAN),
        ("bom.txt", utf8_bom, "UTF-8", RUSSIAN),
        ("le.txt", le, "UTF-16LE", ARABIC),
        ("be.txt", be, "UTF-16BE", ARABIC),
    ];
    for (name, bytes, encoding, text) in cases {
        let doc = load(&write(&dir, name, &bytes));
        assert_eq!(doc.encoding, encoding, "{name}");
        assert_eq!(doc.text, text, "{name}");
        assert_eq!(paragraph_texts(&doc).len(), 2, "{name}");
    }
}

#[test]
fn forced_encoding_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "ru.txt", &encode(RUSSIAN, KOI8_R));
    let opts = LoadOptions {
        encoding: Some("windows-1251".to_string()),
        ..LoadOptions::default()
    };
    let doc = ingest::load_path(&path, &opts).unwrap();
    assert_eq!(doc.encoding, "windows-1251");
    assert_ne!(
        doc.text, RUSSIAN,
        "decoded with the forced encoding, not KOI8-R"
    );
    let opts = LoadOptions {
        encoding: Some("KOI8-R".to_string()),
        ..LoadOptions::default()
    };
    assert_eq!(ingest::load_path(&path, &opts).unwrap().text, RUSSIAN);
}

#[test]
fn unknown_forced_encoding_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "x.txt", b"hello");
    let opts = LoadOptions {
        encoding: Some("no-such-charset".to_string()),
        ..LoadOptions::default()
    };
    let err = ingest::load_path(&path, &opts).unwrap_err();
    assert!(matches!(err, IngestError::UnknownEncoding { .. }), "{err}");
    assert!(err.to_string().contains("x.txt"));
}

#[test]
fn line_endings_are_normalised_and_ranges_point_into_text() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = "  First paragraph.\r\n\r\nSecond paragraph,\r\nwrapped.\r\rThird.\r\n";
    let doc = load(&write(&dir, "crlf.txt", crlf.as_bytes()));
    assert!(!doc.text.contains('\r'));
    assert_eq!(
        paragraph_texts(&doc),
        ["First paragraph.", "Second paragraph,\nwrapped.", "Third."]
    );
}

#[test]
fn utf16_without_bom() {
    let dir = tempfile::tempdir().expect("temp dir");
    let le: Vec<u8> = ARABIC.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = VIETNAMESE
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let doc = load(&write(&dir, "ar16.txt", &le));
    assert_eq!(
        (doc.encoding.as_str(), doc.text.as_str()),
        ("UTF-16LE", ARABIC)
    );
    let doc = load(&write(&dir, "vi16.txt", &be));
    assert_eq!(
        (doc.encoding.as_str(), doc.text.as_str()),
        ("UTF-16BE", VIETNAMESE)
    );
}
