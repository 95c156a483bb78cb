#!/usr/bin/env bash
# The benchmark: generated assessments of 100, 1000 and 5000 services, each with 50 commits
# of history and two publications (bench/generate.py), checksheet's commands against their
# peers, timed by hyperfine (medians) with peak memory from /usr/bin/time -v, written to
# bench/results.md. Slow: tens of minutes. `bench/run.sh --smoke` runs one small size once,
# as the test suite does; `bench/run.sh 100 1000` picks sizes; RUNS=3 sets the runs per
# command (5 unless set).
#
# Needs: a release build (made here), python3, git, hyperfine and GNU time (Debian packages
# hyperfine and time), and mdbook (installed into bench/.tools with cargo when missing).
# CHECKSHEET=path/to/checksheet times that binary instead of a new release build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

sizes=(100 1000 5000)
runs=${RUNS:-5}
commits=50
out=bench/results.md
smoke=false
if [ "${1:-}" = --smoke ]; then
  sizes=(20); runs=1; commits=5; smoke=true; shift
elif [ $# -gt 0 ]; then
  sizes=("$@")
fi

for tool in python3 git hyperfine; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
mdbook=$(command -v mdbook || true)
if [ -z "$mdbook" ] && [ -x bench/.tools/bin/mdbook ]; then mdbook=$root/bench/.tools/bin/mdbook; fi
if [ -z "$mdbook" ] && ! $smoke; then
  cargo install mdbook --locked --no-default-features --root bench/.tools
  mdbook=$root/bench/.tools/bin/mdbook
fi

if [ -n "${CHECKSHEET:-}" ]; then
  bin=$CHECKSHEET
else
  cargo build --release --locked --quiet
  bin=$root/target/release/checksheet
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if $smoke; then out=$work/results.md; fi

# Peak memory (KiB) of a command, by GNU time.
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

for n in "${sizes[@]}"; do
  a=$work/a$n
  book=()
  if [ "$n" -le 1000 ]; then book=(--book "$work/book$n"); fi
  python3 bench/generate.py "$n" "$a" --commits "$commits" --publish "${book[@]}"
  "$bin" -C "$a" build --out "$work/site$n" >/dev/null
  # Each command against its peer, with what to do before each run ("true": nothing); a
  # command that exits 1 (honest gaps) is not a failure.
  table=(
    "check|true|$bin -C $a check"
    "build (clean)|rm -rf $work/clean$n|$bin -C $a build --out $work/clean$n"
    "build (one answers file changed)|python3 $root/bench/touch.py $a/answers/service-00001.yaml|$bin -C $a build --out $work/site$n"
    "cp -r of the output|rm -rf $work/copy$n|cp -r $work/site$n $work/copy$n"
    "diff HEAD~1 HEAD|true|$bin -C $a diff HEAD~1 HEAD"
    "diff HEAD~1 HEAD, first run|rm -rf $a/.git/checksheet|$bin -C $a diff HEAD~1 HEAD"
    "git diff HEAD~1 HEAD|true|git -C $a diff HEAD~1 HEAD"
    "git log --stat|true|git -C $a log --stat"
  )
  # mdbook's time grows faster than its pages (0.9 s for 600 pages, 84 s for 6000 here):
  # past 1000 services (6000 pages) it is not run.
  if [ -n "$mdbook" ] && [ "$n" -le 1000 ]; then
    table+=("mdbook build|rm -rf $work/book$n/book|$mdbook build $work/book$n")
  fi
  commands=()
  for row in "${table[@]}"; do
    IFS='|' read -r name prepare command <<<"$row"
    commands+=(-n "$name" --prepare "$prepare" "$command")
  done
  hyperfine -N --style none --warmup 1 --runs "$runs" -i --export-json "$work/time$n.json" \
    "${commands[@]}" >/dev/null
  git -C "$a" checkout -q -- answers
  # A first run remembers which revisions are usable (in .git/checksheet); later runs
  # read only what changed. Both are timed.
  hyperfine -N --style none --warmup 1 --runs "$runs" -i --export-json "$work/log$n.json" \
    -n "log" --prepare true "$bin -C $a log" \
    -n "log, first run" --prepare "rm -rf $a/.git/checksheet" "$bin -C $a log" >/dev/null
  {
    echo "check $(peak "$bin" -C "$a" check)"
    echo "build $(peak "$bin" -C "$a" build --out "$work/site$n")"
    echo "answers $(du -sk "$a/answers" | cut -f1)"
  } >"$work/memory$n.txt"
done
hyperfine -N --style none --warmup 3 --runs $((runs * 4)) -i --export-json "$work/sample.json" \
  -n "check of the sample" "$bin check examples/sample-phr" >/dev/null

python3 bench/table.py "$work" "${sizes[@]}" >"$out"
cat "$out"
