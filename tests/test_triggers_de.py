"""German trigger vocabulary (issue #7): families added to de/triggers.tsv, checked on sentences
written for these tests (not taken from the development gold)."""
from __future__ import annotations

from datetime import date

import pytest

from coding_helpers import first_of_type, parties

from eventwire.coding.coder import code_text
from eventwire.coding.cues import split_verb_pattern

PUBLISHED = date(2024, 10, 8)


def _types(text: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for e in code_text(text, "de", PUBLISHED):
        found.setdefault(e.event_type, []).append(e)
    return found


@pytest.mark.parametrize("text, event_type, mode", [
    # fleeing / displacement: SANCTION expel (PLOVER manual, RETREAT ambiguity)
    ("Tausende Zivilisten flohen vor den Kämpfen der russischen Armee in die Türkei.", "SANCTION", "expel"),
    ("Die syrische Armee zwang Zehntausende Menschen zur Flucht.", "SANCTION", "expel"),
    # peace talks, ceasefire talks
    ("Israel und die Hamas nahmen in Kairo Friedensverhandlungen auf.", "CONSULT", None),
    ("Russland und die Ukraine führten in Istanbul Waffenstillstandsgespräche.", "CONSULT", None),
    # 'traf' with a person is a meeting; with a missile as subject an attack
    ("Der amerikanische Außenminister traf den chinesischen Präsidenten in Peking.", "CONSULT", None),
    ("Eine russische Rakete traf ein Wohnhaus in Charkiw.", "ASSAULT", "heavy-weapons"),
    # condemnation adjectives and phrases
    ("Die Bundesregierung nannte den Angriff Russlands auf die Ukraine empörend.", "ACCUSE", "disapprove"),
    ("Frankreich verurteilte den iranischen Angriff aufs Schärfste.", "ACCUSE", "disapprove"),
    # abduction, arrests, sieges
    ("Bewaffnete entführten in Nigeria zwei Mitarbeiter der Vereinten Nationen.", "ASSAULT", "abduct"),
    ("Die türkische Polizei nahm bei einer Verhaftungswelle hunderte Oppositionelle fest.", "COERCE", "arrest"),
    ("Die russische Armee belagert seit Wochen die ukrainische Stadt Mariupol.", "COERCE", "restrict"),
    # sanctions, aid, fighting alongside an ally
    ("Die EU beschloss ein neues Sanktionspaket gegen Russland.", "SANCTION", "discontinue"),
    ("Deutschland schickte Lebensmittelhilfe in den Gazastreifen.", "AID", None),
    ("Nordkoreanische Soldaten kämpfen an der Seite Russlands in der Ukraine.", "COOPERATE", None),
])
def test_added_german_trigger_families(text, event_type, mode):
    found = _types(text)
    assert event_type in found, f"no {event_type} in {text!r}: {sorted(found)}"
    if mode is not None:
        assert any(mode in e.mode for e in found[event_type])


@pytest.mark.parametrize("text", [
    "Die Regierung hat Maßnahmen gegen die Inflation getroffen.",
    "Der Minister traf am Montag eine Entscheidung über die Renten.",
])
def test_light_verb_treffen_is_no_meeting(text):
    assert "CONSULT" not in _types(text)


def test_forced_flight_names_the_cause_as_actor():
    events = _types("Die syrische Armee zwang Zehntausende Menschen zur Flucht.")["SANCTION"]
    assert [a.country for a in events[0].actor] == ["SYR"]


@pytest.mark.parametrize("text, lang", [
    ("Am Sonntagabend wurde eine Mutter in ihrem Haus erstochen.", "de"),
    ("A man was tortured and killed in a prison in Afghanistan.", "en"),
])
def test_a_strong_trigger_without_a_known_party_is_coded_when_the_text_dates_or_places_it(text, lang):
    assert [e.event_type for e in code_text(text, lang, PUBLISHED)] == ["ASSAULT"]


@pytest.mark.parametrize("text, lang", [
    ("Eine Mutter wurde erstochen.", "de"),  # no party, no time, no place: background, not an event record
    ("A man was tortured.", "en"),
])
def test_a_partyless_act_with_neither_time_nor_place_is_not_coded(text, lang):
    assert code_text(text, lang, PUBLISHED) == []


def _matched(text: str, lang: str = "de") -> list[str]:
    from eventwire.coding.cues import cues_for
    from eventwire.nlp.text import tokenize

    tokens = tokenize(text, lang)
    return [m.text(tokens, text) for m in cues_for(lang).find_triggers(tokens)]


def test_a_separable_particle_closes_its_clause_however_far_from_the_verb():
    # nine words between verb and particle: beyond the ordinary gap, inside one clause
    text = "Der Präsident lehnt die Entsendung von Truppen zur Stabilisierung seines Landes vehement ab."
    assert "lehnt … ab" in _matched(text)
    assert "REJECT" in _types(text)
    # a comma ends the clause: the particle after it belongs to another verb
    assert "lehnt … ab" not in _matched("Der Präsident lehnt die Entsendung von Truppen zur Stabilisierung "
                                        "seines Landes, wie er sagte, vehement ab.")
    # a particle that is no clause end ("ab dem ersten Januar") is a preposition
    assert "lehnt … ab" not in _matched("Der Präsident lehnt die Entsendung von Truppen zur Stabilisierung "
                                        "seines Landes vehement ab dem ersten Januar")



@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # split separable verbs around their object
    ("Frankreich zieht seine Truppen aus Mali ab.", "RETREAT", ["FRA"], None),
    ("Saudi-Arabien und der Iran nahmen wieder diplomatische Beziehungen auf.", "SUPPORT", ["SAU", "IRN"], None),
    ("Das Pentagon kündigte an, 3000 zusätzliche Soldaten nach Polen zu verlegen.", "MOBILIZE", ["USA"], "POL"),
    # a mediator acts; the sides it mediates between are the recipients
    ("Ägypten vermittelt zwischen Israel und der Hamas.", "CONSULT", ["EGY"], "ISR"),
    # the subject of a verb that carries out the act named by its object noun acts, also split
    ("Die EU hat die Sanktionen gegen Russland um sechs Monate verlängert.", "SANCTION", ["EUR"], "RUS"),
    ("Russland legte ein Veto gegen eine Resolution des UN-Sicherheitsrats ein.", "REJECT", ["RUS"], "UNO"),
    # "sagte … zu" is zusagen, not a verb of saying that makes Germany the speaker; a pledge of aid is AGREE
    # (manual: future cooperation), as "pledged … aid" is in English
    ("Deutschland sagte 500 Millionen Euro humanitäre Hilfe für Afghanistan zu.", "AGREE", ["DEU"], "AFG"),
    ("Das türkische Parlament stimmte dem NATO-Beitritt Schwedens zu.", "AGREE", ["TUR"], "SWE"),
    ("Frankreich schickt weitere Soldaten nach Rumänien.", "MOBILIZE", ["FRA"], None),
    # "ein Manöver abhalten" carries the manoeuvre out
    ("Russland hielt ein Marinemanöver ab.", "MOBILIZE", ["RUS"], None),
    ("Russland und China hielten ein gemeinsames Marinemanöver ab.", "COOPERATE", ["RUS", "CHN"], None),
    # freeing the abducted is a rescue (AID, manual)
    ("Die nigerianische Armee befreite 20 der entführten Schüler.", "AID", ["NGA"], None),
])
def test_split_verbs_and_their_subjects(text, event_type, actor, recipient):
    events = _types(text).get(event_type)
    assert events, f"no {event_type} in: {text}"
    assert [a.country for a in events[0].actor] == actor
    if recipient:
        assert recipient in [r.country for r in events[0].recipient]


