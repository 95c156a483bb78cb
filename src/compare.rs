//! Comparing an assessment at two revisions: two Sheets, field by field, so that whatever is
//! published is also compared. Pure, and the only user of `similar`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

use crate::model::{Checklist, Text};
use crate::sheet::{ServiceSheet, Sheet};

mod evidence;
mod public;
mod service;

pub use evidence::{EvidenceChange, EvidenceDiff};
pub use public::{public, shown_date};
pub use service::{RequirementDiff, ServiceChange, ServiceDiff};

/// Everything that changed from one sheet to the other.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Diff {
    pub from: String,
    pub to: String,
    /// The organization's name, English name and address, where they changed.
    pub organization: NamesDiff,
    /// The checklists (`id@edition`), when the edition changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<Change<String>>,
    /// The checklist's title, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist_title: Option<Change<Text>>,
    /// Whether the checklist's text changed within the same edition.
    pub checklist_content: bool,
    pub requirements_added: Vec<String>,
    pub requirements_removed: Vec<String>,
    /// Renamed requirements: old id → new id.
    pub requirements_renamed: BTreeMap<String, String>,
    /// Requirements whose wording, citation, item number or section changed: once for the
    /// checklist, not once per service.
    pub requirements_changed: Vec<WordingDiff>,
    pub services: Vec<ServiceDiff>,
    pub summary: Counts,
}

/// A name, English name and address (of the organization or a service) that changed.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct NamesDiff {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Change<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<Change<Option<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Change<Option<String>>>,
}

impl NamesDiff {
    /// Compares the names and addresses of two revisions.
    pub fn of(
        (name, name_en, url): (&String, &Option<String>, &Option<String>),
        (new_name, new_name_en, new_url): (&String, &Option<String>, &Option<String>),
    ) -> NamesDiff {
        NamesDiff {
            name: changed(name.clone(), new_name.clone()),
            name_en: changed(name_en.clone(), new_name_en.clone()),
            url: changed(url.clone(), new_url.clone()),
        }
    }

    /// How many of them changed.
    pub fn count(&self) -> usize {
        usize::from(self.name.is_some())
            + usize::from(self.name_en.is_some())
            + usize::from(self.url.is_some())
    }
}

/// A requirement as the checklist states it, where that changed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct WordingDiff {
    pub id: String,
    /// Its id before, when it was renamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// Its item number (項番) in the newer checklist.
    #[serde(rename = "no")]
    pub number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Change<String>>,
    /// Its item number, when that changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renumbered: Option<Change<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<Change<String>>,
    /// Its wording, in each language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Change<Text>>,
}

/// The requirements of the newer checklist whose statement changed, each once; `previous`
/// maps each new requirement id to its id in the older checklist.
fn wording(
    old: &Checklist,
    new: &Checklist,
    previous: &BTreeMap<String, String>,
) -> Vec<WordingDiff> {
    let old_numbers = old.numbers();
    let old_requirements: BTreeMap<&str, (&str, &crate::model::Requirement)> = old
        .requirements()
        .map(|(section, r)| (r.id.as_str(), (section.id.as_str(), r)))
        .collect();
    let numbers = new.numbers();
    let mut changes = Vec::new();
    for (section, requirement) in new.requirements() {
        let Some((was, (old_section, old_requirement))) = previous
            .get(&requirement.id)
            .and_then(|id| Some((id, *old_requirements.get(id.as_str())?)))
        else {
            continue;
        };
        let number = numbers
            .get(requirement.id.as_str())
            .cloned()
            .unwrap_or_default();
        let old_number = old_numbers.get(was.as_str()).cloned().unwrap_or_default();
        let change = WordingDiff {
            id: requirement.id.clone(),
            was: (was != &requirement.id).then(|| was.clone()),
            section: changed((*old_section).to_owned(), section.id.clone()),
            renumbered: changed(old_number, number.clone()),
            cite: changed(old_requirement.cite.clone(), requirement.cite.clone()),
            text: changed(old_requirement.text.clone(), requirement.text.clone()),
            number,
        };
        if change.section.is_some()
            || change.renumbered.is_some()
            || change.cite.is_some()
            || change.text.is_some()
        {
            changes.push(change);
        }
    }
    changes
}

