"""Ingest benchmark: files → sources → documents → nlp → coding → store (the whole pipeline).

(a) text: rows 0–599 of shared/corpora/10kGNAD_test.csv written as .txt files (rows >= 600 are
    held out and never read);
(b) html: the same rows as HTML pages with navigation, sidebar, footer and cookie banner (trafilatura).
Prints articles/s (after a one-article warm-up that loads the lexicons) and peak RSS; also the
near-duplicate index cost (signatures recomputed from stored text vs read from the cache).

Run: .venv/bin/python bench/ingest.py [text|html|both] [N] [--profile]   (prints numbers; not a test)
"""
from __future__ import annotations

import csv
import html
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "10kGNAD_test.csv"
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "ingest"))


def load(n: int) -> list[str]:
    with CORPUS.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))[:600]
    return [text for _, text in rows[:min(n, 600)]]


def write(folder: Path, texts: list[str], kind: str) -> None:
    from make_fixtures import page

    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        if kind == "html":
            (folder / f"a{i:04d}.html").write_text(page(html.escape(text.split(". ")[0][:90]), text), "utf-8")
        else:
            (folder / f"a{i:04d}.txt").write_text(text, "utf-8")


def run(kind: str, texts: list[str], tmp: Path, profile: bool) -> None:
    from eventwire.pipeline import code_article, ingest
    from eventwire.records import Article
    from eventwire.store import Store

    folder = tmp / kind
    write(folder, texts, kind)
    t0 = time.perf_counter()
    code_article(Article(id="w", url=None, site=None, title=None, text=texts[0], published=None, language="de",
                         content_hash="w", source_uri="w"))
    warm = time.perf_counter() - t0
    store = Store(tmp / f"store-{kind}")
    profiler = None
    if profile:
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.005)
        profiler.start()
    t0 = time.perf_counter()
    c0 = time.process_time()
    s = ingest([str(folder)], store)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if profiler is not None:
        profiler.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"({'a' if kind == 'text' else 'b'}) {kind}: articles {s.coded}  mentions {s.mentions}  seconds "
          f"{elapsed:.2f}  articles/s {s.coded / elapsed:.1f}  (CPU {cpu:.2f}s: {s.coded / cpu:.1f} articles per CPU-s)  warm-up {warm:.2f}s  peak RSS {rss:.0f} MB  "
          f"failed {s.failed}  near-dups {s.near_duplicates}", flush=True)
    from eventwire.store.signatures import FOLDER, load_index
    t0 = time.perf_counter()
    _, counts = load_index(store)
    cached = time.perf_counter() - t0
    for f in (tmp / f"store-{kind}" / FOLDER).glob("*.parquet"):
        f.unlink()
    t0 = time.perf_counter()
    _, counts2 = load_index(store)
    recomputed = time.perf_counter() - t0
    print(f"    near-dup index at writer open over {s.coded} stored articles: from cached signatures "
          f"{cached * 1000:.0f} ms, recomputed from stored text {recomputed * 1000:.0f} ms", flush=True)
    if profiler is not None:
        out = ROOT / "bench" / f"profile-{kind}.txt"
        out.write_text(profiler.output_text(unicode=False, color=False, show_all=False), "utf-8")
        print(f"    profile written to {out}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    kind = args[0] if args else "both"
    n = int(args[1]) if len(args) > 1 else 600
    texts = load(n)
    with tempfile.TemporaryDirectory() as d:
        for k in (["text", "html"] if kind == "both" else [kind]):
            run(k, texts, Path(d), "--profile" in sys.argv)


if __name__ == "__main__":
    main()
