//! Round trips: every format is read back by an independent reader (csv, serde_json, the
//! html5ever-based `scraper`, our TMX importer) and must give back exactly the cell texts,
//! including `&`, `<`, quotes, tabs, line breaks, emoji and Arabic.

mod export_support;

use alinea::export::rows::{Needs, RowText, each_row};
use alinea::export::{ExportOptions, ExportReport, Format, tmx_read};
use alinea::model::{Project, RowStatus};
use export_support::{NASTY, complete, export, sample};

/// The rows an export should contain, computed straight from the model.
fn expected_rows(project: &Project, columns: &[usize], needs: Needs) -> Vec<RowText> {
    let mut rows = Vec::new();
    let mut report = ExportReport::default();
    each_row(
        project,
        columns,
        &ExportOptions::default(),
        needs,
        &mut report,
        |r| {
            rows.push(r.clone());
            Ok(())
        },
    )
    .expect("sample rows export");
    rows
}

#[test]
fn csv_reads_back_every_cell_exactly() {
    let project = sample();
    let text = export(Format::Csv, &project, &ExportOptions::default());
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ["vi", "en", "ar", "ru"]);
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let expected: Vec<Vec<String>> = expected_rows(&project, &[0, 1, 2, 3], Needs::AnyText)
        .into_iter()
        .map(|r| r.cells)
        .collect();
    assert_eq!(records, expected);
    assert!(records.iter().flatten().any(|c| c == NASTY));
}

#[test]
fn tsv_has_one_line_per_row_and_only_whitespace_changes() {
    let project = sample();
    let text = export(Format::Tsv, &project, &ExportOptions::default());
    let lines: Vec<&str> = text.lines().collect();
    let expected = expected_rows(&project, &[0, 1, 2, 3], Needs::AnyText);
    assert_eq!(lines.len(), expected.len() + 1);
    assert_eq!(lines[0], "vi\ten\tar\tru");
    for (line, row) in lines[1..].iter().zip(&expected) {
        let fields: Vec<&str> = line.split('\t').collect();
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect();
        assert_eq!(fields, cells);
    }
}

#[test]
fn jsonl_objects_are_keyed_by_language_in_pivot_first_order() {
    let project = sample();
    let text = export(Format::Jsonl, &project, &ExportOptions::default());
    let expected = expected_rows(&project, &[0, 1, 2, 3], Needs::AnyText);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), expected.len());
    for (line, row) in lines.iter().zip(&expected) {
        let object: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(line).unwrap();
        for (lang, cell) in ["vi", "en", "ar", "ru"].iter().zip(&row.cells) {
            match object.get(*lang) {
                Some(value) => assert_eq!(value.as_str(), Some(cell.as_str())),
                None => assert!(cell.is_empty(), "{lang} missing in {line}"),
            }
        }
    }
    assert!(lines[0].starts_with("{\"vi\":"), "{}", lines[0]);
}

#[test]
fn html_cells_read_back_with_direction_and_language() {
    let project = sample();
    let text = export(Format::Html, &project, &ExportOptions::default());
    let document = scraper::Html::parse_document(&text);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    let row_selector = scraper::Selector::parse("tbody tr").unwrap();
    let cell_selector = scraper::Selector::parse("td[lang]").unwrap();
    let expected = expected_rows(&project, &[0, 1, 2, 3], Needs::AnyText);
    let rows: Vec<_> = document.select(&row_selector).collect();
    assert_eq!(rows.len(), expected.len());
    for (row, want) in rows.iter().zip(&expected) {
        let cells: Vec<_> = row.select(&cell_selector).collect();
        let texts: Vec<String> = cells.iter().map(|c| c.text().collect()).collect();
        assert_eq!(texts, want.cells);
        let dirs: Vec<_> = cells.iter().map(|c| c.attr("dir").unwrap()).collect();
        assert_eq!(dirs, ["ltr", "ltr", "rtl", "ltr"]);
        let expected_class = if want.confirmed { "confirmed" } else { "auto" };
        assert_eq!(row.attr("class"), Some(expected_class));
    }
}

