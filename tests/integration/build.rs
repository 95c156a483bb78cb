//! `build`: the published site: its pages, data files, determinism, sanitizing, leaks,
//! template overrides and atomic replacement.

use std::collections::BTreeMap;
use std::path::Path;

use insta_cmd::assert_cmd_snapshot;

use crate::{checksheet, fixtures, root, run};

/// Every file under `dir`, by path with `/`, with its bytes.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                found.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// Builds `assessment` into a new temporary folder and returns it.
fn build(assessment: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let (code, stdout, stderr) = run(&mut checksheet(
        assessment,
        &["build", "--out", site.to_str().unwrap()],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    out
}

fn sample() -> std::path::PathBuf {
    root().join("examples/sample-phr")
}

/// The `<main>` element of a page.
fn main_of(html: &[u8]) -> String {
    let html = std::str::from_utf8(html).unwrap();
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    html[start..end].to_owned()
}

#[test]
fn the_sample_site_has_these_files() {
    let out = build(&sample());
    let names: Vec<String> = files(&out.path().join("site")).into_keys().collect();
    insta::assert_yaml_snapshot!(names);
}

#[test]
fn the_main_of_every_sample_page() {
    let out = build(&sample());
    for (name, bytes) in files(&out.path().join("site")) {
        if name.ends_with(".html") {
            insta::assert_snapshot!(name.replace('/', "__"), main_of(&bytes));
        }
    }
}

#[test]
fn the_sample_data_files() {
    let out = build(&sample());
    let site = files(&out.path().join("site"));
    let csv = &site["genki-log/checksheet.csv"];
    assert!(
        csv.starts_with("\u{feff}".as_bytes()),
        "the CSV starts with a BOM"
    );
    insta::assert_snapshot!(String::from_utf8_lossy(&site["genki-log/checksheet.json"]));
    insta::assert_snapshot!(String::from_utf8_lossy(csv));
    insta::assert_snapshot!(String::from_utf8_lossy(&site["manifest.json"]));
}

#[test]
fn two_builds_to_different_places_are_byte_identical() {
    let first = build(&sample());
    let second = build(&sample());
    assert_eq!(
        files(&first.path().join("site")),
        files(&second.path().join("site"))
    );
}

#[test]
fn the_committed_site_is_the_sample_with_its_publication_history() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let output = std::process::Command::new("bash")
        .arg(root().join("examples/make-history.sh"))
        .arg(&site)
        .env("CHECKSHEET", env!("CARGO_BIN_EXE_checksheet"))
        .env("CHECKSHEET_LANG", "ja")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let fresh = files(&site);
    let committed = files(&root().join("site"));
    let fix =
        "run `examples/make-history.sh` (it builds the sample with three publications into site/)";
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "site/ is out of date: {fix}"
    );
    for (name, bytes) in &fresh {
        assert!(
            committed[name] == *bytes,
            "site/{name} is out of date: {fix}"
        );
    }
    // Every publication's sheets are archived as published, and linked from the history.
    let history = String::from_utf8(fresh["history/index.html"].clone()).unwrap();
    for date in ["2025-10-01", "2026-04-01", "2026-10-01"] {
        assert!(
            fresh.contains_key(&format!("history/checksheet-{date}/genki-log/index.html")),
            "{date}"
        );
        assert!(history.contains(&format!(
            "<a href=\"checksheet-{date}/genki-log/index.html\">げんきログ</a>"
        )));
    }
    assert!(
        !history.contains(">checksheet/2025-10-01<"),
        "tag names are not link texts"
    );
    let archived =
        String::from_utf8(fresh["history/checksheet-2025-10-01/genki-log/index.html"].clone())
            .unwrap();
    assert!(archived.contains("このページは <time datetime=\"2025-10-20\">2025-10-20</time> に公表したチェックシートを、そのまま残したものです。"));
    assert!(
        archived.contains("<a href=\"../../../genki-log/index.html\">現在のチェックシート</a>")
    );
    assert!(archived.contains("<time datetime=\"2025-10-01\">2025-10-01</time>"));
    assert!(
        archived
            .contains("href=\"../../../history/checksheet-2025-10-01/genki-log/checksheet.json\"")
    );
    // The current sheet links to its previous publication.
    let current = String::from_utf8(fresh["genki-log/index.html"].clone()).unwrap();
    assert!(current.contains("<a href=\"../history/checksheet-2026-10-01/genki-log/index.html\">"));
    // An archived sheet of a service published later has no current link problem; a
    // service added later has no archive before it.
    assert!(!fresh.contains_key("history/checksheet-2025-10-01/sukoyaka-pocket/index.html"));
}

