"""Actor mentions: countries, demonyms, capitals, organisations, role nouns and named office holders.

Atoms (single lexicon hits) are found with one PatternMatcher and grouped into noun-phrase mentions:
"der russische Präsident Wladimir Putin" = demonym + role + person → RUS / GOV / Vladimir Putin.
A role with a country but no name is looked up in the dated leaders list ("Verteidigungsminister
von Seoul" on 2024-10-08 → Kim Yong-hyun).  Surnames seen once resolve later in the same article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Sequence

from eventwire.lexicons import Row, grammar, load_list, load_table
from eventwire.nlp.patterns import Match, Pattern, PatternMatcher, longest_non_overlapping, parse_pattern
from eventwire.nlp.text import lemma, tokenize
from eventwire.records import ActorRef, Token, parse_date

ORDINAL_PERIOD = re.compile(r"\b([IVX]+)\.$")
PROPER_KINDS = {"country", "capital", "org", "group", "person", "prefix"}
# What may stand before the hyphen of a compound that names a party ("US-Einheiten").
COMPOUND_HEAD_KINDS = {"country", "capital", "org", "group", "prefix"}
# Kinds that stand for a state or body; a bare demonym ("ukrainischen") is an adjective on its own.
STATE_KINDS = {"country", "capital", "org", "group"}
# The role (roles.tsv) of those who follow a party or leader: "Trump supporters", "Anhänger Trumps" are
# civilians of the leader's country, not the leader.
FOLLOWER_ROLE = "supporter"
POLITICAL_SECTORS = {"OPP", "PTY"}


@dataclass
class Mention:
    """An actor mention in one sentence: token span plus the resolved actor."""

    actor: ActorRef
    start_token: int
    end_token: int  # exclusive
    kinds: tuple[str, ...]
    sources: list[str] = field(default_factory=list)
    role: str | None = None
    dateline: bool = False  # named in the dateline ("Beirut – …"): where the report was filed


    @property
    def demonym_only(self) -> bool:
        return set(self.kinds) <= {"demonym"}

    @property
    def has_role(self) -> bool:
        return "role" in self.kinds

    @property
    def party_prefix_only(self) -> bool:
        """A hyphen compound whose first part names the party and whose head is no role
        ("US-Luftangriff", "UN-Konferenz"): the head may be a trigger of its own."""
        return self.kinds == ("compound",) and self.role is None


@dataclass(frozen=True)
class Leader:
    name: str
    country: str
    sector: str
    role: str
    start: date
    end: date | None
    source: str

    def in_office(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return self.start <= day and (self.end is None or day <= self.end)


@lru_cache(maxsize=None)
def leaders() -> tuple[Leader, ...]:
    out = []
    for row in load_table("common", "leaders"):
        start = parse_date(row["start"])
        if start is None:
            continue
        out.append(Leader(row["name"], row["country"], row["sector"] or "GOV", row["role"], start,
                          parse_date(row["end"]), row.source))
    return tuple(out)


@dataclass(frozen=True)
class DatedCode:
    """One dated code of a person in common/actors_dated.tsv (converted Phoenix data, stale after ~2018)."""

    name: str
    country: str
    sector: str
    start: date | None
    end: date | None
    source: str

    @property
    def default(self) -> bool:
        return self.start is None and self.end is None

    def covers(self, day: date) -> bool:
        return not self.default and (self.start is None or self.start <= day) and \
            (self.end is None or day <= self.end)


@lru_cache(maxsize=None)
def _dated_table() -> dict[str, tuple[list[str], list[DatedCode]]]:
    """Name → (aliases, codes) of every person in common/actors_dated.tsv."""
    out: dict[str, tuple[list[str], list[DatedCode]]] = {}
    for row in load_table("common", "actors_dated"):
        name = row["name"]
        entry = out.setdefault(name, ([], []))
        entry[0].extend(row.items_of("aliases"))
        entry[1].append(DatedCode(name, row["country"], row["sector"], parse_date(row["start"]),
                                  parse_date(row["end"]), row.source))
    return out


def earlier_sector(name: str, day: date) -> tuple[str | None, str] | None:
    """(sector, source) of a person on `day` from common/actors_dated.tsv, for the years before the first
    term that common/leaders.tsv lists (Naledi Pandor, a minister long before she was foreign minister);
    out of an earlier office, a former official (ELI).  Phoenix codes the years before any office ELI
    ("elite"), which PLOVER's ELI (former official) is not: those count as unknown."""
    codes = _dated_table().get(name, ((), ()))[1]
    held = [c for c in codes if c.sector != "ELI" and c.start is not None and c.start < day]
    code = max((c for c in codes if c.covers(day)), key=lambda c: c.start or date.min, default=None)
    if code is not None and (code.sector != "ELI" or held):
        return code.sector or None, code.source
    if code is None and held:
        return "ELI", held[0].source
    return None


