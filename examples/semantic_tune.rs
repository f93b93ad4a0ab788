//! Tunes the semantic aligner on a hand-aligned, pre-split pair (the Text+Berg dev set):
//! loads the files as `alinea align --split lines` does, embeds them once (vectors cached in
//! a file, so later runs take a fraction of a second), aligns with the weights given and
//! scores the beads with the Text+Berg metric.
//!
//! `cargo run --release --no-default-features --example semantic_tune -- SRC TGT GOLD [key=value ...]`
//! SRC/TGT: one sentence per line (given to alinea with a blank line between lines, as the
//! benchmark's runner does); GOLD: `[i, j]:[k]` beads. Keys: weight, skip, evidence, width,
//! floor, margin, nb (neighbours), p21 (prior of 2-1/1-2), p22, p31, p32, p41, pow (sentence
//! weight exponent). The cache file is `$ALINEA_TUNE_CACHE` (default
//! the system temp folder). `SHOW=1` lists the gold beads missed, `TEXT=1` with text.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use alinea::align::semantic::{self, SemanticParams, VectorCache};
use alinea::align::{AlignOptions, align};
use alinea::embed::{self, Encoder};
use alinea::ingest::LoadOptions;
use alinea::model::{Lang, Version};
use alinea::progress::Progress;
use alinea::segment::SplitMode;

type Bead = (Vec<usize>, Vec<usize>);

fn parse_gold(text: &str) -> Vec<Bead> {
    let ids = |f: &str| -> Vec<usize> {
        f.trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split(':');
            (
                ids(parts.next().unwrap_or("")),
                ids(parts.next().unwrap_or("")),
            )
        })
        .collect()
}

/// (candidate beads, strict hits, lax hits) of `candidates` against `reference`.
fn hits(reference: &[Bead], candidates: &[Bead]) -> (usize, usize, usize) {
    let refs: HashSet<&Bead> = reference.iter().collect();
    let mut links: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (s, t) in reference {
        for x in s {
            links.entry(*x).or_default().extend(t.iter().copied());
        }
    }
    let cands: HashSet<&Bead> = candidates.iter().collect();
    let (mut strict, mut lax) = (0, 0);
    for c in &cands {
        if refs.contains(c) {
            strict += 1;
            lax += 1;
            continue;
        }
        let linked: HashSet<usize> =
            c.0.iter()
                .flat_map(|s| links.get(s).into_iter().flatten().copied())
                .collect();
        if c.1.iter().any(|t| linked.contains(t)) {
            lax += 1;
        }
    }
    (cands.len(), strict, lax)
}

/// The benchmark file as alinea reads it: every line its own paragraph, `--split lines`.
fn load(path: &str, lang: &str) -> Version {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let spaced: String = text.lines().map(|l| format!("{l}\n\n")).collect();
    let tmp = std::env::temp_dir().join(format!("semantic_tune_{lang}.txt"));
    std::fs::write(&tmp, spaced).expect("temp file");
    alinea::pipeline::load_version(
        &tmp,
        Some(Lang::new(lang)),
        &LoadOptions::default(),
        SplitMode::Lines,
    )
    .expect("loads")
}