/// A build reads the settings before the answers (its history part needs no more), yet
/// reports every problem in every file at once, as `check` does.
#[test]
fn a_build_reports_the_problems_of_settings_and_answers_together() {
    let dir = crate::copy_of(&sample());
    let edit = |name: &str, from: &str, to: &str| {
        let path = dir.path().join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit(
        "checksheet.yaml",
        "languages: [ja, en]",
        "languages: [ja, fr]",
    );
    edit("answers/karada-note.yaml", "status: done", "status: donee");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let (code, _, stderr) = run(&mut checksheet(
        dir.path(),
        &["build", "--out", site.to_str().unwrap()],
    ));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("checksheet.yaml:"), "{stderr}");
    assert!(stderr.contains("answers/karada-note.yaml:"), "{stderr}");
    assert!(!site.exists());
}

#[test]
fn the_context_templates_see() {
    assert_cmd_snapshot!(checksheet(
        &fixtures().join("build"),
        &["build", "override", "--context"]
    ));
}

#[test]
fn gaps_and_unanswered_items_build() {
    let out = build(&fixtures().join("check/mini"));
    let site = files(&out.path().join("site"));
    let page = String::from_utf8_lossy(&site["statuses/index.html"]).into_owned();
    assert!(page.contains("未回答"), "the unanswered item is shown");
}

/// Whether a page holds anything that could run: script elements, event handlers, other
/// active elements, or links with a scheme other than http(s) and mailto.
fn active_content(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    for element in [
        "<script",
        "<iframe",
        "<svg",
        "<img",
        "<object",
        "<embed",
        "<style",
        "<form",
        "<base",
        "<math",
        "<input",
        "<link rel=stylesheet href=https",
    ] {
        if lower.contains(element) {
            found.push(element.to_owned());
        }
    }
    let mut rest = lower.as_str();
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        let tag = &rest[start..end];
        // Attribute values are quoted; look at the tag with them removed.
        let unquoted: String = tag.split('"').step_by(2).collect();
        for word in unquoted.split_whitespace().skip(1) {
            if word.starts_with("on") && word.contains('=') {
                found.push(tag.to_owned());
            }
        }
        for attribute in ["href=\"", "src=\"", "action=\""] {
            if let Some(at) = tag.find(attribute) {
                let value = &tag[at + attribute.len()..];
                let value = value.split('"').next().unwrap_or_default();
                let safe = value.starts_with("https://")
                    || value.starts_with("http://")
                    || value.starts_with("mailto:")
                    || value.starts_with('#')
                    || !value.contains(':');
                if !safe {
                    found.push(tag.to_owned());
                }
            }
        }
        rest = &rest[end.min(rest.len())..];
        if rest.is_empty() {
            break;
        }
        rest = &rest[1..];
    }
    found
}

