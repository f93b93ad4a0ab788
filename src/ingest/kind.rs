//! Which kind of document a file is: chosen from the extension, checked against the bytes.

use std::path::Path;

/// The formats Alinea reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// Plain text in any supported encoding.
    PlainText,
    /// Markdown: block markup (headings, lists, quotes, code fences) is removed.
    Markdown,
    /// HTML: visible text only, block elements become paragraphs.
    Html,
    /// Word 2007+ document: paragraphs and table cells of `word/document.xml`.
    Docx,
}

/// What the first bytes say a file is, when it is a known binary format.
pub enum Sniffed {
    /// A ZIP archive (DOCX, ODT, XLSX, plain ZIP, ...).
    Zip,
    /// Another binary format, named for the error message.
    Binary(&'static str),
    /// Nothing recognised: probably text.
    Unknown,
}

/// Magic numbers of binary formats people drop by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"\x7FELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"\x1F\x8B", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xFD7zXZ\x00", "xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "legacy Office (OLE2) document",
    ),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 media file"),
    (b"\x00\x00\x00\x20ftyp", "MP4 media file"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
];

/// Recognises binary formats from their first bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    match MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        Some((_, name)) => Sniffed::Binary(name),
        None => Sniffed::Unknown,
    }
}

/// The kind a file name suggests (lower-cased extension); `None` when it says nothing.
pub fn kind_from_name(name: &str) -> Option<DocumentKind> {
    let ext = Path::new(name)
        .extension()?
        .to_string_lossy()
        .to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(DocumentKind::PlainText),
        "md" | "markdown" | "mdown" | "mkd" => Some(DocumentKind::Markdown),
        "html" | "htm" | "xhtml" => Some(DocumentKind::Html),
        "docx" => Some(DocumentKind::Docx),
        _ => None,
    }
}

/// True if decoded text starts like an HTML document.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_kind() {
        assert_eq!(kind_from_name("a/B.HTM"), Some(DocumentKind::Html));
        assert_eq!(kind_from_name("x.docx"), Some(DocumentKind::Docx));
        assert_eq!(kind_from_name("notes.md"), Some(DocumentKind::Markdown));
        assert_eq!(kind_from_name("README"), None);
    }

    #[test]
    fn magic_numbers_are_recognised() {
        assert!(matches!(
            sniff(b"\x89PNG\r\n\x1a\n...."),
            Sniffed::Binary("PNG image")
        ));
        assert!(matches!(sniff(b"PK\x03\x04rest"), Sniffed::Zip));
        assert!(matches!(sniff(b"Hello"), Sniffed::Unknown));
        assert!(looks_like_html("  <!DOCTYPE html><p>x"));
        assert!(!looks_like_html("<b>not a page</b>"));
    }
}
