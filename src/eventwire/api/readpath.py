"""A fast read path for the API: events materialised in memory, responses cached.

The store answers a filtered ``events()`` by aggregating every mention from Parquet on each call
(~65–100 ms over 100k mentions).  For an interactive API that is too slow, so ``EventIndex`` keeps an
in-memory DuckDB with two tables, rebuilt only when the store's batch list (``Store.batch_ids()``)
changes:

- ``m``:  every mention (the store's flattened columns, without the ``record`` JSON) joined with its
  article's url / site / title / published, plus hedge and speaker name pulled out of ``record``;
- ``ev``: one row per event, computed once with the store's own event aggregation
  (``Store._events_query``), so the event fields mean exactly what ``eventwire events`` prints,
  plus per-event filter columns ``f_*`` (countries, types, languages and lower-cased text over all
  the event's mentions; ``_EV_COLUMNS`` leaves them out of every answer), ordered by date, with an
  index on ``event_id``;
- ``mm``: the filter columns of the mentions of events that have several.

Filters are answered from ``ev`` alone (``EventIndex._where``), which is exact for a single
mention-level condition and for events of one mention; ``mm`` decides the rest.  A filtered page
scans ``ev`` once (count and top-N of the matching events' sort keys), then fetches its rows by id.

Mention-level filters select events with at least one matching mention (the store's semantics,
built by ``Store._mention_where`` — every value a bound parameter); date bounds and
``min_independent`` apply to the event.  Results are cached by the normalised query and the cache is
dropped whenever the batch list changes.
"""
from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Callable

import duckdb

from eventwire.consolidate.claims import claims
from eventwire.consolidate.records import store_articles
from eventwire.store import EventFilter, Store
from eventwire.store.store import date_clauses, filter_clauses
from eventwire.store import schema as S

SORTS = {  # whitelisted: user input picks a key, never a fragment of SQL
    ("date", "desc"): "date DESC NULLS LAST, event_id",
    ("date", "asc"): "date ASC NULLS LAST, event_id",
    ("num_mentions", "desc"): "num_mentions DESC, date DESC NULLS LAST, event_id",
    ("num_mentions", "asc"): "num_mentions ASC, date DESC NULLS LAST, event_id",
    ("confidence", "desc"): "confidence DESC NULLS LAST, date DESC NULLS LAST, event_id",
    ("confidence", "asc"): "confidence ASC NULLS LAST, date DESC NULLS LAST, event_id",
}
_SEP = 10  # chr(10), newline: joins the lower-cased texts of an event in ``ev.f_text``
_EV_COLUMNS = "* EXCLUDE (f_actor, f_recipient, f_type, f_language, f_text)"  # ev as the store has it
COOP = (1, 2)
CONFLICT = (3, 4)


# The mention filters of the store (store.MENTION_FILTER_SQL) over the per-event columns of ``ev``.
EVENT_FILTER_SQL = {
    "actor": "list_contains(f_actor, upper(trim(?)))",
    "recipient": "list_contains(f_recipient, upper(trim(?)))",
    "event_type": "list_contains(f_type, upper(trim(?)))",
    "language": "list_contains(f_language, lower(trim(?)))",
    "text": "contains(f_text, lower(?))",
}


# The request fields that are the store's mention filter (the rest of EventFilter is paging and ids).
QUERY_FILTER_FIELDS = ("actor", "recipient", "event_type", "since", "until", "text", "language")


@dataclass(frozen=True)
class Query:
    """Normalised filters of one API request (hashable: the cache key): the store's own filter,
    plus a threshold that only events have."""

    filters: EventFilter = EventFilter()
    min_independent: int | None = None

    @classmethod
    def of(cls, actor=None, recipient=None, event_type=None, since=None, until=None, text=None,
           language=None, min_independent=None) -> "Query":
        def norm(v: str | None, up: bool = False) -> str | None:
            if v is None:
                return None
            v = " ".join(str(v).split())
            if not v:
                return None
            return v.upper() if up else v

        filters = EventFilter(actor=norm(actor, True), recipient=norm(recipient, True),
                              event_type=norm(event_type, True), since=since, until=until,
                              text=norm(text.lower() if text else text),
                              language=norm(language.lower() if language else None))
        return cls(filters, min_independent if min_independent else None)

    def mention_filter(self) -> EventFilter:
        """The filter without its dates: events are dated by their own date, not their mentions'."""
        return replace(self.filters, since=None, until=None)

    def as_dict(self) -> dict[str, Any]:
        values = {name: getattr(self.filters, name) for name in QUERY_FILTER_FIELDS}
        values["min_independent"] = self.min_independent
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items() if v is not None}


