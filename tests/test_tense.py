"""Tense from verb forms, and who is speaking when no verb of saying is in the sentence.

The sentences are written for these tests; each names the grammar fact it checks."""
from datetime import date

import pytest
from coding_helpers import first_of_type

from eventwire.coding.coder import code_text

PUBLISHED = date(2024, 10, 8)


def _event(text: str, lang: str, event_type: str, trigger_word: str):
    return first_of_type(code_text(text, lang, PUBLISHED, "t"), event_type, trigger_word)


@pytest.mark.parametrize("text, event_type, trigger, tense", [
    # strong preterite with a separable prefix
    ("Frankreich übergab den Einsatz später der UNO-Truppe.", "COOPERATE", "übergab", "past"),
    # perfect: auxiliary in second position, participle at the end
    ("Die Armee hat am Montag das Dorf angegriffen.", "ASSAULT", "angegriffen", "past"),
    # a participle in -iert has no ge- and no lemma the lemmatiser knows
    ("Die Türkei hat Stellungen der PKK im Irak bombardiert.", "ASSAULT", "bombardiert", "past"),
    # a comma in a list separates the auxiliary from its participle
    ("Ein Offizier sagte, die Soldaten hätten Waffen, Sprengstoff und Fahrzeuge beschlagnahmt.",
     "COERCE", "beschlagnahmt", "past"),
    # present subjunctive of reported speech is present
    ("Die Regierung erklärte, Russland liefere weiterhin Waffen an die Rebellen.", "AID", "liefere", "present"),
    # an attributive participle is no past verb: the clause's own verb is present
    ("Die Armee greift die besetzten Gebiete an.", "ASSAULT", "greift", "present"),
    # a perfect of "werden" names a state that holds now
    ("Die Regierung behauptet, dass Pjöngjang zum wichtigsten Waffenlieferanten Moskaus geworden sei.",
     "AID", "Waffenlieferanten", "present"),
    # an infinitive takes the time of the clause it depends on
    ("Die Opposition und der Westen werfen der Armee vor, Fassbomben auf Wohnviertel abzuwerfen.",
     "ASSAULT", "Fassbomben", "present"),
])
def test_german_tense(text, event_type, trigger, tense):
    assert _event(text, "de", event_type, trigger).modality.tense == tense


@pytest.mark.parametrize("text, event_type, trigger, tense", [
    # "armed" before its noun is an adjective, "is supplying" is ongoing
    ("North Korea is supplying weapons to the Russian armed forces.", "AID", "supplying", "present"),
    # a perfect of "be" with no participle after it: a state up to now
    ("A truce between the army and the rebels has been in force for weeks.", "RETREAT", "truce", "present"),
    # a perfect with a participle is over
    ("Russia has attacked the port of Odesa.", "ASSAULT", "attacked", "past"),
    # irregular past of the clause's verb dates a noun trigger
    ("Kerry made this clear in a meeting with Abbas in Jordan.", "CONSULT", "meeting", "past"),
    # a verb coordinated after the trigger does not date it
    ("Burundi's president rejects the deployment of troops and has called the mission an invasion.",
     "REJECT", "rejects", "present"),
    # a plain verb before its object's article is finite present, and so dates the act it alleges
    ("The opposition and the West accuse the army of dropping barrel bombs on Aleppo.", "ASSAULT",
     "barrel bombs", "present"),
    # an act named under a copula is over; a state (sanctions) holds now
    ("Experts said it is the first confirmed use of mustard gas by the Syrian army.", "ASSAULT", "use", "past"),
    ("North Korea is barred from missile tests because of United Nations sanctions.", "SANCTION", "sanctions",
     "present"),
    # "is" before an -ing form is an auxiliary, not a copula
    ("North Korea is supplying weapons to Russia for the invasion of Ukraine.", "ASSAULT", "invasion", "present"),
    # a plural noun after an adjective is not a present verb
    ("There had been indiscriminate bombardments by government forces in Syria.", "ASSAULT", "bombardments", "past"),
])
def test_english_tense(text, event_type, trigger, tense):
    assert _event(text, "en", event_type, trigger).modality.tense == tense


def test_a_future_cue_that_follows_the_trigger_modifies_something_else():
    event = _event("Burundi's president rejects the planned mission of the African Union.", "en", "REJECT",
                   "rejects")
    assert event.modality.tense == "present"


def test_an_allegation_has_the_tense_of_the_saying_not_of_the_claim():
    events = code_text("Südkorea behauptet, Pjöngjang habe im Sommer Waffen an Russland geliefert.",
                       "de", PUBLISHED, "t")
    aid = next(e for e in events if e.event_type == "AID")
    accuse = next(e for e in events if e.event_type == "ACCUSE")
    assert aid.modality.tense == "past"
    assert accuse.modality.tense == "present"


