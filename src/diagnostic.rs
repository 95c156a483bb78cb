//! Diagnostics: problems in a user's files, shown with file, line, column and a caret.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::i18n::t;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Warning,
    Error,
}

/// A place in a source file: 1-based line, 1-based column counted in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// Number of characters the caret covers (at least one).
    pub width: usize,
}

/// A problem found in an input file, with a stable kebab-case code.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: &'static str,
    pub message: String,
    /// The file as the user named it, with `/` separators.
    pub file: Option<String>,
    pub location: Option<Location>,
    /// The text of the line the location points at.
    pub source_line: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            file: None,
            location: None,
            source_line: None,
            help: None,
        }
    }

    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Points the diagnostic at a place in `text`, the contents of its file.
    pub fn at(mut self, text: &str, location: Location) -> Self {
        self.source_line = text
            .lines()
            .nth(location.line.saturating_sub(1))
            .map(str::to_owned);
        self.location = Some(location);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Renders the diagnostic the way a compiler would: message, `file:line:col`, the line
    /// and a caret under the problem, then the help.
    pub fn render(&self, styled: bool) -> String {
        let title = format!("{} [{}]", self.message, self.code);
        let (error, note, help_name) = (
            t!("diagnostic.error"),
            t!("diagnostic.note"),
            t!("diagnostic.help"),
        );
        let mut group =
            Group::with_title(Level::ERROR.with_name(error.as_str()).primary_title(&title));
        let origin;
        match (&self.file, &self.location, &self.source_line) {
            (Some(file), Some(location), Some(line)) => {
                let span = char_span(line, location.column, location.width);
                group = group.element(
                    Snippet::source(line.as_str())
                        .line_start(location.line)
                        .path(file.as_str())
                        .annotation(AnnotationKind::Primary.span(span)),
                );
            }
            (Some(file), location, _) => {
                origin = match location {
                    Some(l) => t!(
                        "diagnostic.at",
                        file = format!("{file}:{}:{}", l.line, l.column)
                    ),
                    None => t!("diagnostic.at", file = file),
                };
                group = group.element(
                    Level::NOTE
                        .with_name(note.as_str())
                        .message(origin.as_str()),
                );
            }
            _ => {}
        }
        if let Some(help) = &self.help {
            group = group.element(
                Level::HELP
                    .with_name(help_name.as_str())
                    .message(help.as_str()),
            );
        }
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        // What anyone typed is shown, never obeyed by the terminal.
        crate::terminal::visible(&renderer.render(&[group]), styled).into_owned()
    }
}

/// The byte range in `line` of `width` characters starting at 1-based character `column`.
fn char_span(line: &str, column: usize, width: usize) -> std::ops::Range<usize> {
    let byte_at = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(index, _)| index)
    };
    let start = byte_at(column.saturating_sub(1));
    let end = byte_at(column.saturating_sub(1) + width.max(1)).max(start);
    if start == end {
        // An empty span at the end of a line: point just past it.
        start..start
    } else {
        start..end
    }
}

/// The allowed values, quoted, and the nearest one to `given` if it is close enough.
pub fn suggest<'a>(given: &str, allowed: impl IntoIterator<Item = &'a str>) -> String {
    let allowed: Vec<&str> = allowed.into_iter().collect();
    let mut text = String::new();
    if let Some(best) = nearest(given, &allowed) {
        text.push_str(&t!("suggest.did-you-mean", best = best));
        text.push(' ');
    }
    if allowed.len() <= 12 {
        let list: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
        text.push_str(&t!("suggest.allowed", list = list.join(", ")));
    } else {
        text.push_str(&t!("suggest.many", count = allowed.len()));
    }
    text
}

/// Up to `count` of `allowed`, the most like `given` first.
pub fn closest<'a>(given: &str, allowed: &[&'a str], count: usize) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = allowed
        .iter()
        .map(|candidate| (strsim::jaro_winkler(given, candidate), *candidate))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(count).map(|(_, c)| c).collect()
}

/// An id as it was likely meant: full-width letters, digits and signs in half width, any
/// dash or ー as `-`, lower case, without surrounding blanks.
pub fn plain_id(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | 'ー' => '-',
            _ => crate::width::half_width(c).unwrap_or(c),
        })
        .collect::<String>()
        .trim()
        .to_lowercase()
}

/// The allowed value most like `given`, if one is similar enough to be a likely typo.
pub fn nearest<'a>(given: &str, allowed: &[&'a str]) -> Option<&'a str> {
    nearest_within(given, allowed, 0.8)
}

/// The allowed value most like `given`, if its likeness (0 to 1) reaches `threshold`; short
/// Japanese words need a looser one than English.
pub fn nearest_within<'a>(given: &str, allowed: &[&'a str], threshold: f64) -> Option<&'a str> {
    allowed
        .iter()
        .map(|candidate| (strsim::jaro_winkler(given, candidate), *candidate))
        .filter(|(score, _)| *score >= threshold)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_a_typo() {
        assert_eq!(
            nearest("pi-erasre", &["pi-erasure", "pi-purpose"]),
            Some("pi-erasure")
        );
    }

    #[test]
    fn nearest_ignores_unrelated_words() {
        assert_eq!(nearest("banana", &["done", "partial"]), None);
    }

    #[test]
    fn caret_spans_count_characters_not_bytes() {
        let line = "  name: 山田花子";
        assert_eq!(&line[char_span(line, 9, 2)], "山田");
    }
}
