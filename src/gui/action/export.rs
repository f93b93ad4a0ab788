//! The export the dialog asks for: the payload of [`super::Action::Export`].

use std::path::PathBuf;

use crate::export::{ExportOptions, Format};

/// One export as chosen in the dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// Output format.
    pub format: Format,
    /// Row and language filters.
    pub options: ExportOptions,
    /// One file per pivot–target pair (`path` gives folder and stem).
    pub per_pair: bool,
    /// Output file.
    pub path: PathBuf,
}