@pytest.mark.parametrize("text, lang, event_type, actor", [
    # a sentence is a legal sanction, not a condemnation; the court in Moscow is Russia's
    ("Ein Gericht in Moskau verurteilte den Journalisten zu 16 Jahren Haft.", "de", "SANCTION", ["RUS"]),
    ("Ein Gericht in Teheran verurteilte den Aktivisten zum Tode.", "de", "SANCTION", ["IRN"]),
    ("A court in Moscow sentenced the journalist to 16 years in prison.", "en", "SANCTION", ["RUS"]),
    # suspending a broadcaster is censorship; "the broadcasts" is a noun, no reporting verb
    ("Burkina Faso's junta suspended the broadcasts of Radio France Internationale.", "en", "COERCE", ["BFA"]),
    ("Die Junta in Burkina Faso setzte die Ausstrahlung von Radio France Internationale aus.", "de", "COERCE",
     ["BFA"]),
])
def test_sentences_and_censorship(text, lang, event_type, actor):
    events = [e for e in code_text(text, lang, PUBLISHED) if e.event_type == event_type]
    assert events, f"no {event_type} in: {text}"
    assert [a.country for a in events[0].actor] == actor
    assert not any(e.event_type == "ACCUSE" for e in code_text(text, lang, PUBLISHED))



