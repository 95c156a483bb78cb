//! `diff` as text and Markdown.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::compare::{
    Change, Chunk, ChunkKind, Counts, Diff, EvidenceChange, EvidenceDiff, NamesDiff,
    RequirementDiff, ServiceChange, ServiceDiff, WordingDiff,
};
use crate::i18n::{self, t};
use crate::labels;
use crate::model::{Approval, EvidenceKind, Language, Obligation, Text};

fn obligation(obligation: Option<Obligation>) -> String {
    obligation.map_or_else(|| t!("diff.not-in-force"), |o| o.as_str().to_owned())
}

fn fact(value: Option<bool>) -> String {
    match value {
        Some(true) => "true".to_owned(),
        Some(false) => "false".to_owned(),
        None => t!("diff.unanswered"),
    }
}

fn evidence(change: EvidenceChange) -> String {
    match change {
        EvidenceChange::Added => t!("diff.evidence-added"),
        EvidenceChange::Removed => t!("diff.evidence-removed"),
        EvidenceChange::Changed => t!("diff.evidence-changed"),
        EvidenceChange::Expired => t!("diff.evidence-expired"),
    }
}

/// Counts as words: `1 status, 2 evidence changed` (`状況の変更 1件、…`); `None` when all
/// are zero.
pub(super) fn counted(counts: &Counts) -> Option<String> {
    let parts: Vec<String> = counts
        .named()
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(name, count)| {
            // The plural wording where the language has one.
            let many = format!("change.{name}.many");
            let key = if count != 1 && i18n::text(&many, &[]) != many {
                many
            } else {
                format!("change.{name}")
            };
            i18n::text(&key, &[("count", &count)])
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(t!("list.separator").as_str()))
}

/// The summary line: how many changes of each kind.
pub fn summary(diff: &Diff) -> String {
    counted(&diff.summary).unwrap_or_else(|| t!("diff.no-changes"))
}

fn optional(value: Option<&String>) -> String {
    value.map_or_else(|| t!("diff.none"), Clone::clone)
}

fn optional_date(value: Option<&jiff::civil::Date>) -> String {
    value.map_or_else(|| t!("diff.none"), ToString::to_string)
}

/// The published fields of a requirement that changed, as `name: before → after`.
fn requirement_fields(r: &RequirementDiff) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(change) = &r.status {
        lines.push(format!(
            "status: {}",
            arrow(change, |s| labels::shown(*s, i18n::language()).1.to_owned())
        ));
    }
    if let Some(change) = r.outcome.as_ref().filter(|_| r.status.is_none()) {
        lines.push(format!(
            "outcome: {}",
            arrow(change, |o| o.as_str().to_owned())
        ));
    }
    if let Some(change) = &r.obligation {
        lines.push(format!("obligation: {}", arrow(change, |o| obligation(*o))));
    } else if let Some(change) = &r.applies {
        lines.push(format!("applies: {}", arrow(change, |a| fact(*a))));
    }
    if let Some(change) = &r.target {
        lines.push(format!(
            "target: {}",
            arrow(change, |d| optional_date(d.as_ref()))
        ));
    }
    if let Some(change) = &r.problems {
        lines.push(format!(
            "{}: {}",
            t!("diff.problems"),
            arrow(change, |list| {
                if list.is_empty() {
                    t!("diff.none")
                } else {
                    list.iter()
                        .map(|p| labels::problem(p.code, p.date, i18n::language()))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            })
        ));
    }
    lines
}

/// The statement of a requirement that changed, as `name: before → after`: its wording in
/// each language that changed (`text`, `text-en`), item number, citation, section.
fn wording_fields(w: &WordingDiff) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(change) = &w.text {
        for (name, language) in [("text", Language::Ja), ("text-en", Language::En)] {
            let shown = |t: &Text| crate::labels::text(t, language).trim().to_owned();
            if shown(&change.from) != shown(&change.to) {
                lines.push(format!("{name}: {}", arrow(change, shown)));
            }
        }
    }
    if let Some(change) = &w.renumbered {
        lines.push(format!("no: {}", arrow(change, Clone::clone)));
    }
    if let Some(change) = &w.cite {
        lines.push(format!("cite: {}", arrow(change, Clone::clone)));
    }
    if let Some(change) = &w.section {
        lines.push(format!("section: {}", arrow(change, Clone::clone)));
    }
    lines
}

