"""Event records: mentions grouped by ``event_id`` with merged fields and honest source counts.

``build_events(mentions, articles)`` works on ``Store.mentions()``-shaped dicts (event record +
``event_id`` + ``article``) and an ``{article_id: {site, url, dup_of, published, ingested_at,
language}}`` map; ``event_records(store, filters)`` reads both from a Store.

num_independent: articles are joined (union-find) when one is ``dup_of`` the other (or both are
copies of one original), and when two articles of the *same site* carry near-identical evidence
(normalized-sentence equality or word-set Jaccard ≥ 0.9) for the event; each group counts once.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

from .features import normalize_sentence

NEAR_DUP_JACCARD = 0.9


def store_articles(store: Any, article_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Article metadata (no text) straight from the store's Parquet batches, in one query."""
    import duckdb

    files = [str(store.batches_dir / b / "articles.parquet") for b in store.batch_ids()]
    if not files:
        return {}
    con = duckdb.connect(":memory:")
    try:
        rel = con.read_parquet(files, union_by_name=True)
        cols = set(rel.columns)
        want = [c for c in ("id", "url", "site", "title", "published", "language", "dup_of",
                            "content_hash", "ingested_at") if c in cols]
        rows = rel.project(", ".join(f'"{c}"' for c in want)).fetchall()
    finally:
        con.close()
    ids = set(article_ids) if article_ids is not None else None
    out = {}
    for row in rows:
        a = dict(zip(want, row))
        if ids is not None and a["id"] not in ids:
            continue
        for k in ("published", "ingested_at"):
            if a.get(k) is not None:
                a[k] = a[k].isoformat()
        out[a["id"]] = a
    return out


def _best(counter: Counter) -> dict[str, Any] | None:
    if not counter:
        return None
    value, support = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]
    return {"value": value, "support": support}


class _UF:
    def __init__(self) -> None:
        self.p: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


_WORD = re.compile(r"\w+", re.UNICODE)


def _words(s: str) -> set[str]:
    return set(_WORD.findall(normalize_sentence(s)))


