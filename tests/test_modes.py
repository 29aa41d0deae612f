"""Instrument words give a coded event its PLOVER mode (lexicons/en/modes.tsv)."""
from eventwire.coding.coder import code_text


def modes_of(text: str, event_type: str = "ASSAULT") -> list[str]:
    events = [e for e in code_text(text, "en", None, "t") if e.event_type == event_type]
    assert events, f"no {event_type} event coded in {text!r}"
    return events[0].mode


def test_weapon_named_in_the_sentence_sets_the_mode():
    assert "explosives" in modes_of("Militants killed two policemen when they lobbed a grenade at a police vehicle.")
    assert "aerial" in modes_of("Russian warplanes killed six civilians in Idlib on Monday.")
    assert "crowd-control" in modes_of("Police attacked the protesters with tear gas and water cannon.")


def test_no_instrument_word_no_extra_mode():
    assert modes_of("Rebels killed three soldiers in the north of the country.") == []


def test_instrument_words_of_another_type_are_ignored():
    # "riot" is a PROTEST mode: it does not turn an ASSAULT into anything
    assert "riot" not in modes_of("Riot police killed two men in the capital.")


def test_riot_police_do_not_make_a_protest_a_riot():
    assert "riot" not in modes_of("Thousands of protesters rallied outside parliament as riot police stood by.",
                                  "PROTEST")
    assert "riot" in modes_of("Violence erupted as thousands of protesters rallied outside parliament.", "PROTEST")
