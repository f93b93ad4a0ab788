//! Property tests of editing: random projects (2–4 versions in several scripts, random valid
//! alignments) and random sequences of every kind of `Edit`, applied through `History`.
//!
//! After every accepted edit the alignment invariants hold and every sentence and paragraph
//! range lies inside its text on char boundaries; a refused edit leaves the project exactly
//! as it was; undoing the N steps one by one restores each earlier state exactly, and redoing
//! them reaches each later state exactly. The edited project also survives save → load.

mod project_gen;

use alinea::edit::{Edit, History, MoveDirection};
use alinea::glossary::{Concept, Term, TermStatus};
use alinea::model::{Lang, Project, Row, RowStatus, TextDirection};
use alinea::project;
use proptest::prelude::*;

/// An index drawn without knowing the project: mostly in range, sometimes just past the end
/// (to exercise refusals).
#[derive(Clone, Copy, Debug)]
struct Pick(u16);

impl Pick {
    fn of(self, len: usize) -> usize {
        if self.0 % 10 == 9 {
            len + usize::from(self.0 % 3)
        } else {
            usize::from(self.0) % len.max(1)
        }
    }
}

/// An edit described independently of the project; made concrete by [`Op::to_edit`].
#[derive(Clone, Debug)]
enum Op {
    SetRowStatus(Pick, bool),
    Merge(Pick),
    SplitRow(Pick),
    Move(Pick, Pick, bool),
    InsertEmptyCell(Pick, Pick),
    RemoveEmptyCell(Pick, Pick),
    /// Split at the start of a word (`raw: false`) or at an arbitrary byte, possibly inside a
    /// character (`raw: true`, usually refused).
    SplitSentence(Pick, Pick, u16, bool),
    Join(Pick, Pick),
    EditText(Pick, Pick, String),
    PutConcept(Pick, Option<(String, Pick)>),
    SetFindingAccepted(Pick, bool),
    SetLang(Pick, Pick),
    SetDirection(Pick, u8),
    /// A random replacement window: usually breaks the invariants and must be refused.
    ReplaceRows(Pick, u8, Vec<(Vec<u8>, bool)>),
    Batch(Vec<Op>),
}

const IDS: &[&str] = &["budget", "standing-committee", "report", "delegate"];
const KEYS: &[&str] = &["a:1", "b:2", "missing:vi:3", "variant:ar:7"];
const LANGS: &[&str] = &["vi", "ms", "ar", "ru", "id", "en", "und"];

fn pick() -> impl Strategy<Value = Pick> {
    any::<u16>().prop_map(Pick)
}

fn new_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(project_gen::WORDS), 1..6)
            .prop_map(|w| w.join(" ")),
        1 => Just("   ".to_string()),
        1 => Just("  padded 📊 text\n".to_string()),
        1 => Just("x".to_string()),
    ]
}

fn leaf_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (pick(), any::<bool>()).prop_map(|(r, c)| Op::SetRowStatus(r, c)),
        pick().prop_map(Op::Merge),
        pick().prop_map(Op::SplitRow),
        (pick(), pick(), any::<bool>()).prop_map(|(r, v, up)| Op::Move(r, v, up)),
        (pick(), pick()).prop_map(|(r, v)| Op::InsertEmptyCell(r, v)),
        (pick(), pick()).prop_map(|(r, v)| Op::RemoveEmptyCell(r, v)),
        (pick(), pick(), any::<u16>(), prop::bool::weighted(0.2))
            .prop_map(|(v, s, w, raw)| Op::SplitSentence(v, s, w, raw)),
        (pick(), pick()).prop_map(|(v, s)| Op::Join(v, s)),
        (pick(), pick(), new_text()).prop_map(|(v, s, t)| Op::EditText(v, s, t)),
        (
            pick(),
            prop::option::of((prop::sample::select(project_gen::WORDS), pick()))
        )
            .prop_map(|(i, c)| Op::PutConcept(i, c.map(|(w, l)| (w.to_string(), l)))),
        (pick(), any::<bool>()).prop_map(|(k, a)| Op::SetFindingAccepted(k, a)),
        (pick(), pick()).prop_map(|(v, l)| Op::SetLang(v, l)),
        (pick(), 0u8..3).prop_map(|(v, d)| Op::SetDirection(v, d)),
        (
            pick(),
            0u8..3,
            prop::collection::vec((prop::collection::vec(0u8..3, 4), any::<bool>()), 0..3)
        )
            .prop_map(|(s, n, rows)| Op::ReplaceRows(s, n, rows)),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => leaf_op(),
        1 => prop::collection::vec(leaf_op(), 1..4).prop_map(Op::Batch),
    ]
}

