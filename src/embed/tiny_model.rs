//! Writer of small random models in the `E5S1` format, so that the encoder's tests (and
//! anyone checking the reader) need not have the real 72 MB model.
//!
//! The weights are pseudo-random (a fixed seed gives the same file); the vocabulary is a
//! handful of pieces given by the caller. Such a model embeds nothing meaningfully, but it
//! goes through exactly the code paths the real one does.

use super::format::{DTYPE_F32, DTYPE_Q4, MAGIC, QK, VERSION};

/// What to put in a tiny model.
#[derive(Debug, Clone)]
pub struct TinySpec {
    /// Hidden size (a multiple of 32).
    pub hidden: usize,
    /// Layers.
    pub layers: usize,
    /// Attention heads (dividing `hidden`).
    pub heads: usize,
    /// Feed-forward size (a multiple of 32).
    pub ff: usize,
    /// Position rows: windows hold `max_pos − 2` content tokens.
    pub max_pos: usize,
    /// Pieces after the four specials `<s>`, `<pad>`, `</s>`, `<unk>` (ids 0–3), with scores.
    pub pieces: Vec<(String, f32)>,
    /// Normalisation entries: code point → replacement (empty deletes).
    pub norm: Vec<(char, String)>,
    /// Seed of the weights.
    pub seed: u64,
}

impl Default for TinySpec {
    /// Two layers of 64, windows of 10 content tokens, a vocabulary that covers the tests'
    /// words: `▁passage`, `:`, `▁hello`, `▁world`, letters, `▁` …
    fn default() -> Self {
        let mut pieces: Vec<(String, f32)> = vec![
            ("▁passage".into(), -2.0),
            ("▁query".into(), -2.0),
            (":".into(), -3.0),
            ("▁".into(), -3.5),
            ("▁hello".into(), -4.0),
            ("▁world".into(), -4.0),
            ("▁hell".into(), -6.0),
            ("o".into(), -5.0),
            ("▁wor".into(), -6.5),
            ("ld".into(), -6.5),
            ("é".into(), -7.0),
            ("fi".into(), -6.0),
        ];
        for c in 'a'..='z' {
            pieces.push((c.to_string(), -8.0));
        }
        TinySpec {
            hidden: 64,
            layers: 2,
            heads: 2,
            ff: 128,
            max_pos: 12,
            pieces,
            norm: vec![
                ('\u{00A0}', " ".into()),
                ('\u{0001}', String::new()),
                ('\u{FB01}', "fi".into()),
            ],
            seed: 42,
        }
    }
}

/// A SplitMix64 stream of values in −1..1.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f32 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 40) as f32 / (1u64 << 23) as f32 - 1.0
    }
}

/// f32 → f16 bits, round to nearest (normal range only; enough for scales).
fn f16_bits(x: f32) -> u16 {
    if x == 0.0 {
        return 0;
    }
    let b = x.to_bits();
    let sign = ((b >> 16) & 0x8000) as u16;
    let exp = ((b >> 23) & 0xff) as i32 - 127 + 15;
    if exp <= 0 {
        return sign;
    }
    if exp >= 31 {
        return sign | 0x7bff;
    }
    let man = b & 0x7f_ffff;
    let mut h = ((exp as u32) << 10) | (man >> 13);
    if man & 0x1000 != 0 {
        h += 1;
    }
    sign | h as u16
}

