//! Reusable widgets.

pub mod bidi_text;
