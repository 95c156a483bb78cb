//! The English catalogue: one entry per message key, `{name}` for a value.

/// Messages by key.
pub const MESSAGES: &[(&str, &str)] = &[
    (
        "approval.approved-by",
        "approved and signed by {signers} (key {key})",
    ),
    ("approval.publication", "publication `{tag}`: {signature}"),
    (
        "approval.unchecked",
        "signed with key {key} (whose key it is was not checked: give --allowed-signers, or set git's gpg.ssh.allowedSignersFile)",
    ),
    (
        "approval.unsigned",
        "not signed (the approver signs with `checksheet publish --sign KEY`)",
    ),
    (
        "args.after-command",
        "write options after their command: `{usage}`",
    ),
    ("args.commands", "commands: {list}"),
    ("args.conflict", "`{option}` cannot be used with {others}"),
    (
        "args.date-help",
        "write a date as `YYYY-MM-DD`, e.g. `2026-04-01`",
    ),
    ("args.did-you-mean", "did you mean {words}?"),
    ("args.extra", "`{command}` does not take `{word}`"),
    (
        "args.extra-help",
        "put a name with spaces in quotes, e.g. \"My Documents\"",
    ),
    ("args.invalid-value", "`{option}` cannot be `{value}`"),
    ("args.missing", "`{command}` needs {list}"),
    ("args.missing-command", "`{command}` needs a command"),
    ("args.missing-value", "`{option}` has no value"),
    (
        "args.missing-value-help",
        "write the value after `{option}`, separated by a space",
    ),
    ("args.more", "for more, see `{command} --help`"),
    ("args.no-equals", "join the value to `{option}` with `=`"),
    (
        "args.not-utf8",
        "the command line has characters that are not UTF-8",
    ),
    ("args.or", " or "),
    ("args.repeated", "`{option}` is given more than once"),
    (
        "args.too-many-values",
        "`{option}` takes no further value: `{value}`",
    ),
    (
        "args.unknown-command",
        "`{command}` has no command `{word}`",
    ),
    ("args.unknown-option", "`{command}` has no option `{word}`"),
    ("args.unreadable", "the command line cannot be read"),
    (
        "args.value-count",
        "`{option}` has the wrong number of values",
    ),
    ("args.values", "allowed: {list}"),
    ("args.values-of", "`{option}` takes {list}"),
    (
        "build.built",
        "built {pages} pages and {others} other files into `{out}`",
    ),
    ("build.signed", "signed as `{file}` (key {key})"),
    (
        "build.skipped",
        "left out of the history, as unusable: {tag}",
    ),
    (
        "build.timestamped",
        "time-stamped by {authority} as `{file}` ({japan} Japan time, {utc})",
    ),
    (
        "build.unsupported",
        "{id} {requirement}: answered {status}, but [{code}] {message}; the page shows 「{shown}」",
    ),
    ("change.approval", "{count} approval or next review"),
    ("change.approval.many", "{count} approvals or next reviews"),
    ("change.as-of", "{count} as-of date"),
    ("change.as-of.many", "{count} as-of dates"),
    ("change.checklist", "{count} checklist"),
    ("change.checklist.many", "{count} checklist changes"),
    ("change.evidence-added", "{count} evidence added"),
    ("change.evidence-changed", "{count} evidence changed"),
    ("change.evidence-expired", "{count} evidence expired"),
    ("change.evidence-removed", "{count} evidence removed"),
    ("change.explanation", "{count} explanation"),
    ("change.explanation.many", "{count} explanations"),
    ("change.facts", "{count} fact"),
    ("change.facts.many", "{count} facts"),
    ("change.obligation", "{count} obligation or applicability"),
    (
        "change.obligation.many",
        "{count} obligations or applicability",
    ),
    ("change.organization", "{count} organization"),
    ("change.outcome", "{count} outcome"),
    ("change.outcome.many", "{count} outcomes"),
    ("change.requirement", "{count} requirement wording"),
    ("change.requirement.many", "{count} requirement wordings"),
    ("change.requirements-added", "{count} requirement added"),
    (
        "change.requirements-added.many",
        "{count} requirements added",
    ),
    ("change.requirements-removed", "{count} requirement removed"),
    (
        "change.requirements-removed.many",
        "{count} requirements removed",
    ),
    ("change.reviewed-by", "{count} reviewed-by"),
    ("change.service", "{count} service details"),
    ("change.services-added", "{count} service added"),
    ("change.services-added.many", "{count} services added"),
    ("change.services-removed", "{count} service removed"),
    ("change.services-removed.many", "{count} services removed"),
    ("change.status", "{count} status"),
    ("change.status.many", "{count} statuses"),
    ("change.target", "{count} target date"),
    ("change.target.many", "{count} target dates"),
    ("check.codes", "codes:"),
    ("check.depends-on-facts", "depends on unanswered facts"),
    ("check.does-not-apply", "does not apply to this service"),
    ("check.header", "checklist {checklist} · as of {as_of}"),
    (
        "checklist.applies-only",
        "applies if: {condition}; otherwise it does not apply",
    ),
    (
        "checklist.applies-otherwise",
        "applies if: {condition}; otherwise {otherwise}",
    ),
    ("checklist.bad-id", "`{id}` is not a valid id"),
    (
        "checklist.bad-id-help",
        "use lower-case letters, digits and `-`, e.g. `pi-erasure`",
    ),
    ("checklist.basis", "basis {basis}"),
    (
        "checklist.condition-keys",
        "a condition needs exactly one of `fact`, `all`, `any` or `not`, e.g. `{fact: uses-mynaportal-api}`",
    ),
    (
        "checklist.counts",
        "{requirements} requirements ({binding} law or must), {facts} facts",
    ),
    ("checklist.duplicate-id", "the id `{id}` is used twice"),
    (
        "checklist.duplicate-number",
        "the item number `{number}` is also the number of `{other}`",
    ),
    (
        "checklist.duplicate-number-help",
        "give each requirement its own `no`, or remove `no` to number it from `cite` (`2.1(2)-3`)",
    ),
    (
        "checklist.duplicate-section",
        "two sections have the id `{id}`",
    ),
    ("checklist.edition-encoded", "(encoded by this file)"),
    ("checklist.edition-not-encoded", "(not encoded)"),
    ("checklist.editions", "editions:"),
    (
        "checklist.empty-condition",
        "`{name}` needs at least one condition",
    ),
    ("checklist.empty-text", "`{path}` is empty"),
    ("checklist.evidence", "evidence: {kind}"),
    (
        "checklist.facts",
        "facts (answered true or false per service):",
    ),
    (
        "checklist.invalid-id",
        "checklist {field} `{value}` is not valid",
    ),
    (
        "checklist.invalid-id-help",
        "use letters, digits, `-` and `.`, without `@`, `/` or spaces",
    ),
    (
        "checklist.otherwise-alone",
        "`otherwise` has no effect without `applies-if`",
    ),
    (
        "checklist.otherwise-alone-help",
        "add an `applies-if` condition, or remove `otherwise`",
    ),
    (
        "checklist.otherwise-same",
        "`otherwise` is the same as `obligation`",
    ),
    (
        "checklist.otherwise-same-help",
        "remove `applies-if` and `otherwise`: the requirement always applies",
    ),
    (
        "checklist.revision-encoded",
        "the edition `{edition}` is marked `encoded`, but this file encodes `{own}`",
    ),
    (
        "checklist.revision-encoded-help",
        "mark only the file's own edition `encoded: true`",
    ),
    (
        "checklist.revision-twice",
        "the edition `{edition}` is listed twice",
    ),
    (
        "checklist.schemes",
        "`schemes` is only for evidence of kind `certificate`",
    ),
    (
        "checklist.superseded-unknown",
        "`superseded-by` names `{edition}`, which is not a later edition in `revisions`",
    ),
    (
        "checklist.superseded-unknown-help",
        "list the later edition under `revisions` with its date and name",
    ),
    (
        "checklist.unknown-fact",
        "`applies-if` names the fact `{id}`, which `facts` does not declare",
    ),
    (
        "cli.about",
        "Assess, publish and audit compliance with the PHR basic guideline (基本的指針).",
    ),
    (
        "cli.build",
        "Build the static check sheet site to publish: pages per service and language, JSON, CSV.",
    ),
    (
        "cli.build.context",
        "Print what each page's template sees, as JSON, instead of building.",
    ),
    (
        "cli.build.dir",
        "The assessment folder (the one holding checksheet.yaml).",
    ),
    (
        "cli.build.out",
        "Where to write the site; `DIR/site` by default. A previous build there is replaced.",
    ),
    (
        "cli.build.sign",
        "An OpenSSH ed25519 private key file to sign manifest.json with; the signature is written as manifest.json.sig (namespace checksheet). For a key with a passphrase, put the passphrase in the environment variable CHECKSHEET_SIGN_PASSPHRASE.",
    ),
    (
        "cli.build.timestamp",
        "The URL of an RFC 3161 time-stamping authority (TSA) to time-stamp the signature manifest.json.sig; the token is written as manifest.json.tsr. Needs --sign.",
    ),
    (
        "cli.check",
        "Check every service's answers against the checklist and say what is missing.",
    ),
    (
        "cli.check.dir",
        "The assessment folder (the one holding checksheet.yaml).",
    ),
    ("cli.check.format", "Output format."),
    ("cli.check.service", "Check only this service."),
    (
        "cli.check.since",
        "Warn (regressed) about each requirement whose status got worse since this revision (a commit, a tag, e.g. the last publication tag) without its explanation changing; an error under --strict.",
    ),
    ("cli.check.strict", "Treat warnings as errors."),
    (
        "cli.checklist",
        "List or show the checklists (requirement libraries).",
    ),
    ("cli.checklist.list", "List the bundled checklists."),
    ("cli.checklist.list.format", "Output format."),
    (
        "cli.checklist.show",
        "Show a checklist's facts and requirements.",
    ),
    (
        "cli.checklist.show.basis",
        "Show only the requirements whose wording has this basis: `seed` (the official overview), `src` (a secondary source) or `rec` (recalled: to compare with the official text).",
    ),
    (
        "cli.checklist.show.checklist",
        "A bundled `id@edition` (or `id` for the newest edition), or a path to a checklist file.",
    ),
    ("cli.checklist.show.format", "Output format."),
    (
        "cli.color",
        "When to colour the output; `auto` colours a terminal unless `NO_COLOR` is set.",
    ),
    (
        "cli.diff",
        "Compare the assessment at two git revisions: statuses, explanations, evidence, facts.",
    ),
    ("cli.diff.exit_code", "Exit with 1 when there are changes."),
    ("cli.diff.format", "Output format."),
    (
        "cli.diff.from",
        "The earlier revision; the latest publication tag by default, else HEAD.",
    ),
    (
        "cli.diff.internal",
        "Compare internal evidence too (files' paths and contents included), marked (internal); without it, only what is published.",
    ),
    ("cli.diff.service", "Compare only this service."),
    (
        "cli.diff.to",
        "The later revision; the working tree by default.",
    ),
    (
        "cli.directory",
        "Run as if started in this folder (like `git -C`).",
    ),
    (
        "cli.evidence",
        "Lock or list the evidence that proves the answers.",
    ),
    (
        "cli.evidence.list",
        "List every piece of evidence with its requirement, kind, visibility and state.",
    ),
    (
        "cli.evidence.list.dir",
        "The assessment folder (the one holding checksheet.yaml).",
    ),
    ("cli.evidence.list.format", "Output format."),
    (
        "cli.evidence.list.service",
        "List only this service's evidence.",
    ),
    (
        "cli.evidence.lock",
        "Record the SHA-256 and size of every evidence file in checksheet.lock.",
    ),
    (
        "cli.evidence.lock.dir",
        "The assessment folder (the one holding checksheet.yaml).",
    ),
    (
        "cli.export",
        "Write a service's answers as a workbook (to fill in with Excel) or as YAML; or, for GRC tools, the checklist as an OSCAL catalog and a service's results as OSCAL assessment results.",
    ),
    (
        "cli.export.dir",
        "The assessment folder (the one holding checksheet.yaml).",
    ),
    (
        "cli.export.format",
        "`xlsx` for a workbook, `yaml` for an answers file, `oscal-catalog` for the checklist as an OSCAL catalog, `oscal-results` for a service's OSCAL assessment results.",
    ),
    (
        "cli.export.internal",
        "Include internal evidence (with files' hashes) and notes in oscal-results; without it, only what is published.",
    ),
    (
        "cli.export.out",
        "The file to write: `<service>.xlsx` or `<service>.yaml` by default, which must not exist yet; for OSCAL, `<checklist>.oscal-catalog.json` or `<service>.oscal-results.json` by default, replaced if it exists, or `-` for standard output.",
    ),
    (
        "cli.export.service",
        "The service to export (for xlsx, yaml and oscal-results).",
    ),
    (
        "cli.init",
        "Start an assessment repository: settings, an answers file listing every question, a how-to.",
    ),
    (
        "cli.init.as_of",
        "The self-check's date (YYYY-MM-DD); today by default.",
    ),
    (
        "cli.init.checklist",
        "The checklist: a bundled `id@edition` or the path of a checklist file.",
    ),
    ("cli.init.dir", "The folder to create it in."),
    ("cli.init.org", "The organization's name."),
    ("cli.init.service", "The PHR service's name."),
    (
        "cli.init.service_id",
        "The service's id (lower-case letters, digits, `-`); derived from the name by default.",
    ),
    (
        "cli.init.xlsx",
        "Write the answers as a workbook (`answers/<service>.xlsx`) to fill in with Excel.",
    ),
    (
        "cli.lang",
        "The language of messages; by default `CHECKSHEET_LANG`, then `LANG`, then the assessment's first language.",
    ),
    (
        "cli.log",
        "List the revisions that changed the assessment, newest first, with what they changed.",
    ),
    (
        "cli.log.allowed_signers",
        "Who may sign publications, with their public keys (ssh-keygen's allowed_signers format), to name each publication's approver. Without it, git's gpg.ssh.allowedSignersFile setting is used; without either, only the signing key is shown.",
    ),
    ("cli.log.format", "Output format."),
    ("cli.log.service", "Summarize only this service."),
    (
        "cli.partners",
        "Check the published check sheets of the partners listed in checksheet.yaml.",
    ),
    (
        "cli.partners.check",
        "Verify each partner's published site (as verify does) and report each sheet's as-of date, its open gaps, and whether it is older than the limit. Exit 0 when every partner verifies and is current, else 1. Record the result as io-partner-check evidence (partner-check).",
    ),
    (
        "cli.partners.check.dir",
        "The assessment folder (holding checksheet.yaml).",
    ),
    ("cli.partners.check.format", "Output format."),
    (
        "cli.partners.check.max_age",
        "A partner's sheet whose as-of date is older than this counts as stale (e.g. 1y, 6mo, 90d).",
    ),
    (
        "cli.partners.check.on",
        "Judge ages on this date instead of today, e.g. to re-check a record later.",
    ),
    (
        "cli.publish",
        "Tag the committed, complete and reviewed assessment as published: `checksheet/<as-of>`.",
    ),
    (
        "cli.publish.allow_incomplete",
        "Publish although requirements are unanswered; the page then says 点検未完了.",
    ),
    ("cli.publish.message", "The tag's message."),
    (
        "cli.publish.sign",
        "The approver's OpenSSH private key file (ed25519 or ECDSA) to sign the publication tag with: the tag is an SSH-signed tag as `git tag -s` makes it, checked by `git -c gpg.format=ssh -c gpg.ssh.allowedSignersFile=FILE tag -v TAG`. For a key with a passphrase, put the passphrase in the environment variable CHECKSHEET_SIGN_PASSPHRASE.",
    ),
    (
        "cli.verify",
        "Check that a published site is exactly what its manifest.json lists: every file present with its SHA-256, nothing added. Checks its signature (manifest.json.sig) when there is one; run in an assessment folder (or with -C), also builds the site again from the commit the manifest names and compares.",
    ),
    (
        "cli.verify.allowed_signers",
        "Who may sign, with their public keys (ssh-keygen's allowed_signers format). With it, a site without a signature does not verify, and the signer is named.",
    ),
    ("cli.verify.format", "Output format."),
    (
        "cli.verify.site",
        "The site's folder (e.g. a downloaded copy of the published pages), or the address of the published site (https://…, where its manifest.json is).",
    ),
    (
        "cli.verify.tsa_certs",
        "The certificates (PEM) of the time-stamping authorities you trust. With it, the authority of the time-stamp manifest.json.tsr is checked, and a site without a time-stamp does not verify.",
    ),
    (
        "code.advice",
        "an effort requirement that applies is not met",
    ),
    (
        "code.approval-missing",
        "the self-check has no `approved-by` (who approved it, with title and date)",
    ),
    (
        "code.evidence-changed",
        "an evidence file differs from `checksheet.lock`",
    ),
    (
        "code.evidence-expired",
        "a certificate's `valid-until` is before `as-of`",
    ),
    (
        "code.evidence-expiring",
        "a certificate expires within the checklist's `expiry-warning` (90 days by default) of `as-of`",
    ),
    (
        "code.evidence-future",
        "a record or a partner check is dated after `as-of`",
    ),
    (
        "code.evidence-missing",
        "a `done` or `partial` answer cites none of the kinds of evidence the checklist expects",
    ),
    (
        "code.evidence-missing-file",
        "a cited evidence file does not exist",
    ),
    (
        "code.evidence-not-yet-valid",
        "a certificate's `valid-from` is after `as-of`",
    ),
    (
        "code.evidence-stale",
        "the newest record is older than the requirement's `max-age` at `as-of`, or a partner check is more than a year before `as-of`",
    ),
    (
        "code.evidence-unlocked",
        "an evidence file is not in `checksheet.lock` yet",
    ),
    (
        "code.fact-unanswered",
        "whether a requirement applies depends on a fact left unanswered",
    ),
    (
        "code.gap",
        "a law or must requirement that applies is not met",
    ),
    (
        "code.merged-cells",
        "a workbook's merged range is read for every row it covers: its first cell's value is each row's value",
    ),
    (
        "code.not-applicable-but-applies",
        "answered `not-applicable` with a reason, although by the facts it applies: for the reviewer to confirm",
    ),
    (
        "code.not-applicable-without-reason",
        "answered `not-applicable` although it applies, without a reason in `explanation`",
    ),
    (
        "code.partner-not-verified",
        "a `partner-check` records that the partner's published sheet did not verify",
    ),
    (
        "code.partner-sheet-stale",
        "a `partner-check` records that the partner's site verified but one of its sheets was older than the age limit",
    ),
    (
        "code.plan-overdue",
        "a `planned` answer's `target` is before `as-of`",
    ),
    (
        "code.plan-without-target",
        "a `planned` answer has no `target` date",
    ),
    (
        "code.regressed",
        "with `check --since REV`: the status shown got worse since REV while the explanation stayed the same",
    ),
    (
        "code.review-overdue",
        "`as-of` is after `next-review`: the self-check was due for review before this assessment",
    ),
    (
        "code.target-without-plan",
        "a `target` date on an answer that is not `planned`",
    ),
    (
        "code.translation-missing",
        "a page language lacks some explanations or evidence titles, which it shows in another language, marked as such",
    ),
    (
        "code.unanswered",
        "a requirement that applies has no status",
    ),
    (
        "code.unread-cells",
        "a workbook holds values its layout does not read: a copied sheet, a row without an id, a renamed label or column",
    ),
    (
        "code.yaml-text",
        "YAML reads a text otherwise than it looks: a ` #` starts a comment, or lines are joined with a space",
    ),
    ("diagnostic.at", "in {file}"),
    ("diagnostic.error", "error"),
    ("diagnostic.help", "help"),
    ("diagnostic.note", "note"),
    ("diagnostic.warning", "warning"),
    (
        "diff.checklist-content",
        "checklist: its text changed within the same edition",
    ),
    ("diff.checklist-title", "checklist title"),
    ("diff.contents", "contents changed"),
    ("diff.evidence-added", "evidence added"),
    ("diff.evidence-changed", "evidence changed"),
    ("diff.evidence-expired", "evidence expired"),
    ("diff.evidence-removed", "evidence removed"),
    ("diff.in-language", "{label} ({language})"),
    ("diff.internal", "(internal)"),
    ("diff.markdown-title", "checksheet diff: {from} → {to}"),
    ("diff.minus-service", "- service"),
    ("diff.no-changes", "no changes"),
    ("diff.none", "(none)"),
    ("diff.not-in-force", "not applicable"),
    ("diff.plus-service", "+ service"),
    ("diff.problems", "evidence problems"),
    ("diff.renamed", "requirement {old} is now {new}"),
    ("diff.requirement", "requirement {id}"),
    ("diff.requirement-added", "requirement added: `{id}`"),
    ("diff.requirement-removed", "requirement removed: `{id}`"),
    (
        "diff.requirement-renamed",
        "requirement renamed: `{old}` → `{new}`",
    ),
    ("diff.service-added", "Service added."),
    ("diff.service-removed", "Service removed."),
    ("diff.summary", "summary: {summary}"),
    ("diff.summary-label", "Summary:"),
    ("diff.table-head", "requirement | change"),
    ("diff.unanswered", "unanswered"),
    ("diff.working-tree", "working tree"),
    (
        "error.count",
        "{count} problems must be fixed before checksheet can continue",
    ),
    (
        "evidence.folder",
        "the evidence `{path}` is a folder, not a file",
    ),
    ("evidence.folder-help", "cite the files in it one by one"),
    ("evidence.internal", "internal"),
    (
        "evidence.link-outside",
        "the evidence file `{path}` leads outside the repository (through a symbolic link)",
    ),
    (
        "evidence.link-outside-help",
        "copy the document into the repository instead of linking to it",
    ),
    ("evidence.none", "no evidence is cited yet"),
    ("evidence.public", "public"),
    (
        "evidence.too-large",
        "the evidence file `{path}` is {size} MiB, over the limit of {limit} MiB",
    ),
    (
        "evidence.too-large-help",
        "cite an extract, or a url where the full document can be seen",
    ),
    (
        "evidence.unreadable",
        "cannot read the evidence file `{path}`: {error}",
    ),
    ("evidence.unreadable-help", "check the file's permissions"),
    ("evidence.valid-until", "valid until {until}"),
    ("export.exists", "`{path}` exists already"),
    (
        "export.exists-help",
        "name another file with `--out`; export never overwrites a file",
    ),
    (
        "export.internal-warning",
        "--internal: it holds internal evidence and notes; do not share it outside the company",
    ),
    (
        "export.needs-service",
        "`--format {format}` exports one service",
    ),
    (
        "export.needs-service-help",
        "add `--service ID` (the ids are under services in checksheet.yaml)",
    ),
    (
        "export.use",
        "to answer in it, move it into `answers/` and set `answers:` of `{service}` in checksheet.yaml to its path",
    ),
    (
        "export.wrote",
        "wrote `{path}` with the answers of `{service}`",
    ),
    ("export.wrote-oscal", "wrote `{path}` (OSCAL 1.2.1)"),
    ("fetch.bad-redirect", "the redirect names no usable address"),
    ("fetch.failed", "cannot fetch {url}: {reason}"),
    (
        "fetch.failed-help",
        "check the address and that the site is online: opening its manifest.json in a browser is a good test",
    ),
    ("fetch.host-not-found", "the host name is not found"),
    (
        "fetch.invalid-timeout",
        "the environment variable {var} is `{value}`, not a number of seconds",
    ),
    (
        "fetch.invalid-timeout-help",
        "write a whole number of 1 or more (e.g. {var}=120); without it, 60 seconds",
    ),
    (
        "fetch.invalid-url",
        "`{url}` is not a usable address ({reason})",
    ),
    (
        "fetch.invalid-url-help",
        "give the site's address starting with http:// or https:// (e.g. https://example.jp/checksheet/)",
    ),
    (
        "fetch.not-http",
        "not an http:// or https:// URL ({scheme})",
    ),
    (
        "fetch.off-site",
        "{url} redirects to another site, {location}; not followed",
    ),
    (
        "fetch.off-site-help",
        "verification stays on the host given: if the redirect's target is the right site, give its address instead",
    ),
    ("fetch.status", "the server answered HTTP {status}"),
    ("fetch.timeout", "not received within {seconds} seconds"),
    ("fetch.too-large", "larger than {mib} MiB"),
    ("fetch.too-many-redirects", "more than {count} redirects"),
    ("finding.answered", "`{key}` ({label})"),
    ("finding.answered-cell", "\"{label}\""),
    (
        "finding.approval-missing",
        "no one has approved this self-check: add `approved-by: {name: …, title: …, date: YYYY-MM-DD}` (the approver, their title and the date of approval)",
    ),
    (
        "finding.approval-missing-no-rows",
        "this self-check is not approved yet, and this workbook has no rows for it: below the row 点検者 on the sheet 「チェックシート」, add rows labelled 承認者, 承認者の役職 and 承認日 in column A, and fill in column B",
    ),
    (
        "finding.approval-missing-workbook",
        "this self-check is not approved yet; once it is, fill in 承認者 (`{name}`) and 承認日 (`{date}`) on the sheet 「チェックシート」 (承認者の役職 too, if you like)",
    ),
    (
        "finding.changed",
        "`{path}` changed since it was locked (sha256 {locked}… now {actual}…): review it, then run `checksheet evidence lock`",
    ),
    ("finding.duty", "{key} ({label})"),
    (
        "finding.evidence-missing",
        "answered `{status}` without the evidence that shows it; add one of: {expected}",
    ),
    (
        "finding.expired",
        "the certificate {name} expired on {until}, before as-of {as_of}: renew it or cite the current certificate",
    ),
    (
        "finding.expiring",
        "the certificate {name} expires on {until}, within {window} of as-of {as_of}",
    ),
    (
        "finding.fact-unanswered",
        "whether this applies depends on the fact `{id}` ({question}): answer it `true` or `false` under `facts:` in `{file}`",
    ),
    (
        "finding.fact-unanswered-cell",
        "whether this applies depends on the fact `{id}` ({question}): answer it はい or いいえ on the sheet 前提条件 of `{file}`",
    ),
    (
        "finding.future",
        "the record dated {date} is after as-of {as_of}",
    ),
    (
        "finding.missing-file",
        "the evidence file `{path}` does not exist",
    ),
    (
        "finding.missing-file-near",
        "the evidence file `{path}` does not exist; did you mean `{nearest}`?",
    ),
    (
        "finding.missing-file-typed",
        "the evidence file `{path}` does not exist: {typed}",
    ),
    (
        "finding.missing-file-typed-near",
        "the evidence file `{path}` does not exist: {typed}; did you mean `{nearest}`?",
    ),
    (
        "finding.not-applicable-but-applies",
        "answered `not-applicable`, but by the facts this requirement applies as {duty}: have the reviewer confirm the reason, or check the facts",
    ),
    (
        "finding.not-applicable-without-reason",
        "answered `not-applicable`, but by the facts this requirement applies as {duty}: give the reason in `explanation`, or answer its status",
    ),
    (
        "finding.not-applicable-without-reason-cell",
        "answered 該当なし (not applicable), but by the facts this applies as {duty}: write the reason it does not apply at `{file}:{cell}` (説明（公開）), or choose another 対応状況",
    ),
    (
        "finding.not-met",
        "{duty} not met as of {as_of}: answered {answered}",
    ),
    (
        "finding.not-met-target",
        "{duty} not met as of {as_of}: answered {answered}, target {target}",
    ),
    (
        "finding.not-yet-valid",
        "the certificate {name} is valid only from {from}, after as-of {as_of}",
    ),
    (
        "finding.partner-not-verified",
        "the check of partner `{partner}` on {date} did not verify its published check sheet",
    ),
    (
        "finding.partner-sheet-stale",
        "the check of partner `{partner}` on {date} verified its site, but one of its sheets was older than the age limit; ask the partner for a newer publication",
    ),
    (
        "finding.partner-stale",
        "the check of partner `{partner}` on {date} is more than {age} before as-of {as_of}",
    ),
    (
        "finding.plan-overdue",
        "the planned date {target} is before as-of {as_of}",
    ),
    (
        "finding.plan-without-target",
        "answered `planned` without a date: add `target: YYYY-MM-DD`",
    ),
    (
        "finding.regressed",
        "the status went from “{from}” at {revision} down to “{to}”, but the explanation did not change: say why in the explanation, or review the status",
    ),
    (
        "finding.review-overdue",
        "the next review was due on {next} but `as-of` is {as_of}: review the self-check and set a new `next-review`",
    ),
    (
        "finding.review-overdue-workbook",
        "the next review was due on {next} but 点検基準日 is {as_of}: review the self-check and set 次回点検予定 (`{cell}`) to the next review's date",
    ),
    (
        "finding.stale",
        "the newest record is from {newest}, older than {age} at as-of {as_of}: this is to be repeated at least that often",
    ),
    (
        "finding.target-without-plan",
        "`target` only means something for `planned`; remove it, as the status is `{status}`",
    ),
    (
        "finding.translation-missing",
        "the {language} page lacks {explanations} explanation(s) and {titles} evidence title(s): it shows them in another language, marked {marker}; write them as `{ja: …, en: …}`",
    ),
    (
        "finding.translation-missing-cell",
        "the {language} page lacks {explanations} explanation(s) and {titles} evidence title(s): it shows them in another language, marked {marker}; write them in the column 「{text}」 of the sheet チェックシート and the column 「{title}」 of the sheet 証跡",
    ),
    (
        "finding.unanswered",
        "not answered yet: set `status` under `answers: {id}:` in `{file}` (done, partial, not-done, not-applicable or planned)",
    ),
    (
        "finding.unanswered-cell",
        "not answered yet: choose 対応状況 for `{id}` at `{file}:{cell}`",
    ),
    (
        "finding.unanswered-no-row",
        "the sheet チェックシート of `{file}` has no row for the requirement `{id}` (item {number}): add a row, type `{id}` under 要件ID and choose its 対応状況 (`checksheet export --format xlsx` makes a workbook with a row for every requirement to copy it from)",
    ),
    (
        "finding.unlocked",
        "`{path}` is not in checksheet.lock: run `checksheet evidence lock` to record it",
    ),
    (
        "finding.unsupported",
        "{duty} not met as of {as_of}: answered `done`, but its evidence does not hold (see below)",
    ),
    ("git.bare", "the repository has no working tree"),
    ("git.bare-help", "use a normal clone, not a bare one"),
    (
        "git.broken-packed-refs",
        "line {line} of the repository's `.git/packed-refs` is damaged: the history of publications would be incomplete",
    ),
    (
        "git.broken-ref",
        "the repository's reference `{what}` cannot be read ({error}): the history of publications would be incomplete",
    ),
    (
        "git.broken-ref-help",
        "check the repository with `git fsck` and restore the damaged file (such as `.git/packed-refs`) from another clone or a backup",
    ),
    ("git.cannot-open", "cannot open the repository: {error}"),
    ("git.cannot-read", "cannot read `{what}`: {error}"),
    ("git.cannot-tag", "cannot create the tag `{name}`: {error}"),
    ("git.check", "check the repository"),
    ("git.incomplete", "the history is incomplete: {error}"),
    ("git.no-commit", "the repository has no commit yet"),
    ("git.no-commit-help", "commit the assessment first"),
    ("git.no-repository", "`{dir}` is not in a git repository"),
    (
        "git.no-repository-help",
        "run `git init` there and commit the assessment, or name the assessment with `-C DIR`",
    ),
    ("git.not-a-commit", "`{revision}` is not a commit"),
    ("git.not-a-commit-help", "give a commit, tag or branch"),
    (
        "git.shallow",
        "`{revision}` is not in this shallow clone's history",
    ),
    ("git.unknown-revision", "unknown revision `{revision}`"),
    (
        "git.unknown-revision-help",
        "give a commit, tag or branch, e.g. `HEAD~1` or `checksheet/2026-10-01`; `checksheet log` lists the revisions",
    ),
    (
        "git.unshallow-help",
        "fetch the full history with `git fetch --unshallow`",
    ),
    ("git.who", "git does not know who you are, to sign the tag"),
    (
        "git.who-help",
        "set `git config user.name` and `git config user.email`",
    ),
    ("help.arguments", "Arguments"),
    ("help.commands", "Commands"),
    ("help.default", "[default: {value}]"),
    ("help.help", "Print help"),
    (
        "help.help-command",
        "Print this message or the help of the given subcommand(s)",
    ),
    ("help.options", "Options"),
    ("help.possible-values", "[possible values: {values}]"),
    ("help.usage", "Usage"),
    ("help.value.age", "AGE"),
    ("help.value.as-of", "AS_OF"),
    ("help.value.basis", "BASIS"),
    ("help.value.checklist", "CHECKLIST"),
    ("help.value.color", "COLOR"),
    ("help.value.command", "COMMAND"),
    ("help.value.date", "DATE"),
    ("help.value.dir", "DIR"),
    ("help.value.file", "FILE"),
    ("help.value.format", "FORMAT"),
    ("help.value.from", "FROM"),
    ("help.value.key", "KEY"),
    ("help.value.lang", "LANG"),
    ("help.value.message", "MESSAGE"),
    ("help.value.org", "ORG"),
    ("help.value.out", "OUT"),
    ("help.value.rev", "REV"),
    ("help.value.service", "SERVICE"),
    ("help.value.service-id", "SERVICE_ID"),
    ("help.value.site", "SITE"),
    ("help.value.to", "TO"),
    ("help.value.url", "URL"),
    ("help.version", "Print version"),
    (
        "id.help",
        "use lower-case letters, digits and `-`, e.g. `karada-note`",
    ),
    ("init.created", "created:"),
    (
        "init.derived-id",
        "the service id `{id}` was made from the name 「{name}」; to choose another, run init again with `--service-id` (lower-case letters, digits and `-`)",
    ),
    ("init.invalid-id", "`{id}` is not a valid service id"),
    ("init.next", "next:"),
    (
        "init.next-build",
        "run `checksheet build {dir}` to make the pages to publish (in `{site}`)",
    ),
    (
        "init.next-check",
        "run `checksheet check {dir}` to see what is missing and whether the sheet can be published",
    ),
    (
        "init.next-fill",
        "fill in `{answers}`: `true` or `false` for each fact, then `status` and `explanation` for each requirement, with its `evidence`",
    ),
    (
        "init.next-fill-workbook",
        "fill in `{answers}` in Excel: はい or いいえ for each question on the sheet 「前提条件」, then 対応状況 and 説明（公開） for each requirement on the sheet 「チェックシート」, with its evidence on the sheet 「証跡」",
    ),
    (
        "init.not-a-folder",
        "`{dir}` is a file; init needs a folder",
    ),
    ("init.would-overwrite", "init would overwrite {files}"),
    (
        "init.would-overwrite-help",
        "init never overwrites a file: choose an empty folder, or move these files away",
    ),
    (
        "io.change-folder",
        "could not change to the folder `{path}`: {error}",
    ),
    ("io.create", "could not create `{path}`: {error}"),
    (
        "io.create-folder",
        "could not create the folder `{path}`: {error}",
    ),
    (
        "io.create-temp-file",
        "could not create a temporary file in `{path}`: {error}",
    ),
    (
        "io.create-temp-folder",
        "could not create a temporary folder in `{path}`: {error}",
    ),
    (
        "io.hint-full",
        "the disk is full: free some space on it and run the command again; nothing was changed",
    ),
    (
        "io.hint-read-only",
        "the file or folder may not be written: make it writable (for example `chmod u+w`) and run the command again; nothing was changed",
    ),
    ("io.move-aside", "could not move `{path}` aside: {error}"),
    ("io.read", "could not read `{path}`: {error}"),
    ("io.replace", "could not replace `{path}`: {error}"),
    ("io.stdout", "could not write to standard output: {error}"),
    ("io.write", "could not write `{path}`: {error}"),
    ("language.en", "English"),
    ("language.ja", "Japanese"),
    ("list.separator", ", "),
    (
        "load.bare-repository",
        "`{name}` is a bare git repository: it holds the history but no files to read",
    ),
    (
        "load.bare-repository-help",
        "make a working clone with `git clone {name}` in another folder and run checksheet inside the clone",
    ),
    ("load.folder", "`{name}` is a folder, not a file"),
    (
        "load.is-a-file",
        "`{name}` is a file; give the folder that holds `{settings}`",
    ),
    (
        "load.kind-office",
        "an Excel 97-2003 (.xls) workbook or another old Office document",
    ),
    (
        "load.kind-office-help",
        "to answer in Excel, save it with Save As as \"Excel Workbook (*.xlsx)\" and name that .xlsx file in `answers:` of checksheet.yaml",
    ),
    (
        "load.kind-pdf",
        "a PDF",
    ),
    (
        "load.kind-pdf-help",
        "name a YAML text file here; a PDF can be cited as evidence (`file:`)",
    ),
    (
        "load.kind-utf16",
        "saved as UTF-16 (\"Unicode\")",
    ),
    (
        "load.kind-zip",
        "a ZIP archive, such as an Excel workbook (.xlsx)",
    ),
    (
        "load.kind-zip-help",
        "a workbook of answers must have a name ending in .xlsx, as named in `answers:` of checksheet.yaml",
    ),
    (
        "load.lock-help",
        "run `checksheet evidence lock` to write this file anew",
    ),
    (
        "load.loop",
        "`{name}` is a symbolic link in a loop of links that never reaches a file: remove the link and put the file itself there",
    ),
    ("load.missing", "`{name}` does not exist"),
    (
        "load.missing-answers-help",
        "create `{name}` (`checksheet init` writes one), or correct the path in `{settings}`",
    ),
    ("load.no-folder", "the folder `{name}` does not exist"),
    ("load.not-an-assessment", "`{name}` has no `{settings}`"),
    (
        "load.not-an-assessment-help",
        "run `checksheet init {name}` to start an assessment there, or name the folder that holds `{settings}`",
    ),
    (
        "load.not-text",
        "`{name}` is not a text file: it is {kind}",
    ),
    (
        "load.not-utf8",
        "`{name}` is not UTF-8 text (line {line}, column {column})",
    ),
    (
        "load.not-utf8-help",
        "save the file with the UTF-8 encoding (Shift_JIS is not supported)",
    ),
    ("load.outside", "`{name}` leads outside the assessment"),
    (
        "load.special",
        "`{name}` is not a regular file (a named pipe, a device, …): it is not read",
    ),
    (
        "load.submodule",
        "`{name}` lies in a git submodule, another repository: this commit holds only a link to it, not the file",
    ),
    (
        "load.submodule-help",
        "move the file into this repository (instead of a submodule), so that every commit holds what it was built from",
    ),
    ("load.too-large", "`{name}` is too large ({size} bytes)"),
    (
        "load.too-large-help",
        "settings, answers and checklist files are at most {limit} MiB: check that the path names the right file",
    ),
    ("load.unknown-checklist", "unknown checklist `{reference}`"),
    (
        "load.unknown-checklist-help",
        "{suggestion}; or give the path of a checklist YAML file",
    ),
    ("load.unreadable", "cannot read `{name}`: {error}"),
    (
        "load.what-answers",
        "a service's answers (`as-of`, `reviewed-by`, `facts`, `answers`)",
    ),
    (
        "load.what-checklist",
        "a checklist (`id`, `edition`, `title`, `facts`, `sections`)",
    ),
    (
        "load.what-lock",
        "evidence hashes written by `checksheet evidence lock`",
    ),
    (
        "load.what-settings",
        "the assessment's settings (`organization`, `checklist`, `languages`, `services`)",
    ),
    (
        "lock.current",
        "`{name}` is up to date: {count} evidence files",
    ),
    ("lock.missing", "cannot lock `{path}`: it does not exist"),
    (
        "lock.missing-help",
        "add the file, or correct the `file:` path that cites it",
    ),
    (
        "lock.wrote",
        "wrote `{name}`: {count} evidence files ({added} added, {changed} changed, {removed} removed)",
    ),
    (
        "log.after-unusable",
        "the previous revision's assessment was unusable",
    ),
    ("log.created", "assessment created"),
    ("log.no-change", "no change in the check sheet"),
    ("log.none", "no commit has changed the assessment yet"),
    ("log.removed", "assessment removed"),
    ("log.shallow", "earlier history not fetched (shallow clone)"),
    ("log.unusable", "unusable input: {problem}"),
    (
        "notice.basis",
        "the wording of the checklist's requirements: {seed} from the official overview, {src} from secondary sources, {rec} recalled (to compare with the official text: `checksheet checklist show {checklist} --basis rec`)",
    ),
    ("notice.later", "{when} \"{name}\""),
    ("notice.later-url", "{when} \"{name}\" ({url})"),
    (
        "notice.superseded",
        "notice: this self-check is against the {edition} edition of \"{title}\"; later editions exist: {later}. Read them before publishing",
    ),
    (
        "partners.bad-max-age",
        "`{given}` is not a length of time (e.g. 1y, 6mo, 90d)",
    ),
    (
        "partners.no-sequence",
        "this site's manifest carries no publication sequence (built by an earlier checksheet), so a rollback to an older publication cannot be detected",
    ),
    (
        "partners.no-sheets",
        "no current sheet (<service>/checksheet.json) found on this site",
    ),
    ("partners.none", "checksheet.yaml lists no partners"),
    (
        "partners.none-help",
        "add them to checksheet.yaml:\npartners:\n  - id: sukoyaka-clinic\n    name: Sukoyaka Clinic Inc.\n    url: https://example.jp/checksheet/",
    ),
    ("partners.not-verified", "result: not verified"),
    (
        "partners.record",
        "to record it under the io-partner-check answer's evidence:",
    ),
    (
        "partners.result-stale",
        "result: stale (the site is as published, but a sheet is older than the age limit)",
    ),
    (
        "partners.rolled-back",
        "this site is publication {sequence} ({tag}), older than publication {seen} ({seen_tag}) checked on {checked}: it has been rolled back to an older publication (recorded in {file}); ask the partner",
    ),
    (
        "partners.seen-header",
        "Written by checksheet partners check: for each partner, the latest publication a check has verified,
so that a site rolled back to an older publication is noticed. Commit it, so the whole team shares it.",
    ),
    (
        "partners.seen-invalid",
        "cannot read `{file}`: {reason}",
    ),
    (
        "partners.seen-invalid-help",
        "partners check writes this file; if it was edited by hand, restore it with git (git checkout -- {file})",
    ),
    (
        "partners.sheet",
        "{name}: as of {as_of}, {gaps} open gaps, {unanswered} unanswered",
    ),
    (
        "partners.stale",
        "as-of is more than {age} before {today} (stale)",
    ),
    ("partners.unavailable", "cannot be checked: {reason}"),
    (
        "partners.verified",
        "result: verified (the site is as published and its sheets are current)",
    ),
    ("path.and", ", "),
    ("path.and-last", " and "),
    ("path.at", "character {positions}"),
    ("path.at-many", "characters {positions}"),
    (
        "path.backslash",
        "the `\\` at {at} is a backslash (which Japanese Windows may show as `¥`), not `/`",
    ),
    (
        "path.full-width",
        "the `{text}` at {at} is full-width (half-width: `{fixed}`)",
    ),
    (
        "path.full-width-slash",
        "the `{text}` at {at} is a full-width slash, not `/`",
    ),
    (
        "path.full-width-space",
        "there is a full-width space at {at}",
    ),
    ("path.range", "{first}–{last}"),
    ("path.sentences", "; "),
    ("path.space", "there is an extra space at {at}"),
    ("path.yen", "the `{text}` at {at} is a yen sign, not `/`"),
    (
        "pipeline.no-assessment",
        "there is no assessment at `{revision}`: `{settings}` does not exist there",
    ),
    (
        "pipeline.no-assessment-help",
        "choose a later revision; `checksheet log` lists those that have it",
    ),
    ("pipeline.unknown-service", "no service has the id `{id}`"),
    ("problem.evidence-expired", "Certificate expired"),
    (
        "problem.evidence-not-yet-valid",
        "Certificate not yet valid",
    ),
    (
        "problem.partner-not-verified",
        "Partner's published check sheet not verified",
    ),
    ("publish.already", "HEAD is already published as `{tag}`"),
    (
        "publish.already-help",
        "commit the changes to publish first; a publication is a new revision",
    ),
    (
        "publish.counts",
        "{id}: {conforms} conform, {gaps} gaps, {unanswered} unanswered",
    ),
    (
        "publish.future",
        "`{id}` speaks for {as_of} (`as-of`), later than the commit it would publish ({commit})",
    ),
    (
        "publish.future-help",
        "a sheet can only speak for a day that has come: set `as-of` to the day of the self-check, and commit",
    ),
    ("publish.message", "checksheet publication as of {date}"),
    (
        "publish.not-approved",
        "{id}: no one has approved the self-check (`approved-by`)",
    ),
    (
        "publish.not-approved-help",
        "add `approved-by: {name: …, title: …, date: YYYY-MM-DD}` once the approver has signed off",
    ),
    (
        "publish.not-approved-help-workbook",
        "once approved, write the approver's name in 承認者 (`{name}`) and the date in 承認日 (`{date}`) on the sheet 「チェックシート」 (承認者の役職 too, if you like)",
    ),
    (
        "publish.not-approved-workbook",
        "{id}: the self-check is not approved (承認者, 承認日)",
    ),
    (
        "publish.not-reviewed",
        "`{id}` has no `reviewed-by`: nobody has signed off the sheet",
    ),
    (
        "publish.not-reviewed-help",
        "write who reviewed and approved the self-check, e.g. `reviewed-by: 個人情報保護管理者 山田花子`",
    ),
    (
        "publish.not-reviewed-help-workbook",
        "write who reviewed the self-check in 点検者 (`{cell}`) on the sheet 「チェックシート」, e.g. 個人情報保護管理者 山田花子",
    ),
    (
        "publish.not-reviewed-workbook",
        "`{id}` names no reviewer (点検者)",
    ),
    (
        "publish.refused",
        "not published: {count} cause(s) above; nothing was tagged",
    ),
    (
        "publish.review-overdue",
        "{id}: the review planned for {next} is overdue at `as-of` {as_of}",
    ),
    (
        "publish.review-overdue-help",
        "review the self-check, then set a later `next-review`",
    ),
    (
        "publish.review-overdue-help-workbook",
        "review the self-check again and set 次回点検予定 (`{cell}`) to the next review's date",
    ),
    (
        "publish.signed",
        "signed with key {key} (`git tag -v` checks it)",
    ),
    ("publish.tagged", "tagged `{name}` on {commit}"),
    (
        "publish.unanswered",
        "`{id}` has {count} unanswered requirement(s)",
    ),
    (
        "publish.unanswered-help",
        "answer every requirement (`checksheet check` lists them), or publish with `--allow-incomplete`: the page then says 点検未完了",
    ),
    (
        "publish.uncommitted",
        "the assessment has uncommitted changes: {files}",
    ),
    (
        "publish.uncommitted-help",
        "commit them (or discard them), so that the publication is the committed assessment",
    ),
    (
        "publish.undecided",
        "`{id}` has {count} requirement(s) undecided, because a fact is unanswered",
    ),
    (
        "publish.undecided-help",
        "answer every fact under `facts:` with `true` or `false`",
    ),
    (
        "publish.undecided-help-workbook",
        "answer every question on the sheet 「前提条件」 with はい or いいえ",
    ),
    ("render.template", "a template cannot be used: {error}"),
    (
        "render.template-help",
        "fix the template in `templates/`, or remove it to use the built-in one",
    ),
    (
        "sign.bad-allowed-key",
        "its public key cannot be read (write `name ssh-ed25519 AAAA…`)",
    ),
    (
        "sign.bad-allowed-signers",
        "this line of the allowed signers cannot be read: {reason}",
    ),
    (
        "sign.bad-allowed-signers-help",
        "one signer per line: `name [options] key-type public-key` (e.g. `hanako@example.jp ssh-ed25519 AAAAC3Nza…`); the public key is the contents of the signer's .pub file",
    ),
    (
        "sign.bad-time",
        "the time in `{option}` cannot be read (write YYYYMMDD or YYYYMMDDHHMM[SS])",
    ),
    ("sign.encrypted", "`{file}` is protected by a passphrase"),
    (
        "sign.encrypted-help",
        "put the passphrase in the environment variable {var} and run again (no need to remove the key's protection)",
    ),
    (
        "sign.expired",
        "signed with key {key}, but the allowed signers line for it ({at}) was valid only until {before}, before the time checked",
    ),
    (
        "sign.line-skipped",
        "warning: {at}: {reason}; this line is not used, the others are",
    ),
    (
        "sign.mismatch",
        "the signature (key {key}) does not match what it signs: the content changed after signing, or the signature is for something else",
    ),
    ("sign.missing", "there is no signature"),
    (
        "sign.namespace-not-allowed",
        "signed with key {key}, but the allowed signers line for it ({at}) limits it to namespaces=\"{namespaces}\", which does not allow {expected}",
    ),
    (
        "sign.not-a-key",
        "`{file}` is not an OpenSSH private key file",
    ),
    (
        "sign.not-a-key-help",
        "give an OpenSSH private key (the file without .pub), as made by `ssh-keygen -t ed25519 -f signing-key` (ECDSA keys work too)",
    ),
    (
        "sign.not-yet-valid",
        "signed with key {key}, but the allowed signers line for it ({at}) is valid only from {after}, after the time checked",
    ),
    (
        "sign.other-namespace",
        "the signature was made for {namespace}, not for {expected} (sign with `ssh-keygen -Y sign -n {expected}`)",
    ),
    (
        "sign.skip-cert-authority",
        "cert-authority lines (signatures by SSH certificates) are not supported",
    ),
    (
        "sign.skip-key-type",
        "the key type {algorithm} is not supported (ed25519, ECDSA nistp256/384/521 and RSA are)",
    ),
    (
        "sign.unknown-option",
        "`{option}` is not an option here (cert-authority, namespaces, valid-after and valid-before are)",
    ),
    (
        "sign.unknown-signer",
        "signed with key {key}, which is not among the allowed signers",
    ),
    (
        "sign.unreadable",
        "the signature cannot be read (it is not an SSH signature)",
    ),
    (
        "sign.unsupported-key",
        "`{file}` is a {algorithm} key; signing takes an ed25519 or ECDSA key (RSA keys are checked, but cannot sign here)",
    ),
    (
        "sign.unsupported-signature",
        "the signature is by a {algorithm} key, which cannot be checked (ed25519, ECDSA and RSA can)",
    ),
    ("sign.valid", "signed by {signers} (key {key})"),
    (
        "sign.valid-unchecked",
        "signed with key {key} (whose key it is was not checked: no allowed signers given)",
    ),
    (
        "sign.wrong-passphrase",
        "`{file}` does not open with the passphrase in {var}",
    ),
    (
        "sign.wrong-passphrase-help",
        "check the passphrase in {var}",
    ),
    ("span.day", "{count} day"),
    ("span.days", "{count} days"),
    ("span.month", "{count} month"),
    ("span.months", "{count} months"),
    ("span.week", "{count} week"),
    ("span.weeks", "{count} weeks"),
    ("span.year", "{count} year"),
    ("span.years", "{count} years"),
    ("suggest.allowed", "allowed: {list}"),
    ("suggest.did-you-mean", "did you mean `{best}`?"),
    ("suggest.many", "{count} values are allowed"),
    ("summary.advice", "{count} advice"),
    ("summary.conforms", "{count} conform"),
    (
        "summary.findings",
        "{errors} error(s), {warnings} warning(s)",
    ),
    ("summary.gaps", "{count} gap(s)"),
    (
        "summary.line",
        "  {id}: {requirements} requirements: {counts} — {findings}",
    ),
    ("summary.no-findings", "no findings"),
    ("summary.not-applicable", "{count} not applicable"),
    ("summary.unanswered", "{count} unanswered"),
    ("summary.undecided", "{count} undecided"),
    ("test.sample", "{name} {not a placeholder} {missing}"),
    (
        "timestamp.attributes",
        "its signed attributes (content-type and message-digest) do not match its content (TSTInfo)",
    ),
    (
        "timestamp.bad-certs",
        "no certificate can be read from `{file}`",
    ),
    (
        "timestamp.bad-certs-help",
        "give the certificate of the time-stamping authority you trust (or of the authority above it) in PEM form (-----BEGIN CERTIFICATE-----)",
    ),
    (
        "timestamp.bad-signature",
        "its signature does not verify with the authority's certificate",
    ),
    (
        "timestamp.expired",
        "the authority's certificate {authority} is not valid at the time stamped",
    ),
    ("timestamp.failed", "no time-stamp from {url}: {reason}"),
    (
        "timestamp.failed-help",
        "check that the URL is an RFC 3161 time-stamping authority's (e.g. https://freetsa.org/tsr); the site was left as it was",
    ),
    (
        "timestamp.needs-sign",
        "--timestamp goes with --sign: the time-stamp is over the signature manifest.json.sig",
    ),
    (
        "timestamp.needs-sign-help",
        "give the signing key (e.g. checksheet build --sign signing-key --timestamp https://freetsa.org/tsr)",
    ),
    (
        "timestamp.no-certificate",
        "it does not carry the authority's certificate",
    ),
    (
        "timestamp.no-signature",
        "there is no signature manifest.json.sig for it to be over",
    ),
    (
        "timestamp.nonce",
        "its nonce is not the one asked for (it answers another request)",
    ),
    (
        "timestamp.not-a-token",
        "it cannot be read as an RFC 3161 time-stamp",
    ),
    (
        "timestamp.not-for-timestamping",
        "the certificate {authority} is not for time-stamping (extended key usage timeStamping)",
    ),
    (
        "timestamp.other-bytes",
        "it is over other data (its SHA-256 is not that of manifest.json.sig)",
    ),
    (
        "timestamp.refused",
        "the authority refused to time-stamp (status {status}) {text}",
    ),
    (
        "timestamp.untrusted",
        "the certificate of the authority {authority} does not lead to any certificate in --tsa-certs",
    ),
    (
        "typing.anchor",
        "the value of `{key}:` starts with `&`, which YAML reads as a name (an anchor), not as text. Put text starting with `&` in quotes (e.g. `{key}: \"&…\"`)",
    ),
    (
        "typing.block-unindented",
        "the text of `{key}: |` must be indented more than `{key}:`",
    ),
    (
        "typing.block-unindented-help",
        "indent every line of the text {spaces} spaces or more",
    ),
    (
        "typing.comment-in-text",
        "the text of `{key}:` ends before ` #`: `{cut}` is read as a comment and dropped (only \"{kept}\" is read). To keep the `#`, put the whole text in quotes (`{key}: \"…\"`) or write `{key}: |` and the text indented on the lines below",
    ),
    (
        "typing.continued",
        "the {count} line(s) from here continue `{key}:` (line {line}), and YAML joins them with a space: the line breaks are lost. To publish the lines as written, write `{key}: |` and the whole text indented on the lines below",
    ),
    (
        "typing.dedented",
        "`{key}:` is indented like `{parent}:`, so `{parent}` is left empty and the lines below `{key}` are too deep",
    ),
    (
        "typing.dedented-help",
        "indent `{key}:` {spaces} spaces, like the lines below it",
    ),
    (
        "typing.deeper",
        "this line is indented {spaces} spaces, deeper than line {above}, which already has a value; the lines at this level use {siblings}",
    ),
    (
        "typing.deeper-help",
        "indent it {siblings} spaces, like its siblings",
    ),
    (
        "typing.folded",
        "`{key}: >` turns each line break into a space: Japanese sentences get a space between them and lose their line breaks. To publish the lines as written, write `|` instead of `>`",
    ),
    (
        "typing.full-width-colon",
        "there is a full-width colon (：) after `{key}`",
    ),
    (
        "typing.full-width-colon-help",
        "write a half-width colon and a space: `key: value`",
    ),
    (
        "typing.full-width-space",
        "there is a full-width space (　) after `{key}:`",
    ),
    (
        "typing.full-width-space-help",
        "use half-width spaces (turn the input method off to type them)",
    ),
    (
        "typing.full-width-space-indent",
        "a full-width space (　) is used for indentation",
    ),
    (
        "typing.lost-indentation",
        "`{key}:` (line {line}) has nothing under it, so the lines after it are read as part of `{parent}`",
    ),
    (
        "typing.lost-indentation-help",
        "indent `{key}:` {spaces} spaces, like `{parent}:`",
    ),
    (
        "typing.misaligned",
        "this line is indented {spaces} spaces; the lines at this level use {siblings}",
    ),
    (
        "typing.misaligned-help",
        "indent it {siblings} spaces, like the lines it belongs with",
    ),
    ("typing.tab", "a tab is used for indentation"),
    ("typing.tab-help", "indent with spaces only (two per level)"),
    (
        "validate.accent-color",
        "`accent-color` `{value}` is not a colour as `#rrggbb`",
    ),
    (
        "validate.accent-color-help",
        "write six hexadecimal digits after `#`, e.g. `accent-color: \"#0b4f8a\"` (quoted: YAML reads `#` as a comment)",
    ),
    (
        "validate.accent-contrast",
        "`accent-color` `{value}` is too light for links on white: contrast {ratio}:1, at least 4.5:1 is needed to read them",
    ),
    (
        "validate.accent-contrast-help",
        "choose a darker shade of the colour",
    ),
    (
        "validate.accent-unquoted",
        "`accent-color` is empty: YAML read `#` and what follows as a comment",
    ),
    (
        "validate.accent-unquoted-help",
        "put the colour in quotes: `accent-color: \"#0b4f8a\"`",
    ),
    (
        "validate.answers-outside",
        "`{path}` is outside the repository",
    ),
    (
        "validate.answers-outside-help",
        "give a path relative to `checksheet.yaml`, e.g. `answers/my-service.yaml`",
    ),
    (
        "validate.certificate-dates",
        "the certificate is valid from {from}, after its `valid-until` {until}",
    ),
    (
        "validate.checklist-outside",
        "the checklist `{checklist}` is outside the repository",
    ),
    (
        "validate.checklist-outside-help",
        "copy the checklist file into the repository (e.g. `checklists/`) and give its path relative to `checksheet.yaml`",
    ),
    (
        "validate.duplicate-partner",
        "two partners have the id `{id}`",
    ),
    (
        "validate.duplicate-service",
        "two services have the id `{id}`",
    ),
    (
        "validate.evidence-drive",
        "the evidence file `{path}` is outside the repository, on drive `{drive}:`",
    ),
    (
        "validate.evidence-elsewhere-help",
        "checksheet reads only files inside the repository: copy a file kept elsewhere (on a network drive, `\\\\server\\share\\…`, another drive, `Z:\\…`, or this computer, `C:\\Users\\…`) into the repository's `evidence/` folder and cite it as `evidence/…`, here `evidence/{name}`",
    ),
    (
        "validate.evidence-kind",
        "each evidence entry needs exactly one of `file`, `url`, `certificate` or `record`; this one has {found}",
    ),
    (
        "validate.evidence-kind-help",
        "split it into one entry per piece of evidence",
    ),
    (
        "validate.evidence-network",
        "the evidence file `{path}` is outside the repository, on the network share `\\\\{server}`",
    ),
    (
        "validate.evidence-outside",
        "the evidence file `{path}` is outside the repository",
    ),
    (
        "validate.evidence-outside-help",
        "copy the document into the repository (e.g. `evidence/`) and give its path relative to the repository root, without `..`",
    ),
    (
        "validate.field-dedented",
        "`{id}` is a field of an answer, not a requirement: indent it under its requirement id, 2 spaces deeper than the id",
    ),
    (
        "validate.invalid-partner-id",
        "partner id `{id}` is not a valid id",
    ),
    (
        "validate.invalid-service-id",
        "service id `{id}` is not a valid id",
    ),
    ("validate.kind-none", "none"),
    ("validate.language-twice", "this language is listed twice"),
    (
        "validate.logo-kind",
        "the logo `{path}` is not a PNG, JPEG or WebP image{svg}",
    ),
    (
        "validate.logo-kind-help",
        "save the logo as PNG (e.g. 400 × 100 pixels) and name that file",
    ),
    (
        "validate.logo-large",
        "the logo `{path}` is {size} bytes; at most {limit} bytes are published",
    ),
    (
        "validate.logo-large-help",
        "save it smaller (a logo on the page is at most 48 pixels high)",
    ),
    ("validate.logo-missing", "the logo `{path}` does not exist"),
    (
        "validate.logo-path",
        "`logo` `{path}` must be a path inside the assessment folder",
    ),
    (
        "validate.logo-svg",
        " (SVG can carry scripts and is not published)",
    ),
    (
        "validate.logo-unreadable",
        "the logo `{path}` cannot be read: {reason}",
    ),
    (
        "validate.mistyped-id",
        "if you mean the requirement `{id}`: {characters} (ids are written in lower-case ASCII letters, digits and hyphens)",
    ),
    ("validate.no-languages", "`languages` is empty"),
    (
        "validate.no-languages-help",
        "list at least one language, e.g. `languages: [ja, en]`",
    ),
    ("validate.no-services", "`services` is empty"),
    (
        "validate.no-services-help",
        "add an entry with `id`, `name` and `answers` for each PHR service",
    ),
    ("validate.not-a-web-address", "`{url}` is not a web address"),
    (
        "validate.not-a-web-address-help",
        "give a full address starting with `https://` (or `http://`)",
    ),
    (
        "validate.number-for-id",
        "\"{number}\" is an item number (項番); this requirement's id is `{id}`: write `{id}` in the id's place",
    ),
    (
        "validate.renamed",
        "`{id}` is now `{new}` in `{checklist}`: rename the answer",
    ),
    (
        "validate.reserved-id",
        "the service id `{id}` is reserved for the site's own pages",
    ),
    (
        "validate.reserved-id-help",
        "choose another id; these are reserved: {reserved}",
    ),
    (
        "validate.shared-answers",
        "two services share the answers file `{path}`",
    ),
    (
        "validate.signers-outside",
        "the allowed signers file `{path}` is outside the assessment folder",
    ),
    (
        "validate.signers-outside-help",
        "put the allowed signers file inside the assessment folder (e.g. `partners/`) and give its path relative to checksheet.yaml, without `..`",
    ),
    (
        "validate.unknown-fact",
        "unknown fact `{id}`: `{checklist}` asks no such question",
    ),
    (
        "validate.unknown-partner",
        "partner `{id}` is not among the partners in checksheet.yaml",
    ),
    (
        "validate.unknown-partner-help",
        "list the partner under partners in checksheet.yaml and give its id (e.g. partners: [{id: sukoyaka-clinic, name: …, url: https://…}])",
    ),
    (
        "validate.unknown-requirement",
        "unknown requirement `{id}`: `{checklist}` has no such requirement",
    ),
    (
        "validate.unknown-requirement-help",
        "the nearest ids are {nearest}; `checksheet checklist show {checklist}` lists all {count}",
    ),
    (
        "validate.wrong-character",
        "character {at}, \"{typed}\" ({code}), should be `{meant}`",
    ),
    (
        "verdict.all",
        "all {count} sheets are complete enough to publish",
    ),
    (
        "verdict.clean",
        "ready to publish; every applicable requirement is met",
    ),
    ("verdict.future", "as-of {as_of} is after today ({today})"),
    ("verdict.no-reviewer", "no `reviewed-by`"),
    ("verdict.no-reviewer-workbook", "no reviewer (点検者)"),
    ("verdict.not-approved", "no `approved-by`"),
    (
        "verdict.not-approved-workbook",
        "no approval (承認者, 承認日)",
    ),
    ("verdict.not-yet", "not ready to publish yet: {lacks}"),
    (
        "verdict.review-overdue",
        "the review due on {next} is overdue",
    ),
    (
        "verdict.some-not-yet",
        "not every sheet can be published yet: {services}",
    ),
    ("verdict.the-one", "the sheet is complete enough to publish"),
    ("verdict.unanswered", "{count} unanswered"),
    (
        "verdict.undecided",
        "{count} undecided (a fact is unanswered)",
    ),
    (
        "verdict.with-advice",
        "ready to publish, with {advice} unmet effort items",
    ),
    (
        "verdict.with-both",
        "ready to publish, with {gaps} unmet duties (gaps) and {advice} unmet effort items",
    ),
    (
        "verdict.with-gaps",
        "ready to publish, with {gaps} unmet duties (gaps)",
    ),
    (
        "verify.bad-manifest",
        "`{site}/manifest.json` is not a manifest written by checksheet: {reason}",
    ),
    (
        "verify.bad-manifest-help",
        "download the site again, including manifest.json as it is published",
    ),
    (
        "verify.chain-left-out",
        "the publication {tag} is missing from the site's history",
    ),
    (
        "verify.chain-manifest-differs",
        "the tag of publication {tag} records another manifest.json (SHA-256 {recorded}) than this site's ({actual})",
    ),
    (
        "verify.chain-newer",
        "the repository holds a newer publication ({count} after this one, the latest {tag} of {date}): this site is an older one",
    ),
    (
        "verify.chain-none",
        "the manifest records no publication (built by an earlier checksheet): its place among the publications cannot be checked",
    ),
    (
        "verify.chain-not-published",
        "the site was built from a commit that was never published (checksheet publish); build it from a publication's commit",
    ),
    (
        "verify.chain-previous-manifest",
        "the previous publication {tag} records another manifest.json (SHA-256 {recorded}) than this manifest names ({actual})",
    ),
    (
        "verify.chain-previous-tag",
        "the manifest's previous publication ({recorded}) is not the repository's ({actual})",
    ),
    (
        "verify.chain-problems",
        "against the repository's publications:",
    ),
    (
        "verify.chain-tag-missing",
        "the publication {tag} the manifest names is not in the repository",
    ),
    (
        "verify.changed",
        "changed: {path} (SHA-256 {actual}, manifest {expected})",
    ),
    (
        "verify.files-differ",
        "{site} differs from its manifest.json",
    ),
    (
        "verify.files-match",
        "the {count} files listed in {site}/manifest.json are all present and unchanged, and no other file is there",
    ),
    (
        "verify.files-match-web",
        "the {count} files listed in {site}manifest.json are all present and unchanged (a web server does not say what else it holds, so files not in the manifest cannot be seen)",
    ),
    ("verify.missing", "missing: {path}"),
    (
        "verify.no-manifest",
        "`{site}` has no manifest.json, so there is nothing to verify it against",
    ),
    (
        "verify.no-manifest-help",
        "name the folder that `checksheet build` wrote (it holds manifest.json and index.html)",
    ),
    (
        "verify.no-source",
        "built by checksheet {version}; the manifest names no source commit",
    ),
    (
        "verify.not-signed",
        "not signed (no manifest.json.sig): who published it cannot be checked",
    ),
    ("verify.not-verified", "not verified"),
    (
        "verify.odd",
        "{path}: {kind}",
    ),
    (
        "verify.odd-link",
        "a symbolic link (not followed)",
    ),
    (
        "verify.odd-not-a-file",
        "not a regular file (a pipe, a device, …)",
    ),
    (
        "verify.odd-too-large",
        "too large to read",
    ),
    (
        "verify.past-valid-until",
        "⚠ the next review ({date}) has passed: a newer publication should exist; ask the publisher whether this site has been rolled back",
    ),
    (
        "verify.plain-http",
        "⚠ http:// is not encrypted: anyone on the way could change the site, unnoticed without a signature (use https:// and --allowed-signers)",
    ),
    (
        "verify.publication",
        "publication {sequence}, {tag} (previous: {previous})",
    ),
    (
        "verify.publication-draft",
        "built from a commit that is not a publication (checksheet publish); {sequence} publications before it",
    ),
    (
        "verify.publication-first",
        "publication {sequence}, {tag} (the first)",
    ),
    (
        "verify.publication-never",
        "no publication recorded: built from a commit that is not a publication (checksheet publish)",
    ),
    (
        "verify.publication-none",
        "no publication sequence recorded (built by an earlier checksheet)",
    ),
    ("verify.rebuild-changed", "differs: {path}"),
    (
        "verify.rebuild-differs",
        "does not match the site built again from commit {commit}:",
    ),
    (
        "verify.rebuild-hint",
        "run in an assessment folder (or with -C), verify also builds the site again from that repository; to check another company's site, run it outside the assessment folder to check the files alone",
    ),
    (
        "verify.rebuild-matches",
        "every file matches the site built again from commit {commit}",
    ),
    (
        "verify.rebuild-matches-manifest",
        "manifest.json matches the site built again from commit {commit} (the site's files differ from it as listed above)",
    ),
    (
        "verify.rebuild-no-commit",
        "the manifest names no source commit, so the site cannot be built again from the repository (a site built with every input committed names one)",
    ),
    (
        "verify.rebuild-not-here",
        "this folder's repository does not hold the site's source commit, so the site was not built again (for your own site, name its repository with -C)",
    ),
    (
        "verify.rebuild-only-in-build",
        "only in the site built again: {path}",
    ),
    (
        "verify.rebuild-only-in-site",
        "only in the published site: {path}",
    ),
    ("verify.rebuild-publication", "publication {tag}: {problem}"),
    (
        "verify.rebuild-unavailable",
        "cannot build the site again from the repository: {reason}",
    ),
    (
        "verify.service",
        "{name} ({id}) as of {as_of}",
    ),
    (
        "verify.signature-invalid",
        "the signature manifest.json.sig does not match manifest.json (or is not a checksheet signature)",
    ),
    (
        "verify.signature-not-one",
        "what the server answered for manifest.json.sig is not a signature (the server answers unknown addresses with a page): taken as no signature",
    ),
    ("verify.signed-by", "signed by {signers} (key {key})"),
    (
        "verify.signed-unchecked",
        "the signature matches manifest.json (key {key}); --allowed-signers tells whose key it is",
    ),
    (
        "verify.signed-unknown",
        "the signature matches, but key {key} is not among the allowed signers",
    ),
    (
        "verify.source",
        "built by checksheet {version} from commit {commit}",
    ),
    ("verify.tag-missing", "the repository has no such tag"),
    (
        "verify.tag-moved",
        "the tag points at commit {actual}, not {expected}",
    ),
    (
        "verify.timestamp-invalid",
        "the time-stamp {file} does not hold: {reason}",
    ),
    (
        "verify.timestamp-missing",
        "there is no time-stamp ({file})",
    ),
    (
        "verify.timestamp-unchecked",
        "the signature existed at {japan} Japan time ({utc}), as the time-stamping authority {authority} attests; whether that authority is to be trusted was not checked (--tsa-certs checks it)",
    ),
    (
        "verify.timestamp-valid",
        "the signature existed at {japan} Japan time ({utc}), as the trusted time-stamping authority {authority} attests",
    ),
    (
        "verify.too-many-files",
        "`{site}` holds too many files (at most {limit})",
    ),
    (
        "verify.too-many-files-help",
        "name the folder of a site that `checksheet build` wrote",
    ),
    ("verify.unlisted", "not in the manifest: {path}"),
    (
        "verify.unsafe-path",
        "it lists `{path}`, which is not a path inside the site",
    ),
    (
        "verify.unsigned",
        "there is no signature (manifest.json.sig)",
    ),
    (
        "verify.valid-until",
        "next review {date} (a newer publication is due by then)",
    ),
    ("verify.verified", "verified"),
    (
        "verify.what",
        "{organization}'s published check sheets ({site})",
    ),
    (
        "verify.what-unknown",
        "the published check sheets at {site} (organization not readable)",
    ),
    (
        "workbook.approval-incomplete",
        "{cell}: an approval needs both the approver's name ({name}) and the date of approval ({date})",
    ),
    (
        "workbook.approval-incomplete-help",
        "fill in both cells, or leave both empty while the self-check is not yet approved",
    ),
    (
        "workbook.cell-outside",
        "{cell} holds a value (or formula): an answers workbook is read to row {rows} and column {last} only",
    ),
    (
        "workbook.cell-outside-help",
        "clear that cell (or delete its row or column); the answer cells are all within that range",
    ),
    (
        "workbook.cell-too-long",
        "{cell} holds {chars} characters, more than the {limit} a cell holds",
    ),
    (
        "workbook.cell-too-long-help",
        "keep the explanation to the point and attach the details as evidence (a file or URL)",
    ),
    (
        "workbook.copied-sheet",
        "the sheet \"{sheet}\" is not read: only the sheet \"{original}\" is. To use what it holds, move it into \"{original}\" and delete this sheet",
    ),
    (
        "workbook.duplicate-id",
        "the requirement `{id}` has a second row (the first is at `{first}`)",
    ),
    (
        "workbook.duplicate-id-help",
        "keep one row per requirement: delete this row or merge it with the first",
    ),
    (
        "workbook.error-value",
        "`{cell}` shows an error value (such as #REF! or #N/A)",
    ),
    (
        "workbook.evidence-id-mistyped",
        "this requirement's row has its id written `{other}` ({cell}): correct it to `{id}` and this evidence is read too",
    ),
    (
        "workbook.evidence-unknown-id",
        "`{cell}` names `{id}`, which has no row on the sheet チェックシート",
    ),
    ("workbook.invalid-date", "`{cell}` is not a date: `{text}`"),
    (
        "workbook.invalid-date-help",
        "enter a date such as 2026-04-01 or 2026/4/1 (a date cell is fine too)",
    ),
    (
        "workbook.kind-needs",
        "evidence of kind {kind} needs 「{label}」 (`{cell}`)",
    ),
    (
        "workbook.kind-needs-help",
        "fill in 「{label}」 on this row",
    ),
    (
        "workbook.kind-other",
        "not a ZIP archive, as an .xlsx file is",
    ),
    ("workbook.kind-pdf", "a PDF"),
    ("workbook.kind-xls", "an Excel 97-2003 (.xls) workbook"),
    (
        "workbook.marks-status",
        "; the marks ○ (対応済, done), △ (一部対応, partial) and × (未対応, not done) also work",
    ),
    (
        "workbook.marks-yes-no",
        "; ○ and × (or 有り and 無し) also work",
    ),
    (
        "workbook.merged",
        "{range} is a merged range: the value of its first cell {first} (\"{value}\") is read for every row it covers ({rows}). To give each row its own value, unmerge the cells and fill in each row",
    ),
    ("workbook.missing-as-of", "`{cell}` (点検基準日) is empty"),
    (
        "workbook.missing-column",
        "the header row at `{cell}` has no column \"{label}\", so no value of it is read; keep the columns `checksheet export` made",
    ),
    (
        "workbook.missing-sheet",
        "`{file}` has no sheet 「{sheet}」",
    ),
    (
        "workbook.missing-sheet-help",
        "keep the sheets `checksheet export` writes; rename a sheet back if it was renamed",
    ),
    (
        "workbook.nearest",
        "the requirement ids nearest to it on the sheet チェックシート are {nearest}",
    ),
    (
        "workbook.no-column",
        "the header row at `{cell}` has no column 「{label}」",
    ),
    (
        "workbook.no-header",
        "the sheet 「{sheet}」 has no header row with 「{label}」",
    ),
    (
        "workbook.no-header-help",
        "keep the header row `checksheet export` writes; the column 要件ID must not be changed",
    ),
    ("workbook.no-kind", "`{cell}` (種類) is empty"),
    (
        "workbook.no-label",
        "the sheet 「{sheet}」 has no cell 「{label}」",
    ),
    (
        "workbook.not-xlsx",
        "`{file}` is not an Excel workbook (.xlsx): it is {kind}",
    ),
    (
        "workbook.not-xlsx-help",
        "open it in Excel and save it again with Save As, choosing \"Excel Workbook (*.xlsx)\"",
    ),
    (
        "workbook.not-yes-no",
        "`{cell}` must be はい or いいえ: `{text}`",
    ),
    (
        "workbook.part-too-large",
        "`{part}` inside `{file}` inflates to more than {limit} MiB: more than an answers workbook holds",
    ),
    (
        "workbook.renamed-column",
        "the column headed \"{text}\" ({cell}) is not read, and there is no column \"{label}\": its values are not read. If it means \"{label}\", change the header back to \"{label}\"",
    ),
    (
        "workbook.renamed-column-help",
        "if the header \"{text}\" ({cell}) means \"{label}\", change it back to \"{label}\"",
    ),
    (
        "workbook.renamed-label",
        "the label \"{text}\" at `{cell}` is not one that is read, so the value at {value} is not read. If it means \"{label}\", change {cell} back to \"{label}\"",
    ),
    (
        "workbook.renamed-sheet-help",
        "rename the sheet \"{sheet}\" back to \"{name}\"",
    ),
    (
        "workbook.row-without-id",
        "`{cell}` ({label}) is empty, so this row ({cells}) is not read. To use the row, fill in {cell}; otherwise clear the row",
    ),
    (
        "workbook.sheet-text-too-large",
        "the texts of the sheet \"{sheet}\" pass {limit} MiB in all (at {cell})",
    ),
    (
        "workbook.status-list",
        "choose one of 対応済, 一部対応, 未対応, 該当なし, 対応予定",
    ),
    (
        "workbook.too-large-help",
        "copy the answers into a workbook made anew with `checksheet export --format xlsx`, or save it again with Excel's Save As; remove pictures and sheets that are not needed",
    ),
    (
        "workbook.too-many-merges",
        "the sheet \"{sheet}\" has {count} merged ranges, more than the limit of {limit}",
    ),
    (
        "workbook.too-many-merges-help",
        "unmerge the cells (merged ranges are not read)",
    ),
    (
        "workbook.too-many-parts",
        "`{file}` has {count} parts, more than the limit of {limit}",
    ),
    (
        "workbook.too-many-strings",
        "`{file}` has more than {limit} distinct texts (xl/sharedStrings.xml), more than an answers workbook ever holds",
    ),
    (
        "workbook.total-too-large",
        "`{file}` inflates to more than {limit} MiB in all: more than an answers workbook holds",
    ),
    (
        "workbook.uncomputed",
        "`{cell}` holds a formula whose result was never saved",
    ),
    (
        "workbook.unknown-kind",
        "`{cell}` is not a kind of evidence: `{text}`",
    ),
    (
        "workbook.unknown-status",
        "`{cell}` is not a status: `{text}`",
    ),
    (
        "workbook.unreadable",
        "`{file}` cannot be read as a workbook: {error}",
    ),
    (
        "workbook.unreadable-cell-help",
        "type the value itself instead of a formula (opening and saving the workbook in Excel also saves the formula's result)",
    ),
    (
        "workbook.unreadable-help",
        "save it as an Excel workbook (.xlsx), or write the answers as YAML",
    ),
    (
        "workbook.unreadable-sheet",
        "the sheet \"{sheet}\" of `{file}` cannot be read: {error}",
    ),
    ("workbook.write", "cannot write the workbook: {error}"),
    (
        "write.not-a-site",
        "`{out}` exists and is not a site built by checksheet: it is left as it is",
    ),
    (
        "write.not-a-site-help",
        "move that file elsewhere (or choose another folder with `--out`): a previous build is replaced only when it holds nothing but the files its manifest lists",
    ),
    (
        "write.stranger",
        "`{out}` holds `{name}`, which is not part of the site checksheet built there: the folder is left as it is",
    ),
    (
        "write.waiting",
        "another build is writing into `{folder}`: waiting for it to end",
    ),
    ("yaml.boolean-word", "write `{value}` for {word}"),
    (
        "yaml.control-character",
        "a control character {character} ({code}) that YAML does not allow",
    ),
    (
        "yaml.control-character-help",
        "remove the character (it may have come with text pasted from another program); line breaks and tabs are allowed",
    ),
    (
        "yaml.duplicate-key",
        "{place} has the key `{key}` more than once",
    ),
    (
        "yaml.duplicate-key-help",
        "each key may appear only once: remove this one or merge it with the first",
    ),
    ("yaml.empty", "`{file}` is empty"),
    (
        "yaml.empty-help",
        "this should be {what}; `checksheet init` writes a filled-in example",
    ),
    ("yaml.found-list", "a list"),
    ("yaml.found-mapping", "a mapping of `key: value` lines"),
    ("yaml.found-nothing", "nothing"),
    ("yaml.found-number", "the number {number}"),
    ("yaml.found-text", "the text {text}"),
    ("yaml.invalid-date", "`{path}` is not a valid date"),
    (
        "yaml.invalid-date-help",
        "write a day that exists as YYYY-MM-DD, for example `{key}: 2026-04-01`",
    ),
    ("yaml.invalid-value", "`{path}` is not valid: {message}"),
    ("yaml.missing-key", "{place} needs the key `{key}`"),
    ("yaml.missing-key-help", "add a line `{key}: ...`"),
    (
        "yaml.not-a-mapping",
        "`{file}` must be a list of `key: value` lines",
    ),
    ("yaml.should-be", "this should be {what}"),
    ("yaml.status-word", "write `{word}` for {value}"),
    ("yaml.syntax", "this is not valid YAML: {message}"),
    (
        "yaml.syntax-help",
        "indent with spaces (not tabs), put a space after each `:`, and quote text that contains `: `, ` #` or starts with a special character",
    ),
    ("yaml.unknown-key-in", "unknown key `{key}` in `{parent}`"),
    (
        "yaml.unknown-key-top",
        "unknown key `{key}` at the top level",
    ),
    ("yaml.unknown-value", "`{path}` cannot be `{value}`"),
    (
        "yaml.wrong-type",
        "`{path}` must be {expected}, but it is {found}",
    ),
    (
        "yaml.wrong-type-boolean",
        "`{path}` must be `true` or `false`, but it is {found}",
    ),
    (
        "yaml.wrong-type-list",
        "`{path}` must be a list (lines starting with `- `), but it is {found}",
    ),
    (
        "yaml.wrong-type-mapping",
        "`{path}` must be a mapping of `key: value` lines, but it is {found}",
    ),
    (
        "yaml.wrong-type-text",
        "`{path}` must be text, but it is {found}",
    ),
];
