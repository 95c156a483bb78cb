//! YAML in and out: the only place that calls `serde_yaml`.
//!
//! A document is parsed to a tree, then deserialized. When deserializing fails, the problem
//! is reported at its line and column, the offending part is set aside and deserializing is
//! tried again, so that one run reports every problem in the file.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_yaml::Value;

use super::spans::{Spans, Step, YamlPath};
use crate::diagnostic::{Diagnostic, Location, suggest};
use crate::i18n::t;
use crate::model::Status;

/// Keys whose values are dates.
const DATE_KEYS: &[&str] = &[
    "as-of",
    "target",
    "valid-from",
    "valid-until",
    "date",
    "issued",
    "checked",
];

/// A file's name as shown to the user, its text and where each node stands.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Where each node stands, found when first asked (most files never have a problem
    /// to point at) and let go of by [`SourceFile::forget_positions`].
    pub(super) spans: std::cell::RefCell<Option<std::rc::Rc<Spans>>>,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
    /// For a workbook: the cell of each node, as `チェックシート!F12`.
    pub cells: Option<BTreeMap<YamlPath, String>>,
    /// What was read, but perhaps not as meant: reported as warnings.
    pub notices: Vec<super::Notice>,
}

/// Which part of a mapping entry a diagnostic points at.
#[derive(Clone, Copy, Debug)]
pub enum Part {
    Key,
    Value,
}

impl SourceFile {
    /// Lets go of the positions found so far, to be found again if asked: for a file whose
    /// evaluation is done, whose messages already say where they point.
    pub fn forget_positions(&self) {
        self.spans.replace(None);
    }

    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        SourceFile {
            name: name.into(),
            sha256: crate::digest::sha256(text.as_bytes()),
            text,
            spans: std::cell::RefCell::new(None),
            cells: None,
            notices: Vec::new(),
        }
    }

    /// A workbook, its nodes found at `cells`.
    pub fn workbook(
        name: impl Into<String>,
        bytes: &[u8],
        cells: BTreeMap<YamlPath, String>,
    ) -> Self {
        SourceFile {
            name: name.into(),
            sha256: crate::digest::sha256(bytes),
            text: String::new(),
            spans: std::cell::RefCell::new(None),
            cells: Some(cells),
            notices: Vec::new(),
        }
    }

    /// For a workbook, the cell of the node at `path` (or of its nearest ancestor that has
    /// one).
    pub fn cell(&self, path: &[Step]) -> Option<&str> {
        let cells = self.cells.as_ref()?;
        (0..=path.len())
            .rev()
            .find_map(|len| cells.get(&path[..len]))
            .map(String::as_str)
    }

    /// A diagnostic pointing at the node at `path` (or its nearest existing ancestor).
    pub fn diagnostic(
        &self,
        code: &'static str,
        message: impl Into<String>,
        path: &[Step],
        part: Part,
    ) -> Diagnostic {
        if let Some(cell) = self.cell(path) {
            return Diagnostic::new(code, message).in_file(format!("{}:{cell}", self.name));
        }
        let diagnostic = Diagnostic::new(code, message).in_file(&self.name);
        match self.locate(path, part) {
            Some(location) => diagnostic.at(&self.text, location),
            None => diagnostic,
        }
    }

    /// Where the node at `path` (or its nearest existing ancestor) stands.
    pub fn locate(&self, path: &[Step], part: Part) -> Option<Location> {
        let spans = std::rc::Rc::clone(
            self.spans
                .borrow_mut()
                .get_or_insert_with(|| std::rc::Rc::new(Spans::index(&self.text))),
        );
        let exact = spans.get(path).is_some();
        let span = spans.find(path)?;
        let (pos, width) = match (part, span.key) {
            (Part::Key, Some(key)) => key,
            // A missing node is shown at its parent's key.
            (Part::Value, Some(key)) if !exact => key,
            _ => (span.value, span.value_width),
        };
        Some(Location {
            line: pos.line,
            column: pos.column,
            width,
        })
    }
}

