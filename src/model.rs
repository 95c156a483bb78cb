//! The data model: what users write (assessments) and what the guideline asks (checklists).
//!
//! These types are the file formats. Every field's doc comment is the user's schema;
//! unknown keys are rejected.

mod answers;
mod assessment;
mod checklist;
mod localized;
mod lock;
pub mod workbook;

pub use answers::{
    Answer, AnswersFile, Approval, Certificate, Evidence, EvidenceKind, PartnerCheck,
    PartnerResult, Record, Status,
};
pub use assessment::{Assessment, Language, Organization, Partner, Service};
pub use checklist::{Basis, Checklist, Condition, ExpectedEvidence, Obligation, Requirement, Text};
pub use localized::Localized;
pub use lock::{Lock, LockedFile};
