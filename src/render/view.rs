//! What templates see: view structs built from the model and the evaluation, in one
//! language. Nothing internal (notes, evidence files, hashes) is ever put here.

use serde::Serialize;

use crate::labels::{self, Labels};

mod diff;

use crate::model::{Checklist, Language, Obligation, Organization, Service, Status};
use crate::sheet::{EvidenceRow, FactRef, FactRow, Outcome, Row, ServiceSheet, Shown};
pub use diff::{DiffView, PublicationView, SheetLink, diff};

/// Everything one page's template sees.
#[derive(Debug, Serialize)]
pub struct Page<'a> {
    /// The page's language code.
    pub lang: &'static str,
    /// The language the answers are written in (the assessment's first language).
    pub content_lang: &'static str,
    /// The page's path in the site.
    pub path: String,
    /// The way back to the site's root from this page: `""`, `"../"`, ….
    pub root: String,
    /// The index page in this page's language, relative to this page.
    pub home: String,
    /// The history page in this page's language, relative to this page.
    pub history_href: String,
    pub t: &'static Labels,
    /// The running header of the printed page.
    pub print_header: String,
    /// This page's print stylesheet, beside it: `index.print.css`.
    pub print_css: String,
    pub languages: Vec<LanguageLink>,
    pub tool: Tool,
    pub organization: OrganizationView<'a>,
    pub checklist: ChecklistView<'a>,
    /// On the index: every service.
    pub services: Vec<ServiceCard<'a>>,
    /// On a service page: the service's sheet.
    pub service: Option<ServiceView<'a>>,
    /// On the history page: the publications, newest first.
    pub publications: Vec<PublicationView>,
    /// The organization's logo, relative to the page.
    pub logo: Option<String>,
    /// On a sheet as it was published: when, and the way to the current sheet.
    pub archived: Option<Archived>,
    /// On the current sheet: its previous publication, when there is one.
    pub previous: Option<SheetLink>,
    /// On a comparison page: what changed.
    pub diff: Option<DiffView>,
    /// The page's stylesheet inline, for a page that stands alone.
    pub inline_style: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Serialize)]
pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct OrganizationView<'a> {
    pub name: &'a str,
    pub url: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ChecklistView<'a> {
    pub id: &'a str,
    pub edition: &'a str,
    pub title: &'a str,
    pub publisher: Option<&'a str>,
    pub issued: Option<String>,
    /// The edition assessed and the later ones, in a sentence.
    pub assessed: String,
    /// The official page of the edition assessed.
    pub url: Option<&'a str>,
}

/// A sheet as it was published.
#[derive(Debug, Serialize)]
pub struct Archived {
    /// The publication date.
    pub date: String,
    /// The current sheet of the service, relative to the page; `None` when the service
    /// is no longer published.
    pub current: Option<String>,
    /// The publication's comparison page.
    pub changes: String,
}

/// A service on the index.
#[derive(Debug, Serialize)]
pub struct ServiceCard<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub href: String,
    pub as_of: String,
    pub applicable: usize,
    pub done: usize,
    pub gaps: usize,
    /// Requirements not answered or undecided.
    pub incomplete: usize,
}

/// A service's sheet.
#[derive(Debug, Serialize)]
pub struct ServiceView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: Option<&'a str>,
    pub as_of: String,
    pub reviewed_by: Option<&'a str>,
    /// The approver's name and title, and the date of approval.
    pub approved_by: Option<&'a str>,
    pub approver_title: Option<&'a str>,
    pub approved_on: Option<String>,
    pub next_review: Option<String>,
    pub summary: SummaryView,
    pub facts: Vec<FactView<'a>>,
    pub sections: Vec<SectionView<'a>>,
    pub json: String,
    pub csv: String,
}

/// Counts of the applicable requirements by obligation and status.
#[derive(Debug, Serialize)]
pub struct SummaryView {
    /// The status columns, in order.
    pub columns: Vec<StatusView>,
    /// One row per obligation, then the total.
    pub rows: Vec<SummaryRow>,
    pub applicable: usize,
    pub done: usize,
    pub not_applicable_by_facts: usize,
    /// Law and must requirements not met.
    pub gaps: usize,
    /// Those, by the status shown, in the order of the columns.
    pub unmet: Vec<Counted>,
    /// Answers the evidence does not support.
    pub unsupported: usize,
    /// Requirements not answered, or undecided: the self-check is not complete.
    pub incomplete: usize,
    /// Why the self-check is not complete, in a sentence; none when it is.
    pub incomplete_note: Option<String>,
}

