//! Git history: assessments at revisions, publication tags, the log. The only git2 user.

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;
use crate::load::{Files, Refusal};

/// The prefix of publication tags: `checksheet/2026-10-01`.
const TAG_PREFIX: &str = "checksheet/";

/// The git repository an assessment lives in.
pub struct Repo {
    repository: git2::Repository,
    /// The assessment folder relative to the repository's root, `""` or ending in `/`.
    prefix: String,
    /// Trees of the assessment folder known usable: read from the git folder when first
    /// asked, and those learned in this run.
    usable: std::cell::RefCell<Option<Usable>>,
}

/// The trees (of the assessment folder) that this build of checksheet evaluated and found
/// usable, every file valid, kept in `<git folder>/checksheet/usable` between runs. A tree
/// fixes every input, so a revision with a tree in it need not be read whole again to know
/// that the files a comparison does not read are valid. Written by a different build, the
/// file is ignored: another build may judge files otherwise.
#[derive(Default)]
struct Usable {
    trees: std::collections::HashSet<String>,
    /// In the order learned; the oldest go first past [`USABLE_LIMIT`].
    order: Vec<String>,
    learned: bool,
}

/// How many usable trees are remembered.
const USABLE_LIMIT: usize = 20_000;

/// The folder, in the git folder, where checksheet keeps what it remembers between runs.
const MEMORY: &str = "checksheet";

/// Where checksheet keeps what it remembers between runs for the assessment in `dir`:
/// `<git folder>/checksheet`; `None` outside a git repository.
pub fn memory_folder(dir: &Path) -> Option<PathBuf> {
    let repository = git2::Repository::discover(dir).ok()?;
    Some(repository.path().join(MEMORY))
}

/// A publication: an annotated tag on a commit.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Publication {
    pub tag: String,
    pub commit: String,
    /// Seconds since the epoch: the tagger's time, or the commit's.
    pub time: i64,
    /// The tag's message as people wrote it: without the lines checksheet records
    /// ([`MANIFEST_TRAILER`]) and without a signature.
    pub message: String,
    /// The SHA-256 of the site's `manifest.json` as `publish` built it, when the tag records
    /// one: the link the next publication's manifest chains to.
    #[serde(default)]
    pub manifest: Option<String>,
}

/// The line of a publication tag's message that records the SHA-256 of the manifest of the
/// site built at the publication: `Checksheet-Manifest: sha256:<hex>`.
pub const MANIFEST_TRAILER: &str = "Checksheet-Manifest:";

/// A publication tag's message split into what people wrote and the manifest SHA-256 it
/// records; a signature block (git's `-----BEGIN … SIGNATURE-----`) is not part of either.
pub fn split_message(message: &str) -> (String, Option<String>) {
    let mut kept = Vec::new();
    let mut manifest = None;
    for line in message.lines() {
        if line.starts_with("-----BEGIN ") && line.ends_with(" SIGNATURE-----") {
            break;
        }
        match line.strip_prefix(MANIFEST_TRAILER) {
            Some(value) => {
                manifest = value
                    .trim()
                    .strip_prefix("sha256:")
                    .filter(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
                    .map(str::to_ascii_lowercase);
            }
            None => kept.push(line),
        }
    }
    (kept.join("\n").trim().to_owned(), manifest)
}

/// A commit that changed the assessment.
#[derive(Clone, Debug)]
pub struct Change {
    pub commit: String,
    pub time: i64,
    pub author: String,
    pub message: String,
    pub parent: Option<String>,
    /// Whether it has a parent that this (shallow) clone does not hold.
    pub shallow: bool,
}

/// The number of the first line of `packed-refs` in the git directory `common` that is
/// not a reference as git writes it (a header, `<id> <name>` or `^<id>`); none when the
/// file is whole or absent. A file past 256 MiB is damaged at its first line past it.
fn damaged_packed_refs(common: &Path) -> Option<usize> {
    use std::io::BufRead as _;
    const LIMIT: u64 = 256 * 1024 * 1024;
    let path = common.join("packed-refs");
    let metadata = std::fs::symlink_metadata(&path).ok()?;
    if !metadata.is_file() {
        return Some(1);
    }
    let file = std::fs::File::open(&path).ok()?;
    let is_id = |id: &[u8]| {
        matches!(id.len(), 40 | 64) && id.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    };
    let mut read = 0_u64;
    let mut reader = std::io::BufReader::new(std::io::Read::take(file, LIMIT + 1));
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        // A line is never longer than an id and a reference name git accepts.
        let got = std::io::Read::take(&mut reader, 64 * 1024)
            .read_until(b'\n', &mut line)
            .ok()?;
        if got == 0 {
            return None;
        }
        read += got as u64;
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let whole = read <= LIMIT
            && line.ends_with(b"\n")
            && (text.starts_with(b"#")
                || text.strip_prefix(b"^").is_some_and(is_id)
                || text.iter().position(|b| *b == b' ').is_some_and(|space| {
                    let (id, name) = (&text[..space], &text[space + 1..]);
                    is_id(id) && name.starts_with(b"refs/") && !name.contains(&b' ')
                }));
        if !whole {
            return Some(number);
        }
    }
    None
}

