//! Comparing one service at two revisions: its published fields, facts and rows.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use super::evidence::{self, EvidenceDiff};
use super::{Change, Chunk, Counts, NamesDiff, changed, text};
use crate::model::{Approval, Language, Obligation, Requirement, Text};
use crate::sheet::{Code, Outcome, Row, ServiceSheet, Shown};

/// What happened to a service.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceChange {
    Added,
    Removed,
    #[default]
    Changed,
}

/// What changed in one service; only changed parts are set.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ServiceDiff {
    pub id: String,
    /// The service's name, to show the diff under.
    pub title: String,
    /// The service's English name, for English pages.
    #[serde(skip)]
    pub title_en: Option<String>,
    pub change: ServiceChange,
    /// The service's name, English name and address, where they changed.
    #[serde(flatten)]
    pub names: NamesDiff,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Change<Date>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<Change<Option<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<Change<Option<Approval>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Change<Option<Date>>>,
    pub facts: Vec<FactDiff>,
    pub requirements: Vec<RequirementDiff>,
}

impl ServiceDiff {
    /// Whether nothing is left to say about the service.
    pub fn is_empty(&self) -> bool {
        self.change == ServiceChange::Changed
            && self.names.count() == 0
            && self.as_of.is_none()
            && self.reviewed_by.is_none()
            && self.approved_by.is_none()
            && self.next_review.is_none()
            && self.facts.is_empty()
            && self.requirements.is_empty()
    }
}

/// A fact answered differently.
#[derive(Debug, Serialize)]
pub struct FactDiff {
    pub id: String,
    /// The question, in both languages.
    pub question: Text,
    pub from: Option<bool>,
    pub to: Option<bool>,
}

/// A published problem of the evidence, as compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProblemKey {
    pub code: Code,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// What changed for one requirement; only changed parts are set.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RequirementDiff {
    pub id: String,
    /// Its id before, when it was renamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// The requirement as the newer checklist states it, to show the change under.
    #[serde(skip)]
    pub requirement: Arc<Requirement>,
    /// Its item number (項番) in the newer sheet.
    #[serde(rename = "no")]
    pub number: String,
    /// The status shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Change<Shown>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Change<Outcome>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub obligation: Option<Change<Option<Obligation>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies: Option<Change<Option<bool>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Change<Option<Date>>>,
    /// The Japanese explanation, character by character.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Vec<Chunk>>,
    /// The English explanation, character by character.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation_en: Option<Vec<Chunk>>,
    /// The evidence problems the published sheet shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<Change<Vec<ProblemKey>>>,
    pub evidence: Vec<EvidenceDiff>,
}

impl RequirementDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.outcome.is_none()
            && self.obligation.is_none()
            && self.applies.is_none()
            && self.target.is_none()
            && self.explanation.is_none()
            && self.explanation_en.is_none()
            && self.problems.is_none()
            && self.evidence.is_empty()
    }
}

/// Compares a service at two revisions; `previous` maps each new requirement id to its id
/// in the older checklist.
pub(super) fn compare(
    old: &ServiceSheet,
    new: &ServiceSheet,
    previous: &BTreeMap<String, String>,
    summary: &mut Counts,
) -> ServiceDiff {
    let mut facts = Vec::new();
    let old_facts: BTreeMap<&str, Option<bool>> = old
        .facts
        .iter()
        .map(|f| (f.id.as_str(), f.answer))
        .collect();
    for fact in &new.facts {
        let from = old_facts.get(fact.id.as_str()).copied().flatten();
        if from != fact.answer {
            facts.push(FactDiff {
                id: fact.id.clone(),
                question: fact.question.clone(),
                from,
                to: fact.answer,
            });
        }
    }
    summary.facts += facts.len();
    let old_rows: BTreeMap<&str, &Row> = old
        .rows()
        .map(|(_, row)| (row.requirement.id.as_str(), row))
        .collect();
    let mut requirements = Vec::new();
    for (_, row) in new.rows() {
        let Some(old_row) = previous
            .get(&row.requirement.id)
            .and_then(|id| old_rows.get(id.as_str()))
        else {
            continue;
        };
        let diff = requirement(old_row, row, summary);
        if !diff.is_empty() {
            requirements.push(diff);
        }
    }
    let diff = ServiceDiff {
        id: new.service.id.clone(),
        title: new.service.name.clone(),
        title_en: new.service.name_en.clone(),
        change: ServiceChange::Changed,
        names: NamesDiff::of(
            (&old.service.name, &old.service.name_en, &old.service.url),
            (&new.service.name, &new.service.name_en, &new.service.url),
        ),
        as_of: changed(old.as_of, new.as_of),
        reviewed_by: changed(old.reviewed_by.clone(), new.reviewed_by.clone()),
        approved_by: changed(old.approved_by.clone(), new.approved_by.clone()),
        next_review: changed(old.next_review, new.next_review),
        facts,
        requirements,
    };
    summary.service += diff.names.count();
    summary.as_of += usize::from(diff.as_of.is_some());
    summary.reviewed_by += usize::from(diff.reviewed_by.is_some());
    summary.approval +=
        usize::from(diff.approved_by.is_some()) + usize::from(diff.next_review.is_some());
    diff
}

