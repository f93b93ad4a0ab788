//! Random projects for the property tests (`edit_props.rs`, `project_roundtrip.rs`): 2–4
//! versions in several scripts (Latin with diacritics, Arabic, Cyrillic, emoji), random
//! paragraph and sentence counts, and a random valid alignment.

use alinea::glossary::{Concept, Glossary, Term, TermStatus};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, TextDirection, Version};
use proptest::prelude::*;

/// Words the sentences are built from; several scripts and astral-plane emoji so byte and
/// char boundaries differ.
pub const WORDS: &[&str] = &[
    "Ủy",
    "ban",
    "họp",
    "ngân",
    "sách",
    "Jawatankuasa",
    "belanjawan",
    "اللجنة",
    "الدائمة",
    "الميزانية",
    "комитет",
    "бюджет",
    "2024",
    "5%",
    "📊",
    "👩‍💻",
    "naïve",
    "«Tetap»",
];

const LANGS: &[&str] = &["vi", "ms", "ar", "ru", "id", "en"];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..5),
        0..3usize,
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            s.push_str([".", "?", "؟"][end]);
            s
        })
}

/// A version segmented by the real pipeline from pasted text with untidy spacing (several
/// spaces, tabs, blank lines, leading blanks), or an empty document.
fn pasted_version() -> impl Strategy<Value = Version> {
    (
        prop::sample::select(LANGS),
        prop::collection::vec(
            prop::collection::vec(
                (
                    sentence(),
                    prop::sample::select(&[" ", "  ", " \t", "\u{a0}"][..]),
                ),
                0..4,
            ),
            0..4,
        ),
    )
        .prop_map(|(lang, paragraphs)| {
            let mut text = String::from(" ");
            for para in paragraphs {
                for (s, sep) in para {
                    text.push_str(&s);
                    text.push_str(sep);
                }
                text.push_str("\n\n \n");
            }
            let doc = alinea::ingest::from_pasted(&format!("pasted.{lang}"), &text);
            alinea::pipeline::version_from_document(doc, Some(Lang::new(lang)), Default::default())
        })
}

fn version() -> impl Strategy<Value = Version> {
    prop_oneof![3 => tidy_version(), 2 => pasted_version()]
}

fn tidy_version() -> impl Strategy<Value = Version> {
    (
        prop::sample::select(LANGS),
        prop::collection::vec(prop::collection::vec(sentence(), 1..4), 1..4),
        prop::sample::select(&[TextDirection::Auto, TextDirection::Ltr, TextDirection::Rtl][..]),
    )
        .prop_map(|(lang, paragraphs, direction)| {
            let refs: Vec<Vec<&str>> = paragraphs
                .iter()
                .map(|p| p.iter().map(String::as_str).collect())
                .collect();
            let mut v =
                Version::from_sentences(&format!("report.{lang}.txt"), Lang::new(lang), &refs);
            v.direction = direction;
            v
        })
}

/// Builds a valid alignment from random choices: each row takes 0–2 sentences per version
/// (never 0 in all), until every sentence is placed.
pub fn alignment_from_choices(
    counts: &[usize],
    choices: &[(Vec<u8>, bool)],
    pivot: usize,
) -> Alignment {
    let mut next = vec![0usize; counts.len()];
    let mut rows = Vec::new();
    let mut i = 0;
    while next.iter().zip(counts).any(|(n, c)| n < c) {
        let (take, confirmed) = choices
            .get(i % choices.len().max(1))
            .cloned()
            .unwrap_or((vec![1; counts.len()], false));
        i += 1;
        let mut cells: Vec<_> = (0..counts.len())
            .map(|v| {
                let k = usize::from(take.get(v).copied().unwrap_or(1)).min(counts[v] - next[v]);
                next[v]..next[v] + k
            })
            .collect();
        if cells.iter().all(|c| c.is_empty()) {
            let v = (0..counts.len())
                .find(|&v| next[v] < counts[v])
                .unwrap_or(0);
            cells[v] = next[v]..next[v] + 1;
        }
        for (v, c) in cells.iter().enumerate() {
            next[v] = c.end;
        }
        rows.push(Row {
            cells,
            score: f32::from(take.first().copied().unwrap_or(0)) / 3.0,
            status: if confirmed {
                RowStatus::Confirmed
            } else {
                RowStatus::Auto
            },
        });
    }
    Alignment { pivot, rows }
}

fn glossary() -> impl Strategy<Value = Glossary> {
    prop::collection::btree_map(
        prop::sample::select(&["budget", "standing-committee", "report"][..]),
        (prop::sample::select(WORDS), prop::sample::select(LANGS)),
        0..3,
    )
    .prop_map(|entries| Glossary {
        concepts: entries
            .into_iter()
            .map(|(id, (word, lang))| {
                let mut c = Concept {
                    id: id.to_string(),
                    ..Concept::default()
                };
                c.terms.insert(
                    Lang::new(lang),
                    vec![Term::new(word, TermStatus::Preferred)],
                );
                (id.to_string(), c)
            })
            .collect(),
    })
}

/// A random valid project: 2–4 versions, random alignment, statuses, accepted findings
/// (kept sorted and unique, as the app keeps them), view settings and in-memory glossary.
pub fn project() -> impl Strategy<Value = Project> {
    prop::collection::vec(version(), 2..5)
        .prop_flat_map(|versions| {
            let n = versions.len();
            (
                Just(versions),
                prop::collection::vec((prop::collection::vec(0u8..3, n), any::<bool>()), 1..12),
                0..n,
                prop::collection::btree_set("[a-z]{1,3}:[0-9]{1,2}", 0..4),
                prop::collection::vec(0..n, 0..n),
                (8.0f32..40.0, any::<bool>(), 0.0f32..1.0),
                glossary(),
            )
        })
        .prop_map(
            |(versions, choices, pivot, accepted, order, (font, dark, low), glossary)| {
                let counts: Vec<usize> = versions.iter().map(|v| v.sentences.len()).collect();
                let mut p = Project::new(versions);
                p.alignment = alignment_from_choices(&counts, &choices, pivot);
                p.accepted_findings = accepted.into_iter().collect();
                p.view.column_order = order;
                p.view.font_size = font;
                p.view.dark_mode = dark;
                p.view.low_confidence = low;
                p.glossary = glossary;
                p
            },
        )
}
