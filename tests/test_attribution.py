"""According to whom and how sure: attribution, modality and denials in de, en, es and fr."""
from datetime import date

import pytest
from coding_helpers import first_of_type as only

from eventwire.coding.coder import code_text

DAY = date(2024, 10, 8)


def code(text, lang):
    return code_text(text, lang, DAY, "t")


def test_reported_speech_in_the_next_sentence_he_added():
    events = code("Russian forces attacked Kharkiv overnight, Ukrainian President Volodymyr Zelensky said. "
                  "He added that Russian troops had also shelled the city of Sumy.", "en")
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert len(attacks) >= 2
    for e in attacks:
        assert e.attribution.speaker is not None and e.attribution.speaker.country == "UKR"


def test_a_say_word_after_a_determiner_or_preposition_is_a_noun_not_a_speaker_cue():
    # "into claims that": the military police investigate; they are no speaker of the claims
    inquiry = only(code("British military police have launched an investigation into claims that two "
                        "servicemen abused children in Afghanistan, the defence ministry said today.", "en"),
                   "ACCUSE")
    assert inquiry.actor[0].country == "GBR" and inquiry.actor[0].sector == "COP"
    # the verb still introduces its speaker
    shelling = only(code("Russia claims that Ukraine shelled the plant.", "en"), "ASSAULT")
    assert shelling.attribution.speaker.country == "RUS"


def test_a_say_word_heading_a_noun_phrase_is_no_speaker_cue():
    # "an Israeli army post": the army is the target, not the speaker of a post
    attack = only(code("Hezbollah said it had attacked an Israeli army post.", "en"), "ASSAULT")
    assert [a.country for a in attack.actor] == ["LBN"] and [r.country for r in attack.recipient] == ["ISR"]
    assert attack.attribution.speaker.country == "LBN"
    # an inflected verb after its subject still introduces the speaker
    posted = only(code("The Israeli army posted that Hezbollah had attacked the base.", "en"), "ASSAULT")
    assert posted.attribution.speaker.country == "ISR"


@pytest.mark.parametrize("text, lang", [
    ("The Taliban claimed on their website to have shot down the helicopter.", "en"),
    ("Die Taliban behaupteten, den Hubschrauber abgeschossen zu haben.", "de"),
])
def test_an_infinitive_after_a_verb_of_saying_is_the_speakers_act(text, lang):
    downing = only(code(text, lang), "ASSAULT")
    assert [a.country for a in downing.actor] == ["AFG"]


def test_german_pronoun_speaker_carries_over():
    events = code("Russland hat Charkiw mit Raketen angegriffen, sagte Präsident Selenskyj am Montag. "
                  "Zudem hätten russische Truppen die Stadt Sumy beschossen, fügte er hinzu.", "de")
    shelling = [e for e in events if e.event_type == "ASSAULT" and "Sumy" in e.evidence.sentence]
    assert shelling and shelling[0].attribution.speaker.country == "UKR"


def test_quote_spanning_sentences_takes_the_closing_attribution():
    events = code("„Russische Truppen haben in der Nacht Charkiw angegriffen. Sie haben auch Sumy beschossen“, "
                  "sagte der ukrainische Präsident Selenskyj.", "de")
    first = [e for e in events if "Charkiw" in e.evidence.sentence]
    assert first and first[0].attribution.speaker is not None
    assert first[0].attribution.speaker.country == "UKR"


def test_nested_attribution_media_is_the_via_not_the_speaker():
    events = code("According to Ukrainian media, South Korea's defence minister said that North Korean "
                  "soldiers were killed in a Ukrainian missile strike.", "en")
    e = only(events, "ASSAULT")
    assert e.attribution.speaker.country == "KOR" and e.attribution.speaker.sector == "GOV"
    assert [v.sector for v in e.attribution.via] == ["JRN"]


def test_denial_with_complement_is_denied_by_the_subject():
    events = code("Moskau bestreitet, dass russische Truppen Charkiw angegriffen haben.", "de")
    e = only(events, "ASSAULT")
    assert e.modality.polarity == "denied"
    assert e.attribution.speaker.country == "RUS"
    assert [d.country for d in e.modality.denied_by] == ["RUS"]


