//! Generated assessments of many services (`bench/generate.py`): the output is what it was
//! before the build learned to stream, and a rebuild leaves unchanged files alone and makes
//! what a fresh build makes (a build killed at any moment: `faults.rs`).

use std::path::Path;

use crate::{checksheet, root, run};

/// Generates an assessment of `services` services with 5 commits and two publications.
fn generated(services: usize) -> Option<tempfile::TempDir> {
    let here = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok();
    assert!(here || std::env::var_os("CI").is_none(), "CI needs python3");
    if !here {
        eprintln!("skipped: python3 is not installed");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("python3")
        .arg(root().join("bench/generate.py"))
        .arg(services.to_string())
        .arg(dir.path().join("assessment"))
        .args(["--commits", "5", "--publish"])
        .status()
        .unwrap();
    assert!(status.success());
    Some(dir)
}

fn build(assessment: &Path, site: &Path) {
    let (code, _, stderr) = run(&mut checksheet(
        assessment,
        &["build", "--out", site.to_str().unwrap()],
    ));
    assert_eq!(code, 0, "{stderr}");
}

fn outputs(site: &Path) -> serde_json::Value {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("manifest.json")).unwrap()).unwrap();
    manifest["outputs"].clone()
}

/// The outputs of a generated assessment of 100 services were recorded (by SHA-256) from a
/// build made before `build` streamed its files; they must not change. After a deliberate
/// change to the pages, record them again:
/// `python3 bench/generate.py 100 /tmp/g --commits 5 --publish && (cd /tmp/g && checksheet
/// build --out /tmp/g-site)` and copy the manifest's `outputs` to
/// `tests/fixtures/bench-100-outputs.json`.
#[test]
fn a_hundred_services_build_as_they_did_before() {
    let Some(dir) = generated(100) else { return };
    let site = dir.path().join("site");
    build(&dir.path().join("assessment"), &site);
    let kept: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/fixtures/bench-100-outputs.json")).unwrap(),
    )
    .unwrap();
    let now = outputs(&site);
    let differ: Vec<&String> = kept
        .as_object()
        .unwrap()
        .keys()
        .chain(now.as_object().unwrap().keys())
        .filter(|name| kept.get(name.as_str()) != now.get(name.as_str()))
        .collect();
    assert!(differ.is_empty(), "{} differ: {differ:?}", differ.len());
}

#[cfg(unix)]
fn identity(path: &Path) -> (u64, i64) {
    use std::os::unix::fs::MetadataExt as _;
    let metadata = std::fs::metadata(path).unwrap();
    (
        metadata.ino(),
        metadata.mtime_nsec() + metadata.mtime() * 1_000_000_000,
    )
}

#[cfg(unix)]
#[test]
fn a_rebuild_leaves_every_unchanged_output_untouched() {
    let Some(dir) = generated(6) else { return };
    let assessment = dir.path().join("assessment");
    let site = dir.path().join("site");
    build(&assessment, &site);
    let unchanged = site.join("service-00001/index.html");
    let changed = site.join("service-00002/index.html");
    let before = (identity(&unchanged), identity(&changed));
    let answers = assessment.join("answers/service-00002.yaml");
    let text = std::fs::read_to_string(&answers).unwrap();
    std::fs::write(
        &answers,
        text.replacen("status: done", "status: partial", 1),
    )
    .unwrap();
    build(&assessment, &site);
    assert_eq!(
        identity(&unchanged),
        before.0,
        "an unchanged page was rewritten"
    );
    assert_ne!(
        identity(&changed),
        before.1,
        "a changed page was not rewritten"
    );
    // A page edited by hand since the last build is written anew, not linked.
    std::fs::write(&unchanged, "edited").unwrap();
    let (code, _, _) = run(&mut checksheet(
        &root(),
        &["verify", site.to_str().unwrap()],
    ));
    assert_eq!(code, 1);
    build(&assessment, &site);
    let (code, stdout, _) = run(&mut checksheet(
        &root(),
        &["verify", site.to_str().unwrap()],
    ));
    assert_eq!(code, 0, "{stdout}");
}

