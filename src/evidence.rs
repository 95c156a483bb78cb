//! Evidence files: confined to the repository, hashed, compared with `checksheet.lock`.
//! This is the stage that reads evidence from disk; evaluation only sees the results.

mod spelling;

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;
use crate::load::{self, Loaded, Part, Refusal, Step, is_inside};
use crate::model::{Lock, LockedFile};
use crate::validate::Workspace;
pub use spelling::{Slip, Typo, corrected, typos};

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
    /// Does not exist; by answers file citing it (as `checksheet.yaml` names it), the
    /// existing file it may have meant there.
    Missing { nearest: BTreeMap<String, String> },
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
                files.states.insert(
                    path.to_owned(),
                    FileState::Missing {
                        nearest: BTreeMap::new(),
                    },
                );
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
    suggest(loaded, &mut files);
    (files, problems)
}

/// For each missing file, by answers file citing it, the existing file it may have meant.
fn suggest(loaded: &Loaded, inspection: &mut Inspection) {
    let missing: Vec<String> = inspection
        .states
        .iter()
        .filter(|(_, state)| matches!(state, FileState::Missing { .. }))
        .map(|(path, _)| path.clone())
        .collect();
    if missing.is_empty() {
        return;
    }
    let answers: Vec<(&str, &str, Vec<&str>)> = loaded
        .services
        .iter()
        .filter_map(|service| {
            let cites = service
                .answers
                .as_ref()?
                .answers
                .values()
                .flat_map(|answer| &answer.evidence)
                .filter_map(|evidence| evidence.file.as_deref())
                .filter(|path| is_inside(path))
                .collect();
            Some((
                service.service.answers.as_str(),
                service.service.id.as_str(),
                cites,
            ))
        })
        .collect();
    let all = known_files(
        loaded.files.as_ref(),
        answers
            .iter()
            .flat_map(|(_, _, cites)| cites.iter().copied()),
    );
    for (file, service, cites) in &answers {
        // The folders of the files this answers file cites that exist, and the one named
        // after the service.
        let own = format!("evidence/{service}");
        let mut beside: BTreeSet<&str> = cites
            .iter()
            .filter(|path| inspection.found.contains_key(**path))
            .map(|path| folder(path))
            .collect();
        if all.iter().any(|known| folder(known) == own) {
            beside.insert(&own);
        }
        for path in cites
            .iter()
            .filter(|path| missing.iter().any(|m| m == *path))
        {
            if let Some(near) = nearest_file(loaded.files.as_ref(), path, &all, &beside)
                && let Some(FileState::Missing { nearest }) = inspection.states.get_mut(*path)
            {
                nearest.insert((*file).to_owned(), near);
            }
        }
    }
}

/// Every file in the repository's root, and under the top folders of the paths cited and
/// `evidence/`, up to [`KNOWN_LIMIT`] of them, sorted.
fn known_files<'a>(files: &dyn load::Files, cited: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut roots: BTreeSet<String> = cited
        .filter_map(|path| {
            let path = corrected(path);
            let (top, _) = path.trim_start_matches("./").split_once('/')?;
            (top != "." && top != "..").then(|| top.to_owned())
        })
        .collect();
    roots.insert("evidence".to_owned());
    let mut known: Vec<String> = files.list("");
    let mut pending: Vec<(String, usize)> = roots.into_iter().map(|r| (r, 0)).collect();
    while let Some((dir, depth)) = pending.pop() {
        if known.len() >= KNOWN_LIMIT {
            break;
        }
        known.extend(
            files
                .list(&dir)
                .into_iter()
                .map(|name| format!("{dir}/{name}")),
        );
        if depth < KNOWN_DEPTH {
            pending.extend(
                files
                    .folders(&dir)
                    .into_iter()
                    .map(|name| (format!("{dir}/{name}"), depth + 1)),
            );
        }
    }
    known.truncate(KNOWN_LIMIT);
    known.sort();
    known.dedup();
    known
}

/// At most this many files are compared with a missing one.
const KNOWN_LIMIT: usize = 20_000;

/// And from at most this deep below a top folder.
const KNOWN_DEPTH: usize = 8;

/// The folder of `path`: what comes before its last `/`, or `""`.
fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// The name of `path`: what comes after its last `/`.
fn name(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(_, name)| name)
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

/// The existing file `path` most likely meant, among `known`: the path as meant, typed
/// without its slips (`／` for `/`, full-width letters); else, beside the files the same
/// answers file cites (the folders `beside`), a file of that name, or of a name like it;
/// else a file of that name in any folder; else the file whose name is most like it.
fn nearest_file(
    files: &dyn load::Files,
    path: &str,
    known: &[String],
    beside: &BTreeSet<&str>,
) -> Option<String> {
    let meant = corrected(path);
    if meant != path
        && matches!(
            files.read(&meant, 0, true),
            Err(Refusal::TooLarge(_)) | Ok(Some(_))
        )
    {
        return Some(meant);
    }
    let wanted = name(&meant);
    let near: Vec<&str> = known
        .iter()
        .map(String::as_str)
        .filter(|known| beside.contains(folder(known)))
        .collect();
    let all: Vec<&str> = known.iter().map(String::as_str).collect();
    named(&near, wanted)
        .or_else(|| like(&near, wanted))
        .or_else(|| named(&all, wanted))
        .or_else(|| like(&all, wanted))
        .map(str::to_owned)
}

/// The first of `among` named `wanted`.
fn named<'a>(among: &[&'a str], wanted: &str) -> Option<&'a str> {
    among.iter().copied().find(|k| name(k) == wanted)
}

/// The first of `among` whose name is most like `wanted`, if one is alike enough. Names,
/// not paths: `evidence/` before every name would make any two paths alike.
fn like<'a>(among: &[&'a str], wanted: &str) -> Option<&'a str> {
    let names: Vec<&str> = among.iter().map(|k| name(k)).collect();
    let best = crate::diagnostic::nearest(wanted, &names)?;
    among.iter().copied().find(|k| name(k) == best)
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
            Refusal::Special => (
                "evidence-not-a-file",
                t!("load.special", name = path),
                t!("evidence.folder-help"),
            ),
            Refusal::Loop => (
                "evidence-not-a-file",
                t!("load.loop", name = path),
                t!("evidence.folder-help"),
            ),
            Refusal::Submodule => (
                "evidence-not-a-file",
                t!("load.submodule", name = path),
                t!("load.submodule-help"),
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
