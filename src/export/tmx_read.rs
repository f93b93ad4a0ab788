//! TMX import: a TMX file becomes a new project, one version per language and one row per
//! translation unit.
//!
//! Design, chosen to be simple and exactly invertible with [`crate::export::tmx::write`]:
//! - Versions: `srclang` first (the pivot), then the other languages in order of first use.
//!   Version names are "FILE (lang)".
//! - Each `<tu>` with text becomes one row; each `<tuv>` one sentence, alone in its paragraph.
//!   A language missing from a unit gives an empty cell.
//! - Rows are confirmed (a translation memory holds checked pairs), except units Alinea itself
//!   wrote with `<prop type="x-alinea-status">auto</prop>`, which stay unconfirmed so that an
//!   export → import → export cycle gives the same file.
//! - Inline codes (`<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`) hold native markup, not text, and are
//!   dropped; the text of `<hi>` is kept.
//! - UTF-8 (with or without byte order mark) and UTF-16 with byte order mark (what Trados writes)
//!   are read. A second `<tuv>` of a language already seen in the unit is ignored with a warning.
//! - `srclang="*all*"` (or none) takes the first language of the first unit as pivot.
//!
//! The whole file is read into memory; TMX files of a few hundred megabytes are fine.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use crate::export::ImportError;
use crate::export::tmx::PROP_STATUS;
use crate::model::{Alignment, Lang, Project, Row, RowStatus, Version};

/// A project read from TMX, with what the reader had to ignore.
#[derive(Clone, Debug, PartialEq)]
pub struct TmxImport {
    /// The new project (pivot 0 = `srclang`).
    pub project: Project,
    /// Things ignored on the way (empty units, duplicate languages in a unit).
    pub warnings: Vec<String>,
}

/// One `<tu>` as read: its language texts and status.
struct Unit {
    tuvs: Vec<(Lang, String)>,
    status: RowStatus,
}

impl Default for Unit {
    /// Units from translation memories are checked translations, hence confirmed.
    fn default() -> Self {
        Unit {
            tuvs: Vec::new(),
            status: RowStatus::Confirmed,
        }
    }
}

/// Reads a TMX file into a new project.
pub fn read(path: &Path) -> Result<Project, ImportError> {
    read_with_warnings(path).map(|import| import.project)
}

/// Reads a TMX file into a new project and reports what was ignored.
pub fn read_with_warnings(path: &Path) -> Result<TmxImport, ImportError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        file: file.clone(),
        source,
    })?;
    let text = decode(&bytes).ok_or_else(|| ImportError::Xml {
        file: file.clone(),
        position: 0,
        message: "not UTF-8 or UTF-16 text".to_string(),
    })?;
    let (srclang, units, mut warnings) = parse(&text, &file)?;
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.clone());
    let project = build_project(&stem, path, srclang, &units, &mut warnings)
        .ok_or(ImportError::Empty { file })?;
    Ok(TmxImport { project, warnings })
}

/// Decodes UTF-8 (optional BOM) or UTF-16 with BOM; `None` for anything else.
fn decode(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, had_errors) = encoding_rs::UTF_16LE.decode(bytes);
        return (!had_errors).then(|| text.into_owned());
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).ok()
}

/// Where the parser is inside a unit.
#[derive(Default)]
struct Cursor {
    unit: Option<Unit>,
    tuv_lang: Option<Lang>,
    seg: Option<String>,
    prop: Option<(String, String)>,
    inline_code_depth: usize,
}

type Parsed = (Option<Lang>, Vec<Unit>, Vec<String>);

