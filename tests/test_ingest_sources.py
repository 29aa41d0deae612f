"""Ingest sources: safe fetching, URLs, RSS/Atom feeds, WARC, capped decompression."""
from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from eventwire.records import RawDocument, SourceError
from eventwire.sources import iter_inputs
from eventwire.sources import fetch as fetch_mod
from eventwire.sources.compress import CorruptArchive, DecompressionLimit, gunzip_capped
from eventwire.sources.fetch import Fetcher, FetchError

from ingest_helpers import LocalServer

FIX = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = ("<html><head><title>Gipfel in Wien</title></head><body><nav><a href='/'>Start</a></nav><article>"
           "<p>Die Außenminister Österreichs und Deutschlands haben sich am Montag in Wien getroffen und über "
           "die Lage in der Ukraine beraten. Beide forderten eine Waffenruhe.</p><p>Der russische Botschafter "
           "wies die Vorwürfe zurück und sprach von einer Provokation des Westens.</p></article></body></html>"
           ).encode()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, SourceError)])


def local_fetcher(**kw) -> Fetcher:
    kw.setdefault("allow_private", True)
    kw.setdefault("min_interval", 0.0)
    kw.setdefault("timeout", 5.0)
    return Fetcher(**kw)


# ------------------------------------------------------------------------------------------ fetch


def test_loopback_refused_unless_allowed():
    with LocalServer({"/a": (200, HTML, ARTICLE)}) as srv:
        with pytest.raises(FetchError, match="private, loopback or link-local"):
            Fetcher(min_interval=0).fetch(srv.base + "/a")
        assert srv.requests == []  # refused before connecting
        resp = local_fetcher().fetch(srv.base + "/a")
        assert resp.body == ARTICLE and resp.content_type == "text/html"
        ua = [h["user-agent"] for p, h in srv.requests if p == "/a"][0]
        assert "eventwire" in ua


@pytest.mark.parametrize("url", ["http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data",
                                 "http://[::1]/", "http://0.0.0.0/", "http://192.168.0.1/"])
def test_private_targets_refused(url):
    with pytest.raises(FetchError, match="refused"):
        Fetcher(min_interval=0).fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_schemes(url):
    with pytest.raises(FetchError, match="only http and https"):
        Fetcher().fetch(url)


def test_every_redirect_hop_is_checked(monkeypatch):
    real = fetch_mod.resolve_checked

    def resolve(host, port, allow_private):  # the test server itself is allowed, nothing else private
        return real(host, port, allow_private or host == "127.0.0.1")

    monkeypatch.setattr(fetch_mod, "resolve_checked", resolve)
    with LocalServer({"/r": (302, {"Location": "http://10.0.0.7/secret"}, b""),
                      "/f": (302, {"Location": "file:///etc/passwd"}, b"")}) as srv:
        f = Fetcher(min_interval=0, respect_robots=False)
        with pytest.raises(FetchError, match="private"):
            f.fetch(srv.base + "/r")
        with pytest.raises(FetchError, match="only http and https"):
            f.fetch(srv.base + "/f")


def test_redirects_capped_and_followed():
    routes = {f"/h{i}": (302, {"Location": f"/h{i + 1}"}, b"") for i in range(10)}
    routes["/h10"] = (200, HTML, ARTICLE)
    with LocalServer(routes) as srv:
        with pytest.raises(FetchError, match="too many redirects"):
            local_fetcher(max_redirects=3).fetch(srv.base + "/h0")
        assert local_fetcher(max_redirects=3).fetch(srv.base + "/h7").url == srv.base + "/h10"


def test_size_and_time_limits():
    big = b"x" * 5000
    with LocalServer({"/big": (200, HTML, big), "/nolen": (200, {**HTML, "Content-Length": ""}, big),
                      "/slow": (200, {**HTML, "X-Slow": "0.05"}, b"y" * 400)}) as srv:
        with pytest.raises(FetchError, match="too large"):
            local_fetcher(max_bytes=1000).fetch(srv.base + "/big")
        t0 = time.monotonic()
        with pytest.raises(FetchError, match="time limit|timed out|connection failed"):
            local_fetcher(timeout=0.5, respect_robots=False).fetch(srv.base + "/slow")
        assert time.monotonic() - t0 < 3


def test_robots_txt_honoured_and_cached():
    robots = b"User-agent: *\nDisallow: /private\n"
    with LocalServer({"/robots.txt": (200, {"Content-Type": "text/plain"}, robots),
                      "/private/a": (200, HTML, ARTICLE), "/public/a": (200, HTML, ARTICLE)}) as srv:
        f = local_fetcher()
        with pytest.raises(FetchError, match="robots.txt"):
            f.fetch(srv.base + "/private/a")
        f.fetch(srv.base + "/public/a")
        assert srv.paths().count("/robots.txt") == 1
        assert "/private/a" not in srv.paths()
        local_fetcher(respect_robots=False).fetch(srv.base + "/private/a")


def test_per_host_rate_limit():
    with LocalServer({"/a": (200, HTML, ARTICLE)}) as srv:
        f = local_fetcher(min_interval=0.15, respect_robots=False)
        t0 = time.monotonic()
        for _ in range(3):
            f.fetch(srv.base + "/a")
        assert time.monotonic() - t0 >= 0.3


