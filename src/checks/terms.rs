//! The term checks over a project (see the module docs of [`super`]).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::{Finding, FindingKind};
use crate::glossary::{
    Concept, Glossary, MatcherOptions, Occurrence, TermIndex, TermMatcher, TermStatus,
};
use crate::model::{Lang, Project, Version};

/// Runs every check on `project` with `glossary`; findings whose key is in
/// `project.accepted_findings` are flagged `accepted`. Sorted by row, version, kind.
pub fn run_checks(project: &Project, glossary: &Glossary) -> Vec<Finding> {
    let matcher = TermMatcher::new(glossary, &project.langs(), MatcherOptions::default());
    let index = TermIndex::build(&matcher, &project.versions);
    check_with_index(project, glossary, &index)
}

/// [`run_checks`] with an index the caller keeps up to date (the app's [`TermIndex`], built
/// from a matcher of the same `glossary`).
pub fn check_with_index(project: &Project, glossary: &Glossary, index: &TermIndex) -> Vec<Finding> {
    let concepts: Vec<&Concept> = glossary.concepts.values().collect();
    let mut out = Vec::new();
    if project.alignment.rows.is_empty() {
        for (v_idx, version) in project.versions.iter().enumerate() {
            for s_idx in 0..version.sentences.len() {
                usage_findings(
                    &mut out,
                    &concepts,
                    version,
                    v_idx,
                    s_idx,
                    s_idx,
                    index.sentence(v_idx, s_idx),
                );
            }
        }
    } else {
        let pivot = project.alignment.pivot;
        for (r_idx, row) in project.alignment.rows.iter().enumerate() {
            let cells: Vec<Vec<Occurrence>> = row
                .cells
                .iter()
                .enumerate()
                .map(|(v, cell)| index.cell(v, cell.clone()))
                .collect();
            for (v_idx, version) in project.versions.iter().enumerate() {
                let Some(cell) = row.cells.get(v_idx) else {
                    continue;
                };
                usage_findings(
                    &mut out,
                    &concepts,
                    version,
                    v_idx,
                    r_idx,
                    cell.start,
                    &cells[v_idx],
                );
            }
            let Some(pivot_occ) = cells.get(pivot) else {
                continue;
            };
            let wanted: BTreeSet<u32> = pivot_occ.iter().map(|o| o.concept).collect();
            for (v_idx, version) in project.versions.iter().enumerate() {
                let Some(cell) = row.cells.get(v_idx) else {
                    continue;
                };
                if v_idx == pivot || cell.is_empty() {
                    continue;
                }
                for &c in &wanted {
                    let Some(concept) = concepts.get(c as usize) else {
                        continue;
                    };
                    let Some(expected) = preferred_term(concept, &version.lang) else {
                        continue;
                    };
                    let present = cells[v_idx].iter().any(|o| {
                        o.concept == c
                            && matches!(o.status, TermStatus::Preferred | TermStatus::Allowed)
                    });
                    if !present {
                        out.push(finding(
                            version,
                            v_idx,
                            r_idx,
                            cell.start,
                            concept,
                            FindingKind::Missing,
                            expected,
                            None,
                        ));
                    }
                }
            }
        }
    }
    super::mark_accepted(project, &mut out);
    out.sort_by(|a, b| {
        (
            a.row,
            a.version,
            a.kind,
            &a.concept,
            a.ranges.first().map(|r| r.start),
        )
            .cmp(&(
                b.row,
                b.version,
                b.kind,
                &b.concept,
                b.ranges.first().map(|r| r.start),
            ))
    });
    out
}

/// The first preferred (else allowed) term of `concept` in `lang`; `None` when the glossary
/// has no usable term in that language (then nothing can be missing).
fn preferred_term(concept: &Concept, lang: &Lang) -> Option<String> {
    let terms: Vec<_> = concept
        .terms
        .iter()
        .filter(|(l, _)| l.primary() == lang.primary())
        .flat_map(|(_, t)| t.iter())
        .collect();
    terms
        .iter()
        .find(|t| t.status == TermStatus::Preferred)
        .or_else(|| terms.iter().find(|t| t.status == TermStatus::Allowed))
        .map(|t| t.text.clone())
}

#[expect(
    clippy::too_many_arguments,
    reason = "a plain constructor of a flat record"
)]
fn finding(
    version: &Version,
    v_idx: usize,
    row: usize,
    sentence: usize,
    concept: &Concept,
    kind: FindingKind,
    text: String,
    range: Option<Range<usize>>,
) -> Finding {
    Finding {
        row,
        version: v_idx,
        version_name: version.name.clone(),
        sentence,
        concept: concept.id.clone(),
        lang: version.lang.as_str().to_string(),
        kind,
        text,
        ranges: range.into_iter().collect(),
        accepted: false,
    }
}

/// Forbidden, variant and collision findings for the occurrences of one cell.
fn usage_findings(
    out: &mut Vec<Finding>,
    concepts: &[&Concept],
    version: &Version,
    v_idx: usize,
    row: usize,
    sentence: usize,
    occurrences: &[Occurrence],
) {
    let mut by_span: BTreeMap<(usize, usize), Vec<&Occurrence>> = BTreeMap::new();
    for o in occurrences {
        by_span.entry((o.start, o.end)).or_default().push(o);
    }
    for ((start, end), occ) in by_span {
        let text = version.text.get(start..end).unwrap_or("").to_string();
        let distinct: BTreeSet<u32> = occ.iter().map(|o| o.concept).collect();
        for o in &occ {
            let Some(concept) = concepts.get(o.concept as usize) else {
                continue;
            };
            let kind = match o.status {
                TermStatus::Forbidden => Some(FindingKind::Forbidden),
                TermStatus::Allowed => Some(FindingKind::Variant),
                TermStatus::Preferred => None,
            };
            let collision = (distinct.len() > 1).then_some(FindingKind::Collision);
            for kind in [kind, collision].into_iter().flatten() {
                out.push(finding(
                    version,
                    v_idx,
                    row,
                    sentence,
                    concept,
                    kind,
                    text.clone(),
                    Some(start..end),
                ));
            }
        }
    }
}
