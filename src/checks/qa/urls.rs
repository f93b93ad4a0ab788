//! URLs and e-mail addresses in a sentence, canonical for comparison.

use std::sync::LazyLock;

use regex::Regex;

static LINK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)[^\s<>()«»\x22]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+").ok()
});

/// The links of `text`, lower-cased, without trailing punctuation or slash.
pub fn links(text: &str) -> Vec<String> {
    let Some(re) = LINK.as_ref() else {
        return Vec::new();
    };
    re.find_iter(text)
        .map(|m| {
            let s = m
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’', '»', ']', '/', '،']);
            let s = s.to_lowercase();
            s.strip_prefix("https://")
                .or_else(|| s.strip_prefix("http://"))
                .map(str::to_string)
                .unwrap_or(s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::links;

    #[test]
    fn links_are_canonical() {
        assert_eq!(
            links("See https://Example.org/a/. Mail info@un.org, or www.x.vn"),
            vec!["example.org/a", "info@un.org", "www.x.vn"]
        );
    }
}
