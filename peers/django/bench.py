#!/usr/bin/env python3
"""Django 5.2 on the blog job of BENCHMARKS.md, on the SQLite files the
`related` bench writes (target/bench-data/blog-<posts>.sqlite3).

    python3 peers/django/bench.py [--sizes 500,10000,100000]

Creates its own virtualenv (target/peers/django-venv, Django==5.2.*) on first
run and re-runs itself inside it. The job: load every post with
`select_related("author").prefetch_related("tags")`, read the title, the
author's name and every tag name. Prints a table and writes
target/bench-data/django.json (median of several rounds per size): CPU
time of the process (`median_ms`, the clock the Rust benches use) and wall
time (`wall_median_ms`).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
VENV = os.path.join(ROOT, "target", "peers", "django-venv")
DATA = os.environ.get("RELATED_BENCH_DATA", os.path.join(ROOT, "target", "bench-data"))
ROUNDS = {500: 30, 10_000: 10, 100_000: 3}


def ensure_venv():
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([python, "-m", "pip", "install", "--quiet", "Django==5.2.*"])
    os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


def setup(path):
    import django
    from django.conf import settings

    sys.path.insert(0, HERE)
    settings.configure(
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": path}},
        INSTALLED_APPS=["blog"],
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        USE_TZ=False,
    )
    django.setup()


def job():
    from blog.models import Post

    posts = list(Post.objects.select_related("author").prefetch_related("tags"))
    touched = 0
    for p in posts:
        touched += len(p.title) + len(p.author.name)
        for t in p.tags.all():
            touched += len(t.name)
    return len(posts), touched


def naive():
    from blog.models import Post

    touched = 0
    posts = list(Post.objects.all())
    for p in posts:
        touched += len(p.title) + len(p.author.name)
        for t in p.tags.all():
            touched += len(t.name)
    return len(posts), touched


def measure(fn, rounds):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    queries = len(ctx.captured_queries)
    cpu, wall = [], []
    for _ in range(rounds):
        start_cpu, start = time.process_time(), time.perf_counter()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    reset_queries()
    return statistics.median(cpu), statistics.median(wall), queries


def run_one(n):
    """One size in a fresh process (Django binds one database per setup)."""
    path = os.path.join(DATA, f"blog-{n}.sqlite3")
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: run `cargo bench -p related --bench blog` first")
    setup(path)
    import sqlite3

    import django

    row = {"posts": n, "rounds": ROUNDS.get(n, 5)}
    try:
        count, _ = job()
        assert count == n, f"loaded {count} posts"
        row["median_ms"], row["wall_median_ms"], row["queries"] = measure(job, row["rounds"])
    except Exception as e:  # noqa: BLE001 - a failure is a result here
        row["median_ms"] = None
        row["error"] = f"{type(e).__name__}: {e}".splitlines()[0]
    if n <= 500:
        row["naive_median_ms"], row["naive_wall_median_ms"], row["naive_queries"] = measure(
            naive, row["rounds"]
        )
    row["django"] = django.get_version()
    row["python"] = sys.version.split()[0]
    row["sqlite"] = sqlite3.sqlite_version
    print(json.dumps(row))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="500,10000,100000")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    ensure_venv()
    if args.one is not None:
        run_one(args.one)
        return
    results = []
    for n in [int(s) for s in args.sizes.split(",")]:
        out = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--one", str(n)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        row = json.loads(out.strip().splitlines()[-1])
        results.append(row)
        ms = row.get("median_ms")
        shown = (
            f"{ms:,.1f} ms cpu ({row['wall_median_ms']:,.1f} ms wall), {row.get('queries')} queries"
            if ms is not None
            else f"fails: {row.get('error')}"
        )
        extra = ""
        if "naive_median_ms" in row:
            extra = f"; naive {row['naive_median_ms']:,.1f} ms, {row['naive_queries']} queries"
        print(f"django {row['django']} (python {row['python']}, sqlite {row['sqlite']}) {n:>7,} posts: {shown}{extra}")
    os.makedirs(DATA, exist_ok=True)
    with open(os.path.join(DATA, "django.json"), "w") as f:
        json.dump({"results": results}, f, indent=2)


if __name__ == "__main__":
    main()
