//! Hostile files bounded by what they inflate to, not by their size on disk: each case is
//! refused, naming the file, while the process stays small (its peak memory is measured
//! with GNU time, which `.ci/run` installs).

use std::process::Command;

use crate::{checksheet, copy_of, git, has, root};

/// Runs `command` under GNU time: its exit code, standard output and error, its peak
/// memory in KiB and the processor time it took, in seconds (user and system: unlike the
/// time on the clock, the same however busy the machine is).
fn measured(command: &mut Command) -> (i32, String, String, u64, f64) {
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(ToOwned::to_owned).collect();
    let mut timed = Command::new("/usr/bin/time");
    timed
        .args(["-f", "peak %M cpu %U %S"])
        .arg(program)
        .args(args);
    if let Some(dir) = command.get_current_dir() {
        timed.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => timed.env(key, value),
            None => timed.env_remove(key),
        };
    }
    let output = timed.output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let figures: Vec<f64> = stderr
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix("peak "))
        .map(|rest| {
            rest.split_whitespace()
                .filter_map(|word| word.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let [peak, user, system] = figures[..] else {
        panic!("{stderr}");
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        stderr,
        peak as u64,
        user + system,
    )
}

/// A revision whose answers file is a 256 MiB blob (a few hundred KiB in `.git`) is
/// refused by the size in the object's header: `log` and `diff` never inflate it.
#[test]
fn a_blob_of_hundreds_of_mebibytes_in_history_is_refused_without_inflating_it() {
    if !has("/usr/bin/time", &["true"]) || !has("git", &["--version"]) {
        return;
    }
    let dir = copy_of(&root().join("examples/sample-phr"));
    let answers = dir.path().join("answers/karada-note.yaml");
    let kept = std::fs::read(&answers).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "点検"]);
    let file = std::fs::File::create(&answers).unwrap();
    file.set_len(256 * 1024 * 1024).unwrap();
    drop(file);
    git(
        dir.path(),
        &["commit", "-q", "-a", "-m", "大きな回答ファイル"],
    );
    std::fs::write(&answers, kept).unwrap();
    git(dir.path(), &["commit", "-q", "-a", "-m", "元に戻す"]);
    for args in [&["log"][..], &["diff", "HEAD~2", "HEAD~1"]] {
        let (code, stdout, stderr, peak, _) = measured(&mut checksheet(dir.path(), args));
        assert!(
            peak < 128 * 1024,
            "{args:?}: {peak} KiB at the peak\n{stdout}{stderr}"
        );
        assert!(
            code == 0 || code == 2,
            "{args:?}: exit {code}\n{stdout}{stderr}"
        );
        if args[0] == "diff" {
            assert_eq!(code, 2, "{stdout}{stderr}");
            assert!(stderr.contains("karada-note.yaml"), "{stderr}");
            // It is there, only too large: nothing to make with `init`.
            assert!(!stderr.contains("checksheet init"), "{stderr}");
            assert!(stderr.contains("16 MiB"), "{stderr}");
        }
    }
}

/// The hostile workbooks `tests/fixtures/hostile/workbooks.py` makes from the sample's,
/// in a new folder.
fn hostile_workbooks() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new("python3")
        .arg(root().join("tests/fixtures/hostile/workbooks.py"))
        .arg(root().join("examples/sample-phr/answers/sukoyaka-pocket.xlsx"))
        .arg(out.path())
        .status()
        .unwrap();
    assert!(status.success());
    out
}

/// Runs checksheet with `args` in `dir` under a cap of 1 GiB of address space (so that
/// a regression fails the test, not the machine), measured: exit code, output, peak KiB
/// and processor seconds.
fn capped(dir: &std::path::Path, args: &[&str]) -> (i32, String, String, u64, f64) {
    let command = checksheet(dir, args);
    let program = command.get_program().to_owned();
    let mut wrapped = Command::new("prlimit");
    wrapped
        .arg("--as=1073741824")
        .arg("--")
        .arg(program)
        .args(command.get_args())
        .current_dir(dir);
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => wrapped.env(key, value),
            None => wrapped.env_remove(key),
        };
    }
    measured(&mut wrapped)
}

