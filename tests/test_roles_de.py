"""German role assignment: who acts and who is acted upon, in sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from coding_helpers import first_of_type, parties

from eventwire.coding.coder import code_text

PUBLISHED = date(2024, 10, 8)


def _roles(text: str, event_type: str) -> tuple[list[str | None], list[str | None]]:
    events = [e for e in code_text(text, "de", PUBLISHED) if e.event_type == event_type]
    assert events, f"no {event_type} event coded in: {text}"
    event = events[0]
    return [a.country for a in event.actor], [r.country for r in event.recipient]


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # inverted subject after an adverbial, object between the verb and its particle
    ("Am Montag griff Russland die Ukraine an.", "ASSAULT", ["RUS"], ["UKR"]),
    # dative object of a split verb of accusing
    ("Frankreich wirft Russland vor, Kiew mit Raketen beschossen zu haben.", "ACCUSE", ["FRA"], ["RUS"]),
    # fronted prepositional object, subject after the finite verb (support intended: AGREE)
    ("Für die Ukraine will sich Frankreich weiter einsetzen.", "AGREE", ["FRA"], ["UKR"]),
    # direct object before a clause-final participle wins over a phrase after "nach"
    ("In der Nacht hatten ukrainische Truppen nach Angaben aus Kiew russische Soldaten getötet.",
     "ASSAULT", ["UKR"], ["RUS"]),
    # both sides after "zwischen" act together
    ("Seit Freitag gilt eine Waffenruhe zwischen Armenien und Aserbaidschan.", "RETREAT", ["ARM", "AZE"], []),
    # hyphen compounds: the head names the party, a role suffix only the sector
    ("US-Einheiten haben am Montag IS-Kämpfer in Syrien angegriffen.", "ASSAULT", ["USA"], ["IMG"]),
    # a scare-quoted verb stays in its clause: the subject of "eine Offensive überwachen" leads it
    ('Die Bundesregierung will eine Offensive gegen Russland "überwachen".', "ASSAULT", ["DEU"], ["RUS"]),
])
def test_main_clause_roles(text, event_type, actor, recipient):
    assert _roles(text, event_type) == (actor, recipient)


def test_subject_relative_pronoun_takes_its_antecedent_as_actor():
    actor, recipient = _roles("Der Präsident verurteilte Russland, das am Montag die Ukraine angegriffen hatte.",
                              "ASSAULT")
    assert (actor, recipient) == (["RUS"], ["UKR"])


def test_passive_relative_clause_acts_on_its_antecedent():
    actor, recipient = _roles("Die Armee verteidigt die Stadt Charkiw, die seit Wochen von Russland angegriffen wird.",
                              "ASSAULT")
    assert (actor, recipient) == (["RUS"], ["UKR"])


def test_infinitive_clause_takes_the_accused_as_actor():
    text = "Frankreich wirft Russland vor, die Ukraine mit Raketen beschossen zu haben."
    assault = [e for e in code_text(text, "de", PUBLISHED) if e.event_type == "ASSAULT"]
    assert [a.country for a in assault[0].actor] == ["RUS"]
    assert [r.country for r in assault[0].recipient] == ["UKR"]


def test_purpose_clause_keeps_the_subject_before():
    actor, _ = _roles("Die Regierung in Minsk sagte, Russland habe Soldaten nach Belarus geschickt, "
                      "um die Ukraine anzugreifen.", "ASSAULT")
    assert actor == ["RUS"]


def test_parenthesised_abbreviation_stays_with_its_subject():
    actor, recipient = _roles("Die Afrikanische Union (AU) verurteilte Ruanda scharf.", "ACCUSE")
    assert (actor, recipient) == (["IGO"], ["RWA"])


def test_fight_with_a_group_names_it_as_a_party_when_the_victims_are_the_subject():
    actor, _ = _roles("Bei einem Feuergefecht mit den Taliban wurden am Montag drei Polizisten getötet.", "ASSAULT")
    assert actor == ["AFG"]


def test_place_after_a_place_noun_is_where_not_who():
    text = "Bei Kämpfen in der Grenzregion Kursk hat die Ukraine russische Soldaten getötet."
    actor, recipient = _roles(text, "ASSAULT")
    assert (actor, recipient) == (["UKR"], ["RUS"])


def test_passive_subject_before_an_apposition_is_the_target():
    text = ("Am Montag wurde der Kommandeur der Hisbollah, Ali Karaki, bei einem Luftangriff der israelischen "
            "Armee getötet.")
    actor, recipient = _roles(text, "ASSAULT")
    assert (actor, recipient) == (["ISR"], ["LBN"])


def test_attack_from_a_place_is_carried_out_from_there():
    actor, _ = _roles("Die Regierung verurteilte den Raketenangriff aus dem Libanon.", "ASSAULT")
    assert actor == ["LBN"]


def test_relative_clause_after_a_verb_particle_refers_back_past_it():
    text = "Die Polizei fahndet nach dem Syrer weiter, der am Sonntag einen französischen Polizisten erstochen hatte."
    assert _roles(text, "ASSAULT") == (["SYR"], ["FRA"])


def test_an_attack_after_nach_is_an_earlier_act_of_its_own():
    events = [e for e in code_text("Nach dem Angriff auf Kiew hat die Ukraine Russland mit Drohnen angegriffen.",
                                   "de", PUBLISHED) if e.event_type == "ASSAULT"]
    pairs = [([a.country for a in e.actor], [r.country for r in e.recipient]) for e in events]
    assert pairs == [([], ["UKR"]), (["UKR"], ["RUS"])]


@pytest.mark.parametrize("text, actor", [
    ("Frankreich verurteilte den jüngsten Angriff auf Kiew.", []),  # who condemns did not attack
    ("Russland startete einen Angriff auf Kiew.", ["RUS"]),  # a verb of carrying the attack out
])
def test_subject_of_a_verb_about_an_attack_noun(text, actor):
    assert _roles(text, "ASSAULT") == (actor, ["UKR"])


def test_cities_of_the_story_give_its_role_nouns_a_country():
    text = ("Aleppo – In Aleppo ist ein Krankenhaus zerstört worden. Die Regierungstruppen griffen "
            "die Stadt Aleppo in der Nacht erneut an.")
    events = [e for e in code_text(text, "de", PUBLISHED) if e.evidence.trigger == "griffen … an"]
    assert [a.country for a in events[0].actor] == ["SYR"]


def test_agent_of_a_condemned_act_and_a_pronoun_for_the_one_who_condemned_it():
    text = ("Der UN-Generalsekretär verurteilte die Bombardierungen durch russische Truppen. "
            "Er rief die Ukraine zu Verhandlungen auf.")
    assert _roles(text, "ASSAULT") == (["RUS"], [])
    assert _roles(text, "REQUEST") == (["UNO"], ["UKR"])


def test_who_suffers_wounds_is_the_one_attacked():
    assert _roles("Eine ukrainische Soldatin erlitt am Montag schwere Stichwunden.", "ASSAULT") == ([], ["UKR"])


def test_subordinate_clause_after_ehe_has_its_own_subject():
    text = "Ein Israeli wurde verletzt, ehe ukrainische Wachleute den russischen Angreifer mit Schüssen stoppten."
    assert _roles(text, "ASSAULT") == (["UKR"], ["RUS"])


@pytest.mark.parametrize("text, lang", [
    ("Der UN-Sondergesandte forderte die Konfliktparteien auf, die Angriffe sofort einzustellen.", "de"),
    ("Der UN-Sondergesandte forderte die Konfliktparteien auf, die Angriffe sofort zu beenden.", "de"),
    ("The UN envoy called on the warring parties to stop the attacks at once.", "en"),
])
def test_an_act_called_for_is_not_an_event(text, lang):
    # "zu" may stand inside the verb ("einzustellen"): the attacks are demanded, not reported
    types = [e.event_type for e in code_text(text, lang, date(2024, 10, 8), "t")]
    assert "REQUEST" in types and "ASSAULT" not in types


@pytest.mark.parametrize("text, lang, actor", [
    ("Bei Einsätzen in der Region seien 15 Jihadisten festgenommen worden, sagte ein malischer Offizier.",
     "de", ["MLI"]),
    ("Fifteen militants were arrested in the raid, a Malian army officer said.", "en", ["MLI"]),
    # its own losses: the army that reports them did not cause them
    ("Drei Soldaten seien getötet worden, sagte ein malischer Offizier.", "de", []),
])
def test_a_state_force_reporting_an_agentless_act_of_force_did_it(text, lang, actor):
    events = [e for e in code_text(text, lang, PUBLISHED) if e.event_type in {"ASSAULT", "COERCE"}]
    assert events and [a.country for a in events[0].actor] == actor


@pytest.mark.parametrize("text, lang, event_type, actor", [
    ("The United States, in turn, imposed sanctions on Iran.", "en", "SANCTION", ["USA"]),
    ("Germany, for its part, condemned the attack.", "en", "ACCUSE", ["DEU"]),
    ("UN officials, however, complained that they had to work with partners approved by Damascus.",
     "en", "ACCUSE", ["UNO"]),
    ("Die USA, ihrerseits, verhängten Sanktionen gegen den Iran.", "de", "SANCTION", ["USA"]),
    ("Russland, allerdings, lehnte den Vorschlag ab.", "de", "REJECT", ["RUS"]),
])
def test_subject_before_an_inserted_adverb_acts(text, lang, event_type, actor):
    # the commas around "in turn" / "ihrerseits" end no clause: the subject before them is the actor
    events = [e for e in code_text(text, lang, PUBLISHED) if e.event_type == event_type]
    assert events and [a.country for a in events[0].actor] == actor


@pytest.mark.parametrize("text, lang, event_type, actor, recipient", [
    ("Russia, which backs the Syrian government, bombed rebel positions in Aleppo.", "en", "ASSAULT",
     ["RUS"], ["SYR"]),
    ("Turkey, a NATO member, shelled Kurdish positions in Syria.", "en", "ASSAULT", ["TUR"], ["SYR"]),
    # a verb of saying that is an act: the mention after it is its object, not an inverted speaker
    ("China, which has close ties with Pakistan, criticised India.", "en", "ACCUSE", ["CHN"], ["IND"]),
    ("Russland, das die syrische Regierung unterstützt, bombardierte Stellungen der Rebellen in Aleppo.",
     "de", "ASSAULT", ["RUS"], ["SYR"]),
    ("Die Türkei, ein NATO-Mitglied, beschoss kurdische Stellungen in Syrien.", "de", "ASSAULT", ["TUR"],
     ["SYR"]),
    ("China, das enge Beziehungen zu Pakistan unterhält, kritisierte Indien.", "de", "ACCUSE", ["CHN"],
     ["IND"]),
    # a participle opening or closing the insertion ("elected in 2022", "2022 gewählt")
    ("Lula, elected in 2022, met the Chinese foreign minister on Friday.", "en", "CONSULT", ["BRA"], ["CHN"]),
    ("Turkey, backed by NATO, shelled Kurdish positions in Syria.", "en", "ASSAULT", ["TUR"], ["SYR"]),
    ("Lula, 2022 gewählt, traf am Freitag den chinesischen Außenminister.", "de", "CONSULT", ["BRA"], ["CHN"]),
    ("Lula, gewählt im Jahr 2022, traf am Freitag den chinesischen Außenminister.", "de", "CONSULT", ["BRA"],
     ["CHN"]),
    # a split verb whose object stands inside it, and a noun trigger whose target is named after it
    ("Russland, eine Atommacht, griff die Ukraine an.", "de", "ASSAULT", ["RUS"], ["UKR"]),
    ("Estland, ein kleines Land in Nordeuropa, hat einen Cyberkrieg gegen Russland begonnen.", "de", "COERCE",
     ["EST"], ["RUS"]),
    ("Estonia, a small but strong country in Northern Europe, has launched cyber warfare against Russia.", "en",
     "COERCE", ["EST"], ["RUS"]),
])
def test_subject_before_an_inserted_clause_acts(text, lang, event_type, actor, recipient):
    # a relative clause or an apposition between subject and verb names no party of the act
    events = [e for e in code_text(text, lang, PUBLISHED) if e.event_type == event_type]
    assert events, f"no {event_type} in: {text}"
    assert [a.country for a in events[0].actor] == actor
    assert recipient[0] in [r.country for r in events[0].recipient]


@pytest.mark.parametrize("text, lang, event_type, actor, recipient", [
    ("Germany expelled two Russian diplomats on Wednesday.", "en", "SANCTION", ["DEU"], ["RUS"]),
    ("Israel released 20 Palestinian prisoners on Monday.", "en", "RETREAT", ["ISR"], ["PSE"]),
    ("Deutschland wies zwei russische Diplomaten aus.", "de", "SANCTION", ["DEU"], ["RUS"]),
    ("Mali hat den französischen Botschafter ausgewiesen.", "de", "SANCTION", ["MLI"], ["FRA"]),
    # the actor's own forces are no target
    ("The United States withdrew 2,000 American troops from Syria.", "en", "RETREAT", ["USA"], []),
])
def test_object_noun_of_a_trigger_pattern_is_the_recipient(text, lang, event_type, actor, recipient):
    # "expelled … diplomats": the demonym before the pattern's object noun names whom the act hits
    events = [e for e in code_text(text, lang, PUBLISHED) if e.event_type == event_type]
    assert events, f"no {event_type} in: {text}"
    assert [a.country for a in events[0].actor] == actor
    assert [r.country for r in events[0].recipient if r.country] == recipient


@pytest.mark.parametrize("text, lang, actor", [
    ("Die Militärjunta in Mali wies den französischen Botschafter aus.", "de", ["MLI"]),
    ("Die Regierung in Kiew lehnte Verhandlungen mit Moskau ab.", "de", ["UKR"]),
    ("The junta in Mali expelled the French ambassador.", "en", ["MLI"]),
    ("The government in Kabul rejected the talks.", "en", ["AFG"]),
])
def test_an_institution_seated_in_a_state_belongs_to_it(text, lang, actor):
    # "die Regierung in Kiew" is one actor, Ukraine's government, not a government and a place
    events = code_text(text, lang, PUBLISHED)
    assert events and [a.country for a in events[0].actor] == actor


@pytest.mark.parametrize("text, lang", [
    ("Police detained more than 200 opposition supporters in Minsk.", "en"),
    ("Die Polizei nahm in Minsk mehr als 200 Anhänger der Opposition fest.", "de"),
])
def test_the_only_country_named_is_the_focus_of_a_state_organ(text, lang):
    # a report that names no other country: the police and the opposition in Minsk are Belarus's
    event = next(e for e in code_text(text, lang, PUBLISHED) if e.event_type == "COERCE")
    assert [a.country for a in event.actor] == ["BLR"]


@pytest.mark.parametrize("text, lang", [
    ("A suicide bomber killed 25 people at a mosque in Peshawar.", "en"),
    ("Ein Selbstmordattentäter tötete in einer Moschee in Peschawar 25 Menschen.", "de"),
    ("Gunmen abducted 40 students from a school in Peshawar.", "en"),
    ("Bewaffnete entführten in Peschawar 40 Schüler aus einer Schule.", "de"),
])
def test_civilians_hit_at_a_place_are_its_countrys(text, lang):
    event = next(e for e in code_text(text, lang, PUBLISHED) if e.event_type == "ASSAULT")
    assert [r.country for r in event.recipient] == ["PAK"]
    assert "Pes" not in event.recipient[0].text  # the victims keep their own words


def test_a_genitive_inside_the_target_is_not_the_attacker():
    # "der Hamas-Bewegung" owns the camp that was attacked; "Bei dem Angriff" restates the army's attack
    text = ("Die israelische Armee hat einen Vergeltungsangriff gestartet. Bei dem Angriff auf ein Trainingslager "
            "des bewaffneten Arms der Hamas-Bewegung seien am Freitagabend zwei Menschen verletzt worden.")
    restated = [e for e in code_text(text, "de", PUBLISHED) if e.event_type == "ASSAULT"][-1]
    assert [a.country for a in restated.actor] == ["ISR"]
    # an origin between the parts of a split trigger still acts
    assert _roles("Eine Rakete aus dem Gazastreifen ist im Süden Israels eingeschlagen.", "ASSAULT")[0] == ["PSE"]


@pytest.mark.parametrize("text, lang, pairs", [
    ("Russian troops attacked Kharkiv and Ukrainian drones struck Belgorod.", "en",
     [(["RUS"], ["UKR"]), (["UKR"], ["RUS"])]),
    ("Israel bombed Gaza and Hamas fired rockets at Tel Aviv.", "en", [(["ISR"], ["PSE"]), (["PSE"], ["ISR"])]),
    ("Russische Truppen griffen Charkiw an und ukrainische Drohnen trafen Belgorod.", "de",
     [(["RUS"], ["UKR"]), (["UKR"], ["RUS"])]),
    ("Israel bombardierte Gaza und die Hamas feuerte Raketen auf Tel Aviv.", "de",
     [(["ISR"], ["PSE"]), (["PSE"], ["ISR"])]),
])
def test_a_coordinated_clause_with_its_own_subject_is_its_own_act(text, lang, pairs):
    # "and" + a new subject + its verb: two attacks, each with its own attacker and target
    assert [parties(e) for e in code_text(text, lang, PUBLISHED) if e.event_type == "ASSAULT"] == pairs


@pytest.mark.parametrize("text, lang, actor", [
    ("Protesters and police clashed in Tbilisi.", "en", [None, "GEO"]),
    ("The UN urged the United States and Russia to end the violence.", "en", ["UNO"]),
    ("Demonstranten und Polizisten lieferten sich in Tiflis Straßenschlachten.", "de", [None, "GEO"]),
])
def test_coordinated_nouns_stay_one_phrase(text, lang, actor):
    events = code_text(text, lang, PUBLISHED)
    assert events and [a.country for a in events[0].actor] == actor


@pytest.mark.parametrize("text, lang", [
    ("Israel has not yet commented on the attack.", "en"),
    ("Israel hat bislang keine Stellung zu dem Angriff genommen.", "de"),
    ("Russland reagierte nicht auf den Angriff.", "de"),
])
def test_an_act_only_commented_on_is_not_the_commenters_or_negated(text, lang):
    # the attack is talked about: its commenter did not carry it out, and "not" negates the comment
    assert not [e for e in code_text(text, lang, PUBLISHED)
                if e.event_type == "ASSAULT" and (e.actor or e.modality.polarity == "negated")]


@pytest.mark.parametrize("text, lang", [
    ("Israel responded to the attack with airstrikes on Gaza.", "en"),
    ("Israel reagierte auf den Angriff mit Luftangriffen auf Gaza.", "de"),
])
def test_a_response_in_kind_is_the_responders_act(text, lang):
    assert [parties(e) for e in code_text(text, lang, PUBLISHED) if e.event_type == "ASSAULT"] == [(["ISR"], ["PSE"])]


@pytest.mark.parametrize("text, lang", [
    ("The World Bank suspended its lending to Niger after the coup.", "en"),
    ("Die Weltbank setzte nach dem Putsch ihre Kredite an Niger aus.", "de"),
])
def test_an_act_after_which_the_subject_acts_is_not_the_subjects(text, lang):
    # the coup the bank responds to is not the bank's: it is made by the state's own forces
    coup = next(e for e in code_text(text, lang, PUBLISHED) if e.event_type == "ASSAULT")
    assert [a.country for a in coup.actor] == ["NER"]


@pytest.mark.parametrize("text, lang", [
    ("Putin begnadigte den inhaftierten amerikanischen Journalisten.", "de"),
    ("Putin pardoned the jailed American journalist.", "en"),
])
def test_a_participle_before_an_adjective_and_noun_is_no_act(text, lang):
    assert [e.event_type for e in code_text(text, lang, PUBLISHED)] == ["CONCEDE"]


@pytest.mark.parametrize("text, lang, event_type, actor, recipient", [
    # German puts the finite verb second: after a fronted adverbial its subject follows it
    ("Bei dem Anschlag am 7. Oktober 2023 töteten Hamas-Kämpfer rund 1200 Menschen.", "de", "ASSAULT", ["PSE"],
     [None]),
    ("In the attack on October 7, 2023, Hamas fighters killed around 1,200 people.", "en", "ASSAULT", ["PSE"], []),
    ("Am 3. März trafen sich Putin und Xi in Moskau.", "de", "CONSULT", ["CHN"], ["RUS"]),
    ("On March 3, Putin and Xi met in Moscow.", "en", "CONSULT", ["CHN"], ["RUS"]),
    # a coordinated subject inside a split trigger acts jointly
    ("Ende Oktober unterzeichneten Armenien und Aserbaidschan ein Abkommen.", "de", "SUPPORT", ["ARM", "AZE"], []),
    ("At the end of October, Armenia and Azerbaijan signed an agreement.", "en", "SUPPORT", ["ARM", "AZE"], []),
])
def test_the_subject_after_a_fronted_adverbial(text, lang, event_type, actor, recipient):
    assert parties(first_of_type(code_text(text, lang, PUBLISHED), event_type)) == (actor, recipient)


@pytest.mark.parametrize("text, lang, event_type, actor, recipient", [
    # after a noun of force or coercion only an armed party acts; anyone else is what the act is done to
    ("Studenten protestierten gegen die Bombardierung der chinesischen Botschaft in Belgrad.", "de", "ASSAULT",
     [None], ["CHN"]),
    ("Students protested against the bombing of the Chinese embassy in Belgrade.", "en", "ASSAULT", [None], ["CHN"]),
    ("Die Festnahme des französischen Journalisten verärgerte Paris.", "de", "COERCE", [], ["FRA"]),
    ("The arrest of the French journalist angered Paris.", "en", "COERCE", [], ["FRA"]),
    ("Der Angriff der syrischen Armee tötete zehn Menschen.", "de", "ASSAULT", ["SYR"], [None]),
    ("The attack of the Syrian army killed ten people.", "en", "ASSAULT", ["SYR"], [None]),
])
def test_the_phrase_after_a_noun_of_force_is_its_target_unless_armed(text, lang, event_type, actor, recipient):
    assert parties(first_of_type(code_text(text, lang, PUBLISHED), event_type)) == (actor, recipient)


@pytest.mark.parametrize("text, lang, event_type, actor, recipient", [
    # a city after the verb's object is where the object is sent or invited, not the recipient
    ("Deutschland lud den iranischen Außenminister nach Berlin ein.", "de", "AGREE", ["DEU"], ["IRN"]),
    ("Germany invited the Iranian foreign minister to Berlin.", "en", "AGREE", ["DEU"], ["IRN"]),
    # what the trigger itself names goes to the city: it stays the recipient
    ("The European Commission suspended humanitarian aid to Kabul.", "en", "SANCTION", ["EUR"], ["AFG"]),
    ("Russland griff am Montag Kiew an.", "de", "ASSAULT", ["RUS"], ["UKR"]),
])
def test_a_city_after_the_object_is_its_destination(text, lang, event_type, actor, recipient):
    assert parties(first_of_type(code_text(text, lang, PUBLISHED), event_type)) == (actor, recipient)


@pytest.mark.parametrize("text, lang, event_type, actor", [
    # followers of a leader are civilians of the leader's country, never the leader
    ("Trump supporters stormed the Capitol.", "en", "COERCE", ("USA", "CVL", None)),
    ("Supporters of Trump stormed the Capitol.", "en", "COERCE", ("USA", "CVL", None)),
    ("Anhänger Trumps stürmten das Kapitol.", "de", "COERCE", ("USA", "CVL", None)),
    # followers of the opposition are the opposition's base
    ("Opposition supporters clashed with police in Nairobi.", "en", "ASSAULT", ("KEN", "OPP", None)),
    ("Anhänger der Opposition lieferten sich in Nairobi Straßenschlachten mit der Polizei.", "de", "PROTEST",
     ("KEN", "OPP", None)),
])
def test_supporters_are_not_the_leader_they_follow(text, lang, event_type, actor):
    event = first_of_type(code_text(text, lang, None), event_type)
    assert [(a.country, a.sector, a.name) for a in event.actor] == [actor]
    assert not [e for e in code_text(text, lang, None) if e.event_type == "AID"]  # "lieferten sich": no delivery


@pytest.mark.parametrize("text, lang, coded", [
    ("Protesters blocked streets in Yerevan.", "en", True),
    ("Gas containers exploded in a garage in the 7600 block of 25th Street in Milan.", "en", False),
])
def test_blocking_streets_is_a_protest_a_city_block_is_not(text, lang, coded):
    assert any(e.event_type == "PROTEST" for e in code_text(text, lang, None)) == coded


@pytest.mark.parametrize("text, lang, event_type, recipient_sector", [
    # the noun that closes a verb+object pattern is the act's object, with or without a country
    ("Protesters stormed the parliament.", "en", "COERCE", "LEG"),
    ("Demonstranten stürmten das Parlament.", "de", "COERCE", "LEG"),
    ("Police beat students.", "en", "ASSAULT", "EDU"),
])
def test_the_object_closing_a_trigger_is_its_recipient(text, lang, event_type, recipient_sector):
    event = first_of_type(code_text(text, lang, None), event_type)
    assert [r.sector for r in event.recipient] == [recipient_sector]
