//! `verify`: whether a published site, in a folder or on a web server, is exactly what its
//! `manifest.json` lists, signed by whom the reader trusts, and built from what its
//! repository holds at the commit the manifest names.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::fetch::{self, Remote};
use crate::i18n::t;
use crate::sign::{self, AllowedSigners, Signature, SignatureState};

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
    /// There, with another SHA-256.
    pub changed: Vec<Changed>,
    /// There, but not listed (desktop litter aside); `None` on a web server, which does
    /// not say what else it holds.
    pub unlisted: Option<Vec<String>>,
    /// The signature `manifest.json.sig`, when there is one or allowed signers were given.
    pub signature: Option<Signature>,
    /// The signature's time-stamp `manifest.json.tsr`, when there is one or trusted
    /// time-stamping authorities were given.
    pub timestamp: Option<crate::timestamp::TimeStamp>,
    /// The site built anew from the repository, when verified in an assessment folder.
    pub rebuild: Option<Rebuild>,
    /// The commit the manifest says the site was built from.
    pub source_commit: Option<String>,
    /// The checksheet version that built it.
    pub tool_version: String,
    /// The current sheets' `<service>/checksheet.json`, as fetched and found unchanged.
    #[serde(skip)]
    pub sheets: Vec<(String, Vec<u8>)>,
}

/// A file whose contents differ from the manifest.
#[derive(Debug, Serialize)]
pub struct Changed {
    pub path: String,
    pub sha256: String,
    pub expected: String,
}

/// The site against a build of its source commit.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Rebuild {
    /// The commit built, when the manifest names one.
    pub commit: Option<String>,
    /// Why the site could not be built again, when it could not.
    pub unavailable: Option<String>,
    /// Files the manifest lists with other contents than the build gives.
    pub differs: Vec<String>,
    /// Files the build gives that the manifest does not list.
    pub only_in_build: Vec<String>,
    /// Files the manifest lists that the build does not give.
    pub only_in_site: Vec<String>,
    /// Publications the manifest records that the repository no longer has as they were.
    pub publications: Vec<PublicationProblem>,
}

/// A recorded publication the repository does not have as recorded.
#[derive(Debug, Serialize)]
pub struct PublicationProblem {
    pub tag: String,
    pub problem: String,
}

impl Rebuild {
    fn matches(&self) -> bool {
        self.unavailable.is_none()
            && self.differs.is_empty()
            && self.only_in_build.is_empty()
            && self.only_in_site.is_empty()
            && self.publications.is_empty()
    }
}

impl Verification {
    /// Whether the site is exactly what its manifest lists, its signature (if any, or if
    /// signers were given) holds, and it is what its repository builds (if checked).
    pub fn verified(&self) -> bool {
        self.missing.is_empty()
            && self.changed.is_empty()
            && self.unlisted.as_ref().is_none_or(Vec::is_empty)
            && self.signature.as_ref().is_none_or(Signature::holds)
            && self
                .timestamp
                .as_ref()
                .is_none_or(crate::timestamp::TimeStamp::holds)
            && self.rebuild.as_ref().is_none_or(Rebuild::matches)
    }
}

/// Where a site's files come from.
enum Source {
    Folder(PathBuf),
    Web(Remote),
}

impl Source {
    /// The file `path` of the site (`None` when it is not there), at most `limit` bytes.
    fn read(&self, path: &str, limit: u64) -> Result<Option<Vec<u8>>, Error> {
        match self {
            Source::Folder(folder) => Ok(std::fs::read(folder.join(path)).ok()),
            Source::Web(remote) => remote.get(path, limit),
        }
    }
}

/// The manifest's `outputs`, each path checked to be inside the site, and what else it
/// records.
struct Manifest {
    bytes: Vec<u8>,
    outputs: BTreeMap<String, String>,
    source_commit: Option<String>,
    tool_version: String,
    publications: Vec<(String, String)>,
}

