"""eventwire.documents: RawDocument → Article (decode, extract, language, identity)."""
from __future__ import annotations

import csv
import html
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from eventwire.documents import (
    DocumentError,
    article_id,
    build_article,
    content_hash,
    decode,
    detect_language,
    iter_articles,
    site_of,
)
from eventwire.records import Article, RawDocument, SourceError
from eventwire.sources import iter_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "seed_de_dayfr.txt"
GNAD = SHARED / "corpora" / "10kGNAD_test.csv"

NAV = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Anmelden"]
FOOTER = "© 2016 Musterzeitung GmbH. Alle Rechte vorbehalten. Impressum · Datenschutz · Kontakt"
SIDEBAR = "Meistgelesen: Lottozahlen vom Wochenende"

ENGLISH = ("Parliament rejects budget after marathon session\n\nLawmakers voted on Tuesday to reject the "
           "government's proposed budget, deepening a political crisis that has gripped the country for weeks.")


def gnad_rows(rows: range) -> list[tuple[str, str]]:
    """Rows of the 10kGNAD test split (only rows 0–599 may be used)."""
    assert rows.stop <= 600
    out = []
    with GNAD.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'")):
            if i >= rows.stop:
                break
            if i >= rows.start:
                out.append((row[0], row[1]))
    return out


