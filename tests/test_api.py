"""REST API over a real store built by ingesting the seed articles."""
from __future__ import annotations

import json

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventwire.api import create_app  # noqa: E402

HOSTILE = {
    "url": "javascript:window.__xss=1",
    "title": '<script>window.__xss=1</script>"><svg onload=window.__xss=1>',
    "text": ("Russian forces attacked Kyiv with missiles on Monday. "
             '<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script> '
             '"><svg onload=window.__xss=1> <a href="javascript:window.__xss=1">click</a>'),
    "published": "2024-10-07",
    "language": "en",
}


@pytest.fixture(scope="module")
def client(seed_store_path):
    with TestClient(create_app(seed_store_path)) as c:
        yield c


def test_openapi_and_security_headers(client):
    r = client.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/mentions", "/api/actors", "/api/claims",
              "/api/articles/{article_id}", "/api/stats", "/api/export", "/api/ingest"):
        assert p in paths
    for url in ("/api/events", "/", "/static/app.js"):
        r = client.get(url)
        assert r.status_code == 200
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_filters_change_results(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["total"] >= 10 and len(everything["items"]) == everything["total"]
    assault = client.get("/api/events", params={"type": "assault", "limit": 500}).json()
    assert 0 < assault["total"] < everything["total"]
    assert all(e["event_type"] == "ASSAULT" for e in assault["items"])
    prk = client.get("/api/events", params={"actor": "PRK", "limit": 500}).json()
    assert 0 < prk["total"] < everything["total"]
    de = client.get("/api/events", params={"language": "de", "limit": 500}).json()
    assert 0 < de["total"] < everything["total"] and all("de" in e["languages"] for e in de["items"])
    dated = client.get("/api/events", params={"since": "2024-10-01", "until": "2024-10-05"}).json()
    assert all("2024-10-01" <= e["date"] <= "2024-10-05" for e in dated["items"])
    assert dated["total"] < everything["total"]
    # the store holds the seed and its English translation: shared events have two articles but
    # one independent source, so asking for two independent sources finds none of them
    shared = [e for e in everything["items"] if e["num_articles"] >= 2]
    assert shared and all(e["num_independent"] == 1 for e in shared)
    single = client.get("/api/events", params={"min_independent": 1, "limit": 500}).json()
    assert single["total"] == everything["total"]
    multi = client.get("/api/events", params={"min_independent": 2, "limit": 500}).json()
    assert multi["total"] == 0
    first = everything["items"][0]
    word = max(first["sentence"].split(), key=len)
    text = client.get("/api/events", params={"text": word, "limit": 500}).json()
    assert first["event_id"] in {e["event_id"] for e in text["items"]}
    assert text["total"] < everything["total"]
    both = client.get("/api/events", params={"text": word, "type": "NOSUCHTYPE"}).json()
    assert both["total"] == 0


def test_pagination_and_sorting(client):
    full = client.get("/api/events", params={"limit": 500}).json()["items"]
    page1 = client.get("/api/events", params={"limit": 3, "offset": 0}).json()
    page2 = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert [e["event_id"] for e in page1["items"] + page2["items"]] == [e["event_id"] for e in full[:6]]
    assert page1["total"] == len(full)
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"limit": 501}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422
    assert client.get("/api/events", params={"sort": "id; DROP TABLE m"}).status_code == 422
    by_mentions = client.get("/api/events", params={"sort": "num_mentions", "limit": 500}).json()["items"]
    counts = [e["num_mentions"] for e in by_mentions]
    assert counts == sorted(counts, reverse=True)
    by_conf = client.get("/api/events", params={"sort": "confidence", "order": "asc", "limit": 500}).json()
    confs = [e["confidence"] for e in by_conf["items"]]
    assert confs == sorted(confs)


def test_event_detail_has_mentions_evidence_claims(client):
    items = client.get("/api/events", params={"sort": "num_mentions", "limit": 1}).json()["items"]
    ev_id = items[0]["event_id"]
    d = client.get(f"/api/events/{ev_id}").json()
    assert d["event"]["event_id"] == ev_id
    assert len(d["mentions"]) == d["event"]["num_mentions"] >= 2
    assert {m["id"] for m in d["mentions"]} == set(d["event"]["mention_ids"])
    for m in d["mentions"]:
        assert {"attribution", "modality", "evidence", "actor", "recipient"} <= set(m)
    assert len(d["evidence"]) == len(d["mentions"])
    claim = d["claim"]
    assert claim["event_id"] == ev_id
    # every mention takes one stance (its speaker's, or the narrator's), plus one per denied_by actor
    stances = ("asserted", "hedged", "denied", "negated")
    extra = sum(len((m["modality"] or {}).get("denied_by") or []) for m in d["mentions"])
    assert len(claim["timeline"]) == len(d["mentions"]) + extra
    assert all(t["stance"] in stances for t in claim["timeline"])
    assert {t["evidence"]["mention_id"] for t in claim["timeline"]} == {m["id"] for m in d["mentions"]}
    for st in stances:
        for e in claim[f"{st}_by"]:
            assert e["stance"] == st and e["count"] >= 1 and e["speaker"]["label"]
    assert sum(e["count"] for st in stances for e in claim[f"{st}_by"]) == len(claim["timeline"])
    assert client.get("/api/events/nope").status_code == 404