#[test]
fn no_script_payload_survives_into_any_page() {
    let out = build(&fixtures().join("build/payloads"));
    let site = files(&out.path().join("site"));
    for (name, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        if name.ends_with(".html") {
            let found = active_content(&text);
            // The page's own stylesheet link is the only <link>.
            assert!(found.is_empty(), "{name}: {found:?}");
        }
        if name.ends_with(".json") {
            let json: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            for requirement in json["requirements"].as_array().into_iter().flatten() {
                if let Some(html) = requirement["explanation-html"].as_str() {
                    assert!(active_content(html).is_empty(), "{name}: {html}");
                }
            }
        }
    }
    let page = String::from_utf8_lossy(&site["app/index.html"]).into_owned();
    assert!(
        page.contains("href=\"https://example.jp/ok\""),
        "safe links stay"
    );
}

#[test]
fn the_active_content_check_catches_payloads() {
    for payload in [
        "<script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<p onclick=\"x\">",
        "<img src=x>",
    ] {
        assert!(!active_content(payload).is_empty(), "{payload}");
    }
    assert!(active_content("<a href=\"https://example.jp/\">x</a>").is_empty());
}

#[test]
fn nothing_internal_reaches_any_output_file() {
    let assessment = fixtures().join("build/leaks");
    let out = build(&assessment);
    let lock = std::fs::read_to_string(assessment.join("checksheet.lock")).unwrap();
    let hash = lock
        .lines()
        .find_map(|line| line.trim().strip_prefix("sha256: "))
        .unwrap()
        .to_owned();
    for (name, bytes) in files(&out.path().join("site")) {
        let text = String::from_utf8_lossy(&bytes);
        for canary in [
            "CANARY",
            "canary-file-name",
            "evidence/",
            "社内メモ",
            hash.as_str(),
        ] {
            assert!(!text.contains(canary), "{name} contains {canary}");
        }
    }
}

#[test]
fn a_template_in_the_assessment_replaces_the_built_in_one() {
    let out = build(&fixtures().join("build/override"));
    let site = files(&out.path().join("site"));
    let index = String::from_utf8_lossy(&site["index.html"]).into_owned();
    assert!(index.contains("OVERRIDDEN-INDEX"), "{index}");
    let sheet = String::from_utf8_lossy(&site["app/index.html"]).into_owned();
    assert!(
        sheet.contains("class=\"sheet\""),
        "the other templates stay built in"
    );
}

