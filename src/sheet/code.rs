//! The codes of `check` findings: one enum, each with its description.

use serde::Serialize;

use crate::i18n::{self, Language};

/// What a finding is about. The kebab-case name is stable: scripts and the README use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    Gap,
    Advice,
    Unanswered,
    FactUnanswered,
    NotApplicableWithoutReason,
    NotApplicableButApplies,
    EvidenceMissing,
    EvidenceMissingFile,
    EvidenceChanged,
    EvidenceUnlocked,
    EvidenceExpired,
    EvidenceExpiring,
    EvidenceNotYetValid,
    EvidenceStale,
    EvidenceFuture,
    PartnerNotVerified,
    PartnerSheetStale,
    PlanWithoutTarget,
    PlanOverdue,
    TargetWithoutPlan,
    TranslationMissing,
    ApprovalMissing,
    ReviewOverdue,
    Regressed,
    MergedCells,
    UnreadCells,
    YamlText,
}

impl Code {
    /// Every code, in the order the README lists them.
    pub const ALL: [Code; 27] = [
        Code::Gap,
        Code::Advice,
        Code::Unanswered,
        Code::FactUnanswered,
        Code::NotApplicableWithoutReason,
        Code::NotApplicableButApplies,
        Code::EvidenceMissing,
        Code::EvidenceMissingFile,
        Code::EvidenceChanged,
        Code::EvidenceUnlocked,
        Code::EvidenceExpired,
        Code::EvidenceExpiring,
        Code::EvidenceNotYetValid,
        Code::EvidenceStale,
        Code::EvidenceFuture,
        Code::PartnerNotVerified,
        Code::PartnerSheetStale,
        Code::PlanWithoutTarget,
        Code::PlanOverdue,
        Code::TargetWithoutPlan,
        Code::TranslationMissing,
        Code::ApprovalMissing,
        Code::ReviewOverdue,
        Code::Regressed,
        Code::MergedCells,
        Code::UnreadCells,
        Code::YamlText,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Gap => "gap",
            Code::Advice => "advice",
            Code::Unanswered => "unanswered",
            Code::FactUnanswered => "fact-unanswered",
            Code::NotApplicableWithoutReason => "not-applicable-without-reason",
            Code::NotApplicableButApplies => "not-applicable-but-applies",
            Code::EvidenceMissing => "evidence-missing",
            Code::EvidenceMissingFile => "evidence-missing-file",
            Code::EvidenceChanged => "evidence-changed",
            Code::EvidenceUnlocked => "evidence-unlocked",
            Code::EvidenceExpired => "evidence-expired",
            Code::EvidenceExpiring => "evidence-expiring",
            Code::EvidenceNotYetValid => "evidence-not-yet-valid",
            Code::EvidenceStale => "evidence-stale",
            Code::EvidenceFuture => "evidence-future",
            Code::PartnerNotVerified => "partner-not-verified",
            Code::PartnerSheetStale => "partner-sheet-stale",
            Code::PlanWithoutTarget => "plan-without-target",
            Code::PlanOverdue => "plan-overdue",
            Code::TargetWithoutPlan => "target-without-plan",
            Code::TranslationMissing => "translation-missing",
            Code::ApprovalMissing => "approval-missing",
            Code::ReviewOverdue => "review-overdue",
            Code::Regressed => "regressed",
            Code::MergedCells => "merged-cells",
            Code::UnreadCells => "unread-cells",
            Code::YamlText => "yaml-text",
        }
    }

    /// What the finding means, in one line, in `language`.
    pub fn description(self, language: Language) -> String {
        i18n::text_in(language, &format!("code.{}", self.as_str()), &[])
    }

    /// Whether the finding means the evidence does not support the answer: a `done` answer
    /// with it is not met, and the published sheet says so.
    pub fn undermines(self) -> bool {
        matches!(
            self,
            Code::EvidenceExpired
                | Code::EvidenceChanged
                | Code::EvidenceMissingFile
                | Code::EvidenceNotYetValid
                | Code::PartnerNotVerified
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once_and_named_as_serde_names_it() {
        let names: std::collections::BTreeSet<&str> =
            Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), Code::ALL.len());
        for code in Code::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::from(code.as_str())
            );
            for language in [Language::Ja, Language::En] {
                let key = format!("code.{}", code.as_str());
                assert_ne!(code.description(language), key, "{language:?}");
            }
        }
    }

    /// The README's table of finding codes is this enum, in this order, with these
    /// descriptions.
    #[test]
    fn the_readme_lists_exactly_these_codes() {
        let readme = include_str!("../../README.md");
        let rows: Vec<(String, String)> = readme
            .lines()
            .skip_while(|line| !line.starts_with("| code | severity | meaning |"))
            .skip(2)
            .take_while(|line| line.starts_with("| `"))
            .map(|line| {
                let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
                (
                    cells[0].trim().trim_matches('`').to_owned(),
                    cells[2].trim().to_owned(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = Code::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), c.description(Language::En)))
            .collect();
        assert_eq!(rows, expected, "update the README's table of finding codes");
    }
}
