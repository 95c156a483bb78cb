//! Evidence: the lock file, dates at as-of, and confinement to the repository.

use std::collections::BTreeSet;

use insta_cmd::assert_cmd_snapshot;

use crate::{check_json, checksheet, copy_of, fixtures, root, run, with_finding};

fn findings_fixture() -> std::path::PathBuf {
    fixtures().join("evidence")
}

#[test]
fn every_evidence_finding_as_text() {
    assert_cmd_snapshot!(checksheet(&findings_fixture(), &["check", "findings"]));
}

#[test]
fn every_evidence_finding_code_occurs() {
    let (code, evaluation) = check_json(&findings_fixture().join("findings"), &[]);
    assert_eq!(code, 1);
    for finding in [
        "evidence-missing",
        "evidence-missing-file",
        "evidence-changed",
        "evidence-unlocked",
        "evidence-expired",
        "evidence-expiring",
        "evidence-not-yet-valid",
        "evidence-stale",
        "evidence-future",
    ] {
        assert!(
            !with_finding(&evaluation, finding).is_empty(),
            "no fixture shows {finding}"
        );
    }
}

#[test]
fn an_expired_certificate_is_an_error_for_must_and_a_warning_for_effort() {
    let (_, evaluation) = check_json(
        &findings_fixture().join("findings"),
        &["--service", "expired"],
    );
    let severity = |id: &str| {
        let requirement = evaluation["services"][0]["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone();
        requirement["findings"][0]["severity"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(severity("cert"), "error");
    assert_eq!(severity("cert-effort"), "warning");
}

#[test]
fn evidence_list_shows_kind_visibility_and_state() {
    assert_cmd_snapshot!(checksheet(
        &findings_fixture(),
        &["evidence", "list", "findings"]
    ));
}

#[test]
fn the_sample_evidence_as_json() {
    assert_cmd_snapshot!(checksheet(
        &root(),
        &[
            "evidence",
            "list",
            "examples/sample-phr",
            "--format",
            "json"
        ]
    ));
}

#[test]
fn the_sample_lock_is_up_to_date() {
    let sample = copy_of(&root().join("examples/sample-phr"));
    let before = std::fs::read(sample.path().join("checksheet.lock")).unwrap();
    let (code, stdout, _) = run(&mut checksheet(sample.path(), &["evidence", "lock"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("is up to date"), "{stdout}");
    assert_eq!(
        std::fs::read(sample.path().join("checksheet.lock")).unwrap(),
        before
    );
}

#[test]
fn locking_twice_gives_byte_identical_lock_files() {
    let sample = copy_of(&root().join("examples/sample-phr"));
    std::fs::remove_file(sample.path().join("checksheet.lock")).unwrap();
    let (code, stdout, _) = run(&mut checksheet(sample.path(), &["evidence", "lock"]));
    assert_eq!(code, 0, "{stdout}");
    let first = std::fs::read(sample.path().join("checksheet.lock")).unwrap();
    run(&mut checksheet(sample.path(), &["evidence", "lock"]));
    let second = std::fs::read(sample.path().join("checksheet.lock")).unwrap();
    assert_eq!(first, second);
    let committed = std::fs::read(root().join("examples/sample-phr/checksheet.lock")).unwrap();
    assert_eq!(first, committed);
}

#[test]
fn editing_one_byte_flags_exactly_the_requirements_that_cite_the_file() {
    let sample = copy_of(&root().join("examples/sample-phr"));
    let path = "evidence/incident-response-procedure.md";
    let mut bytes = std::fs::read(sample.path().join(path)).unwrap();
    bytes[0] ^= 1;
    std::fs::write(sample.path().join(path), bytes).unwrap();

    let (_, stdout, _) = run(&mut checksheet(
        sample.path(),
        &["evidence", "list", "--format", "json"],
    ));
    let citing: BTreeSet<(String, String)> = serde_json::from_str::<serde_json::Value>(&stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["target"] == path)
        .map(|item| {
            (
                item["service"].as_str().unwrap().to_owned(),
                item["requirement"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(citing.len() >= 2, "{citing:?}");

    let (_, evaluation) = check_json(sample.path(), &[]);
    let changed: BTreeSet<_> = with_finding(&evaluation, "evidence-changed")
        .into_iter()
        .collect();
    assert_eq!(changed, citing);

    let (code, _, _) = run(&mut checksheet(sample.path(), &["evidence", "lock"]));
    assert_eq!(code, 0);
    let (_, evaluation) = check_json(sample.path(), &[]);
    assert!(with_finding(&evaluation, "evidence-changed").is_empty());
}

#[test]
fn moving_as_of_past_valid_until_turns_the_requirement_into_an_error() {
    let sample = copy_of(&root().join("examples/sample-phr"));
    let (code, evaluation) = check_json(sample.path(), &["--service", "karada-note"]);
    assert_eq!(code, 0);
    assert!(with_finding(&evaluation, "evidence-expired").is_empty());

    let answers = sample.path().join("answers/karada-note.yaml");
    let text = std::fs::read_to_string(&answers).unwrap();
    std::fs::write(
        &answers,
        text.replacen("as-of: 2026-10-01", "as-of: 2028-04-01", 1),
    )
    .unwrap();
    let (code, evaluation) = check_json(sample.path(), &["--service", "karada-note"]);
    assert_eq!(code, 1);
    assert_eq!(
        with_finding(&evaluation, "evidence-expired"),
        [("karada-note".to_owned(), "sec-third-party-cert".to_owned())]
    );
}

#[test]
fn paths_outside_the_repository_and_non_web_urls_are_refused() {
    assert_cmd_snapshot!(checksheet(&findings_fixture(), &["check", "outside"]));
}

#[cfg(unix)]
#[test]
fn a_symlink_leading_outside_the_repository_is_refused() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret.txt"), "canary-outside").unwrap();
    let repo = copy_of(&fixtures().join("check/mini"));
    std::fs::remove_file(repo.path().join("rules.md")).unwrap();
    std::os::unix::fs::symlink(
        outer.path().join("secret.txt"),
        repo.path().join("rules.md"),
    )
    .unwrap();
    for command in [&["check"][..], &["evidence", "lock"], &["evidence", "list"]] {
        let (code, stdout, stderr) = run(&mut checksheet(repo.path(), command));
        assert_eq!(code, 2, "{command:?}: {stdout}{stderr}");
        assert!(stderr.contains("[evidence-outside]"), "{stderr}");
        assert!(!stdout.contains("canary") && !stderr.contains("canary"));
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_hashing() {
    let repo = copy_of(&findings_fixture().join("findings"));
    let big = std::fs::File::create(repo.path().join("unlocked.md")).unwrap();
    big.set_len(101 * 1024 * 1024).unwrap();
    let (code, _, stderr) = run(&mut checksheet(repo.path(), &["check"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("[evidence-too-large]"), "{stderr}");
}

#[test]
fn locking_refuses_a_missing_file_and_keeps_the_old_lock() {
    let repo = copy_of(&findings_fixture().join("findings"));
    let before = std::fs::read(repo.path().join("checksheet.lock")).unwrap();
    let (code, _, stderr) = run(&mut checksheet(repo.path(), &["evidence", "lock"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot lock `missing.md`"), "{stderr}");
    assert_eq!(
        std::fs::read(repo.path().join("checksheet.lock")).unwrap(),
        before
    );
}

/// Two services: `nemuri`, whose answers cite files under `evidence/nemuri/`, and `genki`,
/// which cites the company's pledge template in `evidence/`; `nemuri` also cites `typed`.
fn two_services(typed: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("mini-checklist.yaml"),
        dir.path().join("checklist.yaml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("checksheet.yaml"),
        "organization: {name: テスト}\nchecklist: checklist.yaml\nlanguages: [ja]\nservices:\n  - {id: nemuri, name: ねむりログ, answers: answers/nemuri.yaml}\n  - {id: genki, name: げんき, answers: answers/genki.yaml}\n",
    )
    .unwrap();
    let answers = |cited: &[&str]| {
        let mut text = String::from(
            "as-of: 2026-04-01\nfacts: {api: false, shares: false, abroad: false}\nanswers:\n  cert: {status: not-done}\n  local-only: {status: done}\n  safeguards:\n    status: done\n    evidence:\n",
        );
        for path in cited {
            text.push_str("      - file: ");
            text.push_str(path);
            text.push('\n');
        }
        text
    };
    std::fs::create_dir(dir.path().join("answers")).unwrap();
    std::fs::write(
        dir.path().join("answers/nemuri.yaml"),
        answers(&["evidence/nemuri/個人データ取扱規程.pdf", typed]),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("answers/genki.yaml"),
        answers(&["evidence/誓約書ひな形.pdf"]),
    )
    .unwrap();
    for file in [
        "evidence/誓約書ひな形.pdf",
        "evidence/nemuri/個人データ取扱規程.pdf",
        "evidence/nemuri/誓約書.pdf",
        "evidence/nemuri/研修記録2026.csv",
        "evidence/shared/委託先一覧.xlsx",
    ] {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, file).unwrap();
    }
    dir
}

/// How compliance officers mistype an evidence path: the path as typed, the column `check`
/// points at on its line, and what it says in English and in Japanese.
const MISTYPED: &[(&str, usize, &[&str], &[&str])] = &[
    (
        "evidence/誓約書.pdf",
        15,
        &["did you mean `evidence/nemuri/誓約書.pdf`?"],
        &["`evidence/nemuri/誓約書.pdf` のことですか？"],
    ),
    (
        "evidence/nemuri/誓約.pdf",
        15,
        &["did you mean `evidence/nemuri/誓約書.pdf`?"],
        &["`evidence/nemuri/誓約書.pdf` のことですか？"],
    ),
    (
        "evidence/委託先一覧.xlsx",
        15,
        &["did you mean `evidence/shared/委託先一覧.xlsx`?"],
        &["`evidence/shared/委託先一覧.xlsx` のことですか？"],
    ),
    (
        "evidence／nemuri／誓約書.pdf",
        23,
        &[
            "the `／` at characters 9 and 16 is a full-width slash, not `/`",
            "did you mean `evidence/nemuri/誓約書.pdf`?",
        ],
        &[
            "9・16文字目の `／` は全角のスラッシュです（フォルダーの区切りは半角の `/` で書いてください）",
            "`evidence/nemuri/誓約書.pdf` のことですか？",
        ],
    ),
    (
        "evidence¥nemuri¥誓約書.pdf",
        23,
        &[
            "the `¥` at characters 9 and 16 is a yen sign, not `/`",
            "did you mean `evidence/nemuri/誓約書.pdf`?",
        ],
        &[
            "9・16文字目の `¥` は円記号です",
            "`evidence/nemuri/誓約書.pdf`",
        ],
    ),
    (
        "evidence\\nemuri\\誓約書.pdf",
        23,
        &[
            "the `\\` at characters 9 and 16 is a backslash",
            "did you mean `evidence/nemuri/誓約書.pdf`?",
        ],
        &[
            "9・16文字目の `\\` はバックスラッシュです",
            "`evidence/nemuri/誓約書.pdf`",
        ],
    ),
    (
        "evidence/nemuri/誓約書．ｐｄｆ",
        34,
        &[
            "the `．ｐｄｆ` at characters 20–23 is full-width (half-width: `.pdf`)",
            "did you mean `evidence/nemuri/誓約書.pdf`?",
        ],
        &[
            "20〜23文字目の `．ｐｄｆ` は全角です（半角なら `.pdf`）",
            "`evidence/nemuri/誓約書.pdf`",
        ],
    ),
    (
        "evidence/nemuri/研修記録２０２６.csv",
        35,
        &[
            "the `２０２６` at characters 21–24 is full-width (half-width: `2026`)",
            "did you mean `evidence/nemuri/研修記録2026.csv`?",
        ],
        &[
            "21〜24文字目の `２０２６` は全角です（半角なら `2026`）",
            "`evidence/nemuri/研修記録2026.csv`",
        ],
    ),
    (
        "evidence/nemuri/　誓約書.pdf",
        31,
        &[
            "there is a full-width space at character 17",
            "did you mean `evidence/nemuri/誓約書.pdf`?",
        ],
        &[
            "17文字目に全角の空白があります",
            "`evidence/nemuri/誓約書.pdf`",
        ],
    ),
    (
        "evidence/ nemuri/誓約書.pdf",
        24,
        &[
            "there is an extra space at character 10",
            "did you mean `evidence/nemuri/誓約書.pdf`?",
        ],
        &[
            "10文字目に余分な空白があります",
            "`evidence/nemuri/誓約書.pdf`",
        ],
    ),
    (
        "ｅｖｉｄｅｎｃｅ／nemuri／誓約書.pdf",
        15,
        &[
            "the `／` at characters 9 and 16 is a full-width slash",
            "the `ｅｖｉｄｅｎｃｅ` at characters 1–8 is full-width (half-width: `evidence`)",
            "did you mean `evidence/nemuri/誓約書.pdf`?",
        ],
        &[
            "9・16文字目の `／` は全角のスラッシュです",
            "1〜8文字目の `ｅｖｉｄｅｎｃｅ` は全角です",
        ],
    ),
    // Nothing like it: the slip is still named.
    (
        "evidence／議事録.pdf",
        23,
        &["the `／` at character 9 is a full-width slash, not `/`"],
        &["9文字目の `／` は全角のスラッシュです"],
    ),
];

/// What `check` tells an officer who mistyped an evidence path: the file meant (beside the
/// files the same answers cite before another service's), and each wrong character with
/// where it stands.
#[test]
fn a_mistyped_evidence_path_is_told_what_was_mistyped_and_which_file_was_meant() {
    for &(typed, column, english, japanese) in MISTYPED {
        let dir = two_services(typed);
        for (language, expected) in [("en", english), ("ja", japanese)] {
            let (code, stdout, stderr) =
                run(&mut checksheet(dir.path(), &["--lang", language, "check"]));
            assert_eq!(code, 1, "{typed}: {stdout}{stderr}");
            let finding = stdout
                .lines()
                .skip_while(|line| !line.contains("[evidence-missing-file]"))
                .take(2)
                .collect::<Vec<_>>()
                .join("\n");
            for words in expected {
                assert!(finding.contains(words), "{typed} ({language}): {finding}");
            }
            assert!(
                !finding.contains("ひな形"),
                "never another service's file: {finding}"
            );
            assert!(
                finding.ends_with(&format!("--> answers/nemuri.yaml:10:{column}")),
                "{typed} ({language}): {finding}"
            );
        }
    }
}

/// A file on a network share or another drive is never looked for: the officer is told to
/// copy it into the repository's `evidence/` folder.
#[test]
fn an_evidence_file_on_a_network_drive_or_another_drive_is_to_be_copied_into_evidence() {
    // (path as typed, what `check` says in English and in Japanese)
    let cases: &[(&str, &str, &str)] = &[
        (
            "\\\\fileserver\\総務\\規程\\誓約書.pdf",
            "is outside the repository, on the network share `\\\\fileserver`",
            "ネットワーク上の共有フォルダー `\\\\fileserver`",
        ),
        (
            "¥¥fileserver¥総務¥誓約書.pdf",
            "on the network share `\\\\fileserver`",
            "ネットワーク上の共有フォルダー `\\\\fileserver`",
        ),
        (
            "//fileserver/総務/誓約書.pdf",
            "on the network share `\\\\fileserver`",
            "ネットワーク上の共有フォルダー `\\\\fileserver`",
        ),
        (
            "Z:\\総務\\誓約書.pdf",
            "is outside the repository, on drive `Z:`",
            "リポジトリの外（ドライブ `Z:`）にあります",
        ),
        (
            "C:\\Users\\yamada\\Desktop\\誓約書.pdf",
            "on drive `C:`",
            "ドライブ `C:`",
        ),
        (
            "c:/Users/yamada/誓約書.pdf",
            "on drive `C:`",
            "ドライブ `C:`",
        ),
    ];
    for (typed, english, japanese) in cases {
        let dir = two_services(&format!("'{typed}'"));
        for (language, says, help) in [
            (
                "en",
                english,
                "copy a file kept elsewhere (on a network drive, `\\\\server\\share\\…`, another drive, `Z:\\…`, or this computer, `C:\\Users\\…`) into the repository's `evidence/` folder and cite it as `evidence/…`, here `evidence/誓約書.pdf`",
            ),
            (
                "ja",
                japanese,
                "リポジトリの `evidence/` フォルダーにコピーして、`evidence/誓約書.pdf` のように書いてください",
            ),
        ] {
            let (code, stdout, stderr) =
                run(&mut checksheet(dir.path(), &["--lang", language, "check"]));
            assert_eq!(code, 2, "{typed}: {stdout}{stderr}");
            assert!(stderr.contains("[evidence-outside]"), "{stderr}");
            assert!(stderr.contains(says), "{typed} ({language}): {stderr}");
            assert!(stderr.contains(help), "{typed} ({language}): {stderr}");
            assert!(
                stderr.contains("--> answers/nemuri.yaml:10:"),
                "{typed}: {stderr}"
            );
        }
    }
}

/// In a workbook, the same words, pointing at the cell of the path.
#[test]
fn a_mistyped_evidence_path_in_a_workbook_is_named_by_its_cell() {
    let dir = two_services("evidence／nemuri／誓約書.pdf");
    let (code, stdout, stderr) = run(&mut checksheet(
        dir.path(),
        &[
            "export",
            "--service",
            "nemuri",
            "--format",
            "xlsx",
            "--out",
            "answers/nemuri.xlsx",
        ],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("answers/nemuri.yaml", "answers/nemuri.xlsx"),
    )
    .unwrap();
    let (code, stdout, stderr) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let finding = stdout
        .lines()
        .skip_while(|line| !line.contains("[evidence-missing-file]"))
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        finding.contains("9・16文字目の `／` は全角のスラッシュです"),
        "{finding}"
    );
    assert!(
        finding.contains("`evidence/nemuri/誓約書.pdf` のことですか？"),
        "{finding}"
    );
    // The 証跡 sheet's ファイル/URL column.
    assert!(
        finding.ends_with("--> answers/nemuri.xlsx:証跡!C3"),
        "{finding}"
    );
}