#[test]
fn a_failing_build_leaves_the_previous_site_untouched() {
    let assessment = crate::copy_of(&fixtures().join("build/override"));
    let (code, _, stderr) = run(&mut checksheet(assessment.path(), &["build"]));
    assert_eq!(code, 0, "{stderr}");
    let before = files(&assessment.path().join("site"));

    std::fs::write(
        assessment.path().join("templates/index.html"),
        "{% extends \"base.html\" %}{% block main %}{% for x in %}{% endblock main %}",
    )
    .unwrap();
    let (code, _, stderr) = run(&mut checksheet(assessment.path(), &["build"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("[template]"), "{stderr}");
    assert_eq!(files(&assessment.path().join("site")), before);
}

#[test]
fn a_folder_that_is_not_a_site_is_never_replaced() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("important.txt"), "keep me").unwrap();
    let (code, _, stderr) = run(&mut checksheet(
        &fixtures().join("check/mini"),
        &["build", "--out", out.path().to_str().unwrap()],
    ));
    assert_eq!(code, 2);
    assert!(stderr.contains("[not-a-site]"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.path().join("important.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn a_folder_with_another_tools_manifest_is_never_replaced() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("manifest.json"), "{\"name\": \"web app\"}").unwrap();
    std::fs::write(out.path().join("main.js"), "app").unwrap();
    let (code, _, stderr) = run(&mut checksheet(
        &fixtures().join("check/mini"),
        &["build", "--out", out.path().to_str().unwrap()],
    ));
    assert_eq!(code, 2);
    assert!(stderr.contains("[not-a-site]"), "{stderr}");
    assert!(out.path().join("main.js").exists());
}

#[test]
fn a_previous_build_with_a_stranger_file_is_never_replaced() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let mini = fixtures().join("check/mini");
    let build = |dir: &Path| {
        run(&mut checksheet(
            &mini,
            &["build", "--out", dir.to_str().unwrap()],
        ))
    };
    assert_eq!(build(&site).0, 0);
    std::fs::write(site.join("CNAME"), "checksheet.example.jp").unwrap();
    let (code, _, stderr) = build(&site);
    assert_eq!(code, 2, "{stderr}");
    assert!(site.join("CNAME").exists());
}

#[test]
fn desktop_litter_in_a_previous_site_does_not_block_a_rebuild() {
    let out = build(&sample());
    let site = out.path().join("site");
    for litter in [
        ".DS_Store",
        "Thumbs.db",
        "desktop.ini",
        "._index.html",
        "genki-log/.DS_Store",
    ] {
        std::fs::write(site.join(litter), "litter").unwrap();
    }
    let (code, stdout, stderr) = run(&mut checksheet(
        &sample(),
        &["build", "--out", site.to_str().unwrap()],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
}

#[test]
fn a_stranger_file_in_a_previous_site_is_named() {
    let out = build(&sample());
    let site = out.path().join("site");
    std::fs::write(site.join("genki-log/notes.txt"), "mine").unwrap();
    let (code, _, stderr) = run(&mut checksheet(
        &sample(),
        &["build", "--out", site.to_str().unwrap()],
    ));
    assert_eq!(code, 2);
    assert!(stderr.contains("genki-log/notes.txt"), "{stderr}");
    assert!(
        site.join("genki-log/notes.txt").exists(),
        "nothing is deleted"
    );
}

#[test]
fn the_page_names_the_edition_assessed_and_its_revisions_but_not_our_encoding() {
    let out = build(&sample());
    let site = files(&out.path().join("site"));
    let page = String::from_utf8(site["genki-log/index.html"].clone()).unwrap();
    assert!(
        page.contains("2021年4月版（2022年4月・2025年4月に改定あり）に基づく自己点検"),
        "the Japanese header names the edition and the revisions"
    );
    assert!(
        page.contains(
            "<a href=\"https://www.soumu.go.jp/menu_news/s-news/01ryutsu18_02000001_00012.html\">"
        ),
        "the title links to the official page"
    );
    let english = String::from_utf8(site["en/genki-log/index.html"].clone()).unwrap();
    assert!(
        english.contains(
            "Self-check against the April 2021 edition (revised since: April 2022, April 2025)"
        ),
        "{}",
        main_of(english.as_bytes())
    );
    for (name, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("\"basis\""),
            "{name} publishes our encoding's basis"
        );
        assert!(
            !text.contains("basis rec"),
            "{name} publishes our encoding's basis"
        );
    }
    let json: serde_json::Value =
        serde_json::from_slice(&site["genki-log/checksheet.json"]).unwrap();
    assert_eq!(json["checklist"]["edition"], "2021-04");
    assert_eq!(json["checklist"]["superseded-by"], "2022-04");
    let editions: Vec<&str> = json["checklist"]["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["edition"].as_str().unwrap())
        .collect();
    assert_eq!(editions, ["2021-04", "2022-04", "2025-04"]);
    let csv = String::from_utf8(site["genki-log/checksheet.csv"].clone()).unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",edition,later_editions"));
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",phr-basic-guideline@2021-04,2022-04 2025-04")
    );
}

