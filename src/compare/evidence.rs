//! Comparing the evidence of one requirement at two revisions: entries added, removed,
//! changed field by field (contents of files included) or expired.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Change, Counts};
use crate::model::{Evidence, EvidenceKind, Language};
use crate::sheet::{Code, EvidenceRow, Row};

/// What happened to a piece of evidence.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceChange {
    Added,
    Removed,
    /// A field, or a file's contents, differ.
    Changed,
    /// A certificate valid at the earlier as-of and expired at the later one.
    Expired,
}

/// A piece of evidence that came, went, changed or expired.
#[derive(Debug, Serialize)]
pub struct EvidenceDiff {
    pub change: EvidenceChange,
    /// The kind of evidence.
    pub kind: Option<EvidenceKind>,
    /// The evidence as a short description: path, address, certificate, record date.
    pub what: String,
    /// Whether the published sheet shows it: the newer one, the older for one removed.
    pub public: bool,
    /// Each field that changed, e.g. `title`, `certificate.valid-until`, `contents`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<&'static str, Change<Option<String>>>,
}

/// The short description of an entry, without its kind: the path (the title of a file
/// whose path is not shown), the address, the certificate's scheme and number, the
/// record's date and title.
pub fn describe(evidence: &Evidence) -> String {
    let title = || {
        evidence
            .title
            .as_ref()
            .and_then(|t| t.shown(Language::Ja))
            .map(|(title, _)| title.to_owned())
    };
    if let Some(path) = &evidence.file {
        return if path.is_empty() {
            title().unwrap_or_default()
        } else {
            path.clone()
        };
    }
    if let Some(url) = &evidence.url {
        return url.clone();
    }
    if let Some(c) = &evidence.certificate {
        return match &c.number {
            Some(number) => format!("{} {number}", c.scheme),
            None => c.scheme.clone(),
        };
    }
    if let Some(r) = &evidence.record {
        return match evidence.title.as_ref().and_then(|t| t.shown(Language::Ja)) {
            Some((title, _)) => format!("{} {title}", r.date),
            None => r.date.to_string(),
        };
    }
    if let Some(check) = &evidence.partner_check {
        return format!("{} {}", check.partner, check.checked);
    }
    String::new()
}

/// Every field of an entry, by name, as text; a file's contents by their hash.
fn fields(row: &EvidenceRow) -> BTreeMap<&'static str, String> {
    let e = &row.evidence;
    let mut fields = BTreeMap::new();
    let mut put = |name: &'static str, value: Option<String>| {
        if let Some(value) = value {
            fields.insert(name, value);
        }
    };
    put("file", e.file.clone());
    put("url", e.url.clone());
    let title = |language| Some(e.title.as_ref()?.get(language)?.to_owned());
    put("title", title(Language::Ja));
    put("title-en", title(Language::En));
    put("public", Some(row.public.to_string()));
    put("contents", row.sha256.clone());
    if let Some(c) = &e.certificate {
        put("certificate.scheme", Some(c.scheme.clone()));
        put("certificate.number", c.number.clone());
        put("certificate.issuer", c.issuer.clone());
        put("certificate.scope", c.scope.clone());
        put(
            "certificate.valid-from",
            c.valid_from.map(|d| d.to_string()),
        );
        put(
            "certificate.valid-until",
            c.valid_until.map(|d| d.to_string()),
        );
    }
    if let Some(r) = &e.record {
        put("record.date", Some(r.date.to_string()));
        put("record.summary", r.summary.clone());
    }
    if let Some(check) = &e.partner_check {
        put("partner-check.partner", Some(check.partner.clone()));
        put("partner-check.checked", Some(check.checked.to_string()));
        put(
            "partner-check.result",
            Some(check.result.as_str().to_owned()),
        );
        put("partner-check.summary", check.summary.clone());
    }
    fields
}

