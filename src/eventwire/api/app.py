"""The REST API (FastAPI; OpenAPI at ``/openapi.json``) and the dashboard at ``/``.

Read-only unless ``EVENTWIRE_TOKEN`` is set: only then does ``POST /api/ingest`` accept JSONL, and
only with ``Authorization: Bearer <token>``.  Every query value is bound as a DuckDB parameter (see
``readpath``); every response carries a strict Content-Security-Policy (``default-src 'self'``, no
inline script, no eval) and ``X-Content-Type-Options: nosniff``.
"""
from __future__ import annotations

import hmac
import os
import tempfile
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query as Q, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from eventwire.store import EXPORT_FORMATS, EventFilter, Store, StoreLockedError

from .readpath import EventIndex, Query, dumps, event_claims

STATIC_DIR = Path(__file__).resolve().parent.parent / "ui" / "static"
MAX_INGEST_BYTES = 20 * 1024 * 1024
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
EXPORT_MEDIA = {"plover": ("application/x-ndjson", "jsonl"), "gdelt": ("text/tab-separated-values", "tsv"),
                "parquet": ("application/vnd.apache.parquet", "parquet"), "csv": ("text/csv", "csv")}


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): adds the security headers."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


class Sort(str, Enum):
    date = "date"
    num_mentions = "num_mentions"
    confidence = "confidence"


class Order(str, Enum):
    desc = "desc"
    asc = "asc"


class ExportFormat(str, Enum):
    plover = "plover"
    gdelt = "gdelt"
    parquet = "parquet"
    csv = "csv"


def query_filters(
    actor: Annotated[str | None, Q(max_length=64, description="ISO3 code of an actor country, e.g. RUS")] = None,
    recipient: Annotated[str | None, Q(max_length=64, description="ISO3 code of a recipient country")] = None,
    type: Annotated[str | None, Q(max_length=64, description="PLOVER event type, e.g. ASSAULT")] = None,
    since: Annotated[date | None, Q(description="earliest event date YYYY-MM-DD")] = None,
    until: Annotated[date | None, Q(description="latest event date YYYY-MM-DD")] = None,
    text: Annotated[str | None, Q(max_length=500, description="words that must all occur in the "
                                  "evidence sentence or the title")] = None,
    language: Annotated[str | None, Q(max_length=16, description="ISO 639-1 code of the mention")] = None,
    min_independent: Annotated[int | None, Q(ge=0, le=100_000, description="at least this many "
                                             "independent sources (near-duplicate copies count once)")] = None,
) -> Query:
    return Query.of(actor, recipient, type, since, until, text, language, min_independent)


Filters = Annotated[Query, Depends(query_filters)]
Limit = Annotated[int, Q(ge=1, le=500, description="page size")]
Offset = Annotated[int, Q(ge=0, le=1_000_000, description="rows to skip")]


def json_response(body: bytes, status: int = 200) -> Response:
    return Response(content=body, status_code=status, media_type="application/json")


def trigger_span(sentence: str, trigger: str | None, start: int) -> tuple[int | None, int | None]:
    """Absolute offsets of the trigger inside the evidence sentence (first occurrence)."""
    if not trigger or not sentence:
        return None, None
    i = sentence.find(trigger)
    if i < 0:
        i = sentence.lower().find(trigger.lower())
    if i < 0:
        return None, None
    return start + i, start + i + len(trigger)


