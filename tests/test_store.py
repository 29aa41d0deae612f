"""Store: batches, dedup, crash safety, locking, filters, events, exports."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire.records import (ActorRef, Article, Attribution, Evidence, EventMention, Modality,
                               PlaceRef, Sentence, Size)
from eventwire.store import GDELT_COLUMNS, EventFilter, Store, StoreLockedError
from eventwire.store.store import AUTO_COMPACT_BATCHES

SENT1 = ("Seoul (dpa) - Bei einem ukrainischen Raketenangriff sind nach Angaben des "
         "südkoreanischen Verteidigungsministers Kim Yong-hyun am 3. Oktober sechs "
         "nordkoreanische Offiziere in der Nähe von Donezk höchstwahrscheinlich getötet worden.")
SENT2 = "Russland und Nordkorea unterzeichneten in Moskau ein Abkommen."
SEED_TEXT = SENT1 + " " + SENT2


def make_article(aid: str, text: str = SEED_TEXT, site: str | None = "dayfr.example",
                 title: str = "Raketenangriff bei Donezk", language: str = "de") -> Article:
    return Article(id=aid, url=f"https://{site or 'x'}/{aid}", site=site, title=title, text=text,
                   published=date(2024, 10, 5), language=language, content_hash=f"h-{aid}",
                   source_uri=f"file:///{aid}.txt")


def sentences_of(text: str) -> list[Sentence]:
    assert text == SEED_TEXT
    return [Sentence(0, 0, len(SENT1), SENT1),
            Sentence(1, len(SENT1) + 1, len(SEED_TEXT), SENT2)]


def assault(article_id: str, mid: str | None = None, conf: float = 0.83,
            day: str = "2024-10-03", language: str = "de") -> EventMention:
    sent = SENT1
    return EventMention(
        id=mid or f"m-{article_id}-assault", article_id=article_id, language=language,
        event_type="ASSAULT",
        evidence=Evidence(start=0, end=len(sent), sentence=sent, trigger="Raketenangriff",
                          trigger_start=30, trigger_end=44),
        mode=["aerial"], context=["military"],
        actor=[ActorRef("ukrainischen", "UKR", "MIL")],
        recipient=[ActorRef("sechs nordkoreanische Offiziere", "PRK", "MIL")],
        date=day, date_precision="day", date_text="am 3. Oktober", date_source="text",
        location=PlaceRef("Donezk", "Donetsk", "UKR", 48.02, 37.80, 709717),
        attribution=Attribution(speaker=ActorRef("Kim Yong-hyun", "KOR", "GOV", "Kim Yong-hyun"),
                                cue="nach Angaben", via=[]),
        modality=Modality(polarity="asserted", certainty="probable", tense="past",
                          hedge="höchstwahrscheinlich"),
        size=Size(dead=6), cameo="195", quad_code=4, intensity=-9.0, confidence=conf,
        coder_version="test-1")


def agree(article_id: str) -> EventMention:
    sent = SENT2
    start = SEED_TEXT.find(sent)
    return EventMention(
        id=f"m-{article_id}-agree", article_id=article_id, language="de", event_type="AGREE",
        evidence=Evidence(start=start, end=start + len(sent), sentence=sent,
                          trigger="unterzeichneten", trigger_start=start + 20, trigger_end=start + 35),
        actor=[ActorRef("Russland", "RUS", "GOV")], recipient=[ActorRef("Nordkorea", "PRK", "GOV")],
        date="2024-06-19", date_precision="day", date_text=None, date_source="publication",
        location=PlaceRef("Moskau", "Moscow", "RUS", 55.75, 37.62, 524901),
        cameo="057", quad_code=1, intensity=8.0, confidence=0.7, coder_version="test-1")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    st = Store(tmp_path / "store")
    a1, a2, a3 = make_article("a1"), make_article("a2", site="other.example"), \
        make_article("a3", site=None, title="Moscow treaty", language="en")
    with st.open_writer() as w:
        n = w.write_batch([a1, a2], {"a1": sentences_of(a1.text), "a2": sentences_of(a2.text)},
                          [(assault("a1"), "E1"), (agree("a1"), "E2"),
                           (assault("a2", conf=0.9), "E1")])
        assert n == 2
        assert w.last_batch is not None and w.last_batch.mentions == 3
        n = w.write_batch([a3], {"a3": sentences_of(a3.text)},
                          [(assault("a3", conf=0.5, day="2024-10-02", language="en"), "E1")])
        assert n == 1
    return st


def ids(rows: list[dict], key: str = "id") -> set[str]:
    return {r[key] for r in rows}


# ----------------------------------------------------------------------------- read back

def test_roundtrip_record_is_contract(store: Store) -> None:
    rows = store.mentions(EventFilter(article_id="a1"))
    by_id = {r["id"]: r for r in rows}
    expected = assault("a1").to_json()
    got = dict(by_id["m-a1-assault"])
    assert got.pop("event_id") == "E1"
    assert got.pop("article")["site"] == "dayfr.example"
    assert got == expected


def test_filters_each_change_results(store: Store) -> None:
    everything = ids(store.mentions(EventFilter()))
    assert len(everything) == 4
    assert ids(store.mentions(EventFilter(actor="rus"))) == {"m-a1-agree"}
    assert ids(store.mentions(EventFilter(actor="UKR"))) == everything - {"m-a1-agree"}
    assert ids(store.mentions(EventFilter(recipient="PRK"))) == everything
    assert ids(store.mentions(EventFilter(recipient="UKR"))) == set()
    assert ids(store.mentions(EventFilter(event_type="agree"))) == {"m-a1-agree"}
    assert ids(store.mentions(EventFilter(since=date(2024, 10, 3)))) == {"m-a1-assault",
                                                                          "m-a2-assault"}
    assert ids(store.mentions(EventFilter(until=date(2024, 10, 2)))) == {"m-a1-agree",
                                                                          "m-a3-assault"}
    assert ids(store.mentions(EventFilter(text="MOSKAU abkommen"))) == {"m-a1-agree"}
    assert ids(store.mentions(EventFilter(text="moscow treaty"))) == {"m-a3-assault"}  # title
    assert ids(store.mentions(EventFilter(text="Moskau Offiziere"))) == set()  # all words
    # each word may come from the sentence or from the title (a1's title names Donezk)
    assert ids(store.mentions(EventFilter(text="moskau donezk"))) == {"m-a1-agree"}
    assert ids(store.mentions(EventFilter(language="EN"))) == {"m-a3-assault"}
    page = store.mentions(EventFilter(limit=2, offset=1))
    assert len(page) == 2 and ids(page) < everything
    assert store.count("mentions", EventFilter(actor="UKR")) == 3


def test_events_grouping(store: Store) -> None:
    evs = store.events()
    assert [e["event_id"] for e in evs] == ["E1", "E2"]  # date desc
    e1 = evs[0]
    assert e1["event_type"] == "ASSAULT" and e1["mode"] == "aerial"
    assert e1["num_mentions"] == 3 and e1["num_articles"] == 3
    assert e1["num_sources"] == 3  # two sites + one article without a site
    assert e1["date"] == "2024-10-02"  # earliest text-sourced date
    assert e1["languages"] == ["de", "en"]
    assert e1["actor_countries"] == ["UKR"] and e1["recipient_countries"] == ["PRK"]
    assert e1["confidence"] == pytest.approx(0.9)
    assert e1["mention_ids"][0] == "m-a2-assault"  # most confident first
    assert e1["location"]["name"] == "Donetsk" and e1["quad_code"] == 4
    assert e1["first_seen"] <= e1["last_seen"]
    assert [e["event_id"] for e in store.events(EventFilter(actor="RUS"))] == ["E2"]
    assert [e["event_id"] for e in store.events(EventFilter(recipient="prk", event_type="AGREE"))] \
        == ["E2"]
    assert [e["event_id"] for e in store.events(EventFilter(since=date(2024, 10, 1)))] == ["E1"]
    assert [e["event_id"] for e in store.events(EventFilter(until=date(2024, 7, 1)))] == ["E2"]
    assert [e["event_id"] for e in store.events(EventFilter(text="treaty"))] == ["E1"]
    # language picks the event; aggregates still cover all its mentions
    (e,) = store.events(EventFilter(language="en"))
    assert e["event_id"] == "E1" and e["num_mentions"] == 3
    assert store.count("events") == 2


def test_stats_and_article(store: Store) -> None:
    st = store.stats()
    assert st["articles"] == 3 and st["mentions"] == 4 and st["events"] == 2
    assert st["batches"] == 2 and st["sources"] == 2
    assert st["by_event_type"] == {"ASSAULT": 3, "AGREE": 1}
    assert st["by_quad_code"] == {1: 1, 4: 3}
    assert st["languages"] == {"de": 2, "en": 1}
    assert st["date_range"] == {"min": "2024-06-19", "max": "2024-10-03"}
    art = store.article("a1")
    assert art is not None and art["title"] == "Raketenangriff bei Donezk"
    assert art["published"] == "2024-10-05" and len(art["sentences"]) == 2
    assert set(art["mention_ids"]) == {"m-a1-assault", "m-a1-agree"}
    assert store.article("nope") is None


def test_empty_store_reads(tmp_path: Path) -> None:
    st = Store(tmp_path / "empty")
    assert st.mentions() == [] and st.events() == []
    assert st.stats()["mentions"] == 0
    with st.open_writer() as w:
        assert w.write_batch([], {}, []) == 0
        assert w.known_article_ids() == set()
    assert st.batch_ids() == []
    assert json.loads((tmp_path / "empty" / "store.json").read_text())["version"] == 1


# ------------------------------------------------------------------------------ dedup

def test_rewrite_same_articles_adds_nothing(store: Store) -> None:
    before = store.stats()
    with store.open_writer() as w:
        assert w.known_article_ids() == {"a1", "a2", "a3"}
        a1 = make_article("a1")
        assert w.write_batch([a1, a1], {"a1": sentences_of(a1.text)},
                             [(assault("a1"), "E1"), (agree("a1"), "E2")]) == 0
        # a new article repeated within one batch is stored once
        a4 = make_article("a4")
        assert w.write_batch([a4, a4], {"a4": sentences_of(a4.text)},
                             [(assault("a4"), "E1"), (assault("a4"), "E1")]) == 1
        assert w.last_batch is not None and w.last_batch.mentions == 1
    after = store.stats()
    assert after["articles"] == before["articles"] + 1
    assert after["mentions"] == before["mentions"] + 1
    assert after["sentences"] == before["sentences"] + 2
    assert after["batches"] == before["batches"] + 1
    # a new writer (fresh process state) still sees the stored ids
    with store.open_writer() as w:
        assert w.write_batch([make_article("a4")], {}, [(assault("a4"), "E1")]) == 0


# ------------------------------------------------------------------ crash safety & locking

def test_tmp_batch_invisible_and_cleaned(store: Store) -> None:
    before = store.stats()
    # simulate a crash mid-batch: a complete-looking batch left under its temporary name
    first = store.batches_dir / store.batch_ids()[0]
    tmp = store.batches_dir / ".tmp-x"
    tmp.mkdir()
    for f in first.iterdir():
        (tmp / f.name).write_bytes(f.read_bytes())
    fresh = Store(store.path)
    assert fresh.stats()["mentions"] == before["mentions"]
    assert fresh.stats()["batches"] == before["batches"]
    assert len(fresh.mentions()) == before["mentions"]
    assert tmp.exists()  # readers never delete
    with fresh.open_writer():
        pass
    assert not tmp.exists()


def test_kill_9_mid_batch_leaves_no_half_batch(tmp_path: Path) -> None:
    """A writer process killed while writing leaves at most a .tmp-* dir that readers ignore."""
    path = tmp_path / "crash"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        import pyarrow.parquet as pq
        from test_store import make_article, assault
        from eventwire.store import Store
        real = pq.write_table
        calls = []
        def dying(table, where, **kw):
            real(table, where, **kw)
            calls.append(where)
            if len(calls) == 2:  # articles + sentences written, mentions not yet
                os.kill(os.getpid(), signal.SIGKILL)
        pq.write_table = dying
        st = Store({str(path)!r})
        with st.open_writer() as w:
            w.write_batch([make_article("k1")], {{}}, [(assault("k1"), "E")])
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == -9, proc.stderr
    leftovers = [p.name for p in (path / "batches").iterdir()]
    assert len(leftovers) == 1 and leftovers[0].startswith(".tmp-")
    st = Store(path)
    assert st.batch_ids() == [] and st.mentions() == [] and st.stats()["articles"] == 0
    with st.open_writer() as w:  # the lock died with the process; leftovers are cleaned
        assert w.write_batch([make_article("k1")], {}, [(assault("k1"), "E")]) == 1
    assert [p.name for p in (path / "batches").iterdir()] == st.batch_ids()
    assert len(st.mentions()) == 1


def test_reader_works_while_writer_holds_lock_and_second_writer_fails(store: Store) -> None:
    with store.open_writer() as w:
        reader = Store(store.path)
        assert len(reader.mentions()) == 4
        assert len(reader.events()) == 2
        with pytest.raises(StoreLockedError) as err:
            with Store(store.path).open_writer():
                pass
        assert str(err.value) == (f"another ingest is writing to {store.path}; "
                                  "wait for it or use another --store")
        w.write_batch([make_article("a9")], {}, [(assault("a9"), "E9")])
        assert len(reader.mentions()) == 5  # new batch visible to an open reader
    with store.open_writer():  # the lock is released afterwards
        pass


def test_second_writer_in_other_process_fails(store: Store) -> None:
    script = textwrap.dedent(f"""
        from eventwire.store import Store, StoreLockedError
        try:
            with Store({str(store.path)!r}).open_writer():
                print("GOT LOCK")
        except StoreLockedError as e:
            print("LOCKED:", e)
    """)
    with store.open_writer():
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "LOCKED: another ingest is writing to" in proc.stdout, proc.stdout + proc.stderr


# -------------------------------------------------------------------------- injection

@pytest.mark.parametrize("field", ["actor", "recipient", "event_type", "text", "language",
                                   "article_id", "event_id"])
def test_injection_values_return_nothing(store: Store, field: str) -> None:
    for evil in ["' OR 1=1 --", "'); DROP TABLE m; --", '" OR ""="']:
        f = EventFilter(**{field: evil})
        assert store.mentions(f) == []
        assert store.events(f) == []
    assert len(store.mentions()) == 4


# ----------------------------------------------------------------------------- exports

def test_export_plover(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "x" / "events.jsonl"
    assert store.export("plover", out) == 4
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(recs) == 4
    r = next(r for r in recs if r["id"] == "m-a1-assault")
    assert r["date"] == "2024-10-03" and r["event"] == ["ASSAULT"]
    assert r["mode"] == ["aerial"] and r["context"] == ["military"]
    assert r["actor"] == [{"code": "UKR", "sector": "MIL", "entity_text": "ukrainischen",
                           "identifier_text": None}]
    assert r["recipient"][0]["code"] == "PRK"
    assert r["event_loc"]["geonameid"] == 709717 and r["event_loc"]["country_code"] == "UKR"
    assert r["quad_code"] == 4 and r["event_scale"] == -9.0 and r["size"]["dead"] == 6
    assert r["link"] == "E1" and r["url"] == "https://dayfr.example/a1"
    assert r["cite_info"]["publication"] == "dayfr.example" and r["text_info"]["sequence"] == 0
    assert r["attribution"]["speaker"]["country"] == "KOR"
    assert r["modality"]["certainty"] == "probable"
    assert r["eventwire"]["event_id"] == "E1"
    assert store.export("plover", out, EventFilter(actor="RUS")) == 1


def test_export_gdelt(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert store.export("gdelt", out) == 2
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    assert rows[0] == GDELT_COLUMNS and len(rows) == 3
    for col in ("GLOBALEVENTID", "SQLDATE", "Actor1CountryCode", "EventCode", "QuadClass",
                "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_Lat",
                "DATEADDED", "SOURCEURL"):
        assert col in rows[0]
    assert all(len(r) == 61 for r in rows)
    e1 = dict(zip(rows[0], rows[1]))
    assert e1["SQLDATE"] == "20241002" and e1["MonthYear"] == "202410" and e1["Year"] == "2024"
    assert e1["Actor1Code"] == "UKRMIL" and e1["Actor1CountryCode"] == "UKR"
    assert e1["Actor2CountryCode"] == "PRK" and e1["EventCode"] == "195"
    assert e1["EventRootCode"] == "19" and e1["QuadClass"] == "4" and e1["GoldsteinScale"] == "-9"
    assert e1["NumMentions"] == "3" and e1["NumSources"] == "3" and e1["NumArticles"] == "3"
    assert e1["ActionGeo_FullName"] == "Donetsk" and e1["ActionGeo_FeatureID"] == "709717"
    assert e1["AvgTone"] == "" and len(e1["DATEADDED"]) == 14
    assert e1["SOURCEURL"] == "https://other.example/a2"
    assert int(e1["GLOBALEVENTID"]) > 0


def test_export_parquet_and_csv(store: Store, tmp_path: Path) -> None:
    n = store.export("parquet", tmp_path / "pq")
    assert n == 4
    t = pq.read_table(tmp_path / "pq" / "mentions.parquet")
    assert t.num_rows == 4 and "record" in t.column_names and "actor_countries" in t.column_names
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 3
    assert store.export("parquet", tmp_path / "ru.parquet", EventFilter(actor="RUS")) == 1
    assert pq.read_table(tmp_path / "ru.parquet").num_rows == 1
    assert pq.read_table(tmp_path / "ru.articles.parquet").num_rows == 1

    out = tmp_path / "m.csv"
    assert store.export("csv", out) == 4
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4 and "record" not in rows[0]
    r = next(r for r in rows if r["id"] == "m-a1-assault")
    assert r["actor_countries"] == "UKR" and r["mode"] == "aerial" and r["event_id"] == "E1"
    assert r["url"] == "https://dayfr.example/a1"
    with pytest.raises(ValueError):
        store.export("xml", tmp_path / "x.xml")


def test_store_files_layout(store: Store) -> None:
    for b in store.batch_ids():
        names = sorted(p.name for p in (store.batches_dir / b).iterdir())
        assert names == ["articles.parquet", "mentions.parquet", "sentences.parquet"]
    assert (store.path / "store.json").exists() and (store.path / ".lock").exists()
    assert not any(p.name.startswith(".tmp-") for p in store.batches_dir.iterdir())
    assert os.access(store.path / "store.json", os.R_OK)


# -------------------------------------------------------------------------- compaction

def test_compaction_merges_small_batches_without_changing_answers(store: Store) -> None:
    with store.open_writer(auto_compact=False) as w:
        for i in range(5):
            a = make_article(f"c{i}")
            w.write_batch([a], {a.id: sentences_of(a.text)}, [(assault(a.id), "E1")])
    reader = Store(store.path)
    before_m, before_e = reader.mentions(), reader.events()
    old_batches = reader.batch_ids()
    assert len(old_batches) == 7
    with store.open_writer(auto_compact=False) as w:
        assert w.compact() == 7
    assert len(reader.batch_ids()) == 1
    # superseded batches stay on disk during the grace period but are not read
    assert all((store.batches_dir / b).exists() for b in old_batches)
    assert reader.mentions() == before_m and reader.events() == before_e
    assert reader.stats()["batches"] == 1
    # a second compaction merges the merged batch again; purge removes the whole chain
    with store.open_writer(auto_compact=False) as w:
        w.write_batch([make_article("d1")], {}, [(assault("d1"), "E1")])
        assert w.compact() == 2
    removed = store._purge_superseded(grace_s=0)
    assert set(old_batches) <= set(removed)
    assert [p.name for p in store.batches_dir.iterdir()] == store.batch_ids()
    assert len(Store(store.path).mentions()) == len(before_m) + 1
    with store.open_writer() as w:  # known ids survive compaction
        assert w.write_batch([make_article("c0"), make_article("d1")], {}, []) == 0


def test_auto_compaction_after_many_tiny_batches(tmp_path: Path) -> None:
    st = Store(tmp_path / "tiny")
    with st.open_writer(fsync=False) as w:
        for i in range(70):
            w.write_batch([make_article(f"t{i}")], {}, [(assault(f"t{i}"), f"E{i % 7}")])
        # merged while writing, every AUTO_COMPACT_BATCHES batches: readers never face 70 files
        assert len(st.batch_ids()) == 1 + (i + 1 - AUTO_COMPACT_BATCHES)
    assert len(st.batch_ids()) == 7
    assert st.stats()["mentions"] == 70 and st.stats()["events"] == 7
    with st.open_writer(fsync=False) as w:
        assert w.compact() == 7
    assert len(st.batch_ids()) == 1 and st.stats()["mentions"] == 70
