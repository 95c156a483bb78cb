#!/usr/bin/env bash
# Builds the sample's site with a publication history, as a company's repository would have
# it after a year of self-checks: copies examples/sample-phr into a throwaway git
# repository, records three dated publications (2025-10, 2026-04 and the sample as it is,
# 2026-10), and builds the site into OUT (default: this repository's site/).
#
#   examples/make-history.sh [OUT]
#
# A company publishes with `checksheet publish`, which tags HEAD `checksheet/<as-of>` and
# records in the tag the SHA-256 of the site's manifest. Here the tags are made with `git
# tag` under fixed dates instead, recording the same, so that the build is the same
# byte for byte on every machine (the repository's site/ is checked against it).
# CHECKSHEET names the checksheet binary (default: `cargo run --release --`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/site}" && cd "${1:-$root/site}" && pwd)"
if [ -n "${CHECKSHEET:-}" ]; then
  checksheet=("$CHECKSHEET")
else
  checksheet=(cargo run --quiet --release --manifest-path "$root/Cargo.toml" --)
fi
work="$(mktemp -d)"
chain="$(mktemp -d)"
trap 'rm -rf "$work" "$chain"' EXIT
cp -R "$root/examples/sample-phr/." "$work/"
rm -rf "$work/site"
cd "$work"

export GIT_AUTHOR_NAME="サンプルヘルス 個人情報保護管理者" GIT_AUTHOR_EMAIL="privacy@example.jp"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
git init -q
git symbolic-ref HEAD refs/heads/main
git config core.autocrlf false

# Commits the folder as it is and tags it as a publication, both on DATE (JST).
publish() {
  local date="$1" as_of="$2" message="$3"
  export GIT_AUTHOR_DATE="$date 10:00:00 +0900" GIT_COMMITTER_DATE="$date 10:00:00 +0900"
  git add -A
  git commit -q -m "$message"
  local text="$as_of 時点のチェックシートの公表

$message"
  git tag -a "checksheet/$as_of" -m "$text"
  # As `checksheet publish` does, the tag records the SHA-256 of the manifest of the site
  # this publication is: the link the next publication's manifest chains to.
  rm -rf "$chain/site"
  "${checksheet[@]}" build . --out "$chain/site" >/dev/null
  local sha
  sha="$(sha256sum "$chain/site/manifest.json" | cut -d' ' -f1)"
  git tag -f -a "checksheet/$as_of" -m "$text

Checksheet-Manifest: sha256:$sha" >/dev/null
}

current_settings="$(cat checksheet.yaml)"
current_genki="$(cat answers/genki-log.yaml)"
current_karada="$(cat answers/karada-note.yaml)"

# 2025-10: the first self-check, two services; げんきログ had more left to do.
perl -ni -e '$skip = 1 if /^  - id: sukoyaka-pocket$/; $skip = 0 if /^\S/; print unless $skip' checksheet.yaml
mv answers/sukoyaka-pocket.xlsx "$work/.sukoyaka-pocket.xlsx"
for file in answers/genki-log.yaml answers/karada-note.yaml; do
  perl -pi -e 's/^as-of: 2026-10-01$/as-of: 2025-10-01/;
    s/date: 2026-10-15\}$/date: 2025-10-15}/;
    s/^next-review: 2027-04-01$/next-review: 2026-04-01/ or
    s/^next-review: 2027-10-01$/next-review: 2026-10-01/' "$file"
done
perl -pi -e 's/status: partial/status: not-done/ if /^  io-export:$/ .. /status:/;
  s/status: partial\n/status: planned\n    target: 2026-03-31\n/ if /^  sec-training:$/ .. /status:/' \
  answers/genki-log.yaml
publish 2025-10-20 2025-10-01 "初回の自己点検結果を公表"

# 2026-04: the half-yearly review of げんきログ and からだノート.
for file in answers/genki-log.yaml answers/karada-note.yaml; do
  perl -pi -e 's/^as-of: 2025-10-01$/as-of: 2026-04-01/;
    s/date: 2025-10-15\}$/date: 2026-04-15}/;
    s/^next-review: 2026-04-01$/next-review: 2026-10-01/ or
    s/^next-review: 2026-10-01$/next-review: 2027-04-01/' "$file"
done
perl -pi -e 's/status: not-done/status: partial/ if /^  io-export:$/ .. /status:/' answers/genki-log.yaml
publish 2026-04-20 2026-04-01 "半期の見直し: げんきログのエクスポート機能に一部対応"

# 2026-10: the sample as it is, with すこやかポケット added.
printf '%s\n' "$current_settings" > checksheet.yaml
printf '%s\n' "$current_genki" > answers/genki-log.yaml
printf '%s\n' "$current_karada" > answers/karada-note.yaml
mv "$work/.sukoyaka-pocket.xlsx" answers/sukoyaka-pocket.xlsx
publish 2026-10-20 2026-10-01 "すこやかポケットを追加し、年次の自己点検結果を公表"

"${checksheet[@]}" build . --out "$out"
