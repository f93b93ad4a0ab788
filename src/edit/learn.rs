//! Learning from the editor's sentence fixes: a split after a token ending in a stop teaches
//! "always split after" it, a join teaches "never split after" the first sentence's last
//! token (see `segment::LearnedRules`). Called by `History::apply` for the editor's own edits,
//! not for undo and redo; `History` restores the previous decisions on undo.

use super::Edit;
use crate::model::Project;

/// What an edit would teach: (language, text before the boundary, split).
pub(super) fn lesson(project: &Project, edit: &Edit) -> Option<(String, String, bool)> {
    match *edit {
        Edit::SplitSentence {
            version,
            sentence,
            at,
        } => {
            let v = project.versions.get(version)?;
            let s = v.sentences.get(sentence)?;
            let before = v.text.get(s.range.start..at)?;
            Some((v.lang.primary().to_string(), before.to_string(), true))
        }
        Edit::JoinSentences { version, sentence } => {
            let v = project.versions.get(version)?;
            let s = v.sentences.get(sentence)?;
            let text = v.text.get(s.range.clone())?;
            Some((v.lang.primary().to_string(), text.to_string(), false))
        }
        _ => None,
    }
}

/// Records a lesson taken with [`lesson`] once its edit succeeded.
pub(super) fn record(project: &mut Project, lesson: Option<(String, String, bool)>) {
    if let Some((lang, before, split)) = lesson {
        project.segmentation.record(&lang, &before, split);
    }
}
