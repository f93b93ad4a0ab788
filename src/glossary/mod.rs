//! The shared glossary: concepts and their terms in every language.

mod model;

pub use model::{Concept, Glossary, MatchMode, Term, TermStatus};
