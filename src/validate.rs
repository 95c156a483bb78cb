//! Validation: the checks that deserializing cannot make, such as ids that must exist.
//! Every problem in every file is collected; any problem makes the input unusable.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, suggest};
use crate::error::Error;
use crate::i18n::t;
use crate::load::{Elsewhere, Files, Loaded, Part, SourceFile, Step, is_inside};
use crate::model::{AnswersFile, Assessment, Checklist, Evidence, Lock, Service};

/// A valid assessment, ready to evaluate.
pub struct Workspace {
    pub root: PathBuf,
    /// Where the assessment was read from.
    pub files: Box<dyn Files>,
    pub assessment_file: SourceFile,
    pub checklist_file: SourceFile,
    pub assessment: Assessment,
    pub checklist: Arc<Checklist>,
    /// The checklist's path in the repository, when it is a file there.
    pub checklist_path: Option<String>,
    pub services: Vec<ServiceAnswers>,
    /// `checksheet.lock`, empty when there is none.
    pub lock: Lock,
    pub lock_file: Option<SourceFile>,
    /// The assessment's own templates, by path.
    pub templates: Vec<(String, SourceFile)>,
    /// The organization's logo, checked, to copy into the site.
    pub logo: Option<look::Logo>,
}

impl ServiceAnswers {
    /// Lets go of the file's text and parsed answers, keeping its name and SHA-256.
    pub fn forget_answers(&mut self) {
        self.answers.answers = std::collections::BTreeMap::new();
        self.answers.facts = std::collections::BTreeMap::new();
        self.file.text = String::new();
        self.file.forget_positions();
    }
}

/// A service with its valid answers.
pub struct ServiceAnswers {
    pub service: Service,
    pub answers: AnswersFile,
    /// The answers file, to point at its lines.
    pub file: SourceFile,
}

mod checklist;
pub mod look;

pub use checklist::checklist;

fn key(name: &str) -> Step {
    Step::Key(name.to_owned())
}

/// Validates a loaded assessment; on success every file was readable and consistent.
pub fn assessment(loaded: Loaded) -> Result<Workspace, Error> {
    let Loaded {
        root,
        files,
        assessment_file,
        assessment,
        checklist_file,
        checklist,
        checklist_path,
        services,
        lock_file,
        lock,
        templates,
        mut problems,
    } = loaded;
    problems.extend(assessment_settings(&assessment_file, &assessment));
    let logo = match look::logo(files.as_ref(), &assessment_file, &assessment.organization) {
        Ok(logo) => logo,
        Err(problem) => {
            problems.push(*problem);
            None
        }
    };
    problems.extend(look::accent(&assessment_file, &assessment.organization));
    if let Some(checklist) = &checklist {
        problems.extend(self::checklist(&checklist_file, checklist));
        for loaded in &services {
            if let (Some(file), Some(answers)) = (&loaded.file, &loaded.answers) {
                problems.extend(answers_file(file, answers, checklist, &assessment));
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::problems(problems));
    }
    let mut assessment = assessment;
    // Plain text is in the first language; normalized here, as web addresses are, so that
    // every output reads the same.
    let first = assessment.languages[0];
    normalize(&mut assessment.organization.url);
    for service in &mut assessment.services {
        normalize(&mut service.url);
    }
    let (Some(checklist), Some(services)) = (
        checklist,
        services
            .into_iter()
            .map(|loaded| {
                let mut service = loaded.service;
                normalize(&mut service.url);
                let mut answers = loaded.answers?;
                for answer in answers.answers.values_mut() {
                    if let Some(explanation) = &mut answer.explanation {
                        explanation.resolve(first);
                    }
                    for evidence in &mut answer.evidence {
                        normalize(&mut evidence.url);
                        if let Some(title) = &mut evidence.title {
                            title.resolve(first);
                        }
                    }
                }
                Some(ServiceAnswers {
                    service,
                    answers,
                    file: loaded.file?,
                })
            })
            .collect::<Option<Vec<_>>>(),
    ) else {
        unreachable!("a file that failed to load always leaves a problem");
    };
    Ok(Workspace {
        root,
        files,
        assessment_file,
        checklist_file,
        assessment,
        checklist: Arc::new(checklist),
        checklist_path,
        services,
        lock: lock.unwrap_or_default(),
        lock_file,
        templates,
        logo,
    })
}

/// Service ids that would collide with the site's folders for languages and history.
const RESERVED: &[&str] = &["ja", "en", "history"];

/// Whether `id` is lower-case letters, digits and single `-`, as ids and file names need.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

fn assessment_settings(file: &SourceFile, assessment: &Assessment) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if assessment.languages.is_empty() {
        problems.push(
            file.diagnostic(
                "no-languages",
                t!("validate.no-languages"),
                &[key("languages")],
                Part::Value,
            )
            .help(t!("validate.no-languages-help")),
        );
    }
    let mut seen = BTreeSet::new();
    for (index, language) in assessment.languages.iter().enumerate() {
        if !seen.insert(language) {
            problems.push(file.diagnostic(
                "duplicate-id",
                t!("validate.language-twice"),
                &[key("languages"), Step::Index(index)],
                Part::Value,
            ));
        }
    }
    problems.extend(services(file, assessment));
    problems.extend(partners(file, assessment));
    problems
}

