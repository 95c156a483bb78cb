//! Evidence files: confined to the repository, hashed, compared with `checksheet.lock`.
//! This is the stage that reads evidence from disk; evaluation only sees the results.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::load::{self, Loaded, Part, Refusal, Step, is_inside};
use crate::model::{Lock, LockedFile};
use crate::validate::Workspace;

/// Evidence files larger than this are refused rather than hashed.
pub const MAX_SIZE: u64 = 100 * 1024 * 1024;

/// What an evidence file is now, compared with the lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileState {
    /// As locked.
    Locked,
    /// Its contents differ from the lock.
    Changed { locked: String, actual: String },
    /// Exists but is not in the lock.
    Unlocked,
    /// Does not exist.
    Missing,
}

/// The evidence files as found on disk, by path.
#[derive(Debug, Default)]
pub struct Inspection {
    pub states: BTreeMap<String, FileState>,
    /// The current hash and size of each existing file.
    pub found: BTreeMap<String, LockedFile>,
}

/// Every evidence file the answers cite, with the first place that cites it. A path that
/// leaves the repository is left out: validation refuses it, and it is never read.
fn cited(loaded: &Loaded) -> BTreeMap<&str, (usize, &str, usize)> {
    let mut cited = BTreeMap::new();
    for (service, loaded) in loaded.services.iter().enumerate() {
        let Some(answers) = &loaded.answers else {
            continue;
        };
        for (id, answer) in &answers.answers {
            for (index, evidence) in answer.evidence.iter().enumerate() {
                if let Some(path) = evidence.file.as_deref().filter(|p| is_inside(p)) {
                    cited.entry(path).or_insert((service, id.as_str(), index));
                }
            }
        }
    }
    cited
}

/// Hashes every cited evidence file and compares it with the lock. A file that escapes the
/// repository, is not a regular file or is too large is a problem that makes the input
/// unusable; every such problem is returned.
pub fn inspect(loaded: &Loaded) -> (Inspection, Vec<Diagnostic>) {
    let mut files = Inspection::default();
    let mut problems = Vec::new();
    let empty = Lock::default();
    let lock = loaded.lock.as_ref().unwrap_or(&empty);
    for (path, (service, id, index)) in cited(loaded) {
        match hash(loaded.files.as_ref(), path) {
            Ok(Some(digest)) => {
                let state = match lock.files.get(path) {
                    None => FileState::Unlocked,
                    Some(locked) if *locked == digest => FileState::Locked,
                    Some(locked) => FileState::Changed {
                        locked: locked.sha256.clone(),
                        actual: digest.sha256.clone(),
                    },
                };
                files.states.insert(path.to_owned(), state);
                files.found.insert(path.to_owned(), digest);
            }
            Ok(None) => {
                files.states.insert(path.to_owned(), FileState::Missing);
            }
            Err((code, message, help)) => {
                let at = [
                    Step::Key("answers".to_owned()),
                    Step::Key(id.to_owned()),
                    Step::Key("evidence".to_owned()),
                    Step::Index(index),
                    Step::Key("file".to_owned()),
                ];
                if let Some(file) = &loaded.services[service].file {
                    problems.push(file.diagnostic(code, message, &at, Part::Value).help(help));
                }
            }
        }
    }
    (files, problems)
}

/// The lock for the files as they are now. Every cited file must exist.
pub fn lock(workspace: &Workspace, files: &Inspection) -> Result<Lock, Error> {
    let missing: Vec<Diagnostic> = files
        .states
        .iter()
        .filter(|(_, state)| **state == FileState::Missing)
        .map(|(path, _)| {
            Diagnostic::new(
                "evidence-missing-file",
                format!("cannot lock `{path}`: it does not exist"),
            )
            .in_file(workspace.files.name(path))
            .help("add the file, or correct the `file:` path that cites it")
        })
        .collect();
    if !missing.is_empty() {
        return Err(Error::problems(missing));
    }
    Ok(Lock {
        files: files.found.clone(),
    })
}

type Problem = (&'static str, String, &'static str);

/// The SHA-256 and size of the evidence file `path`, `None` if it does not exist. Never
/// reads a file that leads outside the assessment, or one over the size limit.
fn hash(source: &dyn load::Files, path: &str) -> Result<Option<LockedFile>, Problem> {
    let bytes = source.read(path, MAX_SIZE, true).map_err(|refusal| match refusal {
        Refusal::Outside => (
            "evidence-outside",
            format!("the evidence file `{path}` leads outside the repository (through a symbolic link)"),
            "copy the document into the repository instead of linking to it",
        ),
        Refusal::NotAFile => (
            "evidence-not-a-file",
            format!("the evidence `{path}` is a folder, not a file"),
            "cite the files in it one by one",
        ),
        Refusal::TooLarge(size) => (
            "evidence-too-large",
            format!(
                "the evidence file `{path}` is {} MiB, over the limit of {} MiB",
                size / 1024 / 1024,
                MAX_SIZE / 1024 / 1024
            ),
            "cite an extract, or a url where the full document can be seen",
        ),
        Refusal::Unreadable(error) => (
            "evidence-unreadable",
            format!("cannot read the evidence file `{path}`: {error}"),
            "check the file's permissions",
        ),
    })?;
    Ok(bytes.map(|bytes| LockedFile {
        sha256: crate::digest::sha256(&bytes),
        size: bytes.len() as u64,
    }))
}
