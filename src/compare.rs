//! Comparing an assessment at two revisions: two Sheets, field by field, so that whatever is
//! published is also compared. Pure, and the only user of `similar`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

use crate::model::{Checklist, Text};
use crate::sheet::{ServiceSheet, Sheet};

mod evidence;
mod service;

pub use evidence::{EvidenceChange, EvidenceDiff};
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
        services,
        summary,
    }
}

impl Diff {
    /// The diff as the public may see it: no internal evidence, and counts to match.
    pub fn public(mut self) -> Diff {
        let mut summary = self.summary.clone();
        for service in &mut self.services {
            for requirement in &mut service.requirements {
                for evidence in &mut requirement.evidence {
                    *evidence.count_in(&mut summary) -= 1;
                    evidence.publish();
                }
                requirement.evidence.retain(|e| e.public);
                for evidence in &requirement.evidence {
                    *evidence.count_in(&mut summary) += 1;
                }
            }
            service.requirements.retain(|r| !r.is_empty());
        }
        // A service whose changes were all internal is not mentioned at all.
        self.services.retain(|s| !s.is_empty());
        self.summary = summary;
        self
    }
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
