"""End-to-end event scoring shared by the Spanish and PETR2 evaluations: per sentence, gold and
predicted events are matched greedily one-to-one (a key function says when a pair matches)."""
from __future__ import annotations

from collections import Counter
from typing import Callable

from eventwire.evaluation.metrics import prf


def match_count(golds: list, preds: list, ok: Callable) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and ok(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


class EventTally:
    """Counts for recall / precision / spurious events per gold event, overall and by type."""

    def __init__(self):
        self.gold, self.pred, self.tp_gold, self.tp_pred = Counter(), Counter(), Counter(), Counter()

    def add(self, golds: list[dict], preds: list[dict], ok: Callable) -> list[tuple[int, int]]:
        pairs = match_count(golds, preds, ok)
        for g in golds:
            self.gold[g["type"]] += 1
        for p in preds:
            self.pred[p["type"]] += 1
        for gi, pi in pairs:
            self.tp_gold[golds[gi]["type"]] += 1
            self.tp_pred[preds[pi]["type"]] += 1
        return pairs

    def summary(self) -> dict:
        n_gold, n_pred, tp = sum(self.gold.values()), sum(self.pred.values()), sum(self.tp_gold.values())
        overall = prf(tp, n_pred, n_gold)
        overall["spurious_per_gold"] = round((n_pred - tp) / n_gold, 3) if n_gold else None
        by_type = {}
        for t in sorted(set(self.gold) | set(self.pred)):
            r = self.tp_gold[t] / self.gold[t] if self.gold[t] else None
            p = self.tp_pred[t] / self.pred[t] if self.pred[t] else None
            by_type[t] = {"gold": self.gold[t], "predicted": self.pred[t],
                          "recall": None if r is None else round(r, 3),
                          "precision": None if p is None else round(p, 3)}
        return {"overall": overall, "by_type": by_type}
