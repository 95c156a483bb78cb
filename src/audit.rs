//! The audit trail: the assessment at git revisions, compared (`diff`), listed (`log`) and
//! published as tags (`publish`). Above the pipeline; below the command line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::compare::{self, Counts, Diff};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::history::Repo;
use crate::i18n::t;
use crate::load::{Part, Step};
use crate::made::Made;
use crate::pipeline::{self, Snapshot};
use crate::render;
use crate::sheet::{Hold, Sheet, Shown};
use crate::validate::Workspace;

/// Compares two snapshots, internal evidence included; with `only`, just that service.
pub fn compare(old: &Snapshot, new: &Snapshot, only: Option<&str>) -> Diff {
    compare::diff((&old.label, &old.sheet), (&new.label, &new.sheet), only)
}

/// Compares what the public sees of two snapshots; with `only`, just that service.
pub fn compare_public(old: &Snapshot, new: &Snapshot, only: Option<&str>) -> Diff {
    compare::public_diff((&old.label, &old.sheet), (&new.label, &new.sheet), only)
}

/// Which comparison `diff` makes: of what the public sees (the default) or of everything,
/// internal evidence included (`--internal`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    Public,
    Internal,
}

impl Seen {
    fn compare(self, old: &Snapshot, new: &Snapshot, only: Option<&str>) -> Diff {
        match self {
            Seen::Public => compare_public(old, new, only),
            Seen::Internal => compare(old, new, only),
        }
    }
}

/// `checksheet diff`.
pub fn diff(
    dir: &Path,
    from: Option<&str>,
    to: Option<&str>,
    service: Option<&str>,
    seen: Seen,
) -> Result<(Diff, Snapshot), Error> {
    crate::load::folder(dir)?;
    let repo = Repo::open(dir)?;
    let from = match from {
        Some(from) => from.to_owned(),
        None => repo
            .publications()?
            .last()
            .map_or_else(|| "HEAD".to_owned(), |p| p.tag.clone()),
    };
    if let Some(to) = to {
        return between(&repo, dir, &from, to, service, seen);
    }
    let old = pipeline::at(&repo, dir, Some(&from))?;
    let new = pipeline::at(&repo, dir, None)?;
    whole_diff(&old, new, service, seen)
}

/// The diff of two whole snapshots, `service` known to either.
fn whole_diff(
    old: &Snapshot,
    new: Snapshot,
    service: Option<&str>,
    seen: Seen,
) -> Result<(Diff, Snapshot), Error> {
    pipeline::known_service(
        old.sheet.service_ids().chain(new.sheet.service_ids()),
        service,
    )?;
    let diff = seen.compare(old, &new, service);
    Ok((diff, new))
}

/// `diff` of two revisions. Where the two differ only in answers files, every other
/// service is the same at both, and valid at the older as it is at the newer: only the
/// changed answers are read and compared at each ([`changed_answers`]). Whether the newer is usable is known from an earlier
/// run (see [`Repo::known_usable`]), or found by evaluating it whole.
fn between(
    repo: &Repo,
    dir: &Path,
    from: &str,
    to: &str,
    service: Option<&str>,
    seen: Seen,
) -> Result<(Diff, Snapshot), Error> {
    let from_commit = repo.commit(from)?;
    // The older revision's problems come first, as they always have.
    let older_first = |error: Error| match pipeline::at(repo, dir, Some(from)) {
        Ok(_) => error,
        Err(older) => older,
    };
    let to_commit = repo.commit(to).map_err(older_first)?;
    let whole = |revision: &str| pipeline::at(repo, dir, Some(revision));
    let mut new = None;
    if !repo.known_usable(&to_commit) {
        new = Some(whole(to).map_err(older_first)?);
        repo.learn_usable(&to_commit);
    }
    if let Some((old, changed)) = changed_answers(repo, dir, from, to)? {
        repo.learn_usable(&from_commit);
        repo.keep_usable();
        pipeline::known_service(listed(&changed), service)?;
        let diff = seen.compare(&old, &changed, service);
        return Ok((diff, new.unwrap_or(changed)));
    }
    let new = match new {
        Some(new) => new,
        None => whole(to).map_err(older_first)?,
    };
    let old = whole(from)?;
    repo.learn_usable(&from_commit);
    repo.keep_usable();
    whole_diff(&old, new, service, seen)
}

/// The ids of the services the settings of `snapshot` list.
fn listed(snapshot: &Snapshot) -> impl Iterator<Item = &str> {
    snapshot
        .workspace
        .assessment
        .services
        .iter()
        .map(|s| s.id.as_str())
}

