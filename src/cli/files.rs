//! The commands that read evidence and write files: `build`, `evidence lock`,
//! `evidence list`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{Format, Outcome, json, print, print_bytes};
use crate::audit as revisions;
use crate::error::Error;
use crate::i18n::t;
use crate::{evidence, history, load, pipeline, render, report, write};

pub(super) fn build(
    dir: &Path,
    site: Option<&Path>,
    context: bool,
    (sign, timestamp): (Option<PathBuf>, Option<String>),
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    let (sign, timestamp) = (sign.as_deref(), timestamp.as_deref());
    // A time-stamp is over the signature: there is none to stamp without one.
    if timestamp.is_some() && sign.is_none() {
        return Err(Error::input(
            crate::diagnostic::Diagnostic::new(
                "timestamp-without-sign",
                t!("timestamp.needs-sign"),
            )
            .help(t!("timestamp.needs-sign-help")),
        ));
    }
    // A key that cannot sign stops the build before anything is rendered.
    let key = sign
        .map(|path| {
            crate::sign::read_key(
                path,
                std::env::var(crate::sign::PASSPHRASE_VAR).ok().as_deref(),
            )
        })
        .transpose()?;
    // The settings first: the history part of the site needs no more, and the current
    // answers are evaluated once it is done (see `audit::site`).
    let settings = pipeline::settings(None, dir, None)?;
    let current = || pipeline::published(None, dir, None);
    let publications = revisions::Publications::of(dir)?;
    let target = site.map_or_else(|| dir.join("site"), Path::to_path_buf);
    let commit = history::source_commit(dir, &render::inputs(&settings), &target);
    if context {
        let mut kept = render::Site::default();
        revisions::site(
            &settings,
            current,
            dir,
            publications,
            commit.as_deref(),
            None,
            &mut kept,
        )?;
        print(out, &json(&kept.contexts))?;
        return Ok(Outcome::Clean);
    }
    let mut staging = write::Staging::new(&target, crate::made::spare(dir, &target))?;
    let before = staging
        .previous_manifest()
        .and_then(|manifest| crate::made::Made::read(dir, &target, manifest, &settings));
    let (snapshot, built) = revisions::site(
        &settings,
        current,
        dir,
        publications,
        commit.as_deref(),
        before,
        &mut staging,
    )?;
    drop(settings);
    let mut stamped = None;
    if let Some(key) = &key {
        let signature = key.sign(&built.manifest);
        // Asked for before the site is written: an authority that fails leaves it as it was.
        if let Some(url) = timestamp {
            let (token, stamp) = crate::timestamp::request(url, &signature)?;
            render::Sink::put(&mut staging, crate::timestamp::TOKEN_FILE, &token)?;
            stamped = Some(stamp);
        }
        render::Sink::put(&mut staging, crate::sign::SIGNATURE_FILE, &signature)?;
    }
    staging.finish()?;
    if let Some(made) = built.made {
        made.keep(dir, &target, &built.manifest);
    }
    let pages = built
        .outputs
        .keys()
        .filter(|name| name.ends_with(".html"))
        .count();
    let mut message = t!(
        "build.built",
        pages = pages,
        // The manifest, the signature and its time-stamp are files too.
        others =
            built.outputs.len() + 1 + usize::from(key.is_some()) + usize::from(stamped.is_some())
                - pages,
        out = target.display()
    );
    message.push('\n');
    for tag in &built.skipped {
        let _ = writeln!(message, "{}", t!("build.skipped", tag = tag));
    }
    if let Some(key) = &key {
        let _ = writeln!(
            message,
            "{}",
            t!(
                "build.signed",
                file = crate::sign::SIGNATURE_FILE,
                key = key.fingerprint()
            )
        );
    }
    if let Some(stamp) = &stamped {
        let _ = writeln!(message, "{}", crate::timestamp::stamped_text(stamp));
    }
    print(out, &message)?;
    eprint!("{}", super::visible(&report::unsupported(&snapshot.sheet)));
    Ok(Outcome::Clean)
}

pub(super) fn evidence_lock(dir: &Path, out: &mut impl std::io::Write) -> Result<Outcome, Error> {
    let snapshot = pipeline::working_tree(dir)?;
    let (workspace, files) = (&snapshot.workspace, &snapshot.files);
    let lock = evidence::lock(workspace, files)?;
    let name = load::display(dir, load::LOCK_FILE);
    let old = &workspace.lock.files;
    let added = lock.files.keys().filter(|k| !old.contains_key(*k)).count();
    let removed = old.keys().filter(|k| !lock.files.contains_key(*k)).count();
    let changed = lock
        .files
        .iter()
        .filter(|(k, v)| old.get(*k).is_some_and(|o| o != *v))
        .count();
    let text = load::lock_text(&lock);
    let on_disk = workspace.lock_file.as_ref().map(|f| f.text.as_str());
    let message = if on_disk == Some(text.as_str()) {
        t!("lock.current", name = name, count = lock.files.len()) + "\n"
    } else {
        write::replace_file(&dir.join(load::LOCK_FILE), text.as_bytes())?;
        t!(
            "lock.wrote",
            name = name,
            count = lock.files.len(),
            added = added,
            changed = changed,
            removed = removed
        ) + "\n"
    };
    print(out, &message)?;
    Ok(Outcome::Clean)
}

