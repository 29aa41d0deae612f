"""Within-article coreference of role nouns (nlp/annotate.py): a role noun that names no country takes the
country of another mention of the same party, and says so in its sources.  Sentences written for these
tests."""
from datetime import date

import pytest

from eventwire.coding.coder import code_text
from eventwire.nlp.annotate import COREF_SOURCE, FOCUS_SOURCE, annotate

DAY = date(2024, 10, 8)


def mention(text: str, lang: str, surface: str, sentence: int | None = None):
    doc = annotate(text, lang, DAY)
    sentences = doc.sentences if sentence is None else [doc.sentences[sentence]]
    found = [m for s in sentences for m in s.mentions if m.actor.text == surface]
    assert found, [m.actor.text for s in doc.sentences for m in s.mentions]
    return found[-1]


def test_same_role_noun_refers_back_across_sentences():
    text = ("Ein palästinensischer Angreifer hat in Hebron einen Wachmann verletzt. "
            "Zeugen berichteten von Schüssen. Der Angreifer floh danach zu Fuß.")
    m = mention(text, "de", "Angreifer", 2)
    assert m.actor.country == "PSE"
    assert any(s.startswith(COREF_SOURCE) and "same role" in s for s in m.sources)


def test_office_noun_refers_to_the_holder_named_earlier():
    text = ("Israels Ministerpräsident Benjamin Netanyahu und der palästinensische Präsident Mahmoud Abbas "
            "haben miteinander gesprochen. Das Büro teilte mit, der Ministerpräsident habe Abbas angerufen.")
    m = mention(text, "de", "Ministerpräsident", 1)
    assert m.actor.country == "ISR"
    assert "Netanyahu" in m.sources[-1]


def test_the_government_of_an_official_named_in_the_same_sentence_is_theirs():
    # the US diplomats of the sentence before are no antecedent: the Serbian minister speaks of his government
    text = ("Widerstand komme aus US-amerikanischen Diplomatenkreisen. "
            "Außenminister Ivica Dacic bestätigte, dass Jeremic keine Unterstützung der Regierung genieße.")
    assert mention(text, "de", "Regierung", 1).actor.country == "SRB"


def test_definite_noun_takes_the_latest_party_of_its_sector_family():
    text = ("Eine israelische Soldatin wurde am Morgen an einer Kreuzung angegriffen. "
            "Die Armee sperrte die Straße.")
    m = mention(text, "de", "Armee", 1)
    assert m.actor.country == "ISR"
    assert "same sector" in m.sources[-1]


def test_sector_family_reference_has_a_limited_reach():
    text = ("Eine israelische Soldatin wurde am Morgen angegriffen. Es war kalt. Es regnete. Es blieb windig. "
            "Die Armee sperrte die Straße.")
    m = mention(text, "de", "Armee", 4)
    assert not any(s.startswith(COREF_SOURCE) for s in m.sources)


def test_indefinite_and_bare_nouns_are_new_referents():
    text = ("Ein palästinensischer Angreifer hat einen Wachmann verletzt. "
            "Ein Angreifer wurde später in Ramallah gesehen.")
    m = mention(text, "de", "Ein Angreifer", 1)
    assert not any(s.startswith(COREF_SOURCE) for s in m.sources)


def test_state_organ_does_not_refer_back_to_an_international_body_or_a_named_person():
    text = ("UN-Generalsekretär Ban Ki-moon und US-Außenminister John Kerry verurteilten die Angriffe. "
            "Die Regierung wies die Vorwürfe zurück.")
    m = mention(text, "de", "Regierung", 1)
    assert m.actor.country not in {"UNO", "USA"}


def test_noun_with_its_own_owner_is_left_to_the_owner():
    text = ("Die syrische Armee rückte vor. Die Regierung von Baschar al-Assad begrüßte das.")
    m = mention(text, "de", "Regierung", 1)
    assert not any(s.startswith(COREF_SOURCE) for s in m.sources)


def test_identity_frame_gives_the_predicate_its_subject_country():
    text = "Bei den meisten getöteten Palästinensern handelte es sich um mutmaßliche Attentäter."
    m = mention(text, "de", "Attentäter")
    assert m.actor.country == "PSE"
    assert "handelte es sich um" in m.sources[-1]


def test_english_copula_gives_the_predicate_its_subject_country():
    text = "Most of the Palestinian victims were suspected attackers who stabbed Israelis."
    m = mention(text, "en", "attackers")
    assert m.actor.country == "PSE"
    assert "copula 'were'" in m.sources[-1]


def test_a_place_before_a_copula_is_no_subject():
    text = "Im Westjordanland sind Attentäter unterwegs."
    m = mention(text, "de", "Attentäter")
    assert not any(s.startswith(COREF_SOURCE) for s in m.sources)


def test_english_prefix_before_a_role_noun_names_its_country():
    m = mention("The US Secretary of State met the Jordanian king in Amman.", "en", "US Secretary of State")
    assert m.actor.country == "USA"


