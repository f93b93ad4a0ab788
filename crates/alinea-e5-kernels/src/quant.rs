//! The 4-bit × 8-bit matrix product, in the reference engine's numeric scheme.
//!
//! Weights are Q4_0: per block of 32 inputs an f16 scale `dw` and unsigned nibbles `q`
//! (weight = `dw·(q − 8)`). Activations are quantised per block of 32 to int8 (Q8_0:
//! `da = max|x|/127`, `a = round_half_even(x/da)`), and each output is
//! `bias + Σ_blocks dw·da·(Σ q·a − 8·Σ a)`, the integer part exact. This module has a scalar
//! reference and an AVX2 kernel (chosen at run time) that compute the same thing.
//!
//! For the kernel, weights are unpacked once at load time into [`PackedQ4`]: groups of 8
//! output rows, and inside a group, per block, 8 chunks of 32 bytes in which lane `j` (4 bytes)
//! holds 4 consecutive nibbles of row `j`. One broadcast 4-byte activation chunk times one
//! such vector then gives 8 rows' partial dots at once (`maddubs`), with no horizontal sums.

use crate::{Q4_BLOCK_BYTES, QK};

/// Rows per packed group (lanes of one 256-bit vector of i32).
pub const ROWS: usize = 8;

/// IEEE half → single, bit for bit as the reference's converter (whose subnormals come out
/// halved: kept, so that every scale decodes as there).
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h & 0x8000) as u32) << 16;
    let exp = ((h >> 10) & 0x1f) as u32;
    let man = (h & 0x3ff) as u32;
    let bits = if exp == 0 {
        if man == 0 {
            sign
        } else {
            // subnormal: normalise
            let mut e = 1u32;
            let mut m = man;
            while m & 0x400 == 0 {
                m <<= 1;
                e += 1;
            }
            sign | ((127 - 15 + 1 - e) << 23) | ((m & 0x3ff) << 13)
        }
    } else if exp == 31 {
        sign | 0x7f80_0000 | (man << 13)
    } else {
        sign | ((exp + 127 - 15) << 23) | (man << 13)
    };
    f32::from_bits(bits)
}

/// Dequantises one Q4_0 row (`out.len()` values) into `out`.
pub fn dequant_row(blocks: &[u8], out: &mut [f32]) {
    for (blk, o) in blocks
        .chunks_exact(Q4_BLOCK_BYTES)
        .zip(out.chunks_exact_mut(QK))
    {
        let d = f16_to_f32(u16::from_le_bytes([blk[0], blk[1]]));
        for j in 0..16 {
            let b = blk[2 + j];
            o[j] = ((b & 0x0f) as i32 - 8) as f32 * d;
            o[j + 16] = ((b >> 4) as i32 - 8) as f32 * d;
        }
    }
}

/// A Q4_0 weight matrix `[nout, nin]` unpacked for the kernels.
#[derive(Debug, Clone)]
pub struct PackedQ4 {
    /// Output rows.
    pub nout: usize,
    /// Inputs per row.
    pub nin: usize,
    /// `[nout/8][nin/32][8 chunks][8 rows][4]` nibble values 0..=15.
    quants: Vec<u8>,
    /// `[nout/8][nin/32][8 rows]` block scales.
    scales: Vec<f32>,
}

impl PackedQ4 {
    /// Unpacks `nout` rows of `nin` Q4_0 weights (`nin/32·18` bytes per row). The caller
    /// checked the sizes; `nout` is a multiple of 8 and `nin` of 32.
    pub fn from_q4(raw: &[u8], nout: usize, nin: usize) -> Self {
        Self::concat(&[raw], nout, nin)
    }

    /// Like [`Self::from_q4`] for several matrices of the same `nin` stacked by rows (Q, K
    /// and V share their input and run as one product).
    pub fn concat(parts: &[&[u8]], nout: usize, nin: usize) -> Self {
        let nb = nin / QK;
        let row_bytes = nb * Q4_BLOCK_BYTES;
        let rows: Vec<&[u8]> = parts
            .iter()
            .flat_map(|p| p.chunks_exact(row_bytes))
            .collect();
        debug_assert_eq!(rows.len(), nout);
        let groups = nout / ROWS;
        let mut quants = vec![0u8; groups * nb * 256];
        let mut scales = vec![0f32; groups * nb * ROWS];
        for g in 0..groups {
            for b in 0..nb {
                let qbase = (g * nb + b) * 256;
                for r in 0..ROWS {
                    let blk = &rows[g * ROWS + r][b * Q4_BLOCK_BYTES..(b + 1) * Q4_BLOCK_BYTES];
                    scales[(g * nb + b) * ROWS + r] =
                        f16_to_f32(u16::from_le_bytes([blk[0], blk[1]]));
                    for k in 0..QK {
                        let q = if k < 16 {
                            blk[2 + k] & 0x0f
                        } else {
                            blk[2 + k - 16] >> 4
                        };
                        let (chunk, e) = (k / 4, k % 4);
                        quants[qbase + chunk * 32 + r * 4 + e] = q;
                    }
                }
            }
        }
        PackedQ4 {
            nout,
            nin,
            quants,
            scales,
        }
    }
}

