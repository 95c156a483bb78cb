//! A checklist: one edition of a guideline's requirements, as declarative data.

use std::sync::Arc;

use jiff::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::answers::EvidenceKind;

/// A text in Japanese and English.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

/// One edition of a guideline, encoded as requirements.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Checklist {
    /// Identifier of the guideline, the same for all its editions, e.g. `phr-basic-guideline`.
    pub id: String,
    /// The edition, usually the month it was issued, e.g. `2021-04`.
    pub edition: String,
    /// The guideline's title.
    pub title: Text,
    /// Who issued the guideline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    /// The date this edition was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// How long before a certificate's `valid-until` `check` starts warning, e.g.
    /// `90 days` (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_warning: Option<Span>,
    /// Every edition of the guideline known when this file was written, this one among
    /// them (`encoded: true`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
    /// The edition that replaced this one, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    /// The scoping questions whose answers decide which requirements apply.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// The requirements, grouped as the guideline groups them.
    pub sections: Vec<Section>,
}

impl Checklist {
    /// `id@edition`.
    pub fn reference(&self) -> String {
        format!("{}@{}", self.id, self.edition)
    }

    /// Every requirement with its section, in checklist order.
    pub fn requirements(&self) -> impl Iterator<Item = (&Section, &Requirement)> {
        self.sections.iter().flat_map(|section| {
            section
                .requirements
                .iter()
                .map(move |r| (section, r.as_ref()))
        })
    }

    /// Every requirement's item number (項番) by id: its `no` when given, else its `cite`
    /// and its place among the requirements citing the same section without a `no`
    /// (`2.1(2)-3`), so that a reader can cite any item.
    pub fn numbers(&self) -> std::collections::HashMap<&str, String> {
        self.numbered()
            .into_iter()
            .map(|(r, number)| (r.id.as_str(), number))
            .collect()
    }

    /// Every requirement with its item number, in checklist order.
    pub fn numbered(&self) -> Vec<(&Requirement, String)> {
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        self.requirements()
            .map(|(_, r)| {
                let number = if let Some(no) = &r.no {
                    no.clone()
                } else {
                    let count = seen.entry(r.cite.as_str()).or_insert(0);
                    *count += 1;
                    format!("{}-{count}", r.cite)
                };
                (r, number)
            })
            .collect()
    }

    /// How long before expiry a certificate is reported as expiring.
    pub fn expiry_warning(&self) -> Span {
        self.expiry_warning.unwrap_or_else(|| Span::new().days(90))
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|fact| fact.id == id)
    }

    /// The edition this file encodes, as its revisions describe it.
    pub fn encoded(&self) -> Option<&Revision> {
        self.revisions.iter().find(|r| r.encoded)
    }

    /// The editions issued after this one.
    pub fn later(&self) -> impl Iterator<Item = &Revision> {
        self.revisions
            .iter()
            .filter(|r| r.edition.as_str() > self.edition.as_str())
    }
}

/// One edition of the guideline.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Revision {
    /// The edition, as the year and month it was issued, e.g. `2025-04`.
    pub edition: String,
    /// The day it was issued, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// The guideline's name in this edition.
    pub name: Text,
    /// The official page announcing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Whether this checklist file encodes this edition.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub encoded: bool,
}

/// A yes/no question about the service that decides which requirements apply.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Fact {
    /// Identifier used in `applies-if` and in answers files, e.g. `uses-mynaportal-api`.
    pub id: String,
    /// The question, answered with true or false.
    pub question: Text,
    /// The answer `true` as a statement about the service, to say why a requirement
    /// applies: 「マイナポータルAPIを利用している」.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yes: Option<Text>,
    /// The answer `false` as a statement: 「マイナポータルAPIを利用していない」.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<Text>,
}

/// A chapter or section of the guideline.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Section {
    /// The section number, e.g. `"2"`.
    pub id: String,
    /// The section's title.
    pub title: Text,
    /// The requirements in this section.
    pub requirements: Vec<Arc<Requirement>>,
}

