"""The relation classifier's encoder head: MiniLM-L6 fine-tuned with low-rank adapters, in numpy.

The sentence goes in with typed punctuation markers around the marked spans ("@ Russia @ attacked
# Kyiv #"); the head reads the vectors at the two opening markers and the mean of all pieces. Training
(`coding/relation/finetune.py`, PyTorch, `eventwire train` only) learns a rank-`RANK` update `B @ A` for
each adapted weight matrix and the linear head; here the updates are merged into the base weights once
per process, so a prediction costs one forward pass of the six-layer encoder (a few ms per pair).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from eventwire.nlp.minilm import MAX_PIECES, MiniLM, WordPiece, load_minilm, softmax

ADAPTED = ("attention.self.query", "attention.self.value", "attention.output.dense", "output.dense")
RANK = 8
ALPHA = 16.0
MARKERS = {"actor": "@", "recipient": "#"}
ARRAY_PREFIX = "encoder:"  # arrays of this head inside the relation model's npz


def marked_ids(tokenizer: WordPiece, text: str, actor, recipient) -> tuple[list[int], int, int]:
    """[CLS] pieces [SEP] with a marker piece before and after each span; the positions of the two
    opening markers (0, the [CLS] vector, for a span that is missing or cut off)."""
    inserts = []  # (char offset, closes?, marker, role): at one offset a closing marker goes first
    for role, span in (("actor", actor), ("recipient", recipient)):
        if span and span[1] > span[0]:
            inserts += [(span[0], 1, MARKERS[role], role), (span[1], 0, MARKERS[role], None)]
    inserts.sort(key=lambda m: (m[0], m[1]))
    ids, opened, k = [tokenizer.cls], {}, 0
    for piece in tokenizer.pieces(text) + [None]:
        while k < len(inserts) and (piece is None or inserts[k][0] <= piece.start):
            _, _, marker, role = inserts[k]
            if role:
                opened[role] = len(ids)
            ids.append(tokenizer.index[marker])
            k += 1
        if piece is not None:
            ids.append(piece.id)
    ids = ids[:MAX_PIECES - 1] + [tokenizer.sep]
    limit = len(ids) - 1
    return ids, _inside(opened.get("actor", 0), limit), _inside(opened.get("recipient", 0), limit)


def _inside(position: int, limit: int) -> int:
    return position if position < limit else 0


def pooled(hidden: np.ndarray, mask: np.ndarray, actor_pos: np.ndarray, recipient_pos: np.ndarray) -> np.ndarray:
    """What the linear head reads: the two opening markers' vectors and the mean over the pieces."""
    rows = np.arange(len(hidden))
    mean = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return np.concatenate([hidden[rows, actor_pos], hidden[rows, recipient_pos], mean], axis=-1)


class EncoderHead:
    def __init__(self, adapters: dict[str, tuple[np.ndarray, np.ndarray]], coef: np.ndarray, intercept: np.ndarray,
                 base: MiniLM | None = None):
        self.adapters = adapters
        self.coef, self.intercept = coef.astype(np.float32), intercept.astype(np.float32)
        self._encoder = base

    @property
    def encoder(self) -> MiniLM:
        """The base model with the adapters merged in, built on first use."""
        if self._encoder is None:
            self._encoder = load_minilm().adapted({name: (ALPHA / RANK) * (b.astype(np.float32) @ a.astype(np.float32))
                                                   for name, (a, b) in self.adapters.items()})
        return self._encoder

    def proba(self, items: Sequence[tuple], batch: int = 32) -> np.ndarray:
        """(text, actor span, recipient span) triples → class probabilities (columns as the lexical model)."""
        encoded = [marked_ids(self.encoder.tokenizer, text, a, r) for text, a, r in items]
        out = np.zeros((len(items), self.coef.shape[1]), dtype=np.float32)
        for chunk, hidden, mask in self.encoder.forward_batches([e[0] for e in encoded], batch):
            feats = pooled(hidden, mask, np.array([encoded[i][1] for i in chunk]),
                           np.array([encoded[i][2] for i in chunk]))
            out[chunk] = softmax(feats @ self.coef + self.intercept)
        return out

    def arrays(self) -> dict[str, np.ndarray]:
        out = {f"{ARRAY_PREFIX}coef": self.coef.astype(np.float16), f"{ARRAY_PREFIX}intercept": self.intercept}
        for name, (a, b) in self.adapters.items():
            out[f"{ARRAY_PREFIX}{name}.A"] = a.astype(np.float16)
            out[f"{ARRAY_PREFIX}{name}.B"] = b.astype(np.float16)
        return out

    @classmethod
    def from_arrays(cls, data) -> "EncoderHead | None":
        names = [k for k in data.files if k.startswith(ARRAY_PREFIX)] if hasattr(data, "files") else list(data)
        if f"{ARRAY_PREFIX}coef" not in names:
            return None
        adapters = {k[len(ARRAY_PREFIX):-2]: (data[k], data[k[:-2] + ".B"]) for k in names if k.endswith(".A")}
        return cls(adapters, data[f"{ARRAY_PREFIX}coef"], data[f"{ARRAY_PREFIX}intercept"])
