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

mod chain;
mod folder;

pub use chain::Chain;
use folder::{Found, Oddity};

/// What verifying a site found.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Verification {
    /// The site as named.
    pub site: String,
    /// Whether it was read over plain `http://`, which anyone on the way can change.
    pub plain_http: bool,
    /// How many files the manifest lists.
    pub files: usize,
    /// Listed, but not there.
    pub missing: Vec<String>,
    /// There, with another SHA-256.
    pub changed: Vec<Changed>,
    /// There, but not listed (whatever its name: a build may leave desktop litter alone,
    /// a verification may not); `None` on a web server, which does not say what else it
    /// holds.
    pub unlisted: Option<Vec<String>>,
    /// Paths of a site in a folder that are not regular files (symbolic links, pipes,
    /// devices) or are too large to read: never read nor followed.
    pub odd: Vec<OddPath>,
    /// The signature `manifest.json.sig`, when there is one or allowed signers were given:
    /// without either, the site is not signed.
    pub signature: Option<Signature>,
    /// Why what the server answered for `manifest.json.sig` was taken for no signature:
    /// a page that is not one (a server answering every address with its index page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature_note: Option<String>,
    /// The SHA-256 of `manifest.json`.
    pub manifest_sha256: String,
    /// Which publication the site is, as its manifest says.
    pub publication: Option<Chain>,
    /// The tags of the publications its history shows.
    pub publications: Vec<String>,
    /// When its sheets are next to be reviewed: a newer publication is due then.
    pub valid_until: Option<jiff::civil::Date>,
    /// The organization whose sheets the site publishes, in the reader's language.
    pub organization: Option<String>,
    /// The current sheets, as their unchanged `checksheet.json` say.
    pub services: Vec<SiteSheet>,
    /// The signature's time-stamp `manifest.json.tsr`, when there is one or trusted
    /// time-stamping authorities were given.
    pub timestamp: Option<crate::timestamp::TimeStamp>,
    /// The site built anew from the repository, when verified against one.
    pub rebuild: Option<Rebuild>,
    /// Why the site was not built anew from the repository of the folder `verify` ran in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rebuild_skipped: Option<String>,
    /// The commit the manifest says the site was built from.
    pub source_commit: Option<String>,
    /// The checksheet version that built it.
    pub tool_version: String,
    /// The current sheets' `<service>/checksheet.json`, as fetched and found unchanged.
    #[serde(skip)]
    pub sheets: Vec<(String, Vec<u8>)>,
}

/// A path of a site that is not a regular file.
#[derive(Debug, Serialize)]
pub struct OddPath {
    pub path: String,
    pub kind: Oddity,
}

/// One of the current sheets a site publishes.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SiteSheet {
    pub service: String,
    pub name: String,
    pub as_of: Option<jiff::civil::Date>,
    /// Applicable requirements not met.
    pub gaps: u64,
    /// Requirements not yet answered.
    pub unanswered: u64,
}

/// A file whose contents differ from the manifest.
#[derive(Debug, Serialize)]
pub struct Changed {
    pub path: String,
    pub sha256: String,
    pub expected: String,
}

/// The site against a build of its source commit, and against the repository's
/// publications.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Rebuild {
    /// The commit built, when the manifest names one.
    pub commit: Option<String>,
    /// Why the site could not be built again, when it could not.
    pub unavailable: Option<String>,
    /// What to do about it, when the repository's problem says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable_help: Option<String>,
    /// Files the manifest lists with other contents than the build gives.
    pub differs: Vec<String>,
    /// Files the build gives that the manifest does not list.
    pub only_in_build: Vec<String>,
    /// Files the manifest lists that the build does not give.
    pub only_in_site: Vec<String>,
    /// Publications the manifest records that the repository no longer has as they were.
    pub publications: Vec<PublicationProblem>,
    /// What is wrong with the site's place among the repository's publications: not a
    /// publication, not the latest, one left out of its history, a link that does not
    /// hold.
    pub chain: Vec<String>,
    /// Who approved the publication the site is, by the signature on its tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<crate::approval::Approval>,
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
    /// Whether every file the manifest lists is there as listed, and nothing else is (in
    /// a folder).
    pub fn files_hold(&self) -> bool {
        self.missing.is_empty()
            && self.changed.is_empty()
            && self.odd.is_empty()
            && self.unlisted.as_ref().is_none_or(Vec::is_empty)
    }

    /// Whether the site is exactly what its manifest lists, its signature holds when there
    /// is one (or allowed signers were given), and, when checked against its repository,
    /// it is what the repository builds and its latest publication.
    pub fn verified(&self) -> bool {
        self.files_hold()
            && self.signature.as_ref().is_none_or(Signature::holds)
            && self
                .timestamp
                .as_ref()
                .is_none_or(crate::timestamp::TimeStamp::holds)
            && self.rebuild.as_ref().is_none_or(|rebuild| {
                rebuild.matches()
                    && rebuild.chain.is_empty()
                    && rebuild.approval.as_ref().is_none_or(approval_holds)
            })
    }
}

