//! Command-line interface: turns arguments into calls of the library.
//!
//! Exit status: 0 on success, 2 on usage errors (clap), 1 on input errors, with a one-line
//! message on stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod align;
mod check;
mod detect;
mod documents;
mod engine_arg;
mod export;
mod import;
mod input;
mod mine;
mod new;
mod progress_bar;
mod segment;
mod split_arg;
mod terms;

/// Align translations sentence by sentence, check glossary terms, export TMX/TBX.
#[derive(Parser, Debug)]
#[command(name = "alinea", version, about)]
pub struct Cli {
    /// Project file or documents to open in the app (when no subcommand is given).
    pub files: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The batch subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Split a document into sentences, one JSON object per sentence.
    Segment(segment::Args),
    /// Detect language and encoding of documents, one JSON object per file.
    Detect(detect::Args),
    /// Align two or more documents and print the rows.
    Align(align::Args),
    /// Create and align a project file without opening a window.
    New(new::Args),
    /// Find glossary terms in documents, one JSON object per occurrence.
    Terms(terms::Args),
    /// Check glossary consistency, one JSON object per finding.
    Check(check::Args),
    /// Export a project's aligned pairs or its glossary.
    Export(export::Args),
    /// Import a TMX file as a new project.
    Import(import::Args),
    /// Mine term candidates and their counterparts from aligned documents, one JSON object each.
    Mine(mine::Args),
}

/// Parses arguments and runs the chosen command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => open_app(cli.files),
        Some(Command::Segment(a)) => segment::run(a),
        Some(Command::Detect(a)) => detect::run(a),
        Some(Command::Align(a)) => align::run(a),
        Some(Command::New(a)) => new::run(a),
        Some(Command::Terms(a)) => terms::run(a),
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Export(a)) => export::run(a),
        Some(Command::Import(a)) => import::run(a),
        Some(Command::Mine(a)) => mine::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A usage error found after parsing (too few documents): clap's message, status 2.
        Err(err) => match err.downcast::<clap::Error>() {
            Ok(usage) => usage.exit(),
            Err(err) => {
                eprintln!("alinea: {}", one_line(&err));
                ExitCode::from(1)
            }
        },
    }
}

/// The error and its causes on one line, skipping causes the message already quotes
/// (library errors often include their source's text).
fn one_line(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    message.replace('\n', " ")
}

#[cfg(feature = "gui")]
fn open_app(files: Vec<PathBuf>) -> anyhow::Result<()> {
    alinea::gui::run(files)
}

#[cfg(not(feature = "gui"))]
fn open_app(_files: Vec<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!(
        "this build has no GUI (built without the `gui` feature); use a subcommand, see --help"
    )
}
