"""eventwire.evaluation.dev: scoring the coder against dev gold (eval/dev/GUIDE.md format)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire.coding.coder as coder_module
from eventwire.evaluation import evaluate_dev, format_report
from eventwire.evaluation.dev import event_ok, match, side_ok, type_ok
from eventwire.records import ActorRef, Attribution, EventMention, Evidence, Modality, PlaceRef

KIEW = "Russland hat am Montag die ukrainische Hauptstadt Kiew mit Raketen angegriffen."
SECOND = "Die Bundesregierung in Berlin äußerte sich zunächst nicht."


def _entity(country, text=None, sector="GOV"):
    return {"text": text, "country": country, "sector": sector, "name": None}


def _event(event_type, actor, recipient, trigger, **extra):
    event = {"event_type": event_type, "mode": [], "actor": [_entity(c) for c in actor],
             "recipient": [_entity(c) for c in recipient],
             "attribution": {"speaker": None, "cue": None, "via": []},
             "modality": {"polarity": "asserted", "certainty": "certain", "tense": "past", "hedge": None},
             "date": None, "date_precision": None, "date_text": None, "date_source": None,
             "location": None, "trigger": trigger}
    event.update(extra)
    return event


def _sentence(sent, text, events, doc="test-de"):
    return {"doc": doc, "row": None, "sent": sent, "language": "de", "published": None,
            "text": text, "events": events}


def _write(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path):
    return _write(tmp_path / "gold.jsonl", [
        _sentence(0, KIEW, [_event("ASSAULT", ["RUS"], ["UKR"], "angegriffen")]),
        _sentence(1, SECOND, []),
    ])


def test_report_counts_and_ranges(gold):
    report = evaluate_dev(gold)
    assert report["documents"] == 1
    assert report["sentences"] == 2
    assert report["gold_events"] == 1
    assert report["predicted_events"] >= 0
    for key in ("event", "type_only"):
        scores = report[key]
        for name in ("precision", "recall", "f1"):
            assert 0.0 <= scores[name] <= 1.0
        assert scores["gold"] == 1 and scores["predicted"] == report["predicted_events"]
    # matching on type alone is looser: never fewer matches
    assert report["type_only"]["tp"] >= report["event"]["tp"]
    assert sum(row["gold"] for row in report["per_type"].values()) == 1
    assert sum(row["predicted"] for row in report["per_type"].values()) == report["predicted_events"]
    assert len(report["errors"]) == (report["gold_events"] - report["event"]["tp"]
                                     + report["predicted_events"] - report["event"]["tp"])
    text = format_report(report)
    assert "F1" in text and "ASSAULT" in text and "polarity" in text


def test_clear_kiew_attack_is_matched(gold):
    report = evaluate_dev(gold)
    assert report["event"]["tp"] == 1
    assert report["per_type"]["ASSAULT"]["tp_gold"] == 1
    assert not [e for e in report["errors"] if e["error"] == "missed"]


def test_uncodable_gold_event_lowers_recall(gold, tmp_path):
    base = evaluate_dev(gold)
    extra = evaluate_dev(_write(tmp_path / "extra.jsonl", [
        _sentence(0, KIEW, [_event("ASSAULT", ["RUS"], ["UKR"], "angegriffen")]),
        _sentence(1, SECOND, [_event("PROTEST", ["ZZA"], ["ZZB"], "äußerte")]),
    ]))
    assert extra["gold_events"] == base["gold_events"] + 1
    assert extra["event"]["tp"] == base["event"]["tp"]
    assert extra["event"]["precision"] == base["event"]["precision"]
    assert extra["event"]["recall"] <= base["event"]["recall"]
    if base["event"]["tp"]:
        assert extra["event"]["recall"] < base["event"]["recall"]
    missed = [e for e in extra["errors"] if e["error"] == "missed" and e["type"] == "PROTEST"]
    assert missed and missed[0]["doc"] == "test-de" and missed[0]["sent"] == 1
    assert missed[0]["actor"] == ["ZZA"] and missed[0]["recipient"] == ["ZZB"]


# --- matching rules, independent of the coder ------------------------------------------------

def _view(event_type, actor=(), recipient=(), types=None):
    return {"type": event_type, "types": set(types or [event_type]), "actor": set(actor),
            "recipient": set(recipient)}


def test_type_rules():
    assert type_ok(_view("ASSAULT"), _view("ASSAULT"))
    assert not type_ok(_view("ASSAULT"), _view("COERCE"))
    assert type_ok(_view("ASSAULT", types={"ASSAULT", "COERCE"}), _view("COERCE"))
    assert type_ok(_view("CONCEDE"), _view("YIELD"))
    assert type_ok(_view("RETREAT"), _view("YIELD"))
    assert not type_ok(_view("AGREE"), _view("YIELD"))


def test_side_and_event_rules():
    assert side_ok(set(), {"RUS"}) and side_ok(set(), set())
    assert side_ok({"RUS", "BLR"}, {"RUS"})
    assert not side_ok({"RUS"}, set())
    assert not side_ok({"RUS"}, {"UKR"})
    gold = _view("ASSAULT", ["RUS"], ["UKR"])
    assert event_ok(gold, _view("ASSAULT", ["RUS"], ["UKR", "POL"]))
    assert not event_ok(gold, _view("ASSAULT", ["UKR"], ["UKR"]))
    assert not event_ok(gold, _view("ASSAULT", ["RUS"], []))


def test_greedy_matching_is_one_to_one_and_prefers_exact_type():
    golds = [_view("ASSAULT", ["RUS"], ["UKR"]), _view("ASSAULT", ["RUS"], ["UKR"])]
    preds = [_view("ASSAULT", ["RUS"], ["UKR"])]
    assert len(match(golds, preds, event_ok)) == 1
    golds = [_view("COERCE", types={"COERCE", "ASSAULT"}), _view("ASSAULT")]
    preds = [_view("ASSAULT"), _view("COERCE")]
    assert sorted(match(golds, preds, event_ok)) == [(0, 1), (1, 0)]


# --- document rebuilding, sentence assignment and attribute accuracy (fake coder) ------------

def test_sentence_assignment_and_attributes(tmp_path, monkeypatch):
    first = "Russland griff Kiew an."
    second = "Die Ukraine protestierte in Genf."
    path = _write(tmp_path / "g.jsonl", [
        _sentence(1, second, [_event("PROTEST", ["UKR"], [], "protestierte",
                                     location={"text": "Genf", "name": "Geneva", "country": "CHE"})], doc="d"),
        _sentence(0, first, [_event("ASSAULT", ["RUS"], ["UKR"], "griff", date="2024-10-07")], doc="d"),
    ])
    seen = {}

    def fake_code_text(text, language, published, article_id):
        seen.update(text=text, language=language, published=published, article_id=article_id)
        start2 = text.index(second)
        return [
            EventMention(id="a", article_id=article_id, language=language, event_type="ASSAULT",
                         evidence=Evidence(0, len(first), first, "griff", 15, 20),
                         actor=[ActorRef("Russland", "RUS")], recipient=[ActorRef("Kiew", "UKR")],
                         date="2024-10-07", modality=Modality(tense="present")),
            EventMention(id="b", article_id=article_id, language=language, event_type="PROTEST",
                         evidence=Evidence(start2, start2 + len(second), second, "protestierte", 0, 0),
                         actor=[ActorRef("Ukraine", "UKR")],
                         attribution=Attribution(speaker=ActorRef("x", "DEU")),
                         location=PlaceRef("Genf", "Geneva", "CHE", None, None, None)),
        ]

    monkeypatch.setattr(coder_module, "code_text", fake_code_text)
    report = evaluate_dev(path)
    assert seen["text"] == first + "\n\n" + second  # sentences in `sent` order
    assert seen["article_id"] == "d" and seen["language"] == "de" and seen["published"] is None
    assert report["event"]["tp"] == 2 and report["event"]["f1"] == 1.0
    attrs = report["attributes"]
    assert attrs["tense"]["right"] == 1 and attrs["tense"]["scored"] == 2
    assert attrs["speaker_country"]["right"] == 1 and attrs["speaker_country"]["scored"] == 2
    assert attrs["date"]["scored"] == 1 and attrs["date"]["accuracy"] == 1.0
    assert attrs["location_country"]["scored"] == 1 and attrs["location_country"]["accuracy"] == 1.0
    assert attrs["polarity"]["accuracy"] == 1.0
