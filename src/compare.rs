//! Comparing an assessment at two revisions: what changed, per service and requirement.
//! Pure, and the only user of `similar`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

use crate::evaluate::Evaluation;
use crate::evidence::Inspection;
use crate::model::{Checklist, Evidence, Obligation, Status};
use crate::validate::Workspace;

mod service;

use service::Sides;

/// One side of a comparison: an assessment as evaluated at a revision.
pub struct Snapshot {
    /// How the revision is named: `HEAD~1`, `checksheet/2026-10-01`, `working tree`.
    pub label: String,
    pub workspace: Workspace,
    pub evaluation: Evaluation,
    pub files: Inspection,
}

/// Everything that changed from one snapshot to the other.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Diff {
    pub from: String,
    pub to: String,
    /// The checklists, when the edition changed.
    pub checklist: Option<Change<String>>,
    pub requirements_added: Vec<String>,
    pub requirements_removed: Vec<String>,
    /// Renamed requirements: old id → new id.
    pub requirements_renamed: BTreeMap<String, String>,
    pub services: Vec<ServiceDiff>,
    pub summary: Counts,
}

/// A value before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change<T> {
    pub from: T,
    pub to: T,
}

/// How many changes of each kind.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub struct Counts {
    pub checklist: usize,
    pub as_of: usize,
    pub status: usize,
    pub obligation: usize,
    pub explanation: usize,
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
    pub fn total(&self) -> usize {
        self.checklist
            + self.as_of
            + self.status
            + self.obligation
            + self.explanation
            + self.evidence_added
            + self.evidence_removed
            + self.evidence_changed
            + self.evidence_expired
            + self.facts
            + self.services_added
            + self.services_removed
            + self.requirements_added
            + self.requirements_removed
    }
}

/// What happened to a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceChange {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ServiceDiff {
    pub id: String,
    pub name: String,
    pub change: ServiceChange,
    pub as_of: Option<Change<String>>,
    pub facts: Vec<FactDiff>,
    pub requirements: Vec<RequirementDiff>,
}

#[derive(Debug, Serialize)]
pub struct FactDiff {
    pub id: String,
    pub from: Option<bool>,
    pub to: Option<bool>,
}

/// What changed for one requirement; only changed parts are set.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RequirementDiff {
    pub id: String,
    /// Its id before, when it was renamed.
    pub was: Option<String>,
    pub section: String,
    pub status: Option<Change<Option<Status>>>,
    pub obligation: Option<Change<Option<Obligation>>>,
    pub applies: Option<Change<Option<bool>>>,
    pub explanation: Option<Vec<Chunk>>,
    pub evidence: Vec<EvidenceDiff>,
}

/// A run of characters that is the same, deleted or inserted.
#[derive(Debug, Serialize, PartialEq, Eq)]
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