def test_negation_in_a_subordinate_clause():
    events = code("Russland erklärte, dass seine Truppen Charkiw nicht angegriffen hätten.", "de")
    e = only(events, "ASSAULT")
    assert e.modality.polarity == "negated"
    events = code("The Russian army said that its troops did not attack Kharkiv.", "en")
    assert only(events, "ASSAULT").modality.polarity == "negated"


def test_negation_in_the_main_clause_does_not_negate_the_complement():
    events = code("Die Regierung in Kiew sagte nicht, dass russische Truppen Charkiw angegriffen hätten.", "de")
    assert only(events, "ASSAULT").modality.polarity == "asserted"


@pytest.mark.parametrize("lang,text,certainty", [
    ("de", "Russische Truppen haben offenbar die ukrainische Stadt Charkiw angegriffen.", "probable"),
    ("en", "Russian troops reportedly attacked the Ukrainian city of Kharkiv.", "probable"),
    ("es", "Las tropas rusas probablemente atacaron la ciudad ucraniana de Járkov.", "probable"),
    ("fr", "Les troupes russes ont probablement attaqué la ville ukrainienne de Kharkiv.", "probable"),
    ("de", "Russische Truppen könnten Charkiw angegriffen haben.", "possible"),
    ("en", "Russian troops attacked the Ukrainian city of Kharkiv.", "certain"),
])
def test_hedges_in_four_languages(lang, text, certainty):
    e = only(code(text, lang), "ASSAULT")
    assert e.modality.certainty == certainty
    assert {a.country for a in e.actor} == {"RUS"}


@pytest.mark.parametrize("lang,text", [
    ("de", "Seoul erwartet, dass Pjöngjang weitere Truppen nach Russland entsendet."),
    ("en", "Seoul expects Pyongyang to send more troops to Russia."),
    ("es", "Se espera que Corea del Norte envíe más tropas a Rusia."),
    ("fr", "Séoul s'attend à ce que Pyongyang envoie davantage de troupes en Russie."),
])
def test_expected_acts_are_future(lang, text):
    events = [e for e in code(text, lang) if "PRK" in {a.country for a in e.actor}]
    assert events and events[0].modality.tense == "future"


def test_attribution_cues_in_spanish_and_french():
    es = only(code("Según el gobierno ucraniano, las tropas rusas atacaron Járkov.", "es"), "ASSAULT")
    assert es.attribution.speaker is not None and es.attribution.speaker.country == "UKR"
    fr = only(code("Selon le gouvernement ukrainien, les troupes russes ont attaqué Kharkiv.", "fr"), "ASSAULT")
    assert fr.attribution.speaker is not None and fr.attribution.speaker.country == "UKR"


@pytest.mark.parametrize("text,lang", [
    ("Deutschland kritisierte Russland scharf.", "de"),
    ("Germany criticized Russia.", "en"),
    ("Merkel kritisierte Putin für sein Vorgehen in der Ukraine.", "de"),
])
def test_verb_of_saying_without_reported_clause_is_the_act(text, lang):
    # nothing is reported, so the criticism itself is the event: its speaker is its actor
    events = code_text(text, lang, date(2015, 6, 1), "a1")
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert len(accuse) == 1
    assert [a.country for a in accuse[0].actor] == ["DEU"]
    assert [r.country for r in accuse[0].recipient] == ["RUS"]


@pytest.mark.parametrize("text,lang", [
    ("The German government condemned Russia's attack on Kyiv.", "en"),
    ("Die Bundesregierung verurteilte den russischen Angriff auf Kiew.", "de"),
])
def test_condemning_an_attack_accuses_the_attacker_not_the_target(text, lang):
    accuse = only(code(text, lang), "ACCUSE")
    assert [a.country for a in accuse.actor] == ["DEU"]
    assert [r.country for r in accuse.recipient] == ["RUS"]
    assault = only(code(text, lang), "ASSAULT")
    assert [r.country for r in assault.recipient] == ["UKR"]


@pytest.mark.parametrize("text,lang,event_type,tense", [
    ("Honduras is willing to withdraw its troops from the border zone.", "en", "AGREE", "future"),
    ("Russland wird seine Truppen aus Syrien abziehen.", "de", "AGREE", "future"),
    ("Russland hat seine Truppen aus Syrien abgezogen.", "de", "RETREAT", "past"),
    ("Russland wird seine Truppen nicht aus Syrien abziehen.", "de", "REJECT", "future"),
])
def test_a_promised_cooperative_act_is_an_agreement_and_a_refused_one_a_rejection(text, lang, event_type, tense):
    events = code(text, lang)
    assert [(e.event_type, e.modality.tense) for e in events] == [(event_type, tense)]


