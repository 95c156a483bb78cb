//! `partners check` against partners' sites served from 127.0.0.1, and `partner-check`
//! evidence in `check`.

use std::path::Path;

use crate::{check_json, checksheet, copy_of, git, root, run, with_finding};

/// Builds the sample (with `as_of` in its YAML answers, when given) into `out`.
fn build_sample(out: &Path, as_of: Option<&str>) {
    let source = copy_of(&root().join("examples/sample-phr"));
    if let Some(as_of) = as_of {
        for name in ["genki-log", "karada-note"] {
            let path = source.path().join(format!("answers/{name}.yaml"));
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.replacen("as-of: 2026-10-01", &format!("as-of: {as_of}"), 1);
            std::fs::write(path, text).unwrap();
        }
    }
    let (code, _, stderr) = run(&mut checksheet(
        source.path(),
        &["build", "--out", out.to_str().unwrap()],
    ));
    assert_eq!(code, 0, "{stderr}");
}

/// The sample assessment, its partner `example-pharma` at `first`, and `partners` (YAML
/// lines under `partners:`) after it.
fn with_partners(first: &str, partners: &str) -> tempfile::TempDir {
    let dir = copy_of(&root().join("examples/sample-phr"));
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let sample = "url: https://example.com/okusuri-memo/checksheet/";
    assert!(text.trim_end().ends_with(sample));
    let text = text.replace(sample, &format!("url: {first}"));
    std::fs::write(&settings, format!("{text}{partners}")).unwrap();
    dir
}

/// The sample without partners, nor the evidence that names one.
fn without_partners() -> tempfile::TempDir {
    let dir = copy_of(&root().join("examples/sample-phr"));
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let start = text.find("partners:").unwrap();
    std::fs::write(&settings, &text[..start]).unwrap();
    let answers = dir.path().join("answers/karada-note.yaml");
    let text = std::fs::read_to_string(&answers).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !line.contains("- partner-check:"))
        .collect();
    std::fs::write(&answers, kept.join("\n") + "\n").unwrap();
    dir
}

/// Two partners' sites on one server: `current` (as of 2026-10-01) and `stale` (as of
/// 2024-04-01 for two of its three sheets).
fn two_sites() -> (tempfile::TempDir, crate::serve::Server) {
    let sites = tempfile::tempdir().unwrap();
    build_sample(&sites.path().join("current"), None);
    build_sample(&sites.path().join("stale"), Some("2024-04-01"));
    let server = crate::serve::serve(sites.path().to_path_buf(), Vec::new());
    (sites, server)
}

fn stale_partner(server: &crate::serve::Server) -> String {
    format!(
        "  - id: mukashi\n    name: 株式会社むかし\n    url: {}stale/\n",
        server.base
    )
}

#[test]
fn partners_check_tells_a_current_partner_from_a_stale_one() {
    let (_sites, server) = two_sites();
    let assessment = with_partners(&format!("{}current/", server.base), &stale_partner(&server));
    let (code, stdout, stderr) = run(&mut checksheet(
        assessment.path(),
        &["partners", "check", "--on", "2026-11-24"],
    ));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let (current, stale) = stdout.split_at(stdout.find("株式会社むかし").unwrap());
    assert!(
        current.contains("Genki Log: as of 2026-10-01, 5 open gaps, 1 unanswered"),
        "{current}"
    );
    assert!(current.contains("result: verified"), "{current}");
    assert!(
        current.contains(
            "- partner-check: {partner: example-pharma, checked: 2026-11-24, result: verified}"
        ),
        "{current}"
    );
    assert!(stale.contains("as of 2024-04-01"), "{stale}");
    assert!(
        stale.contains("as-of is more than 1 year before 2026-11-24 (stale)"),
        "{stale}"
    );
    // Stale is not "did not verify": the site verified, a sheet on it is old.
    assert!(stale.contains("result: stale"), "{stale}");
    assert!(
        stale.contains("- partner-check: {partner: mukashi, checked: 2026-11-24, result: stale}"),
        "{stale}"
    );

    let (code, json, _) = run(&mut checksheet(
        assessment.path(),
        &[
            "partners",
            "check",
            "--on",
            "2026-11-24",
            "--format",
            "json",
            "--max-age",
            "3y",
        ],
    ));
    assert_eq!(code, 0, "{json}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["max-age"], "3y");
    assert_eq!(json["partners"][0]["id"], "example-pharma");
    assert_eq!(json["partners"][0]["result"], "verified");
    assert_eq!(json["partners"][1]["result"], "verified");
    assert_eq!(json["partners"][1]["sheets"][0]["as-of"], "2024-04-01");
    assert_eq!(json["partners"][1]["sheets"][0]["stale"], false);

    // A year later, the current one is stale too.
    let (code, json, _) = run(&mut checksheet(
        assessment.path(),
        &[
            "partners",
            "check",
            "--on",
            "2027-10-02",
            "--format",
            "json",
        ],
    ));
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["partners"][0]["result"], "stale");
}

