#!/usr/bin/env python3
"""Generates an assessment repository of N services, deterministically, for the benchmark.

Each service answers like one of the sample's two YAML services (alternately), with its own
id and name; the evidence and lock are the sample's. With --commits C, the repository gets C
commits after the first, each changing the answers of 3 services, with fixed dates. With
--book DIR, it also writes an mdBook holding the same text as the built site: a page per
service sheet the site shows (each language, now and at each publication).

usage: generate.py N OUT [--commits C] [--publish] [--book DIR]
"""
import argparse
import os
import pathlib
import re
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-phr"
TEMPLATES = ["karada-note", "genki-log"]


def git(out, *args, when=None):
    env = dict(os.environ)
    env.update({
        "GIT_AUTHOR_NAME": "山田花子", "GIT_AUTHOR_EMAIL": "hanako@example.jp",
        "GIT_COMMITTER_NAME": "山田花子", "GIT_COMMITTER_EMAIL": "hanako@example.jp",
    })
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", *args], cwd=out, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def service_id(i):
    return f"service-{i:05d}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--commits", type=int, default=0)
    parser.add_argument("--book", type=pathlib.Path)
    parser.add_argument("--publish", action="store_true",
                        help="tag the first and the last commit as publications")
    args = parser.parse_args()
    out = args.out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(SAMPLE / "evidence", out / "evidence")
    shutil.copy(SAMPLE / "checksheet.lock", out / "checksheet.lock")
    shutil.copy(SAMPLE / "logo.png", out / "logo.png")
    settings = (SAMPLE / "checksheet.yaml").read_text()
    head = settings[: settings.index("services:")]
    lines = [head + "services:"]
    texts = {t: (SAMPLE / "answers" / f"{t}.yaml").read_text() for t in TEMPLATES}
    (out / "answers").mkdir()
    for i in range(args.n):
        sid = service_id(i)
        lines.append(f"  - id: {sid}\n    name: サービス{i:05d}\n    name-en: Service {i:05d}\n"
                     f"    answers: answers/{sid}.yaml")
        (out / "answers" / f"{sid}.yaml").write_text(texts[TEMPLATES[i % 2]])
    partners = settings[settings.index("# 健診等情報を連携"):]
    (out / "checksheet.yaml").write_text("\n".join(lines) + "\n" + partners)
    (out / ".gitignore").write_text("/site/\n")
    git(out, "init", "-q")
    git(out, "add", "-A")
    git(out, "commit", "-qm", "初回の自己点検", when="2026-01-01T10:00:00+09:00")
    if args.publish:
        git(out, "tag", "-a", "checksheet/2026-01-01", "-m", "公開", when="2026-01-01T10:00:00+09:00")
    for c in range(args.commits):
        for k in range(3):
            i = (c * 7 + k * 13) % args.n
            path = out / "answers" / f"{service_id(i)}.yaml"
            text = path.read_text()
            # Flip one answer's status, and touch an explanation, so the diff has both.
            if "status: done" in text:
                text = text.replace("status: done", "status: partial", 1)
            else:
                text = text.replace("status: partial", "status: done", 1)
            text = re.sub(r"(explanation: \|\n\s+)", rf"\g<1>第{c + 1}回の見直し。", text, count=1)
            path.write_text(text)
        day = 2 + c
        git(out, "commit", "-qam", f"見直し {c + 1}",
            when=f"2026-02-{day:02d}T10:00:00+09:00" if day <= 28 else
            f"2026-03-{day - 28:02d}T10:00:00+09:00")
    if args.publish and args.commits:
        git(out, "tag", "-a", "checksheet/2026-04-01", "-m", "公開", when="2026-04-01T10:00:00+09:00")
    if args.book:
        book = args.book
        if book.exists():
            shutil.rmtree(book)
        (book / "src").mkdir(parents=True)
        (book / "book.toml").write_text('[book]\ntitle = "checksheet"\nlanguage = "ja"\n\n'
                                        '[output.html]\nno-section-label = true\n')
        # The same text as the site: a page per service sheet the site shows, in each
        # language, now and as each publication published it.
        editions = [("", lambda sid, i: (out / "answers" / f"{sid}.yaml").read_text())]
        if args.publish:
            editions.append(("2026-01-01", lambda sid, i: texts[TEMPLATES[i % 2]]))
            if args.commits:
                editions.append(("2026-04-01", editions[0][1]))
        summary = ["# Summary\n"]
        for language in ["ja", "en"]:
            for edition, text_of in editions:
                folder = book / "src" / language / (edition or "current")
                folder.mkdir(parents=True)
                for i in range(args.n):
                    sid = service_id(i)
                    title = f"サービス{i:05d}" if language == "ja" else f"Service {i:05d}"
                    if edition:
                        title += f" ({edition})"
                    (folder / f"{sid}.md").write_text(
                        f"# {title}\n\n```yaml\n{text_of(sid, i)}```\n")
                    path = folder.relative_to(book / "src") / f"{sid}.md"
                    summary.append(f"- [{title}](./{path})")
        (book / "src" / "SUMMARY.md").write_text("\n".join(summary) + "\n")


if __name__ == "__main__":
    main()
