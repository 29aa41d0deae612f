"""Who acted on whom: actor and recipient of an event from the mentions around its trigger.

Rules, in order (each leaves a trace step):
1. a bare demonym or possessive right before a trigger noun is its actor ("ukrainischen
   Raketenangriff"); the phrase after a trigger noun names its agent, origin or target ("Angriff der
   Allianz", "Raketenangriff aus Gaza", "Angriff auf Kiew"); the sides after "zwischen" act together;
2. in a passive clause (also one closed after an apposition) the subject is the recipient and the
   agent comes after von/durch/by, or after "mit" behind a fight noun;
3. otherwise the subject is the actor: the first mention of a verb-final clause, the antecedent of
   a subject relative pronoun, the controller of a zu-infinitive, the agent of a participle, the
   subject of the clause before for a pronoun; the recipient is a bare object before a clause-final
   verb, else the mention after a recipient preposition, between a verb and its particle, after
   the trigger, or before it.
A role noun without a country brings its genitive owner or place along ("Kommandant der IS-Miliz").
Mentions that name a place after a place preposition ("in der Ukraine") are locations, not actors.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.coding.clauses import Clause, subject_before_insertion
from eventwire.coding.cues import Cues
from eventwire.coding.tense import is_finite_verb
from eventwire.nlp.actors import Mention
from eventwire.nlp.annotate import country_unknown
from eventwire.nlp.patterns import Match
from eventwire.records import Token, TraceStep

LOCATION_KINDS = {"country", "capital", "city"}
CITY_KINDS = {"capital", "city"}
MAX_EXTRAPOSED_WORDS = 2  # words between a relative clause's antecedent and its comma
HOSTING_ORGANISATIONS = {"UNO", "EUR", "NAT", "IGO"}  # "UN-Konferenz", "EU summit": the body convenes
MEETINGS = {"CONSULT"}  # acts that someone hosts: an organisation, or a party in its own country


@dataclass
class Roles:
    actor: list[int] = field(default_factory=list)  # mention indices
    recipient: list[int] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    strong: bool = False  # decided by a specific rule rather than position alone
    pronoun_subject: bool = False  # the subject is a pronoun the coder resolves from earlier events
    agentless_passive: bool = False  # a passive clause that names no agent ("wurden festgenommen")
    suffered: bool = False  # the act is named by what its victim suffered ("erlitt Stichwunden")


def is_location_mention(tokens: list[Token], mention: Mention, cues: Cues) -> bool:
    """A country or capital after a place preposition ("in der Ukraine") is where, not who; a city
    is where unless it is the target ("Angriff auf Charkiw") or stands without a preposition."""
    if mention.demonym_only and mention.end_token < len(tokens) \
            and _is_place_noun(tokens[mention.end_token], cues):  # "nahe der syrischen Stadt Raqqa"
        return _after_place_preposition(tokens, mention, cues)
    if not set(mention.kinds) <= LOCATION_KINDS:
        return False
    if mention.dateline:  # "Beirut – Bei einem Drohnenangriff …"
        return True
    before = _word_before_place_phrase(tokens, mention, cues)
    if mention.kinds == ("city",):
        preposition = before in cues.words("place_preps", "recipient_preps", "agent_preps", "linkers")
        return preposition and before not in cues.words("target_preps")
    return before in cues.words("place_preps")


def _after_place_preposition(tokens: list[Token], mention: Mention, cues: Cues) -> bool:
    return _word_before_place_phrase(tokens, mention, cues) in cues.words("place_preps")


def _word_before_place_phrase(tokens: list[Token], mention: Mention, cues: Cues) -> str:
    """The word before the place name's determiners, adjectives and place noun: "im besetzten
    Westjordanland", "in der südlichen Grenzregion Sikasso", "in the occupied West Bank"."""
    dets = cues.words("determiners")
    k = mention.start_token - 1
    if k >= 0 and _is_place_noun(tokens[k], cues):
        k -= 1
    adjectives = 0
    function_words = cues.words("prepositions", "complementizers", "clause_openers", "relative_pronouns",
                                "subject_pronouns", "coordinators")
    while k >= 0 and (tokens[k].lower in dets or (adjectives < 2 and tokens[k].text.isalpha()
                                                   and tokens[k].text.islower()
                                                   and tokens[k].lower not in function_words)):
        adjectives += tokens[k].lower not in dets
        k -= 1
    if k >= 1 and tokens[k].lower in cues.words("coordinators") and tokens[k - 1].text[:1].isupper():
        # the second of two coordinated names shares the first one's preposition
        k -= 1
        while k >= 0 and tokens[k].text[:1].isupper() and not _is_place_noun(tokens[k], cues):
            k -= 1
        if k >= 0 and _is_place_noun(tokens[k], cues):
            k -= 1
        while k >= 0 and tokens[k].lower in dets:
            k -= 1
    return tokens[k].lower if k >= 0 else ""


