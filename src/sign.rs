//! Signatures in OpenSSH's SSHSIG format: a site's `manifest.json` signed with the
//! namespace `checksheet`, a publication tag signed as git signs one (namespace `git`), and
//! both checked against an `allowed_signers` file as `ssh-keygen -Y verify` reads it. The
//! only user of `ssh-key`.

use std::path::Path;

use serde::Serialize;
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;

/// The SSHSIG namespace of checksheet's signatures, so that a signature made for anything
/// else (a git commit, a file) is never taken for a signed site.
pub const NAMESPACE: &str = "checksheet";

/// The SSHSIG namespace git signs tags and commits with (`gpg.format=ssh`).
pub const GIT_NAMESPACE: &str = "git";

/// The file beside `manifest.json` that holds its signature.
pub const SIGNATURE_FILE: &str = "manifest.json.sig";

/// The environment variable that holds the passphrase of an encrypted key.
pub const PASSPHRASE_VAR: &str = "CHECKSHEET_SIGN_PASSPHRASE";

/// A signing key, read and decrypted.
pub struct Key {
    key: PrivateKey,
}

/// Whether signatures by keys of `algorithm` can be checked: what `ssh-keygen -Y verify`
/// checks, less DSA (which OpenSSH no longer makes).
fn can_check(algorithm: &Algorithm) -> bool {
    matches!(
        algorithm,
        Algorithm::Ed25519
            | Algorithm::Ecdsa { .. }
            | Algorithm::Rsa { .. }
            | Algorithm::SkEd25519
            | Algorithm::SkEcdsaSha2NistP256
    )
}

fn key_error(code: &'static str, message: String, help: String) -> Error {
    Error::input(Diagnostic::new(code, message).help(help))
}

/// Reads the OpenSSH private key file at `path` (ed25519 or ECDSA); an encrypted key
/// is decrypted with the passphrase `passphrase` (from [`PASSPHRASE_VAR`]), and refused
/// without one.
pub fn read_key(path: &Path, passphrase: Option<&str>) -> Result<Key, Error> {
    let shown = path.display().to_string();
    let text = std::fs::read(path).map_err(|e| Error::io("io.read", path, e))?;
    let key = PrivateKey::from_openssh(&text).map_err(|_| {
        key_error(
            "invalid-key",
            t!("sign.not-a-key", file = shown),
            t!("sign.not-a-key-help"),
        )
    })?;
    let key = if key.is_encrypted() {
        let Some(passphrase) = passphrase else {
            return Err(key_error(
                "encrypted-key",
                t!("sign.encrypted", file = shown),
                t!("sign.encrypted-help", var = PASSPHRASE_VAR),
            ));
        };
        key.decrypt(passphrase).map_err(|_| {
            key_error(
                "wrong-passphrase",
                t!("sign.wrong-passphrase", file = shown, var = PASSPHRASE_VAR),
                t!("sign.wrong-passphrase-help", var = PASSPHRASE_VAR),
            )
        })?
    } else {
        key
    };
    // RSA keys are checked but do not sign: ssh-key 0.6 cannot sign with them.
    let signs = matches!(
        key.algorithm(),
        Algorithm::Ed25519 | Algorithm::Ecdsa { .. }
    );
    // Signing is deterministic for these keys: a key that signs once signs any message.
    if !signs || key.sign(NAMESPACE, HashAlg::Sha512, b"").is_err() {
        return Err(key_error(
            "unsupported-key",
            t!(
                "sign.unsupported-key",
                file = shown,
                algorithm = key.algorithm().as_str()
            ),
            t!("sign.not-a-key-help"),
        ));
    }
    Ok(Key { key })
}

impl Key {
    /// The SSHSIG signature of `message` for checksheet, armoured. Ed25519 and ECDSA
    /// (RFC 6979) signatures are deterministic, so the same key and message always give the
    /// same bytes.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.sign_for(NAMESPACE, message)
    }

    /// The SSHSIG signature of `message` in `namespace`, armoured as `ssh-keygen -Y sign`
    /// writes it.
    pub fn sign_for(&self, namespace: &str, message: &[u8]) -> Vec<u8> {
        self.key
            .sign(namespace, HashAlg::Sha512, message)
            .and_then(|signature| signature.to_pem(LineEnding::LF))
            .expect("a key that signed once signs any message")
            .into_bytes()
    }

    /// The key's fingerprint, as `ssh-keygen -l` prints it.
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint(HashAlg::Sha256).to_string()
    }
}