def test_claims_endpoint(client):
    data = client.get("/api/claims", params={"limit": 500}).json()
    assert data["total"] >= 1 and len(data["items"]) == data["total"]
    for ev in data["items"]:
        claim = ev["claim"]
        assert claim["event_id"] == ev["event_id"]
        entries = claim["asserted_by"] + claim["hedged_by"] + claim["denied_by"] + claim["negated_by"]
        assert any(e["speaker"]["kind"] == "speaker" or e["stance"] == "denied" for e in entries)
        assert [t["said_at"] for t in claim["timeline"]] == sorted(t["said_at"] for t in claim["timeline"])
    speakers = {e["speaker"]["label"] for ev in data["items"]
                for st in ("asserted", "hedged", "denied", "negated") for e in ev["claim"][f"{st}_by"]
                if e["speaker"]["kind"] == "speaker"}
    assert speakers
    # the seed's arms-supply claim: South Korea asserts (or hedges) it, North Korea denies it
    supply = [ev["claim"] for ev in data["items"]
              if ev["claim"]["event_type"] == "AID" and ev["claim"]["denied_by"]]
    assert supply
    claimants = {e["speaker"]["country"] for c in supply for e in c["asserted_by"] + c["hedged_by"]}
    deniers = {e["speaker"]["country"] for c in supply for e in c["denied_by"]}
    assert "KOR" in claimants and "PRK" in deniers
    # paging and filters: a page is a slice of the full list
    page = client.get("/api/claims", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == data["total"]
    if data["total"] > 1:
        assert [e["event_id"] for e in page["items"]] == [data["items"][1]["event_id"]]


def test_article_spans_match_text(client):
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert art["spans"]
    text = art["text"]
    for s in art["spans"]:
        sentence = text[s["start"]:s["end"]]
        assert sentence.strip()
        m = client.get("/api/mentions", params={"limit": 500}).json()["items"]
        rec = next(x for x in m if x["id"] == s["mention_id"])
        assert sentence == rec["evidence"]["sentence"]
        if s["trigger_start"] is not None:
            assert text[s["trigger_start"]:s["trigger_end"]].lower() == s["trigger"].lower()
    assert client.get("/api/articles/does-not-exist").status_code == 404


def test_actors_and_stats(client):
    a = client.get("/api/actors").json()
    assert any(c["country"] == "PRK" and c["as_actor"] > 0 for c in a["countries"])
    assert a["network"]["nodes"] and a["network"]["edges"]
    for e in a["network"]["edges"]:
        if e["cooperation_share"] is not None:
            assert abs(e["cooperation_share"] + e["conflict_share"] - 1) < 0.01
    s = client.get("/api/stats").json()
    assert 0 < sum(d["total"] for d in s["by_day"]) <= s["events"]
    assert sum(s["by_type"].values()) == s["events"]
    assert s["by_quad_class"] and s["by_country"]
    s2 = client.get("/api/stats", params={"type": "ASSAULT"}).json()
    assert s2["events"] < s["events"] and set(s2["by_type"]) == {"ASSAULT"}


def test_mentions_endpoint(client):
    all_m = client.get("/api/mentions", params={"limit": 500}).json()
    assert all_m["total"] == len(all_m["items"]) > 0
    de = client.get("/api/mentions", params={"language": "de", "limit": 500}).json()
    assert 0 < de["total"] < all_m["total"] and all(m["language"] == "de" for m in de["items"])


@pytest.mark.parametrize("params", [
    {"actor": "RUS' OR '1'='1"},
    {"type": "ASSAULT'; DROP TABLE m; --"},
    {"text": "') OR 1=1 --"},
    {"language": "de' OR 1=1"},
    {"recipient": "\" OR \"\"=\""},
])
def test_sql_injection_params_return_empty(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200
    assert r.json()["total"] == 0 and r.json()["items"] == []
    for ep in ("/api/actors", "/api/stats", "/api/claims", "/api/mentions"):
        assert client.get(ep, params=params).status_code == 200
    assert client.get("/api/events", params={"limit": 1}).json()["total"] > 0  # store intact


def test_export_streams(client):
    r = client.get("/api/export", params={"format": "plover", "type": "ASSAULT"})
    assert r.status_code == 200
    lines = [json.loads(x) for x in r.text.splitlines() if x.strip()]
    assert lines and all(x["event"] == ["ASSAULT"] for x in lines)
    r = client.get("/api/export", params={"format": "gdelt"})
    assert r.status_code == 200 and r.text.startswith("GLOBALEVENTID")
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422


def test_ingest_auth(store_copy, monkeypatch):
    body = json.dumps(HOSTILE) + "\n"
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    with TestClient(create_app(store_copy)) as c:
        before = c.get("/api/events").json()["total"]
        assert c.post("/api/ingest", content=body).status_code == 403
        monkeypatch.setenv("EVENTWIRE_TOKEN", "s3cret-token")
        assert c.post("/api/ingest", content=body).status_code == 401
        assert c.post("/api/ingest", content=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/ingest", content=body, headers={"Authorization": "Basic s3cret-token"}).status_code == 401
        r = c.post("/api/ingest", content=body, headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 200, r.text
        summary = r.json()
        assert summary["coded"] == 1 and summary["mentions"] >= 1
        after = c.get("/api/events").json()["total"]
        assert after > before
        hits = c.get("/api/events", params={"text": "Kyiv missiles", "type": "ASSAULT"}).json()
        assert hits["total"] >= 1
        # same article again: a duplicate, nothing new
        again = c.post("/api/ingest", content=body, headers={"Authorization": "Bearer s3cret-token"}).json()
        assert again["duplicates"] == 1 and again["coded"] == 0


def test_read_path_matches_mention_level_reference(seed_store_path):
    """The per-event filter columns of the read path select exactly the events of the store's
    semantics (one mention meets every condition; words in its sentence or title): same ids, order
    and totals as filtering ``ev`` through ``m`` with ``Store._mention_where``."""
    import random

    from eventwire.api.readpath import SORTS, EventIndex, Query
    from eventwire.store import Store

    index = EventIndex(Store(seed_store_path))
    index.refresh(force=True)
    con = index._con
    assert con.execute("SELECT count(*) FROM ev WHERE num_mentions > 1").fetchone()[0] > 0

    def reference(q: Query, limit: int, offset: int, order_sql: str) -> tuple[int, list[str]]:
        where, params = Store._mention_where(q.mention_filter(), with_dates=False)
        clauses, ps = [f"event_id IN (SELECT event_id FROM m WHERE {where})"], list(params)
        for sql, v in (("date >= ?", q.filters.since), ("date <= ?", q.filters.until),
                       ("num_independent >= ?", q.min_independent)):
            if v:
                clauses.append(sql)
                ps.append(v)
        sel = f"SELECT * FROM ev WHERE {' AND '.join(clauses)}"
        total = con.execute(f"SELECT count(*) FROM ({sel})", ps).fetchone()[0]
        ids = [r[0] for r in con.execute(f"SELECT event_id FROM ({sel}) ORDER BY {order_sql} "
                                         f"LIMIT ? OFFSET ?", ps + [limit, offset]).fetchall()]
        return total, ids

    def values(sql: str) -> list:
        return [r[0] for r in con.execute(sql).fetchall() if r[0] is not None]

    actors = values("SELECT DISTINCT unnest(actor_countries) FROM m ORDER BY 1")
    recipients = values("SELECT DISTINCT unnest(recipient_countries) FROM m ORDER BY 1")
    types = values("SELECT DISTINCT event_type FROM m ORDER BY 1")
    langs = values("SELECT DISTINCT language FROM m ORDER BY 1")
    dates = values("SELECT DISTINCT date FROM m ORDER BY 1")
    words = sorted({w for s in values("SELECT sentence FROM m") + values("SELECT title FROM m")
                    for w in s.split()})
    # words of two different mentions of one event: each alone finds it, together they must not
    # (unless one mention holds both)
    rnd = random.Random(5)
    queries = [Query.of(text=" ".join(rnd.choice(words)[:rnd.choice([3, 6, 40])]
                                      for _ in range(rnd.choice([1, 2, 2, 3])))) for _ in range(15)]
    for _ in range(45):
        queries.append(Query.of(
            actor=rnd.choice(actors) if rnd.random() < .5 else None,
            recipient=rnd.choice(recipients) if rnd.random() < .3 else None,
            event_type=rnd.choice(types).lower() if rnd.random() < .5 else None,
            language=rnd.choice(langs) if rnd.random() < .4 else None,
            text=rnd.choice(words)[:5] if rnd.random() < .4 else None,
            since=dates[0] if rnd.random() < .2 else None,
            until=rnd.choice(dates) if rnd.random() < .3 else None,
            min_independent=rnd.choice([1, 2]) if rnd.random() < .2 else None))
    nonempty = 0
    for q in queries:
        sort, order = rnd.choice(sorted(SORTS))
        limit, offset = rnd.choice([3, 50]), rnd.choice([0, 0, 2])
        got = index.events(q, limit, offset, sort, order)
        total, ids = reference(q, limit, offset, SORTS[(sort, order)])
        assert (got["total"], [e["event_id"] for e in got["items"]]) == (total, ids), (q, sort, order)
        nonempty += total > 0
    assert nonempty >= 15
    # a multi-word text split over two mentions of one event does not match it
    pair = con.execute("""SELECT a.sentence, b.sentence FROM m a JOIN m b USING (event_id)
                          WHERE a.id < b.id LIMIT 1""").fetchone()
    wa = max(set(pair[0].lower().split()) - set(pair[1].lower().split()), key=len, default=None)
    wb = max(set(pair[1].lower().split()) - set(pair[0].lower().split()), key=len, default=None)
    if wa and wb:
        q = Query.of(text=f"{wa} {wb}")
        got = index.events(q, 500, 0)
        assert (got["total"], [e["event_id"] for e in got["items"]]) == reference(
            q, 500, 0, SORTS[("date", "desc")])
