"""`eventwire`: one command-line entry point, a thin layer over the library."""
from __future__ import annotations

import csv
import json
import os
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.records import Article, SourceError
from eventwire.evaluation.registry import DATASETS, SPLITTABLE

err = Console(stderr=True)
# Wide tables when piped (no terminal width to respect); the terminal's width otherwise.
out = Console(width=None if sys.stdout.isatty() else 160)


def default_store() -> str:
    if os.environ.get("EVENTWIRE_STORE"):
        return os.environ["EVENTWIRE_STORE"]
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "eventwire", "store")


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2024-10-08")


store_option = click.option("--store", "store_path", default=default_store, show_default="$EVENTWIRE_STORE "
                            "or ~/.local/share/eventwire/store", help="Store folder.")
lang_option = click.option("--lang", default="auto", show_default=True,
                           help="Language of the input (de, en, es, fr) or auto to detect it.")
date_option = click.option("--date", "published", callback=_parse_date,
                           help="Publication date YYYY-MM-DD: the base for relative dates.")


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """Turn news in any language into political event data."""


def _language(lang: str) -> str | None:
    return None if lang == "auto" else lang


def _progress(label: str) -> Progress:
    return Progress(SpinnerColumn(), TextColumn(label), BarColumn(), TextColumn("{task.completed} items"),
                    TimeElapsedColumn(), console=err, disable=not err.is_terminal, transient=True)


@main.command()
@click.argument("inputs", nargs=-1)
@lang_option
@date_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
def code(inputs, lang, published, fmt):
    """Code text or HTML (files, folders or - for stdin) and print event records; stores nothing."""
    from eventwire.pipeline import articles_from, code_article

    failed = 0
    rows = []
    for item in articles_from(inputs or ["-"], _language(lang), published):
        if isinstance(item, SourceError):
            err.print(f"[red]error[/red] {item}")
            failed += 1
            continue
        for mention in code_article(item).mentions:
            if fmt == "jsonl":
                click.echo(json.dumps(mention.to_json(), ensure_ascii=False))
            else:
                rows.append(mention.to_json())
    if fmt == "table":
        _print_mentions_table(rows)
    sys.exit(1 if failed else 0)


def _who(refs) -> str:
    return ", ".join(filter(None, ((r.get("country") or "?") + (f"/{r['sector']}" if r.get("sector") else "")
                                   for r in refs))) or "-"


def _print_mentions_table(rows: list[dict]) -> None:
    table = Table(show_lines=False)
    for col in ("type", "actor", "recipient", "date", "where", "speaker", "stance", "trigger"):
        table.add_column(col)
    for r in rows:
        speaker = r["attribution"]["speaker"]
        m = r["modality"]
        table.add_row(r["event_type"], _who(r["actor"]), _who(r["recipient"]),
                      f"{r['date'] or '-'} ({r['date_precision'] or '-'})",
                      (r["location"] or {}).get("name") or "-",
                      (speaker or {}).get("name") or (speaker or {}).get("text") or "-",
                      f"{m['polarity']}, {m['certainty']}, {m['tense']}", r["evidence"]["trigger"])
    out.print(table)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@lang_option
@date_option
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Articles per atomic store batch (and per Dask task).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Code on a local Dask cluster of N worker processes (needs eventwire[scale]).")
@click.option("--scheduler", default=None, help="Code on a running Dask cluster: tcp://HOST:PORT.")
@click.option("--allow-private", is_flag=True, help="Allow fetching from private, loopback and link-local "
              "addresses (local servers, tests).")
@click.option("--ignore-robots", is_flag=True, help="Do not honour robots.txt when fetching.")
@click.option("--fetch-timeout", type=float, default=20.0, show_default=True, help="Seconds per fetched URL.")
@click.option("--rate", "min_interval", type=float, default=1.0, show_default=True,
              help="Minimum seconds between two requests to the same host.")
