"""English AFP sentences with PETRARCH2 gold CAMEO codings (`en_petr2_gsr.jsonl`).

Gold CAMEO codes → PLOVER types through CAMEO2PLOVER; actor country = first three letters of the CAMEO
actor code (`---` = unknown).  The rule coder's events are matched one-to-one per sentence:
* type: same PLOVER type (YIELD covers CONCEDE/RETREAT);
* type + actor: and the gold source country is among the predicted actor countries (an unknown gold
  country matches anything).
"""
from __future__ import annotations

from eventwire.evaluation.common import code_sentence, dataset_path, parse_day, read_jsonl, table
from eventwire.evaluation.crosswalk import cameo_to_plover, type_matches
from eventwire.evaluation.events import EventTally

FILE = "en_petr2_gsr.jsonl"


def _country(code: str | None) -> str | None:
    c = (code or "")[:3].upper()
    return None if not c or c == "---" or not c.isalpha() else c


def read(path=None) -> list[dict]:
    out = []
    for rec in read_jsonl(path or dataset_path(FILE)):
        gold = []
        for ev in rec.get("events") or []:
            t = cameo_to_plover(ev.get("cameo")) if ev else None
            if t:
                gold.append({"type": t, "cameo": ev["cameo"], "actor": _country(ev.get("source_code")),
                             "recipient": _country(ev.get("target_code"))})
        out.append({"id": rec["id"], "text": rec["text"], "date": parse_day(rec.get("date")), "gold": gold})
    return out


def _actor_ok(g, p) -> bool:
    return type_matches(g["type"], p["type"]) and (g["actor"] is None or g["actor"] in p["actors"])


def score(sentences: list[dict], predict) -> dict:
    by_type, by_actor = EventTally(), EventTally()
    for s in sentences:
        preds = predict(s)
        by_type.add(s["gold"], preds, lambda g, p: type_matches(g["type"], p["type"]))
        by_actor.add(s["gold"], preds, _actor_ok)
    return {"sentences": len(sentences), "type": by_type.summary(), "type_actor": by_actor.summary()}


def evaluate(path=None) -> dict:
    def predict(s):
        return [{"type": m.event_type, "actors": {a.country for a in m.actor if a.country}}
                for m in code_sentence(s["text"], "en", s["date"], s["id"])]

    return {"dataset": "petr2-gsr", "file": FILE, "anchor": None} | score(read(path), predict)


def format_report(report: dict) -> str:
    t, a = report["type"]["overall"], report["type_actor"]["overall"]
    return "\n".join([
        f"petr2-gsr: {report['file']} — {report['sentences']} sentences, {t['gold']} gold codings, "
        f"{t['predicted']} predicted events",
        table(["match", "recall", "precision", "F1", "spurious/gold", "anchor"],
              [["type", t["recall"], t["precision"], t["f1"], report["type"]["overall"]["spurious_per_gold"], None],
               ["type + actor country", a["recall"], a["precision"], a["f1"], a["spurious_per_gold"], None]]),
        "(no published anchor for this file)", "", "by type (type match)",
        table(["type", "gold", "pred", "recall", "precision"],
              [[k, v["gold"], v["predicted"], v["recall"], v["precision"]]
               for k, v in report["type"]["by_type"].items()])])
