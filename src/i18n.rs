//! The words the command line speaks, in Japanese and English: one catalogue per language
//! (`i18n/ja.rs`, `i18n/en.rs`), keyed by message, with `{name}` placeholders. Codes
//! (`evidence-expired`) and field names stay the same in both.
//!
//! The language is chosen once per run: `--lang`, else `CHECKSHEET_LANG`, else
//! `LC_ALL`/`LC_MESSAGES`/`LANG` when they name a language (`C` and `POSIX` do not), else
//! the assessment's first `languages` entry, else English.

mod en;
mod ja;

use std::collections::BTreeMap;
use std::fmt::Display;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use crate::model::Language;

/// How the language was chosen: nothing yet, by the assessment, or by the user.
const UNSET: u8 = 0;
const BY_ASSESSMENT: u8 = 1;
const BY_USER: u8 = 2;

static LANGUAGE: AtomicU8 = AtomicU8::new(0);
static SOURCE: AtomicU8 = AtomicU8::new(UNSET);

fn code(language: Language) -> u8 {
    match language {
        Language::En => 0,
        Language::Ja => 1,
    }
}

/// The language messages are written in.
pub fn language() -> Language {
    if LANGUAGE.load(Ordering::Relaxed) == 1 {
        Language::Ja
    } else {
        Language::En
    }
}

/// Chooses the language from the option, the environment (through `var`), or nothing.
pub fn choose(option: Option<Language>, var: impl Fn(&str) -> Option<String>) -> Option<Language> {
    if option.is_some() {
        return option;
    }
    if let Some(value) = var("CHECKSHEET_LANG").filter(|v| !v.is_empty()) {
        return named(&value);
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .and_then(|value| named(&value))
}

/// The language a locale or language name names: `ja_JP.UTF-8` is Japanese, `C` and
/// `POSIX` name none, any other language is English (the only other one spoken).
fn named(value: &str) -> Option<Language> {
    let value = value.trim();
    if value.eq_ignore_ascii_case("c")
        || value.eq_ignore_ascii_case("posix")
        || value.starts_with("C.")
    {
        None
    } else if value.to_ascii_lowercase().starts_with("ja") {
        Some(Language::Ja)
    } else {
        Some(Language::En)
    }
}

/// Sets the language the user chose, for the whole run.
pub fn set(language: Language) {
    LANGUAGE.store(code(language), Ordering::Relaxed);
    SOURCE.store(BY_USER, Ordering::Relaxed);
}

/// Sets the assessment's first language, unless the user chose one.
pub fn set_default(language: Language) {
    if SOURCE.load(Ordering::Relaxed) != BY_USER {
        LANGUAGE.store(code(language), Ordering::Relaxed);
        SOURCE.store(BY_ASSESSMENT, Ordering::Relaxed);
    }
}

type Catalogue = BTreeMap<&'static str, &'static str>;

static CATALOGUES: LazyLock<[Catalogue; 2]> = LazyLock::new(|| {
    [
        en::MESSAGES.iter().copied().collect(),
        ja::MESSAGES.iter().copied().collect(),
    ]
});

/// The message `key` in `language`, its `{name}` placeholders filled from `args`.
pub fn text_in(language: Language, key: &str, args: &[(&str, &dyn Display)]) -> String {
    let catalogue = &CATALOGUES[usize::from(code(language))];
    let Some(template) = catalogue.get(key) else {
        // A missing key is a bug the catalogue test catches; show the key, never panic.
        return key.to_owned();
    };
    let mut text = String::with_capacity(template.len());
    let mut rest = *template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && close > 0 =>
            {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => text.push_str(&value.to_string()),
                    None => text.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

/// The message `key` in the run's language.
pub fn text(key: &str, args: &[(&str, &dyn Display)]) -> String {
    text_in(language(), key, args)
}

/// `t!("key", name = value, …)`: the message `key` in the run's language.
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($key, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}
pub(crate) use t;

/// A span as people say it, in the current language: `1 year`, `90 days` (`1年`, `90日`).
pub fn span(span: jiff::Span) -> String {
    let parts: Vec<String> = [
        (i64::from(span.get_years()), "span.year", "span.years"),
        (i64::from(span.get_months()), "span.month", "span.months"),
        (i64::from(span.get_weeks()), "span.week", "span.weeks"),
        (span.get_days().into(), "span.day", "span.days"),
    ]
    .into_iter()
    .filter(|(count, _, _)| *count != 0)
    .map(|(count, one, many)| text(if count == 1 { one } else { many }, &[("count", &count)]))
    .collect();
    if parts.is_empty() {
        format!("{span:#}")
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> std::collections::BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
            .collect()
    }

    #[test]
    fn every_key_exists_in_both_languages_with_the_same_placeholders() {
        let en: Catalogue = en::MESSAGES.iter().copied().collect();
        let ja: Catalogue = ja::MESSAGES.iter().copied().collect();
        assert_eq!(en.len(), en::MESSAGES.len(), "a key is listed twice in en");
        assert_eq!(ja.len(), ja::MESSAGES.len(), "a key is listed twice in ja");
        let only_en: Vec<&&str> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
        let only_ja: Vec<&&str> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "only in English: {only_en:?}");
        assert!(only_ja.is_empty(), "only in Japanese: {only_ja:?}");
        for (key, english) in &en {
            let japanese = ja[key];
            assert!(
                !english.trim().is_empty() && !japanese.trim().is_empty(),
                "{key} is empty"
            );
            assert_eq!(
                placeholders(english),
                placeholders(japanese),
                "{key} has other placeholders in Japanese"
            );
        }
    }

    /// Every `t!("key"` in the sources names a key of the catalogues.
    #[test]
    fn every_key_used_is_in_the_catalogue() {
        let en: Catalogue = en::MESSAGES.iter().copied().collect();
        let mut pending = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        let mut missing = Vec::new();
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let pattern = "t!(\"";
                for (at, _) in text.match_indices(pattern) {
                    // `format!("` ends the same way.
                    if text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                    {
                        continue;
                    }
                    let key = text[at + pattern.len()..].split('"').next().unwrap();
                    if key != "key" && !en.contains_key(key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys not in the catalogue: {missing:#?}"
        );
    }

    #[test]
    fn placeholders_are_filled_and_braces_kept() {
        let text = super::text_in(Language::En, "test.sample", &[("name", &"x")]);
        assert_eq!(text, "x {not a placeholder} {missing}");
    }

    #[test]
    fn the_language_comes_from_the_option_then_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            choose(Some(Language::En), env(&[("LANG", "ja_JP.UTF-8")])),
            Some(Language::En)
        );
        assert_eq!(
            choose(
                None,
                env(&[("CHECKSHEET_LANG", "ja"), ("LANG", "en_US.UTF-8")])
            ),
            Some(Language::Ja)
        );
        assert_eq!(
            choose(
                None,
                env(&[("LC_ALL", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")])
            ),
            Some(Language::Ja)
        );
        assert_eq!(
            choose(
                None,
                env(&[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "ja_JP.UTF-8")])
            ),
            Some(Language::En)
        );
        assert_eq!(choose(None, env(&[("LANG", "C")])), None);
        assert_eq!(choose(None, env(&[("LANG", "POSIX")])), None);
        assert_eq!(choose(None, env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(choose(None, env(&[])), None);
    }
}