/// Checks the partners: ids, addresses and allowed signers paths.
fn partners(file: &SourceFile, assessment: &Assessment) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for (index, partner) in assessment.partners.iter().enumerate() {
        let at = |field: &str| vec![key("partners"), Step::Index(index), key(field)];
        if !is_id(&partner.id) {
            problems.push(
                file.diagnostic(
                    "invalid-id",
                    t!("validate.invalid-partner-id", id = partner.id),
                    &at("id"),
                    Part::Value,
                )
                .help(t!("id.help")),
            );
        } else if !ids.insert(partner.id.as_str()) {
            problems.push(file.diagnostic(
                "duplicate-id",
                t!("validate.duplicate-partner", id = partner.id),
                &at("id"),
                Part::Value,
            ));
        }
        problems.extend(web_url(file, &partner.url, &at("url")));
        if let Some(path) = &partner.allowed_signers
            && !is_inside(path)
        {
            problems.push(
                file.diagnostic(
                    "path-outside",
                    t!("validate.signers-outside", path = path),
                    &at("allowed-signers"),
                    Part::Value,
                )
                .help(t!("validate.signers-outside-help")),
            );
        }
    }
    problems
}

/// Checks the services: ids, answers paths and addresses.
fn services(file: &SourceFile, assessment: &Assessment) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if assessment.services.is_empty() {
        problems.push(
            file.diagnostic(
                "no-services",
                t!("validate.no-services"),
                &[key("services")],
                Part::Value,
            )
            .help(t!("validate.no-services-help")),
        );
    }
    if let Some(url) = &assessment.organization.url {
        problems.extend(web_url(file, url, &[key("organization"), key("url")]));
    }
    for (index, service) in assessment.services.iter().enumerate() {
        if let Some(url) = &service.url {
            problems.extend(web_url(
                file,
                url,
                &[key("services"), Step::Index(index), key("url")],
            ));
        }
    }
    let checklist = &assessment.checklist;
    if checklist.contains(['/', '\\']) && !is_inside(checklist) {
        problems.push(
            file.diagnostic(
                "path-outside",
                t!("validate.checklist-outside", checklist = checklist),
                &[key("checklist")],
                Part::Value,
            )
            .help(t!("validate.checklist-outside-help")),
        );
    }
    let mut ids = BTreeSet::new();
    let mut answer_files = BTreeSet::new();
    for (index, service) in assessment.services.iter().enumerate() {
        let at = |field: &str| vec![key("services"), Step::Index(index), key(field)];
        if !is_id(&service.id) {
            problems.push(
                file.diagnostic(
                    "invalid-id",
                    t!("validate.invalid-service-id", id = service.id),
                    &at("id"),
                    Part::Value,
                )
                .help(t!("id.help")),
            );
        } else if RESERVED.contains(&service.id.as_str()) {
            problems.push(
                file.diagnostic(
                    "reserved-id",
                    t!("validate.reserved-id", id = service.id),
                    &at("id"),
                    Part::Value,
                )
                .help(t!(
                    "validate.reserved-id-help",
                    reserved = RESERVED.join(", ")
                )),
            );
        } else if !ids.insert(service.id.as_str()) {
            problems.push(file.diagnostic(
                "duplicate-id",
                t!("validate.duplicate-service", id = service.id),
                &at("id"),
                Part::Value,
            ));
        }
        if !is_inside(&service.answers) {
            problems.push(
                file.diagnostic(
                    "path-outside",
                    t!("validate.answers-outside", path = service.answers),
                    &at("answers"),
                    Part::Value,
                )
                .help(t!("validate.answers-outside-help")),
            );
        } else if !answer_files.insert(service.answers.as_str()) {
            problems.push(file.diagnostic(
                "duplicate-id",
                t!("validate.shared-answers", path = service.answers),
                &at("answers"),
                Part::Value,
            ));
        }
    }
    problems
}

