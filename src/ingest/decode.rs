//! Bytes → text: byte-order marks, encoding detection (chardetng), decoding (encoding_rs),
//! binary sniffing and line-ending normalisation.
//!
//! Order of decisions: a forced label wins; then a BOM (UTF-8, UTF-16 LE/BE); then UTF-16
//! without BOM (NULs at one byte parity only); then a binary
//! check (NUL bytes, control characters); then valid UTF-8; then a "UTF-8 with a few bad
//! bytes" check (reported as undecodable rather than silently read as mojibake); then
//! chardetng's guess among legacy encodings.

use encoding_rs::{Encoding, KOI8_R, KOI8_U, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1258};
use unicode_normalization::UnicodeNormalization;

use super::IngestError;

/// Text decoded from bytes, with the encoding it was decoded from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line endings normalised to `\n`, without a BOM.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
}

/// How many leading bytes are inspected for control characters.
const SNIFF_LEN: usize = 8192;

/// Decodes `bytes`, detecting the encoding unless `forced` names one (a WHATWG label).
pub fn decode(bytes: &[u8], forced: Option<&str>, file: &str) -> Result<Decoded, IngestError> {
    if let Some(label) = forced {
        let Some(encoding) = Encoding::for_label(label.trim().as_bytes()) else {
            return Err(IngestError::UnknownEncoding {
                file: file.to_string(),
                label: label.to_string(),
            });
        };
        let body = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == encoding => &bytes[len..],
            _ => bytes,
        };
        return strict_decode(body, encoding, file);
    }
    if let Some((encoding, len)) = Encoding::for_bom(bytes) {
        return strict_decode(&bytes[len..], encoding, file);
    }
    if let Some(decoded) = bomless_utf16(bytes) {
        return Ok(decoded);
    }
    if let Some(what) = binary_reason(bytes) {
        return Err(IngestError::Binary {
            file: file.to_string(),
            what,
        });
    }
    if std::str::from_utf8(bytes).is_ok() {
        return strict_decode(bytes, UTF_8, file);
    }
    if let Some(at_byte) = damaged_utf8(bytes) {
        return Err(IngestError::Undecodable {
            file: file.to_string(),
            encoding: UTF_8.name().to_string(),
            at_byte: Some(at_byte),
        });
    }
    let encoding = prefer_koi8_r(guess_legacy(bytes), bytes);
    strict_decode(bytes, encoding, file)
}

/// Bytes given to chardetng per call.
const DETECT_CHUNK: usize = 64 * 1024;

/// Non-ASCII bytes after which chardetng has seen enough to decide.
const DETECT_ENOUGH_NON_ASCII: usize = 256 * 1024;

/// chardetng's guess. Only non-ASCII bytes carry evidence, so feeding stops once enough of
/// them were seen (chardetng is the slow part of loading a large legacy file); a file whose
/// beginning is all ASCII is still read on until its non-ASCII part.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut non_ascii = 0usize;
    let mut chunks = bytes.chunks(DETECT_CHUNK).peekable();
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        detector.feed(chunk, last);
        non_ascii += chunk.iter().filter(|b| !b.is_ascii()).count();
        if non_ascii >= DETECT_ENOUGH_NON_ASCII {
            break;
        }
    }
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Bytes where KOI8-U has Ukrainian letters (є і ї ґ, upper and lower case) and KOI8-R has
/// box-drawing characters; everywhere else the two encodings agree.
const KOI8_U_ONLY: [u8; 8] = [0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD];

/// chardetng names the KOI8 family "KOI8-U"; when none of the bytes that differ occurs, the
/// text decodes the same either way and is (Russian) KOI8-R, the far more common label.
fn prefer_koi8_r(guess: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if guess == KOI8_U && !bytes.iter().any(|b| KOI8_U_ONLY.contains(b)) {
        KOI8_R
    } else {
        guess
    }
}

/// Decodes without replacement characters: any malformed sequence is an error.
fn strict_decode(
    bytes: &[u8],
    encoding: &'static Encoding,
    file: &str,
) -> Result<Decoded, IngestError> {
    let undecodable = |at_byte| IngestError::Undecodable {
        file: file.to_string(),
        encoding: encoding.name().to_string(),
        at_byte,
    };
    let text = if encoding == UTF_8 {
        std::str::from_utf8(bytes)
            .map_err(|e| undecodable(Some(e.valid_up_to())))?
            .to_string()
    } else {
        encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| undecodable(None))?
            .into_owned()
    };
    let mut text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text = normalise_line_endings(&text);
    }
    if encoding == WINDOWS_1258 {
        // windows-1258 stores Vietnamese tone marks as combining characters; compose them so
        // the text matches UTF-8 Vietnamese (and glossary terms typed by the editor).
        text = text.nfc().collect();
    }
    Ok(Decoded { text, encoding })
}

