//! `build --sign --timestamp` and `verify --tsa-certs`: RFC 3161 time-stamps of the
//! signature from a time-stamping authority run locally with `openssl ts`.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use crate::{checksheet, has, root, run};

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Whether `openssl` and `ssh-keygen` are here; continuous integration must have them.
fn have_tools() -> bool {
    let ssh = Command::new("ssh-keygen").arg("-?").output().is_ok();
    assert!(
        ssh || std::env::var_os("CI").is_none(),
        "CI needs ssh-keygen"
    );
    let here = has("openssl", &["version"]) && ssh;
    if !here {
        eprintln!("skipped: openssl or ssh-keygen is not installed");
    }
    here
}

fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A time-stamping authority in its own folder: a root certificate (`ca.pem`) and a
/// time-stamping certificate it issued (`tsa.pem`, key `tsa.key`), with `openssl ts`'s
/// settings (`ts.cnf`).
struct Authority {
    dir: tempfile::TempDir,
}

impl Authority {
    fn new(name: &str) -> Authority {
        Authority::with_usage(name, "extendedKeyUsage=critical,timeStamping")
    }

    /// An authority whose certificate has the extension `usage`.
    fn with_usage(name: &str, usage: &str) -> Authority {
        let dir = tempfile::tempdir().unwrap();
        let at = dir.path();
        let root_name = format!("/O={name}/CN={name} Root");
        let tsa_name = format!("/O={name}/CN={name} TSA");
        openssl(
            at,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "30",
                "-utf8",
                "-subj",
                &root_name,
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        openssl(
            at,
            &[
                "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr",
                "-utf8", "-subj", &tsa_name,
            ],
        );
        std::fs::write(
            at.join("ext.cnf"),
            format!("{usage}\nbasicConstraints=CA:FALSE\n"),
        )
        .unwrap();
        openssl(
            at,
            &[
                "x509",
                "-req",
                "-in",
                "tsa.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "tsa.pem",
                "-days",
                "30",
                "-extfile",
                "ext.cnf",
            ],
        );
        std::fs::write(
            at.join("ts.cnf"),
            "[ tsa ]\ndefault_tsa = tsa_config1\n[ tsa_config1 ]\nserial = ./serial\n\
             signer_digest = sha256\ndefault_policy = 1.2.3.4.1\n\
             digests = sha256, sha384, sha512\ness_cert_id_alg = sha256\ntsa_name = no\n\
             ess_cert_id_chain = no\n",
        )
        .unwrap();
        std::fs::write(at.join("serial"), "01\n").unwrap();
        Authority { dir }
    }

    /// The same authority giving its times to the millisecond (`20261203205758.125Z`).
    fn with_fractions(self) -> Authority {
        let settings = self.path("ts.cnf");
        let mut text = std::fs::read_to_string(&settings).unwrap();
        text.push_str("clock_precision_digits = 3\n");
        std::fs::write(settings, text).unwrap();
        self
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The authority's answer (a DER `TimeStampResp`) to the DER request `query`.
    fn reply(&self, query: &[u8]) -> Vec<u8> {
        std::fs::write(self.path("query.tsq"), query).unwrap();
        openssl(
            self.dir.path(),
            &[
                "ts",
                "-reply",
                "-queryfile",
                "query.tsq",
                "-inkey",
                "tsa.key",
                "-signer",
                "tsa.pem",
                "-chain",
                "ca.pem",
                "-config",
                "ts.cnf",
                "-out",
                "reply.tsr",
            ],
        );
        std::fs::read(self.path("reply.tsr")).unwrap()
    }

    /// The authority's answer for `data`, asked as `openssl ts -query` asks.
    fn reply_for(&self, data: &[u8]) -> Vec<u8> {
        std::fs::write(self.path("data"), data).unwrap();
        openssl(
            self.dir.path(),
            &[
                "ts", "-query", "-data", "data", "-sha256", "-cert", "-out", "own.tsq",
            ],
        );
        self.reply(&std::fs::read(self.path("own.tsq")).unwrap())
    }
}

/// What the server answers: a status and a body, or nothing at all.
type Answer = Option<(u16, Vec<u8>)>;

/// A web server on 127.0.0.1 that answers each POST with what `answer` makes of its body:
/// a status and a body, or `None` to hang up without a word. Its address.
fn serve(answer: impl Fn(&[u8]) -> Answer + Send + 'static) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/tsr", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some((name, value)) = line.split_once(':')
                    && name.eq_ignore_ascii_case("content-length")
                {
                    length = value.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                continue;
            }
            let Some((status, reply)) = answer(&body) else {
                continue;
            };
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/timestamp-reply\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n",
                reply.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&reply);
        }
    });
    address
}

