//! The `--engine fast|semantic` option and what it takes to align by meaning: the installed
//! sentence-encoder model, the sentence vectors (with a progress bar), and the one message
//! that says when alinea falls back to the fast engine.

use std::path::Path;
use std::sync::Arc;

use alinea::align::AlignOptions;
use alinea::align::semantic::{self, VectorCache};
use alinea::embed::{self, Encoder};
use alinea::model::Version;

use super::progress_bar::with_progress;

/// Alignment engines.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Length, numbers, names, punctuation and glossary terms (no model needed; fastest).
    Fast,
    /// Meaning: a multilingual sentence encoder (multilingual-e5-small, run on the CPU)
    /// plus the fast engine's evidence. Needs the model installed by scripts/fetch-model.
    Semantic,
}

/// Which engine aligns.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct EngineArg {
    /// Alignment engine: `semantic` (by meaning, with the multilingual sentence encoder; the
    /// default when its model is installed — see scripts/fetch-model, or set ALINEA_MODEL)
    /// or `fast` (length, numbers, names and glossary terms; no model; also chosen by
    /// ALINEA_ENGINE=fast). Without the model, alinea says so once on stderr and aligns
    /// with the fast engine.
    #[arg(long, value_enum, value_name = "fast|semantic")]
    pub engine: Option<Engine>,
}

impl EngineArg {
    /// Adds sentence vectors to `opts` unless the fast engine was asked for. Without a
    /// usable model, prints one line on stderr and leaves `opts` for the fast engine.
    /// `cache`: a vector cache file to read and update (a project's), if any.
    pub fn prepare(
        &self,
        versions: &[Version],
        opts: &mut AlignOptions,
        cache: Option<&Path>,
    ) -> anyhow::Result<()> {
        let from_env = std::env::var("ALINEA_ENGINE").ok();
        let fast_by_env = self.engine.is_none() && from_env.as_deref() == Some("fast");
        if self.engine == Some(Engine::Fast) || fast_by_env {
            return Ok(());
        }
        let path = embed::default_model_path();
        let encoder = match Encoder::load_verified(&path) {
            Ok(encoder) => encoder,
            Err(err) => {
                eprintln!("alinea: {err}. Aligning with the fast engine instead.");
                return Ok(());
            }
        };
        let mut vectors_cache = match cache {
            Some(file) => VectorCache::load(file, embed::MODEL_SHA256, encoder.dim())
                .unwrap_or_else(|_| VectorCache::new(embed::MODEL_SHA256, encoder.dim())),
            None => VectorCache::new(embed::MODEL_SHA256, encoder.dim()),
        };
        let vectors = with_progress("embedding", |progress| {
            semantic::sentence_vectors(&encoder, versions, &mut vectors_cache, progress)
        })??;
        if let Some(file) = cache {
            vectors_cache.retain_texts(
                versions
                    .iter()
                    .flat_map(|v| (0..v.sentences.len()).map(move |s| v.sentence_text(s))),
            );
            if let Err(err) = vectors_cache.save(file) {
                eprintln!("alinea: warning: sentence vectors not cached: {err}");
            }
        }
        opts.vectors = Some(Arc::new(vectors));
        Ok(())
    }
}