def _is_place_noun(token: Token, cues: Cues) -> bool:
    """"Stadt", "Provinz", compounds ending in them ("Grenzregion", "Hafenstadt") and their
    inflected forms ("in den Bezirken")."""
    if not token.text[:1].isupper():
        return False
    forms = {token.lower, token.lemma}
    return any(form.endswith(noun) for form in forms for noun in cues.words("place_nouns"))


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
    roles = _assign(tokens, mentions, clauses, clause, triggers, excluded, cues)
    if not roles.recipient:
        _object_inside_trigger(roles, mentions, triggers[0], excluded)
    roles.actor = _with_owners(roles, "actor", tokens, mentions, roles.actor, roles.recipient, cues)
    roles.recipient = _with_owners(roles, "recipient", tokens, mentions, roles.recipient, roles.actor, cues)
    return roles


def _object_inside_trigger(roles: Roles, mentions: list[Mention], trigger: Match, excluded: set[int]) -> None:
    """The object noun of a trigger pattern: a one-word noun of the pattern ("stormed the parliament",
    "beat students", "ruft den UN-Sicherheitsrat an"), or the pattern's noun with a modifier that names
    its country ("expelled two Russian diplomats", "den französischen Botschafter ausgewiesen").
    Forces are left out: "withdrew American troops" are the actor's own, "a Palestinian suicide
    bomber" is the attacker; so is a party of the actor's own country."""
    words = set(trigger.token_indices)
    if len(words) < 2:
        return
    own = {c for a in roles.actor if (c := mentions[a].actor.country)}
    for i, m in enumerate(mentions):
        head = m.end_token - 1
        one_word = m.start_token == head
        if i in excluded or i in roles.actor or head not in words \
                or words & set(range(m.start_token, head)) or m.actor.sector in ARMED_SECTORS \
                or not (one_word or m.actor.country) or m.actor.country in own:
            continue
        roles.recipient = [i]
        roles.trace.append(TraceStep("recipient", m.actor.text, "the object named inside the trigger"))
        return


def earlier_act(tokens: list[Token], trigger: Match, cues: Cues) -> bool:
    """A trigger noun after a sequence preposition names an act of its own, before the clause's
    main act: "Nach einem Raketenangriff … hat die Armee einen Vergeltungsangriff gestartet"."""
    k = trigger.start - 1
    skip = cues.words("determiners", "contracted_articles")
    while k >= 0 and (tokens[k].lower in skip or (tokens[k].text.isalpha() and tokens[k].text.islower()
                                                   and tokens[k].lower not in cues.words("prepositions"))):
        k -= 1
    return k >= 0 and tokens[k].lower in cues.words("sequence_preps") and _is_noun(tokens, trigger.start, cues)


def _with_owners(roles: Roles, field_name: str, tokens: list[Token], mentions: list[Mention], side: list[int],
                 other: list[int], cues: Cues) -> list[int]:
    """A role noun whose country is unknown or only guessed from the article brings its owner or
    place along: "ein Kommandant der Jihadistenmiliz IS", "ein Krankenhaus in der syrischen Stadt Aleppo"."""
    out = []
    for i in side:
        out.append(i)
        owner = _owner(tokens, mentions, mentions[i], cues)
        if owner is not None and owner not in side and owner not in other and owner not in out \
                and country_unknown(mentions[i]):
            out.append(owner)
            roles.trace.append(TraceStep(field_name, mentions[owner].actor.text,
                                         f"owner or place of '{mentions[i].actor.text}'"))
    return out


def _owner(tokens: list[Token], mentions: list[Mention], mention: Mention, cues: Cues) -> int | None:
    """The mention with a country in the genitive or place phrase right after a role noun."""
    k = mention.end_token
    if not mention.has_role or k >= len(tokens) or tokens[k].lower not in cues.words("linkers", "place_preps"):
        return None
    k += 1
    skip = cues.words("determiners", "quantifiers")
    while k < len(tokens) and (tokens[k].lower in skip or _is_place_noun(tokens[k], cues) or (
            tokens[k].text.isalpha() and tokens[k].text.islower()
            and tokens[k].lower not in cues.words("prepositions"))):
        k += 1
    return next((j for j, m in enumerate(mentions) if m.start_token <= k < m.end_token and m.actor.country), None)


