//! checksheet: assess, publish and audit compliance with the 基本的指針 check sheet.
//!
//! Every command is one pipeline: load, validate, evaluate, then report.

mod audit;
mod checklists;
mod cli;
mod compare;
mod diagnostic;
mod digest;
mod error;
mod evaluate;
mod evidence;
mod history;
mod init;
mod load;
mod markdown;
mod model;
mod render;
mod report;
mod validate;
mod write;

pub use cli::run;
