//! CSV glossaries (placeholder while being written).
use super::{Glossary, GlossaryError};
use std::path::Path;
/// Loads a CSV glossary.
pub fn load_csv(path: &Path) -> Result<Glossary, GlossaryError> {
    Err(GlossaryError::format(path, "todo"))
}
