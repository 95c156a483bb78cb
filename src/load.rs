//! Loading: files on disk or git blobs to the model. Loading never evaluates.

mod files;
mod notice;
mod spans;
mod typing;
mod workbook;
#[doc(hidden)]
pub(crate) use workbook::rewritten as rewritten_workbook;
mod yaml;

use std::path::{Component, Path, PathBuf};

pub use files::{Disk, Files, Refusal};
pub use notice::{Notice, NoticeKind};
pub use spans::Step;
pub use yaml::{Part, SourceFile, display_path, scalar, to_string};

use crate::checklists;
use crate::diagnostic::{Diagnostic, Location, suggest};
use crate::error::Error;
use crate::i18n::t;
use crate::model::{AnswersFile, Assessment, Checklist, Lock, Service};
use yaml::{Expect, parse};

/// The name of the file at the root of every assessment repository.
pub const ASSESSMENT_FILE: &str = "checksheet.yaml";

/// The name of the machine-written file holding the evidence files' hashes.
pub const LOCK_FILE: &str = "checksheet.lock";

/// An assessment as read from disk, before validation: files that could not be read or
/// parsed are `None`, and their problems are in `problems`.
pub struct Loaded {
    pub root: PathBuf,
    /// Where the files were read from.
    pub files: Box<dyn Files>,
    pub assessment_file: SourceFile,
    pub assessment: Assessment,
    pub checklist_file: SourceFile,
    pub checklist: Option<Checklist>,
    pub services: Vec<LoadedService>,
    /// The checklist's path in the repository, when it is a file there (not bundled).
    pub checklist_path: Option<String>,
    /// `checksheet.lock`, when there is one.
    pub lock_file: Option<SourceFile>,
    pub lock: Option<Lock>,
    /// The assessment's own page templates (`templates/*.html`, `templates/*.css`), by
    /// path.
    pub templates: Vec<(String, SourceFile)>,
    pub problems: Vec<Diagnostic>,
}

/// The folder of an assessment's own page templates.
pub const TEMPLATES_DIR: &str = "templates";

/// One service's answers as read from disk.
pub struct LoadedService {
    pub service: Service,
    pub file: Option<SourceFile>,
    pub answers: Option<AnswersFile>,
}

/// How a path is shown to the user: as given, joined with `/`.
pub fn display(root: &Path, relative: &str) -> String {
    let root = root.to_string_lossy().replace('\\', "/");
    let relative = relative.replace('\\', "/");
    match root.trim_end_matches('/') {
        "" | "." => relative,
        root => format!("{root}/{relative}"),
    }
}

/// Whether `path` is relative and stays inside the folder it is relative to. A path on a
/// network share or a drive (`\\server\share\…`, `Z:\…`) never is, on any system.
pub fn is_inside(path: &str) -> bool {
    !path.is_empty()
        && elsewhere(path).is_none()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// Where a path written as Windows shows it points, away from the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// A network share, `\\server\share\…`: the server's name.
    Network(String),
    /// A drive, `Z:\…` or `C:\Users\…`: its letter.
    Drive(char),
}

/// The characters that end a folder in a path typed on Windows or with a Japanese keyboard:
/// `/`, `\`, their full-width forms and the yen signs Japanese Windows shows `\` as.
pub fn is_separator(c: char) -> bool {
    matches!(c, '/' | '\\' | '／' | '＼' | '¥' | '￥')
}

/// Whether `path` names a network share or a drive, however its separators were typed.
pub fn elsewhere(path: &str) -> Option<Elsewhere> {
    let mut chars = path.chars();
    let (first, second) = (chars.next()?, chars.next());
    if is_separator(first) && second.is_some_and(is_separator) {
        let server: String = chars.take_while(|c| !is_separator(*c)).collect();
        return Some(Elsewhere::Network(server));
    }
    let letter = match first {
        'A'..='Z' | 'a'..='z' => first,
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' => crate::width::half_width(first)?,
        _ => return None,
    };
    matches!(second, Some(':' | '：')).then(|| Elsewhere::Drive(letter.to_ascii_uppercase()))
}

