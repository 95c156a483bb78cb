//! `partners check`: each partner's published check sheet, verified as `verify` does, with
//! the as-of date and open gaps of each of its sheets and whether it is older than a limit:
//! the evidence a provider needs before linking data with another operator
//! (io-partner-check).

use std::fmt::Write as _;
use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;
use crate::model::Partner;
use crate::verify::{self, Verification};

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
    /// `verified` when the site verified and every sheet is within the age limit, else
    /// `not-verified`: what a `partner-check` evidence entry records.
    pub result: &'static str,
    /// Why the site could not be checked at all, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
    /// The verification of the site, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// The partner's current sheets.
    pub sheets: Vec<PartnerSheet>,
}

/// One of a partner's published sheets.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct PartnerSheet {
    pub service: String,
    pub name: String,
    pub as_of: Option<Date>,
    /// Applicable requirements not met.
    pub gaps: u64,
    /// Requirements not yet answered.
    pub unanswered: u64,
    /// Older than the age limit on the day of the check.
    pub stale: bool,
}

impl PartnerReport {
    pub fn verified(&self) -> bool {
        self.result == "verified"
    }
}

/// Checks every partner of the assessment in `dir` on `today`, allowing sheets up to
/// `max_age` old. A partner whose site cannot be read is reported, not an error.
pub fn check(
    dir: &Path,
    partners: &[Partner],
    max_age: MaxAge,
    today: Date,
) -> Result<Vec<PartnerReport>, Error> {
    let mut reports = Vec::new();
    for partner in partners {
        let allowed = partner
            .allowed_signers
            .as_ref()
            .map(|path| crate::sign::allowed_signers(&dir.join(path)))
            .transpose()?;
        let mut report = PartnerReport {
            id: partner.id.clone(),
            name: partner.name.clone(),
            url: partner.url.clone(),
            result: "not-verified",
            unavailable: None,
            verification: None,
            sheets: Vec::new(),
        };
        match verify::site(&partner.url, allowed.as_ref(), None, None) {
            Ok(verification) => {
                report.sheets = sheets(&verification, max_age, today);
                let current = !report.sheets.is_empty() && report.sheets.iter().all(|s| !s.stale);
                if verification.verified() && current {
                    report.result = "verified";
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
    Ok(reports)
}

/// The sheets a verified site publishes, read from their `checksheet.json`.
fn sheets(verification: &Verification, max_age: MaxAge, today: Date) -> Vec<PartnerSheet> {
    verification
        .sheets
        .iter()
        .filter_map(|(path, bytes)| {
            let data: serde_json::Value = serde_json::from_slice(bytes).ok()?;
            let as_of: Option<Date> = data["as-of"].as_str().and_then(|d| d.parse().ok());
            Some(PartnerSheet {
                service: data["service"]["id"].as_str().map_or_else(
                    || path.trim_end_matches("/checksheet.json").to_owned(),
                    str::to_owned,
                ),
                // The name in the reader's language where the partner gives one.
                name: match crate::i18n::language() {
                    crate::model::Language::En => data["service"]["name-en"].as_str(),
                    crate::model::Language::Ja => None,
                }
                .or(data["service"]["name"].as_str())
                .unwrap_or_default()
                .to_owned(),
                stale: as_of.is_none_or(|as_of| {
                    as_of
                        .checked_add(max_age.span)
                        .is_ok_and(|fresh_until| fresh_until < today)
                }),
                as_of,
                gaps: data["summary"]["gap"].as_u64().unwrap_or_default(),
                unanswered: data["summary"]["unanswered"].as_u64().unwrap_or_default(),
            })
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
        for sheet in &report.sheets {
            let as_of = sheet
                .as_of
                .map_or_else(|| "?".to_owned(), |d| d.to_string());
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    "partners.sheet",
                    name = sheet.name,
                    as_of = as_of,
                    gaps = sheet.gaps,
                    unanswered = sheet.unanswered
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
        let result = if report.verified() {
            t!("partners.verified")
        } else {
            t!("partners.not-verified")
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
