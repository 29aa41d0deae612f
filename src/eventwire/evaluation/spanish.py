"""Spanish end to end (UniversalPetrarch validation records): `es_protest_plover.jsonl`, `es_fight.jsonl`.

Each sentence is coded with `code_text(text, "es", date)`; gold and predicted events are matched one-to-one
by type (older labels mapped: DEMAND≈REQUEST, DISAPPROVE≈ACCUSE, SACTION=SANCTION, YIELD covers CONCEDE
and RETREAT; es_fight's CAMEO codes through CAMEO2PLOVER).  Gold events whose label has no PLOVER type
(CRIME, …) are left out and counted.  Reports recall, precision, spurious events per gold event, by type.
"""
from __future__ import annotations

from eventwire.evaluation.common import code_sentence, dataset_path, parse_day, read_jsonl, table
from eventwire.evaluation.crosswalk import cameo_to_plover, old_plover, type_matches
from eventwire.evaluation.events import EventTally

FILES = {"es-plover": "es_protest_plover.jsonl", "es-fight": "es_fight.jsonl"}
ANCHOR = {"system": "UD-PETRARCH on Spanish gold", "recall": 0.44, "spurious_per_gold": 3.2}


def gold_type(event: dict) -> str | None:
    if event.get("plover"):
        return old_plover(event["plover"])
    return cameo_to_plover(event.get("cameo"))


def read(name: str, path=None) -> list[dict]:
    """Sentences with `gold`: [{type, cameo, source_code, target_code}], `unmapped`: gold labels left out."""
    out = []
    for rec in read_jsonl(path or dataset_path(FILES[name])):
        gold, unmapped = [], []
        for ev in rec.get("events") or []:
            if not ev:
                continue
            t = gold_type(ev)
            (gold if t else unmapped).append({"type": t, "label": ev.get("plover") or ev.get("cameo"),
                                              "source_code": ev.get("source_code"),
                                              "target_code": ev.get("target_code")})
        out.append({"id": rec["id"], "text": rec["text"], "date": parse_day(rec.get("date")),
                    "gold": gold, "unmapped": unmapped})
    return out


def score(sentences: list[dict], predict) -> dict:
    tally = EventTally()
    unmapped = 0
    for s in sentences:
        preds = [{"type": t} for t in predict(s)]
        tally.add(s["gold"], preds, lambda g, p: type_matches(g["type"], p["type"]))
        unmapped += len(s["unmapped"])
    report = tally.summary()
    report["sentences"] = len(sentences)
    report["gold_left_out"] = unmapped
    return report


def evaluate(name: str, path=None) -> dict:
    sentences = read(name, path)

    def predict(s):
        return [m.event_type for m in code_sentence(s["text"], "es", s["date"], s["id"])]

    return {"dataset": name, "file": FILES[name], "anchor": ANCHOR} | score(sentences, predict)


def format_report(report: dict) -> str:
    o = report["overall"]
    lines = [f"{report['dataset']}: {report['file']} — {report['sentences']} sentences, {o['gold']} gold events "
             f"({report['gold_left_out']} gold events without a PLOVER type left out), {o['predicted']} predicted",
             table(["metric", "eventwire", "anchor (UD-PETRARCH)"],
                   [["recall", o["recall"], ANCHOR["recall"]], ["precision", o["precision"], None],
                    ["F1", o["f1"], None],
                    ["spurious events per gold event", o["spurious_per_gold"], ANCHOR["spurious_per_gold"]]]),
             "", "by type",
             table(["type", "gold", "pred", "recall", "precision"],
                   [[t, v["gold"], v["predicted"], v["recall"], v["precision"]]
                    for t, v in report["by_type"].items()])]
    return "\n".join(lines)
