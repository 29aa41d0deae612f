#!/usr/bin/env python3
"""End-to-end PLV scoring on PLV_train.tsv (no gold spans), split into two halves by a hash.

The same measurement as the end-to-end row of `eventwire eval plv` (`evaluation/plv.py`:
`end_to_end_report`): each bare sentence goes through the full English coder, the type of its first
event (`--select`) is the prediction (CONCEDE/RETREAT count as YIELD, no event is a wrong answer), macro-F1
over the gold classes.  PLV_test stays untouched.

Halves: sha1 of the sentence text, first byte even → A, odd → B (deterministic, and repeated
sentences fall into the same half).  Error analysis is meant for half A only; half B is the check.

Usage: python tools/plv_train_e2e.py [--half A|B|all] [--select confidence|first] [--errors FILE.jsonl]
                                    [--json OUT]
`--select` picks the sentence's event (`plv.main_event`); `first` is what `eventwire eval plv` uses.
Note: the relation model (`eventwire train`) is trained on PLV_train, so where it overrules a weak
trigger these numbers are optimistic; lexicon changes are measured fairly.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.evaluation.common import code_sentence, dataset_path, hash_half
from eventwire.evaluation.plv import SELECTIONS, end_to_end_report, main_type, read

TRAIN_FILE = "PLV_train.tsv"


def half_of(text: str) -> str:
    return "A" if hash_half(text) == "dev" else "B"  # the same hash rule as the other dev/test splits


def train_rows(half: str = "all", path: Path | None = None) -> list[dict]:
    rows = read(path or dataset_path(TRAIN_FILE))
    return rows if half == "all" else [r for r in rows if half_of(r["text"]) == half]


def _diagnose(row: dict, select: str = "first") -> dict:
    """What the coder did with one sentence: its events, and the trigger matches it found at all."""
    from eventwire.coding.cues import cues_for
    from eventwire.nlp.annotate import annotate

    events = code_sentence(row["text"], "en", None)
    doc = annotate(row["text"], "en", None)
    cues = cues_for("en")
    matches, actors = [], []
    for sent in doc.sentences:
        for m in cues.find_triggers(sent.tokens):
            matches.append(f"{m.text(sent.tokens, sent.sentence.text, sent.sentence.start)}"
                           f"→{m.row['event_type']}:{m.row['weight']}")
        actors.extend(f"{m.actor.text}={m.actor.country or ''}/{m.actor.sector or ''}" for m in sent.mentions)
    return {"uid": row["uid"], "gold": row["label"], "pred": main_type(events, select),
            "text": row["text"],
            "events": [f"{e.event_type}:{e.evidence.trigger}:{e.confidence:.2f}" for e in events],
            "matches": matches, "actors": actors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=["A", "B", "all"], default="all")
    ap.add_argument("--select", choices=SELECTIONS, default="first")
    ap.add_argument("--errors", type=Path, help="write one JSON line per wrongly coded sentence")
    ap.add_argument("--json", type=Path, help="write the report as JSON")
    args = ap.parse_args(argv)
    halves = ["A", "B"] if args.half == "all" else [args.half]
    out = {}
    for half in halves:
        rows = train_rows(half)
        rep = end_to_end_report(rows, select=args.select)
        out[half] = rep
        print(f"PLV_train half {half} ({args.select}): n={rep['n']} macro-F1={rep['macro_f1']:.4f} "
              f"accuracy={rep['accuracy']:.4f} no_event={rep['no_event']}")
        print("  " + "  ".join(f"{c}={v['f1']:.2f}" for c, v in rep["per_class"].items()))
    if args.errors:
        if args.half == "B":
            print("error analysis is for half A only: rerun with --half A to keep half B a fair check",
                  file=sys.stderr)
        with open(args.errors, "w", encoding="utf-8") as fh:
            for row in train_rows(args.half if args.half != "all" else "A"):
                d = _diagnose(row, args.select)
                if d["pred"] != d["gold"]:
                    fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
