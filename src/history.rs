//! Git history: the only place that uses git2.

use std::path::Path;

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
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
    let out = parent
        .unwrap_or(Path::new("."))
        .canonicalize()
        .ok()?
        .join(out.file_name()?);
    if let Ok(inside) = out.strip_prefix(&workdir)
        && !repository.is_path_ignored(inside).unwrap_or(false)
    {
        return None;
    }
    for input in inputs {
        let status = repository.status_file(Path::new(input)).ok()?;
        if !status.is_empty() {
            return None;
        }
    }
    let head = repository.head().ok()?.peel_to_commit().ok()?;
    Some(head.id().to_string())
}
