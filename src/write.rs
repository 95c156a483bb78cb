//! Atomic output: a file is written beside its destination, then renamed into place, so
//! that nothing is ever left half-written.

use std::io::Write as _;
use std::path::Path;

use crate::error::Error;

/// Writes `contents` to `path`, which must not exist yet; creates missing parent folders.
pub fn new_file(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| Error::io("create the folder", parent, e))?;
    let mut file = tempfile::NamedTempFile::new_in(parent)
        .map_err(|e| Error::io("create a temporary file in", parent, e))?;
    file.write_all(contents)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| Error::io("write", path, e))?;
    file.persist_noclobber(path)
        .map_err(|e| Error::io("create", path, e.error))?;
    Ok(())
}

/// Writes `contents` to `path`, replacing it if it exists, without a moment where the file
/// is half-written.
pub fn replace_file(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(parent)
        .map_err(|e| Error::io("create a temporary file in", parent, e))?;
    file.write_all(contents)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| Error::io("write", path, e))?;
    file.persist(path)
        .map_err(|e| Error::io("replace", path, e.error))?;
    Ok(())
}
