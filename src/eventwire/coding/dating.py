"""Which date a coded event takes: a date expression of its own clause, of another clause, the day of
the statement that reports it, or the publication date — in that order.

A date that belongs to a participle describing a noun is skipped: "scrap an agreement signed in
1991" and "ein 1991 unterzeichnetes Abkommen aufkündigen" date the signing, not the scrapping.
"""
from __future__ import annotations

from datetime import date

from eventwire.coding.attribution import SentenceAttribution
from eventwire.coding.clauses import Clause, clause_of
from eventwire.coding.cues import Cues
from eventwire.coding.tense import AUXILIARY_KEYS, noun_follows
from eventwire.nlp.annotate import AnnotatedSentence
from eventwire.nlp.patterns import Match
from eventwire.records import DateRef, Token, TraceStep

# words before a participle that make it a finite verb or an infinitive ("was signed in 1991",
# "they signed in 1991", "to sign in May"), not a participle describing the noun before it
FINITE_MARKER_KEYS = (*AUXILIARY_KEYS, "past_aux", "modal_verbs", "copulas", "subject_pronouns",
                      "relative_pronouns", "infinitive_markers")


def event_date(sent: AnnotatedSentence, clause: Clause, clauses: list[Clause], group: list[Match],
               published: date | None, attribution: SentenceAttribution, tense: str, cues: Cues,
               trace: list[TraceStep]) -> dict:
    """`group`: the event's triggers in its clause, the main one first."""
    tokens = sent.tokens
    anchor = tokens[group[0].start].start

    def clause_index(d: DateRef) -> int:
        span = _token_span(d, tokens)
        return clause_of(clauses, span[0] if span else len(tokens) - 1).index

    acts = {i for t in group for i in t.token_indices}
    said = [d for d in sent.dates if _dates_the_saying(d, tokens, attribution.cue_tokens, acts)]
    own = [d for d in sent.dates if d not in said and not dates_a_modifier(d, tokens, group, cues)]
    in_clause = [d for d in own if clause_index(d) == clause.index]
    # A date in another clause counts unless that clause frames a claim or is a relative clause
    # about something else ("ein Abkommen, das 1991 unterzeichnet wurde").
    elsewhere = [d for d in own if clause_index(d) != clause.index
                 and clause_index(d) not in attribution.frame_clauses
                 and not clauses[clause_index(d)].relative]
    for pool, why in ((in_clause, "date expression in the event's clause"),
                      (elsewhere, "date expression elsewhere in the sentence")):
        if pool:
            d = min(pool, key=lambda d: abs(d.start - anchor))
            trace.append(TraceStep("date", d.value.isoformat(), f"{why}: '{d.text}' ({d.precision})"))
            return {"date": d.value.isoformat(), "date_precision": d.precision, "date_text": d.text,
                    "date_source": "text"}
    # "Ukraine said on Monday that Russia had attacked Odesa": the act happened on or before the day of
    # the statement that reports it, a closer bound than the publication date
    stated = [d for d in sent.dates if (d in said or clause_index(d) in attribution.frame_clauses)
              and d.precision == "day"] if tense != "future" else []
    if stated:
        d = min(stated, key=lambda d: abs(d.start - anchor))
        trace.append(TraceStep("date", d.value.isoformat(), f"no date for the act: the date of the statement "
                               f"that reports it, '{d.text}' (the act was on or before it)"))
        return {"date": d.value.isoformat(), "date_precision": "day", "date_text": d.text,
                "date_source": "statement"}
    if published is None:
        return {"date": None, "date_precision": None, "date_text": None, "date_source": None}
    trace.append(TraceStep("date", published.isoformat(), "no date in the sentence: publication date"))
    return {"date": published.isoformat(), "date_precision": "day", "date_text": None,
            "date_source": "publication"}


def dates_a_modifier(d: DateRef, tokens: list[Token], group: list[Match], cues: Cues) -> bool:
    """The date sits in a participle (or adjective) that describes a noun other than the event's own
    word: German "ein 1991 unterzeichnetes Abkommen" (article, date, inflected modifier, noun);
    English "an agreement signed in 1991" (noun, participle, date) after the trigger, or between
    commas ("The president, elected in 2019, met …").  "der am Sonntag verübte Anschlag" and "the
    attack launched on Monday" still date the attack: the noun is the trigger."""
    span = _token_span(d, tokens)
    if span is None or span[0] == 0:
        return False
    first, last = span
    own = {i for t in group for i in t.token_indices}
    event_nouns = {t.start for t in group}
    if "yes" in cues.words("nouns_capitalized"):
        modifier = last + 1
        if modifier + 1 >= len(tokens) or modifier in own or modifier + 1 in own:
            return False
        word = tokens[modifier]
        inflected = word.text[:1].islower() and word.text.isalpha() and \
            word.lower.endswith(tuple(cues.words("adj_endings")))
        # after a comma the article may be a relative pronoun: "Truppen, die am Montag russische Stellungen …"
        after_comma = first >= 2 and tokens[first - 2].text == ","
        return tokens[first - 1].lower in cues.words("determiners", "contracted_articles") and inflected \
            and noun_follows(tokens, modifier, cues) and not after_comma
    participle, described = first - 1, first - 2
    if described < 0 or participle in own or not cues.is_participle(tokens[participle]):
        return False
    before = tokens[described]
    if before.text == ",":
        return True
    return described > group[0].start and described not in event_nouns and before.text[:1].islower() \
        and before.text.isalpha() and before.lower not in cues.words(*FINITE_MARKER_KEYS)


def _dates_the_saying(d: DateRef, tokens: list[Token], cue_tokens: set[int], acts: set[int]) -> bool:
    """A date right beside the verb of saying that the act follows dates the statement, also with no
    comma or "that" after it: "Ukraine said on Monday Russia had attacked Odesa" (not when the saying
    is the act itself, nor "lifted the State of Emergency declared March 27": the act comes first)."""
    span = _token_span(d, tokens)
    return span is not None and bool(acts) and bool(cue_tokens) and not (acts & cue_tokens) \
        and min(acts) > max(cue_tokens) and (span[0] - 1 in cue_tokens or span[1] + 1 in cue_tokens)


def _token_span(d: DateRef, tokens: list[Token]) -> tuple[int, int] | None:
    """The first and last token of a date expression."""
    first = next((i for i, t in enumerate(tokens) if t.start >= d.start), None)
    last = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i].end <= d.end), None)
    return None if first is None or last is None or last < first else (first, last)
