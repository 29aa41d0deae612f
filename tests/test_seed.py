"""The seed article (German) and its English translation must yield the events an analyst codes."""
from datetime import date
from pathlib import Path

import pytest

from eventwire.coding.coder import code_text

ROOT = Path(__file__).resolve().parents[1]
SEED_DE = (ROOT / "examples" / "seed_de_dayfr.txt").read_text(encoding="utf-8")
SEED_EN = (ROOT / "examples" / "seed_en.txt").read_text(encoding="utf-8")
PUBLISHED = date(2024, 10, 8)


def countries(refs):
    return {r.country for r in refs if r.country}


def find(events, event_type, actor=None, recipient=None, **where):
    hits = []
    for e in events:
        if e.event_type != event_type:
            continue
        if actor and actor not in countries(e.actor):
            continue
        if recipient and recipient not in countries(e.recipient):
            continue
        if "polarity" in where and e.modality.polarity != where["polarity"]:
            continue
        if "speaker" in where and (e.attribution.speaker is None or e.attribution.speaker.country != where["speaker"]):
            continue
        hits.append(e)
    return hits


@pytest.fixture(scope="module", params=["de", "en"])
def seed_events(request):
    text = SEED_DE if request.param == "de" else SEED_EN
    events = code_text(text, request.param, PUBLISHED, "seed")
    return request.param, text, events


def test_evidence_offsets_point_into_the_text(seed_events):
    _, text, events = seed_events
    assert events
    for e in events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence
        assert e.evidence.trigger.split(" … ")[0] in e.evidence.sentence


def test_donetsk_strike(seed_events):
    lang, _, events = seed_events
    hits = find(events, "ASSAULT", "UKR", "PRK")
    assert hits, [(e.event_type, countries(e.actor), countries(e.recipient)) for e in events]
    e = hits[0]
    assert any(r.sector == "MIL" for r in e.recipient)
    assert e.date == "2024-10-03" and e.date_precision == "day" and e.date_source == "text"
    assert e.location is not None and e.location.name == "Donetsk" and e.location.country == "UKR"
    assert e.attribution.speaker is not None and e.attribution.speaker.country == "KOR"
    assert e.attribution.speaker.name == "Kim Yong-hyun"
    assert e.modality.certainty == "probable"
    assert any(v.country == "UKR" and v.sector == "JRN" for v in e.attribution.via)
    assert e.size.dead == 6


def test_troops_fighting_beside_russia(seed_events):
    _, _, events = seed_events
    hits = find(events, "COOPERATE", "PRK", "RUS", speaker="KOR")
    assert hits
    assert hits[0].modality.certainty == "probable"
    assert "military" in hits[0].mode + hits[0].context


def test_denial_of_arms_supply(seed_events):
    _, _, events = seed_events
    denied = find(events, "AID", "PRK", "RUS", polarity="denied", speaker="PRK")
    assert denied
    assert denied[0].attribution.cue


def test_partnership_agreed_in_june(seed_events):
    _, _, events = seed_events
    hits = [e for e in events if e.event_type in {"AGREE", "COOPERATE"}
            and {"PRK", "RUS"} <= countries(e.actor) | countries(e.recipient)
            and e.date == "2024-06-01"]
    assert hits
    assert hits[0].date_precision == "month"
    names = {r.name for r in hits[0].actor + hits[0].recipient}
    assert {"Kim Jong Un", "Vladimir Putin"} <= names


def test_accusation_and_both_denials(seed_events):
    _, _, events = seed_events
    assert find(events, "ACCUSE", "KOR", "PRK")
    claim = find(events, "AID", "PRK", "RUS", polarity="asserted", speaker="KOR")
    assert claim and claim[0].modality.certainty in {"probable", "possible"}
    deniers = {e.attribution.speaker.country for e in find(events, "AID", "PRK", "RUS", polarity="denied")}
    assert {"PRK", "RUS"} <= deniers


def test_veto_in_march(seed_events):
    _, _, events = seed_events
    hits = find(events, "REJECT", "RUS", "UNO")
    assert hits
    assert hits[0].date == "2024-03-01" and hits[0].date_precision == "month"


def test_thanks(seed_events):
    _, _, events = seed_events
    assert find(events, "SUPPORT", "PRK", "RUS")


def test_more_troops_expected(seed_events):
    lang, _, events = seed_events
    future = [e for e in events if "PRK" in countries(e.actor) and e.modality.tense == "future"
              and e.event_type in {"MOBILIZE", "AID"}]
    assert future
    assert future[0].attribution.speaker is not None and future[0].attribution.speaker.country == "KOR"


def test_record_matches_contract(seed_events):
    _, _, events = seed_events
    keys = {"id", "article_id", "language", "event_type", "mode", "context", "actor", "recipient", "date",
            "date_precision", "date_text", "date_source", "location", "attribution", "modality", "size",
            "evidence", "cameo", "quad_code", "intensity", "confidence"}
    for e in events:
        record = e.to_json()
        assert keys <= set(record)
        assert record["quad_code"] in {1, 2, 3, 4}
        assert 0 < record["confidence"] < 1
        assert set(record["modality"]) >= {"polarity", "certainty", "tense", "hedge"}
