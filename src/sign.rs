//! Signatures: a site's `manifest.json` signed with an OpenSSH ed25519 key in OpenSSH's
//! SSHSIG format (namespace `checksheet`), and checked against an `allowed_signers` file as
//! `ssh-keygen -Y verify` does. The only user of `ssh-key`.

use std::path::Path;

use serde::Serialize;
use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;

/// The SSHSIG namespace of checksheet's signatures, so that a signature made for anything
/// else (a git commit, a file) is never taken for a signed site.
pub const NAMESPACE: &str = "checksheet";

/// The file beside `manifest.json` that holds its signature.
pub const SIGNATURE_FILE: &str = "manifest.json.sig";

/// The environment variable that holds the passphrase of an encrypted key.
pub const PASSPHRASE_VAR: &str = "CHECKSHEET_SIGN_PASSPHRASE";

/// A signing key, read and decrypted.
pub struct Key {
    key: PrivateKey,
}

fn key_error(code: &'static str, message: String, help: String) -> Error {
    Error::input(Diagnostic::new(code, message).help(help))
}

/// Reads the OpenSSH private key file at `path`; an encrypted key is decrypted with the
/// passphrase `passphrase` (from [`PASSPHRASE_VAR`]), and refused without one.
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
    if key.algorithm() != ssh_key::Algorithm::Ed25519 {
        return Err(key_error(
            "unsupported-key",
            t!(
                "sign.not-ed25519",
                file = shown,
                algorithm = key.algorithm().as_str()
            ),
            t!("sign.not-a-key-help"),
        ));
    }
    Ok(Key { key })
}

impl Key {
    /// The SSHSIG signature of `message`, armoured. Ed25519 signatures are deterministic,
    /// so the same key and message always give the same bytes.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.key
            .sign(NAMESPACE, HashAlg::Sha512, message)
            .and_then(|signature| signature.to_pem(LineEnding::LF))
            .expect("an ed25519 key signs any message")
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
    /// allow), `invalid` (does not match the manifest, or not a checksheet signature),
    /// `missing` (allowed signers were given and there is no signature).
    pub state: SignatureState,
    /// The signing key's fingerprint (`SHA256:…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The identities the allowed signers file gives that key.
    pub signers: Vec<String>,
    /// Whether the signer was checked against an allowed signers file.
    pub checked_signer: bool,
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

impl Signature {
    /// Whether the signature lets the site count as verified.
    pub fn holds(&self) -> bool {
        self.state == SignatureState::Valid
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
    let Some(signature) = signature else {
        return allowed.map(|_| Signature {
            state: SignatureState::Missing,
            key: None,
            signers: Vec::new(),
            checked_signer: true,
        });
    };
    let invalid = |key: Option<String>| Signature {
        state: SignatureState::Invalid,
        key,
        signers: Vec::new(),
        checked_signer: allowed.is_some(),
    };
    let Ok(parsed) = SshSig::from_pem(signature) else {
        return Some(invalid(None));
    };
    let public = PublicKey::from(parsed.public_key().clone());
    let fingerprint = public.fingerprint(HashAlg::Sha256).to_string();
    if parsed.namespace() != NAMESPACE || public.verify(NAMESPACE, message, &parsed).is_err() {
        return Some(invalid(Some(fingerprint)));
    }
    let Some(allowed) = allowed else {
        return Some(Signature {
            state: SignatureState::Valid,
            key: Some(fingerprint),
            signers: Vec::new(),
            checked_signer: false,
        });
    };
    let now = jiff::Timestamp::now();
    let signers: Vec<String> = allowed
        .entries
        .iter()
        .filter(|entry| entry.key.key_data() == public.key_data() && entry.allows(now))
        .flat_map(|entry| entry.principals.iter().cloned())
        .collect();
    Some(Signature {
        state: if signers.is_empty() {
            SignatureState::UnknownSigner
        } else {
            SignatureState::Valid
        },
        key: Some(fingerprint),
        signers,
        checked_signer: true,
    })
}

/// An `allowed_signers` file, as `ssh-keygen -Y verify -f` reads it: lines of
/// `principals [options] keytype base64-key [comment]`.
pub struct AllowedSigners {
    entries: Vec<Allowed>,
}

struct Allowed {
    principals: Vec<String>,
    key: PublicKey,
    /// `namespaces="…"`: the namespaces the key may sign for; `None` for any.
    namespaces: Option<Vec<String>>,
    /// `valid-after` / `valid-before`, when given.
    valid_after: Option<jiff::Timestamp>,
    valid_before: Option<jiff::Timestamp>,
}

impl Allowed {
    fn allows(&self, now: jiff::Timestamp) -> bool {
        self.namespaces.as_ref().is_none_or(|namespaces| {
            namespaces
                .iter()
                .any(|pattern| matches_pattern(pattern, NAMESPACE))
        }) && self.valid_after.is_none_or(|after| now >= after)
            && self.valid_before.is_none_or(|before| now < before)
    }
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

/// Reads an allowed signers file; a line that cannot be read is an error naming it.
pub fn allowed_signers(path: &Path) -> Result<AllowedSigners, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("io.read", path, e))?;
    let shown = path.display().to_string();
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: String| {
            Error::input(
                Diagnostic::new(
                    "invalid-allowed-signers",
                    t!("sign.bad-allowed-signers", reason = reason),
                )
                .in_file(&shown)
                .at(
                    &text,
                    crate::diagnostic::Location {
                        line: index + 1,
                        column: 1,
                        width: line.chars().count().max(1),
                    },
                )
                .help(t!("sign.bad-allowed-signers-help")),
            )
        };
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
        let key = PublicKey::from_openssh(&rest.join(" "))
            .map_err(|_| bad(t!("sign.bad-allowed-key")))?;
        let mut allowed = Allowed {
            principals,
            key,
            namespaces: None,
            valid_after: None,
            valid_before: None,
        };
        for option in entry_options {
            let (name, value) = option.split_once('=').unwrap_or((&option, ""));
            let value = unquote(value);
            match name.to_ascii_lowercase().as_str() {
                "namespaces" => {
                    allowed.namespaces = Some(value.split(',').map(str::to_owned).collect());
                }
                "valid-after" => {
                    allowed.valid_after = Some(
                        ssh_time(value)
                            .ok_or_else(|| bad(t!("sign.bad-time", option = option.as_str())))?,
                    );
                }
                "valid-before" => {
                    allowed.valid_before = Some(
                        ssh_time(value)
                            .ok_or_else(|| bad(t!("sign.bad-time", option = option.as_str())))?,
                    );
                }
                // A certificate authority's key signs certificates, never a manifest.
                "cert-authority" => {
                    return Err(bad(t!("sign.cert-authority")));
                }
                _ => return Err(bad(t!("sign.unknown-option", option = option.as_str()))),
            }
        }
        entries.push(allowed);
    }
    Ok(AllowedSigners { entries })
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
}
