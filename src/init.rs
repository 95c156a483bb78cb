//! `init`: scaffolds a ready-to-fill assessment repository. Never overwrites a file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;
use crate::load::{self, scalar};
use crate::model::{AnswersFile, Checklist, Requirement};
use crate::write;

/// What `init` is asked to create.
pub struct Options {
    pub dir: PathBuf,
    /// The checklist as the user named it: bundled reference or path.
    pub checklist: String,
    pub organization: String,
    pub service_name: String,
    pub service_id: String,
    pub as_of: Date,
    /// Whether the answers are a workbook rather than YAML.
    pub xlsx: bool,
}

/// Creates the files; returns their names, or stops before writing anything when one exists.
pub fn run(options: &Options) -> Result<Vec<String>, Error> {
    let (source, checklist) = crate::pipeline::named_checklist(&options.checklist)?;
    let root = &options.dir;
    let checklist_reference = if crate::checklists::find(&options.checklist).is_some() {
        checklist.reference()
    } else {
        format!("checklists/{}@{}.yaml", checklist.id, checklist.edition)
    };
    let extension = if options.xlsx { "xlsx" } else { "yaml" };
    let answers_path = format!("answers/{}.{extension}", options.service_id);
    let answers_file = if options.xlsx {
        workbook(options, &checklist)?
    } else {
        answers(options, &checklist).into_bytes()
    };
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "checksheet.yaml".to_owned(),
            assessment(options, &checklist_reference, &answers_path).into_bytes(),
        ),
        (answers_path.clone(), answers_file),
        (
            ".gitignore".to_owned(),
            b"# The built site is published, not versioned here.\n/site/\n".to_vec(),
        ),
        (
            "README.md".to_owned(),
            readme(options, &answers_path).into_bytes(),
        ),
        (
            "evidence/README.md".to_owned(),
            EVIDENCE_README.as_bytes().to_vec(),
        ),
    ];
    if checklist_reference.starts_with("checklists/") {
        files.push((
            checklist_reference.clone(),
            source.text.clone().into_bytes(),
        ));
    }
    let existing: Vec<String> = files
        .iter()
        .filter(|(name, _)| root.join(name).exists())
        .map(|(name, _)| format!("`{}`", load::display(root, name)))
        .collect();
    if !existing.is_empty() {
        return Err(Error::input(
            Diagnostic::new(
                "file-exists",
                t!("init.would-overwrite", files = existing.join(", ")),
            )
            .help(t!("init.would-overwrite-help")),
        ));
    }
    let mut created = Vec::new();
    for (name, contents) in &files {
        write::new_file(&root.join(name), contents)?;
        created.push(load::display(root, name));
    }
    Ok(created)
}

/// The answers as a workbook to fill in: every fact and requirement, nothing answered.
fn workbook(options: &Options, checklist: &Checklist) -> Result<Vec<u8>, Error> {
    let answers = AnswersFile {
        as_of: options.as_of,
        reviewed_by: None,
        approved_by: None,
        next_review: None,
        facts: checklist
            .facts
            .iter()
            .map(|f| (f.id.clone(), None))
            .collect(),
        answers: checklist
            .requirements()
            .map(|(_, r)| (r.id.clone(), crate::model::Answer::default()))
            .collect(),
    };
    crate::render::workbook::answers(
        &crate::render::workbook::Header {
            organization: &options.organization,
            service: &options.service_name,
            checklist,
        },
        &answers,
    )
}

fn assessment(options: &Options, checklist: &str, answers_path: &str) -> String {
    format!(
        "# checksheet のアセスメント設定 / assessment settings.\n\
         # `checksheet check` で自己点検の結果を確認できます。\n\
         organization:\n  name: {}\n  # name-en: English name\n  # url: https://www.example.jp/\n\
         # 準拠する指針 (`checksheet checklist list` で一覧)\n\
         checklist: {}\n\
         # 公開するチェックシートの言語 (最初が既定)\n\
         languages: [ja, en]\n\
         # PHRサービスごとに1件\n\
         services:\n  - id: {}\n    name: {}\n\
         \x20   name-en:           # 英語ページでの名前 (例: Karada Note)\n\
         \x20   url:               # サービスのウェブサイト (例: https://www.example.jp/service/)\n\
         \x20   answers: {}\n",
        scalar(&options.organization),
        scalar(checklist),
        scalar(&options.service_id),
        scalar(&options.service_name),
        scalar(answers_path),
    )
}

fn applicability_ja(requirement: &Requirement) -> Option<String> {
    let condition =
        crate::report::condition(requirement.applies_if.as_ref()?, &crate::report::JAPANESE);
    Some(match requirement.otherwise {
        Some(otherwise) => format!(
            "適用: {condition} のとき{}、それ以外は{}",
            requirement.obligation.label_ja(),
            otherwise.label_ja()
        ),
        None => format!("適用: {condition} のときのみ"),
    })
}

