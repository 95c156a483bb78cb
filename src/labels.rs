//! The words of the pages and reports, in each language.

use serde::Serialize;

use jiff::civil::Date;

use crate::compare::EvidenceChange;
use crate::model::{EvidenceKind, Language, Obligation, Status, Text};
use crate::sheet::{Code, Outcome, Shown};

/// Words the templates use, in one language.
#[derive(Debug, Serialize)]
pub struct Labels {
    pub language_name: &'static str,
    pub skip_to_content: &'static str,
    pub checksheet: &'static str,
    pub services: &'static str,
    pub organization: &'static str,
    pub service: &'static str,
    pub guideline: &'static str,
    pub edition: &'static str,
    pub as_of: &'static str,
    pub reviewed_by: &'static str,
    /// The sign-off block: its caption and columns.
    pub sign_off: &'static str,
    pub approved_by: &'static str,
    pub approved_on: &'static str,
    pub next_review: &'static str,
    pub not_approved: &'static str,
    pub not_set: &'static str,
    pub summary: &'static str,
    pub applicable: &'static str,
    pub not_applicable_by_facts: &'static str,
    pub total: &'static str,
    pub obligation: &'static str,
    pub number: &'static str,
    /// Beside the count of internal evidence the page does not show.
    pub internal_evidence: &'static str,
    /// An answer that cites no evidence at all.
    pub no_evidence: &'static str,
    pub requirement: &'static str,
    pub status: &'static str,
    pub explanation: &'static str,
    pub evidence: &'static str,
    pub facts: &'static str,
    pub fact: &'static str,
    /// A requirement that does not apply, given the facts: 「対象外」.
    pub out_of_scope: &'static str,
    /// Parentheses around an aside: 「（」「）」.
    pub open: &'static str,
    pub close: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unanswered: &'static str,
    pub target: &'static str,
    pub by_facts: &'static str,
    pub depends_on: &'static str,
    pub certificate: &'static str,
    pub record: &'static str,
    pub partner_check: &'static str,
    pub partner_verified: &'static str,
    pub partner_not_verified: &'static str,
    pub partner_stale: &'static str,
    pub document: &'static str,
    pub number_of_certificate: &'static str,
    pub issuer: &'static str,
    pub scope: &'static str,
    pub valid: &'static str,
    pub data: &'static str,
    pub generated_by: &'static str,
    pub languages: &'static str,
    pub view_sheet: &'static str,
    pub intro: &'static str,
    pub done_of_applicable: &'static str,
    pub gaps: &'static str,
    pub none: &'static str,
    /// Between the parts of a list of counts: 「・」.
    pub separator: &'static str,
    /// A done answer whose evidence does not hold, among the unmet duties.
    pub unmet_unsupported: &'static str,
    pub history: &'static str,
    pub history_intro: &'static str,
    pub no_publications: &'static str,
    pub publication: &'static str,
    pub published: &'static str,
    pub changes_since: &'static str,
    pub first_publication: &'static str,
    /// On a sheet as published: 「2026-10-01 に公表したチェックシートです。」 around the date.
    pub archived_before: &'static str,
    pub archived_after: &'static str,
    pub current_sheet: &'static str,
    pub no_longer_published: &'static str,
    pub previous_publication: &'static str,
    pub sheets: &'static str,
    pub details: &'static str,
    pub no_changes: &'static str,
    pub comparison: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub not_in_force: &'static str,
    pub outcome: &'static str,
    pub evidence_problems: &'static str,
    pub section: &'static str,
    pub name_en: &'static str,
    pub url: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub checklist_text_changed: &'static str,
    pub incomplete: &'static str,
    pub unsupported: &'static str,
}

