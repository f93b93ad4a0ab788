//! HTML → visible text as paragraphs.
//!
//! Block elements (p, div, headings, list items, table cells, ...) end a paragraph; `<br>`
//! is a line break and two in a row a paragraph break; scripts, styles, the `<head>`, hidden
//! elements (`hidden`, `display:none`, `visibility:hidden`) and other invisible content are
//! dropped. The walk uses an explicit stack, so deeply nested pages cannot overflow it.

use scraper::Html;
use scraper::node::Node;

use super::builder::TextBuilder;

/// Elements whose content is never shown as text.
const INVISIBLE: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "select", "datalist", "audio", "video", "map",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "option",
    "textarea",
    "button",
];

/// Extracts the visible text of an HTML document: text and paragraph ranges.
pub fn extract(source: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let doc = Html::parse_document(source);
    let mut out = TextBuilder::new();
    let mut buffer = String::new();
    let mut pre_depth = 0usize;
    // (node, closing): a node is pushed once to open it and once to close it.
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(el) => {
                let name = el.name();
                let is_block = BLOCK.contains(&name);
                if closing {
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if is_block {
                        flush(&mut buffer, &mut out);
                    }
                    continue;
                }
                if INVISIBLE.contains(&name) || is_hidden(el) {
                    continue;
                }
                if name == "br" {
                    buffer.push('\n');
                    continue;
                }
                if is_block {
                    flush(&mut buffer, &mut out);
                }
                if name == "pre" {
                    pre_depth += 1;
                }
                stack.push((node, true));
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            Node::Text(text) => {
                if pre_depth > 0 {
                    buffer.push_str(text);
                } else {
                    // Source line breaks are just spaces in HTML.
                    buffer.extend(
                        text.chars()
                            .map(|c| if c.is_whitespace() { ' ' } else { c }),
                    );
                }
            }
            Node::Document | Node::Fragment => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    flush(&mut buffer, &mut out);
    out.finish()
}

/// Pushes the buffered inline text, splitting it where a blank line (e.g. `<br><br>`) occurs.
fn flush(buffer: &mut String, out: &mut TextBuilder) {
    let mut para = String::new();
    for line in buffer.split('\n') {
        if line.trim().is_empty() {
            out.push_paragraph(&para);
            para.clear();
        } else {
            if !para.is_empty() {
                para.push('\n');
            }
            para.push_str(line);
        }
    }
    out.push_paragraph(&para);
    buffer.clear();
}

/// True if the element is hidden by attribute or inline style.
fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el.name() == "input" && el.attr("type") == Some("hidden") {
        return true;
    }
    let Some(style) = el.attr("style") else {
        return false;
    };
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The charset declared by `<meta charset=...>` or `content="...; charset=..."` in the first
/// kilobytes of an HTML file, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &head[pos + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'>' | b'/'))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?.trim();
    (!label.is_empty()).then(|| label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(html: &str) -> Vec<String> {
        let (text, ranges) = extract(html);
        ranges.iter().map(|r| text[r.clone()].to_string()).collect()
    }

    #[test]
    fn visible_blocks_only() {
        let html = r#"<!doctype html><html><head><title>T</title><style>p{}</style></head>
            <body><h1>Heading</h1><p>First <b>bold</b>
            paragraph.</p><script>var x = 1;</script>
            <div hidden>secret</div><p style="display: none">gone</p>
            <ul><li>one</li><li>two</li></ul>
            <table><tr><td>c1</td><td>c2</td></tr></table>
            Tail line<br>next<br><br>after</body></html>"#;
        assert_eq!(
            paragraphs(html),
            [
                "Heading",
                "First bold paragraph.",
                "one",
                "two",
                "c1",
                "c2",
                "Tail line\nnext",
                "after"
            ]
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(paragraphs("<p>A &amp; B&nbsp;C</p>"), ["A & B C"]);
    }

    #[test]
    fn charset_is_read_from_meta() {
        assert_eq!(
            declared_charset(br#"<meta charset="windows-1256">"#).as_deref(),
            Some("windows-1256")
        );
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>")
                .as_deref(),
            Some("koi8-r")
        );
        assert_eq!(declared_charset(b"<p>none</p>"), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        assert_eq!(paragraphs(&html), ["deep"]);
    }
}
