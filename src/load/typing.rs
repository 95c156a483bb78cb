//! Typing mistakes in a YAML file, found line by line where they are: a full-width colon or
//! space typed by a Japanese input method, tabs, a line indented unlike its siblings, text
//! of a `|` block that is not indented. The parser reports these, if at all, in its own
//! words and often at a later line; these name the mistake at its place.

use crate::diagnostic::{Diagnostic, Location};
use crate::i18n::t;

use super::SourceFile;
use super::notice::{Notice, NoticeKind};

/// One line of the file, as indentation and content.
struct Line<'a> {
    /// 1-based.
    number: usize,
    text: &'a str,
    /// Leading spaces.
    indent: usize,
    /// After the leading whitespace.
    content: &'a str,
}

impl<'a> Line<'a> {
    fn new(number: usize, text: &'a str) -> Line<'a> {
        let content = text.trim_start_matches([' ', '\t', '\u{3000}']);
        let leading = &text[..text.len() - content.len()];
        Line {
            number,
            text,
            indent: leading.chars().take_while(|c| *c == ' ').count(),
            content,
        }
    }

    fn is_blank_or_comment(&self) -> bool {
        self.content.is_empty() || self.content.starts_with('#')
    }

    /// The content without a trailing comment (` #` outside quotes).
    fn code(&self) -> &'a str {
        let mut quote = None;
        let mut previous = ' ';
        for (index, c) in self.content.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '#') if previous == ' ' => return self.content[..index].trim_end(),
                _ => {}
            }
            previous = c;
        }
        self.content.trim_end()
    }

    /// For `- ` list items, the content after the dash(es) and its column offset.
    fn item(&self) -> (&'a str, usize) {
        let mut rest = self.code();
        let mut offset = 0;
        while let Some(after) = rest.strip_prefix("- ") {
            let trimmed = after.trim_start_matches(' ');
            offset += 2 + (after.len() - trimmed.len());
            rest = trimmed;
        }
        if rest == "-" {
            return ("", offset + 1);
        }
        (rest, offset)
    }

    /// `key` and what follows its `:`, for a `key: value` line.
    fn key_value(&self) -> Option<(&'a str, &'a str)> {
        let (rest, _) = self.item();
        let (key, value) = split_key(rest)?;
        Some((key, value))
    }

    /// Whether the line opens a nested block: `key:` with nothing after it, or a bare `-`.
    fn opens(&self) -> bool {
        let (rest, _) = self.item();
        rest.is_empty() || self.key_value().is_some_and(|(_, value)| value.is_empty())
    }

    /// Whether the value is a `|` or `>` block scalar.
    fn starts_block(&self) -> bool {
        self.key_value().is_some_and(|(_, value)| {
            let value = value.trim();
            value.starts_with(['|', '>'])
                && value[1..]
                    .chars()
                    .all(|c| matches!(c, '-' | '+') || c.is_ascii_digit())
        })
    }

    fn is_item(&self) -> bool {
        self.content.starts_with("- ") || self.content == "-"
    }

    /// The 1-based column of byte offset `at` in the line.
    fn column(&self, at: usize) -> usize {
        self.text[..at].chars().count() + 1
    }
}

/// The lines of `text`, numbered from 1.
fn lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(index, text)| Line::new(index + 1, text))
        .collect()
}

/// Whether `key` looks like a mapping key as people write them here.
fn is_key(key: &str) -> bool {
    let key = key.trim_matches(['"', '\'']);
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// `key` and the rest after `: ` (or a `:` at the end), when `text` starts with a key.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let (key, rest) = (&text[..colon], &text[colon + 1..]);
    if !is_key(key) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((key, rest.trim_start()))
}

/// Every typing mistake in `file`, each at its line.
pub fn mistakes(file: &SourceFile) -> Vec<Diagnostic> {
    let lines = lines(&file.text);
    let mut found = Vec::new();
    let point = |line: &Line, column: usize, width: usize, message: String, help: String| {
        Diagnostic::new("yaml-typing", message)
            .in_file(&file.name)
            .at(
                &file.text,
                Location {
                    line: line.number,
                    column,
                    width,
                },
            )
            .help(help)
    };
    // Indentation of the open levels, outermost first.
    let mut levels: Vec<usize> = vec![0];
    let mut previous: Option<&Line> = None;
    let mut before: Option<&Line> = None;
    // The indentation of the key whose `|` block is being read.
    let mut block: Option<(usize, bool)> = None;
    for line in &lines {
        if let Some((parent, first)) = block {
            if line.content.is_empty() {
                continue;
            }
            if line.indent > parent {
                block = Some((parent, false));
                continue;
            }
            block = None;
            if first
                && line.key_value().is_none()
                && !line.is_item()
                && !line.content.starts_with('#')
            {
                found.push(point(
                    line,
                    line.indent + 1,
                    1,
                    t!(
                        "typing.block-unindented",
                        key = previous.map_or("", |p| p.key_value().map_or("", |(k, _)| k))
                    ),
                    t!("typing.block-unindented-help", spaces = parent + 2),
                ));
                continue;
            }
        }
        if line.is_blank_or_comment() {
            continue;
        }
        let (characters, in_indentation) = characters(line);
        for (column, message, help) in characters {
            found.push(point(line, column, 1, message, help));
        }
        if in_indentation {
            (before, previous) = (previous, Some(line));
            continue;
        }
        let offset = line.item().1;
        indentation(
            line,
            (before, previous),
            &mut levels,
            &mut |at, column, message, help| {
                found.push(point(at, column, 1, message, help));
            },
        );
        if line.starts_block() {
            block = Some((line.indent + offset, true));
        }
        (before, previous) = (previous, Some(line));
    }
    found
}