@lru_cache(maxsize=None)
def dated_actors() -> dict[str, tuple[tuple[str, ...], tuple[DatedCode, ...]]]:
    """Name → (aliases, codes) from common/actors_dated.tsv; names in common/leaders.tsv are left out
    (leaders.tsv wins)."""
    known = {a.lower() for row in load_table("common", "leaders")
             for a in (row["name"], *row.items_of("aliases")) if a}
    result = {}
    for name, (aliases, codes) in _dated_table().items():
        names = tuple(n for n in (name, *aliases) if n.lower() not in known)
        if names and name.lower() not in known:
            result[name] = (names, tuple(codes))
    return result


@lru_cache(maxsize=None)
def _terms_by_name() -> dict[str, tuple[Leader, ...]]:
    out: dict[str, list[Leader]] = {}
    for leader in leaders():
        out.setdefault(leader.name, []).append(leader)
    return {name: tuple(terms) for name, terms in out.items()}


def terms_of(name: str) -> tuple[Leader, ...]:
    """Every term of office of one person in common/leaders.tsv."""
    return _terms_by_name().get(name, ())


def term_on(name: str, day: date | None) -> Leader | None:
    """The term in office on `day` (no day: the open one), else the latest that began before it: a person
    who was general, then minister, is coded by the office of the day."""
    terms = terms_of(name)
    current = [t for t in terms if t.in_office(day)]
    if current:
        return current[0]
    begun = [t for t in terms if day is None or t.start <= day]
    return max(begun, key=lambda t: t.start, default=None)


@lru_cache(maxsize=None)
def _terms_by_office() -> dict[tuple[str, str], tuple[Leader, ...]]:
    out: dict[tuple[str, str], list[Leader]] = {}
    for leader in leaders():
        out.setdefault((leader.country, leader.role), []).append(leader)
    return {office: tuple(terms) for office, terms in out.items()}


@lru_cache(maxsize=1)
def _spelling_groups() -> dict[str, tuple[str, ...]]:
    """Lower-case given name → every romanisation of it (common/name_spellings.txt), the first leading."""
    out: dict[str, tuple[str, ...]] = {}
    for line in load_list("common", "name_spellings"):
        group = tuple(dict.fromkeys(line.split("|")))
        out.update({spelling: group for spelling in group})
    return out


def usual_spelling(word: str) -> str:
    """The leading romanisation of a given name ("mohammed" → "mohamed"); other words unchanged."""
    group = _spelling_groups().get(word.lower())
    return group[0] if group else word


def spellings(name: str) -> list[str]:
    """`name` with each given name in every romanisation ("Mohamed Ali" → … "Muhammad Ali" …), itself first."""
    out = [""]
    for word in name.split():
        group = _spelling_groups().get(word.lower())
        forms = [word] + [g.capitalize() for g in group or () if g != word.lower()]
        out = [f"{head} {form}".strip() for head in out for form in forms]
    return out


@lru_cache(maxsize=1)
def _state_offices() -> dict[str, str]:
    return {row["role"]: row["office"] for row in load_table("common", "state_offices")}


def state_office(role: str) -> str:
    """common/state_offices.tsv: the office a role noun names when said of a state
    ("president" → head_of_state); other roles are their own office."""
    return _state_offices().get(role, role)


def leader_for(country: str, role: str, day: date | None) -> Leader | None:
    """The one holder of the office on `day`; none where several hold it at once (lumped IGO offices,
    rival governments, collective presidencies, several spokespeople): the role alone does not say who."""
    office = (country, state_office(role))
    holders = {t.name: t for t in _terms_by_office().get(office, ()) if t.in_office(day)}
    return next(iter(holders.values())) if len(holders) == 1 else None


