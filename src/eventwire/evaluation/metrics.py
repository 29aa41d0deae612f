"""Shared metrics: per-class precision/recall/F1, macro and weighted F1, accuracy, detection P/R."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def classification_report(gold: Sequence[str | None], pred: Sequence[str | None],
                          labels: Iterable[str] | None = None) -> dict:
    """Single-label classification; None in `pred` is a wrong answer (no class).  Macro-F1 averages over
    the gold classes (or `labels`); weighted-F1 weights each class by its gold support."""
    assert len(gold) == len(pred)
    labels = sorted(set(labels) if labels is not None else {g for g in gold if g is not None})
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        n_gold[g] += 1
        n_pred[p] += 1
        if g == p:
            tp[g] += 1
    per = {c: prf(tp[c], n_pred[c], n_gold[c]) for c in labels}
    total = sum(n_gold[c] for c in labels)
    macro = sum(per[c]["f1"] for c in labels) / len(labels) if labels else 0.0
    weighted = sum(per[c]["f1"] * n_gold[c] for c in labels) / total if total else 0.0
    acc = sum(tp.values()) / len(gold) if gold else 0.0
    return {"n": len(gold), "accuracy": round(acc, 4), "macro_f1": round(macro, 4),
            "weighted_f1": round(weighted, 4), "per_class": per}
