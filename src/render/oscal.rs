//! OSCAL export, for GRC tools: the checklist as a catalog, and a service's evaluated sheet
//! as assessment results, in the OSCAL version compliance-trestle validates. UUIDs are
//! version 5, derived from stable names, and every date comes from the checklist's edition
//! or the sheet's `as-of`, so the same input gives the same bytes. The only user of `uuid`.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::markdown;
use crate::model::{Checklist, Condition, Evidence, Language, Localized, Status};
use crate::sheet::{EvidenceRow, Outcome, Row, ServiceSheet, Sheet, Shown};

/// The OSCAL version written.
pub const OSCAL_VERSION: &str = "1.2.1";

/// The namespace of checksheet's own property and part names.
const NS: &str = "urn:checksheet:oscal";

/// The namespace of every UUID written.
const NAMESPACE: Uuid = Uuid::from_u128(0xeb6f_365b_9616_553e_9786_8954_4058_3e43);

/// The UUID of the thing called `name`: the same name, the same UUID.
fn uuid(name: &str) -> String {
    Uuid::new_v5(&NAMESPACE, name.as_bytes()).to_string()
}

/// `text` as an OSCAL token (a letter or `_` first; letters, digits, `_`, `-`, `.` after),
/// with `prefix` put before a text that cannot start one.
fn token(prefix: &str, text: &str) -> String {
    let mut token: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
    {
        token = format!("{prefix}{token}");
    }
    token
}

/// A requirement's control id.
fn control_id(requirement: &str) -> String {
    token("req-", requirement)
}

/// Text on one line, as OSCAL titles and property values must be.
fn line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A property of checksheet's own, in its namespace.
fn prop(name: &str, value: &str) -> Value {
    json!({"name": name, "ns": NS, "value": line(value)})
}

/// Midnight in Japan on `date`, where the guideline's dates are.
fn midnight(date: jiff::civil::Date) -> String {
    format!("{date}T00:00:00+09:00")
}

/// The last moment of `date` in Japan, when something valid until that day expires.
fn end_of(date: jiff::civil::Date) -> String {
    format!("{date}T23:59:59+09:00")
}

