//! One evaluated sheet behind every output: what `check` says, what the page and the data
//! files publish and what `diff` compares agree, and never claim more than the evidence.

use std::path::Path;

use crate::{check_json, checksheet, fixtures, mini, run};

/// A `must` certification answered `done`, whose certificate expired before as-of.
const EXPIRED_MUST: &str = "as-of: 2026-10-01
reviewed-by: 山田花子
facts: {api: true, shares: false, abroad: false}
answers:
  cert:
    status: done
    explanation: ISMS認証を取得しています。
    evidence:
      - certificate: {scheme: ISMS, number: IS 1, valid-until: 2026-09-30}
  safeguards: {status: done, evidence: [{url: 'https://example.jp/rules'}]}
  local-only: {status: done}
";

fn row<'a>(evaluation: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    evaluation["services"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no requirement {id}"))
}

fn build(dir: &Path) -> std::path::PathBuf {
    let site = dir.join("site");
    let (code, stdout, stderr) = run(&mut checksheet(dir, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    site
}

#[test]
fn an_expired_certificate_makes_a_done_answer_a_gap_everywhere() {
    let dir = mini(EXPIRED_MUST);
    let (code, evaluation) = check_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let cert = row(&evaluation, "cert");
    assert_eq!(cert["outcome"], "gap", "{cert}");
    assert_eq!(evaluation["services"][0]["summary"]["gap"], 1);
    assert_eq!(evaluation["services"][0]["summary"]["conforms"], 2);

    let (_, text, _) = run(&mut checksheet(dir.path(), &["check"]));
    assert!(text.contains("1 gap"), "{text}");

    let (code, stdout, stderr) = run(&mut checksheet(dir.path(), &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("cert") && stderr.contains("evidence-expired"),
        "build warns about the item: {stderr}"
    );
    let site = dir.path().join("site");
    let page = std::fs::read_to_string(site.join("app/index.html")).unwrap();
    assert!(
        page.contains("証明書の有効期限切れ（2026-09-30）"),
        "the page says the certificate expired: {page}"
    );
    let english = std::fs::read_to_string(site.join("en/app/index.html")).unwrap();
    assert!(
        english.contains("Certificate expired (2026-09-30)"),
        "{english}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("app/checksheet.json")).unwrap()).unwrap();
    let published = row(&serde_json::json!({"services": [json]}), "cert").clone();
    assert_eq!(published["outcome"], "gap", "{published}");
    assert_eq!(published["problems"][0]["code"], "evidence-expired");
    let csv = std::fs::read_to_string(site.join("app/checksheet.csv")).unwrap();
    assert!(csv.contains("証明書の有効期限切れ（2026-09-30）"), "{csv}");
}

#[test]
fn check_shows_the_status_the_page_shows() {
    // Answered done, but by the facts it does not apply: every output says 該当なし.
    let dir = mini(
        "as-of: 2026-10-01
facts: {api: false, shares: false, abroad: false}
answers:
  cert: {status: not-done}
  safeguards: {status: done, evidence: [{url: 'https://example.jp/rules'}]}
  local-only: {status: done}
  share-consent: {status: done}
",
    );
    let (_, text, _) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
    let line = text
        .lines()
        .find(|l| l.contains("share-consent"))
        .unwrap()
        .to_owned();
    assert!(line.contains("該当なし"), "{line}");
    assert!(!line.contains("対応済"), "{line}");
    let (_, evaluation) = check_json(dir.path(), &[]);
    assert_eq!(
        row(&evaluation, "share-consent")["status"],
        "not-applicable"
    );
    let site = build(dir.path());
    let csv = std::fs::read_to_string(site.join("app/checksheet.csv")).unwrap();
    let csv_line = csv.lines().find(|l| l.contains("share-consent")).unwrap();
    assert!(csv_line.contains("not-applicable,該当なし"), "{csv_line}");
    let page = std::fs::read_to_string(site.join("app/index.html")).unwrap();
    let page_row = &page[page.find("<tr id=\"share-consent\"").unwrap()..];
    let page_row = &page_row[..page_row.find("</tr>").unwrap()];
    assert!(page_row.contains("row-not-applicable"), "{page_row}");
    assert!(
        page_row.contains("該当なし") && !page_row.contains("対応済"),
        "{page_row}"
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let dir = mini(
        "as-of: 2026-10-01
facts: {api: false, shares: false, abroad: false}
answers:
  cert: {status: not-done, explanation: '=HYPERLINK(\"https://evil.example/\",\"x\")'}
  safeguards: {status: done, explanation: '+1+2', evidence: [{url: 'https://example.jp/rules', title: '@SUM(A1)'}]}
  local-only: {status: done, explanation: '-2+3', evidence: [{url: 'https://example.jp/a', title: ' =HYPERLINK(\"https://evil.example/\")'}, {url: 'https://example.jp/b', title: '　=1+1'}]}
"
    );
    let site = build(dir.path());
    let csv = std::fs::read_to_string(site.join("app/checksheet.csv")).unwrap();
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        for cell in &record.unwrap() {
            // A spreadsheet may trim leading white space (LibreOffice's option does).
            assert!(
                !cell
                    .trim_start()
                    .starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("'@SUM(A1)"), "{csv}");
}

#[test]
fn json_output_on_unusable_input_is_json() {
    let dir = mini("as-of: 2026-10-01\nanswers:\n  cert: {status: don}\n");
    for args in [
        &["check", "--format", "json"][..],
        &["evidence", "list", "--format", "json"][..],
    ] {
        let (code, stdout, _) = run(&mut checksheet(dir.path(), args));
        assert_eq!(code, 2);
        let json: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout:?}"));
        let error = &json["errors"][0];
        assert_eq!(error["code"], "unknown-value", "{json}");
        assert_eq!(error["file"], "app.yaml");
        assert_eq!(error["line"], 3);
        assert_eq!(error["column"], 18);
        assert!(error["help"].as_str().unwrap().contains("done"), "{json}");
        assert!(error["message"].is_string());
    }
}

#[test]
fn not_applicable_on_an_item_that_applies_is_a_warning_even_with_a_reason() {
    let dir = mini(
        "as-of: 2026-10-01
facts: {api: true, shares: false, abroad: false}
answers:
  cert: {status: not-applicable, explanation: 当社には関係ありません。}
  safeguards: {status: done, evidence: [{url: 'https://example.jp/rules'}]}
  local-only: {status: done}
",
    );
    let (code, evaluation) = check_json(dir.path(), &[]);
    let cert = row(&evaluation, "cert");
    let codes: Vec<&str> = cert["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["not-applicable-but-applies"], "{cert}");
    assert_eq!(cert["findings"][0]["severity"], "warning");
    assert_eq!(code, 0);
}

#[test]
fn every_refused_evidence_path_is_reported_once() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    let dir = mini(
        "as-of: 2026-10-01
facts: {api: false, shares: false, abroad: false}
answers:
  cert: {status: not-done}
  safeguards:
    status: done
    evidence:
      - file: ../outside.txt
      - file: evidence/link.txt
  local-only: {status: done}
",
    );
    std::fs::create_dir(dir.path().join("evidence")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("evidence/link.txt"),
    )
    .unwrap();
    let (code, _, stderr) = run(&mut checksheet(dir.path(), &["check"]));
    assert_eq!(code, 2);
    assert_eq!(
        stderr.matches("../outside.txt").count(),
        2,
        "message and source line once: {stderr}"
    );
    assert_eq!(stderr.matches("[evidence-outside]").count(), 2, "{stderr}");
    assert!(stderr.contains("evidence/link.txt"), "{stderr}");
}

#[test]
fn the_finding_codes_in_check_json_are_the_documented_ones() {
    let (_, evaluation) = check_json(&fixtures().join("evidence/findings"), &[]);
    let readme = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
    for service in evaluation["services"].as_array().unwrap() {
        for requirement in service["requirements"].as_array().unwrap() {
            for finding in requirement["findings"].as_array().unwrap() {
                let code = finding["code"].as_str().unwrap();
                assert!(
                    readme.contains(&format!("| `{code}` |")),
                    "{code} is not in the README"
                );
            }
        }
    }
}
