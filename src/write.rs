//! Atomic output: a file is written beside its destination, then renamed into place, so
//! that nothing is ever left half-written.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::i18n::t;

/// Permissions `mode` where the platform has them.
fn readable(mode: u32) -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::Permissions::from_mode(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = mode;
        std::fs::metadata(std::env::temp_dir())
            .expect("the temporary folder exists")
            .permissions()
    }
}

/// The folder `path` is in (`.` for a bare name).
fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The absolute path of `path`, which may not exist yet: its folder's real path and its name.
pub fn absolute(path: &Path) -> Option<PathBuf> {
    Some(parent(path).canonicalize().ok()?.join(path.file_name()?))
}

/// `contents` written to a temporary file beside `path`, ready to be renamed into place.
fn staged(path: &Path, contents: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let folder = parent(path);
    // Readable by all, as files people edit and commit usually are.
    let mut file = tempfile::Builder::new()
        .permissions(readable(0o644))
        .tempfile_in(folder)
        .map_err(|e| Error::io("io.create-temp-file", folder, e))?;
    file.write_all(contents)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| Error::io("io.write", path, e))?;
    Ok(file)
}

/// Writes `contents` to `path`, which must not exist yet; creates missing parent folders.
pub fn new_file(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let folder = parent(path);
    std::fs::create_dir_all(folder).map_err(|e| Error::io("io.create-folder", folder, e))?;
    staged(path, contents)?
        .persist_noclobber(path)
        .map_err(|e| Error::io("io.create", path, e.error))?;
    Ok(())
}

/// Writes `contents` to `path`, replacing it if it exists, without a moment where the file
/// is half-written.
pub fn replace_file(path: &Path, contents: &[u8]) -> Result<(), Error> {
    // A file its owner made read-only is not replaced behind their back (renaming over it
    // would succeed wherever its folder may be written).
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(Error::io(
            "io.replace",
            path,
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        ));
    }
    staged(path, contents)?
        .persist(path)
        .map_err(|e| Error::io("io.replace", path, e.error))?;
    Ok(())
}

/// The file every site `build` writes; a folder holding it may be replaced by a new build.
pub const SITE_MARK: &str = "manifest.json";

/// A new site being written beside the folder `out`, file by file as each is rendered, and
/// renamed into place by [`Staging::finish`]: a failure, or a build stopped at any moment,
/// leaves the previous site as it was. A folder that is not a previous build is never
/// replaced. A file whose contents are those of the previous build's file of the same name
/// is that file, hard-linked: unchanged outputs keep their inode and modification time.
///
/// With a spare (a place on the same file system as `out`), the previous site is moved
/// there once replaced and emptied of its files, and the next build is written into its
/// folders: folders cost a file system far more to make and remove than files to link.
pub struct Staging {
    out: PathBuf,
    dir: tempfile::TempDir,
    /// The previous build's outputs with their SHA-256, as its manifest lists them.
    previous: BTreeMap<String, String>,
    /// The SHA-256 of the previous build's manifest.
    previous_manifest: Option<String>,
    /// Folders already made in the staging folder.
    folders: BTreeSet<PathBuf>,
    /// Where the folders of the replaced site are kept for the next build.
    spare: Option<PathBuf>,
    /// The output folder's parent, locked while this build writes into it.
    _lock: Option<std::fs::File>,
}

/// Locks the folder `folder` for this build, waiting (and saying so) while another build
/// holds it: two builds at once into the same place would each replace the other's site.
/// `None` where a folder cannot be locked.
fn lock(folder: &Path) -> Option<std::fs::File> {
    let file = std::fs::File::open(folder).ok()?;
    match file.try_lock() {
        Ok(()) => Some(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!("{}", t!("write.waiting", folder = folder.display()));
            file.lock().ok().map(|()| file)
        }
        Err(std::fs::TryLockError::Error(_)) => None,
    }
}

/// The prefix of the staging folders of builds into `out` (kept in the folder `place`).
fn staging_prefix(spare: Option<&Path>) -> String {
    match spare.and_then(Path::file_name) {
        Some(key) => format!(".checksheet-build-{}-", key.to_string_lossy()),
        None => ".checksheet-build-".to_owned(),
    }
}

