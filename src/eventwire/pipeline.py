"""Runs the stages in order: sources → documents → nlp → coding → consolidate → store.

The functions here only connect stages; each stage's logic lives in its own package.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator

from eventwire.coding.coder import code_annotated
from eventwire.consolidate import assign_event_ids
from eventwire.documents import DocumentError, build_article
from eventwire.lexicons import available_languages
from eventwire.nlp.annotate import annotate
from eventwire.records import Article, EventMention, RawDocument, Sentence, SourceError
from eventwire.sources import iter_inputs

BATCH_SIZE = 200


@dataclass
class CodedArticle:
    article: Article
    sentences: list[Sentence]
    mentions: list[EventMention]


@dataclass
class IngestSummary:
    read: int = 0
    coded: int = 0
    duplicates: int = 0
    mentions: int = 0
    errors: list[SourceError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


def code_article(article: Article) -> CodedArticle:
    """nlp + coding for one article; a language without lexicons is coded with none (no events)."""
    if article.language not in available_languages():
        return CodedArticle(article, [], [])
    doc = annotate(article.text, article.language, article.published)
    mentions = code_annotated(doc, article.id)
    return CodedArticle(article, [s.sentence for s in doc.sentences], mentions)


def articles_from(paths: Iterable[str], language: str | None = None, published: date | None = None
                  ) -> Iterator[Article | SourceError]:
    for item in iter_inputs(paths):
        if isinstance(item, SourceError):
            yield item
            continue
        yield _article_or_error(item, language, published)


def _article_or_error(raw: RawDocument, language: str | None, published: date | None) -> Article | SourceError:
    try:
        return build_article(raw, language=language, published=published)
    except DocumentError as exc:
        return SourceError(raw.uri, "documents", exc.reason)


def ingest(paths: Iterable[str], store, language: str | None = None, published: date | None = None,
           on_item: Callable[[Article | SourceError], None] | None = None,
           batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Code every readable input into `store`; each batch is committed atomically, and articles
    already stored are skipped, so a re-run (also after a crash) adds exactly what is missing."""
    summary = IngestSummary()
    with store.open_writer() as writer:
        known = writer.known_article_ids()
        batch: list[CodedArticle] = []
        for item in articles_from(paths, language, published):
            if on_item is not None:
                on_item(item)
            if isinstance(item, SourceError):
                summary.errors.append(item)
                continue
            summary.read += 1
            if item.id in known:
                summary.duplicates += 1
                continue
            known.add(item.id)
            try:
                coded = code_article(item)
            except Exception as exc:  # one article's failure must not stop the batch
                summary.errors.append(SourceError(item.source_uri, "coding", f"{type(exc).__name__}: {exc}"))
                continue
            batch.append(coded)
            summary.coded += 1
            summary.mentions += len(coded.mentions)
            if len(batch) >= batch_size:
                _write(writer, batch)
                batch = []
        _write(writer, batch)
    return summary


def _write(writer, batch: list[CodedArticle]) -> None:
    if not batch:
        return
    mentions = [m for coded in batch for m in coded.mentions]
    writer.write_batch([c.article for c in batch], {c.article.id: c.sentences for c in batch},
                       assign_event_ids(mentions))
