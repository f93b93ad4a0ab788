//! Bad input: every case gives a typed `IngestError` that names the file, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};

use alinea::ingest::{self, IngestError, LoadOptions};

const PNG_HEADER: &[u8] =
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06";

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn load_err(path: &Path) -> IngestError {
    load_err_with(path, &LoadOptions::default())
}

fn load_err_with(path: &Path, opts: &LoadOptions) -> IngestError {
    let err = ingest::load_path(path, opts).expect_err("loading should fail");
    let name = path
        .file_name()
        .expect("test setup")
        .to_string_lossy()
        .to_string();
    assert!(
        err.to_string().contains(&name),
        "message does not name the file: {err}"
    );
    assert!(err.file().contains(&name));
    err
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("test setup");
        zip.write_all(data).expect("test setup");
    }
    zip.finish().expect("finish zip").into_inner()
}

#[test]
fn empty_and_whitespace_only_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b"  \r\n\n\t \n")] {
        let err = load_err(&write(&dir, name, bytes));
        assert!(matches!(err, IngestError::Empty { .. }), "{err}");
    }
    // Whitespace in UTF-16 is still whitespace.
    let err = load_err(&write(&dir, "blank16.txt", b"\xFF\xFE \x00\n\x00"));
    assert!(matches!(err, IngestError::Empty { .. }), "{err}");
    // An HTML page with nothing visible is empty too.
    let err = load_err(&write(
        &dir,
        "blank.html",
        b"<html><head><title>t</title></head><body><script>x()</script></body></html>",
    ));
    assert!(matches!(err, IngestError::Empty { .. }), "{err}");
}

#[test]
fn png_renamed_txt_is_binary() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_err(&write(&dir, "photo.txt", PNG_HEADER));
    let IngestError::Binary { what, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(what, "PNG image");
}

#[test]
fn nul_bytes_and_control_characters_are_binary() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_err(&write(&dir, "nul.txt", b"text\x00with a NUL byte"));
    assert!(matches!(err, IngestError::Binary { .. }), "{err}");
    let controls: Vec<u8> = (0..300u32).map(|i| (i % 7) as u8 + 1).collect();
    let err = load_err(&write(&dir, "controls.txt", &controls));
    assert!(matches!(err, IngestError::Binary { .. }), "{err}");
}

#[test]
fn undecodable_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // A UTF-8 BOM promises UTF-8; the bytes that follow break it.
    let err = load_err(&write(&dir, "bom.txt", b"\xEF\xBB\xBFabc \xC3\x28 def"));
    assert!(
        matches!(&err, IngestError::Undecodable { encoding, at_byte: Some(4), .. } if encoding == "UTF-8"),
        "{err}"
    );
    // Forced UTF-8 on Latin-1 bytes.
    let opts = LoadOptions {
        encoding: Some("utf-8".to_string()),
        ..LoadOptions::default()
    };
    let err = load_err_with(&write(&dir, "latin1.txt", b"caf\xE9 cr\xE8me"), &opts);
    assert!(matches!(err, IngestError::Undecodable { .. }), "{err}");
    // UTF-8 text damaged by one stray byte is not silently read as another encoding.
    let mut damaged = "Bản báo cáo của Ủy ban nhân dân thành phố. "
        .repeat(4)
        .into_bytes();
    damaged.insert(20, 0xFF);
    let err = load_err(&write(&dir, "damaged.txt", &damaged));
    assert!(matches!(err, IngestError::Undecodable { .. }), "{err}");
}

#[test]
fn missing_file_and_directory() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_err(&dir.path().join("missing.txt"));
    assert!(matches!(err, IngestError::Io { .. }), "{err}");
    let sub = dir.path().join("folder.txt");
    std::fs::create_dir(&sub).unwrap();
    let err = load_err(&sub);
    assert!(matches!(err, IngestError::NotAFile { .. }), "{err}");
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "secret.txt", b"hidden text");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root can read anything; only check the error when the file really is unreadable.
    if std::fs::read(&path).is_err() {
        let err = load_err(&path);
        assert!(matches!(err, IngestError::Io { .. }), "{err}");
    }
}

#[test]
fn file_over_the_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse file: large on disk according to metadata, but never read.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap();
    let err = load_err(&path);
    let IngestError::TooLarge { size, max, .. } = err else {
        panic!("{err}");
    };
    assert_eq!(size, 200 * 1024 * 1024);
    assert_eq!(max, ingest::DEFAULT_MAX_BYTES);
    let small = LoadOptions {
        max_bytes: 4,
        ..LoadOptions::default()
    };
    let err = load_err_with(&write(&dir, "five.txt", b"hello"), &small);
    assert!(
        matches!(
            err,
            IngestError::TooLarge {
                size: 5,
                max: 4,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn docx_that_is_not_a_zip() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_err(&write(
        &dir,
        "report.docx",
        b"This is plain text, not a DOCX.",
    ));
    assert!(matches!(err, IngestError::NotZip { .. }), "{err}");
    let mut truncated = zip_with(&[("word/document.xml", b"<w:document/>")]);
    truncated.truncate(truncated.len() / 2);
    let err = load_err(&write(&dir, "truncated.docx", &truncated));
    assert!(matches!(err, IngestError::NotZip { .. }), "{err}");
}

#[test]
fn docx_without_document_part() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = zip_with(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/styles.xml", b"<w:styles/>"),
    ]);
    let err = load_err(&write(&dir, "nodoc.docx", &bytes));
    let IngestError::MissingDocxPart { part, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(part, "word/document.xml");
}

#[test]
fn docx_with_malformed_xml() {
    let dir = tempfile::tempdir().unwrap();
    for (name, xml) in [
        (
            "mismatch.docx",
            &b"<w:document><w:body><w:p><w:t>x</w:p></w:body></w:document>"[..],
        ),
        ("unclosed.docx", b"<w:document><w:body><w:p><w:t>x</w:t>"),
        ("notutf8.docx", b"<w:document>\xFF\xFE</w:document>"),
    ] {
        let err = load_err(&write(&dir, name, &zip_with(&[("word/document.xml", xml)])));
        assert!(
            matches!(err, IngestError::MalformedXml { .. }),
            "{name}: {err}"
        );
    }
}

#[test]
fn zip_renamed_txt_is_binary() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = zip_with(&[("a.txt", b"hello")]);
    let err = load_err(&write(&dir, "archive.txt", &bytes));
    assert!(matches!(err, IngestError::Binary { .. }), "{err}");
}
