//! The published data files: `checksheet.json` and `checksheet.csv` per service, and
//! `manifest.json`. Only what the pages show: no notes, no internal evidence.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::compare::shown_date;
use crate::markdown;
use crate::model::{Evidence, Language};
use crate::sheet::{Row, ServiceSheet, Sheet};
use crate::validate::Workspace;

use crate::labels;

fn public_evidence(evidence: &Evidence) -> Value {
    json!({
        "kind": evidence.kinds().first().map(|k| k.as_str()),
        "title": evidence.title,
        "url": evidence.url,
        "certificate": evidence.certificate,
        "record": evidence.record,
        "partner-check": evidence.partner_check,
    })
}

/// A service's published sheet as JSON.
pub fn json(sheet: &Sheet, service: &ServiceSheet) -> Vec<u8> {
    let checklist = &sheet.checklist;
    let requirements: Vec<Value> = service
        .rows()
        .map(|(section, row)| {
            let requirement = &row.requirement;
            json!({
                "no": row.number,
                "id": requirement.id,
                "section": section.id,
                "cite": requirement.cite,
                "text": requirement.text,
                "obligation": row.obligation,
                "applies": row.applies,
                "status": row.shown,
                "outcome": row.outcome,
                "problems": row.problems().map(|f| json!({"code": f.code, "date": shown_date(row, f)})).collect::<Vec<_>>(),
                "target": row.target(),
                "explanation-html": explanation_html(row),
                "evidence": row.public_evidence().map(|e| public_evidence(&e.evidence)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let organization = &sheet.organization;
    let facts: serde_json::Map<String, Value> = service
        .facts
        .iter()
        .map(|f| (f.id.clone(), json!(f.answer)))
        .collect();
    let value = json!({
        "organization": {"name": organization.name, "name-en": organization.name_en, "url": organization.url},
        "service": {
            "id": service.service.id,
            "name": service.service.name,
            "name-en": service.service.name_en,
            "url": service.service.url,
        },
        "checklist": {
            "id": checklist.id,
            "edition": checklist.edition,
            "title": checklist.title,
            "revisions": checklist.revisions,
            "superseded-by": checklist.superseded_by,
        },
        "as-of": service.as_of,
        "reviewed-by": service.reviewed_by,
        "approved-by": service.approved_by,
        "next-review": service.next_review,
        "complete": service.is_complete(),
        "facts": facts,
        "summary": service.summary,
        "requirements": requirements,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    text.push('\n');
    text.into_bytes()
}

/// The explanation as sanitized HTML in each language it is written in; null when there
/// is none.
fn explanation_html(row: &Row) -> Value {
    if row
        .explanation
        .as_ref()
        .is_none_or(crate::model::Localized::is_empty)
    {
        return Value::Null;
    }
    let by_language: serde_json::Map<String, Value> = [Language::Ja, Language::En]
        .into_iter()
        .filter_map(|language| {
            Some((
                labels::language_code(language).to_owned(),
                json!(row.explanation_html(language)?),
            ))
        })
        .collect();
    Value::Object(by_language)
}

fn evidence_text(evidence: &Evidence) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some((title, _)) = evidence.title.as_ref().and_then(|t| t.shown(Language::Ja)) {
        parts.push(title.to_owned());
    }
    if let Some(url) = &evidence.url {
        parts.push(url.clone());
    }
    if let Some(c) = &evidence.certificate {
        let mut text = c.scheme.clone();
        if let Some(number) = &c.number {
            text.push(' ');
            text.push_str(number);
        }
        if let Some(until) = c.valid_until {
            let _ = write!(text, " (〜{until})");
        }
        parts.push(text);
    }
    if let Some(r) = &evidence.record {
        parts.push(r.date.to_string());
    }
    if let Some(check) = &evidence.partner_check {
        parts.push(format!(
            "{} {} {}",
            check.partner,
            check.checked,
            check.result.as_str()
        ));
    }
    parts.join(" ")
}

/// A cell as a spreadsheet program may open it: text that would start a formula (`=`,
/// `+`, `-`, `@`, a tab or a carriage return), also after leading white space that a
/// program may trim (`LibreOffice` can), gets a leading `'`, as OWASP advises.
fn cell(text: String) -> String {
    let formula = ['=', '+', '-', '@', '\t', '\r'];
    if text.starts_with(formula) || text.trim_start().starts_with(formula) {
        format!("'{text}")
    } else {
        text
    }
}

/// A service's published sheet as CSV, UTF-8 with a byte order mark so that spreadsheet
/// programs read the Japanese correctly.
pub fn csv(sheet: &Sheet, service: &ServiceSheet) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    let header = [
        "no",
        "section",
        "cite",
        "id",
        "requirement_ja",
        "requirement_en",
        "obligation",
        "status",
        "status_ja",
        "problems",
        "target",
        "explanation",
        "explanation_en",
        "evidence",
        "edition",
        "later_editions",
    ];
    writer.write_record(header).expect("writing to memory");
    let edition = sheet.checklist.reference();
    let later: Vec<&str> = sheet
        .checklist
        .later()
        .map(|r| r.edition.as_str())
        .collect();
    let later = later.join(" ");
    for (section, row) in service.rows() {
        let requirement = &row.requirement;
        let (key, label, _) = labels::shown(row.shown, Language::Ja);
        let record = [
            row.number.clone(),
            section.id.clone(),
            requirement.cite.clone(),
            requirement.id.clone(),
            requirement.text.ja.trim().to_owned(),
            requirement.text.en.trim().to_owned(),
            row.obligation
                .map(crate::model::Obligation::as_str)
                .unwrap_or_default()
                .to_owned(),
            key.to_owned(),
            label.to_owned(),
            row.problems()
                .map(|f| labels::problem(f.code, shown_date(row, f), Language::Ja))
                .collect::<Vec<_>>()
                .join("\n"),
            row.target().map(|d| d.to_string()).unwrap_or_default(),
            row.explanation
                .as_ref()
                .and_then(|e| e.get(Language::Ja))
                .map(markdown::to_text)
                .unwrap_or_default(),
            row.explanation
                .as_ref()
                .and_then(|e| e.get(Language::En))
                .map(markdown::to_text)
                .unwrap_or_default(),
            row.public_evidence()
                .map(|e| evidence_text(&e.evidence))
                .collect::<Vec<_>>()
                .join("\n"),
            edition.clone(),
            later.clone(),
        ];
        writer
            .write_record(record.map(cell))
            .expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// Which publication a build is, in the chain of an assessment's publications: its place
/// (`sequence`, counting from 1; the number of publications before it for a build of a
/// commit that is not one), its tag (none for such a build), and the publication before it
/// with the manifest SHA-256 that publication's tag records.
fn publication(commit: Option<&str>, history: &[super::Published]) -> Value {
    let at = commit.and_then(|commit| history.iter().rposition(|p| p.publication.commit == commit));
    let (sequence, tag, previous) = match at {
        Some(at) => (
            at + 1,
            Some(&history[at].publication.tag),
            at.checked_sub(1).map(|before| &history[before]),
        ),
        None => (history.len(), None, history.last()),
    };
    json!({
        "sequence": sequence,
        "tag": tag,
        "previous": previous.map(|p| json!({
            "tag": p.publication.tag,
            "manifest-sha256": p.publication.manifest,
        })),
    })
}

/// The manifest: tool version, checklist, which publication the build is, until when its
/// sheets hold (the earliest next review), inputs and outputs with their SHA-256.
pub fn manifest(
    workspace: &Workspace,
    sheet: &Sheet,
    outputs: &BTreeMap<String, String>,
    commit: Option<&str>,
    history: &[super::Published],
) -> Vec<u8> {
    let mut inputs = BTreeMap::new();
    inputs.insert(
        crate::load::ASSESSMENT_FILE.to_owned(),
        workspace.assessment_file.sha256.clone(),
    );
    for service in &workspace.services {
        inputs.insert(service.service.answers.clone(), service.file.sha256.clone());
    }
    if let Some(lock) = &workspace.lock_file {
        inputs.insert(crate::load::LOCK_FILE.to_owned(), lock.sha256.clone());
    }
    let value = json!({
        "tool": {"name": env!("CARGO_PKG_NAME"), "version": env!("CARGO_PKG_VERSION")},
        "checklist": {
            "id": workspace.checklist.id,
            "edition": workspace.checklist.edition,
            "sha256": workspace.checklist_file.sha256,
        },
        "source-commit": commit,
        "publication": publication(commit, history),
        "valid-until": sheet.services.iter().filter_map(|s| s.next_review).min(),
        // What `verify` needs to build the same site again from the repository.
        "publications": history
            .iter()
            .map(|p| json!({"tag": p.publication.tag, "commit": p.publication.commit}))
            .collect::<Vec<_>>(),
        "inputs": inputs,
        "outputs": outputs,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    text.push('\n');
    text.into_bytes()
}
