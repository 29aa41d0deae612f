"""Who says so: the speaker, cue and via-chain of a sentence.

Cue kinds (lexicons/<lang>/attribution.tsv): `say` verbs take the nearest mention of their clause
as speaker ("Kim sagte", "sagte Kim"), or the previous speaker for a pronoun ("bemerkte er");
`source` prepositions take the mention that follows ("nach Angaben des Verteidigungsministers");
`source_post` the one before ("Seoul zufolge"); `via` verbs name the medium that carried the claim
("wie ukrainische Medien berichteten"); `source_anaphor` cues refer to the source named before
("demnach", "according to them").  Clauses holding a cue frame the claim; events in the other
clauses of the sentence are what was claimed.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from eventwire.coding.clauses import Clause, clause_of, subject_before_insertion
from eventwire.coding.cues import Cues
from eventwire.coding.roles import is_location_mention
from eventwire.nlp.actors import Mention
from eventwire.nlp.annotate import AnnotatedSentence, country_unknown
from eventwire.nlp.patterns import Match
from eventwire.records import ActorRef, TraceStep


SOURCE_PHRASE_REACH = 5  # words from a source preposition to its source: "nach Angaben örtlicher Behörden"

# Cue kinds whose mention supports a claim without making it: (field of SentenceAttribution, why).
SUPPORTING_ROLES = {"backing": ("backers", "names a party backing the claim"),
                    "via": ("via", "names the medium that carried the claim")}


@dataclass
class SentenceAttribution:
    speaker: ActorRef | None = None
    cue: str | None = None
    cue_certainty: str | None = None
    cue_kind: str | None = None
    via: list[ActorRef] = field(default_factory=list)
    backers: list[ActorRef] = field(default_factory=list)
    frame_clauses: set[int] = field(default_factory=set)
    used_mentions: set[int] = field(default_factory=set)  # indices into sentence.mentions
    cue_tokens: set[int] = field(default_factory=set)
    trace: list[TraceStep] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.speaker is not None or bool(self.via)


def _subject_of(mentions: list[Mention], clause: Clause, anchor: int, skip: set[int]) -> int | None:
    """The subject of a verb of saying: the nearest mention before it in its clause ("Kim sagte",
    "Kim told lawmakers"), else the nearest after it (inverted "…, sagte Kim")."""
    in_clause = [i for i, m in enumerate(mentions)
                 if i not in skip and clause.start <= m.start_token < clause.end]
    overlapping = [i for i in in_clause if mentions[i].start_token < anchor < mentions[i].end_token]
    if overlapping:  # the cue pattern names its subject itself ("media reported")
        return overlapping[0]
    before = [i for i in in_clause if mentions[i].end_token <= anchor]
    if before:
        return max(before, key=lambda i: mentions[i].end_token)
    after = [i for i in in_clause if mentions[i].start_token >= anchor]
    return min(after, key=lambda i: mentions[i].start_token) if after else None


def _placed(tokens, mentions: list[Mention], index: int, cues: Cues) -> ActorRef:
    """A speaker whose country is only the article's guess takes the country of the place its phrase
    names: "ein Sprecher der Notdienste in Gaza" speaks for Gaza, whatever the story's focus."""
    actor = mentions[index].actor
    if not country_unknown(mentions[index]):
        return actor
    place_preps = cues.words("place_preps")
    for k in range(mentions[index].end_token, min(len(tokens), mentions[index].end_token + SOURCE_PHRASE_REACH)):
        if not tokens[k].text[:1].isalnum() or cues.looks_past(tokens[k]) or cues.looks_present(tokens[k]):
            return actor
        if tokens[k].lower in place_preps:
            place = next((m for m in mentions if m.start_token == k + 1 and m.actor.country), None)
            if place is not None:
                return replace(actor, country=place.actor.country)
    return actor