def _assign(tokens: list[Token], mentions: list[Mention], clauses: list[Clause], clause: Clause,
            triggers: list[Match], excluded: set[int], cues: Cues) -> Roles:
    roles = Roles()
    candidates = [i for i, m in enumerate(mentions)
                  if i not in excluded and clause.start <= m.start_token < clause.end
                  and not is_location_mention(tokens, m, cues)]
    first = min(t.start for t in triggers)
    last = max(t.end for t in triggers)
    trigger_tokens = {i for t in triggers for i in t.token_indices}

    # 0. "bei einer UN-Konferenz", "at a NATO summit": the organisation naming a meeting hosts it
    main = triggers[0]
    if main.row["event_type"] in MEETINGS and _is_noun(tokens, main.end - 1, cues):
        host = next((i for i in candidates if mentions[i].actor.country in HOSTING_ORGANISATIONS
                     and (mentions[i].end_token == main.start or main.start <= mentions[i].start_token < main.end)),
                    None)
        if host is not None:
            roles.recipient = [host]
            roles.trace.append(TraceStep("recipient", mentions[host].actor.text,
                                         "the organisation that names the meeting hosts it"))
    # 1. modifier: "ukrainischen Raketenangriff", "Russia's attack"; where adjectives follow the noun,
    # "el ataque ruso", "l'attaque russe"
    postposed = "yes" in cues.words("adjective_after_noun")
    for t in triggers:
        for i in candidates:
            m = mentions[i]
            if i in roles.recipient:
                continue
            before = m.end_token == t.start and (m.demonym_only or _possessive(tokens[m.end_token - 1], cues)) \
                or (m.party_prefix_only and (m.start_token, m.end_token) == (t.start, t.end))
            after = postposed and m.demonym_only and m.start_token == t.end and _is_noun(tokens, t.end - 1, cues)
            if before or after:
                roles.actor = [i]
                roles.strong = True
                roles.trace.append(TraceStep("actor", m.actor.text, "adjective or possessive right before the "
                                             "trigger noun" if before else "adjective right after the trigger noun"))
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
    others = [i for i in candidates if i not in roles.actor + roles.recipient and not set(
        range(mentions[i].start_token, mentions[i].end_token)) & trigger_tokens]

    # 2. the phrase after a trigger noun: "Angriffe von Palästinensern", "Sanktionen der Vereinten
    # Nationen" (its agent), but "Invasion der Ukraine", "Besatzung des Westjordanlands" (its target)
    # a trigger noun, alone or after its adjective ("das militärische Vorgehen der Regierungstruppen")
    # ("banned imports of Japanese seafood" is a verb and its object: the phrase is the object's)
    if main.token_indices == tuple(range(main.start, main.end)) and _is_noun(tokens, main.end - 1, cues) \
            and not is_finite_verb(tokens, main.start, cues):
        follower = _phrase_after(tokens, mentions, others, main.end, cues)
        if follower is not None and follower[1] not in cues.words("comitative_preps"):
            idx, prep = follower
            # for acts of force, an armed party after the noun acts ("Angriff der US-geführten Allianz"),
            # anyone else is the target ("Invasion der Ukraine", "the bombing of the Chinese embassy",
            # "Festnahme des Journalisten")
            agentive = prep in cues.words("agent_preps", "source_preps") or (
                prep in cues.words("linkers") and (mentions[idx].actor.sector in ARMED_SECTORS
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

    # 2b. "Erprobung von Marschflugkörpern durch Nordkorea": the agent of a nominalised act
    if not roles.actor and len(main.token_indices) == 1 and _is_noun(tokens, main.start, cues):
        agents = [i for i in others if mentions[i].start_token > main.start
                  and _preceded_by(tokens, mentions[i], cues.words("nominal_agent_preps"), cues)]
        if agents:
            roles.actor = _coordinated(mentions, agents[0], others, tokens, cues)
            roles.strong = True
            roles.trace.append(TraceStep("actor", mentions[agents[0]].actor.text,
                                         "agent of a nominalised act (durch)"))
            others = [i for i in others if i not in roles.actor]

    # 2c. "Feuerpause zwischen Regierungstruppen und Rebellen": both sides act together
    if not roles.actor:
        side = _party_after(tokens, mentions, others, triggers, cues.words("reciprocal_preps"), cues)
        if side is not None:
            parties = _coordinated(mentions, side, others, tokens, cues)
            roles.actor = parties
            roles.strong = True
            roles.trace.append(TraceStep("actor", mentions[parties[0]].actor.text,
                                         "the sides named after a reciprocal preposition"))
            others = [i for i in others if i not in parties]

    # a noun trigger with its own target ("Messerattacke auf eine Soldatin") keeps the clause's other
    # participles ("… von der Armee erschossen worden") out of its roles
    verbs = triggers[:1] if roles.recipient else triggers
    opening = _bracket_opening(tokens, clauses, clause, cues)
    if opening is not None and any(_clause_final_verb(tokens, clause, t, cues) and _participle(tokens[t.end - 1], cues)
                                   for t in verbs):
        # "wurde der Kriegsminister des IS, Omar al-Shishani, bei einem Angriff … getötet": the
        # passive subject stands before the apposition, with the auxiliary
        others = others + [i for i, m in enumerate(mentions) if opening.start <= m.start_token < opening.end
                           and i not in excluded and i not in roles.actor
                           and not is_location_mention(tokens, m, cues)]
        clause = Clause(clause.index, opening.start, clause.end, None)
    if _is_passive(tokens, clause, verbs, cues):
        agent_preps = cues.words("agent_preps")
        agents = [i for i in others if _preceded_by(tokens, mentions[i], agent_preps, cues)]
        if not agents:  # "Bei einem Feuergefecht mit den Taliban wurden … getötet": the other side
            side = _party_after(tokens, mentions, others, triggers, cues.words("comitative_preps"), cues,
                                nouns_only=True)
            agents = [] if side is None else [side]
        if agents and not roles.actor:
            roles.actor = [agents[0]]
            roles.trace.append(TraceStep("actor", mentions[agents[0]].actor.text,
                                         "agent of a passive clause (von/durch/by)"))
        roles.agentless_passive = not roles.actor
        subjects = [i for i in others if i not in agents and mentions[i].end_token <= last
                    and not _in_prepositional_phrase(tokens, mentions[i], clause, cues)]
        antecedent = _relative_subject(tokens, mentions, clause, excluded, cues)
        if antecedent is not None and not subjects:
            # "…, das von der Gruppe angegriffen worden war": the noun before the comma was attacked
            roles.recipient = [antecedent]
            roles.strong = True
            roles.trace.append(TraceStep("recipient", mentions[antecedent].actor.text,
                                         "antecedent of the relative pronoun subject of a passive clause"))
        elif subjects:
            pick = max(subjects, key=lambda i: (not mentions[i].demonym_only, -mentions[i].start_token))
            roles.recipient = _coordinated(mentions, pick, others, tokens, cues)
            roles.strong = True
            roles.trace.append(TraceStep("recipient", mentions[pick].actor.text,
                                         "subject of a passive clause is the one acted upon"))
        return roles

    if not roles.recipient and _is_noun(tokens, main.start, cues) and _has_verb(tokens, clause, "suffer_verbs", cues):
        # "Die Soldatin erlitt Stichwunden": the subject of a verb of suffering is the one acted upon
        roles.suffered = True
        _subject_undergoes(roles, tokens, mentions, others, first, clause, cues, "subject of a verb of suffering")
        return roles
    if not roles.recipient and any(cues.has_word(tokens[i], "flight_verbs") for i in main.token_indices) \
            and _subject_undergoes(roles, tokens, mentions, others, first, clause, cues,
                                   "subject of a verb of flight is the one driven out"):
        # "230.000 Menschen flohen vor der Gewalt": who flees is driven out, not the one who acts
        return roles

    subject_acts = not _object_of_other_verb(tokens, clause, main, cues)
    if roles.recipient:
        return _fill_actor(roles, mentions, others, first, tokens, clauses, clause, cues) if subject_acts else roles
    if not roles.actor and subject_acts:
        before = [i for i in others if mentions[i].end_token <= first]
        # between the parts of a split trigger a subject or an origin ("eine Rakete aus dem Gazastreifen …
        # eingeschlagen"), not a noun's genitive ("Angriff auf ein Lager der Hamas … verletzt": Hamas owns
        # the target)
        inside = [i for i in others if first < mentions[i].start_token and mentions[i].end_token < last
                  and not _genitive_attribute(tokens, mentions[i], cues)]
        # German puts the subject first and the verb (or participle) last: "Russland hat am Montag
        # die Hauptstadt Kiew angegriffen"; the nearest mention before the verb is its object.
        verb_trigger = any(tokens[i].text[:1].islower() for t in triggers for i in t.token_indices)
        verb_final = "yes" in cues.words("verb_final_subordinate") and (
            clause.opener or clause.relative or verb_trigger)
        pronouns = cues.words("subject_pronouns")
        first_mention = min((mentions[i].start_token for i in before), default=first)
        pronoun_subject = any(tokens[k].lower in pronouns for k in range(clause.start, min(first_mention, first)))
        antecedent = _relative_subject(tokens, mentions, clause, excluded, cues)
        agent = next((i for i in before if _participle(tokens[main.end - 1], cues)
                      and _preceded_by(tokens, mentions[i], cues.words("agent_preps"), cues)), None)
        if agent is not None:
            # "18 von Taliban-Kämpfern als Geiseln genommene Insassen": the agent of a participle
            roles.actor = [agent]
            roles.trace.append(TraceStep("actor", mentions[agent].actor.text, "agent of a participle (von/durch)"))
        elif _infinitive_clause(tokens, clause, cues):
            # "…, Fassbomben abzuwerfen" has no subject of its own: the object of the verb before
            # ("werfen den Truppen vor"), else its subject ("haben Sicherheitskräfte versucht")
            _controller_of_clause_before(roles, tokens, mentions, clauses, clause, cues)
        elif antecedent is not None:
            # "der Attentäter, der … eine Israelin erstochen hatte": the relative pronoun is the subject
            roles.actor = [antecedent]
            roles.trace.append(TraceStep("actor", mentions[antecedent].actor.text,
                                         "antecedent of the relative pronoun subject"))
            others = [i for i in others if i != antecedent]
        elif pronoun_subject:
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
        elif _take_subject_before_insertion(roles, tokens, mentions, clauses, clause, cues):
            # "Russland, eine Atommacht, griff die Ukraine an": the subject stands before the insertion,
            # so the noun inside the split trigger is the object
            pass
        elif unmarked_inside := [i for i in inside
                                 if not _preceded_by(tokens, mentions[i], cues.words("recipient_preps"), cues)]:
            # "Für Jeremic würde sich Moskau einsetzen"; "kündigte Vergeltung gegen Israel an" names the
            # target, not the subject
            pick = unmarked_inside[0]
            roles.actor = _coordinated(mentions, pick, others, tokens, cues)  # "unterzeichneten Armenien und Aserbaidschan …"
            roles.trace.append(TraceStep("actor", mentions[pick].actor.text,
                                         "subject after the finite verb, inside a split trigger "
                                         "(\"nutzte Moskau sein Veto\")"))
        elif verb_trigger and (inverted := _subject_after_fronted_clause(tokens, mentions, others, clauses, clause,
                                                                          main, cues)) is not None:
            # "Wie Anadolu meldete, beschoss die türkische Armee …", "Am Montag trafen sich Putin und Xi":
            # after a fronted clause or adverbial the finite verb comes first and its subject follows it
            roles.actor = _coordinated(mentions, inverted, others, tokens, cues)
            roles.trace.append(TraceStep("actor", mentions[inverted].actor.text,
                                         "subject after the verb that follows a fronted clause or adverbial"))
        elif verb_trigger:  # a noun without an agent ("ereignete sich der Angriff") names no actor
            _subject_of_clause_before(roles, tokens, mentions, clauses, clause, cues, "no subject in the clause")
    rest = [i for i in others if i not in roles.actor
            and not any(mentions[i].start_token < mentions[a].end_token and mentions[a].start_token <
                        mentions[i].end_token for a in roles.actor)]
    recipient_preps = cues.words("recipient_preps")
    marked = [i for i in rest if _preceded_by(tokens, mentions[i], recipient_preps, cues)]
    after = [i for i in rest if mentions[i].start_token >= last]
    destinations = set() if _is_noun(tokens, main.start, cues) else _destinations(mentions, marked, rest,
                                                                                 first, last)
    marked = [i for i in marked if i not in destinations]
    # before the object noun of another verb stands that verb's subject, no party to the act
    between = [i for i in rest if mentions[i].end_token <= first] if subject_acts else []
    # "werfen den Truppen … vor", "forderte die USA auf": the object sits between the finite verb
    # and its separated particle (or between a noun and a participle of the same act)
    enclosed = [i for i in rest if first < mentions[i].start_token and mentions[i].end_token <= last
                and i not in destinations]
    if roles.pronoun_subject and not marked and not after:
        after, between = between, []  # with a pronoun subject the mentions before the verb are objects
    # "hatten US-Einheiten nach Pentagon-Angaben den IS-Chef getötet": a bare noun phrase before a
    # clause-final verb is its direct object, closer to the act than a prepositional phrase
    direct = [i for i in between if _clause_final_verb(tokens, clause, triggers[0], cues)
              and triggers[0].token_indices == tuple(range(triggers[0].start, triggers[0].end))
              and not _in_prepositional_phrase(tokens, mentions[i], clause, cues)]
    for pool, why in ((direct, "direct object before a clause-final verb"),
                      (marked, "after a recipient preposition"),
                      (enclosed, "object between the verb and its particle"),
                      (after, "nearest mention after the trigger"),
                      (between, "object before a clause-final verb")):
        if pool:
            pick = min(pool, key=lambda i: abs(mentions[i].start_token - last))
            roles.recipient = _coordinated(mentions, pick, rest, tokens, cues)
            roles.strong = roles.strong or pool is marked
            roles.trace.append(TraceStep("recipient", mentions[pick].actor.text, why))
            break
    return roles


def _destinations(mentions: list[Mention], marked: list[int], rest: list[int], first: int, last: int) -> set[int]:
    """"invited the Iranian minister to Berlin", "lud … nach Berlin ein": a city after a preposition
    that follows the verb's object is where the object goes, not a party to the act.  Object and city
    stand on the same side of the trigger's end ("suspended humanitarian aid to Kabul": Kabul receives
    what the trigger names)."""
    def beyond_trigger(i: int) -> bool:
        return mentions[i].start_token >= last

    return {i for i in marked if set(mentions[i].kinds) <= CITY_KINDS
            and any(j not in marked and first < mentions[j].start_token < mentions[i].start_token
                    and beyond_trigger(j) == beyond_trigger(i) for j in rest)}


OBJECTIVE_GENITIVE = {"ASSAULT", "COERCE", "THREATEN"}
ARMED_SECTORS = {"MIL", "COP", "REB", "UAF", "SPY"}  # PLOVER sectors of those who carry arms


def _is_noun(tokens: list[Token], index: int, cues: Cues) -> bool:
    """German capitalises nouns.  Elsewhere a trigger word in its base form is a noun, and so is a
    plural after an article, preposition or adjective ("indiscriminate bombardments"), but not after
    a name or pronoun ("Russia attacks Kyiv")."""
    token = tokens[index]
    if "yes" in cues.words("verb_final_subordinate"):
        return token.text[:1].isupper()
    if token.lower.startswith(tuple(cues.words("elided_articles"))) and len(token.lower) > 3:
        return True  # "l'attaque": an article elided onto the word
    if token.lower == token.lemma:
        return not token.lower.endswith("ed")
    if not token.lower.endswith("s") or index == 0:
        return False
    before = tokens[index - 1]
    verbal = cues.words("subject_pronouns", "passive_aux", "past_aux")
    return (before.text.islower() or before.lower in cues.words("determiners")) and before.lower not in verbal


def _phrase_after(tokens: list[Token], mentions: list[Mention], pool: list[int], end: int,
                  cues: Cues) -> tuple[int, str] | None:
    """The mention introduced right after the trigger noun, with the word introducing it."""
    skip = cues.words("determiners", "quantifiers")
    k = end
    if k >= len(tokens):
        return None
    prep = tokens[k].lower
    if prep not in cues.words("agent_preps", "linkers", "target_preps", "reciprocal_preps", "comitative_preps"):
        return None
    k += 1
    first = k  # a mention may include its number word: "eine israelische Soldatin"
    while k < len(tokens) and tokens[k].lower in skip:
        k += 1
    for i in pool:
        if first <= mentions[i].start_token <= k:
            return i, prep
    return None


def _relative_subject(tokens: list[Token], mentions: list[Mention], clause: Clause, excluded: set[int],
                      cues: Cues) -> int | None:
    """The mention right before a relative clause whose pronoun is its subject: the pronoun opens the
    clause and no subject follows it ("…, der am Sonntag … erstochen hatte"; not "…, die er traf")."""
    k = clause.start
    if not clause.relative or tokens[k].lower not in cues.words("subject_relatives") or k < 2:
        return None
    following = tokens[k + 1] if k + 1 < clause.end else None
    if following is None or following.text[:1].isupper() or following.lower in cues.words("subject_pronouns") \
            or (following.lower in cues.words("determiners")
                and following.lower not in cues.words("oblique_determiners")):
        return None  # "die Waffenruhe …" is an article; "die er traf", "die der Präsident traf" have a subject
    # the antecedent ends at the comma, or before a verb particle left behind ("nach dem Attentäter weiter, der")
    end = k - 1
    while end > 0 and end > k - 1 - MAX_EXTRAPOSED_WORDS and tokens[end - 1].text.isalpha() \
            and tokens[end - 1].text.islower():
        end -= 1
    return next((i for i, m in enumerate(mentions) if end <= m.end_token <= k - 1 and i not in excluded
                 and not is_location_mention(tokens, m, cues)), None)


def _bracket_opening(tokens: list[Token], clauses: list[Clause], clause: Clause, cues: Cues) -> Clause | None:
    """The earlier main-clause part holding the passive auxiliary that a clause without one closes."""
    auxiliaries = cues.words("passive_aux", "past_aux", "present_aux")
    if clause.opener or clause.relative or any(tokens[i].lower in auxiliaries for i in range(clause.start, clause.end)):
        return None
    for prev in reversed(clauses[:clause.index]):
        if prev.opener or prev.relative:
            return None
        if any(tokens[i].lower in cues.words("passive_aux") for i in range(prev.start, prev.end)):
            return prev
    return None


def _clause_final_verb(tokens: list[Token], clause: Clause, trigger: Match, cues: Cues) -> bool:
    end = trigger.end
    while end < clause.end and not tokens[end].text.isalnum():
        end += 1
    return "yes" in cues.words("verb_final_subordinate") and end == clause.end \
        and tokens[trigger.end - 1].text[:1].islower()


def _party_after(tokens: list[Token], mentions: list[Mention], pool: list[int], triggers: list[Match],
                 prepositions: frozenset[str], cues: Cues, nouns_only: bool = False) -> int | None:
    """The mention introduced by one of `prepositions` right after a trigger: "Kämpfe zwischen A und
    B", "fighting between rebel groups", "Feuergefecht mit den Taliban" (a noun: "verhandeln mit X"
    names a partner, not a side)."""
    for t in triggers:
        if t.end < len(tokens) and tokens[t.end].lower in prepositions \
                and (not nouns_only or _is_noun(tokens, t.end - 1, cues)):
            follower = _phrase_after(tokens, mentions, pool, t.end, cues)
            if follower is not None:
                return follower[0]
    return None


def _object_of_other_verb(tokens: list[Token], clause: Clause, trigger: Match, cues: Cues) -> bool:
    """"Ban hat den Angriff auf ein Krankenhaus verurteilt": a trigger noun with an article, not in a
    prepositional phrase, is the object of the clause's verb, whose subject did not carry out the
    act, unless that verb is one of carrying it out ("einen Angriff starten, verüben": `support_verbs`).
    A language may list the opposite instead, the verbs of talking about an act (`commenting_verbs`:
    "Germany condemned the attack"), where light verbs of doing are too many to list.  In a
    prepositional phrase the noun is talked about only after a `topic_verbs` verb ("commented on")."""
    if not (cues.words("support_verbs") or cues.words("commenting_verbs")) or len(trigger.token_indices) != 1 \
            or not _is_noun(tokens, trigger.start, cues):
        return False
    # adjectives: "den jüngsten Angriff"; where only names are capitalised, also "the Russian attack"
    adjectives_any_case = "yes" not in cues.words("nouns_capitalized")
    k = trigger.start - 1
    while k > clause.start and tokens[k].text.isalpha() \
            and (tokens[k].text.islower() or adjectives_any_case) \
            and tokens[k].lower not in cues.words("determiners", "prepositions"):
        k -= 1
    if k <= clause.start or tokens[k].lower not in cues.words("determiners"):
        return False
    if tokens[k - 1].lower in cues.words("sequence_preps"):
        # "suspended its lending after the coup": an earlier act the subject responds to; the subject of
        # a passive may have done it ("Zwei Palästinenser sind nach einer Messerattacke erschossen worden")
        return not any(tokens[i].lower in cues.words("passive_aux") for i in range(clause.start, clause.end))
    if tokens[k - 1].lower in cues.words("prepositions"):
        # a phrase that says when or where ("bei dem Angriff wurden …") names the act; after a verb of
        # commenting on something ("commented on the attack", "nahm zu dem Angriff Stellung") it is
        # only talked about, as an act the reader knows ("zu dem Angriff", not "auf einer Konferenz")
        return tokens[k].lower in cues.words("definite_determiners") and _has_verb(tokens, clause, "topic_verbs", cues)
    if cues.words("support_verbs"):
        return not _has_verb(tokens, clause, "support_verbs", cues)
    return _has_verb(tokens, clause, "commenting_verbs", cues)


def _has_verb(tokens: list[Token], clause: Clause, key: str, cues: Cues) -> bool:
    """A `key` verb in the clause, also split around its object: "legte ein Veto … ein", "setzte die
    Angriffe fort" (the particle that closes the clause joins the verb's lemma)."""
    if any(cues.has_word(tokens[i], key) for i in range(clause.start, clause.end)):
        return True
    particle = cues.closing_particle(tokens, clause.start, clause.end)
    return particle is not None and any(particle + tokens[i].lemma.lower() in cues.words(key)
                                        for i in range(clause.start, clause.end))


def _fill_actor(roles: Roles, mentions, others, first, tokens, clauses, clause, cues) -> Roles:
    if not roles.actor:
        before = [i for i in others if mentions[i].end_token <= first and i not in roles.recipient]
        if before:
            pick = max(before, key=lambda i: mentions[i].end_token)
            roles.actor = _coordinated(mentions, pick, before, tokens, cues)
            roles.trace.append(TraceStep("actor", mentions[pick].actor.text,
                                         "nearest actor mention before the trigger in its clause"))
        else:
            _take_subject_before_insertion(roles, tokens, mentions, clauses, clause, cues)
    return roles


def _subject_after_fronted_clause(tokens: list[Token], mentions: list[Mention], pool: list[int],
                                  clauses: list[Clause], clause: Clause, trigger: Match, cues: Cues) -> int | None:
    """In a verb-second language, the first mention right after a finite verb that opens its clause
    after a subordinate clause (not a relative one, which is inserted after the subject): "Wie die
    Agentur meldete, beschoss die türkische Armee Stellungen"; or that follows a fronted adverbial
    naming no party: "Bei dem Anschlag am 7. Oktober töteten Hamas-Kämpfer 1200 Menschen", "Am 3.
    März trafen sich Putin und Xi"."""
    if "yes" not in cues.words("verb_final_subordinate") or clause.opener is not None:
        return None
    after_subordinate = trigger.start == clause.start and clause.index > 0 \
        and clauses[clause.index - 1].opener is not None and not clauses[clause.index - 1].relative
    after_adverbial = trigger.start > clause.start and is_finite_verb(tokens, trigger.start, cues) \
        and not any(clause.start <= m.start_token < trigger.start for m in mentions)
    if not (after_subordinate or after_adverbial):
        return None
    k = trigger.start + 1
    while k < clause.end and tokens[k].lower in cues.words("determiners", "reflexive_pronouns"):
        k += 1
    return next((i for i in pool if mentions[i].start_token == k), None)


def _take_subject_before_insertion(roles: Roles, tokens, mentions, clauses, clause, cues, why: str = "") -> bool:
    """An inserted relative clause or apposition stands between a subject and its verb ("Russland, das
    die Regierung unterstützt, bombardierte …", "Turkey, a NATO member, shelled …"): the subject is
    the mention that ends where the insertion begins (never a place, never the recipient).  Sets it as
    the actor; False where there is none."""
    inserted = subject_before_insertion(tokens, mentions, clauses, clause, cues)
    if inserted is None or inserted in roles.recipient or is_location_mention(tokens, mentions[inserted], cues):
        return False
    roles.actor = [inserted]
    roles.trace.append(TraceStep("actor", mentions[inserted].actor.text,
                                 f"{why}: the subject before the inserted clause" if why
                                 else "the subject before the inserted clause"))
    return True


def _subject_of_clause_before(roles: Roles, tokens, mentions, clauses, clause, cues, why: str) -> None:
    """"Nordkorea hat … zurückgewiesen, es liefere Waffen …": the first mention of the clause before,
    or the subject before an insertion (`_take_subject_before_insertion`)."""
    if clause.index == 0:
        return
    if _take_subject_before_insertion(roles, tokens, mentions, clauses, clause, cues, why):
        return
    prev = clauses[clause.index - 1]
    subject = [i for i, m in enumerate(mentions) if prev.start <= m.start_token < prev.end
               and not is_location_mention(tokens, m, cues)]
    if subject:
        roles.actor = [subject[0]]
        roles.trace.append(TraceStep("actor", mentions[subject[0]].actor.text,
                                     f"{why}: the subject of the clause before"))


def parties_of_complement(tokens: list[Token], mentions: list[Mention], clauses: list[Clause], clause: Clause,
                          taken: set[int], cues: Cues) -> list[int]:
    """The parties named in the infinitive clause right after a demand with no addressee: "die
    Notwendigkeit unterstrichen, den Friedensprozess zwischen Israelis und Palästinensern … zu
    bringen" is addressed to those who must act."""
    if clause.index + 1 >= len(clauses) or not _infinitive_clause(tokens, clauses[clause.index + 1], cues):
        return []
    after = clauses[clause.index + 1]
    return [i for i, m in enumerate(mentions) if after.start <= m.start_token < after.end and i not in taken
            and m.actor.country and not is_location_mention(tokens, m, cues)]


def _infinitive_clause(tokens: list[Token], clause: Clause, cues: Cues) -> bool:
    """The clause ends in an infinitive with "zu": "zu befreien", "beschossen zu haben", "abzuwerfen"."""
    words = [i for i in range(clause.start, clause.end) if tokens[i].text.isalpha()]
    if len(words) < 2 or clause.index == 0 or "yes" not in cues.words("verb_final_subordinate"):
        return False
    return cues.marks_infinitive(tokens[words[-2]]) or cues.marks_infinitive(tokens[words[-1]])


def _controller_of_clause_before(roles: Roles, tokens, mentions, clauses, clause, cues) -> None:
    prev = clauses[clause.index - 1]
    # a speaker is no exception: "Die Taliban gaben an, den Hubschrauber abgeschossen zu haben"
    pool = [i for i, m in enumerate(mentions) if prev.start <= m.start_token < prev.end
            and not is_location_mention(tokens, m, cues)]
    if not pool:
        return
    subject = _coordinated(mentions, pool[0], pool, tokens, cues)
    purpose = clause.opener in cues.words("subject_control_openers")  # "…, um Russland zu unterstützen"
    objects = [] if purpose else [i for i in pool if i not in subject
                                  and not _in_prepositional_phrase(tokens, mentions[i], prev, cues)]
    pick = objects[0] if objects else pool[0]
    roles.actor = _coordinated(mentions, pick, pool, tokens, cues)
    roles.trace.append(TraceStep("actor", mentions[pick].actor.text, "subject of an infinitive clause: the "
                                 + ("object" if objects else "subject") + " of the clause before"))


def _possessive(token: Token, cues: Cues) -> bool:
    return any(token.lower.endswith(e) for e in cues.words("name_endings") if "'" in e or "’" in e)


def _in_prepositional_phrase(tokens: list[Token], mention: Mention, clause: Clause, cues: Cues) -> bool:
    """After a preposition, a mention is not a subject — unless the preposition opens a relative
    clause together with its pronoun ("…, für den Pjöngjang Russland dankte")."""
    skip = cues.words("determiners", "quantifiers")
    k = mention.start_token - 1
    while k >= 0 and tokens[k].lower in skip:
        k -= 1
    return k >= 0 and tokens[k].lower in cues.words("prepositions") and not (clause.relative and k == clause.start)


def _genitive_attribute(tokens: list[Token], mention: Mention, cues: Cues) -> bool:
    """German "des Arms der Hamas-Bewegung": an article right after a noun opens that noun's genitive
    attribute, never a subject."""
    if "yes" not in cues.words("nouns_capitalized"):
        return False
    k = mention.start_token - 1  # the article; before it a noun that does not open the sentence
    if k < 2 or tokens[k].lower not in cues.words("determiners"):
        return False
    noun = tokens[k - 1].text
    return noun[:1].isupper() and noun.replace("-", "").isalpha()


def _preceded_by(tokens: list[Token], mention: Mention, words: frozenset[str], cues: Cues) -> bool:
    dets = cues.words("determiners", "quantifiers")
    k = mention.start_token - 1
    while k >= 0 and tokens[k].lower in dets:
        k -= 1
    return k >= 0 and tokens[k].lower in words


def _subject_undergoes(roles: Roles, tokens: list[Token], mentions: list[Mention], others: list[int],
                       first: int, clause: Clause, cues: Cues, why: str) -> bool:
    """Make the subject before the trigger (not one inside a prepositional phrase) the recipient;
    False when there is none."""
    subjects = [i for i in others if mentions[i].end_token <= first
                and not _in_prepositional_phrase(tokens, mentions[i], clause, cues)]
    if not subjects:
        return False
    roles.recipient = _coordinated(mentions, subjects[0], others, tokens, cues)
    roles.strong = True
    roles.trace.append(TraceStep("recipient", mentions[subjects[0]].actor.text, why))
    return True


def _is_passive(tokens: list[Token], clause: Clause, triggers: list[Match], cues: Cues) -> bool:
    aux = cues.words("passive_aux")
    if not any(tokens[i].lower in aux for i in range(clause.start, clause.end)):
        return False
    window = next((int(w) for w in cues.words("passive_aux_window")), None)
    if window is not None:
        # English: the auxiliary stands right before the participle ("was reportedly killed"); one
        # further on belongs to another verb ("called for the ceasefire to be revived")
        return any(_participle(tokens[p], cues)
                   and any(tokens[i].lower in aux for i in range(max(clause.start, p - window), p))
                   for p in triggers[0].token_indices)
    # besides the main trigger, a participle closing the clause ("… getötet worden") makes it passive
    return any(_participle(tokens[i], cues) for t in triggers for i in t.token_indices
               if t is triggers[0] or _clause_final_verb(tokens, clause, t, cues))


def _participle(token: Token, cues: Cues) -> bool:
    """A lowercase verb form that can be a past participle: a past form, or one with a participle
    ending ("festgenommen", "verschleppt"), also inflected as an adjective ("genommene")."""
    word = token.lower
    infinitive = word == token.lemma and word.endswith(tuple(cues.words("infinitive_suffixes")))
    if not token.text[:1].islower() or infinitive:
        return False  # an infinitive; a form the lemmatiser left alone may still be a participle ("eliminiert")
    # attributive forms carry an adjective ending: "als Geiseln genommene Insassen"
    stems = [word] + [word[:-len(e)] for e in cues.words("adj_endings") if e and word.endswith(e)]
    return cues.looks_past(token, is_verb=True) or any(
        stem.endswith(tuple(cues.words("participle_endings"))) for stem in stems)
