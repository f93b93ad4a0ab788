//! Finding reports: counts per concept × language, CSV and a standalone HTML page.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Finding, FindingKind};
use crate::model::{Lang, Project};

/// Number of findings of each kind (accepted ones excluded).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Missing terms.
    pub missing: usize,
    /// Forbidden terms.
    pub forbidden: usize,
    /// Variants.
    pub variant: usize,
    /// Collisions.
    pub collision: usize,
    /// Glossary-free QA findings (numbers, untranslated, empty, inconsistent, URLs).
    pub qa: usize,
}

impl KindCounts {
    /// Sum of all kinds.
    pub fn total(&self) -> usize {
        self.missing + self.forbidden + self.variant + self.collision + self.qa
    }
}

/// Open (not accepted) findings counted per (concept id, language).
pub fn counts(findings: &[Finding]) -> BTreeMap<(String, String), KindCounts> {
    let mut out: BTreeMap<(String, String), KindCounts> = BTreeMap::new();
    for f in findings.iter().filter(|f| !f.accepted) {
        let c = out.entry((f.concept.clone(), f.lang.clone())).or_default();
        match f.kind {
            FindingKind::Missing => c.missing += 1,
            FindingKind::Forbidden => c.forbidden += 1,
            FindingKind::Variant => c.variant += 1,
            FindingKind::Collision => c.collision += 1,
            _ => c.qa += 1,
        }
    }
    out
}

fn context(project: &Project, f: &Finding) -> String {
    project
        .versions
        .get(f.version)
        .map(|v| v.sentence_text(f.sentence).to_string())
        .unwrap_or_default()
}

/// Writes the findings as CSV: row, version, lang, concept, kind, text, accepted, sentence.
pub fn write_csv_report<W: std::io::Write>(
    out: W,
    project: &Project,
    findings: &[Finding],
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "row", "version", "lang", "concept", "kind", "text", "accepted", "sentence",
    ])?;
    for f in findings {
        w.write_record([
            f.row.to_string().as_str(),
            &f.version_name,
            &f.lang,
            &f.concept,
            f.kind.as_str(),
            &f.text,
            if f.accepted { "yes" } else { "no" },
            &context(project, f),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn dir(lang: &str) -> &'static str {
    if Lang::new(lang).is_rtl() {
        "rtl"
    } else {
        "ltr"
    }
}

/// A standalone HTML page: counts per concept × language, then every finding with its sentence
/// (the term marked); right-to-left text sits in `dir="rtl"` cells.
pub fn html_report(project: &Project, findings: &[Finding]) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Alinea term check</title>\n<style>\n\
         body{{font-family:system-ui,sans-serif;margin:2em}}\n\
         table{{border-collapse:collapse;margin-bottom:2em}}\n\
         th,td{{border:1px solid #bbb;padding:.3em .6em;vertical-align:top}}\n\
         th{{background:#eee}} tr.accepted{{color:#888}} mark{{background:#ffe066}}\n\
         td.missing{{color:#a00}} td.forbidden{{color:#a00;font-weight:bold}}\n\
         </style>\n</head>\n<body>\n<h1>Term consistency</h1>\n<p>{} findings, {} accepted.</p>\n",
        findings.len(),
        findings.iter().filter(|f| f.accepted).count()
    );
    h.push_str("<h2>Per concept and language</h2>\n<table>\n<tr><th>Concept</th><th>Language</th><th>Missing</th><th>Forbidden</th><th>Variant</th><th>Collision</th><th>QA</th></tr>\n");
    for ((concept, lang), c) in counts(findings) {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&concept),
            escape(&lang),
            c.missing,
            c.forbidden,
            c.variant,
            c.collision,
            c.qa
        );
    }
    h.push_str("</table>\n<h2>Findings</h2>\n<table>\n<tr><th>Row</th><th>Version</th><th>Concept</th><th>Kind</th><th>Term</th><th>Sentence</th></tr>\n");
    for f in findings {
        let sentence_html = match (project.versions.get(f.version), f.ranges.first()) {
            (Some(v), Some(r)) => {
                let s = v.sentences.get(f.sentence).map(|s| s.range.clone());
                match s {
                    Some(s) if s.start <= r.start && r.end <= s.end => format!(
                        "{}<mark>{}</mark>{}",
                        escape(&v.text[s.start..r.start]),
                        escape(&v.text[r.clone()]),
                        escape(&v.text[r.end..s.end])
                    ),
                    _ => escape(&context(project, f)),
                }
            }
            _ => escape(&context(project, f)),
        };
        let d = dir(&f.lang);
        let _ = writeln!(
            h,
            "<tr{}><td>{}</td><td>{} ({})</td><td>{}</td><td class=\"{}\">{}{}</td><td dir=\"{d}\" lang=\"{}\">{}</td><td dir=\"{d}\" lang=\"{}\">{}</td></tr>",
            if f.accepted {
                " class=\"accepted\""
            } else {
                ""
            },
            f.row + 1,
            escape(&f.version_name),
            escape(&f.lang),
            escape(&f.concept),
            f.kind.as_str(),
            f.kind.as_str(),
            if f.accepted { " (accepted)" } else { "" },
            escape(&f.lang),
            escape(&f.text),
            escape(&f.lang),
            sentence_html
        );
    }
    h.push_str("</table>\n</body>\n</html>\n");
    h
}