def create_app(store_path: str | os.PathLike[str], refresh_s: float = 0.5) -> FastAPI:
    store = Store(store_path)
    index = EventIndex(store, refresh_s=refresh_s)
    app = FastAPI(title="eventwire", version=_version(), docs_url=None, redoc_url=None,
                  description="Political event records coded from news: who did what to whom, when, "
                              "where, according to whom and how sure. Read-only unless "
                              "EVENTWIRE_TOKEN is set (POST /api/ingest).")
    app.state.store = store
    app.state.index = index

    # -------------------------------------------------------------------------------- events

    @app.get("/api/events", tags=["events"], summary="Events (consolidated), filtered, sorted, paged")
    async def list_events(f: Filters, limit: Limit = 50, offset: Offset = 0, sort: Sort = Sort.date,
                          order: Order = Order.desc) -> Response:
        key = ("events", f, limit, offset, sort.value, order.value)
        body = index.peek(key)
        if body is None:
            body = await run_in_threadpool(
                index.cached, key, lambda: dumps(index.events(f, limit, offset, sort.value, order.value)))
        return json_response(body)

    @app.get("/api/events/{event_id}", tags=["events"],
             summary="One event with its mentions, evidence and claims")
    def get_event(event_id: Annotated[str, PathParam(max_length=128)]) -> Response:
        def compute() -> bytes | None:
            ev = index.event(event_id)
            mentions = store.mentions(EventFilter(event_id=event_id))
            if ev is None and not mentions:
                return None
            evidence = []
            for mm in mentions:
                e = mm.get("evidence") or {}
                ts, te = trigger_span(e.get("sentence") or "", e.get("trigger"), e.get("start") or 0)
                evidence.append({"mention_id": mm["id"], "article_id": mm["article_id"],
                                 "start": e.get("start"), "end": e.get("end"), "sentence": e.get("sentence"),
                                 "trigger": e.get("trigger"), "trigger_start": ts, "trigger_end": te,
                                 "event_type": mm.get("event_type"), "title": (mm.get("article") or {}).get("title"),
                                 "url": (mm.get("article") or {}).get("url")})
            claim = event_claims(store, [event_id], mentions)
            return dumps({"event": ev, "mentions": mentions, "evidence": evidence,
                          "claim": claim[0] if claim else None})

        body = index.cached(("event", event_id), compute)
        if body is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return json_response(body)

    @app.get("/api/mentions", tags=["events"], summary="Event mentions (one per sentence and event)")
    def list_mentions(f: Filters, limit: Limit = 50, offset: Offset = 0) -> Response:
        def compute() -> bytes:
            total = store.count("mentions", f.filters)
            items = store.mentions(replace(f.filters, limit=limit, offset=offset))
            return dumps({"total": total, "limit": limit, "offset": offset, "filters": f.as_dict(),
                          "items": items})

        return json_response(index.cached(("mentions", f, limit, offset), compute))

    @app.get("/api/actors", tags=["aggregates"],
             summary="Counts per country as actor / recipient, and the actor network")
    def actors(f: Filters) -> Response:
        return json_response(index.cached(("actors", f), lambda: dumps(index.actors(f))))

    @app.get("/api/claims", tags=["aggregates"],
             summary="Events with attributed or denied mentions, each with its claim record")
    def claims(f: Filters, limit: Limit = 50, offset: Offset = 0) -> Response:
        return json_response(index.cached(("claims", f, limit, offset),
                                          lambda: dumps(index.claims(f, limit, offset))))

    @app.get("/api/stats", tags=["aggregates"],
             summary="Counts by day (cooperation / conflict), type, quad class, country, language")
    def stats(f: Filters) -> Response:
        def compute() -> bytes:
            data = index.stats(f)
            s = store.stats()
            data["store"] = {k: s[k] for k in ("articles", "mentions", "events", "sources", "batches",
                                               "date_range")}
            return dumps(data)

        return json_response(index.cached(("stats", f), compute))

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="Article text with evidence spans for highlighting")
    def article(article_id: Annotated[str, PathParam(max_length=128)]) -> Response:
        def compute() -> bytes | None:
            art = store.article(article_id)
            if art is None:
                return None
            mentions = store.mentions(EventFilter(article_id=article_id))
            spans = []
            for mm in sorted(mentions, key=lambda r: ((r.get("evidence") or {}).get("start") or 0, r["id"])):
                e = mm.get("evidence") or {}
                ts, te = trigger_span(e.get("sentence") or "", e.get("trigger"), e.get("start") or 0)
                spans.append({"start": e.get("start"), "end": e.get("end"), "event_type": mm.get("event_type"),
                              "trigger": e.get("trigger"), "trigger_start": ts, "trigger_end": te,
                              "mention_id": mm["id"], "event_id": mm.get("event_id"),
                              "polarity": (mm.get("modality") or {}).get("polarity"),
                              "certainty": (mm.get("modality") or {}).get("certainty")})
            art["spans"] = spans
            return dumps(art)

        body = index.cached(("article", article_id), compute)
        if body is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return json_response(body)

    @app.get("/api/export", tags=["export"], summary="Download an export of the (filtered) store",
             response_class=Response)
    def export(f: Filters, format: ExportFormat = ExportFormat.plover) -> Response:
        if format.value not in EXPORT_FORMATS:  # pragma: no cover - formats come from the store
            raise HTTPException(400, f"unknown format {format.value}")
        media, ext = EXPORT_MEDIA[format.value]
        fd, tmp = tempfile.mkstemp(prefix="eventwire-export-", suffix=f".{ext}")
        os.close(fd)
        try:
            store.export(format.value, tmp, f.filters)
        except Exception:
            os.unlink(tmp)
            raise
        return FileResponse(tmp, media_type=media, filename=f"eventwire-{format.value}.{ext}",
                            background=BackgroundTask(os.unlink, tmp))

    # -------------------------------------------------------------------------------- ingest

    @app.post("/api/ingest", tags=["ingest"], summary="Add JSONL articles (needs EVENTWIRE_TOKEN)",
              responses={401: {"description": "missing or wrong bearer token"},
                         403: {"description": "ingest disabled (EVENTWIRE_TOKEN not set)"},
                         409: {"description": "another ingest holds the store's writer lock"}})
    async def ingest(request: Request,
                     language: Annotated[str | None, Q(max_length=16)] = None,
                     published: Annotated[date | None, Q()] = None) -> Response:
        token = os.environ.get("EVENTWIRE_TOKEN")
        if not token:
            raise HTTPException(403, "ingest is disabled: start the server with EVENTWIRE_TOKEN set")
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token",
                                headers={"WWW-Authenticate": "Bearer"})
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > MAX_INGEST_BYTES:
                raise HTTPException(413, f"body over {MAX_INGEST_BYTES} bytes; split it")
        summary = await run_in_threadpool(_ingest_jsonl, store, bytes(body), language, published)
        index.refresh(force=True)
        return json_response(dumps(summary))

    # ----------------------------------------------------------------------------- dashboard

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    @app.get("/api/health", tags=["meta"], summary="Liveness and store version")
    def health() -> dict[str, Any]:
        index.refresh()
        return {"ok": True, "version": index.version, "build_seconds": round(index.build_seconds, 3)}

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(SecurityHeaders)
    return app


def _ingest_jsonl(store: Store, data: bytes, language: str | None, published: date | None) -> dict[str, Any]:
    from eventwire.pipeline import ingest as run_ingest

    with tempfile.TemporaryDirectory(prefix="eventwire-ingest-") as d:
        path = Path(d) / "posted.jsonl"
        path.write_bytes(data)
        try:
            s = run_ingest([str(path)], store, language=language, published=published)
        except StoreLockedError as exc:
            raise HTTPException(409, str(exc)) from None
    return {"read": s.read, "coded": s.coded, "duplicates": s.duplicates, "mentions": s.mentions,
            "failed": s.failed, "errors": [str(e).replace(str(path), "posted.jsonl") for e in s.errors]}


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("eventwire")
    except Exception:  # pragma: no cover
        return "0"