fn set(params: &mut SemanticParams, key: &str, x: f32) {
    match key {
        "weight" => params.weight = x,
        "skip" => params.skip = x,
        "evidence" => params.evidence = x,
        "anchors" => params.anchors = x,
        "paragraphs" => params.paragraphs = x,
        "width" => params.width = x as usize,
        "floor" => params.floor = x,
        "margin" => params.margin = x,
        "nb" => params.neighbours = x as usize,
        "p21" => (params.prior[3], params.prior[4]) = (x, x),
        "p22" => params.prior[5] = x,
        "p31" => (params.prior[6], params.prior[7]) = (x, x),
        "p32" => (params.prior[8], params.prior[9]) = (x, x),
        "p41" => (params.prior[10], params.prior[11]) = (x, x),
        "pow" => params.weight_power = x,
        "splitcos" => params.split_cosine = x,
        "splitpen" => params.split_penalty = x,
        _ => panic!("unknown key {key}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, tgt, gold] = &args[..3] else {
        eprintln!("usage: semantic_tune SRC TGT GOLD [key=value ...]");
        std::process::exit(2);
    };
    let mut params = SemanticParams::default();
    for kv in &args[3..] {
        let (k, v) = kv.split_once('=').expect("key=value");
        set(&mut params, k, v.parse().expect("number"));
    }
    let versions = vec![load(src, "de"), load(tgt, "fr")];
    let encoder = Encoder::load_verified(&embed::default_model_path()).expect("model installed");
    let cache_path = std::env::var_os("ALINEA_TUNE_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("alinea_semantic_tune.vectors"));
    let mut cache = VectorCache::load(&cache_path, embed::MODEL_SHA256, encoder.dim())
        .unwrap_or_else(|_| VectorCache::new(embed::MODEL_SHA256, encoder.dim()));
    let t = std::time::Instant::now();
    let vectors = semantic::sentence_vectors(&encoder, &versions, &mut cache, &Progress::new())
        .expect("embeds");
    let embed_secs = t.elapsed().as_secs_f64();
    cache.save(&cache_path).expect("cache saved");
    let opts = AlignOptions {
        vectors: Some(Arc::new(vectors)),
        semantic: params,
        ..AlignOptions::default()
    };
    let t = std::time::Instant::now();
    let alignment = align(&versions, 0, &opts, &Progress::new()).expect("not cancelled");
    let secs = t.elapsed().as_secs_f64();
    let mut test: Vec<Bead> = Vec::new();
    for row in &alignment.rows {
        let (s, t) = (row.cells[0].clone(), row.cells[1].clone());
        if s.is_empty() {
            test.extend(t.map(|x| (vec![], vec![x])));
        } else if t.is_empty() {
            test.extend(s.map(|x| (vec![x], vec![])));
        } else {
            test.push((s.collect(), t.collect()));
        }
    }
    let gold = parse_gold(&std::fs::read_to_string(gold).expect("gold"));
    let (pn, ps, pl) = hits(&gold, &test);
    let links = |beads: &[Bead]| -> Vec<Bead> {
        beads
            .iter()
            .filter(|b| !b.0.is_empty() && !b.1.is_empty())
            .cloned()
            .collect()
    };
    let (rn, rs, rl) = hits(&links(&test), &links(&gold));
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let (p_s, r_s) = (ps as f64 / pn as f64, rs as f64 / rn as f64);
    let (p_l, r_l) = (pl as f64 / pn as f64, rl as f64 / rn as f64);
    println!(
        "strict P {p_s:.3} R {r_s:.3} F1 {:.4} | lax P {p_l:.3} R {r_l:.3} F1 {:.4} | beads {pn} | embed {embed_secs:.2}s align {secs:.2}s",
        f1(p_s, r_s),
        f1(p_l, r_l)
    );
    let tests: HashSet<&Bead> = test.iter().collect();
    let mut by_type: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
    for g in &gold {
        let e = by_type.entry((g.0.len(), g.1.len())).or_default();
        e.0 += 1;
        e.1 += usize::from(tests.contains(g));
    }
    let line: Vec<String> = by_type
        .iter()
        .map(|((x, y), (n, k))| format!("{x}-{y} {k}/{n}"))
        .collect();
    println!("gold beads found, per type: {}", line.join(", "));
    if std::env::var_os("SHOW").is_none() {
        return;
    }
    let golds: HashSet<&Bead> = gold.iter().collect();
    for g in gold.iter().filter(|g| !tests.contains(g)) {
        let got: Vec<&Bead> = test
            .iter()
            .filter(|t| t.0.iter().any(|x| g.0.contains(x)) || t.1.iter().any(|x| g.1.contains(x)))
            .filter(|t| !golds.contains(t))
            .collect();
        println!("gold {:?}:{:?}  got {:?}", g.0, g.1, got);
        if std::env::var_os("TEXT").is_some() {
            for x in &g.0 {
                println!("   de {x}: {}", versions[0].sentence_text(*x));
            }
            for x in &g.1 {
                println!("   fr {x}: {}", versions[1].sentence_text(*x));
            }
        }
    }
}
