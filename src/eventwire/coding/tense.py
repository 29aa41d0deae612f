"""Past or present, read from the verb forms of an event's clause.

The finite verb and its auxiliaries decide, not any past-looking word: "the Russian armed forces"
and "in den besetzten Gebieten" hold no past act.  Future and hypothetical cues are modality.py's
job; this module only tells an act that is over from one that is ongoing.  All word lists are
grammar.tsv keys of the article's language:

  preterite_aux      auxiliaries that are past by themselves ("hatte", "wurde", "was")
  perfect_aux        auxiliaries that make a perfect with a participle ("hat", "ist", "has"),
                     and are present without one ("Russia has a responsibility", "es sei unentschuldbar")
  irregular_preterites, irregular_participles   strong verb forms without a regular ending
  stative_participles  a perfect of these names a present state ("has become a supplier",
                     "has been in force"), unless a participle follows ("has been attacked")
  ongoing_markers    a past form with these is still going on ("weiterhin", "still")
  subjunctive_present_suffixes, subjunctive_aux   reported speech ("es liefere Waffen", "sei")
  copulas            a noun act dated only by these is over (common/aspect.tsv says which types are acts)
  nouns_capitalized  nouns are capitalised, so a lowercase trigger is a verb
  verb_final_subordinate   verbs may stand far from their auxiliary, at the clause's end
  modal_verbs, gerund_suffixes, adjective_suffixes   English: telling verbs from nouns without endings
"""
from __future__ import annotations

from functools import lru_cache

from eventwire.coding.clauses import Clause
from eventwire.coding.cues import Cues
from eventwire.lexicons import load_table
from eventwire.records import Token

AUXILIARY_KEYS = ("preterite_aux", "perfect_aux", "passive_aux", "present_aux")
FUNCTION_WORD_KEYS = ("determiners", "prepositions", "contracted_articles", "possessive_pronouns")
PARTICIPLE_REACH = 4  # English: tokens between "has" and its participle ("has not yet been")


def clause_tense(tokens: list[Token], clauses: list[Clause], clause: Clause, trigger_indices: set[int],
                 cues: Cues, headline: bool, event_type: str | None = None) -> str:
    """'past' or 'present' for an act whose trigger tokens lie in `clause`."""
    if headline:  # headlines use the historic present for acts that are over
        return "past"
    verbal = _is_verbal_trigger(tokens, trigger_indices, cues)
    if verbal and "yes" not in cues.words("nouns_capitalized"):
        # a verb trigger's own form and the auxiliaries just before it decide, not a verb
        # coordinated after it ("rejects the deployment … and has called it an invasion")
        verb = min(trigger_indices)  # "rejects … as": the pattern's first word is the verb
        clause = Clause(clause.index, max(clause.start, verb - PARTICIPLE_REACH), verb + 1,
                        clause.opener, clause.relative)
    tense = "past" if _completes_earlier_perfect(tokens, clauses, clause, cues) else \
        _finite_tense(tokens, clause, trigger_indices, cues)
    if tense is None and _is_infinitive_clause(tokens, clause, cues):
        # "…, Fassbomben abzuwerfen": an infinitive has the time of the clause it depends on
        tense = _nearest_finite_tense(tokens, clauses, clause, cues)
    if tense is None:
        # a bare verb trigger is itself the finite present ("weist zurück", "rejects");
        # a noun trigger with no verb to date it reports an act that is over
        tense = "present" if verbal else "past"
    elif tense == "present" and not verbal and event_type and _is_act(event_type) \
            and _present_only_by_copula(tokens, clause, cues):
        tense = "past"  # "it is the first confirmed use of mustard gas": the use is over
    if tense == "past" and _has_any(tokens, clause, cues.words("ongoing_markers")):
        tense = "present"
    return tense


@lru_cache(maxsize=1)
def _aspects() -> dict[str, str]:
    return {row["event_type"]: row["aspect"] for row in load_table("common", "aspect")}


def _is_act(event_type: str) -> bool:
    """common/aspect.tsv: an act is over once reported; a state (sanctions, support) can hold now."""
    return _aspects().get(event_type) == "act"