/// What a file is expected to hold, to explain problems with it.
pub struct Expect<'a> {
    /// What the file is, e.g. "an answers file".
    pub what: &'a str,
    /// Top-level mappings whose entries can be set aside one by one when broken,
    /// e.g. `answers`, so that problems in later entries are reported too.
    pub entries: &'a [&'a str],
}

/// Parses and deserializes `file`. Returns the value (possibly with broken entries left out)
/// and every problem found.
pub fn parse<T: DeserializeOwned>(
    file: &SourceFile,
    expect: &Expect,
) -> (Option<T>, Vec<Diagnostic>) {
    let mut value: Value = match serde_yaml::from_str(&file.text) {
        Ok(value) => value,
        Err(error) => {
            // The typing mistakes behind a syntax error, where they are; else the
            // parser's own words.
            let mistakes = super::typing::mistakes(file);
            let error = syntax_error(file, &error);
            if !mistakes.is_empty() {
                return (None, mistakes);
            }
            let lost = (error.code == "duplicate-key")
                .then(|| super::typing::lost_indentation(file, error.location.as_ref()?.line))
                .flatten();
            return (None, vec![lost.unwrap_or(error)]);
        }
    };
    if value.is_null() {
        let diagnostic = Diagnostic::new("empty-file", t!("yaml.empty", file = file.name))
            .in_file(&file.name)
            .help(t!("yaml.empty-help", what = expect.what));
        return (None, vec![diagnostic]);
    }
    if !value.is_mapping() {
        let diagnostic = file
            .diagnostic(
                "not-a-mapping",
                t!("yaml.not-a-mapping", file = file.name),
                &[],
                Part::Value,
            )
            .help(t!("yaml.should-be", what = expect.what));
        return (None, vec![diagnostic]);
    }
    let mut diagnostics = Vec::new();
    let mut removed: Vec<YamlPath> = Vec::new();
    // Each round either succeeds, stops, or removes one node, so this ends.
    loop {
        match serde_path_to_error::deserialize::<_, T>(value.clone()) {
            Ok(parsed) => return (Some(parsed), with_typing(file, diagnostics)),
            Err(error) => {
                let path = convert(error.path());
                let message = error.into_inner().to_string();
                // A key we set aside ourselves is reported already: set its parent aside.
                let own_removal = ticked(&message, "missing field ").is_some_and(|key| {
                    let mut missing = path.clone();
                    missing.push(Step::Key(key.to_owned()));
                    removed.contains(&missing)
                });
                let remove = if own_removal {
                    set_aside(&path, expect)
                } else {
                    let (diagnostic, remove) = explain(file, path, &message, expect);
                    diagnostics.push(diagnostic);
                    remove
                };
                match remove {
                    Some(path) if remove_node(&mut value, &path) => removed.push(path),
                    _ => return (None, with_typing(file, diagnostics)),
                }
            }
        }
    }
}

/// `problems`, a typing mistake on the same line standing in for the problem it caused
/// (a full-width colon makes a key a text, for instance).
fn with_typing(file: &SourceFile, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if problems.is_empty() {
        return problems;
    }
    let line = |d: &Diagnostic| d.location.as_ref().map(|l| l.line);
    // Only the mistakes behind a problem: the rest of the file parsed as meant.
    let (behind, _): (Vec<Diagnostic>, Vec<Diagnostic>) = super::typing::mistakes(file)
        .into_iter()
        .partition(|m| problems.iter().any(|p| line(p) == line(m)));
    let mut merged: Vec<Diagnostic> = problems
        .into_iter()
        .filter(|p| !behind.iter().any(|m| line(m) == line(p)))
        .collect();
    merged.extend(behind);
    merged
}

