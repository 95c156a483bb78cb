//! Reports: `check` results and checklists as text, JSON or YAML.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::evaluate::{Evaluation, Outcome, ServiceResult};
use crate::model::{Checklist, Condition, Obligation};

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

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The `check` report: per service, section by section, then a summary.
pub fn check_text(evaluation: &Evaluation, checklist: &Checklist, organization: &str) -> String {
    let mut out = String::new();
    let id_width = checklist
        .requirements()
        .map(|(_, r)| r.id.len())
        .max()
        .unwrap_or(0);
    for service in &evaluation.services {
        let _ = writeln!(out, "{organization} — {} ({})", service.name, service.id);
        let _ = writeln!(
            out,
            "checklist {} · as of {}\n",
            evaluation.checklist, service.as_of
        );
        for section in &checklist.sections {
            let _ = writeln!(out, "  {} {}", section.id, section.title.ja);
            for requirement in &section.requirements {
                let Some(result) = service.requirements.iter().find(|r| r.id == requirement.id)
                else {
                    continue;
                };
                let status = match (result.outcome, result.status) {
                    (Outcome::Undecided, _) => "未確定",
                    (_, Some(status)) => status.label_ja(),
                    (Outcome::NotApplicable, None) => "該当なし",
                    (_, None) => "未回答",
                };
                let obligation = match (result.applies, result.obligation) {
                    (Some(false), _) => "does not apply to this service".to_owned(),
                    (_, Some(o)) => format!("{} {}", o.as_str(), o.label_ja()),
                    (_, None) => "depends on unanswered facts".to_owned(),
                };
                let _ = writeln!(
                    out,
                    "    {} {} {} {obligation}",
                    mark(result.outcome),
                    pad(&requirement.id, id_width),
                    pad(status, 9),
                );
                if !result.findings.is_empty() {
                    let _ = writeln!(out, "        {}", requirement.text.ja.trim());
                }
                for finding in &result.findings {
                    let _ = writeln!(
                        out,
                        "        {}[{}]: {}",
                        finding.severity.as_str(),
                        finding.code,
                        finding.message
                    );
                }
            }
            out.push('\n');
        }
        out.push_str(&summary_line(service));
        out.push_str("\n\n");
    }
    out
}

fn summary_line(service: &ServiceResult) -> String {
    let s = &service.summary;
    let mut parts = vec![
        format!("{} conform", s.conforms),
        plural(s.gap, "gap", "gaps"),
        format!("{} advice", s.advice),
        format!("{} not applicable", s.not_applicable),
        format!("{} unanswered", s.unanswered),
    ];
    if s.undecided > 0 {
        parts.push(format!("{} undecided", s.undecided));
    }
    let verdict = if s.errors == 0 && s.warnings == 0 {
        "no findings".to_owned()
    } else {
        format!(
            "{}, {}",
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings")
        )
    };
    format!(
        "  {}: {} requirements: {} — {verdict}",
        service.id,
        s.requirements,
        parts.join(", ")
    )
}

/// A condition as a readable formula: `a and (b or not c)`.
pub fn condition(condition: &Condition) -> String {
    fn inner(condition: &Condition, nested: bool) -> String {
        let joined = |list: &[Condition], word: &str| {
            let text = list
                .iter()
                .map(|c| inner(c, true))
                .collect::<Vec<_>>()
                .join(word);
            if nested && list.len() > 1 {
                format!("({text})")
            } else {
                text
            }
        };
        match condition {
            Condition::Fact(id) => id.clone(),
            Condition::All(list) => joined(list, " and "),
            Condition::Any(list) => joined(list, " or "),
            Condition::Not(c) => format!("not {}", inner(c, true)),
        }
    }
    inner(condition, false)
}

/// `checksheet checklist show` as text.
pub fn checklist_text(checklist: &Checklist) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", checklist.reference(), checklist.title.ja);
    let _ = writeln!(out, "{}", checklist.title.en);
    if let (Some(publisher), Some(issued)) = (&checklist.publisher, checklist.issued) {
        let _ = writeln!(out, "{} · {issued}", publisher.ja);
    }
    let _ = writeln!(out, "\nfacts (answered true or false per service):");
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
                "\n  {} [{}] {} ({}) · basis {}",
                r.id,
                r.cite,
                r.obligation.as_str(),
                r.obligation.label_ja(),
                r.basis.as_str()
            );
            let _ = writeln!(out, "    {}\n    {}", r.text.ja.trim(), r.text.en.trim());
            if let Some(applies_if) = &r.applies_if {
                let otherwise = match r.otherwise {
                    Some(o) => format!("; otherwise {}", o.as_str()),
                    None => "; otherwise it does not apply".to_owned(),
                };
                let _ = writeln!(out, "    applies if: {}{otherwise}", condition(applies_if));
            }
            for expected in &r.evidence {
                let mut line = format!("    evidence: {}", expected.kind.as_str());
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
            "{}  {} requirements ({binding} law or must), {} facts  {}",
            pad(&checklist.reference(), width),
            count,
            checklist.facts.len(),
            checklist.title.ja
        );
    }
    out
}
