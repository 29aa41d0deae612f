"""Sentences and tokens with character offsets into the article text.

A regex splitter with per-language abbreviation lists: pysbd is far too slow for the pipeline's
speed target, and news text needs only a few rules (abbreviations, ordinals, quotes, line breaks).
"""
from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from eventwire.lexicons import grammar, load_list
from eventwire.records import Sentence, Token

# Words with inner hyphens or apostrophes stay one token ("UN-Sicherheitsrat", "Yong-hyun", "n't").
TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
# A sentence may end at . ! ? … (optionally followed by closing quotes/brackets) before whitespace.
END_RE = re.compile(r"[.!?…]+[\"'”“»«)\]]*(?=\s)|\n\s*\n|\n")
WORD_BEFORE_RE = re.compile(r"(\w+(?:[-.]\w+)*)\.?$")
OPENERS = "\"'„“”»«(["
SMALL_NUMBER_RE = re.compile(r"\d{1,2}")


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(a.lower().rstrip(".") for a in load_list(lang, "abbreviations"))


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """Lowercased lemma; simplemma for known languages, the word itself otherwise."""
    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except ValueError:
        return word.lower()


def is_infinitive(word: str, lang: str) -> bool:
    """A verb the lemmatiser knows in its dictionary form with one of the language's infinitive endings
    ("sagen", "frieren"; not "igen", and not "willigen", which it reads as an adjective)."""
    infinitive = _participles(lang)[2]
    return bool(infinitive) and len(word) >= 4 and word.endswith(infinitive) \
        and simplemma.is_known(word, lang=lang) and lemma(word, lang) == word


@lru_cache(maxsize=None)
def _participles(lang: str) -> tuple[frozenset[str], tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
    """`participle_aux` lemmas, `participle_endings` (ending → infinitive endings, longest first) and the
    language's `infinitive_suffixes`, from its grammar.tsv."""
    g = grammar(lang)
    endings = []
    for item in g.get("participle_endings", ()):
        ending, _, verbs = item.partition(">")
        endings.append((ending, tuple(verbs.split(","))))
    endings.sort(key=lambda e: -len(e[0]))
    return frozenset(g.get("participle_aux", ())), tuple(endings), tuple(g.get("infinitive_suffixes", ()))


@lru_cache(maxsize=50_000)
def _verb_of_participle(word: str, lang: str) -> str | None:
    """The infinitive a participle belongs to ("condenado" → condenar, "condamné" → condamner), when
    the lemmatiser knows that verb."""
    _, endings, _ = _participles(lang)
    low = word.lower()
    for ending, verbs in endings:
        if low.endswith(ending) and len(low) >= len(ending) + 2:
            for verb in verbs:
                candidate = low[: -len(ending)] + verb
                if simplemma.is_known(candidate, lang=lang):
                    return candidate
            return None
    return None


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    aux, endings, infinitive = _participles(lang)
    tokens: list[Token] = []
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        base = lemma(word, lang) if word[0].isalpha() else word.lower()
        # the lemmatiser reads some participles as adjectives ("condenado", "arrêté"); after an
        # auxiliary ("ha condenado", "a été arrêté") they are the verb
        if endings and tokens and tokens[-1].lemma in aux and not base.endswith(infinitive):
            base = _verb_of_participle(word, lang) or base
        tokens.append(Token(word, m.start() + offset, m.end() + offset, word.lower(), base))
    return tokens


def _is_boundary(text: str, end: int, lang: str) -> bool:
    """Whether the period-like mark ending at `end` closes a sentence."""
    mark = text[end - 1] if end else ""
    rest = text[end:end + 40].lstrip()
    if not rest:
        return True
    if rest[0].islower() or rest[0] in ",;:":
        return False
    if "." not in text[max(0, end - 3):end]:
        return True
    head = text[max(0, end - 40):end].rstrip("\"'”“»«)]").rstrip(".")
    m = WORD_BEFORE_RE.search(head + ".")
    word = m.group(1) if m else ""
    if word.lower() in _abbreviations(lang):
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return False
    # German ordinals and dates: "am 3. Oktober", "3.10.2024"
    if SMALL_NUMBER_RE.fullmatch(word) and "yes" in grammar(lang).get("period_ordinals", ()):
        return False
    return mark != "." or rest[0].isupper() or rest[0].isdigit() or rest[0] in OPENERS


def split_sentences(text: str, lang: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for m in END_RE.finditer(text):
        end = m.end()
        if m.group().strip() and not _is_boundary(text, end, lang):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    e = s + len(stripped)
    sentences.append(Sentence(len(sentences), s, e, text[s:e]))
