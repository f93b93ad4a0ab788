//! TBX import and export.
//!
//! Reads TBX-Basic v3 (`<tbx>` root: `conceptEntry` / `langSec` / `termSec`) and the older
//! TBX v2 (`<martif>` root: `termEntry` / `langSet` / `tig` or `ntig`). Writes TBX-Basic v3 (DCA
//! style) or, for tools that only read v2 (translate-toolkit), `<martif>` v2 — both with
//! quick-xml's `Writer`, so escaping is never hand-made.
//!
//! Mapping: `termNote type="administrativeStatus"` preferredTerm-admn-sts / admittedTerm-admn-sts
//! / deprecatedTerm-admn-sts (also supersededTerm-admn-sts on reading) ↔ preferred / allowed /
//! forbidden; a term without status is preferred if it is the first of its language, allowed
//! otherwise. `descrip type="definition"` (or a concept-level `note`) ↔ the concept note;
//! `descrip type="subjectField"` ↔ subject. Case sensitivity and match mode are not part of
//! TBX and come back as defaults.

use std::io::Cursor;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};

use super::error::{GlossaryError, read_file};
use super::model::{Concept, Glossary, Term, TermStatus};
use crate::lang::Lang;

/// Which TBX flavour to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TbxVersion {
    /// TBX-Basic v3 (ISO 30042:2019, `<tbx>` root, DCA style).
    #[default]
    V3,
    /// TBX v2 (`<martif>` root), for older tools.
    V2Martif,
}

/// Loads a TBX file (v3 or v2).
pub fn load_tbx(path: &Path) -> Result<Glossary, GlossaryError> {
    let bytes = read_file(path)?;
    parse_tbx(&bytes, path)
}

#[derive(Default)]
struct TermBuilder {
    text: String,
    status: Option<TermStatus>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Term,
    Status,
    Definition,
    Subject,
    Note,
}

fn attr(e: &BytesStart, names: &[&str]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        if names.contains(&a.key.as_ref()) {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.trim().to_string())
        } else {
            None
        }
    })
}

fn status_from(value: &str) -> Option<TermStatus> {
    let v = value.trim().to_ascii_lowercase();
    if v.starts_with("preferred") {
        Some(TermStatus::Preferred)
    } else if v.starts_with("admitted") || v.starts_with("allowed") {
        Some(TermStatus::Allowed)
    } else if v.starts_with("deprecated")
        || v.starts_with("superseded")
        || v.starts_with("forbidden")
    {
        Some(TermStatus::Forbidden)
    } else {
        None
    }
}

