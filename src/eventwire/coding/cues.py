"""The coding lexicons of one language, compiled once per process: triggers, attribution cues,
modality cues and casualty words, plus the PLOVER score table."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.lexicons import Row, grammar, load_table
from eventwire.nlp.patterns import Bracket, Match, PatternMatcher, longest_non_overlapping, parse_pattern
from eventwire.nlp.text import is_infinitive
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
    tally_periods: PatternMatcher  # "in den vergangenen 30 Jahren": a count over a stretch of time
    blame_anaphors: PatternMatcher  # "dafür verantwortlich", "blamed them for it": the act reported before
    numbers: dict[str, int]
    word_sets: dict[str, frozenset[str]]  # grammar.tsv, one set per key, built once
    _unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _phrases: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, *keys: str) -> frozenset[str]:
        """The words of one grammar.tsv key, or the union of several (built once, then cached)."""
        if len(keys) == 1:
            return self.word_sets.get(keys[0], frozenset())
        if keys not in self._unions:
            self._unions[keys] = frozenset().union(*(self.word_sets.get(k, ()) for k in keys))
        return self._unions[keys]

    def phrases(self, key: str) -> frozenset[tuple[str, ...]]:
        """The entries of one grammar.tsv key as word sequences ("for its part", "on the eve of"),
        built once."""
        if key not in self._phrases:
            self._phrases[key] = frozenset(tuple(w.lower().split()) for w in self.words(key))
        return self._phrases[key]

    def closing_particle(self, tokens: list[Token], start: int, end: int) -> str | None:
        """The separable particle that closes tokens[start:end] ("legte ein Veto ein", "sagte Hilfe
        zu"): it belongs to the clause's finite verb, which is then another verb (einlegen, zusagen)."""
        last = next((i for i in range(end - 1, start - 1, -1) if tokens[i].text[:1].isalnum()), None)
        if last is None or tokens[last].lower not in self.words("bracket_particles"):
            return None
        return tokens[last].lower

    def has_word(self, tok: Token, *keys: str) -> bool:
        """The token, as written or as its lemma, is one of the grammar.tsv words under `keys`."""
        words = self.words(*keys)
        return tok.lower in words or tok.lemma in words

    def find_triggers(self, tokens: list[Token]) -> list[Match]:
        kept = longest_non_overlapping(self.triggers.find(tokens), key=trigger_weight)
        return [m for m in kept if not _in_stronger_gap(m, kept)]

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
        endings = self.words("participle_endings")  # "getötet", not "genieße"
        if any(word.startswith(p) for p in self.words("past_prefixes")) and \
                (not endings or word.endswith(tuple(endings))):
            return True
        return is_verb and "yes" in self.words("irregular_past") and \
            not any(word.endswith(s) for s in self.words("present_suffixes"))

    def is_participle(self, tok: Token) -> bool:
        """A past participle by its ending ("signed", "firmado", "signé") or an irregular one ("built")."""
        if not tok.text.isalpha() or not tok.text[:1].islower():
            return False
        if tok.lower in self.words("irregular_participles"):
            return True
        endings = self.words("participle_endings") or self.words("past_suffixes")
        return tok.lower != tok.lemma and tok.lower.endswith(tuple(e.split(">", 1)[0] for e in endings))

    def opens_apposition(self, tok: Token) -> bool:
        """The first word of a short insertion about the noun before it: a determiner ("Turkey, a NATO
        member, …") or a participle ("Lula, elected in 2022, …")."""
        return tok.lower in self.words("determiners") or self.is_participle(tok)

    def is_bare_infinitive(self, tok: Token) -> bool:
        """An infinitive, also with clitics ("arrestarlos" → "arrestar") or an elided preposition
        ("d'arrêter"), for languages that mark it on the verb, not with a word like "zu" or "to"."""
        word = tok.lower.replace("’", "'").rsplit("'", 1)[-1]
        return tok.text[:1].islower() and word.startswith(tok.lemma) \
            and tok.lemma.endswith(tuple(self.words("infinitive_suffixes")))

    def marks_infinitive(self, tok: Token) -> bool:
        """"zu beenden", "to stop", and German's infixed "einzustellen" ("ein" + "zu" + "stellen")."""
        word = tok.lower
        for marker in self.words("infinitive_markers"):
            if word == marker:
                return True
            at = word.find(marker, 1)
            rest = word[:at] + word[at + len(marker):] if at > 0 else ""
            # the lemmatiser knows the verb ("abzuwerfen" → "abwerfen"), or left an unknown one alone
            known = rest == tok.lemma or (tok.lemma == word and rest.endswith(tuple(self.words("infinitive_suffixes"))))
            if rest and known and tok.text[:1].islower():
                return True
        return False

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


WEAK_TRIGGER = 0.5  # below this a trigger word alone is only a hint ("artillery", "tank")


def _in_stronger_gap(match: Match, kept: list[Match]) -> bool:
    """A weak one-word trigger inside a stronger pattern's gap is part of that phrase: "testing of
    artillery and cruise missiles" is a weapons test, not an artillery attack."""
    return len(match.token_indices) == 1 and trigger_weight(match) < WEAK_TRIGGER and any(
        other is not match and other.start < match.start < other.end - 1
        and trigger_weight(other) > trigger_weight(match) for other in kept)


def trigger_weight(match: Match) -> float:
    """The trigger row's prior confidence (0.5 when the lexicon leaves it empty)."""
    try:
        return float(match.row["weight"] or 0.5)
    except ValueError:
        return 0.5


def _matcher(lang: str, name: str, split_verbs: bool = True) -> PatternMatcher:
    """`split_verbs`: also match each row's main-clause form (`split_verb_pattern`)."""
    g = grammar(lang)
    bracket = Bracket(frozenset(g.get("bracket_particles", ())), int(g.get("bracket_gap", ("0",))[0]),
                      frozenset(g.get("coordinators", ()) + g.get("bracket_closers", ())))
    rows = [row for row in load_table(lang, name) if row["pattern"]]
    written = {row["pattern"] for row in rows}
    patterns = [parse_pattern(row["pattern"], row) for row in rows]
    if split_verbs:
        splits = ((split_verb_pattern(row["pattern"], lang), row) for row in rows)
        patterns += [parse_pattern(split, row) for split, row in splits if split and split not in written]
    return PatternMatcher(patterns, bracket)


def split_verb_pattern(pattern: str, lang: str) -> str | None:
    """The main-clause form of a pattern with a separable verb: the verb comes second and its particle
    closes the clause, so "hilfe ... zusagen" also reads "sagte der Ukraine Hilfe zu" as
    "sagen ... hilfe ... zu".  None when the pattern has no such verb (or the language no particles)."""
    g = grammar(lang)
    particles = sorted(g.get("bracket_particles", ()), key=len, reverse=True)
    inseparable = set(g.get("inseparable_lookalikes", ()))
    words = [w for w in pattern.split() if w != "..."]
    for i, word in enumerate(words):
        if not word.isalpha() or word in inseparable:
            continue  # `*stem`, `=surface`; nouns such as "abkommen"
        particle = next((p for p in particles if word.startswith(p)), None)
        if particle is None:
            continue
        stem = word[len(particle):]
        if is_infinitive(stem, lang) and not (stem.startswith("zu") and is_infinitive(stem[2:], lang)):
            return " ... ".join([stem, *words[:i], *words[i + 1:], particle])  # not "einzusetzen"
    return None


@lru_cache(maxsize=None)
def cues_for(lang: str) -> Cues:
    numbers = {row["pattern"].lower(): int(row["value"]) for row in load_table(lang, "numbers")}
    word_sets = {key: frozenset(w for w in values if w) for key, values in grammar(lang).items()}
    return Cues(lang, _matcher(lang, "triggers"), _matcher(lang, "attribution", split_verbs=False),
                _matcher(lang, "modality"), _matcher(lang, "size"), _phrases(lang, word_sets, "pair_anaphors"),
                _phrases(lang, word_sets, "tally_periods"), _phrases(lang, word_sets, "blame_anaphors"),
                numbers, word_sets)


def _phrases(lang: str, word_sets: dict[str, frozenset[str]], key: str) -> PatternMatcher:
    """The multi-word values of one grammar.tsv key, matched as patterns."""
    return PatternMatcher(parse_pattern(p, Row({"pattern": p}, f"{lang}/grammar.tsv:{key}"))
                          for p in sorted(word_sets.get(key, ())))


@lru_cache(maxsize=None)
def _mode_words(lang: str) -> PatternMatcher:
    return _matcher(lang, "modes")


def find_mode_words(tokens: list[Token], lang: str) -> list[Match]:
    """`<lang>/modes.tsv`: instrument and method words ("grenade", "warplanes", "tear gas") that say how
    an event was carried out.  Overlaps are resolved per event type (and per detail for rows without a
    mode), so "rocket-propelled grenade" is a heavy weapon for ASSAULT while "grenade" can still name a
    seized weapon, and "cache" is both a weapon and a sign of its seizure."""
    groups: dict[tuple[str, str], list[Match]] = {}
    for m in _mode_words(lang).find(tokens):
        groups.setdefault((m.row["event_type"], "" if m.row["mode"] else m.row["detail"]), []).append(m)
    return sorted((m for group in groups.values() for m in longest_non_overlapping(group)),
                  key=lambda m: m.start)


def mode_words_for(tokens: list[Token], event_type: str, lang: str) -> list[Match]:
    """The first mode word in `tokens` for each PLOVER mode it gives an event of `event_type`, in text order."""
    first: dict[str, Match] = {}
    for m in find_mode_words(tokens, lang):
        if m.row["event_type"] == event_type and m.row["mode"]:
            first.setdefault(m.row["mode"], m)
    return list(first.values())


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