/// Removes what builds stopped before their end left in `place`: staging folders named
/// with `prefix`, and (beside the output folder) previous sites moved aside.
fn remove_leftovers(place: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(place) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) || name.starts_with(".checksheet-previous-") {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether `a` and `b` are on the same file system, so that one can be renamed to the other.
fn same_file_system(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Removes every file below `folder`, keeping its folders.
fn empty(folder: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            empty(&entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Removes the folders below `folder` (a path from `root`) that are not in `kept`.
fn prune(root: &Path, folder: &Path, kept: &BTreeSet<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(root.join(folder))? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            let path = folder.join(entry.file_name());
            if kept.contains(&path) {
                prune(root, &path, kept)?;
            } else {
                std::fs::remove_dir_all(root.join(&path))?;
            }
        }
    }
    Ok(())
}

impl Staging {
    /// Starts a site for `out`, after checking that `out` holds nothing but a previous build;
    /// in the folders kept at `spare` by the build before, if it can.
    pub fn new(out: &Path, spare: Option<PathBuf>) -> Result<Staging, Error> {
        let parent = parent(out);
        std::fs::create_dir_all(parent).map_err(|e| Error::io("io.create-folder", parent, e))?;
        // Locked first, so that what is found in `out` is not another build's half-done work.
        let lock = lock(parent);
        let mut previous = BTreeMap::new();
        let mut previous_manifest = None;
        if out.exists() {
            let is_empty = out
                .read_dir()
                .map_err(|e| Error::io("io.read", out, e))?
                .next()
                .is_none();
            if !is_empty {
                match previous_build(out) {
                    Ok((outputs, manifest)) => {
                        previous = outputs;
                        previous_manifest = Some(manifest);
                    }
                    Err(stranger) => {
                        let what = match stranger {
                            Some(name) => t!("write.stranger", out = out.display(), name = name),
                            None => t!("write.not-a-site", out = out.display()),
                        };
                        return Err(Error::input(
                            crate::diagnostic::Diagnostic::new("not-a-site", what)
                                .help(t!("write.not-a-site-help")),
                        ));
                    }
                }
            }
        }
        let spare = spare.filter(|spare| {
            let folder = self::parent(spare);
            std::fs::create_dir_all(folder).is_ok() && same_file_system(folder, parent)
        });
        let place = spare.as_deref().map_or(parent, self::parent);
        let prefix = staging_prefix(spare.as_deref());
        // Holding the lock, no other build is writing here: what is left is a stopped
        // build's.
        if lock.is_some() {
            remove_leftovers(place, &prefix);
        }
        let dir = tempfile::Builder::new()
            .prefix(&prefix)
            .permissions(readable(0o755))
            .tempdir_in(place)
            .map_err(|e| Error::io("io.create-temp-folder", place, e))?;
        // Taken by renaming, the spare is this build's alone; what it holds that is not a
        // folder (a build stopped while emptying it) goes.
        if let Some(spare) = &spare
            && std::fs::rename(spare, dir.path()).is_ok()
            && (std::fs::set_permissions(dir.path(), readable(0o755)).is_err()
                || empty(dir.path()).is_err())
        {
            std::fs::remove_dir_all(dir.path())
                .and_then(|()| std::fs::create_dir(dir.path()))
                .map_err(|e| Error::io("io.create-temp-folder", dir.path(), e))?;
        }
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            previous,
            previous_manifest,
            folders: BTreeSet::new(),
            spare,
            _lock: lock,
        })
    }

    /// Writes the file `name` (with `/`), whose SHA-256 is `sha256`.
    pub fn put(&mut self, name: &str, contents: &[u8], sha256: &str) -> Result<(), Error> {
        let path = self.dir.path().join(name);
        self.folder_for(&path)?;
        if self.previous.get(name).is_some_and(|old| old == sha256) {
            // The manifest says so, and the bytes on disk must too: a file edited since
            // the last build is written anew.
            let old = self.out.join(name);
            if std::fs::read(&old).is_ok_and(|bytes| bytes == contents)
                && std::fs::hard_link(&old, &path).is_ok()
            {
                return Ok(());
            }
        }
        // Named as the file of the site it will be, not of the staging folder.
        std::fs::write(&path, contents).map_err(|e| Error::io("io.write", self.out.join(name), e))
    }

    /// The SHA-256 of the manifest of the site this build replaces, if there is one.
    pub fn previous_manifest(&self) -> Option<&str> {
        self.previous_manifest.as_deref()
    }

    /// Takes the previous build's files `names` into the new site, all or none: only when
    /// each still has the SHA-256 the previous manifest lists (so a file edited since is
    /// made anew). Their SHA-256s, in order, when it did.
    pub fn reuse(&mut self, names: &[&str]) -> Result<Option<Vec<String>>, Error> {
        let Some(listed) = names
            .iter()
            .map(|name| self.previous.get(*name).map(|sha256| (*name, sha256)))
            .collect::<Option<Vec<_>>>()
        else {
            return Ok(None);
        };
        let out = &self.out;
        let unchanged = |files: &[(&str, &String)]| {
            files.iter().all(|(name, sha256)| {
                std::fs::read(out.join(name))
                    .is_ok_and(|bytes| crate::digest::sha256(&bytes) == **sha256)
            })
        };
        // Many files are read and hashed on every core.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let all = if listed.len() < 256 || cores == 1 {
            unchanged(&listed)
        } else {
            std::thread::scope(|scope| {
                let parts: Vec<_> = listed
                    .chunks(listed.len().div_ceil(cores))
                    .map(|part| scope.spawn(move || unchanged(part)))
                    .collect();
                parts.into_iter().all(|part| part.join().unwrap_or(false))
            })
        };
        if !all {
            return Ok(None);
        }
        let sums = listed.iter().map(|(_, sha256)| (*sha256).clone()).collect();
        for name in names {
            let path = self.dir.path().join(name);
            self.folder_for(&path)?;
            std::fs::hard_link(self.out.join(name), &path)
                .or_else(|_| std::fs::copy(self.out.join(name), &path).map(|_| ()))
                .map_err(|e| Error::io("io.write", self.out.join(name), e))?;
        }
        Ok(Some(sums))
    }

    /// Makes the folder of `path` in the staging folder, once.
    fn folder_for(&mut self, path: &Path) -> Result<(), Error> {
        if let Some(folder) = path.parent()
            && !self.folders.contains(folder)
        {
            std::fs::create_dir_all(folder)
                .map_err(|e| Error::io("io.create-folder", folder, e))?;
            self.folders.insert(folder.to_path_buf());
        }
        Ok(())
    }

    /// Puts the new site in the place of the previous one.
    pub fn finish(self) -> Result<(), Error> {
        let out = &self.out;
        let parent = parent(out);
        // Folders of the spare that this site has no file in go.
        let mut needed = BTreeSet::new();
        for folder in &self.folders {
            let relative = folder.strip_prefix(self.dir.path()).unwrap_or(folder);
            for folder in relative.ancestors() {
                if folder.as_os_str().is_empty() || !needed.insert(folder.to_path_buf()) {
                    break;
                }
            }
        }
        prune(self.dir.path(), Path::new(""), &needed)
            .map_err(|e| Error::io("io.write", self.dir.path(), e))?;
        // The previous site goes to the spare, or aside to be removed.
        let mut aside = None;
        let mut moved = None;
        if out.exists() {
            match &self.spare {
                Some(spare) if std::fs::rename(out, spare).is_ok() => moved = Some(spare.clone()),
                _ => {
                    let previous = tempfile::Builder::new()
                        .prefix(".checksheet-previous-")
                        .tempdir_in(parent)
                        .map_err(|e| Error::io("io.create-temp-folder", parent, e))?;
                    let kept = previous.path().join("site");
                    std::fs::rename(out, &kept).map_err(|e| Error::io("io.move-aside", out, e))?;
                    moved = Some(kept);
                    aside = Some(previous);
                }
            }
        }
        let staged = self.dir.keep();
        if let Err(error) = std::fs::rename(&staged, out) {
            // Put the previous site back before reporting.
            if let Some(moved) = &moved {
                let _ = std::fs::rename(moved, out);
            }
            let _ = std::fs::remove_dir_all(&staged);
            return Err(Error::io("io.create", out, error));
        }
        if let Some(spare) = moved.filter(|_| aside.is_none())
            && empty(&spare).is_err()
        {
            let _ = std::fs::remove_dir_all(&spare);
        }
        Ok(())
    }
}

