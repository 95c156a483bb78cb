//! Every assessment under `examples/` loads and validates; the sample's gaps are exact.

use std::path::PathBuf;

use insta_cmd::assert_cmd_snapshot;

use crate::{checksheet, root, run};

fn assessments() -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![root().join("examples")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name().is_some_and(|n| n == "checksheet.yaml") {
                found.push(dir.clone());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_example_loads_and_validates() {
    let examples = assessments();
    assert!(!examples.is_empty());
    for example in examples {
        let (code, stdout, stderr) = run(&mut checksheet(&example, &["check"]));
        assert_ne!(code, 2, "{}: {stdout}{stderr}", example.display());
    }
}

#[test]
fn every_yaml_file_under_examples_belongs_to_an_assessment() {
    // A stray YAML file would be an example that nothing loads.
    let mut pending = vec![root().join("examples")];
    let assessments = assessments();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                assert!(
                    assessments.iter().any(|a| path.starts_with(a)),
                    "{} is not in an assessment",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_sample_names_exactly_its_gaps() {
    assert_cmd_snapshot!(checksheet(&root(), &["check", "examples/sample-phr"]));
}

#[test]
fn the_sample_as_json() {
    assert_cmd_snapshot!(checksheet(
        &root(),
        &["check", "examples/sample-phr", "--format", "json"]
    ));
}
