"""The coding lexicons of one language, compiled once per process: triggers, attribution cues,
modality cues and casualty words, plus the PLOVER score table."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.lexicons import Row, grammar, load_table
from eventwire.nlp.patterns import Match, PatternMatcher, longest_non_overlapping, parse_pattern
from eventwire.records import Token

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Cues:
    lang: str
    triggers: PatternMatcher
    attribution: PatternMatcher
    modality: PatternMatcher
    size: PatternMatcher
    pair_anaphors: PatternMatcher  # "die beiden Länder": the two parties named just before
    numbers: dict[str, int]
    word_sets: dict[str, frozenset[str]]  # grammar.tsv, one set per key, built once

    def words(self, key: str) -> frozenset[str]:
        return self.word_sets.get(key, frozenset())

    def find_triggers(self, tokens: list[Token]) -> list[Match]:
        return longest_non_overlapping(self.triggers.find(tokens), key=trigger_weight)

    def find_attribution(self, tokens: list[Token]) -> list[Match]:
        return longest_non_overlapping(self.attribution.find(tokens))

    def find_modality(self, tokens: list[Token]) -> list[Match]:
        return longest_non_overlapping(self.modality.find(tokens))

    def find_size(self, tokens: list[Token]) -> list[Match]:
        return self.size.find(tokens)

    def looks_past(self, tok: Token, is_verb: bool = False) -> bool:
        """An inflected verb form with a past ending (grammar.tsv: past_suffixes, past_prefixes).
        Where grammar.tsv lists `infinitive_suffixes`, the lemma must look like a verb ("dankte" →
        "danken", not "letzten" → "letzt"). For a token known to be a verb (a trigger), languages
        marked `irregular_past` also count any inflected form without a present ending ("fought")."""
        word = tok.lower
        if word == tok.lemma:
            return False
        infinitives = self.words("infinitive_suffixes")
        if infinitives and not any(tok.lemma.endswith(s) for s in infinitives):
            return False
        if any(word.endswith(s) for s in self.words("past_suffixes")):
            return True
        if any(word.startswith(p) for p in self.words("past_prefixes")):
            return True
        return is_verb and "yes" in self.words("irregular_past") and \
            not any(word.endswith(s) for s in self.words("present_suffixes"))

    def looks_present(self, tok: Token) -> bool:
        """A finite present verb form: lowercase, inflected from a verb lemma with a present ending
        ("weist" ← "weisen", "behauptet" ← "behaupten"), and not past."""
        word = tok.lower
        if not tok.text[:1].islower() or word == tok.lemma or self.looks_past(tok):
            return False
        infinitives = self.words("infinitive_suffixes")
        if not infinitives or not any(tok.lemma.endswith(s) for s in infinitives):
            return False
        return any(word.endswith(s) for s in self.words("finite_present_suffixes"))

    def number(self, token: Token) -> int | None:
        text = token.text.replace(".", "").replace(",", "")
        if text.isdigit() and len(text) < 7:
            return int(text)
        return self.numbers.get(token.lower)


def trigger_weight(match: Match) -> float:
    """The trigger row's prior confidence (0.5 when the lexicon leaves it empty)."""
    try:
        return float(match.row["weight"] or 0.5)
    except ValueError:
        return 0.5


def _matcher(lang: str, name: str) -> PatternMatcher:
    return PatternMatcher(parse_pattern(row["pattern"], row) for row in load_table(lang, name)
                          if row["pattern"])


@lru_cache(maxsize=None)
def cues_for(lang: str) -> Cues:
    numbers = {row["pattern"].lower(): int(row["value"]) for row in load_table(lang, "numbers")}
    word_sets = {key: frozenset(w for w in values if w) for key, values in grammar(lang).items()}
    anaphors = PatternMatcher(parse_pattern(p, Row({"pattern": p}, f"{lang}/grammar.tsv:pair_anaphors"))
                              for p in word_sets.get("pair_anaphors", ()))
    return Cues(lang, _matcher(lang, "triggers"), _matcher(lang, "attribution"),
                _matcher(lang, "modality"), _matcher(lang, "size"), anaphors, numbers, word_sets)


@lru_cache(maxsize=None)
def plover_scores() -> dict[tuple[str, str], tuple[int, float]]:
    return {(r["event_type"], r["mode"]): (int(r["quad"]), float(r["score"]))
            for r in load_table("common", "plover")}


@lru_cache(maxsize=None)
def plover_types() -> tuple[str, ...]:
    """The 16 PLOVER event types, in the order of common/plover.tsv."""
    return tuple(dict.fromkeys(event_type for event_type, _ in plover_scores()))


def quad_and_intensity(event_type: str, modes: list[str]) -> tuple[int, float]:
    table = plover_scores()
    quad, score = table[(event_type, "")]
    for mode in modes:
        if (event_type, mode) in table:
            return table[(event_type, mode)]
    return quad, score
