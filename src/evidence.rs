//! Evidence files: confined to the repository, hashed, compared with `checksheet.lock`.
//! This is the stage that reads evidence from disk; evaluation only sees the results.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use sha2::{Digest as _, Sha256};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::load::{Part, Step};
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
pub struct Files {
    pub states: BTreeMap<String, FileState>,
    /// The current hash and size of each existing file.
    pub found: BTreeMap<String, LockedFile>,
}

/// Every evidence file the answers cite, with the first place that cites it.
fn cited(workspace: &Workspace) -> BTreeMap<&str, (usize, &str, usize)> {
    let mut cited = BTreeMap::new();
    for (service, answers) in workspace.services.iter().enumerate() {
        for (id, answer) in &answers.answers.answers {
            for (index, evidence) in answer.evidence.iter().enumerate() {
                if let Some(path) = &evidence.file {
                    cited
                        .entry(path.as_str())
                        .or_insert((service, id.as_str(), index));
                }
            }
        }
    }
    cited
}

/// Hashes every cited evidence file and compares it with the lock. A file that escapes the
/// repository, is not a regular file or is too large makes the input unusable.
pub fn inspect(workspace: &Workspace) -> Result<Files, Error> {
    let root = workspace
        .root
        .canonicalize()
        .map_err(|e| Error::io("open", &workspace.root, e))?;
    let mut files = Files::default();
    let mut problems = Vec::new();
    for (path, (service, id, index)) in cited(workspace) {
        match hash(&root, path) {
            Ok(Some(digest)) => {
                let state = match workspace.lock.files.get(path) {
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
                let file = &workspace.services[service].file;
                problems.push(file.diagnostic(code, message, &at, Part::Value).help(help));
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Error::problems(problems))
    }
}

/// The lock for the files as they are now. Every cited file must exist.
pub fn lock(workspace: &Workspace, files: &Files) -> Result<Lock, Error> {
    let missing: Vec<Diagnostic> = files
        .states
        .iter()
        .filter(|(_, state)| **state == FileState::Missing)
        .map(|(path, _)| {
            Diagnostic::new(
                "evidence-missing-file",
                format!("cannot lock `{path}`: it does not exist"),
            )
            .in_file(crate::load::display(&workspace.root, path))
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

type Refusal = (&'static str, String, &'static str);

/// The SHA-256 and size of the evidence file `relative`, `None` if it does not exist.
/// Never reads a file that resolves outside `root`.
fn hash(root: &Path, relative: &str) -> Result<Option<LockedFile>, Refusal> {
    let path = root.join(relative);
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err((
                "evidence-unreadable",
                format!("cannot open the evidence file `{relative}`: {error}"),
                "check the file's permissions",
            ));
        }
    };
    if !real.starts_with(root) {
        return Err((
            "evidence-outside",
            format!(
                "the evidence file `{relative}` leads outside the repository (through a symbolic link)"
            ),
            "copy the document into the repository instead of linking to it",
        ));
    }
    let unreadable = |error: std::io::Error| {
        (
            "evidence-unreadable",
            format!("cannot read the evidence file `{relative}`: {error}"),
            "check the file's permissions",
        )
    };
    let metadata = std::fs::metadata(&real).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err((
            "evidence-not-a-file",
            format!("the evidence `{relative}` is a folder, not a file"),
            "cite the files in it one by one",
        ));
    }
    if metadata.len() > MAX_SIZE {
        return Err((
            "evidence-too-large",
            format!(
                "the evidence file `{relative}` is {} MiB, over the limit of {} MiB",
                metadata.len() / 1024 / 1024,
                MAX_SIZE / 1024 / 1024
            ),
            "cite an extract, or a url where the full document can be seen",
        ));
    }
    let mut hasher = Sha256::new();
    let mut file = std::fs::File::open(&real).map_err(unreadable)?;
    let mut buffer = vec![0; 64 * 1024];
    let mut size = 0;
    loop {
        let count = file.read(&mut buffer).map_err(unreadable)?;
        if count == 0 {
            break;
        }
        hasher.update(&buffer[..count]);
        size += count as u64;
    }
    let sha256 = crate::digest::hex(&hasher.finalize());
    Ok(Some(LockedFile { sha256, size }))
}
