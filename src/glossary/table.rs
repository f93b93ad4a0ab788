//! CSV glossaries.
//!
//! Two layouts are read; the first row is always a header:
//! - **Long form** (written by [`write_csv`]): `concept,lang,term,status` plus optional
//!   `note`, `subject`, `case_sensitive` (true/false) and `match` (inflected/exact) columns;
//!   one row per term. Status is preferred / allowed / forbidden (empty = preferred).
//! - **Wide form**: one column per language code (`en,ru,ar,...`), optionally a `concept`
//!   column (not `id`: that is Indonesian) and `note` / `subject` columns; one row per concept. A cell may hold several
//!   terms separated by `;` or `|`: the first is preferred, the rest allowed; a term written
//!   `!term` is forbidden. Without a concept column the id is made from the row's first term
//!   (lower-case words joined by `-`, made unique). Rows with the same concept id add their
//!   terms to that concept, as allowed terms (only the first row's first term per language is
//!   preferred).
//!
//! The layout is recognised by the header: `lang` and `term` columns mean the long form.
//! `.tsv` files are read with tabs.

use std::path::Path;

use super::error::{GlossaryError, read_file};
use super::model::{Concept, Glossary, MatchMode, Term, TermStatus};
use crate::lang::Lang;

/// Loads a CSV (or TSV) glossary in long or wide form.
pub fn load_csv(path: &Path) -> Result<Glossary, GlossaryError> {
    let bytes = read_file(path)?;
    let tab = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    parse_csv(&bytes, if tab { b'\t' } else { b',' }, path)
}

fn header_index(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.contains(&h.as_str()))
}

/// Parses CSV bytes with the given delimiter; `path` names the file in errors.
pub fn parse_csv(bytes: &[u8], delimiter: u8, path: &Path) -> Result<Glossary, GlossaryError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| GlossaryError::format(path, format!("line {}: {e}", i + 1)))?;
        rows.push(
            record
                .iter()
                .map(|s| s.trim().to_string())
                .collect::<Vec<_>>(),
        );
    }
    let Some((header, body)) = rows.split_first() else {
        return Err(GlossaryError::format(path, "empty file: no header row"));
    };
    let header: Vec<String> = header.iter().map(|h| h.to_ascii_lowercase()).collect();
    if header_index(&header, &["lang"]).is_some() && header_index(&header, &["term"]).is_some() {
        parse_long(&header, body, path)
    } else {
        parse_wide(&header, body, path)
    }
}

fn cell(row: &[String], idx: Option<usize>) -> &str {
    idx.and_then(|i| row.get(i))
        .map(String::as_str)
        .unwrap_or("")
}

fn parse_long(
    header: &[String],
    body: &[Vec<String>],
    path: &Path,
) -> Result<Glossary, GlossaryError> {
    let c_concept = header_index(header, &["concept"]);
    let c_lang = header_index(header, &["lang"]);
    let c_term = header_index(header, &["term"]);
    let c_status = header_index(header, &["status"]);
    let c_note = header_index(header, &["note", "definition"]);
    let c_subject = header_index(header, &["subject"]);
    let c_case = header_index(header, &["case_sensitive"]);
    let c_match = header_index(header, &["match"]);
    if c_concept.is_none() {
        return Err(GlossaryError::format(
            path,
            "long-form CSV needs a `concept` column",
        ));
    }
    let mut g = Glossary::default();
    for (i, row) in body.iter().enumerate() {
        let line = i + 2;
        let (id, lang, text) = (cell(row, c_concept), cell(row, c_lang), cell(row, c_term));
        if id.is_empty() && text.is_empty() {
            continue;
        }
        if id.is_empty() || lang.is_empty() || text.is_empty() {
            return Err(GlossaryError::format(
                path,
                format!("line {line}: concept, lang and term must not be empty"),
            ));
        }
        let status = match cell(row, c_status).to_ascii_lowercase().as_str() {
            "" | "preferred" => TermStatus::Preferred,
            "allowed" | "admitted" => TermStatus::Allowed,
            "forbidden" | "deprecated" => TermStatus::Forbidden,
            other => {
                return Err(GlossaryError::format(
                    path,
                    format!(
                        "line {line}: unknown status `{other}` (preferred, allowed, forbidden)"
                    ),
                ));
            }
        };
        let mut term = Term::new(text, status);
        term.case_sensitive = matches!(
            cell(row, c_case).to_ascii_lowercase().as_str(),
            "true" | "yes" | "1"
        );
        if cell(row, c_match).eq_ignore_ascii_case("exact") {
            term.match_mode = MatchMode::Exact;
        }
        let concept = g.concepts.entry(id.to_string()).or_insert_with(|| Concept {
            id: id.to_string(),
            ..Concept::default()
        });
        for (field, col) in [
            (&mut concept.note, c_note),
            (&mut concept.subject, c_subject),
        ] {
            if field.is_empty() {
                *field = cell(row, col).to_string();
            }
        }
        concept.terms.entry(Lang::new(lang)).or_default().push(term);
    }
    Ok(g)
}

