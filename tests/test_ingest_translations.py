"""Translated copies are linked to their original and count once as an independent source."""
from datetime import date
from pathlib import Path

from eventwire.consolidate.copies import translated_original
from eventwire.pipeline import ingest
from eventwire.store import EventFilter, Store

ROOT = Path(__file__).resolve().parents[1]


def test_german_and_english_seed_are_one_independent_source(tmp_path):
    store = Store(tmp_path / "s")
    summary = ingest([str(ROOT / "examples" / "seed_de_dayfr.txt")], store, published=date(2024, 10, 8))
    assert summary.near_duplicates == 0
    summary = ingest([str(ROOT / "examples" / "seed_en.txt")], store, published=date(2024, 10, 8))
    assert summary.near_duplicates == 1
    strike = [e for e in store.events(EventFilter(event_type="ASSAULT", actor="UKR", recipient="PRK"))]
    assert strike
    event = strike[0]
    assert (event["num_articles"], event["num_independent"]) == (2, 1)
    assert set(event["languages"]) == {"de", "en"}
    articles = {store.article(m["article_id"])["language"]: store.article(m["article_id"])
                for m in store.mentions(EventFilter(event_id=event["event_id"]))}
    assert articles["en"]["dup_of"] == articles["de"]["id"]
    assert articles["de"]["dup_of"] is None


def test_translation_needs_another_language_and_most_events_shared():
    events = ["e1", "e2", "e3", "e4"]
    owners = {"e1": ["orig"], "e2": ["orig"], "e3": ["orig"], "e4": ["other"]}
    info = {"orig": ("en", date(2024, 10, 8)), "other": ("en", date(2024, 10, 8))}
    found = translated_original("copy", "de", date(2024, 10, 8), events, owners.get, info.get)
    assert found == "orig"
    assert translated_original("copy", "en", date(2024, 10, 8), events, owners.get, info.get) is None
    assert translated_original("copy", "de", date(2024, 11, 30), events, owners.get, info.get) is None
    assert translated_original("copy", "de", date(2024, 10, 8), events[:2], owners.get, info.get) is None
