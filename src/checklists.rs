//! The checklists bundled in the binary, from the repository's `checklists/` folder.

/// A bundled checklist file.
pub struct Bundled {
    pub id: &'static str,
    pub edition: &'static str,
    pub text: &'static str,
}

impl Bundled {
    /// `id@edition`.
    pub fn reference(&self) -> String {
        format!("{}@{}", self.id, self.edition)
    }

    /// The name diagnostics show for the embedded file.
    pub fn file_name(&self) -> String {
        format!("checklists/{}/{}.yaml", self.id, self.edition)
    }
}

/// Every bundled checklist, oldest edition first within an id.
pub const BUNDLED: &[Bundled] = &[Bundled {
    id: "phr-basic-guideline",
    edition: "2021-04",
    text: include_str!("../checklists/phr-basic-guideline/2021-04.yaml"),
}];

/// The bundled checklist `id@edition`, or the newest edition of `id`.
pub fn find(reference: &str) -> Option<&'static Bundled> {
    match reference.split_once('@') {
        Some((id, edition)) => BUNDLED.iter().find(|b| b.id == id && b.edition == edition),
        None => BUNDLED.iter().rev().find(|b| b.id == reference),
    }
}