/// The file name at the end of `path`, after its last separator of any kind.
pub fn file_name(path: &str) -> &str {
    path.rsplit(is_separator).next().unwrap_or(path)
}

/// Files the loader reads (settings, answers, checklists, the lock) are never this large.
pub const TEXT_LIMIT: u64 = 16 * 1024 * 1024;

/// Reads the file `path` from `files`; problems become one diagnostic.
pub fn read_bytes(files: &dyn Files, path: &str, confined: bool) -> Result<Vec<u8>, Diagnostic> {
    let name = files.name(path);
    let name = name.as_str();
    match files.read(path, TEXT_LIMIT, confined) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => {
            Err(Diagnostic::new("missing-file", t!("load.missing", name = name)).in_file(name))
        }
        Err(refusal) => {
            let too_large = matches!(refusal, Refusal::TooLarge(_));
            let submodule = matches!(refusal, Refusal::Submodule);
            let message = match refusal {
                Refusal::Outside => t!("load.outside", name = name),
                Refusal::NotAFile => t!("load.folder", name = name),
                Refusal::Special => t!("load.special", name = name),
                Refusal::Loop => t!("load.loop", name = name),
                Refusal::Submodule => t!("load.submodule", name = name),
                Refusal::TooLarge(size) => t!("load.too-large", name = name, size = size),
                Refusal::Unreadable(error) => t!("load.unreadable", name = name, error = error),
            };
            let diagnostic = Diagnostic::new("unreadable-file", message).in_file(name);
            Err(if too_large {
                diagnostic.help(t!(
                    "load.too-large-help",
                    limit = TEXT_LIMIT / (1024 * 1024)
                ))
            } else if submodule {
                diagnostic.help(t!("load.submodule-help"))
            } else {
                diagnostic
            })
        }
    }
}

/// The kind of a file that is not text, by its first bytes: what it is, and what to do.
fn binary_kind(bytes: &[u8]) -> Option<(String, String)> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some((t!("load.kind-office"), t!("load.kind-office-help")))
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some((t!("load.kind-zip"), t!("load.kind-zip-help")))
    } else if bytes.starts_with(b"%PDF") {
        Some((t!("load.kind-pdf"), t!("load.kind-pdf-help")))
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Some((t!("load.kind-utf16"), t!("load.not-utf8-help")))
    } else {
        None
    }
}

/// Reads the UTF-8 text file `path` from `files`; problems become one diagnostic.
pub fn read_source(
    files: &dyn Files,
    path: &str,
    confined: bool,
) -> Result<SourceFile, Diagnostic> {
    let name = files.name(path);
    let name = name.as_str();
    let bytes = read_bytes(files, path, confined)?;
    // A file of another kind where text belongs: say which, not that its encoding is wrong.
    if let Some((kind, help)) = binary_kind(&bytes) {
        return Err(
            Diagnostic::new("not-utf8", t!("load.not-text", name = name, kind = kind))
                .in_file(name)
                .help(help),
        );
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        Diagnostic::new(
            "not-utf8",
            t!("load.not-utf8", name = name, line = line, column = column),
        )
        .in_file(name)
        .at(
            valid,
            Location {
                line,
                column,
                width: 1,
            },
        )
        .help(t!("load.not-utf8-help"))
    })?;
    let sha256 = crate::digest::sha256(text.as_bytes());
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    Ok(SourceFile {
        sha256,
        ..SourceFile::new(name, text)
    })
}

