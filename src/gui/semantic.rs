//! The semantic alignment engine as the app uses it: the sentence encoder, loaded once per
//! run on the first alignment (on the job's thread, never the UI's), and the sentence
//! vectors already computed, shared by every alignment of the run so that re-aligning
//! after an edit embeds only the sentences that changed. A project's vectors are also kept
//! beside its file (`<project>.alinea.vectors`) so re-opening it embeds nothing.
//!
//! Without a usable model the app aligns with the fast engine and says once, in the status
//! bar, why and how to get the model.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::align::AlignOptions;
use crate::align::semantic::{self, VectorCache};
use crate::embed::{self, Encoder};
use crate::model::{Project, Version};
use crate::progress::{Cancelled, Progress};

static ENCODER: OnceLock<Result<Arc<Encoder>, String>> = OnceLock::new();
static VECTORS: Mutex<Option<VectorCache>> = Mutex::new(None);
static FALLBACK_TOLD: AtomicBool = AtomicBool::new(false);

/// The installed encoder, loading (and checking) it on first use.
fn encoder() -> Result<Arc<Encoder>, String> {
    ENCODER
        .get_or_init(|| {
            if std::env::var_os("ALINEA_ENGINE").is_some_and(|v| v == "fast") {
                return Err("the fast engine was chosen (ALINEA_ENGINE=fast)".to_string());
            }
            Encoder::load_verified(&embed::default_model_path())
                .map(Arc::new)
                .map_err(|e| e.to_string())
        })
        .clone()
}

/// Once per run, after an alignment made without the model: the message saying so.
pub fn fallback_notice() -> Option<String> {
    let Some(Err(why)) = ENCODER.get() else {
        return None;
    };
    if FALLBACK_TOLD.swap(true, Ordering::Relaxed) || why.contains("ALINEA_ENGINE") {
        return None;
    }
    Some(format!("Aligned with the fast engine: {why}"))
}

/// Which engine aligned last, for the status bar: `None` before the first alignment.
pub fn engine_name() -> Option<&'static str> {
    match ENCODER.get()? {
        Ok(_) => Some("semantic engine"),
        Err(_) => Some("fast engine"),
    }
}

fn with_cache<T>(dim: usize, f: impl FnOnce(&mut VectorCache) -> T) -> T {
    let mut guard = match VECTORS.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    let cache = guard.get_or_insert_with(|| VectorCache::new(embed::MODEL_SHA256, dim));
    f(cache)
}

/// Alignment options for `versions`: `base` plus sentence vectors when the encoder is
/// available (stage "embedding sentences" on `progress`), else `base` unchanged.
pub fn options(
    versions: &[Version],
    base: AlignOptions,
    progress: &Progress,
) -> Result<AlignOptions, Cancelled> {
    let Ok(encoder) = encoder() else {
        return Ok(base);
    };
    progress.set_stage("embedding sentences");
    let vectors = with_cache(encoder.dim(), |cache| {
        semantic::sentence_vectors(&encoder, versions, cache, progress)
    })
    .map_err(|_| Cancelled)?;
    progress.set_stage("aligning");
    Ok(AlignOptions {
        vectors: Some(Arc::new(vectors)),
        ..base
    })
}

/// Reads the vectors kept beside the project file `path` into the run's cache (a missing
/// or foreign file is ignored: the vectors are computed again when needed).
pub fn load_beside(path: &Path) {
    let Some(Ok(encoder)) = ENCODER.get().cloned().or_else(|| Some(encoder())) else {
        return;
    };
    let file = VectorCache::path_for(path);
    if let Ok(found) = VectorCache::load(&file, embed::MODEL_SHA256, encoder.dim()) {
        with_cache(encoder.dim(), |cache| cache.extend(found));
    }
}

/// Writes the vectors of `project`'s sentences beside its file `path`, if any are known.
/// Failure only costs time later, so it is reported, not fatal.
pub fn save_beside(path: &Path, project: &Project) -> Result<(), String> {
    let Some(Ok(encoder)) = ENCODER.get() else {
        return Ok(());
    };
    let texts = project
        .versions
        .iter()
        .flat_map(|v| (0..v.sentences.len()).map(move |s| v.sentence_text(s)));
    let subset = with_cache(encoder.dim(), |cache| cache.subset(texts));
    if subset.is_empty() {
        return Ok(());
    }
    subset
        .save(&VectorCache::path_for(path))
        .map_err(|e| e.to_string())
}