#[test]
fn tmx_export_import_export_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("complete.tmx");
    let project = complete();
    let first = export(Format::Tmx, &project, &ExportOptions::default());
    std::fs::write(&path, &first).unwrap();
    let imported = tmx_read::read(&path).unwrap();
    imported.validate().unwrap();
    let second = export(Format::Tmx, &imported, &ExportOptions::default());
    assert_eq!(first, second);
    // Status survives: row 2 was not confirmed.
    let statuses: Vec<RowStatus> = imported.alignment.rows.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [RowStatus::Confirmed, RowStatus::Auto, RowStatus::Confirmed]
    );
    let langs: Vec<&str> = imported.versions.iter().map(|v| v.lang.as_str()).collect();
    assert_eq!(langs, ["vi", "ar", "en"]);
}

#[test]
fn tmx_import_keeps_every_exported_unit_of_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tmx");
    let project = sample();
    let first = export(Format::Tmx, &project, &ExportOptions::default());
    std::fs::write(&path, &first).unwrap();
    let imported = tmx_read::read(&path).unwrap();
    let written = expected_rows(&project, &[0, 1, 2, 3], Needs::PivotAndTranslation);
    let read_back = expected_rows(&imported, &[0, 1, 2, 3], Needs::PivotAndTranslation);
    assert_eq!(read_back.len(), written.len());
    for (a, b) in read_back.iter().zip(&written) {
        assert_eq!(a.cells, b.cells);
        assert_eq!(a.confirmed, b.confirmed);
    }
    // Rows skipped by the first export are gone, so numbers change once, then stay put.
    let second = export(Format::Tmx, &imported, &ExportOptions::default());
    std::fs::write(&path, &second).unwrap();
    let third = export(
        Format::Tmx,
        &tmx_read::read(&path).unwrap(),
        &ExportOptions::default(),
    );
    assert_eq!(second, third);
}

#[test]
fn tmx_import_reads_utf16_as_trados_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utf16.tmx");
    let text = export(Format::Tmx, &complete(), &ExportOptions::default())
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).unwrap();
    let imported = tmx_read::read(&path).unwrap();
    assert_eq!(imported.versions[0].sentence_text(2), NASTY);
    assert_eq!(imported.alignment.rows.len(), 3);
}

#[test]
fn tmx_import_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.tmx");
    let err = tmx_read::read(&missing).unwrap_err();
    assert!(err.to_string().contains("missing.tmx"), "{err}");
    let broken = dir.path().join("broken.tmx");
    std::fs::write(&broken, "<tmx><body><tu><tuv xml:lang='en'><seg>a</tuv>").unwrap();
    let err = tmx_read::read(&broken).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{}: ", broken.display())),
        "{err}"
    );
    let empty = dir.path().join("empty.tmx");
    std::fs::write(
        &empty,
        "<tmx version='1.4'><header srclang='en'/><body/></tmx>",
    )
    .unwrap();
    let err = tmx_read::read(&empty).unwrap_err();
    assert!(err.to_string().contains("no translation unit"), "{err}");
}

#[test]
fn two_versions_of_one_language_never_give_two_tuv_of_that_language() {
    let project = export_support::sample_with_two_arabic();
    let mut out = Vec::new();
    let report =
        alinea::export::write(Format::Tmx, &project, &ExportOptions::default(), &mut out).unwrap();
    assert_eq!(report.warnings.len(), 1);
    assert!(
        report.warnings[0].contains("taqrir-2.ar.docx"),
        "{:?}",
        report.warnings
    );
    let text = String::from_utf8(out).unwrap();
    for unit in text.split("<tu>").skip(1) {
        assert!(unit.matches("xml:lang=\"ar\"").count() <= 1, "{unit}");
    }
    // The same choice for every language-keyed format.
    let csv = export(Format::Csv, &project, &ExportOptions::default());
    assert!(csv.starts_with("vi,en,ar,ru\n"), "{csv}");
    // The HTML report is for people and shows both.
    let html = export(Format::Html, &project, &ExportOptions::default());
    assert!(html.contains("taqrir-2.ar.docx (ar)"));
}
