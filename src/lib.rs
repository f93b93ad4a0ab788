//! Alinea: align several translations of one report sentence by sentence, keep a shared
//! glossary, check that every version uses its terms, and export the result.
//!
//! This library knows nothing about the user interface: every operation the app offers is a
//! plain function here that the CLI and the tests call too.
//!
//! Module map, in the order data flows:
//! - [`ingest`]: bytes → decoded text with paragraphs; language detection.
//! - [`segment`]: paragraphs → sentences with byte ranges, per-language rules.
//! - [`embed`]: the offline multilingual sentence encoder (multilingual-e5-small, 4-bit).
//! - [`align`]: N versions → [`model::Alignment`] rows.
//! - [`edit`]: user edits as invertible values, and the undo history.
//! - [`glossary`]: concepts × languages, the term matcher.
//! - [`checks`]: term-consistency findings and translation QA.
//! - [`mine`]: term candidates and their counterparts mined from the aligned rows.
//! - [`project`]: saving and loading projects (RON), atomically.
//! - [`export`]: TMX, TBX, CSV/TSV, JSONL, HTML, and imports.
//! - [`bidi`]: right-to-left line layout, independent of any toolkit.

pub mod align;
pub mod bidi;
pub mod checks;
pub mod edit;
pub mod embed;
pub mod export;
pub mod fs_atomic;
pub mod glossary;
pub mod ingest;
pub mod lang;
pub mod mine;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod project;
pub mod segment;
pub mod size_limit;
pub mod worker;

/// The desktop app (egui/eframe); the only module that imports egui.
#[cfg(feature = "gui")]
pub mod gui;
