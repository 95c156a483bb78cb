//! A mistake on the command line, told in Japanese: clap's error, rendered again from its
//! kind and its context with the catalogue's words (keys `args.*`), naming the word that is
//! wrong and what to write instead. In English clap's own message is shown as it is.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::t;

/// The message for `error`, met parsing `args` against the built `command`.
pub fn japanese(error: &clap::Error, command: &mut clap::Command, args: &[OsString]) -> String {
    let path = command_path(command, args);
    let mut here: &mut clap::Command = command;
    for name in path.iter().skip(1) {
        here = here
            .find_subcommand_mut(name)
            .expect("the path names subcommands");
    }
    let name = path.join(" ");
    let mut hints = Vec::new();
    let message = message(error, here, &name, &mut hints);
    let mut text = String::new();
    let (start, end) = if super::color::stderr() {
        let style = anstyle::AnsiColor::Red.on_default().bold();
        (style.render().to_string(), style.render_reset().to_string())
    } else {
        (String::new(), String::new())
    };
    let _ = writeln!(text, "{start}{}:{end} {message}", t!("diagnostic.error"));
    for hint in hints {
        let _ = writeln!(text, "  {}: {hint}", t!("diagnostic.help"));
    }
    let usage = here.render_usage().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, usage)| usage);
    let _ = writeln!(text, "\n{}: {usage}", t!("help.usage"));
    // The `help` command has no `--help` of its own: the program's tells of it.
    let more = name.strip_suffix(" help").unwrap_or(&name);
    let _ = writeln!(text, "\n{}", t!("args.more", command = more));
    text
}

/// What went wrong, in a sentence, and what to do about it in `hints`.
fn message(
    error: &clap::Error,
    command: &clap::Command,
    name: &str,
    hints: &mut Vec<String>,
) -> String {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        _ => None,
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => vec![value.clone()],
        Some(ContextValue::Strings(values)) => values.clone(),
        Some(ContextValue::StyledStrs(values)) => values.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    let arg = string(ContextKind::InvalidArg).unwrap_or_default();
    let value = string(ContextKind::InvalidValue).unwrap_or_default();
    match error.kind() {
        ErrorKind::InvalidSubcommand => {
            let word = string(ContextKind::InvalidSubcommand).unwrap_or_default();
            did_you_mean(&strings(ContextKind::SuggestedSubcommand), hints);
            hints.push(t!("args.commands", list = commands(command)));
            t!("args.unknown-command", command = name, word = word)
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            did_you_mean(&strings(ContextKind::SuggestedArg), hints);
            for suggestion in strings(ContextKind::Suggested) {
                // clap's `'check --format' exists`: the option belongs after a command.
                if let Some(usage) = suggestion
                    .strip_prefix('\'')
                    .and_then(|rest| rest.strip_suffix("' exists"))
                {
                    hints.push(t!("args.after-command", usage = format!("{name} {usage}")));
                }
            }
            t!("args.unknown-option", command = name, word = arg)
        }
        ErrorKind::UnknownArgument => {
            hints.push(t!("args.extra-help"));
            t!("args.extra", command = name, word = arg)
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            let flag = arg.split(' ').next().unwrap_or_default();
            hints.push(t!("args.missing-value-help", option = flag));
            values(&strings(ContextKind::ValidValue), hints);
            t!("args.missing-value", option = arg)
        }
        ErrorKind::InvalidValue => {
            did_you_mean(&strings(ContextKind::SuggestedValue), hints);
            values(&strings(ContextKind::ValidValue), hints);
            t!("args.invalid-value", option = arg, value = value)
        }
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(error);
            if source.is_some_and(|source| source.downcast_ref::<jiff::Error>().is_some()) {
                hints.push(t!("args.date-help"));
            } else if let Some(source) = source {
                hints.push(source.to_string());
            }
            t!("args.invalid-value", option = arg, value = value)
        }
        ErrorKind::MissingSubcommand => {
            hints.push(t!("args.commands", list = commands(command)));
            t!("args.missing-command", command = name)
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(ContextKind::InvalidArg);
            for wanted in &missing {
                let flag = wanted.split(' ').next().unwrap_or_default();
                let id = flag.trim_start_matches('-');
                if let Some(arg) = command
                    .get_arguments()
                    .find(|arg| arg.get_long() == Some(id))
                {
                    let list = super::help::possible_values(arg);
                    if !list.is_empty() {
                        hints.push(t!("args.values-of", option = flag, list = quoted(&list)));
                    }
                }
            }
            t!("args.missing", command = name, list = quoted(&missing))
        }
        ErrorKind::ArgumentConflict => {
            let others = strings(ContextKind::PriorArg);
            if others.is_empty() || others == [arg.clone()] {
                t!("args.repeated", option = arg)
            } else {
                t!("args.conflict", option = arg, others = quoted(&others))
            }
        }
        ErrorKind::NoEquals => t!("args.no-equals", option = arg),
        ErrorKind::TooManyValues => t!("args.too-many-values", option = arg, value = value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t!("args.value-count", option = arg)
        }
        ErrorKind::InvalidUtf8 => t!("args.not-utf8"),
        _ => t!("args.unreadable"),
    }
}

