//! Nothing internal reaches a published file or a public `diff`: over a history in which
//! every field of every kind of evidence, every note and every visibility flag changes,
//! in every combination, from one publication to the next.

use std::fmt::Write as _;
use std::path::Path;

use sha2::Digest as _;

use crate::{checksheet, fixtures, git, run};

/// The publications the history is made of.
const STATES: usize = 4;

/// Each kind of evidence with the fields it is written with.
const KINDS: &[(&str, &[&str])] = &[
    ("url", &["url", "title-ja", "title-en"]),
    ("file", &["file", "contents", "title-ja", "title-en"]),
    (
        "certificate",
        &[
            "scheme",
            "number",
            "issuer",
            "scope",
            "valid-from",
            "valid-until",
            "title-ja",
            "title-en",
        ],
    ),
    ("record", &["date", "summary", "title-ja", "title-en"]),
    (
        "partner-check",
        &[
            "partner", "checked", "result", "summary", "title-ja", "title-en",
        ],
    ),
];

/// How an entry's `public:` reads at each publication: shown, hidden, or left to the
/// kind's default. Together they make every move between shown and hidden, both ways and
/// staying, written and by default.
const VISIBILITY: &[[Option<bool>; STATES]] = &[
    [Some(true), Some(false), Some(false), Some(true)],
    [Some(false), Some(true), Some(true), Some(false)],
    [None, Some(true), None, Some(false)],
    [None, Some(false), None, Some(true)],
];

/// What is never published: any of these in a published file is a leak. Internal values
/// say `INTERNAL`; internal dates are in years nothing else uses.
const SECRETS: &[&str] = &["INTERNAL", "intranet", "2010-", "2011-", "2099-"];

/// One evidence entry of the history: its kind, the field that changes from one
/// publication to the next (`all`, or `none` when only its visibility does) and how its
/// visibility goes.
struct Entry {
    number: usize,
    kind: &'static str,
    changing: &'static str,
    visibility: [Option<bool>; STATES],
}

impl Entry {
    fn public(&self, state: usize) -> bool {
        self.visibility[state].unwrap_or(matches!(self.kind, "url" | "certificate"))
    }

    fn changes(&self, field: &str) -> bool {
        self.changing == "all" || self.changing == field
    }

    /// The text of `field` at `state`: marked internal when it changes and the entry is
    /// hidden then, so that it is published at no publication.
    fn text(&self, field: &str, state: usize) -> String {
        if !self.changes(field) {
            return format!("SAME-{}-{field}-e{}", self.kind, self.number);
        }
        let mark = if self.public(state) {
            "PUBLIC"
        } else {
            "INTERNAL"
        };
        format!("{mark}-{}-{field}-e{}-s{state}", self.kind, self.number)
    }

    /// A date for `field` at `state`: in `internal` when it changes and the entry is
    /// hidden, else in `public`, or `same` when it does not change.
    fn date(&self, field: &str, state: usize, [internal, public, same]: [u32; 3]) -> String {
        let day = 1 + (self.number * STATES + state) % 28;
        let month = 1 + self.number % 12;
        let year = if !self.changes(field) {
            return format!("{same}-01-01");
        } else if self.public(state) {
            public
        } else {
            internal
        };
        format!("{year}-{month:02}-{day:02}")
    }

    /// The file it names at `state`, with its contents.
    fn file(&self, state: usize) -> (String, String) {
        let path = format!("evidence/{}.md", self.text("file", state));
        let contents = format!("{}\n", self.text("contents", state));
        (path, contents)
    }

