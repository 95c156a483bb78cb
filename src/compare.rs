//! Comparing an assessment at two revisions: what changed, per service and requirement.
//! Pure, and the only user of `similar`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

use crate::evaluate::{Evaluation, RequirementResult, ServiceResult};
use crate::evidence::Inspection;
use crate::model::{Checklist, Evidence, Obligation, Status};
use crate::validate::{ServiceAnswers, Workspace};

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

type Side<'a> = (&'a ServiceAnswers, &'a ServiceResult, &'a Inspection);

/// A service at both revisions.
struct Sides<'a> {
    old: Side<'a>,
    new: Side<'a>,
}

fn changed<T: PartialEq + Clone>(from: T, to: T) -> Option<Change<T>> {
    (from != to).then_some(Change { from, to })
}

impl Sides<'_> {
    fn service(
        &self,
        checklist: &Checklist,
        previous: &BTreeMap<&str, &str>,
        summary: &mut Counts,
    ) -> ServiceDiff {
        let (old, _, _) = self.old;
        let (new, new_result, _) = self.new;
        let as_of = changed(old.answers.as_of.to_string(), new.answers.as_of.to_string());
        let fact_ids: BTreeSet<&String> = old
            .answers
            .facts
            .keys()
            .chain(new.answers.facts.keys())
            .collect();
        let facts: Vec<FactDiff> = fact_ids
            .into_iter()
            .filter_map(|id| {
                let from = old.answers.facts.get(id).copied().flatten();
                let to = new.answers.facts.get(id).copied().flatten();
                (from != to).then(|| FactDiff {
                    id: id.clone(),
                    from,
                    to,
                })
            })
            .collect();
        summary.facts += facts.len();
        let mut requirements = Vec::new();
        for (section, requirement) in checklist.requirements() {
            let Some(old_id) = previous.get(requirement.id.as_str()) else {
                continue;
            };
            let Some(new_eval) = new_result
                .requirements
                .iter()
                .find(|r| r.id == requirement.id)
            else {
                continue;
            };
            let diff = self.requirement(old_id, new_eval, &section.id, summary);
            if diff.status.is_some()
                || diff.obligation.is_some()
                || diff.applies.is_some()
                || diff.explanation.is_some()
                || !diff.evidence.is_empty()
            {
                requirements.push(diff);
            }
        }
        ServiceDiff {
            id: new.service.id.clone(),
            name: new.service.name.clone(),
            change: ServiceChange::Changed,
            as_of,
            facts,
            requirements,
        }
    }

    fn requirement(
        &self,
        old_id: &str,
        new_eval: &RequirementResult,
        section: &str,
        summary: &mut Counts,
    ) -> RequirementDiff {
        let (old, old_result, old_files) = self.old;
        let (new, _, new_files) = self.new;
        let old_eval = old_result.requirements.iter().find(|r| r.id == old_id);
        let old_answer = old.answers.answers.get(old_id);
        let new_answer = new.answers.answers.get(&new_eval.id);
        let mut diff = RequirementDiff {
            id: new_eval.id.clone(),
            was: (old_id != new_eval.id).then(|| old_id.to_owned()),
            section: section.to_owned(),
            status: changed(old_eval.and_then(|r| r.status), new_eval.status),
            obligation: changed(old_eval.and_then(|r| r.obligation), new_eval.obligation),
            applies: changed(old_eval.and_then(|r| r.applies), new_eval.applies),
            ..RequirementDiff::default()
        };
        summary.status += usize::from(diff.status.is_some());
        summary.obligation += usize::from(diff.obligation.is_some() || diff.applies.is_some());
        let old_text = old_answer
            .and_then(|a| a.explanation.as_deref())
            .unwrap_or("");
        let new_text = new_answer
            .and_then(|a| a.explanation.as_deref())
            .unwrap_or("");
        if old_text.trim_end() != new_text.trim_end() {
            diff.explanation = Some(text(old_text.trim_end(), new_text.trim_end()));
            summary.explanation += 1;
        }
        let old_evidence: BTreeMap<String, &Evidence> = old_answer
            .map(|a| a.evidence.iter().map(|e| (identity(e), e)).collect())
            .unwrap_or_default();
        let new_evidence: BTreeMap<String, &Evidence> = new_answer
            .map(|a| a.evidence.iter().map(|e| (identity(e), e)).collect())
            .unwrap_or_default();
        for (what, evidence) in &new_evidence {
            let change = if old_evidence.contains_key(what) {
                {
                    let file_changed = evidence.file.as_ref().is_some_and(|path| {
                        old_files.found.get(path).map(|f| &f.sha256)
                            != new_files.found.get(path).map(|f| &f.sha256)
                    });
                    let expired = evidence
                        .certificate
                        .as_ref()
                        .and_then(|c| c.valid_until)
                        .is_some_and(|until| {
                            until < new.answers.as_of && until >= old.answers.as_of
                        });
                    if file_changed {
                        Some(EvidenceChange::Changed)
                    } else if expired {
                        Some(EvidenceChange::Expired)
                    } else {
                        None
                    }
                }
            } else {
                Some(EvidenceChange::Added)
            };
            if let Some(change) = change {
                diff.evidence.push(EvidenceDiff {
                    change,
                    what: what.clone(),
                    public: evidence.is_public(),
                });
            }
        }
        for (what, evidence) in &old_evidence {
            if !new_evidence.contains_key(what) {
                diff.evidence.push(EvidenceDiff {
                    change: EvidenceChange::Removed,
                    what: what.clone(),
                    public: evidence.is_public(),
                });
            }
        }
        for evidence in &diff.evidence {
            *match evidence.change {
                EvidenceChange::Added => &mut summary.evidence_added,
                EvidenceChange::Removed => &mut summary.evidence_removed,
                EvidenceChange::Changed => &mut summary.evidence_changed,
                EvidenceChange::Expired => &mut summary.evidence_expired,
            } += 1;
        }
        diff
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