/// Activations `[rows, nin]` quantised per block of 32 to int8 (the reference's Q8_0).
#[derive(Debug, Default, Clone)]
pub struct QActs {
    /// int8 values, row-major.
    pub q: Vec<i8>,
    /// Per-block scales `[rows][nin/32]`.
    pub d: Vec<f32>,
    /// Per-block `8·Σ q` `[rows][nin/32]` (the nibble offset's correction).
    pub s8: Vec<i32>,
    /// Inputs per row.
    pub nin: usize,
}

impl QActs {
    /// Quantises `x` (`rows × nin`, row-major) into `self`, reusing its buffers.
    pub fn quantise(&mut self, x: &[f32], nin: usize) {
        let nblocks = x.len() / QK;
        self.nin = nin;
        self.q.resize(x.len(), 0);
        self.d.resize(nblocks, 0.0);
        self.s8.resize(nblocks, 0);
        #[cfg(target_arch = "x86_64")]
        {
            if avx2_available() {
                // SAFETY: AVX2 is present (checked just above).
                unsafe { avx2::quantise(self, x) };
                return;
            }
        }
        self.quantise_scalar(x);
    }

    /// The portable reference of [`Self::quantise`] (buffers already sized).
    pub fn quantise_scalar(&mut self, x: &[f32]) {
        for (i, blk) in x.chunks_exact(QK).enumerate() {
            let amax = blk.iter().fold(0f32, |m, v| m.max(v.abs()));
            let d = amax / 127.0;
            let id = if d > 0.0 { 1.0 / d } else { 0.0 };
            let mut sum = 0i32;
            for (o, &v) in self.q[i * QK..(i + 1) * QK].iter_mut().zip(blk) {
                let r = ((v * id).round_ties_even() as i32).clamp(-128, 127);
                *o = r as i8;
                sum += r;
            }
            self.d[i] = d;
            self.s8[i] = 8 * sum;
        }
    }

    /// Rows held.
    pub fn rows(&self) -> usize {
        self.q.len().checked_div(self.nin).unwrap_or(0)
    }
}

/// `y[t, o] = bias[o] + Σ_k w[o, k]·x[t, k]` in the Q4×Q8 scheme; `y` is `[rows, nout]`.
pub fn matmul(w: &PackedQ4, bias: &[f32], x: &QActs, y: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    {
        if avx2_available() {
            // SAFETY: the CPU has AVX2 and FMA (checked just above).
            unsafe { avx2::matmul(w, bias, x, y) };
            return;
        }
    }
    matmul_scalar(w, bias, x, y);
}

