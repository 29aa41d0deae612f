"""Near-duplicate signatures of stored articles, cached beside the batches (derived data).

``DIR/neardup/<batch_id>.parquet`` holds (article_id, size, signature) for one batch, written
after the batch by temp file + atomic rename.  It is a cache: a batch without one (a crash between
the batch and its signatures, a compaction that made a new batch) gets it recomputed from the
stored article text when a writer opens the store, and signatures of batches that no longer exist
are deleted then.  The writer lock makes the writer the only one to touch this folder.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.documents.neardup import NUM_PERM, NearDupIndex, signature

FOLDER = "neardup"
SCHEMA = pa.schema([("article_id", pa.string()), ("size", pa.int32()), ("sig", pa.binary(NUM_PERM * 4))])


def _folder(store) -> Path:
    return Path(store.path) / FOLDER


def write_signatures(store, batch_id: str, rows: list[tuple[str, np.ndarray, int]]) -> None:
    folder = _folder(store)
    folder.mkdir(exist_ok=True)
    table = pa.table({"article_id": [r[0] for r in rows], "size": [int(r[2]) for r in rows],
                      "sig": [r[1].astype("<u4").tobytes() for r in rows]}, schema=SCHEMA)
    tmp = folder / f".tmp-{batch_id}.parquet"
    pq.write_table(table, tmp)
    os.replace(tmp, folder / f"{batch_id}.parquet")


def load_index(store) -> tuple[NearDupIndex, dict[str, int]]:
    """The index over every stored article, in storage order; also how many signatures were
    read from the cache and how many recomputed (``{"cached": n, "recomputed": m}``)."""
    index = NearDupIndex()
    counts = {"cached": 0, "recomputed": 0}
    folder = _folder(store)
    batches = store.batch_ids()
    if folder.is_dir():
        keep = {f"{b}.parquet" for b in batches}
        for p in folder.iterdir():
            if p.name not in keep:
                p.unlink(missing_ok=True)
    for b in batches:
        arts = pq.read_table(store.batches_dir / b / "articles.parquet",
                             columns=["id", "text", "published", "dup_of"]).to_pylist()
        cached: dict[str, tuple[np.ndarray, int]] = {}
        f = folder / f"{b}.parquet"
        if f.exists():
            try:
                for r in pq.read_table(f).to_pylist():
                    cached[r["article_id"]] = (np.frombuffer(r["sig"], dtype="<u4").astype(np.uint32), r["size"])
            except Exception:  # a damaged cache is recomputed
                cached = {}
        missing = []
        for a in arts:
            if a["id"] in cached:
                sig, size = cached[a["id"]]
                counts["cached"] += 1
            else:
                sig, size = signature(a["text"] or "")
                missing.append((a["id"], sig, size))
                counts["recomputed"] += 1
            index.add(a["id"], sig, size, a["dup_of"], a["published"])
        if missing and not cached:
            write_signatures(store, b, missing)
    return index, counts