pub const JA: Labels = Labels {
    language_name: "日本語",
    skip_to_content: "本文へ移動",
    checksheet: "チェックシート",
    services: "サービス一覧",
    organization: "事業者",
    service: "サービス",
    guideline: "指針",
    edition: "版",
    as_of: "点検基準日",
    reviewed_by: "点検者",
    sign_off: "点検と承認",
    approved_by: "承認者",
    approved_on: "承認日",
    next_review: "次回点検予定",
    not_approved: "未承認",
    not_set: "未定",
    summary: "点検結果の概要",
    applicable: "適用される要件",
    not_applicable_by_facts: "前提条件により対象外",
    total: "計",
    obligation: "区分",
    number: "項番",
    internal_evidence: "社内文書で確認（非公開）",
    no_evidence: "根拠の記載なし",
    requirement: "要件",
    status: "状況",
    explanation: "説明",
    evidence: "根拠",
    facts: "前提条件",
    fact: "前提条件",
    out_of_scope: "対象外",
    open: "（",
    close: "）",
    question: "質問",
    answer: "回答",
    yes: "はい",
    no: "いいえ",
    unanswered: "未回答",
    target: "対応予定日",
    by_facts: "前提条件により本サービスには適用されません",
    depends_on: "適用条件",
    certificate: "認証",
    record: "記録",
    partner_check: "連携先の確認",
    partner_verified: "公開チェックシートを照合済み",
    partner_not_verified: "公開チェックシートを照合できず",
    partner_stale: "公開サイトを照合済み・古いチェックシートあり",
    document: "資料",
    number_of_certificate: "登録番号",
    issuer: "認証機関",
    scope: "適用範囲",
    valid: "有効期間",
    data: "データ",
    generated_by: "checksheet で作成",
    languages: "言語",
    view_sheet: "チェックシートを見る",
    intro: "「民間PHR事業者による健診等情報の取扱いに関する基本的指針」に基づき、\
            当社のPHRサービスにおける健診等情報の取扱いを自己点検した結果を公表します。",
    done_of_applicable: "対応済",
    gaps: "義務のうち未達",
    none: "なし",
    separator: "・",
    unmet_unsupported: "対応済（根拠に問題）",
    history: "公表履歴",
    history_intro: "チェックシートを公表した記録と、前回の公表からの変更点です。",
    no_publications: "まだ公表の記録はありません。",
    publication: "公表",
    published: "公表日",
    changes_since: "前回からの変更",
    first_publication: "最初の公表",
    archived_before: "このページは ",
    archived_after: " に公表したチェックシートを、そのまま残したものです。",
    current_sheet: "現在のチェックシート",
    no_longer_published: "このサービスのチェックシートは、いまは公表していません。",
    previous_publication: "直近の公表",
    sheets: "公表したチェックシート",
    details: "変更の詳細",
    no_changes: "変更はありません",
    comparison: "変更点",
    before: "変更前",
    after: "変更後",
    not_in_force: "対象外",
    outcome: "判定",
    evidence_problems: "根拠の問題",
    section: "章",
    name_en: "英語名",
    url: "URL",
    added: "追加",
    removed: "削除",
    checklist_text_changed: "チェックリストの内容が変更されました",
    incomplete: "点検未完了",
    unsupported: "うち根拠に問題がある項目",
};

