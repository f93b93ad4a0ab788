//! `alinea terms`: every glossary term occurrence in documents, one JSON object per line.

use std::io::Write;
use std::path::PathBuf;

use alinea::glossary::{MatcherOptions, TermMatcher, load_any};
use alinea::ingest::LoadOptions;
use alinea::model::Lang;
use alinea::pipeline::load_version;
use anyhow::Context;

/// Arguments of `alinea terms`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Glossary file: .glossary.ron, .csv or .tbx.
    #[arg(long, short)]
    pub glossary: PathBuf,
    /// Language of every document (detected per file when omitted).
    #[arg(long)]
    pub lang: Option<String>,
    /// Vietnamese: ignore tone marks and other diacritics.
    #[arg(long)]
    pub fold_vietnamese: bool,
    /// Documents to search.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Prints `{"file","concept","lang","status","start","end","text"}` per occurrence; offsets are
/// bytes into the decoded text.
pub fn run(args: Args) -> anyhow::Result<()> {
    let glossary = load_any(&args.glossary)?;
    let options = MatcherOptions {
        fold_vietnamese: args.fold_vietnamese,
    };
    let matcher = TermMatcher::new(&glossary, &[], options);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in &args.files {
        let version = load_version(
            file,
            args.lang.as_deref().map(Lang::new),
            &LoadOptions::default(),
            Default::default(),
        )
        .with_context(|| format!("loading {}", file.display()))?;
        for occ in matcher.find(&version.text, &version.lang) {
            let line = serde_json::json!({
                "file": file.display().to_string(),
                "concept": matcher.concept_id(occ.concept),
                "lang": version.lang.as_str(),
                "status": occ.status.as_str(),
                "start": occ.start,
                "end": occ.end,
                "text": &version.text[occ.range()],
            });
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(())
}