class ActorMatcher:
    """All actor atoms of one language, compiled once per process."""

    def __init__(self, lang: str):
        self.lang = lang
        g = grammar(lang)
        self.determiners = frozenset(g.get("determiners", ()))
        self.quantifiers = frozenset(g.get("quantifiers", ()))
        self.linkers = frozenset(g.get("linkers", ()))
        self.seat_preps = frozenset(g.get("seat_preps", ()))
        self.seated_roles = tuple(r for r in g.get("seated_roles", ()) if r)
        self.place_nouns = frozenset(g.get("place_nouns", ()))
        self.postposed_adjectives = "yes" in g.get("adjective_after_noun", ())
        self.noun_suffixes = tuple(s for s in g.get("common_noun_suffixes", ()) if s)
        self.statement_heads = tuple(s for s in g.get("statement_compound_heads", ()) if s)
        self.nouns_capitalized = "yes" in g.get("nouns_capitalized", ())
        self.name_connectors = frozenset(load_list("common", "name_connectors"))
        self.numbers = {row["pattern"].lower(): int(row["value"]) for row in load_table(lang, "numbers")}
        endings = {
            "demonym": [e for e in g.get("adj_endings", ()) if e],
            "people": [e for e in g.get("people_endings", ()) if e],
            "name": [e for e in g.get("name_endings", ()) if e],
        }
        # "US-gestützte", "Iran-backed": a participle tail, inflected like an adjective
        self.backer_tails = frozenset(t + e for t in g.get("backer_compound_tails", ()) if t
                                      for e in ("", *endings["demonym"]))
        patterns = []
        # Codes of states (not IGOs, NGOs or transnational groups): what a story can be "about".
        rows = load_table(lang, "actors")
        self.state_codes = frozenset(r["country"] for r in rows if r["kind"] == "country")
        # Codes of bodies (UNO): named by organisations but never by a demonym or people noun.  A state
        # organ ("die Regierung", "the army") never refers back to one.
        nationals = {r["country"] for r in rows if r["kind"] in {"demonym", "people"}}
        self.body_codes = frozenset(r["country"] for r in rows
                                    if r["kind"] in {"org", "group"} and r["country"] not in nationals)
        for row in rows:
            kind = row["kind"]
            suffixes = endings["demonym"] if kind == "demonym" else \
                endings["people"] if kind == "people" else endings["name"]
            patterns.append(parse_pattern(_as_tokens(row["pattern"], lang), row, _inflector(suffixes)))
        for row in load_table(lang, "roles"):
            patterns.append(parse_pattern(row["pattern"], _with_kind(row, "role"),
                                          _inflector(endings["people"], last_only=True)))
        for row in load_table("common", "leaders"):
            names = (row["name"], *row.items_of("aliases"))
            for alias in dict.fromkeys(form for n in names for form in spellings(n)):
                # the tokenizer splits the period off a German ordinal: "König Abdullah II." is "II" "."
                alias = ORDINAL_PERIOD.sub(r"\1", alias)
                patterns.append(parse_pattern(alias, _with_kind(row, "person"),
                                              _inflector(endings["name"], last_only=True)))
        self.matcher = PatternMatcher(patterns)

    def atoms(self, tokens: Sequence[Token]) -> list[Match]:
        found = [m for m in self.matcher.find(tokens) if _case_ok(m, tokens)
                 # where nouns are capitalised, a lower-case role word is an adjective ("die offizielle Agentur")
                 and not (self.nouns_capitalized and m.row["kind"] == "role"
                          and tokens[m.start].text[:1].islower())]
        # a prefix ("US", "UN") names a party before a hyphen, or as a noun modifier right before a role
        # noun: "US Secretary of State", "UN envoy"
        role_starts = {m.start for m in found if m.row["kind"] == "role"}
        found = [m for m in found if m.row["kind"] != "prefix" or m.end in role_starts]
        # a role suffix ("*einheit") may cover "US-Einheiten"; the compound's head still names the party
        covered = {i for m in found if m.row["kind"] != "role" for i in m.token_indices}
        for i, tok in enumerate(tokens):
            if i in covered:
                continue
            compound = self._compound(tok, i) if "-" in tok.text else self._statement_source(tok, i)
            if compound is not None:
                found = [m for m in found if i not in m.token_indices] + [compound]
        return longest_non_overlapping(found, key=_kind_rank)

    def _statement_source(self, token: Token, index: int) -> Match | None:
        """German closed compounds that name whose statement it is: "nach Armeeangaben", "aus
        Regierungskreisen": the first part names the party (the army, the government)."""
        lower = token.lower
        head = next((h for h in self.statement_heads if lower.endswith(h) and len(lower) > len(h) + 2), None)
        if head is None:
            return None
        stem = len(token.text) - len(head)
        for end in dict.fromkeys((stem, stem - 1 if token.lower[stem - 1] == "s" else stem)):  # Regierung|s|kreise
            parties = self._piece(token, 0, end, {"role", *STATE_KINDS})
            if parties:
                row = max(parties, key=_kind_rank).row
                return Match(Pattern((), Row({**row.values, "pattern": token.text}, row.source)), (index,))
        return None

    def _piece(self, token: Token, start: int, end: int, kinds, lemmatise: bool = False) -> list[Match]:
        """Lexicon matches of `kinds` for the characters start:end of a compound token."""
        text = token.text[start:end]
        piece = Token(text, token.start + start, token.start + end, text.lower(),
                      lemma(text, self.lang) if lemmatise else text.lower())
        return [m for m in self.matcher.find([piece]) if m.row["kind"] in kinds and _case_ok(m, [piece])]

    def _compound(self, token: Token, index: int) -> Match | None:
        """German hyphen compounds: "US-Einheiten", "IS-Kämpfer", "Hamas-Trainingslager",
        "UNO-Truppe", "al-Shabaab-Kämpfer": the head (the longest that names a party) names the party, the
        tail may name its sector."""
        parts = token.text.split("-")
        if parts[-1].lower() in self.backer_tails:
            return None  # "Iran-backed Houthi rebels": the backer is not the party the phrase names
        heads = []
        for k in range(len(parts) - 1, 0, -1):
            heads = self._piece(token, 0, len("-".join(parts[:k])), COMPOUND_HEAD_KINDS)
            if heads:
                break
        if not heads:
            return None
        row = max(heads, key=_kind_rank).row
        roles = self._piece(token, len(token.text) - len(parts[-1]), len(token.text), {"role"}, lemmatise=True)
        sector = roles[0].row["sector"] if roles else (row["sector"] if row["kind"] != "prefix" else "")
        values = {"kind": "compound", "country": row["country"], "sector": sector,
                  "role": roles[0].row["role"] if roles else "", "pattern": token.text}
        source = row.source + (f" + {roles[0].row.source}" if roles else "")
        return Match(Pattern((), Row(values, source)), (index,))

    def mentions(self, tokens: Sequence[Token], day: date | None, source: str,
                 known_people: dict[str, ActorRef] | None = None) -> list[Mention]:
        """Group atoms into mentions; `known_people` maps surnames seen earlier in the article."""
        atoms = {m.start: m for m in self.atoms(tokens)}
        known_people = known_people if known_people is not None else {}
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            match = atoms.get(i)
            if match is None:
                person = self._known_surname(tokens[i], known_people)
                if person is not None:
                    mentions.append(Mention(ActorRef(tokens[i].text, person.country, person.sector,
                                                     person.name, tokens[i].start, tokens[i].end),
                                            i, i + 1, ("person",), ["coreference: surname seen earlier"]))
                i += 1
                continue
            group = [match]
            j = match.end
            while j < len(tokens):
                nxt = atoms.get(j)
                if nxt is not None and ((_joins(group, nxt) and not self._two_noun_phrases(tokens, group[-1], nxt)) or (
                        self.postposed_adjectives and nxt.row["kind"] == "demonym"
                        and group[-1].row["kind"] in {"role", "people"})):
                    group.append(nxt)
                    j = nxt.end
                    continue
                # "die ukrainische Hauptstadt Kiew": a place noun between a demonym and a name
                if tokens[j].lower in self.place_nouns and j + 1 < len(tokens) and \
                        atoms.get(j + 1) is not None and atoms[j + 1].row["kind"] in {"capital", "country"}:
                    group.append(atoms[j + 1])
                    j = atoms[j + 1].end
                    continue
                # "die Regierung in Kiew", "the junta in Mali": an institution seated in a state or its capital
                if tokens[j].lower in self.seat_preps and j + 1 < len(tokens) and group[-1].row["kind"] == "role" \
                        and len(group) == 1 and tokens[j - 1].lower.endswith(self.seated_roles):
                    after = atoms.get(j + 1)
                    if after is not None and after.row["kind"] in {"country", "capital"}:
                        group.append(after)
                        j = after.end
                        continue
                # "Verteidigungsminister von Seoul", "President of Ukraine"; a follower also before a
                # genitive ("Anhänger der Opposition")
                genitive = _follower(group[-1]) and tokens[j].lower in self.determiners
                if (tokens[j].lower in self.linkers or genitive) and j + 1 < len(tokens):
                    k = j + 1
                    while k < len(tokens) and tokens[k].lower in self.determiners:
                        k += 1
                    after = atoms.get(k)
                    if after is not None and group[-1].row["kind"] == "role" \
                            and (after.row["kind"] in STATE_KINDS | {"demonym"}
                                 or (_follower(group[-1]) and after.row["kind"] in {"person", "role"})):
                        group.append(after)
                        j = after.end
                        continue
                break
            end = j
            name_end = self._apposition_name(tokens, end, group, atoms)
            mention = self._build(tokens, group, i, end, name_end, day, source)
            mentions.append(mention)
            if mention.actor.name:
                person_atoms = [m for m in group if m.row["kind"] == "person"]
                name_tokens = tokens[person_atoms[0].start:person_atoms[0].end] if person_atoms \
                    else tokens[end:name_end]
                _remember_person(known_people, mention.actor, name_tokens)
            i = max(name_end, end)
        return mentions

    def _two_noun_phrases(self, tokens: Sequence[Token], prev: Match, nxt: Match) -> bool:
        """Where nouns are capitalised, compounds are one word: a role noun after another noun or a
        place is a phrase of its own ("dass seine Truppen Zivilisten angegriffen hätten", "in Tiflis
        Demonstranten"), where English joins them ("government troops", "Kyiv officials")."""
        if not self.nouns_capitalized or nxt.row["kind"] != "role":
            return False
        if prev.row["kind"] == "role":
            return True
        # a place in its base form; its genitive owns the role ("Russlands Präsident", "Kiews Bürgermeister")
        written = " ".join(tokens[i].lower for i in prev.token_indices)
        return prev.row["kind"] in {"country", "capital"} and written == prev.row["pattern"].lower()

    def _known_surname(self, token: Token, known: dict[str, ActorRef]) -> ActorRef | None:
        if not token.text[:1].isupper():
            return None
        key = token.lower
        if key in known:
            return known[key]
        for ending in grammar(self.lang).get("possessive", ()):
            if ending and key.endswith(ending) and key[:-len(ending)] in known:
                return known[key[:-len(ending)]]
        return None

    def _apposition_name(self, tokens: Sequence[Token], end: int, group: list[Match],
                         atoms: dict[int, Match]) -> int:
        """Capitalised name tokens right after a role noun: "Präsident Emmanuel Macron"; a lexicon entry
        is no name ("the rebel FDLR force": FDLR is the group, not a rebel called FDLR)."""
        if group[-1].row["kind"] != "role" or any(m.row["kind"] == "person" for m in group):
            return end
        j = end
        while j < len(tokens) and j - end < 3 and j not in atoms and self._looks_like_name(tokens[j]):
            j += 1
            # "Staffan de Mistura", "Ursula von der Leyen": lower-case connectors inside the name; a
            # determiner does not open one ("Lawrow der Presse")
            k = j
            while k < len(tokens) and tokens[k].text in self.name_connectors \
                    and (k > j or tokens[k].lower not in self.determiners):
                k += 1
            if k > j and j > end and k < len(tokens) and k not in atoms and self._looks_like_name(tokens[k]):
                j = k
        return j

    def _looks_like_name(self, token: Token) -> bool:
        text = token.text
        if not text[:1].isupper() or not text.replace("-", "").isalpha():
            return False
        if token.lower in self.determiners or token.lower in self.linkers:
            return False
        return not token.lower.endswith(self.noun_suffixes) and token.lemma == token.lower

    def _build(self, tokens, group: list[Match], start: int, end: int, name_end: int,
               day: date | None, source: str) -> Mention:
        kinds = tuple(m.row["kind"] for m in group)
        country = sector = name = role = None
        body_sector = False
        for m in group:  # the most specific atom decides each field
            row, kind = m.row, m.row["kind"]
            if _follower(m):
                continue  # decided below, from what is followed
            if kind == "person":
                term = term_on(row["name"], day)
                country, name = (term.country if term else row["country"]) or country, row["name"]
                sector = sector or (term.sector if term else row["sector"]) or "GOV"
            elif kind == "role":
                # "FBI agents", "CIA officers": the body's own sector outranks the member noun after it
                sector = sector if body_sector else row["sector"] or sector
                role = row["role"] or role
            elif kind == "compound":
                country = country or row["country"] or None
                sector = sector or row["sector"] or None
                role = role or row["role"] or None
            else:
                country = country or row["country"] or None
                if kind == "capital":
                    sector = sector or "GOV"
                elif kind in {"org", "group"} and row["sector"]:
                    sector = sector or row["sector"]
                    body_sector = True
        follower = next((m for m in group if _follower(m)), None)
        if follower is not None:  # the followers of a party in politics are its base ("opposition supporters")
            name, role = None, FOLLOWER_ROLE
            sector = sector if sector in POLITICAL_SECTORS else follower.row["sector"] or sector
        elif name is None and name_end > end:
            name = " ".join(t.text for t in tokens[end:name_end])
        if name is None and role and country:
            leader = leader_for(country, role, day)
            if leader is not None:
                name = leader.name
        first = start
        while first > 0 and (tokens[first - 1].lower in self.numbers or tokens[first - 1].text.isdigit()):
            first -= 1
        last = max(end, name_end)
        actor = ActorRef(source[tokens[first].start:tokens[last - 1].end], country or None,
                         sector or None, name, tokens[first].start, tokens[last - 1].end)
        return Mention(actor, first, last, kinds, [m.row.source for m in group], role)


