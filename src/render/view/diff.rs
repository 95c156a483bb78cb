//! What templates see of a comparison, in one language.

use serde::Serialize;

use super::{StatusView, shown, text};
use crate::compare::{
    Change, Chunk, Diff, EvidenceDiff, NamesDiff, RequirementDiff, ServiceChange, WordingDiff,
};
use crate::i18n::text_in;
use crate::labels::{self, Labels};
use crate::model::{Language, Obligation, Text};

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
    /// Requirements the checklist words, numbers or places differently, each once.
    pub requirements: Vec<WordingView>,
    /// Other published changes outside the services, in words: `label: before → after`.
    pub changes: Vec<FieldView>,
    pub services: Vec<ServiceDiffView>,
    /// The changes counted, in words.
    pub summary: String,
    pub empty: bool,
}

/// A requirement whose statement changed, in words.
#[derive(Debug, Serialize)]
pub struct WordingView {
    pub id: String,
    /// Its item number (項番).
    pub number: String,
    /// Its wording now, in the page's language.
    pub text: String,
    /// Wording (in each language that changed), number, section: `label: before → after`.
    pub changes: Vec<FieldView>,
}

/// An explanation that changed in one language, character by character.
#[derive(Debug, Serialize)]
pub struct ExplanationView {
    /// Which language, when it is not the page's: `英語`.
    pub label: Option<String>,
    pub lang: &'static str,
    pub chunks: Vec<Chunk>,
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
    /// The explanation in each language that changed, the page's first.
    pub explanations: Vec<ExplanationView>,
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
    /// The mark of evidence the published sheet does not show: `（非公開）`.
    pub internal: Option<String>,
}

/// The languages, the page's first.
fn languages(page: Language) -> [Language; 2] {
    match page {
        Language::Ja => [Language::Ja, Language::En],
        Language::En => [Language::En, Language::Ja],
    }
}

/// `label`, naming the language `written` when it is not the page's: `要件（英語）`.
fn in_language(label: &str, written: Language, page: Language) -> String {
    if written == page {
        return label.to_owned();
    }
    let language = text_in(
        page,
        &format!("language.{}", labels::language_code(written)),
        &[],
    );
    text_in(
        page,
        "diff.in-language",
        &[("label", &label), ("language", &language)],
    )
}

/// A wording that changed, in each language it changed in, the page's first.
fn wordings(label: &str, change: &Change<Text>, page: Language) -> Vec<FieldView> {
    languages(page)
        .into_iter()
        .filter(|&l| text(&change.from, l) != text(&change.to, l))
        .map(|l| {
            field(&in_language(label, l, page), change, |x| {
                text(x, l).trim().to_owned()
            })
        })
        .collect()
}

fn wording(w: &WordingDiff, language: Language) -> WordingView {
    let t = labels::labels(language);
    let mut changes = Vec::new();
    if let Some(c) = &w.text {
        changes.extend(wordings(t.requirement, c, language));
    }
    // The item number usually follows the citation: one line for both.
    match (&w.renumbered, &w.cite) {
        (Some(c), _) | (None, Some(c)) => changes.push(field(t.number, c, Clone::clone)),
        (None, None) => {}
    }
    if let Some(c) = &w.section {
        changes.push(field(t.section, c, Clone::clone));
    }
    WordingView {
        id: w.id.clone(),
        number: w.number.clone(),
        text: w
            .text
            .as_ref()
            .map(|c| text(&c.to, language).trim().to_owned())
            .unwrap_or_default(),
        changes,
    }
}

fn evidence(e: &EvidenceDiff, language: Language) -> EvidenceDiffView {
    let t = labels::labels(language);
    EvidenceDiffView {
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
        internal: (!e.public).then(|| text_in(language, "diff.internal", &[])),
    }
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
    let explanations = languages(language)
        .into_iter()
        .filter_map(|l| {
            let chunks = match l {
                Language::Ja => r.explanation.as_ref(),
                Language::En => r.explanation_en.as_ref(),
            }?;
            Some(ExplanationView {
                label: (l != language).then(|| {
                    text_in(
                        language,
                        &format!("language.{}", labels::language_code(l)),
                        &[],
                    )
                }),
                lang: labels::language_code(l),
                chunks: chunks.clone(),
            })
        })
        .collect();
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
        explanations,
        evidence: r.evidence.iter().map(|e| evidence(e, language)).collect(),
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
        changes.extend(wordings(t.guideline, c, language));
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
        requirements: diff
            .requirements_changed
            .iter()
            .map(|w| wording(w, language))
            .collect(),
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
