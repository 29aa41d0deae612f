"""The trained relation classifier at run time: numpy only, loaded once per process.

Artefact (under `eventwire/models/`): `relation_en.npz` (weights) + `relation_en.json` (name, version,
training-data hash, hyper-parameters, cross-validation scores, feature names).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from eventwire.coding.relation.data import PLOVER_TYPES
from eventwire.coding.relation.features import pair_features
from eventwire.records import Token

MODEL_DIR = Path(__file__).resolve().parents[2] / "models"
MODEL_NAME = "relation_en"
DEFAULT_MIN_SCORE = 0.25


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
        if len(self.classes) == 2 and z.shape[0] == 1:  # binary logistic
            p = 1.0 / (1.0 + np.exp(-z[0]))
            return np.array([1 - p, p], dtype=np.float32)
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()


def _as_columns(clf) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(clf.coef_, dtype=np.float32).T.copy(), np.asarray(clf.intercept_, dtype=np.float32)


class RelationModel:
    def __init__(self, main: _Linear, split: _Linear, meta: dict):
        self.main, self.split, self.meta = main, split, meta

    @classmethod
    def from_sklearn(cls, vec, clf, svec, sclf, meta: dict) -> "RelationModel":
        coef, b = _as_columns(clf)
        scoef, sb = _as_columns(sclf)
        return cls(_Linear(list(vec.feature_names_), list(clf.classes_), coef, b),
                   _Linear(list(svec.feature_names_), list(sclf.classes_), scoef, sb), meta)

    def save(self, out_dir: Path) -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        npz = out_dir / f"{MODEL_NAME}.npz"
        inv = sorted(self.main.index, key=self.main.index.get)
        sinv = sorted(self.split.index, key=self.split.index.get)
        np.savez_compressed(npz, coef=self.main.coef.astype(np.float16), intercept=self.main.intercept,
                            split_coef=self.split.coef.astype(np.float16), split_intercept=self.split.intercept,
                            features=np.array("\n".join(inv)), split_features=np.array("\n".join(sinv)))
        meta = dict(self.meta, classes=self.main.classes, yield_split_classes=self.split.classes)
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
        return cls(main, split, meta)

    def scores(self, text: str, actor, recipient, lang: str = "en",
               tokens: Sequence[Token] | None = None) -> dict[str, float]:
        feats = pair_features(text, _span(actor), _span(recipient), lang, tokens)
        p = self.main.proba(feats)
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
    scores = load_model().scores(text, actor_span, recipient_span, lang, tokens)
    best, p = next(iter(scores.items()))
    return (best if p >= min_score else None), scores
