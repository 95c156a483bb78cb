//! The integration tests: the `checksheet` binary run on fixture folders.

mod check;
mod checklist;
mod errors;
mod examples;
mod init;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder holding the fixtures.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The repository root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `checksheet` with `args`, run in `dir` so that paths in its output are relative.
fn checksheet(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(insta_cmd::get_cargo_bin("checksheet"));
    command.current_dir(dir).args(args);
    command
}

/// Runs `command` and returns its exit code, standard output and standard error.
fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().expect("checksheet runs");
    (
        output.status.code().expect("checksheet exits normally"),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}