thread_local! {
    /// Values parsed cleanly in this process, by type and SHA-256 of the text: see
    /// [`parse_kept`].
    static KEPT: std::cell::RefCell<
        std::collections::HashMap<(std::any::TypeId, String), std::rc::Rc<dyn std::any::Any>>,
    > = std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Parses `file` as [`parse`] does, reusing the value of an earlier clean parse of the same
/// text in this process: for the settings, checklist and lock, which stay the same across
/// most of the revisions `log` and `diff` visit. A parse with problems is never kept.
fn parse_kept<T: serde::de::DeserializeOwned + Clone + 'static>(
    file: &SourceFile,
    expect: &Expect,
) -> (Option<T>, Vec<Diagnostic>) {
    let key = (std::any::TypeId::of::<T>(), file.sha256.clone());
    let kept = KEPT.with(|kept| kept.borrow().get(&key).cloned());
    if let Some(value) = kept.and_then(|kept| kept.downcast_ref::<T>().cloned()) {
        return (Some(value), Vec::new());
    }
    let (value, problems) = parse::<T>(file, expect);
    if let Some(value) = value.as_ref().filter(|_| problems.is_empty()) {
        let value: std::rc::Rc<dyn std::any::Any> = std::rc::Rc::new(value.clone());
        KEPT.with(|kept| kept.borrow_mut().insert(key, value));
    }
    (value, problems)
}

/// Parses a checklist file.
pub fn checklist_source(file: &SourceFile) -> (Option<Checklist>, Vec<Diagnostic>) {
    parse_kept(
        file,
        &Expect {
            what: &t!("load.what-checklist"),
            entries: &[],
        },
    )
}

/// Whether a checklist reference names a file rather than a bundled checklist.
fn is_checklist_path(reference: &str) -> bool {
    reference.contains(['/', '\\'])
        || Path::new(reference).extension().is_some_and(|extension| {
            extension.eq_ignore_ascii_case("yaml") || extension.eq_ignore_ascii_case("yml")
        })
}

/// A checklist named on the command line (bundled reference or any path, relative to the
/// current folder), read and parsed; its problems are returned beside it.
pub fn named_checklist(
    reference: &str,
) -> Result<(SourceFile, Option<Checklist>, Vec<Diagnostic>), Error> {
    let files = Disk::new(Path::new("."));
    let file = checklist_file(reference, &files, false).map_err(Error::input)?;
    let (checklist, problems) = checklist_source(&file);
    Ok((file, checklist, problems))
}

/// Finds a checklist by `id@edition`, `id` or path (relative to `base`). `None` with a
/// one-line diagnostic when there is no such checklist.
/// A checklist named in `checksheet.yaml` is `confined` to the repository; one named on the
/// command line is not.
pub fn checklist_file(
    reference: &str,
    files: &dyn Files,
    confined: bool,
) -> Result<SourceFile, Diagnostic> {
    if is_checklist_path(reference) {
        return read_source(files, &reference.replace('\\', "/"), confined);
    }
    if let Some(bundled) = checklists::find(reference) {
        return Ok(SourceFile::new(bundled.file_name(), bundled.text));
    }
    let known: Vec<String> = checklists::BUNDLED
        .iter()
        .map(checklists::Bundled::reference)
        .collect();
    Err(Diagnostic::new(
        "unknown-checklist",
        t!("load.unknown-checklist", reference = reference),
    )
    .help(t!(
        "load.unknown-checklist-help",
        suggestion = suggest(reference, known.iter().map(String::as_str))
    )))
}

/// The answers as a YAML answers file: a text in only the first language as plain text.
pub fn answers_yaml(answers: &AnswersFile, first: crate::model::Language) -> String {
    let mut answers = answers.clone();
    for answer in answers.answers.values_mut() {
        if let Some(explanation) = &mut answer.explanation {
            explanation.simplify(first);
        }
        for evidence in &mut answer.evidence {
            if let Some(title) = &mut evidence.title {
                title.simplify(first);
            }
        }
    }
    to_string(&answers)
}

/// The text of `checksheet.lock` for `lock`: the same lock always gives the same bytes.
pub fn lock_text(lock: &Lock) -> String {
    format!(
        "# Written by `checksheet evidence lock`: the SHA-256 and size of every evidence file.\n\
         # Do not edit; run the command again after reviewing changed evidence.\n{}",
        to_string(lock)
    )
}

