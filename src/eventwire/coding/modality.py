"""How sure, whether at all, and when: certainty, polarity, tense and hypotheticals of an event.

Cues come from lexicons/<lang>/modality.tsv.  Hedges count anywhere in the sentence (a hedge in
the framing clause — "es sei höchstwahrscheinlich, dass …" — covers the claim); negation counts in
the event's own clause only; future and hypothetical cues in the event's clause or in the clause
that frames it ("Seoul erwartet, dass Pjöngjang … entsendet").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from eventwire.coding.clauses import Clause, clause_of
from eventwire.coding.cues import Cues
from eventwire.coding.tense import clause_tense
from eventwire.nlp.patterns import Match
from eventwire.records import DateRef, Modality, Token, TraceStep

CERTAINTY_ORDER = {"certain": 2, "probable": 1, "possible": 0}


@dataclass
class ModalityCues:
    matches: list[Match]

    def of_kind(self, kind: str) -> list[Match]:
        return [m for m in self.matches if m.row["kind"] == kind]


def find_modality_cues(tokens: list[Token], cues: Cues, dates: Sequence[DateRef] = (),
                       headline: bool = False) -> ModalityCues:
    """The sentence's modality cues, except words that are part of a date, and, outside headlines
    ("Rebels May Strike") of a language that capitalises only names, a capitalised word inside the
    sentence ("in May", "Theresa May" are no hedges)."""
    names_only = "yes" not in cues.words("nouns_capitalized") and not headline

    def not_a_cue(m: Match) -> bool:
        first = tokens[m.start]
        return (names_only and m.start > 0 and first.text[:1].isupper() and not first.text.isupper()) \
            or any(d.start <= tokens[i].start < d.end for d in dates for i in m.token_indices)
    return ModalityCues([m for m in cues.find_modality(tokens) if not not_a_cue(m)])


def _governing(clauses: list[Clause], clause: Clause) -> list[Clause]:
    """The clause itself and, for a complement or infinitive clause, the clause before it."""
    chain = [clause]
    if clause.index > 0 and clause.opener is not None:
        chain.append(clauses[clause.index - 1])
    return chain


def event_modality(tokens: list[Token], text: str, offset: int, clauses: list[Clause],
                   clause: Clause, trigger: Match, found: ModalityCues, cue_certainty: str | None,
                   cues: Cues, reported: bool = False) -> tuple[Modality, list[TraceStep]]:
    """`reported`: the event is what a speaker said, so "said it would free" is the speaker's future."""
    modality = Modality()
    trace: list[TraceStep] = []

    for m in found.of_kind("hedge"):
        if _modifies_other_noun(tokens, m, trigger, cues):  # "mutmaßliche Kämpfer": doubt about who, not what
            continue
        value = m.row["value"] or "probable"
        if CERTAINTY_ORDER.get(value, 2) < CERTAINTY_ORDER[modality.certainty]:
            modality.certainty, modality.hedge = value, m.text(tokens, text, offset)
            trace.append(TraceStep("modality.certainty", value, f"hedge '{modality.hedge}' in the sentence",
                                   m.row.source))
    if cue_certainty and CERTAINTY_ORDER.get(cue_certainty, 2) < CERTAINTY_ORDER[modality.certainty]:
        modality.certainty = cue_certainty
        trace.append(TraceStep("modality.certainty", cue_certainty,
                               "the attribution cue itself signals a claim", None))

    governing = _governing(clauses, clause)
    trigger_tokens = set(trigger.token_indices)
    for m in found.of_kind("negation"):
        if clause_of(clauses, m.start) is clause and not trigger_tokens & set(m.token_indices):
            modality.polarity = "negated"
            trace.append(TraceStep("modality.polarity", "negated",
                                   f"negation '{m.text(tokens, text, offset)}' in the event's clause",
                                   m.row.source))
            break
    for kind, attr in (("future", "tense"), ("hypothetical", "hypothetical")):
        for m in found.of_kind(kind):
            if kind == "future" and trigger_tokens & set(m.token_indices):
                continue  # "sicherte … Unterstützung zu" names the pledge itself, not an act under it
            if clause_of(clauses, m.start) in governing and not _trails_trigger(m, clause, clauses, trigger, cues):
                if attr == "hypothetical" and reported and _reported_future(m, found, tokens, cues):
                    # "said it would free 1,500 prisoners": the reported form of "will", not a condition
                    modality.tense = "future"
                    trace.append(TraceStep("modality.tense", "future", f"'{m.text(tokens, text, offset)}' "
                                           "after a verb of saying is its speaker's future", m.row.source))
                    break
                if attr == "tense":
                    modality.tense = "future"
                    if clause_of(clauses, m.start) is not clause and modality.certainty == "certain":
                        # someone else's expectation ("Seoul erwartet, dass …") is not a certainty
                        modality.certainty = "probable"
                else:
                    modality.hypothetical = True
                trace.append(TraceStep(f"modality.{attr}", kind,
                                       f"{kind} cue '{m.text(tokens, text, offset)}' governs the event",
                                       m.row.source))
                break
    privative = _word_before_head(tokens, trigger, cues, "privative_preps")
    if privative is not None and modality.polarity == "asserted":
        # "the talks ended without an agreement", "ohne Einigung": the act named did not happen
        modality.polarity = "negated"
        trace.append(TraceStep("modality.polarity", "negated",
                               f"'{privative}' before the trigger noun: it did not happen", None))
    determiner = _word_before_head(tokens, trigger, cues, "nonspecific_determiners")
    if determiner is not None and modality.polarity == "asserted" and not modality.hypothetical:
        # "warned the United States against any attack", "vor jedem Angriff": no attack in particular
        modality.hypothetical = True
        trace.append(TraceStep("modality.hypothetical", "hypothetical",
                               f"'{determiner}' before the trigger noun names no act in particular", None))
    if modality.tense != "future":
        modality.tense = clause_tense(tokens, clauses, clause, set(trigger.token_indices), cues,
                                      headline=is_headline(text), event_type=trigger.row["event_type"])
        trace.append(TraceStep("modality.tense", modality.tense,
                               "verb form and auxiliaries of the event's clause", None))
    return modality, trace


