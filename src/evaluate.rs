//! Evaluation: what each requirement asks of each service and whether its answer meets it.
//! Pure: no I/O, and the only clock is the answers' `as-of` date. Builds the Sheet.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diagnostic::{Location, Severity};
use crate::evidence::{self, Inspection};
use crate::i18n::{self, t};
use crate::labels;
use crate::load::{NoticeKind, Part, SourceFile, Step};
use crate::model::workbook as layout;
use crate::model::{
    Answer, AnswersFile, Assessment, Checklist, Condition, Language, Obligation, Partner,
    Requirement, Status,
};
use crate::sheet::{
    Code, EvidenceRow, FactRef, FactRow, Finding, Outcome, Row, ServiceSheet, Sheet, SheetSection,
    Shown, Summary,
};
use crate::validate::{ServiceAnswers, Workspace};

mod proof;

/// Evaluates every service of a valid assessment, with the evidence files as inspected;
/// with `forget`, lets go of each service's answers once it is evaluated
/// ([`ServiceAnswers::forget_answers`]), for a caller that needs no more than the Sheet.
pub fn sheet(workspace: &mut Workspace, files: &Inspection, forget: bool) -> Sheet {
    // The item numbers are the checklist's, the same for every service.
    let numbers = workspace.checklist.numbers();
    Sheet {
        organization: workspace.assessment.organization.clone(),
        checklist: Arc::clone(&workspace.checklist),
        checklist_name: match &workspace.checklist_path {
            Some(path) => workspace.files.name(path),
            None => workspace.assessment.checklist.clone(),
        },
        checklist_sha256: workspace.checklist_file.sha256.clone(),
        services: workspace
            .services
            .iter_mut()
            .map(|service| {
                let file = workspace.files.name(&service.service.answers);
                let sheet = self::service(
                    &workspace.checklist,
                    service,
                    file,
                    files,
                    &numbers,
                    &workspace.assessment,
                );
                // Its findings say where they point; a thousand files' positions weigh.
                if forget {
                    service.forget_answers();
                } else {
                    service.file.forget_positions();
                }
                sheet
            })
            .collect(),
    }
}

/// What evaluating one service's rows needs.
struct Context<'a> {
    checklist: &'a Checklist,
    answers: &'a AnswersFile,
    /// The answers file's text and positions, to point findings at their lines.
    source: &'a SourceFile,
    /// The checklist's facts with this service's answers.
    facts: &'a [FactRow],
    /// The answers file's name, for messages.
    file: &'a str,
    /// The answers file as `checksheet.yaml` names it.
    answers_path: &'a str,
    files: &'a Inspection,
    /// The checklist's item numbers by requirement id.
    numbers: &'a std::collections::HashMap<&'a str, String>,
    /// The operators `partner-check` evidence names.
    partners: &'a [Partner],
}

/// Evaluates one service; `file` names its answers file in messages.
fn service(
    checklist: &Checklist,
    service: &ServiceAnswers,
    file: String,
    files: &Inspection,
    numbers: &std::collections::HashMap<&str, String>,
    assessment: &Assessment,
) -> ServiceSheet {
    let answers = &service.answers;
    let facts: Vec<FactRow> = checklist
        .facts
        .iter()
        .enumerate()
        .map(|(index, fact)| FactRow {
            number: index + 1,
            id: fact.id.clone(),
            question: fact.question.clone(),
            answer: answers.facts.get(&fact.id).copied().flatten(),
            statement: match answers.facts.get(&fact.id).copied().flatten() {
                Some(true) => fact.yes.clone(),
                Some(false) => fact.no.clone(),
                None => None,
            },
        })
        .collect();
    let context = Context {
        checklist,
        answers,
        source: &service.file,
        facts: &facts,
        file: &file,
        answers_path: &service.service.answers,
        files,
        numbers,
        partners: &assessment.partners,
    };
    let sections: Vec<SheetSection> = checklist
        .sections
        .iter()
        .map(|section| SheetSection {
            id: section.id.clone(),
            title: section.title.clone(),
            rows: section
                .requirements
                .iter()
                .map(|requirement| context.row(requirement))
                .collect(),
        })
        .collect();
    let mut findings = translations(
        &sections,
        &assessment.languages,
        service.file.cells.is_some(),
    );
    findings.extend(sign_off(answers, &service.file));
    findings.extend(service.file.notices.iter().map(notice));
    let mut summary = Summary::of(sections.iter().flat_map(|s| &s.rows));
    summary.count(&findings);
    ServiceSheet {
        service: service.service.clone(),
        file,
        as_of: answers.as_of,
        reviewed_by: answers.reviewed_by.clone().filter(|r| !r.trim().is_empty()),
        approved_by: answers.approved_by.clone(),
        next_review: answers.next_review,
        facts,
        sections,
        findings,
        summary,
    }
}

