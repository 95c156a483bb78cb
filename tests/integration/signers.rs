//! `allowed_signers` read as `ssh-keygen -Y verify` reads it: the same cases run through
//! `ssh-keygen` and through `checksheet verify --allowed-signers`, which must agree.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{checksheet, root, run};

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

/// A new key of `kind` (`ssh-keygen -t` and `-b`, e.g. `["ecdsa", "-b", "384"]`) named
/// `name` in `dir`: its path and its public key (`type base64`).
fn key(dir: &Path, name: &str, kind: &[&str]) -> (PathBuf, String) {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-N", "", "-C", name, "-t"])
        .args(kind)
        .arg("-f")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success(), "ssh-keygen -t {kind:?}");
    let public = std::fs::read_to_string(path.with_extension("pub")).unwrap();
    let public: Vec<&str> = public.split_whitespace().take(2).collect();
    (path, public.join(" "))
}

/// The armoured signature of `message` by `key` for `namespace`, as `ssh-keygen` makes it.
fn ssh_sign(dir: &Path, key: &Path, namespace: &str, message: &[u8]) -> Vec<u8> {
    let file = dir.join("message");
    std::fs::write(&file, message).unwrap();
    let _ = std::fs::remove_file(dir.join("message.sig"));
    let output = Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", namespace, "-f"])
        .arg(key)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read(dir.join("message.sig")).unwrap()
}

/// Whether `ssh-keygen -Y verify` accepts `signature` of `message` by `identity`.
fn ssh_verifies(allowed: &Path, identity: &str, signature: &Path, message: &Path) -> bool {
    Command::new("ssh-keygen")
        .args(["-Y", "verify", "-n", "checksheet", "-f", arg(allowed)])
        .args(["-I", identity, "-s", arg(signature)])
        .stdin(std::fs::File::open(message).unwrap())
        .output()
        .unwrap()
        .status
        .success()
}

/// One case: how the allowed signers file is written and how the site is signed.
struct Case {
    name: &'static str,
    /// The key that signs, by name in the key table.
    signer: &'static str,
    /// The namespace it signs for.
    namespace: &'static str,
    /// Whether the signature is of other bytes than the manifest.
    tampered: bool,
    /// The allowed signers file; `{name}` is the public key of the key `name`.
    allowed: &'static str,
    /// The identity `ssh-keygen -I` is given.
    identity: &'static str,
    /// Whether both accept it.
    holds: bool,
    /// checksheet's `problem.reason`, when it does not hold and names why.
    reason: Option<&'static str>,
}

const fn case(
    name: &'static str,
    signer: &'static str,
    allowed: &'static str,
    holds: bool,
    reason: Option<&'static str>,
) -> Case {
    Case {
        name,
        signer,
        namespace: "checksheet",
        tampered: false,
        allowed,
        identity: "hanako@example.jp",
        holds,
        reason,
    }
}