@pytest.mark.parametrize("text, lang, event_type, actor, recipient", [
    # a promised act of force is a threat; the party after "gegen"/"against" is its target
    ("Iran vowed to retaliate against Israel for the strike in Damascus.", "en", "THREATEN", ["IRN"], ["ISR"]),
    ("Der Iran kündigte Vergeltung gegen Israel für den Angriff in Damaskus an.", "de", "THREATEN", ["IRN"],
     ["ISR"]),
    ("Die Hisbollah schwor Rache.", "de", "THREATEN", ["LBN"], []),
    # tanks delivered to a party are military aid, also when only promised
    ("Germany delivered 18 Leopard tanks to Ukraine.", "en", "AID", ["DEU"], ["UKR"]),
    ("Deutschland lieferte der Ukraine 18 Leopard-Panzer.", "de", "AID", ["DEU"], ["UKR"]),
    # German "RSF" is the Sudanese Rapid Support Forces (Reporters Without Borders are "ROG")
    ("Die sudanesische Armee und die RSF einigten sich auf eine Waffenruhe.", "de", "AGREE", ["SDN", "SDN"], []),
    ("The Sudanese army and the RSF agreed to a truce.", "en", "AGREE", ["SDN", "SDN"], []),
])
def test_threats_of_retaliation_arms_deliveries_and_the_rsf(text, lang, event_type, actor, recipient):
    assert parties(first_of_type(code_text(text, lang, PUBLISHED), event_type)) == (actor, recipient)


@pytest.mark.parametrize("text, lang, event_type, actor, recipient", [
    ("China imposed tariffs of 25 percent on American cars.", "en", "SANCTION", ["CHN"], ["USA"]),
    ("China verhängte Zölle von 25 Prozent auf amerikanische Autos.", "de", "SANCTION", ["CHN"], ["USA"]),
    ("The US raised tariffs on Chinese steel.", "en", "SANCTION", ["USA"], ["CHN"]),
    ("Die USA erhöhten die Zölle auf chinesischen Stahl.", "de", "SANCTION", ["USA"], ["CHN"]),
    # split verbs whose particle makes another verb: ausliefern, abschieben, hinrichten, austauschen
    ("Poland extradited a Russian spy to Moscow.", "en", "COOPERATE", ["POL"], ["RUS"]),
    ("Polen lieferte einen russischen Spion an Moskau aus.", "de", "COOPERATE", ["POL"], ["RUS"]),
    ("Pakistan deported thousands of Afghan refugees.", "en", "COERCE", ["PAK"], ["AFG"]),
    ("Pakistan schob Tausende afghanische Flüchtlinge ab.", "de", "COERCE", ["PAK"], ["AFG"]),
    ("Der Iran richtete einen Mann hin, der wegen Spionage verurteilt worden war.", "de", "ASSAULT", ["IRN"], []),
    ("Die Ukraine und Russland tauschten 200 Kriegsgefangene aus.", "de", "RETREAT", ["UKR", "RUS"], []),
    ("Ukraine and Russia exchanged 200 prisoners of war.", "en", "RETREAT", ["UKR", "RUS"], []),
    # lifting a veto yields; stopping loans or supplies is a sanction
    ("Turkey lifted its veto on Sweden joining NATO.", "en", "CONCEDE", ["TUR"], ["SWE"]),
    ("Die Türkei gab ihr Veto gegen den NATO-Beitritt Schwedens auf.", "de", "CONCEDE", ["TUR"], ["IGO"]),
    ("The World Bank suspended its lending to Niger.", "en", "SANCTION", ["IGO"], ["NER"]),
    ("Die Weltbank setzte ihre Kredite an Niger aus.", "de", "SANCTION", ["IGO"], ["NER"]),
    ("Russland stellte die Gaslieferungen an Polen und Bulgarien ein.", "de", "SANCTION", ["RUS"], ["POL", "BGR"]),
    # "einen Haftbefehl erlassen" is issuing it: the court is the actor
    ("Der Internationale Strafgerichtshof erließ einen Haftbefehl gegen Putin.", "de", "THREATEN", ["IGO"],
     ["RUS"]),
    # a verb and its object noun: the "of" phrase belongs to the object, not to an agent
    ("Beijing banned imports of Japanese seafood.", "en", "COERCE", ["CHN"], ["JPN"]),
])
def test_trade_legal_and_split_verb_acts(text, lang, event_type, actor, recipient):
    assert parties(first_of_type(code_text(text, lang, PUBLISHED), event_type)) == (actor, recipient)


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    ("Russland hat Raketen auf die Ukraine abgefeuert.", "ASSAULT", ["RUS"], ["UKR"]),
    ("Am Montag nahmen die Rebellen die Stadt ein.", "COERCE", [None], []),
    ("Am Montag haben die Rebellen die Stadt eingenommen.", "COERCE", [None], []),
])
def test_firing_missiles_and_taking_a_town(text, event_type, actor, recipient):
    assert parties(first_of_type(code_text(text, "de", PUBLISHED), event_type)) == (actor, recipient)