fn manifest(shown: &str, bytes: Vec<u8>) -> Result<Manifest, Error> {
    let bad = |reason: String| {
        Error::input(
            Diagnostic::new(
                "invalid-manifest",
                t!("verify.bad-manifest", site = shown, reason = reason),
            )
            .help(t!("verify.bad-manifest-help")),
        )
    };
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    if value["tool"]["name"] != env!("CARGO_PKG_NAME") {
        return Err(bad("tool.name".to_owned()));
    }
    let listed = value["outputs"]
        .as_object()
        .ok_or_else(|| bad("outputs".to_owned()))?;
    let mut outputs = BTreeMap::new();
    for (path, expected) in listed {
        // A manifest is untrusted input: it may only name files inside the site.
        if !crate::load::is_inside(path) || path.contains('\\') {
            return Err(bad(t!("verify.unsafe-path", path = path)));
        }
        let expected = expected
            .as_str()
            .ok_or_else(|| bad(format!("outputs.{path}")))?;
        outputs.insert(path.clone(), expected.to_owned());
    }
    let publications = value["publications"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|p| {
                    Some((
                        p["tag"].as_str()?.to_owned(),
                        p["commit"].as_str()?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Manifest {
        outputs,
        source_commit: value["source-commit"].as_str().map(str::to_owned),
        tool_version: value["tool"]["version"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        publications,
        bytes,
    })
}

/// Verifies the site `site` (a folder, or an `http(s)://` address); checks its signature
/// against `allowed` when given, and its time-stamp against `authorities` when given;
/// builds it anew from the assessment in `repository` when given.
pub fn site(
    site: &str,
    allowed: Option<&AllowedSigners>,
    authorities: Option<&crate::timestamp::Authorities>,
    repository: Option<&Path>,
) -> Result<Verification, Error> {
    let (source, shown) = if fetch::is_url(site) {
        let remote = Remote::new(site)?;
        let shown = remote.address().to_owned();
        (Source::Web(remote), shown)
    } else {
        (Source::Folder(PathBuf::from(site)), site.to_owned())
    };
    let Some(bytes) = source.read(crate::write::SITE_MARK, fetch::MANIFEST_LIMIT)? else {
        return Err(Error::input(
            Diagnostic::new("no-manifest", t!("verify.no-manifest", site = shown))
                .help(t!("verify.no-manifest-help")),
        ));
    };
    let manifest = manifest(&shown, bytes)?;
    let mut verification = Verification {
        site: shown,
        files: manifest.outputs.len(),
        missing: Vec::new(),
        changed: Vec::new(),
        unlisted: None,
        signature: None,
        timestamp: None,
        rebuild: None,
        source_commit: manifest.source_commit.clone(),
        tool_version: manifest.tool_version.clone(),
        sheets: Vec::new(),
    };
    for (path, expected) in &manifest.outputs {
        match source.read(path, fetch::FILE_LIMIT)? {
            Some(bytes) => {
                let actual = crate::digest::sha256(&bytes);
                if &actual != expected {
                    verification.changed.push(Changed {
                        path: path.clone(),
                        sha256: actual,
                        expected: expected.clone(),
                    });
                } else if is_current_sheet(path) {
                    verification.sheets.push((path.clone(), bytes));
                }
            }
            None => verification.missing.push(path.clone()),
        }
    }
    if let Source::Folder(folder) = &source {
        verification.unlisted = Some(
            crate::write::files_under(folder)
                .map_err(|e| Error::io("io.read", folder, e))?
                .into_iter()
                .filter(|name| {
                    !crate::write::is_site_own(name) && !manifest.outputs.contains_key(name)
                })
                .collect(),
        );
    }
    let signature = source.read(sign::SIGNATURE_FILE, fetch::MANIFEST_LIMIT)?;
    verification.signature = sign::check(signature.as_deref(), &manifest.bytes, allowed);
    let token = source.read(crate::timestamp::TOKEN_FILE, crate::timestamp::TOKEN_LIMIT)?;
    verification.timestamp =
        crate::timestamp::check(token.as_deref(), signature.as_deref(), authorities);
    if let Some(dir) = repository {
        verification.rebuild = Some(rebuild(dir, &manifest)?);
    }
    Ok(verification)
}

/// Whether `path` is the data of a current sheet: `<service>/checksheet.json`.
fn is_current_sheet(path: &str) -> bool {
    path.strip_suffix("/checksheet.json")
        .is_some_and(|service| !service.contains('/') && crate::validate::is_id(service))
}

/// The site's manifest against the site built from `dir`'s repository at its source commit.
fn rebuild(dir: &Path, manifest: &Manifest) -> Result<Rebuild, Error> {
    let Some(commit) = &manifest.source_commit else {
        return Ok(Rebuild {
            unavailable: Some(t!("verify.rebuild-no-commit")),
            ..Rebuild::default()
        });
    };
    let rebuilt = match crate::audit::rebuild(dir, commit, &manifest.publications) {
        Ok(rebuilt) => rebuilt,
        // The commit is not in this repository, or the assessment there cannot be used.
        Err(Error::Input(problems)) => {
            return Ok(Rebuild {
                commit: Some(commit.clone()),
                unavailable: Some(
                    problems
                        .first()
                        .map_or_else(String::new, |p| p.message.clone()),
                ),
                ..Rebuild::default()
            });
        }
        Err(error) => return Err(error),
    };
    let built = &rebuilt.built.outputs;
    let mut result = Rebuild {
        commit: Some(commit.clone()),
        ..Rebuild::default()
    };
    let names: BTreeSet<&String> = built.keys().chain(manifest.outputs.keys()).collect();
    for name in names {
        match (manifest.outputs.get(name), built.get(name)) {
            (Some(listed), Some(sha256)) if listed != sha256 => result.differs.push(name.clone()),
            (Some(_), None) => result.only_in_site.push(name.clone()),
            (None, Some(_)) => result.only_in_build.push(name.clone()),
            _ => {}
        }
    }
    // The manifest itself: its inputs' hashes, its checklist, its tool.
    if rebuilt.built.manifest != manifest.bytes {
        result.differs.push(crate::write::SITE_MARK.to_owned());
    }
    result.publications = rebuilt
        .publications
        .into_iter()
        .map(|(tag, problem)| PublicationProblem { tag, problem })
        .collect();
    Ok(result)
}

/// The first twelve characters of a hash or commit id.
fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// The verification in words, one line per difference.
pub fn text(verification: &Verification) -> String {
    let site = &verification.site;
    let mut out = String::new();
    let files_hold = verification.missing.is_empty()
        && verification.changed.is_empty()
        && verification.unlisted.as_ref().is_none_or(Vec::is_empty);
    if files_hold {
        let key = if verification.unlisted.is_some() {
            "verify.files-match"
        } else {
            "verify.files-match-web"
        };
        let _ = writeln!(
            out,
            "{}",
            crate::i18n::text(key, &[("count", &verification.files), ("site", site)])
        );
    } else {
        let _ = writeln!(out, "{}", t!("verify.files-differ", site = site));
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
                    actual = short(&changed.sha256),
                    expected = short(&changed.expected)
                )
            );
        }
        for path in verification.unlisted.iter().flatten() {
            let _ = writeln!(out, "  {}", t!("verify.unlisted", path = path));
        }
    }
    if let Some(signature) = &verification.signature {
        let key = signature.key.as_deref().unwrap_or_default();
        let line = match signature.state {
            SignatureState::Valid if signature.checked_signer => t!(
                "verify.signed-by",
                signers = signature.signers.join(", "),
                key = key
            ),
            SignatureState::Valid => t!("verify.signed-unchecked", key = key),
            SignatureState::UnknownSigner => t!("verify.signed-unknown", key = key),
            SignatureState::Invalid => t!("verify.signature-invalid"),
            SignatureState::Missing => t!("verify.unsigned"),
        };
        let _ = writeln!(out, "{line}");
    }
    if let Some(timestamp) = &verification.timestamp {
        let _ = writeln!(out, "{}", crate::timestamp::text(timestamp));
    }
    let version = &verification.tool_version;
    let _ = writeln!(
        out,
        "{}",
        match &verification.source_commit {
            Some(commit) => t!("verify.source", version = version, commit = commit),
            None => t!("verify.no-source", version = version),
        }
    );
    if let Some(rebuild) = &verification.rebuild {
        rebuild_text(rebuild, &mut out);
    }
    let _ = writeln!(
        out,
        "{}",
        if verification.verified() {
            t!("verify.verified")
        } else {
            t!("verify.not-verified")
        }
    );
    out
}

fn rebuild_text(rebuild: &Rebuild, out: &mut String) {
    let commit = rebuild.commit.as_deref().map(short).unwrap_or_default();
    if let Some(reason) = &rebuild.unavailable {
        let _ = writeln!(out, "{}", t!("verify.rebuild-unavailable", reason = reason));
        let _ = writeln!(out, "  {}", t!("verify.rebuild-hint"));
        return;
    }
    if rebuild.matches() {
        let _ = writeln!(out, "{}", t!("verify.rebuild-matches", commit = commit));
        return;
    }
    let _ = writeln!(out, "{}", t!("verify.rebuild-differs", commit = commit));
    for path in &rebuild.differs {
        let _ = writeln!(out, "  {}", t!("verify.rebuild-changed", path = path));
    }
    for path in &rebuild.only_in_site {
        let _ = writeln!(out, "  {}", t!("verify.rebuild-only-in-site", path = path));
    }
    for path in &rebuild.only_in_build {
        let _ = writeln!(out, "  {}", t!("verify.rebuild-only-in-build", path = path));
    }
    for problem in &rebuild.publications {
        let _ = writeln!(
            out,
            "  {}",
            t!(
                "verify.rebuild-publication",
                tag = problem.tag,
                problem = problem.problem
            )
        );
    }
}