def _source_later_in_phrase(tokens, mentions: list[Mention], start: int, cues: Cues) -> int | None:
    """The first mention within a few words of a source preposition, inside the same phrase
    (no punctuation, no verb) — the nouns before it say what kind of statement it was."""
    capitalised = "yes" in cues.words("nouns_capitalized")
    glue = cues.words("prepositions", "determiners", "coordinators")
    for k in range(start, min(len(tokens), start + SOURCE_PHRASE_REACH)):
        if not tokens[k].text[:1].isalnum() or cues.looks_past(tokens[k]) or cues.looks_present(tokens[k]):
            return None
        # where nouns are capitalised, a lowercase word after the phrase's noun that joins nothing is
        # the verb ("Laut Medienberichten griffen Unbekannte …"): the phrase has ended
        if capitalised and k > start and tokens[k - 1].text[:1].isupper() and tokens[k].text.islower() \
                and tokens[k].lower not in glue:
            return None
        hit = next((i for i, m in enumerate(mentions) if m.start_token == k), None)
        if hit is not None:
            return hit
    return None


VERB_CUES = {"say", "via"}  # cue kinds that are verbs (their nouns are no cues)


def _used_as_noun(tokens, mentions: list[Mention], index: int, noun_markers: frozenset[str]) -> bool:
    """A reporting verb's word used as a noun: after an article or preposition ("an investigation into
    claims that …", "the broadcasts of RFI"), or in its base form as the head of a singular actor
    mention's phrase that follows an article ("an Israeli army post", "the BBC broadcast")."""
    if index > 0 and tokens[index - 1].lower in noun_markers:
        return True
    word = tokens[index]
    before = next((m for m in mentions if m.end_token == index), None)
    if before is None or word.lower != word.lemma or before.start_token == 0:
        return False
    return not tokens[index - 1].lower.endswith("s") and tokens[before.start_token - 1].lower in noun_markers


def _cue_mention(sent: AnnotatedSentence, clauses: list[Clause], clause: Clause, match: Match,
                 used: set[int], cues: Cues) -> int | None:
    """The mention a cue names, by its kind: the source after a `source` or `backing` preposition,
    the one right before a `source_post`, the subject of a `say` or `via` verb."""
    tokens, mentions, kind = sent.tokens, sent.mentions, match.row["kind"]
    if kind in {"source", "backing"}:
        k = match.end
        while k < len(tokens) and tokens[k].lower in cues.words("determiners"):
            k += 1
        # the source may be inside the cue's own compound ("nach Pentagon-Angaben")
        found = next((i for i, m in enumerate(mentions)
                      if m.start_token <= k < m.end_token or m.start_token == k
                      or (match.start < m.start_token < match.end)), None)
        if found is None:  # "laut früheren Ankündigungen aus serbischen Regierungskreisen"
            found = _source_later_in_phrase(tokens, mentions, k, cues)
        return found
    if kind == "source_post":
        return next((i for i, m in reversed(list(enumerate(mentions)))
                     if m.end_token <= match.start and match.start - m.end_token <= 1), None)
    if kind in {"say", "via"}:
        if clause.start == match.start:
            # "China, which has ties with Pakistan, criticised India": the subject before the inserted
            # clause speaks; the mention after the verb is its object
            subject = subject_before_insertion(tokens, mentions, clauses, clause, cues)
            if subject is not None and subject not in used:
                return subject
        # beside a pronoun subject, a place in the verb's clause is where it was said, not who said it
        # ("als sie in Istanbul über die Proteste berichteten")
        skip = used
        if any(tokens[i].lower in cues.words("subject_pronouns") for i in range(clause.start, match.start)):
            skip = used | {i for i, m in enumerate(mentions) if is_location_mention(tokens, m, cues)}
        subject = _subject_of(mentions, clause, match.start, skip)
        if subject is None and clause.start == match.start and clause.index > 0 and not any(
                tokens[i].text.isalpha() for i in range(match.end, clause.end)):
            # "South Korea, backed by the United States, claims …": the subject stands
            # before an inserted phrase, in the sentence's first clause — unless words follow
            # the cue in its clause (an unknown postposed subject: "…, informaron sus dirigentes").
            subject = _subject_of(mentions, clauses[0], clauses[0].end, skip)
        return subject
    return None


