//! What templates see of a comparison: public changes, in one language.

use serde::Serialize;

use super::{StatusView, status, text};
use crate::compare::{Change, Chunk, Diff, EvidenceChange, ServiceChange};
use crate::model::{Checklist, Language, Obligation};
use crate::render::labels::{self, Labels};

/// A publication in the site's history.
#[derive(Debug, Serialize)]
pub struct PublicationView {
    pub tag: String,
    pub date: String,
    pub message: String,
    pub href: String,
    pub changes: String,
}

/// A comparison as templates see it, in one language, public parts only.
#[derive(Debug, Serialize)]
pub struct DiffView {
    pub from: String,
    pub to: String,
    pub checklist: Option<Change<String>>,
    pub requirements_added: Vec<String>,
    pub requirements_removed: Vec<String>,
    pub services: Vec<ServiceDiffView>,
    /// The changes counted, in words.
    pub summary: String,
    pub empty: bool,
}

#[derive(Debug, Serialize)]
pub struct ServiceDiffView {
    pub id: String,
    pub name: String,
    pub change: &'static str,
    pub as_of: Option<Change<String>>,
    pub facts: Vec<FactDiffView>,
    pub requirements: Vec<RequirementDiffView>,
}

#[derive(Debug, Serialize)]
pub struct FactDiffView {
    pub question: String,
    pub from: &'static str,
    pub to: &'static str,
}

#[derive(Debug, Serialize)]
pub struct RequirementDiffView {
    pub id: String,
    pub cite: String,
    pub text: String,
    pub status: Option<Change<StatusView>>,
    pub obligation: Option<Change<&'static str>>,
    pub explanation: Option<Vec<Chunk>>,
    pub evidence: Vec<EvidenceDiffView>,
}

#[derive(Debug, Serialize)]
pub struct EvidenceDiffView {
    pub change: &'static str,
    pub what: String,
}

fn requirement_diff(
    r: &crate::compare::RequirementDiff,
    checklist: &Checklist,
    language: Language,
) -> RequirementDiffView {
    let ja = language == Language::Ja;
    let obligation_label = |o: Option<Obligation>| {
        o.map_or(if ja { "対象外" } else { "Not applicable" }, |o| {
            labels::obligation(o, language)
        })
    };
    let requirement = checklist
        .requirements()
        .find(|(_, q)| q.id == r.id)
        .map(|(_, q)| q);
    RequirementDiffView {
        id: r.id.clone(),
        cite: requirement.map(|q| q.cite.clone()).unwrap_or_default(),
        text: requirement
            .map(|q| text(&q.text, language).to_owned())
            .unwrap_or_default(),
        status: r.status.as_ref().map(|c| Change {
            from: status(c.from, language),
            to: status(c.to, language),
        }),
        obligation: r.obligation.as_ref().map(|c| Change {
            from: obligation_label(c.from),
            to: obligation_label(c.to),
        }),
        explanation: r.explanation.as_ref().map(|chunks| {
            chunks
                .iter()
                .map(|c| Chunk {
                    kind: c.kind,
                    text: c.text.clone(),
                })
                .collect()
        }),
        evidence: r
            .evidence
            .iter()
            .map(|e| EvidenceDiffView {
                change: match (e.change, ja) {
                    (EvidenceChange::Added, true) => "追加",
                    (EvidenceChange::Removed, true) => "削除",
                    (EvidenceChange::Changed, true) => "更新",
                    (EvidenceChange::Expired, true) => "期限切れ",
                    (EvidenceChange::Added, false) => "Added",
                    (EvidenceChange::Removed, false) => "Removed",
                    (EvidenceChange::Changed, false) => "Updated",
                    (EvidenceChange::Expired, false) => "Expired",
                },
                what: e.what.clone(),
            })
            .collect(),
    }
}

fn answer(value: Option<bool>, t: &Labels) -> &'static str {
    match value {
        Some(true) => t.yes,
        Some(false) => t.no,
        None => t.unanswered,
    }
}

/// `diff` for templates, using `checklist` for requirement and fact texts.
pub fn diff(diff: &Diff, checklist: &Checklist, language: Language) -> DiffView {
    let t = labels::labels(language);
    let ja = language == Language::Ja;
    let services = diff
        .services
        .iter()
        .map(|service| ServiceDiffView {
            id: service.id.clone(),
            name: service.name.clone(),
            change: match service.change {
                ServiceChange::Added => {
                    if ja {
                        "追加"
                    } else {
                        "Added"
                    }
                }
                ServiceChange::Removed => {
                    if ja {
                        "削除"
                    } else {
                        "Removed"
                    }
                }
                ServiceChange::Changed => "",
            },
            as_of: service.as_of.clone(),
            facts: service
                .facts
                .iter()
                .map(|f| FactDiffView {
                    question: checklist.fact(&f.id).map_or_else(
                        || f.id.clone(),
                        |fact| text(&fact.question, language).to_owned(),
                    ),
                    from: answer(f.from, t),
                    to: answer(f.to, t),
                })
                .collect(),
            requirements: service
                .requirements
                .iter()
                .map(|r| requirement_diff(r, checklist, language))
                .collect(),
        })
        .collect();
    let s = &diff.summary;
    let counts: Vec<String> = [
        (s.checklist, "指針の版の変更", "Checklist edition"),
        (s.as_of, "点検基準日の変更", "As-of date"),
        (s.status, "状況の変更", "Status"),
        (s.obligation, "区分の変更", "Obligation"),
        (s.explanation, "説明の変更", "Explanation"),
        (
            s.evidence_added + s.evidence_removed + s.evidence_changed + s.evidence_expired,
            "根拠の変更",
            "Evidence",
        ),
        (s.facts, "前提条件の変更", "Facts"),
        (
            s.services_added + s.services_removed,
            "サービスの追加・削除",
            "Services added or removed",
        ),
        (
            s.requirements_added + s.requirements_removed,
            "要件の追加・削除",
            "Requirements added or removed",
        ),
    ]
    .into_iter()
    .filter(|(count, _, _)| *count > 0)
    // In English, "<what changed>: <count>" reads right whatever the count.
    .map(|(count, ja_text, en_text)| {
        if ja {
            format!("{ja_text} {count}件")
        } else {
            format!("{en_text}: {count}")
        }
    })
    .collect();
    DiffView {
        from: diff.from.clone(),
        to: diff.to.clone(),
        checklist: diff.checklist.clone(),
        requirements_added: diff.requirements_added.clone(),
        requirements_removed: diff.requirements_removed.clone(),
        services,
        empty: counts.is_empty(),
        summary: if counts.is_empty() {
            t.no_changes.to_owned()
        } else {
            counts.join(if ja { "、" } else { ", " })
        },
    }
}