/// An `answers` entry as a path in a git tree: `./answers/a.yaml` is `answers/a.yaml`;
/// `None` for one that leaves the folder (never read).
fn tree_path(answers: &str) -> Option<String> {
    crate::load::is_inside(answers).then(|| {
        Path::new(answers)
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(part) => part.to_str(),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/")
    })
}

/// Whether every path in `changed` is the answers file of a service of `snapshot`: then
/// the settings, checklist, lock, evidence and every other answers file are the same.
fn covered(snapshot: &Snapshot, changed: &[String]) -> bool {
    let answers: std::collections::BTreeSet<String> = snapshot
        .workspace
        .assessment
        .services
        .iter()
        .filter_map(|s| tree_path(&s.answers))
        .collect();
    changed.iter().all(|path| answers.contains(path))
}

/// What a build put in its sink, besides the files themselves.
pub struct Built {
    /// The manifest, as written (to sign).
    pub manifest: Vec<u8>,
    /// Every output but the manifest, with its SHA-256.
    pub outputs: BTreeMap<String, String>,
    /// Publication tags left out because their assessment cannot be used, each with the
    /// reason.
    pub skipped: Vec<String>,
    /// How the outputs were made, for the next build into the same folder (when the sink
    /// wants recipes).
    pub made: Option<crate::made::Made>,
}

/// The publications a site shows, oldest first, from the repository they are tags of;
/// none when the assessment is not in a git repository.
pub struct Publications {
    repo: Option<Repo>,
    publications: Vec<crate::history::Publication>,
}

impl Publications {
    /// Every publication of the assessment in `dir`; references that cannot be read are an
    /// error, never an empty history.
    pub fn of(dir: &Path) -> Result<Publications, Error> {
        let repo = Repo::open(dir).ok();
        let publications = match &repo {
            Some(repo) => repo.publications()?,
            None => Vec::new(),
        };
        Ok(Publications { repo, publications })
    }
}

/// A sink that notes each file's SHA-256, for the manifest, and what each page was made
/// from, and passes them on; it takes unchanged files again from the previous build as
/// `before` remembers it.
struct Listed<'a> {
    inner: &'a mut dyn render::Sink,
    outputs: BTreeMap<String, String>,
    before: Option<Made>,
    /// How this build's outputs are made, when the sink wants to know.
    now: Option<Made>,
    /// The files taken while noting those of the history part of the site.
    history: Option<BTreeSet<String>>,
}

impl Listed<'_> {
    /// Takes again the previous build's files `paths`, as [`render::Sink::reuse`] does.
    fn reuse(&mut self, paths: &[&str]) -> Result<bool, Error> {
        let Some(sums) = self.inner.reuse(paths)? else {
            return Ok(false);
        };
        for (path, sha256) in paths.iter().zip(sums) {
            self.note(path, sha256);
        }
        Ok(true)
    }

    fn note(&mut self, path: &str, sha256: String) {
        if let Some(history) = &mut self.history {
            history.insert(path.to_owned());
        }
        self.outputs.insert(path.to_owned(), sha256);
    }
}

impl render::Sink for Listed<'_> {
    fn file(&mut self, path: &str, bytes: &[u8], sha256: &str) -> Result<(), Error> {
        self.note(path, sha256.to_owned());
        self.inner.file(path, bytes, sha256)
    }

    fn wants_contexts(&self) -> bool {
        self.inner.wants_contexts()
    }

    fn context(&mut self, path: &str, context: serde_json::Value) {
        self.inner.context(path, context);
    }

    fn wants_recipes(&self) -> bool {
        self.now.is_some()
    }

    fn again(&mut self, paths: &[&str], recipe: &str) -> Result<bool, Error> {
        let Some(before) = &self.before else {
            return Ok(false);
        };
        let same = paths
            .iter()
            .all(|path| before.pages.get(*path).is_some_and(|r| r == recipe));
        if !(same && self.reuse(paths)?) {
            return Ok(false);
        }
        self.made_from(paths, recipe);
        Ok(true)
    }

    fn made_from(&mut self, paths: &[&str], recipe: &str) {
        if let Some(now) = &mut self.now {
            for path in paths {
                now.pages.insert((*path).to_owned(), recipe.to_owned());
            }
        }
    }
}

impl render::Sink for crate::write::Staging {
    fn file(&mut self, path: &str, bytes: &[u8], sha256: &str) -> Result<(), Error> {
        self.put(path, bytes, sha256)
    }

    fn wants_recipes(&self) -> bool {
        true
    }

