//! The Sheet: the one evaluated model every output reads. Per service, rows in checklist
//! order, each carrying its section, requirement, answer, the obligation in force, whether
//! it applies, the status shown and every finding (evidence findings included).
//!
//! Built by `evaluate`; read by `report`, `render` and `compare`, which never look a
//! requirement or an answer up again by id.

mod code;
mod hold;

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::model::{
    Approval, Checklist, Evidence, EvidenceKind, Language, Localized, Obligation, Organization,
    Partner, Requirement, Service, Status, Text,
};
pub use code::Code;
pub use hold::Hold;

/// Every service of an assessment, evaluated.
#[derive(Debug)]
pub struct Sheet {
    pub organization: Organization,
    pub checklist: Arc<Checklist>,
    /// The checklist as a command names it: `id@edition`, or the file as shown to the user.
    pub checklist_name: String,
    /// SHA-256 of the checklist file, to notice a change of its text within an edition.
    pub checklist_sha256: String,
    pub services: Vec<ServiceSheet>,
}

/// One service's evaluated sheet.
#[derive(Debug)]
pub struct ServiceSheet {
    pub service: Service,
    /// The answers file, as shown to the user.
    pub file: String,
    pub as_of: Date,
    pub reviewed_by: Option<String>,
    pub approved_by: Option<Approval>,
    pub next_review: Option<Date>,
    /// The checklist's facts in order, with this service's answers.
    pub facts: Vec<FactRow>,
    pub sections: Vec<SheetSection>,
    /// Findings about the service as a whole, such as missing translations.
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// A fact question and its answer.
#[derive(Debug, Clone)]
pub struct FactRow {
    /// 1-based position in the checklist, to refer to it briefly.
    pub number: usize,
    pub id: String,
    pub question: Text,
    pub answer: Option<bool>,
    /// The answer as a statement about the service, when the checklist words it.
    pub statement: Option<Text>,
}

/// A section of the checklist with its rows.
#[derive(Debug)]
pub struct SheetSection {
    pub id: String,
    pub title: Text,
    pub rows: Vec<Row>,
}

/// One requirement for one service.
#[derive(Debug)]
pub struct Row {
    pub requirement: Arc<Requirement>,
    /// Its item number (項番), unique in the checklist, e.g. `2.1(2)-3`.
    pub number: String,
    /// The status answered, if any (what is shown is `shown`).
    pub answered: Option<Status>,
    /// The published explanation, in Markdown, in each language written.
    pub explanation: Option<Localized>,
    /// The internal note; never published, exported only on request (`--internal`).
    pub note: Option<String>,
    /// The `target` date, as written.
    pub target: Option<Date>,
    /// The obligation in force given the facts; `None` when it does not apply or is undecided.
    pub obligation: Option<Obligation>,
    /// Whether it applies given the facts; `None` when a fact it depends on is unanswered.
    pub applies: Option<bool>,
    /// The facts whose answers decide whether it applies and with which obligation, and
    /// only those (`evaluate::decided_by`): a false `all` names its false parts, a true `any`
    /// its true parts. None when no fact decides it; when undecided, the unanswered facts
    /// that would.
    pub decided_by: Vec<FactRef>,
    /// What its status column shows, the same in every output.
    pub shown: Shown,
    pub outcome: Outcome,
    /// The cited evidence, in the order written, with what was found about each.
    pub evidence: Vec<EvidenceRow>,
    /// Every finding, evidence findings included.
    pub findings: Vec<Finding>,
    /// The explanation as sanitized HTML, Japanese and English, made when first asked: the
    /// page and the data files show the same conversion.
    pub explanation_html: [std::cell::OnceCell<String>; 2],
}

/// A fact that decides whether a requirement applies.
#[derive(Debug, Clone, Serialize)]
pub struct FactRef {
    pub id: String,
    pub number: usize,
}

/// A piece of cited evidence.
#[derive(Debug)]
pub struct EvidenceRow {
    pub evidence: Evidence,
    /// Whether the published sheet shows it.
    pub public: bool,
    /// For a file: its SHA-256 as found now; internal, never published.
    pub sha256: Option<String>,
    /// For a partner check: the partner it names, from `checksheet.yaml`.
    pub partner: Option<Box<Partner>>,
}

impl EvidenceRow {
    pub fn kind(&self) -> Option<EvidenceKind> {
        self.evidence.kinds().first().copied()
    }
}

/// What a requirement's status column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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

impl Shown {
    /// Every key, in the order summaries list them.
    pub const KEYS: [&'static str; 7] = [
        "done",
        "partial",
        "planned",
        "not-done",
        "not-applicable",
        "unanswered",
        "undecided",
    ];