/// A count with what it counts: 「一部対応 3」.
#[derive(Debug, Serialize)]
pub struct Counted {
    pub label: &'static str,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct SummaryRow {
    pub label: &'static str,
    pub counts: Vec<usize>,
    pub total: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatusView {
    /// `done`, `partial`, `not-done`, `not-applicable`, `planned` or `unanswered`.
    pub key: &'static str,
    pub label: &'static str,
    pub mark: &'static str,
}

#[derive(Debug, Serialize)]
pub struct FactView<'a> {
    /// 1-based position in the checklist, to refer to it briefly.
    pub number: usize,
    pub id: &'a str,
    pub question: &'a str,
    pub answer: &'static str,
}

#[derive(Debug, Serialize)]
pub struct SectionView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub requirements: Vec<RequirementView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RequirementView<'a> {
    pub id: &'a str,
    /// Its item number (項番), to cite it.
    pub number: &'a str,
    pub cite: &'a str,
    pub text: &'a str,
    /// The obligation in force; `None` when it does not apply.
    pub obligation: Option<&'static str>,
    pub obligation_key: Option<&'static str>,
    pub applies: Option<bool>,
    pub status: StatusView,
    /// What is wrong with its evidence, in words: shown beside the status.
    pub problems: Vec<String>,
    /// The facts whose answers decide whether it applies and with which obligation, and only
    /// those: what `applicability` names (when undecided, the unanswered facts that would
    /// decide it); empty when no fact decides it.
    pub depends_on: &'a [FactRef],
    /// Why it applies as it does, in words, naming only the facts that decide it:
    /// 「マイナポータルAPIを利用しているため遵守事項」; `None` when no fact decides it or it is
    /// undecided.
    pub applicability: Option<String>,
    pub target: Option<String>,
    /// Sanitized HTML.
    pub explanation: Option<String>,
    /// The language the explanation is written in.
    pub explanation_lang: &'static str,
    /// The mark beside an explanation not written in the page's language.
    pub explanation_only: Option<&'static str>,
    pub evidence: Vec<EvidenceView<'a>>,
    /// How many pieces of cited evidence are internal (「2件」); `None` when none are.
    pub internal_evidence: Option<String>,
    /// Whether an answer that stands on evidence cites none at all.
    pub no_evidence: bool,
}

/// A piece of public evidence.
#[derive(Debug, Serialize)]
pub struct EvidenceView<'a> {
    pub kind: &'static str,
    pub kind_label: &'static str,
    /// As typed, with half-width katakana in full width, as published text is set.
    pub title: Option<std::borrow::Cow<'a, str>>,
    /// The language the title is written in.
    pub title_lang: &'static str,
    /// The mark beside a title not written in the page's language.
    pub title_only: Option<&'static str>,
    /// The address, normalized (spaces and quotes percent-encoded).
    pub href: Option<&'a str>,
    pub scheme: Option<&'a str>,
    pub number: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub scope: Option<&'a str>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub date: Option<String>,
    pub summary: Option<&'a str>,
    /// For a partner check: the partner's name and what the check found.
    pub partner: Option<&'a str>,
    pub result: Option<&'static str>,
}

pub use crate::labels::text;

pub fn service_name(service: &Service, language: Language) -> &str {
    match (language, &service.name_en) {
        (Language::En, Some(name)) => name,
        _ => &service.name,
    }
}

pub fn organization(organization: &Organization, language: Language) -> OrganizationView<'_> {
    OrganizationView {
        name: match (language, &organization.name_en) {
            (Language::En, Some(name)) => name,
            _ => &organization.name,
        },
        url: organization.url.as_deref(),
    }
}

pub fn checklist(checklist: &Checklist, language: Language) -> ChecklistView<'_> {
    ChecklistView {
        id: &checklist.id,
        edition: &checklist.edition,
        title: text(&checklist.title, language),
        publisher: checklist.publisher.as_ref().map(|p| text(p, language)),
        issued: checklist.issued.map(|d| d.to_string()),
        assessed: labels::assessed_edition(checklist, language),
        url: checklist.encoded().and_then(|r| r.url.as_deref()),
    }
}

/// The statuses in the order the summary shows them.
const COLUMNS: [Option<Status>; 6] = [
    Some(Status::Done),
    Some(Status::Partial),
    Some(Status::Planned),
    Some(Status::NotDone),
    Some(Status::NotApplicable),
    None,
];

pub fn status(status: Option<Status>, language: Language) -> StatusView {
    let (label, mark) = labels::status(status, language);
    StatusView {
        key: status.map_or("unanswered", Status::as_str),
        label,
        mark,
    }
}

/// What the status column shows for `shown`.
pub fn shown(shown: Shown, language: Language) -> StatusView {
    let (key, label, mark) = labels::shown(shown, language);
    StatusView { key, label, mark }
}

