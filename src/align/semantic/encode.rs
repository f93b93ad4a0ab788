//! From versions to sentence vectors with the multilingual encoder, through the cache.

use super::cache::VectorCache;
use super::vectors::SentenceVectors;
use crate::embed::{EmbedError, Encoder, Prefix};
use crate::model::Version;
use crate::progress::Progress;

/// The e5 prefix alinea embeds sentences with: `query: `, the one e5 recommends for
/// symmetric similarity (and the better of the two on the Text+Berg dev pair).
const PREFIX: Prefix = Prefix::Query;

/// Sentences of `versions` the cache does not know yet (each distinct text once).
fn missing_texts<'v>(versions: &'v [Version], cache: &VectorCache) -> Vec<&'v str> {
    let mut seen = std::collections::HashSet::new();
    versions
        .iter()
        .flat_map(|v| (0..v.sentences.len()).map(move |s| v.sentence_text(s)))
        .filter(|t| cache.get(t).is_none() && seen.insert(*t))
        .collect()
}

/// Sentence vectors of every version: from `cache` where known, the rest embedded (and
/// added to the cache). Progress: total = sentences to embed, one unit per sentence.
pub fn sentence_vectors(
    encoder: &Encoder,
    versions: &[Version],
    cache: &mut VectorCache,
    progress: &Progress,
) -> Result<Vec<SentenceVectors>, EmbedError> {
    let todo = missing_texts(versions, cache);
    progress.set_total(todo.len() as u64);
    let embedded = encoder.embed(&todo, PREFIX, progress)?;
    for (text, e) in todo.iter().zip(embedded) {
        cache.insert(text, e.mean, e.tokens);
    }
    let dim = encoder.dim();
    Ok(versions
        .iter()
        .map(|v| {
            let mut out = SentenceVectors::new(dim);
            for s in 0..v.sentences.len() {
                match cache.get(v.sentence_text(s)) {
                    Some(c) => out.push(&c.mean, c.tokens as usize),
                    None => out.push(&[], 0),
                }
            }
            out
        })
        .collect())
}