impl Op {
    fn to_edit(&self, p: &Project) -> Edit {
        let n = p.versions.len();
        let rows = p.alignment.rows.len();
        let sentences = |v: usize| p.versions.get(v).map_or(0, |x| x.sentences.len());
        match self {
            Op::SetRowStatus(r, confirmed) => Edit::SetRowStatus {
                row: r.of(rows),
                status: if *confirmed {
                    RowStatus::Confirmed
                } else {
                    RowStatus::Auto
                },
            },
            Op::Merge(r) => Edit::MergeWithNext { row: r.of(rows) },
            Op::SplitRow(r) => Edit::SplitRow { row: r.of(rows) },
            Op::Move(r, v, up) => Edit::MoveSentence {
                row: r.of(rows),
                version: v.of(n),
                direction: if *up {
                    MoveDirection::Up
                } else {
                    MoveDirection::Down
                },
            },
            Op::InsertEmptyCell(r, v) => Edit::InsertEmptyCell {
                row: r.of(rows),
                version: v.of(n),
            },
            Op::RemoveEmptyCell(r, v) => Edit::RemoveEmptyCell {
                row: r.of(rows),
                version: v.of(n),
            },
            Op::SplitSentence(v, s, w, raw) => {
                let version = v.of(n);
                let sentence = s.of(sentences(version));
                let at = split_point(p, version, sentence, *w, *raw);
                Edit::SplitSentence {
                    version,
                    sentence,
                    at,
                }
            }
            Op::Join(v, s) => {
                let version = v.of(n);
                Edit::JoinSentences {
                    version,
                    sentence: s.of(sentences(version)),
                }
            }
            Op::EditText(v, s, text) => {
                let version = v.of(n);
                Edit::EditText {
                    version,
                    sentence: s.of(sentences(version)),
                    text: text.clone(),
                }
            }
            Op::PutConcept(i, concept) => {
                let id = IDS[i.of(IDS.len()) % IDS.len()].to_string();
                let concept = concept.as_ref().map(|(word, lang)| {
                    let mut c = Concept {
                        id: id.clone(),
                        ..Concept::default()
                    };
                    let lang = LANGS[lang.of(LANGS.len()) % LANGS.len()];
                    c.terms
                        .insert(Lang::new(lang), vec![Term::new(word, TermStatus::Allowed)]);
                    c
                });
                Edit::PutConcept { id, concept }
            }
            Op::SetFindingAccepted(k, accepted) => Edit::SetFindingAccepted {
                key: KEYS[k.of(KEYS.len()) % KEYS.len()].to_string(),
                accepted: *accepted,
            },
            Op::SetLang(v, l) => Edit::SetLang {
                version: v.of(n),
                lang: Lang::new(LANGS[l.of(LANGS.len()) % LANGS.len()]),
            },
            Op::SetDirection(v, d) => Edit::SetDirection {
                version: v.of(n),
                direction: [TextDirection::Auto, TextDirection::Ltr, TextDirection::Rtl]
                    [usize::from(*d) % 3],
            },
            Op::ReplaceRows(s, old_len, choices) => {
                let start = s.of(rows);
                let counts = vec![2; n];
                let rows = project_gen::alignment_from_choices(&counts, choices, 0).rows;
                let rows: Vec<Row> = rows.into_iter().take(choices.len()).collect();
                Edit::ReplaceRows {
                    start,
                    old_len: usize::from(*old_len),
                    rows,
                }
            }
            Op::Batch(ops) => Edit::Batch(ops.iter().map(|o| o.to_edit(p)).collect()),
        }
    }
}