def test_focus_of_state_organs_is_the_country_whose_organs_the_article_names():
    # Israel and the Palestinians are named equally often: no article focus; the army and police named
    # are Israeli, so a bare "Soldaten" far from them is Israeli too
    text = ("Palästinenser protestierten im Westjordanland. Die israelische Armee rückte in Nablus ein. "
            "Israel sprach von Unruhen. Die israelische Polizei nahm Palästinenser fest. Palästinenser "
            "warfen Steine. Israel verstärkte die Grenze. Es blieb unruhig. Es regnete. Soldaten schossen.")
    m = mention(text, "de", "Soldaten")
    assert m.actor.country == "ISR"
    assert any(s.startswith(FOCUS_SOURCE) and "COP/MIL/SPY" in s for s in m.sources)


def test_event_actor_is_coded_with_the_country_of_the_earlier_mention():
    text = ("Ein palästinensischer Angreifer hat am Montag in einer Siedlung eine Israelin verletzt. "
            "Der Angreifer wurde von Wachleuten angeschossen, wie die Armee mitteilte.")
    events = code_text(text, "de", DAY, "t1")
    shot = [e for e in events if e.evidence.start > 0 and e.event_type == "ASSAULT"]
    assert shot and any(r.country == "PSE" for e in shot for r in e.recipient)


def test_german_ordinal_in_a_leader_alias_matches_the_split_period():
    m = mention("Der Außenminister traf am Montag König Abdullah II.", "de", "König Abdullah II")
    assert m.actor.country == "JOR"


def test_office_noun_reaches_further_back_than_a_generic_role_noun():
    filler = " ".join(f"Am Tag {i} blieb es ruhig." for i in range(6))
    text = ("Israels Ministerpräsident Benjamin Netanyahu sprach mit zwei israelischen Soldaten. " + filler
            + " Der Ministerpräsident reiste ab. Die Soldaten kehrten zurück.")
    assert mention(text, "de", "Ministerpräsident", 7).actor.country == "ISR"
    soldiers = mention(text, "de", "Soldaten", 8)
    assert not any(s.startswith(COREF_SOURCE) for s in soldiers.sources)


def test_adjective_and_noun_trigger_takes_its_genitive_agent():
    events = code_text("Das militärische Vorgehen der syrischen Regierungstruppen in Aleppo dauerte an.", "de", DAY)
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert assault and [a.country for a in assault[0].actor][:1] == ["SYR"]


@pytest.mark.parametrize("text,lang", [
    ("Israel hat am Freitag ein Lager der Hamas im Gazastreifen angegriffen. "
     "Bei dem Angriff wurden zwei Menschen verletzt.", "de"),
    ("Israel attacked a Hamas camp in Gaza on Friday. Two people were injured in the attack.", "en"),
])
def test_a_definite_event_noun_restates_the_reported_act_with_its_parties(text, lang):
    first, restated = [e for e in code_text(text, lang, DAY, "a1") if e.event_type == "ASSAULT"]
    assert restated.evidence.sentence != first.evidence.sentence
    assert [a.country for a in restated.actor] == ["ISR"]
    assert "PSE" in {r.country for r in restated.recipient}
    assert any("restates" in step.rule for step in restated.trace)


def test_an_indefinite_event_noun_is_a_new_act_and_takes_no_parties():
    text = ("Israel hat am Freitag ein Lager der Hamas im Gazastreifen angegriffen. "
            "Bei einem Angriff wurden in Syrien zwei Menschen verletzt.")
    later = [e for e in code_text(text, "de", DAY, "a1") if "einem Angriff" in e.evidence.sentence]
    assert all("ISR" not in {a.country for a in e.actor} for e in later)


def test_a_restated_act_is_coded_even_when_its_sentence_names_no_party():
    text = ("Israels Ministerpräsident Benjamin Netanyahu und der palästinensische Präsident Mahmoud Abbas "
            "haben am Freitag miteinander telefoniert. Eine Nachrichtenagentur bestätigte das Gespräch.")
    talks = [e for e in code_text(text, "de", DAY, "a1") if e.event_type == "CONSULT"]
    assert [e.evidence.trigger for e in talks] == ["telefoniert", "Gespräch"]
    assert [a.country for a in talks[1].actor] == ["ISR", "PSE"]


def test_what_a_victim_suffered_restates_the_act_of_its_kind():
    text = ("Ein Palästinenser hat am Montag eine israelische Soldatin mit einem Messer angegriffen. "
            "Israelische Soldaten erschossen den Angreifer. Die Soldatin erlitt Stichwunden.")
    wounds = [e for e in code_text(text, "de", DAY, "a1") if e.evidence.trigger == "Stichwunden"]
    # the knife attack, not the later shooting, caused the stab wounds
    assert wounds and [a.country for a in wounds[0].actor] == ["PSE"]


def test_a_lower_case_role_word_is_an_adjective_in_german():
    doc = annotate("Die offizielle palästinensische Nachrichtenagentur WAFA bestätigte das Gespräch.", "de", DAY)
    assert [m.actor.text for s in doc.sentences for m in s.mentions] == ["palästinensische Nachrichtenagentur WAFA"]