    /// The entry as written in an answers file at `state`.
    fn yaml(&self, state: usize) -> String {
        let text = |field: &str| format!("\"{}\"", self.text(field, state));
        let mut fields = match self.kind {
            "url" => {
                let host = if self.changes("url") && !self.public(state) {
                    "intranet.example.jp"
                } else {
                    "example.jp"
                };
                format!("url: \"https://{host}/{}\"", self.text("url", state))
            }
            "file" => format!("file: {}", self.file(state).0),
            "certificate" => format!(
                "certificate: {{scheme: {}, number: {}, issuer: {}, scope: {}, valid-from: {}, valid-until: {}}}",
                text("scheme"),
                text("number"),
                text("issuer"),
                text("scope"),
                self.date(
                    "valid-from",
                    state,
                    [if self.changing == "all" { 2010 } else { 2099 }, 2030, 2001]
                ),
                self.date("valid-until", state, [2011, 2031, 2121]),
            ),
            "record" => format!(
                "record: {{date: {}, summary: {}}}",
                self.date("date", state, [2011, 2025, 2024]),
                text("summary"),
            ),
            _ => format!(
                "partner-check: {{partner: {}, checked: {}, result: {}, summary: {}}}",
                if self.changes("partner") && state % 2 == 1 {
                    "beta"
                } else {
                    "alpha"
                },
                self.date("checked", state, [2011, 2025, 2024]),
                if self.changes("result") && state % 2 == 1 {
                    "not-verified"
                } else {
                    "verified"
                },
                text("summary"),
            ),
        };
        let _ = write!(
            fields,
            ", title: {{ja: {}, en: {}}}",
            text("title-ja"),
            text("title-en")
        );
        if let Some(public) = self.visibility[state] {
            let _ = write!(fields, ", public: {public}");
        }
        format!("      - {{{fields}}}\n")
    }
}

/// Every entry: each kind, each field changing alone, all at once or none, each way its
/// visibility goes.
fn entries() -> Vec<Entry> {
    let mut entries = Vec::new();
    for &(kind, fields) in KINDS {
        for &changing in fields.iter().chain(&["all", "none"]) {
            for &visibility in VISIBILITY {
                entries.push(Entry {
                    number: entries.len(),
                    kind,
                    changing,
                    visibility,
                });
            }
        }
    }
    entries
}

/// The answers file at `state`: every entry cited by the requirements whose answer
/// claims they are met, with a note and explanations in both languages that change too.
fn answers(entries: &[Entry], state: usize) -> String {
    let mut yaml = format!(
        "as-of: 2026-04-0{}\nreviewed-by: 個人情報保護管理者 山田花子\napproved-by: {{name: 鈴木一郎, title: 代表取締役社長, date: 2026-04-10}}\nfacts: {{api: true, shares: true, abroad: false}}\nanswers:\n",
        state + 1
    );
    for (requirement, kinds) in [
        ("cert", &["certificate"][..]),
        ("safeguards", &["file", "url"][..]),
        ("records", &["record", "partner-check"][..]),
    ] {
        let _ = write!(
            yaml,
            "  {requirement}:\n    status: {}\n    explanation: {{ja: 説明{state}, en: Explanation {state}}}\n    note: INTERNAL-note-{requirement}-s{state}\n    evidence:\n",
            if state.is_multiple_of(2) {
                "done"
            } else {
                "partial"
            }
        );
        for entry in entries.iter().filter(|e| kinds.contains(&e.kind)) {
            yaml.push_str(&entry.yaml(state));
        }
    }
    yaml
}

