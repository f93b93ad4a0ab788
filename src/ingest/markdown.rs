//! Markdown → paragraphs of prose. Block markup (headings, list bullets, quotes, tables,
//! rules, front matter) is removed, code blocks are dropped, and inline markup (emphasis,
//! code spans, links, images) is reduced to its text, so sentences and exports carry no
//! asterisks or URLs.

use super::builder::TextBuilder;

/// Extracts the prose of a Markdown document: text and paragraph ranges.
pub fn extract(source: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut out = TextBuilder::new();
    let mut para = String::new();
    let mut fence: Option<String> = None;
    let mut lines = source.lines().peekable();
    if lines.peek().map(|l| l.trim_end()) == Some("---") {
        lines.next();
        for line in lines.by_ref() {
            if matches!(line.trim_end(), "---" | "...") {
                break;
            }
        }
    }
    let flush = |para: &mut String, out: &mut TextBuilder| {
        out.push_paragraph(&clean_inline(para));
        para.clear();
    };
    for line in lines {
        let trimmed = line.trim();
        if let Some(marker) = &fence {
            if trimmed.starts_with(marker.as_str()) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut para, &mut out);
            fence = Some(trimmed[..3].to_string());
            continue;
        }
        let mut body = trimmed;
        while let Some(rest) = body.strip_prefix('>') {
            body = rest.trim_start();
        }
        if body.is_empty() || is_rule(body) {
            flush(&mut para, &mut out);
            continue;
        }
        if !para.is_empty() && is_setext_underline(body) {
            flush(&mut para, &mut out);
            continue;
        }
        if let Some(heading) = heading_text(body) {
            flush(&mut para, &mut out);
            out.push_paragraph(&clean_inline(heading));
            continue;
        }
        if body.starts_with('|') {
            flush(&mut para, &mut out);
            if !is_table_separator(body) {
                for cell in body.trim_matches('|').split('|') {
                    out.push_paragraph(&clean_inline(cell));
                }
            }
            continue;
        }
        if let Some(item) = list_item_text(body) {
            flush(&mut para, &mut out);
            para.push_str(item);
            continue;
        }
        if !para.is_empty() {
            para.push('\n');
        }
        para.push_str(body);
    }
    flush(&mut para, &mut out);
    out.finish()
}

/// `# Title ##` → `Title`.
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim_end())
}

/// `- item`, `* item`, `+ item`, `1. item`, `2) item` → the item text.
fn list_item_text(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim_start());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        for sep in [". ", ") "] {
            if let Some(item) = rest.strip_prefix(sep) {
                return Some(item.trim_start());
            }
        }
    }
    None
}

/// `---`, `***`, `___` (three or more, spaces allowed).
fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&m| compact.chars().all(|c| c == m))
}

/// `===` under a heading line (the `---` form is caught by [`is_rule`]).
fn is_setext_underline(line: &str) -> bool {
    !line.is_empty() && line.chars().all(|c| c == '=')
}

/// `|---|:--:|`.
fn is_table_separator(line: &str) -> bool {
    line.chars()
        .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Reduces inline markup to its text: `[t](u)` → t, `![a](u)` → a, `` `c` `` → c,
/// `**b**`/`*i*`/`__b__`/`_i_` → text, `\*` → `*`, `<https://x>` → https://x.
fn clean_inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
            '[' => {
                if let Some((text_end, url_end)) = link_span(&chars, i) {
                    out.push_str(&clean_inline(
                        &chars[i + 1..text_end].iter().collect::<String>(),
                    ));
                    i = url_end + 1;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '<' if chars[i + 1..]
                .iter()
                .take(8)
                .collect::<String>()
                .starts_with("http") =>
            {
                match chars[i..].iter().position(|&x| x == '>') {
                    Some(len) => {
                        out.extend(&chars[i + 1..i + len]);
                        i += len + 1;
                    }
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '`' | '*' => i += 1,
            '_' => {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let inside_word = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                if inside_word {
                    out.push(c);
                }
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// For `[text](url)` starting at `open`, the indices of `]` and of the closing `)`.
fn link_span(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = open + chars[open..].iter().position(|&c| c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
    Some((close, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(md: &str) -> Vec<String> {
        let (text, ranges) = extract(md);
        ranges.iter().map(|r| text[r.clone()].to_string()).collect()
    }

    #[test]
    fn blocks_become_paragraphs_without_markup() {
        let md = "---\ntitle: x\n---\n# Report **2024**\n\nThe *city* met [the board](http://x.y).\nIt agreed.\n\n- first item\n- second `item`\n\n```\ncode();\n```\n> Quoted snake_case text\n\n| A | B |\n|---|---|\n| c1 | c2 |\n";
        assert_eq!(
            paragraphs(md),
            [
                "Report 2024",
                "The city met the board.\nIt agreed.",
                "first item",
                "second item",
                "Quoted snake_case text",
                "A",
                "B",
                "c1",
                "c2"
            ]
        );
    }

    #[test]
    fn setext_heading_and_rule() {
        assert_eq!(
            paragraphs("Title\n=====\nBody.\n\n***\nEnd."),
            ["Title", "Body.", "End."]
        );
    }

    #[test]
    fn escapes_and_autolinks() {
        assert_eq!(clean_inline(r"2 \* 3 <https://a.b>"), "2 * 3 https://a.b");
    }
}