    fn reuse(&mut self, paths: &[&str]) -> Result<Option<Vec<String>>, Error> {
        crate::write::Staging::reuse(self, paths)
    }
}

/// A sink that keeps nothing: for a build whose files only the manifest records.
struct Discard;

impl render::Sink for Discard {
    fn file(&mut self, _: &str, _: &[u8], _: &str) -> Result<(), Error> {
        Ok(())
    }
}

/// Renders the site of the assessment in the folder `dir` with its publications into
/// `sink`, page by page, and last the manifest that lists them with the commit they were
/// built from (if any). The history part comes first, with only the assessment's
/// `settings` at hand: each publication is evaluated, compared with the one before and its
/// sheets archived in turn, and only what the history pages list is kept of it; then the
/// `current` assessment is evaluated and its sheets rendered, so that no more than two
/// evaluations are held at once. What `before` remembers of the previous build into the
/// same folder is taken again where it was made from the same: the whole history part
/// when neither the publications nor the settings, checklist and logo changed, and each
/// current page whose template sees the same. The current assessment, with what was built.
pub fn site(
    settings: &Workspace,
    current: impl FnOnce() -> Result<Snapshot, Error>,
    dir: &Path,
    publications: Publications,
    commit: Option<&str>,
    before: Option<Made>,
    sink: &mut dyn render::Sink,
) -> Result<(Snapshot, Built), Error> {
    let now = sink.wants_recipes().then(|| Made::new(settings));
    let mut listed = Listed {
        inner: sink,
        outputs: BTreeMap::new(),
        before,
        now,
        history: Some(BTreeSet::new()),
    };
    let key = crate::made::history_key(settings, &publications.publications);
    let remembered = listed
        .before
        .as_mut()
        .and_then(|before| before.history.take())
        .filter(|history| history.key == key);
    let mut skipped = Vec::new();
    let history = match remembered {
        Some(remembered)
            if listed.reuse(
                &remembered
                    .outputs
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            )? =>
        {
            remembered.published
        }
        _ => {
            let history = archive(settings, dir, publications, &mut skipped, &mut listed)?;
            render::history(settings, &history, &mut listed)?;
            history
        }
    };
    let outputs = listed.history.take().unwrap_or_default();
    let snapshot = current()?;
    let workspace = &snapshot.workspace;
    render::site(workspace, &snapshot.sheet, &history, &mut listed)?;
    let Listed {
        outputs: listed,
        now: mut made,
        ..
    } = listed;
    let manifest = render::manifest(workspace, &snapshot.sheet, &listed, commit, &history);
    sink.put(crate::write::SITE_MARK, &manifest)?;
    // A publication left out may be usable another time: only a whole history is kept.
    if let Some(made) = &mut made
        && skipped.is_empty()
    {
        made.history = Some(crate::made::History {
            key,
            published: history,
            outputs,
        });
    }
    let built = Built {
        manifest,
        outputs: listed,
        skipped,
        made,
    };
    Ok((snapshot, built))
}

/// Evaluates each publication in turn, compares it with the one before and archives its
/// sheets into `sink`; what the history pages list of them, oldest first. A publication
/// whose assessment cannot be used is left out, with the reason in `skipped`.
fn archive(
    settings: &Workspace,
    dir: &Path,
    publications: Publications,
    skipped: &mut Vec<String>,
    sink: &mut dyn render::Sink,
) -> Result<Vec<render::Published>, Error> {
    let mut history = Vec::new();
    let Some(repo) = &publications.repo else {
        return Ok(history);
    };
    let mut before: Option<Snapshot> = None;
    for publication in publications.publications {
        let mut published = match pipeline::publication(repo, dir, &publication) {
            Ok(published) => published,
            Err(Error::Input(problems)) => {
                let reason = problems
                    .first()
                    .map_or(String::new(), |p| p.message.clone());
                skipped.push(format!("{}: {reason}", publication.tag));
                continue;
            }
            Err(error) => return Err(error),
        };
        // An archived sheet is rendered from its evaluation; its answers files, read and
        // parsed, are needed no more.
        published.workspace.services = Vec::new();
        let diff = before
            .as_ref()
            .map(|old| compare_public(old, &published, None));
        let date = japan_time(publication.time).date().to_string();
        let entry = render::Published::new(publication, date, diff, &published.sheet);
        render::archive(
            settings,
            &entry,
            (&published.workspace, &published.sheet),
            sink,
        )?;
        history.push(entry);
        before = Some(published);
    }
    Ok(history)
}