/// Each hostile workbook, as the answers of the sample's すこやかポケット: what `check`
/// must end with, and what its message must name. Every one finishes within 2 s and
/// 256 MiB, refused with the cell or part named where it passes a limit, read as usual
/// where it does not.
#[test]
fn hostile_workbooks_are_refused_by_what_they_inflate_to_within_time_and_memory() {
    if !has("/usr/bin/time", &["true"])
        || !has("prlimit", &["--version"])
        || !has("python3", &["--version"])
    {
        return;
    }
    let made = hostile_workbooks();
    let cases: [(&str, i32, &[&str]); 10] = [
        (
            "far-cell",
            2,
            &["チェックシート!XFD1048576", "[cell-outside]"],
        ),
        (
            "far-formula",
            2,
            &["チェックシート!XFD8192", "[cell-outside]"],
        ),
        ("far-empty-cell", 1, &[]),
        (
            "inflated-part",
            2,
            &["xl/worksheets/sheet1.xml", "16 MiB", "[too-large]"],
        ),
        (
            "long-cell",
            2,
            &["チェックシート!E60", "32767", "[cell-too-long]"],
        ),
        ("many-rows", 2, &["証跡!A10001", "10000", "[cell-outside]"]),
        ("one-text-many-times", 2, &["証跡", "16 MiB", "[too-large]"]),
        (
            "many-strings",
            2,
            &["100000", "xl/sharedStrings.xml", "[too-large]"],
        ),
        ("many-strings-within", 1, &[]),
        (
            "many-merges",
            2,
            &["チェックシート", "1000", "[too-many-merges]"],
        ),
    ];
    let dir = copy_of(&root().join("examples/sample-phr"));
    let answers = dir.path().join("answers/sukoyaka-pocket.xlsx");
    let mut failures = Vec::new();
    for (name, expected, said) in cases {
        std::fs::copy(made.path().join(format!("{name}.xlsx")), &answers).unwrap();
        let (code, _, stderr, peak, seconds) = capped(dir.path(), &["--lang", "ja", "check"]);
        let missing: Vec<&&str> = said.iter().filter(|s| !stderr.contains(**s)).collect();
        let named = stderr.contains("answers/sukoyaka-pocket.xlsx") || expected != 2;
        if code != expected || !missing.is_empty() || !named || peak > 256 * 1024 || seconds > 2.0 {
            failures.push(format!(
                "{name}: exit {code} (expected {expected}), {peak} KiB, {seconds:.2} s, missing {missing:?}\n{}",
                stderr.lines().take(6).collect::<Vec<_>>().join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A workbook with a far cell, committed and then reverted, leaves `log` and `diff` fast
/// and small: the revision that holds it is refused, the others read.
#[test]
fn a_hostile_workbook_in_history_does_not_stop_log() {
    if !has("/usr/bin/time", &["true"])
        || !has("prlimit", &["--version"])
        || !has("python3", &["--version"])
    {
        return;
    }
    let made = hostile_workbooks();
    let dir = copy_of(&root().join("examples/sample-phr"));
    let answers = dir.path().join("answers/sukoyaka-pocket.xlsx");
    let kept = std::fs::read(&answers).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "点検"]);
    std::fs::copy(made.path().join("far-cell.xlsx"), &answers).unwrap();
    git(dir.path(), &["commit", "-q", "-a", "-m", "遠いセル"]);
    std::fs::write(&answers, kept).unwrap();
    git(dir.path(), &["commit", "-q", "-a", "-m", "元に戻す"]);
    for args in [&["log"][..], &["diff", "HEAD~2", "HEAD~1"]] {
        let (code, stdout, stderr, peak, seconds) = capped(dir.path(), args);
        assert!(
            peak < 256 * 1024 && seconds < 2.0,
            "{args:?}: {peak} KiB, {seconds} s"
        );
        if args[0] == "log" {
            assert_eq!(code, 0, "{stdout}{stderr}");
        } else {
            assert_eq!(code, 2, "{stdout}{stderr}");
            assert!(stderr.contains("XFD1048576"), "{stderr}");
        }
    }
}

/// Files that are not regular files, each where an officer's assessment names a file: a
/// named pipe or a loop of links as the answers, a pipe or a link outside as a partner's
/// allowed signers, a pipe or `/dev/zero` as the manifest of the site a build replaces.
/// Each is named for what it is, at once, and never read.
#[cfg(unix)]
#[test]
fn pipes_devices_and_link_loops_are_named_for_what_they_are_and_never_read() {
    use std::os::unix::fs::symlink;
    if !has("mkfifo", &["--version"]) {
        return;
    }
    let mkfifo = |path: &std::path::Path| {
        assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
    };
    let quick = |dir: &std::path::Path, args: &[&str]| {
        let started = std::time::Instant::now();
        let (code, stdout, stderr) = crate::run(&mut checksheet(dir, args));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{args:?} hung"
        );
        (code, stdout, stderr)
    };
    // The answers file.
    let dir = copy_of(&root().join("examples/sample-phr"));
    let answers = dir.path().join("answers/karada-note.yaml");
    std::fs::remove_file(&answers).unwrap();
    mkfifo(&answers);
    let (code, _, stderr) = quick(dir.path(), &["check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("is not a regular file (a named pipe"),
        "{stderr}"
    );
    assert!(!stderr.contains("folder"), "{stderr}");
    std::fs::remove_file(&answers).unwrap();
    symlink("karada-note.yaml", &answers).unwrap();
    let (code, _, stderr) = quick(dir.path(), &["check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("a loop of links"), "{stderr}");
    assert!(!stderr.contains("permission"), "{stderr}");

    // A partner's allowed signers: a pipe, then a link to a secret outside.
    let dir = copy_of(&root().join("examples/sample-phr"));
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let signers = "partners/example-pharma.allowed_signers";
    std::fs::write(
        &settings,
        format!("{}\n    allowed-signers: {signers}\n", text.trim_end()),
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("partners")).unwrap();
    mkfifo(&dir.path().join(signers));
    let (code, _, stderr) = quick(dir.path(), &["partners", "check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not a regular file"), "{stderr}");
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(secret.path(), "SECRET-FIRST-LINE ssh-ed25519 AAAA\n").unwrap();
    std::fs::remove_file(dir.path().join(signers)).unwrap();
    symlink(secret.path(), dir.path().join(signers)).unwrap();
    let (code, stdout, stderr) = quick(dir.path(), &["partners", "check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("leads outside"), "{stderr}");
    assert!(!format!("{stdout}{stderr}").contains("SECRET"), "{stderr}");

    // The manifest of the site a build would replace.
    for make in ["fifo", "zero"] {
        let dir = copy_of(&root().join("examples/sample-phr"));
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        std::fs::create_dir(&site).unwrap();
        let manifest = site.join("manifest.json");
        if make == "fifo" {
            mkfifo(&manifest);
        } else {
            symlink("/dev/zero", &manifest).unwrap();
        }
        let (code, _, stderr) = quick(dir.path(), &["build", "--out", site.to_str().unwrap()]);
        assert_eq!(code, 2, "{make}: {stderr}");
        assert!(stderr.contains("site"), "{stderr}");
    }
}