/// The characters typed by mistake in `line`, as `(column, message, help)`: a tab or a
/// full-width space in the indentation (then `true`: its indentation cannot be judged), a
/// full-width colon after a key, a full-width space after a key's colon.
fn characters(line: &Line) -> (Vec<(usize, String, String)>, bool) {
    let leading = &line.text[..line.text.len() - line.content.len()];
    if let Some(at) = leading.find('\t') {
        let problem = (line.column(at), t!("typing.tab"), t!("typing.tab-help"));
        return (vec![problem], true);
    }
    if let Some(at) = leading.find('\u{3000}') {
        let problem = (
            line.column(at),
            t!("typing.full-width-space-indent"),
            t!("typing.full-width-space-help"),
        );
        return (vec![problem], true);
    }
    let mut found = Vec::new();
    let (rest, offset) = line.item();
    let start = leading.len() + offset;
    if let Some(at) = rest.find('：')
        && is_key(&rest[..at])
    {
        found.push((
            line.column(start + at),
            t!("typing.full-width-colon", key = rest[..at].trim()),
            t!("typing.full-width-colon-help"),
        ));
    }
    if let Some(at) = rest.find(":\u{3000}")
        && is_key(&rest[..at])
    {
        found.push((
            line.column(start + at + 1),
            t!("typing.full-width-space", key = rest[..at].trim()),
            t!("typing.full-width-space-help"),
        ));
    }
    (found, false)
}

/// Checks `line`'s indentation against the two lines before and the open levels; reports
/// a problem at a line with its column.
fn indentation<'a>(
    line: &'a Line<'a>,
    (before, previous): (Option<&'a Line<'a>>, Option<&'a Line<'a>>),
    levels: &mut Vec<usize>,
    report: &mut impl FnMut(&'a Line<'a>, usize, String, String),
) {
    let top = *levels.last().unwrap_or(&0);
    let opened = previous.is_some_and(Line::opens);
    if line.indent > top {
        if !opened && let Some(previous) = previous {
            match (before, previous.key_value()) {
                // `key:` then a field at the same indentation, then deeper lines: the
                // field lost its indentation.
                (Some(before), Some((field, _)))
                    if before.opens() && before.indent == previous.indent =>
                {
                    let (parent, _) = before.key_value().unwrap_or_default();
                    report(
                        previous,
                        previous.indent + 1,
                        t!("typing.dedented", key = field, parent = parent),
                        t!("typing.dedented-help", key = field, spaces = line.indent),
                    );
                }
                _ => report(
                    line,
                    line.indent + 1,
                    t!(
                        "typing.deeper",
                        spaces = line.indent,
                        above = previous.number,
                        siblings = top
                    ),
                    t!("typing.deeper-help", siblings = top),
                ),
            }
        }
        // Read on as if it were right, so that one mistake is reported once.
        levels.push(line.indent);
    } else if line.indent < top {
        let mut popped = top;
        while levels.len() > 1 && *levels.last().unwrap_or(&0) > line.indent {
            popped = levels.pop().unwrap_or(0);
        }
        let outer = *levels.last().unwrap_or(&0);
        if outer != line.indent {
            let nearest = if line.indent - outer < popped - line.indent {
                outer
            } else {
                popped
            };
            report(
                line,
                line.indent + 1,
                t!(
                    "typing.misaligned",
                    spaces = line.indent,
                    siblings = nearest
                ),
                t!("typing.misaligned-help", siblings = nearest),
            );
            levels.push(line.indent);
        }
    }
    // The keys of a list item's mapping stand after its `- `.
    if line.is_item() {
        let (rest, offset) = line.item();
        if !rest.is_empty() {
            let inner = line.indent + offset;
            while levels.last().is_some_and(|l| *l >= inner) {
                levels.pop();
            }
            if levels.last() != Some(&line.indent) {
                levels.push(line.indent);
            }
            levels.push(inner);
        }
    }
}