/// A byte offset in sentence `s` of version `v`: the start of one of its words, or (raw) any
/// offset in or around the sentence, possibly inside a multi-byte character.
fn split_point(p: &Project, v: usize, s: usize, choice: u16, raw: bool) -> usize {
    let Some(range) = p
        .versions
        .get(v)
        .and_then(|x| x.sentences.get(s))
        .map(|x| x.range.clone())
    else {
        return usize::from(choice);
    };
    if raw {
        return range.start + usize::from(choice) % (range.len() + 2);
    }
    let text = &p.versions[v].text[range.clone()];
    let word_starts: Vec<usize> = text
        .char_indices()
        .zip(text.chars().skip(1))
        .filter(|((_, c), next)| c.is_whitespace() && !next.is_whitespace())
        .map(|((i, c), _)| range.start + i + c.len_utf8())
        .collect();
    match word_starts.len() {
        0 => range.start + text.len() / 2,
        k => word_starts[usize::from(choice) % k],
    }
}

fn assert_valid(p: &Project, after: &str) -> Result<(), TestCaseError> {
    prop_assert!(p.validate().is_ok(), "{after}: {:?}", p.validate());
    prop_assert!(
        project::validate_ranges(p).is_ok(),
        "{after}: {:?}",
        project::validate_ranges(p)
    );
    for (v, version) in p.versions.iter().enumerate() {
        for s in &version.sentences {
            prop_assert!(s.range.end <= version.text.len(), "version {v}");
            prop_assert!(version.text.is_char_boundary(s.range.start));
            prop_assert!(version.text.is_char_boundary(s.range.end));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn edits_keep_invariants_and_undo_redo_is_exact(
        start in project_gen::project(),
        ops in prop::collection::vec(op(), 1..25),
    ) {
        let mut p = start.clone();
        let mut history = History::new();
        let mut states = vec![p.clone()];
        for (i, op) in ops.iter().enumerate() {
            let edit = op.to_edit(&p);
            let before = p.clone();
            match history.apply(&mut p, &format!("step {i}"), edit.clone()) {
                Ok(()) => {
                    assert_valid(&p, &format!("after {edit:?}"))?;
                    states.push(p.clone());
                }
                Err(_) => prop_assert_eq!(&p, &before, "refused {:?} changed the project", edit),
            }
        }
        let accepted = states.len() - 1;
        for k in (0..accepted).rev() {
            prop_assert!(history.undo(&mut p).expect("undo applies").is_some());
            prop_assert_eq!(&p, &states[k], "undo to state {}", k);
            assert_valid(&p, "undo")?;
        }
        prop_assert_eq!(history.undo(&mut p).expect("nothing to undo"), None);
        for (k, state) in states.iter().enumerate().skip(1) {
            prop_assert!(history.redo(&mut p).expect("redo applies").is_some());
            prop_assert_eq!(&p, state, "redo to state {}", k);
        }
        prop_assert_eq!(history.redo(&mut p).expect("nothing to redo"), None);

        // The edited project saves and loads unchanged (the glossary lives in its own file).
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("edited.alinea");
        project::save(&path, &p).expect("save");
        let mut expected = p.clone();
        expected.glossary = Default::default();
        prop_assert_eq!(project::load(&path).expect("load"), expected);
    }

    #[test]
    fn every_edit_is_inverted_by_its_inverse(
        start in project_gen::project(),
        ops in prop::collection::vec(leaf_op(), 1..10),
    ) {
        let mut p = start;
        for op in &ops {
            let edit = op.to_edit(&p);
            let before = p.clone();
            let Ok(inverse) = edit.clone().apply(&mut p) else {
                prop_assert_eq!(&p, &before);
                continue;
            };
            let after = p.clone();
            let redo = inverse.apply(&mut p).expect("inverse applies");
            prop_assert_eq!(&p, &before, "inverse of {:?}", edit);
            redo.apply(&mut p).expect("redo applies");
            prop_assert_eq!(&p, &after, "redo of {:?}", edit);
        }
    }
}
