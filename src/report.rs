//! Reports: `check` results and checklists as text, JSON or YAML.

use std::fmt::Write as _;

mod diff;
mod log;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::diagnostic::Severity;
use crate::i18n::{self, t};
use crate::labels;
use crate::model::{Checklist, Condition, Evidence, Language, Obligation};
use crate::sheet::{Code, Hold, Outcome, ServiceSheet, Sheet};

pub use diff::{diff_markdown, diff_text};
pub use log::log_text;

/// Pads `text` with spaces to `width` terminal columns (Japanese characters take two).
fn pad(text: &str, width: usize) -> String {
    let mut padded = text.to_owned();
    padded.push_str(&" ".repeat(width.saturating_sub(text.width())));
    padded
}

fn mark(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Conforms => "✔",
        Outcome::Gap => "✘",
        Outcome::Advice => "△",
        Outcome::NotApplicable => "–",
        Outcome::Unanswered | Outcome::Undecided => "?",
    }
}

/// The `check` report: per service, section by section, its counts and whether it may be
/// published on `day` (see [`ServiceSheet::holds`]); then one line for all services, and what
/// the codes used mean.
pub fn check_text(sheet: &Sheet, day: Option<jiff::civil::Date>) -> String {
    let language = i18n::language();
    let mut out = String::new();
    let id_width = sheet
        .checklist
        .requirements()
        .map(|(_, r)| r.id.len())
        .max()
        .unwrap_or(0);
    let number_width = sheet
        .services
        .iter()
        .flat_map(ServiceSheet::rows)
        .map(|(_, row)| row.number.chars().count())
        .max()
        .unwrap_or(0);
    for service in &sheet.services {
        let _ = writeln!(
            out,
            "{} — {} ({})",
            sheet.organization.name, service.service.name, service.service.id
        );
        let _ = writeln!(
            out,
            "{}\n",
            t!(
                "check.header",
                checklist = sheet.checklist.reference(),
                as_of = service.as_of
            )
        );
        for finding in &service.findings {
            out.push_str(&finding_text(finding, &service.file, "  "));
            out.push('\n');
        }
        for section in &service.sections {
            let _ = writeln!(
                out,
                "  {} {}",
                section.id,
                labels::text(&section.title, language)
            );
            for row in &section.rows {
                let (_, status, _) = labels::shown(row.shown, language);
                let obligation = match (row.applies, row.obligation) {
                    (Some(false), _) => t!("check.does-not-apply"),
                    (_, Some(o)) => format!("{} {}", o.as_str(), labels::obligation(o, language)),
                    (_, None) => t!("check.depends-on-facts"),
                };
                let _ = writeln!(
                    out,
                    "    {} {} {} {} {obligation}",
                    mark(row.outcome),
                    pad(&row.number, number_width),
                    pad(&row.requirement.id, id_width),
                    pad(status, 9),
                );
                if !row.findings.is_empty() {
                    let _ = writeln!(
                        out,
                        "        {}",
                        labels::text(&row.requirement.text, language).trim()
                    );
                }
                for finding in &row.findings {
                    out.push_str(&finding_text(finding, &service.file, "        "));
                }
            }
            out.push('\n');
        }
        let _ = writeln!(out, "{}", summary_line(service));
        let _ = writeln!(out, "  {}\n", verdict(service, day));
    }
    let _ = writeln!(out, "{}", overall(sheet, day));
    out.push_str(&edition_notice(&sheet.checklist, &sheet.checklist_name));
    out.push_str(&legend(sheet));
    out
}

/// A finding at `indent`: `severity[code]: message`, then `--> file:line:column` (or
/// `file:cell`) under it when it points somewhere.
fn finding_text(finding: &crate::sheet::Finding, file: &str, indent: &str) -> String {
    let mut text = format!(
        "{indent}{}[{}]: {}\n",
        severity(finding.severity),
        finding.code.as_str(),
        finding.message
    );
    if let Some(cell) = &finding.cell {
        let _ = writeln!(text, "{indent}  --> {file}:{cell}");
    } else if let (Some(line), Some(column)) = (finding.line, finding.column) {
        let _ = writeln!(text, "{indent}  --> {file}:{line}:{column}");
    }
    text
}

