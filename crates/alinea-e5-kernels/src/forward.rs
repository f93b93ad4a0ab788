//! The transformer forward pass of one window (`<s>` + content + `</s>`), as in `e5.c`:
//! embeddings (Q4 word row + position row `p` for the `p`-th token, counting from 0 + token
//! type 0) → LayerNorm → per layer: Q/K/V (Q4×Q8) → softmax attention over the window →
//! output projection → LayerNorm(x + attn) → FFN with erf-GELU → LayerNorm(x + ffn) ("post-LN"
//! BERT) → mean over every token of the window, `<s>` and `</s>` included.

use crate::quant::{PackedQ4, QActs, dequant_row, matmul};
use crate::{Q4_BLOCK_BYTES, QK};

/// One encoder layer's weights.
#[derive(Debug)]
pub struct Layer {
    /// Q, K and V stacked: `[3H, H]` (they share their input and run as one product).
    pub qkv: PackedQ4,
    /// Biases of Q, K, V, stacked.
    pub qkv_b: Vec<f32>,
    /// Attention output projection `[H, H]`.
    pub ao: PackedQ4,
    /// Its bias.
    pub ao_b: Vec<f32>,
    /// LayerNorm after attention: weight.
    pub aln_w: Vec<f32>,
    /// LayerNorm after attention: bias.
    pub aln_b: Vec<f32>,
    /// Feed-forward in `[FF, H]`.
    pub fi: PackedQ4,
    /// Its bias.
    pub fi_b: Vec<f32>,
    /// Feed-forward out `[H, FF]`.
    pub fo: PackedQ4,
    /// Its bias.
    pub fo_b: Vec<f32>,
    /// LayerNorm after the feed-forward: weight.
    pub oln_w: Vec<f32>,
    /// LayerNorm after the feed-forward: bias.
    pub oln_b: Vec<f32>,
}

/// All weights, unpacked for the kernels (the word table stays 4-bit).
#[derive(Debug)]
pub struct Weights {
    /// Hidden size.
    pub hidden: usize,
    /// Attention heads.
    pub heads: usize,
    /// Feed-forward size.
    pub ff: usize,
    /// Longest window, `<s>`/`</s>` included (rows of `pos`).
    pub max_pos: usize,
    /// LayerNorm epsilon.
    pub eps: f32,
    /// Word embeddings, Q4_0 rows of `hidden`.
    pub word: Vec<u8>,
    /// Position embeddings `[max_pos, hidden]`; the `p`-th token of a window takes row `p`.
    pub pos: Vec<f32>,
    /// Token-type 0 embedding.
    pub type0: Vec<f32>,
    /// Embedding LayerNorm weight.
    pub eln_w: Vec<f32>,
    /// Embedding LayerNorm bias.
    pub eln_b: Vec<f32>,
    /// The encoder layers.
    pub layers: Vec<Layer>,
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
    /// Mean of the final hidden states over the window `ids` (specials included by the
    /// caller; `ids.len() ≤ max_pos`, ids below the vocabulary size), written to `out`.
    pub fn window_mean(&self, ids: &[u32], s: &mut Scratch, out: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        {
            if crate::quant::avx2_available() {
                // SAFETY: the CPU has AVX2 and FMA (checked just above).
                unsafe { self.window_mean_avx2(ids, s, out) };
                return;
            }
        }
        self.window_mean_impl(ids, s, out);
    }

    /// The same code compiled for AVX2, so that the float loops (attention, norms, GELU)
    /// vectorise 8 wide. No FMA contraction happens, so both builds compute the same.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn window_mean_avx2(&self, ids: &[u32], s: &mut Scratch, out: &mut [f32]) {
        self.window_mean_impl(ids, s, out);
    }

    #[inline(always)]
    fn window_mean_impl(&self, ids: &[u32], s: &mut Scratch, out: &mut [f32]) {
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

    #[inline(always)]
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
        gelu_all(&mut s.mid);
        s.acts.quantise(&s.mid, self.ff);
        matmul(&ly.fo, &ly.fo_b, &s.acts, &mut s.tmp);
        layer_norm(&mut s.x, Some(&s.tmp), &ly.oln_w, &ly.oln_b, h, self.eps);
    }
}

/// erf-based GELU, as the reference (`0.5·x·(1 + erf(x/√2))`), over a whole buffer.
#[inline(always)]
fn gelu_all(v: &mut [f32]) {
    for x in v.iter_mut() {
        *x = 0.5 * *x * (1.0 + erf(*x * std::f32::consts::FRAC_1_SQRT_2));
    }
}

/// erf as a rational function of x² on [−4, 4] (±1 outside), written branch-free so that
/// the GELU loop vectorises. Within 1e-6 of libm's `erff` everywhere (tested), far below
/// the 8-bit quantisation noise the next matrix product adds.
#[inline(always)]
pub fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let mut p = -2.726_142_3e-10_f32;
    p = p * x2 + 2.770_681_4e-8;
    p = p * x2 - 2.101_024e-6;
    p = p * x2 - 5.692_506_4e-5;
    p = p * x2 - 7.349_906_3e-4;
    p = p * x2 - 2.954_600_1e-3;
    p = p * x2 - 1.609_603_3e-2;
    let mut q = -1.456_607_2e-5_f32;
    q = q * x2 - 2.133_740_6e-4;
    q = q * x2 - 1.682_827e-3;
    q = q * x2 - 7.373_329_4e-3;
    q = q * x2 - 1.426_474e-2;
    x * p / q
}

#[inline(always)]
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

#[inline(always)]
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
