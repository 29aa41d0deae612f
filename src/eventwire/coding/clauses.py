"""Split a sentence's tokens into clauses: commas, semicolons, colons, dashes, quotes and
subordinating words (dass, that, wie …) open a new clause.  Roles, modality and dates are looked
for inside the clause of a trigger first."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from eventwire.coding.cues import Cues
from eventwire.records import Token

MAX_APPOSITION_TOKENS = 3  # "(IS)", "(OPCW)", "(Omar der Tschetschene)"
MAX_INSERTED_APPOSITION = 10  # ", a member of the NATO alliance,", ", a small but strong country in Northern Europe,"
BREAK_MARKS = {",", ";", ":", "–", "—", "(", ")", "„", "“", "”", "\"", "«", "»"}
SHORT_PAIRS = {"(": ")", "\"": "\"", "„": "“", "“": "”", "«": "»"}


@dataclass(frozen=True)
class Clause:
    index: int
    start: int  # token index
    end: int  # exclusive
    opener: str | None  # subordinating word that opened it, lowercased
    relative: bool = False  # opened by a relative pronoun after a comma

    def __contains__(self, token_index: int) -> bool:
        return self.start <= token_index < self.end


def split_clauses(tokens: list[Token], openers: frozenset[str], complementizers: frozenset[str],
                  relatives: frozenset[str] = frozenset(), prepositions: frozenset[str] = frozenset(),
                  parentheticals: frozenset[tuple[str, ...]] = frozenset()) -> list[Clause]:
    """`openers` open a clause after a break mark; `complementizers` ("dass", "that") anywhere;
    `relatives` after a break mark, possibly behind a preposition ("…, für den …"), mark it relative;
    `parentheticals` between two commas ("Russia, however, rejected …") end no clause."""
    clauses: list[Clause] = []
    start, opener, relative = 0, None, False

    def close(end: int) -> None:
        if end > start:
            clauses.append(Clause(len(clauses), start, end, opener, relative))

    apposed = _short_brackets(tokens) | _parenthetical_commas(tokens, parentheticals)
    for i, tok in enumerate(tokens):
        if tok.text in BREAK_MARKS and i not in apposed:
            close(i)
            start, opener, relative = i + 1, None, False
        elif tok.lower in complementizers and i > start:
            close(i)
            start, opener, relative = i, tok.lower, False
        elif i == start and (tok.lower in openers or tok.lower in complementizers):
            opener = tok.lower
        if i == start and start > 0 and (tok.lower in relatives or (
                tok.lower in prepositions and i + 1 < len(tokens) and tokens[i + 1].lower in relatives)):
            opener, relative = opener or tok.lower, True
    close(len(tokens))
    return clauses or [Clause(0, 0, len(tokens), None)]


def split_coordinated(clauses: list[Clause], tokens: list[Token], mentions: list, triggers: list, cues: Cues,
                      is_finite: Callable[[list[Token], int], bool]) -> list[Clause]:
    """"Russian troops attacked Kharkiv and Ukrainian drones struck Belgorod": a coordinator followed
    by a new subject (a mention, perhaps after determiners) and at once a verb trigger opens a clause of
    its own, when a trigger with a finite verb already stands before it in the clause.  The two acts
    then get their own parties instead of being coded as one.  `triggers` are pattern matches,
    `is_finite(tokens, i)` (tense.is_finite_verb, which reads clauses) says whether a trigger word is
    a finite verb: two nouns or participles joined by "and" ("protesters and police clashed",
    "policías y universitarios baleados") are one phrase."""
    coordinators, determiners = cues.words("coordinators"), cues.words("determiners")
    if not coordinators or len(triggers) < 2:
        return clauses
    subject_end: dict[int, int] = {}
    for m in mentions:
        subject_end[m.start_token] = max(m.end_token, subject_end.get(m.start_token, 0))

    def finite(t) -> bool:
        return any(is_finite(tokens, k) for k in t.token_indices)

    out: list[Clause] = []
    for clause in clauses:
        start = clause.start
        for i in range(clause.start + 1, clause.end - 2):
            if tokens[i].lower not in coordinators:
                continue
            subject = i + 1
            while subject < clause.end and tokens[subject].lower in determiners:
                subject += 1
            if subject not in subject_end:
                continue
            # the verb follows its subject at once ("and Hamas fired", "und ukrainische Drohnen trafen"),
            # not after an infinitive marker ("urged the US and Russia to use their influence")
            after = any(subject <= t.start <= subject_end[subject] and t.end <= clause.end and finite(t)
                        for t in triggers)
            if after and any(start <= t.start and t.end <= i and finite(t) for t in triggers):
                first = start == clause.start
                out.append(replace(clause, start=start, end=i) if first else
                           replace(clause, start=start, end=i, opener=None, relative=False))
                start = i + 1
        # a split-off part is a main clause: no opener, not relative
        out.append(clause if start == clause.start else replace(clause, start=start, opener=None, relative=False))
    if len(out) == len(clauses):
        return clauses
    return [replace(c, index=n) for n, c in enumerate(out)]


def _short_brackets(tokens: list[Token]) -> set[int]:
    """Brackets and quotes around a short apposition or scare-quoted words ("Die Afrikanische Union
    (AU) nimmt …", "will die Offensive \"überwachen\"") stay inside the phrase: no clause ends there."""
    marks = set()
    for i, tok in enumerate(tokens):
        closer = SHORT_PAIRS.get(tok.text)
        if closer is None or i in marks:
            continue
        close = next((j for j in range(i + 1, min(i + 2 + MAX_APPOSITION_TOKENS, len(tokens)))
                      if tokens[j].text == closer), None)
        if close is not None and close > i + 1 and all(t.text not in BREAK_MARKS for t in tokens[i + 1:close]):
            marks.update((i, close))
    return marks


def _parenthetical_commas(tokens: list[Token], parentheticals: frozenset[tuple[str, ...]]) -> set[int]:
    """The two commas around an inserted adverb ("Russia, however, rejected the plan", "Germany, for
    its part, condemned …"): the subject before them and the verb after them stay one clause."""
    marks = set()
    lengths = {len(p) for p in parentheticals}
    for i, tok in enumerate(tokens):
        if tok.text != ",":
            continue
        for n in lengths:
            close = i + 1 + n
            if close < len(tokens) and tokens[close].text == "," \
                    and tuple(t.lower for t in tokens[i + 1:close]) in parentheticals:
                marks.update((i, close))
    return marks


def subject_before_insertion(tokens: list[Token], mentions: list, clauses: list[Clause], clause: Clause,
                             cues: Cues) -> int | None:
    """The subject that an insertion separates from `clause`'s verb: a relative clause ("Russland,
    das die Regierung unterstützt, bombardierte …") or a short apposition that opens with a
    determiner or a participle, or ends with a participle ("Turkey, a NATO member, shelled …", "Lula,
    elected in 2022, met …", "Lula, 2022 gewählt, traf …") follows a clause that is nothing but the
    subject (a mention, perhaps after determiners).  `clause` must go on with that subject's verb, with no
    opener of its own ("…, mientras se extendían las protestas" is a clause of its own).  Returns the
    index of the mention in `mentions`."""
    if clause.index < 2 or clause.opener is not None or clause.relative:
        return None
    inserted, host = clauses[clause.index - 1], clauses[clause.index - 2]
    apposition = inserted.end - inserted.start <= MAX_INSERTED_APPOSITION and inserted.end < len(tokens) \
        and tokens[inserted.end].text == "," \
        and (cues.opens_apposition(tokens[inserted.start]) or cues.is_participle(tokens[inserted.end - 1]))
    if not (inserted.relative or apposition):
        return None
    determiners = cues.words("determiners")
    return next((i for i, m in enumerate(mentions) if m.end_token == host.end and host.start <= m.start_token
                 and all(tokens[k].lower in determiners for k in range(host.start, m.start_token))), None)


def clause_of(clauses: list[Clause], token_index: int) -> Clause:
    for clause in clauses:
        if token_index in clause:
            return clause
    return clauses[-1]
