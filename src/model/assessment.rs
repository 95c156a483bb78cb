//! `checksheet.yaml`: who assesses, against which checklist, for which services.

use serde::{Deserialize, Serialize};

/// The root file of an assessment repository.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Assessment {
    /// The company that publishes the check sheet.
    pub organization: Organization,
    /// The checklist assessed against: a bundled `id@edition` (or just `id` for its newest
    /// edition), or a path to a checklist YAML file relative to this file.
    pub checklist: String,
    /// Languages of the published sheet; the first is the default.
    #[serde(default = "default_languages")]
    pub languages: Vec<Language>,
    /// One entry per PHR service; each gets its own answers and published sheet.
    pub services: Vec<Service>,
    /// The operators this one links health checkup information with, whose published
    /// check sheets `checksheet partners check` verifies (io-partner-check).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
}

/// Another operator whose published check sheet is checked before linking data with it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Partner {
    /// Short identifier, as `partner-check` evidence names it: lower-case letters, digits
    /// and `-`.
    pub id: String,
    /// The partner's name, e.g. すこやかクリニック株式会社.
    pub name: String,
    /// The address of the partner's published site (where its `manifest.json` is).
    pub url: String,
    /// An allowed signers file (ssh-keygen's format) with the keys the partner signs its
    /// site with, relative to `checksheet.yaml`; without one, a signature is checked only
    /// against the key it names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_signers: Option<String>,
}

fn default_languages() -> Vec<Language> {
    vec![Language::Ja, Language::En]
}

/// The company.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Organization {
    /// The company's name, e.g. サンプルヘルス株式会社.
    pub name: String,
    /// The company's name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The company's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The company's logo for the pages' header: a PNG, JPEG or WebP file in the
    /// assessment folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// The colour of links and accents, `#rrggbb`, dark enough to read on white.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_color: Option<String>,
}

/// A PHR service.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Service {
    /// Short identifier: lower-case letters, digits and `-`; used in file names.
    pub id: String,
    /// The service's name.
    pub name: String,
    /// The service's name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The service's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Path of the service's answers file, relative to `checksheet.yaml`.
    pub answers: String,
}

/// A language of the published sheet.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Language {
    /// Japanese.
    Ja,
    /// English.
    En,
}