@pytest.mark.parametrize("text, place", [
    ("Eine russische Rakete schlug in einem Wohnhaus in Dnipro ein.", "Dnipro"),
    ("Bei Zusammenstößen in Tripolis kamen 30 Menschen ums Leben.", "Tripoli"),
])
def test_impacts_and_deaths_in_fighting(text, place):
    # the particle "ein" closes the split verb (not the article "einem"); "ums Leben kommen" is dying
    events = [e for e in code_text(text, "de", PUBLISHED) if e.event_type == "ASSAULT"]
    assert events and events[0].location and events[0].location.name == place
    assert not events[0].evidence.trigger.endswith("einem")


@pytest.mark.parametrize("text, lang, event_type, actor, recipient", [
    # a separable verb in a main clause: the verb second, its particle closing the clause
    ("Deutschland sagte der Ukraine 500 Millionen Euro Hilfe zu.", "de", "AGREE", ["DEU"], ["UKR"]),
    ("Germany pledged 500 million euros in aid to Ukraine.", "en", "AGREE", ["DEU"], ["UKR"]),
    ("Die Europäische Union fror die Vermögen russischer Oligarchen ein.", "de", "SANCTION", ["EUR"], ["RUS"]),
    ("The European Union froze the assets of Russian oligarchs.", "en", "SANCTION", ["EUR"], ["RUS"]),
    ("Moskau sagte das Treffen mit Kiew ab.", "de", "REJECT", ["RUS"], ["UKR"]),
    ("Moscow called off the meeting with Kiev.", "en", "REJECT", ["RUS"], ["UKR"]),
    ("Soldaten eröffneten in Khartum das Feuer auf Demonstranten.", "de", "ASSAULT", ["SDN"], [None]),
    ("Soldiers opened fire on demonstrators in Khartoum.", "en", "ASSAULT", ["SDN"], [None, "SDN"]),
    ("Pakistan schloss seine Grenze zu Afghanistan.", "de", "COERCE", ["PAK"], ["AFG"]),
    ("Pakistan closed its border with Afghanistan.", "en", "COERCE", ["PAK"], ["AFG"]),
])
def test_main_clause_acts_of_separable_verbs(text, lang, event_type, actor, recipient):
    assert parties(first_of_type(code_text(text, lang, None), event_type)) == (actor, recipient)


@pytest.mark.parametrize("text, lang, event_type, tense", [
    # pledged support for a party is an endorsement (SUPPORT); pledged money or arms is AGREE, as aid is
    ("Deutschland sicherte der Ukraine seine volle Unterstützung zu.", "de", "SUPPORT", "past"),
    ("Germany pledged strong support for Ukraine.", "en", "SUPPORT", "past"),
    ("Deutschland sagte der Ukraine finanzielle Unterstützung zu.", "de", "AGREE", "past"),
    ("Germany pledged financial support to Ukraine.", "en", "AGREE", "past"),
])
def test_pledged_support_is_an_endorsement_pledged_money_an_agreement(text, lang, event_type, tense):
    event = first_of_type(code_text(text, lang, None), event_type)
    assert parties(event) == (["DEU"], ["UKR"])
    assert event.modality.tense == tense  # the pledge was made; the verb of pledging is no future of itself


