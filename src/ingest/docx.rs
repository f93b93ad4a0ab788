//! DOCX → paragraphs: the body of `word/document.xml`, one paragraph per `<w:p>` (table
//! cells contain their own `<w:p>`, so every cell paragraph is one too). Tabs and line
//! breaks inside a paragraph become a space and a line break; deleted text of tracked
//! changes (`<w:delText>`) and field codes (`<w:instrText>`) are not text and are skipped.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::IngestError;
use super::builder::TextBuilder;

/// The part of a DOCX package that holds the main text.
const DOCUMENT_PART: &str = "word/document.xml";

/// Extracts text and paragraph ranges from DOCX bytes. `max_bytes` caps the uncompressed
/// size of the document part (so a ZIP bomb cannot exhaust memory).
pub fn extract(
    bytes: &[u8],
    file: &str,
    max_bytes: u64,
) -> Result<(String, Vec<std::ops::Range<usize>>), IngestError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| IngestError::NotZip {
            file: file.to_string(),
            reason: e.to_string(),
        })?;
    let mut part = archive
        .by_name(DOCUMENT_PART)
        .map_err(|_| IngestError::MissingDocxPart {
            file: file.to_string(),
            part: DOCUMENT_PART.to_string(),
        })?;
    let mut xml = Vec::new();
    part.by_ref()
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|e| IngestError::NotZip {
            file: file.to_string(),
            reason: format!("{DOCUMENT_PART}: {e}"),
        })?;
    if xml.len() as u64 > max_bytes {
        return Err(IngestError::TooLarge {
            file: file.to_string(),
            size: xml.len() as u64,
            max: max_bytes,
        });
    }
    let malformed = |reason: String| IngestError::MalformedXml {
        file: file.to_string(),
        part: DOCUMENT_PART.to_string(),
        reason,
    };
    let xml = std::str::from_utf8(&xml).map_err(|e| malformed(e.to_string()))?;
    paragraphs_from_xml(xml).map_err(malformed)
}

/// Walks WordprocessingML and collects the text of each `<w:p>`.
fn paragraphs_from_xml(xml: &str) -> Result<(String, Vec<std::ops::Range<usize>>), String> {
    let mut reader = Reader::from_str(xml);
    let mut out = TextBuilder::new();
    // Open paragraphs, innermost last (text boxes nest a paragraph inside a paragraph).
    let mut open: Vec<String> = Vec::new();
    let mut in_text = false;
    let mut depth = 0usize;
    let mut saw_root = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} (at byte {})", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                saw_root = true;
                match e.local_name().as_ref() {
                    "t" => in_text = true,
                    "p" => open.push(String::new()),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                saw_root = true;
                let Some(para) = open.last_mut() else {
                    continue;
                };
                match e.local_name().as_ref() {
                    "tab" => para.push(' '),
                    "br" | "cr" => para.push('\n'),
                    "noBreakHyphen" => para.push('\u{2011}'),
                    _ => {}
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                match e.local_name().as_ref() {
                    "t" => in_text = false,
                    "p" => {
                        if let Some(para) = open.pop() {
                            out.push_paragraph(&para);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                if let Some(para) = open.last_mut() {
                    para.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if in_text => {
                if let Some(para) = open.last_mut() {
                    para.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                let Some(para) = open.last_mut() else {
                    continue;
                };
                if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
                    para.push(c);
                } else {
                    let name: &str = &r;
                    let c = match name {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        other => return Err(format!("unknown entity &{other};")),
                    };
                    para.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err("document ends inside an element".to_string());
    }
    if !saw_root {
        return Err("no XML elements".to_string());
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_breaks() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>Hello</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">world &amp; co</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>cell 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:delText>gone</w:delText><w:t>kept</w:t><w:br/><w:t>line</w:t></w:r></w:p>
            <w:p><w:r><w:t>outer</w:t><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:r></w:p>
            <w:p/></w:body></w:document>"#;
        let (text, ranges) = paragraphs_from_xml(xml).unwrap();
        let paras: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            paras,
            [
                "Hello world & co",
                "cell 1",
                "cell 2",
                "kept\nline",
                "boxed",
                "outer"
            ]
        );
    }

    #[test]
    fn mismatched_tags_are_errors() {
        assert!(paragraphs_from_xml("<w:document><w:p></w:document>").is_err());
        assert!(paragraphs_from_xml("<w:document><w:p>").is_err());
        assert!(paragraphs_from_xml("not xml at all").is_err());
    }
}