fn git_error(message: String, help: String) -> Error {
    Error::input(Diagnostic::new("git", message).help(help))
}

impl Repo {
    /// The repository holding the assessment folder `dir`.
    pub fn open(dir: &Path) -> Result<Repo, Error> {
        // Objects are read as git reads them, without hashing each again on the way (a
        // collision-detecting SHA-1 of every blob): `git fsck` is what checks a store.
        git2::opts::strict_hash_verification(false);
        let repository = git2::Repository::discover(dir).map_err(|_| {
            git_error(
                t!("git.no-repository", dir = dir.display()),
                t!("git.no-repository-help"),
            )
        })?;
        let workdir = repository
            .workdir()
            .ok_or_else(|| git_error(t!("git.bare"), t!("git.bare-help")))?
            .canonicalize()
            .map_err(|e| Error::io("open", dir, e))?;
        let dir = dir.canonicalize().map_err(|e| Error::io("open", dir, e))?;
        let relative = dir.strip_prefix(&workdir).unwrap_or(Path::new(""));
        let mut prefix = relative.to_string_lossy().replace('\\', "/");
        if !prefix.is_empty() {
            prefix.push('/');
        }
        Ok(Repo {
            repository,
            prefix,
            usable: std::cell::RefCell::new(None),
        })
    }

    /// The file of usable trees.
    fn usable_file(&self) -> PathBuf {
        self.repository.path().join(MEMORY).join("usable")
    }

