"""Pairwise evaluation of merge decisions against a gold file (eval/consolidation/gold.jsonl).

Gold format: one JSON object per line, a frozen event record (``EventMention.to_json()`` as the coder
produced it) plus ``"gold_event"`` (a label: mentions with the same label are one real-world event),
``"order"`` (ingest order: articles are fed in this order) and optional ``"published"``.
Freezing the coder's output keeps the score about consolidation alone while the coder changes.

Every unordered pair of gold mentions is a decision: merged or not.  Precision = correct merges /
predicted merges; recall = correct merges / gold merges; F1 their harmonic mean.  Pairs of mentions
from one article are reported separately too (``within_article`` / ``cross_article``).
"""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "eval" / "consolidation" / "gold.jsonl"


def load_gold(path: str | Path | None = None) -> list[dict[str, Any]]:
    p = Path(path) if path else DEFAULT_GOLD
    if p.is_dir():
        p = p / "gold.jsonl"
    rows = [json.loads(line) for line in p.read_text("utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: (r.get("order", 0), (r.get("evidence") or {}).get("start") or 0, r["id"]))
    return rows


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


def score_pairs(gold: list[str], pred: list[str], articles: list[str]) -> dict[str, Any]:
    counts = {"all": [0, 0, 0], "within_article": [0, 0, 0], "cross_article": [0, 0, 0]}
    for i, j in combinations(range(len(gold)), 2):
        g, p = gold[i] == gold[j], pred[i] == pred[j]
        if not (g or p):
            continue
        k = 0 if (g and p) else (1 if p else 2)
        counts["all"][k] += 1
        counts["within_article" if articles[i] == articles[j] else "cross_article"][k] += 1
    return {name: _prf(*c) for name, c in counts.items()}


def evaluate_consolidation(path: str | Path | None = None, embedder: Any = None,
                           params: Any = None) -> dict[str, Any]:
    """Consolidate the gold mentions (in ingest order) and score pairwise merge decisions."""
    from .consolidator import Consolidator
    from .events import assign_event_ids  # v1 exact key, as a baseline

    rows = load_gold(path)
    cons = Consolidator(embedder=embedder, params=params)
    pred = cons.assign_ids(rows)
    gold = [r["gold_event"] for r in rows]
    arts = [r["article_id"] for r in rows]
    out = score_pairs(gold, pred, arts)
    base = _baseline(rows)
    out["baseline_exact_key"] = score_pairs(gold, base, arts)["all"]
    out["mentions"] = len(rows)
    out["gold_events"] = len(set(gold))
    out["predicted_events"] = len(set(pred))
    out["articles"] = len(set(arts))
    out["languages"] = sorted({r.get("language") for r in rows if r.get("language")})
    return out


def _baseline(rows: list[dict[str, Any]]) -> list[str]:
    from .events import PRECISION_CHARS
    import hashlib

    out = []
    for r in rows:
        date = (r.get("date") or "")[:PRECISION_CHARS.get(r.get("date_precision") or "day", 10)]
        a = ",".join(sorted({x["country"] for x in r.get("actor") or [] if x.get("country")}))
        b = ",".join(sorted({x["country"] for x in r.get("recipient") or [] if x.get("country")}))
        parts = [r["event_type"], a, b, date] + ([] if a or b else [r["article_id"]])
        out.append(hashlib.sha1("|".join(parts).encode()).hexdigest()[:16])
    return out


if __name__ == "__main__":  # python -m eventwire.consolidate.evaluate [gold.jsonl]
    import sys

    print(json.dumps(evaluate_consolidation(sys.argv[1] if len(sys.argv) > 1 else None), indent=1))