def _remember_person(known: dict[str, ActorRef], actor: ActorRef, name_tokens) -> None:
    """Later bare name parts ("sagte Kim") refer to the latest person seen with that part."""
    parts = {p.lower() for p in actor.name.split()} | {t.lower for t in name_tokens}
    for part in parts:
        if len(part) >= 3:
            known[part] = actor


def _with_kind(row: Row, kind: str) -> Row:
    return Row({**row.values, "kind": kind}, row.source)


def _as_tokens(name: str, lang: str) -> str:
    """A lexicon name split where the tokenizer splits text, so that it can match: "Kurdistan Workers'
    Party" is the tokens "Workers" "'" "Party", "St. Lucia" is "St" "." "Lucia", "OPEC+" is "OPEC" "+"."""
    return " ".join(t.text for t in tokenize(name, lang))


def _inflector(suffixes: list[str], last_only: bool = False):
    def variants(word: str, position: int, count: int) -> list[str]:
        if word == "'":
            return ["’"]  # the typographic apostrophe of news copy
        if last_only and position != count - 1:
            return []
        return [word + s for s in suffixes]
    return variants


def _case_ok(match: Match, tokens: Sequence[Token]) -> bool:
    """Names must be capitalised: 'Chad' the country, not 'chad'; 'Georgia', not 'georgia'."""
    if match.row["kind"] not in PROPER_KINDS:
        return True
    first = tokens[match.start].text
    acronym = (match.row["pattern"] or match.row["name"] or "-").split()[0]
    if re.split(r"[-\s]", acronym)[0] in load_list("common", "name_particles"):
        return True  # the lexicon writes the particle lower case, as news do: "al-Shabaab", "al-Qaeda"
    if len(acronym) >= 2 and acronym.isupper():  # "UN", "USA": not "Un" in "Kim Jong Un"
        return first[:len(acronym)].isupper() and not _shouted(tokens, match)
    return first[:1].isupper()