/// What identifies an entry across revisions: its path, address, certificate or record
/// date.
fn identity(evidence: &Evidence) -> String {
    if let Some(c) = &evidence.certificate {
        return format!(
            "certificate {} {}",
            c.scheme,
            c.number.as_deref().unwrap_or("")
        );
    }
    if let Some(r) = &evidence.record {
        return format!("record {}", r.date);
    }
    if let Some(check) = &evidence.partner_check {
        return format!("partner-check {} {}", check.partner, check.checked);
    }
    describe(evidence)
}

fn expired(row: &Row, index: usize) -> bool {
    row.findings
        .iter()
        .any(|f| f.code == Code::EvidenceExpired && f.evidence == Some(index))
}

/// Pairs the entries of two rows: same identity first, then the rest of each kind in
/// order, so that an edited address or date reads as a change, not as removed and added.
fn pairs(old: &Row, new: &Row) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut unmatched_old: Vec<usize> = (0..old.evidence.len()).collect();
    let mut unmatched_new = Vec::new();
    let mut pairs = Vec::new();
    for (n, entry) in new.evidence.iter().enumerate() {
        let key = identity(&entry.evidence);
        match unmatched_old
            .iter()
            .position(|&o| identity(&old.evidence[o].evidence) == key)
        {
            Some(at) => pairs.push((unmatched_old.remove(at), n)),
            None => unmatched_new.push(n),
        }
    }
    let mut added = Vec::new();
    for n in unmatched_new {
        let kind: Option<EvidenceKind> = new.evidence[n].kind();
        match unmatched_old
            .iter()
            .position(|&o| old.evidence[o].kind() == kind)
        {
            Some(at) => pairs.push((unmatched_old.remove(at), n)),
            None => added.push(n),
        }
    }
    pairs.sort_by_key(|&(_, n)| n);
    (pairs, added, unmatched_old)
}

/// The evidence changes between two rows of the same requirement.
pub(super) fn compare(old: &Row, new: &Row) -> Vec<EvidenceDiff> {
    let (pairs, added, removed) = pairs(old, new);
    let mut diffs = Vec::new();
    for (o, n) in pairs {
        let (before, after) = (fields(&old.evidence[o]), fields(&new.evidence[n]));
        let mut changes = BTreeMap::new();
        for name in before.keys().chain(after.keys()) {
            let (from, to) = (before.get(name).cloned(), after.get(name).cloned());
            if from != to {
                changes.insert(*name, Change { from, to });
            }
        }
        let now_expired = expired(new, n) && !expired(old, o);
        if changes.is_empty() && !now_expired {
            continue;
        }
        let sides = (old.evidence[o].public, new.evidence[n].public);
        diffs.push(EvidenceDiff {
            change: if changes.is_empty() {
                EvidenceChange::Expired
            } else {
                EvidenceChange::Changed
            },
            kind: new.evidence[n].kind(),
            what: describe(&new.evidence[n].evidence),
            // Marked by what it is now: an entry made internal is internal.
            public: sides.1,
            fields: changes,
        });
    }
    for n in added {
        let public = new.evidence[n].public;
        diffs.push(EvidenceDiff {
            change: EvidenceChange::Added,
            kind: new.evidence[n].kind(),
            what: describe(&new.evidence[n].evidence),
            public,
            fields: BTreeMap::new(),
        });
    }
    for o in removed {
        let public = old.evidence[o].public;
        diffs.push(EvidenceDiff {
            change: EvidenceChange::Removed,
            kind: old.evidence[o].kind(),
            what: describe(&old.evidence[o].evidence),
            public,
            fields: BTreeMap::new(),
        });
    }
    diffs
}

impl EvidenceDiff {
    /// The count this change adds to.
    pub(super) fn count_in<'a>(&self, counts: &'a mut Counts) -> &'a mut usize {
        match self.change {
            EvidenceChange::Added => &mut counts.evidence_added,
            EvidenceChange::Removed => &mut counts.evidence_removed,
            EvidenceChange::Changed => &mut counts.evidence_changed,
            EvidenceChange::Expired => &mut counts.evidence_expired,
        }
    }
}
