"""The embedded event store: append-only Parquet batches, read through an in-memory DuckDB.

Layout of a store folder ``DIR``::

    DIR/store.json                      {"format": "eventwire-store", "version": 1, "created": ...}
    DIR/.lock                           fcntl.flock'ed (exclusive, non-blocking) by the one writer
    DIR/batches/<batch_id>/articles.parquet
    DIR/batches/<batch_id>/sentences.parquet
    DIR/batches/<batch_id>/mentions.parquet
    DIR/batches/.tmp-<batch_id>/        a batch being written; renamed to <batch_id> when complete

Why this shape (see DESIGN.md, "Store"): a DuckDB *file* may be opened by one process only while it
is open for writing, so ``serve`` could not read while ``ingest`` writes.  Here nothing but Parquet
files is shared: a batch becomes visible by one atomic ``os.rename`` of its directory, so a reader
sees a batch whole or not at all, and a crash (kill -9) mid-batch leaves only a ``.tmp-*`` directory
that readers never list and the next writer deletes.  Readers never lock; they list the complete
batch directories themselves (DuckDB's glob would also match ``.tmp-*`` directories) and query them
with ``read_parquet([...], union_by_name=true)`` from an in-memory DuckDB.

Write path: records → Arrow tables (``schema.py``) → ``pyarrow.parquet.write_table`` (columnar,
never row by row) → fsync → rename.  One ``write_batch`` call = one batch directory, so callers
should hand over many articles per call (hundreds), not one.

Filters (``EventFilter``) are always bound as DuckDB parameters, never formatted into SQL.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.records import Article, EventMention, Sentence

from . import schema as S

TMP_PREFIX = ".tmp-"
SUPERSEDES = "supersedes.json"
SUPERSEDED_GRACE_S = 600.0  # superseded batches stay on disk this long for running queries
AUTO_COMPACT_BATCHES = 64


class StoreError(Exception):
    """A store cannot be opened or used as asked."""


class StoreLockedError(StoreError):
    """Another writer holds the store's lock."""


@dataclass(frozen=True)
class EventFilter:
    """Query filters; every value is bound as a DuckDB parameter.

    actor / recipient: an ISO-3166 alpha-3 (or IGO, UNO, …) code matched case-insensitively against
    any country of the actor / recipient entities.  event_type: PLOVER type (case-insensitive).
    since / until: inclusive bounds on the mention date (for events: the event date).  text: every
    whitespace-separated word must occur (case-insensitive substring) in the evidence sentence or in
    the article title.  language: ISO 639-1 code of the mention.  article_id / event_id: exact match.
    """

    actor: str | None = None
    recipient: str | None = None
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    language: str | None = None
    limit: int | None = None
    offset: int = 0
    article_id: str | None = None
    event_id: str | None = None


# SQL per filter field over the mentions view; "text" is applied per word with every "?" bound to it.
MENTION_FILTER_SQL = {
    "actor": "list_contains(actor_countries, upper(trim(?)))",
    "recipient": "list_contains(recipient_countries, upper(trim(?)))",
    "event_type": "upper(event_type) = upper(trim(?))",
    "language": "lower(language) = lower(trim(?))",
    "article_id": "article_id = ?",
    "event_id": "event_id = ?",
    "text": "(contains(lower(coalesce(sentence, '')), lower(?)) OR contains(lower(coalesce(title, '')), lower(?)))",
}


def filter_clauses(f: "EventFilter", sql: dict[str, str]) -> tuple[list[str], list[Any]]:
    """The conditions (values bound, never formatted) for the non-date fields of ``f`` that ``sql``
    knows how to test; the same filter reads the mentions view here and the API's event table."""
    clauses: list[str] = []
    params: list[Any] = []
    for field_name, template in sql.items():
        value = getattr(f, field_name)
        if not value:
            continue
        for part in (value.split() if field_name == "text" else [value]):
            clauses.append(template)
            params.extend([part] * template.count("?"))
    return clauses, params


def date_clauses(f: "EventFilter", column: str) -> tuple[list[str], list[Any]]:
    """Inclusive since/until bounds of ``f`` on ``column`` (a fixed column name, values bound)."""
    clauses: list[str] = []
    params: list[Any] = []
    for bound, op in ((f.since, ">="), (f.until, "<=")):
        if bound:
            clauses.append(f"{column} {op} ?")
            params.append(S.parse_date(bound))
    return clauses, params


