"""Decoded text → (title, main text, published).

HTML: trafilatura (main text without navigation, comments or boilerplate; title from metadata)
and htmldate inside it (original publication date, no extensive search) — all offline.
Plain text: kept as given apart from newline normalisation and trailing whitespace, because
downstream character offsets refer to exactly this text.
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

import trafilatura

from eventwire.documents.errors import DocumentError

TITLE_MAX_CHARS = 200
# htmldate settings: original (not last-modified) date, no slow extensive search.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


class Extracted(NamedTuple):
    title: str | None
    text: str
    published: date | None


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip()


def extract_text(text: str) -> Extracted:
    """Plain text: the text itself; title = first non-empty line when shorter than 200 chars."""
    text = _clean(text)
    title = None
    for line in text.split("\n"):
        line = line.strip()
        if line:
            title = line if len(line) < TITLE_MAX_CHARS else None
            break
    return Extracted(title=title, text=text, published=None)


def extract_html(html: str, url: str | None = None) -> Extracted:
    """HTML → main text, title and original publication date, with trafilatura + htmldate.

    Raises DocumentError when no main text can be extracted.
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=False,
            include_tables=True,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # lxml/trafilatura on malformed markup: report, do not crash the batch
        raise DocumentError(f"HTML could not be parsed ({exc.__class__.__name__}: {exc}); "
                            "check the file is HTML") from None
    text = _clean(doc.text or "") if doc is not None else ""
    if not text.strip():
        raise DocumentError("HTML with no extractable main text (only markup, navigation or boilerplate); "
                            "check the page is an article, not an index or error page")
    title = (doc.title or "").strip() or None
    return Extracted(title=title, text=text, published=_parse_day(doc.date))