def _present_only_by_copula(tokens: list[Token], clause: Clause, cues: Cues) -> bool:
    copulas = cues.words("copulas")
    finite = [i for i in range(clause.start, clause.end)
              if _is_present_form(tokens[i], cues) or tokens[i].lower in cues.words("subjunctive_aux")]
    return bool(finite) and all(tokens[i].lower in copulas and not _progressive(tokens, i, clause, cues)
                                for i in finite)


def _progressive(tokens: list[Token], aux: int, clause: Clause, cues: Cues) -> bool:
    """"is (apparently) backing away", "is supplying": the copula is an auxiliary here."""
    gerund = tuple(cues.words("gerund_suffixes"))
    return bool(gerund) and any(tokens[i].lower.endswith(gerund)
                                for i in range(aux + 1, min(clause.end, aux + 3)))


def _is_verbal_trigger(tokens: list[Token], trigger_indices: set[int], cues: Cues) -> bool:
    """German capitalises nouns; elsewhere the word before the trigger and its ending decide."""
    first = min(trigger_indices)
    if "yes" in cues.words("nouns_capitalized"):
        return any(tokens[i].text[:1].islower() for i in trigger_indices)
    tok = tokens[first]
    prev = tokens[first - 1].lower if first > 0 else ""
    if prev in _auxiliaries(cues) | cues.words("infinitive_markers"):
        return True
    if prev in cues.words("determiners", "possessive_pronouns", "prepositions"):
        return False
    if first > 0 and _is_preterite(tokens, first - 1, cues):  # "rejected accusations": an object
        return False
    if tok.lower == tok.lemma:  # an uninflected form is a verb after its subject: "the West accuse"
        return first > 0 and (tokens[first - 1].text[:1].isupper() or prev in cues.words("subject_pronouns"))
    if len(prev) > 4 and prev.endswith(tuple(cues.words("adjective_suffixes"))):
        return False  # "indiscriminate bombardments", "Russian attacks": a plural noun
    return not any(tok.lower.endswith(s) for s in cues.words("gerund_suffixes"))


def _finite_tense(tokens: list[Token], clause: Clause, trigger_indices: set[int], cues: Cues) -> str | None:
    indices = range(clause.start, clause.end)
    preterite_aux, perfect_aux = cues.words("preterite_aux"), cues.words("perfect_aux")
    if any(tokens[i].lower in preterite_aux for i in indices):
        return "past"
    for i in indices:
        if tokens[i].lower in perfect_aux:
            participle = _participle_after(tokens, i, clause, cues)
            if participle is not None:
                return "present" if _is_stative(tokens, participle, clause, cues) else "past"
    if any(_is_preterite(tokens, i, cues) or (i in trigger_indices and _is_verb_past(tokens[i], cues))
           for i in indices):
        return "past"
    if any(_is_present_form(tokens[i], cues) for i in indices):
        return "present"
    if _plural_present_in_main_clause(tokens, clause, cues) or any(
            _present_before_object(tokens, i, cues) for i in indices):
        return "present"
    return None


def is_finite_verb(tokens: list[Token], i: int, cues: Cues) -> bool:
    """A finite past or present verb form ("struck", "fired", "trafen", "feuerte", "attacks")."""
    return _is_preterite(tokens, i, cues) or _is_present_form(tokens[i], cues)


def _is_present_form(tok: Token, cues: Cues) -> bool:
    """A finite present form: a present or perfect auxiliary, a present ending, a present subjunctive."""
    return tok.lower in cues.words("present_aux", "perfect_aux") or cues.looks_present(tok) \
        or _is_subjunctive_present(tok, cues)


def _present_before_object(tokens: list[Token], i: int, cues: Cues) -> bool:
    """English has no present ending to read: a plain or -s verb form right before its object's
    article is finite present ("the West accuse the troops", "the leadership rejects the claim")."""
    if "yes" in cues.words("nouns_capitalized") or i + 1 >= len(tokens) or i == 0:
        return False
    tok, nxt, prev = tokens[i], tokens[i + 1], tokens[i - 1].lower
    if not (tok.text.isalpha() and tok.text[:1].islower()) or nxt.lower not in cues.words("determiners"):
        return False
    blocked = cues.words(*FUNCTION_WORD_KEYS, *AUXILIARY_KEYS, "infinitive_markers", "modal_verbs",
                         "coordinators", "subject_pronouns")
    if prev in blocked or tok.lower in blocked or tok.lower.endswith(tuple(cues.words("gerund_suffixes"))):
        return False
    return tok.lower == tok.lemma or tok.lower == tok.lemma + "s" or tok.lower == tok.lemma + "es"


