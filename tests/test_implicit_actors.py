"""Roles the act itself implies: forces mobilised, tested or
exercised at a place are the host state's ("Manöver in Polen"), and a coup is made by the target
state's own military ("Putsch gegen den Präsidenten"), and who flees is driven out, not the actor."""
from datetime import date

import pytest

from coding_helpers import first_of_type
from eventwire.coding.coder import code_text


@pytest.mark.parametrize("text,lang,country", [
    ("Die Lage hat sich wegen großer Militärübungen in Polen verschärft.", "de", "POL"),
    ("Tensions rose after large-scale military exercises in Japan.", "en", "JPN"),
])
def test_mobilisation_at_a_place_is_the_host_states(text, lang, country):
    event = first_of_type(code_text(text, lang, date(2023, 5, 2), "t"), "MOBILIZE")
    assert [a.country for a in event.actor] == [country]
    assert any("where forces were mobilised" in step.rule for step in event.trace)


@pytest.mark.parametrize("text,lang", [
    ("Russische Truppen halten Manöver in Belarus ab.", "de"),
    ("Russian troops held military exercises in Belarus.", "en"),
])
def test_a_named_actor_keeps_the_mobilisation(text, lang):
    event = first_of_type(code_text(text, lang, date(2023, 5, 2), "t"), "MOBILIZE")
    assert [a.country for a in event.actor] == ["RUS"]


@pytest.mark.parametrize("text,lang", [
    ("Im Juli gab es einen Militärputsch gegen Präsident Mohamed Bazoum in Niger.", "de"),
    ("In July there was a military coup against Niger's President Mohamed Bazoum.", "en"),
])
def test_a_coup_is_made_by_the_target_states_military(text, lang):
    event = first_of_type(code_text(text, lang, date(2023, 8, 2), "t"), "ASSAULT")
    assert [(a.country, a.sector) for a in event.actor] == [("NER", "MIL")]
    assert "NER" in {r.country for r in event.recipient}


@pytest.mark.parametrize("text,lang", [
    ("Tausende Syrer flohen vor den Kämpfen in die Türkei.", "de"),
    ("Thousands of Syrians fled the violence to Turkey.", "en"),
])
def test_who_flees_is_driven_out_not_the_actor(text, lang):
    event = first_of_type(code_text(text, lang, date(2016, 2, 8), "t"), "SANCTION")
    assert event.mode == ["expel"]
    assert [r.country for r in event.recipient] == ["SYR"] and not any(a.country == "SYR" for a in event.actor)
