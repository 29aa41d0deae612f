"""RSS/Atom feeds → one RawDocument per entry, with the article page fetched.

A feed (file or URL) is parsed with feedparser; for every entry with a link the article page is
fetched through the safe ``Fetcher`` (its title, link and date become hints).  Without a fetcher
(``fetch_pages=False``) or when an entry has no link, the entry's own content (``content:encoded``,
or the summary) is the document.  A feed that cannot be parsed is one SourceError.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timezone

from eventwire.records import RawDocument, SourceError
from eventwire.sources.fetch import Fetcher

STAGE = "feeds"
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes hold an RSS, Atom or RDF root element."""
    h = head[:2048].lower()
    return any(m in h for m in _FEED_MARKERS) and b"<html" not in h


def _published(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return time.strftime("%Y-%m-%d", value)
            except (TypeError, ValueError):
                continue
    return None


def _entry_content(entry) -> tuple[str, str] | None:
    for c in entry.get("content") or []:
        if c.get("value"):
            return c["value"], c.get("type") or "text/html"
    if entry.get("summary"):
        return entry["summary"], (entry.get("summary_detail") or {}).get("type") or "text/html"
    return None


def iter_feed(data: bytes, uri: str, fetcher: Fetcher | None = None, language: str | None = None
              ) -> Iterator[RawDocument | SourceError]:
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is lenient; anything it raises is one bad feed
        yield SourceError(uri, STAGE, f"feed could not be parsed ({exc.__class__.__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
        yield SourceError(uri, STAGE, f"feed without entries{why}")
        return
    feed_lang = language or (parsed.get("feed") or {}).get("language")
    for i, entry in enumerate(entries):
        link = entry.get("link")
        hints = {"title": entry.get("title"), "published": _published(entry), "language": feed_lang,
                 "url": link, "feed": uri}
        hints = {k: v for k, v in hints.items() if v}
        if link and fetcher is not None:
            yield fetcher.fetch_document(link, hints)
            continue
        content = _entry_content(entry)
        entry_uri = link or f"{uri}#entry{i + 1}"
        if content is None:
            yield SourceError(entry_uri, STAGE, "feed entry without link or content")
            continue
        value, ctype = content
        hints["content_type"] = "text/html" if "html" in ctype else "text/plain"
        yield RawDocument(uri=entry_uri, data=value.encode("utf-8"), fetched_at=datetime.now(timezone.utc),
                          hints=hints)
