//! Why a requirement applies, as the published page says it: only the facts whose answers
//! decide it are named, never a fact that does not matter.

use std::collections::BTreeMap;

use crate::{check_json, checksheet, root, run};

/// A checklist with every kind of condition, its facts worded as statements.
const CHECKLIST: &str = r#"id: conditions
edition: "1"
title: {ja: 条件のテスト, en: Conditions}
facts:
  - id: a
    question: {ja: Aを行っているか, en: Do you do A?}
    yes: {ja: Aを行っている, en: does A}
    no: {ja: Aを行っていない, en: does not do A}
  - id: b
    question: {ja: Bを行っているか, en: Do you do B?}
    yes: {ja: Bを行っている, en: does B}
    no: {ja: Bを行っていない, en: does not do B}
  - id: c
    question: {ja: Cを行っているか, en: Do you do C?}
    yes: {ja: Cを行っている, en: does C}
    no: {ja: Cを行っていない, en: does not do C}
sections:
  - id: "1"
    title: {ja: 条件, en: Conditions}
    requirements:
      - {id: any-ab, cite: "1", obligation: law, applies-if: {any: [{fact: a}, {fact: b}]}, text: {ja: いずれか, en: Either}, basis: seed}
      - {id: all-ab, cite: "2", obligation: must, applies-if: {all: [{fact: a}, {fact: b}]}, text: {ja: 両方, en: Both}, basis: seed}
      - {id: not-a, cite: "3", obligation: effort, applies-if: {not: {fact: a}}, text: {ja: 否定, en: Not}, basis: seed}
      - {id: nested, cite: "4", obligation: must, applies-if: {all: [{fact: a}, {any: [{fact: b}, {not: {fact: c}}]}]}, text: {ja: 入れ子, en: Nested}, basis: seed}
      - {id: either, cite: "5", obligation: must, applies-if: {fact: a}, otherwise: effort, text: {ja: 努力義務になる, en: Effort otherwise}, basis: seed}
      - {id: always, cite: "6", obligation: law, text: {ja: 無条件, en: Unconditional}, basis: seed}
"#;

/// An assessment of one service `app` against [`CHECKLIST`] with the fact answers `facts`
/// (YAML), every requirement unanswered.
fn assessment(facts: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("checklist.yaml"), CHECKLIST).unwrap();
    std::fs::write(
        dir.path().join("checksheet.yaml"),
        "organization: {name: テスト}\nchecklist: checklist.yaml\nlanguages: [ja, en]\nservices:\n  - {id: app, name: アプリ, answers: app.yaml}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("app.yaml"),
        format!("as-of: 2026-04-01\nreviewed-by: 山田花子\nfacts: {facts}\nanswers: {{}}\n"),
    )
    .unwrap();
    dir
}

/// A requirement's row on a page: its reason (the condition's text before the facts it
/// links) and the facts it links, by id; `None` when the row names no fact.
fn reason(page: &str, id: &str) -> Option<(String, Vec<String>)> {
    let row = &page[page
        .find(&format!("<tr id=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"))..];
    let row = &row[..row.find("</tr>").unwrap()];
    let span = &row[row.find("<span class=\"condition\">")? + "<span class=\"condition\">".len()..];
    let span = &span[..span.find("</span>").unwrap()];
    let text = span[..span.find("<a ").unwrap_or(span.len())].to_owned();
    let facts = span
        .split("href=\"#fact-")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect();
    Some((text, facts))
}

/// Per fact answers (`a` true, `b!` false, `c?` unanswered) and requirement of
/// [`CHECKLIST`], the facts its row names; none for a row that gives no reason. An undecided
/// row names the unanswered facts that would decide it.
const NAMED: &[(&str, &str, &str)] = &[
    ("a b! c!", "any-ab", "a"),
    ("a b! c!", "all-ab", "b"),
    ("a b! c!", "not-a", "a"),
    ("a b! c!", "nested", "a c"),
    ("a b! c!", "either", "a"),
    ("a b! c!", "always", ""),
    ("a! b! c", "any-ab", "a b"),
    ("a! b! c", "all-ab", "a b"),
    ("a! b! c", "not-a", "a"),
    ("a! b! c", "nested", "a b c"),
    ("a! b! c", "either", "a"),
    ("a! b! c", "always", ""),
    ("a b c", "any-ab", "a b"),
    ("a b c", "all-ab", "a b"),
    ("a b c", "not-a", "a"),
    ("a b c", "nested", "a b"),
    ("a b c", "either", "a"),
    ("a b c", "always", ""),
    ("a b? c!", "any-ab", "a"),
    ("a b? c!", "all-ab", "b"),
    ("a b? c!", "not-a", "a"),
    ("a b? c!", "nested", "a c"),
    ("a b? c!", "either", "a"),
    ("a b? c!", "always", ""),
    ("a? b c?", "any-ab", "b"),
    ("a? b c?", "all-ab", "a"),
    ("a? b c?", "not-a", "a"),
    ("a? b c?", "nested", "a"),
    ("a? b c?", "either", "a"),
    ("a? b c?", "always", ""),
];