pub fn summary(service: &ServiceSheet, language: Language) -> SummaryView {
    let applying: Vec<&Row> = service
        .rows()
        .map(|(_, row)| row)
        .filter(|r| r.applies == Some(true))
        .collect();
    let count = |obligation: Option<Obligation>, status: Option<Status>| {
        applying
            .iter()
            .filter(|r| obligation.is_none() || r.obligation == obligation)
            .filter(|r| r.shown.status() == status)
            .count()
    };
    let mut rows: Vec<SummaryRow> = [Obligation::Law, Obligation::Must, Obligation::Effort]
        .into_iter()
        .map(|o| {
            let counts: Vec<usize> = COLUMNS.iter().map(|s| count(Some(o), *s)).collect();
            SummaryRow {
                label: labels::obligation(o, language),
                total: counts.iter().sum(),
                counts,
            }
        })
        .collect();
    let counts: Vec<usize> = COLUMNS.iter().map(|s| count(None, *s)).collect();
    rows.push(SummaryRow {
        label: labels::labels(language).total,
        total: counts.iter().sum(),
        counts,
    });
    let s = &service.summary;
    SummaryView {
        columns: COLUMNS.iter().map(|s| status(*s, language)).collect(),
        rows,
        applicable: applying.len(),
        done: s.conforms,
        not_applicable_by_facts: service
            .rows()
            .filter(|(_, r)| r.shown == Shown::ByFacts)
            .count(),
        gaps: s.gap,
        unmet: unmet(service, language),
        unsupported: s.unsupported,
        incomplete: s.unanswered + s.undecided,
        incomplete_note: (!service.is_complete())
            .then(|| labels::incomplete(s.unanswered + s.undecided, language)),
    }
}

/// The law and must requirements not met, by the status shown, so that the headline speaks
/// the status column's words: 「一部対応 3・対応予定 1・未対応 1」.
fn unmet(service: &ServiceSheet, language: Language) -> Vec<Counted> {
    let gaps: Vec<&Row> = service
        .rows()
        .map(|(_, row)| row)
        .filter(|r| r.outcome == Outcome::Gap)
        .collect();
    COLUMNS
        .iter()
        .filter_map(|status| {
            let count = gaps.iter().filter(|r| r.shown.status() == *status).count();
            let label = match status {
                Some(Status::Done) => labels::labels(language).unmet_unsupported,
                _ => labels::status(*status, language).0,
            };
            (count > 0).then_some(Counted { label, count })
        })
        .collect()
}

pub fn facts(service: &ServiceSheet, language: Language) -> Vec<FactView<'_>> {
    let t = labels::labels(language);
    service
        .facts
        .iter()
        .map(|fact| FactView {
            number: fact.number,
            id: &fact.id,
            question: text(&fact.question, language),
            answer: match fact.answer {
                Some(true) => t.yes,
                Some(false) => t.no,
                None => t.unanswered,
            },
        })
        .collect()
}

pub fn sections(service: &ServiceSheet, language: Language) -> Vec<SectionView<'_>> {
    service
        .sections
        .iter()
        .map(|section| SectionView {
            id: &section.id,
            title: text(&section.title, language),
            requirements: section
                .rows
                .iter()
                .map(|row| self::row(row, &service.facts, language))
                .collect(),
        })
        .collect()
}

/// Why a requirement that depends on facts applies as it does, from the answers of the facts
/// that decide it worded as statements: 「外部委託をしていないため対象外」, "Required because
/// the service uses the Mynaportal API". A fact the checklist does not word is named by its
/// number.
fn applicability(row: &Row, facts: &[FactRow], language: Language) -> Option<String> {
    if row.decided_by.is_empty() {
        return None;
    }
    let t = labels::labels(language);
    let consequence = match (row.applies?, row.obligation) {
        (true, Some(obligation)) => labels::obligation(obligation, language),
        (true, None) => return None,
        (false, _) => t.out_of_scope,
    };
    let statements: Vec<String> = row
        .decided_by
        .iter()
        .filter_map(|reference| facts.iter().find(|f| f.id == reference.id))
        .map(|fact| match (&fact.statement, language) {
            (Some(statement), _) => text(statement, language).to_owned(),
            (None, Language::Ja) => format!(
                "{}{}が「{}」",
                t.fact,
                fact.number,
                if fact.answer == Some(true) {
                    t.yes
                } else {
                    t.no
                }
            ),
            (None, Language::En) => format!(
                "answered {} to fact {}",
                if fact.answer == Some(true) {
                    t.yes
                } else {
                    t.no
                },
                fact.number
            ),
        })
        .collect();
    Some(match language {
        // 「…していないため」, but 「前提条件2が「いいえ」のため」.
        Language::Ja => format!(
            "{}{}ため{consequence}",
            statements.join("、"),
            if statements.last().is_some_and(|s| s.ends_with('」')) {
                "の"
            } else {
                ""
            }
        ),
        Language::En => {
            let mut sentence = format!(
                "{consequence} because the service {}",
                statements.join(" and ")
            );
            if let Some(first) = sentence.get(..1) {
                sentence.replace_range(..1, &first.to_uppercase());
            }
            sentence
        }
    })
}