@click.option("--no-near-dups", is_flag=True, help="Skip near-duplicate detection (MinHash).")
def ingest(paths, store_path, lang, published, batch_size, workers, scheduler, allow_private, ignore_robots,
           fetch_timeout, min_interval, no_near_dups):
    """Read text/HTML/JSONL/WARC files, RSS/Atom feeds, folders, URLs or - (stdin), code them and add
    them to the store.  Exits 1 when any input failed (each named in an error line)."""
    from rich.markup import escape

    from eventwire.pipeline import ingest as run_ingest
    from eventwire.sources.fetch import Fetcher
    from eventwire.store import Store, StoreError

    if workers and scheduler:
        raise click.UsageError("use --workers or --scheduler, not both")
    fetcher = Fetcher(allow_private=allow_private, respect_robots=not ignore_robots, timeout=fetch_timeout,
                      min_interval=min_interval)
    try:
        store = Store(store_path)
        with _progress("ingesting") as progress:
            task = progress.add_task("ingest", total=None)

            def on_item(item: Article | SourceError) -> None:
                progress.advance(task)
                if isinstance(item, SourceError):
                    err.print(f"[red]error[/red] {escape(str(item))}", highlight=False, soft_wrap=True)

            summary = run_ingest(paths, store, _language(lang), published, on_item=on_item,
                                 batch_size=batch_size, fetcher=fetcher, workers=workers, scheduler=scheduler,
                                 near_duplicates=not no_near_dups)
    except StoreError as exc:
        raise click.ClickException(str(exc))
    except Exception as exc:
        from eventwire.scale import ScaleError
        if isinstance(exc, ScaleError):
            raise click.ClickException(str(exc))
        raise
    for e in summary.errors:
        if e.stage == "coding":  # coding errors come from the coder, after on_item
            err.print(f"[red]error[/red] {escape(str(e))}", highlight=False, soft_wrap=True)
    err.print(f"read {summary.read}, coded {summary.coded}, duplicates {summary.duplicates}, "
              f"near-duplicates {summary.near_duplicates}, failed {summary.failed}, "
              f"event mentions {summary.mentions}, batches {summary.batches} → {store_path}", highlight=False,
              soft_wrap=True)
    if summary.failed:
        reasons: dict[str, int] = {}
        for e in summary.errors:
            reasons[e.stage] = reasons.get(e.stage, 0) + 1
        err.print("failed by stage: " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())), highlight=False,
                  soft_wrap=True)
        for reason, n in summary.reasons():
            err.print(f"  {n} × {reason}", highlight=False, markup=False, soft_wrap=True)
        sys.exit(1)


def _filters(actor, recipient, event_type, since, until, text, limit):
    from eventwire.store import EventFilter
    return EventFilter(actor=actor, recipient=recipient, event_type=event_type.upper() if event_type else None,
                       since=since, until=until, text=text, limit=limit)


filter_options = [
    click.option("--actor", help="ISO3 code of an actor country, e.g. RUS."),
    click.option("--recipient", help="ISO3 code of a recipient country."),
    click.option("--type", "event_type", help="PLOVER event type, e.g. ASSAULT."),
    click.option("--since", callback=_parse_date, help="Earliest event date YYYY-MM-DD."),
    click.option("--until", callback=_parse_date, help="Latest event date YYYY-MM-DD."),
    click.option("--text", help="Words that must all occur in the evidence sentence or title."),
    click.option("--limit", type=int, default=None, help="At most this many rows."),
]


def with_filters(fn):
    for option in reversed(filter_options):
        fn = option(fn)
    return fn


def _open_store(store_path: str):
    from eventwire.store import Store
    if not Path(store_path, "store.json").exists():
        raise click.ClickException(f"no store at {store_path}; create one with "
                                   f"'eventwire ingest PATH --store {store_path}'")
    return Store(store_path)


def _emit(rows: list[dict], fmt: str, columns: list[str]) -> None:
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: (json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (list, dict))
                                 else v) for k, v in r.items()})
    else:
        table = Table()
        for c in columns:
            table.add_column(c, no_wrap=c != "sentence", overflow="ellipsis")
        for r in rows:
            table.add_row(*[_cell(r.get(c)) for c in columns])
        out.print(table)


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ",".join(str(v) for v in value) or "-"
    text = str(value)
    return text if len(text) <= 70 else text[:67] + "…"