@dataclass
class BatchInfo:
    batch_id: str
    articles: int
    sentences: int
    mentions: int


def _pipeline_version() -> str:
    try:
        from importlib.metadata import version

        return version("eventwire")
    except Exception:  # pragma: no cover - not installed
        return "0"


def _new_batch_id() -> str:
    now = datetime.now(timezone.utc)
    return f"{now:%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


# ----------------------------------------------------------------------------------------- writer


class StoreWriter:
    """Appends batches; obtained from ``Store.open_writer()`` (which holds the lock)."""

    def __init__(self, store: "Store", pipeline_version: str, fsync: bool = True,
                 auto_compact: bool = True):
        self.store = store
        self.pipeline_version = pipeline_version
        self.fsync = fsync
        self.auto_compact = auto_compact
        self._since_compact = 0
        self.last_batch: BatchInfo | None = None
        self._known_articles: set[str] | None = None

    def known_article_ids(self) -> set[str]:
        """Ids of all stored articles (loaded once; safe because this writer holds the lock)."""
        if self._known_articles is None:
            self._known_articles = set(self.store._column_values("articles", "id"))
        return set(self._known_articles)

    def _known_mention_ids(self, article_ids: set[str]) -> set[str]:
        if not article_ids:
            return set()
        return set(self.store._mention_ids_for_articles(sorted(article_ids)))

    def write_batch(self, articles: list[Article], sentences: dict[str, list[Sentence]],
                    mentions: list[tuple[EventMention, str]]) -> int:
        """Write one batch; returns the number of *articles* newly stored.

        Articles whose id is already stored (or repeated within the batch) are skipped, and so are
        their sentences and mentions; mentions whose article is not part of this batch are kept
        unless a mention with the same id is already stored.  ``last_batch`` tells how many
        articles, sentences and mentions were written.  Nothing is written (and 0 returned) when
        nothing is new.
        """
        self.last_batch = None
        known = self._known_articles if self._known_articles is not None else self.known_article_ids()
        assert self._known_articles is not None
        new_articles: list[Article] = []
        new_ids: set[str] = set()
        for a in articles:
            if a.id in known or a.id in new_ids:
                continue
            new_articles.append(a)
            new_ids.add(a.id)

        orphan_article_ids = {m.article_id for m, _ in mentions
                              if m.article_id not in new_ids and m.article_id not in known}
        stored_orphans = self._known_mention_ids(orphan_article_ids)
        seen: set[str] = set()
        new_mentions: list[tuple[EventMention, str]] = []
        for m, event_id in mentions:
            if m.id in seen:
                continue
            if m.article_id in new_ids or (m.article_id not in known and m.id not in stored_orphans):
                new_mentions.append((m, event_id))
                seen.add(m.id)

        if not new_articles and not new_mentions:
            return 0

        batch_id = _new_batch_id()
        now = datetime.now(timezone.utc)
        tables = {
            "articles": S.articles_table(new_articles, now, self.pipeline_version, batch_id),
            "sentences": S.sentences_table(sentences or {}, [a.id for a in new_articles]),
            "mentions": S.mentions_table(new_mentions, now),
        }
        self.store._publish_batch(batch_id, tables, fsync=self.fsync)
        known.update(new_ids)
        self.last_batch = BatchInfo(batch_id, len(new_articles), tables["sentences"].num_rows,
                                    len(new_mentions))
        self._since_compact += 1
        if self.auto_compact and self._since_compact >= AUTO_COMPACT_BATCHES:
            self.compact(min_batches=AUTO_COMPACT_BATCHES)
            self._since_compact = 0
        return len(new_articles)


    def compact(self, small_rows: int = 50_000, min_batches: int = 2) -> int:
        """Merge the small batches (fewer than ``small_rows`` mentions) into one; returns how many
        batches were merged (0 when fewer than ``min_batches`` are small).

        The merged batch is published like any other (temp dir, atomic rename) and lists the
        batches it replaces in ``supersedes.json``; readers ignore superseded batches from the
        moment the merged one is visible, and the superseded directories are deleted only after a
        grace period (``SUPERSEDED_GRACE_S``), so queries already running on them never fail.
        """
        small = [b for b in self.store.batch_ids()
                 if pq.ParquetFile(self.store.batches_dir / b / "mentions.parquet").metadata.num_rows
                 < small_rows]
        if len(small) < max(2, min_batches):
            return 0
        tables = {}
        con = duckdb.connect(":memory:")
        try:
            for name in S.TABLES:
                files = [str(self.store.batches_dir / b / f"{name}.parquet") for b in small]
                schema = S.SCHEMAS[name]
                cols = ", ".join(f'"{c}"' for c in schema.names)
                rel = con.read_parquet(files, union_by_name=True).project(cols)
                tables[name] = rel.to_arrow_table().cast(schema)
        finally:
            con.close()
        self.store._publish_batch(_new_batch_id(), tables, fsync=self.fsync, supersedes=small)
        self.store._purge_superseded()
        return len(small)