/// The node to set aside after a problem at `path`, so that deserializing can go on: the
/// whole entry (such as `answers.pi-erasure`) when the problem is inside a list in it,
/// otherwise the nearest mapping key. `None` at the root.
fn set_aside(path: &[Step], expect: &Expect) -> Option<YamlPath> {
    if let Some(entry) = entry_of(path, expect)
        && path[entry.len()..]
            .iter()
            .any(|s| matches!(s, Step::Index(_)))
    {
        return Some(entry);
    }
    let end = path.iter().rposition(|s| matches!(s, Step::Key(_)))?;
    Some(path[..=end].to_vec())
}

/// Serializes `value` as YAML.
pub fn to_string<T: Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).expect("model types serialize to YAML")
}

/// `text` as a YAML scalar, quoted where needed.
pub fn scalar(text: &str) -> String {
    to_string(&text).trim_end().to_owned()
}

/// A `serde_yaml` path such as `answers.cert` or `services[1].id` as steps.
fn parse_path(text: &str) -> YamlPath {
    let mut path = Vec::new();
    for part in text.split('.') {
        let (key, indices) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            path.push(Step::Key(key.to_owned()));
        }
        for index in indices.split('[') {
            if let Ok(index) = index.trim_end_matches(']').parse() {
                path.push(Step::Index(index));
            }
        }
    }
    path
}

/// Whether YAML allows `c` in a file (its printable characters: tab, line breaks, and
/// everything but the other control characters, surrogates and U+FFFE/U+FFFF).
fn is_yaml_printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{85}')
        || !(c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}'))
}

fn syntax_error(file: &SourceFile, error: &serde_yaml::Error) -> Diagnostic {
    let text = error.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text);
    let duplicate = message
        .split_once(": duplicate entry with key ")
        .or_else(|| Some(("", message.strip_prefix("duplicate entry with key ")?)));
    if let Some((parent, key)) = duplicate {
        let key = key.trim_matches('"');
        let mut path = parse_path(parent);
        path.push(Step::Key(key.to_owned()));
        let place = if parent.is_empty() {
            format!("`{}`", file.name)
        } else {
            format!("`{parent}`")
        };
        // The index keeps the last of the repeated keys: the one to remove or merge.
        return file
            .diagnostic(
                "duplicate-key",
                t!("yaml.duplicate-key", place = place, key = key),
                &path,
                Part::Key,
            )
            .help(t!("yaml.duplicate-key-help"));
    }
    // The parser names a character YAML does not allow by its byte offset alone: say which
    // it is, on its line.
    if let Some((index, c)) = file
        .text
        .char_indices()
        .find(|(_, c)| !is_yaml_printable(*c))
    {
        let line = file.text[..index].matches('\n').count() + 1;
        let start = file.text[..index].rfind('\n').map_or(0, |at| at + 1);
        let shown = crate::terminal::visible(c.encode_utf8(&mut [0; 4]), false).into_owned();
        return Diagnostic::new(
            "yaml-control-character",
            t!(
                "yaml.control-character",
                character = shown,
                code = format!("U+{:04X}", u32::from(c))
            ),
        )
        .in_file(&file.name)
        .at(
            &file.text,
            Location {
                line,
                column: file.text[start..index].chars().count() + 1,
                width: 1,
            },
        )
        .help(t!("yaml.control-character-help"));
    }
    let diagnostic = Diagnostic::new("yaml-syntax", t!("yaml.syntax", message = message))
        .in_file(&file.name)
        .help(t!("yaml.syntax-help"));
    match error.location() {
        Some(location) => diagnostic.at(
            &file.text,
            Location {
                line: location.line(),
                column: location.column(),
                width: 1,
            },
        ),
        None => diagnostic,
    }
}

fn convert(path: &serde_path_to_error::Path) -> YamlPath {
    path.iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            _ => None,
        })
        .collect()
}

/// `answers.pi-erasure.status`, `services[1].id`.
pub fn display_path(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Index(index) => {
                let _ = write!(text, "[{index}]");
            }
        }
    }
    text
}