/// The site built anew from the repository at a commit, with the publications a manifest
/// recorded (tag and commit each), for `verify`.
pub struct Rebuilt {
    pub built: Built,
    /// Recorded publications the repository no longer has as they were: (tag, what is
    /// wrong).
    pub publications: Vec<(String, String)>,
}

/// Builds the site of the assessment in `dir` as it was committed at `commit`, with the
/// publications `recorded` (tag, commit), exactly as `build` would have; only the hashes
/// are kept.
pub fn rebuild(dir: &Path, commit: &str, recorded: &[(String, String)]) -> Result<Rebuilt, Error> {
    let repo = Repo::open(dir)?;
    let mut all = repo.publications()?;
    let mut problems = Vec::new();
    let mut chosen = Vec::new();
    for (tag, tagged) in recorded {
        match all.iter().position(|p| &p.tag == tag) {
            Some(at) if &all[at].commit == tagged => chosen.push(all.swap_remove(at)),
            Some(at) => problems.push((
                tag.clone(),
                t!(
                    "verify.tag-moved",
                    expected = short(tagged),
                    actual = short(&all[at].commit)
                ),
            )),
            None => problems.push((tag.clone(), t!("verify.tag-missing"))),
        }
    }
    let built = built_at(dir, repo, commit, chosen)?;
    Ok(Rebuilt {
        built,
        publications: problems,
    })
}

/// The site of the assessment in `dir` as committed at `commit`, with the publications
/// `chosen`, built in memory: only the hashes and the manifest are kept.
fn built_at(
    dir: &Path,
    repo: Repo,
    commit: &str,
    mut chosen: Vec<crate::history::Publication>,
) -> Result<Built, Error> {
    let settings = pipeline::settings(Some(&repo), dir, Some(commit))?;
    chosen.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.tag.cmp(&b.tag)));
    let publications = Publications {
        repo: Some(repo),
        publications: chosen,
    };
    let current = || pipeline::published(Some(&Repo::open(dir)?), dir, Some(commit));
    let (_, built) = site(
        &settings,
        current,
        dir,
        publications,
        Some(commit),
        None,
        &mut Discard,
    )?;
    Ok(built)
}

/// The first twelve characters of a commit id.
fn short(commit: &str) -> &str {
    commit.get(..12).unwrap_or(commit)
}

/// `check --since REV`: a `regressed` warning on each requirement of `now` whose status
/// shown is worse than at `revision` (see [`Shown::standing`]) while its explanation, in
/// every language, stayed the same: a quiet downgrade. A service or requirement that did
/// not exist at `revision` has nothing to regress from.
pub fn regressions(dir: &Path, revision: &str, now: &mut Snapshot) -> Result<(), Error> {
    let repo = Repo::open(dir)?;
    let then = pipeline::at(&repo, dir, Some(revision))?;
    let diff = compare(&then, now, None);
    for service in &diff.services {
        let Some(source) = now
            .workspace
            .services
            .iter()
            .find(|s| s.service.id == service.id)
            .map(|s| &s.file)
        else {
            continue;
        };
        let Some(sheet) = now
            .sheet
            .services
            .iter_mut()
            .find(|s| s.service.id == service.id)
        else {
            continue;
        };
        for requirement in &service.requirements {
            let Some(status) = &requirement.status else {
                continue;
            };
            if requirement.explanation.is_some()
                || requirement.explanation_en.is_some()
                || !status.to.is_worse_than(status.from)
            {
                continue;
            }
            let Some(row) = sheet
                .sections
                .iter_mut()
                .flat_map(|s| s.rows.iter_mut())
                .find(|r| r.requirement.id == requirement.id)
            else {
                continue;
            };
            let label = |shown: Shown| crate::labels::shown(shown, crate::i18n::language()).1;
            let mut finding = crate::evaluate::finding(
                crate::sheet::Code::Regressed,
                crate::diagnostic::Severity::Warning,
                t!(
                    "finding.regressed",
                    from = label(status.from),
                    to = label(status.to),
                    revision = revision
                ),
            );
            let path = [
                Step::Key("answers".to_owned()),
                Step::Key(requirement.id.clone()),
                Step::Key("status".to_owned()),
            ];
            if let Some(cell) = source.cell(&path) {
                finding.cell = Some(cell.to_owned());
            } else if let Some(location) = source.locate(&path, Part::Value) {
                finding.line = Some(location.line);
                finding.column = Some(location.column);
            }
            row.findings.push(finding);
            sheet.summary.warnings += 1;
        }
    }
    Ok(())
}

