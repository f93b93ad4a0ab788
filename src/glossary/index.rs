//! [`TermIndex`]: term occurrences of every sentence of every version, kept up to date
//! incrementally so an edit re-scans only the sentences it touched.

use std::ops::Range;

use rayon::prelude::*;

use super::matcher::{FormTable, Occurrence, TermMatcher};
use crate::model::Version;

/// Occurrences per version per sentence; byte offsets are into the version's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermIndex {
    versions: Vec<Vec<Vec<Occurrence>>>,
}

fn scan_sentence(
    matcher: &TermMatcher,
    version: &Version,
    idx: usize,
    forms: Option<&FormTable>,
) -> Vec<Occurrence> {
    let Some(sentence) = version.sentences.get(idx) else {
        return Vec::new();
    };
    if let Some(forms) = forms {
        return matcher.find_in_range(&version.text, sentence.range.clone(), &version.lang, forms);
    }
    let Some(text) = version.text.get(sentence.range.clone()) else {
        return Vec::new();
    };
    let offset = sentence.range.start;
    let mut found = matcher.find(text, &version.lang);
    for o in &mut found {
        o.start += offset;
        o.end += offset;
    }
    found
}

fn scan_version(matcher: &TermMatcher, version: &Version) -> Vec<Vec<Occurrence>> {
    if !matcher.has_lang(&version.lang) {
        return vec![Vec::new(); version.sentences.len()];
    }
    let forms = matcher.form_table(&version.text, &version.lang);
    (0..version.sentences.len())
        .into_par_iter()
        .with_min_len(64)
        .map(|idx| scan_sentence(matcher, version, idx, Some(&forms)))
        .collect()
}

impl TermIndex {
    /// Scans every sentence of every version (in parallel).
    pub fn build(matcher: &TermMatcher, versions: &[Version]) -> Self {
        TermIndex {
            versions: versions
                .par_iter()
                .map(|v| scan_version(matcher, v))
                .collect(),
        }
    }

    /// Re-scans one sentence after its text changed.
    pub fn rescan_sentence(
        &mut self,
        matcher: &TermMatcher,
        version_idx: usize,
        version: &Version,
        sentence_idx: usize,
    ) {
        let Some(per_sentence) = self.versions.get_mut(version_idx) else {
            return;
        };
        if per_sentence.len() != version.sentences.len() {
            *per_sentence = scan_version(matcher, version);
            return;
        }
        if let Some(slot) = per_sentence.get_mut(sentence_idx) {
            *slot = scan_sentence(matcher, version, sentence_idx, None);
        }
    }

    /// Re-scans a whole version (after its segmentation changed or it was added).
    pub fn rescan_version(&mut self, matcher: &TermMatcher, version_idx: usize, version: &Version) {
        if self.versions.len() <= version_idx {
            self.versions.resize(version_idx + 1, Vec::new());
        }
        self.versions[version_idx] = scan_version(matcher, version);
    }

    /// Occurrences in one sentence (empty when out of range).
    pub fn sentence(&self, version_idx: usize, sentence_idx: usize) -> &[Occurrence] {
        self.versions
            .get(version_idx)
            .and_then(|v| v.get(sentence_idx))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Occurrences in the sentences `cell` of one version (a grid cell), in order.
    pub fn cell(&self, version_idx: usize, cell: Range<usize>) -> Vec<Occurrence> {
        cell.flat_map(|s| self.sentence(version_idx, s).iter().copied())
            .collect()
    }

    /// Total number of occurrences.
    pub fn len(&self) -> usize {
        self.versions.iter().flatten().map(Vec::len).sum()
    }

    /// True if no term was found anywhere.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Per sentence of version `version_idx`, the sorted, distinct concept numbers found.
    pub fn sentence_concepts(&self, version_idx: usize) -> Vec<Vec<u32>> {
        self.versions
            .get(version_idx)
            .map(|v| v.iter().map(|occ| concepts_of(occ)).collect())
            .unwrap_or_default()
    }
}

fn concepts_of(occurrences: &[Occurrence]) -> Vec<u32> {
    let mut ids: Vec<u32> = occurrences.iter().map(|o| o.concept).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Per sentence of `version`, the sorted concept numbers (index in `Glossary::concepts`
/// order) whose terms occur in it: the aligner's anchor evidence.
pub fn sentence_concepts(matcher: &TermMatcher, version: &Version) -> Vec<Vec<u32>> {
    scan_version(matcher, version)
        .iter()
        .map(|occ| concepts_of(occ))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Glossary, MatcherOptions, Term, TermStatus};
    use crate::model::{Lang, Version};

    #[test]
    fn rescan_touches_one_sentence() {
        let mut g = Glossary::default();
        g.add_term(
            "b",
            Lang::new("en"),
            Term::new("board", TermStatus::Preferred),
        );
        g.add_term(
            "c",
            Lang::new("en"),
            Term::new("committee", TermStatus::Preferred),
        );
        let m = TermMatcher::new(&g, &[], MatcherOptions::default());
        let mut v = Version::from_sentences(
            "en",
            Lang::new("en"),
            &[vec!["The committee met.", "No terms here."]],
        );
        let mut index = TermIndex::build(&m, std::slice::from_ref(&v));
        assert_eq!(index.sentence_concepts(0), vec![vec![1], vec![]]);
        // Edit the last sentence (earlier offsets stay valid).
        let r = v.sentences[1].range.clone();
        v.text.replace_range(r.clone(), "Board? Committee");
        v.sentences[1].range = r.start..r.start + "Board? Committee".len();
        index.rescan_sentence(&m, 0, &v, 1);
        assert_eq!(index.sentence_concepts(0), vec![vec![1], vec![0, 1]]);
        assert_eq!(sentence_concepts(&m, &v), index.sentence_concepts(0));
        assert_eq!(index.len(), 3);
    }
}
