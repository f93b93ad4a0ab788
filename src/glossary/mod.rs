//! The shared glossary: concepts and their terms in every language.
//!
//! - [`model`]: the data types (`Glossary`, `Concept`, `Term`).
//! - [`store`]: the RON file (`*.glossary.ron`), saved atomically under a lock and merged concept
//!   by concept with changes another editor saved meanwhile ([`merge`]).
//! - [`tbx`], [`table`]: TBX-Basic and CSV import/export; [`load_any`] picks by extension.
//! - [`normalize`]: per-language token keys (case, NFC, stemming, clitics, affixes).
//! - [`matcher`]: [`TermMatcher`] finds every term occurrence; [`index`] caches them per sentence.
//! - [`propose`]: counterpart proposals for "mark as term".

mod error;
pub mod index;
pub mod matcher;
pub mod merge;
mod model;
pub mod normalize;
pub mod propose;
pub mod store;
pub mod table;
pub mod tbx;

use std::path::Path;

pub use error::GlossaryError;
pub use index::{TermIndex, sentence_concepts};
pub use matcher::{MatcherOptions, Occurrence, TermMatcher};
pub use merge::{Conflict, Resolution, SaveOutcome};
pub use model::{Concept, Glossary, MatchMode, Term, TermStatus};
pub use propose::{Candidate, propose_counterparts};
pub use store::{load, save, save_with_resolutions};

/// Loads a glossary from RON, CSV or TBX, chosen by the file extension (`.xml` files are read
/// as TBX when their root element is `<tbx>` or `<martif>`).
pub fn load_any(path: &Path) -> Result<Glossary, GlossaryError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".ron") {
        return store::load(path);
    }
    if name.ends_with(".csv") || name.ends_with(".tsv") {
        return table::load_csv(path);
    }
    if name.ends_with(".tbx") {
        return tbx::load_tbx(path);
    }
    if name.ends_with(".xml") {
        let bytes = error::read_file(path)?;
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_string();
        if head.contains("<tbx") || head.contains("<martif") {
            return tbx::parse_tbx(&bytes, path);
        }
        return Err(GlossaryError::Format {
            file: path.display().to_string(),
            message: "XML file is not TBX (no <tbx> or <martif> root)".to_string(),
        });
    }
    Err(GlossaryError::Format {
        file: path.display().to_string(),
        message: "unknown glossary extension (expected .ron, .csv, .tbx or .xml)".to_string(),
    })
}

impl Glossary {
    /// Index of the concept `id` in `concepts` order: the number the matcher and the aligner use.
    pub fn concept_index(&self, id: &str) -> Option<u32> {
        self.concepts.keys().position(|k| k == id).map(|i| i as u32)
    }

    /// Adds `term` for `lang` to concept `id`, creating the concept if needed; a term with the
    /// same text is replaced. Returns the concept as it was before (for an undoable edit).
    pub fn add_term(&mut self, id: &str, lang: crate::lang::Lang, term: Term) -> Option<Concept> {
        let before = self.concepts.get(id).cloned();
        let concept = self
            .concepts
            .entry(id.to_string())
            .or_insert_with(|| Concept {
                id: id.to_string(),
                ..Concept::default()
            });
        let terms = concept.terms.entry(lang).or_default();
        terms.retain(|t| t.text != term.text);
        terms.push(term);
        before
    }
}