def num_independent(mentions: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> int:
    uf = _UF()
    arts = sorted({m["article_id"] for m in mentions})
    for a in arts:
        uf.find(a)
        dup = (articles.get(a) or {}).get("dup_of")
        if dup:
            uf.union(a, dup)  # dup_of may name an article outside this event: it still joins copies
    by_site: dict[str, list[tuple[str, str, set[str]]]] = {}
    for m in mentions:
        site = (articles.get(m["article_id"]) or {}).get("site") or (m.get("article") or {}).get("site")
        if not site:
            continue
        sent = (m.get("evidence") or {}).get("sentence") or ""
        by_site.setdefault(site, []).append((m["article_id"], normalize_sentence(sent), _words(sent)))
    for items in by_site.values():
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                a, na, wa = items[i]
                b, nb, wb = items[j]
                if a == b or uf.find(a) == uf.find(b):
                    continue
                if na == nb or (wa and wb and len(wa & wb) / len(wa | wb) >= NEAR_DUP_JACCARD):
                    uf.union(a, b)
    return len({uf.find(a) for a in arts})


def _said_at(m: dict[str, Any], art: dict[str, Any]) -> str | None:
    a = m.get("article") or {}
    return art.get("published") or a.get("published") or art.get("ingested_at") or a.get("ingested_at")


def _mention_summary(m: dict[str, Any], art: dict[str, Any]) -> dict[str, Any]:
    ev = m.get("evidence") or {}
    a = m.get("article") or {}
    return {"id": m["id"], "article_id": m["article_id"], "url": art.get("url") or a.get("url"),
            "site": art.get("site") or a.get("site"), "language": m.get("language"),
            "event_type": m.get("event_type"),
            "evidence": {"start": ev.get("start"), "end": ev.get("end"), "sentence": ev.get("sentence"),
                         "trigger": ev.get("trigger")},
            "attribution": m.get("attribution"), "modality": m.get("modality"),
            "date": m.get("date"), "date_source": m.get("date_source"),
            "confidence": m.get("confidence"), "said_at": _said_at(m, art)}


def build_events(mentions: list[dict[str, Any]], articles: dict[str, dict[str, Any]] | None = None,
                 with_mentions: bool = True) -> list[dict[str, Any]]:
    """Group mention rows by ``event_id`` (falling back to the mention's own id) into event records,
    newest event date first."""
    articles = articles or {}
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        groups.setdefault(m.get("event_id") or m["id"], []).append(m)
    out = []
    for eid, ms in groups.items():
        ms = sorted(ms, key=lambda m: (m["article_id"], (m.get("evidence") or {}).get("start") or 0, m["id"]))
        arts = {m["article_id"]: {**(m.get("article") or {}), **(articles.get(m["article_id"]) or {})}
                for m in ms}
        types = Counter(m.get("event_type") for m in ms)
        modes = Counter(md for m in ms for md in (m.get("mode") or []))
        text_dates = Counter(m.get("date") for m in ms if m.get("date") and m.get("date_source") == "text")
        any_dates = Counter(m.get("date") for m in ms if m.get("date"))
        date = _best(text_dates) or _best(any_dates)
        precision = None
        if date:
            precision = Counter(m.get("date_precision") for m in ms if m.get("date") == date["value"]
                                ).most_common(1)[0][0]
        locs: Counter = Counter()
        loc_json: dict[str, dict[str, Any]] = {}
        for m in ms:
            loc = m.get("location")
            if loc and loc.get("name"):
                locs[loc["name"]] += 1
                loc_json.setdefault(loc["name"], loc)
        location = _best(locs)
        if location:
            location = {**loc_json[location["value"]], "support": location["support"]}
        actors = Counter(",".join(sorted({a["country"] for a in m.get("actor") or [] if a.get("country")}))
                         for m in ms)
        recips = Counter(",".join(sorted({a["country"] for a in m.get("recipient") or [] if a.get("country")}))
                         for m in ms)
        actors.pop("", None)
        recips.pop("", None)
        seen = [(m.get("article") or {}).get("ingested_at") or arts[m["article_id"]].get("ingested_at")
                for m in ms]
        seen = [s for s in seen if s]
        sites = {arts[a].get("site") or f"article:{a}" for a in arts}
        best_type = _best(types)
        rec = {
            "event_id": eid,
            "event_type": best_type["value"] if best_type else None,
            "event_type_support": best_type["support"] if best_type else 0,
            "mode": _best(modes),
            "date": date,
            "date_precision": precision,
            "location": location,
            "actor_countries": _best(actors),
            "recipient_countries": _best(recips),
            "num_mentions": len(ms),
            "num_articles": len(arts),
            "num_sources": len(sites),
            "num_independent": num_independent(ms, articles or {a: v for a, v in arts.items()}),
            "languages": sorted({m.get("language") for m in ms if m.get("language")}),
            "first_seen": min(seen) if seen else None,
            "last_seen": max(seen) if seen else None,
            "confidence": max((m.get("confidence") or 0.0) for m in ms),
        }
        if with_mentions:
            rec["mentions"] = [_mention_summary(m, arts[m["article_id"]]) for m in ms]
        out.append(rec)
    out.sort(key=lambda e: ((e["date"] or {}).get("value") or "", e["event_id"]), reverse=True)
    return out


def event_records(store: Any, filters: Any = None, with_mentions: bool = True) -> list[dict[str, Any]]:
    """Event records of a Store.  ``filters`` (an ``EventFilter``) selects events having a matching
    mention; every mention of a selected event is aggregated (as ``Store.events()`` does)."""
    if filters is None:
        rows = store.mentions()
    else:
        from dataclasses import replace

        hit = store.mentions(replace(filters, limit=None, offset=0))
        wanted = {r["event_id"] for r in hit}
        rows = [r for r in store.mentions() if r["event_id"] in wanted]
    arts = store_articles(store, {r["article_id"] for r in rows})
    events = build_events(rows, arts, with_mentions=with_mentions)
    if filters is not None and (filters.offset or filters.limit is not None):
        start = filters.offset or 0
        events = events[start: None if filters.limit is None else start + filters.limit]
    return events
