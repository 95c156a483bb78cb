//! What a build remembers of how it made its outputs, so that the next build into the same
//! folder takes again, instead of rendering anew, every output made from the same things:
//! each current page by what its template saw, and the archived publications with the
//! history pages by the publications and the settings, checklist and logo they were
//! rendered with.
//!
//! Kept in `<git folder>/checksheet/built/`, a file per output folder; an assessment outside
//! a git repository is rendered whole each time. A memory counts only when this very
//! program wrote it (its stamp), with the same templates, about the site the folder holds
//! now (the SHA-256 of its manifest); the files themselves are taken again only when they
//! still have the SHA-256 the manifest lists ([`crate::write::Staging::reuse`]). Written
//! aside and renamed; a memory that cannot be read or written only costs time.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::render::Published;
use crate::validate::Workspace;

/// How the outputs of one build were made.
#[derive(Default, Serialize, Deserialize)]
pub struct Made {
    /// The program that made them ([`crate::digest::build_stamp`]).
    stamp: String,
    /// The templates that rendered them ([`templates`]).
    templates: String,
    /// The SHA-256 of the manifest of the site they are.
    manifest: String,
    /// Each current page and its print stylesheet, with the recipe it was rendered from.
    pub pages: BTreeMap<String, String>,
    /// The archived publications and the history pages.
    pub history: Option<History>,
}

/// The part of a site that shows its publications.
#[derive(Serialize, Deserialize)]
pub struct History {
    /// What it was made from ([`history_key`]).
    pub key: String,
    /// The publications as the site lists them.
    pub published: Vec<Published>,
    /// Its files: the archived sheets with their data files, and the history pages.
    pub outputs: BTreeSet<String>,
}

/// The templates the site of `workspace` is rendered with, as a SHA-256: the assessment's
/// own, by name and contents (the shipped ones are the program's).
pub fn templates(workspace: &Workspace) -> String {
    let named: Vec<(&str, &str)> = workspace
        .templates
        .iter()
        .map(|(name, file)| (name.as_str(), file.sha256.as_str()))
        .collect();
    crate::digest::sha256(&serde_json::to_vec(&named).expect("strings serialize"))
}

/// What the history part of the site of `workspace` is made from, as a SHA-256: its
/// settings (organization, languages, services), checklist and logo, and the publications
/// (each fixed by its tag, commit, time and message: a commit fixes every file it holds).
pub fn history_key(workspace: &Workspace, publications: &[crate::history::Publication]) -> String {
    let logo = workspace
        .logo
        .as_ref()
        .map(|logo| crate::digest::sha256(&logo.bytes));
    let key = serde_json::json!({
        "settings": workspace.assessment_file.sha256,
        "checklist": workspace.checklist_file.sha256,
        "logo": logo,
        "publications": publications,
    });
    crate::digest::sha256(&serde_json::to_vec(&key).expect("JSON values serialize"))
}

/// The file that remembers how the site in `out` was made, for the assessment in `dir`.
fn file(dir: &Path, out: &Path) -> Option<PathBuf> {
    memory(dir, out, "built")
}

/// Where the folders of the site in `out` are kept, emptied, once a build has replaced it,
/// for the next build to write into ([`crate::write::Staging`]).
pub fn spare(dir: &Path, out: &Path) -> Option<PathBuf> {
    memory(dir, out, "spare")
}

/// The place in `kind` that checksheet keeps for the output folder `out` of the assessment
/// in `dir`.
fn memory(dir: &Path, out: &Path, kind: &str) -> Option<PathBuf> {
    let folder = crate::history::memory_folder(dir)?;
    let absolute = crate::write::absolute(out)?;
    let name = crate::digest::sha256(absolute.to_string_lossy().as_bytes());
    Some(folder.join(kind).join(&name[..32]))
}

impl Made {
    /// A memory for outputs about to be made by this program with the templates of
    /// `workspace`.
    pub fn new(workspace: &Workspace) -> Made {
        Made {
            stamp: crate::digest::build_stamp().unwrap_or_default(),
            templates: templates(workspace),
            ..Made::default()
        }
    }

    /// How the site now in `out` (whose manifest has the SHA-256 `manifest`) was made, if
    /// this program remembers it and rendered it with the templates of `workspace`.
    pub fn read(dir: &Path, out: &Path, manifest: &str, workspace: &Workspace) -> Option<Made> {
        let text = std::fs::read(file(dir, out)?).ok()?;
        let made: Made = serde_json::from_slice(&text).ok()?;
        let stamp = crate::digest::build_stamp()?;
        (made.stamp == stamp && made.templates == templates(workspace) && made.manifest == manifest)
            .then_some(made)
    }

    /// Remembers these outputs as those of the site in `out`, whose manifest is `manifest`.
    /// Nothing is remembered by a program that cannot tell its own stamp.
    pub fn keep(mut self, dir: &Path, out: &Path, manifest: &[u8]) {
        if self.stamp.is_empty() {
            return;
        }
        let Some(file) = file(dir, out) else {
            return;
        };
        self.manifest = crate::digest::sha256(manifest);
        let Ok(text) = serde_json::to_vec(&self) else {
            return;
        };
        if let Some(folder) = file.parent() {
            let _ = std::fs::create_dir_all(folder);
        }
        let _ = crate::write::replace_file(&file, &text);
    }
}
