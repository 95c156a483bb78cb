//! Hostile web servers, on 127.0.0.1, against `verify` and `partners check`: a response that
//! never ends, one that claims 2 GB, a gzip bomb, a slow drip, a stall, a manifest that is
//! not UTF-8, one that names files outside the site, one of ten million entries. Each is
//! refused within its limit (8 MiB for a manifest, `CHECKSHEET_FETCH_TIMEOUT` seconds for a
//! file), and nothing is written anywhere.

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use crate::{checksheet, root, run};

/// What a hostile server answers to every request.
#[derive(Clone, Copy)]
enum Answer {
    /// `200` without a length, and bytes until the reader gives up.
    Endless,
    /// `200` claiming 2 GB, and zeros until the reader gives up.
    Huge,
    /// `200` with `Content-Encoding: gzip`: 64 MiB of zeros in 64 KiB.
    Bomb,
    /// A byte every 100 ms, for ever.
    Drip,
    /// The head of a response, then nothing.
    Stall,
    /// A manifest whose text is not UTF-8.
    NotUtf8,
    /// A manifest naming files outside the site.
    Escape,
    /// A manifest of ten million outputs, streamed.
    Many,
}

/// Zeros compressed with gzip: a small body that inflates to 64 MiB.
fn bomb() -> Vec<u8> {
    let mut gzip = std::process::Command::new("gzip")
        .args(["-c", "-9"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip runs");
    let mut input = gzip.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..64 {
            input.write_all(&zeros).unwrap();
        }
    });
    let output = gzip.wait_with_output().unwrap();
    writer.join().unwrap();
    output.stdout
}

const MANIFEST_HEAD: &str =
    "{\"tool\": {\"name\": \"checksheet\", \"version\": \"1\"}, \"outputs\": {";

/// Answers one request on `stream` as `answer` says.
fn answer(mut stream: TcpStream, answer: Answer, bomb: &[u8]) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let endless = |stream: &mut TcpStream, chunk: &[u8]| {
        while stream.write_all(chunk).is_ok() {}
    };
    match answer {
        Answer::Endless => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            endless(&mut stream, MANIFEST_HEAD.repeat(1000).as_bytes());
        }
        Answer::Huge => {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\nConnection: close\r\n\r\n",
            );
            endless(&mut stream, &vec![0; 65536]);
        }
        Answer::Bomb => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                bomb.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(bomb);
        }
        Answer::Drip => {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n",
            );
            while stream.write_all(b" ").is_ok() {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        Answer::Stall => {
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n");
            std::thread::sleep(Duration::from_secs(60));
        }
        Answer::NotUtf8 => {
            let body = b"{\"tool\": {\"name\": \"checksheet\\xff\\xfe\", \"version\": \"\xff\xfe\xfd\"}, \"outputs\": {}}";
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
        Answer::Escape => {
            let sha = "0".repeat(64);
            let body = format!(
                "{MANIFEST_HEAD}\"../../etc/passwd\": \"{sha}\", \"/etc/passwd\": \"{sha}\"}}}}"
            );
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
        Answer::Many => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(MANIFEST_HEAD.as_bytes());
            let sha = "0".repeat(64);
            for entry in 0..10_000_000u32 {
                let line = format!("\"page-{entry:08}.html\": \"{sha}\",\n");
                if stream.write_all(line.as_bytes()).is_err() {
                    return;
                }
            }
            let _ = stream.write_all(b"\"last\": \"\"}}");
        }
    }
}

/// A server at `http://127.0.0.1:<port>/` that answers every request as `answer` says, each
/// connection on a thread of its own, until the test process ends.
fn hostile(answer_with: Answer) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/", listener.local_addr().unwrap());
    let bomb = if matches!(answer_with, Answer::Bomb) {
        bomb()
    } else {
        Vec::new()
    };
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let bomb = bomb.clone();
            std::thread::spawn(move || answer(stream, answer_with, &bomb));
        }
    });
    base
}

/// Seconds a fetch may take in these tests.
const TIMEOUT: &str = "2";

/// Runs `checksheet` in an empty folder with the short fetch time-out: exit code, output,
/// errors and how long it took; the folder must stay empty.
fn attacked(args: &[&str], dir: Option<&std::path::Path>) -> (i32, String, String, Duration) {
    let empty = tempfile::tempdir().unwrap();
    let here = dir.unwrap_or(empty.path());
    let started = Instant::now();
    let (code, stdout, stderr) =
        run(checksheet(here, args).env("CHECKSHEET_FETCH_TIMEOUT", TIMEOUT));
    let took = started.elapsed();
    assert_eq!(
        std::fs::read_dir(empty.path()).unwrap().count(),
        0,
        "{args:?} wrote a file"
    );
    (code, stdout, stderr, took)
}

/// Every hostile answer, with what the refusal says and how long it may take at most.
fn cases() -> Vec<(Answer, &'static str, &'static str, Duration)> {
    let quick = Duration::from_secs(30);
    vec![
        (Answer::Endless, "endless", "larger than 8 MiB", quick),
        (Answer::Huge, "2 GB", "larger than 8 MiB", quick),
        (Answer::Bomb, "gzip bomb", "not a manifest", quick),
        (
            Answer::Drip,
            "slow drip",
            "not received within 2 seconds",
            quick,
        ),
        (
            Answer::Stall,
            "stall",
            "not received within 2 seconds",
            quick,
        ),
        (Answer::NotUtf8, "not UTF-8", "not a manifest", quick),
        (
            Answer::Escape,
            "escape",
            "which is not a path inside the site",
            quick,
        ),
        (
            Answer::Many,
            "ten million entries",
            "larger than 8 MiB",
            quick,
        ),
    ]
}

#[test]
fn verify_refuses_every_hostile_server_in_time() {
    for (answer, name, says, limit) in cases() {
        let base = hostile(answer);
        let (code, _, stderr, took) = attacked(&["verify", &base], None);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert!(took < limit, "{name} took {took:?}");
    }
}

#[test]
fn partners_check_names_every_hostile_partner_in_time() {
    let dir = crate::copy_of(&root().join("examples/sample-phr"));
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    for (answer, name, says, limit) in cases() {
        let base = hostile(answer);
        let partnered = text.replace("https://example.com/okusuri-memo/checksheet/", &base);
        assert_ne!(partnered, text, "the sample names no partner");
        std::fs::write(&settings, partnered).unwrap();
        let (code, stdout, stderr, took) = attacked(&["partners", "check"], Some(dir.path()));
        // One partner's server does not stop the others from being checked: it is named,
        // not verified.
        assert_eq!(code, 1, "{name}: {stdout}{stderr}");
        assert!(stdout.contains(says), "{name}: {stdout}");
        assert!(took < limit, "{name} took {took:?}");
    }
}

#[test]
fn a_fetch_time_out_that_is_not_a_number_of_seconds_is_refused() {
    for value in ["0", "十", "-1", "2.5"] {
        let (code, _, stderr) = run(checksheet(&root(), &["verify", "http://127.0.0.1:9/"])
            .env("CHECKSHEET_FETCH_TIMEOUT", value));
        assert_eq!(code, 2, "{value}: {stderr}");
        assert!(
            stderr.contains("CHECKSHEET_FETCH_TIMEOUT"),
            "{value}: {stderr}"
        );
    }
}
