//! Builds the kernels' [`Weights`] out of a checked model file: copies the f32 tensors,
//! unpacks the 4-bit matrices into the kernel layout (Q, K and V stacked into one).

use alinea_e5_kernels::forward::{Layer, Weights};
use alinea_e5_kernels::quant::PackedQ4;

use super::format::ModelFile;

/// Every tensor of the forward pass, taken from `file`.
pub fn load_weights(file: &ModelFile<'_>) -> Result<Weights, String> {
    let h = file.header;
    let (hd, ff) = (h.hidden, h.ff);
    let f = |name: &str, n: usize| file.f32s(name, n);
    let mut layers = Vec::with_capacity(h.layers);
    for l in 0..h.layers {
        let n = |s: &str| format!("l{l}.{s}");
        let qkv = PackedQ4::concat(
            &[
                file.q4(&n("q.w"), hd * hd)?,
                file.q4(&n("k.w"), hd * hd)?,
                file.q4(&n("v.w"), hd * hd)?,
            ],
            3 * hd,
            hd,
        );
        let mut qkv_b = f(&n("q.b"), hd)?;
        qkv_b.extend(f(&n("k.b"), hd)?);
        qkv_b.extend(f(&n("v.b"), hd)?);
        layers.push(Layer {
            qkv,
            qkv_b,
            ao: PackedQ4::from_q4(file.q4(&n("ao.w"), hd * hd)?, hd, hd),
            ao_b: f(&n("ao.b"), hd)?,
            aln_w: f(&n("aln.w"), hd)?,
            aln_b: f(&n("aln.b"), hd)?,
            fi: PackedQ4::from_q4(file.q4(&n("fi.w"), ff * hd)?, ff, hd),
            fi_b: f(&n("fi.b"), ff)?,
            fo: PackedQ4::from_q4(file.q4(&n("fo.w"), hd * ff)?, hd, ff),
            fo_b: f(&n("fo.b"), hd)?,
            oln_w: f(&n("oln.w"), hd)?,
            oln_b: f(&n("oln.b"), hd)?,
        });
    }
    let mut type0 = f("emb.type", h.type_vocab * hd)?;
    type0.truncate(hd);
    Ok(Weights {
        hidden: hd,
        heads: h.heads,
        ff,
        max_pos: h.max_pos,
        eps: h.eps,
        word: file.q4("emb.word", h.vocab * hd)?.to_vec(),
        pos: f("emb.pos", h.max_pos * hd)?,
        type0,
        eln_w: f("emb.ln.w", hd)?,
        eln_b: f("emb.ln.b", hd)?,
        layers,
    })
}