/// Between the first two backticks after `prefix`.
fn ticked<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(prefix)?;
    let rest = rest.strip_prefix('`')?;
    rest.split('`').next()
}

/// Every `quoted` name after `expected` in a serde message.
fn expected_names(message: &str) -> Vec<&str> {
    message
        .split_once("expected")
        .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default()
}

/// Turns a deserializer message into a diagnostic, and says which node to set aside to
/// continue.
fn explain(
    file: &SourceFile,
    path: YamlPath,
    message: &str,
    expect: &Expect,
) -> (Diagnostic, Option<YamlPath>) {
    let entry = set_aside(&path, expect);
    if let Some(key) = ticked(message, "unknown field ") {
        return unknown_key(file, path, key, message);
    }
    let shown = display_path(&path);
    if let Some(variant) = ticked(message, "unknown variant ") {
        let diagnostic = file
            .diagnostic(
                "unknown-value",
                t!("yaml.unknown-value", path = shown, value = variant),
                &path,
                Part::Value,
            )
            .help(match Status::from_label_ja(variant) {
                Some(status) => t!("yaml.status-word", word = status.as_str(), value = variant),
                None => suggest(variant, expected_names(message)),
            });
        return (diagnostic, entry);
    }
    if let Some(key) = ticked(message, "missing field ") {
        let place = if shown.is_empty() {
            format!("`{}`", file.name)
        } else {
            format!("`{shown}`")
        };
        let diagnostic = file
            .diagnostic(
                "missing-key",
                t!("yaml.missing-key", place = place, key = key),
                &path,
                Part::Key,
            )
            .help(t!("yaml.missing-key-help", key = key));
        return (diagnostic, entry);
    }
    if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        return (wrong_type(file, &path, &shown, rest), entry);
    }
    if let Some(Step::Key(key)) = path.last()
        && DATE_KEYS.contains(&key.as_str())
    {
        let diagnostic = file
            .diagnostic(
                "invalid-date",
                t!("yaml.invalid-date", path = shown),
                &path,
                Part::Value,
            )
            .help(t!("yaml.invalid-date-help", key = key));
        return (diagnostic, entry);
    }
    let diagnostic = file.diagnostic(
        "invalid-value",
        t!("yaml.invalid-value", path = shown, message = message),
        &path,
        Part::Value,
    );
    (diagnostic, entry)
}

/// A value of the wrong type (`rest` is serde's `found, expected …`), with the word to
/// write for a yes or no.
fn wrong_type(file: &SourceFile, path: &[Step], shown: &str, rest: &str) -> Diagnostic {
    let (found, expected) = rest
        .split_once(", expected ")
        .unwrap_or((rest, "another value"));
    let boolean = expected == "a boolean";
    let word = found.strip_prefix("string ").map(|w| w.trim_matches('"'));
    let found = match (
        found,
        found.strip_prefix("string "),
        found.strip_prefix("integer "),
    ) {
        ("unit value", _, _) => t!("yaml.found-nothing"),
        ("map", _, _) => t!("yaml.found-mapping"),
        ("sequence", _, _) => t!("yaml.found-list"),
        (_, Some(text), _) => t!("yaml.found-text", text = text),
        (_, _, Some(number)) => t!("yaml.found-number", number = number),
        (other, _, _) => other.to_owned(),
    };
    let message = match expected {
        "a boolean" => t!("yaml.wrong-type-boolean", path = shown, found = found),
        "a sequence" => t!("yaml.wrong-type-list", path = shown, found = found),
        "a string" => t!("yaml.wrong-type-text", path = shown, found = found),
        other if other.starts_with("struct ") || other == "a map" => {
            t!("yaml.wrong-type-mapping", path = shown, found = found)
        }
        other => t!(
            "yaml.wrong-type",
            path = shown,
            expected = other,
            found = found
        ),
    };
    let diagnostic = file.diagnostic("wrong-type", message, path, Part::Value);
    // Yes and no as an officer types them.
    match word
        .filter(|_| boolean)
        .and_then(|w| Some((w, yes_or_no(w)?)))
    {
        Some((word, value)) => diagnostic.help(t!("yaml.boolean-word", value = value, word = word)),
        None => diagnostic,
    }
}