/// A requirement as a heading: `要件 2.1-1 share-consent`, with its id before a rename.
fn requirement_name(number: &str, id: &str, was: Option<&String>) -> String {
    let name = format!("{number} {id}");
    match was {
        Some(was) => format!("{name} (was {was})"),
        None => name,
    }
}

/// The explanations that changed, Japanese then English, by name: `explanation`,
/// `explanation-en`.
fn explanations(r: &RequirementDiff) -> impl Iterator<Item = (&'static str, &[Chunk])> {
    [
        ("explanation", r.explanation.as_deref()),
        ("explanation-en", r.explanation_en.as_deref()),
    ]
    .into_iter()
    .filter_map(|(name, chunks)| Some((name, chunks?)))
}

/// A name, English name and address that changed, as `<prefix>name: before → after`.
fn names(prefix: &str, names: &NamesDiff, lines: &mut Vec<String>) {
    if let Some(change) = &names.name {
        lines.push(format!("{prefix}name: {}", arrow(change, Clone::clone)));
    }
    if let Some(change) = &names.name_en {
        let change = arrow(change, |v| optional(v.as_ref()));
        lines.push(format!("{prefix}name-en: {change}"));
    }
    if let Some(change) = &names.url {
        let change = arrow(change, |v| optional(v.as_ref()));
        lines.push(format!("{prefix}url: {change}"));
    }
}

/// The published fields of a service that changed, as `name: before → after`.
fn service_fields(service: &ServiceDiff) -> Vec<String> {
    let mut lines = Vec::new();
    names("", &service.names, &mut lines);
    if let Some(change) = &service.as_of {
        lines.push(format!("as-of: {}", arrow(change, ToString::to_string)));
    }
    if let Some(change) = &service.reviewed_by {
        lines.push(format!(
            "reviewed-by: {}",
            arrow(change, |v| optional(v.as_ref()))
        ));
    }
    if let Some(change) = &service.approved_by {
        lines.push(format!(
            "approved-by: {}",
            arrow(change, |v| optional(
                v.as_ref().map(Approval::line).as_ref()
            ))
        ));
    }
    if let Some(change) = &service.next_review {
        lines.push(format!(
            "next-review: {}",
            arrow(change, |v| optional(v.map(|d| d.to_string()).as_ref()))
        ));
    }
    for f in &service.facts {
        lines.push(format!("fact {}: {} → {}", f.id, fact(f.from), fact(f.to)));
    }
    lines
}

/// The changes outside the services, as `name: before → after`.
fn assessment_fields(diff: &Diff) -> Vec<String> {
    let mut lines = Vec::new();
    names("organization ", &diff.organization, &mut lines);
    if let Some(change) = &diff.checklist {
        lines.push(format!("checklist: {}", arrow(change, Clone::clone)));
    }
    if let Some(change) = &diff.checklist_title {
        lines.push(format!(
            "{}: {}",
            t!("diff.checklist-title"),
            arrow(change, |t| t.ja.clone())
        ));
    }
    if diff.checklist_content {
        lines.push(t!("diff.checklist-content"));
    }
    lines
}

/// An evidence change in one line.
fn evidence_line(e: &EvidenceDiff) -> String {
    let visibility = if e.public {
        String::new()
    } else {
        format!(" {}", t!("diff.internal"))
    };
    let kind = e.kind.map_or("evidence", EvidenceKind::as_str);
    let fields: Vec<String> = e
        .fields
        .iter()
        .map(|(name, change)| match *name {
            "contents" => t!("diff.contents"),
            _ => format!("{name}: {}", arrow(change, |v| optional(v.as_ref()))),
        })
        .collect();
    if fields.is_empty() {
        format!("{}: {kind} {}{visibility}", evidence(e.change), e.what)
    } else {
        format!(
            "{}: {kind} {}{visibility} ({})",
            evidence(e.change),
            e.what,
            fields.join("; ")
        )
    }
}

