//! What anyone typed reaches a terminal shown, never obeyed: escape sequences in answers,
//! service names and commit messages (a window title, a clipboard write, a cursor moved up
//! to write over a finding, concealed text, a bidirectional override) are printed as `^[`,
//! `^G`, `<U+202E>` by `check`, `log`, `diff` and in error messages, coloured or not.

use crate::{checksheet, copy_of, git, root, run};

/// What an attacker puts in a value, as YAML's double-quoted escapes spell it, and what
/// a reader must see in its place.
const PAYLOADS: [(&str, &str); 5] = [
    // The window's title (OSC 0), ended by BEL.
    (r"\e]0;pwned\a", "^[]0;pwned^G"),
    // The clipboard (OSC 52), ended by ST.
    (r"\e]52;c;ZXZpbA==\e\\", "^[]52;c;ZXZpbA==^[\\"),
    // The cursor moved up and the line cleared, to write over what came before.
    (r"\e[1A\e[2K", "^[[1A^[[2K"),
    // Text concealed.
    (r"\e[8mhidden", "^[[8mhidden"),
    // The order of what follows reversed.
    (r"\u202Eevil", "<U+202E>evil"),
];

/// No control character but line breaks and tabs, apart from the colours allowed.
fn assert_clean(what: &str, text: &str, colour: bool) {
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        let sequence: String = rest[at..].chars().take(12).collect();
        assert!(
            colour && rest[at..].starts_with("\u{1b}[") && {
                let body = &rest[at + 2..];
                let end = body
                    .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .unwrap();
                body[end..].starts_with('m')
                    && body[..end]
                        .split(';')
                        .all(|p| !matches!(p, "8" | "41" | "2K"))
            },
            "{what}: raw {sequence:?} in {text}"
        );
        rest = &rest[at + 1..];
    }
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && !matches!(c, '\n' | '\t' | '\u{1b}')) || c == '\u{202e}'),
        "{what}: {text:?}"
    );
}

#[test]
fn escape_sequences_anyone_typed_are_shown_not_obeyed() {
    let repo = copy_of(&root().join("examples/sample-phr"));
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    git(dir, &["config", "user.name", "山田花子"]);
    git(dir, &["config", "user.email", "hanako@example.jp"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", "初回"]);
    for (payload, shown) in PAYLOADS {
        // A service's name and an explanation, and a commit message carrying the same.
        let settings = dir.join("checksheet.yaml");
        let text = std::fs::read_to_string(&settings).unwrap();
        let text = text.replacen(
            "    name: げんきログ\n",
            &format!("    name: \"げんきログ{payload}\"\n"),
            1,
        );
        std::fs::write(&settings, text).unwrap();
        let answers = dir.join("answers/genki-log.yaml");
        let text = std::fs::read_to_string(&answers).unwrap();
        let line = "      げんきログの担当者全員から秘密保持誓約書を受領しており、事業責任者が日常の取扱状況を監督しています。\n";
        let text = text.replacen(
            &format!("    explanation: |\n{line}"),
            &format!("    explanation: \"{payload}\"\n"),
            1,
        );
        std::fs::write(&answers, text).unwrap();
        git(
            dir,
            &[
                "commit",
                "-qam",
                &format!(
                    "変更 {}",
                    payload
                        .replace(r"\e", "\u{1b}")
                        .replace(r"\a", "\u{7}")
                        .replace(r"\u202E", "\u{202e}")
                ),
            ],
        );
        for colour in ["never", "always"] {
            for args in [
                &["check", "--color", colour][..],
                &["log", "--color", colour],
                &["diff", "HEAD~1", "HEAD", "--internal", "--color", colour],
            ] {
                let (code, stdout, stderr) = run(&mut checksheet(dir, args));
                assert!(code <= 2, "{args:?}: {stderr}");
                let what = format!("{payload} {args:?}");
                assert_clean(&what, &stdout, colour == "always");
                assert_clean(&what, &stderr, colour == "always");
                let all = format!("{stdout}{stderr}");
                assert!(all.contains(shown), "{what}: {shown} not in {all}");
            }
        }
        git(dir, &["reset", "-q", "--hard", "HEAD~1"]);
    }

    // A raw escape in a YAML file is an error whose snippet shows the line as it is.
    let answers = dir.join("answers/genki-log.yaml");
    let text = std::fs::read_to_string(&answers).unwrap();
    std::fs::write(
        &answers,
        text.replacen(
            "げんきログの担当者全員から",
            "\u{1b}]0;pwned\u{7}げんきログの担当者全員から",
            1,
        ),
    )
    .unwrap();
    for colour in ["never", "always"] {
        let (code, stdout, stderr) = run(&mut checksheet(dir, &["check", "--color", colour]));
        assert_eq!(code, 2, "{stdout}{stderr}");
        assert_clean("raw escape", &stderr, colour == "always");
        // The character named, and the line shown with it visible where it stands.
        assert!(stderr.contains("^[ (U+001B)"), "{stderr}");
        assert!(stderr.contains("genki-log.yaml:35:7"), "{stderr}");
        assert!(stderr.contains("␛]0;pwned␇げんきログ"), "{stderr}");
    }
}