/// An unknown key: shown at the key, with the nearest allowed one; set aside to go on.
fn unknown_key(
    file: &SourceFile,
    mut path: YamlPath,
    key: &str,
    message: &str,
) -> (Diagnostic, Option<YamlPath>) {
    if path.last() != Some(&Step::Key(key.to_owned())) {
        path.push(Step::Key(key.to_owned()));
    }
    let parent = display_path(&path[..path.len() - 1]);
    let text = if parent.is_empty() {
        t!("yaml.unknown-key-top", key = key)
    } else {
        t!("yaml.unknown-key-in", key = key, parent = parent)
    };
    let diagnostic = file
        .diagnostic("unknown-key", text, &path, Part::Key)
        .help(suggest(key, expected_names(message)));
    (diagnostic, Some(path))
}

/// `true` or `false` for a yes or no as an officer may type it.
fn yes_or_no(word: &str) -> Option<&'static str> {
    match word.trim().to_lowercase().as_str() {
        "はい" | "有" | "あり" | "有り" | "yes" | "y" | "○" | "〇" => Some("true"),
        "いいえ" | "無" | "なし" | "無し" | "no" | "n" | "×" => Some("false"),
        _ => None,
    }
}

/// The path of the entry (such as `answers.pi-erasure`) that contains `path`, when that
/// entry may be set aside.
fn entry_of(path: &[Step], expect: &Expect) -> Option<YamlPath> {
    match path {
        [Step::Key(top), entry, ..] if expect.entries.contains(&top.as_str()) => {
            Some(vec![Step::Key(top.clone()), entry.clone()])
        }
        _ => None,
    }
}