/// Checks that an answers file speaks of the checklist's facts and requirements; `show` is
/// the checklist as `checksheet.yaml` names it, for the command that lists it.
fn answers_file(
    file: &SourceFile,
    answers: &AnswersFile,
    checklist: &Checklist,
    assessment: &Assessment,
) -> Vec<Diagnostic> {
    let show = assessment.checklist.as_str();
    let partners: Vec<&str> = assessment.partners.iter().map(|p| p.id.as_str()).collect();
    let mut problems = Vec::new();
    let facts: Vec<&str> = checklist.facts.iter().map(|f| f.id.as_str()).collect();
    for id in answers.facts.keys() {
        if !facts.contains(&id.as_str()) {
            problems.push(
                file.diagnostic(
                    "unknown-fact",
                    t!(
                        "validate.unknown-fact",
                        id = id,
                        checklist = checklist.reference()
                    ),
                    &[key("facts"), key(id)],
                    Part::Key,
                )
                .help(suggest(id, facts.iter().copied())),
            );
        }
    }
    let requirements: Vec<&str> = checklist
        .requirements()
        .map(|(_, r)| r.id.as_str())
        .collect();
    for (id, answer) in &answers.answers {
        if !requirements.contains(&id.as_str()) {
            problems.push(
                file.diagnostic(
                    "unknown-requirement",
                    t!(
                        "validate.unknown-requirement",
                        id = id,
                        checklist = checklist.reference()
                    ),
                    &[key("answers"), key(id)],
                    Part::Key,
                )
                .help(unknown_requirement(id, checklist, &requirements, show)),
            );
        }
        for (index, evidence) in answer.evidence.iter().enumerate() {
            let at = [key("answers"), key(id), key("evidence"), Step::Index(index)];
            problems.extend(evidence_entry(file, evidence, &at));
            if let Some(check) = &evidence.partner_check
                && !partners.contains(&check.partner.as_str())
            {
                problems.push(
                    file.diagnostic(
                        "unknown-partner",
                        t!("validate.unknown-partner", id = check.partner),
                        &[&at[..], &[key("partner-check"), key("partner")]].concat(),
                        Part::Value,
                    )
                    .help(if partners.is_empty() {
                        t!("validate.unknown-partner-help")
                    } else {
                        suggest(&check.partner, partners.iter().copied())
                    }),
                );
            }
        }
    }
    problems
}

/// What to do about an answer to an unknown requirement: rename it when the checklist
/// renamed it, indent it when it is a field of an answer, else the nearest ids and the
/// command that lists them all.
fn unknown_requirement(id: &str, checklist: &Checklist, ids: &[&str], show: &str) -> String {
    if let Some((_, renamed)) = checklist
        .requirements()
        .find(|(_, r)| r.replaces.iter().any(|old| old == id))
    {
        return t!(
            "validate.renamed",
            id = id,
            new = renamed.id,
            checklist = checklist.reference()
        );
    }
    if ANSWER_FIELDS.contains(&id) {
        return t!("validate.field-dedented", id = id);
    }
    if let Some(help) = mistyped_id(id, checklist, ids) {
        return help;
    }
    let nearest: Vec<String> = crate::diagnostic::closest(id, ids, 3)
        .into_iter()
        .map(|near| format!("`{near}`"))
        .collect();
    t!(
        "validate.unknown-requirement-help",
        nearest = nearest.join(t!("list.separator").as_str()),
        checklist = show,
        count = ids.len()
    )
}

