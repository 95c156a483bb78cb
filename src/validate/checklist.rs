//! Validation of checklists: ids, texts, conditions and evidence expectations.

use std::collections::BTreeSet;

use super::{is_id, key};
use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::t;
use crate::load::{Part, SourceFile, Step, display_path};
use crate::model::{Checklist, Condition, EvidenceKind, Text};

/// Checks a checklist's internal consistency.
pub fn checklist(file: &SourceFile, checklist: &Checklist) -> Vec<Diagnostic> {
    let mut problems = reference(file, checklist);
    text(file, &checklist.title, &[key("title")], &mut problems);
    problems.extend(revisions(file, checklist));
    problems.extend(numbers(file, checklist));
    let mut fact_ids = BTreeSet::new();
    for (index, fact) in checklist.facts.iter().enumerate() {
        let at = vec![key("facts"), Step::Index(index)];
        unique_id(file, &fact.id, &mut fact_ids, &at, &mut problems);
        text(
            file,
            &fact.question,
            &[at.clone(), vec![key("question")]].concat(),
            &mut problems,
        );
        for (name, statement) in [("yes", &fact.yes), ("no", &fact.no)] {
            if let Some(statement) = statement {
                let path = [at.clone(), vec![key(name)]].concat();
                text(file, statement, &path, &mut problems);
            }
        }
    }
    let facts: Vec<&str> = checklist.facts.iter().map(|f| f.id.as_str()).collect();
    let mut section_ids = BTreeSet::new();
    let mut requirement_ids = BTreeSet::new();
    for (s, section) in checklist.sections.iter().enumerate() {
        let section_at = vec![key("sections"), Step::Index(s)];
        if !section_ids.insert(section.id.as_str()) {
            problems.push(file.diagnostic(
                "duplicate-id",
                t!("checklist.duplicate-section", id = section.id),
                &[section_at.clone(), vec![key("id")]].concat(),
                Part::Value,
            ));
        }
        text(
            file,
            &section.title,
            &[section_at.clone(), vec![key("title")]].concat(),
            &mut problems,
        );
        for (r, requirement) in section.requirements.iter().enumerate() {
            let at = [
                section_at.clone(),
                vec![key("requirements"), Step::Index(r)],
            ]
            .concat();
            let field = |name: &str| [at.clone(), vec![key(name)]].concat();
            unique_id(
                file,
                &requirement.id,
                &mut requirement_ids,
                &at,
                &mut problems,
            );
            text(file, &requirement.text, &field("text"), &mut problems);
            match (&requirement.applies_if, requirement.otherwise) {
                (Some(condition), otherwise) => {
                    condition_facts(file, condition, &field("applies-if"), &facts, &mut problems);
                    if otherwise == Some(requirement.obligation) {
                        problems.push(
                            file.diagnostic(
                                "otherwise-same",
                                t!("checklist.otherwise-same"),
                                &field("otherwise"),
                                Part::Value,
                            )
                            .help(t!("checklist.otherwise-same-help")),
                        );
                    }
                }
                (None, Some(_)) => problems.push(
                    file.diagnostic(
                        "otherwise-without-condition",
                        t!("checklist.otherwise-alone"),
                        &field("otherwise"),
                        Part::Key,
                    )
                    .help(t!("checklist.otherwise-alone-help")),
                ),
                (None, None) => {}
            }
            for (e, expected) in requirement.evidence.iter().enumerate() {
                if !expected.schemes.is_empty() && expected.kind != EvidenceKind::Certificate {
                    problems.push(file.diagnostic(
                        "schemes-without-certificate",
                        t!("checklist.schemes"),
                        &[field("evidence"), vec![Step::Index(e), key("schemes")]].concat(),
                        Part::Key,
                    ));
                }
            }
        }
    }
    problems
}

/// The checklist's `id` and `edition`, which make up `id@edition`.
fn reference(file: &SourceFile, checklist: &Checklist) -> Vec<Diagnostic> {
    [("id", &checklist.id), ("edition", &checklist.edition)]
        .into_iter()
        .filter(|(_, value)| value.is_empty() || value.contains(['@', '/', ' ']))
        .map(|(field, value)| {
            file.diagnostic(
                "invalid-id",
                t!("checklist.invalid-id", field = field, value = value),
                &[key(field)],
                Part::Value,
            )
            .help(t!("checklist.invalid-id-help"))
        })
        .collect()
}

