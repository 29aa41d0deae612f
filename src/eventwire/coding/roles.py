"""Who acted on whom: actor and recipient of an event from the mentions around its trigger.

Rules, in order (each leaves a trace step):
1. a bare demonym right before a trigger noun is its actor ("ukrainischen Raketenangriff");
2. in a passive clause the subject before the participle is the recipient and the agent comes
   after von/durch/by;
3. otherwise the nearest mention before the trigger is the actor (with its coordinated partners:
   "Kim Jong Un und Putin"), a pronoun subject or an empty subject takes the subject of the clause
   before, and the recipient follows a recipient preposition, else the nearest mention after the
   trigger, else (verb-final clauses) a mention between actor and trigger.
Mentions that name a place after a place preposition ("in der Ukraine") are locations, not actors.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.coding.clauses import Clause
from eventwire.coding.cues import Cues
from eventwire.nlp.actors import Mention
from eventwire.nlp.patterns import Match
from eventwire.records import Token, TraceStep

LOCATION_KINDS = {"country", "capital", "city"}
DATELINE_MARKS = {"–", "—", "-", "/"}


@dataclass
class Roles:
    actor: list[int] = field(default_factory=list)  # mention indices
    recipient: list[int] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    strong: bool = False  # decided by a specific rule rather than position alone
    pronoun_subject: bool = False  # the subject is a pronoun the coder resolves from earlier events


def is_location_mention(tokens: list[Token], mention: Mention, cues: Cues) -> bool:
    """A country or capital after a place preposition ("in der Ukraine") is where, not who; a city
    is where unless it is the target ("Angriff auf Charkiw") or stands without a preposition."""
    if not set(mention.kinds) <= LOCATION_KINDS:
        return False
    if mention.start_token == 0 and mention.end_token < len(tokens) \
            and tokens[mention.end_token].text in DATELINE_MARKS:  # "Beirut – Bei einem Drohnenangriff …"
        return True
    dets = cues.words("determiners")
    k = mention.start_token - 1
    adjectives = 0  # "im besetzten Westjordanland", "in the occupied West Bank"
    function_words = cues.words("prepositions") | cues.words("complementizers") | cues.words("clause_openers") \
        | cues.words("relative_pronouns") | cues.words("subject_pronouns") | cues.words("coordinators")
    while k >= 0 and (tokens[k].lower in dets or (adjectives < 2 and tokens[k].text.isalpha()
                                                   and tokens[k].text.islower()
                                                   and tokens[k].lower not in function_words)):
        adjectives += tokens[k].lower not in dets
        k -= 1
    before = tokens[k].lower if k >= 0 else ""
    if mention.kinds == ("city",):
        preposition = before in cues.words("place_preps") | cues.words("recipient_preps") \
            | cues.words("agent_preps") | cues.words("linkers")
        return preposition and before not in cues.words("target_preps")
    return before in cues.words("place_preps")


def _coordinated(mentions: list[Mention], idx: int, candidates: list[int], tokens: list[Token],
                 cues: Cues) -> list[int]:
    """The mention and those joined to it by a coordinator ("A und B", "A, B and C")."""
    coord = cues.words("coordinators") | {","}
    dets = cues.words("determiners")
    group = [idx]
    ordered = sorted(candidates, key=lambda i: mentions[i].start_token)
    pos = ordered.index(idx)
    for step in (1, -1):
        j = pos
        while 0 <= j + step < len(ordered):
            a, b = (mentions[ordered[j]], mentions[ordered[j + step]]) if step == 1 else \
                (mentions[ordered[j + step]], mentions[ordered[j]])
            between = [t for t in tokens[a.end_token:b.start_token] if t.lower not in dets]
            if not between or not all(t.lower in coord for t in between):
                break
            j += step
            group.append(ordered[j])
    return sorted(group, key=lambda i: mentions[i].start_token)


def assign_roles(tokens: list[Token], mentions: list[Mention], clauses: list[Clause], clause: Clause,
                 triggers: list[Match], excluded: set[int], cues: Cues) -> Roles:
    roles = Roles()
    candidates = [i for i, m in enumerate(mentions)
                  if i not in excluded and clause.start <= m.start_token < clause.end
                  and not is_location_mention(tokens, m, cues)]
    first = min(t.start for t in triggers)
    last = max(t.end for t in triggers)
    trigger_tokens = {i for t in triggers for i in t.token_indices}

    # 1. modifier: "ukrainischen Raketenangriff", "Russia's attack"
    for t in triggers:
        for i in candidates:
            m = mentions[i]
            if m.end_token == t.start and (m.demonym_only or _possessive(tokens[m.end_token - 1], cues)):
                roles.actor = [i]
                roles.strong = True
                roles.trace.append(TraceStep("actor", m.actor.text,
                                             "adjective or possessive right before the trigger noun"))
                break
        if roles.actor:
            break
    # 1b. possessive pronoun before the trigger noun: "für deren Invasion", "their invasion"
    k = first - 1
    if not roles.actor and k >= 0 and tokens[k].lower in cues.words("possessive_pronouns"):
        earlier = [i for i, m in enumerate(mentions) if m.end_token <= k and i not in excluded
                   and not is_location_mention(tokens, m, cues)]
        if earlier:
            pick = max(earlier, key=lambda i: mentions[i].end_token)
            roles.actor = [pick]
            roles.strong = True
            roles.trace.append(TraceStep("actor", mentions[pick].actor.text,
                                         f"possessive '{tokens[k].text}' refers to the last mention before it"))
    others = [i for i in candidates if i not in roles.actor and not set(
        range(mentions[i].start_token, mentions[i].end_token)) & trigger_tokens]

    # 2. the phrase after a trigger noun: "Angriffe von Palästinensern", "Sanktionen der Vereinten
    # Nationen" (its agent), but "Invasion der Ukraine", "Besatzung des Westjordanlands" (its target)
    main = triggers[0]
    if len(main.token_indices) == 1 and _is_noun(tokens, main.start, cues):
        follower = _phrase_after(tokens, mentions, others, main.end, cues)
        if follower is not None:
            idx, prep = follower
            # a force or body after the noun acts ("Angriff der US-geführten Allianz"); a bare
            # country or city is, for acts of force, the target ("Invasion der Ukraine")
            agentive = prep in cues.words("agent_preps") or (
                prep in cues.words("linkers") and (mentions[idx].actor.sector is not None
                                                   or main.row["event_type"] not in OBJECTIVE_GENITIVE))
            if agentive and not roles.actor:
                roles.actor = [idx]
                roles.strong = True
                roles.trace.append(TraceStep("actor", mentions[idx].actor.text,
                                             f"'{prep}' phrase after the trigger noun names its agent"))
            elif not agentive and prep not in cues.words("agent_preps"):
                roles.recipient = [idx]
                roles.strong = True
                roles.trace.append(TraceStep("recipient", mentions[idx].actor.text,
                                             f"'{prep}' phrase after the trigger noun names its target"))
            others = [i for i in others if i != idx]

    passive = _is_passive(tokens, clause, triggers, cues)
    if passive:
        agent_preps = cues.words("agent_preps")
        agents = [i for i in others if _preceded_by(tokens, mentions[i], agent_preps, cues)]
        if agents and not roles.actor:
            roles.actor = [agents[0]]
            roles.trace.append(TraceStep("actor", mentions[agents[0]].actor.text,
                                         "agent of a passive clause (von/durch/by)"))
        subjects = [i for i in others if i not in agents and mentions[i].end_token <= last]
        if subjects:
            pick = max(subjects, key=lambda i: (not mentions[i].demonym_only, -mentions[i].start_token))
            roles.recipient = _coordinated(mentions, pick, others, tokens, cues)
            roles.strong = True
            roles.trace.append(TraceStep("recipient", mentions[pick].actor.text,
                                         "subject of a passive clause is the one acted upon"))
        return roles

    if roles.recipient:
        return _fill_actor(roles, mentions, others, first, tokens, cues, clause, clauses, triggers)
    if not roles.actor:
        before = [i for i in others if mentions[i].end_token <= first]
        inside = [i for i in others if first < mentions[i].start_token and mentions[i].end_token < last]
        # German puts the subject first and the verb (or participle) last: "Russland hat am Montag
        # die Hauptstadt Kiew angegriffen"; the nearest mention before the verb is its object.
        verb_trigger = any(tokens[i].text[:1].islower() for t in triggers for i in t.token_indices)
        verb_final = "yes" in cues.words("verb_final_subordinate") and (
            clause.opener or clause.relative or verb_trigger)
        pronouns = cues.words("subject_pronouns")
        first_mention = min((mentions[i].start_token for i in before), default=first)
        pronoun_subject = any(tokens[k].lower in pronouns for k in range(clause.start, min(first_mention, first)))
        if pronoun_subject:
            # "Sie haben auch Sumy beschossen": the subject is a pronoun; what follows is the object
            roles.pronoun_subject = True
            _subject_of_clause_before(roles, tokens, mentions, clauses, clause, cues, "pronoun subject")
        elif before:
            subjects = [i for i in before if not _in_prepositional_phrase(tokens, mentions[i], clause, cues)] \
                or before
            if verb_final:
                pick = min(subjects, key=lambda i: mentions[i].start_token)
                why = "first mention of a verb-final clause (its subject)"
            else:
                pick = max(subjects, key=lambda i: mentions[i].end_token)
                why = "nearest actor mention before the trigger in its clause"
            roles.actor = _coordinated(mentions, pick, others, tokens, cues)
            roles.trace.append(TraceStep("actor", mentions[pick].actor.text, why))
        elif inside:
            roles.actor = [inside[0]]
            roles.trace.append(TraceStep("actor", mentions[inside[0]].actor.text,
                                         "subject after the finite verb, inside a split trigger "
                                         "(\"nutzte Moskau sein Veto\")"))
        else:
            _subject_of_clause_before(roles, tokens, mentions, clauses, clause, cues, "no subject in the clause")
    rest = [i for i in others if i not in roles.actor
            and not any(mentions[i].start_token < mentions[a].end_token and mentions[a].start_token <
                        mentions[i].end_token for a in roles.actor)]
    recipient_preps = cues.words("recipient_preps")
    marked = [i for i in rest if _preceded_by(tokens, mentions[i], recipient_preps, cues)]
    after = [i for i in rest if mentions[i].start_token >= last]
    between = [i for i in rest if mentions[i].end_token <= first]
    if roles.pronoun_subject and not marked and not after:
        after, between = between, []  # with a pronoun subject the mentions before the verb are objects
    for pool, why in ((marked, "after a recipient preposition"), (after, "nearest mention after the trigger"),
                      (between, "object before a clause-final verb")):
        if pool:
            pick = min(pool, key=lambda i: abs(mentions[i].start_token - last))
            roles.recipient = _coordinated(mentions, pick, rest, tokens, cues)
            roles.strong = roles.strong or pool is marked
            roles.trace.append(TraceStep("recipient", mentions[pick].actor.text, why))
            break
    return roles


OBJECTIVE_GENITIVE = {"ASSAULT", "COERCE", "THREATEN"}


def _is_noun(tokens: list[Token], index: int, cues: Cues) -> bool:
    """German capitalises nouns.  Elsewhere a trigger word in its base form is a noun, and so is a
    plural after an article, preposition or adjective ("indiscriminate bombardments"), but not after
    a name or pronoun ("Russia attacks Kyiv")."""
    token = tokens[index]
    if "yes" in cues.words("verb_final_subordinate"):
        return token.text[:1].isupper()
    if token.lower == token.lemma:
        return not token.lower.endswith("ed")
    if not token.lower.endswith("s") or index == 0:
        return False
    before = tokens[index - 1]
    verbal = cues.words("subject_pronouns") | cues.words("passive_aux") | cues.words("past_aux")
    return before.text.islower() and before.lower not in verbal


def _phrase_after(tokens: list[Token], mentions: list[Mention], pool: list[int], end: int,
                  cues: Cues) -> tuple[int, str] | None:
    """The mention introduced right after the trigger noun, with the word introducing it."""
    skip = cues.words("determiners") | cues.words("quantifiers")
    k = end
    if k >= len(tokens):
        return None
    prep = tokens[k].lower
    if prep not in cues.words("agent_preps") | cues.words("linkers") | cues.words("target_preps"):
        return None
    k += 1
    while k < len(tokens) and tokens[k].lower in skip:
        k += 1
    for i in pool:
        if mentions[i].start_token == k:
            return i, prep
    return None


def _fill_actor(roles: Roles, mentions, others, first, tokens, cues, clause, clauses, triggers) -> Roles:
    if not roles.actor:
        before = [i for i in others if mentions[i].end_token <= first and i not in roles.recipient]
        if before:
            pick = max(before, key=lambda i: mentions[i].end_token)
            roles.actor = _coordinated(mentions, pick, before, tokens, cues)
            roles.trace.append(TraceStep("actor", mentions[pick].actor.text,
                                         "nearest actor mention before the trigger in its clause"))
    return roles


def _subject_of_clause_before(roles: Roles, tokens, mentions, clauses, clause, cues, why: str) -> None:
    """"Nordkorea hat … zurückgewiesen, es liefere Waffen …": the first mention of the clause before."""
    if clause.index == 0:
        return
    prev = clauses[clause.index - 1]
    subject = [i for i, m in enumerate(mentions) if prev.start <= m.start_token < prev.end
               and not is_location_mention(tokens, m, cues)]
    if subject:
        roles.actor = [subject[0]]
        roles.trace.append(TraceStep("actor", mentions[subject[0]].actor.text,
                                     f"{why}: the subject of the clause before"))


def _possessive(token: Token, cues: Cues) -> bool:
    return any(token.lower.endswith(e) for e in cues.words("name_endings") if "'" in e or "’" in e)


def _in_prepositional_phrase(tokens: list[Token], mention: Mention, clause: Clause, cues: Cues) -> bool:
    """After a preposition, a mention is not a subject — unless the preposition opens a relative
    clause together with its pronoun ("…, für den Pjöngjang Russland dankte")."""
    skip = cues.words("determiners") | cues.words("quantifiers")
    k = mention.start_token - 1
    while k >= 0 and tokens[k].lower in skip:
        k -= 1
    return k >= 0 and tokens[k].lower in cues.words("prepositions") and not (clause.relative and k == clause.start)


def _preceded_by(tokens: list[Token], mention: Mention, words: frozenset[str], cues: Cues) -> bool:
    dets = cues.words("determiners") | cues.words("quantifiers")
    k = mention.start_token - 1
    while k >= 0 and tokens[k].lower in dets:
        k -= 1
    return k >= 0 and tokens[k].lower in words


def _is_passive(tokens: list[Token], clause: Clause, triggers: list[Match], cues: Cues) -> bool:
    aux = cues.words("passive_aux")
    if not any(tokens[i].lower in aux for i in range(clause.start, clause.end)):
        return False
    return any(tokens[i].text[:1].islower() and cues.looks_past(tokens[i], is_verb=True)
               for t in triggers for i in t.token_indices)