/// What to do about an id typed with the wrong characters (upper case, a full-width
/// hyphen or letter), naming each; or about an item number (項番) typed in place of an id.
fn mistyped_id(id: &str, checklist: &Checklist, ids: &[&str]) -> Option<String> {
    let plain = crate::diagnostic::plain_id;
    let given = plain(id);
    if let Some(intended) = ids.iter().find(|known| **known == given) {
        let wrong: Vec<String> = id
            .trim()
            .chars()
            .zip(intended.chars())
            .enumerate()
            .filter(|(_, (typed, meant))| typed != meant)
            .map(|(at, (typed, meant))| {
                t!(
                    "validate.wrong-character",
                    at = at + 1,
                    typed = typed,
                    code = format!("U+{:04X}", u32::from(typed)),
                    meant = meant
                )
            })
            .collect();
        return Some(t!(
            "validate.mistyped-id",
            id = intended,
            characters = wrong.join(t!("list.separator").as_str())
        ));
    }
    let numbers = checklist.numbers();
    let by_number = |number: &str| {
        numbers
            .iter()
            .find(|(_, n)| plain(n) == number || plain(n) == plain(number))
            .map(|(id, n)| (*id, n.clone()))
    };
    let (found, number) = by_number(&given).or_else(|| {
        checklist
            .requirements()
            .find(|(_, r)| plain(&r.cite) == given)
            .and_then(|(_, r)| by_number(&plain(&r.cite)).or(Some((r.id.as_str(), r.cite.clone()))))
    })?;
    Some(t!("validate.number-for-id", number = number, id = found))
}

/// The fields of an answer: a line with one of them under `answers:` lost its indentation.
const ANSWER_FIELDS: &[&str] = &["status", "explanation", "note", "target", "evidence"];

/// Checks one evidence entry: one kind, a path inside the repository, an http(s) url,
/// certificate dates in order.
fn evidence_entry(file: &SourceFile, evidence: &Evidence, at: &[Step]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let field = |name: &str| [at, &[key(name)]].concat();
    let kinds = evidence.kinds();
    if kinds.len() != 1 {
        let found = if kinds.is_empty() {
            t!("validate.kind-none")
        } else {
            kinds
                .iter()
                .map(|k| format!("`{}`", k.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        problems.push(
            file.diagnostic(
                "evidence-kind",
                t!("validate.evidence-kind", found = found),
                at,
                Part::Value,
            )
            .help(t!("validate.evidence-kind-help")),
        );
    }
    if let Some(path) = &evidence.file
        && !is_inside(path)
    {
        let (message, help) = match crate::load::elsewhere(path) {
            Some(place) => (
                match place {
                    Elsewhere::Network(server) => {
                        t!("validate.evidence-network", path = path, server = server)
                    }
                    Elsewhere::Drive(letter) => {
                        t!("validate.evidence-drive", path = path, drive = letter)
                    }
                },
                t!(
                    "validate.evidence-elsewhere-help",
                    name = crate::load::file_name(path)
                ),
            ),
            None => (
                t!("validate.evidence-outside", path = path),
                t!("validate.evidence-outside-help"),
            ),
        };
        problems.push(
            file.diagnostic("evidence-outside", message, &field("file"), Part::Value)
                .help(help),
        );
    }
    if let Some(url) = &evidence.url {
        problems.extend(web_url(file, url, &field("url")));
    }
    if let Some(certificate) = &evidence.certificate
        && let (Some(from), Some(until)) = (certificate.valid_from, certificate.valid_until)
        && from > until
    {
        problems.push(file.diagnostic(
            "certificate-dates",
            t!("validate.certificate-dates", from = from, until = until),
            &[field("certificate"), vec![key("valid-from")]].concat(),
            Part::Value,
        ));
    }
    problems
}

/// `address` normalized (spaces and quotes percent-encoded), when it is a full http(s)
/// address.
pub fn web_address(address: &str) -> Option<String> {
    url::Url::parse(address)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
        .map(String::from)
}

/// Replaces a valid web address by its normalized form, so that every output shows the
/// same address.
fn normalize(address: &mut Option<String>) {
    if let Some(normalized) = address.as_deref().and_then(web_address) {
        *address = Some(normalized);
    }
}

/// `not-a-web-address` unless `url` is a full http(s) address.
fn web_url(file: &SourceFile, url: &str, at: &[Step]) -> Option<Diagnostic> {
    web_address(url).is_none().then(|| {
        file.diagnostic(
            "not-a-web-address",
            t!("validate.not-a-web-address", url = url),
            at,
            Part::Value,
        )
        .help(t!("validate.not-a-web-address-help"))
    })
}
