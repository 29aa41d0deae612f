"""RawDocument → Article: decode, extract, language, publication date, identity."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime

from eventwire.documents.decode import decode, looks_like_html
from eventwire.documents.errors import DocumentError
from eventwire.documents.extract import extract_html, extract_text
from eventwire.documents.identity import article_id, content_hash, site_of
from eventwire.documents.language import detect_language, normalize_language
from eventwire.records import Article, RawDocument, SourceError

STAGE = "documents"
CONTENT_HTML = "text/html"


def parse_published(value: object) -> date | None:
    """A date from a hint: date/datetime objects or ISO 8601 strings (date or datetime); else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _is_html(raw: RawDocument, hints: dict) -> bool:
    content_type = hints.get("content_type")
    if content_type:
        return str(content_type).split(";")[0].strip().lower() in (CONTENT_HTML, "application/xhtml+xml")
    return looks_like_html(raw.data)


def build_article(raw: RawDocument, language: str | None = None, published: date | None = None) -> Article:
    """Turn one RawDocument into an Article; raises DocumentError (a ValueError) when it cannot.

    language: explicit > hints["language"] > py3langid.
    published: explicit > hints["published"] (ISO) > htmldate for HTML > None.
    """
    try:
        if not raw.data.strip():
            raise DocumentError("empty input (no bytes or only whitespace); nothing to extract — "
                                "remove it or check what produced it")
        hints = raw.hints or {}
        is_html = _is_html(raw, hints)
        text = decode(raw.data, charset=hints.get("charset"), is_html=is_html)
        if not text.strip():
            raise DocumentError("empty input (only whitespace after decoding); nothing to extract")
        url = hints.get("url") or None
        extracted = extract_html(text, url=url) if is_html else extract_text(text)
        if not extracted.text.strip():
            raise DocumentError("empty input (only whitespace); nothing to extract")
    except DocumentError as exc:
        if exc.uri is None:
            raise DocumentError(exc.reason, uri=raw.uri) from None
        raise
    title = hints.get("title") or extracted.title
    lang = (normalize_language(language) or normalize_language(hints.get("language"))
            or detect_language(extracted.text))
    day = published or parse_published(hints.get("published")) or extracted.published
    chash = content_hash(extracted.text)
    return Article(
        id=article_id(url, chash),
        url=url,
        site=site_of(url),
        title=title,
        text=extracted.text,
        published=day,
        language=lang,
        content_hash=chash,
        source_uri=raw.uri,
    )


def iter_articles(
    items: Iterable[RawDocument | SourceError], language: str | None = None
) -> Iterator[Article | SourceError]:
    """build_article over a stream: SourceErrors pass through, DocumentErrors become SourceErrors."""
    for item in items:
        if isinstance(item, SourceError):
            yield item
            continue
        try:
            yield build_article(item, language=language)
        except DocumentError as exc:
            yield SourceError(uri=item.uri, stage=STAGE, reason=exc.reason)