/// Removes the mapping entry at `path`; false when there is none.
fn remove_node(value: &mut Value, path: &[Step]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut node = value;
    for step in parents {
        node = match (step, node) {
            (Step::Key(key), Value::Mapping(map)) => match map.get_mut(key.as_str()) {
                Some(child) => child,
                None => return false,
            },
            (Step::Index(index), Value::Sequence(items)) => match items.get_mut(*index) {
                Some(child) => child,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (Step::Key(key), Value::Mapping(map)) => map.shift_remove(key.as_str()).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnswersFile, Assessment};

    const ANSWERS: Expect = Expect {
        what: "a service's answers",
        entries: &["answers", "facts"],
    };

    /// The problems found in an answers file, as `(code, line, message, help)`.
    fn problems(text: &str) -> Vec<(&'static str, Option<usize>, String, Option<String>)> {
        let file = SourceFile::new("app.yaml", text);
        let (_, found) = parse::<AnswersFile>(&file, &ANSWERS);
        found
            .into_iter()
            .map(|d| (d.code, d.location.map(|l| l.line), d.message, d.help))
            .collect()
    }

    #[test]
    fn an_unknown_key_suggests_the_nearest() {
        let found = problems("as-of: 2026-04-01\nanswers:\n  sec-staff:\n    stauts: done\n");
        assert_eq!(found.len(), 1);
        let (code, line, message, help) = &found[0];
        assert_eq!(*code, "unknown-key");
        assert_eq!(*line, Some(4));
        assert!(message.contains("`stauts`"), "{message}");
        assert!(
            help.as_deref().unwrap().contains("did you mean `status`"),
            "{help:?}"
        );
    }

    #[test]
    fn a_japanese_status_label_gets_the_word_to_write() {
        let found = problems("as-of: 2026-04-01\nanswers:\n  sec-staff:\n    status: 対応済\n");
        let (code, _, _, help) = &found[0];
        assert_eq!(*code, "unknown-value");
        assert_eq!(help.as_deref(), Some("write `done` for 対応済"));
    }

    #[test]
    fn an_unknown_status_lists_the_allowed_ones() {
        let found = problems("as-of: 2026-04-01\nanswers:\n  sec-staff:\n    status: don\n");
        let help = found[0].3.as_deref().unwrap();
        assert!(help.starts_with("did you mean `done`?"), "{help}");
        assert!(help.contains("`planned`"), "{help}");
    }

    #[test]
    fn a_missing_key_is_named() {
        let found = problems("answers: {}\n");
        let (code, _, message, help) = &found[0];
        assert_eq!(*code, "missing-key");
        assert!(message.contains("needs the key `as-of`"), "{message}");
        assert_eq!(help.as_deref(), Some("add a line `as-of: ...`"));
    }

    #[test]
    fn a_fact_that_is_not_a_boolean_says_true_or_false() {
        let found = problems("as-of: 2026-04-01\nfacts:\n  api: yes please\n");
        let (code, line, message, _) = &found[0];
        assert_eq!(*code, "wrong-type");
        assert_eq!(*line, Some(3));
        assert!(message.contains("`true` or `false`"), "{message}");
        assert!(message.contains("the text"), "{message}");
    }

    #[test]
    fn an_impossible_date_is_explained() {
        let found = problems("as-of: 2026-02-30\n");
        let (code, line, _, help) = &found[0];
        assert_eq!(*code, "invalid-date");
        assert_eq!(*line, Some(1));
        assert!(help.as_deref().unwrap().contains("YYYY-MM-DD"), "{help:?}");
    }

    #[test]
    fn every_broken_entry_is_reported_and_the_rest_kept() {
        let text = "as-of: 2026-04-01\nanswers:\n  a:\n    status: don\n  b:\n    stauts: done\n  c:\n    status: done\n";
        let file = SourceFile::new("app.yaml", text);
        let (answers, found) = parse::<AnswersFile>(&file, &ANSWERS);
        let codes: Vec<&str> = found.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unknown-value", "unknown-key"]);
        let answers = answers.expect("the rest is kept");
        assert!(answers.answers.contains_key("c"));
    }

    #[test]
    fn a_duplicate_key_points_at_the_second() {
        let found = problems("as-of: 2026-04-01\nas-of: 2026-05-01\n");
        let (code, line, message, _) = &found[0];
        assert_eq!(*code, "duplicate-key");
        assert_eq!(*line, Some(2));
        assert!(message.contains("`as-of` more than once"), "{message}");
    }

    #[test]
    fn a_syntax_error_has_a_line_and_advice() {
        let found = problems("as-of: 2026-04-01\nanswers:\n  a: [done\n");
        let (code, line, message, help) = &found[0];
        assert_eq!(*code, "yaml-syntax");
        assert!(line.is_some());
        assert!(message.starts_with("this is not valid YAML"), "{message}");
        assert!(help.as_deref().unwrap().contains("spaces"), "{help:?}");
    }

    #[test]
    fn an_empty_file_and_a_file_that_is_not_a_mapping_say_what_is_expected() {
        assert_eq!(problems("# nothing yet\n")[0].0, "empty-file");
        let (code, _, _, help) = &problems("- done\n")[0];
        assert_eq!(*code, "not-a-mapping");
        assert!(
            help.as_deref().unwrap().contains("a service's answers"),
            "{help:?}"
        );
    }

    #[test]
    fn a_list_where_a_mapping_belongs_is_a_wrong_type() {
        let file = SourceFile::new(
            "checksheet.yaml",
            "organization: [a]\nchecklist: x\nservices: []\n",
        );
        let (_, found) = parse::<Assessment>(
            &file,
            &Expect {
                what: "settings",
                entries: &[],
            },
        );
        assert_eq!(found[0].code, "wrong-type");
        assert!(
            found[0].message.contains("a mapping of `key: value` lines"),
            "{}",
            found[0].message
        );
    }
}