    /// The one vocabulary of shown statuses: a status's name, `not-applicable` for one
    /// out of scope by the facts, `unanswered` or `undecided`.
    pub fn key(self) -> &'static str {
        match self {
            Shown::Answered(status) => status.as_str(),
            Shown::ByFacts => "not-applicable",
            Shown::Unanswered => "unanswered",
            Shown::Undecided => "undecided",
        }
    }

    /// How far the answer says the requirement is met, to tell a downgrade: done and
    /// not-applicable (nothing left to do) 4, partial 3, planned 2, not done 1, unanswered
    /// 0. `None` where the facts decide (out of scope by the facts, or undecided): those
    /// change with the facts, which the diff shows, not with the answer.
    pub fn standing(self) -> Option<u8> {
        match self {
            Shown::Answered(Status::Done | Status::NotApplicable) => Some(4),
            Shown::Answered(Status::Partial) => Some(3),
            Shown::Answered(Status::Planned) => Some(2),
            Shown::Answered(Status::NotDone) => Some(1),
            Shown::Unanswered => Some(0),
            Shown::ByFacts | Shown::Undecided => None,
        }
    }

    /// Whether `self` says less of the requirement than `before` did.
    pub fn is_worse_than(self, before: Shown) -> bool {
        matches!((self.standing(), before.standing()), (Some(now), Some(then)) if now < then)
    }

    /// The status this stands for, with `not-applicable` for one out of scope by the facts.
    pub fn status(self) -> Option<Status> {
        match self {
            Shown::Answered(status) => Some(status),
            Shown::ByFacts => Some(Status::NotApplicable),
            Shown::Unanswered | Shown::Undecided => None,
        }
    }
}

impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// What the answer means for the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Met, and the evidence supports it.
    Conforms,
    /// A `law` or `must` requirement that is not met (or whose evidence does not hold).
    Gap,
    /// An `effort` requirement that is not met (or whose evidence does not hold).
    Advice,
    /// Does not apply, by the facts or by an answer with a reason.
    NotApplicable,
    /// Applies but has no answer.
    Unanswered,
    /// Whether it applies depends on an unanswered fact.
    Undecided,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Conforms => "conforms",
            Outcome::Gap => "gap",
            Outcome::Advice => "advice",
            Outcome::NotApplicable => "not-applicable",
            Outcome::Unanswered => "unanswered",
            Outcome::Undecided => "undecided",
        }
    }
}

/// Something `check` has to say about a requirement.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// The evidence entry it is about (0-based, in the order written), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<usize>,
    /// The date it turns on (an expiry, a start of validity), for the published mark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where in the answers file it points: 1-based line and column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// For a workbook, the cell it points at, as `チェックシート!F12`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Row {
    /// The findings that mean the evidence does not support an answer that claims the
    /// requirement (or part of it) is met: the published sheet shows each beside the status.
    pub fn problems(&self) -> impl Iterator<Item = &Finding> {
        let claims = self.applies == Some(true)
            && matches!(self.answered, Some(Status::Done | Status::Partial));
        self.findings
            .iter()
            .filter(move |f| claims && f.code.undermines())
    }

    /// The target date, for a planned answer.
    pub fn target(&self) -> Option<Date> {
        self.target
            .filter(|_| self.answered == Some(Status::Planned))
    }

    /// The explanation for a page in `language`: its own text, else another language's
    /// with that language.
    pub fn explanation(&self, language: Language) -> Option<(&str, Option<Language>)> {
        self.explanation.as_ref()?.shown(language)
    }

    /// The explanation written for `language` (as [`Localized::get`] finds it) as sanitized
    /// HTML, converted once.
    pub fn explanation_html(&self, language: Language) -> Option<&str> {
        let text = self.explanation.as_ref()?.get(language)?;
        let cell = &self.explanation_html[match language {
            Language::Ja => 0,
            Language::En => 1,
        }];
        Some(cell.get_or_init(|| crate::markdown::to_html(text)))
    }

    /// The evidence the published sheet shows.
    pub fn public_evidence(&self) -> impl Iterator<Item = &EvidenceRow> {
        self.evidence.iter().filter(|e| e.public)
    }
}