/// `approval-missing` when no one signed the self-check off, `review-overdue` when its
/// next review was due before `as-of`; each points at its line or cell.
fn sign_off(answers: &AnswersFile, source: &SourceFile) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut at = |mut finding: Finding, path: &[&str]| {
        let path: Vec<Step> = path
            .iter()
            .map(|key| Step::Key((*key).to_owned()))
            .collect();
        if let Some(cell) = source.cell(&path) {
            finding.cell = Some(cell.to_owned());
        } else if let Some(location) = source.locate(&path, Part::Value) {
            finding.line = Some(location.line);
            finding.column = Some(location.column);
        }
        findings.push(finding);
    };
    if answers.approved_by.is_none() {
        match approval_cells(source) {
            // A workbook: the cells beside 承認者 and 承認日.
            Some((name, date)) => at(
                finding(
                    Code::ApprovalMissing,
                    Severity::Warning,
                    t!(
                        "finding.approval-missing-workbook",
                        name = name,
                        date = date
                    ),
                ),
                &["approved-by", "name"],
            ),
            // A workbook made before it had rows for the approval.
            None if source.cells.is_some() => at(
                finding(
                    Code::ApprovalMissing,
                    Severity::Warning,
                    t!("finding.approval-missing-no-rows"),
                ),
                &["reviewed-by"],
            ),
            None => at(
                finding(
                    Code::ApprovalMissing,
                    Severity::Warning,
                    t!("finding.approval-missing"),
                ),
                &["as-of"],
            ),
        }
    }
    if let Some(next) = answers.next_review
        && answers.as_of > next
    {
        let next_review = [Step::Key("next-review".to_owned())];
        let message = match source.cell(&next_review) {
            Some(cell) => t!(
                "finding.review-overdue-workbook",
                next = next,
                as_of = answers.as_of,
                cell = cell
            ),
            None => t!("finding.review-overdue", next = next, as_of = answers.as_of),
        };
        let mut overdue = finding(Code::ReviewOverdue, Severity::Error, message);
        overdue.date = Some(next);
        at(overdue, &["next-review"]);
    }
    findings
}

/// A warning for something read from the answers file, but perhaps not as meant.
fn notice(notice: &crate::load::Notice) -> Finding {
    let code = match notice.kind {
        NoticeKind::MergedCells => Code::MergedCells,
        NoticeKind::UnreadCells => Code::UnreadCells,
        NoticeKind::YamlText => Code::YamlText,
    };
    let mut found = finding(code, Severity::Warning, notice.message.clone());
    found.cell.clone_from(&notice.cell);
    found.line = notice.line;
    found.column = notice.column;
    found
}

/// For a workbook, the cells where its approval is written: beside 承認者 (the name) and
/// 承認日 (the date) on the sheet 「チェックシート」.
pub fn approval_cells(source: &SourceFile) -> Option<(&str, &str)> {
    let cell = |field: &str| {
        source.cell(&[
            Step::Key("approved-by".to_owned()),
            Step::Key(field.to_owned()),
        ])
    };
    cell("name").zip(cell("date"))
}

