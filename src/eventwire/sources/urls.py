"""``eventwire ingest URL``: a page or a feed fetched over HTTP(S) through the safe ``Fetcher``.

A response that is an RSS/Atom feed (by content type or by its first bytes) is read as a feed and
every entry's article page is fetched; anything else is one document.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from eventwire.records import RawDocument, SourceError
from eventwire.sources.feeds import iter_feed, looks_like_feed
from eventwire.sources.fetch import STAGE, FetchError, Fetcher

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml")


def iter_url(url: str, fetcher: Fetcher) -> Iterator[RawDocument | SourceError]:
    try:
        resp = fetcher.fetch(url)
    except FetchError as exc:
        yield SourceError(url, STAGE, str(exc))
        return
    if resp.content_type in FEED_TYPES or (resp.content_type not in ("text/html", "application/xhtml+xml")
                                           and looks_like_feed(resp.body[:2048])):
        if looks_like_feed(resp.body[:2048]):
            yield from iter_feed(resp.body, url, fetcher)
            return
    hints = {"url": resp.url, "content_type": resp.content_type or None, "charset": resp.charset}
    yield RawDocument(uri=url, data=resp.body, fetched_at=datetime.now(timezone.utc),
                      hints={k: v for k, v in hints.items() if v})
