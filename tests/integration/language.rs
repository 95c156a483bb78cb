//! Japanese first: the language of every message, the mistakes of someone typing YAML with
//! a Japanese input method, the verdict lines, init's guidance and English explanations.

use std::fmt::Write as _;
use std::path::Path;

use insta_cmd::assert_cmd_snapshot;

use crate::{checksheet, fixtures, mini, root, run};

/// `checksheet` in `dir` with no language chosen by the test: only `env` speaks.
fn with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = checksheet(dir, args);
    command.env_remove("CHECKSHEET_LANG");
    for (name, value) in env {
        command.env(name, value);
    }
    run(&mut command)
}

#[test]
fn typing_mistakes_are_named_where_they_are_in_english() {
    assert_cmd_snapshot!(checksheet(
        &fixtures().join("typing"),
        &["--lang", "en", "check"]
    ));
}

#[test]
fn typing_mistakes_are_named_where_they_are_in_japanese() {
    assert_cmd_snapshot!(checksheet(
        &fixtures().join("typing"),
        &["--lang", "ja", "check"]
    ));
}

/// Every bad-input fixture, in Japanese: each message in the officer's language.
#[test]
fn every_bad_input_is_explained_in_japanese() {
    let mut all = String::new();
    let mut names: Vec<_> = std::fs::read_dir(fixtures().join("bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for name in names {
        let (code, stdout, stderr) = run(&mut checksheet(
            &fixtures().join("bad"),
            &["--lang", "ja", "check", &name],
        ));
        assert_eq!(code, 2, "{name}: {stdout}{stderr}");
        assert!(
            stderr.contains("エラー"),
            "{name} speaks Japanese: {stderr}"
        );
        let _ = writeln!(all, "## {name}\n{stderr}");
    }
    insta::assert_snapshot!(all);
}

/// Options, environment, and whether Japanese is expected.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], bool);

#[test]
fn the_language_is_the_option_then_the_environment_then_the_assessment() {
    // The sample's first language is Japanese; `mini` lists ja first too.
    let sample = root().join("examples/sample-phr");
    let japanese = |text: &str| text.contains("ID が `nope` のサービスはありません");
    let english = |text: &str| text.contains("no service has the id `nope`");
    let args = ["check", "--service", "nope"];
    let cases: &[Case] = &[
        (
            &["--lang", "en"],
            &[("LANG", "ja_JP.UTF-8"), ("CHECKSHEET_LANG", "ja")],
            false,
        ),
        (
            &[],
            &[("CHECKSHEET_LANG", "en"), ("LANG", "ja_JP.UTF-8")],
            false,
        ),
        (&[], &[("LANG", "en_US.UTF-8")], false),
        (
            &[],
            &[("LC_ALL", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")],
            true,
        ),
        (&[], &[("LANG", "C")], true),
        (&[], &[], true),
    ];
    for (options, env, expect_japanese) in cases {
        let all: Vec<&str> = options.iter().chain(args.iter()).copied().collect();
        let (code, _, stderr) = with_env(&sample, &all, env);
        assert_eq!(code, 2);
        if *expect_japanese {
            assert!(japanese(&stderr), "{options:?} {env:?}: {stderr}");
        } else {
            assert!(english(&stderr), "{options:?} {env:?}: {stderr}");
        }
    }
    // An assessment whose first language is English speaks English when nothing else says.
    let dir = mini("as-of: 2026-04-01\n");
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("languages: [ja, en]", "languages: [en, ja]"),
    )
    .unwrap();
    let (_, _, stderr) = with_env(dir.path(), &args, &[("LANG", "C")]);
    assert!(english(&stderr), "{stderr}");
    let (_, _, stderr) = with_env(dir.path(), &args, &[("LANG", "ja_JP.UTF-8")]);
    assert!(japanese(&stderr), "{stderr}");
}

#[test]
fn help_speaks_the_chosen_language() {
    let (code, stdout, _) = run(&mut checksheet(
        &root(),
        &["--lang", "ja", "check", "--help"],
    ));
    assert_eq!(code, 0);
    assert!(
        stdout.contains("各サービスの回答をチェックリストと照らし合わせ"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&mut checksheet(
        &root(),
        &["--lang", "en", "check", "--help"],
    ));
    assert!(stdout.contains("Check every service's answers"), "{stdout}");
}

#[test]
fn check_ends_with_whether_each_sheet_can_be_published() {
    let sample = root().join("examples/sample-phr");
    let (code, stdout, _) = run(&mut checksheet(&sample, &["--lang", "ja", "check"]));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("  公開できます（適用される要件はすべて満たしています）"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  まだ公開できません: 未回答 1 件"),
        "{stdout}"
    );
    assert!(
        stdout.contains("まだ公開できないチェックシートがあります: genki-log"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&mut checksheet(&sample, &["--lang", "en", "check"]));
    assert!(
        stdout.contains("  not ready to publish yet: 1 unanswered"),
        "{stdout}"
    );
}

#[test]
fn a_complete_sheet_with_gaps_can_be_published_and_says_so() {
    let dir = mini(
        "as-of: 2026-04-01
reviewed-by: 山田花子
approved-by: {name: 鈴木一郎, title: 代表取締役社長, date: 2026-04-10}
facts: {api: true, shares: false, abroad: false}
answers:
  cert: {status: not-done}
  safeguards: {status: done, evidence: [{url: 'https://example.jp/rules'}]}
  local-only: {status: done}
",
    );
    let (code, stdout, _) = run(&mut checksheet(dir.path(), &["--lang", "ja", "check"]));
    assert_eq!(code, 1, "gaps are errors");
    assert!(
        stdout.contains("公開できます（義務の未達 1 件を含みます）"),
        "{stdout}"
    );
    assert!(
        stdout.contains("このチェックシートは公開できます"),
        "{stdout}"
    );
}

#[test]
fn init_derives_a_readable_id_from_a_japanese_name_and_says_what_to_do_next() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(&mut checksheet(
        dir.path(),
        &[
            "--lang",
            "ja",
            "init",
            "new",
            "--service",
            "すこやかポケット",
        ],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("サービスID `service-1`"), "{stdout}");
    assert!(stdout.contains("--service-id"), "{stdout}");
    assert!(stdout.contains("次の手順:"), "{stdout}");
    assert!(stdout.contains("`checksheet check new`"), "{stdout}");
    assert!(stdout.contains("`checksheet build new`"), "{stdout}");
    let settings = std::fs::read_to_string(dir.path().join("new/checksheet.yaml")).unwrap();
    assert!(
        settings.contains("name-en:") && settings.contains("url:"),
        "{settings}"
    );
}

#[test]
fn a_missing_evidence_file_gets_its_line_the_nearest_file_and_the_character_mistyped() {
    let dir = mini(
        "as-of: 2026-04-01
facts: {api: false, shares: false, abroad: false}
answers:
  cert: {status: not-done}
  safeguards:
    status: done
    evidence:
      - file: evidence\\rules.md
      - file: evidence/rule.md
  local-only: {status: done}
",
    );
    std::fs::create_dir(dir.path().join("evidence")).unwrap();
    std::fs::write(dir.path().join("evidence/rules.md"), "規程").unwrap();
    let (_, stdout, _) = run(&mut checksheet(dir.path(), &["--lang", "en", "check"]));
    assert!(
        stdout.contains(
            "the `\\` at character 9 is a backslash (which Japanese Windows may show as `¥`), not `/`; did you mean `evidence/rules.md`?"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("did you mean `evidence/rules.md`?"),
        "{stdout}"
    );
    assert!(
        stdout.contains("--> app.yaml:8:23"),
        "at the backslash: {stdout}"
    );
    assert!(stdout.contains("--> app.yaml:9:"), "{stdout}");
}

#[test]
fn english_pages_show_english_explanations_where_given_and_mark_the_rest() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let (code, _, stderr) = run(&mut checksheet(
        &root().join("examples/sample-phr"),
        &["build", "--out", site.to_str().unwrap()],
    ));
    assert_eq!(code, 0, "{stderr}");
    let english = std::fs::read_to_string(site.join("en/karada-note/index.html")).unwrap();
    assert!(english.contains("Every employee who handles health checkup information"));
    assert!(english.contains("(Japanese only)"));
    let japanese = std::fs::read_to_string(site.join("karada-note/index.html")).unwrap();
    assert!(!japanese.contains("Every employee who handles"));
    assert!(!japanese.contains("(Japanese only)"));
    let data = std::fs::read_to_string(site.join("karada-note/checksheet.json")).unwrap();
    assert!(
        data.contains("\"en\": \"<p>Every employee who handles"),
        "{data}"
    );
}

/// What clap says in English, none of which a Japanese run may print.
const CLAP_ENGLISH: &[&str] = &[
    "error:",
    "Usage",
    "tip:",
    "For more information",
    "unexpected",
    "unrecognized",
    "invalid value",
    "possible values",
    "default:",
    "subcommand",
    "argument",
    "required",
    "provided",
    "similar",
    "[OPTIONS]",
    "<COMMAND>",
    "Options:",
    "Commands:",
    "Arguments:",
    "Print",
];

/// The words of `text` written in Latin letters that are neither quoted with backticks, nor
/// an option, nor the name of the program or of one of its commands: English, in a message
/// meant to be Japanese.
fn english_words(text: &str) -> Vec<String> {
    const NAMES: &[&str] = &[
        "checksheet",
        "init",
        "check",
        "build",
        "diff",
        "log",
        "verify",
        "publish",
        "evidence",
        "lock",
        "list",
        "checklist",
        "show",
        "partners",
        "export",
        "help",
    ];
    let unquoted: String = text
        .split('`')
        .enumerate()
        .filter(|(index, _)| index % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join(" ");
    unquoted
        .split(|c: char| c.is_whitespace() || "[]<>()（）、。:：".contains(c))
        .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|word| !word.starts_with('-') && !NAMES.contains(word))
        .map(str::to_owned)
        .collect()
}

/// Each mistake an officer makes typing a command, under a Japanese locale: the message is
/// Japanese, names the mistaken word and says what to write instead; the exit code is 2.
#[test]
fn a_mistake_on_the_command_line_is_explained_in_japanese_with_the_word_and_a_fix() {
    let sample = root().join("examples/sample-phr");
    let cases: &[(&[&str], &[&str])] = &[
        // A typo in a command: the word, the command meant and the commands there are.
        (&["chek"], &["`chek`", "`check`", "`build`"]),
        (&["evidence", "lsit"], &["`lsit`", "`list`"]),
        // An option that does not exist, and the one meant; one written before its command.
        (
            &["check", "--servce", "karada-note"],
            &["`--servce`", "`--service`", "`checksheet check --help`"],
        ),
        (
            &["--format", "json", "check"],
            &["`--format`", "`checksheet check --format`"],
        ),
        // An option without its value.
        (
            &["check", "--service"],
            &["`--service <サービス>`", "`--service` の後に"],
        ),
        // A value the option does not take, and those it does.
        (
            &["check", "--format", "csv"],
            &["`csv`", "`text`", "`json`"],
        ),
        // A folder name with a space, read as two arguments.
        (&["check", "sample", "phr"], &["`phr`", "\""]),
        // No command at all after an option, and a required option left out.
        (&["--color", "never"], &["`check`", "`init`"]),
        (&["export"], &["`--format", "`xlsx`", "`yaml`"]),
        // A date that is not one.
        (
            &["init", "new", "--as-of", "2026-13-01"],
            &["`2026-13-01`", "YYYY-MM-DD"],
        ),
        // A value given to an option that takes none; a typo after `help`.
        (&["check", "--strict=yes"], &["`--strict`", "`yes`"]),
        (&["help", "chek"], &["`chek`", "`checksheet --help`"]),
        // The same option twice.
        (&["--lang", "ja", "--lang", "en", "check"], &["`--lang"]),
    ];
    for (args, expected) in cases {
        let (code, stdout, stderr) = with_env(&sample, args, &[("LANG", "ja_JP.UTF-8")]);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}");
        assert!(stderr.starts_with("エラー: "), "{args:?}: {stderr}");
        for word in *expected {
            assert!(stderr.contains(word), "{args:?} names {word}: {stderr}");
        }
        for english in CLAP_ENGLISH {
            assert!(
                !stderr.contains(english),
                "{args:?} says {english}: {stderr}"
            );
        }
        assert_eq!(
            english_words(&stderr),
            Vec::<String>::new(),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("使い方: checksheet"), "{args:?}: {stderr}");
    }
}

/// The help of every command is Japanese under a Japanese locale, headings and clap's own
/// options included; `--help` and `--version` exit 0.
#[test]
fn help_and_version_speak_japanese_to_the_end() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["evidence", "-h"],
        &["help", "export"],
        &["checklist", "show", "--help"],
    ] {
        let (code, stdout, stderr) = with_env(&root(), args, &[("LANG", "ja_JP.UTF-8")]);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stdout.contains("使い方: checksheet"), "{args:?}: {stdout}");
        assert!(stdout.contains("オプション:"), "{args:?}: {stdout}");
        assert!(stdout.contains("ヘルプを表示"), "{args:?}: {stdout}");
        for english in CLAP_ENGLISH {
            assert!(
                !stdout.contains(english),
                "{args:?} says {english}: {stdout}"
            );
        }
    }
    let (_, stdout, _) = with_env(&root(), &["--help"], &[("LANG", "ja_JP.UTF-8")]);
    assert!(stdout.contains("コマンド:"), "{stdout}");
    assert!(stdout.contains("バージョンを表示"), "{stdout}");
    let (_, stdout, _) = with_env(&root(), &["check", "--help"], &[("LANG", "ja_JP.UTF-8")]);
    assert!(stdout.contains("引数:"), "{stdout}");
    assert!(stdout.contains("[既定: text]"), "{stdout}");
    assert!(stdout.contains("[指定できる値: text, json]"), "{stdout}");
    let (code, stdout, _) = with_env(&root(), &["--version"], &[("LANG", "ja_JP.UTF-8")]);
    assert_eq!(
        (code, stdout.starts_with("checksheet ")),
        (0, true),
        "{stdout}"
    );
    // With no command, the help is shown, as a mistake.
    let (code, _, stderr) = with_env(&root(), &[], &[("LANG", "ja_JP.UTF-8")]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("使い方: checksheet [オプション] <コマンド>"),
        "{stderr}"
    );
}

/// In English the command line's mistakes and help stay as clap words them.
#[test]
fn a_mistake_on_the_command_line_is_explained_by_clap_in_english() {
    let (code, _, stderr) = with_env(
        &root(),
        &["check", "--servce", "x"],
        &[("LANG", "en_US.UTF-8")],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: unexpected argument '--servce' found"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tip: a similar argument exists: '--service'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("For more information, try '--help'."),
        "{stderr}"
    );
    let (code, stdout, _) = with_env(&root(), &["check", "--help"], &[("LANG", "C")]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Usage: checksheet check [OPTIONS] [DIR]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  -h, --help               Print help"),
        "{stdout}"
    );
    assert!(
        stdout.contains("[default: text] [possible values: text, json]"),
        "{stdout}"
    );
}
