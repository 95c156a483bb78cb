//! Evaluation of evidence: the kinds a requirement expects, file states, and dates at
//! `as-of`.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::finding;
use crate::diagnostic::Severity;
use crate::evidence::{FileState, Slip, Typo, corrected, typos};
use crate::i18n::{self, t};
use crate::labels;
use crate::model::{
    Answer, Certificate, Checklist, Evidence, ExpectedEvidence, PartnerCheck, PartnerResult,
    Requirement, Status,
};
use crate::sheet::{Code, Finding};

/// `evidence-missing` when a met or partly met requirement cites none of the expected kinds.
pub(super) fn evidence(
    requirement: &Requirement,
    answer: &Answer,
    status: Status,
) -> Option<Finding> {
    if !matches!(status, Status::Done | Status::Partial) || requirement.evidence.is_empty() {
        return None;
    }
    let cited = answer
        .evidence
        .iter()
        .any(|evidence| requirement.evidence.iter().any(|x| satisfies(evidence, x)));
    if cited {
        return None;
    }
    let language = i18n::language();
    let expected: Vec<String> = requirement
        .evidence
        .iter()
        .map(|expected| match &expected.hint {
            Some(hint) => format!(
                "{} ({})",
                expected.kind.as_str(),
                labels::text(hint, language)
            ),
            None => expected.kind.as_str().to_owned(),
        })
        .collect();
    Some(finding(
        Code::EvidenceMissing,
        Severity::Warning,
        t!(
            "finding.evidence-missing",
            status = status.as_str(),
            expected = expected.join(", ")
        ),
    ))
}

/// Whether `evidence` is of the kind (and, for certificates, the scheme) `expected` asks.
fn satisfies(evidence: &Evidence, expected: &ExpectedEvidence) -> bool {
    if !evidence.kinds().contains(&expected.kind) {
        return false;
    }
    match &evidence.certificate {
        Some(certificate) if !expected.schemes.is_empty() => expected
            .schemes
            .iter()
            .any(|scheme| scheme_key(scheme) == scheme_key(&certificate.scheme)),
        _ => true,
    }
}

/// A certification scheme's name reduced to compare its common spellings: ISMS is ISO/IEC
/// 27001 and JIS Q 27001; Pマーク is プライバシーマーク, `PrivacyMark` and JIS Q 15001.
fn scheme_key(scheme: &str) -> String {
    let key: String = scheme
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "isms" | "iso27001" | "isoiec27001" | "jisq27001" => "isms".to_owned(),
        "pマーク" | "pmark" | "プライバシーマーク" | "privacymark" | "jisq15001" => {
            "pmark".to_owned()
        }
        _ => key,
    }
}

/// The evidence files as inspected, seen from the answers file whose citations are
/// evaluated (as `checksheet.yaml` names it).
#[derive(Clone, Copy)]
pub(super) struct Files<'a> {
    pub states: &'a BTreeMap<String, FileState>,
    pub answers: &'a str,
}

/// Findings about the evidence itself: files changed, missing or unlocked, certificates
/// expired or expiring, records stale, all at `as-of`.
pub(super) fn evidence_state(
    checklist: &Checklist,
    requirement: &Requirement,
    answer: &Answer,
    as_of: Date,
    binding: bool,
    files: Files,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = answer
        .evidence
        .iter()
        .enumerate()
        .flat_map(|(index, evidence)| {
            item(checklist, evidence, as_of, binding, files)
                .into_iter()
                .map(move |finding| Finding {
                    evidence: Some(index),
                    ..finding
                })
        })
        .collect();
    findings.extend(stale(requirement, answer, as_of));
    findings
}

/// `evidence-stale` when the newest record is older than the requirement's `max-age`,
/// about that record.
fn stale(requirement: &Requirement, answer: &Answer, as_of: Date) -> Option<Finding> {
    let (index, newest) = answer
        .evidence
        .iter()
        .enumerate()
        .filter_map(|(index, e)| e.record.as_ref().map(|r| (index, r.date)))
        .filter(|(_, date)| *date <= as_of)
        .max_by_key(|(index, date)| (*date, std::cmp::Reverse(*index)))?;
    let max_age = requirement.max_age?;
    newest
        .checked_add(max_age)
        .is_ok_and(|fresh_until| fresh_until < as_of)
        .then(|| {
            let found = finding(
                Code::EvidenceStale,
                Severity::Warning,
                t!(
                    "finding.stale",
                    newest = newest,
                    age = i18n::span(max_age),
                    as_of = as_of
                ),
            );
            Finding {
                evidence: Some(index),
                ..found
            }
        })
}

