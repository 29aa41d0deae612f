"""GDELT 2.0 *Mentions* table rows: one row per mention of an event, in GDELT's column order.

Columns (GDELT 2.0 Event Codebook, Mentions table) and what eventwire puts there:

GlobalEventID              integer derived from event_id, the same as GLOBALEVENTID of the events export
EventTimeDate              event first_seen (UTC, YYYYMMDDHHMMSS): when the event was first recorded
MentionTimeDate            the mentioning article's ingested_at (YYYYMMDDHHMMSS)
MentionType                1 (WEB) when the article has a URL, else 6 (other / file)
MentionSourceName          the article's site (host)
MentionIdentifier          the article URL (else its source URI or article id)
SentenceID                 1-based index of the evidence sentence in the article
Actor1CharOffset           char offset of the first actor's text in the article, -1 if not found
Actor2CharOffset           same for the first recipient
ActionCharOffset           char offset of the trigger word
InRawText                  1 (offsets are in the text the coder saw; no NLP rewriting)
Confidence                 round(mention confidence × 100), 0–100
MentionDocLen              characters of the article text
MentionDocTone             empty (eventwire computes no tone)
MentionDocTranslationInfo  empty for English, "srclc:<ISO 639-2>;eng:eventwire-native" otherwise
                           (the text was coded in its own language, not machine-translated)
Extras                     "<mention_id>" plus ";polarity=…;certainty=…" (eventwire additions)
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterator

from eventwire.store.export import gdelt_event_id

GDELT_MENTIONS_COLUMNS = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

_ISO3 = {"de": "deu", "en": "eng", "fr": "fra", "es": "spa", "it": "ita", "ru": "rus", "uk": "ukr",
         "ar": "ara", "zh": "zho", "pt": "por", "nl": "nld", "pl": "pol", "tr": "tur", "ko": "kor",
         "ja": "jpn"}


def _stamp(v: Any) -> str:
    if not v:
        return ""
    try:
        return datetime.fromisoformat(str(v)).strftime("%Y%m%d%H%M%S")
    except ValueError:
        return ""


def _offset(sentence: str, start: int | None, text: str | None) -> int:
    if not text or start is None or not sentence:
        return -1
    i = sentence.find(text)
    return start + i if i >= 0 else -1


def gdelt_mentions_rows(store: Any, filters: Any = None) -> Iterator[dict[str, Any]]:
    """GDELT Mentions rows (dicts keyed by ``GDELT_MENTIONS_COLUMNS``) for the store's mentions."""
    import duckdb

    from .records import store_articles

    rows = store.mentions(filters)
    arts = store_articles(store, {r["article_id"] for r in rows})
    first_seen: dict[str, str] = {}
    for r in rows:
        seen = (r.get("article") or {}).get("ingested_at") or ""
        e = r["event_id"]
        if seen and (e not in first_seen or seen < first_seen[e]):
            first_seen[e] = seen
    # sentence index and document length, one query over the store's Parquet
    sent_idx: dict[str, list[tuple[int, int]]] = {}
    doc_len: dict[str, int] = {}
    files_s = [str(store.batches_dir / b / "sentences.parquet") for b in store.batch_ids()]
    files_a = [str(store.batches_dir / b / "articles.parquet") for b in store.batch_ids()]
    if files_s:
        con = duckdb.connect(":memory:")
        try:
            for aid, idx, st in con.read_parquet(files_s, union_by_name=True).project(
                    'article_id, "index", "start"').fetchall():
                sent_idx.setdefault(aid, []).append((st, idx))
            for aid, n in con.read_parquet(files_a, union_by_name=True).project(
                    "id, length(text)").fetchall():
                doc_len[aid] = n
        finally:
            con.close()
    for lst in sent_idx.values():
        lst.sort()
    for r in sorted(rows, key=lambda r: (r["event_id"], r["article_id"], (r.get("evidence") or {}).get("start") or 0)):
        ev = r.get("evidence") or {}
        start = ev.get("start")
        sent = ev.get("sentence") or ""
        art = {**(r.get("article") or {}), **(arts.get(r["article_id"]) or {})}
        sid = -1
        for st, idx in sent_idx.get(r["article_id"], []):
            if start is not None and st <= start:
                sid = idx + 1
            else:
                break
        actor = (r.get("actor") or [{}])[0].get("text") if r.get("actor") else None
        recip = (r.get("recipient") or [{}])[0].get("text") if r.get("recipient") else None
        lang = r.get("language") or ""
        mod = r.get("modality") or {}
        yield {
            "GlobalEventID": gdelt_event_id(r["event_id"]),
            "EventTimeDate": _stamp(first_seen.get(r["event_id"])),
            "MentionTimeDate": _stamp(art.get("ingested_at")),
            "MentionType": 1 if art.get("url") else 6,
            "MentionSourceName": art.get("site") or "",
            "MentionIdentifier": art.get("url") or art.get("source_uri") or r["article_id"],
            "SentenceID": sid,
            "Actor1CharOffset": _offset(sent, start, actor),
            "Actor2CharOffset": _offset(sent, start, recip),
            "ActionCharOffset": _offset(sent, start, ev.get("trigger")),
            "InRawText": 1,
            "Confidence": int(round(100 * float(r.get("confidence") or 0.0))),
            "MentionDocLen": doc_len.get(r["article_id"], -1),
            "MentionDocTone": "",
            "MentionDocTranslationInfo": "" if lang in ("en", "") else
            f"srclc:{_ISO3.get(lang, lang)};eng:eventwire-native",
            "Extras": f"{r['id']};polarity={mod.get('polarity')};certainty={mod.get('certainty')}",
        }
