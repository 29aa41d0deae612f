"""sources: read inputs into `RawDocument`s.

One job: turn paths (files, folders, ``-`` for stdin) into ``RawDocument(uri, data, fetched_at,
hints)`` — bytes as read, nothing decoded or extracted.  A bad item yields a ``SourceError`` and
the iteration goes on; nothing here raises for one bad input.

Modules:
    files  — plain files and folders (text, HTML, sniffing unknown extensions)
    jsonl  — JSONL / NDJSON article dumps, one RawDocument per line
    stdin  — ``-``: the whole of stdin as one document, or JSONL when it is JSONL

(Feeds, WARC files and URLs will get their own modules here.)
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
) -> Iterator[RawDocument | SourceError]:
    """Yield a RawDocument for every readable input and a SourceError for every bad one.

    Each path is a file, a folder (walked recursively in sorted order, hidden entries skipped) or
    ``-`` for stdin (``stdin`` defaults to ``sys.stdin.buffer``).  ``max_bytes`` is the size limit
    per file (per line for JSONL files).
    """
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stdin(stream, max_bytes=max_bytes)
        else:
            yield from iter_path(path, max_bytes=max_bytes)