/// A new ed25519 signing key in `dir`.
fn signing_key(dir: &Path) -> PathBuf {
    let path = dir.join("signing");
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    path
}

/// `build` of the sample into `site`, with `args` after it.
fn build(site: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["build", "examples/sample-phr", "--out", arg(site)];
    all.extend(args);
    let mut command = checksheet(&root(), &all);
    command.env_remove("CHECKSHEET_SIGN_PASSPHRASE");
    run(&mut command)
}

fn verify(site: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["verify", arg(site)];
    all.extend(args);
    run(&mut checksheet(&root(), &all))
}

/// The sample built, signed and time-stamped by `authority` in a new folder: (the folder,
/// the site in it).
fn stamped(authority: &Arc<Authority>) -> (tempfile::TempDir, PathBuf) {
    let authority = Arc::clone(authority);
    let dir = tempfile::tempdir().unwrap();
    let key = signing_key(dir.path());
    let url = serve(move |query| Some((200, authority.reply(query))));
    let site = dir.path().join("site");
    let (code, stdout, stderr) = build(&site, &["--sign", arg(&key), "--timestamp", &url]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("time-stamped by CN=Test TSA,O=Test as `manifest.json.tsr` ("),
        "{stdout}"
    );
    (dir, site)
}

#[test]
fn a_time_stamp_over_the_signature_verifies_and_shows_the_time() {
    if !have_tools() {
        return;
    }
    let authority = Arc::new(Authority::new("Test").with_fractions());
    let trusted = authority.path("ca.pem");
    let (_dir, site) = stamped(&authority);
    // The token is a site-own file, like the signature: not in the manifest's outputs.
    let manifest = std::fs::read_to_string(site.join("manifest.json")).unwrap();
    assert!(!manifest.contains("manifest.json.tsr"), "{manifest}");

    // OpenSSL agrees.
    let checked = Command::new("openssl")
        .args(["ts", "-verify", "-in"])
        .arg(site.join("manifest.json.tsr"))
        .arg("-data")
        .arg(site.join("manifest.json.sig"))
        .arg("-CAfile")
        .arg(&trusted)
        .output()
        .unwrap();
    assert!(checked.status.success(), "{checked:?}");

    let (code, stdout, stderr) = verify(&site, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("as the time-stamping authority CN=Test TSA,O=Test attests; whether that authority is to be trusted was not checked (--tsa-certs checks it)"),
        "{stdout}"
    );
    let (code, stdout, stderr) = verify(&site, &["--tsa-certs", arg(&trusted)]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("as the trusted time-stamping authority CN=Test TSA,O=Test attests"),
        "{stdout}"
    );
    let (code, stdout, _) = run(&mut checksheet(
        &root(),
        &[
            "--lang",
            "ja",
            "verify",
            arg(&site),
            "--tsa-certs",
            arg(&trusted),
        ],
    ));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("（日本時間、"), "{stdout}");

    let (code, json, _) = verify(&site, &["--tsa-certs", arg(&trusted), "--format", "json"]);
    assert_eq!(code, 0, "{json}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let stamp = &json["verification"]["timestamp"];
    assert_eq!(stamp["state"], "valid", "{stamp}");
    let time: jiff::Timestamp = stamp["time"].as_str().unwrap().parse().unwrap();
    let apart = jiff::Timestamp::now().duration_since(time).as_secs().abs();
    assert!(apart < 60, "{time} is {apart} s from now");
}

