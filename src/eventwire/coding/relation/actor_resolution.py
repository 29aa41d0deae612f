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

from eventwire.nlp.actors import ActorMatcher, leaders
from eventwire.nlp.text import tokenize

FORMER = {"former", "ex", "ex-", "then", "late"}


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


def _agent_sector(tokens, lang: str) -> tuple[str, str] | None:
    """The rightmost agent noun (up to three words) in the text: the head of the phrase."""
    table = _agents(lang)
    best = None
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            for key in (" ".join(t.lower for t in tokens[i:i + n]), " ".join(t.lemma for t in tokens[i:i + n])):
                if key in table and (best is None or i + n > best[0]):
                    best = (i + n, key, table[key])
    return (best[1], best[2]) if best else None


def _best(mentions):
    if not mentions:
        return None
    # the mention with a country and sector first, then the longest
    return max(mentions, key=lambda m: (bool(m.actor.country) + bool(m.actor.sector) + bool(m.actor.name),
                                        m.end_token - m.start_token))


def _terms(name: str) -> list:
    return [l for l in leaders() if l.name == name]


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
        if before & FORMER:
            sector, role = "ELI", None
    if sector is None:
        hit = _agent_sector(tokens, lang)
        if hit:
            sector = hit[1]
            trace.append(f"agents_{lang}.tsv: {hit[0]}")
    if context and (country is None or sector is None):
        ctoks = tokenize(context, lang)
        cm = _best(matcher.mentions(ctoks, day, context, {}))
        if cm is not None:
            country = country or cm.actor.country
            if sector is None and cm.has_role:
                sector = cm.actor.sector
            trace += ["context: " + s for s in cm.sources]
    return {"country": country, "sector": sector, "name": name, "role": role, "trace": trace}
