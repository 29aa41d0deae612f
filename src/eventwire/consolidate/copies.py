"""Translated copies: an article whose events are, for the most part, the events of one earlier
article in another language is a translation of it (the seed is a German machine translation of
an English wire story).  MinHash cannot see this; consolidation can, because it merges the events
across languages.  The copy is linked to the original like a near-duplicate (``dup_of``), so the
story counts once as an independent source.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Callable, Iterable

MIN_SHARED_EVENTS = 3
MIN_SHARED_SHARE = 0.6  # of the copy's own events: coding differs a little between languages
MAX_DAYS_APART = 3


def translated_original(article_id: str, language: str, published: date | None, event_ids: Iterable[str],
                        articles_of: Callable[[str], list[str]],
                        article_info: Callable[[str], tuple[str, date | None] | None]) -> str | None:
    """The id of the article this one translates, or None.

    ``articles_of(event_id)`` lists the articles mentioning an event (the consolidation index);
    ``article_info(id)`` gives (language, published) of a known article or None."""
    own = set(event_ids)
    if len(own) < MIN_SHARED_EVENTS:
        return None
    shared: Counter = Counter()
    for event_id in own:
        for other in set(articles_of(event_id)):
            if other != article_id:
                shared[other] += 1
    for other, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < MIN_SHARED_EVENTS or n < MIN_SHARED_SHARE * len(own):
            break
        info = article_info(other)
        if info is None or info[0] == language:
            continue
        other_published = info[1]
        if published and other_published and abs((published - other_published).days) > MAX_DAYS_APART:
            continue
        return other
    return None
