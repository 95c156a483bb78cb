//! The spreadsheet as an answers file: export, load, round trips through `LibreOffice` and
//! `openpyxl`, cell-located messages, and the audit trail of a workbook in git.
//!
//! `LibreOffice` (`soffice`) and Python's `openpyxl` are installed by `.ci/run`; without them
//! those tests are skipped, except under CI, where they fail.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{checksheet, copy_of, fixtures, root, run};

/// The evaluation of `dir` as `check --format json` gives it, without the places findings
/// point at and the messages naming the file (they differ between YAML and a workbook).
fn evaluation(dir: &Path) -> serde_json::Value {
    let (_, stdout, stderr) = run(&mut checksheet(dir, &["check", "--format", "json"]));
    let mut value: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stdout}{stderr}"));
    strip(&mut value);
    value
}

fn strip(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for key in ["line", "column", "cell", "message"] {
                map.remove(key);
            }
            map.values_mut().for_each(strip);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// Exports `service` of the assessment in `dir` as `format` into `answers/`, and makes the
/// assessment read it from there.
fn switch(dir: &Path, service: &str, from: &str, format: &str) -> PathBuf {
    let target = format!("answers/{service}-exported.{format}");
    let (code, stdout, stderr) = run(&mut checksheet(
        dir,
        &[
            "export",
            "--service",
            service,
            "--format",
            format,
            "--out",
            &target,
        ],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let settings = dir.join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(text.contains(from), "{from} in {text}");
    std::fs::write(&settings, text.replace(from, &target)).unwrap();
    dir.join(target)
}

fn missing(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok();
    assert!(found || std::env::var_os("CI").is_none(), "CI needs {tool}");
    !found
}

fn has_openpyxl() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI needs openpyxl"
    );
    found
}

/// Assessments with every status and every kind of evidence, and their services' answers
/// files.
fn assessments() -> Vec<(PathBuf, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            root().join("examples/sample-phr"),
            vec![
                ("karada-note", "answers/karada-note.yaml"),
                ("genki-log", "answers/genki-log.yaml"),
            ],
        ),
        (
            fixtures().join("check/mini"),
            vec![
                ("statuses", "answers/statuses.yaml"),
                ("undecided", "answers/undecided.yaml"),
                ("no-api", "answers/no-api.yaml"),
            ],
        ),
        (
            fixtures().join("evidence/findings"),
            vec![
                ("expired", "answers/expired.yaml"),
                ("timely", "answers/timely.yaml"),
            ],
        ),
    ]
}

#[test]
fn yaml_to_a_workbook_and_back_gives_the_same_evaluation() {
    for (assessment, services) in assessments() {
        let dir = copy_of(&assessment);
        let before = evaluation(dir.path());
        for (service, answers) in &services {
            switch(dir.path(), service, answers, "xlsx");
        }
        assert_eq!(
            evaluation(dir.path()),
            before,
            "{}: YAML → xlsx",
            assessment.display()
        );
        for (service, _) in &services {
            let xlsx = format!("answers/{service}-exported.xlsx");
            let back = format!("answers/{service}-back");
            let (code, _, stderr) = run(&mut checksheet(
                dir.path(),
                &[
                    "export",
                    "--service",
                    service,
                    "--format",
                    "yaml",
                    "--out",
                    &format!("{back}.yaml"),
                ],
            ));
            assert_eq!(code, 0, "{stderr}");
            let settings = dir.path().join("checksheet.yaml");
            let text = std::fs::read_to_string(&settings).unwrap();
            std::fs::write(&settings, text.replace(&xlsx, &format!("{back}.yaml"))).unwrap();
        }
        assert_eq!(
            evaluation(dir.path()),
            before,
            "{}: xlsx → YAML",
            assessment.display()
        );
    }
}