/// One revision that changed the assessment, for `checksheet log`.
#[derive(Debug, Serialize)]
pub struct LogEntry {
    pub commit: String,
    /// The commit's date and time in Japan, with its offset (RFC 3339).
    pub date: String,
    pub author: String,
    pub message: String,
    /// What it changed in the compliance picture.
    pub summary: LogSummary,
    /// The publications of this revision (its tags) and who approved each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<crate::approval::Approval>,
}

/// What a revision did to the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogEvent {
    /// The assessment changed (or stayed the same, in what it publishes).
    Changed,
    /// The assessment appeared.
    Created,
    /// The assessment disappeared.
    Removed,
    /// The assessment at this revision cannot be used.
    Unusable,
    /// The assessment at the parent revision cannot be used.
    AfterUnusable,
    /// The parent revision is not in this shallow clone.
    HistoryNotFetched,
}

/// A revision's change, counted.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct LogSummary {
    pub event: LogEvent,
    /// How the number of requirements shown with each status changed (non-zero only).
    pub statuses: BTreeMap<&'static str, i64>,
    #[serde(flatten)]
    pub counts: Counts,
    /// Why the assessment was unusable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

impl LogSummary {
    fn event(event: LogEvent, problem: Option<String>) -> LogSummary {
        LogSummary {
            event,
            statuses: BTreeMap::new(),
            counts: Counts::default(),
            problem,
        }
    }
}

/// Rows by the status shown, over the services (or `only`).
fn statuses(sheet: &Sheet, only: Option<&str>) -> BTreeMap<&'static str, i64> {
    let mut counts = BTreeMap::new();
    for service in &sheet.services {
        if only.is_some_and(|only| only != service.service.id) {
            continue;
        }
        for (key, count) in &service.summary.statuses {
            *counts.entry(*key).or_default() += i64::try_from(*count).unwrap_or(i64::MAX);
        }
    }
    counts
}

/// The change from `old` to `new`, counted.
fn summary(old: &Snapshot, new: &Snapshot, only: Option<&str>) -> LogSummary {
    let before = statuses(&old.sheet, only);
    let after = statuses(&new.sheet, only);
    let statuses = Shown::KEYS
        .iter()
        .filter_map(|key| {
            let delta = after.get(key).unwrap_or(&0) - before.get(key).unwrap_or(&0);
            (delta != 0).then_some((*key, delta))
        })
        .collect();
    LogSummary {
        event: LogEvent::Changed,
        statuses,
        counts: compare(old, new, only).summary,
        problem: None,
    }
}

/// The date and time in Japan of `seconds` since the epoch.
pub fn japan_time(seconds: i64) -> jiff::civil::DateTime {
    jiff::tz::Offset::constant(9)
        .to_datetime(jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH))
}

fn first_message(problems: &[Diagnostic]) -> String {
    problems
        .first()
        .map(|p| p.message.clone())
        .unwrap_or_default()
}

