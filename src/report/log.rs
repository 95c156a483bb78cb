//! `log` as text.

use std::fmt::Write as _;

use super::diff::counted;
use crate::audit::{LogEntry, LogEvent, LogSummary};
use crate::labels;
use crate::model::Language;

/// A revision's change in one line: `+1 対応済, −1 未対応, 1 explanation`.
pub fn log_summary(summary: &LogSummary) -> String {
    match summary.event {
        LogEvent::Created => return "assessment created".to_owned(),
        LogEvent::Removed => return "assessment removed".to_owned(),
        LogEvent::Unusable => {
            return format!(
                "unusable input: {}",
                summary.problem.as_deref().unwrap_or_default()
            );
        }
        LogEvent::AfterUnusable => {
            return "the previous revision's assessment was unusable".to_owned();
        }
        LogEvent::HistoryNotFetched => {
            return "earlier history not fetched (shallow clone)".to_owned();
        }
        LogEvent::Changed => {}
    }
    let mut parts: Vec<String> = summary
        .statuses
        .iter()
        .map(|(key, delta)| {
            let label = labels::shown_label(key, Language::Ja);
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
        "no change in the check sheet".to_owned()
    } else {
        parts.join(", ")
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
    }
    if entries.is_empty() {
        out.push_str("no commit has changed the assessment yet\n");
    }
    out
}