/// `"a b! c?"` as the YAML of the answers: `{a: true, b: false, c: null}`.
fn facts_yaml(spec: &str) -> String {
    let answers: Vec<String> = spec
        .split_whitespace()
        .map(
            |word| match (word.strip_suffix('!'), word.strip_suffix('?')) {
                (Some(id), _) => format!("{id}: false"),
                (_, Some(id)) => format!("{id}: null"),
                _ => format!("{word}: true"),
            },
        )
        .collect();
    format!("{{{}}}", answers.join(", "))
}

/// The words a reason uses for the fact `fact`, either way, in either language.
fn words(fact: &str) -> [String; 4] {
    let upper = fact.to_uppercase();
    [
        format!("{upper}を行っている"),
        format!("{upper}を行っていない"),
        format!("does {upper}"),
        format!("does not do {upper}"),
    ]
}

#[test]
fn the_page_names_only_the_facts_that_decide_whether_a_requirement_applies() {
    let mut specs: Vec<&str> = NAMED.iter().map(|(spec, _, _)| *spec).collect();
    specs.dedup();
    for spec in specs {
        let dir = assessment(&facts_yaml(spec));
        let (code, stdout, stderr) = run(&mut checksheet(dir.path(), &["build"]));
        assert_eq!(code, 0, "{spec}: {stdout}{stderr}");
        let rows: Vec<(&str, Vec<&str>)> = NAMED
            .iter()
            .filter(|(s, _, _)| *s == spec)
            .map(|(_, id, named)| (*id, named.split_whitespace().collect()))
            .collect();
        for page in ["site/app/index.html", "site/en/app/index.html"] {
            let page = std::fs::read_to_string(dir.path().join(page)).unwrap();
            for (id, named) in &rows {
                let Some((text, linked)) = reason(&page, id) else {
                    assert!(named.is_empty(), "{spec} {id}: the row names no fact");
                    continue;
                };
                assert_eq!(linked, *named, "{spec} {id}: {text}");
                for fact in ["a", "b", "c"].iter().filter(|f| !named.contains(f)) {
                    for word in words(fact) {
                        assert!(!text.contains(&word), "{spec} {id}: {text}");
                    }
                }
            }
        }
        // `check` asks for the answers that would decide an undecided requirement, and for
        // no other.
        let (_, evaluation) = check_json(dir.path(), &[]);
        for requirement in evaluation["services"][0]["requirements"]
            .as_array()
            .unwrap()
        {
            let id = requirement["id"].as_str().unwrap();
            let asked: Vec<&str> = requirement["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["code"] == "fact-unanswered")
                .map(|f| {
                    let message = f["message"].as_str().unwrap();
                    ["a", "b", "c"]
                        .into_iter()
                        .find(|fact| message.contains(&format!("`{fact}`")))
                        .unwrap_or_else(|| panic!("{message}"))
                })
                .collect();
            let expected: &[&str] = if requirement["applies"].is_null() {
                &rows.iter().find(|(row, _)| *row == id).unwrap().1
            } else {
                &[]
            };
            assert_eq!(asked, expected, "{spec} {id}");
        }
    }
}

/// A condition of the checklist as written, evaluated over `facts`: `None` when an
/// unanswered fact decides it.
fn value(condition: &serde_yaml::Value, facts: &BTreeMap<String, Option<bool>>) -> Option<bool> {
    if let Some(id) = condition.get("fact") {
        return facts[id.as_str().unwrap()];
    }
    if let Some(inner) = condition.get("not") {
        return value(inner, facts).map(|v| !v);
    }
    let (parts, all) = match condition.get("all") {
        Some(parts) => (parts, true),
        None => (&condition["any"], false),
    };
    let values: Vec<Option<bool>> = parts
        .as_sequence()
        .unwrap()
        .iter()
        .map(|p| value(p, facts))
        .collect();
    if values.contains(&Some(!all)) {
        Some(!all)
    } else if values.iter().all(Option::is_some) {
        Some(all)
    } else {
        None
    }
}

/// The facts a condition mentions, each with whether it counts towards the condition being
/// true (`false` under an odd number of `not`s).
fn polarities(condition: &serde_yaml::Value, positive: bool, found: &mut Vec<(String, bool)>) {
    if let Some(id) = condition.get("fact") {
        found.push((id.as_str().unwrap().to_owned(), positive));
    } else if let Some(inner) = condition.get("not") {
        polarities(inner, !positive, found);
    } else {
        let parts = condition.get("all").unwrap_or_else(|| &condition["any"]);
        for part in parts.as_sequence().unwrap() {
            polarities(part, positive, found);
        }
    }
}

/// The sample's pages say why each requirement applies only by facts that decide it: the
/// facts named, at their answers, settle the condition whatever the other facts are, and
/// each of them points the way the condition went.
#[test]
fn no_sample_page_names_a_fact_that_does_not_decide_why_a_requirement_applies() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let (code, stdout, stderr) = run(&mut checksheet(
        &root().join("examples/sample-phr"),
        &["build", "--out", site.to_str().unwrap()],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let checklist: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(root().join("checklists/phr-basic-guideline/2021-04.yaml"))
            .unwrap(),
    )
    .unwrap();
    let requirements: Vec<&serde_yaml::Value> = checklist["sections"]
        .as_sequence()
        .unwrap()
        .iter()
        .flat_map(|s| s["requirements"].as_sequence().unwrap())
        .collect();
    let mut reasons = 0;
    for service in ["karada-note", "genki-log", "sukoyaka-pocket"] {
        let data: serde_json::Value = serde_json::from_slice(
            &std::fs::read(site.join(service).join("checksheet.json")).unwrap(),
        )
        .unwrap();
        let facts: BTreeMap<String, Option<bool>> = data["facts"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(id, answer)| (id.clone(), answer.as_bool()))
            .collect();
        for page in [
            site.join(service).join("index.html"),
            site.join("en").join(service).join("index.html"),
        ] {
            let page = std::fs::read_to_string(&page).unwrap();
            for requirement in &requirements {
                let id = requirement["id"].as_str().unwrap();
                let condition = requirement.get("applies-if");
                let found = reason(&page, id);
                let (Some(condition), Some((text, named))) = (condition, found.clone()) else {
                    assert!(found.is_none(), "{service} {id}: no fact decides it");
                    continue;
                };
                reasons += 1;
                let decided = value(condition, &facts).expect("the sample answers every fact");
                assert!(!named.is_empty(), "{service} {id}: {text}");
                sufficient(
                    condition,
                    &facts,
                    &named,
                    decided,
                    &format!("{service} {id}"),
                );
                let mut mentioned = Vec::new();
                polarities(condition, true, &mut mentioned);
                for fact in &named {
                    assert!(
                        mentioned
                            .iter()
                            .any(|(f, positive)| f == fact
                                && (facts[f] == Some(*positive)) == decided),
                        "{service} {id}: {fact} does not decide it: {text}"
                    );
                }
            }
        }
    }
    assert!(reasons > 20, "the sample has reasons to check: {reasons}");
}

/// Asserts that the facts `named`, at their answers, give the condition the value `decided`
/// whatever the other facts it mentions are.
fn sufficient(
    condition: &serde_yaml::Value,
    facts: &BTreeMap<String, Option<bool>>,
    named: &[String],
    decided: bool,
    what: &str,
) {
    let mut mentioned = Vec::new();
    polarities(condition, true, &mut mentioned);
    let mut others: Vec<String> = mentioned
        .into_iter()
        .map(|(f, _)| f)
        .filter(|f| !named.contains(f))
        .collect();
    others.sort();
    others.dedup();
    for bits in 0..1u32 << others.len() {
        let mut world = facts.clone();
        for (i, fact) in others.iter().enumerate() {
            world.insert(fact.clone(), Some(bits & (1 << i) != 0));
        }
        assert_eq!(
            value(condition, &world),
            Some(decided),
            "{what}: {named:?} do not settle it alone"
        );
    }
}
