//! Comparing one service at two revisions: facts, statuses, explanations, evidence.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Change, Counts, EvidenceChange, EvidenceDiff, FactDiff, RequirementDiff, ServiceChange,
    ServiceDiff, identity, text,
};
use crate::evaluate::{RequirementResult, ServiceResult};
use crate::evidence::Inspection;
use crate::model::{Checklist, Evidence};
use crate::validate::ServiceAnswers;

pub(super) type Side<'a> = (&'a ServiceAnswers, &'a ServiceResult, &'a Inspection);

/// A service at both revisions.
pub(super) struct Sides<'a> {
    pub(super) old: Side<'a>,
    pub(super) new: Side<'a>,
}

fn changed<T: PartialEq + Clone>(from: T, to: T) -> Option<Change<T>> {
    (from != to).then_some(Change { from, to })
}

impl Sides<'_> {
    pub(super) fn service(
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
