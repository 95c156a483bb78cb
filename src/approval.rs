//! Approvals: who signed a publication tag (as `git tag -v` checks it), for `log` and
//! `verify`.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::history::Repo;
use crate::i18n::t;
use crate::sign::{self, AllowedSigners, Problem, SignatureState};

/// A publication and its approver's signature.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Approval {
    /// The publication tag.
    pub tag: String,
    /// The commit it publishes.
    pub commit: String,
    /// `valid` (signed by an allowed signer, or by the key it names when no allowed signers
    /// were given), `unknown-signer` (a good signature by a key the allowed signers do not
    /// allow for git at the tag's time), `invalid` (does not match the tag, or not made for
    /// git), `unsigned`.
    pub state: ApprovalState,
    /// The signing key's fingerprint (`SHA256:…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The principals the allowed signers give that key.
    pub signers: Vec<String>,
    /// Whether the signer was checked against an allowed signers file.
    pub checked_signer: bool,
    /// Why the signature does not hold, when it can say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// How a publication's signature fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApprovalState {
    Valid,
    UnknownSigner,
    Invalid,
    Unsigned,
}

/// The approval of the publication tag `tag`: its SSH signature checked as `git -c
/// gpg.format=ssh tag -v` checks it (namespace `git`, at the tagger's time) against
/// `allowed`. `None` when there is no annotated tag of that name.
pub fn approval(repo: &Repo, tag: &str, allowed: Option<&AllowedSigners>) -> Option<Approval> {
    let signed = repo.signed_tag(tag)?;
    let unsigned = Approval {
        tag: tag.to_owned(),
        commit: signed.commit.clone(),
        state: ApprovalState::Unsigned,
        key: None,
        signers: Vec::new(),
        checked_signer: allowed.is_some(),
        problem: None,
    };
    let Some(signature) = signed.signature.as_deref() else {
        return Some(unsigned);
    };
    let at = signed
        .time
        .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    let checked = sign::check_for(
        sign::GIT_NAMESPACE,
        Some(signature),
        &signed.payload,
        allowed,
        at,
    )?;
    Some(Approval {
        state: match checked.state {
            SignatureState::Valid => ApprovalState::Valid,
            SignatureState::UnknownSigner => ApprovalState::UnknownSigner,
            SignatureState::Invalid => ApprovalState::Invalid,
            SignatureState::Missing => ApprovalState::Unsigned,
        },
        key: checked.key,
        signers: checked.signers,
        checked_signer: checked.checked_signer,
        problem: checked.problem,
        ..unsigned
    })
}

/// The allowed signers file to check approvals with: `given`, else the one the
/// repository's git configuration names (`gpg.ssh.allowedSignersFile`), if any.
pub fn signers_file(dir: &Path, given: Option<&Path>) -> Option<PathBuf> {
    given
        .map(Path::to_path_buf)
        .or_else(|| Repo::open(dir).ok()?.allowed_signers_file())
}

impl Approval {
    /// One line: the publication and who approved it, or why that is not known.
    pub fn describe(&self) -> String {
        let signature = match self.state {
            ApprovalState::Unsigned => t!("approval.unsigned"),
            ApprovalState::Valid if self.checked_signer => t!(
                "approval.approved-by",
                signers = self.signers.join(", "),
                key = self.key.as_deref().unwrap_or_default()
            ),
            ApprovalState::Valid => t!(
                "approval.unchecked",
                key = self.key.as_deref().unwrap_or_default()
            ),
            state => sign::Signature {
                state: if state == ApprovalState::Invalid {
                    SignatureState::Invalid
                } else {
                    SignatureState::UnknownSigner
                },
                key: self.key.clone(),
                signers: self.signers.clone(),
                checked_signer: self.checked_signer,
                problem: self.problem.clone(),
            }
            .describe(),
        };
        t!(
            "approval.publication",
            tag = self.tag,
            signature = signature
        )
    }
}