def test_german_indirect_speech_continues_the_previous_speaker():
    events = code_text("Das Vorgehen der Armee sei ein Verbrechen, sagte US-Außenminister John Kerry. "
                       "Die syrische Armee greife gezielt Krankenhäuser an.", "de", PUBLISHED, "t")
    attack = next(e for e in events if e.event_type == "ASSAULT" and "greife" in e.evidence.trigger)
    assert attack.attribution.speaker is not None and attack.attribution.speaker.country == "USA"


def test_indicative_sentence_after_a_report_has_no_carried_speaker():
    events = code_text("Das Vorgehen der Armee sei ein Verbrechen, sagte US-Außenminister John Kerry. "
                       "Die syrische Armee griff am Montag Krankenhäuser an.", "de", PUBLISHED, "t")
    attack = next(e for e in events if e.event_type == "ASSAULT" and "griff" in e.evidence.trigger)
    assert attack.attribution.speaker is None


@pytest.mark.parametrize("text, lang", [
    ("Afghanistans Innenminister sagte, ein Konvoi sei von Rebellen angegriffen worden. "
     "Bei dem Gefecht wurden demnach drei Soldaten getötet.", "de"),
    ("Afghanistan's interior minister said a convoy had been attacked by rebels. "
     "According to them, three soldiers were killed in the firefight.", "en"),
])
def test_anaphoric_source_refers_to_the_source_named_before(text, lang):
    events = code_text(text, lang, PUBLISHED, "t")
    second_sentence = [e for e in events if e.evidence.start == text.index("Bei" if lang == "de" else "According")]
    assert second_sentence, events
    assert all(e.attribution.speaker is not None and e.attribution.speaker.country == "AFG"
               for e in second_sentence)


def test_participle_adjectives_are_not_verbs_of_saying_or_hedges_of_the_act():
    events = code_text("Suspected militants attacked a police station in Borno State on Monday.", "en", PUBLISHED, "t")
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.attribution.speaker is None
    assert attack.modality.certainty == "certain"
    hedged = next(e for e in code_text("The alleged attack on the convoy in Syria killed four Russian soldiers.",
                                       "en", PUBLISHED, "t") if e.event_type == "ASSAULT")
    assert hedged.modality.certainty == "possible"


@pytest.mark.parametrize("text,lang", [
    ("The Afghan government said on Wednesday it would free 1,500 Taliban prisoners.", "en"),
    ("Die afghanische Regierung sagte am Mittwoch, sie würde 1500 Taliban-Gefangene freilassen.", "de"),
])
def test_would_after_a_verb_of_saying_is_the_speakers_promise(text, lang):
    # the reported form of "will": a promise to release, which PLOVER codes as AGREE
    promise = next(e for e in code_text(text, lang, None, "t") if e.evidence.trigger.startswith(("free", "frei")))
    assert promise.event_type == "AGREE" and promise.modality.tense == "future"
    assert not promise.modality.hypothetical


@pytest.mark.parametrize("text,lang", [
    ("The government said it would free the prisoners if the rebels laid down their arms.", "en"),
    ("Die Regierung sagte, sie würde die Gefangenen freilassen, wenn die Rebellen die Waffen niederlegten.", "de"),
])
def test_would_with_a_condition_stays_hypothetical(text, lang):
    release = next(e for e in code_text(text, lang, None, "t") if e.evidence.trigger.startswith(("free", "frei")))
    assert release.modality.hypothetical and release.event_type != "AGREE"


@pytest.mark.parametrize("text,lang,hypothetical", [
    ("Iran's supreme leader warned the United States against any attack.", "en", True),
    ("Der iranische Revolutionsführer warnte die USA vor jedem Angriff.", "de", True),
    ("Iran's supreme leader condemned the attack on the embassy.", "en", False),
])
def test_an_act_named_by_any_is_no_act_in_particular(text, lang, hypothetical):
    # "any attack", "jeder Angriff" names no attack that happened
    attack = next(e for e in code_text(text, lang, None, "t") if e.event_type == "ASSAULT")
    assert attack.modality.hypothetical is hypothetical


@pytest.mark.parametrize("text,lang,event_type,polarity", [
    ("The talks between Serbia and Kosovo ended without an agreement.", "en", "AGREE", "negated"),
    ("Die Gespräche endeten ohne eine Einigung zwischen Serbien und dem Kosovo.", "de", "AGREE", "negated"),
    # "without" elsewhere in the clause leaves the act done
    ("Russia attacked the town without warning.", "en", "ASSAULT", "asserted"),
    ("Russland griff die Stadt ohne Vorwarnung an.", "de", "ASSAULT", "asserted"),
])
def test_without_negates_the_act_it_names(text, lang, event_type, polarity):
    event = next(e for e in code_text(text, lang, None, "t") if e.event_type == event_type)
    assert event.modality.polarity == polarity
