"""The claim tracker: per event, who asserted it, who denied it, who hedged — and when.

A mention's stance: ``denied`` (modality.polarity denied: someone denies the claim), ``negated`` (the
text says it did not happen), ``hedged`` (asserted with certainty probable/possible or a hedge word),
``asserted`` otherwise.  The one who takes the stance is the mention's attribution speaker; a mention
without a speaker is the article's own voice: the *narrator*, identified by the article's site.
``modality.denied_by`` actors add a ``denied`` stance of their own.  "Said at" is the article's
publication date, else its ingest time.
"""
from __future__ import annotations

from typing import Any

STANCES = ("asserted", "hedged", "denied", "negated")


def _stance(m: dict[str, Any]) -> str:
    mod = m.get("modality") or {}
    pol = mod.get("polarity") or "asserted"
    if pol == "denied":
        return "denied"
    if pol == "negated":
        return "negated"
    if (mod.get("certainty") or "certain") != "certain" or mod.get("hedge"):
        return "hedged"
    return "asserted"


def _who(ref: dict[str, Any] | None, site: str | None, article_id: str) -> tuple[str, dict[str, Any]]:
    if ref and (ref.get("name") or ref.get("text") or ref.get("country")):
        label = ref.get("name") or ref.get("text") or ref.get("country")
        key = f"speaker:{(ref.get('name') or ref.get('text') or '').lower()}|{ref.get('country') or ''}"
        return key, {"kind": "speaker", "label": label, "name": ref.get("name"), "text": ref.get("text"),
                     "country": ref.get("country"), "sector": ref.get("sector")}
    label = site or f"article:{article_id}"
    return f"narrator:{label}", {"kind": "narrator", "label": label, "name": None, "text": None,
                                 "country": None, "sector": None}


def claims(store_or_mentions: Any, articles: dict[str, dict[str, Any]] | None = None,
           event_ids: set[str] | None = None) -> list[dict[str, Any]]:
    """Claim records, one per event: ``{event_id, event_type, actor_countries, recipient_countries,
    date, asserted_by, hedged_by, denied_by, negated_by, timeline}``.

    ``store_or_mentions``: a Store, or ``Store.mentions()``-shaped dicts (event record + ``event_id``
    + ``article``).  Each ``*_by`` entry: ``{speaker, stance, certainty, hedge, cue, via, count,
    first_said, last_said, evidence: {mention_id, article_id, url, site, start, end, sentence}}``.
    """
    from .records import build_events, store_articles

    if hasattr(store_or_mentions, "mentions") and hasattr(store_or_mentions, "batch_ids"):
        rows = store_or_mentions.mentions()
        articles = store_articles(store_or_mentions, {r["article_id"] for r in rows})
    else:
        rows = [m.to_json() if hasattr(m, "to_json") else m for m in store_or_mentions]
    articles = articles or {}
    if event_ids is not None:
        rows = [r for r in rows if (r.get("event_id") or r["id"]) in event_ids]
    events = {e["event_id"]: e for e in build_events(rows, articles, with_mentions=False)}
    by_event: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_event.setdefault(r.get("event_id") or r["id"], []).append(r)
    out = []
    for eid, ms in by_event.items():
        entries: dict[tuple[str, str], dict[str, Any]] = {}
        timeline = []
        for m in ms:
            art = {**(m.get("article") or {}), **(articles.get(m["article_id"]) or {})}
            said = art.get("published") or art.get("ingested_at")
            ev = m.get("evidence") or {}
            evidence = {"mention_id": m["id"], "article_id": m["article_id"], "url": art.get("url"),
                        "site": art.get("site"), "start": ev.get("start"), "end": ev.get("end"),
                        "sentence": ev.get("sentence")}
            attr = m.get("attribution") or {}
            mod = m.get("modality") or {}
            takes = [(attr.get("speaker"), _stance(m))]
            takes += [(d, "denied") for d in mod.get("denied_by") or []]
            for ref, stance in takes:
                key, who = _who(ref, art.get("site"), m["article_id"])
                item = {"speaker": who, "stance": stance, "certainty": mod.get("certainty"),
                        "hedge": mod.get("hedge"), "cue": attr.get("cue"),
                        "via": attr.get("via") or [], "backed_by": attr.get("backed_by") or [],
                        "said_at": said, "evidence": evidence}
                timeline.append(item)
                e = entries.get((key, stance))
                if e is None:
                    entries[(key, stance)] = {**item, "count": 1, "first_said": said, "last_said": said}
                    del entries[(key, stance)]["said_at"]
                else:
                    e["count"] += 1
                    if said and (e["first_said"] is None or said < e["first_said"]):
                        e["first_said"], e["evidence"] = said, evidence
                    if said and (e["last_said"] is None or said > e["last_said"]):
                        e["last_said"] = said
        timeline.sort(key=lambda t: (t["said_at"] or "9999", t["evidence"]["article_id"],
                                     t["evidence"]["start"] or 0))
        info = events[eid]
        rec = {"event_id": eid, "event_type": info["event_type"],
               "actor_countries": (info["actor_countries"] or {}).get("value"),
               "recipient_countries": (info["recipient_countries"] or {}).get("value"),
               "date": (info["date"] or {}).get("value"), "timeline": timeline}
        for stance in STANCES:
            rec[f"{stance}_by"] = sorted((e for (k, s), e in entries.items() if s == stance),
                                         key=lambda e: (e["first_said"] or "9999", e["speaker"]["label"]))
        out.append(rec)
    out.sort(key=lambda c: (c["date"] or "", c["event_id"]), reverse=True)
    return out
