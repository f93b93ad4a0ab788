//! Property tests: the alignment invariants hold for random inputs, and re-aligning keeps
//! every confirmed row exactly.

#![allow(
    clippy::unwrap_used,
    reason = "test code: a panic is the failure report"
)]

use alinea::align::{AlignOptions, align, realign};
use alinea::model::{Alignment, Lang, Row, RowStatus, Version};
use alinea::progress::Progress;
use proptest::prelude::*;

/// A version from (sentence length, starts a paragraph, has a number) triples.
fn version(name: &str, spec: &[(usize, bool, u16)]) -> Version {
    let texts: Vec<String> = spec
        .iter()
        .enumerate()
        .map(|(i, &(len, _, num))| {
            let mut s = "w".repeat(len.max(1));
            if num % 3 == 0 {
                s.push_str(&format!(" {num}"));
            }
            if i % 7 == 0 {
                s.push_str(" Nguyen?");
            }
            s
        })
        .collect();
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    for (t, &(_, new_para, _)) in texts.iter().zip(spec) {
        if new_para || paragraphs.is_empty() {
            paragraphs.push(Vec::new());
        }
        if let Some(p) = paragraphs.last_mut() {
            p.push(t);
        }
    }
    Version::from_sentences(name, Lang::new("en"), &paragraphs)
}

fn versions_strategy() -> impl Strategy<Value = Vec<Version>> {
    prop::collection::vec(
        prop::collection::vec((1usize..200, any::<bool>(), any::<u16>()), 0..40),
        1..5,
    )
    .prop_map(|specs| {
        specs
            .iter()
            .enumerate()
            .map(|(i, s)| version(&format!("v{i}"), s))
            .collect()
    })
}

fn counts(versions: &[Version]) -> Vec<usize> {
    versions.iter().map(|v| v.sentences.len()).collect()
}

/// A random valid alignment: rows take 0..=3 sentences of each version; some are confirmed.
fn random_alignment(counts: &[usize], pivot: usize, picks: &[u8]) -> Alignment {
    let mut next = vec![0usize; counts.len()];
    let mut rows = Vec::new();
    let mut k = 0;
    while next.iter().zip(counts).any(|(n, c)| n < c) {
        let mut cells = Vec::new();
        for (v, &c) in counts.iter().enumerate() {
            let take = (picks.get(k % picks.len().max(1)).copied().unwrap_or(1) as usize + v) % 4;
            k += 1;
            let end = (next[v] + take).min(c);
            cells.push(next[v]..end);
            next[v] = end;
        }
        if cells.iter().all(|c| c.is_empty()) {
            // Force progress on the first unfinished version.
            if let Some(v) = (0..counts.len()).find(|&v| next[v] < counts[v]) {
                cells[v] = next[v]..next[v] + 1;
                next[v] += 1;
            }
        }
        let confirmed = picks
            .get(k % picks.len().max(1))
            .is_some_and(|p| p % 3 == 0);
        rows.push(Row {
            cells,
            score: 1.0,
            status: if confirmed {
                RowStatus::Confirmed
            } else {
                RowStatus::Auto
            },
        });
    }
    Alignment { pivot, rows }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn alignment_invariants_hold(versions in versions_strategy(), pivot in 0usize..5) {
        let pivot = pivot % versions.len();
        let a = align(&versions, pivot, &AlignOptions::default(), &Progress::new()).unwrap();
        prop_assert_eq!(a.pivot, pivot);
        prop_assert_eq!(a.validate(&counts(&versions)), Ok(()));
        for row in &a.rows {
            prop_assert!((0.0..=1.0).contains(&row.score));
        }
    }

    #[test]
    fn length_only_baseline_keeps_invariants(versions in versions_strategy()) {
        let opts = AlignOptions { length_only: true, ..AlignOptions::default() };
        let a = align(&versions, 0, &opts, &Progress::new()).unwrap();
        prop_assert_eq!(a.validate(&counts(&versions)), Ok(()));
    }

    #[test]
    fn realign_keeps_confirmed_rows(
        versions in versions_strategy(),
        pivot in 0usize..5,
        picks in prop::collection::vec(any::<u8>(), 1..30),
    ) {
        let pivot = pivot % versions.len();
        let current = random_alignment(&counts(&versions), pivot, &picks);
        prop_assert_eq!(current.validate(&counts(&versions)), Ok(()));
        let again = realign(&versions, &current, &AlignOptions::default(), &Progress::new()).unwrap();
        prop_assert_eq!(again.validate(&counts(&versions)), Ok(()));
        let confirmed_before: Vec<&Row> = current.rows.iter().filter(|r| r.is_confirmed()).collect();
        let confirmed_after: Vec<&Row> = again.rows.iter().filter(|r| r.is_confirmed()).collect();
        prop_assert_eq!(confirmed_before, confirmed_after);
    }
}
