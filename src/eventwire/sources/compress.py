"""Capped decompression: gzip (and multi-member gzip such as WARC.gz) never expands past a limit.

A small file that inflates to gigabytes (a "zip bomb") must fail with a SourceError-shaped reason,
not fill the memory or the disk.  ``CappedReader`` counts the decompressed bytes handed out and
raises ``DecompressionLimit`` as soon as the count passes the cap.
"""
from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
DEFAULT_MAX_DECOMPRESSED = 256 * 1024 * 1024  # 256 MB per compressed input


class DecompressionLimit(Exception):
    """Decompressed data grew beyond the cap."""


class CorruptArchive(Exception):
    """Truncated or corrupt compressed data."""


class CappedReader(io.RawIOBase):
    """A read-only stream over ``inner`` that fails once more than ``cap`` bytes were read."""

    def __init__(self, inner: BinaryIO, cap: int, what: str = "decompressed data"):
        self.inner = inner
        self.cap = cap
        self.what = what
        self.count = 0
        self.error: CorruptArchive | None = None  # set when the data ended early: reads then return EOF

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.error is not None:
            return 0
        try:
            read1 = getattr(self.inner, "read1", None)  # one raw read: nothing lost at a truncation
            data = read1(len(b)) if read1 is not None else self.inner.read(len(b))
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
            # Hand out what came before the damage; the caller checks ``error`` at EOF.
            self.error = CorruptArchive(f"truncated or corrupt compressed data ({exc.__class__.__name__}: {exc})")
            return 0
        n = len(data)
        self.count += n
        if self.count > self.cap:
            raise DecompressionLimit(f"{self.what} larger than the limit of {self.cap} bytes "
                                     "(a decompression bomb, or raise the limit)")
        b[:n] = data
        return n


def open_gzip_capped(fileobj: BinaryIO, cap: int = DEFAULT_MAX_DECOMPRESSED) -> CappedReader:
    """A reader of the decompressed content of a (multi-member) gzip stream, capped; a truncated
    stream reads as EOF with ``.error`` set."""
    return CappedReader(gzip.GzipFile(fileobj=fileobj, mode="rb"), cap)


def gunzip_capped(data: bytes, cap: int = DEFAULT_MAX_DECOMPRESSED) -> bytes:
    """Decompress gzip ``data`` (all members) to at most ``cap`` bytes.

    Raises DecompressionLimit past the cap, CorruptArchive for truncated or corrupt data.
    """
    out = bytearray()
    d = zlib.decompressobj(wbits=47)  # gzip or zlib header
    buf = data
    try:
        while buf:
            chunk = d.decompress(buf, cap + 1 - len(out))
            out += chunk
            if len(out) > cap:
                raise DecompressionLimit(f"decompressed data larger than the limit of {cap} bytes "
                                         "(a decompression bomb, or raise the limit)")
            if d.unconsumed_tail:
                buf = d.unconsumed_tail
                continue
            if d.eof:
                buf = d.unused_data.lstrip(b"\x00")
                if buf:
                    d = zlib.decompressobj(wbits=47)
                continue
            buf = b""
        if not d.eof:
            raise CorruptArchive("truncated gzip data (the stream ends before the end of the archive)")
    except zlib.error as exc:
        raise CorruptArchive(f"corrupt gzip data ({exc})") from None
    return bytes(out)
