//! Evaluation: what each requirement asks of each service and whether its answer meets it.
//! Pure: no I/O, and the only clock is the answers' `as-of` date.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::evidence::FileState;
use crate::model::{
    Answer, AnswersFile, Certificate, Checklist, Condition, Evidence, ExpectedEvidence, Obligation,
    Requirement, Service, Status,
};

/// The evaluation of every service of an assessment.
#[derive(Debug, Serialize)]
pub struct Evaluation {
    pub checklist: String,
    pub services: Vec<ServiceResult>,
}

/// One service's evaluation.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ServiceResult {
    pub id: String,
    pub name: String,
    pub as_of: Date,
    pub summary: Summary,
    pub requirements: Vec<RequirementResult>,
}

/// Counts over a service's requirements.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Summary {
    pub requirements: usize,
    pub conforms: usize,
    pub gap: usize,
    pub advice: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
    pub undecided: usize,
    /// Statuses of the requirements that apply.
    pub statuses: BTreeMap<Status, usize>,
    pub errors: usize,
    pub warnings: usize,
}

/// One requirement's evaluation for one service.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RequirementResult {
    pub id: String,
    pub section: String,
    /// The obligation in force given the facts; `null` when it does not apply or is undecided.
    pub obligation: Option<Obligation>,
    /// Whether it applies given the facts; `null` when a fact it depends on is unanswered.
    pub applies: Option<bool>,
    pub status: Option<Status>,
    pub outcome: Outcome,
    pub findings: Vec<Finding>,
}

/// What the answer means for the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Met.
    Conforms,
    /// A `law` or `must` requirement that is not met.
    Gap,
    /// An `effort` requirement that is not met.
    Advice,
    /// Does not apply, by the facts or by an answer with a reason.
    NotApplicable,
    /// Applies but has no answer.
    Unanswered,
    /// Whether it applies depends on an unanswered fact.
    Undecided,
}

/// Something `check` has to say about a requirement, with a stable code.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
}

impl Evaluation {
    /// Makes every warning an error, for `--strict`.
    pub fn strict(&mut self) {
        for service in &mut self.services {
            for requirement in &mut service.requirements {
                for finding in &mut requirement.findings {
                    finding.severity = Severity::Error;
                }
            }
            service.summary.errors += service.summary.warnings;
            service.summary.warnings = 0;
        }
    }

    pub fn errors(&self) -> usize {
        self.services.iter().map(|s| s.summary.errors).sum()
    }
}

/// The value of a condition: `None` when an unanswered fact decides it.
pub fn condition(condition: &Condition, facts: &BTreeMap<String, Option<bool>>) -> Option<bool> {
    match condition {
        Condition::Fact(id) => facts.get(id).copied().flatten(),
        Condition::All(list) => {
            let values: Vec<Option<bool>> =
                list.iter().map(|c| self::condition(c, facts)).collect();
            if values.contains(&Some(false)) {
                Some(false)
            } else if values.iter().all(Option::is_some) {
                Some(true)
            } else {
                None
            }
        }
        Condition::Any(list) => {
            let values: Vec<Option<bool>> =
                list.iter().map(|c| self::condition(c, facts)).collect();
            if values.contains(&Some(true)) {
                Some(true)
            } else if values.iter().all(Option::is_some) {
                Some(false)
            } else {
                None
            }
        }
        Condition::Not(inner) => self::condition(inner, facts).map(|value| !value),
    }
}

/// The obligation in force: `Ok(None)` when the requirement does not apply, `Err` with the
/// unanswered facts when that cannot be decided.
pub fn obligation<'a>(
    requirement: &'a Requirement,
    facts: &BTreeMap<String, Option<bool>>,
) -> Result<Option<Obligation>, Vec<&'a str>> {
    let Some(applies_if) = &requirement.applies_if else {
        return Ok(Some(requirement.obligation));
    };
    match condition(applies_if, facts) {
        Some(true) => Ok(Some(requirement.obligation)),
        Some(false) => Ok(requirement.otherwise),
        None => {
            let mut missing: Vec<&str> = applies_if
                .facts()
                .into_iter()
                .filter(|id| facts.get(*id).copied().flatten().is_none())
                .collect();
            missing.dedup();
            Err(missing)
        }
    }
}

/// What evaluation needs besides the checklist and the answers.
pub struct Context<'a> {
    /// The answers file's name, for messages.
    pub file: &'a str,
    /// The state of every evidence file, by path.
    pub files: &'a BTreeMap<String, FileState>,
}

