//! The published data files: `checksheet.json` and `checksheet.csv` per service, and
//! `manifest.json`. Only what the pages show: no notes, no internal evidence.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::evaluate::ServiceResult;
use crate::markdown;
use crate::model::{Evidence, Language, Status};
use crate::validate::{ServiceAnswers, Workspace};

use super::labels;

fn public_evidence(evidence: &Evidence) -> Value {
    json!({
        "kind": evidence.kinds().first().map(|k| k.as_str()),
        "title": evidence.title,
        "url": evidence.url.as_deref().and_then(super::view::web_address),
        "certificate": evidence.certificate,
        "record": evidence.record,
    })
}

/// A service's published sheet as JSON.
pub fn json(workspace: &Workspace, service: &ServiceAnswers, result: &ServiceResult) -> Vec<u8> {
    let checklist = &workspace.checklist;
    let answers = &service.answers;
    let requirements: Vec<Value> = checklist
        .requirements()
        .filter_map(|(section, requirement)| {
            let evaluated = result.requirements.iter().find(|r| r.id == requirement.id)?;
            let answer = answers.answers.get(&requirement.id);
            Some(json!({
                "id": requirement.id,
                "section": section.id,
                "cite": requirement.cite,
                "text": requirement.text,
                "obligation": evaluated.obligation,
                "applies": evaluated.applies,
                "status": evaluated.status,
                "outcome": evaluated.outcome,
                "target": answer.filter(|a| a.status == Some(Status::Planned)).and_then(|a| a.target),
                "explanation-html": answer
                    .and_then(|a| a.explanation.as_deref())
                    .map(markdown::to_html),
                "evidence": answer
                    .map(|a| a.evidence.iter().filter(|e| e.is_public()).map(public_evidence).collect::<Vec<_>>())
                    .unwrap_or_default(),
            }))
        })
        .collect();
    let organization = &workspace.assessment.organization;
    let value = json!({
        "organization": {"name": organization.name, "name-en": organization.name_en, "url": organization.url},
        "service": {
            "id": service.service.id,
            "name": service.service.name,
            "name-en": service.service.name_en,
            "url": service.service.url,
        },
        "checklist": {"id": checklist.id, "edition": checklist.edition, "title": checklist.title},
        "as-of": answers.as_of,
        "reviewed-by": answers.reviewed_by,
        "facts": answers.facts,
        "summary": result.summary,
        "requirements": requirements,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    text.push('\n');
    text.into_bytes()
}

fn evidence_text(evidence: &Evidence) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(title) = &evidence.title {
        parts.push(title.clone());
    }
    if let Some(url) = evidence.url.as_deref().and_then(super::view::web_address) {
        parts.push(url);
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
    parts.join(" ")
}

/// A service's published sheet as CSV, UTF-8 with a byte order mark so that spreadsheet
/// programs read the Japanese correctly.
pub fn csv(workspace: &Workspace, service: &ServiceAnswers, result: &ServiceResult) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    let header = [
        "section",
        "cite",
        "id",
        "requirement_ja",
        "requirement_en",
        "obligation",
        "status",
        "status_ja",
        "target",
        "explanation",
        "evidence",
    ];
    writer.write_record(header).expect("writing to memory");
    for (section, requirement) in workspace.checklist.requirements() {
        let Some(evaluated) = result.requirements.iter().find(|r| r.id == requirement.id) else {
            continue;
        };
        let answer = service.answers.answers.get(&requirement.id);
        let (key, label, _) = labels::shown(evaluated.shown(), Language::Ja);
        let record = [
            section.id.clone(),
            requirement.cite.clone(),
            requirement.id.clone(),
            requirement.text.ja.trim().to_owned(),
            requirement.text.en.trim().to_owned(),
            evaluated
                .obligation
                .map(crate::model::Obligation::as_str)
                .unwrap_or_default()
                .to_owned(),
            key.to_owned(),
            label.to_owned(),
            answer
                .filter(|a| a.status == Some(Status::Planned))
                .and_then(|a| a.target)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            answer
                .and_then(|a| a.explanation.as_deref())
                .map(markdown::to_text)
                .unwrap_or_default(),
            answer
                .map(|a| {
                    a.evidence
                        .iter()
                        .filter(|e| e.is_public())
                        .map(evidence_text)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default(),
        ];
        writer.write_record(&record).expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// The manifest: tool version, checklist, inputs and outputs with their SHA-256.
pub fn manifest(
    workspace: &Workspace,
    files: &BTreeMap<String, Vec<u8>>,
    commit: Option<&str>,
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
    let outputs: BTreeMap<&String, String> = files
        .iter()
        .map(|(path, bytes)| (path, crate::digest::sha256(bytes)))
        .collect();
    let value = json!({
        "tool": {"name": env!("CARGO_PKG_NAME"), "version": env!("CARGO_PKG_VERSION")},
        "checklist": {
            "id": workspace.checklist.id,
            "edition": workspace.checklist.edition,
            "sha256": workspace.checklist_file.sha256,
        },
        "source-commit": commit,
        "inputs": inputs,
        "outputs": outputs,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    text.push('\n');
    text.into_bytes()
}