pub const EN: Labels = Labels {
    language_name: "English",
    skip_to_content: "Skip to content",
    checksheet: "Check sheet",
    services: "Services",
    organization: "Organization",
    service: "Service",
    guideline: "Guideline",
    edition: "Edition",
    as_of: "As of",
    reviewed_by: "Reviewed by",
    sign_off: "Review and approval",
    approved_by: "Approved by",
    approved_on: "Date of approval",
    next_review: "Next review",
    not_approved: "Not yet approved",
    not_set: "Not set",
    summary: "Summary",
    applicable: "Applicable requirements",
    not_applicable_by_facts: "Out of scope by the facts",
    total: "Total",
    obligation: "Obligation",
    number: "No.",
    internal_evidence: "Checked against internal documents (not public):",
    no_evidence: "No evidence given",
    requirement: "Requirement",
    status: "Status",
    explanation: "Explanation",
    evidence: "Evidence",
    facts: "Facts",
    fact: "Fact",
    out_of_scope: "out of scope",
    open: " (",
    close: ")",
    question: "Question",
    answer: "Answer",
    yes: "Yes",
    no: "No",
    unanswered: "Not answered",
    target: "Planned for",
    by_facts: "Does not apply to this service, given the facts",
    depends_on: "Applies depending on",
    certificate: "Certificate",
    record: "Record",
    partner_check: "Partner check",
    partner_verified: "published check sheet verified",
    partner_not_verified: "published check sheet not verified",
    partner_stale: "published site verified, with a sheet older than the age limit",
    document: "Document",
    number_of_certificate: "Registration number",
    issuer: "Issuer",
    scope: "Scope",
    valid: "Valid",
    data: "Data",
    generated_by: "Made with checksheet",
    languages: "Languages",
    view_sheet: "View the check sheet",
    intro: "Our self-check of how our PHR services handle health checkup information, against \
            the Japanese government's basic guideline for private PHR service providers.",
    done_of_applicable: "Done",
    gaps: "Duties not yet met",
    none: "none",
    separator: ", ",
    unmet_unsupported: "Done (evidence does not hold)",
    history: "Publication history",
    history_intro: "Each publication of the check sheet, and what changed since the one before.",
    no_publications: "Nothing has been published yet.",
    publication: "Publication",
    published: "Published",
    changes_since: "Changes since the previous one",
    first_publication: "First publication",
    archived_before: "This is the check sheet as published on ",
    archived_after: ", kept as it was.",
    current_sheet: "The current check sheet",
    no_longer_published: "This service's check sheet is no longer published.",
    previous_publication: "Latest publication",
    sheets: "Check sheets published",
    details: "What changed",
    no_changes: "No changes",
    comparison: "Changes",
    before: "Before",
    after: "After",
    not_in_force: "Not applicable",
    outcome: "Outcome",
    evidence_problems: "Evidence problems",
    section: "Section",
    name_en: "English name",
    url: "Address",
    added: "Added",
    removed: "Removed",
    checklist_text_changed: "The checklist's text changed",
    incomplete: "Self-check incomplete",
    unsupported: "Of these, answers whose evidence does not hold",
};

pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::Ja => &JA,
        Language::En => &EN,
    }
}

/// What the status column shows, in a language: key, label and a mark that does not rely
/// on colour.
pub fn shown(shown: Shown, language: Language) -> (&'static str, &'static str, &'static str) {
    let (label, mark) = match shown {
        Shown::Undecided if language == Language::Ja => ("未確定", "？"),
        Shown::Undecided => ("Undecided", "？"),
        other => status(other.status(), language),
    };
    (shown.key(), label, mark)
}

/// A problem of the evidence, as the published sheet states it beside the status.
pub fn problem(code: Code, date: Option<Date>, language: Language) -> String {
    if date.is_none()
        && matches!(
            code,
            Code::EvidenceExpired | Code::EvidenceNotYetValid | Code::PartnerNotVerified
        )
    {
        // About an entry the published sheet does not show: the problem, not its date.
        return crate::i18n::text_in(language, &format!("problem.{}", code.as_str()), &[]);
    }
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    match (code, language) {
        (Code::EvidenceExpired, Language::Ja) => format!("証明書の有効期限切れ（{date}）"),
        (Code::EvidenceExpired, Language::En) => format!("Certificate expired ({date})"),
        (Code::EvidenceNotYetValid, Language::Ja) => {
            format!("証明書の有効期間前（{date}から有効）")
        }
        (Code::EvidenceNotYetValid, Language::En) => {
            format!("Certificate not yet valid (valid from {date})")
        }
        (Code::EvidenceChanged, Language::Ja) => "根拠資料が確認後に変更されています".to_owned(),
        (Code::EvidenceChanged, Language::En) => "Evidence changed since it was checked".to_owned(),
        (Code::EvidenceMissingFile, Language::Ja) => "根拠資料が見つかりません".to_owned(),
        (Code::EvidenceMissingFile, Language::En) => "Evidence document missing".to_owned(),
        (Code::PartnerNotVerified, Language::Ja) => {
            format!("連携先の公開チェックシートを照合できず（{date}）")
        }
        (Code::PartnerNotVerified, Language::En) => {
            format!("Partner's published check sheet not verified ({date})")
        }
        (other, _) => other.as_str().to_owned(),
    }
}

/// The label of a shown status given by its key (`done`, `undecided`, …).
pub fn shown_label(key: &str, language: Language) -> &'static str {
    Status::ALL
        .into_iter()
        .map(Shown::Answered)
        .chain([Shown::Unanswered, Shown::Undecided])
        .find(|s| s.key() == key)
        .map_or("", |s| shown(s, language).1)
}

