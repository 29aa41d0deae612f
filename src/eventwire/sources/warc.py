"""WARC / WARC.gz files (Common Crawl News layout) → one RawDocument per HTML response record.

Only ``response`` records with an HTML (or XHTML) payload and an HTTP status < 400 become documents;
requests, metadata, robots.txt and non-HTML responses are skipped.  ``.gz`` files are decompressed
by our own capped reader (no decompression bombs: at most ``max_decompressed`` bytes in all), and
each payload is limited to ``max_bytes``.  A truncated or corrupt archive yields the complete
records before the damage and then one SourceError naming the file and the record number.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timezone

from eventwire.records import RawDocument, SourceError
from eventwire.sources.compress import (
    DEFAULT_MAX_DECOMPRESSED,
    GZIP_MAGIC,
    CappedReader,
    CorruptArchive,
    DecompressionLimit,
    open_gzip_capped,
)

STAGE = "warc"
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc_path(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            return v.strip().strip("\"'")
    return None


def iter_warc(path: str, max_bytes: int, max_decompressed: int = DEFAULT_MAX_DECOMPRESSED
              ) -> Iterator[RawDocument | SourceError]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield SourceError(path, STAGE, f"cannot read: {exc.strerror or exc.__class__.__name__}")
        return
    n = 0
    with fh:
        head = fh.read(2)
        fh.seek(0)
        if head == GZIP_MAGIC:
            stream = open_gzip_capped(fh, max_decompressed)
        else:
            size = os.fstat(fh.fileno()).st_size
            stream = CappedReader(fh, max(max_decompressed, size), "WARC file")
        try:
            for record in ArchiveIterator(stream, arc2warc=True, ensure_http_headers=False):
                n += 1
                if record.rec_type != "response":
                    continue
                http = record.http_headers
                if http is None:
                    continue
                status = http.get_statuscode()
                ctype = (http.get_header("Content-Type") or "").lower()
                if not ctype.split(";")[0].strip() in HTML_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#record{n}"
                data = record.content_stream().read(max_bytes + 1)
                if len(data) <= max_bytes:
                    record.raw_stream.read()  # drain, then check the record was whole
                    if getattr(record.raw_stream, "limit", 0) > 0:
                        raise CorruptArchive(f"record {n} ({uri}) is cut off")
                if status and status.isdigit() and int(status) >= 400:
                    continue
                if len(data) > max_bytes:
                    yield SourceError(uri, STAGE, f"{path} record {n}: payload larger than {max_bytes} bytes")
                    continue
                hints = {"url": uri, "content_type": "text/html", "warc": path}
                cs = _charset(ctype)
                if cs:
                    hints["charset"] = cs
                fetched = _parse_date(record.rec_headers.get_header("WARC-Date")) or datetime.now(timezone.utc)
                yield RawDocument(uri=uri, data=data, fetched_at=fetched, hints=hints)
            if getattr(stream, "error", None) is not None:
                raise stream.error
        except DecompressionLimit as exc:
            yield SourceError(path, STAGE, f"record {n + 1}: {exc}")
        except CorruptArchive as exc:
            yield SourceError(path, STAGE, f"truncated or corrupt archive after {n} records: {exc}")
        except Exception as exc:  # warcio on a damaged archive: ArchiveLoadFailed, ValueError, EOFError …
            yield SourceError(path, STAGE, f"truncated or corrupt archive after {n} records "
                                           f"({exc.__class__.__name__}: {str(exc)[:200]})")
