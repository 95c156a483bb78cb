//! Faults while writing: a build killed at random moments, two builds at once, a full disk,
//! a folder or file that may not be written; for `build`, `evidence lock` and `export`.
//! Each ends with a clear message and exit code 2, or a whole result, and never with a site,
//! lock or workbook half-written.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{checksheet, copy_of, root, run};

fn sample() -> PathBuf {
    root().join("examples/sample-phr")
}

/// `verify` of the site in `site`: every file as its manifest lists it.
fn whole(site: &Path) -> (i32, String) {
    let (code, stdout, stderr) = run(&mut checksheet(
        &root(),
        &["verify", site.to_str().unwrap()],
    ));
    (code, format!("{stdout}{stderr}"))
}

fn build(assessment: &Path, site: &Path) -> (i32, String, String) {
    run(&mut checksheet(
        assessment,
        &["build", "--out", site.to_str().unwrap()],
    ))
}

/// `export` of the service genki-log of `assessment` as a workbook into `target`.
fn export(assessment: &Path, target: &Path) -> (i32, String, String) {
    run(&mut checksheet(
        assessment,
        &[
            "export",
            "--service",
            "genki-log",
            "--format",
            "xlsx",
            "--out",
            target.to_str().unwrap(),
        ],
    ))
}

/// The entries of `folder` that a build may leave only while it runs.
fn leftovers(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".checksheet-"))
        .collect()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// A build of 300 services, killed at ten moments drawn at random over its length: the
/// previous site is whole every time, and the next build clears what the killed one left.
#[cfg(unix)]
#[test]
fn a_build_killed_at_random_moments_leaves_the_previous_site_whole() {
    let dir = tempfile::tempdir().unwrap();
    let assessment = dir.path().join("assessment");
    let status = Command::new("python3")
        .arg(root().join("bench/generate.py"))
        .args([
            "300",
            assessment.to_str().unwrap(),
            "--commits",
            "3",
            "--publish",
        ])
        .status();
    if status.is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI needs python3");
        eprintln!("skipped: python3 is not installed");
        return;
    }
    let site = dir.path().join("site");
    assert_eq!(build(&assessment, &site).0, 0);
    // Every page rendered and written each time: what a build remembers is forgotten.
    let forget = || {
        let _ = std::fs::remove_dir_all(assessment.join(".git/checksheet/built"));
    };
    forget();
    let started = std::time::Instant::now();
    assert_eq!(build(&assessment, &site).0, 0);
    let length = started.elapsed();
    // A fixed seed: the same moments on every run of the test.
    let mut seed: u64 = 0x2026_1125;
    for _ in 0..10 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // A fraction of the build's length, in 1024ths.
        let moment = length * u32::try_from(seed >> 54).unwrap() / 1024;
        forget();
        let mut child = checksheet(&assessment, &["build", "--out", site.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(moment);
        let _ = child.kill();
        let _ = child.wait();
        let (code, said) = whole(&site);
        assert_eq!(code, 0, "killed after {moment:?}: {said}");
    }
    assert_eq!(build(&assessment, &site).0, 0);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    let spare = assessment.join(".git/checksheet/spare");
    let staging: Vec<String> = leftovers(&spare);
    assert_eq!(staging, Vec::<String>::new(), "left in {}", spare.display());
}

