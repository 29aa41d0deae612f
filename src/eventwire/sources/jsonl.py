"""JSONL / NDJSON article dumps: one JSON object per line → one RawDocument per line.

Line format: ``{"url", "title", "text", "published", "language"}`` (only ``text`` is required).
The document's bytes are the text encoded as UTF-8; the other fields become hints.  A bad line
yields a SourceError naming the file and line; the following lines are still read.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from eventwire.records import RawDocument, SourceError
from eventwire.sources.files import CONTENT_TEXT, DEFAULT_MAX_BYTES, STAGE

HINT_FIELDS = ("url", "title", "published", "language")


def line_uri(path: str, lineno: int) -> str:
    return f"{path}#L{lineno}"


def parse_jsonl_line(
    line: bytes | str, path: str, lineno: int, fetched_at: datetime | None = None
) -> RawDocument | SourceError | None:
    """One line → RawDocument, SourceError (naming path and line), or None for a blank line."""
    uri = line_uri(path, lineno)

    def error(reason: str) -> SourceError:
        return SourceError(uri=uri, stage=STAGE, reason=f"{path} line {lineno}: {reason}")

    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            return error(f"not valid UTF-8 (byte {exc.start}); JSONL must be UTF-8")
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return error(f"invalid JSON: {exc.msg} (column {exc.colno}); fix or remove the line")
    if not isinstance(obj, dict):
        return error(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return error(f'"text" is {what}; every line needs the article text')
    hints: dict[str, Any] = {"content_type": CONTENT_TEXT, "line": lineno}
    for key in HINT_FIELDS:
        value = obj.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            return error(f'"{key}" must be a string or null, got {type(value).__name__}')
        hints[key] = value
    return RawDocument(uri=uri, data=text.encode("utf-8"), fetched_at=fetched_at, hints=hints)


def _line_items(
    line: bytes, path: str, lineno: int, fetched_at: datetime | None, max_line_bytes: int
) -> Iterator[RawDocument | SourceError]:
    if len(line) > max_line_bytes:
        yield SourceError(uri=line_uri(path, lineno), stage=STAGE,
                          reason=f"{path} line {lineno}: line too large: {len(line)} bytes > limit "
                                 f"{max_line_bytes} bytes; raise max_bytes or split the line")
        return
    item = parse_jsonl_line(line, path, lineno, fetched_at)
    if item is not None:
        yield item


def iter_jsonl_bytes(
    data: bytes, path: str, fetched_at: datetime | None = None, max_line_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | SourceError]:
    """JSONL already in memory (e.g. from stdin)."""
    for lineno, line in enumerate(data.splitlines(), start=1):
        yield from _line_items(line, path, lineno, fetched_at, max_line_bytes)


def iter_jsonl_file(path: str, max_line_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | SourceError]:
    """Stream a JSONL file line by line; the size limit applies per line, not per file."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield SourceError(uri=path, stage=STAGE, reason=f"cannot read: {exc.strerror or exc.__class__.__name__}")
        return
    with fh:
        try:
            fetched_at = datetime.fromtimestamp(os.fstat(fh.fileno()).st_mtime, tz=timezone.utc)
        except OSError:
            fetched_at = None
        lines = iter(fh)
        lineno = 0
        while True:
            try:
                line = next(lines)
            except StopIteration:
                return
            except OSError as exc:
                yield SourceError(uri=line_uri(path, lineno + 1), stage=STAGE,
                                  reason=f"{path} line {lineno + 1}: read failed: "
                                         f"{exc.strerror or exc.__class__.__name__}; rest of file skipped")
                return
            lineno += 1
            yield from _line_items(line, path, lineno, fetched_at, max_line_bytes)
