"""Runs the stages in order: sources → documents → nlp → coding → consolidate → store.

The functions here only connect stages; each stage's logic lives in its own package.

``ingest`` reads and decodes in this process (sources → documents), drops exact duplicates (article
ids already stored or seen), links near-duplicates to their original (``Article.dup_of``, MinHash
over the stored articles and this run), cuts the stream into shards of ``batch_size`` articles,
codes each shard (here, or on Dask workers: ``eventwire.scale``) and writes each coded shard as one
atomic store batch, in input order, from this single writer.  Because batches are atomic, already
stored articles are skipped and every id is deterministic, a run killed at any moment and started
again leaves exactly the store a clean run leaves.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable, Iterable, Iterator

from eventwire.coding.coder import code_annotated
from eventwire.consolidate import Consolidator
from eventwire.consolidate.copies import translated_original
from eventwire.documents import DocumentError, build_article
from eventwire.lexicons import available_languages
from eventwire.nlp.annotate import annotate
from eventwire.records import Article, EventMention, RawDocument, Sentence, SourceError, parse_date
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
    near_duplicates: int = 0
    mentions: int = 0
    batches: int = 0
    errors: list[SourceError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def reasons(self) -> list[tuple[str, int]]:
        """(stage: short reason, count), most frequent first."""
        c = Counter(f"{e.stage}: {_short(e.reason)}" for e in self.errors)
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))


def _short(reason: str) -> str:
    """The kind of failure without the item-specific details (paths, line numbers, sizes)."""
    import re

    head = reason.split(";")[0]
    head = re.sub(r"^\S*/\S*( line \d+| record \d+)?: ", "", head)  # "path line 3: why" → "why"
    head = re.sub(r"^record \d+: ", "", head)
    if " (" in head:
        head = head[:head.index(" (")]
    head = re.sub(r"\d+", "N", head)
    return head.strip()[:100]


_LANGUAGES: frozenset[str] | None = None


def _languages() -> frozenset[str]:
    """Languages with lexicons, listed once per process (the listing scans the lexicon folders)."""
    global _LANGUAGES
    if _LANGUAGES is None:
        _LANGUAGES = frozenset(available_languages())
    return _LANGUAGES


def code_article(article: Article) -> CodedArticle:
    """nlp + coding for one article; a language without lexicons is coded with none (no events)."""
    if article.language not in _languages():
        return CodedArticle(article, [], [])
    doc = annotate(article.text, article.language, article.published)
    mentions = code_annotated(doc, article.id)
    return CodedArticle(article, [s.sentence for s in doc.sentences], mentions)


def code_shard(articles: list[Article]) -> list[CodedArticle | SourceError]:
    """Code a shard of articles; one article's failure becomes a SourceError, the rest go on.

    This is the unit of work sent to a Dask worker (``eventwire.scale``)."""
    out: list[CodedArticle | SourceError] = []
    for a in articles:
        try:
            out.append(code_article(a))
        except Exception as exc:  # one article's failure must not stop the batch
            out.append(SourceError(a.source_uri, "coding", f"{type(exc).__name__}: {exc}"))
    return out


def articles_from(paths: Iterable[str], language: str | None = None, published: date | None = None,
                  fetcher=None, max_bytes: int | None = None) -> Iterator[Article | SourceError]:
    kwargs = {"fetcher": fetcher}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    for item in iter_inputs(paths, **kwargs):
        if isinstance(item, SourceError):
            yield item
            continue
        yield _article_or_error(item, language, published)


def _article_or_error(raw: RawDocument, language: str | None, published: date | None) -> Article | SourceError:
    try:
        return build_article(raw, language=language, published=published)
    except DocumentError as exc:
        return SourceError(raw.uri, "documents", exc.reason)
    except Exception as exc:  # a library bug on odd input: name the item, go on
        return SourceError(raw.uri, "documents", f"unexpected {type(exc).__name__}: {exc}")


def _serial_coder(shards: Iterable[list[Article]]) -> Iterator[list[CodedArticle | SourceError]]:
    for shard in shards:
        yield code_shard(shard)


def ingest(paths: Iterable[str], store, language: str | None = None, published: date | None = None,
           on_item: Callable[[Article | SourceError], None] | None = None,
           batch_size: int = BATCH_SIZE, fetcher=None, workers: int | None = None,
           scheduler: str | None = None, near_duplicates: bool = True,
           coder: Callable[[Iterable[list[Article]]], Iterator[list[CodedArticle | SourceError]]] | None = None,
           on_batch: Callable[[int], None] | None = None, max_bytes: int | None = None) -> IngestSummary:
    """Code every readable input into ``store``; each batch is committed atomically, and articles
    already stored are skipped, so a re-run (also after a crash) adds exactly what is missing.

    ``workers`` (a local Dask cluster of that many processes) or ``scheduler`` (``tcp://host:port``
    of a running Dask cluster) code the shards in parallel; the store written is the same.
    ``coder`` overrides how shards are coded (a function from an iterable of shards to an iterator
    of coded shards, in order).  ``on_batch(n_articles)`` is called after each stored batch.
    """
    from eventwire.store.signatures import load_index, write_signatures

    summary = IngestSummary()
    with store.open_writer() as writer:
        known = writer.known_article_ids()
        consolidator = Consolidator.for_store(store)
        consolidator.catch_up(store)  # mentions of a batch stored just before a crash
        index = load_index(store)[0] if near_duplicates else None
        sigs: dict[str, tuple] = {}

        def shards() -> Iterator[list[Article]]:
            shard: list[Article] = []
            for item in articles_from(paths, language, published, fetcher=fetcher, max_bytes=max_bytes):
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
                if index is not None:
                    item, sig, size, _match = index.link(item)
                    sigs[item.id] = (sig, size)
                    if item.dup_of:
                        summary.near_duplicates += 1
                shard.append(item)
                if len(shard) >= batch_size:
                    yield shard
                    shard = []
            if shard:
                yield shard

        if coder is None and (workers or scheduler):
            from eventwire.scale import DaskCoder

            dask_coder = DaskCoder(workers=workers, scheduler=scheduler)
        else:
            dask_coder = None
        try:
            run = coder or (dask_coder.map if dask_coder is not None else _serial_coder)
            for coded_shard in run(shards()):
                batch: list[CodedArticle] = []
                for c in coded_shard:
                    if isinstance(c, SourceError):
                        summary.errors.append(c)
                    else:
                        batch.append(c)
                        summary.coded += 1
                        summary.mentions += len(c.mentions)
                if _write(writer, batch, consolidator, store, summary):
                    summary.batches += 1
                    if index is not None and writer.last_batch is not None:
                        write_signatures(store, writer.last_batch.batch_id,
                                         [(c.article.id, *sigs.pop(c.article.id)) for c in batch
                                          if c.article.id in sigs])
                    if on_batch is not None:
                        on_batch(len(batch))
        finally:
            if dask_coder is not None:
                dask_coder.close()
    return summary


def _write(writer, batch: list[CodedArticle], consolidator: Consolidator, store, summary: IngestSummary) -> bool:
    """Store one batch, then commit the consolidation index that assigned its event ids."""
    if not batch:
        return False
    mentions = [m for coded in batch for m in coded.mentions]
    assigned = consolidator.assign(mentions)
    _link_translations(batch, assigned, consolidator, store, summary)
    writer.write_batch([c.article for c in batch], {c.article.id: c.sentences for c in batch}, assigned)
    consolidator.commit()
    return writer.last_batch is not None


def _link_translations(batch: list[CodedArticle], assigned, consolidator: Consolidator, store,
                       summary: IngestSummary) -> None:
    """Set ``dup_of`` on articles that translate an earlier one (their events merged across languages)."""
    earlier: dict[str, tuple] = {}  # articles before the current one in this batch: originals only
    events_of: dict[str, set[str]] = {}
    for mention, event_id in assigned:
        events_of.setdefault(mention.article_id, set()).add(event_id)

    batch_ids = {c.article.id for c in batch}

    def article_info(article_id: str):
        if article_id in batch_ids:  # later in this batch: not an original of this one
            return earlier.get(article_id)
        stored = store.article(article_id)
        return (stored["language"], parse_date(stored["published"])) if stored else None

    for coded in batch:
        article = coded.article
        if not article.dup_of:
            original = translated_original(article.id, article.language, article.published,
                                           events_of.get(article.id, ()), consolidator.articles_of, article_info)
            if original is not None:
                coded.article = article = replace(article, dup_of=original)
                summary.near_duplicates += 1
        earlier[article.id] = (article.language, article.published)