@pytest.mark.parametrize("text, lang", [
    ("A Russian court found the opposition leader guilty of extremism.", "en"),
    ("Ein russisches Gericht sprach den Oppositionsführer des Extremismus schuldig.", "de"),
])
def test_a_guilty_verdict_is_a_conviction(text, lang):
    # manual: finding guilty is SANCTION convict (COERCE arrest only where a prison term is named)
    event = first_of_type(code_text(text, lang, None), "SANCTION")
    assert event.mode == ["convict"] and parties(event) == (["RUS"], [None])
    assert not [e for e in code_text(text, lang, None) if e.event_type == "COERCE"]


@pytest.mark.parametrize("text, lang, event_type, recipient", [
    # calling on the Security Council is an appeal, bringing a court in a case against a state an accusation;
    # calling a person stays a phone call
    ("Noch am Donnerstag ruft die Türkei den UN-Sicherheitsrat an.", "de", "REQUEST", "UNO"),
    ("Die Ukraine hat den UN-Sicherheitsrat angerufen.", "de", "REQUEST", "UNO"),
    ("Gambia hat den Internationalen Gerichtshof gegen Myanmar angerufen.", "de", "ACCUSE", "MMR"),
    ("Gambia took Myanmar to the International Court of Justice.", "en", "ACCUSE", "MMR"),
    ("Putin hat Netanjahu angerufen.", "de", "CONSULT", "ISR"),
])
def test_appeals_to_a_council_or_court_are_not_phone_calls(text, lang, event_type, recipient):
    events = code_text(text, lang, None)
    assert recipient in parties(first_of_type(events, event_type))[1]
    assert event_type == "CONSULT" or not [e for e in events if e.event_type == "CONSULT"]


@pytest.mark.parametrize("text, lang", [
    ("The Nigerien military suspended the constitution.", "en"),
    ("Das nigrische Militär setzte die Verfassung außer Kraft.", "de"),
    ("Das nigrische Militär hat die Verfassung außer Kraft gesetzt.", "de"),
])
def test_suspending_the_constitution_is_rule_by_force(text, lang):
    event = first_of_type(code_text(text, lang, None), "COERCE")
    assert event.mode == ["martial-law"] and parties(event)[0] == ["NER"]


@pytest.mark.parametrize("text, lang", [
    ("Es ist eine große Ehre, sagte der Generalsekretär zu Beginn seiner Rede.", "de"),  # "zu" opens a phrase
    ("Die Türkei geht gegen die verbotene Arbeiterpartei Kurdistans vor.", "de"),
    ("Turkey is fighting the banned Kurdistan Workers' Party.", "en"),
])
def test_no_act_from_a_preposition_or_an_attributive_participle(text, lang):
    types = [e.event_type for e in code_text(text, lang, None)]
    assert "AGREE" not in types and "COERCE" not in types


@pytest.mark.parametrize("text, lang, event_type", [
    ("Hisbollah-Kämpfer lieferten sich an der Grenze Gefechte mit israelischen Soldaten.", "de", "ASSAULT"),
    ("Bewaffnete zündeten in einem Dorf im Bundesstaat Plateau Häuser an.", "de", "ASSAULT"),
    ("Armed men torched houses in a village in Plateau state.", "en", "ASSAULT"),
    ("Demonstranten blockierten Straßen in La Paz.", "de", "PROTEST"),
    ("Die Behörden verboten die Oppositionspartei.", "de", "COERCE"),
    ("Riot police beat students at the university.", "en", "ASSAULT"),
    # storming a seat of power is seizing it (CAMEO 192), by soldiers or by a crowd
    ("Demonstranten stürmten das Parlamentsgebäude.", "de", "COERCE"),
    ("Demonstranten drangen in das Parlament ein.", "de", "COERCE"),
    ("Soldaten stürmten den Präsidentenpalast.", "de", "COERCE"),
    ("Protesters stormed the parliament.", "en", "COERCE"),
    ("Soldiers stormed the presidential palace.", "en", "COERCE"),
])
def test_everyday_wire_acts(text, lang, event_type):
    types = [e.event_type for e in code_text(text, lang, None)]
    assert types == [event_type]  # "lieferten sich Gefechte" is no delivery (AID)


def test_split_verb_patterns():
    assert split_verb_pattern("hilfe ... zusagen", "de") == "sagen ... hilfe ... zu"
    assert split_verb_pattern("einfrieren ... vermögen", "de") == "frieren ... vermögen ... ein"
    assert split_verb_pattern("abkommen", "de") is None  # a noun
    assert split_verb_pattern("*gas ... einzusetzen", "de") is None  # a zu-infinitive
    assert split_verb_pattern("fire", "en") is None
