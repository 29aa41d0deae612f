"""One act, one record within a sentence: two triggers of one type with the same parties are one event."""
import pytest

from eventwire.coding.coder import code_text


@pytest.mark.parametrize("text,lang", [
    ("Colonos israelíes cortaron la carretera de Jericó, en señal de protesta por la visita de Arafat.", "es"),
    ("Taliban fighters attacked Afghan soldiers in Jawzjan on Monday, killing 12 Afghan soldiers.", "en"),
    ("Taliban-Kämpfer griffen am Montag afghanische Soldaten in Jawzjan an, dabei töteten sie zwölf "
     "afghanische Soldaten.", "de"),
])
def test_one_act_named_twice_with_the_same_parties_is_one_event(text, lang):
    events = code_text(text, lang, None, "t")
    kinds = [e.event_type for e in events if e.event_type in {"PROTEST", "ASSAULT"}]
    assert len(kinds) == 1


def test_the_same_type_with_other_parties_stays_two_events():
    events = code_text("Russian troops attacked the Ukrainian town, killing five Ukrainian soldiers.", "en", None, "t")
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 2  # a town and soldiers: not one side
