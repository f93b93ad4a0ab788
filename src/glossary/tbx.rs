//! TBX (placeholder while being written).
use super::{Glossary, GlossaryError};
use std::path::Path;
/// Loads TBX.
pub fn load_tbx(path: &Path) -> Result<Glossary, GlossaryError> {
    Err(GlossaryError::format(path, "todo"))
}
/// Parses TBX.
pub fn parse_tbx(_b: &[u8], path: &Path) -> Result<Glossary, GlossaryError> {
    Err(GlossaryError::format(path, "todo"))
}
