//! `alinea mine --lang en,ru FILE FILE...`: term candidates mined from the aligned rows, one
//! JSON object per line, best first.

use std::collections::BTreeMap;
use std::io::Write;

use alinea::mine::{MineOptions, TermCandidate, mine};
use alinea::progress::Progress;
use anyhow::Context;
use serde_json::json;

use super::documents::Documents;
use super::input::open_aligned;

/// Arguments of `alinea mine`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Most candidates to print.
    #[arg(long, default_value_t = 300)]
    pub limit: usize,
    /// Fewest occurrences of a candidate in the pivot.
    #[arg(long, default_value_t = 2)]
    pub min_frequency: usize,
    #[command(flatten)]
    pub documents: Documents,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    let project = open_aligned(&args.documents)?;
    let options = MineOptions {
        max_candidates: args.limit,
        min_frequency: args.min_frequency.max(1),
        ..MineOptions::default()
    };
    let candidates = mine(&project, &options, &Progress::new())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = candidates
        .iter()
        .try_for_each(|c| writeln!(out, "{}", candidate_json(c)))
        .and_then(|()| out.flush());
    match written {
        // A reader that stopped early (`| head`) wanted no more: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write the candidates"),
    }
}

/// `{"lang","text","frequency","counterparts":{lang:[{text,forms,frequency,score}]},"rows"}`.
fn candidate_json(c: &TermCandidate) -> serde_json::Value {
    let mut counterparts: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    for vc in &c.counterparts {
        let mut key = vc.lang.as_str().to_string();
        if counterparts.contains_key(&key) {
            key = format!("{key}#{}", vc.version);
        }
        let list: Vec<serde_json::Value> = vc
            .counterparts
            .iter()
            .map(|k| {
                json!({
                    "text": k.text,
                    "forms": k.forms,
                    "frequency": k.frequency,
                    "score": (f64::from(k.score) * 100.0).round() / 100.0,
                })
            })
            .collect();
        counterparts.insert(key, json!(list));
    }
    json!({
        "lang": c.lang.as_str(),
        "text": c.text,
        "frequency": c.frequency,
        "counterparts": counterparts,
        "rows": c.rows,
    })
}
