"""``-``: read stdin whole; JSONL when every non-blank line is a JSON object, else one document."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import BinaryIO

from eventwire.records import RawDocument, SourceError
from eventwire.sources.files import DEFAULT_MAX_BYTES, STAGE, sniff_content_type
from eventwire.sources.jsonl import iter_jsonl_bytes

STDIN_URI = "<stdin>"


def looks_like_jsonl(data: bytes) -> bool:
    """True when every non-blank line starts with ``{`` and the first one parses as a JSON object.

    Later lines are not parsed here: a bad one becomes a SourceError for that line, as in a file.
    """
    lines = [ln for ln in data.splitlines() if ln.strip()]
    if not lines or not all(ln.lstrip().startswith((b"{", b"\xef\xbb\xbf{")) for ln in lines):
        return False
    try:
        return isinstance(json.loads(lines[0].decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def read_stdin(stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | SourceError]:
    fetched_at = datetime.now(timezone.utc)
    try:
        data = stream.read()
    except OSError as exc:
        yield SourceError(uri=STDIN_URI, stage=STAGE, reason=f"cannot read stdin: {exc}")
        return
    if isinstance(data, str):  # a text stream was passed
        data = data.encode("utf-8")
    if looks_like_jsonl(data):
        yield from iter_jsonl_bytes(data, STDIN_URI, fetched_at, max_line_bytes=max_bytes)
        return
    if len(data) > max_bytes:
        yield SourceError(uri=STDIN_URI, stage=STAGE,
                          reason=f"stdin too large: {len(data)} bytes > limit {max_bytes} bytes; raise max_bytes")
        return
    yield RawDocument(uri=STDIN_URI, data=data, fetched_at=fetched_at,
                      hints={"content_type": sniff_content_type(data[:1024])})
