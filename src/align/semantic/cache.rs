//! Sentence vectors remembered by sentence text, so that re-aligning after an edit, or
//! re-opening a project, embeds only the sentences that changed.
//!
//! Kept beside the project file (`<project>.alinea.vectors`, see [`VectorCache::path_for`])
//! in a small binary format: magic `ALVC`, format version, the model's id, the dimension,
//! then per entry the FNV-1a hash of the text, its token count and its mean vector. A cache
//! written by another model, or damaged, is ignored (the vectors are computed again): it
//! only ever saves time, it never holds the user's work.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Errors reading or writing a cache file (both are recoverable: embed again).
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// The cache file.
        file: String,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a cache of this model (another model, another format, or damaged).
    #[error("{file}: not a sentence-vector cache of this model ({reason})")]
    Foreign {
        /// The cache file.
        file: String,
        /// What did not match.
        reason: String,
    },
}

const MAGIC: &[u8; 4] = b"ALVC";
const FORMAT: u32 = 1;

/// One remembered sentence: its pooled mean vector and the tokens pooled.
#[derive(Clone, Debug, PartialEq)]
pub struct CachedVector {
    /// Mean-pooled vector (not normalised).
    pub mean: Vec<f32>,
    /// Tokens pooled (the weight of `mean` when sentences are combined).
    pub tokens: u32,
}

/// Sentence vectors by sentence text, for one model.
#[derive(Clone, Debug, PartialEq)]
pub struct VectorCache {
    model: String,
    dim: usize,
    entries: HashMap<u64, CachedVector>,
}

