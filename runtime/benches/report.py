#!/usr/bin/env python3
"""Print the blog benchmark's medians and ratios as Markdown tables.

Reads criterion's estimates under target/criterion (written by
`cargo bench -p related --bench blog`) and, when present, the peers'
(`target/peers/criterion`) and Django's (`target/bench-data/django.json`).

    python3 runtime/benches/report.py [--criterion DIR] [--peers DIR] [--django FILE]
"""

import argparse
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SIZES = [500, 10_000, 100_000]


def median_ns(base, group, name):
    path = os.path.join(base, group, name, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"]
    except (OSError, KeyError, ValueError):
        return None


def fmt(ns):
    if ns is None:
        return "-"
    ms = ns / 1e6
    if ms < 10:
        return f"{ms:.2f} ms"
    if ms < 100:
        return f"{ms:.1f} ms"
    return f"{ms:,.0f} ms"


def ratio(a, b):
    if a is None or b is None:
        return "-"
    return f"{a / b:.3f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--criterion", default=os.path.join(ROOT, "target", "criterion"))
    ap.add_argument("--peers", default=os.path.join(ROOT, "target", "peers", "criterion"))
    ap.add_argument("--django", default=os.path.join(ROOT, "target", "bench-data", "django.json"))
    args = ap.parse_args()

    if not os.path.isdir(args.criterion):
        sys.exit(f"no criterion results in {args.criterion}: run `cargo bench -p related --bench blog`")

    print("### related against the hand-written limit (medians, one run)\n")
    print("| backend | posts | related | limit (rarray) | hand IN list | naive N+1 | related / limit | in-list / limit | naive / related |")
    print("|---|---|---|---|---|---|---|---|---|")
    for backend in ("file", "memory"):
        for n in SIZES:
            g = f"{backend}_{n}"
            rel = median_ns(args.criterion, g, "related")
            lim = median_ns(args.criterion, g, "limit")
            inl = median_ns(args.criterion, g, "in_list")
            nai = median_ns(args.criterion, g, "naive")
            if rel is None and lim is None:
                continue
            print(
                f"| SQLite {backend} | {n:,} | {fmt(rel)} | {fmt(lim)} | {fmt(inl)} | {fmt(nai)} "
                f"| {ratio(rel, lim)} | {ratio(inl, lim)} | {ratio(nai, rel)} |"
            )

    peers = {}
    if os.path.isdir(args.peers):
        for n in SIZES:
            for name in ("diesel", "seaorm", "seaorm_loader"):
                peers[(name, n)] = median_ns(args.peers, f"peers_{n}", name)
    django = {}
    try:
        with open(args.django) as f:
            for row in json.load(f)["results"]:
                django[row["posts"]] = row
    except (OSError, KeyError, ValueError):
        pass
    try:
        with open(os.path.join(os.path.dirname(args.peers), "..", "bench-data", "peers-failures.json")) as f:
            failures = json.load(f)
    except (OSError, ValueError):
        failures = {}
    if peers or django:
        print("\n### peers on the same SQLite file (medians)\n")
        print("| posts | related | limit | Diesel | SeaORM (find_also_related + load_many) | SeaORM (entity loader) | Django 5.2 | Diesel / related | SeaORM / related | SeaORM loader / related | Django / related | Django / limit |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for n in SIZES:
            rel = median_ns(args.criterion, f"file_{n}", "related")
            lim = median_ns(args.criterion, f"file_{n}", "limit")
            cells = []
            vals = []
            for name in ("diesel", "seaorm", "seaorm_loader"):
                v = peers.get((name, n))
                vals.append(v)
                if v is None:
                    err = failures.get(f"{name}_{n}")
                    cells.append(f"fails: {err}" if err else "-")
                else:
                    cells.append(fmt(v))
            d = django.get(n)
            dv = None
            if d is not None and d.get("median_ms") is not None:
                dv = d["median_ms"] * 1e6
                cells.append(fmt(dv))
            elif d is not None:
                cells.append(f"fails: {d.get('error')}")
            else:
                cells.append("-")
            print(
                f"| {n:,} | {fmt(rel)} | {fmt(lim)} | {' | '.join(cells)} "
                f"| {ratio(vals[0], rel)} | {ratio(vals[1], rel)} | {ratio(vals[2], rel)} "
                f"| {ratio(dv, rel)} | {ratio(dv, lim)} |"
            )


if __name__ == "__main__":
    main()
