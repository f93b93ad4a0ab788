//! TMX 1.4b writer: one `<tu>` per alignment row, one `<tuv>` per language with text.
//!
//! The header carries every attribute TMX 1.4b requires; `srclang` is the pivot's language
//! (never `*all*`, which memoQ and Trados refuse for alignment data). Each unit records the
//! project row number and its status as `<prop type="x-alinea-row">` and
//! `<prop type="x-alinea-status">` (`confirmed` or `auto`), so a reviewer can find the row again
//! and an import can restore the status. The file is UTF-8 without a byte order mark, written
//! event by event with quick-xml (which does all escaping), indented by two spaces outside
//! `<seg>`. No creation date is written, so identical projects give identical files.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::export::rows::{Needs, RowText, Selection};
use crate::export::xml_text::xml_safe;
use crate::export::{ExportError, ExportOptions, ExportReport};
use crate::model::{Lang, Project};

/// `creationtool` in the header.
const CREATION_TOOL: &str = "Alinea";
/// Property type holding the 1-based project row number.
const PROP_ROW: &str = "x-alinea-row";
/// Property type holding `confirmed` or `auto`.
pub const PROP_STATUS: &str = "x-alinea-status";

/// Writes the project as one multilingual TMX 1.4b document.
///
/// Needs the pivot language among the chosen languages and at least one other language.
/// Rows without pivot text, or without any translation, are skipped and counted.
pub fn write(
    project: &Project,
    options: &ExportOptions,
    out: impl Write,
) -> Result<ExportReport, ExportError> {
    let mut selection = Selection::new(project, options, true)?;
    let langs = selection.langs();
    let Some(&srclang) = langs.first().filter(|_| selection.columns.pivot_first) else {
        let pivot = project
            .versions
            .get(project.alignment.pivot)
            .map(|v| v.lang.to_string())
            .unwrap_or_default();
        return Err(ExportError::PivotNotSelected { pivot });
    };
    if langs.len() < 2 {
        return Err(ExportError::NothingToExport(format!(
            "TMX needs a translation besides the pivot language {srclang}"
        )));
    }
    let mut xml = Writer::new_with_indent(out, b' ', 2);
    write_start(&mut xml, srclang).map_err(ExportError::stream)?;
    selection.each_row(Needs::PivotAndTranslation, |row| {
        write_unit(&mut xml, &langs, row).map_err(ExportError::stream)
    })?;
    write_end(&mut xml).map_err(ExportError::stream)?;
    Ok(selection.report)
}

fn write_start<W: Write>(xml: &mut Writer<W>, srclang: &Lang) -> std::io::Result<()> {
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xml.write_event(Event::Start(
        BytesStart::new("tmx").with_attributes([("version", "1.4")]),
    ))?;
    let version = env!("CARGO_PKG_VERSION");
    xml.write_event(Event::Empty(BytesStart::new("header").with_attributes([
        ("creationtool", CREATION_TOOL),
        ("creationtoolversion", version),
        ("segtype", "sentence"),
        ("o-tmf", CREATION_TOOL),
        ("adminlang", "en"),
        ("srclang", srclang.as_str()),
        ("datatype", "plaintext"),
    ])))?;
    xml.write_event(Event::Start(BytesStart::new("body")))
}

fn write_unit<W: Write>(
    xml: &mut Writer<W>,
    langs: &[&Lang],
    row: &RowText,
) -> std::io::Result<()> {
    xml.write_event(Event::Start(BytesStart::new("tu")))?;
    let number = row.number.to_string();
    write_prop(xml, PROP_ROW, &number)?;
    let status = if row.confirmed { "confirmed" } else { "auto" };
    write_prop(xml, PROP_STATUS, status)?;
    for (lang, text) in langs.iter().zip(&row.cells) {
        if text.is_empty() {
            continue;
        }
        xml.write_event(Event::Start(
            BytesStart::new("tuv").with_attributes([("xml:lang", lang.as_str())]),
        ))?;
        xml.create_element("seg")
            .write_text_content(BytesText::new(&xml_safe(text)))?;
        xml.write_event(Event::End(BytesEnd::new("tuv")))?;
    }
    xml.write_event(Event::End(BytesEnd::new("tu")))
}

fn write_prop<W: Write>(xml: &mut Writer<W>, kind: &str, value: &str) -> std::io::Result<()> {
    xml.create_element("prop")
        .with_attribute(("type", kind))
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

fn write_end<W: Write>(xml: &mut Writer<W>) -> std::io::Result<()> {
    xml.write_event(Event::End(BytesEnd::new("body")))?;
    xml.write_event(Event::End(BytesEnd::new("tmx")))?;
    xml.get_mut().write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Row, RowStatus, Version};

    fn two_lang(pivot_text: &str, target_text: &str) -> Project {
        let vi = Version::from_sentences("vi", Lang::new("vi"), &[vec![pivot_text]]);
        let en = Version::from_sentences("en", Lang::new("en"), &[vec![target_text]]);
        let mut p = Project::new(vec![vi, en]);
        p.alignment = Alignment {
            pivot: 0,
            rows: vec![Row {
                cells: vec![0..1, 0..1],
                score: 1.0,
                status: RowStatus::Confirmed,
            }],
        };
        p
    }

    fn tmx_of(p: &Project) -> String {
        let mut out = Vec::new();
        write(p, &ExportOptions::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_markup_and_has_no_bom() {
        let text = tmx_of(&two_lang("A & B <c> \"q\"", "x\u{1}y"));
        assert!(text.starts_with("<?xml"), "{text}");
        assert!(
            text.contains("<seg>A &amp; B &lt;c&gt; &quot;q&quot;</seg>"),
            "{text}"
        );
        assert!(text.contains("<seg>x y</seg>"), "{text}");
        assert!(text.contains("srclang=\"vi\""), "{text}");
        assert!(text.contains("<prop type=\"x-alinea-status\">confirmed</prop>"));
    }

    #[test]
    fn a_project_without_rows_gives_a_valid_empty_body() {
        let mut p = two_lang("Một.", "One.");
        p.versions = vec![
            Version::from_sentences("vi", Lang::new("vi"), &[]),
            Version::from_sentences("en", Lang::new("en"), &[]),
        ];
        p.alignment.rows.clear();
        let text = tmx_of(&p);
        assert!(text.contains("<body>"), "{text}");
        assert!(text.trim_end().ends_with("</body>\n</tmx>"), "{text}");
        assert!(!text.contains("<tu>"), "{text}");
    }

    #[test]
    fn refuses_a_filter_without_the_pivot() {
        let p = two_lang("Một.", "One.");
        let options = ExportOptions {
            langs: vec![Lang::new("en")],
            ..Default::default()
        };
        let err = write(&p, &options, Vec::new()).unwrap_err();
        assert!(matches!(err, ExportError::PivotNotSelected { .. }), "{err}");
        let options = ExportOptions {
            langs: vec![Lang::new("vi")],
            ..Default::default()
        };
        let err = write(&p, &options, Vec::new()).unwrap_err();
        assert!(matches!(err, ExportError::NothingToExport(_)), "{err}");
    }
}
