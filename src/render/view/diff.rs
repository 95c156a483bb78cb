//! What templates see of a comparison, in one language.

use serde::Serialize;

use super::{StatusView, shown, text};
use crate::compare::{Change, Chunk, Diff, NamesDiff, RequirementDiff, ServiceChange};
use crate::labels::{self, Labels};
use crate::model::{Language, Obligation};

/// A publication in the site's history.
#[derive(Clone, Debug, Serialize)]
pub struct PublicationView {
    pub tag: String,
    pub date: String,
    pub message: String,
    pub href: String,
    pub changes: String,
    /// The `as-of` dates of the sheets published, each once.
    pub as_of: Vec<String>,
    /// The sheets as they were published.
    pub sheets: Vec<SheetLink>,
}

/// A link to a service's archived sheet.
#[derive(Clone, Debug, Serialize)]
pub struct SheetLink {
    pub name: String,
    pub href: String,
}

/// A comparison as templates see it, in one language.
#[derive(Debug, Serialize)]
pub struct DiffView {
    pub from: String,
    pub to: String,
    pub checklist: Option<Change<String>>,
    pub requirements_added: Vec<String>,
    pub requirements_removed: Vec<String>,
    /// Other published changes outside the services, in words: `label: before → after`.
    pub changes: Vec<FieldView>,
    pub services: Vec<ServiceDiffView>,
    /// The changes counted, in words.
    pub summary: String,
    pub empty: bool,
}

/// A field that changed, in words.
#[derive(Debug, Serialize)]
pub struct FieldView {
    pub label: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize)]
pub struct ServiceDiffView {
    pub id: String,
    pub name: String,
    pub change: &'static str,
    /// Name, address, as-of date, reviewer.
    pub changes: Vec<FieldView>,
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
    /// Its item number (項番).
    pub number: String,
    pub cite: String,
    pub text: String,
    pub status: Option<Change<StatusView>>,
    pub obligation: Option<Change<&'static str>>,
    /// Target date, outcome, evidence problems, wording: `label: before → after`.
    pub changes: Vec<FieldView>,
    pub explanation: Option<Vec<Chunk>>,
    pub evidence: Vec<EvidenceDiffView>,
}

#[derive(Debug, Serialize)]
pub struct EvidenceDiffView {
    pub change: &'static str,
    /// The kind of evidence, in words.
    pub kind: &'static str,
    pub what: String,
    /// The fields that changed: `label: before → after`.
    pub fields: Vec<FieldView>,
}

fn or_none(value: Option<impl ToString>, t: &Labels) -> String {
    value.map_or_else(|| t.none.to_owned(), |v| v.to_string())
}

fn field<T>(label: &str, change: &Change<T>, show: impl Fn(&T) -> String) -> FieldView {
    FieldView {
        label: label.to_owned(),
        from: show(&change.from),
        to: show(&change.to),
    }
}

