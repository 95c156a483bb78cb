//! `diff`, `log` and `publish` over throwaway git repositories with fixed commit times.

use std::fmt::Write as _;
use std::path::Path;

use insta_cmd::assert_cmd_snapshot;

use crate::{checksheet, copy_of, fixtures, root, run};

/// A throwaway repository holding a copy of `assessment`, committed once.
struct Repo {
    dir: tempfile::TempDir,
    repository: git2::Repository,
    clock: i64,
}

impl Repo {
    fn new(assessment: &Path) -> Repo {
        let dir = copy_of(assessment);
        let repository = git2::Repository::init(dir.path()).unwrap();
        let mut config = repository.config().unwrap();
        config.set_str("user.name", "山田花子").unwrap();
        config.set_str("user.email", "hanako@example.jp").unwrap();
        let mut repo = Repo {
            dir,
            repository,
            clock: 1_790_000_000,
        };
        repo.commit("初回の自己点検");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn commit(&mut self, message: &str) {
        let mut index = self.repository.index().unwrap();
        index
            .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
            .unwrap();
        index.update_all(["*"], None).unwrap();
        index.write().unwrap();
        let tree = self
            .repository
            .find_tree(index.write_tree().unwrap())
            .unwrap();
        self.clock += 86_400;
        let signature = git2::Signature::new(
            "山田花子",
            "hanako@example.jp",
            &git2::Time::new(self.clock, 540),
        )
        .unwrap();
        let parent = self
            .repository
            .head()
            .ok()
            .and_then(|h| h.peel_to_commit().ok());
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        self.repository
            .commit(
                Some("HEAD"),
                &signature,
                &signature,
                message,
                &tree,
                &parents,
            )
            .unwrap();
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from} not in {file}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    fn checksheet(&self, args: &[&str]) -> std::process::Command {
        checksheet(self.path(), args)
    }
}

/// The sample with one status and one explanation changed in a second commit.
fn sample_with_two_changes() -> Repo {
    let mut repo = Repo::new(&root().join("examples/sample-phr"));
    repo.edit(
        "answers/genki-log.yaml",
        "  io-import:\n    status: not-done",
        "  io-import:\n    status: done",
    );
    repo.edit("answers/genki-log.yaml", "バックアップ", "日次バックアップ");
    repo.commit("インポート機能を公開");
    repo
}

#[test]
fn diff_shows_the_status_change_and_the_explanation_by_character() {
    let repo = sample_with_two_changes();
    assert_cmd_snapshot!(repo.checksheet(&["diff", "HEAD~1", "HEAD"]));
}

#[test]
fn diff_as_markdown() {
    let repo = sample_with_two_changes();
    assert_cmd_snapshot!(repo.checksheet(&["diff", "HEAD~1", "HEAD", "--format", "markdown"]));
}

#[test]
fn diff_as_json() {
    let repo = sample_with_two_changes();
    assert_cmd_snapshot!(repo.checksheet(&["diff", "HEAD~1", "HEAD", "--format", "json"]));
}

#[test]
fn diff_as_html_stands_alone() {
    let repo = sample_with_two_changes();
    let (code, html, stderr) =
        run(&mut repo.checksheet(&["diff", "HEAD~1", "HEAD", "--format", "html"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(html.contains("<ins>日次</ins>"), "{html}");
    assert!(html.contains("<style>"), "the style is inline");
}

#[test]
fn identical_revisions_have_an_empty_diff() {
    let repo = sample_with_two_changes();
    let (code, stdout, _) = run(&mut repo.checksheet(&["diff", "HEAD", "HEAD", "--exit-code"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("summary: no changes"), "{stdout}");
    let (code, _, _) = run(&mut repo.checksheet(&["diff", "HEAD~1", "HEAD", "--exit-code"]));
    assert_eq!(code, 1);
}

#[test]
fn the_working_tree_is_compared_with_head_by_default() {
    let repo = Repo::new(&root().join("examples/sample-phr"));
    repo.edit(
        "answers/karada-note.yaml",
        "uses-mynaportal-api: true",
        "uses-mynaportal-api: false",
    );
    let (code, stdout, stderr) = run(&mut repo.checksheet(&["diff"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("HEAD → working tree"), "{stdout}");
    assert!(
        stdout.contains("fact uses-mynaportal-api: true → false"),
        "{stdout}"
    );
    assert!(stdout.contains("obligation: must → effort"), "{stdout}");
}

#[test]
fn a_changed_evidence_file_is_reported() {
    let mut repo = Repo::new(&root().join("examples/sample-phr"));
    repo.edit("evidence/incident-response-procedure.md", "# ", "# 改訂版 ");
    let (code, _, _) = run(&mut repo.checksheet(&["evidence", "lock"]));
    assert_eq!(code, 0);
    repo.commit("手順書を改訂");
    let (_, json) = {
        let (code, stdout, _) = run(&mut repo.checksheet(&[
            "diff",
            "HEAD~1",
            "HEAD",
            "--format",
            "json",
            "--internal",
        ]));
        (
            code,
            serde_json::from_str::<serde_json::Value>(&stdout).unwrap(),
        )
    };
    // Cited by two answers of each of the three services.
    assert_eq!(json["summary"]["evidence-changed"], 6, "{json:#}");
}

#[test]
fn a_new_edition_adds_renames_and_removes_requirements() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    std::fs::write(
        repo.path().join("checksheet.yaml"),
        std::fs::read_to_string(repo.path().join("checksheet.yaml"))
            .unwrap()
            .replace("checklist-1.yaml", "checklist-2.yaml"),
    )
    .unwrap();
    repo.edit("answers/app.yaml", "  old-name:", "  procedures:");
    repo.edit("answers/app.yaml", "  retired:\n    status: not-done\n", "");
    repo.commit("第2版へ移行");
    assert_cmd_snapshot!(repo.checksheet(&["diff", "HEAD~1", "HEAD"]));
}

#[test]
fn a_service_added_is_reported() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    let settings = repo.path().join("checksheet.yaml");
    let mut text = std::fs::read_to_string(&settings).unwrap();
    text.push_str("  - {id: second, name: 二つ目, answers: answers/second.yaml}\n");
    std::fs::write(&settings, text).unwrap();
    std::fs::copy(
        repo.path().join("answers/app.yaml"),
        repo.path().join("answers/second.yaml"),
    )
    .unwrap();
    repo.commit("サービスを追加");
    let (_, stdout, stderr) = run(&mut repo.checksheet(&["diff", "HEAD~1", "HEAD"]));
    assert!(
        stdout.contains("+ service 二つ目 (second)"),
        "{stdout}{stderr}"
    );
    assert!(stdout.contains("1 service added"), "{stdout}");
}

#[test]
fn log_lists_the_commits_that_changed_the_assessment() {
    let repo = sample_with_two_changes();
    let mut command = repo.checksheet(&["log"]);
    insta::with_settings!({filters => vec![(r"\b[0-9a-f]{10}\b", "[commit]")]}, {
        assert_cmd_snapshot!(command);
    });
}

#[test]
fn publish_tags_head_and_refuses_a_dirty_tree_or_a_second_time() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    let (code, stdout, stderr) = run(&mut repo.checksheet(&["publish"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("tagged `checksheet/2026-04-01` on"),
        "{stdout}"
    );
    let (code, _, stderr) = run(&mut repo.checksheet(&["publish"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("already published as `checksheet/2026-04-01`"),
        "{stderr}"
    );

    repo.edit("answers/app.yaml", "status: partial", "status: done");
    let (code, _, stderr) = run(&mut repo.checksheet(&["publish"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("uncommitted changes: `answers/app.yaml`"),
        "{stderr}"
    );

    repo.commit("対応完了");
    let (code, stdout, _) = run(&mut repo.checksheet(&["publish", "--message", "第2回"]));
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("tagged `checksheet/2026-04-01-2`"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&mut repo.checksheet(&["diff"]));
    assert!(
        stdout.starts_with("checksheet/2026-04-01-2 → working tree"),
        "{stdout}"
    );
}

#[test]
fn publish_refuses_invalid_input() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    repo.edit("answers/app.yaml", "status: partial", "status: finished");
    repo.commit("誤った回答");
    let (code, _, stderr) = run(&mut repo.checksheet(&["publish"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("HEAD:answers/app.yaml"), "{stderr}");
}

#[test]
fn the_site_has_a_history_page_with_each_publication_and_its_diff() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    run(&mut repo.checksheet(&["publish"]));
    repo.edit("answers/app.yaml", "status: partial", "status: done");
    repo.edit(
        "answers/app.yaml",
        "一部の手順を整備中です。",
        "手順を整備しました。",
    );
    repo.commit("対応完了");
    run(&mut repo.checksheet(&["publish"]));
    let (code, _, stderr) = run(&mut repo.checksheet(&["build"]));
    assert_eq!(code, 0, "{stderr}");
    let history = std::fs::read_to_string(repo.path().join("site/history/index.html")).unwrap();
    // Listed by date with links to each publication's sheets and changes, not by tag name.
    assert!(
        history.contains("<a href=\"checksheet-2026-04-01-2.html\">"),
        "{history}"
    );
    assert!(
        history.contains("<a href=\"checksheet-2026-04-01/app/index.html\">"),
        "{history}"
    );
    assert!(!history.contains(">checksheet/2026-04-01"), "{history}");
    // Each publication's sheet as it was: the first still says 一部対応.
    let first = std::fs::read_to_string(
        repo.path()
            .join("site/history/checksheet-2026-04-01/app/index.html"),
    )
    .unwrap();
    assert!(first.contains("一部の手順を整備中です。"), "{first}");
    assert!(!first.contains("internal-note"), "notes stay out");
    let second = std::fs::read_to_string(
        repo.path()
            .join("site/history/checksheet-2026-04-01-2/app/index.html"),
    )
    .unwrap();
    assert!(second.contains("手順を整備しました。"));
    let page = std::fs::read_to_string(
        repo.path()
            .join("site/history/checksheet-2026-04-01-2.html"),
    )
    .unwrap();
    assert!(page.contains("<del>一部の</del>"), "{page}");
    assert!(!page.contains("internal-note"), "notes stay out");
    assert!(!page.contains("rules.md"), "internal evidence stays out");
}

#[test]
fn not_a_git_repository_is_one_clear_message() {
    let dir = copy_of(&fixtures().join("history/edition"));
    assert_cmd_snapshot!(
        checksheet(dir.path(), &["log"])
            .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
    );
}

#[test]
fn an_unknown_revision_is_one_clear_message() {
    let repo = Repo::new(&fixtures().join("history/edition"));
    let (code, _, stderr) = run(&mut repo.checksheet(&["diff", "no-such-branch"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown revision `no-such-branch`"),
        "{stderr}"
    );
}

#[test]
fn a_revision_without_the_assessment_is_one_clear_message() {
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("README.md"), "まだ何もありません\n").unwrap();
    let mut repo = Repo::new(empty.path());
    for entry in std::fs::read_dir(fixtures().join("history/edition")).unwrap() {
        let entry = entry.unwrap();
        let target = repo.path().join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            std::fs::copy(entry.path().join("app.yaml"), target.join("app.yaml")).unwrap();
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
    repo.commit("自己点検を開始");
    let (code, _, stderr) = run(&mut repo.checksheet(&["diff", "HEAD~1", "HEAD"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("there is no assessment at `HEAD~1`"),
        "{stderr}"
    );
    let (code, stdout, _) = run(&mut repo.checksheet(&["log"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("assessment created"), "{stdout}");
}

#[test]
fn invalid_yaml_at_a_revision_names_the_file_at_that_revision() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    repo.edit("answers/app.yaml", "status: partial", "status: [partial");
    repo.commit("壊れた回答");
    std::fs::write(
        repo.path().join("answers/app.yaml"),
        std::fs::read_to_string(fixtures().join("history/edition/answers/app.yaml")).unwrap(),
    )
    .unwrap();
    let (code, _, stderr) = run(&mut repo.checksheet(&["diff", "HEAD"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("HEAD:answers/app.yaml"), "{stderr}");
}

#[test]
fn non_utf8_at_a_revision_is_one_clear_message() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    std::fs::write(
        repo.path().join("answers/app.yaml"),
        b"as-of: 2026-04-01\nreviewed-by: \x83\x65\n",
    )
    .unwrap();
    repo.commit("Shift_JIS で保存");
    let (code, _, stderr) = run(&mut repo.checksheet(&["diff", "HEAD~1", "HEAD"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`HEAD:answers/app.yaml` is not UTF-8"),
        "{stderr}"
    );
}

#[test]
fn a_shallow_clone_missing_history_is_one_clear_message() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    repo.edit("answers/app.yaml", "status: partial", "status: done");
    repo.commit("対応完了");
    let clone = tempfile::tempdir().unwrap();
    let target = clone.path().join("shallow");
    let status = std::process::Command::new("git")
        .args(["clone", "-q", "--depth", "1"])
        .arg(format!("file://{}", repo.path().display()))
        .arg(&target)
        .status()
        .unwrap();
    assert!(status.success());
    let (code, _, stderr) = run(&mut checksheet(&target, &["diff", "HEAD~1", "HEAD"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("shallow clone"), "{stderr}");
}

#[test]
fn git_options_come_before_the_command_like_git() {
    let repo = sample_with_two_changes();
    let parent = repo.path().parent().unwrap();
    let name = repo.path().file_name().unwrap().to_str().unwrap();
    let (code, stdout, stderr) = run(&mut checksheet(
        parent,
        &["-C", name, "diff", "HEAD~1", "HEAD"],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("io-import"), "{stdout}");
}

#[test]
fn a_changed_as_of_alone_counts_as_a_change() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    repo.edit("answers/app.yaml", "as-of: 2026-04-01", "as-of: 2026-05-01");
    repo.commit("基準日を更新");
    let (code, stdout, _) = run(&mut repo.checksheet(&["diff", "HEAD~1", "HEAD", "--exit-code"]));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("1 as-of date"), "{stdout}");
}

#[test]
fn log_refuses_an_unknown_service() {
    let repo = Repo::new(&fixtures().join("history/edition"));
    let (code, _, stderr) = run(&mut repo.checksheet(&["log", "--service", "ap"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `app`"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn evidence_linked_within_the_repository_is_read_from_git_too() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    std::fs::rename(
        repo.path().join("rules.md"),
        repo.path().join("rules-v2.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink("rules-v2.md", repo.path().join("rules.md")).unwrap();
    repo.commit("規程を改版");
    let (code, stdout, stderr) = run(&mut repo.checksheet(&["publish"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
}

#[test]
fn an_assessment_in_a_folder_has_its_own_publication_tags() {
    let outer = tempfile::tempdir().unwrap();
    let inner = outer.path().join("sheet");
    std::fs::create_dir_all(inner.join("answers")).unwrap();
    let fixture = fixtures().join("history/edition");
    for name in [
        "checksheet.yaml",
        "checklist-1.yaml",
        "rules.md",
        "checksheet.lock",
        "answers/app.yaml",
    ] {
        std::fs::copy(fixture.join(name), inner.join(name)).unwrap();
    }
    let repo = Repo::new(outer.path());
    let (code, stdout, stderr) = run(&mut repo.checksheet(&["-C", "sheet", "publish"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("tagged `checksheet/sheet/2026-04-01`"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&mut repo.checksheet(&["-C", "sheet", "diff"]));
    assert!(
        stdout.starts_with("checksheet/sheet/2026-04-01 → working tree"),
        "{stdout}"
    );
}

/// Every `path=value` leaf of a JSON value, arrays as `[]`.
fn leaves(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                leaves(child, &path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                leaves(item, &format!("{path}[]"), out);
            }
        }
        serde_json::Value::Null => {}
        other => out.push(format!("{path}={other}")),
    }
}

/// The field paths of a service's published `checksheet.json`: facts as `facts.*`.
fn published_fields(json: &serde_json::Value) -> std::collections::BTreeSet<String> {
    let mut all = Vec::new();
    leaves(json, "", &mut all);
    all.into_iter()
        .map(|leaf| {
            let path = leaf.split('=').next().unwrap().to_owned();
            match path.strip_prefix("facts.") {
                Some(_) => "facts.*".to_owned(),
                None => path,
            }
        })
        .collect()
}

/// One change an officer could make, the published fields it changes and what the JSON
/// diff then shows (a `path=value` leaf containing this text).
struct Mutation {
    edits: &'static [(&'static str, &'static str, &'static str)],
    fields: &'static [&'static str],
    shows: &'static str,
}

const ANSWERS: &str = "answers/genki-log.yaml";
const SETTINGS: &str = "checksheet.yaml";
const CHECKLIST: &str = "checklist.yaml";

const MUTATIONS: &[Mutation] = &[
    Mutation {
        edits: &[(
            SETTINGS,
            "name: サンプルヘルス株式会社",
            "name: サンプルヘルス株式会社（旧）",
        )],
        fields: &["organization.name"],
        shows: "organization.name.to=",
    },
    Mutation {
        edits: &[(
            SETTINGS,
            "name-en: Sample Health Inc.",
            "name-en: Sample Health Co.",
        )],
        fields: &["organization.name-en"],
        shows: "organization.name-en.to=",
    },
    Mutation {
        edits: &[(
            SETTINGS,
            "url: https://example.jp/\n",
            "url: https://example.com/\n",
        )],
        fields: &["organization.url"],
        shows: "organization.url.to=",
    },
    Mutation {
        edits: &[(SETTINGS, "name: げんきログ", "name: げんきログ＋")],
        fields: &["service.name"],
        shows: "].name.to=",
    },
    Mutation {
        edits: &[(SETTINGS, "name-en: Genki Log", "name-en: Genki Log Plus")],
        fields: &["service.name-en"],
        shows: "].name-en.to=",
    },
    Mutation {
        edits: &[(
            SETTINGS,
            "url: https://example.jp/genki-log/",
            "url: https://example.jp/genki/",
        )],
        fields: &["service.url"],
        shows: "].url.to=",
    },
    Mutation {
        edits: &[(SETTINGS, "id: genki-log", "id: genki-log-2")],
        fields: &["service.id"],
        shows: "summary.services-added=1",
    },
    Mutation {
        // The file's edition and the revision it marks as encoded move together.
        edits: &[
            (
                CHECKLIST,
                "\nedition: \"2021-04\"",
                "\nedition: \"2021-04-a\"",
            ),
            (
                CHECKLIST,
                "- edition: \"2021-04\"",
                "- edition: \"2021-04-a\"",
            ),
        ],
        fields: &[
            "checklist.edition",
            "checklist.id",
            "checklist.revisions[].edition",
        ],
        shows: "checklist.to=",
    },
    Mutation {
        edits: &[(
            CHECKLIST,
            "民間PHR事業者による健診等情報の取扱いに関する基本的指針\n",
            "民間PHR事業者による健診等情報の取扱いに関する基本的指針（改）\n",
        )],
        fields: &["checklist.title.ja", "checklist.title.en"],
        shows: "checklist-content=true",
    },
    Mutation {
        // The editions are published as the checklist states them; a change of its text is
        // named as one.
        edits: &[(
            CHECKLIST,
            "superseded-by: \"2022-04\"",
            "superseded-by: \"2025-04\"",
        )],
        fields: &[
            "checklist.superseded-by",
            "checklist.revisions[].edition",
            "checklist.revisions[].issued",
            "checklist.revisions[].name.ja",
            "checklist.revisions[].name.en",
            "checklist.revisions[].url",
            "checklist.revisions[].encoded",
        ],
        shows: "checklist-content=true",
    },
    Mutation {
        edits: &[(ANSWERS, "as-of: 2026-10-01", "as-of: 2026-10-02")],
        fields: &["as-of"],
        shows: "].as-of.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "reviewed-by: げんきログ事業責任者 佐藤健一",
            "reviewed-by: げんきログ事業責任者 鈴木一郎",
        )],
        fields: &["reviewed-by"],
        shows: "].reviewed-by.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "name: 鈴木一郎, title: 代表取締役社長",
            "name: 鈴木次郎, title: 代表取締役社長",
        )],
        fields: &["approved-by.name"],
        shows: "].approved-by.to.name=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "title: 代表取締役社長, date: 2026-10-15",
            "title: 取締役, date: 2026-10-15",
        )],
        fields: &["approved-by.title"],
        shows: "].approved-by.to.title=",
    },
    Mutation {
        edits: &[(ANSWERS, "date: 2026-10-15}", "date: 2026-10-16}")],
        fields: &["approved-by.date"],
        shows: "].approved-by.to.date=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "next-review: 2027-04-01",
            "next-review: 2027-05-01",
        )],
        fields: &["next-review"],
        shows: "].next-review.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "links-with-other-operators: false",
            "links-with-other-operators: true",
        )],
        fields: &["facts.*", "requirements[].applies"],
        shows: "].applies.to=true",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "uses-mynaportal-api: false",
            "uses-mynaportal-api: true",
        )],
        fields: &["requirements[].obligation", "requirements[].outcome"],
        shows: "].outcome.to=\"gap\"",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "  io-import:\n    status: not-done",
            "  io-import:\n    status: done",
        )],
        fields: &["requirements[].status"],
        shows: "].status.to=\"done\"",
    },
    Mutation {
        edits: &[(ANSWERS, "バックアップ", "日次バックアップ")],
        fields: &["requirements[].explanation-html.ja"],
        shows: "].explanation[].text=\"日次\"",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "Weight, blood pressure",
            "Weight, blood pressure, sleep",
        )],
        fields: &["requirements[].explanation-html.en"],
        shows: "].explanation-en[].text=\", sleep\"",
    },
    Mutation {
        edits: &[(ANSWERS, "target: 2027-03-31", "target: 2027-06-30")],
        fields: &["requirements[].target"],
        shows: "].target.to=\"2027-06-30\"",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "valid-until: 2026-03-31",
            "valid-until: 2026-02-28",
        )],
        fields: &[
            "requirements[].evidence[].certificate.valid-until",
            "requirements[].problems[].code",
            "requirements[].problems[].date",
            "requirements[].problems[].text",
        ],
        shows: "fields.certificate.valid-until.to=\"2026-02-28\"",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "valid-from: 2024-04-01, valid-until: 2026-03-31",
            "valid-from: 2024-05-01, valid-until: 2026-03-31",
        )],
        fields: &["requirements[].evidence[].certificate.valid-from"],
        shows: "fields.certificate.valid-from.to=",
    },
    Mutation {
        edits: &[(ANSWERS, "issuer: 例示審査機関", "issuer: 別の審査機関")],
        fields: &["requirements[].evidence[].certificate.issuer"],
        shows: "fields.certificate.issuer.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "scope: 株式会社げんきラボ",
            "scope: 株式会社げんきラボ全社",
        )],
        fields: &["requirements[].evidence[].certificate.scope"],
        shows: "fields.certificate.scope.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "number: 第00000000(01)号",
            "number: 第00000000(02)号",
        )],
        fields: &["requirements[].evidence[].certificate.number"],
        shows: "fields.certificate.number.to=",
    },
    Mutation {
        edits: &[(ANSWERS, "scheme: Pマーク", "scheme: プライバシーマーク")],
        fields: &["requirements[].evidence[].certificate.scheme"],
        shows: "fields.certificate.scheme.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "title: 安全管理措置の概要",
            "title: 安全管理措置の概要（改訂）",
        )],
        fields: &["requirements[].evidence[].title.ja"],
        shows: "fields.title.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "en: Information Security Policy}",
            "en: Information Security Basic Policy}",
        )],
        fields: &["requirements[].evidence[].title.en"],
        shows: "fields.title-en.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "url: https://example.jp/privacy/security/",
            "url: https://example.jp/privacy/safety/",
        )],
        fields: &["requirements[].evidence[].url"],
        shows: "fields.url.to=",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "      - url: https://example.jp/privacy/security/\n",
            "      - certificate: {scheme: ISMS}\n        url: https://example.jp/privacy/security/\n",
        )],
        fields: &["requirements[].evidence[].kind"],
        shows: "unusable",
    },
    Mutation {
        edits: &[(
            ANSWERS,
            "summary: げんきログの委託先2社",
            "summary: げんきログの委託先3社",
        )],
        fields: &["requirements[].evidence[].record.summary"],
        shows: "fields.record.summary.to=",
    },
    Mutation {
        edits: &[(ANSWERS, "date: 2026-05-22", "date: 2026-05-23")],
        fields: &["requirements[].evidence[].record.date"],
        shows: "fields.record.date.to=",
    },
    Mutation {
        edits: &[(
            CHECKLIST,
            "cite: \"4.2\"\n        obligation: must\n        text:\n          ja: 利用者が自分",
            "cite: \"4.2.1\"\n        obligation: must\n        text:\n          ja: 利用者が自分",
        )],
        // The item number follows the citation.
        fields: &["requirements[].cite", "requirements[].no"],
        shows: "].renumbered.to=",
    },
    Mutation {
        edits: &[(
            CHECKLIST,
            "ja: 利用者が自分の健診等情報をサービスから取り出せる",
            "ja: 利用者が自ら健診等情報をサービスから取り出せる",
        )],
        fields: &["requirements[].text.ja"],
        shows: "].text.to.ja=",
    },
    Mutation {
        edits: &[(
            CHECKLIST,
            "en: Lets users export",
            "en: Allows users to export",
        )],
        fields: &["requirements[].text.en"],
        shows: "].text.to.en=",
    },
    Mutation {
        edits: &[(CHECKLIST, "id: \"5\"", "id: \"5a\"")],
        fields: &["requirements[].section"],
        shows: "].section.to=\"5a\"",
    },
    Mutation {
        edits: &[
            (
                CHECKLIST,
                "id: gov-recheck",
                "id: gov-review\n        replaces: [gov-recheck]",
            ),
            (ANSWERS, "gov-recheck:", "gov-review:"),
            ("answers/karada-note.yaml", "gov-recheck:", "gov-review:"),
        ],
        fields: &["requirements[].id"],
        shows: "requirements-renamed.gov-recheck=\"gov-review\"",
    },
];