/// A repository with a publication per state, and the SHA-256 of every internal file
/// it ever held.
fn history() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::copy(
        fixtures().join("mini-checklist.yaml"),
        path.join("checklist.yaml"),
    )
    .unwrap();
    std::fs::write(
        path.join("checksheet.yaml"),
        "organization: {name: テスト}\nchecklist: checklist.yaml\nlanguages: [ja, en]\nservices:\n  - {id: app, name: アプリ, name-en: App, answers: app.yaml}\npartners:\n  - {id: alpha, name: アルファ, url: \"https://alpha.example.jp/\"}\n  - {id: beta, name: ベータ, url: \"https://beta.example.jp/\"}\n",
    )
    .unwrap();
    std::fs::create_dir(path.join("evidence")).unwrap();
    git(path, &["init", "--quiet"]);
    let entries = entries();
    let mut hashes = Vec::new();
    for state in 0..STATES {
        for entry in entries.iter().filter(|e| e.kind == "file") {
            let (file, contents) = entry.file(state);
            if !entry.public(state) && contents.contains("INTERNAL") {
                let digest = sha2::Sha256::digest(contents.as_bytes());
                hashes.push(digest.iter().fold(String::new(), |mut hex, b| {
                    let _ = write!(hex, "{b:02x}");
                    hex
                }));
            }
            std::fs::write(path.join(file), contents).unwrap();
        }
        std::fs::write(path.join("app.yaml"), answers(&entries, state)).unwrap();
        git(path, &["add", "--all"]);
        git(path, &["commit", "--quiet", "-m", &format!("点検 {state}")]);
        let (code, stdout, stderr) = run(&mut checksheet(path, &["publish", "--allow-incomplete"]));
        assert_eq!(code, 0, "publication {state}: {stdout}{stderr}");
    }
    (dir, hashes)
}

/// Every file under `dir`, by its path relative to `dir`.
fn files(dir: &Path, under: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            files(&entry.path(), under, out);
        } else {
            let name = entry
                .path()
                .strip_prefix(under)
                .unwrap()
                .display()
                .to_string();
            out.push((name, std::fs::read(entry.path()).unwrap()));
        }
    }
}

/// The secrets (and internal files' hashes) `text` holds, each with what surrounds it.
fn leaks(text: &str, hashes: &[String]) -> Vec<String> {
    SECRETS
        .iter()
        .copied()
        .chain(hashes.iter().map(String::as_str))
        .filter_map(|secret| {
            let at = text.find(secret)?;
            let before: String = text[..at].chars().rev().take(60).collect();
            let after: String = text[at..].chars().take(80).collect();
            let before: String = before.chars().rev().collect();
            Some(format!("{secret}: …{before}{after}…"))
        })
        .collect()
}

#[test]
fn nothing_internal_reaches_the_site_or_a_public_diff() {
    let (repo, hashes) = history();
    let path = repo.path();
    let (code, stdout, stderr) = run(&mut checksheet(path, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let mut site = Vec::new();
    files(&path.join("site"), &path.join("site"), &mut site);
    let histories = site
        .iter()
        .filter(|(name, _)| name.contains("history/checksheet-"))
        .count();
    assert!(histories > 4 * STATES, "every publication is archived");
    let mut found = Vec::new();
    for (name, bytes) in &site {
        for leak in leaks(&String::from_utf8_lossy(bytes), &hashes) {
            found.push(format!("{name}: {leak}"));
        }
    }
    let pairs = [
        ("HEAD~3", "HEAD~2"),
        ("HEAD~2", "HEAD~1"),
        ("HEAD~1", "HEAD"),
        ("HEAD~3", "HEAD"),
    ];
    for (from, to) in pairs {
        for format in ["text", "markdown", "json", "html"] {
            for language in ["ja", "en"] {
                let (code, stdout, stderr) = run(checksheet(
                    path,
                    &["--lang", language, "diff", from, to, "--format", format],
                )
                .env("LANG", "ja_JP.UTF-8"));
                assert_eq!(code, 0, "{stderr}");
                assert!(
                    stdout.contains("PUBLIC"),
                    "public changes are shown: {stdout}"
                );
                for leak in leaks(&stdout, &hashes) {
                    found.push(format!(
                        "diff {from} {to} --format {format} ({language}): {leak}"
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} leaks:\n{}",
        found.len(),
        found.join("\n")
    );
    // The internal values are there to leak: the internal diff shows them.
    let (_, internal, _) = run(&mut checksheet(
        path,
        &["diff", "HEAD~3", "HEAD", "--internal"],
    ));
    assert!(!leaks(&internal, &[]).is_empty(), "{internal}");
}
