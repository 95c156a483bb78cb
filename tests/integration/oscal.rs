//! `export --format oscal-catalog|oscal-results`: OSCAL documents that compliance-trestle
//! validates, the same bytes for the same input, and internal parts only on request.

use std::path::Path;

use crate::{checksheet, root, run};

/// Exports the sample with `args` to standard output.
fn export(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["export", "examples/sample-phr", "--out", "-"];
    all.extend(args);
    run(&mut checksheet(&root(), &all))
}

fn exported(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = export(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn the_catalog_has_a_group_per_section_and_a_control_per_requirement() {
    let (_, first, _) = export(&["--format", "oscal-catalog"]);
    let (_, second, _) = export(&["--format", "oscal-catalog"]);
    assert_eq!(first, second, "the same input gives the same bytes");
    let catalog: serde_json::Value = serde_json::from_str(&first).unwrap();
    let catalog = &catalog["catalog"];
    assert_eq!(catalog["metadata"]["oscal-version"], "1.2.1");
    assert_eq!(catalog["metadata"]["version"], "2021-04");
    assert_eq!(
        catalog["metadata"]["last-modified"],
        "2021-04-01T00:00:00+09:00"
    );
    let groups = catalog["groups"].as_array().unwrap();
    assert_eq!(groups[0]["id"], "section-2");
    let controls: Vec<&serde_json::Value> = groups
        .iter()
        .flat_map(|g| g["controls"].as_array().unwrap())
        .collect();
    assert_eq!(controls.len(), 35);
    let partner = controls
        .iter()
        .find(|c| c["id"] == "io-partner-check")
        .unwrap();
    let props: Vec<(&str, &str)> = partner["props"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["value"].as_str().unwrap()))
        .collect();
    assert!(props.contains(&("label", "4.2-5")), "{props:?}");
    assert!(props.contains(&("obligation", "must")), "{props:?}");
    assert!(
        props.contains(&("applicability", "fact(links-with-other-operators)")),
        "{props:?}"
    );
    assert_eq!(partner["parts"][0]["name"], "statement");
    assert!(
        partner["parts"][1]["prose"]
            .as_str()
            .unwrap()
            .starts_with("Before linking")
    );
}

#[test]
fn results_judge_each_requirement_and_keep_internal_parts_for_internal_use() {
    let public = exported(&["--format", "oscal-results", "--service", "karada-note"]);
    let internal = exported(&[
        "--format",
        "oscal-results",
        "--service",
        "karada-note",
        "--internal",
    ]);
    let result = &public["assessment-results"]["results"][0];
    assert_eq!(result["start"], "2026-10-01T00:00:00+09:00");
    let findings = result["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 35);
    let recheck = findings
        .iter()
        .find(|f| f["title"] == "5-3 gov-recheck")
        .unwrap();
    assert_eq!(recheck["target"]["status"]["state"], "satisfied");
    assert_eq!(recheck["target"]["target-id"], "gov-recheck_smt");
    // The certificate's expiry is the observation's.
    let observations = result["observations"].as_array().unwrap();
    assert!(
        observations
            .iter()
            .any(|o| o["expires"] == "2028-03-31T23:59:59+09:00"),
        "{observations:?}"
    );
    // Internal evidence (the partner-check record, files) and notes only with --internal.
    let text = public.to_string();
    assert!(!text.contains("partner-check-2026.md"), "{text}");
    assert!(!text.contains("次回サーベイランス審査"), "{text}");
    let internal_text = internal.to_string();
    assert!(internal_text.contains("partner-check-2026.md"));
    assert!(internal_text.contains("example-pharma 2026-09-10 verified"));
    assert!(internal_text.contains("次回サーベイランス審査は2027年2月予定"));
    assert!(
        internal["assessment-results"]["results"][0]["observations"]
            .as_array()
            .unwrap()
            .len()
            > observations.len()
    );

    let genki = exported(&["--format", "oscal-results", "--service", "genki-log"]);
    let findings = genki["assessment-results"]["results"][0]["findings"]
        .as_array()
        .unwrap();
    let import = findings
        .iter()
        .find(|f| f["title"] == "4.2-2 io-import")
        .unwrap();
    assert_eq!(import["target"]["status"]["state"], "not-satisfied");
    assert_eq!(import["target"]["status"]["reason"], "fail");
}

#[test]
fn results_need_a_service() {
    let (code, _, stderr) = export(&["--format", "oscal-results"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("exports one service"), "{stderr}");
    let (code, _, stderr) = export(&["--format", "oscal-results", "--service", "karada"]);
    assert_eq!(code, 2, "{stderr}");
}

/// Whether compliance-trestle's `trestle` is here; continuous integration must have it.
fn have_trestle() -> bool {
    let here = std::process::Command::new("trestle")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        here || std::env::var_os("CI").is_none(),
        "CI needs trestle (pip install compliance-trestle)"
    );
    if !here {
        eprintln!("skipped: trestle is not installed");
    }
    here
}

fn trestle(dir: &Path, args: &[&str]) -> (bool, String) {
    let output = std::process::Command::new("trestle")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

#[test]
fn trestle_validates_the_catalog_and_the_results() {
    if !have_trestle() {
        return;
    }
    let workspace = tempfile::tempdir().unwrap();
    let (ok, said) = trestle(workspace.path(), &["init"]);
    assert!(ok, "{said}");
    let documents = [
        (
            "catalogs/phr-basic-guideline/catalog.json",
            vec!["--format", "oscal-catalog"],
        ),
        (
            "assessment-results/genki-log/assessment-results.json",
            vec!["--format", "oscal-results", "--service", "genki-log"],
        ),
        (
            "assessment-results/karada-note/assessment-results.json",
            vec![
                "--format",
                "oscal-results",
                "--service",
                "karada-note",
                "--internal",
            ],
        ),
    ];
    for (path, args) in documents {
        let file = workspace.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let mut all = vec![
            "export",
            "examples/sample-phr",
            "--out",
            file.to_str().unwrap(),
        ];
        all.extend(args);
        let (code, _, stderr) = run(&mut checksheet(&root(), &all));
        assert_eq!(code, 0, "{stderr}");
        let (ok, said) = trestle(workspace.path(), &["validate", "-f", path]);
        assert!(ok && said.contains("VALID"), "{path}: {said}");
    }
}

#[test]
fn the_plan_the_results_import_resolves_to_the_checklists_catalog() {
    let (code, stdout, stderr) = run(&mut checksheet(
        &root(),
        &[
            "export",
            "examples/sample-phr",
            "--service",
            "genki-log",
            "--format",
            "oscal-results",
            "--out",
            "-",
        ],
    ));
    assert_eq!(code, 0, "{stderr}");
    let results: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let results = &results["assessment-results"];
    let href = results["import-ap"]["href"].as_str().unwrap();
    let target = href.strip_prefix('#').unwrap();
    let resource = results["back-matter"]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["uuid"] == target)
        .unwrap_or_else(|| panic!("{href} resolves to nothing"));
    assert_eq!(
        resource["rlinks"][0]["href"],
        "phr-basic-guideline.oscal-catalog.json"
    );
}
