#!/usr/bin/env python3
"""Writes the benchmark's Markdown table from hyperfine's JSON and the memory figures."""
import json
import os
import platform
import sys

work, sizes = sys.argv[1], sys.argv[2:]


def medians(name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return {}
    return {r["command"]: r["median"] for r in json.load(open(path))["results"]}


def seconds(value):
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


rows = []
for n in sizes:
    t = medians(f"time{n}.json")
    t.update(medians(f"log{n}.json"))
    memory = dict(line.split() for line in open(os.path.join(work, f"memory{n}.txt")))
    memory = {k: int(v) for k, v in memory.items()}

    def pair(command, peer, goal=""):
        if command in t and peer in t:
            rows.append((n, command, seconds(t[command]), peer, seconds(t[peer]),
                         f"{t[command] / t[peer]:.2f}×", goal))

    pair("build (clean)", "mdbook build", "≤ 0.5×")
    pair("build (clean)", "cp -r of the output", "≤ 3×")
    pair("build (one answers file changed)", "build (clean)", "≤ 0.3×")
    pair("diff HEAD~1 HEAD", "git diff HEAD~1 HEAD", "≤ 10×")
    pair("diff HEAD~1 HEAD, first run", "git diff HEAD~1 HEAD", "")
    pair("log", "git log --stat", "≤ 10×")
    pair("log, first run", "git log --stat", "")
    rows.append((n, "build, peak memory", f"{memory['build'] / 1024:.0f} MiB", "answers on disk",
                 f"{memory['answers'] / 1024:.0f} MiB", f"{memory['build'] / memory['answers']:.1f}×",
                 "≤ 10×"))
    rows.append((n, "build, peak memory", f"{memory['build'] / 1024:.0f} MiB", "check, peak memory",
                 f"{memory['check'] / 1024:.0f} MiB", f"{memory['build'] / memory['check']:.2f}×",
                 "≤ 1.5×"))
sample = medians("sample.json")
print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
      f"{platform.release()}; medians of hyperfine runs (`bench/run.sh`). A first run of "
      "`diff` or `log` evaluates the newest revision whole and remembers it usable "
      "(in `.git/checksheet/usable`); later runs read only the answers files that changed.\n")
print("| services | command | median | peer | median | ratio | goal |")
print("|---|---|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(str(c) for c in row) + " |")
if sample:
    value = sample["check of the sample"]
    print(f"\n`check` of the sample (3 services): {value * 1000:.1f} ms (goal: under 10 ms).")
