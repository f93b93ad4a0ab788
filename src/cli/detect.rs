//! `alinea detect`: language and encoding of each file, one JSON object per line.
//!
//! A file that cannot be read is reported on stderr and skipped; the others are still
//! printed, and the exit status is 1 at the end.

use std::io::Write;
use std::path::PathBuf;

use alinea::ingest::{self, LoadOptions};

/// Arguments of `alinea detect`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input files (plain text, Markdown, HTML, DOCX).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Decode with this encoding instead of detecting it (WHATWG label, e.g. windows-1256).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
}

/// One output line.
#[derive(serde::Serialize)]
struct Line<'a> {
    file: &'a str,
    lang: &'a str,
    confidence: f64,
    encoding: &'a str,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    let opts = LoadOptions {
        encoding: args.encoding,
        ..LoadOptions::default()
    };
    let mut failed = 0usize;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &args.files {
        let doc = match ingest::load_path(path, &opts) {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("alinea: {err}");
                failed += 1;
                continue;
            }
        };
        let detection = ingest::language::detect(&doc.text);
        let line = Line {
            file: &doc.name,
            lang: detection.lang.as_str(),
            confidence: (detection.confidence * 1000.0).round() / 1000.0,
            encoding: &doc.encoding,
        };
        writeln!(out, "{}", serde_json::to_string(&line)?)?;
    }
    if failed > 0 {
        anyhow::bail!("{failed} of {} files could not be read", args.files.len());
    }
    Ok(())
}