# ------------------------------------------------------------------------------------------ store


_EVENTS_SQL = """
WITH sel AS (
    SELECT * FROM m WHERE event_id IN (SELECT event_id FROM m WHERE {where})
),
modes AS (
    SELECT event_id, md, count(*) AS c
    FROM (SELECT event_id, unnest(mode) AS md FROM sel)
    GROUP BY event_id, md
),
top_mode AS (
    SELECT event_id, first(md ORDER BY c DESC, md) AS mode FROM modes GROUP BY event_id
),
types AS (
    SELECT event_id, event_type, count(*) AS c, max(confidence) AS mc FROM sel GROUP BY ALL
),
top_type AS (
    SELECT event_id, first(event_type ORDER BY c DESC, mc DESC, event_type) AS event_type
    FROM types GROUP BY event_id
),
agg AS (
    SELECT
        event_id,
        coalesce(min(date) FILTER (WHERE date_source = 'text'), min(date)) AS date,
        coalesce(first(date_precision ORDER BY date, confidence DESC, id) FILTER (WHERE date_source = 'text'),
                 first(date_precision ORDER BY date, confidence DESC, id)) AS date_precision,
        first(actor_countries ORDER BY confidence DESC, id) AS actor_countries,
        first(actor_sectors ORDER BY confidence DESC, id) AS actor_sectors,
        first(actor_text ORDER BY confidence DESC, id) AS actor_text,
        first(recipient_countries ORDER BY confidence DESC, id) AS recipient_countries,
        first(recipient_sectors ORDER BY confidence DESC, id) AS recipient_sectors,
        first(recipient_text ORDER BY confidence DESC, id) AS recipient_text,
        first({{'name': location_name, 'text': location_text, 'country': location_country,
                'lat': lat, 'lon': lon, 'geonameid': geonameid}}
              ORDER BY confidence DESC, id) FILTER (WHERE location_name IS NOT NULL) AS location,
        count(*) AS num_mentions,
        count(DISTINCT article_id) AS num_articles,
        count(DISTINCT coalesce(site, 'article:' || article_id)) AS num_sources,
        -- copies of one story (near-duplicates link to their original) are one independent voice
        count(DISTINCT coalesce(dup_of, article_id)) AS num_independent,
        list(DISTINCT language ORDER BY language) FILTER (WHERE language IS NOT NULL) AS languages,
        min(ingested_at) AS first_seen,
        max(ingested_at) AS last_seen,
        first(quad_code ORDER BY confidence DESC, id) AS quad_code,
        first(intensity ORDER BY confidence DESC, id) AS intensity,
        first(cameo ORDER BY confidence DESC, id) AS cameo,
        max(confidence) AS confidence,
        first(sentence ORDER BY confidence DESC, id) AS sentence,
        first(article_id ORDER BY confidence DESC, id) AS article_id,
        first(url ORDER BY confidence DESC, id) FILTER (WHERE url IS NOT NULL) AS url,
        list(id ORDER BY confidence DESC, id) AS mention_ids
    FROM sel
    GROUP BY event_id
)
SELECT agg.event_id, top_type.event_type, top_mode.mode, agg.* EXCLUDE (event_id)
FROM agg
JOIN top_type USING (event_id)
LEFT JOIN top_mode USING (event_id)
WHERE {event_where}
ORDER BY agg.date DESC NULLS LAST, agg.event_id
{page}
"""


