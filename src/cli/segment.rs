//! `alinea segment`: one JSON object per sentence, with byte offsets into the decoded text.

use std::io::{Read, Write};
use std::path::PathBuf;

use alinea::ingest::{self, IngestError, LoadOptions};
use alinea::model::Lang;
use alinea::pipeline;
use super::split_arg::SplitArg;

/// Arguments of `alinea segment`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input file (plain text, Markdown, HTML, DOCX), or `-` for standard input.
    pub file: PathBuf,
    /// Language of the document (BCP 47, e.g. ms, ar); detected when omitted.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Decode with this encoding instead of detecting it (WHATWG label, e.g. koi8-r).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    #[command(flatten)]
    pub split: SplitArg,
}

/// One output line.
#[derive(serde::Serialize)]
struct Line<'a> {
    paragraph: usize,
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    let opts = LoadOptions {
        encoding: args.encoding,
        ..LoadOptions::default()
    };
    let lang = args.lang.as_deref().map(Lang::new);
    let version = if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(opts.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| IngestError::Io {
                file: "<stdin>".to_string(),
                source,
            })?;
        let doc = ingest::load_bytes("<stdin>", &bytes, &opts)?;
        pipeline::version_from_document(doc, lang, args.split.split)
    } else {
        pipeline::load_version(&args.file, lang, &opts, args.split.split)?
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (index, sentence) in version.sentences.iter().enumerate() {
        let line = Line {
            paragraph: sentence.paragraph,
            index,
            start: sentence.range.start,
            end: sentence.range.end,
            text: version.sentence_text(index),
        };
        writeln!(out, "{}", serde_json::to_string(&line)?)?;
    }
    Ok(())
}
