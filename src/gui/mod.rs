//! The desktop app (being written).

pub mod fonts;
pub mod widgets;

use std::path::PathBuf;

/// Opens the app window.
pub fn run(_files: Vec<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!("not written yet")
}
