//! Messages that say what is really wrong: a file of another kind where text belongs, a
//! bare repository, a shallow clone's first commit, answers kept in a submodule. Each was
//! refused before, but with words that sent the officer the wrong way (an encoding, `init`,
//! "assessment created", a file that "does not exist").

use crate::{checksheet, copy_of, git, root, run};

/// The sample with its げんきログ answers (YAML) replaced by `bytes`.
fn with_answers(bytes: &[u8]) -> tempfile::TempDir {
    let dir = copy_of(&root().join("examples/sample-phr"));
    std::fs::write(dir.path().join("answers/genki-log.yaml"), bytes).unwrap();
    dir
}

#[test]
fn a_file_of_another_kind_where_text_belongs_is_named_for_what_it_is() {
    let xlsx =
        std::fs::read(root().join("examples/sample-phr/answers/sukoyaka-pocket.xlsx")).unwrap();
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.extend([0; 504]);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "answers:\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let cases: [(&str, Vec<u8>, &str, &str); 4] = [
        (
            "an .xls saved as .yaml",
            xls,
            "Excel 97-2003 (.xls)",
            "Excel Workbook (*.xlsx)",
        ),
        (
            "an .xlsx saved as .yaml",
            xlsx,
            "a ZIP archive",
            "ending in .xlsx",
        ),
        (
            "a PDF",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
            "a PDF",
            "evidence (`file:`)",
        ),
        ("Notepad's Unicode", utf16, "UTF-16", "UTF-8"),
    ];
    for (what, bytes, kind, help) in cases {
        let dir = with_answers(&bytes);
        let (code, stdout, stderr) = run(&mut checksheet(dir.path(), &["--lang", "en", "check"]));
        assert_eq!(code, 2, "{what}: {stdout}{stderr}");
        assert!(
            stderr.contains("answers/genki-log.yaml"),
            "{what}: {stderr}"
        );
        assert!(stderr.contains("is not a text file"), "{what}: {stderr}");
        assert!(
            stderr.contains(kind) && stderr.contains(help),
            "{what}: {stderr}"
        );
        assert!(
            !stderr.contains("Shift_JIS") || kind == "UTF-16",
            "{what}: {stderr}"
        );
        let (code, _, stderr) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
        assert_eq!(code, 2, "{what}: {stderr}");
        assert!(
            stderr.contains("テキストファイルではありません"),
            "{what}: {stderr}"
        );
    }
}

#[test]
fn a_bare_repository_is_told_to_be_cloned_not_initialised() {
    let repo = copy_of(&root().join("examples/sample-phr"));
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    git(
        repo.path(),
        &[
            "-c",
            "user.name=a",
            "-c",
            "user.email=a@example.jp",
            "commit",
            "-qm",
            "a",
        ],
    );
    let bare = tempfile::tempdir().unwrap();
    let target = bare.path().join("assessment.git");
    git(
        bare.path(),
        &[
            "clone",
            "-q",
            "--bare",
            repo.path().to_str().unwrap(),
            target.to_str().unwrap(),
        ],
    );
    for args in [&["check"][..], &["log"], &["build"]] {
        let mut all = vec!["--lang", "en"];
        all.extend(args);
        let (code, stdout, stderr) = run(&mut checksheet(&target, &all));
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(
            stderr.contains("is a bare git repository"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("git clone"), "{args:?}: {stderr}");
        assert!(!stderr.contains("checksheet init"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_shallow_clone_says_where_its_history_stops() {
    let repo = copy_of(&root().join("examples/sample-phr"));
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    let commit = |message: &str| {
        git(
            repo.path(),
            &[
                "-c",
                "user.name=a",
                "-c",
                "user.email=a@example.jp",
                "commit",
                "-qam",
                message,
            ],
        );
    };
    commit("first");
    std::fs::write(
        repo.path().join("answers/genki-log.yaml"),
        std::fs::read_to_string(repo.path().join("answers/genki-log.yaml")).unwrap() + "\n",
    )
    .unwrap();
    commit("second");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let shallow = clone.path().join("shallow");
    for (lang, said, not) in [
        ("en", "earlier history not fetched", "assessment created"),
        ("ja", "それより前の履歴は取得されていません", "評価を作成"),
    ] {
        let (code, stdout, stderr) = run(&mut checksheet(&shallow, &["--lang", lang, "log"]));
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stdout.contains("second") && stdout.contains(said),
            "{stdout}"
        );
        assert!(!stdout.contains(not), "{stdout}");
    }
}

/// Answers kept in a git submodule: the commit holds only a link, so a build names no
/// commit it could not be rebuilt from, and `publish` says where the file is.
#[test]
fn answers_in_a_submodule_are_never_stamped_with_a_commit_that_lacks_them() {
    let answers = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("examples/sample-phr/answers")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), answers.path().join(entry.file_name())).unwrap();
    }
    let identity = ["-c", "user.name=a", "-c", "user.email=a@example.jp"];
    git(answers.path(), &["init", "-q"]);
    git(answers.path(), &["add", "-A"]);
    git(
        answers.path(),
        &[&identity[..], &["commit", "-qm", "answers"]].concat(),
    );
    let repo = copy_of(&root().join("examples/sample-phr"));
    std::fs::remove_dir_all(repo.path().join("answers")).unwrap();
    git(repo.path(), &["init", "-q"]);
    git(
        repo.path(),
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            answers.path().to_str().unwrap(),
            "answers",
        ],
    );
    git(repo.path(), &["add", "-A"]);
    git(
        repo.path(),
        &[&identity[..], &["commit", "-qm", "with a submodule"]].concat(),
    );
    let (code, _, stderr) = run(&mut checksheet(repo.path(), &["--lang", "en", "build"]));
    assert!(code <= 1, "{stderr}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo.path().join("site/manifest.json")).unwrap())
            .unwrap();
    assert!(manifest["source-commit"].is_null(), "{manifest}");
    let (code, stdout, stderr) = run(&mut checksheet(
        repo.path(),
        &["--lang", "en", "publish", "--allow-incomplete"],
    ));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("lies in a git submodule"), "{stderr}");
    assert!(
        stderr.contains("move the file into this repository"),
        "{stderr}"
    );
    assert!(!stderr.contains("checksheet init"), "{stderr}");
}