/// A value before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change<T> {
    pub from: T,
    pub to: T,
}

/// `Some` when `from` and `to` differ.
pub fn changed<T: PartialEq>(from: T, to: T) -> Option<Change<T>> {
    (from != to).then_some(Change { from, to })
}

/// How many changes of each kind.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub struct Counts {
    pub checklist: usize,
    pub organization: usize,
    /// A service's name, English name or address.
    pub service: usize,
    pub as_of: usize,
    pub reviewed_by: usize,
    /// The approval or the next review date.
    pub approval: usize,
    pub status: usize,
    /// Outcomes that changed while the status did not, e.g. when evidence expired.
    pub outcome: usize,
    pub obligation: usize,
    pub explanation: usize,
    pub target: usize,
    /// A requirement's wording, citation or section, by a new checklist text.
    pub requirement: usize,
    pub evidence_added: usize,
    pub evidence_removed: usize,
    pub evidence_changed: usize,
    pub evidence_expired: usize,
    pub facts: usize,
    pub services_added: usize,
    pub services_removed: usize,
    pub requirements_added: usize,
    pub requirements_removed: usize,
}

impl Counts {
    /// Every count with its kebab-case name, in order.
    pub fn named(&self) -> [(&'static str, usize); 21] {
        [
            ("checklist", self.checklist),
            ("organization", self.organization),
            ("service", self.service),
            ("as-of", self.as_of),
            ("reviewed-by", self.reviewed_by),
            ("approval", self.approval),
            ("status", self.status),
            ("outcome", self.outcome),
            ("obligation", self.obligation),
            ("explanation", self.explanation),
            ("target", self.target),
            ("requirement", self.requirement),
            ("evidence-added", self.evidence_added),
            ("evidence-removed", self.evidence_removed),
            ("evidence-changed", self.evidence_changed),
            ("evidence-expired", self.evidence_expired),
            ("facts", self.facts),
            ("services-added", self.services_added),
            ("services-removed", self.services_removed),
            ("requirements-added", self.requirements_added),
            ("requirements-removed", self.requirements_removed),
        ]
    }

    pub fn total(&self) -> usize {
        self.named().iter().map(|(_, count)| count).sum()
    }
}

/// A run of characters that is the same, deleted or inserted.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Chunk {
    pub kind: ChunkKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ChunkKind {
    Equal,
    Delete,
    Insert,
}

/// A character-level diff of two texts (Japanese has no spaces between words).
pub fn text(from: &str, to: &str) -> Vec<Chunk> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_chars(from, to);
    let mut chunks: Vec<Chunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => ChunkKind::Equal,
            ChangeTag::Delete => ChunkKind::Delete,
            ChangeTag::Insert => ChunkKind::Insert,
        };
        match chunks.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => chunks.push(Chunk {
                kind,
                text: change.value().to_owned(),
            }),
        }
    }
    chunks
}

/// How the requirements of two checklists correspond.
struct Matching {
    /// Each new requirement's id in the old checklist, following `replaces`.
    previous: BTreeMap<String, String>,
    renamed: BTreeMap<String, String>,
    added: Vec<String>,
    removed: Vec<String>,
}

fn ids(checklist: &Checklist) -> impl Iterator<Item = &str> {
    checklist.requirements().map(|(_, r)| r.id.as_str())
}

fn matching(old: &Checklist, new: &Checklist) -> Matching {
    let old_ids: BTreeSet<&str> = ids(old).collect();
    let mut previous = BTreeMap::new();
    let mut renamed = BTreeMap::new();
    for (_, requirement) in new.requirements() {
        if old_ids.contains(requirement.id.as_str()) {
            previous.insert(requirement.id.clone(), requirement.id.clone());
        } else if let Some(was) = requirement
            .replaces
            .iter()
            .find(|old| old_ids.contains(old.as_str()))
        {
            previous.insert(requirement.id.clone(), was.clone());
            renamed.insert(was.clone(), requirement.id.clone());
        }
    }
    let matched: BTreeSet<&str> = previous.values().map(String::as_str).collect();
    Matching {
        added: ids(new)
            .filter(|id| !previous.contains_key(*id))
            .map(str::to_owned)
            .collect(),
        removed: ids(old)
            .filter(|id| !matched.contains(id))
            .map(str::to_owned)
            .collect(),
        previous,
        renamed,
    }
}

