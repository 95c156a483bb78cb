//! checksheet: assess, publish and audit compliance with the 基本的指針 check sheet.
//!
//! Every command is one pipeline: load, validate, evaluate, then report.

mod checklists;
mod cli;
mod diagnostic;
mod error;
mod evaluate;
mod evidence;
mod init;
mod load;
mod model;
mod report;
mod validate;
mod write;

pub use cli::run;
