//! The audit trail: the assessment at git revisions, compared (`diff`), listed (`log`) and
//! published as tags (`publish`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::compare::{self, Diff, Snapshot};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::evaluate::{self, Evaluation};
use crate::history::Repo;
use crate::load::{self, Files as _};
use crate::model::Status;
use crate::{evidence, render, validate};

/// Validates, inspects the evidence of and evaluates a loaded assessment.
pub fn open(label: &str, loaded: load::Loaded) -> Result<Snapshot, Error> {
    let workspace = validate::assessment(loaded)?;
    let files = evidence::inspect(&workspace)?;
    let services = workspace
        .services
        .iter()
        .map(|s| {
            let file = workspace.files.name(&s.service.answers);
            let context = evaluate::Context {
                file: &file,
                files: &files.states,
            };
            evaluate::service(&workspace.checklist, &s.service, &s.answers, &context)
        })
        .collect();
    let evaluation = Evaluation {
        checklist: workspace.checklist.reference(),
        services,
    };
    Ok(Snapshot {
        label: label.to_owned(),
        workspace,
        evaluation,
        files,
    })
}

/// The assessment as it is on disk, or as committed at `revision`.
pub fn snapshot(repo: &Repo, dir: &Path, revision: Option<&str>) -> Result<Snapshot, Error> {
    let Some(revision) = revision else {
        return open("working tree", load::assessment(dir)?);
    };
    let commit = repo.commit(revision)?;
    let files = repo.files(&commit, revision)?;
    let settings = files.name(load::ASSESSMENT_FILE);
    match load::from(dir, Box::new(files)) {
        Err(Error::Input(problems))
            if problems.len() == 1
                && problems[0].code == "missing-file"
                && problems[0].file.as_deref() == Some(settings.as_str()) =>
        {
            Err(Error::input(
                Diagnostic::new(
                    "no-assessment",
                    format!(
                        "there is no assessment at `{revision}`: `{settings}` does not exist there"
                    ),
                )
                .help("choose a later revision; `checksheet log` lists those that have it"),
            ))
        }
        loaded => open(revision, loaded?),
    }
}

/// `checksheet diff`.
pub fn diff(
    dir: &Path,
    from: Option<&str>,
    to: Option<&str>,
    service: Option<&str>,
) -> Result<(Diff, Snapshot), Error> {
    load::folder(dir)?;
    let repo = Repo::open(dir)?;
    let from = match from {
        Some(from) => from.to_owned(),
        None => repo
            .publications()
            .last()
            .map_or_else(|| "HEAD".to_owned(), |p| p.tag.clone()),
    };
    let old = snapshot(&repo, dir, Some(&from))?;
    let new = snapshot(&repo, dir, to)?;
    if let Some(service) = service
        && !old
            .workspace
            .services
            .iter()
            .any(|s| s.service.id == service)
    {
        crate::cli::known_service(&new.workspace, Some(service))?;
    }
    let diff = compare::diff(&old, &new, service);
    Ok((diff, new))
}

/// Every publication with what changed since the one before, public parts only; none when
/// the assessment is not in a git repository. A publication tag whose assessment cannot be
/// used is left out, and named in the second list with the reason.
pub fn published(dir: &Path) -> Result<(Vec<render::Published>, Vec<String>), Error> {
    let Ok(repo) = Repo::open(dir) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let mut history = Vec::new();
    let mut skipped = Vec::new();
    let mut previous: Option<Snapshot> = None;
    for publication in repo.publications() {
        let snapshot = match snapshot(&repo, dir, Some(&publication.tag)) {
            Ok(snapshot) => snapshot,
            Err(Error::Input(problems)) => {
                let reason = problems
                    .first()
                    .map_or(String::new(), |p| p.message.clone());
                skipped.push(format!("{}: {reason}", publication.tag));
                continue;
            }
            Err(error) => return Err(error),
        };
        let diff = previous
            .as_ref()
            .map(|old| compare::diff(old, &snapshot, None).public());
        history.push(render::Published {
            date: japan_time(publication.time)[..10].to_owned(),
            publication,
            diff,
        });
        previous = Some(snapshot);
    }
    Ok((history, skipped))
}

/// One revision that changed the assessment, for `checksheet log`.
#[derive(Debug, Serialize)]
pub struct LogEntry {
    pub commit: String,
    /// The commit's date and time in Japan (UTC+9).
    pub date: String,
    pub author: String,
    pub message: String,
    /// What it changed in the compliance picture, in one line.
    pub summary: String,
}

/// Status counts of the applicable requirements, over the services (or `only`).
fn statuses(snapshot: &Snapshot, only: Option<&str>) -> BTreeMap<Option<Status>, i64> {
    let mut counts = BTreeMap::new();
    for service in &snapshot.evaluation.services {
        if only.is_some_and(|only| only != service.id) {
            continue;
        }
        for requirement in &service.requirements {
            if requirement.applies == Some(true) {
                *counts.entry(requirement.status).or_default() += 1;
            }
        }
    }
    counts
}

