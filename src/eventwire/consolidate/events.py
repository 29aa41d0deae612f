"""Assign each event mention to a real-world event (v1: exact blocking key).

Mentions share an event when they agree on PLOVER type, actor and recipient countries and date at
the mention's precision. Speaker and polarity are *not* in the key: a claim, its hedged repetition
and its denial are one event with several stances, which is what the claim tracker shows.
The key is deterministic, so re-ingesting or ingesting in another order gives the same event ids.
"""
from __future__ import annotations

import hashlib

from eventwire.records import EventMention

PRECISION_CHARS = {"day": 10, "week": 10, "month": 7, "year": 4}


def _countries(refs) -> str:
    return ",".join(sorted({r.country for r in refs if r.country}))


def event_key(mention: EventMention) -> str:
    date = mention.date or ""
    date = date[:PRECISION_CHARS.get(mention.date_precision or "day", 10)]
    parts = [mention.event_type, _countries(mention.actor), _countries(mention.recipient), date]
    if not parts[1] and not parts[2]:  # no country: only the same article can tell it is the same
        parts.append(mention.article_id)
    return "|".join(parts)


def assign_event_ids(mentions: list[EventMention]) -> list[tuple[EventMention, str]]:
    return [(m, hashlib.sha1(event_key(m).encode("utf-8")).hexdigest()[:16]) for m in mentions]