fn parse(text: &str, file: &str) -> Result<Parsed, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut depth = 0usize;
    let mut saw_root = false;
    let mut srclang = None;
    let mut units = Vec::new();
    let mut warnings = Vec::new();
    let mut at = Cursor::default();
    loop {
        let event = reader.read_event().map_err(|e| ImportError::Xml {
            file: file.to_string(),
            position: reader.error_position(),
            message: e.to_string(),
        })?;
        let position = reader.buffer_position();
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = start.local_name().as_ref().to_string();
                if !saw_root {
                    if name != "tmx" {
                        return Err(ImportError::NotTmx {
                            file: file.to_string(),
                            message: format!("the root element is <{name}>, not <tmx>"),
                        });
                    }
                    saw_root = true;
                }
                if !is_empty {
                    depth += 1;
                }
                let attr = |key: &str| attribute(start, key);
                match name.as_str() {
                    "header" => {
                        srclang = attr("srclang")
                            .filter(|l| !l.eq_ignore_ascii_case("*all*"))
                            .map(|l| Lang::new(&l));
                    }
                    "tu" if !is_empty => at.unit = Some(Unit::default()),
                    "prop" if at.unit.is_some() && at.tuv_lang.is_none() && !is_empty => {
                        at.prop = Some((attr("type").unwrap_or_default(), String::new()));
                    }
                    "tuv" if at.unit.is_some() => {
                        let lang = attr("xml:lang").or_else(|| attr("lang"));
                        match lang {
                            Some(lang) if !is_empty => at.tuv_lang = Some(Lang::new(&lang)),
                            Some(_) => {}
                            None => warnings.push(format!(
                                "{file}: <tuv> without xml:lang at byte {position} ignored"
                            )),
                        }
                    }
                    "seg" if at.tuv_lang.is_some() => {
                        at.seg = Some(String::new());
                        at.inline_code_depth = 0;
                    }
                    "bpt" | "ept" | "it" | "ph" | "ut" if at.seg.is_some() && !is_empty => {
                        at.inline_code_depth += 1;
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                let name = end.local_name().as_ref().to_string();
                match name.as_str() {
                    "bpt" | "ept" | "it" | "ph" | "ut" if at.seg.is_some() => {
                        at.inline_code_depth = at.inline_code_depth.saturating_sub(1);
                    }
                    "seg" => finish_seg(&mut at, file, &mut warnings),
                    "tuv" => at.tuv_lang = None,
                    "prop" => {
                        if let (Some((kind, value)), Some(unit)) = (at.prop.take(), &mut at.unit)
                            && kind == PROP_STATUS
                            && value.trim() == "auto"
                        {
                            unit.status = RowStatus::Auto;
                        }
                    }
                    "tu" => {
                        if let Some(unit) = at.unit.take() {
                            if unit.tuvs.is_empty() {
                                warnings.push(format!(
                                    "{file}: a <tu> without text before byte {position} ignored"
                                ));
                            } else {
                                units.push(unit);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => push_text(&mut at, &t.xml10_content()),
            Event::CData(t) => push_text(&mut at, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => resolve_predefined_entity(&r.xml10_content()).map(str::to_string),
                    Err(_) => None,
                };
                let Some(resolved) = resolved else {
                    return Err(ImportError::Xml {
                        file: file.to_string(),
                        position,
                        message: format!("unknown entity &{};", r.xml10_content()),
                    });
                };
                push_text(&mut at, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(ImportError::NotTmx {
            file: file.to_string(),
            message: "no <tmx> element".to_string(),
        });
    }
    if depth > 0 {
        return Err(ImportError::Xml {
            file: file.to_string(),
            position: reader.buffer_position(),
            message: "the file ends inside an element (truncated?)".to_string(),
        });
    }
    Ok((srclang, units, warnings))
}

fn attribute(start: &BytesStart, key: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn push_text(at: &mut Cursor, text: &str) {
    if let Some(seg) = &mut at.seg {
        if at.inline_code_depth == 0 {
            seg.push_str(text);
        }
    } else if let Some((_, value)) = &mut at.prop {
        value.push_str(text);
    }
}

fn finish_seg(at: &mut Cursor, file: &str, warnings: &mut Vec<String>) {
    let (Some(seg), Some(lang), Some(unit)) = (at.seg.take(), &at.tuv_lang, &mut at.unit) else {
        return;
    };
    let seg = seg.trim();
    if seg.is_empty() {
        return;
    }
    if unit.tuvs.iter().any(|(l, _)| l == lang) {
        warnings.push(format!(
            "{file}: a second <tuv xml:lang=\"{lang}\"> in one unit ignored"
        ));
        return;
    }
    unit.tuvs.push((lang.clone(), seg.to_string()));
}

fn build_project(
    name: &str,
    path: &Path,
    srclang: Option<Lang>,
    units: &[Unit],
    warnings: &mut Vec<String>,
) -> Option<Project> {
    let mut langs: Vec<Lang> = Vec::new();
    let used = units.iter().flat_map(|u| u.tuvs.iter().map(|(l, _)| l));
    for lang in srclang.iter().chain(used) {
        if !langs.contains(lang) {
            langs.push(lang.clone());
        }
    }
    if srclang
        .as_ref()
        .is_some_and(|src| !units.iter().any(|u| u.tuvs.iter().any(|(l, _)| l == src)))
    {
        warnings.push(format!(
            "{name}: no unit has text in the source language; it is left out"
        ));
        langs.remove(0);
    }
    if langs.is_empty() {
        return None;
    }
    let mut sentences: Vec<Vec<Vec<&str>>> = vec![Vec::new(); langs.len()];
    let mut rows = Vec::with_capacity(units.len());
    for unit in units {
        let mut cells = Vec::with_capacity(langs.len());
        for (v, lang) in langs.iter().enumerate() {
            let start = sentences[v].len();
            if let Some((_, text)) = unit.tuvs.iter().find(|(l, _)| l == lang) {
                sentences[v].push(vec![text.as_str()]);
            }
            cells.push(start..sentences[v].len());
        }
        rows.push(Row {
            cells,
            score: 1.0,
            status: unit.status,
        });
    }
    let versions = langs
        .iter()
        .zip(&sentences)
        .map(|(lang, paragraphs)| {
            let mut version =
                Version::from_sentences(&format!("{name} ({lang})"), lang.clone(), paragraphs);
            version.source_path = Some(path.to_path_buf());
            version
        })
        .collect();
    let mut project = Project::new(versions);
    project.alignment = Alignment { pivot: 0, rows };
    Some(project)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_bom_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBF<a/>").as_deref(), Some("<a/>"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a/>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16).as_deref(), Some("<a/>"));
        assert_eq!(decode(b"\xFFabc"), None);
    }

    #[test]
    fn inline_codes_are_dropped_and_entities_resolved() {
        let tmx = r#"<tmx version="1.4"><header srclang="*all*"/><body>
<tu><tuv lang="EN"><seg>A <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> &amp; <hi>hi</hi>&#x1F600;</seg></tuv>
<tuv xml:lang="ru"><seg>Б</seg></tuv><tuv xml:lang="ru"><seg>B2</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>  </seg></tuv></tu></body></tmx>"#;
        let (src, units, warnings) = parse(tmx, "t.tmx").unwrap();
        assert_eq!(src, None);
        assert_eq!(units.len(), 1);
        assert_eq!(
            units[0].tuvs[0],
            (Lang::new("en"), "A bold & hi😀".to_string())
        );
        assert_eq!(units[0].tuvs.len(), 2);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn rejects_other_xml_and_truncated_files() {
        let err = parse("<html><body/></html>", "x.tmx").err().unwrap();
        assert!(err.to_string().contains("x.tmx: not a TMX file"), "{err}");
        let err = parse("<tmx><body><tu>", "y.tmx").err().unwrap();
        assert!(err.to_string().starts_with("y.tmx: "), "{err}");
        let err = parse("<tmx><body>&nbsp;</body></tmx>", "z.tmx")
            .err()
            .unwrap();
        assert!(err.to_string().contains("nbsp"), "{err}");
    }
}