/// When a key appears twice because a key between them lost its indentation — a
/// requirement id indented like the fields of the answer above it — says so.
pub fn lost_indentation(file: &SourceFile, duplicate_line: usize) -> Option<Diagnostic> {
    let lines = lines(&file.text);
    let duplicate = lines.get(duplicate_line.checked_sub(1)?)?;
    let structural: Vec<&Line> = lines[..duplicate_line - 1]
        .iter()
        .filter(|l| !l.is_blank_or_comment())
        .collect();
    // Back from the duplicate, within its block: a key at its indentation that opens a
    // block but has nothing under it.
    let mut orphan = None;
    for (index, line) in structural.iter().enumerate().rev() {
        if line.indent < duplicate.indent {
            break;
        }
        let next = structural
            .get(index + 1)
            .map_or(duplicate.indent, |n| n.indent);
        if line.indent == duplicate.indent && line.opens() && next <= line.indent {
            orphan = Some(*line);
            break;
        }
    }
    let orphan = orphan?;
    // Its rightful siblings: the key the duplicate's block hangs from.
    let parent = structural
        .iter()
        .rev()
        .find(|l| l.number < orphan.number && l.indent < duplicate.indent)?;
    let (orphan_key, _) = orphan.key_value()?;
    let (parent_key, _) = parent.key_value()?;
    Some(
        Diagnostic::new(
            "yaml-typing",
            t!(
                "typing.lost-indentation",
                key = orphan_key,
                line = orphan.number,
                parent = parent_key
            ),
        )
        .in_file(&file.name)
        .at(
            &file.text,
            Location {
                line: orphan.number,
                column: orphan.indent + 1,
                width: orphan_key.chars().count(),
            },
        )
        .help(t!(
            "typing.lost-indentation-help",
            key = orphan_key,
            parent = parent_key,
            spaces = parent.indent
        )),
    )
}

/// The keys whose values are text a person writes (a file path or an address is not: a
/// comment after one is a comment).
const TEXT_KEYS: &[&str] = &[
    "explanation",
    "ja",
    "en",
    "note",
    "title",
    "summary",
    "reviewed-by",
    "name",
    "title-en",
    "scope",
    "issuer",
    "number",
    "scheme",
    "partner",
];

/// Whether `c` is written without spaces between words: kana, kanji, full-width signs.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// The end of the block whose lines start at `index`, below a key indented `key_indent`,
/// and whether folding it would put a space between Japanese text on two lines.
fn folded(lines: &[Line], mut index: usize, key_indent: usize) -> (usize, bool) {
    let mut body = Vec::new();
    while let Some(next) = lines.get(index) {
        if !next.content.is_empty() && next.indent <= key_indent {
            break;
        }
        body.push(next.content.trim_end());
        index += 1;
    }
    let joins_cjk = body.windows(2).any(|pair| {
        let (before, after) = (pair[0], pair[1]);
        !before.is_empty()
            && !after.is_empty()
            && (before.chars().next_back().is_some_and(is_cjk)
                || after.chars().next().is_some_and(is_cjk))
    });
    (index, joins_cjk)
}