class Store:
    """A store folder; reading needs no lock, writing goes through ``open_writer()``."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.batches_dir = self.path / "batches"
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._view_key: tuple[str, ...] | None = None
        self._supersedes: dict[str, list[str]] = {}  # batch id → batches it replaces (immutable)

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # -------------------------------------------------------------------------- layout & lock

    def _init_layout(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self.batches_dir.mkdir(exist_ok=True)
        meta = self.path / "store.json"
        if meta.exists():
            info = json.loads(meta.read_text("utf-8"))
            if info.get("format") != S.FORMAT_NAME:
                raise StoreError(f"{self.path} is not an eventwire store (store.json format "
                                 f"{info.get('format')!r})")
            if int(info.get("version", 0)) > S.FORMAT_VERSION:
                raise StoreError(f"{self.path} has store format version {info.get('version')}; "
                                 f"this eventwire reads up to {S.FORMAT_VERSION}: upgrade eventwire")
        else:
            tmp = self.path / ".store.json.tmp"
            tmp.write_text(json.dumps({"format": S.FORMAT_NAME, "version": S.FORMAT_VERSION,
                                       "created": datetime.now(timezone.utc).isoformat()},
                                      indent=2) + "\n", "utf-8")
            os.replace(tmp, meta)

    def _clean_tmp(self) -> list[str]:
        removed = []
        for p in self.batches_dir.iterdir():
            if p.name.startswith(TMP_PREFIX):
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p.name)
        return removed

    @contextmanager
    def open_writer(self, pipeline_version: str | None = None, fsync: bool = True,
                    auto_compact: bool = True) -> Iterator[StoreWriter]:
        """Take the exclusive writer lock (non-blocking), clean crash leftovers, yield a writer.

        With ``auto_compact``, whenever ``AUTO_COMPACT_BATCHES`` or more small batches have piled up
        (many tiny ``write_batch`` calls) they are merged into one — checked every
        ``AUTO_COMPACT_BATCHES`` batches and on a normal exit — because query time grows with the
        number of Parquet files.
        """
        self._init_layout()
        fd = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise StoreLockedError(
                        f"another ingest is writing to {self.path}; wait for it or use another --store"
                    ) from None
                raise
            try:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
            except OSError:  # pragma: no cover
                pass
            self._clean_tmp()
            self._purge_superseded()
            try:
                writer = StoreWriter(self, pipeline_version or _pipeline_version(), fsync=fsync,
                                     auto_compact=auto_compact)
                yield writer
                if auto_compact:
                    writer.compact(min_batches=AUTO_COMPACT_BATCHES)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _publish_batch(self, batch_id: str, tables: dict[str, pa.Table], fsync: bool,
                       supersedes: list[str] | None = None) -> None:
        tmp = self.batches_dir / f"{TMP_PREFIX}{batch_id}"
        final = self.batches_dir / batch_id
        tmp.mkdir(parents=True)
        try:
            if supersedes:
                (tmp / SUPERSEDES).write_text(json.dumps(sorted(supersedes)), "utf-8")
            for name in S.TABLES:
                fn = tmp / f"{name}.parquet"
                pq.write_table(tables[name], fn, compression="zstd")
                if fsync:
                    with open(fn, "rb+") as fh:
                        os.fsync(fh.fileno())
            if fsync:
                _fsync_dir(tmp)
            os.rename(tmp, final)
            if fsync:
                _fsync_dir(self.batches_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    # ---------------------------------------------------------------------------------- reading

    def _complete_batches(self) -> list[str]:
        if not self.batches_dir.is_dir():
            return []
        return sorted(p.name for p in self.batches_dir.iterdir()
                      if not p.name.startswith(".") and p.is_dir())

    def _superseded_by(self, batch_id: str) -> list[str]:
        if batch_id not in self._supersedes:
            f = self.batches_dir / batch_id / SUPERSEDES
            try:
                self._supersedes[batch_id] = list(json.loads(f.read_text("utf-8")))
            except FileNotFoundError:
                self._supersedes[batch_id] = []
        return self._supersedes[batch_id]

    def batch_ids(self) -> list[str]:
        """The batches readers query: complete (renamed) and not superseded by a compaction."""
        names = self._complete_batches()
        gone = {old for b in names for old in self._superseded_by(b)}
        return [b for b in names if b not in gone]

    def _purge_superseded(self, grace_s: float | None = None) -> list[str]:
        """Delete superseded batch dirs whose replacement is older than the grace period (writer)."""
        grace = SUPERSEDED_GRACE_S if grace_s is None else grace_s
        now = time.time()
        removed = []
        names = self._complete_batches()
        for b in names:
            olds = self._superseded_by(b)
            if not olds:
                continue
            try:
                age = now - (self.batches_dir / b / SUPERSEDES).stat().st_mtime
            except FileNotFoundError:
                continue
            if age < grace:
                continue
            for old in olds:
                self._remove_batch(old, removed)
        return removed

    def _remove_batch(self, batch_id: str, removed: list[str]) -> None:
        # What a merged batch replaced goes first, so nothing it hid becomes visible again.
        for older in self._superseded_by(batch_id) if (self.batches_dir / batch_id).exists() else []:
            self._remove_batch(older, removed)
        if (self.batches_dir / batch_id).exists():
            shutil.rmtree(self.batches_dir / batch_id, ignore_errors=True)
            removed.append(batch_id)

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor on an in-memory DuckDB whose views cover the batches complete right now."""
        batches = tuple(self.batch_ids())
        with self._lock:
            if self._con is None:
                self._con = duckdb.connect(":memory:")
            if batches != self._view_key:
                con = self._con
                for name in S.TABLES:
                    files = [str(self.batches_dir / b / f"{name}.parquet") for b in batches]
                    if files:
                        rel = con.read_parquet(files, union_by_name=True)
                    else:
                        rel = con.from_arrow(S.empty_table(name))
                    rel.create_view(f"raw_{name}", replace=True)
                # mentions joined with their article's source fields: what every query reads.
                con.execute("""
                    CREATE OR REPLACE VIEW m AS
                    SELECT mm.*, a.site, a.url, a.title, a.published, a.dup_of
                    FROM raw_mentions mm LEFT JOIN raw_articles a ON a.id = mm.article_id
                """)
                self._view_key = batches
            return self._con.cursor()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
            self._con = None
            self._view_key = None

    def _column_values(self, table: str, column: str) -> list[Any]:
        cur = self._cursor()
        try:
            return [r[0] for r in cur.execute(f'SELECT "{column}" FROM raw_{table}').fetchall()]
        finally:
            cur.close()

    def _mention_ids_for_articles(self, article_ids: list[str]) -> list[str]:
        cur = self._cursor()
        try:
            rows = cur.execute("SELECT id FROM raw_mentions WHERE list_contains(?, article_id)",
                               [article_ids]).fetchall()
            return [r[0] for r in rows]
        finally:
            cur.close()

    @staticmethod
    def _mention_where(f: EventFilter, with_dates: bool = True) -> tuple[str, list[Any]]:
        clauses, params = filter_clauses(f, MENTION_FILTER_SQL)
        if with_dates:
            date_where, date_params = date_clauses(f, "date")
            clauses += date_where
            params += date_params
        return " AND ".join(["TRUE", *clauses]), params

    @staticmethod
    def _page(f: EventFilter) -> tuple[str, list[Any]]:
        sql, params = "", []
        if f.limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(f.limit)))
        if f.offset:
            sql += " OFFSET ?"
            params.append(max(0, int(f.offset)))
        return sql, params

    def mentions(self, filters: EventFilter | None = None) -> list[dict[str, Any]]:
        """Matching mentions, newest event date first: each is the event record
        (``EventMention.to_json()``) plus ``event_id`` and ``article`` (url, site, title,
        published, ingested_at)."""
        f = filters or EventFilter()
        where, params = self._mention_where(f)
        page, pparams = self._page(f)
        cur = self._cursor()
        try:
            rows = cur.execute(
                f"SELECT record, event_id, url, site, title, published, ingested_at FROM m "
                f"WHERE {where} ORDER BY date DESC NULLS LAST, id{page}", params + pparams
            ).fetchall()
        finally:
            cur.close()
        out = []
        for record, event_id, url, site, title, published, ingested_at in rows:
            rec = json.loads(record)
            rec["event_id"] = event_id
            rec["article"] = {"url": url, "site": site, "title": title,
                              "published": published.isoformat() if published else None,
                              "ingested_at": ingested_at.isoformat() if ingested_at else None}
            out.append(rec)
        return out

    def _events_query(self, f: EventFilter, paged: bool = True) -> tuple[str, list[Any]]:
        where, params = self._mention_where(f, with_dates=False)
        ev_clauses, ev_params = date_clauses(f, "agg.date")
        page, pparams = self._page(f) if paged else ("", [])
        sql = _EVENTS_SQL.format(where=where, event_where=" AND ".join(["TRUE", *ev_clauses]), page=page)
        return sql, params + ev_params + pparams

    def events(self, filters: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events (mentions grouped by ``event_id``), newest event date first.

        Mention-level filters (actor, recipient, event_type, language, text, article_id, event_id)
        select the events having at least one matching mention; the aggregates then cover all of
        the event's mentions.  since / until bound the event date.
        """
        sql, params = self._events_query(filters or EventFilter())
        cur = self._cursor()
        try:
            res = cur.execute(sql, params)
            cols = [d[0] for d in res.description]
            rows = res.fetchall()
        finally:
            cur.close()
        out = []
        for row in rows:
            ev = dict(zip(cols, row))
            for k in ("date",):
                ev[k] = ev[k].isoformat() if ev[k] else None
            for k in ("first_seen", "last_seen"):
                ev[k] = ev[k].isoformat() if ev[k] else None
            ev["languages"] = ev["languages"] or []
            out.append(ev)
        return out

    def count(self, kind: str = "events", filters: EventFilter | None = None) -> int:
        """Number of matching mentions or events, ignoring limit/offset (for paging)."""
        f = filters or EventFilter()
        cur = self._cursor()
        try:
            if kind == "mentions":
                where, params = self._mention_where(f)
                return cur.execute(f"SELECT count(*) FROM m WHERE {where}", params).fetchone()[0]
            if kind == "events":
                sql, params = self._events_query(f, paged=False)
                return cur.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        finally:
            cur.close()
        raise ValueError(f"count: unknown kind {kind!r} (mentions | events)")

    def stats(self) -> dict[str, Any]:
        cur = self._cursor()
        try:
            def one(sql: str) -> Any:
                return cur.execute(sql).fetchone()[0]

            def pairs(sql: str) -> dict[Any, int]:
                return {k: v for k, v in cur.execute(sql).fetchall()}

            dmin, dmax = cur.execute("SELECT min(date), max(date) FROM m").fetchone()
            pmin, pmax = cur.execute("SELECT min(published), max(published) FROM raw_articles").fetchone()
            return {
                "path": str(self.path),
                "batches": len(self._view_key or ()),
                "articles": one("SELECT count(*) FROM raw_articles"),
                "sentences": one("SELECT count(*) FROM raw_sentences"),
                "mentions": one("SELECT count(*) FROM raw_mentions"),
                "events": one("SELECT count(DISTINCT event_id) FROM raw_mentions"),
                "sources": one("SELECT count(DISTINCT site) FROM raw_articles"),
                "languages": pairs("SELECT language, count(*) FROM raw_articles "
                                   "GROUP BY ALL ORDER BY 2 DESC, 1"),
                "mention_languages": pairs("SELECT language, count(*) FROM raw_mentions "
                                           "GROUP BY ALL ORDER BY 2 DESC, 1"),
                "by_event_type": pairs("SELECT event_type, count(*) FROM raw_mentions "
                                       "GROUP BY ALL ORDER BY 2 DESC, 1"),
                "by_quad_code": pairs("SELECT quad_code, count(*) FROM raw_mentions "
                                      "GROUP BY ALL ORDER BY 1 NULLS LAST"),
                "date_range": {"min": dmin.isoformat() if dmin else None,
                               "max": dmax.isoformat() if dmax else None},
                "published_range": {"min": pmin.isoformat() if pmin else None,
                                    "max": pmax.isoformat() if pmax else None},
            }
        finally:
            cur.close()

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its sentences and mention ids, or None."""
        cur = self._cursor()
        try:
            res = cur.execute("SELECT * FROM raw_articles WHERE id = ?", [article_id])
            cols = [d[0] for d in res.description]
            row = res.fetchone()
            if row is None:
                return None
            art = dict(zip(cols, row))
            art["published"] = art["published"].isoformat() if art["published"] else None
            art["ingested_at"] = art["ingested_at"].isoformat() if art["ingested_at"] else None
            sents = cur.execute(
                'SELECT "index", "start", "end", text FROM raw_sentences WHERE article_id = ? '
                'ORDER BY "index"', [article_id]).fetchall()
            art["sentences"] = [{"index": i, "start": s, "end": e, "text": t} for i, s, e, t in sents]
            art["mention_ids"] = [r[0] for r in cur.execute(
                "SELECT id FROM raw_mentions WHERE article_id = ? ORDER BY evidence_start, id",
                [article_id]).fetchall()]
            return art
        finally:
            cur.close()

    def export(self, fmt: str, out_path: str | os.PathLike[str],
               filters: EventFilter | None = None) -> int:
        """Write an export (plover | gdelt | parquet | csv); returns the number of rows written."""
        from .export import export

        return export(self, fmt, out_path, filters)
