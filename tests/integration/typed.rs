//! What an officer typed is what is read: table-driven variants of how people fill in an
//! answers workbook (made with openpyxl, some re-saved by `LibreOffice`) and an answers
//! YAML file, each held up against the intended reading. A variant is either read exactly
//! as meant, or refused or warned with a Japanese message naming its cell or line; never
//! read otherwise without a word.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::{checksheet, copy_of, fixtures, has, root, run};

/// Whether `text` holds Japanese.
fn japanese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

/// Every message `check --format json` gives: `(place, text)`, the place being the file
/// with its cell or line, the text the message and its help.
fn messages(json: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for error in json["errors"].as_array().into_iter().flatten() {
        let place = format!(
            "{}:{}",
            error["file"].as_str().unwrap_or_default(),
            error["line"]
        );
        let text = format!(
            "{} {}",
            error["message"].as_str().unwrap_or_default(),
            error["help"].as_str().unwrap_or_default()
        );
        found.push((place, text));
    }
    let mut findings = |list: &Value| {
        for finding in list.as_array().into_iter().flatten() {
            let place = format!(
                "{}:{}",
                finding["cell"].as_str().unwrap_or_default(),
                finding["line"]
            );
            found.push((
                place,
                finding["message"].as_str().unwrap_or_default().to_owned(),
            ));
        }
    };
    for service in json["services"].as_array().into_iter().flatten() {
        findings(&service["findings"]);
        for requirement in service["requirements"].as_array().into_iter().flatten() {
            findings(&requirement["findings"]);
        }
    }
    found
}

/// `value` without null entries: an answers file may write a key empty or leave it out.
fn without_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(without_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(without_nulls),
        _ => {}
    }
}

/// `answers` with the changes `{"a/b/c": value}` made.
fn changed(mut answers: Value, changes: &serde_json::Map<String, Value>) -> Value {
    for (path, value) in changes {
        let steps: Vec<&str> = path.split('/').collect();
        let (last, parents) = steps.split_last().unwrap();
        let mut node = &mut answers;
        for step in parents {
            node = node
                .as_object_mut()
                .unwrap()
                .entry((*step).to_owned())
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
        }
        let map = node.as_object_mut().unwrap();
        if value.is_null() {
            map.remove(*last);
        } else {
            map.insert((*last).to_owned(), value.clone());
        }
    }
    without_nulls(&mut answers);
    answers
}

/// The answers of `service` in `dir` as `export --format yaml` writes them, as JSON.
fn exported(dir: &Path, service: &str) -> Value {
    let out = dir.join(format!("exported-{service}.yaml"));
    let _ = std::fs::remove_file(&out);
    let (code, stdout, stderr) = run(&mut checksheet(
        dir,
        &[
            "export",
            "--service",
            service,
            "--format",
            "yaml",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let mut value: Value = serde_yaml::from_str(&text).unwrap();
    without_nulls(&mut value);
    value
}

/// `check --format json` in Japanese: its exit code and output.
fn check(dir: &Path) -> (i32, Value) {
    let (code, stdout, stderr) =
        run(checksheet(dir, &["check", "--format", "json"]).env("CHECKSHEET_LANG", "ja"));
    let json = serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stdout}{stderr}"));
    (code, json)
}

/// What a variant must give, and what it gave.
fn judge(
    name: &str,
    expected: &Value,
    code: i32,
    json: &Value,
    read: Option<&Value>,
    base: &Value,
) -> Vec<String> {
    let mut wrong = Vec::new();
    let messages = messages(json);
    for place in expected["says"].as_array().into_iter().flatten() {
        let place = place.as_str().unwrap();
        let named = messages
            .iter()
            .find(|(at, text)| at.contains(place) || text.contains(place));
        match named {
            None => wrong.push(format!("{name}: nothing names {place}: {messages:#?}")),
            Some((_, text)) if !japanese(text) => {
                wrong.push(format!(
                    "{name}: the message at {place} is not Japanese: {text}"
                ));
            }
            Some(_) => {}
        }
    }
    for place in expected["unsaid"].as_array().into_iter().flatten() {
        let place = place.as_str().unwrap();
        if let Some(said) = messages
            .iter()
            .find(|(at, text)| at.contains(place) || text.contains(place))
        {
            wrong.push(format!("{name}: {place} is named: {said:?}"));
        }
    }
    match &expected["reads"] {
        Value::Null => {
            if code != 2 {
                wrong.push(format!("{name}: read (exit {code}) instead of refused"));
            }
        }
        Value::String(warned) if warned == "warned" => {
            if code == 2 {
                wrong.push(format!("{name}: refused: {messages:#?}"));
            }
        }
        Value::Object(changes) => {
            if code == 2 {
                wrong.push(format!("{name}: refused: {messages:#?}"));
            } else if let Some(read) = read {
                let meant = changed(base.clone(), changes);
                if *read != meant {
                    wrong.push(format!(
                        "{name}: read otherwise than meant:\n  read  {}\n  meant {}",
                        differences(read, &meant).join("\n        "),
                        differences(&meant, read).join("\n        ")
                    ));
                }
            }
        }
        other => panic!("{name}: unknown expectation {other}"),
    }
    wrong
}

/// The entries of `a` that `b` lacks or holds otherwise, as `path = value`.
fn differences(a: &Value, b: &Value) -> Vec<String> {
    let mut found = Vec::new();
    walk("", a, Some(b), &mut found);
    found
}

fn walk(path: &str, a: &Value, b: Option<&Value>, found: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Some(Value::Object(y))) => {
            for (key, value) in x {
                walk(&format!("{path}/{key}"), value, y.get(key), found);
            }
        }
        (x, Some(y)) if x == y => {}
        (x, _) => found.push(format!("{path} = {x}")),
    }
}

