"""`eventwire eval consolidation`: pairwise scores of merge decisions on eval/consolidation/gold.jsonl.

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
import re
from itertools import combinations
from pathlib import Path
from typing import Any

from eventwire.evaluation.common import DatasetMissing, split_title, table

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "eval" / "consolidation" / "gold.jsonl"


def load_gold(path: str | Path | None = None) -> list[dict[str, Any]]:
    p = Path(path) if path else DEFAULT_GOLD
    if p.is_dir():
        p = p / "gold.jsonl"
    if not p.exists():
        raise DatasetMissing(f"{p} not found (the consolidation gold lives in the repository's "
                             "eval/consolidation/; rebuild it with eval/consolidation/build_gold.py)")
    rows = [json.loads(line) for line in p.read_text("utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: (r.get("order", 0), (r.get("evidence") or {}).get("start") or 0, r["id"]))
    return rows


# Stories of the gold set (eval/consolidation/README.md): 10kGNAD rows that report one story are
# kept together, so the two halves never share an event and each hard negative (the Aleppo vs.
# Maarat al-Numan hospitals) stays inside one half.  Rows not listed here, the seed story and any
# gold event spanning several groups are joined into connected components.
STORIES: dict[str, tuple[int, ...]] = {
    "turkey_pkk_2015": (167, 374, 421),
    "turkey_syria_2016": (129, 209, 173),   # Ankara bombing, Azaz shelling, both hospital attacks
    "israel_palestine": (182, 305, 439, 564),
    "paris_brussels": (361, 551, 554),
    "syria": (4, 164, 506),
}
_ROW = re.compile(r"row (\d+)")


def story_of(row: dict[str, Any]) -> str:
    src = str(row.get("source") or "")
    m = _ROW.search(src)
    if m:
        n = int(m.group(1))
        for name, rows in STORIES.items():
            if n in rows:
                return name
        return f"row:{n}"
    if src.startswith("seed"):
        return "seed"
    return f"article:{row.get('article_id')}"


def stories(rows: list[dict[str, Any]]) -> list[str]:
    """A story key per row: ``story_of`` groups, joined where a gold event spans two of them."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, str] = {}
    for r in rows:
        s = story_of(r)
        g = first.setdefault(r["gold_event"], s)
        a, b = find(s), find(g)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [find(story_of(r)) for r in rows]


def split_rows(rows: list[dict[str, Any]], split: str = "all") -> list[dict[str, Any]]:
    """``"dev"`` / ``"test"`` halves of the gold by whole stories, or ``"all"``.

    Deterministic: stories by descending gold-pair count (then name) go one by one to the half with
    fewer gold pairs so far (ties: dev), so both halves carry about the same number of decisions."""
    if split == "all":
        return rows
    if split not in ("dev", "test"):
        raise ValueError(f"split must be 'dev', 'test' or 'all', not {split!r}")
    keys = stories(rows)
    members: dict[str, list[str]] = {}
    for k, r in zip(keys, rows):
        members.setdefault(k, []).append(r["gold_event"])
    pairs = {}
    for k, evs in members.items():
        c: dict[str, int] = {}
        for e in evs:
            c[e] = c.get(e, 0) + 1
        pairs[k] = sum(v * (v - 1) // 2 for v in c.values())
    half = {"dev": 0, "test": 0}
    side: dict[str, str] = {}
    for k in sorted(pairs, key=lambda k: (-pairs[k], -len(members[k]), k)):
        h = "dev" if half["dev"] <= half["test"] else "test"
        side[k] = h
        half[h] += pairs[k]
    return [r for k, r in zip(keys, rows) if side[k] == split]


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


def evaluate(split: str = "all", path: str | Path | None = None, embedder: Any = None,
             params: Any = None) -> dict[str, Any]:
    """Consolidate the gold mentions (in ingest order) and score pairwise merge decisions.

    ``split``: ``"all"`` (default), or ``"dev"`` / ``"test"``: one half of the gold by whole stories
    (``split_rows``); tune on dev, report test."""
    from eventwire.consolidate import Consolidator

    rows = split_rows(load_gold(path), split)
    cons = Consolidator(embedder=embedder, params=params)
    pred = cons.assign_ids(rows)
    gold = [r["gold_event"] for r in rows]
    arts = [r["article_id"] for r in rows]
    out = score_pairs(gold, pred, arts)
    base = _baseline(rows)
    out["baseline_exact_key"] = score_pairs(gold, base, arts)["all"]
    out["file"] = str(Path(path) if path else DEFAULT_GOLD)
    out["split"] = split
    out["stories"] = sorted(set(stories(rows)))
    out["mentions"] = len(rows)
    out["gold_events"] = len(set(gold))
    out["predicted_events"] = len(set(pred))
    out["articles"] = len(set(arts))
    out["languages"] = sorted({r.get("language") for r in rows if r.get("language")})
    return out


PRECISION_CHARS = {"day": 10, "week": 10, "month": 7, "year": 4}


def _baseline(rows: list[dict[str, Any]]) -> list[str]:
    """The first design, an exact key (type, countries, date at its precision), for comparison."""
    import hashlib

    out = []
    for r in rows:
        date = (r.get("date") or "")[:PRECISION_CHARS.get(r.get("date_precision") or "day", 10)]
        a = ",".join(sorted({x["country"] for x in r.get("actor") or [] if x.get("country")}))
        b = ",".join(sorted({x["country"] for x in r.get("recipient") or [] if x.get("country")}))
        parts = [r["event_type"], a, b, date] + ([] if a or b else [r["article_id"]])
        out.append(hashlib.sha1("|".join(parts).encode()).hexdigest()[:16])
    return out


def format_report(report: dict[str, Any]) -> str:
    """Pairwise precision / recall / F1 of merge decisions, beside the exact-key baseline."""
    def row(name: str, v: dict[str, Any]) -> list:
        return [name, v["precision"], v["recall"], v["f1"], v["tp"], v["fp"], v["fn"]]

    return "\n".join([
        f"{split_title('consolidation', report['split'])}: {report['file']} — {report['mentions']} mentions, "
        f"{report['gold_events']} gold events ({report['predicted_events']} predicted), "
        f"{report['articles']} articles, {', '.join(report['languages'])}",
        table(["pairs", "P", "R", "F1", "TP", "FP", "FN"],
              [row("all", report["all"]), row("within article", report["within_article"]),
               row("cross article", report["cross_article"]),
               row("baseline (exact key)", report["baseline_exact_key"])])])
