"""Train the relation classifier (`eventwire train`, `tools/train_relation.py`).

Data: PLV_train.tsv (gold spans), NGEC synthetic stories (ledes, no spans) and headline templates (country
slots filled → spans), PLOVER_GSR_CAMEO records (old labels mapped).  Sentences that also occur in
PLV_test.tsv are dropped (the GSR file shares most of its CAMEO-manual sentences with PLV_test); only the
*text* column of PLV_test is read for that, never its labels.

Model: L2 logistic regression (scikit-learn, multinomial) over `pair_features`; C and the weight of the
non-PLV sources chosen by stratified 5-fold cross-validation on PLV_train only (the extra sources are
always added to the training folds, never scored).  A second binary model splits the YIELD class into
CONCEDE / RETREAT, trained on the sources that distinguish them.  The artefact is numpy-only at run time.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Callable

import numpy as np

from eventwire.coding.relation.data import (Example, all_sources, read_plv, shared_dir)
from eventwire.coding.relation.features import pair_features
from eventwire.coding.relation.model import MODEL_DIR, MODEL_NAME, RelationModel

SEED = 20240
GRID_C = (2.0, 4.0, 8.0)
GRID_EXTRA = (0.0, 0.1)
MIN_COUNT = 2


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def load_training(shared: Path) -> dict[str, list[Example]]:
    sources = all_sources(shared)
    test_path = shared / "eval" / "PLV_test.tsv"
    held_out = {_norm(r["text"]) for r in read_plv(test_path)} if test_path.exists() else set()
    for name in list(sources):
        if name != "plv":
            sources[name] = [e for e in sources[name] if _norm(e.text) not in held_out]
    return sources


def data_hash(sources: dict[str, list[Example]]) -> str:
    h = hashlib.sha256()
    for name in sorted(sources):
        for e in sources[name]:
            h.update(json.dumps([name, e.text, e.actor, e.recipient, e.label, e.sublabel]).encode())
    return h.hexdigest()


def _featurize(examples: list[Example]) -> list[dict[str, float]]:
    return [pair_features(e.text, e.actor, e.recipient, "en") for e in examples]


def _fit(feats, labels, weights, C, min_count=MIN_COUNT):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= min_count}
    vec = DictVectorizer(dtype=np.float32)
    X = vec.fit_transform([{k: v for k, v in f.items() if k in keep} for f in feats])
    clf = LogisticRegression(C=C, max_iter=3000, random_state=SEED)
    clf.fit(X, labels, sample_weight=weights)
    return vec, clf


def _macro_f1(gold: list[str], pred: list[str]) -> float:
    from eventwire.evaluation.metrics import classification_report
    return classification_report(gold, pred)["macro_f1"]


def cross_validate(sources, log: Callable[[str], None] = print, folds: int = 5):
    from sklearn.model_selection import StratifiedKFold

    plv = sources["plv"]
    extra = [e for name, ex in sources.items() if name != "plv" for e in ex]
    f_plv, f_extra = _featurize(plv), _featurize(extra)
    y_plv = np.array([e.label for e in plv])
    y_extra = [e.label for e in extra]
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    results = []
    for w_extra in GRID_EXTRA:
        for C in GRID_C:
            preds = np.empty(len(plv), dtype=object)
            for train_idx, test_idx in skf.split(np.zeros(len(plv)), y_plv):
                feats = [f_plv[i] for i in train_idx] + (f_extra if w_extra else [])
                labels = list(y_plv[train_idx]) + (y_extra if w_extra else [])
                weights = [1.0] * len(train_idx) + ([w_extra] * len(extra) if w_extra else [])
                vec, clf = _fit(feats, labels, np.array(weights), C)
                preds[test_idx] = clf.predict(vec.transform([f_plv[i] for i in test_idx]))
            score = _macro_f1(list(y_plv), list(preds))
            results.append({"C": C, "extra_weight": w_extra, "cv_macro_f1": round(score, 4)})
            log(f"  C={C:<4} extra_weight={w_extra:<4} CV macro-F1 {score:.4f}")
    best = max(results, key=lambda r: (r["cv_macro_f1"], -r["extra_weight"]))
    return best, results


def train(shared: Path | None = None, out_dir: Path = MODEL_DIR, log: Callable[[str], None] = print,
          grid: bool = True) -> dict:
    shared = shared or shared_dir()
    if shared is None or not (shared / "eval" / "PLV_train.tsv").exists():
        raise FileNotFoundError("../shared/eval/PLV_train.tsv not found (set EVENTWIRE_SHARED)")
    np.random.seed(SEED)
    t0 = time.time()
    sources = load_training(shared)
    log("training data: " + ", ".join(f"{k} {len(v)}" for k, v in sources.items()))
    if grid:
        best, results = cross_validate(sources, log)
    else:
        best, results = {"C": 2.0, "extra_weight": 0.25, "cv_macro_f1": None}, []
    log(f"selected C={best['C']} extra_weight={best['extra_weight']} (CV macro-F1 {best['cv_macro_f1']})")

    plv = sources["plv"]
    extra = [e for name, ex in sources.items() if name != "plv" for e in ex] if best["extra_weight"] else []
    examples = plv + extra
    weights = np.array([1.0] * len(plv) + [best["extra_weight"]] * len(extra))
    vec, clf = _fit(_featurize(examples), [e.label for e in examples], weights, best["C"])

    # CONCEDE vs RETREAT inside YIELD
    sub = [e for ex in sources.values() for e in ex if e.sublabel]
    svec, sclf = _fit(_featurize(sub), [e.sublabel for e in sub], None, 1.0)

    meta = {
        "name": MODEL_NAME,
        "version": 1,
        "created_by": "eventwire train (eventwire.coding.relation.train)",
        "training_data_sha256": data_hash(sources),
        "training_data": {k: len(v) for k, v in sources.items()},
        "sources": {"plv": "../shared/eval/PLV_train.tsv",
                    "synthetic": "../shared/reference/ngec/gpt_synthetic_events_2023-10-19.csv.zip (ledes)",
                    "headline": "../shared/reference/ngec/synthetic_headlines.csv",
                    "gsr": "../shared/reference/plover/PLOVER_GSR_CAMEO.txt minus sentences found in PLV_test"},
        "seed": SEED,
        "hyperparameters": {"C": best["C"], "extra_weight": best["extra_weight"], "min_count": MIN_COUNT},
        "cv": {"folds": 5, "selected_macro_f1": best["cv_macro_f1"], "grid": results},
        "classes": list(clf.classes_),
        "yield_split_classes": list(sclf.classes_),
        "n_features": len(vec.feature_names_),
        "train_seconds": round(time.time() - t0, 1),
    }
    model = RelationModel.from_sklearn(vec, clf, svec, sclf, meta)
    paths = model.save(out_dir)
    meta["files"] = {p.name: p.stat().st_size for p in paths}
    log(f"wrote {', '.join(str(p) for p in paths)} ({sum(p.stat().st_size for p in paths) / 1e6:.2f} MB)")
    return meta
