"""The `eventwire` command line, run as a user runs it: a real subprocess on real files."""
import json
import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed_de_dayfr.txt"
SEED_EN = ROOT / "examples" / "seed_en.txt"


def run(*args, stdin=None, check=True):
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "COLUMNS": "200"})
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def test_code_reads_stdin_and_prints_contract_records():
    proc = run("code", "-", "--lang", "de", "--date", "2024-10-08", "--format", "jsonl",
               stdin=SEED.read_text(encoding="utf-8"))
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    strike = [r for r in records if r["event_type"] == "ASSAULT"
              and [a["country"] for a in r["actor"]] == ["UKR"]
              and "PRK" in [a["country"] for a in r["recipient"]]]
    assert strike and strike[0]["date"] == "2024-10-03"
    assert strike[0]["location"]["name"] == "Donetsk"
    assert strike[0]["attribution"]["speaker"]["country"] == "KOR"
    text = SEED.read_text(encoding="utf-8")
    for r in records:
        assert text[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["sentence"]


def test_code_table_and_bad_date():
    proc = run("code", SEED_EN, "--lang", "en", "--date", "2024-10-08", "--format", "table")
    assert "ASSAULT" in proc.stdout and "UKR" in proc.stdout
    bad = run("code", SEED, "--date", "8.10.2024", check=False)
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr


def test_ingest_events_stats_export_roundtrip(tmp_path):
    store = tmp_path / "store"
    run("ingest", SEED, "--store", store, "--date", "2024-10-08")
    stats = json.loads(run("stats", "--store", store, "--format", "json").stdout)
    assert stats["articles"] == 1 and stats["mentions"] > 5 and stats["events"] > 5

    # re-ingesting the same content adds nothing
    again = run("ingest", SEED, "--store", store, "--date", "2024-10-08")
    assert "duplicates 1" in again.stderr
    assert json.loads(run("stats", "--store", store, "--format", "json").stdout) == stats

    rows = [json.loads(line) for line in
            run("events", "--store", store, "--actor", "UKR", "--type", "assault", "--format", "jsonl").stdout.splitlines()]
    assert rows and all(r["event_type"] == "ASSAULT" and "UKR" in r["actor_countries"] for r in rows)
    none = run("events", "--store", store, "--actor", "FRA", "--format", "jsonl").stdout
    assert none.strip() == ""
    assert "Raketenangriff" in run("events", "--store", store, "--text", "Donezk", "--format", "csv").stdout

    for fmt, name in (("plover", "out.jsonl"), ("gdelt", "out.tsv"), ("gdelt-mentions", "mentions.tsv"),
                      ("csv", "out.csv"), ("parquet", "out.parquet")):
        out = tmp_path / name
        run("export", "--store", store, "--format", fmt, out)
        assert out.exists() and out.stat().st_size > 0
    first = json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])
    assert {"event", "actor", "recipient", "date"} <= set(first)
    events_table = (tmp_path / "out.tsv").read_text().splitlines()
    assert events_table[0].startswith("GLOBALEVENTID\tSQLDATE")
    mentions_table = (tmp_path / "mentions.tsv").read_text().splitlines()
    assert mentions_table[0].startswith("GlobalEventID\tEventTimeDate")
    # the mentions table joins the events table on the GDELT event id
    event_ids = {line.split("\t")[0] for line in events_table[1:]}
    assert {line.split("\t")[0] for line in mentions_table[1:]} <= event_ids
    assert len(mentions_table) - 1 == stats["mentions"]


def test_ingest_reports_bad_files_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    proc = run("ingest", folder, "--store", tmp_path / "store", "--date", "2024-10-08", check=False)
    assert proc.returncode == 1
    assert "binary.txt" in proc.stderr and "empty.txt" in proc.stderr
    assert "coded 1" in proc.stderr and "failed 2" in proc.stderr


def test_missing_store_says_what_to_do(tmp_path):
    proc = run("events", "--store", tmp_path / "nothing", check=False)
    assert proc.returncode != 0 and "eventwire ingest" in proc.stderr


def test_explain_names_lexicon_entries_and_rules():
    proc = run("explain", "Russland hat am Montag die ukrainische Hauptstadt Kiew mit Raketen angegriffen.",
               "--lang", "de", "--date", "2024-10-08")
    out = proc.stdout
    assert "ASSAULT" in out
    assert "de/triggers.tsv:" in out  # the trigger's lexicon line
    assert "de/actors.tsv:" in out  # the actor mention's lexicon line
    assert "2024-10-07" in out  # "am Montag" resolved against the publication date
    assert "subject" in out  # the role rule that picked the actor


def test_claims_lists_both_sides_of_the_arms_supply_claim(tmp_path):
    store = tmp_path / "store"
    run("ingest", SEED, "--store", store, "--date", "2024-10-08")
    claims = [json.loads(line) for line in run("claims", "--store", store, "--format", "jsonl").stdout.splitlines()]
    supply = [c for c in claims if c["event_type"] == "AID" and c["denied_by"]]
    assert supply, claims
    claimants = {e["speaker"]["country"] for e in supply[0]["asserted_by"] + supply[0]["hedged_by"]}
    deniers = {e["speaker"]["country"] for e in supply[0]["denied_by"]}
    assert "KOR" in claimants and {"PRK", "RUS"} <= deniers
    backers = {b["country"] for e in supply[0]["hedged_by"] + supply[0]["asserted_by"] for b in e["backed_by"]}
    assert "USA" in backers
    strike = [c for c in claims if c["event_type"] == "ASSAULT" and c["date"] == "2024-10-03"]
    assert strike and strike[0]["hedged_by"][0]["speaker"]["name"] == "Kim Yong-hyun"
    table = run("claims", "--store", store).stdout
    assert "denied by" in table and "Kim Yong-hyun" in table
