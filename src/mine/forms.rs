//! Surface forms of one span key: counted, with sentence-initial capitals folded into the
//! lower-case form seen elsewhere («Human rights …» counts as «human rights»).

use rustc_hash::FxHashMap;

/// Counts the written forms of one term or counterpart.
#[derive(Default)]
pub struct FormCounter {
    inner: FxHashMap<String, usize>,
    initial: FxHashMap<String, usize>,
}

impl FormCounter {
    /// Adds one occurrence; `initial` when it starts a sentence.
    pub fn add(&mut self, surface: &str, initial: bool) {
        let map = if initial {
            &mut self.initial
        } else {
            &mut self.inner
        };
        *map.entry(surface.to_string()).or_default() += 1;
    }

    /// The forms, most frequent first (ties by text).
    pub fn finish(mut self) -> Vec<(String, usize)> {
        for (surface, n) in std::mem::take(&mut self.initial) {
            let lowered = lower_first(&surface);
            let target = if self.inner.contains_key(&lowered) {
                lowered
            } else {
                surface
            };
            *self.inner.entry(target).or_default() += n;
        }
        let mut forms: Vec<(String, usize)> = self.inner.into_iter().collect();
        forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        forms
    }
}

/// The text with its first letter in lower case.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initial_capital_folds_into_inner_form() {
        let mut f = FormCounter::default();
        f.add("Human rights", true);
        f.add("human rights", false);
        f.add("Hanoi", true);
        assert_eq!(
            f.finish(),
            vec![("human rights".to_string(), 2), ("Hanoi".to_string(), 1)]
        );
    }
}
