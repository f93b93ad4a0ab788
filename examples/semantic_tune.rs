//! Tunes the semantic aligner on a hand-aligned pair with precomputed sentence vectors.
//!
//! `cargo run --release --no-default-features --example semantic_tune -- SRC TGT GOLD VECDIR [key=value ...]`
//! SRC/TGT: one sentence per line; GOLD: `[i, j]:[k]` beads; VECDIR: `src.f32`, `tgt.f32`
//! (row-major f32 unit vectors), `src.tok`, `tgt.tok` (i32 token counts). Keys: weight, skip,
//! evidence, width, floor, p21 (prior of 2-1/1-2), p22, p31, p32, p41.
//! Prints strict/lax precision, recall, F1 (the Text+Berg metric) and the bead types.

use std::collections::{BTreeMap, HashMap, HashSet};

use alinea::align::cost::{PairCost, Side};
use alinea::align::semantic::{self, SemanticParams, SentenceVectors, SpanVectors};
use alinea::align::{AlignOptions, align};
use alinea::model::{Lang, Version};
use alinea::progress::Progress;

type Bead = (Vec<usize>, Vec<usize>);

fn read_f32(path: &str) -> Vec<f32> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn read_i32(path: &str) -> Vec<i32> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    bytes
        .chunks_exact(4)
        .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn vectors(units: &[f32], tokens: &[i32], dim: usize) -> SentenceVectors {
    let mut v = SentenceVectors::new(dim);
    for (k, t) in tokens.iter().enumerate() {
        v.push(&units[k * dim..(k + 1) * dim], (*t).max(1) as usize);
    }
    v
}

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
            (ids(parts.next().unwrap_or("")), ids(parts.next().unwrap_or("")))
        })
        .collect()
}

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
        let linked: HashSet<usize> = c
            .0
            .iter()
            .flat_map(|s| links.get(s).into_iter().flatten().copied())
            .collect();
        if c.1.iter().any(|t| linked.contains(t)) {
            lax += 1;
        }
    }
    (cands.len(), strict, lax)
}

fn strs(t: &[String]) -> Vec<&str> {
    t.iter().map(String::as_str).collect()
}

fn para(s: &[String]) -> Vec<Vec<&str>> {
    s.iter().map(|x| vec![x.as_str()]).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, tgt, gold, dir] = &args[..4] else {
        eprintln!("usage: semantic_tune SRC TGT GOLD VECDIR [key=value ...]");
        std::process::exit(2);
    };
    let mut params = SemanticParams::default();
    for kv in &args[4..] {
        let (k, v) = kv.split_once('=').expect("key=value");
        let x: f32 = v.parse().expect("number");
        match k {
            "weight" => params.weight = x,
            "skip" => params.skip = x,
            "evidence" => params.evidence = x,
            "width" => params.width = x as usize,
            "floor" => params.floor = x,
            "margin" => params.margin = x,
            "nb" => params.neighbours = x as usize,
            "p21" => (params.prior[3], params.prior[4]) = (x, x),
            "p22" => params.prior[5] = x,
            "p31" => (params.prior[6], params.prior[7]) = (x, x),
            "p32" => (params.prior[8], params.prior[9]) = (x, x),
            "p41" => (params.prior[10], params.prior[11]) = (x, x),
            _ => panic!("unknown key {k}"),
        }
    }
    let lines = |p: &str| -> Vec<String> {
        std::fs::read_to_string(p)
            .unwrap_or_else(|e| panic!("{p}: {e}"))
            .lines()
            .map(str::to_string)
            .collect()
    };
    let (a, b) = (lines(src), lines(tgt));
    let dim = 384;
    let va = vectors(&read_f32(&format!("{dir}/src.f32")), &read_i32(&format!("{dir}/src.tok")), dim);
    let vb = vectors(&read_f32(&format!("{dir}/tgt.f32")), &read_i32(&format!("{dir}/tgt.tok")), dim);
    let versions = vec![
        Version::from_sentences("src", Lang::new("de"), &para(&a)),
        Version::from_sentences("tgt", Lang::new("fr"), &para(&b)),
    ];
    let opts = AlignOptions {
        vectors: Some(std::sync::Arc::new(vec![va, vb])),
        semantic: params,
        ..AlignOptions::default()
    };
    let t = std::time::Instant::now();
    let mut alignment = align(&versions, 0, &opts, &Progress::new()).expect("not cancelled");
    if std::env::var_os("RUNS").is_some() {
        // Span vectors from encoded concatenations: VECDIR/{src,tgt}.k{1..4}.f32.
        let runs = |side: &str| -> Vec<Vec<f32>> {
            (1..=4).map(|k| read_f32(&format!("{dir}/{side}.k{k}.f32"))).collect()
        };
        let sa = SpanVectors::from_runs(dim, a.len(), &runs("src"));
        let sb = SpanVectors::from_runs(dim, b.len(), &runs("tgt"));
        let texts = |v: &Version| -> Vec<String> {
            (0..v.sentences.len()).map(|s| v.sentence_text(s).to_string()).collect()
        };
        let (ta, tb) = (texts(&versions[0]), texts(&versions[1]));
        let side_a = Side::new(&strs(&ta), (0..a.len()).collect(), None);
        let side_b = Side::new(&strs(&tb), (0..b.len()).collect(), None);
        let pair = PairCost::new(&side_a, &side_b, false);
        let beads = semantic::align_pair(&pair, &sa, &sb, &opts.semantic, &Progress::new())
            .expect("not cancelled");
        alignment.rows = beads
            .into_iter()
            .map(|bead| alinea::model::Row {
                cells: vec![bead.a, bead.b],
                score: 0.0,
                status: Default::default(),
            })
            .collect();
    }
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
    let gl: Vec<Bead> = gold.iter().filter(|b| !b.0.is_empty() && !b.1.is_empty()).cloned().collect();
    let tl: Vec<Bead> = test.iter().filter(|b| !b.0.is_empty() && !b.1.is_empty()).cloned().collect();
    let (rn, rs, rl) = hits(&tl, &gl);
    let f1 = |p: f64, r: f64| if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let (p_s, r_s) = (ps as f64 / pn as f64, rs as f64 / rn as f64);
    let (p_l, r_l) = (pl as f64 / pn as f64, rl as f64 / rn as f64);
    println!(
        "strict P {p_s:.3} R {r_s:.3} F1 {:.4} | lax P {p_l:.3} R {r_l:.3} F1 {:.4} | beads {pn} | {secs:.2}s",
        f1(p_s, r_s),
        f1(p_l, r_l)
    );
    // Per gold type: how many gold beads of that type we found exactly.
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
    println!("found per gold type: {}", line.join(", "));
    if std::env::var_os("SHOW").is_some() {
        let golds: HashSet<&Bead> = gold.iter().collect();
        for g in &gold {
            if tests.contains(g) {
                continue;
            }
            let overlapping: Vec<&Bead> = test
                .iter()
                .filter(|t| t.0.iter().any(|x| g.0.contains(x)) || t.1.iter().any(|x| g.1.contains(x)))
                .filter(|t| !golds.contains(t))
                .collect();
            println!("gold {:?}:{:?}  got {:?}", g.0, g.1, overlapping);
            if std::env::var_os("TEXT").is_some() {
                for x in &g.0 {
                    println!("   de {x}: {}", a[*x]);
                }
                for x in &g.1 {
                    println!("   fr {x}: {}", b[*x]);
                }
            }
        }
    }
}