/// Checks that `root` is an assessment folder on disk, and opens it.
pub fn folder(root: &Path) -> Result<Disk, Error> {
    if !root.is_dir() {
        let name = root.display();
        let problem = if root.exists() {
            t!("load.is-a-file", name = name, settings = ASSESSMENT_FILE)
        } else {
            t!("load.no-folder", name = name)
        };
        return Err(Error::input(Diagnostic::new("missing-folder", problem)));
    }
    if !root.join(ASSESSMENT_FILE).exists() {
        // A bare repository holds the history but no files to read: say so, not `init`.
        if crate::history::is_bare(root) {
            return Err(Error::input(
                Diagnostic::new(
                    "bare-repository",
                    t!("load.bare-repository", name = root.display()),
                )
                .help(t!(
                    "load.bare-repository-help",
                    name = root
                        .canonicalize()
                        .unwrap_or_else(|_| root.to_path_buf())
                        .display()
                )),
            ));
        }
        return Err(Error::input(
            Diagnostic::new(
                "not-an-assessment",
                t!(
                    "load.not-an-assessment",
                    name = root.display(),
                    settings = ASSESSMENT_FILE
                ),
            )
            .help(t!(
                "load.not-an-assessment-help",
                name = root.display(),
                settings = ASSESSMENT_FILE
            )),
        ));
    }
    Ok(Disk::new(root))
}

/// Reads the assessment in the folder `root` on disk.
pub fn assessment(root: &Path) -> Result<Loaded, Error> {
    let disk = folder(root)?;
    from(root, Box::new(disk))
}

/// Reads an assessment from `files`: `checksheet.yaml`, its checklist and every answers
/// file. Stops only when `checksheet.yaml` or the checklist cannot be read at all. `root` is
/// the assessment's folder on disk, where templates and output live.
pub fn from(root: &Path, files: Box<dyn Files>) -> Result<Loaded, Error> {
    from_some(root, files, None)
}

/// Reads an assessment from `files` as [`from`] does; with `only`, the answers of just the
/// services whose `answers` entry (as written in `checksheet.yaml`) it accepts, for a
/// revision whose other services are known to be as at another revision. The settings, the
/// checklist and the lock are read and checked whole either way.
pub fn from_some(
    root: &Path,
    files: Box<dyn Files>,
    only: Option<&dyn Fn(&str) -> bool>,
) -> Result<Loaded, Error> {
    let assessment_file =
        read_source(files.as_ref(), ASSESSMENT_FILE, true).map_err(Error::input)?;
    let (assessment, problems) = parse_kept::<Assessment>(
        &assessment_file,
        &Expect {
            what: &t!("load.what-settings"),
            entries: &[],
        },
    );
    let Some(assessment) = assessment else {
        return Err(Error::Input(problems));
    };
    // Messages speak the assessment's first language, unless the user chose one.
    if let Some(first) = assessment.languages.first() {
        crate::i18n::set_default(*first);
    }
    let mut problems = problems;

    let checklist_file =
        checklist_file(&assessment.checklist, files.as_ref(), true).map_err(|diagnostic| {
            let pointed = assessment_file.diagnostic(
                diagnostic.code,
                diagnostic.message.clone(),
                &[Step::Key("checklist".to_owned())],
                Part::Value,
            );
            let pointed = match diagnostic.help {
                Some(help) => pointed.help(help),
                None => pointed,
            };
            let mut all = problems.clone();
            all.push(pointed);
            Error::Input(all)
        })?;
    let (checklist, checklist_problems) = checklist_source(&checklist_file);
    problems.extend(checklist_problems);

    let services = assessment
        .services
        .iter()
        .enumerate()
        .filter(|(_, service)| only.is_none_or(|only| only(&service.answers)))
        .map(|(index, service)| {
            let (file, answers, found) =
                service_answers(files.as_ref(), &assessment_file, index, service);
            problems.extend(found);
            LoadedService {
                service: service.clone(),
                file,
                answers,
            }
        })
        .collect();

    let (lock_file, lock) = lock(files.as_ref(), &mut problems);
    let templates = templates(files.as_ref(), &mut problems);
    let checklist_path =
        is_checklist_path(&assessment.checklist).then(|| assessment.checklist.replace('\\', "/"));

    Ok(Loaded {
        root: root.to_owned(),
        files,
        assessment_file,
        assessment,
        checklist_file,
        checklist,
        services,
        checklist_path,
        lock_file,
        lock,
        templates,
        problems,
    })
}