/// Where YAML reads a person's text otherwise than it looks, each at its line: a ` #`
/// that ends the text as a comment, a text continued on the next lines (YAML joins them
/// with a space), a `>` block that joins Japanese lines with a space, an `&` that YAML
/// takes as an anchor.
pub fn notices(file: &SourceFile) -> Vec<Notice> {
    let lines = lines(&file.text);
    let mut found = Vec::new();
    let mut notice = |line: &Line, column: usize, message: String| {
        found.push(Notice {
            kind: NoticeKind::YamlText,
            message,
            cell: None,
            line: Some(line.number),
            column: Some(column),
        });
    };
    let mut index = 0;
    while index < lines.len() {
        let line = &lines[index];
        index += 1;
        if line.is_blank_or_comment() {
            continue;
        }
        let Some((key, value)) = line.key_value() else {
            continue;
        };
        if !TEXT_KEYS.contains(&key) {
            continue;
        }
        let key_indent = line.indent + line.item().1;
        if line.starts_block() {
            let (end, joins_cjk) = folded(&lines, index, key_indent);
            if joins_cjk && value.trim_start().starts_with('>') {
                let at = line.text.find('>').unwrap_or(0);
                notice(line, line.column(at), t!("typing.folded", key = key));
            }
            index = end;
            continue;
        }
        if value.is_empty() {
            continue;
        }
        let quoted = value.starts_with(['"', '\'']);
        if value.starts_with('&') {
            let at = line.text.find(": &").map_or(0, |at| at + 2);
            notice(line, line.column(at), t!("typing.anchor", key = key));
        }
        // A comment after the text: the text ends before it.
        let content = line.content.trim_end();
        let code = line.code();
        if !quoted && code.len() < content.len() {
            let at = line.text.len() - line.content.len() + code.len();
            let hash = line.text[at..].find('#').map_or(at, |h| at + h);
            let (_, kept) = split_key(line.item().0).unwrap_or_default();
            notice(
                line,
                line.column(hash),
                t!(
                    "typing.comment-in-text",
                    key = key,
                    kept = kept,
                    cut = line.text[hash..].trim()
                ),
            );
        }
        // Lines below, deeper than the key and not keys themselves, continue the text.
        let first = index;
        while let Some(next) = lines.get(index) {
            if next.is_blank_or_comment()
                || next.indent <= key_indent
                || next.key_value().is_some()
                || next.is_item()
            {
                break;
            }
            index += 1;
        }
        if index > first {
            let next = &lines[first];
            notice(
                next,
                next.indent + 1,
                t!(
                    "typing.continued",
                    key = key,
                    line = line.number,
                    count = index - first
                ),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(usize, usize, String)> {
        mistakes(&SourceFile::new("app.yaml", text))
            .into_iter()
            .map(|d| {
                let l = d.location.unwrap();
                (l.line, l.column, d.message)
            })
            .collect()
    }

    #[test]
    fn a_full_width_colon_is_named_at_its_place() {
        let text = "as-of: 2026-04-01\nanswers:\n  sec-staff:\n    status：done\n";
        let found = found(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (4, 11));
    }

    #[test]
    fn a_full_width_space_after_a_colon_or_in_the_indentation_is_named() {
        let found =
            found("answers:\n  sec-staff:\n    status:\u{3000}done\n\u{3000}\u{3000}note: x\n");
        assert_eq!(
            found.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(),
            [(3, 12), (4, 1)]
        );
    }

    #[test]
    fn a_tab_is_named() {
        let found = found("answers:\n\tsec-staff:\n");
        assert_eq!((found[0].0, found[0].1), (2, 1));
    }

    #[test]
    fn a_line_indented_unlike_its_siblings_is_named() {
        let text = "answers:\n  sec-staff:\n    status: done\n   explanation: x\n";
        let found = found(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 4);
        let text = "answers:\n  sec-staff:\n    status: done\n      explanation: x\n";
        assert_eq!(self::found(text)[0].0, 4);
    }

    #[test]
    fn unindented_block_text_is_named() {
        let text = "answers:\n  sec-staff:\n    explanation: |\n    規程を定めています。\n    status: done\n";
        let found = found(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 4);
    }

    /// The lines at which `text` reads otherwise than it looks.
    fn noticed(text: &str) -> Vec<usize> {
        notices(&SourceFile::new("answers.yaml", text))
            .into_iter()
            .filter_map(|n| n.line)
            .collect()
    }

    #[test]
    fn text_that_yaml_reads_otherwise_is_noticed_at_its_line() {
        for (text, lines) in [
            ("explanation: 研修 #2 を実施\n", vec![1]),
            ("explanation: 研修#2 を実施\n", vec![]),
            ("explanation: \"研修 #2 を実施\"\n", vec![]),
            ("status: done  # 確認済み\n", vec![]),
            ("- file: evidence/a.pdf  # 2026年版\n", vec![]),
            ("note: 担当 # 山田\n", vec![1]),
            ("explanation: 次の措置\n  ・多要素認証\n", vec![2]),
            ("explanation: 次の措置\n  # 内部メモ\nnote: x\n", vec![]),
            ("explanation: >\n  次の措置\n  ・多要素認証\n", vec![1]),
            ("explanation: >\n  One line\n  and another.\n", vec![]),
            ("explanation: |\n  次の措置 #1\n  ・多要素認証\n", vec![]),
            ("explanation: &A 全員に研修\n", vec![1]),
            ("\u{a0}explanation: 研修 #2\n", vec![]),
        ] {
            assert_eq!(noticed(text), lines, "{text}");
        }
    }

    #[test]
    fn a_well_typed_file_has_no_mistakes() {
        let text = "# comment\nas-of: 2026-04-01\nfacts:\n  api: true\nanswers:\n  sec-staff:\n    status: done\n    explanation: |\n      一行目\n\n        字下げした行\n    evidence:\n      - file: a.md\n        title: 規程\n      - certificate: {scheme: ISMS}\n  sec-roles: {status: done}\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn a_requirement_id_indented_like_the_fields_above_is_named() {
        let text =
            "answers:\n  sec-staff:\n    status: done\n    sec-safeguards:\n    status: done\n";
        let diagnostic = lost_indentation(&SourceFile::new("app.yaml", text), 5).expect("found");
        assert_eq!(diagnostic.location.unwrap().line, 4);
        assert!(
            diagnostic.message.contains("sec-safeguards"),
            "{}",
            diagnostic.message
        );
    }
}
