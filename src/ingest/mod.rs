//! Loading documents: bytes on disk (or pasted text) → decoded text with paragraphs.
//!
//! Formats: plain text, Markdown, HTML, DOCX (chosen by extension, checked by sniffing the
//! bytes). Encodings: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM), and legacy
//! encodings detected by chardetng (windows-1256, windows-1251, KOI8-R, windows-1258,
//! windows-1252, ...), or forced by the user. See `notes/ingest.md`.

mod builder;
pub mod decode;
pub mod docx;
mod error;
pub mod html;
pub mod kind;
pub mod language;
pub mod malay;
pub mod markdown;
pub mod paragraphs;

use std::path::Path;

pub use error::IngestError;
pub use kind::DocumentKind;

use crate::model::Document;
use kind::Sniffed;

/// Options for loading a document.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files larger than this many bytes are refused (checked before reading).
    pub max_bytes: u64,
    /// Encoding label forced by the user instead of detection (WHATWG label, e.g. "koi8-r").
    pub encoding: Option<String>,
    /// Format forced by the caller instead of the extension and sniffing.
    pub kind: Option<DocumentKind>,
}

/// Default size limit: 100 MB (see [`crate::size_limit`]).
pub const DEFAULT_MAX_BYTES: u64 = crate::size_limit::MAX_LOAD;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            encoding: None,
            kind: None,
        }
    }
}

/// Loads a document from a path: checks size before reading, then decodes and splits it.
pub fn load_path(path: &Path, opts: &LoadOptions) -> Result<Document, IngestError> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| IngestError::Io {
        file: file.clone(),
        source,
    })?;
    if !meta.is_file() {
        return Err(IngestError::NotAFile { file });
    }
    if meta.len() > opts.max_bytes {
        return Err(IngestError::TooLarge {
            file,
            size: meta.len(),
            max: opts.max_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        file: file.clone(),
        source,
    })?;
    load_bytes(&file, &bytes, opts)
}

/// Loads a document from bytes already in memory (stdin, drag and drop); `name` is used for
/// error messages and, through its extension, to choose the format.
pub fn load_bytes(name: &str, bytes: &[u8], opts: &LoadOptions) -> Result<Document, IngestError> {
    let file = name.to_string();
    if bytes.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge {
            file,
            size: bytes.len() as u64,
            max: opts.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { file });
    }
    let by_name = opts.kind.or_else(|| kind::kind_from_name(name));
    let kind = match (kind::sniff(bytes), by_name) {
        (Sniffed::Zip, Some(DocumentKind::Docx) | None) => DocumentKind::Docx,
        (_, Some(DocumentKind::Docx)) => DocumentKind::Docx,
        (Sniffed::Zip, Some(_)) => {
            return Err(IngestError::Binary {
                file,
                what: "ZIP archive".to_string(),
            });
        }
        (Sniffed::Binary(what), _) => {
            return Err(IngestError::Binary {
                file,
                what: what.to_string(),
            });
        }
        (Sniffed::Unknown, Some(k)) => k,
        (Sniffed::Unknown, None) => DocumentKind::PlainText,
    };
    let (text, paragraphs, encoding) = match kind {
        DocumentKind::Docx => {
            let (text, paras) = match docx::extract(bytes, name, opts.max_bytes) {
                Ok(extracted) => extracted,
                // A ZIP that only sniffing took for a DOCX is just an archive.
                Err(IngestError::MissingDocxPart { .. }) if by_name.is_none() => {
                    return Err(IngestError::Binary {
                        file,
                        what: "ZIP archive".to_string(),
                    });
                }
                Err(err) => return Err(err),
            };
            (text, paras, "UTF-8".to_string())
        }
        DocumentKind::Html => {
            let forced = opts.encoding.clone().or_else(|| {
                // A BOM outranks the declared charset, as in browsers.
                encoding_rs::Encoding::for_bom(bytes)
                    .is_none()
                    .then(|| html::declared_charset(bytes))
                    .flatten()
                    .filter(|l| encoding_rs::Encoding::for_label(l.as_bytes()).is_some())
            });
            let decoded = decode::decode(bytes, forced.as_deref(), name)?;
            let (text, paras) = html::extract(&decoded.text);
            (text, paras, decoded.encoding.name().to_string())
        }
        DocumentKind::Markdown | DocumentKind::PlainText => {
            let decoded = decode::decode(bytes, opts.encoding.as_deref(), name)?;
            let encoding = decoded.encoding.name().to_string();
            if by_name.is_none() && kind::looks_like_html(&decoded.text) {
                let (text, paras) = html::extract(&decoded.text);
                (text, paras, encoding)
            } else if kind == DocumentKind::Markdown {
                let (text, paras) = markdown::extract(&decoded.text);
                (text, paras, encoding)
            } else {
                let paras = paragraphs::split_paragraphs(&decoded.text);
                (decoded.text, paras, encoding)
            }
        }
    };
    if paragraphs.is_empty() {
        return Err(IngestError::Empty { file });
    }
    Ok(Document {
        name: file,
        text,
        encoding,
        paragraphs,
    })
}

/// Builds a document from text pasted by the user (line endings normalised, paragraphs split
/// like a plain-text file; a leading BOM is dropped).
pub fn from_pasted(name: &str, text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = decode::normalise_line_endings(text);
    let paragraphs = paragraphs::split_paragraphs(&text);
    Document {
        name: name.to_string(),
        text,
        encoding: "UTF-8".to_string(),
        paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_text_is_normalised() {
        let d = from_pasted("pasted", "\u{feff}One.\r\nTwo.\rThree.");
        assert_eq!(d.text, "One.\nTwo.\nThree.");
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn whitespace_only_is_empty() {
        let err = load_bytes("x.txt", b" \n\t\r\n", &LoadOptions::default()).unwrap_err();
        assert!(matches!(err, IngestError::Empty { .. }));
        assert!(err.to_string().starts_with("x.txt:"));
    }

    #[test]
    fn zip_without_document_part_and_extension_is_an_archive() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"hello").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        let err = load_bytes("download", &bytes, &LoadOptions::default()).unwrap_err();
        assert!(
            matches!(&err, IngestError::Binary { what, .. } if what == "ZIP archive"),
            "{err}"
        );
        let err = load_bytes("download.docx", &bytes, &LoadOptions::default()).unwrap_err();
        assert!(matches!(err, IngestError::MissingDocxPart { .. }), "{err}");
    }

    #[test]
    fn html_without_extension_is_sniffed() {
        let d = load_bytes(
            "page",
            b"<!DOCTYPE html><p>Hi there.</p>",
            &LoadOptions::default(),
        )
        .unwrap();
        assert_eq!(d.text, "Hi there.");
    }
}
