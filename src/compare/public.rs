//! The public view of a Sheet: what the published pages and data files show, and nothing
//! else. The public view of a change is the comparison of two public views, never a filter
//! over the comparison of the internal ones.

use jiff::civil::Date;

use crate::sheet::{EvidenceRow, Finding, Row, ServiceSheet, Sheet, SheetSection};

/// The date a finding is published with: none when it is about an entry the published
/// sheet does not show (an internal certificate's expiry is said, its date is not).
pub fn shown_date(row: &Row, finding: &Finding) -> Option<Date> {
    let public = finding
        .evidence
        .is_none_or(|at| row.evidence.get(at).is_some_and(|e| e.public));
    finding.date.filter(|_| public)
}

/// An entry as the published sheet shows it: a file by its title, never by its path or
/// its contents' hash.
fn entry(row: &EvidenceRow) -> EvidenceRow {
    let mut evidence = row.evidence.clone();
    if evidence.file.is_some() {
        evidence.file = Some(String::new());
    }
    EvidenceRow {
        evidence,
        public: true,
        sha256: None,
        partner: row.partner.clone(),
    }
}

/// A row as published: its public evidence only, no note, and the findings about internal
/// evidence that the page shows (the problems), without their date or the entry.
fn row(row: &Row) -> Row {
    // Where each entry is in the public list.
    let mut at = Vec::with_capacity(row.evidence.len());
    let mut shown = 0;
    for e in &row.evidence {
        at.push(e.public.then_some(shown));
        shown += usize::from(e.public);
    }
    let findings = row
        .findings
        .iter()
        .filter_map(|f| {
            let Some(index) = f.evidence else {
                return Some(f.clone());
            };
            match at.get(index).copied().flatten() {
                Some(public) => Some(Finding {
                    evidence: Some(public),
                    ..f.clone()
                }),
                None if row.problems().any(|p| std::ptr::eq(p, f)) => Some(Finding {
                    message: String::new(),
                    evidence: None,
                    date: None,
                    line: None,
                    column: None,
                    cell: None,
                    ..f.clone()
                }),
                None => None,
            }
        })
        .collect();
    Row {
        requirement: std::sync::Arc::clone(&row.requirement),
        number: row.number.clone(),
        answered: row.answered,
        explanation: row.explanation.clone(),
        note: None,
        target: row.target,
        obligation: row.obligation,
        applies: row.applies,
        decided_by: row.decided_by.clone(),
        shown: row.shown,
        outcome: row.outcome,
        evidence: row.public_evidence().map(entry).collect(),
        findings,
        explanation_html: Default::default(),
    }
}

fn service(service: &ServiceSheet) -> ServiceSheet {
    ServiceSheet {
        service: service.service.clone(),
        file: service.file.clone(),
        as_of: service.as_of,
        reviewed_by: service.reviewed_by.clone(),
        approved_by: service.approved_by.clone(),
        next_review: service.next_review,
        facts: service.facts.clone(),
        sections: service
            .sections
            .iter()
            .map(|s| SheetSection {
                id: s.id.clone(),
                title: s.title.clone(),
                rows: s.rows.iter().map(row).collect(),
            })
            .collect(),
        findings: Vec::new(),
        summary: service.summary.clone(),
    }
}

/// The sheet as the public sees it.
pub fn public(sheet: &Sheet) -> Sheet {
    Sheet {
        organization: sheet.organization.clone(),
        checklist: std::sync::Arc::clone(&sheet.checklist),
        checklist_name: sheet.checklist_name.clone(),
        checklist_sha256: sheet.checklist_sha256.clone(),
        services: sheet.services.iter().map(service).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::model::{Evidence, Requirement, Status};
    use crate::sheet::{Code, Outcome, Shown};

    fn entry(yaml: &str, public: bool) -> EvidenceRow {
        EvidenceRow {
            evidence: serde_yaml::from_str::<Evidence>(yaml).unwrap(),
            public,
            sha256: Some("0123abcd".to_owned()),
            partner: None,
        }
    }

    fn expired(at: usize) -> Finding {
        Finding {
            evidence: Some(at),
            date: Some("2011-06-01".parse().unwrap()),
            ..crate::evaluate::finding(Code::EvidenceExpired, Severity::Error, "expired".to_owned())
        }
    }

    #[test]
    fn the_public_row_keeps_public_evidence_and_says_an_internal_problem_without_its_date() {
        let requirement: Requirement = serde_yaml::from_str(
            "{id: r, cite: '1', obligation: must, text: {ja: 要件, en: R}, basis: seed}",
        )
        .unwrap();
        let internal =
            "{certificate: {scheme: ISMS, number: IS INTERNAL, valid-until: 2011-06-01}}";
        let public = "{certificate: {scheme: ISMS, number: IS 1, valid-until: 2011-06-01}}";
        let file = "{file: evidence/INTERNAL.md, title: 規程}";
        let original = Row {
            requirement: std::sync::Arc::new(requirement),
            number: "1-1".to_owned(),
            answered: Some(Status::Done),
            explanation: None,
            note: Some("INTERNAL note".to_owned()),
            target: None,
            obligation: None,
            applies: Some(true),
            decided_by: Vec::new(),
            shown: Shown::Answered(Status::Done),
            outcome: Outcome::Gap,
            evidence: vec![
                entry(internal, false),
                entry(public, true),
                entry(file, true),
            ],
            findings: vec![expired(0), expired(1)],
            explanation_html: Default::default(),
        };
        let seen = row(&original);
        assert!(seen.note.is_none());
        assert_eq!(seen.evidence.len(), 2);
        assert!(seen.evidence.iter().all(|e| e.sha256.is_none() && e.public));
        assert_eq!(seen.evidence[1].evidence.file.as_deref(), Some(""));
        assert_eq!(
            crate::compare::evidence::describe(&seen.evidence[1].evidence),
            "規程"
        );
        let problems: Vec<_> = seen.problems().map(|f| (f.evidence, f.date)).collect();
        assert_eq!(
            problems,
            vec![(None, None), (Some(0), Some("2011-06-01".parse().unwrap()))]
        );
        assert!(!format!("{seen:?}").contains("INTERNAL"), "{seen:?}");
        // The pages say the same from the row itself.
        assert_eq!(shown_date(&original, &original.findings[0]), None);
        assert!(shown_date(&original, &original.findings[1]).is_some());
    }
}
