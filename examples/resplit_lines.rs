//! How many gold sentence boundaries the splitter reproduces on a one-sentence-per-line file:
//! the lines are detokenised (`führte .` → `führte.`), joined with spaces into paragraphs of
//! `--window` lines, split again, and every cut is compared with the line joins.
//!
//! `cargo run --no-default-features --example resplit_lines -- FILE LANG [--window N] [--misses]`
//!
//! Prints recall (gold boundaries reproduced), precision (cuts that are gold boundaries) and,
//! with `--misses`, the context of every missed or extra boundary. Recall is given twice: over
//! all line joins, and over the joins after a sentence stop (`.`, `!`, `?`, `…`, possibly
//! followed by a closing quote or bracket) with no closing quote starting the next line —
//! the corpus also cuts at colons and semicolons, which Alinea never treats as sentence ends.

use std::collections::BTreeSet;

use alinea::model::Lang;
use alinea::segment::segment_paragraph;

/// Undoes the corpus tokenisation: no space before closing punctuation or after opening
/// brackets, none inside German guillemets, none after an elision apostrophe.
fn detokenise(line: &str, lang: &str) -> String {
    let mut out = String::new();
    let toks: Vec<&str> = line.split_whitespace().collect();
    let mut glue_next = false;
    for (k, t) in toks.iter().enumerate() {
        let closing = matches!(*t, "." | "," | ";" | ")" | "]" | "..." | "…")
            || (matches!(*t, ":" | "!" | "?") && lang != "fr")
            || (*t == "»" && lang != "fr");
        if k > 0 && !closing && !glue_next {
            out.push(' ');
        }
        out.push_str(t);
        glue_next = matches!(*t, "(" | "[") || (*t == "«" && lang != "fr") || t.ends_with('\'');
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(file), Some(lang)) = (args.first(), args.get(1)) else {
        eprintln!("usage: resplit_lines FILE LANG [--window N] [--misses]");
        std::process::exit(2);
    };
    let window = args
        .iter()
        .position(|a| a == "--window")
        .and_then(|k| args.get(k + 1))
        .and_then(|w| w.parse().ok())
        .unwrap_or(10usize);
    let show = args.iter().any(|a| a == "--misses");
    let Ok(raw) = std::fs::read_to_string(file) else {
        eprintln!("cannot read {file}");
        std::process::exit(1);
    };
    let lines: Vec<String> = raw
        .lines()
        .map(|l| detokenise(l, lang))
        .filter(|l| !l.is_empty())
        .collect();
    let lang_tag = Lang::new(lang);
    let (mut gold_n, mut hit, mut cuts_n) = (0usize, 0usize, 0usize);
    let (mut stop_n, mut stop_hit) = (0usize, 0usize);
    for chunk in lines.chunks(window.max(1)) {
        let mut para = String::new();
        let mut gold = BTreeSet::new();
        for (k, l) in chunk.iter().enumerate() {
            if k > 0 {
                para.push(' ');
                gold.insert(para.len());
            }
            para.push_str(l);
        }
        let cuts: BTreeSet<usize> = segment_paragraph(&para, &lang_tag)
            .iter()
            .skip(1)
            .map(|r| r.start)
            .collect();
        gold_n += gold.len();
        cuts_n += cuts.len();
        hit += gold.intersection(&cuts).count();
        for &g in &gold {
            let before = para[..g]
                .trim_end()
                .trim_end_matches([')', '»', '"', '“', '\'']);
            let after = &para[g..];
            if before.ends_with(['.', '!', '?', '…']) && !after.starts_with(['»', ')', '"']) {
                stop_n += 1;
                stop_hit += usize::from(cuts.contains(&g));
            }
        }
        if show {
            let ctx = |at: usize| {
                let mut from = at.saturating_sub(40);
                while !para.is_char_boundary(from) {
                    from += 1;
                }
                let mut to = (at + 40).min(para.len());
                while !para.is_char_boundary(to) {
                    to -= 1;
                }
                format!("{} ‖ {}", &para[from..at], &para[at..to])
            };
            for g in gold.difference(&cuts) {
                println!("missed: {}", ctx(*g));
            }
            for c in cuts.difference(&gold) {
                println!("extra:  {}", ctx(*c));
            }
        }
    }
    let recall = hit as f64 / gold_n.max(1) as f64;
    let precision = hit as f64 / cuts_n.max(1) as f64;
    println!(
        "{file} ({lang}, {window} lines per paragraph): gold boundaries {gold_n}, reproduced {hit} \
         (recall {:.1}%), cuts {cuts_n} (precision {:.1}%); after a stop: {stop_n}, reproduced \
         {stop_hit} (recall {:.1}%)",
        100.0 * recall,
        100.0 * precision,
        100.0 * stop_hit as f64 / stop_n.max(1) as f64
    );
}