def _plural_present_in_main_clause(tokens: list[Token], clause: Clause, cues: Cues) -> bool:
    """German: "Die Opposition und der Westen werfen den Truppen vor, …" — a plural present looks
    like the infinitive, but a main clause without an auxiliary only has it before its end."""
    if "yes" not in cues.words("verb_final_subordinate") or clause.opener is not None:
        return False
    closers = cues.words(*FUNCTION_WORD_KEYS, *AUXILIARY_KEYS)
    infinitives = tuple(cues.words("infinitive_suffixes"))
    for i in range(clause.start + 1, clause.end - 1):
        tok = tokens[i]
        if tok.text[:1].islower() and tok.lower == tok.lemma and tok.lemma.endswith(infinitives) \
                and tok.lower not in closers and tokens[i - 1].lower not in cues.words("infinitive_markers"):
            return True
    return False


def _participle_after(tokens: list[Token], aux: int, clause: Clause, cues: Cues) -> int | None:
    """The participle an auxiliary builds a perfect with: anywhere later in the clause where verbs
    go last (German), else within a few words ("has not yet been")."""
    verb_final = "yes" in cues.words("verb_final_subordinate")
    end = clause.end if verb_final else min(clause.end, aux + 1 + PARTICIPLE_REACH)
    for i in range(aux + 1, end):
        tok = tokens[i]
        if not tok.text[:1].islower():
            continue
        if tok.lower in cues.words("irregular_participles") or cues.looks_past(tok) \
                or tok.lower.endswith(tuple(cues.words("unprefixed_participle_suffixes"))):
            return i
        if verb_final and _inflected_verb(tok, cues) and tok.lower not in _auxiliaries(cues):
            return i  # "zurückgewiesen", "beschlagnahmt" (after "hätten") carry no regular ending
    # the aux may follow its participle at the end of a subordinate clause ("… beschlagnahmt hätten")
    if verb_final:
        for i in range(clause.start, aux):
            tok = tokens[i]
            if tok.text[:1].islower() and _inflected_verb(tok, cues) and tok.lower not in _auxiliaries(cues):
                return i
    return None


def _completes_earlier_perfect(tokens: list[Token], clauses: list[Clause], clause: Clause, cues: Cues) -> bool:
    """"…, die Soldaten hätten … Waffen, Sprengstoff und Motorräder beschlagnahmt": a comma in a
    list splits the auxiliary from its participle; the participle's clause has no auxiliary."""
    if clause.opener is not None or any(tokens[i].lower in _auxiliaries(cues) for i in range(clause.start, clause.end)):
        return False
    for earlier in [c for c in clauses if c.index < clause.index][::-1]:
        auxes = [i for i in range(earlier.start, earlier.end) if tokens[i].lower in cues.words("perfect_aux")]
        if auxes:
            return _participle_after(tokens, auxes[0], earlier, cues) is None
        if earlier.opener is not None:
            return False
    return False


def _is_stative(tokens: list[Token], participle: int, clause: Clause, cues: Cues) -> bool:
    if tokens[participle].lower not in cues.words("stative_participles"):
        return False
    nxt = participle + 1
    return not (nxt < clause.end and (tokens[nxt].lower in cues.words("irregular_participles")
                                      or cues.looks_past(tokens[nxt])))


def _is_preterite(tokens: list[Token], i: int, cues: Cues) -> bool:
    tok = tokens[i]
    if not tok.text[:1].islower() or _is_attributive(tokens, i, cues) or _is_subjunctive_present(tok, cues):
        return False
    if _irregular_preterite(tok.lower, cues):
        return True
    return cues.looks_past(tok) and not _after_auxiliary(tokens, i, cues)


