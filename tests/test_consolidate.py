"""Consolidation: copies count once, languages merge, distinct events stay apart, incremental = batch."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from eventwire.consolidate import (Consolidator, build_events, claims, consolidate, event_records,
                                   gdelt_mentions_rows)
from eventwire.consolidate.consolidator import partition
from eventwire.consolidate.features import date_interval
from eventwire.consolidate.gdelt import GDELT_MENTIONS_COLUMNS
from eventwire.documents import build_article
from eventwire.pipeline import code_article
from eventwire.records import RawDocument
from eventwire.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED_DE = (ROOT / "examples" / "seed_de_dayfr.txt").read_text("utf-8")
SEED_EN = (ROOT / "examples" / "seed_en.txt").read_text("utf-8")
PUB = date(2024, 10, 8)


def article(text: str, url: str, lang: str, dup_of: str | None = None):
    a = build_article(RawDocument(uri=url, data=text.encode("utf-8"), hints={"url": url}),
                      language=lang, published=PUB)
    return dataclasses.replace(a, dup_of=dup_of)


def ingest(store_path: Path, coded_batches) -> None:
    """What pipeline._write does once integrated: assign, write the batch, commit the index."""
    store = Store(store_path)
    cons = Consolidator.for_store(store_path)
    with store.open_writer(fsync=False) as writer:
        for batch in coded_batches:
            mentions = [m for c in batch for m in c.mentions]
            writer.write_batch([c.article for c in batch], {c.article.id: c.sentences for c in batch},
                               cons.assign(mentions))
            cons.commit()


@pytest.fixture(scope="module")
def copies():
    orig = article("DayFR Deutsch – Startseite\n\n" + SEED_DE + "\n\n© DayFR 2024 – Impressum",
                   "https://dayfr.example/de/nordkorea", "de")
    c1 = article(SEED_DE, "https://wire-mirror.example/story/1", "de", dup_of=orig.id)
    c2 = article(SEED_DE, "https://newsblog.example/p/77", "de", dup_of=orig.id)
    return [code_article(a) for a in (orig, c1, c2)]


@pytest.fixture(scope="module")
def de_en():
    de = article(SEED_DE, "https://dayfr.example/de/nordkorea", "de")
    en = article(SEED_EN, "https://english.example/nk-troops", "en")
    return [code_article(de), code_article(en)]


def _is_donetsk_strike(e):
    return e["event_type"] == "ASSAULT" and (e["actor_countries"] or {}).get("value") == "UKR" \
        and (e["recipient_countries"] or {}).get("value") == "PRK"


def test_three_copies_count_as_one_independent_source(tmp_path, copies):
    ingest(tmp_path / "s", [copies])
    events = event_records(Store(tmp_path / "s"))
    strike = [e for e in events if _is_donetsk_strike(e)]
    assert len(strike) == 1
    s = strike[0]
    assert (s["num_articles"], s["num_sources"], s["num_independent"]) == (3, 3, 1)
    assert s["location"]["name"] == "Donetsk" and s["date"]["value"] == "2024-10-03"
    # every event of the story is carried by all three copies, and counted once
    assert events
    for e in events:
        assert e["num_articles"] == 3, e
        assert e["num_sources"] == 3
        assert e["num_independent"] == 1
        assert e["num_mentions"] % 3 == 0


def test_same_site_near_identical_evidence_counts_once(copies):
    rows = []
    for i, c in enumerate(copies[1:]):
        for m in c.mentions:
            r = m.to_json()
            r["event_id"] = "e"
            r["article"] = {"site": "one.example"}
            rows.append(r)
    arts = {c.article.id: {"site": "one.example", "dup_of": None} for c in copies[1:]}
    (ev,) = build_events(rows, arts)
    assert ev["num_articles"] == 2 and ev["num_sources"] == 1 and ev["num_independent"] == 1


def test_german_and_english_reports_merge(tmp_path, de_en):
    ingest(tmp_path / "s", [de_en])
    events = event_records(Store(tmp_path / "s"))
    strike = [e for e in events if _is_donetsk_strike(e)]
    assert len(strike) == 1
    assert strike[0]["languages"] == ["de", "en"]
    assert strike[0]["num_independent"] == 2


def test_different_events_do_not_merge(de_en):
    de = de_en[0]
    strike = next(m for m in de.mentions if m.event_type == "ASSAULT" and m.date == "2024-10-03")
    other_day = dataclasses.replace(strike, id="other-day", article_id="a2", date="2024-10-20")
    from eventwire.records import PlaceRef
    other_place = dataclasses.replace(strike, id="other-place", article_id="a3",
                                      location=PlaceRef("Lwiw", "Lviv", "UKR", 49.84, 24.03, 702550))
    ids = consolidate([strike, other_day, other_place])
    assert len(set(ids)) == 3
    # the English report of the same strike does merge with it
    en = next(m for m in de_en[1].mentions if m.event_type == "ASSAULT" and m.date == "2024-10-03")
    assert len(set(consolidate([strike, en]))) == 1


def test_incremental_equals_batch(tmp_path, copies, de_en):
    coded = copies + de_en[1:]
    mentions = [m for c in coded for m in c.mentions]
    batch_ids = Consolidator().assign_ids(mentions)
    # one article per batch, index persisted and re-opened between batches
    inc_ids = []
    for c in coded:
        cons = Consolidator(tmp_path / "idx")
        inc_ids += cons.assign_ids(c.mentions)
        cons.commit()
    assert inc_ids == batch_ids
    assert partition(mentions, inc_ids) == partition(mentions, batch_ids)
    # re-assigning known mentions is idempotent
    assert Consolidator(tmp_path / "idx").assign_ids(mentions) == batch_ids


def test_event_id_is_stable_hash_of_first_mention(copies):
    from eventwire.consolidate import event_id_for

    mentions = copies[0].mentions
    ids = consolidate(mentions)
    first = sorted(mentions, key=lambda m: (m.evidence.start, m.id))[0]
    assert event_id_for(first.id) in ids


def test_claims_and_gdelt_rows(tmp_path, copies):
    ingest(tmp_path / "s", [copies])
    store = Store(tmp_path / "s")
    cl = claims(store)
    aid = [c for c in cl if c["event_type"] == "AID" and c["denied_by"]]
    assert aid, "North Korea's denial of supplying weapons is a denied claim"
    assert any(d["speaker"]["kind"] == "speaker" for d in aid[0]["denied_by"])
    strike = next(c for c in cl if c["event_type"] == "ASSAULT" and c["date"] == "2024-10-03")
    hedgers = {h["speaker"]["label"] for h in strike["hedged_by"]}
    assert "Kim Yong-hyun" in hedgers
    assert strike["timeline"] and all(t["said_at"] for t in strike["timeline"])
    rows = list(gdelt_mentions_rows(store))
    assert len(rows) == len(store.mentions())
    assert set(rows[0]) == set(GDELT_MENTIONS_COLUMNS)
    text = {c.article.id: c.article.text for c in copies}
    for r in rows:
        assert r["SentenceID"] >= 1 and r["MentionDocLen"] > 0
        if r["ActionCharOffset"] >= 0:
            mention = next(m for c in copies for m in c.mentions if m.id == r["Extras"].split(";")[0])
            t = text[mention.article_id]
            assert t[r["ActionCharOffset"]:].startswith(mention.evidence.trigger)


def test_gold_evaluation_beats_exact_key():
    from eventwire.evaluation.consolidation import evaluate as evaluate_consolidation

    r = evaluate_consolidation()
    assert r["mentions"] > 150 and r["languages"] == ["de", "en"]
    assert r["all"]["f1"] > r["baseline_exact_key"]["f1"]
    assert r["all"]["precision"] > r["baseline_exact_key"]["precision"]


def test_gold_split_keeps_stories_whole():
    from eventwire.evaluation.consolidation import load_gold, split_rows, stories

    rows = load_gold()
    dev, test = split_rows(rows, "dev"), split_rows(rows, "test")
    assert dev and test and len(dev) + len(test) == len(rows)
    assert {r["id"] for r in dev}.isdisjoint(r["id"] for r in test)
    assert set(stories(dev)).isdisjoint(stories(test))
    assert {r["gold_event"] for r in dev}.isdisjoint(r["gold_event"] for r in test)
    assert split_rows(rows, "dev") == dev  # deterministic
    with pytest.raises(ValueError):
        split_rows(rows, "train")


def test_a_statement_date_bounds_the_act_like_a_publication_date():
    # "said on Monday that … had attacked": the act was that day or in the week before, not ±1 day
    monday = date(2024, 10, 7).toordinal()
    for source in ("statement", "publication"):
        assert date_interval("2024-10-07", "day", source) == (monday - 7, monday + 1)
    assert date_interval("2024-10-07", "day", "text") == (monday - 1, monday + 1)