/// Quantises `x` (a multiple of 32 values) to Q4_0 blocks.
fn quantise_q4(x: &[f32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(x.len() / QK * 18);
    for blk in x.chunks_exact(QK) {
        let max = blk
            .iter()
            .copied()
            .fold(0f32, |m, v| if v.abs() > m.abs() { v } else { m });
        let d = max / -8.0;
        let id = if d != 0.0 { 1.0 / d } else { 0.0 };
        out.extend_from_slice(&f16_bits(d).to_le_bytes());
        let q = |v: f32| ((v * id + 8.5) as i32).clamp(0, 15) as u8;
        for j in 0..16 {
            out.push(q(blk[j]) | (q(blk[j + 16]) << 4));
        }
    }
    out
}

/// The bytes of a tiny model file.
pub fn tiny_model_bytes(spec: &TinySpec) -> Vec<u8> {
    let (h, ff) = (spec.hidden, spec.ff);
    let mut rng = Rng(spec.seed);
    let mut pieces: Vec<(Vec<u8>, f32)> = ["<s>", "<pad>", "</s>", "<unk>"]
        .iter()
        .map(|s| (s.as_bytes().to_vec(), 0.0))
        .collect();
    pieces.extend(spec.pieces.iter().map(|(p, s)| (p.as_bytes().to_vec(), *s)));
    let vocab = pieces.len();

    let mut f = Vec::new();
    f.extend_from_slice(MAGIC);
    f.extend_from_slice(&VERSION.to_le_bytes());
    for v in [h, spec.layers, spec.heads, ff, vocab, spec.max_pos, 2] {
        f.extend_from_slice(&(v as i32).to_le_bytes());
    }
    f.extend_from_slice(&1e-12f32.to_le_bytes());
    f.extend_from_slice(&(QK as i32).to_le_bytes());
    for v in [vocab, 0, 2, 1, 3] {
        f.extend_from_slice(&(v as i32).to_le_bytes());
    }
    let blob: Vec<u8> = pieces.iter().flat_map(|(p, _)| p.clone()).collect();
    f.extend_from_slice(&(blob.len() as u64).to_le_bytes());
    let mut off = 0u32;
    f.extend_from_slice(&off.to_le_bytes());
    for (p, _) in &pieces {
        off += p.len() as u32;
        f.extend_from_slice(&off.to_le_bytes());
    }
    for (_, s) in &pieces {
        f.extend_from_slice(&s.to_le_bytes());
    }
    f.extend_from_slice(&blob);
    let mut norm = spec.norm.clone();
    norm.sort_by_key(|(c, _)| *c);
    let mut nm = Vec::new();
    for (c, rep) in &norm {
        nm.extend_from_slice(&(*c as u32).to_le_bytes());
        nm.push(rep.chars().count() as u8);
        for r in rep.chars() {
            nm.extend_from_slice(&(r as u32).to_le_bytes());
        }
    }
    f.extend_from_slice(&(norm.len() as i32).to_le_bytes());
    f.extend_from_slice(&(nm.len() as u32).to_le_bytes());
    f.extend_from_slice(&nm);

    // tensors: (name, dtype, values)
    let mut tensors: Vec<(String, u8, Vec<f32>)> = Vec::new();
    let mut rand = |n: usize, scale: f32, shift: f32| -> Vec<f32> {
        (0..n).map(|_| rng.next() * scale + shift).collect()
    };
    tensors.push(("emb.word".into(), DTYPE_Q4, rand(vocab * h, 1.0, 0.0)));
    tensors.push((
        "emb.pos".into(),
        DTYPE_F32,
        rand(spec.max_pos * h, 0.5, 0.0),
    ));
    tensors.push(("emb.type".into(), DTYPE_F32, rand(2 * h, 0.1, 0.0)));
    tensors.push(("emb.ln.w".into(), DTYPE_F32, rand(h, 0.1, 1.0)));
    tensors.push(("emb.ln.b".into(), DTYPE_F32, rand(h, 0.1, 0.0)));
    let ws = 1.0 / (h as f32).sqrt();
    for l in 0..spec.layers {
        let n = |s: &str| format!("l{l}.{s}");
        for m in ["q", "k", "v", "ao"] {
            tensors.push((n(&format!("{m}.w")), DTYPE_Q4, rand(h * h, 2.0 * ws, 0.0)));
            tensors.push((n(&format!("{m}.b")), DTYPE_F32, rand(h, 0.1, 0.0)));
        }
        tensors.push((n("aln.w"), DTYPE_F32, rand(h, 0.1, 1.0)));
        tensors.push((n("aln.b"), DTYPE_F32, rand(h, 0.1, 0.0)));
        tensors.push((n("fi.w"), DTYPE_Q4, rand(ff * h, 2.0 * ws, 0.0)));
        tensors.push((n("fi.b"), DTYPE_F32, rand(ff, 0.1, 0.0)));
        tensors.push((
            n("fo.w"),
            DTYPE_Q4,
            rand(h * ff, 2.0 / (ff as f32).sqrt(), 0.0),
        ));
        tensors.push((n("fo.b"), DTYPE_F32, rand(h, 0.1, 0.0)));
        tensors.push((n("oln.w"), DTYPE_F32, rand(h, 0.1, 1.0)));
        tensors.push((n("oln.b"), DTYPE_F32, rand(h, 0.1, 0.0)));
    }
    let data: Vec<(String, u8, usize, Vec<u8>)> = tensors
        .into_iter()
        .map(|(name, dt, v)| {
            let bytes = if dt == DTYPE_Q4 {
                quantise_q4(&v)
            } else {
                v.iter().flat_map(|x| x.to_le_bytes()).collect()
            };
            (name, dt, v.len(), bytes)
        })
        .collect();
    let dir_len: usize = 4 + data
        .iter()
        .map(|(n, ..)| 2 + n.len() + 1 + 4 + 16)
        .sum::<usize>();
    let mut pos = (f.len() + dir_len).next_multiple_of(32);
    f.extend_from_slice(&(data.len() as i32).to_le_bytes());
    let mut offsets = Vec::new();
    for (name, dt, count, bytes) in &data {
        f.extend_from_slice(&(name.len() as u16).to_le_bytes());
        f.extend_from_slice(name.as_bytes());
        f.push(*dt);
        f.extend_from_slice(&(*count as u32).to_le_bytes());
        f.extend_from_slice(&(pos as u64).to_le_bytes());
        f.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        offsets.push(pos);
        pos = (pos + bytes.len()).next_multiple_of(32);
    }
    for ((.., bytes), at) in data.iter().zip(offsets) {
        f.resize(at, 0);
        f.extend_from_slice(bytes);
    }
    f
}

/// Writes a tiny model to `path`.
pub fn write_tiny_model(path: &std::path::Path, spec: &TinySpec) -> std::io::Result<()> {
    std::fs::write(path, tiny_model_bytes(spec))
}
