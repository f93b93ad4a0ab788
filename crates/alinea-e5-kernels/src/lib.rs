//! The hot loops of alinea's sentence encoder (multilingual-e5-small, 4-bit): the 4-bit ×
//! 8-bit matrix product ([`quant`]) and the transformer forward pass of one window
//! ([`forward`]).
//!
//! A crate of its own only so that alinea's debug profile can build it optimised
//! (`[profile.dev.package.alinea-e5-kernels]`): unoptimised SIMD code runs a hundred times
//! slower, and the tests run the real model. The model file, the tokenizer and the public API
//! live in `alinea::embed`.

pub mod forward;
pub mod quant;

/// Elements per Q4_0 / Q8_0 block.
pub const QK: usize = 32;
/// Bytes per Q4_0 block: an f16 scale and 16 bytes holding 32 nibbles.
pub const Q4_BLOCK_BYTES: usize = 18;