/// The evidence cell of the row `id` on a page.
fn evidence_cell(page: &str, id: &str) -> String {
    let row = &page[page.find(&format!("<tr id=\"{id}\"")).expect("the row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    let cell = &row[row
        .find("<td class=\"evidence\"")
        .expect("an evidence cell")..];
    cell[..cell.find("</td>").unwrap()].to_owned()
}

#[test]
fn every_item_is_citable_and_says_what_backs_it() {
    let out = build(&sample());
    let site = files(&out.path().join("site"));
    let page = String::from_utf8(site["genki-log/index.html"].clone()).unwrap();
    // Numbered from the checklist, unique, and a link to the row's own anchor.
    assert!(page.contains("<tr id=\"sec-training\""));
    assert!(page.contains("<a href=\"#sec-training\" class=\"number\">2.1(2)-5</a>"));
    let numbers: Vec<&str> = page
        .split("\" class=\"number\">")
        .skip(1)
        .filter(|rest| rest[rest.find('<').unwrap()..].starts_with("</a>"))
        .map(|rest| &rest[..rest.find('<').unwrap()])
        .collect();
    let unique: std::collections::BTreeSet<&&str> = numbers.iter().collect();
    assert_eq!(numbers.len(), 35);
    assert_eq!(unique.len(), numbers.len(), "{numbers:?}");
    // Backed only by internal documents: said so, with the count.
    let staff = evidence_cell(&page, "sec-staff");
    assert!(
        staff.contains("社内文書で確認（非公開） <span class=\"count\">2件</span>"),
        "{staff}"
    );
    assert!(!staff.contains('—'), "{staff}");
    // Public and internal evidence: both.
    let safeguards = evidence_cell(&page, "sec-safeguards");
    assert!(safeguards.contains("<ul") && safeguards.contains("社内文書で確認（非公開）"));
    // An answer with no evidence at all says so.
    assert!(evidence_cell(&page, "io-import").contains("根拠の記載なし"));
    // Not applicable: nothing to back.
    assert!(evidence_cell(&page, "io-shutdown").ends_with(">—"));
    let english = String::from_utf8(site["en/genki-log/index.html"].clone()).unwrap();
    assert!(evidence_cell(&english, "sec-staff").contains(
        "Checked against internal documents (not public): <span class=\"count\">2</span>"
    ));
    // The data files and the workbook number the items the same way.
    let json: serde_json::Value =
        serde_json::from_slice(&site["genki-log/checksheet.json"]).unwrap();
    let training = json["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "sec-training")
        .unwrap();
    assert_eq!(training["no"], "2.1(2)-5");
    let csv = String::from_utf8(site["genki-log/checksheet.csv"].clone()).unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("2.1(2)-5,2,2.1(2),sec-training,"))
    );
}

#[test]
fn the_summary_and_each_row_say_in_words_what_is_unmet_and_why_it_applies() {
    let out = build(&sample());
    let site = files(&out.path().join("site"));
    let page = String::from_utf8(site["genki-log/index.html"].clone()).unwrap();
    let headline = &page[page.find("<p class=\"headline\">").unwrap()..];
    let headline = &headline[..headline.find("</p>").unwrap()];
    assert!(
        headline.contains(
            "義務のうち未達: 一部対応 <strong>3</strong>・対応予定 <strong>1</strong>・未対応 <strong>1</strong>"
        ),
        "{headline}"
    );
    assert!(!page.contains("未対応の義務"));
    assert!(page.contains(
        "個人データの取扱いを外部に委託しているため法令上の義務（<a href=\"#fact-outsources-handling\">前提条件 4</a>）"
    ));
    assert!(page.contains("他のPHR事業者と健診等情報を連携していないため対象外（"));
    let english = String::from_utf8(site["en/genki-log/index.html"].clone()).unwrap();
    assert!(english.contains(
        "Best effort because the service does not use the Mynaportal API (<a href=\"#fact-uses-mynaportal-api\">Fact 1</a>)"
    ));
    let complete = String::from_utf8(site["karada-note/index.html"].clone()).unwrap();
    assert!(complete.contains("義務のうち未達: <strong>なし</strong>"));
}