def _is_verb_past(tok: Token, cues: Cues) -> bool:
    """A trigger known to be a verb: an irregular inflected form counts too ("fought")."""
    return tok.text[:1].islower() and cues.looks_past(tok, is_verb=True)


def _irregular_preterite(word: str, cues: Cues) -> bool:
    # German separable and prefixed verbs end in the simple form: "übergab", "erlitt", "griffen"
    forms = cues.words("irregular_preterites")
    return any(word.endswith(f) or word.endswith(f + "en") or word.endswith(f + "n") for f in forms)


def _is_attributive(tokens: list[Token], i: int, cues: Cues) -> bool:
    """A participle used as an adjective: after a determiner or preposition (and maybe one more
    adjective), before its noun ("den besetzten Gebieten", "the Russian armed forces")."""
    closers = _function_words(cues)
    nouns_capitalized = "yes" in cues.words("nouns_capitalized")
    if i + 1 >= len(tokens) or i == 0 or not noun_follows(tokens, i, cues):
        return False
    prev = tokens[i - 1]
    if prev.lower in closers:
        return True
    prev_is_adjective = (prev.text[:1].islower() and prev.lower.endswith(tuple(cues.words("adj_endings")))) \
        if nouns_capitalized else prev.text[:1].isupper()
    return prev_is_adjective and i >= 2 and tokens[i - 2].lower in closers


def noun_follows(tokens: list[Token], i: int, cues: Cues) -> bool:
    """The word after token `i` may be a noun that `i` qualifies: capitalised where nouns are, else a
    lower-case content word ("den besetzten Gebieten", "the occupied territories")."""
    nxt = tokens[i + 1]
    if "yes" in cues.words("nouns_capitalized"):
        return nxt.text[:1].isupper()
    return nxt.text[:1].islower() and nxt.lower not in _function_words(cues) and nxt.text.isalpha()


def _after_auxiliary(tokens: list[Token], i: int, cues: Cues) -> bool:
    return any(tokens[j].lower in _auxiliaries(cues) for j in range(max(0, i - PARTICIPLE_REACH), i))


def _auxiliaries(cues: Cues) -> frozenset[str]:
    return cues.words(*AUXILIARY_KEYS)


def _inflected_verb(tok: Token, cues: Cues) -> bool:
    infinitives = cues.words("infinitive_suffixes")
    return tok.lower != tok.lemma and bool(infinitives) and tok.lemma.endswith(tuple(infinitives)) \
        and tok.lower not in _function_words(cues)  # "einem" lemmatises to "ein"


def _function_words(cues: Cues) -> frozenset[str]:
    return cues.words(*FUNCTION_WORD_KEYS)


def in_reported_speech(tokens: list[Token], clause: Clause, cues: Cues) -> bool:
    """German marks indirect speech by its mood: "Das Vorgehen verstoße gegen …" continues what the
    speaker of the sentence before said, even without a verb of saying."""
    return any(tokens[i].lower in cues.words("subjunctive_aux") or _is_subjunctive_present(tokens[i], cues)
               for i in range(clause.start, clause.end))


def _is_subjunctive_present(tok: Token, cues: Cues) -> bool:
    """Reported speech in the present subjunctive: "liefere" (liefern), "komme" (kommen)."""
    if not tok.text[:1].islower():
        return False
    for suffix in cues.words("subjunctive_present_suffixes"):
        for ending in cues.words("infinitive_suffixes"):
            if tok.lemma.endswith(ending) and tok.lower == tok.lemma[: -len(ending)] + suffix:
                return True
    return False


def _is_infinitive_clause(tokens: list[Token], clause: Clause, cues: Cues) -> bool:
    return any(cues.marks_infinitive(tokens[i]) for i in range(clause.start, clause.end))


def _nearest_finite_tense(tokens: list[Token], clauses: list[Clause], clause: Clause, cues: Cues) -> str | None:
    before = [c for c in clauses if c.index < clause.index][::-1]
    after = [c for c in clauses if c.index > clause.index]
    for other in before + after:
        tense = _finite_tense(tokens, other, set(), cues)
        if tense is not None:
            return tense
    return None


def _has_any(tokens: list[Token], clause: Clause, words: frozenset[str]) -> bool:
    return any(tokens[i].lower in words for i in range(clause.start, clause.end))