/// `translation-missing`, once per page language that lacks explanations or evidence
/// titles: that page shows them in another language, marked as such.
fn translations(sections: &[SheetSection], languages: &[Language], workbook: bool) -> Vec<Finding> {
    let rows: Vec<&Row> = sections.iter().flat_map(|s| &s.rows).collect();
    languages
        .iter()
        .filter_map(|&language| {
            let explanations = rows
                .iter()
                .filter(|row| {
                    row.explanation
                        .as_ref()
                        .is_some_and(|e| !e.is_empty() && e.get(language).is_none())
                })
                .count();
            let titles = rows
                .iter()
                .flat_map(|row| row.public_evidence())
                .filter(|e| {
                    e.evidence
                        .title
                        .as_ref()
                        .is_some_and(|t| !t.is_empty() && t.get(language).is_none())
                })
                .count();
            (explanations + titles > 0).then(|| {
                let language_name = match language {
                    Language::Ja => t!("language.ja"),
                    Language::En => t!("language.en"),
                };
                // A workbook gives the English text in its own columns.
                let message = if workbook {
                    let (text, title) = match language {
                        Language::En => (layout::EXPLANATION_EN, layout::TITLE_EN),
                        Language::Ja => (layout::EXPLANATION, layout::TITLE),
                    };
                    t!(
                        "finding.translation-missing-cell",
                        language = language_name,
                        explanations = explanations,
                        titles = titles,
                        marker = labels::only_in(language),
                        text = text,
                        title = title
                    )
                } else {
                    t!(
                        "finding.translation-missing",
                        language = language_name,
                        explanations = explanations,
                        titles = titles,
                        marker = labels::only_in(language)
                    )
                };
                finding(Code::TranslationMissing, Severity::Warning, message)
            })
        })
        .collect()
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

/// The facts whose answers decide `condition`'s value, in the order written, each once:
/// those of the parts whose value is the whole's. So a false `all` names only its false
/// parts, a true `any` only its true parts, a true `all` and a false `any` every part, and
/// `not` its inner condition's; an undecided condition names the unanswered facts that
/// could still decide it. Ids only: the words are the outputs'.
pub fn deciding<'a>(
    condition: &'a Condition,
    facts: &BTreeMap<String, Option<bool>>,
) -> Vec<&'a str> {
    fn collect<'a>(
        part: &'a Condition,
        facts: &BTreeMap<String, Option<bool>>,
        found: &mut Vec<&'a str>,
    ) {
        match part {
            Condition::Fact(id) => {
                if !found.contains(&id.as_str()) {
                    found.push(id);
                }
            }
            Condition::All(list) | Condition::Any(list) => {
                let whole = self::condition(part, facts);
                for inner in list {
                    if self::condition(inner, facts) == whole {
                        collect(inner, facts, found);
                    }
                }
            }
            Condition::Not(inner) => collect(inner, facts, found),
        }
    }
    let mut found = Vec::new();
    collect(condition, facts, &mut found);
    found
}

/// The facts whose answers decide whether `requirement` applies and with which obligation
/// ([`deciding`]); none without `applies-if`: it applies whatever the facts.
pub fn decided_by<'a>(
    requirement: &'a Requirement,
    facts: &BTreeMap<String, Option<bool>>,
) -> Vec<&'a str> {
    requirement
        .applies_if
        .as_ref()
        .map(|applies_if| deciding(applies_if, facts))
        .unwrap_or_default()
}

/// The obligation in force: `Ok(None)` when the requirement does not apply, `Err` with the
/// unanswered facts that would decide it when that cannot be decided.
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
        None => Err(deciding(applies_if, facts)),
    }
}

/// A finding about the requirement itself.
pub fn finding(code: Code, severity: Severity, message: String) -> Finding {
    Finding {
        code,
        severity,
        message,
        evidence: None,
        date: None,
        line: None,
        column: None,
        cell: None,
    }
}

