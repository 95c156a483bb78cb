//! A site's place in its assessment's chain of publications: what its manifest says
//! (`publication`), and, against the repository, whether that is the latest publication,
//! a publication at all, with none left out of its history and the links its tags record.

use serde::Serialize;

use crate::history::{Publication, Repo};
use crate::i18n::t;

/// What a manifest says of the publication its site is.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Chain {
    /// The publication's place, counting from 1; for a site built from a commit that is
    /// not a publication, the number of publications before it.
    pub sequence: u64,
    /// The publication tag; `None` for a site built from a commit that is not one.
    pub tag: Option<String>,
    /// The publication before it.
    pub previous: Option<Previous>,
}

/// The publication before a site's, as its manifest records it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Previous {
    pub tag: String,
    /// The SHA-256 of that publication's `manifest.json`, as its tag records it.
    pub manifest_sha256: Option<String>,
}

/// The manifest's `publication`, when it has one (sites built by versions before it had
/// none).
pub fn read(value: &serde_json::Value) -> Option<Chain> {
    let publication = &value["publication"];
    Some(Chain {
        sequence: publication["sequence"].as_u64()?,
        tag: publication["tag"].as_str().map(str::to_owned),
        previous: publication["previous"]["tag"].as_str().map(|tag| Previous {
            tag: tag.to_owned(),
            manifest_sha256: publication["previous"]["manifest-sha256"]
                .as_str()
                .map(str::to_owned),
        }),
    })
}

/// What is wrong with the site's place among the publications `repo` holds: `chain` and
/// `listed` (the tags of the publications its history shows) from its manifest, whose
/// SHA-256 is `manifest`. Each problem in words.
pub fn problems(
    repo: &Repo,
    chain: Option<&Chain>,
    listed: &[String],
    manifest: &str,
) -> Result<Vec<String>, crate::error::Error> {
    let all = repo.publications()?;
    let Some(chain) = chain else {
        return Ok(vec![t!("verify.chain-none")]);
    };
    let mut problems = Vec::new();
    let own = chain
        .tag
        .as_ref()
        .and_then(|tag| all.iter().position(|p| &p.tag == tag));
    // The publications up to the site's own: all of them for a site that is none.
    let upto = match (&chain.tag, own) {
        (None, _) => {
            problems.push(t!("verify.chain-not-published"));
            all.len()
        }
        (Some(tag), None) => {
            problems.push(t!("verify.chain-tag-missing", tag = tag));
            all.len()
        }
        (Some(_), Some(at)) => at + 1,
    };
    for publication in &all[..upto] {
        if !listed.contains(&publication.tag) {
            problems.push(t!("verify.chain-left-out", tag = publication.tag));
        }
    }
    if let Some(newer) = all[upto..].last() {
        problems.push(t!(
            "verify.chain-newer",
            tag = newer.tag,
            date = date(newer),
            count = all.len() - upto
        ));
    }
    if let Some(at) = own {
        links(&all, at, chain, manifest, &mut problems);
    }
    Ok(problems)
}

/// The links the tags record: the site's own tag records its manifest's SHA-256, and the
/// one before records what the manifest says it does.
fn links(
    all: &[Publication],
    at: usize,
    chain: &Chain,
    manifest: &str,
    problems: &mut Vec<String>,
) {
    let own = &all[at];
    if let Some(recorded) = &own.manifest
        && recorded != manifest
    {
        problems.push(t!(
            "verify.chain-manifest-differs",
            tag = own.tag,
            recorded = short(recorded),
            actual = short(manifest)
        ));
    }
    let before = at.checked_sub(1).map(|before| &all[before]);
    match (before, &chain.previous) {
        (Some(before), Some(previous)) if before.tag != previous.tag => {
            problems.push(t!(
                "verify.chain-previous-tag",
                recorded = previous.tag,
                actual = before.tag
            ));
        }
        (Some(before), Some(previous)) => {
            if let Some(recorded) = &before.manifest
                && previous.manifest_sha256.as_ref() != Some(recorded)
            {
                problems.push(t!(
                    "verify.chain-previous-manifest",
                    tag = before.tag,
                    recorded = short(recorded),
                    actual = previous
                        .manifest_sha256
                        .as_deref()
                        .map_or_else(|| "-".to_owned(), |s| short(s).to_owned())
                ));
            }
        }
        (Some(before), None) => problems.push(t!(
            "verify.chain-previous-tag",
            recorded = "-",
            actual = before.tag
        )),
        (None, Some(previous)) => problems.push(t!(
            "verify.chain-previous-tag",
            recorded = previous.tag,
            actual = "-"
        )),
        (None, None) => {}
    }
}

/// The day a publication was made, in Japan.
fn date(publication: &Publication) -> String {
    crate::audit::japan_time(publication.time)
        .date()
        .to_string()
}

fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}
