//! `alinea check`: glossary consistency findings and glossary-free translation QA, one JSON
//! object per line.

use std::io::Write;
use std::path::{Path, PathBuf};

use alinea::checks::{html_report, qa_findings, run_checks, write_csv_report};
use alinea::glossary::load_any;
use anyhow::Context;

use super::documents::Documents;
use super::input::open_aligned;

/// Arguments of `alinea check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Glossary file: .glossary.ron, .csv or .tbx (default: the project's glossary).
    #[arg(long, short)]
    pub glossary: Option<PathBuf>,
    /// Skip the glossary-free QA checks (numbers, untranslated, empty, inconsistent, URLs).
    #[arg(long)]
    pub no_qa: bool,
    /// Also write a report: `.csv` or `.html`, chosen by extension.
    #[arg(long)]
    pub report: Option<PathBuf>,
    #[command(flatten)]
    pub documents: Documents,
}

/// Prints `{"row","concept","lang","kind","text","version","accepted"}` per glossary finding
/// and `{"row","kind","lang","text","version"}` per QA finding; exits 0 whether or not there
/// are findings. Without a glossary only the QA checks run.
pub fn run(args: Args) -> anyhow::Result<()> {
    let project = open_aligned(&args.documents)?;
    let glossary_path = match (&args.glossary, &project.glossary_path) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(p)) if p.is_absolute() => Some(p.clone()),
        (None, Some(p)) => Some(
            args.documents.files[0]
                .parent()
                .unwrap_or(Path::new("."))
                .join(p),
        ),
        (None, None) => None,
    };
    if glossary_path.is_none() && project.alignment.rows.is_empty() {
        anyhow::bail!(
            "nothing to check: give a glossary (--glossary FILE) or two or more versions to compare"
        );
    }
    let mut findings = match &glossary_path {
        Some(path) => run_checks(&project, &load_any(path)?),
        None => Vec::new(),
    };
    if !args.no_qa {
        findings.extend(qa_findings(&project));
        findings.sort_by_key(|f| (f.row, f.version));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for f in &findings {
        let line = if f.kind.is_qa() {
            serde_json::json!({
                "row": f.row,
                "kind": f.kind.as_str(),
                "lang": f.lang,
                "text": f.text,
                "version": f.version_name,
            })
        } else {
            serde_json::json!({
                "row": f.row,
                "concept": f.concept,
                "lang": f.lang,
                "kind": f.kind.as_str(),
                "text": f.text,
                "version": f.version_name,
                "accepted": f.accepted,
            })
        };
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    if let Some(report) = &args.report {
        let html = report
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        let bytes = if html {
            html_report(&project, &findings).into_bytes()
        } else {
            let mut buf = Vec::new();
            write_csv_report(&mut buf, &project, &findings)?;
            buf
        };
        std::fs::write(report, bytes).with_context(|| format!("writing {}", report.display()))?;
    }
    Ok(())
}
