//! Unusable input: every bad-input fixture gets its located, actionable message and exit 2.

use std::fmt::Write as _;

use insta_cmd::assert_cmd_snapshot;

use crate::{checksheet, fixtures, run};

fn check_bad(name: &str) -> std::process::Command {
    checksheet(&fixtures().join("bad"), &["check", name])
}

#[test]
fn syntax_error_points_at_the_line() {
    assert_cmd_snapshot!(check_bad("syntax-error"));
}

#[test]
fn wrong_types_are_all_reported() {
    assert_cmd_snapshot!(check_bad("wrong-type"));
}

#[test]
fn unknown_keys_suggest_the_nearest() {
    assert_cmd_snapshot!(check_bad("unknown-key"));
}

#[test]
fn unknown_requirement_ids_suggest_the_nearest() {
    assert_cmd_snapshot!(check_bad("unknown-id"));
}

#[test]
fn unknown_facts_list_the_questions() {
    assert_cmd_snapshot!(check_bad("unknown-fact"));
}

#[test]
fn unknown_statuses_list_the_allowed_values() {
    assert_cmd_snapshot!(check_bad("unknown-status"));
}

#[test]
fn missing_answers_file_is_named_where_it_is_listed() {
    assert_cmd_snapshot!(check_bad("missing-answers"));
}

#[test]
fn empty_file_is_explained() {
    assert_cmd_snapshot!(check_bad("empty-file"));
}

#[test]
fn non_utf8_file_is_refused_with_its_position() {
    assert_cmd_snapshot!(check_bad("non-utf8"));
}

#[test]
fn folder_without_checksheet_yaml_is_one_line() {
    assert_cmd_snapshot!(check_bad("not-an-assessment"));
}

#[test]
fn missing_folder_is_one_line() {
    assert_cmd_snapshot!(check_bad("no-such-folder"));
}

#[test]
fn unknown_checklist_suggests_the_bundled_one() {
    assert_cmd_snapshot!(check_bad("unknown-checklist"));
}

#[test]
fn every_problem_in_every_file_is_reported_in_one_run() {
    assert_cmd_snapshot!(check_bad("many-problems"));
}

#[test]
fn checklist_problems_are_reported_together() {
    assert_cmd_snapshot!(check_bad("bad-checklist"));
}

#[test]
fn unknown_service_suggests_the_nearest() {
    assert_cmd_snapshot!(checksheet(
        &fixtures().join("check"),
        &["check", "mini", "--service", "statuse"]
    ));
}

#[test]
fn unknown_command_line_option_exits_2() {
    let (code, _, stderr) = crate::run(&mut checksheet(&fixtures(), &["check", "--colour"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("--colour"), "{stderr}");
}

#[test]
fn a_checklist_outside_the_repository_is_not_read() {
    let dir = crate::copy_of(&fixtures().join("check/mini"));
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("checklist.yaml", "/proc/self/environ"),
    )
    .unwrap();
    let (code, _, stderr) =
        crate::run(checksheet(dir.path(), &["check"]).env("CANARY_SECRET", "hunter2"));
    assert_eq!(code, 2);
    assert!(!stderr.contains("hunter2"), "{stderr}");
    assert!(stderr.contains("outside"), "{stderr}");
}

#[test]
fn reserved_service_ids_are_refused() {
    let dir = crate::copy_of(&fixtures().join("check/mini"));
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, text.replace("id: undecided", "id: history")).unwrap();
    let (code, _, stderr) = crate::run(&mut checksheet(dir.path(), &["build"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("[reserved-id]"), "{stderr}");
}

/// Files made to exhaust a reader: a YAML alias bomb, nesting twenty thousand deep, a key
/// twice, 40 MB, a loop of symbolic links. Each is refused with a message and exit code 2,
/// quickly and in little memory.
#[test]
fn files_made_to_exhaust_the_reader_are_refused_quickly() {
    let mut bomb =
        String::from("as-of: 2026-10-01\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        let _ = writeln!(bomb, "a{level}: &a{level} [{refs}]");
    }
    bomb.push_str("answers: *a9\n");
    let deep = format!("answers: {}{}\n", "[".repeat(20_000), "]".repeat(20_000));
    let big = format!("# {}\n", "x".repeat(40 * 1024 * 1024));
    for (name, text, says) in [
        ("alias bomb", bomb, "[yaml-syntax]"),
        ("deep nesting", deep, "[yaml-syntax]"),
        (
            "a key twice",
            "as-of: 2026-10-01\nas-of: 2026-10-02\nanswers: {}\n".to_owned(),
            "[duplicate-key]",
        ),
        ("40 MB", big, "is too large"),
    ] {
        let dir = crate::copy_of(&crate::root().join("examples/sample-phr"));
        std::fs::write(dir.path().join("answers/karada-note.yaml"), text).unwrap();
        let started = std::time::Instant::now();
        let (code, _, stderr) = run(&mut checksheet(dir.path(), &["check"]));
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert!(
            started.elapsed().as_secs() < 20,
            "{name} took {:?}",
            started.elapsed()
        );
    }
    #[cfg(unix)]
    {
        let dir = crate::copy_of(&crate::root().join("examples/sample-phr"));
        let evidence = dir.path().join("evidence");
        std::os::unix::fs::symlink("loop-b", evidence.join("loop-a")).unwrap();
        std::os::unix::fs::symlink("loop-a", evidence.join("loop-b")).unwrap();
        let answers = dir.path().join("answers/karada-note.yaml");
        let text = std::fs::read_to_string(&answers).unwrap();
        std::fs::write(
            &answers,
            text.replacen(
                "- file: evidence/personal-data-handling-rules.md",
                "- file: evidence/loop-a",
                1,
            ),
        )
        .unwrap();
        let (code, _, stderr) = run(&mut checksheet(dir.path(), &["check"]));
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("evidence/loop-a"), "{stderr}");
    }
}