fn requirement_diff(r: &RequirementDiff, language: Language) -> RequirementDiffView {
    let t = labels::labels(language);
    let obligation_label =
        |o: Option<Obligation>| o.map_or(t.not_in_force, |o| labels::obligation(o, language));
    let mut changes = Vec::new();
    if let Some(c) = &r.target {
        changes.push(field(t.target, c, |d| or_none(d.as_ref(), t)));
    }
    if let Some(c) = r.outcome.as_ref().filter(|_| r.status.is_none()) {
        changes.push(field(t.outcome, c, |o| {
            labels::outcome(*o, language).to_owned()
        }));
    }
    if let Some(c) = &r.problems {
        changes.push(field(t.evidence_problems, c, |list| {
            if list.is_empty() {
                t.none.to_owned()
            } else {
                list.iter()
                    .map(|p| labels::problem(p.code, p.date, language))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }));
    }
    // The item number usually follows the citation: one line for both.
    match (&r.renumbered, &r.cite) {
        (Some(c), _) | (None, Some(c)) => changes.push(field(t.number, c, Clone::clone)),
        (None, None) => {}
    }
    if let Some(c) = &r.section {
        changes.push(field(t.section, c, Clone::clone));
    }
    if let Some(c) = &r.text {
        changes.push(field(t.requirement, c, |x| {
            text(x, language).trim().to_owned()
        }));
    }
    RequirementDiffView {
        id: r.id.clone(),
        number: r.number.clone(),
        cite: r.requirement.cite.clone(),
        text: text(&r.requirement.text, language).to_owned(),
        status: r.status.as_ref().map(|c| Change {
            from: shown(c.from, language),
            to: shown(c.to, language),
        }),
        obligation: r.obligation.as_ref().map(|c| Change {
            from: obligation_label(c.from),
            to: obligation_label(c.to),
        }),
        changes,
        explanation: r.explanation.clone(),
        evidence: r
            .evidence
            .iter()
            .map(|e| EvidenceDiffView {
                change: labels::evidence_change(e.change, language),
                kind: e.kind.map_or("", |k| labels::evidence_kind(k, language)),
                what: e.what.clone(),
                fields: e
                    .fields
                    .iter()
                    .map(|(name, c)| {
                        field(labels::evidence_field(name, language), c, |v| {
                            or_none(v.as_ref(), t)
                        })
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A name (labelled `name`), English name and address that changed.
fn names(name: &str, names: &NamesDiff, t: &Labels) -> Vec<FieldView> {
    let mut fields = Vec::new();
    if let Some(c) = &names.name {
        fields.push(field(name, c, Clone::clone));
    }
    if let Some(c) = &names.name_en {
        fields.push(field(t.name_en, c, |v| or_none(v.as_ref(), t)));
    }
    if let Some(c) = &names.url {
        fields.push(field(t.url, c, |v| or_none(v.as_ref(), t)));
    }
    fields
}

fn answer(value: Option<bool>, t: &Labels) -> &'static str {
    match value {
        Some(true) => t.yes,
        Some(false) => t.no,
        None => t.unanswered,
    }
}

/// `diff` for templates.
pub fn diff(diff: &Diff, language: Language) -> DiffView {
    let t = labels::labels(language);
    let services = diff
        .services
        .iter()
        .map(|service| {
            let mut changes = names(t.service, &service.names, t);
            if let Some(c) = &service.as_of {
                changes.push(field(t.as_of, c, ToString::to_string));
            }
            if let Some(c) = &service.reviewed_by {
                changes.push(field(t.reviewed_by, c, |v| or_none(v.as_ref(), t)));
            }
            if let Some(c) = &service.approved_by {
                changes.push(field(t.approved_by, c, |v| {
                    or_none(v.as_ref().map(crate::model::Approval::line), t)
                }));
            }
            if let Some(c) = &service.next_review {
                changes.push(field(t.next_review, c, |v| or_none(v.as_ref(), t)));
            }
            ServiceDiffView {
                id: service.id.clone(),
                name: match (language, &service.title_en) {
                    (Language::En, Some(name)) => name.clone(),
                    _ => service.title.clone(),
                },
                change: match service.change {
                    ServiceChange::Added => t.added,
                    ServiceChange::Removed => t.removed,
                    ServiceChange::Changed => "",
                },
                changes,
                facts: service
                    .facts
                    .iter()
                    .map(|f| FactDiffView {
                        question: text(&f.question, language).to_owned(),
                        from: answer(f.from, t),
                        to: answer(f.to, t),
                    })
                    .collect(),
                requirements: service
                    .requirements
                    .iter()
                    .map(|r| requirement_diff(r, language))
                    .collect(),
            }
        })
        .collect();
    let mut changes = names(t.organization, &diff.organization, t);
    if let Some(c) = &diff.checklist_title {
        changes.push(field(t.guideline, c, |x| text(x, language).to_owned()));
    }
    if diff.checklist_content {
        changes.push(FieldView {
            label: t.guideline.to_owned(),
            from: String::new(),
            to: t.checklist_text_changed.to_owned(),
        });
    }
    let counts: Vec<String> = diff
        .summary
        .named()
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(name, count)| labels::count(name, count, language))
        .collect();
    DiffView {
        from: diff.from.clone(),
        to: diff.to.clone(),
        checklist: diff.checklist.clone(),
        requirements_added: diff.requirements_added.clone(),
        requirements_removed: diff.requirements_removed.clone(),
        changes,
        services,
        empty: counts.is_empty(),
        summary: if counts.is_empty() {
            t.no_changes.to_owned()
        } else {
            counts.join(if language == Language::Ja {
                "、"
            } else {
                ", "
            })
        },
    }
}
