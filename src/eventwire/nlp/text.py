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


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    tokens = []
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        tokens.append(Token(word, m.start() + offset, m.end() + offset, word.lower(),
                            lemma(word, lang) if word[0].isalpha() else word.lower()))
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
