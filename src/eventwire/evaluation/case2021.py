"""CASE 2021 task 2 (ACLED sub-event types) through eventwire's own PLOVER type + mode → ACLED crosswalk
(`evaluation/data/plover2acled.tsv`); never trained on CASE.  Each snippet is coded with the rule coder;
its most confident event's type and modes give the sub-event type, no event gives `NO_EVENT` (always
wrong).  Score: weighted F1 over the gold classes, as in the shared task."""
from __future__ import annotations

import csv

from eventwire.evaluation.common import code_sentence, dataset_path, table
from eventwire.evaluation.crosswalk import plover_to_acled
from eventwire.evaluation.metrics import classification_report

FILE = "case2021_task2_test.tsv"
ANCHOR = {"system": "CASE 2021 task 2 best (weighted F1)", "weighted_f1": 0.839}


def read(path=None) -> list[dict]:
    with open(path or dataset_path(FILE), encoding="utf-8", newline="") as handle:
        return [{"id": r["id"], "text": r["EventSnippet"], "label": r["SubType"].strip()}
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def predict_label(text: str) -> str:
    events = code_sentence(text, "en", None)
    best = max(events, key=lambda e: e.confidence, default=None)
    if best is None:
        return "NO_EVENT"
    return plover_to_acled(best.event_type, list(best.mode)) or "NO_EVENT"


def evaluate(path=None) -> dict:
    rows = read(path)
    gold = [r["label"] for r in rows]
    pred = [predict_label(r["text"]) for r in rows]
    rep = classification_report(gold, pred)
    return {"dataset": "case2021", "file": FILE, "anchor": ANCHOR, **rep,
            "no_event": sum(p == "NO_EVENT" for p in pred)}


def format_report(report: dict) -> str:
    return "\n".join([
        f"case2021: {report['file']} — {report['n']} snippets, {report['no_event']} without a coded event",
        table(["metric", "eventwire", "anchor (CASE best)"],
              [["weighted F1", report["weighted_f1"], ANCHOR["weighted_f1"]],
               ["macro F1", report["macro_f1"], None], ["accuracy", report["accuracy"], None]]),
        "", table(["sub-event type", "gold", "pred", "P", "R", "F1"],
                  [[c, v["gold"], v["predicted"], v["precision"], v["recall"], v["f1"]]
                   for c, v in report["per_class"].items()])])
