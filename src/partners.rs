//! `partners check`: each partner's published check sheet, verified as `verify` does, with
//! the as-of date and open gaps of each of its sheets and whether it is older than a limit:
//! the evidence a provider needs before linking data with another operator
//! (io-partner-check).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;
use crate::model::Partner;
use crate::verify::{self, SiteSheet, Verification};

/// How old a partner's sheet may be: a number and a unit (`1y`, `6mo`, `90d`, `2w`, `1年`,
/// `6か月`).
#[derive(Clone, Copy, Debug)]
pub struct MaxAge {
    span: jiff::Span,
    text_count: i64,
    unit: Unit,
}

#[derive(Clone, Copy, Debug)]
enum Unit {
    Years,
    Months,
    Weeks,
    Days,
}

impl std::str::FromStr for MaxAge {
    type Err = String;

    fn from_str(text: &str) -> Result<MaxAge, String> {
        let text = text.trim();
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let count: i64 = number
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| t!("partners.bad-max-age", given = text))?;
        let unit = match unit.trim().to_lowercase().as_str() {
            "y" | "year" | "years" | "年" => Unit::Years,
            "mo" | "month" | "months" | "か月" | "ヶ月" | "ヵ月" | "カ月" => Unit::Months,
            "w" | "week" | "weeks" | "週" | "週間" => Unit::Weeks,
            "d" | "day" | "days" | "日" => Unit::Days,
            _ => return Err(t!("partners.bad-max-age", given = text)),
        };
        let span = match unit {
            Unit::Years => jiff::Span::new().try_years(count),
            Unit::Months => jiff::Span::new().try_months(count),
            Unit::Weeks => jiff::Span::new().try_weeks(count),
            Unit::Days => jiff::Span::new().try_days(count),
        }
        .map_err(|_| t!("partners.bad-max-age", given = text))?;
        Ok(MaxAge {
            span,
            text_count: count,
            unit,
        })
    }
}

impl MaxAge {
    /// The limit as the option takes it: `1y`, `6mo`, `2w`, `90d`.
    pub fn code(&self) -> String {
        let unit = match self.unit {
            Unit::Years => "y",
            Unit::Months => "mo",
            Unit::Weeks => "w",
            Unit::Days => "d",
        };
        format!("{}{unit}", self.text_count)
    }
}

impl std::fmt::Display for MaxAge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::span(self.span))
    }
}

/// One partner, checked.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct PartnerReport {
    pub id: String,
    pub name: String,
    pub url: String,
    /// What a `partner-check` evidence entry records: `verified` when the site verified,
    /// is not older than a publication seen before, and every sheet is within the age
    /// limit; `stale` when it verified but a sheet is older than that; else
    /// `not-verified`.
    pub result: &'static str,
    /// Why the site could not be checked at all, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
    /// The verification of the site, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// The latest publication of the partner seen before this check, when the site is an
    /// older one: a site rolled back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolled_back_from: Option<Seen>,
    /// The partner's current sheets.
    pub sheets: Vec<PartnerSheet>,
}

/// The latest publication of a partner that a check has seen verified, as the assessment's
/// [`SEEN_FILE`] keeps it, so that a site rolled back to an older publication is noticed
/// by whoever in the team checks next.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Seen {
    pub sequence: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    pub manifest_sha256: String,
    pub checked: Date,
}

/// The file in the assessment folder that keeps, for each partner, the latest publication
/// a check has seen; meant to be committed.
pub const SEEN_FILE: &str = "partners-seen.yaml";

/// What [`SEEN_FILE`] holds, by partner id; nothing when there is no such file.
fn read_seen(dir: &Path) -> Result<BTreeMap<String, Seen>, Error> {
    let files = crate::load::Disk::new(dir);
    let bytes = match crate::load::read_bytes(&files, SEEN_FILE, true) {
        Ok(bytes) => bytes,
        Err(problem) if problem.code == "missing-file" => return Ok(BTreeMap::new()),
        Err(problem) => return Err(Error::input(problem)),
    };
    let shown = crate::load::display(dir, SEEN_FILE);
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::input(
            Diagnostic::new(
                "invalid-seen",
                t!("partners.seen-invalid", file = shown, reason = "UTF-8"),
            )
            .help(t!("partners.seen-invalid-help", file = shown)),
        )
    })?;
    serde_yaml::from_str::<Option<BTreeMap<String, Seen>>>(&text)
        .map(Option::unwrap_or_default)
        .map_err(|e| {
            Error::input(
                Diagnostic::new(
                    "invalid-seen",
                    t!("partners.seen-invalid", file = shown, reason = e),
                )
                .help(t!("partners.seen-invalid-help", file = shown)),
            )
        })
}

/// Writes `seen` to [`SEEN_FILE`] in `dir`, whole or not at all.
fn write_seen(dir: &Path, seen: &BTreeMap<String, Seen>) -> Result<(), Error> {
    let mut text = String::new();
    for line in t!("partners.seen-header").lines() {
        let _ = writeln!(text, "# {line}");
    }
    text.push_str(&serde_yaml::to_string(seen).expect("plain values serialize"));
    crate::write::replace_file(&dir.join(SEEN_FILE), text.as_bytes())
}

/// One of a partner's published sheets.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct PartnerSheet {
    #[serde(flatten)]
    pub sheet: SiteSheet,
    /// Older than the age limit on the day of the check.
    pub stale: bool,
}

impl PartnerReport {
    pub fn verified(&self) -> bool {
        self.result == "verified"
    }
}

