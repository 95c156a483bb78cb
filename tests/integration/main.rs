//! The integration tests: the `checksheet` binary run on fixture folders.

mod applicability;
mod approval;
mod browser;
mod build;
mod chain;
mod check;
mod checklist;
mod errors;
mod evidence;
mod examples;
mod export;
mod faults;
mod fuzz;
mod history;
mod hostile;
mod init;
mod language;
mod leaks;
mod misleading;
mod oscal;
mod partners;
mod publishable;
mod resources;
mod scale;
mod serve;
mod sheet;
mod signers;
mod since;
mod terminal;
mod timestamp;
mod typed;
mod verify;
mod workbook;

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

/// `checksheet` with `args`, run in `dir` so that paths in its output are relative, in
/// English unless the test says otherwise.
fn checksheet(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(insta_cmd::get_cargo_bin("checksheet"));
    command
        .current_dir(dir)
        .args(args)
        .env("CHECKSHEET_LANG", "en")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
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

/// Copies the folder `from` to `to`.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Copies the folder `from` into a new temporary folder.
fn copy_of(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(from, dir.path());
    dir
}

/// An assessment in a new temporary folder: the mini checklist and one service `app`
/// (pages in Japanese and English) whose answers are `answers`.
fn mini(answers: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("mini-checklist.yaml"),
        dir.path().join("checklist.yaml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("checksheet.yaml"),
        "organization: {name: テスト}\nchecklist: checklist.yaml\nlanguages: [ja, en]\nservices:\n  - {id: app, name: アプリ, answers: app.yaml}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("app.yaml"), answers).unwrap();
    dir
}

/// `check --format json` in `dir`: the exit code and the parsed evaluation.
fn check_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = run(&mut checksheet(dir, &all));
    let json = serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stdout}{stderr}"));
    (code, json)
}

/// Every `(service, requirement)` with a finding of `code`.
fn with_finding(evaluation: &serde_json::Value, code: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for service in evaluation["services"].as_array().unwrap() {
        for requirement in service["requirements"].as_array().unwrap() {
            if requirement["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["code"] == code)
            {
                found.push((
                    service["id"].as_str().unwrap().to_owned(),
                    requirement["id"].as_str().unwrap().to_owned(),
                ));
            }
        }
    }
    found
}

/// `git` in `dir` with a fixed identity and date, for tests that make repositories with the
/// git command line.
fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "山田花子")
        .env("GIT_AUTHOR_EMAIL", "hanako@example.jp")
        .env("GIT_COMMITTER_NAME", "山田花子")
        .env("GIT_COMMITTER_EMAIL", "hanako@example.jp")
        .env("GIT_AUTHOR_DATE", "2026-10-01T10:00:00+09:00")
        .env("GIT_COMMITTER_DATE", "2026-10-01T10:00:00+09:00")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// Whether `program` runs with `args` and succeeds; under CI it must.
fn has(program: &str, args: &[&str]) -> bool {
    let found = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI needs {program}"
    );
    found
}
