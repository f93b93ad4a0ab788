//! Automatic sentence alignment (minimal first version: one-to-one down the diagonal; being
//! replaced by the real engine).

use crate::model::{Alignment, Row, RowStatus, Version};
use crate::progress::{Cancelled, Progress};

/// Tuning and extra evidence for the aligner.
#[derive(Clone, Debug, Default)]
pub struct AlignOptions {}

/// Aligns every version against the pivot version.
pub fn align(
    versions: &[Version],
    pivot: usize,
    _opts: &AlignOptions,
    progress: &Progress,
) -> Result<Alignment, Cancelled> {
    progress.check()?;
    let longest = versions
        .iter()
        .map(|v| v.sentences.len())
        .max()
        .unwrap_or(0);
    let rows = (0..longest)
        .map(|i| Row {
            cells: versions
                .iter()
                .map(|v| i.min(v.sentences.len())..(i + 1).min(v.sentences.len()))
                .collect(),
            score: 0.5,
            status: RowStatus::Auto,
        })
        .collect();
    Ok(Alignment { pivot, rows })
}

/// Re-aligns everything between confirmed rows, keeping confirmed rows as they are.
pub fn realign(
    versions: &[Version],
    current: &Alignment,
    opts: &AlignOptions,
    progress: &Progress,
) -> Result<Alignment, Cancelled> {
    let _ = current;
    align(versions, current.pivot, opts, progress)
}