/// `` `a`, `b` `` for `words`.
fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|word| format!("`{word}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The hint naming what was likely meant, if clap found something like it.
fn did_you_mean(suggested: &[String], hints: &mut Vec<String>) {
    if !suggested.is_empty() {
        let words: Vec<String> = suggested.iter().map(|word| format!("`{word}`")).collect();
        hints.push(t!(
            "args.did-you-mean",
            words = words.join(t!("args.or").as_str())
        ));
    }
}

/// The hint listing the values an option takes.
fn values(valid: &[String], hints: &mut Vec<String>) {
    if !valid.is_empty() {
        hints.push(t!("args.values", list = quoted(valid)));
    }
}

/// The commands `command` has, quoted.
fn commands(command: &clap::Command) -> String {
    let names: Vec<String> = command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| sub.get_name().to_owned())
        .collect();
    quoted(&names)
}

/// The command the arguments reached before the mistake, as the names from the program's
/// on: `["checksheet", "evidence", "list"]`. An option's value is never taken for a command.
fn command_path(command: &clap::Command, args: &[OsString]) -> Vec<String> {
    let mut path = vec![command.get_name().to_owned()];
    let mut here = command;
    let mut args = args.iter().skip(1).filter_map(|arg| arg.to_str());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(option) = arg.strip_prefix("--") {
            if !option.contains('=') && takes_value(here, |a| a.get_long() == Some(option)) {
                args.next();
            }
            continue;
        }
        if let Some(shorts) = arg.strip_prefix('-').filter(|s| !s.is_empty()) {
            // `-C DIR`, but not `-CDIR`.
            let mut chars = shorts.chars();
            if let (Some(short), None) = (chars.next(), chars.next())
                && takes_value(here, |a| a.get_short() == Some(short))
            {
                args.next();
            }
            continue;
        }
        match here.find_subcommand(arg) {
            Some(sub) => {
                path.push(sub.get_name().to_owned());
                here = sub;
            }
            None => break,
        }
    }
    path
}

/// Whether the option of `command` that `is` finds takes a value.
fn takes_value(command: &clap::Command, is: impl Fn(&clap::Arg) -> bool) -> bool {
    command
        .get_arguments()
        .find(|arg| is(arg))
        .is_some_and(|arg| arg.get_action().takes_values())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_reached_skips_the_values_of_options() {
        let mut command = super::super::help::command();
        command.build();
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            command_path(
                &command,
                &args(&["checksheet", "-C", "check", "evidence", "list", "--lsit"])
            ),
            ["checksheet", "evidence", "list"]
        );
        assert_eq!(
            command_path(
                &command,
                &args(&["checksheet", "--lang=ja", "check", "--service", "log", "x"])
            ),
            ["checksheet", "check"]
        );
    }
}
