//! Hostile files bounded by what they inflate to, not by their size on disk: each case is
//! refused, naming the file, while the process stays small (its peak memory is measured
//! with GNU time, which `.ci/run` installs).

use std::process::Command;

use crate::{checksheet, copy_of, git, has, root};

/// Runs `command` under GNU time: its exit code, standard output and error, and its peak
/// memory in KiB.
fn measured(command: &mut Command) -> (i32, String, String, u64) {
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(ToOwned::to_owned).collect();
    let mut timed = Command::new("/usr/bin/time");
    timed.args(["-f", "peak %M"]).arg(program).args(args);
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
    let peak = stderr
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix("peak "))
        .and_then(|kib| kib.trim().parse().ok())
        .unwrap_or_else(|| panic!("{stderr}"));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        stderr,
        peak,
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
        let (code, stdout, stderr, peak) = measured(&mut checksheet(dir.path(), args));
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
