"""sources: read inputs into `RawDocument`s.

One job: turn paths (files, folders, ``-`` for stdin) into ``RawDocument(uri, data, fetched_at,
hints)`` — bytes as read, nothing decoded or extracted.  A bad item yields a ``SourceError`` and
the iteration goes on; nothing here raises for one bad input.

Modules:
    files  — plain files and folders (text, HTML, sniffing unknown extensions)
    jsonl  — JSONL / NDJSON article dumps, one RawDocument per line
    stdin  — ``-``: the whole of stdin as one document, or JSONL when it is JSONL
    feeds  — RSS/Atom feeds (feedparser), each entry's article page fetched
    warc   — WARC / WARC.gz (Common Crawl News): HTML response records
    urls   — ``http(s)://`` arguments: a page or a feed
    fetch  — the safe fetcher (http(s) only, no private targets, limits, robots.txt, rate limit)
    compress — capped gzip decompression (no decompression bombs)
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from eventwire.records import RawDocument, SourceError
from eventwire.sources.files import (
    CONTENT_HTML,
    CONTENT_TEXT,
    DEFAULT_MAX_BYTES,
    iter_path,
    read_file,
    sniff_content_type,
)
from eventwire.sources.jsonl import iter_jsonl_bytes, iter_jsonl_file, parse_jsonl_line
from eventwire.sources.stdin import STDIN_URI, read_stdin

__all__ = [
    "CONTENT_HTML",
    "CONTENT_TEXT",
    "DEFAULT_MAX_BYTES",
    "STDIN_URI",
    "iter_inputs",
    "iter_jsonl_bytes",
    "iter_jsonl_file",
    "iter_path",
    "parse_jsonl_line",
    "read_file",
    "read_stdin",
    "sniff_content_type",
]


def iter_inputs(
    paths: Iterable[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    fetcher=None,
    max_decompressed: int | None = None,
) -> Iterator[RawDocument | SourceError]:
    """Yield a RawDocument for every readable input and a SourceError for every bad one.

    Each path is a file, a folder (walked recursively in sorted order, hidden entries skipped) or
    ``-`` for stdin (``stdin`` defaults to ``sys.stdin.buffer``).  ``max_bytes`` is the size limit
    per file (per line for JSONL files).  ``http(s)://`` arguments and the article links of feeds
    are fetched with ``fetcher`` (a ``sources.fetch.Fetcher``; a default one — public hosts only,
    robots.txt honoured — when None).  Without a fetcher feed *files* use the entries' own content.
    ``max_decompressed`` caps what one compressed file may expand to.
    """
    from eventwire.sources.fetch import Fetcher, is_url

    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stdin(stream, max_bytes=max_bytes)
        elif is_url(path):
            from eventwire.sources.urls import iter_url

            yield from iter_url(path, fetcher if fetcher is not None else Fetcher(max_bytes=max_bytes))
        else:
            yield from iter_path(path, max_bytes=max_bytes, fetcher=fetcher, max_decompressed=max_decompressed)
