//! The layout of an answers workbook (`answers/<service>.xlsx`), in the manner of Japanese
//! self-inspection sheets: what `export` writes and what loading reads. Cells are found by
//! these labels, so rows may be sorted, inserted or hidden.

/// The sheet of requirements, with the header block above its table.
pub const SHEET: &str = "チェックシート";
/// The sheet of facts.
pub const FACTS: &str = "前提条件";
/// The sheet of evidence, one row per piece.
pub const EVIDENCE: &str = "証跡";

/// The header block's labels (column A) whose values (column B) are read back.
pub const ORGANIZATION: &str = "事業者名";
pub const SERVICE: &str = "サービス名";
pub const AS_OF: &str = "点検基準日";
pub const REVIEWED_BY: &str = "点検者";
pub const APPROVED_BY: &str = "承認者";
pub const APPROVER_TITLE: &str = "承認者の役職";
pub const APPROVED_ON: &str = "承認日";
pub const NEXT_REVIEW: &str = "次回点検予定";
pub const CHECKLIST: &str = "指針と版";

/// The columns of the requirements table; `ID` finds its header row.
pub const CITE: &str = "項番";
pub const ID: &str = "要件ID";
pub const OBLIGATION: &str = "区分";
pub const TEXT: &str = "要件";
pub const APPLIES: &str = "適用（前提条件による）";
pub const STATUS: &str = "対応状況";
pub const EXPLANATION: &str = "説明（公開）";
pub const EXPLANATION_EN: &str = "説明（英語）";
pub const TARGET: &str = "対応予定日";
pub const NOTE: &str = "社内メモ（非公開）";

/// The requirements table, in order.
pub const SHEET_COLUMNS: [&str; 10] = [
    CITE,
    ID,
    OBLIGATION,
    TEXT,
    APPLIES,
    STATUS,
    EXPLANATION,
    EXPLANATION_EN,
    TARGET,
    NOTE,
];

/// The columns of the facts sheet.
pub const FACT_ID: &str = "前提条件ID";
pub const QUESTION: &str = "質問";
pub const ANSWER: &str = "回答";
pub const FACT_COLUMNS: [&str; 3] = [FACT_ID, QUESTION, ANSWER];

/// The columns of the evidence sheet.
pub const KIND: &str = "種類";
pub const TARGET_PATH: &str = "ファイル/URL";
pub const TITLE: &str = "名称";
pub const TITLE_EN: &str = "名称（英語）";
pub const SCHEME: &str = "認証制度";
pub const NUMBER: &str = "登録番号";
pub const ISSUER: &str = "認証機関";
pub const SCOPE: &str = "適用範囲";
pub const VALID_FROM: &str = "有効期間開始";
pub const VALID_UNTIL: &str = "有効期限";
pub const DATE: &str = "日付";
pub const SUMMARY: &str = "概要";
pub const PUBLIC: &str = "公開";
pub const PARTNER: &str = "連携先ID";
pub const RESULT: &str = "確認の結果";
pub const EVIDENCE_COLUMNS: [&str; 16] = [
    ID,
    KIND,
    TARGET_PATH,
    TITLE,
    TITLE_EN,
    SCHEME,
    NUMBER,
    ISSUER,
    SCOPE,
    VALID_FROM,
    VALID_UNTIL,
    DATE,
    SUMMARY,
    PUBLIC,
    PARTNER,
    RESULT,
];

/// Yes and no as the drop-downs offer them.
pub const YES: &str = "はい";
pub const NO: &str = "いいえ";

/// The kinds of evidence as the drop-down offers them, with their names in answers files.
pub const KINDS: [(&str, &str); 5] = [
    ("ファイル", "file"),
    ("URL", "url"),
    ("認証", "certificate"),
    ("記録", "record"),
    ("連携先の確認", "partner-check"),
];

/// The results of a partner check as the drop-down offers them, with their codes.
pub const RESULTS: [(&str, &str); 3] = [
    ("照合済み", "verified"),
    ("照合済み・古いシートあり", "stale"),
    ("照合できず", "not-verified"),
];

/// The sheet that says how to fill in the others; it is not read.
pub const INSTRUCTIONS: &str = "記入方法";

/// What the instructions sheet says, line by line: what each cell accepts.
pub const INSTRUCTION_LINES: &[&str] = &[
    "このブックの記入方法",
    "",
    "読むのはシート「チェックシート」「前提条件」「証跡」だけです。シートの名前と見出しの文字は変えないでください。行の並べ替え、空行の挿入、行の非表示、自分用の列やシートの追加はかまいません。",
    "",
    "対応状況: 対応済・一部対応・未対応・該当なし・対応予定 から選びます。○（対応済）、△（一部対応）、×（未対応）、該当無し、対応済み、done などのコードも読みます。「対応済（一部）」のような書き方は読まずにエラーにします。",
    "該当なし: 説明（公開）に該当しない理由を書きます。対応予定: 対応予定日を書きます。",
    "前提条件の回答: はい・いいえ を選びます。○・×、有り・無し、yes・no も読みます。",
    "日付: 日付のセルのほか、2026-04-01、2026/4/1、2026年4月1日、令和8年4月1日、R8.4.1、全角数字（２０２６年４月１日）で書けます。時刻が付いていても日付だけを読みます。",
    "説明（公開）: セル内の改行（Alt+Enter）はページでもそのまま改行になります。「・」で始まる行も書いたとおりに載ります。Markdown（- の箇条書き、**強調**、[リンク](https://…)）も使えます。半角カタカナはページでは全角で表示します。",
    "セルの結合: 縦に結合したセルは、範囲のすべての行に最初のセルの値を書いたものとして読み、check がその範囲を知らせます。行ごとに違う値にするときは結合を解除してください。",
    "数式: 計算結果が保存されていない数式やエラー値（#N/A など）はエラーにします。値を直接入力してください。",
    "要件ID: 半角の小文字・数字・ハイフンで書きます（例: sec-roles）。要件IDが空の行は読みません（check が知らせます）。",
    "証跡: 根拠1件につき1行。同じ要件の根拠を複数行に書けます。",
    "",
    "checksheet check を実行すると、読めなかったセルや読み方に注意が必要なセルを、シート名とセル番地で示します。",
];