pub(super) fn evidence_list(
    dir: &Path,
    service: Option<&str>,
    format: Format,
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    let mut sheet = pipeline::working_tree(dir)?.sheet;
    pipeline::known_service(sheet.service_ids(), service)?;
    sheet.only(service);
    let items = report::evidence_items(&sheet);
    let text = match format {
        Format::Text => super::visible(&report::evidence_text(&items)),
        Format::Json => json(&items),
    };
    print(out, &text)?;
    Ok(Outcome::Clean)
}

/// The service an export of one service's answers or results is about.
fn service_to_export<'a>(service: Option<&'a str>, format: &str) -> Result<&'a str, Error> {
    service.ok_or_else(|| {
        Error::input(
            crate::diagnostic::Diagnostic::new(
                "missing-service",
                t!("export.needs-service", format = format),
            )
            .help(t!("export.needs-service-help", format = format)),
        )
    })
}

/// Whether `--out` names standard output (`-`).
fn standard_output(file: Option<&Path>) -> bool {
    file == Some(Path::new("-"))
}

/// `export`: a service's answers, from YAML or a workbook, as a workbook or YAML, into a new
/// file (`<service>.xlsx` or `<service>.yaml` by default), or `-` for standard output.
pub(super) fn export(
    dir: &Path,
    service: Option<&str>,
    xlsx: bool,
    file: Option<&Path>,
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    // Loaded first, so that the message speaks the assessment's language.
    let snapshot = pipeline::working_tree(dir)?;
    let service = service_to_export(service, if xlsx { "xlsx" } else { "yaml" })?;
    let workspace = &snapshot.workspace;
    pipeline::known_service(snapshot.sheet.service_ids(), Some(service))?;
    let Some(found) = workspace.services.iter().find(|s| s.service.id == service) else {
        return Ok(Outcome::Clean);
    };
    let extension = if xlsx { "xlsx" } else { "yaml" };
    let target = file.map_or_else(
        || std::path::PathBuf::from(format!("{service}.{extension}")),
        Path::to_path_buf,
    );
    if !standard_output(file) && target.exists() {
        return Err(Error::input(
            crate::diagnostic::Diagnostic::new(
                "file-exists",
                t!("export.exists", path = target.display()),
            )
            .help(t!("export.exists-help")),
        ));
    }
    let first = workspace.assessment.languages[0];
    let bytes = if xlsx {
        render::workbook::answers(
            &render::workbook::Header {
                organization: &workspace.assessment.organization.name,
                service: &found.service.name,
                checklist: &workspace.checklist,
            },
            &found.answers,
        )?
    } else {
        load::answers_yaml(&found.answers, first).into_bytes()
    };
    if standard_output(file) {
        print_bytes(out, &bytes)?;
        return Ok(Outcome::Clean);
    }
    write::new_file(&target, &bytes)?;
    let mut message = t!("export.wrote", path = target.display(), service = service);
    let _ = write!(
        message,
        "\n{}\n",
        t!("export.use", service = service, path = target.display())
    );
    print(out, &message)?;
    Ok(Outcome::Clean)
}

/// The OSCAL document `export` writes.
pub(super) enum Oscal<'a> {
    /// The checklist, as a catalog.
    Catalog,
    /// A service's sheet (the one asked for, if any), as assessment results.
    Results(Option<&'a str>),
}

/// `export --format oscal-catalog|oscal-results`: written to `file` (replaced, as a derived
/// output), `-` for standard output, or a file named after what it holds.
pub(super) fn oscal(
    dir: &Path,
    document: &Oscal,
    internal: bool,
    file: Option<&Path>,
    out: &mut impl std::io::Write,
) -> Result<Outcome, Error> {
    let snapshot = pipeline::working_tree(dir)?;
    let sheet = &snapshot.sheet;
    let (bytes, name) = match *document {
        Oscal::Catalog => (
            render::oscal::catalog(sheet),
            crate::render::oscal::catalog_file(&sheet.checklist.id),
        ),
        Oscal::Results(service) => {
            let service = service_to_export(service, "oscal-results")?;
            pipeline::known_service(sheet.service_ids(), Some(service))?;
            let Some(found) = sheet.services.iter().find(|s| s.service.id == service) else {
                return Ok(Outcome::Clean);
            };
            (
                render::oscal::results(sheet, found, internal),
                format!("{service}.oscal-results.json"),
            )
        }
    };
    if standard_output(file) {
        print_bytes(out, &bytes)?;
        if internal {
            eprintln!("{}", t!("export.internal-warning"));
        }
        return Ok(Outcome::Clean);
    }
    let target = file.map_or_else(|| std::path::PathBuf::from(&name), Path::to_path_buf);
    write::replace_file(&target, &bytes)?;
    let mut message = t!("export.wrote-oscal", path = target.display());
    message.push('\n');
    if internal {
        let _ = writeln!(message, "{}", t!("export.internal-warning"));
    }
    print(out, &message)?;
    Ok(Outcome::Clean)
}
