//! Evidence files: confined to the repository, hashed, compared with `checksheet.lock`.
//! This is the stage that reads evidence from disk; evaluation only sees the results.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;
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
    /// Does not exist; the path of an existing file it may have meant.
    Missing { nearest: Option<String> },
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
                let nearest = nearest_file(loaded.files.as_ref(), path);
                files
                    .states
                    .insert(path.to_owned(), FileState::Missing { nearest });
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
        .filter(|(_, state)| matches!(state, FileState::Missing { .. }))
        .map(|(path, _)| {
            Diagnostic::new("evidence-missing-file", t!("lock.missing", path = path))
                .in_file(workspace.files.name(path))
                .help(t!("lock.missing-help"))
        })
        .collect();
    if !missing.is_empty() {
        return Err(Error::problems(missing));
    }
    Ok(Lock {
        files: files.found.clone(),
    })
}

/// The existing file most like `path`: the same path with `/` for `\\`, or a file of a
/// similar name in the same folder or in `evidence/`.
fn nearest_file(files: &dyn load::Files, path: &str) -> Option<String> {
    let slashed = path.replace('\\', "/");
    if slashed != path
        && matches!(
            files.read(&slashed, 0, true),
            Err(Refusal::TooLarge(_)) | Ok(Some(_))
        )
    {
        return Some(slashed);
    }
    let (folder, name) = slashed.rsplit_once('/').unwrap_or(("", &slashed));
    let mut candidates: Vec<String> = files
        .list(folder)
        .into_iter()
        .map(|file| {
            if folder.is_empty() {
                file
            } else {
                format!("{folder}/{file}")
            }
        })
        .collect();
    if folder != "evidence" {
        candidates.extend(
            files
                .list("evidence")
                .into_iter()
                .map(|file| format!("evidence/{file}")),
        );
    }
    let names: Vec<&str> = candidates.iter().map(String::as_str).collect();
    crate::diagnostic::nearest(&slashed, &names)
        .or_else(|| {
            // A near file name in the same folder, whatever the folder is called.
            let base: Vec<&str> = names.iter().filter_map(|n| n.rsplit('/').next()).collect();
            let best = crate::diagnostic::nearest(name, &base)?;
            names.iter().find(|n| n.ends_with(best)).copied()
        })
        .map(str::to_owned)
}

type Problem = (&'static str, String, String);

/// The SHA-256 and size of the evidence file `path`, `None` if it does not exist. Never
/// reads a file that leads outside the assessment, or one over the size limit.
fn hash(source: &dyn load::Files, path: &str) -> Result<Option<LockedFile>, Problem> {
    let bytes = source
        .read(path, MAX_SIZE, true)
        .map_err(|refusal| match refusal {
            Refusal::Outside => (
                "evidence-outside",
                t!("evidence.link-outside", path = path),
                t!("evidence.link-outside-help"),
            ),
            Refusal::NotAFile => (
                "evidence-not-a-file",
                t!("evidence.folder", path = path),
                t!("evidence.folder-help"),
            ),
            Refusal::TooLarge(size) => (
                "evidence-too-large",
                t!(
                    "evidence.too-large",
                    path = path,
                    size = size / 1024 / 1024,
                    limit = MAX_SIZE / 1024 / 1024
                ),
                t!("evidence.too-large-help"),
            ),
            Refusal::Unreadable(error) => (
                "evidence-unreadable",
                t!("evidence.unreadable", path = path, error = error),
                t!("evidence.unreadable-help"),
            ),
        })?;
    Ok(bytes.map(|bytes| LockedFile {
        sha256: crate::digest::sha256(&bytes),
        size: bytes.len() as u64,
    }))
}
