"""Rules of the annotation guide (eval/dev/GUIDE.md): a casualty tally over a stretch of time with
no perpetrator and alternatives left open are no events (§2); a meeting in one party's country is a
visit, and an organisation naming a meeting hosts it (§3)."""
from datetime import date

import pytest

from eventwire.coding.coder import code_text
from coding_helpers import first_of_type

PUBLISHED = date(2016, 1, 18)


@pytest.mark.parametrize("text,lang", [
    ("Seit Oktober wurden in Israel 176 Palästinenser und 27 Israelis getötet.", "de"),
    ("In dem Konflikt wurden in den vergangenen 30 Jahren etwa 45.000 Menschen getötet.", "de"),
    ("Im Bürgerkrieg waren zwischen 1993 und 2006 mehr als 300.000 Menschen getötet worden.", "de"),
    ("Since October, 176 Palestinians and 27 Israelis have been killed in Israel.", "en"),
    ("About 45,000 people have been killed in the conflict over the past 30 years.", "en"),
    ("More than 300,000 people were killed in the civil war between 1993 and 2006.", "en"),
])
def test_a_casualty_tally_over_a_period_is_not_an_event(text, lang):
    for published in (PUBLISHED, None):  # an undated article reads "seit Oktober" the same
        assert [e.event_type for e in code_text(text, lang, published, "t") if e.event_type == "ASSAULT"] == []


@pytest.mark.parametrize("text,lang", [
    ("Am Montag wurden in Aleppo 20 Menschen getötet.", "de"),  # one day: one act
    ("Seit Oktober haben israelische Soldaten 176 Palästinenser getötet.", "de"),  # the perpetrator is named
    ("On Monday, 20 people were killed in Aleppo.", "en"),
    ("Since October, Israeli soldiers have killed 176 Palestinians.", "en"),
])
def test_a_dated_or_perpetrated_killing_stays_an_event(text, lang):
    assert first_of_type(code_text(text, lang, PUBLISHED, "t"), "ASSAULT")


@pytest.mark.parametrize("text,lang", [
    ("Putin und Kim Jong Un führten am Mittwoch in Pjöngjang bilaterale Gespräche.", "de"),
    ("Putin and Kim Jong Un held bilateral talks in Pyongyang on Wednesday.", "en"),
])
def test_joint_talks_in_one_partys_country_make_it_the_host(text, lang):
    talks = first_of_type(code_text(text, lang, PUBLISHED, "t"), "CONSULT")
    assert [a.country for a in talks.actor] == ["RUS"]
    assert [r.country for r in talks.recipient] == ["PRK"]


@pytest.mark.parametrize("text,lang", [
    ("Putin und Kim Jong Un führten am Mittwoch in Genf Gespräche.", "de"),
    ("Putin and Kim Jong Un held talks in Geneva on Wednesday.", "en"),
])
def test_joint_talks_at_a_third_place_keep_both_as_actors(text, lang):
    talks = first_of_type(code_text(text, lang, PUBLISHED, "t"), "CONSULT")
    assert {a.country for a in talks.actor} == {"RUS", "PRK"} and talks.recipient == []


@pytest.mark.parametrize("text,lang", [
    ("Lawrow sprach am Dienstag auf einer UN-Konferenz in Genf.", "de"),
    ("Lavrov spoke on Tuesday at a UN conference in Geneva.", "en"),
])
def test_the_organisation_naming_a_meeting_hosts_it(text, lang):
    talks = first_of_type(code_text(text, lang, PUBLISHED, "t"), "CONSULT")
    assert [a.country for a in talks.actor] == ["RUS"] and [r.country for r in talks.recipient] == ["UNO"]


@pytest.mark.parametrize("text,lang", [
    ("Im gleichen Monat wurden bei Protestaktionen 155 Palästinenser getötet.", "de"),
    ("In the same month, 155 Palestinians were killed in protests.", "en"),
])
def test_those_killed_at_a_protest_are_its_protesters(text, lang):
    protest = first_of_type(code_text(text, lang, PUBLISHED, "t"), "PROTEST")
    assert [a.country for a in protest.actor] == ["PSE"] and protest.recipient == []


@pytest.mark.parametrize("text,lang", [
    ("Kiew sagte nicht, ob russische Truppen die Soldaten getötet oder gefangen genommen hatten.", "de"),
    ("Kyiv did not say whether Russian troops had killed the soldiers or taken them prisoner.", "en"),
])
def test_alternatives_left_open_are_no_event(text, lang):
    # guide §2: "ob die Landsleute getötet oder als Geiseln genommen wurden" is not coded
    assert code_text(text, lang, PUBLISHED, "t") == []


@pytest.mark.parametrize("text,lang", [
    ("Kiew sagte, russische Truppen hätten die Soldaten getötet oder gefangen genommen.", "de"),
    ("Kyiv said Russian troops had killed or captured the soldiers.", "en"),
])
def test_alternatives_stated_as_done_stay_events(text, lang):
    assert first_of_type(code_text(text, lang, PUBLISHED, "t"), "ASSAULT")


@pytest.mark.parametrize("text,lang,trigger", [
    ("Bei dem Angriff auf ein Krankenhaus in Aleppo wurden 20 Menschen getötet. "
     "Syrische Menschenrechtsgruppen machten Regierungstruppen dafür verantwortlich.", "de", "dafür"),
    ("Twenty people were killed in an attack on a hospital in Aleppo. "
     "Syrian rights groups blamed government troops for it.", "en", "for it"),
])
def test_blame_for_it_restates_the_act_with_the_blamed_as_actor(text, lang, trigger):
    # guide §2: each mention is coded, here as the blamer's claim
    restated = first_of_type(code_text(text, lang, PUBLISHED, "t"), "ASSAULT", trigger)
    assert [a.sector for a in restated.actor] == ["MIL"]
    where = {r.country for r in restated.recipient} | {restated.location.country if restated.location else None}
    assert "SYR" in where  # the act restated is the attack in Aleppo
    assert restated.attribution.speaker.country == "SYR" and restated.modality.certainty == "probable"


@pytest.mark.parametrize("text,lang", [
    ("Kerry traf den palästinensischen Präsidenten Abbas in Amman. "
     "Demnach sprachen die beiden Politiker über die jüngsten Gewalttaten.", "de"),
    ("Kerry met the Palestinian president Abbas in Amman. The two leaders talked about the recent violence.", "en"),
])
def test_the_two_leaders_are_the_parties_of_the_meeting_before(text, lang):
    talks = [e for e in code_text(text, lang, PUBLISHED, "t") if e.event_type == "CONSULT"]
    assert len(talks) == 2 and {a.country for a in talks[1].actor} == {"USA", "PSE"}
