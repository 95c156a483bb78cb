//! `verify`: a published site against its manifest.json.

use std::path::Path;

use crate::{checksheet, git, root, run};

/// The sample built into a new temporary folder: (the folder, the site in it).
fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let (code, _, stderr) = run(&mut checksheet(
        &root(),
        &[
            "build",
            "examples/sample-phr",
            "--out",
            site.to_str().unwrap(),
        ],
    ));
    assert_eq!(code, 0, "{stderr}");
    (out, site)
}

fn verify(site: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--lang", "en", "verify", site.to_str().unwrap()];
    all.extend(args);
    run(&mut checksheet(&root(), &all))
}

#[test]
fn a_site_as_built_verifies() {
    let (_out, site) = built();
    let (code, stdout, stderr) = verify(&site, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // What was verified comes first: whose sheets, which services as of when.
    assert!(
        stdout.starts_with("Sample Health Inc.'s published check sheets ("),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n  Genki Log (genki-log) as of 2026-10-01\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nnot signed (no manifest.json.sig)"),
        "{stdout}"
    );
    assert!(stdout.ends_with("\nverified\n"), "{stdout}");
    let (code, json, _) = verify(&site, &["--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["verified"], true);
    assert!(json["verification"]["files"].as_u64().unwrap() > 20);
}

#[test]
fn one_changed_byte_a_lost_file_and_an_added_one_are_each_named() {
    let (_out, site) = built();
    let page = site.join("genki-log/index.html");
    let mut bytes = std::fs::read(&page).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    std::fs::write(&page, bytes).unwrap();
    std::fs::remove_file(site.join("en/index.html")).unwrap();
    std::fs::write(site.join("karada-note/extra.html"), "<p>added</p>").unwrap();
    let (code, stdout, _) = verify(&site, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("differs from its manifest.json"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  changed: genki-log/index.html (SHA-256 "),
        "{stdout}"
    );
    assert!(stdout.contains("  missing: en/index.html"), "{stdout}");
    assert!(
        stdout.contains("  not in the manifest: karada-note/extra.html"),
        "{stdout}"
    );
    let (code, json, _) = verify(&site, &["--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["verified"], false);
    assert_eq!(
        json["verification"]["changed"][0]["path"],
        "genki-log/index.html"
    );
    let (_, japanese, _) = run(&mut checksheet(
        &root(),
        &["--lang", "ja", "verify", site.to_str().unwrap()],
    ));
    assert!(
        japanese.contains("変更されています: genki-log/index.html"),
        "{japanese}"
    );
}

#[test]
fn a_folder_without_a_manifest_or_with_a_hostile_one_is_unusable_input() {
    let empty = tempfile::tempdir().unwrap();
    let (code, _, stderr) = verify(empty.path(), &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("has no manifest.json"), "{stderr}");
    let (_out, site) = built();
    let manifest = site.join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replacen(
            "\"outputs\": {",
            "\"outputs\": {\n    \"../../etc/passwd\": \"00\",",
            1,
        ),
    )
    .unwrap();
    let (code, _, stderr) = verify(&site, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`../../etc/passwd`, which is not a path inside the site"),
        "{stderr}"
    );
}

/// The path of a file as a string, for arguments.
fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_site_on_a_web_server_verifies_and_one_changed_byte_is_named() {
    let (_out, site) = built();
    let server = crate::serve::serve(site.clone(), Vec::new());
    let (code, stdout, stderr) = run(&mut checksheet(&root(), &["verify", &server.base]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("are all present and unchanged (a web server does not say"),
        "{stdout}"
    );
    // The address of the manifest itself names the same site.
    let manifest = format!("{}manifest.json", server.base);
    let (code, json, _) = run(&mut checksheet(
        &root(),
        &["verify", &manifest, "--format", "json"],
    ));
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["verification"]["site"], server.base.as_str());
    assert_eq!(json["verification"]["unlisted"], serde_json::Value::Null);

    let page = site.join("en/karada-note/index.html");
    let mut bytes = std::fs::read(&page).unwrap();
    bytes[100] ^= 1;
    std::fs::write(&page, bytes).unwrap();
    std::fs::remove_file(site.join("genki-log/checksheet.json")).unwrap();
    let (code, stdout, _) = run(&mut checksheet(
        &root(),
        &["--lang", "ja", "verify", &server.base],
    ));
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("変更されています: en/karada-note/index.html"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ありません: genki-log/checksheet.json"),
        "{stdout}"
    );
    assert!(stdout.ends_with("照合できません\n"), "{stdout}");
}

#[test]
fn a_redirect_to_another_host_or_a_file_is_refused() {
    let (_out, site) = built();
    for location in [
        "http://localhost:9/manifest.json".to_owned(),
        "file:///etc/passwd".to_owned(),
    ] {
        let server = crate::serve::serve(
            site.clone(),
            vec![("manifest.json".to_owned(), location.clone())],
        );
        let (code, json, stderr) = run(&mut checksheet(
            &root(),
            &["verify", &server.base, "--format", "json"],
        ));
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains(&format!("redirects to another site, {location}")),
            "{stderr}"
        );
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(json["errors"][0]["code"], "redirect-off-site");
    }
    // A redirect on the same host is followed.
    let server = crate::serve::serve(
        site.clone(),
        vec![("old/manifest.json".to_owned(), "/manifest.json".to_owned())],
    );
    let (code, stdout, _) = run(&mut checksheet(
        &root(),
        &["verify", &format!("{}old/manifest.json", server.base)],
    ));
    // The manifest moved, its files did not: they are looked for beside the old address.
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("missing: index.html"), "{stdout}");
}

#[test]
fn an_unreachable_site_is_unusable_input() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/", listener.local_addr().unwrap());
    drop(listener);
    let (code, _, stderr) = run(&mut checksheet(&root(), &["verify", &address]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot fetch"), "{stderr}");
    let (code, _, stderr) = run(&mut checksheet(&root(), &["verify", "ftp://example.jp/"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not a usable address"), "{stderr}");
}

/// Whether `ssh-keygen` is here; continuous integration must have it.
pub fn have_ssh_keygen() -> bool {
    let here = std::process::Command::new("ssh-keygen")
        .arg("-?")
        .output()
        .is_ok();
    assert!(
        here || std::env::var_os("CI").is_none(),
        "ssh-keygen is needed (Debian package openssh-client)"
    );
    if !here {
        eprintln!("skipped: ssh-keygen is not installed");
    }
    here
}

/// A new ed25519 key `name` in `dir` (with `passphrase`), and its allowed signers line for
/// `identity`.
pub fn key(
    dir: &Path,
    name: &str,
    passphrase: &str,
    identity: &str,
) -> (std::path::PathBuf, String) {
    let path = dir.join(name);
    let status = std::process::Command::new("ssh-keygen")
        .args([
            "-q", "-t", "ed25519", "-N", passphrase, "-C", identity, "-f",
        ])
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    let public = std::fs::read_to_string(path.with_extension("pub")).unwrap();
    let key: Vec<&str> = public.split_whitespace().take(2).collect();
    (
        path,
        format!("{identity} namespaces=\"checksheet\" {}\n", key.join(" ")),
    )
}

fn build_signed(site: &Path, key: &Path, passphrase: Option<&str>) -> (i32, String, String) {
    let mut command = checksheet(
        &root(),
        &[
            "build",
            "examples/sample-phr",
            "--out",
            arg(site),
            "--sign",
            arg(key),
        ],
    );
    match passphrase {
        Some(passphrase) => command.env("CHECKSHEET_SIGN_PASSPHRASE", passphrase),
        None => command.env_remove("CHECKSHEET_SIGN_PASSPHRASE"),
    };
    run(&mut command)
}

#[test]
fn a_signed_site_verifies_with_ssh_keygen_and_names_its_signer() {
    if !have_ssh_keygen() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (signing, allowed_line) = key(dir.path(), "signing", "", "hanako@example.jp");
    let allowed = dir.path().join("allowed_signers");
    std::fs::write(&allowed, &allowed_line).unwrap();
    let site = dir.path().join("site");
    let (code, stdout, stderr) = build_signed(&site, &signing, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("signed as `manifest.json.sig` (key SHA256:"),
        "{stdout}"
    );
    let signature = std::fs::read_to_string(site.join("manifest.json.sig")).unwrap();
    assert!(signature.starts_with("-----BEGIN SSH SIGNATURE-----\n"));
    // The key is in neither the site nor its manifest.
    let private = std::fs::read_to_string(&signing).unwrap();
    let secret_line = private.lines().nth(1).unwrap();
    for file in all_files(&site) {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        assert!(!text.contains(secret_line), "{}", file.display());
    }

    let verified = std::process::Command::new("ssh-keygen")
        .args([
            "-Y",
            "verify",
            "-f",
            arg(&allowed),
            "-I",
            "hanako@example.jp",
        ])
        .args([
            "-n",
            "checksheet",
            "-s",
            arg(&site.join("manifest.json.sig")),
        ])
        .stdin(std::fs::File::open(site.join("manifest.json")).unwrap())
        .output()
        .unwrap();
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );

    let (code, stdout, _) = verify(&site, &["--allowed-signers", arg(&allowed)]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("signed by hanako@example.jp (key SHA256:"),
        "{stdout}"
    );
    let (_, json, _) = verify(
        &site,
        &["--allowed-signers", arg(&allowed), "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["verification"]["signature"]["state"], "valid");
    assert_eq!(
        json["verification"]["signature"]["signers"][0],
        "hanako@example.jp"
    );

    // The same input and key give the same bytes.
    let again = dir.path().join("again");
    assert_eq!(build_signed(&again, &signing, None).0, 0);
    for name in ["manifest.json", "manifest.json.sig"] {
        assert_eq!(
            std::fs::read(site.join(name)).unwrap(),
            std::fs::read(again.join(name)).unwrap()
        );
    }

    // Another signer's key is not allowed; a changed manifest breaks the signature.
    let (_, other_line) = key(dir.path(), "other", "", "taro@example.jp");
    let others = dir.path().join("others");
    std::fs::write(&others, other_line).unwrap();
    let (code, stdout, _) = verify(&site, &["--allowed-signers", arg(&others)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("is not among the allowed signers"),
        "{stdout}"
    );
    let manifest = site.join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("\"version\"", "\"version\" ")).unwrap();
    let (code, stdout, _) = verify(&site, &["--allowed-signers", arg(&allowed)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("does not match what it signs: the content changed after signing"),
        "{stdout}"
    );
    // With signers named, a site without a signature does not verify.
    let (_kept, unsigned) = built();
    let (code, stdout, _) = verify(&unsigned, &["--allowed-signers", arg(&allowed)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("there is no signature"), "{stdout}");
    // A signed site can be built over, signed or not.
    let (code, _, stderr) = run(&mut checksheet(
        &root(),
        &["build", "examples/sample-phr", "--out", arg(&site)],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(!site.join("manifest.json.sig").exists());
}

#[test]
fn an_encrypted_key_needs_its_passphrase_from_the_environment() {
    if !have_ssh_keygen() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (signing, _) = key(dir.path(), "signing", "秘密の合言葉", "hanako@example.jp");
    let site = dir.path().join("site");
    let (code, _, stderr) = build_signed(&site, &signing, None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is protected by a passphrase"), "{stderr}");
    assert!(stderr.contains("CHECKSHEET_SIGN_PASSPHRASE"), "{stderr}");
    assert!(!site.exists(), "nothing is written");
    let (code, _, stderr) = build_signed(&site, &signing, Some("違う"));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("does not open with the passphrase"),
        "{stderr}"
    );
    let (code, _, stderr) = build_signed(&site, &signing, Some("秘密の合言葉"));
    assert_eq!(code, 0, "{stderr}");
    assert!(site.join("manifest.json.sig").exists());
    // Not a key at all.
    let (code, _, stderr) = build_signed(&site, &site.join("index.html"), None);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("is not an OpenSSH private key file"),
        "{stderr}"
    );
}

#[test]
fn a_line_of_allowed_signers_that_cannot_be_read_is_named() {
    let (_out, site) = built();
    let dir = tempfile::tempdir().unwrap();
    let allowed = dir.path().join("allowed_signers");
    std::fs::write(
        &allowed,
        "# 署名者\nhanako@example.jp ssh-ed25519 AAAAnot-base64\n",
    )
    .unwrap();
    let (code, _, stderr) = verify(&site, &["--allowed-signers", arg(&allowed)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("its public key cannot be read"), "{stderr}");
    assert!(stderr.contains("allowed_signers:2:1"), "{stderr}");
}

#[test]
fn a_site_is_built_again_from_its_source_commit_and_compared() {
    let repo = crate::copy_of(&root().join("examples/sample-phr"));
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "初回の自己点検"]);
    git(
        repo.path(),
        &["tag", "-a", "checksheet/2026-10-01", "-m", "公開"],
    );
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let verify_in_repo = |args: &[&str]| {
        let mut all = vec!["verify", arg(&site)];
        all.extend(args);
        run(&mut checksheet(repo.path(), &all))
    };
    // Signed, where ssh-keygen is here: the signature and the rebuild both hold.
    if have_ssh_keygen() {
        let (signing, allowed_line) = key(out.path(), "signing", "", "hanako@example.jp");
        let allowed = out.path().join("allowed_signers");
        std::fs::write(&allowed, allowed_line).unwrap();
        let (code, _, stderr) = run(&mut checksheet(
            repo.path(),
            &["build", "--out", arg(&site), "--sign", arg(&signing)],
        ));
        assert_eq!(code, 0, "{stderr}");
        let (code, stdout, _) = verify_in_repo(&["--allowed-signers", arg(&allowed)]);
        assert_eq!(code, 0, "{stdout}");
        assert!(stdout.contains("signed by hanako@example.jp"), "{stdout}");
        assert!(
            stdout.contains("every file matches the site built again from commit "),
            "{stdout}"
        );
    }
    let (code, _, stderr) = run(&mut checksheet(
        repo.path(),
        &["build", "--out", arg(&site)],
    ));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = verify_in_repo(&[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("every file matches the site built again from commit "),
        "{stdout}"
    );
    // With -C from elsewhere, the same.
    let (code, _, _) = run(&mut checksheet(
        &root(),
        &["-C", arg(repo.path()), "verify", arg(&site)],
    ));
    assert_eq!(code, 0);

    // A page changed and the manifest's hash changed with it: only the rebuild tells.
    let page = site.join("genki-log/index.html");
    let text = std::fs::read_to_string(&page).unwrap();
    let forged = text.replacen("未対応", "対応済", 1);
    assert_ne!(text, forged);
    std::fs::write(&page, &forged).unwrap();
    let manifest = site.join("manifest.json");
    let listed = std::fs::read_to_string(&manifest).unwrap();
    let old = sha256(text.as_bytes());
    std::fs::write(&manifest, listed.replace(&old, &sha256(forged.as_bytes()))).unwrap();
    let (code, stdout, _) = verify_in_repo(&[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("are all present and unchanged"), "{stdout}");
    assert!(
        stdout.contains("  differs: genki-log/index.html\n"),
        "{stdout}"
    );
    let (_, json, _) = verify_in_repo(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["verification"]["rebuild"]["differs"],
        serde_json::json!(["genki-log/index.html", "manifest.json"])
    );

    // A publication tag moved since is named.
    std::fs::write(&page, &text).unwrap();
    std::fs::write(&manifest, &listed).unwrap();
    std::fs::write(repo.path().join("extra.txt"), "x").unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "次の点検"]);
    git(
        repo.path(),
        &["tag", "-f", "-a", "checksheet/2026-10-01", "-m", "公開"],
    );
    let (code, stdout, _) = verify_in_repo(&[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("publication checksheet/2026-10-01: the tag points at commit "),
        "{stdout}"
    );
}

#[test]
fn a_site_without_a_source_commit_cannot_be_matched_to_the_repository() {
    let (_out, site) = built();
    let (code, stdout, _) = run(&mut checksheet(
        &root(),
        &["-C", "examples/sample-phr", "verify", arg(&site)],
    ));
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("the manifest names no source commit, so the site cannot be built again"),
        "{stdout}"
    );
}

pub fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// Every file below `dir`.
fn all_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(all_files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn every_file_not_in_the_manifest_is_reported_whatever_its_name() {
    let (_out, site) = built();
    for name in ["._login.html", ".DS_Store", "Thumbs.db", "desktop.ini"] {
        std::fs::write(site.join(name), "<script>alert(1)</script>").unwrap();
    }
    let (code, stdout, _) = verify(&site, &[]);
    assert_eq!(code, 1, "{stdout}");
    for name in ["._login.html", ".DS_Store", "Thumbs.db", "desktop.ini"] {
        assert!(
            stdout.contains(&format!("  not in the manifest: {name}\n")),
            "{stdout}"
        );
    }
}

#[cfg(unix)]
#[test]
fn links_pipes_and_devices_in_a_site_folder_are_never_followed_nor_read() {
    use std::os::unix::fs::symlink;
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(secret.path(), "SECRET-LINE\n").unwrap();
    // A listed page that is a link to a file elsewhere: named, its contents never hashed.
    let (_out, site) = built();
    let page = site.join("genki-log/index.html");
    std::fs::remove_file(&page).unwrap();
    symlink(secret.path(), &page).unwrap();
    // A link to the root, and a loop, are not walked.
    symlink("/", site.join("root")).unwrap();
    symlink("loop", site.join("loop")).unwrap();
    let fifo = site.join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let started = std::time::Instant::now();
    let (code, stdout, stderr) = verify(&site, &[]);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("  genki-log/index.html: a symbolic link (not followed)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  root: a symbolic link (not followed)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  loop: a symbolic link (not followed)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  pipe: not a regular file (a pipe, a device, …)"),
        "{stdout}"
    );
    let secret_sha = sha256(b"SECRET-LINE\n");
    assert!(!stdout.contains(&secret_sha[..12]), "{stdout}");
    assert!(stdout.lines().count() < 60, "{stdout}");

    // A manifest that is a pipe, or a link to a device, is refused at once.
    for make in ["fifo", "zero"] {
        let (_out, site) = built();
        let manifest = site.join("manifest.json");
        std::fs::remove_file(&manifest).unwrap();
        if make == "fifo" {
            std::process::Command::new("mkfifo")
                .arg(&manifest)
                .status()
                .unwrap();
        } else {
            symlink("/dev/zero", &manifest).unwrap();
        }
        let started = std::time::Instant::now();
        let (code, stdout, stderr) = verify(&site, &[]);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert_eq!(code, 2, "{make}: {stdout}{stderr}");
        assert!(stderr.contains("manifest.json"), "{stderr}");
    }
}

#[test]
fn a_site_named_by_its_manifest_file_is_verified() {
    let (_out, site) = built();
    let (code, stdout, stderr) = verify(&site.join("manifest.json"), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.ends_with("\nverified\n"), "{stdout}");
}

#[test]
fn plain_http_and_a_server_answering_every_address_are_said_plainly() {
    let (out, site) = built();
    // A server that answers unknown addresses with its index page (a "soft 404").
    let server = crate::serve::serve_soft(out.path().to_path_buf(), "site/index.html");
    let address = format!("{}site/", server.base);
    let (code, stdout, stderr) = run(&mut checksheet(
        &root(),
        &["--lang", "en", "verify", &address],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("⚠ http:// is not encrypted"), "{stdout}");
    assert!(
        stdout.contains("what the server answered for manifest.json.sig is not a signature"),
        "{stdout}"
    );
    assert!(
        stdout.contains("not signed (no manifest.json.sig)"),
        "{stdout}"
    );
    drop(site);
}