def test_http_error_is_a_source_error():
    with LocalServer({}) as srv:
        docs, errors = split(iter_inputs([srv.base + "/missing"], fetcher=local_fetcher()))
        assert docs == [] and "HTTP 404" in errors[0].reason and errors[0].uri.endswith("/missing")


# ------------------------------------------------------------------------------------------ feeds

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Testfeed</title><language>de</language>
<item><title>Gipfel in Wien</title><link>{base}/a1</link><pubDate>Tue, 08 Oct 2024 10:00:00 GMT</pubDate></item>
<item><title>Kaputt</title><link>{base}/missing</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Eintrag</title><id>urn:1</id><updated>2024-10-07T08:00:00Z</updated>
<content type="html">&lt;p&gt;Der Präsident hat am Montag in Berlin den Botschafter einbestellt und
Sanktionen angekündigt.&lt;/p&gt;</content></entry></feed>"""


def test_rss_url_fetches_article_pages():
    with LocalServer() as srv:
        srv.routes.update({"/feed.xml": (200, {"Content-Type": "application/rss+xml"},
                                         RSS.format(base=srv.base).encode()),
                           "/a1": (200, HTML, ARTICLE)})
        docs, errors = split(iter_inputs([srv.base + "/feed.xml"], fetcher=local_fetcher()))
    assert [d.uri for d in docs] == [srv.base + "/a1"]
    assert docs[0].hints["title"] == "Gipfel in Wien" and docs[0].hints["published"] == "2024-10-08"
    assert docs[0].hints["language"] == "de" and docs[0].data == ARTICLE
    assert len(errors) == 1 and errors[0].uri.endswith("/missing") and "404" in errors[0].reason


def test_feed_file_with_entry_content(tmp_path):
    p = tmp_path / "feed.atom"
    p.write_text(ATOM, "utf-8")
    docs, errors = split(iter_inputs([str(p)]))
    assert errors == [] and len(docs) == 1
    assert docs[0].hints["content_type"] == "text/html" and b"Botschafter" in docs[0].data
    assert docs[0].hints["published"] == "2024-10-07"


def test_feed_file_fetches_links(tmp_path):
    with LocalServer({"/a1": (200, HTML, ARTICLE)}) as srv:
        p = tmp_path / "news.rss"
        p.write_text(RSS.format(base=srv.base), "utf-8")
        docs, errors = split(iter_inputs([str(p)], fetcher=local_fetcher()))
    assert [d.uri for d in docs] == [srv.base + "/a1"] and len(errors) == 1


def test_broken_feed_is_one_error(tmp_path):
    p = tmp_path / "bad.rss"
    p.write_bytes(b"<rss><channel><item><title>x</ti")
    docs, errors = split(iter_inputs([str(p)]))
    assert docs == [] or all(isinstance(d, RawDocument) for d in docs)
    assert len(errors) >= 1 and str(p) in errors[0].uri


# ------------------------------------------------------------------------------------------ WARC & gzip


def test_warc_gz_records():
    docs, errors = split(iter_inputs([str(FIX / "two_records.warc.gz")]))
    assert errors == [] and [d.uri for d in docs] == ["https://example.org/news/70", "https://example.org/news/71"]
    assert all(d.hints["content_type"] == "text/html" and d.hints["url"] == d.uri for d in docs)
    assert docs[0].fetched_at.year == 2024


@pytest.mark.parametrize("name", ["truncated.warc.gz", "folder/zz_truncated.warc"])
def test_truncated_warc_keeps_whole_records_and_names_file(name):
    docs, errors = split(iter_inputs([str(FIX / name)]))
    assert len(docs) == 2
    assert len(errors) == 1 and errors[0].uri == str(FIX / name) and "truncated" in errors[0].reason


def test_gzip_bomb_is_capped(tmp_path):
    bomb = gzip.compress(b"A" * (8 * 1024 * 1024))  # 8 MB of "A" in ~8 KB
    assert len(bomb) < 64 * 1024
    with pytest.raises(DecompressionLimit):
        gunzip_capped(bomb, cap=1024 * 1024)
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(bomb)
    docs, errors = split(iter_inputs([str(p)], max_bytes=1024 * 1024))
    assert docs == [] and "limit" in errors[0].reason and errors[0].uri == str(p)
    w = tmp_path / "bomb.warc.gz"
    w.write_bytes(bomb)
    docs, errors = split(iter_inputs([str(w)], max_decompressed=1024 * 1024))
    assert docs == [] and "limit" in errors[0].reason


def test_gzip_text_and_truncated_gzip(tmp_path):
    p = tmp_path / "story.txt.gz"
    p.write_bytes(gzip.compress("Der Präsident reiste nach Kiew.\n".encode()))
    docs, errors = split(iter_inputs([str(p)]))
    assert errors == [] and docs[0].data.startswith("Der Präsident".encode())
    assert docs[0].hints["content_type"] == "text/plain"
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(b"x" * 10000)[:40])
    with pytest.raises(CorruptArchive):
        gunzip_capped(cut.read_bytes())
    docs, errors = split(iter_inputs([str(cut)]))
    assert docs == [] and "truncated" in errors[0].reason