/// `checksheet log`: the revisions that changed the assessment or were published, newest
/// first, each publication with its approval checked against `allowed`.
pub fn log(
    dir: &Path,
    service: Option<&str>,
    allowed: Option<&crate::sign::AllowedSigners>,
) -> Result<Vec<LogEntry>, Error> {
    // The services are those of the settings on disk; the answers files are not read.
    let current = pipeline::open(
        &t!("diff.working-tree"),
        crate::load::from_some(dir, Box::new(crate::load::folder(dir)?), Some(&|_| false))?,
    )?;
    pipeline::known_service(
        current
            .workspace
            .assessment
            .services
            .iter()
            .map(|s| s.id.as_str()),
        service,
    )?;
    let repo = Repo::open(dir)?;
    let mut entries = Vec::new();
    // Newest first: a commit's parent is usually the next commit listed, so the parent's
    // snapshot is kept for it.
    let mut kept: Option<(String, Snapshot)> = None;
    // The last commit found usable: every file of it is valid.
    let mut usable: Option<String> = None;
    let at = |commit: &str, kept: &mut Option<(String, Snapshot)>| match kept.take() {
        Some((id, snapshot)) if id == commit => Ok(snapshot),
        _ => pipeline::at(&repo, dir, Some(commit)),
    };
    // A commit's snapshot, or what the log says of a commit that has none.
    let own = |commit: &str, kept: &mut Option<(String, Snapshot)>| match at(commit, kept) {
        Err(Error::Input(problems))
            if problems.first().is_some_and(|p| p.code == "no-assessment") =>
        {
            Ok(Err(LogSummary::event(LogEvent::Removed, None)))
        }
        Err(Error::Input(problems)) => Ok(Err(LogSummary::event(
            LogEvent::Unusable,
            Some(first_message(&problems)),
        ))),
        Err(error) => Err(error),
        Ok(snapshot) => Ok(Ok(snapshot)),
    };
    for change in repo.changes()? {
        let mut new = None;
        if usable.as_deref() != Some(change.commit.as_str()) && repo.known_usable(&change.commit) {
            usable = Some(change.commit.clone());
        }
        if usable.as_deref() != Some(change.commit.as_str()) {
            match own(&change.commit, &mut kept)? {
                Ok(snapshot) => {
                    repo.learn_usable(&change.commit);
                    new = Some(snapshot);
                }
                Err(summary) => {
                    usable = None;
                    entries.push(LogEntry::of(change, summary));
                    continue;
                }
            }
        }
        // The commit is usable: where its parent differs only in answers files, those
        // alone are read again.
        let quick = match change.parent.as_deref() {
            Some(parent) => changed_answers(&repo, dir, parent, &change.commit)?
                .map(|(old, new)| summary(&old, &new, service)),
            None if change.shallow => Some(LogSummary::event(LogEvent::HistoryNotFetched, None)),
            None => Some(LogSummary::event(LogEvent::Created, None)),
        };
        if let Some(summary) = quick {
            usable.clone_from(&change.parent);
            if let Some(parent) = &usable {
                repo.learn_usable(parent);
            }
            kept = None;
            entries.push(LogEntry::of(change, summary));
            continue;
        }
        usable = None;
        let new = match new {
            Some(new) => new,
            None => match own(&change.commit, &mut kept)? {
                Ok(snapshot) => snapshot,
                Err(summary) => {
                    entries.push(LogEntry::of(change, summary));
                    continue;
                }
            },
        };
        let summary = match change.parent.as_deref().map(|p| (p, at(p, &mut None))) {
            Some((parent, Ok(old))) => {
                let summary = summary(&old, &new, service);
                usable = Some(parent.to_owned());
                repo.learn_usable(parent);
                kept = Some((parent.to_owned(), old));
                summary
            }
            Some((_, Err(Error::Input(problems))))
                if problems.first().is_some_and(|p| p.code != "no-assessment") =>
            {
                LogSummary::event(LogEvent::AfterUnusable, None)
            }
            Some((_, Err(Error::Input(_)))) => LogSummary::event(LogEvent::Created, None),
            Some((_, Err(error))) => return Err(error),
            None if change.shallow => LogSummary::event(LogEvent::HistoryNotFetched, None),
            None => LogSummary::event(LogEvent::Created, None),
        };
        entries.push(LogEntry::of(change, summary));
    }
    repo.keep_usable();
    with_publications(&repo, entries, allowed)
}

/// `entries`, each with its publications, their approvals checked against `allowed`.
fn with_publications(
    repo: &Repo,
    mut entries: Vec<LogEntry>,
    allowed: Option<&crate::sign::AllowedSigners>,
) -> Result<Vec<LogEntry>, Error> {
    let publications = repo.publications()?;
    for entry in &mut entries {
        entry.publications = publications
            .iter()
            .filter(|p| p.commit == entry.commit)
            .filter_map(|p| crate::approval::approval(repo, &p.tag, allowed))
            .collect();
    }
    Ok(entries)
}

impl LogEntry {
    fn of(change: crate::history::Change, summary: LogSummary) -> LogEntry {
        LogEntry {
            commit: change.commit,
            date: japan_time(change.time)
                .strftime("%Y-%m-%dT%H:%M:%S+09:00")
                .to_string(),
            author: change.author,
            message: change.message,
            summary,
            publications: Vec::new(),
        }
    }
}

/// The services whose answers files changed from `old` to `new`, evaluated at each, when
/// `new` is known usable and the two differ only in answers files: then every other service
/// is the same and valid at both. `None` when that does not hold, or `old` has a problem (the
/// whole evaluation names it).
fn changed_answers(
    repo: &Repo,
    dir: &Path,
    old: &str,
    new: &str,
) -> Result<Option<(Snapshot, Snapshot)>, Error> {
    let (Ok(old_commit), Ok(new_commit)) = (repo.commit(old), repo.commit(new)) else {
        return Ok(None);
    };
    let Some(changed) = repo.changed_paths(&old_commit, &new_commit)? else {
        return Ok(None);
    };
    let wanted = |answers: &str| tree_path(answers).is_some_and(|p| changed.contains(&p));
    let partial = |revision: &str| match pipeline::some_at(repo, dir, revision, Some(&wanted)) {
        Ok(snapshot) => Ok(Some(snapshot)),
        Err(Error::Input(_)) => Ok(None),
        Err(error) => Err(error),
    };
    let Some(new) = partial(new)? else {
        return Ok(None);
    };
    if !covered(&new, &changed) {
        return Ok(None);
    }
    Ok(partial(old)?.map(|old| (old, new)))
}

