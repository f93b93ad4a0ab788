//! The `--split auto|lines` option shared by every command that reads documents.

use alinea::segment::SplitMode;

/// How documents are cut into sentences.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct SplitArg {
    /// How to cut the documents into sentences: `auto` (the language's sentence splitter) or
    /// `lines` (already segmented: every non-empty line is one sentence, a blank line ends a
    /// paragraph, nothing is split further — the input of hunalign, Vecalign, Bertalign).
    #[arg(long, value_name = "auto|lines", default_value = "auto")]
    pub split: SplitMode,
}
