"""Shared by the coder tests: picking the coded event a test is about."""


def first_of_type(events, event_type: str, trigger_word: str = ""):
    """The first coded event of `event_type` whose trigger contains `trigger_word`; fails the test,
    listing what was coded, when there is none."""
    hits = [e for e in events if e.event_type == event_type and trigger_word in e.evidence.trigger]
    assert hits, f"no {event_type} '{trigger_word}' in {[(e.event_type, e.evidence.trigger) for e in events]}"
    return hits[0]


def parties(event) -> tuple[list, list]:
    """The actor and recipient countries of a coded event."""
    return [a.country for a in event.actor], [r.country for r in event.recipient]
