//! `log` as text.

use std::fmt::Write as _;

use super::diff::counted;
use crate::audit::{LogEntry, LogEvent, LogSummary};
use crate::i18n::{self, t};
use crate::labels;

/// A revision's change in one line: `+1 対応済, −1 未対応, 1 explanation`.
pub fn log_summary(summary: &LogSummary) -> String {
    match summary.event {
        LogEvent::Created => return t!("log.created"),
        LogEvent::Removed => return t!("log.removed"),
        LogEvent::Unusable => {
            return t!(
                "log.unusable",
                problem = summary.problem.as_deref().unwrap_or_default()
            );
        }
        LogEvent::AfterUnusable => {
            return t!("log.after-unusable");
        }
        LogEvent::HistoryNotFetched => {
            return t!("log.shallow");
        }
        LogEvent::Changed => {}
    }
    let mut parts: Vec<String> = summary
        .statuses
        .iter()
        .map(|(key, delta)| {
            let label = labels::shown_label(key, i18n::language());
            if *delta > 0 {
                format!("+{delta} {label}")
            } else {
                format!("−{} {label}", -delta)
            }
        })
        .collect();
    let mut rest = summary.counts.clone();
    // Status changes are said by the status counts already.
    rest.status = 0;
    if let Some(counts) = counted(&rest) {
        parts.push(counts);
    }
    if parts.is_empty() {
        t!("log.no-change")
    } else {
        parts.join(t!("list.separator").as_str())
    }
}

/// `checksheet log` as text.
pub fn log_text(entries: &[LogEntry]) -> String {
    let mut out = String::new();
    for entry in entries {
        let _ = writeln!(
            out,
            "{} {} {}\n    {}\n    {}",
            &entry.commit[..entry.commit.len().min(10)],
            entry
                .date
                .get(..16)
                .unwrap_or(&entry.date)
                .replace('T', " "),
            entry.author,
            entry.message,
            log_summary(&entry.summary)
        );
        for publication in &entry.publications {
            let _ = writeln!(out, "    {}", publication.describe());
        }
    }
    if entries.is_empty() {
        let _ = writeln!(out, "{}", t!("log.none"));
    }
    out
}
