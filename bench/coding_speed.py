"""Coding speed (no store): German news articles (10kGNAD rows 0–599) → documents → nlp → coding.

Run: .venv/bin/python bench/coding_speed.py [N]   (prints numbers; not a test)
"""
from __future__ import annotations

import csv
import resource
import sys
import time
from pathlib import Path

from eventwire.pipeline import code_article
from eventwire.documents import build_article
from eventwire.records import RawDocument

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "10kGNAD_test.csv"


def load(n: int) -> list[str]:
    with CORPUS.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=";", quotechar="'"))
    return [text for _, text in rows[:min(n, 600)]]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    texts = load(n)
    t0 = time.perf_counter()
    code_article(build_article(RawDocument("warmup", texts[0].encode()), language="de"))
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions = 0
    for i, text in enumerate(texts):
        article = build_article(RawDocument(f"row{i}", text.encode("utf-8")), language="de")
        mentions += len(code_article(article).mentions)
    elapsed = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(texts)}  mentions {mentions}  seconds {elapsed:.2f}  "
          f"articles/s {len(texts) / elapsed:.1f}  (one process)  warm-up {warm:.2f}s  peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