/// The sample, with its checklist as a file in the repository so that a test can edit it.
fn sample_with_checklist_file() -> Repo {
    let sample = copy_of(&root().join("examples/sample-phr"));
    std::fs::copy(
        root().join("checklists/phr-basic-guideline/2021-04.yaml"),
        sample.path().join(CHECKLIST),
    )
    .unwrap();
    let settings = sample.path().join(SETTINGS);
    let text = std::fs::read_to_string(&settings).unwrap();
    // The services answered in YAML, whose published fields a text edit can change, and the
    // partners after them.
    let text = text.replace(
        "checklist: phr-basic-guideline@2021-04",
        "checklist: checklist.yaml",
    );
    let (services, rest) = text.split_once("  - id: sukoyaka-pocket").unwrap();
    let partners = &rest[rest.find("\n#").unwrap() + 1..];
    std::fs::write(&settings, format!("{services}{partners}")).unwrap();
    Repo::new(sample.path())
}

#[test]
fn the_diff_names_every_published_field_that_changes() {
    let repo = sample_with_checklist_file();
    let (code, _, stderr) = run(&mut repo.checksheet(&["build"]));
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo.path().join("site/genki-log/checksheet.json")).unwrap(),
    )
    .unwrap();
    std::fs::remove_dir_all(repo.path().join("site")).unwrap();
    let covered: std::collections::BTreeSet<&str> = MUTATIONS
        .iter()
        .flat_map(|m| m.fields.iter().copied())
        .collect();
    for field in published_fields(&json) {
        // Counts are derived from the rows, whose fields are covered one by one.
        if field.starts_with("summary.") || field == "complete" {
            continue;
        }
        assert!(
            covered.contains(field.as_str()),
            "`{field}` is published but no mutation shows that the diff names it"
        );
    }
    for mutation in MUTATIONS {
        let originals: Vec<(String, String)> = mutation
            .edits
            .iter()
            .map(|(file, _, _)| {
                let text = std::fs::read_to_string(repo.path().join(file)).unwrap();
                ((*file).to_owned(), text)
            })
            .collect();
        for (file, from, to) in mutation.edits {
            repo.edit(file, from, to);
        }
        // Internal evidence too: a field public in one entry is internal in another.
        let (code, stdout, stderr) =
            run(&mut repo.checksheet(&["diff", "--format", "json", "--internal"]));
        if mutation.shows == "unusable" {
            // An entry with two kinds is refused, so a kind never changes silently.
            assert_eq!(code, 2, "{stdout}{stderr}");
        } else {
            assert_eq!(code, 0, "{:?}: {stderr}", mutation.fields);
            let diff: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            let mut found = Vec::new();
            leaves(&diff, "", &mut found);
            assert!(
                found.iter().any(|leaf| leaf.contains(mutation.shows)),
                "{:?} changed, but the diff does not show `{}`:\n{}",
                mutation.fields,
                mutation.shows,
                found.join("\n")
            );
        }
        for (file, text) in originals {
            std::fs::write(repo.path().join(file), text).unwrap();
        }
    }
}

