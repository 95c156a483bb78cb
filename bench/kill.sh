#!/usr/bin/env bash
# A build of a generated assessment killed at ten moments: after each, `checksheet verify`
# must find the previous site whole. `bench/kill.sh 1000` (services; 300 unless given).
# The moments come from a fixed seed, spread over 0-12 s; before each build what checksheet
# remembers is removed, so that every page is rendered and written.
# CHECKSHEET=path/to/checksheet uses that binary instead of a new release build.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
if [ -n "${CHECKSHEET:-}" ]; then bin=$CHECKSHEET; else
  cargo build --release --locked --quiet; bin=$PWD/target/release/checksheet; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/generate.py "$n" "$work/a" --commits 5 --publish >/dev/null
"$bin" -C "$work/a" build --out "$work/site" >/dev/null
seed=20261125
failed=0
for run in $(seq 1 10); do
  seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
  ms=$(( seed % 12000 ))
  rm -rf "$work/a/.git/checksheet/built"
  "$bin" -C "$work/a" build --out "$work/site" >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c "print($ms / 1000)")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if "$bin" verify "$work/site" >/dev/null 2>&1; then verdict=whole; else verdict=BROKEN; failed=1; fi
  echo "run $run: killed after $ms ms: the previous site is $verdict"
done
"$bin" -C "$work/a" build --out "$work/site" >/dev/null
left=$(find "$work" "$work/a/.git/checksheet" -maxdepth 2 -name '.checksheet-*' | wc -l)
echo "left behind after the next build: $left"
exit $(( failed || left > 0 ))