#[test]
fn a_time_stamp_over_other_bytes_or_of_an_altered_signature_fails() {
    if !have_tools() {
        return;
    }
    let authority = Arc::new(Authority::new("Test"));
    let trusted = authority.path("ca.pem");
    let (_dir, site) = stamped(&authority);
    let other = authority.reply_for(b"other bytes");
    let token = site.join("manifest.json.tsr");
    let good = std::fs::read(&token).unwrap();

    // A genuine token, from the same authority, over other bytes.
    std::fs::write(&token, &other).unwrap();
    for extra in [&[][..], &["--tsa-certs", arg(&trusted)][..]] {
        let (code, stdout, _) = verify(&site, extra);
        assert_eq!(code, 1, "{stdout}");
        assert!(
            stdout.contains("the time-stamp manifest.json.tsr does not hold: it is over other data (its SHA-256 is not that of manifest.json.sig)"),
            "{stdout}"
        );
        assert!(stdout.ends_with("not verified\n"), "{stdout}");
    }
    std::fs::write(&token, &good).unwrap();
    assert_eq!(verify(&site, &["--tsa-certs", arg(&trusted)]).0, 0);

    // The signature altered after it was stamped.
    let signature = site.join("manifest.json.sig");
    let signed = std::fs::read(&signature).unwrap();
    let mut bytes = signed.clone();
    bytes.extend_from_slice(b"\n");
    std::fs::write(&signature, bytes).unwrap();
    let (code, stdout, _) = verify(&site, &["--tsa-certs", arg(&trusted)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("manifest.json.tsr does not hold: it is over other data"),
        "{stdout}"
    );
    std::fs::remove_file(&signature).unwrap();
    let (code, stdout, _) = verify(&site, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("there is no signature manifest.json.sig for it to be over"),
        "{stdout}"
    );

    std::fs::write(&signature, &signed).unwrap();
    // The authority's signature altered; the time altered (which the signed attributes
    // bind).
    let mut bytes = good.clone();
    *bytes.last_mut().unwrap() ^= 1;
    std::fs::write(&token, &bytes).unwrap();
    let (code, stdout, _) = verify(&site, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("its signature does not verify with the authority's certificate"),
        "{stdout}"
    );
    let mut bytes = good.clone();
    let time = bytes
        .windows(2)
        .position(|w| w == [0x18, 0x0f])
        .expect("a GeneralizedTime");
    bytes[time + 2 + 2] = if bytes[time + 4] == b'9' { b'8' } else { b'9' };
    std::fs::write(&token, &bytes).unwrap();
    let (code, stdout, _) = verify(&site, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("its signed attributes (content-type and message-digest) do not match"),
        "{stdout}"
    );

    // A token that is not one.
    std::fs::write(&token, b"not a token").unwrap();
    let (code, stdout, _) = verify(&site, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("it cannot be read as an RFC 3161 time-stamp"),
        "{stdout}"
    );
}

#[test]
fn a_time_stamp_from_an_authority_not_under_the_trusted_one_fails() {
    if !have_tools() {
        return;
    }
    let trusted_one = Authority::new("Trusted");
    let authority = Arc::new(Authority::new("Test"));
    let (_dir, site) = stamped(&authority);
    let (code, stdout, _) = verify(&site, &["--tsa-certs", arg(&trusted_one.path("ca.pem"))]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("the time-stamp manifest.json.tsr does not hold: the certificate of the authority CN=Test TSA,O=Test does not lead to any certificate in --tsa-certs"),
        "{stdout}"
    );
    // The authority's own certificate, trusted as it is, holds; a file of no certificate
    // is refused.
    let (code, stdout, _) = verify(&site, &["--tsa-certs", arg(&authority.path("tsa.pem"))]);
    assert_eq!(code, 0, "{stdout}");
    let (code, stdout, stderr) = verify(&site, &["--tsa-certs", arg(&site.join("index.html"))]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("no certificate can be read from"),
        "{stderr}"
    );
    // With trusted authorities given, a site without a time-stamp does not verify.
    std::fs::remove_file(site.join("manifest.json.tsr")).unwrap();
    let (code, stdout, _) = verify(&site, &["--tsa-certs", arg(&trusted_one.path("ca.pem"))]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("there is no time-stamp (manifest.json.tsr)"),
        "{stdout}"
    );
    assert_eq!(verify(&site, &[]).0, 0);
}

#[test]
fn a_time_stamp_without_a_signature_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let (code, _, stderr) = build(&site, &["--timestamp", "http://127.0.0.1:9/"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--timestamp goes with --sign"), "{stderr}");
    assert!(!site.exists());
}

/// Every file under `dir` with its contents.
fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(contents(&path));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            found.push((path, bytes));
        }
    }
    found.sort();
    found
}