fn problems(row: &Row) -> Vec<ProblemKey> {
    row.problems()
        .map(|f| ProblemKey {
            code: f.code,
            date: f.date,
        })
        .collect()
}

/// Compares one requirement's rows.
fn requirement(old: &Row, new: &Row, summary: &mut Counts) -> RequirementDiff {
    let explanation = |language: Language| {
        let written = |row: &Row| {
            row.explanation
                .as_ref()
                .and_then(|e| e.get(language))
                .unwrap_or("")
                .trim_end()
                .to_owned()
        };
        let (old_text, new_text) = (written(old), written(new));
        (old_text != new_text).then(|| text(&old_text, &new_text))
    };
    let diff = RequirementDiff {
        id: new.requirement.id.clone(),
        was: (old.requirement.id != new.requirement.id).then(|| old.requirement.id.clone()),
        requirement: Arc::clone(&new.requirement),
        number: new.number.clone(),
        status: changed(old.shown, new.shown),
        outcome: changed(old.outcome, new.outcome),
        obligation: changed(old.obligation, new.obligation),
        applies: changed(old.applies, new.applies),
        target: changed(old.target(), new.target()),
        explanation: explanation(Language::Ja),
        explanation_en: explanation(Language::En),
        problems: changed(problems(old), problems(new)),
        evidence: evidence::compare(old, new),
    };
    summary.status += usize::from(diff.status.is_some());
    // An outcome that moved with the status is said by the status.
    summary.outcome += usize::from(diff.outcome.is_some() && diff.status.is_none());
    summary.obligation += usize::from(diff.obligation.is_some() || diff.applies.is_some());
    summary.explanation += usize::from(diff.explanation.is_some() || diff.explanation_en.is_some());
    summary.target += usize::from(diff.target.is_some());
    for evidence in &diff.evidence {
        *evidence.count_in(summary) += 1;
    }
    diff
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Status};

    fn row(answer: Answer) -> Row {
        let requirement: Requirement = serde_yaml::from_str(
            "{id: r, cite: '1', obligation: must, text: {ja: 要件, en: R}, basis: seed}",
        )
        .unwrap();
        Row {
            requirement: Arc::new(requirement),
            number: "1-1".to_owned(),
            shown: answer.status.map_or(Shown::Unanswered, Shown::Answered),
            answered: answer.status,
            explanation: answer.explanation,
            note: answer.note,
            target: answer.target,
            obligation: Some(Obligation::Must),
            applies: Some(true),
            decided_by: Vec::new(),
            outcome: Outcome::Gap,
            evidence: Vec::new(),
            findings: Vec::new(),
            explanation_html: Default::default(),
        }
    }

    #[test]
    fn a_postponed_target_is_a_change_even_when_the_status_is_not() {
        let planned = |target: &str| Answer {
            status: Some(Status::Planned),
            target: Some(target.parse().unwrap()),
            ..Answer::default()
        };
        let mut summary = Counts::default();
        let diff = requirement(
            &row(planned("2026-12-31")),
            &row(planned("2027-03-31")),
            &mut summary,
        );
        assert!(diff.status.is_none());
        assert_eq!(
            diff.target,
            Some(Change {
                from: Some("2026-12-31".parse().unwrap()),
                to: Some("2027-03-31".parse().unwrap())
            })
        );
        assert_eq!(summary.target, 1);
        assert_eq!(summary.total(), 1);
    }

    #[test]
    fn an_unchanged_requirement_has_an_empty_diff() {
        let answer = Answer {
            status: Some(Status::Done),
            explanation: Some(crate::model::Localized::plain("同じです。\n")),
            ..Answer::default()
        };
        let mut summary = Counts::default();
        let diff = requirement(&row(answer.clone()), &row(answer), &mut summary);
        assert!(diff.is_empty(), "{diff:?}");
        assert_eq!(summary.total(), 0);
    }
}