/// What a signature says, once checked.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Signature {
    /// `valid` (made by an allowed signer, or by the key it names when no allowed signers
    /// were given), `unknown-signer` (valid, but by a key the allowed signers do not
    /// allow), `invalid` (does not match what it signs, or not made for it),
    /// `missing` (allowed signers were given and there is no signature).
    pub state: SignatureState,
    /// The signing key's fingerprint (`SHA256:…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The identities the allowed signers file gives that key.
    pub signers: Vec<String>,
    /// Whether the signer was checked against an allowed signers file.
    pub checked_signer: bool,
    /// Why an invalid signature is invalid, or why the allowed signers do not allow its
    /// key when a line names that key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// How a signature fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureState {
    Valid,
    UnknownSigner,
    Invalid,
    Missing,
}

/// Why a signature does not hold, beyond "by a key no line names".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Problem {
    /// Not an SSH signature at all.
    Unreadable,
    /// Made for another use (`ssh-keygen -Y sign -n <namespace>`).
    OtherNamespace { namespace: String, expected: String },
    /// Made with a key of a type that cannot be checked.
    UnsupportedKey { algorithm: String },
    /// Does not match what it signs: the signed bytes changed, or it is another's.
    Mismatch,
    /// The line naming the key (`file:line`) allows it only for other namespaces.
    NamespaceNotAllowed {
        at: String,
        namespaces: String,
        expected: String,
    },
    /// The line naming the key is valid only from `after`.
    NotYetValid { at: String, after: String },
    /// The line naming the key was valid only until `before`.
    Expired { at: String, before: String },
}

impl Signature {
    /// Whether the signature lets the site count as verified.
    pub fn holds(&self) -> bool {
        self.state == SignatureState::Valid
    }

    /// One line saying who signed, or why the signature does not hold.
    pub fn describe(&self) -> String {
        let key = self.key.as_deref().unwrap_or_default();
        match (&self.state, &self.problem) {
            (SignatureState::Valid, _) if self.checked_signer => {
                t!("sign.valid", signers = self.signers.join(", "), key = key)
            }
            (SignatureState::Valid, _) => t!("sign.valid-unchecked", key = key),
            (SignatureState::Missing, _) => t!("sign.missing"),
            (_, Some(Problem::Unreadable)) => t!("sign.unreadable"),
            (
                _,
                Some(Problem::OtherNamespace {
                    namespace,
                    expected,
                }),
            ) => t!(
                "sign.other-namespace",
                namespace = namespace,
                expected = expected
            ),
            (_, Some(Problem::UnsupportedKey { algorithm })) => {
                t!("sign.unsupported-signature", algorithm = algorithm)
            }
            (
                _,
                Some(Problem::NamespaceNotAllowed {
                    at,
                    namespaces,
                    expected,
                }),
            ) => t!(
                "sign.namespace-not-allowed",
                key = key,
                at = at,
                namespaces = namespaces,
                expected = expected
            ),
            (_, Some(Problem::NotYetValid { at, after })) => {
                t!("sign.not-yet-valid", key = key, at = at, after = after)
            }
            (_, Some(Problem::Expired { at, before })) => {
                t!("sign.expired", key = key, at = at, before = before)
            }
            (SignatureState::UnknownSigner, _) => t!("sign.unknown-signer", key = key),
            (SignatureState::Invalid, _) => t!("sign.mismatch", key = key),
        }
    }
}

/// Checks `signature` (the bytes of `manifest.json.sig`, if any) of `message` (the bytes
/// of `manifest.json`) against `allowed` (an allowed signers file), or, without one, only
/// that it is a valid checksheet signature by the key it names.
pub fn check(
    signature: Option<&[u8]>,
    message: &[u8],
    allowed: Option<&AllowedSigners>,
) -> Option<Signature> {
    check_for(
        NAMESPACE,
        signature,
        message,
        allowed,
        jiff::Timestamp::now(),
    )
}

