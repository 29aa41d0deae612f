"""documents: RawDocument → Article.

decode (charset) → extract (main text, title, publication date; trafilatura/htmldate for HTML)
→ language (py3langid) → identity (content hash, article id, site).
"""
from __future__ import annotations

from eventwire.documents.article import build_article, iter_articles, parse_published
from eventwire.documents.decode import decode
from eventwire.documents.errors import DocumentError
from eventwire.documents.extract import Extracted, extract_html, extract_text
from eventwire.documents.identity import article_id, content_hash, site_of
from eventwire.documents.language import detect_language

__all__ = [
    "DocumentError",
    "Extracted",
    "article_id",
    "build_article",
    "content_hash",
    "decode",
    "detect_language",
    "extract_html",
    "extract_text",
    "iter_articles",
    "parse_published",
    "site_of",
]
