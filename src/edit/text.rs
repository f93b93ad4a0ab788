//! Edits of a version's text and segmentation: split a sentence at a word, join two
//! sentences, change a sentence's text. Sentence indices in the alignment rows follow.

use super::{Edit, EditError};
use crate::model::{Project, Sentence};

fn sentence(project: &Project, version: usize, idx: usize) -> Result<&Sentence, EditError> {
    let v = project
        .versions
        .get(version)
        .ok_or(EditError::NoVersion(version))?;
    v.sentences.get(idx).ok_or(EditError::NoSentence {
        version,
        sentence: idx,
    })
}

/// Index of the row whose cell of `version` holds sentence `idx`.
fn row_of(project: &Project, version: usize, idx: usize) -> Option<usize> {
    let rows = &project.alignment.rows;
    let pos = rows.partition_point(|r| r.cells[version].end <= idx);
    (pos < rows.len() && rows[pos].cells[version].contains(&idx)).then_some(pos)
}

pub(super) fn split_sentence(
    project: &mut Project,
    version: usize,
    idx: usize,
    at: usize,
) -> Result<Edit, EditError> {
    let range = sentence(project, version, idx)?.range.clone();
    let v = &project.versions[version];
    let not_here = || {
        EditError::NotApplicable("choose a split point between two words of the sentence".into())
    };
    if at <= range.start || at >= range.end || !v.text.is_char_boundary(at) {
        return Err(not_here());
    }
    let left = &v.text[range.start..at];
    let right = &v.text[at..range.end];
    let left_end = range.start + left.trim_end().len();
    let right_start = at + (right.len() - right.trim_start().len());
    if left_end == range.start || right_start == range.end {
        return Err(not_here());
    }
    let paragraph = v.sentences[idx].paragraph;
    let v = &mut project.versions[version];
    v.sentences[idx].range = range.start..left_end;
    v.sentences.insert(
        idx + 1,
        Sentence {
            range: right_start..range.end,
            paragraph,
        },
    );
    for row in &mut project.alignment.rows {
        let cell = &mut row.cells[version];
        if cell.start > idx {
            cell.start += 1;
        }
        if cell.end > idx {
            cell.end += 1;
        }
    }
    Ok(Edit::JoinSentences {
        version,
        sentence: idx,
    })
}

pub(super) fn join_sentences(
    project: &mut Project,
    version: usize,
    idx: usize,
) -> Result<Edit, EditError> {
    let first = sentence(project, version, idx)?.clone();
    let second = sentence(project, version, idx + 1)?.clone();
    if first.paragraph != second.paragraph {
        return Err(EditError::NotApplicable(
            "sentences of different paragraphs cannot be joined".into(),
        ));
    }
    let (Some(r1), Some(r2)) = (
        row_of(project, version, idx),
        row_of(project, version, idx + 1),
    ) else {
        return Err(EditError::NotApplicable(
            "the sentences are not in the alignment".into(),
        ));
    };
    let old_window: Vec<_> = project.alignment.rows[r1..=r2].to_vec();
    let v = &mut project.versions[version];
    v.sentences[idx].range = first.range.start..second.range.end;
    v.sentences.remove(idx + 1);
    for (i, row) in project.alignment.rows.iter_mut().enumerate() {
        let cell = &mut row.cells[version];
        if i == r2 {
            cell.end -= 1;
        } else if i > r2 {
            cell.start -= 1;
            cell.end -= 1;
        }
    }
    let mut removed = 0;
    if r2 != r1 && project.alignment.rows[r2].is_empty() {
        project.alignment.rows.remove(r2);
        removed = 1;
    }
    let new_len = r2 + 1 - r1 - removed;
    Ok(Edit::Batch(vec![
        Edit::SplitSentence {
            version,
            sentence: idx,
            at: second.range.start,
        },
        Edit::ReplaceRows {
            start: r1,
            old_len: new_len,
            rows: old_window,
        },
    ]))
}

