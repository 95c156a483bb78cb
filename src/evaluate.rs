//! Evaluation: what each requirement asks of each service and whether its answer meets it.
//! Pure: no I/O, and the only clock is the answers' `as-of` date.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::evidence::FileState;

mod proof;

use crate::model::{
    Answer, AnswersFile, Checklist, Condition, Obligation, Requirement, Service, Status,
};
pub use proof::{item, stale};

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

/// What a requirement's status column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// The answer's status.
    Answered(Status),
    /// Does not apply, by the facts (whatever was answered).
    ByFacts,
    /// Applies, and has no answer.
    Unanswered,
    /// Whether it applies depends on an unanswered fact.
    Undecided,
}

impl RequirementResult {
    /// What to show as this requirement's status, the same in every output.
    pub fn shown(&self) -> Shown {
        match (self.applies, self.status) {
            (Some(false), _) => Shown::ByFacts,
            (None, _) => Shown::Undecided,
            (Some(true), Some(status)) => Shown::Answered(status),
            (Some(true), None) => Shown::Unanswered,
        }
    }
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
            let mut seen = std::collections::BTreeSet::new();
            let missing: Vec<&str> = applies_if
                .facts()
                .into_iter()
                .filter(|id| facts.get(*id).copied().flatten().is_none())
                .filter(|id| seen.insert(*id))
                .collect();
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
                result.findings.extend(proof::evidence_state(
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
    findings.extend(proof::evidence(requirement, answer, status));
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
