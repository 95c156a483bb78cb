//! `verify`: whether a published site is exactly what its `manifest.json` lists, so that
//! anyone holding a copy of the pages can tell that nothing was changed, lost or added.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;

/// What verifying a site found.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Verification {
    /// The site as named.
    pub site: String,
    /// How many files the manifest lists.
    pub files: usize,
    /// Listed, but not there.
    pub missing: Vec<String>,
    /// There, with another SHA-256: (path, actual, expected).
    pub changed: Vec<Changed>,
    /// There, but not listed (desktop litter aside).
    pub unlisted: Vec<String>,
    /// The commit the manifest says the site was built from.
    pub source_commit: Option<String>,
    /// The checksheet version that built it.
    pub tool_version: String,
}

/// A file whose contents differ from the manifest.
#[derive(Debug, Serialize)]
pub struct Changed {
    pub path: String,
    pub sha256: String,
    pub expected: String,
}

impl Verification {
    /// Whether the site is exactly what its manifest lists.
    pub fn verified(&self) -> bool {
        self.missing.is_empty() && self.changed.is_empty() && self.unlisted.is_empty()
    }
}

/// Verifies the site in the folder `site`.
pub fn folder(site: &Path) -> Result<Verification, Error> {
    let shown = site.display().to_string();
    let manifest_path = site.join(crate::write::SITE_MARK);
    let Ok(text) = std::fs::read(&manifest_path) else {
        return Err(Error::input(
            Diagnostic::new("no-manifest", t!("verify.no-manifest", site = shown))
                .help(t!("verify.no-manifest-help")),
        ));
    };
    let bad = |reason: String| {
        Error::input(
            Diagnostic::new(
                "invalid-manifest",
                t!("verify.bad-manifest", site = shown, reason = reason),
            )
            .help(t!("verify.bad-manifest-help")),
        )
    };
    let manifest: serde_json::Value =
        serde_json::from_slice(&text).map_err(|e| bad(e.to_string()))?;
    if manifest["tool"]["name"] != env!("CARGO_PKG_NAME") {
        return Err(bad("tool.name".to_owned()));
    }
    let outputs = manifest["outputs"]
        .as_object()
        .ok_or_else(|| bad("outputs".to_owned()))?;
    let mut verification = Verification {
        site: shown.clone(),
        files: outputs.len(),
        missing: Vec::new(),
        changed: Vec::new(),
        unlisted: Vec::new(),
        source_commit: manifest["source-commit"].as_str().map(str::to_owned),
        tool_version: manifest["tool"]["version"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    };
    for (path, expected) in outputs {
        // A manifest is untrusted input: it may only name files inside the site.
        if !crate::load::is_inside(path) {
            return Err(bad(t!("verify.unsafe-path", path = path)));
        }
        let expected = expected
            .as_str()
            .ok_or_else(|| bad(format!("outputs.{path}")))?;
        match std::fs::read(site.join(path)) {
            Ok(bytes) => {
                let actual = crate::digest::sha256(&bytes);
                if actual != expected {
                    verification.changed.push(Changed {
                        path: path.clone(),
                        sha256: actual,
                        expected: expected.to_owned(),
                    });
                }
            }
            Err(_) => verification.missing.push(path.clone()),
        }
    }
    verification.unlisted = crate::write::files_under(site)
        .map_err(|e| Error::io("io.read", site, e))?
        .into_iter()
        .filter(|name| name != crate::write::SITE_MARK && !outputs.contains_key(name))
        .collect();
    Ok(verification)
}

/// The verification in words, one line per difference.
pub fn text(verification: &Verification) -> String {
    let site = &verification.site;
    let mut out = String::new();
    if verification.verified() {
        out.push_str(&t!(
            "verify.verified",
            count = verification.files,
            site = site
        ));
        out.push('\n');
    } else {
        out.push_str(&t!("verify.differs", site = site));
        out.push('\n');
        for path in &verification.missing {
            let _ = writeln!(out, "  {}", t!("verify.missing", path = path));
        }
        for changed in &verification.changed {
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    "verify.changed",
                    path = changed.path,
                    actual = &changed.sha256[..12],
                    expected = changed.expected.get(..12).unwrap_or(&changed.expected)
                )
            );
        }
        for path in &verification.unlisted {
            let _ = writeln!(out, "  {}", t!("verify.unlisted", path = path));
        }
    }
    let version = &verification.tool_version;
    out.push_str(&match &verification.source_commit {
        Some(commit) => t!("verify.source", version = version, commit = commit),
        None => t!("verify.no-source", version = version),
    });
    out.push('\n');
    out
}