/// Findings about one piece of evidence: its file's state, its certificate's dates, its
/// record's date.
fn item(
    checklist: &Checklist,
    evidence: &Evidence,
    as_of: Date,
    binding: bool,
    files: Files,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(path) = &evidence.file {
        match files.states.get(path) {
            Some(FileState::Missing { nearest }) => findings.push(finding(
                Code::EvidenceMissingFile,
                Severity::Error,
                missing_file(path, nearest.get(files.answers)),
            )),
            Some(FileState::Changed { locked, actual }) => findings.push(finding(
                Code::EvidenceChanged,
                Severity::Error,
                t!(
                    "finding.changed",
                    path = path,
                    locked = &locked[..locked.len().min(12)],
                    actual = &actual[..actual.len().min(12)]
                ),
            )),
            Some(FileState::Unlocked) => findings.push(finding(
                Code::EvidenceUnlocked,
                Severity::Warning,
                t!("finding.unlocked", path = path),
            )),
            Some(FileState::Locked) | None => {}
        }
    }
    if let Some(certificate) = &evidence.certificate {
        findings.extend(certificate_dates(checklist, certificate, as_of, binding));
    }
    if let Some(record) = &evidence.record
        && record.date > as_of
    {
        findings.push(finding(
            Code::EvidenceFuture,
            Severity::Warning,
            t!("finding.future", date = record.date, as_of = as_of),
        ));
    }
    if let Some(check) = &evidence.partner_check {
        findings.extend(partner_check(check, as_of, binding));
    }
    findings
}

/// How long a partner check speaks for: the guideline asks for a check before linking and
/// whenever the partner's sheet changes; a yearly check is the least a reader expects.
fn partner_check_age() -> jiff::Span {
    jiff::Span::new().years(1)
}

