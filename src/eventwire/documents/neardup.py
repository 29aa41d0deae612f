"""Near-duplicate detection: MinHash over word shingles + LSH banding (numpy, deterministic).

Republished wire copies and syndicated pages share almost all their word 3-grams; different
articles on the same topic share almost none.  Every article gets a MinHash signature of
``NUM_PERM`` 32-bit values over its shingle set (shingles hashed with crc32, permutations by
multiply-shift hashing with fixed seeds, so signatures are the same in every process and run).
LSH with ``BANDS`` bands of ``ROWS`` rows finds candidates; a candidate is a near-duplicate when
the estimated Jaccard similarity is at least ``JACCARD`` or the estimated containment of the
smaller text in the larger is at least ``CONTAINMENT`` (a copy with extra navigation, header or
footer text around the same story) with Jaccard at least ``MIN_JACCARD_FOR_CONTAINMENT``.

A near-duplicate is linked to the *root* of its cluster: the earliest article (publication date,
then the order in which articles were stored) among the roots of the articles it matches.

Translations share no shingles; they are linked later, once consolidation has merged their events
across languages (``eventwire.consolidate.copies``).
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from datetime import date

import numpy as np

NUM_PERM = 126
ROWS = 3
BANDS = NUM_PERM // ROWS
SHINGLE = 3
JACCARD = 0.5
CONTAINMENT = 0.8
MIN_JACCARD_FOR_CONTAINMENT = 0.25
MIN_SHINGLES = 8  # shorter texts: exact duplicates only

_rng = np.random.default_rng(20241008)
_A = (_rng.integers(1, 2**63 - 1, NUM_PERM, dtype=np.uint64) | np.uint64(1))
_B = _rng.integers(0, 2**63 - 1, NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)
_EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> tuple[np.ndarray, int]:
    """(MinHash signature as uint32[NUM_PERM], number of distinct shingles)."""
    sh = shingles(text)
    if not sh:
        return _EMPTY.copy(), 0
    x = np.fromiter((zlib.crc32(s) for s in sh), dtype=np.uint64, count=len(sh))
    with np.errstate(over="ignore"):
        h = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return h.min(axis=0).astype(np.uint32), len(sh)


@dataclass
class Match:
    root: str
    matched: str
    jaccard: float


@dataclass
class NearDupIndex:
    """In-memory LSH index over the articles already stored and those of the current run."""

    ids: list[str] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)
    published: list[date | None] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    _sigs: list[np.ndarray] = field(default_factory=list)
    _pos: dict[str, int] = field(default_factory=dict)
    _bands: list[dict[bytes, list[int]]] = field(default_factory=lambda: [{} for _ in range(BANDS)])

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, article_id: str, sig: np.ndarray, size: int, root: str | None,
            published: date | None = None) -> None:
        if article_id in self._pos:
            return
        i = len(self.ids)
        self.ids.append(article_id)
        self.roots.append(root or article_id)
        self.published.append(published)
        self.sizes.append(size)
        self._sigs.append(sig)
        self._pos[article_id] = i
        if size < MIN_SHINGLES:
            return
        for b in range(BANDS):
            self._bands[b].setdefault(sig[b * ROWS:(b + 1) * ROWS].tobytes(), []).append(i)

    def query(self, sig: np.ndarray, size: int) -> Match | None:
        """The cluster root this signature is a near-duplicate of, or None."""
        if size < MIN_SHINGLES:
            return None
        cands: set[int] = set()
        for b in range(BANDS):
            hit = self._bands[b].get(sig[b * ROWS:(b + 1) * ROWS].tobytes())
            if hit:
                cands.update(hit)
        best: tuple | None = None
        for i in cands:
            j = float(np.count_nonzero(self._sigs[i] == sig)) / NUM_PERM
            inter = j * (size + self.sizes[i]) / (1.0 + j)
            contain = inter / max(1, min(size, self.sizes[i]))
            if j >= JACCARD or (contain >= CONTAINMENT and j >= MIN_JACCARD_FOR_CONTAINMENT):
                root = self.roots[i]
                r = self._pos.get(root, i)
                key = (self.published[r] or date.max, r)
                if best is None or key < best[0]:
                    best = (key, root, self.ids[i], j)
        if best is None:
            return None
        return Match(root=best[1], matched=best[2], jaccard=best[3])

    def link(self, article) -> tuple[object, np.ndarray, int, Match | None]:
        """Find ``article``'s original, add it to the index; returns (article with dup_of, sig, size, match)."""
        from dataclasses import replace

        sig, size = signature(article.text)
        match = self.query(sig, size)
        root = match.root if match else None
        if root == article.id:
            root = None
        if root is not None:
            article = replace(article, dup_of=root)
        self.add(article.id, sig, size, root, article.published)
        return article, sig, size, match