/// A piece of evidence that came, went, changed or expired.
#[derive(Debug, Serialize)]
pub struct EvidenceDiff {
    pub change: EvidenceChange,
    /// The evidence as a short description: path, address, certificate, record date.
    pub what: String,
    pub public: bool,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceChange {
    Added,
    Removed,
    /// A file whose contents differ.
    Changed,
    /// A certificate valid at the earlier as-of and expired at the later one.
    Expired,
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

/// An evidence entry's identity across revisions, and how to show it.
fn identity(evidence: &Evidence) -> String {
    if let Some(path) = &evidence.file {
        return format!("file {path}");
    }
    if let Some(url) = &evidence.url {
        return format!("url {url}");
    }
    if let Some(c) = &evidence.certificate {
        return format!(
            "certificate {}{}",
            c.scheme,
            c.number
                .as_ref()
                .map(|n| format!(" {n}"))
                .unwrap_or_default()
        );
    }
    if let Some(r) = &evidence.record {
        return format!(
            "record {}{}",
            r.date,
            evidence
                .title
                .as_ref()
                .map(|t| format!(" {t}"))
                .unwrap_or_default()
        );
    }
    "evidence".to_owned()
}

fn requirement_ids(checklist: &Checklist) -> Vec<&str> {
    checklist
        .requirements()
        .map(|(_, r)| r.id.as_str())
        .collect()
}

/// How the requirements of two checklists correspond.
struct Matching<'a> {
    /// Each new requirement's id in the old checklist, following `replaces`.
    previous: BTreeMap<&'a str, &'a str>,
    renamed: BTreeMap<String, String>,
    added: Vec<String>,
    removed: Vec<String>,
}

fn matching<'a>(old_checklist: &'a Checklist, new_checklist: &'a Checklist) -> Matching<'a> {
    let old_ids: BTreeSet<&str> = requirement_ids(old_checklist).into_iter().collect();
    let mut previous: BTreeMap<&str, &str> = BTreeMap::new();
    let mut renamed = BTreeMap::new();
    for (_, requirement) in new_checklist.requirements() {
        if old_ids.contains(requirement.id.as_str()) {
            previous.insert(&requirement.id, &requirement.id);
        } else if let Some(old) = requirement
            .replaces
            .iter()
            .find(|old| old_ids.contains(old.as_str()))
        {
            previous.insert(&requirement.id, old);
            renamed.insert(old.clone(), requirement.id.clone());
        }
    }
    let matched: BTreeSet<&str> = previous.values().copied().collect();
    let requirements_added: Vec<String> = requirement_ids(new_checklist)
        .into_iter()
        .filter(|id| !previous.contains_key(id))
        .map(str::to_owned)
        .collect();
    let requirements_removed: Vec<String> = requirement_ids(old_checklist)
        .into_iter()
        .filter(|id| !matched.contains(id))
        .map(str::to_owned)
        .collect();
    Matching {
        previous,
        renamed,
        added: requirements_added,
        removed: requirements_removed,
    }
}

/// Compares `from` with `to`; with `only`, just that service.
pub fn diff(from: &Snapshot, to: &Snapshot, only: Option<&str>) -> Diff {
    let old_checklist = &from.workspace.checklist;
    let new_checklist = &to.workspace.checklist;
    let Matching {
        previous,
        renamed,
        added: requirements_added,
        removed: requirements_removed,
    } = matching(old_checklist, new_checklist);
    let mut summary = Counts {
        requirements_added: requirements_added.len(),
        requirements_removed: requirements_removed.len(),
        ..Counts::default()
    };
    let mut services = Vec::new();
    let wanted = |id: &str| only.is_none_or(|only| only == id);
    for (service, result) in to.workspace.services.iter().zip(&to.evaluation.services) {
        if !wanted(&service.service.id) {
            continue;
        }
        let before = from
            .workspace
            .services
            .iter()
            .zip(&from.evaluation.services)
            .find(|(s, _)| s.service.id == service.service.id);
        let diff = match before {
            None => {
                summary.services_added += 1;
                ServiceDiff {
                    id: service.service.id.clone(),
                    name: service.service.name.clone(),
                    change: ServiceChange::Added,
                    as_of: None,
                    facts: Vec::new(),
                    requirements: Vec::new(),
                }
            }
            Some((old_service, old_result)) => {
                let sides = Sides {
                    old: (old_service, old_result, &from.files),
                    new: (service, result, &to.files),
                };
                sides.service(new_checklist, &previous, &mut summary)
            }
        };
        if diff.change != ServiceChange::Changed
            || diff.as_of.is_some()
            || !diff.facts.is_empty()
            || !diff.requirements.is_empty()
        {
            services.push(diff);
        }
    }
    for service in &from.workspace.services {
        if wanted(&service.service.id)
            && !to
                .workspace
                .services
                .iter()
                .any(|s| s.service.id == service.service.id)
        {
            summary.services_removed += 1;
            services.push(ServiceDiff {
                id: service.service.id.clone(),
                name: service.service.name.clone(),
                change: ServiceChange::Removed,
                as_of: None,
                facts: Vec::new(),
                requirements: Vec::new(),
            });
        }
    }
    let checklist = (old_checklist.reference() != new_checklist.reference()).then(|| Change {
        from: old_checklist.reference(),
        to: new_checklist.reference(),
    });
    summary.checklist = usize::from(checklist.is_some());
    summary.as_of = services.iter().filter(|s| s.as_of.is_some()).count();
    Diff {
        from: from.label.clone(),
        to: to.label.clone(),
        checklist,
        requirements_added,
        requirements_removed,
        requirements_renamed: renamed,
        services,
        summary,
    }
}

impl Diff {
    /// The diff as the public may see it: no internal evidence, and counts to match.
    pub fn public(mut self) -> Diff {
        for service in &mut self.services {
            for requirement in &mut service.requirements {
                for hidden in requirement.evidence.iter().filter(|e| !e.public) {
                    *match hidden.change {
                        EvidenceChange::Added => &mut self.summary.evidence_added,
                        EvidenceChange::Removed => &mut self.summary.evidence_removed,
                        EvidenceChange::Changed => &mut self.summary.evidence_changed,
                        EvidenceChange::Expired => &mut self.summary.evidence_expired,
                    } -= 1;
                }
                requirement.evidence.retain(|e| e.public);
            }
            service.requirements.retain(|r| {
                r.status.is_some()
                    || r.obligation.is_some()
                    || r.applies.is_some()
                    || r.explanation.is_some()
                    || !r.evidence.is_empty()
            });
        }
        // A service whose changes were all internal is not mentioned at all.
        self.services.retain(|s| {
            s.change != ServiceChange::Changed
                || s.as_of.is_some()
                || !s.facts.is_empty()
                || !s.requirements.is_empty()
        });
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
