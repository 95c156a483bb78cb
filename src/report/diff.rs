//! `diff` and `log` as text and Markdown.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::audit::LogEntry;
use crate::compare::{Change, ChunkKind, Diff, EvidenceChange, ServiceChange};
use crate::model::{Obligation, Status};

fn obligation(obligation: Option<Obligation>) -> &'static str {
    obligation.map_or("not applicable", Obligation::as_str)
}

fn fact(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "true",
        Some(false) => "false",
        None => "unanswered",
    }
}

fn evidence(change: EvidenceChange) -> &'static str {
    match change {
        EvidenceChange::Added => "added",
        EvidenceChange::Removed => "removed",
        EvidenceChange::Changed => "changed",
        EvidenceChange::Expired => "expired",
    }
}

/// The summary line: how many changes of each kind.
pub fn summary(diff: &Diff) -> String {
    let s = &diff.summary;
    let parts: Vec<String> = [
        (s.checklist, "checklist edition"),
        (s.as_of, "as-of date"),
        (s.status, "status"),
        (s.obligation, "obligation or applicability"),
        (s.explanation, "explanation"),
        (s.evidence_added, "evidence added"),
        (s.evidence_removed, "evidence removed"),
        (s.evidence_changed, "evidence changed"),
        (s.evidence_expired, "evidence expired"),
        (s.facts, "fact"),
        (s.services_added, "service added"),
        (s.services_removed, "service removed"),
        (s.requirements_added, "requirement added"),
        (s.requirements_removed, "requirement removed"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, what)| format!("{count} {what}"))
    .collect();
    if parts.is_empty() {
        "no changes".to_owned()
    } else {
        parts.join(", ")
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

fn requirement_text(out: &mut String, r: &crate::compare::RequirementDiff, paint: &Paint) {
    let name = match &r.was {
        Some(was) => format!("{} (was {was})", r.id),
        None => r.id.clone(),
    };
    let _ = writeln!(out, "  {}", paint.bold(&name));
    if let Some(change) = &r.status {
        let _ = writeln!(
            out,
            "    status: {}",
            arrow(change, |s| Status::label_ja_of(*s).to_owned())
        );
    }
    if let Some(change) = &r.obligation {
        let _ = writeln!(
            out,
            "    obligation: {}",
            arrow(change, |o| obligation(*o).to_owned())
        );
    } else if let Some(change) = &r.applies {
        let _ = writeln!(
            out,
            "    applies: {}",
            arrow(change, |a| fact(*a).to_owned())
        );
    }
    if let Some(chunks) = &r.explanation {
        let line = paint.chunks(chunks);
        let _ = writeln!(
            out,
            "    explanation: {}",
            line.replace('\n', "\n                 ")
        );
    }
    for e in &r.evidence {
        let sign = match e.change {
            EvidenceChange::Added => paint.green("+"),
            EvidenceChange::Removed => paint.red("-"),
            EvidenceChange::Changed | EvidenceChange::Expired => paint.red("!"),
        };
        let visibility = if e.public { "" } else { " (internal)" };
        let _ = writeln!(
            out,
            "    {sign} evidence {}: {}{visibility}",
            evidence(e.change),
            e.what
        );
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
    if let Some(checklist) = &diff.checklist {
        let _ = writeln!(out, "checklist: {}", arrow(checklist, Clone::clone));
        for id in &diff.requirements_added {
            let _ = writeln!(out, "  {} requirement {id}", paint.green("+"));
        }
        for id in &diff.requirements_removed {
            let _ = writeln!(out, "  {} requirement {id}", paint.red("-"));
        }
        for (old, new) in &diff.requirements_renamed {
            let _ = writeln!(out, "  requirement {old} is now {new}");
        }
    }
    for service in &diff.services {
        out.push('\n');
        let title = paint.bold(&format!("{} ({})", service.name, service.id));
        match service.change {
            ServiceChange::Added => {
                let _ = writeln!(out, "{} {title}", paint.green("+ service"));
                continue;
            }
            ServiceChange::Removed => {
                let _ = writeln!(out, "{} {title}", paint.red("- service"));
                continue;
            }
            ServiceChange::Changed => {
                let _ = writeln!(out, "{title}");
            }
        }
        if let Some(as_of) = &service.as_of {
            let _ = writeln!(out, "  as-of: {}", arrow(as_of, Clone::clone));
        }
        for f in &service.facts {
            let _ = writeln!(out, "  fact {}: {} → {}", f.id, fact(f.from), fact(f.to));
        }
        for r in &service.requirements {
            requirement_text(&mut out, r, &paint);
        }
    }
    let _ = writeln!(out, "\nsummary: {}", summary(diff));
    out
}

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// `checksheet diff --format markdown`, for a review or a pull request.
pub fn diff_markdown(diff: &Diff) -> String {
    let mut out = format!(
        "# checksheet diff: {} → {}\n\n",
        cell(&diff.from),
        cell(&diff.to)
    );
    if let Some(checklist) = &diff.checklist {
        let _ = writeln!(out, "Checklist: {}\n", arrow(checklist, Clone::clone));
        for id in &diff.requirements_added {
            let _ = writeln!(out, "- requirement added: `{id}`");
        }
        for id in &diff.requirements_removed {
            let _ = writeln!(out, "- requirement removed: `{id}`");
        }
        for (old, new) in &diff.requirements_renamed {
            let _ = writeln!(out, "- requirement renamed: `{old}` → `{new}`");
        }
        out.push('\n');
    }
    for service in &diff.services {
        let _ = writeln!(out, "## {} (`{}`)\n", service.name, service.id);
        match service.change {
            ServiceChange::Added => {
                out.push_str("Service added.\n\n");
                continue;
            }
            ServiceChange::Removed => {
                out.push_str("Service removed.\n\n");
                continue;
            }
            ServiceChange::Changed => {}
        }
        if let Some(as_of) = &service.as_of {
            let _ = writeln!(out, "- as-of: {}", arrow(as_of, Clone::clone));
        }
        for f in &service.facts {
            let _ = writeln!(out, "- fact `{}`: {} → {}", f.id, fact(f.from), fact(f.to));
        }
        if !service.requirements.is_empty() {
            out.push_str("\n| requirement | change |\n|---|---|\n");
        }
        for r in &service.requirements {
            let mut changes: Vec<String> = Vec::new();
            if let Some(c) = &r.status {
                changes.push(format!(
                    "status: {}",
                    arrow(c, |s| Status::label_ja_of(*s).to_owned())
                ));
            }
            if let Some(c) = &r.obligation {
                changes.push(format!(
                    "obligation: {}",
                    arrow(c, |o| obligation(*o).to_owned())
                ));
            }
            if let Some(chunks) = &r.explanation {
                let text: String = chunks
                    .iter()
                    .map(|chunk| match chunk.kind {
                        ChunkKind::Equal => cell(&chunk.text),
                        ChunkKind::Delete => format!("~~{}~~", cell(&chunk.text)),
                        ChunkKind::Insert => format!("**{}**", cell(&chunk.text)),
                    })
                    .collect();
                changes.push(format!("explanation: {text}"));
            }
            for e in &r.evidence {
                let visibility = if e.public { "" } else { " (internal)" };
                changes.push(format!(
                    "evidence {}: {}{visibility}",
                    evidence(e.change),
                    cell(&e.what)
                ));
            }
            let _ = writeln!(out, "| `{}` | {} |", r.id, changes.join("<br>"));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "**Summary:** {}", summary(diff));
    out
}

/// `checksheet log` as text.
pub fn log_text(entries: &[LogEntry]) -> String {
    let mut out = String::new();
    for entry in entries {
        let _ = writeln!(
            out,
            "{} {} {}\n    {}\n    {}",
            &entry.commit[..entry.commit.len().min(10)],
            entry.date,
            entry.author,
            entry.message,
            entry.summary
        );
    }
    if entries.is_empty() {
        out.push_str("no commit has changed the assessment yet\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Chunk;

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
