//! Formats: HTML, Markdown, DOCX (built here with the zip crate), plain text paragraph
//! layouts, pasted text, and the pipeline from file to segmented version.

use std::io::Write;
use std::path::{Path, PathBuf};

use alinea::ingest::{self, DocumentKind, LoadOptions};
use alinea::model::{Document, Lang};
use alinea::pipeline;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.paragraphs
        .iter()
        .map(|r| &doc.text[r.clone()])
        .collect()
}

/// A minimal but valid DOCX: content types, relationships and the document part.
fn docx(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let parts: [(&str, &str); 3] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        ("word/document.xml", &document),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("test setup");
        zip.write_all(data.as_bytes()).expect("test setup");
    }
    zip.finish().expect("finish zip").into_inner()
}

fn para(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn html_gives_visible_blocks() {
    let doc = ingest::load_path(&fixture("report.html"), &LoadOptions::default()).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    let paras = paragraphs(&doc);
    assert_eq!(paras[0], "Utama");
    assert_eq!(paras[1], "Mesyuarat Jawatankuasa Bandaraya");
    assert!(paras[2].starts_with("Pengerusi Jawatankuasa"));
    assert!(paras[2].ends_with("semakin meningkat."));
    assert!(
        !paras[2].contains("  "),
        "whitespace collapsed: {}",
        paras[2]
    );
    assert!(!doc.text.contains("kuki"), "display:none is not visible");
    assert!(!doc.text.contains("analytics") && !doc.text.contains("track()"));
    assert!(!doc.text.contains("font-family") && !doc.text.contains("Laporan tahunan"));
    assert_eq!(&paras[4..], ["Perkara", "Jumlah", "Projek baharu", "12"]);
}

#[test]
fn html_charset_from_meta_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let body = "<p>Комитет собрался в понедельник.</p>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(body);
    let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
    page.extend_from_slice(&bytes);
    let path = dir.path().join("page.htm");
    std::fs::write(&path, page).unwrap();
    let doc = ingest::load_path(&path, &LoadOptions::default()).unwrap();
    assert_eq!(doc.encoding, "windows-1251");
    assert_eq!(doc.text, "Комитет собрался в понедельник.");
}

#[test]
fn markdown_loses_its_markup() {
    let doc = ingest::load_path(&fixture("report.md"), &LoadOptions::default()).unwrap();
    assert_eq!(
        paragraphs(&doc),
        [
            "Rapat Komite Partai Kota",
            "Ketua Panitia Penyelenggara mengatakan bahwa rapat pertama akan diadakan\ndi kantor wali kota pada minggu depan.",
            "Pemerintah provinsi bisa menambah anggaran karena jumlah proyek meningkat.",
            "Masyarakat dapat mengirimkan usulan secara gratis.",
            "Uang pajak harus digunakan secara efektif.",
        ]
    );
}

#[test]
fn docx_paragraphs_and_table_cells() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "{}{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>{}",
        para("Báo cáo tổng kết năm 2023"),
        r#"<w:p><w:r><w:t>Ủy ban đã họp </w:t></w:r><w:r><w:t>vào thứ Hai &amp; thứ Ba.</w:t></w:r></w:p>"#,
        para("Ô 1"),
        para("Ô 2"),
        "<w:p/>",
    );
    let path = dir.path().join("report.docx");
    std::fs::write(&path, docx(&body)).unwrap();
    let doc = ingest::load_path(&path, &LoadOptions::default()).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(
        paragraphs(&doc),
        [
            "Báo cáo tổng kết năm 2023",
            "Ủy ban đã họp vào thứ Hai & thứ Ba.",
            "Ô 1",
            "Ô 2"
        ]
    );
    // A DOCX with another extension is recognised by its content.
    let renamed = dir.path().join("report.bin");
    std::fs::copy(&path, &renamed).unwrap();
    assert_eq!(
        ingest::load_path(&renamed, &LoadOptions::default()).unwrap(),
        Document {
            name: renamed.display().to_string(),
            ..doc
        }
    );
}

#[test]
fn one_paragraph_per_line_file() {
    let doc = ingest::load_path(&fixture("lines.txt"), &LoadOptions::default()).unwrap();
    let paras = paragraphs(&doc);
    assert_eq!(paras.len(), 4);
    assert_eq!(paras[0], "Улучшить качество работы");
    assert_eq!(paras[3], "Во-вторых, утвердить план на следующий год.");
}

#[test]
fn forced_kind_reads_html_as_text() {
    let opts = LoadOptions {
        kind: Some(DocumentKind::PlainText),
        ..LoadOptions::default()
    };
    let doc = ingest::load_path(&fixture("report.html"), &opts).unwrap();
    assert!(doc.text.starts_with("<!DOCTYPE html>"));
}

#[test]
fn pasted_text_matches_file_loading() {
    let text = std::fs::read_to_string(fixture("arabic.txt")).unwrap();
    let pasted = ingest::from_pasted("pasted text", &text.replace('\n', "\r\n"));
    let loaded = ingest::load_path(&fixture("arabic.txt"), &LoadOptions::default()).unwrap();
    assert_eq!(pasted.text, loaded.text);
    assert_eq!(pasted.paragraphs, loaded.paragraphs);
    assert_eq!(pasted.name, "pasted text");
}

#[test]
fn pipeline_detects_language_and_segments() {
    let v = pipeline::load_version(&fixture("arabic.txt"), None, &LoadOptions::default(), Default::default()).unwrap();
    assert_eq!(v.lang, Lang::new("ar"));
    assert_eq!(v.paragraphs.len(), 2);
    assert!(v.sentences.len() >= 2);
    assert_eq!(
        v.source_path.as_deref(),
        Some(fixture("arabic.txt").as_path())
    );
    for s in &v.sentences {
        let p = &v.paragraphs[s.paragraph];
        assert!(p.start <= s.range.start && s.range.end <= p.end);
    }
    let forced = pipeline::load_version(
        &fixture("arabic.txt"),
        Some(Lang::new("fa")),
        &LoadOptions::default(),
        Default::default(),
    )
    .unwrap();
    assert_eq!(forced.lang, Lang::new("fa"));
}