    /// The tree of `commit` (a full id).
    fn tree_at(&self, commit: &str) -> Result<git2::Tree<'_>, git2::Error> {
        git2::Oid::from_str(commit)
            .and_then(|oid| self.repository.find_commit(oid))
            .and_then(|c| c.tree())
    }

    /// The id of the assessment folder's tree at `commit`.
    fn folder_tree(&self, commit: &str) -> Option<String> {
        let tree = self.tree_at(commit).ok()?;
        if self.prefix.is_empty() {
            return Some(tree.id().to_string());
        }
        let entry = tree
            .get_path(Path::new(self.prefix.trim_end_matches('/')))
            .ok()?;
        Some(entry.id().to_string())
    }

    /// Runs `f` on the usable trees, read first if need be.
    fn with_usable<R>(&self, f: impl FnOnce(&mut Usable) -> R) -> R {
        let mut usable = self.usable.borrow_mut();
        let usable = usable.get_or_insert_with(|| {
            let mut found = Usable::default();
            let text = std::fs::read_to_string(self.usable_file()).unwrap_or_default();
            let mut lines = text.lines();
            if crate::digest::build_stamp()
                .is_some_and(|stamp| lines.next() == Some(stamp.as_str()))
            {
                for tree in lines.filter(|l| git2::Oid::from_str(l).is_ok()) {
                    if found.trees.insert(tree.to_owned()) {
                        found.order.push(tree.to_owned());
                    }
                }
            }
            found
        });
        f(usable)
    }

    /// Whether the assessment at `commit` is known usable (see [`Usable`]).
    pub fn known_usable(&self, commit: &str) -> bool {
        self.folder_tree(commit)
            .is_some_and(|tree| self.with_usable(|usable| usable.trees.contains(&tree)))
    }

    /// Notes that the assessment at `commit` is usable; [`Repo::keep_usable`] writes it.
    pub fn learn_usable(&self, commit: &str) {
        let Some(tree) = self.folder_tree(commit) else {
            return;
        };
        self.with_usable(|usable| {
            if usable.trees.insert(tree.clone()) {
                usable.order.push(tree);
                usable.learned = true;
            }
        });
    }

    /// Writes the usable trees learned in this run beside those known before, whole or not
    /// at all (a file written aside, then renamed). A git folder that cannot be written
    /// only means the next run reads more.
    pub fn keep_usable(&self) {
        let Some(stamp) = crate::digest::build_stamp() else {
            return;
        };
        self.with_usable(|usable| {
            if !usable.learned {
                return;
            }
            let skip = usable.order.len().saturating_sub(USABLE_LIMIT);
            let mut text = format!("{stamp}\n");
            for tree in &usable.order[skip..] {
                text.push_str(tree);
                text.push('\n');
            }
            let file = self.usable_file();
            let Some(folder) = file.parent() else {
                return;
            };
            let aside = folder.join(format!("usable.{}.tmp", std::process::id()));
            let written = std::fs::create_dir_all(folder)
                .and_then(|()| std::fs::write(&aside, text))
                .and_then(|()| std::fs::rename(&aside, &file));
            if written.is_err() {
                let _ = std::fs::remove_file(&aside);
            }
            usable.learned = false;
        });
    }

    /// The commit `revision` names (a hash, tag, branch, `HEAD~2`, …).
    pub fn commit(&self, revision: &str) -> Result<String, Error> {
        let object = self.repository.revparse_single(revision).map_err(|error| {
            if self.repository.is_shallow() && error.code() == git2::ErrorCode::NotFound {
                git_error(
                    t!("git.shallow", revision = revision),
                    t!("git.unshallow-help"),
                )
            } else {
                git_error(
                    t!("git.unknown-revision", revision = revision),
                    t!("git.unknown-revision-help"),
                )
            }
        })?;
        let commit = object.peel_to_commit().map_err(|_| {
            git_error(
                t!("git.not-a-commit", revision = revision),
                t!("git.not-a-commit-help"),
            )
        })?;
        Ok(commit.id().to_string())
    }

    /// The commit time of `commit` (a full id), in seconds since the epoch.
    pub fn commit_time(&self, commit: &str) -> Result<i64, Error> {
        git2::Oid::from_str(commit)
            .and_then(|oid| self.repository.find_commit(oid))
            .map(|c| c.time().seconds())
            .map_err(|e| {
                git_error(
                    t!("git.cannot-read", what = commit, error = e),
                    t!("git.check"),
                )
            })
    }

    /// The assessment's files as committed in `commit`, named `label:path` in messages.
    pub fn files(&self, commit: &str, label: &str) -> Result<Revision, Error> {
        let repository = git2::Repository::open(self.repository.path())
            .map_err(|e| git_error(t!("git.cannot-open", error = e), t!("git.check")))?;
        let tree = repository
            .find_commit(
                git2::Oid::from_str(commit)
                    .map_err(|e| git_error(e.to_string(), t!("git.not-a-commit-help")))?,
            )
            .and_then(|c| c.tree())
            .map_err(|e| {
                git_error(
                    t!("git.cannot-read", what = label, error = e),
                    t!("git.check"),
                )
            })?
            .id();
        Ok(Revision {
            repository,
            tree,
            prefix: self.prefix.clone(),
            label: label.to_owned(),
            entries: std::cell::OnceCell::new(),
        })
    }

    /// The prefix of this assessment's publication tags: `checksheet/` for an assessment at
    /// the repository's root, `checksheet/<folder>/` for one in a folder, so that several
    /// assessments in one repository keep separate publications.
    pub fn tag_prefix(&self) -> String {
        format!("{TAG_PREFIX}{}", self.prefix)
    }

    /// Every publication tag of this assessment, oldest first (by time, then name). References
    /// that cannot be read (a damaged `packed-refs`, a tag whose object is missing) are an
    /// error naming them: publications never vanish from the history without a word.
    pub fn publications(&self) -> Result<Vec<Publication>, Error> {
        let mut found = Vec::new();
        let prefix = self.tag_prefix();
        let broken = |what: &str, error: &git2::Error| {
            git_error(
                t!("git.broken-ref", what = what, error = error.message()),
                t!("git.broken-ref-help"),
            )
        };
        // libgit2 passes over a line of `packed-refs` it cannot read, and the tags on it
        // with it; git itself refuses the file. So is it read here first.
        if let Some(line) = damaged_packed_refs(self.repository.commondir()) {
            return Err(git_error(
                t!("git.broken-packed-refs", line = line),
                t!("git.broken-ref-help"),
            ));
        }
        let names = self
            .repository
            .tag_names(Some(&format!("{prefix}*")))
            .map_err(|e| broken("refs/tags", &e))?;
        let own = names.iter().filter_map(|n| n.ok().flatten()).filter(|n| {
            n.strip_prefix(&prefix)
                .is_some_and(|rest| !rest.contains('/'))
        });
        for name in own {
            let full = format!("refs/tags/{name}");
            let reference = self
                .repository
                .find_reference(&full)
                .map_err(|e| broken(&full, &e))?;
            let commit = reference.peel_to_commit().map_err(|e| broken(&full, &e))?;
            let (time, (message, manifest)) = match reference.peel_to_tag() {
                Ok(tag) => (
                    tag.tagger()
                        .map_or(commit.time().seconds(), |t| t.when().seconds()),
                    split_message(tag.message().ok().flatten().unwrap_or_default()),
                ),
                Err(_) => (commit.time().seconds(), (String::new(), None)),
            };
            found.push(Publication {
                tag: name.to_owned(),
                commit: commit.id().to_string(),
                time,
                message,
                manifest,
            });
        }
        found.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.tag.cmp(&b.tag)));
        Ok(found)
    }

    /// The commits from HEAD that changed the assessment folder or are published, newest
    /// first.
    pub fn changes(&self) -> Result<Vec<Change>, Error> {
        let published: std::collections::BTreeSet<String> =
            self.publications()?.into_iter().map(|p| p.commit).collect();
        let mut walk = self
            .repository
            .revwalk()
            .map_err(|e| git_error(e.to_string(), t!("git.check")))?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)
            .map_err(|e| git_error(e.to_string(), t!("git.check")))?;
        if let Err(error) = walk.push_head() {
            // No commit yet is an empty history; a HEAD that cannot be read is not.
            // (`publications` above has found `packed-refs` whole, so an unborn branch is one.)
            if self
                .repository
                .head()
                .is_err_and(|e| e.code() == git2::ErrorCode::UnbornBranch)
            {
                return Ok(Vec::new());
            }
            return Err(git_error(
                t!("git.broken-ref", what = "HEAD", error = error.message()),
                t!("git.broken-ref-help"),
            ));
        }
        // A shallow clone's oldest commits have parents it does not hold; git lists them.
        let boundary = self.shallow_boundary();
        let mut changes = Vec::new();
        for oid in walk {
            let oid = oid.map_err(|e| {
                git_error(t!("git.incomplete", error = e), t!("git.unshallow-help"))
            })?;
            let commit = self.repository.find_commit(oid).map_err(|e| {
                git_error(t!("git.incomplete", error = e), t!("git.unshallow-help"))
            })?;
            let tree = commit.tree().ok();
            let parent = commit.parent(0).ok();
            let parent_tree = parent.as_ref().and_then(|p| p.tree().ok());
            let diff = self.folder_diff(parent_tree.as_ref(), tree.as_ref())?;
            let touched = diff.deltas().any(|delta| {
                delta
                    .new_file()
                    .path()
                    .or_else(|| delta.old_file().path())
                    .and_then(|p| p.to_str())
                    .and_then(|p| p.strip_prefix(self.prefix.as_str()))
                    .is_some_and(is_assessment_file)
            });
            if touched || published.contains(&oid.to_string()) {
                changes.push(Change {
                    commit: oid.to_string(),
                    time: commit.time().seconds(),
                    author: commit.author().name().unwrap_or_default().to_owned(),
                    message: commit
                        .summary()
                        .ok()
                        .flatten()
                        .unwrap_or_default()
                        .to_owned(),
                    shallow: parent.is_none()
                        && (commit.parent_count() > 0 || boundary.contains(&oid.to_string())),
                    parent: parent.map(|p| p.id().to_string()),
                });
            }
        }
        Ok(changes)
    }

    /// The commits whose parents this shallow clone does not hold (git's `shallow` file);
    /// none in a full clone.
    fn shallow_boundary(&self) -> std::collections::BTreeSet<String> {
        if !self.repository.is_shallow() {
            return std::collections::BTreeSet::new();
        }
        let files = crate::load::Disk::new(self.repository.path());
        files
            .read("shallow", crate::load::TEXT_LIMIT, true)
            .ok()
            .flatten()
            .map(|bytes| {
                String::from_utf8_lossy(&bytes)
                    .lines()
                    .map(|line| line.trim().to_owned())
                    .filter(|line| !line.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What differs between two trees in the assessment folder.
    fn folder_diff(
        &self,
        old: Option<&git2::Tree>,
        new: Option<&git2::Tree>,
    ) -> Result<git2::Diff<'_>, Error> {
        let mut options = git2::DiffOptions::new();
        options.disable_pathspec_match(true);
        if !self.prefix.is_empty() {
            options.pathspec(&self.prefix);
        }
        self.repository
            .diff_tree_to_tree(old, new, Some(&mut options))
            .map_err(|e| git_error(e.to_string(), t!("git.check")))
    }

    /// The paths (relative to the assessment folder, with `/`) whose entry differs between
    /// the trees of commits `from` and `to`; `None` when either tree holds a symbolic link in
    /// the assessment folder, since a link's target may change while the link does not.
    pub fn changed_paths(&self, from: &str, to: &str) -> Result<Option<Vec<String>>, Error> {
        let tree = |commit: &str| {
            self.tree_at(commit)
                .map_err(|e| git_error(e.to_string(), t!("git.check")))
        };
        let (old, new) = (tree(from)?, tree(to)?);
        for tree in [&old, &new] {
            let mut link = false;
            tree.walk(git2::TreeWalkMode::PreOrder, |folder, entry| {
                let inside = folder.starts_with(self.prefix.as_str())
                    || self
                        .prefix
                        .starts_with(&format!("{folder}{}/", entry.name().unwrap_or("")));
                if entry.filemode() == 0o120_000 && inside {
                    link = true;
                    return git2::TreeWalkResult::Abort;
                }
                if inside || entry.kind() != Some(git2::ObjectType::Tree) {
                    git2::TreeWalkResult::Ok
                } else {
                    git2::TreeWalkResult::Skip
                }
            })
            .or_else(|e| if link { Ok(()) } else { Err(e) })
            .map_err(|e| git_error(e.to_string(), t!("git.check")))?;
            if link {
                return Ok(None);
            }
        }
        let diff = self.folder_diff(Some(&old), Some(&new))?;
        let mut paths = Vec::new();
        for delta in diff.deltas() {
            for file in [delta.old_file(), delta.new_file()] {
                if let Some(path) = file
                    .path()
                    .and_then(|p| p.to_str())
                    .and_then(|p| p.strip_prefix(self.prefix.as_str()))
                    && !paths.iter().any(|known| known == path)
                {
                    paths.push(path.to_owned());
                }
            }
        }
        Ok(Some(paths))
    }

    /// Files in the assessment folder with changes not committed (untracked ones included).
    pub fn uncommitted(&self) -> Result<Vec<String>, Error> {
        let mut options = git2::StatusOptions::new();
        options
            .include_untracked(true)
            .recurse_untracked_dirs(true)
            .disable_pathspec_match(true);
        if !self.prefix.is_empty() {
            options.pathspec(&self.prefix);
        }
        let statuses = self
            .repository
            .statuses(Some(&mut options))
            .map_err(|e| git_error(e.to_string(), t!("git.check")))?;
        let mut paths: Vec<String> = statuses
            .iter()
            .filter(|s| !s.status().is_ignored())
            .filter_map(|s| s.path().ok().map(str::to_owned))
            .filter(|p| {
                p.strip_prefix(self.prefix.as_str())
                    .is_some_and(is_assessment_file)
            })
            .collect();
        paths.sort();
        Ok(paths)
    }

    /// Creates the annotated tag `name` on HEAD, made at `time` (seconds since the epoch).
    /// With `sign`, the tag is signed as `git tag -s` signs it with `gpg.format=ssh`: `sign`
    /// is given the tag object's bytes and returns an armoured signature, which is appended
    /// to the message; `git tag -v` checks it.
    pub fn tag(
        &self,
        name: &str,
        message: &str,
        time: i64,
        sign: Option<TagSigner>,
    ) -> Result<String, Error> {
        let head = self
            .repository
            .head()
            .and_then(|h| h.peel(git2::ObjectType::Commit))
            .map_err(|_| git_error(t!("git.no-commit"), t!("git.no-commit-help")))?;
        let signature = self
            .repository
            .signature()
            .and_then(|who| {
                git2::Signature::new(
                    &String::from_utf8_lossy(who.name_bytes()),
                    &String::from_utf8_lossy(who.email_bytes()),
                    &git2::Time::new(time, who.when().offset_minutes()),
                )
            })
            .map_err(|_| git_error(t!("git.who"), t!("git.who-help")))?;
        let cannot = |e: git2::Error| {
            git_error(
                t!("git.cannot-tag", name = name, error = e),
                t!("git.check"),
            )
        };
        let Some(sign) = sign else {
            self.repository
                .tag(name, &head, &signature, message, false)
                .map_err(cannot)?;
            return Ok(head.id().to_string());
        };
        let mut object = tag_object(head.id(), name, &signature, message);
        let armoured = sign(&object);
        object.extend_from_slice(&armoured);
        let odb = self.repository.odb().map_err(cannot)?;
        let id = odb.write(git2::ObjectType::Tag, &object).map_err(cannot)?;
        self.repository
            .reference(
                &format!("refs/tags/{name}"),
                id,
                false,
                "checksheet publish",
            )
            .map_err(cannot)?;
        Ok(head.id().to_string())
    }

    /// The annotated tag `name` as git stores it: the commit it names, its tagger's time, and
    /// its object's bytes split where a signature begins (as git's `parse_signed_buffer`
    /// does: at the last line opening an armoured signature). `None` when there is no such
    /// tag or it is not annotated.
    pub fn signed_tag(&self, name: &str) -> Option<SignedTag> {
        let reference = self
            .repository
            .find_reference(&format!("refs/tags/{name}"))
            .ok()?;
        let commit = reference.peel_to_commit().ok()?.id().to_string();
        let tag = reference.peel_to_tag().ok()?;
        let time = tag.tagger().map(|t| t.when().seconds());
        let odb = self.repository.odb().ok()?;
        let object = odb.read(tag.id()).ok()?;
        let data = object.data();
        let mut at = data.len();
        let mut start = 0;
        while start < data.len() {
            let line = &data[start..];
            if SIGNATURE_BEGINNINGS
                .iter()
                .any(|begin| line.starts_with(begin.as_bytes()))
            {
                at = start;
            }
            start += line
                .iter()
                .position(|&b| b == b'\n')
                .map_or(line.len(), |end| end + 1);
        }
        Some(SignedTag {
            commit,
            time,
            payload: data[..at].to_vec(),
            signature: (at < data.len()).then(|| data[at..].to_vec()),
        })
    }

    /// The allowed signers file the repository's git configuration names
    /// (`gpg.ssh.allowedSignersFile`), relative to the work tree as git reads it.
    pub fn allowed_signers_file(&self) -> Option<PathBuf> {
        let path = self
            .repository
            .config()
            .ok()?
            .get_path("gpg.ssh.allowedSignersFile")
            .ok()?;
        Some(match self.repository.workdir() {
            Some(workdir) if path.is_relative() => workdir.join(path),
            _ => path,
        })
    }

    /// Whether the tag `name` exists.
    pub fn has_tag(&self, name: &str) -> bool {
        self.repository
            .find_reference(&format!("refs/tags/{name}"))
            .is_ok()
    }
}

/// Signs a tag object's bytes, returning an armoured signature.
pub type TagSigner<'a> = &'a dyn Fn(&[u8]) -> Vec<u8>;

/// How the armoured signatures git knows begin (`gpg-interface.c`).
const SIGNATURE_BEGINNINGS: [&str; 4] = [
    "-----BEGIN PGP SIGNATURE-----",
    "-----BEGIN PGP MESSAGE-----",
    "-----BEGIN SIGNED MESSAGE-----",
    "-----BEGIN SSH SIGNATURE-----",
];

/// An annotated tag's object, split into what is signed and the signature.
pub struct SignedTag {
    /// The commit it names.
    pub commit: String,
    /// The tagger's time, in seconds since the epoch: the time a signature is checked at.
    pub time: Option<i64>,
    /// The bytes signed: the object up to the signature.
    pub payload: Vec<u8>,
    /// The armoured signature at the end of the message, if any.
    pub signature: Option<Vec<u8>>,
}

/// The bytes of a tag object as `git tag` writes them: headers, a blank line and the
/// message, ending with a line break.
fn tag_object(commit: git2::Oid, name: &str, tagger: &git2::Signature, message: &str) -> Vec<u8> {
    let when = tagger.when();
    let offset = when.offset_minutes().abs();
    let mut object = format!(
        "object {commit}\ntype commit\ntag {name}\ntagger {} <{}> {} {}{:02}{:02}\n\n{}",
        String::from_utf8_lossy(tagger.name_bytes()),
        String::from_utf8_lossy(tagger.email_bytes()),
        when.seconds(),
        if when.offset_minutes() < 0 { '-' } else { '+' },
        offset / 60,
        offset % 60,
        message.trim_end(),
    );
    object.push('\n');
    object.into_bytes()
}

/// Whether a path (relative to the assessment folder) can change the assessment: its YAML
/// files, the lock, evidence and templates; not the built site, READMEs or ignore files.
fn is_assessment_file(path: &str) -> bool {
    !path.starts_with("site/")
        && (path.ends_with(".yaml")
            || path.ends_with(".yml")
            || path.ends_with(".xlsx")
            || path == crate::load::LOCK_FILE
            || path.starts_with("evidence/")
            || path.starts_with("templates/"))
}

/// The assessment as committed in one revision: read straight from git objects.
pub struct Revision {
    repository: git2::Repository,
    tree: git2::Oid,
    prefix: String,
    label: String,
    /// Every entry of the tree by path (with `/`): its object and mode, from one walk of
    /// the tree, made on the first read (looking each path up inflates its folders again).
    entries: std::cell::OnceCell<std::collections::HashMap<String, (git2::Oid, i32)>>,
}

impl Revision {
    /// The object and mode of the entry at `path`, if the tree has one.
    fn entry(&self, path: &Path) -> Result<Option<(git2::Oid, i32)>, Refusal> {
        if self.entries.get().is_none() {
            let tree = self
                .repository
                .find_tree(self.tree)
                .map_err(|e| Refusal::Unreadable(e.to_string()))?;
            let mut entries = std::collections::HashMap::new();
            tree.walk(git2::TreeWalkMode::PreOrder, |folder, entry| {
                if let Ok(name) = entry.name() {
                    entries.insert(format!("{folder}{name}"), (entry.id(), entry.filemode()));
                }
                git2::TreeWalkResult::Ok
            })
            .map_err(|e| Refusal::Unreadable(e.to_string()))?;
            let _ = self.entries.set(entries);
        }
        let key = path.to_string_lossy().replace('\\', "/");
        Ok(self
            .entries
            .get()
            .and_then(|entries| entries.get(&key).copied()))
    }
}

/// `path` with `.` and `..` resolved, `None` when it climbs out.
fn normalize(path: &str) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in Path::new(path).components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// The longest target a symbolic link in a tree may name.
const LINK_LIMIT: u64 = 4096;

/// The mode of a tree entry that is a submodule: a commit of another repository.
const GITLINK: i32 = 0o160_000;

impl Files for Revision {
    fn read(&self, path: &str, limit: u64, confined: bool) -> Result<Option<Vec<u8>>, Refusal> {
        let Some(mut full) = normalize(&format!("{}{path}", self.prefix)) else {
            return Ok(None);
        };
        // Symbolic links are followed within the tree, a few at most.
        for _ in 0..8 {
            if confined && !full.starts_with(&self.prefix) {
                return Err(Refusal::Outside);
            }
            let Some((id, mode)) = self.entry(&full)? else {
                // A path through a submodule: the commit holds only a link to it.
                for folder in full.ancestors().skip(1) {
                    if matches!(self.entry(folder)?, Some((_, GITLINK))) {
                        return Err(Refusal::Submodule);
                    }
                }
                return Ok(None);
            };
            if mode == GITLINK {
                return Err(Refusal::Submodule);
            }
            // The size from the object's header, before anything is inflated: a small
            // repository can hold a blob of gigabytes.
            if mode != 0o040_000 {
                let (size, _) = self
                    .repository
                    .odb()
                    .and_then(|odb| odb.read_header(id))
                    .map_err(|e| Refusal::Unreadable(e.to_string()))?;
                let most = if mode == 0o120_000 { LINK_LIMIT } else { limit };
                if size as u64 > most {
                    return Err(Refusal::TooLarge(size as u64));
                }
            }
            let blob = match mode {
                0o040_000 => return Err(Refusal::NotAFile),
                _ => self
                    .repository
                    .find_blob(id)
                    .map_err(|e| Refusal::Unreadable(e.to_string()))?,
            };
            if mode == 0o120_000 {
                let target = String::from_utf8_lossy(blob.content()).into_owned();
                let folder = full.parent().map(Path::to_path_buf).unwrap_or_default();
                full = match normalize(&folder.join(target).to_string_lossy()) {
                    Some(next) => next,
                    None => return Err(Refusal::Outside),
                };
                continue;
            }
            if blob.size() as u64 > limit {
                return Err(Refusal::TooLarge(blob.size() as u64));
            }
            return Ok(Some(blob.content().to_vec()));
        }
        Err(Refusal::Outside)
    }

    fn name(&self, path: &str) -> String {
        format!("{}:{}{path}", self.label, self.prefix)
    }

    fn list(&self, dir: &str) -> Vec<String> {
        self.entries(dir, |mode, _| matches!(mode, 0o100_644 | 0o100_755))
    }

    fn folders(&self, dir: &str) -> Vec<String> {
        self.entries(dir, |mode, name| {
            mode == 0o040_000 && !name.starts_with('.')
        })
    }
}

impl Revision {
    /// The names of the entries of the folder `dir` that `keep` keeps by mode and name,
    /// sorted.
    fn entries(&self, dir: &str, keep: impl Fn(i32, &str) -> bool) -> Vec<String> {
        let Some(folder) = normalize(&format!("{}{dir}", self.prefix)) else {
            return Vec::new();
        };
        let Ok(tree) = self.repository.find_tree(self.tree) else {
            return Vec::new();
        };
        let listing = if folder.as_os_str().is_empty() {
            Some(tree)
        } else {
            tree.get_path(&folder)
                .ok()
                .and_then(|entry| self.repository.find_tree(entry.id()).ok())
        };
        let Some(listing) = listing else {
            return Vec::new();
        };
        let mut names: Vec<String> = listing
            .iter()
            .filter_map(|entry| Some((entry.filemode(), entry.name().ok()?.to_owned())))
            .filter(|(mode, name)| keep(*mode, name))
            .map(|(_, name)| name)
            .collect();
        names.sort();
        names
    }
}

/// Whether `dir` is a bare git repository (one without a working tree, as on a server).
pub fn is_bare(dir: &Path) -> bool {
    git2::Repository::open_bare(dir).is_ok_and(|repository| repository.is_bare())
}

/// The commit the site is built from: HEAD of the repository whose root is `root`, when
/// every input is committed and unchanged and the output is not part of the repository.
/// `None` otherwise, so that a build never names a commit its inputs do not match, and a
/// site kept inside the repository it describes never depends on itself.
pub fn source_commit(root: &Path, inputs: &[String], out: &Path) -> Option<String> {
    let repository = git2::Repository::open(root).ok()?;
    if repository.is_bare() || repository.is_shallow() {
        return None;
    }
    let workdir = repository.workdir()?.canonicalize().ok()?;
    let out = crate::write::absolute(out)?;
    // A folder rule such as `/site/` matches what is in the folder, existing or not.
    if let Ok(inside) = out.strip_prefix(&workdir)
        && !repository
            .is_path_ignored(inside.join(crate::write::SITE_MARK))
            .unwrap_or(false)
    {
        return None;
    }
    // One walk of the working tree against the index and HEAD, for every input at once
    // (asking file by file walks the folder again for each).
    let mut options = git2::StatusOptions::new();
    options
        .include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(true)
        .recurse_ignored_dirs(false)
        .exclude_submodules(true);
    let statuses = repository.statuses(Some(&mut options)).ok()?;
    let changed: Vec<String> = statuses
        .iter()
        .filter(|entry| !entry.status().is_empty())
        .filter_map(|entry| entry.path().ok().map(str::to_owned))
        .collect();
    let touched = |input: &str| {
        changed
            .iter()
            .any(|path| path == input || (path.ends_with('/') && input.starts_with(path.as_str())))
    };
    if inputs.iter().any(|input| touched(input)) {
        return None;
    }
    let head = repository.head().ok()?.peel_to_commit().ok()?;
    // Each input must be a file of the commit itself, not of a submodule it links to: a
    // commit that does not hold the answers cannot build the site again.
    let tree = head.tree().ok()?;
    let in_commit = |input: &str| {
        let path: PathBuf = input
            .split(['/', '\\'])
            .filter(|part| !part.is_empty() && *part != ".")
            .collect();
        tree.get_path(&path)
            .is_ok_and(|entry| entry.kind() == Some(git2::ObjectType::Blob))
    };
    if !inputs.iter().all(|input| in_commit(input)) {
        return None;
    }
    Some(head.id().to_string())
}

/// For fuzzing ([`crate::fuzzing::tree`]): a repository in `folder` whose first commit holds
/// the files `sample` and whose second holds them with, over them, the entries `bytes`
/// describes, each ended by a NUL byte: a kind (the first byte: a file, an executable, a
/// symbolic link whose contents are its target, a folder, a submodule), a path up to a
/// newline, and the contents. Entries git would not hold are left out. Whether it was made.
#[doc(hidden)]
pub fn fuzzed_repository(
    folder: &Path,
    bytes: &[u8],
    sample: &std::collections::BTreeMap<String, Vec<u8>>,
) -> bool {
    /// A tree in the making: its files (name, mode, blob id) and folders.
    #[derive(Default)]
    struct Folder {
        files: std::collections::BTreeMap<Vec<u8>, (i32, git2::Oid)>,
        folders: std::collections::BTreeMap<Vec<u8>, Folder>,
    }
    impl Folder {
        fn insert(&mut self, path: &[u8], mode: i32, id: git2::Oid) {
            let mut parts: Vec<&[u8]> = path
                .split(|&b| b == b'/')
                .filter(|p| !p.is_empty())
                .collect();
            let Some(name) = parts.pop() else { return };
            let mut folder = self;
            for part in parts {
                folder.files.remove(part);
                folder = folder.folders.entry(part.to_vec()).or_default();
            }
            if mode == 0o040_000 {
                folder.folders.entry(name.to_vec()).or_default();
            } else {
                folder.folders.remove(name);
                folder.files.insert(name.to_vec(), (mode, id));
            }
        }
        fn write(&self, repository: &git2::Repository) -> Result<git2::Oid, git2::Error> {
            let mut builder = repository.treebuilder(None)?;
            for (name, folder) in &self.folders {
                let id = folder.write(repository)?;
                let Ok(name) = std::str::from_utf8(name) else {
                    continue;
                };
                let _ = builder.insert(name, id, 0o040_000);
            }
            for (name, (mode, id)) in &self.files {
                let Ok(name) = std::str::from_utf8(name) else {
                    continue;
                };
                let _ = builder.insert(name, *id, *mode);
            }
            builder.write()
        }
    }
    let made = (|| -> Result<(), git2::Error> {
        let repository = git2::Repository::init(folder)?;
        let signature = git2::Signature::new("fuzz", "fuzz@example.jp", &git2::Time::new(0, 540))?;
        let mut tree = Folder::default();
        for (name, contents) in sample {
            tree.insert(name.as_bytes(), 0o100_644, repository.blob(contents)?);
        }
        let first = repository.find_tree(tree.write(&repository)?)?;
        let parent =
            repository.commit(Some("HEAD"), &signature, &signature, "sample", &first, &[])?;
        for entry in bytes.split(|&b| b == 0) {
            let Some((&kind, rest)) = entry.split_first() else {
                continue;
            };
            let (path, contents) = match rest.iter().position(|&b| b == b'\n') {
                Some(at) => (&rest[..at], &rest[at + 1..]),
                None => (rest, &[][..]),
            };
            let mode = match kind % 5 {
                0 => 0o100_644,
                1 => 0o100_755,
                2 => 0o120_000,
                3 => 0o040_000,
                _ => 0o160_000,
            };
            let id = if mode == 0o160_000 {
                git2::Oid::hash_object(git2::ObjectType::Commit, contents)?
            } else {
                repository.blob(contents)?
            };
            tree.insert(path, mode, id);
        }
        let second = repository.find_tree(tree.write(&repository)?)?;
        let parent = repository.find_commit(parent)?;
        repository.commit(
            Some("HEAD"),
            &signature,
            &signature,
            "fuzzed",
            &second,
            &[&parent],
        )?;
        Ok(())
    })();
    made.is_ok()
}