#[test]
fn every_workbook_variant_is_read_as_meant_or_named_in_japanese() {
    if !has("python3", &["-c", "import openpyxl"]) {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    let answers = dir.path().join("answers/sukoyaka-pocket.xlsx");
    let base_workbook = std::fs::read(&answers).unwrap();
    let base = exported(dir.path(), "sukoyaka-pocket");
    let variants = tempfile::tempdir().unwrap();
    let output = Command::new("python3")
        .arg(fixtures().join("typed/workbook_variants.py"))
        .arg(&answers)
        .arg(variants.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let list: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(variants.path().join("variants.json")).unwrap(),
    )
    .unwrap();
    assert!(list.len() >= 60, "{} workbook variants", list.len());
    // Those an office suite re-saves, re-saved by LibreOffice in one run.
    let resaved: Vec<&str> = list
        .iter()
        .filter(|v| v["resave"] == true || v["resave"] == "only")
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert!(resaved.len() >= 5);
    let office = if has("soffice", &["--version"]) {
        let out = variants.path().join("resaved");
        std::fs::create_dir(&out).unwrap();
        let status = Command::new("soffice")
            .args([
                "--headless",
                "--calc",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
            ])
            .arg(&out)
            .args(
                resaved
                    .iter()
                    .map(|name| variants.path().join(format!("{name}.xlsx"))),
            )
            .env("HOME", variants.path())
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        Some(out)
    } else {
        None
    };
    let mut wrong = Vec::new();
    for variant in &list {
        let name = variant["name"].as_str().unwrap();
        let mut files = Vec::new();
        if variant["resave"] != "only" {
            files.push((
                name.to_owned(),
                variants.path().join(format!("{name}.xlsx")),
            ));
        }
        if let Some(office) = &office
            && variant["resave"] != false
        {
            files.push((
                format!("{name} (LibreOffice)"),
                office.join(format!("{name}.xlsx")),
            ));
        }
        for (label, file) in files {
            std::fs::copy(&file, &answers).unwrap();
            let (code, json) = check(dir.path());
            let read = (code != 2).then(|| exported(dir.path(), "sukoyaka-pocket"));
            wrong.extend(judge(&label, variant, code, &json, read.as_ref(), &base));
        }
    }
    std::fs::write(&answers, base_workbook).unwrap();
    assert!(
        wrong.is_empty(),
        "{} of {} variants:\n{}",
        wrong.len(),
        list.len(),
        wrong.join("\n")
    );
}

/// What a YAML variant must give.
enum Meant {
    /// Read as the base with these changes to `answers/sec-roles/…` (JSON values; `null`
    /// removes the key).
    Reads(&'static str),
    /// Read, perhaps otherwise than it looks, but with a Japanese warning at these lines.
    Warned(&'static [usize]),
    /// Refused with a Japanese message at these lines.
    Refused(&'static [usize]),
}

/// The lines of karada-note's answer to `sec-roles` that each variant replaces: its id,
/// status and explanation, lines 93 to 97 of the sample's file.
const REPLACED: std::ops::Range<usize> = 92..97;

/// How officers type an answer in YAML, from line 93 on.
const YAML_VARIANTS: &[(&str, &str, Meant)] = &[
    (
        "block-keeps-lines",
        "  sec-roles:\n    status: done\n    explanation: |\n      次の措置を講じています。\n      ・多要素認証\n      ・通信の暗号化\n",
        Meant::Reads(
            r#"{"explanation": "次の措置を講じています。\n・多要素認証\n・通信の暗号化\n"}"#,
        ),
    ),
    (
        "block-strip-keeps-lines",
        "  sec-roles:\n    status: done\n    explanation: |-\n      次の措置を講じています。\n      ・多要素認証\n",
        Meant::Reads(r#"{"explanation": "次の措置を講じています。\n・多要素認証"}"#),
    ),
    (
        "plain-text-continued-on-next-lines",
        "  sec-roles:\n    status: done\n    explanation: 次の措置を講じています。\n      ・多要素認証\n      ・通信の暗号化\n",
        Meant::Warned(&[96]),
    ),
    (
        "folded-japanese-lines",
        "  sec-roles:\n    status: done\n    explanation: >\n      次の措置を講じています。\n      ・多要素認証\n",
        Meant::Warned(&[95]),
    ),
    (
        "folded-english-lines",
        "  sec-roles:\n    status: done\n    explanation: >\n      One sentence\n      on two lines.\n",
        Meant::Reads(r#"{"explanation": "One sentence on two lines.\n"}"#),
    ),
    (
        "space-hash-in-text",
        "  sec-roles:\n    status: done\n    explanation: 研修を実施しています（研修 #2 は e-ラーニング）。\n",
        Meant::Warned(&[95]),
    ),
    (
        "hash-without-space",
        "  sec-roles:\n    status: done\n    explanation: 研修#2を実施しています。\n",
        Meant::Reads(r#"{"explanation": "研修#2を実施しています。"}"#),
    ),
    (
        "quoted-hash",
        "  sec-roles:\n    status: done\n    explanation: \"研修 #2 を実施しています。\"\n",
        Meant::Reads(r#"{"explanation": "研修 #2 を実施しています。"}"#),
    ),
    (
        "single-quoted-hash",
        "  sec-roles:\n    status: done\n    explanation: '研修 #2 を実施しています。'\n",
        Meant::Reads(r#"{"explanation": "研修 #2 を実施しています。"}"#),
    ),
    (
        "block-with-hash",
        "  sec-roles:\n    status: done\n    explanation: |-\n      研修 #2 を実施しています。\n",
        Meant::Reads(r#"{"explanation": "研修 #2 を実施しています。"}"#),
    ),
    (
        "note-with-space-hash",
        "  sec-roles:\n    status: done\n    note: 担当 #3 に確認\n",
        Meant::Warned(&[95]),
    ),
    (
        "comment-after-status",
        "  sec-roles:\n    status: done  # 2026年4月に確認\n    explanation: 体制を定めています。\n",
        Meant::Reads(r#"{"explanation": "体制を定めています。"}"#),
    ),
    (
        "comment-on-its-own-line",
        "  sec-roles:\n    status: done\n    # 2026年4月に確認\n    explanation: 体制を定めています。\n",
        Meant::Reads(r#"{"explanation": "体制を定めています。"}"#),
    ),
    (
        "ampersand-first",
        "  sec-roles:\n    status: done\n    explanation: &注意 全従業者に研修しています。\n",
        Meant::Refused(&[95]),
    ),
    (
        "ampersand-and-a-letter-first",
        "  sec-roles:\n    status: done\n    explanation: &A 全従業者に研修しています。\n",
        Meant::Warned(&[95]),
    ),
    (
        "asterisk-first",
        "  sec-roles:\n    status: done\n    explanation: *重要* 全従業者に研修しています。\n",
        Meant::Refused(&[95]),
    ),
    (
        "colon-space-inside",
        "  sec-roles:\n    status: done\n    explanation: 方針: 年1回見直しています。\n",
        Meant::Refused(&[95]),
    ),
    (
        "full-width-colon-inside-text",
        "  sec-roles:\n    status: done\n    explanation: 方針：年1回見直しています。\n",
        Meant::Reads(r#"{"explanation": "方針：年1回見直しています。"}"#),
    ),
    (
        "dash-first",
        "  sec-roles:\n    status: done\n    explanation: - 多要素認証\n",
        Meant::Refused(&[95]),
    ),
    (
        "bracket-first",
        "  sec-roles:\n    status: done\n    explanation: [PDF] 方針を定めています。\n",
        Meant::Refused(&[95]),
    ),
    (
        "japanese-bracket-first",
        "  sec-roles:\n    status: done\n    explanation: 「体制図」のとおりです。\n",
        Meant::Reads(r#"{"explanation": "「体制図」のとおりです。"}"#),
    ),
    (
        "apostrophe-inside",
        "  sec-roles:\n    status: done\n    explanation: It's our policy.\n",
        Meant::Reads(r#"{"explanation": "It's our policy."}"#),
    ),
    (
        "half-width-katakana",
        "  sec-roles:\n    status: done\n    explanation: ｶﾞｲﾄﾞﾗｲﾝに沿っています。\n",
        Meant::Reads(r#"{"explanation": "ｶﾞｲﾄﾞﾗｲﾝに沿っています。"}"#),
    ),
    (
        "full-width-colon-after-key",
        "  sec-roles:\n    status： done\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[94]),
    ),
    (
        "full-width-space-after-colon",
        "  sec-roles:\n    status:\u{3000}done\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[94]),
    ),
    (
        "tab-indentation",
        "  sec-roles:\n\tstatus: done\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[94]),
    ),
    (
        "block-text-not-indented",
        "  sec-roles:\n    status: done\n    explanation: |\n    体制を定めています。\n",
        Meant::Refused(&[96]),
    ),
    (
        "status-in-japanese",
        "  sec-roles:\n    status: 対応済\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[94]),
    ),
    (
        "status-as-a-mark",
        "  sec-roles:\n    status: ○\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[94]),
    ),
    (
        "status-partly-done",
        "  sec-roles:\n    status: 対応済（一部）\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[94]),
    ),
    (
        "target-in-reiwa",
        "  sec-roles:\n    status: planned\n    target: 令和9年3月31日\n",
        Meant::Refused(&[95]),
    ),
    (
        "target-in-full-width-digits",
        "  sec-roles:\n    status: planned\n    target: ２０２７-０３-３１\n",
        Meant::Refused(&[95]),
    ),
    (
        "id-in-upper-case",
        "  SEC-ROLES:\n    status: done\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[93]),
    ),
    (
        "id-with-full-width-hyphen",
        "  sec－roles:\n    status: done\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[93]),
    ),
    (
        "item-number-for-id",
        "  2.1(2)-2:\n    status: done\n    explanation: 体制を定めています。\n",
        Meant::Refused(&[93]),
    ),
    (
        "explanation-dedented",
        "  sec-roles:\n    status: done\n  explanation: 体制を定めています。\n",
        Meant::Refused(&[96]),
    ),
];

#[test]
fn every_yaml_variant_is_read_as_meant_or_named_in_japanese() {
    assert!(YAML_VARIANTS.len() >= 30);
    let dir = copy_of(&root().join("examples/sample-phr"));
    let file = dir.path().join("answers/karada-note.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    assert_eq!(lines[REPLACED.start], "  sec-roles:\n");
    assert!(
        lines[REPLACED.end].trim().is_empty() || lines[REPLACED.end].starts_with("    evidence:")
    );
    let base = exported(dir.path(), "karada-note");
    let mut wrong = Vec::new();
    for (name, typed, meant) in YAML_VARIANTS {
        let variant = [
            lines[..REPLACED.start].concat(),
            (*typed).to_owned(),
            lines[REPLACED.end..].concat(),
        ]
        .concat();
        std::fs::write(&file, variant).unwrap();
        let (code, json) = check(dir.path());
        let expected = match meant {
            Meant::Reads(changes) => {
                let changes: serde_json::Map<String, Value> =
                    serde_json::from_str::<serde_json::Map<String, Value>>(changes)
                        .unwrap()
                        .into_iter()
                        .map(|(key, value)| (format!("answers/sec-roles/{key}"), value))
                        .collect();
                serde_json::json!({"reads": changes, "says": []})
            }
            Meant::Warned(lines) => serde_json::json!({
                "reads": "warned",
                "says": lines.iter().map(|l| format!(":{l}")).collect::<Vec<_>>()
            }),
            Meant::Refused(lines) => serde_json::json!({
                "reads": null,
                "says": lines.iter().map(|l| format!(":{l}")).collect::<Vec<_>>()
            }),
        };
        let read = (code != 2).then(|| exported(dir.path(), "karada-note"));
        // The base keeps sec-roles' evidence; a variant's text replaces its other fields.
        let base = match meant {
            Meant::Reads(_) => {
                let mut base = base.clone();
                let answer = &mut base["answers"]["sec-roles"];
                let evidence = answer["evidence"].clone();
                let status = if typed.contains("status: planned") {
                    "planned"
                } else {
                    "done"
                };
                *answer = serde_json::json!({"status": status, "evidence": evidence});
                base
            }
            _ => base.clone(),
        };
        wrong.extend(judge(name, &expected, code, &json, read.as_ref(), &base));
        if let Meant::Warned(_) = meant
            && code == 2
        {
            wrong.push(format!("{name}: refused"));
        }
    }
    std::fs::write(&file, text).unwrap();
    assert!(
        wrong.is_empty(),
        "{} of {} variants:\n{}",
        wrong.len(),
        YAML_VARIANTS.len(),
        wrong.join("\n")
    );
}

/// A page shows a workbook's line breaks, ・ list and merged text as typed, in Chromium at
/// both widths and in the printed PDF. The rows' screenshots and the PDF are saved under
/// `target/browser/typed/` to look at.
#[test]
fn lines_and_merged_text_are_shown_and_printed_as_typed() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let ready = Path::new(&chromium).exists()
        && root()
            .join("tests/browser/node_modules/playwright-core")
            .exists()
        && has("python3", &["-c", "import openpyxl"])
        && has("pdftotext", &["-v"]);
    assert!(
        ready || std::env::var_os("CI").is_none(),
        "CI needs Chromium, node packages, openpyxl and pdftotext"
    );
    if !ready {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    let answers = dir.path().join("answers/sukoyaka-pocket.xlsx");
    let script = r#"
import openpyxl, sys
book = openpyxl.load_workbook(sys.argv[1])
sheet = book["チェックシート"]
rows = {sheet.cell(row=r, column=2).value: r for r in range(13, sheet.max_row + 1)}
a, b = rows["sec-roles"], rows["sec-asset-class"]
assert b == a + 1
sheet[f"G{a}"] = "次の措置を講じています。\n・多要素認証\n・通信の暗号化"
sheet[f"G{b}"] = None
sheet.merge_cells(f"G{a}:G{b}")
book.save(sys.argv[1])
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let site = dir.path().join("site");
    let (code, stdout, stderr) = run(&mut checksheet(
        dir.path(),
        &["build", "--out", site.to_str().unwrap()],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let out = root().join("target/browser/typed");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let output = Command::new("node")
        .arg(root().join("tests/browser/typed-lines.mjs"))
        .arg(site.join("sukoyaka-pocket/index.html"))
        .arg(&out)
        .args(["sec-roles", "sec-asset-class"])
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    let typed = "次の措置を講じています。\n・多要素認証\n・通信の暗号化";
    for id in ["sec-roles", "sec-asset-class"] {
        for width in [375, 1280] {
            assert_eq!(
                shown[format!("{id}@{width}")].as_str().unwrap().trim(),
                typed,
                "{id} at {width} px"
            );
        }
    }
    // In print, each typed line starts a line of its own, with no space put between two
    // Japanese sentences.
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(out.join("page.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for line in ["次の措置を講じています。", "・多要素認証", "・通信の暗号化"]
    {
        let starts = text
            .lines()
            .filter(|l| l.split("  ").any(|column| column.trim() == line))
            .count();
        assert!(
            starts >= 2,
            "{line} printed on a line of its own {starts} times:\n{text}"
        );
    }
    assert!(!text.contains("います。 ・"), "{text}");
}
