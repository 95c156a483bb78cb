//! `answers/<service>.yaml`: a service's answers to the facts and requirements.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Localized;

/// A service's self-check.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AnswersFile {
    /// The date the self-check speaks for; evaluation uses it, never today's date.
    pub as_of: Date,
    /// Who carried out the self-check (点検者).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    /// Who approved it, and when (承認者・承認日).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<Approval>,
    /// When the self-check is next to be reviewed (次回点検予定).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
    /// Answers to the checklist's fact questions: true, false, or empty while unknown.
    #[serde(default)]
    pub facts: BTreeMap<String, Option<bool>>,
    /// Answers keyed by requirement id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// The sign-off of a self-check.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Approval {
    /// The approver's name, e.g. 「山田太郎」.
    pub name: String,
    /// Their title, e.g. 「代表取締役」.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date of approval.
    pub date: Date,
}

impl Approval {
    /// In one line: 「代表取締役社長 鈴木一郎 (2026-10-15)」.
    pub fn line(&self) -> String {
        match &self.title {
            Some(title) => format!("{title} {} ({})", self.name, self.date),
            None => format!("{} ({})", self.name, self.date),
        }
    }
}

/// The answer to one requirement.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Answer {
    /// Where the service stands; empty while unanswered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Published explanation, in Markdown: text in the assessment's first language, or
    /// `{ja: …, en: …}`. For `not-applicable` it gives the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Localized>,
    /// Internal note; never published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For `planned`: the date by which it will be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Date>,
    /// What shows the answer is true.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// Where a service stands on a requirement.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Met: 対応済.
    Done,
    /// Partly met: 一部対応.
    Partial,
    /// Not met: 未対応.
    NotDone,
    /// Does not apply to this service, with the reason in `explanation`: 該当なし.
    NotApplicable,
    /// Not met yet; will be by `target`: 対応予定.
    Planned,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Done,
        Status::Partial,
        Status::NotDone,
        Status::NotApplicable,
        Status::Planned,
    ];

    /// The status a person means by `word`: its Japanese label, its code (in any case), a
    /// common way of writing the label (対応済み, 完了, 該当無し), or the marks Japanese check
    /// sheets use: ○ met, △ partly met, × not met. Anything else, 対応済（一部） among it,
    /// is no status.
    pub fn from_word(word: &str) -> Option<Status> {
        let word = word.trim();
        Status::from_label_ja(word)
            .or_else(|| {
                Status::ALL
                    .into_iter()
                    .find(|s| s.as_str().eq_ignore_ascii_case(word))
            })
            .or(match word {
                "対応済み" | "済" | "済み" | "完了" | "○" | "〇" | "◯" => {
                    Some(Status::Done)
                }
                "一部対応済" | "一部対応済み" | "一部" | "△" => {
                    Some(Status::Partial)
                }
                "×" | "✕" | "✖" | "未" => Some(Status::NotDone),
                "非該当" | "対象外" | "該当無し" | "該当しない" | "該当無" => {
                    Some(Status::NotApplicable)
                }
                "対応中" | "予定" => Some(Status::Planned),
                _ => None,
            })
    }

    /// The status whose Japanese label is `label`, e.g. 対応済 → `done`.
    pub fn from_label_ja(label: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|s| s.label_ja() == label.trim())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Partial => "partial",
            Status::NotDone => "not-done",
            Status::NotApplicable => "not-applicable",
            Status::Planned => "planned",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            Status::Done => "対応済",
            Status::Partial => "一部対応",
            Status::NotDone => "未対応",
            Status::NotApplicable => "該当なし",
            Status::Planned => "対応予定",
        }
    }
}

/// One piece of evidence: exactly one of `file`, `url`, `certificate`, `record` or
/// `partner-check`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Evidence {
    /// A file in the repository, relative to its root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// A public web page (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A certification such as ISMS or Pマーク.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<Box<Certificate>>,
    /// A dated record, such as a training session or an erasure log (internal by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Box<Record>>,
    /// A check of a partner's published check sheet, as `checksheet partners check`
    /// reports it (internal by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_check: Option<Box<PartnerCheck>>,
    /// A short title shown with the evidence: text, or `{ja: …, en: …}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Localized>,
    /// Whether it is shown on the published sheet. Urls and certificates are public by
    /// default; files, records and partner checks are internal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
}

impl Evidence {
    /// Whether the published sheet shows this evidence.
    pub fn is_public(&self) -> bool {
        self.public
            .unwrap_or(self.url.is_some() || self.certificate.is_some())
    }

    /// The kinds this entry declares; a valid entry declares exactly one.
    pub fn kinds(&self) -> Vec<EvidenceKind> {
        [
            (self.file.is_some(), EvidenceKind::File),
            (self.url.is_some(), EvidenceKind::Url),
            (self.certificate.is_some(), EvidenceKind::Certificate),
            (self.record.is_some(), EvidenceKind::Record),
            (self.partner_check.is_some(), EvidenceKind::PartnerCheck),
        ]
        .into_iter()
        .filter_map(|(present, kind)| present.then_some(kind))
        .collect()
    }
}

/// The kinds of evidence.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    File,
    Url,
    Certificate,
    Record,
    PartnerCheck,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::File => "file",
            EvidenceKind::Url => "url",
            EvidenceKind::Certificate => "certificate",
            EvidenceKind::Record => "record",
            EvidenceKind::PartnerCheck => "partner-check",
        }
    }
}

/// A third-party certification.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Certificate {
    /// The scheme, e.g. `ISMS` (ISO/IEC 27001) or `Pマーク` (JIS Q 15001).
    pub scheme: String,
    /// The registration number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The certification body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// What the certification covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// First day of validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// Last day of validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
}

/// A dated record.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Record {
    /// When it happened.
    pub date: Date,
    /// What it records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// A check of a partner's published check sheet.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PartnerCheck {
    /// The partner, by its `id` in `checksheet.yaml`'s `partners`.
    pub partner: String,
    /// When the check was made.
    pub checked: Date,
    /// What it found.
    pub result: PartnerResult,
    /// What else it found, e.g. open gaps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// The result of a partner check.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerResult {
    /// The partner's site verified, and its sheets were current.
    Verified,
    /// The site verified, but a sheet on it was older than the age limit.
    Stale,
    /// It did not.
    NotVerified,
}

impl PartnerResult {
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerResult::Verified => "verified",
            PartnerResult::Stale => "stale",
            PartnerResult::NotVerified => "not-verified",
        }
    }
}