/// The files of a site that its manifest cannot list: the manifest, its signature and the
/// signature's time-stamp.
pub fn is_site_own(name: &str) -> bool {
    name == SITE_MARK || name == crate::sign::SIGNATURE_FILE || name == crate::timestamp::TOKEN_FILE
}

/// Files that desktops leave in folders on their own; a previous build may hold them.
fn is_desktop_litter(name: &str) -> bool {
    matches!(name, ".DS_Store" | "Thumbs.db" | "desktop.ini") || name.starts_with("._")
}

/// Whether `out` holds exactly a site built by checksheet: a manifest written by it, and no
/// file the manifest does not list apart from desktop litter (so nothing anyone else put
/// there is ever deleted). Its outputs with their SHA-256, and the manifest's;
/// `Err(Some(name))` names the first stranger found.
fn previous_build(out: &Path) -> Result<(BTreeMap<String, String>, String), Option<String>> {
    // Only a regular file of sensible size is read: a pipe or device there is no build.
    let site = crate::load::Disk::new(out);
    let text = crate::load::Files::read(&site, SITE_MARK, crate::load::TEXT_LIMIT, true)
        .ok()
        .flatten()
        .ok_or(None)?;
    let manifest = serde_json::from_slice::<serde_json::Value>(&text).map_err(|_| None)?;
    if manifest["tool"]["name"] != env!("CARGO_PKG_NAME") {
        return Err(None);
    }
    let outputs = manifest["outputs"].as_object().ok_or(None)?;
    let stranger = files_under(out)
        .map_err(|_| None)?
        .into_iter()
        .find(|name| !is_site_own(name) && !outputs.contains_key(name));
    match stranger {
        Some(name) => Err(Some(name)),
        None => Ok((
            outputs
                .iter()
                .filter_map(|(name, sha)| Some((name.clone(), sha.as_str()?.to_owned())))
                .collect(),
            crate::digest::sha256(&text),
        )),
    }
}

/// Every file below `folder`, as paths with `/`, sorted; desktop litter left out.
pub fn files_under(folder: &Path) -> std::io::Result<Vec<String>> {
    let mut pending = vec![folder.to_path_buf()];
    let mut found = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            // A link is never followed: one to `/` would walk the whole file system.
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else if !is_desktop_litter(&entry.file_name().to_string_lossy()) {
                let relative = path.strip_prefix(folder).unwrap_or(&path);
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}