/// A build into a folder that a build wrote before (taking unchanged pages and the whole
/// history part again) makes what a build into a new folder makes, whatever changed in
/// between: answers, a template, the settings, a publication added or moved, a file of the
/// site edited by hand, the build's memory damaged.
#[test]
fn a_rebuild_makes_what_a_fresh_build_makes() {
    let Some(dir) = generated(6) else { return };
    let assessment = dir.path().join("assessment");
    let site = dir.path().join("site");
    build(&assessment, &site);
    let fresh = std::cell::Cell::new(0);
    let same = |step: &str| {
        build(&assessment, &site);
        fresh.set(fresh.get() + 1);
        let new = dir.path().join(format!("fresh-{}", fresh.get()));
        build(&assessment, &new);
        let (rebuilt, made) = (crate::build::files(&site), crate::build::files(&new));
        let differ: std::collections::BTreeSet<&String> = rebuilt
            .keys()
            .chain(made.keys())
            .filter(|name| rebuilt.get(*name) != made.get(*name))
            .collect();
        assert!(
            differ.is_empty(),
            "after {step}, {} files differ, first {:?}",
            differ.len(),
            differ.iter().take(5).collect::<Vec<_>>()
        );
    };
    let edit = |path: &str, from: &str, to: &str| {
        let path = assessment.join(path);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from} is not in {}", path.display());
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    let memory = assessment.join(".git/checksheet/built");
    assert!(
        memory.read_dir().unwrap().count() == 1,
        "the build remembers nothing"
    );

    edit(
        "answers/service-00002.yaml",
        "status: done",
        "status: partial",
    );
    same("an answers file changed");
    let template = std::fs::read_to_string(root().join("templates/service.html")).unwrap();
    std::fs::create_dir_all(assessment.join("templates")).unwrap();
    std::fs::write(
        assessment.join("templates/service.html"),
        template.replacen(
            "<p class=\"breadcrumb\">",
            "<p>独自のテンプレート</p><p class=\"breadcrumb\">",
            1,
        ),
    )
    .unwrap();
    same("a template added");
    edit(
        "checksheet.yaml",
        "name-en: Service 00001",
        "name-en: Service One",
    );
    same("the settings changed");
    let archived = site.join("history/checksheet-2026-01-01/service-00003/index.html");
    std::fs::write(&archived, "edited by hand").unwrap();
    same("an archived page edited");
    crate::git(&assessment, &["add", "-A"]);
    crate::git(&assessment, &["commit", "-q", "-m", "テンプレート"]);
    crate::git(
        &assessment,
        &["tag", "-a", "checksheet/2026-10-01", "-m", "公開"],
    );
    same("a publication added");
    crate::git(
        &assessment,
        &[
            "tag",
            "-f",
            "-a",
            "checksheet/2026-01-01",
            "-m",
            "公開",
            "HEAD~1",
        ],
    );
    same("a publication moved");
    for entry in memory.read_dir().unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read(&path).unwrap();
        std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    }
    edit(
        "answers/service-00004.yaml",
        "status: done",
        "status: partial",
    );
    same("the memory damaged");
}

/// `bench/run.sh --smoke`: the benchmark, at a small size and once, on this build.
#[test]
fn the_benchmark_runs_at_a_smoke_size() {
    let here = std::process::Command::new("hyperfine")
        .arg("--version")
        .output()
        .is_ok()
        && Path::new("/usr/bin/time").exists();
    assert!(
        here || std::env::var_os("CI").is_none(),
        "CI needs hyperfine and GNU time"
    );
    if !here {
        eprintln!("skipped: hyperfine or GNU time is not installed");
        return;
    }
    let output = std::process::Command::new("bash")
        .arg(root().join("bench/run.sh"))
        .arg("--smoke")
        .env("CHECKSHEET", insta_cmd::get_cargo_bin("checksheet"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for row in [
        "| 20 | build (clean) |",
        "| 20 | build (one answers file changed) |",
        "| 20 | diff HEAD~1 HEAD |",
        "| 20 | log |",
        "| 20 | build, peak memory |",
        "`check` of the sample",
    ] {
        assert!(stdout.contains(row), "{row} is missing:\n{stdout}");
    }
}
