//! The bundled checklists and `checksheet checklist`.

use std::collections::BTreeSet;

use insta_cmd::assert_cmd_snapshot;

use crate::{checksheet, fixtures, root, run};

/// The requirement keys of the guideline reference, every one of which must be encoded.
const GUIDELINE_KEYS: &[&str] = &[
    "sec-safeguards",
    "sec-staff",
    "sec-contractors",
    "sec-ppc-measures",
    "sec-breach-report",
    "sec-management",
    "sec-roles",
    "sec-asset-class",
    "sec-register",
    "sec-training",
    "sec-physical",
    "sec-technical",
    "sec-incident",
    "sec-third-party-cert",
    "pi-policy-published",
    "pi-purpose",
    "pi-sensitive-consent",
    "pi-careful-consent",
    "pi-third-party-consent",
    "pi-no-disadvantage",
    "pi-withdrawal",
    "pi-erasure",
    "pi-third-party-records",
    "pi-foreign-recipient",
    "pi-requests",
    "pi-complaints",
    "io-export",
    "io-import",
    "io-format",
    "io-shutdown",
    "io-partner-check",
    "io-storage",
    "gov-self-check",
    "gov-publish",
    "gov-recheck",
];

fn show_json(reference: &str) -> serde_json::Value {
    let (code, stdout, stderr) = run(&mut checksheet(
        &root(),
        &["checklist", "show", reference, "--format", "json"],
    ));
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn requirements(checklist: &serde_json::Value) -> Vec<serde_json::Value> {
    checklist["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["requirements"].as_array().unwrap().clone())
        .collect()
}

#[test]
fn the_2021_edition_encodes_every_row_of_the_guideline() {
    let checklist = show_json("phr-basic-guideline@2021-04");
    let ids: BTreeSet<String> = requirements(&checklist)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let expected: BTreeSet<String> = GUIDELINE_KEYS.iter().map(|k| (*k).to_owned()).collect();
    assert_eq!(ids, expected);
}

#[test]
fn certification_is_must_with_the_api_and_effort_otherwise() {
    let checklist = show_json("phr-basic-guideline@2021-04");
    let cert = requirements(&checklist)
        .into_iter()
        .find(|r| r["id"] == "sec-third-party-cert")
        .unwrap();
    assert_eq!(cert["obligation"], "must");
    assert_eq!(
        cert["applies-if"],
        serde_json::json!({"fact": "uses-mynaportal-api"})
    );
    assert_eq!(cert["otherwise"], "effort");
}

#[test]
fn every_requirement_has_text_in_both_languages_and_a_basis() {
    let checklist = show_json("phr-basic-guideline@2021-04");
    for requirement in requirements(&checklist) {
        for language in ["ja", "en"] {
            assert!(
                !requirement["text"][language]
                    .as_str()
                    .unwrap()
                    .trim()
                    .is_empty(),
                "{} has no {language} text",
                requirement["id"]
            );
        }
        assert!(["seed", "src", "rec"].contains(&requirement["basis"].as_str().unwrap()));
    }
}

#[test]
fn every_checklist_file_is_bundled_and_valid() {
    let (code, stdout, _) = run(&mut checksheet(
        &root(),
        &["checklist", "list", "--format", "json"],
    ));
    assert_eq!(code, 0);
    let bundled: BTreeSet<String> = serde_json::from_str::<serde_json::Value>(&stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{}@{}",
                c["id"].as_str().unwrap(),
                c["edition"].as_str().unwrap()
            )
        })
        .collect();
    let mut on_disk = BTreeSet::new();
    for id in std::fs::read_dir(root().join("checklists")).unwrap() {
        let id = id.unwrap();
        for edition in std::fs::read_dir(id.path()).unwrap() {
            let edition = edition.unwrap().path();
            let path = edition
                .strip_prefix(root())
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            let (code, _, stderr) = run(&mut checksheet(&root(), &["checklist", "show", &path]));
            assert_eq!(code, 0, "{path}: {stderr}");
            on_disk.insert(format!(
                "{}@{}",
                id.file_name().to_str().unwrap(),
                edition.file_stem().unwrap().to_str().unwrap()
            ));
        }
    }
    assert_eq!(bundled, on_disk);
}

#[test]
fn json_and_yaml_show_the_same_checklist() {
    let json = show_json("phr-basic-guideline");
    let (_, yaml, _) = run(&mut checksheet(
        &root(),
        &[
            "checklist",
            "show",
            "phr-basic-guideline",
            "--format",
            "yaml",
        ],
    ));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("again.yaml"), yaml).unwrap();
    let (code, again, stderr) = run(&mut checksheet(
        dir.path(),
        &["checklist", "show", "again.yaml", "--format", "json"],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&again).unwrap(),
        json
    );
}

#[test]
fn list_as_text() {
    assert_cmd_snapshot!(checksheet(&root(), &["checklist", "list"]));
}

#[test]
fn show_a_checklist_file_as_text() {
    assert_cmd_snapshot!(checksheet(
        &fixtures(),
        &["checklist", "show", "mini-checklist.yaml"]
    ));
}

#[test]
fn show_a_checklist_file_as_json() {
    assert_cmd_snapshot!(checksheet(
        &fixtures(),
        &[
            "checklist",
            "show",
            "mini-checklist.yaml",
            "--format",
            "json"
        ]
    ));
}

#[test]
fn show_an_unknown_checklist_exits_2() {
    assert_cmd_snapshot!(checksheet(
        &root(),
        &["checklist", "show", "phr-basic@2021-04"]
    ));
}