fn answers(options: &Options, checklist: &Checklist) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} の自己点検 / self-check answers ({})\n\
         #\n\
         # 記入のしかた:\n\
         #   facts:   各質問に true か false を記入します。\n\
         #   status:  done (対応済) / partial (一部対応) / not-done (未対応) /\n\
         #            not-applicable (該当なし: explanation に理由を記入) / planned (対応予定: target に予定日)\n\
         #   explanation: 公開される説明 (Markdown)。複数行は `|` の次の行から字下げして書きます。\n\
         #   note:    社内メモ (公開されません)。\n\
         #   evidence: 根拠 (file / url / certificate / record)。evidence/README.md を参照。\n\
         # 記入後に `checksheet check` を実行すると、不足している点を表示します。\n",
        options.service_name,
        checklist.reference()
    );
    let _ = writeln!(
        out,
        "as-of: {}        # 自己点検の基準日 (YYYY-MM-DD)",
        options.as_of
    );
    let _ = writeln!(
        out,
        "reviewed-by:             # 点検者 (例: 個人情報保護管理者 山田花子)\n\
         # 承認されたら、承認者・役職・承認日を書きます (公開の前に必要):\n\
         # approved-by: {{name: 鈴木一郎, title: 代表取締役社長, date: YYYY-MM-DD}}\n\
         next-review:             # 次回点検予定日 (YYYY-MM-DD)\n"
    );
    let _ = writeln!(out, "facts:");
    for fact in &checklist.facts {
        let _ = writeln!(out, "  # {}\n  {}:", fact.question.ja.trim(), fact.id);
    }
    let _ = writeln!(out, "\nanswers:");
    for section in &checklist.sections {
        let _ = writeln!(out, "  # ── {} {} ──\n", section.id, section.title.ja);
        for requirement in &section.requirements {
            let _ = writeln!(
                out,
                "  # {} {}: {}",
                requirement.cite,
                requirement.obligation.label_ja(),
                requirement.text.ja.trim().replace('\n', " ")
            );
            if let Some(applicability) = applicability_ja(requirement) {
                let _ = writeln!(out, "  # {applicability}");
            }
            let hints: Vec<String> = requirement
                .evidence
                .iter()
                .map(crate::model::ExpectedEvidence::describe_ja)
                .collect();
            if !hints.is_empty() {
                let _ = writeln!(out, "  # 根拠の例: {}", hints.join(", "));
            }
            let _ = writeln!(
                out,
                "  {}:\n    status:\n    explanation:\n",
                requirement.id
            );
        }
    }
    out
}

fn readme(options: &Options, answers_path: &str) -> String {
    if options.xlsx {
        return workbook_readme(options, answers_path);
    }
    format!(
        "# {org} — PHR チェックシート\n\n\
         このリポジトリは「民間PHR事業者による健診等情報の取扱いに関する基本的指針」の\n\
         チェックシートによる自己点検を管理します。\n\n\
         1. `{answers}` の `facts` に true / false を記入します。\n\
         2. 各要件の `status` と `explanation` (公開される説明) を記入し、根拠を `evidence` に挙げます。\n\
         3. `checksheet check` で不足を確認します (終了コード 0 で問題なし)。\n\
         4. 変更は git にコミットし、履歴を残します。\n\n\
         This repository holds {org}'s self-check against the PHR basic guideline.\n\
         Answer the facts and every requirement in `{answers}`, then run `checksheet check`.\n",
        org = options.organization,
        answers = answers_path,
    )
}

/// The README of an assessment answered in a workbook: what to fill in, in its words.
fn workbook_readme(options: &Options, answers_path: &str) -> String {
    format!(
        "# {org} — PHR チェックシート\n\n\
         このリポジトリは「民間PHR事業者による健診等情報の取扱いに関する基本的指針」の\n\
         チェックシートによる自己点検を管理します。\n\n\
         1. `{answers}` を Excel で開き、シート「前提条件」の各質問に「はい」か「いいえ」を選びます。\n\
         2. シート「チェックシート」の各要件の「対応状況」と「説明（公開）」を記入し、根拠をシート「証跡」に挙げます。\n\
         3. `checksheet check` で不足を確認します (終了コード 0 で問題なし)。\n\
         4. 変更は git にコミットし、履歴を残します。\n\n\
         This repository holds {org}'s self-check against the PHR basic guideline.\n\
         Fill in `{answers}` in Excel (はい or いいえ for each question on the sheet 前提条件,\n\
         対応状況 and 説明（公開） for each requirement on the sheet チェックシート, the evidence on\n\
         the sheet 証跡), then run `checksheet check`.\n",
        org = options.organization,
        answers = answers_path,
    )
}

const EVIDENCE_README: &str = "\
# evidence/

自己点検の根拠となる資料 (規程、手順書、証明書の写し、ログの書き出しなど) をここに置き、
回答ファイルの `evidence:`（ブックではシート「証跡」）から参照します。ファイルは社内資料として扱われ、公開されません。

Put the documents that prove your answers here and cite them from the answers file, then run
`checksheet evidence lock` to record their SHA-256 in `checksheet.lock` (commit it with them).
`checksheet check` then reports any evidence file that changed, is missing or was never locked;
`checksheet evidence list` shows every piece of evidence and its state.

証跡ファイルを追加・更新したら `checksheet evidence lock` を実行し、`checksheet.lock` を一緒にコミットします。
証明書の有効期限や記録の日付は、回答ファイルの `as-of` の日付で判定されます。

```yaml
evidence:
  - file: evidence/personal-data-handling-rules.md   # internal by default
    title: 個人データ取扱規程
  - url: https://www.example.jp/privacy/              # public by default
    title: プライバシーポリシー
  - certificate: {scheme: ISMS, number: IS 000000, issuer: 認証機関名, valid-until: 2027-03-31}
  - record: {date: 2026-06-15, summary: 全従業員向け情報セキュリティ研修}
```
";

/// The default service id for a service name: the name itself when it is a valid id, its
/// ASCII letters and digits joined by `-`, or `service-1` when it has none.
pub fn default_service_id(name: &str) -> String {
    let id: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let id = id
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if id.is_empty() {
        "service-1".to_owned()
    } else {
        id
    }
}

/// Whether `dir` is a folder `init` may write into (absent or a folder).
pub fn check_dir(dir: &Path) -> Result<(), Error> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(Diagnostic::new(
            "not-a-folder",
            t!("init.not-a-folder", dir = dir.display()),
        )));
    }
    Ok(())
}