/// Findings about a partner check: not verified (an error where the duty binds), made after
/// `as-of`, or older than a year at `as-of`.
fn partner_check(check: &PartnerCheck, as_of: Date, binding: bool) -> Option<Finding> {
    if check.checked > as_of {
        return Some(Finding {
            date: Some(check.checked),
            ..finding(
                Code::EvidenceFuture,
                Severity::Warning,
                t!("finding.future", date = check.checked, as_of = as_of),
            )
        });
    }
    if check.result == PartnerResult::NotVerified {
        return Some(Finding {
            date: Some(check.checked),
            ..finding(
                Code::PartnerNotVerified,
                if binding {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                t!(
                    "finding.partner-not-verified",
                    partner = check.partner,
                    date = check.checked
                ),
            )
        });
    }
    if check.result == PartnerResult::Stale {
        return Some(Finding {
            date: Some(check.checked),
            ..finding(
                Code::PartnerSheetStale,
                Severity::Warning,
                t!(
                    "finding.partner-sheet-stale",
                    partner = check.partner,
                    date = check.checked
                ),
            )
        });
    }
    check
        .checked
        .checked_add(partner_check_age())
        .is_ok_and(|fresh_until| fresh_until < as_of)
        .then(|| Finding {
            date: Some(check.checked),
            ..finding(
                Code::EvidenceStale,
                Severity::Warning,
                t!(
                    "finding.partner-stale",
                    partner = check.partner,
                    date = check.checked,
                    age = i18n::span(partner_check_age()),
                    as_of = as_of
                ),
            )
        })
}

fn certificate_dates(
    checklist: &Checklist,
    certificate: &Certificate,
    as_of: Date,
    binding: bool,
) -> Option<Finding> {
    let name = match &certificate.number {
        Some(number) => format!("{} {number}", certificate.scheme),
        None => certificate.scheme.clone(),
    };
    // A certificate not valid at as-of proves nothing: an error where the duty binds.
    let severity = if binding {
        Severity::Error
    } else {
        Severity::Warning
    };
    if let Some(from) = certificate.valid_from
        && from > as_of
    {
        return Some(Finding {
            date: Some(from),
            ..finding(
                Code::EvidenceNotYetValid,
                severity,
                t!(
                    "finding.not-yet-valid",
                    name = name,
                    from = from,
                    as_of = as_of
                ),
            )
        });
    }
    let until = certificate.valid_until?;
    if until < as_of {
        return Some(Finding {
            date: Some(until),
            ..finding(
                Code::EvidenceExpired,
                severity,
                t!("finding.expired", name = name, until = until, as_of = as_of),
            )
        });
    }
    let window = checklist.expiry_warning();
    if as_of
        .checked_add(window)
        .is_ok_and(|horizon| until <= horizon)
    {
        return Some(finding(
            Code::EvidenceExpiring,
            Severity::Warning,
            t!(
                "finding.expiring",
                name = name,
                until = until,
                window = i18n::span(window),
                as_of = as_of
            ),
        ));
    }
    None
}

/// Why the cited file `path` is not found, in words: each slip in typing it, named with
/// where it stands in the path (「9・16文字目の `／` は全角のスラッシュです」), and the
/// existing file it may have meant.
fn missing_file(path: &str, nearest: Option<&String>) -> String {
    let typos = typos(path);
    // Each kind once, in the order they first stand in the path.
    let mut slips: Vec<Slip> = Vec::new();
    for typo in &typos {
        if !slips.contains(&typo.slip) {
            slips.push(typo.slip);
        }
    }
    let sentences: Vec<String> = slips
        .iter()
        .map(|&slip| {
            let runs: Vec<&Typo> = typos.iter().filter(|typo| typo.slip == slip).collect();
            let positions: Vec<String> = runs
                .iter()
                .map(|run| {
                    let (first, last) = (run.at + 1, run.at + run.text.chars().count());
                    if first == last {
                        first.to_string()
                    } else {
                        t!("path.range", first = first, last = last)
                    }
                })
                .collect();
            let positions = match positions.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!(
                    "{}{}{last}",
                    rest.join(t!("path.and").as_str()),
                    t!("path.and-last")
                ),
                None => String::new(),
            };
            let at = if runs.len() == 1 && runs[0].text.chars().count() == 1 {
                t!("path.at", positions = positions)
            } else {
                t!("path.at-many", positions = positions)
            };
            let mut shown: Vec<&str> = runs.iter().map(|run| run.text.as_str()).collect();
            shown.dedup();
            let text = shown.join("`, `");
            let fixed: Vec<String> = shown.iter().map(|run| corrected(run)).collect();
            let fixed = fixed.join("`, `");
            match slip {
                Slip::FullWidthSlash => t!("path.full-width-slash", at = at, text = text),
                Slip::Yen => t!("path.yen", at = at, text = text),
                Slip::Backslash => t!("path.backslash", at = at),
                Slip::FullWidth => t!("path.full-width", at = at, text = text, fixed = fixed),
                Slip::FullWidthSpace => t!("path.full-width-space", at = at),
                Slip::Space => t!("path.space", at = at),
            }
        })
        .collect();
    let typed = sentences.join(t!("path.sentences").as_str());
    match (sentences.is_empty(), nearest) {
        (true, None) => t!("finding.missing-file", path = path),
        (true, Some(nearest)) => t!("finding.missing-file-near", path = path, nearest = nearest),
        (false, None) => t!("finding.missing-file-typed", path = path, typed = typed),
        (false, Some(nearest)) => t!(
            "finding.missing-file-typed-near",
            path = path,
            typed = typed,
            nearest = nearest
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml<T: serde::de::DeserializeOwned>(text: &str) -> T {
        serde_yaml::from_str(text).unwrap()
    }

    fn checklist() -> Checklist {
        yaml("{id: t, edition: '1', title: {ja: t, en: t}, sections: []}")
    }

    fn requirement(extra: &str) -> Requirement {
        yaml(&format!(
            "{{id: r, cite: '1', obligation: must, text: {{ja: 要件, en: R}}, basis: seed{extra}}}"
        ))
    }

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn no_files() -> Files<'static> {
        static NONE: BTreeMap<String, FileState> = BTreeMap::new();
        Files {
            states: &NONE,
            answers: "app.yaml",
        }
    }

    #[test]
    fn a_certificate_of_an_alias_scheme_counts_as_the_expected_kind() {
        let requirement = requirement(", evidence: [{kind: certificate, schemes: [ISMS]}]");
        let answer: Answer =
            yaml("{status: done, evidence: [{certificate: {scheme: 'JIS Q 27001'}}]}");
        assert!(evidence(&requirement, &answer, Status::Done).is_none());
        let other: Answer = yaml("{status: done, evidence: [{certificate: {scheme: Pマーク}}]}");
        let found = evidence(&requirement, &other, Status::Done).expect("a finding");
        assert_eq!(found.code, Code::EvidenceMissing);
        assert!(evidence(&requirement, &other, Status::NotDone).is_none());
    }

    #[test]
    fn an_expired_certificate_is_an_error_only_where_the_duty_binds_and_carries_its_date() {
        let evidence: Evidence = yaml("{certificate: {scheme: ISMS, valid-until: 2026-03-31}}");
        let as_of = date("2026-04-01");
        let binding = item(&checklist(), &evidence, as_of, true, no_files());
        assert_eq!(binding.len(), 1);
        assert_eq!(binding[0].code, Code::EvidenceExpired);
        assert_eq!(binding[0].severity, Severity::Error);
        assert_eq!(binding[0].date, Some(date("2026-03-31")));
        let effort = item(&checklist(), &evidence, as_of, false, no_files());
        assert_eq!(effort[0].severity, Severity::Warning);
        // Valid on its last day.
        let last_day = item(
            &checklist(),
            &evidence,
            date("2026-03-31"),
            true,
            no_files(),
        );
        assert_eq!(last_day[0].code, Code::EvidenceExpiring);
    }

    #[test]
    fn a_certificate_not_yet_valid_undermines_the_answer() {
        let evidence: Evidence = yaml("{certificate: {scheme: ISMS, valid-from: 2026-05-01}}");
        let found = item(
            &checklist(),
            &evidence,
            date("2026-04-01"),
            true,
            no_files(),
        );
        assert_eq!(found[0].code, Code::EvidenceNotYetValid);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].date, Some(date("2026-05-01")));
        assert!(found[0].code.undermines());
    }

    #[test]
    fn a_certificate_far_from_expiry_says_nothing() {
        let evidence: Evidence = yaml("{certificate: {scheme: ISMS, valid-until: 2030-01-01}}");
        assert!(
            item(
                &checklist(),
                &evidence,
                date("2026-04-01"),
                true,
                no_files()
            )
            .is_empty()
        );
    }

    #[test]
    fn file_states_become_findings() {
        let evidence: Evidence = yaml("{file: rules.md}");
        let mut files = BTreeMap::new();
        for (state, code) in [
            (
                FileState::Missing {
                    nearest: BTreeMap::new(),
                },
                Some(Code::EvidenceMissingFile),
            ),
            (
                FileState::Changed {
                    locked: "a".repeat(64),
                    actual: "b".repeat(64),
                },
                Some(Code::EvidenceChanged),
            ),
            (FileState::Unlocked, Some(Code::EvidenceUnlocked)),
            (FileState::Locked, None),
        ] {
            files.insert("rules.md".to_owned(), state);
            let files = Files {
                states: &files,
                answers: "app.yaml",
            };
            let found = item(&checklist(), &evidence, date("2026-04-01"), true, files);
            assert_eq!(found.first().map(|f| f.code), code);
        }
    }

    #[test]
    fn staleness_is_about_the_newest_record_before_as_of() {
        let requirement = requirement(", max-age: 1y");
        let answer: Answer = yaml(
            "{status: done, evidence: [{record: {date: 2024-01-10}}, {record: {date: 2025-01-10}}, {record: {date: 2027-01-01}}]}",
        );
        let found = stale(&requirement, &answer, date("2026-04-01")).expect("stale");
        assert_eq!(found.code, Code::EvidenceStale);
        assert_eq!(found.evidence, Some(1), "the newest record up to as-of");
        assert!(stale(&requirement, &answer, date("2025-06-01")).is_none());
    }

    #[test]
    fn findings_about_an_entry_point_at_it() {
        let answer: Answer = yaml(
            "{status: done, evidence: [{url: 'https://example.jp/'}, {certificate: {scheme: ISMS, valid-until: 2020-01-01}}]}",
        );
        let found = evidence_state(
            &checklist(),
            &requirement(""),
            &answer,
            date("2026-04-01"),
            true,
            no_files(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].evidence, Some(1));
    }
}