/// Whether an approval lets the site count as verified: unsigned is said, not failed; a
/// signature that does not hold, or is by a key the allowed signers do not allow, fails.
fn approval_holds(approval: &crate::approval::Approval) -> bool {
    use crate::approval::ApprovalState;
    match approval.state {
        ApprovalState::Valid | ApprovalState::Unsigned => true,
        ApprovalState::Invalid => false,
        ApprovalState::UnknownSigner => !approval.checked_signer,
    }
}

/// Where a site's files come from.
enum Source {
    Folder(PathBuf),
    Web(Remote),
}

impl Source {
    /// The file `path` of the site, at most `limit` bytes.
    fn read(&self, path: &str, limit: u64) -> Result<Found, Error> {
        match self {
            Source::Folder(folder) => folder::read(folder, path, limit),
            Source::Web(remote) => Ok(remote.get(path, limit)?.map_or(Found::Missing, Found::File)),
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
    chain: Option<Chain>,
    valid_until: Option<jiff::civil::Date>,
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
        chain: chain::read(&value),
        valid_until: value["valid-until"].as_str().and_then(|d| d.parse().ok()),
        bytes,
    })
}

/// The repository a site is checked against.
#[derive(Clone, Copy)]
pub enum Repository<'a> {
    /// Named by the reader (`-C`): the site must be what it builds, and its latest
    /// publication.
    Asked(&'a Path),
    /// The assessment folder `verify` runs in: used only when it holds the site's source
    /// commit, since a partner's site is often checked from one's own assessment.
    Here(&'a Path),
}

/// The site and how it was named: a folder (or its `manifest.json`), or an `http(s)://`
/// address.
fn source(site: &str) -> Result<(Source, String), Error> {
    if fetch::is_url(site) {
        let remote = Remote::new(site)?;
        let shown = remote.address().to_owned();
        return Ok((Source::Web(remote), shown));
    }
    let path = Path::new(site);
    // `verify site/manifest.json` means the site in `site`.
    if path
        .file_name()
        .is_some_and(|name| name == crate::write::SITE_MARK)
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
    {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        return Ok((
            Source::Folder(folder.to_path_buf()),
            folder.display().to_string(),
        ));
    }
    Ok((Source::Folder(PathBuf::from(site)), site.to_owned()))
}

/// Verifies the site `site` (a folder, or an `http(s)://` address); checks its signature
/// against `allowed` when given, and its time-stamp against `authorities` when given;
/// builds it anew from the assessment in `repository` when given (see [`Repository`]).
pub fn site(
    site: &str,
    allowed: Option<&AllowedSigners>,
    authorities: Option<&crate::timestamp::Authorities>,
    repository: Option<Repository>,
) -> Result<Verification, Error> {
    let (source, shown) = source(site)?;
    let no_manifest = || {
        Error::input(
            Diagnostic::new("no-manifest", t!("verify.no-manifest", site = shown))
                .help(t!("verify.no-manifest-help")),
        )
    };
    let bytes = match source.read(crate::write::SITE_MARK, fetch::MANIFEST_LIMIT)? {
        Found::File(bytes) => bytes,
        Found::Missing => return Err(no_manifest()),
        Found::Odd(kind) => {
            return Err(Error::input(
                Diagnostic::new(
                    "invalid-manifest",
                    t!("verify.bad-manifest", site = shown, reason = kind.text()),
                )
                .help(t!("verify.bad-manifest-help")),
            ));
        }
    };
    let manifest = manifest(&shown, bytes)?;
    let mut verification = Verification {
        plain_http: shown.starts_with("http://"),
        site: shown,
        files: manifest.outputs.len(),
        missing: Vec::new(),
        changed: Vec::new(),
        unlisted: None,
        odd: Vec::new(),
        signature: None,
        signature_note: None,
        manifest_sha256: crate::digest::sha256(&manifest.bytes),
        publication: manifest.chain.clone(),
        publications: manifest
            .publications
            .iter()
            .map(|(tag, _)| tag.clone())
            .collect(),
        valid_until: manifest.valid_until,
        organization: None,
        services: Vec::new(),
        timestamp: None,
        rebuild: None,
        rebuild_skipped: None,
        source_commit: manifest.source_commit.clone(),
        tool_version: manifest.tool_version.clone(),
        sheets: Vec::new(),
    };
    files(&source, &manifest, &mut verification)?;
    signatures(
        &source,
        &manifest.bytes,
        (allowed, authorities),
        &mut verification,
    )?;
    match repository {
        Some(Repository::Asked(dir)) => {
            verification.rebuild = Some(rebuild(
                dir,
                &manifest,
                &verification.manifest_sha256,
                allowed,
            )?);
        }
        Some(Repository::Here(dir)) => match &manifest.source_commit {
            Some(commit)
                if crate::history::Repo::open(dir)
                    .is_ok_and(|repo| repo.commit(commit).is_ok()) =>
            {
                verification.rebuild = Some(rebuild(
                    dir,
                    &manifest,
                    &verification.manifest_sha256,
                    allowed,
                )?);
            }
            _ => verification.rebuild_skipped = Some(t!("verify.rebuild-not-here")),
        },
        None => {}
    }
    // After the repository's assessment, if any, set the language names are read in.
    read_sheets(&mut verification);
    Ok(verification)
}

/// The signature of the manifest `bytes` against `allowed`, and its time-stamp against
/// `authorities`.
fn signatures(
    source: &Source,
    bytes: &[u8],
    (allowed, authorities): (
        Option<&AllowedSigners>,
        Option<&crate::timestamp::Authorities>,
    ),
    verification: &mut Verification,
) -> Result<(), Error> {
    let signature = match source.read(sign::SIGNATURE_FILE, fetch::MANIFEST_LIMIT)? {
        Found::File(bytes) if matches!(source, Source::Web(_)) && !looks_like_signature(&bytes) => {
            verification.signature_note = Some(t!("verify.signature-not-one"));
            None
        }
        Found::File(bytes) => Some(bytes),
        Found::Missing => None,
        Found::Odd(kind) => {
            verification.odd.push(OddPath {
                path: sign::SIGNATURE_FILE.to_owned(),
                kind,
            });
            None
        }
    };
    verification.signature = sign::check(signature.as_deref(), bytes, allowed);
    let token = match source.read(crate::timestamp::TOKEN_FILE, crate::timestamp::TOKEN_LIMIT)? {
        // A time-stamp token is DER: a SEQUENCE. A page in its place is a server answering
        // every address, as for the signature.
        Found::File(bytes) if matches!(source, Source::Web(_)) && bytes.first() != Some(&0x30) => {
            None
        }
        Found::File(bytes) => Some(bytes),
        Found::Missing => None,
        Found::Odd(kind) => {
            verification.odd.push(OddPath {
                path: crate::timestamp::TOKEN_FILE.to_owned(),
                kind,
            });
            None
        }
    };
    verification.timestamp =
        crate::timestamp::check(token.as_deref(), signature.as_deref(), authorities);
    Ok(())
}

/// Whether `bytes` could be an armoured SSH signature, rather than, say, the page a server
/// answers every address with.
fn looks_like_signature(bytes: &[u8]) -> bool {
    bytes
        .trim_ascii_start()
        .starts_with(b"-----BEGIN SSH SIGNATURE-----")
}

/// Each file the manifest lists against the site's, and (in a folder) what else is there.
fn files(
    source: &Source,
    manifest: &Manifest,
    verification: &mut Verification,
) -> Result<(), Error> {
    for (path, expected) in &manifest.outputs {
        match source.read(path, fetch::FILE_LIMIT)? {
            Found::File(bytes) => {
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
            Found::Missing => verification.missing.push(path.clone()),
            Found::Odd(kind) => verification.odd.push(OddPath {
                path: path.clone(),
                kind,
            }),
        }
    }
    if let Source::Folder(folder) = source {
        let listing = folder::list(folder)?;
        verification.unlisted = Some(
            listing
                .files
                .into_iter()
                .filter(|name| {
                    !crate::write::is_site_own(name) && !manifest.outputs.contains_key(name)
                })
                .collect(),
        );
        for (path, kind) in listing.odd {
            if !manifest.outputs.contains_key(&path) {
                verification.odd.push(OddPath { path, kind });
            }
        }
    }
    Ok(())
}

/// The organization and current sheets, from the unchanged `checksheet.json` files.
fn read_sheets(verification: &mut Verification) {
    let english = crate::i18n::language() == crate::model::Language::En;
    for (path, bytes) in &verification.sheets {
        let Ok(data) = serde_json::from_slice::<serde_json::Value>(bytes) else {
            continue;
        };
        // Names in the reader's language where the site gives them.
        let name = |value: &serde_json::Value| {
            english
                .then(|| value["name-en"].as_str())
                .flatten()
                .or(value["name"].as_str())
                .map(str::to_owned)
        };
        if verification.organization.is_none() {
            verification.organization = name(&data["organization"]);
        }
        verification.services.push(SiteSheet {
            service: data["service"]["id"].as_str().map_or_else(
                || path.trim_end_matches("/checksheet.json").to_owned(),
                str::to_owned,
            ),
            name: name(&data["service"]).unwrap_or_default(),
            as_of: data["as-of"].as_str().and_then(|d| d.parse().ok()),
            gaps: data["summary"]["gap"].as_u64().unwrap_or_default(),
            unanswered: data["summary"]["unanswered"].as_u64().unwrap_or_default(),
        });
    }
}

/// Whether `path` is the data of a current sheet: `<service>/checksheet.json`.
fn is_current_sheet(path: &str) -> bool {
    path.strip_suffix("/checksheet.json")
        .is_some_and(|service| !service.contains('/') && crate::validate::is_id(service))
}

/// The site's manifest against the site built from `dir`'s repository at its source commit.
fn rebuild(
    dir: &Path,
    manifest: &Manifest,
    sha256: &str,
    allowed: Option<&AllowedSigners>,
) -> Result<Rebuild, Error> {
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
                unavailable_help: problems.first().and_then(|p| p.help.clone()),
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
    let listed: Vec<String> = manifest
        .publications
        .iter()
        .map(|(tag, _)| tag.clone())
        .collect();
    if let Some(tag) = manifest.chain.as_ref().and_then(|c| c.tag.as_deref()) {
        // The approver's signature is checked as `git tag -v` checks it: against the
        // repository's gpg.ssh.allowedSignersFile, else the allowed signers given when they
        // speak for git tags; else only the key is shown.
        let configured = crate::approval::signers_file(dir, None)
            .map(|path| sign::allowed_signers(&dir.join(path)))
            .transpose()?;
        let repo = crate::history::Repo::open(dir)?;
        // Signers given for the site's signature alone say nothing of the approver.
        let given = allowed.filter(|allowed| allowed.speaks_for(sign::GIT_NAMESPACE));
        result.approval = crate::approval::approval(&repo, tag, configured.as_ref().or(given));
    }
    result.chain = chain::problems(
        &crate::history::Repo::open(dir)?,
        manifest.chain.as_ref(),
        &listed,
        sha256,
    )?;
    Ok(result)
}

/// The first twelve characters of a hash or commit id.
fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// The verification in words: what the site is, then one line per difference.
pub fn text(verification: &Verification) -> String {
    let site = &verification.site;
    let mut out = String::new();
    what(verification, &mut out);
    if verification.plain_http {
        let _ = writeln!(out, "{}", t!("verify.plain-http"));
    }
    if verification.files_hold() {
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
        for odd in &verification.odd {
            let _ = writeln!(
                out,
                "  {}",
                t!("verify.odd", path = odd.path, kind = odd.kind.text())
            );
        }
    }
    if let Some(note) = &verification.signature_note {
        let _ = writeln!(out, "{note}");
    }
    let line = match &verification.signature {
        None => t!("verify.not-signed"),
        Some(signature) => {
            let key = signature.key.as_deref().unwrap_or_default();
            match signature.state {
                SignatureState::Valid if signature.checked_signer => t!(
                    "verify.signed-by",
                    signers = signature.signers.join(", "),
                    key = key
                ),
                SignatureState::Valid => t!("verify.signed-unchecked", key = key),
                SignatureState::UnknownSigner | SignatureState::Invalid
                    if signature.problem.is_some() =>
                {
                    signature.describe()
                }
                SignatureState::UnknownSigner => t!("verify.signed-unknown", key = key),
                SignatureState::Invalid => t!("verify.signature-invalid"),
                SignatureState::Missing => t!("verify.unsigned"),
            }
        }
    };
    let _ = writeln!(out, "{line}");
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
        rebuild_text(rebuild, verification.files_hold(), &mut out);
    }
    if let Some(skipped) = &verification.rebuild_skipped {
        let _ = writeln!(out, "{skipped}");
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

/// What the site says it is: whose sheets, which services as of when, which publication
/// and until when.
fn what(verification: &Verification, out: &mut String) {
    let site = &verification.site;
    let _ = writeln!(
        out,
        "{}",
        match &verification.organization {
            Some(organization) => t!("verify.what", organization = organization, site = site),
            None => t!("verify.what-unknown", site = site),
        }
    );
    for sheet in &verification.services {
        let as_of = sheet
            .as_of
            .map_or_else(|| "?".to_owned(), |d| d.to_string());
        let _ = writeln!(
            out,
            "  {}",
            t!(
                "verify.service",
                name = sheet.name,
                id = sheet.service,
                as_of = as_of
            )
        );
    }
    let publication = match &verification.publication {
        None => t!("verify.publication-none"),
        Some(Chain {
            sequence: 0,
            tag: None,
            ..
        }) => t!("verify.publication-never"),
        Some(Chain {
            sequence,
            tag: None,
            ..
        }) => t!("verify.publication-draft", sequence = sequence),
        Some(Chain {
            sequence,
            tag: Some(tag),
            previous: None,
        }) => t!("verify.publication-first", sequence = sequence, tag = tag),
        Some(Chain {
            sequence,
            tag: Some(tag),
            previous: Some(previous),
        }) => t!(
            "verify.publication",
            sequence = sequence,
            tag = tag,
            previous = previous.tag
        ),
    };
    let _ = writeln!(out, "{publication}");
    if let Some(date) = verification.valid_until {
        let _ = writeln!(out, "{}", t!("verify.valid-until", date = date));
        let today = jiff::tz::Offset::constant(9)
            .to_datetime(jiff::Timestamp::now())
            .date();
        if date < today {
            let _ = writeln!(out, "  {}", t!("verify.past-valid-until", date = date));
        }
    }
}

fn rebuild_text(rebuild: &Rebuild, files_hold: bool, out: &mut String) {
    let commit = rebuild.commit.as_deref().map(short).unwrap_or_default();
    if let Some(reason) = &rebuild.unavailable {
        let _ = writeln!(out, "{}", t!("verify.rebuild-unavailable", reason = reason));
        let help = rebuild
            .unavailable_help
            .clone()
            .unwrap_or_else(|| t!("verify.rebuild-hint"));
        let _ = writeln!(out, "  {help}");
        return;
    }
    if let Some(approval) = &rebuild.approval {
        let _ = writeln!(out, "{}", approval.describe());
    }
    if !rebuild.chain.is_empty() {
        let _ = writeln!(out, "{}", t!("verify.chain-problems"));
        for problem in &rebuild.chain {
            let _ = writeln!(out, "  {problem}");
        }
    }
    if rebuild.matches() {
        // What matches the build is the manifest; the files were compared with it above.
        let key = if files_hold {
            "verify.rebuild-matches"
        } else {
            "verify.rebuild-matches-manifest"
        };
        let _ = writeln!(out, "{}", crate::i18n::text(key, &[("commit", &commit)]));
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