EVENT_COLUMNS = ["event_id", "event_type", "actor_countries", "recipient_countries", "date", "date_precision",
                 "location_name", "num_mentions", "num_articles", "num_sources", "num_independent", "sentence"]
EVENT_TABLE_COLUMNS = ["event_type", "actor_countries", "recipient_countries", "date", "location_name",
                       "num_mentions", "num_articles", "num_independent", "sentence"]
MENTION_COLUMNS = ["id", "event_id", "event_type", "actor_countries", "recipient_countries", "date",
                   "speaker_country", "polarity", "certainty", "tense", "trigger", "sentence"]


@main.command()
@store_option
@with_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def events(store_path, actor, recipient, event_type, since, until, text, limit, fmt):
    """List consolidated events in the store."""
    rows = _open_store(store_path).events(_filters(actor, recipient, event_type, since, until, text, limit))
    for r in rows:
        r["location_name"] = (r.get("location") or {}).get("name")
    _emit(rows, fmt, EVENT_TABLE_COLUMNS if fmt == "table" else EVENT_COLUMNS)


@main.command()
@store_option
@with_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def mentions(store_path, actor, recipient, event_type, since, until, text, limit, fmt):
    """List event mentions (one per sentence and event) in the store."""
    rows = _open_store(store_path).mentions(_filters(actor, recipient, event_type, since, until, text, limit))
    if fmt == "jsonl":
        _emit(rows, fmt, [])
        return
    _emit([_flat_mention(r) for r in rows], fmt, MENTION_COLUMNS)


def _flat_mention(r: dict) -> dict:
    speaker = r["attribution"]["speaker"] or {}
    return {"id": r["id"], "event_id": r["event_id"], "event_type": r["event_type"],
            "actor_countries": [a["country"] for a in r["actor"] if a["country"]],
            "recipient_countries": [a["country"] for a in r["recipient"] if a["country"]],
            "date": r["date"], "speaker_country": speaker.get("country"), **{
                k: r["modality"][k] for k in ("polarity", "certainty", "tense")},
            "trigger": r["evidence"]["trigger"], "sentence": r["evidence"]["sentence"]}


@main.command()
@store_option
@with_filters
@click.option("--all", "with_narrator", is_flag=True,
              help="Also list events that only the articles themselves assert (no speaker, no denial).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def claims(store_path, actor, recipient, event_type, since, until, text, limit, with_narrator, fmt):
    """Who asserts, hedges and denies each event, and since when: one line per claim."""
    from eventwire.consolidate.claims import claims as claim_records
    from eventwire.consolidate.records import store_articles

    store = _open_store(store_path)
    rows = store.mentions(_filters(actor, recipient, event_type, since, until, text, None))
    records = claim_records(rows, store_articles(store, {r["article_id"] for r in rows}))
    if not with_narrator:
        records = [c for c in records if c["denied_by"] or c["negated_by"] or any(
            e["speaker"]["kind"] == "speaker" for e in c["asserted_by"] + c["hedged_by"])]
    records = records[:limit] if limit else records
    if fmt == "jsonl":
        _emit(records, fmt, [])
        return
    table = Table(show_lines=True)
    for col in ("claim", "date", "asserted by", "hedged by", "denied by"):
        table.add_column(col)
    for c in records:
        claim = f"{c['event_type']} {_codes(c['actor_countries'])} → {_codes(c['recipient_countries'])}"
        table.add_row(claim, c.get("date") or "-", _stances(c["asserted_by"]), _stances(c["hedged_by"]),
                      _stances(c["denied_by"] + c["negated_by"]))
    out.print(table)


def _codes(value) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(v for v in value if v) or "?"
    return value or "?"


def _stances(entries: list[dict]) -> str:
    """'Kim Yong-hyun (KOR, probable, since 2024-10-08)' per speaker."""
    parts = []
    for e in entries:
        who = e["speaker"]
        country = f"{who['country']}, " if who.get("country") else ""
        since = f", since {str(e['first_said'])[:10]}" if e.get("first_said") else ""
        backing = "".join(f", backed by {b.get('country') or b.get('text')}" for b in e.get("backed_by") or [])
        parts.append(f"{who['label']} ({country}{e.get('certainty') or 'certain'}{backing}{since})")
    return "\n".join(parts) or "-"


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_path, fmt):
    """Counts of articles, mentions, events and sources in the store."""
    data = _open_store(store_path).stats()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    table = Table(title=f"eventwire store {store_path}")
    table.add_column("what")
    table.add_column("value")
    for key, value in data.items():
        table.add_row(key, json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (dict, list))
                      else str(value))
    out.print(table)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["plover", "gdelt", "gdelt-mentions", "parquet", "csv"]),
              required=True, help="gdelt: the events table; gdelt-mentions: GDELT 2.0's Mentions table.")
