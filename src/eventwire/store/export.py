"""Exports of a store: PLOVER JSONL, GDELT-2.0-style events TSV, Parquet, CSV.

All exports take the same ``EventFilter`` as the queries (None = everything) and return the number
of rows written.

``plover`` — JSONL, one record per *mention*, field names from the PLOVER manual's "Data Fields"
chapter (tables "PLOVER JSON", "Information object for entities / text / size / citations",
"Location object"):

    id            ← record.id (mention id; unique in the data set, manual note 1)
    date          ← record.date ("YYYY-MM-DD"; null when the coder found none)
    event         ← [record.event_type]                (manual: list of event categories)
    mode, context ← record.mode / record.context        (lists; null when empty, as the manual asks)
    actor         ← [entity object] per record.actor:   {"code": country, "sector": sector,
                    "entity_text": text, "identifier_text": name}
    recipient     ← same for record.recipient
    event_loc     ← record.location as the manual's location object: {"extracted_place": text,
                    "resolved_place": name, "geonameid", "lat", "lon", "country_code": country}
    event_text    ← [record.evidence.trigger]
    quad_code     ← record.quad_code;  event_scale ← record.intensity (the PLOVER score)
    size          ← record.size {"dead", "injured", "arrested"} (manual's size object)
    text          ← record.evidence.sentence (the evidence sentence only, never the full article)
    text_info     ← {"sequence": sentence index in the article (when stored), "start", "end"}
    cite_info     ← {"citation": article id, "url", "title", "language", "publication": article site,
                    "coder": "eventwire " + coder_version, "codebook": "plover-base"}
    link          ← event_id (manual note 4: a common reference across related records; here all
                    mentions of one consolidated event share it)
    coder         ← "eventwire " + coder_version
    coded_date / coded_time ← when the mention was stored (UTC)
    has_event     ← true
    Convenience fields (not in the manual's table, kept flat for tools that expect them):
    actor_comment / recipient_comment ← the entity texts joined with " | "; source ← article site;
    url ← article url.
    eventwire extensions (clearly named, not PLOVER):
    attribution ← record.attribution (speaker, cue, via);  modality ← record.modality
    (polarity, certainty, tense, hedge …);  eventwire ← {"event_id", "article_id", "language",
    "date_precision", "date_text", "date_source", "cameo", "confidence", "coder_version"}.

``gdelt`` — a GDELT 2.0 *events* table, one row per *event*, tab-separated with GDELT's 61 column
names as a header line (GDELT's own files have no header).  Columns eventwire has no value for are
empty.  Differences from GDELT, on purpose:

    GLOBALEVENTID     a stable 60-bit integer: int(sha1(event_id)[:15], 16)
    Actor{1,2}Code    country + first sector, e.g. "UKRMIL" (CAMEO-like, but ISO-3166 alpha-3)
    Actor{1,2}Name    the entity text (or canonical name) of the most confident mention
    Actor{1,2}CountryCode, ActionGeo_CountryCode
                      ISO-3166 alpha-3 (or IGO/UNO/EUR/NGO …) — GDELT uses CAMEO country codes for
                      actors and FIPS 10-4 two-letter codes for geography: do not join on them blindly
    Actor{1,2}Type1Code  the PLOVER sector (GOV, MIL, …); Type2/3 = further sectors
    EventCode / EventBaseCode / EventRootCode  the CAMEO code of the most confident mention and its
                      3- and 2-digit prefixes (empty without a CAMEO code)
    QuadClass         the PLOVER quad_code;  GoldsteinScale  the PLOVER intensity
    NumMentions / NumSources / NumArticles  from consolidation (sources = distinct sites)
    ActionGeo_FullName / _Lat / _Long  the event location;  ActionGeo_FeatureID  the GeoNames id
                      (GDELT uses GNS/GNIS ids);  ActionGeo_Type, ADM1/ADM2 codes, Actor*Geo_*,
                      IsRootEvent, AvgTone: empty
    SQLDATE / MonthYear / Year / FractionDate  the *event* date (text-sourced where possible), not
                      the publication date; DATEADDED first_seen (YYYYMMDDHHMMSS, UTC)
    SOURCEURL         the url of the article of the most confident mention

``parquet`` — DuckDB ``COPY … (FORMAT parquet)`` of the mentions table (all schema columns plus the
article's site, url, title, published) and of the articles table.  ``out_path`` ending in
``.parquet`` names the mentions file and the articles go next to it as ``<stem>.articles.parquet``;
any other ``out_path`` is a directory that receives ``mentions.parquet`` and ``articles.parquet``.

``csv`` — DuckDB ``COPY … (HEADER)`` of the mentions, flattened: list columns joined with ``;``,
without the ``record`` JSON column, with the article's site, url, title, published.
"""
from __future__ import annotations

import hashlib
import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .schema import MENTIONS_SCHEMA

if TYPE_CHECKING:  # pragma: no cover
    from .store import EventFilter, Store

FORMATS = ("plover", "gdelt", "parquet", "csv")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61

_LIST_COLUMNS = [f.name for f in MENTIONS_SCHEMA if str(f.type).startswith("list")]