def news_page(title: str, text: str, published: str = "2016-03-04T10:00:00+01:00") -> str:
    """A realistic article page: navigation, sidebar and footer around the article."""
    sentences = [s.strip() for s in text.split(". ") if s.strip()]
    paras = "\n".join(f"<p>{html.escape(s)}</p>" for s in sentences)
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{html.escape(title)} | Musterzeitung</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{published}"></head>
<body><header><div class="logo">Musterzeitung</div><nav><ul>{nav}</ul></nav></header>
<div class="cookie-banner">Wir verwenden Cookies. <a href="/ok">OK</a></div>
<main><article><h1>{html.escape(title)}</h1>
<div class="article-body">{paras}</div></article></main>
<aside class="sidebar"><h3>{SIDEBAR}</h3><ul><li><a href="/a">Weiterer Artikel</a></li></ul></aside>
<footer><p>{FOOTER}</p><ul><li><a href="/impressum">Impressum</a></li></ul></footer>
</body></html>"""


def raw(data: bytes | str, uri: str = "mem:doc", **hints) -> RawDocument:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return RawDocument(uri=uri, data=data, fetched_at=datetime.now(timezone.utc), hints=hints)


def split(items):
    items = list(items)
    arts = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, SourceError)]
    assert len(arts) + len(errors) == len(items)
    return arts, errors


# --- the seed and the corpus ------------------------------------------------------------------


def test_seed_article_from_file():
    (item,) = list(iter_inputs([str(SEED)]))
    art = build_article(item)
    assert art.language == "de"
    assert art.text == SEED.read_text(encoding="utf-8").rstrip()
    assert "Kim Yong-hyun sagte am Dienstag" in art.text
    assert art.title == "DayFR Deutsch"  # first non-empty line, short
    assert art.url is None and art.site is None
    assert art.id == art.content_hash and len(art.id) == 16
    assert art.source_uri == str(SEED)
    assert art.published is None


def test_corpus_articles_as_text_and_as_html_pages(tmp_path):
    rows = gnad_rows(range(0, 12))
    for i, (_category, text) in enumerate(rows):
        (tmp_path / f"{i:03d}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{i:03d}.html").write_text(news_page(text[:60], text), encoding="utf-8")
    arts, errors = split(iter_articles(iter_inputs([str(tmp_path)])))
    assert errors == []
    by_uri = {Path(a.source_uri).name: a for a in arts}
    assert len(by_uri) == 2 * len(rows)
    for i, (_category, text) in enumerate(rows):
        plain = by_uri[f"{i:03d}.txt"]
        assert plain.text == text.rstrip()
        assert plain.language == "de"
        page = by_uri[f"{i:03d}.html"]
        assert page.language == "de"
        assert page.title == text[:60].strip()
        assert page.published == date(2016, 3, 4)
        # main text kept: every sentence of the article is there
        flat = " ".join(page.text.split())  # trafilatura collapses runs of spaces
        for sentence in [" ".join(s.split()) for s in text.split(". ") if len(s.strip()) > 20]:
            assert sentence in flat, (i, sentence)
        # boilerplate gone
        for junk in [FOOTER, SIDEBAR, "Wir verwenden Cookies", "Startseite", "Anmelden", "Musterzeitung"]:
            assert junk not in page.text, (i, junk)


def test_mixed_folder_good_items_become_articles_bad_ones_one_error_each(tmp_path):
    rows = gnad_rows(range(20, 23))
    for i, (_c, text) in enumerate(rows):
        (tmp_path / f"good{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\r\n ")
    (tmp_path / "latin1_de.txt").write_bytes((FIXTURES / "latin1_de.txt").read_bytes())
    (tmp_path / "broken.html").write_bytes((FIXTURES / "broken.html").read_bytes())
    (tmp_path / "nav_only.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (tmp_path / "articles.jsonl").write_bytes((FIXTURES / "articles.jsonl").read_bytes())

    arts, errors = split(iter_articles(iter_inputs([str(tmp_path)])))
    bad = {"image.png", "report.pdf", "blob.bin", "empty.txt", "blank.txt", "nav_only.html", "articles.jsonl#L2"}
    assert sorted(Path(e.uri).name for e in errors) == sorted(bad)  # exactly one error per bad item
    err = {Path(e.uri).name: e for e in errors}
    assert "PNG" in err["image.png"].reason and err["image.png"].stage == "documents"
    assert "PDF" in err["report.pdf"].reason
    assert "binary" in err["blob.bin"].reason
    assert "empty" in err["empty.txt"].reason and "empty" in err["blank.txt"].reason
    assert "no extractable main text" in err["nav_only.html"].reason
    assert "line 2" in err["articles.jsonl#L2"].reason and err["articles.jsonl#L2"].stage == "sources"

    good = {Path(a.source_uri).name: a for a in arts}
    assert sorted(good) == sorted(["good0.txt", "good1.txt", "good2.txt", "latin1_de.txt", "broken.html",
                                   "articles.jsonl#L1", "articles.jsonl#L3"])
    assert good["latin1_de.txt"].text.startswith("Bürgerproteste in Köln\n\nIn Köln haben")
    assert "Die Oberbürgermeisterin äußerte Verständnis" in good["latin1_de.txt"].text
    assert "Der Bundestag soll im Dezember" in good["broken.html"].text
    assert "Start" not in good["broken.html"].text.split()
    assert good["articles.jsonl#L1"].published == date(2024, 10, 7)
    assert good["articles.jsonl#L1"].site == "example.org"
    assert good["articles.jsonl#L3"].language == "en"


# --- decode -----------------------------------------------------------------------------------

LATIN1_SENTENCE = "Die Bürger in Köln äußerten große Sorge über die Schließung der Straßenbahn."


def test_decode_latin1_german():
    assert decode(LATIN1_SENTENCE.encode("latin-1")) == LATIN1_SENTENCE
    assert decode((FIXTURES / "latin1_de.txt").read_bytes()).startswith("Bürgerproteste in Köln")


def test_decode_cp1252_declared_in_html_meta():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            f"</head><body><p>{LATIN1_SENTENCE} „Zitat“ – Ende</p></body></html>")
    assert "„Zitat“ – Ende" in decode(page.encode("cp1252"), is_html=True)
    page2 = f'<html><head><meta charset="iso-8859-1"></head><body><p>{LATIN1_SENTENCE}</p></body></html>'
    assert LATIN1_SENTENCE in decode(page2.encode("latin-1"), is_html=True)


def test_decode_wrong_declaration_falls_back():
    # the page says UTF-8 but was saved as Latin-1: the declaration fails strictly, detection takes over
    page = f'<html><head><meta charset="utf-8"></head><body><p>{LATIN1_SENTENCE}</p></body></html>'
    assert LATIN1_SENTENCE in decode(page.encode("latin-1"), is_html=True)


def test_decode_boms_and_newlines():
    text = "Zeile eins\r\nZeile zwei\rZeile drei\n"
    expected = "Zeile eins\nZeile zwei\nZeile drei\n"
    assert decode(text.encode("utf-8-sig")) == expected
    assert decode(text.encode("utf-16")) == expected
    assert decode(text.encode("utf-32")) == expected
    assert decode(text.encode("utf-8")) == expected


def test_decode_uses_charset_hint():
    data = "Grüße".encode("cp1252")
    assert decode(data, charset="windows-1252") == "Grüße"


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"Text mit\x00NUL", "NUL bytes"),
        ("ohne BOM".encode("utf-16-le"), "NUL bytes"),
        (b"%PDF-1.4 ...", "PDF"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"\x1f\x8b\x08\x00", "GZIP"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"abc\x01\x02\x03\x04\x05def" * 10, "control characters"),
    ],
)
def test_decode_rejects_binary(data, expected):
    with pytest.raises(DocumentError, match=expected) as info:
        decode(data)
    assert isinstance(info.value, ValueError)
    assert "binary" in str(info.value)


def test_decode_invalid_bom_text_is_undecodable():
    with pytest.raises(DocumentError, match="undecodable"):
        decode(b"\xef\xbb\xbfgut \xff\xfe kaputt")


# --- build_article ----------------------------------------------------------------------------


def test_english_text_is_en():
    art = build_article(raw(ENGLISH, uri="mem:en"))
    assert art.language == "en"
    assert art.title == "Parliament rejects budget after marathon session"
    assert detect_language(ENGLISH) == "en"
    assert build_article(raw((FIXTURES / "english.txt").read_bytes())).language == "en"


def test_language_precedence():
    assert build_article(raw(ENGLISH, language="de-DE")).language == "de"
    assert build_article(raw(ENGLISH, language="de"), language="fr").language == "fr"
    assert detect_language("   ") == "und"


def test_published_precedence():
    page = news_page("Titel", gnad_rows(range(30, 31))[0][1], published="2016-05-01T08:00:00+02:00")
    assert build_article(raw(page, content_type="text/html")).published == date(2016, 5, 1)
    assert build_article(raw(page, content_type="text/html", published="2016-06-02")).published == date(2016, 6, 2)
    assert build_article(raw(page, content_type="text/html", published="2016-06-02T23:10:00Z"),
                         published=date(2016, 7, 3)).published == date(2016, 7, 3)
    assert build_article(raw("Ein Text.", published="2024-10-08T10:00:00+00:00")).published == date(2024, 10, 8)
    assert build_article(raw("Ein Text.", published="kein Datum")).published is None
    assert build_article(raw("Ein Text.")).published is None


def test_plain_text_kept_as_given():
    text = "  Erste Zeile  \r\n\r\nZweite   Zeile mit  Leerraum.\t\n\n\n"
    art = build_article(raw(text, uri="mem:x"))
    assert art.text == "  Erste Zeile  \n\nZweite   Zeile mit  Leerraum."
    assert art.title == "Erste Zeile"


def test_plain_text_long_first_line_has_no_title():
    art = build_article(raw("Wort " * 60 + "\nzweite Zeile"))
    assert art.title is None


def test_html_without_content_type_hint_is_sniffed():
    _c, text = gnad_rows(range(40, 41))[0]
    art = build_article(raw(news_page("Ein Titel", text)))  # no content_type hint
    assert "Startseite" not in art.text and art.title == "Ein Titel"


def test_html_without_main_text_is_an_error():
    with pytest.raises(DocumentError, match="no extractable main text") as info:
        build_article(raw("<html><body><div></div></body></html>", uri="mem:empty", content_type="text/html"))
    assert info.value.uri == "mem:empty" and "mem:empty" in str(info.value)


@pytest.mark.parametrize("data", [b"", b"   \n\t ", "\ufeff  \n".encode("utf-8")])
def test_empty_input_is_an_error(data):
    with pytest.raises(DocumentError, match="empty"):
        build_article(raw(data))


def test_truncated_html_still_gives_text():
    _c, text = gnad_rows(range(50, 51))[0]
    page = news_page("Abgeschnitten", text)
    cut = page[: page.index("</article>") - 40]  # truncated inside the article body, tags left open
    art = build_article(raw(cut, content_type="text/html"))
    assert " ".join(text.split(". ")[0].split()) in " ".join(art.text.split())


def test_jsonl_hints_become_article_fields():
    line = {"url": "https://www.Example.org/a?x=1", "title": "T", "text": "Die Regierung trat zurück.",
            "published": "2024-10-07", "language": "de"}
    from eventwire.sources import parse_jsonl_line

    doc = parse_jsonl_line(json.dumps(line), "dump.jsonl", 4)
    art = build_article(doc)
    assert (art.url, art.site, art.title, art.published, art.language) == (
        "https://www.Example.org/a?x=1", "example.org", "T", date(2024, 10, 7), "de")
    assert art.source_uri == "dump.jsonl#L4"


# --- identity ---------------------------------------------------------------------------------


def test_same_content_twice_same_id(tmp_path):
    _c, text = gnad_rows(range(60, 61))[0]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text + "\n\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(text.upper().replace(" ", "  "), encoding="utf-8")
    a, b, c = [build_article(d) for d in iter_inputs([str(tmp_path)])]
    assert a.id == b.id == c.id == a.content_hash
    assert build_article(raw(text, url="https://x.org/1")).id == build_article(raw(text, url="https://x.org/1")).id


def test_same_text_two_urls_two_ids():
    _c, text = gnad_rows(range(61, 62))[0]
    a = build_article(raw(text, url="https://www.derstandard.at/story/1"))
    b = build_article(raw(text, url="https://orf.at/stories/1"))
    assert a.content_hash == b.content_hash
    assert a.id != b.id
    assert (a.site, b.site) == ("derstandard.at", "orf.at")


def test_identity_functions():
    h = content_hash("Ein  Text\n über   Köln")
    assert h == content_hash("ein text über köln") and len(h) == 16
    assert content_hash("DIE STRASSE") == content_hash("die Straße")
    assert int(h, 16) >= 0
    assert article_id(None, h) == h
    assert article_id("https://a.org/x", h) != h and len(article_id("https://a.org/x", h)) == 16
    assert site_of("https://WWW.Example.com:8080/p") == "example.com"
    assert site_of("https://news.example.com/p") == "news.example.com"
    assert site_of(None) is None and site_of("not a url") is None