/// Evaluates one service.
pub fn service(
    checklist: &Checklist,
    service: &Service,
    answers: &AnswersFile,
    context: &Context,
) -> ServiceResult {
    let requirements: Vec<RequirementResult> = checklist
        .requirements()
        .map(|(section, requirement)| {
            let answer = answers.answers.get(&requirement.id);
            let mut result =
                self::requirement(checklist, requirement, answers, answer, context.file);
            if let Some(answer) = answer {
                let binding = result.applies == Some(true)
                    && result.obligation.is_some_and(Obligation::is_binding);
                result.findings.extend(evidence_state(
                    checklist,
                    requirement,
                    answer,
                    answers.as_of,
                    binding,
                    context.files,
                ));
            }
            result.section.clone_from(&section.id);
            result
        })
        .collect();
    let mut summary = Summary {
        requirements: requirements.len(),
        ..Summary::default()
    };
    for result in &requirements {
        *match result.outcome {
            Outcome::Conforms => &mut summary.conforms,
            Outcome::Gap => &mut summary.gap,
            Outcome::Advice => &mut summary.advice,
            Outcome::NotApplicable => &mut summary.not_applicable,
            Outcome::Unanswered => &mut summary.unanswered,
            Outcome::Undecided => &mut summary.undecided,
        } += 1;
        if let (Some(true), Some(status)) = (result.applies, result.status) {
            *summary.statuses.entry(status).or_default() += 1;
        }
        for finding in &result.findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
            }
        }
    }
    ServiceResult {
        id: service.id.clone(),
        name: service.name.clone(),
        as_of: answers.as_of,
        summary,
        requirements,
    }
}

fn finding(code: &'static str, severity: Severity, message: String) -> Finding {
    Finding {
        code,
        severity,
        message,
    }
}

fn requirement(
    checklist: &Checklist,
    requirement: &Requirement,
    answers: &AnswersFile,
    answer: Option<&Answer>,
    file: &str,
) -> RequirementResult {
    let mut result = RequirementResult {
        id: requirement.id.clone(),
        section: String::new(),
        obligation: None,
        applies: None,
        status: answer.and_then(|a| a.status),
        outcome: Outcome::Undecided,
        findings: Vec::new(),
    };
    match obligation(requirement, &answers.facts) {
        Ok(Some(obligation)) => {
            result.applies = Some(true);
            result.obligation = Some(obligation);
            (result.outcome, result.findings) =
                answered(requirement, obligation, answer, answers.as_of, file);
        }
        Ok(None) => {
            result.applies = Some(false);
            result.outcome = Outcome::NotApplicable;
        }
        Err(missing) => {
            result.findings = missing
                .into_iter()
                .map(|id| {
                    let question = checklist
                        .fact(id)
                        .map(|fact| format!(" ({})", fact.question.ja))
                        .unwrap_or_default();
                    finding(
                        "fact-unanswered",
                        Severity::Error,
                        format!(
                            "whether this applies depends on the fact `{id}`{question}: answer \
                             it `true` or `false` under `facts:` in `{file}`"
                        ),
                    )
                })
                .collect();
        }
    }
    result
}

/// The outcome and findings of a requirement that applies with `obligation`.
fn answered(
    requirement: &Requirement,
    obligation: Obligation,
    answer: Option<&Answer>,
    as_of: Date,
    file: &str,
) -> (Outcome, Vec<Finding>) {
    let Some((answer, status)) = answer.and_then(|a| a.status.map(|s| (a, s))) else {
        let message = format!(
            "not answered yet: set `status` under `answers: {}:` in `{file}` (done, partial, \
             not-done, not-applicable or planned)",
            requirement.id
        );
        return (
            Outcome::Unanswered,
            vec![finding("unanswered", Severity::Error, message)],
        );
    };
    let (not_met, code, severity) = if obligation.is_binding() {
        (Outcome::Gap, "gap", Severity::Error)
    } else {
        (Outcome::Advice, "advice", Severity::Warning)
    };
    let duty = format!("{} ({})", obligation.as_str(), obligation.label_ja());
    let has_explanation = answer
        .explanation
        .as_deref()
        .is_some_and(|text| !text.trim().is_empty());
    let mut findings = Vec::new();
    let outcome = match status {
        Status::Done => Outcome::Conforms,
        Status::NotApplicable if has_explanation => Outcome::NotApplicable,
        Status::NotApplicable => {
            findings.push(finding(
                "not-applicable-without-reason",
                severity,
                format!(
                    "answered `not-applicable`, but by the facts this requirement applies as \
                     {duty}: give the reason in `explanation`, or answer its status"
                ),
            ));
            not_met
        }
        Status::Partial | Status::NotDone | Status::Planned => {
            let target = match (status, answer.target) {
                (Status::Planned, Some(target)) => format!(", target {target}"),
                _ => String::new(),
            };
            findings.push(finding(
                code,
                severity,
                format!(
                    "{duty} not met as of {as_of}: answered `{}` ({}){target}",
                    status.as_str(),
                    status.label_ja(),
                ),
            ));
            not_met
        }
    };
    findings.extend(plan(status, answer.target, as_of));
    findings.extend(evidence(requirement, answer, status));
    (outcome, findings)
}