def export(store: "Store", fmt: str, out_path: str | os.PathLike[str],
           filters: "EventFilter | None" = None) -> int:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_path)
    if fmt == "plover":
        return export_plover(store, out, filters)
    if fmt == "gdelt":
        return export_gdelt(store, out, filters)
    if fmt == "parquet":
        return export_parquet(store, out, filters)
    return export_csv(store, out, filters)


def _sql_path(p: Path) -> str:
    """A path as an SQL string literal (the path is the caller's, never a filter value)."""
    return "'" + str(p).replace("'", "''") + "'"


def _parent(p: Path) -> None:
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)


# ------------------------------------------------------------------------------------- PLOVER


def _entity(a: dict[str, Any]) -> dict[str, Any]:
    return {"code": a.get("country"), "sector": a.get("sector"), "entity_text": a.get("text"),
            "identifier_text": a.get("name")}


def plover_record(rec: dict[str, Any], event_id: str, site: str | None, url: str | None,
                  title: str | None, sequence: int | None, ingested_at: datetime | None
                  ) -> dict[str, Any]:
    ev = rec.get("evidence") or {}
    loc = rec.get("location")
    coder = f"eventwire {rec.get('coder_version') or ''}".strip()
    actors = rec.get("actor") or []
    recips = rec.get("recipient") or []
    return {
        "id": rec["id"],
        "has_event": True,
        "date": rec.get("date"),
        "event": [rec["event_type"]] if rec.get("event_type") else [],
        "mode": list(rec.get("mode") or []) or None,
        "context": list(rec.get("context") or []) or None,
        "actor": [_entity(a) for a in actors],
        "actor_comment": " | ".join(a["text"] for a in actors if a.get("text")) or None,
        "recipient": [_entity(r) for r in recips],
        "recipient_comment": " | ".join(r["text"] for r in recips if r.get("text")) or None,
        "event_loc": None if not loc else {
            "extracted_place": loc.get("text"), "resolved_place": loc.get("name"),
            "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "country_code": loc.get("country"),
        },
        "event_text": [ev["trigger"]] if ev.get("trigger") else None,
        "quad_code": rec.get("quad_code"),
        "event_scale": rec.get("intensity"),
        "size": rec.get("size"),
        "link": event_id,
        "text": ev.get("sentence"),
        "text_info": {"sequence": sequence, "start": ev.get("start"), "end": ev.get("end")},
        "cite_info": {"citation": rec.get("article_id"), "url": url, "title": title,
                      "language": rec.get("language"), "publication": site, "coder": coder,
                      "codebook": "plover-base"},
        "source": site,
        "url": url,
        "coder": coder,
        "coded_date": ingested_at.date().isoformat() if ingested_at else None,
        "coded_time": ingested_at.time().isoformat(timespec="seconds") if ingested_at else None,
        # eventwire extensions
        "attribution": rec.get("attribution"),
        "modality": rec.get("modality"),
        "eventwire": {
            "event_id": event_id, "article_id": rec.get("article_id"),
            "language": rec.get("language"), "date_precision": rec.get("date_precision"),
            "date_text": rec.get("date_text"), "date_source": rec.get("date_source"),
            "cameo": rec.get("cameo"), "confidence": rec.get("confidence"),
            "coder_version": rec.get("coder_version"),
        },
    }


def export_plover(store: "Store", out: Path, filters: "EventFilter | None") -> int:
    from .store import EventFilter

    f = filters or EventFilter()
    where, params = store._mention_where(f)
    page, pparams = store._page(f)
    sql = f"""
        WITH sel AS (SELECT * FROM m WHERE {where} ORDER BY date DESC NULLS LAST, id{page})
        SELECT sel.record, sel.event_id, sel.site, sel.url, sel.title, sel.ingested_at,
               (SELECT min(s."index") FROM raw_sentences s
                 WHERE s.article_id = sel.article_id AND s."start" <= sel.evidence_start
                   AND sel.evidence_start < s."end") AS sequence
        FROM sel ORDER BY sel.date DESC NULLS LAST, sel.id
    """
    _parent(out)
    n = 0
    cur = store._cursor()
    try:
        res = cur.execute(sql, params + pparams)
        with open(out, "w", encoding="utf-8") as fh:
            while True:
                chunk = res.fetchmany(5000)
                if not chunk:
                    break
                for record, event_id, site, url, title, ingested_at, seq in chunk:
                    rec = json.loads(record)
                    fh.write(json.dumps(plover_record(rec, event_id, site, url, title, seq,
                                                      ingested_at), ensure_ascii=False))
                    fh.write("\n")
                    n += 1
    finally:
        cur.close()
    return n


# -------------------------------------------------------------------------------------- GDELT


