//! Generated parallel documents with known gold alignments, for benchmarks and stress tests.
//!
//! A pivot of `n` sentences of random length (some with numbers, codes or names) is
//! "translated" into other versions: each sentence becomes one of similar length (scaled by
//! a per-version ratio, with noise), and at given rates a translation splits a sentence in
//! two, merges two, omits one or adds one, and omits whole paragraphs. The generator is
//! deterministic for a seed (a small xorshift, no dependency).

use crate::model::{Lang, Version};

/// Deterministic pseudo-random numbers (xorshift64*).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// Next raw value.
    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 + f64::EPSILON < p
    }
}

/// How translations depart from the pivot.
#[derive(Clone, Copy, Debug)]
pub struct Distortion {
    /// Rate of 1-2 splits per sentence.
    pub split: f64,
    /// Rate of 2-1 merges.
    pub merge: f64,
    /// Rate of omitted sentences.
    pub omit: f64,
    /// Rate of added sentences.
    pub add: f64,
    /// Rate of omitted whole paragraphs.
    pub omit_paragraph: f64,
}

impl Default for Distortion {
    fn default() -> Self {
        Distortion {
            split: 0.03,
            merge: 0.03,
            omit: 0.005,
            add: 0.005,
            omit_paragraph: 0.002,
        }
    }
}

fn word(rng: &mut Rng, len: usize) -> String {
    (0..len)
        .map(|_| (b'a' + rng.below(26) as u8) as char)
        .collect()
}

fn sentence(rng: &mut Rng, chars: usize, extra: &str) -> String {
    let mut s = String::new();
    while s.len() < chars {
        if !s.is_empty() {
            s.push(' ');
        }
        let len = 2 + rng.below(7);
        s.push_str(&word(rng, len));
    }
    if !extra.is_empty() {
        s.push(' ');
        s.push_str(extra);
    }
    s.push('.');
    s
}

/// A pivot and `translations` versions of it, and the gold beads (one index list per version).
pub fn generate(
    n: usize,
    translations: usize,
    distortion: Distortion,
    seed: u64,
) -> (Vec<Version>, Vec<Vec<Vec<usize>>>) {
    let mut rng = Rng::new(seed);
    // Pivot: paragraphs of 1..8 sentences; an anchor in about one sentence in four.
    let mut lengths = Vec::with_capacity(n);
    let mut extras = Vec::with_capacity(n);
    let mut para_of = Vec::with_capacity(n);
    let mut para = 0;
    for s in 0..n {
        if s > 0 && rng.chance(0.2) {
            para += 1;
        }
        para_of.push(para);
        lengths.push(20 + rng.below(160));
        extras.push(match rng.below(8) {
            0 => format!("{}", 10 + rng.below(100_000)),
            1 => format!("Q{}", rng.below(1000)),
            _ => String::new(),
        });
    }
    let pivot_sentences: Vec<String> = (0..n)
        .map(|s| sentence(&mut rng, lengths[s], &extras[s]))
        .collect();
    let mut versions = vec![to_version("pivot", "vi", &pivot_sentences, &para_of)];
    // gold[v][s] = which sentences of version v translate pivot sentence s.
    let mut per_version: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut added_before: Vec<Vec<Vec<usize>>> = Vec::new();
    for t in 0..translations {
        let ratio = 0.8 + 0.1 * t as f64;
        let mut out: Vec<String> = Vec::new();
        let mut out_para: Vec<usize> = Vec::new();
        let mut map: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut adds: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        let mut s = 0;
        let mut omitted_para = usize::MAX;
        while s < n {
            let scaled = |rng: &mut Rng, len: usize| {
                let noise = 0.85 + 0.3 * (rng.below(1000) as f64 / 1000.0);
                ((len as f64) * ratio * noise) as usize + 1
            };
            if s == 0 || para_of[s] != para_of[s - 1] {
                omitted_para = if rng.chance(distortion.omit_paragraph) {
                    para_of[s]
                } else {
                    usize::MAX
                };
            }
            if para_of[s] == omitted_para || rng.chance(distortion.omit) {
                s += 1;
                continue;
            }
            if rng.chance(distortion.add) {
                adds[s].push(out.len());
                let len = 30 + rng.below(100);
                out.push(sentence(&mut rng, len, ""));
                out_para.push(para_of[s]);
            }
            let same_para = s + 1 < n && para_of[s + 1] == para_of[s];
            if same_para && rng.chance(distortion.merge) {
                let len = scaled(&mut rng, lengths[s] + lengths[s + 1]);
                let extra = format!("{} {}", extras[s], extras[s + 1]);
                map[s].push(out.len());
                map[s + 1].push(out.len());
                out.push(sentence(&mut rng, len, extra.trim()));
                out_para.push(para_of[s]);
                s += 2;
                continue;
            }
            if rng.chance(distortion.split) {
                let len = scaled(&mut rng, lengths[s]);
                let first = len / 2;
                map[s].push(out.len());
                out.push(sentence(&mut rng, first, &extras[s]));
                map[s].push(out.len());
                out.push(sentence(&mut rng, len - first, ""));
                out_para.extend([para_of[s], para_of[s]]);
            } else {
                let len = scaled(&mut rng, lengths[s]);
                map[s].push(out.len());
                out.push(sentence(&mut rng, len, &extras[s]));
                out_para.push(para_of[s]);
            }
            s += 1;
        }
        versions.push(to_version(&format!("t{t}"), "en", &out, &out_para));
        per_version.push(map);
        added_before.push(adds);
    }
    (versions, gold_beads(n, &per_version, &added_before))
}

/// Gold beads of a pivot with two or more versions: one bead per pivot sentence, merged where a
/// version merges sentences, plus one bead per added sentence.
fn gold_beads(
    n: usize,
    per_version: &[Vec<Vec<usize>>],
    added_before: &[Vec<Vec<usize>>],
) -> Vec<Vec<Vec<usize>>> {
    let columns = per_version.len() + 1;
    let mut gold: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut s = 0;
    while s < n {
        for (v, adds) in added_before.iter().enumerate() {
            for &a in &adds[s] {
                let mut bead = vec![Vec::new(); columns];
                bead[v + 1].push(a);
                gold.push(bead);
            }
        }
        // Extend the bead while some version maps the next pivot sentence to the same target.
        let mut end = s + 1;
        while end < n
            && per_version.iter().any(
                |m| matches!((m[end - 1].last(), m[end].first()), (Some(a), Some(b)) if a == b),
            )
        {
            end += 1;
        }
        let mut bead = vec![(s..end).collect::<Vec<usize>>()];
        for (m, adds) in per_version.iter().zip(added_before) {
            let mut cell: Vec<usize> = Vec::new();
            for p in s..end {
                if p > s {
                    cell.extend(&adds[p]);
                }
                cell.extend(&m[p]);
            }
            cell.dedup();
            bead.push(cell);
        }
        gold.push(bead);
        s = end;
    }
    gold
}

fn to_version(name: &str, lang: &str, sentences: &[String], para_of: &[usize]) -> Version {
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    let mut last = usize::MAX;
    for (s, text) in sentences.iter().enumerate() {
        let p = para_of.get(s).copied().unwrap_or(0);
        if p != last || paragraphs.is_empty() {
            paragraphs.push(Vec::new());
            last = p;
        }
        if let Some(cur) = paragraphs.last_mut() {
            cur.push(text);
        }
    }
    Version::from_sentences(name, Lang::new(lang), &paragraphs)
}
