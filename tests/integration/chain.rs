//! Publications as a chain an auditor can hold a site against: an older genuine site, a site
//! built from a draft or with a publication hidden, and a partner's site rolled back, are
//! each told apart from the latest publication; and what `verify` reads of a folder or a
//! server is what it says it read.

use std::path::{Path, PathBuf};

use crate::{checksheet, copy_of, git, root, run};

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The sample in a new git repository, committed, with a person to tag as.
fn repository() -> tempfile::TempDir {
    let repo = copy_of(&root().join("examples/sample-phr"));
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["config", "user.name", "山田花子"]);
    git(repo.path(), &["config", "user.email", "hanako@example.jp"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "初回の自己点検"]);
    repo
}

/// `checksheet publish` in `repo`; the tag's name.
fn publish(repo: &Path) -> String {
    let (code, stdout, stderr) = run(&mut checksheet(repo, &["publish", "--allow-incomplete"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let start = stdout.find("`checksheet/").unwrap() + 1;
    let end = start + stdout[start..].find('`').unwrap();
    stdout[start..end].to_owned()
}

/// Changes an explanation of the sample's げんきログ and commits it.
fn change(repo: &Path, note: &str) {
    let path = repo.join("answers/genki-log.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("explanation: ", &format!("explanation: {note}。"), 1);
    std::fs::write(&path, text).unwrap();
    git(repo, &["commit", "-qam", note]);
}

/// Builds the assessment in `repo` into `out`.
fn build(repo: &Path, out: &Path) {
    let (code, _, stderr) = run(&mut checksheet(repo, &["build", "--out", arg(out)]));
    assert_eq!(code, 0, "{stderr}");
}

/// `verify SITE ARGS` run in `dir` (with `-C repo` when given).
fn verify(dir: &Path, site: &str, repo: Option<&Path>, args: &[&str]) -> (i32, String, String) {
    let mut all = Vec::new();
    if let Some(repo) = repo {
        all.extend(["-C", arg(repo)]);
    }
    all.extend(["verify", site]);
    all.extend(args);
    run(&mut checksheet(dir, &all))
}

/// A repository with two publications, the site as built at each.
struct TwoPublications {
    repo: tempfile::TempDir,
    out: tempfile::TempDir,
    first: PathBuf,
    second: PathBuf,
    tags: [String; 2],
}

fn two_publications() -> TwoPublications {
    let repo = repository();
    let out = tempfile::tempdir().unwrap();
    let first = out.path().join("first");
    let second = out.path().join("second");
    let one = publish(repo.path());
    build(repo.path(), &first);
    change(repo.path(), "半期の見直し");
    let two = publish(repo.path());
    build(repo.path(), &second);
    TwoPublications {
        repo,
        out,
        first,
        second,
        tags: [one, two],
    }
}

#[test]
fn each_manifest_says_which_publication_it_is_and_links_to_the_one_before() {
    let two = two_publications();
    let manifest = |site: &Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(site.join("manifest.json")).unwrap()).unwrap()
    };
    let first = manifest(&two.first);
    let second = manifest(&two.second);
    assert_eq!(first["publication"]["sequence"], 1);
    assert_eq!(first["publication"]["tag"], two.tags[0].as_str());
    assert!(first["publication"]["previous"].is_null());
    assert_eq!(first["valid-until"], "2027-04-01");
    assert_eq!(second["publication"]["sequence"], 2);
    assert_eq!(second["publication"]["tag"], two.tags[1].as_str());
    assert_eq!(
        second["publication"]["previous"]["tag"],
        two.tags[0].as_str()
    );
    // The link is the SHA-256 of the first site's manifest, as its tag recorded it.
    let sha = crate::verify::sha256(&std::fs::read(two.first.join("manifest.json")).unwrap());
    assert_eq!(second["publication"]["previous"]["manifest-sha256"], sha);
    let output = std::process::Command::new("git")
        .current_dir(two.repo.path())
        .args(["tag", "-l", "--format=%(contents)", &two.tags[0]])
        .output()
        .unwrap();
    let message = String::from_utf8(output.stdout).unwrap();
    assert!(
        message.contains(&format!("Checksheet-Manifest: sha256:{sha}")),
        "{message}"
    );
    // The record line is not part of the message the history page shows.
    let history = std::fs::read_to_string(two.second.join("en/history/index.html")).unwrap();
    assert!(!history.contains("Checksheet-Manifest"), "{history}");
    // The latest verifies against its repository, and says which publication it is.
    let (code, stdout, stderr) =
        verify(two.out.path(), arg(&two.second), Some(two.repo.path()), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!(
            "publication 2, {} (previous: {})",
            two.tags[1], two.tags[0]
        )),
        "{stdout}"
    );
    assert!(stdout.contains("next review 2027-04-01"), "{stdout}");
}

#[test]
fn an_older_genuine_site_does_not_verify_against_its_repository() {
    let two = two_publications();
    let outside = tempfile::tempdir().unwrap();
    // Alone, an older site is intact: a first contact has no memory. It says what it is.
    let (code, stdout, _) = verify(outside.path(), arg(&two.first), None, &[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(&format!("publication 1, {} (the first)", two.tags[0])),
        "{stdout}"
    );
    // Against the repository, by folder, over HTTP and run inside the repository.
    let server = crate::serve::serve(two.out.path().to_path_buf(), Vec::new());
    let web = format!("{}first/", server.base);
    for (dir, site, repo) in [
        (outside.path(), arg(&two.first), Some(two.repo.path())),
        (outside.path(), web.as_str(), Some(two.repo.path())),
        (two.repo.path(), arg(&two.first), None),
    ] {
        let (code, stdout, stderr) = verify(dir, site, repo, &[]);
        assert_eq!(code, 1, "{site}: {stdout}{stderr}");
        assert!(
            stdout.contains(&format!(
                "the repository holds a newer publication (1 after this one, the latest {}",
                two.tags[1]
            )),
            "{stdout}"
        );
        assert!(stdout.ends_with("not verified\n"), "{stdout}");
    }
    let (code, stdout, _) = verify(
        outside.path(),
        &format!("{}second/", server.base),
        Some(two.repo.path()),
        &[],
    );
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn a_site_built_from_a_draft_or_with_a_publication_hidden_does_not_verify() {
    let repo = repository();
    let first = publish(repo.path());
    change(repo.path(), "下書き");
    let out = tempfile::tempdir().unwrap();
    let draft = out.path().join("draft");
    build(repo.path(), &draft);
    let (code, stdout, _) = verify(out.path(), arg(&draft), Some(repo.path()), &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("built from a commit that is not a publication"),
        "{stdout}"
    );
    assert!(
        stdout.contains("the site was built from a commit that was never published"),
        "{stdout}"
    );
    // The second publication, built while the first was hidden: its history omits it.
    let second = publish(repo.path());
    let target = {
        let output = std::process::Command::new("git")
            .current_dir(repo.path())
            .args(["rev-parse", &format!("{first}^{{}}")])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    };
    git(repo.path(), &["tag", "-d", &first]);
    let hidden = out.path().join("hidden");
    build(repo.path(), &hidden);
    git(repo.path(), &["tag", "-a", &first, &target, "-m", "再作成"]);
    let (code, stdout, _) = verify(out.path(), arg(&hidden), Some(repo.path()), &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains(&format!(
            "the publication {first} is missing from the site's history"
        )),
        "{stdout}"
    );
    assert!(stdout.contains(&second), "{stdout}");
}

#[test]
fn verify_run_in_another_assessment_checks_only_the_files() {
    let two = two_publications();
    // A partner's intact site, checked from one's own (unrelated) assessment folder.
    let own = repository();
    let (code, stdout, stderr) = verify(own.path(), arg(&two.second), None, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("this folder's repository does not hold the site's source commit"),
        "{stdout}"
    );
    // Asked with -C, the rebuild applies, and fails.
    let (code, stdout, _) = verify(own.path(), arg(&two.second), Some(own.path()), &[]);
    assert_eq!(code, 1, "{stdout}");
}

#[test]
fn a_changed_page_is_not_called_a_match_with_the_rebuild() {
    let two = two_publications();
    let page = two.second.join("genki-log/index.html");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replacen("<main", "<main data-x=\"1\"", 1)).unwrap();
    let (code, stdout, _) = verify(two.out.path(), arg(&two.second), Some(two.repo.path()), &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(!stdout.contains("every file matches"), "{stdout}");
    assert!(
        stdout.contains("manifest.json matches the site built again from commit"),
        "{stdout}"
    );
}

/// The partner `example-pharma` of the sample, at `url`.
fn with_partner(url: &str) -> tempfile::TempDir {
    let dir = copy_of(&root().join("examples/sample-phr"));
    let settings = dir.path().join("checksheet.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let text = text.replace(
        "url: https://example.com/okusuri-memo/checksheet/",
        &format!("url: {url}"),
    );
    std::fs::write(&settings, text).unwrap();
    dir
}

#[test]
fn partners_check_remembers_the_latest_publication_and_fails_a_rolled_back_site() {
    let two = two_publications();
    let public = tempfile::tempdir().unwrap();
    let site = public.path().join("site");
    let copy = |from: &Path| {
        let _ = std::fs::remove_dir_all(&site);
        let (code, _, stderr) =
            run(std::process::Command::new("cp").args(["-R", arg(from), arg(&site)]));
        assert_eq!(code, 0, "{stderr}");
    };
    copy(&two.second);
    let server = crate::serve::serve(public.path().to_path_buf(), Vec::new());
    let assessment = with_partner(&format!("{}site/", server.base));
    let check = || {
        run(&mut checksheet(
            assessment.path(),
            &["partners", "check", "--on", "2026-11-24"],
        ))
    };
    let (code, stdout, stderr) = check();
    assert_eq!(code, 0, "{stdout}{stderr}");
    let seen = std::fs::read_to_string(assessment.path().join("partners-seen.yaml")).unwrap();
    assert!(seen.starts_with("# "), "{seen}");
    assert!(seen.contains("example-pharma:\n  sequence: 2\n"), "{seen}");
    // The partner's server now has the older, genuine site.
    copy(&two.first);
    let (code, stdout, _) = check();
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains(&format!(
            "this site is publication 1 ({}), older than publication 2 ({}) checked on 2026-11-24",
            two.tags[0], two.tags[1]
        )),
        "{stdout}"
    );
    assert!(stdout.contains("result: not verified"), "{stdout}");
    // What was seen is kept, not lowered.
    let after = std::fs::read_to_string(assessment.path().join("partners-seen.yaml")).unwrap();
    assert_eq!(seen, after);
    // A file that is not what partners check wrote is named.
    std::fs::write(
        assessment.path().join("partners-seen.yaml"),
        "example-pharma: [1]\n",
    )
    .unwrap();
    let (code, _, stderr) = check();
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("partners-seen.yaml"), "{stderr}");
}

#[test]
fn a_stale_partner_sheet_is_recorded_as_stale_not_as_unverified() {
    let dir = copy_of(&root().join("examples/sample-phr"));
    let answers = dir.path().join("answers/karada-note.yaml");
    let text = std::fs::read_to_string(&answers).unwrap();
    let line = text
        .lines()
        .find(|line| line.contains("- partner-check:"))
        .unwrap()
        .to_owned();
    let stale = line.replace("result: verified", "result: stale");
    assert_ne!(stale, line);
    std::fs::write(&answers, text.replace(&line, &stale)).unwrap();
    let (_, json) = crate::check_json(dir.path(), &[]);
    let stale = crate::with_finding(&json, "partner-sheet-stale");
    let unverified = crate::with_finding(&json, "partner-not-verified");
    let codes = (stale.len(), unverified.len());
    assert_eq!(codes, (1, 0), "{json}");
}

#[test]
fn verify_against_the_repository_names_who_approved_the_publication() {
    if !crate::verify::have_ssh_keygen() {
        return;
    }
    let repo = repository();
    let keys = tempfile::tempdir().unwrap();
    let (approver, line) = crate::verify::key(keys.path(), "approver", "", "shacho@example.jp");
    // The same key signs the site (namespace checksheet) and approves the tag (git).
    let allowed = keys.path().join("allowed_signers");
    std::fs::write(
        &allowed,
        line.replace("namespaces=\"checksheet\"", "namespaces=\"checksheet,git\""),
    )
    .unwrap();
    assert!(
        std::fs::read_to_string(&allowed)
            .unwrap()
            .contains("checksheet,git")
    );
    let (code, stdout, stderr) = run(&mut checksheet(
        repo.path(),
        &["publish", "--allow-incomplete", "--sign", arg(&approver)],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let (code, _, stderr) = run(&mut checksheet(
        repo.path(),
        &["build", "--out", arg(&site), "--sign", arg(&approver)],
    ));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = verify(
        out.path(),
        arg(&site),
        Some(repo.path()),
        &["--allowed-signers", arg(&allowed)],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("approved and signed by shacho@example.jp"),
        "{stdout}"
    );
    // The repository's own allowed signers (as `git tag -v` reads them) do not allow the
    // approver's key: the approval fails, though the site's signature holds.
    let (_, other) = crate::verify::key(keys.path(), "other", "", "someone@example.jp");
    let others = keys.path().join("others");
    std::fs::write(&others, other).unwrap();
    git(
        repo.path(),
        &["config", "gpg.ssh.allowedSignersFile", arg(&others)],
    );
    let (code, stdout, _) = verify(
        out.path(),
        arg(&site),
        Some(repo.path()),
        &["--allowed-signers", arg(&allowed)],
    );
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("signed by shacho@example.jp"), "{stdout}");
    assert!(stdout.ends_with("not verified\n"), "{stdout}");
}

/// Tags packed by `git pack-refs` (as `git gc` does) are read like loose ones; a damaged line
/// of `packed-refs` stops `log`, `build`, `diff` and `verify -C` with the line named, never an
/// empty history with exit 0 (libgit2 alone passes over the line and the tags on it).
#[test]
fn a_damaged_packed_refs_is_named_and_publications_never_vanish() {
    type Damage = fn(&str) -> String;
    let repo = repository();
    let first = publish(repo.path());
    change(repo.path(), "二回目");
    let second = publish(repo.path());
    git(repo.path(), &["pack-refs", "--all"]);
    let packed = repo.path().join(".git/packed-refs");
    let whole = std::fs::read_to_string(&packed).unwrap();
    assert!(whole.contains(&format!("refs/tags/{first}")), "{whole}");
    let (code, stdout, stderr) = run(&mut checksheet(repo.path(), &["log", "--lang", "en"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&first) && stdout.contains(&second),
        "{stdout}"
    );
    let out = tempfile::tempdir().unwrap();
    build(repo.path(), &out.path().join("site"));

    // How a file gets damaged: an id cut short, a line cut in two, a stray word, no end.
    let tag_line = |text: &str| {
        text.lines()
            .position(|l| l.ends_with(&format!("refs/tags/{first}")))
            .unwrap()
    };
    let damages: [(&str, Damage); 4] = [
        ("id cut short", |line| {
            format!("{}{}", &line[..10], &line[40..])
        }),
        ("line cut in two", |line| {
            line.replacen(" refs/", "\nrefs/", 1)
        }),
        ("stray word", |line| format!("{line} old")),
        ("upper-case id", |line| line.to_uppercase()),
    ];
    for (what, damage) in damages {
        let at = tag_line(&whole);
        let lines: Vec<String> = whole
            .lines()
            .enumerate()
            .map(|(i, l)| if i == at { damage(l) } else { l.to_owned() })
            .collect();
        std::fs::write(&packed, lines.join("\n") + "\n").unwrap();
        let line = format!("line {}", at + 1);
        for args in [
            &["log", "--lang", "en"][..],
            &[
                "build",
                "--lang",
                "en",
                "--out",
                arg(&out.path().join("site")),
            ],
            &["diff", "--lang", "en"],
        ] {
            let (code, stdout, stderr) = run(&mut checksheet(repo.path(), args));
            assert_eq!(code, 2, "{what}: {args:?}: {stdout}{stderr}");
            assert!(
                stderr.contains("packed-refs") && stderr.contains(&line),
                "{what}: {stderr}"
            );
        }
        let site = out.path().join("site");
        let (code, stdout, stderr) = verify(
            repo.path(),
            arg(&site),
            Some(repo.path()),
            &["--lang", "en"],
        );
        assert_ne!(code, 0, "{what}: {stdout}{stderr}");
        assert!(stdout.contains("packed-refs"), "{what}: {stdout}{stderr}");
        assert!(stdout.contains("git fsck"), "{what}: {stdout}{stderr}");
    }
    std::fs::write(&packed, &whole).unwrap();
    let (code, _, stderr) = run(&mut checksheet(repo.path(), &["log"]));
    assert_eq!(code, 0, "{stderr}");
}