@click.argument("out_path")
def export(store_path, fmt, out_path):
    """Export the store: PLOVER JSONL, GDELT-style events and mentions tables, Parquet or CSV."""
    store = _open_store(store_path)
    if fmt == "gdelt-mentions":
        from eventwire.consolidate.gdelt import GDELT_MENTIONS_COLUMNS, gdelt_mentions_rows

        with open(out_path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=GDELT_MENTIONS_COLUMNS, delimiter="\t",
                                    extrasaction="ignore")
            writer.writeheader()
            n = sum(1 for row in gdelt_mentions_rows(store) if writer.writerow(row) is not None)
    else:
        n = store.export(fmt, out_path)
    err.print(f"wrote {n} rows to {out_path}")


@main.command()
@click.argument("sentence")
@click.option("--lang", default="en", show_default=True, help="Language of the sentence.")
@date_option
def explain(sentence, lang, published):
    """Show which lexicon entries, rules and scores produced each field of each event."""
    from eventwire.coding.coder import code_annotated
    from eventwire.nlp.annotate import annotate

    doc = annotate(sentence, lang, published)
    for s in doc.sentences:
        out.print(f"[bold]sentence[/bold] {s.sentence.text}")
        for m in s.mentions:
            a = m.actor
            out.print(f"  actor mention '{a.text}' → country={a.country} sector={a.sector} name={a.name}"
                      f"  [dim]{'; '.join(m.sources)}[/dim]")
        for d in s.dates:
            out.print(f"  date '{d.text}' → {d.value} ({d.precision})")
        for p in s.places:
            out.print(f"  place '{p.text}' → {p.name}, {p.country} (geonameid {p.geonameid})")
    events_found = code_annotated(doc, "explain")
    if not events_found:
        out.print("[yellow]no event coded[/yellow]: no trigger from the lexicon, or no actor around it")
    for e in events_found:
        out.print(f"\n[bold]{e.event_type}[/bold] confidence {e.confidence:.2f}")
        for step in e.trace:
            score = f" score={step.score:.2f}" if step.score is not None else ""
            src = f"  [dim]{step.source}[/dim]" if step.source else ""
            out.print(f"  {step.field:<20} = {step.value!s:<28} {step.rule}{score}{src}")
        out.print_json(json.dumps(e.to_json(), ensure_ascii=False))


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
def serve(store_path, host, port):
    """Serve the REST API (/api/…, OpenAPI at /openapi.json) and the dashboard (/); read-only unless
    EVENTWIRE_TOKEN is set, which enables POST /api/ingest with that bearer token."""
    import uvicorn

    from eventwire.api import create_app

    _open_store(store_path)
    uvicorn.run(create_app(store_path), host=host, port=port, log_level="info", access_log=False)


def _jsonl_lines(path: str):
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise click.ClickException(f"{path}:{n}: not a JSON line ({exc.msg})")


@main.command()
@click.argument("path")
@click.option("--lang", default="en", show_default=True, help="Language of the sentences.")
@click.option("--min-score", type=float, default=0.25, show_default=True,
              help="event_type is null when the best probability is lower.")