#[test]
fn an_authority_that_fails_is_a_build_error_and_the_site_is_left_as_it_was() {
    if !have_tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let key = signing_key(dir.path());
    let site = dir.path().join("site");
    let (code, _, stderr) = build(&site, &["--sign", arg(&key)]);
    assert_eq!(code, 0, "{stderr}");
    let before = contents(&site);
    // A genuine answer over the same signature (Ed25519 signs the same manifest alike), but
    // to another request: an old answer replayed.
    let replayed =
        Authority::new("Test").reply_for(&std::fs::read(site.join("manifest.json.sig")).unwrap());
    // A rejection: PKIStatusInfo { status 2 (rejection), statusString "no" }.
    let rejection = b"\x30\x0b\x30\x09\x02\x01\x02\x30\x04\x0c\x02no".to_vec();
    let answers: [(&str, Answer); 6] = [
        (
            "larger than 1 MiB",
            Some((200, vec![0x30; 2 * 1024 * 1024])),
        ),
        ("its nonce is not the one asked for", Some((200, replayed))),
        (
            "it cannot be read as an RFC 3161 time-stamp",
            Some((200, b"garbage".to_vec())),
        ),
        (
            "the authority refused to time-stamp (status 2) no",
            Some((200, rejection)),
        ),
        ("the server answered HTTP 500", Some((500, Vec::new()))),
        ("no time-stamp from", None),
    ];
    for (expected, answer) in answers {
        let url = serve(move |_| answer.clone());
        let (code, stdout, stderr) = build(&site, &["--sign", arg(&key), "--timestamp", &url]);
        assert_eq!(code, 2, "{stdout}{stderr}");
        assert!(
            stderr.contains(&format!("no time-stamp from {url}: ")),
            "{stderr}"
        );
        assert!(stderr.contains(expected), "{stderr}");
        assert!(stderr.contains("the site was left as it was"), "{stderr}");
        assert_eq!(contents(&site), before, "{expected}");
    }
}

#[test]
fn a_token_signed_by_a_certificate_not_for_time_stamping_fails() {
    if !have_tools() {
        return;
    }
    let authority = Arc::new(Authority::new("Test"));
    let (_dir, site) = stamped(&authority);
    // openssl ts will not sign with such a certificate: the genuine token's TSTInfo is
    // signed again with `openssl cms` by one without the timeStamping key usage.
    let other = Authority::with_usage("Other", "keyUsage=digitalSignature");
    let at = other.dir.path();
    std::fs::copy(site.join("manifest.json.tsr"), at.join("good.tsr")).unwrap();
    openssl(
        at,
        &[
            "ts",
            "-reply",
            "-in",
            "good.tsr",
            "-token_out",
            "-out",
            "token.der",
        ],
    );
    openssl(
        at,
        &[
            "cms",
            "-verify",
            "-noverify",
            "-inform",
            "DER",
            "-in",
            "token.der",
            "-out",
            "tstinfo.der",
        ],
    );
    openssl(
        at,
        &[
            "cms",
            "-sign",
            "-binary",
            "-nodetach",
            "-econtent_type",
            "1.2.840.113549.1.9.16.1.4",
            "-in",
            "tstinfo.der",
            "-signer",
            "tsa.pem",
            "-inkey",
            "tsa.key",
            "-md",
            "sha256",
            "-outform",
            "DER",
            "-out",
            "forged.der",
        ],
    );
    let token = std::fs::read(at.join("forged.der")).unwrap();
    // TimeStampResp { status { granted }, token }.
    let length = u16::try_from(token.len() + 5).unwrap().to_be_bytes();
    let mut answer = vec![
        0x30, 0x82, length[0], length[1], 0x30, 0x03, 0x02, 0x01, 0x00,
    ];
    answer.extend_from_slice(&token);
    std::fs::write(site.join("manifest.json.tsr"), &answer).unwrap();
    let (code, stdout, _) = verify(&site, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("the certificate CN=Other TSA,O=Other is not for time-stamping"),
        "{stdout}"
    );
}
