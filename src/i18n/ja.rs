//! The Japanese catalogue: one entry per message key, `{name}` for a value.

/// Messages by key.
pub const MESSAGES: &[(&str, &str)] = &[
    ("approval.approved-by", "{signers} が承認し署名（鍵 {key}）"),
    ("approval.publication", "公開 `{tag}`: {signature}"),
    (
        "approval.unchecked",
        "鍵 {key} で署名（誰の鍵かは確かめていません。--allowed-signers か git の gpg.ssh.allowedSignersFile で署名者一覧を指定してください）",
    ),
    (
        "approval.unsigned",
        "署名なし（`checksheet publish --sign 鍵` で承認者が署名します）",
    ),
    (
        "args.after-command",
        "オプションはコマンドの後に書きます: `{usage}`",
    ),
    ("args.commands", "使えるコマンド: {list}"),
    (
        "args.conflict",
        "`{option}` は {others} と一緒には使えません",
    ),
    (
        "args.date-help",
        "日付は `YYYY-MM-DD` の形で書いてください（例: `2026-04-01`）",
    ),
    ("args.did-you-mean", "{words} のことですか？"),
    ("args.extra", "`{command}` には余分な `{word}` があります"),
    (
        "args.extra-help",
        "空白を含むフォルダー名・ファイル名は \"\" で囲んでください（例: \"マイ ドキュメント\"）",
    ),
    ("args.invalid-value", "`{option}` に `{value}` は使えません"),
    ("args.missing", "`{command}` には {list} の指定が必要です"),
    (
        "args.missing-command",
        "`{command}` の後にコマンドを書いてください",
    ),
    ("args.missing-value", "`{option}` の値がありません"),
    (
        "args.missing-value-help",
        "`{option}` の後に、空白を空けて値を書いてください",
    ),
    (
        "args.more",
        "詳しくは `{command} --help` で確かめてください。",
    ),
    (
        "args.no-equals",
        "`{option}` の値は `=` でつないで書いてください",
    ),
    (
        "args.not-utf8",
        "コマンドラインに UTF-8 として読めない文字があります",
    ),
    ("args.or", " か "),
    ("args.repeated", "`{option}` は1回だけ指定してください"),
    (
        "args.too-many-values",
        "`{option}` に余分な値 `{value}` があります",
    ),
    (
        "args.unknown-command",
        "`{command}` に `{word}` というコマンドはありません",
    ),
    (
        "args.unknown-option",
        "`{command}` に `{word}` というオプションはありません",
    ),
    ("args.unreadable", "コマンドラインを読み取れませんでした"),
    ("args.value-count", "`{option}` の値の数が違います"),
    ("args.values", "指定できる値: {list}"),
    ("args.values-of", "`{option}` に指定できる値: {list}"),
    (
        "build.built",
        "`{out}` にページ {pages} 件とその他のファイル {others} 件を作りました",
    ),
    ("build.signed", "`{file}` に署名しました（鍵 {key}）"),
    ("build.skipped", "使えない公開を履歴から外しました: {tag}"),
    (
        "build.timestamped",
        "時刻認証局 {authority} のタイムスタンプを `{file}` に保存しました（{japan} 日本時間、{utc}）",
    ),
    (
        "build.unsupported",
        "{id} {requirement}: `{status}` と回答していますが、[{code}] {message}。ページには「{shown}」と表示します",
    ),
    ("change.approval", "承認・次回点検予定の変更 {count}件"),
    ("change.approval.many", "承認・次回点検予定の変更 {count}件"),
    ("change.as-of", "点検基準日の変更 {count}件"),
    ("change.as-of.many", "点検基準日の変更 {count}件"),
    ("change.checklist", "指針の版・内容の変更 {count}件"),
    ("change.checklist.many", "指針の版・内容の変更 {count}件"),
    ("change.evidence-added", "根拠の追加 {count}件"),
    ("change.evidence-changed", "根拠の更新 {count}件"),
    ("change.evidence-expired", "根拠の期限切れ {count}件"),
    ("change.evidence-removed", "根拠の削除 {count}件"),
    ("change.explanation", "説明の変更 {count}件"),
    ("change.explanation.many", "説明の変更 {count}件"),
    ("change.facts", "前提条件の変更 {count}件"),
    ("change.facts.many", "前提条件の変更 {count}件"),
    ("change.obligation", "区分・適用の変更 {count}件"),
    ("change.obligation.many", "区分・適用の変更 {count}件"),
    ("change.organization", "事業者情報の変更 {count}件"),
    ("change.outcome", "判定の変更 {count}件"),
    ("change.outcome.many", "判定の変更 {count}件"),
    ("change.requirement", "要件の文言の変更 {count}件"),
    ("change.requirement.many", "要件の文言の変更 {count}件"),
    ("change.requirements-added", "要件の追加 {count}件"),
    ("change.requirements-added.many", "要件の追加 {count}件"),
    ("change.requirements-removed", "要件の削除 {count}件"),
    ("change.requirements-removed.many", "要件の削除 {count}件"),
    ("change.reviewed-by", "確認者の変更 {count}件"),
    ("change.service", "サービス情報の変更 {count}件"),
    ("change.services-added", "サービスの追加 {count}件"),
    ("change.services-added.many", "サービスの追加 {count}件"),
    ("change.services-removed", "サービスの削除 {count}件"),
    ("change.services-removed.many", "サービスの削除 {count}件"),
    ("change.status", "状況の変更 {count}件"),
    ("change.status.many", "状況の変更 {count}件"),
    ("change.target", "対応予定日の変更 {count}件"),
    ("change.target.many", "対応予定日の変更 {count}件"),
    ("check.codes", "コードの意味:"),
    ("check.depends-on-facts", "未回答の前提条件しだいです"),
    ("check.does-not-apply", "このサービスには適用されません"),
    (
        "check.header",
        "チェックリスト {checklist} · 点検基準日 {as_of}",
    ),
    (
        "checklist.applies-only",
        "適用: {condition} のときのみ（それ以外は適用されません）",
    ),
    (
        "checklist.applies-otherwise",
        "適用: {condition} のとき。それ以外は {otherwise}",
    ),
    ("checklist.bad-id", "`{id}` はIDとして使えません"),
    (
        "checklist.bad-id-help",
        "半角の英小文字・数字・`-` を使ってください（例: `pi-erasure`）",
    ),
    ("checklist.basis", "根拠区分 {basis}"),
    (
        "checklist.condition-keys",
        "条件には `fact`、`all`、`any`、`not` のどれか1つだけを書いてください（例: `{fact: uses-mynaportal-api}`）",
    ),
    (
        "checklist.counts",
        "要件 {requirements} 件（法令上の義務・遵守事項 {binding} 件）、前提条件 {facts} 件",
    ),
    ("checklist.duplicate-id", "ID `{id}` が2回使われています"),
    (
        "checklist.duplicate-number",
        "項番 `{number}` は `{other}` の項番と重なっています",
    ),
    (
        "checklist.duplicate-number-help",
        "要件ごとに別の `no` を付けるか、`no` を消して `cite` から番号を付けてください（`2.1(2)-3`）",
    ),
    ("checklist.duplicate-section", "2つの章が同じID `{id}` です"),
    ("checklist.edition-encoded", "（このファイルに収録）"),
    ("checklist.edition-not-encoded", "（未収録）"),
    ("checklist.editions", "版:"),
    (
        "checklist.empty-condition",
        "`{name}` には条件を1つ以上書いてください",
    ),
    ("checklist.empty-text", "`{path}` が空です"),
    ("checklist.evidence", "根拠: {kind}"),
    (
        "checklist.facts",
        "前提条件（サービスごとに true か false で回答）:",
    ),
    (
        "checklist.invalid-id",
        "チェックリストの {field} `{value}` は使えません",
    ),
    (
        "checklist.invalid-id-help",
        "英数字、`-`、`.` を使ってください（`@`、`/`、空白は使えません）",
    ),
    (
        "checklist.otherwise-alone",
        "`applies-if` がないと `otherwise` は意味がありません",
    ),
    (
        "checklist.otherwise-alone-help",
        "`applies-if` の条件を加えるか、`otherwise` を消してください",
    ),
    (
        "checklist.otherwise-same",
        "`otherwise` が `obligation` と同じです",
    ),
    (
        "checklist.otherwise-same-help",
        "`applies-if` と `otherwise` を消してください（この要件は常に適用されます）",
    ),
    (
        "checklist.revision-encoded",
        "版 `{edition}` に `encoded` がありますが、このファイルは `{own}` 版です",
    ),
    (
        "checklist.revision-encoded-help",
        "このファイル自身の版にだけ `encoded: true` を書いてください",
    ),
    (
        "checklist.revision-twice",
        "版 `{edition}` が2回書かれています",
    ),
    (
        "checklist.schemes",
        "`schemes` は種類が `certificate` の根拠にだけ書けます",
    ),
    (
        "checklist.superseded-unknown",
        "`superseded-by` の `{edition}` が、`revisions` にある後の版ではありません",
    ),
    (
        "checklist.superseded-unknown-help",
        "後の版を日付と名前とともに `revisions` に書いてください",
    ),
    (
        "checklist.unknown-fact",
        "`applies-if` の前提条件 `{id}` が `facts` にありません",
    ),
    (
        "cli.about",
        "「民間PHR事業者による健診等情報の取扱いに関する基本的指針」への対応を点検し、公表し、記録をたどります。",
    ),
    (
        "cli.build",
        "公表用のチェックシートのサイトを作ります（サービス・言語ごとのページ、JSON、CSV）。",
    ),
    (
        "cli.build.context",
        "サイトを作る代わりに、各ページのテンプレートに渡す内容を JSON で表示します。",
    ),
    (
        "cli.build.dir",
        "評価のフォルダー（checksheet.yaml のあるフォルダー）。",
    ),
    (
        "cli.build.out",
        "サイトを書き出すフォルダー。指定しないときは評価のフォルダーの中の `site` です。以前に作ったサイトは置き換えます。",
    ),
    (
        "cli.build.sign",
        "manifest.json に署名する OpenSSH の ed25519 秘密鍵ファイル。署名は manifest.json.sig として書き出します（名前空間 checksheet）。パスフレーズ付きの鍵は、環境変数 CHECKSHEET_SIGN_PASSPHRASE にパスフレーズを入れて使います。",
    ),
    (
        "cli.build.timestamp",
        "RFC 3161 の時刻認証局（TSA）の URL。署名 manifest.json.sig のタイムスタンプを取得し、manifest.json.tsr として保存します。--sign と一緒に使います。",
    ),
    (
        "cli.check",
        "各サービスの回答をチェックリストと照らし合わせ、足りないところを示します。",
    ),
    (
        "cli.check.dir",
        "評価のフォルダー（checksheet.yaml のあるフォルダー）。",
    ),
    ("cli.check.format", "出力の形式。"),
    ("cli.check.service", "このサービスだけを点検します。"),
    (
        "cli.check.since",
        "この時点（コミット、タグ、直近の公開タグなど）と比べて、説明を変えずに状況が下がった要件を警告（regressed）します。--strict ではエラーになります。",
    ),
    ("cli.check.strict", "警告もエラーとして扱います。"),
    (
        "cli.checklist",
        "チェックリスト（要件の一覧）を並べ、中身を表示します。",
    ),
    ("cli.checklist.list", "同梱のチェックリストを並べます。"),
    ("cli.checklist.list.format", "出力の形式。"),
    (
        "cli.checklist.show",
        "チェックリストの前提条件と要件を表示します。",
    ),
    (
        "cli.checklist.show.basis",
        "文言の根拠がこの区分の要件だけを表示します: `seed`（公式の概要）、`src`（二次資料）、`rec`（記憶による。原文と照らし合わせが必要）。",
    ),
    (
        "cli.checklist.show.checklist",
        "同梱の `id@edition`（`id` だけなら最新の版）、またはチェックリストファイルのパス。",
    ),
    ("cli.checklist.show.format", "出力の形式。"),
    (
        "cli.color",
        "出力に色を付けるかどうか。`auto` は端末のときだけ色を付けます（`NO_COLOR` があれば付けません）。",
    ),
    (
        "cli.diff",
        "2つの git のリビジョンの評価を比べます（状況、説明、根拠、前提条件など）。",
    ),
    (
        "cli.diff.exit_code",
        "変更があれば終了コード 1 で終わります。",
    ),
    ("cli.diff.format", "出力の形式。"),
    (
        "cli.diff.from",
        "比べる前のリビジョン。指定しないときは最新の公表タグ、なければ HEAD です。",
    ),
    (
        "cli.diff.internal",
        "非公開の根拠（ファイルのパスと内容の変更を含む）も、（非公開）と印を付けて比べます。省略時は公開する内容だけを比べます。",
    ),
    ("cli.diff.service", "このサービスだけを比べます。"),
    (
        "cli.diff.to",
        "比べる後のリビジョン。指定しないときは作業中のファイルです。",
    ),
    (
        "cli.directory",
        "このフォルダーで実行したものとして動きます（`git -C` と同じ）。",
    ),
    ("cli.evidence", "回答の根拠を記録（lock）し、一覧にします。"),
    (
        "cli.evidence.list",
        "すべての根拠を、要件・種類・公開範囲・状態とともに並べます。",
    ),
    (
        "cli.evidence.list.dir",
        "評価のフォルダー（checksheet.yaml のあるフォルダー）。",
    ),
    ("cli.evidence.list.format", "出力の形式。"),
    (
        "cli.evidence.list.service",
        "このサービスの根拠だけを並べます。",
    ),
    (
        "cli.evidence.lock",
        "すべての根拠ファイルの SHA-256 とサイズを checksheet.lock に記録します。",
    ),
    (
        "cli.evidence.lock.dir",
        "評価のフォルダー（checksheet.yaml のあるフォルダー）。",
    ),
    (
        "cli.export",
        "サービスの回答をワークブック（Excel で記入する用）や YAML に書き出します。チェックリストを OSCAL のカタログとして、サービスの点検結果を OSCAL の評価結果（assessment-results）として書き出すこともできます（GRC ツール向け）。",
    ),
    (
        "cli.export.dir",
        "評価のフォルダー（checksheet.yaml のあるフォルダー）。",
    ),
    (
        "cli.export.format",
        "`xlsx` はワークブック、`yaml` は回答ファイル、`oscal-catalog` はチェックリストの OSCAL カタログ、`oscal-results` はサービスの OSCAL 評価結果。",
    ),
    (
        "cli.export.internal",
        "oscal-results に非公開の根拠（ファイルのハッシュを含む）と社内メモも含めます。省略時は公開する内容だけです。",
    ),
    (
        "cli.export.out",
        "書き出すファイル。xlsx・yaml では既定が `<サービス>.xlsx`・`<サービス>.yaml` で、既にあるファイルには書きません。OSCAL では既定が `<チェックリスト>.oscal-catalog.json`・`<サービス>.oscal-results.json` で、あれば置き換えます。`-` で標準出力。",
    ),
    (
        "cli.export.service",
        "書き出すサービス（xlsx・yaml・oscal-results で指定します）。",
    ),
    (
        "cli.init",
        "評価リポジトリを始めます（設定、すべての質問を並べた回答ファイル、手引き）。",
    ),
    (
        "cli.init.as_of",
        "点検基準日（YYYY-MM-DD）。指定しないときは今日です。",
    ),
    (
        "cli.init.checklist",
        "チェックリスト（同梱の `id@edition` か、チェックリストファイルのパス）。",
    ),
    ("cli.init.dir", "作成するフォルダー。"),
    ("cli.init.org", "事業者名。"),
    ("cli.init.service", "PHRサービスの名前。"),
    (
        "cli.init.service_id",
        "サービスID（半角の英小文字・数字・`-`）。指定しないときは名前から決めます。",
    ),
    (
        "cli.init.xlsx",
        "回答を Excel で記入できるワークブック（`answers/<service>.xlsx`）として作ります。",
    ),
    (
        "cli.lang",
        "メッセージの言語。指定しないときは `CHECKSHEET_LANG`、`LANG`、評価の最初の言語の順に決めます。",
    ),
    (
        "cli.log",
        "評価を変えたリビジョンを新しい順に、変わった内容とともに並べます。",
    ),
    (
        "cli.log.allowed_signers",
        "公開タグの署名を確かめる署名者一覧（ssh-keygen の allowed_signers 形式）。省略すると git の設定 gpg.ssh.allowedSignersFile を使います。どちらもなければ、署名した鍵だけを示します。",
    ),
    ("cli.log.format", "出力の形式。"),
    ("cli.log.service", "このサービスの変更だけを数えます。"),
    (
        "cli.partners",
        "連携先（checksheet.yaml の partners）の公開チェックシートを確かめます。",
    ),
    (
        "cli.partners.check",
        "連携先ごとに公開サイトを照合し（verify と同じ）、各チェックシートの点検基準日と未対応の件数、古すぎないかを報告します。すべて照合でき最新なら終了コード 0、そうでなければ 1。結果は io-partner-check の証跡（partner-check）として記録できます。",
    ),
    (
        "cli.partners.check.dir",
        "点検フォルダー（checksheet.yaml のあるフォルダー）。",
    ),
    ("cli.partners.check.format", "出力の形式。"),
    (
        "cli.partners.check.max_age",
        "連携先のチェックシートの点検基準日がこれより古ければ「古い」とします（例: 1y、6mo、90d、1年、6か月）。",
    ),
    (
        "cli.partners.check.on",
        "この日付で古さを判断します（省略時は今日）。記録を後から確かめ直すときに使います。",
    ),
    (
        "cli.publish",
        "コミット済みで、回答がそろい、確認済みの評価を公表としてタグ付けします（`checksheet/<as-of>`）。",
    ),
    (
        "cli.publish.allow_incomplete",
        "未回答の要件があっても公表します。ページには「点検未完了」と表示されます。",
    ),
    ("cli.publish.message", "タグのメッセージ。"),
    (
        "cli.publish.sign",
        "公開タグに署名する承認者の OpenSSH 秘密鍵ファイル（ed25519 または ECDSA）。タグは `git tag -s` と同じ SSH 署名付きタグになり、`git -c gpg.format=ssh -c gpg.ssh.allowedSignersFile=署名者一覧 tag -v タグ` で確かめられます。パスフレーズ付きの鍵は、パスフレーズを環境変数 CHECKSHEET_SIGN_PASSPHRASE に入れます。",
    ),
    (
        "cli.verify",
        "公開したサイトが manifest.json のとおりかを確かめます（すべてのファイルがあり SHA-256 が一致し、余分なファイルがないこと）。署名（manifest.json.sig）があれば確かめ、点検フォルダーの中（または -C で指定）で実行したときは、マニフェストに記載のコミットからサイトを作り直して一致するかも確かめます。",
    ),
    (
        "cli.verify.allowed_signers",
        "署名してよい人と公開鍵の一覧（ssh-keygen の allowed_signers 形式）。指定すると、署名がなければ照合できないものとし、署名した人を表示します。",
    ),
    ("cli.verify.format", "出力の形式。"),
    (
        "cli.verify.site",
        "サイトのフォルダー（公開しているページをダウンロードしたものなど）、または公開しているサイトの URL（https://…/manifest.json のあるところ）。",
    ),
    (
        "cli.verify.tsa_certs",
        "信頼する時刻認証局の証明書（PEM）。これがあればタイムスタンプ manifest.json.tsr の認証局を確かめ、タイムスタンプがないサイトは照合できないとします。",
    ),
    ("code.advice", "適用される努力義務を満たしていません"),
    (
        "code.approval-missing",
        "点検結果に `approved-by`（承認者の氏名・役職・承認日）がありません",
    ),
    (
        "code.evidence-changed",
        "根拠ファイルが `checksheet.lock` の記録と違います",
    ),
    (
        "code.evidence-expired",
        "証明書の `valid-until`（有効期限）が `as-of`（点検基準日）より前です",
    ),
    (
        "code.evidence-expiring",
        "証明書の有効期限が、`as-of` からチェックリストの `expiry-warning`（既定は90日）以内に切れます",
    ),
    (
        "code.evidence-future",
        "記録または連携先の確認の日付が `as-of` より後です",
    ),
    (
        "code.evidence-missing",
        "`done` または `partial` の回答に、チェックリストが求める種類の根拠がありません",
    ),
    (
        "code.evidence-missing-file",
        "書かれた根拠ファイルがありません",
    ),
    (
        "code.evidence-not-yet-valid",
        "証明書の `valid-from`（有効期間の開始日）が `as-of` より後です",
    ),
    (
        "code.evidence-stale",
        "いちばん新しい記録が `as-of` の時点で要件の `max-age` より古いか、連携先の確認が `as-of` の1年以上前です",
    ),
    (
        "code.evidence-unlocked",
        "根拠ファイルがまだ `checksheet.lock` に記録されていません",
    ),
    (
        "code.fact-unanswered",
        "要件が適用されるかどうかが、未回答の前提条件しだいです",
    ),
    (
        "code.gap",
        "適用される法令上の義務または遵守事項を満たしていません",
    ),
    (
        "code.merged-cells",
        "ワークブックの結合されたセル範囲を、範囲のすべての行の値として読みました（最初のセルの値を各行の値とします）",
    ),
    (
        "code.not-applicable-but-applies",
        "前提条件では適用される要件を、理由を付けて `not-applicable`（該当なし）と回答しています。確認者に確かめてもらってください",
    ),
    (
        "code.not-applicable-without-reason",
        "適用される要件を `not-applicable`（該当なし）と回答し、`explanation` に理由がありません",
    ),
    (
        "code.partner-not-verified",
        "連携先の確認（`partner-check`）で、連携先の公開チェックシートを照合できていません",
    ),
    (
        "code.partner-sheet-stale",
        "連携先の確認（`partner-check`）で、連携先のサイトは照合できたものの、古いチェックシートがありました",
    ),
    (
        "code.plan-overdue",
        "`planned` の回答の `target` が `as-of` より前です",
    ),
    (
        "code.plan-without-target",
        "`planned`（対応予定）の回答に `target`（予定日）がありません",
    ),
    (
        "code.regressed",
        "`check --since` で指定した時点より状況が下がったのに、説明が変わっていません",
    ),
    (
        "code.review-overdue",
        "`as-of`（点検基準日）が `next-review`（次回点検予定日）より後です。予定の見直しが過ぎています",
    ),
    (
        "code.target-without-plan",
        "`planned` ではない回答に `target` があります",
    ),
    (
        "code.translation-missing",
        "ページの言語で書かれていない説明や根拠の表題があります（別の言語で、その旨を添えて表示します）",
    ),
    (
        "code.unanswered",
        "適用される要件に回答（status）がありません",
    ),
    (
        "code.unread-cells",
        "ワークブックに読まない値があります（コピーしたシート、IDのない行、名前を変えた見出しや列）",
    ),
    (
        "code.yaml-text",
        "YAML が見た目と違う文として読む箇所があります（` #` 以降はコメントになる、行が空白でつながる）",
    ),
    ("diagnostic.at", "{file}"),
    ("diagnostic.error", "エラー"),
    ("diagnostic.help", "ヒント"),
    ("diagnostic.note", "場所"),
    ("diagnostic.warning", "警告"),
    (
        "diff.checklist-content",
        "checklist: 同じ版のまま内容が変わりました",
    ),
    ("diff.checklist-title", "チェックリストの表題"),
    ("diff.contents", "内容の変更"),
    ("diff.evidence-added", "根拠の追加"),
    ("diff.evidence-changed", "根拠の更新"),
    ("diff.evidence-expired", "根拠の期限切れ"),
    ("diff.evidence-removed", "根拠の削除"),
    ("diff.in-language", "{label}（{language}）"),
    ("diff.internal", "（非公開）"),
    ("diff.markdown-title", "checksheet の比較: {from} → {to}"),
    ("diff.minus-service", "- サービス"),
    ("diff.no-changes", "変更はありません"),
    ("diff.none", "（なし）"),
    ("diff.not-in-force", "対象外"),
    ("diff.plus-service", "+ サービス"),
    ("diff.problems", "根拠の問題"),
    ("diff.renamed", "要件 {old} は {new} になりました"),
    ("diff.requirement", "要件 {id}"),
    ("diff.requirement-added", "要件の追加: `{id}`"),
    ("diff.requirement-removed", "要件の削除: `{id}`"),
    (
        "diff.requirement-renamed",
        "要件の名前の変更: `{old}` → `{new}`",
    ),
    ("diff.service-added", "サービスが追加されました。"),
    ("diff.service-removed", "サービスが削除されました。"),
    ("diff.summary", "概要: {summary}"),
    ("diff.summary-label", "概要:"),
    ("diff.table-head", "要件 | 変更"),
    ("diff.unanswered", "未回答"),
    ("diff.working-tree", "作業中のファイル"),
    (
        "error.count",
        "続けるには、上の {count} 件の問題を直してください",
    ),
    (
        "evidence.folder",
        "根拠 `{path}` はファイルではなくフォルダーです",
    ),
    (
        "evidence.folder-help",
        "中のファイルを1件ずつ書いてください",
    ),
    ("evidence.internal", "非公開"),
    (
        "evidence.link-outside",
        "根拠ファイル `{path}` は（シンボリックリンクで）リポジトリの外を指しています",
    ),
    (
        "evidence.link-outside-help",
        "リンクではなく、資料そのものをリポジトリにコピーしてください",
    ),
    ("evidence.none", "まだ根拠が書かれていません"),
    ("evidence.public", "公開"),
    (
        "evidence.too-large",
        "根拠ファイル `{path}` は {size} MiB で、上限の {limit} MiB を超えています",
    ),
    (
        "evidence.too-large-help",
        "抜粋を置くか、全文を見られる URL を書いてください",
    ),
    (
        "evidence.unreadable",
        "根拠ファイル `{path}` を読めません（{error}）",
    ),
    (
        "evidence.unreadable-help",
        "ファイルのアクセス権を確かめてください",
    ),
    ("evidence.valid-until", "有効期限 {until}"),
    ("export.exists", "`{path}` はすでにあります"),
    (
        "export.exists-help",
        "`--out` で別のファイル名を指定してください（export はファイルを上書きしません）",
    ),
    (
        "export.internal-warning",
        "--internal を指定したため、非公開の根拠と社内メモも含まれています。社外に渡さないでください",
    ),
    (
        "export.needs-service",
        "`--format {format}` はサービスごとに書き出します",
    ),
    (
        "export.needs-service-help",
        "`--service サービスID` を付けてください（サービスIDは checksheet.yaml の services にあります）",
    ),
    (
        "export.use",
        "この内容で回答するには、ファイルを `answers/` に移し、checksheet.yaml の `{service}` の `answers:` をそのパスにしてください",
    ),
    (
        "export.wrote",
        "`{service}` の回答を `{path}` に書き出しました",
    ),
    (
        "export.wrote-oscal",
        "`{path}` を書き出しました（OSCAL 1.2.1）",
    ),
    ("fetch.bad-redirect", "転送先の指定が読めません"),
    ("fetch.failed", "{url} を取得できません: {reason}"),
    (
        "fetch.failed-help",
        "URL が正しいか、サイトが公開中かを確かめてください。ブラウザーで manifest.json を開けるかが目安です",
    ),
    ("fetch.host-not-found", "ホスト名が見つかりません"),
    (
        "fetch.invalid-timeout",
        "環境変数 {var} の `{value}` は秒数ではありません",
    ),
    (
        "fetch.invalid-timeout-help",
        "1 以上の整数で書いてください（例: {var}=120）。書かなければ 60 秒です",
    ),
    (
        "fetch.invalid-url",
        "`{url}` は使える URL ではありません（{reason}）",
    ),
    (
        "fetch.invalid-url-help",
        "http:// か https:// で始まるサイトのアドレスを指定してください（例: https://example.jp/checksheet/）",
    ),
    (
        "fetch.not-http",
        "http:// か https:// の URL ではありません（{scheme}）",
    ),
    (
        "fetch.off-site",
        "{url} は別のサイト {location} へ転送しようとしたため、取得をやめました",
    ),
    (
        "fetch.off-site-help",
        "検証は指定したホストの中だけで行います。転送先が正しいサイトなら、その URL を直接指定してください",
    ),
    ("fetch.status", "サーバーが HTTP {status} を返しました"),
    ("fetch.timeout", "{seconds} 秒以内に受け取れませんでした"),
    ("fetch.too-large", "{mib} MiB を超えています"),
    ("fetch.too-many-redirects", "転送が {count} 回を超えました"),
    ("finding.answered", "`{key}`（{label}）"),
    ("finding.answered-cell", "「{label}」"),
    (
        "finding.approval-missing",
        "この点検結果はまだ承認されていません。`approved-by: {name: 氏名, title: 役職, date: YYYY-MM-DD}`（承認者・役職・承認日）を書いてください",
    ),
    (
        "finding.approval-missing-no-rows",
        "この点検結果はまだ承認されていません。このブックには承認の行がありません。シート「チェックシート」の「点検者」の行の下に、A列が「承認者」「承認者の役職」「承認日」の行を加え、B列に記入してください",
    ),
    (
        "finding.approval-missing-workbook",
        "この点検結果はまだ承認されていません。承認されたら、シート「チェックシート」の承認者（`{name}`）に氏名を、承認日（`{date}`）に日付を記入してください（承認者の役職も書けます）",
    ),
    (
        "finding.changed",
        "`{path}` が記録（lock）の後に変わっています（sha256 {locked}… → {actual}…）。内容を確かめてから `checksheet evidence lock` を実行してください",
    ),
    ("finding.duty", "{label}（{key}）"),
    (
        "finding.evidence-missing",
        "`{status}` と回答していますが、それを示す根拠がありません。次のどれかを加えてください: {expected}",
    ),
    (
        "finding.expired",
        "証明書 {name} の有効期限 {until} が点検基準日 {as_of} より前に切れています。更新するか、有効な証明書を書いてください",
    ),
    (
        "finding.expiring",
        "証明書 {name} の有効期限 {until} が、点検基準日 {as_of} から {window} 以内です",
    ),
    (
        "finding.fact-unanswered",
        "適用されるかどうかは前提条件 `{id}`（{question}）で決まります。`{file}` の `facts:` に `true` か `false` で回答してください",
    ),
    (
        "finding.fact-unanswered-cell",
        "適用されるかどうかは前提条件 `{id}`（{question}）で決まります。`{file}` のシート「前提条件」で「はい」か「いいえ」を選んでください",
    ),
    (
        "finding.future",
        "{date} の記録が点検基準日 {as_of} より後の日付です",
    ),
    ("finding.missing-file", "根拠ファイル `{path}` がありません"),
    (
        "finding.missing-file-near",
        "根拠ファイル `{path}` がありません。`{nearest}` のことですか？",
    ),
    (
        "finding.missing-file-typed",
        "根拠ファイル `{path}` がありません。{typed}",
    ),
    (
        "finding.missing-file-typed-near",
        "根拠ファイル `{path}` がありません。{typed}。`{nearest}` のことですか？",
    ),
    (
        "finding.not-applicable-but-applies",
        "`not-applicable`（該当なし）と回答していますが、前提条件によればこの要件は{duty}として適用されます。理由を確認者に確かめてもらうか、前提条件を見直してください",
    ),
    (
        "finding.not-applicable-without-reason",
        "`not-applicable`（該当なし）と回答していますが、前提条件によればこの要件は{duty}として適用されます。`explanation` に理由を書くか、状況を回答し直してください",
    ),
    (
        "finding.not-applicable-without-reason-cell",
        "「該当なし」と回答していますが、前提条件によればこの要件は{duty}として適用されます。`{file}:{cell}`（説明（公開））に該当しない理由を書くか、対応状況を選び直してください",
    ),
    (
        "finding.not-met",
        "{as_of} 時点で{duty}を満たしていません（回答: {answered}）",
    ),
    (
        "finding.not-met-target",
        "{as_of} 時点で{duty}を満たしていません（回答: {answered}、対応予定日 {target}）",
    ),
    (
        "finding.not-yet-valid",
        "証明書 {name} の有効期間は {from} からで、点検基準日 {as_of} より後です",
    ),
    (
        "finding.partner-not-verified",
        "連携先 `{partner}` の確認（{date}）では公開チェックシートを照合できていません",
    ),
    (
        "finding.partner-sheet-stale",
        "連携先 `{partner}` の確認（{date}）では、サイトは照合できましたが、古いチェックシートがありました。連携先に新しい点検の公開を求めてください",
    ),
    (
        "finding.partner-stale",
        "連携先 `{partner}` の確認（{date}）は、点検基準日 {as_of} の {age} 以上前です",
    ),
    (
        "finding.plan-overdue",
        "対応予定日 {target} が点検基準日 {as_of} より前です",
    ),
    (
        "finding.plan-without-target",
        "`planned`（対応予定）なのに予定日がありません。`target: YYYY-MM-DD` を加えてください",
    ),
    (
        "finding.regressed",
        "状況が {revision} の時点の「{from}」から「{to}」に下がりましたが、説明は変わっていません。理由を説明（explanation）に書くか、状況を見直してください",
    ),
    (
        "finding.review-overdue",
        "次回点検予定日 {next} を過ぎています（点検基準日 {as_of}）。点検をやり直し、新しい `next-review` を書いてください",
    ),
    (
        "finding.review-overdue-workbook",
        "次回点検予定日 {next} を過ぎています（点検基準日 {as_of}）。点検をやり直し、次回点検予定（`{cell}`）を次の点検の日付にしてください",
    ),
    (
        "finding.stale",
        "いちばん新しい記録が {newest} のもので、点検基準日 {as_of} の時点で {age} より古くなっています。少なくともその間隔で繰り返してください",
    ),
    (
        "finding.target-without-plan",
        "`target` は `planned`（対応予定）のときだけ書きます。状況が `{status}` なので消してください",
    ),
    (
        "finding.translation-missing",
        "{language}のページに、説明 {explanations} 件と根拠の表題 {titles} 件がありません。別の言語の文を「{marker}」と添えて表示します。`{ja: …, en: …}` の形で書き加えてください",
    ),
    (
        "finding.translation-missing-cell",
        "{language}のページに、説明 {explanations} 件と根拠の表題 {titles} 件がありません。別の言語の文を「{marker}」と添えて表示します。シート「チェックシート」の「{text}」の列と、シート「証跡」の「{title}」の列に書き加えてください",
    ),
    (
        "finding.unanswered",
        "まだ回答がありません。`{file}` の `answers:` の `{id}:` に `status` を書いてください（done、partial、not-done、not-applicable、planned のどれか）",
    ),
    (
        "finding.unanswered-cell",
        "まだ回答がありません。`{file}:{cell}` の「対応状況」を選んでください（`{id}`）",
    ),
    (
        "finding.unanswered-no-row",
        "`{file}` のシート「チェックシート」に要件 `{id}`（項番 {number}）の行がありません。行を追加して「要件ID」に `{id}` と入力し、「対応状況」を選んでください（`checksheet export --format xlsx` で全要件の行がそろったブックを作り、そこから行をコピーすることもできます）",
    ),
    (
        "finding.unlocked",
        "`{path}` が checksheet.lock に記録されていません。`checksheet evidence lock` で記録してください",
    ),
    (
        "finding.unsupported",
        "{as_of} 時点で{duty}を満たしていません。`done`（対応済）と回答していますが、根拠が有効ではありません（下記）",
    ),
    ("git.bare", "このリポジトリには作業ツリーがありません"),
    (
        "git.bare-help",
        "bare ではない通常の clone を使ってください",
    ),
    (
        "git.broken-packed-refs",
        "リポジトリの `.git/packed-refs` の {line} 行目が壊れています。このままでは公表の履歴が欠けます",
    ),
    (
        "git.broken-ref",
        "リポジトリの参照 `{what}` が読めません（{error}）。このままでは公表の履歴が欠けます",
    ),
    (
        "git.broken-ref-help",
        "`git fsck` でリポジトリを調べ、壊れた `.git/packed-refs` などを別のクローンやバックアップから戻してください",
    ),
    ("git.cannot-open", "リポジトリを開けません（{error}）"),
    ("git.cannot-read", "`{what}` を読めません（{error}）"),
    ("git.cannot-tag", "タグ `{name}` を作れません（{error}）"),
    ("git.check", "リポジトリを確かめてください"),
    ("git.incomplete", "履歴が欠けています（{error}）"),
    ("git.no-commit", "リポジトリにまだコミットがありません"),
    ("git.no-commit-help", "先に評価をコミットしてください"),
    (
        "git.no-repository",
        "`{dir}` は git のリポジトリの中にありません",
    ),
    (
        "git.no-repository-help",
        "そこで `git init` を実行して評価をコミットするか、`-C DIR` で評価のフォルダーを指定してください",
    ),
    ("git.not-a-commit", "`{revision}` はコミットではありません"),
    (
        "git.not-a-commit-help",
        "コミット、タグ、ブランチを指定してください",
    ),
    (
        "git.shallow",
        "`{revision}` はこの shallow clone の履歴にありません",
    ),
    (
        "git.unknown-revision",
        "リビジョン `{revision}` は見つかりません",
    ),
    (
        "git.unknown-revision-help",
        "コミット、タグ、ブランチを指定してください（例: `HEAD~1`、`checksheet/2026-10-01`）。`checksheet log` でリビジョンを見られます",
    ),
    (
        "git.unshallow-help",
        "`git fetch --unshallow` で履歴をすべて取得してください",
    ),
    ("git.who", "タグに記録する名前が git に設定されていません"),
    (
        "git.who-help",
        "`git config user.name` と `git config user.email` を設定してください",
    ),
    ("help.arguments", "引数"),
    ("help.commands", "コマンド"),
    ("help.default", "[既定: {value}]"),
    ("help.help", "ヘルプを表示します"),
    (
        "help.help-command",
        "このヘルプ、または続けて書いたコマンドのヘルプを表示します",
    ),
    ("help.options", "オプション"),
    ("help.possible-values", "[指定できる値: {values}]"),
    ("help.usage", "使い方"),
    ("help.value.age", "期間"),
    ("help.value.as-of", "点検基準日"),
    ("help.value.basis", "根拠の区分"),
    ("help.value.checklist", "チェックリスト"),
    ("help.value.color", "色"),
    ("help.value.command", "コマンド"),
    ("help.value.date", "日付"),
    ("help.value.dir", "フォルダー"),
    ("help.value.file", "ファイル"),
    ("help.value.format", "形式"),
    ("help.value.from", "比較元"),
    ("help.value.key", "鍵"),
    ("help.value.lang", "言語"),
    ("help.value.message", "メッセージ"),
    ("help.value.org", "事業者名"),
    ("help.value.out", "出力先"),
    ("help.value.rev", "リビジョン"),
    ("help.value.service", "サービス"),
    ("help.value.service-id", "サービスID"),
    ("help.value.site", "サイト"),
    ("help.value.to", "比較先"),
    ("help.value.url", "アドレス"),
    ("help.version", "バージョンを表示します"),
    (
        "id.help",
        "半角の英小文字・数字・`-` を使ってください（例: `karada-note`）",
    ),
    ("init.created", "作成しました:"),
    (
        "init.derived-id",
        "サービス名「{name}」からサービスID `{id}` を作りました。別のIDにする場合は `--service-id`（半角の英小文字・数字・`-`）を付けて init をやり直してください",
    ),
    ("init.invalid-id", "`{id}` はサービスIDとして使えません"),
    ("init.next", "次の手順:"),
    (
        "init.next-build",
        "`checksheet build {dir}` で公表用のページを作ります（`{site}` に出力）",
    ),
    (
        "init.next-check",
        "`checksheet check {dir}` で、足りないところと公開できるかを確かめます",
    ),
    (
        "init.next-fill",
        "`{answers}` を記入します（各前提条件に `true` か `false`、各要件に `status` と `explanation`、根拠は `evidence`）",
    ),
    (
        "init.next-fill-workbook",
        "`{answers}` を Excel で開いて記入します（シート「前提条件」の各質問に「はい」か「いいえ」、シート「チェックシート」の各要件に「対応状況」と「説明（公開）」、根拠はシート「証跡」）",
    ),
    (
        "init.not-a-folder",
        "`{dir}` はファイルです。init にはフォルダーを指定してください",
    ),
    (
        "init.would-overwrite",
        "init は次のファイルを上書きしてしまいます: {files}",
    ),
    (
        "init.would-overwrite-help",
        "init はファイルを上書きしません。空のフォルダーを選ぶか、これらのファイルを移してください",
    ),
    (
        "io.change-folder",
        "フォルダー `{path}` に移れませんでした（{error}）",
    ),
    ("io.create", "`{path}` を作れませんでした（{error}）"),
    (
        "io.create-folder",
        "フォルダー `{path}` を作れませんでした（{error}）",
    ),
    (
        "io.create-temp-file",
        "`{path}` に一時ファイルを作れませんでした（{error}）",
    ),
    (
        "io.create-temp-folder",
        "`{path}` に一時フォルダーを作れませんでした（{error}）",
    ),
    (
        "io.hint-full",
        "ディスクがいっぱいです。空きを作ってから、もう一度実行してください。何も変更していません",
    ),
    (
        "io.hint-read-only",
        "このファイルまたはフォルダーには書き込めません。書き込めるようにして（例: `chmod u+w`）から、もう一度実行してください。何も変更していません",
    ),
    (
        "io.move-aside",
        "`{path}` を退避できませんでした（{error}）",
    ),
    ("io.read", "`{path}` を読めませんでした（{error}）"),
    (
        "io.replace",
        "`{path}` を置き換えられませんでした（{error}）",
    ),
    ("io.stdout", "標準出力に書き込めませんでした（{error}）"),
    ("io.write", "`{path}` に書き込めませんでした（{error}）"),
    ("language.en", "英語"),
    ("language.ja", "日本語"),
    ("list.separator", "、"),
    (
        "load.bare-repository",
        "`{name}` は作業ツリーのない（bare の）git リポジトリで、履歴だけがありファイルはありません",
    ),
    (
        "load.bare-repository-help",
        "別のフォルダーで `git clone {name}` を実行して作業用のクローンを作り、そのクローンの中で実行してください",
    ),
    ("load.folder", "`{name}` はファイルではなくフォルダーです"),
    (
        "load.is-a-file",
        "`{name}` はファイルです。`{settings}` のあるフォルダーを指定してください",
    ),
    (
        "load.kind-office",
        "Excel 97-2003 形式（.xls）のブックか、古い形式の Office 文書です",
    ),
    (
        "load.kind-office-help",
        "回答を Excel で書くときは、Excel で「名前を付けて保存」から「Excel ブック (*.xlsx)」を選んで保存し、checksheet.yaml の `answers:` にその .xlsx の名前を書いてください",
    ),
    (
        "load.kind-pdf",
        "PDF です",
    ),
    (
        "load.kind-pdf-help",
        "ここには YAML のテキストファイルを指定してください。PDF は根拠（`file:`）として添えられます",
    ),
    (
        "load.kind-utf16",
        "UTF-16（Unicode）で保存されています",
    ),
    (
        "load.kind-zip",
        "Excel ブック（.xlsx）などの ZIP 形式のファイルです",
    ),
    (
        "load.kind-zip-help",
        "Excel ブックで回答するときは、ファイル名の最後を .xlsx にして、checksheet.yaml の `answers:` にその名前を書いてください",
    ),
    (
        "load.lock-help",
        "`checksheet evidence lock` を実行して、このファイルを書き直してください",
    ),
    (
        "load.loop",
        "`{name}` はシンボリックリンクがたどり着かない輪になっています。リンクを消して、ファイルそのものを置いてください",
    ),
    ("load.missing", "`{name}` がありません"),
    (
        "load.missing-answers-help",
        "`{name}` を作る（`checksheet init` で作れます）か、`{settings}` のパスを直してください",
    ),
    ("load.no-folder", "フォルダー `{name}` がありません"),
    (
        "load.not-an-assessment",
        "`{name}` に `{settings}` がありません",
    ),
    (
        "load.not-an-assessment-help",
        "`checksheet init {name}` でそこに評価を始めるか、`{settings}` のあるフォルダーを指定してください",
    ),
    (
        "load.not-text",
        "`{name}` はテキストファイルではありません（{kind}）",
    ),
    (
        "load.not-utf8",
        "`{name}` は UTF-8 の文字ではありません（{line} 行目 {column} 文字目）",
    ),
    (
        "load.not-utf8-help",
        "文字コードを UTF-8 にして保存し直してください（Shift_JIS は使えません）",
    ),
    (
        "load.outside",
        "`{name}` は評価のフォルダーの外を指しています",
    ),
    (
        "load.special",
        "`{name}` は通常のファイルではありません（名前付きパイプやデバイスなど）。読みません",
    ),
    (
        "load.submodule",
        "`{name}` は git のサブモジュール（別のリポジトリ）の中にあります。このコミットにはそのファイルがなく、別リポジトリへのリンクしかありません",
    ),
    (
        "load.submodule-help",
        "ファイルをこのリポジトリに移してください（サブモジュールをやめる）。どのコミットからも同じサイトが作り直せるようになります",
    ),
    ("load.too-large", "`{name}` が大きすぎます（{size} バイト）"),
    (
        "load.too-large-help",
        "設定・回答・チェックリストのファイルは {limit} MiB までです。ほかのファイルを指していないか確かめてください",
    ),
    (
        "load.unknown-checklist",
        "チェックリスト `{reference}` は見つかりません",
    ),
    (
        "load.unknown-checklist-help",
        "{suggestion}。または、チェックリストの YAML ファイルのパスを書いてください",
    ),
    ("load.unreadable", "`{name}` を読めません（{error}）"),
    (
        "load.what-answers",
        "サービスの回答（`as-of`、`reviewed-by`、`facts`、`answers`）",
    ),
    (
        "load.what-checklist",
        "チェックリスト（`id`、`edition`、`title`、`facts`、`sections`）",
    ),
    (
        "load.what-lock",
        "`checksheet evidence lock` が書く根拠ファイルのハッシュ",
    ),
    (
        "load.what-settings",
        "評価の設定（`organization`、`checklist`、`languages`、`services`）",
    ),
    (
        "lock.current",
        "`{name}` は最新です（根拠ファイル {count} 件）",
    ),
    ("lock.missing", "`{path}` がないため記録（lock）できません"),
    (
        "lock.missing-help",
        "ファイルを置くか、それを指す `file:` のパスを直してください",
    ),
    (
        "lock.wrote",
        "`{name}` を書きました（根拠ファイル {count} 件: 追加 {added}、変更 {changed}、削除 {removed}）",
    ),
    (
        "log.after-unusable",
        "ひとつ前のリビジョンの評価は使えない入力でした",
    ),
    ("log.created", "評価を作成"),
    ("log.no-change", "チェックシートに変更なし"),
    ("log.none", "評価を変えたコミットはまだありません"),
    ("log.removed", "評価を削除"),
    (
        "log.shallow",
        "それより前の履歴は取得されていません（shallow clone）",
    ),
    ("log.unusable", "使えない入力: {problem}"),
    (
        "notice.basis",
        "チェックリストの要件の文言: 公式の概要による {seed} 件、二次資料による {src} 件、記憶による {rec} 件（記憶によるものは原文と照らし合わせてください: `checksheet checklist show {checklist} --basis rec`）",
    ),
    ("notice.later", "{when}「{name}」"),
    ("notice.later-url", "{when}「{name}」（{url}）"),
    (
        "notice.superseded",
        "お知らせ: この点検は「{title}」の{edition}版に基づいています。その後の版があります: {later}。公表の前に内容を確かめてください",
    ),
    (
        "partners.bad-max-age",
        "`{given}` は期間として読めません（例: 1y、6mo、90d、1年、6か月）",
    ),
    (
        "partners.no-sequence",
        "このサイトのマニフェストには公開の通し番号がないため（以前の版の checksheet が作成）、古い公開に戻されていないかは確かめられません",
    ),
    (
        "partners.no-sheets",
        "このサイトには現在のチェックシート（<サービス>/checksheet.json）が見つかりません",
    ),
    (
        "partners.none",
        "checksheet.yaml に連携先（partners）がありません",
    ),
    (
        "partners.none-help",
        "checksheet.yaml に次のように書いてください:\npartners:\n  - id: sukoyaka-clinic\n    name: すこやかクリニック株式会社\n    url: https://example.jp/checksheet/",
    ),
    ("partners.not-verified", "結果: 照合できず"),
    (
        "partners.record",
        "io-partner-check の回答の evidence に記録するには:",
    ),
    (
        "partners.result-stale",
        "結果: 照合はできましたが、古いチェックシートがあります（stale）",
    ),
    (
        "partners.rolled-back",
        "このサイトは {sequence} 回目の公開（{tag}）で、{checked} に確かめた {seen} 回目の公開（{seen_tag}）より古いものです。古い公開に戻されています（{file} に記録）。連携先に確認してください",
    ),
    (
        "partners.seen-header",
        "checksheet partners check が書き換えるファイルです。連携先ごとに、これまでに照合できた最新の公開を記録し、
古い公開に戻されたサイトを見つけます。チームで共有するため、コミットしてください。",
    ),
    (
        "partners.seen-invalid",
        "`{file}` を読めません: {reason}",
    ),
    (
        "partners.seen-invalid-help",
        "このファイルは partners check が書きます。手で変えた場合は git で元に戻してください（git checkout -- {file}）",
    ),
    (
        "partners.sheet",
        "{name}: 点検基準日 {as_of}、未対応 {gaps}件、未回答 {unanswered}件",
    ),
    (
        "partners.stale",
        "点検基準日が {today} の時点で{age}以上前です（古い）",
    ),
    ("partners.unavailable", "確かめられません: {reason}"),
    (
        "partners.verified",
        "結果: 照合済み（サイトは公開時のまま、チェックシートは最新）",
    ),
    ("path.and", "・"),
    ("path.and-last", "・"),
    ("path.at", "{positions}文字目"),
    ("path.at-many", "{positions}文字目"),
    (
        "path.backslash",
        "{at}の `\\` はバックスラッシュです（Windows では `¥` と表示されることもあります。フォルダーの区切りは `/` で書いてください）",
    ),
    (
        "path.full-width",
        "{at}の `{text}` は全角です（半角なら `{fixed}`）",
    ),
    (
        "path.full-width-slash",
        "{at}の `{text}` は全角のスラッシュです（フォルダーの区切りは半角の `/` で書いてください）",
    ),
    ("path.full-width-space", "{at}に全角の空白があります"),
    ("path.range", "{first}〜{last}"),
    ("path.sentences", "。"),
    ("path.space", "{at}に余分な空白があります"),
    (
        "path.yen",
        "{at}の `{text}` は円記号です（フォルダーの区切りは半角の `/` で書いてください）",
    ),
    (
        "pipeline.no-assessment",
        "`{revision}` には評価がありません（`{settings}` がありません）",
    ),
    (
        "pipeline.no-assessment-help",
        "もっと後のリビジョンを選んでください。`checksheet log` で評価のあるリビジョンを見られます",
    ),
    (
        "pipeline.unknown-service",
        "ID が `{id}` のサービスはありません",
    ),
    ("problem.evidence-expired", "証明書の有効期限切れ"),
    ("problem.evidence-not-yet-valid", "証明書の有効期間前"),
    (
        "problem.partner-not-verified",
        "連携先の公開チェックシートを照合できず",
    ),
    (
        "publish.already",
        "HEAD はすでに `{tag}` として公表しています",
    ),
    (
        "publish.already-help",
        "公表する変更を先にコミットしてください。公表は新しいリビジョンごとに行います",
    ),
    (
        "publish.counts",
        "{id}: 適合 {conforms}、義務の未達 {gaps}、未回答 {unanswered}",
    ),
    (
        "publish.future",
        "`{id}` の点検基準日（`as-of`）{as_of} が、公表するコミットの日付 {commit} より後です",
    ),
    (
        "publish.future-help",
        "点検基準日は、点検した日（過去の日付）にしてコミットしてください",
    ),
    ("publish.message", "{date} 時点のチェックシートの公表"),
    (
        "publish.not-approved",
        "{id}: 点検結果が承認されていません（`approved-by`）",
    ),
    (
        "publish.not-approved-help",
        "承認者が承認したら `approved-by: {name: 氏名, title: 役職, date: YYYY-MM-DD}` を書いてください",
    ),
    (
        "publish.not-approved-help-workbook",
        "承認されたら、シート「チェックシート」の承認者（`{name}`）に氏名を、承認日（`{date}`）に日付を記入してください（承認者の役職も書けます）",
    ),
    (
        "publish.not-approved-workbook",
        "{id}: 点検結果が承認されていません（承認者・承認日）",
    ),
    (
        "publish.not-reviewed",
        "`{id}` に `reviewed-by`（確認者）がありません",
    ),
    (
        "publish.not-reviewed-help",
        "点検結果を確認・承認した人を書いてください（例: `reviewed-by: 個人情報保護管理者 山田花子`）",
    ),
    (
        "publish.not-reviewed-help-workbook",
        "シート「チェックシート」の点検者（`{cell}`）に、点検結果を確認した人を書いてください（例: 個人情報保護管理者 山田花子）",
    ),
    (
        "publish.not-reviewed-workbook",
        "`{id}` の点検者が記入されていません",
    ),
    (
        "publish.refused",
        "公開できません: 上の {count} 件を直してください（タグは作っていません）",
    ),
    (
        "publish.review-overdue",
        "{id}: 点検基準日 {as_of} の時点で、{next} に予定した点検が過ぎています",
    ),
    (
        "publish.review-overdue-help",
        "点検をやり直し、その後の `next-review` を書いてください",
    ),
    (
        "publish.review-overdue-help-workbook",
        "点検をやり直し、次回点検予定（`{cell}`）を次の点検の日付にしてください",
    ),
    (
        "publish.signed",
        "鍵 {key} で署名しました（`git tag -v` で確かめられます）",
    ),
    ("publish.tagged", "{commit} にタグ `{name}` を付けました"),
    (
        "publish.unanswered",
        "`{id}` に未回答の要件が {count} 件あります",
    ),
    (
        "publish.unanswered-help",
        "すべての要件に回答するか（`checksheet check` で一覧できます）、`--allow-incomplete` を付けて公表してください。その場合、ページに「点検未完了」と表示されます",
    ),
    (
        "publish.uncommitted",
        "コミットしていない変更があります: {files}",
    ),
    (
        "publish.uncommitted-help",
        "変更をコミット（または取り消し）してください。公表するのはコミットした評価です",
    ),
    (
        "publish.undecided",
        "`{id}` は前提条件が未回答のため、適用が決まらない要件が {count} 件あります",
    ),
    (
        "publish.undecided-help",
        "`facts:` の前提条件すべてに `true` か `false` で回答してください",
    ),
    (
        "publish.undecided-help-workbook",
        "シート「前提条件」のすべての質問に「はい」か「いいえ」で回答してください",
    ),
    ("render.template", "テンプレートを使えません（{error}）"),
    (
        "render.template-help",
        "`templates/` のテンプレートを直すか、消して組み込みのテンプレートを使ってください",
    ),
    (
        "sign.bad-allowed-key",
        "公開鍵が読めません（`名前 ssh-ed25519 AAAA…` の形で書きます）",
    ),
    (
        "sign.bad-allowed-signers",
        "署名者一覧のこの行が読めません: {reason}",
    ),
    (
        "sign.bad-allowed-signers-help",
        "1 行に 1 人、`名前 [オプション] 鍵の種類 公開鍵` と書きます（例: `山田花子 ssh-ed25519 AAAAC3Nza…`）。公開鍵は署名した人の .pub ファイルの中身です",
    ),
    (
        "sign.bad-time",
        "`{option}` の日時が読めません（YYYYMMDD または YYYYMMDDHHMM[SS] で書きます）",
    ),
    (
        "sign.encrypted",
        "`{file}` はパスフレーズで保護された鍵です",
    ),
    (
        "sign.encrypted-help",
        "環境変数 {var} にパスフレーズを入れて、もう一度実行してください（鍵の保護を外す必要はありません）",
    ),
    (
        "sign.expired",
        "鍵 {key} の署名ですが、署名者一覧でこの鍵を許す行（{at}）の期限は {before} までで、確かめた時点では切れています",
    ),
    (
        "sign.line-skipped",
        "注意: {at}: {reason}。この行は使わず、ほかの行で確かめます",
    ),
    (
        "sign.mismatch",
        "署名（鍵 {key}）が署名された内容と合いません。署名のあとで内容が変わったか、別のものへの署名です",
    ),
    ("sign.missing", "署名がありません"),
    (
        "sign.namespace-not-allowed",
        "鍵 {key} の署名ですが、署名者一覧でこの鍵を許す行（{at}）は namespaces=\"{namespaces}\" の用途に限っていて、{expected} の署名は許していません",
    ),
    (
        "sign.not-a-key",
        "`{file}` は OpenSSH の秘密鍵ファイルではありません",
    ),
    (
        "sign.not-a-key-help",
        "`ssh-keygen -t ed25519 -f 署名用の鍵` で作った秘密鍵（.pub のないほう）を指定してください（ECDSA の鍵も使えます）",
    ),
    (
        "sign.not-yet-valid",
        "鍵 {key} の署名ですが、署名者一覧でこの鍵を許す行（{at}）は {after} からで、確かめた時点ではまだ有効ではありません",
    ),
    (
        "sign.other-namespace",
        "署名は {namespace} 用に作られたもので、{expected} 用ではありません（`ssh-keygen -Y sign -n {expected}` で署名します）",
    ),
    (
        "sign.skip-cert-authority",
        "cert-authority の行（SSH 証明書による署名）には対応していません",
    ),
    (
        "sign.skip-key-type",
        "鍵の種類 {algorithm} には対応していません（対応しているのは ed25519、ECDSA nistp256/384/521、RSA）",
    ),
    (
        "sign.unknown-option",
        "`{option}` は使えないオプションです（使えるのは cert-authority、namespaces、valid-after、valid-before）",
    ),
    (
        "sign.unknown-signer",
        "鍵 {key} の署名ですが、この鍵は署名者一覧にありません",
    ),
    (
        "sign.unreadable",
        "署名が読めません（SSH の署名ではありません）",
    ),
    (
        "sign.unsupported-key",
        "`{file}` は {algorithm} の鍵です。署名には ed25519 か ECDSA の鍵を使います（RSA の鍵は、署名を確かめることはできますが、署名には使えません）",
    ),
    (
        "sign.unsupported-signature",
        "署名は {algorithm} の鍵によるもので、確かめられません（確かめられるのは ed25519、ECDSA、RSA）",
    ),
    ("sign.valid", "{signers} の署名（鍵 {key}）"),
    (
        "sign.valid-unchecked",
        "鍵 {key} の署名（署名者一覧が与えられていないため、誰の鍵かは確かめていません）",
    ),
    (
        "sign.wrong-passphrase",
        "`{file}` を {var} のパスフレーズで開けません",
    ),
    (
        "sign.wrong-passphrase-help",
        "{var} のパスフレーズが正しいか確かめてください",
    ),
    ("span.day", "{count}日"),
    ("span.days", "{count}日"),
    ("span.month", "{count}か月"),
    ("span.months", "{count}か月"),
    ("span.week", "{count}週間"),
    ("span.weeks", "{count}週間"),
    ("span.year", "{count}年"),
    ("span.years", "{count}年"),
    ("suggest.allowed", "使える値: {list}"),
    ("suggest.did-you-mean", "`{best}` のことですか？"),
    ("suggest.many", "使える値は {count} 個あります"),
    ("summary.advice", "努力義務の未達 {count}"),
    ("summary.conforms", "適合 {count}"),
    ("summary.findings", "エラー {errors} 件、警告 {warnings} 件"),
    ("summary.gaps", "義務の未達 {count}"),
    (
        "summary.line",
        "  {id}: 要件 {requirements} 件: {counts} — {findings}",
    ),
    ("summary.no-findings", "指摘なし"),
    ("summary.not-applicable", "該当なし {count}"),
    ("summary.unanswered", "未回答 {count}"),
    ("summary.undecided", "未確定 {count}"),
    ("test.sample", "{name} {not a placeholder} {missing}"),
    (
        "timestamp.attributes",
        "署名属性（content-type と message-digest）がタイムスタンプの内容（TSTInfo）と一致しません",
    ),
    ("timestamp.bad-certs", "`{file}` から証明書を読めません"),
    (
        "timestamp.bad-certs-help",
        "信頼する時刻認証局の証明書（またはその上位の認証局の証明書）を PEM 形式（-----BEGIN CERTIFICATE-----）で指定してください",
    ),
    (
        "timestamp.bad-signature",
        "タイムスタンプの署名が認証局の証明書で検証できません",
    ),
    (
        "timestamp.expired",
        "認証局の証明書 {authority} はタイムスタンプの時刻には有効期間外です",
    ),
    (
        "timestamp.failed",
        "時刻認証局 {url} からタイムスタンプを受け取れません: {reason}",
    ),
    (
        "timestamp.failed-help",
        "RFC 3161 の時刻認証局の URL か確かめてください（例: https://freetsa.org/tsr）。サイトは書き換えていません",
    ),
    (
        "timestamp.needs-sign",
        "--timestamp は --sign と一緒に使います。タイムスタンプは署名 manifest.json.sig に対して付けるものです",
    ),
    (
        "timestamp.needs-sign-help",
        "署名鍵を指定してください（例: checksheet build --sign signing-key --timestamp https://freetsa.org/tsr）",
    ),
    (
        "timestamp.no-certificate",
        "タイムスタンプに認証局の証明書が入っていません",
    ),
    (
        "timestamp.no-signature",
        "タイムスタンプの対象となる署名 manifest.json.sig がありません",
    ),
    (
        "timestamp.nonce",
        "応答のナンスが要求と一致しません（別の要求への応答です）",
    ),
    (
        "timestamp.not-a-token",
        "RFC 3161 のタイムスタンプとして読めません",
    ),
    (
        "timestamp.not-for-timestamping",
        "証明書 {authority} は時刻認証用（拡張鍵用途 timeStamping）ではありません",
    ),
    (
        "timestamp.other-bytes",
        "別のデータに対するタイムスタンプです（記録された SHA-256 が manifest.json.sig と一致しません）",
    ),
    (
        "timestamp.refused",
        "認証局がタイムスタンプの発行を断りました（状態 {status}）{text}",
    ),
    (
        "timestamp.untrusted",
        "認証局 {authority} の証明書は --tsa-certs のどの証明書にも連なりません",
    ),
    (
        "typing.anchor",
        "`{key}:` の値が `&` で始まっているため、YAML は `&` からの語を名前（アンカー）として読み、文には含めません。`&` で始まる文は引用符で囲んでください（例: `{key}: \"&…\"`）",
    ),
    (
        "typing.block-unindented",
        "`{key}: |` の文章は、`{key}:` より深く字下げしてください",
    ),
    (
        "typing.block-unindented-help",
        "文章のすべての行を、半角スペース {spaces} 個以上で字下げしてください",
    ),
    (
        "typing.comment-in-text",
        "`{key}:` の文は ` #` の前で終わり、`{cut}` はコメントとして読み捨てられます（読まれるのは「{kept}」だけです）。`#` も文に含めるには、文全体を引用符で囲むか（`{key}: \"…\"`）、`{key}: |` の次の行から字下げして書いてください",
    ),
    (
        "typing.continued",
        "この行から {count} 行は `{key}:`（{line} 行目）の続きとして読まれ、YAML は行の区切りを空白に変えます（改行はなくなり、日本語の文の間に空白が入ります）。書いたとおりの改行で載せるには `{key}: |` とし、文をすべて次の行から字下げして書いてください",
    ),
    (
        "typing.dedented",
        "`{key}:` が `{parent}:` と同じ字下げのため、`{parent}` が空になり、`{key}` の下の行が深すぎることになっています",
    ),
    (
        "typing.dedented-help",
        "`{key}:` を、下の行と同じく半角スペース {spaces} 個で字下げしてください",
    ),
    (
        "typing.deeper",
        "この行は半角スペース {spaces} 個で字下げされていて、値のある {above} 行目より深くなっています。この段の行は {siblings} 個です",
    ),
    (
        "typing.deeper-help",
        "同じ段の行と同じく、半角スペース {siblings} 個で字下げしてください",
    ),
    (
        "typing.folded",
        "`{key}: >` は行の区切りを空白に変えるため、日本語の文の間に空白が入り、改行もなくなります。書いたとおりの改行で載せるには `>` を `|` にしてください",
    ),
    (
        "typing.full-width-colon",
        "`{key}` の後に全角のコロン「：」があります",
    ),
    (
        "typing.full-width-colon-help",
        "半角の「:」にして、その後に半角スペースを入れてください（`key: value`）",
    ),
    (
        "typing.full-width-space",
        "`{key}:` の後に全角スペース（　）があります",
    ),
    (
        "typing.full-width-space-help",
        "半角スペースにしてください（日本語入力をオフにして入力します）",
    ),
    (
        "typing.full-width-space-indent",
        "字下げに全角スペース（　）が使われています",
    ),
    (
        "typing.lost-indentation",
        "`{key}:`（{line} 行目）の下に何もないため、続く行が `{parent}` の一部として読まれています",
    ),
    (
        "typing.lost-indentation-help",
        "`{key}:` を `{parent}:` と同じく半角スペース {spaces} 個で字下げしてください",
    ),
    (
        "typing.misaligned",
        "この行は半角スペース {spaces} 個で字下げされていますが、この段の行は {siblings} 個です",
    ),
    (
        "typing.misaligned-help",
        "同じ段の行にそろえて、半角スペース {siblings} 個で字下げしてください",
    ),
    ("typing.tab", "字下げにタブが使われています"),
    (
        "typing.tab-help",
        "字下げは半角スペースだけで行ってください（1段につき2つ）",
    ),
    (
        "validate.accent-color",
        "`accent-color` の `{value}` は `#rrggbb` の形の色ではありません",
    ),
    (
        "validate.accent-color-help",
        "`#` の後に16進数6桁を書いてください。例: `accent-color: \"#0b4f8a\"`（YAML では `#` 以降がコメントになるため、引用符で囲みます）",
    ),
    (
        "validate.accent-contrast",
        "`accent-color` の `{value}` は白地のリンクには明るすぎます（コントラスト比 {ratio}:1。読みやすさには 4.5:1 以上が必要です）",
    ),
    (
        "validate.accent-contrast-help",
        "同じ色の、より暗い色を選んでください",
    ),
    (
        "validate.accent-unquoted",
        "`accent-color` が空です。YAML では `#` 以降がコメントとして読まれます",
    ),
    (
        "validate.accent-unquoted-help",
        "色を引用符で囲んでください: `accent-color: \"#0b4f8a\"`",
    ),
    (
        "validate.answers-outside",
        "`{path}` がリポジトリの外にあります",
    ),
    (
        "validate.answers-outside-help",
        "`checksheet.yaml` からの相対パスで書いてください（例: `answers/my-service.yaml`）",
    ),
    (
        "validate.certificate-dates",
        "証明書の有効期間の開始日 {from} が、`valid-until` の {until} より後です",
    ),
    (
        "validate.checklist-outside",
        "チェックリスト `{checklist}` がリポジトリの外にあります",
    ),
    (
        "validate.checklist-outside-help",
        "チェックリストのファイルをリポジトリ内（例: `checklists/`）にコピーし、`checksheet.yaml` からの相対パスで書いてください",
    ),
    (
        "validate.duplicate-partner",
        "2つの連携先が同じID `{id}` です",
    ),
    (
        "validate.duplicate-service",
        "2つのサービスが同じID `{id}` です",
    ),
    (
        "validate.evidence-drive",
        "根拠ファイル `{path}` はリポジトリの外（ドライブ `{drive}:`）にあります",
    ),
    (
        "validate.evidence-elsewhere-help",
        "checksheet が読めるのはリポジトリの中のファイルだけです。リポジトリの外のファイル（ネットワークドライブの `\\\\server\\share\\…`、別のドライブの `Z:\\…`、パソコンの `C:\\Users\\…` など）は、リポジトリの `evidence/` フォルダーにコピーして、`evidence/{name}` のように書いてください",
    ),
    (
        "validate.evidence-kind",
        "根拠は1件ごとに `file`、`url`、`certificate`、`record` のどれか1つを書きます（この根拠では: {found}）",
    ),
    (
        "validate.evidence-kind-help",
        "根拠1件ごとに `- ` で分けて書いてください",
    ),
    (
        "validate.evidence-network",
        "根拠ファイル `{path}` はリポジトリの外（ネットワーク上の共有フォルダー `\\\\{server}`）にあります",
    ),
    (
        "validate.evidence-outside",
        "根拠ファイル `{path}` がリポジトリの外にあります",
    ),
    (
        "validate.evidence-outside-help",
        "資料をリポジトリ内（例: `evidence/`）にコピーし、リポジトリからの相対パスで書いてください（`..` は使えません）",
    ),
    (
        "validate.field-dedented",
        "`{id}` は要件ではなく回答の項目です。要件IDの下に、IDより半角スペース2つ深く字下げしてください",
    ),
    (
        "validate.invalid-partner-id",
        "連携先ID `{id}` は使えません",
    ),
    (
        "validate.invalid-service-id",
        "サービスID `{id}` は使えません",
    ),
    ("validate.kind-none", "ありません"),
    ("validate.language-twice", "この言語が2回書かれています"),
    (
        "validate.logo-kind",
        "ロゴ `{path}` は PNG・JPEG・WebP の画像ではありません{svg}",
    ),
    (
        "validate.logo-kind-help",
        "ロゴを PNG（例: 横400×縦100ピクセル）で保存し、そのファイルを指定してください",
    ),
    (
        "validate.logo-large",
        "ロゴ `{path}` は {size} バイトあります。公開できるのは {limit} バイトまでです",
    ),
    (
        "validate.logo-large-help",
        "小さく保存してください（ページのロゴは高さ48ピクセルまでです）",
    ),
    ("validate.logo-missing", "ロゴ `{path}` がありません"),
    (
        "validate.logo-path",
        "`logo` の `{path}` は、点検フォルダの中のファイルを指すパスにしてください",
    ),
    (
        "validate.logo-svg",
        "（SVG はスクリプトを含められるため公開しません）",
    ),
    (
        "validate.logo-unreadable",
        "ロゴ `{path}` を読めません: {reason}",
    ),
    (
        "validate.mistyped-id",
        "要件ID `{id}` のことであれば、{characters}してください（要件ID は半角の小文字・数字・ハイフンで書きます）",
    ),
    ("validate.no-languages", "`languages` が空です"),
    (
        "validate.no-languages-help",
        "言語を1つ以上書いてください（例: `languages: [ja, en]`）",
    ),
    ("validate.no-services", "`services` が空です"),
    (
        "validate.no-services-help",
        "PHRサービスごとに `id`、`name`、`answers` を書いてください",
    ),
    (
        "validate.not-a-web-address",
        "`{url}` はウェブのアドレスではありません",
    ),
    (
        "validate.not-a-web-address-help",
        "`https://`（または `http://`）で始まるアドレスを書いてください",
    ),
    (
        "validate.number-for-id",
        "「{number}」は項番です。この要件の要件ID は `{id}` です。要件ID の欄には `{id}` と書いてください",
    ),
    (
        "validate.renamed",
        "`{checklist}` では `{id}` は `{new}` になりました。回答のIDを書き換えてください",
    ),
    (
        "validate.reserved-id",
        "サービスID `{id}` はサイトのページ用に予約されています",
    ),
    (
        "validate.reserved-id-help",
        "別のIDにしてください（予約されているID: {reserved}）",
    ),
    (
        "validate.shared-answers",
        "2つのサービスが同じ回答ファイル `{path}` を使っています",
    ),
    (
        "validate.signers-outside",
        "署名者一覧 `{path}` は点検フォルダーの外を指しています",
    ),
    (
        "validate.signers-outside-help",
        "署名者一覧のファイルを点検フォルダーの中（例: `partners/`）に置き、checksheet.yaml からの相対パスで書いてください（`..` は使えません）",
    ),
    (
        "validate.unknown-fact",
        "前提条件 `{id}` は `{checklist}` にありません",
    ),
    (
        "validate.unknown-partner",
        "連携先 `{id}` は checksheet.yaml の partners にありません",
    ),
    (
        "validate.unknown-partner-help",
        "checksheet.yaml に partners を書き、その id を指定してください（例: partners: [{id: sukoyaka-clinic, name: …, url: https://…}]）",
    ),
    (
        "validate.unknown-requirement",
        "要件 `{id}` は `{checklist}` にありません",
    ),
    (
        "validate.unknown-requirement-help",
        "近いIDは {nearest} です。`checksheet checklist show {checklist}` で全 {count} 件を見られます",
    ),
    (
        "validate.wrong-character",
        "{at} 文字目の「{typed}」（{code}）は `{meant}` に",
    ),
    (
        "verdict.all",
        "{count} 件のチェックシートはすべて公開できます",
    ),
    (
        "verdict.clean",
        "公開できます（適用される要件はすべて満たしています）",
    ),
    (
        "verdict.future",
        "点検基準日 {as_of} が今日（{today}）より後",
    ),
    ("verdict.no-reviewer", "確認者（`reviewed-by`）が未記入"),
    ("verdict.no-reviewer-workbook", "点検者が未記入"),
    ("verdict.not-approved", "承認（`approved-by`）が未記入"),
    ("verdict.not-approved-workbook", "承認者・承認日が未記入"),
    ("verdict.not-yet", "まだ公開できません: {lacks}"),
    (
        "verdict.review-overdue",
        "{next} に予定した点検が過ぎています",
    ),
    (
        "verdict.some-not-yet",
        "まだ公開できないチェックシートがあります: {services}",
    ),
    ("verdict.the-one", "このチェックシートは公開できます"),
    ("verdict.unanswered", "未回答 {count} 件"),
    ("verdict.undecided", "未確定 {count} 件（前提条件が未回答）"),
    (
        "verdict.with-advice",
        "公開できます（努力義務の未達 {advice} 件を含みます）",
    ),
    (
        "verdict.with-both",
        "公開できます（義務の未達 {gaps} 件、努力義務の未達 {advice} 件を含みます）",
    ),
    (
        "verdict.with-gaps",
        "公開できます（義務の未達 {gaps} 件を含みます）",
    ),
    (
        "verify.bad-manifest",
        "`{site}/manifest.json` は checksheet が書いたマニフェストではありません: {reason}",
    ),
    (
        "verify.bad-manifest-help",
        "manifest.json を含めて、公開されているとおりにサイトをもう一度ダウンロードしてください",
    ),
    (
        "verify.chain-left-out",
        "公開 {tag} がこのサイトの履歴にありません",
    ),
    (
        "verify.chain-manifest-differs",
        "公開 {tag} のタグが記録する manifest.json（SHA-256 {recorded}）と、このサイトのもの（{actual}）が違います",
    ),
    (
        "verify.chain-newer",
        "リポジトリにはより新しい公開があります（最新は {tag}、{date}。このあとに {count} 件）。このサイトは古い公開です",
    ),
    (
        "verify.chain-none",
        "マニフェストに公開の記録（publication）がありません（以前の版の checksheet が作成）。公開の順序は確かめられません",
    ),
    (
        "verify.chain-not-published",
        "このサイトは公開（checksheet publish）されていないコミットから作られています。公開のタグが付いたコミットから build してください",
    ),
    (
        "verify.chain-previous-manifest",
        "前回の公開 {tag} のタグが記録する manifest.json（SHA-256 {recorded}）と、マニフェストの記載（{actual}）が違います",
    ),
    (
        "verify.chain-previous-tag",
        "マニフェストの前回の公開（{recorded}）が、リポジトリでの前回の公開（{actual}）と違います",
    ),
    (
        "verify.chain-problems",
        "リポジトリの公開との関係:",
    ),
    (
        "verify.chain-tag-missing",
        "マニフェストの公開 {tag} がリポジトリにありません",
    ),
    (
        "verify.changed",
        "変更されています: {path}（SHA-256 {actual}、マニフェストでは {expected}）",
    ),
    (
        "verify.files-differ",
        "{site} は manifest.json と異なります",
    ),
    (
        "verify.files-match",
        "{site}/manifest.json に記載の {count} 件のファイルがすべてあり、変更はなく、ほかのファイルもありません",
    ),
    (
        "verify.files-match-web",
        "{site}manifest.json に記載の {count} 件のファイルがすべてあり、変更はありません（ウェブサーバーはほかにどんなファイルがあるかを示さないため、余分なファイルは確かめられません）",
    ),
    ("verify.missing", "ありません: {path}"),
    (
        "verify.no-manifest",
        "`{site}` に manifest.json がないため、照合できません",
    ),
    (
        "verify.no-manifest-help",
        "`checksheet build` が書き出したフォルダ（manifest.json と index.html があるもの）を指定してください",
    ),
    (
        "verify.no-source",
        "checksheet {version} が作成（マニフェストに元のコミットの記載はありません）",
    ),
    (
        "verify.not-signed",
        "署名なし（manifest.json.sig がありません）。誰が公開したかは確かめられません",
    ),
    ("verify.not-verified", "照合できません"),
    (
        "verify.odd",
        "{path}: {kind}",
    ),
    (
        "verify.odd-link",
        "シンボリックリンク（たどりません）",
    ),
    (
        "verify.odd-not-a-file",
        "通常のファイルではありません（パイプ、デバイスなど）",
    ),
    (
        "verify.odd-too-large",
        "大きすぎて読みません",
    ),
    (
        "verify.past-valid-until",
        "⚠ 次回点検予定（{date}）を過ぎています。新しい公開があるはずです。古い公開に戻されていないか、公開元に確認してください",
    ),
    (
        "verify.plain-http",
        "⚠ http:// は暗号化されていません。途中で書き換えられても、署名がなければ気づけません（https:// と --allowed-signers を使ってください）",
    ),
    (
        "verify.publication",
        "{sequence} 回目の公開 {tag}（前回: {previous}）",
    ),
    (
        "verify.publication-draft",
        "公開（checksheet publish）されていないコミットから作られたサイトです（これまでの公開 {sequence} 件）",
    ),
    (
        "verify.publication-first",
        "{sequence} 回目の公開 {tag}（最初の公開）",
    ),
    (
        "verify.publication-never",
        "公開（checksheet publish）の記録がないサイトです",
    ),
    (
        "verify.publication-none",
        "公開の通し番号の記載がありません（以前の版の checksheet が作成）",
    ),
    ("verify.rebuild-changed", "内容が違います: {path}"),
    (
        "verify.rebuild-differs",
        "コミット {commit} から作り直したサイトと一致しません:",
    ),
    (
        "verify.rebuild-hint",
        "点検フォルダーの中（または -C 指定）で実行すると、このリポジトリからサイトを作り直して比べます。他社のサイトを確かめるときは、点検フォルダーの外で実行すればファイルだけを照合します",
    ),
    (
        "verify.rebuild-matches",
        "コミット {commit} から作り直したサイトと、すべてのファイルが一致します",
    ),
    (
        "verify.rebuild-matches-manifest",
        "manifest.json は、コミット {commit} から作り直したサイトと一致します（サイトのファイルとの違いは上のとおりです）",
    ),
    (
        "verify.rebuild-no-commit",
        "マニフェストに元のコミットの記載がないため、リポジトリから作り直して確かめることができません（すべての入力をコミットしてから build したサイトには記載されます）",
    ),
    (
        "verify.rebuild-not-here",
        "このフォルダーのリポジトリはこのサイトの元のコミットを持たないため、作り直しての照合はしていません（自社のサイトなら -C でリポジトリを指定してください）",
    ),
    (
        "verify.rebuild-only-in-build",
        "作り直したサイトにだけあります: {path}",
    ),
    (
        "verify.rebuild-only-in-site",
        "公開サイトにだけあります: {path}",
    ),
    ("verify.rebuild-publication", "公開 {tag}: {problem}"),
    (
        "verify.rebuild-unavailable",
        "リポジトリから作り直せません: {reason}",
    ),
    (
        "verify.service",
        "{name}（{id}）点検基準日 {as_of}",
    ),
    (
        "verify.signature-invalid",
        "署名 manifest.json.sig が manifest.json と一致しません（または checksheet の署名ではありません）",
    ),
    (
        "verify.signature-not-one",
        "サーバーが manifest.json.sig として返したものは署名ではありません（存在しないアドレスにもページを返すサーバーです）。署名なしとして扱います",
    ),
    (
        "verify.signed-by",
        "{signers} の署名を確認しました（鍵 {key}）",
    ),
    (
        "verify.signed-unchecked",
        "署名は manifest.json と一致します（鍵 {key}）。誰の鍵かは --allowed-signers で確かめられます",
    ),
    (
        "verify.signed-unknown",
        "署名は一致しますが、鍵 {key} は署名者一覧にありません",
    ),
    (
        "verify.source",
        "checksheet {version} がコミット {commit} から作成",
    ),
    ("verify.tag-missing", "リポジトリにこのタグがありません"),
    (
        "verify.tag-moved",
        "タグがコミット {expected} ではなく {actual} を指しています",
    ),
    (
        "verify.timestamp-invalid",
        "タイムスタンプ {file} は有効ではありません: {reason}",
    ),
    (
        "verify.timestamp-missing",
        "タイムスタンプ（{file}）がありません",
    ),
    (
        "verify.timestamp-unchecked",
        "署名は {japan}（日本時間、{utc}）に存在していたと時刻認証局 {authority} が証明しています。この認証局が信頼できるかは確かめていません（--tsa-certs で確かめられます）",
    ),
    (
        "verify.timestamp-valid",
        "署名は {japan}（日本時間、{utc}）に存在していたと、信頼する時刻認証局 {authority} が証明しています",
    ),
    (
        "verify.too-many-files",
        "`{site}` のファイルが多すぎます（{limit} 件まで）",
    ),
    (
        "verify.too-many-files-help",
        "`checksheet build` が書き出したサイトのフォルダーを指定してください",
    ),
    ("verify.unlisted", "マニフェストにないファイル: {path}"),
    (
        "verify.unsafe-path",
        "サイトの外を指す `{path}` が記載されています",
    ),
    ("verify.unsigned", "署名（manifest.json.sig）がありません"),
    (
        "verify.valid-until",
        "次回点検予定 {date}（この日までに新しい公開があるはずです）",
    ),
    ("verify.verified", "照合できました"),
    (
        "verify.what",
        "{organization}の公開チェックシート（{site}）",
    ),
    (
        "verify.what-unknown",
        "{site} の公開チェックシート（組織名を読めません）",
    ),
    (
        "workbook.approval-incomplete",
        "{cell}: 承認には承認者の氏名（{name}）と承認日（{date}）の両方が必要です",
    ),
    (
        "workbook.approval-incomplete-help",
        "両方のセルを記入してください。まだ承認されていなければ両方とも空のままにしてください",
    ),
    (
        "workbook.cell-outside",
        "{cell} に値（または数式）があります。回答のブックは {rows} 行目、{last} 列までしか読みません",
    ),
    (
        "workbook.cell-outside-help",
        "そのセルの内容を消してください（行や列ごと削除しても構いません）。記入欄はこの範囲の中にあります",
    ),
    (
        "workbook.cell-too-long",
        "{cell} の文字数は {chars} 文字で、1 つのセルに入る {limit} 文字を超えます",
    ),
    (
        "workbook.cell-too-long-help",
        "説明は要点に絞り、詳しい資料は証跡（ファイルや URL）として添えてください",
    ),
    (
        "workbook.copied-sheet",
        "シート「{sheet}」は読みません。読むのはシート「{original}」だけです。こちらに記入した内容を使うときは「{original}」に移し、このシートを削除してください",
    ),
    (
        "workbook.duplicate-id",
        "要件 `{id}` の行が2つあります（1つ目は `{first}`）",
    ),
    (
        "workbook.duplicate-id-help",
        "要件ごとに1行にしてください。この行を消すか、1つ目の行とまとめてください",
    ),
    (
        "workbook.error-value",
        "`{cell}` はエラー値（#REF! や #N/A など）を表示しています",
    ),
    (
        "workbook.evidence-id-mistyped",
        "この要件の行では、要件IDが `{other}` と書かれています（{cell}）。`{id}` に直すと、この根拠も読めます",
    ),
    (
        "workbook.evidence-unknown-id",
        "`{cell}` の `{id}` は、シート「チェックシート」に行がありません",
    ),
    (
        "workbook.invalid-date",
        "`{cell}` は日付ではありません: `{text}`",
    ),
    (
        "workbook.invalid-date-help",
        "2026-04-01 や 2026/4/1 のように日付を入力してください（日付のセルでもかまいません）",
    ),
    (
        "workbook.kind-needs",
        "種類が「{kind}」の根拠には「{label}」が必要です（`{cell}`）",
    ),
    (
        "workbook.kind-needs-help",
        "この行の「{label}」を入力してください",
    ),
    ("workbook.kind-other", "ZIP 形式のファイルではありません"),
    ("workbook.kind-pdf", "PDF です"),
    (
        "workbook.kind-xls",
        "Excel 97-2003 形式（.xls）のブックです",
    ),
    (
        "workbook.marks-status",
        "。記号なら ○（対応済）、△（一部対応）、×（未対応）も使えます",
    ),
    ("workbook.marks-yes-no", "。○・× や 有り・無し も使えます"),
    (
        "workbook.merged",
        "{range} は結合されたセルです。最初のセル {first} の値「{value}」を、範囲のすべての行（{rows}）の値として読みました。行ごとに違う値にするときは、結合を解除して各行に入力してください",
    ),
    ("workbook.missing-as-of", "`{cell}`（点検基準日）が空です"),
    (
        "workbook.missing-column",
        "`{cell}` の見出し行に「{label}」の列がないため、その値は読みません。`checksheet export` が作った列を残してください",
    ),
    (
        "workbook.missing-sheet",
        "`{file}` にシート「{sheet}」がありません",
    ),
    (
        "workbook.missing-sheet-help",
        "`checksheet export` が作ったシートをそのまま残してください。名前を変えた場合は元に戻してください",
    ),
    (
        "workbook.nearest",
        "シート「チェックシート」で近い要件IDは {nearest} です",
    ),
    (
        "workbook.no-column",
        "`{cell}` の見出し行に「{label}」の列がありません",
    ),
    (
        "workbook.no-header",
        "シート「{sheet}」に「{label}」の見出し行がありません",
    ),
    (
        "workbook.no-header-help",
        "`checksheet export` が作った見出し行を残してください。「要件ID」の列は変えないでください",
    ),
    ("workbook.no-kind", "`{cell}`（種類）が空です"),
    (
        "workbook.no-label",
        "シート「{sheet}」に「{label}」のセルがありません",
    ),
    (
        "workbook.not-xlsx",
        "`{file}` は Excel ブック（.xlsx）ではありません（{kind}）",
    ),
    (
        "workbook.not-xlsx-help",
        "Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください",
    ),
    (
        "workbook.not-yes-no",
        "`{cell}` には「はい」か「いいえ」を入力してください: `{text}`",
    ),
    (
        "workbook.part-too-large",
        "`{file}` の中の `{part}` は展開すると {limit} MiB を超えます。ブックとして読める大きさではありません",
    ),
    (
        "workbook.renamed-column",
        "見出し「{text}」（{cell}）の列は読みません。「{label}」の列がないため、この列の値は読んでいません。「{label}」のことであれば、見出しを「{label}」に戻してください",
    ),
    (
        "workbook.renamed-column-help",
        "見出し「{text}」（{cell}）が「{label}」のことであれば、「{label}」に戻してください",
    ),
    (
        "workbook.renamed-label",
        "`{cell}` の「{text}」は見出しとして読めないため、{value} の値は読んでいません。「{label}」のことであれば、{cell} を「{label}」に戻してください",
    ),
    (
        "workbook.renamed-sheet-help",
        "シート「{sheet}」の名前を「{name}」に戻してください",
    ),
    (
        "workbook.row-without-id",
        "`{cell}`（{label}）が空のため、この行（{cells}）は読んでいません。この行を使うときは {cell} に{label}を入力し、使わないときは行の内容を消してください",
    ),
    (
        "workbook.sheet-text-too-large",
        "シート「{sheet}」の文字が合わせて {limit} MiB を超えました（{cell} まで）",
    ),
    (
        "workbook.status-list",
        "対応済・一部対応・未対応・該当なし・対応予定 から選んでください",
    ),
    (
        "workbook.too-large-help",
        "`checksheet export --format xlsx` で作り直したブックに回答を写すか、Excel で「名前を付けて保存」し直してください。画像や不要なシートは消してください",
    ),
    (
        "workbook.too-many-merges",
        "シート「{sheet}」に結合されたセル範囲が {count} 個あり、上限の {limit} 個を超えています",
    ),
    (
        "workbook.too-many-merges-help",
        "セルの結合を解除してください（結合は読みません）",
    ),
    (
        "workbook.too-many-parts",
        "`{file}` には {count} 個の部品があり、上限の {limit} 個を超えます",
    ),
    (
        "workbook.too-many-strings",
        "`{file}` には異なる文字列が {limit} 個を超えてあります（xl/sharedStrings.xml）。回答のブックにこれほど多くの文字列は入りません",
    ),
    (
        "workbook.total-too-large",
        "`{file}` は展開すると合わせて {limit} MiB を超えます。ブックとして読める大きさではありません",
    ),
    (
        "workbook.uncomputed",
        "`{cell}` は数式ですが、計算結果が保存されていません",
    ),
    (
        "workbook.unknown-kind",
        "`{cell}` は根拠の種類として使えません: `{text}`",
    ),
    (
        "workbook.unknown-status",
        "`{cell}` は対応状況として使えません: `{text}`",
    ),
    (
        "workbook.unreadable",
        "`{file}` をワークブックとして読めません（{error}）",
    ),
    (
        "workbook.unreadable-cell-help",
        "数式を使わず、値を直接入力してください（Excel で開いて保存し直すと計算結果も保存されます）",
    ),
    (
        "workbook.unreadable-help",
        "Excel ブック（.xlsx）として保存し直すか、回答を YAML で書いてください",
    ),
    (
        "workbook.unreadable-sheet",
        "`{file}` のシート「{sheet}」を読めません（{error}）",
    ),
    ("workbook.write", "ワークブックを書き出せません（{error}）"),
    (
        "write.not-a-site",
        "`{out}` は checksheet が作ったサイトではないため、そのままにしました",
    ),
    (
        "write.not-a-site-help",
        "そのファイルを別の場所に移すか、`--out` で別のフォルダーを指定してください。以前のサイトを置き換えるのは、manifest に載っているファイルしかないときだけです",
    ),
    (
        "write.stranger",
        "`{out}` には checksheet が作ったサイトにないファイル `{name}` があります。フォルダーはそのままにしました",
    ),
    (
        "write.waiting",
        "別の build が `{folder}` に書き出しています。終わるのを待ちます",
    ),
    ("yaml.boolean-word", "{word} は `{value}` と書いてください"),
    (
        "yaml.control-character",
        "YAML では使えない制御文字 {character}（{code}）があります",
    ),
    (
        "yaml.control-character-help",
        "この文字を消してください（ほかのアプリから文章を貼り付けたときに紛れ込むことがあります）。改行とタブは使えます",
    ),
    (
        "yaml.duplicate-key",
        "{place} にキー `{key}` が2回以上あります",
    ),
    (
        "yaml.duplicate-key-help",
        "同じキーは1回しか書けません。この行を消すか、最初の行とまとめてください",
    ),
    ("yaml.empty", "`{file}` が空です"),
    (
        "yaml.empty-help",
        "ここには{what}を書きます。`checksheet init` で記入例を作れます",
    ),
    ("yaml.found-list", "リスト"),
    ("yaml.found-mapping", "`key: value` の行"),
    ("yaml.found-nothing", "空"),
    ("yaml.found-number", "数値 {number}"),
    ("yaml.found-text", "文字 {text}"),
    ("yaml.invalid-date", "`{path}` は日付として正しくありません"),
    (
        "yaml.invalid-date-help",
        "実在する日付を YYYY-MM-DD の形で書いてください（例: `{key}: 2026-04-01`）",
    ),
    (
        "yaml.invalid-value",
        "`{path}` の値が正しくありません（{message}）",
    ),
    ("yaml.missing-key", "{place} にはキー `{key}` が必要です"),
    ("yaml.missing-key-help", "`{key}: ...` の行を加えてください"),
    (
        "yaml.not-a-mapping",
        "`{file}` は `key: value` の行を並べた形で書いてください",
    ),
    ("yaml.should-be", "ここには{what}を書きます"),
    ("yaml.status-word", "{value} は `{word}` と書いてください"),
    ("yaml.syntax", "YAML として読み取れません（{message}）"),
    (
        "yaml.syntax-help",
        "字下げには半角スペースを使い（タブは使えません）、`:` の後には半角スペースを入れてください。`: ` や ` #` を含む文字、記号で始まる文字は引用符で囲んでください",
    ),
    (
        "yaml.unknown-key-in",
        "`{parent}` に、知らないキー `{key}` があります",
    ),
    (
        "yaml.unknown-key-top",
        "ファイルの最上位に、知らないキー `{key}` があります",
    ),
    ("yaml.unknown-value", "`{path}` に `{value}` は書けません"),
    (
        "yaml.wrong-type",
        "`{path}` の値の形が合いません（{expected} が必要ですが、いまは {found}）",
    ),
    (
        "yaml.wrong-type-boolean",
        "`{path}` には `true` か `false` を書いてください（いまは {found}）",
    ),
    (
        "yaml.wrong-type-list",
        "`{path}` はリスト（`- ` で始まる行）にしてください（いまは {found}）",
    ),
    (
        "yaml.wrong-type-mapping",
        "`{path}` の下には `key: value` の行を書いてください（いまは {found}）",
    ),
    (
        "yaml.wrong-type-text",
        "`{path}` には文字を書いてください（いまは {found}）",
    ),
];
