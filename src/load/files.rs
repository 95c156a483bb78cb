//! Where an assessment's files are read from: a folder on disk here, a git revision in
//! `history`. Paths are relative to the assessment's root and use `/`.

use std::path::{Path, PathBuf};

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// It leads outside the assessment (through a symbolic link).
    Outside,
    /// It is a folder, not a file.
    NotAFile,
    /// It is neither a file nor a folder: a named pipe, a device, a socket.
    Special,
    /// It is a symbolic link that leads, through others, back to itself.
    Loop,
    /// It lies in a git submodule: the commit holds only a link to another repository.
    Submodule,
    /// It is larger than the limit; its size in bytes.
    TooLarge(u64),
    /// Reading failed.
    Unreadable(String),
}

/// A place to read an assessment's files from.
pub trait Files {
    /// The contents of `path`, or `None` when it does not exist. Refuses a file over `limit`
    /// bytes without reading it, and, when `confined`, one that leads outside the assessment.
    fn read(&self, path: &str, limit: u64, confined: bool) -> Result<Option<Vec<u8>>, Refusal>;

    /// How `path` is shown to the user.
    fn name(&self, path: &str) -> String;

    /// The names of the regular files directly in the folder `dir`, sorted; none when there
    /// is no such folder.
    fn list(&self, dir: &str) -> Vec<String>;

    /// The names of the folders directly in the folder `dir` (symbolic links not followed,
    /// hidden ones left out), sorted; none when there is no such folder.
    fn folders(&self, dir: &str) -> Vec<String>;
}

/// An assessment folder on disk.
pub struct Disk {
    root: PathBuf,
}

impl Disk {
    pub fn new(root: &Path) -> Self {
        Disk {
            root: root.to_owned(),
        }
    }
}

impl Files for Disk {
    fn read(&self, path: &str, limit: u64, confined: bool) -> Result<Option<Vec<u8>>, Refusal> {
        let full = self.root.join(path);
        let real = match full.canonicalize() {
            Ok(real) => real,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            // A link that cannot be resolved, though it is there: links in a loop.
            Err(_)
                if std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink()) =>
            {
                return Err(Refusal::Loop);
            }
            Err(error) => return Err(Refusal::Unreadable(error.to_string())),
        };
        if confined {
            let root = self
                .root
                .canonicalize()
                .map_err(|e| Refusal::Unreadable(e.to_string()))?;
            if !real.starts_with(root) {
                return Err(Refusal::Outside);
            }
        }
        let metadata = std::fs::metadata(&real).map_err(|e| Refusal::Unreadable(e.to_string()))?;
        if metadata.is_dir() {
            return Err(Refusal::NotAFile);
        }
        if !metadata.is_file() {
            return Err(Refusal::Special);
        }
        if metadata.len() > limit {
            return Err(Refusal::TooLarge(metadata.len()));
        }
        // Read no more than the limit, even from a file that grows while it is read.
        let file = std::fs::File::open(&real).map_err(|e| Refusal::Unreadable(e.to_string()))?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(file, limit + 1), &mut bytes)
            .map_err(|e| Refusal::Unreadable(e.to_string()))?;
        if bytes.len() as u64 > limit {
            return Err(Refusal::TooLarge(bytes.len() as u64));
        }
        Ok(Some(bytes))
    }

    fn name(&self, path: &str) -> String {
        super::display(&self.root, path)
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.root.join(dir)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_file())
            .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
            .collect();
        names.sort();
        names
    }

    fn folders(&self, dir: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.root.join(dir)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
            .filter(|name| !name.starts_with('.'))
            .collect();
        names.sort();
        names
    }
}
