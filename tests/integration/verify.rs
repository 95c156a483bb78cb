//! `verify`: a published site against its manifest.json.

use std::path::Path;

use crate::{checksheet, root, run};

/// The sample built into a new temporary folder: (the folder, the site in it).
fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let (code, _, stderr) = run(&mut checksheet(
        &root(),
        &[
            "build",
            "examples/sample-phr",
            "--out",
            site.to_str().unwrap(),
        ],
    ));
    assert_eq!(code, 0, "{stderr}");
    (out, site)
}

fn verify(site: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--lang", "en", "verify", site.to_str().unwrap()];
    all.extend(args);
    run(&mut checksheet(&root(), &all))
}

#[test]
fn a_site_as_built_verifies() {
    let (_out, site) = built();
    // Desktop litter is not a difference.
    std::fs::write(site.join(".DS_Store"), "x").unwrap();
    let (code, stdout, stderr) = verify(&site, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("verified: the "), "{stdout}");
    let (code, json, _) = verify(&site, &["--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["verified"], true);
    assert!(json["verification"]["files"].as_u64().unwrap() > 20);
}

#[test]
fn one_changed_byte_a_lost_file_and_an_added_one_are_each_named() {
    let (_out, site) = built();
    let page = site.join("genki-log/index.html");
    let mut bytes = std::fs::read(&page).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    std::fs::write(&page, bytes).unwrap();
    std::fs::remove_file(site.join("en/index.html")).unwrap();
    std::fs::write(site.join("karada-note/extra.html"), "<p>added</p>").unwrap();
    let (code, stdout, _) = verify(&site, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("differs from its manifest.json"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  changed: genki-log/index.html (SHA-256 "),
        "{stdout}"
    );
    assert!(stdout.contains("  missing: en/index.html"), "{stdout}");
    assert!(
        stdout.contains("  not in the manifest: karada-note/extra.html"),
        "{stdout}"
    );
    let (code, json, _) = verify(&site, &["--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["verified"], false);
    assert_eq!(
        json["verification"]["changed"][0]["path"],
        "genki-log/index.html"
    );
    let (_, japanese, _) = run(&mut checksheet(
        &root(),
        &["--lang", "ja", "verify", site.to_str().unwrap()],
    ));
    assert!(
        japanese.contains("変更されています: genki-log/index.html"),
        "{japanese}"
    );
}

#[test]
fn a_folder_without_a_manifest_or_with_a_hostile_one_is_unusable_input() {
    let empty = tempfile::tempdir().unwrap();
    let (code, _, stderr) = verify(empty.path(), &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("has no manifest.json"), "{stderr}");
    let (_out, site) = built();
    let manifest = site.join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replacen(
            "\"outputs\": {",
            "\"outputs\": {\n    \"../../etc/passwd\": \"00\",",
            1,
        ),
    )
    .unwrap();
    let (code, _, stderr) = verify(&site, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`../../etc/passwd`, which is not a path inside the site"),
        "{stderr}"
    );
}