/// What is wrong with a `target` date, if anything.
fn plan(status: Status, target: Option<Date>, as_of: Date) -> Option<Finding> {
    match (status, target) {
        (Status::Planned, None) => Some(finding(
            "plan-without-target",
            Severity::Warning,
            "answered `planned` without a date: add `target: YYYY-MM-DD`".to_owned(),
        )),
        (Status::Planned, Some(target)) if target < as_of => Some(finding(
            "plan-overdue",
            Severity::Warning,
            format!("the planned date {target} is before as-of {as_of}"),
        )),
        (Status::Planned, Some(_)) | (_, None) => None,
        (_, Some(_)) => Some(finding(
            "target-without-plan",
            Severity::Warning,
            format!(
                "`target` only means something for `planned`; remove it, as the status is `{}`",
                status.as_str()
            ),
        )),
    }
}

/// `evidence-missing` when a met or partly met requirement cites none of the expected kinds.
fn evidence(requirement: &Requirement, answer: &Answer, status: Status) -> Option<Finding> {
    if !matches!(status, Status::Done | Status::Partial) || requirement.evidence.is_empty() {
        return None;
    }
    let cited = answer
        .evidence
        .iter()
        .any(|evidence| requirement.evidence.iter().any(|x| satisfies(evidence, x)));
    if cited {
        return None;
    }
    let expected: Vec<String> = requirement
        .evidence
        .iter()
        .map(|x| match &x.hint {
            Some(hint) => format!("{} ({})", x.kind.as_str(), hint.ja),
            None => x.kind.as_str().to_owned(),
        })
        .collect();
    Some(finding(
        "evidence-missing",
        Severity::Warning,
        format!(
            "answered `{}` without the evidence that shows it; add one of: {}",
            status.as_str(),
            expected.join(", ")
        ),
    ))
}

/// Whether `evidence` is of the kind (and, for certificates, the scheme) `expected` asks.
fn satisfies(evidence: &Evidence, expected: &ExpectedEvidence) -> bool {
    if !evidence.kinds().contains(&expected.kind) {
        return false;
    }
    match &evidence.certificate {
        Some(certificate) if !expected.schemes.is_empty() => expected
            .schemes
            .iter()
            .any(|scheme| scheme_key(scheme) == scheme_key(&certificate.scheme)),
        _ => true,
    }
}

/// A certification scheme's name reduced to compare its common spellings: ISMS is ISO/IEC
/// 27001 and JIS Q 27001; Pマーク is プライバシーマーク, `PrivacyMark` and JIS Q 15001.
fn scheme_key(scheme: &str) -> String {
    let key: String = scheme
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "isms" | "iso27001" | "isoiec27001" | "jisq27001" => "isms".to_owned(),
        "pマーク" | "pmark" | "プライバシーマーク" | "privacymark" | "jisq15001" => {
            "pmark".to_owned()
        }
        _ => key,
    }
}

/// Findings about the evidence itself: files changed, missing or unlocked, certificates
/// expired or expiring, records stale, all at `as-of`.
fn evidence_state(
    checklist: &Checklist,
    requirement: &Requirement,
    answer: &Answer,
    as_of: Date,
    binding: bool,
    files: &BTreeMap<String, FileState>,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = answer
        .evidence
        .iter()
        .flat_map(|evidence| item(checklist, evidence, as_of, binding, files))
        .collect();
    findings.extend(stale(requirement, answer, as_of));
    findings
}

/// `evidence-stale` when the newest record is older than the requirement's `max-age`.
pub fn stale(requirement: &Requirement, answer: &Answer, as_of: Date) -> Option<Finding> {
    let newest = answer
        .evidence
        .iter()
        .filter_map(|e| e.record.as_ref().map(|r| r.date))
        .filter(|date| *date <= as_of)
        .max();
    let max_age = requirement.max_age?;
    let newest = newest?;
    newest
        .checked_add(max_age)
        .is_ok_and(|fresh_until| fresh_until < as_of)
        .then(|| {
            finding(
                "evidence-stale",
                Severity::Warning,
                format!(
                    "the newest record is from {newest}, older than {} at as-of {as_of}: this is \
                 to be repeated at least that often",
                    friendly(max_age)
                ),
            )
        })
}