/// Once per run: the edition assessed when later ones exist, and how well the wording of the
/// checklist's requirements is verified.
fn edition_notice(checklist: &Checklist, name: &str) -> String {
    let language = i18n::language();
    let mut out = String::new();
    if checklist.superseded_by.is_some() {
        let later: Vec<String> = checklist
            .later()
            .map(|r| {
                let name = labels::text(&r.name, language);
                let when = labels::edition(&r.edition, language);
                match &r.url {
                    Some(url) => t!("notice.later-url", when = when, name = name, url = url),
                    None => t!("notice.later", when = when, name = name),
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "\n{}",
            t!(
                "notice.superseded",
                title = labels::text(&checklist.title, language),
                edition = labels::edition(&checklist.edition, language),
                later = later.join(t!("list.separator").as_str())
            )
        );
    }
    let count = |basis: crate::model::Basis| {
        checklist
            .requirements()
            .filter(|(_, r)| r.basis == basis)
            .count()
    };
    let recalled = count(crate::model::Basis::Rec);
    let _ = writeln!(
        out,
        "\n{}",
        t!(
            "notice.basis",
            seed = count(crate::model::Basis::Seed),
            src = count(crate::model::Basis::Src),
            rec = recalled,
            checklist = name
        )
    );
    out
}

/// A severity in the run's language.
fn severity(severity: Severity) -> String {
    match severity {
        Severity::Error => t!("diagnostic.error"),
        Severity::Warning => t!("diagnostic.warning"),
    }
}

/// What holds a service back from being published on `day`, in words: for a workbook, in
/// its labels rather than the keys of a YAML answers file.
fn lacks(service: &ServiceSheet, day: Option<jiff::civil::Date>) -> Vec<String> {
    let workbook = crate::load::is_workbook(&service.file);
    service
        .holds(day)
        .into_iter()
        .map(|hold| match hold {
            Hold::Unanswered(count) => t!("verdict.unanswered", count = count),
            Hold::Undecided(count) => t!("verdict.undecided", count = count),
            Hold::NotReviewed if workbook => t!("verdict.no-reviewer-workbook"),
            Hold::NotReviewed => t!("verdict.no-reviewer"),
            Hold::NotApproved if workbook => t!("verdict.not-approved-workbook"),
            Hold::NotApproved => t!("verdict.not-approved"),
            Hold::ReviewOverdue(next) => t!("verdict.review-overdue", next = next),
            Hold::AsOfInFuture(day) => {
                t!("verdict.future", as_of = service.as_of, today = day)
            }
        })
        .collect()
}

/// Whether the sheet may be published, and what it includes or lacks: complete is not
/// the same as conforming.
fn verdict(service: &ServiceSheet, day: Option<jiff::civil::Date>) -> String {
    let lacks = lacks(service, day);
    let s = &service.summary;
    if !lacks.is_empty() {
        return t!(
            "verdict.not-yet",
            lacks = lacks.join(t!("list.separator").as_str())
        );
    }
    match (s.gap, s.advice) {
        (0, 0) => t!("verdict.clean"),
        (gaps, 0) => t!("verdict.with-gaps", gaps = gaps),
        (0, advice) => t!("verdict.with-advice", advice = advice),
        (gaps, advice) => t!("verdict.with-both", gaps = gaps, advice = advice),
    }
}

/// One line for every service together.
fn overall(sheet: &Sheet, day: Option<jiff::civil::Date>) -> String {
    let waiting: Vec<&str> = sheet
        .services
        .iter()
        .filter(|s| !s.holds(day).is_empty())
        .map(|s| s.service.id.as_str())
        .collect();
    if waiting.is_empty() && sheet.services.len() == 1 {
        t!("verdict.the-one")
    } else if waiting.is_empty() {
        t!("verdict.all", count = sheet.services.len())
    } else {
        t!("verdict.some-not-yet", services = waiting.join(", "))
    }
}

/// What each finding code that occurs means, once.
fn legend(sheet: &Sheet) -> String {
    let seen: std::collections::BTreeSet<Code> = sheet
        .services
        .iter()
        .flat_map(|service| {
            service
                .rows()
                .flat_map(|(_, row)| &row.findings)
                .chain(&service.findings)
        })
        .map(|f| f.code)
        .collect();
    let mut out = String::new();
    if seen.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\n{}", t!("check.codes"));
    for code in Code::ALL.into_iter().filter(|c| seen.contains(c)) {
        let _ = writeln!(
            out,
            "  {}: {}",
            code.as_str(),
            code.description(i18n::language())
        );
    }
    out
}

fn summary_line(service: &ServiceSheet) -> String {
    let s = &service.summary;
    let mut parts = vec![
        t!("summary.conforms", count = s.conforms),
        t!("summary.gaps", count = s.gap),
        t!("summary.advice", count = s.advice),
        t!("summary.not-applicable", count = s.not_applicable),
        t!("summary.unanswered", count = s.unanswered),
    ];
    if s.undecided > 0 {
        parts.push(t!("summary.undecided", count = s.undecided));
    }
    let findings = if s.errors == 0 && s.warnings == 0 {
        t!("summary.no-findings")
    } else {
        t!("summary.findings", errors = s.errors, warnings = s.warnings)
    };
    t!(
        "summary.line",
        id = service.service.id,
        requirements = s.requirements,
        counts = parts.join(t!("list.separator").as_str()),
        findings = findings
    )
}

/// The `check` result as JSON: per service its summary and every row with its findings.
pub fn check_json(sheet: &Sheet) -> serde_json::Value {
    let services: Vec<serde_json::Value> = sheet
        .services
        .iter()
        .map(|service| {
            let requirements: Vec<serde_json::Value> = service
                .rows()
                .map(|(section, row)| {
                    serde_json::json!({
                        "no": row.number,
                        "id": row.requirement.id,
                        "section": section.id,
                        "obligation": row.obligation,
                        "applies": row.applies,
                        "status": row.shown,
                        "answered": row.answered,
                        "outcome": row.outcome,
                        "findings": row.findings,
                    })
                })
                .collect();
            serde_json::json!({
                "id": service.service.id,
                "name": service.service.name,
                "as-of": service.as_of,
                "reviewed-by": service.reviewed_by,
                "approved-by": service.approved_by,
                "next-review": service.next_review,
                "complete": service.is_complete(),
                "findings": service.findings,
                "summary": service.summary,
                "requirements": requirements,
            })
        })
        .collect();
    serde_json::json!({
        "checklist": sheet.checklist.reference(),
        "services": services,
    })
}

/// The words a condition is written with.
pub struct Words {
    and: &'static str,
    or: &'static str,
    open: &'static str,
    close: &'static str,
    fact: fn(&str) -> String,
    not: fn(String) -> String,
}

/// `a and (b or not c)`.
pub const ENGLISH: Words = Words {
    and: " and ",
    or: " or ",
    open: "(",
    close: ")",
    fact: str::to_owned,
    not: |inner| format!("not {inner}"),
};

/// `a が true かつ（b が true または「c が true」でない）`.
pub const JAPANESE: Words = Words {
    and: " かつ ",
    or: " または ",
    open: "（",
    close: "）",
    fact: |id| format!("{id} が true"),
    not: |inner| format!("「{inner}」でない"),
};

/// A condition as a readable formula, nested lists in parentheses.
pub fn condition(condition: &Condition, words: &Words) -> String {
    fn inner(condition: &Condition, words: &Words, nested: bool) -> String {
        let joined = |list: &[Condition], word: &str| {
            let text = list
                .iter()
                .map(|c| inner(c, words, true))
                .collect::<Vec<_>>()
                .join(word);
            if nested && list.len() > 1 {
                format!("{}{text}{}", words.open, words.close)
            } else {
                text
            }
        };
        match condition {
            Condition::Fact(id) => (words.fact)(id),
            Condition::All(list) => joined(list, words.and),
            Condition::Any(list) => joined(list, words.or),
            Condition::Not(c) => (words.not)(inner(c, words, true)),
        }
    }
    inner(condition, words, false)
}

/// `checksheet checklist show` as text.
pub fn checklist_text(checklist: &Checklist) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", checklist.reference(), checklist.title.ja);
    let _ = writeln!(out, "{}", checklist.title.en);
    if let (Some(publisher), Some(issued)) = (&checklist.publisher, checklist.issued) {
        let _ = writeln!(out, "{} · {issued}", publisher.ja);
    }
    if !checklist.revisions.is_empty() {
        let language = i18n::language();
        let _ = writeln!(out, "{}", t!("checklist.editions"));
        for r in &checklist.revisions {
            let encoded = if r.encoded {
                t!("checklist.edition-encoded")
            } else {
                t!("checklist.edition-not-encoded")
            };
            let _ = write!(
                out,
                "  {} {} {encoded}",
                r.edition,
                labels::text(&r.name, language)
            );
            match &r.url {
                Some(url) => {
                    let _ = writeln!(out, " {url}");
                }
                None => {
                    let _ = writeln!(out);
                }
            }
        }
    }
    let _ = writeln!(out, "\n{}", t!("checklist.facts"));
    for fact in &checklist.facts {
        let _ = writeln!(
            out,
            "  {}\n    {}\n    {}",
            fact.id, fact.question.ja, fact.question.en
        );
    }
    for section in &checklist.sections {
        let _ = writeln!(
            out,
            "\n{} {} / {}",
            section.id, section.title.ja, section.title.en
        );
        for r in &section.requirements {
            let _ = writeln!(
                out,
                "\n  {} [{}] {} ({}) · {}",
                r.id,
                r.cite,
                r.obligation.as_str(),
                labels::obligation(r.obligation, i18n::language()),
                t!("checklist.basis", basis = r.basis.as_str())
            );
            let _ = writeln!(out, "    {}\n    {}", r.text.ja.trim(), r.text.en.trim());
            if let Some(applies_if) = &r.applies_if {
                let words = match i18n::language() {
                    Language::Ja => &JAPANESE,
                    Language::En => &ENGLISH,
                };
                let when = condition(applies_if, words);
                let line = match r.otherwise {
                    Some(o) => t!(
                        "checklist.applies-otherwise",
                        condition = when,
                        otherwise = o.as_str()
                    ),
                    None => t!("checklist.applies-only", condition = when),
                };
                let _ = writeln!(out, "    {line}");
            }
            for expected in &r.evidence {
                let mut line = format!(
                    "    {}",
                    t!("checklist.evidence", kind = expected.kind.as_str())
                );
                if !expected.schemes.is_empty() {
                    let _ = write!(line, " ({})", expected.schemes.join(", "));
                }
                if let Some(hint) = &expected.hint {
                    let _ = write!(line, " — {} / {}", hint.ja, hint.en);
                }
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out
}

/// `checksheet checklist list` as text.
pub fn checklist_list_text(checklists: &[Checklist]) -> String {
    let width = checklists
        .iter()
        .map(|c| c.reference().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for checklist in checklists {
        let count = checklist.requirements().count();
        let binding = checklist
            .requirements()
            .filter(|(_, r)| r.obligation != Obligation::Effort)
            .count();
        let _ = writeln!(
            out,
            "{}  {}  {}",
            pad(&checklist.reference(), width),
            t!(
                "checklist.counts",
                requirements = count,
                binding = binding,
                facts = checklist.facts.len()
            ),
            labels::text(&checklist.title, i18n::language())
        );
    }
    out
}

/// One piece of evidence as `checksheet evidence list` shows it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct EvidenceItem {
    pub service: String,
    pub requirement: String,
    pub kind: &'static str,
    /// The path, address, certificate or record date.
    pub target: String,
    pub title: Option<String>,
    pub public: bool,
    /// Finding codes about this evidence at `as-of`, or `ok`.
    pub state: Vec<&'static str>,
}

/// Every piece of evidence of every service in the sheet, in checklist order.
pub fn evidence_items(sheet: &Sheet) -> Vec<EvidenceItem> {
    let mut items = Vec::new();
    for service in &sheet.services {
        for (_, row) in service.rows() {
            for (index, entry) in row.evidence.iter().enumerate() {
                let mut state: Vec<&'static str> = row
                    .findings
                    .iter()
                    .filter(|f| f.evidence == Some(index))
                    .map(|f| f.code.as_str())
                    .collect();
                if state.is_empty() {
                    state.push("ok");
                }
                let (kind, target) = describe(&entry.evidence);
                items.push(EvidenceItem {
                    service: service.service.id.clone(),
                    requirement: row.requirement.id.clone(),
                    kind,
                    target,
                    title: entry
                        .evidence
                        .title
                        .as_ref()
                        .and_then(|t| t.shown(i18n::language()))
                        .map(|(title, _)| title.to_owned()),
                    public: entry.public,
                    state,
                });
            }
        }
    }
    items
}

fn describe(evidence: &Evidence) -> (&'static str, String) {
    if let Some(path) = &evidence.file {
        return ("file", path.clone());
    }
    if let Some(url) = &evidence.url {
        return ("url", url.clone());
    }
    if let Some(c) = &evidence.certificate {
        let mut text = c.scheme.clone();
        if let Some(number) = &c.number {
            let _ = write!(text, " {number}");
        }
        if let Some(until) = c.valid_until {
            let _ = write!(text, " ({})", t!("evidence.valid-until", until = until));
        }
        return ("certificate", text);
    }
    if let Some(r) = &evidence.record {
        return ("record", r.date.to_string());
    }
    if let Some(check) = &evidence.partner_check {
        return (
            "partner-check",
            format!(
                "{} {} {}",
                check.partner,
                check.checked,
                check.result.as_str()
            ),
        );
    }
    ("none", String::new())
}

/// `checksheet evidence list` as text.
pub fn evidence_text(items: &[EvidenceItem]) -> String {
    let mut out = String::new();
    let mut service = "";
    for item in items {
        if item.service != service {
            service = &item.service;
            let _ = writeln!(out, "{service}");
        }
        let visibility = if item.public {
            t!("evidence.public")
        } else {
            t!("evidence.internal")
        };
        let _ = write!(
            out,
            "  {} {} {} {} {}",
            pad(&item.requirement, 24),
            pad(item.kind, 13),
            pad(&visibility, 8),
            pad(&item.state.join(","), 22),
            item.target
        );
        if let Some(title) = &item.title {
            let _ = write!(out, " — {title}");
        }
        out.push('\n');
    }
    if items.is_empty() {
        let _ = writeln!(out, "{}", t!("evidence.none"));
    }
    out
}

/// One warning per answer the evidence does not support, as `build` prints them: the
/// published page marks each of them.
pub fn unsupported(sheet: &Sheet) -> String {
    let mut out = String::new();
    for service in &sheet.services {
        for (_, row) in service.rows() {
            for problem in row.problems() {
                let _ = writeln!(
                    out,
                    "{}: {}",
                    t!("diagnostic.warning"),
                    t!(
                        "build.unsupported",
                        id = service.service.id,
                        requirement = row.requirement.id,
                        status = row.shown.key(),
                        code = problem.code.as_str(),
                        message = problem.message,
                        shown = labels::problem(problem.code, problem.date, i18n::language())
                    )
                );
            }
        }
    }
    out
}
