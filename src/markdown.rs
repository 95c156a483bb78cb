//! Markdown explanations to safe HTML and to plain text.
//!
//! Raw HTML in an explanation is shown as text, never interpreted; the rendered HTML then
//! passes through a sanitizer that keeps only plain formatting and http(s)/mailto links.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The Markdown extensions explanations may use.
const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(HashSet::from([
            "p",
            "br",
            "ul",
            "ol",
            "li",
            "strong",
            "em",
            "del",
            "code",
            "pre",
            "blockquote",
            "a",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "h4",
            "h5",
            "h6",
            "hr",
        ]))
        .tag_attributes(
            [
                ("a", HashSet::from(["href"])),
                ("ol", HashSet::from(["start"])),
            ]
            .into(),
        )
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
    builder
});

/// Headings inside an explanation sit below the page's own headings (h1 to h3).
fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H4,
        HeadingLevel::H2 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Sanitized HTML for a Markdown text.
pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, OPTIONS).map(|event| match event {
        // Raw HTML is shown as the text it is.
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        // A line break the writer typed is a line break on the page: Japanese text is
        // written line by line (・ lists, one statement a line), and a browser would show
        // a soft break as a space between two sentences.
        Event::SoftBreak => Event::HardBreak,
        Event::Text(text) => Event::Text(crate::width::full_width_kana(&text).into_owned().into()),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    SANITIZER.clean(&html).to_string().trim_end().to_owned()
}

/// The text of a Markdown explanation without markup, paragraphs separated by blank lines.
pub fn to_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => text.push('\n'),
            _ => {}
        }
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_and_web_links_survive() {
        let html = to_html("**重要** [方針](https://example.jp/) と `code`");
        assert_eq!(
            html,
            "<p><strong>重要</strong> <a href=\"https://example.jp/\" rel=\"noopener noreferrer\">方針</a> と <code>code</code></p>"
        );
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        assert_eq!(to_html("<b>x</b>"), "<p>&lt;b&gt;x&lt;/b&gt;</p>");
    }

    #[test]
    fn script_links_lose_their_target() {
        let html = to_html("[x](javascript:alert(1))");
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn headings_sit_below_the_page_headings() {
        assert_eq!(to_html("# 見出し"), "<h4>見出し</h4>");
    }

    #[test]
    fn typed_line_breaks_are_line_breaks_without_a_space() {
        // Alt+Enter in a cell, or a YAML `|` block: one statement a line, a ・ list.
        let typed = "次の措置を講じています。\n・多要素認証\n・通信の暗号化";
        let html = to_html(typed);
        assert_eq!(
            html,
            "<p>次の措置を講じています。<br>\n・多要素認証<br>\n・通信の暗号化</p>"
        );
        assert_eq!(to_text(typed), typed);
        // Markdown lists and paragraphs keep working.
        assert_eq!(to_html("- a\n- b"), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
        assert_eq!(to_html("a\n\nb"), "<p>a</p>\n<p>b</p>");
        // Windows line ends too.
        assert_eq!(to_html("a\r\nb"), "<p>a<br>\nb</p>");
    }

    #[test]
    fn half_width_katakana_is_published_in_full_width() {
        assert_eq!(to_html("ｶﾞｲﾄﾞﾗｲﾝ"), "<p>ガイドライン</p>");
    }

    #[test]
    fn plain_text_keeps_words_and_drops_markup() {
        assert_eq!(to_text("- **a**\n- [b](https://x.jp/)\n\nc"), "a\nb\n\nc");
    }
}