fn row<'a>(row: &'a Row, facts: &[FactRow], language: Language) -> RequirementView<'a> {
    let requirement = &row.requirement;
    let explanation = row.explanation(language);
    RequirementView {
        id: &requirement.id,
        number: &row.number,
        cite: &requirement.cite,
        text: text(&requirement.text, language),
        obligation: row.obligation.map(|o| labels::obligation(o, language)),
        obligation_key: row.obligation.map(Obligation::as_str),
        applies: row.applies,
        status: shown(row.shown, language),
        problems: row
            .problems()
            .map(|f| labels::problem(f.code, crate::compare::shown_date(row, f), language))
            .collect(),
        depends_on: &row.decided_by,
        applicability: applicability(row, facts, language),
        target: row.target().map(|d| d.to_string()),
        explanation: explanation
            .and_then(|(_, other)| row.explanation_html(other.unwrap_or(language)))
            .map(str::to_owned),
        explanation_lang: labels::language_code(
            explanation.and_then(|(_, other)| other).unwrap_or(language),
        ),
        explanation_only: explanation
            .and_then(|(_, other)| other)
            .map(|_| labels::only_in(language)),
        evidence: row
            .public_evidence()
            .map(|e| evidence(e, language))
            .collect(),
        internal_evidence: internal_evidence(row, language),
        no_evidence: row.evidence.is_empty()
            && matches!(
                row.shown,
                Shown::Answered(Status::Done | Status::Partial | Status::NotDone | Status::Planned)
            ),
    }
}

/// 「社内文書で確認（非公開）2件」: the evidence cited but not published, counted, so that
/// an answer backed only by internal documents does not read as unproven.
fn internal_evidence(row: &Row, language: Language) -> Option<String> {
    let count = row.evidence.iter().filter(|e| !e.public).count();
    (count > 0).then(|| match language {
        Language::Ja => format!("{count}件"),
        Language::En => count.to_string(),
    })
}

fn evidence(row: &EvidenceRow, language: Language) -> EvidenceView<'_> {
    let evidence = &row.evidence;
    let t = labels::labels(language);
    let certificate = evidence.certificate.as_ref();
    let record = evidence.record.as_ref();
    let check = evidence.partner_check.as_ref();
    let title = evidence.title.as_ref().and_then(|t| t.shown(language));
    let (kind, kind_label) = if certificate.is_some() {
        ("certificate", t.certificate)
    } else if record.is_some() {
        ("record", t.record)
    } else if check.is_some() {
        ("partner-check", t.partner_check)
    } else if evidence.url.is_some() {
        ("url", t.document)
    } else {
        ("file", t.document)
    };
    EvidenceView {
        kind,
        kind_label,
        title: title.map(|(text, _)| crate::width::full_width_kana(text)),
        title_lang: labels::language_code(title.and_then(|(_, other)| other).unwrap_or(language)),
        title_only: title
            .and_then(|(_, other)| other)
            .map(|_| labels::only_in(language)),
        href: evidence
            .url
            .as_deref()
            .or(row.partner.as_ref().map(|p| p.url.as_str())),
        scheme: certificate.map(|c| c.scheme.as_str()),
        number: certificate.and_then(|c| c.number.as_deref()),
        issuer: certificate.and_then(|c| c.issuer.as_deref()),
        scope: certificate.and_then(|c| c.scope.as_deref()),
        valid_from: certificate
            .and_then(|c| c.valid_from)
            .map(|d| d.to_string()),
        valid_until: certificate
            .and_then(|c| c.valid_until)
            .map(|d| d.to_string()),
        date: record
            .map(|r| r.date)
            .or(check.map(|c| c.checked))
            .map(|d| d.to_string()),
        summary: record
            .and_then(|r| r.summary.as_deref())
            .or(check.and_then(|c| c.summary.as_deref())),
        partner: row.partner.as_ref().map(|p| p.name.as_str()),
        result: check.map(|c| match c.result {
            crate::model::PartnerResult::Verified => t.partner_verified,
            crate::model::PartnerResult::Stale => t.partner_stale,
            crate::model::PartnerResult::NotVerified => t.partner_not_verified,
        }),
    }
}