#[test]
fn a_changed_or_unreachable_partner_site_does_not_verify() {
    let (sites, server) = two_sites();
    let page = sites.path().join("current/karada-note/index.html");
    let mut bytes = std::fs::read(&page).unwrap();
    bytes[200] ^= 1;
    std::fs::write(&page, bytes).unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}/", listener.local_addr().unwrap());
    drop(listener);
    let assessment = with_partners(
        &format!("{}current/", server.base),
        &format!("  - id: heiten\n    name: 株式会社閉店\n    url: {closed}\n"),
    );
    let (code, stdout, stderr) = run(&mut checksheet(
        assessment.path(),
        &["--lang", "ja", "partners", "check", "--on", "2026-11-24"],
    ));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("変更されています: karada-note/index.html"),
        "{stdout}"
    );
    assert!(stdout.contains("確かめられません: "), "{stdout}");
    assert_eq!(stdout.matches("結果: 照合できず").count(), 2, "{stdout}");
}

#[test]
fn partners_check_without_partners_or_with_a_bad_age_says_what_to_do() {
    let assessment = without_partners();
    let (code, _, stderr) = run(&mut checksheet(assessment.path(), &["partners", "check"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("checksheet.yaml lists no partners"),
        "{stderr}"
    );
    assert!(stderr.contains("partners:\n"), "{stderr}");
    let (code, _, stderr) = run(&mut checksheet(
        assessment.path(),
        &["partners", "check", "--max-age", "6m"],
    ));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`6m` is not a length of time"), "{stderr}");
}

/// The sample with karada-note's partner check edited.
fn partner_check(from: &str, to: &str) -> tempfile::TempDir {
    let dir = copy_of(&root().join("examples/sample-phr"));
    let path = dir.path().join("answers/karada-note.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    dir
}

const CHECK: &str = "partner: example-pharma, checked: 2026-09-10, result: verified";

#[test]
fn partner_check_evidence_names_a_listed_partner() {
    let dir = partner_check(
        CHECK,
        "partner: example-pharm, checked: 2026-09-10, result: verified",
    );
    let (code, _, stderr) = run(&mut checksheet(dir.path(), &["check"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("partner `example-pharm` is not among the partners in checksheet.yaml"),
        "{stderr}"
    );
    assert!(stderr.contains("answers/karada-note.yaml:"), "{stderr}");
    assert!(stderr.contains("`example-pharma`"), "{stderr}");
}

#[test]
fn a_partner_check_date_typed_as_in_excel_gets_the_date_advice() {
    let dir = partner_check(
        CHECK,
        "partner: example-pharma, checked: 2026/9/10, result: verified",
    );
    let (code, _, stderr) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("[invalid-date]"), "{stderr}");
    assert!(stderr.contains("`checked: 2026-04-01`"), "{stderr}");
}

#[test]
fn a_partner_check_that_did_not_verify_undermines_a_done_answer() {
    let dir = partner_check(
        CHECK,
        "partner: example-pharma, checked: 2026-09-10, result: not-verified",
    );
    let (code, json) = check_json(dir.path(), &["--service", "karada-note"]);
    assert_eq!(code, 1);
    let found = with_finding(&json, "partner-not-verified");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(!with_finding(&json, "gap").is_empty());
}

#[test]
fn a_partner_check_after_as_of_or_a_year_before_it_is_a_warning() {
    let dir = partner_check(
        CHECK,
        "partner: example-pharma, checked: 2026-10-15, result: verified",
    );
    let (_, json) = check_json(dir.path(), &["--service", "karada-note"]);
    assert_eq!(with_finding(&json, "evidence-future").len(), 1);
    let dir = partner_check(
        CHECK,
        "partner: example-pharma, checked: 2025-09-01, result: verified",
    );
    let (code, json) = check_json(dir.path(), &["--service", "karada-note"]);
    assert_eq!(code, 0);
    assert_eq!(with_finding(&json, "evidence-stale").len(), 1);
}

#[test]
fn the_diff_names_what_changed_in_a_partner_check() {
    let dir = copy_of(&root().join("examples/sample-phr"));
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "初回"]);
    let path = dir.path().join("answers/karada-note.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            CHECK,
            "partner: example-pharma, checked: 2026-09-10, result: not-verified",
            1,
        ),
    )
    .unwrap();
    git(dir.path(), &["commit", "-qam", "連携先の確認をやり直し"]);
    let (code, json, stderr) = run(&mut checksheet(
        dir.path(),
        &["diff", "HEAD~1", "HEAD", "--format", "json", "--internal"],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(json.contains("\"partner-check.result\": {\n"), "{json}");
    assert!(json.contains("\"not-verified\""), "{json}");
    let (_, text, _) = run(&mut checksheet(
        dir.path(),
        &["--lang", "ja", "diff", "HEAD~1", "HEAD", "--internal"],
    ));
    assert!(
        text.contains("(partner-check.result: verified → not-verified)"),
        "{text}"
    );
    assert!(
        text.contains("連携先の公開チェックシートを照合できず（2026-09-10）"),
        "{text}"
    );
}
