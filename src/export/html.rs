//! A side-by-side HTML review report: one table row per alignment row, one column per version.
//!
//! Meant to be read and printed by people, so unlike the machine formats it shows every chosen
//! version, even two of the same language, with the version name in the header. Cells carry
//! `lang` and `dir`, so Arabic columns run right to left and browsers pick fitting fonts; the
//! style sheet repeats the header on every printed page, keeps rows whole and keeps line breaks
//! inside cells. Written with quick-xml, which escapes all text.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::export::rows::{Needs, RowText, Selection};
use crate::export::xml_text::xml_safe;
use crate::export::{ExportError, ExportOptions, ExportReport};
use crate::model::{Project, TextDirection, Version};

/// The report's style sheet (screen and print). Must not contain `<`.
const STYLE: &str = "
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #111; }
h1 { font-size: 1.3em; margin: 0 0 .6em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #bbb; padding: .35em .5em; vertical-align: top; }
td { white-space: pre-wrap; overflow-wrap: anywhere; }
thead th { background: #eee; text-align: start; }
th.num, td.num { width: 3.5em; text-align: end; color: #555; }
th.status, td.status { width: 6em; }
tr.auto td.status { color: #8a5a00; }
td.empty { background: #f4f4f4; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
}
";

/// Writes the review report for the chosen versions (all of them when no language filter).
pub fn write(
    project: &Project,
    options: &ExportOptions,
    out: impl Write,
) -> Result<ExportReport, ExportError> {
    let mut selection = Selection::new(project, options, false)?;
    let versions: Vec<&Version> = selection
        .columns
        .versions
        .iter()
        .filter_map(|&v| project.versions.get(v))
        .collect();
    let mut html = Writer::new_with_indent(out, b' ', 1);
    write_start(&mut html, &versions).map_err(ExportError::stream)?;
    selection.each_row(Needs::AnyText, |row| {
        write_row(&mut html, &versions, row).map_err(ExportError::stream)
    })?;
    write_end(&mut html).map_err(ExportError::stream)?;
    Ok(selection.report)
}

/// The `dir` attribute value for a version's cells.
fn direction(version: &Version) -> &'static str {
    match version.direction {
        TextDirection::Rtl => "rtl",
        TextDirection::Ltr => "ltr",
        TextDirection::Auto if version.lang.is_rtl() => "rtl",
        TextDirection::Auto => "ltr",
    }
}

fn write_start<W: Write>(html: &mut Writer<W>, versions: &[&Version]) -> std::io::Result<()> {
    let names: Vec<&str> = versions.iter().map(|v| v.name.as_str()).collect();
    let title = format!("Alignment review: {}", names.join(" · "));
    html.write_event(Event::DocType(BytesText::from_escaped("html")))?;
    html.write_event(Event::Start(
        BytesStart::new("html").with_attributes([("lang", "en")]),
    ))?;
    html.write_event(Event::Start(BytesStart::new("head")))?;
    html.write_event(Event::Empty(
        BytesStart::new("meta").with_attributes([("charset", "utf-8")]),
    ))?;
    html.create_element("title")
        .write_text_content(BytesText::new(&xml_safe(&title)))?;
    html.create_element("style")
        .write_text_content(BytesText::from_escaped(STYLE))?;
    html.write_event(Event::End(BytesEnd::new("head")))?;
    html.write_event(Event::Start(BytesStart::new("body")))?;
    html.create_element("h1")
        .write_text_content(BytesText::new(&xml_safe(&title)))?;
    html.write_event(Event::Start(BytesStart::new("table")))?;
    html.write_event(Event::Start(BytesStart::new("thead")))?;
    html.write_event(Event::Start(BytesStart::new("tr")))?;
    html.create_element("th")
        .with_attribute(("class", "num"))
        .write_text_content(BytesText::new("#"))?;
    html.create_element("th")
        .with_attribute(("class", "status"))
        .write_text_content(BytesText::new("Status"))?;
    for version in versions {
        let label = format!("{} ({})", version.name, version.lang);
        html.create_element("th")
            .with_attribute(("lang", version.lang.as_str()))
            .with_attribute(("dir", direction(version)))
            .write_text_content(BytesText::new(&xml_safe(&label)))?;
    }
    html.write_event(Event::End(BytesEnd::new("tr")))?;
    html.write_event(Event::End(BytesEnd::new("thead")))?;
    html.write_event(Event::Start(BytesStart::new("tbody")))
}

fn write_row<W: Write>(
    html: &mut Writer<W>,
    versions: &[&Version],
    row: &RowText,
) -> std::io::Result<()> {
    let (class, status) = if row.confirmed {
        ("confirmed", "confirmed")
    } else {
        ("auto", "auto")
    };
    html.write_event(Event::Start(
        BytesStart::new("tr").with_attributes([("class", class)]),
    ))?;
    html.create_element("td")
        .with_attribute(("class", "num"))
        .write_text_content(BytesText::new(&row.number.to_string()))?;
    html.create_element("td")
        .with_attribute(("class", "status"))
        .write_text_content(BytesText::new(status))?;
    for (version, text) in versions.iter().zip(&row.cells) {
        let mut cell = html
            .create_element("td")
            .with_attribute(("lang", version.lang.as_str()))
            .with_attribute(("dir", direction(version)));
        if text.is_empty() {
            cell = cell.with_attribute(("class", "empty"));
        }
        cell.write_text_content(BytesText::new(&xml_safe(text)))?;
    }
    html.write_event(Event::End(BytesEnd::new("tr")))
}

fn write_end<W: Write>(html: &mut Writer<W>) -> std::io::Result<()> {
    html.write_event(Event::End(BytesEnd::new("tbody")))?;
    html.write_event(Event::End(BytesEnd::new("table")))?;
    html.write_event(Event::End(BytesEnd::new("body")))?;
    html.write_event(Event::End(BytesEnd::new("html")))?;
    html.get_mut().write_all(b"\n")
}
