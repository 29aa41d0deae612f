"""(c) Dask scale-out: the whole ingest of rows 0–599 (text files) with --workers 2 vs --workers 1.

Both runs use a LocalCluster of single-threaded worker processes, the same shards (batch size) and a
fresh store; the cluster start and worker warm-up are reported apart from the ingest time.
Run: .venv/bin/python bench/ingest_dask.py [N] [BATCH]   (prints numbers; not a test)
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    from ingest import load, write

    from eventwire.pipeline import ingest
    from eventwire.scale import DaskCoder
    from eventwire.store import Store

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    texts = load(n)
    results = {}
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "text"
        write(folder, texts, "text")
        for workers in (1, 2):
            t0 = time.perf_counter()
            dc = DaskCoder(workers=workers)
            start = time.perf_counter() - t0
            try:
                t0 = time.perf_counter()
                s = ingest([str(folder)], Store(Path(d) / f"store{workers}"), batch_size=batch, coder=dc.map)
                elapsed = time.perf_counter() - t0
            finally:
                dc.close()
            results[workers] = elapsed
            print(f"(c) dask workers={workers}: articles {s.coded}  seconds {elapsed:.2f}  "
                  f"articles/s {s.coded / elapsed:.1f}  (cluster start + warm-up {start:.1f}s, batch {batch})",
                  flush=True)
    print(f"(c) speed-up 2 workers vs 1: {results[1] / results[2]:.2f}x (same run)")


if __name__ == "__main__":
    main()