/// Two builds of different assessments into the same folder at once: one waits for the
/// other, and the folder ends with one whole site, never a mixture.
#[test]
fn two_builds_at_once_leave_one_whole_site() {
    let first = copy_of(&sample());
    let second = copy_of(&sample());
    let settings = second.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("サンプルヘルス株式会社", "別のヘルス株式会社"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert_eq!(build(first.path(), &site).0, 0);
    for round in 0..3 {
        let spawn = |assessment: &Path| {
            checksheet(assessment, &["build", "--out", site.to_str().unwrap()])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(first.path()), spawn(second.path()));
        for child in [a, b] {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let (code, said) = whole(&site);
        assert_eq!(code, 0, "round {round}: {said}");
        let index = std::fs::read_to_string(site.join("index.html")).unwrap();
        let page = std::fs::read_to_string(site.join("genki-log/index.html")).unwrap();
        let of = |html: &str| html.contains("別のヘルス株式会社");
        assert_eq!(
            of(&index),
            of(&page),
            "round {round}: a mixture of two sites"
        );
        assert_eq!(leftovers(out.path()), Vec::<String>::new());
    }
}

/// A small file system mounted for the test, unmounted when dropped; `None` (the test is
/// skipped, saying why) where this user may not mount one.
struct Small {
    dir: tempfile::TempDir,
}

impl Small {
    fn mount(size: &str) -> Option<Small> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = is_root()
            && Command::new("mount")
                .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
                .arg(dir.path())
                .status()
                .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!(
                "skipped: a small file system (tmpfs) cannot be mounted here (not root, or no mount)"
            );
            return None;
        }
        Some(Small { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills what is left with a file.
    fn fill(&self) {
        use std::io::Write as _;
        let mut file = std::fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
    }
}

impl Drop for Small {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_stops_build_export_and_evidence_lock_with_nothing_half_written() {
    let Some(disk) = Small::mount("800k") else {
        return;
    };
    // A site fits; a second one, every page changed, does not.
    let assessment = copy_of(&sample());
    let site = disk.path().join("site");
    let (code, _, stderr) = build(assessment.path(), &site);
    assert_eq!(code, 0, "{stderr}");
    let settings = assessment.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("サンプルヘルス株式会社", "別のヘルス株式会社"),
    )
    .unwrap();
    let (code, _, stderr) = build(assessment.path(), &site);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert_eq!(whole(&site).0, 0, "the previous site is not whole");
    assert!(
        !std::fs::read_to_string(site.join("index.html"))
            .unwrap()
            .contains("別のヘルス")
    );
    assert_eq!(leftovers(disk.path()), Vec::<String>::new());

    // A workbook exported onto the full disk is not left half-written.
    disk.fill();
    let workbook = disk.path().join("genki-log.xlsx");
    let (code, _, stderr) = export(assessment.path(), &workbook);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(!workbook.exists());
    let names: Vec<String> = std::fs::read_dir(disk.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // The lock of an assessment on a full disk stays as it was.
    let on_disk = disk.path().join("assessment");
    std::fs::remove_file(disk.path().join("filler")).unwrap();
    std::fs::remove_dir_all(&site).unwrap();
    crate::copy_tree(&sample(), &on_disk);
    let lock = std::fs::read(on_disk.join("checksheet.lock")).unwrap();
    std::fs::write(on_disk.join("evidence/contractor-list.csv"), "changed\n").unwrap();
    disk.fill();
    let (code, _, stderr) = run(&mut checksheet(&on_disk, &["evidence", "lock"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert_eq!(
        std::fs::read(on_disk.join("checksheet.lock")).unwrap(),
        lock
    );
}

/// Makes `path` impossible to write for this test (as root, whom permissions do not stop,
/// with the immutable attribute); `false` where it cannot.
fn forbid(path: &Path) -> bool {
    if is_root() {
        Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success())
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).is_ok()
        }
        #[cfg(not(unix))]
        false
    }
}

fn allow(path: &Path) {
    if is_root() {
        let _ = Command::new("chattr").arg("-i").arg(path).status();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_folder_or_lock_that_may_not_be_written_is_named_and_left_alone() {
    let assessment = copy_of(&sample());
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert_eq!(build(assessment.path(), &site).0, 0);
    if !forbid(&site) {
        eprintln!("skipped: the output folder cannot be made read-only here");
        return;
    }
    let (code, _, stderr) = build(assessment.path(), &site);
    allow(&site);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("may not be written"), "{stderr}");
    assert_eq!(whole(&site).0, 0);
    assert_eq!(leftovers(out.path()), Vec::<String>::new());

    // A workbook into a folder that may not be written.
    let folder = out.path().join("exports");
    std::fs::create_dir(&folder).unwrap();
    assert!(forbid(&folder));
    let target = folder.join("genki-log.xlsx");
    let (code, _, stderr) = export(assessment.path(), &target);
    allow(&folder);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("may not be written"), "{stderr}");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);

    // A lock file its owner made read-only is not replaced.
    let lock = assessment.path().join("checksheet.lock");
    let before = std::fs::read(&lock).unwrap();
    std::fs::write(
        assessment.path().join("evidence/contractor-list.csv"),
        "changed\n",
    )
    .unwrap();
    let mut permissions = std::fs::metadata(&lock).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&lock, permissions).unwrap();
    let (code, _, stderr) = run(&mut checksheet(assessment.path(), &["evidence", "lock"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("checksheet.lock"), "{stderr}");
    assert!(stderr.contains("may not be written"), "{stderr}");
    assert_eq!(std::fs::read(&lock).unwrap(), before);
}
