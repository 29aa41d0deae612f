"""Arrow schemas of the store tables and the conversion of typed records into Arrow tables.

Three tables, each written as one Parquet file per batch (``batches/<batch_id>/<table>.parquet``):

- ``articles``:  one row per stored article (``Article`` + ingest metadata).
- ``sentences``: one row per sentence of a stored article (``Sentence`` + ``article_id``).
- ``mentions``:  one row per ``EventMention``; flattened columns for querying, derived from
  ``EventMention.to_json()`` (the event record contract of DESIGN.md) so that the contract stays the
  single source.  ``record`` holds that JSON verbatim and is the source of truth for exports.

Flattening rules for mentions:

- ``actor_countries`` / ``recipient_countries``: distinct non-null ``country`` values of the actor /
  recipient entities, upper-cased, in order of appearance.  ``*_sectors`` likewise (distinct, non-null).
  The positional pairing of country and sector lives in ``record``.
- ``actor_text`` / ``recipient_text``: the entity texts joined with ``" | "``.
- ``date``: the record's ISO date parsed to DATE (``YYYY-MM`` → first of month, ``YYYY`` → 1 January;
  anything unparseable → NULL, the original stays in ``record`` and ``date_text``).
- ``speaker_*``: ``attribution.speaker``; ``polarity``/``certainty``/``tense``: ``modality``;
  ``dead``/``injured``/``arrested``: ``size``; ``trigger``/``sentence``/``evidence_*``: ``evidence``.
- ``ingested_at``: when the batch was written (denormalised from the article for cheap event
  first_seen / last_seen).
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Iterable

import pyarrow as pa

from eventwire.records import Article, EventMention, Sentence, parse_date

FORMAT_NAME = "eventwire-store"
FORMAT_VERSION = 1

TABLES = ("articles", "sentences", "mentions")

_str = pa.string()
_strs = pa.list_(pa.string())
_ts = pa.timestamp("us", tz="UTC")

ARTICLES_SCHEMA = pa.schema([
    ("id", _str),
    ("url", _str),
    ("site", _str),
    ("title", _str),
    ("text", _str),
    ("published", pa.date32()),
    ("language", _str),
    ("content_hash", _str),
    ("source_uri", _str),
    ("dup_of", _str),
    ("ingested_at", _ts),
    ("pipeline_version", _str),
    ("batch_id", _str),
])

SENTENCES_SCHEMA = pa.schema([
    ("article_id", _str),
    ("index", pa.int32()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("text", _str),
])

MENTIONS_SCHEMA = pa.schema([
    ("id", _str),
    ("event_id", _str),
    ("article_id", _str),
    ("language", _str),
    ("event_type", _str),
    ("mode", _strs),
    ("context", _strs),
    ("actor_countries", _strs),
    ("actor_sectors", _strs),
    ("recipient_countries", _strs),
    ("recipient_sectors", _strs),
    ("actor_text", _str),
    ("recipient_text", _str),
    ("date", pa.date32()),
    ("date_precision", _str),
    ("date_text", _str),
    ("date_source", _str),
    ("location_name", _str),
    ("location_text", _str),
    ("location_country", _str),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("geonameid", pa.int64()),
    ("speaker_country", _str),
    ("speaker_text", _str),
    ("cue", _str),
    ("polarity", _str),
    ("certainty", _str),
    ("tense", _str),
    ("cameo", _str),
    ("quad_code", pa.int8()),
    ("intensity", pa.float64()),
    ("confidence", pa.float64()),
    ("trigger", _str),
    ("sentence", _str),
    ("evidence_start", pa.int32()),
    ("evidence_end", pa.int32()),
    ("dead", pa.int32()),
    ("injured", pa.int32()),
    ("arrested", pa.int32()),
    ("coder_version", _str),
    ("ingested_at", _ts),
    ("record", _str),
])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES_SCHEMA,
    "sentences": SENTENCES_SCHEMA,
    "mentions": MENTIONS_SCHEMA,
}



def _distinct(values: Iterable[Any], upper: bool = False) -> list[str]:
    out: list[str] = []
    for v in values:
        if v is None or v == "":
            continue
        v = str(v).upper() if upper else str(v)
        if v not in out:
            out.append(v)
    return out


def _int_or_none(v: Any) -> int | None:
    if v is None:
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _float_or_none(v: Any) -> float | None:
    if v is None:
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def mention_row(rec: dict[str, Any], event_id: str, ingested_at: datetime) -> dict[str, Any]:
    """Flatten one ``EventMention.to_json()`` dict into a ``mentions`` row."""
    actors = rec.get("actor") or []
    recips = rec.get("recipient") or []
    loc = rec.get("location") or {}
    attr = rec.get("attribution") or {}
    speaker = attr.get("speaker") or {}
    mod = rec.get("modality") or {}
    size = rec.get("size") or {}
    ev = rec.get("evidence") or {}
    quad = _int_or_none(rec.get("quad_code"))
    return {
        "id": rec["id"],
        "event_id": event_id,
        "article_id": rec.get("article_id"),
        "language": rec.get("language"),
        "event_type": rec.get("event_type"),
        "mode": [str(x) for x in (rec.get("mode") or [])],
        "context": [str(x) for x in (rec.get("context") or [])],
        "actor_countries": _distinct((a.get("country") for a in actors), upper=True),
        "actor_sectors": _distinct(a.get("sector") for a in actors),
        "recipient_countries": _distinct((r.get("country") for r in recips), upper=True),
        "recipient_sectors": _distinct(r.get("sector") for r in recips),
        "actor_text": " | ".join(a["text"] for a in actors if a.get("text")) or None,
        "recipient_text": " | ".join(r["text"] for r in recips if r.get("text")) or None,
        "date": parse_date(rec.get("date")),
        "date_precision": rec.get("date_precision"),
        "date_text": rec.get("date_text"),
        "date_source": rec.get("date_source"),
        "location_name": loc.get("name"),
        "location_text": loc.get("text"),
        "location_country": (loc.get("country") or None) and str(loc["country"]).upper(),
        "lat": _float_or_none(loc.get("lat")),
        "lon": _float_or_none(loc.get("lon")),
        "geonameid": _int_or_none(loc.get("geonameid")),
        "speaker_country": (speaker.get("country") or None) and str(speaker["country"]).upper(),
        "speaker_text": speaker.get("text"),
        "cue": attr.get("cue"),
        "polarity": mod.get("polarity"),
        "certainty": mod.get("certainty"),
        "tense": mod.get("tense"),
        "cameo": None if rec.get("cameo") is None else str(rec["cameo"]),
        "quad_code": quad,
        "intensity": _float_or_none(rec.get("intensity")),
        "confidence": _float_or_none(rec.get("confidence")) or 0.0,
        "trigger": ev.get("trigger"),
        "sentence": ev.get("sentence"),
        "evidence_start": _int_or_none(ev.get("start")),
        "evidence_end": _int_or_none(ev.get("end")),
        "dead": _int_or_none(size.get("dead")),
        "injured": _int_or_none(size.get("injured")),
        "arrested": _int_or_none(size.get("arrested")),
        "coder_version": rec.get("coder_version"),
        "ingested_at": ingested_at,
        "record": json.dumps(rec, ensure_ascii=False, sort_keys=False, default=str),
    }


def _columns(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    # Arrow converts the whole list at once (C++), twice as fast as building Python columns.
    return pa.Table.from_pylist(rows, schema=schema)


def articles_table(articles: list[Article], ingested_at: datetime, pipeline_version: str,
                   batch_id: str) -> pa.Table:
    rows = [{
        "id": a.id, "url": a.url, "site": a.site, "title": a.title, "text": a.text,
        "published": parse_date(a.published), "language": a.language,
        "content_hash": a.content_hash, "source_uri": a.source_uri, "dup_of": a.dup_of,
        "ingested_at": ingested_at, "pipeline_version": pipeline_version, "batch_id": batch_id,
    } for a in articles]
    return _columns(rows, ARTICLES_SCHEMA)


def sentences_table(sentences: dict[str, list[Sentence]], article_ids: Iterable[str]) -> pa.Table:
    rows = [{"article_id": aid, "index": s.index, "start": s.start, "end": s.end, "text": s.text}
            for aid in article_ids for s in sentences.get(aid, ())]
    return _columns(rows, SENTENCES_SCHEMA)


def mentions_table(mentions: list[tuple[EventMention, str]], ingested_at: datetime) -> pa.Table:
    rows = [mention_row(m.to_json(), event_id, ingested_at) for m, event_id in mentions]
    return _columns(rows, MENTIONS_SCHEMA)


def empty_table(name: str) -> pa.Table:
    return SCHEMAS[name].empty_table()
