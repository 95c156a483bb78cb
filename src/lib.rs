//! checksheet: assess, publish and audit compliance with the 基本的指針 check sheet.
//!
//! Every command is one pipeline (load, validate, inspect evidence, evaluate) ending in a
//! Sheet, which reports, pages and comparisons read.

mod approval;
mod audit;
mod checklists;
mod cli;
mod compare;
mod diagnostic;
mod digest;
mod error;
mod evaluate;
mod evidence;
mod fetch;
#[doc(hidden)]
pub mod fuzzing;
mod history;
mod i18n;
mod init;
mod labels;
mod load;
mod made;
mod markdown;
mod model;
mod partners;
mod pipeline;
mod render;
mod report;
mod sheet;
mod sign;
mod terminal;
mod timestamp;
mod validate;
mod verify;
mod width;
mod write;

pub use cli::run;
