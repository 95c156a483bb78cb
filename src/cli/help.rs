//! The command line's help in the run's language: every command's and option's text comes
//! from the catalogue, keyed `cli.<command>[.<subcommand>].<option>`. In Japanese, clap's own
//! words are Japanese too: the headings, the usage line, the values' names, `--help`,
//! `--version` and the `help` command (keys `help.*`).

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::{Arg, ArgAction, CommandFactory, ValueEnum};

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
    let command = localized(command, "cli");
    match i18n::language() {
        Language::En => command,
        Language::Ja => japanese(command),
    }
}

/// `command` with clap's own words in Japanese. It is built first, so that the options and
/// the command clap adds (`-h`, `-V`, `help`) are there to be given Japanese words.
fn japanese(mut command: clap::Command) -> clap::Command {
    command.build();
    speak_japanese(command)
}

/// `command`, its options and its subcommands with clap's words in Japanese.
fn speak_japanese(command: clap::Command) -> clap::Command {
    let heading = *command.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{heading}{}:{heading:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        i18n::text("help.usage", &[])
    );
    let mut command = command
        .help_template(template)
        .subcommand_help_heading(i18n::text("help.commands", &[]))
        .subcommand_value_name(i18n::text("help.value.command", &[]))
        .mut_args(japanese_arg);
    let usage = usage(&mut command);
    command.override_usage(usage).mut_subcommands(|sub| {
        // The `help` command clap adds (at every level of its tree).
        let sub = if sub.get_name() == "help" {
            sub.about(i18n::text("help.help-command", &[]))
        } else {
            sub
        };
        speak_japanese(sub)
    })
}

/// The usage line of the built `command` without its heading, `[OPTIONS]` in Japanese.
fn usage(command: &mut clap::Command) -> StyledStr {
    let titled = command.render_usage().ansi().to_string();
    // The heading, `Usage:` in its style, ends at the first space.
    let usage = titled
        .split_once(' ')
        .map_or(titled.as_str(), |(_, usage)| usage);
    StyledStr::from(usage.replace(
        "[OPTIONS]",
        &format!("[{}]", i18n::text("help.options", &[])),
    ))
}

/// An option or argument with clap's words in Japanese: its heading, its values' names,
/// its default and possible values, and the help of `-h` and `-V`.
fn japanese_arg(arg: Arg) -> Arg {
    let mut arg = match arg.get_action() {
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => arg
            .help(i18n::text("help.help", &[]))
            .long_help(None::<&str>),
        ArgAction::Version => arg.help(i18n::text("help.version", &[])),
        _ => arg,
    };
    let mut notes = Vec::new();
    if arg.get_action().takes_values() {
        if let Some(names) = arg.get_value_names() {
            let names: Vec<String> = names.iter().map(|name| value_name(name)).collect();
            arg = arg.value_names(names);
        }
        if !arg.is_hide_default_value_set() && !arg.get_default_values().is_empty() {
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|value| value.to_string_lossy().into_owned())
                .collect();
            notes.push(i18n::text(
                "help.default",
                &[("value", &defaults.join(" "))],
            ));
            arg = arg.hide_default_value(true);
        }
        let values = possible_values(&arg);
        if !arg.is_hide_possible_values_set() && !values.is_empty() {
            notes.push(i18n::text(
                "help.possible-values",
                &[("values", &values.join(", "))],
            ));
            arg = arg.hide_possible_values(true);
        }
    }
    if !notes.is_empty() {
        let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        for note in notes {
            if !help.is_empty() {
                help.push(' ');
            }
            help.push_str(&note);
        }
        arg = arg.help(help);
    }
    let heading = if arg.is_positional() {
        "help.arguments"
    } else {
        "help.options"
    };
    arg.help_heading(i18n::text(heading, &[]))
}

/// The values `arg` takes, when it names them.
pub fn possible_values(arg: &Arg) -> Vec<String> {
    arg.get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_owned())
        .collect()
}

/// The Japanese name of a value clap names `name` (`DIR`, `AS_OF`), from the catalogue.
fn value_name(name: &str) -> String {
    i18n::text(&value_key(name), &[])
}

/// The catalogue key of a value's name: `help.value.as-of` for `AS_OF`.
fn value_key(name: &str) -> String {
    format!("help.value.{}", name.to_lowercase().replace('_', "-"))
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

    /// Every value named in the help (`<DIR>`, `<FORMAT>`) has its words in both languages,
    /// the English ones as clap writes them.
    #[test]
    fn every_value_has_a_name_in_both_languages() {
        fn names(command: &clap::Command, found: &mut Vec<String>) {
            for arg in command
                .get_arguments()
                .filter(|arg| arg.get_action().takes_values())
            {
                found.extend(
                    arg.get_value_names()
                        .into_iter()
                        .flatten()
                        .map(ToString::to_string),
                );
            }
            for sub in command.get_subcommands() {
                names(sub, found);
            }
        }
        let mut command = Cli::command();
        command.build();
        let mut found = Vec::new();
        names(&command, &mut found);
        assert!(found.contains(&"AS_OF".to_owned()), "{found:?}");
        for name in found {
            assert_eq!(i18n::text_in(Language::En, &value_key(&name), &[]), name);
            let japanese = i18n::text_in(Language::Ja, &value_key(&name), &[]);
            assert!(
                !japanese.is_ascii(),
                "no Japanese name for the value `{name}`: {japanese}"
            );
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
