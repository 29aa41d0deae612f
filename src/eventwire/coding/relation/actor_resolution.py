"""`eventwire resolve-actor`: an actor text (+ context, + date) → country, sector, name.

Uses the language's ActorMatcher (actors.tsv, roles.tsv, common/leaders.tsv) and adds a small fallback:
* date-aware people: a person found through common/leaders.tsv keeps the office's sector only while in
  office on `date`; after the term ends the person is a former office holder (sector ELI, as NGEC codes
  "former President …"), before it began the sector is unknown;
* "former"/"ex-" before a role or person → ELI;
* the `context` text (e.g. "Colombian defense", "Mexico") fills a missing country, and a missing sector
  when it names a role.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from eventwire.lexicons import grammar, load_table
from eventwire.nlp.actors import ActorMatcher, dated_actors, leaders
from eventwire.nlp.text import tokenize

# Sectors of the actor lexicons that a more specific agent phrase at the head of the text overrides.
WEAK = {None, "PPL"}


@lru_cache(maxsize=None)
def _words(lang: str, key: str) -> frozenset[str]:
    return frozenset(w for w in grammar(lang).get(key, ()) if w)


@lru_cache(maxsize=None)
def _matcher(lang: str) -> ActorMatcher:
    return ActorMatcher(lang)


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
    if best is None or best[3] == "UNK":  # "group of thieves", "members of SANDF": the complement decides
        best = _rightmost(tokens, table, len(tokens)) if best is None or \
            _rightmost(tokens, table, len(tokens))[3] != "UNK" else best
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


@lru_cache(maxsize=None)
def _dated_names() -> dict[str, str]:
    """Lower-cased name or alias → name of common/actors_dated.tsv (persons not in leaders.tsv)."""
    return {alias.lower(): name for name, (names, _) in dated_actors().items() for alias in names}


def _dated_person(tokens) -> tuple[int, int, str] | None:
    """The longest capitalised token span that is a dated person's name: (start, end, name)."""
    table = _dated_names()
    for n in range(min(6, len(tokens)), 1, -1):
        for i in range(len(tokens) - n + 1):
            if tokens[i].text[:1].isupper():
                for key in (" ".join(t.lower for t in tokens[i:i + n]),
                            " ".join(t.lower for t in tokens[i:i + n]).replace(" - ", "-")):
                    if key in table:
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


def _role_end(m) -> int:
    return m.end_token


def _terms(name: str) -> list:
    return [l for l in leaders() if l.name == name]


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
    matcher = _matcher(lang)
    tokens = tokenize(text, lang)
    m = _best(matcher.mentions(tokens, day, text, {}))
    country = sector = name = role = None
    trace = []
    if m is not None:
        country, sector, name, role = m.actor.country, m.actor.sector, m.actor.name, m.role
        trace += m.sources
        before = {t.lower for t in tokens[max(0, m.start_token - 2):m.start_token]}
        if name and "person" in m.kinds:
            terms = _terms(name)
            current = [t for t in terms if t.in_office(day)]
            role = current[0].role if current else None
            if terms and not any(t.in_office(day) for t in terms):
                ended = [t for t in terms if t.end is not None and day is not None and t.end < day]
                sector = "ELI" if ended or day is None else None
                trace.append(f"leaders.tsv: {name} not in office on {day}")
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
    if hit and sector != "ELI" and (sector in WEAK or hit[3] != "UNK" and (
            m is not None and not set(m.kinds) & {"person", "org", "group"}
            and (hit[1] > _role_end(m) or (hit[1] == _role_end(m) and hit[1] - hit[0] > 1)))):
        sector = hit[3]
        trace.append(f"agents_{lang}.tsv: {hit[2]}")
    if context and (country is None or sector is None):
        ctoks = tokenize(context, lang)
        cm = _best(matcher.mentions(ctoks, day, context, {}))
        if cm is not None:
            country = country or cm.actor.country
            if sector is None and cm.has_role:
                sector = cm.actor.sector
            trace += ["context: " + s for s in cm.sources]
    return {"country": country, "sector": sector, "name": name, "role": role, "trace": trace}
