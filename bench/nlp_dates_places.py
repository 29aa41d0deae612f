"""Throughput of eventwire.nlp.dates.find_dates and eventwire.nlp.places.find_places.

Reads the first N articles (default 300) of the 10kGNAD test split (German news; only rows 0–599 are
used), splits them into sentences with a simple regex, and prints index build time and sentences/s.
Run: `.venv/bin/python bench/nlp_dates_places.py [N] [--show]`.
"""
from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kGNAD_test.csv"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpora/10kGNAD_test.csv")
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")


def load(n: int) -> list[str]:
    texts = []
    with CORPUS.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'")):
            if i >= min(n, 600):
                break
            if len(row) >= 2:
                texts.append(row[1])
    return texts


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 300
    show = "--show" in sys.argv
    texts = load(n)
    sents = [s for t in texts for s in SENT.split(t) if s.strip()]
    print(f"{len(texts)} articles, {len(sents)} sentences, {sum(map(len, sents)) / len(sents):.0f} chars/sentence")

    t0 = time.perf_counter()
    from eventwire.nlp import dates, places
    dates.find_dates("am 3. Oktober", "de", date(2024, 10, 8))
    t1 = time.perf_counter()
    places.find_places("in Donezk", "de")
    t2 = time.perf_counter()
    print(f"dates lexicon build: {(t1 - t0) * 1000:.0f} ms; places index build: {(t2 - t1) * 1000:.0f} ms")

    pub = date(2016, 5, 1)
    for name, fn in (("find_dates", lambda s: dates.find_dates(s, "de", pub)),
                     ("find_places", lambda s: places.find_places(s, "de"))):
        best, hits = 1e9, []
        for _ in range(3):
            t = time.perf_counter()
            hits = [fn(s) for s in sents]
            best = min(best, time.perf_counter() - t)
        total = sum(len(h) for h in hits)
        print(f"{name}: {len(sents) / best:,.0f} sentences/s ({len(texts) / best:,.0f} articles/s), {total} hits")
        if show:
            c = Counter((r.text, getattr(r, "name", None) or str(getattr(r, "value", ""))) for h in hits for r in h)
            print("  most common:", c.most_common(80))


if __name__ == "__main__":
    main()
