//! Colour: `--color auto|always|never`, `NO_COLOR` and terminals, through anstream.

use anstream::{AutoStream, ColorChoice};
use clap::ValueEnum;

/// When to colour the output.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum When {
    Auto,
    Always,
    Never,
}

impl When {
    /// Makes this the choice for the whole run.
    pub fn apply(self) {
        match self {
            When::Auto => ColorChoice::Auto,
            When::Always => ColorChoice::Always,
            When::Never => ColorChoice::Never,
        }
        .write_global();
    }
}

/// Whether standard output is to be coloured.
pub fn stdout() -> bool {
    AutoStream::choice(&std::io::stdout()) != ColorChoice::Never
}

/// Whether standard error is to be coloured.
pub fn stderr() -> bool {
    AutoStream::choice(&std::io::stderr()) != ColorChoice::Never
}