impl Context<'_> {
    /// A requirement's item number.
    fn number(&self, requirement: &Requirement) -> String {
        self.numbers
            .get(requirement.id.as_str())
            .cloned()
            .unwrap_or_else(|| requirement.cite.clone())
    }

    /// The rows of an answer's evidence: each entry with its visibility, its file's hash
    /// and the partner it names.
    fn evidence(&self, answer: &Answer) -> Vec<EvidenceRow> {
        answer
            .evidence
            .iter()
            .map(|evidence| EvidenceRow {
                partner: evidence.partner_check.as_ref().and_then(|check| {
                    self.partners
                        .iter()
                        .find(|p| p.id == check.partner)
                        .map(|partner| Box::new(partner.clone()))
                }),
                public: evidence.is_public(),
                sha256: evidence
                    .file
                    .as_ref()
                    .and_then(|path| self.files.found.get(path))
                    .map(|found| found.sha256.clone()),
                evidence: evidence.clone(),
            })
            .collect()
    }

    /// One requirement's row.
    fn row(&self, requirement: &Arc<Requirement>) -> Row {
        let Context {
            checklist,
            answers,
            facts,
            ..
        } = *self;
        let as_of = answers.as_of;
        let unanswered = Answer::default();
        let answer = answers.answers.get(&requirement.id).unwrap_or(&unanswered);
        let decided_by = decided_by(requirement, &answers.facts)
            .into_iter()
            .filter_map(|id| facts.iter().find(|f| f.id == id))
            .map(|fact| FactRef {
                id: fact.id.clone(),
                number: fact.number,
            })
            .collect();
        let evidence = self.evidence(answer);
        let mut row = Row {
            requirement: Arc::clone(requirement),
            number: self.number(requirement),
            answered: answer.status,
            explanation: answer.explanation.clone(),
            note: answer.note.clone(),
            target: answer.target,
            obligation: None,
            applies: None,
            decided_by,
            shown: Shown::Undecided,
            outcome: Outcome::Undecided,
            evidence,
            findings: Vec::new(),
            explanation_html: Default::default(),
        };
        match obligation(requirement, &answers.facts) {
            Ok(Some(obligation)) => {
                row.applies = Some(true);
                row.obligation = Some(obligation);
                row.shown = answer.status.map_or(Shown::Unanswered, Shown::Answered);
                let evidence = if answer.status.is_some() {
                    proof::evidence_state(
                        checklist,
                        requirement,
                        answer,
                        as_of,
                        obligation.is_binding(),
                        self.cited(),
                    )
                } else {
                    Vec::new()
                };
                (row.outcome, row.findings) = answered(
                    requirement,
                    obligation,
                    answer,
                    as_of,
                    &self.unanswered(&requirement.id),
                    &evidence,
                    self.source.cells.is_some(),
                );
                self.in_workbook_terms(&requirement.id, obligation, &mut row.findings);
                row.findings.extend(evidence);
            }
            Ok(None) => {
                row.applies = Some(false);
                row.shown = Shown::ByFacts;
                row.outcome = Outcome::NotApplicable;
                if answer.status.is_some() {
                    // Answered although out of scope: shown as not applicable, its evidence
                    // still checked so that nothing cited goes stale unnoticed.
                    row.findings = proof::evidence_state(
                        checklist,
                        requirement,
                        answer,
                        as_of,
                        false,
                        self.cited(),
                    );
                }
            }
            Err(missing) => row.findings = self.fact_unanswered(&missing),
        }
        for finding in &mut row.findings {
            self.locate(&requirement.id, finding);
        }
        row
    }

    /// The evidence files as inspected, seen from this answers file.
    fn cited(&self) -> proof::Files<'_> {
        proof::Files {
            states: &self.files.states,
            answers: self.answers_path,
        }
    }

    /// Points `finding` about the requirement `id` at its place in the answers file: the
    /// evidence entry it is about (a missing file's path at its first slip in typing, if
    /// any), the answer's status, or the facts.
    fn locate(&self, id: &str, finding: &mut Finding) {
        if finding.cell.is_some() {
            return;
        }
        let key = |name: &str| Step::Key(name.to_owned());
        let mut within = None;
        let path = match (finding.code, finding.evidence) {
            (Code::FactUnanswered, _) => vec![key("facts")],
            (Code::EvidenceMissingFile, Some(index)) => {
                within = self
                    .answers
                    .answers
                    .get(id)
                    .and_then(|answer| answer.evidence.get(index)?.file.as_deref())
                    .and_then(|path| Some((path, evidence::typos(path).first()?.at)));
                let entry = Step::Index(index);
                vec![key("answers"), key(id), key("evidence"), entry, key("file")]
            }
            (_, Some(index)) => vec![key("answers"), key(id), key("evidence"), Step::Index(index)],
            _ => vec![key("answers"), key(id), key("status")],
        };
        if let Some(cell) = self.source.cell(&path) {
            finding.cell = Some(cell.to_owned());
        } else if let Some(location) = self.source.locate(&path, Part::Value) {
            finding.line = Some(location.line);
            finding.column = Some(match within {
                Some((value, at)) => column_of(&self.source.text, &location, value, at),
                None => location.column,
            });
        }
    }

    /// What to do about the requirement `id` left unanswered, in the answers file's terms:
    /// for a workbook, the cell to fill in, or the row to add back.
    fn unanswered(&self, id: &str) -> String {
        let path = [
            Step::Key("answers".to_owned()),
            Step::Key(id.to_owned()),
            Step::Key("status".to_owned()),
        ];
        match self.source.cell(&path) {
            Some(cell) => t!(
                "finding.unanswered-cell",
                id = id,
                file = self.file,
                cell = cell
            ),
            None if self.source.cells.is_some() => t!(
                "finding.unanswered-no-row",
                id = id,
                file = self.file,
                number = self.numbers.get(id).map_or("", String::as_str)
            ),
            None => t!("finding.unanswered", id = id, file = self.file),
        }
    }

    /// For a workbook, a `not-applicable` answer without a reason points at the 説明（公開）
    /// cell, in the workbook's words.
    fn in_workbook_terms(&self, id: &str, obligation: Obligation, findings: &mut [Finding]) {
        let path = [
            Step::Key("answers".to_owned()),
            Step::Key(id.to_owned()),
            Step::Key("explanation".to_owned()),
        ];
        let Some(cell) = self
            .source
            .cells
            .as_ref()
            .and_then(|cells| cells.get(&path[..]))
        else {
            return;
        };
        for finding in findings
            .iter_mut()
            .filter(|f| f.code == Code::NotApplicableWithoutReason)
        {
            finding.message = t!(
                "finding.not-applicable-without-reason-cell",
                duty = labels::obligation(obligation, i18n::language()),
                file = self.file,
                cell = cell
            );
            finding.cell = Some(cell.clone());
        }
    }

    /// `fact-unanswered` for each fact whose answer would decide whether a requirement
    /// applies.
    fn fact_unanswered(&self, missing: &[&str]) -> Vec<Finding> {
        missing
            .iter()
            .map(|id| {
                let question = self
                    .checklist
                    .fact(id)
                    .map(|fact| labels::text(&fact.question, i18n::language()).to_owned())
                    .unwrap_or_default();
                let message = if self.source.cells.is_some() {
                    t!(
                        "finding.fact-unanswered-cell",
                        id = id,
                        question = question,
                        file = self.file
                    )
                } else {
                    t!(
                        "finding.fact-unanswered",
                        id = id,
                        question = question,
                        file = self.file
                    )
                };
                let mut found = finding(Code::FactUnanswered, Severity::Error, message);
                let at = [Step::Key("facts".to_owned()), Step::Key((*id).to_owned())];
                found.cell = self
                    .source
                    .cells
                    .as_ref()
                    .and_then(|cells| cells.get(&at[..]))
                    .cloned();
                found
            })
            .collect()
    }
}

