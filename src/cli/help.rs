//! The command line's help in the run's language: every command's and option's text comes
//! from the catalogue, keyed `cli.<command>[.<subcommand>].<option>`.

use std::ffi::OsString;

use clap::{CommandFactory, ValueEnum};

use super::Cli;
use crate::i18n::{self, Language};

/// `--lang`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Lang {
    Ja,
    En,
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Language {
        match lang {
            Lang::Ja => Language::Ja,
            Lang::En => Language::En,
        }
    }
}

/// The language given with `--lang`, read before the rest so that even the help and the
/// errors of parsing speak it.
pub fn lang_option(args: &[OsString]) -> Option<Language> {
    let mut args = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => continue,
        };
        if let Some(lang) = value.and_then(|v| Lang::from_str(v, true).ok()) {
            return Some(lang.into());
        }
    }
    None
}

/// The key of a command's or an option's help text.
fn key(path: &str, id: &str) -> String {
    format!("{path}.{id}")
}

/// The command line with every help text in the run's language.
pub fn command() -> clap::Command {
    let mut command = Cli::command().about(i18n::text("cli.about", &[]));
    for id in ["directory", "color", "lang"] {
        let help = i18n::text(&key("cli", id), &[]);
        command = command.mut_arg(id, |arg| arg.help(help));
    }
    localized(command, "cli")
}

/// `command`'s subcommands and their options, with the texts under `path`.
fn localized(mut command: clap::Command, path: &str) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let path = key(path, &name);
        command = command.mut_subcommand(&name, |mut sub| {
            sub = sub.about(i18n::text(&path, &[]));
            let ids: Vec<String> = sub
                .get_arguments()
                .filter(|arg| !arg.is_global_set())
                .map(|arg| arg.get_id().to_string())
                .collect();
            for id in ids {
                let help = i18n::text(&key(&path, &id), &[]);
                sub = sub.mut_arg(&id, |arg| arg.help(help));
            }
            localized(sub, &path)
        });
    }
    command
}

/// Every help key the command line needs: the top, the global options, and each command
/// and option.
#[cfg(test)]
fn keys(command: &clap::Command, path: &str, found: &mut Vec<String>) {
    for sub in command.get_subcommands() {
        let path = key(path, sub.get_name());
        found.push(path.clone());
        for arg in sub.get_arguments().filter(|a| !a.is_global_set()) {
            found.push(key(&path, arg.get_id().as_str()));
        }
        keys(sub, &path, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        let mut needed = vec![
            "cli.about".to_owned(),
            "cli.directory".to_owned(),
            "cli.color".to_owned(),
            "cli.lang".to_owned(),
        ];
        keys(&Cli::command(), "cli", &mut needed);
        for key in needed {
            for language in [Language::Ja, Language::En] {
                assert_ne!(
                    i18n::text_in(language, &key, &[]),
                    key,
                    "no {language:?} help for `{key}`"
                );
            }
        }
    }

    #[test]
    fn the_language_option_is_read_in_either_spelling() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_option(&args(&["checksheet", "--lang", "ja", "check"])),
            Some(Language::Ja)
        );
        assert_eq!(
            lang_option(&args(&["checksheet", "check", "--lang=en"])),
            Some(Language::En)
        );
        assert_eq!(lang_option(&args(&["checksheet", "check"])), None);
    }
}
