//! `check`: evaluation of fixture assessments, as text and JSON, and its exit codes.

use insta_cmd::assert_cmd_snapshot;

use crate::{checksheet, fixtures, mini, run};

#[test]
fn every_status_and_finding_as_text() {
    assert_cmd_snapshot!(checksheet(&fixtures().join("check"), &["check", "mini"]));
}

#[test]
fn every_status_and_finding_as_json() {
    assert_cmd_snapshot!(checksheet(
        &fixtures().join("check"),
        &["check", "mini", "--format", "json"]
    ));
}

#[test]
fn one_service_can_be_checked_alone() {
    let (code, stdout, _) = run(&mut checksheet(
        &fixtures().join("check"),
        &["check", "mini", "--service", "no-api", "--format", "json"],
    ));
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let services = json["services"].as_array().unwrap();
    assert_eq!(services.len(), 1);
    assert_eq!(services[0]["id"], "no-api");
}

#[test]
fn certification_is_a_gap_with_the_api_and_advice_without() {
    let (_, stdout, _) = run(&mut checksheet(
        &fixtures().join("check"),
        &["check", "mini", "--format", "json"],
    ));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let cert = |service: usize| {
        json["services"][service]["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "cert")
            .unwrap()
            .clone()
    };
    assert_eq!(cert(0)["obligation"], "must");
    assert_eq!(cert(0)["outcome"], "gap");
    assert_eq!(cert(2)["obligation"], "effort");
    assert_eq!(cert(2)["outcome"], "advice");
}

const WARNING_ONLY: &str = "as-of: 2026-04-01
facts: {api: false, shares: false, abroad: false}
answers:
  cert: {status: done, evidence: [{certificate: {scheme: ISMS}}]}
  safeguards: {status: done}
  local-only: {status: done}
";

#[test]
fn warnings_alone_exit_0_and_strict_makes_them_errors() {
    let dir = mini(WARNING_ONLY);
    let (code, stdout, _) = run(&mut checksheet(dir.path(), &["check"]));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("warning[evidence-missing]"), "{stdout}");
    let (code, stdout, _) = run(&mut checksheet(dir.path(), &["check", "--strict"]));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("error[evidence-missing]"), "{stdout}");
}

#[test]
fn the_result_depends_on_as_of_not_on_today() {
    let dir = mini(
        "as-of: 2030-01-01
facts: {api: false, shares: false, abroad: false}
answers:
  cert: {status: planned, target: 2029-12-31}
  safeguards: {status: done, evidence: [{file: rules.md}]}
  local-only: {status: done}
",
    );
    let (_, stdout, _) = run(&mut checksheet(dir.path(), &["check"]));
    assert!(stdout.contains("plan-overdue"), "{stdout}");
}

#[test]
fn a_self_check_without_approval_warns_and_an_overdue_review_is_an_error() {
    // No approval: a warning pointing at the file, exit code unchanged.
    let dir = mini(WARNING_ONLY);
    let (code, stdout, _) = run(&mut checksheet(dir.path(), &["check"]));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("warning[approval-missing]"), "{stdout}");
    assert!(stdout.contains("--> app.yaml:1:8"), "{stdout}");
    // Approved, and reviewed on time: neither.
    let approved = WARNING_ONLY.replace(
        "as-of: 2026-04-01\n",
        "as-of: 2026-04-01\napproved-by: {name: 鈴木一郎, title: 代表取締役社長, date: 2026-04-10}\nnext-review: 2026-04-01\n",
    );
    let dir = mini(&approved);
    let (code, stdout, _) = run(&mut checksheet(dir.path(), &["check"]));
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains("approval-missing"), "{stdout}");
    assert!(!stdout.contains("review-overdue"), "{stdout}");
    // The next review was due before as-of: an error at the `next-review` line.
    let overdue = approved.replace("next-review: 2026-04-01", "next-review: 2026-03-31");
    let dir = mini(&overdue);
    let (code, stdout, _) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("エラー[review-overdue]: 次回点検予定日 2026-03-31 を過ぎています（点検基準日 2026-04-01）"),
        "{stdout}"
    );
    assert!(stdout.contains("--> app.yaml:3:14"), "{stdout}");
    let (_, json, _) = run(&mut checksheet(dir.path(), &["check", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["services"][0]["approved-by"]["title"],
        "代表取締役社長"
    );
    assert_eq!(json["services"][0]["next-review"], "2026-03-31");
}
