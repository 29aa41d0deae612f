"""Content hashes, article ids and sites.

``content_hash`` ignores case and whitespace, so re-ingesting the same content adds nothing;
``article_id`` also hashes the URL, so the same story on three sites gives three articles (the
near-duplicate link between them is ``Article.dup_of``, set later).
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

HASH_CHARS = 16


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def content_hash(text: str) -> str:
    """16 hex chars of sha1 over the case-folded text with all whitespace runs collapsed.

    ``casefold`` is Unicode lowercasing for caseless matching ("STRASSE" and "Straße" hash alike).
    """
    return _sha1(" ".join(text.casefold().split()))


def article_id(url: str | None, content_hash: str) -> str:
    """hash(url + content_hash) when there is a URL, else the content hash itself."""
    return _sha1(url + content_hash) if url else content_hash


def site_of(url: str | None) -> str | None:
    """The URL's host, lowercased, without a leading ``www.``; None without a URL or host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