const CASES: &[Case] = &[
    case(
        "ed25519",
        "ed25519",
        "hanako@example.jp {ed25519}\n",
        true,
        None,
    ),
    case(
        "ecdsa-nistp256",
        "p256",
        "hanako@example.jp {p256}\n",
        true,
        None,
    ),
    case(
        "ecdsa-nistp384",
        "p384",
        "hanako@example.jp {p384}\n",
        true,
        None,
    ),
    case(
        "ecdsa-nistp521",
        "p521",
        "hanako@example.jp {p521}\n",
        true,
        None,
    ),
    case("rsa", "rsa", "hanako@example.jp {rsa}\n", true, None),
    case(
        "several key types, comments and blank lines",
        "rsa",
        "# 署名者\n\ntaro@example.jp {p256}\n   \n  # 承認者\nhanako@example.jp {rsa} 山田花子の鍵\n",
        true,
        None,
    ),
    case(
        "quoted principals",
        "ed25519",
        "\"taro@example.jp,hanako@example.jp\" {ed25519}\n",
        true,
        None,
    ),
    case(
        "another identity's key",
        "ed25519",
        "hanako@example.jp {p256}\ntaro@example.jp {ed25519}\n",
        false,
        None,
    ),
    case(
        "a key no line names",
        "p384",
        "hanako@example.jp {ed25519}\n",
        false,
        None,
    ),
    case(
        "namespaces allows checksheet",
        "ed25519",
        "hanako@example.jp namespaces=\"git,checksheet\" {ed25519}\n",
        true,
        None,
    ),
    case(
        "namespaces allows only git",
        "ed25519",
        "hanako@example.jp namespaces=\"git\" {ed25519}\n",
        false,
        Some("namespace-not-allowed"),
    ),
    case(
        "expired",
        "ed25519",
        "hanako@example.jp valid-before=\"20200101Z\" {ed25519}\n",
        false,
        Some("expired"),
    ),
    case(
        "not yet valid",
        "p256",
        "hanako@example.jp valid-after=\"20990101Z\" {p256}\n",
        false,
        Some("not-yet-valid"),
    ),
    case(
        "valid between two times, options in upper case",
        "ed25519",
        "hanako@example.jp VALID-AFTER=\"20200101\",valid-before=\"209901011200Z\" {ed25519}\n",
        true,
        None,
    ),
    case(
        "a cert-authority line is set aside, the next line used",
        "ed25519",
        "*@example.jp cert-authority {rsa}\nhanako@example.jp {ed25519}\n",
        true,
        None,
    ),
    Case {
        namespace: "git",
        ..case(
            "signed for git",
            "ed25519",
            "hanako@example.jp {ed25519}\n",
            false,
            Some("other-namespace"),
        )
    },
    Case {
        tampered: true,
        ..case(
            "tampered",
            "rsa",
            "hanako@example.jp {rsa}\n",
            false,
            Some("mismatch"),
        )
    },
    Case {
        tampered: true,
        ..case(
            "tampered ECDSA",
            "p521",
            "hanako@example.jp {p521}\n",
            false,
            Some("mismatch"),
        )
    },
];