/// Checks `signature` of `message` made for `namespace`, as `ssh-keygen -Y verify -n
/// namespace` does at the time `at` (`-Overify-time`): the signature first, then whether a
/// line of `allowed` names its key for that namespace at that time. `None` when there is
/// no signature and no allowed signers to miss it.
pub fn check_for(
    namespace: &str,
    signature: Option<&[u8]>,
    message: &[u8],
    allowed: Option<&AllowedSigners>,
    at: jiff::Timestamp,
) -> Option<Signature> {
    let Some(signature) = signature else {
        return allowed.map(|_| Signature {
            state: SignatureState::Missing,
            key: None,
            signers: Vec::new(),
            checked_signer: true,
            problem: None,
        });
    };
    let invalid = |key: Option<String>, problem: Problem| Signature {
        state: SignatureState::Invalid,
        key,
        signers: Vec::new(),
        checked_signer: allowed.is_some(),
        problem: Some(problem),
    };
    let Ok(parsed) = SshSig::from_pem(signature) else {
        return Some(invalid(None, Problem::Unreadable));
    };
    let public = PublicKey::from(parsed.public_key().clone());
    let fingerprint = public.fingerprint(HashAlg::Sha256).to_string();
    if parsed.namespace() != namespace {
        return Some(invalid(
            Some(fingerprint),
            Problem::OtherNamespace {
                namespace: parsed.namespace().to_owned(),
                expected: namespace.to_owned(),
            },
        ));
    }
    if !can_check(&public.algorithm()) {
        return Some(invalid(
            Some(fingerprint),
            Problem::UnsupportedKey {
                algorithm: public.algorithm().as_str().to_owned(),
            },
        ));
    }
    if public.verify(namespace, message, &parsed).is_err() {
        return Some(invalid(Some(fingerprint), Problem::Mismatch));
    }
    let Some(allowed) = allowed else {
        return Some(Signature {
            state: SignatureState::Valid,
            key: Some(fingerprint),
            signers: Vec::new(),
            checked_signer: false,
            problem: None,
        });
    };
    let mut signers = Vec::new();
    let mut problem = None;
    for entry in allowed
        .entries
        .iter()
        .filter(|entry| entry.key.key_data() == public.key_data())
    {
        match entry.refuses(&allowed.file, namespace, at) {
            None => signers.extend(entry.principals.iter().cloned()),
            Some(refusal) => {
                problem.get_or_insert(refusal);
            }
        }
    }
    let valid = !signers.is_empty();
    Some(Signature {
        state: if valid {
            SignatureState::Valid
        } else {
            SignatureState::UnknownSigner
        },
        key: Some(fingerprint),
        signers,
        checked_signer: true,
        problem: if valid { None } else { problem },
    })
}

/// An `allowed_signers` file, as `ssh-keygen -Y verify -f` reads it: lines of
/// `principals [options] keytype base64-key [comment]`.
pub struct AllowedSigners {
    /// The file, as given.
    file: String,
    entries: Vec<Allowed>,
    /// Lines set aside: (line number, why).
    skipped: Vec<(usize, String)>,
}

impl AllowedSigners {
    /// Whether any line allows some key to sign for `namespace`: a file of the signers of
    /// sites alone (`namespaces="checksheet"`) says nothing of who may sign git tags.
    pub fn speaks_for(&self, namespace: &str) -> bool {
        self.entries.iter().any(|entry| {
            entry
                .namespaces
                .as_deref()
                .is_none_or(|namespaces| matches_list(namespaces, namespace))
        })
    }

    /// A warning for each line that is not used, naming it and why.
    pub fn warnings(&self) -> Vec<String> {
        self.skipped
            .iter()
            .map(|(line, reason)| {
                t!(
                    "sign.line-skipped",
                    at = format!("{}:{line}", self.file),
                    reason = reason
                )
            })
            .collect()
    }
}

struct Allowed {
    /// The line's number, from 1.
    line: usize,
    principals: Vec<String>,
    key: PublicKey,
    /// `namespaces="…"`: the namespaces the key may sign for (patterns); `None` for any.
    namespaces: Option<String>,
    /// `valid-after` / `valid-before`, when given.
    valid_after: Option<jiff::Timestamp>,
    valid_before: Option<jiff::Timestamp>,
}

impl Allowed {
    /// Why this line does not allow its key to sign for `namespace` at `at`, if it does not;
    /// `file` names the allowed signers file.
    fn refuses(&self, file: &str, namespace: &str, at: jiff::Timestamp) -> Option<Problem> {
        let here = format!("{file}:{}", self.line);
        if let Some(after) = self.valid_after
            && at < after
        {
            return Some(Problem::NotYetValid {
                at: here,
                after: after.to_string(),
            });
        }
        if let Some(before) = self.valid_before
            && at > before
        {
            return Some(Problem::Expired {
                at: here,
                before: before.to_string(),
            });
        }
        if let Some(namespaces) = &self.namespaces
            && !matches_list(namespaces, namespace)
        {
            return Some(Problem::NamespaceNotAllowed {
                at: here,
                namespaces: namespaces.clone(),
                expected: namespace.to_owned(),
            });
        }
        None
    }
}

