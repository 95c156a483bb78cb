//! `publish --sign`: the approver signs the publication tag as `git tag -s` does with an SSH
//! key, `git tag -v` checks it, and `log` names each publication and its approver.

use std::path::Path;
use std::process::{Command, Output};

use crate::{checksheet, copy_of, fixtures, git, run};

/// Whether `ssh-keygen` is here; continuous integration must have it.
fn have_ssh_keygen() -> bool {
    let here = Command::new("ssh-keygen").arg("-?").output().is_ok();
    assert!(
        here || std::env::var_os("CI").is_none(),
        "ssh-keygen is needed (Debian package openssh-client)"
    );
    if !here {
        eprintln!("skipped: ssh-keygen is not installed");
    }
    here
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `git` in `dir` with `args` and `input` on its standard input, as it ran.
fn git_output(dir: &Path, args: &[&str], input: Option<&[u8]>) -> Output {
    use std::io::Write as _;
    let mut child = Command::new("git")
        .current_dir(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.unwrap_or_default()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// `git tag -v tag` with SSH signatures checked against `allowed`.
fn git_verifies(dir: &Path, allowed: &Path, tag: &str) -> (bool, String) {
    let output = git_output(
        dir,
        &[
            "-c",
            "gpg.format=ssh",
            "-c",
            &format!("gpg.ssh.allowedSignersFile={}", arg(allowed)),
            "tag",
            "-v",
            tag,
        ],
        None,
    );
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A new key `name` of `kind` in `dir` with `passphrase`: its path and public key.
fn key(dir: &Path, name: &str, kind: &str, passphrase: &str) -> (std::path::PathBuf, String) {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", kind, "-N", passphrase, "-C", name, "-f"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    let public = std::fs::read_to_string(path.with_extension("pub")).unwrap();
    let public: Vec<&str> = public.split_whitespace().take(2).collect();
    (path, public.join(" "))
}

/// The edition fixture committed in a new repository that knows who commits.
fn repository() -> tempfile::TempDir {
    let dir = copy_of(&fixtures().join("history/edition"));
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["config", "user.name", "山田花子"]);
    git(dir.path(), &["config", "user.email", "hanako@example.jp"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "初回の自己点検"]);
    dir
}

/// A commit that changes no assessment file.
fn commit_readme(dir: &Path, text: &str) {
    std::fs::write(dir.join("README.md"), text).unwrap();
    git(dir, &["add", "README.md"]);
    git(dir, &["commit", "-q", "-m", text]);
}

fn publish(dir: &Path, args: &[&str], passphrase: Option<&str>) -> (i32, String, String) {
    let mut all = vec!["publish"];
    all.extend_from_slice(args);
    let mut command = checksheet(dir, &all);
    match passphrase {
        Some(passphrase) => command.env("CHECKSHEET_SIGN_PASSPHRASE", passphrase),
        None => command.env_remove("CHECKSHEET_SIGN_PASSPHRASE"),
    };
    run(&mut command)
}

/// `log --format json` in `dir` with `args`: the publications of each entry, newest first.
fn publications(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["log", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = run(&mut checksheet(dir, &all));
    assert_eq!(code, 0, "{stderr}");
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    log.as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["publications"].clone())
        .collect()
}

#[test]
fn a_tag_signed_by_publish_verifies_with_git_and_log_names_its_approver() {
    if !have_ssh_keygen() {
        return;
    }
    let repo = repository();
    let dir = repo.path();
    let keys = tempfile::tempdir().unwrap();
    let (approver, public) = key(keys.path(), "approver", "ed25519", "承認の合言葉");
    let allowed = keys.path().join("allowed_signers");
    std::fs::write(&allowed, format!("hanako@example.jp {public}\n")).unwrap();

    // Without the passphrase, nothing is tagged.
    let (code, _, stderr) = publish(dir, &["--sign", arg(&approver)], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("CHECKSHEET_SIGN_PASSPHRASE"), "{stderr}");
    assert!(publications(dir, &[])[0].is_null());

    let (code, stdout, stderr) = publish(dir, &["--sign", arg(&approver)], Some("承認の合言葉"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("signed with key SHA256:"), "{stdout}");
    let (verified, said) = git_verifies(dir, &allowed, "checksheet/2026-04-01");
    assert!(verified, "{said}");
    assert!(
        said.contains("Good \"git\" signature for hanako@example.jp"),
        "{said}"
    );

    let signed = &publications(dir, &["--allowed-signers", arg(&allowed)])[0][0];
    assert_eq!(signed["tag"], "checksheet/2026-04-01", "{signed}");
    assert_eq!(signed["state"], "valid", "{signed}");
    assert_eq!(signed["signers"][0], "hanako@example.jp", "{signed}");
    // Without allowed signers, the key is named but not whose it is.
    let unchecked = &publications(dir, &[])[0][0];
    assert_eq!(unchecked["state"], "valid", "{unchecked}");
    assert_eq!(unchecked["checked-signer"], false, "{unchecked}");
    assert_eq!(unchecked["key"], signed["key"]);
    // git's own setting names the file, relative to the work tree.
    std::fs::copy(&allowed, dir.join(".allowed_signers")).unwrap();
    git(
        dir,
        &["config", "gpg.ssh.allowedSignersFile", ".allowed_signers"],
    );
    let configured = &publications(dir, &[])[0][0];
    assert_eq!(
        configured["signers"][0], "hanako@example.jp",
        "{configured}"
    );
    let (code, text, _) = run(&mut checksheet(dir, &["log"]));
    assert_eq!(code, 0);
    assert!(
        text.contains(
            "    publication `checksheet/2026-04-01`: approved and signed by hanako@example.jp (key SHA256:"
        ),
        "{text}"
    );
    let (_, japanese, _) = run(checksheet(dir, &["log"]).env("CHECKSHEET_LANG", "ja"));
    assert!(
        japanese
            .contains("公開 `checksheet/2026-04-01`: hanako@example.jp が承認し署名（鍵 SHA256:"),
        "{japanese}"
    );

    // Another signer's file does not allow the key; a line for git's namespace only in
    // checksheet's does not either, and says so.
    let (_, other) = key(keys.path(), "other", "ed25519", "");
    let others = keys.path().join("others");
    std::fs::write(&others, format!("taro@example.jp {other}\n")).unwrap();
    let unknown = &publications(dir, &["--allowed-signers", arg(&others)])[0][0];
    assert_eq!(unknown["state"], "unknown-signer", "{unknown}");
    assert!(!git_verifies(dir, &others, "checksheet/2026-04-01").0);
    let limited = keys.path().join("limited");
    std::fs::write(
        &limited,
        format!("hanako@example.jp namespaces=\"checksheet\" {public}\n"),
    )
    .unwrap();
    let refused = &publications(dir, &["--allowed-signers", arg(&limited)])[0][0];
    assert_eq!(refused["state"], "unknown-signer", "{refused}");
    assert_eq!(
        refused["problem"]["reason"], "namespace-not-allowed",
        "{refused}"
    );
}

/// Rewrites the message of the tag `tag` in `dir`, keeping its signature.
fn tamper(dir: &Path, tag: &str) {
    let object = git_output(dir, &["cat-file", "tag", tag], None).stdout;
    let object = String::from_utf8(object).unwrap();
    let tampered = object.replacen("公表", "公表（差し替え）", 1);
    assert_ne!(object, tampered);
    let written = git_output(
        dir,
        &["hash-object", "-t", "tag", "-w", "--stdin"],
        Some(tampered.as_bytes()),
    );
    assert!(written.status.success());
    let id = String::from_utf8(written.stdout).unwrap();
    git(dir, &["update-ref", &format!("refs/tags/{tag}"), id.trim()]);
}

#[test]
fn a_tampered_tag_fails_in_git_and_checksheet_and_an_unsigned_one_is_unsigned() {
    if !have_ssh_keygen() {
        return;
    }
    let repo = repository();
    let dir = repo.path();
    let keys = tempfile::tempdir().unwrap();
    let (approver, public) = key(keys.path(), "approver", "ecdsa", "");
    let allowed = keys.path().join("allowed_signers");
    std::fs::write(&allowed, format!("hanako@example.jp {public}\n")).unwrap();

    // A publication of a commit that changed no assessment file is still listed.
    commit_readme(dir, "説明を追加");
    let (code, _, stderr) = publish(dir, &[], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(!git_verifies(dir, &allowed, "checksheet/2026-04-01").0);

    commit_readme(dir, "説明を更新");
    let (code, _, stderr) = publish(dir, &["--sign", arg(&approver)], None);
    assert_eq!(code, 0, "{stderr}");
    let tag = "checksheet/2026-04-01-2";
    assert!(git_verifies(dir, &allowed, tag).0);
    tamper(dir, tag);
    let (verified, said) = git_verifies(dir, &allowed, tag);
    assert!(!verified, "{said}");

    // A tag git signs itself is read as checksheet's are.
    git(
        dir,
        &[
            "-c",
            "gpg.format=ssh",
            "-c",
            &format!("user.signingkey={}", arg(&approver)),
            "tag",
            "-s",
            "-m",
            "再公表",
            "checksheet/2026-04-02",
        ],
    );

    let log = publications(dir, &["--allowed-signers", arg(&allowed)]);
    assert_eq!(log.len(), 3, "{log:?}");
    let mut newest: Vec<(&str, &str)> = log[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["tag"].as_str().unwrap(), p["state"].as_str().unwrap()))
        .collect();
    newest.sort_unstable();
    assert_eq!(
        newest,
        [
            ("checksheet/2026-04-01-2", "invalid"),
            ("checksheet/2026-04-02", "valid")
        ],
        "{log:?}"
    );
    let tampered = log[0]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["tag"] == tag)
        .unwrap();
    assert_eq!(tampered["problem"]["reason"], "mismatch", "{tampered}");
    assert_eq!(log[1][0]["tag"], "checksheet/2026-04-01", "{log:?}");
    assert_eq!(log[1][0]["state"], "unsigned", "{log:?}");
    assert!(log[2].is_null(), "{log:?}");
    // A signature is checked at the tagger's time, as git checks it: a line valid only
    // around that time still allows the key.
    let then = keys.path().join("then");
    std::fs::write(
        &then,
        format!(
            "hanako@example.jp valid-after=\"20260930Z\",valid-before=\"20261002Z\" {public}\n"
        ),
    )
    .unwrap();
    assert!(git_verifies(dir, &then, "checksheet/2026-04-02").0);
    let at_then = publications(dir, &["--allowed-signers", arg(&then)]);
    let by_git = at_then[0]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["tag"] == "checksheet/2026-04-02")
        .unwrap();
    assert_eq!(by_git["state"], "valid", "{by_git}");
    let (_, text, _) = run(&mut checksheet(
        dir,
        &["log", "--allowed-signers", arg(&allowed)],
    ));
    assert!(
        text.contains("publication `checksheet/2026-04-01`: not signed"),
        "{text}"
    );
    assert!(
        text.contains("publication `checksheet/2026-04-01-2`: the signature (key SHA256:"),
        "{text}"
    );
    assert!(text.contains("does not match what it signs"), "{text}");
}