#[test]
fn an_export_is_byte_identical_for_the_same_answers() {
    let dir = copy_of(&root().join("examples/sample-phr"));
    for out in ["a.xlsx", "b.xlsx"] {
        let (code, _, stderr) = run(&mut checksheet(
            dir.path(),
            &[
                "export",
                "--service",
                "genki-log",
                "--format",
                "xlsx",
                "--out",
                out,
            ],
        ));
        assert_eq!(code, 0, "{stderr}");
    }
    assert_eq!(
        std::fs::read(dir.path().join("a.xlsx")).unwrap(),
        std::fs::read(dir.path().join("b.xlsx")).unwrap()
    );
    let (code, _, stderr) = run(&mut checksheet(
        dir.path(),
        &[
            "export",
            "--service",
            "genki-log",
            "--format",
            "xlsx",
            "--out",
            "a.xlsx",
        ],
    ));
    assert_eq!(code, 2, "never overwrites");
    assert!(stderr.contains("a.xlsx"), "{stderr}");
}

#[test]
fn a_workbook_saved_by_libreoffice_loads_the_same() {
    if missing("soffice") {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    let before = evaluation(dir.path());
    let exported = switch(dir.path(), "genki-log", "answers/genki-log.yaml", "xlsx");
    let out = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(out.path())
        .arg(&exported)
        .env("HOME", out.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let resaved = out.path().join(exported.file_name().unwrap());
    assert_ne!(
        std::fs::read(&resaved).unwrap(),
        std::fs::read(&exported).unwrap()
    );
    std::fs::copy(&resaved, &exported).unwrap();
    assert_eq!(evaluation(dir.path()), before);
}

/// Runs a Python script with openpyxl on the workbook `path`.
fn openpyxl(path: &Path, script: &str) {
    let program = format!(
        "import openpyxl, sys\nbook = openpyxl.load_workbook(sys.argv[1])\n{script}\nbook.save(sys.argv[1])\n"
    );
    let output = Command::new("python3")
        .args(["-c", &program])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_workbook_edited_with_openpyxl_reads_what_the_person_typed() {
    if !has_openpyxl() {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    let exported = switch(dir.path(), "genki-log", "answers/genki-log.yaml", "xlsx");
    // A status typed in Japanese, a new evidence row, and two rows swapped.
    openpyxl(
        &exported,
        r#"
sheet = book["チェックシート"]
rows = {sheet.cell(row=r, column=2).value: r for r in range(9, sheet.max_row + 1)}
sheet.cell(row=rows["io-import"], column=6).value = "対応済"
a, b = rows["sec-safeguards"], rows["gov-recheck"]
for c in range(1, 11):
    x, y = sheet.cell(row=a, column=c).value, sheet.cell(row=b, column=c).value
    sheet.cell(row=a, column=c).value, sheet.cell(row=b, column=c).value = y, x
evidence = book["証跡"]
last = max(r for r in range(1, evidence.max_row + 1) if evidence.cell(row=r, column=1).value)
evidence.cell(row=last + 1, column=1).value = "io-import"
evidence.cell(row=last + 1, column=2).value = "URL"
evidence.cell(row=last + 1, column=3).value = "https://example.jp/genki-log/import/"
evidence.cell(row=last + 1, column=4).value = "インポート機能の案内"
book.create_sheet("メモ")["A1"] = "担当者の作業メモ"
"#,
    );
    let (_, stdout, stderr) = run(&mut checksheet(dir.path(), &["check", "--format", "json"]));
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stdout}{stderr}"));
    let genki = &json["services"][1];
    let row = |id: &str| {
        genki["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(row("io-import")["status"], "done");
    assert_eq!(row("sec-safeguards")["status"], "done");
    assert_eq!(row("gov-recheck")["status"], "not-done");
    let (_, list, _) = run(&mut checksheet(
        dir.path(),
        &[
            "evidence",
            "list",
            "--service",
            "genki-log",
            "--format",
            "json",
        ],
    ));
    assert!(
        list.contains("https://example.jp/genki-log/import/"),
        "{list}"
    );
}

/// A throwaway git repository holding a copy of `dir`.
fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=山田花子",
            "-c",
            "user.email=hanako@example.jp",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-10-02T10:00:00+09:00")
        .env("GIT_COMMITTER_DATE", "2026-10-02T10:00:00+09:00")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_workbook_in_git_has_a_character_level_audit_trail() {
    if !has_openpyxl() {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "YAML"]);
    let exported = switch(dir.path(), "genki-log", "answers/genki-log.yaml", "xlsx");
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "Excel に移行"]);
    let (code, stdout, stderr) = run(&mut checksheet(
        dir.path(),
        &["diff", "HEAD~1", "HEAD", "--exit-code"],
    ));
    assert_eq!(
        code, 0,
        "YAML and its workbook say the same: {stdout}{stderr}"
    );
    openpyxl(
        &exported,
        r#"
sheet = book["チェックシート"]
rows = {sheet.cell(row=r, column=2).value: r for r in range(9, sheet.max_row + 1)}
sheet.cell(row=rows["io-import"], column=6).value = "対応済"
"#,
    );
    git(dir.path(), &["commit", "-qam", "インポート機能を公開"]);
    let (code, stdout, _) = run(&mut checksheet(dir.path(), &["diff", "HEAD~1", "HEAD"]));
    assert_eq!(code, 0);
    assert!(
        stdout.contains("io-import\n    status: Not done → Done"),
        "{stdout}"
    );
    assert!(stdout.contains("summary: 1 status"), "{stdout}");
    assert_eq!(
        stdout.matches("\n  ").count(),
        2,
        "exactly that change: {stdout}"
    );
    let (_, log, _) = run(&mut checksheet(dir.path(), &["log"]));
    assert!(log.contains("+1 Done, −1 Not done"), "{log}");
}

#[test]
fn bad_cells_are_named_by_their_sheet_and_cell() {
    if !has_openpyxl() {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    let exported = switch(dir.path(), "genki-log", "answers/genki-log.yaml", "xlsx");
    openpyxl(
        &exported,
        r#"
sheet = book["チェックシート"]
rows = {sheet.cell(row=r, column=2).value: r for r in range(9, sheet.max_row + 1)}
sheet.cell(row=rows["io-import"], column=6).value = "対応ずみ"
sheet.cell(row=rows["io-format"], column=9).value = "来年3月"
sheet.cell(row=rows["sec-roles"], column=2).value = "sec-rolls"
facts = book["前提条件"]
facts.cell(row=2, column=3).value = "たぶん"
"#,
    );
    let (code, _, stderr) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
    assert_eq!(code, 2, "{stderr}");
    let file = "answers/genki-log-exported.xlsx";
    assert!(
        stderr.contains(&format!("{file}:チェックシート!F")),
        "{stderr}"
    );
    assert!(stderr.contains("`対応ずみ`"), "{stderr}");
    assert!(stderr.contains("`対応済` のことですか"), "{stderr}");
    assert!(stderr.contains("`来年3月`"), "{stderr}");
    assert!(stderr.contains(&format!("{file}:前提条件!C2")), "{stderr}");
    assert!(stderr.contains("sec-rolls"), "{stderr}");
    assert!(stderr.contains("`sec-roles`"), "{stderr}");
}

#[test]
fn init_can_scaffold_the_answers_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(&mut checksheet(
        dir.path(),
        &[
            "init",
            "new",
            "--service-id",
            "app",
            "--xlsx",
            "--as-of",
            "2026-04-01",
        ],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("answers/app.xlsx"), "{stdout}");
    let (code, stdout, stderr) = run(&mut checksheet(&dir.path().join("new"), &["check"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("answers/app.xlsx:チェックシート!F"),
        "{stdout}"
    );
}

#[test]
fn the_sign_off_is_read_from_the_header_block_and_a_half_filled_one_is_named() {
    if !has_openpyxl() {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    let exported = switch(dir.path(), "genki-log", "answers/genki-log.yaml", "xlsx");
    // The export carries the approval and the next review; an officer changes the date
    // of approval as Excel types it.
    openpyxl(
        &exported,
        r#"
import datetime
sheet = book["チェックシート"]
labels = {sheet.cell(row=r, column=1).value: r for r in range(1, 12)}
assert sheet.cell(row=labels["承認者"], column=2).value == "鈴木一郎"
sheet.cell(row=labels["承認日"], column=2).value = datetime.datetime(2026, 10, 20)
"#,
    );
    let (code, json, stderr) = run(&mut checksheet(
        dir.path(),
        &["check", "--service", "genki-log", "--format", "json"],
    ));
    assert_eq!(code, 1, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["services"][0]["approved-by"]["date"], "2026-10-20");
    assert_eq!(
        json["services"][0]["approved-by"]["title"],
        "代表取締役社長"
    );
    assert_eq!(json["services"][0]["next-review"], "2027-04-01");
    // A name without a date is named by its cell.
    openpyxl(
        &exported,
        r#"
sheet = book["チェックシート"]
labels = {sheet.cell(row=r, column=1).value: r for r in range(1, 12)}
sheet.cell(row=labels["承認日"], column=2).value = None
"#,
    );
    let (code, _, stderr) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("answers/genki-log-exported.xlsx:チェックシート!B8"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "承認には承認者の氏名（チェックシート!B6）と承認日（チェックシート!B8）の両方が必要です"
        ),
        "{stderr}"
    );
}

/// A file that is not an `.xlsx` workbook, named as one or as `.xls`, is told what it is
/// and how to save it, in Japanese: an Excel 97-2003 workbook, a PDF, a text file.
#[test]
fn a_file_that_is_not_an_xlsx_workbook_is_told_what_it_is() {
    let dir = copy_of(&root().join("examples/sample-phr"));
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    for (name, bytes, said) in [
        ("old.xls", &ole[..], "Excel 97-2003"),
        ("renamed.xlsx", &ole[..], "Excel 97-2003"),
        ("scan.xlsx", &b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"[..], "PDF"),
        ("notes.xlsx", &b"as-of: 2026-04-01\n"[..], "ZIP"),
    ] {
        std::fs::write(dir.path().join("answers").join(name), bytes).unwrap();
        let settings = dir.path().join("checksheet.yaml");
        let text = std::fs::read_to_string(&settings).unwrap();
        let text = text.replace("answers/sukoyaka-pocket.xlsx", &format!("answers/{name}"));
        std::fs::write(&settings, &text).unwrap();
        let (code, stdout, stderr) =
            run(checksheet(dir.path(), &["check"]).env("CHECKSHEET_LANG", "ja"));
        assert_eq!(code, 2, "{name}: {stdout}{stderr}");
        assert!(
            stderr.contains("Excel ブック（.xlsx）ではありません"),
            "{name}: {stderr}"
        );
        assert!(stderr.contains(said), "{name}: {stderr}");
        assert!(stderr.contains("名前を付けて保存"), "{name}: {stderr}");
        assert!(
            !stderr.contains("EOCD") && !stderr.contains("UTF-8"),
            "{name}: {stderr}"
        );
        std::fs::write(
            &settings,
            text.replace(&format!("answers/{name}"), "answers/sukoyaka-pocket.xlsx"),
        )
        .unwrap();
    }
}

/// A sheet whose XML is broken is named as unreadable, not as missing.
#[test]
fn a_sheet_that_cannot_be_read_is_not_called_missing() {
    if !has_openpyxl() {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    let book = dir.path().join("answers/sukoyaka-pocket.xlsx");
    let script = r#"
import sys, zipfile
path = sys.argv[1]
parts = {}
with zipfile.ZipFile(path) as z:
    for info in z.infolist():
        parts[info.filename] = z.read(info.filename)
parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b"</sheetData>", b"<row><c r=\"A999\"><v>1</c></row></sheetData>")
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(&book)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let (code, stdout, stderr) =
        run(checksheet(dir.path(), &["check"]).env("CHECKSHEET_LANG", "ja"));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("シート「チェックシート」を読めません"),
        "{stderr}"
    );
    assert!(!stderr.contains("がありません [missing-sheet]"), "{stderr}");
}