/// Why an assessment may not be published as it is (the sheets' [`Hold`]s on the day of
/// its commit), each pointing at its line or cell and saying what to write there, in the
/// terms of a YAML answers file or of a workbook.
fn refusals(
    head: &Snapshot,
    commit_date: jiff::civil::Date,
    allow_incomplete: bool,
) -> Vec<Diagnostic> {
    let key = |name: &str| [Step::Key(name.to_owned())];
    let mut causes = Vec::new();
    for (service, source) in head.sheet.services.iter().zip(&head.workspace.services) {
        debug_assert_eq!(service.service.id, source.service.id);
        let (id, file) = (&service.service.id, &source.file);
        let workbook = file.cells.is_some();
        // The cell of a header field, or the sheet when the workbook has no such row.
        let cell = |name: &str| {
            file.cell(&key(name))
                .unwrap_or(crate::model::workbook::SHEET)
                .to_owned()
        };
        for hold in service.holds(Some(commit_date)) {
            let cause = match hold {
                Hold::Unanswered(_) if allow_incomplete => continue,
                Hold::Unanswered(count) => file
                    .diagnostic(
                        "incomplete",
                        t!("publish.unanswered", id = id, count = count),
                        &key("answers"),
                        Part::Key,
                    )
                    .help(t!("publish.unanswered-help")),
                Hold::Undecided(count) => file
                    .diagnostic(
                        "incomplete",
                        t!("publish.undecided", id = id, count = count),
                        &key("facts"),
                        Part::Key,
                    )
                    .help(if workbook {
                        t!("publish.undecided-help-workbook")
                    } else {
                        t!("publish.undecided-help")
                    }),
                Hold::NotReviewed if workbook => file
                    .diagnostic(
                        "not-reviewed",
                        t!("publish.not-reviewed-workbook", id = id),
                        &key("reviewed-by"),
                        Part::Key,
                    )
                    .help(t!(
                        "publish.not-reviewed-help-workbook",
                        cell = cell("reviewed-by")
                    )),
                Hold::NotReviewed => file
                    .diagnostic(
                        "not-reviewed",
                        t!("publish.not-reviewed", id = id),
                        &key("reviewed-by"),
                        Part::Key,
                    )
                    .help(t!("publish.not-reviewed-help")),
                Hold::NotApproved => not_approved(id, file),
                Hold::ReviewOverdue(next) => file
                    .diagnostic(
                        "review-overdue",
                        t!(
                            "publish.review-overdue",
                            id = id,
                            next = next,
                            as_of = service.as_of
                        ),
                        &key("next-review"),
                        Part::Value,
                    )
                    .help(if workbook {
                        t!(
                            "publish.review-overdue-help-workbook",
                            cell = cell("next-review")
                        )
                    } else {
                        t!("publish.review-overdue-help")
                    }),
                Hold::AsOfInFuture(day) => file
                    .diagnostic(
                        "as-of-in-future",
                        t!(
                            "publish.future",
                            id = id,
                            as_of = service.as_of,
                            commit = day
                        ),
                        &key("as-of"),
                        Part::Value,
                    )
                    .help(t!("publish.future-help")),
            };
            causes.push(cause);
        }
    }
    causes
}

/// The refusal of a self-check no one approved: in a workbook, at the cell beside 承認者,
/// naming it and the one beside 承認日; in YAML, at `as-of`, with `approved-by:` to write.
fn not_approved(id: &str, file: &crate::load::SourceFile) -> Diagnostic {
    let path = |keys: &[&str]| -> Vec<Step> {
        keys.iter()
            .map(|key| Step::Key((*key).to_owned()))
            .collect()
    };
    match crate::evaluate::approval_cells(file) {
        Some((name, date)) => file
            .diagnostic(
                "not-approved",
                t!("publish.not-approved-workbook", id = id),
                &path(&["approved-by", "name"]),
                Part::Value,
            )
            .help(t!(
                "publish.not-approved-help-workbook",
                name = name,
                date = date
            )),
        None if file.cells.is_some() => file
            .diagnostic(
                "not-approved",
                t!("publish.not-approved-workbook", id = id),
                &path(&["reviewed-by"]),
                Part::Value,
            )
            .help(t!("finding.approval-missing-no-rows")),
        None => file
            .diagnostic(
                "not-approved",
                t!("publish.not-approved", id = id),
                &path(&["as-of"]),
                Part::Key,
            )
            .help(t!("publish.not-approved-help")),
    }
}

