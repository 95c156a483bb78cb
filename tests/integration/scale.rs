//! Generated assessments of many services (`bench/generate.py`): the output is what it was
//! before the build learned to stream, a rebuild leaves unchanged files alone, and a build
//! killed at any moment leaves the previous site whole.

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

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_the_previous_site_whole() {
    let Some(dir) = generated(12) else { return };
    let assessment = dir.path().join("assessment");
    let site = dir.path().join("site");
    build(&assessment, &site);
    let started = std::time::Instant::now();
    build(&assessment, &site);
    let whole = started.elapsed();
    for run_number in 0..10u32 {
        // Moments spread over the whole build, from its first instant to past its end.
        let moment = whole * run_number / 9;
        let mut child = checksheet(&assessment, &["build", "--out", site.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(moment);
        let _ = child.kill();
        let _ = child.wait();
        let (code, stdout, stderr) = run(&mut checksheet(
            &root(),
            &["verify", site.to_str().unwrap()],
        ));
        assert_eq!(code, 0, "killed after {moment:?}: {stdout}{stderr}");
    }
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