/// 64-bit FNV-1a of the text: stable across runs and platforms (the cache is a file).
fn text_key(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl VectorCache {
    /// An empty cache for vectors of `dim` dimensions from the model `model` (its checksum).
    pub fn new(model: &str, dim: usize) -> Self {
        VectorCache {
            model: model.to_string(),
            dim,
            entries: HashMap::new(),
        }
    }

    /// Where the cache of the project file `project` lives.
    pub fn path_for(project: &Path) -> PathBuf {
        let mut name = project.as_os_str().to_owned();
        name.push(".vectors");
        PathBuf::from(name)
    }

    /// Number of sentences remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The vector of `text`, if remembered.
    pub fn get(&self, text: &str) -> Option<&CachedVector> {
        self.entries.get(&text_key(text))
    }

    /// Remembers the vector of `text` (a vector of another dimension is not stored).
    pub fn insert(&mut self, text: &str, mean: Vec<f32>, tokens: usize) {
        if mean.len() == self.dim {
            let tokens = u32::try_from(tokens).unwrap_or(u32::MAX);
            self.entries
                .insert(text_key(text), CachedVector { mean, tokens });
        }
    }

    /// Adds the entries of `other` (a cache of the same model read from a project's file).
    pub fn extend(&mut self, other: VectorCache) {
        if other.model == self.model && other.dim == self.dim {
            self.entries.extend(other.entries);
        }
    }

    /// A copy holding only the sentences in `texts` (what a project file keeps beside it).
    pub fn subset<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> VectorCache {
        let mut out = VectorCache::new(&self.model, self.dim);
        for t in texts {
            let k = text_key(t);
            if let Some(e) = self.entries.get(&k) {
                out.entries.insert(k, e.clone());
            }
        }
        out
    }

    /// Keeps only the sentences `keep` says are still in use (after edits, old sentences
    /// would otherwise pile up in the file).
    pub fn retain_texts<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) {
        let keys: std::collections::HashSet<u64> = texts.into_iter().map(text_key).collect();
        self.entries.retain(|k, _| keys.contains(k));
    }

    /// The cache as bytes of the file format.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.entries.len() * (12 + 4 * self.dim));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        let model = self.model.as_bytes();
        out.extend_from_slice(&(model.len() as u32).to_le_bytes());
        out.extend_from_slice(model);
        out.extend_from_slice(&(self.dim as u32).to_le_bytes());
        out.extend_from_slice(&(self.entries.len() as u64).to_le_bytes());
        let mut keys: Vec<&u64> = self.entries.keys().collect();
        keys.sort_unstable();
        for k in keys {
            let e = &self.entries[k];
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&e.tokens.to_le_bytes());
            for x in &e.mean {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Reads a cache from bytes; `Err` says why they are not a cache of `model`/`dim`.
    pub fn from_bytes(bytes: &[u8], model: &str, dim: usize) -> Result<Self, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a vector cache".into());
        }
        let format = r.u32()?;
        if format != FORMAT {
            return Err(format!("format {format}, expected {FORMAT}"));
        }
        let len = r.u32()? as usize;
        let found = String::from_utf8_lossy(r.take(len)?).into_owned();
        if found != model {
            return Err(format!("written by model {found}"));
        }
        let found_dim = r.u32()? as usize;
        if found_dim != dim {
            return Err(format!("{found_dim} dimensions, expected {dim}"));
        }
        let count = r.u64()?;
        let entry = 12 + 4 * dim as u64;
        if count.saturating_mul(entry) != (bytes.len() - r.at) as u64 {
            return Err("truncated or padded".into());
        }
        let mut cache = VectorCache::new(model, dim);
        for _ in 0..count {
            let key = r.u64()?;
            let tokens = r.u32()?;
            let mean = r
                .take(4 * dim)?
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            cache.entries.insert(key, CachedVector { mean, tokens });
        }
        Ok(cache)
    }

    /// Loads the cache at `path`; a missing file is an empty cache.
    pub fn load(path: &Path, model: &str, dim: usize) -> Result<Self, CacheError> {
        match std::fs::read(path) {
            Ok(bytes) => {
                Self::from_bytes(&bytes, model, dim).map_err(|reason| CacheError::Foreign {
                    file: path.display().to_string(),
                    reason,
                })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(VectorCache::new(model, dim)),
            Err(source) => Err(CacheError::Io {
                file: path.display().to_string(),
                source,
            }),
        }
    }

    /// Writes the cache to `path` atomically (readers see the old file or the new one).
    pub fn save(&self, path: &Path) -> Result<(), CacheError> {
        crate::fs_atomic::write(path, &self.to_bytes()).map_err(|e| CacheError::Io {
            file: e.file,
            source: e.source,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err("truncated".into());
        };
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, String> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_bytes_and_files() {
        let mut c = VectorCache::new("m1", 3);
        c.insert("Guten Tag.", vec![0.5, -1.0, 2.0], 4);
        c.insert("Bonjour.", vec![1.0, 0.0, 0.0], 3);
        c.insert("wrong dim", vec![1.0], 1);
        assert_eq!(c.len(), 2);
        let back = VectorCache::from_bytes(&c.to_bytes(), "m1", 3).expect("reads");
        assert_eq!(back, c);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = VectorCache::path_for(&dir.path().join("report.alinea"));
        assert!(path.to_string_lossy().ends_with("report.alinea.vectors"));
        c.save(&path).expect("saves");
        assert_eq!(VectorCache::load(&path, "m1", 3).expect("loads"), c);
        assert!(
            VectorCache::load(&dir.path().join("none"), "m1", 3)
                .expect("empty")
                .is_empty()
        );
    }

    #[test]
    fn another_model_or_damage_is_refused_not_misread() {
        let mut c = VectorCache::new("m1", 2);
        c.insert("a", vec![1.0, 2.0], 1);
        let bytes = c.to_bytes();
        assert!(VectorCache::from_bytes(&bytes, "m2", 2).is_err());
        assert!(VectorCache::from_bytes(&bytes, "m1", 3).is_err());
        for cut in 0..bytes.len() {
            assert!(
                VectorCache::from_bytes(&bytes[..cut], "m1", 2).is_err(),
                "cut {cut}"
            );
        }
        assert!(VectorCache::from_bytes(b"garbage!", "m1", 2).is_err());
    }

    #[test]
    fn retain_drops_sentences_no_longer_used() {
        let mut c = VectorCache::new("m", 1);
        c.insert("old", vec![1.0], 1);
        c.insert("kept", vec![2.0], 1);
        c.retain_texts(["kept"]);
        assert!(c.get("old").is_none() && c.get("kept").is_some());
    }
}