/// A status in a language, with a mark that does not rely on colour.
pub fn status(status: Option<Status>, language: Language) -> (&'static str, &'static str) {
    let ja = language == Language::Ja;
    match status {
        Some(Status::Done) => (if ja { "対応済" } else { "Done" }, "○"),
        Some(Status::Partial) => (if ja { "一部対応" } else { "Partly done" }, "△"),
        Some(Status::NotDone) => (if ja { "未対応" } else { "Not done" }, "×"),
        Some(Status::NotApplicable) => (if ja { "該当なし" } else { "Not applicable" }, "－"),
        Some(Status::Planned) => (if ja { "対応予定" } else { "Planned" }, "◇"),
        None => (if ja { "未回答" } else { "Not answered" }, "？"),
    }
}

/// A text of the checklist in a language.
pub fn text(text: &Text, language: Language) -> &str {
    match language {
        Language::Ja => &text.ja,
        Language::En => &text.en,
    }
}

/// An edition in words: `2021-04` → 2021年4月 / April 2021 (as written, when not a
/// year and a month).
pub fn edition(edition: &str, language: Language) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parsed = edition
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<u16>().ok()?, m.parse::<usize>().ok()?)))
        .filter(|(_, m)| (1..=12).contains(m));
    match (parsed, language) {
        (Some((year, month)), Language::Ja) => format!("{year}年{month}月"),
        (Some((year, month)), Language::En) => format!("{} {year}", MONTHS[month - 1]),
        (None, _) => edition.to_owned(),
    }
}

/// The edition assessed, in a sentence a reader understands: 「2021年4月版（2022年4月・2025年4月
/// に改定あり）に基づく自己点検」.
pub fn assessed_edition(checklist: &crate::model::Checklist, language: Language) -> String {
    let own = edition(&checklist.edition, language);
    let later: Vec<String> = checklist
        .later()
        .map(|r| edition(&r.edition, language))
        .collect();
    match (language, later.is_empty()) {
        (Language::Ja, true) => format!("{own}版に基づく自己点検"),
        (Language::Ja, false) => {
            format!("{own}版（{}に改定あり）に基づく自己点検", later.join("・"))
        }
        (Language::En, true) => format!("Self-check against the {own} edition"),
        (Language::En, false) => format!(
            "Self-check against the {own} edition (revised since: {})",
            later.join(", ")
        ),
    }
}

/// The mark on a page in `language` beside a text written only in the other language.
pub fn only_in(language: Language) -> &'static str {
    match language {
        Language::Ja => "（英語のみ）",
        Language::En => "(Japanese only)",
    }
}

/// Why a self-check is incomplete, in a sentence.
pub fn incomplete(count: usize, language: Language) -> String {
    match language {
        Language::Ja => format!(
            "未回答・未確定の要件が{count}件あります。すべて回答するまで、この点検結果は完了していません。"
        ),
        Language::En if count == 1 => {
            "1 requirement is not answered or undecided yet; until every one is answered, this self-check is not complete.".to_owned()
        }
        Language::En => format!(
            "{count} requirements are not answered or undecided yet; until every one is answered, this self-check is not complete."
        ),
    }
}

/// An outcome in a language.
pub fn outcome(outcome: Outcome, language: Language) -> &'static str {
    let ja = language == Language::Ja;
    match outcome {
        Outcome::Conforms => {
            if ja {
                "適合"
            } else {
                "Conforms"
            }
        }
        Outcome::Gap => {
            if ja {
                "義務の未達"
            } else {
                "Gap"
            }
        }
        Outcome::Advice => {
            if ja {
                "努力義務の未達"
            } else {
                "Advice"
            }
        }
        Outcome::NotApplicable => {
            if ja {
                "該当なし"
            } else {
                "Not applicable"
            }
        }
        Outcome::Unanswered => {
            if ja {
                "未回答"
            } else {
                "Not answered"
            }
        }
        Outcome::Undecided => {
            if ja {
                "未確定"
            } else {
                "Undecided"
            }
        }
    }
}