/// OpenSSH's pattern list: `a,b*,!c`; a negated pattern that matches refuses.
fn matches_list(list: &str, text: &str) -> bool {
    let mut found = false;
    for pattern in list.split(',') {
        match pattern.strip_prefix('!') {
            Some(negated) if matches_pattern(negated, text) => return false,
            Some(_) => {}
            None => found |= matches_pattern(pattern, text),
        }
    }
    found
}
/// OpenSSH's pattern match: `*` any run, `?` one character.
fn matches_pattern(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut s, mut star, mut mark) = (0, 0, None, 0);
    while s < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[s]) {
            p += 1;
            s += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            mark = s;
            p += 1;
        } else if let Some(at) = star {
            p = at + 1;
            mark += 1;
            s = mark;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Splits a line into words, keeping double-quoted runs (which may hold spaces) together.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `YYYYMMDD[HHMM[SS]]`, as in `valid-after`: in UTC with a trailing `Z`, else in Japan
/// time (where ssh-keygen would take the local time of the machine that checks).
fn ssh_time(value: &str) -> Option<jiff::Timestamp> {
    let (digits, offset) = match value.strip_suffix(['Z', 'z']) {
        Some(digits) => (digits, jiff::tz::Offset::UTC),
        None => (value, jiff::tz::Offset::constant(9)),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<i16>().ok();
    let (year, month, day) = (number(0..4)?, number(4..6)?, number(6..8)?);
    let (hour, minute, second) = match digits.len() {
        8 => (0, 0, 0),
        12 => (number(8..10)?, number(10..12)?, 0),
        14 => (number(8..10)?, number(10..12)?, number(12..14)?),
        _ => return None,
    };
    let time = jiff::civil::DateTime::new(
        year,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()?;
    offset.to_timestamp(time).ok()
}

fn unquote(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
}

/// What one line of an allowed signers file is.
enum Line {
    /// Blank, or a comment.
    Nothing,
    Entry(Box<Allowed>),
    /// A line that cannot be used here but may be in `ssh-keygen`, and why.
    Skipped(String),
}

/// Reads an allowed signers file. A line that cannot be read, or with an option
/// `ssh-keygen` does not know, is an error naming it; a line of a key type or kind that
/// cannot be checked here is set aside with a warning ([`AllowedSigners::warnings`]).
pub fn allowed_signers(path: &Path) -> Result<AllowedSigners, Error> {
    // A regular file only, within the limit of any file read: a pipe never hangs the run.
    let files = crate::load::Disk::new(Path::new("."));
    let bytes =
        crate::load::read_bytes(&files, &path.to_string_lossy(), false).map_err(Error::input)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::io(
            "io.read",
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        )
    })?;
    allowed_signers_in(&path.display().to_string(), &text)
}

/// The allowed signers file read from the assessment in `dir` at `path` (relative to it,
/// as its settings name it): never a file that leads outside the assessment.
pub fn allowed_signers_of(dir: &Path, path: &str) -> Result<AllowedSigners, Error> {
    let files = crate::load::Disk::new(dir);
    let bytes = crate::load::read_bytes(&files, path, true).map_err(Error::input)?;
    let shown = crate::load::display(dir, path);
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::io(
            "io.read",
            Path::new(&shown),
            std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        )
    })?;
    allowed_signers_in(&shown, &text)
}

/// The allowed signers in `text`, the file shown as `shown`.
fn allowed_signers_in(shown: &str, text: &str) -> Result<AllowedSigners, Error> {
    let mut signers = AllowedSigners {
        file: shown.to_owned(),
        entries: Vec::new(),
        skipped: Vec::new(),
    };
    for (index, line) in text.lines().enumerate() {
        let bad = |reason: String| {
            Error::input(
                Diagnostic::new(
                    "invalid-allowed-signers",
                    t!("sign.bad-allowed-signers", reason = reason),
                )
                .in_file(shown)
                .at(
                    text,
                    crate::diagnostic::Location {
                        line: index + 1,
                        column: 1,
                        width: line.chars().count().max(1),
                    },
                )
                .help(t!("sign.bad-allowed-signers-help")),
            )
        };
        match read_line(index + 1, line).map_err(bad)? {
            Line::Nothing => {}
            Line::Entry(entry) => signers.entries.push(*entry),
            Line::Skipped(reason) => signers.skipped.push((index + 1, reason)),
        }
    }
    Ok(signers)
}