impl ServiceSheet {
    /// Every row with its section, in checklist order.
    pub fn rows(&self) -> impl Iterator<Item = (&SheetSection, &Row)> {
        self.sections
            .iter()
            .flat_map(|section| section.rows.iter().map(move |row| (section, row)))
    }

    /// Whether the self-check is complete: nothing unanswered or undecided (see
    /// [`ServiceSheet::holds`]).
    pub fn is_complete(&self) -> bool {
        !self.holds(None).into_iter().any(Hold::is_incomplete)
    }
}

/// Counts over a service's rows.
#[derive(Debug, Default, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Summary {
    pub requirements: usize,
    pub conforms: usize,
    pub gap: usize,
    pub advice: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
    pub undecided: usize,
    /// Rows by the status shown, every key present.
    pub statuses: BTreeMap<&'static str, usize>,
    /// Rows whose answer the evidence does not support.
    pub unsupported: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    /// The counts of `rows`.
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Summary {
        let mut summary = Summary {
            statuses: Shown::KEYS.iter().map(|k| (*k, 0)).collect(),
            ..Summary::default()
        };
        for row in rows {
            summary.requirements += 1;
            *match row.outcome {
                Outcome::Conforms => &mut summary.conforms,
                Outcome::Gap => &mut summary.gap,
                Outcome::Advice => &mut summary.advice,
                Outcome::NotApplicable => &mut summary.not_applicable,
                Outcome::Unanswered => &mut summary.unanswered,
                Outcome::Undecided => &mut summary.undecided,
            } += 1;
            *summary.statuses.entry(row.shown.key()).or_default() += 1;
            summary.unsupported += usize::from(row.problems().next().is_some());
            for finding in &row.findings {
                match finding.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                }
            }
        }
        summary
    }
}

impl Summary {
    /// Counts `findings` about a service as a whole.
    pub fn count(&mut self, findings: &[Finding]) {
        for finding in findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
        }
    }
}

impl Sheet {
    /// Makes every warning an error, for `--strict`.
    pub fn strict(&mut self) {
        for service in &mut self.services {
            for finding in &mut service.findings {
                finding.severity = Severity::Error;
            }
            for section in &mut service.sections {
                for row in &mut section.rows {
                    for finding in &mut row.findings {
                        finding.severity = Severity::Error;
                    }
                }
            }
            service.summary.errors += service.summary.warnings;
            service.summary.warnings = 0;
        }
    }

    pub fn errors(&self) -> usize {
        self.services.iter().map(|s| s.summary.errors).sum()
    }

    /// The ids of the services, in order.
    pub fn service_ids(&self) -> impl Iterator<Item = &str> {
        self.services.iter().map(|s| s.service.id.as_str())
    }

    /// Keeps only the service `only`, when given.
    pub fn only(&mut self, only: Option<&str>) {
        self.services
            .retain(|s| only.is_none_or(|only| s.service.id == only));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_is_worse_when_it_says_less_of_the_requirement() {
        let answered = Shown::Answered;
        let order = [
            answered(Status::Done),
            answered(Status::Partial),
            answered(Status::Planned),
            answered(Status::NotDone),
            Shown::Unanswered,
        ];
        for (i, better) in order.iter().enumerate() {
            for worse in &order[i + 1..] {
                assert!(worse.is_worse_than(*better), "{worse:?} after {better:?}");
                assert!(!better.is_worse_than(*worse), "{better:?} after {worse:?}");
            }
        }
        // Not applicable, as answered, leaves nothing to do: like done.
        let not_applicable = answered(Status::NotApplicable);
        assert!(!not_applicable.is_worse_than(answered(Status::Done)));
        assert!(answered(Status::NotDone).is_worse_than(not_applicable));
        // Where the facts decide, the answer is not compared.
        for facts in [Shown::ByFacts, Shown::Undecided] {
            assert!(!facts.is_worse_than(answered(Status::Done)));
            assert!(!answered(Status::NotDone).is_worse_than(facts));
        }
    }
}
