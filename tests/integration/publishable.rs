//! Whether a sheet can be published: `check`'s verdict and `publish`'s refusals give the same
//! answer for every sheet, answered in YAML or in a workbook, and a missing sign-off is told
//! where to write it, in the file's own terms.

use std::collections::BTreeSet;
use std::path::Path;

use crate::{checksheet, copy_of, git, root, run};

/// The sample's services and their answers files.
const SERVICES: [(&str, &str); 3] = [
    ("karada-note", "answers/karada-note.yaml"),
    ("genki-log", "answers/genki-log.yaml"),
    ("sukoyaka-pocket", "answers/sukoyaka-pocket.xlsx"),
];

/// The sample in a new git repository, committed once.
fn sample() -> tempfile::TempDir {
    let dir = copy_of(&root().join("examples/sample-phr"));
    git(dir.path(), &["init", "-q", "-b", "main"]);
    commit(dir.path(), "初回の自己点検");
    dir
}

/// Commits every change in `dir`, dated 2026-10-01 (the sample's as-of date).
fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Takes the approval out of the workbook of すこやかポケット, as an officer would: the
/// answers exported to YAML, the approval removed, and exported back into the workbook.
fn unapprove_the_workbook(dir: &Path) {
    let yaml = "answers/sukoyaka-pocket-draft.yaml";
    let xlsx = "answers/sukoyaka-pocket.xlsx";
    let export = |format: &str, out: &str| {
        let (code, _, stderr) = run(&mut checksheet(
            dir,
            &[
                "export",
                "--service",
                "sukoyaka-pocket",
                "--format",
                format,
                "--out",
                out,
            ],
        ));
        assert_eq!(code, 0, "{stderr}");
    };
    export("yaml", yaml);
    edit(
        dir,
        yaml,
        "approved-by:\n  name: 鈴木一郎\n  title: 代表取締役社長\n  date: 2026-10-15\n",
        "",
    );
    let answers = |file: &str| format!("answers: {file}");
    edit(dir, "checksheet.yaml", &answers(xlsx), &answers(yaml));
    std::fs::remove_file(dir.join(xlsx)).unwrap();
    export("xlsx", xlsx);
    edit(dir, "checksheet.yaml", &answers(yaml), &answers(xlsx));
    std::fs::remove_file(dir.join(yaml)).unwrap();
}

/// The services `check` says cannot be published yet (its last verdict line).
fn not_ready_by_check(dir: &Path) -> BTreeSet<String> {
    let (_, stdout, stderr) = run(&mut checksheet(dir, &["--lang", "ja", "check"]));
    let line = stdout
        .lines()
        .find(|line| {
            line.starts_with("まだ公開できないチェックシートがあります: ")
                || line.ends_with("公開できます")
        })
        .unwrap_or_else(|| panic!("{stdout}{stderr}"));
    line.strip_prefix("まだ公開できないチェックシートがあります: ")
        .map(|ids| ids.split(", ").map(str::to_owned).collect())
        .unwrap_or_default()
}

/// The services `publish` refuses (each refusal points into their answers file), and what
/// it said.
fn refused_by_publish(dir: &Path) -> (BTreeSet<String>, String) {
    let (code, stdout, stderr) = run(&mut checksheet(dir, &["--lang", "ja", "publish"]));
    let refused: BTreeSet<String> = SERVICES
        .iter()
        .filter(|(_, file)| stderr.contains(file))
        .map(|(id, _)| (*id).to_owned())
        .collect();
    assert_eq!(code == 0, refused.is_empty(), "{stdout}{stderr}");
    (refused, stderr)
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

#[test]
fn check_and_publish_agree_on_which_sheets_can_be_published() {
    let dir = sample();
    let dir = dir.path();
    // The sample: げんきログ has an unanswered requirement.
    assert_eq!(not_ready_by_check(dir), set(&["genki-log"]));
    assert_eq!(refused_by_publish(dir).0, set(&["genki-log"]));

    // No one approved からだノート (YAML) and すこやかポケット (a workbook).
    edit(
        dir,
        "answers/karada-note.yaml",
        "approved-by: {name: 鈴木一郎, title: 代表取締役社長, date: 2026-10-15}\n",
        "",
    );
    unapprove_the_workbook(dir);
    commit(dir, "承認前");
    let all = set(&["genki-log", "karada-note", "sukoyaka-pocket"]);
    assert_eq!(not_ready_by_check(dir), all);
    assert_eq!(refused_by_publish(dir).0, all);

    // からだノート approved again, but its review was due before its as-of date.
    edit(
        dir,
        "answers/karada-note.yaml",
        "next-review: 2027-10-01\n",
        "approved-by: {name: 鈴木一郎, title: 代表取締役社長, date: 2026-10-15}\nnext-review: 2026-09-01\n",
    );
    commit(dir, "次回点検予定を過ぎた");
    assert_eq!(not_ready_by_check(dir), all);
    assert_eq!(refused_by_publish(dir).0, all);

    // Its review done, but dated in the future.
    edit(
        dir,
        "answers/karada-note.yaml",
        "next-review: 2026-09-01\n",
        "",
    );
    edit(
        dir,
        "answers/karada-note.yaml",
        "as-of: 2026-10-01",
        "as-of: 2999-01-01",
    );
    commit(dir, "未来の点検基準日");
    assert_eq!(not_ready_by_check(dir), all);
    assert_eq!(refused_by_publish(dir).0, all);
}

#[test]
fn a_missing_approval_is_told_where_to_write_it_in_the_files_own_terms() {
    let dir = sample();
    let dir = dir.path();
    edit(
        dir,
        "answers/karada-note.yaml",
        "approved-by: {name: 鈴木一郎, title: 代表取締役社長, date: 2026-10-15}\n",
        "",
    );
    unapprove_the_workbook(dir);
    commit(dir, "承認前");

    // check: the workbook's finding names the cells beside 承認者 and 承認日.
    let (_, stdout, _) = run(&mut checksheet(
        dir,
        &["--lang", "ja", "check", "--service", "sukoyaka-pocket"],
    ));
    let finding = stdout
        .split("\n\n")
        .find(|part| part.contains("[approval-missing]"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(finding.contains("チェックシート!B6"), "{finding}");
    assert!(finding.contains("チェックシート!B8"), "{finding}");
    assert!(!finding.contains("approved-by"), "{finding}");
    assert!(
        finding.contains("--> answers/sukoyaka-pocket.xlsx:チェックシート!B6"),
        "{finding}"
    );
    assert!(stdout.contains("まだ公開できません: 承認"), "{stdout}");

    // publish: the workbook is told its cells, the YAML file its key with an example.
    let (_, stderr) = refused_by_publish(dir);
    let refusals: Vec<&str> = stderr.split("\n\n").collect();
    let workbook = refusals
        .iter()
        .find(|part| part.contains("[not-approved]") && part.contains("sukoyaka-pocket"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        workbook.contains("answers/sukoyaka-pocket.xlsx:チェックシート!B6"),
        "{workbook}"
    );
    assert!(workbook.contains("チェックシート!B8"), "{workbook}");
    assert!(!workbook.contains("approved-by"), "{workbook}");
    assert!(
        !workbook.contains("チェックシート!B4"),
        "not the as-of cell: {workbook}"
    );
    let yaml = refusals
        .iter()
        .find(|part| part.contains("[not-approved]") && part.contains("karada-note"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(yaml.contains("approved-by: {name: "), "{yaml}");
}