/// One requirement of the guideline.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Requirement {
    /// Identifier, unique in the checklist, used as the key in answers files.
    pub id: String,
    /// Where in the guideline it is stated, e.g. `"2.1(1)"`.
    pub cite: String,
    /// Its item number (項番), when the checklist gives one; else it is numbered from `cite`
    /// (see [`Checklist::numbers`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<String>,
    /// How binding it is when it applies.
    pub obligation: Obligation,
    /// When it applies; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    /// The obligation when `applies-if` is false; without it the requirement then does
    /// not apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Obligation>,
    /// The requirement in our own words; the guideline's text is cited, not copied.
    pub text: Text,
    /// Kinds of evidence that show the requirement is met.
    #[serde(default)]
    pub evidence: Vec<ExpectedEvidence>,
    /// How old the newest `record` evidence may be at `as-of`, e.g. `1 year` for
    /// something to be done at least yearly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<Span>,
    /// How well this encoding is verified against the official text.
    pub basis: Basis,
    /// Ids this requirement had in earlier editions, so that comparisons follow a rename.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
}

/// How binding a requirement is.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Obligation {
    /// A duty under the law (個人情報保護法) that the guideline restates: 法令上の義務.
    Law,
    /// The guideline's own requirement: 指針上の遵守事項.
    Must,
    /// An effort duty: 努力義務.
    Effort,
}

impl Obligation {
    pub fn as_str(self) -> &'static str {
        match self {
            Obligation::Law => "law",
            Obligation::Must => "must",
            Obligation::Effort => "effort",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            Obligation::Law => "法令上の義務",
            Obligation::Must => "遵守事項",
            Obligation::Effort => "努力義務",
        }
    }

    /// Whether not meeting it is a gap (rather than advice).
    pub fn is_binding(self) -> bool {
        self != Obligation::Effort
    }
}

/// When a requirement applies, in terms of facts. Written as a mapping with exactly one of
/// `fact`, `all`, `any` or `not`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(try_from = "ConditionKeys")]
pub enum Condition {
    /// True when the fact is answered true.
    Fact(String),
    /// True when every condition is true.
    All(Vec<Condition>),
    /// True when at least one condition is true.
    Any(Vec<Condition>),
    /// True when the condition is false.
    Not(Box<Condition>),
}

/// A condition as written, before checking that it has exactly one key.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionKeys {
    fact: Option<String>,
    all: Option<Vec<Condition>>,
    any: Option<Vec<Condition>>,
    not: Option<Box<Condition>>,
}

impl TryFrom<ConditionKeys> for Condition {
    type Error = String;

    fn try_from(keys: ConditionKeys) -> Result<Self, Self::Error> {
        match keys {
            ConditionKeys {
                fact: Some(id),
                all: None,
                any: None,
                not: None,
            } => Ok(Condition::Fact(id)),
            ConditionKeys {
                fact: None,
                all: Some(all),
                any: None,
                not: None,
            } => Ok(Condition::All(all)),
            ConditionKeys {
                fact: None,
                all: None,
                any: Some(any),
                not: None,
            } => Ok(Condition::Any(any)),
            ConditionKeys {
                fact: None,
                all: None,
                any: None,
                not: Some(not),
            } => Ok(Condition::Not(not)),
            _ => Err(crate::i18n::text("checklist.condition-keys", &[])),
        }
    }
}

impl Serialize for Condition {
    // Written as a one-key mapping (`{fact: x}`), the way users write it.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Condition::Fact(id) => map.serialize_entry("fact", id)?,
            Condition::All(all) => map.serialize_entry("all", all)?,
            Condition::Any(any) => map.serialize_entry("any", any)?,
            Condition::Not(not) => map.serialize_entry("not", not)?,
        }
        map.end()
    }
}

/// A kind of evidence that shows a requirement is met.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExpectedEvidence {
    /// The kind of evidence.
    pub kind: EvidenceKind,
    /// For certificates: the schemes accepted, e.g. `[ISMS, Pマーク]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemes: Vec<String>,
    /// What such evidence typically is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
}

impl ExpectedEvidence {
    /// The kind with its Japanese hint: `file (個人データ取扱規程)`.
    pub fn describe_ja(&self) -> String {
        match &self.hint {
            Some(hint) => format!("{} ({})", self.kind.as_str(), hint.ja),
            None => self.kind.as_str().to_owned(),
        }
    }
}

/// How well a requirement's encoding is verified.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Stated in the official overview.
    Seed,
    /// Seen in a secondary source.
    Src,
    /// Recalled: double-check against the official text.
    Rec,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Seed => "seed",
            Basis::Src => "src",
            Basis::Rec => "rec",
        }
    }
}
