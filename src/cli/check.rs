//! `alinea check`: glossary consistency findings, one JSON object per line.

use std::io::Write;
use std::path::{Path, PathBuf};

use alinea::align::{AlignOptions, align};
use alinea::checks::{html_report, run_checks, write_csv_report};
use alinea::glossary::load_any;
use alinea::ingest::LoadOptions;
use alinea::model::{Lang, Project};
use alinea::pipeline::load_version;
use alinea::progress::Progress;
use anyhow::{Context, bail};

/// Arguments of `alinea check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Glossary file: .glossary.ron, .csv or .tbx (default: the project's glossary).
    #[arg(long, short)]
    pub glossary: Option<PathBuf>,
    /// Language of each document, in order (repeat the flag); detected when omitted.
    #[arg(long)]
    pub lang: Vec<String>,
    /// Also write a report: `.csv` or `.html`, chosen by extension.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// A project (`.alinea`), or documents to align first (the first is the pivot); a single
    /// document is checked for forbidden terms and variants only.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

fn is_project(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("alinea"))
}

fn open_project(args: &Args) -> anyhow::Result<Project> {
    if let [single] = args.files.as_slice()
        && is_project(single)
    {
        return alinea::project::load(single)
            .with_context(|| format!("loading {}", single.display()));
    }
    let mut versions = Vec::new();
    for (i, file) in args.files.iter().enumerate() {
        if is_project(file) {
            bail!(
                "{}: give a project alone, not with documents",
                file.display()
            );
        }
        let lang = args.lang.get(i).map(|l| Lang::new(l));
        versions.push(
            load_version(file, lang, &LoadOptions::default())
                .with_context(|| format!("loading {}", file.display()))?,
        );
    }
    let mut project = Project::new(versions);
    if project.versions.len() > 1 {
        project.alignment = align(
            &project.versions,
            0,
            &AlignOptions::default(),
            &Progress::new(),
        )?;
    }
    Ok(project)
}

/// Prints `{"row","concept","lang","kind","text","version","accepted"}` per finding; exits 0
/// whether or not there are findings.
pub fn run(args: Args) -> anyhow::Result<()> {
    let project = open_project(&args)?;
    let glossary_path = match (&args.glossary, &project.glossary_path) {
        (Some(p), _) => p.clone(),
        (None, Some(p)) if p.is_absolute() => p.clone(),
        (None, Some(p)) => args.files[0].parent().unwrap_or(Path::new(".")).join(p),
        (None, None) => bail!("no glossary: pass --glossary FILE"),
    };
    let glossary = load_any(&glossary_path)?;
    let findings = run_checks(&project, &glossary);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for f in &findings {
        let line = serde_json::json!({
            "row": f.row,
            "concept": f.concept,
            "lang": f.lang,
            "kind": f.kind.as_str(),
            "text": f.text,
            "version": f.version_name,
            "accepted": f.accepted,
        });
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
