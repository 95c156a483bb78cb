//! `check --since REV`: a status that got worse without its explanation changing.

use std::path::Path;

use crate::{checksheet, copy_of, git, root, run, with_finding};

/// The sample, committed and tagged as published.
fn published() -> tempfile::TempDir {
    let dir = copy_of(&root().join("examples/sample-phr"));
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "初回の自己点検"]);
    git(
        dir.path(),
        &["tag", "-a", "checksheet/2026-10-01", "-m", "公開"],
    );
    dir
}

/// Replaces the first `from` after the line `  <id>:` of karada-note's answers with `to`.
fn edit_answer(dir: &Path, id: &str, from: &str, to: &str) {
    let path = dir.join("answers/karada-note.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find(&format!("\n  {id}:\n")).unwrap();
    let at = start + text[start..].find(from).unwrap();
    std::fs::write(
        &path,
        format!("{}{to}{}", &text[..at], &text[at + from.len()..]),
    )
    .unwrap();
}

fn check_since(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec![
        "check",
        "--since",
        "checksheet/2026-10-01",
        "--format",
        "json",
    ];
    all.extend(args);
    let (code, stdout, stderr) = run(&mut checksheet(dir, &all));
    let json = serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stdout}{stderr}"));
    (code, json)
}

#[test]
fn a_quiet_downgrade_warns_and_fails_under_strict() {
    let dir = published();
    edit_answer(
        dir.path(),
        "gov-recheck",
        "status: done",
        "status: not-done",
    );
    let (code, json) = check_since(dir.path(), &["--service", "karada-note"]);
    assert_eq!(code, 0);
    assert_eq!(
        with_finding(&json, "regressed"),
        vec![("karada-note".to_owned(), "gov-recheck".to_owned())]
    );
    let finding = json["services"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "gov-recheck")
        .unwrap()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "regressed")
        .unwrap()
        .clone();
    assert_eq!(finding["severity"], "warning");
    let text = std::fs::read_to_string(dir.path().join("answers/karada-note.yaml")).unwrap();
    let line = usize::try_from(finding["line"].as_u64().unwrap()).unwrap();
    assert_eq!(
        text.lines().nth(line - 1).unwrap().trim(),
        "status: not-done"
    );
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("from “Done” at checksheet/2026-10-01 down to “Not done”"),
        "{finding}"
    );
    // Under --strict it is an error (the sample has others, so the exit code alone would
    // not tell).
    let (code, json) = check_since(dir.path(), &["--strict", "--service", "karada-note"]);
    assert_eq!(code, 1);
    let severities: Vec<&serde_json::Value> = json["services"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap())
        .filter(|f| f["code"] == "regressed")
        .map(|f| &f["severity"])
        .collect();
    assert_eq!(severities, vec!["error"]);
    let (_, text, _) = run(&mut checksheet(
        dir.path(),
        &["--lang", "ja", "check", "--since", "checksheet/2026-10-01"],
    ));
    assert!(
        text.contains("警告[regressed]: 状況が checksheet/2026-10-01 の時点の「対応済」から「未対応」に下がりました"),
        "{text}"
    );
}

#[test]
fn a_downgrade_with_its_reason_or_an_upgrade_is_silent() {
    let dir = published();
    edit_answer(dir.path(), "gov-recheck", "status: done", "status: partial");
    edit_answer(
        dir.path(),
        "gov-recheck",
        "explanation: |\n",
        "explanation: |\n      今期は体制変更のため一部のみ実施しました。\n",
    );
    let (_, json) = check_since(dir.path(), &[]);
    assert!(with_finding(&json, "regressed").is_empty(), "{json}");
    // genki-log's io-import goes from not done to done: better, not worse.
    let path = dir.path().join("answers/genki-log.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "  io-import:\n    status: not-done",
            "  io-import:\n    status: done",
            1,
        ),
    )
    .unwrap();
    let (_, json) = check_since(dir.path(), &[]);
    assert!(with_finding(&json, "regressed").is_empty(), "{json}");
}

#[test]
fn an_unknown_revision_or_no_repository_is_unusable_input() {
    let dir = published();
    let (code, stdout, stderr) = run(&mut checksheet(
        dir.path(),
        &[
            "check",
            "--since",
            "checksheet/1999-01-01",
            "--format",
            "json",
        ],
    ));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("checksheet/1999-01-01"), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(json["errors"][0]["message"].is_string(), "{json}");
    let plain = copy_of(&root().join("examples/sample-phr"));
    let (code, _, stderr) = run(&mut checksheet(plain.path(), &["check", "--since", "HEAD"]));
    assert_eq!(code, 2, "{stderr}");
}