fn arrow<T>(change: &Change<T>, show: impl Fn(&T) -> String) -> String {
    format!("{} → {}", show(&change.from), show(&change.to))
}

/// Colours for a terminal, or none for a pipe.
struct Paint {
    color: bool,
}

impl Paint {
    fn with(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }

    fn red(&self, text: &str) -> String {
        self.with(Style::new().fg_color(Some(AnsiColor::Red.into())), text)
    }

    fn green(&self, text: &str) -> String {
        self.with(Style::new().fg_color(Some(AnsiColor::Green.into())), text)
    }

    fn bold(&self, text: &str) -> String {
        self.with(Style::new().bold(), text)
    }

    /// A character diff: coloured, or marked `[-deleted-]{+inserted+}`.
    fn chunks(&self, chunks: &[crate::compare::Chunk]) -> String {
        let red = Style::new().fg_color(Some(AnsiColor::Red.into()));
        let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
        chunks
            .iter()
            .map(|chunk| match chunk.kind {
                ChunkKind::Equal => chunk.text.clone(),
                ChunkKind::Delete if self.color => self.with(red.strikethrough(), &chunk.text),
                ChunkKind::Insert if self.color => self.with(green.underline(), &chunk.text),
                ChunkKind::Delete => format!("[-{}-]", chunk.text),
                ChunkKind::Insert => format!("{{+{}+}}", chunk.text),
            })
            .collect()
    }
}

fn requirement_text(out: &mut String, r: &RequirementDiff, paint: &Paint) {
    let name = requirement_name(&r.number, &r.id, r.was.as_ref());
    let _ = writeln!(out, "  {}", paint.bold(&name));
    for line in requirement_fields(r) {
        let _ = writeln!(out, "    {line}");
    }
    for (label, chunks) in explanations(r) {
        let line = paint.chunks(chunks);
        let indent = " ".repeat(label.chars().count() + 6);
        let _ = writeln!(
            out,
            "    {label}: {}",
            line.replace('\n', &format!("\n{indent}"))
        );
    }
    for e in &r.evidence {
        let sign = match e.change {
            EvidenceChange::Added => paint.green("+"),
            EvidenceChange::Removed => paint.red("-"),
            EvidenceChange::Changed | EvidenceChange::Expired => paint.red("!"),
        };
        let _ = writeln!(out, "    {sign} {}", evidence_line(e));
    }
}