def gdelt_event_id(event_id: str) -> int:
    """GDELT's integer GLOBALEVENTID for an eventwire event id (the same in the events and mentions tables)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".") if v == v else ""
    return str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _actor_cols(countries: list[str] | None, sectors: list[str] | None, text: str | None
                ) -> list[Any]:
    country = (countries or [None])[0]
    sectors = list(sectors or [])
    code = (country or "") + (sectors[0] if sectors else "")
    name = text.split(" | ")[0] if text else None
    return [code or None, name, country, None, None, None, None,
            sectors[0] if len(sectors) > 0 else None,
            sectors[1] if len(sectors) > 1 else None,
            sectors[2] if len(sectors) > 2 else None]


def gdelt_row(ev: dict[str, Any]) -> list[Any]:
    d = date.fromisoformat(ev["date"]) if ev.get("date") else None
    if d:
        days = 366 if (d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0)) else 365
        sqldate, monthyear, year = d.strftime("%Y%m%d"), d.strftime("%Y%m"), d.year
        fraction = f"{d.year + d.timetuple().tm_yday / days:.4f}"
    else:
        sqldate = monthyear = year = fraction = None
    cameo = ev.get("cameo") or None
    loc = ev.get("location") or {}
    first_seen = ev.get("first_seen")
    added = datetime.fromisoformat(first_seen).strftime("%Y%m%d%H%M%S") if first_seen else None
    row: list[Any] = [gdelt_event_id(ev["event_id"]), sqldate, monthyear, year, fraction]
    row += _actor_cols(ev.get("actor_countries"), ev.get("actor_sectors"), ev.get("actor_text"))
    row += _actor_cols(ev.get("recipient_countries"), ev.get("recipient_sectors"),
                       ev.get("recipient_text"))
    row += [None, cameo, cameo[:3] if cameo else None, cameo[:2] if cameo else None,
            ev.get("quad_code"), ev.get("intensity"),
            ev.get("num_mentions"), ev.get("num_sources"), ev.get("num_articles"), None]
    row += [None] * 16  # Actor1Geo_*, Actor2Geo_*
    row += [None, loc.get("name"), loc.get("country"), None, None, loc.get("lat"), loc.get("lon"),
            loc.get("geonameid")]
    row += [added, ev.get("url")]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def export_gdelt(store: "Store", out: Path, filters: "EventFilter | None") -> int:
    events = store.events(filters)
    _parent(out)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(GDELT_COLUMNS) + "\n")
        for ev in events:
            fh.write("\t".join(_cell(v) for v in gdelt_row(ev)) + "\n")
    return len(events)


# ------------------------------------------------------------------------------- Parquet / CSV


def _filtered_mentions(store: "Store", filters: "EventFilter | None", select: str
                       ) -> tuple[str, list[Any]]:
    from .store import EventFilter

    f = filters or EventFilter()
    where, params = store._mention_where(f)
    page, pparams = store._page(f)
    return (f"SELECT {select} FROM m WHERE {where} ORDER BY date DESC NULLS LAST, id{page}",
            params + pparams)


def export_parquet(store: "Store", out: Path, filters: "EventFilter | None") -> int:
    if out.suffix == ".parquet":
        mentions_path = out
        articles_path = out.with_name(out.stem + ".articles.parquet")
    else:
        out.mkdir(parents=True, exist_ok=True)
        mentions_path, articles_path = out / "mentions.parquet", out / "articles.parquet"
    _parent(mentions_path)
    sql, params = _filtered_mentions(store, filters, "*")
    cur = store._cursor()
    try:
        cur.execute(f"CREATE TEMP TABLE _export_mentions AS {sql}", params)
        try:
            n = cur.execute("SELECT count(*) FROM _export_mentions").fetchone()[0]
            cur.execute(f"COPY _export_mentions TO {_sql_path(mentions_path)} "
                        "(FORMAT parquet, COMPRESSION zstd)")
            if filters is None:
                articles_sql = "SELECT * FROM raw_articles ORDER BY id"
            else:  # only the articles the exported mentions come from
                articles_sql = ("SELECT * FROM raw_articles WHERE id IN "
                                "(SELECT DISTINCT article_id FROM _export_mentions) ORDER BY id")
            cur.execute(f"COPY ({articles_sql}) TO {_sql_path(articles_path)} "
                        "(FORMAT parquet, COMPRESSION zstd)")
        finally:
            cur.execute("DROP TABLE IF EXISTS _export_mentions")
    finally:
        cur.close()
    return int(n)


def export_csv(store: "Store", out: Path, filters: "EventFilter | None") -> int:
    cols = []
    for fld in MENTIONS_SCHEMA:
        if fld.name == "record":
            continue
        if fld.name in _LIST_COLUMNS:
            cols.append(f"array_to_string({fld.name}, ';') AS {fld.name}")
        else:
            cols.append(f'"{fld.name}"')
    cols += ["site", "url", "title", "published"]
    sql, params = _filtered_mentions(store, filters, ", ".join(cols))
    _parent(out)
    cur = store._cursor()
    try:
        cur.execute(f"CREATE TEMP TABLE _export_csv AS {sql}", params)
        try:
            n = cur.execute("SELECT count(*) FROM _export_csv").fetchone()[0]
            cur.execute(f"COPY _export_csv TO {_sql_path(out)} (FORMAT csv, HEADER)")
        finally:
            cur.execute("DROP TABLE IF EXISTS _export_csv")
    finally:
        cur.close()
    return int(n)