pub(super) fn edit_text(
    project: &mut Project,
    version: usize,
    idx: usize,
    new_text: String,
) -> Result<Edit, EditError> {
    let range = sentence(project, version, idx)?.range.clone();
    let new_text = new_text.trim();
    if new_text.is_empty() {
        return Err(EditError::NotApplicable(
            "a sentence cannot be empty".into(),
        ));
    }
    let v = &mut project.versions[version];
    let old_text = v.text[range.clone()].to_string();
    v.text.replace_range(range.clone(), new_text);
    let delta = new_text.len() as isize - old_text.len() as isize;
    let shift = |x: usize| (x as isize + delta) as usize;
    v.sentences[idx].range = range.start..range.start + new_text.len();
    for s in v.sentences.iter_mut().skip(idx + 1) {
        s.range = shift(s.range.start)..shift(s.range.end);
    }
    for p in &mut v.paragraphs {
        if p.start >= range.end {
            *p = shift(p.start)..shift(p.end);
        } else if p.end >= range.end {
            p.end = shift(p.end);
        }
    }
    Ok(Edit::EditText {
        version,
        sentence: idx,
        text: old_text,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_project::sample;
    use super::*;

    fn check_roundtrip(edit: Edit) -> Project {
        let mut p = sample();
        let before = p.clone();
        let inverse = edit.apply(&mut p).expect("applies");
        p.validate().expect("valid");
        let after = p.clone();
        let redo = inverse.apply(&mut p).expect("inverse applies");
        assert_eq!(p, before);
        redo.apply(&mut p).expect("redo");
        assert_eq!(p, after);
        after
    }

    #[test]
    fn edit_text_shifts_later_sentences() {
        let p = check_roundtrip(Edit::EditText {
            version: 0,
            sentence: 1,
            text: "A one, longer.".into(),
        });
        let v = &p.versions[0];
        assert_eq!(v.sentence_text(1), "A one, longer.");
        assert_eq!(v.sentence_text(2), "A2.");
        assert_eq!(&v.text[v.paragraphs[0].clone()], "A0. A one, longer.");
    }

    #[test]
    fn split_then_join_restores() {
        let mut p = sample();
        Edit::EditText {
            version: 1,
            sentence: 0,
            text: "Hello there. World".into(),
        }
        .apply(&mut p)
        .expect("edit");
        let at = p.versions[1].text.find("World").expect("word");
        let inv = Edit::SplitSentence {
            version: 1,
            sentence: 0,
            at,
        }
        .apply(&mut p)
        .expect("split");
        assert_eq!(p.versions[1].sentence_text(0), "Hello there.");
        assert_eq!(p.versions[1].sentence_text(1), "World");
        assert_eq!(p.alignment.rows[0].cells[1], 0..2);
        p.validate().expect("valid");
        inv.apply(&mut p).expect("join");
        assert_eq!(p.versions[1].sentence_text(0), "Hello there. World");
    }

    #[test]
    fn join_across_rows_and_undo() {
        // B0 (row 0) + B1 (row 1): row 1 keeps B2 only.
        let p = check_roundtrip(Edit::JoinSentences {
            version: 1,
            sentence: 0,
        });
        assert_eq!(p.versions[1].sentence_text(0), "B0. B1.");
        assert_eq!(p.alignment.rows[1].cells[1], 1..2);
        // A0 (row 0) + A1 (row 1) removes nothing: row 1 still has B1 B2.
        let q = check_roundtrip(Edit::JoinSentences {
            version: 0,
            sentence: 0,
        });
        assert_eq!(q.alignment.rows[1].cells[0], 1..1);
        // Different paragraphs: refused.
        let mut r = sample();
        assert!(
            Edit::JoinSentences {
                version: 0,
                sentence: 1
            }
            .apply(&mut r)
            .is_err()
        );
    }
}