/// Findings about one piece of evidence: its file's state, its certificate's dates, its
/// record's date.
pub fn item(
    checklist: &Checklist,
    evidence: &Evidence,
    as_of: Date,
    binding: bool,
    files: &BTreeMap<String, FileState>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(path) = &evidence.file {
        match files.get(path) {
            Some(FileState::Missing) => findings.push(finding(
                "evidence-missing-file",
                Severity::Error,
                format!("the evidence file `{path}` does not exist"),
            )),
            Some(FileState::Changed { locked, actual }) => findings.push(finding(
                "evidence-changed",
                Severity::Error,
                format!(
                    "`{path}` changed since it was locked (sha256 {}… now {}…): review it, \
                     then run `checksheet evidence lock`",
                    &locked[..locked.len().min(12)],
                    &actual[..actual.len().min(12)]
                ),
            )),
            Some(FileState::Unlocked) => findings.push(finding(
                "evidence-unlocked",
                Severity::Warning,
                format!(
                    "`{path}` is not in checksheet.lock: run `checksheet evidence lock` to \
                     record it"
                ),
            )),
            Some(FileState::Locked) | None => {}
        }
    }
    if let Some(certificate) = &evidence.certificate {
        findings.extend(certificate_dates(checklist, certificate, as_of, binding));
    }
    if let Some(record) = &evidence.record
        && record.date > as_of
    {
        findings.push(finding(
            "evidence-future",
            Severity::Warning,
            format!("the record dated {} is after as-of {as_of}", record.date),
        ));
    }
    findings
}

fn certificate_dates(
    checklist: &Checklist,
    certificate: &Certificate,
    as_of: Date,
    binding: bool,
) -> Option<Finding> {
    let name = match &certificate.number {
        Some(number) => format!("{} {number}", certificate.scheme),
        None => certificate.scheme.clone(),
    };
    if let Some(from) = certificate.valid_from
        && from > as_of
    {
        return Some(finding(
            "evidence-not-yet-valid",
            Severity::Warning,
            format!("the certificate {name} is valid only from {from}, after as-of {as_of}"),
        ));
    }
    let until = certificate.valid_until?;
    if until < as_of {
        let severity = if binding {
            Severity::Error
        } else {
            Severity::Warning
        };
        return Some(finding(
            "evidence-expired",
            severity,
            format!(
                "the certificate {name} expired on {until}, before as-of {as_of}: renew it or \
                 cite the current certificate"
            ),
        ));
    }
    let window = checklist.expiry_warning();
    if as_of
        .checked_add(window)
        .is_ok_and(|horizon| until <= horizon)
    {
        return Some(finding(
            "evidence-expiring",
            Severity::Warning,
            format!(
                "the certificate {name} expires on {until}, within {} of as-of {as_of}",
                friendly(window)
            ),
        ));
    }
    None
}

/// A span as people write it: `1y`, `90d`.
fn friendly(span: jiff::Span) -> String {
    format!("{span:#}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(pairs: &[(&str, Option<bool>)]) -> BTreeMap<String, Option<bool>> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
    }

    fn fact(id: &str) -> Condition {
        Condition::Fact(id.to_owned())
    }

    #[test]
    fn all_is_false_when_one_part_is_false_even_if_another_is_unknown() {
        let all = Condition::All(vec![fact("a"), fact("b")]);
        assert_eq!(
            condition(&all, &facts(&[("a", Some(false)), ("b", None)])),
            Some(false)
        );
        assert_eq!(
            condition(&all, &facts(&[("a", Some(true)), ("b", None)])),
            None
        );
        assert_eq!(
            condition(&all, &facts(&[("a", Some(true)), ("b", Some(true))])),
            Some(true)
        );
    }

    #[test]
    fn any_is_true_when_one_part_is_true_even_if_another_is_unknown() {
        let any = Condition::Any(vec![fact("a"), fact("b")]);
        assert_eq!(condition(&any, &facts(&[("a", Some(true))])), Some(true));
        assert_eq!(condition(&any, &facts(&[("a", Some(false))])), None);
        assert_eq!(
            condition(&any, &facts(&[("a", Some(false)), ("b", Some(false))])),
            Some(false)
        );
    }

    #[test]
    fn not_inverts_and_keeps_unknown() {
        let not = Condition::Not(Box::new(fact("a")));
        assert_eq!(condition(&not, &facts(&[("a", Some(true))])), Some(false));
        assert_eq!(condition(&not, &facts(&[])), None);
    }
}