/// `checksheet diff` for a terminal (coloured when `color`) or a pipe.
pub fn diff_text(diff: &Diff, color: bool) -> String {
    let paint = Paint { color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&format!("{} → {}", diff.from, diff.to))
    );
    for line in assessment_fields(diff) {
        let _ = writeln!(out, "{line}");
    }
    for id in &diff.requirements_added {
        let _ = writeln!(
            out,
            "  {} {}",
            paint.green("+"),
            t!("diff.requirement", id = id)
        );
    }
    for id in &diff.requirements_removed {
        let _ = writeln!(
            out,
            "  {} {}",
            paint.red("-"),
            t!("diff.requirement", id = id)
        );
    }
    for (old, new) in &diff.requirements_renamed {
        let _ = writeln!(out, "  {}", t!("diff.renamed", old = old, new = new));
    }
    for w in &diff.requirements_changed {
        let name = requirement_name(&w.number, &w.id, w.was.as_ref());
        let _ = writeln!(out, "  {}", paint.bold(&t!("diff.requirement", id = name)));
        for line in wording_fields(w) {
            let _ = writeln!(out, "    {line}");
        }
    }
    for service in &diff.services {
        out.push('\n');
        let title = paint.bold(&format!("{} ({})", service.title, service.id));
        match service.change {
            ServiceChange::Added => {
                let _ = writeln!(out, "{} {title}", paint.green(&t!("diff.plus-service")));
                continue;
            }
            ServiceChange::Removed => {
                let _ = writeln!(out, "{} {title}", paint.red(&t!("diff.minus-service")));
                continue;
            }
            ServiceChange::Changed => {
                let _ = writeln!(out, "{title}");
            }
        }
        for line in service_fields(service) {
            let _ = writeln!(out, "  {line}");
        }
        for r in &service.requirements {
            requirement_text(&mut out, r, &paint);
        }
    }
    let _ = writeln!(out, "\n{}", t!("diff.summary", summary = summary(diff)));
    out
}

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// `checksheet diff --format markdown`, for a review or a pull request.
pub fn diff_markdown(diff: &Diff) -> String {
    let mut out = format!(
        "# {}\n\n",
        t!(
            "diff.markdown-title",
            from = cell(&diff.from),
            to = cell(&diff.to)
        )
    );
    let start = out.len();
    for line in assessment_fields(diff) {
        let _ = writeln!(out, "- {}", cell(&line));
    }
    for id in &diff.requirements_added {
        let _ = writeln!(out, "- {}", t!("diff.requirement-added", id = id));
    }
    for id in &diff.requirements_removed {
        let _ = writeln!(out, "- {}", t!("diff.requirement-removed", id = id));
    }
    for (old, new) in &diff.requirements_renamed {
        let _ = writeln!(
            out,
            "- {}",
            t!("diff.requirement-renamed", old = old, new = new)
        );
    }
    for w in &diff.requirements_changed {
        let name = requirement_name(&w.number, &w.id, w.was.as_ref());
        let _ = writeln!(out, "- {}", t!("diff.requirement", id = cell(&name)));
        for line in wording_fields(w) {
            let _ = writeln!(out, "  - {}", cell(&line));
        }
    }
    if out.len() > start {
        out.push('\n');
    }
    for service in &diff.services {
        let _ = writeln!(out, "## {} (`{}`)\n", service.title, service.id);
        match service.change {
            ServiceChange::Added => {
                let _ = writeln!(out, "{}\n", t!("diff.service-added"));
                continue;
            }
            ServiceChange::Removed => {
                let _ = writeln!(out, "{}\n", t!("diff.service-removed"));
                continue;
            }
            ServiceChange::Changed => {}
        }
        for line in service_fields(service) {
            let _ = writeln!(out, "- {}", cell(&line));
        }
        if !service.requirements.is_empty() {
            let _ = write!(out, "\n| {} |\n|---|---|\n", t!("diff.table-head"));
        }
        for r in &service.requirements {
            let mut changes: Vec<String> = requirement_fields(r).iter().map(|l| cell(l)).collect();
            for (label, chunks) in explanations(r) {
                let text: String = chunks
                    .iter()
                    .map(|chunk| match chunk.kind {
                        ChunkKind::Equal => cell(&chunk.text),
                        ChunkKind::Delete => format!("~~{}~~", cell(&chunk.text)),
                        ChunkKind::Insert => format!("**{}**", cell(&chunk.text)),
                    })
                    .collect();
                changes.push(format!("{label}: {text}"));
            }
            for e in &r.evidence {
                changes.push(cell(&evidence_line(e)));
            }
            let _ = writeln!(out, "| `{}` | {} |", r.id, changes.join("<br>"));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "**{}** {}", t!("diff.summary-label"), summary(diff));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks() -> Vec<Chunk> {
        vec![
            Chunk {
                kind: ChunkKind::Equal,
                text: "年".into(),
            },
            Chunk {
                kind: ChunkKind::Delete,
                text: "1".into(),
            },
            Chunk {
                kind: ChunkKind::Insert,
                text: "2".into(),
            },
        ]
    }

    #[test]
    fn every_kind_of_change_is_worded_in_both_languages() {
        use crate::i18n::{Language, text_in};
        for (name, _) in Counts::default().named() {
            for language in [Language::Ja, Language::En] {
                let key = format!("change.{name}");
                assert_ne!(text_in(language, &key, &[]), key, "{language:?}");
                // The pages word the counts too.
                let shown = crate::labels::count(name, 1, language);
                assert!(!shown.starts_with(name), "{shown} on the {language:?} page");
            }
        }
    }

    #[test]
    fn a_pipe_gets_plain_markers() {
        assert_eq!(Paint { color: false }.chunks(&chunks()), "年[-1-]{+2+}");
    }

    #[test]
    fn a_terminal_gets_colours() {
        let text = Paint { color: true }.chunks(&chunks());
        assert!(text.contains("\u{1b}["), "{text:?}");
        assert!(!text.contains("[-"), "{text:?}");
    }
}
