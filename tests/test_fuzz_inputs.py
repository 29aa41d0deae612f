"""Fuzzing sources + documents: random bytes, random HTML, truncated gzip and WARC archives.

Property: every input ends as RawDocument/Article or SourceError/DocumentError — never another
exception, never a hang (hypothesis deadline per example, bounded examples).
"""
from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.documents import DocumentError, build_article
from eventwire.documents.neardup import signature
from eventwire.records import Article, RawDocument, SourceError
from eventwire.sources import iter_inputs
from eventwire.sources.compress import CorruptArchive, DecompressionLimit, gunzip_capped

FIX = Path(__file__).parent / "fixtures" / "ingest"
WARC_GZ = (FIX / "two_records.warc.gz").read_bytes()
WARC = gzip.decompress(WARC_GZ)
SETTINGS = settings(max_examples=40, deadline=3000, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)
TAGS = ["p", "div", "html", "body", "head", "title", "script", "style", "article", "nav", "a", "meta", "br",
        "table", "td", "!--", "![CDATA[", "?xml", "rss", "item", "link"]
WORDS = ["Der", "Präsident", "sagte", "Kiew", "angriff", "—", "&amp;", "&#x0;", "\x00", "\ufeff", "ü", "🙂", "<",
         ">", "\"", "'", "=", "charset=utf-16", "encoding='latin-1'"]


def through_stages(name: str, data: bytes) -> None:
    """Write ``data`` as a file named ``name``, run sources then documents on it."""
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        for item in iter_inputs([str(p)], max_bytes=1 << 20, max_decompressed=4 << 20):
            assert isinstance(item, (RawDocument, SourceError))
            if isinstance(item, RawDocument):
                try:
                    art = build_article(item)
                except DocumentError:
                    continue
                assert isinstance(art, Article) and art.text.strip()
                signature(art.text)


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from(["x.txt", "x.html", "x", "x.xml", "x.jsonl", "x.rss", "x.dat"]))
def test_random_bytes(data, name):
    through_stages(name, data)


html_fragment = st.recursive(
    st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
    lambda inner: st.tuples(st.sampled_from(TAGS), st.lists(inner, max_size=4), st.booleans()).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}" + (f"</{t[0]}>" if t[2] else "")),
    max_leaves=30)


@SETTINGS
@given(html_fragment, st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_random_html(fragment, encoding):
    data = fragment.encode(encoding, "replace")
    through_stages("page.html", data)
    through_stages("page.txt", data)


@SETTINGS
@given(st.integers(min_value=0, max_value=len(WARC_GZ)), st.binary(max_size=64))
def test_truncated_or_garbled_warc_gz(cut, junk):
    through_stages("a.warc.gz", WARC_GZ[:cut] + junk)


@SETTINGS
@given(st.integers(min_value=0, max_value=len(WARC)), st.binary(max_size=64))
def test_truncated_or_garbled_warc(cut, junk):
    through_stages("a.warc", WARC[:cut] + junk)


@SETTINGS
@given(st.binary(max_size=2048), st.integers(min_value=0, max_value=300))
def test_truncated_gzip(payload, cut):
    packed = gzip.compress(payload)[:cut]
    try:
        out = gunzip_capped(packed, cap=1 << 16)
        assert len(out) <= 1 << 16
    except (DecompressionLimit, CorruptArchive):
        pass
    through_stages("a.txt.gz", packed)