/// The column of the character `at` (0-based) of `value`, written at `location` in `text`:
/// past an opening quote, when what comes before it is written as it reads (no escapes);
/// else the value's own column.
fn column_of(text: &str, location: &Location, value: &str, at: usize) -> usize {
    let Some(line) = text.lines().nth(location.line.saturating_sub(1)) else {
        return location.column;
    };
    let mut written = line
        .chars()
        .skip(location.column.saturating_sub(1))
        .peekable();
    let quote = usize::from(written.next_if(|c| matches!(c, '\'' | '"')).is_some());
    if written.take(at).eq(value.chars().take(at)) {
        location.column + quote + at
    } else {
        location.column
    }
}

/// The outcome and findings of a requirement that applies with `obligation`, given what
/// was found about its evidence.
fn answered(
    requirement: &Requirement,
    obligation: Obligation,
    answer: &Answer,
    as_of: Date,
    unanswered: &str,
    evidence: &[Finding],
    workbook: bool,
) -> (Outcome, Vec<Finding>) {
    let Some(status) = answer.status else {
        let message = unanswered.to_owned();
        return (
            Outcome::Unanswered,
            vec![finding(Code::Unanswered, Severity::Error, message)],
        );
    };
    let (not_met, code, severity) = if obligation.is_binding() {
        (Outcome::Gap, Code::Gap, Severity::Error)
    } else {
        (Outcome::Advice, Code::Advice, Severity::Warning)
    };
    let duty = t!(
        "finding.duty",
        key = obligation.as_str(),
        label = labels::obligation(obligation, i18n::language())
    );
    let has_explanation = answer
        .explanation
        .as_ref()
        .is_some_and(|text| !text.is_empty());
    let mut findings = Vec::new();
    let outcome = match status {
        Status::Done if evidence.iter().any(|f| f.code.undermines()) => {
            findings.push(finding(
                code,
                severity,
                t!("finding.unsupported", duty = duty, as_of = as_of),
            ));
            not_met
        }
        Status::Done => Outcome::Conforms,
        Status::NotApplicable if has_explanation => {
            findings.push(finding(
                Code::NotApplicableButApplies,
                Severity::Warning,
                t!("finding.not-applicable-but-applies", duty = duty),
            ));
            Outcome::NotApplicable
        }
        Status::NotApplicable => {
            findings.push(finding(
                Code::NotApplicableWithoutReason,
                severity,
                t!("finding.not-applicable-without-reason", duty = duty),
            ));
            not_met
        }
        Status::Partial | Status::NotDone | Status::Planned => {
            // A workbook's answer is the label chosen in its cell.
            let answered = if workbook {
                t!("finding.answered-cell", label = status.label_ja())
            } else {
                t!(
                    "finding.answered",
                    key = status.as_str(),
                    label = labels::status(Some(status), i18n::language()).0
                )
            };
            let message = match (status, answer.target) {
                (Status::Planned, Some(target)) => t!(
                    "finding.not-met-target",
                    duty = duty,
                    as_of = as_of,
                    answered = answered,
                    target = target
                ),
                _ => t!(
                    "finding.not-met",
                    duty = duty,
                    as_of = as_of,
                    answered = answered
                ),
            };
            findings.push(finding(code, severity, message));
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
            Code::PlanWithoutTarget,
            Severity::Warning,
            t!("finding.plan-without-target"),
        )),
        (Status::Planned, Some(target)) if target < as_of => Some(finding(
            Code::PlanOverdue,
            Severity::Warning,
            t!("finding.plan-overdue", target = target, as_of = as_of),
        )),
        (Status::Planned, Some(_)) | (_, None) => None,
        (_, Some(_)) => Some(finding(
            Code::TargetWithoutPlan,
            Severity::Warning,
            t!("finding.target-without-plan", status = status.as_str()),
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

    /// `a` true, `b` false, `c` unanswered and so on, from `"a b! c?"`.
    fn answered(spec: &str) -> BTreeMap<String, Option<bool>> {
        spec.split_whitespace()
            .map(|word| match word.strip_suffix('!') {
                Some(id) => (id.to_owned(), Some(false)),
                None => match word.strip_suffix('?') {
                    Some(id) => (id.to_owned(), None),
                    None => (word.to_owned(), Some(true)),
                },
            })
            .collect()
    }

    #[test]
    fn only_the_facts_that_decide_a_condition_are_named() {
        const AB_ALL: &str = "{all: [{fact: a}, {fact: b}]}";
        const AB_ANY: &str = "{any: [{fact: a}, {fact: b}]}";
        const NESTED: &str = "{all: [{fact: a}, {any: [{fact: b}, {not: {fact: c}}]}]}";
        const EITHER: &str = "{any: [{all: [{fact: a}, {fact: b}]}, {not: {fact: c}}]}";
        // (condition as written, answers, its value, the facts that decide it)
        let cases = [
            ("{fact: a}", "a", Some(true), "a"),
            ("{fact: a}", "a!", Some(false), "a"),
            ("{fact: a}", "a?", None, "a"),
            // all: every part when true, only the false parts when false.
            (AB_ALL, "a b", Some(true), "a b"),
            (AB_ALL, "a b!", Some(false), "b"),
            (AB_ALL, "a! b!", Some(false), "a b"),
            (AB_ALL, "a! b?", Some(false), "a"),
            (AB_ALL, "a b?", None, "b"),
            (AB_ALL, "a? b?", None, "a b"),
            // any: only the true parts when true, every part when false.
            (AB_ANY, "a b!", Some(true), "a"),
            (AB_ANY, "a b", Some(true), "a b"),
            (AB_ANY, "a! b!", Some(false), "a b"),
            (AB_ANY, "a? b", Some(true), "b"),
            (AB_ANY, "a! b?", None, "b"),
            // not: its inner condition's facts, whichever way it goes.
            ("{not: {fact: a}}", "a", Some(false), "a"),
            ("{not: {fact: a}}", "a!", Some(true), "a"),
            (
                "{not: {all: [{fact: a}, {fact: b}]}}",
                "a b!",
                Some(true),
                "b",
            ),
            (
                "{not: {any: [{fact: a}, {fact: b}]}}",
                "a b!",
                Some(false),
                "a",
            ),
            // Nested: a part that does not decide names none of its facts.
            (NESTED, "a b c!", Some(true), "a b c"),
            (NESTED, "a b c", Some(true), "a b"),
            (NESTED, "a! b c!", Some(false), "a"),
            (NESTED, "a b! c", Some(false), "b c"),
            (NESTED, "a b? c!", Some(true), "a c"),
            (NESTED, "a? b! c?", None, "a c"),
            (EITHER, "a b! c!", Some(true), "c"),
            (EITHER, "a! b c", Some(false), "a c"),
            (EITHER, "a b? c", None, "b"),
            // A fact named twice is named once.
            (
                "{all: [{fact: a}, {any: [{fact: a}, {fact: b}]}]}",
                "a b!",
                Some(true),
                "a",
            ),
        ];
        for (written, spec, value, named) in cases {
            let condition: Condition = serde_yaml::from_str(written).unwrap();
            let facts = answered(spec);
            let what = format!("{written} with {spec}");
            assert_eq!(self::condition(&condition, &facts), value, "{what}");
            let expected: Vec<&str> = named.split_whitespace().collect();
            assert_eq!(deciding(&condition, &facts), expected, "{what}");
        }
    }

    /// The obligation in force, or the unanswered facts that would decide it.
    type Obliged = Result<Option<Obligation>, Vec<&'static str>>;

    #[test]
    fn no_fact_decides_a_requirement_without_a_condition() {
        let requirement = |extra: &str| -> Requirement {
            serde_yaml::from_str(&format!(
                "{{id: r, cite: '1', obligation: law, text: {{ja: 要件, en: R}}, basis: seed{extra}}}"
            ))
            .unwrap()
        };
        // (the condition, the answers, the obligation in force, the facts that decide it)
        let cases: [(&str, &str, Obliged, Vec<&str>); 5] = [
            ("", "a!", Ok(Some(Obligation::Law)), vec![]),
            ("", "a?", Ok(Some(Obligation::Law)), vec![]),
            (
                ", applies-if: {fact: a}, otherwise: effort",
                "a!",
                Ok(Some(Obligation::Effort)),
                vec!["a"],
            ),
            (", applies-if: {fact: a}", "a!", Ok(None), vec!["a"]),
            (
                ", applies-if: {any: [{fact: a}, {all: [{fact: b}, {fact: c}]}]}",
                "a! b? c!",
                Ok(None),
                vec!["a", "c"],
            ),
        ];
        for (extra, spec, obligation, named) in cases {
            let requirement = requirement(extra);
            let facts = answered(spec);
            assert_eq!(
                super::obligation(&requirement, &facts),
                obligation,
                "{extra} {spec}"
            );
            assert_eq!(decided_by(&requirement, &facts), named, "{extra} {spec}");
        }
        // Undecided: only the unanswered facts that would decide it are asked for.
        let requirement =
            requirement(", applies-if: {any: [{fact: a}, {all: [{fact: b}, {fact: c}]}]}");
        assert_eq!(
            super::obligation(&requirement, &answered("a? b! c?")),
            Err(vec!["a"])
        );
    }

    #[test]
    fn not_inverts_and_keeps_unknown() {
        let not = Condition::Not(Box::new(fact("a")));
        assert_eq!(condition(&not, &facts(&[("a", Some(true))])), Some(false));
        assert_eq!(condition(&not, &facts(&[])), None);
    }
}