/// "+2 対応済, −1 未対応", or what else changed.
fn summary(old: &Snapshot, new: &Snapshot, only: Option<&str>) -> String {
    let before = statuses(old, only);
    let after = statuses(new, only);
    let mut keys: Vec<Option<Status>> = before.keys().chain(after.keys()).copied().collect();
    keys.sort();
    keys.dedup();
    let mut parts: Vec<String> = keys
        .into_iter()
        .filter_map(|status| {
            let delta = after.get(&status).unwrap_or(&0) - before.get(&status).unwrap_or(&0);
            let label = Status::label_ja_of(status);
            match delta {
                0 => None,
                d if d > 0 => Some(format!("+{d} {label}")),
                d => Some(format!("−{} {label}", -d)),
            }
        })
        .collect();
    let counts = compare::diff(old, new, only).summary;
    for (count, what) in [
        (counts.explanation, "explanation"),
        (
            counts.evidence_added
                + counts.evidence_removed
                + counts.evidence_changed
                + counts.evidence_expired,
            "evidence",
        ),
        (counts.facts, "facts"),
        (counts.obligation, "obligation"),
        (counts.services_added + counts.services_removed, "services"),
        (
            counts.requirements_added + counts.requirements_removed,
            "requirements",
        ),
    ] {
        if count > 0 {
            parts.push(format!("{count} {what}"));
        }
    }
    if parts.is_empty() {
        "no change in the check sheet".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The date and time in Japan of `seconds` since the epoch.
pub fn japan_time(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds).map_or_else(
        |_| seconds.to_string(),
        |t| {
            jiff::tz::Offset::constant(9)
                .to_datetime(t)
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

/// `checksheet log`.
pub fn log(dir: &Path, service: Option<&str>) -> Result<Vec<LogEntry>, Error> {
    let current = validate::assessment(load::assessment(dir)?)?;
    crate::cli::known_service(&current, service)?;
    let repo = Repo::open(dir)?;
    let mut entries = Vec::new();
    // Newest first: a commit's parent is usually the next commit listed, so the parent's
    // snapshot is kept for it.
    let mut kept: Option<(String, Snapshot)> = None;
    let at = |commit: &str, kept: &mut Option<(String, Snapshot)>| match kept.take() {
        Some((id, snapshot)) if id == commit => Ok(snapshot),
        _ => snapshot(&repo, dir, Some(commit)),
    };
    for change in repo.changes()? {
        let summary = match at(&change.commit, &mut kept) {
            Err(Error::Input(problems))
                if problems.first().is_some_and(|p| p.code == "no-assessment") =>
            {
                "assessment removed".to_owned()
            }
            Err(Error::Input(problems)) => format!(
                "unusable input: {}",
                problems
                    .first()
                    .map(|p| p.message.as_str())
                    .unwrap_or_default()
            ),
            Err(error) => return Err(error),
            Ok(new) => match change.parent.as_deref().map(|p| (p, at(p, &mut None))) {
                Some((parent, Ok(old))) => {
                    let line = summary(&old, &new, service);
                    kept = Some((parent.to_owned(), old));
                    line
                }
                Some((_, Err(Error::Input(problems))))
                    if problems.first().is_some_and(|p| p.code != "no-assessment") =>
                {
                    "the previous revision's assessment was unusable".to_owned()
                }
                Some((_, Err(Error::Input(_)))) => "assessment created".to_owned(),
                Some((_, Err(error))) => return Err(error),
                None if change.shallow => "earlier history not fetched (shallow clone)".to_owned(),
                None => "assessment created".to_owned(),
            },
        };
        entries.push(LogEntry {
            commit: change.commit,
            date: japan_time(change.time),
            author: change.author,
            message: change.message,
            summary,
        });
    }
    Ok(entries)
}

/// `checksheet publish`: tags HEAD as a publication.
pub fn publish(dir: &Path, message: Option<&str>) -> Result<String, Error> {
    load::folder(dir)?;
    let repo = Repo::open(dir)?;
    let uncommitted = repo.uncommitted()?;
    if !uncommitted.is_empty() {
        let list: Vec<String> = uncommitted.iter().map(|p| format!("`{p}`")).collect();
        return Err(Error::input(
            Diagnostic::new(
                "uncommitted",
                format!("the assessment has uncommitted changes: {}", list.join(", ")),
            )
            .help("commit them (or discard them), so that the publication is the committed assessment"),
        ));
    }
    let head_commit = repo.commit("HEAD")?;
    if let Some(earlier) = repo.publications().iter().find(|p| p.commit == head_commit) {
        return Err(Error::input(
            Diagnostic::new(
                "already-published",
                format!("HEAD is already published as `{}`", earlier.tag),
            )
            .help("commit the changes to publish first; a publication is a new revision"),
        ));
    }
    let head = snapshot(&repo, dir, Some("HEAD"))?;
    let date = head
        .workspace
        .services
        .iter()
        .map(|s| s.answers.as_of)
        .max()
        .expect("an assessment has services");
    let prefix = repo.tag_prefix();
    let mut name = format!("{prefix}{date}");
    let mut suffix = 2;
    while repo.has_tag(&name) {
        name = format!("{prefix}{date}-{suffix}");
        suffix += 1;
    }
    let counts: Vec<String> = head
        .evaluation
        .services
        .iter()
        .map(|s| {
            format!(
                "{}: {} conform, {} gaps, {} unanswered",
                s.id, s.summary.conforms, s.summary.gap, s.summary.unanswered
            )
        })
        .collect();
    let message = message.map_or_else(
        || {
            format!(
                "checksheet publication as of {date}\n\n{}",
                counts.join("\n")
            )
        },
        str::to_owned,
    );
    let commit = repo.tag(&name, &message)?;
    Ok(format!("tagged `{name}` on {}\n", &commit[..12]))
}