def find_attribution(sent: AnnotatedSentence, clauses: list[Clause], cues: Cues,
                     previous_speaker: ActorRef | None) -> SentenceAttribution:
    out = SentenceAttribution()
    tokens, mentions = sent.tokens, sent.mentions
    pronouns = cues.words("subject_pronouns")
    noun_markers = cues.words("say_noun_markers")
    inside_mentions = {i for m in mentions for i in range(m.start_token, m.end_token)}
    for match in cues.find_attribution(tokens):
        kind = match.row["kind"]
        if kind in {"say", "via"} and set(match.token_indices) <= inside_mentions:
            # part of a name, not a verb: "Secretary of State John Kerry"; a medium named as a party,
            # not as a channel: "Die Polizei durchsuchte die Zeitung"
            continue
        if kind in VERB_CUES and _used_as_noun(tokens, mentions, match.start, noun_markers):
            continue
        clause = clause_of(clauses, match.start)
        if kind == "say" and len(match.token_indices) == 1 \
                and cues.closing_particle(tokens, match.end, clause.end) is not None:
            continue  # "Deutschland sagte Hilfe zu", "sagte den Besuch ab": zusagen, absagen, no saying
        cue_text = match.text(tokens, sent.sentence.text, sent.sentence.start)
        if kind == "source_anaphor":  # "demnach", "according to them"
            if previous_speaker is not None and out.speaker is None:
                out.speaker, out.cue, out.cue_kind = previous_speaker, cue_text, kind
                out.trace.append(TraceStep("attribution.speaker", previous_speaker.text,
                                           f"'{cue_text}' refers to the source named before", match.row.source))
                out.frame_clauses.add(clause.index)
                out.cue_tokens.update(match.token_indices)
            continue
        speaker_idx = _cue_mention(sent, clauses, clause, match, out.used_mentions, cues)
        if kind in SUPPORTING_ROLES:  # a backer or a medium, not the speaker
            field_name, why = SUPPORTING_ROLES[kind]
            if speaker_idx is not None:
                getattr(out, field_name).append(mentions[speaker_idx].actor)
                out.used_mentions.add(speaker_idx)
                out.trace.append(TraceStep(f"attribution.{field_name}", mentions[speaker_idx].actor.text,
                                           f"'{cue_text}' {why}", match.row.source))
            if kind == "via":
                out.frame_clauses.add(clause.index)
            out.cue_tokens.update(match.token_indices)
            continue
        speaker = _placed(tokens, mentions, speaker_idx, cues) if speaker_idx is not None else None
        if speaker is None and kind == "say" and previous_speaker is not None and any(
                tokens[i].lower in pronouns for i in range(clause.start, clause.end)):
            speaker = previous_speaker
            out.trace.append(TraceStep("attribution.speaker", speaker.text,
                                       "pronoun subject of a verb of saying: the previous speaker",
                                       match.row.source))
        if speaker is None:
            continue
        if out.speaker is not None and out.speaker.sector == "JRN" and speaker.sector != "JRN":
            # "According to Ukrainian media, the minister said …": the medium only carried the claim
            out.via.append(out.speaker)
            out.speaker = None
        if out.speaker is None:
            out.speaker, out.cue, out.cue_kind = speaker, cue_text, kind
            out.cue_certainty = match.row["certainty"] or None
            if speaker_idx is not None:
                out.trace.append(TraceStep("attribution.speaker", speaker.text,
                                           f"{kind} cue '{cue_text}' and its nearest actor mention",
                                           match.row.source))
        if speaker_idx is not None:
            out.used_mentions.add(speaker_idx)
        out.frame_clauses.add(clause.index)
        out.cue_tokens.update(match.token_indices)
    if out.speaker is None and out.via:
        # "…, berichtete die Zeitung Danas": with no one else speaking, the medium is the source
        out.speaker = out.via.pop(0)
        out.trace.append(TraceStep("attribution.speaker", out.speaker.text,
                                   "the reporting medium is the only source named", None))
    return out
