//! Three-way merge of glossaries, concept by concept.
//!
//! Why: a glossary file is shared by several editors. When the file changed on disk since we
//! loaded it, we merge `base` (as loaded), `mine` (in memory) and `theirs` (on disk now): a
//! concept changed on one side only takes that side; a concept changed identically on both
//! sides is kept; a concept changed differently on both sides is a [`Conflict`] for the user.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Concept, Glossary};

/// A concept changed differently in memory and on disk. `None` means deleted on that side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The concept id.
    pub id: String,
    /// The concept as in memory.
    pub mine: Option<Concept>,
    /// The concept as on disk now.
    pub theirs: Option<Concept>,
}

/// How the user resolved a [`Conflict`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Keep the in-memory version.
    Mine,
    /// Keep the on-disk version.
    Theirs,
    /// Use this concept (or delete it with `None`).
    Custom(Option<Concept>),
}

/// Result of saving: what is now on disk (or would be, once conflicts are resolved).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveOutcome {
    /// The merged glossary. When `conflicts` is empty this was written and is the new base;
    /// otherwise nothing was written and conflicting concepts hold `theirs`.
    pub merged: Glossary,
    /// Concepts changed differently on both sides; empty when the save went through.
    pub conflicts: Vec<Conflict>,
    /// The file content the merge was made against (the base for the next save).
    pub theirs: Glossary,
}

impl SaveOutcome {
    /// True if the file was written.
    pub fn is_saved(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// Applies the user's choices to `merged`; conflicts without a choice keep `theirs`.
    pub fn resolve(&self, choices: &BTreeMap<String, Resolution>) -> Glossary {
        let mut out = self.merged.clone();
        for conflict in &self.conflicts {
            let pick = match choices.get(&conflict.id) {
                Some(Resolution::Mine) => conflict.mine.clone(),
                Some(Resolution::Custom(c)) => c.clone(),
                Some(Resolution::Theirs) | None => conflict.theirs.clone(),
            };
            set_concept(&mut out, &conflict.id, pick);
        }
        out
    }
}

fn set_concept(g: &mut Glossary, id: &str, concept: Option<Concept>) {
    match concept {
        Some(c) => {
            g.concepts.insert(id.to_string(), c);
        }
        None => {
            g.concepts.remove(id);
        }
    }
}

/// Merges `mine` and `theirs`, both derived from `base`. Returns the merged glossary (conflicting
/// concepts take `theirs`) and the conflicts.
pub fn merge3(base: &Glossary, mine: &Glossary, theirs: &Glossary) -> (Glossary, Vec<Conflict>) {
    let ids: BTreeSet<&String> = base
        .concepts
        .keys()
        .chain(mine.concepts.keys())
        .chain(theirs.concepts.keys())
        .collect();
    let mut merged = Glossary::default();
    let mut conflicts = Vec::new();
    for id in ids {
        let b = base.concepts.get(id);
        let m = mine.concepts.get(id);
        let t = theirs.concepts.get(id);
        let pick = if m == t || m == b {
            t
        } else if t == b {
            m
        } else {
            conflicts.push(Conflict {
                id: id.clone(),
                mine: m.cloned(),
                theirs: t.cloned(),
            });
            t
        };
        set_concept(&mut merged, id, pick.cloned());
    }
    (merged, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Term, TermStatus};
    use crate::model::Lang;

    fn concept(id: &str, ru: &str) -> Concept {
        let mut c = Concept {
            id: id.to_string(),
            ..Concept::default()
        };
        c.terms
            .insert(Lang::new("ru"), vec![Term::new(ru, TermStatus::Preferred)]);
        c
    }

    fn glossary(concepts: &[Concept]) -> Glossary {
        Glossary {
            concepts: concepts.iter().map(|c| (c.id.clone(), c.clone())).collect(),
        }
    }

    #[test]
    fn keeps_both_sides_and_reports_true_conflicts() {
        let base = glossary(&[concept("a", "а"), concept("b", "б"), concept("c", "в")]);
        let mine = glossary(&[
            concept("a", "а2"),
            concept("b", "б"),
            concept("c", "в1"),
            concept("m", "м"),
        ]);
        let theirs = glossary(&[concept("a", "а"), concept("c", "в2"), concept("t", "т")]);
        let (merged, conflicts) = merge3(&base, &mine, &theirs);
        assert_eq!(merged.concepts["a"], concept("a", "а2"));
        assert!(!merged.concepts.contains_key("b"), "their deletion kept");
        assert!(merged.concepts.contains_key("m") && merged.concepts.contains_key("t"));
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].id, "c");
        let outcome = SaveOutcome {
            merged,
            conflicts,
            theirs,
        };
        let mut choice = BTreeMap::new();
        choice.insert("c".to_string(), Resolution::Mine);
        assert_eq!(outcome.resolve(&choice).concepts["c"], concept("c", "в1"));
        assert_eq!(
            outcome.resolve(&BTreeMap::new()).concepts["c"],
            concept("c", "в2")
        );
    }
}