/// A service that was added or removed, as a whole.
fn whole(service: &ServiceSheet, change: ServiceChange) -> ServiceDiff {
    ServiceDiff {
        id: service.service.id.clone(),
        title: service.service.name.clone(),
        title_en: service.service.name_en.clone(),
        change,
        ..ServiceDiff::default()
    }
}

/// Compares `from` (labelled `from_label`) with `to`; with `only`, just that service.
pub fn diff(
    (from_label, from): (&str, &Sheet),
    (to_label, to): (&str, &Sheet),
    only: Option<&str>,
) -> Diff {
    let Matching {
        previous,
        renamed,
        added,
        removed,
    } = matching(&from.checklist, &to.checklist);
    let mut summary = Counts {
        requirements_added: added.len(),
        requirements_removed: removed.len(),
        ..Counts::default()
    };
    let wanted = |id: &str| only.is_none_or(|only| only == id);
    let mut services = Vec::new();
    for new in to.services.iter().filter(|s| wanted(&s.service.id)) {
        let diff = match from
            .services
            .iter()
            .find(|s| s.service.id == new.service.id)
        {
            None => {
                summary.services_added += 1;
                whole(new, ServiceChange::Added)
            }
            Some(old) => service::compare(old, new, &previous, &mut summary),
        };
        if !diff.is_empty() {
            services.push(diff);
        }
    }
    for old in from.services.iter().filter(|s| wanted(&s.service.id)) {
        if !to.services.iter().any(|s| s.service.id == old.service.id) {
            summary.services_removed += 1;
            services.push(whole(old, ServiceChange::Removed));
        }
    }
    let (old, new) = (&from.organization, &to.organization);
    let organization = NamesDiff::of(
        (&old.name, &old.name_en, &old.url),
        (&new.name, &new.name_en, &new.url),
    );
    summary.organization = organization.count();
    let checklist = changed(from.checklist.reference(), to.checklist.reference());
    let checklist_title = changed(from.checklist.title.clone(), to.checklist.title.clone());
    let checklist_content = checklist.is_none() && from.checklist_sha256 != to.checklist_sha256;
    summary.checklist = usize::from(checklist.is_some() || checklist_content);
    let requirements_changed = if from.checklist_sha256 == to.checklist_sha256 {
        Vec::new()
    } else {
        wording(&from.checklist, &to.checklist, &previous)
    };
    summary.requirement = requirements_changed.len();
    Diff {
        from: from_label.to_owned(),
        to: to_label.to_owned(),
        organization,
        checklist,
        checklist_title,
        checklist_content,
        requirements_added: added,
        requirements_removed: removed,
        requirements_renamed: renamed,
        requirements_changed,
        services,
        summary,
    }
}

/// The comparison as the public may see it: of the public view of each side ([`public`]),
/// so nothing internal can reach it.
pub fn public_diff(from: (&str, &Sheet), to: (&str, &Sheet), only: Option<&str>) -> Diff {
    diff((from.0, &public(from.1)), (to.0, &public(to.1)), only)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_text_is_compared_character_by_character() {
        let chunks = text("年1回点検しています。", "年2回点検しています。");
        assert_eq!(
            chunks,
            vec![
                Chunk {
                    kind: ChunkKind::Equal,
                    text: "年".into()
                },
                Chunk {
                    kind: ChunkKind::Delete,
                    text: "1".into()
                },
                Chunk {
                    kind: ChunkKind::Insert,
                    text: "2".into()
                },
                Chunk {
                    kind: ChunkKind::Equal,
                    text: "回点検しています。".into()
                },
            ]
        );
    }
}