#[test]
fn ssh_keygen_and_checksheet_agree_on_every_allowed_signers_case() {
    if !have_ssh_keygen() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let (code, _, stderr) = run(&mut checksheet(
        &root(),
        &["build", "examples/sample-phr", "--out", arg(&site)],
    ));
    assert_eq!(code, 0, "{stderr}");
    let keys: Vec<(&str, (PathBuf, String))> = [
        ("ed25519", &["ed25519"][..]),
        ("p256", &["ecdsa", "-b", "256"]),
        ("p384", &["ecdsa", "-b", "384"]),
        ("p521", &["ecdsa", "-b", "521"]),
        ("rsa", &["rsa", "-b", "2048"]),
    ]
    .into_iter()
    .map(|(name, kind)| (name, key(dir.path(), name, kind)))
    .collect();
    let manifest = site.join("manifest.json");
    let message = std::fs::read(&manifest).unwrap();
    let allowed = dir.path().join("allowed_signers");
    let mut disagreements = Vec::new();
    for case in CASES {
        let mut text = case.allowed.to_owned();
        for (name, (_, public)) in &keys {
            text = text.replace(&format!("{{{name}}}"), public);
        }
        std::fs::write(&allowed, text).unwrap();
        let (signer, _) = &keys
            .iter()
            .find(|(name, _)| *name == case.signer)
            .unwrap()
            .1;
        let mut bytes = message.clone();
        if case.tampered {
            bytes.extend_from_slice(b" ");
        }
        let signature = ssh_sign(dir.path(), signer, case.namespace, &bytes);
        std::fs::write(site.join("manifest.json.sig"), signature).unwrap();

        let by_ssh = ssh_verifies(
            &allowed,
            case.identity,
            &site.join("manifest.json.sig"),
            &manifest,
        );
        let (code, stdout, stderr) = run(&mut checksheet(
            dir.path(),
            &[
                "verify",
                arg(&site),
                "--allowed-signers",
                arg(&allowed),
                "--format",
                "json",
            ],
        ));
        let json: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{}: {stderr}", case.name));
        let signature = &json["verification"]["signature"];
        let by_checksheet = code == 0
            && signature["state"] == "valid"
            && signature["signers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s == case.identity);
        if by_ssh != case.holds || by_checksheet != case.holds {
            disagreements.push(format!(
                "{}: expected {}, ssh-keygen {by_ssh}, checksheet {by_checksheet} ({signature})",
                case.name, case.holds
            ));
        }
        let reason = signature["problem"]["reason"].as_str();
        if reason != case.reason {
            disagreements.push(format!(
                "{}: reason {reason:?}, expected {:?}",
                case.name, case.reason
            ));
        }
        if case.allowed.contains("cert-authority") {
            assert!(
                stderr.contains("allowed_signers:1: cert-authority lines"),
                "{stderr}"
            );
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

#[test]
fn an_unsupported_key_type_is_named_and_the_other_lines_are_used() {
    if !have_ssh_keygen() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let (signing, public) = key(dir.path(), "ed25519", &["ed25519"]);
    let (code, _, stderr) = run(checksheet(
        &root(),
        &[
            "build",
            "examples/sample-phr",
            "--out",
            arg(&site),
            "--sign",
            arg(&signing),
        ],
    )
    .env_remove("CHECKSHEET_SIGN_PASSPHRASE"));
    assert_eq!(code, 0, "{stderr}");
    // A DSA key, which OpenSSH no longer makes, written as an older ssh-keygen did.
    let dsa = "ssh-dss AAAAB3NzaC1kc3MAAACBAPEC4JVAKJ2q94YnPJY0tmyQq/T37OQpeirnLmhJB0mD8g6tF2AMiqVrWlHHU5WdfRY4ispN3DY/Ii0pXYwehra7ipA9i6m+4rCNlWcy597lk89ZAlpyAX3WvrBI76wUNcLP9/7ui2Y+fvnNQJmwVuFHGUgtVbYdoNIweliM33D/AAAAFQDQ/fEGq3tnE71aCrhAKnqaJCWGXQAAAIBRDge0YTw3//KM2qmyylP5wLPx54rUF68SIU2472bJWoYPsNCCrVAPHyByGW4am4ZEmrAFeFc13GZRwrM3kyaHnY1eVe6pS0Wh05eGfzGJiW0CuqHB6Qajnn7NZq11MsOCd3FGR6VGcRFJYOHtdn3oHTBaGfGjC0rjLZ3DmWbdfAAAAIEA8O/e48Ek4LZDta1DMuIWspbkVOHaOrcmGqL9p0DL27YWb91zvo2tI1Iwi2i2fcx0xsVJW1xfVIFtevkFe+LxFeVkdz5J+EwDTZd7UvTglFTobdEwXqWdGmmc6x4/2LKf0THwIo5k/c1MN3K3AlUHnEyuFiVHrqqfx/+MRS1QHEs=";
    let allowed = dir.path().join("allowed_signers");
    std::fs::write(
        &allowed,
        format!("taro@example.jp {dsa}\nhanako@example.jp {public}\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = run(&mut checksheet(
        dir.path(),
        &["verify", arg(&site), "--allowed-signers", arg(&allowed)],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("allowed_signers:1: the key type ssh-dss is not supported"),
        "{stderr}"
    );
    assert!(stderr.contains("this line is not used"), "{stderr}");
    let (_, _, japanese) = run(checksheet(
        dir.path(),
        &["verify", arg(&site), "--allowed-signers", arg(&allowed)],
    )
    .env("CHECKSHEET_LANG", "ja"));
    assert!(
        japanese.contains("鍵の種類 ssh-dss には対応していません"),
        "{japanese}"
    );
}

#[test]
fn build_signs_with_an_ecdsa_key_that_ssh_keygen_accepts_and_names_an_rsa_key_it_cannot_use() {
    if !have_ssh_keygen() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let build = |signing: &Path, site: &Path| {
        run(checksheet(
            &root(),
            &[
                "build",
                "examples/sample-phr",
                "--out",
                arg(site),
                "--sign",
                arg(signing),
            ],
        )
        .env_remove("CHECKSHEET_SIGN_PASSPHRASE"))
    };
    let (signing, public) = key(dir.path(), "p256", &["ecdsa", "-b", "256"]);
    let site = dir.path().join("site");
    let (code, _, stderr) = build(&signing, &site);
    assert_eq!(code, 0, "{stderr}");
    let allowed = dir.path().join("allowed_signers");
    std::fs::write(&allowed, format!("hanako@example.jp {public}\n")).unwrap();
    assert!(ssh_verifies(
        &allowed,
        "hanako@example.jp",
        &site.join("manifest.json.sig"),
        &site.join("manifest.json")
    ));
    let (rsa, _) = key(dir.path(), "rsa", &["rsa", "-b", "2048"]);
    let (code, _, stderr) = build(&rsa, &dir.path().join("rsa-site"));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("is a ssh-rsa key; signing takes an ed25519 or ECDSA key"),
        "{stderr}"
    );
}
