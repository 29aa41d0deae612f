"""The PLOVER manual's COERCE ambiguity: combatants captured by armed forces are ASSAULT abduct, while
an arrest of anyone else stays COERCE arrest; a later "die Festgenommenen" still restates the arrest."""
from datetime import date

import pytest

from coding_helpers import first_of_type
from eventwire.coding.coder import code_text


@pytest.mark.parametrize("text,lang", [
    ("Malische Soldaten haben im Norden mutmaßliche Kämpfer festgenommen.", "de"),
    ("Nigerian soldiers arrested twelve Boko Haram fighters near Maiduguri on Monday.", "en"),
])
def test_soldiers_capturing_fighters_abduct_them(text, lang):
    event = first_of_type(code_text(text, lang, date(2016, 3, 1), "t"), "ASSAULT")
    assert event.mode == ["abduct"] and event.cameo == "181"
    assert event.actor[0].sector == "MIL" and event.recipient[0].sector in {"REB", "MIL"}
    assert any("abducted, not arrested" in step.rule for step in event.trace)


@pytest.mark.parametrize("text,lang", [
    ("Die Polizei hat in Wien zwei Demonstranten festgenommen.", "de"),
    ("Police in Lagos arrested two bank robbers on Monday.", "en"),
])
def test_other_arrests_stay_arrests(text, lang):
    events = code_text(text, lang, date(2016, 3, 1), "t")
    assert "arrest" in first_of_type(events, "COERCE").mode
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_a_later_reference_to_the_captured_still_finds_the_arrest():
    text = ("Malische Soldaten haben mutmaßliche Kämpfer festgenommen. "
            "Unter den Festgenommenen sei ein radikaler Prediger von der Elfenbeinküste.")
    events = code_text(text, "de", date(2016, 3, 1), "t")
    first = first_of_type(events, "ASSAULT")
    later = [e for e in events if e.evidence.start > first.evidence.start]
    assert later and later[0].actor[0].country == "MLI"