fn looks_like_lang(h: &str) -> bool {
    let mut parts = h.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

fn parse_wide(
    header: &[String],
    body: &[Vec<String>],
    path: &Path,
) -> Result<Glossary, GlossaryError> {
    let c_concept = header_index(header, &["concept"]);
    let c_note = header_index(header, &["note", "definition"]);
    let c_subject = header_index(header, &["subject"]);
    let mut lang_cols = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if Some(i) == c_concept || Some(i) == c_note || Some(i) == c_subject || h.is_empty() {
            continue;
        }
        if !looks_like_lang(h) {
            return Err(GlossaryError::format(
                path,
                format!(
                    "header column `{h}` is not a language code (wide form) and there is no `lang`/`term` column (long form)"
                ),
            ));
        }
        lang_cols.push((i, Lang::new(h)));
    }
    if lang_cols.is_empty() {
        return Err(GlossaryError::format(
            path,
            "no language columns in the header",
        ));
    }
    let mut g = Glossary::default();
    for row in body {
        let first_term = lang_cols
            .iter()
            .flat_map(|(i, _)| cell(row, Some(*i)).split([';', '|']))
            .map(|t| t.trim().trim_start_matches('!').trim())
            .find(|t| !t.is_empty());
        let Some(first_term) = first_term else {
            continue;
        };
        let id = match cell(row, c_concept) {
            "" => {
                // A term with no letters or digits ("—", "%") still needs a non-empty id.
                let base = Some(slug(first_term))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "concept".to_string());
                let mut id = base.clone();
                let mut n = 2;
                while g.concepts.contains_key(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                id
            }
            given => given.to_string(),
        };
        let concept = g.concepts.entry(id.clone()).or_insert_with(|| Concept {
            id,
            ..Concept::default()
        });
        for (field, col) in [
            (&mut concept.note, c_note),
            (&mut concept.subject, c_subject),
        ] {
            if field.is_empty() {
                *field = cell(row, col).to_string();
            }
        }
        for (i, lang) in &lang_cols {
            let list = concept.terms.entry(lang.clone()).or_default();
            for raw in cell(row, Some(*i)).split([';', '|']) {
                let raw = raw.trim();
                let (text, forbidden) = match raw.strip_prefix('!') {
                    Some(t) => (t.trim(), true),
                    None => (raw, false),
                };
                if text.is_empty() || list.iter().any(|t| t.text == text) {
                    continue;
                }
                let status = if forbidden {
                    TermStatus::Forbidden
                } else if list.iter().any(|t| t.status == TermStatus::Preferred) {
                    TermStatus::Allowed
                } else {
                    TermStatus::Preferred
                };
                list.push(Term::new(text, status));
            }
            if list.is_empty() {
                concept.terms.remove(lang);
            }
        }
    }
    Ok(g)
}

/// The glossary as long-form CSV: `concept,lang,term,status,note,subject,case_sensitive,match`
/// (note and subject on every row of the concept), sorted by concept and language.
pub fn write_csv(glossary: &Glossary) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "concept",
        "lang",
        "term",
        "status",
        "note",
        "subject",
        "case_sensitive",
        "match",
    ]);
    for c in glossary.concepts.values() {
        for (lang, terms) in &c.terms {
            for t in terms {
                let _ = w.write_record([
                    c.id.as_str(),
                    lang.as_str(),
                    &t.text,
                    t.status.as_str(),
                    &c.note,
                    &c.subject,
                    if t.case_sensitive { "true" } else { "false" },
                    match t.match_mode {
                        MatchMode::Inflected => "inflected",
                        MatchMode::Exact => "exact",
                    },
                ]);
            }
        }
    }
    w.into_inner().unwrap_or_default()
}

/// Writes the long-form CSV to `path` (atomically).
pub fn save_csv(path: &Path, glossary: &Glossary) -> Result<(), GlossaryError> {
    super::store::write_atomic(path, &write_csv(glossary))
}