def test_denying_entry_is_a_refusal_not_a_denial():
    reject = only(code("Ukraine denied entry to an Austrian journalist.", "en"), "REJECT")
    assert [a.country for a in reject.actor] == ["UKR"]
    assert reject.modality.polarity == "asserted"


def test_a_closed_compound_source_names_its_speaker():
    event = only(code("Bamako – Malische Soldaten haben nach Armeeangaben zwei Lager der Islamisten in "
                      "Mali zerstört.", "de"), "ASSAULT")
    speaker = event.attribution.speaker
    assert speaker is not None and (speaker.country, speaker.sector) == ("MLI", "MIL")


@pytest.mark.parametrize("text,lang,speaker,addressee", [
    ("Russia must withdraw its troops from Ukraine, Germany said.", "en", "DEU", "RUS"),
    ("Nordkorea müsse zuerst abrüsten, sagte der US-Präsident.", "de", "USA", "PRK"),
])
def test_what_a_speaker_says_must_happen_is_a_demand(text, lang, speaker, addressee):
    request = only(code(text, lang), "REQUEST")
    assert [a.country for a in request.actor] == [speaker]
    assert [r.country for r in request.recipient] == [addressee]


def test_a_must_said_of_oneself_is_no_demand():
    events = code("Germany must increase its military aid to Ukraine, the German chancellor said.", "en")
    assert "REQUEST" not in {e.event_type for e in events}


@pytest.mark.parametrize("text,lang,event_type,actor,recipient", [
    ("Germany announced new sanctions against Russia.", "en", "SANCTION", "DEU", "RUS"),
    ("USAID announced a suspension of aid to Yemen.", "en", "SANCTION", "USA", None),
    ("Die EU kündigte neue Sanktionen gegen Russland an.", "de", "SANCTION", "EUR", "RUS"),
])
def test_an_announced_act_is_the_announcers(text, lang, event_type, actor, recipient):
    event = only(code(text, lang), event_type)
    assert event.actor and event.actor[0].country == actor
    if recipient:
        assert recipient in {r.country for r in event.recipient}


def test_a_speaker_phrase_that_names_a_place_speaks_for_it():
    text = ("Israel griff am Freitag ein Lager der Hamas an. Bei dem Angriff seien zwei Menschen verletzt "
            "worden, sagte ein Sprecher der Notdienste in Gaza.")
    hurt = [e for e in code(text, "de") if "Notdienste" in e.evidence.sentence]
    assert hurt and hurt[0].attribution.speaker.country == "PSE"


@pytest.mark.parametrize("text", [
    "The envoy called for the ceasefire to be revived before talks begin in May.",
    "Prime Minister Theresa May demanded that Russia withdraw its troops.",
])
def test_a_capitalised_may_is_a_month_or_a_name_not_a_hedge(text):
    event = only(code_text(text, "en", None, "t"), "REQUEST")
    assert event.modality.certainty == "certain"


def test_a_lower_case_may_still_hedges():
    event = only(code(text="The rebels may attack the city in May.", lang="en"), "ASSAULT")
    assert event.modality.certainty == "possible"


def test_an_auxiliary_of_a_later_verb_does_not_make_the_trigger_passive():
    event = only(code("The UN envoy called on Wednesday for the ceasefire to be revived.", "en"), "REQUEST")
    assert [a.country for a in event.actor] == ["UNO"] and not event.recipient


@pytest.mark.parametrize("text,lang", [
    ("North Korea condemned the drills and criticised them.", "en"),
    ("Nordkorea verurteilte die Übung und kritisierte die Übung scharf.", "de"),
])
def test_a_verb_of_saying_coordinated_with_the_act_keeps_its_speaker_as_actor(text, lang):
    # the second verb is read as a verb of saying: its speaker is still the one who condemns
    accusation = only(code(text, lang), "ACCUSE")
    assert [a.country for a in accusation.actor] == ["PRK"]


