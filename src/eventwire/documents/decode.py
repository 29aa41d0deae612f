"""bytes → str: BOM, declared charset (hints or HTML meta), UTF-8 strict, else charset-normalizer.

Binary input (known magic numbers, NUL bytes, many control characters) is an error, never
silently cleaned.  Newlines come out as ``\\n``.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from eventwire.documents.errors import DocumentError

# (magic prefix, what it is)
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT/EPUB)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\x1f\x8b", "GZIP-compressed data"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BZh91AY&SY", "BZIP2-compressed data"),
    (b"\xfd7zXZ\x00", "XZ-compressed data"),
    (b"(\xb5/\xfd", "Zstandard-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (DOC/XLS)"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)

# BOMs, longest first (UTF-32 LE starts like UTF-16 LE).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that do not occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
MAX_CONTROL_RATIO = 0.01
SNIFF_BYTES = 65536

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# What browsers do (WHATWG encoding standard): these labels mean windows-1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "l1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252"}


def check_binary(data: bytes) -> None:
    """Raise DocumentError when ``data`` is not text (call after BOM handling)."""
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise DocumentError(f"binary input: looks like {what}, not text or HTML; "
                                "convert it to text or HTML first, or leave it out")
    if b"\x00" in data:
        raise DocumentError("binary input: contains NUL bytes (a binary file, or UTF-16/32 text without a "
                            "byte-order mark); convert it to UTF-8 text or leave it out")
    head = data[:SNIFF_BYTES]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls >= 4 and controls > MAX_CONTROL_RATIO * len(head):
        raise DocumentError(f"binary input: {controls} control characters in the first {len(head)} bytes; "
                            "this is not text — convert it to text or leave it out")


def looks_like_html(data: bytes) -> bool:
    """True when the bytes start with a tag after a BOM and whitespace (no content type known)."""
    head = data[:1024]
    for bom, encoding in BOMS:
        if head.startswith(bom):
            head = head[len(bom):].decode(encoding, "ignore").encode("utf-8")
            break
    head = head.lstrip()
    return len(head) >= 2 and head[:1] == b"<" and (head[1:2].isalpha() or head[1:2] in (b"!", b"?"))


def normalize_encoding(name: str | None) -> str | None:
    """A codec name Python knows (latin-1 labels → cp1252), or None."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes, is_html: bool) -> str | None:
    """Charset named by an XML declaration or an HTML ``<meta>`` in the first 4 KB."""
    head = data[:4096]
    m = _XML_ENCODING.search(head)
    if m is None and is_html:
        m = _META_CHARSET.search(head)
    return normalize_encoding(m.group(1).decode("ascii", "ignore")) if m else None


def normalize_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode(data: bytes, charset: str | None = None, is_html: bool = False) -> str:
    """Decode ``data`` to text with ``\\n`` newlines.

    Order: byte-order mark; ``charset`` (e.g. from an HTTP header hint) or the document's own
    declaration; UTF-8 strict; charset-normalizer's best guess.  Raises DocumentError for binary
    or undecodable input.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"undecodable text: starts with a {encoding} byte-order mark but is not "
                                    f"valid {encoding} (byte {exc.start}); re-save the file as UTF-8") from None
            if "\x00" in text:
                raise DocumentError("binary input: NUL characters in the decoded text; leave it out")
            return normalize_newlines(text)
    check_binary(data)
    for encoding in (normalize_encoding(charset), declared_charset(data, is_html)):
        if encoding is None:
            continue
        try:
            return normalize_newlines(data.decode(encoding))
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect instead
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError("undecodable text: neither UTF-8 nor any encoding charset-normalizer knows; "
                            "re-save the file as UTF-8")
    return normalize_newlines(str(best))