/// What happened to a piece of evidence, in a language.
pub fn evidence_change(change: EvidenceChange, language: Language) -> &'static str {
    match (change, language) {
        (EvidenceChange::Added, Language::Ja) => "追加",
        (EvidenceChange::Removed, Language::Ja) => "削除",
        (EvidenceChange::Changed, Language::Ja) => "更新",
        (EvidenceChange::Expired, Language::Ja) => "期限切れ",
        (EvidenceChange::Added, Language::En) => "Added",
        (EvidenceChange::Removed, Language::En) => "Removed",
        (EvidenceChange::Changed, Language::En) => "Updated",
        (EvidenceChange::Expired, Language::En) => "Expired",
    }
}

/// A kind of evidence, in a language.
pub fn evidence_kind(kind: EvidenceKind, language: Language) -> &'static str {
    let t = labels(language);
    match kind {
        EvidenceKind::Certificate => t.certificate,
        EvidenceKind::Record => t.record,
        EvidenceKind::PartnerCheck => t.partner_check,
        EvidenceKind::File | EvidenceKind::Url => t.document,
    }
}

/// A field of a piece of evidence (as `compare` names it), in a language.
pub fn evidence_field(name: &str, language: Language) -> &str {
    let (ja, en) = match name {
        "title" => ("表題", "Title"),
        "url" => ("URL", "Address"),
        "file" => ("ファイル", "File"),
        "public" => ("公開", "Public"),
        "contents" => ("内容", "Contents"),
        "certificate.scheme" => ("認証の種類", "Scheme"),
        "certificate.number" => ("登録番号", "Registration number"),
        "certificate.issuer" => ("認証機関", "Issuer"),
        "certificate.scope" => ("適用範囲", "Scope"),
        "certificate.valid-from" => ("有効期間の開始日", "Valid from"),
        "certificate.valid-until" => ("有効期限", "Valid until"),
        "record.date" => ("記録の日付", "Record date"),
        "record.summary" => ("記録の内容", "Record summary"),
        "partner-check.partner" => ("連携先", "Partner"),
        "partner-check.checked" => ("確認日", "Checked on"),
        "partner-check.result" => ("確認の結果", "Result"),
        "partner-check.summary" => ("確認の内容", "Findings"),
        other => (other, other),
    };
    match language {
        Language::Ja => ja,
        Language::En => en,
    }
}

/// A count of changes of one kind (by its kebab-case name), in words.
pub fn count(name: &str, count: usize, language: Language) -> String {
    let (ja, en) = match name {
        "checklist" => ("指針の版・内容の変更", "Checklist"),
        "organization" => ("事業者情報の変更", "Organization"),
        "service" => ("サービス情報の変更", "Service details"),
        "as-of" => ("点検基準日の変更", "As-of date"),
        "reviewed-by" => ("点検者の変更", "Reviewer"),
        "approval" => ("承認・次回点検予定の変更", "Approval or next review"),
        "status" => ("状況の変更", "Status"),
        "outcome" => ("判定の変更", "Outcome"),
        "obligation" => ("区分の変更", "Obligation"),
        "explanation" => ("説明の変更", "Explanation"),
        "target" => ("対応予定日の変更", "Target date"),
        "requirement" => ("要件の文言の変更", "Requirement wording"),
        "evidence-added" => ("根拠の追加", "Evidence added"),
        "evidence-removed" => ("根拠の削除", "Evidence removed"),
        "evidence-changed" => ("根拠の更新", "Evidence updated"),
        "evidence-expired" => ("根拠の期限切れ", "Evidence expired"),
        "facts" => ("前提条件の変更", "Facts"),
        "services-added" => ("サービスの追加", "Services added"),
        "services-removed" => ("サービスの削除", "Services removed"),
        "requirements-added" => ("要件の追加", "Requirements added"),
        "requirements-removed" => ("要件の削除", "Requirements removed"),
        other => (other, other),
    };
    // In English, "<what changed>: <count>" reads right whatever the count.
    match language {
        Language::Ja => format!("{ja} {count}件"),
        Language::En => format!("{en}: {count}"),
    }
}

pub fn obligation(obligation: Obligation, language: Language) -> &'static str {
    match (obligation, language) {
        (o, Language::Ja) => o.label_ja(),
        (Obligation::Law, Language::En) => "Legal duty",
        (Obligation::Must, Language::En) => "Required",
        (Obligation::Effort, Language::En) => "Best effort",
    }
}

pub fn language_code(language: Language) -> &'static str {
    match language {
        Language::Ja => "ja",
        Language::En => "en",
    }
}