/// A condition as a formula: `fact(a)`, `all(…)`, `any(…)`, `not(…)`.
fn formula(condition: &Condition) -> String {
    let list = |conditions: &[Condition]| {
        conditions
            .iter()
            .map(formula)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match condition {
        Condition::Fact(fact) => format!("fact({fact})"),
        Condition::All(all) => format!("all({})", list(all)),
        Condition::Any(any) => format!("any({})", list(any)),
        Condition::Not(not) => format!("not({})", formula(not)),
    }
}

/// When the catalog was last changed: the first day of its edition (`2021-04` or
/// `2021-04-01`), else the day given.
fn edition_date(edition: &str, otherwise: jiff::civil::Date) -> String {
    let day = if edition.len() == 7 {
        format!("{edition}-01")
    } else {
        edition.to_owned()
    };
    midnight(day.parse().unwrap_or(otherwise))
}

fn document(value: &Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values serialize");
    text.push('\n');
    text.into_bytes()
}

/// The checklist of `sheet` as an OSCAL catalog: a group per section, a control per
/// requirement with its item number (`label`), citation, obligation and applicability as
/// properties, and its text as the statement (Japanese, the guideline's language) with the
/// English as a translation part.
pub fn catalog(sheet: &Sheet) -> Vec<u8> {
    let checklist: &Checklist = &sheet.checklist;
    let numbers = checklist.numbers();
    let latest = sheet
        .services
        .iter()
        .map(|s| s.as_of)
        .max()
        .unwrap_or(jiff::civil::Date::constant(2021, 4, 1));
    let groups: Vec<Value> = checklist
        .sections
        .iter()
        .map(|section| {
            let controls: Vec<Value> = section
                .requirements
                .iter()
                .map(|requirement| {
                    let id = control_id(&requirement.id);
                    let mut props = vec![
                        json!({
                            "name": "label",
                            "value": numbers.get(requirement.id.as_str()).cloned().unwrap_or_else(|| requirement.cite.clone()),
                        }),
                        prop("cite", &requirement.cite),
                        prop("obligation", requirement.obligation.as_str()),
                        prop(
                            "applicability",
                            &requirement
                                .applies_if
                                .as_ref()
                                .map_or_else(|| "always".to_owned(), formula),
                        ),
                    ];
                    if let Some(otherwise) = requirement.otherwise {
                        props.push(prop("obligation-otherwise", otherwise.as_str()));
                    }
                    if id != requirement.id {
                        props.push(prop("requirement-id", &requirement.id));
                    }
                    for old in &requirement.replaces {
                        props.push(prop("replaces", old));
                    }
                    json!({
                        "id": id,
                        "title": line(&requirement.text.ja),
                        "props": props,
                        "parts": [
                            {
                                "id": format!("{id}_smt"),
                                "name": "statement",
                                "props": [prop("lang", "ja")],
                                "prose": requirement.text.ja.trim(),
                            },
                            {
                                "id": format!("{id}_smt.en"),
                                "name": "translation",
                                "ns": NS,
                                "props": [prop("lang", "en")],
                                "prose": requirement.text.en.trim(),
                            },
                        ],
                    })
                })
                .collect();
            json!({
                "id": token("section-", &section.id),
                "title": line(&section.title.ja),
                "props": [
                    {"name": "label", "value": section.id},
                    prop("title-en", &section.title.en),
                ],
                "controls": controls,
            })
        })
        .collect();
    document(&json!({
        "catalog": {
            "uuid": uuid(&format!("catalog:{}", checklist.reference())),
            "metadata": {
                "title": line(&checklist.title.ja),
                "last-modified": edition_date(&checklist.edition, latest),
                "version": checklist.edition,
                "oscal-version": OSCAL_VERSION,
                "props": [prop("title-en", &checklist.title.en), prop("checklist", &checklist.reference())],
            },
            "groups": groups,
        }
    }))
}

/// How a row is judged: `satisfied` when its outcome conforms or it does not apply (by the
/// facts, or by an answer with a reason), `not-satisfied` otherwise (a gap, an unmet effort
/// item, unanswered or undecided), with `pass` / `fail` / `other` as the reason.
fn judged(row: &Row) -> (&'static str, &'static str) {
    match row.outcome {
        Outcome::Conforms => ("satisfied", "pass"),
        Outcome::NotApplicable => ("satisfied", "other"),
        Outcome::Gap | Outcome::Advice => ("not-satisfied", "fail"),
        Outcome::Unanswered | Outcome::Undecided => ("not-satisfied", "other"),
    }
}

/// The implementation status a row's answer states, where OSCAL has a word for it.
fn implementation(shown: Shown) -> Option<&'static str> {
    match shown {
        Shown::Answered(Status::Done) => Some("implemented"),
        Shown::Answered(Status::Partial) => Some("partial"),
        Shown::Answered(Status::Planned) => Some("planned"),
        Shown::Answered(Status::NotApplicable) | Shown::ByFacts => Some("not-applicable"),
        Shown::Answered(Status::NotDone) | Shown::Unanswered | Shown::Undecided => None,
    }
}

/// A Markdown explanation as plain text, Japanese first, then English.
fn explanation(explanation: Option<&Localized>) -> Option<String> {
    let explanation = explanation?;
    let texts: Vec<String> = [Language::Ja, Language::En]
        .into_iter()
        .filter_map(|language| explanation.get(language))
        .map(|text| markdown::to_text(text).trim().to_owned())
        .filter(|text| !text.is_empty())
        .collect();
    (!texts.is_empty()).then(|| texts.join("\n\n"))
}