def _jsonable(v: Any) -> Any:
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return v


def rows_as_dicts(res: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in res.description]
    return [{c: _jsonable(v) for c, v in zip(cols, row)} for row in res.fetchall()]


class EventIndex:
    def __init__(self, store: Store, refresh_s: float = 0.5, cache_size: int = 8192):
        self.store = store
        self.refresh_s = refresh_s
        self.cache_size = cache_size
        self._con: duckdb.DuckDBPyConnection | None = None
        self._key: tuple[str, ...] | None = None
        self._checked = 0.0
        self._build_lock = threading.Lock()
        self._cache: OrderedDict[Any, Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.version = 0
        self.build_seconds = 0.0

    # ---------------------------------------------------------------------------- freshness

    def refresh(self, force: bool = False) -> None:
        """Rebuild when the batch list changed (checked at most every ``refresh_s`` seconds)."""
        now = time.monotonic()
        if not force and self._con is not None and now - self._checked < self.refresh_s:
            return
        key = tuple(self.store.batch_ids())
        self._checked = now
        if key == self._key and self._con is not None:
            return
        with self._build_lock:
            if key == self._key and self._con is not None:
                return
            t0 = time.perf_counter()
            con = self._build(key)
            old = self._con
            self._con, self._key = con, key
            with self._cache_lock:
                self._cache.clear()
                self.version += 1
            self.build_seconds = time.perf_counter() - t0
            if old is not None:
                # queries running on it hold their own cursor; closing the parent is safe after swap
                try:
                    old.close()
                except Exception:  # pragma: no cover
                    pass

    def _build(self, batches: tuple[str, ...]) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(":memory:")
        con.execute("SET enable_progress_bar = false")
        bdir = self.store.batches_dir
        mfiles = [str(bdir / b / "mentions.parquet") for b in batches]
        afiles = [str(bdir / b / "articles.parquet") for b in batches]
        if mfiles:
            con.read_parquet(mfiles, union_by_name=True).create_view("raw_mentions")
            con.read_parquet(afiles, union_by_name=True).create_view("raw_articles")
        else:
            con.from_arrow(S.empty_table("mentions")).create_view("raw_mentions")
            con.from_arrow(S.empty_table("articles")).create_view("raw_articles")
        con.execute("""
            CREATE TABLE m AS
            SELECT mm.* EXCLUDE (record),
                   json_extract_string(mm.record, '$.modality.hedge') AS hedge,
                   json_extract_string(mm.record, '$.attribution.speaker.name') AS speaker_name,
                   json_extract_string(mm.record, '$.attribution.speaker.sector') AS speaker_sector,
                   coalesce(json_array_length(mm.record, '$.modality.denied_by'), 0) AS num_denied_by,
                   a.site, a.url, a.title, a.published, a.dup_of
            FROM raw_mentions mm
            LEFT JOIN (SELECT id, site, url, title, published, dup_of FROM raw_articles) a
                   ON a.id = mm.article_id
        """)
        sql, params = self.store._events_query(EventFilter(), paged=False)
        con.execute(f"CREATE TABLE ev0 AS {sql}", params)
        # per-event filter columns (see ``_where``); ev is ordered by the default sort (date), which
        # keeps date ranges to few row groups (zone maps) and makes the default top-N cheap
        con.execute(f"""
            CREATE TABLE ev AS
            SELECT ev0.*, fx.* EXCLUDE (event_id)
            FROM ev0 LEFT JOIN (
                SELECT event_id,
                       list_distinct(flatten(list(actor_countries))) AS f_actor,
                       list_distinct(flatten(list(recipient_countries))) AS f_recipient,
                       list_distinct(list(upper(event_type))) AS f_type,
                       list_distinct(list(lower(language))) AS f_language,
                       string_agg(lower(coalesce(sentence, '')) || chr({_SEP}) ||
                                  lower(coalesce(title, '')), chr({_SEP})) AS f_text
                FROM m GROUP BY event_id) fx USING (event_id)
            ORDER BY {SORTS[("date", "desc")]}
        """)
        con.execute("DROP TABLE ev0")
        con.execute("CREATE UNIQUE INDEX ev_event_id ON ev (event_id)")
        # the mentions of events with several of them: where one mention must meet several
        # conditions at once, the per-event columns only pre-select, these decide
        con.execute("""
            CREATE TABLE mm AS
            SELECT event_id, actor_countries, recipient_countries, event_type, language, sentence, title
            FROM m WHERE event_id IN (SELECT event_id FROM ev WHERE num_mentions > 1)
        """)
        con.execute("DROP VIEW raw_mentions")
        con.execute("DROP VIEW raw_articles")
        return con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        self.refresh()
        con = self._con
        assert con is not None
        return con.cursor()

    # -------------------------------------------------------------------------------- cache

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per (key, store version); LRU-bounded."""
        self.refresh()
        full = (self.version, key)
        with self._cache_lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
        value = compute()
        with self._cache_lock:
            if full[0] == self.version:
                self._cache[full] = value
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return value

    def peek(self, key: Any) -> Any:
        """The cached value, or None; never rebuilds (safe on the event loop): when the batch list
        is due for a check, returns None so that the caller goes through ``cached`` in a thread."""
        if self._con is None or time.monotonic() - self._checked >= self.refresh_s:
            return None
        with self._cache_lock:
            v = self._cache.get((self.version, key))
            if v is not None:
                self._cache.move_to_end((self.version, key))
            return v

    # ------------------------------------------------------------------------------ queries

    @staticmethod
    def _where(q: Query) -> tuple[str, list[Any], bool]:
        """The condition on ``ev`` selecting the events that match ``q`` (all values bound), and
        whether it involves a mention-level filter (a scan of the per-event filter columns).

        An event matches a mention-level filter when one of its mentions meets every condition
        (``Store._mention_where``).  The per-event columns ``f_*`` hold, over all the event's
        mentions, the actor / recipient countries, upper-cased types, lower-cased languages and the
        lower-cased evidence sentences and titles (joined by a newline, which a text word never
        holds: words are split on whitespace).  So one condition alone is decided exactly by them,
        and so is any combination for an event of one mention; for an event of several mentions
        and several conditions they only pre-select, and its mentions (``mm``) decide.
        """
        mf = q.mention_filter()
        clauses, params = filter_clauses(mf, EVENT_FILTER_SQL)
        mention_level = bool(clauses)
        if len(clauses) > 1:
            where, wparams = Store._mention_where(mf, with_dates=False)
            clauses.append(f"(num_mentions = 1 OR event_id IN (SELECT event_id FROM mm WHERE {where}))")
            params.extend(wparams)
        date_where, date_params = date_clauses(q.filters, "date")
        clauses += date_where
        params += date_params
        if q.min_independent:
            clauses.append("num_independent >= ?")
            params.append(int(q.min_independent))
        return " AND ".join(clauses) or "TRUE", params, mention_level

    @classmethod
    def _filtered(cls, q: Query) -> tuple[str, list[Any]]:
        """SQL selecting the rows of ``ev`` that match ``q`` (all values bound), event columns only."""
        where, params, _ = cls._where(q)
        return f"SELECT {_EV_COLUMNS} FROM ev WHERE {where}", params

    def events(self, q: Query, limit: int, offset: int, sort: str = "date",
               order: str = "desc") -> dict[str, Any]:
        order_sql = SORTS[(sort, order)]
        where, params, mention_level = self._where(q)
        page = [int(limit), int(offset)]
        cur = self.cursor()
        try:
            if mention_level:
                # one scan of the (costly) filter: the matching events' sort keys, counted and cut
                total, ids = cur.execute(
                    f"""WITH hits AS MATERIALIZED (
                            SELECT event_id, date, num_mentions, confidence FROM ev WHERE {where})
                        SELECT (SELECT count(*) FROM hits),
                               (SELECT list(event_id ORDER BY {order_sql})
                                FROM (SELECT * FROM hits ORDER BY {order_sql} LIMIT ? OFFSET ?))""",
                    params + page).fetchone()
            else:
                # no filter, or only date / min_independent (cheap: zone maps, one small column)
                total = cur.execute(f"SELECT count(*) FROM ev WHERE {where}", params).fetchone()[0]
                ids = [r[0] for r in cur.execute(
                    f"SELECT event_id FROM ev WHERE {where} ORDER BY {order_sql} LIMIT ? OFFSET ?",
                    params + page).fetchall()]
            items = []
            if ids:
                rank = {eid: i for i, eid in enumerate(ids)}
                items = rows_as_dicts(cur.execute(  # index lookups (ev_event_id)
                    f"SELECT {_EV_COLUMNS} FROM ev WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                    [list(ids)]))
                items.sort(key=lambda it: rank[it["event_id"]])
        finally:
            cur.close()
        for it in items:
            it["languages"] = it.get("languages") or []
        return {"total": total, "limit": limit, "offset": offset, "sort": sort, "order": order,
                "filters": q.as_dict(), "items": items}

    def event(self, event_id: str) -> dict[str, Any] | None:
        cur = self.cursor()
        try:
            rows = rows_as_dicts(cur.execute(f"SELECT {_EV_COLUMNS} FROM ev WHERE event_id = ?",
                                              [event_id]))
        finally:
            cur.close()
        return rows[0] if rows else None

    def actors(self, q: Query, max_edges: int = 300) -> dict[str, Any]:
        sel, params = self._filtered(q)
        cur = self.cursor()
        try:
            as_actor = dict(cur.execute(
                f"SELECT c, count(*) FROM (SELECT unnest(actor_countries) AS c FROM ({sel})) "
                f"GROUP BY c", params).fetchall())
            as_recipient = dict(cur.execute(
                f"SELECT c, count(*) FROM (SELECT unnest(recipient_countries) AS c FROM ({sel})) "
                f"GROUP BY c", params).fetchall())
            edges = cur.execute(
                f"""SELECT a, r, count(*) AS n,
                           count(*) FILTER (WHERE quad_code IN (1, 2)) AS coop,
                           count(*) FILTER (WHERE quad_code IN (3, 4)) AS conflict
                    FROM (SELECT a, unnest(recipient_countries) AS r, quad_code
                          FROM (SELECT unnest(actor_countries) AS a, recipient_countries, quad_code
                                FROM ({sel})))
                    GROUP BY a, r ORDER BY n DESC, a, r LIMIT ?""", params + [max_edges]).fetchall()
        finally:
            cur.close()
        names = sorted(set(as_actor) | set(as_recipient))
        countries = [{"country": c, "as_actor": as_actor.get(c, 0), "as_recipient": as_recipient.get(c, 0),
                      "total": as_actor.get(c, 0) + as_recipient.get(c, 0)} for c in names]
        countries.sort(key=lambda x: (-x["total"], x["country"]))
        edge_list = []
        for a, r, n, coop, conflict in edges:
            typed = coop + conflict
            edge_list.append({"source": a, "target": r, "weight": n, "cooperation": coop,
                              "conflict": conflict,
                              "cooperation_share": round(coop / typed, 3) if typed else None,
                              "conflict_share": round(conflict / typed, 3) if typed else None})
        in_edges = {e["source"] for e in edge_list} | {e["target"] for e in edge_list}
        nodes = [{"id": c["country"], "weight": c["total"], "as_actor": c["as_actor"],
                  "as_recipient": c["as_recipient"]} for c in countries
                 if c["country"] in in_edges or len(countries) <= 60]
        return {"filters": q.as_dict(), "countries": countries,
                "network": {"nodes": nodes, "edges": edge_list}}

    def stats(self, q: Query) -> dict[str, Any]:
        sel, params = self._filtered(q)
        cur = self.cursor()
        try:
            total, mentions = cur.execute(
                f"SELECT count(*), coalesce(sum(num_mentions), 0) FROM ({sel})", params).fetchone()
            by_day = [{"date": d.isoformat() if d else None, "cooperation": c, "conflict": k,
                       "other": o, "total": c + k + o}
                      for d, c, k, o in cur.execute(
                          f"""SELECT date, count(*) FILTER (WHERE quad_code IN (1, 2)),
                                     count(*) FILTER (WHERE quad_code IN (3, 4)),
                                     count(*) FILTER (WHERE quad_code IS NULL OR quad_code NOT IN (1,2,3,4))
                              FROM ({sel}) WHERE date IS NOT NULL GROUP BY date ORDER BY date""",
                          params).fetchall()]
            by_type = dict(cur.execute(f"SELECT event_type, count(*) FROM ({sel}) GROUP BY ALL "
                                       f"ORDER BY 2 DESC, 1", params).fetchall())
            by_quad = {str(k): v for k, v in cur.execute(
                f"SELECT quad_code, count(*) FROM ({sel}) GROUP BY ALL ORDER BY 1 NULLS LAST",
                params).fetchall()}
            by_country = dict(cur.execute(
                f"SELECT c, count(*) FROM (SELECT DISTINCT event_id, unnest(list_concat("
                f"coalesce(actor_countries, []), coalesce(recipient_countries, []))) AS c FROM ({sel})) "
                f"GROUP BY c ORDER BY 2 DESC, 1", params).fetchall())
            by_language = dict(cur.execute(
                f"SELECT l, count(*) FROM (SELECT unnest(languages) AS l FROM ({sel})) "
                f"GROUP BY l ORDER BY 2 DESC, 1", params).fetchall())
            places = rows_as_dicts(cur.execute(
                f"""SELECT location.name AS name, location.country AS country,
                           location.lat AS lat, location.lon AS lon, count(*) AS events,
                           count(*) FILTER (WHERE quad_code IN (1, 2)) AS cooperation,
                           count(*) FILTER (WHERE quad_code IN (3, 4)) AS conflict,
                           first(event_id ORDER BY date DESC NULLS LAST, event_id) AS example_event
                    FROM ({sel}) WHERE location.lat IS NOT NULL AND location.lon IS NOT NULL
                    GROUP BY ALL ORDER BY events DESC, name LIMIT 500""", params))
        finally:
            cur.close()
        return {"filters": q.as_dict(), "events": total, "mentions": int(mentions),
                "by_day": by_day, "by_type": by_type, "by_quad_class": by_quad,
                "by_country": by_country, "by_language": by_language, "places": places}

    def claims(self, q: Query, limit: int, offset: int) -> dict[str, Any]:
        """Events with attributed or denied mentions, each with its claim record
        (``eventwire.consolidate.claims.claims``: who asserted, hedged, denied or negated it, and when)."""
        sel, params = self._filtered(q)
        claimed = ("event_id IN (SELECT event_id FROM m WHERE speaker_text IS NOT NULL "
                   "OR polarity = 'denied' OR num_denied_by > 0)")
        cur = self.cursor()
        try:
            res = cur.execute(
                f"SELECT *, count(*) OVER () AS _total FROM ({sel}) WHERE {claimed} "
                f"ORDER BY date DESC NULLS LAST, event_id LIMIT ? OFFSET ?",
                params + [int(limit), int(offset)])
            events = rows_as_dicts(res)
        finally:
            cur.close()
        total = events[0]["_total"] if events else 0
        ids = [e["event_id"] for e in events]
        by_event = {c["event_id"]: c for c in event_claims(self.store, ids)}
        for e in events:
            e.pop("_total", None)
            e["claim"] = by_event.get(e["event_id"])
        return {"total": total, "limit": limit, "offset": offset, "filters": q.as_dict(),
                "items": events}


def event_claims(store: Store, event_ids: list[str],
                 mentions: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The claim records (``eventwire.consolidate.claims.claims``) of ``event_ids``, from the
    store's mentions (fetched per event unless given) and their articles."""
    if not event_ids:
        return []
    if mentions is None:
        mentions = [mm for eid in event_ids for mm in store.mentions(EventFilter(event_id=eid))]
    if not mentions:
        return []
    articles = store_articles(store, {mm["article_id"] for mm in mentions})
    return claims(mentions, articles, event_ids=set(event_ids))


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, default=str, separators=(",", ":")).encode("utf-8")
