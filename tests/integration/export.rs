//! `export --out -`: every format written to standard output, the same bytes as in a file,
//! and no file named `-`.

use std::path::Path;

use crate::{checksheet, copy_of, root};

/// `export` of the sample with `args`, written once to standard output and once to a file:
/// both sets of bytes, after checking that the run to standard output made no file.
fn to_stdout_and_to_a_file(args: &[&str], file: &str) -> (Vec<u8>, Vec<u8>) {
    let dir = copy_of(&root().join("examples/sample-phr"));
    let before = files(dir.path());
    let mut all = vec!["export"];
    all.extend(args);
    let output = checksheet(dir.path(), &[all.as_slice(), &["--out", "-"]].concat())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    assert!(
        !dir.path().join("-").exists(),
        "{args:?} wrote a file named `-`"
    );
    assert_eq!(files(dir.path()), before, "{args:?} wrote a file");
    let written = checksheet(dir.path(), &[all.as_slice(), &["--out", file]].concat())
        .output()
        .unwrap();
    assert_eq!(written.status.code(), Some(0), "{args:?}");
    (output.stdout, std::fs::read(dir.path().join(file)).unwrap())
}

/// The names of the files in `dir`.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn export_writes_a_workbook_to_standard_output() {
    let (stdout, file) = to_stdout_and_to_a_file(
        &["--service", "genki-log", "--format", "xlsx"],
        "genki-log.xlsx",
    );
    assert!(stdout.starts_with(b"PK\x03\x04"), "a zip file");
    assert_eq!(stdout, file);
}

#[test]
fn export_writes_yaml_answers_to_standard_output() {
    let (stdout, file) = to_stdout_and_to_a_file(
        &["--service", "sukoyaka-pocket", "--format", "yaml"],
        "sukoyaka-pocket.yaml",
    );
    assert!(
        String::from_utf8(stdout.clone())
            .unwrap()
            .contains("as-of:")
    );
    assert_eq!(stdout, file);
}

#[test]
fn export_writes_the_oscal_catalog_to_standard_output() {
    let (stdout, file) = to_stdout_and_to_a_file(&["--format", "oscal-catalog"], "catalog.json");
    let json: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert!(json["catalog"].is_object(), "{json}");
    assert_eq!(stdout, file);
}

#[test]
fn export_writes_oscal_results_to_standard_output() {
    let (stdout, file) = to_stdout_and_to_a_file(
        &["--service", "karada-note", "--format", "oscal-results"],
        "results.json",
    );
    let json: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert!(json["assessment-results"].is_object(), "{json}");
    assert_eq!(stdout, file);
}