/// The message of the tag of `publication` (its `message` as given), with the SHA-256 of
/// the manifest of the site it will be, built in memory as `build` will build it: the link
/// the next publication's manifest names, which `verify` checks. An approver's signature
/// covers it with the rest of the tag.
fn recorded(
    dir: &Path,
    repo: &Repo,
    mut publication: crate::history::Publication,
) -> Result<String, Error> {
    let message = std::mem::take(&mut publication.message);
    publication.message = crate::history::split_message(&message).0;
    let commit = publication.commit.clone();
    let mut publications = repo.publications()?;
    publications.push(publication);
    let built = built_at(dir, Repo::open(dir)?, &commit, publications)?;
    Ok(format!(
        "{}\n\n{} sha256:{}\n",
        message.trim_end(),
        crate::history::MANIFEST_TRAILER,
        crate::digest::sha256(&built.manifest)
    ))
}

/// `checksheet publish`: tags HEAD as a publication, signed by `key` (the approver's) as
/// `git tag -s` signs with an SSH key. `Ok(Err(causes))` when the committed assessment may
/// not be published as it is.
pub fn publish(
    dir: &Path,
    message: Option<&str>,
    allow_incomplete: bool,
    key: Option<&crate::sign::Key>,
) -> Result<Result<String, Vec<Diagnostic>>, Error> {
    crate::load::folder(dir)?;
    let repo = Repo::open(dir)?;
    let uncommitted = repo.uncommitted()?;
    if !uncommitted.is_empty() {
        let list: Vec<String> = uncommitted.iter().map(|p| format!("`{p}`")).collect();
        return Err(Error::input(
            Diagnostic::new(
                "uncommitted",
                t!("publish.uncommitted", files = list.join(", ")),
            )
            .help(t!("publish.uncommitted-help")),
        ));
    }
    let head_commit = repo.commit("HEAD")?;
    if let Some(earlier) = repo
        .publications()?
        .iter()
        .find(|p| p.commit == head_commit)
    {
        return Err(Error::input(
            Diagnostic::new(
                "already-published",
                t!("publish.already", tag = earlier.tag),
            )
            .help(t!("publish.already-help")),
        ));
    }
    let head = pipeline::at(&repo, dir, Some("HEAD"))?;
    let commit_date = japan_time(repo.commit_time(&head_commit)?).date();
    let causes = refusals(&head, commit_date, allow_incomplete);
    if !causes.is_empty() {
        return Ok(Err(causes));
    }
    let date = head
        .sheet
        .services
        .iter()
        .map(|s| s.as_of)
        .max()
        .expect("an assessment has services");
    let prefix = repo.tag_prefix();
    let mut name = format!("{prefix}{date}");
    let mut suffix = 2;
    while repo.has_tag(&name) {
        name = format!("{prefix}{date}-{suffix}");
        suffix += 1;
    }
    // The default message is part of the published record: in the assessment's first
    // language, whatever language the person publishing reads.
    let first = head.workspace.assessment.languages[0];
    let counts: Vec<String> = head
        .sheet
        .services
        .iter()
        .map(|s| {
            crate::i18n::text_in(
                first,
                "publish.counts",
                &[
                    ("id", &s.service.id),
                    ("conforms", &s.summary.conforms),
                    ("gaps", &s.summary.gap),
                    ("unanswered", &s.summary.unanswered),
                ],
            )
        })
        .collect();
    let message = message.map_or_else(
        || {
            format!(
                "{}\n\n{}",
                crate::i18n::text_in(first, "publish.message", &[("date", &date)]),
                counts.join("\n")
            )
        },
        str::to_owned,
    );
    let time = jiff::Timestamp::now().as_second();
    let publication = crate::history::Publication {
        tag: name.clone(),
        commit: head_commit,
        time,
        message,
        manifest: None,
    };
    let message = recorded(dir, &repo, publication)?;
    let sign =
        key.map(|key| move |payload: &[u8]| key.sign_for(crate::sign::GIT_NAMESPACE, payload));
    let commit = repo.tag(
        &name,
        &message,
        time,
        sign.as_ref().map(|f| f as crate::history::TagSigner),
    )?;
    let mut said = t!("publish.tagged", name = name, commit = &commit[..12]) + "\n";
    if let Some(key) = key {
        said += &(t!("publish.signed", key = key.fingerprint()) + "\n");
    }
    Ok(Ok(said))
}