def classify(path, lang, min_score):
    """Relation classification: JSONL lines {id, text, actor:[s,e], recipient:[s,e]} → {id, event_type, scores}."""
    from itertools import groupby, islice

    from eventwire.coding.relation import ModelMissing
    from eventwire.coding.relation.model import classify_pairs

    try:
        for rec_lang, recs in groupby(_jsonl_lines(path), key=lambda rec: rec.get("lang", lang)):
            # in batches: the model's sentence vectors cost ~0.25 s a call, whatever its size
            while batch := list(islice(recs, 256)):
                pairs = [(rec["text"], rec.get("actor"), rec.get("recipient")) for rec in batch]
                for rec, (etype, scores) in zip(batch, classify_pairs(pairs, rec_lang, min_score=min_score)):
                    click.echo(json.dumps({"id": rec.get("id"), "event_type": etype, "scores": scores},
                                          ensure_ascii=False))
    except ModelMissing as exc:
        raise click.ClickException(str(exc))


@main.command("resolve-actor")
@click.argument("path")
@click.option("--lang", default="en", show_default=True)
@click.option("--trace", is_flag=True, help="Also print the lexicon rows used.")
def resolve_actor_cmd(path, lang, trace):
    """Actor resolution: JSONL lines {id, text, context, date} → {id, country, sector, name}."""
    from eventwire.coding.relation.actor_resolution import resolve_actor

    for rec in _jsonl_lines(path):
        got = resolve_actor(rec["text"], rec.get("context"), rec.get("date"), rec.get("lang", lang))
        row = {"id": rec.get("id"), "country": got["country"], "sector": got["sector"], "name": got["name"],
               "role": got["role"]}
        if trace:
            row["trace"] = got["trace"]
        click.echo(json.dumps(row, ensure_ascii=False))


@main.command("eval")
@click.argument("dataset", type=click.Choice(list(DATASETS)))
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the full report as JSON.")
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all", show_default=True,
              help=f"{' / '.join(sorted(SPLITTABLE))} only: score one half (tune on dev, report test).")
def eval_cmd(dataset, json_out, split):
    """Score eventwire on an evaluation set from ../shared/eval (or the dev gold) beside its anchor."""
    from eventwire.evaluation.common import DatasetMissing

    if split != "all" and dataset not in SPLITTABLE:
        raise click.UsageError(f"--split works with {', '.join(sorted(SPLITTABLE))} only")
    run, fmt = DATASETS[dataset]
    try:
        report = run(split) if dataset in SPLITTABLE else run()
    except DatasetMissing as exc:
        err.print(f"[red]missing evaluation data[/red]: {exc}")
        sys.exit(2)
    click.echo(fmt(report))
    if json_out:
        Path(json_out).write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n",
                                  encoding="utf-8")
        err.print(f"wrote {json_out}")


@main.command()
@click.option("--no-grid", is_flag=True, help="Skip the cross-validation grid (use the default C).")
@click.option("--no-encoder", is_flag=True, help="Leave out the fine-tuned encoder head (no PyTorch needed).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Folder for the model (default: the package's models/).")
def train(no_grid, no_encoder, out_dir):
    """Train the relation classifier from ../shared (PLV_train, NGEC synthetic data, PLOVER GSR); the
    encoder head needs PyTorch (pip install -e '.[train]') and takes about fifteen minutes on two cores."""
    from eventwire.coding.relation.train import MODEL_DIR, train as run_train

    try:
        meta = run_train(out_dir=Path(out_dir) if out_dir else MODEL_DIR, log=err.print, grid=not no_grid,
                         encoder=not no_encoder)
    except (FileNotFoundError, ImportError, RuntimeError) as exc:
        raise click.ClickException(str(exc))
    err.print(f"model {meta['name']} data sha256 {meta['training_data_sha256'][:12]} "
              f"CV macro-F1 {meta['cv']['selected_macro_f1']}")


if __name__ == "__main__":
    main()
