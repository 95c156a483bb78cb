//! `checksheet.lock`: the hashes of the evidence files, written by `checksheet evidence lock`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The lock file: what each evidence file was when it was last reviewed and locked.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lock {
    /// Evidence files by path relative to the repository root, sorted.
    #[serde(default)]
    pub files: BTreeMap<String, LockedFile>,
}

/// One locked evidence file.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LockedFile {
    /// SHA-256 of the contents, in lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}