#[test]
fn the_page_shows_who_reviewed_and_approved_the_self_check_and_when() {
    let out = build(&sample());
    let site = files(&out.path().join("site"));
    let page = String::from_utf8(site["genki-log/index.html"].clone()).unwrap();
    let block = &page[page
        .find("<table class=\"sign-off\">")
        .expect("a sign-off block")..];
    let block = &block[..block.find("</table>").unwrap()];
    for text in [
        "<caption>点検と承認</caption>",
        "げんきログ事業責任者 佐藤健一",
        "<span class=\"approver-title\">代表取締役社長</span> 鈴木一郎",
        "<time datetime=\"2026-10-15\">2026-10-15</time>",
        "<time datetime=\"2027-04-01\">2027-04-01</time>",
    ] {
        assert!(block.contains(text), "{text} not in {block}");
    }
    // Above the summary, so that it prints on the first page.
    assert!(page.find("sign-off").unwrap() < page.find("id=\"summary\"").unwrap());
    let json: serde_json::Value =
        serde_json::from_slice(&site["genki-log/checksheet.json"]).unwrap();
    assert_eq!(json["approved-by"]["name"], "鈴木一郎");
    assert_eq!(json["next-review"], "2027-04-01");
    // Without an approval the block says so, in red, rather than leaving a blank.
    let unapproved = build(&root().join("examples/new-edition"));
    let page = std::fs::read_to_string(unapproved.path().join("site/app/index.html")).unwrap();
    assert!(
        page.contains("<td colspan=\"2\" class=\"not-approved\" data-label=\"承認者\">未承認</td>"),
        "{}",
        main_of(page.as_bytes())
    );
    assert!(page.contains(">未定</td>"));
}

#[test]
fn the_companys_logo_and_accent_colour_are_published_and_checked() {
    let out = build(&sample());
    let site = files(&out.path().join("site"));
    assert_eq!(
        site["logo.png"],
        std::fs::read(sample().join("logo.png")).unwrap()
    );
    let page = String::from_utf8(site["genki-log/index.html"].clone()).unwrap();
    assert!(page.contains(
        "<a href=\"https://example.jp/\"><img class=\"logo\" src=\"../logo.png\" alt=\"\" height=\"40\"> サンプルヘルス株式会社</a>"
    ));
    let style = String::from_utf8(site["style.css"].clone()).unwrap();
    assert!(style.contains("--accent: #1f6f43;"));
    let manifest = String::from_utf8(site["manifest.json"].clone()).unwrap();
    assert!(manifest.contains("\"logo.png\""), "{manifest}");

    // What an officer might name instead: each refused at its line, with what to do.
    let dir = crate::copy_of(&sample());
    let settings = dir.path().join("checksheet.yaml");
    let original = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        dir.path().join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("big.png"),
        [b"\x89PNG\r\n\x1a\n".as_slice(), &vec![0; 300 * 1024]].concat(),
    )
    .unwrap();
    for (from, to, expected) in [
        (
            "logo: logo.png",
            "logo: logo.svg",
            "（SVG はスクリプトを含められるため公開しません）",
        ),
        (
            "logo: logo.png",
            "logo: big.png",
            "公開できるのは 262144 バイトまでです",
        ),
        (
            "logo: logo.png",
            "logo: ../logo.png",
            "点検フォルダの中のファイルを指すパスにしてください",
        ),
        (
            "logo: logo.png",
            "logo: rogo.png",
            "ロゴ `rogo.png` がありません",
        ),
        (
            "accent-color: \"#1f6f43\"",
            "accent-color: \"#ffcc00\"",
            "白地のリンクには明るすぎます（コントラスト比 1.5:1",
        ),
        (
            "accent-color: \"#1f6f43\"",
            "accent-color: \"＃1f6f43\"",
            "`#rrggbb` の形の色ではありません",
        ),
        (
            "accent-color: \"#1f6f43\"",
            "accent-color: #1f6f43",
            "YAML では `#` 以降がコメントとして読まれます",
        ),
    ] {
        std::fs::write(&settings, original.replace(from, to)).unwrap();
        let (code, _, stderr) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
        assert_eq!(code, 2, "{to}: {stderr}");
        assert!(stderr.contains(expected), "{to}: {stderr}");
        assert!(stderr.contains("checksheet.yaml:"), "{to}: {stderr}");
    }
}
