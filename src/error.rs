//! Errors that stop the run. Findings about compliance are not errors: see `evaluate`.

use std::fmt::{self, Write as _};
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::i18n::t;

/// Why a command could not do its job. Every variant means exit code 2.
#[derive(Debug)]
pub enum Error {
    /// One or more input files are unusable; every problem found is listed.
    Input(Vec<Diagnostic>),
    /// Reading or writing a file failed.
    Io {
        /// The catalogue key of what was being done, e.g. `io.write`.
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Error {
    pub fn input(diagnostic: Diagnostic) -> Self {
        Error::Input(vec![diagnostic])
    }

    /// Unusable input, its problems ordered file by file (in the order first seen), then by
    /// line.
    pub fn problems(mut problems: Vec<Diagnostic>) -> Self {
        let mut files: Vec<Option<String>> = Vec::new();
        for problem in &problems {
            if !files.contains(&problem.file) {
                files.push(problem.file.clone());
            }
        }
        problems.sort_by_key(|p| {
            let file = files.iter().position(|f| *f == p.file);
            (file, p.location.as_ref().map(|l| (l.line, l.column)))
        });
        Error::Input(problems)
    }

    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// The text shown to the user on standard error.
    pub fn render(&self, styled: bool) -> String {
        match self {
            Error::Input(diagnostics) => {
                let mut text = String::new();
                for diagnostic in diagnostics {
                    text.push_str(&diagnostic.render(styled));
                    text.push_str("\n\n");
                }
                if diagnostics.len() > 1 {
                    let _ = writeln!(text, "{}", t!("error.count", count = diagnostics.len()));
                }
                text
            }
            Error::Io {
                action,
                path,
                source,
            } => {
                let mut text = format!(
                    "{}: {}\n",
                    t!("diagnostic.error"),
                    crate::i18n::text(action, &[("path", &path.display()), ("error", source)])
                );
                if let Some(hint) = io_hint(action, source) {
                    let _ = writeln!(text, "  = {}: {hint}", t!("diagnostic.help"));
                }
                text
            }
        }
    }
}

/// What to do about a failure to write (`action`), where its kind says: a full disk, a
/// folder or file that may not be written.
fn io_hint(action: &str, error: &std::io::Error) -> Option<String> {
    use std::io::ErrorKind;
    let writing = matches!(
        action,
        "io.write"
            | "io.create"
            | "io.create-folder"
            | "io.create-temp-file"
            | "io.create-temp-folder"
            | "io.move-aside"
            | "io.replace"
    );
    if !writing {
        return None;
    }
    match error.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
            Some(t!("io.hint-full"))
        }
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            Some(t!("io.hint-read-only"))
        }
        // EPERM: an immutable file or folder, or one that belongs to someone else.
        _ if error.raw_os_error() == Some(1) => Some(t!("io.hint-read-only")),
        _ => None,
    }
}

impl Error {
    /// The error as JSON, for a command asked for JSON: `{"errors": [{code, message, file,
    /// line, column, help}]}`.
    pub fn to_json(&self) -> serde_json::Value {
        let errors: Vec<serde_json::Value> = match self {
            Error::Input(diagnostics) => diagnostics
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "code": d.code,
                        "message": d.message,
                        "file": d.file,
                        "line": d.location.as_ref().map(|l| l.line),
                        "column": d.location.as_ref().map(|l| l.column),
                        "help": d.help,
                    })
                })
                .collect(),
            Error::Io {
                action,
                path,
                source,
            } => vec![serde_json::json!({
                "code": "io",
                "message": crate::i18n::text(action, &[("path", &path.display()), ("error", source)]),
                "file": path.to_string_lossy().replace('\\', "/"),
                "line": null,
                "column": null,
                "help": io_hint(action, source),
            })],
        };
        serde_json::json!({ "errors": errors })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Error {}

impl From<Vec<Diagnostic>> for Error {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Error::Input(diagnostics)
    }
}
