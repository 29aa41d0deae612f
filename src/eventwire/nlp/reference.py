"""How a sentence introduces an event noun: "dem Anschlag" (definite: an event the article already
named), "einem zweiten Anschlag" (new), "einem Anschlag" (indefinite), or bare.  The determiner
lists are grammar data (``event_reference_*`` in ``lexicons/<lang>/grammar.tsv``), the event nouns
the coder's one-word triggers (``lexicons/<lang>/triggers.tsv``).  Read by the coder (a restated
event takes its parties from the first report) and by consolidation (it joins that report)."""
from __future__ import annotations

import re
from functools import lru_cache

from eventwire.lexicons import grammar, load_table
from eventwire.nlp.text import lemma

__all__ = ["reference_of"]

REFERENCE_KINDS = ("definite", "new", "indefinite", "stop")  # grammar.tsv keys event_reference_<kind>
REFERENCE_WINDOW = 3     # determiner + up to two adjectives ("den anschließenden blutigen Kämpfen")
_REF_TOKEN = re.compile(r"\w+|'s", re.UNICODE)


@lru_cache(maxsize=8)
def _reference_words(language: str) -> dict[str, str]:
    """word -> how it introduces an event noun, from the language's grammar.tsv."""
    table = grammar(language)
    return {w.strip().lower(): kind for kind in REFERENCE_KINDS
            for w in table.get(f"event_reference_{kind}", ()) if w.strip()}


def _introduced(before: list[str], words: dict[str, str]) -> str:
    """The kind of the nearest determiner among the words just before an event noun."""
    for token in reversed(before[-REFERENCE_WINDOW:]):
        kind = words.get(token)
        if kind == "stop":
            return "bare"
        if kind:
            return kind
    return "bare"


@lru_cache(maxsize=8)
def _event_nouns(language: str) -> dict[str, tuple[frozenset, tuple[str, ...]]]:
    """The coder's one-word triggers of ``language`` (lexicons/<lang>/triggers.tsv) by event type:
    the words, and the compound heads ("*angriff": Raketenangriff)."""
    words: dict[str, set[str]] = {}
    heads: dict[str, list[str]] = {}
    for row in load_table(language, "triggers"):
        pattern, etype = row["pattern"].lower(), row["event_type"].upper()
        if not pattern or " " in pattern:
            continue
        if pattern.startswith("*"):
            heads.setdefault(etype, []).append(pattern[1:])
        else:
            words.setdefault(etype, set()).add(pattern)
    return {t: (frozenset(words.get(t, ())), tuple(heads.get(t, ()))) for t in set(words) | set(heads)}


@lru_cache(maxsize=65536)
def _names_event(token: str, event_type: str, language: str) -> bool:
    """Whether ``token`` (as written: German nouns lemmatise by their capital) is an event noun of
    ``event_type`` in the coder's trigger lexicon."""
    words, heads = _event_nouns(language).get(event_type, (frozenset(), ()))
    return any(form in words or form.endswith(heads) for form in (token.lower(), lemma(token, language)))


def _noun_reference(tokens: list[str], words: dict[str, str], event_type: str, language: str) -> str:
    """The reference of the first determined event noun of ``event_type`` anywhere in the sentence
    ("Bei der Attacke auf das Spital wurden 20 Menschen getötet": the killing restates the attack);
    only the few words after a determiner are looked up."""
    for i, token in enumerate(tokens):
        kind = words.get(token.lower())
        if kind not in ("definite", "new"):
            continue
        for j in range(i + 1, min(i + 1 + REFERENCE_WINDOW, len(tokens))):
            if words.get(tokens[j].lower()) is not None:
                break
            if _names_event(tokens[j], event_type, language):
                return kind
    return "bare"


def reference_of(sentence: str, trigger: str | None, language: str | None,
                 event_type: str | None = None) -> str:
    """How the sentence introduces the event noun of its trigger, read off the words before it:
    ``definite`` (an event the article already named), ``new`` ("a second attack"), ``indefinite``
    or ``bare`` (verb triggers, bare nouns, unknown language).  With ``event_type``, a trigger
    read as bare (a verb: "getötet") takes the reference of an event noun of that type elsewhere
    in the sentence."""
    lang = language or ""
    words = _reference_words(lang)
    head = (trigger or "").split("…")[0].strip()
    at = sentence.find(head) if words and head else -1
    if at < 0:
        return "bare"
    kind = _introduced(_REF_TOKEN.findall(sentence[:at].lower()), words)
    if kind == "bare" and event_type:
        kind = _noun_reference(_REF_TOKEN.findall(sentence), words, event_type, lang)
    return kind