/// True when the AVX2 kernel runs on this CPU.
pub fn avx2_available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The portable reference of [`matmul`].
pub fn matmul_scalar(w: &PackedQ4, bias: &[f32], x: &QActs, y: &mut [f32]) {
    let nb = w.nin / QK;
    let rows = x.rows();
    for t in 0..rows {
        let a = &x.q[t * w.nin..(t + 1) * w.nin];
        for g in 0..w.nout / ROWS {
            for r in 0..ROWS {
                let mut acc = 0f32;
                for b in 0..nb {
                    let qbase = (g * nb + b) * 256;
                    let mut isum = 0i32;
                    for k in 0..QK {
                        let q = w.quants[qbase + (k / 4) * 32 + r * 4 + k % 4] as i32;
                        isum += q * a[b * QK + k] as i32;
                    }
                    let scale = w.scales[(g * nb + b) * ROWS + r] * x.d[t * nb + b];
                    acc += scale * (isum - x.s8[t * nb + b]) as f32;
                }
                let o = g * ROWS + r;
                y[t * w.nout + o] = bias[o] + acc;
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{PackedQ4, QActs, QK, ROWS};
    use std::arch::x86_64::*;

    /// Tokens per register tile.
    const TT: usize = 4;

    /// One block (32 inputs) of `N` tokens against one group of 8 rows: adds
    /// `cvt(Σ q·a − 8Σa)·(dw·da)` into `acc[i]`.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn block<const N: usize>(
        wq: *const u8,
        dw: __m256,
        a: [*const i8; N],
        da: [f32; N],
        s8: [i32; N],
        acc: &mut [__m256; N],
    ) {
        unsafe {
            let mut s16 = [_mm256_setzero_si256(); N];
            for c in 0..8 {
                let wv = _mm256_loadu_si256(wq.add(c * 32) as *const __m256i);
                for i in 0..N {
                    let av = _mm256_set1_epi32((a[i].add(c * 4) as *const i32).read_unaligned());
                    // |sum| ≤ 8 chunks · 2 · 15 · 128 = 30720: no int16 overflow.
                    s16[i] = _mm256_add_epi16(s16[i], _mm256_maddubs_epi16(wv, av));
                }
            }
            let ones = _mm256_set1_epi16(1);
            for i in 0..N {
                let s32 =
                    _mm256_sub_epi32(_mm256_madd_epi16(s16[i], ones), _mm256_set1_epi32(s8[i]));
                let scale = _mm256_mul_ps(dw, _mm256_set1_ps(da[i]));
                acc[i] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(s32), scale, acc[i]);
            }
        }
    }

    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn tile<const N: usize>(
        w: &PackedQ4,
        bias: &[f32],
        x: &QActs,
        y: &mut [f32],
        t0: usize,
        g: usize,
    ) {
        let nb = w.nin / QK;
        unsafe {
            let mut acc = [_mm256_setzero_ps(); N];
            let qg = w.quants.as_ptr().add(g * nb * 256);
            let sg = w.scales.as_ptr().add(g * nb * ROWS);
            let base: [*const i8; N] = std::array::from_fn(|i| x.q.as_ptr().add((t0 + i) * w.nin));
            for b in 0..nb {
                let dw = _mm256_loadu_ps(sg.add(b * ROWS));
                let a: [*const i8; N] = std::array::from_fn(|i| base[i].add(b * QK));
                let da: [f32; N] = std::array::from_fn(|i| x.d[(t0 + i) * nb + b]);
                let s8: [i32; N] = std::array::from_fn(|i| x.s8[(t0 + i) * nb + b]);
                block::<N>(qg.add(b * 256), dw, a, da, s8, &mut acc);
            }
            let bv = _mm256_loadu_ps(bias.as_ptr().add(g * ROWS));
            for (i, a) in acc.iter().enumerate() {
                let out = &mut y[(t0 + i) * w.nout + g * ROWS..(t0 + i) * w.nout + (g + 1) * ROWS];
                _mm256_storeu_ps(out.as_mut_ptr(), _mm256_add_ps(*a, bv));
            }
        }
    }

    /// AVX2 version of [`QActs::quantise_scalar`]: same arithmetic (`x·(1/d)` rounded half
    /// to even, saturated to int8).
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn quantise(acts: &mut QActs, x: &[f32]) {
        let nblocks = x.len() / QK;
        assert!(
            acts.q.len() >= nblocks * QK && acts.d.len() >= nblocks && acts.s8.len() >= nblocks
        );
        let abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fff_ffff));
        let perm = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
        let (lo, hi) = (_mm256_set1_epi32(-128), _mm256_set1_epi32(127));
        for i in 0..nblocks {
            unsafe {
                let p = x.as_ptr().add(i * QK);
                let v = [
                    _mm256_loadu_ps(p),
                    _mm256_loadu_ps(p.add(8)),
                    _mm256_loadu_ps(p.add(16)),
                    _mm256_loadu_ps(p.add(24)),
                ];
                let m = _mm256_max_ps(
                    _mm256_max_ps(_mm256_and_ps(v[0], abs_mask), _mm256_and_ps(v[1], abs_mask)),
                    _mm256_max_ps(_mm256_and_ps(v[2], abs_mask), _mm256_and_ps(v[3], abs_mask)),
                );
                let m4 = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
                let m2 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
                let m1 = _mm_max_ss(m2, _mm_shuffle_ps(m2, m2, 1));
                let amax = _mm_cvtss_f32(m1);
                let d = amax / 127.0;
                let id = if d > 0.0 { 1.0 / d } else { 0.0 };
                let idv = _mm256_set1_ps(id);
                let q: [__m256i; 4] = std::array::from_fn(|j| {
                    let r = _mm256_round_ps(
                        _mm256_mul_ps(v[j], idv),
                        _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC,
                    );
                    _mm256_min_epi32(_mm256_max_epi32(_mm256_cvtps_epi32(r), lo), hi)
                });
                let p16 = _mm256_packs_epi16(
                    _mm256_packs_epi32(q[0], q[1]),
                    _mm256_packs_epi32(q[2], q[3]),
                );
                let bytes = _mm256_permutevar8x32_epi32(p16, perm);
                _mm256_storeu_si256(acts.q.as_mut_ptr().add(i * QK) as *mut __m256i, bytes);
                let s =
                    _mm256_add_epi32(_mm256_add_epi32(q[0], q[1]), _mm256_add_epi32(q[2], q[3]));
                let s4 = _mm_add_epi32(_mm256_castsi256_si128(s), _mm256_extracti128_si256(s, 1));
                let s2 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0b01_00_11_10));
                let s1 = _mm_add_epi32(s2, _mm_shuffle_epi32(s2, 0b10_11_00_01));
                acts.d[i] = d;
                acts.s8[i] = 8 * _mm_cvtsi128_si32(s1);
            }
        }
    }

    /// AVX2 version of [`super::matmul_scalar`]: each group of 8 rows (a few KiB, stays in L1)
    /// runs over all tokens in tiles of 4.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn matmul(w: &PackedQ4, bias: &[f32], x: &QActs, y: &mut [f32]) {
        let rows = x.rows();
        assert!(y.len() >= rows * w.nout && bias.len() >= w.nout && x.nin == w.nin);
        for g in 0..w.nout / ROWS {
            let mut t = 0;
            while t + TT <= rows {
                unsafe { tile::<TT>(w, bias, x, y, t, g) };
                t += TT;
            }
            while t < rows {
                unsafe { tile::<1>(w, bias, x, y, t, g) };
                t += 1;
            }
        }
    }
}