@pytest.mark.parametrize("text,lang", [
    ("Die Attacke auf das Krankenhaus in Aleppo sei empörend, kritisierte Kerry.", "de"),
    ("The attack on the hospital in Aleppo was outrageous, Kerry said.", "en"),
])
def test_a_judgement_is_the_speakers_accusation(text, lang):
    # what is judged is the subject, never the judge: the attack does not accuse Kerry
    accusations = [e for e in code(text, lang) if e.event_type == "ACCUSE"]
    assert accusations and all([a.country for a in e.actor] == ["USA"] for e in accusations)
    assert all("USA" not in {r.country for r in e.recipient} for e in accusations)


@pytest.mark.parametrize("text, lang, event_type, actor, polarity", [
    # a claim of responsibility names the claimant as the one who did it
    ("Hamas claimed responsibility for the rocket attack on Tel Aviv.", "en", "ASSAULT", ["PSE"], "asserted"),
    # "its forces" / "seine Truppen": the owner's forces
    ("Moscow denied that its forces had targeted civilians in Kharkiv.", "en", "ASSAULT", ["RUS"], "denied"),
    ("Moskau bestritt, dass seine Truppen Zivilisten in Charkiw angegriffen hätten.", "de", "ASSAULT", ["RUS"],
     "denied"),
])
def test_claimed_and_denied_acts_name_their_doer(text, lang, event_type, actor, polarity):
    event = only(code(text, lang), event_type)
    assert [a.country for a in event.actor] == actor
    assert event.modality.polarity == polarity


@pytest.mark.parametrize("text, lang", [
    ("Witnesses said police beat protesters with batons in Tbilisi.", "en"),
    ("Augenzeugen berichteten, die Polizei habe in Tiflis Demonstranten mit Schlagstöcken geschlagen.", "de"),
])
def test_witnesses_are_the_source_and_the_police_the_actor(text, lang):
    # "Witnesses" is a source of its own: the police after the verb of saying is not its inverted subject
    beating = only(code(text, lang), "ASSAULT")
    assert [a.country for a in beating.actor] == ["GEO"] and beating.actor[0].sector == "COP"
    assert beating.attribution.speaker is not None and beating.attribution.speaker.sector == "CVL"



@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # after a fronted subordinate clause the German verb comes first, its subject after it
    ("Wie die Nachrichtenagentur Anadolu meldete, beschoss die türkische Armee Stellungen der YPG.", "ASSAULT",
     ["TUR"], ["SYR"]),
    # "Laut Medienberichten" ends at the verb: the attackers after it are no source
    ("Laut Medienberichten griffen Unbekannte eine Polizeistation in Kabul an.", "ASSAULT", [None], ["AFG"]),
    # the accused act in the infinitive clause
    ("Die USA werfen dem Iran vor, die Huthi-Rebellen mit Waffen zu beliefern.", "AID", ["IRN"], ["YEM"]),
])
def test_german_sources_and_inverted_subjects(text, event_type, actor, recipient):
    event = only(code(text, "de"), event_type)
    assert [a.country for a in event.actor] == actor
    assert [r.country for r in event.recipient] == recipient


def test_a_place_beside_a_pronoun_subject_is_no_speaker():
    # "sie" reported; Istanbul is where, not a medium that carried a claim
    events = code_text("Zwei Journalisten wurden festgenommen, als sie in Istanbul über die Proteste "
                       "berichteten.", "de", date(2024, 10, 8))
    arrest = next(e for e in events if e.event_type == "COERCE")
    assert arrest.attribution.speaker is None and not arrest.attribution.via


@pytest.mark.parametrize("text, lang", [
    ("Die Polizei durchsuchte die Redaktionsräume der Zeitung.", "de"),
    ("Police raided the offices of the state news agency.", "en"),
])
def test_a_medium_named_as_a_party_is_no_channel_of_a_claim(text, lang):
    # the newspaper is what the police acted on; nobody reported anything
    event = code(text, lang)[0]
    assert [a.sector for a in event.actor] == ["COP"] and [r.sector for r in event.recipient] == ["JRN"]
    assert event.attribution.speaker is None


def test_a_medium_that_reports_stays_the_source():
    event = only(code("Wie die Zeitung Danas berichtete, nahm die Polizei zwei Aktivisten fest.", "de"), "COERCE")
    assert event.attribution.speaker is not None and event.attribution.speaker.sector == "JRN"
    assert [r.sector for r in event.recipient] == ["CVL"]