/// UTF-16 without a byte-order mark: NUL bytes at one parity only (the high byte of ASCII
/// characters such as spaces, digits and punctuation), none at the other, few distinct high
/// bytes, and the whole file decodes to text without control characters. Binary files have NULs at both parities.
fn bomless_utf16(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) || !bytes.contains(&0) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let nul_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let nul_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let (encoding, high_parity) = match (nul_even, nul_odd) {
        (0, odd) if odd * 20 >= pairs => (UTF_16LE, 1),
        (even, 0) if even * 20 >= pairs => (UTF_16BE, 0),
        _ => return None,
    };
    // Text in one alphabet has few distinct high bytes (0x00 and its script's block, e.g.
    // 0x04 for Cyrillic); 8-bit text with a stray NUL has many.
    let mut high_bytes = [false; 256];
    for &b in bytes.iter().skip(high_parity).step_by(2) {
        high_bytes[usize::from(b)] = true;
    }
    if high_bytes.iter().filter(|&&seen| seen).count() > MAX_UTF16_HIGH_BYTES {
        return None;
    }
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    let is_text = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    is_text.then(|| Decoded {
        text: normalise_line_endings(&text),
        encoding,
    })
}

/// Most distinct high bytes accepted in UTF-16 without a BOM.
const MAX_UTF16_HIGH_BYTES: usize = 6;

/// CRLF and lone CR become LF.
pub fn normalise_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Why `bytes` look like binary data rather than text, if they do.
///
/// NUL bytes never occur in 8-bit or UTF-8 text (UTF-16 is handled earlier by its BOM); more
/// than 10 % control characters (other than tab, LF, CR, form feed, escape) is not text either.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Some(format!("contains NUL bytes, first at byte {pos}"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if !head.is_empty() && controls * 10 > head.len() {
        return Some(format!(
            "{controls} control characters in the first {} bytes",
            head.len()
        ));
    }
    None
}

/// If `bytes` are mostly valid UTF-8 with a few broken sequences, the offset of the first one.
///
/// Legacy 8-bit text almost never forms valid multi-byte UTF-8 sequences, so when at least
/// nine in ten non-ASCII runs are valid UTF-8 the file is damaged UTF-8, not another encoding.
fn damaged_utf8(bytes: &[u8]) -> Option<usize> {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut first_bad = None;
    let mut offset = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            first_bad.get_or_insert(offset);
        }
        offset += chunk.invalid().len();
    }
    (valid_multibyte >= 4 && valid_multibyte >= invalid * 9)
        .then_some(first_bad)
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(normalise_line_endings("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode(b"\xEF\xBB\xBFhello", None, "f").unwrap();
        assert_eq!(d.text, "hello");
        assert_eq!(d.encoding, UTF_8);
    }

    #[test]
    fn damaged_utf8_is_reported_with_offset() {
        let mut bytes = "Привет, как дела? ".repeat(3).into_bytes();
        let bad = bytes.len();
        bytes.push(0xFF);
        bytes.extend_from_slice("ещё".as_bytes());
        match decode(&bytes, None, "f.txt") {
            Err(IngestError::Undecodable { at_byte, .. }) => assert_eq!(at_byte, Some(bad)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn koi8_u_with_ukrainian_letters_stays_koi8_u() {
        let (ukrainian, _, _) = KOI8_U.encode("Київ");
        assert_eq!(prefer_koi8_r(KOI8_U, &ukrainian), KOI8_U);
        let (russian, _, _) = KOI8_R.encode("Москва");
        assert_eq!(prefer_koi8_r(KOI8_U, &russian), KOI8_R);
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "Отчёт за 2024 год.\nReport 2024.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le, None, "f").unwrap().encoding, UTF_16LE);
        assert_eq!(decode(&be, None, "f").unwrap().text, text);
        // NULs at both parities: binary, not UTF-16.
        assert!(decode(b"\x00\x01\x00\x00ab\x00\x00", None, "f").is_err());
        // One stray NUL in 8-bit text: binary, not UTF-16.
        assert!(matches!(
            decode(b"text\x00with a NUL byte", None, "f"),
            Err(IngestError::Binary { .. })
        ));
    }

    #[test]
    fn legacy_text_after_a_long_ascii_start_is_detected() {
        let mut bytes = "Report, English part. ".repeat(20_000).into_bytes();
        let tail = "Городской комитет утвердил план работы на следующий год. ".repeat(50);
        let (russian, _, _) = KOI8_R.encode(&tail);
        bytes.extend_from_slice(&russian);
        assert!(bytes.len() > 2 * DETECT_CHUNK);
        assert_eq!(decode(&bytes, None, "f").unwrap().encoding, KOI8_R);
    }

    #[test]
    fn control_characters_mean_binary() {
        let bytes: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert!(binary_reason(&bytes).is_some());
        assert!(binary_reason(b"plain\ttext\n").is_none());
    }

    #[test]
    fn windows_1258_is_composed() {
        // ê (0xEA) followed by a combining dot below (0xF2), as Vietnamese legacy text has it.
        let d = decode(b"Vi\xEA\xF2t Nam", Some("windows-1258"), "f").unwrap();
        assert_eq!(d.text, "Vi\u{1EC7}t Nam");
    }
}
