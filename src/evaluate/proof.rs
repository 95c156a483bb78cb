//! Evaluation of evidence: the kinds a requirement expects, file states, and dates at
//! `as-of`.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::finding;
use crate::diagnostic::Severity;
use crate::evidence::FileState;
use crate::model::{
    Answer, Certificate, Checklist, Evidence, ExpectedEvidence, Requirement, Status,
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
    let expected: Vec<String> = requirement
        .evidence
        .iter()
        .map(ExpectedEvidence::describe_ja)
        .collect();
    Some(finding(
        Code::EvidenceMissing,
        Severity::Warning,
        format!(
            "answered `{}` without the evidence that shows it; add one of: {}",
            status.as_str(),
            expected.join(", ")
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

/// Findings about the evidence itself: files changed, missing or unlocked, certificates
/// expired or expiring, records stale, all at `as-of`.
pub(super) fn evidence_state(
    checklist: &Checklist,
    requirement: &Requirement,
    answer: &Answer,
    as_of: Date,
    binding: bool,
    files: &BTreeMap<String, FileState>,
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
                format!(
                    "the newest record is from {newest}, older than {} at as-of {as_of}: this is \
                 to be repeated at least that often",
                    friendly(max_age)
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
    files: &BTreeMap<String, FileState>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(path) = &evidence.file {
        match files.get(path) {
            Some(FileState::Missing) => findings.push(finding(
                Code::EvidenceMissingFile,
                Severity::Error,
                format!("the evidence file `{path}` does not exist"),
            )),
            Some(FileState::Changed { locked, actual }) => findings.push(finding(
                Code::EvidenceChanged,
                Severity::Error,
                format!(
                    "`{path}` changed since it was locked (sha256 {}… now {}…): review it, \
                     then run `checksheet evidence lock`",
                    &locked[..locked.len().min(12)],
                    &actual[..actual.len().min(12)]
                ),
            )),
            Some(FileState::Unlocked) => findings.push(finding(
                Code::EvidenceUnlocked,
                Severity::Warning,
                format!(
                    "`{path}` is not in checksheet.lock: run `checksheet evidence lock` to \
                     record it"
                ),
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
            format!("the record dated {} is after as-of {as_of}", record.date),
        ));
    }
    findings
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
                format!("the certificate {name} is valid only from {from}, after as-of {as_of}"),
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
                format!(
                    "the certificate {name} expired on {until}, before as-of {as_of}: renew it or \
                     cite the current certificate"
                ),
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
            format!(
                "the certificate {name} expires on {until}, within {} of as-of {as_of}",
                friendly(window)
            ),
        ));
    }
    None
}

/// A span as people write it: `1y`, `90d`.
fn friendly(span: jiff::Span) -> String {
    format!("{span:#}")
}
