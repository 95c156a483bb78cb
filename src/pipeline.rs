//! The pipeline every command runs: load → validate → inspect evidence → evaluate, for the
//! working tree or for a git revision. Below the command line and the audit commands;
//! imports nothing above it.

use std::path::Path;

use crate::diagnostic::{Diagnostic, suggest};
use crate::error::Error;
use crate::evaluate;
use crate::evidence::{self, Inspection};
use crate::history::Repo;
use crate::i18n::t;
use crate::load::{self, Files as _, SourceFile};
use crate::model::Checklist;
use crate::sheet::Sheet;
use crate::validate::{self, Workspace};

/// An assessment as evaluated at one revision (or in the working tree).
pub struct Snapshot {
    /// How the revision is named: `HEAD~1`, `checksheet/2026-10-01`, `working tree`.
    pub label: String,
    pub workspace: Workspace,
    /// The evidence files as found.
    pub files: Inspection,
    pub sheet: Sheet,
}

/// Inspects the evidence of, validates and evaluates a loaded assessment. Every problem in
/// every file, evidence refusals included, is reported in one error.
pub fn open(label: &str, loaded: load::Loaded) -> Result<Snapshot, Error> {
    open_for(label, loaded, false)
}

/// [`open`]; with `forget`, each service's answers are let go once it is evaluated.
fn open_for(label: &str, mut loaded: load::Loaded, forget: bool) -> Result<Snapshot, Error> {
    let (files, problems) = evidence::inspect(&loaded);
    loaded.problems.extend(problems);
    let mut workspace = validate::assessment(loaded)?;
    let sheet = evaluate::sheet(&mut workspace, &files, forget);
    Ok(Snapshot {
        label: label.to_owned(),
        workspace,
        files,
        sheet,
    })
}

/// The assessment in the folder `dir` on disk.
pub fn working_tree(dir: &Path) -> Result<Snapshot, Error> {
    open(&t!("diff.working-tree"), load::assessment(dir)?)
}

/// The assessment in `dir` as it is on disk (`None`) or as committed at `revision` (in
/// `repo`), read and checked without its answers and evidence: its settings, checklist,
/// lock, templates and logo, and the services it lists. When they have a problem, the
/// error is that of reading the whole assessment ([`published`]): every problem in every
/// file, as always.
pub fn settings(
    repo: Option<&Repo>,
    dir: &Path,
    revision: Option<&str>,
) -> Result<Workspace, Error> {
    let none: &dyn Fn(&str) -> bool = &|_| false;
    let loaded = match (repo, revision) {
        (Some(repo), Some(revision)) => loaded_at(repo, dir, revision, revision, Some(none)),
        _ => load::folder(dir).and_then(|disk| load::from_some(dir, Box::new(disk), Some(none))),
    };
    loaded
        .and_then(validate::assessment)
        .map_err(|error| published(repo, dir, revision).err().unwrap_or(error))
}

/// The assessment as it is on disk (`None`) or as committed at `revision`, evaluated for
/// publishing: each service's answers are let go once evaluated, keeping only the answers
/// files' names and SHA-256 (the manifest lists them), for no page needs more than the Sheet.
pub fn published(
    repo: Option<&Repo>,
    dir: &Path,
    revision: Option<&str>,
) -> Result<Snapshot, Error> {
    match (repo, revision) {
        (Some(repo), Some(revision)) => open_for(
            revision,
            loaded_at(repo, dir, revision, revision, None)?,
            true,
        ),
        _ => open_for(&t!("diff.working-tree"), load::assessment(dir)?, true),
    }
}

/// The assessment as committed at `publication`'s commit, evaluated for publishing as
/// [`published`] does, and named by its tag (which need not exist yet: `publish` builds the
/// site a publication will be before tagging it).
pub fn publication(
    repo: &Repo,
    dir: &Path,
    publication: &crate::history::Publication,
) -> Result<Snapshot, Error> {
    let label = &publication.tag;
    open_for(
        label,
        loaded_at(repo, dir, &publication.commit, label, None)?,
        true,
    )
}

/// The assessment as it is on disk (`None`), or as committed at `revision`.
pub fn at(repo: &Repo, dir: &Path, revision: Option<&str>) -> Result<Snapshot, Error> {
    let Some(revision) = revision else {
        return working_tree(dir);
    };
    some_at(repo, dir, revision, None)
}

/// The assessment as committed at `revision`; with `only`, evaluated for just the services
/// whose `answers` entry it accepts (see [`load::from_some`]): a partial snapshot, to
/// compare with another revision whose other services are the same, never to publish.
pub fn some_at(
    repo: &Repo,
    dir: &Path,
    revision: &str,
    only: Option<&dyn Fn(&str) -> bool>,
) -> Result<Snapshot, Error> {
    open(revision, loaded_at(repo, dir, revision, revision, only)?)
}

/// The assessment as committed at `revision`, read (see [`some_at`]); its files are shown
/// as at `label`.
fn loaded_at(
    repo: &Repo,
    dir: &Path,
    revision: &str,
    label: &str,
    only: Option<&dyn Fn(&str) -> bool>,
) -> Result<load::Loaded, Error> {
    let commit = repo.commit(revision)?;
    let files = repo.files(&commit, label)?;
    let settings = files.name(load::ASSESSMENT_FILE);
    match load::from_some(dir, Box::new(files), only) {
        Err(Error::Input(problems))
            if problems.len() == 1
                && problems[0].code == "missing-file"
                && problems[0].file.as_deref() == Some(settings.as_str()) =>
        {
            Err(Error::input(
                Diagnostic::new(
                    "no-assessment",
                    t!(
                        "pipeline.no-assessment",
                        revision = label,
                        settings = settings
                    ),
                )
                .help(t!("pipeline.no-assessment-help")),
            ))
        }
        loaded => loaded,
    }
}

/// Refuses a `--service` id that is not among `ids`.
pub fn known_service<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    only: Option<&str>,
) -> Result<(), Error> {
    let Some(only) = only else {
        return Ok(());
    };
    let ids: Vec<&str> = ids.into_iter().collect();
    if ids.contains(&only) {
        return Ok(());
    }
    Err(Error::input(
        Diagnostic::new("unknown-service", t!("pipeline.unknown-service", id = only))
            .help(suggest(only, ids)),
    ))
}

/// A checklist named on the command line (a bundled `id@edition` or any path), loaded and
/// checked.
pub fn named_checklist(reference: &str) -> Result<(SourceFile, Checklist), Error> {
    let (file, checklist, mut problems) = load::named_checklist(reference)?;
    if let Some(checklist) = &checklist {
        problems.extend(validate::checklist(&file, checklist));
    }
    match checklist {
        Some(checklist) if problems.is_empty() => Ok((file, checklist)),
        _ => Err(Error::problems(problems)),
    }
}
