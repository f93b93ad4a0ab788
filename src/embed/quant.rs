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

use super::format::{Q4_BLOCK_BYTES, QK};

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
    #[inline(always)]
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

    #[inline(always)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q4_bytes(seed: u64, nout: usize, nin: usize) -> Vec<u8> {
        let mut s = seed;
        let mut v = Vec::new();
        for _ in 0..nout * nin / QK {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let scale = half_bits(((s >> 40) % 1000) as f32 / 20000.0 + 0.001);
            v.extend_from_slice(&scale.to_le_bytes());
            for _ in 0..16 {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                v.push((s >> 56) as u8);
            }
        }
        v
    }

    /// f32 → f16 bits (normal numbers only, truncating), for the tests.
    fn half_bits(x: f32) -> u16 {
        let b = x.to_bits();
        let exp = ((b >> 23) & 0xff) as i32 - 127 + 15;
        (((b >> 16) & 0x8000) | ((exp as u32) << 10) | ((b >> 13) & 0x3ff)) as u16
    }

    #[test]
    fn f16_conversion() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        // The reference's subnormal path comes out one binade low (2^-25 instead of 2^-24);
        // kept so that weights decode exactly as there.
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-25));
        assert_eq!(f16_to_f32(0x7bff), 65504.0);
        assert!(f16_to_f32(0x7c00).is_infinite());
    }

    #[test]
    fn quantise_rounds_half_to_even_and_sums() {
        let mut x = vec![0f32; 32];
        x[0] = 127.0;
        x[1] = 2.5;
        x[2] = -3.5;
        let mut q = QActs::default();
        q.quantise(&x, 32);
        assert_eq!(q.d[0], 1.0);
        assert_eq!(&q.q[..3], &[127, 2, -4]);
        assert_eq!(q.s8[0], 8 * (127 + 2 - 4));
    }

    #[test]
    fn packed_matches_dequantised_product() {
        let (nout, nin) = (16, 64);
        let raw = q4_bytes(7, nout, nin);
        let w = PackedQ4::from_q4(&raw, nout, nin);
        let x: Vec<f32> = (0..nin * 3)
            .map(|i| ((i * 37 % 23) as f32 - 11.0) / 7.0)
            .collect();
        let mut q = QActs::default();
        q.quantise(&x, nin);
        let bias: Vec<f32> = (0..nout).map(|i| i as f32 * 0.1).collect();
        let mut y = vec![0f32; 3 * nout];
        matmul_scalar(&w, &bias, &q, &mut y);
        // float reference from dequantised weights and activations
        let mut row = vec![0f32; nin];
        for o in 0..nout {
            dequant_row(&raw[o * nin / QK * 18..(o + 1) * nin / QK * 18], &mut row);
            for t in 0..3 {
                let mut acc = bias[o];
                for k in 0..nin {
                    acc += row[k] * q.q[t * nin + k] as f32 * q.d[t * nin / QK + k / QK];
                }
                assert!(
                    (acc - y[t * nout + o]).abs() < 1e-3,
                    "{acc} vs {}",
                    y[t * nout + o]
                );
            }
        }
    }

    proptest! {
        #[test]
        fn avx2_kernel_equals_scalar(seed in any::<u64>(), rows in 1usize..11, xs in proptest::collection::vec(-50f32..50.0, 96)) {
            if !avx2_available() { return Ok(()); }
            let (nout, nin) = (24, 96);
            let raw = q4_bytes(seed, nout, nin);
            let w = PackedQ4::from_q4(&raw, nout, nin);
            let x: Vec<f32> = (0..rows).flat_map(|r| xs.iter().map(move |v| v * (r as f32 + 1.0))).collect();
            let mut q = QActs::default();
            q.quantise(&x, nin);
            let bias = vec![0.5f32; nout];
            let mut a = vec![0f32; rows * nout];
            let mut b = vec![0f32; rows * nout];
            matmul_scalar(&w, &bias, &q, &mut a);
            matmul(&w, &bias, &q, &mut b);
            for (u, v) in a.iter().zip(&b) {
                prop_assert!((u - v).abs() <= 1e-4 * (1.0 + u.abs()), "{} vs {}", u, v);
            }
        }
    }
}