def _word_before_head(tokens: list[Token], trigger: Match, cues: Cues, key: str) -> str | None:
    """A grammar.tsv `key` word right before the trigger's last word, or before it and an article or
    lowercase adjective ("any new sanctions", "without an agreement"; not "ohne Vorwarnung an",
    where a noun stands between)."""
    head = trigger.token_indices[-1]
    if head >= 1 and cues.has_word(tokens[head - 1], key):
        return tokens[head - 1].text
    if head >= 2 and cues.has_word(tokens[head - 2], key) and (
            tokens[head - 1].lower in cues.words("determiners") or tokens[head - 1].text.isalpha()
            and tokens[head - 1].text.islower()):
        return tokens[head - 2].text
    return None


def _reported_future(cue: Match, found: ModalityCues, tokens: list[Token], cues: Cues) -> bool:
    """"would" in reported speech with no condition in the sentence ("if", "unless" make it hypothetical)."""
    if not any(cues.has_word(tokens[i], "reported_future") for i in cue.token_indices):
        return False
    return all(any(cues.has_word(tokens[i], "reported_future") for i in other.token_indices)
               for other in found.of_kind("hypothetical"))


def _trails_trigger(cue: Match, clause: Clause, clauses: list[Clause], trigger: Match, cues: Cues) -> bool:
    """A cue after the trigger in its own clause modifies something else ("rejects … the planned
    mission", "backing away from its plan to send") — except where verbs go last ("dass … angreifen will")."""
    if clause_of(clauses, cue.start) is not clause or cue.start < max(trigger.token_indices):
        return False
    return not ("yes" in cues.words("verb_final_subordinate") and clause.opener is not None)


def _modifies_other_noun(tokens: list[Token], cue: Match, trigger: Match, cues: Cues) -> bool:
    """A one-word adjectival hedge right before a noun that is not the trigger."""
    if len(cue.token_indices) != 1 or cue.end >= len(tokens) or cue.end in trigger.token_indices:
        return False
    word, nxt = tokens[cue.start], tokens[cue.end]
    if "yes" in cues.words("nouns_capitalized"):  # "mutmaßliche Kämpfer"
        inflected = word.lower.startswith(word.lemma) and word.lower[len(word.lemma):] in cues.words("adj_endings")
        return inflected and word.text[:1].islower() and nxt.text[:1].isupper()
    # "suspected attackers": a participle hedge before a word that is neither the trigger nor a function word
    participle = any(word.lower.endswith(s) for s in cues.words("past_suffixes"))
    function_words = cues.words("determiners", "prepositions", "coordinators")
    return participle and nxt.text.isalpha() and nxt.text[:1].islower() and nxt.lower not in function_words


def is_headline(text: str) -> bool:
    """A sentence without closing punctuation is a headline or a caption."""
    return not text.rstrip().endswith((".", "!", "?", "“", "”", "\"", "»", "«"))