def _shouted(tokens: Sequence[Token], match: Match) -> bool:
    """A short acronym in a text written in capitals ("LET US TALK") is an ordinary word."""
    if len(tokens[match.start].text) > 3:
        return False
    beside = [tokens[i].text for i in (match.start - 1, match.end) if 0 <= i < len(tokens)]
    words = [w for w in beside if w.isalpha() and len(w) > 1]
    return bool(words) and all(w.isupper() for w in words)


def _kind_rank(match: Match) -> int:
    return {"person": 5, "org": 4, "group": 4, "compound": 4, "country": 3, "capital": 3, "demonym": 2,
            "people": 2, "role": 1}.get(match.row["kind"], 0)


def _follower(match: Match) -> bool:
    return match.row["kind"] == "role" and match.row["role"] == FOLLOWER_ROLE


def _joins(group: list[Match], nxt: Match) -> bool:
    """Adjacent atoms that form one noun phrase: demonym + role, country + role, role + person, role + group …"""
    prev = group[-1].row["kind"]
    kind = nxt.row["kind"]
    if kind == "person":
        return prev in {"role", "demonym", "country", "capital", "compound"}  # "US-Außenminister John Kerry"
    if kind == "role":
        return prev in {"demonym", "country", "capital", "org", "group", "role", "compound", "prefix"} \
            or (prev == "person" and _follower(nxt))  # "Houthi rebels", "Trump supporters"
    if kind == "demonym":
        return prev == "demonym"  # "russische und nordkoreanische" stays two mentions via "und"
    if kind in {"org", "group"}:
        return prev in {"role", "compound"}  # apposition: "the jihadist militia Islamic State", "die Terrormiliz Hamas"
    return False
