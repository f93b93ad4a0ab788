//! Checks that every byte range of a project points into its text: what the grid, the
//! exporters and the edits index with, so a damaged file is refused at load time instead of
//! panicking later.

use std::ops::Range;

use crate::model::Project;

/// A range of a version that does not fit its text, or a number elsewhere in the project that
/// cannot be right (a view column naming no version, a score or font size that is not a
/// finite number).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("version {version}: {message}")]
pub struct RangeError {
    /// Version index (for view settings: the offending column index).
    pub version: usize,
    /// What is wrong.
    pub message: String,
}

/// Checks paragraphs and sentences of every version: inside the text, on char boundaries,
/// in order without overlap; each sentence inside its paragraph. Also checks that row scores
/// are finite and that view settings name existing versions and a usable font size.
pub fn validate_ranges(project: &Project) -> Result<(), RangeError> {
    for (v, version) in project.versions.iter().enumerate() {
        let err = |message: String| RangeError {
            version: v,
            message,
        };
        let text = &version.text;
        let mut prev_end = 0;
        for (p, para) in version.paragraphs.iter().enumerate() {
            check_range(text, para, prev_end).map_err(|m| err(format!("paragraph {p}: {m}")))?;
            prev_end = para.end;
        }
        let mut prev_end = 0;
        for (s, sentence) in version.sentences.iter().enumerate() {
            let range = &sentence.range;
            check_range(text, range, prev_end).map_err(|m| err(format!("sentence {s}: {m}")))?;
            prev_end = range.end;
            let Some(para) = version.paragraphs.get(sentence.paragraph) else {
                return Err(err(format!(
                    "sentence {s} belongs to paragraph {}, which does not exist",
                    sentence.paragraph
                )));
            };
            if range.start < para.start || range.end > para.end {
                return Err(err(format!(
                    "sentence {s} ({range:?}) lies outside its paragraph {} ({para:?})",
                    sentence.paragraph
                )));
            }
        }
    }
    for (r, row) in project.alignment.rows.iter().enumerate() {
        if !row.score.is_finite() {
            return Err(RangeError {
                version: project.alignment.pivot,
                message: format!("row {r} has score {}, not a number in 0..=1", row.score),
            });
        }
    }
    let n = project.versions.len();
    let view = &project.view;
    let usable_font = view.font_size.is_finite() && view.font_size > 0.0;
    if !usable_font || !view.low_confidence.is_finite() {
        return Err(RangeError {
            version: 0,
            message: format!(
                "view settings hold an impossible font size ({}) or confidence threshold ({})",
                view.font_size, view.low_confidence
            ),
        });
    }
    for &column in view.column_order.iter().chain(&view.hidden_columns) {
        if column >= n {
            return Err(RangeError {
                version: column,
                message: format!("view settings name a column but there are {n} versions"),
            });
        }
    }
    Ok(())
}

fn check_range(text: &str, range: &Range<usize>, prev_end: usize) -> Result<(), String> {
    if range.start > range.end || range.end > text.len() {
        return Err(format!(
            "byte range {range:?} is outside the text ({} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
        return Err(format!("byte range {range:?} cuts a character in two"));
    }
    if range.start < prev_end {
        return Err(format!(
            "byte range {range:?} overlaps the previous one (ending at {prev_end})"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Version};

    #[test]
    fn catches_ranges_outside_text_and_inside_characters() {
        let mut p = crate::edit::test_project::sample();
        assert_eq!(validate_ranges(&p), Ok(()));
        p.versions[1].sentences[3].range.end = 10_000;
        let e = validate_ranges(&p).expect_err("outside");
        assert!(e.to_string().contains("sentence 3"), "{e}");

        let mut v = Version::from_sentences("ar", Lang::new("ar"), &[vec!["مرحبا."]]);
        let mut q = crate::model::Project::new(vec![v.clone()]);
        assert_eq!(validate_ranges(&q), Ok(()));
        v.sentences[0].range.start = 1;
        q.versions[0] = v;
        let e = validate_ranges(&q).expect_err("mid-char");
        assert!(e.to_string().contains("cuts a character"), "{e}");
    }

    #[test]
    fn catches_view_columns_without_versions() {
        let mut p = crate::edit::test_project::sample();
        p.view.hidden_columns = vec![5];
        assert!(validate_ranges(&p).is_err());
        let mut q = crate::edit::test_project::sample();
        q.view.font_size = f32::NAN;
        assert!(validate_ranges(&q).is_err());
        let mut r = crate::edit::test_project::sample();
        r.alignment.rows[1].score = f32::INFINITY;
        assert!(validate_ranges(&r).is_err());
    }
}