/// Reads the assessment's own templates; unreadable ones join `problems`.
fn templates(files: &dyn Files, problems: &mut Vec<Diagnostic>) -> Vec<(String, SourceFile)> {
    let mut found = Vec::new();
    for name in files.list(TEMPLATES_DIR) {
        if !(name.ends_with(".html") || name.ends_with(".css")) {
            continue;
        }
        let path = format!("{TEMPLATES_DIR}/{name}");
        match read_source(files, &path, true) {
            Ok(file) => found.push((path, file)),
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    found
}

/// Reads and parses the answers file of the `index`th service, with the problems found.
fn service_answers(
    files: &dyn Files,
    assessment_file: &SourceFile,
    index: usize,
    service: &Service,
) -> (Option<SourceFile>, Option<AnswersFile>, Vec<Diagnostic>) {
    // A path leaving the repository is never read; validation reports it.
    if !is_inside(&service.answers) {
        return (None, None, Vec::new());
    }
    let name = files.name(&service.answers);
    let workbook = is_workbook(&service.answers);
    let read = if workbook {
        read_bytes(files, &service.answers, true).map(|bytes| workbook::answers(&name, &bytes))
    } else {
        read_source(files, &service.answers, true).map(|mut file| {
            file.notices = typing::notices(&file);
            let (answers, problems) = parse::<AnswersFile>(
                &file,
                &Expect {
                    what: &t!("load.what-answers"),
                    entries: &["answers", "facts"],
                },
            );
            (file, answers, problems)
        })
    };
    match read {
        Ok((file, answers, problems)) => (Some(file), answers, problems),
        // A file that exists but is not text is reported in that file; a missing one where
        // `checksheet.yaml` names it.
        Err(diagnostic) if diagnostic.code == "not-utf8" => (None, None, vec![diagnostic]),
        Err(diagnostic) => {
            let path = [
                Step::Key("services".to_owned()),
                Step::Index(index),
                Step::Key("answers".to_owned()),
            ];
            // Only a missing file is made by `init`; a file refused says its own help.
            let help = if diagnostic.code == "missing-file" {
                Some(t!(
                    "load.missing-answers-help",
                    name = name,
                    settings = assessment_file.name
                ))
            } else {
                diagnostic.help
            };
            let pointed =
                assessment_file.diagnostic(diagnostic.code, diagnostic.message, &path, Part::Value);
            let pointed = match help {
                Some(help) => pointed.help(help),
                None => pointed,
            };
            (None, None, vec![pointed])
        }
    }
}

/// Whether an answers file is a workbook rather than YAML (an `.xls` one too, to be told
/// that it must be saved as `.xlsx`).
pub fn is_workbook(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xls"))
}

/// Reads `checksheet.lock` if there is one; its problems join `problems`.
fn lock(files: &dyn Files, problems: &mut Vec<Diagnostic>) -> (Option<SourceFile>, Option<Lock>) {
    let file = match read_source(files, LOCK_FILE, true) {
        Ok(file) => file,
        Err(diagnostic) if diagnostic.code == "missing-file" => return (None, None),
        Err(diagnostic) => {
            problems.push(diagnostic);
            return (None, None);
        }
    };
    let (lock, found) = parse_kept::<Lock>(
        &file,
        &Expect {
            what: &t!("load.what-lock"),
            entries: &["files"],
        },
    );
    problems.extend(found.into_iter().map(|d| d.help(t!("load.lock-help"))));
    (Some(file), lock)
}