/// Parses TBX bytes; `path` names the file in errors.
pub fn parse_tbx(bytes: &[u8], path: &Path) -> Result<Glossary, GlossaryError> {
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let mut reader = Reader::from_str(&text);
    let mut glossary = Glossary::default();
    let mut root_seen = false;
    let mut concept: Option<Concept> = None;
    let mut lang: Option<Lang> = None;
    let mut term: Option<TermBuilder> = None;
    let mut capture = Capture::None;
    let mut buf = String::new();
    let mut generated = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            GlossaryError::format(
                path,
                format!("XML error at byte {}: {e}", reader.error_position()),
            )
        })?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = e.local_name();
                let name = name.as_ref();
                if !root_seen {
                    if name != "tbx" && name != "martif" {
                        return Err(GlossaryError::format(
                            path,
                            "root element is neither <tbx> nor <martif>",
                        ));
                    }
                    root_seen = true;
                    continue;
                }
                match name {
                    "conceptEntry" | "termEntry" => {
                        generated += 1;
                        let id = attr(e, &["id"])
                            .filter(|s| !s.is_empty())
                            .unwrap_or_else(|| format!("concept-{generated}"));
                        concept = Some(Concept {
                            id,
                            ..Concept::default()
                        });
                    }
                    "langSec" | "langSet" => {
                        lang = attr(e, &["xml:lang", "lang"]).map(|l| Lang::new(&l));
                    }
                    "termSec" | "tig" | "ntig" => term = Some(TermBuilder::default()),
                    "term" if !is_empty => {
                        term.get_or_insert_with(TermBuilder::default);
                        capture = Capture::Term;
                        buf.clear();
                    }
                    "termNote" if !is_empty => {
                        let kind = attr(e, &["type"]).unwrap_or_default();
                        if kind == "administrativeStatus" || kind == "normativeAuthorization" {
                            capture = Capture::Status;
                            buf.clear();
                        }
                    }
                    "descrip" if !is_empty => {
                        capture = match attr(e, &["type"]).as_deref() {
                            Some("definition") => Capture::Definition,
                            Some("subjectField") => Capture::Subject,
                            _ => Capture::None,
                        };
                        buf.clear();
                    }
                    "note" if !is_empty && term.is_none() => {
                        capture = Capture::Note;
                        buf.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if capture != Capture::None => buf.push_str(&t.xml10_content()),
            Event::CData(t) if capture != Capture::None => buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if capture != Capture::None => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r.xml10_content() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = resolved {
                    buf.push(c);
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "term" => {
                        if let Some(t) = term.as_mut() {
                            t.text = buf.trim().to_string();
                        }
                        capture = Capture::None;
                    }
                    "termNote" if capture == Capture::Status => {
                        if let Some(t) = term.as_mut() {
                            t.status = status_from(&buf);
                        }
                        capture = Capture::None;
                    }
                    "descrip" | "note" => {
                        if let Some(c) = concept.as_mut() {
                            let value = buf.trim().to_string();
                            match capture {
                                Capture::Definition => c.note = value,
                                Capture::Subject => c.subject = value,
                                Capture::Note if c.note.is_empty() => c.note = value,
                                _ => {}
                            }
                        }
                        capture = Capture::None;
                    }
                    "termSec" | "tig" | "ntig" => {
                        let (Some(t), Some(c), Some(l)) =
                            (term.take(), concept.as_mut(), lang.clone())
                        else {
                            continue;
                        };
                        if t.text.is_empty() {
                            continue;
                        }
                        let list = c.terms.entry(l).or_default();
                        let status = t.status.unwrap_or(if list.is_empty() {
                            TermStatus::Preferred
                        } else {
                            TermStatus::Allowed
                        });
                        list.push(Term::new(&t.text, status));
                    }
                    "langSec" | "langSet" => lang = None,
                    "conceptEntry" | "termEntry" => {
                        if let Some(c) = concept.take() {
                            let entry =
                                glossary
                                    .concepts
                                    .entry(c.id.clone())
                                    .or_insert_with(|| Concept {
                                        id: c.id.clone(),
                                        ..Concept::default()
                                    });
                            if entry.note.is_empty() {
                                entry.note = c.note;
                            }
                            if entry.subject.is_empty() {
                                entry.subject = c.subject;
                            }
                            for (l, terms) in c.terms {
                                entry.terms.entry(l).or_default().extend(terms);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(GlossaryError::format(
            path,
            "empty file: no <tbx> or <martif> element",
        ));
    }
    if concept.is_some() {
        return Err(GlossaryError::format(
            path,
            "file ends inside a concept entry (truncated?)",
        ));
    }
    Ok(glossary)
}

fn status_value(status: TermStatus) -> &'static str {
    match status {
        TermStatus::Preferred => "preferredTerm-admn-sts",
        TermStatus::Allowed => "admittedTerm-admn-sts",
        TermStatus::Forbidden => "deprecatedTerm-admn-sts",
    }
}

/// The glossary as a TBX document (UTF-8), concepts and languages in sorted order.
pub fn write_tbx(glossary: &Glossary, version: TbxVersion) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = write_document(&mut w, glossary, version);
    let mut bytes = w.into_inner().into_inner();
    bytes.push(b'\n');
    bytes
}

fn write_document(
    w: &mut Writer<Cursor<Vec<u8>>>,
    glossary: &Glossary,
    version: TbxVersion,
) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let v3 = version == TbxVersion::V3;
    let (root, header, entry_tag, lang_tag, term_tag) = if v3 {
        ("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
    } else {
        ("martif", "martifHeader", "termEntry", "langSet", "tig")
    };
    let mut root_el = w.create_element(root);
    root_el = if v3 {
        root_el.with_attributes([
            ("type", "TBX-Basic"),
            ("style", "dca"),
            ("xml:lang", "en"),
            ("xmlns", "urn:iso:std:iso:30042:ed-2"),
        ])
    } else {
        root_el.with_attributes([("type", "TBX"), ("xml:lang", "en")])
    };
    root_el.write_inner_content(|w| {
        w.create_element(header).write_inner_content(|w| {
            nested(w, &["fileDesc", "sourceDesc"], |w| {
                w.create_element("p")
                    .write_text_content(BytesText::new("Alinea glossary"))?;
                Ok(())
            })
        })?;
        nested(w, &["text", "body"], |w| {
            let tags = (entry_tag, lang_tag, term_tag);
            glossary
                .concepts
                .values()
                .try_for_each(|concept| write_concept(w, concept, tags))
        })
    })?;
    Ok(())
}

type Xml = Writer<Cursor<Vec<u8>>>;

/// Writes `inner` inside the elements `names`, the first outermost.
fn nested(
    w: &mut Xml,
    names: &[&str],
    inner: impl FnOnce(&mut Xml) -> std::io::Result<()>,
) -> std::io::Result<()> {
    match names.split_first() {
        None => inner(w),
        Some((first, rest)) => {
            w.create_element(*first)
                .write_inner_content(|w| nested(w, rest, inner))?;
            Ok(())
        }
    }
}

/// `<descrip type="KIND">TEXT</descrip>`, unless `text` is empty.
fn descrip(w: &mut Xml, kind: &str, text: &str) -> std::io::Result<()> {
    if !text.is_empty() {
        w.create_element("descrip")
            .with_attribute(("type", kind))
            .write_text_content(BytesText::new(text))?;
    }
    Ok(())
}

/// One concept entry: subject, definition, then its terms per language.
fn write_concept(
    w: &mut Xml,
    concept: &Concept,
    (entry_tag, lang_tag, term_tag): (&str, &str, &str),
) -> std::io::Result<()> {
    w.create_element(entry_tag)
        .with_attribute(("id", concept.id.as_str()))
        .write_inner_content(|w| {
            descrip(w, "subjectField", &concept.subject)?;
            descrip(w, "definition", &concept.note)?;
            for (lang, terms) in &concept.terms {
                w.create_element(lang_tag)
                    .with_attribute(("xml:lang", lang.as_str()))
                    .write_inner_content(|w| {
                        for term in terms {
                            w.create_element(term_tag).write_inner_content(|w| {
                                w.create_element("term")
                                    .write_text_content(BytesText::new(&term.text))?;
                                w.create_element("termNote")
                                    .with_attribute(("type", "administrativeStatus"))
                                    .write_text_content(BytesText::new(status_value(
                                        term.status,
                                    )))?;
                                Ok(())
                            })?;
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

/// Writes the glossary as TBX to `path` (atomically).
pub fn save_tbx(
    path: &Path,
    glossary: &Glossary,
    version: TbxVersion,
) -> Result<(), GlossaryError> {
    super::store::write_atomic(path, &write_tbx(glossary, version))
}
