//! The `--engine fast|semantic` option and what it takes to align by meaning: the installed
//! sentence-encoder model, the sentence vectors (with a progress bar), and the one message
//! that says when alinea falls back to the fast engine.

use std::path::Path;
use std::sync::Arc;

use alinea::align::AlignOptions;
use alinea::align::semantic::{self, VectorCache};
use alinea::embed::{self, Encoder};
use alinea::model::Version;
use alinea::pipeline::PipelineError;
use alinea::progress::Progress;

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
    /// with the fast engine. `check` and `mine` align with `fast` unless told otherwise.
    #[arg(long, value_enum, value_name = "fast|semantic")]
    pub engine: Option<Engine>,
}

impl EngineArg {
    /// True if the semantic engine should be tried: asked for, or not declined
    /// (`--engine fast`, ALINEA_ENGINE=fast) when it is the command's default.
    pub fn wants_semantic(&self, by_default: bool) -> bool {
        match self.engine {
            Some(Engine::Fast) => false,
            Some(Engine::Semantic) => true,
            None => by_default && std::env::var("ALINEA_ENGINE").ok().as_deref() != Some("fast"),
        }
    }

    /// `opts` with sentence vectors of `versions` (stage "embedding sentences" on
    /// `progress`). Without a usable model, prints one line on stderr and returns `opts`
    /// for the fast engine. `cache`: a vector cache file to read and update (a project's).
    pub fn prepare(
        &self,
        versions: &[Version],
        mut opts: AlignOptions,
        cache: Option<&Path>,
        progress: &Progress,
    ) -> Result<AlignOptions, PipelineError> {
        let path = embed::default_model_path();
        let encoder = match Encoder::load_verified(&path) {
            Ok(encoder) => encoder,
            Err(err) => {
                eprintln!("alinea: {err}. Aligning with the fast engine instead.");
                return Ok(opts);
            }
        };
        let mut vectors_cache = match cache {
            Some(file) => VectorCache::load(file, embed::MODEL_SHA256, encoder.dim())
                .unwrap_or_else(|_| VectorCache::new(embed::MODEL_SHA256, encoder.dim())),
            None => VectorCache::new(embed::MODEL_SHA256, encoder.dim()),
        };
        progress.set_stage("embedding sentences");
        let vectors = semantic::sentence_vectors(&encoder, versions, &mut vectors_cache, progress)?;
        progress.set_stage("aligning");
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
        Ok(opts)
    }
}