/// An evidence entry in a line: its kind and what it is.
fn evidence_text(evidence: &Evidence) -> String {
    let kind = evidence.kinds().first().map_or("evidence", |k| k.as_str());
    let what = if let Some(path) = &evidence.file {
        path.clone()
    } else if let Some(url) = &evidence.url {
        url.clone()
    } else if let Some(c) = &evidence.certificate {
        [
            Some(c.scheme.as_str()),
            c.number.as_deref(),
            c.issuer.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    } else if let Some(r) = &evidence.record {
        format!("{} {}", r.date, r.summary.as_deref().unwrap_or_default())
    } else if let Some(check) = &evidence.partner_check {
        format!(
            "{} {} {}",
            check.partner,
            check.checked,
            check.result.as_str()
        )
    } else {
        String::new()
    };
    line(&format!("{kind}: {what}"))
}

/// An observation of one piece of evidence.
fn observation(uuid: &str, entry: &EvidenceRow, service: &ServiceSheet) -> Value {
    let evidence = &entry.evidence;
    let description = evidence_text(evidence);
    let title = evidence
        .title
        .as_ref()
        .and_then(|t| t.shown(Language::Ja))
        .map_or_else(|| description.clone(), |(text, _)| line(text));
    let mut props = vec![
        prop(
            "evidence-kind",
            evidence.kinds().first().map_or("", |k| k.as_str()),
        ),
        prop(
            "visibility",
            if entry.public { "public" } else { "internal" },
        ),
    ];
    if let Some(sha256) = &entry.sha256 {
        props.push(prop("sha256", sha256));
    }
    let mut observation = json!({
        "uuid": uuid,
        "title": title,
        "description": description,
        "props": props,
        "methods": ["EXAMINE"],
        "collected": midnight(service.as_of),
    });
    if let Some(url) = evidence
        .url
        .as_deref()
        .or(entry.partner.as_ref().map(|p| p.url.as_str()))
    {
        observation["links"] = json!([{"href": url, "rel": "reference"}]);
    }
    if let Some(until) = evidence.certificate.as_ref().and_then(|c| c.valid_until) {
        observation["expires"] = json!(end_of(until));
    }
    observation
}

/// The finding about one row: how it is judged, what it states, the observations it rests on.
fn finding(row: &Row, uuid: &str, related: &[Value], internal: bool) -> Value {
    let id = control_id(&row.requirement.id);
    let (state, reason) = judged(row);
    let mut target = json!({
        "type": "statement-id",
        "target-id": format!("{id}_smt"),
        "status": {"state": state, "reason": reason},
    });
    if let Some(implemented) = implementation(row.shown) {
        target["implementation-status"] = json!({"state": implemented});
    }
    let mut props = vec![
        json!({"name": "label", "value": row.number}),
        prop("status", row.shown.key()),
        prop("outcome", row.outcome.as_str()),
    ];
    if let Some(obligation) = row.obligation {
        props.push(prop("obligation", obligation.as_str()));
    }
    if let Some(target) = row.target() {
        props.push(prop("target", &target.to_string()));
    }
    for finding in &row.findings {
        props.push(prop("check-finding", finding.code.as_str()));
    }
    let mut finding = json!({
        "uuid": uuid,
        "title": format!("{} {}", row.number, row.requirement.id),
        "description": explanation(row.explanation.as_ref()).unwrap_or_else(|| row.shown.key().to_owned()),
        "props": props,
        "target": target,
    });
    if !related.is_empty() {
        finding["related-observations"] = json!(related);
    }
    if internal && let Some(note) = row.note.as_deref().filter(|n| !n.trim().is_empty()) {
        finding["remarks"] = json!(note.trim());
    }
    finding
}

/// A service's sheet as OSCAL assessment results: one result at `as-of`, a finding per
/// requirement (satisfied or not, see [`judged`]), an observation per piece of evidence
/// (certificates with their expiry). Public parts only, unless `internal`: then internal
/// evidence (with files' hashes) and notes too.
pub fn results(sheet: &Sheet, service: &ServiceSheet, internal: bool) -> Vec<u8> {
    let name = |kind: &str| {
        format!(
            "{kind}:{}:{}:{}",
            sheet.checklist.reference(),
            service.service.id,
            service.as_of
        )
    };
    let mut findings = Vec::new();
    let mut observations = Vec::new();
    for (_, row) in service.rows() {
        let mut related = Vec::new();
        for (index, entry) in row.evidence.iter().enumerate() {
            if !entry.public && !internal {
                continue;
            }
            let observation_uuid = uuid(&format!(
                "{}:{}:{index}",
                name("observation"),
                row.requirement.id
            ));
            related.push(json!({"observation-uuid": observation_uuid}));
            observations.push(observation(&observation_uuid, entry, service));
        }
        findings.push(finding(
            row,
            &uuid(&format!("{}:{}", name("finding"), row.requirement.id)),
            &related,
            internal,
        ));
    }
    let service_name = &service.service.name;
    let mut result = json!({
        "uuid": uuid(&name("result")),
        "title": line(&format!("{service_name} {}", service.as_of)),
        "description": line(&format!(
            "{} {service_name}: {} ({})",
            sheet.organization.name,
            sheet.checklist.title.ja,
            sheet.checklist.reference()
        )),
        "start": midnight(service.as_of),
        "props": [prop("service", &service.service.id), prop("visibility", if internal { "internal" } else { "public" })],
        "reviewed-controls": {"control-selections": [{"include-all": {}}]},
        "findings": findings,
    });
    if !observations.is_empty() {
        result["observations"] = json!(observations);
    }
    let mut metadata = json!({
        "title": line(&format!("{} {service_name}", sheet.organization.name)),
        "last-modified": midnight(service.as_of),
        "version": service.as_of.to_string(),
        "oscal-version": OSCAL_VERSION,
    });
    if let Some(reviewed_by) = &service.reviewed_by {
        metadata["props"] = json!([prop("reviewed-by", reviewed_by)]);
    }
    // The self-check follows the checklist itself; there is no separate plan. The plan it
    // imports is a resource of its own back matter that links to the checklist's catalog,
    // as `export --format oscal-catalog` names it, so that the reference resolves.
    let plan = uuid(&format!("catalog:{}", sheet.checklist.reference()));
    document(&json!({
        "assessment-results": {
            "uuid": uuid(&name("assessment-results")),
            "metadata": metadata,
            "import-ap": {
                "href": format!("#{plan}"),
                "remarks": format!("checklist {}", sheet.checklist.reference()),
            },
            "results": [result],
            "back-matter": {
                "resources": [{
                    "uuid": plan,
                    "title": line(&format!("checklist {}", sheet.checklist.reference())),
                    "rlinks": [{
                        "href": catalog_file(&sheet.checklist.id),
                        "media-type": "application/oscal.catalog+json",
                    }],
                }],
            },
        }
    }))
}

/// The file `export --format oscal-catalog` writes the checklist `id` to by default.
pub fn catalog_file(id: &str) -> String {
    format!("{id}.oscal-catalog.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_start_with_a_letter_and_keep_only_allowed_characters() {
        assert_eq!(token("section-", "2"), "section-2");
        assert_eq!(token("section-", "4.1"), "section-4.1");
        assert_eq!(control_id("sec-safeguards"), "sec-safeguards");
        assert_eq!(control_id("2a b"), "req-2a-b");
    }

    #[test]
    fn the_same_name_gives_the_same_version_5_uuid() {
        let a = uuid("catalog:phr-basic-guideline@2021-04");
        assert_eq!(a, uuid("catalog:phr-basic-guideline@2021-04"));
        assert_ne!(a, uuid("catalog:phr-basic-guideline@2025-04"));
        assert_eq!(a.as_bytes()[14], b'5');
    }

    #[test]
    fn a_condition_reads_as_a_formula() {
        let condition = Condition::All(vec![
            Condition::Fact("a".to_owned()),
            Condition::Not(Box::new(Condition::Fact("b".to_owned()))),
        ]);
        assert_eq!(formula(&condition), "all(fact(a), not(fact(b)))");
    }

    #[test]
    fn the_catalog_date_comes_from_the_edition() {
        let day = jiff::civil::Date::constant(2026, 10, 1);
        assert_eq!(edition_date("2021-04", day), "2021-04-01T00:00:00+09:00");
        assert_eq!(edition_date("2025-03-31", day), "2025-03-31T00:00:00+09:00");
        assert_eq!(edition_date("draft", day), "2026-10-01T00:00:00+09:00");
    }
}
