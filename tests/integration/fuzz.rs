//! The fuzz targets' corpus (`fuzz/corpus/<target>/`), replayed on the stable toolchain:
//! every input the fuzzers kept, and every one that once made checksheet fail (each a fixed
//! bug), runs again through the same entry point.

use crate::root;

/// Runs every input kept for `target` through `run`, naming the one that panics.
fn replay(target: &str, run: fn(&[u8])) {
    let folder = root().join("fuzz/corpus").join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{} holds no input", folder.display());
    for input in inputs {
        // A fuzzer running meanwhile may replace an input by a smaller one.
        let Ok(bytes) = std::fs::read(&input) else {
            continue;
        };
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} fails", input.display());
    }
}

#[test]
fn answers_files() {
    replay("answers", checksheet::fuzzing::answers);
}

#[test]
fn answers_workbooks() {
    replay("workbook", checksheet::fuzzing::workbook);
}

#[test]
fn answers_workbooks_by_structure() {
    replay("workbook_shaped", checksheet::fuzzing::workbook_shaped);
}

#[test]
fn settings() {
    replay("settings", checksheet::fuzzing::settings);
}

#[test]
fn locks() {
    replay("lock", checksheet::fuzzing::lock);
}

#[test]
fn checklists() {
    replay("checklist", checksheet::fuzzing::checklist);
}

#[test]
fn explanations_in_markdown() {
    replay("markdown", checksheet::fuzzing::markdown);
}

#[test]
fn git_trees() {
    replay("tree", checksheet::fuzzing::tree);
}

/// The check for active content finds what a browser would run, and nothing else.
#[test]
fn active_content_is_what_a_browser_would_run() {
    use checksheet::fuzzing::active_content;
    for html in [
        "<p>a</p><script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"javascript&#58;alert(1)\">x</a>",
        "<a href='java&#x09;script&colon;alert(1)'>x</a>",
        "<img src=data:image/svg+xml,x>",
        "<p onclick=\"alert(1)\">x</p>",
        "<p\nONMOUSEOVER=alert(1)>x</p>",
        "<svg><circle/></svg>",
        "<meta http-equiv=\"Refresh\" content=\"0;url=https://example.com/\">",
    ] {
        assert!(active_content(html).is_some(), "{html} passes");
    }
    for html in [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) onclick=x</p>",
        "<a href=\"https://example.jp/a:b\" title=\"on=1\">x</a>",
        "<a href=\"../karada-note/index.html#sec-staff\">x</a>",
        "<a href=\"mailto:privacy@example.jp\">x</a>",
        "<img src=\"logo.png\" alt=\"\"><!-- <script> -->",
        "<a href=\"x/y:z\">x</a>",
    ] {
        assert_eq!(active_content(html), None, "{html} is refused");
    }
}
