//! `init`: a ready-to-fill repository that checks cleanly once answered; never overwrites.

use std::fmt::Write as _;
use std::path::Path;

use insta_cmd::assert_cmd_snapshot;

use crate::{checksheet, run};

const INIT: &[&str] = &[
    "init",
    "x",
    "--org",
    "テスト株式会社",
    "--service",
    "Karada Note",
    "--as-of",
    "2026-04-01",
];

fn scaffold() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&mut checksheet(dir.path(), INIT));
    assert_eq!(code, 0, "{stderr}");
    dir
}

/// The scaffold's answers with every fact set to `facts` and every status to `status`.
fn answer_all(dir: &Path, fact: &str, status: &str) {
    let path = dir.join("x/answers/karada-note.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut in_facts = false;
    let mut answered = String::new();
    for line in text.lines() {
        match line {
            "facts:" => in_facts = true,
            "answers:" => in_facts = false,
            _ => {}
        }
        if in_facts && line.starts_with("  ") && !line.starts_with("  #") && line.ends_with(':') {
            let _ = writeln!(answered, "{line} {fact}");
        } else if line == "    status:" {
            let _ = writeln!(answered, "{line} {status}");
        } else {
            answered.push_str(line);
            answered.push('\n');
        }
    }
    std::fs::write(path, answered).unwrap();
}

fn set(dir: &Path, from: &str, to: &str) {
    let path = dir.join("x/answers/karada-note.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in the answers file");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn requirement(dir: &Path, id: &str) -> serde_json::Value {
    let (_, stdout, stderr) = run(&mut checksheet(
        &dir.join("x"),
        &["check", "--format", "json"],
    ));
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
    json["services"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
        .clone()
}

#[test]
fn init_says_what_it_created() {
    let dir = tempfile::tempdir().unwrap();
    assert_cmd_snapshot!(checksheet(dir.path(), INIT));
}

#[test]
fn init_writes_settings_naming_the_service() {
    let dir = scaffold();
    let settings = std::fs::read_to_string(dir.path().join("x/checksheet.yaml")).unwrap();
    insta::assert_snapshot!(settings);
}

#[test]
fn the_answers_file_lists_every_fact_and_requirement_with_a_japanese_comment() {
    let dir = scaffold();
    let answers = std::fs::read_to_string(dir.path().join("x/answers/karada-note.yaml")).unwrap();
    insta::assert_snapshot!(answers);
}

#[test]
fn init_never_overwrites_and_names_the_existing_files() {
    let dir = scaffold();
    let before = std::fs::read(dir.path().join("x/answers/karada-note.yaml")).unwrap();
    set(dir.path(), "    status:", "    status: done");
    let edited = std::fs::read(dir.path().join("x/answers/karada-note.yaml")).unwrap();
    assert_ne!(before, edited);
    assert_cmd_snapshot!(checksheet(dir.path(), INIT));
    let after = std::fs::read(dir.path().join("x/answers/karada-note.yaml")).unwrap();
    assert_eq!(edited, after);
}

#[test]
fn init_does_not_write_anything_when_one_file_exists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("x")).unwrap();
    std::fs::write(dir.path().join("x/README.md"), "mine").unwrap();
    let (code, _, stderr) = run(&mut checksheet(dir.path(), INIT));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("init would overwrite `x/README.md`"),
        "{stderr}"
    );
    assert!(!dir.path().join("x/checksheet.yaml").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x/README.md")).unwrap(),
        "mine"
    );
}

#[test]
fn a_fresh_scaffold_is_valid_and_reports_what_is_unanswered() {
    let dir = scaffold();
    let (code, stdout, stderr) = run(&mut checksheet(&dir.path().join("x"), &["check"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("error[unanswered]"), "{stdout}");
    assert!(stdout.contains("error[fact-unanswered]"), "{stdout}");
}

#[test]
fn answering_every_item_done_leaves_only_evidence_warnings() {
    let dir = scaffold();
    answer_all(dir.path(), "false", "done");
    let (code, stdout, stderr) = run(&mut checksheet(
        &dir.path().join("x"),
        &["check", "--format", "json"],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let codes: std::collections::BTreeSet<String> = json["services"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap().clone())
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, ["evidence-missing".to_owned()].into());
}

#[test]
fn the_api_fact_turns_certification_between_a_gap_and_advice() {
    let dir = scaffold();
    answer_all(dir.path(), "false", "done");
    set(
        dir.path(),
        "  sec-third-party-cert:\n    status: done",
        "  sec-third-party-cert:\n    status: not-done",
    );
    let cert = requirement(dir.path(), "sec-third-party-cert");
    assert_eq!(
        (&cert["obligation"], &cert["outcome"]),
        (&"effort".into(), &"advice".into())
    );
    set(
        dir.path(),
        "uses-mynaportal-api: false",
        "uses-mynaportal-api: true",
    );
    let cert = requirement(dir.path(), "sec-third-party-cert");
    assert_eq!(
        (&cert["obligation"], &cert["outcome"]),
        (&"must".into(), &"gap".into())
    );
}

#[test]
fn init_with_a_checklist_file_copies_it_into_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    let checklist = crate::fixtures().join("mini-checklist.yaml");
    let (code, _, stderr) = run(&mut checksheet(
        dir.path(),
        &[
            "init",
            "y",
            "--checklist",
            checklist.to_str().unwrap(),
            "--as-of",
            "2026-04-01",
        ],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("y/checklists/mini@1.yaml").exists());
    let (code, stdout, stderr) = run(&mut checksheet(&dir.path().join("y"), &["check"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("checklist mini@1"), "{stdout}");
}

#[test]
fn init_refuses_a_service_id_that_is_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&mut checksheet(
        dir.path(),
        &["init", "x", "--service-id", "../../escape"],
    ));
    assert_eq!(code, 2);
    assert!(stderr.contains("[invalid-id]"), "{stderr}");
    assert!(!dir.path().join("x").exists());
    assert!(!dir.path().join("escape.yaml").exists());
}

#[cfg(unix)]
#[test]
fn files_init_writes_are_readable_by_all() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = scaffold();
    let mode = std::fs::metadata(dir.path().join("x/checksheet.yaml"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

/// `init --xlsx` says what to fill in with the words the workbook offers: はい or いいえ for
/// each question, 対応状況 for each requirement, the sheet 「証跡」 for evidence; so does the
/// README it writes.
#[test]
fn init_with_a_workbook_says_what_to_fill_in_with_the_workbooks_words() {
    for lang in ["ja", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let (code, stdout, stderr) = run(&mut checksheet(
            dir.path(),
            &[
                "--lang",
                lang,
                "init",
                "x",
                "--service",
                "アプリ",
                "--service-id",
                "app",
                "--xlsx",
            ],
        ));
        assert_eq!(code, 0, "{stderr}");
        let readme = std::fs::read_to_string(dir.path().join("x/README.md")).unwrap();
        for text in [&stdout, &readme] {
            assert!(text.contains("answers/app.xlsx"), "{text}");
            assert!(
                text.contains("はい") && text.contains("いいえ"),
                "{lang}: {text}"
            );
            assert!(text.contains("対応状況") && text.contains("証跡"), "{text}");
            for yaml in ["true", "false", "`status`", "`facts`", "`evidence`"] {
                assert!(!text.contains(yaml), "{lang} says {yaml}: {text}");
            }
        }
    }
}