#[test]
fn publish_refuses_an_incomplete_sheet_and_a_future_as_of_naming_each_cause() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&mut checksheet(
        dir.path(),
        &[
            "init",
            "new",
            "--service",
            "アプリ",
            "--service-id",
            "app",
            "--as-of",
            "2030-01-01",
        ],
    ));
    assert_eq!(code, 0, "{stderr}");
    let mut repo = Repo::new(&dir.path().join("new"));
    repo.commit("空の点検");
    let (code, _, stderr) = run(&mut repo.checksheet(&["publish"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("unanswered"), "{stderr}");
    assert!(stderr.contains("reviewed-by"), "{stderr}");
    assert!(
        stderr.contains("2030-01-01"),
        "the future as-of is named: {stderr}"
    );
    let (code, _, stderr) = run(&mut repo.checksheet(&["publish", "--allow-incomplete"]));
    assert_eq!(code, 1, "only the unanswered rule is overridden: {stderr}");
    assert!(!stderr.contains("unanswered requirement"), "{stderr}");
    assert!(stderr.contains("reviewed-by"), "{stderr}");
}

#[test]
fn publish_allows_an_incomplete_sheet_only_when_asked_and_the_page_says_so() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    repo.edit("answers/app.yaml", "  retired:\n    status: not-done\n", "");
    repo.commit("未回答を残す");
    let (code, _, stderr) = run(&mut repo.checksheet(&["publish"]));
    assert_eq!(code, 1, "{stderr}");
    let (code, stdout, stderr) = run(&mut repo.checksheet(&["publish", "--allow-incomplete"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, _, stderr) = run(&mut repo.checksheet(&["build"]));
    assert_eq!(code, 0, "{stderr}");
    let page = std::fs::read_to_string(repo.path().join("site/app/index.html")).unwrap();
    assert!(page.contains("点検未完了"), "{page}");
}

#[test]
fn log_as_json_has_dates_with_offsets_and_counts() {
    let repo = sample_with_two_changes();
    let (code, stdout, stderr) = run(&mut repo.checksheet(&["log", "--format", "json"]));
    assert_eq!(code, 0, "{stderr}");
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let newest = &log[0];
    let date = newest["date"].as_str().unwrap();
    assert!(date.ends_with("+09:00") && date.contains('T'), "{date}");
    assert_eq!(newest["summary"]["status"], 1, "{newest}");
    assert_eq!(newest["summary"]["explanation"], 1, "{newest}");
    assert_eq!(newest["summary"]["statuses"]["done"], 1, "{newest}");
    assert_eq!(newest["summary"]["statuses"]["not-done"], -1, "{newest}");
}

#[test]
fn colour_follows_the_option_and_no_color() {
    let repo = sample_with_two_changes();
    let (_, stdout, _) =
        run(&mut repo.checksheet(&["--color", "always", "diff", "HEAD~1", "HEAD"]));
    assert!(stdout.contains("\u{1b}["), "{stdout}");
    let (_, stdout, _) = run(repo
        .checksheet(&["--color", "auto", "diff", "HEAD~1", "HEAD"])
        .env("NO_COLOR", "1"));
    assert!(!stdout.contains("\u{1b}["), "{stdout}");
    assert!(stdout.contains("{+日次+}"), "{stdout}");
    let (_, stdout, _) = run(&mut repo.checksheet(&["--color", "never", "diff", "HEAD~1", "HEAD"]));
    assert!(!stdout.contains("\u{1b}["), "{stdout}");
}

#[test]
fn a_new_edition_written_as_a_file_renames_and_adds_requirements_in_the_diff() {
    let example = root().join("examples/new-edition");
    let dir = copy_of(&example);
    // The assessment before the move: the bundled 2021-04 edition, the old id.
    let settings = dir.path().join("checksheet.yaml");
    let after_settings = std::fs::read_to_string(&settings).unwrap();
    let answers = dir.path().join("answers/app.yaml");
    let after_answers = std::fs::read_to_string(&answers).unwrap();
    std::fs::write(
        &settings,
        after_settings.replace(
            "checklist: checklists/example-edition.yaml",
            "checklist: phr-basic-guideline@2021-04",
        ),
    )
    .unwrap();
    let before_answers = after_answers
        .replace("sec-third-party-certification:", "sec-third-party-cert:")
        .split("  example-new-duty:")
        .next()
        .unwrap()
        .to_owned();
    std::fs::write(&answers, before_answers).unwrap();
    let mut repo = Repo::new(dir.path());
    std::fs::write(repo.path().join("checksheet.yaml"), after_settings).unwrap();
    std::fs::write(repo.path().join("answers/app.yaml"), after_answers).unwrap();
    repo.commit("新しい版に移行");
    let (code, stdout, stderr) = run(&mut repo.checksheet(&["diff", "HEAD~1", "HEAD"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "checklist: phr-basic-guideline@2021-04 → phr-basic-guideline@2099-01-example"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("requirement sec-third-party-cert is now sec-third-party-certification"),
        "{stdout}"
    );
    assert!(
        stdout.contains("+ requirement example-new-duty"),
        "{stdout}"
    );
    // The renamed requirement's answer followed it: its wording changed, its status did not.
    assert!(
        stdout.contains("sec-third-party-certification (was sec-third-party-cert)"),
        "{stdout}"
    );
    assert!(!stdout.contains("status:"), "{stdout}");
    let (_, english, _) = run(&mut repo.checksheet(&["--lang", "en", "diff", "HEAD~1", "HEAD"]));
    assert!(
        english.contains("1 requirement added, 34 requirements removed"),
        "the summary counts in the plural: {english}"
    );
}

#[test]
fn check_says_which_edition_is_assessed_and_how_sure_the_wording_is() {
    let (_, stdout, _) = run(&mut checksheet(
        &root().join("examples/sample-phr"),
        &["--lang", "ja", "check"],
    ));
    assert!(stdout.contains("2021年4月版に基づいています"), "{stdout}");
    assert!(stdout.contains("2022年4月"), "{stdout}");
    assert!(
        stdout.contains("2025年4月「PHRサービス提供者による健診等情報の取扱いに関する基本的指針」"),
        "{stdout}"
    );
    assert!(
        stdout.contains("公式の概要による 10 件、二次資料による 9 件、記憶による 16 件"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("お知らせ:").count(), 1, "once per run");
    let (code, listed, _) = run(&mut checksheet(
        &root(),
        &[
            "checklist",
            "show",
            "phr-basic-guideline@2021-04",
            "--basis",
            "rec",
            "--format",
            "json",
        ],
    ));
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let count: usize = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["requirements"].as_array().unwrap().len())
        .sum();
    assert_eq!(count, 16);
}

#[test]
fn publish_refuses_a_self_check_no_one_approved_or_whose_review_is_overdue() {
    let mut repo = Repo::new(&fixtures().join("history/edition"));
    repo.edit(
        "answers/app.yaml",
        "approved-by: {name: 鈴木一郎, title: 代表取締役社長, date: 2026-04-10}\n",
        "next-review: 2026-03-01\n",
    );
    repo.commit("承認を外す");
    let (code, _, stderr) =
        run(&mut repo.checksheet(&["--lang", "ja", "publish", "--allow-incomplete"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("app: 点検結果が承認されていません（`approved-by`） [not-approved]"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "app: 点検基準日 2026-04-01 の時点で、2026-03-01 に予定した点検が過ぎています"
        ),
        "{stderr}"
    );
    let (_, tags, _) = run(std::process::Command::new("git")
        .args(["tag", "--list"])
        .current_dir(repo.path()));
    assert_eq!(tags.trim(), "", "nothing was tagged");
    // The diff names the approval and the next review that changed.
    let (_, stdout, _) = run(&mut repo.checksheet(&["--lang", "en", "diff", "HEAD~1", "HEAD"]));
    assert!(
        stdout.contains("approved-by: 代表取締役社長 鈴木一郎 (2026-04-10) → (none)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("next-review: (none) → 2026-03-01"),
        "{stdout}"
    );
}

#[test]
fn the_default_publication_message_is_in_the_assessments_first_language() {
    let repo = Repo::new(&fixtures().join("history/edition"));
    let (code, _, stderr) = run(&mut repo.checksheet(&["--lang", "en", "publish"]));
    assert_eq!(code, 0, "{stderr}");
    let (_, message, _) = run(std::process::Command::new("git")
        .args([
            "tag",
            "--list",
            "--format=%(contents)",
            "checksheet/2026-04-01",
        ])
        .current_dir(repo.path()));
    assert!(
        message.starts_with("2026-04-01 時点のチェックシートの公表"),
        "{message}"
    );
}

/// The log and diff read again only the answers files a commit changed when nothing else
/// changed; they must say exactly what reading every file says, and never call a revision
/// usable when a file it did not change is broken.
#[test]
fn reading_only_changed_answers_says_what_reading_everything_says() {
    let mut repo = Repo::new(&root().join("examples/sample-phr"));
    let genki = "answers/genki-log.yaml";
    let karada = "answers/karada-note.yaml";
    // B: one answers file changed (read alone).
    repo.edit(genki, "    status: done", "    status: partial");
    repo.commit("B げんきログを見直し");
    // C: the same kind of change with a file beside it (everything is read again).
    repo.edit(karada, "    status: done", "    status: partial");
    std::fs::write(repo.path().join("NOTES.md"), "メモ\n").unwrap();
    repo.commit("C からだノートを見直し");
    // D: karada-note broken; E: genki-log changed while karada-note stays broken.
    repo.edit(karada, "    status: partial", "    status: [partial");
    repo.commit("D 壊れた回答");
    repo.edit(genki, "    status: partial", "    status: planned");
    repo.commit("E げんきログだけ直す");
    // F: karada-note mended.
    repo.edit(karada, "    status: [partial", "    status: partial");
    repo.commit("F 回答を直す");

    let (code, stdout, stderr) = run(&mut repo.checksheet(&["log", "--format", "json"]));
    assert_eq!(code, 0, "{stderr}");
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let events: Vec<(String, String)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["message"].as_str().unwrap().chars().take(1).collect(),
                entry["summary"]["event"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("F", "after-unusable"),
        ("E", "unusable"),
        ("D", "unusable"),
        ("C", "changed"),
        ("B", "changed"),
        ("初", "created"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(m, e)| ((*m).to_owned(), (*e).to_owned()))
        .collect();
    assert_eq!(events, expected);
    assert!(
        log[1]["summary"]["problem"]
            .as_str()
            .is_some_and(|p| p.contains("YAML")),
        "{stdout}"
    );
    // B and C made the same kind of change: the same counts, read either way.
    let counts = |entry: &serde_json::Value| {
        let mut summary = entry["summary"].clone();
        summary.as_object_mut().unwrap().remove("event");
        summary
    };
    assert_eq!(counts(&log[3]), counts(&log[4]), "{stdout}");
    assert_eq!(log[4]["summary"]["status"], 1, "{stdout}");

    // diff: the unchanged broken file makes both revisions unusable.
    let (code, _, stderr) = run(&mut repo.checksheet(&["diff", "HEAD~2", "HEAD~1"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("karada-note.yaml"), "{stderr}");
    // diff of one changed answers file, read alone, against the same change with every
    // file read: the same report but for the revision names.
    let diff = |from: &str, to: &str| {
        let (code, stdout, stderr) =
            run(&mut repo.checksheet(&["diff", from, to, "--format", "json"]));
        assert_eq!(code, 0, "{stderr}");
        let mut diff: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        diff.as_object_mut().unwrap().remove("from");
        diff.as_object_mut().unwrap().remove("to");
        diff
    };
    let alone = diff("HEAD~5", "HEAD~4");
    let whole = diff("HEAD~4", "HEAD~3");
    assert_eq!(alone["summary"], whole["summary"]);
    assert_eq!(alone["services"][0]["id"], "genki-log");
    assert_eq!(whole["services"][0]["id"], "karada-note");
    // Run again, the usable revisions remembered, everything says the same.
    let usable = repo.path().join(".git/checksheet/usable");
    assert!(usable.is_file());
    let (_, again, _) = run(&mut repo.checksheet(&["log", "--format", "json"]));
    assert_eq!(again, stdout);
    assert_eq!(diff("HEAD~5", "HEAD~4"), alone);
    assert_eq!(diff("HEAD~4", "HEAD~3"), whole);
    let (code, _, stderr) = run(&mut repo.checksheet(&["diff", "HEAD~2", "HEAD~1"]));
    assert_eq!(code, 2, "{stderr}");
    // What another build of checksheet remembered is not trusted: here, that the broken
    // revisions D and E are usable.
    let tree = |revision: &str| {
        let commit = repo.repository.revparse_single(revision).unwrap();
        commit.peel_to_commit().unwrap().tree_id().to_string()
    };
    std::fs::write(
        &usable,
        format!(
            "checksheet 0.0.0 1 1.0\n{}\n{}\n",
            tree("HEAD~1"),
            tree("HEAD~2")
        ),
    )
    .unwrap();
    let (_, again, _) = run(&mut repo.checksheet(&["log", "--format", "json"]));
    assert_eq!(again, stdout);
    let (code, _, _) = run(&mut repo.checksheet(&["diff", "HEAD~2", "HEAD~1"]));
    assert_eq!(code, 2);
    // And the HTML page of a diff read partly shows the whole assessment.
    let (code, page, _) =
        run(&mut repo.checksheet(&["diff", "HEAD~5", "HEAD~4", "--format", "html"]));
    assert_eq!(code, 0);
    assert!(page.contains("Genki Log"), "{page}");
}

/// Three services citing a public page each; then, in a second commit, the English
/// explanation of one changed, the English wording of a requirement changed, and one
/// public page of that service replaced by an internal one.
fn english_only_changes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::copy(
        fixtures().join("mini-checklist.yaml"),
        path.join("checklist.yaml"),
    )
    .unwrap();
    let mut settings = String::from(
        "organization: {name: テスト}\nchecklist: checklist.yaml\nlanguages: [ja, en]\nservices:\n",
    );
    for service in ["a", "b", "c"] {
        let _ = writeln!(
            settings,
            "  - {{id: {service}, name: アプリ{service}, name-en: App {service}, answers: {service}.yaml}}"
        );
        std::fs::write(
            path.join(format!("{service}.yaml")),
            "as-of: 2026-04-01\nreviewed-by: 山田花子\napproved-by: {name: 鈴木一郎, title: 代表取締役, date: 2026-04-10}\nfacts: {api: true, shares: true, abroad: false}\nanswers:\n  safeguards:\n    status: done\n    explanation: {ja: 規程を定めています。, en: We have rules.}\n    evidence:\n      - {url: \"https://example.jp/rules\", title: {ja: 規程, en: Rules}}\n      - {url: \"https://example.jp/policy\", title: {ja: 方針, en: Policy}}\n",
        )
        .unwrap();
    }
    std::fs::write(path.join("checksheet.yaml"), settings).unwrap();
    crate::git(path, &["init", "--quiet"]);
    crate::git(path, &["add", "--all"]);
    crate::git(path, &["commit", "--quiet", "-m", "初回"]);
    let edit = |file: &str, from: &str, to: &str| {
        let text = std::fs::read_to_string(path.join(file)).unwrap();
        assert!(text.contains(from), "{from} not in {file}");
        std::fs::write(path.join(file), text.replacen(from, to, 1)).unwrap();
    };
    edit("a.yaml", "We have rules.", "We have written rules.");
    edit(
        "a.yaml",
        "{url: \"https://example.jp/policy\", title: {ja: 方針, en: Policy}}",
        "{url: \"https://intranet.example.jp/policy-v2\", title: {ja: 社内方針, en: Internal policy}, public: false}",
    );
    edit(
        "checklist.yaml",
        "Take safeguards.",
        "Take security safeguards.",
    );
    crate::git(
        path,
        &["commit", "--quiet", "-am", "英語の説明と要件の文言"],
    );
    dir
}

/// `diff HEAD~1 HEAD` in `language` with `args`.
fn diff_in(dir: &Path, language: &str, args: &[&str]) -> String {
    let mut all = vec!["--lang", language, "diff", "HEAD~1", "HEAD"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = run(&mut checksheet(dir, &all));
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn an_english_only_change_is_shown_in_every_format_and_a_wording_change_once() {
    let repo = english_only_changes();
    let dir = repo.path();
    for language in ["ja", "en"] {
        let text = diff_in(dir, language, &[]);
        assert!(
            text.contains("    explanation-en: We have {+written +}rules.\n"),
            "{text}"
        );
        assert!(
            text.contains(
                " 1.2-1 safeguards\n    text-en: Take safeguards. → Take security safeguards.\n"
            ),
            "{text}"
        );
        assert_eq!(text.matches("Take safeguards.").count(), 1, "{text}");
        let markdown = diff_in(dir, language, &["--format", "markdown"]);
        assert!(
            markdown.contains("explanation-en: We have **written **rules."),
            "{markdown}"
        );
        assert!(
            markdown.contains(
                "1.2-1 safeguards\n  - text-en: Take safeguards. → Take security safeguards.\n"
            ),
            "{markdown}"
        );
        assert_eq!(
            markdown.matches("Take safeguards.").count(),
            1,
            "{markdown}"
        );
        let html = diff_in(dir, language, &["--format", "html"]);
        assert!(
            html.contains(&format!("<html lang=\"{language}\">")),
            "{html}"
        );
        assert!(html.contains("We have <ins>written </ins>rules."), "{html}");
        assert_eq!(
            html.matches("<del>Take safeguards.</del> → <ins>Take security safeguards.</ins>")
                .count(),
            1,
            "{html}"
        );
    }
    let html = diff_in(dir, "ja", &["--format", "html"]);
    assert!(html.contains("要件（英語）: <del>"), "{html}");
    assert!(html.contains("英語:</span> We have"), "{html}");
    let json: serde_json::Value =
        serde_json::from_str(&diff_in(dir, "en", &["--format", "json"])).unwrap();
    assert_eq!(json["summary"]["requirement"], 1, "{json:#}");
    assert_eq!(json["summary"]["explanation"], 1, "{json:#}");
    let wording = &json["requirements-changed"][0];
    assert_eq!(wording["id"], "safeguards", "{json:#}");
    assert_eq!(wording["no"], "1.2-1", "{json:#}");
    assert_eq!(
        wording["text"]["to"]["en"], "Take security safeguards.",
        "{json:#}"
    );
    let services = json["services"].as_array().unwrap();
    assert_eq!(services.len(), 1, "only the service that changed: {json:#}");
    assert!(
        services[0]["requirements"][0]["explanation-en"].is_array(),
        "{json:#}"
    );
}

#[test]
fn a_public_entry_made_internal_reads_as_removed_unless_internal_evidence_is_asked_for() {
    let repo = english_only_changes();
    let dir = repo.path();
    for language in ["ja", "en"] {
        for format in ["text", "markdown", "json", "html"] {
            let public = diff_in(dir, language, &["--format", format]);
            assert!(public.contains("https://example.jp/policy"), "{public}");
            assert!(!public.contains("intranet"), "{public}");
            assert!(!public.contains("社内方針"), "{public}");
            let internal = diff_in(dir, language, &["--format", format, "--internal"]);
            assert!(
                internal.contains("https://intranet.example.jp/policy-v2"),
                "{internal}"
            );
            let mark = match (format, language) {
                ("json", _) => "\"public\": false",
                (_, "ja") => "（非公開）",
                _ => "(internal)",
            };
            assert!(internal.contains(mark), "{format} {language}: {internal}");
        }
    }
    let text = diff_in(dir, "en", &[]);
    assert!(
        text.contains("- evidence removed: url https://example.jp/policy\n"),
        "{text}"
    );
}

#[test]
fn the_english_history_page_shows_english_only_changes() {
    let repo = english_only_changes();
    let dir = repo.path();
    crate::git(dir, &["checkout", "--quiet", "HEAD~1"]);
    let (code, _, stderr) = run(&mut checksheet(dir, &["publish", "--allow-incomplete"]));
    assert_eq!(code, 0, "{stderr}");
    crate::git(dir, &["checkout", "--quiet", "-"]);
    std::fs::write(
        dir.join("a.yaml"),
        std::fs::read_to_string(dir.join("a.yaml"))
            .unwrap()
            .replace("as-of: 2026-04-01", "as-of: 2026-04-02"),
    )
    .unwrap();
    crate::git(dir, &["commit", "--quiet", "-am", "点検日"]);
    let (code, _, stderr) = run(&mut checksheet(dir, &["publish", "--allow-incomplete"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(&mut checksheet(dir, &["build"]));
    assert_eq!(code, 0, "{stderr}");
    let mut pages = std::fs::read_dir(dir.join("site/en/history"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .filter(|page| page.contains("inline-diff"));
    let page = pages.next().expect("a page of changes");
    assert!(page.contains("We have <ins>written </ins>rules."), "{page}");
    assert!(
        page.contains("<del>Take safeguards.</del> → <ins>Take security safeguards.</ins>"),
        "{page}"
    );
    assert!(!page.contains("intranet"), "{page}");
    assert!(page.contains("https://example.jp/policy"), "{page}");
}
