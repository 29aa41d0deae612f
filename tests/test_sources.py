"""eventwire.sources: files, folders, JSONL and stdin → RawDocument | SourceError."""
from __future__ import annotations

import io
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from eventwire.records import RawDocument, SourceError
from eventwire.sources import iter_inputs, sniff_content_type

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "seed_de_dayfr.txt"


def split(items):
    items = list(items)
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, SourceError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def test_seed_file_is_one_plain_text_document():
    docs, errors = split(iter_inputs([str(SEED)]))
    assert errors == []
    (doc,) = docs
    assert doc.uri == str(SEED)
    assert doc.data == SEED.read_bytes()
    assert doc.hints["content_type"] == "text/plain"
    assert doc.fetched_at == datetime.fromtimestamp(SEED.stat().st_mtime, tz=timezone.utc)
    assert doc.fetched_at.tzinfo is not None


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("a.txt", b"<p>looks like html but .txt</p>", "text/plain"),
        ("noext", b"<html><body>x</body></html>", "text/plain"),
        ("a.html", b"just text", "text/html"),
        ("a.HTM", b"<p>x</p>", "text/html"),
        ("a.xhtml", b"<?xml version='1.0'?><html/>", "text/html"),
        ("a.dat", b"\xef\xbb\xbf  \n <!DOCTYPE html><html></html>", "text/html"),
        ("a.dat", b"Plain words < and > signs", "text/plain"),
        ("a.md", b"# Heading\n\nText", "text/plain"),
    ],
)
def test_content_type_by_extension_or_sniffing(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    (doc,) = list(iter_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.hints["content_type"] == expected
    assert doc.data == content


def test_sniff_content_type():
    assert sniff_content_type(b"  <html>") == "text/html"
    assert sniff_content_type(b"<!-- c --><p>") == "text/html"
    assert sniff_content_type("<html>".encode("utf-16")) == "text/html"
    assert sniff_content_type(b"< not a tag") == "text/plain"
    assert sniff_content_type(b"") == "text/plain"


def test_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.txt").write_text("a")
    (tmp_path / "a.txt").write_text("top")
    (tmp_path / "c.html").write_text("<p>c</p>")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden too")
    docs, errors = split(iter_inputs([str(tmp_path)]))
    assert errors == []
    assert [Path(d.uri).relative_to(tmp_path).as_posix() for d in docs] == ["a.txt", "b/a.txt", "b/z.txt", "c.html"]
    # deterministic
    assert [d.uri for d in iter_inputs([str(tmp_path)])] == [d.uri for d in docs]


def test_jsonl_one_document_per_line_and_bad_line_is_one_error():
    path = str(FIXTURES / "articles.jsonl")
    docs, errors = split(iter_inputs([path]))
    assert [d.uri for d in docs] == [f"{path}#L1", f"{path}#L3"]
    first = docs[0]
    assert first.data == "Die Regierung ist am Montag nach einem Misstrauensvotum im Parlament zurückgetreten.".encode()
    assert first.hints == {
        "content_type": "text/plain", "line": 1, "url": "https://www.example.org/news/1",
        "title": "Regierung tritt zurück", "published": "2024-10-07T09:30:00+02:00", "language": "de",
    }
    assert "language" not in docs[1].hints  # null field → no hint
    (err,) = errors
    assert err.uri == f"{path}#L2"
    assert err.stage == "sources"
    assert path in err.reason and "line 2" in err.reason and "invalid JSON" in err.reason


def test_jsonl_field_errors_blank_lines_and_ndjson(tmp_path):
    path = tmp_path / "dump.ndjson"
    path.write_text(
        "\n".join([
            json.dumps({"text": "eins"}),
            "",
            "[1, 2]",
            json.dumps({"title": "no text"}),
            json.dumps({"text": 5}),
            json.dumps({"text": "zwei", "url": 7}),
            json.dumps({"text": "drei", "published": None}),
        ]),
        encoding="utf-8",
    )
    docs, errors = split(iter_inputs([str(path)]))
    assert [d.hints["line"] for d in docs] == [1, 7]
    assert [e.uri.rsplit("#", 1)[1] for e in errors] == ["L3", "L4", "L5", "L6"]
    assert "JSON object" in errors[0].reason
    assert '"text" is missing' in errors[1].reason
    assert '"url" must be a string' in errors[3].reason


def test_jsonl_invalid_utf8_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "gut"}\n{"text": "M\xfcnchen"}\n')
    docs, errors = split(iter_inputs([str(path)]))
    assert len(docs) == 1 and len(errors) == 1
    assert "UTF-8" in errors[0].reason


def test_missing_path_gives_error_and_iteration_continues(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Text")
    items = list(iter_inputs([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(items[0], SourceError) and "no such file" in items[0].reason
    assert isinstance(items[1], RawDocument) and items[1].uri == str(good)


def test_broken_symlink_in_folder_is_an_error(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "vanished.txt")
    (tmp_path / "ok.txt").write_text("ok")
    docs, errors = split(iter_inputs([str(tmp_path)]))
    assert [Path(d.uri).name for d in docs] == ["ok.txt"]
    assert [Path(e.uri).name for e in errors] == ["gone.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_an_error(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("secret")
    path.chmod(0)
    try:
        (err,) = list(iter_inputs([str(path)]))
    finally:
        path.chmod(0o644)
    assert isinstance(err, SourceError) and "cannot read" in err.reason


def test_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    small = tmp_path / "small.txt"
    small.write_bytes(b"y" * 10)
    docs, errors = split(iter_inputs([str(tmp_path)], max_bytes=1000))
    assert [Path(d.uri).name for d in docs] == ["small.txt"]
    (err,) = errors
    assert err.uri == str(big)
    assert "too large" in err.reason and "2000" in err.reason and "1000" in err.reason


def test_stdin_whole_text_is_one_document():
    data = SEED.read_bytes()
    (doc,) = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(doc, RawDocument)
    assert doc.uri == "<stdin>" and doc.data == data and doc.hints["content_type"] == "text/plain"


def test_stdin_html_is_sniffed():
    (doc,) = list(iter_inputs(["-"], stdin=io.BytesIO(b"<html><body><p>x</p></body></html>")))
    assert doc.hints["content_type"] == "text/html"


def test_stdin_jsonl():
    data = (FIXTURES / "articles.jsonl").read_bytes()
    docs, errors = split(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert [d.uri for d in docs] == ["<stdin>#L1", "<stdin>#L3"]
    assert [e.uri for e in errors] == ["<stdin>#L2"]


def test_stdin_text_starting_with_brace_is_not_jsonl():
    data = b"{Kommentar}\nDie Regierung hat beschlossen.\n"
    (doc,) = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(doc, RawDocument) and doc.data == data


def test_read_file_on_unreadable_path_is_an_error(tmp_path):
    from eventwire.sources import read_file

    (err,) = list(read_file(str(tmp_path)))  # a folder cannot be opened as a file
    assert isinstance(err, SourceError) and err.uri == str(tmp_path) and "cannot read" in err.reason
