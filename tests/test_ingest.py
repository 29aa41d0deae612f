"""End-to-end ingest: the acceptance folder, re-runs, kill -9 + re-run, Dask vs serial, URLs, summary."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.pipeline import ingest
from eventwire.store import Store

from ingest_helpers import LocalServer

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "fixtures" / "ingest" / "folder"
EVENTWIRE = [sys.executable, "-m", "eventwire.cli"]
UNREADABLE = {"zz_binary.txt", "zz_empty.txt", "zz_broken.html", "zz_truncated.warc"}


def run_cli(*args, check_rc=None, input=None):
    """`eventwire ARGS` in this process (click's runner: no interpreter start-up per call)."""
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    if check_rc is not None:
        assert result.exit_code == check_rc, result.stderr
    return result


def run_subprocess(*args, check_rc=None):
    proc = subprocess.run([*EVENTWIRE, *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=180)
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr
    return proc


def snapshot(store_dir: Path) -> dict:
    """What must be equal between two stores: stats (less path), article, mention and event ids."""
    store = Store(store_dir)
    stats = store.stats()
    stats.pop("path")
    cur = store._cursor()
    try:
        ids = {t: sorted(r[0] for r in cur.execute(q).fetchall()) for t, q in {
            "articles": "SELECT id || '|' || coalesce(dup_of, '') FROM raw_articles",
            "mentions": "SELECT id || '|' || event_id FROM raw_mentions",
            "sentences": "SELECT article_id || '|' || \"index\" FROM raw_sentences"}.items()}
    finally:
        cur.close()
        store.close()
    return {"stats": stats, **ids}


CLEAN_STDERR: dict[str, str] = {}


@pytest.fixture(scope="module")
def clean_store(tmp_path_factory) -> Path:
    """A clean run of the real `eventwire` command (a subprocess, as the killed runs are)."""
    store = tmp_path_factory.mktemp("clean") / "store"
    proc = run_subprocess("ingest", FOLDER, "--store", store, "--batch-size", "4", check_rc=1)
    CLEAN_STDERR["stderr"] = proc.stderr
    return store


def test_acceptance_folder(clean_store):
    snap = snapshot(clean_store)
    # 50 articles + the Latin-1 file + the two whole records of the truncated WARC
    assert snap["stats"]["articles"] == 53
    assert snap["stats"]["mentions"] > 0 and snap["stats"]["events"] > 0
    assert snap["stats"]["languages"].get("de") == 53
    store = Store(clean_store)
    uris = {r["source_uri"] for r in _rows(store, "SELECT source_uri FROM raw_articles")}
    assert str(FOLDER / "zz_latin1.txt") in uris
    assert {"https://example.org/news/70", "https://example.org/news/71"} <= uris
    assert not any(Path(u).name in UNREADABLE for u in uris)
    latin = _rows(store, f"SELECT text FROM raw_articles WHERE source_uri = '{FOLDER / 'zz_latin1.txt'}'")
    assert "Präsid" in latin[0]["text"] or "ü" in latin[0]["text"]


def _rows(store, sql):
    cur = store._cursor()
    try:
        res = cur.execute(sql)
        cols = [d[0] for d in res.description]
        return [dict(zip(cols, r)) for r in res.fetchall()]
    finally:
        cur.close()


def test_acceptance_errors_and_summary(clean_store, tmp_path):
    stderr = CLEAN_STDERR["stderr"]
    lines = [ln for ln in stderr.splitlines() if ln.startswith("error ")]
    named = {Path(ln.split(":")[0].split(" ", 1)[1]).name for ln in lines}
    assert named == UNREADABLE, stderr
    assert len(lines) == 4
    assert "read 53, coded 53, duplicates 0, near-duplicates 0, failed 4" in stderr
    assert "binary input" in stderr and "empty input" in stderr and "truncated" in stderr
    # a re-run adds nothing and gives the same stats
    store = tmp_path / "s"
    shutil.copytree(clean_store, store)
    first = snapshot(store)
    proc = run_cli("ingest", FOLDER, "--store", store, "--batch-size", "4", check_rc=1)
    assert "read 53, coded 0, duplicates 53" in proc.stderr
    assert snapshot(store) == first


def test_exit_zero_when_nothing_failed(tmp_path):
    proc = run_cli("ingest", FOLDER / "article_00.txt", FOLDER / "article_01.html", "--store", tmp_path / "s",
                   check_rc=0)
    assert "read 2, coded 2" in proc.stderr and "failed 0" in proc.stderr


def test_same_store_after_rerun_and_after_kill_9(clean_store, tmp_path):
    clean = snapshot(clean_store)
    # the same batches whatever the batch size? no: compare like with like (batch size 4)
    store = tmp_path / "killed"
    kills = 0
    for attempt in range(1):  # kill once batch 2 is stored (mid-run), then finish with a full run
        proc = subprocess.Popen([*EVENTWIRE, "ingest", str(FOLDER), "--store", str(store), "--batch-size", "4"],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        batches = store / "batches"
        target = 2 + 4 * attempt
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            done = [p for p in batches.iterdir() if not p.name.startswith(".")] if batches.is_dir() else []
            if len(done) >= target:
                break
            time.sleep(0.005)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 1, "the run ended before it could be killed"
    run_subprocess("ingest", FOLDER, "--store", store, "--batch-size", "4", check_rc=1)
    assert not any(p.name.startswith(".tmp-") for p in (store / "batches").iterdir())
    assert snapshot(store) == clean


@pytest.mark.slow  # ~15-20 s on 2 cores: two worker processes load the coder; still runs in `make test`
def test_dask_two_workers_same_store_as_serial(clean_store, tmp_path):
    pytest.importorskip("distributed")
    store = tmp_path / "dask"
    proc = run_cli("ingest", FOLDER, "--store", store, "--batch-size", "4", "--workers", "2", check_rc=1)
    assert "read 53, coded 53" in proc.stderr
    assert snapshot(store) == snapshot(clean_store)


def test_ingest_url_and_feed(tmp_path):
    page = (FOLDER / "article_01.html").read_bytes()
    with LocalServer() as srv:
        rss = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
               f'<item><title>A</title><link>{srv.base}/a3</link></item></channel></rss>').encode()
        srv.routes.update({"/a1": (200, {"Content-Type": "text/html"}, page),
                           "/a3": (200, {"Content-Type": "text/html"}, (FOLDER / "article_03.html").read_bytes()),
                           "/feed": (200, {"Content-Type": "application/rss+xml"}, rss)})
        refused = run_cli("ingest", srv.base + "/a1", "--store", tmp_path / "s", check_rc=1)
        assert "private, loopback" in refused.stderr and srv.requests == []
        proc = run_cli("ingest", srv.base + "/a1", srv.base + "/feed", "--store", tmp_path / "s",
                       "--allow-private", "--rate", "0", check_rc=0)
    assert "read 2, coded 2" in proc.stderr
    urls = sorted(r["url"] for r in _rows(Store(tmp_path / "s"), "SELECT url FROM raw_articles"))
    assert urls == [srv.base + "/a1", srv.base + "/a3"]
    assert all("eventwire" in h["user-agent"] for _, h in srv.requests)


def test_stdin_and_jsonl(tmp_path):
    text = (FOLDER / "article_00.txt").read_text("utf-8")
    proc = run_cli("ingest", "-", "--store", tmp_path / "s", input=text.encode(), check_rc=0)
    assert "read 1, coded 1" in proc.stderr
    j = tmp_path / "a.jsonl"
    j.write_text(json.dumps({"text": (FOLDER / "article_02.txt").read_text("utf-8"), "url": "https://x.org/2"})
                 + "\n{bad\n", "utf-8")
    proc = run_cli("ingest", j, "--store", tmp_path / "s", check_rc=1)
    assert "read 1, coded 1" in proc.stderr and "a.jsonl" in proc.stderr


def test_library_ingest_summary_counts(tmp_path):
    summary = ingest([str(FOLDER)], Store(tmp_path / "s"), batch_size=100)
    assert (summary.read, summary.coded, summary.duplicates, summary.failed) == (53, 53, 0, 4)
    assert summary.batches == 1
    reasons = dict(summary.reasons())
    assert sum(reasons.values()) == 4 and any("binary input" in r for r in reasons)