/// One line of an allowed signers file (`number` from 1); `Err` says why it cannot be read.
fn read_line(number: usize, line: &str) -> Result<Line, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(Line::Nothing);
    }
    let words = words(line);
    let principals: Vec<String> = unquote(&words[0]).split(',').map(str::to_owned).collect();
    let mut rest = &words[1..];
    let mut entry_options = Vec::new();
    if let Some(first) = rest.first()
        && PublicKey::from_openssh(&rest.join(" ")).is_err()
        && !first.starts_with("ssh-")
        && !first.starts_with("ecdsa-")
        && !first.starts_with("sk-")
    {
        entry_options = split_options(first);
        rest = &rest[1..];
    }
    let key = PublicKey::from_openssh(&rest.join(" ")).map_err(|_| t!("sign.bad-allowed-key"))?;
    let mut allowed = Allowed {
        line: number,
        principals,
        key,
        namespaces: None,
        valid_after: None,
        valid_before: None,
    };
    let mut authority = false;
    for option in entry_options {
        let (name, value) = option.split_once('=').unwrap_or((&option, ""));
        let value = unquote(value);
        let time = || ssh_time(value).ok_or_else(|| t!("sign.bad-time", option = option.as_str()));
        match name.to_ascii_lowercase().as_str() {
            "namespaces" => allowed.namespaces = Some(value.to_owned()),
            "valid-after" => allowed.valid_after = Some(time()?),
            "valid-before" => allowed.valid_before = Some(time()?),
            "cert-authority" => authority = true,
            _ => return Err(t!("sign.unknown-option", option = option.as_str())),
        }
    }
    if authority {
        return Ok(Line::Skipped(t!("sign.skip-cert-authority")));
    }
    if !can_check(&allowed.key.algorithm()) {
        return Ok(Line::Skipped(t!(
            "sign.skip-key-type",
            algorithm = allowed.key.algorithm().as_str()
        )));
    }
    Ok(Line::Entry(Box::new(allowed)))
}

/// `a,b="c,d",e` as `a`, `b="c,d"`, `e`.
fn split_options(options: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in options.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            ',' if !quoted => found.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_as_openssh_does() {
        assert!(matches_pattern("checksheet", "checksheet"));
        assert!(matches_pattern("check*", "checksheet"));
        assert!(matches_pattern("*", "checksheet"));
        assert!(matches_pattern("checks?eet", "checksheet"));
        assert!(!matches_pattern("git", "checksheet"));
        assert!(!matches_pattern("checksheet?", "checksheet"));
        assert!(matches_list("git,checksheet", "checksheet"));
        assert!(!matches_list("*,!checksheet", "checksheet"));
        assert!(matches_list("*,!git", "checksheet"));
    }

    #[test]
    fn options_keep_quoted_commas() {
        assert_eq!(
            split_options(r#"namespaces="git,checksheet",valid-after="20260101""#),
            vec![
                r#"namespaces="git,checksheet""#,
                r#"valid-after="20260101""#
            ]
        );
    }

    #[test]
    fn times_read_as_openssh_writes_them() {
        assert_eq!(
            ssh_time("20260401").unwrap().to_string(),
            "2026-03-31T15:00:00Z"
        );
        assert_eq!(
            ssh_time("202604011230Z").unwrap().to_string(),
            "2026-04-01T12:30:00Z"
        );
        assert!(ssh_time("2026-04-01").is_none());
    }

    #[test]
    fn every_key_type_ssh_keygen_checks_is_read() {
        for line in [
            "a ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBOH1J7jCr9XoaZiPG3xo+CmmCXJwwWF7gNGJmEDz+So/Za5KOFRK5Ku6uOdrDN8IggTX86mlok3v+XNp7yAPBuDj1oILOGP2IqOOr8V3UOBIQtfVzu9xdufqUkxTFyaAwQ==",
            "a ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDRiuwziGxzvkUNZQ+JBJJsGO4EsAca1wb9kKaVTPMtViPTTns8sNxnV7MypdNSSGUO0UuKM3bohUeqzlhwfd9RlBZvHH0jWy/DnT/NOm2TTJJPPC0kgNm0+/iK+LSOxuOpB6xyx1JZvNCP0C0XTSj5bNeJa6966/cc5Cw7c/KZrgKSxjxMh3ankiApobubU2evlHA+duZyGm070hNUGBM3hekQkT7ZajysDAW+rV/9aHYlDyNW2sZMVPIadk5eb77NPv8a2QsCUUxElkloxVeiRZXa2SutGfibDR5e6tkrt9UpYpSld2fdW+DZC8Fhq6ew9Fe+8bk7Cx0G1jFmEMaR",
            "a ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
        ] {
            assert!(matches!(read_line(1, line), Ok(Line::Entry(_))), "{line}");
        }
        assert!(matches!(read_line(1, "   "), Ok(Line::Nothing)));
        assert!(matches!(read_line(1, "# a"), Ok(Line::Nothing)));
    }
}