/// Checks every partner of the assessment in `dir` on `today`, allowing sheets up to
/// `max_age` old, against the publications seen before (and remembers the newer ones). A
/// partner whose site cannot be read is reported, not an error.
pub fn check(
    dir: &Path,
    partners: &[Partner],
    max_age: MaxAge,
    today: Date,
) -> Result<Vec<PartnerReport>, Error> {
    let mut seen = read_seen(dir)?;
    let before = seen.clone();
    let mut reports = Vec::new();
    for partner in partners {
        let allowed = partner
            .allowed_signers
            .as_ref()
            .map(|path| crate::sign::allowed_signers_of(dir, path))
            .transpose()?;
        let mut report = PartnerReport {
            id: partner.id.clone(),
            name: partner.name.clone(),
            url: partner.url.clone(),
            result: "not-verified",
            unavailable: None,
            verification: None,
            rolled_back_from: None,
            sheets: Vec::new(),
        };
        match verify::site(&partner.url, allowed.as_ref(), None, None) {
            Ok(mut verification) => {
                report.sheets = sheets(&mut verification, max_age, today);
                let earlier = seen.get(&partner.id);
                let sequence = verification.publication.as_ref().map(|p| p.sequence);
                if let (Some(earlier), Some(sequence)) = (earlier, sequence)
                    && sequence < earlier.sequence
                {
                    report.rolled_back_from = Some(earlier.clone());
                }
                if verification.verified() && report.rolled_back_from.is_none() {
                    let current =
                        !report.sheets.is_empty() && report.sheets.iter().all(|s| !s.stale);
                    report.result = if current { "verified" } else { "stale" };
                    if let Some(publication) = &verification.publication {
                        let newer = earlier.is_none_or(|e| publication.sequence > e.sequence);
                        if newer {
                            seen.insert(
                                partner.id.clone(),
                                Seen {
                                    sequence: publication.sequence,
                                    tag: publication.tag.clone(),
                                    manifest_sha256: verification.manifest_sha256.clone(),
                                    checked: today,
                                },
                            );
                        }
                    }
                }
                report.verification = Some(verification);
            }
            Err(Error::Input(problems)) => {
                report.unavailable = Some(
                    problems
                        .first()
                        .map_or_else(String::new, |p| p.message.clone()),
                );
            }
            Err(error) => return Err(error),
        }
        reports.push(report);
    }
    if seen != before {
        write_seen(dir, &seen)?;
    }
    Ok(reports)
}

/// The sheets a verified site publishes, each with whether it is older than `max_age` on
/// `today`.
fn sheets(verification: &mut Verification, max_age: MaxAge, today: Date) -> Vec<PartnerSheet> {
    std::mem::take(&mut verification.services)
        .into_iter()
        .map(|sheet| PartnerSheet {
            stale: sheet.as_of.is_none_or(|as_of| {
                as_of
                    .checked_add(max_age.span)
                    .is_ok_and(|fresh_until| fresh_until < today)
            }),
            sheet,
        })
        .collect()
}

/// The reports in words, with the evidence entry to record for each partner.
pub fn text(reports: &[PartnerReport], max_age: MaxAge, today: Date) -> String {
    let mut out = String::new();
    for report in reports {
        let _ = writeln!(out, "{} ({}) {}", report.name, report.id, report.url);
        if let Some(reason) = &report.unavailable {
            let _ = writeln!(out, "  {}", t!("partners.unavailable", reason = reason));
        }
        if let Some(verification) = &report.verification {
            for line in verify::text(verification).lines() {
                let _ = writeln!(out, "  {line}");
            }
        }
        if let Some(earlier) = &report.rolled_back_from {
            let now = report
                .verification
                .as_ref()
                .and_then(|v| v.publication.as_ref());
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    "partners.rolled-back",
                    sequence = now.map_or(0, |p| p.sequence),
                    tag = now.and_then(|p| p.tag.as_deref()).unwrap_or("-"),
                    seen = earlier.sequence,
                    seen_tag = earlier.tag.as_deref().unwrap_or("-"),
                    checked = earlier.checked,
                    file = SEEN_FILE
                )
            );
        } else if report
            .verification
            .as_ref()
            .is_some_and(|v| v.publication.is_none())
        {
            let _ = writeln!(out, "  {}", t!("partners.no-sequence"));
        }
        for sheet in &report.sheets {
            let as_of = sheet
                .sheet
                .as_of
                .map_or_else(|| "?".to_owned(), |d| d.to_string());
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    "partners.sheet",
                    name = sheet.sheet.name,
                    as_of = as_of,
                    gaps = sheet.sheet.gaps,
                    unanswered = sheet.sheet.unanswered
                )
            );
            if sheet.stale {
                let _ = writeln!(
                    out,
                    "    {}",
                    t!("partners.stale", age = max_age, today = today)
                );
            }
        }
        if report.verification.is_some() && report.sheets.is_empty() {
            let _ = writeln!(out, "  {}", t!("partners.no-sheets"));
        }
        let result = match report.result {
            "verified" => t!("partners.verified"),
            "stale" => t!("partners.result-stale"),
            _ => t!("partners.not-verified"),
        };
        let _ = writeln!(out, "  {result}");
        let _ = writeln!(
            out,
            "  {}\n    - partner-check: {{partner: {}, checked: {today}, result: {}}}\n",
            t!("partners.record"),
            report.id,
            report.result
        );
    }
    out
}

/// `partners check` in an assessment that lists no partners.
pub fn no_partners() -> Error {
    Error::input(Diagnostic::new("no-partners", t!("partners.none")).help(t!("partners.none-help")))
}