/// Two requirements with the same item number (only possible through `no`).
fn numbers(file: &SourceFile, checklist: &Checklist) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let numbered = checklist.numbered();
    let mut numbers = numbered.iter().map(|(_, number)| number.as_str());
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for (s, section) in checklist.sections.iter().enumerate() {
        for (r, requirement) in section.requirements.iter().enumerate() {
            let Some(number) = numbers.next() else {
                continue;
            };
            let Some(other) = seen.insert(number, &requirement.id) else {
                continue;
            };
            let named = if requirement.no.is_some() {
                "no"
            } else {
                "cite"
            };
            problems.push(
                file.diagnostic(
                    "duplicate-number",
                    t!("checklist.duplicate-number", number = number, other = other),
                    &[
                        key("sections"),
                        Step::Index(s),
                        key("requirements"),
                        Step::Index(r),
                        key(named),
                    ],
                    Part::Value,
                )
                .help(t!("checklist.duplicate-number-help")),
            );
        }
    }
    problems
}

fn unique_id(
    file: &SourceFile,
    id: &str,
    seen: &mut BTreeSet<String>,
    at: &[Step],
    problems: &mut Vec<Diagnostic>,
) {
    let path = [at, &[key("id")]].concat();
    if !is_id(id) {
        problems.push(
            file.diagnostic(
                "invalid-id",
                t!("checklist.bad-id", id = id),
                &path,
                Part::Value,
            )
            .help(t!("checklist.bad-id-help")),
        );
    } else if !seen.insert(id.to_owned()) {
        problems.push(file.diagnostic(
            "duplicate-id",
            t!("checklist.duplicate-id", id = id),
            &path,
            Part::Value,
        ));
    }
}

fn text(file: &SourceFile, text: &Text, at: &[Step], problems: &mut Vec<Diagnostic>) {
    for (language, value) in [("ja", &text.ja), ("en", &text.en)] {
        if value.trim().is_empty() {
            problems.push(file.diagnostic(
                "empty-text",
                t!(
                    "checklist.empty-text",
                    path = format!("{}.{language}", display_path(at))
                ),
                &[at, &[key(language)]].concat(),
                Part::Value,
            ));
        }
    }
}

fn condition_facts(
    file: &SourceFile,
    condition: &Condition,
    at: &[Step],
    facts: &[&str],
    problems: &mut Vec<Diagnostic>,
) {
    match condition {
        Condition::Fact(id) => {
            if !facts.contains(&id.as_str()) {
                problems.push(
                    file.diagnostic(
                        "unknown-fact",
                        t!("checklist.unknown-fact", id = id),
                        &[at, &[key("fact")]].concat(),
                        Part::Value,
                    )
                    .help(suggest(id, facts.iter().copied())),
                );
            }
        }
        Condition::All(list) | Condition::Any(list) => {
            let name = if matches!(condition, Condition::All(_)) {
                "all"
            } else {
                "any"
            };
            let inner = [at, &[key(name)]].concat();
            if list.is_empty() {
                problems.push(file.diagnostic(
                    "empty-condition",
                    t!("checklist.empty-condition", name = name),
                    &inner,
                    Part::Value,
                ));
            }
            for (index, item) in list.iter().enumerate() {
                let path = [inner.as_slice(), &[Step::Index(index)]].concat();
                condition_facts(file, item, &path, facts, problems);
            }
        }
        Condition::Not(inner) => {
            condition_facts(file, inner, &[at, &[key("not")]].concat(), facts, problems);
        }
    }
}

/// Checks the editions a checklist lists: each once, the one it encodes being its own
/// edition, the one that superseded it among them and later.
fn revisions(file: &SourceFile, checklist: &Checklist) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, revision) in checklist.revisions.iter().enumerate() {
        let at = [key("revisions"), Step::Index(index)];
        if !seen.insert(revision.edition.as_str()) {
            problems.push(file.diagnostic(
                "duplicate-id",
                t!("checklist.revision-twice", edition = revision.edition),
                &[&at[..], &[key("edition")]].concat(),
                Part::Value,
            ));
        }
        if revision.encoded && revision.edition != checklist.edition {
            problems.push(
                file.diagnostic(
                    "revision-encoded",
                    t!(
                        "checklist.revision-encoded",
                        edition = revision.edition,
                        own = checklist.edition
                    ),
                    &[&at[..], &[key("encoded")]].concat(),
                    Part::Value,
                )
                .help(t!("checklist.revision-encoded-help")),
            );
        }
        if let Some(url) = &revision.url
            && crate::validate::web_address(url).is_none()
        {
            problems.push(file.diagnostic(
                "not-a-web-address",
                t!("validate.not-a-web-address", url = url),
                &[&at[..], &[key("url")]].concat(),
                Part::Value,
            ));
        }
    }
    if let Some(later) = &checklist.superseded_by
        && !checklist
            .revisions
            .iter()
            .any(|r| &r.edition == later && r.edition > checklist.edition)
    {
        problems.push(
            file.diagnostic(
                "unknown-edition",
                t!("checklist.superseded-unknown", edition = later),
                &[key("superseded-by")],
                Part::Value,
            )
            .help(t!("checklist.superseded-unknown-help")),
        );
    }
    problems
}
