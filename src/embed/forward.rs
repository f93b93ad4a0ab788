//! The transformer forward pass of one window (`<s>` + content + `</s>`), as in `e5.c`:
//! embeddings (Q4 word row + position row `p` for the `p`-th token, counting from 0 + token
//! type 0) → LayerNorm → per layer: Q/K/V (Q4×Q8) → softmax attention over the window →
//! output projection → LayerNorm(x + attn) → FFN with erf-GELU → LayerNorm(x + ffn) ("post-LN"
//! BERT) → mean over every token of the window, `<s>` and `</s>` included.

use super::format::{ModelFile, Q4_BLOCK_BYTES, QK};
use super::quant::{PackedQ4, QActs, dequant_row, matmul};

/// One encoder layer's weights.
#[derive(Debug)]
struct Layer {
    /// Q, K and V stacked: `[3H, H]`.
    qkv: PackedQ4,
    qkv_b: Vec<f32>,
    ao: PackedQ4,
    ao_b: Vec<f32>,
    aln_w: Vec<f32>,
    aln_b: Vec<f32>,
    fi: PackedQ4,
    fi_b: Vec<f32>,
    fo: PackedQ4,
    fo_b: Vec<f32>,
    oln_w: Vec<f32>,
    oln_b: Vec<f32>,
}

/// All weights, unpacked for the kernels (the word table stays 4-bit).
#[derive(Debug)]
pub struct Weights {
    /// Hidden size.
    pub hidden: usize,
    heads: usize,
    ff: usize,
    /// Longest window, `<s>`/`</s>` included.
    pub max_pos: usize,
    eps: f32,
    word: Vec<u8>,
    pos: Vec<f32>,
    type0: Vec<f32>,
    eln_w: Vec<f32>,
    eln_b: Vec<f32>,
    layers: Vec<Layer>,
}

/// Reusable buffers of one worker thread (no allocation per window once warm).
#[derive(Debug, Default)]
pub struct Scratch {
    x: Vec<f32>,
    qkv: Vec<f32>,
    ctx: Vec<f32>,
    tmp: Vec<f32>,
    mid: Vec<f32>,
    prob: Vec<f32>,
    acts: QActs,
}

impl Weights {
    /// Copies and unpacks the tensors out of a checked model file.
    pub fn new(file: &ModelFile<'_>) -> Result<Self, String> {
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

    /// Mean of the final hidden states over the window `ids` (specials included by the
    /// caller; `ids.len() ≤ max_pos`, ids below the vocabulary size), written to `out`.
    pub fn window_mean(&self, ids: &[u32], s: &mut Scratch, out: &mut [f32]) {
        let (h, l) = (self.hidden, ids.len());
        let row_bytes = h / QK * Q4_BLOCK_BYTES;
        s.x.resize(l * h, 0.0);
        for (t, &id) in ids.iter().enumerate() {
            let r = &mut s.x[t * h..(t + 1) * h];
            let start = id as usize * row_bytes;
            dequant_row(&self.word[start..start + row_bytes], r);
            let p = &self.pos[t * h..(t + 1) * h];
            for ((v, &pp), &ty) in r.iter_mut().zip(p).zip(&self.type0) {
                *v += pp + ty;
            }
        }
        layer_norm(&mut s.x, None, &self.eln_w, &self.eln_b, h, self.eps);
        for layer in &self.layers {
            self.layer(layer, l, s);
        }
        out.fill(0.0);
        for r in s.x.chunks_exact(h) {
            for (o, v) in out.iter_mut().zip(r) {
                *o += v;
            }
        }
        let inv = 1.0 / l as f32;
        out.iter_mut().for_each(|v| *v *= inv);
    }

    fn layer(&self, ly: &Layer, l: usize, s: &mut Scratch) {
        let h = self.hidden;
        s.acts.quantise(&s.x, h);
        s.qkv.resize(l * 3 * h, 0.0);
        matmul(&ly.qkv, &ly.qkv_b, &s.acts, &mut s.qkv);
        s.ctx.resize(l * h, 0.0);
        attention(&s.qkv, &mut s.ctx, &mut s.prob, l, h, self.heads);
        s.acts.quantise(&s.ctx, h);
        s.tmp.resize(l * h, 0.0);
        matmul(&ly.ao, &ly.ao_b, &s.acts, &mut s.tmp);
        layer_norm(&mut s.x, Some(&s.tmp), &ly.aln_w, &ly.aln_b, h, self.eps);
        s.acts.quantise(&s.x, h);
        s.mid.resize(l * self.ff, 0.0);
        matmul(&ly.fi, &ly.fi_b, &s.acts, &mut s.mid);
        s.mid.iter_mut().for_each(|v| *v = gelu(*v));
        s.acts.quantise(&s.mid, self.ff);
        matmul(&ly.fo, &ly.fo_b, &s.acts, &mut s.tmp);
        layer_norm(&mut s.x, Some(&s.tmp), &ly.oln_w, &ly.oln_b, h, self.eps);
    }
}

/// erf-based GELU, as the reference.
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + libm::erff(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// `x = LayerNorm(x + y)` per row of `h` (or `LayerNorm(x)` without `y`).
fn layer_norm(x: &mut [f32], y: Option<&[f32]>, w: &[f32], b: &[f32], h: usize, eps: f32) {
    for (t, r) in x.chunks_exact_mut(h).enumerate() {
        if let Some(y) = y {
            for (v, a) in r.iter_mut().zip(&y[t * h..(t + 1) * h]) {
                *v += a;
            }
        }
        let mean = r.iter().sum::<f32>() / h as f32;
        let var = r.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / h as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for ((v, &ww), &bb) in r.iter_mut().zip(w).zip(b) {
            *v = (*v - mean) * inv * ww + bb;
        }
    }
}

/// Dot product written in 8 lanes so that it vectorises.
#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ac
        .remainder()
        .iter()
        .zip(bc.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ac.zip(bc) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Scaled dot-product attention of every token over the whole window, per head.
/// `qkv` rows hold `[q | k | v]`; writes `ctx[l, h]`.
fn attention(qkv: &[f32], ctx: &mut [f32], prob: &mut Vec<f32>, l: usize, h: usize, heads: usize) {
    let hd = h / heads;
    let scale = 1.0 / (hd as f32).sqrt();
    let stride = 3 * h;
    prob.resize(l, 0.0);
    for head in 0..heads {
        let (qo, ko, vo) = (head * hd, h + head * hd, 2 * h + head * hd);
        for t in 0..l {
            let q = &qkv[t * stride + qo..t * stride + qo + hd];
            let mut mx = f32::NEG_INFINITY;
            for (s, p) in prob.iter_mut().enumerate() {
                let d = dot(q, &qkv[s * stride + ko..s * stride + ko + hd]) * scale;
                *p = d;
                mx = mx.max(d);
            }
            let mut sum = 0f32;
            for p in prob.iter_mut() {
                *p = (*p - mx).exp();
                sum += *p;
            }
            let inv = 1.0 / sum;
            let c = &mut ctx[t * h + qo..t * h + qo + hd];
            c.fill(0.0);
            for (s, &p) in prob.iter().enumerate() {
                let p = p * inv;
                let v = &qkv[s * stride + vo..s * stride + vo + hd];
                for (cv, vv) in c.iter_mut().zip(v) {
                    *cv += p * vv;
                }
            }
        }
    }
}
