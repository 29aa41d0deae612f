"""Plain files and folders → RawDocument | SourceError.

Content type by extension (``.txt``/none → text, ``.html``/``.htm``/``.xhtml`` → HTML,
``.jsonl``/``.ndjson`` → one document per line, see ``jsonl``), unknown extensions sniffed.
Folders are walked recursively in sorted order; hidden files and folders (``.name``) are skipped.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import datetime, timezone

from eventwire.records import RawDocument, SourceError

STAGE = "sources"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MB per file
CONTENT_HTML = "text/html"
CONTENT_TEXT = "text/plain"

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
TEXT_EXTENSIONS = frozenset({".txt", ""})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
FEED_EXTENSIONS = frozenset({".rss", ".atom", ".xml", ".rdf"})

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff_content_type(head: bytes) -> str:
    """"text/html" if the bytes start with a tag (after BOM and whitespace), else "text/plain"."""
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
            if bom != b"\xef\xbb\xbf":  # UTF-16: drop the zero bytes for the sniff
                head = head.replace(b"\x00", b"")
            break
    head = head.lstrip()
    if len(head) >= 2 and head[:1] == b"<" and (head[1:2].isalpha() or head[1:2] in (b"!", b"?")):
        return CONTENT_HTML
    return CONTENT_TEXT


def _mtime_utc(st: os.stat_result) -> datetime:
    return datetime.fromtimestamp(st.st_mtime, tz=timezone.utc)


def _error(path: str, reason: str) -> SourceError:
    return SourceError(uri=path, stage=STAGE, reason=reason)


def _os_reason(exc: OSError) -> str:
    what = exc.strerror or exc.__class__.__name__
    return f"cannot read: {what}"


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES, fetcher=None,
              max_decompressed: int | None = None) -> Iterator[RawDocument | SourceError]:
    """Read one file: one RawDocument (or several for JSONL, feeds and WARC) or SourceErrors.

    ``.warc``/``.warc.gz`` → ``warc``; other ``.gz`` files are decompressed (capped at
    ``max_decompressed``, default ``max_bytes``) and read by their inner extension; RSS/Atom feeds
    (``.rss``/``.atom``/``.xml`` or sniffed) → ``feeds`` (article pages fetched with ``fetcher``).
    """
    from eventwire.sources.warc import is_warc_path

    ext = os.path.splitext(path)[1].lower()
    if is_warc_path(path):
        from eventwire.sources.compress import DEFAULT_MAX_DECOMPRESSED
        from eventwire.sources.warc import iter_warc

        yield from iter_warc(path, max_bytes=max_bytes,
                             max_decompressed=max_decompressed or DEFAULT_MAX_DECOMPRESSED)
        return
    if ext == ".gz":
        yield from _read_gzip(path, max_bytes, fetcher, max_decompressed or max_bytes)
        return
    if ext in JSONL_EXTENSIONS:
        from eventwire.sources.jsonl import iter_jsonl_file

        yield from iter_jsonl_file(path, max_line_bytes=max_bytes)
        return
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                yield _error(path, "not a regular file (device, pipe or socket); pass a file or folder")
                return
            if st.st_size > max_bytes:
                yield _error(path, f"file too large: {st.st_size} bytes > limit {max_bytes} bytes; "
                                   "raise max_bytes or split the file")
                return
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        yield _error(path, _os_reason(exc))
        return
    if len(data) > max_bytes:  # grew while we read it
        yield _error(path, f"file too large: more than {max_bytes} bytes; raise max_bytes or split the file")
        return
    yield from _document(path, ext, data, _mtime_utc(st), fetcher)


def _document(path: str, ext: str, data: bytes, fetched_at: datetime, fetcher
              ) -> Iterator[RawDocument | SourceError]:
    from eventwire.sources.feeds import iter_feed, looks_like_feed

    if ext in FEED_EXTENSIONS or (ext not in HTML_EXTENSIONS and ext not in TEXT_EXTENSIONS
                                  and looks_like_feed(data[:2048])):
        if looks_like_feed(data[:2048]):
            yield from iter_feed(data, path, fetcher)
            return
    if ext in HTML_EXTENSIONS:
        content_type = CONTENT_HTML
    elif ext in TEXT_EXTENSIONS:
        content_type = CONTENT_TEXT
    else:
        content_type = sniff_content_type(data[:1024])
    yield RawDocument(uri=path, data=data, fetched_at=fetched_at, hints={"content_type": content_type})


def _read_gzip(path: str, max_bytes: int, fetcher, cap: int) -> Iterator[RawDocument | SourceError]:
    from eventwire.sources.compress import CorruptArchive, DecompressionLimit, gunzip_capped

    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > max_bytes:
                yield _error(path, f"file too large: {st.st_size} bytes > limit {max_bytes} bytes")
                return
            packed = fh.read(max_bytes + 1)
    except OSError as exc:
        yield _error(path, _os_reason(exc))
        return
    try:
        data = gunzip_capped(packed, cap)
    except (DecompressionLimit, CorruptArchive) as exc:
        yield _error(path, str(exc))
        return
    inner = path[:-3]
    inner_ext = os.path.splitext(inner)[1].lower()
    if inner_ext in JSONL_EXTENSIONS:
        from eventwire.sources.jsonl import iter_jsonl_bytes

        yield from iter_jsonl_bytes(data, path)
        return
    yield from _document(path, inner_ext, data, _mtime_utc(st), fetcher)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def walk_folder(path: str, max_bytes: int = DEFAULT_MAX_BYTES, fetcher=None,
                max_decompressed: int | None = None) -> Iterator[RawDocument | SourceError]:
    """Walk a folder recursively, sorted by name, skipping hidden entries and non-regular files."""
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _error(path, f"cannot list folder: {exc.strerror or exc.__class__.__name__}")
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            yield _error(entry.path, _os_reason(exc))
            continue
        if is_dir:
            if entry.is_symlink():  # no symlinked folders: avoids cycles and double counting
                continue
            yield from walk_folder(entry.path, max_bytes=max_bytes, fetcher=fetcher,
                                   max_decompressed=max_decompressed)
        elif is_file:
            yield from read_file(entry.path, max_bytes=max_bytes, fetcher=fetcher,
                                 max_decompressed=max_decompressed)
        elif entry.is_symlink():
            yield _error(entry.path, "broken symbolic link")
        # sockets, pipes, devices inside folders are skipped silently


def iter_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES, fetcher=None,
              max_decompressed: int | None = None) -> Iterator[RawDocument | SourceError]:
    """A file or a folder (recursively)."""
    if os.path.isdir(path):
        yield from walk_folder(path, max_bytes=max_bytes, fetcher=fetcher, max_decompressed=max_decompressed)
    elif os.path.lexists(path):
        yield from read_file(path, max_bytes=max_bytes, fetcher=fetcher, max_decompressed=max_decompressed)
    else:
        yield _error(path, "no such file or folder")
