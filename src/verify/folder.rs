//! A site in a folder, read as the untrusted input a downloaded site is: regular files
//! only, no symbolic link followed, at most as much as `fetch` reads over HTTP.

use std::io::Read as _;
use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;

/// At most this many files and folders are looked at in a site: more than any site's
/// manifest can list (a manifest is at most [`crate::fetch::MANIFEST_LIMIT`] bytes).
pub const MAX_ENTRIES: usize = 200_000;

/// What a path of a site in a folder turned out to be.
pub enum Found {
    File(Vec<u8>),
    Missing,
    Odd(Oddity),
}

/// A path of a site that is not a regular file, or is one too large to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Oddity {
    /// A symbolic link: never followed.
    Link,
    /// A named pipe, a device, a socket, or a folder where a file belongs.
    NotAFile,
    /// Larger than the limit for its kind.
    TooLarge,
}

impl Oddity {
    /// What it is, in words.
    pub fn text(self) -> String {
        match self {
            Oddity::Link => t!("verify.odd-link"),
            Oddity::NotAFile => t!("verify.odd-not-a-file"),
            Oddity::TooLarge => t!("verify.odd-too-large"),
        }
    }
}

/// The file `path` (parts separated by `/`, inside the site) of the site in `folder`, at
/// most `limit` bytes. No symbolic link on the way is followed: the folder named is the
/// only one trusted.
pub fn read(folder: &Path, path: &str, limit: u64) -> Result<Found, Error> {
    let mut at = folder.to_path_buf();
    let parts: Vec<&str> = path.split('/').collect();
    for (index, part) in parts.iter().enumerate() {
        at.push(part);
        let metadata = match std::fs::symlink_metadata(&at) {
            Ok(metadata) => metadata,
            Err(error)
                if matches!(
                    error.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(Found::Missing);
            }
            Err(error) => return Err(Error::io("io.read", &at, error)),
        };
        let last = index + 1 == parts.len();
        if metadata.file_type().is_symlink() {
            return Ok(Found::Odd(Oddity::Link));
        }
        if !last && !metadata.is_dir() {
            return Ok(Found::Missing);
        }
        if last && !metadata.is_file() {
            return Ok(Found::Odd(Oddity::NotAFile));
        }
        if last && metadata.len() > limit {
            return Ok(Found::Odd(Oddity::TooLarge));
        }
    }
    let file = std::fs::File::open(&at).map_err(|e| Error::io("io.read", &at, e))?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("io.read", &at, e))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Ok(Found::Odd(Oddity::TooLarge));
    }
    Ok(Found::File(bytes))
}

/// What a site's folder holds: its regular files, and every other entry but folders (with
/// what it is), as paths with `/`, sorted.
#[derive(Default)]
pub struct Listing {
    pub files: Vec<String>,
    pub odd: Vec<(String, Oddity)>,
}

/// Everything below `folder`, without following any symbolic link; more than
/// [`MAX_ENTRIES`] entries is refused.
pub fn list(folder: &Path) -> Result<Listing, Error> {
    let mut pending = vec![folder.to_path_buf()];
    let mut listing = Listing::default();
    let mut seen = 0usize;
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| Error::io("io.read", &dir, e))? {
            let entry = entry.map_err(|e| Error::io("io.read", &dir, e))?;
            seen += 1;
            if seen > MAX_ENTRIES {
                return Err(Error::input(
                    Diagnostic::new(
                        "too-many-files",
                        t!(
                            "verify.too-many-files",
                            site = folder.display(),
                            limit = MAX_ENTRIES
                        ),
                    )
                    .help(t!("verify.too-many-files-help")),
                ));
            }
            let path = entry.path();
            let relative = path
                .strip_prefix(folder)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let kind = entry
                .file_type()
                .map_err(|e| Error::io("io.read", &path, e))?;
            if kind.is_symlink() {
                listing.odd.push((relative, Oddity::Link));
            } else if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                listing.files.push(relative);
            } else {
                listing.odd.push((relative, Oddity::NotAFile));
            }
        }
    }
    listing.files.sort();
    listing.odd.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(listing)
}
